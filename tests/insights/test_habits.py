"""habit_strength for every cadence, against Loop Habit Tracker's score computed day by day.

``loop_score`` below is written from Loop's published description of its score, one day at a
time, as an app would: it shares nothing with the library's jump from one change to the next.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import (
    Period,
    Practice,
    Recurrence,
    Reflection,
    Role,
    Unit,
    Weekday,
    default_catalog,
    habit_strength,
    streak,
)
from selfcare._insights.habits import target_of

START = dt.date(2026, 1, 5)  # a Monday
SLEEP = "consistent-sleep"  # a commitment, kept all day
SESSION = "personal-therapy"


def loop_score(checks: dict[int, str], days: int, numerator: int, denominator: int) -> float:
    """Loop's habit score after ``days`` days, one day at a time.

    ``checks`` maps a day number (from 0) to ``"yes"`` or ``"skip"``; any other day is a
    miss. The frequency is ``numerator / denominator``; every day that is not skipped,
    ``score = score * m + p * (1 - m)`` with ``m = 0.5 ** (sqrt(frequency) / 13)`` and
    ``p`` the share of the numerator met by the days checked in the last ``denominator``.
    """
    frequency = numerator / denominator
    multiplier = 0.5 ** (math.sqrt(frequency) / 13.0)
    score = 0.0
    for today in range(days):
        if checks.get(today) == "skip":
            continue
        window = range(max(0, today - denominator + 1), today + 1)
        rolling = sum(1 for day in window if checks.get(day) == "yes")
        score = score * multiplier + min(1.0, rolling / numerator) * (1 - multiplier)
    return score


def reflections(checks: dict[int, str], strategy: str) -> list[Reflection]:
    """A reflection on each checked day after START, done or skipped."""
    found = []
    for n, check in checks.items():
        on = START + dt.timedelta(n)
        practice = Practice.done(strategy) if check == "yes" else Practice.skipped(strategy)
        found.append(
            Reflection(
                at=pendulum.datetime(on.year, on.month, on.day, 21, tz="UTC"),
                author=Role.CLIENT,
                practised=[practice],
            )
        )
    return found


def evening(n: int) -> pendulum.DateTime:
    on = START + dt.timedelta(n)
    return pendulum.datetime(on.year, on.month, on.day, 23, 59, tz="UTC")


def strength(checks: dict[int, str], days: int, strategy: str, target: Recurrence | None) -> float:
    """The library's score over days 0 to ``days - 1``, counted from day 0."""
    history = reflections({0: "skip", **checks}, strategy)  # day 0 starts the count
    return habit_strength(history, strategy, target=target, at=evening(days - 1)).score


def six_in_seven(weeks: int, missed: Iterable[int]) -> dict[int, str]:
    """Done every day but one a week: the ``missed`` weekday of each week (cycled)."""
    off = list(missed)
    return {
        week * 7 + day: "yes"
        for week in range(weeks)
        for day in range(7)
        if day != off[week % len(off)]
    }


# Targets


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (None, (1, 1)),
        (Recurrence.daily(), (1, 1)),
        (Recurrence.every_n_days(3), (1, 3)),
        (Recurrence.weekly({Weekday.TUESDAY}), (1, 7)),
        (Recurrence.weekly({Weekday.TUESDAY}, every_weeks=2), (1, 14)),
        (Recurrence.weekly({Weekday.MONDAY, Weekday.THURSDAY}, every_weeks=4), (2, 28)),
        (Recurrence.times_per_week(3), (3, 7)),
        (Recurrence.monthly(1), (1, 30)),
        (Recurrence.monthly(-1, every_months=2), (1, 60)),
        (Recurrence.monthly(weekday=Weekday.FRIDAY, nth=2, every_months=3), (1, 90)),
    ],
)
def test_every_cadence_has_a_target(target: Recurrence | None, expected: tuple[int, int]) -> None:
    """A month is 30 days, as Loop's "times per month"; a fortnight 14."""
    assert expected == target_of(target)
    found = habit_strength(reflections({0: "yes"}, SESSION), SESSION, target=target)
    assert expected == (found.target_times, found.target_days)


def test_a_monthly_target_no_longer_fails() -> None:
    """The monthly rule of a therapist's plan scores like any other target."""
    history = reflections({0: "yes", 31: "yes", 59: "yes"}, SESSION)
    found = habit_strength(history, SESSION, target=Recurrence.monthly(1), at=evening(89))
    assert 0 < found.score < 1
    assert loop_score({0: "yes", 31: "yes", 59: "yes"}, 90, 1, 30) == pytest.approx(found.score)


# Against Loop, day by day


@pytest.mark.parametrize("weeks", [1, 2, 4, 8, 13, 26, 52])
@pytest.mark.parametrize("missed", [[6], [0], [3], [0, 3, 6, 1]])
def test_a_commitment_kept_six_days_in_seven_scores_as_loop_does(
    weeks: int, missed: list[int]
) -> None:
    """A daily commitment kept on 6 of every 7 days, whichever day is missed."""
    checks = six_in_seven(weeks, missed)
    expected = loop_score({0: "skip", **checks}, weeks * 7, 1, 1)
    assert expected == pytest.approx(strength(checks, weeks * 7, SLEEP, None), abs=1e-12)
    assert expected == pytest.approx(
        strength(checks, weeks * 7, SLEEP, Recurrence.daily()), abs=1e-12
    )


def test_six_days_in_seven_settles_near_six_sevenths() -> None:
    """Kept for a year at 6 in 7, the score sits close to 6/7, as Loop's does."""
    checks = six_in_seven(52, [6])
    assert 6 / 7 == pytest.approx(strength(checks, 364, SLEEP, None), abs=0.03)


checked_days = st.dictionaries(st.integers(1, 400), st.sampled_from(["yes", "skip"]), max_size=60)
monthly_targets = st.builds(
    lambda day, months: Recurrence.monthly(day, every_months=months),
    st.sampled_from([1, 15, 28, 31, -1]),
    st.integers(1, 12),
)


@given(checked_days, st.integers(1, 420), monthly_targets)
def test_a_monthly_target_scores_as_loop_does(
    checks: dict[int, str], days: int, target: Recurrence
) -> None:
    """Any history, any length, against 1 in 30 days times the months between."""
    checks = {d: c for d, c in checks.items() if d < days}
    expected = loop_score({0: "skip", **checks}, days, 1, 30 * target.interval)
    assert expected == pytest.approx(strength(checks, days, SESSION, target), abs=1e-9)


@given(checked_days, st.integers(1, 420), st.sampled_from([1, 2, 3, 4]), st.integers(1, 3))
def test_a_fortnightly_target_scores_as_loop_does(
    checks: dict[int, str], days: int, weeks: int, per: int
) -> None:
    """``per`` weekdays every ``weeks`` weeks is ``per`` in ``7 * weeks`` days."""
    checks = {d: c for d, c in checks.items() if d < days}
    target = Recurrence.weekly(list(Weekday)[:per], every_weeks=weeks)
    expected = loop_score({0: "skip", **checks}, days, per, 7 * weeks)
    assert expected == pytest.approx(strength(checks, days, SESSION, target), abs=1e-9)


@given(st.integers(0, 29), st.integers(2, 24))
def test_a_monthly_session_kept_every_month_builds_as_in_loop(offset: int, months: int) -> None:
    """Sessions on one day of each month, held every month: the score climbs as Loop's."""
    first = dt.date(2026, 1, 1) + dt.timedelta(offset)
    held = [
        (dt.date(first.year + (first.month - 1 + k) // 12, (first.month - 1 + k) % 12 + 1, 10))
        for k in range(months)
    ]
    checks = {(day - START).days: "yes" for day in held if day >= START}
    days = (held[-1] - START).days + 1
    found = strength(checks, days, SESSION, Recurrence.monthly(10))
    assert loop_score({0: "skip", **checks}, days, 1, 30) == pytest.approx(found, abs=1e-9)
    earlier = strength(checks, days - 1, SESSION, Recurrence.monthly(10))
    assert found > earlier  # a session lifts it


# Several entries a day, measured practice and pauses


def test_a_day_done_twice_is_one_day_and_a_lone_skip_is_a_skip() -> None:
    """Morning and evening entries make one day done; a day of skips only is skipped."""
    at = pendulum.datetime(2026, 1, 5, 8, tz="UTC")
    history = [
        Reflection(at=at, author=Role.CLIENT, practised=[Practice.done(SLEEP)] * 2),
        Reflection(at=at.add(hours=12), author=Role.CLIENT, practised=[Practice.done(SLEEP)]),
        Reflection(at=at.add(days=1), author=Role.CLIENT, practised=[Practice.skipped(SLEEP)]),
    ]
    found = habit_strength(history, SLEEP)
    assert (1, 1) == (found.days_done, found.days_skipped)
    assert loop_score({0: "yes", 1: "skip"}, 2, 1, 1) == pytest.approx(found.score, abs=1e-12)


def test_a_measured_day_adds_amounts_minutes_or_the_target() -> None:
    """An amount counts as given; without one, the minutes (a unit of minutes) or the target."""
    walk = default_catalog().strategy("short-walk")
    assert (Unit.MINUTES, 10) == (walk.unit, walk.target)
    at = pendulum.datetime(2026, 1, 5, 8, tz="UTC")
    practised = [
        Practice.done("short-walk", amount=4),
        Practice.done("short-walk", 3),
        Practice.done("short-walk"),
    ]
    history = [Reflection(at=at, author=Role.CLIENT, practised=practised)]
    found = habit_strength(history, "short-walk")
    assert (Unit.MINUTES, 17) == (found.unit, found.amount)
    m = 0.5 ** (1 / 13)
    assert (1 - m) * 1.0 == pytest.approx(found.score)  # 17 of 10 minutes: the target met
    half = [Reflection(at=at, author=Role.CLIENT, practised=[Practice.done("short-walk", 5)])]
    assert (1 - m) * 0.5 == pytest.approx(habit_strength(half, "short-walk").score)


def test_a_day_done_in_a_pause_counts_as_done() -> None:
    """A pause freezes the days not done in it; the days done in it still count."""
    checks = {1: "yes", 3: "yes"}
    history = reflections({0: "skip", **checks}, SLEEP)
    rest = Period(START, START + dt.timedelta(5))
    found = habit_strength(history, SLEEP, at=evening(6), pauses=[rest])
    expected = loop_score({0: "skip", 1: "yes", 2: "skip", 3: "yes", 4: "skip", 5: "skip"}, 7, 1, 1)
    assert expected == pytest.approx(found.score, abs=1e-12)
    assert (2, 4) == (found.days_done, found.days_skipped)
    kept = streak(history, SLEEP, at=evening(5), pauses=[rest])
    assert (2, 2) == (kept.current, kept.longest)


def test_a_plans_pauses_and_their_periods_rest_alike() -> None:
    """Pass plan.pauses as they are, or their periods: the same days rest."""
    from selfcare import Pause, PauseKind, Period, ValidationError, habit_strength, streak

    start = pendulum.datetime(2026, 3, 2, 20, tz="UTC")
    walks = [
        Reflection(
            at=start.add(days=n), author=Role.CLIENT, practised=[Practice.done("short-walk")]
        )
        for n in range(20)
        if not 7 <= n <= 10
    ]
    week = Period(dt.date(2026, 3, 9), dt.date(2026, 3, 12))
    pause = Pause(week, PauseKind.ILLNESS)
    assert habit_strength(walks, "short-walk", pauses=[week]) == habit_strength(
        walks, "short-walk", pauses=[pause]
    )
    assert 16 == streak(walks, "short-walk", pauses=[pause]).current
    wrong: Any = (week.first, week.last)
    with pytest.raises(ValidationError) as caught:
        habit_strength(walks, "short-walk", pauses=[wrong])
    assert "pauses[0]" == caught.value.problems[0][0]
