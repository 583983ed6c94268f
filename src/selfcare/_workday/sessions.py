"""Client sessions on a therapist's calendar, as an app passes them in.

A session is a zoned start and a length in real elapsed minutes. It never holds a client's
name or notes: an app that needs to match a session back to its own records passes an
opaque ``ref`` slug, which is kept out of every ``repr`` and error message.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from typing import Any

import attrs
import pendulum

from selfcare._core import checks as check
from selfcare._core.errors import ValidationError
from selfcare._time.timeline import minute_of
from selfcare._time.zoned import check_zoned, in_zone

__all__ = ["Session", "SessionLike"]

MAX_SESSIONS = 10_000
"""The most sessions one call accepts (a day holds at most 100, see ``MAX_SESSIONS_A_DAY``)."""

MAX_SESSIONS_A_DAY = 100


def _private(value: object) -> str:
    return "None" if value is None else "<private>"


def _when(start: pendulum.DateTime) -> str:
    return f"{start.format('YYYY-MM-DD HH:mm')} ({start.timezone_name})"


def _zoned_start(value: dt.datetime) -> pendulum.DateTime:
    return check_zoned("start", value)


def _length(start: dt.datetime, end: dt.datetime) -> int:
    """The whole minutes from ``start`` to ``end``, both zoned."""
    first = check_zoned("start", start)
    last = check_zoned("end", end)
    seconds = (dt.datetime.astimezone(last, dt.UTC) - first.astimezone(dt.UTC)).total_seconds()
    if seconds <= 0:
        raise check.fail(
            "end",
            f"the session starting {_when(first)} ends at or before its start; "
            "expected the end after the start (swap them, or fix the length)",
        )
    if seconds % 60:
        raise check.fail("end", "expected a whole number of minutes after the start")
    return int(seconds // 60)


@attrs.frozen(init=False)
class Session:
    """A client session: when it starts and how many minutes it lasts.

    Lengths are real elapsed minutes, so a 60-minute session that starts at 01:30 on the
    night the clocks go forward ends at 03:30 by the wall clock. Build one from a start and
    an end with ``Session(start, end=end)`` or :meth:`between`.

    Attributes:
        start: when the session starts, a datetime with an IANA time zone, to the minute.
        minutes: its length, 1 to 1,440 minutes.
        ref: an optional opaque slug an app uses to find its own record of the session
            (never a client's name); it is kept out of ``repr`` and error messages.

    Pass ``end=`` (a zoned datetime) instead of ``minutes`` to give the end.

    Example:
        >>> s = Session(pendulum.datetime(2026, 3, 2, 9, tz="Europe/London"), 50, ref="a1")
        >>> s.end
        DateTime(2026, 3, 2, 9, 50, 0, tzinfo=Timezone('Europe/London'))
        >>> s
        Session(start=DateTime(2026, 3, 2, 9, 0, 0, tzinfo=Timezone('Europe/London')), minutes=50, ref=<private>)
    """  # noqa: E501

    start: pendulum.DateTime = attrs.field(converter=_zoned_start)
    minutes: int = attrs.field()
    ref: str | None = attrs.field(default=None, repr=_private)

    def __init__(
        self,
        start: dt.datetime,
        minutes: int | None = None,
        ref: str | None = None,
        *,
        end: dt.datetime | None = None,
    ) -> None:
        if end is not None:
            if minutes is not None:
                raise check.fail("end", "give the session's minutes or its end, not both")
            minutes = _length(start, end)
        elif minutes is None:
            raise check.fail("minutes", "expected the session's length in minutes, or its end=")
        self.__attrs_init__(start, minutes, ref)

    def __attrs_post_init__(self) -> None:
        start = self.start
        if start.second or start.microsecond:
            raise check.fail("start", "expected a whole minute (no seconds); round the start")
        if not check.is_int(self.minutes) or not 1 <= self.minutes <= check.MAX_MINUTES:
            raise check.fail(
                "minutes",
                f"the session starting {_when(start)} needs a length of 1 to "
                f"{check.MAX_MINUTES} minutes, {check.got(self.minutes)}",
            )
        if self.ref is not None:
            check.check_slug("ref", self.ref, "an opaque reference")

    @classmethod
    def between(cls, start: dt.datetime, end: dt.datetime, ref: str | None = None) -> Session:
        """The session from ``start`` to ``end`` (both zoned; the zones may differ).

        ``Session(start, end=end)`` does the same.

        Example:
            >>> Session.between(
            ...     pendulum.datetime(2026, 3, 2, 9, tz="Europe/London"),
            ...     pendulum.datetime(2026, 3, 2, 9, 50, tz="Europe/London"),
            ... ).minutes
            50
        """
        return cls(start, end=end, ref=ref)

    @property
    def end(self) -> pendulum.DateTime:
        """When the session ends, in the zone of its start."""
        utc = dt.datetime.astimezone(self.start, dt.UTC) + dt.timedelta(minutes=self.minutes)
        tz = self.start.tzinfo
        assert isinstance(tz, pendulum.Timezone)  # check_zoned stores a zone
        return in_zone(utc, tz)


SessionLike = Session | tuple[dt.datetime, int | dt.datetime]
"""A :class:`Session`, or a ``(start, minutes)`` or ``(start, end)`` pair."""


def as_session(value: object) -> Session:
    """Turn a session or a ``(start, minutes)`` / ``(start, end)`` pair into a Session."""
    if isinstance(value, Session):
        return value
    if isinstance(value, tuple) and len(value) == 2:
        start, length = value
        if isinstance(length, dt.datetime):
            return Session.between(start, length)
        return Session(start, length)
    raise check.fail(
        "",
        "expected a Session, or a (start, minutes) or (start, end) pair, " + check.got(value),
    )


def collect(values: object, field: str = "sessions") -> list[tuple[str, Session]]:
    """Read an iterable of sessions, each with the path that names it in errors.

    Every problem is reported, by position, e.g. ``sessions[2].minutes``.
    """
    raw: Any = values
    lone = isinstance(raw, str | bytes | Session) or _is_pair(raw)
    if lone or not isinstance(raw, Iterable):
        raise check.fail(field, "expected a list of sessions, " + check.got(raw))
    items = list(itertools.islice(raw, MAX_SESSIONS + 1))
    if len(items) > MAX_SESSIONS:
        raise check.fail(field, f"expected at most {MAX_SESSIONS} sessions in one call")
    found: list[tuple[str, Session]] = []
    problems: list[tuple[str, str]] = []
    for position, item in enumerate(items):
        path = f"{field}[{position}]"
        try:
            found.append((path, as_session(item)))
        except ValidationError as error:
            problems.extend((_join(path, sub), message) for sub, message in error.problems)
    if problems:
        raise ValidationError(problems)
    return found


def _is_pair(value: object) -> bool:
    """A lone ``(start, minutes)`` pair given where a list of them belongs."""
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], dt.datetime)


def _join(path: str, sub: str) -> str:
    return f"{path}.{sub}" if sub else path


def bounds(session: Session) -> tuple[int, int]:
    """The session's first minute and the minute after it, since the epoch."""
    first = minute_of(session.start)
    return first, first + session.minutes
