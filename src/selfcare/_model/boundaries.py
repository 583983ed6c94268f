"""Boundaries a person keeps, such as no client email after hours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from selfcare._core import checks as check
from selfcare._core.vocabulary import Vocabulary
from selfcare._time.calendar import Weekday

__all__ = ["Boundary", "BoundaryKind"]


class BoundaryKind(Vocabulary):
    """The kinds of boundary the library can check."""

    NO_CONTACT_AFTER = "no-contact-after"
    NO_CONTACT_ON_DAYS = "no-contact-on-days"
    GAP_AFTER_LAST_SESSION = "gap-after-last-session"
    CUSTOM = "custom"


def _after(value: dt.time | None) -> dt.time | None:
    return None if value is None else check.check_time("after", value)


check.reads_as(dt.time | None, _after)


@attrs.frozen
class Boundary:
    """A boundary with clients or in relationships.

    Build one with :meth:`no_contact_after`, :meth:`no_contact_on`,
    :meth:`gap_after_last_session` or :meth:`custom` (kept in the plan, not checked).

    Example:
        >>> Boundary.no_contact_after(datetime.time(18)).describe()
        'no client contact after 18:00'
        >>> Boundary.no_contact_on([Weekday.SATURDAY, Weekday.SUNDAY]).describe()
        'no client contact on Saturday and Sunday'
    """

    kind: BoundaryKind = attrs.field(validator=check.member(BoundaryKind))
    after: dt.time | None = attrs.field(default=None, converter=_after)
    weekdays: frozenset[Weekday] = attrs.field(default=frozenset(), converter=check.to_frozenset)
    minutes: int | None = attrs.field(
        default=None, validator=check.optional_int_in(1, check.MAX_MINUTES)
    )
    description: str = attrs.field(default="", validator=check.text, repr=False)

    def __attrs_post_init__(self) -> None:
        check.members(Weekday)(self, attrs.fields(Boundary).weekdays, self.weekdays)
        needs = {
            BoundaryKind.NO_CONTACT_AFTER: ("after",),
            BoundaryKind.NO_CONTACT_ON_DAYS: ("weekdays",),
            BoundaryKind.GAP_AFTER_LAST_SESSION: ("minutes",),
            BoundaryKind.CUSTOM: ("description",),
        }[self.kind]
        for field in ("after", "weekdays", "minutes"):
            given = bool(getattr(self, field)) or getattr(self, field) == 0
            if field in needs and not given:
                raise check.fail(field, f"a {self.kind.value} boundary needs {field}")
            if field not in needs and given:
                raise check.fail(
                    field, f"a {self.kind.value} boundary has no {field}; leave it out"
                )
        if self.kind is BoundaryKind.CUSTOM and not self.description.strip():
            raise check.fail("description", "a custom boundary needs a description")

    @classmethod
    def no_contact_after(cls, after: dt.time, description: str = "") -> Boundary:
        """No client contact (email, calls, messages) after a time of day."""
        return cls(BoundaryKind.NO_CONTACT_AFTER, after=after, description=description)

    @classmethod
    def no_contact_on(cls, weekdays: Iterable[Weekday], description: str = "") -> Boundary:
        """No client contact on chosen days off."""
        return cls(
            BoundaryKind.NO_CONTACT_ON_DAYS,
            weekdays=check.to_frozenset(weekdays),
            description=description,
        )

    @classmethod
    def gap_after_last_session(cls, minutes: int, description: str = "") -> Boundary:
        """At least ``minutes`` without client contact after the day's last session."""
        return cls(BoundaryKind.GAP_AFTER_LAST_SESSION, minutes=minutes, description=description)

    @classmethod
    def custom(cls, description: str) -> Boundary:
        """A boundary in the person's own words, kept in the plan but not checked."""
        return cls(BoundaryKind.CUSTOM, description=description)

    def describe(self) -> str:
        """Describe the boundary in plain English (a custom one by its kind only)."""
        if self.kind is BoundaryKind.NO_CONTACT_AFTER:
            assert self.after is not None
            return "no client contact after " + self.after.strftime("%H:%M")
        if self.kind is BoundaryKind.NO_CONTACT_ON_DAYS:
            names = [day.name.title() for day in sorted(self.weekdays)]
            days = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            return f"no client contact on {days}"
        if self.kind is BoundaryKind.GAP_AFTER_LAST_SESSION:
            return f"at least {self.minutes} minutes without client contact after the last session"
        return "a boundary in the person's own words"
