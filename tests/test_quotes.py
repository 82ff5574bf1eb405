"""The quotes an entry of a key-event timeline lists: at most
``Settings.max_quotes``, one per wording first, the others counted, and the
exports saying how many there are."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.assemble import Timeline
from timeline.errors import SettingsError
from timeline.events.interval import interval
from timeline.importance import most_important
from timeline.model import Document, EntrySource, TextSpan, TimelineEntry
from timeline.quotes import with_listed_quotes
from timeline.settings import Settings

PUBLISHED = date(2017, 11, 2)


def _source(doc: str, sentence: str, at: int = 0) -> EntrySource:
    return EntrySource(doc, "e1", TextSpan(at, at + 4, "Nov."), TextSpan(at + 10, at + 14, "met"),
                       TextSpan(at, at + len(sentence), sentence), f"title of {doc}", None, PUBLISHED)


def _entry(sources: list[EntrySource], importance: float = 0.5) -> TimelineEntry:
    return TimelineEntry(id=f"{sources[0].document_id}:e1", title="Leaders met", date=interval("2017-11-01", PUBLISHED),
                         certainty="exact", tense="past", sources=tuple(sources), lemma="meet", importance=importance)


# one wire story copied by 8 articles (the same sentence), and 3 articles in their own words
WIRE = "Leaders met in Beijing on Nov. 1, officials said."
SOURCES = [_source(f"copy{i}", WIRE) for i in range(8)] + [_source(f"own{i}", f"Talks number {i} began on Nov. 1.")
                                                            for i in range(3)]


def test_an_entry_within_the_limit_is_left_as_it_is() -> None:
    entry = _entry(SOURCES)
    assert with_listed_quotes(entry, 11) is entry


def test_one_quote_per_wording_is_listed_first_and_the_others_are_counted() -> None:
    listed = with_listed_quotes(_entry(SOURCES), 5)
    # the first report, then every other wording, then the copies in report order
    assert [s.document_id for s in listed.sources] == ["copy0", "copy1", "own0", "own1", "own2"]
    assert listed.unlisted_quotes == 6 and listed.unlisted_articles == 6
    assert with_listed_quotes(listed, 5) is listed  # a listed entry is cut once


def test_two_quotes_of_one_article_count_the_article_once() -> None:
    sources = [_source("a", "One sentence on Nov. 1.", 0), _source("a", "Another sentence on Nov. 1.", 100),
               _source("b", "A third sentence on Nov. 1.", 0)]
    listed = with_listed_quotes(_entry(sources), 1)
    assert [s.document_id for s in listed.sources] == ["a"]
    assert (listed.unlisted_quotes, listed.unlisted_articles) == (2, 1)  # "a" has a listed quote


def test_importance_ties_count_the_unlisted_articles() -> None:
    widely = with_listed_quotes(_entry(SOURCES), 2)
    narrowly = _entry([_source("x", WIRE), _source("y", "Talks began on Nov. 1."), _source("z", "Met.")])
    assert most_important([narrowly, widely], 1) == [widely]


def test_a_key_event_timeline_lists_at_most_max_quotes_and_the_exports_count_the_rest() -> None:
    documents = tuple(Document(id=s.document_id, text="", published=PUBLISHED, title=s.document_title)
                      for s in SOURCES)
    whole = Timeline(documents, (_entry(SOURCES),), (), Settings(max_quotes=4))
    top = whole.top(1)
    (entry,) = top.entries
    assert len(entry.sources) == 4 and entry.unlisted_quotes == 7
    assert [d.id for d in top.documents] == [s.document_id for s in entry.sources]
    assert '"unlisted_quotes": 7' in top.to_json() and '"unlisted_articles": 7' in top.to_json()
    # 4 listed (3 shown, 1 folded) and 7 not listed: the page counts what the whole timeline's folds
    for timeline in (top, whole):
        assert "8 more quotes from 8 articles" in " ".join(timeline.to_html().split())
    ics = top.to_ics().replace("\r\n ", "")
    assert "7 more quotes from 7 articles" in ics


def test_max_quotes_is_a_positive_integer() -> None:
    for bad in (0, -1, True, "5"):
        with pytest.raises(SettingsError, match="max_quotes"):
            Settings(max_quotes=bad)  # type: ignore[arg-type]
