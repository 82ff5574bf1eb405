"""The dated events of the seed article, through the whole pipeline."""

from __future__ import annotations

import pytest

from timeline.model import Document, Event

# date value -> trigger words any one of which names the event
EXPECTED = [
    ("2017-11-02", {"replied", "said"}),
    ("2017-11-01", {"wrote"}),
    ("2017-10-31", {"agreement"}),
    ("2017-10", {"disrupt"}),
    ("2017-W43", {"sent"}),
    ("2017-09-03", {"test"}),
    ("2017-09-15", {"launching"}),
    ("2016", {"expressed"}),
    ("2012", {"came", "congress"}),
]


def _dated(document: Document) -> dict[str, list[Event]]:
    by_value: dict[str, list[Event]] = {}
    for event in document.events:
        if event.date is not None:
            by_value.setdefault(event.date.value, []).append(event)
    return by_value


@pytest.mark.parametrize("value, words", EXPECTED)
def test_seed_yields_the_dated_event(seed_document: Document, value: str, words: set[str]) -> None:
    events = _dated(seed_document).get(value, [])
    assert any(e.trigger.text in words for e in events), (value, [e.trigger.text for e in events])


def test_seed_event_spans_point_into_the_text(seed_document: Document) -> None:
    text = seed_document.text
    timex_ids = {t.id for t in seed_document.timexes}
    assert seed_document.events
    for event in seed_document.events:
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert text[event.sentence.start:event.sentence.end] == event.sentence.text
        assert event.sentence.start <= event.trigger.start < event.sentence.end
        assert event.timex in timex_ids
        assert event.mentions and event.mentions[0].trigger == event.trigger
        assert event.lemma


def test_seed_titles_are_short_headlines(seed_document: Document) -> None:
    for event in seed_document.events:
        # the trigger (a participle in its finite form: "launching" -> "launched"), or for a statement
        # what it reports ("..., the agency said": Xi replied)
        stem = event.trigger.text.lower().removesuffix("ing")
        assert stem in event.title.lower() or event.trigger.text == "said"
        assert len(event.title.split()) <= 14
        assert len(event.title) < len(event.sentence.text)
    agreement = next(e for e in seed_document.events if e.trigger.text == "agreement")
    assert "Seoul" in agreement.title and "Beijing" in agreement.title
    sent = next(e for e in seed_document.events if e.date and e.date.value == "2017-W43")
    assert sent.title.startswith("Kim sent") and "Xi" in sent.title
    said = next(e for e in seed_document.events if e.trigger.text == "said")
    assert "Xi replies to" in said.title  # the article's headline, not "North Korea's state news agency said"


def test_seed_titles_say_who_did_what(seed_document: Document) -> None:
    titles = {e.date.value: e.title for e in seed_document.events if e.date}
    # "It has not tested a missile since launching one over Japan": it = Pyongyang (the sentence
    # before), one = a missile, the participle told as a finite verb
    assert titles["2017-09-15"] == "Pyongyang launched missile over Japan"
    # "After a flurry of activity including a sixth nuclear test on Sept. 3, Pyongyang did not ..."
    assert titles["2017-09-03"].startswith("Pyongyang's sixth nuclear test")
    # "Kim's congratulatory message was shorter than one sent after the previous congress"
    sent = next(e for e in seed_document.events if e.trigger.text == "sent" and e.date and e.date.value == "2012")
    assert sent.title.startswith("Congratulatory message sent after")


def test_seed_date_interval_tense_and_certainty(seed_document: Document) -> None:
    week = next(e for e in seed_document.events if e.date and e.date.value == "2017-W43")
    assert week.date is not None
    assert (week.date.start.isoformat(), week.date.end.isoformat(), week.date.granularity) == (
        "2017-10-23", "2017-10-29", "week")
    for event in seed_document.events:
        assert event.tense == "past"  # everything in the story has happened
        assert event.certainty == "exact"


def test_seed_event_ids_are_unique_and_in_text_order(seed_document: Document) -> None:
    ids = [e.id for e in seed_document.events]
    assert ids == [f"e{i}" for i in range(1, len(ids) + 1)]
    starts = [e.trigger.start for e in seed_document.events]
    assert starts == sorted(starts)


def test_seed_event_json(seed_document: Document) -> None:
    data = next(e for e in seed_document.to_dict()["events"] if e["trigger"]["text"] == "agreement")
    assert data["date"] == {"value": "2017-10-31", "start": "2017-10-31", "end": "2017-10-31", "granularity": "day"}
    assert set(data) >= {"id", "timex", "trigger", "title", "sentence", "date", "certainty", "tense"}
