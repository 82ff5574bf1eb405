"""The data that flows between stages: plain frozen dataclasses, no behaviour
beyond small conversions.  Every span keeps character offsets into its
document's text so that any result can be traced back to its source."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal[
    "minute", "hour", "partofday", "day", "week", "weekend", "month", "season",
    "quarter", "half", "year", "decade", "century", "millennium",
]
Certainty = Literal["exact", "approximate", "vague"]
Tense = Literal["past", "present", "future"]
# where an event's date comes from: its own date phrase, the date the
# narrative set before it, the publication day (news told as just happened)
DateSource = Literal["timex", "narrative", "publication", "none"]


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of a document's text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One input record, before any processing.

    ``published`` is a date or a (naive or aware) datetime; ``None`` only for
    records whose reader could not find one (the pipeline then refuses them).
    """

    text: str
    published: date | datetime | None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    location: str | None = None  # file path, "file.csv:17", "<stdin>"...
    extra: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Timex:
    """A recognised, normalised and resolved TIMEX3 expression."""

    id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None
    # tid of the time this value was computed from: "t0" for the publication
    # date, another timex id for anaphoric references, None when absolute.
    anchor: str | None = None
    rule: str | None = None  # the production that recognised it, for debugging

    def to_dict(self) -> dict[str, Any]:
        """The fields as a JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class DateInterval:
    """The calendar interval a TIMEX3 value covers (``end`` inclusive)."""

    value: str
    start: date | datetime
    end: date | datetime
    granularity: Granularity

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ISO dates, inclusive end."""
        return {
            "value": self.value,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "granularity": self.granularity,
        }


@dataclass(frozen=True, slots=True)
class EventMention:
    """One place a document mentions an event."""

    timex: str
    trigger: TextSpan
    sentence: TextSpan


@dataclass(frozen=True, slots=True)
class Participant:
    """A person, organisation or thing taking part in an event: ``text`` as the
    clause says it (a pronoun, "Jobs", "the company"), ``name`` the fullest name
    the document gives it ("Steve Jobs"); ``role`` agent, patient or other."""

    role: str
    text: str
    name: str


@dataclass(frozen=True, slots=True)
class Event:
    """A happening dated by one temporal expression of a document."""

    id: str
    timex: str
    trigger: TextSpan
    title: str
    sentence: TextSpan
    date: DateInterval | None  # None for fuzzy values (PAST_REF, XXXX-...)
    certainty: Certainty
    tense: Tense
    lemma: str = ""
    entities: tuple[str, ...] = ()
    mentions: tuple[EventMention, ...] = ()
    # entity mode (Settings.all_events): why the event has its date, and who takes part
    date_source: DateSource = "timex"
    participants: tuple[Participant, ...] = ()
    # "happening", or the kind of mention kept off the ordered timeline
    # ("negated", "span_edge"...: see timeline.events.kinds)
    kind: str = "happening"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: spans as {start, end, text}, the date as :meth:`DateInterval.to_dict`."""
        return {
            "id": self.id,
            "timex": self.timex,
            "trigger": asdict(self.trigger),
            "title": self.title,
            "sentence": asdict(self.sentence),
            "date": self.date.to_dict() if self.date else None,
            "certainty": self.certainty,
            "tense": self.tense,
            "lemma": self.lemma,
            "kind": self.kind,
            "entities": list(self.entities),
            "date_source": self.date_source,
            "participants": [asdict(p) for p in self.participants],
            "mentions": [
                {"timex": m.timex, "trigger": asdict(m.trigger), "sentence": asdict(m.sentence)}
                for m in self.mentions
            ],
        }


@dataclass(frozen=True, slots=True)
class Document:
    """One processed article: its text, its resolved timexes and events."""

    id: str
    text: str
    published: date
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    title: str | None = None
    url: str | None = None
    source: str | None = None
    # the publication time when the input gave one (keeps its zone)
    published_at: datetime | None = None
    entities: tuple[TextSpan, ...] = field(default=(), compare=False)
    # the lead: the body's first sentence (dateline included; text.sentences.lead_sentence)
    lead: TextSpan | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, as in ``timeline extract --format json`` (without the text)."""
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "published": self.published.isoformat(),
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "lead": {"start": self.lead.start, "end": self.lead.end} if self.lead else None,
            "timexes": [t.to_dict() for t in self.timexes],
            "events": [e.to_dict() for e in self.events],
        }


@dataclass(frozen=True, slots=True)
class EntrySource:
    """Where a timeline entry comes from: one event mention in one document."""

    document_id: str
    event_id: str
    timex: TextSpan
    trigger: TextSpan
    sentence: TextSpan
    document_title: str | None = None
    document_url: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One happening on the assembled timeline, with every source reporting it."""

    id: str
    title: str
    date: DateInterval | None
    certainty: Certainty
    tense: Tense
    sources: tuple[EntrySource, ...]
    lemma: str = ""
    # set by the --entity filter: the participants (or names) that matched it
    matched: tuple[str, ...] = ()
    kind: str = "happening"
    # how much a journalist's timeline needs it, 0..1, and the weighted
    # components it is the sum of (see timeline.importance)
    importance: float = 0.0
    importance_parts: tuple[tuple[str, float], ...] = ()
    # quotes a key-event timeline does not list (Settings.max_quotes), and the
    # articles none of its listed quotes come from
    unlisted_quotes: int = 0
    unlisted_articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with one dict per source (and what ``--entity`` matched)."""
        matched = {"matched": list(self.matched)} if self.matched else {}
        return {
            **matched,
            "id": self.id,
            "title": self.title,
            "date": self.date.to_dict() if self.date else None,
            "certainty": self.certainty,
            "tense": self.tense,
            "kind": self.kind,
            "importance": round(self.importance, 4),
            "importance_parts": {name: round(value, 4) for name, value in self.importance_parts},
            "sources": [
                {
                    "document": s.document_id,
                    "event": s.event_id,
                    "title": s.document_title,
                    "url": s.document_url,
                    "published": s.published.isoformat() if s.published else None,
                    "timex": asdict(s.timex),
                    "trigger": asdict(s.trigger),
                    "sentence": asdict(s.sentence),
                }
                for s in self.sources
            ],
            **({"unlisted_quotes": self.unlisted_quotes, "unlisted_articles": self.unlisted_articles}
               if self.unlisted_quotes else {}),
        }
