"""Golden documents: every version of the format ever written keeps loading, exactly."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

from selfcare import Plan, Reflection, Strategy
from selfcare._io.codec import TYPE_NAMES
from selfcare._model.strategies import Cadence, StrategyKind
from selfcare.serialize import MIGRATIONS, SCHEMA_VERSION, from_dict, from_json, to_dict, to_json
from tests import ROOT
from tests.exact import assert_exactly_equal
from tests.io.golden.values import PLAN, REDACTED, VALUES

GOLDEN = ROOT / "tests" / "io" / "golden"
CURRENT = GOLDEN / f"v{SCHEMA_VERSION}"
KINDS: dict[str, Any] = {name: kind for kind, name in TYPE_NAMES.items()}
KINDS["list_of_reflections"] = list[Reflection]


def kind_of(name: str) -> Any:
    """The type a golden file is read as: ``plan.redacted`` and ``strategy.commitment`` too."""
    return KINDS[name.split(".")[0]]


EXPECTED: dict[str, tuple[Any, Any, bool]] = {
    name: (kind_of(name), value, False) for name, value in VALUES.items()
}
EXPECTED |= {name: (kind_of(name), loaded, True) for name, (_, loaded) in REDACTED.items()}


def pretty(document: object) -> str:
    """The text of a golden file: two-space indents, ASCII only, a final newline."""
    return json.dumps(document, indent=2, ensure_ascii=True) + "\n"


def golden_files() -> list[Path]:
    """Every golden document of every version."""
    return sorted(GOLDEN.glob("v*/*.json"))


def test_every_type_has_a_golden_document_of_the_current_version() -> None:
    """Each serializable type, a list document and redacted documents are kept."""
    names = {path.stem for path in CURRENT.glob("*.json")}
    assert set(TYPE_NAMES.values()) | {"list_of_reflections"} <= names
    assert set(EXPECTED) == names


@pytest.mark.parametrize("path", golden_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden_document_loads_to_its_value(path: Path) -> None:
    """A golden document loads to exactly the value it was written from."""
    kind, expected, _ = EXPECTED[path.stem]
    actual = from_json(kind, path.read_text(encoding="utf-8"))
    assert_exactly_equal(expected, actual)


@pytest.mark.parametrize("path", sorted(CURRENT.glob("*.json")), ids=lambda p: p.stem)
def test_current_golden_document_is_what_we_write(path: Path) -> None:
    """Writing the value again gives the same bytes, pretty and compact."""
    text = path.read_text(encoding="utf-8")
    _, expected, redacted = EXPECTED[path.stem]
    written = REDACTED[path.stem][0] if redacted else expected
    assert text == pretty(to_dict(written, redact=redacted))
    compact = json.dumps(json.loads(text), separators=(",", ":"), ensure_ascii=True)
    assert compact == to_json(written, redact=redacted)


# What each version added, and what an older document stands for


#: The keys each version added to a type's documents, with the values that say what a
#: document of the version before meant (as the migration to that version documents).
ADDED: dict[int, dict[str, dict[str, Any]]] = {
    2: {"plan": {"shortfall": None}},
    3: {
        "strategy": {
            "kind": "activity",
            "cadence": "times-a-week",
            "times_a_week": None,
            "times_of_day": [],
            "at": None,
        },
        "ritual_step": {"alternatives": []},
        "profile": {"fixed_routine": False},
        "recurrence": {"monthday": None, "nth": None},
    },
    4: {
        "strategy": {"unit": None, "target": None},
        "practice": {"amount": None, "note": None},
        "ritual": {"done_at_least": None, "reminders": []},
        "plan_item": {"reminders": []},
        "plan": {"pauses": []},
        "revision": {"pauses": []},
        "plan_changes": {"pauses_added": [], "pauses_removed": []},
    },
}


def golden(version: int, name: str) -> dict[str, Any]:
    """A golden document as version ``version`` wrote it."""
    document: dict[str, Any] = json.loads(
        (GOLDEN / f"v{version}" / f"{name}.json").read_text(encoding="utf-8")
    )
    return document


def additions(older: object, newer: object, path: str = "$") -> list[tuple[str, dict[str, Any]]]:
    """Where ``newer`` has keys ``older`` lacks, with their values; all else must be equal."""
    if type(older) is dict and type(newer) is dict:
        assert older.keys() <= newer.keys(), path
        extra = {key: newer[key] for key in newer if key not in older}
        found = [(path, extra)] if extra else []
        for key in older:
            found += additions(older[key], newer[key], f"{path}.{key}")
        return found
    if type(older) is list and type(newer) is list:
        assert len(older) == len(newer), path
        return [
            change
            for index, pair in enumerate(zip(older, newer, strict=True))
            for change in additions(*pair, f"{path}[{index}]")
        ]
    assert older == newer, path
    return []


def written_in_both(version: int) -> list[str]:
    """The golden documents version ``version`` and the version before it both wrote."""
    return sorted(
        path.stem
        for path in (GOLDEN / f"v{version}").glob("*.json")
        if (GOLDEN / f"v{version - 1}" / path.name).exists()
    )


@pytest.mark.parametrize("version", sorted(ADDED))
def test_a_new_version_adds_only_the_documented_keys(version: int) -> None:
    """The same value, written by a version and the one before: only documented keys differ.

    So every key a version added is one it documents, with the documented value for what
    the older documents (which load to the same value) meant; and every documented key is
    seen, nested wherever the golden values hold one.
    """
    seen = []
    for name in written_in_both(version):
        older, newer = golden(version - 1, name), golden(version, name)
        assert (version - 1, version) == (older.pop("schema_version"), newer.pop("schema_version"))
        for path, extra in additions(older, newer):
            assert extra in ADDED[version].values(), f"{name}: {path}"
            seen.append(extra)
    assert all(extra in seen for extra in ADDED[version].values())


@pytest.mark.parametrize(
    ("version", "name"), [(v, name) for v in sorted(ADDED) if v > 2 for name in sorted(ADDED[v])]
)
def test_an_older_document_reads_with_the_documented_defaults(version: int, name: str) -> None:
    """A document of the version before reads as one with the keys the version added."""
    old = golden(version - 1, name)
    assert not old.keys() & ADDED[version][name].keys()
    kind = KINDS[name]
    value = from_dict(kind, old)
    upgraded = {**old, **ADDED[version][name], "schema_version": version}
    assert_exactly_equal(from_dict(kind, upgraded), value)


def test_a_version_3_reflection_and_plan_read_as_version_4_without_habits() -> None:
    """The defaults, said in Python: nothing measured, noted, reminded or paused."""
    reflection = from_dict(Reflection, golden(3, "reflection"))
    assert [(None, None)] * 2 == [(p.amount, p.note) for p in reflection.practised]
    plan = from_dict(Plan, golden(3, "plan"))
    assert ((), [()] * len(plan.items)) == (plan.pauses, [i.reminders for i in plan.items])
    assert [(None, ())] == [(r.done_at_least, r.reminders) for r in plan.rituals]
    assert () == plan.revisions[0].pauses
    assert (None, None) == attrs.astuple(from_dict(Strategy, golden(3, "strategy")))[-2:]


def test_a_version_2_strategy_is_an_activity_whose_times_the_generator_decides() -> None:
    """The defaults, said in Python."""
    strategy = from_dict(Strategy, golden(2, "strategy"))
    assert (StrategyKind.ACTIVITY, Cadence.TIMES_A_WEEK, None, frozenset(), None) == (
        strategy.kind,
        strategy.cadence,
        strategy.times_a_week,
        strategy.times_of_day,
        strategy.at,
    )


def test_a_version_2_plan_is_upgraded_leaving_the_callers_data_alone() -> None:
    """A plan, alone or in a list document, reads with its nested values' defaults."""
    old = golden(2, "plan")
    body = {key: value for key, value in old.items() if key not in ("schema_version", "type")}
    listed = {"schema_version": 2, "type": "list", "values": [body]}
    before = copy.deepcopy((old, listed))
    assert_exactly_equal(PLAN, from_dict(Plan, old))
    assert_exactly_equal([PLAN], from_dict(list[Plan], listed))
    assert old == MIGRATIONS[2](copy.deepcopy(old))  # nothing written: reading fills it in
    assert before == (old, listed)


def test_a_version_3_plan_is_upgraded_leaving_the_callers_data_alone() -> None:
    """A version 3 plan, alone or in a list document, loads to the same plan as today's."""
    old = golden(3, "plan")
    body = {key: value for key, value in old.items() if key not in ("schema_version", "type")}
    listed = {"schema_version": 3, "type": "list", "values": [body]}
    before = copy.deepcopy((old, listed))
    assert_exactly_equal(PLAN, from_dict(Plan, old))
    assert_exactly_equal([PLAN], from_dict(list[Plan], listed))
    assert old == MIGRATIONS[3](copy.deepcopy(old))
    assert before == (old, listed)
