"""Turn every value of the model into JSON and back: lossless, strict, versioned and private.

``to_dict`` and ``to_json`` write a *document*: the value's fields plus ``schema_version``
and ``type``; ``from_dict`` and ``from_json`` read one back, upgrading documents written by
an earlier version of the format. Input is checked strictly (no coercion, no unknown keys,
bounded size and nesting) and every problem is reported as a ``ValidationError`` whose
messages never quote the text a person wrote. ``docs/reference/format.md`` specifies the format.

To embed selfcare values in your own attrs classes, register the hooks on your converter
with :func:`configure_converter` or start from :func:`make_converter`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Final,
    NamedTuple,
    TypeGuard,
    TypeVar,
    cast,
    get_args,
    get_origin,
)

from selfcare._core.describe import got
from selfcare._core.errors import Problem, SelfCareError, ValidationError
from selfcare._io import format as f
from selfcare._io.codec import PRIVATE_FIELDS, TYPE_NAMES, TYPES_BY_NAME, codec, redacting
from selfcare._io.documents import (
    MAX_DEPTH,
    MAX_ENTRIES,
    MAX_TEXT_LENGTH,
    MAX_VALUES,
    Migration,
    check_limits,
    read,
    read_short,
    upgrade,
    write,
)
from selfcare._io.migrations import MIGRATIONS
from selfcare._io.problems import DocumentError, flatten, unknown_keys

if TYPE_CHECKING:  # imported by make_converter: writing and reading need no converter
    import cattrs

__all__ = [
    "MAX_DEPTH",
    "MAX_ENTRIES",
    "MAX_TEXT_LENGTH",
    "MAX_VALUES",
    "MIGRATIONS",
    "PRIVATE_FIELDS",
    "SCHEMA_VERSION",
    "configure_converter",
    "from_dict",
    "from_json",
    "make_converter",
    "to_dict",
    "to_json",
]

T = TypeVar("T")
#: The version of the format this library writes.
SCHEMA_VERSION: Final = 4
_ENVELOPE = frozenset({"schema_version", "type", "redacted"})
_NAMES_TO_TYPES = TYPES_BY_NAME  # looking a name up imports only its own type's module


def to_dict(value: object, *, redact: bool = False) -> dict[str, Any]:
    """Write a value, or a list of values of one type, as a document of JSON-ready primitives.

    Args:
        value: a value of a serializable type (``Plan``, ``Reflection`` and the rest, see
            ``docs/reference/format.md``), or a list or tuple of values of one such type.
        redact: write the private text fields (journal insight, gratitude and note, and
            revision reasons) as empty, and mark the document ``"redacted": true``.
            (:func:`selfcare.to_records` is the other way round: its rows leave private
            text out unless ``include_private=True``.)

    Returns:
        A dict of dicts, lists, strings, integers, floats, booleans and ``None``, with
        ``schema_version`` and ``type`` first.

    Raises:
        ValidationError: the value is not of a serializable type, or a list mixes types.

    Example:
        >>> from selfcare.serialize import to_dict
        >>> to_dict(Period(datetime.date(2026, 1, 5), datetime.date(2026, 2, 1)))
        {'schema_version': 4, 'type': 'period', 'first': '2026-01-05', 'last': '2026-02-01'}
    """
    hooks = redacting() if redact else codec().plain
    head: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    if isinstance(value, list | tuple):
        kinds = {type(item) for item in value}
        if len(kinds) > 1 or not kinds <= hooks.keys():
            raise ValidationError.single(
                "value", "expected a list of values of one serializable selfcare type"
            )
        unstructure = hooks[kinds.pop()] if kinds else None
        head["type"] = "list"
        if redact:
            head["redacted"] = True
        head["values"] = [unstructure(item) for item in value] if unstructure else []
        return head
    unstructure = hooks.get(type(value))
    if unstructure is None:
        raise ValidationError.single(
            "value", f"expected a serializable selfcare value, {got(value)}"
        )
    head["type"] = TYPE_NAMES[type(value)]
    if redact:
        head["redacted"] = True
    head.update(unstructure(value))
    return head


def to_json(value: object, *, redact: bool = False) -> str:
    """Write a value as compact JSON text: ASCII only, the same bytes in any process.

    Example:
        >>> from selfcare.serialize import to_json
        >>> to_json(Contributor("client-7", Role.CLIENT))
        '{"schema_version":4,"type":"contributor","id":"client-7","role":"client"}'
    """
    return write(to_dict(value, redact=redact))


def from_dict(kind: type[T], data: object) -> T:
    """Read a document written by :func:`to_dict` (of this or an earlier version).

    Args:
        kind: the type to read, e.g. ``Plan``, or ``list[Reflection]`` (or
            ``tuple[Reflection, ...]``) for a list document.
        data: the document, as JSON-ready primitives.

    Raises:
        ValidationError: the document is not a valid ``kind``; ``problems`` lists every
            problem found, each with its path (``$.items[3].minutes``); or ``kind`` is not a
            serializable type.

    Example:
        >>> from selfcare.serialize import from_dict
        >>> doc = {"schema_version": 1, "type": "ritual_step",
        ...        "strategy_id": "short-walk", "minutes": 1.5}
        >>> from_dict(RitualStep, doc)
        Traceback (most recent call last):
        ...
        selfcare.errors.ValidationError: $.minutes: expected an integer, got 1.5
    """
    return _from_dict(kind, data, MIGRATIONS)


def from_json(kind: type[T], text: str | bytes) -> T:
    """Read a document from JSON text (``bytes`` must be UTF-8).

    Raises:
        ValidationError: the text is not JSON, is too long, or is not a valid ``kind``.
        ValidationError: ``kind`` is not a serializable type, or ``text`` is not text.

    Example:
        >>> from selfcare.serialize import from_json, to_json
        >>> step = RitualStep("short-walk", 5)
        >>> from_json(RitualStep, to_json(step)) == step
        True
        >>> from_json(RitualStep, '[1,')
        Traceback (most recent call last):
        ...
        selfcare.errors.ValidationError: $: not valid JSON: Expecting value at line 1 column 4
    """
    element, container = _element_type(kind)  # a wrong kind is found before the text is read
    if not isinstance(text, str | bytes):
        raise ValidationError.single("text", f"expected JSON text (str or bytes), {got(text)}")
    short = read_short(text)
    if short is not None:
        value = _read_counted(element, container, *short)
        if value is not _UNREAD:
            return cast(T, value)
    return _read_text(kind, text)


def _read_text(kind: type[T], text: str | bytes) -> T:
    """Read JSON text as every text is read: measured, then read (see :func:`from_json`)."""
    parsed = read(text)
    if isinstance(parsed, str):
        raise ValidationError([("$", parsed)])
    data, problems = parsed
    if problems:
        raise ValidationError(problems)
    return _read_checked(kind, data, MIGRATIONS)


def configure_converter(converter: cattrs.Converter, *, redact: bool = False) -> None:
    """Register the hooks of every serializable type on a cattrs converter.

    Use it to embed selfcare values in your own attrs classes. Only our types get hooks;
    the converter's handling of everything else is unchanged. Nested values carry no
    ``schema_version``: version your own document. Structuring raises
    :class:`~selfcare.errors.ValidationError`, with paths relative to the selfcare value.

    Example:
        >>> import cattrs
        >>> from selfcare.serialize import configure_converter
        >>> converter = cattrs.Converter()
        >>> configure_converter(converter)
        >>> converter.unstructure({"evening": [RitualStep("short-walk", 5)]})
        {'evening': [{'strategy_id': 'short-walk', 'minutes': 5, 'alternatives': []}]}
        >>> converter.structure([{"strategy_id": "short-walk", "minutes": 5}], list[RitualStep])
        [RitualStep(strategy_id='short-walk', minutes=5, alternatives=())]
    """
    hooks = codec()
    for kind, both in hooks.classes.items():
        converter.register_structure_hook(kind, _raising(both))
        converter.register_unstructure_hook(kind, redacting()[kind] if redact else both.unstructure)


def make_converter(*, redact: bool = False) -> cattrs.Converter:
    """A new cattrs converter, forbidding unknown keys, with every serializable type's hooks.

    Example:
        >>> from selfcare.serialize import make_converter
        >>> make_converter().unstructure(Ratings(mood=6))
        {'mood': 6, 'energy': None, 'stress': None}
    """
    import cattrs

    converter = cattrs.Converter(forbid_extra_keys=True)
    configure_converter(converter, redact=redact)
    return converter


def _raising(hooks: f.Hooks) -> Callable[[Any, Any], Any]:
    def structure(data: Any, _: Any) -> Any:
        return _structure(hooks, data).value_or_raise()

    return structure


def _rooted(problems: list[tuple[str, str]]) -> tuple[Problem, ...]:
    return tuple(("$" + path, message) for path, message in problems)


def _serializable(kind: object) -> TypeGuard[type]:
    """Whether ``kind`` is a type with a document format (anything unhashable is not)."""
    return isinstance(kind, type) and kind in TYPE_NAMES


def _element_type(kind: Any) -> tuple[type, type | None]:
    """The serializable type ``kind`` names, and ``list`` or ``tuple`` for a list document."""
    origin, args = get_origin(kind), get_args(kind)
    if origin is list and len(args) == 1 and _serializable(args[0]):
        return args[0], list
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis and _serializable(args[0]):
        return args[0], tuple
    if _serializable(kind):
        return kind, None
    raise ValidationError.single(
        "kind",
        "expected a serializable selfcare type (such as Plan), or list[...] or tuple[..., ...] "
        f"of one, {got(kind)}",
    )


def _from_dict(kind: type[T], data: object, migrations: Mapping[int, Migration]) -> T:
    _element_type(kind)  # a wrong kind is found before the data is checked
    problems = check_limits(data)
    if problems:
        raise ValidationError(problems)
    return _read_checked(kind, data, migrations)


#: What :func:`_read_counted` gives when the document is left to the full path.
_UNREAD: Any = object()


def _read_counted(element: type, container: type | None, data: object, keys: int) -> Any:
    """A short document of this version read by the fast hooks alone, or ``_UNREAD``.

    ``keys`` is how many keys its text writes. The fast hooks count the members of the
    objects they read (``format.TALLY``): when those and the envelope's are as many as the
    keys, no key was repeated. The limits hold without measuring: the text is too short to
    hold too many values (``documents.SHORT_TEXT``), the fast hooks refuse a list or object
    of more than ``MAX_ENTRIES`` entries, and they read no deeper than the type's own
    fields go, far less than ``MAX_DEPTH`` (``tests/io/test_short_documents.py`` checks
    each). Anything else (a document of an earlier version, any problem, a key repeated)
    is left to the full path, which gives the same value, or finds every problem.
    """
    if type(data) is not dict or data.get("type") != ("list" if container else TYPE_NAMES[element]):
        return _UNREAD
    version, redacted = data.get("schema_version"), data.get("redacted", False)
    if type(version) is not int or version != SCHEMA_VERSION:
        return _UNREAD
    if redacted is not True and redacted is not False:  # not `in`: 1 equals True
        return _UNREAD
    body = {key: value for key, value in data.items() if key not in _ENVELOPE}
    tally = f.TALLY
    tally.members = len(data) - len(body)  # the envelope's; the class's hook counts the rest
    try:
        if container is None:
            value = codec().classes[element].fast(body)
        elif body.keys() == {"values"}:
            tally.members += 1
            value = container(codec().lists[element].fast(body["values"]))
        else:
            return _UNREAD
    except _NOT_VALID:
        return _UNREAD
    return value if tally.members == keys else _UNREAD


def _read_checked(kind: type[T], data: object, migrations: Mapping[int, Migration]) -> T:
    """Read data whose size and nesting are checked."""
    element, container = _element_type(kind)
    return cast(T, _read(element, container, data, migrations).value_or_raise())


class _Read(NamedTuple):
    """What reading a value gave: the value, or every problem found in it."""

    value: Any = None
    problems: tuple[Problem, ...] = ()

    def value_or_raise(self) -> Any:
        """The value; or, when problems were found, the ValidationError listing them."""
        if self.problems:
            raise ValidationError(self.problems)
        return self.value


def _read(
    element: type, container: type | None, data: object, migrations: Mapping[int, Migration]
) -> _Read:
    if type(data) is not dict:
        found = got(data, json=True)
        return _Read(problems=(("$", f"expected an object (a selfcare document), {found}"),))
    document, problems = upgrade(data, migrations, SCHEMA_VERSION)
    if document is None:
        return _Read(problems=tuple(problems))
    expected = "list" if container else TYPE_NAMES[element]
    name = document.get("type")
    if type(name) is not str or name != expected:
        known = type(name) is str and (name in _NAMES_TO_TYPES or name == "list")
        found = f"got '{name}'" if known else got(name, json=True)
        problems.append(
            ("$.type", "missing" if "type" not in document else f"expected '{expected}', {found}")
        )
    redacted = document.get("redacted", False)
    if redacted is not True and redacted is not False:
        problems.append(("$.redacted", f"expected true or false, {got(redacted, json=True)}"))
    if problems:
        return _Read(problems=tuple(problems))
    body = {key: value for key, value in document.items() if key not in _ENVELOPE}
    if container is None:
        return _structure(codec().classes[element], body)
    if body.keys() != {"values"}:
        unknown = unknown_keys(body.keys() - {"values"}, ["values"])
        missing = [(".values", "missing; a list document holds its values")]
        return _Read(problems=_rooted(unknown or missing))
    result = _structure(codec().lists[element], body["values"])
    if result.problems:
        return _Read(problems=tuple(("$.values" + p[1:], m) for p, m in result.problems))
    return _Read(container(result.value))


#: What the fast hooks raise on a document that is not valid: the library's own errors, and
#: the KeyError or TypeError of looking up a missing key, an unknown member or an unhashable
#: value. Anything else is a bug in a hook, and is not hidden.
_NOT_VALID = (DocumentError, SelfCareError, KeyError, TypeError)


def _structure(hooks: f.Hooks, data: object) -> _Read:
    """The value ``data`` stands for, or every problem found in it."""
    try:
        return _Read(hooks.fast(data))
    except _NOT_VALID:  # a valid document never gets here; find out what is wrong with it
        pass
    try:
        return _Read(hooks.detailed(data))
    except Exception as exc:  # every failure becomes a ValidationError, naming no input
        return _Read(problems=_rooted(flatten(exc)))
