"""A short document is read in one pass, its limits and repeated keys checked on the way.

``from_json`` reads a text of at most ``SHORT_TEXT`` characters, of this format version,
with the fast hooks alone (``serialize._read_counted``): its length bounds its values, the
fast hooks refuse a list or object of more than ``MAX_ENTRIES`` entries, its type bounds
its nesting, and the members of the objects read are counted (``format.TALLY``) and
compared with the keys its text writes. Anything else goes the full way
(``serialize._read_text``: measured, then read). Checked here: the two ways give the same
value or the same problems for every document with one value replaced, one key removed or
repeated, something nested too deep, or a list or object too long; the bounds hold for
every type; and each thread counts for itself.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import copy
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from types import NoneType, UnionType
from typing import Any, get_args, get_origin

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import Plan, Reflection, ValidationError
from selfcare import serialize as s
from selfcare._io import documents
from selfcare._io import format as f
from selfcare._io.codec import _SPECIAL, TYPE_NAMES, TYPES_BY_NAME, _fields
from selfcare._io.format import TALLY
from selfcare._io.problems import DocumentError
from selfcare.serialize import MAX_DEPTH, MAX_ENTRIES, MAX_VALUES, from_json, to_dict, to_json
from tests.io.golden.values import VALUES
from tests.io.places import at, edited
from tests.io.places import every_place as places
from tests.io.test_fuzz import DOCUMENTS, JSON

#: Lists nested from 20 to 40 deep, around the limit of 32 levels.
DEEP = st.integers(20, 40).map(lambda depth: json.loads("[" * depth + "]" * depth))


def outcome(read: Any, kind: Any, text: str | bytes) -> tuple[str, Any]:
    """What reading the text gives: the value, or the problems."""
    try:
        value = read(kind, text)
    except ValidationError as error:
        return "problems", error.problems
    return "value", (type(value), value)


def assert_read_alike(kind: Any, text: str | bytes) -> None:
    assert outcome(s._read_text, kind, text) == outcome(from_json, kind, text)


def objects(data: Any) -> list[tuple[Any, ...]]:
    """The place of every object that has keys in a document."""
    found: list[tuple[Any, ...]] = []
    for place in places(data):
        node = at(data, place)
        if isinstance(node, dict) and node:
            found.append(place)
    return found


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_a_document_is_read_alike_with_one_value_replaced_or_removed(name: str) -> None:
    kind, document = DOCUMENTS[name]

    @given(st.sampled_from(places(document)[1:]), JSON | DEEP, st.booleans(), st.booleans())
    def check(place: tuple[Any, ...], value: Any, remove: bool, compact: bool) -> None:
        doc = edited(document, place, value, remove=remove)
        separators = (",", ":") if compact else (", ", ": ")
        assert_read_alike(kind, json.dumps(doc, separators=separators))

    check()


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_a_document_with_a_repeated_key_is_refused_alike(name: str) -> None:
    kind, document = DOCUMENTS[name]

    @given(st.sampled_from(objects(document)), st.data())
    def check(place: tuple[Any, ...], data: st.DataObject) -> None:
        doc = copy.deepcopy(document)
        node = at(doc, place)
        key = data.draw(st.sampled_from(sorted(node)))
        node["\x00repeated"] = data.draw(st.just(node[key]) | JSON)  # then renamed in the text
        text = json.dumps(doc, separators=(",", ":")).replace('"\\u0000repeated"', json.dumps(key))
        expected = outcome(s._read_text, kind, text)
        assert expected == outcome(from_json, kind, text)
        assert "problems" == expected[0]

    check()


def test_a_valid_short_document_is_read_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document as to_json writes it is read without the full path."""
    monkeypatch.setattr(s, "_read_text", None)  # calling it would fail
    for name, (kind, _) in DOCUMENTS.items():
        text = to_json(VALUES[name])
        assert len(text) <= documents.SHORT_TEXT
        assert VALUES[name] == from_json(kind, text)


def test_a_repeated_key_is_refused_as_the_full_path_refuses_it() -> None:
    text = to_json(VALUES["ratings"]).replace('{"', '{"mood":5,"', 1)
    with pytest.raises(ValidationError) as raised:
        from_json(type(VALUES["ratings"]), text)
    assert (("$", "an object repeats a key; give each key once"),) == raised.value.problems


def test_a_short_text_nested_too_deep_is_refused_as_before() -> None:
    plan = to_dict(VALUES["plan"])
    plan["items"][0]["reasons"] = [{"code": "goal", "text": "x", "facts": {"deep": []}}]
    plan["items"][0]["reasons"][0]["facts"]["deep"] = json.loads("[" * 40 + "]" * 40)
    text = json.dumps(plan)
    assert len(text) <= documents.SHORT_TEXT
    with pytest.raises(ValidationError) as raised:
        from_json(Plan, text)
    assert f"nested deeper than {MAX_DEPTH} levels" in raised.value.problems[0][1]


# The bounds the one pass relies on.


def depth(kind: Any, seen: frozenset[Any] = frozenset()) -> int:
    """How deep a value of ``kind`` nests in a document, as its type has it: 0 for a scalar."""
    assert kind not in seen, f"{kind} holds itself: its documents have no bound on depth"
    if kind in TYPE_NAMES:
        special = _SPECIAL.get(kind, {})
        inner = [1 if name in special else depth(t, seen | {kind}) for name, t in _fields(kind)]
        return 1 + max(inner, default=0)  # a field written its own way is an object of scalars
    origin, args = get_origin(kind), get_args(kind)
    if origin is UnionType:
        return max(depth(arg, seen) for arg in args if arg is not NoneType)
    if origin in (frozenset, tuple):
        return 1 + depth(args[0], seen)
    return 0  # a scalar, a date, a time, an instant or a member of an enum


def measured(data: Any) -> int:
    """How deep a JSON value nests: 0 for a scalar."""
    if isinstance(data, dict):
        return 1 + max(map(measured, data.values()), default=0)
    if isinstance(data, list):
        return 1 + max(map(measured, data), default=0)
    return 0


@pytest.mark.parametrize("kind", [TYPES_BY_NAME[name] for name in sorted(TYPES_BY_NAME)], ids=str)
def test_no_type_nests_near_the_limit(kind: type) -> None:
    """A list document of any type (two levels more than its values) nests within the limit."""
    assert depth(kind) + 2 <= MAX_DEPTH


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_a_document_nests_no_deeper_than_its_type(name: str) -> None:
    kind, document = DOCUMENTS[name]
    bound = depth(get_args(kind)[0]) + 2 if get_origin(kind) is list else depth(kind)
    assert measured(document) <= bound


def values(data: Any) -> int:
    """How many values a JSON value holds, as ``MAX_VALUES`` counts them (not itself)."""
    if isinstance(data, dict):
        return len(data) + sum(map(values, data.values()))
    if isinstance(data, list):
        return len(data) + sum(map(values, data))
    return 0


@given(JSON | DEEP, st.booleans())
def test_a_text_holds_fewer_values_than_half_its_length(data: Any, compact: bool) -> None:
    """What makes a short text too short to hold more than MAX_VALUES values."""
    text = json.dumps(data, separators=(",", ":") if compact else (", ", ": "))
    assert values(data) <= (len(text) - 1) // 2


def test_no_short_text_holds_too_many_values() -> None:
    """The shortest text of more than MAX_VALUES values, none too long, is not short."""
    block = "[" + ",".join(["0"] * MAX_ENTRIES) + "]"
    lists = MAX_VALUES // (MAX_ENTRIES + 1) + 1  # each list and its entries are values
    shortest = "[" + ",".join([block] * lists) + "]"
    assert MAX_VALUES < lists * (MAX_ENTRIES + 1)
    assert documents.SHORT_TEXT < len(shortest)
    assert documents.read_short(shortest) is None


def test_a_long_list_of_reflections_is_read_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reflections of 500 days (over 200,000 characters) are read by the fast hooks alone."""
    reflection = VALUES["reflection"]
    days = [attrs.evolve(reflection, at=reflection.at.add(days=n)) for n in range(500)]
    text = to_json(days)
    assert 200_000 < len(text) <= documents.SHORT_TEXT
    monkeypatch.setattr(s, "_read_text", None)  # calling it would fail
    assert days == from_json(list[Reflection], text)


def shapes(document: Any) -> list[tuple[Any, ...]]:
    """One place of each kind in a document: the first item stands for every item of a list."""
    found: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for place in places(document)[1:]:
        found.setdefault(tuple(0 if isinstance(step, int) else step for step in place), place)
    return list(found.values())


def members(data: Any) -> int:
    """How many members the objects of a JSON value have in all (the keys its text writes)."""
    if isinstance(data, dict):
        return len(data) + sum(map(members, data.values()))
    if isinstance(data, list):
        return sum(map(members, data))
    return 0


#: Keys for the members an object gains in :func:`too_long`.
EXTRA_KEYS = [f"k{n}" for n in range(MAX_ENTRIES + 1)]


def too_long(node: Any) -> tuple[Any, int]:
    """A list or object like ``node`` but of more than MAX_ENTRIES entries, each like its own.

    A list repeats its first item; an object keeps its members and gains fact-like ones
    (``k0``, ``k1``, ...), each the value of its first member. With it, how many more
    members its objects have than ``node``'s.
    """
    if isinstance(node, list):
        return node[:1] * (MAX_ENTRIES + 1), members(node[0]) * MAX_ENTRIES - members(node[1:])
    value = next(iter(node.values()))
    extra = MAX_ENTRIES + 1 - len(node)
    return {**node, **dict.fromkeys(EXTRA_KEYS[:extra], value)}, extra * (1 + members(value))


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_a_list_or_object_of_too_many_entries_is_left_to_the_full_path(name: str) -> None:
    """Anywhere in a document, one of more than MAX_ENTRIES entries is not read in one pass.

    Each list holds copies of its own first item and each object members like its own, so
    nothing but the size is wrong where it can be: the fast hooks refuse it (or its domain
    type does), and the full path measures it and says so.
    """
    kind, document = DOCUMENTS[name]
    element, container = s._element_type(kind)
    keys = members(document)
    for place in shapes(document):
        node = at(document, place)
        if not (isinstance(node, list | dict) and node):
            continue
        longer, more = too_long(node)
        doc = edited(document, place, longer)
        assert s._UNREAD is s._read_counted(element, container, doc, keys + more), place


@pytest.mark.parametrize(
    ("hooks", "entry"),
    [
        pytest.param(f.TIMES, lambda n: "09:00", id="tuple"),
        pytest.param(f.STR_SET, lambda n: f"tag-{n}", id="set"),
        pytest.param(f.ANSWERS, lambda n: (f"item-{n}", 1), id="mapping"),
        pytest.param(f.FACTS, lambda n: (f"fact_{n}", 1), id="facts"),
    ],
)
def test_a_fast_hook_refuses_a_list_or_object_of_too_many_entries(
    hooks: f.Hooks, entry: Any
) -> None:
    """Each fast hook of a list or object reads MAX_ENTRIES entries, and refuses one more."""
    entries = [entry(n) for n in range(MAX_ENTRIES + 1)]
    made = dict if isinstance(entries[0], tuple) else list
    assert MAX_ENTRIES == len(hooks.fast(made(entries[:-1])))
    with pytest.raises(DocumentError):
        hooks.fast(made(entries))


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("plan", ("items", 0, "reminders")),
        ("plan", ("revisions", 0, "items", 0, "reasons", 0, "facts")),
        ("reflection", ("self_ratings",)),
    ],
    ids=lambda value: ".".join(map(str, value)) if isinstance(value, tuple) else value,
)
def test_a_short_text_of_too_many_entries_is_refused_as_measured(
    name: str, place: tuple[Any, ...]
) -> None:
    kind, document = DOCUMENTS[name]
    doc = edited(document, place, too_long(at(document, place) or [10])[0])
    text = json.dumps(doc, separators=(",", ":"))
    assert len(text) <= documents.SHORT_TEXT
    with pytest.raises(ValidationError) as raised:
        from_json(kind, text)
    path = "$" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in place)
    assert ((path, f"holds more than {MAX_ENTRIES:,} entries"),) == raised.value.problems


# Each thread counts the members it reads.


def test_each_thread_counts_for_itself() -> None:
    TALLY.members = 5
    seen: list[int] = []
    thread = threading.Thread(target=lambda: seen.append(TALLY.members))
    thread.start()
    thread.join()
    assert ([0], 5) == (seen, TALLY.members)


def test_documents_read_at_once_in_several_threads_are_read_as_one_at_a_time() -> None:
    texts = [to_json(value) for value in VALUES.values()]
    texts += [text.replace('{"', '{"type":"x","', 1) for text in texts]  # a key repeated
    kinds = [list[Reflection] if type(v) is list else type(v) for v in VALUES.values()] * 2
    pairs = list(zip(kinds, texts, strict=True))
    expected = [outcome(s._read_text, kind, text) for kind, text in pairs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(5):
            assert expected == list(pool.map(lambda pair: outcome(from_json, *pair), pairs))
