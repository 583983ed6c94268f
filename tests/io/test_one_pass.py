"""Reading a document checks each value once, and the checks it leaves out are made already.

The fast path builds a value without calling its class (``selfcare._io.codec.readings``):
where a validator is marked ``read``, that function stands for the field's hook and the
validator together, and where a validator or converter is marked ``reads_as`` the field's
type, it is left out. Each claim is checked here, for every field of every serializable
type it is made for, on arbitrary input: what the fast path accepts the class accepts, and
the value is the one the class would hold.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import typing
import zoneinfo
from collections.abc import Callable
from typing import Any, NamedTuple

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import ValidationError
from selfcare._core import checks
from selfcare._io import format as f
from selfcare._io.codec import _SPECIAL, TYPE_NAMES, Reading, _Builder, _fields, codec, readings
from selfcare._io.problems import DocumentError
from selfcare.testing import zone_names

NOT_VALID = (DocumentError, ValidationError, KeyError, TypeError)


class Case(NamedTuple):
    """A field of a serializable type: its type, the hook of its type, and how it is read."""

    cls: type
    kind: Any
    hook: f.Hook
    reading: Reading

    @property
    def replaced(self) -> bool:
        """Whether the validator's ``read`` reads the field instead of its hook."""
        return self.reading.hook is not self.hook

    @property
    def left_out(self) -> tuple[Any, Any]:
        """The converter and the validator the fast path leaves out (None for each it runs)."""
        field, reading = self.reading.field, self.reading
        return (
            field.converter if reading.converter is None else None,
            None if self.replaced or reading.validator is not None else field.validator,
        )

    def __str__(self) -> str:
        return f"{self.cls.__name__}.{self.reading.field.name}"


def cases() -> list[Case]:
    builder = _Builder(redact=False)
    found = []
    for cls in sorted(TYPE_NAMES, key=lambda kind: kind.__name__):
        kinds = dict(_fields(cls))
        hooks = {
            name: builder._field(cls, name, kind, read=True).fast for name, kind in kinds.items()
        }
        for reading in readings(cls, hooks):
            name = reading.field.name
            found.append(Case(cls, kinds[name], hooks[name], reading))
    return found


CASES = cases()


def distinct(found: list[Case], key: Callable[[Case], object]) -> list[Case]:
    """One case per distinct claim (``slug`` reads 19 fields, and is checked once)."""
    by_key: dict[object, Case] = {}
    for case in found:
        by_key.setdefault(key(case), case)
    return list(by_key.values())


REPLACED = distinct([c for c in CASES if c.replaced], lambda c: (c.kind, c.reading.hook))
LEFT_OUT = distinct(
    [c for c in CASES if c.left_out != (None, None)],
    lambda c: (typing.get_origin(c.kind) or c.kind, c.left_out),
)


def test_the_marks_are_used() -> None:
    """Checks are left out for the fields that read most: ids, names, enums and instants."""
    replaced = {str(c) for c in CASES if c.replaced}
    validated = {str(c) for c in CASES if c.left_out[1] is not None}
    converted = {str(c) for c in CASES if c.left_out[0] is not None}
    assert {"PlanItem.strategy_id", "Reason.text", "Practice.minutes"} <= replaced
    assert {"Reason.code", "Strategy.benefits"} <= validated
    assert {"Reflection.at", "PlanItem.reasons", "Period.first"} <= converted


# A replaced check: `read` accepts a JSON value exactly when the field's hook and the
# validator both would, and returns it unchanged.

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-3, 1_000_003)
    | st.integers()
    | st.floats()
    | st.text(max_size=30)
    | st.from_regex(checks.SLUG, fullmatch=True)
    | st.sampled_from(["", " ", " x", "x" * 64, "x" * 65, "x" * 200, "x" * 201, "\tname"])
    | st.sampled_from(["x" * checks.MAX_TEXT, "x" * (checks.MAX_TEXT + 1), "-a", "a--b"])
)


@pytest.mark.parametrize("case", REPLACED, ids=str)
@given(value=SCALARS)
def test_a_read_check_is_the_hook_and_the_validator(case: Case, value: Any) -> None:
    hook, reading = case.hook, case.reading
    validator = reading.field.validator
    assert validator is not None
    try:
        checked = hook(value)
        validator(None, reading.field, checked)
    except NOT_VALID:
        with pytest.raises(NOT_VALID):
            reading.hook(value)
        return
    assert checked is reading.hook(value)


# A check left out: whatever the field's hook reads passes the validator, and the converter
# gives it back as it is.


def zoned_texts() -> st.SearchStrategy[str]:
    """Zoned instants as text, most with the zone's offset, some with another, any year."""

    def text(wall: dt.datetime, zone: str, fold: int, offset: str, own: bool) -> str:
        if own:
            seconds = zoneinfo.ZoneInfo(zone).utcoffset(wall.replace(fold=fold))
            assert seconds is not None
            offset = f._offset(int(seconds.total_seconds()))
        return f"{wall.isoformat()}{offset}[{zone}]"

    walls = (
        st.datetimes()
        | st.datetimes(max_value=dt.datetime(3, 1, 1))  # the first and last years the types keep
        | st.datetimes(min_value=dt.datetime(9997, 12, 31))
    )
    offsets = st.sampled_from(["+00:00", "+01:00", "-05:00", "+05:30"])
    return st.builds(text, walls, zone_names(), st.integers(0, 1), offsets, st.booleans())


def json_for(kind: Any) -> st.SearchStrategy[Any]:
    """JSON values the hook of a field of type ``kind`` reads, with some it refuses."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if kind is pendulum.DateTime:
        return zoned_texts()
    if kind is dt.date:
        return st.dates().map(dt.date.isoformat) | st.text(max_size=12)
    if kind is dt.time:
        return st.times().map(lambda t: t.isoformat("minutes" if t.second == 0 else "seconds"))
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return st.sampled_from(list(f.enum_table(kind))) | st.text(max_size=8)
    if origin is typing.Union or (args and type(None) in args):
        (inner,) = (arg for arg in args if arg is not type(None))
        return st.none() | json_for(inner)
    if origin is frozenset or origin is tuple:
        (item, *_) = args
        if item in TYPE_NAMES:  # values of a class, as documents
            return st.lists(st.from_type(item).map(codec().plain[item]), max_size=2)
        if item is str:
            return st.lists(st.from_regex(checks.SLUG, fullmatch=True), max_size=4)
        return st.lists(json_for(item), max_size=6)
    raise AssertionError(f"no JSON values for {kind!r}")  # pragma: no cover


@pytest.mark.parametrize("case", LEFT_OUT, ids=str)
@given(data=st.data())
def test_a_check_left_out_is_made_by_the_hook(case: Case, data: st.DataObject) -> None:
    value = data.draw(json_for(case.kind), label="value")
    try:
        read = case.hook(value)
    except NOT_VALID:
        return
    converter, validator = case.left_out
    if converter is not None:
        converted = converter(read)
        assert type(read) is type(converted)
        assert read == converted
    if validator is not None:
        validator(None, case.reading.field, read)


@given(zoned_texts())
def test_an_instant_read_once_is_the_one_the_types_keep(text: str) -> None:
    """What the fast path reads for an ``at`` field is what ``to_at`` would store."""
    from selfcare._time.zoned import to_at

    try:
        instant = f.read_zoned(text)
    except NOT_VALID:
        with pytest.raises(NOT_VALID):
            to_at(f.structure_zoned(text))
        return
    kept = to_at(instant)
    assert instant is kept


def test_a_field_of_its_own_format_keeps_its_checks() -> None:
    """A field written its own way (facts, answers) is read by its hook and then checked."""
    special = [c.reading for c in CASES if c.reading.field.name in _SPECIAL.get(c.cls, {})]
    assert special
    for reading in special:
        assert (reading.field.converter, reading.field.validator) == (
            reading.converter,
            reading.validator,
        )


def test_a_class_that_sets_fields_of_its_own_is_called() -> None:
    """A catalog keeps indexes its ``__init__`` builds: reading one calls the class."""
    from selfcare import Catalog, default_catalog, from_dict, to_dict

    catalog = default_catalog()
    assert not all(field.init for field in attrs.fields(Catalog))
    loaded = from_dict(Catalog, to_dict(catalog))
    assert catalog == loaded
    assert catalog.strategy("short-walk") == loaded.strategy("short-walk")


# Dates and times of day: the fast hooks remember what they read and wrote, and give what
# the hooks that parse and format every time give.


class Text(str):
    """A ``str`` subclass: never taken for the valid text it equals."""


DATE_TEXTS = st.dates().map(dt.date.isoformat) | st.text(max_size=12)
TIME_TEXTS = st.times().map(lambda t: t.isoformat("minutes")) | st.text(max_size=10)
JSON_VALUES = st.none() | st.integers() | st.floats() | st.lists(st.integers(), max_size=2)


@pytest.mark.parametrize(
    ("remembered", "parsed", "texts"),
    [(f.read_date, f.structure_date, DATE_TEXTS), (f.read_time, f.structure_time, TIME_TEXTS)],
    ids=["date", "time"],
)
@given(data=st.data())
def test_a_remembered_date_or_time_is_the_one_parsed(
    remembered: f.Hook, parsed: f.Hook, texts: st.SearchStrategy[str], data: st.DataObject
) -> None:
    value = data.draw(texts | JSON_VALUES | texts.map(Text))
    if isinstance(value, str):  # the plain text read first, as if from another document
        with contextlib.suppress(DocumentError):
            remembered(str(value))
    try:
        expected, problems = parsed(value), None
    except DocumentError as error:
        expected, problems = None, error.problems
    if problems is not None:
        for _ in range(2):  # a rejected value is not remembered either
            with pytest.raises(DocumentError) as raised:
                remembered(value)
            assert problems == raised.value.problems
        return
    for _ in range(2):  # read, then remembered
        assert expected == remembered(value)
        assert type(expected) is type(remembered(value))


@given(when=st.times(), fold=st.sampled_from([0, 1]))
def test_a_remembered_time_is_written_as_formatted(when: dt.time, fold: int) -> None:
    when = when.replace(fold=fold)
    for _ in range(2):
        assert f.unstructure_time(when) == f.write_time(when)
