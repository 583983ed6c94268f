"""Model self-care in therapy and turn it into personalised, explainable plans.

The package root is the public surface: import from ``selfcare``, never from a private
module. Nothing here reads files, the clock, the environment or global randomness; the
time, the zone and the seed are always arguments.

The root is lazy (PEP 562): ``import selfcare`` loads no submodule, and each public name is
imported from its private module the first time it is used, so a program that needs only
a few names never pays for attrs, cattrs and pendulum setting up the rest. To add a public
name, add it to ``__all__``, to ``_WHERE`` (the name and the module that defines it) and to
the imports under ``TYPE_CHECKING``, which are what type checkers and IDEs read.
"""

# `TYPE_CHECKING = False` rather than importing it from `typing`, which would cost a bare
# `import selfcare` more than the rest of this module; type checkers treat both alike.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from selfcare._core.errors import (
        InfeasiblePlanError,
        SelfCareError,
        TooManyOccurrencesError,
        UnknownIdError,
        ValidationError,
    )
    from selfcare._display.palette import BLOCK_COLOURS, CATEGORY_COLOURS, MEASURE_COLOURS, Swatch
    from selfcare._insights.balance import CategoryBalance, category_balance
    from selfcare._insights.effects import Measure, StrategyEffect, strategy_effects
    from selfcare._insights.habits import HabitStrength, Streak, habit_strength, streak
    from selfcare._insights.recommend.decisions import Candidate, Decision
    from selfcare._insights.recommend.evaluate import Estimator, PolicyValue, evaluate_policy
    from selfcare._insights.recommend.features import (
        FEATURES,
        FeatureRow,
        recommendation_features,
    )
    from selfcare._insights.recommend.outcomes import Outcome, decision_outcomes
    from selfcare._insights.recommend.policies import (
        Policy,
        ScorePolicy,
        ThompsonPolicy,
        offer_probabilities,
    )
    from selfcare._insights.recommend.recommend import Recommendation, RecommendationList, recommend
    from selfcare._insights.recommend.scoring import RecommendWeights
    from selfcare._insights.recommend.simulate import (
        SimulatedPerson,
        Simulation,
        simulate,
        synthetic_population,
    )
    from selfcare._insights.rituals import RitualHabit, ritual_habit
    from selfcare._insights.strain import (
        StrainLevel,
        StrainRule,
        StrainSign,
        StrainSignal,
        WorkloadStrain,
        workload_strain,
    )
    from selfcare._insights.support import (
        DistressRule,
        MeasureRule,
        SupportAdvisory,
        support_advisory,
    )
    from selfcare._insights.trend import TrendPoint, WellbeingTrend, wellbeing_trend
    from selfcare._io.records import occurrence_records, to_records
    from selfcare._measures.instruments import Band, Instrument, Item, Option, Scale, ScoreMethod
    from selfcare._measures.responses import Response, ScaleScore, Score, score
    from selfcare._measures.shipped import PROQOL_5, SELF_CARE_CHECK_IN, WHO_5, check_in_responses
    from selfcare._measures.trend import MeasurePoint, MeasureTrend, measure_trend
    from selfcare._model.boundaries import Boundary, BoundaryKind
    from selfcare._model.builtin_catalog import default_catalog
    from selfcare._model.catalog import Catalog, Prompt
    from selfcare._model.categories import Benefit, Category, Effort, Role
    from selfcare._model.pauses import Pause, PauseKind
    from selfcare._model.profiles import Profile, WorkingHours
    from selfcare._model.reasons import Reason, ReasonCode
    from selfcare._model.reflections import Journal, Practice, PracticeStatus, Ratings, Reflection
    from selfcare._model.rituals import Anchor, AnchorKind, Ritual, RitualStep
    from selfcare._model.strategies import Cadence, Strategy, StrategyKind, Unit
    from selfcare._plans.adherence import (
        ItemAdherence,
        PlanAdherence,
        RitualAdherence,
        plan_adherence,
    )
    from selfcare._plans.batch import generate_plan_for_each, recommend_for_each
    from selfcare._plans.generate import generate_plan
    from selfcare._plans.plan import (
        Contributor,
        Plan,
        PlanItem,
        PlanStatus,
        Revision,
    )
    from selfcare._plans.review import (
        ItemReview,
        PlanReview,
        Suggestion,
        SuggestionKind,
        apply_suggestions,
        review_plan,
    )
    from selfcare._plans.revisions import ItemChange, PlanChanges
    from selfcare._time.calendar import Period, TimeOfDay, Weekday
    from selfcare._time.occurrences import resolve_local
    from selfcare._time.recurrence import Frequency, Recurrence
    from selfcare._workday.contacts import (
        BoundaryViolation,
        ContactEvent,
        ContactKind,
        check_boundaries,
    )
    from selfcare._workday.day import (
        Block,
        BlockKind,
        Workday,
        WorkdayWarning,
        WorkdayWarningCode,
        WorkFigures,
    )
    from selfcare._workday.planner import plan_workday
    from selfcare._workday.rules import NotesPer, WorkdayRules
    from selfcare._workday.sessions import Session
    from selfcare._workday.week import Workweek, plan_workweek
    from selfcare.serialize import from_dict, from_json, to_dict, to_json

    __version__: str

# Each public name and the module, relative to this package, that defines it.
_WHERE: dict[str, str] = {
    "Anchor": "_model.rituals",
    "AnchorKind": "_model.rituals",
    "BLOCK_COLOURS": "_display.palette",
    "Band": "_measures.instruments",
    "Benefit": "_model.categories",
    "Block": "_workday.day",
    "BlockKind": "_workday.day",
    "Boundary": "_model.boundaries",
    "BoundaryKind": "_model.boundaries",
    "BoundaryViolation": "_workday.contacts",
    "CATEGORY_COLOURS": "_display.palette",
    "Cadence": "_model.strategies",
    "Candidate": "_insights.recommend.decisions",
    "Catalog": "_model.catalog",
    "Category": "_model.categories",
    "CategoryBalance": "_insights.balance",
    "ContactEvent": "_workday.contacts",
    "ContactKind": "_workday.contacts",
    "Contributor": "_plans.plan",
    "Decision": "_insights.recommend.decisions",
    "DistressRule": "_insights.support",
    "Effort": "_model.categories",
    "Estimator": "_insights.recommend.evaluate",
    "FEATURES": "_insights.recommend.features",
    "FeatureRow": "_insights.recommend.features",
    "Frequency": "_time.recurrence",
    "HabitStrength": "_insights.habits",
    "RitualHabit": "_insights.rituals",
    "ritual_habit": "_insights.rituals",
    "InfeasiblePlanError": "_core.errors",
    "Instrument": "_measures.instruments",
    "Item": "_measures.instruments",
    "ItemAdherence": "_plans.adherence",
    "ItemChange": "_plans.revisions",
    "ItemReview": "_plans.review",
    "Journal": "_model.reflections",
    "MEASURE_COLOURS": "_display.palette",
    "Measure": "_insights.effects",
    "MeasurePoint": "_measures.trend",
    "MeasureRule": "_insights.support",
    "MeasureTrend": "_measures.trend",
    "NotesPer": "_workday.rules",
    "Option": "_measures.instruments",
    "Outcome": "_insights.recommend.outcomes",
    "PROQOL_5": "_measures.shipped",
    "Period": "_time.calendar",
    "Plan": "_plans.plan",
    "PlanAdherence": "_plans.adherence",
    "RitualAdherence": "_plans.adherence",
    "PlanChanges": "_plans.revisions",
    "Pause": "_model.pauses",
    "PauseKind": "_model.pauses",
    "PlanItem": "_plans.plan",
    "PlanReview": "_plans.review",
    "PlanStatus": "_plans.plan",
    "Policy": "_insights.recommend.policies",
    "PolicyValue": "_insights.recommend.evaluate",
    "Practice": "_model.reflections",
    "PracticeStatus": "_model.reflections",
    "Profile": "_model.profiles",
    "Prompt": "_model.catalog",
    "Ratings": "_model.reflections",
    "Reason": "_model.reasons",
    "ReasonCode": "_model.reasons",
    "RecommendWeights": "_insights.recommend.scoring",
    "Recommendation": "_insights.recommend.recommend",
    "RecommendationList": "_insights.recommend.recommend",
    "Recurrence": "_time.recurrence",
    "Reflection": "_model.reflections",
    "Response": "_measures.responses",
    "Revision": "_plans.plan",
    "Ritual": "_model.rituals",
    "RitualStep": "_model.rituals",
    "Role": "_model.categories",
    "SELF_CARE_CHECK_IN": "_measures.shipped",
    "Scale": "_measures.instruments",
    "ScaleScore": "_measures.responses",
    "Score": "_measures.responses",
    "ScoreMethod": "_measures.instruments",
    "ScorePolicy": "_insights.recommend.policies",
    "SelfCareError": "_core.errors",
    "Session": "_workday.sessions",
    "SimulatedPerson": "_insights.recommend.simulate",
    "Simulation": "_insights.recommend.simulate",
    "StrainLevel": "_insights.strain",
    "StrainRule": "_insights.strain",
    "StrainSign": "_insights.strain",
    "StrainSignal": "_insights.strain",
    "Strategy": "_model.strategies",
    "StrategyEffect": "_insights.effects",
    "StrategyKind": "_model.strategies",
    "Unit": "_model.strategies",
    "Streak": "_insights.habits",
    "Suggestion": "_plans.review",
    "SuggestionKind": "_plans.review",
    "SupportAdvisory": "_insights.support",
    "Swatch": "_display.palette",
    "ThompsonPolicy": "_insights.recommend.policies",
    "TimeOfDay": "_time.calendar",
    "TooManyOccurrencesError": "_core.errors",
    "TrendPoint": "_insights.trend",
    "UnknownIdError": "_core.errors",
    "ValidationError": "_core.errors",
    "WHO_5": "_measures.shipped",
    "Weekday": "_time.calendar",
    "WellbeingTrend": "_insights.trend",
    "WorkFigures": "_workday.day",
    "Workday": "_workday.day",
    "WorkdayRules": "_workday.rules",
    "WorkdayWarning": "_workday.day",
    "WorkdayWarningCode": "_workday.day",
    "WorkingHours": "_model.profiles",
    "WorkloadStrain": "_insights.strain",
    "Workweek": "_workday.week",
    "apply_suggestions": "_plans.review",
    "category_balance": "_insights.balance",
    "check_boundaries": "_workday.contacts",
    "check_in_responses": "_measures.shipped",
    "decision_outcomes": "_insights.recommend.outcomes",
    "default_catalog": "_model.builtin_catalog",
    "evaluate_policy": "_insights.recommend.evaluate",
    "from_dict": "serialize",
    "from_json": "serialize",
    "generate_plan": "_plans.generate",
    "generate_plan_for_each": "_plans.batch",
    "habit_strength": "_insights.habits",
    "measure_trend": "_measures.trend",
    "occurrence_records": "_io.records",
    "offer_probabilities": "_insights.recommend.policies",
    "plan_adherence": "_plans.adherence",
    "plan_workday": "_workday.planner",
    "plan_workweek": "_workday.week",
    "recommend": "_insights.recommend.recommend",
    "recommend_for_each": "_plans.batch",
    "recommendation_features": "_insights.recommend.features",
    "resolve_local": "_time.occurrences",
    "review_plan": "_plans.review",
    "score": "_measures.responses",
    "simulate": "_insights.recommend.simulate",
    "strategy_effects": "_insights.effects",
    "streak": "_insights.habits",
    "support_advisory": "_insights.support",
    "synthetic_population": "_insights.recommend.simulate",
    "to_dict": "serialize",
    "to_json": "serialize",
    "to_records": "_io.records",
    "wellbeing_trend": "_insights.trend",
    "workload_strain": "_insights.strain",
}
# Submodules that were attributes of the package before it was lazy, and still are.
_SUBMODULES = frozenset({"errors", "serialize"})


if not TYPE_CHECKING:  # hidden from type checkers, so they still flag unknown names

    def __getattr__(name: str) -> object:
        """Import a public name from its module the first time it is used.

        The value is then kept in the package's namespace, so later lookups are plain
        attribute reads.

        >>> import selfcare
        >>> selfcare.Plan.__module__
        'selfcare._plans.plan'
        >>> selfcare.no_such_name
        Traceback (most recent call last):
        ...
        AttributeError: module 'selfcare' has no attribute 'no_such_name'
        """
        from importlib import import_module

        if name in _WHERE:
            value = getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
        elif name in _SUBMODULES:
            value = import_module(f"{__name__}.{name}")
        elif name == "__version__":
            value = _version()
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        """The package's names, including public ones not imported yet.

        >>> import selfcare
        >>> "recommend" in dir(selfcare)
        True
        """
        return sorted({*globals(), *__all__, *_SUBMODULES})


def _version() -> str:
    """The installed distribution's version, read from its metadata only when asked."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(__name__)
    except PackageNotFoundError:  # pragma: no cover - only when run from an uninstalled tree
        return "0+unknown"


__all__ = [  # noqa: RUF022 - in plain sorted order (capitals first), as the tests check
    "Anchor",
    "AnchorKind",
    "BLOCK_COLOURS",
    "Band",
    "Benefit",
    "Block",
    "BlockKind",
    "Boundary",
    "BoundaryKind",
    "BoundaryViolation",
    "CATEGORY_COLOURS",
    "Cadence",
    "Candidate",
    "Catalog",
    "Category",
    "CategoryBalance",
    "ContactEvent",
    "ContactKind",
    "Contributor",
    "Decision",
    "DistressRule",
    "Effort",
    "Estimator",
    "FEATURES",
    "FeatureRow",
    "Frequency",
    "HabitStrength",
    "InfeasiblePlanError",
    "Instrument",
    "Item",
    "ItemAdherence",
    "ItemChange",
    "ItemReview",
    "Journal",
    "MEASURE_COLOURS",
    "Measure",
    "MeasurePoint",
    "MeasureRule",
    "MeasureTrend",
    "NotesPer",
    "Option",
    "Outcome",
    "PROQOL_5",
    "Pause",
    "PauseKind",
    "Period",
    "Plan",
    "PlanAdherence",
    "PlanChanges",
    "PlanItem",
    "PlanReview",
    "PlanStatus",
    "Policy",
    "PolicyValue",
    "Practice",
    "PracticeStatus",
    "Profile",
    "Prompt",
    "Ratings",
    "Reason",
    "ReasonCode",
    "RecommendWeights",
    "Recommendation",
    "RecommendationList",
    "Recurrence",
    "Reflection",
    "Response",
    "Revision",
    "Ritual",
    "RitualAdherence",
    "RitualHabit",
    "RitualStep",
    "Role",
    "SELF_CARE_CHECK_IN",
    "Scale",
    "ScaleScore",
    "Score",
    "ScoreMethod",
    "ScorePolicy",
    "SelfCareError",
    "Session",
    "SimulatedPerson",
    "Simulation",
    "StrainLevel",
    "StrainRule",
    "StrainSign",
    "StrainSignal",
    "Strategy",
    "StrategyEffect",
    "StrategyKind",
    "Streak",
    "Suggestion",
    "SuggestionKind",
    "SupportAdvisory",
    "Swatch",
    "ThompsonPolicy",
    "TimeOfDay",
    "TooManyOccurrencesError",
    "TrendPoint",
    "Unit",
    "UnknownIdError",
    "ValidationError",
    "WHO_5",
    "Weekday",
    "WellbeingTrend",
    "WorkFigures",
    "Workday",
    "WorkdayRules",
    "WorkdayWarning",
    "WorkdayWarningCode",
    "WorkingHours",
    "WorkloadStrain",
    "Workweek",
    "__version__",
    "apply_suggestions",
    "category_balance",
    "check_boundaries",
    "check_in_responses",
    "decision_outcomes",
    "default_catalog",
    "evaluate_policy",
    "from_dict",
    "from_json",
    "generate_plan",
    "generate_plan_for_each",
    "habit_strength",
    "measure_trend",
    "occurrence_records",
    "offer_probabilities",
    "plan_adherence",
    "plan_workday",
    "plan_workweek",
    "recommend",
    "recommend_for_each",
    "recommendation_features",
    "resolve_local",
    "review_plan",
    "ritual_habit",
    "score",
    "simulate",
    "strategy_effects",
    "streak",
    "support_advisory",
    "synthetic_population",
    "to_dict",
    "to_json",
    "to_records",
    "wellbeing_trend",
    "workload_strain",
]
