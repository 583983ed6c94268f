"""Specification of recommendations: scores, reasons, diversity, exploration and safety."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import (
    Benefit,
    Catalog,
    Category,
    DistressRule,
    Effort,
    Journal,
    Practice,
    Profile,
    Ratings,
    ReasonCode,
    Recommendation,
    RecommendationList,
    RecommendWeights,
    Reflection,
    Role,
    Strategy,
    SupportAdvisory,
    TimeOfDay,
    UnknownIdError,
    ValidationError,
    category_balance,
    default_catalog,
    habit_strength,
    recommend,
    streak,
    support_advisory,
)
from selfcare._insights.recommend.ranking import CatalogRows, Ranking
from selfcare._insights.recommend.scoring import Context
from selfcare.testing import catalogs, practices, profiles, ratings

ZONE = "Europe/London"
START = dt.date(2026, 1, 5)  # a Monday
AT = pendulum.datetime(2026, 2, 16, 18, tz=ZONE)  # a Monday evening, six weeks on
SECRET = "my secret worry about work"
CLIENT = Profile(role=Role.CLIENT, timezone=ZONE, daily_minutes=30)


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to check it is rejected."""
    return value


def on(n: int, hour: int = 21) -> pendulum.DateTime:
    """Day ``n`` after START at ``hour`` in London."""
    day = START + dt.timedelta(days=n)
    return pendulum.datetime(day.year, day.month, day.day, hour, tz=ZONE)


def reflection(when: pendulum.DateTime, *practised: Practice, **changes: Any) -> Reflection:
    """A client reflection."""
    return Reflection(at=when, author=Role.CLIENT, practised=practised, **changes)


def twin(id: str, **changes: Any) -> Strategy:
    """A strategy like every other twin but for its id and ``changes``."""
    fields: dict[str, Any] = {
        "id": id,
        "name": id.replace("-", " ").capitalize(),
        "category": Category.PHYSICAL,
        "roles": {Role.CLIENT, Role.THERAPIST},
        "minutes": 10,
        "tags": {"movement"},
    }
    return Strategy(**{**fields, **changes})


def planted(
    helps: str,
    hurts: str | None = None,
    neutral: str = "neutral-walk",
    seed: int = 1,
    days: int = 42,
) -> list[Reflection]:
    """Six weeks in which ``helps`` goes with +2 mood and ``hurts`` with -2; the rest is noise."""
    rng = random.Random(seed)
    history = []
    for n in range(days):
        practised = []
        mood = 5.0 + rng.gauss(0, 1)
        for strategy_id, effect in ((helps, 2), (hurts, -2), (neutral, 0)):
            if strategy_id is not None and rng.random() < 0.5:
                practised.append(Practice.done(strategy_id))
                mood += effect
        history.append(
            reflection(
                on(n),
                *practised,
                ratings=Ratings(mood=max(0, min(10, round(mood)))),
                journal=Journal(note=SECRET),
            )
        )
    return history


def position(recs: RecommendationList, strategy_id: str) -> int:
    """Where a strategy came in the recommendations."""
    return recs.strategy_ids.index(strategy_id)


# The basics


def test_recommend_defaults_to_the_built_in_catalog() -> None:
    """Without a catalog or history, it recommends k strategies from the built-in catalog."""
    recs = recommend(CLIENT, at=AT)
    assert len(recs) == 5
    assert isinstance(recs[0], Recommendation)
    assert all(rid in default_catalog() for rid in recs.strategy_ids)
    assert (
        recs.time_of_day,
        recs.minutes_left,
        recs.shortfall,
        recs.explored,
    ) == (TimeOfDay.EVENING, 30, None, False)
    assert [r.strategy_id for r in recs] == list(recs.strategy_ids)
    assert recs.items[:2] == recs[:2]


def test_recommend_never_offers_what_the_profile_excludes() -> None:
    """Role, allowed categories and excluded tags are respected; the counts say why."""
    profile = attrs.evolve(
        CLIENT, excluded_categories={Category.EMOTIONAL}, excluded_tags={"outdoors"}
    )
    recs = recommend(profile, at=AT, k=100)
    for rec in recs:
        assert rec.strategy.is_for(Role.CLIENT)
        assert rec.strategy.category in profile.allowed_categories
        assert not rec.strategy.tags & {"outdoors"}
    assert recs.eligible == len(recs)
    assert {"category", "role", "effort", "tag"} == set(recs.excluded)
    assert recs.excluded["tag"] >= 2  # short walk and daily movement
    assert sum(recs.excluded.values()) + recs.eligible == len(default_catalog().strategies)
    assert recs.shortfall is not None
    assert recs.shortfall.startswith(f"only {recs.eligible} of the")
    assert "tagged with something the person excluded" in recs.shortfall


def test_recommend_spiritual_only_on_opt_in() -> None:
    """Spiritual strategies are offered only to a person who opted in."""
    spiritual = {s.id for s in default_catalog().find(category=Category.SPIRITUAL)}
    assert not spiritual & set(recommend(CLIENT, at=AT, k=100).strategy_ids)
    opted = attrs.evolve(CLIENT, spiritual=True)
    assert spiritual <= set(recommend(opted, at=AT, k=100).strategy_ids)


def test_recommend_returns_fewer_when_few_are_eligible() -> None:
    """It never pads: fewer than k come back, with the reason."""
    catalog = Catalog([twin("a-walk"), twin("b-walk", roles={Role.THERAPIST})])
    recs = recommend(CLIENT, catalog, at=AT, k=3)
    assert recs.strategy_ids == ("a-walk",)
    assert recs.shortfall == "only 1 of the 2 strategies can be offered; 1 meant for another role"
    tiny = recommend(CLIENT, Catalog([twin("a-walk")]), at=AT, k=3)
    assert tiny.shortfall == "the catalog holds only 1 strategy"


def test_recommend_goal_and_value_reasons_carry_facts() -> None:
    """Goals and values matched are named, with the figures behind them."""
    catalog = Catalog(
        [
            twin("a-walk"),
            twin("b-walk", benefits={Benefit.COPING_SKILLS, Benefit.RESILIENCE}, tags={"nature"}),
        ]
    )
    profile = attrs.evolve(
        CLIENT, goals={Benefit.COPING_SKILLS, Benefit.RESILIENCE}, values={"nature", "family"}
    )
    best = recommend(profile, catalog, at=AT, weights=RecommendWeights(diversity=0))[0]
    assert best.strategy_id == "b-walk"
    goal = best.reason(ReasonCode.GOAL)
    assert goal is not None
    assert goal.text == (
        "serves your goals: builds coping skills and improves resilience and self-esteem"
    )
    assert dict(goal.facts) == {"goals": "coping-skills, resilience", "goals_matched": 2}
    value = best.reason(ReasonCode.MATCHES_VALUE)
    assert value is not None
    assert dict(value.facts) == {"values": "nature", "values_matched": 1}
    assert (best.components["goal"], best.components["values"]) == (1.0, 0.5)


# Feasibility: time left today and the time of day


def test_recommend_minutes_left_today() -> None:
    """Minutes left are today's budget minus the minutes already done today."""
    history = [
        reflection(AT.subtract(hours=6), Practice.done("daily-routine", 12)),
        reflection(AT.subtract(hours=5), Practice.done("one-gratitude")),  # typical: 2
        reflection(AT.subtract(days=1), Practice.done("daily-routine", 30)),  # yesterday
    ]
    recs = recommend(CLIENT, history=history, at=AT)
    assert recs.minutes_left == 30 - 12 - 2


def test_recommend_prefers_what_fits_the_time_left() -> None:
    """A strategy longer than the minutes left scores lower and gets no FITS_TIME reason."""
    catalog = Catalog([twin("a-walk", minutes=60), twin("b-walk", minutes=10)])
    recs = recommend(attrs.evolve(CLIENT, daily_minutes=20), catalog, at=AT)
    assert recs.strategy_ids == ("b-walk", "a-walk")
    assert pytest.approx(20 / 60) == recs[1].components["fits_time"]
    assert recs[1].reason(ReasonCode.FITS_TIME) is None
    fits = recs[0].reason(ReasonCode.FITS_TIME)
    assert fits is not None
    assert dict(fits.facts) == {"minutes": 10, "usual_minutes": 10, "minutes_available": 20}


def test_recommend_time_of_day_in_the_profile_zone() -> None:
    """The part of the day is taken at ``at`` in the person's zone."""
    profile = attrs.evolve(CLIENT, timezone="Asia/Tokyo", preferred_times={TimeOfDay.MORNING})
    recs = recommend(profile, at=pendulum.datetime(2026, 2, 15, 22, 30, tz="UTC"))  # 07:30 Tokyo
    assert recs.time_of_day == TimeOfDay.MORNING
    assert recs.at.timezone_name == "Asia/Tokyo"
    preferred = recs[0].reason(ReasonCode.PREFERRED_TIME)
    assert preferred is not None
    assert dict(preferred.facts) == {"time_of_day": "morning"}


def test_recommend_outdoors_not_at_night() -> None:
    """A strategy tagged for the outdoors does not suit the night."""
    catalog = Catalog([twin("a-walk", tags={"outdoors"}), twin("b-walk", tags={"indoors"})])
    night = recommend(CLIENT, catalog, at=AT.set(hour=23), weights=RecommendWeights(diversity=0))
    assert night.strategy_ids == ("b-walk", "a-walk")
    assert night[1].components["time_of_day"] == 0.0


# What has helped before


def test_recommend_ranks_a_planted_effect_higher() -> None:
    """A strategy that went with better moods ranks above its identical twin, with facts."""
    catalog = Catalog([twin("a-walk"), twin("neutral-walk"), twin("bad-walk")])
    history = planted("a-walk", "bad-walk")
    recs = recommend(CLIENT, catalog, history=history, at=AT, weights=RecommendWeights(diversity=0))
    assert recs.strategy_ids == ("a-walk", "neutral-walk", "bad-walk")
    helped = recs[0].reason(ReasonCode.HELPED_BEFORE)
    assert helped is not None
    assert helped.text.startswith("on the ")
    assert "days you practised a walk, your mood was" in helped.text
    assert "higher than on the" in helped.text
    facts = dict(helped.facts)
    assert {
        "measure",
        "days_with",
        "days_without",
        "mean_with",
        "mean_without",
        "difference",
    } == set(facts)
    assert facts["difference"] > 1  # type: ignore[operator]
    assert facts["days_with"] >= 3  # type: ignore[operator]
    assert facts["days_without"] >= 3  # type: ignore[operator]
    assert recs[0].components["effect"] > 0 > recs[2].components["effect"]
    assert recs[2].reason(ReasonCode.HELPED_BEFORE) is None


@pytest.mark.parametrize("seed", range(5))
def test_recommend_finds_walking_helps_in_the_built_in_catalog(seed: int) -> None:
    """With the built-in catalog, a planted walking effect moves the walk up the list."""
    profile = attrs.evolve(CLIENT, goals={Benefit.COPING_SKILLS})
    control = recommend(profile, history=planted("reading-and-learning", seed=seed), at=AT, k=20)
    found = recommend(profile, history=planted("short-walk", seed=seed), at=AT, k=20)
    assert position(found, "short-walk") < position(control, "short-walk")
    assert position(found, "short-walk") <= 1
    assert found[position(found, "short-walk")].reason(ReasonCode.HELPED_BEFORE) is not None


def test_recommend_effect_needs_three_days_on_each_side() -> None:
    """An effect counts only from 3 days with and 3 without; before that it is 0."""
    catalog = Catalog([twin("a-walk"), twin("b-walk")])
    two = [reflection(on(n), Practice.done("a-walk"), ratings=Ratings(mood=9)) for n in (0, 1)]
    two += [reflection(on(n), ratings=Ratings(mood=3)) for n in (2, 3, 4)]
    recs = recommend(CLIENT, catalog, history=two, at=AT)
    assert recs[position(recs, "a-walk")].components["effect"] == 0.0
    three = [*two, reflection(on(5), Practice.done("a-walk"), ratings=Ratings(mood=9))]
    recs = recommend(CLIENT, catalog, history=three, at=AT)
    assert recs[position(recs, "a-walk")].components["effect"] == 1.0  # 6 points, clipped


def test_recommend_habit_momentum_and_variety() -> None:
    """A kept habit brings momentum; doing it in the last three days lowers variety."""
    history = [reflection(on(n), Practice.done("a-walk")) for n in range(42)]
    catalog = Catalog([twin("a-walk"), twin("b-walk")])
    recs = recommend(CLIENT, catalog, history=history, at=AT)
    walk = recs[position(recs, "a-walk")]
    assert walk.components["momentum"] > 0.8
    assert pytest.approx(walk.components["variety"]) == 1 / 3  # done two of the last three days
    momentum = walk.reason(ReasonCode.HABIT_MOMENTUM)
    assert momentum is not None
    assert {"habit_strength", "current_streak"} == set(momentum.facts)
    assert 0 == momentum.facts["current_streak"]  # not done yet today: the run has no today
    other = recs[position(recs, "b-walk")]
    assert other.reason(ReasonCode.VARIETY) is not None
    assert other.reason(ReasonCode.HABIT_MOMENTUM) is None
    done_today = [*history, reflection(on(42, hour=9), Practice.done("a-walk"))]
    walk = recommend(CLIENT, catalog, history=done_today, at=AT)[0]
    momentum = walk.reason(ReasonCode.HABIT_MOMENTUM)
    assert momentum is not None
    assert "43 days in a row" in momentum.text


def test_a_habit_shows_the_figure_habit_strength_gives_at_the_same_moment() -> None:
    """Momentum, the reason's words and its facts are habit_strength and streak at ``at``."""
    history = planted("short-walk", "news-limits", neutral="mindful-breathing", days=40)
    recs = recommend(CLIENT, history=history, at=AT, k=8)
    shown = [(rec, rec.reason(ReasonCode.HABIT_MOMENTUM)) for rec in recs]
    assert any(reason is not None for _, reason in shown)
    for rec, reason in shown:
        habit = habit_strength(history, rec.strategy_id, at=AT)
        assert pytest.approx(habit.score) == rec.components["momentum"]
        if reason is None:
            continue
        assert f"strength {habit.percent} of 100" in reason.text
        assert habit.percent / 100 == reason.facts["habit_strength"]
        assert streak(history, rec.strategy_id, at=AT).current == reason.facts["current_streak"]


def test_recommendations_come_in_the_order_of_their_score() -> None:
    """The k are picked to spread over categories, then listed by score, ties in catalog order.

    Picked in turn, the second walk comes after the self-talk (its category already has one);
    listed, it comes before it, as its score is higher.
    """
    catalog = Catalog(
        [twin(f"walk-{n}", benefits={Benefit.COPING_SKILLS}) for n in range(3)]
        + [twin("self-talk", category=Category.MENTAL)]
    )
    profile = attrs.evolve(CLIENT, goals={Benefit.COPING_SKILLS})
    weights = RecommendWeights(diversity=0.25)
    context = Context(profile, catalog, (), AT, weights, DistressRule())
    picked = [catalog.strategies[p].id for p in Ranking(context, None).top(3)]
    assert ["walk-0", "self-talk", "walk-1"] == picked
    recs = recommend(profile, catalog, at=AT, k=3, weights=weights)
    assert ("walk-0", "walk-1", "self-talk") == recs.strategy_ids
    scores = [rec.score for rec in recs]
    assert sorted(scores, reverse=True) == scores
    assert recs[0].score == recs[1].score  # a tie keeps catalog order


def test_recommend_neglected_category() -> None:
    """A category neglected in the last 14 days lifts its strategies, saying so."""
    history = [reflection(on(n), Practice.done("short-walk")) for n in range(30, 42)]
    recs = recommend(CLIENT, history=history, at=AT, k=4)
    assert Category.PHYSICAL not in {r.strategy.category for r in recs[:3]}
    neglected = [r.reason(ReasonCode.NEGLECTED_CATEGORY) for r in recs]
    assert all(reason is not None for reason in neglected[:3])
    assert neglected[0] is not None
    assert neglected[0].facts["window_days"] == 14
    assert neglected[0].facts["days_practised"] == 0


def test_recommend_diversity_spreads_categories() -> None:
    """The top k spread over categories; without the penalty one category can fill it."""
    catalog = Catalog(
        [twin(f"walk-{n}", benefits={Benefit.COPING_SKILLS}) for n in range(5)]
        + [twin("self-talk", category=Category.MENTAL)]
    )
    profile = attrs.evolve(CLIENT, goals={Benefit.COPING_SKILLS})
    spread = recommend(profile, catalog, at=AT, k=3)
    assert "self-talk" in spread.strategy_ids
    packed = recommend(profile, catalog, at=AT, k=3, weights=RecommendWeights(diversity=0))
    assert packed.strategy_ids == ("walk-0", "walk-1", "walk-2")


def test_recommend_weights_are_overridable() -> None:
    """Weights change the ranking; only their proportions matter."""
    catalog = Catalog([twin("a-walk", tags={"nature"}), twin("b-walk", benefits={Benefit.TRUST})])
    profile = attrs.evolve(CLIENT, goals={Benefit.TRUST}, values={"nature"})
    flat = RecommendWeights(diversity=0)
    assert recommend(profile, catalog, at=AT, weights=flat)[0].strategy_id == "b-walk"
    valued = attrs.evolve(flat, values=1.0, goal=0.0)
    assert recommend(profile, catalog, at=AT, weights=valued)[0].strategy_id == "a-walk"
    doubled = RecommendWeights(
        **{f.name: 2 * getattr(flat, f.name) for f in attrs.fields(RecommendWeights)},
    )
    one = recommend(profile, catalog, at=AT, weights=flat)
    two = recommend(profile, catalog, at=AT, weights=attrs.evolve(doubled, diversity=0))
    assert [r.score for r in one] == pytest.approx([r.score for r in two])


def test_recommend_tells_catalogs_apart() -> None:
    """Each catalog is ranked on its own content, however many catalogs are used in turn."""
    profile = attrs.evolve(CLIENT, goals={Benefit.TRUST})
    for n in range(12):
        best = ("a-walk", "b-walk")[n % 2]
        catalog = Catalog(
            [
                twin(sid, benefits={Benefit.TRUST} if sid == best else ())
                for sid in ("a-walk", "b-walk")
            ]
        )
        assert best == recommend(profile, catalog, at=AT)[0].strategy_id


# Exploration


def test_exploration_gives_untried_strategies_a_chance() -> None:
    """Without exploring, the known helper always wins; exploring, untried ones sometimes do."""
    catalog = Catalog([twin("a-walk"), *(twin(f"new-{n}") for n in range(4))])
    history = planted("a-walk", seed=3)
    weights = RecommendWeights(diversity=0)
    plain = {
        recommend(CLIENT, catalog, history=history, at=AT, seed=s, weights=weights)[0].strategy_id
        for s in range(30)
    }
    assert {"a-walk"} == plain
    firsts = [
        recommend(CLIENT, catalog, history=history, at=AT, seed=s, explore=True, weights=weights)[0]
        for s in range(30)
    ]
    assert {"a-walk"} < {r.strategy_id for r in firsts}
    untried = next(r for r in firsts if r.strategy_id != "a-walk")
    exploring = untried.reason(ReasonCode.EXPLORATION)
    assert exploring is not None
    assert "you have not logged it yet" in exploring.text
    assert exploring.facts["days_practised"] == 0


def test_exploration_is_deterministic_per_seed() -> None:
    """The same seed gives the same recommendations; another seed may not."""
    history = planted("short-walk")
    same = [recommend(CLIENT, history=history, at=AT, seed=9, explore=True, k=8) for _ in range(2)]
    assert same[0] == same[1]
    others = {
        recommend(CLIENT, history=history, at=AT, seed=s, explore=True, k=8).strategy_ids
        for s in range(6)
    }
    assert len(others) > 1
    assert same[0].explored


def test_recommendations_are_the_same_in_any_process() -> None:
    """Output does not depend on PYTHONHASHSEED."""
    script = (
        f"import json, pendulum, selfcare, {__name__} as t\n"
        "r = selfcare.recommend(t.CLIENT, history=t.planted('short-walk'), at=t.AT, k=8,"
        " explore=True, seed=4)\n"
        "print(json.dumps([(x.strategy_id, x.score,"
        " [(y.code.value, y.text, sorted(y.facts.items())) for y in x.reasons]) for x in r]))\n"
    )
    outputs = set()
    for hash_seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())


# Safety: the support advisory


def low_days(moods: list[int], end: pendulum.DateTime = AT) -> list[Reflection]:
    """One reflection a day with these moods, the last one on the day of ``end``."""
    count = len(moods)
    return [
        reflection(end.subtract(days=count - 1 - n).set(hour=9), ratings=Ratings(mood=mood))
        for n, mood in enumerate(moods)
    ]


@pytest.mark.parametrize(
    ("moods", "advised"),
    [
        ([3, 3, 3, 3], True),  # 4 of the last 7 days at 3: on the edge
        ([3, 3, 3, 4], False),  # a 4 is not low
        ([3, 3, 3], False),  # 3 hard days are not enough
        ([3, 6, 3, 6, 3, 6, 3], True),
        ([3, 3, 3, 5, 5, 5, 5, 3, 3, 3], False),  # the first three are 7-9 days back
        ([0, 1, 2, 3, 9, 9, 9], True),
    ],
)
def test_support_advised_at_the_edges_of_the_rule(moods: list[int], advised: bool) -> None:
    """Mood 3 or lower on at least 4 of the last 7 days advises support, not less."""
    advisory = support_advisory(low_days(moods), at=AT)
    assert advised == advisory.advised
    assert advised == bool(advisory.message)
    assert advised == recommend(CLIENT, history=low_days(moods), at=AT).support.advised


def test_support_advisory_says_so_plainly() -> None:
    """The message names the figures and advises reaching out; the facts are kept."""
    advisory = support_advisory(low_days([2, 2, 2, 2]), at=AT)
    assert advisory.message.startswith(
        "Your check-ins show a hard stretch: on 4 of the last 7 days your mood was 3 or lower. "
        "Reaching out to your therapist or someone you trust is advised"
    )
    assert (advisory.hard_days, advisory.days_reflected, advisory.wants_support) == (4, 4, False)
    assert advisory.facts() == {
        "hard_days": 4,
        "days_reflected": 4,
        "min_days": 4,
        "window_days": 7,
        "max_mood": 3,
        "wants_support": "no",
    }
    for word in ("depress", "diagnos", "disorder", "symptom"):
        assert word not in advisory.message.lower()


def test_support_advisory_when_the_person_asks() -> None:
    """A reflection saying the person wants support advises it, whatever the moods."""
    asked = [reflection(AT.subtract(days=2), ratings=Ratings(mood=8), wants_support=True)]
    advisory = support_advisory(asked, at=AT)
    assert advisory.advised
    assert advisory.message.startswith("You said you would like some support.")
    old = [reflection(AT.subtract(days=7), wants_support=True)]
    assert not support_advisory(old, at=AT).advised


def test_support_advisory_for_a_therapist() -> None:
    """A therapist is pointed to their supervisor or their own therapist as well."""
    advisory = support_advisory(low_days([1, 1, 1, 1]), at=AT, role=Role.THERAPIST)
    assert "your supervisor, your own therapist or someone you trust" in advisory.message


def test_support_advisory_ignores_what_comes_after_at() -> None:
    """Reflections after ``at``, and days without one, do not count."""
    history = low_days([2, 2, 2, 2], end=AT.add(days=2))
    assert support_advisory(history, at=AT).hard_days == 2
    assert not support_advisory([], at=AT).advised


def test_distress_rule_is_overridable() -> None:
    """The rule's threshold, days, window and stress can all be changed."""
    moods = low_days([4, 4, 4])
    assert not support_advisory(moods, at=AT).advised
    assert support_advisory(moods, at=AT, rule=DistressRule(max_mood=4, min_days=3)).advised
    stressed = [
        reflection(AT.subtract(days=n), ratings=Ratings(mood=6, stress=9)) for n in range(4)
    ]
    assert not support_advisory(stressed, at=AT).advised
    advisory = support_advisory(stressed, at=AT, rule=DistressRule(min_stress=8))
    assert advisory.advised
    assert "or your stress 8 or higher" in advisory.message
    assert support_advisory(
        low_days([3, 3]), at=AT, rule=DistressRule(min_days=2, window_days=2)
    ).advised


def test_support_advised_leaves_out_high_effort_and_says_why() -> None:
    """While support is advised, high-effort strategies are left out and SUPPORT leads."""
    catalog = Catalog([twin("easy"), twin("hard", effort=Effort.HIGH, benefits={Benefit.TRUST})])
    profile = attrs.evolve(CLIENT, goals={Benefit.TRUST})
    calm = recommend(profile, catalog, at=AT)
    assert calm[0].strategy_id == "hard"
    assert all(r.reason(ReasonCode.SUPPORT) is None for r in calm)
    hard_time = recommend(profile, catalog, history=low_days([2, 2, 2, 2]), at=AT, k=2)
    assert hard_time.strategy_ids == ("easy",)
    assert hard_time.excluded["effort"] == 1
    assert "more effort than suits while support is advised" in (hard_time.shortfall or "")
    support = hard_time[0].reasons[0]
    assert support.code == ReasonCode.SUPPORT
    assert "reaching out to your therapist or someone you trust is advised" in support.text
    assert support.facts["hard_days"] == 4
    high_ok = recommend(
        profile,
        catalog,
        history=low_days([2, 2, 2, 2]),
        at=AT,
        rule=DistressRule(max_effort=Effort.HIGH),
    )
    assert {"easy", "hard"} == set(high_ok.strategy_ids)


def test_recommendations_never_show_journal_text() -> None:
    """Journal text is private: it is nowhere in the result."""
    history = planted("short-walk")
    recs = recommend(CLIENT, history=history, at=AT, explore=True)
    text = repr(recs) + "".join(r.text + repr(dict(r.facts)) for rec in recs for r in rec.reasons)
    assert SECRET not in text


# Validation


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"profile": "me"}, "profile"),
        ({"catalog": []}, "catalog"),
        ({"history": "journal"}, "history"),
        ({"history": [1]}, "history[0]"),
        ({"at": dt.datetime(2026, 2, 16, 18)}, "at"),
        ({"k": 0}, "k"),
        ({"k": 1001}, "k"),
        ({"seed": True}, "seed"),
        ({"seed": 1.5}, "seed"),
        ({"explore": 1}, "explore"),
        ({"weights": {}}, "weights"),
        ({"rule": {}}, "rule"),
    ],
)
def test_recommend_rejects_bad_arguments(changes: dict[str, Any], field: str) -> None:
    """Each bad argument raises a ValidationError naming it."""
    arguments: dict[str, Any] = {"profile": CLIENT, "at": AT, **changes}
    profile = arguments.pop("profile")
    with pytest.raises(ValidationError) as caught:
        recommend(profile, **arguments)
    assert field == caught.value.problems[0][0]


@pytest.mark.parametrize(
    ("build", "field", "expected"),
    [
        (lambda: RecommendWeights(goal=-1), "goal", "from 0 to 100"),
        (lambda: RecommendWeights(effect=float("nan")), "effect", "finite"),
        (lambda: RecommendWeights(values=wrong("1")), "values", "finite"),
        (lambda: DistressRule(max_mood=11), "max_mood", "from 0 to 10"),
        (lambda: DistressRule(min_days=8), "min_days", "at most window_days"),
        (lambda: DistressRule(min_stress=-1), "min_stress", "from 0 to 10"),
        (lambda: DistressRule(max_effort=wrong("high")), "max_effort", "Effort"),
        (lambda: support_advisory([], at=AT, rule=wrong(3)), "rule", "DistressRule"),
        (lambda: support_advisory([], at=AT, role=wrong("client")), "role", "Role"),
    ],
)
def test_settings_reject_bad_values(build: Any, field: str, expected: str) -> None:
    """Weights and rules are validated like every other value."""
    with pytest.raises(ValidationError) as caught:
        build()
    path, message = caught.value.problems[0]
    assert field == path
    assert expected in message


# Properties


@st.composite
def situations(draw: st.DrawFn) -> tuple[Profile, Catalog, list[Reflection], Any]:
    """A profile, a catalog, a history over its strategies and a time."""
    profile = draw(profiles())
    catalog = draw(catalogs(max_strategies=10))
    ids = [s.id for s in catalog.strategies]
    at = AT.add(minutes=draw(st.integers(0, 24 * 60)))
    times = st.integers(0, 20 * 24 * 60).map(lambda m: at.subtract(minutes=m))
    reflection = st.builds(
        Reflection,
        at=times,
        author=st.sampled_from(Role),
        ratings=ratings(),
        practised=st.lists(
            practices(st.sampled_from(ids)), max_size=3, unique_by=lambda p: p.strategy_id
        ),
        wants_support=st.booleans(),
    )  # no journal text: recommend never reads it, and it is slow to draw
    history = draw(st.lists(reflection, max_size=12))
    return profile, catalog, history, at


@given(situations(), st.integers(1, 12), st.integers(0, 3), st.booleans())
def test_recommend_properties(
    situation: tuple[Profile, Catalog, list[Reflection], Any], k: int, seed: int, explore: bool
) -> None:
    """Scores in range, k distinct when eligible, nothing excluded, reasons, determinism."""
    profile, catalog, history, at = situation
    recs = recommend(profile, catalog, history=history, at=at, k=k, seed=seed, explore=explore)
    eligible = [
        s
        for s in catalog.strategies
        if s.is_for(profile.role)
        and s.category in profile.allowed_categories
        and not s.tags & profile.excluded_tags
        and (not recs.support.advised or s.effort <= Effort.MEDIUM)
    ]
    assert min(k, len(eligible)) == len(recs) == len(set(recs.strategy_ids))
    assert len(eligible) == recs.eligible
    fits = any(rec.strategy.minutes <= recs.minutes_left for rec in recs)
    assert (recs.shortfall is None) == (len(recs) == k and fits)
    weights = RecommendWeights()
    norm = weights.total + weights.effect
    for rec in recs:
        assert rec.strategy in eligible
        assert 0.0 <= rec.score <= 1.0
        assert rec.reasons
        assert all(-1.0 <= v <= 1.0 for v in rec.components.values())
        total = sum(getattr(weights, n) * v for n, v in rec.components.items())
        assert pytest.approx((total + weights.effect) / norm) == rec.score
        if recs.support.advised:
            assert rec.reasons[0].code == ReasonCode.SUPPORT
    order = [(-rec.score, catalog.strategies.index(rec.strategy)) for rec in recs]
    assert sorted(order) == order  # by score, best first; ties in catalog order
    local = at.in_timezone(profile.timezone)  # the person's day, as recommend counts it
    for rec in recs:
        habit = habit_strength(history, rec.strategy_id, at=local, catalog=catalog)
        assert pytest.approx(habit.score) == rec.components["momentum"]
    again = recommend(profile, catalog, history=history, at=at, k=k, seed=seed, explore=explore)
    assert recs == again


@given(st.integers(1, 6), profiles(role=Role.CLIENT))
def test_recommend_top_k_of_a_catalog_of_k(k: int, profile: Profile) -> None:
    """A catalog of exactly k eligible strategies gives all k, each once."""
    profile = attrs.evolve(profile, excluded_categories=set(), excluded_tags=set(), spiritual=False)
    catalog = Catalog(
        [twin(f"walk-{n}", category=[Category.PHYSICAL, Category.MENTAL][n % 2]) for n in range(k)]
    )
    recs = recommend(profile, catalog, at=AT, k=k)
    assert sorted(s.id for s in catalog.strategies) == sorted(recs.strategy_ids)


def test_recommendation_value_types() -> None:
    """Recommendation and RecommendationList are plain frozen values."""
    recs = recommend(CLIENT, at=AT, k=1)
    assert isinstance(recs.support, SupportAdvisory)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        recs.items = ()  # type: ignore[misc]
    assert hash(recs[0].components) == hash(recs[0].components)
    assert recs[0].reason(ReasonCode.ADDED_BY_PERSON) is None


# Thin inputs and strategies the catalog no longer holds


def test_with_no_minutes_left_the_shortfall_says_nothing_fits_today() -> None:
    """When today's minutes are used up, the result says so instead of looking full."""
    done = reflection(AT.subtract(hours=2), Practice.done("short-walk", 30))
    recs = recommend(CLIENT, history=[done], at=AT, k=3)
    assert 0 == recs.minutes_left
    assert 3 == len(recs)
    assert recs.shortfall is not None
    assert recs.shortfall.startswith("no minutes are left for self-care today")
    assert all(r.reason(ReasonCode.VARIETY) is None for r in recs)
    assert all(r.reason(ReasonCode.FITS_TIME) is None for r in recs)


def test_strategies_the_catalog_no_longer_holds_are_reported() -> None:
    """A history naming a removed strategy is read, and the strategy is listed, not dropped."""
    catalog = default_catalog().without("news-limits")
    history = [reflection(on(n), Practice.done("news-limits")) for n in range(36, 42)]
    recs = recommend(CLIENT, catalog, history=history, at=AT)
    assert ("news-limits",) == recs.unknown_ids
    assert "news-limits" not in recs.strategy_ids
    balance = category_balance(history, catalog, at=AT, days=14)
    assert ("news-limits",) == balance.unknown_ids
    assert () == recommend(CLIENT, history=history, at=AT).unknown_ids


def test_insights_reject_an_unknown_strategy_id_with_a_suggestion() -> None:
    """A misspelt id in habit_strength is refused, naming the closest id of the catalog."""
    with pytest.raises(UnknownIdError) as caught:
        habit_strength([], "short-wlak")
    assert ("strategy_id", ("short-walk",)) == (
        caught.value.problems[0][0],
        caught.value.suggestions[:1],
    )


#: What a strategy is filed under, drawn from few values so that groups are shared.
FILED = st.tuples(
    st.sampled_from([Category.PHYSICAL, Category.EMOTIONAL]),
    st.sampled_from([{Role.CLIENT}, {Role.THERAPIST}, {Role.CLIENT, Role.THERAPIST}]),
    st.sampled_from([Effort.LOW, Effort.HIGH]),
)


@given(st.lists(FILED, max_size=30), st.sampled_from(Role))
def test_the_catalog_layout_groups_a_roles_strategies_by_category_and_effort(
    filed: list[tuple[Category, set[Role], Effort]], role: Role
) -> None:
    """Each group holds the rows of its category and effort for the role, in catalog order.

    The counts are per category, for either role; the positions index the role's ids.
    """
    strategies = tuple(
        Strategy(f"s-{n}", "S", category, roles, minutes=n + 1, effort=effort, tags={f"t-{n}"})
        for n, (category, roles, effort) in enumerate(filed)
    )
    rows = CatalogRows(strategies, role)
    groups: dict[Any, list[Any]] = {}
    for position, s in enumerate(strategies):
        if role in s.roles:
            row = (position, s.tags, s.benefits, s.minutes)
            groups.setdefault((s.category, s.effort), []).append(row)
    assert groups == rows.groups
    assert {c: sum(s.category is c for s in strategies) for c in rows.counts} == rows.counts
    assert sum(rows.counts.values()) == len(strategies)
    assert {s.id: n for n, s in enumerate(strategies) if role in s.roles} == rows.positions
