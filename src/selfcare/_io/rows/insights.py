"""The rows :func:`~selfcare.to_records` gives for insights, recommendations and reviews."""

from __future__ import annotations

from selfcare._insights.balance import CategoryBalance
from selfcare._insights.effects import StrategyEffect
from selfcare._insights.habits import HabitStrength, Streak
from selfcare._insights.recommend.recommend import RecommendationList
from selfcare._insights.rituals import RitualHabit
from selfcare._insights.trend import WellbeingTrend
from selfcare._io.rows.cells import Record, period_of, plain_date, reasons_of
from selfcare._model.categories import Category
from selfcare._plans.adherence import PlanAdherence
from selfcare._plans.review import PlanReview

__all__ = [
    "adherence_rows",
    "balance_rows",
    "effect_rows",
    "habit_rows",
    "recommendation_rows",
    "review_rows",
    "streak_rows",
    "trend_rows",
]


def balance_rows(b: CategoryBalance, private: bool) -> list[Record]:
    """One row per balance, with four columns for every category."""
    row: Record = {
        **period_of(b.period),
        "days_reflected": b.days_reflected,
        "min_days": b.min_days,
    }
    for c in Category:
        row[f"minutes_{c.value}"] = b.minutes.get(c)
        row[f"days_{c.value}"] = b.days.get(c)
        row[f"self_rating_{c.value}"] = b.self_ratings.get(c)
        row[f"neglected_{c.value}"] = c in b.neglected
    return [row]


def trend_rows(trend: WellbeingTrend, private: bool) -> list[Record]:
    """One row per day of the trend."""
    return [
        {
            "day": plain_date(p.day),
            "window_days": trend.window_days,
            "mood": p.mood,
            "energy": p.energy,
            "stress": p.stress,
        }
        for p in trend.points
    ]


def habit_rows(h: HabitStrength, private: bool) -> list[Record]:
    """One row for the habit strength."""
    return [
        {
            "strategy_id": h.strategy_id,
            "first": plain_date(h.first),
            "last": plain_date(h.last),
            "score": h.score,
            "percent": h.percent,
            "target_times": h.target_times,
            "target_days": h.target_days,
            "days_done": h.days_done,
            "days_skipped": h.days_skipped,
            "unit": None if h.unit is None else h.unit.value,
            "amount": h.amount,
        }
    ]


def ritual_habit_rows(h: RitualHabit, private: bool) -> list[Record]:
    """One row for the ritual, then one per step with its own strength (``step`` from 1)."""
    ritual: Record = {
        "ritual_id": h.ritual_id,
        "step": None,
        "strategy_id": None,
        "first": plain_date(h.first),
        "last": plain_date(h.last),
        "score": h.score,
        "percent": h.percent,
        "target_times": h.target_times,
        "target_days": h.target_days,
        "steps_needed": h.steps_needed,
        "days_done": h.days_done,
        "days_partly": h.days_partly,
        "days_skipped": h.days_skipped,
        "current_streak": h.current_streak,
        "longest_streak": h.longest_streak,
    }
    steps: list[Record] = [
        {
            **ritual,
            "step": n,
            "strategy_id": step.strategy_id,
            "score": step.score,
            "percent": step.percent,
            "steps_needed": None,
            "days_done": step.days_done,
            "days_partly": None,
            "days_skipped": step.days_skipped,
            "current_streak": None,
            "longest_streak": None,
        }
        for n, step in enumerate(h.steps, start=1)
    ]
    return [ritual, *steps]


def streak_rows(s: Streak, private: bool) -> list[Record]:
    """One row for the streak."""
    return [
        {
            "strategy_id": s.strategy_id,
            "current": s.current,
            "longest": s.longest,
            "longest_ended": plain_date(s.longest_ended),
        }
    ]


def adherence_rows(a: PlanAdherence, private: bool) -> list[Record]:
    """One row per plan item, then one per ritual (``ritual_id`` set, ``partly`` counted)."""
    items: list[Record] = [
        {
            "plan_id": a.plan_id,
            **period_of(a.period),
            "strategy_id": item.strategy_id,
            "ritual_id": None,
            "planned": item.planned,
            "skipped": item.skipped,
            "partly": None,
            "done": item.done,
            "expected": item.expected,
            "rate": item.rate,
        }
        for item in a.items
    ]
    rituals: list[Record] = [
        {
            "plan_id": a.plan_id,
            **period_of(a.period),
            "strategy_id": None,
            "ritual_id": ritual.ritual_id,
            "planned": ritual.planned,
            "skipped": ritual.skipped,
            "partly": ritual.partly,
            "done": ritual.done,
            "expected": ritual.expected,
            "rate": ritual.rate,
        }
        for ritual in a.rituals
    ]
    return items + rituals


def effect_rows(e: StrategyEffect, private: bool) -> list[Record]:
    """One row for the effect."""
    return [
        {
            "strategy_id": e.strategy_id,
            "measure": e.measure.value,
            "days_with": e.days_with,
            "days_without": e.days_without,
            "mean_with": e.mean_with,
            "mean_without": e.mean_without,
            "difference": e.difference,
            "improvement": e.improvement,
        }
    ]


def recommendation_rows(recs: RecommendationList, private: bool) -> list[Record]:
    """One row per recommendation, best first, with a column per score component."""
    names = sorted({name for rec in recs.items for name in rec.components})
    return [
        {
            "at": recs.at,
            "rank": rank,
            "strategy_id": rec.strategy_id,
            "name": rec.strategy.name,
            "category": rec.strategy.category.value,
            "minutes": rec.strategy.minutes,
            "effort": rec.strategy.effort.value,
            "score": rec.score,
            "support_advised": recs.support.advised,
            **{f"component_{name}": rec.components.get(name) for name in names},
            **reasons_of(rec.reasons),
        }
        for rank, rec in enumerate(recs.items, start=1)
    ]


def review_rows(review: PlanReview, private: bool) -> list[Record]:
    """One row per suggestion of the review."""
    return [
        {
            "plan_id": review.plan_id,
            "plan_version": review.plan_version,
            "until": plain_date(review.until),
            "kind": s.kind.value,
            "strategy_id": s.strategy_id,
            "replacement": s.replacement,
            **reasons_of(s.reasons),
        }
        for s in review.suggestions
    ]
