"""The outside of a document: its JSON text, its size, and its version.

Everything here works on raw JSON values, before any of them is turned into a selfcare
value: reading JSON text strictly, checking a document's size and nesting without
recursion, and upgrading a document of an earlier version of the format.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any, Final

from selfcare._core.describe import got
from selfcare._core.errors import Problem
from selfcare._io.problems import DocumentError, bad, key_segment

Document = dict[str, Any]
Migration = Callable[[Document], Document]

#: The deepest nesting of lists and objects a document may have (the document is level 1).
MAX_DEPTH: Final = 32
#: The most entries one list or object may hold (a catalog may hold 100,000 strategies).
MAX_ENTRIES: Final = 100_000
#: The most values (list entries and object members, counted at every level) in a document:
#: a catalog of 100,000 strategies like the built-in ones has about 2,500,000.
MAX_VALUES: Final = 3_000_000
#: The longest JSON text ``from_json`` reads, in characters (or bytes): a catalog of 100,000
#: strategies like the built-in ones is about 50 MB.
MAX_TEXT_LENGTH: Final = 64_000_000


ENCODER = json.JSONEncoder(
    ensure_ascii=True, check_circular=False, allow_nan=False, separators=(",", ":")
)

#: The optional fast backend, ``selfcare[fast]``, or None: looked up at every call, so
#: setting it to None (as the tests and benchmarks do) gives the standard library's path.
orjson: ModuleType | None
try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - CI installs it; the tests set it to None too
    orjson = None
else:
    orjson = _orjson
#: Values orjson would write its own way (``datetime``, dataclasses, and subclasses of
#: ``str``, ``int``, ``dict`` and ``list``) make it raise instead, so ``ENCODER`` writes them.
_AS_ENCODER: Final = (
    (
        orjson.OPT_PASSTHROUGH_DATETIME
        | orjson.OPT_PASSTHROUGH_DATACLASS
        | orjson.OPT_PASSTHROUGH_SUBCLASS
    )
    if orjson is not None
    else 0
)
#: Each digit as ``0``, so runs of digits and a digit before an exponent are found with
#: fast substring searches rather than a regular expression (which is ten times slower).
_DIGITS: Final = bytes.maketrans(b"123456789E", b"000000000e")


def write(data: Any) -> str:
    r"""The compact JSON text of JSON-ready data: exactly what ``ENCODER.encode`` gives.

    With orjson installed (``selfcare[fast]``), orjson writes the text, and ``ENCODER``
    writes it instead wherever orjson's text could differ in a single byte:

    - orjson cannot write the data: an integer beyond 64 bits, a key that is not a string,
      a lone surrogate, a subclass of a built-in type, anything else.
    - The text holds a ``\u`` escape or a raw DEL: the standard library escapes DEL, and
      control characters other than ``\b``, ``\t``, ``\n``, ``\f`` and ``\r``, as ``\u00xx``.
    - The text holds a digit before an ``e``, ``0.0000``, or 17 digits in a row. Every
      float the two write differently shows one of these: Python writes an exponent for
      magnitudes below 1e-4 or from 1e16 on, and orjson writes some of those without one,
      and its exponents its own way. The digits of a float are the same in both, the
      shortest that read back to it.
    - The text is not ASCII and holds ``\x`` or a character beyond the Basic Multilingual
      Plane. The standard library escapes everything beyond ASCII as ``\u`` and four
      lowercase hex digits; orjson writes it as UTF-8, which is escaped here with
      ``backslashreplace`` (``\xe9``, ``\u2014``), with each ``\x`` made ``\u00``. When
      orjson's text holds no ``\x``, each ``\x`` then is one of these.

    These may also be found in text inside strings, which is merely slower.

    ``data`` is what :func:`selfcare.serialize.to_dict` gives. Only on values it never
    gives do the two part: ``ENCODER`` refuses NaN and infinities, plain enum members and
    UUIDs, which orjson writes (as ``null``, and as their values).

    Example:
        >>> write({"n": 1e-05, "a": [True, None, "é"]})
        '{"n":1e-05,"a":[true,null,"\\u00e9"]}'
    """
    fast = orjson
    if fast is not None:
        try:
            raw: bytes = fast.dumps(data, option=_AS_ENCODER)
        except Exception:  # ENCODER writes it, or raises its own error
            pass
        else:
            text = _as_encoder(raw)
            if text is not None:
                return text
    return ENCODER.encode(data)


def _as_encoder(raw: bytes) -> str | None:
    """The text orjson wrote, made what ``ENCODER`` writes, or None where it may differ.

    :func:`write` says when and why.

    Searches for one byte are several times faster than those for two or more, so they
    come first.
    """
    if b"\x7f" in raw or b"0.0000" in raw or (b"\\" in raw and b"\\u" in raw):
        return None
    digits = raw.translate(_DIGITS)
    if b"0e" in digits or b"0" * 17 in digits:
        return None
    if raw.isascii():
        return raw.decode("ascii")
    if b"\\" in raw and b"\\x" in raw:
        return None
    escaped = raw.decode("utf-8").encode("ascii", "backslashreplace")
    if b"\\U" in escaped:
        return None
    return escaped.replace(b"\\x", b"\\u00").decode("ascii")


def _no_constant(name: str) -> Any:
    raise bad("NaN and Infinity are not JSON numbers")


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # JSON leaves repeated keys to the reader; two readers taking different ones is a hazard.
    result = dict(pairs)
    if len(result) != len(pairs):
        raise bad("an object repeats a key; give each key once")
    return result


DECODER = json.JSONDecoder(parse_constant=_no_constant, object_pairs_hook=_no_repeats)
#: Builds objects in C, several times faster than ``DECODER``, but keeps the last of repeated
#: keys: :func:`read` counts the keys to find out whether there were any.
_PLAIN = json.JSONDecoder(parse_constant=_no_constant)


def read(text: str | bytes) -> str | tuple[Any, list[Problem]]:
    """The JSON value of the text with what :func:`check_limits` finds, or what is wrong.

    What is wrong with the text is said as :func:`parse` says it.
    The text is read in C (by orjson when it is installed, see :func:`_decode`), and then
    its keys are counted: the text has a repeated key exactly when it has more keys than
    the objects read from it have members. When that, or anything else, is wrong, or the
    keys cannot be counted simply, the text is read again by :func:`parse`, which finds
    the first problem.
    """
    decoded = _text(text)
    if isinstance(decoded, tuple):
        return decoded[0]
    if _countable(decoded):
        try:
            value = _decode(text, decoded)
        except Exception:  # parse, below, says what is wrong
            pass
        else:
            problems, members = _measure(value)
            if not problems and members == decoded.count('":'):
                return value, []
    parsed = parse(decoded)
    if isinstance(parsed, str):
        return parsed
    return parsed[0], check_limits(parsed[0])


#: The longest text :func:`read_short` reads, in characters (or bytes). A value ends at a
#: character of its own, and each value inside a list or object has one more before it
#: (the ``[``, ``,`` or ``:`` before it), so no text this long holds more than
#: ``MAX_VALUES`` values. Its lists and objects are not measured: the fast hooks refuse
#: any of more than ``MAX_ENTRIES`` entries (``format``), and then :func:`read` reads it.
SHORT_TEXT: Final = 2 * MAX_VALUES


def read_short(text: str | bytes) -> tuple[Any, int] | None:
    """The JSON value of a short text, read in C, and how many keys the text writes; or None.

    The value is not measured: no text this short (``SHORT_TEXT``) holds too many values,
    and the sizes of its lists and objects, its nesting and its repeated keys are for the
    reader of the document to find out (as :func:`selfcare.from_json` does, with the fast
    hooks and ``format.TALLY``). None when the text is longer, not UTF-8, or its keys
    cannot be counted simply, or the reader in C refuses it: :func:`read` then reads it.
    """
    if len(text) > SHORT_TEXT:
        return None
    decoded = _text(text)
    if isinstance(decoded, tuple) or not _countable(decoded):
        return None
    try:
        value = _decode(text, decoded)
    except Exception:  # read, then, says what is wrong
        return None
    return value, decoded.count('":')


def _decode(text: str | bytes, decoded: str) -> Any:
    """The JSON value of the text, read in C, keeping the last of repeated keys.

    orjson reads what ``_PLAIN`` reads, to the same value (``tests/io/test_fast_json.py``
    checks it on arbitrary text), except that it refuses some texts ``_PLAIN`` reads
    (lone surrogates, numbers too large for a float, nesting beyond 1,024 levels), which
    :func:`read` then has :func:`parse` read, and that it reads an integer beyond 64 bits
    as a float: a text with 19 digits in a row is read by ``_PLAIN`` instead.
    """
    fast = orjson
    if fast is None:
        return _PLAIN.decode(decoded)
    raw = text if isinstance(text, bytes) else decoded.encode("utf-8", "surrogatepass")
    if b"0" * 19 in raw.translate(_DIGITS):
        return _PLAIN.decode(decoded)
    return fast.loads(raw)


def _countable(text: str) -> bool:
    """Whether every key of the (JSON) text is written right before its colon.

    Then counting each quote followed by a colon counts every key, and more only where a
    string holds an escaped quote before a colon or starts with a colon. A key is followed
    by white space before its colon only if the text has both a quote followed by white
    space and white space followed by a colon. (Compact text has no newline, tab or
    carriage return, and a search for one character is several times faster than one for
    two, so each of those is looked for alone first.)
    """
    if (
        " :" in text
        or ("\n" in text and "\n:" in text)
        or ("\t" in text and "\t:" in text)
        or ("\r" in text and "\r:" in text)
    ):
        return not (
            '" ' in text
            or ("\n" in text and '"\n' in text)
            or ("\t" in text and '"\t' in text)
            or ("\r" in text and '"\r' in text)
        )
    return True


def _text(text: str | bytes) -> str | tuple[str]:
    """The text as ``str``, or what is wrong with it in a 1-tuple."""
    if len(text) > MAX_TEXT_LENGTH:
        return (f"the text is longer than {MAX_TEXT_LENGTH:,} characters",)
    try:
        return text if isinstance(text, str) else text.decode("utf-8")
    except UnicodeDecodeError as exc:
        return (f"not UTF-8 text: invalid byte at position {exc.start}",)


def parse(text: str | bytes) -> str | tuple[Any]:
    """The JSON value of the text, in a 1-tuple, or what is wrong with the text."""
    decoded = _text(text)
    if isinstance(decoded, tuple):
        return decoded[0]
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
        return None, [("$.schema_version", f"expected an integer, {got(version, json=True)}")]
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
    return _measure(data)[0]


def _measure(data: object) -> tuple[list[Problem], int]:
    """What :func:`check_limits` finds, and how many members the objects have in all."""
    level: list[Any] = [data] if type(data) in CONTAINERS else []
    depth = total = members = 0
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            return [(locate(data, depth=depth), f"nested deeper than {MAX_DEPTH} levels")], 0
        below: list[Any] = []
        append = below.append
        for node in level:
            size = len(node)
            if type(node) is dict:
                members += size
                node = node.values()
            if size > MAX_ENTRIES:
                problem = (
                    locate(data, size=MAX_ENTRIES),
                    f"holds more than {MAX_ENTRIES:,} entries",
                )
                return [problem], 0
            total += size
            for child in node:
                if type(child) in CONTAINERS:
                    append(child)
        if total > MAX_VALUES:
            return [("$", f"holds more than {MAX_VALUES:,} values in all")], 0
        level = below
    return [], members


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
