"""Places in a JSON document, for tests that edit one value at a time.

A place is a path of keys and indexes from the document down to one value; ``()`` is the
document itself.
"""

from __future__ import annotations

import copy
from typing import Any


def every_place(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a document, as a path of keys and indexes: the document itself first."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += every_place(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += every_place(value, (*path, index))
    return found


def at(document: Any, place: tuple[Any, ...]) -> Any:
    """The value at a place in a document."""
    for step in place:
        document = document[step]
    return document


def edited(document: Any, place: tuple[Any, ...], value: Any, *, remove: bool = False) -> Any:
    """A deep copy of a document with the value at ``place`` set, or its key removed.

    ``value`` itself is not copied. A place in a list is always set, never removed.
    """
    doc = copy.deepcopy(document)
    parent = at(doc, place[:-1])
    if remove and isinstance(parent, dict):
        del parent[place[-1]]
    else:
        parent[place[-1]] = value
    return doc
