"""A plan's life: activation, completion, revocation, and revisions made together.

Every function returns a new plan; the one passed in is never changed. A revision records
who changed the plan, when and why, and keeps the plan's content from before the change,
so any earlier version can be compared with the current one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

import attrs
import pendulum

from selfcare._core import checks as check
from selfcare._core.errors import UnknownIdError
from selfcare._model.boundaries import Boundary
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog, unknown_ids
from selfcare._model.categories import Benefit
from selfcare._model.pauses import Pause
from selfcare._model.rituals import Ritual
from selfcare._plans.plan import (
    Contributor,
    Plan,
    PlanItem,
    PlanStatus,
    Revision,
    require_known,
)
from selfcare._time.zoned import check_zoned

__all__ = ["ItemChange", "PlanChanges", "activate", "compare", "complete", "revise", "revoke"]

T = TypeVar("T")


def _move(plan: Plan, to: PlanStatus, allowed: tuple[PlanStatus, ...], verb: str) -> Plan:
    check.check_instance("plan", plan, Plan)
    if plan.status not in allowed:
        froms = " or ".join(s.value for s in allowed)
        raise check.fail(
            "status", f"only a {froms} plan can be {verb}; this one is {plan.status.value}"
        )
    return attrs.evolve(plan, status=to)


def activate(plan: Plan, *, by: object, at: object, reason: object = "") -> Plan:
    """Return the plan, now active, agreed by ``by`` at ``at``; see :meth:`Plan.activate`."""
    active = _move(plan, PlanStatus.ACTIVE, (PlanStatus.DRAFT,), "activated")
    contributors, by_id = _contributor(plan, by)
    when = _after_last(plan, at)
    agreed = _revision(plan, when, by_id, reason)
    return attrs.evolve(active, contributors=contributors, revisions=(*plan.revisions, agreed))


def complete(plan: Plan) -> Plan:
    """Return the plan, now completed. Only an active plan can be completed."""
    return _move(plan, PlanStatus.COMPLETED, (PlanStatus.ACTIVE,), "completed")


def revoke(plan: Plan) -> Plan:
    """Return the plan, now revoked (withdrawn). A draft or an active plan can be revoked."""
    return _move(plan, PlanStatus.REVOKED, (PlanStatus.DRAFT, PlanStatus.ACTIVE), "revoked")


def revise(
    plan: Plan,
    *,
    by: str | Contributor,
    at: dt.datetime,
    reason: str,
    add: Iterable[PlanItem] = (),
    remove: Iterable[str] = (),
    replace: Iterable[PlanItem] = (),
    goals: Iterable[Benefit] | None = None,
    rituals: Iterable[Ritual] | None = None,
    boundaries: Iterable[Boundary] | None = None,
    pauses: Iterable[Pause] | None = None,
    catalog: Catalog | None = None,
) -> Plan:
    """Return the plan with a change made together; see :meth:`Plan.revise`."""
    check.check_instance("plan", plan, Plan)
    known = catalog_or_default(catalog)
    if plan.status not in (PlanStatus.DRAFT, PlanStatus.ACTIVE):
        raise check.fail(
            "status", f"a {plan.status.value} plan cannot be revised; generate a new plan"
        )
    contributors, by_id = _contributor(plan, by)
    when = _after_last(plan, at)
    added, replacing = _items("add", add), _items("replace", replace)
    removing = _ids("remove", remove)
    new_rituals = None if rituals is None else _of_type("rituals", rituals, Ritual)
    new_pauses = None if pauses is None else _of_type("pauses", pauses, Pause)
    require_known(known, added, (), "add")
    require_known(known, replacing, (), "replace")
    if new_rituals:
        require_known(known, (), new_rituals, "rituals")
    items = _changed_items(plan, added, removing, replacing)
    new = attrs.evolve(
        plan,
        items=items,
        goals=plan.goals if goals is None else goals,
        rituals=plan.rituals if new_rituals is None else new_rituals,
        boundaries=plan.boundaries if boundaries is None else boundaries,
        pauses=plan.pauses if new_pauses is None else new_pauses,
        contributors=contributors,
    )
    if (new.items, new.goals, new.rituals, new.boundaries, new.pauses) == (
        plan.items,
        plan.goals,
        plan.rituals,
        plan.boundaries,
        plan.pauses,
    ):
        raise check.fail("revise", "nothing changed; pass add, remove, replace or new values")
    return attrs.evolve(new, revisions=(*plan.revisions, _revision(plan, when, by_id, reason)))


def _contributor(plan: Plan, by: object) -> tuple[list[Contributor], str]:
    """The plan's contributors with ``by`` among them, and ``by``'s id."""
    contributors = list(plan.contributors)
    if isinstance(by, Contributor):
        if by not in contributors:
            if by.id in {c.id for c in contributors}:
                raise check.fail(
                    "by", f"contributor {by.id!r} is already in the plan with another role"
                )
            contributors.append(by)
        return contributors, by.id
    check.check_slug("by", by, "a contributor id")
    assert isinstance(by, str)
    if by not in {c.id for c in contributors}:
        raise check.fail(
            "by", f"{by!r} is not a contributor of this plan; pass a Contributor to add them"
        )
    return contributors, by


def _after_last(plan: Plan, at: object) -> pendulum.DateTime:
    """The zoned instant ``at``, which must not be before the plan's last revision."""
    when = check_zoned("at", at)
    if plan.revisions and when < plan.revisions[-1].at:
        raise check.fail("at", "expected a time on or after the previous revision")
    return when


def _revision(plan: Plan, at: pendulum.DateTime, by: str, reason: object) -> Revision:
    """The revision that records the plan as it was before a change made ``at`` by ``by``."""
    return Revision(
        number=plan.version,
        at=at,
        by=by,
        reason=reason,  # type: ignore[arg-type]  # checked by Revision
        items=plan.items,
        rituals=plan.rituals,
        boundaries=plan.boundaries,
        goals=plan.goals,
        pauses=plan.pauses,
    )


def _of_type(field: str, value: object, kind: type[T]) -> list[T]:
    """Require a collection (not a lone string) of ``kind`` values; return them as a list."""
    found = check.check_list(field, value, f"{kind.__name__} values")
    for n, entry in enumerate(found):
        if not isinstance(entry, kind):
            raise check.fail(f"{field}[{n}]", f"expected a {kind.__name__}, {check.got(entry)}")
    return found


def _items(field: str, value: object) -> list[PlanItem]:
    return _of_type(field, value, PlanItem)


def _ids(field: str, value: object) -> list[str]:
    """Require a collection (not a lone string) of strategy ids."""
    found = check.check_list(field, value, "strategy ids", "['short-walk']")
    for n, sid in enumerate(found):
        check.check_slug(f"{field}[{n}]", sid, "a strategy id")
    return found


def _changed_items(
    plan: Plan, add: list[PlanItem], remove: list[str], replace: list[PlanItem]
) -> list[PlanItem]:
    current = {item.strategy_id: item for item in plan.items}
    touched = [
        *((f"replace[{n}].strategy_id", i.strategy_id) for n, i in enumerate(replace)),
        *((f"remove[{n}]", sid) for n, sid in enumerate(remove)),
    ]
    if len({sid for _, sid in touched}) != len(touched):
        raise check.fail("remove", "an item is both removed and replaced; do one of them")
    missing = unknown_ids(current, "plan item", touched)
    if missing:
        raise UnknownIdError.of(missing)
    for n, item in enumerate(add):
        if item.strategy_id in current:
            raise check.fail(
                f"add[{n}]",
                f"the plan already has {item.strategy_id!r}; use replace to change it",
            )
    replacing = {item.strategy_id: item for item in replace}
    kept = [replacing.get(i.strategy_id, i) for i in plan.items if i.strategy_id not in remove]
    return kept + add


@attrs.frozen
class ItemChange:
    """How one plan item differs between two versions.

    ``kind`` names what changed: ``"recurrence"``, ``"minutes"``, ``"reasons"``,
    ``"pauses"`` or ``"reminders"`` (one change per kind).
    """

    strategy_id: str
    kind: str
    before: PlanItem
    after: PlanItem


@attrs.frozen
class PlanChanges:
    """What changed between an earlier version of a plan and the current one."""

    since_version: int
    added: tuple[PlanItem, ...]
    removed: tuple[PlanItem, ...]
    changed: tuple[ItemChange, ...]
    goals_added: frozenset[Benefit]
    goals_removed: frozenset[Benefit]
    rituals_added: tuple[str, ...]
    rituals_removed: tuple[str, ...]
    boundaries_added: tuple[Boundary, ...]
    boundaries_removed: tuple[Boundary, ...]
    pauses_added: tuple[Pause, ...] = ()
    pauses_removed: tuple[Pause, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Whether the two versions hold the same content."""
        return not (
            self.added
            or self.removed
            or self.changed
            or self.goals_added
            or self.goals_removed
            or self.rituals_added
            or self.rituals_removed
            or self.boundaries_added
            or self.boundaries_removed
            or self.pauses_added
            or self.pauses_removed
        )


def compare(plan: Plan, version: int) -> PlanChanges:
    """Compare an earlier version of a plan (1 is the first) with the current one.

    Raises:
        ValidationError: there is no such earlier version.
    """
    check.check_int("version", version, 1, plan.version)
    if version == plan.version:
        old: Plan | Revision = plan
    else:
        old = plan.revisions[version - 1]
    old_items, old_goals, old_rituals, old_boundaries = (
        old.items,
        old.goals,
        old.rituals,
        old.boundaries,
    )
    before = {i.strategy_id: i for i in old_items}
    after = {i.strategy_id: i for i in plan.items}
    changed = [
        ItemChange(sid, kind, before[sid], after[sid])
        for sid in before
        if sid in after
        for kind in ("recurrence", "minutes", "reasons", "pauses", "reminders")
        if getattr(before[sid], kind) != getattr(after[sid], kind)
    ]
    old_ritual_ids = [r.id for r in old_rituals]
    new_ritual_ids = [r.id for r in plan.rituals]
    return PlanChanges(
        since_version=version,
        added=tuple(i for sid, i in after.items() if sid not in before),
        removed=tuple(i for sid, i in before.items() if sid not in after),
        changed=tuple(changed),
        goals_added=plan.goals - old_goals,
        goals_removed=old_goals - plan.goals,
        rituals_added=tuple(r for r in new_ritual_ids if r not in old_ritual_ids),
        rituals_removed=tuple(r for r in old_ritual_ids if r not in new_ritual_ids),
        boundaries_added=tuple(b for b in plan.boundaries if b not in old_boundaries),
        boundaries_removed=tuple(b for b in old_boundaries if b not in plan.boundaries),
        pauses_added=tuple(p for p in plan.pauses if p not in old.pauses),
        pauses_removed=tuple(p for p in old.pauses if p not in plan.pauses),
    )
