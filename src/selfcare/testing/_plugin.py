"""Registers the strategies of :mod:`selfcare.testing` with hypothesis.

Hypothesis calls :func:`setup_hook` through its entry point while it is being imported, so
``st.from_type(selfcare.Plan)`` works without importing ``selfcare.testing`` first. Each
strategy is deferred: it is built the first time a value of its type is drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

#: The public type each strategy of ``selfcare.testing`` builds.
STRATEGIES = {
    "Anchor": "anchors",
    "Band": "bands",
    "Block": "blocks",
    "Boundary": "boundaries",
    "BoundaryViolation": "boundary_violations",
    "Candidate": "candidates",
    "Catalog": "catalogs",
    "CategoryBalance": "category_balances",
    "ContactEvent": "contact_events",
    "Contributor": "contributors",
    "Decision": "decisions",
    "DistressRule": "distress_rules",
    "FeatureRow": "feature_rows",
    "HabitStrength": "habit_strengths",
    "Instrument": "instruments",
    "Item": "items",
    "ItemAdherence": "item_adherences",
    "ItemChange": "item_changes",
    "ItemReview": "item_reviews",
    "Journal": "journals",
    "MeasurePoint": "measure_points",
    "MeasureRule": "measure_rules",
    "MeasureTrend": "measure_trends",
    "Option": "options",
    "Pause": "pauses",
    "Period": "periods",
    "Plan": "plans",
    "PlanAdherence": "plan_adherences",
    "RitualAdherence": "ritual_adherences",
    "RitualHabit": "ritual_habits",
    "PlanChanges": "plan_changes",
    "PlanItem": "plan_items",
    "PlanReview": "plan_reviews",
    "PolicyValue": "policy_values",
    "Practice": "practices",
    "Profile": "profiles",
    "Prompt": "prompts",
    "Ratings": "ratings",
    "Reason": "reasons",
    "RecommendWeights": "recommend_weights",
    "Recommendation": "recommendations",
    "RecommendationList": "recommendation_lists",
    "Recurrence": "recurrences",
    "Reflection": "reflections",
    "Response": "responses",
    "Revision": "revisions",
    "Ritual": "rituals",
    "RitualStep": "ritual_steps",
    "Scale": "scales",
    "ScaleScore": "scale_scores",
    "Score": "scores",
    "ScorePolicy": "score_policies",
    "Session": "sessions",
    "SimulatedPerson": "simulated_people",
    "Simulation": "simulations",
    "StrainRule": "strain_rules",
    "StrainSignal": "strain_signals",
    "Strategy": "strategies",
    "StrategyEffect": "strategy_effects",
    "Streak": "streaks",
    "Suggestion": "suggestions",
    "SupportAdvisory": "support_advisories",
    "ThompsonPolicy": "thompson_policies",
    "TrendPoint": "trend_points",
    "WellbeingTrend": "wellbeing_trends",
    "WorkFigures": "work_figures",
    "Workday": "workdays",
    "WorkdayRules": "workday_rules",
    "WorkdayWarning": "workday_warnings",
    "WorkingHours": "working_hours",
    "WorkloadStrain": "workload_strains",
    "Workweek": "workweeks",
}


def _deferred(name: str) -> Callable[[], Any]:
    # Looked up when first drawn from: hypothesis may be importing this package right now
    # (its entry point runs while selfcare.testing imports hypothesis), so the strategies
    # may not exist yet. Hypothesis wants a plain function here, not a functools.partial.
    def build() -> Any:
        return getattr(import_module("selfcare.testing"), name)()

    return build


def setup_hook() -> None:
    """Register a strategy for every public type; hypothesis calls this through its entry point."""
    from hypothesis import strategies as st

    import selfcare

    for type_name, strategy_name in STRATEGIES.items():
        st.register_type_strategy(
            getattr(selfcare, type_name), st.deferred(_deferred(strategy_name))
        )


def register_type_strategies() -> None:
    """Register a strategy for every public type, so ``st.from_type`` builds valid values.

    Hypothesis does this through its entry point; call it yourself only when plugins are
    disabled (``HYPOTHESIS_NO_PLUGINS``).
    """
    setup_hook()
