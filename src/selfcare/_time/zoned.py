"""Zoned instants and IANA time zones.

A zoned instant keeps its IANA zone. Values are accepted as stdlib ``datetime`` (with a
``zoneinfo.ZoneInfo`` or UTC) or pendulum ``DateTime`` and stored as :class:`DateTime`, a
pendulum ``DateTime`` in canonical form: the same instant, in the same zone, with ``fold``
set only where the wall-clock time is ambiguous.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import zoneinfo
from functools import cache, lru_cache
from typing import Any

import pendulum

from selfcare._core.checks import fail, reads_as
from selfcare._core.describe import describe, got

#: The longest zone name accepted (the longest in the tz database has 32 characters).
MAX_ZONE = 64
#: The start of every message about a zone name.
EXPECTED_ZONE = "expected an IANA time zone name such as 'Europe/London' or 'UTC'"

#: The years a zoned instant may fall in, in its own zone: a year inside the stdlib's range
#: at each end, so that a day or a week around any instant can still be worked out.
FIRST_YEAR, LAST_YEAR = 2, 9998
RANGE_PROBLEM = (
    f"expected an instant from {dt.date(FIRST_YEAR, 1, 1)} to {dt.date(LAST_YEAR, 12, 31)} "
    "in its zone (the supported range); this one is outside it, so pick a date inside"
)

# Which names of the tz database are zones here: docs/reference/time.md, "Time zones".

#: The areas whose zones are places: the continents and oceans, and the old country folders
#: of the tz database's ``backward`` file (``US/Eastern``, ``Canada/Atlantic``, ...).
_AREAS = frozenset(
    {
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
        "Brazil",
        "Canada",
        "Chile",
        "Mexico",
        "US",
    }
)
#: The areas under which a rejected ``Area/Place`` name is quoted: the real ones, and the
#: host's copies of the database (``posix/``, ``right/``).
_QUOTED_AREAS = frozenset({*(area.lower() for area in _AREAS), "posix", "right"})
#: Old names of countries and islands from the ``backward`` file, each a link to a place.
_OLD_PLACES = frozenset(
    {
        "Cuba",
        "Egypt",
        "Eire",
        "GB",
        "GB-Eire",
        "Hongkong",
        "Iceland",
        "Iran",
        "Israel",
        "Jamaica",
        "Japan",
        "Kwajalein",
        "Libya",
        "NZ",
        "NZ-CHAT",
        "Navajo",
        "PRC",
        "Poland",
        "Portugal",
        "ROC",
        "ROK",
        "Singapore",
        "Turkey",
        "W-SU",
    }
)
#: Universal time names no place, but every app uses it.
_UTC = frozenset({"UTC", "Etc/UTC"})

_INSTEAD = "name the place's zone instead, e.g. "
_HOST = "which depends on the host it runs on, not on a place"
_FIXED = "a fixed offset without daylight-saving rules"
_ABBREVIATION = "an abbreviation, not a place"
_OLD_RULE = "an abbreviation of an old POSIX rule, not a place"
_GMT = (_FIXED, _INSTEAD + "'Europe/London' (which keeps British Summer Time), or write 'UTC'")
_UTC_ALIAS = ("another name for UTC", "write 'UTC'")
#: The names refused, each with why and how to fix it. Other names of the tz database that
#: are not places are refused too (see :func:`_refusal`).
_REFUSED: dict[str, tuple[str, str]] = {
    "local": (_HOST, _INSTEAD + "'Europe/London'"),
    "localtime": (_HOST, _INSTEAD + "'Europe/London'"),
    "posixrules": (_HOST, _INSTEAD + "'Europe/London'"),
    "Factory": (_HOST + " (a placeholder for a zone never set)", _INSTEAD + "'Europe/London'"),
    **dict.fromkeys(("UCT", "Universal", "Zulu"), _UTC_ALIAS),
    **dict.fromkeys(("Etc/UCT", "Etc/Universal", "Etc/Zulu"), _UTC_ALIAS),
    **dict.fromkeys(("GMT", "GMT+0", "GMT-0", "GMT0", "Greenwich"), _GMT),
    **dict.fromkeys(("Etc/GMT", "Etc/GMT+0", "Etc/GMT-0", "Etc/GMT0", "Etc/Greenwich"), _GMT),
    "EST": ("an abbreviation for " + _FIXED, _INSTEAD + "'America/New_York'"),
    "MST": ("an abbreviation for " + _FIXED, _INSTEAD + "'America/Denver' or 'America/Phoenix'"),
    "HST": ("an abbreviation for " + _FIXED, _INSTEAD + "'Pacific/Honolulu'"),
    "EST5EDT": (_OLD_RULE, _INSTEAD + "'America/New_York'"),
    "CST6CDT": (_OLD_RULE, _INSTEAD + "'America/Chicago'"),
    "MST7MDT": (_OLD_RULE, _INSTEAD + "'America/Denver'"),
    "PST8PDT": (_OLD_RULE, _INSTEAD + "'America/Los_Angeles'"),
    "CET": (_ABBREVIATION, _INSTEAD + "'Europe/Paris'"),
    "MET": (_ABBREVIATION, _INSTEAD + "'Europe/Paris'"),
    "EET": (_ABBREVIATION, _INSTEAD + "'Europe/Athens'"),
    "WET": (_ABBREVIATION, _INSTEAD + "'Europe/Lisbon'"),
}
_REFUSED_BY_KEY = {name.lower(): reason for name, reason in _REFUSED.items()}
#: ``Etc/GMT+5`` and its kind, and offsets written as ``UTC+2``, ``GMT-05:00`` or ``+01:00``.
_OFFSET = re.compile(r"(etc/gmt|gmt|utc)?([+-])([0-9]{1,2})(?::?([0-9]{2}))?", re.IGNORECASE)
#: The shape of a tz database name, which a message may quote: one to three parts of ASCII
#: letters, ``_`` and ``-``, each at most 14 characters and starting with a letter.
_ZONE_LIKE = re.compile(r"[A-Za-z][A-Za-z_-]{0,13}(?:/[A-Za-z][A-Za-z_-]{0,13}){0,2}")


@cache
def zoneinfo_names() -> frozenset[str]:
    """Every name the tz database lists here, refused or not (``zoneinfo.available_timezones``).

    With the ``tzdata`` package installed, its names are included. Listed once a process,
    the first time a name is checked.
    """
    return frozenset(zoneinfo.available_timezones())


@cache
def _tzdata_names() -> frozenset[str]:
    """The names the ``tzdata`` package lists in its one ``zones`` file, or none without it.

    :func:`zoneinfo_names` reads the same file first, then opens every file on the host's
    zone path (about 20 ms). A place's name found here is accepted without that listing.

    The file is read through the package's loader, found without importing the package,
    and without ``importlib.resources`` (about 4 ms to import on first use).
    """
    try:
        spec = importlib.util.find_spec("tzdata")
        get_data = getattr(spec and spec.loader, "get_data", None)
        folders = spec and spec.submodule_search_locations
        if get_data is None or not folders:
            return frozenset()
        text = get_data(f"{folders[0]}/zones").decode("utf-8")
    except (ImportError, ValueError, OSError):
        return frozenset()
    return frozenset(filter(None, map(str.strip, text.splitlines())))


def _is_place(name: str) -> bool:
    area, slash, _ = name.partition("/")
    return (bool(slash) and area in _AREAS) or name in _OLD_PLACES or name in _UTC


def _is_accepted(name: str) -> bool:
    """Tell whether ``name`` is in :func:`accepted_zones`, listing the database only if need be."""
    return _is_place(name) and (name in _tzdata_names() or name in zoneinfo_names())


@cache
def accepted_zones() -> frozenset[str]:
    """The zone names accepted: the tz database's names of places, and ``UTC``.

    Of the names :func:`zoneinfo_names` lists, those of a continent or ocean
    (``Europe/London``, ``America/Argentina/Buenos_Aires``), the old country folders and
    country names of the ``backward`` file (``US/Eastern``, ``Canada/Atlantic``, ``GB``,
    ``Japan``), and ``UTC`` and ``Etc/UTC``. Refused: names that depend on the host
    (``localtime``, ``Factory``), fixed offsets (``Etc/GMT+5``, ``GMT``, ``EST``),
    abbreviations (``CET``, ``EST5EDT``) and the other names of UTC (``Zulu``).

    Example:
        >>> "Europe/London" in accepted_zones(), "EST" in accepted_zones()
        (True, False)
    """
    return frozenset(filter(_is_place, zoneinfo_names()))


@cache
def _by_key() -> tuple[dict[str, str], dict[str, str]]:
    """Each accepted name by its lowercase form, and by its lowercase last part (a city).

    Where two names share a city (``US/Eastern``, ``Canada/Eastern``), the shorter (then the
    first in order) is kept.
    """
    names = sorted(accepted_zones(), key=lambda name: (len(name), name))
    by_city: dict[str, str] = {}
    for name in names:
        by_city.setdefault(name.rpartition("/")[2].lower(), name)
    return {name.lower(): name for name in names}, by_city


@lru_cache(maxsize=256)
def suggest_zone(value: str) -> str | None:
    """The accepted zone name closest to ``value``, ignoring case, or ``None``.

    A name with an area is compared with the names, one without with the cities (so a city
    alone finds its zone), by ``difflib.get_close_matches``.

    Example:
        >>> suggest_zone("America/NewYork"), suggest_zone("europe/london"), suggest_zone("Tokyo")
        ('America/New_York', 'Europe/London', 'Asia/Tokyo')
    """
    import difflib  # only on the way to an error

    by_name, by_city = _by_key()
    key = value.strip().lower().replace(" ", "_")
    keys = by_name if "/" in key else by_city
    if key in keys:
        return keys[key]
    close = difflib.get_close_matches(key, keys, n=1)
    return keys[close[0]] if close else None


def _refusal(value: str) -> tuple[str, str] | None:
    """Why a refused kind of name is refused and how to fix it, or ``None``."""
    refused = _REFUSED.get(value) or _REFUSED_BY_KEY.get(value.lower())
    if refused is not None:
        return refused
    area, _, rest = value.partition("/")
    if area in ("posix", "right"):  # the host's copies of the database, "right" with leap seconds
        return _HOST, _INSTEAD + (f"'{rest}'" if rest in accepted_zones() else "'Europe/London'")
    if value.lower().endswith(("standard time", "daylight time")):  # "Eastern Standard Time"
        return "a Windows zone name, not an IANA one", _INSTEAD + "'America/New_York'"
    offset = _OFFSET.fullmatch(value)
    if offset is not None:
        prefix, sign, hours, minutes = offset.groups()
        if prefix is not None and prefix.lower() == "etc/gmt":
            sign = "-" if sign == "+" else "+"  # POSIX's sign: Etc/GMT+5 is 5 hours behind UTC
        fixed = f"a fixed offset (UTC{sign}{hours.zfill(2)}:{minutes or '00'})"
        return f"{fixed} without daylight-saving rules", _INSTEAD + "'Europe/London'"
    if value in zoneinfo_names():
        return "which names no place", _INSTEAD + "'Europe/London'"
    return None


def _quotable(value: str) -> bool:
    """Whether a message may quote a rejected zone name: it is clearly meant as one.

    That is a name the tz database lists, a refused name, an offset, or an ``Area/Place``
    shaped name under a known area (``America/NewYork``). A bare word that names no zone
    (``Tokyo``, or any word a person wrote) is described, never quoted.
    """
    if value in zoneinfo_names() or value.lower() in _REFUSED_BY_KEY or _OFFSET.fullmatch(value):
        return True
    area = value.partition("/")[0].lower()
    return bool(_ZONE_LIKE.fullmatch(value)) and "/" in value and area in _QUOTED_AREAS


def zone_problem(value: object) -> str:
    """What is wrong with a rejected zone and how to fix it, to follow ``expected ...,``.

    A value shaped like a zone name (or an offset) is quoted; anything else is described by
    its type and length (``selfcare._core.describe``), never quoted.

    Example:
        >>> zone_problem("EST")
        "got 'EST', an abbreviation for a fixed offset without daylight-saving rules; name the place's zone instead, e.g. 'America/New_York'"
        >>> zone_problem("Europe/Londn")
        "got 'Europe/Londn', which is no zone; did you mean 'Europe/London'?"
        >>> zone_problem("my diary: today was hard")
        "got a string of 24 characters, which is no zone; name the place's zone as Area/City, e.g. 'America/New_York'"
    """  # noqa: E501
    subject, rest = _problem(value)
    return f"got {subject}{rest}"


def _problem(value: object) -> tuple[str, str]:
    """The rejected value, quoted or described, and what follows it in the message."""
    if isinstance(value, dt.tzinfo):
        key = value.key if isinstance(value, zoneinfo.ZoneInfo) else None
        key = "UTC" if value is dt.UTC else key
        if key in accepted_zones():
            return describe(value), f"; pass its name, '{key}'"
        return describe(value), "; pass the name of the place's zone, e.g. 'Europe/London'"
    if not isinstance(value, str):
        return describe(value), "; pass the zone's name as a string, e.g. 'Europe/London'"
    if len(value) > MAX_ZONE:
        return describe(value), (
            f", longer than any zone name ({MAX_ZONE} characters at most); "
            "name the place's zone, e.g. 'America/New_York'"
        )
    shown = f"'{value}'" if _quotable(value) else describe(value)
    refused = _refusal(value)
    if refused is not None:
        why, fix = refused
        return shown, f", {why}; {fix}"
    found = suggest_zone(value)
    if found == value:  # a place's zone the tz database lists but cannot open
        return shown, ", which the tz database here cannot read; install the tzdata package"
    if found is not None:
        return shown, f", which is no zone; did you mean '{found}'?"
    return shown, ", which is no zone; name the place's zone as Area/City, e.g. 'America/New_York'"


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
    tz = zone(check_zone("tzinfo", name))  # a zone refused since it was pickled is an error
    return DateTime(year, month, day, hour, minute, second, micro, tzinfo=tz, fold=fold)


def to_at(value: dt.datetime) -> DateTime:
    """An attrs converter for a field named ``at``: any zoned datetime, stored canonically."""
    return check_zoned("at", value)


reads_as(pendulum.DateTime, to_at)  # the codec reads canonical instants within the years


def zoned_key(value: dt.datetime) -> tuple[dt.datetime, str | None]:
    """What makes two zoned values the same: the instant and the zone."""
    return _instant(value), zone_name(value)


@lru_cache(maxsize=1024)
def _zone(name: str) -> pendulum.Timezone | None:
    """The pendulum zone of an accepted name (see :func:`accepted_zones`), or ``None``."""
    if not _is_accepted(name):
        return None
    try:
        zoneinfo.ZoneInfo(name)
        return pendulum.timezone(name)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return None


def check_zone(field: str, value: object) -> str:
    """Require an IANA time zone name such as ``"Europe/London"``; return it.

    Only the names :func:`accepted_zones` holds pass; the error for any other value says
    why it is refused and what to pass instead (see :func:`zone_problem`).
    """
    if isinstance(value, str) and len(value) <= MAX_ZONE and _zone(value) is not None:
        return value  # the common case: one cached lookup
    raise fail(field, f"{EXPECTED_ZONE}, {zone_problem(value)}")


def check_zone_arg(field: str, value: object) -> str:
    """Require a zone by name or as a ``zoneinfo.ZoneInfo`` (as pendulum's are); return the name."""
    if isinstance(value, zoneinfo.ZoneInfo):
        if value.key is None:
            raise fail(
                field,
                f"{EXPECTED_ZONE}, got a ZoneInfo without a name (read from a file); "
                "pass the zone's name, e.g. 'Europe/London'",
            )
        value = value.key
    return check_zone(field, value)


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
    """Require an aware datetime in an IANA zone; return it as a canonical :class:`DateTime`.

    The zone must be one :func:`check_zone` accepts, and the local date must be in the years
    :data:`FIRST_YEAR` to :data:`LAST_YEAR`.
    """
    if type(value) is DateTime and is_canonical(value):
        return value  # what in_zone would give back: an equal DateTime in the same zone
    if not isinstance(value, dt.datetime):
        raise fail(
            field,
            "expected a datetime with an IANA time zone, e.g. "
            f"pendulum.datetime(2026, 1, 5, 21, tz='Europe/London'), {got(value)}",
        )
    name = zone_name(value)
    if name is None:
        raise fail(
            field,
            "expected a datetime with an IANA time zone (zoneinfo.ZoneInfo or a pendulum zone); "
            "a naive datetime or a fixed offset loses the person's zone",
        )
    if _zone(name) is None:
        subject, rest = _problem(name)
        raise fail(
            field,
            "expected a datetime with an IANA time zone such as 'Europe/London' or 'UTC', "
            f"got one in {subject}{rest}",
        )
    try:
        local = in_zone(value, zone(name))
    except (OverflowError, ValueError):
        local = None
    if local is None or not FIRST_YEAR <= local.year <= LAST_YEAR:
        raise fail(field, RANGE_PROBLEM)
    return local


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
    if not FIRST_YEAR <= year <= LAST_YEAR:
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
