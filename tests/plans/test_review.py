"""review_plan and apply_suggestions: what went well, what to change, and changing it."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

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
from selfcare._plans.review import SuggestionKind, apply_suggestions, review_plan

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
