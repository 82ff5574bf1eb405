"""Importance of timeline entries: a documented weighted sum of parts in
[0, 1], each moving the way the formula says."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from importlib import resources

from timeline.events.interval import interval
from timeline.importance import PARTS, WEIGHTED_PARTS, importance_model, most_important, score_entries
from timeline.model import Document, EntrySource, TextSpan, TimelineEntry

PUBLISHED = date(2017, 11, 2)


def _entry(lemma: str, value: str, docs: str, *, title: str = "", sentence_at: int = 100,
           trigger: str | None = None, sentence: str | None = None, published: date = PUBLISHED) -> TimelineEntry:
    sources = tuple(
        EntrySource(d, "e1", TextSpan(0, 0, ""), TextSpan(sentence_at, sentence_at + 5, trigger or lemma),
                    TextSpan(sentence_at, sentence_at + 50, sentence or f"Something {lemma} happened."),
                    f"title of {d}", None, published)
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
    assert set(model.weights) == set(WEIGHTED_PARTS) and set(PARTS) == {*WEIGHTED_PARTS, "novelty", "realized"}
    assert abs(sum(model.weights.values()) - 1) < 1e-9
    entries = score_entries([_entry("vote", "2017-11-01", "abc"), _entry("say", "2016", "a"),
                             _entry("vote", "2017-11-01", "a", title="Officials vote again")], _docs("abc"))
    assert _parts(entries[2])["novelty"] < 1
    for entry in entries:
        parts = _parts(entry)
        assert all(0 <= v <= 1 for v in parts.values())
        expected = sum(model.weights[k] * parts[k] for k in WEIGHTED_PARTS) * parts["novelty"] * parts["realized"]
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
    recent, history = score_entries([_entry("vote", "2017-08-01", "a"), _entry("vote", "2015-08-01", "a")], docs)
    assert _parts(recent)["news"] > 2 * _parts(history)["news"]
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
    assert set(raw["weights"]) == set(WEIGHTED_PARTS)


def test_coverage_counts_reports_as_news_more_than_background_mentions() -> None:
    """Three articles reporting a vote of their day outweigh five recalling an
    old election in passing, and coverage saturates at a share of the corpus."""
    docs = _docs("abcdefghij", title="Budget talks")
    news, background = score_entries([_entry("vote", "2017-11-01", "abc"),
                                      _entry("elect", "2016-11-08", "defgh")], docs)
    assert _parts(news)["coverage"] > _parts(background)["coverage"]
    model = importance_model()
    many = "".join(chr(0x4E00 + i) for i in range(400))
    corpus = _docs(many)
    top, second = score_entries([_entry("vote", "2017-11-01", many), _entry("pass", "2017-11-01", many[:200])], corpus)
    assert 200 > model.coverage_saturation_share * len(corpus)
    assert _parts(top)["coverage"] == _parts(second)["coverage"] == 1.0


def test_a_happening_recalled_in_a_lead_is_not_the_article_s_main_news() -> None:
    docs = _docs("a")
    today, recalled = score_entries([_entry("vote", "2017-11-01", "a", sentence_at=10),
                                     _entry("elect", "2016-11-08", "a", sentence_at=10)], docs)
    assert _parts(today)["main_news"] > 0.4 > _parts(recalled)["main_news"]


def test_a_month_dates_last_spring_well_but_this_week_s_news_poorly() -> None:
    docs = _docs("a")
    month_ago, month_now, day_now = score_entries([_entry("vote", "2017-05", "a"), _entry("vote", "2017-11", "a"),
                                                   _entry("vote", "2017-11-01", "a")], docs)
    assert _parts(day_now)["date_precision"] > _parts(month_ago)["date_precision"] > _parts(month_now)["date_precision"]


def test_a_second_telling_of_one_happening_ranks_below_a_different_happening() -> None:
    """Novelty: same day, same words -> demoted; another day or other words -> untouched."""
    same = "The Senate passed the stopgap spending bill by 81 votes to 14."
    docs = _docs("abc")
    first, again, other, later = score_entries([
        _entry("pass", "2017-11-01", "ab", sentence=same),
        _entry("vote", "2017-11-01", "c", sentence=same),
        _entry("sign", "2017-11-01", "c", sentence="Governor Ivey signed the disaster relief order in Montgomery."),
        _entry("pass", "2017-11-02", "c", sentence=same),
    ], docs)
    assert _parts(first)["novelty"] == 1.0 and _parts(later)["novelty"] == 1.0
    assert _parts(again)["novelty"] < 0.9 < _parts(other)["novelty"]


def test_a_happening_only_announced_ahead_ranks_below_one_reported_after_it() -> None:
    """Realized: a vote every article announces for a later day is expected,
    not yet a happening of the timeline; once an article reports it after, it is."""
    docs = _docs("ab")
    ahead, reported = score_entries([_entry("vote", "2017-11-20", "a"),
                                     _entry("vote", "2017-11-20", "b", published=date(2017, 11, 21))], docs)
    assert _parts(ahead)["realized"] < 1.0 == _parts(reported)["realized"]
