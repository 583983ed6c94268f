"""The warnings of a planned day: what works against recovery, with the facts behind it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from selfcare._core.describe import minutes_phrase
from selfcare._model.reasons import Fact
from selfcare._time.calendar import Weekday
from selfcare._time.timeline import clock, iso, span
from selfcare._workday.day import BlockKind, WorkdayWarning, WorkdayWarningCode
from selfcare._workday.layout import Booked, Frame, Layout, Slot, free
from selfcare._workday.rules import WorkdayRules

Code = WorkdayWarningCode


def _warn(code: Code, message: str, **facts: Fact) -> WorkdayWarning:
    return WorkdayWarning(code, message, facts)


def day_warnings(
    day: dt.date,
    frame: Frame,
    booked: Sequence[Booked],
    placed: Layout,
    rules: WorkdayRules,
    tz: str,
) -> list[WorkdayWarning]:
    """The warnings of a planned day, in a fixed order: the day, its runs, gaps, lost time."""
    found: list[WorkdayWarning] = []
    if not booked:
        return found
    hours = rules.hours
    weekday = Weekday.of(day)
    if weekday not in hours.weekdays:
        found.append(
            _warn(
                Code.NOT_A_WORKING_DAY,
                f"{weekday.name.title()} is not one of the working days, but "
                f"{_count(len(booked), 'session')} {_are(len(booked))} booked",
                weekday=weekday.name.lower(),
                sessions=len(booked),
            )
        )
    first, last = booked[0], max(booked, key=lambda b: b.end)
    if first.start < frame.work_start:
        early = frame.work_start - first.start
        found.append(
            _warn(
                Code.STARTS_BEFORE_HOURS,
                f"the day starts before working hours: the first session begins at "
                f"{clock(first.start, tz)}, {minutes_phrase(early)} before {hours.start:%H:%M}",
                first_start=iso(first.start, tz),
                hours_start=f"{hours.start:%H:%M}",
                minutes_before=early,
                session=first.position,
            )
        )
    if last.end > frame.work_end:
        late = last.end - frame.work_end
        found.append(
            _warn(
                Code.RUNS_PAST_HOURS,
                f"the day runs past working hours: the last session ends at "
                f"{clock(last.end, tz)}, {minutes_phrase(late)} after {hours.end:%H:%M}",
                last_end=iso(last.end, tz),
                hours_end=f"{hours.end:%H:%M}",
                minutes_after=late,
                session=last.position,
            )
        )
    found += _run_warnings(placed, rules, tz)
    found += _gap_warnings(placed, rules, tz)
    found += _protected_warnings(frame, booked, placed, rules, tz)
    return found


def _run_warnings(placed: Layout, rules: WorkdayRules, tz: str) -> list[WorkdayWarning]:
    found = []
    for run in placed.runs:
        if len(run) <= rules.max_in_row:
            continue
        start, end = run[0].start, run[-1].end
        found.append(
            _warn(
                Code.BACK_TO_BACK,
                f"{len(run)} sessions back to back from {clock(start, tz)} to "
                f"{clock(end, tz)} ({minutes_phrase(end - start)}) without a break of "
                f"{rules.min_break_minutes} minutes; the rules allow {rules.max_in_row} in a row",
                sessions=len(run),
                start=iso(start, tz),
                end=iso(end, tz),
                minutes=end - start,
                max_in_row=rules.max_in_row,
                min_break_minutes=rules.min_break_minutes,
                first_session=run[0].position,
            )
        )
    return found


def _gap_warnings(placed: Layout, rules: WorkdayRules, tz: str) -> list[WorkdayWarning]:
    found = []
    for gap in placed.missing_transitions:
        gap_minutes = gap.after.start - gap.before.end
        found.append(
            _warn(
                Code.NO_TRANSITION,
                f"no transition between the {span(gap.before.start, gap.before.end, tz)} and "
                f"{span(gap.after.start, gap.after.end, tz)} sessions: the gap is "
                f"{minutes_phrase(gap_minutes)} and a transition needs at least {rules.min_gap}",
                after_session=gap.before.position,
                before_session=gap.after.position,
                gap_minutes=gap_minutes,
                min_gap=rules.min_gap,
            )
        )
    return found


def _protected_warnings(
    frame: Frame, booked: Sequence[Booked], placed: Layout, rules: WorkdayRules, tz: str
) -> list[WorkdayWarning]:
    found = []
    if placed.notes_short:
        starts = {b.position: b.start for b in booked}
        lost = sorted(placed.notes_lost, key=lambda debt: starts[debt.session])
        which = sessions_named([clock(starts[debt.session], tz) for debt in lost])
        found.append(
            _warn(
                Code.NO_NOTES_TIME,
                f"notes for {which} do not fit into working hours: {placed.notes_short} of "
                f"the {minutes_phrase(placed.notes_owed)} of notes owed today",
                minutes_short=placed.notes_short,
                minutes_owed=placed.notes_owed,
                sessions_short=len(lost),
                first_session=lost[0].session,
            )
        )
    if placed.lunch_missing:
        low = max(frame.lunch_start, frame.work_start)
        high = min(frame.lunch_end, frame.work_end)
        sessions_only = [Slot(BlockKind.SESSION, b.start, b.end) for b in booked]
        longest = max((b - a for a, b in free(sessions_only, low, high)), default=0)
        first = ", and the transition after a session comes first" * bool(rules.transition_minutes)
        found.append(
            _warn(
                Code.NO_LUNCH,
                f"no room for a {rules.lunch_minutes}-minute lunch between "
                f"{rules.lunch_start:%H:%M} and {rules.lunch_end:%H:%M}: the longest stretch "
                f"there without a session is {minutes_phrase(longest)}{first}",
                lunch_minutes=rules.lunch_minutes,
                window_start=f"{rules.lunch_start:%H:%M}",
                window_end=f"{rules.lunch_end:%H:%M}",
                longest_gap_minutes=longest,
            )
        )
    if placed.decompression_missing:
        last = max(b.end for b in booked)
        lunches = [s for s in placed.slots if s.kind is BlockKind.LUNCH and s.start >= last]
        lunch = ", and lunch comes first" * bool(lunches)
        found.append(
            _warn(
                Code.NO_DECOMPRESSION,
                f"no room for {rules.decompression_minutes} minutes of decompression after "
                f"the last session (it ends at {clock(last, tz)}; working hours end at "
                f"{rules.hours.end:%H:%M}{lunch})",
                decompression_minutes=rules.decompression_minutes,
                last_end=iso(last, tz),
                hours_end=f"{rules.hours.end:%H:%M}",
            )
        )
    return found


def sessions_named(times: Sequence[str]) -> str:
    """Sessions named by their start times, or by the first and last when there are many.

    Example:
        >>> sessions_named(["09:00"]), sessions_named(["09:00", "10:00", "11:00"])
        ('the 09:00 session', 'the 09:00, 10:00 and 11:00 sessions')
        >>> sessions_named(["09:00", "10:00", "11:00", "12:00", "13:00"])
        '5 sessions from 09:00 to 13:00'
    """
    if len(times) > 4:
        return f"{len(times)} sessions from {times[0]} to {times[-1]}"
    if len(times) == 1:
        return f"the {times[0]} session"
    return f"the {', '.join(times[:-1])} and {times[-1]} sessions"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _are(n: int) -> str:
    return "is" if n == 1 else "are"
