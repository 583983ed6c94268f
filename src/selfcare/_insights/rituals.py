"""A ritual as one habit: its strength and streaks, beside those of its steps.

On each day, a step counts as done when its strategy or one of its ``alternatives`` was done
that day, each strategy done standing for one step only (:meth:`~selfcare.Ritual.steps_done`,
as adherence counts rituals). The ritual is then

- **done** when at least :attr:`~selfcare.Ritual.steps_needed` steps were done;
- **skipped** (a deliberate skip: score and streak frozen) when it was not done, something
  was deliberately skipped, and every step not done was skipped (its strategy or one of its
  alternatives skipped), or when the day is inside a pause;
- a **miss** otherwise. A miss on which some steps were done, fewer than needed, is a
  partly done day (``days_partly``): it counts as a miss all the same.

The ritual's strength is the habit strength of :mod:`selfcare._insights.habits` over those
days: for a target of ``n`` times in ``w`` days (``target_of(target or ritual.recurrence)``),
every day not skipped ``score = m * score + (1 - m) * p`` with ``m = 0.5 ** (sqrt(n / w) / 13)``
and ``p = min(1, days done in the last w days / n)``; its streaks follow the rule of
:func:`~selfcare.streak`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence

import attrs

from selfcare._core import checks as check
from selfcare._insights.days import Day, Window, to_date, window
from selfcare._insights.habits import (
    HabitStrength,
    check_pauses,
    frozen_days,
    resting,
    rests_of,
    score_of,
    streak_of,
    strength_in,
    target_of,
)
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.pauses import Pause
from selfcare._model.reflections import Reflection
from selfcare._model.rituals import Ritual
from selfcare._time.calendar import Period
from selfcare._time.recurrence import Recurrence

__all__ = ["RitualHabit", "ritual_habit"]


@attrs.frozen
class RitualHabit:
    """How established a ritual is as one habit, with the strength of each of its steps.

    Attributes:
        ritual_id: the ritual scored.
        score: its habit strength at the end of ``last``, from 0 to 1.
        target_times: how many times the target asks for in every ``target_days`` days.
        target_days: the length of the target's rolling window in days.
        first: the first day counted, or ``None`` when there was nothing to count.
        last: the last day counted, or ``None`` when there was nothing to count.
        days_done: days on which at least ``steps_needed`` steps were done.
        days_partly: days missed on which some steps were done, but fewer than needed.
        days_skipped: days every step not done was deliberately skipped, or days in a
            pause on which the ritual was not done.
        current_streak: days done in the run that reaches ``last`` (skipped days freeze it).
        longest_streak: days done in the longest run.
        steps_needed: how many steps make the ritual done on a day.
        steps: each step's own habit strength (its strategy alone, not its alternatives)
            over the same days, with the same target and pauses, in the ritual's order.

    Example:
        >>> RitualHabit("daily-reflection", 0.5, 1, 1, None, None, 0, 0, 0, 0, 0, 2, ()).percent
        50
    """

    ritual_id: str
    score: float
    target_times: int
    target_days: int
    first: dt.date | None
    last: dt.date | None
    days_done: int
    days_partly: int
    days_skipped: int
    current_streak: int
    longest_streak: int
    steps_needed: int
    steps: tuple[HabitStrength, ...]

    def _repr_html_(self) -> str:
        """The ritual's habit strength as HTML for notebooks."""
        from selfcare._display.insights import ritual_habit_html

        return ritual_habit_html(self)

    @property
    def percent(self) -> int:
        """The score as a whole percentage."""
        return round(self.score * 100)


class DayKind(enum.Enum):
    """How a ritual went on a day (internal): done, skipped, partly done, or missed."""

    DONE = "done"
    SKIPPED = "skipped"
    PARTLY = "partly"
    MISSED = "missed"


def day_kind(ritual: Ritual, day: Day | None) -> DayKind:
    """How the ritual went on one merged day of reflections (``None``: no reflection).

    Done when :meth:`Ritual.steps_done` of the strategies done reaches
    :attr:`Ritual.steps_needed`; skipped when it does not, but every step is covered by a
    strategy done or deliberately skipped (matched one strategy to one step, as for done);
    partly done when some steps were done; else missed. Rests are the caller's to apply.
    """
    if day is None:
        return DayKind.MISSED
    steps_done = ritual.steps_done(day.done) if day.done else 0
    if steps_done >= ritual.steps_needed:
        return DayKind.DONE
    if day.skipped and ritual.steps_done(day.done.keys() | day.skipped) == len(ritual.steps):
        return DayKind.SKIPPED
    return DayKind.PARTLY if steps_done else DayKind.MISSED


def ritual_days(days: Mapping[int, Day], ritual: Ritual) -> tuple[list[int], list[int], list[int]]:
    """The days (ascending ordinals) the ritual was done, skipped, and partly done.

    See :func:`day_kind`. Pauses are not applied here: a partly done day may still fall in
    one.
    """
    found: dict[DayKind, list[int]] = {kind: [] for kind in DayKind}
    for ordinal in sorted(days):
        found[day_kind(ritual, days[ordinal])].append(ordinal)
    return found[DayKind.DONE], found[DayKind.SKIPPED], found[DayKind.PARTLY]


def _ritual_of(value: object, catalog: Catalog) -> Ritual:
    if isinstance(value, Ritual):
        return value
    if not isinstance(value, str):
        raise check.fail(
            "ritual",
            f"expected a Ritual or a ritual id such as 'daily-reflection', {check.got(value)}",
        )
    check.check_slug("ritual", value, "a ritual id")
    catalog.require_at(rituals=[("ritual", value)])
    return catalog.ritual(value)


def ritual_habit(
    history: Iterable[Reflection],
    ritual: Ritual | str,
    *,
    target: Recurrence | None = None,
    at: dt.datetime | None = None,
    days: int | None = None,
    pauses: Iterable[Pause | Period] = (),
    catalog: Catalog | None = None,
) -> RitualHabit:
    """Score how established a ritual is as one habit, beside each of its steps.

    On each day a step is done when its strategy or one of its alternatives was done. The
    ritual is done when at least ``ritual.steps_needed`` steps were; skipped (score and
    streak frozen) when every step not done was deliberately skipped, or the day is in a
    pause; otherwise missed, partly done when some steps were. Its strength is the habit
    strength of :func:`~selfcare.habit_strength` over those days: for ``n`` times in ``w``
    days, each day not skipped ``score = m * score + (1 - m) * p`` with
    ``m = 0.5 ** (sqrt(n / w) / 13)`` and ``p = min(1, days done in the last w days / n)``;
    its streaks follow :func:`~selfcare.streak`.

    Args:
        history: the person's reflections, in any order.
        ritual: the ritual, or the id of one in the catalog.
        target: how often the person means to keep it (default: the ritual's recurrence);
            see :func:`~selfcare.habit_strength`.
        at: now, as a zoned instant: reflections after it are left out, and its local date
            is the last day counted (default: the last day with a reflection).
        days: how many days to count, up to the last (default: all).
        pauses: rests, as a plan's ``plan.pauses`` or as periods (see
            :func:`~selfcare.habit_strength`).
        catalog: the catalog the ritual id and the steps' strategies must be in (default:
            the built-in one); it tells which steps are measured.

    Returns:
        The ritual's strength and streaks, with each step's own strength.

    Raises:
        UnknownIdError: the catalog has no such ritual, or no strategy of one of its steps.
        ValidationError: an argument is not valid.

    Example:
        Two of the three steps of a morning ritual are enough; the person did the first two
        every day for three weeks, then only the first for a week:

        >>> morning = Ritual(
        ...     id="morning-start", name="Morning start",
        ...     steps=[RitualStep("short-walk", 10), RitualStep("mindful-breathing", 3),
        ...            RitualStep("one-gratitude", 2)],
        ...     anchor=Anchor.at(datetime.time(7)), recurrence=Recurrence.daily(),
        ...     roles={Role.CLIENT}, done_at_least=2,
        ... )
        >>> history = [
        ...     Reflection(at=pendulum.datetime(2026, 3, 2, 8, tz="UTC").add(days=n),
        ...                author=Role.CLIENT,
        ...                practised=[Practice.done("short-walk")]
        ...                + ([Practice.done("mindful-breathing")] if n < 21 else []))
        ...     for n in range(28)
        ... ]
        >>> found = ritual_habit(history, morning)
        >>> found.days_done, found.days_partly, found.current_streak, found.longest_streak
        (21, 7, 0, 21)
        >>> found.percent, [step.percent for step in found.steps]
        (46, [78, 46, 0])
    """
    looked_at = window(history, at, days)
    catalog = catalog_or_default(catalog)
    chosen = _ritual_of(ritual, catalog)
    target_days = target_of(chosen.recurrence if target is None else target)
    rested = check_pauses(pauses)
    catalog.require_at(
        strategies=[
            (f"ritual.steps[{n}].strategy_id", step.strategy_id)
            for n, step in enumerate(chosen.steps)
        ]
    )
    return ritual_in(looked_at, chosen, target_days, catalog, rested)


def ritual_in(
    looked_at: Window,
    chosen: Ritual,
    target: tuple[int, int],
    catalog: Catalog,
    rested: Sequence[Period],
) -> RitualHabit:
    """A ritual's habit over a window of days (internal: the arguments are checked)."""
    times, per = target
    steps = tuple(
        strength_in(
            looked_at,
            step.strategy_id,
            (times, per),
            strategy=catalog.strategy(step.strategy_id),
            pauses=rested,
        )
        for step in chosen.steps
    )
    first, last = looked_at.first, looked_at.last
    if first is None or last is None:
        return RitualHabit(
            chosen.id, 0.0, times, per, None, None, 0, 0, 0, 0, 0, chosen.steps_needed, steps
        )
    days_in = {o: d for o, d in looked_at.days.items() if first <= o <= last}
    done, skipped, partly = ritual_days(days_in, chosen)
    rests = rests_of(rested, first, last)
    current, longest, _ = streak_of(done, skipped, last, rests=rests)
    return RitualHabit(
        ritual_id=chosen.id,
        score=score_of(done, skipped, first, last, times, per, rests=rests),
        target_times=times,
        target_days=per,
        first=to_date(first),
        last=to_date(last),
        days_done=len(done),
        days_partly=sum(1 for d in partly if not resting(rests, d, d)) if rests else len(partly),
        days_skipped=frozen_days(done, skipped, rests),
        current_streak=current,
        longest_streak=longest,
        steps_needed=chosen.steps_needed,
        steps=steps,
    )
