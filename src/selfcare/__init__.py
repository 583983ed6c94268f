"""Model self-care in therapy and turn it into personalised, explainable plans.

The package root is the public surface: import from ``selfcare``, never from a private
module. Nothing here reads files, the clock, the environment or global randomness; the
time, the zone and the seed are always arguments.
"""

from importlib.metadata import PackageNotFoundError, version

from selfcare._adherence import ItemAdherence, PlanAdherence, plan_adherence
from selfcare._boundaries import Boundary, BoundaryKind
from selfcare._boundary_checks import (
    BoundaryViolation,
    ContactEvent,
    ContactKind,
    check_boundaries,
)
from selfcare._calendar import Period, TimeOfDay, Weekday
from selfcare._catalog import Catalog, Prompt
from selfcare._categories import Benefit, Category, Effort, Role
from selfcare._defaults import default_catalog
from selfcare._effects import Measure, StrategyEffect, strategy_effects
from selfcare._generate import generate_plan
from selfcare._habits import HabitStrength, Streak, habit_strength, streak
from selfcare._insights import (
    CategoryBalance,
    TrendPoint,
    WellbeingTrend,
    category_balance,
    wellbeing_trend,
)
from selfcare._occurrences import resolve_local
from selfcare._plan_workday import plan_workday
from selfcare._plans import Contributor, Plan, PlanItem, PlanStatus, Revision
from selfcare._profiles import Profile, WorkingHours
from selfcare._reasons import Reason, ReasonCode
from selfcare._recommend import Recommendation, Recommendations, recommend
from selfcare._recurrence import Frequency, Recurrence
from selfcare._reflections import Journal, Practice, PracticeStatus, Ratings, Reflection
from selfcare._review import (
    ItemReview,
    PlanReview,
    Suggestion,
    SuggestionKind,
    apply_suggestions,
    review_plan,
)
from selfcare._revisions import ItemChange, PlanChanges
from selfcare._rituals import Anchor, AnchorKind, Ritual, RitualStep
from selfcare._scoring import RecommendWeights
from selfcare._sessions import Session
from selfcare._strategies import Strategy
from selfcare._support import DistressRule, SupportAdvisory, support_advisory
from selfcare._workday import (
    Block,
    BlockKind,
    Workday,
    WorkdayWarning,
    WorkdayWarningCode,
    WorkFigures,
)
from selfcare._workday_rules import NotesPer, WorkdayRules
from selfcare._workweek import Workweek, plan_workweek
from selfcare.errors import (
    InfeasiblePlanError,
    SelfCareError,
    TooManyOccurrencesError,
    UnknownIdError,
    ValidationError,
)
from selfcare.serialize import from_dict, from_json, to_dict, to_json

try:
    __version__ = version("selfcare")
except PackageNotFoundError:  # pragma: no cover - only when run from an uninstalled tree
    __version__ = "0+unknown"

__all__ = [
    "Anchor",
    "AnchorKind",
    "Benefit",
    "Block",
    "BlockKind",
    "Boundary",
    "BoundaryKind",
    "BoundaryViolation",
    "Catalog",
    "Category",
    "CategoryBalance",
    "ContactEvent",
    "ContactKind",
    "Contributor",
    "DistressRule",
    "Effort",
    "Frequency",
    "HabitStrength",
    "InfeasiblePlanError",
    "ItemAdherence",
    "ItemChange",
    "ItemReview",
    "Journal",
    "Measure",
    "NotesPer",
    "Period",
    "Plan",
    "PlanAdherence",
    "PlanChanges",
    "PlanItem",
    "PlanReview",
    "PlanStatus",
    "Practice",
    "PracticeStatus",
    "Profile",
    "Prompt",
    "Ratings",
    "Reason",
    "ReasonCode",
    "RecommendWeights",
    "Recommendation",
    "Recommendations",
    "Recurrence",
    "Reflection",
    "Revision",
    "Ritual",
    "RitualStep",
    "Role",
    "SelfCareError",
    "Session",
    "Strategy",
    "StrategyEffect",
    "Streak",
    "Suggestion",
    "SuggestionKind",
    "SupportAdvisory",
    "TimeOfDay",
    "TooManyOccurrencesError",
    "TrendPoint",
    "UnknownIdError",
    "ValidationError",
    "Weekday",
    "WellbeingTrend",
    "WorkFigures",
    "Workday",
    "WorkdayRules",
    "WorkdayWarning",
    "WorkdayWarningCode",
    "WorkingHours",
    "Workweek",
    "__version__",
    "apply_suggestions",
    "category_balance",
    "check_boundaries",
    "default_catalog",
    "from_dict",
    "from_json",
    "generate_plan",
    "habit_strength",
    "plan_adherence",
    "plan_workday",
    "plan_workweek",
    "recommend",
    "resolve_local",
    "review_plan",
    "strategy_effects",
    "streak",
    "support_advisory",
    "to_dict",
    "to_json",
    "wellbeing_trend",
]
