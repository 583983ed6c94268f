"""Specification of the HTML views in a real browser: they render, readably, as text and colour.

Each view is opened in headless Chromium, which takes a screenshot and dumps the page after
a small test-only script has read what the browser laid out: the text a person sees
(``innerText``, which leaves out anything hidden), whether the page is wider than the
window, and whether any two blocks of a timeline overlap. Without Chromium these tests are
skipped on a workstation and fail in CI (``CI`` set).
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from selfcare import BlockKind, Category
from selfcare._display.palette import BLOCK_COLOURS, CATEGORY_COLOURS, WARN
from tests.display.values import VALUES, view

pytestmark = pytest.mark.examples

CHROMIUM = "/usr/bin/chromium"
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
    "--window-size=1200,900",
)
WHITE = (255, 255, 255)

# Reads the layout once the page has loaded; only the test page has a script.
PROBE = """<script>
const region = document.querySelector('[role=region]');
const placed = [...document.querySelectorAll('[title]')]
  .filter(e => getComputedStyle(e).position === 'absolute');
let overlaps = 0;
const byBar = new Map();
for (const e of placed) {
  const list = byBar.get(e.parentElement) || [];
  list.push(e.getBoundingClientRect());
  byBar.set(e.parentElement, list);
}
for (const rects of byBar.values()) {
  rects.sort((a, b) => a.left - b.left);
  for (let i = 1; i < rects.length; i++) {
    if (rects[i].left < rects[i - 1].right - 0.5) overlaps++;
  }
}
document.body.setAttribute('data-text', region.innerText);
const wide = document.documentElement.scrollWidth > innerWidth;
document.body.setAttribute('data-overflow', String(wide));
document.body.setAttribute('data-overlaps', String(overlaps));
</script>"""

#: What a person must be able to read in each view.
EXPECTED = {
    "plan": [
        "Week by week",
        "Short walk",
        "10 min · 07:45",
        "kept at 22:30",
        "serves your goal: builds coping skills",
    ],
    "rested-plan": [
        "Rests",
        "paused by client-7 on Wed 9 Dec 2026",
        "resting: holiday",
        "reminder 10 min before",
        "reminders 1 h and 10 min before",
        "done when 1 of 2 steps is done",
    ],
    "workday": ["Workday Tue 3 Mar 2026", "back to back", "16:00–17:15", "transition"],
    "spring-workday": ["the clocks go forward an hour at 01:00", "01:00–02:00 skipped"],
    "autumn-workday": ["01:00–02:00 happens twice", "01:00–02:00 again", "01:10 BST"],
    "workweek": ["Mon 9 Mar", "recovery time is falling", "7 sessions", "day off"],
    "recommendations": ["Reaching out is advised", "In the order of their score", "Why"],
    "review": ["Review of the plan", "Suggestions", "keep", "Short walk"],
    "balance": ["Category balance", "physical", "of 14"],
    "trend": ["Wellbeing trend", "mood", "(worse)"],
    "habit": ["Habit strength: short-walk", "of 100"],
    "streak": ["Streak: short-walk", "Longest"],
    "adherence": ["Adherence to the plan", "Kept overall"],
    "rested-adherence": ["Rituals", "Daily reflection", "Partly", "All rituals kept: 71%"],
    "effect": ["your mood was", "not proof"],
    "advisory": ["Reaching out is advised", "you do not have to manage this alone"],
}
#: Colours the view must actually paint, where it paints one for sure.
COLOURS = {
    "workday": [
        BLOCK_COLOURS[BlockKind.SESSION].colour,
        BLOCK_COLOURS[BlockKind.TRANSITION].colour,
    ],
    "workweek": [BLOCK_COLOURS[BlockKind.SESSION].colour, BLOCK_COLOURS[BlockKind.NOTES].colour],
    "plan": [CATEGORY_COLOURS[Category.PHYSICAL].tint],  # a physical item's background
    "advisory": [WARN.tint],  # the advisory's box
    "spring-workday": [WARN.colour],  # the line where the clocks go forward
    "autumn-workday": [WARN.colour],  # the lines around the hour that comes again
}


@pytest.fixture(scope="module")
def chromium() -> str:
    """The browser, or a skip on a workstation without it (a failure in CI)."""
    found = shutil.which("chromium") or (CHROMIUM if Path(CHROMIUM).exists() else None)
    if found is None:
        message = f"headless Chromium is needed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


class _Body(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: dict[str, str] = {}

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.attributes = {name: value or "" for name, value in attributes}


def render(browser: str, html: str, folder: Path) -> tuple[dict[str, str], Image.Image]:
    """Open a view in the browser: the probe's findings and the screenshot."""
    folder.mkdir(parents=True)
    page = folder / "page.html"
    page.write_text(
        '<!doctype html><html><head><meta charset="utf-8"></head>'
        f'<body style="margin:8px;background:#ffffff">{html}{PROBE}</body></html>',
        encoding="utf-8",
    )
    shot = folder / "screenshot.png"
    done = subprocess.run(
        [
            browser,
            *FLAGS,
            f"--user-data-dir={folder / 'profile'}",
            f"--screenshot={shot}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert 0 == done.returncode, done.stderr[-2000:]
    body = _Body()
    body.feed(done.stdout)
    with Image.open(shot) as image:
        return body.attributes, image.convert("RGB")


def painted(image: Image.Image, colour: str, tolerance: int = 6) -> int:
    """How many pixels have this colour, give or take a little."""
    want = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    total = 0
    for count, pixel in image.getcolors(maxcolors=1 << 20) or []:
        assert isinstance(pixel, tuple)
        if all(abs(a - b) <= tolerance for a, b in zip(pixel, want, strict=True)):
            total += count
    return total


Rendered = dict[str, tuple[dict[str, str], Image.Image]]


@pytest.fixture(scope="module")
def rendered(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """Every view opened in the browser, three at a time to keep the tests quick.

    The pages and screenshots stay in pytest's temporary directory, one folder a view.
    """
    folder = tmp_path_factory.mktemp("browser")
    views = {name: view(build()) for name, build in VALUES.items()}
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = {
            name: pool.submit(render, chromium, html, folder / name) for name, html in views.items()
        }
        return {name: future.result() for name, future in futures.items()}


@pytest.mark.parametrize("name", sorted(VALUES))
def test_view_renders_readably_in_a_browser(name: str, rendered: Rendered) -> None:
    """The view paints text and colour, fits the window, shows its text, overlaps nothing."""
    found, image = rendered[name]
    assert (1200, 900) == image.size
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 20  # text is anti-aliased: a blank page has one or two colours
    inked = sum(count for count, colour in colours if colour != WHITE)
    assert inked / (image.width * image.height) > 0.005
    text = found["data-text"]
    missing = [expected for expected in EXPECTED[name] if expected not in text]
    assert [] == missing
    assert "false" == found["data-overflow"]
    assert "0" == found["data-overlaps"]
    for colour in COLOURS.get(name, []):
        assert painted(image, colour) > 20, colour
