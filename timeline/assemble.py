"""Assemble documents into one timeline: every event becomes an entry
listing where it is reported; entries that report the same happening are
merged (:mod:`timeline.coreference`); dated entries are ordered, fuzzy ones
kept apart, the entries that are not happenings listed as mentions; every
entry is scored (:mod:`timeline.importance`).

Ordering: by the start of the date interval, then finer granularity first
(a day before the week that starts on it), ties in document order.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Callable, Iterable, Sequence

from timeline.coreference.candidates import MergeCandidate, candidates_of
from timeline.coreference.merge import merge_entries
from timeline.errors import ExportError, TimelineError
from timeline.events.interval import GRANULARITY_ORDER
from timeline.events.kinds import is_happening
from timeline.importance import most_important, score_entries
from timeline.model import Document, TimelineEntry
from timeline.quotes import with_listed_quotes
from timeline.settings import Settings

__all__ = ["Timeline"]


@dataclass(frozen=True, slots=True)
class Timeline:
    """Documents assembled into one timeline.

    ``entries`` are the dated happenings in order (date start, then finer
    granularity first, ties in document order), each listing every source
    that reports it; ``undated`` holds the fuzzy ones (PAST_REF, XXXX-...);
    ``mentions`` the dated and undated events that are not happenings
    (``kind``: negated, hypothetical, span edges...: see
    :mod:`timeline.events.kinds`), kept for programs, off the ordered
    timeline.  Every entry has an ``importance`` (:mod:`timeline.importance`).
    The ``to_*`` methods are the renderers the command line uses.
    """

    documents: tuple[Document, ...]
    entries: tuple[TimelineEntry, ...]  # dated happenings, in order
    undated: tuple[TimelineEntry, ...]  # fuzzy values, in document order
    settings: Settings
    mentions: tuple[TimelineEntry, ...] = ()  # not happenings: dated in order, then undated

    @classmethod
    def from_documents(cls, documents: Iterable[Document], settings: Settings | None = None) -> "Timeline":
        """Assemble, merging mentions of one happening within and across
        documents unless ``settings.merge_events`` is off; with
        ``settings.top`` only the most important dated entries are kept."""
        settings = settings or Settings()
        docs = tuple(documents)
        candidates: list[MergeCandidate] = []
        for doc in docs:
            candidates.extend(candidates_of(doc, range(len(candidates), len(candidates) + len(doc.events))))
        entries = merge_entries(candidates) if settings.merge_events else [c.entry for c in candidates]
        return cls.of_entries(docs, entries, settings)

    @classmethod
    def of_entries(cls, documents: Sequence[Document], entries: Iterable[TimelineEntry],
                   settings: Settings) -> "Timeline":
        """The timeline of entries already merged (in merge order): scored
        against ``documents`` (their headers: title, lead), then ordered as
        :meth:`from_documents` does.  A distributed run merges on workers and
        finishes here."""
        docs = tuple(documents)
        entries = score_entries(entries, docs)
        happenings = [e for e in entries if is_happening(e.kind)]
        dated = sorted((e for e in happenings if e.date is not None), key=_order)
        undated = tuple(e for e in happenings if e.date is None)
        mentions = tuple(sorted((e for e in entries if not is_happening(e.kind) and e.date is not None), key=_order)) \
            + tuple(e for e in entries if not is_happening(e.kind) and e.date is None)
        timeline = cls(docs, tuple(dated), undated, settings, mentions)
        return timeline.top(settings.top) if settings.top is not None else timeline

    def top(self, count: int) -> "Timeline":
        """The ``count`` most important dated entries, in date order (vague
        and non-happening mentions left out: this is the key-event timeline),
        each listing at most ``settings.max_quotes`` quotes (:mod:`timeline.quotes`);
        its documents are those the listed quotes come from."""
        entries = tuple(with_listed_quotes(e, self.settings.max_quotes) for e in most_important(self.entries, count))
        used = {s.document_id for e in entries for s in e.sources}
        return replace(self, documents=tuple(d for d in self.documents if d.id in used), entries=entries,
                       undated=(), mentions=())

    def key_entries(self) -> tuple[TimelineEntry, ...]:
        """The entries a reader starts from: the ``settings.key_events`` most
        important ones (all of them on a shorter timeline), in date order."""
        return tuple(most_important(self.entries, self.settings.key_events))

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


def _order(entry: TimelineEntry) -> tuple[datetime, int]:
    """Sort key of a dated entry: its start, then finer granularity first (sorted() keeps ties in order)."""
    assert entry.date is not None
    start = entry.date.start
    moment = start if isinstance(start, datetime) else datetime(start.year, start.month, start.day)
    return moment.replace(tzinfo=None), GRANULARITY_ORDER.index(entry.date.granularity)
