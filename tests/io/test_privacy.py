"""Privacy of serialization: text a person wrote appears in no error, repr, traceback or warning.

A sentinel goes into every string of a document - the private fields (journal insight,
gratitude and note, revision reasons) and every other text too - and then every error path
is driven: each value replaced by each kind of wrong value (the sentinel among them, and
text too long for its field), unknown keys named after the sentinel, and broken JSON text
around it. Whatever is raised must not contain the sentinel anywhere a person or a log
could see it.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import json
import traceback
import warnings
from typing import Any

import attrs
import cattrs
import pytest

from selfcare import Journal, Reflection, ValidationError
from selfcare._io.codec import PRIVATE_FIELDS
from selfcare.serialize import from_dict, from_json, make_converter, to_dict, to_json
from tests.io.golden.values import PLAN, REFLECTION, REVISION, VALUES
from tests.io.places import edited, every_place

# Built at run time so that no source line - which a traceback may quote - contains it.
SENTINEL = "SENTINEL-" + "c4e9"
OVERLONG = SENTINEL * (10_001 // len(SENTINEL) + 1)
WRONG = [SENTINEL, OVERLONG, [SENTINEL], {SENTINEL: SENTINEL}, 1.5, True, None, -1]


def with_sentinel(data: Any) -> Any:
    """The document with the sentinel in every string that may hold free text."""
    if isinstance(data, dict):
        return {key: _text(key, value) for key, value in data.items()}
    if isinstance(data, list):
        return [with_sentinel(value) for value in data]
    return data


TEXT_FIELDS = {"insight", "gratitude", "note", "reason", "description", "name", "text"}


def _text(key: str, value: Any) -> Any:
    if key in TEXT_FIELDS and isinstance(value, str | type(None)):
        return f"{SENTINEL} wrote this"
    return with_sentinel(value)


def shown(exc: BaseException) -> str:
    """Everything an exception shows: message, repr, args, problems and traceback."""
    parts = [str(exc), repr(exc), repr(exc.args)]
    parts += [repr(getattr(exc, "problems", ""))]
    parts += traceback.format_exception(exc)
    return "\n".join(parts)


def documents() -> list[tuple[str, Any, dict[str, Any]]]:
    """A sentinel-filled document of every golden value, with the type it is read as."""
    out = []
    for name, value in sorted(VALUES.items()):
        kind: Any = list[Reflection] if isinstance(value, list) else type(value)
        out.append((name, kind, with_sentinel(to_dict(value))))
    return out


def read(kind: Any, data: Any) -> str:
    """Read a document; return all its error shows (nothing when it loaded) and any warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            from_dict(kind, data)
        except ValidationError as exc:
            return shown(exc) + "".join(str(w.message) for w in caught)
    return "".join(str(w.message) for w in caught)


@pytest.mark.parametrize(("name", "kind", "doc"), documents(), ids=[d[0] for d in documents()])
def test_sentinel_is_in_no_error_of_any_bad_value(name: str, kind: Any, doc: Any) -> None:
    """Every value replaced by every kind of wrong value: no error shows the sentinel."""
    leaks = []
    for place in every_place(doc)[1:]:
        for wrong in WRONG:
            if SENTINEL in read(kind, edited(doc, place, wrong)):
                leaks.append((place, wrong if wrong is not OVERLONG else "overlong"))
        unknown = (*place[:-1], SENTINEL)  # an unknown key named after the sentinel
        if isinstance(place[-1], str) and SENTINEL in read(kind, edited(doc, unknown, SENTINEL)):
            leaks.append((place, "unknown key"))
    assert [] == leaks


def test_the_sentinel_documents_load() -> None:
    """The sentinel text is valid where it was put, so the errors above are the wrong values'."""
    for _, kind, doc in documents():
        from_dict(kind, doc)


def test_loaded_private_text_is_in_no_repr() -> None:
    """Values loaded with the sentinel in their private fields do not show it."""
    plan = attrs.evolve(PLAN, revisions=[attrs.evolve(REVISION, reason=SENTINEL)])
    reflection = attrs.evolve(REFLECTION, journal=Journal(SENTINEL, SENTINEL, SENTINEL))
    for kind, value in ((type(plan), plan), (Reflection, reflection)):
        loaded = from_json(kind, to_json(value))
        assert SENTINEL not in f"{loaded!r} {loaded}"


def test_sentinel_is_in_no_error_of_broken_json() -> None:
    """JSON text broken around the sentinel is reported by position only."""
    text = to_json(REFLECTION).replace("I rush", SENTINEL)
    for cut in range(0, len(text), 7):
        for broken in (text[:cut], text[:cut] + "\x00" + text[cut:], text.replace('"', "'", 1)):
            with pytest.raises(ValidationError) as caught:
                from_json(Reflection, broken)
            assert SENTINEL not in shown(caught.value)
    with pytest.raises(ValidationError) as caught:
        from_json(Reflection, text.encode("utf-8").replace(b"I", b"\xff"))
    assert SENTINEL not in shown(caught.value)


def test_sentinel_is_in_no_error_from_an_app_converter() -> None:
    """An app's converter, structuring our values, raises errors without the sentinel."""
    converter = make_converter()
    data = with_sentinel(converter.unstructure(REFLECTION))
    data["ratings"]["mood"] = SENTINEL
    with pytest.raises(ValidationError) as caught:
        converter.structure(data, Reflection)
    assert SENTINEL not in shown(caught.value)
    with pytest.raises(cattrs.BaseValidationError) as group:
        converter.structure({"values": [data]}, dict[str, list[Reflection]])
    assert SENTINEL not in "".join(traceback.format_exception(group.value))


def test_redacted_output_holds_no_private_text() -> None:
    """Private fields holding the sentinel are written without it when redacting."""
    plan = attrs.evolve(PLAN, revisions=[attrs.evolve(REVISION, reason=SENTINEL)])
    reflection = attrs.evolve(REFLECTION, journal=Journal(SENTINEL, SENTINEL, SENTINEL))
    for value in (plan, reflection, [reflection, reflection]):
        assert SENTINEL in to_json(value)
        assert SENTINEL not in to_json(value, redact=True)
        assert SENTINEL not in repr(to_dict(value, redact=True))
        assert SENTINEL not in json.dumps(make_converter(redact=True).unstructure(value))


def test_the_private_fields_are_the_documented_ones() -> None:
    """Journal text, a practice's note, a revision's reason, and a person's answers and scores."""
    assert {
        "Journal": {"insight": None, "gratitude": None, "note": None},
        "Practice": {"note": None},
        "Revision": {"reason": ""},
        "Response": {"answers": {}},
        "Score": {"scales": ()},
        "MeasureTrend": {"points": ()},
    } == {kind.__name__: dict(fields) for kind, fields in PRIVATE_FIELDS.items()}
    assert REVISION.reason not in repr(REVISION)
