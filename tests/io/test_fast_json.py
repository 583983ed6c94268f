"""The optional fast JSON backend, orjson (``selfcare[fast]``): nothing but the speed changes.

With orjson installed, :func:`selfcare._io.documents.write` writes exactly the bytes the
standard library's encoder writes, and :func:`selfcare._io.documents.read` reads every text
to exactly the value, or the problem, that it reads without orjson. Each test compares the
two paths; setting ``documents.orjson`` to None gives the path without orjson. CI installs
orjson through the ``dev`` extra, so nothing here is skipped there.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import json
import math
import struct
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from selfcare import Plan, Reflection
from selfcare._io import documents
from selfcare._io.documents import ENCODER, MAX_DEPTH, read, write
from selfcare.serialize import from_json, to_dict, to_json
from tests.exact import assert_exactly_equal
from tests.io.golden.values import EVENINGS, PLAN, VALUES
from tests.io.test_fuzz import KINDS, name_of
from tests.io.test_serialize import _json_texts

orjson = pytest.importorskip("orjson")

#: Drawing values of the model is the slow part: at most 200 examples, even when thorough.
COSTLY = settings(
    max_examples=min(settings().max_examples, 200),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@contextmanager
def standard_library() -> Iterator[None]:
    """Read and write without orjson, as when it is not installed."""
    saved = documents.orjson
    documents.orjson = None
    try:
        yield
    finally:
        documents.orjson = saved


def outcome(function: Callable[[], Any]) -> tuple[str, str]:
    """What calling gives, exactly: the repr of its value, or its exception's type and text.

    ``repr`` tells ``1`` from ``1.0`` and ``True``, ``0.0`` from ``-0.0``, and shows the
    order of keys, which ``==`` does not.
    """
    try:
        return "value", repr(function())
    except Exception as exc:
        return type(exc).__name__, str(exc)


def both(function: Callable[[], Any]) -> tuple[tuple[str, str], tuple[str, str]]:
    """The outcome without orjson, then with it."""
    with standard_library():
        without = outcome(function)
    return without, outcome(function)


def test_orjson_is_used_when_it_is_installed() -> None:
    """The switch holds the orjson module itself."""
    assert orjson is documents.orjson


# Writing


def test_a_document_is_written_by_orjson_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The documents of every golden value are written without the standard library."""
    expected = {name: to_json(value) for name, value in VALUES.items()}

    class Refusing:
        def encode(self, data: object) -> str:
            raise AssertionError("the standard library's encoder was used")

    monkeypatch.setattr(documents, "ENCODER", Refusing())
    fast = {name: to_json(value) for name, value in VALUES.items()}
    assert expected == fast


@pytest.mark.parametrize("kind", KINDS, ids=name_of)
def test_every_value_is_written_to_the_same_text(kind: Any) -> None:
    """A value of every serializable type is written byte for byte the same, and read back."""

    @COSTLY
    @given(st.from_type(kind))
    def check(value: Any) -> None:
        for redact in (False, True):
            with standard_library():
                expected = to_json(value, redact=redact)
            text = to_json(value, redact=redact)
            assert expected == text
        with standard_library():
            slow = from_json(kind, text)
        assert_exactly_equal(slow, from_json(kind, text))

    check()


#: Characters that each path escapes its own way, or that have short escapes.
_TRICKY = "".join(map(chr, range(0x20))) + '\x7f"\\/éu\u2028\ufeff\U0001f600'
KEYS = st.text(st.sampled_from("abz09e.:" + _TRICKY), max_size=6)
TEXT = st.text(max_size=12) | st.text(st.sampled_from("ab0159eExU.+-:" + _TRICKY), max_size=12)
#: Floats in all their ways of being written: exponents both ways, many digits, -0.0.
FLOATS = (
    st.floats(allow_nan=False, allow_infinity=False)
    | st.integers(-20, 20).flatmap(
        lambda e: st.floats(-1, 1, allow_nan=False).map(lambda m: m * 10.0**e)
    )
    | st.sampled_from(
        [-0.0, 0.0, 1e-05, 1e-4, 9.999999999999999e-5, 1e-07, 1e-09, 1e15, 1e16, 1e17, 5e-324]
    )
)
#: Integers up to and beyond 64 bits, where orjson stops.
INTEGERS = st.integers() | st.integers(-(2**65), 2**65) | st.sampled_from([2**63, -(2**63) - 1])
SCALARS = st.none() | st.booleans() | INTEGERS | FLOATS | TEXT
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(KEYS, inner, max_size=4)
    ),
    max_leaves=20,
)


@given(JSON_VALUES)
@example({"small": [1e-05, -2.5e-07], "large": [1e16, 1.5e300]})
@example({"text": "tab\there\x00\x1f\x7f, é, \U0001f600, \ud800 and \\u"})
@example({"numbers": [2**64, -(2**63) - 1, 2**63, -0.0]})
@example({"\\xé": ["\\x41\u00e9", "\\U0001f600é", "\\\u00e9x", "é\\"]})
def test_write_gives_what_the_encoder_gives(data: Any) -> None:
    """JSON-ready data is written exactly as the standard library writes it."""
    assert ENCODER.encode(data) == write(data)


@given(st.integers(0, 2**64 - 1).map(lambda bits: struct.unpack("<d", bits.to_bytes(8, "little"))))
def test_every_float_is_written_as_python_writes_it(number: tuple[float]) -> None:
    """Any bit pattern of a float: the finite ones are written as ``repr`` writes them."""
    if math.isfinite(number[0]):
        assert f"[{number[0]!r}]" == write(list(number))


def test_every_float_orjson_writes_differently_is_caught() -> None:
    """orjson's text for a float is used only where it is Python's, around every power of 10.

    orjson 3.11.7 and later write the floats from 1e-9 up to 1e-4 differently: those below
    1e-5 with a one-digit exponent (``1e-7``), the rest without one (``0.00001``).
    """
    numbers: list[float] = []
    for exponent in range(-324, 309):
        for mantissa in ("1", "1.5", "9.999999999999999", "1.2345678901234567"):
            number = float(f"{mantissa}e{exponent}")
            if math.isfinite(number):
                near = (number, math.nextafter(number, 0), math.nextafter(number, math.inf))
                numbers += [sign * n for n in near for sign in (1, -1) if math.isfinite(n)]
    differ = [n for n in numbers if orjson.dumps(n) != repr(n).encode()]
    assert [] == [n for n in differ if documents._as_encoder(orjson.dumps(n)) is not None]
    assert [repr(n) for n in numbers] == [write(n) for n in numbers]


def test_ascii_characters_are_escaped_as_the_standard_library_escapes_them() -> None:
    """Control characters, DEL, quotes and backslashes, alone and in keys."""
    for code in range(128):
        data = {chr(code): chr(code) * 2}
        assert ENCODER.encode(data) == write(data)


@pytest.mark.parametrize(
    "data",
    [
        {1: "a", None: "b", 2.5: "c", False: "d"},
        [2**64, -(2**70)],
        ["\udc80"],
        {"a": (1, (2,))},
    ],
    ids=["keys-that-are-not-strings", "huge-integers", "lone-surrogate", "tuples"],
)
def test_what_orjson_cannot_write_is_written_by_the_standard_library(data: Any) -> None:
    """Where orjson refuses, the standard library writes its usual text."""
    assert ENCODER.encode(data) == write(data)


class _Text(str):
    __slots__ = ()


class _Number(int):
    pass


@pytest.mark.parametrize(
    "data",
    [
        [_Text("x")],
        {_Text("k"): _Number(3)},
        [object()],
        {"when": dt.date(2026, 1, 5)},
        {1, 2},
        [b"bytes"],
    ],
    ids=["str-subclass", "key-and-int-subclasses", "object", "date", "set", "bytes"],
)
def test_subclasses_and_other_values_behave_as_without_orjson(data: Any) -> None:
    """Subclasses are written as the standard library writes them; the rest are refused."""
    expected, actual = both(lambda: write(data))
    assert expected == actual


# Reading


def _mutations(text: str) -> st.SearchStrategy[str]:
    """The text with one to three characters replaced, inserted or deleted."""
    characters = st.sampled_from('{}[]":,\\ 0123456789.eE+-tfnu\ufeff\x00\ud800é')

    @st.composite
    def mutate(draw: st.DrawFn) -> str:
        result = text
        for _ in range(draw(st.integers(1, 3))):
            at = draw(st.integers(0, len(result)))
            how = draw(st.sampled_from(["replace", "insert", "delete"]))
            new = "" if how == "delete" else draw(characters)
            result = result[:at] + new + result[at + (how != "insert") :]
        return result

    return mutate()


GOLDEN_TEXTS = [to_json(VALUES[name]) for name in sorted(VALUES)]
#: Texts each reader reads in its own way: a BOM, lone surrogates, numbers too large for a
#: float or a 64-bit integer, nesting around orjson's limit, NaN, Infinity, and not UTF-8.
SPECIAL = [
    "\ufeff{}",
    '"\\ud800"',
    '["\\udc80x", "\\ud83d\\ude00"]',
    "1E400",
    "[-1e400, 1]",
    "18446744073709551616",
    "[-9223372036854775809, 9223372036854775807, 18446744073709551615]",
    "1" + "0" * 5000,
    "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
    "[" * 1025 + "]" * 1025,
    "[" * 1100 + "]" * 1100,
    "NaN",
    '{"a": -Infinity}',
    '{"a": 1, "a": 2}',
    '"\x7f\x01"',
    "\x0c1",
    "\u00a01",
    "-0",
    "[-0.0, 1E2, 0.1000000000000000055511151231257827]",
]


@given(
    st.one_of(
        st.sampled_from(SPECIAL),
        _json_texts(),
        st.text(max_size=30),
        st.sampled_from(GOLDEN_TEXTS).flatmap(_mutations),
        st.sampled_from(SPECIAL).flatmap(_mutations),
    )
)
def test_read_gives_the_same_value_or_problem_for_any_text(text: str) -> None:
    """Any text, as str and as UTF-8 bytes, reads to the same value or the same problem."""
    expected, actual = both(lambda: read(text))
    assert expected == actual
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates have no UTF-8
        return
    expected, actual = both(lambda: read(raw))
    assert expected == actual


@given(
    st.binary(max_size=40)
    | st.tuples(st.sampled_from(GOLDEN_TEXTS), st.integers(0, 100)).map(
        lambda case: (case[0][: case[1]] + "\udcff" + case[0][case[1] :]).encode(
            "utf-8", "surrogateescape"
        )
    )
)
def test_read_gives_the_same_problem_for_any_bytes(raw: bytes) -> None:
    """Bytes that are not UTF-8, or not JSON, give the same problem with and without orjson."""
    expected, actual = both(lambda: read(raw))
    assert expected == actual


@given(JSON_VALUES)
def test_read_gives_the_same_value_for_any_json(data: Any) -> None:
    """Written by the standard library, compact or not, and read with and without orjson."""
    compact = ENCODER.encode(data)
    assert both(lambda: read(compact))[0] == both(lambda: read(compact))[1]
    spaced = json.dumps(data, ensure_ascii=False, indent=1)
    assert both(lambda: read(spaced))[0] == both(lambda: read(spaced))[1]


def test_a_document_is_read_by_orjson_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document is read without the standard library's readers."""
    texts = {name: to_json(value) for name, value in VALUES.items()}
    expected = {name: read(text) for name, text in texts.items()}
    monkeypatch.setattr(documents, "_PLAIN", None)
    monkeypatch.setattr(documents, "DECODER", None)
    assert expected == {name: read(text) for name, text in texts.items()}


@pytest.mark.parametrize(
    "text",
    ["[18446744073709551616]", '{"n": -9223372036854775809}', '"\\ud800"', "1E400"],
)
def test_what_orjson_reads_otherwise_is_read_by_the_standard_library(text: str) -> None:
    """A huge integer stays an integer, a lone surrogate is kept, and 1E400 is infinite."""
    assert outcome(lambda: json.loads(text)) == outcome(lambda: read(text)[0])


def test_no_orjson_message_reaches_a_caller() -> None:
    """Problems are said in the standard library's words, whichever reader found them."""
    with standard_library():
        expected = [read(text) for text in SPECIAL]
    assert expected == [read(text) for text in SPECIAL]
    assert "not valid JSON: Expecting value at line 1 column 1" == read("\ufeff{}")


def test_a_plan_and_reflections_round_trip_alike() -> None:
    """The documents of a plan and a list of reflections round-trip the same either way."""
    for kind, value in ((Plan, PLAN), (list[Reflection], EVENINGS)):
        with standard_library():
            text = to_json(value)
            slow = from_json(kind, text)
        assert text == to_json(value)
        assert to_dict(slow) == to_dict(from_json(kind, text))
