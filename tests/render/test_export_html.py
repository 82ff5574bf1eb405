"""The HTML page as markup: structure, labels, escaping, self-containment.
(The page in a real browser: test_html_browser.py.)"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import render_fixtures as data
from render_fixtures import empty_timeline, hostile_timeline, rich_timeline  # noqa: F401  (fixtures)
from timeline.assemble import Timeline
from timeline.render.html import render_html


class Page(HTMLParser):
    """Every start tag with its attributes, and the text outside tags."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str, **wanted: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in wanted.items())]

    def entries(self) -> list[dict[str, str | None]]:
        return [a for _, a in self.tags if "data-dated" in a]

    def scripts(self) -> list[dict[str, str | None]]:
        """The scripts a browser runs (a JSON data block is not one)."""
        return [a for a in self.all("script") if a.get("type") != "application/json"]


def test_every_dated_entry_once_in_timeline_order(rich_timeline: Timeline) -> None:
    page = Page(rich_timeline.to_html())
    entries = page.entries()
    assert len(entries) == len(rich_timeline.entries)
    assert len({e["id"] for e in entries}) == len(entries)
    markup = rich_timeline.to_html()
    positions = [markup.index(f'id="{e["id"]}"') for e in entries]
    assert positions == sorted(positions)
    # grouped by year then month, in chronological order
    headings = re.findall(r'<h[23] class="(?:year|month)-label"[^>]*>([^<]+)</h[23]>', markup)
    assert headings == ["1990s", "2012", "2016", "2017", "Across 2017", "October 2017", "November 2017",
                        "2018"]


def test_date_labels_and_time_elements_match_granularity(rich_timeline: Timeline) -> None:
    markup = rich_timeline.to_html()
    expected = {
        "Tue 31 Oct 2017": "2017-10-31",
        "Week of 23 Oct 2017": "2017-W43",
        "October 2017": "2017-10",
        "2016": "2016",
        "Q3 2017": "2017-07-01",
        "Summer 2017": "2017-06-21",
        "First half of 2018": "2018-01-01",
        "1990s": "1990",
        "Wed 1 Nov 2017, 06:17 EST": "2017-11-01T06:17-05:00",
        # a clock time without a zone is read in the article's publication zone
        "Fri 27 Oct 2017, 21:00 EDT": "2017-10-27T21:00-04:00",
    }
    for label, attribute in expected.items():
        assert re.search(rf'<time class="date" datetime="{re.escape(attribute)}"[^>]*>{re.escape(label)}</time>',
                         markup), label


def test_phrase_highlighted_and_marks_for_future_and_approximate(rich_timeline: Timeline) -> None:
    markup = rich_timeline.to_html()
    assert "It follows <mark class=\"phrase\">Tuesday</mark>&#39;s unexpected " in markup
    page = Page(markup)
    upcoming = {e["id"] for e in page.entries() if e.get("data-upcoming") == "1"}
    approximate = {e["id"] for e in page.entries() if e.get("data-certainty") == "approximate"}
    ids = {e["id"]: e for e in page.entries()}
    # future tense or dated after publication; "about five years ago" and "early next year"
    assert len(upcoming) == 4 and len(approximate) == 2
    for entry_id in upcoming:
        assert "is-upcoming" in (ids[entry_id]["class"] or "")
    assert markup.count('class="badge badge--upcoming"') == 4
    assert markup.count('class="badge badge--approx"') == 2
    # "upcoming" is relative to each article's own date, and the page says so
    assert markup.count(">upcoming when reported</span>") == 4
    assert "Still ahead on the day its article was published" in markup


def test_sources_link_only_http_urls_and_show_publication(rich_timeline: Timeline) -> None:
    page = Page(rich_timeline.to_html())
    links = {a["href"] for a in page.all("a") if a.get("href", "").startswith("http")}  # type: ignore[union-attr]
    assert links == {"https://www.reuters.com/article/xi-kim"}
    text = "".join(page.text)
    assert "Seoul and Beijing mend ties; talks to resume" in text  # no URL: named, not linked
    assert "published Fri 3 Nov 2017" in text


def test_vague_mentions_in_their_own_section(rich_timeline: Timeline) -> None:
    markup = rich_timeline.to_html()
    vague = markup[markup.index('<section class="vague"'):]
    assert "repeatedly <mark class=\"phrase\">in the past</mark>." in vague
    assert "The sides have <span class=\"trigger\">clashed</span>" in vague
    timeline_part = markup[:markup.index('<section class="vague"')]
    assert "in the past" not in timeline_part


def test_self_contained_no_other_host(rich_timeline: Timeline) -> None:
    markup = rich_timeline.to_html()
    page = Page(markup)
    for tag, attrs in page.tags:
        assert "src" not in attrs, tag
        if tag == "link":
            assert attrs.get("rel") == "icon" and attrs.get("href") == "data:,"
    assert not re.search(r"@import|url\(", markup)
    csp = page.all("meta", **{"http-equiv": "Content-Security-Policy"})[0]["content"] or ""
    assert csp.startswith("default-src 'none'") and "unsafe-inline" not in csp
    assert len(page.scripts()) == 1 and len(page.all("style")) == 1
    assert page.all("script") == [{"type": "application/json", "id": "labels"}, {}]  # the words of the script


def test_hostile_text_comes_out_as_text(hostile_timeline: Timeline) -> None:
    markup = hostile_timeline.to_html()
    page = Page(markup)
    assert len(page.scripts()) == 1  # only the page's own
    assert not page.all("img") and not page.all("b")
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not any((value or "").strip().lower().startswith("javascript:") for value in attrs.values())
    text = "".join(page.text)
    assert '"<script>alert(1)</script>"' in text
    assert '" onmouseover="alert(2)" x=\'y\'' in text
    assert '<img src=x onerror=alert(3)>' in text
    assert 'Pwned <script>alert("title")</script>, "quoted"; semi BEGIN:VEVENT' in text
    assert "javascript:alert" not in markup  # the document URL is not linked


def test_empty_timeline_gives_a_valid_empty_page(empty_timeline: Timeline) -> None:
    markup = empty_timeline.to_html()
    page = Page(markup)
    assert page.entries() == []
    assert "No dated events were found." in "".join(page.text)
    assert markup.startswith("<!DOCTYPE html>") and markup.rstrip().endswith("</html>")
    assert not page.all("form")


def test_rendering_is_deterministic() -> None:
    assert render_html(data.build_rich()) == render_html(data.build_rich())


def test_quotes_from_one_article_share_one_byline() -> None:
    specs = data.xi_kim_specs()
    doc, entries = data.build_document("xi-kim", "One article", None, data.date(2017, 11, 2), specs[:2])
    both = data.merged(entries[0], entries[1])
    markup = data.assemble([doc], [both]).to_html()
    assert markup.count("<blockquote") == 2
    assert markup.count('<figcaption class="byline">') == 1
    other, other_entries = data.build_document("other", "Other article", None, data.date(2017, 11, 3), specs[:1])
    markup = data.assemble([doc, other], [data.merged(both, other_entries[0])]).to_html()
    assert markup.count("<blockquote") == 3 and markup.count('<figcaption class="byline">') == 2
