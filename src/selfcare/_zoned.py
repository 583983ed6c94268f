"""Zoned instants and IANA time zones.

A zoned instant keeps its IANA zone. Values are accepted as stdlib ``datetime`` (with a
``zoneinfo.ZoneInfo`` or UTC) or pendulum ``DateTime`` and stored as pendulum ``DateTime``
in canonical form: the same instant, in the same zone, with ``fold`` set only where the
wall-clock time is ambiguous.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import lru_cache

import pendulum

from selfcare._checks import fail, got

MAX_ZONE = 64


@lru_cache(maxsize=1024)
def _zone(name: str) -> pendulum.Timezone | None:
    try:
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


def check_zoned(field: str, value: object) -> pendulum.DateTime:
    """Require an aware datetime in an IANA zone; return it as a canonical pendulum DateTime."""
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
    return in_zone(dt.datetime.astimezone(value, dt.UTC), zone(name))


def in_zone(value: dt.datetime, tz: pendulum.Timezone) -> pendulum.DateTime:
    """The instant ``value`` (aware) as a canonical pendulum DateTime in ``tz``.

    Goes through the stdlib's ``fromutc``, which sets ``fold`` only for the second of two
    ambiguous wall-clock times; pendulum's own conversions can leave ``fold=1`` elsewhere.
    """
    u = dt.datetime.astimezone(value, dt.UTC)
    plain = dt.datetime(u.year, u.month, u.day, u.hour, u.minute, u.second, u.microsecond, dt.UTC)
    local = plain.astimezone(tz)
    return pendulum.DateTime(
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
