"""Specification of to_records and occurrence_records: flat rows for tables and plots."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections import Counter
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import (
    BlockKind,
    Category,
    Contributor,
    Journal,
    Pause,
    PauseKind,
    Period,
    Plan,
    PlanAdherence,
    PlanItem,
    PlanReview,
    Practice,
    Profile,
    Ratings,
    RecommendationList,
    Recurrence,
    Reflection,
    Role,
    Session,
    TooManyOccurrencesError,
    ValidationError,
    Weekday,
    WellbeingTrend,
    Workday,
    WorkdayRules,
    Workweek,
    category_balance,
    default_catalog,
    generate_plan,
    habit_strength,
    occurrence_records,
    plan_workday,
    recommend,
    to_records,
    wellbeing_trend,
)
from selfcare.serialize import from_dict, to_dict
from selfcare.testing import (
    category_balances,
    habit_strengths,
    journals,
    plan_adherences,
    plan_reviews,
    plans,
    recommendation_lists,
    reflections,
    strategy_effects,
    streaks,
    wellbeing_trends,
    workdays,
    workweeks,
    zoned_datetimes,
)

LONDON = "Europe/London"
SECRET = "my secret worry about work"
SCALARS = (str, int, float, bool, type(None), dt.date, dt.time)  # dt.datetime is a dt.date

#: Every supported value, alone or as a list of one type.
VALUES = st.one_of(
    plans(),
    workdays(),
    workweeks(),
    st.lists(reflections(), max_size=4),
    category_balances(),
    st.lists(category_balances(), max_size=3),
    wellbeing_trends(),
    habit_strengths(),
    st.lists(streaks(), max_size=3),
    plan_adherences(),
    st.lists(strategy_effects(), max_size=3),
    recommendation_lists(),
    plan_reviews(),
    st.lists(zoned_datetimes(), max_size=5),
)


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to check it is rejected."""
    return value


def expected_rows(value: object) -> int:
    """How many rows a value stands for, counted from the value itself."""
    if isinstance(value, list):
        return sum(expected_rows(item) for item in value)
    if isinstance(value, Workday):
        return len(value.blocks)
    if isinstance(value, Workweek):
        return sum(len(day.blocks) for day in value.days)
    if isinstance(value, WellbeingTrend):
        return len(value.points)
    if isinstance(value, PlanAdherence):
        return len(value.items) + len(value.rituals)
    if isinstance(value, Plan | RecommendationList):
        return len(value.items)
    if isinstance(value, PlanReview):
        return len(value.suggestions)
    return 1


def texts(rows: list[dict[str, Any]]) -> str:
    """Every string in the rows, keys included, joined, to search for leaked text."""
    return "\n".join(str(part) for row in rows for item in row.items() for part in item)


# Shape


@given(VALUES)
def test_rows_make_a_flat_table(value: object) -> None:
    """One row per plan item, block, reflection, ... each of str columns to flat values.

    Values are scalars, dates, zoned datetimes and times, and the rows of one value share
    their columns, in the same order.
    """
    rows = to_records(value, include_private=True)
    assert expected_rows(value) == len(rows)
    for row in rows:
        for column, cell in row.items():
            assert isinstance(column, str)
            assert isinstance(cell, SCALARS), (column, type(cell))
            if isinstance(cell, dt.datetime):
                assert isinstance(cell, pendulum.DateTime)
                assert cell.tzinfo is not None
    for item in value if isinstance(value, list) else [value]:
        assert len({tuple(row) for row in to_records(item)}) <= 1


def rebuilt(value: Any) -> Any:
    """An equal value built anew: through JSON where the type has a format, else evolved."""
    if isinstance(value, list):
        return [rebuilt(item) for item in value]
    if not attrs.has(type(value)):  # a zoned instant: immutable, and copying loses its fold
        return value
    try:
        document = to_dict(value)
    except ValidationError:  # insight results have no document format
        return attrs.evolve(value)
    return from_dict(type(value), document)


@given(VALUES)
def test_the_same_value_gives_the_same_rows(value: object) -> None:
    """A value and an equal one built anew give equal rows, columns in the same order."""
    first, second = to_records(value), to_records(rebuilt(value))
    assert [list(row.items()) for row in first] == [list(row.items()) for row in second]


def test_rows_are_the_same_in_every_process() -> None:
    """Rows do not depend on the hash seed: sets are written in a fixed order."""
    code = (
        "import datetime as dt, selfcare\n"
        "from selfcare import to_records, occurrence_records\n"
        "p = selfcare.Profile(role=selfcare.Role.THERAPIST, timezone='Europe/London',"
        " daily_minutes=40)\n"
        "plan = selfcare.generate_plan(p, selfcare.default_catalog(),"
        " start=dt.date(2026, 3, 23), weeks=2, seed=7)\n"
        "print(repr(to_records(plan)), repr(occurrence_records(plan)))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("0", "1", "2")
    }
    assert 1 == len(outputs)


@given(st.lists(reflections(), max_size=4))
def test_every_reflection_has_a_self_rating_column_for_every_category(
    history: list[Reflection],
) -> None:
    """Self-ratings are spread over one column per category, in the order of Category."""
    for reflection, row in zip(history, to_records(history), strict=True):
        columns = [column for column in row if column.startswith("self_rating_")]
        assert [f"self_rating_{c.value}" for c in Category] == columns
        assert {c: reflection.self_ratings.get(c) for c in Category} == {
            c: row[f"self_rating_{c.value}"] for c in Category
        }


# Privacy


@given(st.lists(reflections(), min_size=1, max_size=3), st.data())
def test_journal_text_stays_out_unless_asked_for(
    history: list[Reflection], data: st.DataObject
) -> None:
    """No insight, gratitude or note appears in the rows unless include_private=True."""
    field = data.draw(st.sampled_from(["insight", "gratitude", "note"]))
    secret = [attrs.evolve(r, journal=Journal(**{field: SECRET})) for r in history]
    assert SECRET not in texts(to_records(secret))
    private = to_records(secret, include_private=True)
    assert [SECRET] * len(secret) == [row[field] for row in private]


@given(journals())
def test_only_whether_a_journal_is_written_is_shown(journal: Journal) -> None:
    """By default a reflection's row says which journal fields were written, not what."""
    reflection = Reflection(at=pendulum.datetime(2026, 1, 5, 21, tz=LONDON), author=Role.CLIENT)
    row = to_records(attrs.evolve(reflection, journal=journal))[0]
    assert {"insight", "gratitude", "note"}.isdisjoint(row)
    assert (journal.insight is not None, journal.gratitude is not None) == (
        row["has_insight"],
        row["has_gratitude"],
    )


@given(workdays())
def test_session_refs_stay_out_unless_asked_for(day: Workday) -> None:
    """A session block's ref is only written, in a ref column, with include_private=True."""
    assert all("ref" not in row for row in to_records(day))
    rows = to_records(day, include_private=True)
    assert [block.ref for block in day.blocks] == [row["ref"] for row in rows]


def test_plan_rows_leave_out_revision_reasons() -> None:
    """A plan's rows hold its items, never why a revision was made."""
    plan = example_plan().revise(
        by="client-7",
        at=pendulum.datetime(2026, 3, 25, 20, tz=LONDON),
        reason=SECRET,
        add=[PlanItem("mindful-breathing", Recurrence.daily(), 3)],
    )
    assert SECRET not in texts(to_records(plan, include_private=True))
    assert SECRET not in texts(occurrence_records(plan))


# Concrete rows


def example_plan() -> Plan:
    return Plan(
        id="plan-1",
        role=Role.CLIENT,
        timezone=LONDON,
        period=Period.weeks_from(dt.date(2026, 3, 23), 1),
        items=[
            PlanItem(
                "short-walk",
                Recurrence.weekly([Weekday.FRIDAY, Weekday.MONDAY], at=dt.time(12, 30)),
                10,
            ),
            PlanItem("consistent-sleep", Recurrence.times_per_week(3), 30),
        ],
        contributors=[Contributor("client-7", Role.CLIENT)],
    )


def test_a_plan_gives_one_row_per_item() -> None:
    """A plan item's row holds its schedule, minutes and reasons as flat values."""
    first, second = to_records(example_plan())
    assert {
        "plan_id": "plan-1",
        "plan_version": 1,
        "status": "draft",
        "position": 0,
        "strategy_id": "short-walk",
        "minutes": 10,
        "weekly_minutes": 20.0,
        "schedule": "every Monday and Friday at 12:30",
        "frequency": "weekly",
        "interval": 1,
        "weekdays": "MO,FR",
        "per_week": None,
        "times": "12:30",
        "start": None,
        "until": None,
        "count": None,
        "skipped_dates": 0,
        "paused_days": 0,
        "reminders": "",
        "plan_pauses": "",
        "plan_paused_days": 0,
        "reason_codes": "",
        "reasons": "",
    } == first
    assert ("times-per-week", 3, "") == (
        second["frequency"],
        second["per_week"],
        second["weekdays"],
    )


def test_a_plans_rows_hold_its_rests_and_each_items_reminders() -> None:
    """Every row lists the plan's rests by kind and days, never why; each its reminders."""
    plan = example_plan()
    plan = attrs.evolve(
        plan, items=(attrs.evolve(plan.items[0], reminders=(10, 1440)), *plan.items[1:])
    )
    rested = plan.pause(
        Pause(Period(dt.date(2026, 3, 27), dt.date(2026, 3, 28)), PauseKind.ILLNESS),
        by="client-7",
        at=pendulum.datetime(2026, 3, 26, 20, tz=LONDON),
        reason=SECRET,
    ).pause(
        Pause(Period(dt.date(2026, 3, 24), dt.date(2026, 3, 24)), PauseKind.HOLIDAY),
        by="client-7",
        at=pendulum.datetime(2026, 3, 26, 21, tz=LONDON),
        reason=SECRET,
    )
    first, second = to_records(rested, include_private=True)
    rests = "holiday:2026-03-24/2026-03-24,illness:2026-03-27/2026-03-28"
    assert ("1440,10", rests, 3) == (
        first["reminders"],
        first["plan_pauses"],
        first["plan_paused_days"],
    )
    assert ("", rests, 3) == (
        second["reminders"],
        second["plan_pauses"],
        second["plan_paused_days"],
    )
    assert SECRET not in texts([first, second])


def test_a_reflection_gives_one_row() -> None:
    """A reflection's row holds its ratings, practices and whether the journal is written."""
    reflection = Reflection(
        at=pendulum.datetime(2026, 1, 5, 21, 30, tz=LONDON),
        author=Role.CLIENT,
        ratings=Ratings(mood=6, stress=4),
        self_ratings={Category.PHYSICAL: 4, Category.EMOTIONAL: 2},
        practised=[
            Practice.done("short-walk", 20),
            Practice.skipped("consistent-sleep"),
            Practice.done("mindful-breathing"),
        ],
        journal=Journal(insight=SECRET),
        wants_support=True,
    )
    assert {
        "at": pendulum.datetime(2026, 1, 5, 21, 30, tz=LONDON),
        "date": dt.date(2026, 1, 5),
        "timezone": LONDON,
        "author": "client",
        "mood": 6,
        "energy": None,
        "stress": 4,
        "self_rating_emotional": 2,
        "self_rating_physical": 4,
        "self_rating_mental": None,
        "self_rating_practical": None,
        "self_rating_spiritual": None,
        "self_rating_professional": None,
        "done": "short-walk,mindful-breathing",
        "skipped": "consistent-sleep",
        "done_count": 2,
        "skipped_count": 1,
        "practised_minutes": 20,
        "wants_support": True,
        "has_insight": True,
        "has_gratitude": False,
        "has_note": False,
        "has_practice_note": False,
    } == to_records([reflection])[0]
    assert type(to_records([reflection])[0]["date"]) is dt.date


def test_a_workday_gives_one_row_per_block() -> None:
    """A block's row holds its kind, times, length and ritual; sessions keep their position."""
    day = plan_workday(
        [Session(pendulum.datetime(2026, 3, 2, 10, tz=LONDON), 50, ref="c-12")],
        rules=WorkdayRules(),
        tz=LONDON,
    )
    rows = to_records(day)
    session = rows[[b.kind for b in day.blocks].index(BlockKind.SESSION)]
    assert {
        "day": dt.date(2026, 3, 2),
        "timezone": LONDON,
        "position": 1,
        "kind": "session",
        "protected": False,
        "start": pendulum.datetime(2026, 3, 2, 10, tz=LONDON),
        "end": pendulum.datetime(2026, 3, 2, 10, 50, tz=LONDON),
        "minutes": 50,
        "session": 0,
        "ritual_id": None,
        "strategy_ids": "",
        "reason": day.blocks[1].reason,
    } == session
    assert [b.minutes for b in day.blocks] == [row["minutes"] for row in rows]
    assert "short-walk,mindful-breathing" == rows[2]["strategy_ids"]


def night(day: dt.date) -> pendulum.DateTime:
    """The last minute of a day in UTC, the zone of the week's reflections."""
    return pendulum.datetime(day.year, day.month, day.day, 23, 59, tz="UTC")


def week_of_reflections() -> list[Reflection]:
    return [
        Reflection(
            at=pendulum.datetime(2026, 1, n, 20, tz="UTC"),
            author=Role.CLIENT,
            ratings=Ratings(mood=5 + n % 2),
            self_ratings={Category.PHYSICAL: 4},
            practised=[Practice.done("short-walk", 20)],
        )
        for n in range(1, 8)
    ]


def test_a_category_balance_gives_one_wide_row() -> None:
    """A balance has minutes, days, self-rating and neglected columns for every category."""
    row = to_records(category_balance(week_of_reflections(), days=7))[0]
    assert (dt.date(2026, 1, 1), dt.date(2026, 1, 7), 7) == (
        row["period_first"],
        row["period_last"],
        row["days_reflected"],
    )
    assert (140, 7, 4.0, False) == (
        row["minutes_physical"],
        row["days_physical"],
        row["self_rating_physical"],
        row["neglected_physical"],
    )
    assert (0, True) == (row["minutes_mental"], row["neglected_mental"])
    # Spiritual care was not looked at: no figures, and not neglected.
    assert (None, None, False) == (
        row["minutes_spiritual"],
        row["days_spiritual"],
        row["neglected_spiritual"],
    )


def test_a_list_of_balances_gives_one_row_each_for_plotting_over_time() -> None:
    """Balances at the end of each day make a table with one row a day."""
    history = week_of_reflections()
    days = [dt.date(2026, 1, n) for n in range(1, 8)]
    rows = to_records([category_balance(history, at=night(d), days=7) for d in days])
    assert days == [row["period_last"] for row in rows]
    assert [20 * n for n in range(1, 8)] == [row["minutes_physical"] for row in rows]


def test_habit_strengths_and_trends_give_one_row_a_day() -> None:
    """Habit strength through each day, and a trend, give a row per day to plot."""
    history = week_of_reflections()
    days = [dt.date(2026, 1, n) for n in range(1, 8)]
    habits = [habit_strength(history, "short-walk", at=night(d)) for d in days]
    rows = to_records(habits)
    assert days == [row["last"] for row in rows]
    assert [h.score for h in habits] == [row["score"] for row in rows]
    trend = to_records(wellbeing_trend(history, window_days=2))
    assert days == [row["day"] for row in trend]
    assert [6.0, 5.5, 5.5] == [row["mood"] for row in trend[:3]]


def test_occurrences_give_one_row_per_instant() -> None:
    """Zoned datetimes, e.g. from PlanItem.occurrences, give their date, time and weekday."""
    item = PlanItem("short-walk", Recurrence.daily(at=dt.time(1, 30)), 10)
    found = item.occurrences(dt.date(2026, 3, 28), dt.date(2026, 3, 30), tz=LONDON)
    assert [
        (dt.date(2026, 3, 28), dt.time(1, 30), "saturday", LONDON),
        (dt.date(2026, 3, 29), dt.time(2, 30), "sunday", LONDON),  # moved by the DST gap
    ] == [(r["date"], r["time"], r["weekday"], r["timezone"]) for r in to_records(found)]


def test_recommendations_give_one_row_per_item_best_first() -> None:
    """Recommendations are ranked from 1, with a column per score component."""
    recs = _recommend()
    rows = to_records(recs)
    assert list(range(1, len(recs) + 1)) == [row["rank"] for row in rows]
    assert [r.strategy_id for r in recs] == [row["strategy_id"] for row in rows]
    assert all(
        row[f"component_{name}"] == rec.components[name]
        for rec, row in zip(recs, rows, strict=True)
        for name in rec.components
    )


def _recommend() -> RecommendationList:
    return recommend(
        Profile(role=Role.CLIENT, timezone=LONDON, daily_minutes=30),
        history=week_of_reflections(),
        at=pendulum.datetime(2026, 1, 8, 18, tz=LONDON),
        k=4,
        seed=1,
    )


def test_an_empty_list_gives_no_rows() -> None:
    """An empty list gives an empty table."""
    assert [] == to_records([])


# Occurrences of a plan


def test_occurrence_records_expand_items_in_time_order() -> None:
    """Each planned occurrence is a row, in time order, in the plan's zone."""
    rows = occurrence_records(example_plan())
    walks = [r for r in rows if r["strategy_id"] == "short-walk"]
    assert [
        pendulum.datetime(2026, 3, 23, 12, 30, tz=LONDON),
        pendulum.datetime(2026, 3, 27, 12, 30, tz=LONDON),
    ] == [r["at"] for r in walks]
    assert sorted(r["at"] for r in rows) == [r["at"] for r in rows]  # type: ignore[type-var]
    assert 3 == sum(r["strategy_id"] == "consistent-sleep" for r in rows)
    assert {None} == {r["ritual_id"] for r in rows}


def test_occurrence_records_take_a_window_and_a_default_time() -> None:
    """start, end and default_time narrow the window and time the untimed items."""
    rows = occurrence_records(
        example_plan(),
        start=dt.date(2026, 3, 27),
        end=dt.date(2026, 3, 28),
        default_time=dt.time(7),
    )
    assert [("consistent-sleep", dt.time(7)), ("short-walk", dt.time(12, 30))] == [
        (r["strategy_id"], r["time"]) for r in rows
    ]


@given(
    st.integers(0, 2**32 - 1),
    st.sampled_from(["UTC", "Asia/Tokyo"]),
    st.sampled_from(Role),
    st.none() | st.tuples(st.integers(0, 13), st.integers(0, 13)),
)
def test_occurrence_minutes_add_up_to_the_minutes_planned_each_day(
    seed: int, zone: str, role: Role, rest: tuple[int, int] | None
) -> None:
    """Summed by date, the rows' minutes are Plan.minutes_by_date (rituals included).

    A rest of the whole plan (a pause) leaves its days with neither rows nor minutes.
    """
    profile = Profile(role=role, timezone=zone, daily_minutes=45)
    start = dt.date(2026, 3, 23)
    plan = generate_plan(profile, default_catalog(), start=start, weeks=2, seed=seed)
    if rest is not None:
        first, last = (start + dt.timedelta(days=n) for n in sorted(rest))
        plan = attrs.evolve(plan, pauses=[Pause(Period(first, last))])
    totals: Counter[dt.date] = Counter()
    for row in occurrence_records(plan):
        assert isinstance(row["date"], dt.date)
        assert isinstance(row["minutes"], int)
        totals[row["date"]] += row["minutes"]
    assert {d: m for d, m in plan.minutes_by_date().items() if m} == dict(totals)
    assert not {
        plan.period.first + dt.timedelta(days=n)
        for n in range(14)
        if plan.pause_on(plan.period.first + dt.timedelta(days=n))
    } & set(totals)


def test_occurrence_records_stop_at_the_limit() -> None:
    """More occurrences than limit raise rather than build a huge table."""
    with pytest.raises(TooManyOccurrencesError):
        occurrence_records(example_plan(), limit=3)


def test_occurrence_records_need_a_plan() -> None:
    """Anything but a Plan is rejected on the field plan."""
    with pytest.raises(ValidationError) as caught:
        occurrence_records(wrong(SECRET))
    assert "plan" == caught.value.problems[0][0]
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize("items", [True, False], ids=["with-items", "empty-plan"])
@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"start": "2026-03-23"}, "start"),
        ({"end": 42}, "end"),
        ({"start": dt.datetime(2026, 3, 23, 9)}, "start"),
        ({"default_time": "9am"}, "default_time"),
        ({"start": dt.date(2027, 1, 1), "end": dt.date(2026, 1, 1)}, "end"),
    ],
)
def test_occurrence_records_check_their_window_even_with_nothing_to_expand(
    items: bool, arguments: dict[str, Any], field: str
) -> None:
    """A bad window or default time is an error whether or not the plan has anything in it."""
    plan = example_plan() if items else attrs.evolve(example_plan(), items=(), rituals=())
    with pytest.raises(ValidationError) as caught:
        occurrence_records(plan, **arguments)
    assert field == caught.value.problems[0][0]


# Errors


def test_an_unsupported_value_is_rejected_naming_what_is_supported() -> None:
    """A value of another type is a ValidationError listing the supported types, not the value."""
    with pytest.raises(ValidationError) as caught:
        to_records(wrong(SECRET))
    message = str(caught.value)
    assert SECRET not in message
    assert "value: expected a Plan" in message
    assert f"got a string of {len(SECRET)} characters" in message
    assert "Plan, Workday, Workweek, Reflection" in message


def test_an_unsupported_value_in_a_list_is_named_by_position() -> None:
    """The position of the first unsupported value is given."""
    with pytest.raises(ValidationError, match=r"value\[1\]: .* got a dict"):
        to_records(wrong([example_plan(), {"note": SECRET}]))


def test_a_list_of_mixed_types_is_rejected() -> None:
    """A list must hold values of one type, so its rows share their columns."""
    plan = example_plan()
    with pytest.raises(ValidationError, match="mixes types"):
        to_records([plan, *week_of_reflections()])


def test_include_private_must_be_a_bool() -> None:
    """A truthy string is not taken for True."""
    with pytest.raises(ValidationError) as caught:
        to_records(example_plan(), include_private=wrong("yes"))
    assert "include_private" == caught.value.problems[0][0]


def test_a_naive_datetime_is_rejected_by_position() -> None:
    """A datetime without a zone cannot be placed in time; the error names its position."""
    aware = pendulum.datetime(2026, 1, 5, 9, tz=LONDON)
    with pytest.raises(ValidationError) as caught:
        to_records([aware, dt.datetime(2026, 1, 5, 9)])
    assert "value[1]" == caught.value.problems[0][0]


# Dependencies


def test_selfcare_never_imports_pandas_or_matplotlib() -> None:
    """Making records imports no data-frame or plotting library: apps choose their own."""
    code = (
        "import sys, datetime as dt, selfcare\n"
        "from selfcare import to_records, occurrence_records\n"
        "plan = selfcare.generate_plan(selfcare.Profile(role=selfcare.Role.CLIENT,"
        " timezone='UTC', daily_minutes=30), selfcare.default_catalog(),"
        " start=dt.date(2026, 1, 5), weeks=1, seed=1)\n"
        "to_records(plan); occurrence_records(plan)\n"
        "found = sorted(m for m in sys.modules if m.split('.')[0] in"
        " {'pandas', 'numpy', 'polars', 'matplotlib', 'pyarrow'})\n"
        "print(found)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert "[]" == result.stdout.strip()


def test_a_ritual_habit_is_a_row_then_a_row_per_step() -> None:
    """The ritual's figures first, then each step's own strength, numbered from 1."""
    from selfcare import ritual_habit

    evenings = [
        Reflection(
            at=pendulum.datetime(2026, 3, 2, 21, tz="UTC").add(days=n),
            author=Role.CLIENT,
            practised=[Practice.done("one-insight"), Practice.done("short-walk", 15)],
        )
        for n in range(10)
    ]
    habit = ritual_habit(evenings, "daily-reflection")
    rows = to_records(habit)
    assert [None, 1, 2] == [r["step"] for r in rows]
    assert [None, *(s.strategy_id for s in habit.steps)] == [r["strategy_id"] for r in rows]
    assert (habit.days_done, habit.percent) == (rows[0]["days_done"], rows[0]["percent"])
    assert {"daily-reflection"} == {r["ritual_id"] for r in rows}
    walk = to_records(habit_strength(evenings, "short-walk"))[0]
    assert ("minutes", 150) == (walk["unit"], walk["amount"])


def test_adherence_rows_list_the_items_then_the_rituals() -> None:
    """A ritual's row has its id, and its partly done days."""
    from selfcare import ItemAdherence, RitualAdherence

    kept = PlanAdherence(
        "plan-1",
        None,
        (ItemAdherence("short-walk", 7, 1, 5),),
        (RitualAdherence("daily-reflection", 7, 0, 2, 4),),
    )
    rows = to_records(kept)
    assert [("short-walk", None, None), (None, "daily-reflection", 2)] == [
        (r["strategy_id"], r["ritual_id"], r["partly"]) for r in rows
    ]


def test_a_reflection_row_counts_every_practice_and_shows_no_practice_note() -> None:
    """Several practices of one strategy: its id once, every practice counted, no note text."""
    canary = "CANARY-NOTE-" + "7f3a"
    reflection = Reflection(
        at=pendulum.datetime(2026, 1, 5, 21, 30, tz=LONDON),
        author=Role.CLIENT,
        practised=[
            Practice.done("mindful-breathing", 5),
            Practice.done("short-walk", 10, note=canary),
            Practice.done("mindful-breathing", 10),
        ],
    )
    for private in (False, True):
        row = to_records(reflection, include_private=private)[0]
        assert ("mindful-breathing,short-walk", 3, 25, True) == (
            row["done"],
            row["done_count"],
            row["practised_minutes"],
            row["has_practice_note"],
        )
        assert canary not in repr(row)
