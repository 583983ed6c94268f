"""The outside of a document: its JSON text, its size, and its version.

Everything here works on raw JSON values, before any of them is turned into a selfcare
value: reading JSON text strictly, checking a document's size and nesting without
recursion, and upgrading a document of an earlier version of the format.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, Final

from selfcare._problems import DocumentError, bad, describe, key_segment
from selfcare.errors import Problem

Document = dict[str, Any]
Migration = Callable[[Document], Document]

#: The deepest nesting of lists and objects a document may have (the document is level 1).
MAX_DEPTH: Final = 32
#: The most entries one list or object may hold (a catalog may hold 100,000 strategies).
MAX_ENTRIES: Final = 100_000
#: The most values (list entries and object members, counted at every level) in a document.
MAX_VALUES: Final = 2_000_000
#: The longest JSON text ``from_json`` reads, in characters (or bytes).
MAX_TEXT_LENGTH: Final = 50_000_000


ENCODER = json.JSONEncoder(
    ensure_ascii=True, check_circular=False, allow_nan=False, separators=(",", ":")
)


def _no_constant(name: str) -> Any:
    raise bad("NaN and Infinity are not JSON numbers")


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # JSON leaves repeated keys to the reader; two readers taking different ones is a hazard.
    result = dict(pairs)
    if len(result) != len(pairs):
        raise bad("an object repeats a key; give each key once")
    return result


DECODER = json.JSONDecoder(parse_constant=_no_constant, object_pairs_hook=_no_repeats)


def parse(text: str | bytes) -> str | tuple[Any]:
    """The JSON value of the text, in a 1-tuple, or what is wrong with the text."""
    if len(text) > MAX_TEXT_LENGTH:
        return f"the text is longer than {MAX_TEXT_LENGTH:,} characters"
    try:
        decoded = text if isinstance(text, str) else text.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"not UTF-8 text: invalid byte at position {exc.start}"
    try:
        return (DECODER.decode(decoded),)
    except json.JSONDecodeError as exc:
        return f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
    except DocumentError as exc:
        return exc.problems[0][1]
    except RecursionError:
        return "not readable JSON: nested too deeply"
    except ValueError:  # an integer with more digits than Python converts
        return "not readable JSON: a number is too long"


def upgrade(
    data: dict[str, Any], migrations: Mapping[int, Migration], current: int
) -> tuple[Document | None, list[Problem]]:
    """The document upgraded to the current version, or what stops it being read."""
    version = data.get("schema_version")
    if "schema_version" not in data:
        return None, [("$.schema_version", "missing; a document says its format version")]
    if type(version) is not int:
        return None, [("$.schema_version", f"expected an integer, {describe(version)}")]
    if version > current:
        return None, [
            (
                "$.schema_version",
                f"version {version} is newer than this selfcare reads (up to {current}); "
                "upgrade selfcare",
            )
        ]
    document = data
    while version < current:
        migrate = migrations.get(version)
        if migrate is None:
            return None, [("$.schema_version", f"documents of version {version} cannot be read")]
        try:
            document = migrate({**document})
        except Exception:  # a migration fails only on a malformed document
            return None, [("$", f"this version {version} document cannot be upgraded")]
        version += 1
        document["schema_version"] = version
    return document, []


def check_limits(data: object) -> list[Problem]:
    """Check nesting depth and sizes on the raw data, level by level, before anything else."""
    level: list[Any] = [data] if type(data) in CONTAINERS else []
    depth = total = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            return [(locate(data, depth=depth), f"nested deeper than {MAX_DEPTH} levels")]
        below: list[Any] = []
        append = below.append
        for node in level:
            if type(node) is dict:
                node = node.values()
            size = len(node)
            if size > MAX_ENTRIES:
                return [
                    (locate(data, size=MAX_ENTRIES), f"holds more than {MAX_ENTRIES:,} entries")
                ]
            total += size
            for child in node:
                if type(child) in CONTAINERS:
                    append(child)
        if total > MAX_VALUES:
            return [("$", f"holds more than {MAX_VALUES:,} values in all")]
        level = below
    return []


CONTAINERS = frozenset({dict, list})


def locate(data: object, *, depth: int = 0, size: int = 0) -> str:
    """The path of the first list or object at ``depth`` or holding more than ``size``."""
    stack: list[tuple[Any, int, str]] = [(data, 1, "$")]
    while stack:
        node, level, path = stack.pop()
        if type(node) is dict:
            pairs: Any = [(key_segment(k), v) for k, v in node.items()]
        elif type(node) is list:
            pairs = [(f"[{i}]", v) for i, v in enumerate(node)]
        else:
            continue
        if (depth and level >= depth) or (size and len(node) > size):
            return path
        stack.extend((child, level + 1, path + segment) for segment, child in reversed(pairs))
    return "$"  # pragma: no cover - only called once a violation was seen
