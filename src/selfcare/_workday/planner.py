"""plan_workday: a day of client sessions, with protected time, warnings and figures."""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from collections.abc import Iterable, Sequence

from selfcare._core import checks as check
from selfcare._core.describe import minutes_phrase
from selfcare._core.errors import ValidationError
from selfcare._time.calendar import Period, Weekday
from selfcare._time.timeline import day_bounds, local, span, wall, zone_arg, zoned
from selfcare._workday.day import Block, BlockKind, Workday, WorkFigures
from selfcare._workday.layout import Booked, Frame, Layout, Slot, layout
from selfcare._workday.rules import WorkdayRules
from selfcare._workday.sessions import MAX_SESSIONS_A_DAY, Session, SessionLike, bounds, collect
from selfcare._workday.warnings import day_warnings, sessions_named

__all__ = ["plan_workday"]

Item = tuple[int, str, Session]  # position in the caller's list, path for errors, session
BLOCKED_TIME = "blocked-non-client-time"
_STRATEGY = {
    BlockKind.NOTES: "session-notes",
    BlockKind.LUNCH: "lunch-break",
    BlockKind.DECOMPRESSION: "decompression",
}


def plan_workday(
    sessions: Iterable[SessionLike],
    *,
    rules: WorkdayRules,
    tz: str | zoneinfo.ZoneInfo,
    day: dt.date | None = None,
) -> Workday:
    """Plan a therapist's day around its client sessions.

    Sessions stay where they are. Around them, inside working hours only, go a
    transition ritual after each session, lunch in its window, decompression after the
    last session and time for notes, split across gaps and carried to the end of the day
    if need be. When they cannot all fit, they are given in that order — transitions
    between sessions, lunch, decompression, notes, and last the transition after the
    last session, which decompression replaces — and only what still does not fit becomes
    a warning. Free time fills what is left, so the blocks tile the day.

    Args:
        sessions: the day's client sessions, as :class:`Session` values or
            ``(start, minutes)`` / ``(start, end)`` pairs, in any order and any IANA zone.
        rules: how the day should be protected.
        tz: the IANA zone the day is planned in; sessions are converted to it.
        day: the local date planned. By default, the date of the first session given.

    Returns:
        The planned :class:`Workday`.

    Raises:
        ValidationError: a session overlaps or repeats another, lasts no time, or is not
            on ``day`` (or runs past its midnight); each problem names the session by its
            position (``sessions[2]``) and its times, never by anything the app attached.

    Example:
        >>> at = lambda h, m=0: pendulum.datetime(2026, 3, 2, h, m, tz="Europe/London")
        >>> day = plan_workday(
        ...     [Session(at(9), 50), Session(at(10), 50), Session(at(11), 50)],
        ...     rules=WorkdayRules(), tz="Europe/London",
        ... )
        >>> [(b.start.format("HH:mm"), b.kind.value) for b in day.blocks][:5]
        [('09:00', 'session'), ('09:50', 'transition'), ('09:58', 'free'), ('10:00', 'session'), ('10:50', 'transition')]
        >>> day.figures.client_minutes, day.figures.most_in_row
        (150, 3)
    """  # noqa: E501
    tz = zone_arg(tz)
    check_rules(rules)
    if day is not None:
        day = check.check_date("day", day)
    items = [(i, path, session) for i, (path, session) in enumerate(collect(sessions))]
    return plan_items(items, rules=rules, tz=tz, day=day)


def check_rules(rules: object) -> None:
    """Require WorkdayRules."""
    if not isinstance(rules, WorkdayRules):
        raise check.fail("rules", "expected WorkdayRules, e.g. WorkdayRules(), " + check.got(rules))


def plan_items(
    items: Sequence[Item], *, rules: WorkdayRules, tz: str, day: dt.date | None
) -> Workday:
    """Plan a day from checked arguments and sessions already tagged with their paths."""
    basis = "the day passed as day="
    if day is None:
        if not items:
            raise check.fail("day", "there are no sessions to take the day from; pass day=")
        day = local(bounds(items[0][2])[0], tz).date()
        basis = f"the day of {items[0][1]}, the first session"
    day_start, day_end = day_bounds(day, tz)
    if day_end <= day_start:
        raise check.fail("day", f"{day} does not exist in {tz} (the zone skipped it)")
    booked = _book(items, day, tz, basis)
    frame = _frame(day, tz, rules)
    placed = layout(frame, booked, rules)
    first = min([frame.work_start, *(b.start for b in booked)])
    last = max([frame.work_end, *(b.end for b in booked)])
    refs = {position: session.ref for position, _, session in items}
    blocks = _blocks(frame, placed, first, last, rules, tz, refs)
    figures = _figures(day, booked, placed, last - first)
    warnings = day_warnings(day, frame, booked, placed, rules, tz)
    return Workday(day=day, tz=tz, blocks=blocks, figures=figures, warnings=warnings)


def _when(start: int, end: int, tz: str) -> str:
    return f"{local(start, tz).date()} {span(start, end, tz)} ({tz})"


def _book(items: Sequence[Item], day: dt.date, tz: str, basis: str) -> list[Booked]:
    """Check that the sessions are on ``day`` and do not overlap; return them sorted."""
    day_start, day_end = day_bounds(day, tz)
    problems: list[tuple[int, str, str]] = []
    found: list[tuple[Booked, str]] = []
    for position, path, session in items:
        start, end = bounds(session)
        if not day_start <= start < day_end:
            on = local(start, tz).date()
            why = f"is on {on}, not on {day} ({basis}); plan it with its own day"
        elif end > day_end:
            why = "runs past midnight into the next day; end it by midnight or split it in two"
        else:
            found.append((Booked(start, end, position), path))
            continue
        problems.append((position, path, f"the session {_when(start, end, tz)} {why}"))
    if len(found) > MAX_SESSIONS_A_DAY:
        raise check.fail("sessions", f"expected at most {MAX_SESSIONS_A_DAY} sessions in a day")
    found.sort()
    latest: tuple[Booked, str] | None = None
    for (booked, path), previous in zip(found, [None, *found], strict=False):
        if previous and previous[0][:2] == booked[:2]:
            why = f"repeats {previous[1]}; remove the duplicate"
        elif latest and booked.start < latest[0].end:
            other = _when(latest[0].start, latest[0].end, tz)
            why = f"overlaps {latest[1]} ({other}); move or shorten one of them"
        else:
            why = ""
        if why:
            when = _when(booked.start, booked.end, tz)
            problems.append((booked.position, path, f"the session {when} {why}"))
        if latest is None or booked.end > latest[0].end:
            latest = (booked, path)
    if problems:
        raise ValidationError((path, message) for _, path, message in sorted(problems))
    return [booked for booked, _ in found]


def _frame(day: dt.date, tz: str, rules: WorkdayRules) -> Frame:
    day_start, day_end = day_bounds(day, tz)
    work_start = wall(day, rules.hours.start, tz)
    work_end = max(work_start, wall(day, rules.hours.end, tz))
    lunch_start = wall(day, rules.lunch_start, tz)
    lunch_end = max(lunch_start, wall(day, rules.lunch_end, tz))
    return Frame(day_start, day_end, work_start, work_end, lunch_start, lunch_end)


def _blocks(
    frame: Frame,
    placed: Layout,
    first: int,
    last: int,
    rules: WorkdayRules,
    tz: str,
    refs: dict[int, str | None],
) -> list[Block]:
    sessions = [s for s in placed.slots if s.kind is BlockKind.SESSION]
    label = {s.session: span(s.start, s.end, tz) for s in sessions}
    working_day = Weekday.of(local(frame.day_start, tz).date()) in rules.hours.weekdays
    free_time = "free time in working hours" if working_day else "free time, not a working day"
    blocks: list[Block] = []
    cursor = first
    for slot in [*placed.slots, Slot(BlockKind.FREE, last, last)]:
        cuts = sorted({cursor, slot.start, *(t for t in frame[2:4] if cursor < t < slot.start)})
        for low, high in itertools.pairwise(cuts):
            inside = frame.work_start <= low < frame.work_end
            reason = free_time if inside else "outside working hours"
            blocks.append(Block(BlockKind.FREE, zoned(low, tz), zoned(high, tz), reason))
        if slot.end > slot.start:
            blocks.append(_block(slot, rules, tz, label, frame, refs, placed.runs))
        cursor = slot.end
    return blocks


def _block(
    slot: Slot,
    rules: WorkdayRules,
    tz: str,
    label: dict[int, str],
    frame: Frame,
    refs: dict[int, str | None],
    runs: Sequence[Sequence[Booked]],
) -> Block:
    start, end = zoned(slot.start, tz), zoned(slot.end, tz)
    kind = slot.kind
    if kind is BlockKind.SESSION:
        inside = frame.work_start <= slot.start and slot.end <= frame.work_end
        reason = "client session" + ("" if inside else ", outside working hours")
        return Block(kind, start, end, reason, session=slot.session, ref=refs[slot.session])
    if kind is BlockKind.TRANSITION:
        reason = f"{rules.transition.name} after the {label[slot.session]} session"
        if slot.wanted:
            wanted = minutes_phrase(slot.wanted)
            reason += f", shortened from {wanted} to fit before what comes next"
        ids = rules.transition.strategy_ids
        return Block(kind, start, end, reason, ritual_id=rules.transition.id, strategy_ids=ids)
    if kind is BlockKind.NOTES:
        reason = _notes_reason(slot, label, runs)
    elif kind is BlockKind.LUNCH:
        reason = (
            f"lunch away from clients, in the {rules.lunch_start:%H:%M}–"
            f"{rules.lunch_end:%H:%M} window"
        )
    else:
        reason = "decompression after the last session, before the day moves on"
        reason += "; it takes the place of a transition, as no session follows" * slot.instead
    return Block(kind, start, end, reason, ritual_id=BLOCKED_TIME, strategy_ids=(_STRATEGY[kind],))


def _notes_reason(slot: Slot, label: dict[int, str], runs: Sequence[Sequence[Booked]]) -> str:
    """Whose notes a block holds, and whether they follow their sessions or were carried on."""
    which = sessions_named([label[p].split("–")[0] for p in slot.covers])
    done = [[b.position for b in run if b.end <= slot.start] for run in runs]
    done = [run for run in done if run]
    if set(slot.covers) <= set(done[-1]):
        return f"notes for {which}, written while they are fresh"
    if sum(map(len, done)) == sum(map(len, runs)):
        return f"notes for {which}, carried to the end of the day"
    return f"notes for {which}, carried to a later gap with room for them"


def _figures(day: dt.date, booked: Sequence[Booked], placed: Layout, span_: int) -> WorkFigures:
    protected = sum(s.end - s.start for s in placed.slots if s.kind.protected)
    return WorkFigures(
        period=Period(day, day),
        days_off=0 if booked else 1,
        sessions=len(booked),
        client_minutes=sum(b.end - b.start for b in booked),
        protected_minutes=protected,
        span_minutes=span_,
        longest_stretch_minutes=max((r[-1].end - r[0].start for r in placed.runs), default=0),
        most_in_row=max((len(r) for r in placed.runs), default=0),
    )
