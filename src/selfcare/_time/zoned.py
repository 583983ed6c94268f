"""Zoned instants and IANA time zones.

A zoned instant keeps its IANA zone. Values are accepted as stdlib ``datetime`` (with a
``zoneinfo.ZoneInfo`` or UTC) or pendulum ``DateTime`` and stored as :class:`DateTime`, a
pendulum ``DateTime`` in canonical form: the same instant, in the same zone, with ``fold``
set only where the wall-clock time is ambiguous.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import lru_cache
from typing import Any

import pendulum

from selfcare._core.checks import fail, got

MAX_ZONE = 64


class DateTime(pendulum.DateTime):
    """A pendulum ``DateTime`` that compares, hashes and pickles by its exact instant.

    Python compares two datetimes that share a ``tzinfo`` by wall-clock time and ignores
    ``fold``, so the two instants of an ambiguous local time would compare equal, and
    pendulum's pickling drops ``fold``. This subclass compares and hashes by the instant
    (as aware datetimes in different zones do) and pickles and copies with its fold.
    """

    def _instant(self) -> dt.datetime:
        return _instant(self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, dt.datetime) and other.tzinfo is not None:
            return self._instant() == _instant(other)
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        if isinstance(other, dt.datetime) and other.tzinfo is not None:
            return self._instant() != _instant(other)
        return NotImplemented

    def __lt__(self, other: object) -> bool:
        if isinstance(other, dt.datetime) and other.tzinfo is not None:
            return self._instant() < _instant(other)
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if isinstance(other, dt.datetime) and other.tzinfo is not None:
            return self._instant() <= _instant(other)
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if isinstance(other, dt.datetime) and other.tzinfo is not None:
            return self._instant() > _instant(other)
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if isinstance(other, dt.datetime) and other.tzinfo is not None:
            return self._instant() >= _instant(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._instant())

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        return _rebuild, (*self.timetuple()[:6], self.microsecond, self.timezone_name, self.fold)

    def __reduce__(self) -> tuple[Any, ...]:
        return self.__reduce_ex__(2)

    def __copy__(self) -> DateTime:
        return self

    def __deepcopy__(self, memo: Any) -> DateTime:
        return self


def _instant(value: dt.datetime) -> dt.datetime:
    """The instant as a stdlib naive UTC datetime (exact, and honouring ``fold``)."""
    offset = value.utcoffset()
    assert offset is not None
    naive = dt.datetime(
        value.year,
        value.month,
        value.day,
        value.hour,
        value.minute,
        value.second,
        value.microsecond,
    )
    return naive - offset


def _rebuild(
    year: int,
    month: int,
    day: int,
    hour: int,
    minute: int,
    second: int,
    micro: int,
    name: str,
    fold: int,
) -> DateTime:
    return DateTime(year, month, day, hour, minute, second, micro, tzinfo=zone(name), fold=fold)


def to_at(value: dt.datetime) -> DateTime:
    """An attrs converter for a field named ``at``: any zoned datetime, stored canonically."""
    return check_zoned("at", value)


def zoned_key(value: dt.datetime) -> tuple[dt.datetime, str | None]:
    """What makes two zoned values the same: the instant and the zone."""
    return _instant(value), zone_name(value)


@lru_cache(maxsize=1024)
def _zone(name: str) -> pendulum.Timezone | None:
    try:
        zoneinfo.ZoneInfo(name)  # case-sensitive, unlike pendulum's special case for "utc"
        return pendulum.timezone(name)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return None


def check_zone(field: str, value: object) -> str:
    """Require an IANA time zone name such as ``"Europe/London"``; return it."""
    if not isinstance(value, str) or not value or len(value) > MAX_ZONE or _zone(value) is None:
        raise fail(
            field,
            "expected an IANA time zone name such as 'Europe/London' or 'UTC' "
            f"(fixed offsets and 'local' are not zones), {got(value)}",
        )
    return value


def zone(name: str) -> pendulum.Timezone:
    """Return the pendulum zone for a name already checked with :func:`check_zone`."""
    found = _zone(name)
    assert found is not None, name
    return found


def zone_name(value: dt.datetime) -> str | None:
    """Return the IANA zone name of an aware datetime, or ``None`` when it has none."""
    tz = value.tzinfo
    if tz is dt.UTC:
        return "UTC"
    if isinstance(tz, zoneinfo.ZoneInfo):  # pendulum.Timezone is a ZoneInfo too
        return tz.key
    return None


def check_zoned(field: str, value: object) -> DateTime:
    """Require an aware datetime in an IANA zone; return it as a canonical :class:`DateTime`."""
    if type(value) is DateTime and is_canonical(value):
        return value  # what in_zone would give back: an equal DateTime in the same zone
    if not isinstance(value, dt.datetime):
        raise fail(
            field,
            "expected a datetime with an IANA time zone, e.g. "
            f"pendulum.datetime(2026, 1, 5, 21, tz='Europe/London'), {got(value)}",
        )
    name = zone_name(value)
    if name is None or _zone(name) is None:
        raise fail(
            field,
            "expected a datetime with an IANA time zone (zoneinfo.ZoneInfo or a pendulum zone); "
            "a naive datetime or a fixed offset loses the person's zone",
        )
    try:
        return in_zone(value, zone(name))
    except (OverflowError, ValueError):
        raise fail(
            field, "expected an instant between the years 2 and 9998; this one is out of range"
        ) from None


def is_canonical(value: DateTime) -> bool:
    """Whether a :class:`DateTime` is in canonical form: :func:`in_zone` would give it back.

    That is: its zone is the (cached) pendulum zone of its IANA name, its year is well
    inside the range that converts to UTC and back, its wall-clock time exists in the zone,
    and ``fold`` is set only where that time is ambiguous. The offsets are looked up on a
    stdlib copy of the wall-clock time: zoneinfo reads a pendulum value through slow
    attribute calls.
    """
    tz = value.tzinfo
    if type(tz) is not pendulum.Timezone or _zone(tz.key) is not tz:
        return False
    year = value.year
    if not 2 <= year <= 9998:
        return False
    parts = (year, value.month, value.day, value.hour, value.minute, value.second)
    micro = value.microsecond
    earlier = _utcoffset(tz, dt.datetime(*parts, micro))
    later = _utcoffset(tz, dt.datetime(*parts, micro, fold=1))
    assert earlier is not None
    assert later is not None
    # Equal offsets: an ordinary time, canonical with fold 0. The earlier offset larger: an
    # ambiguous time (clocks went back), canonical with either fold. Smaller: a gap.
    return earlier > later or (earlier == later and not value.fold)


_utcoffset = zoneinfo.ZoneInfo.utcoffset


def in_zone(value: dt.datetime, tz: pendulum.Timezone) -> DateTime:
    """The instant ``value`` (aware) as a canonical :class:`DateTime` in ``tz``.

    Goes through the stdlib's ``fromutc``, which sets ``fold`` only for the second of two
    ambiguous wall-clock times; pendulum's own conversions can leave ``fold=1`` elsewhere.
    """
    u = dt.datetime.astimezone(value, dt.UTC)
    plain = dt.datetime(u.year, u.month, u.day, u.hour, u.minute, u.second, u.microsecond, dt.UTC)
    local = plain.astimezone(tz)
    return DateTime(
        local.year,
        local.month,
        local.day,
        local.hour,
        local.minute,
        local.second,
        local.microsecond,
        tzinfo=tz,
        fold=local.fold,
    )


def local_date(value: dt.datetime, name: str) -> dt.date:
    """The calendar date an instant falls on in the zone ``name``.

    Example:
        >>> local_date(pendulum.datetime(2026, 1, 5, 23, 30, tz="UTC"), "Asia/Tokyo")
        datetime.date(2026, 1, 6)
    """
    local = dt.datetime.astimezone(value, dt.UTC).astimezone(zone(name))
    return dt.date(local.year, local.month, local.day)
