"""The cells of a record: plain dates and times, joined lists, reasons and periods.

Each row builder in this package turns one value into flat rows of str, int, float, bool,
``None``, dates, zoned datetimes and times. Enums become their string values; lists become
comma-separated text (``""`` when empty); category columns follow the order of
:class:`Category`. Private text (journal entries, session references) is only written when
``private`` is true.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from selfcare._model.reasons import Reason
from selfcare._time.calendar import Period

__all__ = [
    "Record",
    "Value",
    "clock",
    "joined",
    "period_of",
    "plain_date",
    "plain_time",
    "reasons_of",
]

Value = str | int | float | bool | dt.date | dt.datetime | dt.time | None
"""A value a record may hold (``datetime.datetime`` values are zoned pendulum ones)."""

Record = dict[str, Value]
"""One flat row: column names to values."""


def plain_date(day: dt.date | None) -> dt.date | None:
    """A date as a plain ``datetime.date`` (pendulum's ``Date`` is turned into one)."""
    return None if day is None else dt.date(day.year, day.month, day.day)


def plain_time(at: dt.datetime) -> dt.time:
    """The wall-clock time of a datetime as a plain ``datetime.time`` (no zone, no fold)."""
    return dt.time(at.hour, at.minute, at.second, at.microsecond)


def clock(when: dt.time) -> str:
    """A time of day as ``07:30`` (with seconds only when it has some)."""
    return when.isoformat(timespec="minutes" if not when.second else "seconds")


def joined(values: Iterable[str], sep: str = ",") -> str:
    """Values as one text, comma-separated by default (``""`` when there are none)."""
    return sep.join(values)


def reasons_of(reasons: Iterable[Reason]) -> Record:
    listed = tuple(reasons)
    return {
        "reason_codes": joined(r.code.value for r in listed),
        "reasons": joined((r.text for r in listed), "; "),
    }


def period_of(period: Period | None) -> Record:
    return {
        "period_first": None if period is None else plain_date(period.first),
        "period_last": None if period is None else plain_date(period.last),
    }
