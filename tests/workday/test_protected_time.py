"""Specification of how plan_workday gives protected time when a day is full.

The order, first given and last to give way: a transition to the next session, lunch,
decompression, notes, and the transition after the last session (see docs/reference/workday.md).
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from collections.abc import Sequence
from typing import Any

import pendulum
from hypothesis import assume, given
from hypothesis import strategies as st

from selfcare import (
    BlockKind,
    NotesPer,
    Session,
    Weekday,
    Workday,
    WorkdayRules,
    WorkdayWarningCode,
    WorkingHours,
    plan_workday,
)
from selfcare._workday.layout import Booked, Frame, layout
from selfcare.testing import dates, day_sessions, workday_rules, workdays, zone_names

LONDON = "Europe/London"
TUESDAY = dt.date(2026, 3, 3)
SPRING = dt.date(2026, 3, 29)  # London's clocks go forward at 01:00
AUTUMN = dt.date(2026, 10, 25)  # and back at 02:00
EVERY_DAY = frozenset(Weekday)
Code = WorkdayWarningCode


def at(hour: int, minute: int = 0, day: dt.date = TUESDAY) -> pendulum.DateTime:
    """A London wall-clock time (pendulum takes the later of two ambiguous times)."""
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=LONDON)


def sessions_at(*times: tuple[int, int], minutes: int = 50) -> list[Session]:
    """Sessions starting at the given (hour, minute) times on a Tuesday in London."""
    return [Session(at(h, m), minutes) for h, m in times]


def plan(sessions: Sequence[Any], tz: str = LONDON, **rules: Any) -> Workday:
    """Plan a day with the default rules, some changed."""
    return plan_workday(sessions, rules=WorkdayRules(**rules), tz=tz)


def table(day: Workday) -> list[tuple[str, str, str]]:
    """The blocks as (start, end, kind), by the wall clock."""
    return [(b.start.format("HH:mm"), b.end.format("HH:mm"), b.kind.value) for b in day.blocks]


def codes(day: Workday) -> list[str]:
    """The codes of the warnings, in order."""
    return [w.code.value for w in day.warnings]


def minute(value: dt.datetime) -> int:
    """Whole minutes since the epoch: real elapsed time, whatever the zone."""
    return int(dt.datetime.timestamp(value)) // 60


def wall(day: dt.date, time: dt.time, tz: str) -> int:
    """A wall-clock time as RFC 5545 reads it: a gap moves forward, an overlap takes the first."""
    return minute(dt.datetime.combine(day, time, tzinfo=zoneinfo.ZoneInfo(tz)))


def spans(day: Workday, kind: BlockKind) -> list[tuple[int, int]]:
    """The blocks of one kind as (start, end) in epoch minutes."""
    return [(minute(b.start), minute(b.end)) for b in day.blocks_of(kind)]


# The day the planner was reported on


def test_a_packed_day_has_lunch_beside_the_notes_and_decompression_at_the_end() -> None:
    """Seven 50-minute sessions, 70 free minutes at lunch, the day ending 10 minutes after
    the last session: notes for the morning and lunch share the stretch, decompression
    replaces the last transition, and only the notes that cannot fit are a warning."""
    day = plan(sessions_at((9, 0), (10, 0), (11, 0), (12, 0), (14, 0), (15, 0), (16, 0)))
    assert [
        ("12:00", "12:50", "session"),
        ("12:50", "12:58", "transition"),
        ("12:58", "13:28", "notes"),
        ("13:28", "13:58", "lunch"),
        ("13:58", "14:00", "free"),
        ("14:00", "14:50", "session"),
    ] == table(day)[9:15]
    assert [("16:00", "16:50", "session"), ("16:50", "17:00", "decompression")] == table(day)[-2:]
    assert 6 == len(day.blocks_of(BlockKind.TRANSITION))
    notes = day.blocks_of(BlockKind.NOTES)
    assert ["notes for the 09:00, 10:00 and 11:00 sessions, written while they are fresh"] == [
        b.reason for b in notes
    ]
    assert "it takes the place of a transition, as no session follows" in day.blocks[-1].reason
    assert ["no-notes-time"] == codes(day)
    warning = day.warnings[0]
    assert (
        "notes for the 12:00, 14:00, 15:00 and 16:00 sessions do not fit into working hours: "
        "40 of the 70 minutes of notes owed today"
    ) == warning.message
    assert {"minutes_short": 40, "minutes_owed": 70, "sessions_short": 4, "first_session": 3} == (
        dict(warning.facts)
    )


# Scenarios


def test_a_light_day_keeps_everything_in_its_natural_order() -> None:
    """Room for everything: transition, notes while fresh, lunch, then decompression."""
    day = plan(sessions_at((10, 0), (11, 0), (14, 0)))
    assert [
        ("11:50", "11:58", "transition"),
        ("11:58", "12:18", "notes"),
        ("12:18", "12:48", "lunch"),
        ("12:48", "14:00", "free"),
        ("14:00", "14:50", "session"),
        ("14:50", "14:58", "transition"),
        ("14:58", "15:08", "notes"),
        ("15:08", "15:18", "decompression"),
        ("15:18", "17:00", "free"),
    ] == table(day)[5:]
    assert [] == codes(day)
    assert "before the day moves on" == day.blocks[-2].reason.split(", ")[-1]


def test_a_free_hour_at_lunch_holds_lunch_and_the_other_notes_go_to_the_end_of_the_day() -> None:
    """An hour free after four sessions: 20 minutes of notes and lunch; the rest are carried
    to the end of the day, before decompression, and nothing is lost."""
    day = plan(sessions_at((9, 0), (10, 0), (11, 0), (12, 0), (13, 50), (14, 50)))
    assert [
        ("12:50", "12:58", "transition"),
        ("12:58", "13:18", "notes"),
        ("13:18", "13:48", "lunch"),
        ("13:48", "13:50", "free"),
    ] == table(day)[10:14]
    assert [
        ("15:40", "15:48", "transition"),
        ("15:48", "16:28", "notes"),
        ("16:28", "16:38", "decompression"),
        ("16:38", "17:00", "free"),
    ] == table(day)[-4:]
    carried = day.blocks_of(BlockKind.NOTES)[-1]
    assert (
        "notes for the 11:00, 12:00, 13:50 and 14:50 sessions, carried to the end of the day"
    ) == carried.reason
    assert [] == codes(day)


def test_a_day_ending_ten_minutes_after_the_last_session_keeps_decompression() -> None:
    """Ten minutes hold decompression or a transition, not both: decompression, and the last
    session's notes, which fit nowhere else, are named in a warning."""
    day = plan(sessions_at((10, 0), (11, 0), (16, 0)))
    assert [("16:00", "16:50", "session"), ("16:50", "17:00", "decompression")] == table(day)[-2:]
    assert ["no-notes-time"] == codes(day)
    warning = day.warnings[0]
    assert warning.message.startswith("notes for the 16:00 session do not fit")
    assert (10, 30, 1, 2) == tuple(
        warning.facts[k]
        for k in ("minutes_short", "minutes_owed", "sessions_short", "first_session")
    )


def test_the_last_transition_stays_when_there_is_room_for_it_too() -> None:
    """28 minutes after the last session: transition, its notes, then decompression."""
    day = plan(sessions_at((16, 0)), hours=(dt.time(9), dt.time(17, 18)))
    assert [
        ("16:50", "16:58", "transition"),
        ("16:58", "17:08", "notes"),
        ("17:08", "17:18", "decompression"),
    ] == table(day)[-3:]
    assert "takes the place" not in day.blocks[-1].reason


def test_notes_take_the_place_of_the_last_transition_before_they_are_lost() -> None:
    """20 minutes after the last session: its notes and decompression, no transition."""
    day = plan(sessions_at((16, 0)), hours=(dt.time(9), dt.time(17, 10)))
    assert [("16:50", "17:00", "notes"), ("17:00", "17:10", "decompression")] == table(day)[-2:]
    assert [] == codes(day)


def test_lunch_comes_before_notes_that_could_go_elsewhere() -> None:
    """40 minutes from 11:50 hold a transition and lunch; the notes wait for the next gap."""
    day = plan(sessions_at((11, 0), (12, 30), (14, 0)), lunch_end=dt.time(13, 30))
    assert [("11:58", "12:00", "free"), ("12:00", "12:30", "lunch")] == table(day)[3:5]
    notes = day.blocks_of(BlockKind.NOTES)
    assert [("13:28", "13:48"), ("14:58", "15:08")] == [
        (b.start.format("HH:mm"), b.end.format("HH:mm")) for b in notes
    ]
    assert (
        "notes for the 11:00 and 12:30 sessions, carried to a later gap with room for them"
    ) == notes[0].reason
    assert [] == codes(day)


def test_notes_are_split_across_gaps_in_pieces_of_at_least_min_gap() -> None:
    """Seven free minutes take five of the first session's notes; the other five follow."""
    day = plan(sessions_at((9, 0), (10, 5), (11, 30)), lunch_minutes=0)
    notes = day.blocks_of(BlockKind.NOTES)
    assert [("09:58", "10:03"), ("11:03", "11:18"), ("12:28", "12:38")] == [
        (b.start.format("HH:mm"), b.end.format("HH:mm")) for b in notes
    ]
    assert "notes for the 09:00 session, written while they are fresh" == notes[0].reason
    assert "notes for the 09:00 and 10:05 sessions" in notes[1].reason


def test_the_last_sessions_notes_are_never_split_around_lunch() -> None:
    """Ten minutes before a fixed lunch cannot hold 15 minutes of notes: they go after it,
    whole, rather than in two pieces."""
    day = plan(
        sessions_at((11, 0)),
        transition_minutes=0,
        min_gap=1,
        notes_minutes=15,
        lunch_start=dt.time(12),
        lunch_end=dt.time(12, 30),
    )
    assert [
        ("11:50", "12:00", "free"),
        ("12:00", "12:30", "lunch"),
        ("12:30", "12:45", "notes"),
        ("12:45", "12:55", "decompression"),
    ] == table(day)[2:6]
    assert [15] == [b.minutes for b in day.blocks_of(BlockKind.NOTES)]


def test_notes_per_block_follow_the_same_order() -> None:
    """With notes per run of sessions, the run before lunch owes one block of notes."""
    day = plan(
        sessions_at((9, 0), (10, 0), (11, 0), (16, 0)),
        notes_per=NotesPer.BLOCK,
        notes_minutes=20,
    )
    assert [("11:58", "12:18", "notes"), ("12:18", "12:48", "lunch")] == table(day)[8:10]
    assert [("16:50", "17:00", "decompression")] == table(day)[-1:]
    assert ["no-notes-time"] == codes(day)
    assert 20 == day.warnings[0].facts["minutes_short"]


# Daylight-saving days in London


def dst_rules() -> WorkdayRules:
    """Working hours through the night, every day, with a lunch window from 03:00 to 05:00."""
    return WorkdayRules(
        hours=WorkingHours(dt.time(0), dt.time(8), EVERY_DAY),
        lunch_start=dt.time(3),
        lunch_end=dt.time(5),
    )


def test_a_spring_forward_day_counts_the_real_minutes_between_sessions() -> None:
    """00:50 to 02:00 on 29 March 2026 is ten real minutes: a transition, and notes wait."""
    day = plan_workday(
        [Session(at(h, day=SPRING), 50) for h in (0, 2, 4)], rules=dst_rules(), tz=LONDON
    )
    assert [
        ("00:00", "00:50", "session"),
        ("00:50", "00:58", "transition"),
        ("00:58", "02:00", "free"),
        ("02:00", "02:50", "session"),
        ("02:50", "02:58", "transition"),
        ("02:58", "03:18", "notes"),
        ("03:18", "03:48", "lunch"),
        ("03:48", "04:00", "free"),
        ("04:00", "04:50", "session"),
        ("04:50", "04:58", "transition"),
        ("04:58", "05:08", "notes"),
        ("05:08", "05:18", "decompression"),
        ("05:18", "08:00", "free"),
    ] == table(day)
    assert 2 == day.blocks[2].minutes
    assert 420 == day.figures.span_minutes == sum(b.minutes for b in day.blocks)
    assert [] == codes(day)


def test_a_fall_back_day_counts_the_repeated_hour() -> None:
    """On 25 October 2026 01:00-02:00 happens twice: a session in each, and the day is 540
    real minutes long; lunch waits for its window, 03:00 by the wall clock."""
    first = pendulum.datetime(2026, 10, 25, 0, 0, tz="UTC")  # 01:00 BST
    second = pendulum.datetime(2026, 10, 25, 1, 0, tz="UTC")  # 01:00 GMT
    day = plan_workday(
        [Session(first, 50), Session(second, 50), Session(at(4, day=AUTUMN), 50)],
        rules=dst_rules(),
        tz=LONDON,
    )
    assert [
        ("01:00", "01:50", "session"),
        ("01:50", "01:58", "transition"),
        ("01:58", "01:00", "free"),
        ("01:00", "01:50", "session"),
        ("01:50", "01:58", "transition"),
        ("01:58", "02:18", "notes"),
        ("02:18", "03:00", "free"),
        ("03:00", "03:30", "lunch"),
    ] == table(day)[1:9]
    assert [(0, 1), (1, 1)] == [(b.start.fold, b.end.fold) for b in day.blocks[3:5]]
    assert 540 == day.figures.span_minutes == sum(b.minutes for b in day.blocks)
    assert [] == codes(day)


# Properties


@st.composite
def planned(draw: st.DrawFn) -> tuple[Workday, list[Session], WorkdayRules]:
    """A day in any zone (DST days included) planned with drawn rules and sessions."""
    tz, day = draw(zone_names()), draw(dates())
    assume(wall(day + dt.timedelta(days=1), dt.time(0), tz) > wall(day, dt.time(0), tz))
    rules = draw(workday_rules())
    sessions = draw(day_sessions(tz, day))
    return plan_workday(sessions, rules=rules, tz=tz, day=day), sessions, rules


def bounds(sessions: Sequence[Session]) -> list[tuple[int, int]]:
    """The sessions as sorted (start, end) epoch minutes."""
    return sorted((minute(s.start), minute(s.start) + s.minutes) for s in sessions)


def hours(day: Workday, rules: WorkdayRules) -> tuple[int, int]:
    """The working hours of the day, in epoch minutes."""
    start = wall(day.day, rules.hours.start, day.tz)
    return start, max(start, wall(day.day, rules.hours.end, day.tz))


def runs_of(sessions: Sequence[tuple[int, int]], min_break: int) -> int:
    """How many runs of sessions there are, worked out independently."""
    breaks = [two[0] - one[1] >= min_break for one, two in itertools.pairwise(sessions)]
    return (1 if sessions else 0) + sum(breaks)


@given(planned())
def test_lunch_is_kept_whenever_a_gap_in_its_window_holds_a_transition_and_lunch(
    case: tuple[Workday, list[Session], WorkdayRules],
) -> None:
    """Notes, decompression and the last transition never take lunch's place."""
    day, sessions, rules = case
    taken = bounds(sessions)
    work_start, work_end = hours(day, rules)
    lunch_start = wall(day.day, rules.lunch_start, day.tz)
    lunch_end = wall(day.day, rules.lunch_end, day.tz)
    low, high = max(lunch_start, work_start), min(max(lunch_start, lunch_end), work_end)
    walk, lunch = rules.transition_minutes, rules.lunch_minutes
    fits = any(
        low <= x and x + lunch <= high and not any(s < x + lunch and e > x - walk for s, e in taken)
        for x in [low, *(e + walk for _, e in taken)]
    )
    assume(sessions and lunch and fits)
    assert 1 == len(day.blocks_of(BlockKind.LUNCH))
    assert () == day.warnings_of(Code.NO_LUNCH)


@given(planned())
def test_notes_are_never_lost_silently(case: tuple[Workday, list[Session], WorkdayRules]) -> None:
    """The notes planned and the shortfall a warning reports add up to what the rules ask."""
    day, sessions, rules = case
    per = (
        len(sessions)
        if rules.notes_per is NotesPer.SESSION
        else runs_of(bounds(sessions), rules.min_break_minutes)
    )
    planned_minutes = sum(b.minutes for b in day.blocks_of(BlockKind.NOTES))
    warnings = day.warnings_of(Code.NO_NOTES_TIME)
    short = sum(int(w.facts["minutes_short"]) for w in warnings)
    assert rules.notes_minutes * per == planned_minutes + short
    assert all(w.facts["minutes_owed"] == rules.notes_minutes * per for w in warnings)
    assert len(warnings) == (1 if short else 0)


@given(planned())
def test_decompression_is_kept_whenever_the_time_after_the_last_session_holds_it(
    case: tuple[Workday, list[Session], WorkdayRules],
) -> None:
    """Only lunch, which comes first, can leave the end of the day without decompression."""
    day, sessions, rules = case
    assume(sessions and rules.decompression_minutes)
    work_start, work_end = hours(day, rules)
    after = max(bounds(sessions)[-1][1], work_start)
    lunch = spans(day, BlockKind.LUNCH)
    cuts = sorted([after, work_end, *(t for edges in lunch for t in edges)])
    room = [b - a for a, b in itertools.pairwise(cuts) if (a, b) not in lunch and after <= a]
    if max(room, default=0) >= rules.decompression_minutes:
        assert 1 == len(day.blocks_of(BlockKind.DECOMPRESSION))
    else:
        assert 1 == len(day.warnings_of(Code.NO_DECOMPRESSION))
    for start, end in spans(day, BlockKind.DECOMPRESSION):
        assert after <= start
        assert end <= work_end


@given(workdays())
def test_blocks_never_overlap_and_stay_inside_the_day(day: Workday) -> None:
    """Every planned day tiles part of its own local day, protected time in order."""
    first = wall(day.day, dt.time(0), day.tz)
    last = wall(day.day + dt.timedelta(days=1), dt.time(0), day.tz)
    edges = [(minute(b.start), minute(b.end)) for b in day.blocks]
    assert all(a < b for a, b in edges)
    assert all(one[1] == two[0] for one, two in itertools.pairwise(edges))
    if edges:
        assert first <= edges[0][0]
        assert edges[-1][1] <= last
    assert sum(b.minutes for b in day.blocks) == day.figures.span_minutes
    quiet = day.blocks_of(BlockKind.DECOMPRESSION)
    if quiet and day.sessions:
        assert day.sessions[-1].end <= quiet[0].start


@given(workday_rules(), st.data())
def test_the_last_sessions_notes_are_one_block(rules: WorkdayRules, data: st.DataObject) -> None:
    """The last session's notes are placed whole, in one block, or reported whole."""
    day = dt.date(2026, 3, 3)
    sessions = data.draw(day_sessions("UTC", day))
    assume(sessions and rules.notes_minutes)
    midnight = wall(day, dt.time(0), "UTC")

    def clock(time: dt.time) -> int:
        return midnight + time.hour * 60 + time.minute

    work_start = clock(rules.hours.start)
    frame = Frame(
        midnight,
        midnight + 1440,
        work_start,
        max(work_start, clock(rules.hours.end)),
        clock(rules.lunch_start),
        clock(rules.lunch_end),
    )
    booked = sorted(
        Booked(minute(s.start), minute(s.start) + s.minutes, i) for i, s in enumerate(sessions)
    )
    placed = layout(frame, booked, rules)
    last = booked[-1].position
    holding = [s for s in placed.slots if s.kind is BlockKind.NOTES and last in s.covers]
    lost = [debt.minutes for debt in placed.notes_lost if debt.session == last]
    assert 1 == len(holding) + len(lost)
    assert lost in ([], [rules.notes_minutes])
    for notes in holding:
        assert booked[-1].end <= notes.start


def test_decompression_keeps_its_place_when_notes_before_lunch_would_take_it() -> None:
    """Found by a property test: notes moved before lunch left decompression no room."""
    rules = WorkdayRules(
        hours=WorkingHours(dt.time(17, 17), dt.time(19, 55), weekdays={Weekday.MONDAY}),
        transition_minutes=0,
        min_gap=1,
        notes_minutes=29,
        notes_per=NotesPer.SESSION,
        lunch_start=dt.time(19, 13),
        lunch_end=dt.time(19, 26),
        lunch_minutes=13,
        decompression_minutes=30,
        max_in_row=1,
        min_break_minutes=1,
    )
    first = pendulum.datetime(2000, 1, 7, tz="UTC")
    sessions = [Session(first.add(minutes=50 * n), 50) for n in range(3)]
    day = plan_workday(sessions, rules=rules, tz="UTC")
    assert [
        ("17:17", "18:15", "notes"),
        ("18:43", "19:13", "decompression"),
        ("19:13", "19:26", "lunch"),
        ("19:26", "19:55", "notes"),
    ] == [row for row in table(day) if row[2] != "free"][3:]
