"""TimeML: the document text with TIMEX3 tags inline, readable by TempEval tools.

The text is written so that reading it back gives the same characters at the
same offsets: characters XML cannot carry become U+FFFD (one for one) and a
carriage return is written as a character reference (parsers would otherwise
fold CR LF into LF and shift every offset after it).
"""

from __future__ import annotations

import re
from typing import Iterable

from timeline.model import Document, Timex

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
    for t in sorted(doc.timexes, key=lambda t: t.start):
        if t.start < pos:  # overlapping timexes cannot nest in TimeML; keep the first
            continue
        parts.append(xml_text(doc.text[pos:t.start]))
        parts.append(f"{_timex_tag(t)}{xml_text(doc.text[t.start:t.end])}</TIMEX3>")
        pos = t.end
    parts.append(xml_text(doc.text[pos:]))
    parts.append("</TEXT>\n\n</TimeML>\n")
    return "".join(parts)


def render_timeml_corpus(documents: Iterable[Document]) -> str:
    """One document: a plain TimeML file.  Several (or none): one XML file whose
    root ``<TimeMLCorpus>`` holds a ``<TimeML>`` element per document."""
    docs = list(documents)
    if len(docs) == 1:
        return render_timeml(docs[0])
    body = "".join(render_timeml(d, declaration=False) for d in docs)
    return f"{DECLARATION}<TimeMLCorpus>\n{body}</TimeMLCorpus>\n"
