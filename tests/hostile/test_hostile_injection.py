"""Injection: hostile titles, sentences and URLs come out as text in HTML,
as escaped text in one well-formed VEVENT per entry in iCalendar, as inert
strings in TimelineJS; only http(s) URLs are ever linked."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any, Iterator

import icalendar
import pytest
from hostile_helpers import (
    BAD_URLS, CLOSE_SCRIPT, CRLF_EVENT, HOSTILE_TEXTS, IMG, MARKER, QUOTES, SCRIPT, SINGLE_QUOTES, PageStructure,
    hostile_document, unfold_ics,
)

from timeline.assemble import Timeline

SAFE_URL = "https://example.com/news/1"
DANGEROUS_TAGS = ("script", "style", "img", "iframe", "frame", "svg", "math", "object", "embed", "base", "link",
                  "meta", "form", "video", "audio", "source", "textarea", "template", "noscript")


def _timeline(texts: tuple[str, ...], url: str | None = SAFE_URL) -> Timeline:
    documents = [
        hostile_document(f"d{i}", title=f"{text} title", sentence_text=f"Sentence with {text} inside.", url=url,
                         day=date(2017, 10, 1 + i))
        for i, text in enumerate(texts)
    ]
    return Timeline.from_documents(documents)


def _benign(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9 ]", "x", text)


def test_html_structure_does_not_depend_on_hostile_text() -> None:
    """The same timeline with harmless letters in place of every hostile
    character yields exactly the same elements and attributes: no payload
    opened an element, added an attribute or closed a <script> early."""
    hostile = PageStructure.of(_timeline(HOSTILE_TEXTS).to_html())
    benign = PageStructure.of(_timeline(tuple(_benign(t) for t in HOSTILE_TEXTS)).to_html())
    assert hostile.tags == benign.tags


def test_html_shows_hostile_text_as_text() -> None:
    page = PageStructure.of(_timeline(HOSTILE_TEXTS).to_html())
    visible = "".join(page.text)
    assert f"<script>alert({MARKER})</script>" in visible
    assert f'onmouseover="alert({MARKER})"' in visible
    for tag, name, value in page.attributes:
        assert not (name.startswith("on") and MARKER in value), (tag, name, value)
    assert not any(tag == "img" for tag, _ in page.tags)


@pytest.mark.parametrize("url", BAD_URLS)
def test_html_links_only_http_urls(url: str) -> None:
    page = PageStructure.of(_timeline(("plain",), url=url).to_html())
    for link in page.links():
        cleaned = re.sub(r"[\x00-\x20]", "", link).lower()
        assert MARKER not in link, link
        assert cleaned.startswith(("http://", "https://", "#", "data:image/")) or "://" not in cleaned, link


def test_html_links_http_urls() -> None:
    page = PageStructure.of(_timeline(("plain",), url=SAFE_URL).to_html())
    assert SAFE_URL in page.links()


def _events(raw: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(raw).walk("VEVENT"))


def test_ics_one_well_formed_event_per_entry() -> None:
    timeline = _timeline(HOSTILE_TEXTS)
    raw = timeline.to_ics()
    events = _events(raw)
    assert len(events) == len(timeline.entries) == len(HOSTILE_TEXTS)
    lines = unfold_ics(raw)
    assert sum(line == "BEGIN:VEVENT" for line in lines) == len(events)
    assert not any(line.startswith("SUMMARY:injected") for line in lines)
    assert "\r" not in raw.replace("\r\n", "") and "\n" not in raw.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in raw.split("\r\n"))
    summaries = " ".join(str(e.get("SUMMARY")) + str(e.get("DESCRIPTION")) for e in events)
    assert f"injected {MARKER}" in summaries  # kept, as text


def test_ics_parses_with_an_independent_parser() -> None:
    vobject = pytest.importorskip("vobject", reason="vobject is a test dependency")
    timeline = _timeline(HOSTILE_TEXTS)
    calendar = vobject.readOne(timeline.to_ics())
    assert len(calendar.contents.get("vevent", [])) == len(timeline.entries)


@pytest.mark.parametrize("url", BAD_URLS)
def test_ics_keeps_only_http_urls(url: str) -> None:
    raw = _timeline(("plain",), url=url).to_ics()
    event = _events(raw)[0]
    assert event.get("URL") is None or str(event.get("URL")).startswith(("http://", "https://"))
    assert "javascript:" not in raw.lower().replace("\r\n ", "")


def _strings(value: Any) -> Iterator[tuple[str, str]]:
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, dict):
            stack.extend((f"{path}.{k}", v) for k, v in item.items())
        elif isinstance(item, list):
            stack.extend((f"{path}[{i}]", v) for i, v in enumerate(item))
        elif isinstance(item, str):
            yield path, item


def test_timelinejs_strings_are_inert_html() -> None:
    """TimelineJS inserts headline/text/display_date as HTML: no injected
    element or handler may survive in any string it receives."""
    data = json.loads(_timeline(HOSTILE_TEXTS, url=BAD_URLS[0]).to_timelinejs())
    for path, text in _strings(data):
        fragment = PageStructure.of(text)
        assert not any(tag in ("script", "img", "iframe", "svg") for tag, _ in fragment.tags), (path, text)
        for tag, name, value in fragment.attributes:
            assert not name.startswith("on"), (path, text)
            assert not re.sub(r"[\x00-\x20]", "", value).lower().startswith(("javascript:", "data:text",
                                                                             "vbscript:")), (path, text)


def test_json_round_trips_hostile_text_exactly() -> None:
    timeline = _timeline(HOSTILE_TEXTS)
    data = json.loads(timeline.to_json())
    titles = [d["title"] for d in data["documents"]]
    assert titles == [f"{t} title" for t in HOSTILE_TEXTS]


def test_crlf_title_keeps_one_event() -> None:
    raw = _timeline((CRLF_EVENT,)).to_ics()
    assert len(_events(raw)) == 1


def test_real_pipeline_output_stays_inert(pipeline) -> None:  # type: ignore[no-untyped-def]
    """Hostile sentences that really get dated events, through the pipeline."""
    from timeline.model import Article

    text = (f"{SCRIPT} The council met on Monday. Officials said {QUOTES} they will vote next week.\n"
            f"{CLOSE_SCRIPT} The mayor resigned in 2016. {CRLF_EVENT} The talks ended on Tuesday. {IMG}")
    doc = pipeline.process(Article(text=text, published=date(2017, 11, 2), id=f"id{QUOTES}",
                                   title=f"{IMG}{SINGLE_QUOTES}", url=BAD_URLS[0]))
    timeline = Timeline.from_documents([doc])
    assert len(timeline.entries) >= 3
    page = PageStructure.of(timeline.to_html())
    reference = PageStructure.of(_timeline(("plain",)).to_html())
    for tag in DANGEROUS_TAGS:  # as many as the template itself has (script, style, meta), no more
        assert sum(t == tag for t, _ in page.tags) == sum(t == tag for t, _ in reference.tags), tag
    assert not any(name.startswith("on") and MARKER in value for _, name, value in page.attributes)
    assert not any(MARKER in link for link in page.links())
    raw = timeline.to_ics()
    assert len(_events(raw)) == len(timeline.entries)
    assert not any(line.startswith("SUMMARY:injected") for line in unfold_ics(raw))


TRICKY_HTTP_URLS = [
    f'https://example.com/"onmouseover="alert({MARKER})', f"https://example.com/'><script>alert({MARKER})</script>",
    f"https://example.com/\r\nBEGIN:VEVENT\r\nSUMMARY:{MARKER}", f"HTTPS://EXAMPLE.COM/{MARKER}",
    f"https://example.com/{MARKER} javascript:alert(1)", f"http://user:pass@example.com/{MARKER}",
]


@pytest.mark.parametrize("url", TRICKY_HTTP_URLS)
def test_tricky_http_urls_stay_inside_their_attribute(url: str) -> None:
    timeline = _timeline(("plain",), url=url)
    page = PageStructure.of(timeline.to_html())
    linked, unlinked = (PageStructure.of(_timeline(("plain",), url=u).to_html()).tags for u in (SAFE_URL, None))
    assert page.tags in (linked, unlinked)  # linked as a whole, or not linked at all
    assert not any(name.startswith("on") and MARKER in value for _, name, value in page.attributes)
    raw = timeline.to_ics()
    assert len(_events(raw)) == 1
    assert sum(line == "BEGIN:VEVENT" for line in unfold_ics(raw)) == 1
    json.loads(timeline.to_timelinejs())
