"""A plan, its revisions and reflections as the resources of a FHIR collection bundle."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from selfcare._core.describe import minutes_phrase
from selfcare._core.errors import UnknownIdError
from selfcare._io._fhir import codes as c
from selfcare._io._fhir.codes import Version, coding, concept, extension, resource_id
from selfcare._io._fhir.timing import DAYS, write_timing
from selfcare._io.format import unstructure_zoned
from selfcare._model.boundaries import Boundary
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Benefit, Role
from selfcare._model.pauses import Pause
from selfcare._model.reasons import Reason
from selfcare._model.reflections import PracticeStatus, Reflection
from selfcare._model.rituals import AnchorKind, Ritual
from selfcare._model.strategies import Unit
from selfcare._plans.plan import Contributor, Plan, PlanItem, PlanStatus, Revision

BOUNDARY = extension("boundary")
RITUAL = extension("ritual")
REASON_FACT = extension("reason-fact")
SHORTFALL = extension("shortfall")
REVISION = extension("revision")
PLAN_PAUSE = extension("plan-pause")
REMINDER = extension("reminder")
AMOUNT = extension("amount")

GOAL_STATUS = {
    PlanStatus.DRAFT: "proposed",
    PlanStatus.ACTIVE: "active",
    PlanStatus.COMPLETED: "completed",
    PlanStatus.REVOKED: "cancelled",
}
DETAIL_STATUS = {
    "draft": "not-started",
    "active": "scheduled",
    "completed": "completed",
    "revoked": "cancelled",
    "unknown": "unknown",
}
_MAX_INTEGER = 2**31 - 1


def urn(resource: dict[str, Any]) -> str:
    """The ``fullUrl`` of a resource in the bundle, and what references to it say."""
    return f"urn:uuid:{resource['id']}"


def bundle(resources: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A collection bundle of the resources (FHIR JSON has no empty arrays)."""
    data: dict[str, Any] = {"resourceType": "Bundle", "type": "collection"}
    if resources:
        data["entry"] = [{"fullUrl": urn(r), "resource": r} for r in resources]
    return data


def written(text: str) -> bool:
    """Whether a text can be a FHIR string: one with something besides whitespace."""
    return bool(text.strip())


def contributor(who: Contributor) -> dict[str, Any]:
    """A reference to a contributor, by the app's id for them."""
    return {
        "type": c.CONTRIBUTOR_TYPES[who.role],
        "identifier": {"system": c.CONTRIBUTOR_IDS, "value": who.id},
    }


def zoned(value: Any, version: Version) -> tuple[str, dict[str, Any]]:
    """A zoned instant as an instant with its offset, and the extension naming its zone."""
    text, zone = unstructure_zoned(value)[:-1].split("[")
    return text, {"extension": [{"url": c.ZONE[version], "valueCode": zone}]}


class PlanWriter:
    """Writes one plan, with its goals, activities and revisions, for one FHIR version."""

    def __init__(
        self, plan: Plan, *, version: Version, subject: str, catalog: Catalog, private: bool
    ) -> None:
        self.plan = plan
        self.version = version
        self.subject = {"reference": subject}
        self.catalog = catalog
        self.private = private
        self.key = (subject, plan.id)
        benefits = set(plan.goals).union(*(r.goals for r in plan.revisions))
        self.goals = {b: self._goal(b) for b in sorted(benefits)}

    def resources(self) -> list[dict[str, Any]]:
        """The plan's ``CarePlan``, ``Goal``s, R5 ``ServiceRequest``s and ``Provenance``s."""
        plan = self.plan
        careplan, requests = self._careplan(
            plan,
            plan.goals,
            status=plan.status.value,
            ids=lambda n: resource_id(*self.key, "ServiceRequest", str(plan.version), str(n)),
            local=False,
        )
        careplan["meta"] = {"versionId": str(plan.version)}
        provenances = [self._provenance(r, careplan) for r in plan.revisions]
        return [careplan, *self.goals.values(), *requests, *provenances]

    def _goal(self, benefit: Benefit) -> dict[str, Any]:
        status = GOAL_STATUS[self.plan.status] if benefit in self.plan.goals else "cancelled"
        return {
            "resourceType": "Goal",
            "id": resource_id(*self.key, "Goal", benefit.value),
            "lifecycleStatus": status,
            "description": concept(c.BENEFIT, benefit.value, c.label(benefit)),
            "subject": self.subject,
        }

    def _careplan(
        self,
        content: Plan | Revision,
        goals: frozenset[Benefit],
        *,
        status: str,
        ids: Any,
        local: bool,
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        plan, version = self.plan, self.version
        first, last = plan.period.first.isoformat(), plan.period.last.isoformat()
        zone = {"url": c.ZONE[version], "valueCode": plan.timezone}
        careplan: dict[str, Any] = {
            "resourceType": "CarePlan",
            "id": "before" if local else resource_id(*self.key, "CarePlan"),
            "identifier": [{"system": c.PLAN_IDS, "value": plan.id}],
        }
        extensions = [_boundary(b) for b in content.boundaries]
        if isinstance(content, Plan) and content.shortfall and written(content.shortfall):
            extensions.append({"url": SHORTFALL, "valueString": content.shortfall})
        if extensions:
            careplan["extension"] = extensions
        if content.pauses:  # a reader that ignores a rest would plan its days: a modifier
            careplan["modifierExtension"] = [_pause(p) for p in content.pauses]
        careplan.update(
            status=status,
            intent="proposal" if plan.status is PlanStatus.DRAFT else "plan",
            category=[concept(c.ROLE, plan.role.value, c.label(plan.role))],
            subject=self.subject,
            period={"extension": [zone], "start": first, "end": last},
        )
        if plan.contributors:
            therapists = [p for p in plan.contributors if p.role is Role.THERAPIST]
            responsible = contributor((therapists or list(plan.contributors))[0])
            careplan["author" if version == "R4" else "custodian"] = responsible
            careplan["contributor"] = [contributor(p) for p in plan.contributors]
        if goals:
            careplan["goal"] = [{"reference": urn(self.goals[b])} for b in sorted(goals)]
        details = [self._item(item, status) for item in content.items]
        details += [self._ritual(ritual, status) for ritual in content.rituals]
        requests: list[dict[str, Any]] = []
        activities = []
        for n, detail in enumerate(details, start=1):
            if version == "R4":
                activities.append({"detail": detail})
                continue
            request = self._request(detail, status, f"before-{n}" if local else ids(n))
            requests.append(request)
            reference = f"#{request['id']}" if local else urn(request)
            activities.append({"plannedActivityReference": {"reference": reference}})
        if activities:
            careplan["activity"] = activities
        return careplan, requests

    def _item(self, item: PlanItem, status: str) -> dict[str, Any]:
        known = _strategy_name(self.catalog, item.strategy_id)  # not in it: an earlier version's
        name = known or item.strategy_id
        detail: dict[str, Any] = {
            "code": concept(c.STRATEGY, item.strategy_id, known),
            "status": DETAIL_STATUS[status],
            "scheduledTiming": write_timing(
                item.recurrence,
                item.minutes,
                zone=self.plan.timezone,
                version=self.version,
                pauses=item.pauses,
            ),
            "description": _description(name, item.minutes, item.recurrence.describe()),
        }
        if item.reminders:
            detail = {"extension": [_reminder(m) for m in item.reminders], **detail}
        if item.reasons:
            detail["reasonCode"] = [_reason(r) for r in item.reasons]
        return detail

    def _ritual(self, ritual: Ritual, status: str) -> dict[str, Any]:
        anchor = ritual.anchor
        times = (anchor.time,) if anchor.time is not None else ()
        when = ritual.recurrence.describe()
        if anchor.kind is not AnchorKind.AT_TIME:
            when = f"{anchor.describe()}, {when}"
        return {
            "extension": [_ritual(ritual), *(_reminder(m) for m in ritual.reminders)],
            "code": concept(c.RITUAL, ritual.id, self._ritual_name(ritual)),
            "status": DETAIL_STATUS[status],
            "scheduledTiming": write_timing(
                ritual.recurrence,
                ritual.minutes,
                zone=self.plan.timezone,
                version=self.version,
                times=times,
            ),
            "description": _description(ritual.name, ritual.minutes, when),
        }

    def _ritual_name(self, ritual: Ritual) -> str:
        """The catalog's name of a ritual, as the code system shows it, else its own."""
        try:
            return self.catalog.ritual(ritual.id).name
        except UnknownIdError:  # an earlier version's ritual, since left out of the catalog
            return ritual.name

    def _request(self, detail: dict[str, Any], status: str, id: str) -> dict[str, Any]:
        request: dict[str, Any] = {"resourceType": "ServiceRequest", "id": id}
        if "extension" in detail:
            request["extension"] = detail["extension"]
        request.update(
            status=status,
            intent="proposal" if self.plan.status is PlanStatus.DRAFT else "plan",
            code={"concept": detail["code"]},
            subject=self.subject,
            occurrenceTiming=detail["scheduledTiming"],
        )
        if "reasonCode" in detail:
            request["reason"] = [{"concept": r} for r in detail["reasonCode"]]
        request["patientInstruction"] = [{"instructionMarkdown": detail["description"]}]
        return request

    def _provenance(self, revision: Revision, careplan: dict[str, Any]) -> dict[str, Any]:
        before, requests = self._careplan(
            revision, revision.goals, status="unknown", ids=None, local=True
        )
        recorded, zone = zoned(revision.at, self.version)
        who = next(p for p in self.plan.contributors if p.id == revision.by)
        provenance: dict[str, Any] = {
            "resourceType": "Provenance",
            "id": resource_id(*self.key, "Provenance", str(revision.number)),
            "extension": [{"url": REVISION, "valuePositiveInt": revision.number}],
            "contained": [before, *requests],
            "target": [{"reference": urn(careplan)}],
            "recorded": recorded,
            "_recorded": zone,
            "activity": concept(c.DATA_OPERATION, "UPDATE", "revise"),
            "agent": [
                {
                    "type": concept(c.PARTICIPANT_TYPE, "author", "Author"),
                    "who": contributor(who),
                }
            ],
            "entity": [{"role": "revision", "what": {"reference": "#before"}}],
        }
        if self.private and written(revision.reason):
            if self.version == "R4":
                provenance["reason"] = [{"text": revision.reason}]
            else:  # R5 renamed Provenance.reason to authorization
                provenance["authorization"] = [{"concept": {"text": revision.reason}}]
        return provenance


def _description(name: str, minutes: int, when: str) -> str:
    """What an activity is, in words: "Short walk: 10 minutes, every day at 07:00"."""
    if minutes == 0:  # a commitment, such as a regular bedtime
        return f"{name}: {when}"
    return f"{name}: {minutes_phrase(minutes)}, {when}"


def _boundary(boundary: Boundary) -> dict[str, Any]:
    parts: list[dict[str, Any]] = [{"url": "kind", "valueCode": boundary.kind.value}]
    if boundary.after is not None:
        parts.append({"url": "after", "valueTime": boundary.after.isoformat()})
    parts += [{"url": "weekday", "valueCode": DAYS[d]} for d in sorted(boundary.weekdays)]
    if boundary.minutes is not None:
        parts.append({"url": "minutes", "valueInteger": boundary.minutes})
    if written(boundary.description):
        parts.append({"url": "description", "valueString": boundary.description})
    return {"url": BOUNDARY, "extension": parts}


def _ritual(ritual: Ritual) -> dict[str, Any]:
    parts: list[dict[str, Any]] = [
        {"url": "name", "valueString": ritual.name},
        {"url": "anchor", "valueCode": ritual.anchor.kind.value},
    ]
    if ritual.anchor.time is not None:
        parts.append({"url": "anchor-time", "valueTime": ritual.anchor.time.isoformat()})
    for step in ritual.steps:
        inner: list[dict[str, Any]] = [
            {"url": "strategy", "valueCode": step.strategy_id},
            {"url": "minutes", "valueInteger": step.minutes},
        ]
        inner += [{"url": "alternative", "valueCode": a} for a in step.alternatives]
        parts.append({"url": "step", "extension": inner})
    parts += [{"url": "role", "valueCode": r.value} for r in sorted(ritual.roles)]
    if ritual.done_at_least is not None:
        parts.append({"url": "done-at-least", "valuePositiveInt": ritual.done_at_least})
    if written(ritual.description):
        parts.append({"url": "description", "valueString": ritual.description})
    return {"url": RITUAL, "extension": parts}


def _pause(pause: Pause) -> dict[str, Any]:
    """A rest of the whole plan: its days (both included) and its kind."""
    first, last = pause.period.first.isoformat(), pause.period.last.isoformat()
    return {
        "url": PLAN_PAUSE,
        "extension": [
            {"url": "period", "valuePeriod": {"start": first, "end": last}},
            {"url": "kind", "valueCode": pause.kind.value},
        ],
    }


def _reminder(minutes: int) -> dict[str, Any]:
    """A reminder, that many minutes before each occurrence, as a ``Duration``."""
    duration = {"value": minutes, "unit": "min", "system": c.UCUM, "code": "min"}
    return {"url": REMINDER, "valueDuration": duration}


def _amount(amount: int, unit: Unit | None) -> dict[str, Any]:
    """A practice's amount as a UCUM ``Quantity``: in the strategy's unit, else a number (1)."""
    quantity: dict[str, Any] = {"value": amount, "system": c.UCUM, "code": "1"}
    if unit is not None:
        code = "min" if unit is Unit.MINUTES else "{" + unit.value + "}"
        quantity = {"value": amount, "unit": unit.value, "system": c.UCUM, "code": code}
    return {"url": AMOUNT, "valueQuantity": quantity}


def _reason(reason: Reason) -> dict[str, Any]:
    facts = []
    for name, value in reason.facts.items():
        if isinstance(value, str):
            part: dict[str, Any] = {"url": "value", "valueString": value}
            if not written(value):  # FHIR strings hold more than whitespace
                part = {"url": "blank", "valueBoolean": True}
        elif isinstance(value, int) and abs(value) <= _MAX_INTEGER:
            part = {"url": "value", "valueInteger": value}
        else:
            part = {"url": "value", "valueDecimal": value}
        facts.append({"url": REASON_FACT, "extension": [{"url": "name", "valueCode": name}, part]})
    data: dict[str, Any] = {"coding": [coding(c.REASON, reason.code.value)], "text": reason.text}
    if facts:
        data = {"extension": facts, **data}
    return data


def observation(
    reflection: Reflection, n: int, *, version: Version, subject: str, catalog: Catalog
) -> dict[str, Any]:
    """A reflection's ratings and practice as an ``Observation``; never its journal."""
    effective, zone = zoned(reflection.at, version)
    components: list[dict[str, Any]] = []
    for measure in ("mood", "energy", "stress"):
        rating = getattr(reflection.ratings, measure)
        if rating is not None:
            code = concept(c.CHECK_IN, measure, c.CHECK_IN_CODES[measure])
            components.append({"code": code, "valueInteger": rating})
    for category, score in sorted(reflection.self_ratings.items()):
        code = concept(c.CATEGORY, category.value, c.label(category))
        components.append({"code": code, "valueInteger": score})
    for practice in reflection.practised:
        name = _strategy_name(catalog, practice.strategy_id)
        code = concept(c.STRATEGY, practice.strategy_id, name)
        if practice.status is PracticeStatus.DONE and practice.minutes is not None:
            value: dict[str, Any] = {
                "valueQuantity": {
                    "value": practice.minutes,
                    "unit": "min",
                    "system": c.UCUM,
                    "code": "min",
                }
            }
        else:
            status = practice.status.value
            value = {"valueCodeableConcept": concept(c.CHECK_IN, status, c.CHECK_IN_CODES[status])}
        if practice.amount is not None:  # the note is private, like the journal: never written
            unit = _strategy_unit(catalog, practice.strategy_id)
            value = {"extension": [_amount(practice.amount, unit)], **value}
        components.append({"code": code, **value})
    if reflection.wants_support:
        code = concept(c.CHECK_IN, "wants-support", c.CHECK_IN_CODES["wants-support"])
        components.append({"code": code, "valueBoolean": True})
    data: dict[str, Any] = {
        "resourceType": "Observation",
        "id": resource_id(subject, "Observation", str(n), unstructure_zoned(reflection.at)),
        "status": "final",
        "category": [
            concept(c.OBSERVATION_CATEGORY, "survey", "Survey"),
            concept(c.ROLE, reflection.author.value, c.label(reflection.author)),
        ],
        "code": concept(c.CHECK_IN, "check-in", c.CHECK_IN_CODES["check-in"]),
        "subject": {"reference": subject},
        "effectiveDateTime": effective,
        "_effectiveDateTime": zone,
    }
    if components:
        data["component"] = components
    return data


def _strategy_unit(catalog: Catalog, strategy_id: str) -> Unit | None:
    """The unit a strategy measures, or none (not measured, or not in the catalog)."""
    try:
        return catalog.strategy(strategy_id).unit
    except UnknownIdError:
        return None


def _strategy_name(catalog: Catalog, strategy_id: str) -> str | None:
    """The strategy's name, or none for a strategy that has left the catalog."""
    try:
        return catalog.strategy(strategy_id).name
    except UnknownIdError:
        return None
