"""Short ``repr`` for the fields that hold many values, so a result prints on one line."""

from __future__ import annotations

from collections.abc import Sized


def counted(values: Sized) -> str:
    """Show a collection as how many values it holds.

    Example:
        >>> counted(("walk", "journal"))
        '<2 values>'
        >>> counted(())
        '<0 values>'
    """
    size = len(values)
    return f"<{size} value{'' if size == 1 else 's'}>"
