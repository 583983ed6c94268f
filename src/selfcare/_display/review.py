"""The HTML views of a plan review and of plan adherence."""

from __future__ import annotations

from selfcare._display.html import (
    Html,
    chip,
    el,
    id_tag,
    long_date,
    meter,
    muted,
    page,
    percent,
    rate,
    reason_list,
    section,
    table,
)
from selfcare._display.insights import balance_table, better_or_worse, signed, target_text
from selfcare._display.palette import ACCENT, BAD, CHANGE, GOOD, MUTED, Swatch
from selfcare._display.plan import name_of, when_text
from selfcare._insights.effects import StrategyEffect
from selfcare._insights.habits import HabitStrength
from selfcare._measures.trend import MeasureTrend
from selfcare._model.builtin_catalog import default_catalog
from selfcare._model.catalog import Catalog
from selfcare._plans.adherence import ItemAdherence, PlanAdherence, RitualAdherence
from selfcare._plans.review import PlanReview, SuggestionKind

__all__ = ["adherence_html", "review_html"]

#: Each suggestion's colours.
SUGGESTION_COLOURS: dict[SuggestionKind, Swatch] = {
    SuggestionKind.KEEP: GOOD,
    SuggestionKind.DROP: BAD,
    SuggestionKind.REPLACE: CHANGE,
    SuggestionKind.ADD: ACCENT,
    SuggestionKind.LESS_OFTEN: CHANGE,
}


def _strategy(catalog: Catalog, strategy_id: str) -> Html:
    name = name_of(catalog, strategy_id)
    return el("div", el("b", name), None if name == strategy_id else [" ", muted(strategy_id)])


def _effect(effect: StrategyEffect) -> Html:
    """An effect as a small label, green when it went with better ratings, the words on hover."""
    return chip(
        f"{effect.measure.value} {signed(effect.difference)}",
        better_or_worse(effect),
        title=effect.describe(),
    )


def _habit(habit: HabitStrength | None) -> Html | str:
    """A habit's strength as :attr:`HabitStrength.percent` gives it, and the target it is for."""
    if habit is None:
        return "not started"
    return el("span", f"{habit.percent} of 100", el("div", muted(target_text(habit))))


def _kept(item: ItemAdherence) -> tuple[object, ...]:
    return (
        el("b", item.strategy_id),
        item.planned,
        item.skipped,
        item.done,
        rate(item.rate),
    )


def _adherence_table(adherence: PlanAdherence) -> Html:
    if not adherence.items:
        return muted("The plan has no items.")
    return table(
        ["Strategy", "Planned", "Skipped", "Done", "Kept"],
        [_kept(item) for item in adherence.items],
        numeric=(1, 2, 3),
    )


def _ritual_name(catalog: Catalog, ritual_id: str) -> Html:
    ritual = catalog._ritual_index.get(ritual_id)
    if ritual is None:
        return el("b", ritual_id)
    return el("div", el("b", ritual.name), " ", muted(ritual_id))


def _ritual_kept(catalog: Catalog, ritual: RitualAdherence) -> tuple[object, ...]:
    return (
        _ritual_name(catalog, ritual.ritual_id),
        ritual.planned,
        ritual.skipped,
        ritual.partly,
        ritual.done,
        rate(ritual.rate),
    )


def _rituals_section(adherence: PlanAdherence) -> Html | None:
    """Each ritual, kept day by day, when the plan has any; its rate is not in the overall."""
    if not adherence.rituals:
        return None
    catalog = default_catalog()
    return section(
        "Rituals",
        table(
            ["Ritual", "Planned", "Skipped", "Partly", "Done", "Kept"],
            [_ritual_kept(catalog, ritual) for ritual in adherence.rituals],
            numeric=(1, 2, 3, 4),
        ),
        sub=[
            "All rituals kept: ",
            percent(adherence.ritual_rate),
            " · a day is done when enough of its steps are; a day done partly does not "
            "count, and the overall rate above is the items' alone.",
        ],
    )


def _overall(adherence: PlanAdherence) -> Html:
    period = (
        "no days assessed yet"
        if adherence.period is None
        else f"{long_date(adherence.period.first)} to {long_date(adherence.period.last)}"
    )
    return el(
        "div",
        el("b", "Kept overall: "),
        meter(adherence.rate, width=160),
        percent(adherence.rate),
        " ",
        muted("· ", period),
        style="margin:4px 0",
    )


def adherence_html(adherence: PlanAdherence) -> str:
    """Plan adherence as HTML: overall, then per item, then per ritual when there are any.

    Ritual names come from the built-in catalog; a ritual it does not hold is shown by its
    id.

    Example:
        >>> view = adherence_html(PlanAdherence("plan-1", None, ()))
        >>> "plan-1" in view, "no days assessed" in view
        (True, True)
        >>> kept = RitualAdherence("daily-reflection", planned=7, skipped=1, partly=2, done=3)
        >>> "Daily reflection" in adherence_html(PlanAdherence("plan-1", None, (), (kept,)))
        True
    """
    return page(
        el(
            "div",
            el("span", "Adherence to the plan", style="font-weight:600;font-size:15px"),
            " ",
            id_tag(adherence.plan_id),
        ),
        _overall(adherence),
        _adherence_table(adherence),
        _rituals_section(adherence),
        label=f"Adherence to the plan, id {adherence.plan_id}",
    )


def review_html(review: PlanReview) -> str:
    """A plan review as HTML: adherence, habits and effects per item, then suggestions.

    Example:
        >>> plan = Plan(id="p", role=Role.CLIENT, timezone="UTC",
        ...             period=Period.weeks_from(datetime.date(2026, 1, 5), 2),
        ...             items=[PlanItem("reading-and-learning", Recurrence.daily(), 30)])
        >>> review = review_plan(plan, [], at=pendulum.datetime(2026, 1, 12, 20, tz="UTC"))
        >>> "replace" in review_html(review)
        True
    """
    catalog = default_catalog()
    rows = []
    for item in review.items:
        kept = item.adherence
        rows.append(
            (
                _strategy(catalog, item.strategy_id),
                f"{kept.done} of {kept.expected}",
                rate(kept.rate),
                _habit(item.habit),
                [[_effect(e), " "] for e in item.effects] or muted("–"),
            )
        )
    items = (
        table(
            ["Strategy", "Done", "Kept", "Habit", "Went with (hover for the words)"],
            rows,
            numeric=(1, 3),
        )
        if rows
        else muted("The plan has no items.")
    )
    suggestions = [
        el(
            "li",
            chip(s.kind.value.replace("-", " "), SUGGESTION_COLOURS[s.kind]),
            " ",
            el("b", name_of(catalog, s.strategy_id)),
            None if s.replacement is None else [" → ", el("b", name_of(catalog, s.replacement))],
            None if s.recurrence is None else [" → ", when_text(s.recurrence)],
            reason_list(s.reasons),
            style="margin:4px 0",
        )
        for s in review.suggestions
    ]
    head = el(
        "div",
        el("span", "Review of the plan", style="font-weight:600;font-size:15px"),
        " ",
        id_tag(review.plan_id),
        " ",
        el(
            "span",
            f"version {review.plan_version} · up to {long_date(review.until)}",
            style=f"color:{MUTED};font-size:12px",
        ),
    )
    return page(
        head,
        _overall(review.adherence),
        section("Items", items),
        section(
            "Suggestions",
            el("ul", suggestions, style="margin:2px 0 2px 18px;padding:0")
            if suggestions
            else muted("No changes suggested."),
        ),
        section("Rituals as habits", _ritual_habits(review, catalog)) if review.rituals else None,
        section("Balance over the last two weeks looked at", balance_table(review.balance)),
        section("Measures over the plan", _measures(review.measures)) if review.measures else None,
        label=f"Review of the plan, id {review.plan_id}",
    )


def _ritual_habits(review: PlanReview, catalog: Catalog) -> Html:
    """Each ritual's strength and streaks as one habit, its steps' strengths beside it."""
    rows = []
    for habit in review.rituals:
        ritual = catalog._ritual_index.get(habit.ritual_id)
        name = habit.ritual_id if ritual is None else ritual.name
        steps = [
            el("div", f"{name_of(catalog, step.strategy_id)}: {step.percent}")
            for step in habit.steps
        ]
        rows.append(
            (
                el(
                    "div",
                    el("b", name),
                    muted(f" done when {habit.steps_needed} of {len(habit.steps)} steps are done"),
                ),
                f"{habit.percent} of 100",
                f"{habit.current_streak} (longest {habit.longest_streak})",
                f"{habit.days_done} / {habit.days_partly} / {habit.days_skipped}",
                steps,
            )
        )
    return table(
        ["Ritual", "Habit", "Streak", "Done / partly / skipped", "Steps' own habit"],
        rows,
        numeric=(1,),
    )


def _measures(trends: tuple[MeasureTrend, ...]) -> object:
    """Each instrument score followed: first, latest, change, and whether it is meaningful."""
    rows = []
    for trend in trends:
        first, latest = (trend.points[0], trend.points[-1]) if trend.points else (None, None)
        change = trend.change
        words = {True: "a meaningful change", False: "less than a meaningful change", None: ""}
        moved = None if change is None else [signed(change), " ", words[trend.meaningful]]
        rows.append(
            (
                f"{trend.instrument.upper()} {trend.scale.replace('-', ' ')}",
                muted("no score in the plan's period") if first is None else f"{first.value:g}",
                "" if latest is None else f"{latest.value:g}",
                "" if latest is None or latest.band is None else latest.band,
                muted("–") if moved is None else moved,
            )
        )
    return table(["Measure", "First", "Latest", "Latest band", "Change"], rows, numeric=(1, 2))
