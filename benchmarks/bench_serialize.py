"""Benchmark selfcare's JSON round trip against equivalent pydantic v2 and msgspec models.

Run it with ``python benchmarks/bench_serialize.py`` (needs the ``bench`` extra). Two
workloads, each dumped to JSON text and loaded back, timed in the same process:

* a ``Plan`` with 200 items (each with a recurrence and two reasons, some with a pause),
  3 rituals, 3 boundaries, 2 contributors and 2 revisions holding 20 items each;
* a list of 365 ``Reflection`` values, one a day through 2026 in Europe/London.

The pydantic and msgspec models have the same fields and the same JSON shape; they are
strict (no coercion, unknown keys rejected, frozen), check ranges, slugs and text lengths,
and parse and check each zoned instant with the same parser selfcare uses (keeping it as
the text it was read from, so they pay no formatting cost when dumping). They do not check
what selfcare's own types check across fields (unique ids, recurrence rules, revision
order, that a ritual's steps name distinct strategies) and they do not build pendulum
values. ``run()`` returns the rows for ``benchmarks/run.py``: one per workload and rival.
"""

from __future__ import annotations

import datetime as dt
import enum
import gc
import json
import statistics
import time
from collections.abc import Callable
from typing import Annotated, Literal

import msgspec
import pendulum
import pydantic
from pydantic import AfterValidator, ConfigDict, Field

from selfcare import (
    Anchor,
    Benefit,
    Boundary,
    Category,
    Contributor,
    Journal,
    Period,
    Plan,
    PlanItem,
    PlanStatus,
    Practice,
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
)
from selfcare._io.documents import ENCODER, read
from selfcare._io.format import structure_zoned
from selfcare.serialize import from_dict, from_json, to_dict, to_json

# Targets from issue 3: our time over theirs.
TARGETS = {
    ("plan", "pydantic"): 1.0,
    ("plan", "msgspec"): 5.0,
    ("reflections", "pydantic"): 1.5,
}

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


# pydantic v2 models with the same fields and JSON shape.

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Text = Annotated[str, Field(max_length=10_000)]
Minutes = Annotated[int, Field(ge=1, le=1440)]
Rating = Annotated[int, Field(ge=0, le=10)]
DayName = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _zoned(text: str) -> str:
    structure_zoned(text)  # the same parsing and offset check as selfcare's
    return text


Zoned = Annotated[str, AfterValidator(_zoned)]
Fact = int | float | Annotated[str, Field(max_length=200)]
_STRICT = ConfigDict(strict=True, extra="forbid", frozen=True)


class _Frequency(enum.StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    TIMES_PER_WEEK = "times-per-week"


class PRecurrence(pydantic.BaseModel):
    model_config = _STRICT
    frequency: _Frequency
    interval: Annotated[int, Field(ge=1, le=366)] = 1
    weekdays: frozenset[DayName] = frozenset()
    per_week: Annotated[int, Field(ge=1, le=7)] | None = None
    times: tuple[dt.time, ...] = Field(default=(), max_length=24)
    start: dt.date | None = None
    until: dt.date | None = None
    count: Annotated[int, Field(ge=1, le=10_000)] | None = None
    skipped: frozenset[dt.date] = Field(default=frozenset(), max_length=1000)


class PReason(pydantic.BaseModel):
    model_config = _STRICT
    code: ReasonCode
    text: Name
    facts: dict[str, Fact] = {}


class PPeriod(pydantic.BaseModel):
    model_config = _STRICT
    first: dt.date
    last: dt.date


class PPlanItem(pydantic.BaseModel):
    model_config = _STRICT
    strategy_id: Slug
    recurrence: PRecurrence
    minutes: Minutes
    reasons: tuple[PReason, ...] = Field(default=(), max_length=50)
    pauses: tuple[PPeriod, ...] = Field(default=(), max_length=100)


class PAnchor(pydantic.BaseModel):
    model_config = _STRICT
    kind: Literal["at-time", "after-each-session", "workday-start", "workday-end"]
    time: dt.time | None = None


class PRitualStep(pydantic.BaseModel):
    model_config = _STRICT
    strategy_id: Slug
    minutes: Minutes


class PRitual(pydantic.BaseModel):
    model_config = _STRICT
    id: Slug
    name: Name
    steps: tuple[PRitualStep, ...] = Field(min_length=1, max_length=20)
    anchor: PAnchor
    recurrence: PRecurrence
    roles: frozenset[Role] = Field(min_length=1)
    description: Text = ""


class PBoundary(pydantic.BaseModel):
    model_config = _STRICT
    kind: Literal["no-contact-after", "no-contact-on-days", "gap-after-last-session", "custom"]
    after: dt.time | None = None
    weekdays: frozenset[DayName] = frozenset()
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
    items: tuple[PPlanItem, ...] = Field(default=(), max_length=1000)
    rituals: tuple[PRitual, ...] = ()
    boundaries: tuple[PBoundary, ...] = ()
    goals: frozenset[Benefit] = frozenset()


class PPlan(pydantic.BaseModel):
    model_config = _STRICT
    schema_version: Literal[1]
    type: Literal["plan"]
    id: Slug
    role: Role
    timezone: Annotated[str, Field(max_length=64)]
    period: PPeriod
    status: PlanStatus = PlanStatus.DRAFT
    goals: frozenset[Benefit] = frozenset()
    items: tuple[PPlanItem, ...] = Field(default=(), max_length=1000)
    rituals: tuple[PRitual, ...] = ()
    boundaries: tuple[PBoundary, ...] = ()
    contributors: tuple[PContributor, ...] = ()
    revisions: tuple[PRevision, ...] = ()


class PRatings(pydantic.BaseModel):
    model_config = _STRICT
    mood: Rating | None = None
    energy: Rating | None = None
    stress: Rating | None = None


class PPractice(pydantic.BaseModel):
    model_config = _STRICT
    strategy_id: Slug
    status: Literal["done", "skipped"]
    minutes: Minutes | None = None


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
    self_ratings: dict[Category, Annotated[int, Field(ge=1, le=5)]] = {}
    practised: tuple[PPractice, ...] = Field(default=(), max_length=100)
    journal: PJournal = PJournal()
    wants_support: bool = False


class PReflections(pydantic.BaseModel):
    model_config = _STRICT
    schema_version: Literal[1]
    type: Literal["list"]
    values: list[PReflection]


# msgspec structs with the same fields and JSON shape.

MSlug = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
MName = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
MText = Annotated[str, msgspec.Meta(max_length=10_000)]
MMinutes = Annotated[int, msgspec.Meta(ge=1, le=1440)]
MRating = Annotated[int, msgspec.Meta(ge=0, le=10)]
MFact = int | float | Annotated[str, msgspec.Meta(max_length=200)]
# msgspec reads times only as HH:MM:SS, so times of day are strings checked by a pattern.
MTime = Annotated[str, msgspec.Meta(pattern=r"^(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?$")]


class MRecurrence(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    frequency: _Frequency
    interval: Annotated[int, msgspec.Meta(ge=1, le=366)] = 1
    weekdays: frozenset[DayName] = frozenset()
    per_week: Annotated[int, msgspec.Meta(ge=1, le=7)] | None = None
    times: Annotated[tuple[MTime, ...], msgspec.Meta(max_length=24)] = ()
    start: dt.date | None = None
    until: dt.date | None = None
    count: Annotated[int, msgspec.Meta(ge=1, le=10_000)] | None = None
    skipped: Annotated[frozenset[dt.date], msgspec.Meta(max_length=1000)] = frozenset()


class MReason(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    code: ReasonCode
    text: MName
    facts: dict[str, MFact] = {}


class MPeriod(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    first: dt.date
    last: dt.date


class MPlanItem(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    strategy_id: MSlug
    recurrence: MRecurrence
    minutes: MMinutes
    reasons: Annotated[tuple[MReason, ...], msgspec.Meta(max_length=50)] = ()
    pauses: Annotated[tuple[MPeriod, ...], msgspec.Meta(max_length=100)] = ()


class MAnchor(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    kind: Literal["at-time", "after-each-session", "workday-start", "workday-end"]
    time: MTime | None = None


class MRitualStep(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    strategy_id: MSlug
    minutes: MMinutes


class MRitual(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: MSlug
    name: MName
    steps: Annotated[tuple[MRitualStep, ...], msgspec.Meta(min_length=1, max_length=20)]
    anchor: MAnchor
    recurrence: MRecurrence
    roles: Annotated[frozenset[Role], msgspec.Meta(min_length=1)]
    description: MText = ""


class MBoundary(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    kind: Literal["no-contact-after", "no-contact-on-days", "gap-after-last-session", "custom"]
    after: MTime | None = None
    weekdays: frozenset[DayName] = frozenset()
    minutes: MMinutes | None = None
    description: MText = ""


class MContributor(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: MSlug
    role: Role


class MRevision(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    number: Annotated[int, msgspec.Meta(ge=1, le=1000)]
    at: str
    by: MSlug
    reason: MText
    items: Annotated[tuple[MPlanItem, ...], msgspec.Meta(max_length=1000)] = ()
    rituals: tuple[MRitual, ...] = ()
    boundaries: tuple[MBoundary, ...] = ()
    goals: frozenset[Benefit] = frozenset()

    def __post_init__(self) -> None:
        structure_zoned(self.at)  # the same parsing and offset check as selfcare's


class MPlan(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    schema_version: Literal[1]
    type: Literal["plan"]
    id: MSlug
    role: Role
    timezone: Annotated[str, msgspec.Meta(max_length=64)]
    period: MPeriod
    status: PlanStatus = PlanStatus.DRAFT
    goals: frozenset[Benefit] = frozenset()
    items: Annotated[tuple[MPlanItem, ...], msgspec.Meta(max_length=1000)] = ()
    rituals: tuple[MRitual, ...] = ()
    boundaries: tuple[MBoundary, ...] = ()
    contributors: tuple[MContributor, ...] = ()
    revisions: tuple[MRevision, ...] = ()


class MRatings(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    mood: MRating | None = None
    energy: MRating | None = None
    stress: MRating | None = None


class MPractice(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    strategy_id: MSlug
    status: Literal["done", "skipped"]
    minutes: MMinutes | None = None


class MJournal(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    insight: MText | None = None
    gratitude: MText | None = None
    note: MText | None = None


class MReflection(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    at: str
    author: Role
    ratings: MRatings = MRatings()
    self_ratings: dict[Category, Annotated[int, msgspec.Meta(ge=1, le=5)]] = {}
    practised: Annotated[tuple[MPractice, ...], msgspec.Meta(max_length=100)] = ()
    journal: MJournal = MJournal()
    wants_support: bool = False

    def __post_init__(self) -> None:
        structure_zoned(self.at)  # the same parsing and offset check as selfcare's


class MReflections(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    schema_version: Literal[1]
    type: Literal["list"]
    values: list[MReflection]


# Timing.


def _medians(fns: dict[str, Callable[[], object]], budget: float) -> dict[str, float]:
    """The median time of one call of each function, timed in interleaved rounds.

    Times are CPU time of this process (``time.process_time``), and the rivals take turns
    within each round, so load from other processes skews neither the times nor the ratios.
    """
    for fn in fns.values():
        fn()  # warm up: caches, generated hooks
    times: dict[str, list[float]] = {name: [] for name in fns}
    gc.collect()
    deadline = time.perf_counter() + budget
    rounds = 0
    while rounds < 7 or (time.perf_counter() < deadline and rounds < 2_000):
        for name, fn in fns.items():
            start = time.process_time()
            fn()
            times[name].append(time.process_time() - start)
        rounds += 1
    return {name: statistics.median(values) for name, values in times.items()}


def _cases() -> dict[str, dict[str, Callable[[], object]]]:
    """For each workload, a round trip with each library, and selfcare's phases alone."""
    plan = make_plan()
    reflections = make_reflections()
    plan_text = to_json(plan)
    reflections_text = to_json(reflections)
    p_plan = PPlan.model_validate_json(plan_text)
    p_reflections = PReflections.model_validate_json(reflections_text)
    m_plan = msgspec.json.decode(plan_text, type=MPlan)
    m_reflections = msgspec.json.decode(reflections_text, type=MReflections)
    # Each library reads the same JSON, and reads back exactly what it wrote.
    assert from_json(Plan, to_json(plan)) == plan
    assert from_json(list[Reflection], to_json(reflections)) == reflections
    assert PPlan.model_validate_json(p_plan.model_dump_json()) == p_plan
    assert PReflections.model_validate_json(p_reflections.model_dump_json()) == p_reflections
    assert msgspec.json.decode(msgspec.json.encode(m_plan), type=MPlan) == m_plan
    assert msgspec.json.decode(msgspec.json.encode(m_reflections), type=MReflections) == (
        m_reflections
    )
    encode, decode = msgspec.json.encode, msgspec.json.decode
    plan_doc, reflections_doc = to_dict(plan), to_dict(reflections)
    plan_raw, reflections_raw = json.loads(plan_text), json.loads(reflections_text)
    return {
        "plan": {
            "selfcare": lambda: from_json(Plan, to_json(plan)),
            "pydantic": lambda: PPlan.model_validate_json(p_plan.model_dump_json()),
            "msgspec": lambda: decode(encode(m_plan), type=MPlan),
            "to_dict": lambda: to_dict(plan),
            "json.dumps": lambda: ENCODER.encode(plan_doc),
            "read JSON": lambda: read(plan_text),
            "from_dict": lambda: from_dict(Plan, plan_raw),
        },
        "reflections": {
            "selfcare": lambda: from_json(list[Reflection], to_json(reflections)),
            "pydantic": lambda: PReflections.model_validate_json(p_reflections.model_dump_json()),
            "msgspec": lambda: decode(encode(m_reflections), type=MReflections),
            "to_dict": lambda: to_dict(reflections),
            "json.dumps": lambda: ENCODER.encode(reflections_doc),
            "read JSON": lambda: read(reflections_text),
            "from_dict": lambda: from_dict(list[Reflection], reflections_raw),
        },
    }


WORKLOADS = {"plan": "plan round trip (200 items)", "reflections": "reflections round trip (365)"}
RIVALS = {"pydantic": "pydantic v2", "msgspec": "msgspec"}
PHASES = ("to_dict", "json.dumps", "read JSON", "from_dict")


def run(*, quick: bool = False, budget: float | None = None) -> list[dict[str, object]]:
    """Time each workload's round trip with each library, in interleaved rounds.

    Returns one row per workload and rival, in the contract of ``benchmarks/run.py``:
    ``workload``, ``median_s`` (selfcare's round trip), ``baseline`` (the rival),
    ``baseline_s``, ``ratio`` (ours over theirs), ``target`` (``None`` for information)
    and a ``note`` with selfcare's phases: ``to_dict``, ``json.dumps`` (of that dict),
    ``read JSON`` (parsing with the checks of size, nesting and repeated keys) and
    ``from_dict`` (of the parsed document).
    """
    seconds = budget if budget is not None else (2.0 if quick else 8.0)
    rows: list[dict[str, object]] = []
    for workload, fns in _cases().items():
        medians = _medians(fns, seconds)
        note = "selfcare's phases: " + ", ".join(
            f"{phase} {medians[phase] * 1e3:.2f} ms" for phase in PHASES
        )
        for rival, name in RIVALS.items():
            rows.append(
                {
                    "workload": WORKLOADS[workload],
                    "median_s": medians["selfcare"],
                    "baseline": name,
                    "baseline_s": medians[rival],
                    "ratio": medians["selfcare"] / medians[rival],
                    "target": TARGETS.get((workload, rival)),
                }
            )
        rows[-len(RIVALS)]["note"] = note  # once a workload
    return rows


def main() -> None:
    """Print the table, as ``benchmarks/run.py --only serialize`` does."""
    from run import format_table

    print(format_table(run()))


if __name__ == "__main__":
    main()
