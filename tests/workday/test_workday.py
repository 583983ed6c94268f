"""Specification of plan_workday and plan_workweek: a therapist's day of sessions, protected."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import pickle
import zoneinfo
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from selfcare import (
    Block,
    BlockKind,
    NotesPer,
    Period,
    Session,
    ValidationError,
    Weekday,
    Workday,
    WorkdayRules,
    WorkdayWarning,
    WorkdayWarningCode,
    WorkFigures,
    WorkingHours,
    Workweek,
    plan_workday,
    plan_workweek,
)

LONDON = "Europe/London"
NEW_YORK = "America/New_York"
MONDAY = dt.date(2026, 3, 2)
Code = WorkdayWarningCode
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to see it rejected."""
    return value


def at(hour: int, minute: int = 0, day: dt.date = MONDAY, tz: str = LONDON) -> pendulum.DateTime:
    """A zoned wall-clock time (pendulum takes the later of two ambiguous times)."""
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=tz)


def hourly(*hours: int, minutes: int = 50, day: dt.date = MONDAY) -> list[Session]:
    """Sessions on the hour, in London."""
    return [Session(at(h, day=day), minutes) for h in hours]


def plan(sessions: Sequence[Any], tz: str = LONDON, **rules: Any) -> Workday:
    """Plan a day with the default rules, some changed."""
    return plan_workday(sessions, rules=WorkdayRules(**rules), tz=tz)


def layout(day: Workday) -> list[tuple[str, str, str]]:
    """The blocks as (start, end, kind), by the wall clock."""
    return [(b.start.format("HH:mm"), b.end.format("HH:mm"), b.kind.value) for b in day.blocks]


def codes(day: Workday | Workweek) -> list[str]:
    """The codes of the warnings, in order."""
    return [w.code.value for w in day.warnings]


def minute(value: dt.datetime) -> int:
    """Whole minutes since the epoch: real elapsed time, whatever the zone."""
    return int(dt.datetime.timestamp(value)) // 60


def wall(day: dt.date, time: dt.time, tz: str) -> int:
    """A wall-clock time as RFC 5545 reads it: a gap moves forward, an overlap takes the first."""
    return minute(dt.datetime.combine(day, time, tzinfo=zoneinfo.ZoneInfo(tz)))


def check_rejected(build: Callable[[], object], path: str, *expected: str) -> str:
    """Building must fail with a ValidationError on ``path`` whose message has ``expected``."""
    with pytest.raises(ValidationError) as caught:
        build()
    assert isinstance(caught.value, ValueError)
    paths = [p for p, _ in caught.value.problems]
    assert path in paths
    message = dict(caught.value.problems)[path]
    for text in expected:
        assert text in message
    return message


# Scenarios


def test_a_light_day_gets_every_protected_block_and_no_warnings() -> None:
    """Three sessions with room around them: transitions, notes, lunch, decompression."""
    day = plan(hourly(10, 11, 14))
    assert [
        ("09:00", "10:00", "free"),
        ("10:00", "10:50", "session"),
        ("10:50", "10:58", "transition"),
        ("10:58", "11:00", "free"),
        ("11:00", "11:50", "session"),
        ("11:50", "11:58", "transition"),
        ("11:58", "12:18", "notes"),
        ("12:18", "12:48", "lunch"),
        ("12:48", "14:00", "free"),
        ("14:00", "14:50", "session"),
        ("14:50", "14:58", "transition"),
        ("14:58", "15:08", "notes"),
        ("15:08", "15:18", "decompression"),
        ("15:18", "17:00", "free"),
    ] == layout(day)
    assert [] == codes(day)
    notes = day.blocks_of(BlockKind.NOTES)
    assert "notes for the 10:00 and 11:00 sessions" in notes[0].reason
    assert (3, 150, 480, 330) == (
        day.figures.sessions,
        day.figures.client_minutes,
        day.figures.span_minutes,
        day.figures.non_client_minutes,
    )
    assert (110, 2) == (day.figures.longest_stretch_minutes, day.figures.most_in_row)


def test_a_packed_day_warns_about_back_to_back_sessions_lunch_and_notes() -> None:
    """Eight sessions on the hour from 09:00: transitions between them and decompression fit,
    lunch and notes do not; decompression takes the place of the last transition."""
    day = plan(hourly(9, 10, 11, 12, 13, 14, 15, 16))
    assert 7 == len(day.blocks_of(BlockKind.TRANSITION))
    assert () == day.blocks_of(BlockKind.LUNCH, BlockKind.NOTES)
    assert [("16:00", "16:50", "session"), ("16:50", "17:00", "decompression")] == layout(day)[-2:]
    assert ["back-to-back", "no-notes-time", "no-lunch"] == codes(day)
    run = day.warnings_of(Code.BACK_TO_BACK)[0]
    assert {"sessions": 8, "minutes": 470, "max_in_row": 4, "first_session": 0} == {
        k: run.facts[k] for k in ("sessions", "minutes", "max_in_row", "first_session")
    }
    assert run.message.startswith("8 sessions back to back from 09:00 to 16:50")
    notes = day.warnings_of(Code.NO_NOTES_TIME)[0]
    assert {"minutes_short": 80, "minutes_owed": 80, "sessions_short": 8, "first_session": 0} == (
        dict(notes.facts)
    )
    assert notes.message.startswith("notes for 8 sessions from 09:00 to 16:00 do not fit")
    assert 10 == day.warnings_of(Code.NO_LUNCH)[0].facts["longest_gap_minutes"]
    assert 480 == sum(b.minutes for b in day.blocks)


def test_five_sessions_with_no_gaps_warn_about_each_missing_transition() -> None:
    """Sessions end as the next begins: no transition fits, and the run is too long."""
    sessions = [Session(at(9).add(minutes=50 * i), 50) for i in range(5)]
    day = plan(sessions)
    assert ["back-to-back"] + ["no-transition"] * 4 == codes(day)[:5]
    gap = day.warnings_of(Code.NO_TRANSITION)[0]
    assert {"after_session": 0, "before_session": 1, "gap_minutes": 0, "min_gap": 5} == dict(
        gap.facts
    )
    assert "between the 09:00–09:50 and 09:50–10:40 sessions" in gap.message
    assert 1 == len(day.blocks_of(BlockKind.TRANSITION))  # only after the last one


def test_a_day_with_no_gap_for_lunch_warns_with_the_longest_gap() -> None:
    """Sessions fill the lunch window: no lunch, and the warning says how much room there was."""
    day = plan(hourly(11, 12, 13))
    assert () == day.blocks_of(BlockKind.LUNCH)
    warning = day.warnings_of(Code.NO_LUNCH)[0]
    assert {
        "lunch_minutes": 30,
        "window_start": "12:00",
        "window_end": "14:00",
        "longest_gap_minutes": 10,
    } == dict(warning.facts)
    assert "no room for a 30-minute lunch between 12:00 and 14:00" in warning.message


def test_lunch_goes_first_when_notes_would_otherwise_crowd_it_out() -> None:
    """Notes move to the next gap when that lets lunch fit too; nothing is lost."""
    sessions = [Session(at(11), 60), Session(at(12, 40), 50)]
    day = plan(sessions, lunch_end=dt.time(13))
    assert [] == codes(day)
    assert [("12:08", "12:38", "lunch")] == layout(day)[3:4]
    notes = day.blocks_of(BlockKind.NOTES)
    assert [("13:38", "13:58")] == [(b.start.format("HH:mm"), b.end.format("HH:mm")) for b in notes]


def test_a_gap_too_short_for_lunch_still_holds_notes() -> None:
    """A 22-minute gap after the transition holds the notes; a 30-minute lunch cannot fit."""
    day = plan([Session(at(11), 60), Session(at(12, 30), 50)], lunch_end=dt.time(13))
    assert ("12:08", "12:18", "notes") == layout(day)[3]
    assert ["no-lunch"] == codes(day)
    assert "the longest stretch there without a session is 30 minutes, and the transition" in (
        day.warnings[0].message
    )


def test_when_not_everything_fits_lunch_wins_over_decompression_and_notes() -> None:
    """35 minutes after the last session, at the end of the day: lunch, and nothing else."""
    day = plan([Session(at(12), 65)], hours=(dt.time(9), dt.time(13, 40)))
    assert [("13:05", "13:35", "lunch"), ("13:35", "13:40", "free")] == layout(day)[2:]
    assert ["no-notes-time", "no-decompression"] == codes(day)
    assert day.warnings[1].message.endswith("working hours end at 13:40, and lunch comes first)")


def test_lunch_takes_the_place_of_the_last_transition_when_both_do_not_fit() -> None:
    """55 minutes after the last session hold notes, lunch and decompression, not a transition."""
    day = plan([Session(at(12), 50)], hours=(dt.time(9), dt.time(13, 45)))
    assert [
        ("12:00", "12:50", "session"),
        ("12:50", "13:00", "notes"),
        ("13:00", "13:30", "lunch"),
        ("13:30", "13:40", "decompression"),
        ("13:40", "13:45", "free"),
    ] == layout(day)[1:]
    assert [] == codes(day)


def test_transitions_win_over_everything_else() -> None:
    """A 10-minute gap holds the 8-minute transition, never notes."""
    day = plan(hourly(9, 10))
    assert ("09:50", "09:58", "transition") == layout(day)[1]
    assert ("09:58", "10:00", "free") == layout(day)[2]


def test_a_short_gap_gets_a_shortened_transition() -> None:
    """A gap between min_gap and the transition's length gets what fits, and says so."""
    day = plan([Session(at(9), 50), Session(at(9, 56), 50)])
    transition = day.blocks_of(BlockKind.TRANSITION)[0]
    assert 6 == transition.minutes
    assert "shortened from 8 minutes" in transition.reason
    assert () == day.warnings_of(Code.NO_TRANSITION)


def test_transition_blocks_name_the_ritual_and_its_strategies() -> None:
    """Transitions carry the built-in ritual; notes, lunch and decompression the blocked time."""
    day = plan(hourly(11))
    ids = {b.kind: (b.ritual_id, b.strategy_ids) for b in day.blocks if b.protected}
    assert {
        BlockKind.TRANSITION: (
            "transition-between-sessions",
            ("short-walk", "mindful-breathing"),
        ),
        BlockKind.NOTES: ("blocked-non-client-time", ("session-notes",)),
        BlockKind.LUNCH: ("blocked-non-client-time", ("lunch-break",)),
        BlockKind.DECOMPRESSION: ("blocked-non-client-time", ("decompression",)),
    } == ids


def test_notes_per_block_are_owed_once_after_each_run_of_sessions() -> None:
    """With notes per block, a run of three sessions owes one notes block, after the run."""
    day = plan(hourly(9, 10, 11, 15), notes_per=NotesPer.BLOCK, notes_minutes=20)
    notes = day.blocks_of(BlockKind.NOTES)
    assert [("11:58", "12:18"), ("15:58", "16:18")] == [
        (b.start.format("HH:mm"), b.end.format("HH:mm")) for b in notes
    ]


def test_the_day_runs_past_working_hours_and_starts_before_them() -> None:
    """Sessions outside working hours stay, with free time around them and warnings."""
    day = plan([Session(at(7, 30), 50), Session(at(17, 30), 60)])
    assert ("07:30", "08:20", "session") == layout(day)[0]
    assert ("08:20", "09:00", "free") == layout(day)[1]
    assert ("17:00", "17:30", "free") == layout(day)[-2]
    assert ("17:30", "18:30", "session") == layout(day)[-1]
    early = day.warnings_of(Code.STARTS_BEFORE_HOURS)[0]
    late = day.warnings_of(Code.RUNS_PAST_HOURS)[0]
    assert (90, "09:00") == (early.facts["minutes_before"], early.facts["hours_start"])
    assert (90, "2026-03-02T18:30:00+00:00") == (
        late.facts["minutes_after"],
        late.facts["last_end"],
    )
    assert "the day runs past working hours" in late.message
    assert "outside working hours" == day.blocks[1].reason
    assert "client session, outside working hours" == day.blocks[0].reason
    assert 660 == day.figures.span_minutes == sum(b.minutes for b in day.blocks)


def test_sessions_on_a_day_that_is_not_a_working_day_are_planned_with_a_warning() -> None:
    """A Saturday session is planned, and the day is flagged."""
    saturday = dt.date(2026, 3, 7)
    day = plan(hourly(10, day=saturday))
    assert ["not-a-working-day"] == codes(day)
    assert {"weekday": "saturday", "sessions": 1} == dict(day.warnings[0].facts)
    assert "free time, not a working day" == day.blocks[0].reason


def test_a_day_without_sessions_is_all_free() -> None:
    """No sessions: a day off, one free block over the working hours."""
    day = plan_workday([], rules=WorkdayRules(), tz=LONDON, day=MONDAY)
    assert [("09:00", "17:00", "free")] == layout(day)
    assert (1, 0, 0) == (day.figures.days_off, day.figures.sessions, day.figures.protected_minutes)


def test_sessions_in_other_zones_are_planned_in_the_day_zone() -> None:
    """A session booked in New York time lands at its London time, the same instant."""
    day = plan([Session(pendulum.datetime(2026, 3, 2, 5, tz=NEW_YORK), 50)])
    session = day.sessions[0]
    assert ("10:00", LONDON) == (session.start.format("HH:mm"), session.start.timezone_name)
    assert pendulum.datetime(2026, 3, 2, 5, tz=NEW_YORK) == session.start


def test_pairs_are_accepted_as_sessions() -> None:
    """(start, minutes) and (start, end) pairs work like sessions."""
    day = plan([(at(9), 50), (at(10), at(10, 45))])
    assert [50, 45] == [b.minutes for b in day.sessions]


def test_session_blocks_keep_their_position_and_ref() -> None:
    """Blocks point back at the sessions passed in, in their given order."""
    day = plan([Session(at(14), 50, ref="s-2"), Session(at(9), 50, ref="s-1")])
    assert [(1, "s-1"), (0, "s-2")] == [(b.session, b.ref) for b in day.sessions]
    assert "s-1" not in repr(day)


def test_the_rules_can_turn_protected_time_off() -> None:
    """Zero minutes turns transitions, notes, lunch and decompression off."""
    day = plan(
        hourly(10, 11),
        transition_minutes=0,
        notes_minutes=0,
        lunch_minutes=0,
        decompression_minutes=0,
    )
    assert {"session", "free"} == {kind for *_, kind in layout(day)}
    assert [] == codes(day)


def test_reasons_stay_readable_for_many_sessions_and_long_ritual_names() -> None:
    """Notes for a long run name its first and last session; a long ritual name still fits."""
    sessions = [Session(at(9).add(minutes=10 * i), 10) for i in range(30)]
    transition = attrs.evolve(WorkdayRules().transition, name="A" * 200)
    day = plan(sessions, notes_minutes=2, transition=transition)
    notes = day.blocks_of(BlockKind.NOTES)
    assert "notes for 30 sessions from 09:00 to 13:50, written while they are fresh" == (
        notes[0].reason
    )
    assert day.blocks_of(BlockKind.TRANSITION)[0].reason.startswith("A" * 200)


# DST


def test_a_23_hour_day_counts_real_minutes() -> None:
    """On the day London's clocks go forward, 00:00 to 23:59 is 1,379 real minutes."""
    spring = dt.date(2026, 3, 29)
    day = plan_workday(
        [Session(at(0, 30, spring), 60)],
        rules=WorkdayRules(hours=(dt.time(0), dt.time(23, 59))),
        tz=LONDON,
    )
    assert 1379 == day.figures.span_minutes == sum(b.minutes for b in day.blocks)
    assert ("00:30", "02:30", "session") == layout(day)[1]  # 60 real minutes over the gap
    assert 60 == day.sessions[0].minutes


def test_a_25_hour_day_counts_real_minutes() -> None:
    """On the day the clocks go back, 00:00 to 23:59 is 1,499 real minutes."""
    autumn = dt.date(2026, 10, 25)
    day = plan_workday(
        [Session(at(0, 30, autumn), 90)],
        rules=WorkdayRules(hours=(dt.time(0), dt.time(23, 59))),
        tz=LONDON,
    )
    assert 1499 == day.figures.span_minutes == sum(b.minutes for b in day.blocks)
    session = day.sessions[0]
    assert ("01:00", 1, 90) == (session.end.format("HH:mm"), session.end.fold, session.minutes)


@pytest.mark.parametrize(
    ("start", "minutes", "end"),
    [
        pytest.param((2026, 3, 8, 1, 30), 60, "03:30", id="spring-forward"),
        pytest.param((2026, 11, 1, 0, 45), 120, "01:45", id="fall-back"),
    ],
)
def test_a_session_across_a_dst_change_keeps_its_real_length(
    start: tuple[int, int, int, int, int], minutes: int, end: str
) -> None:
    """A session over the change lasts its minutes of real time, whatever the wall clock says."""
    year, month, day_, hour, minute_ = start
    session = Session(pendulum.datetime(year, month, day_, hour, minute_, tz=NEW_YORK), minutes)
    day = plan_workday([session], rules=WorkdayRules(), tz=NEW_YORK)
    block = day.sessions[0]
    assert (end, minutes) == (block.end.format("HH:mm"), block.minutes)
    assert session.end == block.end
    assert 0 < day.blocks[1].minutes


def test_session_between_counts_real_minutes_across_a_dst_change() -> None:
    """From 01:00 EDT to 01:30 EST is 90 minutes."""
    first = pendulum.datetime(2026, 11, 1, 1, tz=NEW_YORK).subtract(hours=1)
    assert 0 == first.fold
    assert 90 == Session.between(first, pendulum.datetime(2026, 11, 1, 1, 30, tz=NEW_YORK)).minutes


def test_working_hours_in_a_gap_move_forward_and_ambiguous_ones_take_the_first() -> None:
    """A start of 01:30 that does not exist begins at 02:30; one that happens twice, the first."""
    rules = WorkdayRules(hours=(dt.time(1, 30), dt.time(5)), lunch_minutes=0)
    spring = plan_workday([], rules=rules, tz=LONDON, day=dt.date(2026, 3, 29))
    autumn = plan_workday([], rules=rules, tz=LONDON, day=dt.date(2026, 10, 25))
    assert [("02:30", "05:00", "free")] == layout(spring)
    assert 150 == spring.figures.span_minutes
    assert (0, 270) == (autumn.blocks[0].start.fold, autumn.figures.span_minutes)


def test_a_day_the_zone_skipped_is_rejected() -> None:
    """Samoa skipped 30 December 2011."""
    check_rejected(
        lambda: plan_workday(
            [], rules=WorkdayRules(), tz="Pacific/Apia", day=dt.date(2011, 12, 30)
        ),
        "day",
        "does not exist in Pacific/Apia",
    )


# Errors


def test_overlapping_sessions_are_named_by_position_and_time() -> None:
    """The later session is blamed, with both sessions' times; the app's ref is never shown."""
    message = check_rejected(
        lambda: plan([Session(at(10), 50, ref="ann-smith"), Session(at(10, 30), 50, ref="bo")]),
        "sessions[1]",
        "10:30–11:20",
        "overlaps sessions[0] (2026-03-02 10:00–10:50 (Europe/London))",
    )
    assert "ann" not in message


def test_duplicate_sessions_are_named_by_position_and_time() -> None:
    """A repeated session is a duplicate of the first, even given in another zone."""
    copy = Session(pendulum.datetime(2026, 3, 2, 5, tz=NEW_YORK), 50)
    check_rejected(
        lambda: plan([Session(at(10), 50), Session(at(12), 50), copy]),
        "sessions[2]",
        "10:00–10:50",
        "repeats sessions[0]",
    )


def test_every_problem_is_listed() -> None:
    """Two overlaps and a session on another day give three problems, in position order."""
    with pytest.raises(ValidationError) as caught:
        plan(
            [
                Session(at(9), 60),
                Session(at(9, 30), 60),
                Session(at(10), 30, ref="x"),
                Session(at(9, day=dt.date(2026, 3, 3)), 50),
            ]
        )
    assert ["sessions[1]", "sessions[2]", "sessions[3]"] == [p for p, _ in caught.value.problems]


@pytest.mark.parametrize(
    ("session", "path", "text"),
    [
        pytest.param((at(10), 0), "sessions[1].minutes", "1 to 1440 minutes, got 0", id="zero"),
        pytest.param((at(10), -5), "sessions[1].minutes", "got -5", id="negative"),
        pytest.param(
            (at(10), at(10)), "sessions[1].end", "ends at or before its start", id="empty"
        ),
        pytest.param((at(10), at(9)), "sessions[1].end", "ends at or before its start", id="back"),
        pytest.param((at(10), 1441), "sessions[1].minutes", "got 1441", id="too-long"),
        pytest.param((at(10), True), "sessions[1].minutes", "got True", id="bool"),
        pytest.param((at(10), 50, 1), "sessions[1]", "expected a Session", id="triple"),
    ],
)
def test_sessions_of_no_length_are_named_by_position_and_time(
    session: object, path: str, text: str
) -> None:
    """A pair that makes no session is rejected with its position and, where known, its time."""
    message = check_rejected(lambda: plan([Session(at(9), 50), session]), path, text)
    if "minutes" in path or "end" in path:
        assert "2026-03-02 10:00 (Europe/London)" in message


def test_a_session_on_another_day_is_named_by_position_and_time() -> None:
    """The day is the first session's; a later one on another day is rejected."""
    check_rejected(
        lambda: plan([Session(at(9), 50), Session(at(9, day=dt.date(2026, 3, 3)), 50)]),
        "sessions[1]",
        "the session 2026-03-03 09:00–09:50 (Europe/London) is on 2026-03-03, not on 2026-03-02",
        "the day of sessions[0], the first session",
    )


def test_a_session_on_another_local_day_in_the_planning_zone_is_rejected() -> None:
    """23:30 in New York on Monday is already Tuesday in London."""
    late = Session(pendulum.datetime(2026, 3, 2, 23, 30, tz=NEW_YORK), 50)
    check_rejected(
        lambda: plan_workday([late], rules=WorkdayRules(), tz=LONDON, day=MONDAY),
        "sessions[0]",
        "is on 2026-03-03, not on 2026-03-02 (the day passed as day=)",
    )


def test_a_session_past_midnight_is_rejected() -> None:
    """A session must end by the midnight that ends its day."""
    check_rejected(
        lambda: plan([Session(at(23, 30), 60)], hours=(dt.time(9), dt.time(17))),
        "sessions[0]",
        "runs past midnight",
    )


def test_a_session_ending_at_midnight_is_accepted() -> None:
    """The last minute of the day is usable."""
    day = plan([Session(at(23), 60)])
    assert ("23:00", "00:00", "session") == layout(day)[-1]


@pytest.mark.parametrize(
    ("call", "path", "text"),
    [
        pytest.param(
            lambda: plan_workday([], rules=WorkdayRules(), tz=LONDON),
            "day",
            "pass day=",
            id="no-day",
        ),
        pytest.param(
            lambda: plan_workday([], rules=WorkdayRules(), tz="Mars/Base", day=MONDAY),
            "tz",
            "IANA time zone",
            id="zone",
        ),
        pytest.param(
            lambda: plan_workday([], rules=wrong({}), tz=LONDON, day=MONDAY),
            "rules",
            "expected WorkdayRules",
            id="rules",
        ),
        pytest.param(
            lambda: plan_workday(wrong(Session(at(9), 50)), rules=WorkdayRules(), tz=LONDON),
            "sessions",
            "expected a list of sessions",
            id="lone-session",
        ),
        pytest.param(
            lambda: plan_workday(wrong((at(9), 50)), rules=WorkdayRules(), tz=LONDON),
            "sessions",
            "expected a list of sessions",
            id="lone-pair",
        ),
        pytest.param(
            lambda: plan_workday(wrong("09:00"), rules=WorkdayRules(), tz=LONDON),
            "sessions",
            "got a string of 5 characters",
            id="string",
        ),
        pytest.param(
            lambda: plan_workday([wrong("ann")], rules=WorkdayRules(), tz=LONDON),
            "sessions[0]",
            "got a string of 3 characters",
            id="item",
        ),
        pytest.param(
            lambda: plan_workday([], rules=WorkdayRules(), tz=LONDON, day=wrong(at(9))),
            "day",
            "expected a date",
            id="datetime-day",
        ),
        pytest.param(
            lambda: plan_workday(
                [Session(at(0).add(minutes=10 * i), 5) for i in range(101)],
                rules=WorkdayRules(),
                tz=LONDON,
            ),
            "sessions",
            "at most 100 sessions in a day",
            id="too-many",
        ),
    ],
)
def test_plan_workday_rejects_bad_arguments(
    call: Callable[[], object], path: str, text: str
) -> None:
    """Each argument is checked, and the error names it."""
    check_rejected(call, path, text)


def test_a_huge_iterable_is_not_read_to_the_end() -> None:
    """An endless iterable of sessions is cut off at the cap."""

    def endless() -> Any:
        while True:
            yield Session(at(9), 50)

    check_rejected(lambda: plan(endless()), "sessions", "at most 10000 sessions")


# Session


def test_session_needs_a_zoned_whole_minute() -> None:
    """Naive datetimes, fixed offsets and seconds are rejected."""
    check_rejected(lambda: Session(dt.datetime(2026, 3, 2, 9), 50), "start", "IANA time zone")
    fixed = dt.datetime(2026, 3, 2, 9, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    check_rejected(lambda: Session(fixed, 50), "start", "fixed offset")
    check_rejected(lambda: Session(at(9).add(seconds=30), 50), "start", "whole minute")


def test_session_ref_is_an_opaque_slug_never_echoed() -> None:
    """A ref with spaces (a name, say) is rejected without being repeated."""
    message = check_rejected(lambda: Session(at(9), 50, ref="Ann Smith"), "ref", "opaque")
    assert "Ann" not in message
    assert "ref=<private>" in repr(Session(at(9), 50, ref="ann"))


def test_session_end_is_in_the_start_zone() -> None:
    """end is start plus the minutes, in the start's zone."""
    session = Session(pendulum.datetime(2026, 3, 2, 9, tz=NEW_YORK), 90)
    assert pendulum.datetime(2026, 3, 2, 10, 30, tz=NEW_YORK) == session.end
    assert NEW_YORK == session.end.timezone_name


def test_session_takes_an_end_instead_of_minutes() -> None:
    """Session(start, end=...) is Session.between(start, end); not both, not neither."""
    assert Session(at(9), 50) == Session(at(9), end=at(9, 50)) == Session.between(at(9), at(9, 50))
    check_rejected(lambda: Session(at(9), 50, end=at(10)), "end", "not both")
    check_rejected(lambda: Session(at(9)), "minutes", "or its end=")
    check_rejected(lambda: Session(at(9), end=at(8)), "end", "ends at or before its start")


def test_the_zone_may_be_given_as_a_zone_object() -> None:
    """A zoneinfo or pendulum zone works like its name."""
    by_name = plan(hourly(10))
    for zone in (zoneinfo.ZoneInfo(LONDON), pendulum.timezone(LONDON)):
        assert by_name == plan_workday(hourly(10), rules=WorkdayRules(), tz=zone)


def test_session_between_needs_whole_minutes() -> None:
    """An end with seconds leaves a part minute."""
    check_rejected(lambda: Session.between(at(9), at(9).add(seconds=90)), "end", "whole number")


def test_sessions_compare_by_instant_and_pickle() -> None:
    """The same instant in two zones is the same session."""
    london = Session(at(10), 50)
    assert Session(pendulum.datetime(2026, 3, 2, 5, tz=NEW_YORK), 50) == london
    assert london == pickle.loads(pickle.dumps(london))


# WorkdayRules


def test_rules_default_to_the_built_in_rituals() -> None:
    """The defaults: an 8-minute transition, 10 minutes of notes, 30 of lunch, 10 to unwind."""
    rules = WorkdayRules()
    assert (8, 10, 30, 10) == (
        rules.transition_minutes,
        rules.notes_minutes,
        rules.lunch_minutes,
        rules.decompression_minutes,
    )
    assert WorkingHours(dt.time(9), dt.time(17)) == rules.hours


def test_rules_take_working_hours_or_a_pair_of_times() -> None:
    """A (start, end) pair means those hours from Monday to Friday."""
    hours = WorkingHours(dt.time(8), dt.time(18), {Weekday.SATURDAY})
    assert hours == WorkdayRules(hours=hours).hours
    assert (
        WorkingHours(dt.time(8), dt.time(18)) == WorkdayRules(hours=(dt.time(8), dt.time(18))).hours
    )


@pytest.mark.parametrize(
    ("changes", "path", "text"),
    [
        pytest.param({"hours": "9-5"}, "hours", "expected WorkingHours", id="hours"),
        pytest.param({"hours": (dt.time(17), dt.time(9))}, "end", "after its start", id="order"),
        pytest.param({"transition": "walk"}, "transition", "expected a Ritual", id="ritual"),
        pytest.param({"transition_minutes": -1}, "transition_minutes", "0 to 240", id="neg"),
        pytest.param({"min_gap": 0}, "min_gap", "1 to 240", id="gap"),
        pytest.param({"notes_per": "session"}, "notes_per", "NotesPer", id="notes-per"),
        pytest.param({"lunch_end": dt.time(11)}, "lunch_end", "after its start", id="window"),
        pytest.param({"lunch_minutes": 150}, "lunch_minutes", "does not fit", id="lunch"),
        pytest.param(
            {"hours": (dt.time(14), dt.time(20))}, "lunch_start", "set lunch_minutes=0", id="out"
        ),
        pytest.param({"max_in_row": 0}, "max_in_row", "1 to 100", id="row"),
        pytest.param({"lunch_start": "noon"}, "lunch_start", "time of day", id="time"),
    ],
)
def test_rules_reject_what_cannot_work(changes: dict[str, Any], path: str, text: str) -> None:
    """Each rule is checked when the rules are built."""
    check_rejected(lambda: WorkdayRules(**changes), path, text)


def test_rules_without_lunch_may_have_any_window() -> None:
    """Lunch of 0 minutes needs no room in working hours."""
    assert 0 == WorkdayRules(hours=(dt.time(14), dt.time(20)), lunch_minutes=0).lunch_minutes


# Values


def test_blocks_validate_themselves() -> None:
    """A block must end after it starts, and only a session block has a session."""
    check_rejected(lambda: Block(BlockKind.FREE, at(10), at(9), "free"), "end", "after its start")
    check_rejected(lambda: Block(BlockKind.SESSION, at(9), at(10), "x"), "session", "needs")
    check_rejected(
        lambda: Block(BlockKind.FREE, at(9), at(10), "x", session=0), "session", "has no"
    )
    check_rejected(lambda: Block(BlockKind.FREE, at(9), at(10), "x", ref="a"), "ref", "no ref")


def test_workday_blocks_must_tile() -> None:
    """A gap between blocks is rejected."""
    day = plan(hourly(10))
    check_rejected(
        lambda: attrs.evolve(day, blocks=day.blocks[1:] + day.blocks[:1]), "blocks", "in order"
    )


def test_warnings_check_their_facts() -> None:
    """Fact names are snake_case and values numbers or short strings."""
    check_rejected(
        lambda: WorkdayWarning(Code.NO_LUNCH, "no lunch", {"Bad Name": 1}), "facts", "snake_case"
    )
    check_rejected(
        lambda: WorkdayWarning(Code.NO_LUNCH, "no lunch", {"x": float("nan")}), "facts[x]", "finite"
    )


def test_figures_check_their_sums() -> None:
    """Client and protected minutes must fit in the span."""
    one = Period(MONDAY, MONDAY)
    check_rejected(lambda: WorkFigures(one, 0, 1, 300, 300, 480, 50, 1), "span_minutes", "hold")
    check_rejected(lambda: WorkFigures(one, 2, 0, 0, 0, 480, 0, 0), "days_off", "at most")


def test_planned_days_pickle_and_compare_equal() -> None:
    """A planned day is a plain, comparable, picklable value."""
    day = plan(hourly(9, 10, 14))
    assert day == pickle.loads(pickle.dumps(day))
    assert day == plan(hourly(9, 10, 14))


# Properties

ZONES = (
    "UTC",
    LONDON,
    NEW_YORK,
    "Europe/Berlin",
    "Australia/Lord_Howe",
    "America/Sao_Paulo",
    "Pacific/Chatham",
    "Asia/Kolkata",
)
# Days with a DST change (or a repeated or skipped midnight) in at least one of the zones.
CHANGE_DAYS = (
    dt.date(2026, 3, 8),
    dt.date(2026, 3, 29),
    dt.date(2026, 4, 5),
    dt.date(2026, 9, 27),
    dt.date(2026, 10, 4),
    dt.date(2026, 10, 25),
    dt.date(2026, 11, 1),
    dt.date(2018, 11, 4),
    dt.date(2019, 2, 16),
)


@st.composite
def rules(draw: st.DrawFn) -> WorkdayRules:
    """Rules with working hours from 06:00-11:00 to 15:00-21:00 and a lunch inside them."""
    start = draw(st.integers(6 * 60, 11 * 60))
    end = draw(st.integers(15 * 60, 21 * 60))
    lunch_start = draw(st.integers(11 * 60, 13 * 60))
    lunch_end = lunch_start + draw(st.integers(30, 120))
    room = min(lunch_end, end) - max(lunch_start, start)
    return WorkdayRules(
        hours=(dt.time(*divmod(start, 60)), dt.time(*divmod(end, 60))),
        transition_minutes=draw(st.integers(0, 15)),
        min_gap=draw(st.integers(1, 15)),
        notes_minutes=draw(st.integers(0, 30)),
        notes_per=draw(st.sampled_from(NotesPer)),
        lunch_start=dt.time(*divmod(lunch_start, 60)),
        lunch_end=dt.time(*divmod(lunch_end, 60)),
        lunch_minutes=draw(st.integers(0, min(room, 60))),
        decompression_minutes=draw(st.integers(0, 30)),
        max_in_row=draw(st.integers(1, 6)),
        min_break_minutes=draw(st.integers(5, 30)),
    )


@st.composite
def days(draw: st.DrawFn) -> tuple[str, dt.date, list[Session]]:
    """A zone, a day (often one with a DST change) and its sessions, in any zones and order."""
    tz = draw(st.sampled_from(ZONES))
    day = draw(st.sampled_from(CHANGE_DAYS) | st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
    first, last = wall(day, dt.time(0), tz), wall(day + dt.timedelta(days=1), dt.time(0), tz)
    cursor = first + draw(st.integers(0, 16 * 60))
    sessions = []
    for _ in range(draw(st.integers(0, 10))):
        cursor += draw(st.sampled_from([0, 0, 5, 10, 15]) | st.integers(0, 180))
        length = draw(st.sampled_from([50, 60, 90]) | st.integers(1, 120))
        if cursor + length > last:
            break
        zone = draw(st.sampled_from([tz, tz, *ZONES]))
        start = pendulum.from_timestamp(cursor * 60, tz=zone)
        sessions.append(Session(start, length))
        cursor += length
    return tz, day, draw(st.permutations(sessions))


def check_invariants(day: Workday, sessions: Sequence[Session], rules: WorkdayRules) -> None:
    """What every planned day must satisfy."""
    tz = day.tz
    spans = [(minute(b.start), minute(b.end)) for b in day.blocks]
    # Ordered, never overlapping, no gaps, none empty.
    assert all(a < b for a, b in spans)
    assert all(spans[i][1] == spans[i + 1][0] for i in range(len(spans) - 1))
    # Sessions are covered exactly.
    given = sorted(
        (minute(s.start), minute(s.start) + s.minutes, i) for i, s in enumerate(sessions)
    )
    found = sorted((minute(b.start), minute(b.end), b.session) for b in day.sessions)
    assert given == found
    # The blocks add up to the span of the day, in real minutes.
    w0, w1 = wall(day.day, rules.hours.start, tz), wall(day.day, rules.hours.end, tz)
    w1 = max(w0, w1)
    low = min([w0, *(s for s, _, _ in given)])
    high = max([w1, *(e for _, e, _ in given)])
    assert high - low == sum(b.minutes for b in day.blocks) == day.figures.span_minutes
    assert (low, high) == (spans[0][0], spans[-1][1])
    # Protected blocks lie within working hours.
    for block in day.blocks:
        if block.protected:
            assert w0 <= minute(block.start) < minute(block.end) <= w1
        assert tz == block.start.timezone_name == block.end.timezone_name
    # Figures agree with the blocks.
    assert sum(s.minutes for s in sessions) == day.figures.client_minutes
    assert sum(b.minutes for b in day.blocks if b.protected) == day.figures.protected_minutes
    assert len(sessions) == day.figures.sessions
    # Transitions follow a session; lunch is in its window; at most one lunch and decompression.
    ends = {e for _, e, _ in given}
    assert all(minute(b.start) in ends for b in day.blocks_of(BlockKind.TRANSITION))
    assert len(day.blocks_of(BlockKind.LUNCH)) <= 1
    assert len(day.blocks_of(BlockKind.DECOMPRESSION)) <= 1
    for lunch in day.blocks_of(BlockKind.LUNCH):
        assert rules.lunch_minutes == lunch.minutes
        l0, l1 = wall(day.day, rules.lunch_start, tz), wall(day.day, rules.lunch_end, tz)
        assert l0 <= minute(lunch.start)
        assert minute(lunch.end) <= l1
    lunch_lost = bool(day.warnings_of(Code.NO_LUNCH))
    assert lunch_lost == (
        bool(sessions) and rules.lunch_minutes > 0 and not day.blocks_of(BlockKind.LUNCH)
    )


def longest_run(sessions: Sequence[Session], min_break: int) -> int:
    """The most sessions in a row without a break, worked out independently."""
    spans = sorted((minute(s.start), minute(s.start) + s.minutes) for s in sessions)
    best = run = 0
    for i, (start, _) in enumerate(spans):
        run = run + 1 if i and start - spans[i - 1][1] < min_break else 1
        best = max(best, run)
    return best


@given(days(), rules())
@example(
    ("Europe/London", dt.date(2026, 10, 25), [Session(at(0, 30, dt.date(2026, 10, 25)), 90)]),
    WorkdayRules(),
)
def test_every_planned_day_keeps_the_invariants(
    case: tuple[str, dt.date, list[Session]], rules: WorkdayRules
) -> None:
    """Blocks are ordered, tile the span exactly, cover the sessions, keep protected time inside
    working hours, and the figures and warnings agree with them."""
    tz, day, sessions = case
    planned = plan_workday(sessions, rules=rules, tz=tz, day=day)
    check_invariants(planned, sessions, rules)
    most = longest_run(sessions, rules.min_break_minutes)
    assert most == planned.figures.most_in_row
    assert (most > rules.max_in_row) == bool(planned.warnings_of(Code.BACK_TO_BACK))


@given(days(), rules(), st.randoms(use_true_random=False))
def test_the_plan_does_not_depend_on_the_order_of_the_sessions(
    case: tuple[str, dt.date, list[Session]], rules: WorkdayRules, random: Any
) -> None:
    """Shuffling the sessions changes only their positions, not the plan."""
    tz, day, sessions = case
    shuffled = list(sessions)
    random.shuffle(shuffled)
    one = plan_workday(sessions, rules=rules, tz=tz, day=day)
    two = plan_workday(shuffled, rules=rules, tz=tz, day=day)
    assert [(b.kind, b.start, b.end) for b in one.blocks] == [
        (b.kind, b.start, b.end) for b in two.blocks
    ]
    assert [w.code for w in one.warnings] == [w.code for w in two.warnings]


@given(days(), rules())
def test_overlapping_a_session_is_always_rejected(
    case: tuple[str, dt.date, list[Session]], rules: WorkdayRules
) -> None:
    """Adding a session that overlaps any other is rejected, naming the later one."""
    tz, day, sessions = case
    assume(sessions)
    victim = sessions[0]
    clash = Session(victim.start, 1)
    with pytest.raises(ValidationError) as caught:
        plan_workday([*sessions, clash], rules=rules, tz=tz, day=day)
    assert caught.value.problems


# The week


def week_of(*hours_by_day: Sequence[int], start: dt.date = MONDAY) -> list[Session]:
    """Sessions on consecutive days from ``start``, at the given hours."""
    return [
        Session(at(h, day=start + dt.timedelta(days=i)), 50)
        for i, hours in enumerate(hours_by_day)
        for h in hours
    ]


def test_a_week_with_a_day_off_has_no_warning() -> None:
    """Monday to Friday of sessions, a weekend off."""
    week = plan_workweek(week_of(*[[10, 11]] * 5), rules=WorkdayRules(), tz=LONDON)
    assert [] == codes(week)
    assert 7 == len(week.days)
    assert (2, 10, 500) == (
        week.figures.days_off,
        week.figures.sessions,
        week.figures.client_minutes,
    )
    assert Period(MONDAY, dt.date(2026, 3, 8)) == week.period == week.weeks[0].period


def test_seven_days_of_sessions_warn_of_no_day_off() -> None:
    """Sessions every day of the week."""
    week = plan_workweek(week_of(*[[10]] * 7), rules=WorkdayRules(), tz=LONDON)
    assert ["no-day-off"] == codes(week)
    assert {"first": "2026-03-02", "last": "2026-03-08", "days": 7} == dict(week.warnings[0].facts)
    assert "Monday 2026-03-02 to Sunday 2026-03-08" in week.warnings[0].message


def test_no_day_off_is_found_across_the_edge_of_a_week() -> None:
    """Thursday to the next Wednesday without a day off is seven days too."""
    sessions = week_of(*[[10]] * 7, start=dt.date(2026, 3, 5))
    week = plan_workweek(sessions, rules=WorkdayRules(), tz=LONDON, start=MONDAY)
    assert ["no-day-off"] == codes(week)
    assert 2 == len(week.weeks)


def test_recovery_falling_week_over_week_is_a_warning() -> None:
    """A light week then a packed one: less non-client time in the second."""
    light = week_of(*[[10]] * 5)
    packed = week_of(*[[9, 10, 11, 12, 13, 14, 15]] * 5, start=dt.date(2026, 3, 9))
    week = plan_workweek(light + packed, rules=WorkdayRules(), tz=LONDON)
    assert ["recovery-falling"] == codes(week)
    facts = week.warnings[0].facts
    assert facts["previous_minutes"] == week.weeks[0].non_client_minutes
    assert facts["minutes"] == week.weeks[1].non_client_minutes
    assert 1500 == facts["fall_minutes"]
    assert "2026-03-09" == facts["week_start"]


def test_recovery_rising_is_not_a_warning() -> None:
    """A packed week then a light one."""
    packed = week_of(*[[9, 10, 11, 12]] * 5)
    light = week_of(*[[10]] * 5, start=dt.date(2026, 3, 9))
    assert [] == codes(plan_workweek(packed + light, rules=WorkdayRules(), tz=LONDON))


def test_a_week_can_be_given_day_by_day() -> None:
    """A mapping from dates to sessions; an empty list is a day off."""
    by_day: dict[dt.date, list[Any]] = {
        MONDAY: hourly(10),
        dt.date(2026, 3, 3): [],
        dt.date(2026, 3, 4): [(at(9, day=dt.date(2026, 3, 4)), 50)],
    }
    week = plan_workweek(by_day, rules=WorkdayRules(), tz=LONDON)
    assert [1, 0, 1, 0, 0, 0, 0] == [d.figures.sessions for d in week.days]


def test_errors_in_a_week_name_the_day_and_position() -> None:
    """A session under the wrong date, and an overlap, both reported."""
    with pytest.raises(ValidationError) as caught:
        plan_workweek(
            {MONDAY: [Session(at(9), 50), Session(at(9, 30), 50)], dt.date(2026, 3, 3): hourly(9)},
            rules=WorkdayRules(),
            tz=LONDON,
        )
    assert ["sessions[2026-03-02][1]", "sessions[2026-03-03][0]"] == [
        p for p, _ in caught.value.problems
    ]


def test_a_flat_week_names_sessions_by_their_position_in_the_list() -> None:
    """Positions refer to the list passed in, across days."""
    sessions = [*week_of([10], [10]), Session(at(10, 30, dt.date(2026, 3, 3)), 50)]
    check_rejected(
        lambda: plan_workweek(sessions, rules=WorkdayRules(), tz=LONDON),
        "sessions[2]",
        "overlaps sessions[1]",
    )


def test_a_week_rejects_sessions_outside_the_weeks_planned() -> None:
    """With start and weeks given, a later session is out of range."""
    check_rejected(
        lambda: plan_workweek(
            week_of([10], start=dt.date(2026, 3, 20)),
            rules=WorkdayRules(),
            tz=LONDON,
            start=MONDAY,
            weeks=1,
        ),
        "sessions[0]",
        "outside the weeks planned (2026-03-02 to 2026-03-08)",
    )


@pytest.mark.parametrize(
    ("kwargs", "path", "text"),
    [
        pytest.param({"sessions": []}, "start", "pass start=", id="empty"),
        pytest.param({"sessions": [], "start": MONDAY, "weeks": 0}, "weeks", "1 to 53", id="weeks"),
        pytest.param({"sessions": {"monday": []}}, "sessions", "expected a date", id="key"),
    ],
)
def test_plan_workweek_rejects_bad_arguments(kwargs: dict[str, Any], path: str, text: str) -> None:
    """The week's own arguments are checked."""
    check_rejected(lambda: plan_workweek(rules=WorkdayRules(), tz=LONDON, **kwargs), path, text)


def test_a_week_over_a_dst_change_counts_real_minutes() -> None:
    """The week with the 23-hour Sunday still adds up, day by day."""
    week = plan_workweek(
        [],
        rules=WorkdayRules(hours=(dt.time(0), dt.time(23, 59))),
        tz=LONDON,
        start=dt.date(2026, 3, 23),
    )
    assert 6 * 1439 + 1379 == week.figures.span_minutes
    assert 7 == week.figures.days_off


def test_workweek_validates_its_days() -> None:
    """Days must follow one another."""
    week = plan_workweek(week_of([10], [10]), rules=WorkdayRules(), tz=LONDON)
    check_rejected(lambda: attrs.evolve(week, days=week.days[::-1]), "days", "consecutive")
    check_rejected(lambda: attrs.evolve(week, days=()), "days", "one or more")


def test_figures_of_the_example_day_are_stable() -> None:
    """A regression pin for the documented example day."""
    day = plan(hourly(9, 10, 11, 13, 14, 15, 16))
    assert (7, 350, 4, 230) == (
        day.figures.sessions,
        day.figures.client_minutes,
        day.figures.most_in_row,
        day.figures.longest_stretch_minutes,
    )


def test_one_minute_reads_as_one_minute_in_a_warning() -> None:
    """A session a minute before working hours: "1 minute before", not "1 minutes"."""
    day = plan([Session(at(8, 59), 50)])
    (early,) = [w for w in day.warnings if w.code is WorkdayWarningCode.STARTS_BEFORE_HOURS]
    assert early.message.endswith("08:59, 1 minute before 09:00")


def test_the_repeated_hour_is_named_in_reasons_when_the_clocks_go_back() -> None:
    """Sessions at 01:30 BST and 01:30 GMT are told apart in the words of the day."""
    first = pendulum.datetime(2026, 10, 25, 0, 30, tz="UTC").in_tz(LONDON)  # 01:30 BST
    day = plan([Session(first, 50), Session(first.add(hours=1), 50)])
    text = " ".join(block.reason for block in day.blocks)
    assert "01:30 BST" in text
    assert "01:30 GMT" in text
