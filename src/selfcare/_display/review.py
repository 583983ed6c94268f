"""The HTML views of a plan review and of plan adherence."""

from __future__ import annotations

from selfcare._display.html import (
    MUTED,
    Html,
    chip,
    el,
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
from selfcare._display.insights import balance_table
from selfcare._display.plan import name_of
from selfcare._insights.effects import StrategyEffect
from selfcare._model.builtin_catalog import default_catalog
from selfcare._model.catalog import Catalog
from selfcare._plans.adherence import ItemAdherence, PlanAdherence
from selfcare._plans.review import PlanReview, SuggestionKind

__all__ = ["adherence_html", "review_html"]

#: Each suggestion's (text, background) colours.
SUGGESTION_COLOURS = {
    SuggestionKind.KEEP: ("#1f6f3a", "#dcf3e3"),
    SuggestionKind.DROP: ("#9d2357", "#fde2ec"),
    SuggestionKind.REPLACE: ("#7a5000", "#fcefd2"),
    SuggestionKind.ADD: ("#22509a", "#dde9fb"),
}


def _strategy(catalog: Catalog, strategy_id: str) -> Html:
    name = name_of(catalog, strategy_id)
    return el("div", el("b", name), None if name == strategy_id else [" ", muted(strategy_id)])


def _effect(effect: StrategyEffect) -> Html:
    """An effect as a small label, green when it went with better ratings, the words on hover."""
    ink, fill = ("#1f6f3a", "#dcf3e3") if effect.improvement > 0 else ("#9d2357", "#fde2ec")
    text = f"{effect.measure.value} {effect.difference:+.1f}"
    return chip(text, ink, fill, title=effect.describe())


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
    """Plan adherence as HTML: overall, then per item.

    Example:
        >>> view = adherence_html(PlanAdherence("plan-1", None, ()))
        >>> "plan-1" in view, "no days assessed" in view
        (True, True)
    """
    return page(
        el("div", "Adherence to plan ", adherence.plan_id, style="font-weight:600;font-size:15px"),
        _overall(adherence),
        _adherence_table(adherence),
        label=f"Adherence to plan {adherence.plan_id}",
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
                "not started" if item.habit is None else f"{item.habit.percent} of 100",
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
            chip(s.kind.value, *SUGGESTION_COLOURS[s.kind]),
            " ",
            el("b", name_of(catalog, s.strategy_id)),
            None if s.replacement is None else [" → ", el("b", name_of(catalog, s.replacement))],
            reason_list(s.reasons),
            style="margin:4px 0",
        )
        for s in review.suggestions
    ]
    head = el(
        "div",
        el("span", "Review of plan ", review.plan_id, style="font-weight:600;font-size:15px"),
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
        section("Balance over the last two weeks looked at", balance_table(review.balance)),
        label=f"Review of plan {review.plan_id}",
    )
