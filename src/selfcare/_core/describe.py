"""Describe a rejected value without quoting it: the one rule every error message follows.

Text a caller passes may be something a person wrote about their health, so a message never
quotes it: a string is described by its length, a collection by its type. Numbers, booleans,
``None`` and enum members carry no private text and are shown as they are. Only a
well-formed id may be quoted back (see :func:`looks_like_id`), to point at a typo.
"""

from __future__ import annotations

import enum
import re

__all__ = ["MAX_SLUG", "SLUG", "describe", "got", "looks_like_id", "minutes_phrase"]

#: An id: lowercase letters and digits in words joined by single hyphens (``short-walk``).
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: The longest id.
MAX_SLUG = 64
#: Integers wider than this many bits are not shown: they are too long to be useful.
_WIDEST_SHOWN = 64


def describe(value: object, *, json: bool = False) -> str:
    """A phrase for a value that never quotes its text.

    Args:
        value: the rejected value.
        json: describe it in the words of a JSON document (``null``, ``true``, an object),
            for values read from one.

    Example:
        >>> describe("my private note")
        'a string of 15 characters'
        >>> describe(1.5), describe(None), describe(None, json=True)
        ('1.5', 'None', 'null')
        >>> describe([1, 2], json=True), describe({"a": 1}, json=True), describe([1, 2])
        ('a list of 2 values', 'an object', 'a list')
    """
    if value is None:
        return "null" if json else "None"
    if value is True or value is False:
        return str(value).lower() if json else str(value)
    if isinstance(value, int) and not isinstance(value, bool | enum.Enum):
        return "a very large integer" if value.bit_length() > _WIDEST_SHOWN else repr(int(value))
    if isinstance(value, float):
        return repr(float(value))
    if isinstance(value, enum.Enum):
        return repr(value)
    if isinstance(value, str):
        return f"a string of {len(value)} characters"
    if json and type(value) is list:
        return f"a list of {len(value)} values"
    if json and type(value) is dict:
        return "an object"
    return f"a value of Python type {type(value).__name__}" if json else f"a {type(value).__name__}"


def got(value: object, *, json: bool = False) -> str:
    """``"got "`` and the value's description (see :func:`describe`), to end a message.

    Example:
        >>> got(42), got("Mars/Olympus"), got(None, json=True)
        ('got 42', 'got a string of 12 characters', 'got null')
    """
    return f"got {describe(value, json=json)}"


def looks_like_id(value: object) -> bool:
    """Whether a value is a well-formed id (a lowercase slug), which a message may quote.

    Example:
        >>> looks_like_id("short-walk"), looks_like_id("I walked with my sister")
        (True, False)
    """
    return isinstance(value, str) and len(value) <= MAX_SLUG and bool(SLUG.fullmatch(value))


def minutes_phrase(count: int) -> str:
    """A number of minutes in words: ``1 minute``, ``25 minutes``.

    Example:
        >>> minutes_phrase(1), minutes_phrase(25)
        ('1 minute', '25 minutes')
    """
    return f"{count} minute" if count == 1 else f"{count} minutes"
