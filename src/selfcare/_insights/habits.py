"""Habit strength and streaks of one strategy over a person's reflections.

Habit strength follows the exponentially smoothed score of Loop Habit Tracker, re-derived
here from its published description (not from its code). For a target of ``n`` times every
``w`` days, the frequency is ``f = n / w`` and every day

    score = m * score + (1 - m) * p,    m = 0.5 ** (sqrt(f) / 13),

where ``p = min(1, done in the last w days / n)`` is the share of the target met over the
rolling window that ends that day. The score starts at 0 on the first day counted. A day the
strategy was deliberately skipped leaves the score unchanged; a day with no reflection, or
a reflection that does not mention the strategy, is a miss.

The target ``n`` in ``w`` days comes from a recurrence (see :func:`target_of`): every day is
1 in 1, every ``k`` days 1 in ``k``, ``d`` weekdays every ``k`` weeks ``d`` in ``7 * k``, ``n``
times a week ``n`` in 7, and once a month every ``k`` months 1 in ``30 * k``, as Loop counts
"n times per month" as ``n`` in 30 days. A month of 31 days (or five weeks between two
"first Mondays") leaves a day or more with nothing in the window: the score dips a little
there, as it does in Loop.

Between two days on which something changes, ``p`` is constant, so ``k`` such days move the
score to ``p + (score - p) * m ** k`` at once: the cost is linear in the number of days the
strategy was done or skipped, not in the length of the period.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence

import attrs

from selfcare._core import checks as check
from selfcare._insights.days import (
    Window,
    by_strategy,
    to_date,
    window,
)
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.reflections import Reflection
from selfcare._time.recurrence import Frequency, Recurrence

__all__ = ["HabitStrength", "Streak", "habit_strength", "streak"]

#: The days of a month in a target, as Loop Habit Tracker counts "n times per month".
MONTH_DAYS = 30


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
        days_done: days in the period on which the strategy was done.
        days_skipped: days in the period on which it was deliberately skipped.

    Example:
        >>> HabitStrength("short-walk", 0.8, 1, 1, None, None, 0, 0).percent
        80
    """

    strategy_id: str
    score: float
    target_times: int
    target_days: int
    first: dt.date | None
    last: dt.date | None
    days_done: int
    days_skipped: int

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


def score_of(
    done: Sequence[int], skipped: Sequence[int], first: int, last: int, times: int, days: int
) -> float:
    """The habit strength at the end of day ``last``.

    ``done`` and ``skipped`` are ascending day ordinals; those outside ``[first, last]``
    are ignored.
    """
    m = multiplier(times, days)
    done_in = {d for d in done if first <= d <= last}
    skipped_in = {d for d in skipped if first <= d <= last}
    events = sorted(done_in | skipped_in | {d + days for d in done_in if d + days <= last})
    score = 0.0
    count = 0  # days done in the window ending on the day being scored
    day = first
    for event in events:
        if event > day:  # the days before this event share one p
            p = min(1.0, count / times)
            score = p + (score - p) * m ** (event - day)
        if event in done_in:
            count += 1
        if event - days in done_in:
            count -= 1
        if event not in skipped_in:
            score = m * score + (1.0 - m) * min(1.0, count / times)
        day = event + 1
    if last >= day:
        p = min(1.0, count / times)
        score = p + (score - p) * m ** (last - day + 1)
    return min(1.0, max(0.0, score))


def streak_of(done: Sequence[int], skipped: Sequence[int], last: int) -> tuple[int, int, int]:
    """``(current, longest, last day of the longest)`` over ascending day ordinals."""
    done_set = set(done)
    run = longest = 0
    longest_ended = -1
    previous = None
    for day in sorted({*done, *skipped}):
        if day > last:
            break
        if previous is None or day != previous + 1:
            run = 0
        if day in done_set:
            run += 1
            if run >= longest:
                longest, longest_ended = run, day
        previous = day
    current = run if previous == last else 0
    return current, longest, longest_ended


def habit_strength(
    history: Iterable[Reflection],
    strategy_id: str,
    *,
    target: Recurrence | None = None,
    at: dt.datetime | None = None,
    days: int | None = None,
    catalog: Catalog | None = None,
) -> HabitStrength:
    """Score how established a strategy is as a habit, from 0 to 1.

    The score is exponentially smoothed in the manner of Loop Habit Tracker, re-derived
    from its published description: for a target of ``n`` times every ``w`` days
    (``f = n / w`` a day), each day ``score = m * score + (1 - m) * p`` with
    ``m = 0.5 ** (sqrt(f) / 13)`` and ``p = min(1, days done in the last w days / n)``.
    A strategy done every day for 30, 60 and 90 days from nothing scores about 0.80, 0.96
    and 0.99. A skipped day leaves the score unchanged; a day without a reflection is a miss.

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
        catalog: the catalog the strategy must be in (default: the built-in one).

    Returns:
        The score, with the period counted and the days done and skipped in it.

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
    """
    looked_at = window(history, at, days)
    check.check_slug("strategy_id", strategy_id)
    catalog_or_default(catalog).require_at(strategies=[("strategy_id", strategy_id)])
    return strength_in(looked_at, strategy_id, target_of(target))


def strength_in(looked_at: Window, strategy_id: str, target: tuple[int, int]) -> HabitStrength:
    """The habit strength of one strategy over a window of days (internal, validated)."""
    times, per = target
    first, last = looked_at.first, looked_at.last
    if first is None or last is None:
        return HabitStrength(strategy_id, 0.0, times, per, None, None, 0, 0)
    done, skipped = by_strategy(looked_at.days).get(strategy_id, ([], []))
    return HabitStrength(
        strategy_id=strategy_id,
        score=score_of(done, skipped, first, last, times, per),
        target_times=times,
        target_days=per,
        first=to_date(first),
        last=to_date(last),
        days_done=len(done),
        days_skipped=len(skipped),
    )


def streak(
    history: Iterable[Reflection],
    strategy_id: str,
    *,
    at: dt.datetime | None = None,
    days: int | None = None,
    catalog: Catalog | None = None,
) -> Streak:
    """Count the days in a row a strategy was done, now and at its longest.

    A day the strategy was deliberately skipped (a holiday, an illness) freezes the streak:
    it neither adds to it nor ends it. A day without the strategy, or without any
    reflection, ends it.

    Args:
        history: the person's reflections, in any order.
        strategy_id: the strategy to count.
        at: now, as a zoned instant: reflections after it are left out, and its local date
            is the last day counted (default: the last day with a reflection). The current
            streak is the run that reaches that day.
        days: how many days to count, up to the last (default: all).
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
    """
    looked_at = window(history, at, days)
    check.check_slug("strategy_id", strategy_id)
    catalog_or_default(catalog).require_at(strategies=[("strategy_id", strategy_id)])
    last = looked_at.last
    if last is None:
        return Streak(strategy_id, 0, 0, None)
    done, skipped = by_strategy(looked_at.days).get(strategy_id, ([], []))
    current, longest, ended = streak_of(done, skipped, last)
    return Streak(strategy_id, current, longest, to_date(ended) if longest else None)
