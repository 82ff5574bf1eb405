"""The exports at corpus size: an entry quoted by many articles folds most
quotes away on the page and lists ten in its calendar event, a sentence that
dates one event twice is quoted once, and a page of hundreds of entries
still filters in the browser."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from icalendar import Calendar

from playwright.sync_api import expect

import render_fixtures as data
from render_browser import OfflinePage, open_offline
from render_fixtures import Spec, chromium, interval, rich_timeline  # noqa: F401  (fixtures)
from timeline.assemble import Timeline
from timeline.model import EntrySource, TextSpan, TimelineEntry
from timeline.settings import DEFAULT_KEY_EVENTS

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def election_quoted_by(articles: int) -> Timeline:
    """One 2016 election entry reported once by each of ``articles`` articles."""
    docs, merged = [], None
    for n in range(articles):
        spec = Spec(f"Article {n} recalls the election of 2016.", "2016", "election", "Presidential election",
                    interval("2016", date(2016, 1, 1), date(2016, 12, 31), "year"))
        doc, entries = data.build_document(f"a{n}", f"Article {n}", None, date(2017, 11, 2), [spec])
        docs.append(doc)
        merged = entries[0] if merged is None else data.merged(merged, entries[0])
    assert merged is not None
    return data.assemble(docs, [merged])


def test_an_entry_quoted_by_many_articles_folds_all_but_three_quotes() -> None:
    markup = election_quoted_by(12).to_html()
    shown, folded = markup.split('<details class="more-sources">')
    assert shown.count("<blockquote") == 3
    assert folded.count("<blockquote") == 9
    assert re.search(r"<summary>9 more quotes from 9 articles</summary>", folded)
    # nothing is lost: every article is still quoted, in order
    assert re.findall(r"Article (\d+) recalls", markup) == [str(n) for n in range(12)]


def test_three_quotes_or_fewer_are_not_folded(rich_timeline: Timeline) -> None:  # noqa: F811
    assert "<details" not in election_quoted_by(3).to_html()
    assert "<details" not in rich_timeline.to_html()


def test_the_fold_keeps_an_articles_quotes_together() -> None:
    """Quotes of one article share the byline after the last of them: the
    fold never cuts between them."""
    specs = [Spec(f"Sentence {n} on the election of 2016.", "2016", "election", "Election",
                  interval("2016", date(2016, 1, 1), date(2016, 12, 31), "year")) for n in range(4)]
    doc, entries = data.build_document("one", "One article", None, date(2017, 11, 2), specs)
    other, other_entries = data.build_document("two", "Other article", None, date(2017, 11, 3), specs[:1])
    entry = entries[0]
    for more in entries[1:] + other_entries:
        entry = data.merged(entry, more)
    shown, folded = data.assemble([doc, other], [entry]).to_html().split('<details class="more-sources">')
    assert shown.count("<blockquote") == 4 and shown.count('<figcaption class="byline">') == 1
    assert "<summary>1 more quote from 1 article</summary>" in folded


def test_a_calendar_event_lists_ten_quotes_and_counts_the_rest() -> None:
    calendar = Calendar.from_ical(election_quoted_by(25).to_ics())
    [event] = calendar.walk("VEVENT")
    description = str(event["DESCRIPTION"])
    assert re.findall(r"Article (\d+) recalls", description) == [str(n) for n in range(10)]
    assert description.endswith("\n\n15 more quotes from 15 articles")
    short = str(Calendar.from_ical(election_quoted_by(10).to_ics()).walk("VEVENT")[0]["DESCRIPTION"])
    assert len(re.findall(r"recalls", short)) == 10 and "more quote" not in short


def test_a_timelinejs_slide_lists_ten_quotes_and_counts_the_rest() -> None:
    [slide] = json.loads(election_quoted_by(25).to_timelinejs())["events"]
    text = slide["text"]["text"]
    assert re.findall(r"Article (\d+) recalls", text) == [str(n) for n in range(10)]
    assert text.endswith("<p><small>15 more quotes from 15 articles</small></p>")


def test_timelinejs_groups_by_article_only_for_a_few_articles() -> None:
    few = json.loads(many_entries(10).to_timelinejs())["events"]
    assert sorted({slide["group"] for slide in few}) == sorted(f"Article {n}" for n in range(10))
    many = json.loads(many_entries(11).to_timelinejs())["events"]
    assert len(many) == 11 and not any("group" in slide for slide in many)


def twice_in_one_sentence() -> Timeline:
    """"The 1950-53 war": two mentions of one event in one sentence."""
    sentence = "A legacy of the 1950-53 Korean war remains."
    doc, entries = data.build_document(
        "war", "War article", None, date(2017, 11, 2),
        [Spec(sentence, "1950", "war", "Korean war", interval("1950", date(1950, 1, 1), date(1950, 12, 31), "year"))])
    entry = entries[0]
    first = entry.sources[0]
    start = first.sentence.start + sentence.index("53")
    second = EntrySource(first.document_id, first.event_id, TextSpan(start, start + 2, "53"), first.trigger,
                         first.sentence, first.document_title, first.document_url, first.published)
    twice = TimelineEntry(entry.id, entry.title, entry.date, entry.certainty, entry.tense, (first, second))
    return data.assemble([doc], [twice])


def test_two_dates_of_one_sentence_are_one_quote() -> None:
    markup = twice_in_one_sentence().to_html()
    assert markup.count("<blockquote") == 1
    assert ('the <mark class="phrase">1950</mark>-<mark class="phrase">53</mark> Korean '
            '<span class="trigger">war</span>') in markup
    description = str(Calendar.from_ical(twice_in_one_sentence().to_ics()).walk("VEVENT")[0]["DESCRIPTION"])
    assert description.count("A legacy of the 1950-53 Korean war remains.") == 1


def one_article_each(specs: list[tuple[str, Spec]]) -> Timeline:
    """A timeline of (article title, event) pairs, one article each."""
    docs, entries = [], []
    for n, (title, spec) in enumerate(specs):
        doc, made = data.build_document(f"d{n}", title, None, date(2018, 1, 1), [spec])
        docs.append(doc)
        entries.extend(made)
    return data.assemble(docs, entries)


def many_entries(count: int) -> Timeline:
    """``count`` one-day entries over a year; every third mentions Kim, the
    first 60 tariffs."""
    specs = []
    for n in range(count):
        day = date(2017, 1, 1) + timedelta(days=n % 365)
        who = "Kim" if n % 3 == 0 else "Moon"
        topic = "tariffs" if n < 60 else "weather"
        specs.append((f"Article {n}", Spec(f"{who} spoke on that day about {topic}.", "that day", "spoke",
                                           f"{who} spoke", interval(day.isoformat(), day, day, "day"))))
    return one_article_each(specs)


def open_page(chromium: "Browser", timeline: Timeline, path: Path, height: int = 900) -> OfflinePage:  # noqa: F811
    path.write_text(timeline.to_html(), encoding="utf-8")
    return open_offline(chromium, path.resolve().as_uri(), viewport={"width": 1100, "height": height})


@pytest.mark.browser
def test_a_large_page_filters_and_hides_empty_months(chromium: "Browser", tmp_path: Path) -> None:  # noqa: F811
    opened = open_page(chromium, many_entries(600), tmp_path / "large.html")
    page = opened.page
    # the page opens on the key events; one click shows every entry
    expect(page.locator("#status")).to_have_text(f"Showing {DEFAULT_KEY_EVENTS} of 600 dated events")
    page.locator("label.chip", has=page.locator("#view-all")).click()
    expect(page.locator("#status")).to_have_text("Showing all 600 dated events")
    page.locator("#q").fill("TARIFFS kim")
    # entries 0, 3, ..., 57: 1 January to 27 February
    expect(page.locator("#status")).to_have_text("Showing 20 of 600 dated events")
    expect(page.locator("[data-dated]:visible")).to_have_count(20)
    months = page.locator(".month:visible .month-label").all_text_contents()
    assert months == ["January 2017", "February 2017"]
    page.locator("#q").press("Escape")
    expect(page.locator("[data-dated]:visible")).to_have_count(600)
    assert opened.errors == [] and opened.requests == []
    page.context.close()


@pytest.mark.browser
def test_a_search_that_matches_folded_quotes_unfolds_them(chromium: "Browser", tmp_path: Path) -> None:  # noqa: F811
    opened = open_page(chromium, election_quoted_by(12), tmp_path / "election.html")
    page = opened.page
    folded = page.locator("details.more-sources")
    assert folded.get_attribute("open") is None
    page.locator("#q").fill("recalls")  # in the quotes shown: nothing to unfold
    expect(page.locator("#status")).to_have_text("Showing all 1 dated event")
    assert folded.get_attribute("open") is None
    page.locator("#q").fill("article 11 recalls")  # only in a folded quote
    expect(folded).to_have_attribute("open", "")
    expect(page.get_by_text("Article 11 recalls the election of 2016.")).to_be_visible()
    page.locator("#q").press("Escape")
    expect(folded).not_to_have_attribute("open", "")
    assert opened.errors == [] and opened.requests == []
    page.context.close()


def years_apart(count: int) -> Timeline:
    """One entry in each of ``count`` years, 2017 back."""
    return one_article_each([
        (f"Article {year}", Spec(f"It happened in {year}.", str(year), "happened", f"Event of {year}",
                                 interval(str(year), date(year, 1, 1), date(year, 12, 31), "year")))
        for year in range(2017, 2017 - count, -1)
    ])


def test_a_page_of_many_years_links_to_each_year() -> None:
    assert 'class="jump"' not in years_apart(8).to_html()
    markup = years_apart(9).to_html()
    links = re.findall(r'<a href="#(\w+)" data-jump="\1">(\d+)</a>', markup)
    assert [year for _, year in links] == [str(y) for y in range(2009, 2018)]
    assert [anchor for anchor, _ in links] == [year for _, year in links]  # "#2017": a link people can share
    for anchor, year in links:
        assert f'<h2 class="year-label" id="{anchor}">{year}</h2>' in markup


@pytest.mark.browser
def test_a_year_link_jumps_and_goes_with_its_year(chromium: "Browser", tmp_path: Path) -> None:  # noqa: F811
    opened = open_page(chromium, years_apart(30), tmp_path / "years.html", height=700)
    page = opened.page
    page.locator(".jump a", has_text="2017").click()
    expect(page.locator("#timeline h2", has_text="2017")).to_be_in_viewport()
    page.locator("#q").fill("2016")
    expect(page.locator(".jump li:visible")).to_have_text(["2016"])
    assert opened.errors == [] and opened.requests == []
    page.context.close()
