"""Decision records: what a recommendation offered, from which candidates, with what chance.

A :class:`Decision` is what a micro-randomized study logs at each decision point: the instant,
every candidate with its features and score, what was offered, and each candidate's
probability of being offered under the policy (its propensity). With the propensities, a
later outcome (was the strategy done that day? the next mood?) tells what a different
policy would have achieved: see :func:`~selfcare.evaluate_policy`.
"""

from __future__ import annotations

import math
from typing import Any

import attrs
import pendulum

from selfcare._core import checks as check
from selfcare._core.reprs import counted
from selfcare._insights.recommend.features import FeatureRow
from selfcare._insights.recommend.policies import MAX_DRAWS, MAX_K
from selfcare._time.zoned import to_at, zoned_key

__all__ = ["Candidate", "Decision"]


_UNIT = check.number_in(0, 1)


def _features(_inst: object, attribute: Any, value: Any) -> None:
    check.check_instance(attribute.name, value, FeatureRow)


@attrs.frozen
class Candidate:
    """One strategy that could have been offered, as a decision saw it.

    Attributes:
        features: its features at the decision.
        score: the policy's score for it with the decision's seed, from 0 to 1.
        probability: its probability of being offered under the policy, from 0 to 1.

    Example:
        >>> candidate = Candidate(FeatureRow("short-walk", Category.PHYSICAL), 0.6, 0.25)
        >>> candidate.strategy_id, candidate.probability
        ('short-walk', 0.25)
    """

    features: FeatureRow = attrs.field(validator=_features)
    score: float = attrs.field(validator=_UNIT)
    probability: float = attrs.field(validator=_UNIT)

    @property
    def strategy_id(self) -> str:
        """The id of the candidate strategy."""
        return self.features.strategy_id


def _seed(_inst: object, attribute: Any, value: Any) -> None:
    check.check_seed(value)


@attrs.frozen
class Decision:
    """One logged recommendation: the candidates, what was offered and each one's chance.

    It holds no text a person wrote: only ids, numbers and the instant. The same inputs and
    seed give the same decision, so a log can be checked by computing it again.

    Attributes:
        at: when the decision was made, in the person's zone.
        policy: the id of the policy that scored the candidates (``"score"`` and
            ``"thompson"`` for the built-in ones).
        seed: the seed the policy was given.
        k: how many strategies were asked for.
        diversity: the diversity penalty of the pick.
        candidates: every eligible strategy, in catalog order, with its features, score and
            probability of being offered.
        offered: the ids of the strategies offered, best first.
        draws: 0 when the probabilities are exact; otherwise how many seeds they were
            estimated from.

    Example:
        >>> walk = Candidate(FeatureRow("short-walk", Category.PHYSICAL), 0.7, 1.0)
        >>> note = Candidate(FeatureRow("one-gratitude", Category.EMOTIONAL), 0.4, 0.0)
        >>> decision = Decision(pendulum.datetime(2026, 1, 5, 19), "score", 0, 1, 0.15,
        ...                     [walk, note], ["short-walk"], 0)
        >>> decision.probability("one-gratitude"), decision.error
        (0.0, 0.0)
    """

    at: pendulum.DateTime = attrs.field(converter=to_at, eq=zoned_key)
    policy: str = attrs.field(validator=check.slug)
    seed: int = attrs.field(validator=_seed)
    k: int = attrs.field(validator=check.int_in(1, MAX_K))
    diversity: float = attrs.field(validator=check.number_in(0, 100))
    candidates: tuple[Candidate, ...] = attrs.field(converter=check.to_tuple, repr=counted)
    offered: tuple[str, ...] = attrs.field(converter=check.to_tuple)
    draws: int = attrs.field(validator=check.int_in(0, MAX_DRAWS))

    def __attrs_post_init__(self) -> None:
        check.check_list("candidates", self.candidates, "candidates")
        for i, candidate in enumerate(self.candidates):
            check.check_instance(f"candidates[{i}]", candidate, Candidate)
        check.check_list("offered", self.offered, "ids")
        ids = [c.strategy_id for c in self.candidates]
        if len(set(ids)) != len(ids):
            raise check.fail("candidates", "expected each strategy once")
        known = set(ids)
        for i, sid in enumerate(self.offered):
            check.check_slug(f"offered[{i}]", sid)
            if sid not in known:
                raise check.fail(f"offered[{i}]", f"expected one of the candidates, got {sid!r}")
        if len(set(self.offered)) != len(self.offered):
            raise check.fail("offered", "expected each strategy once")
        expected = min(self.k, len(ids))
        if len(self.offered) != expected:
            raise check.fail(
                "offered",
                f"expected {expected} strategies (k, or every candidate when fewer), "
                f"got {len(self.offered)}",
            )
        total = math.fsum(c.probability for c in self.candidates)
        if abs(total - expected) > 1e-6 * max(1, expected):
            raise check.fail(
                "candidates",
                f"expected probabilities that sum to the number offered ({expected}), "
                f"got a sum of {total:.6g}",
            )

    @property
    def exact(self) -> bool:
        """Whether the probabilities are exact rather than estimated from draws."""
        return self.draws == 0

    @property
    def error(self) -> float:
        """The largest standard error any probability can have: ``1 / (2 * sqrt(draws))``."""
        return 0.0 if self.draws == 0 else 0.5 / math.sqrt(self.draws)

    def candidate(self, strategy_id: str) -> Candidate:
        """The candidate with this strategy id.

        Raises:
            ValidationError: no candidate has that id.
        """
        for candidate in self.candidates:
            if candidate.strategy_id == strategy_id:
                return candidate
        check.check_slug("strategy_id", strategy_id)
        raise check.fail("strategy_id", f"expected one of the candidates, got {strategy_id!r}")

    def probability(self, strategy_id: str) -> float:
        """The probability that the strategy with this id was offered."""
        return self.candidate(strategy_id).probability

    def standard_error(self, strategy_id: str) -> float:
        """The standard error of a probability: ``sqrt(p * (1 - p) / draws)``; 0 when exact."""
        p = self.probability(strategy_id)
        return 0.0 if self.draws == 0 else math.sqrt(p * (1 - p) / self.draws)
