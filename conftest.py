"""Run every code block in README.md and docs/, and every docstring example in src/.

The code blocks of README.md and docs/ run with nothing injected: each page imports every name
it uses, so a reader can copy a block into a fresh interpreter. Docstring examples still get
``datetime``, ``pendulum`` and every name in ``selfcare.__all__``.
"""

from __future__ import annotations

import datetime
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from typing import Any

import pendulum
from sybil import Sybil
from sybil.parsers.myst import PythonCodeBlockParser
from sybil.parsers.rest import DocTestParser

import selfcare

FLAGS = ELLIPSIS | NORMALIZE_WHITESPACE


def _namespace(namespace: dict[str, Any]) -> None:
    namespace["datetime"] = datetime
    namespace["pendulum"] = pendulum
    namespace.update({name: getattr(selfcare, name) for name in selfcare.__all__})


markdown = Sybil(
    parsers=[PythonCodeBlockParser(doctest_optionflags=FLAGS)],
    # Path.match compares from the right: one pattern for each depth of docs/ (index.md and
    # changelog.md, then the pages of each section: tutorials/, how-to/, reference/, ...).
    patterns=["README.md", "docs/*.md", "docs/*/*.md"],
)
docstrings = Sybil(
    parsers=[DocTestParser(optionflags=FLAGS)],
    patterns=["src/selfcare/*.py", "src/selfcare/*/*.py", "src/selfcare/*/*/*.py"],
    setup=_namespace,
)

pytest_collect_file = (markdown + docstrings).pytest()
