"""Pictures of selfcare's HTML views for the guides, rendered when the docs are built.

Each picture is made from a real value, built with the public API as its guide page builds
it: the value's own ``_repr_html_()`` (what a notebook shows) is written to a page and
screenshotted by headless Chromium, the browser the display tests use. A page shows one with
the ``selfcare-view`` directive, which places it as an ordinary image::

    ```{selfcare-view} workday-timeline
    ```

The pictures, and the pages they were taken of (to open in a browser), go to
``selfcare-views/`` in the build's doctree directory; Sphinx copies each picture shown into
the site's ``_images/``, as it does any image. A picture is rendered again only when its
HTML or this extension changes. Set ``SELFCARE_CHROMIUM`` to use a browser elsewhere than
``/usr/bin/chromium``.

Without Chromium, on a developer's machine, the build still succeeds: each picture is a
placeholder that says it was not rendered, and the build logs why as information. In CI
(``CI`` set, as ``.ci/run`` sets it) a missing browser is a warning, which fails the build
(the docs are built with ``-W``); so is a browser that fails to render a picture.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

CHROMIUM = "/usr/bin/chromium"
#: The flags the browser tests use (tests/display/test_browser.py), and a sharp picture.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=2",
)
SCALE = 2
#: The folder, in the build's doctree directory, of the pictures and the pages they show.
IMAGES = "selfcare-views"
#: Where this build puts the pictures; set before any page is read.
_FOLDER: Path | None = None

# Leaves out the parts of the view from the one headed ``data-stop`` on (so the view's box
# still closes under what is shown), then measures the view: how far down and how wide it
# reaches. Only the build's page has it.
PROBE = """<script>
const region = document.querySelector('[role=region]');
const stop = document.body.getAttribute('data-stop');
const heading = stop && [...region.querySelectorAll('div')]
  .find(d => d.childElementCount === 0 && d.textContent.trim() === stop);
let part = heading;
while (part && part.parentElement !== region) part = part.parentElement;
for (; part; part = part.nextElementSibling) part.style.display = 'none';
const box = region.getBoundingClientRect();
document.body.setAttribute('data-stopped', String(Boolean(heading)));
document.body.setAttribute('data-cut', String(Math.ceil(box.bottom + 8)));
document.body.setAttribute('data-width', String(Math.ceil(box.right + 8)));
</script>"""


# The values shown: real ones, built with the public API only, the same on every build. Each
# is the value its guide page builds in its examples, so a reader sees what those lines show.


def _client() -> Any:
    """The client of docs/how-to/plans.md, "Build a plan"."""
    import selfcare
    from selfcare import Weekday

    return selfcare.Profile(
        role=selfcare.Role.CLIENT,
        timezone="Europe/London",
        daily_minutes={
            Weekday.MONDAY: 30,
            Weekday.TUESDAY: 20,
            Weekday.WEDNESDAY: 30,
            Weekday.THURSDAY: 20,
            Weekday.FRIDAY: 30,
            Weekday.SATURDAY: 60,
            Weekday.SUNDAY: 45,
        },
        goals={selfcare.Benefit.COPING_SKILLS, selfcare.Benefit.RESILIENCE},
        preferred_times={selfcare.TimeOfDay.EVENING},
        excluded_categories={selfcare.Category.SPIRITUAL},
        values={"family"},
    )


START = dt.date(2026, 11, 30)  # a Monday


def plan_value() -> Any:
    """The plan of docs/how-to/plans.md: the client's four weeks, as generated."""
    import selfcare

    return selfcare.generate_plan(_client(), start=START, weeks=4, seed=1)


def review_value() -> Any:
    """The plan reviewed after two weeks of evening check-ins, simulated from a seed.

    On each day the client does each item planned that day seven times in ten, and rates
    their mood a little higher on the days they got moving or kept to their sleep.
    """
    import pendulum

    import selfcare

    plan = plan_value()
    rng = random.Random(11)
    history = []
    for n in range(14):
        day = START + dt.timedelta(days=n)
        done = [
            selfcare.Practice.done(item.strategy_id, item.minutes or None)
            for item in plan.items
            if day in item.dates(day, day, origin=START) and rng.random() < 0.7
        ]
        lifted = any(p.strategy_id in ("consistent-sleep", "daily-movement") for p in done)
        mood = min(10, max(0, round(rng.gauss(6.5 if lifted else 5, 0.8))))
        history.append(
            selfcare.Reflection(
                at=pendulum.datetime(day.year, day.month, day.day, 21, tz="Europe/London"),
                author=selfcare.Role.CLIENT,
                ratings=selfcare.Ratings(mood=mood, energy=rng.randint(4, 7)),
                practised=done,
            )
        )
    at = pendulum.datetime(2026, 12, 13, 22, tz="Europe/London")
    return selfcare.review_plan(plan, history, at=at)


def workday_value() -> Any:
    """The packed day of docs/how-to/workday.md: seven sessions on the hour from 09:00."""
    import pendulum

    import selfcare

    def at(hour: int) -> Any:
        return pendulum.datetime(2026, 3, 3, hour, tz="Europe/London")

    packed = [selfcare.Session(at(h), 50) for h in (9, 10, 11, 12, 14, 15, 16)]
    return selfcare.plan_workday(packed, rules=selfcare.WorkdayRules(), tz="Europe/London")


@dataclass(frozen=True)
class Picture:
    """A view to show: how to build its value, how wide a window, and where to stop.

    A guide's column is about 740 pixels wide: a picture from a wider window is shown
    smaller (and links to its full size), so only the wide grid of a plan is wider.
    """

    build: Callable[[], Any]
    width: int
    stop: str | None  # the heading of the first part of the view left out, with all after it
    alt: str


PICTURES: dict[str, Picture] = {
    "plan-grid": Picture(
        plan_value,
        1000,
        "Items and why they are in the plan",
        "The four-week plan as a grid of days: each day's minutes, then its items in the order "
        "of the day, coloured by category; commitments read as kept all day or at their time, "
        "and the items start a week or two in, as the plan starts gently.",
    ),
    "plan-review": Picture(
        review_value,
        860,
        "Balance over the last two weeks looked at",
        "The plan reviewed after two weeks: per item the days done of those planned, the share "
        "kept, the habit strength against the item's target and the ratings that went with "
        "it, or not started yet; then the suggestions, each with its reasons.",
    ),
    "workday-timeline": Picture(
        workday_value,
        760,
        "Blocks",
        "The packed day as a timeline from 09:00 to 17:00: seven sessions with a transition "
        "after each that another follows, notes and lunch after the 12:00 session, "
        "decompression at the end, and the warning that the notes for four sessions do not fit.",
    ),
}


# Rendering


def chromium() -> tuple[str | None, str]:
    """The browser to use, or None when there is none; and where it was looked for."""
    wanted = os.environ.get("SELFCARE_CHROMIUM") or shutil.which("chromium") or CHROMIUM
    return (wanted if Path(wanted).exists() else None), wanted


class _Body(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: dict[str, str] = {}

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.attributes = {name: value or "" for name, value in attributes}


def page_html(view: str, stop: str | None) -> str:
    """The view alone on a white page, as a notebook would show it."""
    data = "" if stop is None else f' data-stop="{escape(stop, quote=True)}"'
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>selfcare view</title></head>'
        f'<body style="margin:8px;background:#ffffff"{data}>{view}{PROBE}</body></html>'
    )


def screenshot(browser: str, html: str, picture: Picture, out: Path) -> None:
    """Render the page, then crop the screenshot to the view.

    The window is made taller and the page rendered again when the view is taller than it,
    so a picture is never cut short.
    """
    height = 2400
    with tempfile.TemporaryDirectory(prefix="selfcare-view-") as folder:
        page = Path(folder) / "page.html"
        page.write_text(html, encoding="utf-8")
        shot = Path(folder) / "shot.png"
        while True:
            body = _render(browser, page, shot, f"{picture.width},{height}")
            if picture.stop is not None and body.get("data-stopped") != "true":
                raise RuntimeError(f"the view has no part headed {picture.stop!r}")
            cut = int(body.get("data-cut", "0"))
            if not 0 < cut <= height:
                if height < cut <= 20_000:
                    height = cut + 16
                    continue
                raise RuntimeError(f"the view measured {cut} pixels high")
            break
        width = int(body.get("data-width", str(picture.width)))
        try:
            from PIL import Image
        except ImportError:  # Pillow comes with the dev extra; without it, the whole window
            shutil.copyfile(shot, out)
            return
        with Image.open(shot) as image:
            box = (0, 0, min(image.width, width * SCALE), min(image.height, cut * SCALE))
            flat(image.crop(box).convert("RGB")).save(out, optimize=True)


def flat(image: Any) -> Any:
    """The picture in its 256 commonest colours: a third the size, as sharp, colours exact.

    A view is flat colour and text: its fills, lines and text are its commonest colours and
    keep their exact values (the palette's); only the edges of letters, smoothed by the
    browser, move to the nearest of them. (Pillow's own quantizing looks colours up in a
    coarse cube, which moves white to #fcfcfc.) Without numpy the picture is kept as it is.
    """
    try:
        import numpy as np
    except ImportError:  # numpy comes with matplotlib in the dev extra
        return image
    from PIL import Image

    pixels = np.asarray(image, dtype=np.uint32)
    packed = (pixels[..., 0] << 16) | (pixels[..., 1] << 8) | pixels[..., 2]
    colours, where, counts = np.unique(packed, return_inverse=True, return_counts=True)
    kept = colours[np.argsort(-counts, kind="stable")[:256]]
    rgb = np.stack([(kept >> shift) & 255 for shift in (16, 8, 0)], axis=1).astype(np.int32)
    every = np.stack([(colours >> shift) & 255 for shift in (16, 8, 0)], axis=1).astype(np.int32)
    nearest = np.empty(len(colours), dtype=np.uint8)
    for start in range(0, len(colours), 4096):  # distances a block of colours at a time
        block = every[start : start + 4096, None, :] - rgb[None, :, :]
        nearest[start : start + 4096] = np.argmin((block * block).sum(axis=2), axis=1)
    flat = Image.fromarray(nearest[where.reshape(packed.shape)], mode="P")
    flat.putpalette(rgb.astype(np.uint8).tobytes())
    return flat


def _render(browser: str, page: Path, shot: Path, size: str) -> dict[str, str]:
    """Screenshot the page in a window of ``size``; the attributes the probe left on its body."""
    done = subprocess.run(
        [
            browser,
            *FLAGS,
            f"--user-data-dir={page.parent / 'profile'}",
            f"--window-size={size}",
            f"--screenshot={shot}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if done.returncode != 0 or not shot.exists():
        raise RuntimeError(f"chromium exited with {done.returncode}: {done.stderr[-500:]}")
    body = _Body()
    body.feed(done.stdout)
    return body.attributes


def placeholder(out: Path, name: str, why: str) -> None:
    """A grey picture that says plainly it is not the view, and why."""
    try:
        from PIL import Image, ImageDraw
    except ImportError:  # no Pillow either: a tiny grey picture; the alt text says the rest
        import struct
        import zlib

        def chunk(kind: bytes, data: bytes) -> bytes:
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

        raw = b"".join(b"\x00" + b"\xee\xf0\xf2" * 200 for _ in range(60))
        out.write_bytes(
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", 200, 60, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b"")
        )
        return
    image = Image.new("RGB", (900, 160), "#eef0f2")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 899, 159), outline="#59636e", width=3)
    lines = [f"PLACEHOLDER: the picture '{name}' was not rendered.", why]
    for n, line in enumerate(lines):
        try:
            draw.text((24, 40 + 36 * n), line, fill="#1f2328", font_size=20)
        except TypeError:  # Pillow before 10.1: its small default font
            draw.text((24, 40 + 36 * n), line, fill="#1f2328")
    image.save(out)


def render_pictures(app: Sphinx) -> None:
    """Render every picture into the build's ``selfcare-views`` (once its HTML changes)."""
    global _FOLDER
    if app.builder.format != "html":
        return
    folder = _FOLDER = Path(app.doctreedir) / IMAGES
    folder.mkdir(parents=True, exist_ok=True)
    browser, wanted = chromium()
    if browser is None:
        # CI always has the browser (.ci/run installs it first): there, its absence is a
        # warning, which fails the -W build; elsewhere the pictures are placeholders.
        report = logger.warning if os.environ.get("CI") else logger.info
        report(
            "selfcare-view: no headless Chromium at %s, so the pictures of the views are "
            "placeholders (apt-get install chromium, or set SELFCARE_CHROMIUM)%s",
            wanted,
            "; CI is set, where the pictures must be rendered" if os.environ.get("CI") else "",
        )
    for name, picture in PICTURES.items():
        out = folder / f"{name}.png"
        try:
            view = picture.build()._repr_html_()
        except Exception as error:  # the library or its API changed: say which picture
            logger.warning(
                "selfcare-view: could not build the value of %s: %s: %s",
                name,
                type(error).__name__,
                error,
            )
            placeholder(out, name, "Its value could not be built; see the build log.")
            (folder / f"{name}.sha256").write_text("failed")
            continue
        html = page_html(view, picture.stop)
        (folder / f"{name}.html").write_text(html.replace(PROBE, ""), encoding="utf-8")
        stamp = folder / f"{name}.sha256"
        # The page and how it is rendered (this file): a change to either renders it again.
        digest = hashlib.sha256(html.encode() + Path(__file__).read_bytes()).hexdigest()
        digest += "" if browser else "-placeholder"
        if out.exists() and stamp.exists() and stamp.read_text() == digest:
            continue
        if browser is None:
            placeholder(out, name, "Headless Chromium was not found; install it to see the view.")
        else:
            try:
                screenshot(browser, html, picture, out)
            except (OSError, RuntimeError, subprocess.SubprocessError) as error:
                # Chromium is there but failed: a warning, so a -W build (CI) fails.
                logger.warning("selfcare-view: could not render %s: %s", name, error)
                placeholder(out, name, "Chromium failed to render it; see the build log.")
                digest += "-failed"
        stamp.write_text(digest)


class ViewPicture(SphinxDirective):
    """Show a picture of a view: ``{selfcare-view} <name>``, with an optional ``:width:``."""

    required_arguments = 1
    option_spec = {"width": directives.length_or_percentage_or_unitless}  # noqa: RUF012

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        picture = PICTURES.get(name)
        if picture is None:
            known = ", ".join(sorted(PICTURES))
            raise self.error(f"selfcare-view: no picture {name!r}; the pictures are {known}")
        if _FOLDER is None:  # only an HTML build renders the pictures
            return []
        image = _FOLDER / f"{name}.png"
        source = Path(self.env.doc2path(self.env.docname)).parent
        uri = Path(os.path.relpath(image, source)).as_posix()
        node = nodes.image(uri=uri, alt=picture.alt, width=self.options.get("width", "100%"))
        node["classes"].append("selfcare-view")
        self.set_source_info(node)
        return [node]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive and render the pictures before any page is read."""
    app.add_directive("selfcare-view", ViewPicture)
    app.connect("builder-inited", render_pictures)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
