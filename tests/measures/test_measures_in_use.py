"""Instrument scores in use: the support advisory's measure rule, and plan reviews.

The documented rules (docs/how-to/measures.md, docs/reference/measures.md): by default a
WHO-5 percentage given in the last 14 days at or below 28, or 10 points or more below the
score before it, advises reaching out, and the message starts with the score and why; a
review reports each trend over the plan's period up to the day of ``at``.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import (
    PROQOL_5,
    WHO_5,
    DistressRule,
    MeasurePoint,
    MeasureRule,
    MeasureTrend,
    Plan,
    Profile,
    Ratings,
    Reflection,
    Response,
    Role,
    ValidationError,
    generate_plan,
    measure_trend,
    review_plan,
    support_advisory,
)
from selfcare.testing import reflections
from tests.rejection import check_rejected

ZONE = "Europe/London"
NOW = pendulum.datetime(2026, 12, 1, 9, tz=ZONE)
DAY = 86400
REACH_OUT = (
    "Reaching out to your therapist or someone you trust is advised; you do not have to "
    "manage this alone. If you might be in danger, contact your local emergency number now."
)
ITEMS = [f"who5-{n}" for n in range(1, 6)]


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to check it is rejected."""
    return value


def who5(when: dt.datetime, *answers: int) -> Response:
    """A WHO-5 response: five answers, or one answer given to every item."""
    given_answers = answers if len(answers) == 5 else answers * 5
    return Response("who-5", when, dict(zip(ITEMS, given_answers, strict=True)))


def percentage(*answers: int) -> float:
    """The WHO-5 percentage worked by hand: the sum of the five answers, times 4."""
    return 4.0 * sum(answers if len(answers) == 5 else answers * 5)


def trend(*points: tuple[dt.datetime, float], instrument: str = "who-5") -> MeasureTrend:
    """A trend built by hand, oldest first."""
    scale = "percentage" if instrument == "who-5" else "burnout"
    return MeasureTrend(instrument, scale, [MeasurePoint(t, v) for t, v in points], 10.0)


def proqol_burnout(when: dt.datetime, each: int) -> Response:
    """A ProQOL 5 response whose burnout score is 10 times ``each`` (reversed items mirrored)."""
    reversed_items = {1, 4, 15, 17, 29}
    return Response(
        "proqol-5",
        when,
        {f"proqol-{n}": 6 - each if n in reversed_items else each for n in range(1, 31)},
    )


def hard_days(count: int) -> list[Reflection]:
    return [
        Reflection(at=NOW.subtract(days=n, hours=1), author=Role.CLIENT, ratings=Ratings(mood=2))
        for n in range(count)
    ]


# --- The support advisory: a low score, a drop, how recent --------------------------------


@pytest.mark.parametrize(
    ("answers", "advised"),
    [
        ((2, 1, 1, 2, 1), True),  # 28: at the level, advised
        ((1, 1, 1, 1, 1), True),  # 20
        ((0, 0, 0, 0, 0), True),  # 0
        ((2, 2, 1, 2, 1), False),  # 32: above it
        ((3, 3, 3, 3, 3), False),  # 60
    ],
)
def test_a_recent_low_who5_advises_support(answers: tuple[int, ...], advised: bool) -> None:
    value = percentage(*answers)
    measures = [measure_trend([who5(NOW.subtract(days=3), *answers)], WHO_5)]
    advice = support_advisory([], at=NOW, measures=measures)
    assert advised == advice.advised
    assert advised == advice.measure_low
    assert advice.measure_dropped is False
    assert value == advice.measure_score
    assert MeasureRule() == advice.measure_rule
    if advised:
        assert f"Your latest WHO-5 score was {value:g}, at or below 28. {REACH_OUT}" == (
            advice.message
        )
    else:
        assert "" == advice.message


def test_a_therapist_is_pointed_to_their_supervisor_too() -> None:
    measures = [measure_trend([who5(NOW.subtract(days=1), 1)], WHO_5)]
    advice = support_advisory([], at=NOW, role=Role.THERAPIST, measures=measures)
    assert advice.message.startswith("Your latest WHO-5 score was 20, at or below 28. ")
    assert "your supervisor, your own therapist or someone you trust" in advice.message


@pytest.mark.parametrize(
    ("before", "latest", "dropped"),
    [
        (60.0, 50.0, True),  # exactly 10 points: advised
        (60.0, 48.0, True),
        (60.0, 50.5, False),  # 9.5 points
        (60.0, 52.0, False),
        (48.0, 60.0, False),  # a rise
    ],
)
def test_a_drop_of_ten_points_advises_support(before: float, latest: float, dropped: bool) -> None:
    measures = [trend((NOW.subtract(days=30), before), (NOW.subtract(days=2), latest))]
    advice = support_advisory([], at=NOW, measures=measures)
    assert dropped == advice.advised
    assert dropped == advice.measure_dropped
    assert advice.measure_low is False
    assert latest == advice.measure_score
    if dropped:
        fall = before - latest
        assert (
            f"Your latest WHO-5 score was {latest:g}, {fall:g} points below the one before. "
            f"{REACH_OUT}" == advice.message
        )


def test_a_drop_from_who5_responses() -> None:
    responses = [who5(NOW.subtract(days=20), 3), who5(NOW.subtract(days=2), 3, 3, 2, 2, 2)]
    advice = support_advisory([], at=NOW, measures=[measure_trend(responses, WHO_5)])
    assert (True, True, False, 48.0) == (
        advice.advised,
        advice.measure_dropped,
        advice.measure_low,
        advice.measure_score,
    )
    assert advice.message.startswith(
        "Your latest WHO-5 score was 48, 12 points below the one before."
    )


def test_low_and_dropped_name_both() -> None:
    responses = [who5(NOW.subtract(days=9), 2), who5(NOW.subtract(days=1), 1, 1, 1, 1, 2)]
    advice = support_advisory([], at=NOW, measures=[measure_trend(responses, WHO_5)])
    assert (
        "Your latest WHO-5 score was 24, at or below 28 and 16 points below the one before. "
        f"{REACH_OUT}" == advice.message
    )


@pytest.mark.parametrize(
    ("age", "looked_at"),
    [
        (dt.timedelta(days=13), True),
        (dt.timedelta(days=14), True),  # "in the last 14 days": 14 days to the second counts
        (dt.timedelta(days=14, seconds=1), False),
        (dt.timedelta(days=15), False),
        (dt.timedelta(days=90), False),
    ],
)
def test_only_a_score_of_the_last_14_days_is_looked_at(age: dt.timedelta, looked_at: bool) -> None:
    measures = [measure_trend([who5(NOW - age, 1)], WHO_5)]
    advice = support_advisory([], at=NOW, measures=measures)
    assert looked_at == advice.advised
    assert looked_at == advice.measure_low
    assert (20.0 if looked_at else None) == advice.measure_score
    assert MeasureRule() == advice.measure_rule
    if not looked_at:
        assert "" == advice.message


def test_a_score_after_now_is_left_out() -> None:
    responses = [who5(NOW.subtract(days=3), 4), who5(NOW.add(hours=1), 0)]
    advice = support_advisory([], at=NOW, measures=[measure_trend(responses, WHO_5)])
    assert (False, 80.0) == (advice.advised, advice.measure_score)


def test_a_trend_of_another_instrument_or_scale_is_ignored() -> None:
    proqol = measure_trend([proqol_burnout(NOW.subtract(days=1), 1)], PROQOL_5, scale="burnout")
    raw = measure_trend([who5(NOW.subtract(days=1), 1)], WHO_5, scale="raw")  # 5 of 25
    advice = support_advisory([], at=NOW, measures=[proqol, raw])
    assert (False, False, False, None, "") == (
        advice.advised,
        advice.measure_low,
        advice.measure_dropped,
        advice.measure_score,
        advice.message,
    )
    assert MeasureRule() == advice.measure_rule
    # Beside them, the WHO-5 percentage is read.
    low = measure_trend([who5(NOW.subtract(days=1), 1)], WHO_5)
    for measures in ([proqol, low, raw], [low, proqol], [raw, low]):
        mixed = support_advisory([], at=NOW, measures=measures)
        assert (True, 20.0) == (mixed.advised, mixed.measure_score)


# --- A custom measure rule -----------------------------------------------------------------

BURNOUT_RULE = MeasureRule(
    instrument="proqol-5", scale="burnout", at_most=42, drop=5, higher_is_better=False
)


@pytest.mark.parametrize(
    ("scores", "low", "dropped", "why"),
    [
        (
            (30.0, 42.0),
            True,
            True,
            "Your latest ProQOL 5 score was 42, at or above 42 and 12 points above the one before.",
        ),
        ((40.0, 42.0), True, False, "Your latest ProQOL 5 score was 42, at or above 42."),
        ((39.0, 41.0), False, False, ""),  # "at least 42", and a rise under 5
        (
            (30.0, 35.0),
            False,
            True,
            "Your latest ProQOL 5 score was 35, 5 points above the one before.",
        ),
        ((35.0, 30.0), False, False, ""),  # a fall is better on this scale
        (
            (10.0, 20.0),
            False,
            True,
            "Your latest ProQOL 5 score was 20, 10 points above the one before.",
        ),
    ],
)
def test_a_rule_where_lower_is_better_reads_at_most_as_at_least(
    scores: tuple[float, float], low: bool, dropped: bool, why: str
) -> None:
    measures = [
        trend(
            (NOW.subtract(days=20), scores[0]),
            (NOW.subtract(days=1), scores[1]),
            instrument="proqol-5",
        )
    ]
    advice = support_advisory([], at=NOW, measures=measures, measure_rule=BURNOUT_RULE)
    assert (low or dropped, low, dropped, scores[1]) == (
        advice.advised,
        advice.measure_low,
        advice.measure_dropped,
        advice.measure_score,
    )
    assert BURNOUT_RULE == advice.measure_rule
    assert (f"{why} {REACH_OUT}" if why else "") == advice.message


def test_a_custom_rule_reads_scored_proqol_responses() -> None:
    responses = [proqol_burnout(NOW.subtract(days=20), 3), proqol_burnout(NOW.subtract(days=2), 5)]
    measures = [measure_trend(responses, PROQOL_5, scale="burnout")]
    advice = support_advisory([], at=NOW, measures=measures, measure_rule=BURNOUT_RULE)
    assert (True, True, True, 50.0) == (
        advice.advised,
        advice.measure_low,
        advice.measure_dropped,
        advice.measure_score,
    )
    # The default rule looks at the WHO-5 only.
    assert support_advisory([], at=NOW, measures=measures).advised is False


def test_a_custom_window_and_level() -> None:
    measures = [measure_trend([who5(NOW.subtract(days=20), 2)], WHO_5)]  # 40, 20 days ago
    assert support_advisory([], at=NOW, measures=measures).advised is False
    rule = MeasureRule(at_most=40, within_days=30)
    advice = support_advisory([], at=NOW, measures=measures, measure_rule=rule)
    assert (True, 40.0) == (advice.advised, advice.measure_score)
    assert advice.message.startswith("Your latest WHO-5 score was 40, at or below 40.")
    neither = MeasureRule(at_most=None, drop=None, within_days=30)
    quiet = support_advisory([], at=NOW, measures=measures, measure_rule=neither)
    assert (False, False, False, 40.0) == (
        quiet.advised,
        quiet.measure_low,
        quiet.measure_dropped,
        quiet.measure_score,
    )


# --- Without measures, and beside reflections ----------------------------------------------


@pytest.mark.parametrize("history", [[], hard_days(2), hard_days(5)], ids=["none", "two", "five"])
@pytest.mark.parametrize("role", list(Role))
def test_without_measures_the_advisory_is_what_it_was(
    history: list[Reflection], role: Role
) -> None:
    before = support_advisory(history, at=NOW, role=role)
    assert before == support_advisory(history, at=NOW, role=role, measures=[])
    assert before == support_advisory(history, at=NOW, role=role, measures=())
    assert (False, False, None, None) == (
        before.measure_low,
        before.measure_dropped,
        before.measure_score,
        before.measure_rule,
    )


@given(st.lists(reflections(), max_size=12))
def test_any_history_without_measures_gives_the_same_advisory(history: list[Reflection]) -> None:
    assert support_advisory(history, at=NOW) == support_advisory(history, at=NOW, measures=[])


def test_a_low_score_adds_its_reason_before_the_hard_days() -> None:
    history = hard_days(5)
    before = support_advisory(history, at=NOW)
    assert before.advised
    low = [measure_trend([who5(NOW.subtract(days=1), 1)], WHO_5)]
    after = support_advisory(history, at=NOW, measures=low)
    assert f"Your latest WHO-5 score was 20, at or below 28. {before.message}" == after.message
    assert (
        attrs.evolve(
            before,
            message=after.message,
            measure_low=True,
            measure_score=20.0,
            measure_rule=MeasureRule(),
        )
        == after
    )
    # A good score takes nothing away from what the reflections say.
    good = [measure_trend([who5(NOW.subtract(days=1), 4)], WHO_5)]
    kept = support_advisory(history, at=NOW, measures=good)
    assert (True, before.message, False) == (kept.advised, kept.message, kept.measure_low)


# --- Bad arguments -------------------------------------------------------------------------


def test_what_is_not_a_measure_trend_is_refused() -> None:
    good = measure_trend([who5(NOW.subtract(days=1), 3)], WHO_5)
    check_rejected(
        lambda: support_advisory([], at=NOW, measures=wrong(["who-5"])),
        "measures[0]",
        "expected a MeasureTrend",
    )
    check_rejected(
        lambda: support_advisory([], at=NOW, measures=wrong([good.points[0]])),
        "measures[0]",
        "expected a MeasureTrend",
    )
    check_rejected(
        lambda: support_advisory([], at=NOW, measures=wrong([good, 3])),
        "measures[1]",
        "expected a MeasureTrend",
    )
    check_rejected(
        lambda: support_advisory([], at=NOW, measures=wrong(good)), "measures", "expected a"
    )
    check_rejected(
        lambda: support_advisory([], at=NOW, measures=wrong(None)), "measures", "expected a"
    )
    check_rejected(
        lambda: support_advisory([], at=NOW, measure_rule=wrong(DistressRule())),
        "measure_rule",
        "expected a MeasureRule",
    )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"at_most": float("nan")}, "at_most"),
        ({"at_most": float("inf")}, "at_most"),
        ({"at_most": True}, "at_most"),
        ({"at_most": "28"}, "at_most"),
        ({"drop": 0}, "drop"),
        ({"drop": -10}, "drop"),
        ({"within_days": 0}, "within_days"),
        ({"within_days": 367}, "within_days"),
        ({"instrument": "WHO 5"}, "instrument"),
        ({"scale": ""}, "scale"),
        ({"higher_is_better": 1}, "higher_is_better"),
    ],
)
def test_bad_measure_rules_are_refused(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        MeasureRule(**kwargs)
    assert field == caught.value.problems[0][0]


# --- Found by these tests ------------------------------------------------------------------


def test_the_most_recent_score_of_two_trends_is_read() -> None:
    yesterday = measure_trend([who5(NOW.subtract(days=1), 1)], WHO_5)
    earlier = measure_trend([who5(NOW.subtract(days=10), 4)], WHO_5)
    advice = support_advisory([], at=NOW, measures=[yesterday, earlier])
    assert (True, 20.0) == (advice.advised, advice.measure_score)


def test_a_trend_out_of_order_is_refused_or_read_by_time() -> None:
    try:
        unordered = trend((NOW.subtract(days=1), 20.0), (NOW.subtract(days=5), 80.0))
    except ValidationError:
        return  # refusing it is a fix too
    advice = support_advisory([], at=NOW, measures=[unordered])
    assert (True, 20.0) == (advice.advised, advice.measure_score)


# --- Property: any WHO-5 responses ---------------------------------------------------------


@given(
    st.lists(
        st.tuples(
            st.integers(-48, 40 * 24),  # hours before now; negative: after now
            st.tuples(*[st.integers(0, 5)] * 5),
        ),
        max_size=6,
        unique_by=lambda pair: pair[0],
    )
)
def test_any_who5_responses_advise_exactly_by_the_documented_rule(
    given_responses: list[tuple[int, tuple[int, ...]]],
) -> None:
    responses = [who5(NOW.subtract(hours=hours), *answers) for hours, answers in given_responses]
    advice = support_advisory([], at=NOW, measures=[measure_trend(responses, WHO_5)])
    # Worked out here: the responses up to now, oldest first; the latest within 14 days.
    seen = sorted((h, percentage(*a)) for h, a in given_responses if h >= 0)
    seen.reverse()  # most hours ago first: oldest first
    recent = bool(seen) and seen[-1][0] <= 14 * 24
    latest = seen[-1][1] if recent else None
    low = latest is not None and latest <= 28
    dropped = latest is not None and len(seen) > 1 and seen[-2][1] - latest >= 10
    assert latest == advice.measure_score
    assert low == advice.measure_low
    assert dropped == advice.measure_dropped
    assert (low or dropped) == advice.advised
    if advice.advised:
        assert advice.message.startswith(f"Your latest WHO-5 score was {latest:g}, ")
        assert advice.message.endswith(REACH_OUT)
    else:
        assert "" == advice.message


@given(
    st.lists(
        st.tuples(st.integers(0, 30 * 24), st.integers(-100, 100)),
        min_size=1,
        max_size=5,
        unique_by=lambda pair: pair[0],
    ),
    st.none() | st.integers(-100, 100),
    st.none() | st.integers(1, 50),
)
def test_lower_is_better_mirrors_higher_is_better(
    points: list[tuple[int, int]], at_most: int | None, drop: int | None
) -> None:
    ordered = sorted(points, reverse=True)  # most hours ago first
    up = trend(*[(NOW.subtract(hours=h), float(v)) for h, v in ordered])
    down = trend(*[(NOW.subtract(hours=h), float(-v)) for h, v in ordered])
    rule = MeasureRule(at_most=at_most, drop=drop)
    mirrored = MeasureRule(
        at_most=None if at_most is None else -at_most, drop=drop, higher_is_better=False
    )
    a = support_advisory([], at=NOW, measures=[up], measure_rule=rule)
    b = support_advisory([], at=NOW, measures=[down], measure_rule=mirrored)
    assert (a.advised, a.measure_low, a.measure_dropped) == (
        b.advised,
        b.measure_low,
        b.measure_dropped,
    )
    assert (None if a.measure_score is None else -a.measure_score) == b.measure_score


# --- Plan reviews --------------------------------------------------------------------------

PLAN_FIRST = dt.date(2026, 11, 2)  # a Monday; the plan runs four weeks, to 29 November
REVIEW_AT = pendulum.datetime(2026, 11, 20, 12, tz=ZONE)


def the_plan() -> Plan:
    profile = Profile(role=Role.CLIENT, timezone=ZONE, daily_minutes=30)
    plan = generate_plan(profile, start=PLAN_FIRST)
    assert (PLAN_FIRST, dt.date(2026, 11, 29)) == (plan.period.first, plan.period.last)
    return plan


def on(day: int, hour: int = 20) -> pendulum.DateTime:
    return pendulum.datetime(2026, 11, day, hour, tz=ZONE)


def values(measures: Sequence[MeasureTrend]) -> list[list[float]]:
    return [[p.value for p in t.points] for t in measures]


def test_a_review_follows_the_trend_over_the_plan_up_to_the_day_of_at() -> None:
    responses = [
        who5(pendulum.datetime(2026, 10, 30, 20, tz=ZONE), 1),  # before the plan: left out
        who5(on(2, 9), 2),  # the first day: 40
        who5(on(16, 9), 3),  # 60
        who5(on(20, 9), 4),  # the day of at, before it: 80
        who5(on(25), 0),  # after at's day: left out
    ]
    followed = measure_trend(responses, WHO_5)
    proqol = measure_trend(
        [proqol_burnout(on(3), 4), proqol_burnout(on(27), 2)], PROQOL_5, scale="burnout"
    )
    review = review_plan(the_plan(), [], at=REVIEW_AT, measures=[followed, proqol])
    assert dt.date(2026, 11, 20) == review.until
    assert [[40.0, 60.0, 80.0], [40.0]] == values(review.measures)
    who, burnout = review.measures
    assert ("who-5", "percentage", 10) == (who.instrument, who.scale, who.meaningful_change)
    assert (40.0, True) == (who.change, who.meaningful)
    assert (None, None) == (burnout.change, burnout.meaningful)
    assert followed.between(PLAN_FIRST, review.until) == who
    # Reviewed after the plan's end, the whole period is looked at.
    late = review_plan(the_plan(), [], at=on(30, 9).add(days=10), measures=[followed])
    assert dt.date(2026, 11, 29) == late.until
    assert [[40.0, 60.0, 80.0, 0.0]] == values(late.measures)
    assert (-40.0, True) == (late.measures[0].change, late.measures[0].meaningful)


def test_a_small_change_is_not_meaningful() -> None:
    responses = [who5(on(2), 3), who5(on(18), 3, 3, 3, 3, 5)]  # 60, then 68
    review = review_plan(the_plan(), [], at=REVIEW_AT, measures=[measure_trend(responses, WHO_5)])
    assert (8.0, False) == (review.measures[0].change, review.measures[0].meaningful)


def test_measures_show_in_the_review_view_only_when_given() -> None:
    plan = the_plan()
    followed = measure_trend([who5(on(2), 2), who5(on(16), 3)], WHO_5)
    without = review_plan(plan, [], at=REVIEW_AT)
    assert () == without.measures
    assert "Measures over the plan" not in without._repr_html_()
    assert without == review_plan(plan, [], at=REVIEW_AT, measures=[])
    html = review_plan(plan, [], at=REVIEW_AT, measures=[followed])._repr_html_()
    assert "Measures over the plan" in html
    assert "WHO-5 percentage" in html
    assert "a meaningful change" in html
    outside = measure_trend([who5(pendulum.datetime(2026, 10, 1, 9, tz=ZONE), 2)], WHO_5)
    empty = review_plan(plan, [], at=REVIEW_AT, measures=[outside])
    assert [[]] == values(empty.measures)
    assert "Measures over the plan" in empty._repr_html_()
    assert "no score in the plan&#x27;s period" in empty._repr_html_()  # escaped


def test_a_review_refuses_what_is_not_a_measure_trend() -> None:
    plan = the_plan()
    check_rejected(
        lambda: review_plan(plan, [], at=REVIEW_AT, measures=wrong(["who-5"])),
        "measures[0]",
        "expected a MeasureTrend",
    )
    followed = measure_trend([who5(on(2), 2)], WHO_5)
    check_rejected(
        lambda: review_plan(plan, [], at=REVIEW_AT, measures=wrong(followed)),
        "measures",
        "expected a",
    )


def test_a_review_leaves_out_a_score_after_at() -> None:
    responses = [who5(on(2), 2), who5(on(20, 9), 3), who5(on(20, 18), 5)]  # 18:00 > 12:00
    review = review_plan(the_plan(), [], at=REVIEW_AT, measures=[measure_trend(responses, WHO_5)])
    assert [[40.0, 60.0]] == values(review.measures)


def test_a_review_reads_each_score_on_the_plans_days() -> None:
    # 09:00 on 2 November in Auckland is 20:00 on 1 November in London, before the plan;
    # 20:00 on 1 November in New York is 01:00 on 2 November in London, its first day.
    auckland = who5(pendulum.datetime(2026, 11, 2, 9, tz="Pacific/Auckland"), 1)
    new_york = who5(pendulum.datetime(2026, 11, 1, 20, tz="America/New_York"), 2)
    followed = measure_trend([auckland, new_york, who5(on(10), 3)], WHO_5)
    review = review_plan(the_plan(), [], at=REVIEW_AT, measures=[followed])
    assert [[40.0, 60.0]] == values(review.measures)


@given(
    st.lists(
        st.tuples(st.integers(-10, 40), st.integers(0, 23), st.integers(0, 5)),
        max_size=8,
        unique_by=lambda t: (t[0], t[1]),
    ),
    st.integers(0, 35),
)
def test_a_review_keeps_exactly_the_plans_scores_up_to_at(
    given_responses: list[tuple[int, int, int]], review_day: int
) -> None:
    # Scores given in the plan's zone, on whole hours; the review at 23:59 (the end of its day).
    plan = the_plan()
    start = pendulum.datetime(2026, 11, 2, tz=ZONE)
    responses = [who5(start.add(days=d, hours=h), v) for d, h, v in given_responses]
    review_at = start.add(days=review_day, hours=23, minutes=59)
    review = review_plan(plan, [], at=review_at, measures=[measure_trend(responses, WHO_5)])
    last = min(review_day, 27)  # the plan's last day is its 28th
    expected = [percentage(v) for d, h, v in sorted(given_responses) if 0 <= d <= last]
    assert [expected] == values(review.measures)
    kept = review.measures[0]
    assert (None if len(expected) < 2 else expected[-1] - expected[0]) == kept.change
    if kept.change is not None:
        assert (abs(kept.change) >= 10) == kept.meaningful
