"""The library's code systems and extensions, and the catalog as a CodeSystem and ValueSet."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal
from uuid import NAMESPACE_URL, uuid5

from selfcare._core import checks as check
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Benefit, Category, Role
from selfcare._model.reasons import ReasonCode

#: The FHIR versions the library writes and reads.
Version = Literal["R4", "R5"]
#: The FHIR release of each version: R4 is 4.0.1, R5 is 5.0.0.
VERSIONS: Mapping[str, str] = MappingProxyType({"R4": "4.0.1", "R5": "5.0.0"})

#: The base of every canonical URL the library defines.
CANON = "https://w3id.org/selfcare/fhir"
PLAN_IDS = f"{CANON}/plan"
CONTRIBUTOR_IDS = f"{CANON}/contributor"
STRATEGY = f"{CANON}/CodeSystem/strategy"
CATEGORY = f"{CANON}/CodeSystem/category"
RITUAL = f"{CANON}/CodeSystem/ritual"
BENEFIT = f"{CANON}/CodeSystem/benefit"
REASON = f"{CANON}/CodeSystem/reason"
ROLE = f"{CANON}/CodeSystem/role"
CHECK_IN = f"{CANON}/CodeSystem/check-in"
VALUE_SET = f"{CANON}/ValueSet/self-care"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation"
PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
UCUM = "http://unitsofmeasure.org"

#: The standard extension naming an IANA zone: its R4 and R5 URLs.
ZONE = {
    "R4": "http://hl7.org/fhir/StructureDefinition/tz-code",
    "R5": "http://hl7.org/fhir/StructureDefinition/timezone",
}

#: The types a contributor's reference has, by role.
CONTRIBUTOR_TYPES = {Role.THERAPIST: "Practitioner", Role.CLIENT: "Patient"}

#: The words of the check-in code system that are not a category or a strategy.
CHECK_IN_CODES = {
    "check-in": "Self-care check-in",
    "mood": "Mood, 0 to 10",
    "energy": "Energy, 0 to 10",
    "stress": "Stress, 0 to 10",
    "wants-support": "Would like support",
    "done": "Done",
    "skipped": "Skipped",
}


def extension(name: str) -> str:
    """The canonical URL of one of the library's extensions."""
    return f"{CANON}/StructureDefinition/{name}"


def check_version(value: object) -> Version:
    """Require ``"R4"`` or ``"R5"``."""
    if value == "R4" or value == "R5":
        return value
    raise check.fail("version", 'expected "R4" (FHIR 4.0.1) or "R5" (FHIR 5.0.0)')


def coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    """A ``Coding``, with its display when there is one."""
    data = {"system": system, "code": code}
    if display:
        data["display"] = display
    return data


def concept(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    """A ``CodeableConcept`` of one coding, whose text is the display."""
    data: dict[str, Any] = {"coding": [coding(system, code, display)]}
    if display:
        data["text"] = display
    return data


def resource_id(*parts: str) -> str:
    """A stable resource id (a UUID) for the parts, so one export gives the same ids again."""
    return str(uuid5(NAMESPACE_URL, CANON + "/" + "/".join(parts)))


def label(value: Benefit | Category | Role | ReasonCode) -> str:
    """The display of a member of one of the library's vocabularies: "Prevents burnout"."""
    return value.value.replace("-", " ").capitalize()


def _system(
    url: str, name: str, title: str, concepts: list[dict[str, Any]], **extra: Any
) -> dict[str, Any]:
    return {
        "resourceType": "CodeSystem",
        "id": resource_id("CodeSystem", name),
        "url": url,
        "name": name.title().replace("-", ""),
        "title": title,
        "status": "active",
        "content": "complete",
        "caseSensitive": True,
        **extra,
        **({"concept": concepts} if concepts else {}),
    }


def code_systems(catalog: Catalog) -> list[dict[str, Any]]:
    """Every code system the library's resources use, the catalog's from the catalog."""
    strategies = [
        {
            "code": strategy.id,
            "display": strategy.name,
            "property": [{"code": "category", "valueCode": strategy.category.value}],
        }
        for strategy in catalog.strategies
    ]
    category = {
        "code": "category",
        "uri": CATEGORY,
        "description": "The category of self-care the strategy serves",
        "type": "code",
    }
    rituals = [{"code": r.id, "display": r.name} for r in catalog.rituals]
    return [
        _system(STRATEGY, "strategy", "Self-care strategies", strategies, property=[category]),
        _system(CATEGORY, "category", "Categories of self-care", _flat(Category)),
        _system(RITUAL, "ritual", "Self-care rituals", rituals),
        _system(BENEFIT, "benefit", "Benefits of self-care", _flat(Benefit)),
        _system(REASON, "reason", "Why a strategy is in a plan", _flat(ReasonCode)),
        _system(ROLE, "role", "Whom a plan is for", _flat(Role)),
        _system(
            CHECK_IN,
            "check-in",
            "Self-care check-in answers",
            [{"code": code, "display": text} for code, text in CHECK_IN_CODES.items()],
        ),
    ]


def _flat(kind: type[Benefit] | type[Category] | type[Role] | type[ReasonCode]) -> list[Any]:
    return [{"code": member.value, "display": label(member)} for member in kind]


def value_set() -> dict[str, Any]:
    """A value set of every strategy and ritual of the catalog's code systems."""
    return {
        "resourceType": "ValueSet",
        "id": resource_id("ValueSet", "self-care"),
        "url": VALUE_SET,
        "name": "SelfCareActivities",
        "title": "Self-care strategies and rituals",
        "status": "active",
        "compose": {"include": [{"system": STRATEGY}, {"system": RITUAL}]},
    }
