"""Specification of profiles and working hours."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import attrs
import pytest

from selfcare import (
    Benefit,
    Category,
    Profile,
    Role,
    TimeOfDay,
    ValidationError,
    Weekday,
    WorkingHours,
)
from tests.rejection import check_rejected

MON, TUE, WED, THU, FRI, SAT, SUN = Weekday


def profile(**changes: Any) -> Profile:
    """A valid client profile with some fields changed."""
    fields: dict[str, Any] = {"role": Role.CLIENT, "timezone": "Europe/London", "daily_minutes": 30}
    return Profile(**{**fields, **changes})


# Budget forms


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        pytest.param(30, (30,) * 7, id="one-int"),
        pytest.param(0, (0,) * 7, id="zero"),
        pytest.param(1440, (1440,) * 7, id="whole-day"),
        pytest.param({MON: 30, SAT: 60}, (30, 0, 0, 0, 0, 60, 0), id="mapping"),
        pytest.param({}, (0,) * 7, id="empty-mapping"),
        pytest.param([10, 20, 30, 40, 50, 60, 70], (10, 20, 30, 40, 50, 60, 70), id="seven-list"),
        pytest.param((5,) * 7, (5,) * 7, id="seven-tuple"),
        pytest.param((n for n in range(7)), (0, 1, 2, 3, 4, 5, 6), id="generator"),
    ],
)
def test_daily_minutes_forms(given: Any, stored: tuple[int, ...]) -> None:
    """The daily budget is one integer, a {Weekday: minutes} mapping or seven integers."""
    assert stored == profile(daily_minutes=given).daily_minutes


def test_minutes_on_a_weekday_or_a_date() -> None:
    """minutes_on reads the budget of a weekday, or of a date's weekday."""
    p = profile(daily_minutes={MON: 30, SAT: 60})
    assert 60 == p.minutes_on(SAT)
    assert 0 == p.minutes_on(SUN)
    assert 30 == p.minutes_on(dt.date(2026, 1, 5))
    assert 60 == p.minutes_on(dt.datetime(2026, 1, 10, 9))


def test_weekly_minutes_sums_the_week() -> None:
    """weekly_minutes is the sum of the seven daily budgets."""
    assert 280 == profile(daily_minutes=[10, 20, 30, 40, 50, 60, 70]).weekly_minutes


# Allowed categories


@pytest.mark.parametrize(
    ("changes", "allowed"),
    [
        pytest.param(
            {},
            {Category.EMOTIONAL, Category.PHYSICAL, Category.MENTAL, Category.PRACTICAL},
            id="client",
        ),
        pytest.param(
            {"spiritual": True},
            {
                Category.EMOTIONAL,
                Category.PHYSICAL,
                Category.MENTAL,
                Category.PRACTICAL,
                Category.SPIRITUAL,
            },
            id="client-spiritual",
        ),
        pytest.param(
            {"role": Role.THERAPIST},
            set(Category) - {Category.SPIRITUAL},
            id="therapist",
        ),
        pytest.param({"role": Role.THERAPIST, "spiritual": True}, set(Category), id="everything"),
        pytest.param(
            {"excluded_categories": {Category.PHYSICAL, Category.PROFESSIONAL}},
            {Category.EMOTIONAL, Category.MENTAL, Category.PRACTICAL},
            id="client-excluding",
        ),
        pytest.param(
            {"role": Role.THERAPIST, "excluded_categories": [Category.EMOTIONAL]},
            {Category.PHYSICAL, Category.MENTAL, Category.PRACTICAL, Category.PROFESSIONAL},
            id="therapist-excluding",
        ),
        pytest.param({"excluded_categories": set(Category)}, set(), id="excluding-everything"),
    ],
)
def test_allowed_categories(changes: dict[str, Any], allowed: set[Category]) -> None:
    """Spiritual care only for those who opt in, professional only for therapists."""
    assert frozenset(allowed) == profile(**changes).allowed_categories


def test_defaults() -> None:
    """A bare profile has no goals, preferences, exclusions, values or working hours."""
    p = profile()
    assert frozenset() == p.goals
    assert frozenset() == p.preferred_times
    assert frozenset() == p.excluded_categories
    assert frozenset() == p.excluded_tags
    assert frozenset() == p.values
    assert p.spiritual is False
    assert p.working_hours is None


def test_collections_are_stored_as_frozensets() -> None:
    """Goals, preferred times, exclusions and values given as lists become frozensets."""
    p = profile(
        goals=[Benefit.COPING_SKILLS],
        preferred_times=(TimeOfDay.MORNING,),
        excluded_tags=["outdoors"],
        values=["faith", "family"],
    )
    assert frozenset({Benefit.COPING_SKILLS}) == p.goals
    assert frozenset({TimeOfDay.MORNING}) == p.preferred_times
    assert frozenset({"outdoors"}) == p.excluded_tags
    assert frozenset({"faith", "family"}) == p.values


@pytest.mark.parametrize("zone", ["Europe/London", "UTC", "America/Argentina/Buenos_Aires"])
def test_accepts_iana_zones(zone: str) -> None:
    """Any IANA zone name is accepted and kept."""
    assert zone == profile(timezone=zone).timezone


REJECTED = [
    # role
    pytest.param({"role": "client"}, "role", "expected a Role", id="role-text"),
    pytest.param({"role": None}, "role", "expected a Role", id="role-none"),
    # timezone
    pytest.param({"timezone": "Mars/Olympus_Mons"}, "timezone", "IANA time zone", id="tz-unknown"),
    pytest.param({"timezone": ""}, "timezone", "IANA time zone", id="tz-empty"),
    pytest.param({"timezone": "+01:00"}, "timezone", "IANA time zone", id="tz-offset"),
    pytest.param({"timezone": "local"}, "timezone", "IANA time zone", id="tz-local"),
    pytest.param({"timezone": "europe/london"}, "timezone", "IANA time zone", id="tz-lowercase"),
    pytest.param({"timezone": " Europe/London"}, "timezone", "IANA time zone", id="tz-space"),
    pytest.param({"timezone": "../etc/passwd"}, "timezone", "IANA time zone", id="tz-path"),
    pytest.param({"timezone": "Europe/" + "x" * 60}, "timezone", "IANA time zone", id="tz-long"),
    pytest.param({"timezone": None}, "timezone", "IANA time zone", id="tz-none"),
    pytest.param({"timezone": 1}, "timezone", "IANA time zone", id="tz-int"),
    pytest.param({"timezone": dt.UTC}, "timezone", "IANA time zone name", id="tz-tzinfo-object"),
    # daily_minutes
    pytest.param({"daily_minutes": "30"}, "daily_minutes", "one integer, a {Weekday", id="text"),
    pytest.param({"daily_minutes": 30.0}, "daily_minutes", "one integer", id="float"),
    pytest.param({"daily_minutes": True}, "daily_minutes", "one integer", id="bool"),
    pytest.param({"daily_minutes": None}, "daily_minutes", "one integer", id="none"),
    pytest.param({"daily_minutes": [30] * 6}, "daily_minutes", "expected 7 days", id="six"),
    pytest.param({"daily_minutes": [30] * 8}, "daily_minutes", "expected 7 days", id="eight"),
    pytest.param({"daily_minutes": -1}, "daily_minutes[monday]", "from 0 to 1440", id="neg"),
    pytest.param({"daily_minutes": 1441}, "daily_minutes[monday]", "from 0 to 1440", id="1441"),
    pytest.param(
        {"daily_minutes": [30, 30, 30, 30, 30, 30, 1441]},
        "daily_minutes[sunday]",
        "from 0 to 1440, got 1441",
        id="sunday-too-long",
    ),
    pytest.param(
        {"daily_minutes": [30, True, 30, 30, 30, 30, 30]},
        "daily_minutes[tuesday]",
        "expected an integer",
        id="bool-in-week",
    ),
    pytest.param(
        {"daily_minutes": [30, 30, 30.5, 30, 30, 30, 30]},
        "daily_minutes[wednesday]",
        "expected an integer",
        id="float-in-week",
    ),
    pytest.param(
        {"daily_minutes": {"monday": 30}}, "daily_minutes", "expected a Weekday", id="text-key"
    ),
    pytest.param({"daily_minutes": {0: 30}}, "daily_minutes", "expected a Weekday", id="int-key"),
    pytest.param(
        {"daily_minutes": {SAT: 1441}},
        "daily_minutes[saturday]",
        "from 0 to 1440",
        id="mapping-too-long",
    ),
    pytest.param(
        {"daily_minutes": {SAT: "60"}},
        "daily_minutes[saturday]",
        "expected an integer",
        id="mapping-text-value",
    ),
    # collections of enums and slugs
    pytest.param({"goals": "coping-skills"}, "goals", "expected a collection", id="goals-lone"),
    pytest.param({"goals": ["coping-skills"]}, "goals", "expected a Benefit", id="goals-text"),
    pytest.param(
        {"preferred_times": "morning"}, "preferred_times", "expected a collection", id="pt-lone"
    ),
    pytest.param(
        {"preferred_times": ["morning"]}, "preferred_times", "expected a TimeOfDay", id="pt-text"
    ),
    pytest.param(
        {"excluded_categories": "spiritual"},
        "excluded_categories",
        "expected a collection",
        id="exc-lone",
    ),
    pytest.param(
        {"excluded_categories": [Category.SPIRITUAL, "physical"]},
        "excluded_categories",
        "expected a Category",
        id="exc-text",
    ),
    pytest.param(
        {"excluded_tags": "outdoors"}, "excluded_tags", "expected a collection", id="tags-lone"
    ),
    pytest.param(
        {"excluded_tags": ["Outdoors"]}, "excluded_tags", "expected a tag", id="tags-bad-slug"
    ),
    pytest.param({"values": "faith"}, "values", "expected a collection", id="values-lone"),
    pytest.param({"values": ["my faith"]}, "values", "expected a value", id="values-bad-slug"),
    # spiritual
    pytest.param({"spiritual": 1}, "spiritual", "True or False, got 1", id="spiritual-int"),
    pytest.param({"spiritual": "yes"}, "spiritual", "True or False", id="spiritual-text"),
    pytest.param({"spiritual": None}, "spiritual", "True or False", id="spiritual-none"),
    pytest.param(
        {"spiritual": True, "excluded_categories": {Category.SPIRITUAL}},
        "spiritual",
        "contradicts excluding",
        id="spiritual-and-excluded",
    ),
    # working hours
    pytest.param(
        {"working_hours": (dt.time(9), dt.time(17))},
        "working_hours",
        "expected WorkingHours",
        id="hours-tuple",
    ),
    pytest.param(
        {"working_hours": {"start": dt.time(9)}},
        "working_hours",
        "expected WorkingHours",
        id="hours-dict",
    ),
]


@pytest.mark.parametrize(("changes", "field", "expected"), REJECTED)
def test_rejects(changes: dict[str, Any], field: str, expected: str) -> None:
    """Invalid profiles are rejected naming the field and what was expected."""
    check_rejected(lambda: profile(**changes), field, expected)


@pytest.mark.parametrize("zone", ["utc", "Utc"])
def test_timezone_names_are_case_sensitive(zone: str) -> None:
    """A zone name in the wrong case is rejected, or stored as the canonical 'UTC'."""
    try:
        stored = profile(timezone=zone).timezone
    except ValidationError:
        return
    assert "UTC" == stored


# Working hours


def test_working_hours_minutes_and_default_weekdays() -> None:
    """Working hours default to Monday to Friday; minutes is the length of the day."""
    hours = WorkingHours(dt.time(9), dt.time(17, 30))
    assert 510 == hours.minutes
    assert frozenset({MON, TUE, WED, THU, FRI}) == hours.weekdays


def test_working_hours_on_chosen_days() -> None:
    """Working days may be chosen, given as any collection of weekdays."""
    hours = WorkingHours(dt.time(8), dt.time(12), weekdays=[SAT, SUN])
    assert frozenset({SAT, SUN}) == hours.weekdays
    assert 240 == hours.minutes


def test_a_therapist_profile_keeps_working_hours() -> None:
    """A profile keeps the working hours it was given."""
    hours = WorkingHours(dt.time(9), dt.time(17))
    assert hours == profile(role=Role.THERAPIST, working_hours=hours).working_hours


@pytest.mark.parametrize(
    ("args", "kwargs", "field", "expected"),
    [
        pytest.param(
            ("09:00", dt.time(17)), {}, "start", "expected a time of day", id="start-text"
        ),
        pytest.param((dt.time(9), None), {}, "end", "expected a time of day", id="end-none"),
        pytest.param(
            (dt.time(9, tzinfo=dt.UTC), dt.time(17)), {}, "start", "without a time zone", id="aware"
        ),
        pytest.param(
            (dt.time(9), dt.time(17, 0, 0, 1)), {}, "end", "whole seconds", id="microseconds"
        ),
        pytest.param((dt.time(17), dt.time(9)), {}, "end", "after its start", id="end-before"),
        pytest.param((dt.time(9), dt.time(9)), {}, "end", "after its start", id="end-equal"),
        pytest.param(
            (dt.time(9), dt.time(17)), {"weekdays": []}, "weekdays", "at least one", id="no-days"
        ),
        pytest.param(
            (dt.time(9), dt.time(17)),
            {"weekdays": "MO"},
            "weekdays",
            "expected a collection",
            id="days-lone-text",
        ),
        pytest.param(
            (dt.time(9), dt.time(17)),
            {"weekdays": [0, 1]},
            "weekdays",
            "expected a Weekday",
            id="days-ints",
        ),
    ],
)
def test_working_hours_reject(
    args: tuple[Any, Any], kwargs: dict[str, Any], field: str, expected: str
) -> None:
    """Invalid working hours are rejected naming the field and what was expected."""
    check_rejected(lambda: WorkingHours(*args, **kwargs), field, expected)


# Values


def test_profiles_compare_and_hash_by_value() -> None:
    """Profiles built from different budget forms of the same week are equal."""
    a = profile(daily_minutes=30)
    b = profile(daily_minutes=dict.fromkeys(Weekday, 30))
    c = profile(daily_minutes=[30] * 7)
    assert a == b == c
    assert hash(a) == hash(b) == hash(c)
    assert a != profile(daily_minutes=31)


VALUES: list[Any] = [
    WorkingHours(dt.time(9), dt.time(17)),
    profile(
        role=Role.THERAPIST,
        daily_minutes={MON: 20, FRI: 45},
        goals={Benefit.PREVENTS_BURNOUT},
        preferred_times={TimeOfDay.EVENING},
        excluded_categories={Category.PHYSICAL},
        excluded_tags={"outdoors"},
        values={"nature"},
        spiritual=True,
        working_hours=WorkingHours(dt.time(9), dt.time(17)),
    ),
]


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_values_pickle(value: object) -> None:
    """Profiles and working hours survive a pickle round trip unchanged."""
    assert value == pickle.loads(pickle.dumps(value))


@pytest.mark.parametrize(
    ("value", "field"),
    [(value, a.name) for value in VALUES for a in attrs.fields(type(value))],
    ids=lambda v: v if isinstance(v, str) else type(v).__name__,
)
def test_values_are_immutable(value: object, field: str) -> None:
    """No field of a profile or working hours can be reassigned."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(value, field, getattr(value, field))
