"""The HTML view of a plan: a week-by-day grid, then each item with its reasons."""

from __future__ import annotations

import datetime as dt

from selfcare._display.html import (
    CATEGORY_COLOURS,
    DAYS,
    LINE,
    MUTED,
    Html,
    category_chip,
    chip,
    el,
    long_date,
    minutes,
    muted,
    page,
    reason_list,
    reasons_title,
    section,
    short_date,
    table,
)
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Category
from selfcare._model.rituals import AnchorKind, Ritual
from selfcare._plans.plan import Plan, PlanItem

__all__ = ["MAX_WEEKS_SHOWN", "category_of", "name_of", "plan_html"]

#: The most weeks the grid shows; the items and their reasons are always listed in full.
MAX_WEEKS_SHOWN = 12
_RITUAL = ("#3d4b5c", "#e9edf2")


def name_of(catalog: Catalog, strategy_id: str) -> str:
    """The strategy's name from the catalog, or its id when the catalog does not hold it."""
    strategy = catalog._strategy_index.get(strategy_id)
    return strategy_id if strategy is None else strategy.name


def category_of(catalog: Catalog, item: PlanItem) -> Category | None:
    """The item's category: from the catalog, else from a reason's ``category`` fact."""
    strategy = catalog._strategy_index.get(item.strategy_id)
    if strategy is not None:
        return strategy.category
    for reason in item.reasons:
        value = reason.facts.get("category")
        if isinstance(value, str) and value in Category._value2member_map_:
            return Category(value)
    return None


def plan_html(plan: Plan, catalog: Catalog | None = None) -> str:
    """The plan as HTML: a grid of its first weeks by day, then every item with its reasons.

    Strategy names and categories come from ``catalog`` (default: the built-in one); an
    item the catalog does not hold is shown by its id. Revision reasons are private and
    never shown.

    Example:
        >>> plan = Plan(id="plan-1", role=Role.CLIENT, timezone="Europe/London",
        ...             period=Period.weeks_from(datetime.date(2026, 11, 30), 1),
        ...             items=[PlanItem("short-walk", Recurrence.daily(), 10)])
        >>> view = plan_html(plan)
        >>> "Short walk" in view, "1 h 10 min" in view
        (True, True)
    """
    catalog = catalog_or_default(catalog)
    period = plan.period
    weeks = -(-((period.last - period.first).days + 1 + period.first.weekday()) // 7)
    shown = min(weeks, MAX_WEEKS_SHOWN)
    status = f"{plan.status.value} · version {plan.version}"
    sub = (
        f"for a {plan.role.value} · {long_date(period.first)} to {long_date(period.last)} "
        f"({period.days} days) · times in {plan.timezone}"
    )
    head = el(
        "div",
        el("span", "Plan ", plan.id, style="font-weight:600;font-size:15px"),
        " ",
        chip(status, MUTED, "#eef0f2"),
        el("div", sub, style=f"color:{MUTED};font-size:12px"),
    )
    note = (
        None
        if shown == weeks
        else muted(
            f"The grid shows the first {shown} of {weeks} weeks; every item is listed below."
        )
    )
    short = (
        None if plan.shortfall is None else section("What did not fit", el("div", plan.shortfall))
    )
    return page(
        head,
        _goals(plan),
        short,
        section("Week by week", _grid(plan, catalog, shown), note),
        section("Items and why they are in the plan", _items(plan, catalog)),
        _rituals(plan, catalog),
        _boundaries(plan),
        _people(plan),
        label=f"Plan {plan.id}",
    )


def _goals(plan: Plan) -> Html | None:
    if not plan.goals:
        return None
    goals = sorted(plan.goals, key=lambda b: b.value)
    return el("div", muted("Goals: "), [[chip(g.label, MUTED, "#f3f4f6"), " "] for g in goals])


def _entries(plan: Plan, catalog: Catalog, last: dt.date) -> dict[dt.date, list[Html]]:
    """Each day's entries, in plan order: items, then rituals at a time of day."""
    first = plan.period.first
    days: dict[dt.date, list[Html]] = {}
    totals: dict[dt.date, int] = {}
    limit = (last - first).days + 1
    for item in plan.items:
        per_day = item.minutes * max(1, len(item.recurrence.times))
        clock = ", ".join(t.strftime("%H:%M") for t in item.recurrence.times)
        times = f" × {len(item.recurrence.times)}" if len(item.recurrence.times) > 1 else ""
        label = f"{item.minutes} min{times}" + (f" · {clock}" if clock else "")
        entry = _entry(name_of(catalog, item.strategy_id), label, category_of(catalog, item), item)
        for day in item.dates(first, last, origin=first, limit=limit):
            days.setdefault(day, []).append(entry)
            totals[day] = totals.get(day, 0) + per_day
    for ritual in plan.rituals:
        if ritual.anchor.kind is not AnchorKind.AT_TIME:
            continue  # protected time inside working hours, not counted per day
        entry = _ritual_entry(ritual)
        for day in ritual.recurrence.dates(first, last, origin=first, limit=limit):
            days.setdefault(day, []).append(entry)
            totals[day] = totals.get(day, 0) + ritual.minutes
    for day, total in totals.items():
        days[day].insert(0, el("div", minutes(total), style="font-weight:600"))
    return days


def _entry(name: str, label: str, category: Category | None, item: PlanItem) -> Html:
    ink, fill = CATEGORY_COLOURS[category] if category else (MUTED, "#eef0f2")
    style = (
        f"background:{fill};border-left:3px solid {ink};padding:1px 4px;margin:2px 0;"
        "border-radius:3px;font-size:12px;overflow-wrap:anywhere"
    )
    return el(
        "div",
        name,
        el("div", label, style=f"color:{ink}"),
        style=style,
        title=reasons_title(item.reasons) or None,
    )


def _ritual_entry(ritual: Ritual) -> Html:
    ink, fill = _RITUAL
    style = (
        f"background:{fill};border-left:3px dashed {ink};padding:1px 4px;margin:2px 0;"
        "border-radius:3px;font-size:12px;overflow-wrap:anywhere"
    )
    label = f"{ritual.minutes} min · {ritual.anchor.describe()}"
    return el(
        "div", ritual.name, el("div", label, style=f"color:{ink}"), style=style, title="ritual"
    )


def _grid(plan: Plan, catalog: Catalog, weeks: int) -> Html:
    period = plan.period
    start = period.first - dt.timedelta(days=period.first.weekday())
    last = min(period.last, _plus(start, 7 * weeks - 1))
    room = dt.date.max.toordinal() - start.toordinal()  # days left in the calendar
    entries = _entries(plan, catalog, last)
    cell = f"border:1px solid {LINE};padding:4px;vertical-align:top;width:13%"
    head = el(
        "tr",
        el("th", "", style=cell + ";width:7%"),
        [el("th", name, style=cell + f";text-align:left;color:{MUTED}") for name in DAYS],
    )
    rows = []
    for week in range(weeks):
        cells = []
        for offset in range(7):
            n = 7 * week + offset
            day = _plus(start, n)
            if n > room or day not in period or day > last:
                cells.append(el("td", "", style=cell + ";background:#f6f7f9"))
                continue
            found = entries.get(day) or [muted("rest")]
            date = el("div", short_date(day)[4:], style=f"color:{MUTED};font-size:11px")
            cells.append(el("td", date, found, style=cell))
        label = el("td", f"Week {week + 1}", style=cell + f";color:{MUTED};font-size:12px")
        rows.append(el("tr", label, cells))
    return el(
        "table",
        el("thead", head),
        el("tbody", rows),
        style="border-collapse:collapse;width:100%;table-layout:fixed;margin:4px 0",
    )


def _items(plan: Plan, catalog: Catalog) -> Html:
    if not plan.items:
        return muted("The plan has no items yet.")
    rows = []
    for item in plan.items:
        name = el("div", el("b", name_of(catalog, item.strategy_id)), " ", muted(item.strategy_id))
        pauses = [muted(f"paused {long_date(p.first)} to {long_date(p.last)}") for p in item.pauses]
        rows.append(
            (
                [name, category_chip(category_of(catalog, item))],
                minutes(item.minutes),
                [el("div", item.recurrence.describe()), [el("div", p) for p in pauses]],
                minutes(item.weekly_minutes),
                reason_list(item.reasons),
            )
        )
    return table(["Strategy", "Each time", "When", "A week", "Why"], rows, numeric=(1, 3))


def _rituals(plan: Plan, catalog: Catalog) -> Html | None:
    if not plan.rituals:
        return None
    rows = [
        (
            [el("b", r.name), " ", muted(r.id)],
            minutes(r.minutes),
            f"{r.anchor.describe()}, {r.recurrence.describe()}",
            ", ".join(f"{name_of(catalog, s.strategy_id)} ({s.minutes} min)" for s in r.steps),
        )
        for r in plan.rituals
    ]
    return section("Rituals", table(["Ritual", "Length", "When", "Steps"], rows, numeric=(1,)))


def _boundaries(plan: Plan) -> Html | None:
    if not plan.boundaries:
        return None
    # A boundary's description is the person's own words: shown nowhere, as in its repr.
    items = [el("li", b.describe()) for b in plan.boundaries]
    return section("Boundaries", el("ul", items, style="margin:2px 0 2px 18px;padding:0"))


def _people(plan: Plan) -> Html | None:
    if not plan.contributors and not plan.revisions:
        return None
    who = ", ".join(f"{c.id} ({c.role.value})" for c in plan.contributors)
    changes = [
        el("li", f"version {r.number + 1}: revised by {r.by} on {long_date(r.at.date())}")
        for r in plan.revisions
    ]
    body = [
        el("div", muted("Co-created by: "), who) if who else None,
        el("ul", changes, style="margin:2px 0 2px 18px;padding:0") if changes else None,
    ]
    return section("Contributors and revisions", body)


def _plus(day: dt.date, days: int) -> dt.date:
    """The day ``days`` after ``day``, or the last day of the calendar if that is sooner."""
    return dt.date.fromordinal(min(day.toordinal() + days, dt.date.max.toordinal()))
