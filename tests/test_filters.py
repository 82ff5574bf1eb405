"""Filters: Timeline -> Timeline by text, named entity and date range."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime

import pytest

from support import SEED_TEXT
from timeline.assemble import Timeline
from timeline.errors import SettingsError
from timeline.filters import Filters, between, mentioning, parse_bound, with_entity
from timeline.model import DateInterval, Document, Event, TextSpan, Timex


def document(doc_id: str, title: str, sentences: list[tuple[str, DateInterval | None]],
             entities: list[str] = ()) -> Document:  # type: ignore[assignment]
    """A processed document: one event per sentence, dated by a timex in it."""
    text = " ".join(s for s, _ in sentences)
    timexes, events, pos = [], [], 0
    for i, (sentence, when) in enumerate(sentences, 1):
        timexes.append(Timex(f"t{i}", pos, pos + 3, text[pos:pos + 3], "DATE", when.value if when else "PAST_REF"))
        events.append(Event(
            id=f"e{i}", timex=f"t{i}", trigger=TextSpan(pos, pos + 3, text[pos:pos + 3]),
            title=sentence.split(",")[0], sentence=TextSpan(pos, pos + len(sentence), sentence), date=when,
            certainty="exact", tense="past", lemma=f"lemma{doc_id}{i}",
        ))
        pos += len(sentence) + 1
    spans = tuple(TextSpan(text.index(e), text.index(e) + len(e), e) for e in entities)
    return Document(id=doc_id, text=text, published=date(2017, 11, 2), timexes=tuple(timexes),
                    events=tuple(events), title=title, entities=spans)


def day(value: str) -> DateInterval:
    return DateInterval(value, date.fromisoformat(value), date.fromisoformat(value), "day")


NOV = DateInterval("2017-11", date(2017, 11, 1), date(2017, 11, 30), "month")
AT_NOON = DateInterval("2017-10-31T12:00", datetime(2017, 10, 31, 12), datetime(2017, 10, 31, 12, 59), "hour")


@pytest.fixture()
def timeline() -> Timeline:
    a = document("a", "Xi replies", [
        ("Xi Jinping replied to Kim Jong Un on Tuesday, state media said.", day("2017-10-31")),
        ("Talks on the nuclear program resumed in November.", NOV),
        ("Relations were strained in the past.", None),
    ], entities=["Xi Jinping", "Kim Jong Un"])
    b = document("b", "Budget fight", [
        ("Meadows spoke at noon on Tuesday about the budget.", AT_NOON),
        ("Congress returns on Jan. 3 to vote.", day("2018-01-03")),
    ], entities=["Meadows", "Congress"])
    return Timeline.from_documents([a, b])


def titles(t: Timeline) -> list[str]:
    return sorted(e.title for e in t.entries + t.undated)


def test_query_matches_title_or_sentence_case_insensitively(timeline: Timeline) -> None:
    assert titles(mentioning(timeline, "NUCLEAR")) == ["Talks on the nuclear program resumed in November."]
    assert titles(mentioning(timeline, "state media")) == ["Xi Jinping replied to Kim Jong Un on Tuesday"]
    assert titles(mentioning(timeline, "budget")) == ["Meadows spoke at noon on Tuesday about the budget."]
    assert [d.id for d in mentioning(timeline, "budget").documents] == ["b"]
    assert titles(mentioning(timeline, "no such words")) == []


def test_query_folds_words_case_accents_and_punctuation(timeline: Timeline) -> None:
    # every word, in any order, wherever it stands; punctuation and accents do not count
    assert titles(mentioning(timeline, "media, STATE")) == ["Xi Jinping replied to Kim Jong Un on Tuesday"]
    assert titles(mentioning(timeline, "nucléar  program!")) == ["Talks on the nuclear program resumed in November."]
    assert titles(mentioning(timeline, "nuclear budget")) == []


def test_fold_is_the_rule_the_page_search_states() -> None:
    from timeline.filters import fold

    assert fold("North Korea's  NUCLEAR—test, São Paulo") == "north korea s nuclear test sao paulo"


def test_entity_must_be_in_the_entry_sentence(timeline: Timeline) -> None:
    kim = with_entity(timeline, "kim")
    assert titles(kim) == ["Xi Jinping replied to Kim Jong Un on Tuesday"]
    assert titles(with_entity(timeline, "Congress")) == ["Congress returns on Jan. 3 to vote."]
    assert titles(with_entity(timeline, "Trump")) == []


def test_entity_keeps_only_the_sources_it_takes_part_in(timeline: Timeline) -> None:
    # a merged entry may join reports with other participants: they are not the entity's
    kim_entry, = with_entity(timeline, "kim").entries
    other = next(e for e in timeline.entries if e.title.startswith("Meadows"))
    merged = replace(kim_entry, sources=kim_entry.sources + other.sources)
    kept = with_entity(replace(timeline, entries=(merged,), undated=()), "kim")
    assert [s.document_id for e in kept.entries for s in e.sources] == ["a"]
    assert [d.id for d in kept.documents] == ["a"]


def test_date_range_keeps_overlapping_intervals(timeline: Timeline) -> None:
    # November (a month) overlaps a range that starts mid-month; the undated entry never matches
    assert titles(between(timeline, since=date(2017, 11, 15))) == [
        "Congress returns on Jan. 3 to vote.", "Talks on the nuclear program resumed in November."]
    assert titles(between(timeline, until=date(2017, 10, 31))) == [
        "Meadows spoke at noon on Tuesday about the budget.", "Xi Jinping replied to Kim Jong Un on Tuesday"]
    assert titles(between(timeline, date(2017, 12, 1), date(2017, 12, 31))) == []
    kept = between(timeline, date(2018, 1, 1))
    assert [d.id for d in kept.documents] == ["b"] and kept.undated == ()


def test_filters_combine(timeline: Timeline) -> None:
    f = Filters(query="tuesday", until=date(2017, 10, 31), entity="Meadows")
    assert f.active and f.needs_entities
    assert titles(f.apply(timeline)) == ["Meadows spoke at noon on Tuesday about the budget."]
    assert not Filters().active and titles(Filters().apply(timeline)) == titles(timeline)


def test_filter_one_document_for_streaming(timeline: Timeline) -> None:
    doc = timeline.documents[0]
    f = Filters(query="nuclear")
    kept = f.apply_to_document(doc, lambda d: Timeline.from_documents([d]))
    assert kept is not None and [e.id for e in kept.events] == ["e2"]
    assert Filters(query="budget").apply_to_document(doc, lambda d: Timeline.from_documents([d])) is None


@pytest.mark.parametrize("value, end, expected", [
    ("2017-11-02", False, date(2017, 11, 2)),
    ("2017-11", False, date(2017, 11, 1)),
    ("2017-02", True, date(2017, 2, 28)),
    ("2017", True, date(2017, 12, 31)),
])
def test_bounds(value: str, end: bool, expected: date) -> None:
    assert parse_bound(value, end=end, option="--since") == expected


@pytest.mark.parametrize("value", ["yesterday", "2017-13", "17", "2017-11-31"])
def test_bad_bounds(value: str) -> None:
    with pytest.raises(SettingsError, match="--until"):
        parse_bound(value, end=True, option="--until")


def test_cli_filters_on_the_seed() -> None:
    def entries(*extra: str) -> list[dict[str, object]]:
        result = subprocess.run([sys.executable, "-m", "timeline", "extract", str(SEED_TEXT), *extra],
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)["timeline"]  # type: ignore[no-any-return]

    everything = entries()
    assert len(everything) >= 2
    since = entries("--since", "2017-11-01")
    assert since and len(since) < len(everything)
    assert all(e["date"]["end"] >= "2017-11-01" for e in since)  # type: ignore[index]
    kim = entries("--entity", "Kim", "--query", "Kim")
    assert kim and all("kim" in " ".join(s["sentence"]["text"].lower() for s in e["sources"])  # type: ignore[index]
                       for e in kim)
