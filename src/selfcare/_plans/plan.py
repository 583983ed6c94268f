"""Co-created self-care plans: items, rituals, boundaries, contributors and revisions."""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs
import pendulum

from selfcare._core import checks as check
from selfcare._core.errors import UnknownIdError
from selfcare._core.reprs import counted
from selfcare._core.vocabulary import Vocabulary
from selfcare._model.boundaries import Boundary
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog, unknown_ids
from selfcare._model.categories import Benefit, Role
from selfcare._model.pauses import Pause
from selfcare._model.reasons import Reason
from selfcare._model.rituals import AnchorKind, Ritual
from selfcare._time import occurrences as _occurrences
from selfcare._time.calendar import MAX_PLAN_WEEKS, Period
from selfcare._time.recurrence import Recurrence
from selfcare._time.zoned import check_zone, to_at, zoned_key

if TYPE_CHECKING:
    from selfcare._plans.revisions import PlanChanges

__all__ = ["Contributor", "Plan", "PlanItem", "PlanStatus", "Revision"]

MAX_ITEMS = 1_000
MAX_REVISIONS = 1_000
MAX_PAUSES = 100


def _private(value: object) -> str:
    return "<private>" if value else "''"


def _check_all(field: str, values: object, kind: type, limit: int) -> None:
    if not isinstance(values, tuple):
        raise check.fail(field, f"expected a sequence of {kind.__name__} values")
    for value in values:  # a loop, not all(...): most tuples here are short or empty
        if not isinstance(value, kind):
            raise check.fail(field, f"expected a sequence of {kind.__name__} values")
    if len(values) > limit:
        raise check.fail(field, f"expected at most {limit} entries, got {len(values)}")


def _check_unique(field: str, keys: list[str], what: str) -> None:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise check.fail(field, f"expected each {what} once, but {key!r} appears twice")
        seen.add(key)


class PlanStatus(Vocabulary):
    """Where a plan is in its life: a draft, active, completed or revoked."""

    DRAFT = "draft"
    ACTIVE = "active"
    COMPLETED = "completed"
    REVOKED = "revoked"


@attrs.frozen
class PlanItem:
    """One strategy in a plan: when it happens, for how long, and why it is there.

    Attributes:
        strategy_id: the catalog strategy.
        recurrence: when it happens.
        minutes: minutes per occurrence, from 0 to 1440; 0 for a commitment kept without a
            block of time of its own (a consistent bedtime), which then counts in adherence
            and habits but not in the day's minutes.
        reasons: why it is in the plan.
        pauses: periods when this item alone is paused without ending it; a rest of the
            whole plan is a :class:`Pause` in :attr:`Plan.pauses`.
        reminders: when to remind the person, as minutes before each occurrence (0 to
            10,080, at most 5, each once); apps and the calendar export use them, the
            library never schedules anything.

    Example:
        >>> item = PlanItem("short-walk", Recurrence.times_per_week(3), minutes=10)
        >>> item.weekly_minutes
        30.0
    """

    strategy_id: str = attrs.field(validator=check.slug)
    recurrence: Recurrence = attrs.field()
    minutes: int = attrs.field(validator=check.int_in(0, check.MAX_MINUTES))
    reasons: tuple[Reason, ...] = attrs.field(default=(), converter=check.to_tuple)
    pauses: tuple[Period, ...] = attrs.field(default=(), converter=check.to_tuple)
    reminders: tuple[int, ...] = attrs.field(
        default=(), converter=check.to_tuple, validator=check.reminders
    )

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.recurrence, Recurrence):
            raise check.fail("recurrence", "expected a Recurrence, e.g. Recurrence.daily()")
        _check_all("reasons", self.reasons, Reason, 50)
        _check_all("pauses", self.pauses, Period, 100)

    @property
    def weekly_minutes(self) -> float:
        """Average minutes a week, ignoring start, until, count and pauses."""
        per_day = max(1, len(self.recurrence.times))
        return self.minutes * per_day * self.recurrence.days_per_week

    def occurrences(
        self,
        start: dt.datetime | dt.date,
        end: dt.datetime | dt.date,
        *,
        tz: str | zoneinfo.ZoneInfo,
        origin: dt.date | None = None,
        default_time: dt.time = dt.time(9),
        limit: int = 10_000,
    ) -> tuple[pendulum.DateTime, ...]:
        """The occurrences of the item in ``[start, end)``, leaving out the paused days.

        As :meth:`Recurrence.occurrences`, whose arguments these are (``origin`` is usually
        the first day of the plan). A pause removes the occurrences of its days without
        moving any other; like a skipped date, a paused occurrence still counts toward the
        recurrence's ``count``.

        Example:
            >>> item = PlanItem(
            ...     "short-walk",
            ...     Recurrence.daily(at=datetime.time(12)),
            ...     minutes=10,
            ...     pauses=[Period(datetime.date(2026, 12, 24), datetime.date(2026, 12, 26))],
            ... )
            >>> [o.day for o in item.occurrences(
            ...     datetime.date(2026, 12, 23), datetime.date(2026, 12, 28), tz="Europe/London")]
            [23, 27]
        """
        return _occurrences.occurrences(
            self.recurrence,
            start,
            end,
            tz=tz,
            origin=origin,
            default_time=default_time,
            limit=limit,
            pauses=self.pauses,
        )

    def dates(
        self, first: dt.date, last: dt.date, *, origin: dt.date | None = None, limit: int = 10_000
    ) -> tuple[dt.date, ...]:
        """The dates in ``[first, last]`` (both included) the item falls on, pauses left out.

        Example:
            >>> item = PlanItem("short-walk", Recurrence.every_n_days(2), minutes=10)
            >>> item.dates(datetime.date(2026, 1, 5), datetime.date(2026, 1, 9),
            ...            origin=datetime.date(2026, 1, 5))
            (datetime.date(2026, 1, 5), datetime.date(2026, 1, 7), datetime.date(2026, 1, 9))
        """
        return _occurrences.dates(
            self.recurrence, first, last, origin=origin, limit=limit, pauses=self.pauses
        )


@attrs.frozen
class Contributor:
    """Someone who co-creates a plan, named by an id the app gives (never a real name).

    Example:
        >>> Contributor("therapist-1", Role.THERAPIST)
        Contributor(id='therapist-1', role=<Role.THERAPIST: 'therapist'>)
    """

    id: str = attrs.field(validator=check.slug)
    role: Role = attrs.field(validator=check.member(Role))


@attrs.frozen
class Revision:
    """One change to a plan: who made it, when, why, and the plan as it was before.

    ``number`` counts from 1. ``items``, ``rituals``, ``boundaries``, ``goals`` and
    ``pauses`` hold the plan's content before this revision, so any earlier version can be
    compared with the current one. ``reason`` is what a person wrote and is private.

    Example:
        >>> rev = Revision(
        ...     number=1,
        ...     at=pendulum.datetime(2026, 12, 3, 10, tz="Europe/London"),
        ...     by="client-7",
        ...     reason="mornings are too rushed",
        ... )
        >>> "rushed" in repr(rev)
        False
    """

    number: int = attrs.field(validator=check.int_in(1, MAX_REVISIONS))
    at: pendulum.DateTime = attrs.field(converter=to_at, eq=zoned_key)
    by: str = attrs.field(validator=check.slug)
    reason: str = attrs.field(validator=check.text, repr=_private)
    items: tuple[PlanItem, ...] = attrs.field(default=(), converter=check.to_tuple, repr=counted)
    rituals: tuple[Ritual, ...] = attrs.field(default=(), converter=check.to_tuple, repr=counted)
    boundaries: tuple[Boundary, ...] = attrs.field(
        default=(), converter=check.to_tuple, repr=counted
    )
    goals: frozenset[Benefit] = attrs.field(
        default=frozenset(),
        converter=check.to_frozenset,
        validator=check.members(Benefit),
        repr=False,
    )
    pauses: tuple[Pause, ...] = attrs.field(default=(), converter=check.to_tuple, repr=counted)

    def __attrs_post_init__(self) -> None:
        _check_content(self.items, self.rituals, self.boundaries, self.pauses)


def _check_content(items: object, rituals: object, boundaries: object, pauses: object) -> None:
    _check_all("pauses", pauses, Pause, MAX_PAUSES)
    periods = sorted((p.period.first, p.period.last) for p in pauses)  # type: ignore[attr-defined]
    for (_, last), (first, _) in itertools.pairwise(periods):
        if first <= last:
            raise check.fail("pauses", "expected pauses that do not overlap; merge them into one")
    _check_all("items", items, PlanItem, MAX_ITEMS)
    _check_all("rituals", rituals, Ritual, 100)
    _check_all("boundaries", boundaries, Boundary, 100)
    _check_unique("items", [i.strategy_id for i in items], "strategy")  # type: ignore[attr-defined]
    _check_unique("rituals", [r.id for r in rituals], "ritual")  # type: ignore[attr-defined]


@attrs.frozen
class Plan:
    """A co-created self-care plan for one person over a period.

    Attributes:
        id: an id the app gives, or one derived by the generator.
        role: who the plan is for.
        timezone: the person's IANA zone; plan times are wall-clock times there.
        period: the first and last day of the plan.
        status: draft, active, completed or revoked.
        goals: the benefits the plan works toward.
        items: the strategies, each with its recurrence, minutes and reasons.
        rituals: rituals the plan includes.
        boundaries: boundaries the person keeps.
        contributors: who co-creates the plan.
        revisions: every change so far, oldest first.
        shortfall: what the generator could not fit and why, in plain words, or ``None``
            (a daily ritual too long for some days, most strategies too long for any day).
        pauses: rests of the whole plan (a holiday, an illness), inside its period and not
            overlapping; see :class:`Pause`.

    Example:
        >>> plan = Plan(
        ...     id="plan-1",
        ...     role=Role.CLIENT,
        ...     timezone="Europe/London",
        ...     period=Period.weeks_from(datetime.date(2026, 11, 30), 4),
        ...     items=[PlanItem("short-walk", Recurrence.daily(), 10)],
        ... )
        >>> plan.status, plan.version
        (<PlanStatus.DRAFT: 'draft'>, 1)
        >>> plan.item("short-walk").minutes
        10
    """

    id: str = attrs.field(validator=check.slug)
    role: Role = attrs.field(validator=check.member(Role))
    timezone: str = attrs.field()
    period: Period = attrs.field()
    status: PlanStatus = attrs.field(default=PlanStatus.DRAFT, validator=check.member(PlanStatus))
    goals: frozenset[Benefit] = attrs.field(
        default=frozenset(), converter=check.to_frozenset, validator=check.members(Benefit)
    )
    items: tuple[PlanItem, ...] = attrs.field(default=(), converter=check.to_tuple, repr=counted)
    rituals: tuple[Ritual, ...] = attrs.field(default=(), converter=check.to_tuple, repr=counted)
    boundaries: tuple[Boundary, ...] = attrs.field(
        default=(), converter=check.to_tuple, repr=counted
    )
    contributors: tuple[Contributor, ...] = attrs.field(default=(), converter=check.to_tuple)
    revisions: tuple[Revision, ...] = attrs.field(
        default=(), converter=check.to_tuple, repr=counted
    )
    shortfall: str | None = attrs.field(default=None, validator=check.optional_text)
    pauses: tuple[Pause, ...] = attrs.field(default=(), converter=check.to_tuple)

    def __attrs_post_init__(self) -> None:
        check_zone("timezone", self.timezone)
        if not isinstance(self.period, Period):
            raise check.fail("period", "expected a Period, e.g. Period.weeks_from(start, 4)")
        if self.period.days > 7 * MAX_PLAN_WEEKS:
            raise check.fail(
                "period",
                f"expected at most {MAX_PLAN_WEEKS} weeks ({7 * MAX_PLAN_WEEKS} days), the longest "
                f"a plan runs; got {self.period.days} days",
            )
        _check_content(self.items, self.rituals, self.boundaries, self.pauses)
        for n, pause in enumerate(self.pauses):
            first, last = pause.period.first, pause.period.last
            if not self.period.first <= first <= last <= self.period.last:
                raise check.fail(
                    f"pauses[{n}].period", "expected a pause inside the plan's period; shorten it"
                )
        _check_all("contributors", self.contributors, Contributor, 20)
        _check_unique("contributors", [c.id for c in self.contributors], "contributor")
        _check_all("revisions", self.revisions, Revision, MAX_REVISIONS)
        ids = {c.id for c in self.contributors}
        for expected, revision in enumerate(self.revisions, start=1):
            if revision.number != expected:
                raise check.fail(
                    "revisions", f"expected revision {expected} next, numbered in order"
                )
            if revision.by not in ids:
                raise check.fail(
                    "revisions",
                    f"revision {expected} is by {revision.by!r}, who is not a contributor",
                )
        for earlier, later in zip(self.revisions, self.revisions[1:], strict=False):
            if later.at < earlier.at:
                raise check.fail(
                    "revisions", f"revision {later.number} is dated before the one before it"
                )

    def _repr_html_(self) -> str:
        """The plan as HTML for notebooks: a week-by-day grid, then each item's reasons."""
        from selfcare._display.plan import plan_html

        return plan_html(self)

    @property
    def version(self) -> int:
        """The version of the plan: 1 when new, one more after each revision."""
        return len(self.revisions) + 1

    @property
    def strategy_ids(self) -> tuple[str, ...]:
        """The strategies of the plan's items, in order."""
        return tuple(item.strategy_id for item in self.items)

    def minutes_by_date(self) -> dict[dt.date, int]:
        """Planned self-care minutes on each day of the plan, items and timed rituals together.

        Rituals anchored to the working day (transitions after sessions, blocked non-client
        time) are protected time inside working hours and are not counted here. A day the
        plan rests (see :attr:`pauses`) has 0 minutes.

        Example:
            >>> plan = Plan(id="p", role=Role.CLIENT, timezone="UTC",
            ...             period=Period.weeks_from(datetime.date(2026, 1, 5), 1),
            ...             items=[PlanItem("short-walk", Recurrence.weekly([Weekday.MONDAY]), 10)])
            >>> plan.minutes_by_date()[datetime.date(2026, 1, 5)]
            10
        """
        first, last = self.period.first, self.period.last
        totals = {first + dt.timedelta(days=n): 0 for n in range(self.period.days)}
        for item in self.items:
            per_day = item.minutes * max(1, len(item.recurrence.times))
            for day in item.dates(first, last, origin=first, limit=self.period.days):
                totals[day] += per_day
        for ritual in self.rituals:
            if ritual.anchor.kind is AnchorKind.AT_TIME:
                for day in ritual.recurrence.dates(
                    first, last, origin=first, limit=self.period.days
                ):
                    totals[day] += ritual.minutes
        for pause in self.pauses:
            for n in range(pause.period.days):
                totals[pause.period.first + dt.timedelta(days=n)] = 0
        return totals

    @property
    def rest_periods(self) -> tuple[Period, ...]:
        """The periods of the plan's pauses, in order of their first day."""
        return tuple(sorted((pause.period for pause in self.pauses), key=lambda p: p.first))

    def pause_on(self, day: dt.date) -> Pause | None:
        """The pause the plan rests in on ``day``, or ``None`` when it does not rest then."""
        check.check_date("day", day)
        return next((pause for pause in self.pauses if pause.covers(day)), None)

    def revision_of(self, pause: Pause) -> Revision | None:
        """The revision that added a pause (who, when and why), or ``None``.

        ``None`` when the pause was in the plan from the start, or is not in it.

        Example:
            >>> plan = Plan(id="p", role=Role.CLIENT, timezone="UTC",
            ...             period=Period.weeks_from(datetime.date(2026, 8, 3), 4))
            >>> rest = Pause(Period(datetime.date(2026, 8, 10), datetime.date(2026, 8, 14)))
            >>> plan = plan.pause(rest, by=Contributor("client-7", Role.CLIENT),
            ...                   at=pendulum.datetime(2026, 8, 7, 18, tz="UTC"), reason="flu")
            >>> plan.revision_of(rest).by
            'client-7'
        """
        if pause not in self.pauses or not self.revisions:
            return None
        # A revision holds the pauses from before it: the one that added ``pause`` lacks it,
        # and the version after it (the next revision's snapshot, or the plan) holds it.
        after = [*(r.pauses for r in self.revisions[1:]), self.pauses]
        found = None
        for revision, pauses_after in zip(self.revisions, after, strict=True):
            if pause not in revision.pauses and pause in pauses_after:
                found = revision  # the latest, should it have been removed and added again
        return found

    def pause(self, pause: Pause, *, by: str | Contributor, at: dt.datetime, reason: str) -> Plan:
        """Return the plan resting over ``pause``, recorded as one revision.

        Nothing is planned on the days of the pause, adherence leaves them out, and habit
        strength and streaks freeze over them as over a skipped day. To end a pause early
        or remove it, revise the plan with new ``pauses``.

        Args:
            pause: the days and the kind of rest (a holiday, an illness).
            by: who paused it: a contributor's id, or a ``Contributor``.
            at: when, as a zoned datetime; not before the previous revision.
            reason: why, in the person's words (private).

        Raises:
            ValidationError: the plan is completed or revoked, the pause is outside the
                plan's period or overlaps another, ``by`` is not a contributor, or ``at`` is
                before the last revision.

        Example:
            >>> plan = Plan(id="p", role=Role.CLIENT, timezone="UTC",
            ...             period=Period.weeks_from(datetime.date(2026, 8, 3), 4),
            ...             items=[PlanItem("short-walk", Recurrence.daily(), 10)])
            >>> holiday = Pause(Period(datetime.date(2026, 8, 10), datetime.date(2026, 8, 16)),
            ...                 PauseKind.HOLIDAY)
            >>> rested = plan.pause(holiday, by=Contributor("client-7", Role.CLIENT),
            ...                     at=pendulum.datetime(2026, 8, 7, 18, tz="UTC"),
            ...                     reason="a week away")
            >>> rested.version, rested.minutes_on(datetime.date(2026, 8, 11))
            (2, 0)
        """
        check.check_instance("pause", pause, Pause)
        return self.revise(by=by, at=at, reason=reason, pauses=(*self.pauses, pause))

    def minutes_on(self, day: dt.date) -> int:
        """Planned self-care minutes on one day (0 outside the plan's period)."""
        return self.minutes_by_date().get(check.check_date("day", day), 0)

    def activate(self, *, by: str | Contributor, at: dt.datetime, reason: str = "") -> Plan:
        """Return the plan, now active, recording who agreed to it and when.

        Only a draft can be activated. The agreement is kept as a revision that changes no
        item: :attr:`revisions` then shows who agreed (``by``) and when (``at``), and the
        plan's version goes up by one.

        Args:
            by: who agreed: a contributor's id, or a :class:`Contributor` (added to the
                plan's contributors when new).
            at: when, as a zoned datetime; not before the previous revision.
            reason: a note on the agreement, in the person's words (private).

        Raises:
            ValidationError: the plan is not a draft, ``by`` is not a contributor, or
                ``at`` is before the last revision.

        Example:
            >>> plan = Plan(id="p", role=Role.CLIENT, timezone="UTC",
            ...             period=Period.weeks_from(datetime.date(2026, 1, 5), 4))
            >>> agreed = plan.activate(by=Contributor("client-7", Role.CLIENT),
            ...                        at=pendulum.datetime(2026, 1, 4, 18, tz="UTC"))
            >>> agreed.status.value, agreed.version, agreed.revisions[-1].by
            ('active', 2, 'client-7')
        """
        from selfcare._plans.revisions import activate

        return activate(self, by=by, at=at, reason=reason)

    def complete(self) -> Plan:
        """Return the plan, now completed. Only an active plan can be completed."""
        from selfcare._plans.revisions import complete

        return complete(self)

    def revoke(self) -> Plan:
        """Return the plan, now revoked. A draft or an active plan can be revoked."""
        from selfcare._plans.revisions import revoke

        return revoke(self)

    def revise(
        self,
        *,
        by: str | Contributor,
        at: dt.datetime,
        reason: str,
        add: Iterable[PlanItem] = (),
        remove: Iterable[str] = (),
        replace: Iterable[PlanItem] = (),
        goals: Iterable[Benefit] | None = None,
        rituals: Iterable[Ritual] | None = None,
        boundaries: Iterable[Boundary] | None = None,
        pauses: Iterable[Pause] | None = None,
        catalog: Catalog | None = None,
    ) -> Plan:
        """Return the plan with a change made together, recorded as a new revision.

        Only a draft or an active plan can be revised.

        Args:
            by: who made the change: a contributor's id, or a ``Contributor`` (added to the
                plan's contributors when new).
            at: when, as a zoned datetime; not before the previous revision.
            reason: why, in the person's words (private: never shown in a ``repr``).
            add: new items (their strategies must not be in the plan yet).
            remove: strategy ids of items to drop.
            replace: items that take the place of the items for the same strategies.
            goals: the plan's new goals, when they change.
            rituals: the plan's new rituals, when they change.
            boundaries: the plan's new boundaries, when they change.
            pauses: the plan's new pauses, when they change (see :meth:`pause`).
            catalog: the catalog the strategies and rituals added must be in (default: the
                built-in one).

        Raises:
            UnknownIdError: an item or ritual added names a strategy or ritual the catalog
                does not hold, or an item removed or replaced is not in the plan (every such
                id is listed, with its path).
            ValidationError: the plan is completed or revoked, ``by`` is not a contributor, an
                id is repeated, ``at`` is before the last revision, or nothing changed.

        Example:
            >>> plan = Plan(id="p", role=Role.CLIENT, timezone="Europe/London",
            ...             period=Period.weeks_from(datetime.date(2026, 1, 5), 4),
            ...             items=[PlanItem("short-walk", Recurrence.daily(), 10)])
            >>> plan = plan.revise(by=Contributor("client-7", Role.CLIENT),
            ...                    at=pendulum.datetime(2026, 1, 12, 18, tz="Europe/London"),
            ...                    reason="too much at once", remove=["short-walk"],
            ...                    add=[PlanItem("mindful-breathing", Recurrence.daily(), 3)])
            >>> plan.version, plan.strategy_ids
            (2, ('mindful-breathing',))
        """
        from selfcare._plans.revisions import revise

        return revise(
            self,
            by=by,
            at=at,
            reason=reason,
            add=add,
            remove=remove,
            replace=replace,
            goals=goals,
            rituals=rituals,
            boundaries=boundaries,
            pauses=pauses,
            catalog=catalog,
        )

    def changes_since(self, version: int) -> PlanChanges:
        """What changed between an earlier version (1 is the first) and this one."""
        from selfcare._plans.revisions import compare

        return compare(self, version)

    def item(self, strategy_id: str) -> PlanItem:
        """The item for a strategy.

        Raises:
            UnknownIdError: the plan has no item for that strategy; it suggests the closest
                of the plan's strategy ids (and quotes the id only if it looks like one).
        """
        for candidate in self.items:
            if candidate.strategy_id == strategy_id:
                return candidate
        index = {item.strategy_id: item for item in self.items}
        raise UnknownIdError.of(unknown_ids(index, "plan item", [("strategy_id", strategy_id)]))

    def check(self, catalog: Catalog | None = None) -> None:
        """Require every strategy and ritual the plan names to be in a catalog.

        A plan is data and is built without a catalog; call this to check one made
        elsewhere (loaded from storage, or built by hand) against the catalog an app uses.

        Args:
            catalog: the catalog (default: the built-in one).

        Raises:
            UnknownIdError: listing every id the catalog does not hold, each with its path
                (``items[2].strategy_id``, ``rituals[0].steps[1].strategy_id``) and the
                closest ids it does hold.

        Example:
            >>> plan = Plan(id="p", role=Role.CLIENT, timezone="UTC",
            ...             period=Period.weeks_from(datetime.date(2026, 1, 5), 2),
            ...             items=[PlanItem("short-wlak", Recurrence.daily(), 10)])
            >>> plan.check()
            Traceback (most recent call last):
            ...
            selfcare.errors.UnknownIdError: items[0].strategy_id: no strategy with id 'short-wlak' in this catalog; did you mean 'short-walk'?
        """  # noqa: E501
        require_known(catalog_or_default(catalog), self.items, self.rituals)


def require_known(
    catalog: Catalog, items: Iterable[PlanItem], rituals: Iterable[Ritual], where: str = ""
) -> None:
    """Require the strategies and rituals of plan items and rituals to be in the catalog.

    Paths are ``items[n].strategy_id``, ``rituals[n].id`` and
    ``rituals[n].steps[m].strategy_id``, after ``where`` (e.g. ``"add"`` gives ``add[0]...``).
    """
    items_path = where or "items"
    rituals_path = where or "rituals"
    strategies = [(f"{items_path}[{n}].strategy_id", i.strategy_id) for n, i in enumerate(items)]
    ritual_ids = []
    for r, ritual in enumerate(rituals):
        ritual_ids.append((f"{rituals_path}[{r}].id", ritual.id))
        strategies += [
            (f"{rituals_path}[{r}].steps[{s}].strategy_id", step.strategy_id)
            for s, step in enumerate(ritual.steps)
        ]
    catalog.require_at(strategies=strategies, rituals=ritual_ids)
