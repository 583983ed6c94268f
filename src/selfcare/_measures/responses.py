"""A person's answers to an instrument, and the scores they give.

Answers are health information: a response's ``repr`` shows how many items were answered,
never the answers, and no error quotes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import pendulum

from selfcare._core import checks as check
from selfcare._core.errors import ValidationError
from selfcare._core.frozenmap import FrozenMap, freeze
from selfcare._measures.instruments import Instrument
from selfcare._time.zoned import to_at, zoned_key

__all__ = ["Response", "ScaleScore", "Score", "score"]


def _answered(answers: Mapping[str, int]) -> str:
    return f"<{len(answers)} answers>"


@attrs.frozen
class Response:
    """One person's answers to an instrument, at one moment.

    Attributes:
        instrument: the instrument's id.
        at: when the person answered, as a zoned instant (the zone is kept).
        answers: each item's answer (its option's value), by item id. Private.

    Example:
        >>> r = Response("who-5", pendulum.datetime(2026, 12, 1, 20, tz="Europe/London"),
        ...              {"who5-1": 3, "who5-2": 2, "who5-3": 3, "who5-4": 1, "who5-5": 4})
        >>> r
        Response(instrument='who-5', at=DateTime(2026, 12, 1, 20, 0, 0, tzinfo=Timezone('Europe/London')), answers=<5 answers>)
    """  # noqa: E501

    instrument: str = attrs.field(validator=check.slug)
    at: pendulum.DateTime = attrs.field(converter=to_at, eq=zoned_key)
    answers: Mapping[str, int] = attrs.field(factory=FrozenMap, converter=freeze, repr=_answered)

    def __attrs_post_init__(self) -> None:
        answers: Any = self.answers
        if not isinstance(answers, FrozenMap):
            raise check.fail("answers", "expected a mapping of item ids to answer values")
        if len(answers) > 200:
            raise check.fail("answers", "expected at most 200 answers")
        for item, value in answers.items():
            check.check_slug("answers", item, "an item id")
            if type(value) is not int or not -1000 <= value <= 1000:
                raise check.fail("answers", f"expected whole numbers as answers (item {item!r})")


@attrs.frozen
class ScaleScore:
    """One scale's score, and the band it falls in.

    Example:
        >>> ScaleScore("percentage", 52.0, "low well-being").band
        'low well-being'
    """

    scale: str = attrs.field(validator=check.slug)
    value: float = attrs.field()
    band: str | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        check_scored(self.value, self.band)


def check_scored(value: object, band: object) -> None:
    """Require a finite score, and a band in words or none."""
    check.check_finite("value", value)
    if band is not None:
        check.check_text("band", band, limit=check.MAX_NAME, required=True)


@attrs.frozen
class Score:
    """The scores of one response, one per scale of its instrument.

    Example:
        >>> from selfcare import WHO_5
        >>> r = Response("who-5", pendulum.datetime(2026, 12, 1, 20, tz="Europe/London"),
        ...              {"who5-1": 3, "who5-2": 2, "who5-3": 3, "who5-4": 1, "who5-5": 4})
        >>> s = score(r, WHO_5)
        >>> s.value("raw"), s.value("percentage"), s.of("percentage").band
        (13.0, 52.0, 'moderate or good well-being')
    """

    instrument: str = attrs.field(validator=check.slug)
    at: pendulum.DateTime = attrs.field(converter=to_at, eq=zoned_key)
    scales: tuple[ScaleScore, ...] = attrs.field(converter=check.to_tuple)

    def __attrs_post_init__(self) -> None:
        scales: Any = self.scales
        if not isinstance(scales, tuple) or not all(isinstance(s, ScaleScore) for s in scales):
            raise check.fail("scales", "expected a sequence of ScaleScore values")

    def of(self, scale: str) -> ScaleScore:
        """The score of one scale.

        Raises:
            ValidationError: the instrument has no such scale.
        """
        for found in self.scales:
            if found.scale == scale:
                return found
        raise check.fail("scale", f"expected one of {', '.join(s.scale for s in self.scales)}")

    def value(self, scale: str) -> float:
        """The value of one scale's score."""
        return self.of(scale).value


def check_answers(response: Response, instrument: Instrument, field: str = "response") -> None:
    """Require a complete response to this instrument, each answer one of its options.

    Problems name the items (their ids), never the answers given.
    """
    if response.instrument != instrument.id:
        raise check.fail(
            f"{field}.instrument",
            f"this response is to {response.instrument!r}, not to {instrument.id!r}",
        )
    allowed = {option.value for option in instrument.options}
    items = {item.id for item in instrument.items}
    problems = [
        (f"{field}.answers[{item.id}]", "expected an answer; every item needs one")
        for item in instrument.items
        if item.id not in response.answers and not instrument.partial
    ]
    low, high = instrument.option_range
    for item, value in response.answers.items():
        if item not in items:
            problems.append((f"{field}.answers", f"{item!r} is no item of {instrument.id!r}"))
        elif value not in allowed:
            problems.append(
                (f"{field}.answers[{item}]", f"expected one of the options, {low} to {high}")
            )
    if problems:
        raise ValidationError(problems)


def score(response: Response, instrument: Instrument) -> Score:
    """Score a response by its instrument's rules: each scale's score and band.

    Raises:
        ValidationError: the response is to another instrument, misses an item, answers an
            item the instrument does not have, or gives a value no option has (each problem
            names the item, never the answer).

    Example:
        >>> from selfcare import WHO_5
        >>> every_item = {item.id: 5 for item in WHO_5.items}
        >>> best = Response("who-5", pendulum.datetime(2026, 12, 1, tz="UTC"), every_item)
        >>> score(best, WHO_5).value("percentage")
        100.0
    """
    response = check.check_instance("response", response, Response)
    instrument = check.check_instance("instrument", instrument, Instrument)
    check_answers(response, instrument)
    scales = []
    for scale in instrument.scales:
        if not all(item in response.answers for item in scale.items):
            continue  # a partial response: this scale's items are not all answered
        value = instrument.score_of(scale, response.answers)
        scales.append(ScaleScore(scale.id, value, scale.band_of(value)))
    return Score(instrument.id, response.at, scales)


def scores(responses: Iterable[Response], instrument: Instrument) -> tuple[Score, ...]:
    """The scores of the responses to one instrument, oldest first; other responses are skipped.

    Raises:
        ValidationError: a value is not a Response, or a response to this instrument is not
            complete and valid.
    """
    given = check.check_list("responses", responses, "Response values")
    found = []
    for n, response in enumerate(given):
        if not isinstance(response, Response):
            raise check.fail(f"responses[{n}]", "expected a Response")
        if response.instrument == instrument.id:
            check_answers(response, instrument, f"responses[{n}]")
            found.append(score(response, instrument))
    return tuple(sorted(found, key=lambda s: s.at.timestamp()))
