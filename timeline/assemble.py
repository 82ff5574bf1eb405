"""Assemble documents into one timeline: every event becomes an entry
listing where it is reported; entries from different articles that report
the same happening are merged; dated entries are ordered, fuzzy ones kept
apart.

Ordering: by the start of the date interval, then finer granularity first
(a day before the week that starts on it), ties in document order.

Cross-article merge (``Settings.merge_events``): two entries merge when they
cover the same interval, their trigger lemmas are the same or related
(``events/data/related_lemmas.txt``) and they share a named entity ("Xi"
matches "Xi Jinping": the words of one name within the other's); statements
("said", ``events/data/unmerged_lemmas.txt``) are never merged.  Entries are
bucketed by (interval, lemma group) and linked through an index of entity
words, so the cost stays near-linear in the number of events.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Callable, Iterable

from timeline.errors import ExportError, TimelineError
from timeline.events.interval import GRANULARITY_ORDER
from timeline.events.lexicon import lexicon
from timeline.events.titles import title_faults
from timeline.model import DateInterval, Document, EntrySource, Event, TextSpan, TimelineEntry
from timeline.settings import Settings

__all__ = ["GRANULARITY_ORDER", "Timeline", "merge_entries"]

_CERTAINTY_ORDER = ("exact", "approximate", "vague")


@dataclass(frozen=True, slots=True)
class _Candidate:
    """An entry with what the merge compares: its position and entity names."""

    entry: TimelineEntry
    position: int
    document_id: str
    names: tuple[frozenset[str], ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    """Documents assembled into one timeline.

    ``entries`` are the dated happenings in order (date start, then finer
    granularity first, ties in document order), each listing every source
    that reports it; ``undated`` holds the fuzzy ones (PAST_REF, XXXX-...).
    The ``to_*`` methods are the renderers the command line uses.
    """

    documents: tuple[Document, ...]
    entries: tuple[TimelineEntry, ...]  # dated, in order
    undated: tuple[TimelineEntry, ...]  # fuzzy values, in document order
    settings: Settings

    @classmethod
    def from_documents(cls, documents: Iterable[Document], settings: Settings | None = None) -> "Timeline":
        """Assemble, merging mentions of one happening within and across
        documents unless ``settings.merge_events`` is off."""
        settings = settings or Settings()
        docs = tuple(documents)
        candidates = [
            _Candidate(_entry(doc, event), 0, doc.id, _names(event.entities))
            for doc in docs for event in doc.events
        ]
        candidates = [replace(c, position=i) for i, c in enumerate(candidates)]
        entries = merge_entries(candidates) if settings.merge_events else [c.entry for c in candidates]
        dated = sorted((e for e in entries if e.date is not None), key=_order)
        undated = tuple(e for e in entries if e.date is None)
        return cls(docs, tuple(dated), undated, settings)

    # rendering: the same functions the command line calls
    def to_json(self) -> str:
        """JSON for programs: documents (timexes, events) and the timeline."""
        from timeline.render.json_out import render_json
        return _rendered("json", lambda: render_json(self))

    def to_timeml(self) -> str:
        """TimeML with inline TIMEX3 tags (several documents: one root)."""
        from timeline.render.timeml_out import render_timeml_corpus
        return _rendered("timeml", lambda: render_timeml_corpus(self.documents))

    def to_html(self) -> str:
        """A standalone HTML timeline page (inline CSS/JS, works offline)."""
        from timeline.render.html import render_html
        return _rendered("html", lambda: render_html(self))

    def to_ics(self) -> str:
        """An iCalendar file: one VEVENT per dated entry."""
        from timeline.render.ics import render_ics
        return _rendered("ics", lambda: render_ics(self))

    def to_timelinejs(self) -> str:
        """Knight Lab TimelineJS3 JSON."""
        from timeline.render.timelinejs import render_timelinejs
        return _rendered("timelinejs", lambda: render_timelinejs(self))


def _rendered(fmt: str, render: Callable[[], str]) -> str:
    """Run a renderer; a failure is an ExportError naming the format."""
    try:
        return render()
    except TimelineError:
        raise
    except Exception as exc:  # a renderer bug must still reach users as a TimelineError
        raise ExportError(f"cannot render {fmt}: {type(exc).__name__}: {exc}") from exc


def _entry(doc: Document, event: Event) -> TimelineEntry:
    """One entry for one event, with a source for every mention of it."""
    timexes = {t.id: t for t in doc.timexes}
    sources = []
    for mention in event.mentions or ():
        timex = timexes.get(mention.timex)
        span = TextSpan(timex.start, timex.end, timex.text) if timex else TextSpan(0, 0, "")
        sources.append(EntrySource(
            document_id=doc.id, event_id=event.id, timex=span, trigger=mention.trigger,
            sentence=mention.sentence, document_title=doc.title, document_url=doc.url, published=doc.published,
        ))
    if not sources:  # an event built without mentions still has its own
        timex = timexes.get(event.timex)
        span = TextSpan(timex.start, timex.end, timex.text) if timex else TextSpan(0, 0, "")
        sources.append(EntrySource(doc.id, event.id, span, event.trigger, event.sentence,
                                   doc.title, doc.url, doc.published))
    return TimelineEntry(
        id=f"{doc.id}:{event.id}", title=event.title, date=event.date, certainty=event.certainty,
        tense=event.tense, sources=tuple(sources), lemma=event.lemma,
    )


def merge_entries(candidates: list[_Candidate]) -> list[TimelineEntry]:
    """Merge entries of different documents that report the same happening; the
    merged entry sits where its first report was and lists every source."""
    words = lexicon()
    buckets: dict[tuple[object, ...], list[_Candidate]] = defaultdict(list)
    for c in candidates:
        if c.entry.date is not None and c.names and c.entry.lemma not in words.unmerged_lemmas:
            buckets[(*_date_key(c.entry.date), words.lemma_group(c.entry.lemma))].append(c)
    parent = list(range(len(candidates)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for bucket in buckets.values():
        if len({c.document_id for c in bucket}) < 2:
            continue
        by_word: dict[str, list[_Candidate]] = defaultdict(list)
        for c in bucket:
            for name in c.names:
                for word in name:
                    by_word[word].append(c)
        for c in bucket:
            for other in {o.position: o for name in c.names for w in name for o in by_word[w]}.values():
                if other.position < c.position and other.document_id != c.document_id and _share_name(c, other):
                    parent[find(c.position)] = find(other.position)
    groups: dict[int, list[_Candidate]] = defaultdict(list)
    for c in candidates:
        groups[find(c.position)].append(c)
    return [_combine([c.entry for c in group]) for _, group in sorted(groups.items())]


def _combine(entries: list[TimelineEntry]) -> TimelineEntry:
    first = entries[0]
    if len(entries) == 1:
        return first
    certainty = min((e.certainty for e in entries), key=_CERTAINTY_ORDER.index)
    # the clearest of the articles' titles (the first of the best: a lead's headline stays)
    title = min((e.title for e in entries), key=lambda t: title_faults(t, lexicon()))
    return replace(first, title=title, certainty=certainty, sources=tuple(s for e in entries for s in e.sources))


def _share_name(a: _Candidate, b: _Candidate) -> bool:
    """A name of one is the other's, or lies within it ("Xi" in "Xi Jinping")."""
    return any(x <= y or y <= x for x in a.names for y in b.names)


def _names(entities: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """Entity names as sets of lower-case words, without possessive endings."""
    grammar = lexicon().grammar
    skip, endings = grammar["name_skip_words"], tuple(grammar["possessive_endings"])
    names = []
    for entity in entities:
        tokens = [w for w in entity.lower().replace("\u2019", "'").split() if w not in skip]
        tokens = [_without_ending(w, endings) for w in tokens]
        if tokens:
            names.append(frozenset(tokens))
    return tuple(names)


def _without_ending(word: str, endings: tuple[str, ...]) -> str:
    ending = next((e for e in endings if word.endswith(e)), "")
    return word[:len(word) - len(ending)]


def _date_key(when: DateInterval) -> tuple[object, ...]:
    return (when.start, when.end, when.granularity)


def _order(entry: TimelineEntry) -> tuple[datetime, int]:
    """Sort key of a dated entry: its start, then finer granularity first (sorted() keeps ties in order)."""
    assert entry.date is not None
    start = entry.date.start
    moment = start if isinstance(start, datetime) else datetime(start.year, start.month, start.day)
    return moment.replace(tzinfo=None), GRANULARITY_ORDER.index(entry.date.granularity)
