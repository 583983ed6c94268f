"""Golden documents: every version of the format ever written keeps loading, exactly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from selfcare import Reflection
from selfcare._io.codec import TYPE_NAMES
from selfcare.serialize import SCHEMA_VERSION, from_json, to_dict, to_json
from tests import ROOT
from tests.exact import assert_exactly_equal
from tests.io.golden.values import REDACTED, VALUES

GOLDEN = ROOT / "tests" / "io" / "golden"
CURRENT = GOLDEN / f"v{SCHEMA_VERSION}"
KINDS: dict[str, Any] = {name: kind for kind, name in TYPE_NAMES.items()}
KINDS["list_of_reflections"] = list[Reflection]
EXPECTED: dict[str, tuple[Any, Any, bool]] = {
    name: (KINDS[name], value, False) for name, value in VALUES.items()
}
EXPECTED |= {
    name: (KINDS[name.split(".")[0]], loaded, True) for name, (_, loaded) in REDACTED.items()
}


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
