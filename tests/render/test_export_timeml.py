"""TimeML export (issue 16): EVENT tags for the triggers, MAKEINSTANCE and
TLINKs (event -> its timex, timex -> the creation time), and a several-document
file that ``timeline`` reads back (and scores itself perfectly on)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from timeline.assemble import Timeline
from timeline.evaluate import evaluate
from timeline.evaluate.events import count_links
from timeline.model import Article
from timeline.read.sources import iter_records
from timeline.read.timeml import read_timeml_documents

TEXTS = [
    ("talks", "The talks ended on Tuesday. Ministers will meet again next month.", date(2017, 11, 2)),
    ("trip", "Trump returned from his Nov. 3-14 trip to Asia, officials said on Wednesday.", date(2017, 11, 16)),
]


def _documents(pipeline):  # type: ignore[no-untyped-def]
    return [pipeline.process(Article(text=text, published=day, id=ident)) for ident, text, day in TEXTS]


def test_events_and_links_are_written(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = _documents(pipeline)[0]
    root = ET.fromstring(Timeline.from_documents([doc]).to_timeml().encode("utf-8"))
    events = {e.get("eid"): e.text for e in root.iter("EVENT")}
    assert events and set(events.values()) == {e.trigger.text for e in doc.events}
    assert all(e.get("class") for e in root.iter("EVENT"))
    instances = {m.get("eiid"): m.get("eventID") for m in root.iter("MAKEINSTANCE")}
    assert set(instances.values()) == set(events)
    links = [(t.get("eventInstanceID"), t.get("timeID"), t.get("relatedToTime"), t.get("relType"))
             for t in root.iter("TLINK")]
    ended = next(e for e in doc.events if e.trigger.text == "ended")
    assert any(instances.get(ei) == ended.id and rel == "IS_INCLUDED" for ei, _, _, rel in links if ei)
    to_dct = {tid: rel for _, tid, to, rel in links if tid and to == "t0"}
    tuesday = next(t for t in doc.timexes if t.text == "Tuesday")
    next_month = next(t for t in doc.timexes if t.text == "next month")
    assert (to_dct[tuesday.id], to_dct[next_month.id]) == ("BEFORE", "AFTER")
    # MAKEINSTANCE and TLINK follow TEXT, as TimeML 1.2.1 orders them
    order = [child.tag for child in root]
    assert order.index("TEXT") < order.index("MAKEINSTANCE") < order.index("TLINK")


def test_several_documents_round_trip(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    docs = _documents(pipeline)
    path = tmp_path / "timeline.tml"
    path.write_text(Timeline.from_documents(docs).to_timeml(), encoding="utf-8", newline="")
    back = read_timeml_documents(path)
    assert [(d.id, d.text, d.published) for d in back] == [(d.id, d.text, d.published) for d in docs]
    for gold, doc in zip(back, docs):
        assert [(t.start, t.end, t.value) for t in gold.timexes] == [(t.start, t.end, t.value) for t in doc.timexes]
        assert {(e.start, e.end) for e in gold.events} == {(e.trigger.start, e.trigger.end) for e in doc.events}
    # the range's event begins and ends with its two dates
    assert {link.rel_type for link in back[1].event_time_links} >= {"BEGUN_BY", "ENDED_BY"}
    # what the tool wrote is what it finds again: anchoring scores 100 on its own output
    counts = count_links(back, docs)
    assert counts.gold == counts.system == counts.matched > 0
    # and the command line reads the file as its documents
    articles = list(iter_records([str(path)]))
    assert [a.id for a in articles] == ["talks", "trip"]  # type: ignore[union-attr]


def test_evaluate_reads_a_corpus_file(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "timeline.tml"
    path.write_text(Timeline.from_documents(_documents(pipeline)).to_timeml(), encoding="utf-8", newline="")
    groups = evaluate(path, out=io.StringIO())
    total = groups["all"]
    assert total.gold == total.system == total.strict == total.value_ok > 0
