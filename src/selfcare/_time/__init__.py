"""Time: calendar words, zoned instants, UTC offsets, recurrences and their occurrences.

Above :mod:`selfcare._core` and below everything else. The inner loops work on date ordinals
and integer minutes and seconds; pendulum values are built only for what is returned.
"""
