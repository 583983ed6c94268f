"""review_plan and apply_suggestions: what went well, what to change, and changing it."""

from __future__ import annotations

import datetime as dt

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import (
    Category,
    Contributor,
    Journal,
    Period,
    Plan,
    PlanItem,
    Practice,
    Ratings,
    ReasonCode,
    Recurrence,
    Reflection,
    Role,
    ValidationError,
    Weekday,
)
from selfcare._plans.review import SuggestionKind, apply_suggestions, lower_cadence, review_plan
from selfcare._time.recurrence import Frequency
from selfcare.testing import recurrences

FIRST = dt.date(2026, 11, 30)
THERAPIST = Contributor("therapist-1", Role.THERAPIST)
SECRET = "SENTINEL-review-9f2"


def the_plan() -> Plan:
    return Plan(
        id="plan-1",
        role=Role.CLIENT,
        timezone="Europe/London",
        period=Period.weeks_from(FIRST, 4),
        items=[
            PlanItem("short-walk", Recurrence.daily(), 10),
            PlanItem(
                "reading-and-learning",
                Recurrence.weekly([Weekday.MONDAY, Weekday.WEDNESDAY, Weekday.FRIDAY]),
                30,
            ),
            PlanItem("news-limits", Recurrence.daily(), 5),
        ],
        contributors=[THERAPIST],
    )


def journal(days: int = 14) -> list[Reflection]:
    """Walks on even days lift mood; news limits went with worse mood; reading never done."""
    entries = []
    for n in range(days):
        walked = n % 2 == 0
        limited_news = n % 3 == 0
        mood = 5 + (3 if walked else 0) - (2 if limited_news else 0)
        practised = [Practice.done("short-walk", 10)] if walked else []
        if limited_news:
            practised.append(Practice.done("news-limits"))
        entries.append(
            Reflection(
                at=pendulum.datetime(2026, 11, 30, 21, tz="Europe/London").add(days=n),
                author=Role.CLIENT,
                ratings=Ratings(mood=mood),
                practised=practised,
                journal=Journal(note=SECRET),
            )
        )
    return entries


AT = pendulum.datetime(2026, 12, 13, 22, tz="Europe/London")


def test_review_counts_adherence_per_item_up_to_the_review() -> None:
    """Days planned and done are counted in the plan's period up to the local date of at."""
    review = review_plan(the_plan(), journal(), at=AT)
    assert dt.date(2026, 12, 13) == review.until
    walk = review.items[0]
    assert ("short-walk", 14, 7) == (walk.strategy_id, walk.adherence.planned, walk.adherence.done)
    assert walk.habit is not None
    assert 0 < walk.habit.score < 1


def test_what_helped_is_kept_with_the_facts_behind_it() -> None:
    """A strategy on whose days mood was higher is suggested to keep, worded as association."""
    review = review_plan(the_plan(), journal(), at=AT)
    keep = [s for s in review.suggestions if s.kind is SuggestionKind.KEEP]
    assert ["short-walk"] == [s.strategy_id for s in keep]
    reason = keep[0].reasons[0]
    assert ReasonCode.HELPED_BEFORE == reason.code
    assert reason.facts["days_with"] == 7
    assert reason.facts["days_without"] == 7
    assert "your mood was" in reason.text
    assert "higher" in reason.text


def test_what_went_with_worse_ratings_is_suggested_to_drop() -> None:
    """A strategy whose days had clearly lower mood is suggested to drop, with the figures."""
    review = review_plan(the_plan(), journal(), at=AT)
    drop = [s for s in review.suggestions if s.kind is SuggestionKind.DROP]
    assert ["news-limits"] == [s.strategy_id for s in drop]
    assert ReasonCode.WENT_WITH_WORSE == drop[0].reasons[0].code
    assert "lower" in drop[0].reasons[0].text


def test_what_is_never_done_is_replaced_with_something_gentler() -> None:
    """An item never done gets a lower-effort strategy of the same category."""
    review = review_plan(the_plan(), journal(), at=AT)
    replace = [s for s in review.suggestions if s.kind is SuggestionKind.REPLACE]
    assert [("reading-and-learning", "self-compassion")] == [
        (s.strategy_id, s.replacement) for s in replace
    ]
    assert {"planned_days": 6, "done_days": 0} == dict(replace[0].reasons[0].facts)


def test_neglected_categories_without_an_item_are_suggested() -> None:
    """Emotional and practical care were not practised and the plan has nothing for them."""
    review = review_plan(the_plan(), journal(), at=AT)
    added = [s for s in review.suggestions if s.kind is SuggestionKind.ADD]
    assert {Category.EMOTIONAL, Category.PRACTICAL} <= set(review.balance.neglected)
    assert len(added) == 2
    assert all(r.code is ReasonCode.NEGLECTED_CATEGORY for s in added for r in s.reasons)


def test_nothing_written_in_the_journal_appears_in_the_review() -> None:
    """The review's repr carries figures and reasons, never a person's text."""
    assert SECRET not in repr(review_plan(the_plan(), journal(), at=AT))


def test_chosen_suggestions_become_one_revision() -> None:
    """Applying a replacement and an addition revises the plan once, by the therapist."""
    plan = the_plan()
    review = review_plan(plan, journal(), at=AT)
    chosen = [
        s for s in review.suggestions if s.kind in (SuggestionKind.REPLACE, SuggestionKind.ADD)
    ]
    revised = apply_suggestions(
        plan, review, chosen, by="therapist-1", at=AT, reason="agreed together"
    )
    assert 2 == revised.version
    assert "reading-and-learning" not in revised.strategy_ids
    replaced = revised.item("self-compassion")
    assert plan.item("reading-and-learning").recurrence == replaced.recurrence
    assert replaced.minutes <= 30
    changes = revised.changes_since(1)
    assert {
        "self-compassion",
        *(s.strategy_id for s in chosen if s.kind is SuggestionKind.ADD),
    } == {i.strategy_id for i in changes.added}


def test_keeping_everything_returns_the_plan_unchanged() -> None:
    """Only "keep" suggestions change nothing: the same plan, with no new revision."""
    plan = the_plan()
    review = review_plan(plan, journal(), at=AT)
    keep = [s for s in review.suggestions if s.kind is SuggestionKind.KEEP]
    assert keep
    assert plan is apply_suggestions(plan, review, keep, by="therapist-1", at=AT, reason="r")
    assert plan is apply_suggestions(plan, review, [], by="therapist-1", at=AT, reason="r")


def test_a_review_of_another_version_cannot_be_applied() -> None:
    """Suggestions apply only to the plan version they were made for."""
    plan = the_plan()
    review = review_plan(plan, journal(), at=AT)
    newer = plan.revise(by=THERAPIST, at=AT, reason="r", remove=["news-limits"])
    with pytest.raises(ValidationError) as info:
        apply_suggestions(newer, review, review.suggestions[:1], by=THERAPIST, at=AT, reason="r")
    assert "review" == info.value.problems[0][0]


def test_a_review_before_the_plan_starts_is_an_error() -> None:
    """There is nothing to review before the first day."""
    with pytest.raises(ValidationError) as info:
        review_plan(the_plan(), [], at=pendulum.datetime(2026, 11, 1, tz="Europe/London"))
    assert "at" == info.value.problems[0][0]


# A lower cadence for what is not kept


def cadence_plan() -> Plan:
    return Plan(
        id="plan-2",
        role=Role.CLIENT,
        timezone="Europe/London",
        period=Period.weeks_from(FIRST, 6),
        items=[
            PlanItem("short-walk", Recurrence.weekly([Weekday.MONDAY], at=dt.time(18)), 20),
            PlanItem("reading-and-learning", Recurrence.times_per_week(3), 30),
            PlanItem("consistent-sleep", Recurrence.daily(at=dt.time(22, 30)), 0),
        ],
        contributors=[THERAPIST],
    )


def done_on(days: dict[str, list[int]]) -> list[Reflection]:
    """A reflection each evening of three weeks, with the strategies done on those days."""
    return [
        Reflection(
            at=pendulum.datetime(2026, 11, 30, 21, tz="Europe/London").add(days=n),
            author=Role.CLIENT,
            practised=[Practice.done(sid) for sid, on in days.items() if n in on],
        )
        for n in range(21)
    ]


THREE_WEEKS = pendulum.datetime(2026, 12, 20, 22, tz="Europe/London")
SOME = {
    "short-walk": [7],  # 1 of 3 Mondays
    "reading-and-learning": [1, 2, 9, 16],  # 4 of 9
    "consistent-sleep": [0, 5, 12],  # 3 of 21 nights
}


def test_what_is_kept_well_under_its_cadence_is_suggested_less_often() -> None:
    """Weekly becomes fortnightly, three times a week twice; the reason names the cadence."""
    review = review_plan(cadence_plan(), done_on(SOME), at=THREE_WEEKS)
    less = {s.strategy_id: s for s in review.suggestions if s.kind is SuggestionKind.LESS_OFTEN}
    assert ["short-walk", "reading-and-learning"] == list(less)
    walk, reading = less["short-walk"], less["reading-and-learning"]
    assert Recurrence.weekly([Weekday.MONDAY], at=dt.time(18), every_weeks=2) == walk.recurrence
    assert Recurrence.times_per_week(2) == reading.recurrence
    reason = walk.reasons[0]
    assert ReasonCode.LESS_OFTEN is reason.code
    assert {"usual_per_week": 1, "planned_per_week": 0.5} == dict(reason.facts)
    assert (
        "done on 1 of the 3 days planned; every 2 weeks on Monday at 18:00 rather than every "
        "Monday at 18:00 may be easier to keep"
    ) == reason.text
    assert "2 times a week rather than 3 times a week" in reading.reasons[0].text
    assert {"usual_per_week": 3, "planned_per_week": 2} == dict(reading.reasons[0].facts)


def test_a_commitment_keeps_its_daily_cadence() -> None:
    """A consistent bedtime kept on 3 of 21 nights is not made less frequent."""
    review = review_plan(cadence_plan(), done_on(SOME), at=THREE_WEEKS)
    assert "consistent-sleep" not in [
        s.strategy_id for s in review.suggestions if s.kind is SuggestionKind.LESS_OFTEN
    ]
    sleep = review.items[2]
    assert (21, 3) == (sleep.adherence.expected, sleep.adherence.done)


def test_what_is_kept_or_too_new_to_judge_keeps_its_cadence() -> None:
    """Half the days kept, or fewer than three days expected, suggests no lower cadence."""
    half = {"short-walk": [0, 7], "reading-and-learning": [0, 1, 2, 7, 9]}  # 2 of 3, 5 of 9
    review = review_plan(cadence_plan(), done_on(half), at=THREE_WEEKS)
    assert [] == [s for s in review.suggestions if s.kind is SuggestionKind.LESS_OFTEN]
    early = pendulum.datetime(2026, 12, 8, 22, tz="Europe/London")  # two Mondays planned
    review = review_plan(cadence_plan(), done_on({"short-walk": [0]}), at=early)
    assert "short-walk" not in [
        s.strategy_id for s in review.suggestions if s.kind is SuggestionKind.LESS_OFTEN
    ]


def test_a_lower_cadence_applied_keeps_the_item_otherwise() -> None:
    """The item gets the suggested recurrence, its minutes, and the new cadence's reason."""
    plan = cadence_plan()
    review = review_plan(plan, done_on(SOME), at=THREE_WEEKS)
    chosen = [s for s in review.suggestions if s.kind is SuggestionKind.LESS_OFTEN]
    revised = apply_suggestions(plan, review, chosen, by=THERAPIST, at=THREE_WEEKS, reason="r")
    assert 2 == revised.version
    assert plan.strategy_ids == revised.strategy_ids
    for suggestion in chosen:
        item = revised.item(suggestion.strategy_id)
        assert suggestion.recurrence == item.recurrence
        assert plan.item(suggestion.strategy_id).minutes == item.minutes
        assert suggestion.reasons[0] == item.reasons[-1]
    assert plan.item("consistent-sleep") == revised.item("consistent-sleep")


def test_a_fortnightly_session_kept_every_fortnight_is_kept() -> None:
    """Held in the other week of each fortnight, supervision is kept, not made rarer."""
    plan = Plan(
        id="plan-3",
        role=Role.THERAPIST,
        timezone="Europe/London",
        period=Period.weeks_from(FIRST, 8),
        items=[
            PlanItem("peer-supervision", Recurrence.weekly([Weekday.TUESDAY], every_weeks=2), 60)
        ],
    )
    held = [
        Reflection(
            at=pendulum.datetime(2026, 12, 8, 18, tz="Europe/London").add(weeks=2 * n),
            author=Role.THERAPIST,
            practised=[Practice.done("peer-supervision")],
        )
        for n in range(4)
    ]  # planned on 1, 15 and 29 December and 12 January; held a week later each time
    review = review_plan(plan, held, at=pendulum.datetime(2027, 1, 24, 22, tz="Europe/London"))
    (item,) = review.items
    assert (4, 4, 1.0) == (item.adherence.expected, item.adherence.done, item.adherence.rate)
    assert item.habit is not None
    assert (1, 14) == (item.habit.target_times, item.habit.target_days)
    (keep,) = [s for s in review.suggestions if s.strategy_id == "peer-supervision"]
    assert SuggestionKind.KEEP is keep.kind


def test_a_monthly_item_is_reviewed_against_its_month() -> None:
    """A monthly item has a habit strength (once in 30 days) and is made rarer when missed."""
    plan = Plan(
        id="plan-4",
        role=Role.THERAPIST,
        timezone="Europe/London",
        period=Period.weeks_from(FIRST, 20),
        items=[PlanItem("personal-therapy", Recurrence.monthly(10), 50)],
    )
    held = [
        Reflection(
            at=pendulum.datetime(2027, 1, 12, 18, tz="Europe/London"),
            author=Role.THERAPIST,
            practised=[Practice.done("personal-therapy")],
        )
    ]
    review = review_plan(plan, held, at=pendulum.datetime(2027, 4, 18, 22, tz="Europe/London"))
    (item,) = review.items
    assert (5, 1) == (item.adherence.expected, item.adherence.done)  # 10 Dec to 10 Apr
    assert item.habit is not None
    assert (1, 30) == (item.habit.target_times, item.habit.target_days)
    (less,) = review.suggestions[:1]
    assert (SuggestionKind.LESS_OFTEN, Recurrence.monthly(10, every_months=3)) == (
        less.kind,
        less.recurrence,
    )
    assert (
        "every 3 months on the 10th rather than on the 10th of every month" in less.reasons[0].text
    )


RULES = recurrences(with_times=False)


@given(RULES, st.integers(3, 60), st.data())
def test_a_lower_cadence_asks_less_but_no_less_than_was_done(
    rule: Recurrence, expected: int, data: st.DataObject
) -> None:
    """Strictly less often than the rule, and at least as often as the days done went."""
    done = data.draw(st.integers(1, (expected - 1) // 2))
    lower = lower_cadence(rule, done, expected)
    if lower is None:
        steps_left = {
            Frequency.TIMES_PER_WEEK: rule.per_week == 1,
            Frequency.WEEKLY: len(rule.weekdays) == 1 and rule.interval >= 4,
            Frequency.MONTHLY: rule.interval == 12,
            Frequency.DAILY: rule.interval == 366,
        }
        assert steps_left[rule.frequency]
        return
    pace = rule.days_per_week * done / expected
    assert pace <= lower.days_per_week * (1 + 1e-9)
    assert lower.days_per_week < rule.days_per_week
    kept = ("times", "start", "until", "count", "skipped", "monthday", "nth")
    assert [getattr(rule, name) for name in kept] == [getattr(lower, name) for name in kept]


def test_two_items_left_undone_never_get_the_same_replacement() -> None:
    """Two physical items not done and one gentler strategy left: one takes it, one goes."""
    plan = attrs.evolve(
        the_plan(),
        items=[
            PlanItem("daily-movement", Recurrence.daily(), 20),
            PlanItem("nutritious-meals", Recurrence.daily(), 30),
        ],
    )
    nothing_done = [
        Reflection(
            at=pendulum.datetime(2026, 11, 30, 21, tz="Europe/London").add(days=n),
            author=Role.CLIENT,
            ratings=Ratings(mood=5),
        )
        for n in range(14)
    ]
    review = review_plan(plan, nothing_done, at=pendulum.datetime(2026, 12, 13, 22, tz="UTC"))
    changes = [s for s in review.suggestions if s.strategy_id in plan.strategy_ids]
    assert {("daily-movement", "replace"), ("nutritious-meals", "drop")} == {
        (s.strategy_id, s.kind.value) for s in changes
    }
    replacing = [s for s in changes if s.kind is SuggestionKind.REPLACE]
    changes += [s for s in review.suggestions if s.kind is SuggestionKind.ADD]
    revised = apply_suggestions(
        plan,
        review,
        changes,
        by=THERAPIST,
        at=pendulum.datetime(2026, 12, 14, 10, tz="Europe/London"),
        reason="gentler options",
    )
    added = {s.strategy_id for s in changes if s.kind is SuggestionKind.ADD}
    assert {s.replacement for s in replacing} | added == set(revised.strategy_ids)


# Rituals and rests in a review


def test_a_review_scores_each_ritual_as_a_habit_beside_its_steps_frozen_over_rests() -> None:
    """The review's ritual habits are ritual_habit's over the plan's period and rests."""
    from selfcare import (
        Pause,
        PauseKind,
        Period,
        Practice,
        Reflection,
        default_catalog,
        ritual_habit,
    )
    from selfcare._display.review import review_html

    catalog = default_catalog()
    ritual = attrs.evolve(catalog.ritual("daily-reflection"), done_at_least=1)
    rest = Pause(
        Period(FIRST + dt.timedelta(days=7), FIRST + dt.timedelta(days=13)), PauseKind.ILLNESS
    )
    plan = Plan(
        id="plan-r",
        role=Role.CLIENT,
        timezone="Europe/London",
        period=Period.weeks_from(FIRST, 4),
        items=[PlanItem("short-walk", Recurrence.daily(), 10)],
        rituals=[ritual],
        pauses=[rest],
    )
    start = pendulum.datetime(2026, 11, 30, 21, tz="Europe/London")
    history = [
        Reflection(
            at=start.add(days=n),
            author=Role.CLIENT,
            practised=[Practice.done(ritual.steps[0].strategy_id), Practice.done("short-walk")],
        )
        for n in range(21)
        if not 7 <= n <= 13
    ]
    at = start.add(days=20, hours=1)
    review = review_plan(plan, history, at=at)
    expected = ritual_habit(history, ritual, at=at, pauses=plan.rest_periods)
    assert (expected,) == review.rituals
    assert (14, 0, 7) == (expected.days_done, expected.days_partly, expected.days_skipped)
    assert 14 == expected.current_streak  # the week of illness froze it: 7 done, then 7
    walk = review.items[0].habit
    assert walk is not None
    assert (14, 7) == (walk.days_done, walk.days_skipped)
    assert "Rituals as habits" in review_html(review)
