"""Sphinx configuration for the selfcare docs (MyST Markdown, furo theme)."""

import sys
from importlib.metadata import version as _version
from pathlib import Path

# The docs' own extensions: view_pictures renders the pictures of the HTML views.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "selfcare"
author = "The selfcare developers"
copyright = "2026, the selfcare developers"
release = _version("selfcare")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "view_pictures",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# No intersphinx: the build must pass offline.

html_theme = "furo"
html_title = "selfcare"
