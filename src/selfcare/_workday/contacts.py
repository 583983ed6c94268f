"""Checking a therapist's boundaries with clients against what actually happened.

An app records client contact as :class:`ContactEvent` values — an email sent, a call
taken, a session held — and :func:`check_boundaries` says which boundaries they break.
"""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import pendulum

from selfcare._core import checks as check
from selfcare._core.describe import minutes_phrase
from selfcare._core.frozenmap import freeze
from selfcare._core.vocabulary import Vocabulary
from selfcare._model.boundaries import Boundary, BoundaryKind
from selfcare._model.reasons import Fact, check_facts
from selfcare._time.calendar import TimeOfDay, Weekday
from selfcare._time.timeline import clock, iso, local, minute_of, wall, zone_arg
from selfcare._time.zoned import check_zoned
from selfcare._workday.day import sentence
from selfcare._workday.sessions import Session, SessionLike, collect

__all__ = ["BoundaryViolation", "ContactEvent", "ContactKind", "check_boundaries"]

MAX_BOUNDARIES = 100
MAX_EVENTS = 10_000
MORNING = TimeOfDay.MORNING.start
"""Where the night ends: contact before 05:00 still counts as "after" an evening time."""


def _private(value: object) -> str:
    return "None" if value is None else "<private>"


class ContactKind(Vocabulary):
    """A kind of client contact."""

    EMAIL = "email"
    CALL = "call"
    MESSAGE = "message"
    SESSION = "session"
    OTHER = "other"

    @property
    def noun(self) -> str:
        """The contact in words, e.g. ``"an email"``."""
        return {
            ContactKind.EMAIL: "an email",
            ContactKind.CALL: "a call",
            ContactKind.MESSAGE: "a message",
            ContactKind.SESSION: "a session",
            ContactKind.OTHER: "client contact",
        }[self]


def _zoned_at(value: dt.datetime) -> pendulum.DateTime:
    return check_zoned("at", value)


@attrs.frozen
class ContactEvent:
    """Client contact the therapist made or took: when, what, and for how long.

    Attributes:
        kind: an email, a call, a message, a session or other contact.
        at: when it happened (or started), with an IANA time zone.
        minutes: how long it lasted, for a call or a session; ``None`` for a moment
            such as an email sent.
        ref: an optional opaque slug for the app's own record (kept out of ``repr``).

    Example:
        >>> ContactEvent(ContactKind.EMAIL, pendulum.datetime(2026, 3, 2, 21, tz="UTC"))
        ContactEvent(kind=<ContactKind.EMAIL: 'email'>, at=DateTime(2026, 3, 2, 21, 0, 0, tzinfo=Timezone('UTC')), minutes=None, ref=None)
    """  # noqa: E501

    kind: ContactKind = attrs.field(validator=check.member(ContactKind))
    at: pendulum.DateTime = attrs.field(converter=_zoned_at)
    minutes: int | None = attrs.field(
        default=None, validator=check.optional_int_in(1, check.MAX_MINUTES)
    )
    ref: str | None = attrs.field(default=None, repr=_private)

    def __attrs_post_init__(self) -> None:
        if self.ref is not None:
            check.check_slug("ref", self.ref, "an opaque reference")

    @classmethod
    def of_session(cls, session: Session) -> ContactEvent:
        """The client contact a session is.

        Example:
            >>> s = Session(pendulum.datetime(2026, 3, 2, 9, tz="UTC"), 50)
            >>> ContactEvent.of_session(s).minutes
            50
        """
        check.check_instance("session", session, Session)
        return cls(ContactKind.SESSION, session.start, session.minutes, session.ref)


@attrs.frozen
class BoundaryViolation:
    """A boundary broken by one piece of client contact.

    Attributes:
        boundary: the boundary broken.
        event: the contact that broke it.
        message: a plain sentence an app can show (never the boundary's own description,
            which is the person's words).
        facts: the figures behind it by name, e.g. ``{"local_time": "21:15"}``.

    Example:
        >>> v = check_boundaries(
        ...     [Boundary.no_contact_after(datetime.time(18))],
        ...     [ContactEvent(ContactKind.EMAIL, pendulum.datetime(2026, 3, 2, 21, tz="UTC"))],
        ...     tz="UTC",
        ... )[0]
        >>> v.boundary.kind, v.facts["local_time"]
        (<BoundaryKind.NO_CONTACT_AFTER: 'no-contact-after'>, '21:00')
    """

    boundary: Boundary = attrs.field()
    event: ContactEvent = attrs.field()
    message: str = attrs.field(validator=sentence)
    facts: Mapping[str, Fact] = attrs.field(factory=dict, converter=freeze)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.boundary, Boundary):
            raise check.fail("boundary", "expected a Boundary")
        if not isinstance(self.event, ContactEvent):
            raise check.fail("event", "expected a ContactEvent")
        check_facts(self.facts)


Contact = tuple[int, int, ContactEvent]  # first minute, minute after it, the event


def check_boundaries(
    boundaries: Iterable[Boundary],
    events: Iterable[ContactEvent],
    *,
    tz: str | zoneinfo.ZoneInfo,
    sessions: Iterable[SessionLike] = (),
) -> tuple[BoundaryViolation, ...]:
    """Find the client contact that breaks a therapist's boundaries.

    Sessions count as client contact too: pass them in ``sessions`` (or as
    :class:`ContactEvent` values of kind ``SESSION``, but not both, or they count twice).

    - *No client contact after a time* is broken by contact from that time until the
      night is over (05:00, where the morning begins), so an email at 00:30 breaks "no
      client contact after 18:00". A session breaks it when any of it falls in that time.
    - *No client contact on days off* is broken by contact on one of those weekdays.
    - *A gap after the last session* is broken by contact that starts within that many
      minutes after the end of the day's last session (from ``sessions`` and session
      events with a length). Without any session that day there is nothing to check.
    - A *custom* boundary is in the person's own words and cannot be checked; it is skipped.

    Times and weekdays are read in ``tz``, wherever the events were recorded.

    Args:
        boundaries: the boundaries to check.
        events: the client contact that happened.
        tz: the therapist's IANA time zone.
        sessions: the client sessions held, if any.

    Returns:
        The violations, in the order the contact happened (then the order of
        ``boundaries``).

    Raises:
        ValidationError: an argument is not what it should be (named by its position).

    Example:
        >>> at = lambda h, m=0: pendulum.datetime(2026, 3, 2, h, m, tz="Europe/London")
        >>> found = check_boundaries(
        ...     [Boundary.gap_after_last_session(60)],
        ...     [ContactEvent(ContactKind.CALL, at(17, 20), 10)],
        ...     tz="Europe/London",
        ...     sessions=[Session(at(16), 50)],
        ... )
        >>> found[0].message
        'a call from 17:20 to 17:30 on Monday 2026-03-02 breaks the boundary: at least 60 minutes without client contact after the last session (it started 30 minutes after the last session ended at 16:50)'
    """  # noqa: E501
    tz = zone_arg(tz)
    rules = _items(boundaries, Boundary, "boundaries", MAX_BOUNDARIES)
    happened = _items(events, ContactEvent, "events", MAX_EVENTS)
    happened += [ContactEvent.of_session(s) for _, s in collect(sessions)]
    contacts = sorted(
        {_contact(e): None for e in happened}, key=lambda c: (c[0], c[1], c[2].kind.value)
    )
    ends = _last_session_ends(contacts, tz)
    found: list[BoundaryViolation] = []
    for contact in contacts:
        for boundary in rules:
            if boundary.kind is BoundaryKind.NO_CONTACT_AFTER:
                violation = _after(boundary, contact, tz)
            elif boundary.kind is BoundaryKind.NO_CONTACT_ON_DAYS:
                violation = _on_days(boundary, contact, tz)
            elif boundary.kind is BoundaryKind.GAP_AFTER_LAST_SESSION:
                violation = _gap(boundary, contact, tz, ends)
            else:
                violation = None  # a custom boundary cannot be checked
            if violation is not None:
                found.append(violation)
    return tuple(found)


def _items(values: object, kind: type, field: str, limit: int) -> list[Any]:
    raw: Any = values
    if isinstance(raw, str | bytes | kind) or not isinstance(raw, Iterable):
        raise check.fail(field, f"expected a list of {kind.__name__} values, {check.got(raw)}")
    items = list(itertools.islice(raw, limit + 1))
    if len(items) > limit:
        raise check.fail(field, f"expected at most {limit} values")
    for position, item in enumerate(items):
        if not isinstance(item, kind):
            raise check.fail(
                f"{field}[{position}]", f"expected a {kind.__name__}, {check.got(item)}"
            )
    return items


def _contact(event: ContactEvent) -> Contact:
    start = minute_of(event.at)
    return start, start + (event.minutes or 0), event


def _when(contact: Contact, tz: str) -> str:
    start, end, _ = contact
    day = local(start, tz).date()
    label = f"{Weekday.of(day).name.title()} {day.isoformat()}"
    if end > start:
        return f"from {clock(start, tz)} to {clock(end, tz)} on {label}"
    return f"at {clock(start, tz)} on {label}"


def _violation(
    boundary: Boundary, contact: Contact, tz: str, detail: str, **facts: Fact
) -> BoundaryViolation:
    start, _, event = contact
    message = f"{event.kind.noun} {_when(contact, tz)} breaks the boundary: {boundary.describe()}"
    base: dict[str, Fact] = {
        "kind": event.kind.value,
        "at": iso(start, tz),
        "local_time": local(start, tz).strftime("%H:%M"),
    }
    return BoundaryViolation(
        boundary, event, message + (f" ({detail})" if detail else ""), {**base, **facts}
    )


def _after(boundary: Boundary, contact: Contact, tz: str) -> BoundaryViolation | None:
    assert boundary.after is not None
    start, end, _ = contact
    end = max(end, start + 1)
    day = local(start, tz).date()
    for offset in (-1, 0, 1):
        d = day + dt.timedelta(days=offset)
        low = wall(d, boundary.after, tz)
        overnight = boundary.after >= MORNING
        high = wall(d + dt.timedelta(days=1 if overnight else 0), MORNING, tz)
        if start < high and low < end:
            first = max(start, low)
            detail = "" if first == start else f"it is still going at {clock(first, tz)}"
            return _violation(
                boundary, contact, tz, detail, after=f"{boundary.after:%H:%M}", first=iso(first, tz)
            )
    return None


def _on_days(boundary: Boundary, contact: Contact, tz: str) -> BoundaryViolation | None:
    start, end, _ = contact
    days = {local(start, tz).date(), local(max(start, end - 1), tz).date()}
    hit = sorted(d for d in days if Weekday.of(d) in boundary.weekdays)
    if not hit:
        return None
    return _violation(
        boundary, contact, tz, "", weekday=Weekday.of(hit[0]).name.lower(), day=hit[0].isoformat()
    )


def _last_session_ends(contacts: Iterable[Contact], tz: str) -> dict[dt.date, int]:
    ends: dict[dt.date, int] = {}
    for start, end, event in contacts:
        if event.kind is ContactKind.SESSION:
            day = local(start, tz).date()
            ends[day] = max(ends.get(day, end), end)
    return ends


def _gap(
    boundary: Boundary, contact: Contact, tz: str, ends: Mapping[dt.date, int]
) -> BoundaryViolation | None:
    assert boundary.minutes is not None
    start, _, event = contact
    today = local(start, tz).date()
    for back in (2, 1, 0):  # a session ends by the next midnight; a gap is at most a day
        day = today - dt.timedelta(days=back)
        last = ends.get(day)
        own = event.kind is ContactKind.SESSION and back == 0
        if last is not None and not own and last <= start < last + boundary.minutes:
            detail = (
                f"it started {minutes_phrase(start - last)} after the last session ended at "
                f"{clock(last, tz)}"
            )
            return _violation(
                boundary,
                contact,
                tz,
                detail,
                last_session_end=iso(last, tz),
                minutes_after=start - last,
                gap_minutes=boundary.minutes,
            )
    return None
