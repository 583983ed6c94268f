"""Instruments as data: items, response options, scales with their scoring, and bands.

An instrument (the WHO-5, the ProQOL 5, an app's own) is a value like any other: its items
and their answer options, and one or more scales, each a sum or a mean of some items (some of
them reverse-scored), times a factor, with bands that put a score in plain words.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from typing import Any

import attrs

from selfcare._core import checks as check
from selfcare._core.vocabulary import Vocabulary

__all__ = ["Band", "Instrument", "Item", "Option", "Scale", "ScoreMethod"]

MAX_ITEMS = 200


class ScoreMethod(Vocabulary):
    """How a scale combines its items' values: their sum or their mean."""

    SUM = "sum"
    MEAN = "mean"


@attrs.frozen
class Option:
    """One answer an item offers: the value scored and the words shown.

    Example:
        >>> Option(5, "All of the time").value
        5
    """

    value: int = attrs.field(validator=check.int_in(-1000, 1000))
    label: str = attrs.field(validator=check.name)


@attrs.frozen
class Item:
    """One question of an instrument, by id; its text only where its licence allows it.

    ``text`` is ``None`` for an instrument whose wording may not be shipped: the app shows
    the text it is licensed to show.

    Example:
        >>> Item("who5-1", "I have felt cheerful and in good spirits").id
        'who5-1'
    """

    id: str = attrs.field(validator=check.slug)
    text: str | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        if self.text is not None:
            check.check_text("text", self.text, limit=check.MAX_NAME, required=True)


@attrs.frozen
class Band:
    """A range of scores put in plain, non-diagnostic words: every score up to ``at_most``.

    A scale's bands go from the lowest scores up; the last one has ``at_most=None`` (every
    score above the band before it).

    Example:
        >>> Band("low well-being", at_most=50).label
        'low well-being'
    """

    label: str = attrs.field(validator=check.name)
    at_most: float | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        if self.at_most is not None:
            check.check_finite("at_most", self.at_most)


@attrs.frozen
class Scale:
    """One score of an instrument: which items, how they combine, and what the score means.

    The score is ``multiplier`` times the sum (or the mean) of the items' values, each
    reverse-scored item counted as (lowest option + highest option − its value).

    Attributes:
        id: the scale's id, e.g. ``"percentage"`` or ``"burnout"``.
        name: its name, shown beside the score.
        items: the ids of its items.
        reversed: the ids of its items scored in reverse.
        method: sum or mean.
        multiplier: what the sum or mean is multiplied by (4 gives the WHO-5 its 0–100).
        bands: the plain words for ranges of scores, lowest first (none: no bands).
        meaningful_change: the smallest change in the score its authors call meaningful,
            or ``None`` when they name none.

    Example:
        >>> Scale("raw", "Raw score", items=("a", "b"), bands=[Band("low", at_most=3),
        ...       Band("not low")]).band_of(2)
        'low'
    """

    id: str = attrs.field(validator=check.slug)
    name: str = attrs.field(validator=check.name)
    items: tuple[str, ...] = attrs.field(converter=check.to_tuple)
    reversed: frozenset[str] = attrs.field(
        default=frozenset(), converter=check.to_frozenset, validator=check.slugs("an item id")
    )
    method: ScoreMethod = attrs.field(default=ScoreMethod.SUM, validator=check.member(ScoreMethod))
    multiplier: float = attrs.field(default=1)
    bands: tuple[Band, ...] = attrs.field(default=(), converter=check.to_tuple)
    meaningful_change: float | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        items: Any = self.items
        if not isinstance(items, tuple) or not items or len(items) > MAX_ITEMS:
            raise check.fail("items", f"expected 1 to {MAX_ITEMS} item ids")
        for item in items:
            check.check_slug("items", item, "an item id")
        if len(set(items)) != len(items):
            raise check.fail("items", "expected each item once")
        for item in self.reversed:
            if item not in items:
                raise check.fail("reversed", f"{item!r} is not one of the scale's items")
        check.check_finite("multiplier", self.multiplier)
        if self.multiplier <= 0:
            raise check.fail("multiplier", "expected a number above 0")
        bands: Any = self.bands
        if not isinstance(bands, tuple) or not all(isinstance(b, Band) for b in bands):
            raise check.fail("bands", "expected a sequence of Band values")
        limits = [b.at_most for b in bands]
        if bands and (limits[-1] is not None or None in limits[:-1]):
            raise check.fail("bands", "expected every band but the last to have at_most")
        rising = [limit for limit in limits[:-1] if limit is not None]
        if any(b <= a for a, b in itertools.pairwise(rising)):
            raise check.fail("bands", "expected each band's at_most above the one before")
        if self.meaningful_change is not None:
            check.check_finite("meaningful_change", self.meaningful_change)
            if self.meaningful_change <= 0:
                raise check.fail("meaningful_change", "expected a number above 0, or None")

    def band_of(self, score: float) -> str | None:
        """The words of the band a score falls in, or ``None`` for a scale without bands."""
        for band in self.bands:
            if band.at_most is None or score <= band.at_most:
                return band.label
        return None


@attrs.frozen
class Instrument:
    """A questionnaire: its items, the answers they offer, its scales, licence and citation.

    Attributes:
        id: the instrument's id, e.g. ``"who-5"``.
        name: its name.
        version: its version, as its authors name it.
        items: its questions, in order.
        options: the answers every item offers, lowest value first.
        scales: its scores.
        licence: the terms of use, in plain words.
        citation: where it is published.
        instructions: what the person is asked (where the licence allows it), or "".
        partial: whether a response may leave items out (each scale is then scored when all
            its items are answered); a validated instrument needs every item.

    Example:
        >>> from selfcare import WHO_5
        >>> WHO_5.option_range, [s.id for s in WHO_5.scales]
        ((0, 5), ['raw', 'percentage'])
    """

    id: str = attrs.field(validator=check.slug)
    name: str = attrs.field(validator=check.name)
    version: str = attrs.field(validator=check.name)
    items: tuple[Item, ...] = attrs.field(converter=check.to_tuple)
    options: tuple[Option, ...] = attrs.field(converter=check.to_tuple)
    scales: tuple[Scale, ...] = attrs.field(converter=check.to_tuple)
    licence: str = attrs.field(validator=check.text)
    citation: str = attrs.field(validator=check.text)
    instructions: str = attrs.field(default="", validator=check.text)
    partial: bool = attrs.field(default=False, validator=check.boolean)

    def __attrs_post_init__(self) -> None:
        _all("items", self.items, Item, MAX_ITEMS)
        _all("options", self.options, Option, 20)
        _all("scales", self.scales, Scale, 20)
        ids = [item.id for item in self.items]
        if len(set(ids)) != len(ids):
            raise check.fail("items", "expected each item id once")
        values = [option.value for option in self.options]
        if len(values) < 2 or values != sorted(set(values)):
            raise check.fail("options", "expected two or more options, lowest value first")
        scale_ids = [scale.id for scale in self.scales]
        if len(set(scale_ids)) != len(scale_ids):
            raise check.fail("scales", "expected each scale id once")
        known = set(ids)
        for scale in self.scales:
            for item in scale.items:
                if item not in known:
                    raise check.fail("scales", f"scale {scale.id!r} names no item of this one")

    @property
    def option_range(self) -> tuple[int, int]:
        """The lowest and the highest value an answer may have."""
        return self.options[0].value, self.options[-1].value

    def scale(self, scale_id: str) -> Scale:
        """The scale with this id.

        Raises:
            ValidationError: the instrument has no such scale.
        """
        for scale in self.scales:
            if scale.id == scale_id:
                return scale
        raise check.fail("scale", f"expected one of {', '.join(s.id for s in self.scales)}")

    def score_of(self, scale: Scale, answers: Mapping[str, int]) -> float:
        """A scale's score from complete, checked answers (internal to scoring)."""
        low, high = self.option_range
        values = [
            low + high - answers[i] if i in scale.reversed else answers[i] for i in scale.items
        ]
        total = float(sum(values))
        if scale.method is ScoreMethod.MEAN:
            total /= len(values)
        score = total * scale.multiplier
        return float(round(score, 10)) if math.isfinite(score) else score


def _all(field: str, values: object, kind: type, limit: int) -> None:
    if not isinstance(values, tuple) or not values or len(values) > limit:
        raise check.fail(field, f"expected 1 to {limit} {kind.__name__} values")
    for value in values:
        if not isinstance(value, kind):
            raise check.fail(field, f"expected {kind.__name__} values")
