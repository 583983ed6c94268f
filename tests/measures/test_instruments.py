"""Specification of the instruments: published scoring, bad answers, privacy, licences, trends.

The WHO-5 and the ProQOL 5 are scored by their authors' published rules; each test of them
cites the publication beside it and works its examples by hand, independently of the
library's own definitions.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import math
import re
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import selfcare
from selfcare import (
    PROQOL_5,
    SELF_CARE_CHECK_IN,
    WHO_5,
    Band,
    Category,
    Instrument,
    Item,
    MeasurePoint,
    MeasureTrend,
    Option,
    Reflection,
    Response,
    Role,
    Scale,
    ScoreMethod,
    check_in_responses,
    measure_trend,
    score,
)
from selfcare.errors import ValidationError
from selfcare.serialize import from_dict, from_json, to_dict, to_json
from selfcare.testing import (
    instruments,
    measure_trends,
    reflections,
    responses,
    scores,
    zoned_datetimes,
)
from tests.exact import assert_exactly_equal

AT = pendulum.datetime(2026, 12, 1, 20, tz="Europe/London")
#: The package as imported: src/selfcare in a development install.
SRC = Path(selfcare.__file__).resolve().parent


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to see it rejected."""
    return value


def paths(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [path for path, _ in error.value.problems]


# --- WHO-5 ------------------------------------------------------------------------------------
#
# Topp CW, Østergaard SD, Søndergaard S, Bech P. The WHO-5 Well-Being Index: a systematic review
# of the literature. Psychother Psychosom 2015;84:167-176; and the WHO-5 scoring notes of the
# Psychiatric Research Unit, Frederiksborg / Mental Health Centre North Zealand: "The raw score
# is calculated by totalling the figures of the five answers. The raw score ranges from 0 to 25
# ... multiplied by 4 [to give a percentage from 0 to 100]". A percentage of 50 or below marks
# low well-being, 28 or below a level where further assessment is usually advised; a change of
# 10 percentage points is a meaningful change.

WHO5_ITEMS = [f"who5-{n}" for n in range(1, 6)]
VERY_LOW = "very low well-being: further assessment is usually advised"
LOW = "low well-being"
GOOD = "moderate or good well-being"


def who5(*values: int, at: dt.datetime = AT) -> Response:
    """A WHO-5 response: the answers to items 1 to 5, in order."""
    return Response("who-5", at, dict(zip(WHO5_ITEMS, values, strict=True)))


def who5_band(percentage: float) -> str:
    """The WHO-5 cut-offs (Topp et al. 2015): 28 or below, 50 or below, above 50."""
    if percentage <= 28:
        return VERY_LOW
    if percentage <= 50:
        return LOW
    return GOOD


def test_who5_items_and_answers_are_the_published_ones() -> None:
    # WHO-5 (1998 version), Psychiatric Research Unit: five statements over the last two
    # weeks, each answered from 5 "All of the time" down to 0 "At no time".
    assert [
        "I have felt cheerful and in good spirits",
        "I have felt calm and relaxed",
        "I have felt active and vigorous",
        "I woke up feeling fresh and rested",
        "My daily life has been filled with things that interest me",
    ] == [item.text for item in WHO_5.items]
    assert WHO5_ITEMS == [item.id for item in WHO_5.items]
    assert [
        (0, "At no time"),
        (1, "Some of the time"),
        (2, "Less than half of the time"),
        (3, "More than half of the time"),
        (4, "Most of the time"),
        (5, "All of the time"),
    ] == [(option.value, option.label) for option in WHO_5.options]
    assert False is WHO_5.partial  # a validated instrument: every item is needed


def test_who5_meaningful_change_is_ten_percentage_points() -> None:
    # Topp et al. 2015: a change of 10 percentage points is clinically meaningful.
    assert 10 == WHO_5.scale("percentage").meaningful_change
    assert None is WHO_5.scale("raw").meaningful_change


@pytest.mark.parametrize(
    ("answers", "raw", "percentage", "band"),
    [
        # Worked by hand from the scoring notes: raw = sum of the five answers, % = raw x 4.
        ((5, 5, 5, 5, 5), 25, 100, GOOD),  # the best possible well-being
        ((0, 0, 0, 0, 0), 0, 0, VERY_LOW),  # the worst possible well-being
        ((3, 2, 3, 1, 4), 13, 52, GOOD),  # 3+2+3+1+4 = 13; 13 x 4 = 52, just above 50
        ((3, 3, 2, 2, 2), 12, 48, LOW),  # 12 x 4 = 48: 50 or below, low well-being
        ((2, 2, 1, 1, 1), 7, 28, VERY_LOW),  # 7 x 4 = 28: 28 or below, assess further
        ((2, 2, 2, 1, 1), 8, 32, LOW),  # 8 x 4 = 32: low, but not very low
        ((1, 0, 5, 0, 0), 6, 24, VERY_LOW),
        ((4, 4, 4, 4, 3), 19, 76, GOOD),
    ],
)
def test_who5_worked_examples(
    answers: tuple[int, ...], raw: int, percentage: int, band: str
) -> None:
    scored = score(who5(*answers), WHO_5)
    assert ["raw", "percentage"] == [part.scale for part in scored.scales]
    assert float(raw) == scored.value("raw")
    assert float(percentage) == scored.value("percentage")
    assert band == scored.of("percentage").band
    assert None is scored.of("raw").band
    assert ("who-5", AT) == (scored.instrument, scored.at)


def test_every_possible_who5_response_scores_by_the_published_rule() -> None:
    # All 6^5 answer sets: raw = the sum, percentage = 4 x raw, banded at 28 and 50.
    for answers in itertools.product(range(6), repeat=5):
        scored = score(who5(*answers), WHO_5)
        raw = sum(answers)
        assert (float(raw), float(4 * raw), who5_band(4 * raw)) == (
            scored.value("raw"),
            scored.value("percentage"),
            scored.of("percentage").band,
        ), answers


@given(responses(WHO_5))
def test_who5_percentage_is_four_times_the_raw_score(response: Response) -> None:
    scored = score(response, WHO_5)
    raw, percentage = scored.value("raw"), scored.value("percentage")
    assert 4 * raw == percentage
    assert 0 <= raw <= 25
    assert 0 <= percentage <= 100
    assert float(sum(response.answers.values())) == raw
    assert who5_band(percentage) == scored.of("percentage").band


# --- ProQOL 5 ---------------------------------------------------------------------------------
#
# Stamm BH. The Concise ProQOL Manual, 2nd ed. Pocatello, ID: ProQOL.org; 2010, and the
# self-score sheet printed with the ProQOL 5: compassion satisfaction is the sum of items 3, 6,
# 12, 16, 18, 20, 22, 24, 27 and 30; burnout the sum of items 1, 4, 8, 10, 15, 17, 19, 21, 26
# and 29, with items 1, 4, 15, 17 and 29 reverse-scored (1=5, 2=4, 3=3, 4=2, 5=1); secondary
# traumatic stress the sum of items 2, 5, 7, 9, 11, 13, 14, 23, 25 and 28. Answers run from
# 1 "Never" to 5 "Very often", so each sum is 10 to 50: 22 or less is low, 23 to 41 moderate
# (the manual's "average"), 42 or more high.

CS = (3, 6, 12, 16, 18, 20, 22, 24, 27, 30)
BO = (1, 4, 8, 10, 15, 17, 19, 21, 26, 29)
BO_REVERSED = (1, 4, 15, 17, 29)
STS = (2, 5, 7, 9, 11, 13, 14, 23, 25, 28)
SUBSCALES = {
    "compassion-satisfaction": CS,
    "burnout": BO,
    "secondary-traumatic-stress": STS,
}


def proqol(cs: Sequence[int], bo: Sequence[int], sts: Sequence[int]) -> Response:
    """A ProQOL 5 response: the answers to each subscale's items, in the order listed above."""
    answers: dict[str, int] = {}
    for numbers, values in ((CS, cs), (BO, bo), (STS, sts)):
        answers.update({f"proqol-{n}": v for n, v in zip(numbers, values, strict=True)})
    return Response("proqol-5", AT, answers)


def proqol_band(total: float) -> str:
    """The cut-offs of the Concise ProQOL Manual: 22 or less, 23 to 41, 42 or more."""
    if total <= 22:
        return "low"
    if total <= 41:
        return "moderate"
    return "high"


def proqol_by_hand(answers: Mapping[str, int]) -> dict[str, float]:
    """Each subscale recomputed from the self-score sheet: reversed items count 6 - answer."""
    return {
        name: float(
            sum(
                6 - answers[f"proqol-{n}"] if n in BO_REVERSED else answers[f"proqol-{n}"]
                for n in numbers
            )
        )
        for name, numbers in SUBSCALES.items()
    }


def test_proqol_items_subscales_and_answers_are_the_published_ones() -> None:
    # The self-score sheet: 30 items, each in exactly one of the three subscales.
    assert [f"proqol-{n}" for n in range(1, 31)] == [item.id for item in PROQOL_5.items]
    assert list(range(1, 31)) == sorted(CS + BO + STS)
    assert list(SUBSCALES) == [scale.id for scale in PROQOL_5.scales]
    for name, numbers in SUBSCALES.items():
        scale = PROQOL_5.scale(name)
        assert {f"proqol-{n}" for n in numbers} == set(scale.items), name
        assert ScoreMethod.SUM == scale.method
        assert 1 == scale.multiplier
        assert [("low", 22), ("moderate", 41), ("high", None)] == [
            (band.label, band.at_most) for band in scale.bands
        ]
    assert {f"proqol-{n}" for n in BO_REVERSED} == PROQOL_5.scale("burnout").reversed
    assert frozenset() == PROQOL_5.scale("compassion-satisfaction").reversed
    assert frozenset() == PROQOL_5.scale("secondary-traumatic-stress").reversed
    assert [(1, "Never"), (2, "Rarely"), (3, "Sometimes"), (4, "Often"), (5, "Very often")] == [
        (option.value, option.label) for option in PROQOL_5.options
    ]
    assert False is PROQOL_5.partial


# Each answer set is listed per subscale, in the item order of CS, BO and STS above; burnout's
# reversed items are the 1st, 2nd, 5th, 6th and 10th of BO (items 1, 4, 15, 17, 29).
PROQOL_EXAMPLES = {
    # Every answer 3 "Sometimes": 10 x 3 = 30 each, reversed 3 stays 3: all moderate.
    "all-sometimes": (
        [3] * 10,
        [3] * 10,
        [3] * 10,
        {
            "compassion-satisfaction": (30, "moderate"),
            "burnout": (30, "moderate"),
            "secondary-traumatic-stress": (30, "moderate"),
        },
    ),
    # Every answer 5: CS 50 high; BO 5 items at 5 + 5 reversed items counted 1 = 25 + 5 = 30.
    "all-very-often": (
        [5] * 10,
        [5] * 10,
        [5] * 10,
        {
            "compassion-satisfaction": (50, "high"),
            "burnout": (30, "moderate"),
            "secondary-traumatic-stress": (50, "high"),
        },
    ),
    # Every answer 1: CS 10 low; BO 5 items at 1 + 5 reversed items counted 5 = 5 + 25 = 30.
    "all-never": (
        [1] * 10,
        [1] * 10,
        [1] * 10,
        {
            "compassion-satisfaction": (10, "low"),
            "burnout": (30, "moderate"),
            "secondary-traumatic-stress": (10, "low"),
        },
    ),
    # The least burnout there is: the reversed items (1, 4, 15, 17, 29) answered 5, each
    # counted 1, the others answered 1: 5 + 5 = 10.
    "no-burnout": (
        [3] * 10,
        [5, 5, 1, 1, 5, 5, 1, 1, 1, 5],
        [3] * 10,
        {
            "compassion-satisfaction": (30, "moderate"),
            "burnout": (10, "low"),
            "secondary-traumatic-stress": (30, "moderate"),
        },
    ),
    # The most burnout there is: reversed items answered 1 (counted 5), the others 5: 50.
    "most-burnout": (
        [3] * 10,
        [1, 1, 5, 5, 1, 1, 5, 5, 5, 1],
        [3] * 10,
        {
            "compassion-satisfaction": (30, "moderate"),
            "burnout": (50, "high"),
            "secondary-traumatic-stress": (30, "moderate"),
        },
    ),
    # A tired clinician, worked by hand:
    #   CS  2+2+3+2+2+1+2+3+2+2 = 21, low;
    #   BO  reversed items answered 1, 2, 1, 2, 1 count 5+4+5+4+5 = 23, the others
    #       5+4+5+4+5 = 23: 46, high;
    #   STS 4+4+3+4+5+4+4+4+4+4 = 40, moderate.
    "tired-clinician": (
        [2, 2, 3, 2, 2, 1, 2, 3, 2, 2],
        [1, 2, 5, 4, 1, 2, 5, 4, 5, 1],
        [4, 4, 3, 4, 5, 4, 4, 4, 4, 4],
        {
            "compassion-satisfaction": (21, "low"),
            "burnout": (46, "high"),
            "secondary-traumatic-stress": (40, "moderate"),
        },
    ),
    # At the cut-offs, by hand:
    #   CS  8 x 2 + 2 x 3 = 22, low (22 or less);
    #   BO  reversed answers 3, 3, 3, 4, 4 count 3+3+3+2+2 = 13, the others 5 x 2 = 10: 23,
    #       moderate (23 to 41);
    #   STS 8 x 4 + 2 x 5 = 42, high (42 or more).
    "at-the-cut-offs": (
        [2, 2, 2, 2, 2, 2, 2, 2, 3, 3],
        [3, 3, 2, 2, 3, 4, 2, 2, 2, 4],
        [4, 4, 4, 4, 4, 4, 4, 4, 5, 5],
        {
            "compassion-satisfaction": (22, "low"),
            "burnout": (23, "moderate"),
            "secondary-traumatic-stress": (42, "high"),
        },
    ),
    # And on their other sides:
    #   CS  9 x 4 + 5 = 41, moderate;
    #   BO  reversed answers 4, 4, 4, 3, 3 count 2+2+2+3+3 = 12, the others 5 x 2 = 10: 22,
    #       low;
    #   STS 3 x 3 + 7 x 2 = 23, moderate.
    "beside-the-cut-offs": (
        [4, 4, 4, 4, 4, 4, 4, 4, 4, 5],
        [4, 4, 2, 2, 4, 3, 2, 2, 2, 3],
        [3, 3, 3, 2, 2, 2, 2, 2, 2, 2],
        {
            "compassion-satisfaction": (41, "moderate"),
            "burnout": (22, "low"),
            "secondary-traumatic-stress": (23, "moderate"),
        },
    ),
}


@pytest.mark.parametrize("name", list(PROQOL_EXAMPLES))
def test_proqol_worked_examples(name: str) -> None:
    cs, bo, sts, expected = PROQOL_EXAMPLES[name]
    scored = score(proqol(cs, bo, sts), PROQOL_5)
    assert {scale: (float(value), band) for scale, (value, band) in expected.items()} == {
        part.scale: (part.value, part.band) for part in scored.scales
    }


@given(responses(PROQOL_5))
def test_proqol_subscales_follow_the_self_score_sheet(response: Response) -> None:
    scored = score(response, PROQOL_5)
    by_hand = proqol_by_hand(response.answers)
    assert by_hand == {part.scale: part.value for part in scored.scales}
    for part in scored.scales:
        assert 10 <= part.value <= 50
        assert proqol_band(part.value) == part.band


@given(
    responses(PROQOL_5),
    st.sampled_from(range(1, 31)),
    st.integers(1, 5),
    st.integers(1, 5),
)
def test_proqol_reversed_items_count_the_other_way(
    response: Response, number: int, first: int, second: int
) -> None:
    # Moving one answer from `first` to `second` moves only its own subscale: by
    # second - first, or for burnout's reversed items by first - second (1=5, ..., 5=1).
    item = f"proqol-{number}"
    before = score(Response("proqol-5", AT, {**response.answers, item: first}), PROQOL_5)
    after = score(Response("proqol-5", AT, {**response.answers, item: second}), PROQOL_5)
    step = first - second if number in BO_REVERSED else second - first
    expected = {name: (step if number in numbers else 0) for name, numbers in SUBSCALES.items()}
    assert expected == {name: after.value(name) - before.value(name) for name in SUBSCALES}


# --- The self-care check-in and any app's own instrument --------------------------------------


def check_in_band(rating: int) -> str:
    return "neglected lately" if rating <= 2 else "some care" if rating == 3 else "well cared for"


@given(st.lists(reflections(), max_size=5))
def test_the_check_in_scores_each_rated_category_as_its_rating(
    given_reflections: list[Reflection],
) -> None:
    found = check_in_responses(given_reflections)
    rating = [r for r in given_reflections if r.self_ratings]
    assert len(rating) == len(found)
    for reflection, response in zip(rating, found, strict=True):
        assert_exactly_equal(reflection.at, response.at)
        assert "self-care-check-in" == response.instrument
        assert {c.value: v for c, v in reflection.self_ratings.items()} == dict(response.answers)
        scored = score(response, SELF_CARE_CHECK_IN)
        assert {
            c.value: (float(v), check_in_band(v)) for c, v in reflection.self_ratings.items()
        } == {part.scale: (part.value, part.band) for part in scored.scales}


def test_the_check_in_scales_are_the_categories() -> None:
    assert [c.value for c in Category] == [scale.id for scale in SELF_CARE_CHECK_IN.scales]
    assert True is SELF_CARE_CHECK_IN.partial
    assert (1, 5) == SELF_CARE_CHECK_IN.option_range


def test_check_in_responses_needs_reflections() -> None:
    with pytest.raises(ValidationError) as caught:
        check_in_responses(wrong("a note about my week"))
    assert ["reflections"] == paths(caught)
    assert "note" not in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        check_in_responses([wrong(who5(3, 3, 3, 3, 3))])
    assert ["reflections[0]"] == paths(caught)


def by_hand(instrument: Instrument, scale: Scale, answers: Mapping[str, int]) -> float:
    """A scale's score recomputed exactly: reversed items count low + high - value."""
    low = min(option.value for option in instrument.options)
    high = max(option.value for option in instrument.options)
    values = [
        Fraction(low + high - answers[i] if i in scale.reversed else answers[i])
        for i in scale.items
    ]
    total = sum(values, Fraction(0))
    if scale.method == ScoreMethod.MEAN:
        total /= len(values)
    return float(total * Fraction(repr(scale.multiplier)))


@given(instruments().flatmap(lambda i: st.tuples(st.just(i), responses(i))))
def test_every_scale_scores_by_its_rule(drawn: tuple[Instrument, Response]) -> None:
    instrument, response = drawn
    scored = score(response, instrument)
    assert (instrument.id, response.at) == (scored.instrument, scored.at)
    answered = [s for s in instrument.scales if all(i in response.answers for i in s.items)]
    assert [s.id for s in answered] == [part.scale for part in scored.scales]
    for scale, part in zip(answered, scored.scales, strict=True):
        assert pytest.approx(by_hand(instrument, scale, response.answers), abs=1e-9) == (part.value)
        first = next(
            (b.label for b in scale.bands if b.at_most is None or part.value <= b.at_most), None
        )
        assert first == part.band


def app_instrument(scales: Sequence[Scale], *, partial: bool = False) -> Instrument:
    return Instrument(
        id="evening-check",
        name="Evening check",
        version="1",
        items=[Item("a", "Rested"), Item("b"), Item("c")],
        options=[Option(1, "Not at all"), Option(2, "A bit"), Option(3, "Very")],
        scales=scales,
        licence="The app's own.",
        citation="The app's own.",
        partial=partial,
    )


def test_a_score_on_a_band_limit_falls_in_that_band() -> None:
    # 0.1 x (1 + 1 + 1) is 0.30000000000000004 in floating point: the score is 0.3 all the
    # same, and a score equal to a band's at_most is in that band.
    tenths = Scale(
        "tenths",
        "Tenths",
        items=["a", "b", "c"],
        multiplier=0.1,
        bands=[Band("up to 0.3", at_most=0.3), Band("above")],
    )
    scored = score(
        Response("evening-check", AT, {"a": 1, "b": 1, "c": 1}), app_instrument([tenths])
    )
    assert (0.3, "up to 0.3") == (scored.value("tenths"), scored.of("tenths").band)


def test_a_mean_scale_with_a_reversed_item() -> None:
    # mean(a=3, b reversed: 1 + 3 - 1 = 3, c=2) = 8/3; x 3 = 8.
    mean = Scale(
        "mean", "Mean", items=["a", "b", "c"], reversed=["b"], method=ScoreMethod.MEAN, multiplier=3
    )
    scored = score(Response("evening-check", AT, {"a": 3, "b": 1, "c": 2}), app_instrument([mean]))
    assert 8.0 == scored.value("mean")
    assert None is scored.of("mean").band


def test_a_partial_response_scores_the_scales_whose_items_are_all_answered() -> None:
    first = Scale("first", "First", items=["a", "b"])
    second = Scale("second", "Second", items=["b", "c"])
    scored = score(
        Response("evening-check", AT, {"a": 3, "b": 2}),
        app_instrument([first, second], partial=True),
    )
    assert ["first"] == [part.scale for part in scored.scales]
    assert 5.0 == scored.value("first")
    with pytest.raises(ValidationError) as caught:
        scored.of("second")
    assert ["scale"] == paths(caught)


# --- Bad answers ------------------------------------------------------------------------------


def test_a_missing_answer_names_the_item() -> None:
    response = Response("who-5", AT, {"who5-1": 3, "who5-2": 2, "who5-4": 1, "who5-5": 4})
    with pytest.raises(ValidationError) as caught:
        score(response, WHO_5)
    assert ["response.answers[who5-3]"] == paths(caught)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("value", [6, -1, 731])
def test_an_answer_no_option_has_names_the_item_not_the_answer(value: int) -> None:
    with pytest.raises(ValidationError) as caught:
        score(who5(3, 3, 3, value, 3), WHO_5)
    assert ["response.answers[who5-4]"] == paths(caught)
    assert "0 to 5" in str(caught.value)
    assert str(value) not in str(caught.value)


def test_a_proqol_answer_outside_1_to_5_names_the_item() -> None:
    answers = {f"proqol-{n}": 3 for n in range(1, 31)} | {"proqol-7": 0}
    with pytest.raises(ValidationError) as caught:
        score(Response("proqol-5", AT, answers), PROQOL_5)
    assert ["response.answers[proqol-7]"] == paths(caught)
    assert "1 to 5" in str(caught.value)


def test_a_check_in_rating_outside_1_to_5_names_the_category() -> None:
    with pytest.raises(ValidationError) as caught:
        score(Response("self-care-check-in", AT, {"physical": 731}), SELF_CARE_CHECK_IN)
    assert ["response.answers[physical]"] == paths(caught)
    assert "731" not in str(caught.value)


@pytest.mark.parametrize("value", [7310, -7310])
def test_an_answer_beyond_any_option_is_refused_when_the_response_is_made(value: int) -> None:
    with pytest.raises(ValidationError) as caught:
        who5(3, value, 3, 3, 3)
    assert ["answers"] == paths(caught)
    assert "'who5-2'" in str(caught.value)
    assert "731" not in str(caught.value)


@pytest.mark.parametrize("value", [731.0, 731.5, "731", True, None, [731]])
def test_an_answer_that_is_not_a_whole_number_names_the_item(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Response("who-5", AT, {"who5-1": 3, "who5-2": wrong(value)})
    assert ["answers"] == paths(caught)
    assert "'who5-2'" in str(caught.value)
    assert "731" not in str(caught.value)
    assert "True" not in str(caught.value)


def test_an_unknown_item_is_named() -> None:
    response = Response("who-5", AT, {**who5(3, 3, 3, 3, 3).answers, "who5-6": 731})
    with pytest.raises(ValidationError) as caught:
        score(response, WHO_5)
    assert ["response.answers"] == paths(caught)
    assert "'who5-6'" in str(caught.value)
    assert "731" not in str(caught.value)


def test_every_problem_is_reported_at_once() -> None:
    response = Response("who-5", AT, {"who5-2": 731, "who5-3": 3, "who5-4": 1, "who5-5": 4})
    with pytest.raises(ValidationError) as caught:
        score(response, WHO_5)
    assert ["response.answers[who5-1]", "response.answers[who5-2]"] == paths(caught)
    assert "731" not in str(caught.value)


def test_a_response_to_another_instrument_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        score(who5(3, 3, 3, 3, 3), PROQOL_5)
    assert ["response.instrument"] == paths(caught)
    assert "'who-5'" in str(caught.value)
    assert "'proqol-5'" in str(caught.value)


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"response": {"who5-1": 731}, "instrument": WHO_5}, "response"),
        ({"response": None, "instrument": WHO_5}, "response"),
        ({"response": WHO_5, "instrument": WHO_5}, "response"),
        ({"response": who5(3, 3, 3, 3, 3), "instrument": "who-5"}, "instrument"),
        ({"response": who5(3, 3, 3, 3, 3), "instrument": None}, "instrument"),
        ({"response": who5(3, 3, 3, 3, 3), "instrument": who5(3, 3, 3, 3, 3)}, "instrument"),
    ],
)
def test_score_needs_a_response_and_an_instrument(arguments: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        score(**arguments)
    assert [field] == paths(caught)
    assert "731" not in str(caught.value)


@pytest.mark.parametrize("value", [731.5, True])
def test_reading_a_bad_answer_from_json_names_the_item_not_the_answer(value: object) -> None:
    document = to_dict(who5(3, 3, 3, 3, 3))
    document["answers"]["who5-2"] = value
    with pytest.raises(ValidationError) as caught:
        from_dict(Response, document)
    assert "who5-2" in str(caught.value)
    assert "731" not in str(caught.value)
    assert "true" not in str(caught.value)


# --- Privacy ----------------------------------------------------------------------------------


@given(responses())
def test_a_response_repr_counts_the_answers_and_never_shows_them(response: Response) -> None:
    shown = repr(response)
    assert f"answers=<{len(response.answers)} answers>" in shown
    assert 1 == shown.count("answers=")
    assert "{" not in shown
    assert shown.endswith(f"answers=<{len(response.answers)} answers>)")


def test_a_who5_response_repr_shows_no_item_or_answer() -> None:
    shown = repr(who5(0, 1, 2, 4, 5))
    assert "who5-" not in shown
    assert "answers=<5 answers>" in shown


@given(responses())
def test_a_redacted_response_document_has_no_answers(response: Response) -> None:
    document = json.loads(to_json(response, redact=True))
    assert {} == document["answers"]
    assert True is document["redacted"]
    assert response.instrument == document["instrument"]
    listed = json.loads(to_json([response, response], redact=True))
    assert [{}, {}] == [value["answers"] for value in listed["values"]]
    assert dict(response.answers) == json.loads(to_json(response))["answers"]


@pytest.mark.parametrize(
    "strategy",
    [instruments(), responses(), scores(), measure_trends()],
    ids=["instrument", "response", "score", "measure_trend"],
)
@given(data=st.data())
def test_values_round_trip_through_json_exactly(
    strategy: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    value = data.draw(strategy)
    text = json.dumps(json.loads(to_json(value)))
    assert_exactly_equal(value, from_json(type(value), text))
    assert_exactly_equal(value, from_dict(type(value), json.loads(text)))


@pytest.mark.parametrize("value", [WHO_5, PROQOL_5, SELF_CARE_CHECK_IN])
def test_the_shipped_instruments_round_trip_through_json_exactly(value: Instrument) -> None:
    assert_exactly_equal(value, from_json(Instrument, to_json(value)))


# --- Licences ---------------------------------------------------------------------------------

# A few distinctive phrases of the ProQOL 5 items (© B. Hudnall Stamm), which the library may
# not ship: the form may be copied only unchanged, credited and not sold. Kept as the SHA-256
# of their lowercase words joined by one space, with their length in words, so that this file
# holds none of the text either.
PROQOL_PHRASES = {
    ("067fbfe1ce619573a3d81cbc9b940204c140d50fc402028eb35e7df7ff0611f0", 3),
    ("0c37dd962a4e892ebb40f9bb20a587878b8c6e7d1411d5b8c748696f363648e6", 10),
    ("81844ff6e541bdf189087df393b595eb2ee1e2e699bd45a6ae7e74708317b3ff", 9),
}


def phrases_in(text: str) -> set[tuple[str, int]]:
    """The hashes of every run of 3, 9 and 10 words of a text, as PROQOL_PHRASES keeps them."""
    words = re.findall(r"[a-z']+", text.lower())
    return {
        (hashlib.sha256(" ".join(words[i : i + n]).encode()).hexdigest(), n)
        for n in (3, 9, 10)
        for i in range(len(words) - n + 1)
    }


def test_the_phrase_check_finds_a_phrase() -> None:
    """A phrase is found whatever its case, punctuation and line breaks."""
    wanted = (hashlib.sha256(b"alpha beta gamma").hexdigest(), 3)
    assert wanted in phrases_in("... Alpha,\n  beta  GAMMA! delta")


def test_no_proqol_item_text_is_shipped() -> None:
    assert 30 == len(PROQOL_5.items)
    assert [None] * 30 == [item.text for item in PROQOL_5.items]
    assert "" == PROQOL_5.instructions
    assert "Stamm" in PROQOL_5.licence
    assert "Concise ProQOL Manual" in PROQOL_5.citation


def test_the_who5_ships_its_text_with_its_attribution() -> None:
    assert all(item.text for item in WHO_5.items)
    assert "Psychiatric Research Unit" in WHO_5.licence
    assert "Topp CW" in WHO_5.citation


def source_files() -> list[str]:
    files = [
        path
        for path in sorted(SRC.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    ]
    assert files
    return [str(path) for path in files]


def flattened(text: str) -> str:
    """Text with adjacent string literals joined and runs of white space made one space."""
    joined = re.sub(r"""(["'])\s*\n\s*[rbfu]*(["'])""", "", text)
    return " ".join(joined.split()).lower()


def test_no_source_file_holds_proqol_item_text() -> None:
    for name in source_files():
        with open(name, encoding="utf-8", errors="replace") as file:
            text = flattened(file.read())
        assert set() == PROQOL_PHRASES & phrases_in(text), name


def test_nothing_of_the_maslach_burnout_inventory_is_shipped() -> None:
    for name in source_files():
        with open(name, encoding="utf-8", errors="replace") as file:
            text = file.read()
        assert "maslach" not in text.lower(), name
    for instrument in (WHO_5, PROQOL_5, SELF_CARE_CHECK_IN):
        assert "maslach" not in to_json(instrument).lower()


# --- Trends -----------------------------------------------------------------------------------


def expected_points(given_responses: Sequence[Response]) -> tuple[MeasurePoint, ...]:
    """WHO-5 percentages worked by hand, oldest first."""
    ordered = sorted(given_responses, key=lambda r: r.at.timestamp())
    found = []
    for response in ordered:
        percentage = 4.0 * sum(response.answers.values())
        found.append(MeasurePoint(response.at, percentage, who5_band(percentage)))
    return tuple(found)


def distinct_who5_responses(max_size: int = 6) -> st.SearchStrategy[list[Response]]:
    return st.lists(responses(WHO_5), max_size=max_size, unique_by=lambda r: r.at.timestamp())


@given(distinct_who5_responses().flatmap(st.permutations))
def test_a_who5_trend_is_oldest_first_and_its_change_is_last_less_first(
    given_responses: list[Response],
) -> None:
    trend = measure_trend(given_responses, WHO_5)
    points = expected_points(given_responses)
    assert points == trend.points
    assert ("who-5", "percentage", 10) == (trend.instrument, trend.scale, trend.meaningful_change)
    assert (points[-1] if points else None) == trend.latest
    if len(points) < 2:
        assert (None, None) == (trend.change, trend.meaningful)
    else:
        change = points[-1].value - points[0].value
        assert (change, abs(change) >= 10) == (trend.change, trend.meaningful)


@given(distinct_who5_responses(), zoned_datetimes())
def test_a_trend_at_a_moment_leaves_later_responses_out(
    given_responses: list[Response], now: pendulum.DateTime
) -> None:
    kept = [r for r in given_responses if r.at.timestamp() <= now.timestamp()]
    assert expected_points(kept) == measure_trend(given_responses, WHO_5, at=now).points


def day(n: int) -> pendulum.DateTime:
    return pendulum.datetime(2026, 11, n, 20, tz="Europe/London")


@pytest.mark.parametrize(
    ("first", "last", "change", "meaningful"),
    [
        # Topp et al. 2015: 10 percentage points is a meaningful change, up or down.
        ((2, 2, 2, 2, 3), (3, 3, 3, 2, 3), 12.0, True),  # 44 -> 56
        ((2, 2, 2, 2, 3), (3, 2, 3, 2, 3), 8.0, False),  # 44 -> 52
        ((3, 3, 3, 3, 3), (3, 3, 2, 2, 2), -12.0, True),  # 60 -> 48
        ((3, 3, 3, 3, 3), (3, 3, 3, 2, 2), -8.0, False),  # 60 -> 52
    ],
)
def test_a_who5_change_of_ten_points_is_meaningful(
    first: tuple[int, ...], last: tuple[int, ...], change: float, meaningful: bool
) -> None:
    trend = measure_trend([who5(*last, at=day(30)), who5(*first, at=day(2))], WHO_5)
    assert (change, meaningful) == (trend.change, trend.meaningful)


@pytest.mark.parametrize(
    ("values", "meaningful"),
    [((44.0, 54.0), True), ((54.0, 44.0), True), ((44.0, 53.5), False), ((44.0, 44.0), False)],
)
def test_a_change_of_exactly_the_meaningful_change_is_meaningful(
    values: tuple[float, float], meaningful: bool
) -> None:
    # A WHO-5 percentage moves in steps of 4, so its trends never change by exactly 10: the
    # rule "a change of 10 or more, either way" is checked on a trend built by hand.
    points = [MeasurePoint(day(n), value) for n, value in enumerate(values, start=1)]
    trend = MeasureTrend("who-5", "percentage", points, 10)
    assert meaningful == trend.meaningful


def test_a_trend_at_a_moment_keeps_a_response_given_at_that_moment() -> None:
    given_responses = [who5(n % 6, 3, 3, 3, 3, at=day(n)) for n in range(1, 6)]
    trend = measure_trend(given_responses, WHO_5, at=day(3))
    assert [day(1), day(2), day(3)] == [point.at for point in trend.points]


def test_a_trend_skips_responses_to_other_instruments() -> None:
    incomplete_proqol = Response("proqol-5", day(3), {"proqol-1": 731})
    check_in = Response("self-care-check-in", day(4), {"physical": 2})
    given_responses = [
        who5(3, 3, 3, 3, 3, at=day(5)),
        incomplete_proqol,
        check_in,
        who5(1, 1, 1, 1, 1, at=day(1)),
    ]
    trend = measure_trend(given_responses, WHO_5)
    assert (
        MeasurePoint(day(1), 20.0, VERY_LOW),
        MeasurePoint(day(5), 60.0, GOOD),
    ) == trend.points


def test_a_trend_can_follow_another_scale() -> None:
    trend = measure_trend(
        [who5(3, 2, 3, 1, 4, at=day(1)), who5(5, 5, 5, 5, 5, at=day(2))], WHO_5, scale="raw"
    )
    assert ("raw", [13.0, 25.0], 12.0, None) == (
        trend.scale,
        [point.value for point in trend.points],
        trend.change,
        trend.meaningful,
    )
    with pytest.raises(ValidationError) as caught:
        measure_trend([], WHO_5, scale="total")
    assert ["scale"] == paths(caught)


def test_a_trend_names_the_bad_response_and_item() -> None:
    bad = Response("who-5", day(2), {"who5-1": 3, "who5-2": 731})
    with pytest.raises(ValidationError) as caught:
        measure_trend([who5(3, 3, 3, 3, 3, at=day(1)), bad], WHO_5)
    assert [
        "responses[1].answers[who5-3]",
        "responses[1].answers[who5-4]",
        "responses[1].answers[who5-5]",
        "responses[1].answers[who5-2]",
    ] == paths(caught)
    assert "731" not in str(caught.value)


def test_a_check_in_trend_follows_one_category() -> None:
    evenings = [
        Reflection(at=day(3), author=Role.CLIENT, self_ratings={Category.PHYSICAL: 4}),
        Reflection(at=day(1), author=Role.CLIENT, self_ratings={Category.PHYSICAL: 2}),
        Reflection(at=day(2), author=Role.CLIENT),  # rates no category: no response
        Reflection(at=day(4), author=Role.CLIENT, self_ratings={Category.MENTAL: 1}),
    ]
    found = check_in_responses(evenings)
    assert [day(3), day(1), day(4)] == [response.at for response in found]
    trend = measure_trend(found, SELF_CARE_CHECK_IN, scale="physical")
    assert (
        MeasurePoint(day(1), 2.0, "neglected lately"),
        MeasurePoint(day(3), 4.0, "well cared for"),
    ) == trend.points
    assert (2.0, None) == (trend.change, trend.meaningful)


def test_a_measure_point_needs_a_finite_value() -> None:
    with pytest.raises(ValidationError):
        MeasurePoint(AT, math.nan)


@pytest.mark.parametrize(
    "arguments",
    [
        {"points": (1, 2)},
        {"points": (), "meaningful_change": -5},
        {"points": (), "meaningful_change": math.inf},
    ],
)
def test_a_measure_trend_checks_its_parts(arguments: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        MeasureTrend("who-5", "percentage", **arguments)
