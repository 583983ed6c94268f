"""Building blocks of the HTML views shown in notebooks (``_repr_html_``).

The views are self-contained: inline styles only, no script, no link to anything outside
(no ``src``, ``href`` or ``url(...)``), so they render the same offline and in a sanitised
notebook viewer. Text reaches the markup only through :func:`el`, which escapes every
string that is not already :class:`Html`, so nothing a caller wrote can become markup.
Private text (journal entries, revision reasons, session references) is never passed in.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping

from selfcare._display.palette import (
    ACCENT,
    CATEGORY_COLOURS,
    INK,
    LINE,
    MUTED,
    NEUTRAL,
    PAPER,
    SHADE,
    WARN,
    Swatch,
)
from selfcare._model.categories import Category
from selfcare._model.reasons import Fact, Reason

__all__ = [
    "Html",
    "category_chip",
    "chip",
    "el",
    "facts_text",
    "id_tag",
    "long_date",
    "meter",
    "minutes",
    "muted",
    "page",
    "percent",
    "rate",
    "reason_list",
    "reasons_title",
    "section",
    "short_date",
    "table",
    "warning_box",
    "zoned_text",
]

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CELL = f"padding:4px 8px;border-bottom:1px solid {LINE};text-align:left;vertical-align:top"


class Html(str):
    """Markup built by these helpers, safe to put into a view as it is."""

    __slots__ = ()


def _child(value: object) -> str:
    if value is None:
        return ""
    if type(value) is Html:
        return value
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, Iterable):
        return "".join(_child(v) for v in value)
    return html.escape(str(value), quote=True)


def el(
    name: str, *children: object, style: str = "", title: str | None = None, **attrs: str
) -> Html:
    """An element: ``name`` with escaped attributes and children.

    Children may be :class:`Html` (kept as it is), strings and numbers (escaped), ``None``
    (left out) or iterables of those. ``class_`` and other trailing underscores are dropped.

    Example:
        >>> el("b", "<i>", title='"x"')
        '<b title="&quot;x&quot;">&lt;i&gt;</b>'
    """
    parts = [name]
    if style:
        parts.append(f'style="{html.escape(style, quote=True)}"')
    if title is not None:
        parts.append(f'title="{html.escape(title, quote=True)}"')
    for key, value in attrs.items():
        parts.append(f'{key.rstrip("_").replace("_", "-")}="{html.escape(value, quote=True)}"')
    return Html(f"<{' '.join(parts)}>{_child(children)}</{name}>")


def page(*children: object, label: str) -> str:
    """The outer box of a view, with ``label`` (what is shown) as an accessible name.

    Example:
        >>> page("hello", label="a <view>").startswith('<div style=')
        True
    """
    style = (
        f"font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:13px;"
        f"line-height:1.45;color:{INK};background:{PAPER};padding:12px 14px;"
        f"border:1px solid {LINE};border-radius:6px;max-width:1100px;box-sizing:border-box"
    )
    return str(el("div", children, style=style, role="region", aria_label=label))


def section(heading: str, *children: object, sub: object = None) -> Html:
    """A titled part of a view, with an optional muted line under the title."""
    head = el("div", heading, style="font-weight:600;font-size:14px;margin:12px 0 4px")
    return el("div", head, None if sub is None else el("div", sub, style=_muted()), children)


def _muted() -> str:
    return f"color:{MUTED};font-size:12px"


def muted(*children: object) -> Html:
    """Secondary text, smaller and grey."""
    return el("span", children, style=_muted())


def chip(
    text: str, swatch: Swatch = NEUTRAL, *, solid: bool = False, title: str | None = None
) -> Html:
    """A small label in a swatch's pale tint, or in its full colour when ``solid``."""
    ink, fill = (swatch.on_colour, swatch.colour) if solid else (swatch.on_tint, swatch.tint)
    style = (
        f"display:inline-block;padding:0 6px;border-radius:9px;font-size:12px;"
        f"color:{ink};background:{fill};white-space:nowrap"
    )
    return el("span", text, style=style, title=title)


def category_chip(category: Category | None) -> Html:
    """A label in the category's colours; a grey one when the category is unknown."""
    if category is None:
        return chip("unknown")
    return chip(category.label, CATEGORY_COLOURS[category])


def id_tag(value: str) -> Html:
    """An identifier a caller gave (a plan's id), set apart from the words around it."""
    style = f"font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;color:{MUTED}"
    return el("span", "id ", el("span", value, style=style), style=f"color:{MUTED};font-size:12px")


def meter(fraction: float | None, colour: str = ACCENT.colour, *, width: int = 90) -> Html:
    """A horizontal bar filled to ``fraction`` (0 to 1), followed by nothing when ``None``."""
    if fraction is None:
        return muted("–")
    share = min(1.0, max(0.0, fraction))
    inner = el(
        "span", style=f"display:block;height:100%;width:{share * 100:.1f}%;background:{colour}"
    )
    style = (
        f"display:inline-block;vertical-align:middle;width:{width}px;height:8px;"
        f"background:{SHADE};border-radius:4px;overflow:hidden;margin-right:6px"
    )
    return el("span", inner, style=style)


def table(
    headers: Iterable[str], rows: Iterable[Iterable[object]], *, numeric: Iterable[int] = ()
) -> Html:
    """A plain table; the columns in ``numeric`` are right-aligned."""
    right = set(numeric)

    def cell(tag: str, index: int, value: object) -> Html:
        align = ";text-align:right;white-space:nowrap" if index in right else ""
        weight = ";font-weight:600;color:" + MUTED if tag == "th" else ""
        return el(tag, value, style=_CELL + align + weight)

    head = el("tr", [cell("th", i, h) for i, h in enumerate(headers)])
    body = [el("tr", [cell("td", i, v) for i, v in enumerate(row)]) for row in rows]
    return el(
        "table",
        el("thead", head),
        el("tbody", body),
        style="border-collapse:collapse;margin:4px 0;width:auto",
    )


def facts_text(facts: Mapping[str, Fact]) -> str:
    """The figures behind a reason or warning as ``name: value`` pairs.

    Example:
        >>> facts_text({"days_with": 9, "mean_with": 6.25})
        'days with: 9, mean with: 6.25'
    """
    return ", ".join(f"{key.replace('_', ' ')}: {_fact(value)}" for key, value in facts.items())


def _fact(value: Fact) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def reason_list(reasons: Iterable[Reason]) -> Html:
    """The reasons as a visible list, each with its figures in grey."""
    items = [
        el(
            "li",
            reason.text,
            " ",
            muted("(", facts_text(reason.facts), ")") if reason.facts else None,
            title=reason.code.value,
        )
        for reason in reasons
    ]
    if not items:
        return muted("no reasons given")
    return el("ul", items, style="margin:2px 0 2px 18px;padding:0")


def reasons_title(reasons: Iterable[Reason]) -> str:
    """The reasons as hover text, one a line."""
    return "\n".join(f"• {reason.text}" for reason in reasons)


def minutes(value: float) -> str:
    """Minutes as ``25 min`` or ``1 h 30 min``.

    Example:
        >>> minutes(25), minutes(90), minutes(120)
        ('25 min', '1 h 30 min', '2 h')
    """
    whole = round(value)
    hours, rest = divmod(whole, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" + (f" {rest} min" if rest else "")


def rate(value: float | None) -> Html:
    """A share as a bar and a percentage, or ``–`` when there is none."""
    if value is None:
        return muted("–")
    return el("span", meter(value), percent(value), style="white-space:nowrap")


def percent(value: float | None) -> str:
    """A share as a whole percentage, ``–`` when there is none."""
    return "–" if value is None else f"{round(value * 100)}%"


def short_date(day: dt.date) -> str:
    """A date as ``Mon 30 Nov``, the same in every locale."""
    return f"{DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


def long_date(day: dt.date) -> str:
    """A date as ``Mon 30 Nov 2026``, the same in every locale.

    Example:
        >>> long_date(datetime.date(2026, 11, 30))
        'Mon 30 Nov 2026'
    """
    return f"{short_date(day)} {day.year}"


def zoned_text(value: dt.datetime) -> str:
    """A zoned instant in its own zone, as ``Mon 5 Jan 2026 19:00 Europe/London``."""
    zone = value.tzinfo
    name = getattr(zone, "key", None) or getattr(zone, "name", None) or value.tzname() or ""
    return f"{long_date(value.date())} {value:%H:%M} {name}".rstrip()


def warning_box(*children: object) -> Html:
    """A highlighted box for a warning or an advisory."""
    style = (
        f"color:{WARN.on_tint};background:{WARN.tint};border-left:4px solid {WARN.colour};"
        f"padding:6px 10px;margin:6px 0;border-radius:4px"
    )
    return el("div", children, style=style, role="note")
