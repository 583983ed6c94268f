"""The one colour palette of the HTML views, public so that plots can use the same colours.

Every colour a view paints comes from here: a few hues, each a :class:`Swatch` of four
shades, and the neutral greys of text, lines and backgrounds. The categories of self-care and
the kinds of block of a working day are each given hues of their own
(:data:`CATEGORY_COLOURS`, :data:`BLOCK_COLOURS`); both mappings are public, so a notebook
plots a category or a block in the colour the views show it in::

    ax.bar(days, minutes, color=selfcare.CATEGORY_COLOURS[Category.PHYSICAL].colour)

Every text colour reads on the background it is meant for, with a contrast of at least
4.5:1 (WCAG AA), which the tests check.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from selfcare._core.frozenmap import FrozenMap
from selfcare._insights.days import Measure
from selfcare._model.categories import Category
from selfcare._workday.day import BlockKind

__all__ = [
    "ACCENT",
    "BAD",
    "BLOCK_COLOURS",
    "CATEGORY_COLOURS",
    "CHANGE",
    "GOOD",
    "INK",
    "LINE",
    "MEASURE_COLOURS",
    "MUTED",
    "NEUTRAL",
    "PAPER",
    "SHADE",
    "WARN",
    "Swatch",
    "all_colours",
]


class Swatch(NamedTuple):
    """One hue of the palette in four shades, as ``#rrggbb`` strings.

    Attributes:
        colour: the hue itself, for bars, lines, blocks of a timeline and borders.
        on_colour: text drawn on ``colour``.
        tint: a pale shade of the hue, the background of labels and cells.
        on_tint: text drawn on ``tint`` (it reads on white too).

    Example:
        >>> CATEGORY_COLOURS[Category.PHYSICAL].colour
        '#2e8049'
    """

    colour: str
    on_colour: str
    tint: str
    on_tint: str


# The hues, each used for one meaning within a mapping.
_WHITE = "#ffffff"
_ROSE = Swatch("#b8336a", _WHITE, "#fde2ec", "#8a1f4c")
_GREEN = Swatch("#2e8049", _WHITE, "#dcf3e3", "#1f6f3a")
_BLUE = Swatch("#3467b8", _WHITE, "#dde9fb", "#22509a")
_AMBER = Swatch("#966000", _WHITE, "#fcefd2", "#7a5000")
_VIOLET = Swatch("#7350b8", _WHITE, "#ece3fa", "#5e36a3")
_TEAL = Swatch("#1c7c80", _WHITE, "#d6f0f0", "#17686c")
_SLATE = Swatch("#44546f", _WHITE, "#e6eaf0", "#2f3a4d")
_CORAL = Swatch("#c2502a", _WHITE, "#fde6dc", "#8f3514")
_GREY = Swatch("#dfe3e8", "#4a525b", "#eef0f2", "#4a525b")

#: Each category's colours: a category is shown in its hue wherever it appears.
CATEGORY_COLOURS: Mapping[Category, Swatch] = FrozenMap(
    {
        Category.EMOTIONAL: _ROSE,
        Category.PHYSICAL: _GREEN,
        Category.MENTAL: _BLUE,
        Category.PRACTICAL: _AMBER,
        Category.SPIRITUAL: _VIOLET,
        Category.PROFESSIONAL: _TEAL,
    }
)
#: Each kind of block's colours on a workday's timeline.
BLOCK_COLOURS: Mapping[BlockKind, Swatch] = FrozenMap(
    {
        BlockKind.SESSION: _SLATE,
        BlockKind.TRANSITION: _TEAL,
        BlockKind.NOTES: _AMBER,
        BlockKind.LUNCH: _CORAL,
        BlockKind.DECOMPRESSION: _VIOLET,
        BlockKind.FREE: _GREY,
    }
)

#: Went with better ratings, kept, done.
GOOD = _GREEN
#: Went with worse ratings, neglected, to drop.
BAD = _ROSE
#: Warnings and the support advisory.
WARN = _CORAL
#: A change to make: an item to replace.
CHANGE = _AMBER
#: Meters and figures of no category; an item to add.
ACCENT = _BLUE
#: Anything without a category: a status, a goal, a ritual, an unknown category.
NEUTRAL = _GREY

#: The line of each measure on the wellbeing chart.
MEASURE_COLOURS: Mapping[Measure, str] = FrozenMap(
    {Measure.MOOD: _BLUE.colour, Measure.ENERGY: _GREEN.colour, Measure.STRESS: _ROSE.colour}
)

#: Text.
INK = "#1f2328"
#: Secondary text.
MUTED = "#59636e"
#: Rules and borders.
LINE = "#d7dce1"
#: The page.
PAPER = _WHITE
#: Empty cells and the track of a meter.
SHADE = "#f3f5f7"


def all_colours() -> frozenset[str]:
    """Every colour of the palette, lowercase: the only colours a view may paint."""
    swatches = [
        *CATEGORY_COLOURS.values(),
        *BLOCK_COLOURS.values(),
        *(GOOD, BAD, WARN, CHANGE, ACCENT, NEUTRAL),
    ]
    found = {shade for swatch in swatches for shade in swatch}
    return frozenset({*found, *MEASURE_COLOURS.values(), INK, MUTED, LINE, PAPER, SHADE})
