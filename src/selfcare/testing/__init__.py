"""Hypothesis strategies that build valid values of every public ``selfcare`` type.

Install the ``testing`` extra (``pip install selfcare[testing]``) to use them. They are
registered with hypothesis through its entry point, so ``st.from_type(selfcare.Plan)``
works as soon as hypothesis is imported.

Example:
    >>> from hypothesis import given
    >>> from selfcare.testing import reflections
    >>> @given(reflections())
    ... def test_mood_in_range(reflection):
    ...     assert reflection.mood is None or 0 <= reflection.mood <= 10
    >>> test_mood_in_range()
"""

from selfcare.testing._insights import (
    category_balances,
    distress_rules,
    habit_strengths,
    recommend_weights,
    recommendation_lists,
    recommendations,
    strategy_effects,
    streaks,
    support_advisories,
    trend_points,
    wellbeing_trends,
)
from selfcare.testing._model import (
    anchors,
    boundaries,
    catalogs,
    journals,
    practices,
    profiles,
    prompts,
    ratings,
    reasons,
    reflections,
    ritual_steps,
    rituals,
    strategies,
    working_hours,
)
from selfcare.testing._plans import (
    contributors,
    item_adherences,
    item_changes,
    item_reviews,
    plan_adherences,
    plan_changes,
    plan_items,
    plan_reviews,
    plans,
    revisions,
    suggestions,
)
from selfcare.testing._plugin import register_type_strategies
from selfcare.testing._time import (
    ZONES,
    dates,
    periods,
    recurrences,
    times_of_day,
    zone_names,
    zoned_datetimes,
)
from selfcare.testing._values import slugs
from selfcare.testing._workday import (
    blocks,
    boundary_violations,
    contact_events,
    day_sessions,
    sessions,
    work_figures,
    workday_rules,
    workday_warnings,
    workdays,
    workweeks,
)

__all__ = [
    "ZONES",
    "anchors",
    "blocks",
    "boundaries",
    "boundary_violations",
    "catalogs",
    "category_balances",
    "contact_events",
    "contributors",
    "dates",
    "day_sessions",
    "distress_rules",
    "habit_strengths",
    "item_adherences",
    "item_changes",
    "item_reviews",
    "journals",
    "periods",
    "plan_adherences",
    "plan_changes",
    "plan_items",
    "plan_reviews",
    "plans",
    "practices",
    "profiles",
    "prompts",
    "ratings",
    "reasons",
    "recommend_weights",
    "recommendation_lists",
    "recommendations",
    "recurrences",
    "reflections",
    "register_type_strategies",
    "revisions",
    "ritual_steps",
    "rituals",
    "sessions",
    "slugs",
    "strategies",
    "strategy_effects",
    "streaks",
    "suggestions",
    "support_advisories",
    "times_of_day",
    "trend_points",
    "wellbeing_trends",
    "work_figures",
    "workday_rules",
    "workday_warnings",
    "workdays",
    "working_hours",
    "workweeks",
    "zone_names",
    "zoned_datetimes",
]
