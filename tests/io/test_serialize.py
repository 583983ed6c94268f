"""Specification of serialization: the API, the format, strict input and versioning."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import (
    Catalog,
    Category,
    Journal,
    Period,
    Plan,
    PlanItem,
    Profile,
    Ratings,
    Reason,
    Recurrence,
    Reflection,
    Revision,
    Role,
    Strategy,
    ValidationError,
    Weekday,
    default_catalog,
)
from selfcare._io.codec import TYPE_NAMES
from selfcare._io.documents import ENCODER, parse, read
from selfcare.serialize import (
    MAX_DEPTH,
    MAX_ENTRIES,
    MAX_TEXT_LENGTH,
    MAX_VALUES,
    MIGRATIONS,
    SCHEMA_VERSION,
    _from_dict,
    configure_converter,
    from_dict,
    from_json,
    make_converter,
    to_dict,
    to_json,
)
from tests import ROOT
from tests.exact import assert_exactly_equal
from tests.io.golden.values import (
    CATALOG,
    EVENINGS,
    JOURNAL,
    PERIOD,
    PLAN,
    PROFILE,
    REASON,
    RECURRENCE,
    REFLECTION,
    REVISION,
    STRATEGY,
    VALUES,
)

Document = dict[str, Any]


def document(value: object) -> Document:
    """A fresh document of a value, safe to change."""
    return to_dict(value)


def problems_of(kind: Any, data: object) -> dict[str, str]:
    """The problems reading ``data`` raises, by path."""
    with pytest.raises(ValidationError) as caught:
        from_dict(kind, data)
    return dict(caught.value.problems)


# The API


def test_to_dict_writes_the_envelope_then_the_fields() -> None:
    """A document starts with its schema version and type, then the fields in order."""
    doc = to_dict(PERIOD)
    assert {
        "schema_version": 4,
        "type": "period",
        "first": "2026-11-30",
        "last": "2027-02-21",
    } == doc
    assert ["schema_version", "type", "first", "last"] == list(doc)


def test_to_json_is_compact_ascii_text() -> None:
    """JSON text has no spaces between tokens and escapes everything outside ASCII."""
    text = to_json(JOURNAL)
    assert text.isascii()
    assert '"gratitude":"a long call with my sister \\u2014 thank you"' in text
    assert json.loads(text) == to_dict(JOURNAL)


@pytest.mark.parametrize("name", sorted(VALUES))
def test_every_value_round_trips_through_json(name: str) -> None:
    """Dumped, passed through json, and loaded back, every value is exactly the same."""
    value = VALUES[name]
    kind: Any = list[Reflection] if isinstance(value, list) else type(value)
    text = json.dumps(json.loads(to_json(value)))
    assert_exactly_equal(value, from_json(kind, text))
    assert_exactly_equal(value, from_dict(kind, json.loads(text)))


def test_from_json_reads_utf8_bytes() -> None:
    """Bytes are read as UTF-8."""
    assert JOURNAL == from_json(Journal, to_json(JOURNAL).encode())
    raw = json.dumps(to_dict(JOURNAL), ensure_ascii=False).encode("utf-8")
    assert JOURNAL == from_json(Journal, raw)


#: The modules of the model: every value type they export has a format. The other exported
#: classes are what computations take or give (workdays, reviews, recommendations,
#: insights); they are worked out again from the model rather than stored.
MODEL_MODULES = {
    "selfcare._model.boundaries",
    "selfcare._time.calendar",
    "selfcare._model.catalog",
    "selfcare._model.pauses",
    "selfcare._plans.plan",
    "selfcare._model.profiles",
    "selfcare._model.reasons",
    "selfcare._time.recurrence",
    "selfcare._model.reflections",
    "selfcare._plans.revisions",
    "selfcare._model.rituals",
    "selfcare._model.strategies",
    "selfcare._measures.instruments",
    "selfcare._measures.responses",
    "selfcare._measures.trend",
    "selfcare._insights.recommend.decisions",
    "selfcare._insights.recommend.features",
}


def test_every_exported_type_of_the_model_has_a_format() -> None:
    """Each attrs class the model modules export is serializable, and nothing else is."""
    import selfcare

    exported = [getattr(selfcare, name) for name in selfcare.__all__]
    model = {
        kind
        for kind in exported
        if isinstance(kind, type) and attrs.has(kind) and kind.__module__ in MODEL_MODULES
    }
    assert model == set(TYPE_NAMES)


def test_lists_of_values_are_list_documents() -> None:
    """A list of values of one type is written as a list document and read as a list."""
    doc = to_dict(EVENINGS)
    assert ("list", 2) == (doc["type"], len(doc["values"]))
    assert EVENINGS == from_dict(list[Reflection], doc)
    assert tuple(EVENINGS) == from_dict(tuple[Reflection, ...], doc)
    assert [] == from_json(list[Plan], to_json([]))
    assert {"schema_version": 4, "type": "list", "values": []} == to_dict(())


def test_a_list_document_is_read_as_the_element_type_given() -> None:
    """Reading a list of reflections as plans reports the first problem with its path."""
    found = problems_of(list[Plan], to_dict(EVENINGS))
    assert "$.values[0].id" in found
    assert "$.values[1].at" in found


@pytest.mark.parametrize(
    "value",
    [object(), 3, "plan", Role.CLIENT, [PERIOD, JOURNAL], [object()], {"a": PERIOD}],
    ids=["object", "int", "str", "enum", "mixed-list", "list-of-objects", "dict"],
)
def test_to_dict_rejects_what_has_no_format(value: object) -> None:
    """Only serializable values, or lists of one such type, can be written."""
    with pytest.raises(ValidationError) as caught:
        to_dict(value)
    assert "value" == caught.value.problems[0][0]


@pytest.mark.parametrize("kind", [int, dict, list, list[int], Role, "Plan", tuple[Plan, Plan]])
def test_reading_a_type_without_a_format_is_rejected(kind: Any) -> None:
    """Naming a type that has no format is refused, naming ``kind``, before the data is read."""
    with pytest.raises(ValidationError) as from_data:
        from_dict(kind, {})
    with pytest.raises(ValidationError) as from_text:
        from_json(kind, "{}")
    assert ["kind", "kind"] == [from_data.value.problems[0][0], from_text.value.problems[0][0]]


def test_from_json_reads_only_text() -> None:
    """Anything other than str or bytes is refused, naming ``text``."""
    with pytest.raises(ValidationError) as caught:
        from_json(Period, 5)  # type: ignore[arg-type]
    assert "text" == caught.value.problems[0][0]


def test_validation_error_is_a_value_error_with_every_problem() -> None:
    """Three problems in three places are all reported, each with its path."""
    doc = document(PLAN)
    doc["items"][0]["minutes"] = "15"
    doc["items"][1]["recurrence"]["frequency"] = "hourly"
    doc["contributors"][1]["role"] = None
    with pytest.raises(ValueError, match=r"\$\.items\[0\]\.minutes") as caught:
        from_dict(Plan, doc)
    assert isinstance(caught.value, ValidationError)
    assert {
        "$.items[0].minutes",
        "$.items[1].recurrence.frequency",
        "$.contributors[1].role",
    } == set(dict(caught.value.problems))


def test_the_error_carries_no_exception_chain() -> None:
    """The error is raised afresh: no cattrs or json exception hangs off it."""
    with pytest.raises(ValidationError) as caught:
        from_json(Plan, '{"schema_version": 1, "type": "plan", "id": 5}')
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None


# The format, field by field


def test_zoned_instants_carry_offset_and_zone() -> None:
    """A zoned instant is written with its UTC offset and IANA zone."""
    at = pendulum.datetime(2026, 3, 29, 7, tz="Europe/London")
    doc = to_dict(Revision(number=1, at=at, by="client-7", reason=""))
    assert "2026-03-29T07:00:00+01:00[Europe/London]" == doc["at"]
    assert "2026-10-25T01:30:00+00:00[Europe/London]" == to_dict(REVISION)["at"]
    assert "2026-04-05T01:45:30.250000+10:30[Australia/Lord_Howe]" == to_dict(REFLECTION)["at"]


def test_zoned_instants_keep_zone_and_fold() -> None:
    """The second of two ambiguous wall-clock times comes back as the second."""
    loaded = from_json(Revision, to_json(REVISION))
    assert (1, "Europe/London", REVISION.at.timestamp()) == (
        loaded.at.fold,
        loaded.at.timezone_name,
        loaded.at.timestamp(),
    )
    assert isinstance(loaded.at, pendulum.DateTime)


def test_offsets_with_seconds_are_written_in_full() -> None:
    """Until 1972 Liberia was 44 minutes 30 seconds behind UTC."""
    at = pendulum.datetime(1971, 6, 1, 12, tz="Africa/Monrovia")
    doc = to_dict(Revision(number=1, at=at, by="a", reason=""))
    assert "1971-06-01T12:00:00-00:44:30[Africa/Monrovia]" == doc["at"]
    assert at == from_dict(Revision, doc).at


def test_recurrences_write_weekday_names_times_and_dates() -> None:
    """Weekdays by lowercase name Monday first; times HH:MM with seconds only when set."""
    assert {
        "frequency": "weekly",
        "interval": 1,
        "weekdays": ["monday", "thursday"],
        "per_week": None,
        "times": ["07:30", "18:15:30"],
        "start": "2026-11-30",
        "until": None,
        "count": 24,
        "skipped": ["2026-12-24", "2026-12-28"],
        "monthday": None,
        "nth": None,
    } == {k: v for k, v in to_dict(RECURRENCE).items() if k not in ("schema_version", "type")}


def test_monthly_recurrences_write_the_day_of_the_month_or_the_nth_weekday() -> None:
    """A monthly rule writes its ``monthday`` (-1 the last day) or ``nth`` and one weekday."""
    by_date = to_dict(Recurrence.monthly(-1))
    assert ("monthly", [], -1, None) == tuple(
        by_date[k] for k in ("frequency", "weekdays", "monthday", "nth")
    )
    by_weekday = to_dict(Recurrence.monthly(weekday=Weekday.TUESDAY, nth=2, every_months=3))
    assert ("monthly", 3, ["tuesday"], None, 2) == tuple(
        by_weekday[k] for k in ("frequency", "interval", "weekdays", "monthday", "nth")
    )


def test_sets_are_sorted_lists_and_mappings_sorted_objects() -> None:
    """Enum sets are sorted by value, tags alphabetically, mappings by key."""
    doc = to_dict(STRATEGY)
    assert (["client", "therapist"], ["movement", "outdoors"]) == (doc["roles"], doc["tags"])
    assert ["prevents-burnout", "resilience"] == doc["benefits"]
    assert ["emotional", "physical"] == list(to_dict(REFLECTION)["self_ratings"])
    assert ["days_with", "difference", "measure"] == list(to_dict(REASON)["facts"])


def test_daily_minutes_are_an_object_by_weekday() -> None:
    """A profile's minutes per day are written by lowercase day name."""
    assert {
        "monday": 30,
        "tuesday": 30,
        "wednesday": 45,
        "thursday": 30,
        "friday": 20,
        "saturday": 90,
        "sunday": 60,
    } == to_dict(PROFILE)["daily_minutes"]


def test_numbers_keep_their_type() -> None:
    """An integer fact stays an integer and a float a float."""
    loaded = from_json(Reason, to_json(Reason(REASON.code, "x", {"a": 2, "b": 2.0, "c": -0.0})))
    assert [(int, 2), (float, 2.0), (float, -0.0)] == [(type(v), v) for v in loaded.facts.values()]


def test_a_catalog_writes_only_its_entries() -> None:
    """The catalog's look-up indexes are not part of its document."""
    assert ["schema_version", "type", "strategies", "rituals", "prompts"] == list(to_dict(CATALOG))
    assert CATALOG.strategy("short-walk") == from_json(Catalog, to_json(CATALOG)).strategy(
        "short-walk"
    )


def test_fields_with_defaults_may_be_left_out() -> None:
    """A hand-written document may leave out what has a default."""
    doc = {
        "schema_version": 1,
        "type": "plan_item",
        "strategy_id": "short-walk",
        "recurrence": {"frequency": "daily"},
        "minutes": 10,
    }
    assert PlanItem("short-walk", Recurrence.daily(), 10) == from_dict(PlanItem, doc)


def test_output_is_the_same_under_any_hash_seed() -> None:
    """to_json gives byte-identical text in processes with different PYTHONHASHSEED."""
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from tests.io.golden.values import VALUES\n"
        "from selfcare.serialize import to_json\n"
        "for name in sorted(VALUES):\n"
        "    print(to_json(VALUES[name]))\n"
        "    print(to_json(VALUES[name], redact=True))\n"
    )
    tests = str(ROOT)
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", script, tests], env=env, capture_output=True, check=True
        )
        outputs.add(run.stdout)
    assert 1 == len(outputs)
    assert 2 * len(VALUES) == len(outputs.pop().splitlines())


# Redaction


def test_redacting_masks_every_private_field() -> None:
    """Journal text and revision reasons are written empty; the document says so."""
    reflection = to_dict(REFLECTION, redact=True)
    assert reflection["redacted"] is True
    assert {"insight": None, "gratitude": None, "note": None} == reflection["journal"]
    plan = to_dict(PLAN, redact=True)
    assert "" == plan["revisions"][0]["reason"]
    assert "A few minutes to reset before the next client." == plan["rituals"][0]["description"]
    assert "redacted" not in to_dict(REFLECTION)


def test_a_redacted_document_loads() -> None:
    """Loading a redacted document gives empty private fields and keeps the rest."""
    loaded = from_json(Reflection, to_json(REFLECTION, redact=True))
    assert Journal() == loaded.journal
    assert attrs.evolve(REFLECTION, journal=Journal()) == loaded
    assert "" == from_json(Revision, to_json(REVISION, redact=True)).reason
    values = from_json(list[Reflection], to_json(EVENINGS, redact=True))
    assert [Journal(), Journal()] == [r.journal for r in values]


# Strict input: each bad document fails with the path of the problem


def edit(path: str, value: object) -> Callable[[Document], None]:
    """Set the value at a path like ``items.0.minutes``."""

    def change(doc: Document) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return change


def drop(path: str) -> Callable[[Document], None]:
    """Remove the key at a path."""

    def change(doc: Document) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        del node[last]

    return change


def nested(levels: int) -> Any:
    """Lists nested ``levels`` deep."""
    value: Any = []
    for _ in range(levels - 1):
        value = [value]
    return value


BASES: dict[str, tuple[Any, Any]] = {
    "plan": (Plan, PLAN),
    "reflection": (Reflection, REFLECTION),
    "strategy": (Strategy, STRATEGY),
    "profile": (Profile, PROFILE),
    "reason": (Reason, REASON),
    "recurrence": (Recurrence, RECURRENCE),
    "period": (Period, PERIOD),
}
BAD: list[tuple[str, str, Callable[[Document], None], str]] = [
    # wrong JSON types and values that would only pass by coercion
    ("string for int", "plan", edit("items.0.minutes", "15"), "$.items[0].minutes"),
    ("float for int", "plan", edit("items.0.minutes", 1.9), "$.items[0].minutes"),
    ("whole float for int", "plan", edit("items.0.minutes", 15.0), "$.items[0].minutes"),
    ("bool for int", "plan", edit("items.0.minutes", True), "$.items[0].minutes"),
    ("null for int", "plan", edit("items.0.minutes", None), "$.items[0].minutes"),
    ("out of range", "plan", edit("items.0.minutes", -1), "$.items[0].minutes"),
    ("out of range above", "plan", edit("items.0.minutes", 1441), "$.items[0].minutes"),
    ("string for bool", "reflection", edit("wants_support", "FALSE"), "$.wants_support"),
    ("int for bool", "reflection", edit("wants_support", 0), "$.wants_support"),
    ("null for string", "strategy", edit("name", None), "$.name"),
    ("int for string", "strategy", edit("description", 5), "$.description"),
    ("nan for rating", "reflection", edit("ratings.mood", "nan"), "$.ratings.mood"),
    ("float nan for rating", "reflection", edit("ratings.mood", float("nan")), "$.ratings.mood"),
    ("rating out of range", "reflection", edit("ratings.mood", 11), "$.ratings.mood"),
    ("infinite fact", "reason", edit("facts.difference", float("inf")), "$.facts[difference]"),
    ("bool fact", "reason", edit("facts.days_with", False), "$.facts[days_with]"),
    ("list fact", "reason", edit("facts.days_with", [1]), "$.facts[days_with]"),
    ("fact name", "reason", edit("facts.Days With", 1), "$.facts"),
    ("enum case", "strategy", edit("category", "PHYSICAL"), "$.category"),
    ("enum by int", "strategy", edit("effort", 1), "$.effort"),
    ("unknown enum", "recurrence", edit("frequency", "hourly"), "$.frequency"),
    ("weekday code", "recurrence", edit("weekdays", ["MO"]), "$.weekdays[0]"),
    ("repeated in a set", "strategy", edit("roles", ["client", "client"]), "$.roles"),
    ("object for a set", "strategy", edit("roles", {"client": True}), "$.roles"),
    ("string for a set", "strategy", edit("tags", "outdoors"), "$.tags"),
    ("string for a list", "plan", edit("items", "short-walk"), "$.items"),
    ("list for an object", "plan", edit("period", ["2026-11-30", "2027-02-21"]), "$.period"),
    ("category key", "reflection", edit("self_ratings.sleep", 3), "$.self_ratings"),
    ("self-rating", "reflection", edit("self_ratings.physical", 9), "$.self_ratings[physical]"),
    (
        "self-rating type",
        "reflection",
        edit("self_ratings.physical", "2"),
        "$.self_ratings[physical]",
    ),
    ("missing day", "profile", drop("daily_minutes.sunday"), "$.daily_minutes"),
    ("day minutes", "profile", edit("daily_minutes.sunday", 1441), "$.daily_minutes[sunday]"),
    ("unknown zone name", "profile", edit("timezone", "Mars/Olympus"), "$.timezone"),
    # dates and times
    ("date without dashes", "period", edit("first", "20261130"), "$.first"),
    ("short date", "period", edit("first", "2026-1-5"), "$.first"),
    ("week date", "period", edit("first", "2026-W49-1"), "$.first"),
    ("datetime for date", "period", edit("first", "2026-11-30T00:00:00"), "$.first"),
    ("impossible date", "period", edit("first", "2026-02-30"), "$.first"),
    ("reversed period", "period", edit("last", "2026-01-01"), "$.last"),
    ("short time", "recurrence", edit("times.0", "7:30"), "$.times[0]"),
    ("time with fraction", "recurrence", edit("times.0", "07:30:00.5"), "$.times[0]"),
    ("hour 24", "recurrence", edit("times.0", "24:00"), "$.times[0]"),
    ("time with zone", "recurrence", edit("times.0", "07:30Z"), "$.times[0]"),
    # zoned instants
    (
        "wrong offset",
        "plan",
        edit("revisions.0.at", "2026-10-25T01:30:00+02:00[Europe/London]"),
        "$.revisions[0].at",
    ),
    (
        "offset of the other zone",
        "reflection",
        edit("at", "2026-07-01T21:00:00+00:00[Europe/London]"),
        "$.at",
    ),
    ("time in a gap", "reflection", edit("at", "2026-03-29T01:30:00+00:00[Europe/London]"), "$.at"),
    ("no zone", "reflection", edit("at", "2026-03-29T07:00:00+01:00"), "$.at"),
    ("zulu", "reflection", edit("at", "2026-03-29T06:00:00Z[UTC]"), "$.at"),
    ("no offset", "reflection", edit("at", "2026-03-29T07:00:00[Europe/London]"), "$.at"),
    ("unknown zone", "reflection", edit("at", "2026-03-29T07:00:00+01:00[Mars/Base]"), "$.at"),
    ("fixed offset zone", "reflection", edit("at", "2026-03-29T07:00:00+01:00[+01:00]"), "$.at"),
    ("space for T", "reflection", edit("at", "2026-03-29 07:00:00+01:00[Europe/London]"), "$.at"),
    ("number for instant", "reflection", edit("at", 1774764000), "$.at"),
    # unknown and missing keys
    ("unknown key", "plan", edit("colour", "blue"), "$.colour"),
    (
        "nested unknown key",
        "plan",
        edit("items.0.recurrence.rrule", "FREQ=DAILY"),
        "$.items[0].recurrence.rrule",
    ),
    ("unknown key, odd name", "plan", edit("items.0.a b", 1), "$.items[0].?"),
    (
        "version in a nested value",
        "plan",
        edit("period.schema_version", 1),
        "$.period.schema_version",
    ),
    ("missing field", "plan", drop("id"), "$.id"),
    ("missing nested field", "plan", drop("items.1.minutes"), "$.items[1].minutes"),
    # the envelope
    ("missing version", "plan", drop("schema_version"), "$.schema_version"),
    ("version as text", "plan", edit("schema_version", "1"), "$.schema_version"),
    ("newer version", "plan", edit("schema_version", SCHEMA_VERSION + 1), "$.schema_version"),
    ("unknown old version", "plan", edit("schema_version", 0), "$.schema_version"),
    ("missing type", "plan", drop("type"), "$.type"),
    ("other type", "plan", edit("type", "reflection"), "$.type"),
    ("unknown type", "plan", edit("type", "Plan"), "$.type"),
    ("redacted as text", "plan", edit("redacted", "yes"), "$.redacted"),
    # limits
    (
        "deep nesting",
        "plan",
        edit("extra", nested(MAX_DEPTH + 5)),
        "$.extra" + "[0]" * (MAX_DEPTH - 1),
    ),
    ("huge list", "plan", edit("goals", ["trust"] * (MAX_ENTRIES + 1)), "$.goals"),
    ("domain rule", "plan", edit("items.1.strategy_id", "short-walk"), "$.items"),
]


@pytest.mark.parametrize(("base", "change", "path"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_document_fails_naming_the_path(
    base: str, change: Callable[[Document], None], path: str
) -> None:
    """Every bad document is a ValidationError naming where the problem is."""
    kind, value = BASES[base]
    doc = copy.deepcopy(document(value))
    change(doc)
    assert path in problems_of(kind, doc)


def test_the_documented_message_for_minutes() -> None:
    """The message says what was expected, and describes the value without quoting text."""
    doc = document(PLAN)
    doc["items"][0]["minutes"] = -1
    assert (
        "expected an integer from 0 to 1440, got -1" == problems_of(Plan, doc)["$.items[0].minutes"]
    )
    doc["items"][0]["minutes"] = "ten"
    assert (
        "expected an integer, got a string of 3 characters"
        == problems_of(Plan, doc)["$.items[0].minutes"]
    )


def test_too_many_values_in_all() -> None:
    """A document holding more than MAX_VALUES values is refused before it is read."""
    doc = document(PLAN)
    doc["extra"] = [[0] * (MAX_ENTRIES - 1) for _ in range(MAX_VALUES // MAX_ENTRIES + 1)]
    assert {"$": f"holds more than {MAX_VALUES:,} values in all"} == problems_of(Plan, doc)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not valid JSON: Expecting value at line 1 column 1"),
        ("not json", "not valid JSON: Expecting value at line 1 column 1"),
        (
            '{"schema_version": 1,',
            "not valid JSON: Expecting property name enclosed in double quotes at line 1 column 22",
        ),
        ('{"a": NaN}', "NaN and Infinity are not JSON numbers"),
        ('{"a": -Infinity}', "NaN and Infinity are not JSON numbers"),
        ('{"a": 1, "a": 2}', "an object repeats a key; give each key once"),
        ("[" * 100_000, "not readable JSON: nested too deeply"),
        ('{"a": ' + "9" * 5000 + "}", "not readable JSON: a number is too long"),
        (
            b"\xef\xbb\xbf{}",
            "not valid JSON: Expecting value at line 1 column 1",
        ),
        (b'{"a": "\xff"}', "not UTF-8 text: invalid byte at position 7"),
        ("[]", "expected an object (a selfcare document), got a list of 0 values"),
        ('"plan"', "expected an object (a selfcare document), got a string of 4 characters"),
    ],
    ids=[
        "empty",
        "garbage",
        "cut off",
        "nan",
        "infinity",
        "repeated key",
        "deep",
        "long number",
        "bom",
        "bad utf8",
        "list",
        "string",
    ],
)
def test_text_that_is_not_a_document(text: str | bytes, message: str) -> None:
    """Malformed JSON text is a ValidationError at the root, quoting none of the text."""
    with pytest.raises(ValidationError) as caught:
        from_json(Plan, text)
    assert (("$", message),) == caught.value.problems


def test_text_longer_than_the_limit() -> None:
    """Text past MAX_TEXT_LENGTH is refused before it is parsed."""
    with pytest.raises(ValidationError) as caught:
        from_json(Plan, " " * (MAX_TEXT_LENGTH + 1))
    assert (("$", "the text is longer than 64,000,000 characters"),) == caught.value.problems


def count_values(data: object) -> int:
    """List entries and object members, counted at every level, as the limit counts them."""
    if isinstance(data, dict):
        return len(data) + sum(count_values(v) for v in data.values())
    if isinstance(data, list):
        return len(data) + sum(count_values(v) for v in data)
    return 0


def test_limits_are_in_line_with_the_model() -> None:
    """As many strategies as a catalog may hold, like the built-in ones, fit the limits.

    A strategy writes 16 members and the entries of its sets, and is an entry of the
    catalog's list: 18 values at the least (one role; no benefits, tags or times of day),
    about 25 for the built-in ones, which write about 500 characters each.
    """
    from selfcare._model.catalog import MAX_ENTRIES as CATALOG_ENTRIES
    from selfcare._plans.plan import MAX_ITEMS

    assert (32, 100_000, 3_000_000, 64_000_000) == (
        MAX_DEPTH,
        MAX_ENTRIES,
        MAX_VALUES,
        MAX_TEXT_LENGTH,
    )
    assert MAX_ENTRIES >= max(CATALOG_ENTRIES, MAX_ITEMS)

    def body(strategy: Strategy) -> Document:
        return {k: v for k, v in to_dict(strategy).items() if k not in ("schema_version", "type")}

    assert 18 == count_values(body(Strategy("a", "A", Category.MENTAL, {Role.CLIENT}, 1))) + 1
    golden = [value for value in VALUES.values() if isinstance(value, Strategy)]
    bodies = [body(strategy) for strategy in [*default_catalog().strategies, *golden]]
    values = statistics.mean(count_values(b) + 1 for b in bodies)
    characters = statistics.mean(len(ENCODER.encode(b)) + 1 for b in bodies)
    assert CATALOG_ENTRIES * values + count_values(to_dict(Catalog())) < MAX_VALUES
    assert CATALOG_ENTRIES * characters + len(to_json(Catalog())) < MAX_TEXT_LENGTH


# Versions and migrations


def v0_reflection() -> Document:
    """A made-up version 0 reflection, whose ratings sat beside its other fields."""
    doc = document(REFLECTION)
    ratings = doc.pop("ratings")
    doc.update(schema_version=0, **ratings)
    return doc


def lift_ratings(doc: Document) -> Document:
    """The made-up migration from version 0: group mood, energy and stress."""
    doc["ratings"] = {key: doc.pop(key) for key in ("mood", "energy", "stress")}
    return doc


def test_this_library_writes_version_4_and_upgrades_every_earlier_version() -> None:
    """Version 4 is current; versions 1, 2 and 3 each have a migration to the next."""
    assert (4, [1, 2, 3]) == (SCHEMA_VERSION, sorted(MIGRATIONS))


def test_version_2_adds_the_plans_shortfall() -> None:
    """Version 1 documents are upgraded to version 2: a plan gains ``shortfall: null``."""
    old = json.loads((ROOT / "tests/io/golden/v1/plan.json").read_text(encoding="utf-8"))
    assert "shortfall" not in old
    assert_exactly_equal(PLAN, from_dict(Plan, old))
    fields = {k: v for k, v in old.items() if k not in ("schema_version", "type")}
    listed = {"schema_version": 1, "type": "list", "values": [fields]}
    before = copy.deepcopy(listed)
    assert_exactly_equal([PLAN], from_dict(list[Plan], listed))
    assert before == listed


def test_documents_of_an_earlier_version_are_upgraded_in_order() -> None:
    """A registry of migrations takes a document from its version to the current one."""
    assert_exactly_equal(
        REFLECTION, _from_dict(Reflection, v0_reflection(), {0: lift_ratings, **MIGRATIONS})
    )


def test_a_version_without_a_migration_cannot_be_read() -> None:
    """Without a migration from its version a document is refused, naming the version."""
    assert {"$.schema_version": "documents of version 0 cannot be read"} == problems_of(
        Reflection, v0_reflection()
    )


def test_a_failing_migration_is_a_validation_error() -> None:
    """A migration that fails on a malformed document is reported, not raised through."""
    doc = v0_reflection()
    del doc["mood"]
    with pytest.raises(ValidationError) as caught:
        _from_dict(Reflection, doc, {0: lift_ratings, **MIGRATIONS})
    assert (("$", "this version 0 document cannot be upgraded"),) == caught.value.problems


def test_migrations_do_not_change_the_document_given() -> None:
    """The caller's document is left as it was."""
    doc = v0_reflection()
    before = copy.deepcopy(doc)
    _from_dict(Reflection, doc, {0: lift_ratings, **MIGRATIONS})
    assert before == doc


# Embedding in an app's own classes


@attrs.frozen
class Export:
    """An app's own document holding selfcare values."""

    profile: Profile
    history: list[Reflection]
    note: str


def test_configure_converter_registers_our_types_only() -> None:
    """An app's converter reads and writes our values inside its own classes."""
    converter = cattrs.Converter()
    configure_converter(converter)
    export = Export(PROFILE, EVENINGS, "exported")
    data = converter.unstructure(export)
    assert "schema_version" not in data["profile"]
    assert "monday" in data["profile"]["daily_minutes"]
    assert export == converter.structure(json.loads(json.dumps(data)), Export)
    assert 5 == converter.structure("5", int)  # the app keeps its own hooks for the rest


def test_configure_converter_raises_our_error_with_relative_paths() -> None:
    """A bad nested value raises ValidationError, its paths relative to our value."""
    converter = make_converter()
    data = converter.unstructure(Export(PROFILE, EVENINGS, "exported"))
    data["history"][1]["ratings"]["mood"] = "5"
    with pytest.raises(cattrs.ClassValidationError) as caught:
        converter.structure(data, Export)
    errors = [e for group in caught.value.exceptions for e in getattr(group, "exceptions", [group])]
    found = [e for e in errors if isinstance(e, ValidationError)]
    assert [(("$.ratings.mood", "expected an integer or null, got a string of 1 characters"),)] == [
        e.problems for e in found
    ]


def test_make_converter_can_redact() -> None:
    """A redacting converter writes private text as empty."""
    assert {"insight": None, "gratitude": None, "note": None} == make_converter(
        redact=True
    ).unstructure(JOURNAL)
    assert {"mood": 6, "energy": None, "stress": None} == make_converter().unstructure(Ratings(6))


def test_make_converter_gives_a_new_converter_each_time() -> None:
    """There is no shared, mutable converter."""
    assert make_converter() is not make_converter()


def test_reading_twice_gives_equal_values() -> None:
    """Reading is a pure function of the document."""
    doc = document(PLAN)
    assert from_dict(Plan, doc) == from_dict(Plan, doc)
    assert document(PLAN) == doc


def test_a_date_is_a_stdlib_date_and_times_are_stdlib_times() -> None:
    """Loaded dates and times are the stdlib types the domain stores."""
    loaded = from_json(Recurrence, to_json(RECURRENCE))
    assert type(loaded.start) is dt.date
    assert {dt.time} == {type(t) for t in loaded.times}


# Reading JSON text: the fast reader counts keys to find repeated ones.

_KEYS = st.sampled_from(["a", "b", ":", "a:", 'q"', "q\\", ""])
_STRINGS = st.sampled_from(["x", ":x", "x:", '":', 'say "hi":', "\\", "\\:", " :", "é", "a : b"])
_SPACE = st.sampled_from(["", "", "", " ", "\n", "\t ", "\r\n"])  # mostly compact


@st.composite
def _json_texts(draw: st.DrawFn, depth: int = 0) -> str:
    """JSON text whose objects may repeat keys, with strings that look like keys."""
    space = draw(_SPACE)
    if depth >= 3 or draw(st.integers(0, 3)) == 0:
        return draw(st.one_of(st.integers(-3, 3).map(str), _STRINGS.map(json.dumps)))
    if draw(st.booleans()):
        items = draw(st.lists(_json_texts(depth + 1), max_size=3))
        return "[" + space + ("," + space).join(items) + "]"
    pairs = draw(st.lists(st.tuples(_KEYS, _json_texts(depth + 1)), max_size=4))
    return "{" + ",".join(f"{json.dumps(k)}{space}:{draw(_SPACE)}{v}" for k, v in pairs) + "}"


@given(_json_texts())
def test_the_fast_reader_finds_every_repeated_key(text: str) -> None:
    """read() gives what the exact reader gives: the value, or the same problem."""
    exact = parse(text)
    fast = read(text)
    if isinstance(exact, str):
        assert exact == fast
    else:
        assert (exact[0], []) == fast


@pytest.mark.parametrize(
    "text",
    [
        '{"a":1,"a":2}',
        '{"a" :1,"a":2,"s":" "}',
        '{"a":"x\\":","a":1}',
        '{"a":":","a":1}',
        '{"a":"\\u003a","a":1}',
        '[{"a":1},{"b":{"c":1,"c":1}}]',
    ],
)
def test_repeated_keys_are_found_wherever_they_hide(text: str) -> None:
    """A repeated key is found next to strings that hold quotes and colons."""
    assert "an object repeats a key; give each key once" == read(text)
