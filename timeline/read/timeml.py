"""TimeML files: the text inside ``<TEXT>`` (character data, verbatim), the
publication date from ``<DCT>``, and the gold annotations (TIMEX3, EVENT,
TLINK) with offsets into that text, for evaluation."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

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

    chunks: list[str] = []
    timexes: list[GoldTimex] = []
    events: list[GoldEvent] = []
    offset = 0

    def walk(elem: ET.Element) -> None:
        nonlocal offset
        start = offset
        if elem.text:
            chunks.append(elem.text)
            offset += len(elem.text)
        for child in elem:
            walk(child)
            if child.tail:
                chunks.append(child.tail)
                offset += len(child.tail)
        covered = "".join(chunks)[start:offset] if elem.tag in ("TIMEX3", "EVENT") else ""
        if elem.tag == "TIMEX3":
            timexes.append(GoldTimex(elem.get("tid", ""), start, offset, covered,
                                     elem.get("type", ""), elem.get("value", ""), elem.get("mod")))
        elif elem.tag == "EVENT":
            events.append(GoldEvent(elem.get("eid", ""), start, offset, covered, elem.get("class")))

    walk(text_elem)
    text = "".join(chunks)

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
