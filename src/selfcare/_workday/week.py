"""A week (or several) of a therapist's planned days, with weekly figures and warnings."""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from selfcare._core import checks as check
from selfcare._core.describe import minutes_phrase
from selfcare._core.errors import ValidationError
from selfcare._core.reprs import counted
from selfcare._time.calendar import Period, Weekday
from selfcare._time.timeline import FIRST_DAY, LAST_DAY, local, zone_arg
from selfcare._time.zoned import check_zone
from selfcare._workday.day import Workday, WorkdayWarning, WorkdayWarningCode, WorkFigures
from selfcare._workday.planner import Item, check_rules, plan_items
from selfcare._workday.rules import WorkdayRules
from selfcare._workday.sessions import SessionLike, bounds, collect

__all__ = ["Workweek", "plan_workweek"]

MAX_WEEKS = 53


def total(period: Period, figures: Sequence[WorkFigures]) -> WorkFigures:
    """Add up the figures of several days (stretches and runs take the largest)."""
    return WorkFigures(
        period=period,
        days_off=sum(f.days_off for f in figures),
        sessions=sum(f.sessions for f in figures),
        client_minutes=sum(f.client_minutes for f in figures),
        protected_minutes=sum(f.protected_minutes for f in figures),
        span_minutes=sum(f.span_minutes for f in figures),
        longest_stretch_minutes=max((f.longest_stretch_minutes for f in figures), default=0),
        most_in_row=max((f.most_in_row for f in figures), default=0),
    )


@attrs.frozen
class Workweek:
    """Whole weeks of planned days, with figures for each week and weekly warnings.

    Attributes:
        tz: the IANA zone the days are planned in.
        days: one planned :class:`Workday` for each day, in order, with no day missing.
        weeks: figures for each run of 7 days, from the first day.
        warnings: warnings about the weeks (each day's own warnings stay on the day).

    Example:
        >>> week = plan_workweek(
        ...     [Session(pendulum.datetime(2026, 3, 2 + d, 10, tz="UTC"), 50) for d in range(7)],
        ...     rules=WorkdayRules(), tz="UTC",
        ... )
        >>> [w.code.value for w in week.warnings]
        ['no-day-off']
        >>> week.figures.sessions, week.figures.days_off
        (7, 0)
    """

    tz: str = attrs.field()
    days: tuple[Workday, ...] = attrs.field(converter=check.to_tuple, repr=counted)
    weeks: tuple[WorkFigures, ...] = attrs.field(converter=check.to_tuple, repr=False)
    warnings: tuple[WorkdayWarning, ...] = attrs.field(
        default=(), converter=check.to_tuple, repr=counted
    )

    def __attrs_post_init__(self) -> None:
        check_zone("tz", self.tz)
        days: Any = self.days
        if not isinstance(days, tuple) or not days or not all(isinstance(d, Workday) for d in days):
            raise check.fail("days", "expected one or more Workday values")
        for before, after in itertools.pairwise(days):
            if after.day != before.day + dt.timedelta(days=1):
                raise check.fail("days", "expected consecutive days, in order, none missing")
        weeks: Any = self.weeks
        if not isinstance(weeks, tuple) or not all(isinstance(w, WorkFigures) for w in weeks):
            raise check.fail("weeks", "expected a sequence of WorkFigures")
        warnings: Any = self.warnings
        if not isinstance(warnings, tuple) or not all(
            isinstance(w, WorkdayWarning) for w in warnings
        ):
            raise check.fail("warnings", "expected a sequence of WorkdayWarning values")

    def _repr_html_(self) -> str:
        """The weeks as HTML for notebooks: a stack of day timelines, with the warnings."""
        from selfcare._display.workday import workweek_html

        return workweek_html(self)

    @property
    def period(self) -> Period:
        """The days planned."""
        return Period(self.days[0].day, self.days[-1].day)

    @property
    def figures(self) -> WorkFigures:
        """The figures for the whole period."""
        return total(self.period, [day.figures for day in self.days])


def plan_workweek(
    sessions: Iterable[SessionLike] | Mapping[dt.date, Iterable[SessionLike]],
    *,
    rules: WorkdayRules,
    tz: str | zoneinfo.ZoneInfo,
    start: dt.date | None = None,
    weeks: int | None = None,
) -> Workweek:
    """Plan whole weeks of days with :func:`plan_workday`, and look at the weeks together.

    Every day of the weeks is planned; a day without sessions is a day off. The weeks
    warn when there are seven or more days in a row with sessions (no day off) and when a
    week has less non-client time than the week before (recovery falling).

    Args:
        sessions: the sessions, either in one list (each goes to the local date it starts
            on in ``tz``) or as a mapping from each date to its sessions.
        rules: how each day should be protected.
        tz: the IANA zone the days are planned in.
        start: the first day. By default, the earliest day with sessions (or key).
        weeks: how many whole weeks to plan, 1 to 53. By default, enough to reach the
            last day with sessions.

    Returns:
        The planned :class:`Workweek`.

    Raises:
        ValidationError: the sessions of a day are not valid for :func:`plan_workday`, or a
            session falls outside the weeks planned; every problem is listed, by position.

    Example:
        >>> at = lambda d, h: pendulum.datetime(2026, 3, d, h, tz="Europe/London")
        >>> light = [Session(at(d, 10), 50) for d in range(2, 7)]
        >>> packed = [Session(at(d, h), 50) for d in range(9, 14) for h in range(9, 16)]
        >>> weeks = plan_workweek(light + packed, rules=WorkdayRules(), tz="Europe/London")
        >>> [w.non_client_minutes for w in weeks.weeks]
        [3110, 1610]
        >>> [w.code.value for w in weeks.warnings]
        ['recovery-falling']
    """
    tz = zone_arg(tz)
    check_rules(rules)
    by_day = _by_day(sessions, tz)
    if start is not None:
        start = check.check_date("start", start)
    elif by_day:
        start = min(by_day)
    else:
        raise check.fail("start", "there are no sessions to take the first day from; pass start=")
    if weeks is None:
        weeks = max(1, -(-((max(by_day, default=start) - start).days + 1) // 7))
    check.check_int("weeks", weeks, 1, MAX_WEEKS)
    if not FIRST_DAY <= start <= LAST_DAY:
        raise check.fail("start", f"expected a day from {FIRST_DAY} to {LAST_DAY}, got {start}")
    if (LAST_DAY - start).days + 1 < 7 * weeks:
        raise check.fail("weeks", f"the weeks from {start} would run past {LAST_DAY}; plan fewer")
    last = start + dt.timedelta(days=7 * weeks - 1)
    problems: list[tuple[str, str]] = []
    for day, items in by_day.items():
        if not start <= day <= last:
            where = f"is on {day}, outside the weeks planned ({start} to {last})"
            problems += [(path, f"the session {where}") for _, path, _ in items]
            problems += [] if items else [(f"sessions[{day}]", f"the day {where}")]
    days = []
    for offset in range(7 * weeks):
        day = start + dt.timedelta(days=offset)
        try:
            days.append(plan_items(by_day.get(day, []), rules=rules, tz=tz, day=day))
        except ValidationError as error:
            problems += error.problems
    if problems:
        raise ValidationError(problems)
    chunks = [days[i : i + 7] for i in range(0, len(days), 7)]
    figures = [total(Period(c[0].day, c[-1].day), [d.figures for d in c]) for c in chunks]
    warnings = _no_day_off(days) + _recovery(figures)
    return Workweek(tz=tz, days=days, weeks=figures, warnings=warnings)


def _by_day(sessions: object, tz: str) -> dict[dt.date, list[Item]]:
    """Group the sessions by day, each with its position and its path for errors."""
    by_day: dict[dt.date, list[Item]] = {}
    if isinstance(sessions, Mapping):
        for key in sorted(sessions, key=_date_key):
            day = check.check_date("sessions", key)
            field = f"sessions[{day}]"
            found = collect(sessions[key], field)
            by_day[day] = [(i, path, session) for i, (path, session) in enumerate(found)]
        return by_day
    for position, (path, session) in enumerate(collect(sessions)):
        day = local(bounds(session)[0], tz).date()
        by_day.setdefault(day, []).append((position, path, session))
    return by_day


def _date_key(key: object) -> tuple[int, str]:
    """Sort dates in order and anything else (rejected next) after them."""
    if isinstance(key, dt.date) and not isinstance(key, dt.datetime):
        return (0, key.isoformat())
    return (1, type(key).__name__)


def _label(day: dt.date) -> str:
    """A date as ``Monday 2026-03-02``, the same in every locale."""
    return f"{Weekday.of(day).name.title()} {day.isoformat()}"


def _no_day_off(days: Sequence[Workday]) -> list[WorkdayWarning]:
    found: list[WorkdayWarning] = []
    run: list[Workday] = []
    for day in [*days, None]:
        if day is not None and day.figures.sessions:
            run.append(day)
            continue
        if len(run) >= 7:
            first, last = run[0].day, run[-1].day
            found.append(
                WorkdayWarning(
                    WorkdayWarningCode.NO_DAY_OFF,
                    f"no day off in {len(run)} days: every day from {_label(first)} to "
                    f"{_label(last)} has client sessions",
                    {"first": first.isoformat(), "last": last.isoformat(), "days": len(run)},
                )
            )
        run = []
    return found


def _recovery(weeks: Sequence[WorkFigures]) -> list[WorkdayWarning]:
    found = []
    for before, after in itertools.pairwise(weeks):
        fall = before.non_client_minutes - after.non_client_minutes
        if fall > 0:
            found.append(
                WorkdayWarning(
                    WorkdayWarningCode.RECOVERY_FALLING,
                    f"recovery time is falling: the week from {_label(after.period.first)} "
                    f"has {minutes_phrase(after.non_client_minutes)} of non-client time, "
                    f"{fall} fewer than the week before",
                    {
                        "week_start": after.period.first.isoformat(),
                        "previous_minutes": before.non_client_minutes,
                        "minutes": after.non_client_minutes,
                        "fall_minutes": fall,
                    },
                )
            )
    return found
