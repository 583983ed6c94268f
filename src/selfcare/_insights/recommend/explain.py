"""The reasons behind each recommendation, with the figures behind them."""

from __future__ import annotations

from collections.abc import Mapping

from selfcare._core import checks as check
from selfcare._insights.balance import CategoryBalance
from selfcare._insights.recommend.scoring import BALANCE_DAYS, MOMENTUM_REASON, RECENT_DAYS, Context
from selfcare._model.categories import Benefit, Category, Role
from selfcare._model.reasons import Fact, Reason, ReasonCode
from selfcare._model.strategies import Strategy


def _sentence(text: str) -> str:
    """A reason's text, shortened to the 200 characters a reason allows."""
    return text if len(text) <= check.MAX_NAME else text[: check.MAX_NAME - 3].rstrip() + "..."


def reasons_for(
    ctx: Context, s: Strategy, parts: Mapping[str, float], draw: float | None
) -> tuple[Reason, ...]:
    """Why a strategy was recommended, the weightiest reason first (support always first)."""
    w, stats = ctx.w, ctx.stats.get(s.id)
    found: list[tuple[float, ReasonCode, str, dict[str, Fact]]] = []

    def add(part: str, code: ReasonCode, text: str, facts: dict[str, Fact]) -> None:
        found.append((w[part] * abs(parts[part]), code, text, facts))

    goals = [b for b in Benefit if b in s.benefits and b in ctx.profile.goals]
    if goals:
        labels = " and ".join(b.label for b in goals[:2])
        add(
            "goal",
            ReasonCode.GOAL,
            f"serves your goal{'s' if len(goals) > 1 else ''}: {labels}",
            {"goals": ", ".join(b.value for b in goals), "goals_matched": len(goals)},
        )
    if parts["neglected"]:
        add("neglected", ReasonCode.NEGLECTED_CATEGORY, *_neglected(ctx.balance, s.category))
    best = max(stats.effects, key=lambda pair: pair[0], default=None) if stats else None
    if best is not None and best[0] > 0 and (draw is not None or parts["effect"] > 0):
        add("effect", ReasonCode.HELPED_BEFORE, best[1].describe(s.name), dict(best[1].facts()))
    elif draw is not None and draw > 0 and (stats is None or not stats.effects):
        tried = 0 if stats is None else stats.days_done
        so_far = (
            "you have not logged it yet"
            if not tried
            else f"practised on {tried} day{'' if tried == 1 else 's'} so far"
        )
        add(
            "effect",
            ReasonCode.EXPLORATION,
            f"worth a try, to learn whether it helps you: {so_far}",
            {"days_practised": tried, "sampled_effect": round(draw, 2)},
        )
    if stats is not None and stats.habit >= MOMENTUM_REASON:
        row = f", {stats.streak} days in a row" if stats.streak >= 2 else ""
        add(
            "momentum",
            ReasonCode.HABIT_MOMENTUM,
            f"keeps a habit going: strength {round(stats.habit * 100)} of 100{row}",
            {"habit_strength": round(stats.habit, 2), "current_streak": stats.streak},
        )
    if s.minutes <= ctx.minutes_left:
        add(
            "fits_time",
            ReasonCode.FITS_TIME,
            f"fits the {ctx.minutes_left} minutes you have left today (it takes about {s.minutes})",
            {"minutes": s.minutes, "minutes_left": ctx.minutes_left},
        )
    if ctx.profile.preferred_times and ctx.preferred and parts["time_of_day"]:
        now = ctx.time_of_day.value
        add(
            "time_of_day",
            ReasonCode.PREFERRED_TIME,
            f"suits the {now}, a time of day you prefer",
            {"time_of_day": now},
        )
    values = sorted(s.tags & ctx.profile.values)
    if values:
        add(
            "values",
            ReasonCode.MATCHES_VALUE,
            f"matches what you value: {', '.join(values)}",
            {"values": ", ".join(values)},
        )
    if parts["variety"] == 1.0:
        add(
            "variety",
            ReasonCode.VARIETY,
            f"adds variety: not practised in the last {RECENT_DAYS} days",
            {"recent_days": RECENT_DAYS},
        )
    found.sort(key=lambda entry: -entry[0])
    reasons = [Reason(code, _sentence(text), _facts(facts)) for _, code, text, facts in found]
    if ctx.advisory.advised:
        who = (
            "your supervisor, your own therapist or someone you trust"
            if ctx.profile.role is Role.THERAPIST
            else "your therapist or someone you trust"
        )
        text = f"a gentle option for now; reaching out to {who} is advised"
        reasons.insert(0, Reason(ReasonCode.SUPPORT, text, ctx.advisory.facts()))
    if not reasons:
        label = s.category.label
        reasons.append(
            Reason(
                ReasonCode.CATEGORY_BALANCE,
                f"adds {label} care, for balance across the areas of self-care",
                {"category": s.category.value},
            )
        )
    return tuple(reasons)


def _facts(facts: dict[str, Fact]) -> dict[str, Fact]:
    return {k: _sentence(v) if isinstance(v, str) else v for k, v in facts.items()}


def _neglected(balance: CategoryBalance, category: Category) -> tuple[str, dict[str, Fact]]:
    days = balance.days.get(category, 0)
    window = balance.period.days if balance.period else BALANCE_DAYS
    text = (
        f"your {category.label} care has been low lately: practised on {days} of the last "
        f"{window} days"
    )
    facts: dict[str, Fact] = {
        "category": category.value,
        "days_practised": days,
        "window_days": window,
        "days_reflected": balance.days_reflected,
    }
    rating = balance.self_ratings.get(category)
    if rating is not None:
        facts["self_rating"] = round(rating, 1)
        if rating <= 2:
            text += f", and you rated it {rating:.1f} of 5"
    return text, facts


def shortfall(found: int, k: int, total: int, excluded: Mapping[str, int]) -> str | None:
    """Why fewer than ``k`` strategies are recommended, or ``None`` when there are ``k``."""
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
