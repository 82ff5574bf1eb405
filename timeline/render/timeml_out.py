"""TimeML: the document text with TIMEX3 tags inline, readable by TempEval tools."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from timeline.model import Document


def render_timeml(doc: Document) -> str:
    parts = [
        '<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n',
        f"<DOCID>{escape(doc.id)}</DOCID>\n\n",
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{doc.published.isoformat()}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{doc.published.isoformat()}</TIMEX3></DCT>\n\n',
    ]
    if doc.title:
        parts.append(f"<TITLE>{escape(doc.title)}</TITLE>\n\n")
    parts.append("<TEXT>")
    pos = 0
    for t in sorted(doc.timexes, key=lambda t: t.start):
        if t.start < pos:  # overlapping timexes cannot nest in TimeML; keep the first
            continue
        attrs = [f"tid={quoteattr(t.id)}", f"type={quoteattr(t.type)}", f"value={quoteattr(t.value)}"]
        if t.mod:
            attrs.append(f"mod={quoteattr(t.mod)}")
        if t.quant:
            attrs.append(f"quant={quoteattr(t.quant)}")
        if t.freq:
            attrs.append(f"freq={quoteattr(t.freq)}")
        attrs.append(f'temporalFunction="{"true" if t.anchor else "false"}"')
        attrs.append('functionInDocument="NONE"')
        if t.anchor:
            attrs.append(f"anchorTimeID={quoteattr(t.anchor)}")
        parts.append(escape(doc.text[pos:t.start]))
        parts.append(f"<TIMEX3 {' '.join(attrs)}>{escape(doc.text[t.start:t.end])}</TIMEX3>")
        pos = t.end
    parts.append(escape(doc.text[pos:]))
    parts.append("</TEXT>\n\n</TimeML>\n")
    return "".join(parts)
