"""The page's search box and ``--query`` follow one rule (issue 16): every
word, case, accents and punctuation folded, in the entry's title or quoted
sentences; both keep the same entries."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from render_browser import open_offline
from render_fixtures import chromium, rich_timeline  # noqa: F401  (fixtures)
from timeline.assemble import Timeline
from timeline.filters import mentioning

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser
QUERIES = ["missile", "MISSILE launched", "korea's", "north, korea", "published", "no such words"]


def test_page_search_keeps_what_query_keeps(chromium: "Browser", rich_timeline: Timeline, tmp_path: Path) -> None:
    path = tmp_path / "timeline.html"
    path.write_text(rich_timeline.to_html(), encoding="utf-8")
    opened = open_offline(chromium, path.resolve().as_uri())
    page = opened.page
    for query in QUERIES:
        page.fill("#q", query)
        page.wait_for_timeout(50)
        shown = sorted(page.locator("[data-dated]:visible .headline").all_inner_texts())
        kept = sorted(e.title for e in mentioning(rich_timeline, query).entries)
        assert shown == kept, query
    assert opened.errors == []
    page.context.close()
