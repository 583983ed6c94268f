"""The person a plan or recommendation is for."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from selfcare._core import checks as check
from selfcare._model.categories import Benefit, Category, Role
from selfcare._time.calendar import TimeOfDay, Weekday
from selfcare._time.zoned import check_zone

__all__ = ["Profile", "WorkingHours"]

BudgetArg = int | Mapping[Weekday, int] | Iterable[int]


def _budget(value: BudgetArg) -> tuple[int, ...]:
    """Turn one number, a weekday mapping or seven numbers into seven daily budgets."""
    if isinstance(value, int) and not isinstance(value, bool):
        return (value,) * 7
    if isinstance(value, Mapping):
        for day in value:
            if not isinstance(day, Weekday):
                raise check.fail("daily_minutes", check.expected_member(Weekday, day))
        return tuple(value.get(day, 0) for day in Weekday)
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise check.fail(
            "daily_minutes",
            "expected minutes per day: one integer, a {Weekday: minutes} mapping or seven "
            f"integers from Monday to Sunday, {check.got(value)}",
        )
    return tuple(value)


def _start(value: dt.time) -> dt.time:
    return check.check_time("start", value)


def _end(value: dt.time) -> dt.time:
    return check.check_time("end", value)


check.reads_as(dt.time, _start, _end)


@attrs.frozen
class WorkingHours:
    """When a therapist works: a daily start and end on chosen weekdays.

    Example:
        >>> hours = WorkingHours(datetime.time(9), datetime.time(17, 30))
        >>> hours.minutes
        510
        >>> Weekday.SATURDAY in hours.weekdays
        False
    """

    start: dt.time = attrs.field(converter=_start)
    end: dt.time = attrs.field(converter=_end)
    weekdays: frozenset[Weekday] = attrs.field(
        default=frozenset(Weekday(d) for d in range(5)),
        converter=check.to_frozenset,
        validator=check.members(Weekday, non_empty=True),
    )

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise check.fail("end", "expected the end of the working day after its start")

    @property
    def minutes(self) -> int:
        """The length of a working day in minutes."""
        start = self.start.hour * 60 + self.start.minute
        return self.end.hour * 60 + self.end.minute - start


@attrs.frozen
class Profile:
    """The person a plan or recommendation is for.

    Attributes:
        role: therapist or client.
        timezone: the person's IANA time zone, e.g. ``"Europe/London"``.
        daily_minutes: minutes available for self-care on each weekday, Monday first.
            Pass one integer for every day, a ``{Weekday: minutes}`` mapping (days left
            out get 0) or seven integers.
        goals: the benefits the person wants most.
        preferred_times: the parts of the day that suit them.
        excluded_categories: categories never to offer.
        excluded_tags: tags never to offer (e.g. ``"outdoors"``).
        values: personal values as slugs (``"faith"``, ``"family"``, ``"nature"``).
        spiritual: whether the person opts into spiritual strategies.
        working_hours: a therapist's working hours, for planning around sessions.
        fixed_routine: whether the person wants the same routine every week; by default a
            generated plan alternates similar strategies week by week for variety.

    Example:
        >>> p = Profile(
        ...     role=Role.CLIENT,
        ...     timezone="Europe/London",
        ...     daily_minutes={Weekday.MONDAY: 30, Weekday.SATURDAY: 60},
        ...     goals={Benefit.COPING_SKILLS},
        ... )
        >>> p.minutes_on(Weekday.SATURDAY), p.minutes_on(Weekday.SUNDAY)
        (60, 0)
        >>> Category.SPIRITUAL in p.allowed_categories
        False
    """

    role: Role = attrs.field(validator=check.member(Role))
    timezone: str = attrs.field()
    daily_minutes: tuple[int, ...] = attrs.field(converter=_budget)
    goals: frozenset[Benefit] = attrs.field(
        default=frozenset(), converter=check.to_frozenset, validator=check.members(Benefit)
    )
    preferred_times: frozenset[TimeOfDay] = attrs.field(
        default=frozenset(), converter=check.to_frozenset, validator=check.members(TimeOfDay)
    )
    excluded_categories: frozenset[Category] = attrs.field(
        default=frozenset(), converter=check.to_frozenset, validator=check.members(Category)
    )
    excluded_tags: frozenset[str] = attrs.field(
        default=frozenset(), converter=check.to_frozenset, validator=check.slugs("a tag")
    )
    values: frozenset[str] = attrs.field(
        default=frozenset(), converter=check.to_frozenset, validator=check.slugs("a value")
    )
    spiritual: bool = False
    working_hours: WorkingHours | None = None
    fixed_routine: bool = False

    def __attrs_post_init__(self) -> None:
        check_zone("timezone", self.timezone)
        budget: Any = self.daily_minutes
        if len(budget) != 7:
            raise check.fail(
                "daily_minutes", f"expected 7 days (Monday to Sunday), got {len(budget)}"
            )
        for day, minutes in zip(Weekday, budget, strict=True):
            check.check_int(f"daily_minutes[{day.name.lower()}]", minutes, 0, check.MAX_MINUTES)
        check.check_bool("spiritual", self.spiritual)
        check.check_bool("fixed_routine", self.fixed_routine)
        if self.spiritual and Category.SPIRITUAL in self.excluded_categories:
            raise check.fail(
                "spiritual", "opting into spiritual care contradicts excluding that category"
            )
        if self.working_hours is not None and not isinstance(self.working_hours, WorkingHours):
            raise check.fail("working_hours", "expected WorkingHours or None")

    def minutes_on(self, day: Weekday | dt.date) -> int:
        """Minutes available on a weekday or a date."""
        if isinstance(day, Weekday):
            return self.daily_minutes[day]
        if isinstance(day, dt.date):  # a datetime too: its own date's weekday
            return self.daily_minutes[day.weekday()]
        raise check.fail("day", f"expected a Weekday or a date, {check.got(day)}")

    @property
    def weekly_minutes(self) -> int:
        """Minutes available in a whole week."""
        return sum(self.daily_minutes)

    @functools.cached_property
    def allowed_categories(self) -> frozenset[Category]:
        """The categories that may be offered to this person.

        Spiritual care only when the person opted in; professional care only for therapists.
        Worked out once per profile: generating a plan asks it of every strategy.
        """
        allowed = set(Category) - self.excluded_categories
        if not self.spiritual:
            allowed.discard(Category.SPIRITUAL)
        if self.role is not Role.THERAPIST:
            allowed.discard(Category.PROFESSIONAL)
        return frozenset(allowed)
