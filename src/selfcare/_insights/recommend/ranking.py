"""The hot loop of :func:`~selfcare.recommend`: score every eligible strategy, pick the top k.

The strategies of a catalog meant for a role are first laid out as rows grouped by category
and effort (:class:`CatalogRows`, built once per catalog and role, and remembered while the
catalog lives), so a call only visits the strategies of the allowed categories meant for
the person's role. Per strategy it then starts from one number per category that covers
the common case and corrects it with a few set tests and additions computed beforehand: per
distinct matching benefit set, and per strategy found in the history. The top ``k`` of each
category come from ``heapq.nlargest``; a greedy pass over those heads applies the diversity
penalty.

Exploration takes one random byte per catalog position from ``random.Random(seed)`` and
reads it as a standard normal quantised to 256 levels (:data:`QUANTILES`, the normal's
quantiles at (j + 0.5) / 256): coarse, but more than fine enough for Thompson sampling, and
cheap enough to give every strategy its own sample.
"""

from __future__ import annotations

import heapq
import random
from collections import Counter
from collections.abc import Sequence
from operator import attrgetter
from statistics import NormalDist

from selfcare._insights.recommend.scoring import EFFECT_SCALE, PRIOR_SD, Context, clip
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Benefit, Category, Effort, Role
from selfcare._model.strategies import Strategy

#: The standard normal's quantiles at (j + 0.5) / 256: a random byte j reads as QUANTILES[j].
QUANTILES = tuple(NormalDist().inv_cdf((j + 0.5) / 256) for j in range(256))


#: One strategy in the hot loop: its position in the catalog, tags, benefits and minutes.
Row = tuple[int, frozenset[str], frozenset[Benefit], int]


class CatalogRows:
    """The strategies of a catalog meant for one role, as rows grouped by category and effort.

    Each group is in catalog order. Built in one pass over the catalog, which skips the
    strategies for the other role only: a catalog used once, for one person, lays out only
    what that person's ranking reads.
    """

    __slots__ = ("counts", "groups", "positions")

    def __init__(self, strategies: tuple[Strategy, ...], role: Role) -> None:
        #: strategies per category, for either role
        self.counts: Counter[Category] = Counter(map(_CATEGORY, strategies))
        self.groups: dict[tuple[Category, Effort], list[Row]] = {}
        #: the position of each strategy for the role, by id
        self.positions: dict[str, int] = {}
        for position, s in enumerate(strategies):
            if role in s.roles:
                self.positions[s.id] = position
                row = (position, s.tags, s.benefits, s.minutes)
                group = self.groups.get((s.category, s.effort))
                if group is None:
                    self.groups[s.category, s.effort] = [row]
                else:
                    group.append(row)


_CATEGORY = attrgetter("category")


def rows_of(catalog: Catalog, role: Role) -> CatalogRows:
    """The rows of a catalog for ``role``, laid out on first use and kept with the catalog."""
    return catalog._derived(
        f"ranking-rows-{role.value}", lambda: CatalogRows(catalog.strategies, role)
    )


class Ranking:
    """The scores of every eligible strategy, and how many were left out and why.

    ``scores[i]`` is the score of ``strategies[i]``; ``pools`` holds, per allowed
    category, the positions of the eligible strategies in catalog order; when exploring,
    :meth:`draw` gives the effect sampled for a position, in points.
    """

    def __init__(self, context: Context, seed: int | None) -> None:
        self.context = context
        self.strategies = strategies = context.catalog.strategies
        self.scores = [0.0] * len(strategies)
        self.pools: dict[Category, list[int]] = {
            c: [] for c in Category if c in context.profile.allowed_categories
        }
        self.noise = None if seed is None else random.Random(seed).randbytes(len(strategies))
        self.excluded = self._score()
        self.eligible = sum(len(pool) for pool in self.pools.values())

    def draw(self, position: int) -> float | None:
        """The effect sampled for the strategy at ``position``, or ``None`` if not exploring."""
        if self.noise is None:
            return None
        stats = self.context.stats.get(self.strategies[position].id)
        mean, sd = (0.0, PRIOR_SD) if stats is None else (stats.mean, stats.sd)
        return mean + sd * QUANTILES[self.noise[position]]

    def _score(self) -> dict[str, int]:
        ctx, w = self.context, self.context.w
        profile = ctx.profile
        w_goal, w_values, w_fit = w["goal"], w["values"], w["fits_time"]
        scores, pools = self.scores, self.pools
        timely = w["time_of_day"] * (1.0 if ctx.preferred else 0.5)
        # The common case folded into one number per allowed category: the effect's offset
        # (so scores start at 0), neglect, a timely part of the day, fitting the time left
        # and the full variety of a strategy not in the history. The loop corrects it where a
        # strategy differs; the history and exploration are added afterwards.
        categories = {
            c: w["effect"] + w["neglected"] * ctx.neglected(c) + timely + w_fit + w["variety"]
            for c in pools
        }
        untimely, excluded, values = ctx.untimely, profile.excluded_tags, profile.values
        special = untimely | excluded | values  # most tag sets miss all three: one test
        goals, goal = ctx.goals, ctx.goal
        goal_cache: dict[frozenset[Benefit], float] = {}
        role, left = profile.role, ctx.minutes_left
        efforts = [e for e in Effort if e not in ctx.blocked]
        rows = rows_of(ctx.catalog, role)
        n_cat = sum(count for c, count in rows.counts.items() if c not in categories)
        n_role = n_effort = n_tag = 0
        for category, base in categories.items():
            pool = pools[category]
            append = pool.append
            eligible = 0
            for effort in Effort:
                group = rows.groups.get((category, effort), ())
                eligible += len(group)
                if effort not in efforts:
                    n_effort += len(group)
                    continue
                for i, tags, benefits, minutes in group:
                    score = base
                    if not tags.isdisjoint(special):
                        if not tags.isdisjoint(excluded):
                            n_tag += 1
                            continue
                        if not tags.isdisjoint(untimely):
                            score -= timely
                        if not tags.isdisjoint(values):
                            score += w_values * ctx.values(tags)
                    if not benefits.isdisjoint(goals):
                        g = goal_cache.get(benefits)
                        if g is None:
                            g = goal_cache[benefits] = w_goal * goal(benefits)
                        score += g
                    if minutes > left:
                        score -= w_fit - w_fit * left / minutes
                    scores[i] = score
                    append(i)
            n_role += rows.counts.get(category, 0) - eligible
            if len(efforts) > 1:
                pool.sort()  # the effort groups, each in catalog order, merged back
        self._add_history(rows)
        return {"category": n_cat, "role": n_role, "effort": n_effort, "tag": n_tag}

    def _add_history(self, rows: CatalogRows) -> None:
        """Add what the history says: each practised strategy's own part, and samples."""
        ctx, w, scores, noise = self.context, self.context.w, self.scores, self.noise
        w_effect, variety = w["effect"], w["variety"]
        known = [(rows.positions.get(sid), stats) for sid, stats in ctx.stats.items()]
        for position, stats in known:
            if position is not None:  # an ineligible strategy's score is never read
                scores[position] += (
                    (0.0 if noise is not None else w_effect * ctx.effect(stats))
                    + w["momentum"] * stats.habit
                    + variety * (ctx.variety(stats) - 1.0)
                )
        if noise is None:
            return
        # Exploring: each eligible strategy's effect is a sample, read from its random byte.
        # Every one first gets the prior's sample, scaled and clipped; the strategies with a
        # history then swap it for a sample from their posterior.
        prior = [w_effect * clip(PRIOR_SD * q / EFFECT_SCALE) for q in QUANTILES]
        for pool in self.pools.values():
            for i in pool:
                scores[i] += prior[noise[i]]
        for position, stats in known:
            if position is not None:
                sample = stats.mean + stats.sd * QUANTILES[noise[position]]
                scores[position] += w_effect * clip(sample / EFFECT_SCALE) - prior[noise[position]]

    def top(self, k: int) -> list[int]:
        """The positions of the top ``k``, picked greedily with the diversity penalty.

        In the order they were picked; :func:`rank` lists them by score.
        """
        key = self.scores.__getitem__
        heads = [heapq.nlargest(k, pool, key=key) for pool in self.pools.values() if pool]
        return diverse(heads, self.scores, k, self.context.diversity)


def diverse(
    heads: Sequence[Sequence[int]], scores: Sequence[float], k: int, diversity: float
) -> list[int]:
    """Pick ``k`` greedily from per-category lists, each best first, with a diversity penalty.

    Each time, the head with the highest ``score - diversity * (picked from its list
    already)``; ties go to the lower index. In the order picked.
    """
    taken = [0] * len(heads)
    picked: list[int] = []
    while len(picked) < k:
        choice: tuple[float, int, int] | None = None
        for group, order in enumerate(heads):
            count = taken[group]
            if count == len(order):
                continue
            index = order[count]
            adjusted = scores[index] - diversity * count
            # The highest adjusted score wins; on a tie, the earlier index.
            if choice is None or (adjusted, -index) > (choice[0], -choice[1]):
                choice = (adjusted, index, group)
        if choice is None:
            break
        picked.append(choice[1])
        taken[choice[2]] += 1
    return picked
