"""Text, slugs and facts: the small values every other strategy builds on."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import strategies as st

T = TypeVar("T")


_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"


def slugs(max_parts: int = 3) -> st.SearchStrategy[str]:
    """Lowercase slugs such as ``"short-walk"``."""
    part = st.text(_ALNUM, min_size=1, max_size=8)
    return st.lists(part, min_size=1, max_size=max_parts).map("-".join)


def unique_slugs(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(slugs(), min_size=min_size, max_size=max_size, unique=True)


def free_text(max_size: int = 200) -> st.SearchStrategy[str]:
    return st.text(max_size=max_size)


def names() -> st.SearchStrategy[str]:
    return st.text(min_size=1, max_size=60).filter(lambda s: bool(s.strip()))


def facts() -> st.SearchStrategy[dict[str, Any]]:
    names = st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12).filter(
        lambda s: s[0] != "_"
    )
    values = st.one_of(
        st.integers(-(10**6), 10**6),
        st.floats(-1e6, 1e6, allow_nan=False),
        st.text(max_size=40),
    )
    return st.dictionaries(names, values, max_size=3)


@functools.cache
def once(build: Callable[[], st.SearchStrategy[T]]) -> st.SearchStrategy[T]:
    """The strategy ``build()`` returns, built on first use and then reused.

    Hypothesis validates each new strategy object, which costs more than drawing from it, so
    composites that draw many values of one kind draw them from one shared strategy.
    """
    return build()
