"""A plan's rituals, fitted to the person: their exclusions, their days and the ramp.

A step whose strategy the person excludes (by category or tag, or not meant for their role)
is replaced by the first of the step's alternatives they allow; a ritual with a step that
nothing allowed can stand in for is left out, and the plan says why. A ritual at a time of
day goes on every weekday whose minutes hold it beside the rituals before it, starting in
the first week from which every week's share of the day (see :mod:`.ramp`) holds it beside
the rituals already there, on all those days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from selfcare._core.describe import minutes_phrase
from selfcare._model.catalog import Catalog
from selfcare._model.profiles import Profile
from selfcare._model.rituals import AnchorKind, Ritual, RitualStep
from selfcare._model.strategies import Strategy
from selfcare._plans.ramp import RAMP, ramp_cap
from selfcare._time.calendar import Weekday
from selfcare._time.recurrence import Recurrence

__all__ = ["FittedRituals", "allowed", "fit_rituals", "in_sentence"]


def allowed(profile: Profile, strategy: Strategy) -> bool:
    """Whether a strategy may be offered to the person at all."""
    return (
        strategy.is_for(profile.role)
        and strategy.category in profile.allowed_categories
        and not strategy.tags & profile.excluded_tags
    )


def in_sentence(name: str) -> str:
    """A name inside a sentence: ``Daily reflection`` → ``daily reflection`` (not ``ADHD``)."""
    first = name.split(" ", 1)[0]
    return name if first.isupper() and len(first) > 1 else name[:1].lower() + name[1:]


@attrs.frozen
class FittedRituals:
    """The rituals a plan holds, what they take from each day, and what could not be fitted.

    ``minutes[stage][weekday]`` is what the rituals at a time of day take.
    """

    rituals: tuple[Ritual, ...]
    minutes: list[list[int]]
    shortfall: tuple[str, ...]


def fit_rituals(
    profile: Profile, catalog: Catalog, first: dt.date, workdays: Sequence[int], *, on: bool
) -> FittedRituals:
    """The catalog's rituals for the person, with their steps, days and starting week."""
    stages = len(RAMP)
    minutes = [[0] * 7 for _ in range(stages)]
    placed: list[Ritual] = []
    short: list[str] = []
    for ritual in catalog.rituals_for(profile.role) if on else ():
        fitted, why = _with_steps_allowed(profile, catalog, ritual)
        if fitted is None:
            short.append(why)
            continue
        if fitted.anchor.kind is not AnchorKind.AT_TIME:  # placed by the workday planner
            placed.append(attrs.evolve(fitted, recurrence=_on_days(workdays, first, 0)))
            continue
        full = [d for d in range(7) if minutes[-1][d] + fitted.minutes <= profile.daily_minutes[d]]
        short += _days_missed(profile, fitted, full)
        if not full:
            continue
        stage = next(
            s
            for s in range(stages)
            if all(
                minutes[later][d] + fitted.minutes <= ramp_cap(later, profile.daily_minutes[d])
                for later in range(s, stages)
                for d in full
            )
        )
        for s in range(stage, stages):
            for d in full:
                minutes[s][d] += fitted.minutes
        placed.append(attrs.evolve(fitted, recurrence=_on_days(full, first, stage)))
    return FittedRituals(tuple(placed), minutes, tuple(short))


def _with_steps_allowed(
    profile: Profile, catalog: Catalog, ritual: Ritual
) -> tuple[Ritual | None, str]:
    """The ritual with excluded steps replaced, or ``None`` and why it is left out."""
    steps: list[RitualStep] = []
    for step in ritual.steps:
        strategy = catalog.strategy(step.strategy_id)
        if allowed(profile, strategy):
            chosen = step
        else:
            stand_in = next(
                (
                    sid
                    for sid in step.alternatives
                    if allowed(profile, catalog.strategy(sid))
                    and sid not in {s.strategy_id for s in steps}
                    and sid not in ritual.strategy_ids
                ),
                None,
            )
            if stand_in is None:
                return None, (
                    f"the {in_sentence(ritual.name)} is left out: its step "
                    f"'{in_sentence(strategy.name)}' is something you excluded, and nothing you "
                    "allow stands in for it"
                )
            chosen = RitualStep(stand_in, step.minutes)
        steps.append(chosen)
    if tuple(steps) == ritual.steps:
        return ritual, ""
    return attrs.evolve(ritual, steps=steps), ""


def _days_missed(profile: Profile, ritual: Ritual, days: Sequence[int]) -> list[str]:
    """What a ritual at a time of day could not be given: every day with time, or any day."""
    wanted = [d for d in range(7) if profile.daily_minutes[d]]
    if len(days) == len(wanted):
        return []
    name = in_sentence(ritual.name)
    if not days:
        return [
            f"the {name} ({minutes_phrase(ritual.minutes)}) fits on no day; give a day at least "
            f"{minutes_phrase(ritual.minutes)} for it"
        ]
    missed = ", ".join(Weekday(d).name.title() for d in wanted if d not in days)
    return [f"the {name} ({minutes_phrase(ritual.minutes)}) does not fit on {missed}"]


def _on_days(days: Sequence[int], first: dt.date, stage: int) -> Recurrence:
    start = None if not stage else first + dt.timedelta(weeks=stage)
    if len(days) == 7:
        return Recurrence.daily(start=start)
    return Recurrence.weekly((Weekday(d) for d in days), start=start)
