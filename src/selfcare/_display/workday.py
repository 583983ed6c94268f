"""The HTML views of a therapist's planned day and weeks: timelines coloured by kind.

A day's timeline runs in real time, its hours labelled as the wall clock of the day's zone
shows them: on a day the clocks change, one hour is missing or comes twice, and the view
says so in its header and on the timeline. A week's days share one wall-clock axis, so each
block is placed by its wall-clock start and sized by its real minutes. A session's ``ref``
belongs to the app and is never shown.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from selfcare._display.html import (
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
from selfcare._display.palette import BLOCK_COLOURS, LINE, MUTED, PAPER, SHADE, WARN
from selfcare._time.offsets import DAY, EPOCH_ORDINAL, year_offsets
from selfcare._workday.day import BlockKind, Workday, WorkdayWarning, WorkFigures
from selfcare._workday.week import Workweek

__all__ = ["ClockChange", "clock_changes", "workday_html", "workweek_html"]

Span = tuple[int, int]  # minutes on a timeline: start, end
Tick = tuple[int, int]  # minutes on a timeline, and the wall-clock hour there (from -24)


def _clock(value: dt.datetime, tz: zoneinfo.ZoneInfo) -> str:
    """``HH:MM`` on the wall clock; with the zone's abbreviation in an hour that happens twice."""
    local = value.astimezone(tz)
    text = local.strftime("%H:%M")
    other = local.replace(fold=1 - local.fold)
    if other.utcoffset() != local.utcoffset():
        text += f" {local.tzname()}"
    return text


class ClockChange(NamedTuple):
    """A change of the clocks on a day: when, from what wall time to what, in minutes."""

    at: dt.datetime  # the instant, in UTC
    before: int  # minutes from the day's midnight on the wall clock, before the change
    after: int  # the same instant on the wall clock after the change

    @property
    def forward(self) -> bool:
        """Whether the clocks go forward (an hour is skipped) rather than back (one repeats)."""
        return self.after > self.before

    @property
    def hours(self) -> str:
        """The wall-clock hours skipped or repeated, as ``01:00–02:00``."""
        low, high = sorted((self.before, self.after))
        return f"{_hhmm(low)}–{_hhmm(high)}"

    def describe(self) -> str:
        """The change in words, as ``the clocks go forward an hour at 01:00 (...)``.

        Example:
            >>> (change,) = clock_changes(datetime.date(2026, 3, 29), "Europe/London")
            >>> change.describe()
            'the clocks go forward an hour at 01:00: 01:00–02:00 is skipped'
        """
        size = abs(self.after - self.before)
        length = "an hour" if size == 60 else minutes(size)
        if self.forward:
            return (
                f"the clocks go forward {length} at {_hhmm(self.before)}: {self.hours} is skipped"
            )
        return f"the clocks go back {length} at {_hhmm(self.before)}: {self.hours} happens twice"


def _hhmm(value: int) -> str:
    return f"{value // 60 % 24:02d}:{value % 60:02d}"


def clock_changes(day: dt.date, tz: str) -> tuple[ClockChange, ...]:
    """The changes of the clocks whose wall time (before the change) falls on ``day``.

    Example:
        >>> [c.hours for c in clock_changes(datetime.date(2026, 10, 25), "Europe/London")]
        ['01:00–02:00']
        >>> clock_changes(datetime.date(2026, 10, 26), "Europe/London")
        ()
    """
    found = []
    for year in {day.year - 1, day.year, day.year + 1} & set(range(1, 10_000)):
        for instant, before, after, *_ in year_offsets(tz, year)[1]:
            wall = instant + before
            if EPOCH_ORDINAL + wall // DAY == day.toordinal():
                midnight = (day.toordinal() - EPOCH_ORDINAL) * DAY
                found.append(
                    ClockChange(
                        dt.datetime.fromtimestamp(instant, dt.UTC),
                        (wall - midnight) // 60,
                        (instant + after - midnight) // 60,
                    )
                )
    return tuple(sorted(found))


def _wall_spans(day: Workday) -> list[Span]:
    """Where each block goes on a wall-clock axis: its wall-clock start, sized in real minutes.

    Used where days share one axis (a week). Where the clocks go back, a wall-clock start can
    come before the end of the block before it; such a block starts where the one before it
    ends, so none overlap.
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


def _origin(day: dt.date, tz: zoneinfo.ZoneInfo) -> dt.datetime:
    """The instant the day's wall clock shows 00:00 (or would, in a gap), in UTC."""
    return dt.datetime.combine(day, dt.time(0), tzinfo=tz).astimezone(dt.UTC)


def _real(value: dt.datetime, origin: dt.datetime) -> int:
    return int((value - origin).total_seconds() // 60)


def _real_spans(day: Workday) -> list[Span]:
    """Where each block goes on a real-time axis: real minutes since the day's midnight.

    On a day the clocks change, the hours on the axis are then as the wall clock shows them:
    one is missing (forward) or comes twice (back), and no block is stretched or overlaps.
    """
    origin = _origin(day.day, zoneinfo.ZoneInfo(day.tz))
    spans: list[Span] = []
    end = -(10**9)
    for block in day.blocks:
        start = max(_real(block.start, origin), end)
        end = start + max(1, block.minutes)
        spans.append((start, end))
    return spans


def _real_ticks(day: dt.date, tz: zoneinfo.ZoneInfo) -> list[Tick]:
    """Every whole wall-clock hour from the day before to the day after, in real minutes.

    An hour the clocks skip has no tick; an hour that happens twice has two.
    """
    origin = _origin(day, tz)
    ticks: set[Tick] = set()
    for hour in range(-24, 49):
        naive = dt.datetime.combine(day, dt.time(0)) + dt.timedelta(hours=hour)
        for fold in (0, 1):
            aware = naive.replace(tzinfo=tz, fold=fold)
            instant = aware.astimezone(dt.UTC)
            if instant.astimezone(tz).replace(tzinfo=None) == naive:  # not in a gap
                ticks.add((_real(instant, origin), hour))
    return sorted(ticks)


def _wall_ticks() -> list[Tick]:
    return [(hour * 60, hour) for hour in range(-24, 49)]


def _axis(spans: Iterable[Span], ticks: Sequence[Tick]) -> Span:
    """The ticks around all the spans (08:00 to 18:00 on the wall clock when there are none)."""
    found = list(spans)
    if not found:
        found = [(t, t) for t, hour in ticks if hour in (8, 18)]
    low_at, high_at = min(s for s, _ in found), max(e for _, e in found)
    low = max((t for t, _ in ticks if t <= low_at), default=low_at)
    high = min((t for t, _ in ticks if t >= high_at), default=high_at)
    if high <= low:
        high = min((t for t, _ in ticks if t > low), default=low + 60)
    return low, high


def _bar(
    day: Workday, spans: Sequence[Span], axis: Span, *, height: int = 30, labelled: int = 25
) -> Html:
    """The blocks on one timeline; those of at least ``labelled`` minutes show their kind."""
    tz = zoneinfo.ZoneInfo(day.tz)
    low, high = axis
    width = high - low
    parts = []
    for block, (start, end) in zip(day.blocks, spans, strict=True):
        swatch = BLOCK_COLOURS[block.kind]
        left = (start - low) / width * 100
        size = (end - start) / width * 100
        when = f"{_clock(block.start, tz)}–{_clock(block.end, tz)}"
        hover = f"{when} {block.kind.value} ({minutes(block.minutes)}): {block.reason}"
        label = block.kind.value if block.minutes >= labelled else ""
        style = (
            f"position:absolute;top:0;bottom:0;left:{left:.3f}%;width:{size:.3f}%;"
            f"background:{swatch.colour};color:{swatch.on_colour};font-size:11px;"
            f"line-height:{height}px;overflow:hidden;white-space:nowrap;text-align:center;"
            "text-overflow:ellipsis;"
            f"box-shadow:inset -1px 0 0 {PAPER}"
        )
        parts.append(el("div", label, style=style, title=hover))
    style = (
        f"position:relative;height:{height}px;background:{SHADE};border:1px solid {LINE};"
        "border-radius:3px;overflow:hidden"
    )
    return el("div", parts, style=style)


def _ticks(axis: Span, ticks: Sequence[Tick]) -> Html:
    low, high = axis
    shown = [(t, hour) for t, hour in ticks if low <= t <= high]
    every = 1 if len(shown) <= 15 else 2  # every other hour on a long axis, from the first
    labels = []
    for at, hour in shown:
        if (hour - shown[0][1]) % every:
            continue
        text = f"{hour % 24:02d}:00"
        left = (at - low) / (high - low) * 100
        shift = "none" if at == low else "translateX(-100%)" if at == high else "translateX(-50%)"
        style = f"position:absolute;left:{left:.3f}%;transform:{shift};font-size:11px;color:{MUTED}"
        labels.append(el("span", text, style=style))
    return el("div", labels, style="position:relative;height:16px;margin-top:2px")


def _marks(changes: Sequence[ClockChange], origin: dt.datetime, axis: Span) -> tuple[Html, Html]:
    """The clock changes on a timeline: lines over the bar, and labels under the axis.

    Where the clocks go forward, a dashed line at the change (the hour skipped takes no real
    time); where they go back, dashed lines around the hour as it happens the second time,
    bracketed under the axis.
    """
    low, high = axis
    width = high - low
    marks, labels = [], []
    for change in changes:
        at = _real(change.at, origin)
        if not low <= at <= high:
            continue
        size = 0 if change.forward else min(abs(change.before - change.after), high - at)
        left, span = (at - low) / width * 100, size / width * 100
        edges = (left,) if change.forward else (left, left + span)
        for edge in edges:
            style = (
                f"position:absolute;top:-4px;bottom:-4px;left:{edge:.3f}%;width:0;"
                f"border-left:2px dashed {WARN.colour}"
            )
            marks.append(el("div", style=style))
        if change.forward:
            text = f"{change.hours} skipped: the clocks go forward"
        else:
            text = f"{change.hours} again: the clocks go back"
        if span:
            bracket = (
                f"position:absolute;top:0;left:{left:.3f}%;width:{span:.3f}%;height:4px;"
                f"border:2px solid {WARN.colour};border-top:none"
            )
            labels.append(el("span", style=bracket))
        far = left > 60  # near the right end: the label runs leftwards from the line
        style = (
            f"position:absolute;top:5px;white-space:nowrap;font-size:11px;font-weight:600;"
            f"color:{WARN.on_tint};"
            + (f"right:{100 - left - span:.3f}%" if far else f"left:{left:.3f}%")
        )
        labels.append(el("span", text, style=style))
    if not marks:
        return Html(""), Html("")
    return (
        el("div", marks, style="position:absolute;inset:0;pointer-events:none"),
        el("div", labels, style="position:relative;height:22px;margin-top:2px"),
    )


def _legend(kinds: Iterable[BlockKind]) -> Html:
    shown = set(kinds)
    items: list[str] = []
    for kind in BlockKind:
        if kind in shown:
            items.append(chip(kind.value, BLOCK_COLOURS[kind], solid=True))
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
        rows.append(
            (
                f"{_clock(block.start, tz)}–{_clock(block.end, tz)}",
                chip(block.kind.value, BLOCK_COLOURS[block.kind], solid=True),
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
    tz = zoneinfo.ZoneInfo(day.tz)
    spans = _real_spans(day)
    ticks = _real_ticks(day.day, tz)
    axis = _axis(spans, ticks)
    changes = clock_changes(day.day, day.tz)
    over, under = _marks(changes, _origin(day.day, tz), axis)
    head = el(
        "div",
        el("span", "Workday ", long_date(day.day), style="font-weight:600;font-size:15px"),
        " ",
        muted("times in ", day.tz),
        [
            el("div", "On this day ", change.describe(), ".", style=_CHANGE_STYLE)
            for change in changes
        ],
    )
    timeline = el(
        "div",
        el("div", _bar(day, spans, axis), over, style="position:relative"),
        _ticks(axis, ticks),
        under,
        style="margin:8px 0 4px",
    )
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


_CHANGE_STYLE = f"color:{WARN.on_tint};font-size:12px;font-weight:600;margin-top:2px"
_WEEK_CHANGE = f"color:{WARN.on_tint};font-size:11px"


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
    spans = [_wall_spans(day) for day in week.days]
    ticks = _wall_ticks()
    axis = _axis((s for day in spans for s in day), ticks)
    label_style = "width:110px;flex:none;font-size:12px;line-height:1.2"
    rows = []
    for day, day_spans in zip(week.days, spans, strict=True):
        summary = muted(
            f"{day.figures.sessions} session{'' if day.figures.sessions == 1 else 's'}"
            if day.figures.sessions
            else "day off"
        )
        changed = [
            el("div", "clocks go " + ("forward" if c.forward else "back"), style=_WEEK_CHANGE)
            for c in clock_changes(day.day, day.tz)
        ]
        rows.append(
            el(
                "div",
                el(
                    "div",
                    el("b", short_date(day.day)),
                    el("div", summary),
                    changed,
                    style=label_style,
                ),
                el(
                    "div",
                    _bar(day, day_spans, axis, height=24, labelled=40),
                    style="flex:1;min-width:0",
                ),
                style="display:flex;gap:8px;align-items:flex-start;margin:3px 0",
            )
        )
    tick_row = el(
        "div",
        el("div", "", style="width:110px;flex:none"),
        el("div", _ticks(axis, ticks), style="flex:1;min-width:0"),
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
        el("div", rows, tick_row, style="margin:8px 0 4px"),
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
