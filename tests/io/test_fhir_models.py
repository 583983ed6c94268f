"""Every FHIR resource the library writes, read by independent FHIR models.

R5 bundles are validated by ``fhir.resources`` (the FHIR 5.0.0 pydantic models); R4 bundles
by ``fhir.resources.R4B`` (4.3.0, whose CarePlan, Goal, Provenance, Observation, CodeSystem
and ValueSet are those of 4.0.1) and by ``fhirclient``'s 4.0.1 models in strict mode. Both
libraries refuse elements they do not know, so an R5-only element in an R4 bundle (or the
reverse) is rejected. Their ``Bundle`` validates each entry's resource and each contained
resource in full (``test_the_validators_*`` holds them to it); each entry and each contained
resource is validated again by its own class all the same.

Neither library checks codes against required bindings, nor the invariants FHIR states in
FHIRPath, so the rules a FHIR reader relies on are checked here: a collection bundle whose
full URLs are unique and name their resource's id; ids of at most 64 characters; references
that resolve (``urn:uuid:`` to an entry, ``#id`` to a contained resource of the same
resource) to a type the element allows; codes of required bindings in their value sets;
codes of the library's systems in ``terminology()``, with its displays; nothing empty
(ele-1); an extension with a value or extensions but not both (ext-1); contained resources
within dom-2 to dom-5; every ``Timing`` within tim-1 to tim-10 and naming its zone; periods
that end on or after their start (per-1); date-times with the offset their zone has then;
and code systems whose codes are unique (csd-1) and value sets that include them.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import copy
import datetime as dt
import re
import uuid
import zoneinfo
from collections.abc import Iterator, Sequence
from typing import Any

import attrs
import pendulum
import pydantic
import pytest
from fhir.resources import get_fhir_model_class as r5_model
from fhir.resources.bundle import Bundle as R5Bundle
from fhir.resources.R4B import get_fhir_model_class as r4b_model
from fhir.resources.R4B.bundle import Bundle as R4BBundle
from fhirclient.models.bundle import Bundle as R4Bundle
from fhirclient.models.fhirabstractbase import FHIRValidationError
from fhirclient.models.fhirelementfactory import FHIRElementFactory
from hypothesis import given, settings
from hypothesis import strategies as st

from selfcare import (
    Benefit,
    Catalog,
    Category,
    Contributor,
    Pause,
    PauseKind,
    Period,
    Plan,
    PlanItem,
    Practice,
    Profile,
    Recurrence,
    Reflection,
    Role,
    Strategy,
    TimeOfDay,
    Unit,
    Weekday,
    WorkingHours,
    default_catalog,
    generate_plan,
)
from selfcare.fhir import Version, terminology, to_fhir
from selfcare.testing import catalogs, plans, reflections
from tests.io.plan_catalogs import catalog_for

CATALOG = default_catalog()
IDS = sorted(s.id for s in CATALOG.strategies)
VERSIONS: tuple[Version, ...] = ("R4", "R5")
SUBJECT = "Patient/123"
CANON = "https://w3id.org/selfcare/fhir"
UCUM = "http://unitsofmeasure.org"
ZONE_URL = {
    "R4": "http://hl7.org/fhir/StructureDefinition/tz-code",
    "R5": "http://hl7.org/fhir/StructureDefinition/timezone",
}
#: The zones generated plans are drawn in: DST in the north and the south, a half hour.
PLAN_ZONES = ("Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Auckland")
THERAPIST = Contributor("therapist-1", Role.THERAPIST)
CLIENT = Contributor("client-7", Role.CLIENT)

ID = re.compile(r"[A-Za-z0-9\-\.]{1,64}")
LITERAL = re.compile(r"[A-Z][A-Za-z]+/[A-Za-z0-9\-\.]{1,64}")
DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T")
OFFSET = re.compile(r"(Z|[+-]\d{2}:\d{2})$")
NAME = re.compile(r"[A-Z][A-Za-z0-9_]{0,254}")  # cnl-0
ZONES = zoneinfo.available_timezones()

# --- what FHIR allows -----------------------------------------------------------------------

#: Elements of the resources the library writes that the other version does not have.
ONLY_IN = {
    "R5": {
        "CarePlan": {"custodian"},
        "CarePlan.activity": {"plannedActivityReference", "performedActivity"},
        "Provenance": {"authorization", "patient", "basedOn", "encounter"},
    },
    "R4": {
        "CarePlan": {"author"},
        "CarePlan.activity": {"detail", "reference", "outcomeCodeableConcept"},
        "Provenance": {"reason"},
    },
}

REQUEST_STATUS = {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error"}
REQUEST_STATUS |= {"unknown"}
PUBLICATION_STATUS = {"draft", "active", "retired", "unknown"}
UNITS = {"s", "min", "h", "d", "wk", "mo", "a"}
DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

#: The codes required bindings allow, for the coded elements the library writes.
BINDINGS: dict[str, dict[str, set[str]]] = {
    "R4": {
        "CarePlan.status": REQUEST_STATUS,
        "CarePlan.intent": {"proposal", "plan", "order", "option"},
        "CarePlan.activity.detail.status": {
            "not-started",
            "scheduled",
            "in-progress",
            "on-hold",
            "completed",
            "cancelled",
            "stopped",
            "unknown",
            "entered-in-error",
        },
        "Goal.lifecycleStatus": {
            "proposed",
            "planned",
            "accepted",
            "active",
            "on-hold",
            "completed",
            "cancelled",
            "entered-in-error",
            "rejected",
        },
        "Provenance.entity.role": {"derivation", "revision", "quotation", "source", "removal"},
        "Observation.status": {
            "registered",
            "preliminary",
            "final",
            "amended",
            "corrected",
            "cancelled",
            "entered-in-error",
            "unknown",
        },
        "CodeSystem.status": PUBLICATION_STATUS,
        "CodeSystem.content": {"not-present", "example", "fragment", "complete", "supplement"},
        "CodeSystem.hierarchyMeaning": {"grouped-by", "is-a", "part-of", "classified-with"},
        "ValueSet.status": PUBLICATION_STATUS,
    },
}
BINDINGS["R5"] = {
    **{k: v for k, v in BINDINGS["R4"].items() if not k.startswith("CarePlan.activity.")},
    "CarePlan.intent": {"proposal", "plan", "order", "option", "directive"},
    "ServiceRequest.status": REQUEST_STATUS,
    "ServiceRequest.intent": {
        "proposal",
        "plan",
        "directive",
        "order",
        "original-order",
        "reflex-order",
        "filler-order",
        "instance-order",
        "option",
    },
    "Provenance.entity.role": {"revision", "quotation", "source", "instantiates", "removal"},
}

#: The codes (with their displays) of the HL7 and UCUM systems the library uses.
EXTERNAL_CODES = {
    "http://terminology.hl7.org/CodeSystem/observation-category": {"survey": "Survey"},
    "http://terminology.hl7.org/CodeSystem/v3-DataOperation": {"UPDATE": "revise"},
    "http://terminology.hl7.org/CodeSystem/provenance-participant-type": {"author": "Author"},
    UCUM: {
        "min": "minute",
        "{score}": "score",
        "1": "number",  # an amount of a strategy the catalog gives no unit
        **{"{" + u.value + "}": u.value for u in Unit if u is not Unit.MINUTES},
    },
}

PEOPLE = {"Patient", "Practitioner", "PractitionerRole", "RelatedPerson"}
CARE = PEOPLE | {"Device", "Organization", "CareTeam"}
REQUESTS = {
    "Appointment",
    "CommunicationRequest",
    "DeviceRequest",
    "MedicationRequest",
    "NutritionOrder",
    "Task",
    "ServiceRequest",
    "VisionPrescription",
}
#: The types a reference may point to, by its resource and element path; None: any type.
TARGETS: dict[str, dict[str, set[str] | None]] = {
    "R4": {
        "CarePlan.subject": {"Patient", "Group"},
        "CarePlan.goal": {"Goal"},
        "CarePlan.author": CARE,
        "CarePlan.contributor": CARE,
        "CarePlan.activity.reference": REQUESTS | {"RequestGroup"},
        "CarePlan.activity.detail.goal": {"Goal"},
        "Goal.subject": {"Patient", "Group", "Organization"},
        "Provenance.target": None,
        "Provenance.entity.what": None,
        "Provenance.agent.who": PEOPLE | {"Device", "Organization"},
        "Observation.subject": {"Patient", "Group", "Device", "Location"},
        "Observation.basedOn": {"CarePlan", "MedicationRequest", "ServiceRequest"},
        "Observation.focus": None,
        "Observation.derivedFrom": {"QuestionnaireResponse", "Observation", "DocumentReference"}
        | {"ImagingStudy", "Media", "MolecularSequence"},
        "QuestionnaireResponse.subject": None,  # any resource
    },
}
TARGETS["R5"] = {
    **{k: v for k, v in TARGETS["R4"].items() if not k.startswith("CarePlan.a")},
    "CarePlan.custodian": CARE,
    "CarePlan.activity.plannedActivityReference": REQUESTS
    | {"RequestOrchestration", "ImmunizationRecommendation", "SupplyRequest"},
    "ServiceRequest.subject": {"Patient", "Group", "Location", "Device"},
    "ServiceRequest.basedOn": {"CarePlan", "ServiceRequest", "MedicationRequest"},
    "Provenance.agent.who": CARE,
    "Observation.subject": {"Patient", "Group", "Device", "Location", "Organization"}
    | {"Procedure", "Practitioner", "Medication", "Substance", "BiologicallyDerivedProduct"}
    | {"NutritionProduct"},
    "Observation.derivedFrom": None,  # R5: any resource
}

# --- walking resources ----------------------------------------------------------------------


def walk(node: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every value under ``node`` with its path of element names (list positions left out)."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, (*path, key))
    elif isinstance(node, list):
        for value in node:
            yield from walk(value, path)


def elements(resource: dict[str, Any]) -> Iterator[tuple[tuple[str, ...], Any]]:
    """The resource's own values (not those of its contained resources), by path."""
    for key, value in resource.items():
        if key != "contained":
            yield from walk(value, (key,))


def resources(bundle: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Each entry's resource and each resource it contains, with the entry's resource."""
    for entry in bundle.get("entry", []):
        top = entry["resource"]
        yield top, top
        for inner in top.get("contained", []):
            yield top, inner


def values_at(node: Any, path: Sequence[str]) -> Iterator[Any]:
    """The values at a path of element names, through lists."""
    if isinstance(node, list):
        for item in node:
            yield from values_at(item, path)
    elif not path:
        yield node
    elif isinstance(node, dict) and path[0] in node:
        yield from values_at(node[path[0]], path[1:])


def entry_kinds(bundle: dict[str, Any]) -> list[str]:
    """The resource type of each entry, in order."""
    return [entry["resource"]["resourceType"] for entry in bundle.get("entry", [])]


def all_kinds(bundle: dict[str, Any]) -> set[str]:
    """The resource types of the entries and of the resources they contain."""
    return {resource["resourceType"] for _, resource in resources(bundle)}


# --- the independent models -----------------------------------------------------------------


def validate_r5(bundle: dict[str, Any]) -> None:
    """``fhir.resources`` (5.0.0): the bundle, each entry's resource, each contained one."""
    R5Bundle.model_validate(bundle)
    for _, resource in resources(bundle):
        r5_model(resource["resourceType"]).model_validate(resource)


def validate_r4(bundle: dict[str, Any]) -> None:
    """``fhir.resources.R4B`` (4.3.0), then ``fhirclient`` (4.0.1, strict), the same way."""
    R4BBundle.model_validate(bundle)
    for _, resource in resources(bundle):
        r4b_model(resource["resourceType"]).model_validate(resource)
    R4Bundle(copy.deepcopy(bundle), strict=True)
    for _, resource in resources(bundle):
        FHIRElementFactory.instantiate(resource["resourceType"], copy.deepcopy(resource))


def validate(bundle: dict[str, Any], version: Version) -> None:
    """The bundle, by the independent models of its version."""
    if version == "R5":
        validate_r5(bundle)
    else:
        validate_r4(bundle)


# --- what a FHIR reader relies on -----------------------------------------------------------


def check_bundle(bundle: dict[str, Any]) -> None:
    """A collection; unique full URLs, each the ``urn:uuid:`` of its resource's id; ids."""
    assert "Bundle" == bundle["resourceType"]
    assert "collection" == bundle["type"]
    urls = [entry["fullUrl"] for entry in bundle.get("entry", [])]
    assert len(urls) == len(set(urls))
    for entry in bundle.get("entry", []):
        assert f"urn:uuid:{uuid.UUID(entry['resource']['id'])}" == entry["fullUrl"]
    for _, resource in resources(bundle):
        assert ID.fullmatch(resource["id"]), resource["id"]
        assert ID.fullmatch(resource.get("meta", {}).get("versionId", "1"))


def check_version(bundle: dict[str, Any], version: Version) -> None:
    """No element, resource type or zone extension of the other FHIR version."""
    other = ONLY_IN["R5" if version == "R4" else "R4"]
    for _, resource in resources(bundle):
        kind = resource["resourceType"]
        assert set() == other.get(kind, set()) & resource.keys(), kind
        for activity in resource.get("activity", []) if kind == "CarePlan" else []:
            assert set() == other["CarePlan.activity"] & activity.keys()
    if version == "R4":
        assert "ServiceRequest" not in all_kinds(bundle)
    other_zone = ZONE_URL["R5" if version == "R4" else "R4"]
    assert [] == [p for p, v in walk(bundle) if p[-1:] == ("url",) and v == other_zone]


def references(resource: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each ``Reference`` of a resource (not of those it contains), with its element path."""
    for path, value in elements(resource):
        if isinstance(value, dict) and (
            isinstance(value.get("reference"), str)
            or (isinstance(value.get("type"), str) and "identifier" in value)
        ):
            yield ".".join((resource["resourceType"], *path)), value


def check_references(bundle: dict[str, Any], version: Version) -> None:
    """References resolve, to a resource of a type the element allows."""
    by_url = {entry["fullUrl"]: entry["resource"] for entry in bundle.get("entry", [])}
    for top, resource in resources(bundle):
        contained = {inner["id"]: inner for inner in top.get("contained", [])}
        for where, value in references(resource):
            reference = value.get("reference")
            target = None
            if reference is None:
                pass
            elif reference.startswith("urn:uuid:"):
                assert reference in by_url, f"{where}: {reference} is no entry's fullUrl"
                target = by_url[reference]["resourceType"]
            elif reference == "#":
                target = top["resourceType"]
            elif reference.startswith("#"):
                assert reference[1:] in contained, f"{where}: {reference} is not contained"
                target = contained[reference[1:]]["resourceType"]
            else:
                assert LITERAL.fullmatch(reference), f"{where}: {reference}"
                target = reference.split("/")[0]
            if "type" in value:
                assert target in (None, value["type"]), f"{where}: {target} is no {value['type']}"
                target = value["type"]
            assert where in TARGETS[version], f"{where}: a reference this test does not know"
            allowed = TARGETS[version][where]
            assert allowed is None or target in allowed, f"{where}: refers to a {target}"


def check_contained(bundle: dict[str, Any]) -> None:
    """dom-2 to dom-5: not nested, referred to, no versionId, lastUpdated or security."""
    for entry in bundle.get("entry", []):
        top = entry["resource"]
        ids = [inner["id"] for inner in top.get("contained", [])]
        assert len(ids) == len(set(ids))
        referred = {v for p, v in walk(top) if p[-1:] == ("reference",)}
        for inner in top.get("contained", []):
            assert "contained" not in inner  # dom-2
            back = {v for p, v in walk(inner) if p[-1:] == ("reference",)}
            assert f"#{inner['id']}" in referred or "#" in back  # dom-3
            meta = inner.get("meta", {})
            assert set() == {"versionId", "lastUpdated"} & meta.keys()  # dom-4
            assert "security" not in meta  # dom-5


def check_elements(bundle: dict[str, Any], version: Version) -> None:
    """ele-1: nothing empty or null; ext-1; the zones named; date-times with an offset."""
    for path, value in walk(bundle):
        where = ".".join(path)
        assert value is not None, where
        assert value not in ("", [], {}), where
        if path[-1:] in (("extension",), ("modifierExtension",)) and isinstance(value, dict):
            values = [key for key in value if key.startswith("value")]
            assert ("extension" in value) != bool(values), f"ext-1 at {where}: {value}"
            assert len(values) <= 1, where
            if value["url"] == ZONE_URL[version]:
                assert ["valueCode"] == values, where
                assert value["valueCode"] in ZONES, where
        if isinstance(value, str) and DATE_TIME.match(value):
            assert OFFSET.search(value), f"{where}: {value} has a time without an offset"


def zone_of(element: dict[str, Any] | None, version: Version) -> str | None:
    """The zone the time-zone extension on an element (or on a primitive's ``_``) names."""
    for extension in (element or {}).get("extension", []):
        if extension["url"] == ZONE_URL[version]:
            zone: str = extension["valueCode"]
            return zone
    return None


def check_timing(timing: dict[str, Any], version: Version) -> None:
    """tim-1 to tim-10 on a ``Timing``, its codes, and the zone its times are in."""
    repeat = timing.get("repeat", {})
    assert "duration" not in repeat or "durationUnit" in repeat  # tim-1
    assert "period" not in repeat or "periodUnit" in repeat  # tim-2
    assert repeat.get("duration", 0) >= 0  # tim-4
    assert repeat.get("period", 0) >= 0  # tim-5
    assert "periodMax" not in repeat or "period" in repeat  # tim-6
    assert "durationMax" not in repeat or "duration" in repeat  # tim-7
    assert "countMax" not in repeat or "count" in repeat  # tim-8
    assert "offset" not in repeat or "when" in repeat  # tim-9
    assert not {"timeOfDay", "when"} <= repeat.keys()  # tim-10
    assert {repeat.get("periodUnit", "d"), repeat.get("durationUnit", "d")} <= UNITS
    assert set(repeat.get("dayOfWeek", [])) <= DAYS
    assert repeat.get("frequency", 1) >= 1
    assert repeat.get("count", 1) >= 1
    assert zone_of(timing, version) in ZONES, "a Timing names no zone"


def check_times(bundle: dict[str, Any], version: Version) -> None:
    """Timings; per-1; an instant's offset is its zone's at that instant."""
    for _, resource in resources(bundle):
        kind = resource["resourceType"]
        for path, value in elements(resource):
            if path[-1] in ("scheduledTiming", "occurrenceTiming"):
                check_timing(value, version)
            if path[-1] in ("period", "boundsPeriod", "valuePeriod") and isinstance(value, dict):
                assert value.get("start", "") <= value.get("end", "9"), f"per-1 at {path}"
        for name in ("recorded", "effectiveDateTime"):
            if name in resource:
                zone = zone_of(resource.get("_" + name), version)
                assert zone is not None, f"{kind}.{name} names no zone"
                instant = dt.datetime.fromisoformat(resource[name])
                local = instant.astimezone(zoneinfo.ZoneInfo(zone))
                assert local.utcoffset() == instant.utcoffset(), f"{kind}.{name}"


def check_codes(
    bundle: dict[str, Any], version: Version, systems: dict[str, dict[str, str]] | None
) -> None:
    """Required bindings; a coding of a known system has its code and display.

    ``systems`` are the codes of the library's systems, by URL; ``None`` leaves them out.
    """
    for _, resource in resources(bundle):
        kind = resource["resourceType"]
        for key, allowed in BINDINGS[version].items():
            if key.startswith(kind + "."):
                found = set(values_at(resource, key.split(".")[1:]))
                assert set() == found - allowed, key
        for path, value in elements(resource):
            if path[-1:] == ("valueQuantity",):
                assert UCUM == value["system"]  # qty-3, and a code of UCUM
                assert value["code"] in EXTERNAL_CODES[UCUM]
            elif isinstance(value, dict) and {"system", "code"} <= value.keys():
                if systems is None and value["system"].startswith(CANON):
                    continue
                known = {**EXTERNAL_CODES, **(systems or {})}
                assert value["system"] in known, f"{'.'.join(path)}: {value['system']}"
                codes = known[value["system"]]
                assert value["code"] in codes, f"{value['system']}: {value['code']}"
                display = codes[value["code"]]
                assert display == value.get("display", display), f"{'.'.join(path)}: {value}"


def concepts(system: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every concept of a code system or concept, through the hierarchy."""
    for concept in system.get("concept", []):
        yield concept
        yield from concepts(concept)


def code_tables(codes: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Each code system's codes with their displays, by canonical URL."""
    return {
        entry["resource"]["url"]: {
            c["code"]: c.get("display", "") for c in concepts(entry["resource"])
        }
        for entry in codes.get("entry", [])
        if "CodeSystem" == entry["resource"]["resourceType"]
    }


def check(
    bundle: dict[str, Any], version: Version, catalog: Catalog | None = None, *, codes: bool = True
) -> None:
    """The independent models, then the rules they leave out."""
    validate(bundle, version)
    check_bundle(bundle)
    check_version(bundle, version)
    check_references(bundle, version)
    check_contained(bundle)
    check_elements(bundle, version)
    check_times(bundle, version)
    systems = code_tables(terminology(catalog, version=version)) if codes else None
    check_codes(bundle, version, systems)


def check_terminology(bundle: dict[str, Any], version: Version) -> None:
    """Code systems with unique codes (csd-1) and names (cnl-0); a value set of them."""
    check(bundle, version, codes=False)
    assert ["ValueSet"] == [k for k in entry_kinds(bundle) if k != "CodeSystem"]
    found = [entry["resource"] for entry in bundle.get("entry", [])]
    systems = [r for r in found if "CodeSystem" == r["resourceType"]]
    urls = [s["url"] for s in systems]
    assert len(urls) == len(set(urls))
    for system in systems:
        codes = [c["code"] for c in concepts(system)]
        assert len(codes) == len(set(codes)), f"csd-1 in {system['url']}: {codes}"
        assert NAME.fullmatch(system["name"]), system["name"]
    (value_set,) = [r for r in found if "ValueSet" == r["resourceType"]]
    assert NAME.fullmatch(value_set["name"])
    for include in value_set["compose"]["include"]:
        assert "system" in include or "valueSet" in include
        assert include["system"] in urls
        wanted = {c["code"] for c in include.get("concept", [])}
        table = {c["code"] for s in systems if s["url"] == include["system"] for c in concepts(s)}
        assert set() == wanted - table


# --- generated plans through their life -----------------------------------------------------


@st.composite
def changes(draw: st.DrawFn, plan: Plan) -> dict[str, Any]:
    """A revision: an item paused and with skipped dates, a monthly item added, other goals."""
    first = plan.period.first
    inside = st.integers(0, plan.period.days - 1).map(lambda n: first + dt.timedelta(days=n))
    found: dict[str, Any] = {}
    if plan.items:
        item = draw(st.sampled_from(plan.items))
        begins = draw(inside)
        pause = Period(begins, begins + dt.timedelta(days=draw(st.integers(0, 9))))
        skipped = draw(st.lists(inside, min_size=1, max_size=3))
        changed = attrs.evolve(
            item,
            pauses=[*item.pauses, pause],
            recurrence=item.recurrence.with_skipped(*skipped),
        )
        found["replace"] = [changed]
    free = sorted(s.id for s in CATALOG.find(role=plan.role) if s.id not in plan.strategy_ids)
    monthly = st.one_of(
        st.builds(
            Recurrence.monthly,
            st.integers(1, 31) | st.just(-1),
            st.none() | st.just(dt.time(18, 30)),
            every_months=st.integers(1, 3),
        ),
        st.builds(
            Recurrence.monthly,
            weekday=st.sampled_from(Weekday),
            nth=st.sampled_from([1, 2, 3, 4, -1]),
        ),
    )
    found["add"] = [PlanItem(draw(st.sampled_from(free)), draw(monthly), draw(st.integers(5, 60)))]
    found["goals"] = draw(st.frozensets(st.sampled_from(Benefit), min_size=1, max_size=3))
    return found


@st.composite
def generated_plans(draw: st.DrawFn) -> Plan:
    """A client's or a therapist's generated plan: revised, agreed, revised again, ended."""
    role = draw(st.sampled_from(Role))
    zone = draw(st.sampled_from(PLAN_ZONES))
    start = draw(st.dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31)))
    profile = Profile(
        role=role,
        timezone=zone,
        daily_minutes=draw(st.lists(st.integers(15, 90), min_size=7, max_size=7)),
        goals=draw(st.frozensets(st.sampled_from(Benefit), max_size=3)),
        preferred_times=draw(st.frozensets(st.sampled_from(TimeOfDay), max_size=2)),
        working_hours=WorkingHours(dt.time(9), dt.time(17)) if role is Role.THERAPIST else None,
    )
    weeks = draw(st.integers(2, 12))
    plan = generate_plan(profile, start=start, weeks=weeks, seed=draw(st.integers(0, 1000)))
    person = CLIENT if role is Role.CLIENT else THERAPIST
    steps = draw(st.integers(0, 4))
    instants = [pendulum.datetime(start.year, start.month, start.day, 15, tz=zone).subtract(days=3)]

    def when() -> Any:
        instants.append(instants[-1].add(hours=draw(st.integers(1, 72))))
        return instants[-1].in_tz(draw(st.sampled_from(PLAN_ZONES)))

    if steps >= 1:
        reason = draw(st.sampled_from(["agreed in our session", "", "too much at once"]))
        plan = plan.revise(by=THERAPIST, at=when(), reason=reason, **draw(changes(plan)))
    if steps >= 2:
        plan = plan.activate(by=person, at=when())
    if steps >= 3:
        plan = plan.revise(
            by=person,
            at=when(),
            reason="fewer things at once",
            remove=[plan.items[-1].strategy_id],
            rituals=plan.rituals[:-1],
        )
    if steps >= 4:
        plan = plan.complete() if draw(st.booleans()) else plan.revoke()
    return plan


def reflections_in(plan: Plan) -> st.SearchStrategy[list[Reflection]]:
    """Check-ins over the plan's days, in any of the zones, practising its strategies."""
    at = st.builds(
        lambda day, minutes, zone: pendulum.datetime(day.year, day.month, day.day, tz=zone).add(
            minutes=minutes
        ),
        st.dates(plan.period.first, plan.period.last),
        st.integers(0, 24 * 60 - 1),
        st.sampled_from(PLAN_ZONES),
    )
    return st.lists(reflections(at=at, strategy_ids=plan.strategy_ids or IDS), max_size=4)


# --- plans and reflections ------------------------------------------------------------------


#: Each example generates a plan, takes it through its life and validates every resource with
#: three FHIR model packages (about 0.2 s): a fifth of the profile's examples, with the version
#: drawn too, keeps the thorough run within minutes while every zone and change is drawn.
GENERATED = settings(max_examples=max(10, settings().max_examples // 5))


@GENERATED
@given(version=st.sampled_from(VERSIONS), data=st.data())
def test_a_generated_plan_through_its_life_with_reflections_is_valid_fhir(
    version: Version, data: st.DataObject
) -> None:
    plan = data.draw(generated_plans())
    drawn = data.draw(reflections_in(plan))
    private = data.draw(st.booleans())
    bundle = to_fhir(plan, version=version, subject=SUBJECT, private=private, reflections=drawn)
    check(bundle, version)
    assert len(plan.revisions) == entry_kinds(bundle).count("Provenance")
    assert len(drawn) == entry_kinds(bundle).count("Observation")


@given(version=st.sampled_from(VERSIONS), plan=plans(), private=st.booleans())
def test_any_plan_is_valid_fhir(version: Version, plan: Plan, private: bool) -> None:
    catalog = catalog_for(plan)
    bundle = to_fhir(plan, version=version, subject=SUBJECT, catalog=catalog, private=private)
    check(bundle, version, catalog)


@pytest.mark.parametrize("version", VERSIONS)
@given(reflection=reflections(strategy_ids=IDS))
def test_a_reflection_is_valid_fhir(version: Version, reflection: Reflection) -> None:
    bundle = to_fhir(reflection, version=version, subject=SUBJECT)
    check(bundle, version)
    assert ["Observation"] == entry_kinds(bundle)


@pytest.mark.parametrize("version", VERSIONS)
@given(drawn=st.lists(reflections(), max_size=5))
def test_reflections_of_strategies_in_no_catalog_are_valid_fhir(
    version: Version, drawn: list[Reflection]
) -> None:
    """Strategies that left the catalog are still coded, so only the library's codes are not
    looked up."""
    bundle = to_fhir(drawn, version=version, subject=SUBJECT)
    check(bundle, version, codes=False)
    assert ["Observation"] * len(drawn) == entry_kinds(bundle)


@pytest.mark.parametrize("version", VERSIONS)
def test_rests_reminders_and_measured_practices_are_valid_fhir(version: Version) -> None:
    """A plan-pause modifier, reminders, done-at-least, and amounts in each unit or none."""
    units = list(Unit)
    measured = [
        attrs.evolve(s, unit=units[n], target=10) if n < len(units) else s
        for n, s in enumerate(CATALOG.strategies)
    ]
    catalog = attrs.evolve(CATALOG, strategies=measured)
    plan = generate_plan(
        Profile(
            role=Role.THERAPIST,
            timezone="Europe/London",
            daily_minutes=60,
            working_hours=WorkingHours(dt.time(9), dt.time(17)),
        ),
        start=dt.date(2026, 8, 3),
        catalog=catalog,
    )
    rest = Pause(Period(dt.date(2026, 8, 10), dt.date(2026, 8, 14)), PauseKind.ILLNESS)
    plan = attrs.evolve(
        plan,
        items=[attrs.evolve(i, reminders=(10, 60)) for i in plan.items],
        rituals=[attrs.evolve(r, reminders=(5,), done_at_least=1) for r in plan.rituals],
        pauses=[rest],
        contributors=[THERAPIST],
    )
    plan = plan.pause(
        Pause(Period(dt.date(2026, 8, 20), dt.date(2026, 8, 21)), PauseKind.HOLIDAY),
        by=THERAPIST,
        at=pendulum.datetime(2026, 8, 1, tz="Europe/London"),
        reason="a long weekend",
    )
    check_in = Reflection(
        at=pendulum.datetime(2026, 8, 4, 21, tz="Europe/London"),
        author=Role.THERAPIST,
        practised=[
            *(Practice.done(s.id, 5, amount=n) for n, s in enumerate(measured[: len(units)])),
            Practice.done(measured[len(units)].id, amount=3, note="a private note"),
        ],
    )
    bundle = to_fhir(
        plan, version=version, subject=SUBJECT, catalog=catalog, reflections=[check_in]
    )
    check(bundle, version, catalog)
    assert "a private note" not in str(bundle)


@pytest.mark.parametrize("version", VERSIONS)
def test_a_therapists_plan_with_rituals_in_each_zone_is_valid_fhir(version: Version) -> None:
    for n, zone in enumerate(PLAN_ZONES):
        profile = Profile(
            role=Role.THERAPIST,
            timezone=zone,
            daily_minutes=40,
            goals={Benefit.PREVENTS_BURNOUT},
            working_hours=WorkingHours(dt.time(9), dt.time(17)),
        )
        plan = generate_plan(profile, start=dt.date(2026, 3, 23), weeks=6, seed=n)
        assert plan.rituals
        at = pendulum.datetime(2026, 3, 29, 1, 30, tz=zone)  # no such time in London
        plan = plan.revise(
            by=THERAPIST, at=at, reason="on leave", **changes_for(plan, dt.date(2026, 4, 6))
        ).activate(by=THERAPIST, at=at.add(days=1))
        bundle = to_fhir(plan, version=version, subject=SUBJECT, private=True)
        check(bundle, version)
        assert 2 == entry_kinds(bundle).count("Provenance")


@pytest.mark.parametrize("version", VERSIONS)
def test_a_ritual_renamed_in_a_plan_is_coded_with_the_catalogs_display(version: Version) -> None:
    """A reader checks a coding's display against the code system ``terminology()`` wrote."""
    ritual = attrs.evolve(CATALOG.ritual("daily-reflection"), name="Evening reflection")
    plan = Plan(
        id="plan-1",
        role=Role.CLIENT,
        timezone="Europe/London",
        period=Period.weeks_from(dt.date(2026, 1, 5), 2),
        rituals=[ritual],
    )
    check(to_fhir(plan, version=version, subject=SUBJECT), version)


def changes_for(plan: Plan, day: dt.date) -> dict[str, Any]:
    """A week's pause and a skipped day for the first item, and a monthly item."""
    item = plan.items[0]
    paused = attrs.evolve(
        item,
        pauses=[Period(day, day + dt.timedelta(days=6))],
        recurrence=item.recurrence.with_skipped(day - dt.timedelta(days=1)),
    )
    monthly = Recurrence.monthly(weekday=Weekday.TUESDAY, nth=-1, at=dt.time(16))
    free = [s.id for s in CATALOG.find(role=plan.role) if s.id not in plan.strategy_ids]
    return {"replace": [paused], "add": [PlanItem(free[0], monthly, 60)]}


# --- terminology ----------------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_the_terminology_is_valid_fhir(version: Version) -> None:
    check_terminology(terminology(version=version), version)


@pytest.mark.parametrize("version", VERSIONS)
@given(catalog=catalogs())
def test_a_catalogs_terminology_is_valid_fhir(version: Version, catalog: Catalog) -> None:
    check_terminology(terminology(catalog, version=version), version)


@pytest.mark.parametrize("version", VERSIONS)
def test_a_strategy_with_a_categorys_name_keeps_the_codes_unique(version: Version) -> None:
    """Strategies are grouped under their category in one code system (csd-1)."""
    catalog = Catalog(
        strategies=[Strategy("physical", "Physical", Category.PHYSICAL, [Role.CLIENT], 10)]
    )
    check_terminology(terminology(catalog, version=version), version)


# --- the validators have teeth --------------------------------------------------------------


def careplan(**extra: Any) -> dict[str, Any]:
    return {
        "resourceType": "CarePlan",
        "id": "c",
        "status": "active",
        "intent": "plan",
        "subject": {"reference": SUBJECT},
        **extra,
    }


def in_bundle(resource: dict[str, Any]) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"fullUrl": "urn:uuid:1", "resource": resource}],
    }


R5_IN_R4 = careplan(activity=[{"plannedActivityReference": {"reference": "#s"}}])
R4_IN_R5 = careplan(activity=[{"detail": {"status": "scheduled"}}])
NESTED = careplan(contained=[{**careplan(), "id": "n", "bogus": 1}])
MISSING = careplan(contained=[{k: v for k, v in careplan().items() if k != "status"}])


@pytest.mark.parametrize("resource", [R5_IN_R4, NESTED, MISSING])
def test_the_validators_of_r4_reject_what_r4_does_not_allow(resource: dict[str, Any]) -> None:
    with pytest.raises(pydantic.ValidationError):
        R4BBundle.model_validate(in_bundle(resource))
    with pytest.raises(FHIRValidationError):
        R4Bundle(in_bundle(resource), strict=True)


@pytest.mark.parametrize("resource", [R4_IN_R5, NESTED, MISSING])
def test_the_validator_of_r5_rejects_what_r5_does_not_allow(resource: dict[str, Any]) -> None:
    with pytest.raises(pydantic.ValidationError):
        R5Bundle.model_validate(in_bundle(resource))
