"""Specification of the HTML views notebooks show: complete, escaped, private, self-contained."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import functools
import html
import itertools
import subprocess
import sys
from collections.abc import Callable

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import selfcare
import tests.display.values as values
from selfcare import (
    Catalog,
    Category,
    DistressRule,
    HabitStrength,
    ItemAdherence,
    ItemReview,
    Measure,
    Period,
    Plan,
    PlanAdherence,
    PlanItem,
    Reason,
    ReasonCode,
    Recurrence,
    Ritual,
    RitualStep,
    Role,
    Strategy,
    StrategyEffect,
    Streak,
    Suggestion,
    SuggestionKind,
    SupportAdvisory,
    WorkdayWarning,
    WorkdayWarningCode,
)
from selfcare._display.plan import MAX_WEEKS_SHOWN, plan_html
from tests.display.values import (
    CANARY,
    CANARY_REF,
    PRIVATE_TEXTS,
    VALUES,
    ZONE,
    Node,
    parse,
    view,
)

ALLOWED_TAGS = frozenset(
    {"div", "span", "b", "ul", "li", "table", "thead", "tbody", "tr", "th", "td"}
    | {"svg", "line", "polyline", "circle", "text"}
)
ALLOWED_ATTRIBUTES = frozenset(
    {"style", "title", "role", "aria-label"}
    | {"width", "height", "viewbox", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r"}
    | {"points", "fill", "stroke", "stroke-width", "font-size", "text-anchor"}
)
OUTSIDE = ("<script", "src=", "href=", "url(", "@import", "javascript:", "<link", "<img")
PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    "Tom & Jerry <b>bold</b>",
    "</div></td></table><iframe>",
    "a\"b'c<d>e&f",
)


@pytest.fixture(scope="module", params=sorted(VALUES))
def rendered(request: pytest.FixtureRequest) -> tuple[str, object, str]:
    """Each type's realistic value, with its view."""
    value = VALUES[request.param]()
    return request.param, value, view(value)


def text_of(html_text: str) -> str:
    """The text a person reads in a view, without attributes."""
    return parse(html_text).text()


def titles(html_text: str) -> list[str]:
    """The hover texts in a view."""
    return [node.attrs["title"] for node in parse(html_text).walk() if "title" in node.attrs]


# Structure, for every type


def test_every_view_is_well_formed_and_uses_only_plain_markup(
    rendered: tuple[str, object, str],
) -> None:
    """Every element is closed in order, and only plain elements and attributes are used."""
    _, _, html_text = rendered
    root = parse(html_text)
    elements = list(root.walk())[1:]
    assert set() == {node.tag for node in elements} - ALLOWED_TAGS
    assert set() == {name for node in elements for name in node.attrs} - ALLOWED_ATTRIBUTES
    assert "div" == elements[0].tag
    assert 1 == len([c for c in root.children if isinstance(c, Node)])


def test_every_view_is_self_contained(rendered: tuple[str, object, str]) -> None:
    """No script, no link or reference to anything outside the view."""
    _, _, html_text = rendered
    lowered = html_text.lower()
    assert [] == [marker for marker in OUTSIDE if marker in lowered]


def test_no_view_shows_private_text(rendered: tuple[str, object, str]) -> None:
    """Journal text, revision reasons, boundary descriptions and session refs never appear."""
    _, _, html_text = rendered
    assert [] == [secret for secret in PRIVATE_TEXTS if secret in html_text]


def test_the_values_shown_carry_private_text() -> None:
    """The canary checks mean something: the values shown hold the private text."""
    assert any(block.ref == CANARY_REF for block in values.workday().blocks)
    assert CANARY in values.plan().revisions[0].reason
    assert any(CANARY in b.description for b in values.plan().boundaries)
    assert all(CANARY == r.journal.note for r in values.reflections(values.plan()))


def test_importing_selfcare_does_not_load_the_views() -> None:
    """The renderers load on first display, keeping ``import selfcare`` fast."""
    code = "import sys, selfcare; print(sorted(m for m in sys.modules if '_html' in m))"
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "[]" == found.strip()


# What each view shows


def test_plan_grid_shows_each_days_minutes_and_items() -> None:
    """The grid has a cell per day of the plan with the day's minutes, as minutes_by_date."""
    plan = values.plan()
    root = parse(view(plan))
    grid = root.find_all("table")[0]
    cells = [td for td in grid.find_all("td") if td.find_all("div")]
    assert 28 == len(cells)
    by_date = plan.minutes_by_date()
    for cell, day in zip(cells, sorted(by_date), strict=True):
        first, total = (div.text() for div in cell.find_all("div")[:2])
        assert f"{day.day} " in first
        assert selfcare_minutes(by_date[day]) == total
    first_cell = cells[0].text()
    assert "Short walk" in first_cell
    assert "10 min · 18:30" in first_cell
    assert "Daily reflection" in first_cell


def selfcare_minutes(value: int) -> str:
    """Minutes as the views write them."""
    hours, rest = divmod(value, 60)
    return f"{rest} min" if not hours else f"{hours} h" + (f" {rest} min" if rest else "")


def test_plan_shows_every_reason_visibly_and_on_hover() -> None:
    """Each item's reasons are listed under the grid and are the hover text of its entries."""
    plan = values.plan()
    html_text = view(plan)
    text = text_of(html_text)
    hover = "\n".join(titles(html_text))
    for item in plan.items:
        for reason in item.reasons:
            assert reason.text in text
            assert reason.text in hover
    assert "physical" in text
    assert "mental & cognitive" in text
    assert "every Monday, Tuesday, Wednesday, Friday and Saturday at 18:30" in text


def test_plan_shows_status_goals_boundaries_and_contributors() -> None:
    """The plan's header and its parts are all shown."""
    text = text_of(view(values.plan()))
    assert "active · version 3" in text
    assert "builds coping skills" in text
    assert "no client contact after 19:00" in text
    assert "a boundary in the person's own words" in text
    # A boundary's description is the person's own words: kept out, as in its repr.
    assert "phone off after seven" not in text
    assert "no work email at weekends" not in text
    assert "therapist-1 (therapist)" in text
    assert "version 2: revised by therapist-1 on Sat 28 Nov 2026" in text


def test_a_long_plan_shows_its_first_weeks_and_every_item() -> None:
    """A year-long plan's grid stops after the first weeks and says so; all items are listed."""
    items = [PlanItem(f"walk-{n}", Recurrence.daily(), 5) for n in range(3)]
    plan = Plan(
        id="long",
        role=Role.CLIENT,
        timezone="UTC",
        period=Period.weeks_from(dt.date(2026, 1, 7), 52),
        items=items,
    )
    html_text = view(plan)
    text = text_of(html_text)
    assert f"The grid shows the first {MAX_WEEKS_SHOWN} of 53 weeks" in text
    assert f"Week {MAX_WEEKS_SHOWN}" in text
    assert f"Week {MAX_WEEKS_SHOWN + 1}" not in text
    assert all(f"walk-{n}" in text for n in range(3))


def test_plan_items_outside_the_catalog_are_shown_by_id_and_reason_category() -> None:
    """An item the catalog does not hold keeps its id and takes its category from a reason."""
    item = PlanItem(
        "forest-bathing",
        Recurrence.weekly([selfcare.Weekday.SUNDAY]),
        30,
        reasons=[Reason(ReasonCode.ADDED_BY_PERSON, "my idea", {"category": "spiritual"})],
    )
    plan = Plan(
        id="p",
        role=Role.CLIENT,
        timezone="UTC",
        period=Period.weeks_from(dt.date(2026, 1, 5), 1),
        items=[item],
    )
    text = text_of(view(plan))
    assert "forest-bathing" in text
    assert Category.SPIRITUAL.label in text
    assert "my idea" in text


def test_workday_shows_blocks_in_the_days_zone_with_warnings() -> None:
    """Every block is listed with its local times; the New York session shows at 16:00."""
    day = values.workday()
    html_text = view(day)
    text = text_of(html_text)
    assert "Workday Tue 3 Mar 2026" in text
    assert "16:00–17:15" in text
    assert "1 h 15 min" in text
    for warning in day.warnings:
        assert warning.message in text
    for block in day.blocks:
        assert block.reason in text
    kinds = {block.kind.value for block in day.blocks}
    assert {"session", "transition", "notes", "lunch", "decompression", "free"} == kinds
    hover = "\n".join(titles(html_text))
    assert "08:30–09:20 session (50 min): client session" in hover


def fall_back_day() -> selfcare.Workday:
    """A day when London's clocks go back: two sessions start at 01:10, an hour apart."""
    at = pendulum.datetime(2026, 10, 25, 0, 10, tz="UTC")
    return selfcare.plan_workday(
        [selfcare.Session(at, 50), selfcare.Session(at.add(hours=1), 50)],
        rules=selfcare.WorkdayRules(),
        tz=ZONE,
    )


@pytest.mark.parametrize("build", [values.workday, fall_back_day])
def test_workday_timeline_blocks_never_overlap(build: Callable[[], selfcare.Workday]) -> None:
    """Each block starts on the timeline where the one before it ends, or later."""
    day = build()
    root = parse(view(day))
    bars = [
        node for node in root.walk() if node.children and all(_is_placed(c) for c in node.children)
    ]
    assert 1 == len(bars)
    edges = [_edges(child) for child in bars[0].children if isinstance(child, Node)]
    assert len(day.blocks) == len(edges)
    for (_, end), (start, _) in itertools.pairwise(edges):
        assert start >= end - 0.002  # positions are written to 0.001%


def _is_placed(child: Node | str) -> bool:
    """A block on a timeline: placed on it, with its times as hover text."""
    return (
        isinstance(child, Node)
        and "position:absolute" in child.attrs.get("style", "")
        and "title" in child.attrs
    )


def _edges(node: Node) -> tuple[float, float]:
    style = dict(part.split(":", 1) for part in node.attrs["style"].split(";") if ":" in part)
    left = float(style["left"].rstrip("%"))
    return left, left + float(style["width"].rstrip("%"))


def test_workweek_stacks_a_timeline_a_day_with_its_warnings() -> None:
    """Every day gets a row; the weekly warning comes first, each day's warnings follow."""
    week = values.workweek()
    text = text_of(view(week))
    assert all(values_short(day.day) in text for day in week.days)
    assert text.index(week.warnings[0].message) < text.index("Warnings by day")
    for day in week.days:
        for warning in day.warnings:
            assert f"{values_short(day.day)}: {warning.message}" in text
    assert "day off" in text
    assert "7 sessions" in text


def values_short(day: dt.date) -> str:
    """A date as the views write it in a label, e.g. ``Mon 2 Mar``."""
    names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{names[day.weekday()]} {day.day} {months[day.month - 1]}"


def test_recommendations_rank_with_reasons_after_the_advisory() -> None:
    """The advisory comes first when it is on; then each strategy in rank order with reasons."""
    recs = values.recommendations()
    assert recs.support.advised
    text = text_of(view(recs))
    assert text.index(recs.support.message) < text.index("Ranked")
    positions = [text.index(rec.strategy.name) for rec in recs]
    assert sorted(positions) == positions
    for rec in recs:
        assert f"{rec.score:.2f}" in text
        for reason in rec.reasons:
            assert reason.text in text
    assert "Fri 18 Dec 2026 21:30 Europe/London" in text


def test_recommendations_without_advisory_do_not_mention_it() -> None:
    """When support is not advised, the view says nothing about it."""
    recs = selfcare.recommend(
        values.client(), at=pendulum.datetime(2026, 1, 5, 19, tz="America/New_York")
    )
    text = text_of(view(recs))
    assert "Reaching out" not in text
    assert "Tue 6 Jan 2026 00:00 Europe/London" in text  # in the person's zone


def test_review_shows_items_suggestions_and_balance() -> None:
    """Per item: days done of expected, habit strength; then each suggestion with reasons."""
    review = values.review()
    text = text_of(view(review))
    for item in review.items:
        assert f"{item.adherence.done} of {item.adherence.expected}" in text
    for suggestion in review.suggestions:
        for reason in suggestion.reasons:
            assert reason.text in text
    assert {"keep", "drop"} <= {s.kind.value for s in review.suggestions}
    assert "Balance over the last two weeks looked at" in text
    assert "not started" in text


def test_insight_views_show_their_figures() -> None:
    """Balance, trend, habit, streak, adherence, effect and advisory show their numbers."""
    balance = values.balance()
    text = text_of(view(balance))
    for category, days in balance.days.items():
        assert category.label in text
        assert f"{days} of 14" in text
    trend = values.trend()
    text = text_of(view(trend))
    latest = trend.points[-1]
    assert f"{latest.mood:.1f}" in text
    assert "(worse)" in text
    habit = values.habit()
    assert f"{habit.percent} of 100" in text_of(view(habit))
    streak = values.streak()
    assert f"{streak.longest} day" in text_of(view(streak))
    adherence = values.adherence()
    assert f"{round(adherence.rate * 100)}%" in text_of(view(adherence))  # type: ignore[operator]
    effect = values.effect()
    text = text_of(view(effect))
    assert effect.describe() in text
    assert "not proof" in text
    advisory = values.advisory()
    assert advisory.message in text_of(view(advisory))


def test_empty_results_render_plainly() -> None:
    """Values with nothing to show still render, saying so."""
    assert "No reflections" in text_of(view(selfcare.category_balance([])))
    assert "no days to show" in text_of(view(selfcare.WellbeingTrend(7, ())))
    calm = SupportAdvisory(False, "", 0, 0, False, DistressRule())
    assert "No support advisory" in text_of(view(calm))
    empty = HabitStrength("short-walk", 0.0, 1, 1, None, None, 0, 0)
    assert "nothing counted yet" in text_of(view(empty))
    assert "no days assessed yet" in text_of(view(PlanAdherence("p", None, ())))


def test_sparse_values_render_what_there_is() -> None:
    """Gaps in a trend, a plan without items, a day without blocks: each says what it has."""
    history = [
        selfcare.Reflection(
            at=pendulum.datetime(2026, 1, day, 20, tz="UTC"),
            author=Role.CLIENT,
            ratings=selfcare.Ratings(mood=mood),
        )
        for day, mood in ((1, 4), (3, 6))
    ]
    trend = selfcare.wellbeing_trend(history, window_days=1)
    assert None is trend.points[1].mood
    html_text = view(trend)
    assert 2 == len(parse(html_text).find_all("circle"))  # two lone days, no line between
    assert "6.0" in text_of(html_text)
    transition = Ritual(
        "between-sessions",
        "Transition between sessions",
        [RitualStep("short-walk", 5)],
        selfcare.Anchor.after_each_session(),
        Recurrence.daily(),
        {Role.THERAPIST},
    )
    plan = Plan(
        id="p",
        role=Role.THERAPIST,
        timezone="UTC",
        period=Period.weeks_from(dt.date(2026, 1, 5), 1),
        rituals=[transition],
    )
    text = text_of(view(plan))
    assert "The plan has no items yet." in text
    assert "after each client session" in text
    assert 7 == text.count("rest")  # the ritual is in working hours, not in the days' minutes
    day = dt.date(2026, 1, 5)
    empty = selfcare.Workday(
        day, "UTC", (), figures=selfcare.WorkFigures(Period(day, day), 1, 0, 0, 0, 0, 0, 0)
    )
    assert "no blocks" in text_of(view(empty))


# Hostile text, in every field a caller can fill


def _no_surrogates() -> st.SearchStrategy[str]:
    return st.text(st.characters(codec="utf-8"), max_size=8)


hostile = st.builds(
    lambda before, payload, after: before + payload + after,
    _no_surrogates(),
    st.sampled_from(PAYLOADS),
    _no_surrogates(),
)


def check_escaped(html_text: str, *texts: str) -> None:
    """No text appears raw; each appears, decoded, in the text or hover text of the view."""
    root = parse(html_text)
    readable = root.text() + "\n".join(n.attrs.get("title", "") for n in root.walk())
    for text in texts:
        assert text not in html_text
        assert html.escape(text, quote=True) in html_text
        assert text in readable
    elements = list(root.walk())[1:]
    assert set() == {node.tag for node in elements} - ALLOWED_TAGS
    assert set() == {name for node in elements for name in node.attrs} - ALLOWED_ATTRIBUTES


@given(reason=hostile, fact=hostile, ritual=hostile, name=hostile)
def test_plan_escapes_caller_text(reason: str, fact: str, ritual: str, name: str) -> None:
    """Reasons, facts, ritual names and catalog names are escaped."""
    plan = Plan(
        id="p",
        role=Role.CLIENT,
        timezone="UTC",
        period=Period.weeks_from(dt.date(2026, 1, 5), 1),
        items=[
            PlanItem(
                "my-walk",
                Recurrence.daily(at=dt.time(8)),
                10,
                [Reason(ReasonCode.ADDED_BY_PERSON, reason, {"note": fact})],
            )
        ],
        rituals=[
            Ritual(
                "evening",
                ritual,
                [RitualStep("my-walk", 5)],
                selfcare.Anchor.at(dt.time(21)),
                Recurrence.daily(),
                {Role.CLIENT},
            )
        ],
    )
    catalog = Catalog(strategies=[Strategy("my-walk", name, Category.PHYSICAL, {Role.CLIENT}, 10)])
    check_escaped(plan_html(plan, catalog), reason, fact, ritual, name)
    check_escaped(view(plan), reason, fact, ritual)


@given(reason=hostile, message=hostile, fact=hostile)
def test_workday_and_workweek_escape_caller_text(reason: str, message: str, fact: str) -> None:
    """Block reasons, warning messages and their facts are escaped."""
    warning = WorkdayWarning(WorkdayWarningCode.NO_LUNCH, message, {"why": fact})
    day = values.workday()
    day = attrs.evolve(
        day,
        blocks=[attrs.evolve(b, reason=reason) for b in day.blocks],
        warnings=[warning],
    )
    check_escaped(view(day), reason, message, fact)
    week = values.workweek()
    week = attrs.evolve(week, days=[day if d.day == day.day else d for d in week.days])
    week = attrs.evolve(week, warnings=[warning])
    check_escaped(view(week), message, fact)


@functools.cache
def _recs() -> selfcare.RecommendationList:
    return values.recommendations()


@given(name=hostile, text=hostile, message=hostile, shortfall=hostile, rule=hostile)
def test_recommendations_escape_caller_text(
    name: str, text: str, message: str, shortfall: str, rule: str
) -> None:
    """Strategy names and descriptions, reasons, the advisory and the notes are escaped."""
    first = _recs().items[0]
    strategy = attrs.evolve(first.strategy, name=name, description=text)
    item = attrs.evolve(
        first, strategy=strategy, reasons=[Reason(ReasonCode.GOAL, text, {"x": text})]
    )
    recs = attrs.evolve(
        _recs(),
        items=(item,),
        support=attrs.evolve(_recs().support, message=message),
        shortfall=shortfall,
        excluded={rule: 2},
    )
    check_escaped(view(recs), name, text, message, shortfall, rule)
    check_escaped(view(recs.support), message)


@functools.cache
def _review() -> selfcare.PlanReview:
    return values.review()


@given(plan_id=hostile, strategy_id=hostile, replacement=hostile, text=hostile)
def test_review_and_adherence_escape_caller_text(
    plan_id: str, strategy_id: str, replacement: str, text: str
) -> None:
    """Plan and strategy ids and suggestion reasons are escaped, in case they were not checked."""
    kept = ItemAdherence(strategy_id, 4, 1, 2)
    effect = StrategyEffect(strategy_id, Measure.MOOD, 3, 4, 6.0, 5.0)
    suggestion = Suggestion(
        SuggestionKind.REPLACE, strategy_id, replacement, (Reason(ReasonCode.NOT_DONE, text),)
    )
    adherence = PlanAdherence(plan_id, None, (kept,))
    review = attrs.evolve(
        _review(),
        plan_id=plan_id,
        adherence=adherence,
        items=(ItemReview(strategy_id, kept, None, (effect,)),),
        suggestions=(suggestion,),
    )
    check_escaped(view(review), plan_id, strategy_id, replacement, text)
    check_escaped(view(adherence), plan_id, strategy_id)


@given(strategy_id=hostile)
def test_insights_escape_strategy_ids(strategy_id: str) -> None:
    """Habit strength, streak and effect views escape the strategy id."""
    check_escaped(view(HabitStrength(strategy_id, 0.5, 3, 7, None, None, 2, 1)), strategy_id)
    check_escaped(view(Streak(strategy_id, 1, 4, dt.date(2026, 1, 3))), strategy_id)
    check_escaped(view(StrategyEffect(strategy_id, Measure.STRESS, 3, 3, 4.0, 6.5)), strategy_id)


def test_times_are_shown_in_the_values_own_zone() -> None:
    """A workday planned in New York shows New York times."""
    day = selfcare.plan_workday(
        [selfcare.Session(pendulum.datetime(2026, 3, 3, 14, tz=ZONE), 50)],
        rules=selfcare.WorkdayRules(),
        tz="America/New_York",
    )
    text = text_of(view(day))
    assert "09:00–09:50" in text
    assert "times in America/New_York" in text
