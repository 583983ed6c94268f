"""Specification of the package's architecture: a pure core and a documented surface."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import ast
import enum
import inspect
from pathlib import Path

import pytest

import selfcare

SOURCE = Path(selfcare.__file__).parent
# The hypothesis strategies and their plugin, which alone may import hypothesis.
HYPOTHESIS_PACKAGE = "testing/"

FORBIDDEN_MODULES = frozenset(
    {
        "os",
        "sys",
        "io",
        "socket",
        "subprocess",
        "logging",
        "pathlib",
        "shutil",
        "tempfile",
        "time",
        "uuid",
        "secrets",
        "random",
        "asyncio",
        "urllib",
        "http",
        "pickle",
    }
)
# A seeded generator, and name-based UUIDs (the same name always gives the same UUID).
DETERMINISTIC = frozenset({("random", "Random"), ("uuid", "uuid5"), ("uuid", "NAMESPACE_URL")})
FORBIDDEN_BUILTINS = frozenset({"open", "print", "input", "breakpoint", "exec", "eval"})
# The codec compiles one structuring function per class, as cattrs does, from the class's own
# field names (never from input): measured 15-30% faster loading than a generic closure.
MAY_GENERATE_CODE = frozenset({"_io/codec.py"})
FORBIDDEN_CALLS = frozenset(
    {
        "pendulum.now",
        "pendulum.today",
        "pendulum.tomorrow",
        "pendulum.yesterday",
        "pendulum.DateTime.now",
        "pendulum.DateTime.today",
        "pendulum.DateTime.utcnow",
        "pendulum.Date.today",
        "datetime.datetime.now",
        "datetime.datetime.utcnow",
        "datetime.datetime.today",
        "datetime.date.today",
        "time.time",
        *(f"builtins.{name}" for name in FORBIDDEN_BUILTINS),
    }
)
# Calls caught by their last two names even when the import could not be resolved.
FORBIDDEN_TAILS = frozenset(
    {
        ("pendulum", "now"),
        ("pendulum", "today"),
        ("pendulum", "tomorrow"),
        ("pendulum", "yesterday"),
        ("datetime", "now"),
        ("datetime", "utcnow"),
        ("datetime", "today"),
        ("date", "today"),
        ("time", "time"),
    }
)


def _dotted(node: ast.expr) -> list[str] | None:
    """The names of an expression like ``a.b.c``, or None when it is something else."""
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    names.append(node.id)
    return names[::-1]


def _imports(tree: ast.AST, filename: str) -> tuple[dict[str, str], list[str]]:
    """The local names imports bind (to what they refer to), and the forbidden imports."""
    aliases: dict[str, str] = {}
    problems: list[str] = []
    may_use_hypothesis = filename.startswith(HYPOTHESIS_PACKAGE)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:
                    aliases[top] = top
                if top in FORBIDDEN_MODULES and top != "random":
                    problems.append(f"line {node.lineno}: import {alias.name}")
                if top == "hypothesis" and not may_use_hypothesis:
                    problems.append(f"line {node.lineno}: import {alias.name} outside testing")
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            top = node.module.split(".")[0]
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
                allowed = (node.module, alias.name) in DETERMINISTIC
                if top in FORBIDDEN_MODULES and not allowed:
                    problems.append(f"line {node.lineno}: from {node.module} import {alias.name}")
            if top == "hypothesis" and not may_use_hypothesis:
                problems.append(f"line {node.lineno}: from {node.module} import outside testing")
    return aliases, problems


def violations(source: str, filename: str = "module.py") -> list[str]:
    """Every use of I/O, the clock or global randomness in a module's source."""
    tree = ast.parse(source, filename)
    aliases, problems = _imports(tree, filename)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            names = _dotted(node)
            if names is not None and len(names) >= 2:
                module = aliases.get(names[0], names[0])
                if module == "random" and names[1] != "Random":
                    problems.append(f"line {node.lineno}: random.{names[1]} (global random)")
        if not isinstance(node, ast.Call):
            continue
        names = _dotted(node.func)
        if names is None:
            continue
        if names == ["exec"] and filename in MAY_GENERATE_CODE:
            continue
        if len(names) == 1 and names[0] in FORBIDDEN_BUILTINS:
            problems.append(f"line {node.lineno}: {names[0]}()")
            continue
        resolved = ".".join([aliases.get(names[0], names[0]), *names[1:]])
        if resolved in FORBIDDEN_CALLS or tuple(names[-2:]) in FORBIDDEN_TAILS:
            problems.append(f"line {node.lineno}: {resolved}()")
        elif resolved.startswith("random.") and resolved != "random.Random":
            problems.append(f"line {node.lineno}: {resolved}() (global random)")
    return problems


def source_files() -> list[Path]:
    """Every Python module of the package."""
    return sorted(SOURCE.rglob("*.py"))


# The scanner itself


@pytest.mark.parametrize(
    "snippet",
    [
        "import os",
        "import os.path",
        "from os import environ",
        "import sys",
        "import io",
        "import socket",
        "import subprocess",
        "import logging",
        "from pathlib import Path",
        "import shutil",
        "import tempfile",
        "import time",
        "from time import monotonic",
        "import uuid",
        "from uuid import uuid4",
        "from uuid import uuid1",
        "import secrets",
        "import asyncio",
        "from urllib.request import urlopen",
        "import http.client",
        "import pickle",
        "from random import choice",
        "from random import *",
        "from random import SystemRandom",
        "import random\nrandom.random()",
        "import random\nrandom.shuffle(xs)",
        "import random\nrandom.seed(1)",
        "import random as r\nr.choice(xs)",
        "import random\npick = random.choice",
        "open('notes.txt')",
        "print('hello')",
        "input()",
        "breakpoint()",
        "exec('x = 1')",
        "eval('1 + 1')",
        "import builtins\nbuiltins.open('x')",
        "import pendulum\npendulum.now()",
        "import pendulum\npendulum.today()",
        "import pendulum\npendulum.tomorrow()",
        "import pendulum\npendulum.yesterday()",
        "import pendulum as p\np.now('UTC')",
        "from pendulum import now\nnow()",
        "import pendulum\npendulum.DateTime.now()",
        "import datetime\ndatetime.datetime.now()",
        "import datetime as dt\ndt.datetime.utcnow()",
        "import datetime as dt\ndt.datetime.today()",
        "from datetime import datetime\ndatetime.now()",
        "from datetime import datetime as D\nD.now()",
        "from datetime import date\ndate.today()",
        "import datetime as dt\ndt.date.today()",
        "time.time()",
        "def f():\n    print('inside a function')",
        "import hypothesis",
        "from hypothesis import strategies as st",
    ],
)
def test_scanner_catches_forbidden_code(snippet: str) -> None:
    """The scanner reports each forbidden import or call, so the scan cannot pass vacuously."""
    assert [] != violations(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        "from random import Random\nrng = Random(7)\nrng.random()",
        "from uuid import NAMESPACE_URL, uuid5\nuuid5(NAMESPACE_URL, 'x')",
        "import random\nrng = random.Random(7)\nrng.choice(xs)",
        "import pendulum\npendulum.datetime(2026, 1, 5, tz='Europe/London')",
        "import datetime as dt\ndt.datetime(2026, 1, 5)\ndt.date(2026, 1, 5)",
        "import datetime as dt\nx = dt.datetime.fromisoformat('2026-01-05')",
        "from importlib.metadata import version\nversion('selfcare')",
        "from importlib import import_module\nimport_module('selfcare.testing')",
        "import zoneinfo\nzoneinfo.ZoneInfo('UTC')",
        "clock.now()",
        "self.today()",
        "text.format(x)",
        "from selfcare._core import checks as check\ncheck.fail('a', 'b')",
        "from . import errors",
    ],
)
def test_scanner_allows_pure_code(snippet: str) -> None:
    """Pure code, seeded random generators and explicit datetimes are allowed."""
    assert [] == violations(snippet)


def test_only_the_codec_may_compile_generated_code() -> None:
    """exec is allowed in the codec's generated hooks and nowhere else; eval never."""
    snippet = "exec(compile(source, '<generated>', 'exec'), env)"
    assert [] == violations(snippet, "_io/codec.py")
    assert [] != violations(snippet, "_plans/plan.py")
    assert [] != violations("eval('1')", "_io/codec.py")


@pytest.mark.parametrize("filename", ["testing/__init__.py", "testing/_plugin.py"])
def test_scanner_lets_only_the_testing_modules_import_hypothesis(filename: str) -> None:
    """The testing package (strategies and plugin) may import hypothesis, but not do I/O."""
    assert [] == violations("from hypothesis import strategies as st", filename)
    assert [] != violations("from hypothesis import strategies as st", "_plans.py")
    assert [] != violations("open('x')", filename)
    assert [] != violations("import os", filename)


# The package


def test_the_scan_covers_the_package() -> None:
    """The scan reads a non-zero number of files, including the domain modules."""
    names = {path.relative_to(SOURCE).as_posix() for path in source_files()}
    assert 0 < len(names)
    assert {"__init__.py", "_time/recurrence.py", "errors.py"} <= names


@pytest.mark.parametrize("path", source_files(), ids=lambda path: str(path.relative_to(SOURCE)))
def test_module_does_no_io_and_reads_no_clock_or_global_random(path: Path) -> None:
    """No module opens files, prints, reads the clock or uses the global random generator."""
    assert [] == violations(path.read_text(encoding="utf-8"), path.relative_to(SOURCE).as_posix())


# The public surface


def test_all_is_sorted() -> None:
    """selfcare.__all__ is sorted."""
    assert sorted(selfcare.__all__) == selfcare.__all__


def test_all_names_exist() -> None:
    """Every name in selfcare.__all__ exists, once."""
    missing = [name for name in selfcare.__all__ if not hasattr(selfcare, name)]
    assert [] == missing
    assert len(set(selfcare.__all__)) == len(selfcare.__all__)


PUBLIC = [name for name in selfcare.__all__ if not name.startswith("_")]


@pytest.mark.parametrize("name", PUBLIC)
def test_public_names_are_documented(name: str) -> None:
    """Every public name in selfcare.__all__ has its own docstring."""
    value = getattr(selfcare, name)
    doc = value.__doc__ if inspect.isclass(value) else inspect.getdoc(value)
    assert doc is not None
    assert doc.strip()


def _public_members(name: str) -> list[str]:
    """The public methods and properties a public class defines itself."""
    value = getattr(selfcare, name)
    if not inspect.isclass(value):
        return []
    found = []
    for member, attribute in vars(value).items():
        if member.startswith("_") or isinstance(attribute, enum.Enum):
            continue
        if isinstance(attribute, classmethod | staticmethod | property) or inspect.isfunction(
            attribute
        ):
            found.append(f"{name}.{member}")
    return found


MEMBERS = [member for name in PUBLIC for member in _public_members(name)]


def test_public_classes_have_public_members() -> None:
    """The member scan finds the methods and properties of the public classes."""
    assert {"Recurrence.describe", "Catalog.find", "Plan.version"} <= set(MEMBERS)


@pytest.mark.parametrize("member", MEMBERS)
def test_public_methods_and_properties_are_documented(member: str) -> None:
    """Every public method and property of a public class has a docstring."""
    class_name, attribute = member.split(".")
    raw = vars(getattr(selfcare, class_name))[attribute]
    function = raw.fget if isinstance(raw, property) else getattr(raw, "__func__", raw)
    assert function.__doc__ is not None
    assert function.__doc__.strip()


# The layers: each package imports only from the layers below it


#: The layer of each top-level name of the package, lowest first. A module may import from
#: its own package and from lower layers; packages on one layer never import each other.
LAYERS: dict[str, int] = {
    "errors": 7,
    "_core": 0,
    "_time": 1,
    "_model": 2,
    "_measures": 3,
    "_workday": 3,
    "_insights": 4,
    "_plans": 5,
    "_display": 6,
    "_io": 6,
    "serialize": 7,
    "ical": 7,
    "fhir": 7,
    "testing": 7,
}
#: The one way up: a value's ``_repr_html_`` imports its view from the display layer when a
#: notebook asks for it, so the domain never loads the views.
WAY_UP = ("_repr_html_", "_display")


def imported_modules(tree: ast.AST, module: str) -> list[tuple[int, str, bool]]:
    """Each ``selfcare`` module an AST imports: (line, dotted name, inside ``_repr_html_``)."""
    in_view = {
        id(node)
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef) and function.name == WAY_UP[0]
        for node in ast.walk(function)
    }
    package = module.split(".")[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], *filter(None, [base])])
            names = (
                [f"{base}.{alias.name}" for alias in node.names]
                if base
                in (
                    "selfcare",
                    "",
                )
                or not node.module
                else [base]
            )
        else:
            continue
        found += [(node.lineno, name, id(node) in in_view) for name in names]
    return [(line, name, view) for line, name, view in found if name.startswith("selfcare.")]


def upward_imports(path: Path, source: Path = SOURCE) -> list[str]:
    """The imports of one module that reach a layer above (or beside) its own."""
    parts = path.relative_to(source).with_suffix("").parts
    if parts == ("__init__",):
        return []  # the public root re-exports every layer
    module = ".".join(("selfcare", *parts))
    own = parts[0]
    problems = []
    for line, name, in_view in imported_modules(ast.parse(path.read_text("utf-8")), module):
        target = name.split(".")[1]
        if target == own:
            continue
        if target not in LAYERS:
            problems.append(f"line {line}: {name} is in no layer; add it to LAYERS")
        elif in_view and target == WAY_UP[1]:
            continue
        elif LAYERS[target] >= LAYERS[own]:
            problems.append(f"line {line}: {own} (layer {LAYERS[own]}) imports {name}")
    return problems


def test_every_top_level_name_has_a_layer() -> None:
    """Each package and public module of src/selfcare is placed on a layer."""
    names = {p.stem if p.is_file() else p.name for p in SOURCE.iterdir() if p.suffix in ("", ".py")}
    assert set(LAYERS) == names - {"__init__", "__pycache__", "py"}


def test_the_layer_check_catches_an_upward_import(tmp_path: Path) -> None:
    """An import of a higher layer is reported, unless it is a view imported in _repr_html_."""
    cases = {
        "from selfcare._plans.plan import Plan": 1,
        "import selfcare._io.codec": 1,
        "from selfcare._workday import day": 0,
        "from selfcare._measures import trend": 0,
        "from .._display.plan import plan_html": 1,
        "from selfcare._time.zoned import zone": 0,
        "from selfcare._core.errors import ValidationError": 0,
        "from selfcare.errors import ValidationError": 1,
        "def _repr_html_(self):\n    from selfcare._display.plan import plan_html": 0,
        "def _repr_html_(self):\n    from selfcare._io.codec import codec": 1,
    }
    folder = tmp_path / "_insights"
    folder.mkdir()
    for source, expected in cases.items():
        module = folder / "example.py"
        module.write_text(source)
        found = upward_imports(module, tmp_path)
        assert expected == len(found), (source, found)
    beside = tmp_path / "_measures"
    beside.mkdir()
    (beside / "example.py").write_text("from selfcare._workday import day")
    assert 1 == len(upward_imports(beside / "example.py", tmp_path))  # the same layer


@pytest.mark.parametrize("path", source_files(), ids=lambda path: str(path.relative_to(SOURCE)))
def test_module_imports_only_from_its_own_layer_or_below(path: Path) -> None:
    """No module imports a package above its layer; views come only through _repr_html_."""
    assert [] == upward_imports(path)
