"""The HTML page in headless Chromium, opened from disk with the network cut
off: every entry shows, the filters work with mouse and keyboard, nothing is
requested, nothing errs.  Screenshots go to tests/artifacts/."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from playwright.sync_api import expect

from render_browser import open_offline
from render_fixtures import ARTIFACTS
from render_fixtures import chromium, empty_timeline, hostile_timeline, rich_timeline  # noqa: F401  (fixtures)
from timeline.assemble import Timeline

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser
VISIBLE = "[data-dated]:visible"


def write_page(timeline: Timeline, path: Path) -> str:
    path.write_text(timeline.to_html(), encoding="utf-8")
    return path.resolve().as_uri()


def test_page_offline_entries_and_filters(chromium: "Browser", rich_timeline: Timeline, tmp_path: Path) -> None:
    opened = open_offline(chromium, write_page(rich_timeline, tmp_path / "timeline.html"),
                          viewport={"width": 1100, "height": 900})
    page = opened.page
    total = len(rich_timeline.entries)
    expect(page.locator(VISIBLE)).to_have_count(total)
    expect(page.locator("#status")).to_have_text(f"Showing all {total} dated events")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)

    # a click on the "Day" chip hides the three day entries (one merged from two articles)
    page.locator("label.chip", has=page.locator('input[value="day"]')).click()
    expect(page.locator(VISIBLE)).to_have_count(total - 3)
    expect(page.locator('[data-precision="day"]:visible')).to_have_count(0)
    expect(page.locator("#status")).to_have_text(f"Showing {total - 3} of {total} dated events")

    # keyboard: Space on the focused "Approximate" checkbox, "/" jumps to the search box
    page.locator('input[name="certainty"][value="approximate"]').focus()
    page.keyboard.press("Space")
    expect(page.locator('[data-certainty="approximate"]:visible')).to_have_count(0)
    page.locator("#reset").click()
    expect(page.locator(VISIBLE)).to_have_count(total)
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("missile")
    visible_titles = page.locator(f"{VISIBLE} .headline").all_inner_texts()
    assert visible_titles == ["Dispute begins", "Missile launched"]
    page.keyboard.press("Escape")
    expect(page.locator(VISIBLE)).to_have_count(total)

    # empty month/year groups disappear with their entries
    page.locator("#upcoming").check()
    expect(page.locator(VISIBLE)).to_have_count(4)
    assert page.locator(".year:visible .year-label").all_inner_texts() == ["2017", "2018"]

    page.emulate_media(media="print")
    assert not page.locator("#controls").is_visible()
    assert opened.requests == [] and opened.errors == [] and opened.dialogs == []
    page.context.close()


def test_phone_width_dark_scheme(chromium: "Browser", rich_timeline: Timeline, tmp_path: Path) -> None:
    opened = open_offline(chromium, write_page(rich_timeline, tmp_path / "timeline.html"),
                          viewport={"width": 375, "height": 800}, color_scheme="dark")
    page = opened.page
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375  # nothing forces horizontal scrolling
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(20, 21, 23)"
    page.screenshot(path=str(ARTIFACTS / "timeline-phone-dark.png"), full_page=True)
    assert opened.requests == [] and opened.errors == []
    page.context.close()


def test_hostile_page_runs_nothing(chromium: "Browser", hostile_timeline: Timeline, tmp_path: Path) -> None:
    opened = open_offline(chromium, write_page(hostile_timeline, tmp_path / "hostile.html"))
    page = opened.page
    page.locator(".headline").first.hover()
    assert opened.dialogs == [] and opened.errors == [] and opened.requests == []
    expect(page.locator(VISIBLE)).to_have_count(len(hostile_timeline.entries))
    expect(page.locator('script:not([type="application/json"])')).to_have_count(1)  # only the page's own
    expect(page.locator("img")).to_have_count(0)
    assert 'Pwned <script>alert("title")</script>' in page.locator(".headline").first.inner_text()
    page.context.close()


def test_empty_page_offline(chromium: "Browser", empty_timeline: Timeline, tmp_path: Path) -> None:
    opened = open_offline(chromium, write_page(empty_timeline, tmp_path / "empty.html"))
    assert opened.page.locator("[data-entry]").count() == 0
    assert opened.page.locator(".empty:visible").inner_text() == "No dated events were found."
    assert opened.requests == [] and opened.errors == []
    opened.page.context.close()


def test_corpus_page_opens_on_key_events_and_one_click_shows_all(chromium: "Browser", tmp_path: Path) -> None:
    from render_fixtures import corpus_timeline

    timeline = corpus_timeline(key_events=5)
    total = len(timeline.entries)
    assert total == 17  # 20 articles, three of which report the first one's vote
    page = open_offline(chromium, write_page(timeline, tmp_path / "corpus.html")).page
    expect(page.locator(VISIBLE)).to_have_count(5)
    expect(page.locator("#status")).to_have_text(f"Showing 5 of {total} dated events")
    # the most reported happening is among the key events
    expect(page.locator(f"{VISIBLE} .headline", has_text="Town 0 voted")).to_have_count(1)
    page.locator("label.chip", has=page.locator("#view-all")).click()
    expect(page.locator(VISIBLE)).to_have_count(total)
    page.locator("#reset").click()
    expect(page.locator(VISIBLE)).to_have_count(5)
