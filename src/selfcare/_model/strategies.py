"""One concrete self-care practice."""

from __future__ import annotations

import attrs

from selfcare._core import checks as check
from selfcare._model.categories import Benefit, Category, Effort, Role

__all__ = ["Strategy"]


@attrs.frozen
class Strategy:
    """One concrete self-care practice, such as a short walk or peer supervision.

    Attributes:
        id: a stable lowercase slug (``"short-walk"``) that plans and reflections refer to.
        name: a short name to show a person.
        category: the area of self-care it serves.
        roles: who it is for (the therapist, the client or both).
        minutes: its typical length, from 1 to 1440.
        effort: how much it asks of a person.
        benefits: why it matters, in the seed's terms.
        tags: free slugs for filtering and matching values (``"nature"``, ``"writing"``).
        description: a sentence or two on how to do it.

    Example:
        >>> walk = Strategy(
        ...     id="short-walk",
        ...     name="Short walk",
        ...     category=Category.PHYSICAL,
        ...     roles={Role.CLIENT},
        ...     minutes=10,
        ... )
        >>> walk.effort
        <Effort.LOW: 'low'>
        >>> walk.is_for(Role.THERAPIST)
        False
    """

    id: str = attrs.field(validator=check.slug)
    name: str = attrs.field(validator=check.name)
    category: Category = attrs.field(validator=check.member(Category))
    roles: frozenset[Role] = attrs.field(
        converter=check.to_frozenset, validator=check.members(Role, non_empty=True)
    )
    minutes: int = attrs.field(validator=check.int_in(1, check.MAX_MINUTES))
    effort: Effort = attrs.field(default=Effort.LOW, validator=check.member(Effort))
    benefits: frozenset[Benefit] = attrs.field(
        default=frozenset(), converter=check.to_frozenset, validator=check.members(Benefit)
    )
    tags: frozenset[str] = attrs.field(
        default=frozenset(), converter=check.to_frozenset, validator=check.slugs("a tag")
    )
    description: str = attrs.field(default="", validator=check.text, repr=False)

    def is_for(self, role: Role) -> bool:
        """Tell whether this strategy is meant for ``role``."""
        return role in self.roles
