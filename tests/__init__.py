"""The specification of ``selfcare``: one folder per package of ``src/selfcare``."""

from pathlib import Path

#: The project's root folder (the one holding ``pyproject.toml``).
ROOT = Path(__file__).resolve().parent.parent
