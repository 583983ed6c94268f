"""iCalendar (RFC 5545) out and in, on the ``icalendar`` package; :mod:`selfcare.ical` is the face.

``zones`` writes a VTIMEZONE in yearly rules, ``events`` turns plans and working days into
events, and ``sessions`` reads client sessions from a practice calendar.
"""
