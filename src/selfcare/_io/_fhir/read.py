"""A plan and its history, and reflections, read from a FHIR bundle (R4 or R5)."""

from __future__ import annotations

import datetime as dt
import math
import zoneinfo
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from selfcare._core.describe import looks_like_id
from selfcare._core.errors import Problem, UnknownIdError, ValidationError
from selfcare._io._fhir import codes as c
from selfcare._io._fhir.json import (
    Unreadable,
    as_date,
    as_int,
    as_list,
    as_object,
    as_str,
    as_time,
    codes,
    extensions,
)
from selfcare._io._fhir.timing import DAYS, read_timing
from selfcare._io._fhir.write import (
    AMOUNT,
    BOUNDARY,
    PLAN_PAUSE,
    REASON_FACT,
    REMINDER,
    REVISION,
    RITUAL,
    SHORTFALL,
)
from selfcare._io.documents import check_limits
from selfcare._io.format import structure_zoned
from selfcare._model.boundaries import Boundary, BoundaryKind
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Benefit, Category, Role
from selfcare._model.pauses import Pause, PauseKind
from selfcare._model.reasons import Reason, ReasonCode
from selfcare._model.reflections import Journal, Practice, PracticeStatus, Ratings, Reflection
from selfcare._model.rituals import Anchor, AnchorKind, Ritual, RitualStep
from selfcare._plans.plan import Contributor, Plan, PlanItem, PlanStatus, Revision
from selfcare._time.calendar import MAX_PLAN_WEEKS, Period, Weekday
from selfcare._time.zoned import zone_problem

T = TypeVar("T")
_STATUS = {s.value: s for s in PlanStatus}
_ROLES = {v: k for k, v in c.CONTRIBUTOR_TYPES.items()}
_ZONES = frozenset(c.ZONE.values())


class Bundle:
    """The resources of a bundle, found by ``fullUrl`` or ``Type/id``, and the problems met."""

    def __init__(self, data: object) -> None:
        limits = check_limits(data)
        if limits:
            raise ValidationError(limits)
        self.problems: list[Problem] = []
        self.resources: list[dict[str, Any]] = []
        self.by_reference: dict[str, dict[str, Any]] = {}
        try:
            bundle = as_object(data, "Bundle")
            if bundle.get("resourceType") != "Bundle":
                raise Unreadable("Bundle.resourceType", "expected a FHIR Bundle")
            for n, entry in enumerate(as_list(bundle.get("entry", []), "Bundle.entry")):
                entry = as_object(entry, f"Bundle.entry[{n}]")
                resource = as_object(entry.get("resource"), f"Bundle.entry[{n}].resource")
                kind = resource.get("resourceType")
                if not isinstance(kind, str):
                    raise Unreadable(f"Bundle.entry[{n}].resource.resourceType", "expected a type")
                self.resources.append(resource)
                if isinstance(entry.get("fullUrl"), str):
                    self.by_reference[entry["fullUrl"]] = resource
                if isinstance(resource.get("id"), str):
                    self.by_reference[f"{kind}/{resource['id']}"] = resource
        except Unreadable as problem:
            raise ValidationError([(problem.path, problem.message)]) from None

    def of(self, kind: str) -> list[dict[str, Any]]:
        """The resources of one type."""
        return [r for r in self.resources if r.get("resourceType") == kind]

    def resolve(self, reference: object, path: str, kind: str) -> dict[str, Any]:
        """The resource a ``Reference`` names, which must be of the type given."""
        target = as_str(as_object(reference, path).get("reference"), f"{path}.reference")
        resource = self.by_reference.get(target)
        if resource is None or resource.get("resourceType") != kind:
            raise Unreadable(f"{path}.reference", f"expected a reference to a {kind} in the bundle")
        return resource

    def attempt(self, read: Callable[..., T], *args: Any) -> T | None:
        """Read one part, ``read(*args)``; a problem is kept and the reading goes on."""
        try:
            return read(*args)
        except Unreadable as problem:
            self.problems.append((problem.path, problem.message))
        except ValidationError as error:
            self.problems.extend(error.problems)
        return None

    def check(self) -> None:
        """Raise every problem met, if any."""
        if self.problems:
            raise ValidationError(self.problems)


def read_plan(data: object, *, catalog: Catalog, timezone: str | None, role: Role | None) -> Plan:
    """The plan of the one ``CarePlan`` in a bundle, with its revisions."""
    bundle = Bundle(data)
    careplans = bundle.of("CarePlan")
    if len(careplans) != 1:
        raise ValidationError.single(
            "Bundle.entry", f"expected one CarePlan, found {len(careplans)}"
        )
    return PlanReader(bundle, careplans[0], catalog, timezone, role).plan()


class PlanReader:
    """Reads one ``CarePlan`` and the resources it refers to."""

    def __init__(
        self,
        bundle: Bundle,
        careplan: dict[str, Any],
        catalog: Catalog,
        timezone: str | None,
        role: Role | None,
    ) -> None:
        self.bundle = bundle
        self.careplan = careplan
        self.catalog = catalog
        self.timezone = timezone
        self.role = role
        self.history = False  # reading a revision's snapshot, whose ids may have left the catalog

    def plan(self) -> Plan:
        b, cp = self.bundle, self.careplan
        fields: dict[str, Any] = {
            "id": b.attempt(self._id),
            "role": b.attempt(self._role),
            "timezone": (zone := b.attempt(self._zone)),
            "period": b.attempt(self._period, zone),
            "status": b.attempt(self._status),
        }
        self.zone: str | None = fields["timezone"]  # None: its problem is already kept
        fields["contributors"] = [
            b.attempt(self._contributor, ref, f"CarePlan.contributor[{n}]")
            for n, ref in enumerate(self._list(cp, "contributor", "CarePlan"))
        ]
        fields["goals"] = self._goals(cp, "CarePlan")
        fields["items"], fields["rituals"] = self._activities(cp, "CarePlan", self.bundle.resolve)
        fields["boundaries"] = b.attempt(self._boundaries, cp, "CarePlan") or []
        fields["shortfall"] = b.attempt(
            lambda: next(
                (
                    as_str(e.get("valueString"), f"{p}.valueString")
                    for p, e in extensions(cp, SHORTFALL, "CarePlan")
                ),
                None,
            )
        )
        fields["revisions"] = self._revisions()
        fields["pauses"] = b.attempt(_pauses, cp, "CarePlan") or []
        b.check()
        return _build("CarePlan", Plan, **fields)

    def _list(self, data: dict[str, Any], key: str, path: str) -> list[Any]:
        found = self.bundle.attempt(lambda: as_list(data.get(key, []), f"{path}.{key}"))
        return found or []

    def _id(self) -> str:
        for n, identifier in enumerate(self._list(self.careplan, "identifier", "CarePlan")):
            if isinstance(identifier, dict) and identifier.get("system") == c.PLAN_IDS:
                return _slug(identifier.get("value"), f"CarePlan.identifier[{n}].value")
        return _slug(self.careplan.get("id"), "CarePlan.id")

    def _role(self) -> Role:
        for n, category in enumerate(self._list(self.careplan, "category", "CarePlan")):
            code = codes(category, f"CarePlan.category[{n}]").get(c.ROLE)
            if code is not None:
                return _member(Role, code, f"CarePlan.category[{n}]")
        if self.role is None:
            raise Unreadable("CarePlan.category", "expected whom the plan is for; pass role=")
        return self.role

    def _zone(self) -> str:
        period = as_object(self.careplan.get("period"), "CarePlan.period")
        for path, ext in extensions(period, c.ZONE["R4"], "CarePlan.period") + extensions(
            period, c.ZONE["R5"], "CarePlan.period"
        ):
            return _zone(ext.get("valueCode"), f"{path}.valueCode")
        if self.timezone is None:
            raise Unreadable("CarePlan.period", "expected the plan's time zone; pass timezone=")
        return self.timezone

    def _period(self, zone: str | None) -> Period:
        period = as_object(self.careplan.get("period"), "CarePlan.period")
        first = _day(period.get("start"), "CarePlan.period.start", zone)
        last = _day(period.get("end"), "CarePlan.period.end", zone)
        if last < first:
            raise Unreadable("CarePlan.period.end", "expected a day on or after the start")
        if (last - first).days >= 7 * MAX_PLAN_WEEKS:
            raise Unreadable(
                "CarePlan.period.end",
                f"expected at most {MAX_PLAN_WEEKS} weeks after the start, the longest a plan runs",
            )
        return Period(first, last)

    def _status(self) -> PlanStatus:
        status = self.careplan.get("status")
        if not isinstance(status, str) or status not in _STATUS:
            raise Unreadable("CarePlan.status", "expected draft, active, completed or revoked")
        return _STATUS[status]

    def _contributor(self, reference: object, path: str) -> Contributor:
        data = as_object(reference, path)
        kind = data.get("type")
        role = _ROLES.get(kind) if isinstance(kind, str) else None
        identifier = data.get("identifier")
        if isinstance(identifier, dict) and identifier.get("system") == c.CONTRIBUTOR_IDS:
            who = _slug(identifier.get("value"), f"{path}.identifier.value")
        else:
            kind, _, who = str(data.get("reference", "")).partition("/")
            role = role or _ROLES.get(kind)
            who = _slug(who, f"{path}.reference")
        if role is None:
            raise Unreadable(f"{path}.type", "expected Practitioner or Patient")
        return _build(path, Contributor, who, role)

    def _goals(self, careplan: dict[str, Any], path: str) -> frozenset[Benefit]:
        goals = set()
        for n, reference in enumerate(self._list(careplan, "goal", path)):

            def goal(reference: object = reference, where: str = f"{path}.goal[{n}]") -> Benefit:
                resource = self.bundle.resolve(reference, where, "Goal")
                code = codes(resource.get("description", {}), f"{where}(Goal).description")
                if c.BENEFIT not in code:
                    raise Unreadable(f"{where}(Goal).description", "expected a benefit's code")
                return _member(Benefit, code[c.BENEFIT], f"{where}(Goal).description")

            found = self.bundle.attempt(goal)
            if found is not None:
                goals.add(found)
        return frozenset(goals)

    def _activities(
        self, careplan: dict[str, Any], path: str, resolve: Callable[..., dict[str, Any]]
    ) -> tuple[list[PlanItem], list[Ritual]]:
        items: list[PlanItem] = []
        rituals: list[Ritual] = []
        for n, activity in enumerate(self._list(careplan, "activity", path)):
            where = f"{path}.activity[{n}]"
            read = self.bundle.attempt(self._activity, activity, where, resolve)
            if isinstance(read, PlanItem):
                items.append(read)
            elif isinstance(read, Ritual):
                rituals.append(read)
        return items, rituals

    def _activity(
        self, activity: object, path: str, resolve: Callable[..., dict[str, Any]]
    ) -> PlanItem | Ritual:
        activity = as_object(activity, path)
        _refuse_modifiers(activity, path)
        if "detail" in activity:
            path = f"{path}.detail"
            detail = as_object(activity["detail"], path)
            if detail.get("status") == "entered-in-error":
                raise Unreadable(f"{path}.status", "an activity entered in error is not read")
            code_path, timing_path = "code", "scheduledTiming"
            code = detail.get("code")
            reasons = [
                (f"{path}.reasonCode[{n}]", r)
                for n, r in enumerate(as_list(detail.get("reasonCode", []), f"{path}.reasonCode"))
            ]
        elif "plannedActivityReference" in activity:
            at = f"{path}.plannedActivityReference"
            detail = resolve(activity["plannedActivityReference"], at, "ServiceRequest")
            path = f"{at}(ServiceRequest)"
            code_path, timing_path = "code.concept", "occurrenceTiming"
            code = as_object(detail.get("code"), f"{path}.code").get("concept")
            reasons = [
                (f"{path}.reason[{n}].concept", as_object(r, f"{path}.reason[{n}]").get("concept"))
                for n, r in enumerate(as_list(detail.get("reason", []), f"{path}.reason"))
            ]
        else:
            raise Unreadable(path, "expected a detail (R4) or a plannedActivityReference (R5)")
        _refuse_modifiers(detail, path)
        if detail.get("doNotPerform") is True:
            raise Unreadable(f"{path}.doNotPerform", "an activity not to be done is not read")
        found = codes(code if code is not None else {}, f"{path}.{code_path}")
        timing = detail.get(timing_path)
        recurrence, minutes, pauses, times = read_timing(
            timing, f"{path}.{timing_path}", zone=self.zone
        )
        reminders = _reminders(detail, path)
        if c.RITUAL in found:
            ritual = self._ritual(detail, found[c.RITUAL], recurrence, times, path, code_path)
            return _build(path, attrs.evolve, ritual, reminders=reminders) if reminders else ritual
        if c.STRATEGY not in found:
            raise Unreadable(f"{path}.{code_path}", "expected a code of the strategy code system")
        strategy_id = found[c.STRATEGY]
        if not self.history and not _known(self.catalog.strategy, strategy_id):
            raise Unreadable(f"{path}.{code_path}", _unknown("strategy", strategy_id))
        return _build(
            path,
            PlanItem,
            strategy_id,
            recurrence,
            minutes,
            reasons=[_reason(r, p) for p, r in reasons],
            pauses=pauses,
            reminders=reminders,
        )

    def _ritual(
        self,
        detail: dict[str, Any],
        ritual_id: str,
        recurrence: Any,
        times: tuple[dt.time, ...],
        path: str,
        code_path: str,
    ) -> Ritual:
        known = _known(self.catalog.ritual, ritual_id)
        found = extensions(detail, RITUAL, path)
        if not known and (not self.history or not found):
            raise Unreadable(f"{path}.{code_path}", _unknown("ritual", ritual_id))
        if not found:
            return self.catalog.ritual(ritual_id)
        where, ext = found[0]
        parts = _parts(ext, where)
        kind = _member(AnchorKind, _one(parts, "anchor", "valueCode", where), where)
        anchor_time = _optional(parts, "anchor-time", "valueTime")
        anchor = _build(
            where, Anchor, kind, None if anchor_time is None else as_time(anchor_time, where)
        )
        if times != (() if anchor.time is None else (anchor.time,)):
            raise Unreadable(where, "expected the timing's time of day to be the anchor's")
        steps = []
        for s, step in enumerate(p for p in parts if p[0] == "step"):
            at = f"{where}.step[{s}]"
            inner = _parts(step[1], at)
            strategy_id = _one(inner, "strategy", "valueCode", at)
            if not isinstance(strategy_id, str) or (
                not self.history and not _known(self.catalog.strategy, strategy_id)
            ):
                raise Unreadable(at, _unknown("strategy", strategy_id))
            steps.append(
                _build(
                    at,
                    RitualStep,
                    strategy_id,
                    as_int(_one(inner, "minutes", "valueInteger", at), at),
                    alternatives=[v.get("valueCode") for k, v in inner if k == "alternative"],
                )
            )
        return _build(
            where,
            Ritual,
            id=ritual_id,
            name=_one(parts, "name", "valueString", where),
            steps=steps,
            anchor=anchor,
            recurrence=attrs.evolve(recurrence, times=()),
            roles={_member(Role, v.get("valueCode"), where) for k, v in parts if k == "role"},
            description=_optional(parts, "description", "valueString") or "",
            done_at_least=_optional(parts, "done-at-least", "valuePositiveInt"),
        )

    def _boundaries(self, careplan: dict[str, Any], path: str) -> list[Boundary]:
        found = []
        for where, ext in extensions(careplan, BOUNDARY, path):

            def boundary(ext: dict[str, Any] = ext, where: str = where) -> Boundary:
                parts = _parts(ext, where)
                after = _optional(parts, "after", "valueTime")
                return _build(
                    where,
                    Boundary,
                    _member(BoundaryKind, _one(parts, "kind", "valueCode", where), where),
                    after=None if after is None else as_time(after, where),
                    weekdays={
                        _weekday(v.get("valueCode"), where) for k, v in parts if k == "weekday"
                    },
                    minutes=_optional(parts, "minutes", "valueInteger"),
                    description=_optional(parts, "description", "valueString") or "",
                )

            read = self.bundle.attempt(boundary)
            if read is not None:
                found.append(read)
        return found

    def _revisions(self) -> list[Revision]:
        own = [f"urn:uuid:{self.careplan.get('id')}", f"CarePlan/{self.careplan.get('id')}"]
        found = []
        for n, provenance in enumerate(self.bundle.of("Provenance")):
            targets = provenance.get("target")
            if not isinstance(targets, list) or not any(
                isinstance(t, dict) and t.get("reference") in own for t in targets
            ):
                continue
            read = self.bundle.attempt(self._revision, provenance, f"Provenance[{n}]")
            if read is not None:
                found.append(read)
        return sorted(found, key=lambda r: r.number)

    def _revision(self, provenance: dict[str, Any], path: str) -> Revision:
        numbers = extensions(provenance, REVISION, path)
        if not numbers:
            raise Unreadable(f"{path}.extension", "expected the revision's number")
        number = as_int(numbers[0][1].get("valuePositiveInt"), f"{numbers[0][0]}.valuePositiveInt")
        at = _zoned(provenance, "recorded", path, self.zone)
        agents = as_list(provenance.get("agent"), f"{path}.agent")
        if not agents:
            raise Unreadable(f"{path}.agent", "expected who made the change")
        by = self._contributor(
            as_object(agents[0], f"{path}.agent[0]").get("who"), f"{path}.agent[0].who"
        )
        reason = _reason_text(provenance, path)
        contained = {
            f"#{r.get('id')}": r
            for r in as_list(provenance.get("contained", []), f"{path}.contained")
            if isinstance(r, dict)
        }
        before: dict[str, Any] | None = None
        for e, entity in enumerate(as_list(provenance.get("entity", []), f"{path}.entity")):
            entity = as_object(entity, f"{path}.entity[{e}]")
            if entity.get("role") == "revision":
                ref = as_object(entity.get("what"), f"{path}.entity[{e}].what").get("reference")
                before = contained.get(ref) if isinstance(ref, str) else None
        if before is None or before.get("resourceType") != "CarePlan":
            raise Unreadable(f"{path}.entity", "expected the plan before the change, contained")
        where = f"{path}.contained(CarePlan)"

        def local(reference: object, at: str, kind: str) -> dict[str, Any]:
            target = as_object(reference, at).get("reference")
            resource = contained.get(target) if isinstance(target, str) else None
            if resource is None or resource.get("resourceType") != kind:
                raise Unreadable(f"{at}.reference", f"expected a contained {kind}")
            return resource

        self.history = True
        try:
            items, rituals = self._activities(before, where, local)
        finally:
            self.history = False
        return _build(
            path,
            Revision,
            number=number,
            at=at,
            by=by.id,
            reason=reason,
            items=items,
            rituals=rituals,
            boundaries=self._boundaries(before, where),
            goals=self._goals(before, where),
            pauses=_pauses(before, where),
        )


def _pauses(careplan: dict[str, Any], path: str) -> list[Pause]:
    """The rests of the whole plan, the ``plan-pause`` modifier extensions; no other modifier."""
    found = []
    at = f"{path}.modifierExtension"
    for n, ext in enumerate(as_list(careplan.get("modifierExtension", []), at)):
        where = f"{at}[{n}]"
        ext = as_object(ext, where)
        if ext.get("url") != PLAN_PAUSE:
            raise Unreadable(f"{where}.url", "a modifier extension this library does not know")
        parts = _parts(ext, where)
        period = as_object(_one(parts, "period", "valuePeriod", where), f"{where}.period")
        first = as_date(period.get("start"), f"{where}.period.start")
        last = as_date(period.get("end"), f"{where}.period.end")
        if last < first:
            raise Unreadable(f"{where}.period.end", "expected a day on or after the start")
        kind = _member(PauseKind, _one(parts, "kind", "valueCode", where), f"{where}.kind")
        found.append(_build(where, Pause, Period(first, last), kind))
    return found


def _reminders(detail: dict[str, Any], path: str) -> tuple[int, ...]:
    """The reminders of an activity: minutes before each occurrence, as ``Duration``s."""
    found = []
    for where, ext in extensions(detail, REMINDER, path):
        duration = as_object(ext.get("valueDuration"), f"{where}.valueDuration")
        if duration.get("code") != "min":
            raise Unreadable(f"{where}.valueDuration.code", "expected minutes, min")
        found.append(as_int(duration.get("value"), f"{where}.valueDuration.value"))
    return tuple(found)


def _reason_text(provenance: dict[str, Any], path: str) -> str:
    """The reason given for a revision: ``reason`` in R4, ``authorization`` in R5."""
    for key in ("reason", "authorization"):
        for n, given in enumerate(as_list(provenance.get(key, []), f"{path}.{key}")):
            given = as_object(given, f"{path}.{key}[{n}]")
            concept = given.get("concept", {}) if key == "authorization" else given
            text = as_object(concept, f"{path}.{key}[{n}]").get("text")
            if isinstance(text, str):
                return text
    return ""


def read_reflections(data: object, *, timezone: str | None) -> tuple[Reflection, ...]:
    """The reflections of the check-in ``Observation``s of a bundle, in the bundle's order."""
    bundle = Bundle(data)
    found = []
    for n, observation in enumerate(bundle.of("Observation")):
        path = f"Observation[{n}]"
        code = bundle.attempt(codes, observation.get("code", {}), f"{path}.code")
        if not code or code.get(c.CHECK_IN) != "check-in":
            continue
        read = bundle.attempt(_reflection, observation, path, timezone)
        if read is not None:
            found.append(read)
    bundle.check()
    return tuple(found)


def _reflection(observation: dict[str, Any], path: str, timezone: str | None) -> Reflection:
    author = None
    for n, category in enumerate(as_list(observation.get("category", []), f"{path}.category")):
        role = codes(category, f"{path}.category[{n}]").get(c.ROLE)
        if role is not None:
            author = _member(Role, role, f"{path}.category[{n}]")
    if author is None:
        raise Unreadable(f"{path}.category", "expected the author's role")
    at = _zoned(observation, "effectiveDateTime", path, timezone)
    ratings: dict[str, int] = {}
    self_ratings: dict[Category, int] = {}
    practised = []
    wants_support = False
    for n, component in enumerate(as_list(observation.get("component", []), f"{path}.component")):
        where = f"{path}.component[{n}]"
        component = as_object(component, where)
        code = codes(component.get("code", {}), f"{where}.code")
        if code.get(c.CHECK_IN) in ("mood", "energy", "stress"):
            ratings[code[c.CHECK_IN]] = as_int(
                component.get("valueInteger"), f"{where}.valueInteger"
            )
        elif code.get(c.CHECK_IN) == "wants-support":
            wants_support = component.get("valueBoolean") is True
        elif c.CATEGORY in code:
            category = _member(Category, code[c.CATEGORY], f"{where}.code")
            self_ratings[category] = as_int(component.get("valueInteger"), f"{where}.valueInteger")
        elif c.STRATEGY in code:
            practised.append(_practice(component, code[c.STRATEGY], where))
        else:
            raise Unreadable(f"{where}.code", "expected a rating, a category or a strategy")
    return _build(
        path,
        Reflection,
        at=at,
        author=author,
        ratings=Ratings(**ratings),
        self_ratings=self_ratings,
        practised=practised,
        journal=Journal(),
        wants_support=wants_support,
    )


def _practice(component: dict[str, Any], strategy_id: str, where: str) -> Practice:
    """One practice; its note was never written, so it reads back as none."""
    _slug(strategy_id, f"{where}.code")
    amount = None
    for at, ext in extensions(component, AMOUNT, where):
        quantity = as_object(ext.get("valueQuantity"), f"{at}.valueQuantity")
        amount = as_int(quantity.get("value"), f"{at}.valueQuantity.value")
    if "valueQuantity" in component:
        quantity = as_object(component["valueQuantity"], f"{where}.valueQuantity")
        if quantity.get("code") != "min":
            raise Unreadable(f"{where}.valueQuantity.code", "expected minutes, min")
        minutes = as_int(quantity.get("value"), f"{where}.valueQuantity.value")
        return _build(where, Practice, strategy_id, PracticeStatus.DONE, minutes, amount)
    status = codes(component.get("valueCodeableConcept", {}), f"{where}.valueCodeableConcept")
    done = _member(PracticeStatus, status.get(c.CHECK_IN), f"{where}.valueCodeableConcept")
    return _build(where, Practice, strategy_id, done, amount=amount)


def _zoned(resource: dict[str, Any], key: str, path: str, fallback: str | None) -> Any:
    value = as_str(resource.get(key), f"{path}.{key}")
    zone = fallback
    extra = resource.get(f"_{key}")
    if extra is not None:
        for _, ext in extensions(as_object(extra, f"{path}._{key}"), c.ZONE["R4"], path) + (
            extensions(extra, c.ZONE["R5"], path)
        ):
            zone = _zone(ext.get("valueCode"), f"{path}._{key}")
    if zone is None:
        raise Unreadable(f"{path}._{key}", "expected the time zone extension; pass timezone=")
    try:
        return structure_zoned(f"{value}[{zone}]")
    except Exception:
        raise Unreadable(
            f"{path}.{key}", "expected an instant with the offset its time zone gives"
        ) from None


def _parts(ext: dict[str, Any], path: str) -> list[tuple[str, dict[str, Any]]]:
    parts = []
    for n, part in enumerate(as_list(ext.get("extension", []), f"{path}.extension")):
        part = as_object(part, f"{path}.extension[{n}]")
        parts.append((as_str(part.get("url"), f"{path}.extension[{n}].url"), part))
    return parts


def _one(parts: list[tuple[str, dict[str, Any]]], name: str, key: str, path: str) -> Any:
    value = _optional(parts, name, key)
    if value is None:
        raise Unreadable(f"{path}.extension", f"expected the {name} ({key})")
    return value


def _optional(parts: list[tuple[str, dict[str, Any]]], name: str, key: str) -> Any:
    return next((part.get(key) for url, part in parts if url == name), None)


def _reason(data: object, path: str) -> Reason:
    data = as_object(data, path)
    code = codes(data, path).get(c.REASON)
    facts: dict[str, Any] = {}
    for where, ext in extensions(data, REASON_FACT, path):
        parts = dict(_parts(ext, where))
        name = as_str(parts.get("name", {}).get("valueCode"), f"{where}.name")
        if "blank" in parts:  # a text of whitespace alone, which FHIR strings cannot hold
            facts[name] = ""
            continue
        facts[name] = _fact(parts.get("value", {}), f"{where}.value")
    return _build(
        path,
        Reason,
        _member(ReasonCode, code, f"{path}.coding"),
        as_str(data.get("text"), f"{path}.text"),
        facts,
    )


def _fact(value: dict[str, Any], path: str) -> int | float | str:
    """A fact's value: a string, an integer, or a finite decimal."""
    if isinstance(value.get("valueString"), str):
        return value["valueString"]  # type: ignore[no-any-return]
    number = value.get("valueInteger", value.get("valueDecimal"))
    if "valueInteger" in value and not isinstance(number, int):
        number = None
    if isinstance(number, int | float) and not isinstance(number, bool) and math.isfinite(number):
        return number
    raise Unreadable(path, "expected a valueString, a valueInteger or a finite valueDecimal")


E = TypeVar(
    "E", Benefit, Category, Role, ReasonCode, AnchorKind, BoundaryKind, PracticeStatus, PauseKind
)


def _member(kind: type[E], code: object, path: str) -> E:
    for member in kind:
        if member.value == code:
            return member
    raise Unreadable(path, f"expected a {kind.__name__} code")


def _weekday(code: object, path: str) -> Weekday:
    if code not in DAYS:
        raise Unreadable(path, "expected mon, tue, wed, thu, fri, sat or sun")
    return Weekday(DAYS.index(code))


def _slug(value: object, path: str) -> str:
    from selfcare._core.checks import check_slug

    try:
        check_slug(path, value)
    except ValidationError:
        raise Unreadable(
            path, "expected an id: lowercase letters, digits and single hyphens"
        ) from None
    assert isinstance(value, str)
    return value


def _zone(value: object, path: str) -> str:
    from selfcare._time.zoned import check_zone

    try:
        return check_zone(path, value)
    except ValidationError:
        raise Unreadable(path, "expected an IANA time zone name, " + zone_problem(value)) from None


def _day(value: object, path: str, zone: str | None) -> dt.date:
    """A date, or the day a date-time falls on in the plan's zone (as written without one)."""
    if not (isinstance(value, str) and len(value) > 10 and value[10] == "T"):
        return as_date(value, path)
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise Unreadable(path, "expected a date, or a date-time") from None
    if moment.tzinfo is not None and zone is not None:
        return moment.astimezone(zoneinfo.ZoneInfo(zone)).date()
    return moment.date()


def _build(path: str, kind: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """A value of the library's, its problems put under the FHIR path it was read from."""
    try:
        return kind(*args, **kwargs)
    except ValidationError as error:
        raise ValidationError(
            [(path, f"{message} ({field})") for field, message in error.problems]
        ) from None


def _refuse_modifiers(data: dict[str, Any], path: str) -> None:
    """FHIR: a modifier extension a reader does not understand must not be ignored."""
    if data.get("modifierExtension"):
        raise Unreadable(
            f"{path}.modifierExtension", "a modifier extension this library does not know"
        )


def _unknown(what: str, code: str) -> str:
    shown = f" {code!r}" if looks_like_id(code) else ""
    return f"no {what}{shown} in this catalog; pass the catalog= that holds it"


def _known(lookup: Callable[[str], object], code: str) -> bool:
    try:
        lookup(code)
    except UnknownIdError:
        return False
    return True
