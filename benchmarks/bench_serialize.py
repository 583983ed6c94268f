"""Benchmark selfcare's JSON round trip against pydantic v2 and msgspec models of the same shape.

Run it with ``python benchmarks/bench_serialize.py`` (needs the ``bench`` extra). Two
workloads, each dumped to JSON text and loaded back, timed side by side in one process:

* a ``Plan`` with 200 items (each with a recurrence and two reasons, some with a pause),
  3 rituals, 3 boundaries, 2 contributors and 2 revisions holding 20 items each;
* a ``Plan`` of 200 items as ``generate_plan`` makes them (three or four reasons each, with
  the generator's sentences and facts) and its rituals: a year's plan for a therapist, its
  ten items repeated under new ids, since a generated plan holds 12 items at most. Its
  reasons make up most of it, and reading a reason is where selfcare is furthest behind
  pydantic, so this plan's ratios are the higher ones;
* a list of 365 ``Reflection`` values, one a day through 2026 in Europe/London.

selfcare is timed with the standard library's JSON and, when selfcare has orjson to use
(``selfcare._io.documents.orjson``), with orjson too; the rivals' times do not depend on it.

The pydantic and msgspec models read exactly the documents selfcare writes (format version
3) and write them back in the same form. They are as strict as selfcare: no coercion,
unknown keys rejected, frozen; the same ranges, slugs, text lengths and collection sizes
(``docs/reference/limits.md``); a set is a list of distinct values, kept sorted as
selfcare writes it, and a mapping is kept with its keys sorted; a time of day is read as
``HH:MM[:SS]`` into a ``datetime.time`` and written back so; a plan's time zone must be one
selfcare accepts. A zoned instant (``2026-03-01T09:00:00+00:00[Europe/London]``, RFC 9557)
is parsed into an aware ``datetime`` whose ``tzinfo`` is the ``zoneinfo.ZoneInfo`` of its
IANA zone, with the offset checked against the zone (which sets ``fold``; a time in a
daylight-saving gap is refused), and written back in the same form: the work selfcare does.
For reflections, a plain pydantic model that reads ISO instants with an offset only
(``pydantic.AwareDatetime``, the zone names removed from its document) is timed beside it,
for information: it does less, and loses the zone.

The models do not check what selfcare's own types check across fields (unique ids,
recurrence rules, a period's order, revision order, a ritual's distinct steps), nor
selfcare's limits on a document's nesting and size or its refusal of repeated keys, and
they build stdlib values where selfcare builds pendulum ones. ``run()`` returns the rows
for ``benchmarks/run.py``.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import re
import statistics
import time
import zoneinfo
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Annotated, Any, Literal

import attrs
import msgspec
import pendulum
import pydantic
from msgspec.structs import force_setattr
from pydantic import AfterValidator, ConfigDict, Field, PlainSerializer, PlainValidator

from selfcare import (
    Anchor,
    AnchorKind,
    Benefit,
    Boundary,
    BoundaryKind,
    Category,
    Contributor,
    Frequency,
    Journal,
    PauseKind,
    Period,
    Plan,
    PlanItem,
    PlanStatus,
    Practice,
    PracticeStatus,
    Profile,
    Ratings,
    Reason,
    ReasonCode,
    Recurrence,
    Reflection,
    Revision,
    Ritual,
    RitualStep,
    Role,
    Weekday,
    generate_plan,
)
from selfcare._io import documents
from selfcare._time.zoned import accepted_zones
from selfcare.serialize import from_dict, from_json, to_dict, to_json

# The workloads.

WEEKLY = Recurrence.weekly([Weekday.MONDAY, Weekday.WEDNESDAY, Weekday.FRIDAY], at=dt.time(7, 30))
RECURRENCES = (
    WEEKLY,
    Recurrence.daily(at=[dt.time(7), dt.time(21)]),
    Recurrence.times_per_week(3),
    Recurrence.every_n_days(2, start=dt.date(2026, 1, 5)),
)


def _item(i: int) -> PlanItem:
    reasons = [
        Reason(
            ReasonCode.GOAL, "serves your goal: builds coping skills", {"goal": "coping-skills"}
        ),
        Reason(ReasonCode.FITS_TIME, "fits in the time you have", {"minutes": 20, "share": 0.25}),
    ]
    pauses = [Period(dt.date(2026, 2, 9), dt.date(2026, 2, 15))] if i % 10 == 0 else []
    recurrence = RECURRENCES[i % len(RECURRENCES)]
    return PlanItem(f"strategy-{i}", recurrence, 5 + i % 55, reasons, pauses)


def make_plan(items: int = 200) -> Plan:
    """A plan with ``items`` items and a little of everything else."""
    rituals = [
        Ritual(
            id=f"ritual-{n}",
            name="Transition between sessions",
            steps=[RitualStep("short-walk", 5), RitualStep("mindful-breathing", 3)],
            anchor=Anchor.after_each_session() if n else Anchor.at(dt.time(21)),
            recurrence=Recurrence.daily(),
            roles={Role.THERAPIST},
            description="A few minutes to reset between clients.",
        )
        for n in range(3)
    ]
    boundaries = [
        Boundary.no_contact_after(dt.time(18), "no client email after six"),
        Boundary.no_contact_on([Weekday.SATURDAY, Weekday.SUNDAY]),
        Boundary.gap_after_last_session(30),
    ]
    people = [Contributor("therapist-1", Role.THERAPIST), Contributor("client-7", Role.CLIENT)]
    revisions = [
        Revision(
            number=n,
            at=pendulum.datetime(2026, 1, 5 + 7 * n, 18, tz="Europe/London"),
            by=people[n % 2].id,
            reason="mornings are too rushed this month",
            items=[_item(i) for i in range(20)],
            goals={Benefit.COPING_SKILLS},
        )
        for n in (1, 2)
    ]
    return Plan(
        id="plan-1",
        role=Role.CLIENT,
        timezone="Europe/London",
        period=Period.weeks_from(dt.date(2026, 1, 5), 12),
        status=PlanStatus.ACTIVE,
        goals={Benefit.COPING_SKILLS, Benefit.RESILIENCE, Benefit.TRUST},
        items=[_item(i) for i in range(items)],
        rituals=rituals,
        boundaries=boundaries,
        contributors=people,
        revisions=revisions,
    )


def make_generated_plan(items: int = 200) -> Plan:
    """A plan of ``items`` items as ``generate_plan`` makes them, its items repeated under new ids.

    A generated plan holds a handful of items (12 at most), which a person can keep up; its
    items, with their recurrences and reasons, are repeated under new ids up to ``items``.
    """
    profile = Profile(
        role=Role.THERAPIST,
        timezone="Europe/London",
        daily_minutes=60,
        goals={Benefit.RESILIENCE, Benefit.PRESENCE},
        values={"nature"},
    )
    plan = generate_plan(profile, start=dt.date(2026, 11, 30), weeks=52, seed=1)
    made = [
        attrs.evolve(item, strategy_id=f"{item.strategy_id}-{n}")
        for n in range(items // len(plan.items) + 1)
        for item in plan.items
    ]
    return attrs.evolve(plan, items=made[:items])


def make_reflections(days: int = 365) -> list[Reflection]:
    """One reflection a day at 21:00 in London, from 2026-01-01."""
    first = dt.date(2026, 1, 1)
    out = []
    for n in range(days):
        day = first + dt.timedelta(days=n)
        out.append(
            Reflection(
                at=pendulum.datetime(day.year, day.month, day.day, 21, tz="Europe/London"),
                author=Role.CLIENT,
                ratings=Ratings(mood=n % 11, energy=(n * 3) % 11, stress=(n * 7) % 11),
                self_ratings={Category.PHYSICAL: 1 + n % 5, Category.EMOTIONAL: 1 + n % 3},
                practised=[
                    Practice.done("short-walk", 15),
                    Practice.done("mindful-breathing"),
                    Practice.skipped("journaling"),
                ],
                journal=Journal(
                    insight="I rush when I am tired and forget to eat lunch",
                    gratitude="a long call with my sister",
                ),
                wants_support=n % 30 == 0,
            )
        )
    return out


# What the mirrors share: the limits, and the parsing and writing of times and instants.

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
FACT_NAME = r"^[a-z][a-z0-9_]{0,63}$"
MAX_NAME, MAX_TEXT, MAX_MINUTES = 200, 10_000, 1440
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_ORDER = {day: n for n, day in enumerate(DAYS)}
DayName = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
#: The zone names selfcare accepts (places, and UTC), looked up in a set as selfcare does.
ZONES = accepted_zones()
ZONED = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?"
    r"[+-][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)\[([A-Za-z0-9_+\-/]{1,64})\]"
)
TIME_OF_DAY = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?")


def parse_zoned(value: object, kind: type[dt.datetime] = dt.datetime) -> dt.datetime:
    """An RFC 9557 instant as an aware ``kind`` in its IANA zone, its offset checked.

    The instant is the one the wall-clock time and offset give; the zone must give that
    offset at that instant, so an offset the zone does not give there, and a wall-clock
    time in a daylight-saving gap, are refused, and an ambiguous one gets its ``fold``.
    """
    match = ZONED.fullmatch(value) if type(value) is str else None
    if match is None:
        raise ValueError(
            "expected a zoned date-time such as 2026-03-29T07:00:00+01:00[Europe/London]"
        )
    stamp, name = match.groups()
    if name not in ZONES:
        raise ValueError("expected an IANA time zone name in the brackets")
    stated = kind.fromisoformat(stamp)  # refuses a day or time that does not exist
    local = stated.astimezone(zoneinfo.ZoneInfo(name))
    if local.utcoffset() != stated.utcoffset():
        raise ValueError("the UTC offset does not match the time zone at that time")
    return local


def format_zoned(value: dt.datetime) -> str:
    """An aware datetime in a ``ZoneInfo`` zone as RFC 9557 text."""
    zone: Any = value.tzinfo
    return f"{value.isoformat()}[{zone.key}]"


def parse_time(value: object, kind: type[dt.time] = dt.time) -> dt.time:
    """A time of day written ``HH:MM`` or ``HH:MM:SS``."""
    if type(value) is not str or TIME_OF_DAY.fullmatch(value) is None:
        raise ValueError("expected a time of day as HH:MM or HH:MM:SS")
    return kind(int(value[:2]), int(value[3:5]), int(value[6:]) if len(value) == 8 else 0)


def format_time(value: dt.time) -> str:
    """A time of day as ``HH:MM``, with ``:SS`` only when the seconds are not zero."""
    return value.isoformat("seconds" if value.second else "minutes")


def distinct_sorted(values: tuple[Any, ...], key: Callable[[Any], Any] | None = None) -> Any:
    """The values of a set, each once, sorted; a repeated value is refused."""
    if len(values) < 2:
        return values
    if len(set(values)) != len(values):
        raise ValueError("expected each value once")
    return tuple(sorted(values, key=key))


def distinct(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """The values of a list kept in its order (reminders), each once; a repeat is refused."""
    if len(set(values)) != len(values):
        raise ValueError("expected each value once")
    return values


def sorted_keys(mapping: dict[Any, Any]) -> dict[Any, Any]:
    """A mapping with its keys in order."""
    return mapping if len(mapping) < 2 else dict(sorted(mapping.items()))


def zone_name(value: str) -> str:
    """A zone name selfcare accepts."""
    if value not in ZONES:
        raise ValueError("expected an IANA time zone name such as Europe/London")
    return value


# pydantic v2 models: the same fields, JSON shape and checks.

Slug = Annotated[str, Field(pattern=SLUG, max_length=64)]
Name = Annotated[str, Field(max_length=MAX_NAME, pattern=r"\S")]  # not blank
Text = Annotated[str, Field(max_length=MAX_TEXT)]
Minutes = Annotated[int, Field(ge=1, le=MAX_MINUTES)]
Rating = Annotated[int, Field(ge=0, le=10)]
DayOrLast = Literal[-1] | Annotated[int, Field(ge=1, le=31)]
NthOrLast = Literal[-1] | Annotated[int, Field(ge=1, le=4)]
Fact = (
    Annotated[int, Field(ge=-(2**63) + 1, le=2**63 - 1)]
    | Annotated[float, Field(allow_inf_nan=False)]
    | Annotated[str, Field(max_length=MAX_NAME)]
)
Days = Annotated[
    tuple[DayName, ...], AfterValidator(lambda v: distinct_sorted(v, DAY_ORDER.__getitem__))
]
Benefits = Annotated[tuple[Benefit, ...], AfterValidator(distinct_sorted)]
Roles = Annotated[tuple[Role, ...], Field(min_length=1), AfterValidator(distinct_sorted)]
Reminders = Annotated[
    tuple[Annotated[int, Field(ge=0, le=7 * 1440)], ...],
    Field(max_length=5),
    AfterValidator(distinct),
]
Dates = Annotated[tuple[dt.date, ...], Field(max_length=1000), AfterValidator(distinct_sorted)]
TimeOfDay = Annotated[
    dt.time,
    PlainValidator(parse_time),
    PlainSerializer(format_time, return_type=str, when_used="json"),
]
Zoned = Annotated[
    dt.datetime,
    PlainValidator(parse_zoned),
    PlainSerializer(format_zoned, return_type=str, when_used="json"),
]
_STRICT = ConfigDict(strict=True, extra="forbid", frozen=True)


class PRecurrence(pydantic.BaseModel):
    model_config = _STRICT
    frequency: Frequency
    interval: Annotated[int, Field(ge=1, le=366)] = 1
    weekdays: Days = ()
    per_week: Annotated[int, Field(ge=1, le=7)] | None = None
    times: Annotated[tuple[TimeOfDay, ...], Field(max_length=24)] = ()
    start: dt.date | None = None
    until: dt.date | None = None
    count: Annotated[int, Field(ge=1, le=10_000)] | None = None
    skipped: Dates = ()
    monthday: DayOrLast | None = None
    nth: NthOrLast | None = None


class PReason(pydantic.BaseModel):
    model_config = _STRICT
    code: ReasonCode
    text: Name
    facts: Annotated[
        dict[Annotated[str, Field(pattern=FACT_NAME)], Fact], AfterValidator(sorted_keys)
    ] = {}


class PPeriod(pydantic.BaseModel):
    model_config = _STRICT
    first: dt.date
    last: dt.date


class PPlanItem(pydantic.BaseModel):
    model_config = _STRICT
    strategy_id: Slug
    recurrence: PRecurrence
    minutes: Annotated[int, Field(ge=0, le=MAX_MINUTES)]
    reasons: Annotated[tuple[PReason, ...], Field(max_length=50)] = ()
    pauses: Annotated[tuple[PPeriod, ...], Field(max_length=100)] = ()
    reminders: Reminders = ()


class PPause(pydantic.BaseModel):
    model_config = _STRICT
    period: PPeriod
    kind: PauseKind = PauseKind.BREAK


class PAnchor(pydantic.BaseModel):
    model_config = _STRICT
    kind: AnchorKind
    time: TimeOfDay | None = None


class PRitualStep(pydantic.BaseModel):
    model_config = _STRICT
    strategy_id: Slug
    minutes: Minutes
    alternatives: Annotated[tuple[Slug, ...], Field(max_length=20)] = ()


class PRitual(pydantic.BaseModel):
    model_config = _STRICT
    id: Slug
    name: Name
    steps: Annotated[tuple[PRitualStep, ...], Field(min_length=1, max_length=20)]
    anchor: PAnchor
    recurrence: PRecurrence
    roles: Roles
    description: Text = ""
    done_at_least: Annotated[int, Field(ge=1, le=20)] | None = None
    reminders: Reminders = ()


class PBoundary(pydantic.BaseModel):
    model_config = _STRICT
    kind: BoundaryKind
    after: TimeOfDay | None = None
    weekdays: Days = ()
    minutes: Minutes | None = None
    description: Text = ""


class PContributor(pydantic.BaseModel):
    model_config = _STRICT
    id: Slug
    role: Role


class PRevision(pydantic.BaseModel):
    model_config = _STRICT
    number: Annotated[int, Field(ge=1, le=1000)]
    at: Zoned
    by: Slug
    reason: Text
    items: Annotated[tuple[PPlanItem, ...], Field(max_length=1000)] = ()
    rituals: Annotated[tuple[PRitual, ...], Field(max_length=100)] = ()
    boundaries: Annotated[tuple[PBoundary, ...], Field(max_length=100)] = ()
    goals: Benefits = ()
    pauses: Annotated[tuple[PPause, ...], Field(max_length=100)] = ()


class PPlan(pydantic.BaseModel):
    model_config = _STRICT
    schema_version: Literal[4]
    type: Literal["plan"]
    id: Slug
    role: Role
    timezone: Annotated[str, AfterValidator(zone_name)]
    period: PPeriod
    status: PlanStatus = PlanStatus.DRAFT
    goals: Benefits = ()
    items: Annotated[tuple[PPlanItem, ...], Field(max_length=1000)] = ()
    rituals: Annotated[tuple[PRitual, ...], Field(max_length=100)] = ()
    boundaries: Annotated[tuple[PBoundary, ...], Field(max_length=100)] = ()
    contributors: Annotated[tuple[PContributor, ...], Field(max_length=20)] = ()
    revisions: Annotated[tuple[PRevision, ...], Field(max_length=1000)] = ()
    shortfall: Text | None = None
    pauses: Annotated[tuple[PPause, ...], Field(max_length=100)] = ()


class PRatings(pydantic.BaseModel):
    model_config = _STRICT
    mood: Rating | None = None
    energy: Rating | None = None
    stress: Rating | None = None


class PPractice(pydantic.BaseModel):
    model_config = _STRICT
    strategy_id: Slug
    status: PracticeStatus
    minutes: Minutes | None = None
    amount: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    note: Text | None = None


class PJournal(pydantic.BaseModel):
    model_config = _STRICT
    insight: Text | None = None
    gratitude: Text | None = None
    note: Text | None = None


class PReflection(pydantic.BaseModel):
    model_config = _STRICT
    at: Zoned
    author: Role
    ratings: PRatings = PRatings()
    self_ratings: Annotated[
        dict[Category, Annotated[int, Field(ge=1, le=5)]], AfterValidator(sorted_keys)
    ] = {}
    practised: Annotated[tuple[PPractice, ...], Field(max_length=100)] = ()
    journal: PJournal = PJournal()
    wants_support: bool = False


class PReflections(pydantic.BaseModel):
    model_config = _STRICT
    schema_version: Literal[4]
    type: Literal["list"]
    values: Annotated[list[PReflection], Field(max_length=100_000)]


class PPlainReflection(PReflection):
    """A reflection whose instant is ISO text with an offset and no zone (less work)."""

    at: pydantic.AwareDatetime


class PPlainReflections(PReflections):
    values: Annotated[list[PPlainReflection], Field(max_length=100_000)]  # type: ignore[assignment]


def without_zones(text: str) -> str:
    """A reflections document with each instant's zone name removed, for ``PPlainReflections``."""
    doc = json.loads(text)
    for value in doc["values"]:
        value["at"] = value["at"].partition("[")[0]
    return json.dumps(doc, separators=(",", ":"))


# msgspec structs: the same fields, JSON shape and checks. Zoned instants and times of day
# are read and written by hooks, into subclasses of the stdlib types (msgspec gives its own
# datetime and time formats to the stdlib types themselves).


class MZoned(dt.datetime):
    __slots__ = ()


class MTime(dt.time):
    __slots__ = ()


def _dec_hook(kind: type, value: Any) -> Any:
    if kind is MZoned:
        return parse_zoned(value, MZoned)
    if kind is MTime:
        return parse_time(value, MTime)
    raise NotImplementedError(kind)


def _enc_hook(value: Any) -> Any:
    if type(value) is MZoned:
        return format_zoned(value)
    if type(value) is MTime:
        return format_time(value)
    raise NotImplementedError(type(value))


def _as_set(struct: msgspec.Struct, name: str, key: Callable[[Any], Any] | None = None) -> None:
    values = getattr(struct, name)
    if len(values) > 1:
        force_setattr(struct, name, distinct_sorted(values, key))


MSlug = Annotated[str, msgspec.Meta(pattern=SLUG, max_length=64)]
MName = Annotated[str, msgspec.Meta(max_length=MAX_NAME, pattern=r"\S")]
MText = Annotated[str, msgspec.Meta(max_length=MAX_TEXT)]
MMinutes = Annotated[int, msgspec.Meta(ge=1, le=MAX_MINUTES)]
MRating = Annotated[int, msgspec.Meta(ge=0, le=10)]
MFact = (
    Annotated[int, msgspec.Meta(ge=-(2**63) + 1, le=2**63 - 1)]
    | float  # msgspec refuses NaN and Infinity in JSON
    | Annotated[str, msgspec.Meta(max_length=MAX_NAME)]
)
MDayOrLast = Annotated[int, msgspec.Meta(ge=-1, le=31)]  # and not 0: checked after
MNthOrLast = Annotated[int, msgspec.Meta(ge=-1, le=4)]  # and not 0: checked after
_DAY_KEY = DAY_ORDER.__getitem__
MReminders = Annotated[
    tuple[Annotated[int, msgspec.Meta(ge=0, le=7 * 1440)], ...], msgspec.Meta(max_length=5)
]


def _distinct(values: tuple[Any, ...]) -> None:
    distinct(values)


class _Struct(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    pass


class MRecurrence(_Struct, frozen=True):
    frequency: Frequency
    interval: Annotated[int, msgspec.Meta(ge=1, le=366)] = 1
    weekdays: tuple[DayName, ...] = ()
    per_week: Annotated[int, msgspec.Meta(ge=1, le=7)] | None = None
    times: Annotated[tuple[MTime, ...], msgspec.Meta(max_length=24)] = ()
    start: dt.date | None = None
    until: dt.date | None = None
    count: Annotated[int, msgspec.Meta(ge=1, le=10_000)] | None = None
    skipped: Annotated[tuple[dt.date, ...], msgspec.Meta(max_length=1000)] = ()
    monthday: MDayOrLast | None = None
    nth: MNthOrLast | None = None

    def __post_init__(self) -> None:
        _as_set(self, "weekdays", _DAY_KEY)
        _as_set(self, "skipped")
        if self.monthday == 0 or self.nth == 0:
            raise ValueError("expected a day from 1, or -1 for the last")


class MReason(_Struct, frozen=True):
    code: ReasonCode
    text: MName
    facts: dict[Annotated[str, msgspec.Meta(pattern=FACT_NAME)], MFact] = {}

    def __post_init__(self) -> None:
        if len(self.facts) > 1:
            force_setattr(self, "facts", sorted_keys(self.facts))


class MPeriod(_Struct, frozen=True):
    first: dt.date
    last: dt.date


class MPlanItem(_Struct, frozen=True):
    strategy_id: MSlug
    recurrence: MRecurrence
    minutes: Annotated[int, msgspec.Meta(ge=0, le=MAX_MINUTES)]
    reasons: Annotated[tuple[MReason, ...], msgspec.Meta(max_length=50)] = ()
    pauses: Annotated[tuple[MPeriod, ...], msgspec.Meta(max_length=100)] = ()
    reminders: MReminders = ()

    def __post_init__(self) -> None:
        _distinct(self.reminders)


class MPause(_Struct, frozen=True):
    period: MPeriod
    kind: PauseKind = PauseKind.BREAK


class MAnchor(_Struct, frozen=True):
    kind: AnchorKind
    time: MTime | None = None


class MRitualStep(_Struct, frozen=True):
    strategy_id: MSlug
    minutes: MMinutes
    alternatives: Annotated[tuple[MSlug, ...], msgspec.Meta(max_length=20)] = ()


class MRitual(_Struct, frozen=True):
    id: MSlug
    name: MName
    steps: Annotated[tuple[MRitualStep, ...], msgspec.Meta(min_length=1, max_length=20)]
    anchor: MAnchor
    recurrence: MRecurrence
    roles: Annotated[tuple[Role, ...], msgspec.Meta(min_length=1)]
    description: MText = ""
    done_at_least: Annotated[int, msgspec.Meta(ge=1, le=20)] | None = None
    reminders: MReminders = ()

    def __post_init__(self) -> None:
        _as_set(self, "roles")
        _distinct(self.reminders)


class MBoundary(_Struct, frozen=True):
    kind: BoundaryKind
    after: MTime | None = None
    weekdays: tuple[DayName, ...] = ()
    minutes: MMinutes | None = None
    description: MText = ""

    def __post_init__(self) -> None:
        _as_set(self, "weekdays", _DAY_KEY)


class MContributor(_Struct, frozen=True):
    id: MSlug
    role: Role


class MRevision(_Struct, frozen=True):
    number: Annotated[int, msgspec.Meta(ge=1, le=1000)]
    at: MZoned
    by: MSlug
    reason: MText
    items: Annotated[tuple[MPlanItem, ...], msgspec.Meta(max_length=1000)] = ()
    rituals: Annotated[tuple[MRitual, ...], msgspec.Meta(max_length=100)] = ()
    boundaries: Annotated[tuple[MBoundary, ...], msgspec.Meta(max_length=100)] = ()
    goals: tuple[Benefit, ...] = ()
    pauses: Annotated[tuple[MPause, ...], msgspec.Meta(max_length=100)] = ()

    def __post_init__(self) -> None:
        _as_set(self, "goals")


class MPlan(_Struct, frozen=True):
    schema_version: Literal[4]
    type: Literal["plan"]
    id: MSlug
    role: Role
    timezone: str
    period: MPeriod
    status: PlanStatus = PlanStatus.DRAFT
    goals: tuple[Benefit, ...] = ()
    items: Annotated[tuple[MPlanItem, ...], msgspec.Meta(max_length=1000)] = ()
    rituals: Annotated[tuple[MRitual, ...], msgspec.Meta(max_length=100)] = ()
    boundaries: Annotated[tuple[MBoundary, ...], msgspec.Meta(max_length=100)] = ()
    contributors: Annotated[tuple[MContributor, ...], msgspec.Meta(max_length=20)] = ()
    revisions: Annotated[tuple[MRevision, ...], msgspec.Meta(max_length=1000)] = ()
    shortfall: MText | None = None
    pauses: Annotated[tuple[MPause, ...], msgspec.Meta(max_length=100)] = ()

    def __post_init__(self) -> None:
        zone_name(self.timezone)
        _as_set(self, "goals")


class MRatings(_Struct, frozen=True):
    mood: MRating | None = None
    energy: MRating | None = None
    stress: MRating | None = None


class MPractice(_Struct, frozen=True):
    strategy_id: MSlug
    status: PracticeStatus
    minutes: MMinutes | None = None
    amount: Annotated[int, msgspec.Meta(ge=0, le=1_000_000)] | None = None
    note: MText | None = None


class MJournal(_Struct, frozen=True):
    insight: MText | None = None
    gratitude: MText | None = None
    note: MText | None = None


class MReflection(_Struct, frozen=True):
    at: MZoned
    author: Role
    ratings: MRatings = MRatings()
    self_ratings: dict[Category, Annotated[int, msgspec.Meta(ge=1, le=5)]] = {}
    practised: Annotated[tuple[MPractice, ...], msgspec.Meta(max_length=100)] = ()
    journal: MJournal = MJournal()
    wants_support: bool = False

    def __post_init__(self) -> None:
        if len(self.self_ratings) > 1:
            force_setattr(self, "self_ratings", sorted_keys(self.self_ratings))


class MReflections(_Struct, frozen=True):
    schema_version: Literal[4]
    type: Literal["list"]
    values: Annotated[list[MReflection], msgspec.Meta(max_length=100_000)]


#: msgspec's readers of the two documents, and its writer (with the hooks above).
M_PLAN = msgspec.json.Decoder(MPlan, dec_hook=_dec_hook)
M_REFLECTIONS = msgspec.json.Decoder(MReflections, dec_hook=_dec_hook)
M_WRITER = msgspec.json.Encoder(enc_hook=_enc_hook)

# Timing.

Timed = Callable[[], object]


@contextmanager
def backend(fast: ModuleType | None) -> Iterator[None]:
    """selfcare reading and writing JSON with ``fast`` (orjson), or the stdlib's when None.

    ``selfcare._io.documents.orjson`` is looked up at every call; it is restored on leaving.
    """
    saved = getattr(documents, "orjson", None)
    documents.orjson = fast
    try:
        yield
    finally:
        documents.orjson = saved


def backends() -> dict[str, ModuleType | None]:
    """selfcare's JSON backends in this process: the stdlib, and orjson when selfcare has it."""
    fast = getattr(documents, "orjson", None)
    return {"json": None} if fast is None else {"json": None, "orjson": fast}


def _medians(
    fns: dict[str, tuple[ModuleType | None, Timed]], budget: float, min_rounds: int = 7
) -> dict[str, float]:
    """The median time of one call of each function, each with its JSON backend.

    The functions take turns within each round (paired rounds), so noise and load from other
    processes fall on every side alike; times are CPU time of this process
    (``time.process_time``). The backend is switched before each timer starts.
    """
    for fast, fn in fns.values():
        with backend(fast):
            fn()  # warm up: caches, generated hooks
    times: dict[str, list[float]] = {name: [] for name in fns}
    gc.collect()
    deadline = time.perf_counter() + budget
    rounds = 0
    while rounds < min_rounds or (time.perf_counter() < deadline and rounds < 2_000):
        for name, (fast, fn) in fns.items():
            with backend(fast):
                start = time.process_time()
                fn()
                elapsed = time.process_time() - start
            times[name].append(elapsed)
        rounds += 1
    return {name: statistics.median(values) for name, values in times.items()}


def _plan_round_trips(plan: Plan) -> dict[str, Timed]:
    """A plan's JSON round trip with each library, each from the text selfcare writes."""
    text = to_json(plan)
    p_plan = PPlan.model_validate_json(text)
    m_plan = M_PLAN.decode(text)
    cases: dict[str, Timed] = {
        "selfcare": lambda: from_json(Plan, to_json(plan)),
        "pydantic": lambda: PPlan.model_validate_json(p_plan.model_dump_json()),
        "msgspec": lambda: M_PLAN.decode(M_WRITER.encode(m_plan)),
    }
    assert cases["selfcare"]() == plan
    assert cases["pydantic"]() == p_plan
    assert cases["msgspec"]() == m_plan
    return cases


def round_trips(
    plan: Plan, reflections: list[Reflection], generated: Plan | None = None
) -> dict[str, dict[str, Timed]]:
    """For each workload, a JSON round trip with each library, from the same JSON text.

    Each rival reads the text selfcare writes, and its round trip writes that again and reads
    it back, as selfcare's does. Asserts that every round trip gives back what it read. The
    generated plan's workload is there when ``generated`` is given.
    """
    reflections_text = to_json(reflections)
    plain_text = without_zones(reflections_text)
    p_reflections = PReflections.model_validate_json(reflections_text)
    p_plain = PPlainReflections.model_validate_json(plain_text)
    m_reflections = M_REFLECTIONS.decode(reflections_text)
    cases: dict[str, dict[str, Timed]] = {
        "plan": _plan_round_trips(plan),
        **({} if generated is None else {"generated": _plan_round_trips(generated)}),
        "reflections": {
            "selfcare": lambda: from_json(list[Reflection], to_json(reflections)),
            "pydantic": lambda: PReflections.model_validate_json(p_reflections.model_dump_json()),
            "pydantic plain": lambda: PPlainReflections.model_validate_json(
                p_plain.model_dump_json()
            ),
            "msgspec": lambda: M_REFLECTIONS.decode(M_WRITER.encode(m_reflections)),
        },
    }
    assert cases["reflections"]["selfcare"]() == reflections
    assert cases["reflections"]["pydantic"]() == p_reflections
    assert cases["reflections"]["pydantic plain"]() == p_plain
    assert cases["reflections"]["msgspec"]() == m_reflections
    return cases


def _phases(
    kind: Any, value: object, names: dict[str, ModuleType | None]
) -> dict[str, tuple[ModuleType | None, Timed]]:
    """selfcare's round trip in parts: ``to_dict``, ``to_json`` (``to_dict`` and the text),
    reading the text (with the checks of size, nesting and repeated keys) and ``from_dict``
    of what was read, with each backend where it matters."""
    text = to_json(value)
    raw = json.loads(text)
    out: dict[str, tuple[ModuleType | None, Timed]] = {"to_dict": (None, lambda: to_dict(value))}
    for label, fast in names.items():
        out[f"to_json ({label})"] = (fast, lambda: to_json(value))
        out[f"read JSON ({label})"] = (fast, lambda: documents.read(text))
    out["from_dict"] = (None, lambda: from_dict(kind, raw))
    return out


WORKLOADS = {
    "plan": "plan round trip (200 items)",
    "generated": "plan round trip (200 generated items)",
    "reflections": "reflections round trip (365)",
}
LABELS = {"json": "stdlib json", "orjson": "orjson"}
#: The largest ratio, selfcare's time over the rival's, that passes (the speed issue).
TARGETS = {
    ("plan", "pydantic", "json"): 2.0,
    ("plan", "pydantic", "orjson"): 1.5,
    ("plan", "msgspec", "json"): 5.0,
    ("plan", "msgspec", "orjson"): 5.0,
    ("generated", "pydantic", "json"): 2.0,
    ("generated", "pydantic", "orjson"): 1.5,
    ("generated", "msgspec", "json"): 5.0,
    ("generated", "msgspec", "orjson"): 5.0,
    ("reflections", "pydantic", "json"): 2.0,
    ("reflections", "pydantic", "orjson"): 2.0,
}
BASELINES = {
    "pydantic": "pydantic v2, same work",
    "pydantic plain": "pydantic v2, AwareDatetime",
    "msgspec": "msgspec, same work",
}
#: What each rival does, and why it is the fair comparison: one line a row.
NOTES = {
    "pydantic": (
        "pydantic models of the same shape and strictness, instants read into ZoneInfo "
        "datetimes (offset checked) and written back: the same work, done in Rust"
    ),
    "pydantic plain": (
        "the same pydantic models with AwareDatetime, instants as ISO text with an offset "
        "only (zones removed): less work, and the zone is lost; for information"
    ),
    "msgspec": (
        "msgspec structs of the same shape and strictness, instants and times through the "
        "same parsers as the pydantic models: the fastest validated round trip to hand"
    ),
}
#: Added to a row of selfcare with orjson: the rival's time is the one measured once.
ORJSON_NOTE = "; the rival's time is the stdlib row's (it does not use orjson)"


def run(*, quick: bool = False, budget: float | None = None) -> list[dict[str, object]]:
    """Time each workload's round trip with each library, in paired rounds.

    Returns rows in the contract of ``benchmarks/run.py``: for each workload and each of
    selfcare's JSON backends (the standard library's, and orjson when selfcare has it), one
    row a rival (pydantic, plain pydantic for reflections, msgspec): ``median_s`` is
    selfcare's round trip with that backend, ``baseline_s`` the rival's (measured once: no
    rival uses selfcare's backend), ``ratio`` ours over theirs; then a row of selfcare's
    phases, for information.
    """
    seconds = budget if budget is not None else (2.0 if quick else 8.0)
    names = backends()
    plan, generated, reflections = make_plan(), make_generated_plan(), make_reflections()
    values: dict[str, tuple[Any, object]] = {
        "plan": (Plan, plan),
        "generated": (Plan, generated),
        "reflections": (list[Reflection], reflections),
    }
    rows: list[dict[str, object]] = []
    with backend(getattr(documents, "orjson", None)):  # restores the variable afterwards
        for workload, fns in round_trips(plan, reflections, generated).items():
            rivals = [name for name in fns if name != "selfcare"]
            timed = {
                f"selfcare ({label})": (fast, fns["selfcare"]) for label, fast in names.items()
            }
            timed |= {rival: (None, fns[rival]) for rival in rivals}
            timed |= _phases(*values[workload], names)
            medians = _medians(timed, seconds)
            for label in names:
                ours = medians[f"selfcare ({label})"]
                rows.extend(
                    {
                        "workload": f"{WORKLOADS[workload]}, {LABELS[label]}",
                        "median_s": ours,
                        "baseline": BASELINES[rival],
                        "baseline_s": medians[rival],
                        "ratio": ours / medians[rival],
                        "target": TARGETS.get((workload, rival, label)),
                        "note": NOTES[rival] + (ORJSON_NOTE if label == "orjson" else ""),
                    }
                    for rival in rivals
                )
            phases = [name for name in timed if name not in fns and not name.startswith("selfcare")]
            rows.append(
                {
                    "workload": f"{WORKLOADS[workload]}, {LABELS['json']}: its phases",
                    "median_s": medians["selfcare (json)"],
                    "baseline": "-",
                    "baseline_s": None,
                    "ratio": None,
                    "target": None,
                    "note": "no baseline; "
                    + ", ".join(f"{name} {medians[name] * 1e3:.2f} ms" for name in phases),
                }
            )
    return rows


def main() -> None:
    """Print the table, as ``benchmarks/run.py --only serialize`` does."""
    from run import format_table

    print(format_table(run()))


if __name__ == "__main__":
    main()
