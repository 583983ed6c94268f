"""Reviewing a plan against a person's reflections, and acting on what the review suggests.

A review looks at the plan's period up to a moment ``at``: how often each item was done
against how often it was planned, how established it is as a habit, which items went with
better or worse mood, energy or stress (an association in the person's own reflections, only
with at least three days with and three without), and which categories were neglected. Its
suggestions say, with reasons, what to keep, what to drop or replace with something gentler,
and what to add; :func:`apply_suggestions` turns the chosen ones into a revision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from selfcare._core import checks as check
from selfcare._core.reprs import counted
from selfcare._core.vocabulary import Vocabulary
from selfcare._insights import reasons as explain
from selfcare._insights.balance import (
    BALANCE_DAYS,
    BALANCE_MIN_DAYS,
    CategoryBalance,
    balance_of,
)
from selfcare._insights.days import Day, between, check_history, up_to
from selfcare._insights.effects import MIN_DAYS, StrategyEffect, effects_in
from selfcare._insights.habits import HabitStrength, strength_in, target_of
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Category, Role
from selfcare._model.reasons import Reason
from selfcare._model.reflections import Reflection
from selfcare._model.strategies import Strategy
from selfcare._plans.adherence import ItemAdherence, PlanAdherence, adherence_over
from selfcare._plans.plan import Contributor, Plan, PlanItem, require_known
from selfcare._time.recurrence import Recurrence
from selfcare._time.zoned import check_zoned, local_date

__all__ = [
    "ItemReview",
    "PlanReview",
    "Suggestion",
    "SuggestionKind",
    "apply_suggestions",
    "review_plan",
]

#: Planned days an item must have had before "never done" is a fair finding.
MIN_CHANCES = 3
#: An item kept this well (done over expected) is worth keeping.
KEEP_RATE = 0.6
#: A rating this many points worse on days with an item, and none better, suggests dropping it.
WORSE_BY = 1.0
#: A rating this many points worse is mentioned beside the reasons to keep an item.
NOTABLE = 0.5


class SuggestionKind(Vocabulary):
    """What a review suggests doing with the plan."""

    KEEP = "keep"
    DROP = "drop"
    REPLACE = "replace"
    ADD = "add"


@attrs.frozen
class Suggestion:
    """One change a review suggests, with its reasons.

    Attributes:
        kind: keep, drop, replace or add.
        strategy_id: the item concerned (for an addition, the strategy to add).
        replacement: for a replacement, the gentler strategy to use instead.
        reasons: why, with the facts behind it.
    """

    kind: SuggestionKind
    strategy_id: str
    replacement: str | None
    reasons: tuple[Reason, ...]


@attrs.frozen
class ItemReview:
    """How one plan item went: adherence, habit strength and associated rating changes."""

    strategy_id: str
    adherence: ItemAdherence
    habit: HabitStrength | None
    effects: tuple[StrategyEffect, ...]


@attrs.frozen
class PlanReview:
    """The review of a plan up to a moment.

    Attributes:
        plan_id: the plan reviewed.
        plan_version: the version reviewed, so suggestions are applied to the same plan.
        until: the last day looked at (the local date of ``at``, or the plan's last day).
        adherence: days planned, skipped and done per item.
        items: per item, its adherence, habit strength and associated rating changes.
        balance: practice per category over the last two weeks looked at.
        suggestions: what to keep, drop, replace or add, with reasons.
    """

    plan_id: str
    plan_version: int
    until: dt.date
    adherence: PlanAdherence
    items: tuple[ItemReview, ...] = attrs.field(repr=counted)
    balance: CategoryBalance
    suggestions: tuple[Suggestion, ...] = attrs.field(repr=counted)

    def _repr_html_(self) -> str:
        """The review as HTML for notebooks: per-item figures, then the suggestions."""
        from selfcare._display.review import review_html

        return review_html(self)


def review_plan(
    plan: Plan,
    history: Iterable[Reflection],
    *,
    at: dt.datetime,
    catalog: Catalog | None = None,
) -> PlanReview:
    """Review a plan against the person's reflections, up to ``at``.

    Args:
        plan: the plan to review.
        history: the person's reflections, in any order; those after ``at`` are left out.
        at: when the review happens, as a zoned datetime; the plan's period is looked at up
            to the local date of ``at`` in the plan's zone.
        catalog: where strategies come from (default: the built-in catalog); replacements
            and additions are taken from it.

    Returns:
        A :class:`PlanReview` with per-item figures and suggestions.

    Raises:
        UnknownIdError: the plan names a strategy or ritual the catalog does not hold
            (pass the catalog the plan was made from).
        ValidationError: an argument is not valid, or ``at`` is before the plan starts.

    Example:
        >>> plan = Plan(id="p", role=Role.CLIENT, timezone="UTC",
        ...             period=Period.weeks_from(datetime.date(2026, 1, 5), 2),
        ...             items=[PlanItem("reading-and-learning", Recurrence.daily(), 30)])
        >>> review = review_plan(plan, [], at=pendulum.datetime(2026, 1, 12, 20, tz="UTC"))
        >>> [(s.kind.value, s.strategy_id, s.replacement) for s in review.suggestions][:1]
        [('replace', 'reading-and-learning', 'self-compassion')]
    """
    catalog = catalog_or_default(catalog)
    check.check_instance("plan", plan, Plan)
    require_known(catalog, plan.items, plan.rituals)
    reflections = check_history(history)
    now = check_zoned("at", at)
    today = local_date(now, plan.timezone)
    if today < plan.period.first:
        raise check.fail("at", "expected a moment on or after the plan's first day")
    until = min(today, plan.period.last)
    days = up_to(reflections, now)
    first, last = plan.period.first.toordinal(), until.toordinal()
    adherence = adherence_over(plan, days, last)
    effects = effects_in(between(days, first, last), frozenset(plan.strategy_ids), MIN_DAYS)
    items = tuple(
        ItemReview(
            item.strategy_id,
            kept,
            _habit(days, item, first, last),
            tuple(e for e in effects if e.strategy_id == item.strategy_id),
        )
        for item, kept in zip(plan.items, adherence.items, strict=True)
    )
    categories = _categories_for(plan.role)
    balance = balance_of(days, catalog, last, BALANCE_DAYS, categories, BALANCE_MIN_DAYS)
    suggestions = [
        *(s for review in items if (s := _suggest_for(plan, review, catalog)) is not None),
        *_additions(plan, balance, catalog),
    ]
    return PlanReview(plan.id, plan.version, until, adherence, items, balance, tuple(suggestions))


def _habit(days: Mapping[int, Day], item: PlanItem, first: int, last: int) -> HabitStrength | None:
    start = max(first, item.recurrence.start.toordinal()) if item.recurrence.start else first
    if start > last:
        return None  # the item has not started yet
    target = target_of(item.recurrence)
    return strength_in(between(days, start, last), item.strategy_id, target)


def _categories_for(role: Role) -> list[Category]:
    categories = [Category.EMOTIONAL, Category.PHYSICAL, Category.MENTAL, Category.PRACTICAL]
    return [*categories, Category.PROFESSIONAL] if role is Role.THERAPIST else categories


def _suggest_for(plan: Plan, review: ItemReview, catalog: Catalog) -> Suggestion | None:
    sid = review.strategy_id
    kept = review.adherence
    name = _name(catalog, sid)
    worse = [e for e in review.effects if e.improvement < 0]
    better = [e for e in review.effects if e.improvement > 0]
    warnings = [explain.went_with_worse(e, name) for e in worse]
    if worse and not better and any(e.improvement <= -WORSE_BY for e in worse):
        # Only when every rating compared went the wrong way: a mixed picture is for talking
        # over, not for dropping.
        return Suggestion(SuggestionKind.DROP, sid, None, tuple(warnings))
    if kept.expected >= MIN_CHANCES and kept.done == 0:
        gentler = _gentler(plan, sid, catalog)
        reason = explain.not_done(kept.expected, gentler)
        if gentler is None:
            return Suggestion(SuggestionKind.DROP, sid, None, (reason,))
        return Suggestion(SuggestionKind.REPLACE, sid, gentler.id, (reason,))
    reasons = [explain.helped_before(e, name) for e in better]
    if kept.rate is not None and kept.rate >= KEEP_RATE:
        reasons.append(explain.kept_up(kept.expected, kept.done))
    if reasons:
        # Mention what went the other way too, when it is more than a trace.
        notable = [w for w, e in zip(warnings, worse, strict=True) if e.improvement <= -NOTABLE]
        return Suggestion(SuggestionKind.KEEP, sid, None, (*reasons, *notable))
    return None


def _name(catalog: Catalog, sid: str) -> str:
    return catalog.strategy(sid).name.lower() if sid in catalog else sid


def _taken(plan: Plan, catalog: Catalog) -> set[str]:
    """Strategies not to offer: already in the plan, or steps of a ritual."""
    rituals = (*plan.rituals, *catalog.rituals)
    return set(plan.strategy_ids) | {s for r in rituals for s in r.strategy_ids}


def _gentler(plan: Plan, sid: str, catalog: Catalog) -> Strategy | None:
    """A strategy of the same category that asks less: lower effort, then fewer minutes."""
    if sid not in catalog:
        return None
    current = catalog.strategy(sid)
    taken = _taken(plan, catalog)
    options = [
        s
        for s in catalog.find(role=plan.role, category=current.category)
        if s.id not in taken
        and (
            s.effort < current.effort
            or (s.effort == current.effort and s.minutes < current.minutes)
        )
    ]
    return min(options, key=lambda s: (s.effort.level, s.minutes, s.id), default=None)


def _additions(plan: Plan, balance: CategoryBalance, catalog: Catalog) -> list[Suggestion]:
    in_plan = {catalog.strategy(s).category for s in plan.strategy_ids if s in catalog}
    taken = _taken(plan, catalog)
    found = []
    for category in balance.neglected:
        if category in in_plan:
            continue
        options = [s for s in catalog.find(role=plan.role, category=category) if s.id not in taken]
        if not options:
            continue
        pick = min(options, key=lambda s: (s.effort.level, s.minutes, s.id))
        reason = explain.neglected_category(balance, category)
        found.append(Suggestion(SuggestionKind.ADD, pick.id, None, (reason,)))
    return found


def apply_suggestions(
    plan: Plan,
    review: PlanReview,
    chosen: Iterable[Suggestion],
    *,
    by: str | Contributor,
    at: dt.datetime,
    reason: str,
    catalog: Catalog | None = None,
) -> Plan:
    """Apply the chosen suggestions of a review as one revision of the plan.

    Keeping changes nothing; dropping removes the item; replacing puts the gentler strategy
    in the item's place (same recurrence, at most the same minutes); adding puts the
    strategy in the plan twice a week. When nothing chosen changes the plan (only "keep"
    suggestions, or none), the plan is returned as it is, with no new revision.

    Raises:
        ValidationError: the review is of another plan or version, or a suggestion is not
            the review's.

    Example:
        >>> plan = Plan(id="p", role=Role.CLIENT, timezone="UTC",
        ...             period=Period.weeks_from(datetime.date(2026, 1, 5), 2),
        ...             items=[PlanItem("reading-and-learning", Recurrence.daily(), 30)],
        ...             contributors=[Contributor("t-1", Role.THERAPIST)])
        >>> at = pendulum.datetime(2026, 1, 12, 20, tz="UTC")
        >>> review = review_plan(plan, [], at=at)
        >>> revised = apply_suggestions(plan, review, review.suggestions[:1], by="t-1", at=at,
        ...                             reason="agreed in session")
        >>> revised.strategy_ids, revised.version
        (('self-compassion',), 2)
    """
    catalog = catalog_or_default(catalog)
    check.check_instance("plan", plan, Plan)
    check.check_instance("review", review, PlanReview)
    if (review.plan_id, review.plan_version) != (plan.id, plan.version):
        raise check.fail("review", "the review is of another plan or version; review it again")
    if isinstance(chosen, str | bytes | Mapping) or not isinstance(chosen, Iterable):
        raise check.fail(
            "chosen", f"expected a collection of the review's suggestions, {check.got(chosen)}"
        )
    remove: list[str] = []
    add: list[PlanItem] = []
    for n, suggestion in enumerate(chosen):
        if suggestion not in review.suggestions:
            raise check.fail(f"chosen[{n}]", "expected a suggestion taken from this review")
        if suggestion.kind is SuggestionKind.DROP:
            remove.append(suggestion.strategy_id)
        elif suggestion.kind is SuggestionKind.REPLACE:
            assert suggestion.replacement is not None
            old = plan.item(suggestion.strategy_id)
            new = catalog.strategy(suggestion.replacement)
            remove.append(old.strategy_id)
            add.append(
                PlanItem(new.id, old.recurrence, min(new.minutes, old.minutes), suggestion.reasons)
            )
        elif suggestion.kind is SuggestionKind.ADD:
            new = catalog.strategy(suggestion.strategy_id)
            add.append(
                PlanItem(new.id, Recurrence.times_per_week(2), new.minutes, suggestion.reasons)
            )
    if not remove and not add:
        return plan  # only "keep": the plan stays as agreed, with no new revision
    return plan.revise(by=by, at=at, reason=reason, remove=remove, add=add, catalog=catalog)
