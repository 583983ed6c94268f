"""A therapist's working day: sessions, the rules, protected time, warnings and weeks.

Above :mod:`selfcare._model`. The layout works on integer minutes of a local day (see
:mod:`selfcare._time.timeline`); pendulum values are built for the blocks returned.
"""
