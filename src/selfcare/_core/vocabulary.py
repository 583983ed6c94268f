"""The library's words: string enumerations with a ``parse`` that never echoes its input.

Every enumeration a person or an app picks from (categories, roles, benefits, statuses, …)
is a :class:`Vocabulary`: a ``StrEnum`` whose values are the words written in documents.
``Category("physical")`` works as for any enum, but its error quotes the text it was given;
``Category.parse(text)`` reads the same words, forgivingly, and its error lists the words
there are instead.
"""

from __future__ import annotations

import enum
from typing import Self

from selfcare._core.describe import got
from selfcare._core.errors import ValidationError

__all__ = ["Vocabulary"]


class Vocabulary(enum.StrEnum):
    """A string enumeration whose members can be read from text safely."""

    @classmethod
    def parse(cls, text: object) -> Self:
        """The member that ``text`` names: its value or its name, in any case.

        Hyphens, underscores and spaces are read alike, so ``"Neglected category"``,
        ``"neglected_category"`` and ``"neglected-category"`` name the same member.

        Raises:
            ValidationError: ``text`` names no member (on ``text``); the message lists the
                words there are and never quotes ``text``.

        Example:
            >>> from selfcare import Category
            >>> Category.parse("Physical"), Category.parse(" mental ")
            (<Category.PHYSICAL: 'physical'>, <Category.MENTAL: 'mental'>)
        """
        if isinstance(text, cls):
            return text
        if isinstance(text, str):
            key = _key(text)
            for member in cls:
                if key in (_key(member.value), _key(member.name)):
                    return member
        words = ", ".join(repr(m.value) for m in cls)
        raise ValidationError.single(
            "text", f"expected one of {words} (a {cls.__name__}), {got(text)}"
        )


def _key(word: str) -> str:
    return "-".join(word.strip().lower().replace("_", " ").replace("-", " ").split())
