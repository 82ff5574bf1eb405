"""What every people-facing export says about one timeline entry (its stable
id, whether it is upcoming or approximate, the source sentence cut into plain
and highlighted pieces, which links are safe to emit) and about the whole
timeline (its title, its one-line summary, its timestamp).

Article text is untrusted: nothing here produces markup, the renderers escape
every piece they receive."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timezone, tzinfo
from typing import TYPE_CHECKING, Iterable
from urllib.parse import urlsplit

from timeline.model import Document, EntrySource, TimelineEntry
from timeline.render.dates import day_of, format_day
from timeline.render.labels import counted, labels

if TYPE_CHECKING:
    from timeline.assemble import Timeline

_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/timeline/timeline#entry")
# C0 controls other than tab and newline, DEL, C1 controls: not text
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def clean_text(text: str) -> str:
    """Untrusted text made safe to serialise: one kind of line break, no
    control characters (calendars and XML forbid them)."""
    return _CONTROL.sub("", _LINE_BREAKS.sub("\n", text))


def one_line(text: str) -> str:
    return " ".join(clean_text(text).split())


def article_name(title: str | None, document_id: str) -> str:
    """How an article is named: its title on one line, else its id."""
    return one_line(title or "") or document_id


def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) link, else None (no
    ``javascript:``, ``data:`` or relative links from article metadata)."""
    if not url:
        return None
    url = url.strip()
    if _CONTROL.search(url) or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def entry_uid(entry: TimelineEntry) -> str:
    """A UUID stable across runs: the first source's document, the event's
    trigger (text and place) and the date value."""
    value = entry.date.value if entry.date else "undated"
    if entry.sources:
        source = entry.sources[0]
        key = f"{source.document_id}\x1f{source.trigger.start}:{source.trigger.text}\x1f{value}"
    else:
        key = f"{entry.id}\x1f{entry.title}\x1f{value}"
    return str(uuid.uuid5(_UID_NAMESPACE, key))


def unique_uids(entries: Iterable[TimelineEntry]) -> list[str]:
    """One uid per entry, made unique by a suffix in the rare case of a clash."""
    seen: dict[str, int] = {}
    out = []
    for entry in entries:
        uid = entry_uid(entry)
        seen[uid] = seen.get(uid, 0) + 1
        out.append(uid if seen[uid] == 1 else f"{uid}-{seen[uid]}")
    return out


def latest_publication(entry: TimelineEntry) -> date | None:
    days = [s.published for s in entry.sources if s.published is not None]
    return max(days) if days else None


def is_upcoming(entry: TimelineEntry) -> bool:
    """Future tense, or dated after every article that reports it."""
    if entry.tense == "future":
        return True
    published = latest_publication(entry)
    return entry.date is not None and published is not None and day_of(entry.date.start) > published


def is_approximate(entry: TimelineEntry) -> bool:
    return entry.certainty != "exact"


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of sentence text; ``kind`` is "" (plain), "timex" or "trigger"."""

    text: str
    kind: str = ""


def sentence_pieces(source: EntrySource, *more: EntrySource) -> list[Piece]:
    """The source sentence cut at the temporal phrase and the event trigger
    (offsets are document offsets; spans outside the sentence are ignored).
    ``more`` are other mentions in the same sentence: their phrases and
    triggers are marked too, so the sentence is quoted once."""
    sentence = source.sentence
    text = sentence.text
    marks = []
    for mention in (source, *more):
        for kind, span in (("timex", mention.timex), ("trigger", mention.trigger)):
            start, end = span.start - sentence.start, span.end - sentence.start
            if 0 <= start < end <= len(text) and (start, end, kind) not in marks:
                marks.append((start, end, kind))
    marks.sort()
    pieces: list[Piece] = []
    pos = 0
    for start, end, kind in marks:
        if start < pos:  # overlapping spans: the first one wins
            continue
        if start > pos:
            pieces.append(Piece(clean_text(text[pos:start])))
        pieces.append(Piece(clean_text(text[start:end]), kind))
        pos = end
    if pos < len(text):
        pieces.append(Piece(clean_text(text[pos:])))
    return pieces


def quoted_sentences(sources: Iterable[EntrySource]) -> list[list[EntrySource]]:
    """The sources grouped by the sentence they quote (one article, one
    sentence), in order of first appearance: two dates of one sentence
    ("the 1950-53 war") are one quote."""
    groups: dict[tuple[str, int, int], list[EntrySource]] = {}
    for source in sources:
        key = (source.document_id, source.sentence.start, source.sentence.end)
        groups.setdefault(key, []).append(source)
    return list(groups.values())


def listed_quotes(entry: TimelineEntry, limit: int) -> tuple[list[list[EntrySource]], str]:
    """The entry's first ``limit`` quotes (sources grouped by sentence) and,
    when there are more (or some the timeline does not list), the line that
    counts the rest ("15 more quotes from 15 articles"; else "")."""
    quotes = quoted_sentences(entry.sources)
    rest = quotes[limit:]
    if not rest and not entry.unlisted_quotes:
        return quotes, ""
    words = labels()
    articles = len({quote[0].document_id for quote in rest}) + entry.unlisted_articles
    return quotes[:limit], (counted(words["more_quotes"], len(rest) + entry.unlisted_quotes)
                            + counted(words["more_articles"], articles))


def documents_by_id(timeline: "Timeline") -> dict[str, Document]:
    return {doc.id: doc for doc in timeline.documents}


def entry_zone(entry: TimelineEntry, documents: dict[str, Document]) -> tzinfo | None:
    """The zone of the first reporting article's publication time, if known:
    clock times without a zone of their own are read in it."""
    document = documents.get(entry.sources[0].document_id) if entry.sources else None
    if document is None or document.published_at is None:
        return None
    return document.published_at.tzinfo


def stamp(timeline: "Timeline") -> datetime:
    """A timestamp derived from the input (the latest publication), so that
    identical input renders byte-identical output."""
    moments = []
    for doc in timeline.documents:
        day = datetime(doc.published.year, doc.published.month, doc.published.day, tzinfo=timezone.utc)
        if doc.published_at is not None and doc.published_at.tzinfo is not None:
            try:
                moments.append(doc.published_at.astimezone(timezone.utc))
            except OverflowError:  # its UTC form falls before year 1 or after 9999
                moments.append(day)
        else:
            moments.append(day)
    return max(moments) if moments else datetime(1970, 1, 1, tzinfo=timezone.utc)


def timeline_title(timeline: "Timeline") -> str:
    """``Settings.title`` when given, else the article's title, else "Timeline from N articles"."""
    if timeline.settings.title:
        return one_line(timeline.settings.title)
    titles = [one_line(d.title) for d in timeline.documents if d.title and d.title.strip()]
    if len(timeline.documents) == 1 and titles:
        return titles[0]
    if not timeline.documents:
        return str(labels()["timeline_title_empty"])
    return str(labels()["timeline_title_many"].format(count=len(timeline.documents)))


def timeline_summary(timeline: "Timeline", *, vague: bool) -> str:
    """``12 dated events, 2 vague mentions from 1 article published 2 Nov 2017``
    (``vague``: count the vague mentions too, where the export shows them)."""
    words = labels()
    text = counted(words["summary_events"], len(timeline.entries))
    if vague and timeline.undated:
        text += counted(words["summary_vague"], len(timeline.undated))
    published = sorted(d.published for d in timeline.documents)
    if published:
        span = format_day(published[0], weekday=False)
        if published[-1] != published[0]:
            span = words["day_range"].format(start=span, end=format_day(published[-1], weekday=False))
        text += counted(words["summary_sources"], len(published), span=span)
    return text
