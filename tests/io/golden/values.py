"""The values the golden documents hold, built by hand.

Each value fills in as many fields as its type allows, with the awkward cases a format
must keep: the second of two ambiguous wall-clock times (``fold=1``), microseconds, a half-
hour offset, a time of day with seconds, an integer, a float and a string fact, text
outside ASCII, and a private field left empty next to ones filled in.

A value named after its type (``"strategy"``) has a document in every version, so it keeps
the defaults of the fields added since the first: every older document still loads to it.
A value named ``"<type>.<case>"`` (``"strategy.commitment"``) is read as that type, and has
documents from the version whose fields it fills in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pendulum

from selfcare import (
    Anchor,
    Band,
    Benefit,
    Boundary,
    Candidate,
    Catalog,
    Category,
    Contributor,
    Decision,
    Effort,
    FeatureRow,
    Instrument,
    Item,
    ItemChange,
    Journal,
    MeasurePoint,
    MeasureTrend,
    Option,
    Pause,
    PauseKind,
    Period,
    Plan,
    PlanChanges,
    PlanItem,
    PlanStatus,
    Practice,
    Profile,
    Prompt,
    Ratings,
    Reason,
    ReasonCode,
    Recurrence,
    Reflection,
    Response,
    Revision,
    Ritual,
    RitualStep,
    Role,
    Scale,
    ScaleScore,
    Score,
    ScoreMethod,
    Strategy,
    TimeOfDay,
    Unit,
    Weekday,
    WorkingHours,
)
from selfcare._model.strategies import Cadence, StrategyKind

#: 01:30 on 2026-10-25 happens twice in London; pendulum picks the second time, in GMT.
SECOND_HALF_PAST_ONE = pendulum.datetime(2026, 10, 25, 1, 30, tz="Europe/London")
MORNING = pendulum.datetime(2026, 11, 2, 8, 15, tz="America/New_York")
EVENING = pendulum.datetime(2026, 11, 30, 21, 5, tz="America/New_York")
assert SECOND_HALF_PAST_ONE.fold == 1

ANCHOR = Anchor.at(dt.time(21, 30))
PERIOD = Period(dt.date(2026, 11, 30), dt.date(2027, 2, 21))
CONTRIBUTOR = Contributor("therapist-1", Role.THERAPIST)
RITUAL_STEP = RitualStep("mindful-breathing", 3)
RATINGS = Ratings(mood=6, energy=4, stress=None)
JOURNAL = Journal(
    insight="I rush when I'm tired", gratitude="a long call with my sister — thank you", note=None
)
PRACTICE = Practice.done("short-walk", 15)
REASON = Reason(
    ReasonCode.HELPED_BEFORE,
    "on days you walked, your mood was 1.4 points higher, over 9 days",
    {"days_with": 9, "difference": 1.4, "measure": "mood"},
)
RECURRENCE = Recurrence.weekly(
    [Weekday.THURSDAY, Weekday.MONDAY],
    at=[dt.time(18, 15, 30), dt.time(7, 30)],
    start=dt.date(2026, 11, 30),
    count=24,
).with_skipped(dt.date(2026, 12, 28), dt.date(2026, 12, 24))
WORKING_HOURS = WorkingHours(
    dt.time(9), dt.time(17, 30), [Weekday.TUESDAY, Weekday.MONDAY, Weekday.THURSDAY]
)
BOUNDARY = Boundary.no_contact_after(dt.time(18), "No client email after six.")
STRATEGY = Strategy(
    id="short-walk",
    name="Short walk",
    category=Category.PHYSICAL,
    roles={Role.THERAPIST, Role.CLIENT},
    minutes=10,
    effort=Effort.LOW,
    benefits={Benefit.RESILIENCE, Benefit.PREVENTS_BURNOUT},
    tags={"outdoors", "movement"},
    description="Walk around the block between sessions; leave your phone behind.",
)
BREATHING = Strategy(
    id="mindful-breathing",
    name="Mindful breathing",
    category=Category.EMOTIONAL,
    roles={Role.THERAPIST},
    minutes=3,
)
RITUAL = Ritual(
    id="between-sessions",
    name="Transition between sessions",
    steps=[RitualStep("short-walk", 5), RITUAL_STEP],
    anchor=Anchor.after_each_session(),
    recurrence=Recurrence.weekly([Weekday.MONDAY, Weekday.WEDNESDAY]),
    roles={Role.THERAPIST},
    description="A few minutes to reset before the next client.",
)
PROMPT = Prompt(
    "one-insight",
    "What is one thing you learned about yourself today?",
    roles={Role.CLIENT, Role.THERAPIST},
    category=Category.MENTAL,
)
CATALOG = Catalog(strategies=[STRATEGY, BREATHING], rituals=[RITUAL], prompts=[PROMPT])
PLAN_ITEM = PlanItem(
    "short-walk",
    RECURRENCE,
    minutes=10,
    reasons=[REASON, Reason(ReasonCode.GOAL, "serves your goal: builds resilience")],
    pauses=[Period(dt.date(2026, 12, 24), dt.date(2026, 12, 27))],
)
LATER_ITEM = PlanItem("short-walk", Recurrence.times_per_week(3), minutes=15)
ITEM_CHANGE = ItemChange("short-walk", "minutes", PLAN_ITEM, LATER_ITEM)
REVISION = Revision(
    number=1,
    at=SECOND_HALF_PAST_ONE,
    by="client-7",
    reason="mornings are too rushed",
    items=[PLAN_ITEM],
    rituals=[RITUAL],
    boundaries=[BOUNDARY],
    goals={Benefit.RESILIENCE},
)
PLAN = Plan(
    id="plan-1",
    role=Role.CLIENT,
    timezone="Europe/London",
    period=PERIOD,
    status=PlanStatus.ACTIVE,
    goals={Benefit.RESILIENCE, Benefit.COPING_SKILLS},
    items=[LATER_ITEM, PlanItem("news-limits", Recurrence.every_n_days(2), minutes=5)],
    rituals=[RITUAL],
    boundaries=[BOUNDARY, Boundary.no_contact_on([Weekday.SUNDAY, Weekday.SATURDAY])],
    contributors=[CONTRIBUTOR, Contributor("client-7", Role.CLIENT)],
    revisions=[REVISION],
)
PLAN_CHANGES = PlanChanges(
    since_version=1,
    added=(PlanItem("news-limits", Recurrence.every_n_days(2), minutes=5),),
    removed=(),
    changed=(ITEM_CHANGE,),
    goals_added=frozenset({Benefit.COPING_SKILLS}),
    goals_removed=frozenset(),
    rituals_added=(),
    rituals_removed=("evening-wind-down",),
    boundaries_added=(Boundary.no_contact_on([Weekday.SUNDAY, Weekday.SATURDAY]),),
    boundaries_removed=(Boundary.gap_after_last_session(30),),
)
PROFILE = Profile(
    role=Role.THERAPIST,
    timezone="America/New_York",
    daily_minutes=[30, 30, 45, 30, 20, 90, 60],
    goals={Benefit.PREVENTS_BURNOUT, Benefit.LONGEVITY},
    preferred_times={TimeOfDay.MORNING, TimeOfDay.EVENING},
    excluded_categories={Category.SPIRITUAL},
    excluded_tags={"running"},
    values={"family", "nature"},
    spiritual=False,
    working_hours=WORKING_HOURS,
)
REFLECTION = Reflection(
    at=pendulum.datetime(2026, 4, 5, 1, 45, 30, 250_000, tz="Australia/Lord_Howe"),
    author=Role.CLIENT,
    ratings=RATINGS,
    self_ratings={Category.PHYSICAL: 2, Category.EMOTIONAL: 4},
    practised=[PRACTICE, Practice.skipped("journaling")],
    journal=JOURNAL,
    wants_support=True,
)
EVENINGS = [
    Reflection(
        at=pendulum.datetime(2026, 3, 28 + n, 21, tz="Europe/London"),
        author=Role.CLIENT,
        ratings=Ratings(mood=5 + n),
        journal=Journal(note="slept badly") if n else Journal(),
    )
    for n in range(2)
]

# Version 3: a strategy's kind, cadence and times, a step's alternatives, a fixed routine,
# monthly recurrences and a plan item of 0 minutes.
BEDTIME = Strategy(
    id="consistent-bedtime",
    name="Consistent bedtime",
    category=Category.PHYSICAL,
    roles={Role.CLIENT, Role.THERAPIST},
    minutes=5,
    kind=StrategyKind.COMMITMENT,
    cadence=Cadence.DAILY,
    times_of_day={TimeOfDay.NIGHT, TimeOfDay.EVENING},
    at=dt.time(22, 30),
)
SUPERVISION = Strategy(
    id="clinical-supervision",
    name="Clinical supervision",
    category=Category.PROFESSIONAL,
    roles={Role.THERAPIST},
    minutes=60,
    effort=Effort.MEDIUM,
    kind=StrategyKind.APPOINTMENT,
    cadence=Cadence.FORTNIGHTLY,
    times_of_day={TimeOfDay.AFTERNOON},
)
STRETCH = Strategy(
    id="morning-stretch",
    name="Morning stretch",
    category=Category.PHYSICAL,
    roles={Role.CLIENT},
    minutes=10,
    times_a_week=3,
    times_of_day={TimeOfDay.MORNING},
)
STEP_WITH_ALTERNATIVES = RitualStep(
    "mindful-breathing", 3, alternatives=("short-walk", "grounding-exercise")
)
LAST_FRIDAY = Recurrence.monthly(
    weekday=Weekday.FRIDAY,
    nth=-1,
    at=dt.time(16),
    every_months=3,
    start=dt.date(2026, 12, 1),
    count=8,
)
ON_THE_31ST = Recurrence.monthly(
    31, at=dt.time(9, 0, 30), until=dt.date(2027, 12, 31)
).with_skipped(dt.date(2027, 1, 31))
BEDTIME_ITEM = PlanItem(
    "consistent-bedtime",
    Recurrence.daily(dt.time(22, 30)),
    minutes=0,
    reasons=[Reason(ReasonCode.GOAL, "serves your goal: builds resilience")],
)

OPTION = Option(3, "More than half of the time")
INSTRUMENT_ITEM = Item("calm", "I have felt calm")
LICENSED_ITEM = Item("item-2")
BAND = Band("low well-being", at_most=50)
SCALE = Scale(
    "percentage",
    "Well-being (0 to 100)",
    items=("calm", "item-2"),
    reversed=frozenset({"item-2"}),
    multiplier=12.5,
    bands=[Band("low", at_most=37.5), BAND, Band("good")],
    meaningful_change=10,
)
INSTRUMENT = Instrument(
    id="calm-check",
    name="Calm check",
    version="1.0",
    items=[INSTRUMENT_ITEM, LICENSED_ITEM],
    options=[Option(0, "Never"), Option(1, "Sometimes"), OPTION, Option(4, "Always")],
    scales=[SCALE, Scale("mean", "Mean", items=("calm", "item-2"), method=ScoreMethod.MEAN)],
    licence="An app's own instrument.",
    citation="None.",
    instructions="Over the last two weeks:",
)
RESPONSE = Response("calm-check", EVENING, {"calm": 3, "item-2": 1})
SCALE_SCORE = ScaleScore("percentage", 75.0, "good")
SCORE = Score("calm-check", EVENING, [SCALE_SCORE, ScaleScore("mean", 2)])
MEASURE_POINT = MeasurePoint(EVENING, 52.0, "moderate or good well-being")
MEASURE_TREND = MeasureTrend(
    "who-5", "percentage", [MeasurePoint(MORNING, 40), MEASURE_POINT], meaningful_change=10.0
)
WALK_FEATURES = FeatureRow(
    "short-walk",
    Category.PHYSICAL,
    goal=1.0,
    neglected=1.0,
    effect=0.25,
    effect_mean=0.4,
    effect_sd=0.5,
    momentum=0.3,
    fits_time=1.0,
    time_of_day=0.5,
    variety=2 / 3,
    values=0.5,
)
CANDIDATE = Candidate(WALK_FEATURES, 0.71, 0.62)
DECISION = Decision(
    EVENING,
    "thompson",
    7,
    1,
    0.15,
    [CANDIDATE, Candidate(FeatureRow("one-gratitude", Category.EMOTIONAL), 0.55, 0.38)],
    ["short-walk"],
    0,
)

# Since version 4: measured practice, several entries a day, rituals as habits, rests.
READING = Strategy(
    id="reading-and-learning",
    name="Reading and learning",
    category=Category.MENTAL,
    roles={Role.CLIENT},
    minutes=20,
    unit=Unit.PAGES,
    target=10,
)
NOTED_PRACTICE = Practice.done(
    "reading-and-learning", 25, amount=12, note="a chapter in the caf\u00e9 garden"
)
BREATHING_TWICE = Reflection(
    at=EVENING,
    author=Role.CLIENT,
    practised=[
        Practice.done("mindful-breathing", 5, amount=5),
        NOTED_PRACTICE,
        Practice.done("mindful-breathing", 10),
        Practice.skipped("short-walk", note="rain all day"),
    ],
)
PARTIAL_RITUAL = attrs.evolve(RITUAL, done_at_least=1, reminders=(10, 60))
REMINDED_ITEM = PlanItem(
    "short-walk", Recurrence.daily(at=dt.time(12, 30)), minutes=10, reminders=(0, 15)
)
HOLIDAY = Pause(Period(dt.date(2026, 12, 21), dt.date(2027, 1, 3)), PauseKind.HOLIDAY)
PAUSED_PLAN = PLAN.pause(
    HOLIDAY, by="therapist-1", at=MORNING.add(days=14), reason="two weeks away with family"
)

#: Every golden value of the current version, by the name of its file.
VALUES: dict[str, Any] = {
    "anchor": ANCHOR,
    "boundary": BOUNDARY,
    "catalog": CATALOG,
    "contributor": CONTRIBUTOR,
    "item_change": ITEM_CHANGE,
    "journal": JOURNAL,
    "period": PERIOD,
    "plan": PLAN,
    "plan_changes": PLAN_CHANGES,
    "plan_item": PLAN_ITEM,
    "practice": PRACTICE,
    "profile": PROFILE,
    "prompt": PROMPT,
    "ratings": RATINGS,
    "reason": REASON,
    "recurrence": RECURRENCE,
    "reflection": REFLECTION,
    "revision": REVISION,
    "ritual": RITUAL,
    "ritual_step": RITUAL_STEP,
    "strategy": STRATEGY,
    "working_hours": WORKING_HOURS,
    "list_of_reflections": EVENINGS,
    # since version 3
    "plan_item.commitment": BEDTIME_ITEM,
    "profile.fixed_routine": attrs.evolve(PROFILE, fixed_routine=True),
    "recurrence.monthly_day": ON_THE_31ST,
    "recurrence.monthly_nth": LAST_FRIDAY,
    "ritual_step.alternatives": STEP_WITH_ALTERNATIVES,
    "strategy.appointment": SUPERVISION,
    "strategy.commitment": BEDTIME,
    "strategy.times_a_week": STRETCH,
    "band": BAND,
    "instrument": INSTRUMENT,
    "instrument_item": INSTRUMENT_ITEM,
    "instrument_item.without_text": LICENSED_ITEM,
    "measure_point": MEASURE_POINT,
    "measure_trend": MEASURE_TREND,
    "option": OPTION,
    "response": RESPONSE,
    "scale": SCALE,
    "scale_score": SCALE_SCORE,
    "score": SCORE,
    "candidate": CANDIDATE,
    "decision": DECISION,
    "feature_row": WALK_FEATURES,
    # since version 4
    "pause": HOLIDAY,
    "plan.paused": PAUSED_PLAN,
    "plan_changes.paused": PAUSED_PLAN.changes_since(2),
    "plan_item.reminders": REMINDED_ITEM,
    "practice.measured": NOTED_PRACTICE,
    "reflection.several": BREATHING_TWICE,
    "ritual.partial": PARTIAL_RITUAL,
    "strategy.measured": READING,
}

#: Documents written with ``redact=True``, by file name: (the value written, what loads).
REDACTED: dict[str, tuple[Any, Any]] = {
    "plan.redacted": (PLAN, attrs.evolve(PLAN, revisions=[attrs.evolve(REVISION, reason="")])),
    "reflection.redacted": (REFLECTION, attrs.evolve(REFLECTION, journal=Journal())),
    "response.redacted": (RESPONSE, attrs.evolve(RESPONSE, answers={})),
    "score.redacted": (SCORE, attrs.evolve(SCORE, scales=())),
    "measure_trend.redacted": (MEASURE_TREND, attrs.evolve(MEASURE_TREND, points=())),
    "practice.measured.redacted": (NOTED_PRACTICE, attrs.evolve(NOTED_PRACTICE, note=None)),
    "reflection.several.redacted": (
        BREATHING_TWICE,
        attrs.evolve(
            BREATHING_TWICE,
            practised=[attrs.evolve(p, note=None) for p in BREATHING_TWICE.practised],
        ),
    ),
    "plan.paused.redacted": (
        PAUSED_PLAN,
        attrs.evolve(
            PAUSED_PLAN, revisions=[attrs.evolve(r, reason="") for r in PAUSED_PLAN.revisions]
        ),
    ),
}
