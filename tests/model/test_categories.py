"""Specification of categories, roles, benefits and effort."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import pickle

import pytest

from selfcare import Benefit, Category, Effort, Role

THERAPIST_BENEFITS = {
    Benefit.PREVENTS_BURNOUT,
    Benefit.ETHICAL_PRACTICE,
    Benefit.PRESENCE,
    Benefit.MODELS_HEALTHY_BEHAVIOUR,
    Benefit.LONGEVITY,
}
CLIENT_BENEFITS = {
    Benefit.PERSONAL_RESPONSIBILITY,
    Benefit.COPING_SKILLS,
    Benefit.THERAPY_OUTCOMES,
    Benefit.RESILIENCE,
    Benefit.RECOVERY,
}


def test_categories_are_the_seed_areas_and_professional() -> None:
    """The six categories: five client areas and the therapist's professional care."""
    expected = ["emotional", "physical", "mental", "practical", "spiritual", "professional"]
    assert expected == [category.value for category in Category]


@pytest.mark.parametrize(
    ("category", "label"),
    [
        (Category.EMOTIONAL, "emotional"),
        (Category.PHYSICAL, "physical"),
        (Category.MENTAL, "mental & cognitive"),
        (Category.PRACTICAL, "practical"),
        (Category.SPIRITUAL, "spiritual"),
        (Category.PROFESSIONAL, "professional"),
    ],
)
def test_category_labels(category: Category, label: str) -> None:
    """Each category has a short human-readable label."""
    assert label == category.label


def test_only_spiritual_care_is_opt_in() -> None:
    """Spiritual care is offered only to those who ask for it."""
    assert {Category.SPIRITUAL} == {category for category in Category if category.opt_in}


def test_category_converts_from_text() -> None:
    """A category is built from its text value, and unknown text is a ValueError."""
    assert Category.PHYSICAL is Category("physical")
    with pytest.raises(ValueError, match="nope"):
        Category("nope")


def test_roles_are_therapist_and_client() -> None:
    """There are two roles: therapist and client."""
    assert ["therapist", "client"] == [role.value for role in Role]


@pytest.mark.parametrize("benefit", sorted(THERAPIST_BENEFITS))
def test_therapist_benefits_are_for_the_therapist(benefit: Benefit) -> None:
    """The seed's benefits for therapists belong to the therapist role only."""
    assert frozenset({Role.THERAPIST}) == benefit.roles


@pytest.mark.parametrize("benefit", sorted(CLIENT_BENEFITS))
def test_client_benefits_are_for_the_client(benefit: Benefit) -> None:
    """The seed's benefits for clients belong to the client role only."""
    assert frozenset({Role.CLIENT}) == benefit.roles


@pytest.mark.parametrize("benefit", sorted(set(Benefit) - THERAPIST_BENEFITS - CLIENT_BENEFITS))
def test_shared_benefits_are_for_both_roles(benefit: Benefit) -> None:
    """The benefits of the relationship belong to both roles."""
    assert frozenset(Role) == benefit.roles


@pytest.mark.parametrize("benefit", list(Benefit))
def test_every_benefit_has_a_label(benefit: Benefit) -> None:
    """Every benefit has a non-empty label distinct from the others."""
    assert benefit.label.strip()
    assert 1 == [other.label for other in Benefit].count(benefit.label)


@pytest.mark.parametrize(
    ("benefit", "label"),
    [
        (Benefit.PREVENTS_BURNOUT, "prevents burnout and compassion fatigue"),
        (Benefit.COPING_SKILLS, "builds coping skills"),
        (Benefit.RECOVERY, "supports recovery from trauma, anxiety or depression"),
    ],
)
def test_benefit_labels_follow_the_seed(benefit: Benefit, label: str) -> None:
    """Benefit labels use the seed's words."""
    assert label == benefit.label


def test_effort_levels() -> None:
    """Effort has levels 1, 2 and 3 for low, medium and high."""
    assert [1, 2, 3] == [effort.level for effort in Effort]


def test_effort_orders_by_level_not_by_text() -> None:
    """Effort sorts low < medium < high, not alphabetically."""
    assert [Effort.LOW, Effort.MEDIUM, Effort.HIGH] == sorted(
        [Effort.HIGH, Effort.LOW, Effort.MEDIUM]
    )
    assert Effort.LOW < Effort.MEDIUM < Effort.HIGH
    assert Effort.HIGH > Effort.MEDIUM > Effort.LOW
    assert Effort.LOW <= Effort.LOW
    assert Effort.HIGH >= Effort.HIGH
    assert not Effort.HIGH < Effort.LOW


@pytest.mark.parametrize(
    "member", [*Category, *Role, *Benefit, *Effort], ids=lambda member: repr(member)
)
def test_vocabulary_members_pickle_to_themselves(member: object) -> None:
    """Enum members survive pickling as the very same member."""
    assert member is pickle.loads(pickle.dumps(member))
