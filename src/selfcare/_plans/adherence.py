"""Adherence of a person's reflections to a plan.

How many days each plan item asked for, and how many of them the reflections show done,
counted window by window so that a walk moved from Monday to Tuesday, or a fortnightly
session moved to the other week of its fortnight, still counts:

* The period assessed runs from the plan's first day to its last day or ``until``
  (default: the last day with a reflection), whichever is earlier.
* **Windows.** Each item is counted in windows of its own cadence, cut to the period (so
  the first and last may be shorter):

  - a weekly recurrence every ``k`` weeks (fortnightly, every four weeks) in windows of
    ``7 * k`` days, aligned as the recurrence's own weeks are: from the Monday of the week
    of its start (default: the plan's first day), as :meth:`Recurrence.dates` counts them;
  - a monthly recurrence every ``k`` months in windows of ``k`` calendar months, from the
    month of its start (default: the plan's first day);
  - everything else (daily, every ``n`` days, weekly every week, ``n`` times a week) in
    windows of seven days from the plan's first day.

* **Planned days.** A daily, weekly or monthly recurrence plans the days
  :meth:`Recurrence.dates` gives for it, counted from its start (default: the plan's first
  day), with ``until``, ``count`` and skipped dates applied as that method applies them,
  less the days in a pause of the item. A flexible "n times a week" plans
  ``n * active days // 7`` days in each window, where active days are those from its start
  to its ``until``, not skipped and not paused, and ``count`` caps the days planned in all.
  Times of day are ignored: a day counts once.
* **Skips.** A day the reflections show the item deliberately skipped (a holiday, an
  illness) frees one planned day of its window: it is neither expected nor missed.
* **Done.** Days done in a window count up to what the window still expects, so a
  fortnightly session kept once in every fortnight, on any day of it, is kept perfectly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from selfcare._core import checks as check
from selfcare._core.reprs import counted
from selfcare._insights.days import (
    MAX_SPAN,
    Day,
    by_strategy,
    check_history,
    collect,
    span,
    to_date,
    up_to,
)
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.reflections import Reflection
from selfcare._plans.plan import Plan, PlanItem, require_known
from selfcare._time.calendar import Period
from selfcare._time.recurrence import Frequency, Recurrence
from selfcare._time.zoned import check_zoned, local_date

__all__ = ["ItemAdherence", "PlanAdherence", "plan_adherence"]


@attrs.frozen
class ItemAdherence:
    """How well one plan item was kept.

    Attributes:
        strategy_id: the item's strategy.
        planned: days the item planned in the period assessed.
        skipped: planned days freed by a deliberate skip.
        done: days done, each counting window (a week, a fortnight, a month: see the
            module notes) counted up to what it still expected.

    Example:
        >>> ItemAdherence("short-walk", planned=14, skipped=2, done=9).rate
        0.75
    """

    strategy_id: str
    planned: int
    skipped: int
    done: int

    @property
    def expected(self) -> int:
        """Planned days that were not freed by a skip."""
        return self.planned - self.skipped

    @property
    def rate(self) -> float | None:
        """Days done over days expected, or ``None`` when nothing was expected."""
        return self.done / self.expected if self.expected else None


@attrs.frozen
class PlanAdherence:
    """How well a plan was kept, item by item.

    Attributes:
        plan_id: the plan assessed.
        period: the days assessed, or ``None`` when none were (the plan had not started).
        items: one entry per plan item, in the plan's order (all zeros when no day was
            assessed).

    Example:
        >>> PlanAdherence("plan-1", None, ()).rate is None
        True
    """

    plan_id: str
    period: Period | None
    items: tuple[ItemAdherence, ...] = attrs.field(repr=counted)

    def _repr_html_(self) -> str:
        """The adherence as HTML for notebooks: overall, then per item."""
        from selfcare._display.review import adherence_html

        return adherence_html(self)

    @property
    def rate(self) -> float | None:
        """All items' days done over all days expected, or ``None`` when none were."""
        expected = sum(item.expected for item in self.items)
        return sum(item.done for item in self.items) / expected if expected else None


class _Windows:
    """The counting windows of one item over ``[first, last]``, numbered from 0.

    ``first`` is the plan's first day, which anchors the windows of a recurrence without a
    start.
    """

    __slots__ = ("_base", "_first_key", "_months", "_size", "count")

    def __init__(self, rule: Recurrence, first: int, last: int) -> None:
        self._months = 0  # windows of this many calendar months, or of _size days
        if rule.frequency is Frequency.MONTHLY:
            anchor = rule.start or to_date(first)
            self._months, self._base = rule.interval, anchor.year * 12 + anchor.month - 1
        elif rule.frequency is Frequency.WEEKLY and rule.interval > 1:
            # as Recurrence.dates counts the weeks: from the Monday of its start's week
            anchor_day = rule.start.toordinal() if rule.start else first
            self._size, self._base = 7 * rule.interval, anchor_day - (anchor_day + 6) % 7
        else:
            self._size, self._base = 7, first
        self._first_key = self._key(first)
        #: how many windows touch ``[first, last]``
        self.count = self._key(last) - self._first_key + 1

    def _key(self, ordinal: int) -> int:
        if self._months:
            day = dt.date.fromordinal(ordinal)
            return (day.year * 12 + day.month - 1 - self._base) // self._months
        return (ordinal - self._base) // self._size

    def of(self, ordinal: int) -> int:
        """The number of the window a day in ``[first, last]`` falls in."""
        return self._key(ordinal) - self._first_key


def _planned(item: PlanItem, windows: _Windows, first: int, last: int) -> list[int]:
    """The planned days in each counting window of ``[first, last]``, ``first`` the plan's."""
    rule = item.recurrence
    paused: set[int] = set()
    for pause in item.pauses:
        paused.update(range(pause.first.toordinal(), pause.last.toordinal() + 1))
    blocks = [0] * windows.count
    if rule.frequency is not Frequency.TIMES_PER_WEEK:
        # A fixed schedule: the days the recurrence itself falls on (start, until, count
        # and skipped dates applied by Recurrence.dates), less the item's pauses.
        days = rule.dates(to_date(first), to_date(last), origin=to_date(first), limit=MAX_SPAN)
        for day in days:
            ordinal = day.toordinal()
            if ordinal not in paused:
                blocks[windows.of(ordinal)] += 1
        return blocks
    # A flexible target: n * active days // 7 in each seven-day window, active days being
    # those the recurrence allows (from its start, to its until, not skipped) and not paused.
    assert rule.per_week is not None
    anchor = (rule.start or to_date(first)).toordinal()
    end = min(last, rule.until.toordinal() if rule.until else last)
    off = paused | {d.toordinal() for d in rule.skipped}
    active = [0] * len(blocks)
    for ordinal in range(max(first, anchor), end + 1):
        if ordinal not in off:
            active[windows.of(ordinal)] += 1
    left = rule.count
    for block, days_active in enumerate(active):
        planned = rule.per_week * days_active // 7
        if left is not None:
            planned = min(planned, left)
            left -= planned
        blocks[block] = planned
    return blocks


def _blocks(days: list[int], windows: _Windows, first: int, last: int) -> list[int]:
    counts = [0] * windows.count
    for ordinal in days:
        if first <= ordinal <= last:
            counts[windows.of(ordinal)] += 1
    return counts


def plan_adherence(
    plan: Plan,
    history: Iterable[Reflection],
    *,
    at: dt.datetime | None = None,
    catalog: Catalog | None = None,
) -> PlanAdherence:
    """Count, for each plan item, the days planned, freed by a skip and done.

    Each item is counted in windows of its cadence: seven-day blocks from the plan's first
    day, the recurrence's own fortnights (or runs of ``k`` weeks) for a weekly rule every
    ``k`` weeks, and calendar months (or runs of ``k`` months) for a monthly rule. A practice
    done on another day of the same window than planned still counts, up to what the window
    expected; a deliberate skip frees a planned day. See the module notes for exactly how
    windows and planned days are counted from each item's recurrence.

    Args:
        plan: the plan to assess.
        history: the person's reflections, in any order.
        at: now, as a zoned instant: reflections after it are left out, and its local date
            in the plan's zone is the last day assessed (default: the last day with a
            reflection); never later than the plan's last day.
        catalog: the catalog the plan's strategies and rituals are in (default: the
            built-in one).

    Returns:
        The adherence of each item, and overall through :attr:`PlanAdherence.rate`.

    Raises:
        UnknownIdError: the plan names a strategy or ritual the catalog does not hold.
        ValidationError: an argument is not valid.

    Example:
        >>> plan = Plan(id="plan-1", role=Role.CLIENT, timezone="UTC",
        ...             period=Period.weeks_from(datetime.date(2026, 1, 5), 2),
        ...             items=[PlanItem("short-walk", Recurrence.times_per_week(3), 15)])
        >>> history = [
        ...     Reflection(at=pendulum.datetime(2026, 1, day, 20, tz="UTC"), author=Role.CLIENT,
        ...                practised=[Practice.done("short-walk")])
        ...     for day in (5, 7, 9, 13)
        ... ]
        >>> now = pendulum.datetime(2026, 1, 18, 21, tz="UTC")
        >>> result = plan_adherence(plan, history, at=now)
        >>> [(i.planned, i.done) for i in result.items], result.rate
        ([(6, 4)], 0.666...)

        A fortnightly session held once in each of its fortnights is kept, even in the
        other week of the fortnight than planned:

        >>> fortnightly = Recurrence.weekly({Weekday.TUESDAY}, every_weeks=2)
        >>> plan = Plan(id="plan-2", role=Role.THERAPIST, timezone="UTC",
        ...             period=Period.weeks_from(datetime.date(2026, 1, 5), 4),
        ...             items=[PlanItem("peer-supervision", fortnightly, 60)])
        >>> held = [
        ...     Reflection(at=pendulum.datetime(2026, 1, day, 20, tz="UTC"),
        ...                author=Role.THERAPIST, practised=[Practice.done("peer-supervision")])
        ...     for day in (13, 27)  # planned on the 6th and the 20th
        ... ]
        >>> result = plan_adherence(plan, held, at=pendulum.datetime(2026, 2, 1, 21, tz="UTC"))
        >>> [(i.planned, i.done) for i in result.items], result.rate
        ([(2, 2)], 1.0)
    """
    check.check_instance("plan", plan, Plan)
    require_known(catalog_or_default(catalog), plan.items, plan.rituals)
    reflections = check_history(history)
    if at is None:
        collected = collect(reflections)
        last = max(collected, default=plan.period.first.toordinal() - 1)
    else:
        now = check_zoned("at", at)
        collected = up_to(reflections, now)
        last = local_date(now, plan.timezone).toordinal()
    return adherence_over(plan, collected, last)


def adherence_over(plan: Plan, collected: Mapping[int, Day], last: int) -> PlanAdherence:
    """The adherence of the plan's items up to day ``last`` (internal, validated)."""
    first = plan.period.first.toordinal()
    last = min(last, plan.period.last.toordinal())
    if last < first:
        nothing = tuple(ItemAdherence(item.strategy_id, 0, 0, 0) for item in plan.items)
        return PlanAdherence(plan.id, None, nothing)
    span(first, last, "at")
    practised = by_strategy(collected)
    items = []
    for item in plan.items:
        windows = _Windows(item.recurrence, first, last)
        planned = _planned(item, windows, first, last)
        done_days, skipped_days = practised.get(item.strategy_id, ([], []))
        done = _blocks(done_days, windows, first, last)
        skips = _blocks(skipped_days, windows, first, last)
        freed = [min(p, s) for p, s in zip(planned, skips, strict=True)]
        credited = [min(d, p - f) for d, p, f in zip(done, planned, freed, strict=True)]
        items.append(ItemAdherence(item.strategy_id, sum(planned), sum(freed), sum(credited)))
    return PlanAdherence(plan.id, Period(to_date(first), to_date(last)), tuple(items))
