"""Timeline assembly: order, fuzzy entries apart, sources, mentions that
are not happenings, importance, the key events, the cost at corpus scale
(the merge rules: tests/coreference/)."""

from __future__ import annotations

import json
import time
from dataclasses import replace

from support import PUBLISHED, lemma_document
from timeline.assemble import Timeline
from timeline.importance import PARTS
from timeline.model import EventMention, TextSpan
from timeline.settings import Settings


def test_order_by_start_then_finer_granularity_then_document_order() -> None:
    doc = lemma_document("a", [
        ("congress", "2017-10", ()), ("agreement", "2017-10-01", ()), ("test", "2017-W39", ()),
        ("vote", "2017", ()), ("meeting", "2017-10-01", ()), ("lunch", "2017-10-01T12:00", ()),
        ("midnight", "2017-10-01T00:00", ()),
    ])
    timeline = Timeline.from_documents([doc])
    assert [e.lemma for e in timeline.entries] == [
        "vote", "test", "midnight", "agreement", "meeting", "congress", "lunch"]
    assert [e.id for e in timeline.entries][:2] == ["a:e4", "a:e3"]


def test_fuzzy_entries_are_kept_apart_in_document_order() -> None:
    doc = lemma_document("a", [("visit", "PAST_REF", ()), ("test", "2017-09-03", ()), ("talks", "XXXX-10", ())])
    timeline = Timeline.from_documents([doc])
    assert [e.lemma for e in timeline.entries] == ["test"]
    assert [e.lemma for e in timeline.undated] == ["visit", "talks"]
    assert all(e.date is None and e.certainty == "vague" for e in timeline.undated)
    data = json.loads(timeline.to_json())
    assert [e["title"] for e in data["undated"]] == ["visit 1 of a", "talks 3 of a"]
    assert [e["date"]["value"] for e in data["timeline"]] == ["2017-09-03"]


def test_sources_point_back_to_every_mention() -> None:
    doc = lemma_document("a", [("election", "2017-10-29", ())])
    event = doc.events[0]
    second = EventMention("t9", TextSpan(0, 3, doc.text[0:3]), event.sentence)
    doc = replace(doc, events=(replace(event, mentions=event.mentions + (second,)),))
    (entry,) = Timeline.from_documents([doc]).entries
    assert [s.trigger for s in entry.sources] == [event.trigger, second.trigger]
    first = entry.sources[0]
    assert (first.document_id, first.event_id, first.published, first.document_title) == (
        "a", "e1", PUBLISHED, "title of a")
    assert doc.text[first.timex.start:first.timex.end] == first.timex.text == "2017-10-29"



def test_corpus_scale_assembly_is_fast() -> None:
    lemmas = ["say", "meet", "vote", "attack", "test", "visit", "agree"]
    people = [f"Person{i}" for i in range(40)]
    docs = [
        lemma_document(f"d{n}", [
            (lemmas[(n + k) % len(lemmas)], f"2017-{1 + (n + k) % 12:02d}-{1 + (n * k) % 28:02d}",
             (people[(n + k) % 40], people[(n * 7 + k) % 40]))
            for k in range(6)
        ])
        for n in range(1000)
    ]
    started = time.perf_counter()
    timeline = Timeline.from_documents(docs)
    elapsed = time.perf_counter() - started
    assert elapsed < 5, elapsed
    assert sum(len(e.sources) for e in timeline.entries) == 6000
    starts = [e.date.start for e in timeline.entries if e.date]
    assert starts == sorted(starts)


def test_a_renderer_bug_reaches_users_as_an_export_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pytest

    import timeline.render.html as html
    from timeline.assemble import Timeline
    from timeline.errors import ExportError

    def broken(_timeline: Timeline) -> str:
        raise KeyError("label")

    monkeypatch.setattr(html, "render_html", broken)
    with pytest.raises(ExportError, match="html"):
        Timeline.from_documents([]).to_html()


def test_mentions_that_are_not_happenings_stay_in_the_json_off_the_timeline() -> None:
    happening = lemma_document("a", [("vote", "2017-11-09", ("Senate",))])
    negated = lemma_document("b", [("disrupt", "2017-11-09", ("Protesters",))], kind="negated")
    timeline = Timeline.from_documents([happening, negated])
    assert [e.lemma for e in timeline.entries] == ["vote"]
    assert [(e.lemma, e.kind, e.importance) for e in timeline.mentions] == [("disrupt", "negated", 0.0)]
    data = json.loads(timeline.to_json())
    assert [e["kind"] for e in data["timeline"]] == ["happening"]
    assert [e["kind"] for e in data["mentions"]] == ["negated"]
    assert set(data["timeline"][0]["importance_parts"]) == set(PARTS)
    assert 0 < data["timeline"][0]["importance"] <= 1


def test_top_keeps_the_most_important_entries_in_date_order() -> None:
    # the vote is reported by three articles; of the others, a resignation
    # ranks above talks and a lunch (happening classes), at the same distance
    docs = [lemma_document(name, [("vote", "2017-10-20", ("Senate",))]) for name in "abc"]
    docs.append(lemma_document("d", [("lunch", "2017-10-24", ("Xi",)), ("talk", "2017-10-25", ("Kim",)),
                           ("resign", "2017-10-25", ("Flynn",))]))
    full = Timeline.from_documents(docs)
    assert len(full.entries) == 4
    top = Timeline.from_documents(docs, Settings(top=2))
    assert [e.lemma for e in top.entries] == ["vote", "resign"]  # date order
    assert top.entries == full.top(2).entries
    assert {e.lemma for e in full.key_entries()} == {e.lemma for e in full.entries}  # 4 < key_events
