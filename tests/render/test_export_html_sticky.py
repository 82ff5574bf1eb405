"""The page's year headings (issue 16): links people can share (``#2017``),
and an entry's dot passes under the sticky year heading, never over it
(checked in headless Chromium; screenshot in tests/artifacts/)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from render_browser import open_offline
from render_fixtures import ARTIFACTS
from render_fixtures import chromium, rich_timeline  # noqa: F401  (fixtures)
from timeline.assemble import Timeline

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

# what is painted at the centre of each entry's dot once it has scrolled under the year heading
DOT_UNDER_HEADING = """() => {
  const heading = document.querySelector('.year-label');
  const box = heading.getBoundingClientRect();
  const found = [];
  for (const entry of document.querySelectorAll('.entry')) {
    if (!entry.getClientRects().length) continue;  // hidden (the page opens on the key events): no dot
    const dot = getComputedStyle(entry, '::before');
    const rect = entry.getBoundingClientRect();
    const left = rect.left + parseFloat(dot.left);
    const y = rect.top + parseFloat(dot.top) + parseFloat(dot.height) / 2;
    if (y > box.top + 2 && y < box.bottom - 2) {
      // the dot's left edge, its centre and its right edge
      for (const x of [left + 2, left + parseFloat(dot.width) / 2, left + parseFloat(dot.width) - 2]) {
        const top = document.elementFromPoint(x, y);
        found.push(top && top.closest('.year-label') ? 'heading' : 'entry');
      }
    }
  }
  return found;
}"""


def test_year_headings_are_linkable_by_year(rich_timeline: Timeline) -> None:
    page = rich_timeline.to_html()
    assert 'id="2017"' in page and 'aria-labelledby="2017"' in page
    assert 'id="y1"' not in page


def test_dots_pass_under_the_sticky_year_heading(chromium: "Browser", rich_timeline: Timeline,
                                                 tmp_path: Path) -> None:
    path = tmp_path / "timeline.html"
    path.write_text(rich_timeline.to_html(), encoding="utf-8")
    opened = open_offline(chromium, path.resolve().as_uri(), viewport={"width": 900, "height": 500})
    page = opened.page
    seen: list[str] = []
    for _ in range(60):  # scroll step by step: some dot sits under the heading at some point
        page.mouse.wheel(0, 40)
        page.wait_for_timeout(20)
        under = page.evaluate(DOT_UNDER_HEADING)
        if under and not seen:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "timeline-sticky-heading.png"))
        seen += under
    assert seen, "no dot ever scrolled under the year heading"
    assert set(seen) == {"heading"}, seen
    page.context.close()
