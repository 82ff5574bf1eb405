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


def _tagged(tags: int, nesting: int = 0) -> str:
    body = "".join(f'<TIMEX3 tid="t{i + 1}" type="DATE" value="2017">2017</TIMEX3> and ' for i in range(tags))
    return ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2017-01-02">x</TIMEX3></DCT><TEXT>'
            + "<S>" * nesting + body + "On <TIMEX3 tid='tz' type='DATE' value='2017-01-02'>Monday</TIMEX3>."
            + "</S>" * nesting + "</TEXT></TimeML>")


def test_deeply_nested_elements_are_read_without_recursion(tmp_path: Path) -> None:
    path = tmp_path / "deep.tml"
    path.write_text(_tagged(0, nesting=5000), encoding="utf-8")
    doc = read_timeml(path)
    assert doc.text == "On Monday."
    (t,) = doc.timexes
    assert doc.text[t.start:t.end] == "Monday"


def test_reading_is_linear_in_the_number_of_tags(tmp_path: Path) -> None:
    import time

    def seconds(tags: int) -> float:
        path = tmp_path / f"{tags}.tml"
        path.write_text(_tagged(tags), encoding="utf-8")
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            assert len(read_timeml(path).timexes) == tags + 1
            best = min(best, time.perf_counter() - started)
        return best

    # 8 times the tags: about 8 times the time when linear, 64 when quadratic
    assert seconds(16_000) < 24 * seconds(2_000)
