"""The exceptions ``selfcare`` raises; users import them from :mod:`selfcare.errors`.

Every error is a :class:`SelfCareError`, and each specific error also subclasses the
matching builtin, so ``except ValueError`` keeps working in code that does not know
this library. Messages name the field, say what was expected and how to fix it, and
never contain free text a person wrote (notes, insights, gratitude, descriptions).
"""

from __future__ import annotations

from collections.abc import Iterable

from selfcare._core.describe import describe, looks_like_id

__all__ = [
    "InfeasiblePlanError",
    "Problem",
    "SelfCareError",
    "TooManyOccurrencesError",
    "UnknownIdError",
    "ValidationError",
]


class SelfCareError(Exception):
    """The root of every error this library raises."""

    __module__ = "selfcare.errors"  # where users import it from, and tracebacks name it


Problem = tuple[str, str]
"""One problem found in a value: ``(path, message)``, e.g. ``("minutes", "expected ...")``."""


class ValidationError(SelfCareError, ValueError):
    """A value, or a document being loaded, is not valid.

    Attributes:
        problems: every problem found, each a ``(path, message)`` pair. The path names
            the field (``"minutes"``) or its place in a document (``"$.items[3].minutes"``).

    Example:
        >>> err = ValidationError.single("minutes", "expected an integer from 1 to 1440")
        >>> str(err)
        'minutes: expected an integer from 1 to 1440'
        >>> isinstance(err, ValueError)
        True
    """

    __module__ = "selfcare.errors"  # where users import it from, and tracebacks name it

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{path}: {message}" for path, message in self.problems))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.problems,))

    @classmethod
    def single(cls, path: str, message: str) -> ValidationError:
        """Build an error holding one problem.

        Example:
            >>> ValidationError.single("mood", "expected an integer from 0 to 10").problems
            (('mood', 'expected an integer from 0 to 10'),)
        """
        return cls([(path, message)])


class TooManyOccurrencesError(ValidationError):
    """Expanding a recurrence would give more occurrences than the call allows.

    Expansion stops as soon as it passes the limit, so a mistaken window cannot hang the
    app. The problem is reported on the field ``limit``.

    Attributes:
        limit: the most occurrences (or weeks) the call would return.

    Example:
        >>> err = TooManyOccurrencesError(10_000)
        >>> err.problems[0][0], err.limit
        ('limit', 10000)
        >>> isinstance(err, ValidationError)
        True
    """

    __module__ = "selfcare.errors"  # where users import it from, and tracebacks name it

    limit: int
    what: str

    def __init__(self, limit: int, what: str = "occurrences") -> None:
        self.limit = limit
        self.what = what
        super().__init__(
            [
                (
                    "limit",
                    f"the window holds more than {limit} {what}; narrow the window, "
                    "or pass a larger limit (at most 1000000)",
                )
            ]
        )

    def __reduce__(self) -> tuple[type[TooManyOccurrencesError], tuple[int, str]]:
        return (type(self), (self.limit, self.what))


class UnknownIdError(SelfCareError, LookupError):
    """An id was looked up that the catalog does not hold.

    Attributes:
        kind: what was looked up (``"strategy"``, ``"ritual"`` or ``"prompt"``).
        id: the id that was asked for.
        suggestions: the closest ids the catalog does hold, best first.
    """

    __module__ = "selfcare.errors"  # where users import it from, and tracebacks name it

    def __init__(self, kind: str, id: str, suggestions: Iterable[str] = ()) -> None:
        self.kind = kind
        self.id = id
        self.suggestions = tuple(suggestions)
        # Quote the id only when it looks like one: free text passed by mistake stays out.
        shown = repr(id) if looks_like_id(id) else f"(not a valid id: {describe(id)})"
        hint = (
            "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
            if self.suggestions
            else "; list the catalog's ids to see what it holds"
        )
        super().__init__(f"no {kind} with id {shown} in this catalog{hint}")

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.kind, self.id, self.suggestions))


class InfeasiblePlanError(SelfCareError, ValueError):
    """No plan fits the person's constraints.

    Attributes:
        constraint: the name of the constraint that blocks a plan, e.g. ``"daily_minutes"``.
    """

    __module__ = "selfcare.errors"  # where users import it from, and tracebacks name it

    def __init__(self, constraint: str, message: str) -> None:
        self.constraint = constraint
        self.message = message
        super().__init__(f"{constraint}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.constraint, self.message))
