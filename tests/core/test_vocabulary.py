"""Specification of the library's words: every enumeration reads text without echoing it."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import enum
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import selfcare
from selfcare import Category, ReasonCode, ValidationError
from selfcare._core.vocabulary import Vocabulary

WORDS = sorted(
    (
        kind
        for name in selfcare.__all__
        if isinstance(kind := getattr(selfcare, name), type) and issubclass(kind, enum.Enum)
    ),
    key=lambda kind: kind.__name__,
)


def test_every_public_enumeration_can_parse() -> None:
    """Each public enumeration has parse: the vocabularies, Weekday and the rest."""
    assert 15 < len(WORDS)
    assert all(callable(getattr(kind, "parse", None)) for kind in WORDS)


@pytest.mark.parametrize("kind", WORDS, ids=lambda kind: kind.__name__)
def test_parse_reads_every_member_by_value_and_name(kind: Any) -> None:
    """A member's value and name, in any case and with spaces around, give the member."""
    for member in kind:
        parse = kind.parse
        assert member is parse(member)
        assert member is parse(str(member.value).upper())
        assert member is parse(f"  {member.name.lower()} ")


def test_parse_reads_hyphens_underscores_and_spaces_alike() -> None:
    """'Neglected category', 'neglected_category' and 'neglected-category' are one word."""
    for text in ("Neglected category", "neglected_category", "NEGLECTED-CATEGORY"):
        assert ReasonCode.NEGLECTED_CATEGORY is ReasonCode.parse(text)


@given(st.text(max_size=40))
def test_parse_never_echoes_text_it_cannot_read(text: str) -> None:
    """Text that names no member is refused, listing the words, quoting nothing given."""
    assume(text.strip().lower() not in {c.value for c in Category})
    assume(text.strip().lower().replace(" ", "-") not in {c.value for c in Category})
    assume(text.strip().upper().replace(" ", "_") not in {c.name for c in Category})
    with pytest.raises(ValidationError) as caught:
        Category.parse(text)
    message = str(caught.value)
    assert message.startswith("text: expected one of 'emotional', 'physical'")
    assert f"got a string of {len(text)} characters" in message
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None


def test_parse_refuses_what_is_not_text() -> None:
    """A number, None or another enum's member is refused by type."""
    for value in (3, None, ReasonCode.GOAL, b"physical"):
        with pytest.raises(ValidationError):
            Category.parse(value)


def test_the_vocabularies_are_str_enums() -> None:
    """Members are strings equal to the word written in documents."""
    assert issubclass(Category, Vocabulary)
    assert isinstance(Category.PHYSICAL, str)
    assert "physical" == Category.PHYSICAL.value
