"""The benchmarks' pydantic and msgspec mirrors read what selfcare writes, and write it back.

``benchmarks/bench_serialize.py`` times selfcare's JSON round trip against pydantic v2 and
msgspec models of the same shape and strictness. When selfcare's format changes and the
mirrors do not, they refuse its documents and the benchmark stops running; these tests
say so first. Each mirror reads selfcare's JSON text of the benchmark's plan and
reflections (made small) and must write back a JSON value equal to ``to_dict``'s, and read
the zoned instants as strictly as selfcare does.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import json
from typing import Any

import pytest

from selfcare import Plan, Reflection, ValidationError
from selfcare._io import documents
from selfcare.serialize import from_dict, from_json, to_dict, to_json
from tests import load_benchmark

pytest.importorskip("pydantic")
pytest.importorskip("msgspec")

bench = load_benchmark("bench_serialize")

PLAN: Plan = bench.make_plan(5)
GENERATED: Plan = bench.make_generated_plan(15)
REFLECTIONS: list[Reflection] = bench.make_reflections(7)
DOCUMENTS: dict[str, Any] = {"plan": PLAN, "generated": GENERATED, "reflections": REFLECTIONS}
KINDS: dict[str, Any] = {"plan": Plan, "generated": Plan, "reflections": list[Reflection]}


def _pydantic(name: str, text: str) -> Any:
    model = {"plan": bench.PPlan, "generated": bench.PPlan, "reflections": bench.PReflections}[name]
    return json.loads(model.model_validate_json(text).model_dump_json())


def _msgspec(name: str, text: str) -> Any:
    decoder = {"plan": bench.M_PLAN, "generated": bench.M_PLAN, "reflections": bench.M_REFLECTIONS}[
        name
    ]
    return json.loads(bench.M_WRITER.encode(decoder.decode(text)))


MIRRORS = {"pydantic": _pydantic, "msgspec": _msgspec}


@pytest.mark.parametrize("mirror", MIRRORS)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_mirror_writes_back_what_selfcare_wrote(mirror: str, name: str) -> None:
    value = DOCUMENTS[name]

    actual = MIRRORS[mirror](name, to_json(value))

    assert to_dict(value) == actual


def test_the_plain_pydantic_model_writes_back_the_instants_without_their_zones() -> None:
    # It reads the document with each zone name removed, and pydantic writes a zero UTC
    # offset as "Z": the instants are otherwise as selfcare wrote them, without the zone.
    expected = to_dict(REFLECTIONS)
    for value in expected["values"]:
        value["at"] = value["at"].partition("[")[0]
    text = bench.without_zones(to_json(REFLECTIONS))

    written = bench.PPlainReflections.model_validate_json(text).model_dump_json()

    assert expected == json.loads(written.replace('Z"', '+00:00"'))


def test_the_round_trips_timed_give_back_what_they_read() -> None:
    cases = bench.round_trips(PLAN, REFLECTIONS, GENERATED)  # asserts each round trip itself

    assert {"plan", "generated", "reflections"} == set(cases)


ZONED = [
    "2026-01-01T21:00:00+00:00[Europe/London]",
    "2026-07-01T21:00:00.250000+01:00[Europe/London]",
    "2026-10-25T01:30:00+01:00[Europe/London]",  # clocks go back: the first 01:30
    "2026-10-25T01:30:00+00:00[Europe/London]",  # and the second
    "1970-01-01T00:00:00-00:44:30[Africa/Monrovia]",
    "2026-03-29T01:30:00+00:00[Europe/London]",  # in the gap when clocks go forward
    "2026-03-29T01:30:00+01:00[Europe/London]",
    "2026-01-01T21:00:00+01:00[Europe/London]",  # an offset the zone does not give
    "2026-01-01T21:00:00+00:00[EST]",  # a fixed offset, not a place
    "2026-01-01T21:00:00+00:00[Mars/Olympus]",
    "2026-01-01T21:00:00Z[Europe/London]",
    "2026-01-01T21:00:00+00:00",
    "2026-01-01 21:00:00+00:00[Europe/London]",
    "2026-02-30T21:00:00+00:00[Europe/London]",
    "2026-01-01T21:00+00:00[Europe/London]",
]


def _selfcare_reads(text: str) -> bool:
    doc = to_dict(REFLECTIONS[0]) | {"at": text}
    try:
        from_dict(Reflection, doc)
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize("text", ZONED)
def test_the_mirrors_read_a_zoned_instant_as_selfcare_does(text: str) -> None:
    expected = _selfcare_reads(text)
    try:
        instant = bench.parse_zoned(text)
    except ValueError:
        actual = False
    else:
        actual = True
        assert text == bench.format_zoned(instant)
        assert text.partition("[")[2][:-1] == getattr(instant.tzinfo, "key", None)

    assert expected == actual


def test_a_mirror_keeps_the_fold_of_an_ambiguous_time() -> None:
    first = bench.parse_zoned("2026-10-25T01:30:00+01:00[Europe/London]")
    second = bench.parse_zoned("2026-10-25T01:30:00+00:00[Europe/London]")

    assert (0, 1) == (first.fold, second.fold)


def _with_unknown_key(name: str) -> str:
    doc = to_dict(DOCUMENTS[name])
    nested = doc["values"][0]["ratings"] if name == "reflections" else doc["items"][0]["recurrence"]
    nested["colour"] = "blue"
    return json.dumps(doc)


@pytest.mark.parametrize("mirror", MIRRORS)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_mirror_refuses_an_unknown_key_as_selfcare_does(mirror: str, name: str) -> None:
    text = _with_unknown_key(name)
    with pytest.raises(ValidationError, match="unknown key"):
        from_json(KINDS[name], text)
    with pytest.raises(ValueError, match=r"colour|Extra"):
        MIRRORS[mirror](name, text)


def test_the_memory_benchmark_loads_its_reflections_with_the_same_models() -> None:
    memory = load_benchmark("bench_memory")
    reflections = memory.make_reflections(7)

    loaded = memory._pydantic_loader()(to_json(reflections))

    assert [r.at for r in reflections] == [r.at for r in loaded.values]


def test_the_benchmark_switches_selfcare_to_the_stdlib_and_back() -> None:
    before = getattr(documents, "orjson", None)
    with bench.backend(None):
        inside = documents.orjson
        text = to_json(PLAN)

    assert (None, before) == (inside, documents.orjson)
    assert to_json(PLAN) == text
