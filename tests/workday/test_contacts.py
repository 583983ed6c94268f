"""Specification of check_boundaries: client contact against a therapist's boundaries."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable, Sequence
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import (
    Boundary,
    BoundaryKind,
    BoundaryViolation,
    ContactEvent,
    ContactKind,
    Session,
    ValidationError,
    Weekday,
    check_boundaries,
)

LONDON = "Europe/London"
NEW_YORK = "America/New_York"
MONDAY = dt.date(2026, 3, 2)
EMAIL, CALL, MESSAGE, SESSION = (
    ContactKind.EMAIL,
    ContactKind.CALL,
    ContactKind.MESSAGE,
    ContactKind.SESSION,
)
AFTER_SIX = Boundary.no_contact_after(dt.time(18))
WEEKENDS = Boundary.no_contact_on([Weekday.SATURDAY, Weekday.SUNDAY])
HOUR_GAP = Boundary.gap_after_last_session(60)


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to see it rejected."""
    return value


def at(hour: int, minute: int = 0, day: dt.date = MONDAY, tz: str = LONDON) -> pendulum.DateTime:
    """A zoned wall-clock time."""
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=tz)


def email(hour: int, minute: int = 0, day: dt.date = MONDAY, tz: str = LONDON) -> ContactEvent:
    """An email sent at a wall-clock time."""
    return ContactEvent(EMAIL, at(hour, minute, day, tz))


def check(
    boundaries: Sequence[Boundary],
    events: Sequence[ContactEvent],
    sessions: Sequence[Any] = (),
    tz: str = LONDON,
) -> tuple[BoundaryViolation, ...]:
    """check_boundaries in London."""
    return check_boundaries(boundaries, events, tz=tz, sessions=sessions)


def times(found: Sequence[BoundaryViolation]) -> list[str]:
    """When each violating contact happened, by the wall clock in London."""
    return [v.event.at.in_timezone(LONDON).format("ddd HH:mm") for v in found]


def check_rejected(build: Callable[[], object], path: str, expected: str) -> None:
    """Building must fail with a ValidationError on ``path`` whose message has ``expected``."""
    with pytest.raises(ValidationError) as caught:
        build()
    assert path == caught.value.problems[0][0]
    assert expected in caught.value.problems[0][1]


# No contact after a time


@pytest.mark.parametrize(
    ("hour", "minute", "day", "broken"),
    [
        pytest.param(17, 59, MONDAY, False, id="before"),
        pytest.param(18, 0, MONDAY, True, id="at-the-time"),
        pytest.param(21, 15, MONDAY, True, id="evening"),
        pytest.param(0, 30, dt.date(2026, 3, 3), True, id="after-midnight"),
        pytest.param(4, 59, dt.date(2026, 3, 3), True, id="before-morning"),
        pytest.param(5, 0, dt.date(2026, 3, 3), False, id="morning"),
        pytest.param(9, 0, dt.date(2026, 3, 3), False, id="working-day"),
    ],
)
def test_no_contact_after_runs_from_its_time_until_the_morning(
    hour: int, minute: int, day: dt.date, broken: bool
) -> None:
    """From 18:00 until 05:00 the next morning is after hours."""
    found = check([AFTER_SIX], [email(hour, minute, day)])
    assert broken == bool(found)


def test_a_violation_says_what_happened_and_which_boundary() -> None:
    """The message names the contact, the local time and the boundary in plain words."""
    (found,) = check([AFTER_SIX], [email(21, 15)])
    assert AFTER_SIX is found.boundary
    assert (
        "an email at 21:15 on Monday 2026-03-02 breaks the boundary: no client contact after 18:00"
        == found.message
    )
    assert {
        "kind": "email",
        "at": "2026-03-02T21:15:00+00:00",
        "local_time": "21:15",
        "after": "18:00",
        "first": "2026-03-02T21:15:00+00:00",
    } == dict(found.facts)


def test_times_are_read_in_the_therapists_zone() -> None:
    """An email sent at 14:00 in New York is 19:00 in London."""
    found = check([AFTER_SIX], [email(14, tz=NEW_YORK)])
    assert "19:00" == found[0].facts["local_time"]
    assert [] == list(check([AFTER_SIX], [email(14, tz=NEW_YORK)], tz=NEW_YORK))


def test_a_session_that_runs_into_the_evening_breaks_no_contact_after() -> None:
    """A session from 17:30 to 18:20 is client contact after 18:00; one ending at 18:00 is not."""
    late = check([AFTER_SIX], [], sessions=[Session(at(17, 30), 50)])
    assert 1 == len(late)
    assert "(it is still going at 18:00)" in late[0].message
    assert () == check([AFTER_SIX], [], sessions=[Session(at(17), 60)])


def test_a_long_call_over_the_evening_start_breaks_it() -> None:
    """A call that starts before 18:00 and goes on past it."""
    call = ContactEvent(CALL, at(17, 45), minutes=30)
    assert "a call from 17:45 to 18:15" in check([AFTER_SIX], [call])[0].message


def test_an_early_boundary_covers_only_the_small_hours() -> None:
    """No contact after 02:00 runs to 05:00 the same night."""
    boundary = Boundary.no_contact_after(dt.time(2))
    assert ["Mon 03:00"] == times(check([boundary], [email(3), email(23)]))


def test_no_contact_after_on_a_dst_day() -> None:
    """The clocks going forward do not move the evening."""
    spring = dt.date(2026, 3, 29)
    assert ["Sun 18:30"] == times(
        check([AFTER_SIX], [email(17, 30, spring), email(18, 30, spring)])
    )


# Days off


def test_no_contact_on_days_off() -> None:
    """A Saturday email breaks it; Friday night and Monday morning do not."""
    found = check(
        [WEEKENDS],
        [
            email(23, 59, dt.date(2026, 3, 6)),
            email(10, 0, dt.date(2026, 3, 7)),
            email(0, 0, dt.date(2026, 3, 9)),
        ],
    )
    assert ["Sat 10:00"] == times(found)
    assert {"weekday": "saturday", "day": "2026-03-07"} == {
        k: found[0].facts[k] for k in ("weekday", "day")
    }
    assert "no client contact on Saturday and Sunday" in found[0].message


def test_a_session_on_a_day_off_breaks_it() -> None:
    """Sessions are client contact too."""
    found = check([WEEKENDS], [], sessions=[Session(at(10, day=dt.date(2026, 3, 8)), 50)])
    assert [SESSION] == [v.event.kind for v in found]


def test_days_off_are_read_in_the_therapists_zone() -> None:
    """Friday 20:00 in New York is already Saturday in London."""
    friday_evening = email(20, 0, dt.date(2026, 3, 6), NEW_YORK)
    assert 1 == len(check([WEEKENDS], [friday_evening]))
    assert () == check([WEEKENDS], [friday_evening], tz=NEW_YORK)


# A gap after the last session


def test_contact_soon_after_the_last_session_breaks_the_gap() -> None:
    """An email 30 minutes after the last session ends breaks a 60-minute gap; 60 does not."""
    sessions = [Session(at(15), 50), Session(at(16), 50)]
    found = check([HOUR_GAP], [email(15, 55), email(17, 20), email(17, 50)], sessions)
    assert ["Mon 17:20"] == times(found)
    assert {
        "minutes_after": 30,
        "gap_minutes": 60,
        "last_session_end": "2026-03-02T16:50:00+00:00",
    } == {k: found[0].facts[k] for k in ("minutes_after", "gap_minutes", "last_session_end")}
    assert "it started 30 minutes after the last session ended at 16:50" in found[0].message


def test_each_day_has_its_own_last_session() -> None:
    """Monday's and Tuesday's last sessions each start their own gap."""
    tuesday = dt.date(2026, 3, 3)
    sessions = [Session(at(12), 50), Session(at(14, day=tuesday), 50)]
    events = [email(13), email(13, day=tuesday), email(15, day=tuesday)]
    assert ["Mon 13:00", "Tue 15:00"] == times(check([HOUR_GAP], events, sessions))


def test_session_events_with_a_length_count_as_sessions() -> None:
    """Without sessions=, session events with minutes say when the last session ended."""
    events = [ContactEvent(SESSION, at(16), minutes=50), ContactEvent(MESSAGE, at(17))]
    found = check([HOUR_GAP], events)
    assert [MESSAGE] == [v.event.kind for v in found]


def test_without_sessions_there_is_no_gap_to_check() -> None:
    """No session that day, nothing to measure from."""
    assert () == check([HOUR_GAP], [email(17)])


def test_the_gap_counts_real_minutes_across_a_dst_change() -> None:
    """The clocks go back at 02:00: 01:45 GMT is 135 real minutes after 00:30 BST."""
    autumn = dt.date(2026, 10, 25)
    session = Session(at(0, 0, autumn), 30)  # ends 00:30 BST
    two_hours = Boundary.gap_after_last_session(120)
    second_0145 = ContactEvent(EMAIL, pendulum.datetime(2026, 10, 25, 1, 45, tz=LONDON))
    first_0115 = ContactEvent(EMAIL, pendulum.datetime(2026, 10, 25, 0, 15, tz="UTC"))
    assert 1 == second_0145.at.fold
    found = check([two_hours], [second_0145, first_0115], [session])
    assert [45] == [v.facts["minutes_after"] for v in found]


def test_a_long_message_is_still_a_valid_violation() -> None:
    """Every boundary of the longest kind still makes a violation with its full message."""
    every_day = Boundary.no_contact_on(list(Weekday))
    day_long = Boundary.gap_after_last_session(1440)
    wednesday = dt.date(2026, 3, 4)
    found = check(
        [every_day, day_long],
        [ContactEvent(CALL, at(23, 59, wednesday), minutes=1)],
        [Session(at(0, day=wednesday), 50)],
    )
    assert [SESSION, CALL, CALL] == [v.event.kind for v in found]
    assert 200 < len(found[2].message)


def test_the_gap_reaches_past_midnight() -> None:
    """A late session's gap runs on into the next day."""
    found = check([HOUR_GAP], [email(0, 10, dt.date(2026, 3, 3))], [Session(at(23, 30), 20)])
    assert 1 == len(found)


# Together


def test_custom_boundaries_are_skipped() -> None:
    """A boundary in the person's own words cannot be checked."""
    assert () == check([Boundary.custom("no texts from Ann")], [email(22)])


def test_violations_come_in_the_order_of_the_contact_then_the_boundaries() -> None:
    """One contact can break several boundaries; the order is stable."""
    saturday = dt.date(2026, 3, 7)
    found = check([WEEKENDS, AFTER_SIX], [email(22, day=saturday), email(19)])
    assert [
        ("Mon 19:00", "no-contact-after"),
        ("Sat 22:00", "no-contact-on-days"),
        ("Sat 22:00", "no-contact-after"),
    ] == [(t, v.boundary.kind.value) for t, v in zip(times(found), found, strict=True)]


def test_the_same_contact_given_twice_counts_once() -> None:
    """A session passed as a session and as an identical session event is one contact."""
    session = Session(at(18, 30), 50)
    found = check([AFTER_SIX], [ContactEvent.of_session(session)], [session])
    assert 1 == len(found)


def test_messages_never_show_the_boundary_description_or_a_ref() -> None:
    """The person's own words and the app's references stay out of messages."""
    boundary = Boundary.no_contact_after(dt.time(18), description="because of Ann's crisis")
    event = ContactEvent(EMAIL, at(20), ref="ann-smith")
    (found,) = check([boundary], [event])
    assert "Ann" not in found.message
    assert "ann" not in found.message
    assert "ann-smith" not in repr(found)


@pytest.mark.parametrize(
    ("call", "path", "text"),
    [
        pytest.param(
            lambda: check([wrong("no email")], []),
            "boundaries[0]",
            "expected a Boundary",
            id="boundary",
        ),
        pytest.param(
            lambda: check(wrong(AFTER_SIX), []), "boundaries", "expected a list", id="lone"
        ),
        pytest.param(
            lambda: check([], [email(9), wrong(at(9))]),
            "events[1]",
            "expected a ContactEvent",
            id="event",
        ),
        pytest.param(
            lambda: check([], [], [(at(9), 0)]), "sessions[0].minutes", "1 to 1440", id="session"
        ),
        pytest.param(lambda: check([], [], tz="Nowhere"), "tz", "IANA", id="tz"),
        pytest.param(lambda: check([AFTER_SIX] * 101, []), "boundaries", "at most 100", id="many"),
    ],
)
def test_check_boundaries_rejects_bad_arguments(
    call: Callable[[], object], path: str, text: str
) -> None:
    """Each argument is checked, by position."""
    check_rejected(call, path, text)


def test_contact_events_validate_themselves() -> None:
    """A contact event needs a kind, a zoned time and a sensible length."""
    check_rejected(lambda: ContactEvent(wrong("email"), at(9)), "kind", "ContactKind")
    check_rejected(lambda: ContactEvent(EMAIL, dt.datetime(2026, 3, 2, 9)), "at", "IANA")
    check_rejected(lambda: ContactEvent(CALL, at(9), minutes=0), "minutes", "1 to 1440")
    check_rejected(lambda: ContactEvent(CALL, at(9), ref="Ann Smith"), "ref", "opaque")


def test_values_pickle_and_compare() -> None:
    """Violations are plain values."""
    found = check([AFTER_SIX, WEEKENDS, HOUR_GAP], [email(20, day=dt.date(2026, 3, 7))])
    assert found == pickle.loads(pickle.dumps(found))
    assert BoundaryKind.NO_CONTACT_AFTER is found[0].boundary.kind


ZONES = ("UTC", LONDON, NEW_YORK, "Australia/Lord_Howe", "Asia/Kolkata")


@given(
    st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2030, 12, 31)),
    st.sampled_from(ZONES),
    st.sampled_from(ZONES),
    st.integers(5 * 60, 23 * 60 + 59),
)
def test_after_hours_means_at_or_after_the_time_or_before_the_morning(
    when: dt.datetime, recorded_in: str, tz: str, after: int
) -> None:
    """For an evening boundary, contact breaks it exactly when its local time is late or early."""
    event = ContactEvent(
        EMAIL, pendulum.instance(when.replace(second=0, microsecond=0), tz=recorded_in)
    )
    boundary = Boundary.no_contact_after(dt.time(*divmod(after, 60)))
    local = event.at.in_timezone(tz).time()
    assert boundary.after is not None
    late = local >= boundary.after or local < dt.time(5)
    assert late == bool(check_boundaries([boundary], [event], tz=tz))
