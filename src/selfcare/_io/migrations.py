"""Upgrades of documents written by earlier versions of the format, one version at a time.

``MIGRATIONS[n]`` turns a document of version ``n`` into one of version ``n + 1``; it gets
a copy of the document's top-level object and returns the upgraded one. A migration only
adds or renames what changed: every value is still checked when the document is read.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from selfcare._io.documents import Document, Migration

__all__ = ["MIGRATIONS"]


def _is_plan(value: object) -> bool:
    return type(value) is dict and "revisions" in value and "period" in value


def v1_to_v2(document: Document) -> Document:
    """Version 2 adds a plan's ``shortfall`` (what the generator could not fit): ``null``.

    The document given is a copy of the caller's top-level object; the plans inside a list
    document are copied too before they change, so the caller's data is never touched.
    """
    if document.get("type") == "plan":
        document.setdefault("shortfall", None)
    values = document.get("values")
    if document.get("type") == "list" and type(values) is list:
        document["values"] = [
            {"shortfall": None, **value} if _is_plan(value) else value for value in values
        ]
    return document


MIGRATIONS: Mapping[int, Migration] = MappingProxyType({1: v1_to_v2})
