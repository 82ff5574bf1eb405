"""TimeML files: the text inside ``<TEXT>`` (character data, verbatim), the
publication date from ``<DCT>``, and the gold annotations (TIMEX3, EVENT,
TLINK) with offsets into that text, for evaluation."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator

from timeline.errors import InputError
from timeline.model import Article


@dataclass(frozen=True, slots=True)
class GoldTimex:
    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    eid: str
    start: int
    end: int
    text: str
    event_class: str | None = None


@dataclass(frozen=True, slots=True)
class GoldLink:
    """A TLINK between an event (``eid``) and a timex (``tid``)."""

    rel_type: str
    eid: str
    tid: str


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    id: str
    path: str
    text: str
    published: date
    timexes: tuple[GoldTimex, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    event_time_links: tuple[GoldLink, ...] = ()
    dct_tid: str = "t0"
    title: str | None = field(default=None)

    def article(self) -> Article:
        return Article(
            text=self.text, published=self.published, id=self.id, title=self.title,
            source=self.path, location=self.path,
        )


def _text_and_annotations(
    text_elem: ET.Element,
) -> tuple[str, list[GoldTimex], list[GoldEvent]]:
    """The character data under ``<TEXT>`` and the TIMEX3/EVENT spans in it.

    An explicit stack, not recursion: a file nesting thousands of elements
    must not overflow Python's stack.  Each annotation's covered text is cut
    from the joined text at the end (cutting it from a fresh join per tag
    was quadratic in the number of tags)."""
    chunks: list[str] = []
    spans: list[tuple[ET.Element, int, int]] = []  # (TIMEX3 or EVENT, start, end)
    offset = 0

    def add(piece: str | None) -> None:
        nonlocal offset
        if piece:
            chunks.append(piece)
            offset += len(piece)

    add(text_elem.text)
    # each frame: an element, where its text started, its children still to walk
    stack: list[tuple[ET.Element, int, Iterator[ET.Element]]] = [(text_elem, 0, iter(text_elem))]
    while stack:
        elem, start, children = stack[-1]
        child = next(children, None)
        if child is not None:
            child_start = offset
            add(child.text)
            stack.append((child, child_start, iter(child)))
            continue
        stack.pop()
        if elem.tag in ("TIMEX3", "EVENT"):
            spans.append((elem, start, offset))
        if stack:
            add(elem.tail)
    text = "".join(chunks)
    timexes: list[GoldTimex] = []
    events: list[GoldEvent] = []
    for elem, start, end in spans:
        if elem.tag == "TIMEX3":
            timexes.append(GoldTimex(elem.get("tid", ""), start, end, text[start:end],
                                     elem.get("type", ""), elem.get("value", ""), elem.get("mod")))
        else:
            events.append(GoldEvent(elem.get("eid", ""), start, end, text[start:end], elem.get("class")))
    return text, timexes, events


def read_timeml(path: Path | str) -> TimeMLDocument:
    """Parse a TimeML file of one document; errors name the file and line."""
    documents = read_timeml_documents(path)
    if len(documents) != 1:
        raise InputError(f"{len(documents)} documents in this file where one was expected", location=str(path))
    return documents[0]


def read_timeml_documents(path: Path | str) -> list[TimeMLDocument]:
    """The documents of a TimeML file: one ``<TimeML>``, or the
    ``<TimeMLCorpus>`` of ``<TimeML>`` elements ``timeline`` writes for
    several documents."""
    path = Path(path)
    location = str(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        line, _col = exc.position
        raise InputError(f"malformed TimeML at line {line}: {exc.msg if hasattr(exc, 'msg') else exc}",
                         location=location) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", location=location) from None
    if root.tag == CORPUS_ROOT:
        return [_document(element, path, location) for element in root if element.tag == "TimeML"]
    return [_document(root, path, location)]


# the root holding several <TimeML> documents in one file (render/timeml_out.py)
CORPUS_ROOT = "TimeMLCorpus"


def _document(root: ET.Element, path: Path, location: str) -> TimeMLDocument:
    dct_elem = root.find("./DCT/TIMEX3")
    if dct_elem is None:
        raise InputError("no <DCT><TIMEX3> publication date", location=location)
    value = dct_elem.get("value", "")
    try:
        published = date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"malformed DCT value {value!r}", location=location) from None
    text_elem = root.find("./TEXT")
    if text_elem is None:
        raise InputError("no <TEXT> element", location=location)

    text, timexes, events = _text_and_annotations(text_elem)

    instances = {
        mi.get("eiid", ""): mi.get("eventID", "") for mi in root.iter("MAKEINSTANCE")
    }
    links: list[GoldLink] = []
    for tl in root.iter("TLINK"):
        rel = tl.get("relType", "")
        ei = tl.get("eventInstanceID")
        tid = tl.get("timeID")
        rel_ei = tl.get("relatedToEventInstance")
        rel_t = tl.get("relatedToTime")
        if ei and rel_t:
            links.append(GoldLink(rel, instances.get(ei, ei), rel_t))
        elif tid and rel_ei:
            links.append(GoldLink(rel, instances.get(rel_ei, rel_ei), tid))

    docid = root.findtext("DOCID") or path.stem
    return TimeMLDocument(
        id=docid.strip(), path=location, text=text, published=published,
        timexes=tuple(timexes), events=tuple(events), event_time_links=tuple(links),
        dct_tid=dct_elem.get("tid", "t0"),
    )
