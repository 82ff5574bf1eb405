"""TimeML output of hostile text: always well-formed XML, and reading it back
gives a text of the same length with the timexes at the same offsets (so a
TimeML export can be evaluated or re-read)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from hostile_helpers import article
from hostile_strategies import EXAMPLES, any_text
from hypothesis import HealthCheck, given, settings

from timeline.assemble import Timeline
from timeline.read.timeml import read_timeml

# (text, title)
HOSTILE = [
    pytest.param("Control \x0b\x0c\x1b[31m chars met on Monday \x01\x02.", "plain"),
    pytest.param("CR\r\nLF and a lone CR\r met on Monday.", "plain"),
    ("Markup <TIMEX3 tid='t9'>x</TIMEX3> & ]]> \"q\" met on Monday.", "<title> & ]]> \"q\""),
    pytest.param("Non-characters \ufffe\uffff met on Monday.", "plain"),
    ("Emoji \U0001f600 and RTL \u05e9\u05dc\u05d5\u05dd met on Monday.", "\U0001f600 \u05e9"),
    pytest.param("A plain text met on Monday.", "Title \x01\x1b[31m"),
]


def _round_trip(pipeline, text: str, tmp_path: Path, title: str) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.process(article(text, id="doc", title=title))
    tml = Timeline.from_documents([doc]).to_timeml()
    ET.fromstring(tml.encode("utf-8"))  # well-formed
    path = tmp_path / "doc.tml"
    path.write_text(tml, encoding="utf-8", newline="")
    back = read_timeml(path)
    assert len(back.text) == len(text)
    assert [(t.start, t.end, t.value) for t in back.timexes] == \
        [(t.start, t.end, t.value) for t in sorted(doc.timexes, key=lambda t: t.start)]


@pytest.mark.parametrize("text,title", HOSTILE)
def test_hostile_text_gives_well_formed_timeml(pipeline, text: str, title: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _round_trip(pipeline, text, tmp_path, title)


@settings(max_examples=max(20, EXAMPLES // 3), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=any_text, title=any_text)
def test_any_text_round_trips_through_timeml(pipeline, text: str, title: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _round_trip(pipeline, text, tmp_path, title=title)


def test_several_documents_give_well_formed_timeml(pipeline) -> None:  # type: ignore[no-untyped-def]
    """A corpus run writes one timeline.tml: it must still be one XML document
    (or the format must say how documents are separated)."""
    docs = [pipeline.process(article(f"Article {i} met on Monday.", id=f"d{i}")) for i in range(2)]
    tml = Timeline.from_documents(docs).to_timeml()
    assert tml.count("<?xml") <= 1, "several XML declarations in one file"
    ET.fromstring(tml.encode("utf-8"))


def _timeml_with_doctype(doctype: str, body: str) -> str:
    return (f'<?xml version="1.0"?><!DOCTYPE TimeML [{doctype}]><TimeML><DCT><TIMEX3 tid="t0" '
            f'value="2017-11-02">x</TIMEX3></DCT><TEXT>{body} on Monday</TEXT></TimeML>')


def test_entity_expansion_bomb_is_refused_quickly(tmp_path: Path) -> None:
    import time

    from timeline.errors import InputError

    entities = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    path = tmp_path / "laughs.tml"
    path.write_text(_timeml_with_doctype(entities, "&a9;"), encoding="utf-8")
    start = time.monotonic()
    with pytest.raises(InputError):
        read_timeml(path)
    assert time.monotonic() - start < 10


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    from timeline.errors import InputError

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-31337", encoding="utf-8")
    path = tmp_path / "xxe.tml"
    path.write_text(_timeml_with_doctype(f'<!ENTITY x SYSTEM "{secret.as_uri()}">', "&x;"), encoding="utf-8")
    try:
        document = read_timeml(path)
    except InputError as exc:
        assert "TOP-SECRET" not in str(exc)
        return
    assert "TOP-SECRET" not in document.text
