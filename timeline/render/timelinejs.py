"""Knight Lab TimelineJS3 JSON: a title slide and one slide per dated entry.

TimelineJS inserts ``headline``, ``text``, ``display_date`` and the group name
as HTML, so every piece of article text is HTML-escaped here; ``group`` and
``display_date`` are escaped twice (see :func:`markup_after_decoding`).  Dates go down
to the known granularity (``{"year": "2012"}`` for a year); periods longer
than a day also get an ``end_date``.  Slides are grouped by article when
there are at most MAX_GROUPS articles; a slide quotes each sentence once, at
most SLIDE_QUOTES of them.  ``unique_id`` is the same stable id the
calendar export uses."""

from __future__ import annotations

import json
from datetime import date, datetime, tzinfo
from html import escape
from typing import TYPE_CHECKING, Any

from timeline.model import DateInterval, EntrySource, TimelineEntry
from timeline.render.dates import (
    LONGER_THAN_MONTH, LONGER_THAN_YEAR, date_label, day_of, format_day, has_clock_time, zoned,
)
from timeline.render.entries import (
    article_name, documents_by_id, entry_zone, is_approximate, is_upcoming, listed_quotes, one_line, safe_url,
    sentence_pieces, timeline_summary, timeline_title, unique_uids,
)
from timeline.render.labels import labels

if TYPE_CHECKING:
    from timeline.assemble import Timeline

# TimelineJS draws a row of its time navigation per group: a group per
# article helps for a few articles, a corpus of hundreds would get a row each
MAX_GROUPS = 10
# quotes a slide lists (a corpus entry can be quoted by a hundred articles)
SLIDE_QUOTES = 10


def timelinejs_dict(timeline: "Timeline") -> dict[str, Any]:
    intro = timeline_summary(timeline, vague=False)
    by_id = documents_by_id(timeline)
    grouped = len({s.document_id for e in timeline.entries for s in e.sources[:1]}) <= MAX_GROUPS
    events = [_slide(e, uid, entry_zone(e, by_id), grouped)
              for e, uid in zip(timeline.entries, unique_uids(timeline.entries))]
    return {
        "title": {
            "text": {"headline": escape(timeline_title(timeline)), "text": f"<p>{escape(intro)}</p>"},
            "unique_id": "title",
        },
        "events": events,
    }


def render_timelinejs(timeline: "Timeline") -> str:
    return json.dumps(timelinejs_dict(timeline), ensure_ascii=False, indent=2) + "\n"


def date_parts(
    interval: DateInterval, moment: date | datetime, *, end: bool = False, zone: tzinfo | None = None
) -> dict[str, str]:
    """A TimelineJS date object at the interval's precision."""
    day = day_of(moment)
    parts = {"year": str(day.year)}
    if interval.granularity in LONGER_THAN_YEAR or interval.granularity == "year":
        return parts
    parts["month"] = str(day.month)
    if interval.granularity == "month" or (interval.granularity in LONGER_THAN_MONTH and not end and day.day == 1):
        return parts
    parts["day"] = str(day.day)
    if has_clock_time(interval) and isinstance(moment, datetime):
        local = zoned(moment, interval.value, zone)
        parts.update(hour=str(local.hour), minute=str(local.minute))
    return parts


def _slide(entry: TimelineEntry, uid: str, zone: tzinfo | None, grouped: bool) -> dict[str, Any]:
    interval = entry.date
    assert interval is not None
    slide: dict[str, Any] = {
        "start_date": date_parts(interval, interval.start, zone=zone),
        "display_date": markup_after_decoding(_display_date(entry, zone)),
        "text": {"headline": escape(one_line(entry.title) or date_label(interval)), "text": _text(entry)},
        "unique_id": f"e-{uid}",
    }
    if day_of(interval.end) > day_of(interval.start) and interval.granularity not in ("year", "month"):
        slide["end_date"] = date_parts(interval, interval.end, end=True, zone=zone)
    if entry.sources and grouped:
        first = entry.sources[0]
        slide["group"] = markup_after_decoding(article_name(first.document_title, first.document_id))
    return slide


def markup_after_decoding(text: str) -> str:
    """``text`` for the fields TimelineJS first decodes (its ``stripMarkup``:
    the textContent of the field parsed as HTML) and then sets as innerHTML
    (``group``, ``display_date``): escaped once it would come back as live
    markup after the decoding, so it is escaped twice and shows as text.  Both
    land in element content, never in an attribute: quotes stay as they are."""
    return escape(escape(text, quote=False), quote=False)


def _display_date(entry: TimelineEntry, zone: tzinfo | None) -> str:
    assert entry.date is not None
    label = date_label(entry.date, zone)
    marks = []
    if is_approximate(entry):
        marks.append(str(labels()["approximate_mark"]))
    if is_upcoming(entry):
        marks.append(str(labels()["upcoming_mark"]))
    return f"{label} ({', '.join(marks)})" if marks else label


def _text(entry: TimelineEntry) -> str:
    quotes, rest = listed_quotes(entry, SLIDE_QUOTES)
    text = "".join(_source_html(quote) for quote in quotes)
    return text + f"<p><small>{escape(rest)}</small></p>" if rest else text


def _source_html(quote: list[EntrySource]) -> str:
    """One quoted sentence (its dates marked) and its article."""
    source = quote[0]
    text = "".join(
        f"<mark>{escape(p.text)}</mark>" if p.kind == "timex" else escape(p.text) for p in sentence_pieces(*quote)
    )
    article = escape(article_name(source.document_title, source.document_id))
    url = safe_url(source.document_url)
    if url:
        article = f'<a href="{escape(url)}" rel="noopener noreferrer nofollow">{article}</a>'
    published = f", {escape(format_day(source.published))}" if source.published else ""
    # a plain paragraph: TimelineJS styles <blockquote> as a large pull quote
    return f"<p>\u201c{text}\u201d</p><p><small>\u2014 {article}{published}</small></p>"
