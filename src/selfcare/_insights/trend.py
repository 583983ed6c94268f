"""The wellbeing trend: rolling means of mood, energy and stress over a person's reflections."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from selfcare._core.reprs import counted
from selfcare._insights.days import (
    MAX_SPAN,
    SLOT,
    Day,
    Measure,
    check_count,
    to_date,
    window,
)
from selfcare._model.reflections import Reflection

__all__ = ["TrendPoint", "WellbeingTrend", "wellbeing_trend"]


@attrs.frozen
class TrendPoint:
    """The rolling means of the ratings on one day (``None`` where nothing was rated).

    Example:
        >>> TrendPoint(datetime.date(2026, 1, 7), 6.5, None, 3.0).value(Measure.MOOD)
        6.5
    """

    day: dt.date
    mood: float | None
    energy: float | None
    stress: float | None

    def value(self, measure: Measure) -> float | None:
        """The rolling mean of one measure."""
        return (self.mood, self.energy, self.stress)[SLOT[measure]]


@attrs.frozen
class WellbeingTrend:
    """Rolling means of mood, energy and stress, one point a day.

    Attributes:
        window_days: how many days each rolling mean covers (the day and those before it).
        points: one point for each day from the first day to the last, in order.

    Example:
        >>> WellbeingTrend(7, ()).change(Measure.MOOD) is None
        True
    """

    window_days: int
    points: tuple[TrendPoint, ...] = attrs.field(repr=counted)

    def _repr_html_(self) -> str:
        """The trend as HTML for notebooks: a chart of the rolling means and the latest."""
        from selfcare._display.insights import trend_html

        return trend_html(self)

    @property
    def latest(self) -> TrendPoint | None:
        """The last point, or ``None`` when there are none."""
        return self.points[-1] if self.points else None

    def change(self, measure: Measure) -> float | None:
        """The latest rolling mean minus the one a window earlier (this week against last).

        ``None`` when either is missing. For stress a negative change is an improvement.
        """
        if len(self.points) <= self.window_days:
            return None
        now = self.points[-1].value(measure)
        before = self.points[-1 - self.window_days].value(measure)
        return None if now is None or before is None else now - before


def trend_of(days: Mapping[int, Day], first: int, last: int, size: int) -> WellbeingTrend:
    """Rolling means over each day from ``first`` to ``last`` (internal, validated)."""
    sums = [0.0, 0.0, 0.0]
    counts = [0, 0, 0]
    points = []
    for ordinal in range(first - size + 1, last + 1):
        for sign, when in ((1, ordinal), (-1, ordinal - size)):
            day = days.get(when)
            if day is None or when < first - size + 1:
                continue
            for i in range(3):
                value = day.rating(i)
                if value is not None:
                    sums[i] += sign * value
                    counts[i] += sign
        if ordinal >= first:
            means = [round(sums[i] / counts[i], 6) if counts[i] else None for i in range(3)]
            points.append(TrendPoint(to_date(ordinal), *means))
    return WellbeingTrend(size, tuple(points))


def wellbeing_trend(
    history: Iterable[Reflection],
    *,
    window_days: int = 7,
    at: dt.datetime | None = None,
    days: int | None = None,
) -> WellbeingTrend:
    """Follow mood, energy and stress as rolling means, one point a day.

    Each point is the mean of the daily ratings over the ``window_days`` days ending that day,
    counting only days with that rating. Days without a reflection still get a point, so
    the points are evenly spaced.

    Args:
        history: the person's reflections, in any order.
        window_days: how many days each mean covers, from 1 to 366.
        at: now, as a zoned instant: reflections after it are left out, and its local date
            is the last day (default: the last day with a reflection).
        days: how many days to give a point for, up to the last, at most ten years
            (default: from the first day with a reflection, or ten years if that is more).

    Returns:
        The trend; :meth:`WellbeingTrend.change` compares the latest mean with one a
        window earlier.

    Raises:
        ValidationError: an argument is not valid.

    Example:
        >>> history = [
        ...     Reflection(at=pendulum.datetime(2026, 1, n, 20, tz="UTC"), author=Role.CLIENT,
        ...                ratings=Ratings(mood=3 if n <= 7 else 6))
        ...     for n in range(1, 15)
        ... ]
        >>> trend = wellbeing_trend(history)
        >>> trend.latest.mood, trend.change(Measure.MOOD)
        (6.0, 3.0)
    """
    size = check_count("window_days", window_days, 1, 366)
    # Each mean looks back from its day, so the days before the first point are read too.
    looked_at = window(history, at, days, before=size - 1)
    first, last = looked_at.first, looked_at.last
    if first is None or last is None:
        return WellbeingTrend(size, ())
    first = max(first, last - MAX_SPAN + 1)
    return WellbeingTrend(size, trend_of(looked_at.days, first, last, size).points)
