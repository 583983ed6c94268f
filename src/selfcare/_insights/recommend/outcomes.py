"""Outcomes of logged decisions, read from the reflections that followed them.

:func:`decision_outcomes` gives each offered strategy of a :class:`~selfcare.Decision` its
outcome: whether it was done that day (a proximal outcome), or the next mood. These are what
:func:`~selfcare.evaluate_policy` reweighs.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from typing import TypeVar

import pendulum

from selfcare._core import checks as check
from selfcare._core.errors import ValidationError
from selfcare._core.frozenmap import FrozenMap
from selfcare._core.vocabulary import Vocabulary
from selfcare._insights.days import check_history
from selfcare._insights.recommend.decisions import Decision
from selfcare._model.reflections import PracticeStatus, Reflection

__all__ = ["Outcome", "decision_outcomes"]

#: How long after a decision a mood still counts as its outcome, in hours.
MOOD_HOURS = 24
#: A window surely longer than any local day of the tz database (in hours).
DAY_WINDOW_HOURS = 50

Outcomes = Mapping[str, float]
V = TypeVar("V", bound=Vocabulary)


class Outcome(Vocabulary):
    """What counts as the outcome of an offered strategy (see :func:`decision_outcomes`).

    ``DONE``: 1 when the strategy was done on the decision's local day, at or after the
    decision, else 0. ``MOOD``: the mood of the first reflection with one after the decision,
    within 24 hours; for decisions offering one strategy only.

    Example:
        >>> Outcome.parse("Mood")
        <Outcome.MOOD: 'mood'>
    """

    DONE = "done"
    MOOD = "mood"


def decision_outcomes(
    decisions: Iterable[Decision],
    history: Iterable[Reflection],
    *,
    outcome: Outcome | str = Outcome.DONE,
) -> tuple[Outcomes | None, ...]:
    """The outcome of every offered strategy of each decision, from the person's reflections.

    With ``Outcome.DONE``, an offered strategy scores 1.0 when a reflection on the decision's
    local day (in the zone of ``decision.at``), at or after the decision, says it was done,
    else 0.0. With ``Outcome.MOOD``, it scores the mood rating of the first reflection with a
    mood strictly after the decision and at most 24 hours later; the decision has no outcome
    (``None``) when there is none. A mood is an outcome of the whole offer, so ``MOOD`` takes
    only decisions with ``k == 1``.

    Args:
        decisions: the logged decisions.
        history: the person's reflections, in any order.
        outcome: what counts as the outcome (an :class:`Outcome` or its name).

    Returns:
        One entry per decision, in order: a mapping from each offered strategy id to its
        outcome, or ``None`` when the decision has no outcome.

    Raises:
        ValidationError: an argument is not valid, or ``MOOD`` is asked of a decision with
            ``k`` above 1.

    Example:
        >>> at = pendulum.datetime(2026, 1, 5, 18, tz="Europe/London")
        >>> walk = Candidate(FeatureRow("short-walk", Category.PHYSICAL), 0.7, 1.0)
        >>> decision = Decision(at, "score", 0, 1, 0.15, [walk], ["short-walk"], 0)
        >>> later = Reflection(at=at.add(hours=3), author=Role.CLIENT, ratings=Ratings(mood=7),
        ...                    practised=[Practice.done("short-walk")])
        >>> decision_outcomes([decision], [later])
        ({'short-walk': 1.0},)
        >>> decision_outcomes([decision], [later], outcome="mood")
        ({'short-walk': 7.0},)
    """
    logged = check_decisions(decisions)
    reflections = sorted(check_history(history), key=lambda r: r.at)
    kind = parse(Outcome, "outcome", outcome)
    instants = [r.at for r in reflections]
    if kind is Outcome.DONE:
        return tuple(_done(d, reflections, instants) for d in logged)
    for i, d in enumerate(logged):
        if d.k != 1:
            raise check.fail(
                f"decisions[{i}]",
                f"expected k = 1 for the mood outcome, which belongs to the whole offer; this "
                f"decision has k = {d.k}; use Outcome.DONE for slates",
            )
    return tuple(_mood(d, reflections, instants) for d in logged)


def _done(
    decision: Decision, reflections: list[Reflection], instants: list[pendulum.DateTime]
) -> Outcomes:
    """1.0 for each offered strategy done on the decision's local day from then on, else 0."""
    day, zone = decision.at.date(), decision.at.tzinfo
    limit = decision.at.add(hours=DAY_WINDOW_HOURS)
    done: set[str] = set()
    for j in range(bisect.bisect_left(instants, decision.at), len(reflections)):
        if instants[j] >= limit:
            break
        if instants[j].astimezone(zone).date() == day:
            done.update(
                p.strategy_id for p in reflections[j].practised if p.status is PracticeStatus.DONE
            )
    return FrozenMap({sid: float(sid in done) for sid in decision.offered})


def _mood(
    decision: Decision, reflections: list[Reflection], instants: list[pendulum.DateTime]
) -> Outcomes | None:
    """The first mood within 24 hours after the decision, for each offered strategy."""
    limit = decision.at.add(hours=MOOD_HOURS)
    for j in range(bisect.bisect_right(instants, decision.at), len(reflections)):
        if instants[j] > limit:
            break
        mood = reflections[j].mood
        if mood is not None:
            return FrozenMap(dict.fromkeys(decision.offered, float(mood)))
    return None


def parse(kind: type[V], field: str, value: object) -> V:
    """A member of a vocabulary, the error naming ``field`` rather than ``text``."""
    try:
        return kind.parse(value)
    except ValidationError as error:
        raise check.fail(field, error.problems[0][1]) from None


def check_decisions(value: object) -> list[Decision]:
    found = check.check_list("decisions", value, "decisions")
    for i, decision in enumerate(found):
        check.check_instance(f"decisions[{i}]", decision, Decision)
    return found
