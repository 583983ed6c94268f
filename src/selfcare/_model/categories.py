"""The vocabulary of self-care: categories, roles, benefits and effort."""

from __future__ import annotations

from selfcare._core.vocabulary import Vocabulary

__all__ = ["Benefit", "Category", "Effort", "Role"]


class Category(Vocabulary):
    """An area of self-care.

    The five areas the seed names for clients, plus the therapist's professional
    self-care. Spiritual care is opt-in ("if applicable"): plans and recommendations
    offer it only to a person who asks for it.

    Example:
        >>> Category.MENTAL.label
        'mental & cognitive'
        >>> Category("physical") is Category.PHYSICAL
        True
    """

    EMOTIONAL = "emotional"
    PHYSICAL = "physical"
    MENTAL = "mental"
    PRACTICAL = "practical"
    SPIRITUAL = "spiritual"
    PROFESSIONAL = "professional"

    @property
    def label(self) -> str:
        """A short human-readable name."""
        return _CATEGORY_LABELS[self]

    @property
    def opt_in(self) -> bool:
        """Whether a person must ask for this category before it is offered."""
        return self is Category.SPIRITUAL


_CATEGORY_LABELS = {
    Category.EMOTIONAL: "emotional",
    Category.PHYSICAL: "physical",
    Category.MENTAL: "mental & cognitive",
    Category.PRACTICAL: "practical",
    Category.SPIRITUAL: "spiritual",
    Category.PROFESSIONAL: "professional",
}


class Role(Vocabulary):
    """Who a strategy, plan or reflection is for.

    Example:
        >>> [role.value for role in Role]
        ['therapist', 'client']
    """

    THERAPIST = "therapist"
    CLIENT = "client"


class Benefit(Vocabulary):
    """Why self-care matters: the benefits the seed names.

    Each benefit belongs to the therapist, the client or the relationship they share.

    Example:
        >>> Benefit.COPING_SKILLS.label
        'builds coping skills'
        >>> sorted(role.value for role in Benefit.COLLABORATION.roles)
        ['client', 'therapist']
    """

    # For the therapist.
    PREVENTS_BURNOUT = "prevents-burnout"
    ETHICAL_PRACTICE = "ethical-practice"
    PRESENCE = "presence"
    MODELS_HEALTHY_BEHAVIOUR = "models-healthy-behaviour"
    LONGEVITY = "longevity"
    # For the client.
    PERSONAL_RESPONSIBILITY = "personal-responsibility"
    COPING_SKILLS = "coping-skills"
    THERAPY_OUTCOMES = "therapy-outcomes"
    RESILIENCE = "resilience"
    RECOVERY = "recovery"
    # For the relationship both share.
    NORMALISES_LIMITS = "normalises-limits"
    MUTUAL_ACCOUNTABILITY = "mutual-accountability"
    TRUST = "trust"
    COLLABORATION = "collaboration"

    @property
    def label(self) -> str:
        """A short human-readable description."""
        return _BENEFITS[self][0]

    @property
    def roles(self) -> frozenset[Role]:
        """The roles this benefit is for."""
        return _BENEFITS[self][1]


_T = frozenset({Role.THERAPIST})
_C = frozenset({Role.CLIENT})
_BOTH = frozenset(Role)
_BENEFITS = {
    Benefit.PREVENTS_BURNOUT: ("prevents burnout and compassion fatigue", _T),
    Benefit.ETHICAL_PRACTICE: ("ensures ethical and effective practice", _T),
    Benefit.PRESENCE: ("promotes presence and attunement", _T),
    Benefit.MODELS_HEALTHY_BEHAVIOUR: ("models healthy behaviour", _T),
    Benefit.LONGEVITY: ("sustains longevity in the profession", _T),
    Benefit.PERSONAL_RESPONSIBILITY: ("empowers personal responsibility", _C),
    Benefit.COPING_SKILLS: ("builds coping skills", _C),
    Benefit.THERAPY_OUTCOMES: ("enhances therapy outcomes", _C),
    Benefit.RESILIENCE: ("improves resilience and self-esteem", _C),
    Benefit.RECOVERY: ("supports recovery from trauma, anxiety or depression", _C),
    Benefit.NORMALISES_LIMITS: ("normalises human limits", _BOTH),
    Benefit.MUTUAL_ACCOUNTABILITY: ("mutual accountability and empowerment", _BOTH),
    Benefit.TRUST: ("promotes authenticity and trust", _BOTH),
    Benefit.COLLABORATION: ("encourages collaboration", _BOTH),
}


class Effort(Vocabulary):
    """How much effort a strategy asks of a person.

    Example:
        >>> Effort.LOW < Effort.HIGH
        True
    """

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def level(self) -> int:
        """1 for low, 2 for medium, 3 for high."""
        return _EFFORT_LEVELS[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Effort):
            return NotImplemented
        return self.level < other.level

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Effort):
            return NotImplemented
        return self.level <= other.level

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Effort):
            return NotImplemented
        return self.level > other.level

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Effort):
            return NotImplemented
        return self.level >= other.level


_EFFORT_LEVELS = {Effort.LOW: 1, Effort.MEDIUM: 2, Effort.HIGH: 3}
