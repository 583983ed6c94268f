"""Specification of the HTML views notebooks show: complete, escaped, private, self-contained."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import functools
import html
import itertools
import re
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
    Pause,
    PauseKind,
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
from selfcare._display import palette
from selfcare._display.plan import MAX_WEEKS_SHOWN, plan_html, reminders_text, rule_text
from selfcare._display.recommendations import ORDER_RULE
from selfcare._display.review import SUGGESTION_COLOURS
from selfcare._plans.adherence import RitualAdherence
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
    assert all(CANARY in r.reason for r in values.rested_plan().revisions[2:])


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
    assert "Organising tasks and realistic goals" in first_cell
    assert "15 min · 07:30" in first_cell
    assert "Daily reflection" in first_cell
    # The plan starts gently: the short walk comes in week 2, on Mon 7 Dec.
    assert "Short walk" not in cells[6].text()
    assert "Short walk" in cells[7].text()
    assert "10 min · 07:45" in cells[7].text()


def test_plan_shows_a_commitment_as_kept_not_as_minutes() -> None:
    """A commitment takes no minutes: it reads as kept all day, or kept at its time."""
    plan = values.plan()
    root = parse(view(plan))
    grid, items = root.find_all("table")[:2]
    cells = [td for td in grid.find_all("td") if td.find_all("div")]
    starts = cells[7].text()  # Mon 7 Dec, week 2: the commitments start
    assert "Regular sleep" in starts
    assert "kept at 22:30" in starts
    assert "Limits on news and social media" in starts
    assert "kept all day" in starts
    assert "Regular sleep" not in cells[6].text()
    entries = [div.text() for td in cells for div in td.find_all("div")]
    assert [] == [entry for entry in entries if re.search(r"(?<![\d ])0 min", entry)]
    rows = {row.find_all("b")[0].text(): row.text() for row in items.find_all("tr")[1:]}
    assert "kept at 22:30" in rows["Regular sleep"]
    assert "commitment" in rows["Regular sleep"]
    assert "kept all day" in rows["Limits on news and social media"]
    assert "0 min" not in rows["Regular sleep"] + rows["Limits on news and social media"]


def test_a_plan_writes_its_dates_as_the_rest_of_the_view_does() -> None:
    """An item's first day reads as a date in words, never in ISO form."""
    text = text_of(view(values.plan()))
    assert "every day at 22:30, from Mon 7 Dec 2026" in text
    assert "every day at 07:45, from Mon 7 Dec 2026" in text
    assert [] == re.findall(r"\d{4}-\d\d-\d\d", text)


def test_a_days_items_are_in_the_order_of_the_day() -> None:
    """In a cell, what is kept all day comes first, then each item by its time of day."""
    plan = values.plan()
    grid = parse(view(plan)).find_all("table")[0]
    cells = [td for td in grid.find_all("td") if td.find_all("div")]
    tuesday = cells[15].text()  # Tue 15 Dec: every item but organising and reading
    names = [
        "Limits on news and social media",  # kept all day
        "Short walk",  # 07:45
        "A steady daily routine",  # 07:55
        "Mindful breathing",  # 18:30
        "Mindfulness, meditation or grounding",  # 18:35
        "Daily reflection",  # 21:00
        "Regular sleep",  # kept at 22:30
    ]
    positions = [tuesday.index(name) for name in names]
    assert sorted(positions) == positions


def test_plan_shows_an_appointment_and_a_monthly_item_with_their_rhythm() -> None:
    """A fortnightly appointment shows on its days only, saying so; so does a monthly item."""
    profile = selfcare.Profile(role=Role.THERAPIST, timezone=ZONE, daily_minutes=30)
    plan = selfcare.generate_plan(profile, start=values.START, seed=3)
    catalog = selfcare.default_catalog()
    fortnightly = [
        item
        for item in plan.items
        if catalog.strategy(item.strategy_id).cadence.value == "fortnightly"
    ]
    assert fortnightly  # supervision and therapy of one's own
    monthly = PlanItem(
        "values-reflection", Recurrence.monthly(weekday=selfcare.Weekday.TUESDAY, nth=1), 20
    )
    plan = attrs.evolve(plan, items=(*plan.items, monthly))
    root = parse(view(plan))
    grid, items = root.find_all("table")[:2]
    cells = [td for td in grid.find_all("td") if td.find_all("div")]
    days = sorted(plan.minutes_by_date())
    for item in fortnightly:
        name = catalog.strategy(item.strategy_id).name
        (clock,) = item.recurrence.times
        label = f"{selfcare_minutes(item.minutes)} · {clock:%H:%M} · fortnightly"
        dates = set(item.dates(days[0], days[-1], origin=days[0]))
        assert 1 <= len(dates) <= 2
        for day, cell in zip(days, cells, strict=True):
            assert (name in cell.text() and label in cell.text()) == (day in dates)
    first_tuesday = cells[days.index(dt.date(2026, 12, 1))].text()
    assert "Values and meaning reflection" in first_tuesday or "values" in first_tuesday.lower()
    assert "20 min · monthly" in first_tuesday
    assert 1 == sum("20 min · monthly" in cell.text() for cell in cells)
    rows = {row.find_all("b")[0].text(): row.text() for row in items.find_all("tr")[1:]}
    for item in fortnightly:
        assert "appointment" in rows[catalog.strategy(item.strategy_id).name]


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
    assert "every Tuesday, Wednesday, Friday, Saturday and Sunday at 18:30" in text


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
        period=Period.weeks_from(dt.date(2026, 1, 5), 52),  # a Monday: rows are its weeks
        items=items,
    )
    html_text = view(plan)
    text = text_of(html_text)
    assert f"The grid shows the first {MAX_WEEKS_SHOWN} of 52 weeks" in text
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


def test_a_rested_plan_shows_its_rest_and_who_added_it_never_why() -> None:
    """Each rest is listed with its kind, its days and who paused the plan when."""
    plan = values.rested_plan()
    html_text = view(plan)
    text = sentences(parse(html_text))
    assert "Rests" in text
    assert "holiday Mon 14 Dec 2026 to Sun 20 Dec 2026 (7 days) · paused by client-7 on " in text
    assert "Wed 9 Dec 2026" in text
    assert CANARY not in html_text
    assert "away with family" not in html_text


def test_a_rest_from_the_start_says_so() -> None:
    """A pause the plan was made with has no revision: it was there from the start."""
    rest = Pause(Period(dt.date(2026, 1, 7), dt.date(2026, 1, 7)), PauseKind.ILLNESS)
    plan = Plan(
        id="p",
        role=Role.CLIENT,
        timezone="UTC",
        period=Period.weeks_from(dt.date(2026, 1, 5), 1),
        pauses=[rest],
    )
    text = text_of(view(plan))
    assert "illness Wed 7 Jan 2026 (1 day) · in the plan from the start" in text


def test_the_days_a_plan_rests_show_no_items() -> None:
    """A day in a rest says so and lists nothing; every other day is as before."""
    plan = values.rested_plan()
    grid = parse(view(plan)).find_all("table")[0]
    cells = [td for td in grid.find_all("td") if td.find_all("div")]
    days = sorted(plan.minutes_by_date())
    assert 28 == len(cells)
    for day, cell in zip(days, cells, strict=True):
        resting = plan.pause_on(day) is not None
        assert resting == ("resting: holiday" in cell.text())
        assert (not resting) == ("Short walk" in cell.text() or day < dt.date(2026, 12, 7))
        if resting:
            assert 2 == len(cell.find_all("div"))  # the date and the words, nothing else
            assert 0 == plan.minutes_by_date()[day]


def test_a_plan_shows_reminders_and_a_rituals_done_rule_in_words() -> None:
    """Reminders read as minutes or hours before; a ritual not done by every step says so."""
    plan = values.rested_plan()
    root = parse(view(plan))
    items, rituals = root.find_all("table")[1:3]
    rows = {row.find_all("b")[0].text(): row.text() for row in items.find_all("tr")[1:]}
    assert "reminder 10 min before" in rows["Short walk"]
    assert [] == [name for name, row in rows.items() if "reminder" in row and name != "Short walk"]
    (evening,) = [row.text() for row in rituals.find_all("tr")[1:]]
    assert "reminders 1 h and 10 min before" in evening
    assert "done when 1 of 2 steps is done" in evening
    assert "done when" not in text_of(view(values.plan()))  # every step: nothing to say


@pytest.mark.parametrize(
    ("reminders", "expected"),
    [
        ((10,), "reminder 10 min before"),
        ((10, 60), "reminders 1 h and 10 min before"),
        ((5, 90, 1440), "reminders 1 day, 1 h 30 min and 5 min before"),
        ((2880,), "reminder 2 days before"),
        ((0,), "reminder when it begins"),
        ((0, 15), "reminders 15 min before and when it begins"),
    ],
)
def test_reminders_read_in_plain_words(reminders: tuple[int, ...], expected: str) -> None:
    """The earliest reminder first, whole days as days."""
    assert expected == reminders_text(reminders)


def test_a_rituals_done_rule_counts_its_steps() -> None:
    """Two of three steps, as the person reads it."""
    ritual = Ritual(
        "evening",
        "Evening",
        [RitualStep("one-insight", 3), RitualStep("one-gratitude", 2), RitualStep("short-walk", 5)],
        selfcare.Anchor.at(dt.time(21)),
        Recurrence.daily(),
        {Role.CLIENT},
        done_at_least=2,
    )
    assert "done when 2 of 3 steps are done" == rule_text(ritual)
    assert None is rule_text(attrs.evolve(ritual, done_at_least=3))


def test_adherence_shows_each_ritual_with_its_days() -> None:
    """Each ritual is a row: its catalog name, days planned, skipped, partly and done, rate."""
    adherence = values.rested_adherence()
    (kept,) = adherence.rituals
    root = parse(view(adherence))
    assert 2 == len(root.find_all("table"))
    (row,) = root.find_all("table")[1].find_all("tr")[1:]
    cells = [td.text() for td in row.find_all("td")]
    assert "Daily reflection daily-reflection" == cells[0]
    figures = [str(n) for n in (kept.planned, kept.skipped, kept.partly, kept.done)]
    assert figures == cells[1:5]
    assert f"{round(kept.rate * 100)}%" == cells[5]  # type: ignore[operator]
    assert 21 == kept.planned  # four weeks less the week's holiday
    text = text_of(view(adherence))
    assert f"All rituals kept: {round(adherence.ritual_rate * 100)}%" in text  # type: ignore[operator]
    partly = attrs.evolve(adherence, rituals=(RitualAdherence("my-ritual", 5, 1, 2, 1),))
    (row,) = parse(view(partly)).find_all("table")[1].find_all("tr")[1:]
    assert ["my-ritual", "5", "1", "2", "1", "25%"] == [td.text() for td in row.find_all("td")]
    assert "Rituals" not in text_of(view(attrs.evolve(adherence, rituals=())))


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


@pytest.mark.parametrize("build", [values.workday, values.spring_workday, values.autumn_workday])
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
    kinds = {s.kind.value for s in review.suggestions}
    assert "keep" in kinds
    assert len(kinds) >= 2
    assert "Balance over the last two weeks looked at" in text
    # Two weeks in, the items that start in week 3 have not started: the review says so.
    the_plan = values.plan()
    early = selfcare.review_plan(
        the_plan,
        values.reflections(the_plan, days=14),
        at=pendulum.datetime(2026, 12, 13, 22, tz=ZONE),
    )
    waiting = [item.strategy_id for item in early.items if item.habit is None]
    assert "daily-routine" in waiting
    root = parse(view(early))
    rows = [row.text() for row in root.find_all("table")[0].find_all("tr")[1:]]
    assert len(waiting) == sum("not started" in row for row in rows)


def test_review_shows_a_less_often_suggestion_with_its_cadence() -> None:
    """Every kind of suggestion has its colour; "less often" names the cadence it suggests."""
    assert set(SuggestionKind) == set(SUGGESTION_COLOURS)
    review = values.review()
    fewer = selfcare.Recurrence.weekly(
        [selfcare.Weekday.MONDAY, selfcare.Weekday.THURSDAY], at=dt.time(7, 45)
    )
    why = Reason(ReasonCode.LESS_OFTEN, "done on 3 of the 14 days planned")
    less = Suggestion(SuggestionKind.LESS_OFTEN, "short-walk", None, (why,), fewer)
    html_text = view(attrs.evolve(review, suggestions=(less,)))
    text = sentences(parse(html_text))
    assert "less often Short walk → every Monday and Thursday at 07:45 | " in text
    assert why.text in text
    assert f"background:{SUGGESTION_COLOURS[SuggestionKind.LESS_OFTEN].tint}" in html_text


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
    adherence = PlanAdherence(plan_id, None, (kept,), (RitualAdherence(strategy_id, 4, 1, 1, 1),))
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


# One palette


def painted(root: Node) -> set[str]:
    """Every colour the markup paints: in styles and in the chart's attributes."""
    found = set()
    for node in root.walk():
        for name in ("style", "fill", "stroke"):
            found |= {
                c.lower() for c in re.findall(r"#[0-9a-fA-F]{3,8}\b", node.attrs.get(name, ""))
            }
    return found


def test_every_view_paints_only_the_palettes_colours(rendered: tuple[str, object, str]) -> None:
    """No view has a colour of its own: each comes from the one public palette."""
    _, _, html_text = rendered
    root = parse(html_text)
    colours = painted(root)
    assert colours
    assert set() == colours - palette.all_colours()
    # Nor a colour written any other way, which the check above would not see.
    other = re.compile(
        r"\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|\b(?:white|black|red|green|blue|"
        r"gr[ae]y|orange|purple|yellow|pink|brown|navy|teal|silver|currentcolor)\b",
        re.IGNORECASE,
    )
    written = [
        value
        for node in root.walk()
        for value in [
            *(
                value
                for part in node.attrs.get("style", "").split(";")
                for name, _, value in [part.partition(":")]
                if re.search(r"color|background|border|shadow|outline|fill|stroke", name)
            ),
            node.attrs.get("fill", ""),
            node.attrs.get("stroke", ""),
        ]
    ]
    assert [] == [value for value in written if other.search(value)]


def _contrast(one: str, two: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


SWATCHES = {
    **{f"category {c.value}": s for c, s in palette.CATEGORY_COLOURS.items()},
    **{f"block {k.value}": s for k, s in palette.BLOCK_COLOURS.items()},
    **{name: getattr(palette, name) for name in ("GOOD", "BAD", "WARN", "CHANGE", "ACCENT")},
    "NEUTRAL": palette.NEUTRAL,
}


@pytest.mark.parametrize("name", sorted(SWATCHES))
def test_the_palettes_text_reads_on_its_backgrounds(name: str) -> None:
    """Text on a colour, on a tint and on the page has a contrast of at least 4.5:1."""
    swatch = SWATCHES[name]
    assert _contrast(swatch.on_colour, swatch.colour) >= 4.5
    assert _contrast(swatch.on_tint, swatch.tint) >= 4.5
    assert _contrast(swatch.on_tint, palette.PAPER) >= 4.5
    assert all(re.fullmatch("#[0-9a-f]{6}", shade) for shade in swatch)


def test_the_palette_gives_every_category_and_kind_a_hue_of_its_own() -> None:
    """Each category, and each kind of block, has its own colour; all are listed."""
    assert set(Category) == set(palette.CATEGORY_COLOURS)
    assert set(selfcare.BlockKind) == set(palette.BLOCK_COLOURS)
    for mapping in (palette.CATEGORY_COLOURS, palette.BLOCK_COLOURS):
        colours = [swatch.colour for swatch in mapping.values()]
        assert len(set(colours)) == len(colours)
    assert _contrast(palette.MUTED, palette.PAPER) >= 4.5
    assert _contrast(palette.INK, palette.PAPER) >= 7


def test_views_show_categories_and_blocks_in_their_palette_colours() -> None:
    """A category or a kind of block is painted in its palette colour in every view showing it."""
    plan = values.plan()
    catalog = selfcare.default_catalog()
    html_text = view(plan)
    for item in plan.items:
        swatch = palette.CATEGORY_COLOURS[catalog.strategy(item.strategy_id).category]
        assert f"background:{swatch.tint};border-left:3px solid {swatch.colour}" in html_text
    recs = values.recommendations()
    html_text = view(recs)
    for rec in recs:
        assert f"background:{palette.CATEGORY_COLOURS[rec.strategy.category].tint}" in html_text
    balance = values.balance()
    html_text = view(balance) + view(values.review())
    for category in balance.days:
        assert f"background:{palette.CATEGORY_COLOURS[category].colour}" in html_text
    for build in (values.workday, values.workweek):
        built = build()
        html_text = view(built)
        days = [built] if isinstance(built, selfcare.Workday) else list(built.days)
        blocks = [block for day in days for block in day.blocks]
        for block in blocks:
            assert f"background:{palette.BLOCK_COLOURS[block.kind].colour}" in html_text


# The order of recommendations


def test_recommendations_show_their_order_and_agree_with_the_records() -> None:
    """The table says it is by score, its scores never rise, and its rows are to_records' rows."""
    recs = values.recommendations()
    root = parse(view(recs))
    assert ORDER_RULE in root.text()
    table = root.find_all("table")[0]
    rows = [tr for tr in table.find_all("tr") if tr.find_all("td")]
    shown = [float(row.find_all("td")[5].text()[-4:]) for row in rows]
    assert sorted(shown, reverse=True) == shown
    records = selfcare.to_records(recs)
    assert [str(r["rank"]) for r in records] == [row.find_all("td")[0].text() for row in rows]
    names = [row.find_all("td")[1].find_all("b")[0].text() for row in rows]
    assert [r["name"] for r in records] == names
    assert [round(float(str(r["score"])), 2) for r in records] == shown


# One habit figure


def test_a_habit_shows_one_figure_in_the_review_the_view_and_a_reason() -> None:
    """The review's habit column, the habit's own view and a recommendation's reason agree."""
    the_plan = values.plan()
    history = values.reflections(the_plan)
    at = values.REVIEWED_AT
    review = selfcare.review_plan(the_plan, history, at=at)
    text = text_of(view(review))
    for item in review.items:
        if item.habit is not None:
            assert f"{item.habit.percent} of 100" in text
    walk = next(item for item in the_plan.items if item.strategy_id == "short-walk")
    every_day = selfcare.habit_strength(history, "short-walk", at=at)
    assert f"{every_day.percent} of 100" in text_of(view(every_day))
    recs = selfcare.recommend(values.client(), history=history, at=at, k=20)
    reason = next(r for r in recs if r.strategy_id == "short-walk").reason(
        ReasonCode.HABIT_MOMENTUM
    )
    assert reason is not None
    assert f"strength {every_day.percent} of 100" in reason.text
    # The review measures the habit against the item's own target, and says which.
    reviewed = next(item for item in review.items if item.strategy_id == walk.strategy_id)
    assert reviewed.habit is not None
    assert (1, 1) == (reviewed.habit.target_times, reviewed.habit.target_days)  # every day
    breathing = next(item for item in review.items if item.strategy_id == "mindful-breathing")
    assert breathing.habit is not None
    assert (5, 7) == (breathing.habit.target_times, breathing.habit.target_days)
    rows = {
        row.find_all("td")[0].text(): row.text()
        for row in parse(view(review)).find_all("table")[0].find_all("tr")[1:]
    }
    walk_row = next(row for name, row in rows.items() if name.startswith("Short walk"))
    breathing_row = next(row for name, row in rows.items() if name.startswith("Mindful breath"))
    assert f"{reviewed.habit.percent} of 100target every day" in walk_row
    assert f"{breathing.habit.percent} of 100target 5 times a week" in breathing_row


# Written English


BLOCK_TAGS = frozenset({"div", "li", "tr", "td", "th", "table", "ul"})


def sentences(node: Node) -> str:
    """The text as a person reads it: block elements apart, inline ones run together."""
    parts = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag in BLOCK_TAGS:
            parts.append(f" | {sentences(child)} | ")
        else:
            parts.append(sentences(child))
    return "".join(parts)


def test_no_view_doubles_a_word(rendered: tuple[str, object, str]) -> None:
    """No word follows itself ("plan plan-1"), in any view."""
    _, _, html_text = rendered
    text = sentences(parse(html_text))
    assert [] == [m.group() for m in re.finditer(r"\b(\w+)\s+\1\b", text, re.IGNORECASE)]


def test_ritual_steps_read_as_a_sentence() -> None:
    """A ritual's steps are one phrase: names after the first in lower case, joined by then."""
    text = text_of(view(values.plan()))
    assert "One insight from today (3 min), then one gratitude from today (2 min)" in text


# Days the clocks change


def test_a_day_the_clocks_go_forward_says_so_and_marks_the_skipped_hour() -> None:
    """The header names the change; the timeline marks it; the hours run 00:00, then 02:00."""
    day = values.spring_workday()
    root = parse(view(day))
    text = root.text()
    assert "On this day the clocks go forward an hour at 01:00: 01:00–02:00 is skipped." in text
    assert "01:00–02:00 skipped: the clocks go forward" in text
    ticks = [
        n.text() for n in root.walk() if re.fullmatch(r"\d\d:00", n.text()) and n.tag == "span"
    ]
    assert ["00:00", "02:00", "04:00"] == ticks[:3]  # every other hour: 01:00 is skipped
    assert "00:10–02:00" in text  # the first session: 50 real minutes across the gap


def test_a_day_the_clocks_go_back_says_so_and_marks_the_repeated_hour() -> None:
    """The header names the change; the repeated hour is marked; its times name their zone."""
    day = values.autumn_workday()
    root = parse(view(day))
    text = root.text()
    assert "On this day the clocks go back an hour at 02:00: 01:00–02:00 happens twice." in text
    assert "01:00–02:00 again: the clocks go back" in text
    ticks = [
        n.text() for n in root.walk() if re.fullmatch(r"\d\d:00", n.text()) and n.tag == "span"
    ]
    assert ["01:00", "01:00", "03:00"] == ticks[:3]  # every other hour: 01:00 comes twice
    assert "01:10 BST–01:00 GMT" in text
    assert "01:10 GMT–02:00" in text


def test_a_working_day_the_clocks_change_says_so_in_the_header() -> None:
    """The change is named even when it falls outside the hours the timeline shows."""
    sessions = [selfcare.Session(pendulum.datetime(2026, 3, 29, 10, tz=ZONE), 50)]
    day = selfcare.plan_workday(sessions, rules=selfcare.WorkdayRules(), tz=ZONE)
    text = text_of(view(day))
    assert "the clocks go forward an hour at 01:00" in text
    assert "skipped: the clocks go forward" not in text  # not on the timeline: 01:00 is not shown
    ordinary = text_of(view(values.workday()))
    assert "clocks" not in ordinary


def test_a_week_with_a_change_of_clocks_names_the_day() -> None:
    """In a week's view, the day the clocks change says which way they go."""
    sessions = [
        selfcare.Session(pendulum.datetime(2026, 10, day, 10, tz=ZONE), 50) for day in (23, 26)
    ]
    week = selfcare.plan_workweek(sessions, rules=selfcare.WorkdayRules(), tz=ZONE)
    text = sentences(parse(view(week)))
    assert "Sun 25 Oct | " in text
    assert "clocks go back" in text
    assert text.count("clocks go") == 1


def test_a_plan_not_starting_on_monday_labels_its_rows_by_date_not_week() -> None:
    """The grid's rows are calendar weeks: off a Monday they are named by their first day."""
    profile = selfcare.Profile(role=Role.CLIENT, timezone=ZONE, daily_minutes=30)
    plan = selfcare.generate_plan(profile, start=dt.date(2026, 3, 25), weeks=2)
    rows = parse(view(plan)).find_all("table")[0].find_all("tr")[1:]
    labels = [row.find_all("td")[0].text() for row in rows]
    assert ["from 25 Mar", "from 30 Mar", "from 6 Apr"] == labels
    assert "Week 3" not in text_of(view(plan))
