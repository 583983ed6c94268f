"""Reflections merged into days: the common ground of every insight.

A reflection's day is its local date in its own zone. Several reflections on one day are
merged: a strategy done on any of them counts as done, a skip counts only when the strategy
was not done that day, known minutes add up, and each rating is averaged over the day.

Every done practice is kept, not only the first of each strategy: a strategy done in the
morning and again in the evening (in one reflection or in two) is one day done, with the
minutes of both, and both practices are there for a measured strategy to add their amounts
(see :func:`selfcare._insights.habits.amount_of`). A day whose only practices of a strategy
are skips is a skipped day for it.

Everything here works on date ordinals and plain numbers, so building the days of a
history is linear in the number of reflections and practices; pendulum values are only
built for the output of the public functions.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from selfcare._core import checks as check
from selfcare._core.vocabulary import Vocabulary
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Category
from selfcare._model.reflections import Practice, Reflection
from selfcare._time.zoned import check_zoned

MAX_HISTORY = 100_000
#: The longest run of calendar days an insight walks day by day (ten years).
MAX_SPAN = 3_660


class Measure(Vocabulary):
    """A rating a reflection can carry: mood, energy or stress, each 0–10.

    Example:
        >>> Measure.STRESS.higher_is_better
        False
    """

    MOOD = "mood"
    ENERGY = "energy"
    STRESS = "stress"

    @property
    def higher_is_better(self) -> bool:
        """Whether a higher rating means the person is doing better (not so for stress)."""
        return self is not Measure.STRESS


MEASURES = tuple(Measure)
#: The position of each measure in the internal rating arrays.
SLOT = {Measure.MOOD: 0, Measure.ENERGY: 1, Measure.STRESS: 2}


class Day:
    """One calendar day of a person's reflections, merged (internal and mutable while built)."""

    __slots__ = (
        "done",
        "ordinal",
        "practices",
        "ratings",
        "self_ratings",
        "skipped",
        "wants_support",
    )

    def __init__(self, ordinal: int) -> None:
        self.ordinal = ordinal
        #: strategy id -> known minutes summed over the day's reflections (0 when none known)
        self.done: dict[str, int] = {}
        #: strategy id -> every done practice of it that day, in the order merged
        self.practices: dict[str, list[Practice]] = {}
        self.skipped: set[str] = set()
        #: sum and count of each rating: [mood_sum, energy_sum, stress_sum, mood_n, ...]
        self.ratings = [0, 0, 0, 0, 0, 0]
        self.self_ratings: dict[Category, list[int]] = {}
        self.wants_support = False

    def rating(self, index: int) -> float | None:
        """The day's mean of one rating (0 mood, 1 energy, 2 stress), or ``None``."""
        count = self.ratings[index + 3]
        return self.ratings[index] / count if count else None


def check_history(value: object, field: str = "history") -> tuple[Reflection, ...]:
    """Require a sequence of reflections; return it as a tuple."""
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise check.fail(field, f"expected a sequence of Reflection values, {check.got(value)}")
    items = tuple(itertools.islice(value, MAX_HISTORY + 1))  # an endless iterable is cut short
    if len(items) > MAX_HISTORY:
        raise check.fail(field, f"expected at most {MAX_HISTORY} reflections, got more; pass fewer")
    for position, item in enumerate(items):
        if not isinstance(item, Reflection):
            raise check.fail(f"{field}[{position}]", f"expected a Reflection, {check.got(item)}")
    return items


def check_optional_date(field: str, value: object) -> dt.date | None:
    """Require ``None`` or a calendar date; return it as a stdlib date."""
    return None if value is None else check.check_date(field, value)


def check_count(field: str, value: object, low: int, high: int) -> int:
    """Require an integer in ``[low, high]``; return it."""
    check.check_int(field, value, low, high)
    result: int = value  # type: ignore[assignment]
    return result


class Window(NamedTuple):
    """The days an insight looks at: the merged days in it, and its first and last day.

    ``first`` and ``last`` are date ordinals, both ``None`` when there is nothing to look at.
    """

    days: dict[int, Day]
    first: int | None
    last: int | None


def window(
    history: object, at: object, days: object, *, default: int | None = None, before: int = 0
) -> Window:
    """The days up to ``at`` that an insight looks at: the last ``days`` of them.

    ``at`` is a zoned instant: reflections after it are left out, and the last day is its
    local date. Without it, the last day is the last day with a reflection. ``days`` counts
    back from the last day (the ``default`` when ``None``; all the days, from the first
    with a reflection, when that is ``None`` too). With no reflection and no count there is
    nothing to look at: both ends are ``None``. The days merged include ``before`` more days
    before the first, for figures (rolling means) that look back from each day.
    """
    reflections = check_history(history)
    count = default if days is None else check_count("days", days, 1, MAX_SPAN)
    if at is None:
        collected = collect(reflections)
        last = max(collected, default=None)
    else:
        now = check_zoned("at", at)
        collected = up_to(reflections, now)
        last = dt.date.toordinal(now)
    if last is None or (count is None and not collected):
        return Window({}, None, None)
    first = min(min(collected), last) if count is None else last - count + 1
    return Window({o: d for o, d in collected.items() if o >= first - before}, first, last)


def up_to(reflections: Iterable[Reflection], at: dt.datetime) -> dict[int, Day]:
    """The days of the reflections written at or before the instant ``at``, up to its date."""
    stamp = at.timestamp()
    return collect((r for r in reflections if r.at.timestamp() <= stamp), dt.date.toordinal(at))


def between(days: Mapping[int, Day], first: int, last: int) -> Window:
    """The window of already merged days from ``first`` to ``last`` (date ordinals)."""
    return Window({o: d for o, d in days.items() if first <= o <= last}, first, last)


def collect(reflections: Iterable[Reflection], until: int | None = None) -> dict[int, Day]:
    """Merge reflections into days keyed by date ordinal, none after ``until``.

    The reflections are those written at or before the instant whose local date is
    ``until``; one whose own date is later (written where it was already the next day)
    counts on ``until``, since it was not written in the future.
    """
    days: dict[int, Day] = {}
    for reflection in reflections:
        ordinal = dt.date.toordinal(reflection.at)
        if until is not None and ordinal > until:
            ordinal = until
        day = days.get(ordinal)
        if day is None:
            day = days[ordinal] = Day(ordinal)
        _merge(day, reflection)
    for day in days.values():
        if day.skipped:
            day.skipped.difference_update(day.done)
    return days


def _merge(day: Day, reflection: Reflection) -> None:
    done = day.done
    for practice in reflection.practised:
        sid = practice.strategy_id
        if practice.is_done:
            done[sid] = done.get(sid, 0) + (practice.minutes or 0)
            kept = day.practices.get(sid)
            if kept is None:
                day.practices[sid] = [practice]
            else:
                kept.append(practice)
        else:
            day.skipped.add(sid)
    ratings = reflection.ratings
    sums = day.ratings
    for index, value in enumerate((ratings.mood, ratings.energy, ratings.stress)):
        if value is not None:
            sums[index] += value
            sums[index + 3] += 1
    for category, score in reflection.self_ratings.items():
        pair = day.self_ratings.setdefault(category, [0, 0])
        pair[0] += score
        pair[1] += 1
    if reflection.wants_support:
        day.wants_support = True


def minutes_of(day: Day, strategy_id: str, catalog: Catalog | None) -> int:
    """Minutes spent on a strategy that day: the known minutes, else the catalog's typical."""
    known = day.done.get(strategy_id, 0)
    if known or catalog is None:
        return known
    strategy = catalog._strategy_index.get(strategy_id)
    return 0 if strategy is None else strategy.minutes


def span(first: int, last: int, field: str) -> None:
    """Refuse to walk more than :data:`MAX_SPAN` calendar days one by one."""
    if last - first + 1 > MAX_SPAN:
        raise check.fail(
            field,
            f"expected at most {MAX_SPAN} days (ten years) between the first day and the "
            "last; pass fewer 'days' or an earlier 'at'",
        )


def to_date(ordinal: int) -> dt.date:
    """The stdlib date of an ordinal."""
    return dt.date.fromordinal(ordinal)


def by_strategy(days: Mapping[int, Day]) -> dict[str, tuple[list[int], list[int]]]:
    """Each strategy's done and skipped day ordinals, both ascending, in one pass."""
    found: dict[str, tuple[list[int], list[int]]] = {}
    for ordinal in sorted(days):
        day = days[ordinal]
        for sid in day.done:
            entry = found.get(sid)
            if entry is None:
                entry = found[sid] = ([], [])
            entry[0].append(ordinal)
        for sid in sorted(day.skipped):  # a set: sort so the result's order is stable
            entry = found.get(sid)
            if entry is None:
                entry = found[sid] = ([], [])
            entry[1].append(ordinal)
    return found
