"""The built-in catalog (placeholder until the seed content lands)."""

from __future__ import annotations

from functools import cache

from selfcare._catalog import Catalog


@cache
def default_catalog() -> Catalog:
    """The built-in catalog."""
    return Catalog()
