from __future__ import annotations

from pathlib import Path

from timeline.read.timeml import read_timeml

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Prices <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-01-05">Monday</TIMEX3> &amp; rose.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
"""


def test_offsets_index_the_character_data_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "x.tml"
    path.write_text(SAMPLE, encoding="utf-8")
    doc = read_timeml(path)
    assert doc.published.isoformat() == "1998-01-08"
    assert doc.text.startswith("\nPrices fell on Monday & rose.")
    (t,) = doc.timexes
    assert doc.text[t.start:t.end] == "Monday" and t.value == "1998-01-05"
    (e,) = doc.events
    assert doc.text[e.start:e.end] == "fell"
    (link,) = doc.event_time_links
    assert (link.rel_type, link.eid, link.tid) == ("IS_INCLUDED", "e1", "t1")
