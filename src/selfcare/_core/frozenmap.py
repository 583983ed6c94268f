"""An immutable, hashable mapping for fields of frozen values."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V]):
    """A read-only dict that hashes and pickles, so frozen values holding one stay hashable."""

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[K, V] | None = None) -> None:
        # Another FrozenMap's dict is never changed, so it is shared rather than copied.
        self._data: dict[K, V] = (
            data._data if type(data) is FrozenMap else {} if data is None else dict(data)
        )
        self._hash: int | None = None

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(self._data)

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._data,))


def freeze(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    """An attrs converter for a mapping field of a frozen value: a read-only, hashable copy.

    A FrozenMap is kept as it is (it never changes); any other mapping is wrapped; anything
    else is returned unchanged, for the field's validator to reject with its name.

    Example:
        >>> frozen = freeze({"days_with": 9})
        >>> frozen["days_with"], freeze(frozen) is frozen
        (9, True)
    """
    raw: Any = value
    kind = type(raw)
    if kind is FrozenMap:
        return value
    if kind is dict or isinstance(raw, Mapping):  # a dict first: Mapping's check is slow
        return FrozenMap(raw)
    return raw  # type: ignore[no-any-return]  # not a mapping: rejected by the validator
