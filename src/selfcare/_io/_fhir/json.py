"""Reading FHIR JSON: each part checked where it is read, a problem named by its FHIR path.

No message quotes the value it refuses: a resource from another system may hold anything.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"\d{2}:\d{2}:\d{2}")
_ELEMENT = re.compile(r"[a-z][A-Za-z0-9]{0,63}")


class Unreadable(Exception):  # noqa: N818 - internal: always turned into a ValidationError
    """The first part of a resource that cannot be read, at ``path``."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(path, message)
        self.path = path
        self.message = message


def element(key: object) -> str:
    """The path segment of an element: its name only when it looks like a FHIR element's."""
    return f".{key}" if isinstance(key, str) and _ELEMENT.fullmatch(key) else ".?"


def as_object(value: object, path: str) -> dict[str, Any]:
    """Require a JSON object."""
    if not isinstance(value, dict):
        raise Unreadable(path, "expected a JSON object")
    return value


def as_list(value: object, path: str) -> list[Any]:
    """Require a JSON array."""
    if not isinstance(value, list):
        raise Unreadable(path, "expected a JSON array")
    return value


def as_str(value: object, path: str) -> str:
    """Require a string."""
    if not isinstance(value, str):
        raise Unreadable(path, "expected a string")
    return value


def as_int(value: object, path: str) -> int:
    """Require an integer."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise Unreadable(path, "expected an integer")
    return value


def as_date(value: object, path: str) -> dt.date:
    """Require a date, ``YYYY-MM-DD``."""
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise Unreadable(path, "expected a date, YYYY-MM-DD")


def as_time(value: object, path: str) -> dt.time:
    """Require a time of day, ``hh:mm:ss``."""
    if isinstance(value, str) and _TIME.fullmatch(value):
        try:
            return dt.time.fromisoformat(value)
        except ValueError:
            pass
    raise Unreadable(path, "expected a time of day, hh:mm:ss")


def codes(concept: object, path: str) -> dict[str, str]:
    """The codes of a ``CodeableConcept``, by system (the first code of each)."""
    found: dict[str, str] = {}
    data = as_object(concept, path)
    for n, coding in enumerate(as_list(data.get("coding", []), f"{path}.coding")):
        coding = as_object(coding, f"{path}.coding[{n}]")
        system, code = coding.get("system"), coding.get("code")
        if isinstance(system, str) and isinstance(code, str):
            found.setdefault(system, code)
    return found


def extensions(data: dict[str, Any], url: str, path: str) -> list[tuple[str, dict[str, Any]]]:
    """The extensions of ``data`` with one URL, each with its path."""
    found = []
    for n, ext in enumerate(as_list(data.get("extension", []), f"{path}.extension")):
        ext = as_object(ext, f"{path}.extension[{n}]")
        if ext.get("url") == url:
            found.append((f"{path}.extension[{n}]", ext))
    return found
