"""Sessions, workday rules, planned days and weeks, and contact checks."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from hypothesis import assume
from hypothesis import strategies as st

from selfcare._insights.strain import (
    StrainRule,
    StrainSign,
    StrainSignal,
    WorkloadStrain,
    workload_strain,
)
from selfcare._measures.responses import score
from selfcare._measures.shipped import PROQOL_5
from selfcare._time.timeline import day_bounds
from selfcare._workday.contacts import BoundaryViolation, ContactEvent, ContactKind
from selfcare._workday.day import Block, Workday, WorkdayWarning, WorkdayWarningCode, WorkFigures
from selfcare._workday.planner import plan_workday
from selfcare._workday.rules import NotesPer, WorkdayRules
from selfcare._workday.sessions import Session
from selfcare._workday.week import Workweek, plan_workweek
from selfcare.testing._measures import responses
from selfcare.testing._model import boundaries, working_hours
from selfcare.testing._time import ZONES, dates, on_the_minute, zone_names, zoned_datetimes
from selfcare.testing._values import facts, names, slugs


def sessions(zones: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Session]:
    """Client sessions of 1 minute to 3 hours, in any zone, some with an opaque ref."""
    return st.builds(Session, on_the_minute(zones), st.integers(1, 180), st.none() | slugs())


def _clock(minutes: int) -> dt.time:
    return dt.time(*divmod(minutes, 60))


@st.composite
def workday_rules(draw: st.DrawFn) -> WorkdayRules:
    """Workday rules with a lunch window that fits the working hours."""
    hours = draw(working_hours())
    start = hours.start.hour * 60 + hours.start.minute
    end = hours.end.hour * 60 + hours.end.minute
    lunch_start = draw(st.integers(start, end - 1))
    lunch_end = draw(st.integers(lunch_start + 1, end))
    return WorkdayRules(
        hours=hours,
        transition_minutes=draw(st.integers(0, 20)),
        min_gap=draw(st.integers(1, 20)),
        notes_minutes=draw(st.integers(0, 30)),
        notes_per=draw(st.sampled_from(NotesPer)),
        lunch_start=_clock(lunch_start),
        lunch_end=_clock(lunch_end),
        lunch_minutes=draw(st.integers(0, min(lunch_end - lunch_start, 90))),
        decompression_minutes=draw(st.integers(0, 30)),
        max_in_row=draw(st.integers(1, 8)),
        min_break_minutes=draw(st.integers(1, 30)),
    )


@st.composite
def day_sessions(
    draw: st.DrawFn, tz: str, day: dt.date, *, max_sessions: int = 10
) -> list[Session]:
    """Sessions that do not overlap, all on ``day`` in ``tz`` (given in any zone, any order)."""
    first, last = day_bounds(day, tz)
    cursor = first + draw(st.integers(0, 18 * 60))
    found = []
    for _ in range(draw(st.integers(0, max_sessions))):
        cursor += draw(st.sampled_from([0, 10, 15, 60]) | st.integers(0, 240))
        length = draw(st.sampled_from([50, 60]) | st.integers(1, 120))
        if cursor + length > last:
            break
        zone = draw(st.sampled_from([tz, *ZONES]))
        start = dt.datetime.fromtimestamp(cursor * 60, zoneinfo.ZoneInfo(zone))
        found.append(Session(start, length, draw(st.none() | slugs())))
        cursor += length
    return draw(st.permutations(found))


def _planned_day(draw: st.DrawFn) -> tuple[str, dt.date]:
    tz = draw(zone_names())
    day = draw(dates())
    first, last = day_bounds(day, tz)
    assume(last > first)  # Pacific/Apia skipped 30 December 2011
    return tz, day


@st.composite
def workdays(draw: st.DrawFn) -> Workday:
    """Planned days, from plan_workday with drawn rules and sessions, DST days included."""
    tz, day = _planned_day(draw)
    rules = draw(workday_rules())
    return plan_workday(draw(day_sessions(tz, day)), rules=rules, tz=tz, day=day)


@st.composite
def workweeks(draw: st.DrawFn) -> Workweek:
    """Planned weeks, from plan_workweek with a few sessions on each day."""
    tz, start = _planned_day(draw)
    assume(start <= dt.date(2037, 12, 20))
    days = [start + dt.timedelta(days=n) for n in range(7)]
    for day in days:
        first, last = day_bounds(day, tz)
        assume(last > first)
    by_day = {day: draw(day_sessions(tz, day, max_sessions=3)) for day in days}
    return plan_workweek(by_day, rules=draw(workday_rules()), tz=tz, start=start, weeks=1)


def blocks() -> st.SearchStrategy[Block]:
    """Blocks of planned days, of every kind."""
    return workdays().filter(lambda d: bool(d.blocks)).flatmap(lambda d: st.sampled_from(d.blocks))


def work_figures() -> st.SearchStrategy[WorkFigures]:
    """The figures of planned days and weeks."""
    return workdays().map(lambda d: d.figures) | workweeks().map(lambda w: w.figures)


def workday_warnings() -> st.SearchStrategy[WorkdayWarning]:
    """Warnings about a day or a week, with a few facts."""
    return st.builds(WorkdayWarning, st.sampled_from(WorkdayWarningCode), names(), facts())


def contact_events() -> st.SearchStrategy[ContactEvent]:
    """Client contact of every kind, as a moment or with a length, some with a ref."""
    return st.builds(
        ContactEvent,
        st.sampled_from(ContactKind),
        zoned_datetimes(),
        st.none() | st.integers(1, 240),
        st.none() | slugs(),
    )


def boundary_violations() -> st.SearchStrategy[BoundaryViolation]:
    """Violations pairing any boundary with any contact."""
    return st.builds(BoundaryViolation, boundaries(), contact_events(), names(), facts())


@st.composite
def strain_rules(draw: st.DrawFn) -> StrainRule:
    """Thresholds for workload strain."""
    share = st.floats(0.05, 1).map(lambda x: round(x, 2))
    raised = draw(st.integers(1, 4))
    return StrainRule(draw(share), draw(share), raised, draw(st.integers(raised, 8)))


def strain_signals() -> st.SearchStrategy[StrainSignal]:
    """Signs of strain, with a few facts."""
    return st.builds(StrainSignal, st.sampled_from(StrainSign), names(), facts())


@st.composite
def workload_strains(draw: st.DrawFn) -> WorkloadStrain:
    """The strain of one or two drawn weeks, with a drawn ProQOL 5 score or without."""
    weeks = draw(st.lists(workweeks(), min_size=1, max_size=2))
    proqol = draw(st.none() | responses(PROQOL_5).map(lambda r: score(r, PROQOL_5)))
    return workload_strain(weeks, proqol=proqol, rule=draw(st.none() | strain_rules()))
