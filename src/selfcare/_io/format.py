"""Strict parsing and canonical formatting of the values inside a selfcare document.

Every value has two structure hooks. The *fast* one is tried first on a whole document: it
checks JSON types and formats and leaves ranges and cross-field rules to the domain types'
own validators, which are strict (``True`` is not an integer there either). When anything
fails, the document is read again with the *detailed* hooks, which check every value and
collect every problem with its path. So valid documents pay only for the fast path.

A rejected value is described by its JSON type (see :mod:`selfcare._core.describe`), never by
its text, which may be something a person wrote.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import operator
import re
import threading
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar

from selfcare._core.describe import got, looks_like_id
from selfcare._core.frozenmap import FrozenMap
from selfcare._io.documents import MAX_ENTRIES
from selfcare._io.problems import (
    DocumentError,
    Problems,
    bad,
    flatten,
    key_segment,
    rethrow,
)
from selfcare._model.categories import Category
from selfcare._time.calendar import Weekday
from selfcare._time.zoned import FIRST_YEAR, LAST_YEAR, DateTime, _zone, zone_problem

E = TypeVar("E", bound=enum.Enum)
Hook = Callable[..., Any]


class Hooks(NamedTuple):
    """How one type is read (fast, then detailed when something is wrong) and written."""

    fast: Hook
    detailed: Hook
    unstructure: Hook


class Tally(threading.local):
    """How many members the objects read by the fast hooks have, in all, in this thread.

    Each fast hook that reads a JSON object adds its members. :func:`selfcare.from_json`
    sets it to 0 before a short document is read, and compares it afterwards with the
    keys its text writes: when they are as many, the text repeats no key.
    """

    members = 0


TALLY = Tally()


def identity(value: Any, _: object = None) -> Any:
    """Take a value as it is (the domain type checks it)."""
    return value


# Scalars: the same strict check on both paths.


def structure_int(value: Any, _: object = None) -> int:
    """An integer; ``true`` and ``1.0`` are not integers."""
    if type(value) is int:
        return value
    raise bad(f"expected an integer, {got(value, json=True)}")


def structure_optional_int(value: Any, _: object = None) -> int | None:
    """An integer or null."""
    if value is None or type(value) is int:
        return value
    raise bad(f"expected an integer or null, {got(value, json=True)}")


def structure_str(value: Any, _: object = None) -> str:
    """A string; numbers and null are not strings."""
    if type(value) is str:
        return value
    raise bad(f"expected a string, {got(value, json=True)}")


def structure_optional_str(value: Any, _: object = None) -> str | None:
    """A string or null."""
    if value is None or type(value) is str:
        return value
    raise bad(f"expected a string or null, {got(value, json=True)}")


def structure_bool(value: Any, _: object = None) -> bool:
    """``true`` or ``false``; ``"false"`` and ``0`` are not booleans."""
    if value is True or value is False:
        return value
    raise bad(f"expected true or false, {got(value, json=True)}")


def _fact(value: Any) -> int | float | str:
    kind = type(value)
    if kind is int or kind is str or (kind is float and math.isfinite(value)):
        return value  # type: ignore[no-any-return]
    raise bad(f"expected an integer, a finite number or a string, {got(value, json=True)}")


def structure_number(value: Any, _: object = None) -> int | float:
    """A finite number, integer or not, kept as it is written."""
    kind = type(value)
    if kind is int or (kind is float and math.isfinite(value)):
        return value  # type: ignore[no-any-return]
    raise bad(f"expected a number, {got(value, json=True)}")


def structure_optional_number(value: Any, _: object = None) -> int | float | None:
    """A finite number or null."""
    return None if value is None else structure_number(value)


SCALARS = {
    kind: Hooks(hook, hook, identity)
    for kind, hook in (
        (int, structure_int),
        (float, structure_number),
        (float | None, structure_optional_number),
        (str, structure_str),
        (bool, structure_bool),
        (int | None, structure_optional_int),
        (str | None, structure_optional_str),
    )
}
"""Hooks of the scalar types, written as they are."""


# Enumerations: looked up through a dict of their written values.

#: Weekdays are written as lowercase English names, Monday first.
DAY_NAMES = {day: day.name.lower() for day in Weekday}
unstructure_member = operator.attrgetter("_value_")


def enum_table(kind: type[E]) -> dict[Any, E]:
    """The members of an enum by the value written for them."""
    if kind is Weekday:
        return {name: day for day, name in DAY_NAMES.items()}  # type: ignore[misc]
    return {member.value: member for member in kind}


def enum_hooks(kind: type[E], *, optional: bool = False) -> Hooks:
    """Hooks for one member of ``kind``, written as its value (or ``null`` if optional)."""
    table = enum_table(kind)
    get = table.get
    expected = "expected one of " + ", ".join(f"'{key}'" for key in table)
    expected += " or null" if optional else ""

    def fast(value: Any, _: object = None) -> E | None:
        return None if optional and value is None else table[value]

    def detailed(value: Any, _: object = None) -> E | None:
        if type(value) is str:
            found = get(value)
            if found is not None:
                return found
        elif optional and value is None:
            return None
        raise bad(f"{expected}, {got(value, json=True)}")

    if kind is Weekday:
        return Hooks(fast, detailed, DAY_NAMES.__getitem__)
    if optional:
        return Hooks(fast, detailed, _optional_member)
    return Hooks(fast, detailed, unstructure_member)


def _optional_member(member: enum.Enum | None) -> Any:
    return None if member is None else member._value_


# Dates, times and zoned instants.

_date_fromisoformat = dt.date.fromisoformat
_time_fromisoformat = dt.time.fromisoformat
_date_isoformat = dt.date.isoformat
_utcoffset = zoneinfo.ZoneInfo.utcoffset
_datetime = dt.datetime  # dt.datetime.replace is slow: build a second copy instead


def structure_date(value: Any, _: object = None) -> dt.date:
    """A date written ``YYYY-MM-DD``."""
    if type(value) is str and len(value) == 10:
        try:
            day = _date_fromisoformat(value)
        except ValueError:
            pass
        else:
            if _date_isoformat(day) == value:
                return day
    raise bad(f"expected a date as YYYY-MM-DD, {got(value, json=True)}")


def structure_time(value: Any, _: object = None) -> dt.time:
    """A wall-clock time written ``HH:MM`` or ``HH:MM:SS``."""
    if type(value) is str and (len(value) == 5 or len(value) == 8):
        try:
            when = _time_fromisoformat(value)
        except ValueError:
            pass
        else:
            if when.isoformat("minutes" if len(value) == 5 else "seconds") == value:
                return when
    raise bad(f"expected a time of day as HH:MM or HH:MM:SS, {got(value, json=True)}")


def unstructure_time(when: dt.time) -> str:
    """A time of day as ``HH:MM``, with ``:SS`` only when the seconds are not zero."""
    return when.isoformat("seconds" if when.second else "minutes")


# A document repeats a few dates and times of day many times (the times of a plan's items,
# the days of its pauses), and parsing or writing one takes several times longer than
# looking it up, so the fast hooks remember the last ones they read or wrote. Only ``str``
# is looked up; anything else is parsed, and rejected with its message.
_remembered_date = lru_cache(maxsize=4096)(structure_date)
_remembered_time = lru_cache(maxsize=4096)(structure_time)
write_time = lru_cache(maxsize=4096)(unstructure_time)


def read_date(value: Any, _: object = None) -> dt.date:
    """The fast hook of a date: :func:`structure_date`, remembering the dates it read."""
    return _remembered_date(value) if type(value) is str else structure_date(value)


def read_time(value: Any, _: object = None) -> dt.time:
    """The fast hook of a time of day: :func:`structure_time`, remembering the times it read."""
    return _remembered_time(value) if type(value) is str else structure_time(value)


def _optional(hook: Hook) -> Hook:
    def optional(value: Any, _: object = None) -> Any:
        return None if value is None else hook(value)

    return optional


#: The format of a zoned instant: wall-clock time, UTC offset and IANA zone name.
ZONED_EXAMPLE = "2026-03-29T07:00:00+01:00[Europe/London]"
_ZONED = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,6}))?"
    r"([+-])([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?\[([A-Za-z0-9_+\-/]{1,64})\]"
)


def _offset(seconds: int) -> str:
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}:{minutes:02d}" + (f":{secs:02d}" if secs else "")


def structure_zoned(value: Any, _: object = None) -> DateTime:
    """A zoned instant such as ``2026-03-29T07:00:00+01:00[Europe/London]``.

    The offset must be the one the zone gives that wall-clock time; for an ambiguous time
    it says which of the two instants is meant (and so sets ``fold``). A time that does
    not exist in the zone (in a daylight-saving gap) is rejected. The result is a canonical
    :class:`~selfcare._time.zoned.DateTime`, which the domain types keep as it is.
    """
    match = _ZONED.fullmatch(value) if type(value) is str else None
    if match is None:
        raise bad(f"expected a zoned date-time such as {ZONED_EXAMPLE}, {got(value, json=True)}")
    year, month, day, hour, minute, second, fraction, sign, oh, om, osec, name = match.groups()
    tz = _zone(name)
    if tz is None:
        raise bad(
            "expected an IANA time zone name in the brackets, such as [Europe/London], "
            + zone_problem(name)
        )
    parts = (
        int(year),
        int(month),
        int(day),
        int(hour),
        int(minute),
        int(second),
        int(fraction.ljust(6, "0")) if fraction else 0,
    )
    wall = _real_datetime(parts)
    stated = int(oh) * 3600 + int(om) * 60 + (int(osec) if osec else 0)
    stated = -stated if sign == "-" else stated
    earlier, later = _utcoffset(tz, wall), _utcoffset(tz, _datetime(*parts, fold=1))
    assert earlier is not None
    assert later is not None
    before, after = int(earlier.total_seconds()), int(later.total_seconds())
    if before < after:
        raise bad("this wall-clock time does not exist in the time zone (a daylight-saving gap)")
    if stated == before:
        fold = 0
    elif stated == after:
        fold = 1
    else:
        gives = _offset(before) if before == after else f"{_offset(before)} or {_offset(after)}"
        raise bad(f"the UTC offset does not match the time zone at that time, which gives {gives}")
    return DateTime(*parts, tz, fold=fold)


def read_zoned(value: Any, _: object = None) -> DateTime:
    """:func:`structure_zoned` for the fast path, which also refuses years the types refuse.

    Its result is what :func:`~selfcare._time.zoned.to_at` keeps unchanged, so the codec
    builds a value without calling it: an instant is parsed and checked once.
    """
    instant = structure_zoned(value)
    if FIRST_YEAR <= instant.year <= LAST_YEAR:
        return instant
    raise bad("expected an instant within the years the domain types keep")


def unstructure_zoned(value: dt.datetime) -> str:
    """A zoned instant as wall-clock time, UTC offset and IANA zone name."""
    tz: Any = value.tzinfo
    plain = dt.datetime(  # a stdlib copy formats faster than a pendulum DateTime
        value.year,
        value.month,
        value.day,
        value.hour,
        value.minute,
        value.second,
        value.microsecond,
        tz,
        fold=value.fold,
    )
    return f"{_datetime_isoformat(plain)}[{tz.key}]"


_datetime_isoformat = dt.datetime.isoformat


TEMPORAL = {
    dt.date: Hooks(read_date, structure_date, _date_isoformat),
    dt.date | None: Hooks(
        _optional(read_date), _optional(structure_date), _optional(_date_isoformat)
    ),
    dt.time: Hooks(read_time, structure_time, write_time),
    dt.time | None: Hooks(_optional(read_time), _optional(structure_time), _optional(write_time)),
}
"""Hooks of dates and times of day; zoned instants are :func:`structure_zoned`'s."""


# Collections: JSON lists only. The fast hooks map in C; the detailed ones collect problems.
# A fast hook refuses a list or object of more than MAX_ENTRIES entries, which the full path
# then reports: `from_json` reads a text with the fast hooks alone, unmeasured, only because
# every list and object they read is checked so (`documents.SHORT_TEXT`).


def collect(hook: Hook, values: Iterable[Any]) -> list[Any]:
    """Structure each value; raise one :class:`DocumentError` with every element's problems."""
    problems: Problems = []
    out = []
    for index, value in enumerate(values):
        try:
            out.append(hook(value))
        except Exception as exc:  # every problem is reported, with its path
            problems.extend((f"[{index}]{path}", message) for path, message in flatten(exc))
    if problems:
        raise DocumentError(problems)
    return out


def detailed_list(hook: Hook) -> Callable[[Any], list[Any]]:
    """A detailed hook for a JSON list of values each structured by ``hook``."""

    def structure_list(value: Any, _: object = None) -> list[Any]:
        if type(value) is not list:
            raise bad(f"expected a list, {got(value, json=True)}")
        return collect(hook, value)

    return structure_list


def tuple_hooks(item: Hooks) -> Hooks:
    """Hooks for a tuple, written as a list."""
    fast_item, detailed = item.fast, detailed_list(item.detailed)
    unstructure = item.unstructure

    def fast(value: Any, _: object = None) -> tuple[Any, ...]:
        if type(value) is list and len(value) <= MAX_ENTRIES:
            return tuple(map(fast_item, value)) if value else ()
        raise bad("expected a list")

    def detailed_tuple(value: Any, _: object = None) -> tuple[Any, ...]:
        return tuple(detailed(value))

    def unstructure_tuple(values: tuple[Any, ...]) -> list[Any]:
        return list(map(unstructure, values)) if values else []

    return Hooks(fast, detailed_tuple, unstructure_tuple)


_EMPTY: frozenset[Any] = frozenset()


def set_hooks(item: Hooks, *, key: Callable[[Any], Any] | None = None) -> Hooks:
    """Hooks for a set, written as a list of its values each once, sorted by ``key``."""
    fast_item, detailed = item.fast, detailed_list(item.detailed)
    unstructure = item.unstructure

    def fast(value: Any, _: object = None) -> frozenset[Any]:
        if type(value) is list and len(value) <= MAX_ENTRIES:
            if not value:
                return _EMPTY
            result = frozenset(map(fast_item, value))
            if len(result) == len(value):
                return result
        raise bad("expected a list of distinct values")

    def detailed_set(value: Any, _: object = None) -> frozenset[Any]:
        items = detailed(value)
        result = frozenset(items)
        if len(result) != len(items):
            raise bad("expected each value once; remove the repeated value")
        return result

    def unstructure_set(values: frozenset[Any]) -> list[Any]:
        return list(map(unstructure, sorted(values, key=key))) if values else []

    def unstructure_sorted(values: frozenset[Any]) -> list[Any]:
        return sorted(map(unstructure, values)) if values else []

    return Hooks(fast, detailed_set, unstructure_sorted if key is None else unstructure_set)


#: A set of strings, such as tags: the domain type checks each is a slug.
STR_SET = set_hooks(Hooks(identity, structure_str, identity))
#: A set of dates, sorted by date.
DATE_SET = set_hooks(Hooks(read_date, structure_date, _date_isoformat))
#: Times of day, kept in their (sorted) order.
TIMES = tuple_hooks(TEMPORAL[dt.time])


# Mappings.


def mapping_hooks(key: Hooks, value: Hooks, what: str) -> Hooks:
    """Hooks for a mapping written as an object with keys sorted; keys must be ``what``."""
    fast_key, detailed_key, unstructure_key = key

    def fast(data: Any, _: object = None) -> dict[Any, Any]:
        if type(data) is dict and len(data) <= MAX_ENTRIES:
            TALLY.members += len(data)
            return dict(zip(map(fast_key, data), data.values(), strict=True))
        raise bad("expected an object")

    def detailed(data: Any, _: object = None) -> dict[Any, Any]:
        if type(data) is not dict:
            raise bad(f"expected an object, {got(data, json=True)}")
        out = {}
        problems: Problems = []
        for position, (raw, item) in enumerate(data.items(), start=1):
            try:
                parsed = detailed_key(raw)
            except DocumentError:
                problems.append(("", f"key {position} is not {what}"))
                continue
            try:
                out[parsed] = value.detailed(item)
            except Exception as exc:  # every problem is reported, with its path
                shown = key_segment(raw) != ".?" or looks_like_id(raw)
                segment = f"[{raw}]" if shown else "[?]"
                problems.extend(rethrow(exc, segment).problems)
        if problems:
            raise DocumentError(problems)
        return out

    def unstructure(mapping: Mapping[Any, Any]) -> dict[str, Any]:
        data = mapping._data if type(mapping) is FrozenMap else mapping
        return {unstructure_key(k): v for k, v in sorted(data.items())}

    def unstructure_str_keys(mapping: Mapping[str, Any]) -> dict[str, Any]:
        data = mapping._data if type(mapping) is FrozenMap else mapping
        return dict(sorted(data.items())) if len(data) > 1 else dict(data)

    return Hooks(
        fast, detailed, unstructure_str_keys if unstructure_key is identity else unstructure
    )


def _answer(value: Any, _: object = None) -> int:
    """An answer: a whole number, never quoted back (answers are health information)."""
    if type(value) is int:
        return value
    raise bad("expected a whole number, the value of one of the instrument's options")


#: A response's answers, by item id: the domain type checks each id and value.
ANSWERS = mapping_hooks(
    Hooks(structure_str, structure_str, identity), Hooks(identity, _answer, identity), "an item id"
)

#: Self-ratings, by category: the domain type checks each rating is 1 to 5.
SELF_RATINGS = mapping_hooks(
    enum_hooks(Category), Hooks(identity, structure_int, identity), "a category"
)


def _fast_facts(data: Any, _: object = None) -> dict[str, Any]:
    if type(data) is dict and len(data) <= MAX_ENTRIES:
        TALLY.members += len(data)
        return data  # the domain type checks every name and value, and copies it
    raise bad("expected an object")


def _detailed_facts(data: Any, _: object = None) -> dict[str, Any]:
    if type(data) is not dict:
        raise bad(f"expected an object, {got(data, json=True)}")
    problems: Problems = []
    for position, (name, item) in enumerate(data.items(), start=1):
        if not (type(name) is str and _FACT_NAME.fullmatch(name)):
            problems.append(("", f"key {position} is not a fact name in snake_case"))
            continue
        try:
            _fact(item)
        except DocumentError as exc:
            problems.extend((f"[{name}]", message) for _, message in exc.problems)
    if problems:
        raise DocumentError(problems)
    return data


_FACT_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")
#: The facts behind a reason: integers, finite numbers or strings by snake_case name.
FACTS = Hooks(
    _fast_facts, _detailed_facts, mapping_hooks(SCALARS[str], SCALARS[str], "").unstructure
)


def _fast_daily(data: Any, _: object = None) -> tuple[Any, ...]:
    if type(data) is dict and len(data) == 7:
        TALLY.members += 7
        return tuple(data[name] for name in _DAYS)  # the domain type checks each value
    raise bad("expected an object with seven days")


def _detailed_daily(data: Any, _: object = None) -> tuple[Any, ...]:
    if type(data) is not dict:
        raise bad(f"expected an object with a key for each day, {got(data, json=True)}")
    if len(data) != 7 or any(name not in data for name in _DAYS):
        raise bad("expected exactly the seven keys 'monday' to 'sunday'")
    problems = [
        (f"[{name}]", f"expected an integer, {got(data[name], json=True)}")
        for name in _DAYS
        if type(data[name]) is not int
    ]
    if problems:
        raise DocumentError(problems)
    return tuple(data[name] for name in _DAYS)


def _unstructure_daily(minutes: tuple[int, ...]) -> dict[str, int]:
    return dict(zip(_DAYS, minutes, strict=True))


_DAYS = tuple(DAY_NAMES.values())
#: Minutes per weekday, an object with the seven lowercase day names as keys.
DAILY_MINUTES = Hooks(_fast_daily, _detailed_daily, _unstructure_daily)


def _real_datetime(parts: tuple[int, int, int, int, int, int, int]) -> dt.datetime:
    """The naive datetime of the parts, or the error for a date or time that does not exist."""
    try:
        return _datetime(*parts)
    except ValueError:
        pass
    # Raised outside the except block, so it carries no exception that quotes the input.
    raise bad("expected a real calendar date and time of day")
