"""Specification of the package root: every public name, imported only when first used."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import selfcare

INIT = Path(selfcare.__file__)
NAMES = [name for name in selfcare.__all__ if name != "__version__"]


def _fresh(code: str) -> list[str]:
    """Run ``code`` in a fresh interpreter; the modules it has imported afterwards."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(done.stdout)
    return loaded


@pytest.mark.parametrize("name", NAMES)
def test_each_public_name_is_the_object_its_module_defines(name: str) -> None:
    """`selfcare.X` and `from selfcare import X` give the very object of the defining module."""
    module = importlib.import_module(f"selfcare.{selfcare._WHERE[name]}")
    namespace: dict[str, object] = {}
    exec(f"from selfcare import {name}", namespace)
    assert getattr(module, name) is getattr(selfcare, name)
    assert getattr(module, name) is namespace[name]


def test_the_name_table_covers_all_and_nothing_else() -> None:
    """Each name in `__all__` but `__version__` has exactly one module in the lazy table."""
    assert sorted(NAMES) == sorted(selfcare._WHERE)


def test_type_checkers_see_the_same_names_as_the_table() -> None:
    """The imports under TYPE_CHECKING bind each name from the module the table names."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
    )
    imported = {
        alias.name: node.module.removeprefix("selfcare.")
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }
    assert selfcare._WHERE == imported


def test_all_is_sorted_and_unique() -> None:
    """`__all__` is sorted, without repeats."""
    assert sorted(set(selfcare.__all__)) == selfcare.__all__


def test_dir_lists_every_public_name() -> None:
    """`dir(selfcare)` lists the public names, including those not imported yet."""
    assert set(selfcare.__all__) <= set(dir(selfcare))
    assert sorted(dir(selfcare)) == dir(selfcare)


def test_version_is_the_installed_distributions() -> None:
    """`__version__` is read from the installed metadata."""
    from importlib.metadata import version

    assert version("selfcare") == selfcare.__version__


def test_an_unknown_name_raises_attribute_error() -> None:
    """An unknown attribute fails as on any module, so `hasattr` and `getattr` work."""
    with pytest.raises(AttributeError, match=r"^module 'selfcare' has no attribute 'nope'$"):
        _ = selfcare.nope  # type: ignore[attr-defined]
    assert not hasattr(selfcare, "nope")
    assert "fallback" == getattr(selfcare, "nope", "fallback")


def test_an_unknown_name_cannot_be_imported() -> None:
    """`from selfcare import nope` raises ImportError naming it."""
    with pytest.raises(ImportError, match="nope"):
        exec("from selfcare import nope", {})


def test_submodules_stay_importable() -> None:
    """The public submodules import by path, and `errors` and `serialize` as attributes."""
    from selfcare import errors, serialize, testing

    assert serialize is selfcare.serialize
    assert errors is selfcare.errors
    assert "selfcare.testing" == testing.__name__
    assert selfcare.to_json is serialize.to_json


def test_import_loads_no_submodule_and_no_dependency() -> None:
    """A bare `import selfcare` imports the package's root and nothing else.

    Not its modules, attrs, cattrs, pendulum, `typing` or `importlib.metadata`: programs
    that import the package without using it at once (command lines, web apps with many
    routes) start without paying for what they do not use.
    """
    bare = set(_fresh("pass"))
    assert {"selfcare"} == set(_fresh("import selfcare")) - bare


def test_first_use_imports_only_what_it_needs() -> None:
    """Using one name imports its modules, not serialization or the recommender."""
    loaded = set(_fresh("from selfcare import Reflection"))
    assert "selfcare._model.reflections" in loaded
    assert (
        set() == {"cattrs", "selfcare.serialize", "selfcare._insights.recommend.recommend"} & loaded
    )


def test_serialization_is_imported_with_its_functions() -> None:
    """`to_json` brings in the serialize module; cattrs waits until a document is read."""
    loaded = set(_fresh("from selfcare import to_json"))
    assert "selfcare.serialize" in loaded
    assert "cattrs" not in loaded
