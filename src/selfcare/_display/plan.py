"""The HTML view of a plan: a week-by-day grid, then each item with its reasons."""

from __future__ import annotations

import datetime as dt

import attrs

from selfcare._display.html import (
    DAYS,
    Html,
    category_chip,
    chip,
    el,
    id_tag,
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
from selfcare._display.palette import CATEGORY_COLOURS, LINE, MUTED, NEUTRAL, SHADE
from selfcare._insights.effects import display_name
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Category
from selfcare._model.pauses import Pause
from selfcare._model.rituals import AnchorKind, Ritual
from selfcare._model.strategies import StrategyKind
from selfcare._plans.plan import Plan, PlanItem
from selfcare._time.recurrence import Frequency, Recurrence

__all__ = [
    "MAX_WEEKS_SHOWN",
    "category_of",
    "each_time",
    "kind_of",
    "name_of",
    "plan_html",
    "reminders_text",
    "rhythm",
    "rule_text",
    "steps_text",
    "when_text",
]

#: The most weeks the grid shows; the items and their reasons are always listed in full.
MAX_WEEKS_SHOWN = 12


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


def kind_of(catalog: Catalog, item: PlanItem) -> StrategyKind:
    """How the item is practised: its strategy's kind, and a commitment when it has no minutes.

    An item the catalog does not hold is an activity, unless it takes no minutes.
    """
    if item.minutes == 0:
        return StrategyKind.COMMITMENT
    strategy = catalog._strategy_index.get(item.strategy_id)
    return StrategyKind.ACTIVITY if strategy is None else strategy.kind


def each_time(item: PlanItem, kind: StrategyKind) -> str:
    """What the item asks each time it comes: its minutes, or how a commitment is kept.

    A commitment is kept all day, or at its time (a bedtime), rather than for some minutes.

    Example:
        >>> each_time(PlanItem("consistent-sleep", Recurrence.daily(at=datetime.time(22, 30)),
        ...                    0), StrategyKind.COMMITMENT)
        'kept at 22:30'
        >>> each_time(PlanItem("news-limits", Recurrence.daily(), 0), StrategyKind.COMMITMENT)
        'kept all day'
        >>> each_time(PlanItem("peer-supervision", Recurrence.weekly([Weekday.MONDAY]), 60),
        ...           StrategyKind.APPOINTMENT)
        '1 h'
    """
    if kind is not StrategyKind.COMMITMENT:
        return minutes(item.minutes)
    times = item.recurrence.times
    kept = "kept all day" if not times else "kept at " + _clocks(times)
    return kept if item.minutes == 0 else f"{minutes(item.minutes)}, {kept}"


def rhythm(recurrence: Recurrence) -> str | None:
    """How often a recurrence comes, when a grid of weeks does not show it at a glance.

    Example:
        >>> rhythm(Recurrence.weekly([Weekday.MONDAY], every_weeks=2))
        'fortnightly'
        >>> rhythm(Recurrence.weekly([Weekday.MONDAY, Weekday.FRIDAY], every_weeks=2))
        'every other week'
        >>> rhythm(Recurrence.monthly(weekday=Weekday.TUESDAY, nth=1))
        'monthly'
        >>> rhythm(Recurrence.daily()) is None
        True
    """
    n = recurrence.interval
    if recurrence.frequency is Frequency.MONTHLY:
        return "monthly" if n == 1 else f"every {n} months"
    if n == 1:
        return None
    if recurrence.frequency is Frequency.WEEKLY:
        if n == 2:
            return "fortnightly" if len(recurrence.weekdays) == 1 else "every other week"
        return f"every {n} weeks"
    return f"every {n} days"


def when_text(recurrence: Recurrence, since: dt.date | None = None) -> str:
    """When a recurrence comes, in words, with its first and last dates written as words.

    A start on ``since`` (the plan's first day) or before it goes without saying.

    Example:
        >>> when_text(Recurrence.daily(at=datetime.time(7, 45),
        ...                            start=datetime.date(2026, 12, 14)))
        'every day at 07:45, from Mon 14 Dec 2026'
        >>> when_text(Recurrence.weekly([Weekday.MONDAY], start=datetime.date(2026, 11, 30),
        ...                             until=datetime.date(2026, 12, 21)),
        ...           since=datetime.date(2026, 11, 30))
        'every Monday, until Mon 21 Dec 2026'
    """
    start, until = recurrence.start, recurrence.until
    text = attrs.evolve(recurrence, start=None, until=None).describe()
    if start is not None and (since is None or start > since):
        text += f", from {long_date(start)}"
    if until is not None:
        text += f", until {long_date(until)}"
    return text


def _before(value: int) -> str:
    """How long before: whole days as days, otherwise hours and minutes."""
    days, rest = divmod(value, 1440)
    if days and not rest:
        return f"{days} day" + ("s" if days > 1 else "")
    return minutes(value)


def reminders_text(reminders: tuple[int, ...]) -> str | None:
    """When the person is reminded, in words, the earliest first; ``None`` when never.

    Example:
        >>> reminders_text((10,))
        'reminder 10 min before'
        >>> reminders_text((10, 60))
        'reminders 1 h and 10 min before'
        >>> reminders_text((0, 1440, 90))
        'reminders 1 day, 1 h 30 min before and when it begins'
        >>> reminders_text(()) is None
        True
    """
    if not reminders:
        return None
    ahead = [_before(m) for m in sorted(reminders, reverse=True) if m]
    noun = "reminder" if len(reminders) == 1 else "reminders"
    if not ahead:
        return f"{noun} when it begins"
    if 0 in reminders:
        return f"{noun} {', '.join(ahead)} before and when it begins"
    listed = ahead[0] if len(ahead) == 1 else ", ".join(ahead[:-1]) + " and " + ahead[-1]
    return f"{noun} {listed} before"


def rule_text(ritual: Ritual) -> str | None:
    """When a ritual counts as done, in words, unless that takes every step.

    Example:
        >>> evening = default_catalog().ritual("daily-reflection")
        >>> rule_text(evening) is None
        True
        >>> rule_text(attrs.evolve(evening, done_at_least=1))
        'done when 1 of 2 steps is done'
    """
    needed, steps = ritual.steps_needed, len(ritual.steps)
    if needed >= steps:
        return None
    verb = "is" if needed == 1 else "are"
    return f"done when {needed} of {steps} steps {verb} done"


def _clocks(times: tuple[dt.time, ...]) -> str:
    return ", ".join(t.strftime("%H:%M") for t in times)


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
        el("span", "Plan", style="font-weight:600;font-size:15px"),
        " ",
        id_tag(plan.id),
        " ",
        chip(status),
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
        _rests(plan),
        section("Week by week", _grid(plan, catalog, shown), note),
        section("Items and why they are in the plan", _items(plan, catalog)),
        _rituals(plan, catalog),
        _boundaries(plan),
        _people(plan),
        label=f"Plan, id {plan.id}",
    )


def _goals(plan: Plan) -> Html | None:
    if not plan.goals:
        return None
    goals = sorted(plan.goals, key=lambda b: b.value)
    return el("div", muted("Goals: "), [[chip(g.label), " "] for g in goals])


def _entries(plan: Plan, catalog: Catalog, last: dt.date) -> dict[dt.date, list[Html]]:
    """Each day's entries in the order of the day: all-day ones first, then by time of day.

    Entries at the same time, and all-day ones, keep plan order (items, then rituals).
    """
    first = plan.period.first
    days: dict[dt.date, list[tuple[dt.time | None, int, Html]]] = {}
    totals: dict[dt.date, int] = {}
    limit = (last - first).days + 1
    order = 0
    for item in plan.items:
        times = item.recurrence.times
        per_day = item.minutes * max(1, len(times))
        kind = kind_of(catalog, item)
        if kind is StrategyKind.COMMITMENT:
            parts = [each_time(item, kind)]  # its time, if it has one, is in the words
        else:
            count = f" × {len(times)}" if len(times) > 1 else ""
            parts = [minutes(item.minutes) + count, _clocks(times)]
        label = " · ".join(p for p in (*parts, rhythm(item.recurrence)) if p)
        entry = _entry(name_of(catalog, item.strategy_id), label, category_of(catalog, item), item)
        when = min(times, default=None)
        order += 1
        for day in item.dates(first, last, origin=first, limit=limit):
            days.setdefault(day, []).append((when, order, entry))
            totals[day] = totals.get(day, 0) + per_day
    for ritual in plan.rituals:
        if ritual.anchor.kind is not AnchorKind.AT_TIME:
            continue  # protected time inside working hours, not counted per day
        entry = _ritual_entry(ritual)
        order += 1
        for day in ritual.recurrence.dates(first, last, origin=first, limit=limit):
            days.setdefault(day, []).append((ritual.anchor.time, order, entry))
            totals[day] = totals.get(day, 0) + ritual.minutes
    found: dict[dt.date, list[Html]] = {}
    for day, entries in days.items():
        entries.sort(key=lambda e: (e[0] is not None, e[0] or dt.time.min, e[1]))
        total = el("div", minutes(totals[day]), style="font-weight:600")
        found[day] = [total, *(entry for _, _, entry in entries)]
    return found


def _entry(name: str, label: str, category: Category | None, item: PlanItem) -> Html:
    swatch = CATEGORY_COLOURS[category] if category else NEUTRAL
    style = (
        f"background:{swatch.tint};border-left:3px solid {swatch.colour};padding:1px 4px;"
        "margin:2px 0;border-radius:3px;font-size:12px;overflow-wrap:anywhere"
    )
    return el(
        "div",
        name,
        el("div", label, style=f"color:{swatch.on_tint}"),
        style=style,
        title=reasons_title(item.reasons) or None,
    )


def _ritual_entry(ritual: Ritual) -> Html:
    style = (
        f"background:{NEUTRAL.tint};border-left:3px dashed {MUTED};padding:1px 4px;"
        "margin:2px 0;border-radius:3px;font-size:12px;overflow-wrap:anywhere"
    )
    label = f"{minutes(ritual.minutes)} · {ritual.anchor.describe()}"
    return el(
        "div",
        ritual.name,
        el("div", label, style=f"color:{NEUTRAL.on_tint}"),
        style=style,
        title="ritual",
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
                cells.append(el("td", "", style=cell + f";background:{SHADE}"))
                continue
            date = el("div", short_date(day)[4:], style=f"color:{MUTED};font-size:11px")
            resting = plan.pause_on(day)
            if resting is not None:  # the whole plan rests: nothing is planned that day
                words = el("div", f"resting: {resting.kind.value}", style="font-style:italic")
                cells.append(el("td", date, words, style=cell + f";background:{NEUTRAL.tint}"))
                continue
            found = entries.get(day) or [muted("rest")]
            cells.append(el("td", date, found, style=cell))
        # Rows are calendar weeks: they are the plan's weeks only when it starts on a Monday.
        aligned = period.first.weekday() == 0
        row_first = max(_plus(start, 7 * week), period.first)
        name = f"Week {week + 1}" if aligned else f"from {short_date(row_first)[4:]}"
        label = el("td", name, style=cell + f";color:{MUTED};font-size:12px")
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
        kind = kind_of(catalog, item)
        # A commitment takes no minutes of the week; an appointment's are its average.
        weekly = muted("–") if item.minutes == 0 else minutes(item.weekly_minutes)
        rows.append(
            (
                [
                    name,
                    category_chip(category_of(catalog, item)),
                    None if kind is StrategyKind.ACTIVITY else [" ", chip(kind.value)],
                ],
                each_time(item, kind),
                [
                    el("div", when_text(item.recurrence, plan.period.first)),
                    [el("div", p) for p in pauses],
                    _reminders(item.reminders),
                ],
                weekly,
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
            [
                el("div", f"{r.anchor.describe()}, {when_text(r.recurrence, plan.period.first)}"),
                _reminders(r.reminders),
            ],
            [el("div", steps_text(catalog, r)), _rule(r)],
        )
        for r in plan.rituals
    ]
    return section("Rituals", table(["Ritual", "Length", "When", "Steps"], rows, numeric=(1,)))


def _reminders(reminders: tuple[int, ...]) -> Html | None:
    words = reminders_text(reminders)
    return None if words is None else el("div", muted(words))


def _rule(ritual: Ritual) -> Html | None:
    words = rule_text(ritual)
    return None if words is None else el("div", muted(words))


def _rests(plan: Plan) -> Html | None:
    """The plan's rests, in order: their kind and days, and who added each and when.

    Why a rest was added is the revision's reason, which is private and never shown.
    """
    if not plan.pauses:
        return None
    rows = [el("li", _rest(plan, pause)) for pause in sorted(plan.pauses, key=_first_day)]
    return section(
        "Rests",
        el("ul", rows, style="margin:2px 0 2px 18px;padding:0"),
        sub="Nothing is planned on these days, and they never count as missed.",
    )


def _first_day(pause: Pause) -> dt.date:
    return pause.period.first


def _rest(plan: Plan, pause: Pause) -> Html:
    first, last = pause.period.first, pause.period.last
    days = pause.period.days
    when = long_date(first) if first == last else f"{long_date(first)} to {long_date(last)}"
    revision = plan.revision_of(pause)
    who = (
        "in the plan from the start"
        if revision is None
        else f"paused by {revision.by} on {long_date(revision.at.date())}"
    )
    length = f"{days} day" + ("s" if days > 1 else "")
    return el("span", chip(pause.kind.value), " ", when, " ", muted(f"({length}) · {who}"))


def steps_text(catalog: Catalog, ritual: Ritual) -> str:
    """A ritual's steps as one sentence: each name in lower case after the first, in order.

    Example:
        >>> steps_text(default_catalog(), default_catalog().ritual("daily-reflection"))
        'One insight from today (3 min), then one gratitude from today (2 min)'
    """
    names = [name_of(catalog, step.strategy_id) for step in ritual.steps]
    parts = [
        f"{name if n == 0 else display_name(name)} ({step.minutes} min)"
        for n, (name, step) in enumerate(zip(names, ritual.steps, strict=True))
    ]
    return ", then ".join(parts)


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
