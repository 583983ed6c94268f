"""Model self-care in therapy and turn it into personalised, explainable plans.

The package root is the public surface: import from ``selfcare``, never from a private
module. Nothing here reads files, the clock, the environment or global randomness; the
time, the zone and the seed are always arguments.
"""

from importlib.metadata import PackageNotFoundError, version

from selfcare._boundaries import Boundary, BoundaryKind
from selfcare._calendar import Period, TimeOfDay, Weekday
from selfcare._catalog import Catalog, Prompt
from selfcare._categories import Benefit, Category, Effort, Role
from selfcare._defaults import default_catalog
from selfcare._generate import generate_plan
from selfcare._plans import Contributor, Plan, PlanItem, PlanStatus, Revision
from selfcare._profiles import Profile, WorkingHours
from selfcare._reasons import Reason, ReasonCode
from selfcare._recurrence import Frequency, Recurrence
from selfcare._reflections import Journal, Practice, PracticeStatus, Ratings, Reflection
from selfcare._revisions import ItemChange, PlanChanges
from selfcare._rituals import Anchor, AnchorKind, Ritual, RitualStep
from selfcare._strategies import Strategy
from selfcare.errors import InfeasiblePlanError, SelfCareError, UnknownIdError, ValidationError

try:
    __version__ = version("selfcare")
except PackageNotFoundError:  # pragma: no cover - only when run from an uninstalled tree
    __version__ = "0+unknown"

__all__ = [
    "Anchor",
    "AnchorKind",
    "Benefit",
    "Boundary",
    "BoundaryKind",
    "Catalog",
    "Category",
    "Contributor",
    "Effort",
    "Frequency",
    "InfeasiblePlanError",
    "ItemChange",
    "Journal",
    "Period",
    "Plan",
    "PlanChanges",
    "PlanItem",
    "PlanStatus",
    "Practice",
    "PracticeStatus",
    "Profile",
    "Prompt",
    "Ratings",
    "Reason",
    "ReasonCode",
    "Recurrence",
    "Reflection",
    "Revision",
    "Ritual",
    "RitualStep",
    "Role",
    "SelfCareError",
    "Strategy",
    "TimeOfDay",
    "UnknownIdError",
    "ValidationError",
    "Weekday",
    "WorkingHours",
    "__version__",
    "default_catalog",
    "generate_plan",
]
