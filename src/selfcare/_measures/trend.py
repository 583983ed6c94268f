"""Scores followed over time: each response's score of one scale, and how it changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs
import pendulum

from selfcare._core import checks as check
from selfcare._measures.instruments import Instrument
from selfcare._measures.responses import Response, check_scored, scores
from selfcare._time.zoned import check_zone_arg, check_zoned, local_date, to_at, zoned_key

__all__ = ["MeasurePoint", "MeasureTrend", "measure_trend"]


@attrs.frozen
class MeasurePoint:
    """One response's score of a scale, when it was given, and its band.

    Example:
        >>> MeasurePoint(pendulum.datetime(2026, 12, 1, tz="UTC"), 52.0, "low well-being").value
        52.0
    """

    at: pendulum.DateTime = attrs.field(converter=to_at, eq=zoned_key)
    value: float = attrs.field()
    band: str | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        check_scored(self.value, self.band)


@attrs.frozen
class MeasureTrend:
    """The scores of one scale of an instrument over time, oldest first.

    Attributes:
        instrument: the instrument's id.
        scale: the scale's id.
        points: one point per response.
        meaningful_change: the smallest change the instrument's authors call meaningful, or
            ``None``.

    Example:
        >>> trend = MeasureTrend("who-5", "percentage", (
        ...     MeasurePoint(pendulum.datetime(2026, 11, 2, tz="UTC"), 44.0),
        ...     MeasurePoint(pendulum.datetime(2026, 11, 30, tz="UTC"), 60.0)), 10.0)
        >>> trend.change, trend.meaningful
        (16.0, True)
    """

    instrument: str = attrs.field(validator=check.slug)
    scale: str = attrs.field(validator=check.slug)
    points: tuple[MeasurePoint, ...] = attrs.field(converter=check.to_tuple)
    meaningful_change: float | None = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        points: Any = self.points
        if not isinstance(points, tuple) or not all(isinstance(p, MeasurePoint) for p in points):
            raise check.fail("points", "expected a sequence of MeasurePoint values")
        if len(points) > 100_000:
            raise check.fail("points", "expected at most 100,000 points")
        stamps = [p.at.timestamp() for p in points]
        if stamps != sorted(stamps):
            raise check.fail("points", "expected the points oldest first")
        if self.meaningful_change is not None:
            check.check_finite("meaningful_change", self.meaningful_change)
            if self.meaningful_change <= 0:
                raise check.fail("meaningful_change", "expected a number above 0, or None")

    @property
    def latest(self) -> MeasurePoint | None:
        """The most recent point, or ``None`` without any."""
        return self.points[-1] if self.points else None

    @property
    def change(self) -> float | None:
        """The last score less the first, or ``None`` with fewer than two points."""
        if len(self.points) < 2:
            return None
        return round(self.points[-1].value - self.points[0].value, 10)

    @property
    def meaningful(self) -> bool | None:
        """Whether the change is at least the meaningful change (either way), when known."""
        change = self.change
        if change is None or self.meaningful_change is None:
            return None
        return abs(change) >= self.meaningful_change

    def between(
        self,
        first: dt.date,
        last: dt.date,
        *,
        tz: str | None = None,
        until: dt.datetime | None = None,
    ) -> MeasureTrend:
        """The points whose day is from ``first`` to ``last``, both included.

        A point's day is its local date in ``tz`` (default: the zone it was given in);
        with ``until`` (a zoned instant), points after it are left out too.

        Example:
            >>> MeasureTrend("who-5", "raw", ()).between(
            ...     datetime.date(2026, 11, 1), datetime.date(2026, 11, 30)).points
            ()
        """
        first = check.check_date("first", first)
        last = check.check_date("last", last)
        zone = None if tz is None else check_zone_arg("tz", tz)
        stamp = None if until is None else check_zoned("until", until).timestamp()
        kept = tuple(
            p
            for p in self.points
            if first <= (p.at.date() if zone is None else local_date(p.at, zone)) <= last
            and (stamp is None or p.at.timestamp() <= stamp)
        )
        return attrs.evolve(self, points=kept)


def measure_trend(
    responses: Iterable[Response],
    instrument: Instrument,
    *,
    scale: str | None = None,
    at: dt.datetime | None = None,
) -> MeasureTrend:
    """Follow one scale of an instrument over the person's responses.

    Args:
        responses: the person's responses, in any order; those to other instruments are
            skipped.
        instrument: the instrument, e.g. :data:`WHO_5`.
        scale: the scale to follow (default: the instrument's last, e.g. the WHO-5's
            percentage).
        at: now, as a zoned instant: responses after it are left out (default: all).

    Raises:
        ValidationError: an argument is not valid, or a response to the instrument is
            incomplete or gives a value no option has.

    Example:
        >>> from selfcare import WHO_5, Response
        >>> def who5(day, value):
        ...     at = pendulum.datetime(2026, 11, day, 20, tz="Europe/London")
        ...     return Response("who-5", at, {item.id: value for item in WHO_5.items})
        >>> trend = measure_trend([who5(30, 3), who5(2, 2)], WHO_5)
        >>> [p.value for p in trend.points], trend.change, trend.meaningful
        ([40.0, 60.0], 20.0, True)
    """
    instrument = check.check_instance("instrument", instrument, Instrument)
    chosen = instrument.scales[-1] if scale is None else instrument.scale(scale)
    found = scores(responses, instrument)
    if at is not None:
        stamp = check_zoned("at", at).timestamp()
        found = tuple(s for s in found if s.at.timestamp() <= stamp)
    points = [
        MeasurePoint(s.at, s.value(chosen.id), s.of(chosen.id).band)
        for s in found
        if any(part.scale == chosen.id for part in s.scales)
    ]
    return MeasureTrend(instrument.id, chosen.id, points, chosen.meaningful_change)
