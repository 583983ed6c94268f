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
* **Plan pauses.** A day inside one of the plan's :attr:`~Plan.pauses` (a holiday, an
  illness) is left out of what every item plans, exactly as a day in the item's own
  ``pauses``: a rest is not a miss, and adherence never falls because of one.
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
from selfcare._insights.rituals import DayKind, day_kind
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.reflections import Reflection
from selfcare._model.rituals import Ritual
from selfcare._plans.plan import Plan, PlanItem, require_known
from selfcare._time.calendar import Period
from selfcare._time.recurrence import Frequency, Recurrence
from selfcare._time.zoned import check_zoned, local_date

__all__ = ["ItemAdherence", "PlanAdherence", "RitualAdherence", "plan_adherence"]


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
class RitualAdherence:
    """How well one ritual of a plan was kept, day by day.

    Each planned day is done, skipped, partly done or missed (see the module notes).

    Attributes:
        ritual_id: the ritual.
        planned: days its recurrence planned in the period assessed, less the plan's
            pauses.
        skipped: planned days freed because every step not done was deliberately skipped.
        partly: planned days with some steps done, but fewer than
            :attr:`Ritual.steps_needed`.
        done: planned days with at least :attr:`Ritual.steps_needed` steps done, a step
            counting as done when its strategy or one of its alternatives was done (each
            strategy done standing for one step only).

    Example:
        >>> kept = RitualAdherence("daily-reflection", planned=14, skipped=2, partly=3, done=9)
        >>> kept.expected, kept.rate
        (12, 0.75)
    """

    ritual_id: str
    planned: int
    skipped: int
    partly: int
    done: int

    @property
    def expected(self) -> int:
        """Planned days that were not freed by a skip."""
        return self.planned - self.skipped

    @property
    def rate(self) -> float | None:
        """Days done over days expected, or ``None`` when nothing was expected.

        A day done only partly does not count.
        """
        return self.done / self.expected if self.expected else None


@attrs.frozen
class PlanAdherence:
    """How well a plan was kept, item by item and ritual by ritual.

    Attributes:
        plan_id: the plan assessed.
        period: the days assessed, or ``None`` when none were (the plan had not started).
        items: one entry per plan item, in the plan's order (all zeros when no day was
            assessed).
        rituals: one entry per ritual of the plan, in the plan's order (all zeros when no
            day was assessed).

    Example:
        >>> PlanAdherence("plan-1", None, ()).rate is None
        True
        >>> kept = PlanAdherence("plan-1", None, (ItemAdherence("short-walk", 7, 0, 7),),
        ...                      (RitualAdherence("daily-reflection", 7, 1, 2, 3),))
        >>> kept.rate, kept.ritual_rate
        (1.0, 0.5)
    """

    plan_id: str
    period: Period | None
    items: tuple[ItemAdherence, ...] = attrs.field(repr=counted)
    rituals: tuple[RitualAdherence, ...] = attrs.field(default=(), repr=counted)

    def _repr_html_(self) -> str:
        """The adherence as HTML for notebooks: overall, then per item."""
        from selfcare._display.review import adherence_html

        return adherence_html(self)

    @property
    def rate(self) -> float | None:
        """All items' days done over all days expected, or ``None`` when none were.

        Items only: the rituals are counted apart, in :attr:`ritual_rate`, since their
        steps are often items of the plan too and would count twice.
        """
        expected = sum(item.expected for item in self.items)
        return sum(item.done for item in self.items) / expected if expected else None

    @property
    def ritual_rate(self) -> float | None:
        """All rituals' days done over all their days expected, or ``None`` when none were."""
        expected = sum(ritual.expected for ritual in self.rituals)
        return sum(r.done for r in self.rituals) / expected if expected else None


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


def _days_in(periods: Iterable[Period]) -> set[int]:
    """The ordinals of every day in the periods."""
    found: set[int] = set()
    for period in periods:
        found.update(range(period.first.toordinal(), period.last.toordinal() + 1))
    return found


def _planned(
    item: PlanItem, windows: _Windows, first: int, last: int, rests: set[int]
) -> list[int]:
    """The planned days in each counting window of ``[first, last]``, ``first`` the plan's.

    ``rests`` are the days the whole plan rests, left out as the item's own pauses are.
    """
    rule = item.recurrence
    paused = _days_in(item.pauses) | rests
    blocks = [0] * windows.count
    if rule.frequency is not Frequency.TIMES_PER_WEEK:
        # A fixed schedule: the days the recurrence itself falls on (start, until, count
        # and skipped dates applied by Recurrence.dates), less the item's and plan's pauses.
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
    """Count, for each plan item and ritual, the days planned, freed by a skip and done.

    Each item is counted in windows of its cadence: seven-day blocks from the plan's first
    day, the recurrence's own fortnights (or runs of ``k`` weeks) for a weekly rule every
    ``k`` weeks, and calendar months (or runs of ``k`` months) for a monthly rule. A practice
    done on another day of the same window than planned still counts, up to what the window
    expected; a deliberate skip frees a planned day. See the module notes for exactly how
    windows and planned days are counted from each item's recurrence. Days the whole plan
    rests (its :attr:`~Plan.pauses`) are planned for nothing, so a rest never lowers
    adherence. Each ritual is counted day by day: done when enough of its steps were done,
    partly, skipped or missed (see :class:`RitualAdherence`).

    Args:
        plan: the plan to assess.
        history: the person's reflections, in any order.
        at: now, as a zoned instant: reflections after it are left out, and its local date
            in the plan's zone is the last day assessed (default: the last day with a
            reflection); never later than the plan's last day.
        catalog: the catalog the plan's strategies and rituals are in (default: the
            built-in one).

    Returns:
        The adherence of each item and ritual, overall through :attr:`PlanAdherence.rate`
        (items) and :attr:`PlanAdherence.ritual_rate` (rituals).

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

        A week's holiday plans nothing, so a daily walk kept on every other day is kept
        perfectly:

        >>> plan = Plan(id="plan-3", role=Role.CLIENT, timezone="UTC",
        ...             period=Period.weeks_from(datetime.date(2026, 1, 5), 2),
        ...             items=[PlanItem("short-walk", Recurrence.daily(), 15)],
        ...             pauses=[Pause(Period(datetime.date(2026, 1, 12),
        ...                                  datetime.date(2026, 1, 18)), PauseKind.HOLIDAY)])
        >>> walked = [
        ...     Reflection(at=pendulum.datetime(2026, 1, day, 20, tz="UTC"), author=Role.CLIENT,
        ...                practised=[Practice.done("short-walk")])
        ...     for day in range(5, 12)
        ... ]
        >>> result = plan_adherence(plan, walked, at=pendulum.datetime(2026, 1, 18, 21, tz="UTC"))
        >>> [(i.planned, i.done) for i in result.items], result.rate
        ([(7, 7)], 1.0)

        A ritual done when two of its three steps are, on the days its recurrence plans:

        >>> evening = Ritual(id="daily-reflection", name="Evening",
        ...                  steps=[RitualStep("one-insight", 3), RitualStep("one-gratitude", 2),
        ...                         RitualStep("mindful-breathing", 3)],
        ...                  anchor=Anchor.at(datetime.time(21)), recurrence=Recurrence.daily(),
        ...                  roles={Role.CLIENT}, done_at_least=2)
        >>> plan = Plan(id="plan-4", role=Role.CLIENT, timezone="UTC",
        ...             period=Period.weeks_from(datetime.date(2026, 1, 5), 1), rituals=[evening])
        >>> def day(n, *practices):
        ...     return Reflection(at=pendulum.datetime(2026, 1, n, 21, 30, tz="UTC"),
        ...                       author=Role.CLIENT, practised=list(practices))
        >>> history = [
        ...     day(5, Practice.done("one-insight"), Practice.done("one-gratitude")),
        ...     day(6, Practice.done("one-insight")),
        ...     day(7, Practice.done("one-insight"), Practice.skipped("one-gratitude"),
        ...         Practice.skipped("mindful-breathing")),
        ... ]
        >>> kept = plan_adherence(plan, history, at=pendulum.datetime(2026, 1, 11, 22, tz="UTC"))
        >>> kept.rituals
        (RitualAdherence(ritual_id='daily-reflection', planned=7, skipped=1, partly=1, done=1),)
        >>> kept.ritual_rate, kept.rate
        (0.166..., None)
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
    """The adherence of the plan's items and rituals up to day ``last`` (internal, validated)."""
    first = plan.period.first.toordinal()
    last = min(last, plan.period.last.toordinal())
    if last < first:
        nothing = tuple(ItemAdherence(item.strategy_id, 0, 0, 0) for item in plan.items)
        none = tuple(RitualAdherence(ritual.id, 0, 0, 0, 0) for ritual in plan.rituals)
        return PlanAdherence(plan.id, None, nothing, none)
    span(first, last, "at")
    rests = _days_in(pause.period for pause in plan.pauses)
    practised = by_strategy(collected)
    items = []
    for item in plan.items:
        windows = _Windows(item.recurrence, first, last)
        planned = _planned(item, windows, first, last, rests)
        done_days, skipped_days = practised.get(item.strategy_id, ([], []))
        done = _blocks(done_days, windows, first, last)
        skips = _blocks(skipped_days, windows, first, last)
        freed = [min(p, s) for p, s in zip(planned, skips, strict=True)]
        credited = [min(d, p - f) for d, p, f in zip(done, planned, freed, strict=True)]
        items.append(ItemAdherence(item.strategy_id, sum(planned), sum(freed), sum(credited)))
    rituals = tuple(_ritual(ritual, collected, first, last, rests) for ritual in plan.rituals)
    return PlanAdherence(plan.id, Period(to_date(first), to_date(last)), tuple(items), rituals)


def _ritual(
    ritual: Ritual, collected: Mapping[int, Day], first: int, last: int, rests: set[int]
) -> RitualAdherence:
    """How one ritual was kept on the days its recurrence planned in ``[first, last]``."""
    days = ritual.recurrence.dates(
        to_date(first), to_date(last), origin=to_date(first), limit=MAX_SPAN
    )
    planned = skipped = partly = done = 0
    for date in days:
        ordinal = date.toordinal()
        if ordinal in rests:
            continue
        planned += 1
        kind = day_kind(ritual, collected.get(ordinal))
        done += kind is DayKind.DONE
        skipped += kind is DayKind.SKIPPED
        partly += kind is DayKind.PARTLY
    return RitualAdherence(ritual.id, planned, skipped, partly, done)
