"""Reading FHIR bundles the way another system writes them, and the way an attacker would.

A ``CarePlan`` from another system is hand-written here, minimal, with no selfcare extension:
activities coded in the library's strategy code system with a plain ``Timing``. What cannot
be read must come back as one ``ValidationError`` listing every problem by its FHIR path, and
no message may quote the text of a resource (a canary string planted in every field must
never come back). Anything at all handed to the readers gives a plan, reflections or a
``ValidationError``, never another exception.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import copy
import datetime as dt
import json
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pendulum
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from selfcare import (
    Benefit,
    Boundary,
    BoundaryKind,
    Catalog,
    Category,
    Contributor,
    Effort,
    Pause,
    PauseKind,
    Period,
    Plan,
    PlanItem,
    PlanStatus,
    Practice,
    PracticeStatus,
    Ratings,
    Reason,
    ReasonCode,
    Recurrence,
    Reflection,
    Role,
    Strategy,
    Weekday,
    default_catalog,
)
from selfcare.errors import UnknownIdError, ValidationError
from selfcare.fhir import Version, from_fhir, reflections_from_fhir, to_fhir
from selfcare.serialize import MAX_DEPTH, MAX_ENTRIES, MAX_VALUES

CATALOG = default_catalog()
CANON = "https://w3id.org/selfcare/fhir"
STRATEGY = f"{CANON}/CodeSystem/strategy"
ROLE = f"{CANON}/CodeSystem/role"
REASON = f"{CANON}/CodeSystem/reason"
SNOMED = "http://snomed.info/sct"
TZ_CODE = "http://hl7.org/fhir/StructureDefinition/tz-code"
TIMEZONE = "http://hl7.org/fhir/StructureDefinition/timezone"
ZONE = "Europe/London"
CANARY = "CANARY-7f3a secret note"
THERAPIST = Contributor("therapist-1", Role.THERAPIST)
CLIENT = Contributor("client-7", Role.CLIENT)
R4_TIMING = "CarePlan.activity[{n}].detail.scheduledTiming"
R5_TIMING = "CarePlan.activity[{n}].plannedActivityReference(ServiceRequest).occurrenceTiming"


# --- foreign resources, hand-written -------------------------------------------------------


def repeat(**changes: Any) -> dict[str, Any]:
    """A ``Timing.repeat`` for every day at 07:30, ten minutes; a change to None removes a key."""
    found: dict[str, Any] = {
        "frequency": 1,
        "period": 1,
        "periodUnit": "d",
        "timeOfDay": ["07:30:00"],
        "duration": 10,
        "durationUnit": "min",
    }
    found.update(changes)
    return {k: v for k, v in found.items() if v is not None}


def coded(code: str, system: str = STRATEGY) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code}]}


def activity(code: str = "short-walk", system: str = STRATEGY, **changes: Any) -> dict[str, Any]:
    """An R4 ``activity`` as another system writes it: a code and a plain ``Timing``."""
    return {
        "detail": {
            "status": "scheduled",
            "code": coded(code, system),
            "scheduledTiming": {"repeat": repeat(**changes)},
        }
    }


def careplan(**fields: Any) -> dict[str, Any]:
    """A minimal R4 ``CarePlan`` from another system; a field set to None is left out."""
    found: dict[str, Any] = {
        "resourceType": "CarePlan",
        "id": "cp-1",
        "status": "active",
        "intent": "plan",
        "subject": {"reference": "Patient/p-1"},
        "period": {"start": "2026-01-05", "end": "2026-02-01"},
        "contributor": [{"reference": "Practitioner/abc-1"}],
        "activity": [activity()],
    }
    found.update(fields)
    return {k: v for k, v in found.items() if v is not None}


def service_request(id: str, code: str = "short-walk", **changes: Any) -> dict[str, Any]:
    """An R5 ``ServiceRequest`` as another system writes it."""
    return {
        "resourceType": "ServiceRequest",
        "id": id,
        "status": "active",
        "intent": "plan",
        "subject": {"reference": "Patient/p-1"},
        "code": {"concept": coded(code)},
        "occurrenceTiming": {"repeat": repeat(**changes)},
    }


def r5_careplan(*requests: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A bundle of an R5 ``CarePlan`` whose activities refer to the requests by ``Type/id``."""
    activities = [
        {"plannedActivityReference": {"reference": f"ServiceRequest/{r['id']}"}} for r in requests
    ]
    return bundle(careplan(activity=activities, **fields), *requests)


def bundle(*resources: dict[str, Any]) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": r} for r in resources],
    }


def read(data: Any, **options: Any) -> Plan:
    """The plan of a foreign bundle, for a client in London unless the bundle says."""
    options.setdefault("timezone", ZONE)
    options.setdefault("role", Role.CLIENT)
    return from_fhir(data, **options)


def refused(read: Callable[[], object]) -> ValidationError:
    """The error reading gives; it must quote nothing a hostile bundle could hold."""
    with pytest.raises(ValidationError) as caught:
        read()
    assert_no_echo(caught.value)
    return caught.value


def paths(error: ValidationError) -> list[str]:
    return [path for path, _ in error.problems]


def assert_no_echo(error: ValidationError, canary: str = CANARY) -> None:
    assert canary not in str(error)
    for path, message in error.problems:
        assert canary not in path
        assert canary not in message


def daily_plan(*items: PlanItem, **fields: Any) -> Plan:
    """The plan the foreign ``careplan()`` stands for."""
    found: dict[str, Any] = {
        "id": "cp-1",
        "role": Role.CLIENT,
        "timezone": ZONE,
        "period": Period(dt.date(2026, 1, 5), dt.date(2026, 2, 1)),
        "status": PlanStatus.ACTIVE,
        "items": items or [PlanItem("short-walk", Recurrence.daily(dt.time(7, 30)), 10)],
        "contributors": [Contributor("abc-1", Role.THERAPIST)],
    }
    found.update(fields)
    return Plan(**found)


# --- 1. a foreign CarePlan reads as a plan --------------------------------------------------


def test_a_minimal_foreign_r4_careplan_reads_as_a_plan() -> None:
    plan = read(bundle(careplan()))
    assert daily_plan() == plan
    assert ["short-walk"] == [item.strategy_id for item in plan.items]
    assert "every day at 07:30" == plan.items[0].recurrence.describe()
    assert 10 == plan.items[0].minutes
    assert Period(dt.date(2026, 1, 5), dt.date(2026, 2, 1)) == plan.period
    assert PlanStatus.ACTIVE == plan.status
    assert (Contributor("abc-1", Role.THERAPIST),) == plan.contributors
    assert ((), (), frozenset(), (), None) == (
        plan.rituals,
        plan.boundaries,
        plan.goals,
        plan.revisions,
        plan.shortfall,
    )


def test_foreign_activities_in_several_codings_and_with_narrative_read_by_the_strategy_code() -> (
    None
):
    first = activity("mindful-breathing", duration=3, timeOfDay=None)
    first["detail"]["code"]["coding"].insert(0, {"system": SNOMED, "code": "22253000"})
    first["detail"]["code"]["text"] = "Breathing exercise"
    first["detail"]["description"] = "Breathe slowly for three minutes"
    resource = careplan(
        activity=[activity(), first],
        text={"status": "generated", "div": '<div xmlns="http://www.w3.org/1999/xhtml">x</div>'},
        title="Self-care",
        description="Agreed in session",
        note=[{"text": "a note"}],
    )
    expected = daily_plan(
        PlanItem("short-walk", Recurrence.daily(dt.time(7, 30)), 10),
        PlanItem("mindful-breathing", Recurrence.daily(), 3),
    )
    assert expected == read(bundle(resource))


@pytest.mark.parametrize(
    ("changes", "expected", "described"),
    [
        (
            {"dayOfWeek": ["mon", "wed", "fri"], "timeOfDay": None},
            Recurrence.weekly({Weekday.MONDAY, Weekday.WEDNESDAY, Weekday.FRIDAY}),
            "every Monday, Wednesday and Friday",
        ),
        (
            {"dayOfWeek": ["tue"]},
            Recurrence.weekly({Weekday.TUESDAY}, dt.time(7, 30)),
            "every Tuesday at 07:30",
        ),
        (
            {"frequency": 2, "periodUnit": "wk", "dayOfWeek": ["sat", "sun"], "timeOfDay": None},
            Recurrence.weekly({Weekday.SATURDAY, Weekday.SUNDAY}),
            "every Saturday and Sunday",
        ),
        (
            {"period": 2, "periodUnit": "wk", "dayOfWeek": ["sat"], "timeOfDay": None},
            Recurrence.weekly({Weekday.SATURDAY}, every_weeks=2),
            "every 2 weeks on Saturday",
        ),
        (
            {"frequency": 3, "periodUnit": "wk", "timeOfDay": None},
            Recurrence.times_per_week(3),
            "3 times a week",
        ),
        (
            {"period": 3, "timeOfDay": None},
            Recurrence.every_n_days(3),
            "every 3 days",
        ),
        (
            {"frequency": 2, "timeOfDay": ["07:00:00", "19:00:00"]},
            Recurrence.daily([dt.time(7), dt.time(19)]),
            "every day at 07:00 and 19:00",
        ),
        (
            {"boundsPeriod": {"start": "2026-01-12", "end": "2026-01-25"}},
            Recurrence.daily(
                dt.time(7, 30), start=dt.date(2026, 1, 12), until=dt.date(2026, 1, 25)
            ),
            None,
        ),
        (
            {"boundsPeriod": {"start": "2026-01-12"}, "count": 10},
            Recurrence.daily(dt.time(7, 30), start=dt.date(2026, 1, 12), count=10),
            None,
        ),
    ],
)
def test_a_foreign_timing_reads_as_its_recurrence(
    changes: dict[str, Any], expected: Recurrence, described: str | None
) -> None:
    plan = read(bundle(careplan(activity=[activity(**changes)])))
    assert [expected] == [item.recurrence for item in plan.items]
    if described is not None:
        assert described == plan.items[0].recurrence.describe()


@pytest.mark.parametrize(
    ("duration", "unit", "expected"),
    [
        (10, "min", 10),
        (10.0, "min", 10),
        (1, "h", 60),
        (1.5, "h", 90),
        (0.25, "h", 15),
        (0, "h", 0),
    ],
)
def test_a_duration_in_minutes_or_hours_is_the_items_minutes(
    duration: float, unit: str, expected: int
) -> None:
    plan = read(bundle(careplan(activity=[activity(duration=duration, durationUnit=unit)])))
    assert [expected] == [item.minutes for item in plan.items]


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"durationUnit": "s"}, "durationUnit"),
        ({"durationUnit": None}, "durationUnit"),
        ({"duration": None}, "duration"),
        ({"duration": 25, "durationUnit": "h"}, "duration"),
        ({"duration": 7.5}, "duration"),
        ({"duration": -1}, "duration"),
        ({"duration": "10"}, "duration"),
        ({"duration": True}, "duration"),
    ],
)
def test_a_duration_that_is_not_whole_minutes_of_a_day_is_refused(
    changes: dict[str, Any], path: str
) -> None:
    error = refused(lambda: read(bundle(careplan(activity=[activity(**changes)]))))
    assert [f"{R4_TIMING.format(n=0)}.repeat.{path}"] == paths(error)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2026-01-05T00:00:00Z", "2026-02-01T23:59:59Z"),
        ("2026-01-05T00:00:00+00:00", "2026-02-01"),
        ("2026-01-05", "2026-02-01T18:00:00+01:00"),
    ],
)
def test_a_period_of_date_times_reads_as_the_days_written(start: str, end: str) -> None:
    plan = read(bundle(careplan(period={"start": start, "end": end})))
    assert Period(dt.date(2026, 1, 5), dt.date(2026, 2, 1)) == plan.period


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("draft", PlanStatus.DRAFT),
        ("active", PlanStatus.ACTIVE),
        ("completed", PlanStatus.COMPLETED),
        ("revoked", PlanStatus.REVOKED),
    ],
)
def test_the_careplan_status_is_the_plans(status: str, expected: PlanStatus) -> None:
    assert expected == read(bundle(careplan(status=status))).status


@pytest.mark.parametrize("status", ["on-hold", "entered-in-error", "unknown", "Active", "", None])
def test_a_careplan_status_with_no_plan_status_is_refused(status: str | None) -> None:
    error = refused(lambda: read(bundle(careplan(status=status))))
    assert ["CarePlan.status"] == paths(error)


@pytest.mark.parametrize(
    ("references", "expected"),
    [
        ([{"reference": "Practitioner/abc-1"}], [Contributor("abc-1", Role.THERAPIST)]),
        ([{"reference": "Patient/p-2"}], [Contributor("p-2", Role.CLIENT)]),
        (
            [{"reference": "Patient/p-2"}, {"reference": "Practitioner/abc-1"}],
            [Contributor("p-2", Role.CLIENT), Contributor("abc-1", Role.THERAPIST)],
        ),
        (
            [
                {
                    "type": "Practitioner",
                    "identifier": {"system": f"{CANON}/contributor", "value": "t-9"},
                }
            ],
            [Contributor("t-9", Role.THERAPIST)],
        ),
        ([], []),
    ],
)
def test_contributors_are_read_from_their_references(
    references: list[dict[str, Any]], expected: list[Contributor]
) -> None:
    plan = read(bundle(careplan(contributor=references)))
    assert tuple(expected) == plan.contributors


@pytest.mark.parametrize(
    ("reference", "path"),
    [
        ({"reference": "Organization/o-1"}, "CarePlan.contributor[0].type"),
        ({"reference": "PractitionerRole/r-1"}, "CarePlan.contributor[0].type"),
        ({"display": "Dr Smith"}, "CarePlan.contributor[0].reference"),
        ({"reference": "Practitioner/"}, "CarePlan.contributor[0].reference"),
        ({"reference": f"Practitioner/{CANARY}"}, "CarePlan.contributor[0].reference"),
        ({"reference": CANARY}, "CarePlan.contributor[0].reference"),
        ("Practitioner/abc-1", "CarePlan.contributor[0]"),
    ],
)
def test_a_contributor_who_is_not_a_practitioner_or_patient_by_id_is_refused(
    reference: object, path: str
) -> None:
    error = refused(lambda: read(bundle(careplan(contributor=[reference]))))
    assert [path] == paths(error)


def test_the_careplans_own_role_and_zone_win_over_the_arguments() -> None:
    resource = careplan(
        category=[{"coding": [{"system": ROLE, "code": "therapist"}]}],
        period={
            "extension": [{"url": TZ_CODE, "valueCode": "Asia/Kolkata"}],
            "start": "2026-01-05",
            "end": "2026-02-01",
        },
    )
    plan = read(bundle(resource), timezone="America/New_York", role=Role.CLIENT)
    assert (Role.THERAPIST, "Asia/Kolkata") == (plan.role, plan.timezone)


def test_the_plan_id_is_the_selfcare_identifier_else_the_resource_id() -> None:
    identified = careplan(identifier=[{"system": f"{CANON}/plan", "value": "plan-7"}])
    assert "plan-7" == read(bundle(identified)).id
    other = careplan(identifier=[{"system": "http://example.org/ids", "value": "X.1"}])
    assert "cp-1" == read(bundle(other)).id


def test_without_zone_or_role_reading_asks_for_timezone_and_role() -> None:
    error = refused(lambda: from_fhir(bundle(careplan())))
    assert ["CarePlan.category", "CarePlan.period"] == paths(error)
    assert "pass role=" in dict(error.problems)["CarePlan.category"]
    assert "pass timezone=" in dict(error.problems)["CarePlan.period"]


def test_without_zone_reading_asks_for_timezone_only() -> None:
    error = refused(lambda: from_fhir(bundle(careplan()), role=Role.THERAPIST))
    assert ["CarePlan.period"] == paths(error)


def test_a_foreign_r5_careplan_reads_its_service_requests() -> None:
    data = r5_careplan(
        service_request("sr-1"),
        service_request("sr-2", "mindful-breathing", duration=3, timeOfDay=None),
    )
    expected = daily_plan(
        PlanItem("short-walk", Recurrence.daily(dt.time(7, 30)), 10),
        PlanItem("mindful-breathing", Recurrence.daily(), 3),
    )
    assert expected == read(data)


def test_an_r5_reference_resolves_by_full_url_too() -> None:
    request = service_request("sr-1")
    data = bundle(
        careplan(activity=[{"plannedActivityReference": {"reference": "urn:uuid:1234"}}]),
    )
    data["entry"].append({"fullUrl": "urn:uuid:1234", "resource": request})
    assert daily_plan() == read(data)


def test_the_timing_may_name_the_plans_zone() -> None:
    item = activity()
    item["detail"]["scheduledTiming"]["extension"] = [{"url": TZ_CODE, "valueCode": ZONE}]
    assert daily_plan() == read(bundle(careplan(activity=[item])))


def test_a_foreign_plan_written_by_the_library_reads_back_the_same() -> None:
    plan = read(r5_careplan(service_request("sr-1"), service_request("sr-2", "one-gratitude")))
    for version in ("R4", "R5"):
        assert plan == from_fhir(to_fhir(plan, version=version, subject="Patient/p-1"))


# --- 2. every problem, by FHIR path, in one error ------------------------------------------


def test_every_unreadable_r4_activity_is_listed_in_one_error() -> None:
    resource = careplan(
        activity=[
            activity(periodUnit="h"),
            activity("mindful-breathing", when=["MORN"], timeOfDay=None),
            activity("22253000", SNOMED),
            activity("one-gratitude"),
        ]
    )
    error = refused(lambda: read(bundle(resource)))
    expected = [
        "CarePlan.activity[0].detail.scheduledTiming.repeat.periodUnit",
        "CarePlan.activity[1].detail.scheduledTiming.repeat.when",
        "CarePlan.activity[2].detail.code",
    ]
    assert expected == paths(error)


def test_activities_goals_and_contributors_are_listed_together() -> None:
    resource = careplan(
        activity=[activity("22253000", SNOMED), activity(), activity(dayOfWeek=["monday"])],
        goal=[{"reference": "Goal/g-1"}],
        contributor=[{"reference": "Organization/o-1"}],
    )
    error = refused(lambda: read(bundle(resource)))
    expected = [
        "CarePlan.contributor[0].type",
        "CarePlan.goal[0].reference",
        "CarePlan.activity[0].detail.code",
        "CarePlan.activity[2].detail.scheduledTiming.repeat.dayOfWeek[0]",
    ]
    assert expected == paths(error)


def test_every_unreadable_r5_activity_is_listed_by_its_service_request_path() -> None:
    data = r5_careplan(
        service_request("sr-1", periodUnit="h"),
        service_request("sr-2", when=["MORN"], timeOfDay=None),
        service_request("sr-3", "22253000"),
        service_request("sr-4", "mindful-breathing"),
    )
    data["entry"][3]["resource"]["code"]["concept"] = coded("22253000", SNOMED)
    data["entry"][0]["resource"]["activity"].append(
        {"plannedActivityReference": {"reference": "ServiceRequest/missing"}}
    )
    error = refused(lambda: read(data))
    expected = [
        f"{R5_TIMING.format(n=0)}.repeat.periodUnit",
        f"{R5_TIMING.format(n=1)}.repeat.when",
        "CarePlan.activity[2].plannedActivityReference(ServiceRequest).code.concept",
        "CarePlan.activity[4].plannedActivityReference.reference",
    ]
    assert expected == paths(error)


def test_an_activity_that_is_neither_a_detail_nor_a_reference_is_refused() -> None:
    resource = careplan(
        activity=[{"reference": {"reference": "Appointment/a-1"}}, {"progress": []}, "walk"]
    )
    error = refused(lambda: read(bundle(resource)))
    assert ["CarePlan.activity[0]", "CarePlan.activity[1]", "CarePlan.activity[2]"] == paths(error)


@pytest.mark.parametrize(
    "element",
    [
        "when",
        "offset",
        "frequencyMax",
        "periodMax",
        "durationMax",
        "boundsDuration",
        "boundsRange",
        "countMax",
        "modifierExtension",
        "id",
    ],
)
def test_a_repeat_element_the_library_cannot_express_is_refused_by_name(element: str) -> None:
    item = activity()
    item["detail"]["scheduledTiming"]["repeat"][element] = 1
    error = refused(lambda: read(bundle(careplan(activity=[item]))))
    assert [f"{R4_TIMING.format(n=0)}.repeat.{element}"] == paths(error)


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"periodUnit": "h"}, "periodUnit"),
        ({"periodUnit": "a"}, "periodUnit"),
        ({"periodUnit": None}, "periodUnit"),
        ({"period": 1.0}, "period"),
        ({"frequency": 2}, "frequency"),
        (
            {"frequency": 2, "periodUnit": "wk", "timeOfDay": ["07:00:00", "08:00:00", "09:00:00"]},
            "frequency",
        ),
        ({"period": 2, "dayOfWeek": ["mon"]}, "period"),
        ({"dayOfWeek": ["monday"]}, "dayOfWeek[0]"),
        ({"dayOfWeek": "mon"}, "dayOfWeek"),
        ({"timeOfDay": ["7:30"]}, "timeOfDay[0]"),
        ({"timeOfDay": ["25:00:00"]}, "timeOfDay[0]"),
        ({"timeOfDay": "07:30:00"}, "timeOfDay"),
        ({"boundsPeriod": {"start": "2026-02-30"}}, "boundsPeriod.start"),
        ({"boundsPeriod": "2026-01-05"}, "boundsPeriod"),
        ({"count": "3"}, "count"),
    ],
)
def test_a_repeat_the_library_cannot_read_is_refused_at_its_element(
    changes: dict[str, Any], path: str
) -> None:
    error = refused(lambda: read(bundle(careplan(activity=[activity(**changes)]))))
    assert [f"{R4_TIMING.format(n=0)}.repeat.{path}"] == paths(error)


def test_a_monthly_repeat_without_the_librarys_extension_is_refused_at_its_extension() -> None:
    error = refused(
        lambda: read(bundle(careplan(activity=[activity(periodUnit="mo", timeOfDay=None)])))
    )
    assert [f"{R4_TIMING.format(n=0)}.repeat.extension"] == paths(error)


def test_a_timing_of_event_dates_alone_is_refused() -> None:
    item = activity()
    item["detail"]["scheduledTiming"] = {"event": ["2026-01-06T07:30:00Z"]}
    error = refused(lambda: read(bundle(careplan(activity=[item]))))
    assert [f"{R4_TIMING.format(n=0)}.event"] == paths(error)


@pytest.mark.parametrize("scheduled", [{"scheduledPeriod": {"start": "2026-01-06"}}, {}])
def test_an_activity_without_a_timing_is_refused(scheduled: dict[str, Any]) -> None:
    item = activity()
    del item["detail"]["scheduledTiming"]
    item["detail"].update(scheduled)
    error = refused(lambda: read(bundle(careplan(activity=[item]))))
    assert [R4_TIMING.format(n=0)] == paths(error)


@pytest.mark.parametrize(
    "modifier",
    [
        {"url": "http://example.org/fhir/StructureDefinition/not-really", "valueBoolean": True},
        {"url": CANARY, "valueString": CANARY},
        {"valueBoolean": True},
    ],
)
def test_an_unknown_modifier_extension_on_a_timing_is_refused(modifier: dict[str, Any]) -> None:
    """FHIR: a modifier extension a reader does not understand must not be ignored."""
    item = activity()
    item["detail"]["scheduledTiming"]["modifierExtension"] = [modifier]
    error = refused(lambda: read(bundle(careplan(activity=[item]))))
    assert [f"{R4_TIMING.format(n=0)}.modifierExtension[0].url"] == paths(error)


def test_an_unknown_modifier_extension_on_an_r5_timing_is_refused() -> None:
    request = service_request("sr-1")
    request["occurrenceTiming"]["modifierExtension"] = [{"url": "http://x.org", "valueCode": "no"}]
    error = refused(lambda: read(r5_careplan(request)))
    assert [f"{R5_TIMING.format(n=0)}.modifierExtension[0].url"] == paths(error)


def test_a_timing_in_another_zone_than_the_plans_is_refused() -> None:
    item = activity()
    item["detail"]["scheduledTiming"]["extension"] = [
        {"url": TZ_CODE, "valueCode": "America/New_York"}
    ]
    error = refused(lambda: read(bundle(careplan(activity=[item]))))
    assert [f"{R4_TIMING.format(n=0)}.extension"] == paths(error)


def test_a_strategy_the_catalog_does_not_hold_is_refused_naming_the_catalog() -> None:
    error = refused(lambda: read(bundle(careplan(activity=[activity("yoga-nidra")]))))
    assert ["CarePlan.activity[0].detail.code"] == paths(error)
    assert "catalog=" in error.problems[0][1]


def test_a_strategy_in_a_passed_catalog_is_read() -> None:
    yoga = Strategy("yoga-nidra", "Yoga nidra", Category.PHYSICAL, frozenset(Role), 20, Effort.LOW)
    catalog = Catalog(strategies=[*CATALOG.strategies, yoga], rituals=CATALOG.rituals)
    plan = read(bundle(careplan(activity=[activity("yoga-nidra")])), catalog=catalog)
    assert ("yoga-nidra",) == plan.strategy_ids


@pytest.mark.parametrize(
    ("period", "path"),
    [
        ({"start": "2026-01-05"}, "CarePlan.period.end"),
        ({"end": "2026-02-01"}, "CarePlan.period.start"),
        ({"start": "2026-03-01", "end": "2026-02-01"}, "CarePlan.period.end"),
        ({"start": "05/01/2026", "end": "2026-02-01"}, "CarePlan.period.start"),
        ({"start": "2026-01", "end": "2026-02-01"}, "CarePlan.period.start"),
        ({"start": 20260105, "end": "2026-02-01"}, "CarePlan.period.start"),
        ({"start": "2026-01-05", "end": "2035-12-24"}, "CarePlan.period.end"),  # 520 weeks + 1
    ],
)
def test_a_period_without_two_days_in_order_is_refused(period: dict[str, Any], path: str) -> None:
    error = refused(lambda: read(bundle(careplan(period=period))))
    assert [path] == paths(error)


@pytest.mark.parametrize("id", [None, "CP_1", "Care Plan", "", 7])
def test_a_careplan_without_an_id_the_library_can_keep_is_refused(id: object) -> None:
    error = refused(lambda: read(bundle(careplan(id=id))))
    assert ["CarePlan.id"] == paths(error)


def test_two_items_for_one_strategy_are_refused_as_the_plan_would_refuse_them() -> None:
    error = refused(lambda: read(bundle(careplan(activity=[activity(), activity()]))))
    assert ["CarePlan"] == paths(error)


# --- 3. nothing a bundle holds comes back in a message ---------------------------------------


def plant(path: tuple[str | int, ...], value: object) -> Callable[[dict[str, Any]], None]:
    """A change to a ``careplan()`` resource: ``value`` at ``path``."""

    def change(resource: dict[str, Any]) -> None:
        node: Any = resource
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value

    return change


DETAIL: tuple[str | int, ...] = ("activity", 0, "detail")
TIMING = (*DETAIL, "scheduledTiming")
REPEAT = (*TIMING, "repeat")
#: Every string field of a foreign R4 CarePlan an attacker can fill, with the canary.
HOSTILE_FIELDS: dict[str, Callable[[dict[str, Any]], None]] = {
    "text.div": plant(("text",), {"status": "generated", "div": CANARY}),
    "description": plant(("description",), CANARY),
    "title": plant(("title",), CANARY),
    "id": plant(("id",), CANARY),
    "identifier.value": plant(("identifier",), [{"system": f"{CANON}/plan", "value": CANARY}]),
    "identifier.system": plant(("identifier",), [{"system": CANARY, "value": CANARY}]),
    "status": plant(("status",), CANARY),
    "category.code": plant(("category",), [coded(CANARY, ROLE)]),
    "category.text": plant(("category",), [{"text": CANARY}]),
    "period.start": plant(("period", "start"), CANARY),
    "period.end": plant(("period", "end"), CANARY),
    "period.start as date-time": plant(("period", "start"), f"2026-01-05T{CANARY}"),
    "period zone": plant(("period", "extension"), [{"url": TZ_CODE, "valueCode": CANARY}]),
    "period zone R5": plant(("period", "extension"), [{"url": TIMEZONE, "valueCode": CANARY}]),
    "subject.reference": plant(("subject",), {"reference": CANARY}),
    "contributor.reference": plant(("contributor",), [{"reference": CANARY}]),
    "contributor.reference id": plant(("contributor",), [{"reference": f"Patient/{CANARY}"}]),
    "contributor.type": plant(("contributor",), [{"type": CANARY, "reference": "Patient/x"}]),
    "contributor.identifier": plant(
        ("contributor",),
        [{"type": "Patient", "identifier": {"system": f"{CANON}/contributor", "value": CANARY}}],
    ),
    "goal.reference": plant(("goal",), [{"reference": CANARY}]),
    "goal.display": plant(("goal",), [{"display": CANARY}]),
    "extension.url": plant(("extension",), [{"url": CANARY, "valueString": CANARY}]),
    "shortfall": plant(
        ("extension",),
        [{"url": f"{CANON}/StructureDefinition/shortfall", "valueString": CANARY * 50}],
    ),
    "boundary.kind": plant(
        ("extension",),
        [
            {
                "url": f"{CANON}/StructureDefinition/boundary",
                "extension": [{"url": "kind", "valueCode": CANARY}],
            }
        ],
    ),
    "boundary.description": plant(
        ("extension",),
        [
            {
                "url": f"{CANON}/StructureDefinition/boundary",
                "extension": [
                    {"url": "kind", "valueCode": "custom"},
                    {"url": "description", "valueString": CANARY * 100},
                ],
            }
        ],
    ),
    "activity.detail.code": plant((*DETAIL, "code"), coded(CANARY)),
    "activity.detail.code.system": plant((*DETAIL, "code"), coded("short-walk", CANARY)),
    "activity.detail.ritual code": plant(
        (*DETAIL, "code"), coded(CANARY, f"{CANON}/CodeSystem/ritual")
    ),
    "activity.detail.description": plant((*DETAIL, "description"), CANARY),
    "activity.detail.status": plant((*DETAIL, "status"), CANARY),
    "activity.detail.reasonCode.code": plant((*DETAIL, "reasonCode"), [coded(CANARY, REASON)]),
    "activity.detail.reasonCode.text": plant(
        (*DETAIL, "reasonCode"), [{**coded("goal", REASON), "text": CANARY * 20}]
    ),
    "activity.detail.reasonCode fact": plant(
        (*DETAIL, "reasonCode"),
        [
            {
                **coded("goal", REASON),
                "text": "t",
                "extension": [
                    {
                        "url": f"{CANON}/StructureDefinition/reason-fact",
                        "extension": [
                            {"url": "name", "valueCode": CANARY},
                            {"url": "value", "valueString": CANARY},
                        ],
                    }
                ],
            }
        ],
    ),
    "timing zone": plant((*TIMING, "extension"), [{"url": TZ_CODE, "valueCode": CANARY}]),
    "timing modifier": plant((*TIMING, "modifierExtension"), [{"url": CANARY}]),
    "timing skipped": plant(
        (*TIMING, "modifierExtension"),
        [{"url": f"{CANON}/StructureDefinition/skipped", "valueDate": CANARY}],
    ),
    "timeOfDay": plant((*REPEAT, "timeOfDay"), [CANARY]),
    "dayOfWeek": plant((*REPEAT, "dayOfWeek"), [CANARY]),
    "periodUnit": plant((*REPEAT, "periodUnit"), CANARY),
    "durationUnit": plant((*REPEAT, "durationUnit"), CANARY),
    "duration": plant((*REPEAT, "duration"), CANARY),
    "frequency": plant((*REPEAT, "frequency"), CANARY),
    "boundsPeriod.start": plant((*REPEAT, "boundsPeriod"), {"start": CANARY}),
    "when": plant((*REPEAT, "when"), [CANARY]),
}


@pytest.mark.parametrize("field", sorted(HOSTILE_FIELDS))
def test_a_canary_in_any_field_of_a_foreign_careplan_never_comes_back(field: str) -> None:
    resource = careplan()
    HOSTILE_FIELDS[field](resource)
    try:
        read(bundle(resource))
    except ValidationError as error:
        assert_no_echo(error)


def test_a_careplan_full_of_canaries_is_refused_without_quoting_any() -> None:
    resource = careplan()
    for change in HOSTILE_FIELDS.values():
        change(resource)
    error = refused(lambda: read(bundle(resource)))
    assert error.problems


def test_a_canary_in_the_bundle_and_its_entries_never_comes_back() -> None:
    data = bundle(careplan(), {"resourceType": CANARY, "id": CANARY, "text": {"div": CANARY}})
    data["entry"][0]["fullUrl"] = CANARY
    data["id"] = CANARY
    data["type"] = CANARY
    assert daily_plan() == read(data)
    refused(lambda: read({"resourceType": CANARY}))
    refused(lambda: read({"resourceType": "Bundle", "entry": CANARY}))


def rich_plan() -> Plan:
    """A plan using every part of the mapping: reasons with facts, pauses, skipped days, a
    ritual, a boundary, contributors, a shortfall and two revisions."""
    period = Period(dt.date(2026, 1, 5), dt.date(2026, 2, 1))
    reason = Reason(
        ReasonCode.GOAL,
        "serves your goal",
        {"goals": "resilience", "goals_matched": 1, "share": 0.5, "note": ""},
    )
    items = [
        PlanItem(
            "short-walk",
            Recurrence.daily(dt.time(7, 30)).with_skipped(dt.date(2026, 1, 9)),
            10,
            reasons=[reason],
            pauses=[Period(dt.date(2026, 1, 12), dt.date(2026, 1, 14))],
        ),
        PlanItem(
            "mindful-breathing",
            Recurrence.weekly({Weekday.MONDAY, Weekday.THURSDAY}, every_weeks=2),
            3,
        ),
        PlanItem("time-in-nature", Recurrence.monthly(weekday=Weekday.SATURDAY, nth=-1), 60),
        PlanItem("one-gratitude", Recurrence.times_per_week(3), 5),
    ]
    plan = Plan(
        id="plan-1",
        role=Role.CLIENT,
        timezone=ZONE,
        period=period,
        goals={Benefit.RESILIENCE},
        items=items,
        rituals=[CATALOG.ritual("daily-reflection")],
        boundaries=[
            Boundary(
                BoundaryKind.NO_CONTACT_ON_DAYS,
                weekdays={Weekday.SATURDAY, Weekday.SUNDAY},
                description="weekends are mine",
            )
        ],
        contributors=[THERAPIST, CLIENT],
        shortfall="too little time on Mondays",
    )
    at = pendulum.datetime(2026, 1, 2, 18, tz=ZONE)
    plan = plan.revise(by=THERAPIST, at=at, reason="too much at once", remove=["one-gratitude"])
    return plan.activate(by=CLIENT, at=at.add(days=1))


def check_ins() -> list[Reflection]:
    at = pendulum.datetime(2026, 1, 6, 21, tz=ZONE)
    return [
        Reflection(
            at=at,
            author=Role.CLIENT,
            ratings=Ratings(mood=7, energy=4, stress=3),
            self_ratings={Category.PHYSICAL: 4},
            practised=[
                Practice.done("short-walk", 10),
                Practice("mindful-breathing", PracticeStatus.SKIPPED),
            ],
            wants_support=True,
        ),
        Reflection(at=at.add(days=1).in_tz("Asia/Kolkata"), author=Role.THERAPIST),
    ]


def written(version: Version) -> dict[str, Any]:
    return to_fhir(
        rich_plan(),
        version=version,
        subject="Patient/123",
        private=True,
        reflections=check_ins(),
    )


BUNDLES: dict[Version, dict[str, Any]] = {"R4": written("R4"), "R5": written("R5")}


def places(node: Any) -> Iterator[tuple[Any, Any]]:
    """Every (container, key) of a JSON value, outermost first."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield node, key
            yield from places(value)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield node, index
            yield from places(value)


LEAVE_OUT = object()


@contextmanager
def changed(container: Any, key: Any, value: object = LEAVE_OUT) -> Iterator[None]:
    """``container[key]`` set to ``value`` (or left out) for a while, then put back in order."""
    saved = list(container.items()) if isinstance(container, dict) else list(container)
    if value is LEAVE_OUT:
        del container[key]
    else:
        container[key] = value
    try:
        yield
    finally:
        if isinstance(container, dict):
            container.clear()
            container.update(saved)
        else:
            container[:] = saved


def leaves(data: Any) -> list[tuple[Any, Any]]:
    return [(c, k) for c, k in places(data) if not isinstance(c[k], dict | list)]


def read_both(data: Any, canary: str = CANARY) -> None:
    """Read a plan and reflections from ``data``: each must succeed or be refused, quietly."""
    for reader in (from_fhir, reflections_from_fhir):
        try:
            reader(data)
        except ValidationError as error:
            assert_no_echo(error, canary)


def test_the_written_bundles_read_back() -> None:
    for data in BUNDLES.values():
        assert rich_plan() == from_fhir(data)
        assert tuple(check_ins()) == reflections_from_fhir(data)


@pytest.mark.parametrize("version", ["R4", "R5"])
def test_a_canary_in_any_one_leaf_of_a_written_bundle_never_comes_back(version: Version) -> None:
    """Each string, number and boolean of a bundle to_fhir wrote, replaced by a canary."""
    data = copy.deepcopy(BUNDLES[version])
    for container, key in leaves(data):
        for value in (CANARY, f"<div>{CANARY}</div>\n2026-01-05T07:30:00Z"):
            with changed(container, key, value):
                read_both(data)
    assert BUNDLES[version] == data  # and the readers changed nothing


@pytest.mark.parametrize("version", ["R4", "R5"])
@pytest.mark.parametrize("value", [None, True, -1, 2**64, 1.5, ""])
def test_any_one_leaf_of_a_written_bundle_replaced_by_a_scalar_gives_a_plan_or_an_error(
    version: Version, value: object
) -> None:
    data = copy.deepcopy(BUNDLES[version])
    for container, key in leaves(data):
        with changed(container, key, value):
            read_both(data)
    assert BUNDLES[version] == data


@pytest.mark.parametrize("version", ["R4", "R5"])
def test_any_one_part_of_a_written_bundle_left_out_gives_a_plan_or_an_error(
    version: Version,
) -> None:
    data = copy.deepcopy(BUNDLES[version])
    for container, key in list(places(data)):
        with changed(container, key):
            read_both(data)
    assert BUNDLES[version] == data


def timing_change(**changes: Any) -> dict[str, Any]:
    return bundle(careplan(activity=[activity(**changes)]))


def written_r4_with(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = copy.deepcopy(BUNDLES["R4"])
    change(data)
    return data


def written_r5_with(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = copy.deepcopy(BUNDLES["R5"])
    change(data)
    return data


def of_kind(data: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == kind)


def set_in(
    kind: str, path: tuple[str | int, ...], value: object
) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        plant(path, value)(of_kind(data, kind))

    return change


# --- 3b. mutated bundles, by hypothesis -----------------------------------------------------

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["07:30:00", "2026-01-05", "mon", "d", "wk", "h", "min", ZONE])
    | st.just(CANARY)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8) | st.just(CANARY), inner, max_size=3)
    ),
    max_leaves=6,
)


finite_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["07:30:00", "2026-01-05", "mon", "d", "wk", "h", "min", ZONE])
    | st.just(CANARY)
)


@st.composite
def mutated(draw: st.DrawFn, base: dict[str, Any], *, shapes: bool = True) -> dict[str, Any]:
    """``base`` with one to four parts replaced, left out, wrapped or given a hostile key.

    Without ``shapes``, only strings, numbers and booleans are replaced, by finite scalars or
    the canary, and parts left out: no object or array is put where another value was.
    """
    data = copy.deepcopy(base)
    hows = ["value", "canary", "leave-out", "wrap", "unwrap", "key"]
    for _ in range(draw(st.integers(1, 4))):
        found = list(places(data)) if shapes else leaves(data)
        if not found:
            break
        container, key = found[draw(st.integers(0, len(found) - 1))]
        how = draw(st.sampled_from(hows if shapes else hows[:3]))
        if how == "value":
            container[key] = draw(json_values if shapes else finite_scalars)
        elif how == "canary":
            container[key] = CANARY
        elif how == "leave-out":
            del container[key]
        elif how == "wrap":
            container[key] = [container[key]]
        elif how == "unwrap" and isinstance(container[key], list) and container[key]:
            container[key] = container[key][0]
        elif how == "key" and isinstance(container[key], dict):
            container[key][CANARY] = draw(json_values)
    return data


def check_reads_or_refuses(reader: Callable[[Any], object], data: dict[str, Any]) -> None:
    try:
        reader(data)
    except ValidationError as error:
        assert_no_echo(error)


MUTATED = st.sampled_from(sorted(BUNDLES)).flatmap(lambda version: mutated(BUNDLES[version]))
SCALARS_CHANGED = st.sampled_from(sorted(BUNDLES)).flatmap(
    lambda version: mutated(BUNDLES[version], shapes=False)
)


@given(data=SCALARS_CHANGED)
def test_a_bundle_with_scalars_changed_or_parts_left_out_gives_a_plan_or_a_quiet_error(
    data: dict[str, Any],
) -> None:
    check_reads_or_refuses(from_fhir, data)
    check_reads_or_refuses(reflections_from_fhir, data)


@given(data=MUTATED)
@example(data=written_r4_with(set_in("CarePlan", ("extension",), {})))
@example(data=written_r5_with(set_in("CarePlan", ("status",), ["active"])))
def test_a_mutated_bundle_gives_a_plan_or_a_quiet_validation_error(data: dict[str, Any]) -> None:
    check_reads_or_refuses(from_fhir, data)


@given(data=MUTATED)
@example(data=written_r4_with(set_in("Observation", ("_effectiveDateTime", "extension"), 5)))
@example(
    data=written_r5_with(
        set_in("Observation", ("_effectiveDateTime", "extension", 0, "url"), [TIMEZONE])
    )
)
def test_a_mutated_bundle_gives_reflections_or_a_quiet_validation_error(
    data: dict[str, Any],
) -> None:
    check_reads_or_refuses(reflections_from_fhir, data)


FOREIGN = bundle(careplan(activity=[activity(), activity("mindful-breathing", timeOfDay=None)]))


@given(data=mutated(FOREIGN, shapes=False))
def test_a_foreign_careplan_with_scalars_changed_gives_a_plan_or_a_quiet_error(
    data: dict[str, Any],
) -> None:
    check_reads_or_refuses(read, data)


@given(data=mutated(FOREIGN))
@example(data=timing_change(durationUnit=["min"]))
@example(data=timing_change(**{CANARY: 1}))
def test_a_mutated_foreign_careplan_gives_a_plan_or_a_quiet_validation_error(
    data: dict[str, Any],
) -> None:
    check_reads_or_refuses(read, data)


@given(value=json_values)
def test_any_json_value_gives_a_plan_or_a_quiet_validation_error(value: Any) -> None:
    for reader in (from_fhir, reflections_from_fhir):
        check_reads_or_refuses(reader, value)
        check_reads_or_refuses(reader, {"resourceType": "Bundle", "entry": value})
        check_reads_or_refuses(reader, {"resourceType": "Bundle", "entry": [{"resource": value}]})


# --- 4. what is not one readable bundle ----------------------------------------------------


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (None, "Bundle"),
        ([], "Bundle"),
        ("Bundle", "Bundle"),
        (json.dumps(bundle(careplan())), "Bundle"),
        (7, "Bundle"),
        ({}, "Bundle.resourceType"),
        ({"resourceType": "bundle", "entry": []}, "Bundle.resourceType"),
        (careplan(), "Bundle.resourceType"),
        ({"resourceType": "Parameters", "parameter": []}, "Bundle.resourceType"),
        ({"resourceType": "Bundle", "entry": {"resource": careplan()}}, "Bundle.entry"),
        ({"resourceType": "Bundle", "entry": "x"}, "Bundle.entry"),
        ({"resourceType": "Bundle", "entry": None}, "Bundle.entry"),
        ({"resourceType": "Bundle", "entry": [careplan()]}, "Bundle.entry[0].resource"),
        ({"resourceType": "Bundle", "entry": [None]}, "Bundle.entry[0]"),
        ({"resourceType": "Bundle", "entry": [{"resource": []}]}, "Bundle.entry[0].resource"),
        (
            {"resourceType": "Bundle", "entry": [{"resource": {}}]},
            "Bundle.entry[0].resource.resourceType",
        ),
        (
            {"resourceType": "Bundle", "entry": [{"resource": {"resourceType": 1}}]},
            "Bundle.entry[0].resource.resourceType",
        ),
    ],
)
def test_what_is_not_a_bundle_of_resources_is_refused(data: object, path: str) -> None:
    for reader in (read, reflections_from_fhir):
        error = refused(lambda reader=reader: reader(data))  # type: ignore[misc]
        assert [path] == paths(error)


@pytest.mark.parametrize("count", [0, 2, 3])
def test_a_bundle_must_hold_exactly_one_careplan(count: int) -> None:
    data = bundle(*[careplan(id=f"cp-{n}") for n in range(count)])
    error = refused(lambda: read(data))
    assert [("Bundle.entry", f"expected one CarePlan, found {count}")] == list(error.problems)


def test_a_bundle_without_entries_holds_no_careplan_and_no_reflections() -> None:
    data = {"resourceType": "Bundle", "type": "collection"}
    assert ["Bundle.entry"] == paths(refused(lambda: read(data)))
    assert () == reflections_from_fhir(data)


@pytest.mark.parametrize(
    ("goals", "extra", "path"),
    [
        ([{"reference": "Goal/g-1"}], [], "CarePlan.goal[0].reference"),
        (
            [{"reference": "Condition/g-1"}],
            [{"resourceType": "Condition", "id": "g-1"}],
            "CarePlan.goal[0].reference",
        ),
        (
            [{"reference": "Goal/g-1"}],
            [{"resourceType": "Condition", "id": "g-1"}],
            "CarePlan.goal[0].reference",
        ),
        ([{"reference": "#g-1"}], [], "CarePlan.goal[0].reference"),
        ([{"reference": CANARY}], [], "CarePlan.goal[0].reference"),
        ([{"display": "feel better"}], [], "CarePlan.goal[0].reference"),
        ([{"reference": 7}], [], "CarePlan.goal[0].reference"),
        (["Goal/g-1"], [], "CarePlan.goal[0]"),
    ],
)
def test_a_goal_reference_that_does_not_resolve_to_a_goal_in_the_bundle_is_refused(
    goals: list[Any], extra: list[dict[str, Any]], path: str
) -> None:
    error = refused(lambda: read(bundle(careplan(goal=goals), *extra)))
    assert [path] == paths(error)


def test_a_goal_in_the_bundle_is_read_as_a_benefit() -> None:
    goal = {
        "resourceType": "Goal",
        "id": "g-1",
        "lifecycleStatus": "active",
        "description": coded("resilience", f"{CANON}/CodeSystem/benefit"),
        "subject": {"reference": "Patient/p-1"},
    }
    plan = read(bundle(careplan(goal=[{"reference": "Goal/g-1"}]), goal))
    assert frozenset({Benefit.RESILIENCE}) == plan.goals
    foreign = {**goal, "description": {"text": "Lose weight"}}
    error = refused(lambda: read(bundle(careplan(goal=[{"reference": "Goal/g-1"}]), foreign)))
    assert ["CarePlan.goal[0](Goal).description"] == paths(error)


def nested(depth: int) -> Any:
    value: Any = "leaf"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("reader", [read, reflections_from_fhir])
def test_a_bundle_nested_deeper_than_the_document_limit_is_refused(
    reader: Callable[[Any], object],
) -> None:
    data = bundle(careplan(note=[{"text": "x", "extension": nested(MAX_DEPTH)}]))
    error = refused(lambda: reader(data))
    assert 1 == len(error.problems)
    assert f"nested deeper than {MAX_DEPTH} levels" in error.problems[0][1]


@pytest.mark.parametrize("reader", [read, reflections_from_fhir])
def test_a_deep_bundle_with_a_hostile_key_is_refused_without_quoting_the_key(
    reader: Callable[[Any], object],
) -> None:
    data = bundle(careplan(note=[{CANARY: nested(MAX_DEPTH)}]))
    refused(lambda: reader(data))


def test_a_bundle_just_within_the_depth_limit_is_read() -> None:
    # Bundle > entry > [0] > resource > note > [0] > extension: 7 levels down to the list.
    data = bundle(careplan(note=[{"text": "x", "extension": nested(MAX_DEPTH - 7)}]))
    assert daily_plan() == read(data)


@pytest.mark.parametrize("reader", [read, reflections_from_fhir])
def test_a_bundle_with_too_many_entries_is_refused(reader: Callable[[Any], object]) -> None:
    data = bundle(careplan(note=[{"text": "x"}] * (MAX_ENTRIES + 1)))
    error = refused(lambda: reader(data))
    assert 1 == len(error.problems)
    assert f"more than {MAX_ENTRIES:,} entries" in error.problems[0][1]


@pytest.mark.parametrize("reader", [read, reflections_from_fhir])
def test_a_bundle_with_too_many_values_is_refused(reader: Callable[[Any], object]) -> None:
    block = [0] * MAX_ENTRIES
    data = bundle(careplan(note=[block] * (MAX_VALUES // MAX_ENTRIES + 1)))
    error = refused(lambda: reader(data))
    assert [("$", f"holds more than {MAX_VALUES:,} values in all")] == list(error.problems)


def test_many_activities_within_the_limits_are_each_reported() -> None:
    bad = activity(periodUnit="h")
    error = refused(lambda: read(bundle(careplan(activity=[bad] * 500))))
    assert 500 == len(error.problems)


# --- 5. the arguments of to_fhir and from_fhir ---------------------------------------------


def small_plan() -> Plan:
    return daily_plan()


@pytest.mark.parametrize("version", ["R3", "r4", "R4 ", "4.0.1", "", None, 4, CANARY])
def test_to_fhir_refuses_a_version_other_than_r4_or_r5(version: object) -> None:
    error = refused(
        lambda: to_fhir(small_plan(), version=version, subject="Patient/123")  # type: ignore[arg-type]
    )
    assert ["version"] == paths(error)
    assert "R4" in error.problems[0][1]


@pytest.mark.parametrize(
    "subject",
    [
        "Patient",
        "123",
        "patient/123",
        "Patient/",
        "/123",
        "Patient/12 3",
        "Patient/123/_history/1",
        CANARY,
        f"Patient/{CANARY}",
        "",
        None,
        123,
        {"reference": "Patient/123"},
    ],
)
def test_to_fhir_refuses_a_subject_that_is_not_a_reference(subject: object) -> None:
    error = refused(
        lambda: to_fhir(small_plan(), version="R4", subject=subject)  # type: ignore[arg-type]
    )
    assert ["subject"] == paths(error)
    assert "Patient/123" in error.problems[0][1]


def test_to_fhir_refuses_a_plan_naming_a_strategy_the_catalog_does_not_hold() -> None:
    plan = daily_plan(PlanItem("yoga-nidra", Recurrence.daily(), 20))
    with pytest.raises(UnknownIdError) as caught:
        to_fhir(plan, version="R4", subject="Patient/123")
    assert ["yoga-nidra"] == [unknown.id for unknown in caught.value.unknown]


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"timezone": CANARY}, "timezone"),
        ({"timezone": 0}, "timezone"),
        ({"role": "client"}, "role"),
        ({"role": CANARY}, "role"),
    ],
)
def test_from_fhir_refuses_a_bad_timezone_or_role_argument(
    options: dict[str, Any], field: str
) -> None:
    error = refused(lambda: from_fhir(bundle(careplan()), **options))
    assert [field] == paths(error)


def test_reflections_from_fhir_refuses_a_bad_timezone_argument() -> None:
    error = refused(lambda: reflections_from_fhir(BUNDLES["R4"], timezone=CANARY))
    assert ["timezone"] == paths(error)


# --- known problems of the reader ----------------------------------------------------------


def test_an_unknown_repeat_key_is_not_quoted() -> None:
    item = activity()
    item["detail"]["scheduledTiming"]["repeat"][CANARY] = 1
    error = refused(lambda: read(bundle(careplan(activity=[item]))))
    assert [f"{R4_TIMING.format(n=0)}.repeat"] == [p.rsplit(".?", 1)[0] for p in paths(error)]


#: Malformed bundles on which a reader raises something other than a ValidationError.
CRASHES: dict[str, tuple[Callable[[Any], object], Callable[[], dict[str, Any]]]] = {
    "durationUnit an object (TypeError)": (read, lambda: timing_change(durationUnit={})),
    "durationUnit a list (TypeError)": (read, lambda: timing_change(durationUnit=["min"])),
    "duration NaN, as json.loads gives (ValueError)": (
        read,
        lambda: timing_change(duration=math.nan),
    ),
    "duration Infinity (OverflowError)": (read, lambda: timing_change(duration=math.inf)),
    "status an object (TypeError)": (read, lambda: bundle(careplan(status={}))),
    "CarePlan.extension an object (Unreadable escapes)": (
        read,
        lambda: bundle(careplan(extension={})),
    ),
    "CarePlan.extension[0] a number (Unreadable escapes)": (
        read,
        lambda: bundle(careplan(extension=[1])),
    ),
    "month extension url a list (TypeError)": (
        read,
        lambda: timing_change(periodUnit="mo", extension=[{"url": [], "valueInteger": 1}]),
    ),
    "Provenance._recorded.extension a number (TypeError)": (
        from_fhir,
        lambda: written_r4_with(set_in("Provenance", ("_recorded", "extension"), 5)),
    ),
    "Provenance entity reference an object (TypeError)": (
        from_fhir,
        lambda: written_r4_with(set_in("Provenance", ("entity", 0, "what", "reference"), {})),
    ),
    "contained R5 activity reference a list (TypeError)": (
        from_fhir,
        lambda: written_r5_with(
            set_in(
                "Provenance",
                ("contained", 0, "activity", 0, "plannedActivityReference", "reference"),
                [],
            )
        ),
    ),
    "Observation._effectiveDateTime.extension a number (TypeError)": (
        reflections_from_fhir,
        lambda: written_r4_with(set_in("Observation", ("_effectiveDateTime", "extension"), 5)),
    ),
}


@pytest.mark.parametrize("case", sorted(CRASHES))
def test_a_malformed_bundle_gives_a_validation_error(case: str) -> None:
    """Each once raised another exception (the name says which); now a ValidationError."""
    reader, build = CRASHES[case]
    refused(lambda: reader(build()))


def test_a_problem_inside_an_activity_is_reported_by_its_fhir_path() -> None:
    item = activity()
    item["detail"]["reasonCode"] = [{**coded("goal", REASON), "text": "x" * 201}]
    error = refused(lambda: read(bundle(careplan(activity=[item]))))
    assert ["CarePlan.activity[0].detail.reasonCode[0]"] == paths(error)
    assert "(text)" in str(error)


def test_a_status_problem_and_activity_problems_are_listed_together() -> None:
    resource = careplan(status="on-hold", activity=[activity("22253000", SNOMED)])
    error = refused(lambda: read(bundle(resource)))
    assert ["CarePlan.status", "CarePlan.activity[0].detail.code"] == paths(error)


def test_once_a_week_on_one_of_two_days_is_not_read_as_both_days() -> None:
    data = timing_change(periodUnit="wk", dayOfWeek=["mon", "wed"], timeOfDay=None)
    error = refused(lambda: read(data))
    assert all(p.startswith(f"{R4_TIMING.format(n=0)}.repeat") for p in paths(error))


def test_twice_a_day_on_two_days_is_not_read_as_once_a_day() -> None:
    data = timing_change(frequency=2, dayOfWeek=["mon", "wed"], timeOfDay=None)
    error = refused(lambda: read(data))
    assert all(p.startswith(f"{R4_TIMING.format(n=0)}.repeat") for p in paths(error))


def negated(where: str) -> dict[str, Any]:
    item = activity()
    modifier = [
        {"url": "http://example.org/fhir/StructureDefinition/negated", "valueBoolean": True}
    ]
    if where == "doNotPerform":
        item["detail"]["doNotPerform"] = True
    elif where == "entered-in-error":
        item["detail"]["status"] = "entered-in-error"
    elif where == "detail":
        item["detail"]["modifierExtension"] = modifier
    elif where == "activity":
        item["modifierExtension"] = modifier
    else:
        return bundle(careplan(modifierExtension=modifier))
    return bundle(careplan(activity=[item]))


@pytest.mark.parametrize(
    "where", ["doNotPerform", "entered-in-error", "detail", "activity", "careplan"]
)
def test_an_activity_with_a_modifier_the_reader_does_not_understand_is_refused(
    where: str,
) -> None:
    error = refused(lambda: read(negated(where)))
    assert all(p.startswith("CarePlan") for p in paths(error))


PLAN_PAUSE = f"{CANON}/StructureDefinition/plan-pause"
REMINDER = f"{CANON}/StructureDefinition/reminder"


def rest(start: Any = "2026-01-12", end: Any = "2026-01-18", kind: Any = "holiday") -> Any:
    """A plan-pause modifier extension as the library writes it."""
    return {
        "url": PLAN_PAUSE,
        "extension": [
            {"url": "period", "valuePeriod": {"start": start, "end": end}},
            {"url": "kind", "valueCode": kind},
        ],
    }


def test_a_rest_and_reminders_written_by_hand_are_read() -> None:
    """The plan-pause modifier on the CarePlan and reminder extensions on an activity."""
    item = activity()
    minutes = {"unit": "min", "system": "http://unitsofmeasure.org", "code": "min"}
    item["detail"]["extension"] = [
        {"url": REMINDER, "valueDuration": {"value": 15, **minutes}},
        {"url": REMINDER, "valueDuration": {"value": 0, **minutes}},
    ]
    plan = read(bundle(careplan(activity=[item], modifierExtension=[rest()])))
    walk = PlanItem("short-walk", Recurrence.daily(dt.time(7, 30)), 10, reminders=(15, 0))
    holiday = Pause(Period(dt.date(2026, 1, 12), dt.date(2026, 1, 18)), PauseKind.HOLIDAY)
    assert daily_plan(walk, pauses=[holiday]) == plan


@pytest.mark.parametrize(
    ("modifier", "path"),
    [
        (rest(kind=CANARY), "CarePlan.modifierExtension[0].kind"),
        (rest(end="2026-01-01"), "CarePlan.modifierExtension[0].period.end"),
        (rest(start=CANARY), "CarePlan.modifierExtension[0].period.start"),
        (rest(start="2025-12-01"), "CarePlan"),  # outside the plan: "... (pauses[0].period)"
        ({"url": PLAN_PAUSE}, "CarePlan.modifierExtension[0].extension"),
    ],
)
def test_a_rest_that_cannot_be_read_is_named_by_its_path(modifier: Any, path: str) -> None:
    """A bad kind, days out of order or outside the plan: the path, never the text."""
    error = refused(lambda: read(bundle(careplan(modifierExtension=[modifier]))))
    assert [path] == paths(error)


@pytest.mark.parametrize(
    "duration",
    [
        {"value": 10, "code": "h"},
        {"value": CANARY, "code": "min"},
        {"value": -5, "code": "min"},
        {"value": 10_081, "code": "min"},
    ],
)
def test_a_reminder_that_cannot_be_read_is_refused(duration: dict[str, Any]) -> None:
    item = activity()
    item["detail"]["extension"] = [{"url": REMINDER, "valueDuration": duration}]
    error = refused(lambda: read(bundle(careplan(activity=[item]))))
    assert all(p.startswith("CarePlan.activity[0].detail") for p in paths(error))


def test_an_r5_request_not_to_perform_is_refused() -> None:
    request = service_request("sr-1")
    request["doNotPerform"] = True
    error = refused(lambda: read(r5_careplan(request)))
    assert paths(error)


def test_a_malformed_date_time_period_start_is_refused() -> None:
    error = refused(
        lambda: read(bundle(careplan(period={"start": "2026-01-05Tnonsense", "end": "2026-02-01"})))
    )
    assert ["CarePlan.period.start"] == paths(error)


def test_a_reason_fact_value_integer_must_be_an_integer() -> None:
    item = activity()
    item["detail"]["reasonCode"] = [
        {
            **coded("goal", REASON),
            "text": "serves your goal",
            "extension": [
                {
                    "url": f"{CANON}/StructureDefinition/reason-fact",
                    "extension": [
                        {"url": "name", "valueCode": "goals_matched"},
                        {"url": "value", "valueInteger": "one"},
                    ],
                }
            ],
        }
    ]
    refused(lambda: read(bundle(careplan(activity=[item]))))


@pytest.mark.parametrize("hours", [2.05, 4.1])
def test_a_decimal_number_of_hours_that_is_whole_minutes_is_read(hours: float) -> None:
    plan = read(timing_change(duration=hours, durationUnit="h"))
    assert [round(hours * 60)] == [item.minutes for item in plan.items]


def test_a_ritual_step_naming_a_strategy_the_catalog_lacks_is_refused() -> None:
    def change(data: dict[str, Any]) -> None:
        for item in of_kind(data, "CarePlan")["activity"]:
            for extension in item["detail"].get("extension", []):
                step = next(p for p in extension["extension"] if p["url"] == "step")
                step["extension"][0]["valueCode"] = "yoga-nidra"

    refused(lambda: from_fhir(written_r4_with(change)))
