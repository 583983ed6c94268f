"""Specification of reflections: practices, ratings, journals and zoned check-ins."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import pickle
import zoneinfo
from collections.abc import Callable
from typing import Any

import attrs
import pendulum
import pytest

from selfcare import (
    Category,
    Journal,
    Practice,
    PracticeStatus,
    Ratings,
    Reflection,
    Role,
    UnknownIdError,
)
from selfcare._core.frozenmap import FrozenMap
from tests.rejection import check_rejected

LONDON = zoneinfo.ZoneInfo("Europe/London")
EVENING = pendulum.datetime(2026, 11, 26, 21, tz="Europe/London")
# 01:30 on 2026-10-25 happens twice in London: first in BST (UTC+1), then in GMT.
AMBIGUOUS_EARLIER = dt.datetime(2026, 10, 25, 1, 30, tzinfo=LONDON, fold=0)
AMBIGUOUS_LATER = dt.datetime(2026, 10, 25, 1, 30, tzinfo=LONDON, fold=1)


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to see it rejected."""
    return value


def reflection(**changes: Any) -> Reflection:
    """A valid client reflection with some fields changed."""
    fields: dict[str, Any] = {"at": EVENING, "author": Role.CLIENT}
    return Reflection(**{**fields, **changes})


def instant(value: dt.datetime) -> tuple[float, str, int]:
    """What a zoned value must keep: its instant, its zone and its fold."""
    tz: Any = value.tzinfo
    return (value.timestamp(), tz.key, value.fold)


# Practice


def test_practice_done() -> None:
    """Practice.done records a strategy done, with its minutes when known."""
    walk = Practice.done("short-walk", minutes=15)
    assert Practice("short-walk", PracticeStatus.DONE, 15) == walk
    assert walk.is_done
    assert Practice.done("short-walk").minutes is None


def test_practice_skipped() -> None:
    """Practice.skipped records a deliberate skip, which has no minutes and is not done."""
    skip = Practice.skipped("short-walk")
    assert PracticeStatus.SKIPPED is skip.status
    assert skip.minutes is None
    assert not skip.is_done


@pytest.mark.parametrize("minutes", [1, 1440])
def test_practice_accepts_minutes_at_the_edges(minutes: int) -> None:
    """A practice may last from 1 to 1440 minutes."""
    assert minutes == Practice.done("short-walk", minutes).minutes


@pytest.mark.parametrize(
    ("build", "field", "expected"),
    [
        pytest.param(
            lambda: Practice("short-walk", PracticeStatus.SKIPPED, 10),
            "minutes",
            "a skipped practice has no minutes",
            id="skipped-with-minutes",
        ),
        pytest.param(
            lambda: Practice("short-walk", wrong("done")),
            "status",
            "expected a PracticeStatus",
            id="status-text",
        ),
        pytest.param(
            lambda: Practice("short-walk", wrong(None)),
            "status",
            "expected a PracticeStatus",
            id="none",
        ),
        pytest.param(lambda: Practice.done("Short Walk"), "strategy_id", "an id", id="bad-id"),
        pytest.param(lambda: Practice.done(wrong(None)), "strategy_id", "an id", id="none-id"),
        pytest.param(lambda: Practice.done("walk", 0), "minutes", "from 1 to 1440", id="m-0"),
        pytest.param(lambda: Practice.done("walk", 1441), "minutes", "from 1 to 1440", id="m-max"),
        pytest.param(
            lambda: Practice.done("walk", True), "minutes", "expected an integer", id="m-bool"
        ),
        pytest.param(
            lambda: Practice.done("walk", wrong(12.5)),
            "minutes",
            "expected an integer",
            id="m-float",
        ),
    ],
)
def test_practice_rejects(build: Callable[[], object], field: str, expected: str) -> None:
    """Invalid practices are rejected naming the field and what was expected."""
    check_rejected(build, field, expected)


# Ratings


@pytest.mark.parametrize("field", ["mood", "energy", "stress"])
@pytest.mark.parametrize("score", [0, 10, None])
def test_ratings_accept_zero_to_ten_or_none(field: str, score: int | None) -> None:
    """Each rating is an integer from 0 to 10, or not given."""
    assert score == getattr(Ratings(**{field: score}), field)


@pytest.mark.parametrize("field", ["mood", "energy", "stress"])
@pytest.mark.parametrize(
    ("score", "expected"),
    [
        pytest.param(-1, "from 0 to 10, got -1", id="minus-1"),
        pytest.param(11, "from 0 to 10, got 11", id="11"),
        pytest.param(True, "expected an integer", id="bool"),
        pytest.param(5.5, "expected an integer", id="float"),
        pytest.param("5", "expected an integer", id="text"),
    ],
)
def test_ratings_reject(field: str, score: Any, expected: str) -> None:
    """A rating outside 0–10 or not an integer is rejected."""
    check_rejected(lambda: Ratings(**{field: score}), field, expected)


# Journal


def test_journal_is_empty_until_something_is_written() -> None:
    """is_empty is true only when nothing was written; an empty string counts as written."""
    assert Journal().is_empty
    assert not Journal(gratitude="").is_empty
    assert not Journal(note="n").is_empty


def test_journal_repr_shows_only_which_fields_are_filled() -> None:
    """A journal's repr hides what was written."""
    expected = "Journal(insight=<private>, gratitude=None, note=<private>)"
    assert expected == repr(Journal(insight="I rush when tired", note="talk about work"))


@pytest.mark.parametrize("field", ["insight", "gratitude", "note"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("x" * 10_001, "at most 10000 characters", id="10001"),
        pytest.param(5, "expected a string", id="int"),
        pytest.param(["a"], "expected a string", id="list"),
        pytest.param(b"bytes", "expected a string", id="bytes"),
    ],
)
def test_journal_rejects(field: str, text: Any, expected: str) -> None:
    """Journal fields are text of at most 10,000 characters, or None."""
    check_rejected(lambda: Journal(**{field: text}), field, expected)


@pytest.mark.parametrize("field", ["insight", "gratitude", "note"])
def test_journal_accepts_ten_thousand_characters(field: str) -> None:
    """A journal field may hold 10,000 characters."""
    assert 10_000 == len(getattr(Journal(**{field: "x" * 10_000}), field))


# Reflection: the zoned instant


@pytest.mark.parametrize(
    ("given", "zone"),
    [
        pytest.param(dt.datetime(2026, 1, 5, 21, tzinfo=LONDON), "Europe/London", id="zoneinfo"),
        pytest.param(
            dt.datetime(2026, 7, 5, 21, tzinfo=zoneinfo.ZoneInfo("America/New_York")),
            "America/New_York",
            id="zoneinfo-dst",
        ),
        pytest.param(
            dt.datetime(2026, 1, 5, 21, tzinfo=zoneinfo.ZoneInfo.no_cache("Asia/Tokyo")),
            "Asia/Tokyo",
            id="zoneinfo-no-cache",
        ),
        pytest.param(dt.datetime(2026, 1, 5, 21, tzinfo=dt.UTC), "UTC", id="datetime-UTC"),
        pytest.param(
            dt.datetime(2026, 1, 5, 21, tzinfo=dt.timezone(dt.timedelta(0))),
            "UTC",
            id="timezone-zero",
        ),
        pytest.param(
            pendulum.datetime(2026, 1, 5, 21, tz="Europe/Paris"), "Europe/Paris", id="pdt"
        ),
        pytest.param(pendulum.datetime(2026, 1, 5, 21), "UTC", id="pendulum-utc"),
    ],
)
def test_at_is_stored_as_a_pendulum_datetime_in_the_same_zone(
    given: dt.datetime, zone: str
) -> None:
    """Stdlib and pendulum datetimes become pendulum DateTimes at the same instant and zone."""
    at = reflection(at=given).at
    assert isinstance(at, pendulum.DateTime)
    assert zone == at.timezone_name
    assert given.timestamp() == at.timestamp()
    assert given.replace(tzinfo=None) == at.replace(tzinfo=None)


def test_ambiguous_times_keep_their_two_instants() -> None:
    """01:30 on the night clocks go back, with fold 0 and fold 1, stays two instants."""
    earlier = reflection(at=AMBIGUOUS_EARLIER).at
    later = reflection(at=AMBIGUOUS_LATER).at
    assert AMBIGUOUS_EARLIER.timestamp() == earlier.timestamp()
    assert AMBIGUOUS_LATER.timestamp() == later.timestamp()
    assert 3600 == later.timestamp() - earlier.timestamp()
    assert (0, 1) == (earlier.fold, later.fold)
    assert (dt.timedelta(hours=1), dt.timedelta(0)) == (earlier.utcoffset(), later.utcoffset())


def test_pendulum_later_occurrence_is_kept() -> None:
    """Pendulum builds ambiguous times as the later instant; that instant is kept as given."""
    given = pendulum.datetime(2026, 10, 25, 1, 30, tz="Europe/London")
    assert instant(given) == instant(reflection(at=given).at)


@pytest.mark.parametrize(
    "given",
    [
        pytest.param(dt.datetime(2026, 1, 5, 12, tzinfo=LONDON, fold=1), id="winter"),
        pytest.param(dt.datetime(2026, 3, 29, 1, 30, tzinfo=LONDON, fold=1), id="in-the-gap"),
    ],
)
def test_fold_is_canonical_where_the_time_is_not_ambiguous(given: dt.datetime) -> None:
    """fold is 0 wherever the wall-clock time is not ambiguous."""
    at = reflection(at=given).at
    assert 0 == at.fold
    assert given.timestamp() == at.timestamp()


def test_the_day_is_the_local_date() -> None:
    """A reflection's day is the calendar date where it was written, not in UTC."""
    late = dt.datetime(2026, 1, 5, 20, tzinfo=zoneinfo.ZoneInfo("America/Los_Angeles"))
    assert dt.date(2026, 1, 5) == reflection(at=late).day
    assert dt.date(2026, 1, 6) == late.astimezone(dt.UTC).date()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param(dt.datetime(2026, 1, 5, 21), "a naive datetime or a fixed offset", id="naive"),
        pytest.param(pendulum.naive(2026, 1, 5, 21), "a naive datetime", id="pendulum-naive"),
        pytest.param(
            dt.datetime(2026, 1, 5, 21, tzinfo=dt.timezone(dt.timedelta(hours=1))),
            "a fixed offset loses the person's zone",
            id="fixed-offset",
        ),
        pytest.param(
            pendulum.datetime(2026, 1, 5, 21, tz=pendulum.FixedTimezone(3600)),
            "a fixed offset loses the person's zone",
            id="pendulum-fixed-offset",
        ),
        pytest.param(dt.date(2026, 1, 5), "expected a datetime with an IANA time zone", id="date"),
        pytest.param(
            "2026-01-05T21:00:00+00:00[Europe/London]",
            "expected a datetime with an IANA time zone",
            id="text",
        ),
        pytest.param(1767646800, "expected a datetime with an IANA time zone", id="timestamp"),
        pytest.param(None, "expected a datetime with an IANA time zone", id="none"),
    ],
)
def test_at_rejects(given: Any, expected: str) -> None:
    """A reflection needs an aware datetime in an IANA zone."""
    check_rejected(lambda: reflection(at=given), "at", expected)


@pytest.mark.parametrize(
    "given",
    [
        pytest.param(dt.datetime(1, 1, 1, tzinfo=zoneinfo.ZoneInfo("Asia/Tokyo")), id="min"),
        pytest.param(
            dt.datetime(9999, 12, 31, 23, tzinfo=zoneinfo.ZoneInfo("America/New_York")), id="max"
        ),
    ],
)
def test_at_out_of_range_is_a_validation_error(given: dt.datetime) -> None:
    """A datetime whose instant falls outside the calendar is rejected as invalid."""
    check_rejected(lambda: reflection(at=given), "at", "expected")


# Reflection: the other fields


def test_ratings_are_read_through_the_reflection() -> None:
    """mood, energy and stress read the reflection's ratings."""
    r = reflection(ratings=Ratings(mood=6, energy=5, stress=4))
    assert (6, 5, 4) == (r.mood, r.energy, r.stress)
    assert (None, None, None) == (reflection().mood, reflection().energy, reflection().stress)


def test_practice_of() -> None:
    """practice_of finds the practice recorded for a strategy, or None."""
    r = reflection(practised=[Practice.done("short-walk", 15), Practice.skipped("journaling")])
    assert Practice.skipped("journaling") == r.practice_of("journaling")
    assert r.practice_of("yoga") is None


def test_defaults() -> None:
    """A bare reflection has empty ratings, journal and practices and no request for support."""
    r = reflection()
    assert Ratings() == r.ratings
    assert Journal() == r.journal
    assert () == r.practised
    assert {} == r.self_ratings
    assert r.wants_support is False


def test_self_ratings_become_a_frozen_map() -> None:
    """Self-ratings are stored as a hashable mapping equal to the dict given."""
    given = {Category.PHYSICAL: 2, Category.EMOTIONAL: 5}
    r = reflection(self_ratings=given)
    assert isinstance(r.self_ratings, FrozenMap)
    assert given == r.self_ratings
    assert hash(r) == hash(reflection(self_ratings=dict(given)))


@pytest.mark.parametrize("score", [1, 5])
def test_self_ratings_accept_one_to_five(score: int) -> None:
    """A self-rating goes from 1 (neglected) to 5."""
    assert score == reflection(self_ratings={Category.MENTAL: score}).self_ratings[Category.MENTAL]


def test_a_hundred_practices_are_allowed() -> None:
    """A reflection may record up to 100 practices."""
    practised = [Practice.done(f"s-{i}") for i in range(100)]
    assert 100 == len(reflection(practised=practised).practised)


REJECTED = [
    pytest.param({"author": "client"}, "author", "expected a Role", id="author-text"),
    pytest.param({"author": None}, "author", "expected a Role", id="author-none"),
    pytest.param({"ratings": {"mood": 6}}, "ratings", "expected Ratings", id="ratings-dict"),
    pytest.param({"ratings": None}, "ratings", "expected Ratings", id="ratings-none"),
    pytest.param({"journal": "dear diary"}, "journal", "expected a Journal", id="journal-text"),
    pytest.param({"wants_support": 1}, "wants_support", "True or False, got 1", id="support-1"),
    pytest.param({"wants_support": "yes"}, "wants_support", "True or False", id="support-text"),
    pytest.param({"wants_support": None}, "wants_support", "True or False", id="support-none"),
    pytest.param(
        {"self_ratings": [(Category.PHYSICAL, 3)]},
        "self_ratings",
        "expected a mapping of Category",
        id="self-ratings-list",
    ),
    pytest.param(
        {"self_ratings": "physical"}, "self_ratings", "expected a mapping", id="self-ratings-text"
    ),
    pytest.param(
        {"self_ratings": {"physical": 3}},
        "self_ratings",
        "expected a Category",
        id="self-ratings-text-key",
    ),
    pytest.param(
        {"self_ratings": {Category.PHYSICAL: 0}},
        "self_ratings[physical]",
        "from 1 to 5, got 0",
        id="self-rating-0",
    ),
    pytest.param(
        {"self_ratings": {Category.PHYSICAL: 6}},
        "self_ratings[physical]",
        "from 1 to 5, got 6",
        id="self-rating-6",
    ),
    pytest.param(
        {"self_ratings": {Category.SPIRITUAL: True}},
        "self_ratings[spiritual]",
        "expected an integer",
        id="self-rating-bool",
    ),
    pytest.param(
        {"self_ratings": {Category.MENTAL: 3.5}},
        "self_ratings[mental]",
        "expected an integer",
        id="self-rating-float",
    ),
    pytest.param(
        {"practised": Practice.done("short-walk")},
        "practised",
        "expected a sequence of Practice",
        id="practised-lone",
    ),
    pytest.param(
        {"practised": "short-walk"},
        "practised",
        "expected a sequence of Practice",
        id="practised-text",
    ),
    pytest.param(
        {"practised": ["short-walk"]},
        "practised",
        "expected a sequence of Practice",
        id="practised-text-item",
    ),
    pytest.param(
        {"practised": [Practice.done("short-walk"), Practice.skipped("short-walk")]},
        "practised[1]",
        "both skipped and recorded again",
        id="done-and-skipped",
    ),
    pytest.param(
        {"practised": [Practice.skipped("short-walk"), Practice.skipped("short-walk")]},
        "practised[1]",
        "a skipped strategy has one entry",
        id="skipped-twice",
    ),
    pytest.param(
        {"practised": [Practice.skipped("short-walk"), Practice.done("short-walk", 5)]},
        "practised[1]",
        "keep the skip or the practices",
        id="skipped-then-done",
    ),
    pytest.param(
        {"practised": [Practice.done(f"s-{i}") for i in range(101)]},
        "practised",
        "at most 100 practices",
        id="101-practices",
    ),
]


@pytest.mark.parametrize(("changes", "field", "expected"), REJECTED)
def test_reflection_rejects(changes: dict[str, Any], field: str, expected: str) -> None:
    """Invalid reflections are rejected naming the field and what was expected."""
    check_rejected(lambda: reflection(**changes), field, expected)


# Values


def test_reflections_at_different_instants_are_not_equal() -> None:
    """Two reflections an hour apart are different values, even at the same wall-clock time."""
    assert reflection(at=AMBIGUOUS_EARLIER) != reflection(at=AMBIGUOUS_LATER)


def test_reflections_compare_and_hash_by_value() -> None:
    """Equal reflections are equal and hash alike; the stored zone is part of the value."""
    a = reflection(at=dt.datetime(2026, 1, 5, 21, tzinfo=LONDON))
    b = reflection(at=pendulum.datetime(2026, 1, 5, 21, tz="Europe/London"))
    assert a == b
    assert hash(a) == hash(b)
    assert a != reflection(at=dt.datetime(2026, 1, 5, 22, tzinfo=LONDON))


VALUES: list[Any] = [
    Practice.done("short-walk", 15),
    Practice.skipped("short-walk"),
    Ratings(mood=6, energy=5, stress=4),
    Journal(insight="i", gratitude="g", note="n"),
    reflection(
        ratings=Ratings(mood=6),
        self_ratings={Category.PHYSICAL: 2},
        practised=[Practice.done("short-walk", 15)],
        journal=Journal(gratitude="a call"),
        wants_support=True,
    ),
]


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_values_pickle(value: object) -> None:
    """Practices, ratings, journals and reflections survive a pickle round trip."""
    assert value == pickle.loads(pickle.dumps(value))


def test_reflection_pickle_keeps_the_instant_and_zone() -> None:
    """A pickled reflection keeps its instant, zone and fold."""
    r = reflection(at=dt.datetime(2026, 6, 1, 8, tzinfo=LONDON))
    assert instant(r.at) == instant(pickle.loads(pickle.dumps(r)).at)


def test_reflection_pickle_keeps_the_later_of_two_ambiguous_instants() -> None:
    """Pickling a reflection at the second 01:30 of the night keeps that instant."""
    r = reflection(at=AMBIGUOUS_LATER)
    assert instant(r.at) == instant(pickle.loads(pickle.dumps(r)).at)


@pytest.mark.parametrize(
    ("value", "field"),
    [(value, a.name) for value in VALUES for a in attrs.fields(type(value))],
    ids=lambda v: v if isinstance(v, str) else type(v).__name__,
)
def test_values_are_immutable(value: object, field: str) -> None:
    """No field of a practice, ratings, journal or reflection can be reassigned."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(value, field, getattr(value, field))


def test_self_ratings_cannot_be_changed_in_place() -> None:
    """The self-ratings mapping is read-only."""
    ratings: Any = reflection(self_ratings={Category.PHYSICAL: 2}).self_ratings
    with pytest.raises(TypeError):
        ratings[Category.PHYSICAL] = 5


def test_check_lists_every_strategy_the_catalog_does_not_hold() -> None:
    """Reflection.check names each unknown practice by its path, with suggestions."""
    entry = Reflection(
        at=pendulum.datetime(2026, 1, 5, 21, tz="UTC"),
        author=Role.CLIENT,
        practised=[Practice.done("short-walk"), Practice.done("short-wlak"), Practice.skipped("x")],
    )
    with pytest.raises(UnknownIdError) as caught:
        entry.check()
    assert ["practised[1].strategy_id", "practised[2].strategy_id"] == [
        path for path, _ in caught.value.problems
    ]
    assert ("short-walk",) == caught.value.suggestions[:1]
    Reflection(at=entry.at, author=Role.CLIENT, practised=entry.practised[:1]).check()
