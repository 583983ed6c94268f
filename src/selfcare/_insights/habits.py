"""Habit strength and streaks of one strategy over a person's reflections.

Habit strength follows the exponentially smoothed score of Loop Habit Tracker, re-derived
here from its published description (not from its code). For a target of ``n`` times every
``w`` days, the frequency is ``f = n / w`` and every day

    score = m * score + (1 - m) * p,    m = 0.5 ** (sqrt(f) / 13),

where ``p = min(1, done in the last w days / n)`` is the share of the target met over the
rolling window that ends that day. The score starts at 0 on the first day counted. A day the
strategy was deliberately skipped leaves the score unchanged; a day with no reflection, or
a reflection that does not mention the strategy, is a miss.

Days, not entries, are counted: a day with one or more done practices of the strategy (a
breathing exercise in the morning and again in the evening) is one day done, and a day
whose only practices of it are skips is a skipped day.

A measured strategy (one with a ``unit`` and a ``target``, as Loop's numerical habits) counts
amounts instead of days. A day's amount is the sum over its done practices of the practice's
``amount``; a done practice without one counts its ``minutes`` when the unit is minutes, and
else (or when its minutes are not known either) the strategy's full ``target``, as the
person said it was done. Then

    p = min(1, sum of the daily amounts over the last w days / (n * target)),

the same recursion with the count of days done replaced by amount / target; an unmeasured
strategy is unchanged. Streaks count days done either way.

A pause (a holiday, an illness: one of a plan's :attr:`~selfcare.Plan.pauses`) counts
each of its days on which the strategy was not done exactly as a deliberately skipped day:
score and streak are frozen. A day done inside a pause counts as done.

The target ``n`` in ``w`` days comes from a recurrence (see :func:`target_of`): every day is
1 in 1, every ``k`` days 1 in ``k``, ``d`` weekdays every ``k`` weeks ``d`` in ``7 * k``, ``n``
times a week ``n`` in 7, and once a month every ``k`` months 1 in ``30 * k``, as Loop counts
"n times per month" as ``n`` in 30 days. A month of 31 days (or five weeks between two
"first Mondays") leaves a day or more with nothing in the window: the score dips a little
there, as it does in Loop.

Between two days on which something changes (a day done or skipped, a day leaving the
window, a pause beginning or ending), ``p`` is constant, so ``k`` such days move the score to
``p + (score - p) * m ** k`` at once (or leave it, inside a pause): the cost is linear in the
number of those days, not in the length of the period.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Collection, Iterable, Mapping, Sequence

import attrs

from selfcare._core import checks as check
from selfcare._insights.days import (
    Day,
    Window,
    by_strategy,
    to_date,
    window,
)
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.pauses import Pause
from selfcare._model.reflections import Practice, Reflection
from selfcare._model.strategies import Strategy, Unit
from selfcare._time.calendar import Period
from selfcare._time.recurrence import Frequency, Recurrence

__all__ = ["HabitStrength", "Streak", "habit_strength", "streak"]

#: The days of a month in a target, as Loop Habit Tracker counts "n times per month".
MONTH_DAYS = 30
#: The most pauses one call takes (a plan of ten years with a pause every week).
MAX_PAUSES = 10_000

#: Runs of resting days as ``(first, last)`` date ordinals, sorted and apart (internal).
Rests = Sequence[tuple[int, int]]


@attrs.frozen
class HabitStrength:
    """How established a habit is: a score from 0 (none) to 1 (firmly established).

    Attributes:
        strategy_id: the strategy scored.
        score: the habit strength at the end of ``last``, from 0 to 1.
        target_times: how many times the target asks for in every ``target_days`` days
            (1 in 1 for every day, 3 in 7 for three times a week).
        target_days: the length of the target's rolling window in days.
        first: the first day counted, or ``None`` when there was nothing to count.
        last: the last day counted, or ``None`` when there was nothing to count.
        days_done: days in the period on which the strategy was done (once each, however
            many times it was done that day).
        days_skipped: days in the period on which it was deliberately skipped, or not done
            during a pause.
        unit: what the strategy measures, or ``None`` when it is simply done or not.
        amount: for a measured strategy, the total amount done in the period counted, in
            ``unit``; ``None`` when it is not measured.

    Example:
        >>> HabitStrength("short-walk", 0.8, 1, 1, None, None, 0, 0).percent
        80
        >>> HabitStrength("reading", 0.5, 1, 1, None, None, 3, 0, Unit.PAGES, 45).amount
        45
    """

    strategy_id: str
    score: float
    target_times: int
    target_days: int
    first: dt.date | None
    last: dt.date | None
    days_done: int
    days_skipped: int
    unit: Unit | None = None
    amount: int | None = None

    def _repr_html_(self) -> str:
        """The habit strength as HTML for notebooks."""
        from selfcare._display.insights import habit_html

        return habit_html(self)

    @property
    def percent(self) -> int:
        """The score as a whole percentage."""
        return round(self.score * 100)


@attrs.frozen
class Streak:
    """Days in a row a strategy was done; a skipped day freezes the streak, a miss ends it.

    Attributes:
        strategy_id: the strategy counted.
        current: days done in the run that reaches the last day counted (0 when that day
            was a miss).
        longest: days done in the longest run.
        longest_ended: the last day done in the longest run (the latest, on a tie).

    Example:
        >>> Streak("short-walk", current=3, longest=9, longest_ended=None).current
        3
    """

    strategy_id: str
    current: int
    longest: int
    longest_ended: dt.date | None

    def _repr_html_(self) -> str:
        """The streak as HTML for notebooks."""
        from selfcare._display.insights import streak_html

        return streak_html(self)


def target_of(target: object) -> tuple[int, int]:
    """The target as ``(times, days)``: how many times in every run of how many days.

    ``None`` is every day; a daily recurrence every ``k`` days is once in ``k`` days; a
    weekly one on ``d`` weekdays every ``k`` weeks is ``d`` times in ``7 * k`` days; a
    monthly one every ``k`` months is once in ``30 * k`` days (Loop Habit Tracker's
    "times per month" are in 30 days); ``Recurrence.times_per_week(n)`` is ``n`` in 7.

    Example:
        >>> target_of(Recurrence.weekly({Weekday.TUESDAY}, every_weeks=2))
        (1, 14)
        >>> target_of(Recurrence.monthly(15)), target_of(Recurrence.monthly(-1, every_months=3))
        ((1, 30), (1, 90))
    """
    if target is None:
        return 1, 1
    if not isinstance(target, Recurrence):
        raise check.fail(
            "target",
            "expected a Recurrence such as Recurrence.times_per_week(3), or None for every "
            f"day, {check.got(target)}",
        )
    if target.frequency is Frequency.DAILY:
        return 1, target.interval
    if target.frequency is Frequency.WEEKLY:
        return len(target.weekdays), 7 * target.interval
    if target.frequency is Frequency.MONTHLY:
        return 1, MONTH_DAYS * target.interval
    assert target.per_week is not None
    return target.per_week, 7


def multiplier(times: int, days: int) -> float:
    """The daily decay ``m = 0.5 ** (sqrt(f) / 13)`` for a frequency ``f = times / days``."""
    return float(0.5 ** (math.sqrt(times / days) / 13.0))


def check_pauses(value: object, field: str = "pauses") -> tuple[Period, ...]:
    """Require a collection of pauses or periods (``plan.pauses``); return their periods.

    Example:
        >>> week = Period(datetime.date(2026, 8, 3), datetime.date(2026, 8, 9))
        >>> [p.days for p in check_pauses([week, Pause(week, PauseKind.HOLIDAY)])]
        [7, 7]
    """
    found = check.check_list(field, value, "pauses or periods", "plan.pauses")
    if len(found) > MAX_PAUSES:
        raise check.fail(field, f"expected at most {MAX_PAUSES} pauses; pass fewer")
    periods = []
    for position, rest in enumerate(found):
        if isinstance(rest, Pause):
            periods.append(rest.period)
        elif isinstance(rest, Period):
            periods.append(rest)
        else:
            raise check.fail(
                f"{field}[{position}]",
                f"expected a Pause or a Period, such as a plan's pauses, {check.got(rest)}",
            )
    return tuple(periods)


def rests_of(pauses: Iterable[Period], first: int, last: int) -> list[tuple[int, int]]:
    """The pauses as runs of date ordinals inside ``[first, last]``, sorted and merged.

    Overlapping or touching periods merge into one run, so no two runs are next to each
    other and a day is in at most one.

    Example:
        >>> day = datetime.date(2026, 8, 3).toordinal()
        >>> week = Period(datetime.date(2026, 8, 1), datetime.date(2026, 8, 9))
        >>> [(a - day, b - day) for a, b in rests_of([week], day, day + 30)]
        [(0, 6)]
    """
    clipped = sorted(
        (max(first, p.first.toordinal()), min(last, p.last.toordinal()))
        for p in pauses
        if p.first.toordinal() <= last and p.last.toordinal() >= first
    )
    merged: list[tuple[int, int]] = []
    for start, end in clipped:
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def resting(rests: Rests, first: int, last: int) -> bool:
    """Whether every day from ``first`` to ``last`` is in a pause (true when there are none)."""
    if first > last:
        return True
    at = bisect.bisect_right(rests, first, key=_first_day) - 1
    return at >= 0 and rests[at][0] <= first and last <= rests[at][1]


def _first_day(rest: tuple[int, int]) -> int:
    return rest[0]


def frozen_days(done: Collection[int], skipped: Iterable[int], rests: Rests) -> int:
    """Days frozen: those skipped outside a pause, and those of a pause not done.

    ``done`` and ``skipped`` are apart (a day done is not skipped).
    """
    in_rests = sum(last - first + 1 for first, last in rests)
    done_resting = sum(1 for d in done if resting(rests, d, d)) if rests else 0
    skipped_outside = sum(1 for d in skipped if not rests or not resting(rests, d, d))
    return skipped_outside + in_rests - done_resting


def amount_of(practices: Iterable[Practice], unit: Unit, target: int) -> int:
    """The amount one day's done practices of a measured strategy add up to.

    Each practice counts its ``amount``; one without counts its ``minutes`` when the unit is
    minutes, else (or when its minutes are not known) the strategy's whole ``target``, since
    the person said it was done.

    Example:
        >>> practices = [Practice.done("reading", amount=12), Practice.done("reading", 30)]
        >>> amount_of(practices, Unit.PAGES, 20), amount_of(practices, Unit.MINUTES, 20)
        (32, 42)
    """
    total = 0
    for practice in practices:
        if practice.amount is not None:
            total += practice.amount
        elif unit is Unit.MINUTES and practice.minutes is not None:
            total += practice.minutes
        else:
            total += target
    return total


def score_of(
    done: Sequence[int],
    skipped: Sequence[int],
    first: int,
    last: int,
    times: int,
    days: int,
    *,
    amounts: Mapping[int, int] | None = None,
    per_time: int = 1,
    rests: Rests = (),
) -> float:
    """The habit strength at the end of day ``last``.

    ``done`` and ``skipped`` are ascending day ordinals; those outside ``[first, last]``
    are ignored. Each day done counts 1 towards a goal of ``times`` in its window, or, with
    ``amounts`` (the amount done on each day done), its amount towards ``times * per_time``.
    A day in one of the ``rests`` (see :func:`rests_of`) that was not done is frozen, as a
    skipped day is.

    Example:
        >>> week = list(range(7))
        >>> round(score_of(week, [], 0, 6, 1, 1), 4)
        0.3115
        >>> round(score_of(week, [], 0, 6, 1, 1, amounts=dict.fromkeys(week, 10), per_time=20), 4)
        0.1557
    """
    m = multiplier(times, days)
    goal = times * per_time
    credit = {d: (1 if amounts is None else amounts[d]) for d in done if first <= d <= last}
    frozen = {d for d in skipped if first <= d <= last and d not in credit}
    starts = [start for start, _ in rests]
    events = sorted(
        credit.keys()
        | frozen
        | {d + days for d in credit if d + days <= last}
        | set(starts)
        | {end + 1 for _, end in rests if end < last}
    )
    score = 0.0
    total = 0  # the amount done (days done, unmeasured) in the window ending on the day scored
    day = first
    paused = False  # whether the days from ``day`` to the next event are in a pause
    for event in events:
        if event > day and not paused:  # the days before this event share one p
            p = min(1.0, total / goal)
            score = p + (score - p) * m ** (event - day)
        at = bisect.bisect_right(starts, event) - 1
        paused = at >= 0 and event <= rests[at][1]
        total += credit.get(event, 0) - credit.get(event - days, 0)
        if event not in frozen and (event in credit or not paused):
            score = m * score + (1.0 - m) * min(1.0, total / goal)
        day = event + 1
    if last >= day and not paused:
        p = min(1.0, total / goal)
        score = p + (score - p) * m ** (last - day + 1)
    return min(1.0, max(0.0, score))


def streak_of(
    done: Sequence[int], skipped: Sequence[int], last: int, *, rests: Rests = ()
) -> tuple[int, int, int]:
    """``(current, longest, last day of the longest)`` over ascending day ordinals.

    A run goes on over days skipped and days in the ``rests`` (see :func:`rests_of`); any
    other day not done ends it.

    Example:
        >>> streak_of([1, 2, 4, 5], [], 5), streak_of([1, 2, 4, 5], [], 5, rests=[(3, 3)])
        ((2, 2, 5), (4, 4, 5))
    """
    done_set = set(done)
    run = longest = 0
    longest_ended = -1
    previous = None
    for day in sorted({*done, *skipped}):
        if day > last:
            break
        if previous is None or not resting(rests, previous + 1, day - 1):
            run = 0
        if day in done_set:
            run += 1
            if run >= longest:
                longest, longest_ended = run, day
        previous = day
    current = run if previous is not None and resting(rests, previous + 1, last) else 0
    return current, longest, longest_ended


def habit_strength(
    history: Iterable[Reflection],
    strategy_id: str,
    *,
    target: Recurrence | None = None,
    at: dt.datetime | None = None,
    days: int | None = None,
    pauses: Iterable[Pause | Period] = (),
    catalog: Catalog | None = None,
) -> HabitStrength:
    """Score how established a strategy is as a habit, from 0 to 1.

    The score is exponentially smoothed in the manner of Loop Habit Tracker, re-derived
    from its published description: for a target of ``n`` times every ``w`` days
    (``f = n / w`` a day), each day ``score = m * score + (1 - m) * p`` with
    ``m = 0.5 ** (sqrt(f) / 13)`` and ``p = min(1, days done in the last w days / n)``.
    A strategy done every day for 30, 60 and 90 days from nothing scores about 0.80, 0.96
    and 0.99. A skipped day leaves the score unchanged; a day without a reflection is a miss.
    A day counts once however many times the strategy was done on it.

    For a strategy the catalog measures (a ``unit`` and a ``target``), ``p`` is
    ``min(1, amount done in the last w days / (n * target))``: a day's amount is the sum of
    its practices' amounts, a practice without one counting its minutes (for a unit of
    minutes) or else the whole target.

    Args:
        history: the person's reflections, in any order.
        strategy_id: the strategy to score.
        target: how often the person means to do it; ``None`` is every day. A daily
            recurrence every ``n`` days is once in ``n`` days, a weekly one on ``d`` weekdays
            every ``k`` weeks is ``d`` times in ``7 * k`` days (a fortnightly session once in
            14), a monthly one every ``k`` months is once in ``30 * k`` days, and
            ``Recurrence.times_per_week(n)`` is ``n`` times a week.
        at: now, as a zoned instant: reflections after it are left out, and its local date
            is the last day counted (default: the last day with a reflection).
        days: how many days to count, up to the last (default: all, from the first day
            with a reflection).
        pauses: rests, as a plan's ``plan.pauses`` or as periods: a day in one on which
            the strategy was not done counts as deliberately skipped.
        catalog: the catalog the strategy must be in (default: the built-in one); it tells
            whether the strategy is measured.

    Returns:
        The score, with the period counted, the days done and skipped in it, and for a
        measured strategy the amount done.

    Raises:
        UnknownIdError: the catalog has no such strategy; the closest ids are suggested.
        ValidationError: an argument is not valid.

    Example:
        >>> walks = [
        ...     Reflection(at=pendulum.datetime(2026, 1, 1, 20, tz="UTC").add(days=n),
        ...                author=Role.CLIENT, practised=[Practice.done("short-walk")])
        ...     for n in range(30)
        ... ]
        >>> round(habit_strength(walks, "short-walk").score, 2)
        0.8
        >>> habit_strength(walks, "short-walk", target=Recurrence.times_per_week(3)).percent
        64

        A week's holiday at the end freezes the score where it was:

        >>> holiday = Period(datetime.date(2026, 1, 31), datetime.date(2026, 2, 6))
        >>> later = pendulum.datetime(2026, 2, 6, 21, tz="UTC")
        >>> habit_strength(walks, "short-walk", at=later).percent
        55
        >>> habit_strength(walks, "short-walk", at=later, pauses=[holiday]).percent
        80
    """
    looked_at = window(history, at, days)
    check.check_slug("strategy_id", strategy_id)
    rested = check_pauses(pauses)
    catalog = catalog_or_default(catalog)
    catalog.require_at(strategies=[("strategy_id", strategy_id)])
    return strength_in(
        looked_at,
        strategy_id,
        target_of(target),
        strategy=catalog.strategy(strategy_id),
        pauses=rested,
    )


def daily_amounts(days: Mapping[int, Day], strategy: Strategy) -> dict[int, int] | None:
    """The amount of a measured strategy done on each day it was done; ``None`` if unmeasured."""
    unit, target = strategy.unit, strategy.target
    if unit is None or target is None:
        return None
    sid = strategy.id
    return {
        ordinal: amount_of(day.practices.get(sid, ()), unit, target)
        for ordinal, day in days.items()
        if sid in day.done
    }


def strength_in(
    looked_at: Window,
    strategy_id: str,
    target: tuple[int, int],
    *,
    strategy: Strategy | None = None,
    pauses: Iterable[Period] = (),
) -> HabitStrength:
    """The habit strength of one strategy over a window of days (internal, validated).

    ``strategy``, when given, tells whether it is measured; ``pauses`` are checked periods.
    """
    times, per = target
    first, last = looked_at.first, looked_at.last
    measured = strategy is not None and strategy.target is not None
    unit = strategy.unit if strategy is not None else None
    if first is None or last is None:
        return HabitStrength(
            strategy_id, 0.0, times, per, None, None, 0, 0, unit, 0 if measured else None
        )
    done, skipped = by_strategy(looked_at.days).get(strategy_id, ([], []))
    done = [d for d in done if first <= d <= last]
    skipped = [d for d in skipped if first <= d <= last]
    rests = rests_of(pauses, first, last)
    amounts = None if strategy is None else daily_amounts(looked_at.days, strategy)
    per_time = 1 if strategy is None or strategy.target is None else strategy.target
    score = score_of(
        done, skipped, first, last, times, per, amounts=amounts, per_time=per_time, rests=rests
    )
    return HabitStrength(
        strategy_id=strategy_id,
        score=score,
        target_times=times,
        target_days=per,
        first=to_date(first),
        last=to_date(last),
        days_done=len(done),
        days_skipped=frozen_days(done, skipped, rests),
        unit=unit,
        amount=None if amounts is None else sum(amounts[d] for d in done),
    )


def streak(
    history: Iterable[Reflection],
    strategy_id: str,
    *,
    at: dt.datetime | None = None,
    days: int | None = None,
    pauses: Iterable[Pause | Period] = (),
    catalog: Catalog | None = None,
) -> Streak:
    """Count the days in a row a strategy was done, now and at its longest.

    A day the strategy was deliberately skipped (a holiday, an illness), or a day in one of
    the ``pauses`` on which it was not done, freezes the streak: it neither adds to it nor
    ends it. A day without the strategy, or without any reflection, ends it. A day counts
    once however many times the strategy was done on it, measured or not.

    Args:
        history: the person's reflections, in any order.
        strategy_id: the strategy to count.
        at: now, as a zoned instant: reflections after it are left out, and its local date
            is the last day counted (default: the last day with a reflection). The current
            streak is the run that reaches that day.
        days: how many days to count, up to the last (default: all).
        pauses: rests, as a plan's ``plan.pauses`` or as periods (see
            :func:`habit_strength`).
        catalog: the catalog the strategy must be in (default: the built-in one).

    Returns:
        The current and the longest streak.

    Raises:
        UnknownIdError: the catalog has no such strategy; the closest ids are suggested.
        ValidationError: an argument is not valid.

    Example:
        >>> def day(n, practice):
        ...     return Reflection(at=pendulum.datetime(2026, 1, 1 + n, 20, tz="UTC"),
        ...                       author=Role.CLIENT, practised=[practice])
        >>> walk, rest = Practice.done("short-walk"), Practice.skipped("short-walk")
        >>> found = streak([day(0, walk), day(1, walk), day(2, rest), day(3, walk)], "short-walk")
        >>> found.current, found.longest
        (3, 3)
        >>> away = Period(datetime.date(2026, 1, 2), datetime.date(2026, 1, 3))
        >>> streak([day(0, walk), day(3, walk)], "short-walk", pauses=[away]).current
        2
    """
    looked_at = window(history, at, days)
    check.check_slug("strategy_id", strategy_id)
    rested = check_pauses(pauses)
    catalog_or_default(catalog).require_at(strategies=[("strategy_id", strategy_id)])
    first, last = looked_at.first, looked_at.last
    if first is None or last is None:
        return Streak(strategy_id, 0, 0, None)
    done, skipped = by_strategy(looked_at.days).get(strategy_id, ([], []))
    rests = rests_of(rested, first, last)
    current, longest, ended = streak_of(done, skipped, last, rests=rests)
    return Streak(strategy_id, current, longest, to_date(ended) if longest else None)
