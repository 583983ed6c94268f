"""The HTML views of a therapist's planned day and weeks: timelines coloured by kind.

Blocks are placed by their wall-clock start in the day's zone and sized by their real
minutes; a session's ``ref`` belongs to the app and is never shown.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Sequence

from selfcare._display.html import (
    LINE,
    MUTED,
    Html,
    chip,
    el,
    facts_text,
    long_date,
    minutes,
    muted,
    page,
    section,
    short_date,
    table,
    warning_box,
)
from selfcare._workday.day import BlockKind, Workday, WorkdayWarning, WorkFigures
from selfcare._workday.week import Workweek

__all__ = ["KIND_COLOURS", "workday_html", "workweek_html"]

#: Each kind's (fill, text) colours on the timeline.
KIND_COLOURS = {
    BlockKind.SESSION: ("#44546f", "#ffffff"),
    BlockKind.TRANSITION: ("#4f9d69", "#ffffff"),
    BlockKind.NOTES: ("#d9a93f", "#2b2100"),
    BlockKind.LUNCH: ("#e07b53", "#ffffff"),
    BlockKind.DECOMPRESSION: ("#8c6fc6", "#ffffff"),
    BlockKind.FREE: ("#e4e7eb", "#4a525b"),
}

Span = tuple[int, int]  # wall-clock minutes from the day's midnight: start, end


def _clock(value: dt.datetime, tz: zoneinfo.ZoneInfo) -> str:
    return value.astimezone(tz).strftime("%H:%M")


def _spans(day: Workday) -> list[Span]:
    """Where each block goes: its wall-clock start, sized by its real minutes.

    Where the clocks go back, a wall-clock start can come before the end of the block
    before it; such a block starts where the one before it ends, so none overlap.
    """
    tz = zoneinfo.ZoneInfo(day.tz)
    spans: list[Span] = []
    end = 0
    for block in day.blocks:
        local = block.start.astimezone(tz)
        start = (local.toordinal() - day.day.toordinal()) * 1440 + local.hour * 60 + local.minute
        start = max(start, end)
        end = start + max(1, block.minutes)
        spans.append((start, end))
    return spans


def _axis(spans: Iterable[Span]) -> Span:
    """Whole hours around all the spans (8:00 to 18:00 when there are none)."""
    found = list(spans)
    if not found:
        return 8 * 60, 18 * 60
    low = min(s for s, _ in found) // 60 * 60
    high = -(-max(e for _, e in found) // 60) * 60
    return low, max(high, low + 60)


def _bar(day: Workday, spans: Sequence[Span], axis: Span, *, height: int = 30) -> Html:
    tz = zoneinfo.ZoneInfo(day.tz)
    low, high = axis
    width = high - low
    parts = []
    for block, (start, end) in zip(day.blocks, spans, strict=True):
        fill, ink = KIND_COLOURS[block.kind]
        left = (start - low) / width * 100
        size = (end - start) / width * 100
        when = f"{_clock(block.start, tz)}–{_clock(block.end, tz)}"
        hover = f"{when} {block.kind.value} ({minutes(block.minutes)}): {block.reason}"
        label = block.kind.value if block.minutes >= 40 else ""
        style = (
            f"position:absolute;top:0;bottom:0;left:{left:.3f}%;width:{size:.3f}%;"
            f"background:{fill};color:{ink};font-size:11px;line-height:{height}px;"
            "overflow:hidden;white-space:nowrap;text-align:center;"
            "box-shadow:inset -1px 0 0 #ffffff"
        )
        parts.append(el("div", label, style=style, title=hover))
    style = (
        f"position:relative;height:{height}px;background:#f6f7f9;border:1px solid {LINE};"
        "border-radius:3px;overflow:hidden"
    )
    return el("div", parts, style=style)


def _ticks(axis: Span) -> Html:
    low, high = axis
    hours = range(low // 60, high // 60 + 1)
    step = 1 if len(hours) <= 14 else 2
    labels = []
    for hour in hours[::step]:
        left = (hour * 60 - low) / (high - low) * 100
        style = (
            f"position:absolute;left:{left:.3f}%;transform:translateX(-50%);"
            f"font-size:11px;color:{MUTED}"
        )
        text = f"{hour % 24:02d}:00"
        if hour * 60 == high:
            style = style.replace("translateX(-50%)", "translateX(-100%)")
        elif hour * 60 == low:
            style = style.replace("translateX(-50%)", "none")
        labels.append(el("span", text, style=style))
    return el("div", labels, style="position:relative;height:16px;margin-top:2px")


def _legend(kinds: Iterable[BlockKind]) -> Html:
    shown = set(kinds)
    items: list[str] = []
    for kind in BlockKind:
        if kind in shown:
            fill, ink = KIND_COLOURS[kind]
            items.append(chip(kind.value, ink, fill))
            items.append(" ")
    return el("div", items, style="margin:4px 0")


def _warnings(warnings: Sequence[WorkdayWarning], *, prefix: str = "") -> Html | None:
    if not warnings:
        return None
    return warning_box(
        [
            el(
                "div",
                "⚠ ",
                prefix,
                warning.message,
                " ",
                muted("[", warning.code.value, "]"),
                title=facts_text(warning.facts) or None,
            )
            for warning in warnings
        ]
    )


def _figures(figures: WorkFigures) -> Html:
    parts = [
        f"{figures.sessions} session{'' if figures.sessions == 1 else 's'}",
        f"{minutes(figures.client_minutes)} with clients",
        f"{minutes(figures.non_client_minutes)} without",
        f"{minutes(figures.protected_minutes)} protected",
        f"longest stretch without a break {minutes(figures.longest_stretch_minutes)}"
        f" ({figures.most_in_row} in a row)",
    ]
    if figures.days > 1:
        parts.insert(1, f"{figures.days_off} day{'' if figures.days_off == 1 else 's'} off")
    return el("div", " · ".join(parts), style=f"color:{MUTED};font-size:12px")


def _block_rows(day: Workday) -> list[tuple[object, ...]]:
    tz = zoneinfo.ZoneInfo(day.tz)
    rows: list[tuple[object, ...]] = []
    for block in day.blocks:
        fill, ink = KIND_COLOURS[block.kind]
        rows.append(
            (
                f"{_clock(block.start, tz)}–{_clock(block.end, tz)}",
                chip(block.kind.value, ink, fill),
                minutes(block.minutes),
                block.reason,
                muted(", ".join(block.strategy_ids)),
            )
        )
    return rows


def workday_html(day: Workday) -> str:
    """A planned day as HTML: its timeline coloured by kind, its warnings and its blocks.

    Example:
        >>> day = plan_workday(
        ...     [Session(pendulum.datetime(2026, 3, 3, 9, tz="Europe/London"), 50)],
        ...     rules=WorkdayRules(), tz="Europe/London")
        >>> view = workday_html(day)
        >>> "Tue 3 Mar 2026" in view, "transition" in view
        (True, True)
    """
    spans = _spans(day)
    axis = _axis(spans)
    head = el(
        "div",
        el("span", "Workday ", long_date(day.day), style="font-weight:600;font-size:15px"),
        " ",
        muted("times in ", day.tz),
    )
    timeline = el("div", _bar(day, spans, axis), _ticks(axis), style="margin:8px 0 4px")
    return page(
        head,
        _figures(day.figures),
        _warnings(day.warnings),
        timeline,
        _legend(b.kind for b in day.blocks),
        section(
            "Blocks",
            table(["Time", "Kind", "Length", "Why", "Strategies"], _block_rows(day), numeric=(2,))
            if day.blocks
            else muted("no blocks"),
        ),
        label=f"Workday {day.day.isoformat()}",
    )


def workweek_html(week: Workweek) -> str:
    """Planned weeks as HTML: the week's warnings, then one timeline a day on one time axis.

    Example:
        >>> week = plan_workweek(
        ...     [Session(pendulum.datetime(2026, 3, 2 + d, 10, tz="UTC"), 50) for d in range(7)],
        ...     rules=WorkdayRules(), tz="UTC")
        >>> view = workweek_html(week)
        >>> "no day off" in view, view.count("Sun 8 Mar") >= 1
        (True, True)
    """
    spans = [_spans(day) for day in week.days]
    axis = _axis(s for day in spans for s in day)
    label_style = "width:110px;flex:none;font-size:12px;line-height:1.2"
    rows = []
    for day, day_spans in zip(week.days, spans, strict=True):
        summary = muted(
            f"{day.figures.sessions} session{'' if day.figures.sessions == 1 else 's'}"
            if day.figures.sessions
            else "day off"
        )
        rows.append(
            el(
                "div",
                el("div", el("b", short_date(day.day)), el("div", summary), style=label_style),
                el("div", _bar(day, day_spans, axis, height=24), style="flex:1;min-width:0"),
                style="display:flex;gap:8px;align-items:flex-start;margin:3px 0",
            )
        )
    ticks = el(
        "div",
        el("div", "", style="width:110px;flex:none"),
        el("div", _ticks(axis), style="flex:1;min-width:0"),
        style="display:flex;gap:8px",
    )
    first, last = week.period.first, week.period.last
    head = el(
        "div",
        el(
            "span",
            "Workweek ",
            long_date(first),
            " to ",
            long_date(last),
            style="font-weight:600;font-size:15px",
        ),
        " ",
        muted("times in ", week.tz),
    )
    day_warnings = [_warnings(day.warnings, prefix=f"{short_date(day.day)}: ") for day in week.days]
    weekly = [
        (
            long_date(f.period.first),
            f.sessions,
            minutes(f.client_minutes),
            minutes(f.non_client_minutes),
            minutes(f.protected_minutes),
            f.days_off,
        )
        for f in week.weeks
    ]
    return page(
        head,
        _figures(week.figures),
        _warnings(week.warnings),
        el("div", rows, ticks, style="margin:8px 0 4px"),
        _legend(b.kind for day in week.days for b in day.blocks),
        section("Warnings by day", day_warnings) if any(d.warnings for d in week.days) else None,
        section(
            "Weeks",
            table(
                ["Week from", "Sessions", "With clients", "Without", "Protected", "Days off"],
                weekly,
                numeric=(1, 2, 3, 4, 5),
            ),
        ),
        label=f"Workweek {first.isoformat()} to {last.isoformat()}",
    )
