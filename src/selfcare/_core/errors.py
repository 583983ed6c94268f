"""The exceptions ``selfcare`` raises; users import them from :mod:`selfcare.errors`.

Every error is a :class:`SelfCareError`, and each specific error also subclasses the
matching builtin, so ``except ValueError`` keeps working in code that does not know
this library. Messages name the field, say what was expected and how to fix it, and
never contain free text a person wrote (notes, insights, gratitude, descriptions).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from selfcare._core.describe import describe, looks_like_id

__all__ = [
    "InfeasiblePlanError",
    "Problem",
    "SelfCareError",
    "TooManyOccurrencesError",
    "UnknownId",
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
        super().__init__(
            "; ".join(f"{path}: {message}" if path else message for path, message in self.problems)
        )

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


class UnknownId(NamedTuple):
    """One id a catalog does not hold.

    Its fields: ``path``, where it was given (``"items[2].strategy_id"``, or ``""`` for a
    look-up); ``kind``, what it names (``"strategy"``, ``"ritual"``, ``"prompt"`` or
    ``"plan item"``); ``id``, the id given; ``suggestions``, the closest ids there are, best
    first.
    """

    path: str
    kind: str
    id: str
    suggestions: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """What is wrong, quoting the id only when it looks like one."""
        # Free text passed by mistake (a note, a name) stays out of the message.
        shown = (
            repr(self.id) if looks_like_id(self.id) else f"(not a valid id: {describe(self.id)})"
        )
        hint = (
            "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
            if self.suggestions
            else "; list the catalog's ids to see what it holds"
        )
        where = "this plan" if self.kind == "plan item" else "this catalog"
        return f"no {self.kind} with id {shown} in {where}{hint}"


class UnknownIdError(ValidationError, LookupError):
    """Ids were given that the catalog (or the plan) does not hold.

    Every unknown id of one call is listed at once, each with where it was given and the
    closest ids there are. It is a :class:`ValidationError` (and a ``LookupError``).

    Attributes:
        unknown: each unknown id (an :class:`UnknownId`), in the order given; ``kind``,
            ``id`` and ``suggestions`` are those of the first.

    Example:
        >>> err = UnknownIdError("strategy", "short-wlak", ["short-walk"], path="items[0]")
        >>> str(err)
        "items[0]: no strategy with id 'short-wlak' in this catalog; did you mean 'short-walk'?"
    """

    __module__ = "selfcare.errors"  # where users import it from, and tracebacks name it

    unknown: tuple[UnknownId, ...]

    def __init__(
        self, kind: str, id: str, suggestions: Iterable[str] = (), *, path: str = ""
    ) -> None:
        self._set((UnknownId(path, kind, id, tuple(suggestions)),))

    @classmethod
    def of(cls, unknown: Iterable[UnknownId]) -> UnknownIdError:
        """The error for several unknown ids (at least one), listed in the order given."""
        error = cls.__new__(cls)
        error._set(tuple(unknown))
        return error

    def _set(self, unknown: tuple[UnknownId, ...]) -> None:
        self.unknown = unknown
        shown = unknown[:MAX_LISTED]
        problems = [(u.path, u.message) for u in shown]
        if len(unknown) > len(shown):
            problems.append((shown[-1].path, f"and {len(unknown) - len(shown)} more unknown ids"))
        ValidationError.__init__(self, problems)

    @property
    def kind(self) -> str:
        """What the first unknown id names."""
        return self.unknown[0].kind

    @property
    def id(self) -> str:
        """The first unknown id."""
        return self.unknown[0].id

    @property
    def suggestions(self) -> tuple[str, ...]:
        """The closest ids to the first unknown one, best first."""
        return self.unknown[0].suggestions

    def __reduce__(self) -> tuple[object, ...]:
        return (_unknown_id_error, (self.unknown,))


def _unknown_id_error(unknown: tuple[UnknownId, ...]) -> UnknownIdError:
    return UnknownIdError.of(UnknownId(*u) for u in unknown)


#: The most unknown ids one error lists (the rest are counted).
MAX_LISTED = 20


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
