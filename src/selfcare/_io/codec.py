"""The structure and unstructure hooks of every serializable type, generated per class.

Each attrs class gets functions whose every field has an explicit hook from
:mod:`selfcare._io.format`, chosen from the field's type: for reading, functions generated
by cattrs (``make_dict_structure_fn``); for writing, a function generated here that builds
the document's dict in one expression, as cattrs' ``make_dict_unstructure_fn`` would.
Nothing is looked up in a converter at run time, and an app's converter keeps its own hooks
for ``int``, ``str`` and the rest: only our classes get ours. For the fast path of an object
that has every key, as every written document has, a function generated here builds the
value in one pass, checking each value once (:func:`readings`).

Hooks are generated per class on first use and kept: writing a plan generates the writing
functions of the plan's classes only, and cattrs is imported the first time a document is
read.
"""

from __future__ import annotations

import enum
import linecache
import threading
import typing
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from types import MappingProxyType, MemberDescriptorType, UnionType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import pendulum

from selfcare._core.describe import got
from selfcare._io import format as f
from selfcare._io.problems import bad
from selfcare._time.calendar import Weekday

if TYPE_CHECKING:
    import cattrs

V = TypeVar("V")


class _ByType(Mapping[type, V]):
    """A mapping keyed by classes given by module and name, each imported when first needed.

    Looking a class up imports nothing (the class exists, so its module is loaded), so
    writing a plan does not load the modules of recommendations and measures; iterating
    imports the module of every class, in the order given.

    Example:
        >>> from selfcare._time.calendar import Period
        >>> TYPE_NAMES[Period], Period in TYPE_NAMES, int in TYPE_NAMES, len(TYPE_NAMES)
        ('period', True, False, 36)
        >>> repr(PRIVATE_FIELDS).startswith("mappingproxy({<class 'selfcare._model.reflections")
        True
    """

    __slots__ = ("_found", "_named")

    def __init__(self, named: dict[tuple[str, str], V]) -> None:
        self._named = named
        self._found: dict[type, V] = {}

    def __getitem__(self, kind: type) -> V:
        try:
            return self._found[kind]
        except KeyError:
            pass
        where = (getattr(kind, "__module__", ""), getattr(kind, "__qualname__", ""))
        if where in self._named and _resolve(where) is kind:
            self._found[kind] = value = self._named[where]
            return value
        raise KeyError(kind)

    def __iter__(self) -> Iterator[type]:
        return map(_resolve, self._named)

    def __len__(self) -> int:
        return len(self._named)

    def __repr__(self) -> str:
        return f"mappingproxy({dict(self.items())!r})"


class _ByName(Mapping[str, type]):
    """Each serializable type by its document name, imported when it is first looked up.

    Example:
        >>> TYPES_BY_NAME["period"].__name__, "plan" in TYPES_BY_NAME, len(TYPES_BY_NAME)
        ('Period', True, 36)
        >>> repr(TYPES_BY_NAME).startswith("mappingproxy({'anchor': <class 'selfcare._model.")
        True
    """

    __slots__ = ("_where",)

    def __init__(self, by_type: Mapping[tuple[str, str], str]) -> None:
        self._where = {name: where for where, name in by_type.items()}

    def __getitem__(self, name: str) -> type:
        return _resolve(self._where[name])

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def __repr__(self) -> str:
        return f"mappingproxy({dict(self.items())!r})"


def _resolve(where: tuple[str, str]) -> type:
    """The class ``where`` names (module, name), importing its module if it is not loaded."""
    from importlib import import_module

    module, name = where
    kind: type = getattr(import_module(module), name)
    return kind


_CATALOG = "selfcare._model.catalog"
_DECISIONS = "selfcare._insights.recommend.decisions"
_INSTRUMENTS = "selfcare._measures.instruments"
_PLAN = "selfcare._plans.plan"
_PROFILES = "selfcare._model.profiles"
_REFLECTIONS = "selfcare._model.reflections"
_RESPONSES = "selfcare._measures.responses"
_REVISIONS = "selfcare._plans.revisions"
_RITUALS = "selfcare._model.rituals"
_TREND = "selfcare._measures.trend"
_NAMES = {
    (_RITUALS, "Anchor"): "anchor",
    (_INSTRUMENTS, "Band"): "band",
    ("selfcare._model.boundaries", "Boundary"): "boundary",
    (_DECISIONS, "Candidate"): "candidate",
    (_CATALOG, "Catalog"): "catalog",
    (_PLAN, "Contributor"): "contributor",
    (_DECISIONS, "Decision"): "decision",
    ("selfcare._insights.recommend.features", "FeatureRow"): "feature_row",
    (_INSTRUMENTS, "Instrument"): "instrument",
    (_INSTRUMENTS, "Item"): "instrument_item",
    (_REVISIONS, "ItemChange"): "item_change",
    (_REFLECTIONS, "Journal"): "journal",
    (_TREND, "MeasurePoint"): "measure_point",
    (_TREND, "MeasureTrend"): "measure_trend",
    (_INSTRUMENTS, "Option"): "option",
    ("selfcare._time.calendar", "Period"): "period",
    ("selfcare._model.pauses", "Pause"): "pause",
    (_PLAN, "Plan"): "plan",
    (_REVISIONS, "PlanChanges"): "plan_changes",
    (_PLAN, "PlanItem"): "plan_item",
    (_REFLECTIONS, "Practice"): "practice",
    (_PROFILES, "Profile"): "profile",
    (_CATALOG, "Prompt"): "prompt",
    (_REFLECTIONS, "Ratings"): "ratings",
    ("selfcare._model.reasons", "Reason"): "reason",
    ("selfcare._time.recurrence", "Recurrence"): "recurrence",
    (_REFLECTIONS, "Reflection"): "reflection",
    (_RESPONSES, "Response"): "response",
    (_PLAN, "Revision"): "revision",
    (_RITUALS, "Ritual"): "ritual",
    (_RITUALS, "RitualStep"): "ritual_step",
    (_INSTRUMENTS, "Scale"): "scale",
    (_RESPONSES, "ScaleScore"): "scale_score",
    (_RESPONSES, "Score"): "score",
    ("selfcare._model.strategies", "Strategy"): "strategy",
    (_PROFILES, "WorkingHours"): "working_hours",
}

#: Every type with a document format, by the name its documents carry in ``"type"``.
TYPE_NAMES: Mapping[type, str] = _ByType(_NAMES)
#: Every type with a document format, by its name (the other way round from ``TYPE_NAMES``).
TYPES_BY_NAME: Mapping[str, type] = _ByName(_NAMES)

#: The private text fields, and what a redacted document writes in their place.
PRIVATE_FIELDS: Mapping[type, Mapping[str, Any]] = _ByType(
    {
        (_REFLECTIONS, "Journal"): MappingProxyType(
            {"insight": None, "gratitude": None, "note": None}
        ),
        (_PLAN, "Revision"): MappingProxyType({"reason": ""}),
        (_REFLECTIONS, "Practice"): MappingProxyType({"note": None}),
        (_RESPONSES, "Response"): MappingProxyType({"answers": {}}),
        (_RESPONSES, "Score"): MappingProxyType({"scales": ()}),
        (_TREND, "MeasureTrend"): MappingProxyType({"points": ()}),
    }
)

#: Fields whose written form is not the one their type alone suggests, by class and field.
_SPECIAL: Mapping[type, Mapping[str, f.Hooks]] = _ByType(
    {
        (_PROFILES, "Profile"): {"daily_minutes": f.DAILY_MINUTES},
        (_REFLECTIONS, "Reflection"): {"self_ratings": f.SELF_RATINGS},
        ("selfcare._model.reasons", "Reason"): {"facts": f.FACTS},
        (_RESPONSES, "Response"): {"answers": f.ANSWERS},
    }
)


class _Special:
    """The type of a field written its own way (see ``_SPECIAL``): no mark is about it."""


_ZONED = f.Hooks(f.read_zoned, f.structure_zoned, f.unstructure_zoned)


@attrs.frozen
class Codec:
    """The hooks of every serializable type, and of a list of values of each.

    The ``fast`` hook structures a valid document quickly and raises anything on an
    invalid one, which the ``detailed`` hook then reads again to collect every problem.
    Each mapping holds every type of :data:`TYPE_NAMES`, and generates a type's hooks (and
    those of the classes of its fields) the first time the type is looked up.
    """

    classes: Mapping[type, f.Hooks]
    lists: Mapping[type, f.Hooks]
    plain: Mapping[type, Callable[[Any], dict[str, Any]]]


#: Held while hooks are generated, so that each class's are generated once in any thread.
_LOCK = threading.RLock()


class _PerType(Mapping[type, V]):
    """Every type of :data:`TYPE_NAMES`, each with a value made the first time it is looked up.

    Iterating over the items makes every value, as looking each type up would.
    """

    __slots__ = ("_made", "_make")

    def __init__(self, make: Callable[[type], V]) -> None:
        self._make = make
        self._made: dict[type, V] = {}

    def __getitem__(self, kind: type) -> V:
        try:
            return self._made[kind]
        except KeyError:
            if kind not in TYPE_NAMES:
                raise
        with _LOCK:
            if kind not in self._made:
                self._made[kind] = self._make(kind)
            return self._made[kind]

    def __contains__(self, kind: object) -> bool:
        return kind in TYPE_NAMES

    def __iter__(self) -> Iterator[type]:
        return iter(TYPE_NAMES)

    def __len__(self) -> int:
        return len(TYPE_NAMES)

    def __repr__(self) -> str:
        return f"<hooks of {len(TYPE_NAMES)} types, {len(self._made)} generated so far>"


@cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """The name and type of each field of a class that a document holds (``__init__``'s)."""
    types = typing.get_type_hints(cls)
    return tuple((field.name, types[field.name]) for field in attrs.fields(cls) if field.init)


class _Builder:
    """Generates each class's hooks once, its fields' classes first.

    Writing a class needs only the writing hooks of its fields' classes (:meth:`unstructure`);
    reading one builds the reading hooks as well (:meth:`build`).
    """

    def __init__(self, *, redact: bool) -> None:
        self.redact = redact
        self.written: dict[type, f.Hook] = {}
        self.classes: dict[type, f.Hooks] = {}
        self.converter: cattrs.Converter | None = None

    def hooks(self, kind: Any, *, read: bool) -> f.Hooks:
        """The hooks of a field type; only their ``unstructure`` is of use unless ``read``."""
        if kind in f.SCALARS:
            return f.SCALARS[kind]
        if kind in f.TEMPORAL:
            return f.TEMPORAL[kind]
        if kind is pendulum.DateTime:
            return _ZONED
        if kind in TYPE_NAMES:
            return self.build(kind) if read else f.Hooks(_unread, _unread, self.unstructure(kind))
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return f.enum_hooks(kind)
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if origin is UnionType and len(args) == 2 and args[1] is type(None):
            (inner, _) = args
            if isinstance(inner, type) and issubclass(inner, enum.Enum):
                return f.enum_hooks(inner, optional=True)
            return f.Hooks(*map(_optional, self.hooks(inner, read=read)))
        if origin is frozenset:
            (item,) = args
            if item is str:
                return f.STR_SET
            if item is Weekday:
                return f.set_hooks(f.enum_hooks(item), key=int)
            if isinstance(item, type) and issubclass(item, enum.Enum):
                return f.set_hooks(f.enum_hooks(item))
            return f.DATE_SET
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return f.tuple_hooks(self.hooks(args[0], read=read))
        raise TypeError(f"no serialization hooks for {kind!r}")  # pragma: no cover

    def _field(self, cls: type, name: str, kind: Any, *, read: bool) -> f.Hooks:
        return _SPECIAL.get(cls, {}).get(name) or self.hooks(kind, read=read)

    def unstructure(self, cls: type) -> f.Hook:
        """Generate the hook that writes one class (masking private fields if redacting)."""
        if cls in self.written:
            return self.written[cls]
        private = PRIVATE_FIELDS.get(cls, {}) if self.redact else {}
        hooks: dict[str, f.Hook] = {}
        for name, kind in _fields(cls):
            if name in private:
                hooks[name] = _constant(private[name])
            else:
                hooks[name] = self._field(cls, name, kind, read=False).unstructure
        self.written[cls] = written = _unstructure_object(cls, hooks)
        return written

    def build(self, cls: type) -> f.Hooks:
        """Generate the hooks of one class: reading (fast and detailed) and writing."""
        if cls in self.classes:
            return self.classes[cls]
        fast: dict[str, f.Hook] = {}
        detailed: dict[str, f.Hook] = {}
        for name, kind in _fields(cls):
            hooks = self._field(cls, name, kind, read=True)
            fast[name], detailed[name] = hooks.fast, hooks.detailed
        partial = _fast_object(self._structure_fn(cls, fast, detailed=False), frozenset(fast))
        self.classes[cls] = built = f.Hooks(
            _complete_object(cls, fast, partial),
            _detailed_object(self._structure_fn(cls, detailed, detailed=True)),
            self.unstructure(cls),
        )
        return built

    def _structure_fn(
        self, cls: type, hooks: dict[str, f.Hook], *, detailed: bool
    ) -> Callable[[Any], Any]:
        # cattrs is imported here, the first time a document is read, not to write one.
        import cattrs
        from cattrs.gen import make_dict_structure_fn, override

        if self.converter is None:
            self.converter = cattrs.Converter()
        overrides: dict[str, Any] = {name: override(struct_hook=h) for name, h in hooks.items()}
        return make_dict_structure_fn(
            cls,
            self.converter,
            _cattrs_forbid_extra_keys=detailed,  # the fast path checks keys itself
            _cattrs_detailed_validation=detailed,
            _cattrs_use_linecache=True,
            **overrides,
        )


def _generated(source: str, name: str, filename: str, env: dict[str, Any]) -> f.Hook:
    """The function ``name`` that ``source`` defines, compiled with ``env`` as its globals.

    The source is registered with linecache, as attrs and cattrs do, so a traceback shows it.
    """
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), env)
    function: f.Hook = env[name]
    return function


def _unstructure_object(cls: type, hooks: dict[str, f.Hook]) -> f.Hook:
    """The writing hook of a class: a dict of its fields in order, each written by its hook.

    It is generated once, as one dict display with each hook bound as a default argument
    (as cattrs' ``make_dict_unstructure_fn`` generates it); a field whose hook is
    :func:`~selfcare._io.format.identity` is copied as it is.
    """
    env: dict[str, Any] = {}
    entries = []
    for n, (name, hook) in enumerate(hooks.items()):
        value = f"instance.{name}"
        if hook is not f.identity:
            env[f"__u{n}"] = hook
            value = f"__u{n}({value})"
        entries.append(f"{name!r}: {value}")
    parameters = "".join(f", {hook}={hook}" for hook in env)
    source = f"def unstructure(instance{parameters}):\n    return {{{', '.join(entries)}}}\n"
    filename = f"<selfcare unstructure {cls.__module__}.{cls.__qualname__}>"
    return _generated(source, "unstructure", filename, env)


def _complete_object(cls: type, hooks: dict[str, f.Hook], partial: f.Hook) -> f.Hook:
    """The fast hook of a class, for an object with every key (as every document written has).

    It builds the value in one pass, in code generated once: each field's value is read as
    :func:`readings` says and set on a new instance, then the class's checks that reading
    has not made already are run, in the order the class runs them, and
    ``__attrs_post_init__`` last. An object that leaves keys out goes to ``partial``, which
    calls the class with the defaults.
    """
    if not all(field.init for field in attrs.fields(cls)):
        return _called_object(cls, hooks, partial)  # its __init__ sets fields of its own
    env: dict[str, Any] = {
        "__cl": cls,
        "__partial": partial,
        "__keys": frozenset(hooks).issuperset,
        "__new": object.__new__,
        "__set": object.__setattr__,
        "__tally": f.TALLY,
    }
    reads, sets, checks = [], [], []
    for n, reading in enumerate(readings(cls, hooks)):
        name = reading.field.name
        value = f"o[{name!r}]"
        if reading.hook is not f.identity:
            env[f"__h{n}"] = reading.hook
            value = f"__h{n}({value})"
        if reading.converter is not None:
            env[f"__c{n}"] = reading.converter
            value = f"__c{n}({value})"
        reads.append(f"        v{n} = {value}\n")
        slot = cls.__dict__.get(name)
        if isinstance(slot, MemberDescriptorType):  # a slot: set through it, the quickest way
            env[f"__s{n}"] = slot.__set__
            sets.append(f"        __s{n}(i, v{n})\n")
        else:
            sets.append(f"        __set(i, {name!r}, v{n})\n")
        if reading.validator is not None:
            env[f"__v{n}"], env[f"__a{n}"] = reading.validator, reading.field
            checks.append(f"        __v{n}(i, __a{n}, v{n})\n")
    if hasattr(cls, "__attrs_post_init__"):
        env["__post"] = cls.__attrs_post_init__
        checks.append("        __post(i)\n")
    source = (
        "def structure(o, _=None):\n"
        f"    if type(o) is dict and len(o) == {len(hooks)} and __keys(o):\n"
        f"        __tally.members += {len(hooks)}\n"
        + "".join(reads)
        + "        i = __new(__cl)\n"
        + "".join(sets)
        + "".join(checks)
        + "        return i\n"
        "    return __partial(o)\n"
    )
    filename = f"<selfcare structure {cls.__module__}.{cls.__qualname__}>"
    return _generated(source, "structure", filename, env)


def _called_object(cls: type, hooks: dict[str, f.Hook], partial: f.Hook) -> f.Hook:
    """The fast hook of a class whose ``__init__`` does more than set its fields: it calls it."""
    env: dict[str, Any] = {
        "__cl": cls,
        "__partial": partial,
        "__keys": frozenset(hooks).issuperset,
        "__tally": f.TALLY,
    }
    args = []
    for n, field in enumerate(a for a in attrs.fields(cls) if a.init):
        hook = hooks[field.name]
        value = f"o[{field.name!r}]"
        if hook is not f.identity:
            env[f"__h{n}"] = hook
            value = f"__h{n}({value})"
        args.append(f"{field.alias}={value}" if field.kw_only else value)
    source = (
        "def structure(o, _=None):\n"
        f"    if type(o) is dict and len(o) == {len(hooks)} and __keys(o):\n"
        f"        __tally.members += {len(hooks)}\n"
        f"        return __cl({', '.join(args)})\n"
        "    return __partial(o)\n"
    )
    filename = f"<selfcare structure {cls.__module__}.{cls.__qualname__}>"
    return _generated(source, "structure", filename, env)


@attrs.frozen
class Reading:
    """How the fast hook reads one field: its hook, then what it still converts and checks."""

    field: attrs.Attribute[Any]
    hook: f.Hook
    converter: Callable[[Any], Any] | None
    validator: Callable[[Any, Any, Any], Any] | None


def readings(cls: type, hooks: Mapping[str, f.Hook]) -> list[Reading]:
    """How each field of ``cls`` is read, given its fast hook, with the marks applied.

    A validator with a ``read`` mark reads a scalar field instead of the field's hook (both
    check the same); a validator or converter marked ``reads_as`` the field's type is
    skipped (see :mod:`selfcare._core.checks`). A field written its own way (``_SPECIAL``)
    keeps its checks: no mark is about its hook.
    """
    kinds, special = dict(_fields(cls)), _SPECIAL.get(cls, {})
    found = []
    for field in (a for a in attrs.fields(cls) if a.init):
        hook = hooks[field.name]
        kind: Any = _Special if field.name in special else kinds[field.name]
        validator, converter = field.validator, field.converter
        read = getattr(validator, "read", None)
        if read is not None and kind in f.SCALARS and hook is f.SCALARS[kind].fast:
            hook, validator = read, None
        if converter is not None and _reads_as(converter, kind, hook):
            converter = None
        if validator is not None and _reads_as(validator, kind, hook):
            validator = None
        found.append(Reading(field, hook, converter, validator))
    return found


def _reads_as(check: Any, kind: Any, hook: f.Hook) -> bool:
    """Whether every value ``hook`` reads for a field of type ``kind`` passes ``check``."""
    if hook is f.identity:  # the JSON value as it is: nothing is made of it yet
        return False
    marked = getattr(check, "reads_as", _UNMARKED)
    return marked is not _UNMARKED and (marked == kind or marked is typing.get_origin(kind))


_UNMARKED = object()


def _fast_object(generated: Callable[[Any], Any], allowed: frozenset[str]) -> f.Hook:
    only = allowed.issuperset

    def structure_object(value: Any, _: object = None) -> Any:
        if type(value) is dict and only(value):
            f.TALLY.members += len(value)
            return generated(value)
        raise bad("expected an object with known keys")

    return structure_object


def _detailed_object(generated: Callable[[Any], Any]) -> f.Hook:
    def structure_object(value: Any, _: object = None) -> Any:
        if type(value) is dict:
            return generated(value)
        raise bad(f"expected an object, {got(value, json=True)}")

    return structure_object


def _unread(value: Any, _: object = None) -> Any:  # pragma: no cover - never called
    raise NotImplementedError


def _optional(hook: f.Hook) -> f.Hook:
    def optional(value: Any, _: object = None) -> Any:
        return None if value is None else hook(value)

    return optional


def _constant(value: object) -> f.Hook:
    def masked(_: object) -> object:
        return value

    return masked


@cache
def codec() -> Codec:
    """The hooks of every serializable type, each generated the first time it is looked up.

    Example:
        >>> from selfcare._model.categories import Role
        >>> from selfcare._plans.plan import Contributor
        >>> codec().plain[Contributor](Contributor("client-7", Role.CLIENT))
        {'id': 'client-7', 'role': 'client'}
        >>> repr(codec().lists).startswith("<hooks of 36 types, ")
        True
    """
    builder = _Builder(redact=False)
    classes = _PerType(builder.build)

    def list_hooks(kind: type) -> f.Hooks:
        return f.tuple_hooks(classes[kind])

    return Codec(classes=classes, lists=_PerType(list_hooks), plain=_PerType(builder.unstructure))


@cache
def redacting() -> Mapping[type, Callable[[Any], dict[str, Any]]]:
    """The unstructure hooks that mask private fields, each generated on first use."""
    return _PerType(_Builder(redact=True).unstructure)
