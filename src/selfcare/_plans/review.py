"""Reviewing a plan against a person's reflections, and acting on what the review suggests.

A review looks at the plan's period up to a moment ``at``: how often each item was done
against how often it was planned, how established it is as a habit, which items went with
better or worse mood, energy or stress (an association in the person's own reflections, only
with at least three days with and three without), and which categories were neglected. Its
suggestions say, with reasons, what to keep, what to drop or replace with something gentler,
what to do less often, and what to add; :func:`apply_suggestions` turns the chosen ones into
a revision.

**Less often.** An item with a fixed cadence that was done, but on fewer than half the days
it expected (at least three), is suggested at a lower cadence, named in the reason and given
as :attr:`Suggestion.recurrence`. The new cadence is the least frequent step down that still
asks for at least as many days as were done (days done over days expected, times the days
the old cadence asks for), and never the old one:

* every day, or ``d`` weekdays every ``k`` weeks: fewer weekdays, spread over the old ones
  (every day done on 2 of 7 days becomes two days a week; three days a week, twice);
* one weekday every ``k`` weeks: every 2, then every 4 weeks (weekly becomes fortnightly);
* every ``k`` days: every ``k / rate`` days (rounded down, at least ``k + 1``);
* ``n`` times a week: ``n * rate`` times a week (rounded up, at least once);
* monthly every ``k`` months: every 2, 3, 6 or 12 months.

A commitment (a strategy kept all day, such as a consistent bedtime) keeps its daily
cadence, and an item with no step below its own (once a week flexibly, every four weeks,
every 12 months, every 366 days) gets no such suggestion; times of day, start, end, count
and skipped dates stay as they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

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
from selfcare._insights.rituals import RitualHabit, ritual_in
from selfcare._measures.trend import MeasureTrend
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Category, Role
from selfcare._model.reasons import Reason, ReasonCode
from selfcare._model.reflections import Reflection
from selfcare._model.strategies import Strategy, StrategyKind
from selfcare._plans.adherence import ItemAdherence, PlanAdherence, adherence_over
from selfcare._plans.plan import Contributor, Plan, PlanItem, require_known
from selfcare._time.calendar import Weekday
from selfcare._time.recurrence import Frequency, Recurrence
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
#: An item done, but on fewer than this share of the days expected, is suggested less often.
LESS_OFTEN_RATE = 0.5
#: The longer intervals a weekly rule on one weekday steps down to: fortnightly, four-weekly.
WEEK_STEPS = (2, 4)
#: The longer intervals a monthly rule steps down to, in months.
MONTH_STEPS = (2, 3, 6, 12)


class SuggestionKind(Vocabulary):
    """What a review suggests doing with the plan."""

    KEEP = "keep"
    DROP = "drop"
    REPLACE = "replace"
    ADD = "add"
    LESS_OFTEN = "less-often"


@attrs.frozen
class Suggestion:
    """One change a review suggests, with its reasons.

    Attributes:
        kind: keep, drop, replace, add or less often.
        strategy_id: the item concerned (for an addition, the strategy to add).
        replacement: for a replacement, the gentler strategy to use instead.
        reasons: why, with the facts behind it.
        recurrence: for "less often", the cadence suggested instead of the item's.
    """

    kind: SuggestionKind
    strategy_id: str
    replacement: str | None
    reasons: tuple[Reason, ...]
    recurrence: Recurrence | None = None


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
        measures: each instrument score followed (the ``measures`` passed in), over the
            plan's period up to ``until``: its first and latest score and the change.
        rituals: per ritual of the plan, its strength and streaks as one habit beside each
            step's own strength (see :func:`~selfcare.ritual_habit`), over the plan's period
            up to ``until``, its rests frozen.
    """

    plan_id: str
    plan_version: int
    until: dt.date
    adherence: PlanAdherence
    items: tuple[ItemReview, ...] = attrs.field(repr=counted)
    balance: CategoryBalance
    suggestions: tuple[Suggestion, ...] = attrs.field(repr=counted)
    measures: tuple[MeasureTrend, ...] = attrs.field(default=(), repr=counted)
    rituals: tuple[RitualHabit, ...] = attrs.field(default=(), repr=counted)

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
    measures: Iterable[MeasureTrend] = (),
) -> PlanReview:
    """Review a plan against the person's reflections, up to ``at``.

    Args:
        plan: the plan to review.
        history: the person's reflections, in any order; those after ``at`` are left out.
        at: when the review happens, as a zoned datetime; the plan's period is looked at up
            to the local date of ``at`` in the plan's zone.
        catalog: where strategies come from (default: the built-in catalog); replacements
            and additions are taken from it.
        measures: trends of instrument scores (:func:`measure_trend`), such as the WHO-5;
            the review reports each over the plan's period, with its change.

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
    trends = check.check_list("measures", measures, "MeasureTrend values")
    for n, trend in enumerate(trends):
        if not isinstance(trend, MeasureTrend):
            raise check.fail(f"measures[{n}]", "expected a MeasureTrend, from measure_trend()")
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
            _habit(days, plan, item, catalog, first, last),
            tuple(e for e in effects if e.strategy_id == item.strategy_id),
        )
        for item, kept in zip(plan.items, adherence.items, strict=True)
    )
    categories = _categories_for(plan.role)
    balance = balance_of(days, catalog, last, BALANCE_DAYS, categories, BALANCE_MIN_DAYS)
    taken = _taken(plan, catalog)  # grows as suggestions name strategies to bring in
    suggestions = [
        *(s for review in items if (s := _suggest_for(plan, review, catalog, taken)) is not None),
        *_additions(plan, balance, catalog, taken),
    ]
    followed = tuple(
        trend.between(plan.period.first, until, tz=plan.timezone, until=now) for trend in trends
    )
    looked_at = between(days, first, last)
    rituals = tuple(
        ritual_in(looked_at, r, target_of(r.recurrence), catalog, plan.rest_periods)
        for r in plan.rituals
    )
    return PlanReview(
        plan.id,
        plan.version,
        until,
        adherence,
        items,
        balance,
        tuple(suggestions),
        followed,
        rituals,
    )


def _habit(
    days: Mapping[int, Day], plan: Plan, item: PlanItem, catalog: Catalog, first: int, last: int
) -> HabitStrength | None:
    """The item's habit strength, measured when its strategy is, frozen over every rest."""
    start = max(first, item.recurrence.start.toordinal()) if item.recurrence.start else first
    if start > last:
        return None  # the item has not started yet
    return strength_in(
        between(days, start, last),
        item.strategy_id,
        target_of(item.recurrence),
        strategy=catalog.strategy(item.strategy_id),
        pauses=(*plan.rest_periods, *item.pauses),
    )


def _categories_for(role: Role) -> list[Category]:
    categories = [Category.EMOTIONAL, Category.PHYSICAL, Category.MENTAL, Category.PRACTICAL]
    return [*categories, Category.PROFESSIONAL] if role is Role.THERAPIST else categories


def _suggest_for(
    plan: Plan, review: ItemReview, catalog: Catalog, taken: set[str]
) -> Suggestion | None:
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
        gentler = _gentler(plan, sid, catalog, taken)
        reason = explain.not_done(kept.expected, gentler)
        if gentler is None:
            return Suggestion(SuggestionKind.DROP, sid, None, (reason,))
        taken.add(gentler.id)  # two items never get the same replacement
        return Suggestion(SuggestionKind.REPLACE, sid, gentler.id, (reason,))
    reasons = [explain.helped_before(e, name) for e in better]
    # Mention what went the other way too, when it is more than a trace.
    notable = [w for w, e in zip(warnings, worse, strict=True) if e.improvement <= -NOTABLE]
    rule = plan.item(sid).recurrence
    lower = _less_often(sid, rule, kept, catalog)
    if lower is not None:
        why = _less_often_reason(rule, lower, kept)
        return Suggestion(SuggestionKind.LESS_OFTEN, sid, None, (why, *reasons, *notable), lower)
    if kept.rate is not None and kept.rate >= KEEP_RATE:
        reasons.append(explain.kept_up(kept.expected, kept.done))
    if reasons:
        return Suggestion(SuggestionKind.KEEP, sid, None, (*reasons, *notable))
    return None


def _less_often(
    sid: str, rule: Recurrence, kept: ItemAdherence, catalog: Catalog
) -> Recurrence | None:
    """The lower cadence to suggest for an item kept well under its own, if any."""
    done, expected = kept.done, kept.expected
    if expected < MIN_CHANCES or done == 0 or done >= LESS_OFTEN_RATE * expected:
        return None
    if catalog.strategy(sid).kind is StrategyKind.COMMITMENT:
        return None  # kept all day, every day: its cadence is what it is
    return lower_cadence(rule, done, expected)


def lower_cadence(rule: Recurrence, done: int, expected: int) -> Recurrence | None:
    """The least frequent cadence below ``rule`` that asks for at least what was done.

    ``done`` of ``expected`` days were kept, ``0 < done < expected / 2`` as a review calls
    it (with more done, a step down may ask for less than was done); see the module notes
    for the steps. ``None`` when ``rule`` has no step below it.

    Example:
        >>> lower_cadence(Recurrence.daily(), 2, 14).describe()
        'every Monday'
        >>> lower_cadence(Recurrence.daily(at=datetime.time(7)), 5, 14).describe()
        'every Monday, Wednesday and Friday at 07:00'
        >>> lower_cadence(Recurrence.weekly({Weekday.TUESDAY}), 2, 6).describe()
        'every 2 weeks on Tuesday'
        >>> lower_cadence(Recurrence.times_per_week(3), 4, 9).describe()
        '2 times a week'
        >>> lower_cadence(Recurrence.monthly(15), 1, 4).describe()
        'every 3 months on the 15th'
    """
    frequency = rule.frequency
    if frequency is Frequency.TIMES_PER_WEEK:
        assert rule.per_week is not None
        if rule.per_week == 1:
            return None
        return attrs.evolve(rule, per_week=_fewer(rule.per_week, done, expected))
    if frequency is Frequency.MONTHLY:
        months = _longer(rule.interval, MONTH_STEPS, done, expected)
        return None if months is None else attrs.evolve(rule, interval=months)
    if frequency is Frequency.DAILY and rule.interval > 1:
        if rule.interval >= _MAX_DAYS:
            return None
        days = min(_MAX_DAYS, max(rule.interval + 1, rule.interval * expected // done))
        return attrs.evolve(rule, interval=days)
    weekdays = sorted(rule.weekdays) if frequency is Frequency.WEEKLY else sorted(Weekday)
    if len(weekdays) > 1:
        fewer = _fewer(len(weekdays), done, expected)
        kept = frozenset(weekdays[i * len(weekdays) // fewer] for i in range(fewer))
        return attrs.evolve(rule, frequency=Frequency.WEEKLY, weekdays=kept)
    weeks = _longer(rule.interval, WEEK_STEPS, done, expected)
    return None if weeks is None else attrs.evolve(rule, interval=weeks)


#: The longest interval of a rule every ``n`` days.
_MAX_DAYS = 366


def _fewer(count: int, done: int, expected: int) -> int:
    """``count * done / expected`` rounded up, from 1 to ``count - 1``."""
    return min(count - 1, max(1, -(-count * done // expected)))


def _longer(interval: int, steps: Sequence[int], done: int, expected: int) -> int | None:
    """The longest step above ``interval`` with at least ``done / expected`` of its rate."""
    longer = [step for step in steps if step > interval]
    fitting = [step for step in longer if step * done <= interval * expected]
    return max(fitting) if fitting else min(longer, default=None)


def _less_often_reason(old: Recurrence, new: Recurrence, kept: ItemAdherence) -> Reason:
    """Done on few of the days expected: the lower cadence named, with both per week."""
    text = (
        f"{explain.done_on(kept.done, kept.expected)}; {_cadence(new)} rather "
        f"than {_cadence(old)} may be easier to keep"
    )
    if len(text) > check.MAX_NAME:
        text = text[: check.MAX_NAME - 3].rstrip() + "..."
    return Reason(
        ReasonCode.LESS_OFTEN,
        text,
        {"usual_per_week": _per_week(old), "planned_per_week": _per_week(new)},
    )


def _cadence(rule: Recurrence) -> str:
    """How often a rule recurs, with its times of day but not its start, end or count."""
    return attrs.evolve(rule, start=None, until=None, count=None, skipped=()).describe()


def _per_week(rule: Recurrence) -> int | float:
    """Days a week on average, to two places (a whole number as an int)."""
    value = round(rule.days_per_week, 2)
    return int(value) if value.is_integer() else value


def _name(catalog: Catalog, sid: str) -> str:
    return catalog.strategy(sid).name.lower() if sid in catalog else sid


def _taken(plan: Plan, catalog: Catalog) -> set[str]:
    """Strategies not to offer: already in the plan, or steps of a ritual."""
    rituals = (*plan.rituals, *catalog.rituals)
    return set(plan.strategy_ids) | {s for r in rituals for s in r.strategy_ids}


def _gentler(plan: Plan, sid: str, catalog: Catalog, taken: set[str]) -> Strategy | None:
    """A strategy of the same category that asks less: lower effort, then fewer minutes."""
    if sid not in catalog:
        return None
    current = catalog.strategy(sid)
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


def _additions(
    plan: Plan, balance: CategoryBalance, catalog: Catalog, taken: set[str]
) -> list[Suggestion]:
    in_plan = {catalog.strategy(s).category for s in plan.strategy_ids if s in catalog}
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
    in the item's place (same recurrence, at most the same minutes); "less often" gives the
    item the suggested recurrence (same minutes and pauses, its reasons followed by the new
    cadence's); adding puts the strategy in the plan twice a week. When nothing chosen
    changes the plan (only "keep" suggestions, or none), the plan is returned as it is, with
    no new revision.

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
    replace: list[PlanItem] = []
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
        elif suggestion.kind is SuggestionKind.LESS_OFTEN:
            assert suggestion.recurrence is not None
            old = plan.item(suggestion.strategy_id)
            reasons = [r for r in old.reasons if r.code is not ReasonCode.LESS_OFTEN]
            why = [r for r in suggestion.reasons if r.code is ReasonCode.LESS_OFTEN]
            replace.append(
                attrs.evolve(
                    old, recurrence=suggestion.recurrence, reasons=(*reasons[:49], *why[:1])
                )
            )
        elif suggestion.kind is SuggestionKind.ADD:
            new = catalog.strategy(suggestion.strategy_id)
            add.append(
                PlanItem(new.id, Recurrence.times_per_week(2), new.minutes, suggestion.reasons)
            )
    if not remove and not add and not replace:
        return plan  # only "keep": the plan stays as agreed, with no new revision
    return plan.revise(
        by=by, at=at, reason=reason, remove=remove, add=add, replace=replace, catalog=catalog
    )
