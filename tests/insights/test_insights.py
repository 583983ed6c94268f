"""Specification of the insights over reflections: habits, streaks, balance, effects, trend."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import (
    Catalog,
    Category,
    CategoryBalance,
    HabitStrength,
    ItemAdherence,
    Journal,
    Measure,
    Period,
    Plan,
    PlanAdherence,
    PlanItem,
    Practice,
    Ratings,
    Recurrence,
    Reflection,
    Role,
    StrategyEffect,
    Streak,
    TrendPoint,
    Unit,
    ValidationError,
    Weekday,
    WellbeingTrend,
    category_balance,
    default_catalog,
    habit_strength,
    plan_adherence,
    strategy_effects,
    streak,
    wellbeing_trend,
)
from selfcare.testing import practices, ratings, reflections

START = dt.date(2026, 1, 5)  # a Monday
WALK = "short-walk"
SECRET = "my secret worry about work"


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to check it is rejected."""
    return value


def day(
    n: int,
    *practised: Practice,
    mood: int | None = None,
    energy: int | None = None,
    stress: int | None = None,
    hour: int = 20,
    tz: str = "UTC",
    **changes: Any,
) -> Reflection:
    """A client reflection on day ``n`` after START."""
    on = START + dt.timedelta(days=n)
    return Reflection(
        at=pendulum.datetime(on.year, on.month, on.day, hour, tz=tz),
        author=Role.CLIENT,
        ratings=Ratings(mood, energy, stress),
        practised=practised,
        **changes,
    )


def evening(n: int) -> pendulum.DateTime:
    """The last minute of day ``n`` after START, in UTC: a cut-off that keeps that day."""
    on = START + dt.timedelta(days=n)
    return pendulum.datetime(on.year, on.month, on.day, 23, 59, tz="UTC")


def walks(days: Iterable[int]) -> list[Reflection]:
    """A reflection with a walk done on each of ``days``."""
    return [day(n, Practice.done(WALK)) for n in days]


def check_rejected(build: Any, field: str, expected: str) -> None:
    """Calling ``build`` must fail on ``field`` with a message containing ``expected``."""
    with pytest.raises(ValidationError) as caught:
        build()
    path, message = caught.value.problems[0]
    assert field == path
    assert expected in message


def reference_score(
    done: set[int], skipped: set[int], first: int, last: int, times: int, window: int
) -> float:
    """Habit strength computed day by day, straight from the published formula."""
    m = 0.5 ** (math.sqrt(times / window) / 13)
    score = 0.0
    for today in range(first, last + 1):
        if today in skipped:
            continue
        in_window = sum(1 for d in done if today - window < d <= today and d >= first)
        score = m * score + (1 - m) * min(1.0, in_window / times)
    return score


# Habit strength


@pytest.mark.parametrize(("days", "expected"), [(30, 0.798), (60, 0.959), (90, 0.992)])
def test_habit_strength_of_a_kept_daily_habit(days: int, expected: float) -> None:
    """A habit done every day reaches about 0.80, 0.96 and 0.99 after 30, 60 and 90 days."""
    strength = habit_strength(walks(range(days)), WALK)
    assert expected == round(strength.score, 3)
    assert round(expected, 2) == round(strength.score, 2)
    assert days == strength.days_done


def test_habit_strength_describes_its_period() -> None:
    """The result names the target and the days counted."""
    strength = habit_strength(walks(range(3)), WALK)
    assert HabitStrength(
        WALK, strength.score, 1, 1, START, START + dt.timedelta(2), 3, 0, Unit.MINUTES, 30
    ) == (strength)
    assert round(strength.score * 100) == strength.percent


def test_habit_strength_skipped_day_leaves_score_unchanged() -> None:
    """A deliberately skipped day (a holiday, an illness) freezes the score."""
    history = [*walks(range(10)), day(10, Practice.skipped(WALK)), day(11, Practice.skipped(WALK))]
    before = habit_strength(history, WALK, at=evening(9)).score
    assert before == habit_strength(history, WALK).score
    assert habit_strength(history, WALK).days_skipped == 2


def test_habit_strength_day_without_reflection_is_a_miss() -> None:
    """A day with no reflection at all counts as a miss: the score decays by m."""
    m = 0.5 ** (1 / 13)
    history = walks(range(10))
    kept = habit_strength(history, WALK).score
    later = habit_strength(history, WALK, at=evening(11)).score
    assert kept * m * m == pytest.approx(later)


def test_habit_strength_reflection_without_the_strategy_is_a_miss() -> None:
    """A reflection that does not mention the strategy is a miss, like no reflection."""
    history = [*walks(range(10)), day(10, Practice.done("one-gratitude"))]
    assert habit_strength(history, WALK, at=evening(10)).score == pytest.approx(
        habit_strength(walks(range(10)), WALK, at=evening(10)).score
    )


def test_habit_strength_days_before_the_first_reflection_do_not_count() -> None:
    """The score starts on the first day with a reflection, or ``days`` before the last."""
    history = walks(range(5, 10))
    assert START + dt.timedelta(5) == habit_strength(history, WALK).first
    early = habit_strength(history, WALK, days=10)
    assert early.first == START
    assert early.score == pytest.approx(habit_strength(history, WALK).score)  # 0 until done
    assert habit_strength(history, WALK, at=evening(14), days=5).days_done == 0


def test_habit_strength_ignores_reflections_outside_the_period() -> None:
    """Reflections before the ``days`` counted and after ``at`` are left out."""
    history = walks(range(20))
    middle = habit_strength(history, WALK, at=evening(9), days=5)
    assert middle.days_done == 5
    assert reference_score(set(range(5, 10)), set(), 5, 9, 1, 1) == pytest.approx(middle.score)


def test_habit_strength_of_three_times_a_week() -> None:
    """For 3 times a week, p is the share of 3 met in the last 7 days, and m is slower."""
    history = walks(n for n in range(56) if n % 7 in (0, 2, 4))  # Mon, Wed, Fri
    weekly = habit_strength(history, WALK, target=Recurrence.times_per_week(3))
    daily = habit_strength(history, WALK)
    assert (weekly.target_times, weekly.target_days) == (3, 7)
    assert weekly.score > 0.8 > 0.5 > daily.score
    done = {n for n in range(56) if n % 7 in (0, 2, 4)}
    assert reference_score(done, set(), 0, 53, 3, 7) == pytest.approx(weekly.score)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (None, (1, 1)),
        (Recurrence.daily(), (1, 1)),
        (Recurrence.every_n_days(3), (1, 3)),
        (Recurrence.weekly({Weekday.MONDAY, Weekday.THURSDAY}), (2, 7)),
        (Recurrence.weekly({Weekday.SATURDAY}, every_weeks=2), (1, 14)),
        (Recurrence.times_per_week(5), (5, 7)),
    ],
)
def test_habit_strength_target_from_a_recurrence(
    target: Recurrence | None, expected: tuple[int, int]
) -> None:
    """A recurrence sets the target: how many times in every how many days."""
    strength = habit_strength(walks([0]), WALK, target=target)
    assert expected == (strength.target_times, strength.target_days)


def test_habit_strength_merges_reflections_of_one_day() -> None:
    """Done on any reflection of a day counts as done; a skip counts only if not done."""
    merged = [day(0, Practice.skipped(WALK), hour=8), day(0, Practice.done(WALK), hour=21)]
    strength = habit_strength(merged, WALK)
    assert (strength.days_done, strength.days_skipped) == (1, 0)
    assert habit_strength(walks([0]), WALK).score == strength.score


def test_habit_strength_uses_each_reflection_local_day() -> None:
    """A reflection's day is its local date in its own zone."""
    late = day(0, Practice.done(WALK), hour=23, tz="Pacific/Auckland")  # 10:00 UTC that day
    early = Reflection(
        at=pendulum.datetime(2026, 1, 5, 23, 30, tz="America/New_York"),  # Jan 6 in UTC
        author=Role.CLIENT,
        practised=[Practice.done(WALK)],
    )
    assert habit_strength([late], WALK).first == START
    assert habit_strength([early], WALK).first == START


def test_habit_strength_without_history() -> None:
    """With nothing to count, the score is 0 and the period is empty."""
    assert HabitStrength(WALK, 0.0, 1, 1, None, None, 0, 0, Unit.MINUTES, 0) == habit_strength(
        [], WALK
    )


@pytest.mark.parametrize(
    ("call", "field", "expected"),
    [
        (lambda: habit_strength([], "Short Walk"), "strategy_id", "lowercase"),
        (lambda: habit_strength([], WALK, target=wrong(3)), "target", "Recurrence"),
        (lambda: habit_strength(wrong("abc"), WALK), "history", "sequence of Reflection"),
        (lambda: habit_strength(wrong([1]), WALK), "history[0]", "expected a Reflection"),
        (lambda: habit_strength([], WALK, days=0), "days", "from 1"),
        (lambda: habit_strength([], WALK, days=wrong(1.5)), "days", "integer"),
        (lambda: habit_strength([], WALK, at=wrong(START)), "at", "zone"),
    ],
)
def test_habit_strength_rejects_bad_arguments(call: Any, field: str, expected: str) -> None:
    """Bad arguments raise a ValidationError naming the argument."""
    check_rejected(call, field, expected)


TARGETS = [
    (1, 1, Recurrence.daily()),
    (1, 2, Recurrence.every_n_days(2)),
    (1, 7, Recurrence.every_n_days(7)),
    (3, 7, Recurrence.times_per_week(3)),
    (7, 7, Recurrence.times_per_week(7)),
    (2, 14, Recurrence.weekly({Weekday.MONDAY, Weekday.THURSDAY}, every_weeks=2)),
]


@given(
    st.sets(st.integers(0, 120), max_size=60),
    st.sets(st.integers(0, 120), max_size=20),
    st.sampled_from(TARGETS),
)
def test_habit_strength_matches_the_day_by_day_formula(
    done: set[int], skipped: set[int], target: tuple[int, int, Recurrence]
) -> None:
    """The event-driven computation equals the formula applied day by day."""
    times, window, recurrence = target
    skipped -= done
    history = [day(n, Practice.done(WALK)) for n in done]
    history += [day(n, Practice.skipped(WALK)) for n in skipped]
    strength = habit_strength(history, WALK, target=recurrence, at=evening(120), days=121)
    expected = reference_score(done, skipped, 0, 120, times, window)
    assert expected == pytest.approx(strength.score, abs=1e-9)
    assert 0.0 <= strength.score <= 1.0


def quick_reflections(ids: list[str]) -> st.SearchStrategy[Reflection]:
    """Reflections in many zones over a few months, without journal text (slow to draw)."""
    return st.builds(
        Reflection,
        at=st.builds(
            lambda minutes, zone: pendulum.datetime(2026, 1, 5, tz=zone).add(minutes=minutes),
            st.integers(0, 120 * 24 * 60),
            st.sampled_from(["UTC", "Europe/London", "Pacific/Apia", "America/Sao_Paulo"]),
        ),
        author=st.sampled_from(Role),
        ratings=ratings(),
        practised=st.lists(
            practices(st.sampled_from(ids)), max_size=3, unique_by=lambda p: p.strategy_id
        ),
    )


@given(st.lists(quick_reflections([WALK, "one-gratitude"]), max_size=12))
def test_habit_strength_is_between_0_and_1(history: list[Reflection]) -> None:
    """Any history gives a score from 0 to 1."""
    assert 0.0 <= habit_strength(history, WALK).score <= 1.0


# Streaks


def test_streak_counts_days_in_a_row() -> None:
    """The current streak is the run reaching the last day; the longest is kept."""
    history = walks([0, 1, 2, 3, 5, 6])
    assert Streak(WALK, 2, 4, START + dt.timedelta(3)) == streak(history, WALK)


def test_streak_skipped_day_freezes_the_streak() -> None:
    """A skipped day neither adds to the streak nor ends it."""
    history = [*walks([0, 1]), day(2, Practice.skipped(WALK)), *walks([3])]
    found = streak(history, WALK)
    assert (found.current, found.longest) == (3, 3)


def test_streak_miss_ends_the_streak() -> None:
    """A day without the strategy, or without a reflection, ends the streak."""
    history = [*walks([0, 1]), day(2, Practice.done("one-gratitude")), *walks([3])]
    assert (streak(history, WALK).current, streak(history, WALK).longest) == (1, 2)
    assert streak(walks([0, 1]), WALK, at=evening(2)).current == 0


def test_streak_latest_longest_run_wins_a_tie() -> None:
    """On a tie, ``longest_ended`` is the later run's last day."""
    assert START + dt.timedelta(4) == streak(walks([0, 1, 3, 4]), WALK).longest_ended


def test_streak_without_history() -> None:
    """No history, no streak."""
    assert Streak(WALK, 0, 0, None) == streak([], WALK)
    assert Streak(WALK, 0, 0, None) == streak([day(0, Practice.skipped(WALK))], WALK)


@given(st.sets(st.integers(0, 40)), st.sets(st.integers(0, 40)))
def test_streak_matches_a_day_by_day_count(done: set[int], skipped: set[int]) -> None:
    """Streaks equal a plain day-by-day count."""
    skipped -= done
    history = [day(n, Practice.done(WALK)) for n in done]
    history += [day(n, Practice.skipped(WALK)) for n in skipped]
    run = longest = 0
    for n in range(41):
        if n in done:
            run += 1
            longest = max(longest, run)
        elif n not in skipped:
            run = 0
    found = streak(history, WALK, at=evening(40))
    assert (run, longest) == (found.current, found.longest)


# Category balance


def test_category_balance_sums_minutes_and_days() -> None:
    """Known minutes count as given, unknown ones as the strategy's typical minutes."""
    catalog = default_catalog()
    history = [
        day(0, Practice.done(WALK, 25), Practice.done("mindful-breathing")),
        day(1, Practice.done(WALK), Practice.done("daily-movement", 30)),
    ]
    balance = category_balance(history, catalog, days=7)
    walk_minutes = catalog.strategy(WALK).minutes
    assert 25 + walk_minutes + 30 == balance.minutes[Category.PHYSICAL]
    assert balance.days[Category.PHYSICAL] == 2
    assert catalog.strategy("mindful-breathing").minutes == balance.minutes[Category.EMOTIONAL]
    assert Period(START - dt.timedelta(5), START + dt.timedelta(1)) == balance.period
    assert balance.days_reflected == 2


def test_category_balance_finds_neglected_categories() -> None:
    """Looked-at categories practised on fewer than min_days days are neglected."""
    history = [
        day(0, Practice.done(WALK), Practice.done("self-compassion")),
        day(1, Practice.done(WALK)),
        day(2, Practice.done("daily-routine")),
        day(3, Practice.done("daily-routine")),
    ]
    balance = category_balance(history)
    assert balance.neglected == (Category.EMOTIONAL, Category.MENTAL)
    assert balance.min_days == 2


def test_category_balance_low_self_rating_is_neglect() -> None:
    """A category self-rated 2 or lower on average is neglected, however often practised."""
    history = [
        day(n, Practice.done(WALK), self_ratings={Category.PHYSICAL: 2, Category.EMOTIONAL: 4})
        for n in range(3)
    ]
    balance = category_balance(history, categories=[Category.PHYSICAL])
    assert balance.neglected == (Category.PHYSICAL,)
    assert dict(balance.self_ratings) == {Category.PHYSICAL: 2.0, Category.EMOTIONAL: 4.0}


def test_category_balance_with_few_days_reflected() -> None:
    """With fewer days reflected than min_days, a category practised on all of them is fine."""
    balance = category_balance([day(0, Practice.done(WALK))], categories=[Category.PHYSICAL])
    assert balance.neglected == ()


def test_category_balance_nothing_to_go_on() -> None:
    """No reflection in the window: nothing is called neglected."""
    balance = category_balance(walks([0]), at=evening(30))
    assert (balance.days_reflected, balance.neglected) == (0, ())
    assert CategoryBalance(None, 0, {}, {}, {}, (), 2) == category_balance([])


def test_category_balance_leaves_out_unknown_strategies() -> None:
    """Strategies the catalog does not hold are left out."""
    balance = category_balance([day(0, Practice.done("made-up", 10))])
    assert sum(balance.minutes.values()) == 0


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: category_balance([], days=0), "days"),
        (lambda: category_balance([], min_days=0), "min_days"),
        (lambda: category_balance([], categories=wrong("physical")), "categories"),
        (lambda: category_balance([], categories=wrong(["physical"])), "categories"),
        (lambda: category_balance([], catalog=wrong([])), "catalog"),
    ],
)
def test_category_balance_rejects_bad_arguments(call: Any, field: str) -> None:
    """Bad arguments raise a ValidationError naming the argument."""
    check_rejected(call, field, "expected")


# Strategy effects


def planted(days: int = 24) -> list[Reflection]:
    """Walking on even days with mood 7 (else 5); stress 3 with a walk (else 6)."""
    return [
        day(
            n,
            *([Practice.done(WALK)] if n % 2 == 0 else []),
            Practice.done("one-gratitude"),
            mood=7 if n % 2 == 0 else 5,
            stress=3 if n % 2 == 0 else 6,
        )
        for n in range(days)
    ]


def test_strategy_effects_finds_a_planted_effect() -> None:
    """Mood 2 points higher and stress 3 lower on walking days are found, with counts."""
    effects = {(e.strategy_id, e.measure): e for e in strategy_effects(planted())}
    mood = effects[WALK, Measure.MOOD]
    assert StrategyEffect(WALK, Measure.MOOD, 12, 12, 7.0, 5.0) == mood
    assert 2.0 == mood.difference == mood.improvement
    stress = effects[WALK, Measure.STRESS]
    assert (stress.difference, stress.improvement) == (-3.0, 3.0)
    assert (WALK, Measure.ENERGY) not in effects  # energy was never rated


def test_strategy_effects_need_three_days_on_each_side() -> None:
    """An effect is reported only with at least min_days days with and without."""
    assert not strategy_effects(planted(24), strategy_ids=["one-gratitude"])  # never without
    history = planted(6)  # 3 days with, 3 without
    assert [e.measure for e in strategy_effects(history)] == [Measure.MOOD, Measure.STRESS]
    assert not strategy_effects(planted(5))  # 3 with, 2 without
    assert strategy_effects(planted(4), min_days=2)


def test_strategy_effects_leave_skipped_days_out() -> None:
    """Days the strategy was skipped count on neither side."""
    history = [*planted(8), day(8, Practice.skipped(WALK), mood=0)]
    (mood, _) = strategy_effects(history)
    assert (mood.days_with, mood.days_without, mood.mean_without) == (4, 4, 5.0)


def test_strategy_effects_average_ratings_within_a_day() -> None:
    """Several reflections on a day give that day's mean rating."""
    history = [
        *planted(6),
        day(1, mood=9, hour=8),  # day 1 (no walk): mood 5 at 20:00 and 9 at 08:00 -> 7
    ]
    (mood, _) = strategy_effects(history)
    assert pytest.approx((5 + 7 + 5) / 3) == mood.mean_without


def test_strategy_effect_describe_is_worded_as_association() -> None:
    """The sentence says what went with what, with both counts, never a cause."""
    effect = StrategyEffect(WALK, Measure.MOOD, 9, 12, 6.9, 5.5)
    assert effect.describe("Short walk") == (
        "on the 9 days you practised short walk, your mood was 1.4 points higher than on "
        "the 12 days you did not"
    )
    lower = StrategyEffect(WALK, Measure.STRESS, 3, 4, 3.0, 5.0).describe()
    assert lower.endswith("your stress was 2.0 points lower than on the 4 days you did not")
    same = StrategyEffect(WALK, Measure.ENERGY, 3, 4, 5.0, 5.02).describe()
    assert "your energy was about the same as on the 4 days" in same
    for word in ("because", "caus", "makes", "improve"):
        assert word not in effect.describe()


def test_strategy_effect_describe_shortens_long_names() -> None:
    """A long name is shortened so the sentence stays readable."""
    text = StrategyEffect(WALK, Measure.MOOD, 3, 3, 6.0, 5.0).describe("Walk " * 40)
    assert len(text) < 200


def test_strategy_effects_never_show_journal_text() -> None:
    """Journal text is private: it is not in any effect or its description."""
    history = [
        day(n, Practice.done(WALK), mood=n % 10, journal=Journal(note=SECRET)) for n in range(8)
    ] + [day(n, mood=1, journal=Journal(insight=SECRET)) for n in range(8, 16)]
    effects = strategy_effects(history)
    assert effects
    assert SECRET not in repr(effects) + "".join(e.describe() for e in effects)


def test_strategy_effects_are_ordered_and_filtered() -> None:
    """Effects come by strategy id then measure, for the strategies asked for."""
    history = [
        day(n, *([Practice.done("b-walk")] if n % 2 else [Practice.done("a-walk")]), mood=n % 7)
        for n in range(10)
    ]
    assert [e.strategy_id for e in strategy_effects(history)] == ["a-walk", "b-walk"]
    walk = default_catalog().strategy(WALK)
    catalog = Catalog(strategies=[attrs.evolve(walk, id="a-walk"), attrs.evolve(walk, id="b-walk")])
    assert ["b-walk"] == [
        e.strategy_id for e in strategy_effects(history, strategy_ids={"b-walk"}, catalog=catalog)
    ]
    check_rejected(lambda: strategy_effects(history, strategy_ids="b-walk"), "strategy_ids", "")
    check_rejected(lambda: strategy_effects(history, min_days=0), "min_days", "from 1")


def test_strategy_effects_within_a_period() -> None:
    """``at`` and ``days`` narrow the days compared."""
    history = planted(24)
    (mood, _) = strategy_effects(history, at=evening(11), days=6)
    assert (mood.days_with, mood.days_without) == (3, 3)


# Plan adherence


def plan(*items: PlanItem, weeks: int = 2) -> Plan:
    """A client plan from START."""
    return Plan(
        id="plan-1",
        role=Role.CLIENT,
        timezone="UTC",
        period=Period.weeks_from(START, weeks),
        items=items,
    )


def test_plan_adherence_times_per_week() -> None:
    """n times a week plans n days a week; extra days in a week do not count twice."""
    item = PlanItem(WALK, Recurrence.times_per_week(3), 15)
    history = walks([0, 1, 2, 3, 4, 8])  # 5 in week one, 1 in week two
    result = plan_adherence(plan(item), history, at=evening(13))
    assert (ItemAdherence(WALK, 6, 0, 4),) == result.items
    assert Period(START, START + dt.timedelta(13)) == result.period
    assert pytest.approx(4 / 6) == result.rate


def test_plan_adherence_daily_with_a_skip_and_a_moved_day() -> None:
    """A skip frees a planned day; a practice on another day of the same week counts."""
    item = PlanItem(WALK, Recurrence.weekly({Weekday.MONDAY, Weekday.WEDNESDAY}), 15)
    history = [*walks([1]), day(2, Practice.skipped(WALK))]  # Tue instead of Mon; Wed skipped
    (entry,) = plan_adherence(plan(item, weeks=1), history, at=evening(6)).items
    assert (entry.planned, entry.skipped, entry.done, entry.rate) == (2, 1, 1, 1.0)


def test_plan_adherence_honours_the_recurrence() -> None:
    """Start, interval, count, skipped dates and pauses all shape the planned days."""
    second_week = START + dt.timedelta(7)
    cases = [
        (PlanItem(WALK, Recurrence.daily(), 5), 14),
        (PlanItem(WALK, Recurrence.every_n_days(3), 5), 5),  # days 0, 3, 6, 9, 12
        (PlanItem(WALK, Recurrence.daily(start=second_week), 5), 7),
        (PlanItem(WALK, Recurrence.daily(count=4), 5), 4),
        (PlanItem(WALK, Recurrence.daily(until=START + dt.timedelta(2)), 5), 3),
        (PlanItem(WALK, Recurrence.daily().with_skipped(START, second_week), 5), 12),
        (PlanItem(WALK, Recurrence.daily(), 5, pauses=[Period(START, START)]), 13),
        (PlanItem(WALK, Recurrence.weekly({Weekday.MONDAY}, every_weeks=2), 5), 1),
        (PlanItem(WALK, Recurrence.times_per_week(7, start=second_week), 5), 7),
        (PlanItem(WALK, Recurrence.times_per_week(2, count=3), 5), 3),
    ]
    for item, expected in cases:
        (entry,) = plan_adherence(plan(item), [], at=evening(13)).items
        assert expected == entry.planned, item.recurrence.describe()


def test_plan_adherence_count_includes_occurrences_before_the_plan() -> None:
    """``count`` counts occurrences from the recurrence's own start, as RFC 5545 does."""
    item = PlanItem(WALK, Recurrence.daily(start=START - dt.timedelta(3), count=5), 5)
    (entry,) = plan_adherence(plan(item), [], at=evening(13)).items
    assert entry.planned == 2


def test_plan_adherence_period_defaults() -> None:
    """The period runs to the last reflection, within the plan; none before it starts."""
    item = PlanItem(WALK, Recurrence.daily(), 5)
    assert Period(START, START + dt.timedelta(4)) == plan_adherence(plan(item), walks([4])).period
    nothing = PlanAdherence("plan-1", None, (ItemAdherence(WALK, 0, 0, 0),))
    assert nothing == plan_adherence(plan(item), [])
    assert None is plan_adherence(plan(item), [], at=evening(-1)).rate
    assert START + dt.timedelta(13) == plan_adherence(plan(item), walks([40])).period.last  # type: ignore[union-attr]


def test_plan_adherence_rejects_bad_arguments() -> None:
    """A plan is required (and no plan runs longer than the ten years an insight walks)."""
    check_rejected(lambda: plan_adherence(wrong("plan"), []), "plan", "Plan")


# Wellbeing trend


def test_wellbeing_trend_rolling_means() -> None:
    """Each point is the mean of the daily ratings over the window ending that day."""
    history = [day(n, mood=n, stress=10 - n) for n in range(10)]
    trend = wellbeing_trend(history, window_days=3)
    assert len(trend.points) == 10
    assert TrendPoint(START + dt.timedelta(9), 8.0, None, 2.0) == trend.latest
    assert TrendPoint(START, 0.0, None, 10.0) == trend.points[0]
    assert trend.change(Measure.MOOD) == 3.0
    assert trend.change(Measure.STRESS) == -3.0
    assert None is trend.change(Measure.ENERGY)


def test_wellbeing_trend_days_without_reflection_still_get_points() -> None:
    """Points are evenly spaced; a day without ratings in the window has none."""
    trend = wellbeing_trend([day(0, mood=4), day(5, mood=8)], window_days=2)
    assert [p.mood for p in trend.points] == [4.0, 4.0, None, None, None, 8.0]
    assert None is trend.change(Measure.MOOD)


def test_wellbeing_trend_period() -> None:
    """``at`` and ``days`` choose the days; no history gives no points."""
    history = [day(n, mood=5) for n in range(10)]
    trend = wellbeing_trend(history, at=evening(4), days=3)
    assert [START + dt.timedelta(n) for n in (2, 3, 4)] == [p.day for p in trend.points]
    assert 5.0 == trend.points[0].mood  # the mean of day 2 looks back at days 0 and 1 too
    assert WellbeingTrend(7, ()) == wellbeing_trend([])
    assert None is WellbeingTrend(7, ()).latest
    check_rejected(lambda: wellbeing_trend([], days=3661), "days", "from 1 to 3660")
    check_rejected(lambda: wellbeing_trend([], window_days=0), "window_days", "from 1")
    check_rejected(lambda: wellbeing_trend([], at=wrong(START)), "at", "zone")


def test_wellbeing_trend_caps_a_long_history_at_ten_years() -> None:
    """Without ``days``, at most ten years of points are given."""
    history = [day(0, mood=5), day(20 * 365, mood=5)]
    assert len(wellbeing_trend(history).points) == 3_660


@given(st.lists(reflections(), max_size=6))
def test_insights_accept_any_reflections(history: list[Reflection]) -> None:
    """Every insight works on any valid history and keeps its figures in range."""
    for point in wellbeing_trend(history, window_days=3).points[-5:]:
        assert all(v is None or 0 <= v <= 10 for v in (point.mood, point.energy, point.stress))
    for effect in strategy_effects(history, min_days=1):
        assert 0 <= effect.mean_with <= 10
    balance = category_balance(history)
    assert all(v >= 0 for v in balance.minutes.values())
