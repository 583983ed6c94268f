"""Plans, their history and check-ins out to FHIR and back, checked against an independent Timing.

Every bundle ``to_fhir`` writes comes back equal through ``from_fhir`` (and
``reflections_from_fhir``), for R4 and R5; each activity's ``Timing``, expanded by the
test-only reader in ``fhir_timing`` (no ``selfcare`` inside), gives exactly the occurrences
:meth:`PlanItem.occurrences` gives. The models of ``fhir.resources`` and ``fhirclient``
check the same bundles in ``test_fhir_models``; hostile bundles are ``test_fhir_read``'s.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from selfcare import (
    Benefit,
    Category,
    Contributor,
    InfeasiblePlanError,
    Journal,
    Period,
    Plan,
    PlanItem,
    Practice,
    Profile,
    Ratings,
    Recurrence,
    Reflection,
    Role,
    Unit,
    default_catalog,
    generate_plan,
)
from selfcare.fhir import from_fhir, reflections_from_fhir, terminology, to_fhir
from selfcare.testing import ZONES, plans, profiles, recurrences, reflections
from tests.io.fhir_timing import expand
from tests.io.plan_catalogs import catalog_for

CATALOG = default_catalog()
IDS = sorted(s.id for s in CATALOG.strategies)
VERSIONS = ("R4", "R5")
SUBJECT = "Patient/123"
CANARY = "CANARY-5d1e"
CODE_SYSTEMS = "https://w3id.org/selfcare/fhir/CodeSystem/"


def without_reasons(plan: Plan) -> Plan:
    """The plan as a bundle written without private text gives it back."""
    return attrs.evolve(plan, revisions=[attrs.evolve(r, reason="") for r in plan.revisions])


def blank(text: str) -> str:
    """A text as FHIR keeps it: one of whitespace alone, which its strings cannot hold, is ""."""
    return text if text.strip() else ""


def as_fhir_keeps(plan: Plan) -> Plan:
    """The plan with its texts of whitespace alone emptied, and an empty shortfall none."""

    def reasons(item: PlanItem) -> PlanItem:
        kept = [
            attrs.evolve(
                r, facts={k: blank(v) if isinstance(v, str) else v for k, v in r.facts.items()}
            )
            for r in item.reasons
        ]
        return attrs.evolve(item, reasons=kept)

    def content(value: Any) -> dict[str, Any]:
        return {
            "items": [reasons(i) for i in value.items],
            "rituals": [attrs.evolve(r, description=blank(r.description)) for r in value.rituals],
            "boundaries": [
                attrs.evolve(b, description=blank(b.description)) for b in value.boundaries
            ],
        }

    return attrs.evolve(
        plan,
        shortfall=plan.shortfall if plan.shortfall and plan.shortfall.strip() else None,
        revisions=[attrs.evolve(r, reason=blank(r.reason), **content(r)) for r in plan.revisions],
        **content(plan),
    )


def as_fhir_keeps_reflection(reflection: Reflection) -> Reflection:
    """The reflection without its private text: the journal and practice notes, never written."""
    practised = [attrs.evolve(p, note=None) for p in reflection.practised]
    return attrs.evolve(reflection, journal=Journal(), practised=practised)


def resources(bundle: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every resource in a bundle, those contained in others too."""
    for entry in bundle["entry"]:
        yield entry["resource"]
        yield from entry["resource"].get("contained", [])


@given(plans(), st.sampled_from(VERSIONS))
def test_any_plan_comes_back_equal(plan: Plan, version: Any) -> None:
    """Items, rituals, boundaries, contributors, goals and every revision's snapshot."""
    catalog = catalog_for(plan)
    private = to_fhir(plan, version=version, subject=SUBJECT, catalog=catalog, private=True)
    assert as_fhir_keeps(plan) == from_fhir(private, catalog=catalog)
    public = to_fhir(plan, version=version, subject=SUBJECT, catalog=catalog)
    assert without_reasons(as_fhir_keeps(plan)) == from_fhir(public, catalog=catalog)


@given(plans(), st.sampled_from(VERSIONS))
def test_a_bundle_survives_json(plan: Plan, version: Any) -> None:
    """What is written is JSON: dumped and loaded, it reads back the same."""
    catalog = catalog_for(plan)
    bundle = to_fhir(plan, version=version, subject=SUBJECT, catalog=catalog, private=True)
    assert as_fhir_keeps(plan) == from_fhir(json.loads(json.dumps(bundle)), catalog=catalog)


@st.composite
def lived_plans(draw: st.DrawFn) -> Plan:
    """Generated plans, agreed and revised (a pause, a skipped day, a dropped item)."""
    profile = draw(profiles())
    start = draw(st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 1)))
    try:
        plan = generate_plan(profile, start=start, weeks=4)
    except InfeasiblePlanError:
        assume(False)
        raise
    zone = plan.timezone
    therapist = Contributor("therapist-1", Role.THERAPIST)
    client = Contributor("client-7", Role.CLIENT)
    day = pendulum.datetime(start.year, start.month, start.day, 8, tz=zone)
    plan = plan.activate(by=therapist, at=day.subtract(days=1), reason=f"{CANARY} agreed")
    if plan.items:
        item = plan.items[0]
        paused = attrs.evolve(
            item,
            pauses=[Period(start + dt.timedelta(days=3), start + dt.timedelta(days=5))],
            recurrence=item.recurrence.with_skipped(start + dt.timedelta(days=9)),
        )
        plan = plan.revise(
            by=client, at=day.add(days=6), reason=f"{CANARY} a busy week", replace=[paused]
        )
    if len(plan.items) > 2:
        plan = plan.revise(
            by=client,
            at=day.add(days=13),
            reason=CANARY,
            remove=[plan.items[-1].strategy_id],
            goals={Benefit.RESILIENCE},
        )
    return plan


@given(lived_plans(), st.sampled_from(VERSIONS))
def test_generated_plans_with_history_come_back_and_keep_private_text_out(
    plan: Plan, version: Any
) -> None:
    """Revision reasons and journals are in no resource unless private text is asked for."""
    check_in = Reflection(
        at=pendulum.datetime(2026, 1, 5, 21, tz=plan.timezone),
        author=plan.role,
        ratings=Ratings(mood=6),
        journal=Journal(insight=CANARY, gratitude=CANARY, note=CANARY),
    )
    bundle = to_fhir(plan, version=version, subject=SUBJECT, reflections=[check_in])
    assert CANARY not in json.dumps(bundle)
    assert without_reasons(plan) == from_fhir(bundle)
    assert (as_fhir_keeps_reflection(check_in),) == reflections_from_fhir(bundle)
    private = json.dumps(to_fhir(plan, version=version, subject=SUBJECT, private=True))
    assert (CANARY in private) == bool(plan.revisions)
    assert f"{CANARY} agreed" in private
    assert CANARY not in json.dumps(to_fhir([check_in], version=version, subject=SUBJECT))


@st.composite
def plans_in_zones(draw: st.DrawFn) -> Plan:
    """Plans of built-in strategies with any recurrence, pauses included, in unusual zones."""
    first = draw(st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 1)))
    period = Period(first, first + dt.timedelta(days=draw(st.integers(0, 120))))
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=4, unique=True))
    items = []
    for strategy_id in ids:
        rule = draw(recurrences())
        assume(rule.count is None or rule.count <= 500)
        pause = st.builds(
            lambda a, n: Period(a, a + dt.timedelta(days=n)),
            st.dates(period.first, period.last),
            st.integers(0, 10),
        )
        pauses = draw(st.lists(pause, max_size=2))
        items.append(PlanItem(strategy_id, rule, draw(st.integers(0, 90)), pauses=pauses))
    return Plan(
        id="plan-1",
        role=Role.CLIENT,
        timezone=draw(st.sampled_from(ZONES)),
        period=period,
        items=items,
    )


def activity_timings(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    """The Timing of each activity of the bundle's CarePlan, in order, R4 or R5."""
    careplan = bundle["entry"][0]["resource"]
    by_url = {e["fullUrl"]: e["resource"] for e in bundle["entry"]}
    timings = []
    for activity in careplan.get("activity", []):
        if "detail" in activity:
            timings.append(activity["detail"]["scheduledTiming"])
        else:
            request = by_url[activity["plannedActivityReference"]["reference"]]
            timings.append(request["occurrenceTiming"])
    return timings


def assert_timings_give_the_occurrences(plan: Plan, bundle: dict[str, Any]) -> None:
    """Items, and rituals at a time of day, occur where their Timing says."""
    first, last = plan.period.first, plan.period.last
    items = list(plan.items)
    for ritual in plan.rituals:  # activities list the rituals after the items
        at = ritual.anchor.time
        rule = ritual.recurrence if at is None else attrs.evolve(ritual.recurrence, times=(at,))
        items.append(PlanItem(ritual.id, rule, ritual.minutes))
    timings = activity_timings(bundle)
    assert len(items) == len(timings)
    for item, timing in zip(items, timings, strict=True):
        if not item.recurrence.times and item.strategy_id in {r.id for r in plan.rituals}:
            continue  # placed by the working day, not by a time of its own
        if item.recurrence.per_week is not None:  # the person chooses the days
            times = max(1, len(item.recurrence.times))
            assert (item.recurrence.per_week * times, "wk") == (
                timing["repeat"]["frequency"],
                timing["repeat"]["periodUnit"],
            )
            continue
        expected = item.occurrences(
            first, last + dt.timedelta(days=1), tz=plan.timezone, origin=first, limit=100_000
        )
        actual = expand(timing, first=first, last=last)
        assert [o.isoformat() for o in expected] == [o.isoformat() for o in actual]


@given(plans_in_zones(), st.sampled_from(VERSIONS))
def test_each_activitys_timing_gives_the_items_occurrences(plan: Plan, version: Any) -> None:
    """Any recurrence, skipped days, counts and pauses, in zones with odd clock changes."""
    bundle = to_fhir(plan, version=version, subject=SUBJECT)
    assert_timings_give_the_occurrences(plan, bundle)
    assert plan == from_fhir(bundle)


@given(lived_plans(), st.sampled_from(VERSIONS))
def test_generated_plans_timings_give_their_occurrences(plan: Plan, version: Any) -> None:
    """Generated, agreed and revised plans, across either change of the clocks."""
    assert_timings_give_the_occurrences(plan, to_fhir(plan, version=version, subject=SUBJECT))


@given(reflections(), st.sampled_from(VERSIONS))
def test_reflections_come_back_without_their_journal(reflection: Reflection, version: Any) -> None:
    """Several practices a day, amounts and minutes come back in order; notes never leave."""
    bundle = to_fhir(reflection, version=version, subject=SUBJECT)
    assert (as_fhir_keeps_reflection(reflection),) == reflections_from_fhir(bundle)
    # The bundle is the same with every private text removed: none of it leaves.
    private_text_removed = attrs.evolve(
        reflection,
        journal=Journal(),
        practised=[attrs.evolve(p, note=None) for p in reflection.practised],
    )
    assert to_fhir(private_text_removed, version=version, subject=SUBJECT) == bundle


@pytest.mark.parametrize("version", VERSIONS)
def test_practices_keep_their_order_amounts_and_units_but_never_their_notes(version: Any) -> None:
    """Morning and evening breathing are two components; an amount is a Quantity in its unit."""
    catalog = attrs.evolve(
        CATALOG,
        strategies=[
            attrs.evolve(s, unit=Unit.GLASSES, target=8) if "short-walk" == s.id else s
            for s in CATALOG.strategies
        ],
    )
    check_in = Reflection(
        at=pendulum.datetime(2026, 1, 5, 21, tz="Europe/London"),
        author=Role.CLIENT,
        practised=[
            Practice.done("mindful-breathing", 5, note=CANARY),
            Practice.done("short-walk", amount=6),
            Practice.done("mindful-breathing", 10, amount=3, note=CANARY),
            Practice.skipped("clinical-journaling", note=CANARY),
        ],
    )
    bundle = to_fhir(check_in, version=version, subject=SUBJECT, catalog=catalog)
    assert CANARY not in json.dumps(bundle)
    (observation,) = [e["resource"] for e in bundle["entry"]]
    components = observation["component"]
    assert ["mindful-breathing", "short-walk", "mindful-breathing", "clinical-journaling"] == [
        c["code"]["coding"][0]["code"] for c in components
    ]
    amount = "https://w3id.org/selfcare/fhir/StructureDefinition/amount"
    assert [
        {
            "url": amount,
            "valueQuantity": {
                "value": 6,
                "unit": "glasses",
                "system": "http://unitsofmeasure.org",
                "code": "{glasses}",
            },
        }
    ] == components[1]["extension"]
    assert {"value": 10, "unit": "min", "system": "http://unitsofmeasure.org", "code": "min"} == (
        components[2]["valueQuantity"]
    )
    unitless = {"value": 3, "system": "http://unitsofmeasure.org", "code": "1"}
    assert [{"url": amount, "valueQuantity": unitless}] == components[2]["extension"]
    back = reflections_from_fhir(bundle)
    assert (as_fhir_keeps_reflection(check_in),) == back
    assert [None] * 4 == [p.note for p in back[0].practised]


@given(lived_plans(), st.sampled_from(VERSIONS))
def test_every_code_resolves_in_the_terminology(plan: Plan, version: Any) -> None:
    """Each coding in the library's code systems is a concept of ``terminology()``."""
    concepts: set[tuple[str, str]] = set()
    for entry in terminology(version=version)["entry"]:
        system = entry["resource"]
        stack = list(system.get("concept", []))
        while stack:
            concept = stack.pop()
            concepts.add((system["url"], concept["code"]))
            stack += concept.get("concept", [])
    check_in = Reflection(
        at=pendulum.datetime(2026, 1, 5, 21, tz=plan.timezone),
        author=plan.role,
        ratings=Ratings(mood=6, energy=2, stress=9),
        self_ratings={Category.PHYSICAL: 2},
        practised=[Practice.done("short-walk", 10), Practice.skipped("mindful-breathing")],
        wants_support=True,
    )
    bundle = to_fhir(plan, version=version, subject=SUBJECT, reflections=[check_in])
    used = set()
    values: list[Any] = list(resources(bundle))
    while values:
        value = values.pop()
        if isinstance(value, dict):
            if str(value.get("system", "")).startswith(CODE_SYSTEMS):
                used.add((value["system"], value["code"]))
            values += value.values()
        elif isinstance(value, list):
            values += value
    assert used
    assert set() == used - concepts


def test_the_same_plan_gives_the_same_ids_and_another_subject_others() -> None:
    plan = generate_plan(
        Profile(role=Role.CLIENT, timezone="Europe/London", daily_minutes=30),
        start=dt.date(2026, 11, 30),
    )
    first = to_fhir(plan, version="R5", subject=SUBJECT)
    assert first == to_fhir(plan, version="R5", subject=SUBJECT)
    other = to_fhir(plan, version="R5", subject="Patient/456")
    ids = {e["fullUrl"] for e in first["entry"]}
    assert set() == ids & {e["fullUrl"] for e in other["entry"]}
    assert len(first["entry"]) == len(ids)


def test_status_intent_and_the_responsible_party_by_version() -> None:
    """A draft is a proposal; agreed, a plan. R4 names an author, R5 a custodian."""
    plan = generate_plan(
        Profile(role=Role.THERAPIST, timezone="America/New_York", daily_minutes=40),
        start=dt.date(2026, 11, 30),
    )
    draft = to_fhir(plan, version="R4", subject=SUBJECT)["entry"][0]["resource"]
    assert ("draft", "proposal") == (draft["status"], draft["intent"])
    assert {"not-started"} == {a["detail"]["status"] for a in draft["activity"]}
    agreed = plan.activate(
        by=Contributor("client-7", Role.CLIENT), at=pendulum.datetime(2026, 11, 29, tz="UTC")
    ).revise(
        by=Contributor("therapist-1", Role.THERAPIST),
        at=pendulum.datetime(2026, 11, 29, 1, tz="UTC"),
        reason="both of us",
        remove=[plan.items[0].strategy_id],
    )
    r4 = to_fhir(agreed, version="R4", subject=SUBJECT)
    careplan = r4["entry"][0]["resource"]
    assert ("active", "plan") == (careplan["status"], careplan["intent"])
    therapist = {"system": "https://w3id.org/selfcare/fhir/contributor", "value": "therapist-1"}
    assert {"type": "Practitioner", "identifier": therapist} == careplan["author"]
    r5 = to_fhir(agreed, version="R5", subject=SUBJECT)
    careplan = r5["entry"][0]["resource"]
    assert "author" not in careplan
    assert "therapist-1" == careplan["custodian"]["identifier"]["value"]
    assert all(set(a) == {"plannedActivityReference"} for a in careplan["activity"])
    kinds = [e["resource"]["resourceType"] for e in r5["entry"]]
    assert len(careplan["activity"]) == kinds.count("ServiceRequest")
    provenances = [
        e["resource"] for e in r5["entry"] if e["resource"]["resourceType"] == "Provenance"
    ]
    assert [1, 2] == [p["extension"][0]["valuePositiveInt"] for p in provenances]
    before = provenances[1]["contained"][0]
    snapshot = agreed.revisions[1]
    assert len(snapshot.items) + len(snapshot.rituals) == len(before["activity"])
    references = {a["plannedActivityReference"]["reference"] for a in before["activity"]}
    assert references == {f"#{r['id']}" for r in provenances[1]["contained"][1:]}


@pytest.mark.parametrize("version", VERSIONS)
def test_the_zone_rides_on_every_timing_and_instant(version: str) -> None:
    url = {
        "R4": "http://hl7.org/fhir/StructureDefinition/tz-code",
        "R5": "http://hl7.org/fhir/StructureDefinition/timezone",
    }[version]
    plan = generate_plan(
        Profile(role=Role.CLIENT, timezone="Asia/Kolkata", daily_minutes=30),
        start=dt.date(2026, 11, 30),
    ).activate(
        by=Contributor("client-7", Role.CLIENT),
        at=pendulum.datetime(2026, 11, 29, 18, 30, tz="Asia/Kolkata"),
    )
    bundle = to_fhir(plan, version=version, subject=SUBJECT)  # type: ignore[arg-type]
    zone = {"url": url, "valueCode": "Asia/Kolkata"}
    assert all(zone in t["extension"] for t in activity_timings(bundle))
    provenance = bundle["entry"][-1]["resource"]
    assert ("2026-11-29T18:30:00+05:30", [zone]) == (
        provenance["recorded"],
        provenance["_recorded"]["extension"],
    )


def test_a_monthly_rule_and_a_weekly_one_as_timing() -> None:
    plan = attrs.evolve(
        generate_plan(
            Profile(role=Role.CLIENT, timezone="Europe/London", daily_minutes=30),
            start=dt.date(2026, 11, 30),
        ),
        items=[
            PlanItem("short-walk", Recurrence.monthly(-1, at=dt.time(18)), 30),
        ],
    )
    repeat = activity_timings(to_fhir(plan, version="R4", subject=SUBJECT))[0]["repeat"]
    day_of_month = "https://w3id.org/selfcare/fhir/StructureDefinition/day-of-month"
    assert {
        "duration": 30,
        "durationUnit": "min",
        "frequency": 1,
        "period": 1,
        "periodUnit": "mo",
        "timeOfDay": ["18:00:00"],
        "extension": [{"url": day_of_month, "valueInteger": -1}],
    } == repeat


@pytest.mark.parametrize("version", VERSIONS)
def test_a_revision_naming_a_strategy_since_left_out_of_the_catalog_comes_back(
    version: str,
) -> None:
    """History keeps what a plan held: a snapshot's ids need not be in today's catalog."""
    plan = generate_plan(
        Profile(role=Role.CLIENT, timezone="Europe/London", daily_minutes=30),
        start=dt.date(2026, 11, 30),
    )
    gone = plan.items[0].strategy_id
    plan = plan.revise(
        by=Contributor("client-7", Role.CLIENT),
        at=pendulum.datetime(2026, 11, 29, tz="Europe/London"),
        reason="not for me",
        remove=[gone],
    )
    catalog = CATALOG.without(gone)
    bundle = to_fhir(plan, version=version, subject=SUBJECT, catalog=catalog)  # type: ignore[arg-type]
    assert without_reasons(plan) == from_fhir(bundle, catalog=catalog)
    assert gone not in {item.strategy_id for item in from_fhir(bundle, catalog=catalog).items}
