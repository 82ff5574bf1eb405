"""Shared checks of the hostile tests: document invariants, hostile timelines
built from model objects, and parsers for the rendered HTML and iCalendar."""

from __future__ import annotations

import json
from datetime import date, datetime
from html.parser import HTMLParser
from typing import Any

from hostile_grammar import value_problem

from timeline.model import Article, DateInterval, Document, Event, TextSpan, Timex

MARKER = "31337"  # every injected payload carries it, so a leak is easy to spot
SCRIPT = f"<script>alert({MARKER})</script>"
IMG = f'<img src=x onerror="alert({MARKER})">'
QUOTES = f'" onmouseover="alert({MARKER})" x="'
SINGLE_QUOTES = f"' onfocus='alert({MARKER})' autofocus x='"
CLOSE_SCRIPT = f"</script><script>alert({MARKER})</script>"
CRLF_EVENT = f"line one\r\nBEGIN:VEVENT\r\nSUMMARY:injected {MARKER}\r\nEND:VEVENT\r\nafter"
TEMPLATE = "{{ 7*7 }} {% raw %} ${7*7}"
FORMULA = f"=HYPERLINK(\"http://evil.example/{MARKER}\",\"x\")"
HOSTILE_TEXTS = (SCRIPT, IMG, QUOTES, SINGLE_QUOTES, CLOSE_SCRIPT, CRLF_EVENT, TEMPLATE, FORMULA,
                 "a;b,c\\d", "tab\there", "\u202eRTL override\u202c", "emoji \U0001f600 \u05e9\u05dc\u05d5\u05dd")
BAD_URLS = (
    f"javascript:alert({MARKER})", f" JaVaScRiPt:alert({MARKER})", f"java\tscript:alert({MARKER})",
    f"data:text/html,<script>alert({MARKER})</script>", f"vbscript:msgbox({MARKER})",
    f"file:///etc/passwd#{MARKER}", f"//evil.example/{MARKER}",
)


def check_document(doc: Document, text: str) -> None:
    """The invariants every processed document keeps, whatever the input."""
    assert doc.text == text
    ids = [t.id for t in doc.timexes]
    assert len(ids) == len(set(ids)), f"duplicate timex ids {ids}"
    for t in doc.timexes:
        assert 0 <= t.start < t.end <= len(text), (t, len(text))
        assert text[t.start:t.end] == t.text, (t, text[t.start:t.end])
        problem = value_problem(t.value, t.type)
        assert problem is None, f"{problem} for {t.text!r} in {text!r} ({t})"
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
    known = set(ids)
    for event in doc.events:
        assert event.timex in known
        for span in (event.trigger, event.sentence):
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start:span.end] == span.text, (span, text[span.start:span.end])
        if event.date is not None:
            assert as_moment(event.date.start) <= as_moment(event.date.end), event.date
    json.dumps(doc.to_dict(), ensure_ascii=False)


def as_moment(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime(value.year, value.month, value.day)


def hostile_document(
    doc_id: str, title: str, sentence_text: str, url: str | None, day: date = date(2017, 11, 2)
) -> Document:
    """A document whose title, url and text are hostile, with one dated event
    (built from model objects, so the renderers can be tested on their own)."""
    timex_text = "Thursday"
    text = f"{sentence_text} It happened on {timex_text}."
    start = text.index(timex_text)
    sentence = TextSpan(0, len(text), text)
    timex = Timex("t1", start, start + len(timex_text), timex_text, "DATE", day.isoformat(), anchor="t0")
    trigger_start = text.index("happened")
    event = Event(
        id="e1", timex="t1", trigger=TextSpan(trigger_start, trigger_start + 8, "happened"),
        title=title, sentence=sentence, date=DateInterval(day.isoformat(), day, day, "day"),
        certainty="exact", tense="past", lemma="happen",
    )
    return Document(id=doc_id, text=text, published=day, timexes=(timex,), events=(event,),
                    title=title, url=url, source=f"source {doc_id}")


def article(text: str, published: date | datetime = date(2017, 11, 2), **meta: Any) -> Article:
    return Article(text=text, published=published, **meta)


class PageStructure(HTMLParser):
    """Elements, attributes, links and visible text of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.attributes: list[tuple[str, str, str]] = []  # (tag, name, value)
        self.text: list[str] = []
        self.script_text: list[str] = []
        self._in_script = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.attributes.extend((tag, name, value or "") for name, value in attrs)
        if tag in ("script", "style"):
            self._in_script += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._in_script:
            self._in_script -= 1

    def handle_data(self, data: str) -> None:
        (self.script_text if self._in_script else self.text).append(data)

    @classmethod
    def of(cls, page: str) -> "PageStructure":
        parser = cls()
        parser.feed(page)
        parser.close()
        return parser

    def links(self) -> list[str]:
        return [value for tag, name, value in self.attributes if name in ("href", "src", "action", "formaction")]


def unfold_ics(raw: str) -> list[str]:
    """Content lines of an iCalendar text (RFC 5545 unfolding)."""
    lines: list[str] = []
    for line in raw.split("\r\n"):
        if line.startswith((" ", "\t")) and lines:
            lines[-1] += line[1:]
        elif line:
            lines.append(line)
    return lines
