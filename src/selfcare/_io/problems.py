"""Problems found in a document: where they are, what they say, and what they never say.

A problem is a path relative to the value being read (``""`` for the value itself,
``.minutes``, ``[3].minutes``) and a message. Messages describe a rejected value by its JSON
type, its length, and for numbers, booleans and null its value; never by its text, which
may be something a person wrote. Keys are named only when they look like field names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs

from selfcare._core.errors import ValidationError

Problems = list[tuple[str, str]]


class DocumentError(Exception):
    """Problems found in one value, each a path relative to it ("" is the value itself)."""

    def __init__(self, problems: Problems) -> None:
        super().__init__()
        self.problems = problems


def bad(message: str) -> DocumentError:
    """The error for a value that is wrong as a whole."""
    return DocumentError([("", message)])


def flatten(exc: BaseException) -> Problems:
    """The problems an exception raised while structuring stands for.

    Only messages written by this library are kept: cattrs' and Python's own messages
    can quote the input, so any other exception becomes a generic message.
    """
    if isinstance(exc, DocumentError):
        return exc.problems
    if isinstance(exc, ValidationError):  # raised by a domain type's validators
        return [(f".{path}" if path else "", message) for path, message in exc.problems]
    # Only reading raises cattrs' errors, and writing need not import cattrs.
    from cattrs.errors import AttributeValidationNote, BaseValidationError, ForbiddenExtraKeysError

    if isinstance(exc, BaseValidationError):
        problems: Problems = []
        for sub in exc.exceptions:
            notes = getattr(sub, "__notes__", ())
            note = next((n for n in notes if isinstance(n, AttributeValidationNote)), None)
            prefix = "" if note is None else f".{note.name}"
            if note is not None and type(sub) is KeyError:
                problems.append((prefix, "missing; this key is required"))
            else:
                problems.extend((prefix + path, message) for path, message in flatten(sub))
        return problems
    if isinstance(exc, ForbiddenExtraKeysError):
        return unknown_keys(exc.extra_fields, [a.name for a in attrs.fields(exc.cl) if a.init])
    if isinstance(exc, RecursionError):
        return [("", "nested too deeply")]
    return [("", "invalid value")]


_SAFE_KEY = re.compile(r"[a-z][a-z0-9_]{0,63}")


def key_segment(key: object) -> str:
    """The path segment of an object's key: the key itself only when it looks like a name."""
    return f".{key}" if type(key) is str and _SAFE_KEY.fullmatch(key) else ".?"


def unknown_keys(keys: Iterable[Any], allowed: Iterable[str]) -> Problems:
    """One problem per unknown key, naming the key only when it looks like a field name."""
    message = "unknown key; expected only " + ", ".join(allowed)
    return sorted({(key_segment(key), message) for key in keys})


def rethrow(exc: Exception, segment: str) -> DocumentError:
    """The problems of ``exc``, each moved under a path segment."""
    return DocumentError([(segment + path, message) for path, message in flatten(exc)])
