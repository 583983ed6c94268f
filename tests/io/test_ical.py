"""Plans and working days out to iCalendar, checked by independent readers.

The text ``to_ical`` writes is parsed by ``icalendar`` and by ``vobject`` (a second parser,
which builds its zones from the VTIMEZONE alone), and its events are expanded by
``recurring-ical-events`` (an RFC 5545 expander on dateutil); the instants must be exactly
those :meth:`PlanItem.occurrences` gives.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zoneinfo
from collections import Counter
from typing import Any

import attrs
import icalendar
import pendulum
import pytest
import recurring_ical_events
import vobject
from hypothesis import assume, given
from hypothesis import strategies as st

from selfcare import (
    Anchor,
    Contributor,
    InfeasiblePlanError,
    Journal,
    Pause,
    PauseKind,
    Period,
    Plan,
    PlanItem,
    Practice,
    Profile,
    Recurrence,
    Reflection,
    Role,
    Session,
    ValidationError,
    Weekday,
    WorkdayRules,
    default_catalog,
    generate_plan,
    plan_workday,
    plan_workweek,
)
from selfcare.ical import to_ical
from selfcare.testing import ZONES, profiles, recurrences, workdays

CATALOG = default_catalog()
IDS = sorted(s.id for s in CATALOG.strategies)
AT = pendulum.datetime(2026, 1, 1, tz="UTC")


def expand(text: str, first: dt.date, last: dt.date) -> dict[str, list[Any]]:
    """Each event's instances (start values) by UID prefix, by an independent expander."""
    calendar = icalendar.Calendar.from_ical(text)
    low = dt.datetime.combine(first - dt.timedelta(days=2), dt.time(), dt.UTC)
    high = dt.datetime.combine(last + dt.timedelta(days=3), dt.time(), dt.UTC)
    found: dict[str, list[Any]] = {}
    for event in recurring_ical_events.of(calendar).between(low, high):
        found.setdefault(str(event["UID"]), []).append(event["DTSTART"].dt)
    return found


def expected(plan: Plan) -> dict[str, list[Any]]:
    """Each item's and timed ritual's instants (timestamps) or dates, from the library."""
    first, last = plan.period.first, plan.period.last
    wanted: dict[str, list[Any]] = {}

    def add(uid: str, rule: Recurrence, pauses: Any = ()) -> None:
        item = PlanItem("x", rule, 10, pauses=pauses)
        if rule.times:
            for o in item.occurrences(
                first, last + dt.timedelta(days=1), tz=plan.timezone, origin=first
            ):
                wanted.setdefault(uid, []).append(o.timestamp())
        else:
            days = item.dates(first, last, origin=first)
            if days:
                wanted[f"{uid}/day@selfcare"] = list(days)

    rest = plan.rest_periods  # the plan's pauses act on every item and timed ritual
    for item in plan.items:
        add(f"{plan.id}/items/{item.strategy_id}", item.recurrence, (*item.pauses, *rest))
    for ritual in plan.rituals:
        if ritual.anchor.time is not None:
            add(
                f"{plan.id}/rituals/{ritual.id}",
                attrs.evolve(ritual.recurrence, times=(ritual.anchor.time,)),
                rest,
            )
    return wanted


def assert_same_instants(plan: Plan, text: str) -> None:
    """The expander's instants of each item equal the library's, time slots merged."""
    got = expand(text, plan.period.first, plan.period.last)
    merged: dict[str, Counter[Any]] = {}
    for uid, starts in got.items():
        if f"{plan.id}/pauses/" in uid:  # the rests themselves: see rest_events
            continue
        if uid.endswith("/day@selfcare"):
            merged[uid] = Counter(starts)
        else:  # one event per time of day: .../<n>@selfcare
            base = uid.rsplit("/", 1)[0]
            merged.setdefault(base, Counter()).update(s.timestamp() for s in starts)
    wanted = {uid: Counter(v) for uid, v in expected(plan).items()}
    assert wanted == merged


def assert_zones_agree(text: str, key: str, first: dt.date, last: dt.date) -> None:
    """vobject's reading of the VTIMEZONE gives the tz database's offset at every change."""
    calendar = vobject.readOne(text)
    zones = {tz.tzid.value: tz.gettzinfo() for tz in calendar.contents.get("vtimezone", [])}
    if "UTC" == key:  # written as UTC times (with Z), which need no VTIMEZONE
        assert {} == zones
        return
    assert {key} == set(zones)
    real = zoneinfo.ZoneInfo(key)
    moment = dt.datetime.combine(first, dt.time(), dt.UTC) - dt.timedelta(days=1)
    end = dt.datetime.combine(last, dt.time(), dt.UTC) + dt.timedelta(days=2)
    while moment < end:  # each hour: every change of offset is on the hour or half hour
        local = moment.astimezone(real)
        if local.replace(fold=0).utcoffset() == local.replace(fold=1).utcoffset():
            # (dateutil, under vobject, reads the repeated hour of a change by its own rule)
            assert local.utcoffset() == moment.astimezone(zones[key]).utcoffset()
        moment += dt.timedelta(hours=1)


def events_of(text: str) -> list[Any]:
    """The VEVENT components of the text, as icalendar reads them."""
    found: list[Any] = icalendar.Calendar.from_ical(text).walk("VEVENT")
    return found


def vevent_lines(text: str, name: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(name)]


# --- plans ---------------------------------------------------------------------------------


@st.composite
def plans_in_zones(draw: st.DrawFn) -> Plan:
    """Plans of built-in strategies with any recurrence, pauses included, in unusual zones."""
    first = draw(st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 1)))
    period = Period(first, first + dt.timedelta(days=draw(st.integers(0, 120))))
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=4, unique=True))
    items = []
    for strategy_id in ids:
        rule = draw(recurrences())
        assume(rule.count is None or rule.count <= 500)
        pauses = draw(
            st.lists(
                st.builds(
                    lambda a, n: Period(a, a + dt.timedelta(days=n)),
                    st.dates(period.first, period.last),
                    st.integers(0, 10),
                ),
                max_size=2,
            )
        )
        items.append(PlanItem(strategy_id, rule, draw(st.integers(0, 90)), pauses=pauses))
    return Plan(
        id="plan-1",
        role=Role.CLIENT,
        timezone=draw(st.sampled_from(ZONES)),
        period=period,
        items=items,
    )


@given(plans_in_zones())
def test_a_plans_events_expand_to_exactly_its_occurrences(plan: Plan) -> None:
    """Any recurrence, skipped dates, counts and pauses: the expander agrees with the library."""
    text = to_ical(plan, at=AT)
    assert_same_instants(plan, text)


@given(profiles(), st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 1)))
def test_generated_plans_round_the_year_expand_to_their_occurrences(
    profile: Profile, start: dt.date
) -> None:
    """Generated plans in any zone, across either change of the clocks, rituals included."""
    try:
        plan = generate_plan(profile, start=start, weeks=6)
    except InfeasiblePlanError:
        assume(False)
        raise
    text = to_ical(plan, at=AT)
    assert_same_instants(plan, text)
    for event in events_of(text):
        if "RRULE" in event:
            (until,) = event["RRULE"]["UNTIL"]
            if isinstance(event["DTSTART"].dt, dt.datetime):  # RFC 5545: then UNTIL is UTC
                assert dt.timedelta(0) == until.utcoffset()
                assert "Z" == event["RRULE"].to_ical().decode().split("UNTIL=")[1][15]
            else:
                assert not isinstance(until, dt.datetime)


@pytest.mark.parametrize("key", ZONES)
def test_every_zone_gets_a_vtimezone_that_agrees_with_the_tz_database(key: str) -> None:
    """The VTIMEZONE alone (read by vobject) gives each hour of two years the right offset."""
    plan = generate_plan(
        Profile(role=Role.CLIENT, timezone=key, daily_minutes=40),
        start=dt.date(2026, 1, 5),
        weeks=52,
    )
    text = to_ical(plan, at=AT)
    assert_zones_agree(text, key, plan.period.first, plan.period.last)
    assert (1 if "UTC" != key else 0) == text.count("BEGIN:VTIMEZONE")
    zones = {line.split(";")[1].split(":")[0] for line in vevent_lines(text, "DTSTART;TZID")}
    assert ({f"TZID={key}"} if "UTC" != key else set()) == zones


@pytest.mark.parametrize(
    "key",
    [
        "Asia/Gaza",  # rules that changed from year to year
        "Asia/Jerusalem",
        "Europe/Dublin",  # daylight saving time in winter, by the tz database's reckoning
        "Africa/Casablanca",  # a change back and forth around Ramadan each year
        "America/Santiago",
        "Asia/Tehran",  # gave up daylight saving time in 2022
        "America/Nuuk",  # moved its standard offset in 2023
    ],
)
def test_zones_whose_rules_changed_get_a_vtimezone_right_for_six_years(key: str) -> None:
    """Rules cut short end after their last change; vobject agrees with the tz database."""
    plan = attrs.evolve(
        PLAN, timezone=key, period=Period(dt.date(2024, 1, 1), dt.date(2029, 12, 31))
    )
    text = to_ical(plan, at=AT)
    assert_zones_agree(text, key, plan.period.first, plan.period.last)


@pytest.mark.parametrize(
    ("key", "rules"),
    [
        (
            "Europe/Berlin",
            {"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"},
        ),
        (
            "America/New_York",
            {"FREQ=YEARLY;BYDAY=2SU;BYMONTH=3", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11"},
        ),
        (
            "Europe/London",
            {"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"},
        ),
        ("Asia/Tokyo", set()),
    ],
)
def test_zones_with_rules_are_written_as_yearly_rules_not_lists_of_dates(
    key: str, rules: set[str]
) -> None:
    """One STANDARD and one DAYLIGHT observance with a BYDAY rule, as Outlook reads best."""
    plan = generate_plan(
        Profile(role=Role.CLIENT, timezone=key, daily_minutes=40),
        start=dt.date(2026, 10, 5),
        weeks=20,
    )
    text = to_ical(plan, at=AT)
    zone = text.split("BEGIN:VTIMEZONE")[1].split("END:VTIMEZONE")[0]
    assert rules == {line.removeprefix("RRULE:") for line in zone.splitlines() if "RRULE" in line}
    assert "RDATE" not in zone


def test_uids_are_stable_and_a_revision_updates_and_cancels_events() -> None:
    """Re-exporting a revised plan keeps each UID, raises SEQUENCE, and cancels what was removed."""
    plan = generate_plan(
        Profile(role=Role.CLIENT, timezone="Europe/London", daily_minutes=40),
        start=dt.date(2026, 11, 30),
    )
    plan = attrs.evolve(plan, contributors=[Contributor("client-1", Role.CLIENT)])
    before = icalendar.Calendar.from_ical(to_ical(plan, at=AT))
    removed = plan.items[0].strategy_id
    revised = plan.revise(
        by="client-1",
        at=pendulum.datetime(2026, 12, 10, tz="Europe/London"),
        reason="too much at once",
        remove=[removed],
    )
    again = icalendar.Calendar.from_ical(to_ical(plan, at=AT))
    after = icalendar.Calendar.from_ical(
        to_ical(revised, at=pendulum.datetime(2026, 12, 10, tz="UTC"), cancelled=True)
    )
    uids = [str(e["UID"]) for e in before.walk("VEVENT")]
    assert uids == [str(e["UID"]) for e in again.walk("VEVENT")]
    events = {str(e["UID"]): e for e in after.walk("VEVENT")}
    assert set(uids) == set(events)
    for uid, event in events.items():
        assert 1 == event["SEQUENCE"]
        gone = f"/items/{removed}/" in uid
        assert gone == ("CANCELLED" == event.get("STATUS"))
    without = to_ical(revised, at=AT)
    assert f"/items/{removed}/" not in without


def test_reasons_are_written_only_when_asked() -> None:
    """DESCRIPTION carries the reasons with reasons=True, and nothing otherwise."""
    plan = generate_plan(
        Profile(role=Role.CLIENT, timezone="Europe/London", daily_minutes=40),
        start=dt.date(2026, 11, 30),
    )
    assert [] == vevent_lines(to_ical(plan, at=AT), "DESCRIPTION")
    calendar = icalendar.Calendar.from_ical(to_ical(plan, at=AT, reasons=True))
    for event in calendar.walk("VEVENT"):
        strategy_id = str(event["UID"]).split("/")[2]
        if "/items/" in str(event["UID"]):
            texts = [r.text for r in plan.item(strategy_id).reasons]
            assert "\n".join(texts) == str(event["DESCRIPTION"])


def test_reminders_are_alarms_on_timed_events() -> None:
    """Each reminder is a VALARM that many minutes before every timed event."""
    plan = generate_plan(
        Profile(role=Role.CLIENT, timezone="Europe/London", daily_minutes=40),
        start=dt.date(2026, 11, 30),
    )
    for event in events_of(to_ical(plan, at=AT, reminders=[10, 60])):
        triggers = sorted(a["TRIGGER"].dt for a in event.walk("VALARM"))
        if isinstance(event["DTSTART"].dt, dt.datetime):
            assert [dt.timedelta(minutes=-60), dt.timedelta(minutes=-10)] == triggers
        else:
            assert [] == triggers


REMINDERS = st.lists(st.integers(0, 7 * 1440), max_size=3, unique=True)


@st.composite
def rests(draw: st.DrawFn, within: Period) -> list[Pause]:
    """Up to three rests of the whole plan inside its period, apart from each other."""
    found: list[Pause] = []
    for _ in range(draw(st.integers(0, 3))):
        first = draw(st.dates(within.first, within.last))
        last = min(within.last, first + dt.timedelta(days=draw(st.integers(0, 14))))
        if all(p.period.last < first or last < p.period.first for p in found):
            found.append(Pause(Period(first, last), draw(st.sampled_from(PauseKind))))
    return found


@st.composite
def rested_plans(draw: st.DrawFn) -> Plan:
    """Plans with reminders of their own on some items and a timed ritual, and rests."""
    plan = draw(plans_in_zones())
    items = [attrs.evolve(i, reminders=draw(REMINDERS)) for i in plan.items]
    ritual = attrs.evolve(
        CATALOG.rituals[0],
        anchor=Anchor.at(dt.time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 30])))),
        recurrence=draw(recurrences(with_times=False)),
        reminders=draw(REMINDERS),
    )
    return attrs.evolve(plan, items=items, rituals=[ritual], pauses=draw(rests(plan.period)))


def rest_events(text: str) -> list[Any]:
    """The all-day events of the plan's rests."""
    return [e for e in events_of(text) if "/pauses/" in str(e["UID"])]


@given(rested_plans(), st.lists(st.integers(0, 7 * 1440), max_size=2, unique=True))
def test_no_occurrence_falls_on_a_rest_and_each_reminder_is_an_alarm(
    plan: Plan, reminders: list[int]
) -> None:
    """The expander finds nothing on a paused day; each event's alarms are its reminders."""
    text = to_ical(plan, at=AT, reminders=reminders)
    assert_same_instants(plan, text)
    zone = zoneinfo.ZoneInfo(plan.timezone)
    for uid, starts in expand(text, plan.period.first, plan.period.last).items():
        if "/pauses/" in uid:
            continue
        for start in starts:
            day = start.astimezone(zone).date() if isinstance(start, dt.datetime) else start
            assert plan.pause_on(day) is None
    own = {f"{plan.id}/items/{i.strategy_id}": i.reminders for i in plan.items}
    own |= {f"{plan.id}/rituals/{r.id}": r.reminders for r in plan.rituals}
    for event in events_of(text):
        uid = str(event["UID"])
        if "/pauses/" in uid:
            assert [] == event.walk("VALARM")
            continue
        mine = own[uid.rsplit("/", 1)[0]]
        timed = isinstance(event["DTSTART"].dt, dt.datetime)
        wanted = sorted(mine or (reminders if timed else ()))
        alarms = event.walk("VALARM")
        assert [dt.timedelta(minutes=-m) for m in wanted] == [a["TRIGGER"].dt for a in alarms]
        assert all("DISPLAY" == a["ACTION"] for a in alarms)
        assert all(str(event["SUMMARY"]).startswith(str(a["DESCRIPTION"])) for a in alarms)
    rests = sorted(plan.pauses, key=lambda p: p.period.first)
    assert [
        (
            f"{plan.id}/pauses/{p.period.first.isoformat()}@selfcare",
            f"Resting: {p.kind.value}",
            p.period.first,
            p.period.last + dt.timedelta(days=1),
            "TRANSPARENT",
        )
        for p in rests
    ] == [
        (str(e["UID"]), str(e["SUMMARY"]), e["DTSTART"].dt, e["DTEND"].dt, str(e["TRANSP"]))
        for e in rest_events(text)
    ]


def test_an_all_day_items_own_reminders_count_back_from_the_start_of_its_day() -> None:
    """The call's reminders stay off all-day events; an item's own are alarms on them."""
    plan = attrs.evolve(
        PLAN,
        items=[
            PlanItem("short-walk", Recurrence.daily(), 20, reminders=[60, 0]),
            PlanItem("mindful-breathing", Recurrence.daily(), 5),
        ],
    )
    events = {str(e["UID"]): e for e in events_of(to_ical(plan, at=AT, reminders=[10]))}
    walk = events["plan-1/items/short-walk/day@selfcare"]
    breathing = events["plan-1/items/mindful-breathing/day@selfcare"]
    assert [dt.timedelta(0), dt.timedelta(minutes=-60)] == [
        a["TRIGGER"].dt for a in walk.walk("VALARM")
    ]
    assert ["Short walk", "Short walk"] == [str(a["DESCRIPTION"]) for a in walk.walk("VALARM")]
    assert [] == breathing.walk("VALARM")


def test_a_rest_removed_by_a_revision_is_cancelled_and_a_new_one_added() -> None:
    """Rests keep their UID by their first day; cancelled=True cancels one a revision removed."""
    holiday = Pause(Period(dt.date(2026, 3, 9), dt.date(2026, 3, 15)), PauseKind.HOLIDAY)
    plan = attrs.evolve(PLAN, contributors=[Contributor("client-1", Role.CLIENT)], pauses=[holiday])
    ill = Pause(Period(dt.date(2026, 3, 20), dt.date(2026, 3, 21)), PauseKind.ILLNESS)
    revised = plan.revise(
        by="client-1",
        at=pendulum.datetime(2026, 3, 8, tz="Europe/London"),
        reason="not going away after all",
        pauses=[ill],
    )
    text = to_ical(revised, at=AT, cancelled=True)
    assert [
        ("plan-1/pauses/2026-03-20@selfcare", "Resting: illness", None),
        ("plan-1/pauses/2026-03-09@selfcare", "Resting: holiday", "CANCELLED"),
    ] == [(str(e["UID"]), str(e["SUMMARY"]), e.get("STATUS")) for e in rest_events(text)]
    (walk,) = [e for e in events_of(text) if "/items/" in str(e["UID"])]
    assert [dt.datetime(2026, 3, d, 12) for d in (20, 21)] == sorted(
        d.dt.replace(tzinfo=None) for d in walk["EXDATE"].dts
    )


def test_a_rest_never_shows_why_it_was_taken_nor_any_practice_note() -> None:
    """The revision's reason and practice notes stay out of the calendar, whatever is asked."""
    plan = attrs.evolve(PLAN, contributors=[Contributor("client-1", Role.CLIENT)])
    rested = plan.pause(
        Pause(Period(dt.date(2026, 3, 9), dt.date(2026, 3, 15)), PauseKind.BREAK),
        by="client-1",
        at=pendulum.datetime(2026, 3, 8, tz="Europe/London"),
        reason="CANARY-REASON-91",
    )
    # reflections are not part of a plan's calendar; their notes must not reach it either way
    note = Reflection(
        at=pendulum.datetime(2026, 3, 3, 21, tz="Europe/London"),
        author=Role.CLIENT,
        practised=[Practice.done("short-walk", 20, note="CANARY-NOTE-7f3a")],
        journal=Journal(note="CANARY-NOTE-7f3a"),
    )
    assert note.practised[0].note is not None
    for options in ({}, {"reasons": True}, {"cancelled": True, "reminders": [10]}):
        text = to_ical(rested, at=AT, **options)
        assert "CANARY-REASON-91" not in text
        assert "CANARY-NOTE-7f3a" not in text
        assert ["SUMMARY:Resting: break"] == [
            line for line in vevent_lines(text, "SUMMARY") if "Resting" in line
        ]


def test_several_times_a_day_and_a_flexible_week_become_concrete_events() -> None:
    """Twice a day is two events; three times a week is the days it falls on."""
    plan = Plan(
        id="plan-1",
        role=Role.CLIENT,
        timezone="America/New_York",
        period=Period(dt.date(2026, 3, 2), dt.date(2026, 3, 29)),
        items=[
            PlanItem("mindful-breathing", Recurrence.daily(at=[dt.time(7), dt.time(21)]), 3),
            PlanItem("short-walk", Recurrence.times_per_week(3, at=dt.time(12)), 20),
        ],
    )
    text = to_ical(plan, at=AT)
    uids = {str(e["UID"]) for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}
    assert {
        "plan-1/items/mindful-breathing/1@selfcare",
        "plan-1/items/mindful-breathing/2@selfcare",
        "plan-1/items/short-walk/1@selfcare",
    } == uids
    assert_same_instants(plan, text)


def test_the_supervision_of_a_monthly_rule_and_a_timed_ritual_are_exported() -> None:
    """A monthly rule stays monthly; a ritual at a time of day is an event of its own."""
    plan = Plan(
        id="plan-1",
        role=Role.THERAPIST,
        timezone="Europe/Berlin",
        period=Period(dt.date(2026, 1, 5), dt.date(2026, 6, 28)),
        items=[
            PlanItem(
                "peer-supervision",
                Recurrence.monthly(weekday=Weekday.TUESDAY, nth=2, at=dt.time(16)),
                60,
            )
        ],
        rituals=[attrs.evolve(CATALOG.rituals[0], anchor=Anchor.at(dt.time(21)))],
    )
    text = to_ical(plan, at=AT)
    assert ["RRULE:FREQ=MONTHLY;UNTIL=20260609T140000Z;BYDAY=2TU"] == vevent_lines(
        text, "RRULE:FREQ=MONTHLY"
    )
    assert_same_instants(plan, text)


# --- working days --------------------------------------------------------------------------


@given(workdays())
def test_a_workdays_protected_blocks_are_busy_events_and_sessions_stay_out(day: Any) -> None:
    """Transitions, notes, lunch and decompression as OPAQUE events at the blocks' instants."""
    text = to_ical(day, at=AT, owner="therapist-1")
    events = events_of(text)
    protected = [b for b in day.blocks if b.protected]
    assert [b.start.timestamp() for b in protected] == [e["DTSTART"].dt.timestamp() for e in events]
    assert [b.minutes for b in protected] == [
        e["DURATION"].dt // dt.timedelta(minutes=1) for e in events
    ]
    assert all("OPAQUE" == e["TRANSP"] for e in events)
    assert "Client session" not in text


def test_sessions_are_exported_only_when_asked_and_without_the_apps_text() -> None:
    """sessions=True adds each session as "Client session", with no ref and no reason."""
    start = pendulum.datetime(2026, 3, 2, 10, tz="Europe/London")
    day = plan_workday(
        [Session(start, 50, ref="client-record-17")], rules=WorkdayRules(), tz="Europe/London"
    )
    text = to_ical(day, at=AT, owner="therapist-1", sessions=True, reasons=True)
    (session,) = [e for e in events_of(text) if "Client session" == e["SUMMARY"]]
    assert start.timestamp() == session["DTSTART"].dt.timestamp()
    assert "DESCRIPTION" not in session
    assert "client-record-17" not in text


def test_a_block_in_the_repeated_hour_keeps_its_instant() -> None:
    """When the clocks go back, a session at the second 01:30 is written in UTC, not at 01:30."""
    second = dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC)  # 01:30 GMT, after 01:30 BST
    start = pendulum.instance(second).in_tz("Europe/London")
    day = plan_workday([Session(start, 50)], rules=WorkdayRules(), tz="Europe/London")
    text = to_ical(day, at=AT, owner="therapist-1", sessions=True)
    events = {str(e["SUMMARY"]): e for e in events_of(text)}
    assert second.timestamp() == events["Client session"]["DTSTART"].dt.timestamp()
    assert "DTSTART:20261025T013000Z" in text
    blocks = [b for b in day.blocks if b.kind.protected or b.kind.value == "session"]
    starts = sorted(e["DTSTART"].dt.timestamp() for e in events_of(text))
    assert sorted(b.start.timestamp() for b in blocks) == starts


def test_a_workweek_is_every_day_of_it_with_uids_by_owner_day_and_block() -> None:
    """A week's blocks, each UID naming the owner, the day and the block."""
    monday = dt.date(2026, 3, 2)
    sessions = {
        monday + dt.timedelta(days=n): [
            Session(pendulum.datetime(2026, 3, 2 + n, 10, tz="Europe/London"), 50)
        ]
        for n in range(5)
    }
    week = plan_workweek(sessions, rules=WorkdayRules(), tz="Europe/London", start=monday, weeks=1)
    text = to_ical(week, at=AT, owner="dr-k")
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(text).walk("VEVENT")]
    assert len(uids) == len(set(uids))
    assert "dr-k/2026-03-02/transition/1@selfcare" in uids
    assert {u.split("/")[1] for u in uids} == {str(monday + dt.timedelta(days=n)) for n in range(5)}


# --- arguments -----------------------------------------------------------------------------


PLAN = Plan(
    id="plan-1",
    role=Role.CLIENT,
    timezone="Europe/London",
    period=Period(dt.date(2026, 3, 2), dt.date(2026, 3, 29)),
    items=[PlanItem("short-walk", Recurrence.daily(at=dt.time(12)), 20)],
)


@pytest.mark.parametrize(
    ("value", "changes", "field"),
    [
        (PLAN, {"at": dt.datetime(2026, 1, 1)}, "at"),
        (PLAN, {"owner": "therapist-1"}, "owner"),
        (PLAN, {"sessions": True}, "sessions"),
        (PLAN, {"reasons": "yes"}, "reasons"),
        (PLAN, {"reminders": [-5]}, "reminders[0]"),
        (PLAN, {"reminders": "10"}, "reminders"),
        (PLAN, {"reminders": list(range(6))}, "reminders"),
        ("a plan", {}, "value"),
    ],
)
def test_invalid_arguments_name_the_field(value: Any, changes: dict[str, Any], field: str) -> None:
    """Each bad argument gives a ValidationError naming it."""
    arguments: dict[str, Any] = {"at": AT, **changes}
    with pytest.raises(ValidationError) as info:
        to_ical(value, **arguments)
    assert field == info.value.problems[0][0]


def test_a_workday_needs_its_owner_and_has_nothing_to_cancel() -> None:
    """owner is required for working days and must be an id; cancelled is for plans."""
    day = plan_workday([], rules=WorkdayRules(), tz="Europe/London", day=dt.date(2026, 3, 2))
    cases: list[tuple[dict[str, Any], str]] = [
        ({}, "owner"),
        ({"owner": "Dr Kim Example"}, "owner"),
        ({"owner": "dr-k", "cancelled": True}, "cancelled"),
    ]
    for changes, field in cases:
        with pytest.raises(ValidationError) as info:
            to_ical(day, at=AT, **changes)
        assert field == info.value.problems[0][0]
        assert "Kim" not in str(info.value)


def test_a_plan_naming_a_strategy_the_catalog_lacks_is_refused() -> None:
    """Strategy names come from the catalog; an unknown id is a ValidationError."""
    plan = attrs.evolve(PLAN, items=[PlanItem("no-such-strategy", Recurrence.daily(), 5)])
    with pytest.raises(ValidationError):
        to_ical(plan, at=AT)


def test_importing_without_the_extra_says_which_to_install() -> None:
    """Without icalendar, importing selfcare.ical names the extra to install."""
    code = "import sys; sys.modules['icalendar'] = None; import selfcare.ical"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert 0 != run.returncode
    assert 'pip install "selfcare[ical]"' in run.stderr
