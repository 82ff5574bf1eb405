"""Assemble documents into one ordered timeline (and render it).

Placeholder ordering/merging: one entry per event, dated entries ordered by
date start then finer granularity first, fuzzy ones kept apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable

from timeline.model import Document, EntrySource, TimelineEntry
from timeline.settings import Settings

GRANULARITY_ORDER = (
    "minute", "hour", "partofday", "day", "weekend", "week", "month", "season",
    "quarter", "half", "year", "decade", "century", "millennium",
)


def _sort_key(entry: TimelineEntry, position: int) -> tuple[datetime, int, int]:
    assert entry.date is not None
    start = entry.date.start
    moment = start if isinstance(start, datetime) else datetime(start.year, start.month, start.day)
    return moment.replace(tzinfo=None), GRANULARITY_ORDER.index(entry.date.granularity), position


@dataclass(frozen=True, slots=True)
class Timeline:
    documents: tuple[Document, ...]
    entries: tuple[TimelineEntry, ...]  # dated, in order
    undated: tuple[TimelineEntry, ...]  # fuzzy values, in document order
    settings: Settings

    @classmethod
    def from_documents(cls, documents: Iterable[Document], settings: Settings | None = None) -> "Timeline":
        settings = settings or Settings()
        docs = tuple(documents)
        entries: list[TimelineEntry] = []
        for doc in docs:
            for event in doc.events:
                timex = next(t for t in doc.timexes if t.id == event.timex)
                source = EntrySource(
                    document_id=doc.id, event_id=event.id,
                    timex=_span(doc, timex.start, timex.end), trigger=event.trigger,
                    sentence=event.sentence, document_title=doc.title, document_url=doc.url,
                    published=doc.published,
                )
                entries.append(TimelineEntry(
                    id=f"{doc.id}:{event.id}", title=event.title, date=event.date,
                    certainty=event.certainty, tense=event.tense, sources=(source,), lemma=event.lemma,
                ))
        dated = [e for e in entries if e.date is not None]
        ordered = [e for _, e in sorted(((_sort_key(e, i), e) for i, e in enumerate(dated)), key=lambda p: p[0])]
        undated = [e for e in entries if e.date is None]
        return cls(docs, tuple(ordered), tuple(undated), settings)

    # rendering: the same functions the command line calls
    def to_json(self) -> str:
        from timeline.render.json_out import render_json
        return render_json(self)

    def to_timeml(self) -> str:
        from timeline.render.timeml_out import render_timeml
        return render_timeml(self.documents[0]) if len(self.documents) == 1 else "\n".join(
            render_timeml(d) for d in self.documents)

    def to_html(self) -> str:
        from timeline.render.html import render_html
        return render_html(self)

    def to_ics(self) -> str:
        from timeline.render.ics import render_ics
        return render_ics(self)

    def to_timelinejs(self) -> str:
        from timeline.render.timelinejs import render_timelinejs
        return render_timelinejs(self)


def _span(doc: Document, start: int, end: int):  # type: ignore[no-untyped-def]
    from timeline.model import TextSpan
    return TextSpan(start, end, doc.text[start:end])


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value
