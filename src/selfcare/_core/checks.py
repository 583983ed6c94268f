"""Validators and converters shared by the domain types.

Each validator raises :class:`~selfcare.errors.ValidationError` naming the field, what
was expected and how to fix it. A rejected value is described by its type (and, for
numbers, booleans and enums, by its value) but text is never echoed: it may be
something a person wrote about their health.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

# Re-exported: validators and their callers describe rejected values with `check.got`.
from selfcare._core.describe import MAX_SLUG as MAX_SLUG
from selfcare._core.describe import SLUG as SLUG
from selfcare._core.describe import got as got
from selfcare._core.errors import ValidationError

E = TypeVar("E", bound=enum.Enum)

MAX_NAME = 200
MAX_TEXT = 10_000
MAX_MINUTES = 1440
MAX_COLLECTION = 100_000
MAX_REMINDERS = 5
MAX_REMINDER_MINUTES = 7 * 1440

Validator = Callable[[Any, Any, Any], None]


# Reading a document checks each value once. The codec (``selfcare._io.codec``) builds a
# value it reads without calling its class, and asks two things of each field's validator
# and converter, which they say with these marks:
#
# * ``read``: a validator of a scalar field whose whole check a function of the document's
#   JSON value makes: it returns the value when the field's type and the validator would
#   both accept it, and raises otherwise. The codec calls it instead of both.
# * ``reads_as``: a validator or converter that every value the codec reads for a field of
#   this type passes unchanged (a member of the enum, a tuple, a canonical instant): the
#   codec skips it there.
#
# ``tests/io/test_one_pass.py`` checks each mark in use against the checks it stands for.


def reads_with(validator: Validator, read: Callable[[Any], Any]) -> None:
    """Mark a validator with the function that makes its whole check on a JSON value.

    Example:
        >>> slug.read("short-walk")
        'short-walk'
    """
    vars(validator)["read"] = read


def reads_as(annotation: object, *checks: Callable[..., Any]) -> None:
    """Mark validators or converters that a value read for a field of ``annotation`` passes.

    Example:
        >>> def first(value):
        ...     return check_date("first", value)
        >>> reads_as(dt.date, first)
        >>> first.reads_as
        <class 'datetime.date'>
    """
    for check in checks:
        vars(check)["reads_as"] = annotation


def fail(field: str, message: str) -> ValidationError:
    """Build the error for one field."""
    return ValidationError.single(field, message)


def is_int(value: object) -> bool:
    """Tell whether a value is a real integer (``True`` is not)."""
    return isinstance(value, int) and not isinstance(value, bool)


def check_int(field: str, value: object, low: int, high: int) -> None:
    """Require an integer in ``[low, high]``."""
    if type(value) is int and low <= value <= high:  # the common case, checked first
        return
    if not is_int(value) or not low <= value <= high:  # type: ignore[operator]
        raise fail(field, f"expected an integer from {low} to {high}, {got(value)}")


def int_in(low: int, high: int) -> Validator:
    """An attrs validator for an integer in ``[low, high]``."""

    def read(value: Any) -> Any:
        if type(value) is int and low <= value <= high:
            return value
        raise fail("value", f"expected an integer from {low} to {high}")

    def validate(_inst: object, attribute: Any, value: Any) -> None:
        if type(value) is not int or not low <= value <= high:
            check_int(attribute.name, value, low, high)

    reads_with(validate, read)
    return validate


def optional_int_in(low: int, high: int) -> Validator:
    """An attrs validator for ``None`` or an integer in ``[low, high]``."""

    def read(value: Any) -> Any:
        if value is None or (type(value) is int and low <= value <= high):
            return value
        raise fail("value", f"expected an integer from {low} to {high}, or null")

    def validate(_inst: object, attribute: Any, value: Any) -> None:
        if value is not None and (type(value) is not int or not low <= value <= high):
            check_int(attribute.name, value, low, high)

    reads_with(validate, read)
    return validate


def check_slug(field: str, value: object, what: str = "an id") -> None:
    """Require a lowercase slug such as ``"short-walk"``."""
    if not isinstance(value, str) or len(value) > MAX_SLUG or not SLUG.fullmatch(value):
        raise fail(
            field,
            f"expected {what}: lowercase letters, digits and single hyphens, "
            f"1 to {MAX_SLUG} characters (e.g. 'short-walk'), {got(value)}",
        )


_match_slug = SLUG.fullmatch


def _read_slug(value: Any) -> Any:
    if type(value) is str and len(value) <= MAX_SLUG and _match_slug(value) is not None:
        return value
    raise fail("value", "expected an id")


def slug(_inst: object, attribute: Any, value: Any) -> None:
    """An attrs validator for a slug id."""
    if type(value) is not str or len(value) > MAX_SLUG or _match_slug(value) is None:
        check_slug(attribute.name, value)


def check_text(field: str, value: object, *, limit: int, required: bool) -> None:
    """Require a string of at most ``limit`` characters, not blank when ``required``."""
    if type(value) is str and len(value) <= limit and (not required or "!" <= value[:1] <= "~"):
        return  # the common case: a string starting with a printable ASCII character is not blank
    if not isinstance(value, str):
        raise fail(field, f"expected a string, {got(value)}")
    if len(value) > limit:
        raise fail(field, f"expected at most {limit} characters, {got(value)}; shorten it")
    if required and not value.strip():
        raise fail(field, "expected some text, got a blank string; write what it is")


def _read_name(value: Any) -> Any:
    if type(value) is not str or len(value) > MAX_NAME or not "!" <= value[:1] <= "~":
        check_text("value", value, limit=MAX_NAME, required=True)
    return value


def _read_text(value: Any) -> Any:
    if type(value) is not str or len(value) > MAX_TEXT:
        check_text("value", value, limit=MAX_TEXT, required=False)
    return value


def _read_optional_text(value: Any) -> Any:
    return None if value is None else _read_text(value)


def name(_inst: object, attribute: Any, value: Any) -> None:
    """An attrs validator for a short, non-blank display name."""
    # The common case first, as in `check_text`: a string starting with a printable ASCII
    # character is not blank.
    if type(value) is not str or len(value) > MAX_NAME or not "!" <= value[:1] <= "~":
        check_text(attribute.name, value, limit=MAX_NAME, required=True)


def text(_inst: object, attribute: Any, value: Any) -> None:
    """An attrs validator for free text that may be empty."""
    if type(value) is not str or len(value) > MAX_TEXT:
        check_text(attribute.name, value, limit=MAX_TEXT, required=False)


def optional_text(_inst: object, attribute: Any, value: Any) -> None:
    """An attrs validator for ``None`` or free text."""
    if value is not None:
        check_text(attribute.name, value, limit=MAX_TEXT, required=False)


def member(kind: type[E]) -> Validator:
    """An attrs validator for a member of the enum ``kind``."""

    def validate(_inst: object, attribute: Any, value: Any) -> None:
        if not isinstance(value, kind):
            raise fail(attribute.name, expected_member(kind, value))

    reads_as(kind, validate)
    return validate


def optional_member(kind: type[E]) -> Validator:
    """An attrs validator for ``None`` or a member of the enum ``kind``."""

    def validate(_inst: object, attribute: Any, value: Any) -> None:
        if value is not None and not isinstance(value, kind):
            raise fail(attribute.name, expected_member(kind, value) + ", or None")

    reads_as(kind | None, validate)
    return validate


def reminders(_inst: object, attribute: Any, value: Any) -> None:
    """An attrs validator for reminders: distinct whole minutes before a start.

    At most ``MAX_REMINDERS`` of them, each from 0 (at the start) to ``MAX_REMINDER_MINUTES``
    (a week before). Use it with the :func:`to_tuple` converter.
    """
    if type(value) is tuple and not value:
        return  # the common case: no reminders
    field = attribute.name
    if not isinstance(value, tuple) or len(value) > MAX_REMINDERS:
        raise fail(
            field,
            f"expected at most {MAX_REMINDERS} reminders, each minutes before the start "
            f"(e.g. [10, 60]), {got(value)}",
        )
    for n, minutes in enumerate(value):
        check_int(f"{field}[{n}]", minutes, 0, MAX_REMINDER_MINUTES)
    if len(set(value)) != len(value):
        raise fail(field, "expected each reminder once; remove the repeated one")


def expected_member(kind: type[enum.Enum], value: object) -> str:
    """Explain which enum members are accepted."""
    example = next(iter(kind)).name
    name = kind.__name__
    return (
        f"expected a {name} such as {name}.{example} (convert text with {name}.parse(text)), "
        f"{got(value)}"
    )


def members(kind: type[E], *, non_empty: bool = False) -> Validator:
    """An attrs validator for a frozenset of ``kind`` members."""
    # The common case is checked first: a frozenset whose items are all of type ``kind``
    # (an enum with members cannot be subclassed, so for one that is what ``isinstance``
    # asks), or an empty one where that is allowed. Membership of ``frozenset(kind)`` would
    # not do: a ``StrEnum`` member equals, and hashes as, its text. Anything else takes the
    # full checks below.
    only = frozenset({kind}).issuperset

    def validate(_inst: object, attribute: Any, value: Any) -> None:
        if type(value) is frozenset and (
            (value and only(map(type, value))) or not (value or non_empty)
        ):
            return
        for item in value if isinstance(value, tuple) else ():  # items that did not hash
            if not isinstance(item, kind):
                raise fail(attribute.name, expected_member(kind, item))
        check_collection(attribute.name, value)
        for item in value:
            if not isinstance(item, kind):
                raise fail(attribute.name, expected_member(kind, item))
        if non_empty and not value:
            raise fail(attribute.name, f"expected at least one {kind.__name__}, got none")

    if not non_empty:  # a set read from a document holds members of ``kind``, or none
        reads_as(frozenset[kind], validate)  # type: ignore[valid-type]
    return validate


#: The tags of strategies that :func:`slugs` has accepted, so the tags a catalog repeats
#: across its strategies are matched once a process. A memo, like ``functools.cache``: it
#: changes no result, keeps only plain ``str`` tags, and stops growing at about
#: ``_MAX_SEEN``. Only ``slugs(..., remember=True)`` uses it: a catalog's tags, never what
#: a person wrote about themselves (their values, the tags they exclude).
_seen_slugs: set[str] = set()
_MAX_SEEN = 10_000
_only_str = frozenset({str}).issuperset


def slugs(what: str, *, remember: bool = False) -> Validator:
    """An attrs validator for a frozenset of slugs (tags, values).

    With ``remember``, the slugs it accepts go in a memo of the process, and a set of
    them all accepted before passes without matching each again.
    """

    def validate(_inst: object, attribute: Any, value: Any) -> None:
        # The common case first: a frozenset of ``str`` slugs, each accepted before. The
        # types are checked first, so the memo only ever compares a ``str`` with a ``str``
        # (an item's own ``__eq__`` is never called, and cannot raise).
        if type(value) is frozenset:
            if remember and _only_str(map(type, value)) and value <= _seen_slugs:
                return
            if all(
                type(item) is str and len(item) <= MAX_SLUG and _match_slug(item) for item in value
            ):
                if remember and len(_seen_slugs) + len(value) <= _MAX_SEEN:
                    _seen_slugs.update(value)
                return
        for item in value if isinstance(value, tuple) else ():  # items that did not hash
            check_slug(attribute.name, item, what)
        check_collection(attribute.name, value)
        for item in value:
            check_slug(attribute.name, item, what)

    return validate


#: The collections `to_frozenset` reads without ``islice``: their length is known, so one
#: within the cap is read whole and nothing is cut short.
_SIZED = frozenset({list, tuple, set})


def to_frozenset(value: Iterable[Any]) -> frozenset[Any]:
    """Convert any iterable to a frozenset.

    A lone string, an endless or oversized iterable, or unhashable items are left as they
    are (or cut short) for the validator to reject with the field's name.
    """
    raw: Any = value
    kind = type(raw)
    if kind is frozenset:
        return raw  # type: ignore[no-any-return]
    if kind in _SIZED and len(raw) <= MAX_COLLECTION:  # the common case: read it whole
        # Built from the items in their order (a set from a tuple of its items, not copied
        # as a table), as below, so the frozenset iterates, and an error names a bad item,
        # in the same order however the items came.
        items = tuple(raw) if kind is set else raw
        try:
            return frozenset(items)
        except TypeError:  # an unhashable item
            return tuple(items)  # type: ignore[return-value]
    if isinstance(raw, str | bytes | frozenset) or not isinstance(raw, Iterable):
        return raw  # type: ignore[return-value]  # rejected by the validator
    items = tuple(itertools.islice(raw, MAX_COLLECTION + 1))
    try:
        return frozenset(items) if len(items) <= MAX_COLLECTION else items  # type: ignore[return-value]
    except TypeError:  # an unhashable item
        return items  # type: ignore[return-value]


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Convert any iterable to a tuple, reading at most one more than the largest cap."""
    raw: Any = value
    kind = type(raw)
    if kind is tuple:
        return raw  # type: ignore[no-any-return]
    if kind is list and len(raw) <= MAX_COLLECTION:  # the common case: read it whole
        return tuple(raw)
    if isinstance(raw, str | bytes | tuple) or not isinstance(raw, Iterable):
        return raw  # type: ignore[return-value]  # rejected by the validator
    return tuple(itertools.islice(raw, MAX_COLLECTION + 1))


reads_with(slug, _read_slug)
reads_with(name, _read_name)
reads_with(text, _read_text)
reads_with(optional_text, _read_optional_text)
reads_as(frozenset, to_frozenset)
reads_as(tuple, to_tuple)


def check_list(field: str, value: object, what: str, example: str = "") -> list[Any]:
    """Require a collection (not a lone string or a mapping) of at most ``MAX_COLLECTION``.

    Returns its values as a list, having read at most one more than the cap, so an endless
    iterable is refused rather than read for ever. ``what`` names the values in the
    message ("ids"), and ``example`` shows one ("['short-walk']").

    Example:
        >>> check_list("remove", ("short-walk",), "ids")
        ['short-walk']
    """
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        shown = f", e.g. {example}" if example else ""
        raise fail(field, f"expected a collection of {what}{shown}, {got(value)}")
    found = list(itertools.islice(value, MAX_COLLECTION + 1))
    if len(found) > MAX_COLLECTION:
        raise fail(field, f"expected at most {MAX_COLLECTION} {what}")
    return found


def check_collection(field: str, value: object) -> None:
    """Reject what did not become a frozenset: a lone string, unhashable items, too many."""
    if not isinstance(value, frozenset):
        raise fail(
            field,
            f"expected a collection (a set, list or tuple) of at most {MAX_COLLECTION} "
            "single values; a lone string is not one, " + got(value),
        )


def check_finite(field: str, value: object) -> None:
    """Require a real, finite number (an integer within 64 bits, or a finite float)."""
    number: Any = value
    kind = type(number)
    if (kind is int and number.bit_length() <= 63) or (kind is float and math.isfinite(number)):
        return  # the common case, checked first
    if (
        not isinstance(value, int | float)
        or isinstance(value, bool)
        or (isinstance(value, float) and not math.isfinite(value))
        or (isinstance(value, int) and value.bit_length() > 63)
    ):
        raise fail(field, f"expected a finite number, {got(value)}")


def number_in(low: float, high: float, what: str = "") -> Validator:
    """An attrs validator for a finite number in ``[low, high]``; ``what`` names it in errors.

    Example:
        >>> import attrs
        >>> @attrs.frozen
        ... class Share:
        ...     value: float = attrs.field(validator=number_in(0, 1))
        >>> Share(1.5)
        Traceback (most recent call last):
        ...
        selfcare.errors.ValidationError: value: expected a number from 0 to 1, got 1.5
    """
    expected = what or f"a number from {low:g} to {high:g}"

    def validate(_inst: object, attribute: Any, value: Any) -> None:
        check_finite(attribute.name, value)
        if not low <= value <= high:
            raise fail(attribute.name, f"expected {expected}, {got(value)}")

    return validate


def check_time(field: str, value: object) -> dt.time:
    """Require a naive time of day without microseconds; return it as a stdlib time."""
    if type(value) is dt.time and value.tzinfo is None and not value.microsecond and not value.fold:
        return value  # already what the rest of this function would build
    if not isinstance(value, dt.time):
        raise fail(field, f"expected a time of day such as datetime.time(7, 30), {got(value)}")
    if value.tzinfo is not None:
        raise fail(
            field, "expected a wall-clock time without a time zone; the zone is the profile's"
        )
    if value.microsecond:
        raise fail(field, "expected whole seconds; drop the microseconds")
    return dt.time(value.hour, value.minute, value.second)


def check_date(field: str, value: object) -> dt.date:
    """Require a calendar date (not a datetime); return it as a stdlib date."""
    if type(value) is dt.date:
        return value  # already a stdlib date
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise fail(field, f"expected a date such as datetime.date(2026, 1, 5), {got(value)}")
    return dt.date(value.year, value.month, value.day)


T = TypeVar("T")


def check_bool(field: str, value: object) -> bool:
    """Require ``True`` or ``False`` (not 1, 0 or a string)."""
    if value is True or value is False:
        return value
    raise fail(field, f"expected True or False, {got(value)}")


def boolean(_inst: object, attribute: Any, value: Any) -> None:
    """An attrs validator for ``True`` or ``False``."""
    check_bool(attribute.name, value)


def check_seed(value: object) -> int:
    """Require a seed: any integer (``True`` is not one)."""
    if not is_int(value):
        raise fail("seed", f"expected an integer, {got(value)}")
    assert isinstance(value, int)
    return value


def check_instance(field: str, value: object, kind: type[T]) -> T:
    """Require a value of one of the library's types, e.g. a ``Plan`` for ``plan``."""
    if isinstance(value, kind):
        return value
    raise fail(field, f"expected {_a(kind.__name__)}, {got(value)}")


def instance_or_default(field: str, value: object, kind: type[T], default: Callable[[], T]) -> T:
    """Require a value of ``kind`` or ``None``, which stands for ``default()``."""
    if value is None:
        return default()
    if isinstance(value, kind):
        return value
    raise fail(field, f"expected {_a(kind.__name__)} or None, {got(value)}")


def _a(name: str) -> str:
    return f"an {name}" if name[0] in "AEIOU" else f"a {name}"
