"""The standalone HTML timeline page: one file, inline CSS and JS, no request
to any other host.  Jinja2 with autoescape on renders it; the view objects
below hold plain text only, so every piece of article text is escaped.

A Content-Security-Policy meta tag allows nothing but the page's own inline
style and script (by hash): even a markup injection could not load or run
anything."""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, tzinfo
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from timeline.errors import ExportError
from timeline.model import EntrySource, TimelineEntry
from timeline.render.dates import date_label, datetime_attribute, format_day, group_keys
from timeline.render.entries import (
    Piece, article_name, documents_by_id, entry_zone, is_approximate, is_upcoming, one_line, quoted_sentences, safe_url,
    sentence_pieces, timeline_summary, timeline_title, unique_uids,
)
from timeline.render.labels import labels

if TYPE_CHECKING:
    from timeline.assemble import Timeline

TEMPLATE = "timeline.html.j2"
# the page's precision filter: which choice each granularity falls under
PRECISION_OF_GRANULARITY = {
    "minute": "time", "hour": "time", "partofday": "time",
    "day": "day",
    "week": "week", "weekend": "week",
    "month": "month",
    "season": "season", "quarter": "season", "half": "season",
    "year": "year",
    "decade": "decade", "century": "decade", "millennium": "decade",
}
# quotes an entry shows before the rest fold under "N more reports" (an
# election of 2016 is quoted by a hundred articles of a corpus)
SHOWN_QUOTES = 3
_NOT_IN_ANCHOR = re.compile(r"[^0-9A-Za-z]+")
# a page with more year headings than this lists them at the top as links
# (a corpus reaches back to 1802: the news of 2017 are 200,000 px down)
JUMP_YEARS = 8


def templates_dir() -> Path:
    """``timeline/templates`` in an installed wheel, else the repo's ``templates/``."""
    packaged = Path(str(resources.files("timeline"))) / "templates"
    if (packaged / TEMPLATE).is_file():
        return packaged
    in_repo = Path(__file__).resolve().parents[2] / "templates"
    if (in_repo / TEMPLATE).is_file():
        return in_repo
    raise ExportError(f"HTML template {TEMPLATE} not found in {packaged} or {in_repo}")


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(templates_dir())), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )


@dataclass(frozen=True, slots=True)
class DocumentView:
    """How an article is named, linked and dated on the page."""

    article: str
    url: str | None
    published: str | None
    published_attr: str | None


@dataclass(frozen=True, slots=True)
class SourceView:
    pieces: list[Piece]
    document: DocumentView
    document_id: str
    # quotes from one article share the byline printed after the last of them
    byline: bool = True
    continued: bool = False


@dataclass(frozen=True, slots=True)
class EntryView:
    uid: str
    label: str
    datetime: str
    value: str
    granularity: str
    precision: str
    certainty: str
    upcoming: bool
    approximate: bool
    title: str
    # among the key events the page opens on
    key: bool
    sources: list[SourceView]
    # quotes folded away, and how many articles they come from; how many
    # quotes that counts (those a key-event timeline does not list too)
    more_sources: list[SourceView] = field(default_factory=list)
    more_articles: int = 0
    more_quotes: int = 0


@dataclass(slots=True)
class MonthView:
    heading: str | None
    entries: list[EntryView] = field(default_factory=list)


@dataclass(slots=True)
class YearView:
    heading: str
    months: list[MonthView] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """The heading's id, a link people can share: ``#2017``, ``#1990s``, ``#20th-century``."""
        return _NOT_IN_ANCHOR.sub("-", self.heading).strip("-").lower() or "year"

    def month(self, heading: str | None) -> MonthView:
        for month in self.months:
            if month.heading == heading:
                return month
        month = MonthView(heading)
        # periods longer than a month come before the months of their year
        self.months.insert(0 if heading is None else len(self.months), month)
        return month


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    name: str
    count: int


def render_html(timeline: "Timeline") -> str:
    """The timeline as one self-contained HTML page."""
    env = environment()
    css = _static(env, "timeline.css")
    script = _static(env, "timeline.js")
    documents = documents_by_id(timeline)
    # a page with more entries than the key events opens on them (see Timeline.key_entries)
    key = {id(e) for e in timeline.key_entries()}
    key_count = len(key) if len(key) < len(timeline.entries) + len(timeline.undated) else 0
    entries = [_entry_view(e, uid, entry_zone(e, documents), id(e) in key)
               for e, uid in zip(timeline.entries, unique_uids(timeline.entries))]
    undated = [_entry_view(e, uid, None, False) for e, uid in zip(timeline.undated, unique_uids(timeline.undated))]
    years: dict[str, YearView] = {}
    for view, entry in zip(entries, timeline.entries):
        assert entry.date is not None
        year, month = group_keys(entry.date)
        years.setdefault(year, YearView(year)).month(month).entries.append(view)
    words = labels()
    return env.get_template(TEMPLATE).render(
        labels=words,
        title=timeline_title(timeline),
        summary=timeline_summary(timeline, vague=True),
        css=css,
        script=script,
        csp=f"default-src 'none'; style-src {_hash(css)}; script-src {_hash(script)}; "
            "img-src data:; base-uri 'none'; form-action 'none'",
        years=list(years.values()),
        jump_years=JUMP_YEARS,
        entries=entries,
        undated=undated,
        documents=[_document_view(d.title, d.id, d.url, d.published) for d in timeline.documents],
        precisions=_choices([e.precision for e in entries], words["precision_names"]),
        certainties=_choices([e.certainty for e in entries], words["certainty_names"]),
        upcoming_count=sum(1 for e in entries if e.upcoming),
        key_count=key_count,
    )


def _static(env: Environment, name: str) -> str:
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, name)
    return source


def _hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def _choices(values: list[str], names: dict[str, str]) -> list[Choice]:
    """One filter choice per value present, in the order of ``names``, with its count."""
    counts = Counter(values)
    ordered = [k for k in names if k in counts] + sorted(k for k in counts if k not in names)
    return [Choice(k, names.get(k, k.capitalize()), counts[k]) for k in ordered]


def _entry_view(entry: TimelineEntry, uid: str, zone: tzinfo | None, key: bool) -> EntryView:
    interval = entry.date
    views = _source_views(entry.sources)
    shown = _shown_quotes(views)
    return EntryView(
        uid=f"e-{uid}",
        label=date_label(interval, zone) if interval else one_line(entry.sources[0].timex.text) if entry.sources
        else "",
        datetime=datetime_attribute(interval, zone) if interval else "",
        value=interval.value if interval else "",
        granularity=interval.granularity if interval else "",
        precision=PRECISION_OF_GRANULARITY.get(interval.granularity, "day") if interval else "",
        certainty=entry.certainty,
        upcoming=is_upcoming(entry),
        approximate=is_approximate(entry),
        title=one_line(entry.title),
        key=key,
        sources=views[:shown],
        more_sources=views[shown:],
        more_articles=len({view.document_id for view in views[shown:]}) + entry.unlisted_articles,
        more_quotes=len(views) - shown + entry.unlisted_quotes,
    )


def _shown_quotes(views: list[SourceView]) -> int:
    """How many quotes show unfolded: SHOWN_QUOTES, or up to the end of the
    article the last of them is from (its byline closes its quotes)."""
    shown = min(SHOWN_QUOTES, len(views))
    while shown < len(views) and not views[shown - 1].byline:
        shown += 1
    return shown


def _source_views(sources: tuple[EntrySource, ...]) -> list[SourceView]:
    """One quote per sentence; quotes from one article share one byline."""
    quotes = quoted_sentences(sources)
    views = []
    for i, quote in enumerate(quotes):
        source = quote[0]
        document = _document_view(source.document_title, source.document_id, source.document_url,
                                  source.published)
        views.append(SourceView(
            pieces=sentence_pieces(*quote), document=document, document_id=source.document_id,
            byline=i + 1 == len(quotes) or quotes[i + 1][0].document_id != source.document_id,
            continued=i > 0 and quotes[i - 1][0].document_id == source.document_id,
        ))
    return views


def _document_view(title: str | None, doc_id: str, url: str | None, published: date | None) -> DocumentView:
    return DocumentView(
        article=article_name(title, doc_id),
        url=safe_url(url),
        published=format_day(published) if published else None,
        published_attr=published.isoformat() if published else None,
    )
