"""Narrow a timeline down: functions ``Timeline -> Timeline``.

* :func:`mentioning` keeps entries whose title and source sentences hold
  every word of a text (case, accents and punctuation folded: the rule of
  the page's search box);
* :func:`with_entity` keeps entries one of whose source sentences holds a
  named entity matching a name (needs ``Settings(entities=True)``);
* :func:`between` keeps dated entries whose interval overlaps the bounds.

Each keeps the documents that still have an entry.  :class:`Filters`
bundles the command-line options and also filters one document's events
(for streamed JSON Lines output).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from typing import Callable

from timeline.assemble import Timeline
from timeline.errors import SettingsError
from timeline.events.participants import matches
from timeline.model import Document, EntrySource, TimelineEntry
from timeline.render.dates import day_of

EntryTest = Callable[[TimelineEntry, dict[str, Document]], bool]


def keep_entries(timeline: Timeline, test: EntryTest) -> Timeline:
    """The timeline with only the entries ``test`` accepts (same order)."""
    documents = {d.id: d for d in timeline.documents}
    entries = tuple(e for e in timeline.entries if test(e, documents))
    undated = tuple(e for e in timeline.undated if test(e, documents))
    mentions = tuple(e for e in timeline.mentions if test(e, documents))
    used = {s.document_id for e in entries + undated + mentions for s in e.sources}
    return replace(timeline, documents=tuple(d for d in timeline.documents if d.id in used),
                   entries=entries, undated=undated, mentions=mentions)


def fold(text: str) -> str:
    """Text as the search compares it: accents dropped, case folded, every run
    of characters that are not letters or digits one space ("Kim's" -> "kim s").
    The page's search box folds the same way (templates/timeline.js)."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", stripped.lower()).split())


_NOT_WORD = re.compile(r"[\W_]+")


def mentioning(timeline: Timeline, text: str) -> Timeline:
    """Entries whose title and sentences hold every word of ``text`` (folded:
    :func:`fold`; a word may be part of a longer one: "Korea" finds "Korean")."""
    words = fold(text).split()

    def test(entry: TimelineEntry, _: dict[str, Document]) -> bool:
        haystack = fold(" ".join([entry.title, *(s.sentence.text for s in entry.sources)]))
        return all(word in haystack for word in words)

    return keep_entries(timeline, test)


def with_entity(timeline: Timeline, name: str) -> Timeline:
    """Entries one of whose events has a participant that may be ``name``
    (entity mode, :func:`timeline.events.participants.matches`: "Apple" =
    "Apple Inc.", "Jobs" = "Steve Jobs", pronouns followed), else a named
    entity of its event or sentence containing ``name`` (case-insensitive:
    "Kim" finds "Kim Jong Un").  Each kept entry says what ``matched``."""
    needle = name.casefold()
    documents = {d.id: _EventsOf(d) for d in timeline.documents}

    def narrowed(entry: TimelineEntry) -> TimelineEntry | None:
        """The entry with only the sources the entity takes part in: a merged
        entry may join reports whose participants differ, and the others are
        not the entity's."""
        found: dict[str, None] = {}
        sources = []
        for source in entry.sources:
            events = documents.get(source.document_id)
            names = events.matches(source, name, needle) if events is not None else []
            if names:
                sources.append(source)
                found.update(dict.fromkeys(names))
        return replace(entry, sources=tuple(sources), matched=tuple(found)) if found else None

    def keep(entries: tuple[TimelineEntry, ...]) -> tuple[TimelineEntry, ...]:
        return tuple(kept for kept in map(narrowed, entries) if kept is not None)

    entries, undated = keep(timeline.entries), keep(timeline.undated)
    used = {s.document_id for e in entries + undated for s in e.sources}
    return replace(timeline, documents=tuple(d for d in timeline.documents if d.id in used),
                   entries=entries, undated=undated)


class _EventsOf:
    """A document's events by id, and whether entity mode found participants
    (then only they count)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.by_id = {e.id: e for e in doc.events}
        self.with_participants = any(e.participants for e in doc.events)

    def matches(self, source: EntrySource, name: str, needle: str) -> list[str]:
        """What in a source may name the entity: participants ("Jobs (Steve Jobs)"),
        else the named entities of its event and sentence."""
        event = self.by_id.get(source.event_id)
        if event is not None and self.with_participants:
            return [p.text if p.text == p.name else f"{p.text} ({p.name})"
                    for p in event.participants if matches(name, p.name) or matches(name, p.text)]
        found = [ent for ent in event.entities if needle in ent.casefold()] if event is not None else []
        lo, hi = source.sentence.start, source.sentence.end
        found += [ent.text for ent in self.doc.entities
                  if lo <= ent.start and ent.end <= hi and needle in ent.text.casefold()]
        return found


def between(timeline: Timeline, since: date | None = None, until: date | None = None) -> Timeline:
    """Dated entries whose interval overlaps ``[since, until]`` (both inclusive,
    either open); undated entries have no interval and are dropped."""

    def test(entry: TimelineEntry, _: dict[str, Document]) -> bool:
        if entry.date is None:
            return False
        return ((since is None or day_of(entry.date.end) >= since)
                and (until is None or day_of(entry.date.start) <= until))

    return keep_entries(timeline, test)


def parse_bound(value: str, *, end: bool, option: str) -> date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a year or month stands for its
    first day (``--since``) or its last (``--until``, ``end=True``)."""
    parts = value.strip().split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            return date.fromisoformat(value.strip())
        if len(numbers) == 2:
            year, month = numbers
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        if len(numbers) == 1 and len(parts[0]) == 4:
            return date(numbers[0], 12, 31) if end else date(numbers[0], 1, 1)
    except ValueError:
        pass
    raise SettingsError(f"{option}: malformed date {value!r}: expected YYYY-MM-DD, YYYY-MM or YYYY")


@dataclass(frozen=True, slots=True)
class Filters:
    """The filters a run asks for (all optional; all must hold)."""

    query: str | None = None
    entity: str | None = None
    since: date | None = None
    until: date | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.query, self.entity, self.since, self.until))

    @property
    def needs_entities(self) -> bool:
        """Named entities are costly: compute them only for ``--entity``."""
        return self.entity is not None

    def apply(self, timeline: Timeline) -> Timeline:
        if self.query is not None:
            timeline = mentioning(timeline, self.query)
        if self.entity is not None:
            timeline = with_entity(timeline, self.entity)
        if self.since is not None or self.until is not None:
            timeline = between(timeline, self.since, self.until)
        return timeline

    def apply_to_document(self, doc: Document, timeline_of: Callable[[Document], Timeline]) -> Document | None:
        """The document with only the events left on its filtered one-document
        timeline, or None when none is left."""
        kept = self.apply(timeline_of(doc))
        event_ids = {s.event_id for e in kept.entries + kept.undated + kept.mentions for s in e.sources}
        if not event_ids:
            return None
        return replace(doc, events=tuple(e for e in doc.events if e.id in event_ids))
