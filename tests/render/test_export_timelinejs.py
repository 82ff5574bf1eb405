"""TimelineJS3 JSON: its shape, its escaping, and the real library rendering
it offline in headless Chromium."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import icalendar
import pytest
from playwright.sync_api import expect

import render_fixtures as data
from render_browser import open_offline
from render_fixtures import chromium, empty_timeline, hostile_timeline, rich_timeline  # noqa: F401  (fixtures)
from timeline.assemble import Timeline
from render_timelinejs import timelinejs_dist, write_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def slides(timeline: Timeline) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(timeline.to_timelinejs())
    return result


def by_headline(events: list[dict[str, Any]], headline: str) -> dict[str, Any]:
    return next(e for e in events if e["text"]["headline"] == headline)


def test_title_slide_and_one_event_per_dated_entry(rich_timeline: Timeline) -> None:
    result = slides(rich_timeline)
    assert result["title"]["text"]["headline"] == "Timeline from 2 articles"
    events = result["events"]
    assert len(events) == len(rich_timeline.entries)
    ids = [e["unique_id"] for e in events]
    assert len(set(ids)) == len(ids) and all(i.startswith("e-") for i in ids)
    # the same stable id as the calendar's UID
    uids = {str(e["UID"]).removesuffix("@timeline") for e in
            icalendar.Calendar.from_ical(rich_timeline.to_ics()).walk("VEVENT")}
    assert {i.removeprefix("e-") for i in ids} == uids
    assert ids == [e["unique_id"] for e in slides(data.build_rich())["events"]]


@pytest.mark.parametrize(
    ("headline", "start", "end", "display"),
    [
        ("Leaders to meet", {"year": "2017", "month": "11", "day": "10"}, None, "Fri 10 Nov 2017 (upcoming)"),
        ("Exports fall", {"year": "2017", "month": "10"}, None, "October 2017"),
        ("Dispute begins", {"year": "2016"}, None, "2016"),
        ("First clash", {"year": "2012"}, None, "2012 (approx.)"),
        ("Envoys meet", {"year": "2017", "month": "10", "day": "23"},
         {"year": "2017", "month": "10", "day": "29"}, "Week of 23 Oct 2017"),
        ("Trade slows", {"year": "2017", "month": "7"}, {"year": "2017", "month": "9", "day": "30"}, "Q3 2017"),
        ("Warmer relations", {"year": "1990"}, {"year": "1999"}, "1990s"),
        ("Missile launched", {"year": "2017", "month": "11", "day": "1", "hour": "6", "minute": "17"}, None,
         "Wed 1 Nov 2017, 06:17 EST"),
        ("Vote called", {"year": "2017", "month": "10", "day": "27", "hour": "21", "minute": "0"}, None,
         "Fri 27 Oct 2017, 21:00 EDT"),
    ],
)
def test_dates_down_to_the_known_granularity(
    rich_timeline: Timeline, headline: str, start: dict[str, str], end: dict[str, str] | None, display: str
) -> None:
    event = by_headline(slides(rich_timeline)["events"], headline)
    assert event["start_date"] == start
    assert event.get("end_date") == end
    assert event["display_date"] == display


def test_group_per_article_and_sources_in_text(rich_timeline: Timeline) -> None:
    events = slides(rich_timeline)["events"]
    assert {e["group"] for e in events} == {
        "China's Xi replies to North Korea's Kim", "Seoul and Beijing mend ties; talks to resume"}
    merged = by_headline(events, "Seoul and Beijing agree to move beyond dispute")
    assert merged["text"]["text"].count("<p>\u201c") == 2
    assert "It follows <mark>Tuesday</mark>&#x27;s unexpected agreement" in merged["text"]["text"]
    assert '<a href="https://www.reuters.com/article/xi-kim"' in merged["text"]["text"]


def test_hostile_text_is_escaped_html(hostile_timeline: Timeline) -> None:
    text = hostile_timeline.to_timelinejs()
    result = json.loads(text)
    event = result["events"][0]
    assert event["text"]["headline"].startswith("Pwned &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;")
    for field in (event["text"]["text"], event["group"], result["title"]["text"]["headline"]):
        assert "<script" not in field and "<img" not in field and "<b>" not in field
    assert "javascript:" not in text


def test_empty_timeline_is_valid_json_with_no_events(empty_timeline: Timeline) -> None:
    assert slides(empty_timeline)["events"] == []


@pytest.mark.browser
def test_timelinejs_renders_the_slides_offline(chromium: "Browser", rich_timeline: Timeline) -> None:
    dist = timelinejs_dist()
    result = slides(rich_timeline)
    page_path = write_page(dist, result, "rich.html")
    opened = open_offline(chromium, page_path.as_uri(), viewport={"width": 1000, "height": 650})
    page = opened.page
    # the title slide plus one slide per event
    expect(page.locator(".tl-slide")).to_have_count(len(result["events"]) + 1)
    expect(page.locator(".tl-timemarker")).to_have_count(len(result["events"]))
    assert page.evaluate("window.timeline.config.events.length") == len(result["events"])
    expect(page.locator(".tl-slide-titleslide .tl-headline").first).to_have_text("Timeline from 2 articles")
    page.screenshot(path=str(data.ARTIFACTS / "timelinejs.png"))
    assert opened.requests == [] and opened.errors == [] and opened.dialogs == []
    page.context.close()


@pytest.mark.browser
def test_timelinejs_shows_hostile_text_as_text(chromium: "Browser", hostile_timeline: Timeline) -> None:
    dist = timelinejs_dist()
    page_path = write_page(dist, slides(hostile_timeline), "hostile.html")
    opened = open_offline(chromium, page_path.as_uri())
    page = opened.page
    expect(page.locator(".tl-slide")).to_have_count(len(hostile_timeline.entries) + 1)
    headlines = page.locator(".tl-slide .tl-headline").all_inner_texts()
    assert any(h.startswith('Pwned <script>alert("title")</script>') for h in headlines), headlines
    page.locator(".tl-slide-content").first.hover()
    assert opened.dialogs == [] and opened.requests == []
    assert page.locator(".tl-slide script, .tl-slide img[onerror]").count() == 0
    page.context.close()


IMG_TITLE = "<img src=x onerror=alert(1)> & &lt;img src=y onerror=alert(2)&gt;"


def markup_timeline() -> Timeline:
    """An article whose title (the slide's group) is markup, raw and pre-escaped."""
    d = data.date(2017, 10, 30)
    doc, entries = data.build_document("img", IMG_TITLE, None, d, [
        data.Spec("They met on Monday.", "Monday", "met", "Meeting", data.interval("2017-10-30", d, d, "day")),
    ])
    return data.assemble([doc], entries)


def test_fields_timelinejs_decodes_stay_text_after_decoding() -> None:
    # TimelineJS decodes `group` and `display_date` once (stripMarkup) and sets
    # the result as innerHTML: after one decoding they must still be escaped
    from html import unescape

    event = slides(markup_timeline())["events"][0]
    for field in (event["group"], event["display_date"]):
        assert "<" not in unescape(field)
    assert unescape(unescape(event["group"])) == IMG_TITLE


@pytest.mark.browser
def test_timelinejs_runs_no_script_from_a_group_name(chromium: "Browser") -> None:
    dist = timelinejs_dist()
    page_path = write_page(dist, slides(markup_timeline()), "group-markup.html")
    opened = open_offline(chromium, page_path.as_uri())
    page = opened.page
    expect(page.locator(".tl-slide")).to_have_count(2)
    page.wait_for_timeout(300)  # an <img onerror> fires once its load fails
    assert opened.dialogs == []
    assert page.locator("img[onerror]").count() == 0
    groups = page.locator(".tl-timegroup-message").all_inner_texts()
    assert groups and all(g == IMG_TITLE for g in groups), groups
    page.context.close()
