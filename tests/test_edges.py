"""Every public callable meets bad input with the library's own errors, and never echoes it.

Each public function, constructor, method and named constructor is called with a valid set
of arguments, then with one argument replaced by something hostile: a wrong type, text
where a collection of ids is expected, an empty or oversized collection, a value at the
edge of its range, or free text carrying a canary. The call must either work or raise a
``SelfCareError``; and nothing it raises may show the canary, in its message, ``repr``,
``args``, chained exceptions or formatted traceback.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import selfcare
from selfcare import (
    Anchor,
    Benefit,
    Boundary,
    Catalog,
    Category,
    ContactEvent,
    ContactKind,
    Contributor,
    Journal,
    Period,
    Plan,
    PlanItem,
    Practice,
    Profile,
    Ratings,
    Recurrence,
    Reflection,
    Ritual,
    Role,
    SelfCareError,
    Session,
    TimeOfDay,
    Weekday,
    WorkdayRules,
    default_catalog,
    fhir,
)

# Built at run time so that no source line, which a traceback may quote, holds it.
CANARY = "CANARY-" + "e7d1 my private words"
ZONE = "Europe/London"
AT = pendulum.datetime(2026, 3, 9, 19, tz=ZONE)
START = dt.date(2026, 3, 2)
CATALOG = default_catalog()


def _history() -> list[Reflection]:
    return [
        Reflection(
            at=AT.subtract(days=n),
            author=Role.CLIENT,
            ratings=Ratings(mood=3 + n % 5),
            practised=[Practice.done("short-walk", 15)] if n % 2 else [],
            journal=Journal(note="a quiet day"),
        )
        for n in range(10)
    ]


HISTORY = _history()
PROFILE = Profile(
    role=Role.THERAPIST,
    timezone=ZONE,
    daily_minutes=30,
    goals={Benefit.PREVENTS_BURNOUT},
    working_hours=selfcare.WorkingHours(dt.time(9), dt.time(17)),
)
THERAPIST = Contributor("therapist-1", Role.THERAPIST)
PLAN = attrs.evolve(selfcare.generate_plan(PROFILE, start=START, seed=1), contributors=[THERAPIST])
REVIEW = selfcare.review_plan(PLAN, HISTORY, at=AT)
SESSIONS = [Session(pendulum.datetime(2026, 3, 9, 9 + h, tz=ZONE), 50) for h in range(3)]
RULES = WorkdayRules()
DAY = selfcare.plan_workday(SESSIONS, rules=RULES, tz=ZONE)
ITEM = PLAN.items[0]
RECURRENCE = Recurrence.weekly({Weekday.MONDAY}, at=dt.time(7, 30))
RITUAL = CATALOG.ritual("daily-reflection")
WHO5_RESPONSE = selfcare.Response("who-5", AT, {f"who5-{n}": 3 for n in range(1, 6)})
WEEK = selfcare.plan_workweek(SESSIONS, rules=RULES, tz=ZONE, start=dt.date(2026, 3, 9))
BUNDLE = fhir.to_fhir(PLAN, version="R4", subject="Patient/123", reflections=HISTORY[:2])
EVENT = ContactEvent(ContactKind.EMAIL, pendulum.datetime(2026, 3, 9, 21, tz=ZONE))


class Call(NamedTuple):
    """A public callable with valid arguments; each argument is replaced in turn."""

    name: str
    call: Callable[..., object]
    arguments: Mapping[str, object]


def _method(cls: type, name: str) -> Callable[..., object]:
    def call(self: object, **arguments: object) -> object:
        return getattr(self, name)(**arguments)

    call.__name__ = f"{cls.__name__}.{name}"
    return call


CALLS = [
    # Functions
    Call(
        "generate_plan",
        selfcare.generate_plan,
        {
            "profile": PROFILE,
            "catalog": CATALOG,
            "start": START,
            "weeks": 4,
            "seed": 1,
            "assessment": {Category.PHYSICAL: 2},
            "include_rituals": True,
        },
    ),
    Call(
        "generate_plan_for_each",
        lambda **a: list(selfcare.generate_plan_for_each(**a)),
        {
            "people": [PROFILE],
            "catalog": CATALOG,
            "start": START,
            "weeks": 2,
            "seed": 0,
            "include_rituals": True,
        },
    ),
    Call(
        "recommend",
        selfcare.recommend,
        {
            "profile": PROFILE,
            "catalog": CATALOG,
            "history": HISTORY,
            "at": AT,
            "k": 3,
            "seed": 0,
            "explore": True,
            "weights": selfcare.RecommendWeights(),
            "rule": selfcare.DistressRule(),
        },
    ),
    Call(
        "recommend_for_each",
        lambda **a: list(selfcare.recommend_for_each(**a)),
        {
            "people": [(PROFILE, HISTORY)],
            "catalog": CATALOG,
            "at": AT,
            "k": 2,
            "seed": 0,
            "explore": False,
        },
    ),
    Call(
        "review_plan",
        selfcare.review_plan,
        {"plan": PLAN, "history": HISTORY, "at": AT, "catalog": CATALOG},
    ),
    Call(
        "apply_suggestions",
        selfcare.apply_suggestions,
        {
            "plan": PLAN,
            "review": REVIEW,
            "chosen": REVIEW.suggestions,
            "by": THERAPIST,
            "at": AT,
            "reason": "agreed",
            "catalog": CATALOG,
        },
    ),
    Call(
        "plan_adherence",
        selfcare.plan_adherence,
        {"plan": PLAN, "history": HISTORY, "at": AT, "catalog": CATALOG},
    ),
    Call(
        "habit_strength",
        selfcare.habit_strength,
        {
            "history": HISTORY,
            "strategy_id": "short-walk",
            "target": RECURRENCE,
            "at": AT,
            "days": 7,
            "catalog": CATALOG,
        },
    ),
    Call(
        "streak",
        selfcare.streak,
        {"history": HISTORY, "strategy_id": "short-walk", "at": AT, "days": 7, "catalog": CATALOG},
    ),
    Call(
        "strategy_effects",
        selfcare.strategy_effects,
        {
            "history": HISTORY,
            "strategy_ids": ["short-walk"],
            "min_days": 3,
            "at": AT,
            "days": 10,
            "catalog": CATALOG,
        },
    ),
    Call(
        "category_balance",
        selfcare.category_balance,
        {
            "history": HISTORY,
            "catalog": CATALOG,
            "at": AT,
            "days": 14,
            "categories": [Category.PHYSICAL],
            "min_days": 2,
        },
    ),
    Call(
        "wellbeing_trend",
        selfcare.wellbeing_trend,
        {"history": HISTORY, "window_days": 3, "at": AT, "days": 5},
    ),
    Call(
        "support_advisory",
        selfcare.support_advisory,
        {"history": HISTORY, "at": AT, "rule": selfcare.DistressRule(), "role": Role.CLIENT},
    ),
    Call(
        "plan_workday",
        selfcare.plan_workday,
        {"sessions": SESSIONS, "rules": RULES, "tz": ZONE, "day": dt.date(2026, 3, 9)},
    ),
    Call(
        "plan_workweek",
        selfcare.plan_workweek,
        {
            "sessions": SESSIONS,
            "rules": RULES,
            "tz": ZONE,
            "start": dt.date(2026, 3, 9),
            "weeks": 1,
        },
    ),
    Call(
        "check_boundaries",
        selfcare.check_boundaries,
        {"boundaries": PLAN.boundaries, "events": [EVENT], "tz": ZONE, "sessions": SESSIONS},
    ),
    Call("resolve_local", selfcare.resolve_local, {"day": START, "time": dt.time(7), "tz": ZONE}),
    Call("to_records", selfcare.to_records, {"value": PLAN, "include_private": False}),
    Call(
        "occurrence_records",
        selfcare.occurrence_records,
        {
            "plan": PLAN,
            "start": START,
            "end": START + dt.timedelta(days=7),
            "default_time": dt.time(9),
            "limit": 1000,
        },
    ),
    Call("to_json", selfcare.to_json, {"value": PLAN, "redact": True}),
    Call("to_dict", selfcare.to_dict, {"value": PLAN, "redact": False}),
    Call("from_json", selfcare.from_json, {"kind": Plan, "text": selfcare.to_json(PLAN)}),
    Call("from_dict", selfcare.from_dict, {"kind": Plan, "data": selfcare.to_dict(PLAN)}),
    Call("default_catalog", selfcare.default_catalog, {}),
    # Named constructors
    Call(
        "Recurrence.daily",
        Recurrence.daily,
        {"at": dt.time(7), "start": START, "until": START + dt.timedelta(days=9), "count": None},
    ),
    Call(
        "Recurrence.every_n_days",
        Recurrence.every_n_days,
        {"n": 3, "at": dt.time(7), "start": START, "count": 5},
    ),
    Call(
        "Recurrence.weekly",
        Recurrence.weekly,
        {"weekdays": [Weekday.MONDAY], "at": dt.time(7), "every_weeks": 2, "start": START},
    ),
    Call("Recurrence.times_per_week", Recurrence.times_per_week, {"n": 3, "at": None}),
    Call(
        "Recurrence.from_rrule",
        Recurrence.from_rrule,
        {"text": "FREQ=DAILY;COUNT=3", "start": START},
    ),
    Call("Anchor.at", Anchor.at, {"time": dt.time(21)}),
    Call(
        "Boundary.no_contact_after",
        Boundary.no_contact_after,
        {"after": dt.time(18), "description": "phone off"},
    ),
    Call(
        "Boundary.no_contact_on",
        Boundary.no_contact_on,
        {"weekdays": [Weekday.SUNDAY], "description": ""},
    ),
    Call("Boundary.gap_after_last_session", Boundary.gap_after_last_session, {"minutes": 15}),
    Call("Boundary.custom", Boundary.custom, {"description": "no email at weekends"}),
    Call("Practice.done", Practice.done, {"strategy_id": "short-walk", "minutes": 15}),
    Call("Practice.skipped", Practice.skipped, {"strategy_id": "short-walk"}),
    Call("Period.weeks_from", Period.weeks_from, {"start": START, "weeks": 4}),
    Call(
        "Session.between",
        Session.between,
        {"start": SESSIONS[0].start, "end": SESSIONS[0].start.add(minutes=50), "ref": "appt-1"},
    ),
    Call("ContactEvent.of_session", ContactEvent.of_session, {"session": SESSIONS[0]}),
    Call("TimeOfDay.of", TimeOfDay.of, {"when": dt.time(7)}),
    Call("Weekday.of", Weekday.of, {"day": START}),
    # Methods
    Call("Catalog.strategy", _method(Catalog, "strategy"), {"self": CATALOG, "id": "short-walk"}),
    Call("Catalog.ritual", _method(Catalog, "ritual"), {"self": CATALOG, "id": "daily-reflection"}),
    Call(
        "Catalog.find",
        _method(Catalog, "find"),
        {
            "self": CATALOG,
            "role": Role.CLIENT,
            "category": Category.PHYSICAL,
            "tag": "outdoors",
            "max_minutes": 30,
        },
    ),
    Call(
        "Catalog.rituals_for",
        _method(Catalog, "rituals_for"),
        {"self": CATALOG, "role": Role.CLIENT},
    ),
    Call(
        "Catalog.with_entries",
        _method(Catalog, "with_entries"),
        {"self": CATALOG, "strategies": [attrs.evolve(CATALOG.strategies[0], id="my-walk")]},
    ),
    Call(
        "Catalog.require",
        _method(Catalog, "require"),
        {"self": CATALOG, "strategies": ["short-walk"], "rituals": ["daily-reflection"]},
    ),
    Call(
        "Plan.revise",
        _method(Plan, "revise"),
        {
            "self": PLAN,
            "by": THERAPIST,
            "at": AT,
            "reason": "less at once",
            "remove": [ITEM.strategy_id],
            "catalog": CATALOG,
        },
    ),
    Call(
        "Plan.activate",
        _method(Plan, "activate"),
        {"self": PLAN, "by": THERAPIST, "at": AT, "reason": "agreed"},
    ),
    Call("Plan.item", _method(Plan, "item"), {"self": PLAN, "strategy_id": ITEM.strategy_id}),
    Call("Plan.check", _method(Plan, "check"), {"self": PLAN, "catalog": CATALOG}),
    Call("Plan.minutes_on", _method(Plan, "minutes_on"), {"self": PLAN, "day": START}),
    Call("Plan.changes_since", _method(Plan, "changes_since"), {"self": PLAN, "version": 1}),
    Call(
        "PlanItem.occurrences",
        _method(PlanItem, "occurrences"),
        {
            "self": ITEM,
            "start": START,
            "end": START + dt.timedelta(days=7),
            "tz": ZONE,
            "limit": 100,
        },
    ),
    Call(
        "PlanItem.dates",
        _method(PlanItem, "dates"),
        {"self": ITEM, "first": START, "last": START + dt.timedelta(days=7)},
    ),
    Call(
        "Recurrence.occurrences",
        _method(Recurrence, "occurrences"),
        {
            "self": RECURRENCE,
            "start": START,
            "end": START + dt.timedelta(days=14),
            "tz": ZONE,
            "origin": START,
            "default_time": dt.time(9),
            "limit": 100,
        },
    ),
    Call(
        "Recurrence.dates",
        _method(Recurrence, "dates"),
        {
            "self": RECURRENCE,
            "first": START,
            "last": START + dt.timedelta(days=14),
            "origin": START,
            "limit": 100,
        },
    ),
    Call(
        "Recurrence.week_targets",
        _method(Recurrence, "week_targets"),
        {"self": RECURRENCE, "first": START, "last": START + dt.timedelta(days=14)},
    ),
    Call(
        "Recurrence.with_skipped",
        lambda self, day: self.with_skipped(day),
        {"self": RECURRENCE, "day": START},
    ),
    Call(
        "Ritual.occurrences",
        _method(Ritual, "occurrences"),
        {"self": RITUAL, "start": START, "end": START + dt.timedelta(days=3), "tz": ZONE},
    ),
    Call(
        "Reflection.check", _method(Reflection, "check"), {"self": HISTORY[1], "catalog": CATALOG}
    ),
    Call(
        "Reflection.practice_of",
        _method(Reflection, "practice_of"),
        {"self": HISTORY[1], "strategy_id": "short-walk"},
    ),
    Call(
        "Profile.minutes_on",
        _method(Profile, "minutes_on"),
        {"self": PROFILE, "day": Weekday.MONDAY},
    ),
    Call(
        "Workday.blocks_of",
        lambda self, kind: self.blocks_of(kind),
        {"self": DAY, "kind": selfcare.BlockKind.SESSION},
    ),
    Call(
        "fhir.to_fhir",
        fhir.to_fhir,
        {
            "value": PLAN,
            "version": "R5",
            "subject": "Patient/123",
            "catalog": CATALOG,
            "reflections": HISTORY[:2],
            "private": False,
        },
    ),
    Call(
        "fhir.from_fhir",
        fhir.from_fhir,
        {"bundle": BUNDLE, "catalog": CATALOG, "timezone": ZONE, "role": Role.CLIENT},
    ),
    Call(
        "fhir.reflections_from_fhir",
        fhir.reflections_from_fhir,
        {"bundle": BUNDLE, "timezone": ZONE},
    ),
    Call("fhir.terminology", fhir.terminology, {"catalog": CATALOG, "version": "R4"}),
    Call("score", selfcare.score, {"response": WHO5_RESPONSE, "instrument": selfcare.WHO_5}),
    Call(
        "measure_trend",
        selfcare.measure_trend,
        {"responses": [WHO5_RESPONSE], "instrument": selfcare.WHO_5, "scale": "raw", "at": AT},
    ),
    Call("check_in_responses", selfcare.check_in_responses, {"reflections": HISTORY}),
    Call(
        "support_advisory",
        selfcare.support_advisory,
        {
            "history": HISTORY,
            "at": AT,
            "measures": [selfcare.measure_trend([WHO5_RESPONSE], selfcare.WHO_5)],
            "measure_rule": selfcare.MeasureRule(),
        },
    ),
    Call("workload_strain", selfcare.workload_strain, {"weeks": [WEEK], "rule": None}),
    Call(
        "fhir.to_fhir responses",
        fhir.to_fhir,
        {"value": [WHO5_RESPONSE], "version": "R4", "subject": "Patient/1", "instruments": []},
    ),
]


def _hostile() -> list[object]:
    """Values no argument expects, or expects only at the edge of its range."""
    return [
        None,
        True,
        0,
        -1,
        1.5,
        float("nan"),
        10**100,
        2**63,
        CANARY,
        CANARY.encode(),
        "",
        [],
        (),
        frozenset(),
        {},
        [CANARY],
        {CANARY: CANARY},
        {Category.PHYSICAL: CANARY},
        [None],
        object(),
        dt.date.min,
        dt.date.max,
        dt.datetime(2026, 3, 9, 19),  # naive
        pendulum.datetime(1, 1, 1, tz="America/New_York"),
        pendulum.datetime(9999, 12, 31, 23, tz="Pacific/Kiritimati"),
        dt.time(23, 59, 59, 999_999),
        Role.CLIENT,
        PLAN,
        [HISTORY[0]] * 100_001,
        [PLAN.items[0]] * 3,
    ]


HOSTILE = _hostile()
CHECKED = settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None
)


def _leaks(error: BaseException) -> list[str]:
    """Where an error (or one it was raised from) shows the canary."""
    found = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        for where, text in (
            ("str", str(current)),
            ("repr", repr(current)),
            ("args", repr(current.args)),
        ):
            if "CANARY" in text:
                found.append(f"{type(current).__name__} {where}")
        current = current.__cause__ or current.__context__
    shown = "".join(traceback.format_exception(error))
    if "CANARY" in shown.replace('CANARY = "CANARY-" + ', ""):
        found.append("formatted traceback")
    return found


def _outcome(call: Call, arguments: Mapping[str, object]) -> BaseException | None:
    try:
        call.call(**arguments)
    except BaseException as error:  # the test is what classifies it
        return error
    return None


@pytest.mark.parametrize("call", CALLS, ids=lambda call: call.name)
def test_the_valid_call_works(call: Call) -> None:
    """Each baseline call is valid, so every failure below is the replaced argument's."""
    assert None is _outcome(call, call.arguments)


@pytest.mark.parametrize("call", CALLS, ids=lambda call: call.name)
def test_bad_arguments_give_the_librarys_errors_and_no_echo(call: Call) -> None:
    """Any argument replaced by a hostile value: it works, or a SelfCareError names it."""
    names = sorted(name for name in call.arguments if name != "self")
    if not names:
        return

    @CHECKED
    @given(st.sampled_from(names), st.sampled_from(HOSTILE))
    def check(name: str, value: object) -> None:
        error = _outcome(call, {**call.arguments, name: value})
        if error is None:
            return
        assert isinstance(error, SelfCareError), (name, type(error).__name__, str(error)[:200])
        assert [] == _leaks(error), name

    check()


def _public_attrs_types() -> list[type]:
    return sorted(
        (
            kind
            for name in selfcare.__all__
            if isinstance(kind := getattr(selfcare, name), type) and attrs.has(kind)
        ),
        key=lambda kind: kind.__name__,
    )


@pytest.mark.parametrize("kind", _public_attrs_types(), ids=lambda kind: kind.__name__)
def test_constructors_give_the_librarys_errors_and_no_echo(kind: type) -> None:
    """A field of any public type replaced by a hostile value: a SelfCareError, no echo."""

    @CHECKED
    @given(st.from_type(kind), st.data())
    def check(value: Any, data: st.DataObject) -> None:
        fields = {a.alias: getattr(value, a.name) for a in attrs.fields(kind) if a.init}
        name = data.draw(st.sampled_from(sorted(fields)))
        bad = data.draw(st.sampled_from(HOSTILE))
        error = _outcome(Call(kind.__name__, kind, {}), {**fields, name: bad})
        if error is None:
            return
        assert isinstance(error, SelfCareError), (name, type(error).__name__, str(error)[:200])
        assert [] == _leaks(error), name

    check()


def test_the_canary_check_finds_a_leak() -> None:
    """The leak check is not vacuous: a message, a cause and a traceback are all read."""
    assert ["ValueError str", "ValueError repr", "ValueError args", "formatted traceback"] == (
        _leaks(ValueError(CANARY))
    )

    def inside() -> None:
        try:
            raise KeyError(CANARY)
        except KeyError:
            raise SelfCareError("clean") from None  # __context__ still holds the KeyError

    def after() -> None:
        try:
            raise KeyError(CANARY)
        except KeyError:
            pass
        raise SelfCareError("clean")

    with pytest.raises(SelfCareError) as chained:
        inside()
    with pytest.raises(SelfCareError) as clean:
        after()
    assert ["KeyError str", "KeyError repr", "KeyError args"] == _leaks(chained.value)
    assert [] == _leaks(clean.value)
