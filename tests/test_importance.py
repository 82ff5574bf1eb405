"""Importance of timeline entries: a documented weighted sum of parts in
[0, 1], each moving the way the formula says."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from importlib import resources

from timeline.events.interval import interval
from timeline.importance import PARTS, importance_model, most_important, score_entries
from timeline.model import Document, EntrySource, TextSpan, TimelineEntry

PUBLISHED = date(2017, 11, 2)


def _entry(lemma: str, value: str, docs: str, *, title: str = "", sentence_at: int = 100,
           trigger: str | None = None) -> TimelineEntry:
    sources = tuple(
        EntrySource(d, "e1", TextSpan(0, 0, ""), TextSpan(sentence_at, sentence_at + 5, trigger or lemma),
                    TextSpan(sentence_at, sentence_at + 50, f"Something {lemma} happened."), f"title of {d}",
                    None, PUBLISHED)
        for d in docs
    )
    return TimelineEntry(id=f"{docs}:{lemma}", title=title or f"Officials {lemma}", date=interval(value, PUBLISHED),
                         certainty="exact", tense="past", sources=sources, lemma=lemma)


def _docs(names: str, title: str = "Budget talks") -> list[Document]:
    return [Document(id=n, text="", published=PUBLISHED, title=title, lead=TextSpan(0, 60, "")) for n in names]


def _parts(entry: TimelineEntry) -> dict[str, float]:
    return dict(entry.importance_parts)


def test_weights_sum_to_one_and_every_part_is_in_the_unit_interval() -> None:
    model = importance_model()
    assert set(model.weights) == set(PARTS)
    assert abs(sum(model.weights.values()) - 1) < 1e-9
    entries = score_entries([_entry("vote", "2017-11-01", "abc"), _entry("say", "2016", "a")], _docs("abc"))
    for entry in entries:
        assert all(0 <= v <= 1 for v in _parts(entry).values())
        expected = sum(model.weights[k] * v for k, v in _parts(entry).items())
        assert abs(entry.importance - expected) < 1e-9


def test_each_part_ranks_as_documented() -> None:
    docs = _docs("abc", title="Senate passes budget")
    many, one = score_entries([_entry("meet", "2017-11-01", "abc"), _entry("meet", "2017-11-01", "a")], docs)
    assert _parts(many)["coverage"] > _parts(one)["coverage"]
    vote, said = score_entries([_entry("vote", "2017-11-01", "a"), _entry("say", "2017-11-01", "a")], docs)
    assert _parts(vote)["happening_class"] > _parts(said)["happening_class"]
    day, year = score_entries([_entry("vote", "2017-11-01", "a"), _entry("vote", "2017", "a")], docs)
    assert _parts(day)["date_precision"] > _parts(year)["date_precision"]
    news, background = score_entries([_entry("vote", "2017-10-30", "a"), _entry("vote", "2009-10-30", "a")], docs)
    assert _parts(news)["news"] > _parts(background)["news"]
    lead, later = score_entries([_entry("vote", "2017-11-01", "a", sentence_at=10),
                                 _entry("vote", "2017-11-01", "a", sentence_at=400)], docs)
    assert _parts(lead)["main_news"] > _parts(later)["main_news"]
    headline, other = score_entries([_entry("pass", "2017-11-01", "a", trigger="passes", title="Senate passes budget"),
                                     _entry("meet", "2017-11-01", "a", title="Mayor met donors")], docs)
    assert _parts(headline)["main_news"] > _parts(other)["main_news"]
    assert _parts(headline)["topicality"] > _parts(other)["topicality"]


def test_mentions_that_are_not_happenings_score_zero() -> None:
    (entry,) = score_entries([replace(_entry("vote", "2017-11-01", "ab"), kind="negated")], _docs("ab"))
    assert entry.importance == 0.0 and _parts(entry)["coverage"] == 1.0


def test_most_important_keeps_order_and_count() -> None:
    entries = score_entries([_entry("say", "2017-10-01", "a"), _entry("vote", "2017-10-02", "abc"),
                             _entry("resign", "2017-10-03", "ab")], _docs("abc"))
    assert [e.lemma for e in most_important(entries, 2)] == ["vote", "resign"]
    assert most_important(entries, 0) == []


def test_weights_are_data() -> None:
    raw = json.loads(resources.files("timeline.events").joinpath("data/importance.json").read_text("utf-8"))
    assert set(raw["weights"]) == set(PARTS)
