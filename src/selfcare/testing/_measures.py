"""Strategies for instruments, responses, scores and their trends."""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from selfcare._measures.instruments import (
    Band,
    Instrument,
    Item,
    Option,
    Scale,
    ScoreMethod,
)
from selfcare._measures.responses import Response, ScaleScore, Score, score
from selfcare._measures.shipped import PROQOL_5, SELF_CARE_CHECK_IN, WHO_5
from selfcare._measures.trend import MeasurePoint, MeasureTrend
from selfcare.testing._time import zoned_datetimes
from selfcare.testing._values import free_text, names, slugs, unique_slugs

SHIPPED = (WHO_5, PROQOL_5, SELF_CARE_CHECK_IN)
_VALUES = st.floats(-1000, 1000, allow_nan=False).map(lambda x: round(x, 3))


def options() -> st.SearchStrategy[Option]:
    """Answer options."""
    return st.builds(Option, st.integers(-1000, 1000), names())


def items() -> st.SearchStrategy[Item]:
    """Items, with their text or without it."""
    return st.builds(Item, slugs(), st.none() | names())


def bands() -> st.SearchStrategy[Band]:
    """A band, with an upper limit or without one."""
    return st.builds(Band, names(), st.none() | _VALUES)


@st.composite
def _bands(draw: st.DrawFn) -> list[Band]:
    limits = sorted(set(draw(st.lists(_VALUES, max_size=3))))
    labels = draw(st.lists(names(), min_size=len(limits) + 1, max_size=len(limits) + 1))
    return [
        Band(label, at_most=limit) for label, limit in zip(labels, [*limits, None], strict=True)
    ]


@st.composite
def scales(draw: st.DrawFn, item_ids: list[str] | None = None) -> Scale:
    """A scale of some of the items (any slugs when none are given)."""
    pool = item_ids if item_ids is not None else draw(unique_slugs(1, 6))
    chosen = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=len(pool), unique=True))
    return Scale(
        draw(slugs()),
        draw(names()),
        items=chosen,
        reversed=draw(st.frozensets(st.sampled_from(chosen))),
        method=draw(st.sampled_from(ScoreMethod)),
        multiplier=draw(st.floats(0.25, 10).map(lambda x: round(x, 2))),
        bands=draw(_bands()),
        meaningful_change=draw(st.none() | st.floats(0.5, 50).map(lambda x: round(x, 1))),
    )


@st.composite
def instruments(draw: st.DrawFn) -> Instrument:
    """The shipped instruments, and apps' own of any shape."""
    if draw(st.booleans()):
        return draw(st.sampled_from(SHIPPED))
    ids = draw(unique_slugs(1, 8))
    values = sorted(draw(st.sets(st.integers(-5, 10), min_size=2, max_size=6)))
    scale_ids = draw(unique_slugs(1, 3))
    built = [attrs.evolve(draw(scales(ids)), id=sid) for sid in scale_ids]
    return Instrument(
        id=draw(slugs()),
        name=draw(names()),
        version=draw(names()),
        items=[Item(i, draw(st.none() | names())) for i in ids],
        options=[Option(v, draw(names())) for v in values],
        scales=built,
        licence=draw(free_text()),
        citation=draw(free_text()),
        instructions=draw(free_text()),
        partial=draw(st.booleans()),
    )


@st.composite
def responses(draw: st.DrawFn, instrument: Instrument | None = None) -> Response:
    """Complete, valid responses to an instrument (a drawn one when none is given)."""
    chosen = draw(instruments()) if instrument is None else instrument
    values = [o.value for o in chosen.options]
    answers = {item.id: draw(st.sampled_from(values)) for item in chosen.items}
    if chosen.partial:
        answers = {k: v for k, v in answers.items() if draw(st.booleans())} or answers
    return Response(chosen.id, draw(zoned_datetimes()), answers)


def scale_scores() -> st.SearchStrategy[ScaleScore]:
    """A scale's score, with a band or without one."""
    return st.builds(ScaleScore, slugs(), _VALUES, st.none() | names())


@st.composite
def scores(draw: st.DrawFn) -> Score:
    """The scores of a drawn response."""
    chosen = draw(instruments())
    return score(draw(responses(chosen)), chosen)


def measure_points() -> st.SearchStrategy[MeasurePoint]:
    """A score at an instant."""
    return st.builds(MeasurePoint, zoned_datetimes(), _VALUES, st.none() | names())


def measure_trends() -> st.SearchStrategy[MeasureTrend]:
    """Trends of up to five points."""
    return st.builds(
        MeasureTrend,
        slugs(),
        slugs(),
        st.lists(measure_points(), max_size=5).map(
            lambda points: sorted(points, key=lambda p: p.at.timestamp())
        ),
        st.none() | st.floats(0.5, 50).map(lambda x: round(x, 1)),
    )
