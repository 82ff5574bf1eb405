"""Event anchoring scores: gold pairs, one-to-one matching, the floor on the shared corpus."""

from __future__ import annotations

from datetime import date

import pytest
from support import shared_path

from timeline.evaluate.events import (
    Pair, Span, anchor_gold_timexes, count_links, gold_pairs, score_pairs, system_pairs,
)
from timeline.model import Document, Event, EventMention, TextSpan, Timex
from timeline.read.timeml import GoldEvent, GoldLink, GoldTimex, TimeMLDocument, read_timeml

TEXT = "Police said on Friday they arrested a man after Monday."


def _gold() -> TimeMLDocument:
    said, arrested = TEXT.index("said"), TEXT.index("arrested")
    friday, monday = TEXT.index("Friday"), TEXT.index("Monday")
    return TimeMLDocument(
        id="g", path="g.tml", text=TEXT, published=date(2017, 11, 3),
        timexes=(GoldTimex("t1", friday, friday + 6, "Friday", "DATE", "2017-11-03"),
                 GoldTimex("t2", monday, monday + 6, "Monday", "DATE", "2017-10-30")),
        events=(GoldEvent("e1", said, said + 4, "said"), GoldEvent("e2", arrested, arrested + 8, "arrested")),
        event_time_links=(
            GoldLink("IS_INCLUDED", "e1", "t1"),
            GoldLink("IS_INCLUDED", "e1", "t1"),  # duplicates count once
            GoldLink("AFTER", "e2", "t2"),  # not an anchoring relation
            GoldLink("IS_INCLUDED", "e2", "t0"),  # the creation time is not a text timex
        ),
    )


def _system(trigger_word: str, timex_word: str) -> Document:
    start = TEXT.index(trigger_word)
    t_start = TEXT.index(timex_word)
    span = TextSpan(start, start + len(trigger_word), trigger_word)
    sentence = TextSpan(0, len(TEXT), TEXT)
    timex = Timex("t1", t_start, t_start + len(timex_word), timex_word, "DATE", "2017-11-03")
    event = Event("e1", "t1", span, trigger_word, sentence, None, "vague", "past",
                  mentions=(EventMention("t1", span, sentence),))
    return Document(id="g", text=TEXT, published=date(2017, 11, 3), timexes=(timex,), events=(event,))


def test_gold_pairs_keep_anchoring_links_to_text_timexes_once() -> None:
    pairs = gold_pairs(_gold())
    said = TEXT.index("said")
    assert pairs == [Pair(Span(said, said + 4), Span(TEXT.index("Friday"), TEXT.index("Friday") + 6))]


def test_pairs_match_by_overlap_one_to_one() -> None:
    counts = count_links([_gold()], [_system("said", "on Friday")])  # overlapping timex span
    assert (counts.gold, counts.system, counts.matched) == (1, 1, 1)
    wrong = count_links([_gold()], [_system("arrested", "Friday")])
    assert (wrong.gold, wrong.system, wrong.matched) == (1, 1, 0)
    gold = [Pair(Span(0, 4), Span(10, 16))]
    assert score_pairs(gold, [gold[0], gold[0]]).matched == 1  # one system pair per gold pair
    assert score_pairs(gold + gold, [gold[0]]).matched == 1


def test_every_mention_is_a_system_pair() -> None:
    doc = _system("said", "Friday")
    event = doc.events[0]
    second = EventMention("t1", TextSpan(0, 6, "Police"), event.sentence)
    doc = Document(id=doc.id, text=doc.text, published=doc.published, timexes=doc.timexes,
                   events=(Event(event.id, event.timex, event.trigger, event.title, event.sentence, None,
                                 "vague", "past", mentions=event.mentions + (second,)),))
    assert len(system_pairs(doc)) == 2


@pytest.mark.slow
def test_anchoring_floor_on_the_shared_corpus_with_gold_timexes() -> None:
    root = shared_path("data", "timeml-tbaq")
    golds = [read_timeml(p) for p in sorted(root.rglob("*.tml"))]
    assert len(golds) == 256
    documents = anchor_gold_timexes(golds)
    counts = count_links(golds, documents)
    assert counts.gold == 2036
    scores = counts.scores()
    # measured 76.4 / 44.8 / 56.5 (the rules alone: 70.3 / 48.3 / 57.3; the
    # reference, nearest governing verb: 60.2 / 43.0 / 50.2)
    assert scores["precision"] >= 75.0, scores
    assert scores["recall"] >= 43.5, scores
    assert scores["f1"] >= 55.0, scores


def test_evaluate_command_prints_anchoring_figures_both_ways() -> None:
    import subprocess
    import sys

    one = shared_path("data", "timeml-tbaq", "TimeBank", "ABC19980108.1830.0711.tml")
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "evaluate", str(one), "--gold-timexes"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("event anchoring")]
    assert len(lines) == 2
    assert "tool timexes" in lines[0] and "gold timexes" in lines[1]
    assert all(" P " in line and " R " in line and " F1 " in line for line in lines)
