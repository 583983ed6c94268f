"""The reasons behind each recommendation, with the figures behind them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from selfcare._insights import reasons as explain
from selfcare._insights.reasons import LOW_RATING
from selfcare._insights.recommend.scoring import MOMENTUM_REASON, RECENT_DAYS, Context
from selfcare._model.categories import Benefit
from selfcare._model.reasons import Reason
from selfcare._model.strategies import Strategy

if TYPE_CHECKING:
    from selfcare._insights.recommend.recommend import Recommendation


def reasons_for(
    ctx: Context, s: Strategy, parts: Mapping[str, float], draw: float | None
) -> tuple[Reason, ...]:
    """Why a strategy was recommended, the weightiest reason first (support always first)."""
    w, stats = ctx.w, ctx.stats.get(s.id)
    found: list[tuple[float, Reason]] = []

    def add(part: str, reason: Reason) -> None:
        found.append((w[part] * abs(parts[part]), reason))

    goals = [b for b in Benefit if b in s.benefits and b in ctx.profile.goals]
    if goals:
        add("goal", explain.goal(goals))
    if parts["neglected"]:
        add("neglected", explain.neglected_category(ctx.balance, s.category))
        rating = ctx.balance.self_ratings.get(s.category)
        if rating is not None and rating <= LOW_RATING:
            add("neglected", explain.low_self_rating(s.category, rating))
    best = max(stats.effects, key=lambda pair: pair[0], default=None) if stats else None
    if best is not None and best[0] > 0 and (draw is not None or parts["effect"] > 0):
        add("effect", explain.helped_before(best[1], s.name))
    elif draw is not None and draw > 0 and (stats is None or not stats.effects):
        add("effect", explain.exploration(0 if stats is None else stats.days_done, draw))
    if stats is not None and stats.habit >= MOMENTUM_REASON:
        add("momentum", explain.habit_momentum(stats.habit, stats.streak))
    if s.minutes <= ctx.minutes_left:
        add("fits_time", explain.fits_time(s, s.minutes, ctx.minutes_left))
    if ctx.profile.preferred_times and ctx.preferred and parts["time_of_day"]:
        add("time_of_day", explain.preferred_time(ctx.time_of_day))
    values = sorted(s.tags & ctx.profile.values)
    if values:
        add("values", explain.matches_value(values))
    if parts["variety"] == 1.0 and s.minutes <= ctx.minutes_left:
        add("variety", explain.variety(RECENT_DAYS))
    found.sort(key=lambda entry: -entry[0])
    reasons = [reason for _, reason in found]
    if ctx.strain is not None and Benefit.PREVENTS_BURNOUT in s.benefits:
        reasons.insert(0, explain.workload_strain(ctx.strain))
    if ctx.advisory.advised:
        reasons.insert(0, explain.support(ctx.advisory, ctx.profile.role))
    if not reasons:
        reasons.append(explain.category_balance(s.category))
    return tuple(reasons)


def shortfall(
    items: Sequence[Recommendation],
    k: int,
    total: int,
    excluded: Mapping[str, int],
    minutes_left: int,
) -> str | None:
    """Why fewer than ``k`` strategies are recommended, or why none fits the time left today."""
    fewer = _fewer(len(items), k, total, excluded)
    if items and all(r.strategy.minutes > minutes_left for r in items):
        left = (
            "no minutes are left for self-care today"
            if minutes_left <= 0
            else f"only {minutes_left} minute{'' if minutes_left == 1 else 's'} "
            "for self-care are left today"
        )
        fits = f"{left}, and none of these fits in that time; keep them for another day"
        return fits if fewer is None else f"{fewer}; {fits}"
    return fewer


def _fewer(found: int, k: int, total: int, excluded: Mapping[str, int]) -> str | None:
    if found >= k:
        return None
    why = {
        "role": "meant for another role",
        "category": "in a category left out for this person",
        "tag": "tagged with something the person excluded",
        "effort": "more effort than suits while support is advised",
    }
    parts = [f"{excluded[key]} {why[key]}" for key in why if excluded.get(key)]
    if not parts:
        return f"the catalog holds only {total} strateg{'y' if total == 1 else 'ies'}"
    return f"only {found} of the {total} strategies can be offered; " + ", ".join(parts)
