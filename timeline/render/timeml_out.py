"""TimeML: the document text with TIMEX3 and EVENT tags inline, then a
MAKEINSTANCE per event and the TLINKs: each event mention to the timex that
dates it (IS_INCLUDED) and each dated timex to the document creation time
(BEFORE, AFTER, INCLUDES, IS_INCLUDED or SIMULTANEOUS), readable by TempEval
tools and by ``timeline`` itself (several documents: one ``<TimeMLCorpus>``).

The text is written so that reading it back gives the same characters at the
same offsets: characters XML cannot carry become U+FFFD (one for one) and a
carriage return is written as a character reference (parsers would otherwise
fold CR LF into LF and shift every offset after it).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Iterable

from timeline.events.interval import interval
from timeline.model import DateInterval, Document, Event, Timex
from timeline.read.timeml import CORPUS_ROOT
from timeline.render.dates import RANGE_SEPARATOR

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTR_ESCAPES = {**_ESCAPES, '"': "&quot;", "\n": "&#10;", "\t": "&#9;"}
_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTR_SPECIAL = re.compile('[&<>\r"\n\t]')

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_ROOT_OPEN = (
    '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
)


def xml_text(text: str) -> str:
    """Character data with the same length in characters once parsed."""
    text = _XML_ILLEGAL.sub("\ufffd", text)
    return _TEXT_SPECIAL.sub(lambda m: _ESCAPES[m.group(0)], text)


def xml_attr(value: str) -> str:
    value = _XML_ILLEGAL.sub("\ufffd", value)
    return '"' + _ATTR_SPECIAL.sub(lambda m: _ATTR_ESCAPES[m.group(0)], value) + '"'


def _timex_tag(t: Timex) -> str:
    attrs = [f"tid={xml_attr(t.id)}", f"type={xml_attr(t.type)}", f"value={xml_attr(t.value)}"]
    for name, value in (("mod", t.mod), ("quant", t.quant), ("freq", t.freq)):
        if value:
            attrs.append(f"{name}={xml_attr(value)}")
    attrs.append(f'temporalFunction="{"true" if t.anchor else "false"}"')
    attrs.append('functionInDocument="NONE"')
    if t.anchor:
        attrs.append(f"anchorTimeID={xml_attr(t.anchor)}")
    return f"<TIMEX3 {' '.join(attrs)}>"


def render_timeml(doc: Document, *, declaration: bool = True) -> str:
    """One document as a TimeML file (or element, without the declaration)."""
    day = doc.published.isoformat()
    parts = [
        DECLARATION if declaration else "",
        _ROOT_OPEN,
        f"<DOCID>{xml_text(doc.id)}</DOCID>\n\n",
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{day}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{day}</TIMEX3></DCT>\n\n',
    ]
    if doc.title:
        parts.append(f"<TITLE>{xml_text(doc.title)}</TITLE>\n\n")
    parts.append("<TEXT>")
    pos = 0
    written_events: list[Event] = []
    written_timexes: set[str] = set()
    for start, end, tag, item in _tags(doc):
        if start < pos:  # overlapping tags cannot nest in TimeML; keep the first
            continue
        parts.append(xml_text(doc.text[pos:start]))
        parts.append(f"{tag}{xml_text(doc.text[start:end])}</{tag[1:tag.index(' ')]}>")
        if isinstance(item, Event):
            written_events.append(item)
        else:
            written_timexes.add(item.id)
        pos = end
    parts.append(xml_text(doc.text[pos:]))
    parts.append("</TEXT>\n\n")
    parts.extend(_links(doc, written_events, written_timexes))
    parts.append("</TimeML>\n")
    return "".join(parts)


def _tags(doc: Document) -> list[tuple[int, int, str, Timex | Event]]:
    """Every TIMEX3 and EVENT tag of the text, in text order (a timex first
    when both start at one place)."""
    tags: list[tuple[int, int, str, Timex | Event]] = [(t.start, t.end, _timex_tag(t), t) for t in doc.timexes]
    for event in doc.events:
        tags.append((event.trigger.start, event.trigger.end,
                     f'<EVENT eid="{_eid(event)}" class="OCCURRENCE">', event))
    return sorted(tags, key=lambda tag: (tag[0], isinstance(tag[3], Event)))


def _eid(event: Event) -> str:
    return event.id if event.id.startswith("e") else f"e{event.id}"


# tense of an event as TimeML writes it
_TENSES = {"past": "PAST", "present": "PRESENT", "future": "FUTURE"}


def _links(doc: Document, events: list[Event], timexes: set[str]) -> list[str]:
    """MAKEINSTANCE for each written event, TLINKs event -> timex (every
    mention whose timex was written) and timex -> DCT."""
    out: list[str] = []
    for event in events:
        out.append(f'<MAKEINSTANCE eiid="ei{_eid(event)[1:]}" eventID="{_eid(event)}" '
                   f'tense="{_TENSES.get(event.tense, "NONE")}" aspect="NONE" polarity="POS" pos="OTHER"/>\n')
    links: list[str] = []
    by_id = {t.id: t for t in doc.timexes}
    for event in events:
        for timex_id in dict.fromkeys(m.timex for m in event.mentions):
            if timex_id in timexes:
                links.append(f'eventInstanceID="ei{_eid(event)[1:]}" relatedToTime={xml_attr(timex_id)} '
                             f'relType="{_event_relation(event, by_id[timex_id])}"')
    for timex in sorted(doc.timexes, key=lambda t: t.start):
        relation = _to_creation_time(interval(timex.value, doc.published), doc.published) \
            if timex.id in timexes and timex.type in ("DATE", "TIME") else None
        if relation is not None:
            links.append(f'timeID={xml_attr(timex.id)} relatedToTime="t0" relType="{relation}"')
    out.extend(f'<TLINK lid="l{i}" {link}/>\n' for i, link in enumerate(links, 1))
    return out


def _event_relation(event: Event, timex: Timex) -> str:
    """An event happens within its date; over a duration ("in the past
    year"); from the first end of a range to its last ("his Nov. 3-14 trip")."""
    if timex.type == "DURATION":
        return "DURING"
    if event.date is not None and RANGE_SEPARATOR in event.date.value:
        first, _, last = event.date.value.partition(RANGE_SEPARATOR)
        if timex.value in (first, last):
            return "BEGUN_BY" if timex.value == first else "ENDED_BY"
    return "IS_INCLUDED"


def _to_creation_time(when: DateInterval | None, published: date) -> str | None:
    """How a timex's interval stands to the publication day (None when unknown)."""
    if when is None:
        return None
    start, end = _day(when.start), _day(when.end)
    if end < published:
        return "BEFORE"
    if start > published:
        return "AFTER"
    if start == end == published:
        return "IS_INCLUDED" if isinstance(when.start, datetime) else "SIMULTANEOUS"
    return "INCLUDES"


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def render_timeml_corpus(documents: Iterable[Document]) -> str:
    """One document: a plain TimeML file.  Several (or none): one XML file whose
    root ``<TimeMLCorpus>`` holds a ``<TimeML>`` element per document."""
    docs = list(documents)
    if len(docs) == 1:
        return render_timeml(docs[0])
    body = "".join(render_timeml(d, declaration=False) for d in docs)
    return f"{DECLARATION}<{CORPUS_ROOT}>\n{body}</{CORPUS_ROOT}>\n"
