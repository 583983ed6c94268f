"""The exceptions ``selfcare`` raises.

Every error is a :class:`SelfCareError`, and each specific error also subclasses the
matching builtin, so ``except ValueError`` keeps working in code that does not know
this library. Messages name the field, say what was expected and how to fix it, and
never contain free text a person wrote (notes, insights, gratitude, descriptions).
"""

from selfcare._core.errors import (
    InfeasiblePlanError,
    Problem,
    SelfCareError,
    TooManyOccurrencesError,
    UnknownId,
    UnknownIdError,
    ValidationError,
)

__all__ = [
    "InfeasiblePlanError",
    "Problem",
    "SelfCareError",
    "TooManyOccurrencesError",
    "UnknownId",
    "UnknownIdError",
    "ValidationError",
]
