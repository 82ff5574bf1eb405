"""iCalendar export: one VEVENT per dated timeline entry; the calendar of a
corpus (more than one article) holds its key events only
(:meth:`~timeline.assemble.Timeline.key_entries`: the ``Settings.key_events``
most important entries), since nobody wants thousands of calendar events.

* a day (or a run of days): an all-day event, DTEND the day after (exclusive);
* a clock time: a timed event in its zone (the value's, else the article's
  publication zone, else floating);
* a week or anything coarser: with ``coarse_dates="first-day"`` a one-day
  all-day event on the first day of the period, with ``"span"`` an all-day
  event over the whole period.  The SUMMARY always names the period
  ("[October 2017] ...") so that a one-day event is not mistaken for a day.

UIDs and DTSTAMP derive from the input only: identical input gives
byte-identical output."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneStandard
from icalendar.prop import vText

from timeline.model import TimelineEntry
from timeline.render.dates import (
    COARSE_GRANULARITIES, clock_end, date_label, day_of, format_day, has_clock_time, zoned,
)
from timeline.render.entries import (
    article_name, clean_text, documents_by_id, entry_zone, is_approximate, is_upcoming, listed_quotes, one_line,
    safe_url, stamp, timeline_title, unique_uids,
)
from timeline.render.labels import labels
from timeline.settings import CoarseDates

if TYPE_CHECKING:
    from timeline.assemble import Timeline

PRODID = "-//timeline//news timelines 1.0//EN"
# quotes a DESCRIPTION lists: an entry of a corpus can be quoted by a hundred
# articles, and calendar apps cut descriptions of a few kilobytes
DESCRIPTION_QUOTES = 10


def render_ics(timeline: "Timeline", coarse_dates: CoarseDates | None = None) -> str:
    """The timeline as an iCalendar (RFC 5545) text with CRLF line ends."""
    mode = coarse_dates or timeline.settings.coarse_dates
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _Text(timeline_title(timeline)))
    documents = documents_by_id(timeline)
    dtstamp = stamp(timeline)
    fixed_zones: dict[str, timezone] = {}
    events = []
    for entry, uid in zip(*_calendar_entries(timeline)):
        try:
            events.append(_event(entry, uid, mode, dtstamp, entry_zone(entry, documents), fixed_zones))
        except OverflowError:
            # the calendar ends on 9999-12-31: an event whose end (or UTC time)
            # falls past it cannot be written, so it is left out, not truncated
            continue
    for name, zone in sorted(fixed_zones.items()):
        calendar.add_component(_fixed_zone(name, zone))
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()  # VTIMEZONE for every named (IANA) zone used
    return calendar.to_ical().decode("utf-8")


def _calendar_entries(timeline: "Timeline") -> tuple[list[TimelineEntry], list[str]]:
    """The entries the calendar holds, with their uids (those of the whole
    timeline, so that an entry keeps its uid whichever calendar holds it)."""
    uids = dict(zip(map(id, timeline.entries), unique_uids(timeline.entries)))
    entries = list(timeline.key_entries()) if len(timeline.documents) > 1 else list(timeline.entries)
    return entries, [uids[id(e)] for e in entries]


class _Text(vText):
    """A TEXT value escaped by RFC 5545 alone: icalendar reads a literal
    backslash-N in the text as a line break before escaping, so a title
    holding those two characters would come back changed."""

    def to_ical(self) -> bytes:
        text = str(self).replace("\r\n", "\n").replace("\r", "\n")
        escaped = text.replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,").replace("\n", r"\n")
        return escaped.encode("utf-8")


def summary(entry: TimelineEntry) -> str:
    """The title, prefixed by the period when the date is not simply a day or
    a clock time, or is approximate: ``[October 2017] Talks resumed``."""
    assert entry.date is not None
    title = one_line(entry.title) or (one_line(entry.sources[0].trigger.text) if entry.sources else "")
    marks = []
    if entry.date.granularity in COARSE_GRANULARITIES or entry.date.granularity == "partofday":
        marks.append(date_label(entry.date))
    if is_approximate(entry):
        if not marks:
            marks.append(date_label(entry.date))
        marks.append(str(labels()["approximate_mark"]))
    return f"[{', '.join(marks)}] {title}" if marks else title


def _event(
    entry: TimelineEntry, uid: str, mode: CoarseDates, dtstamp: datetime, zone: tzinfo | None,
    fixed_zones: dict[str, timezone],
) -> Event:
    interval = entry.date
    assert interval is not None
    event = Event()
    event.add("uid", f"{uid}@timeline")
    event.add("dtstamp", dtstamp)
    event.add("summary", _Text(summary(entry)))
    if has_clock_time(interval):
        assert isinstance(interval.start, datetime)
        start = _calendar_zone(zoned(interval.start, interval.value, zone), fixed_zones)
        end = _calendar_zone(zoned(clock_end(interval), interval.value, zone), fixed_zones)
        event.add("dtstart", start)
        event.add("dtend", max(end, start + timedelta(minutes=1)))
    else:
        first, last = day_of(interval.start), day_of(interval.end)
        if interval.granularity in COARSE_GRANULARITIES and mode == "first-day":
            last = first
        event.add("dtstart", first)
        event.add("dtend", max(last, first) + timedelta(days=1))
    event.add("description", _Text(_description(entry, zone)))
    url = next((u for u in (safe_url(s.document_url) for s in entry.sources) if u), None)
    if url:
        event.add("url", url)
    categories: list[str] = [interval.granularity, entry.certainty, entry.tense]
    if is_upcoming(entry):
        categories.append(str(labels()["upcoming_mark"]))
    event.add("categories", categories)
    # news events inform, they do not make the reader busy
    event.add("transp", "TRANSPARENT")
    return event


def _description(entry: TimelineEntry, zone: tzinfo | None) -> str:
    """The date, then each quoted sentence (once, however many of its dates
    date the entry) with its article; past DESCRIPTION_QUOTES, how many more."""
    assert entry.date is not None
    words = labels()
    lines = [f"{date_label(entry.date, zone)} ({entry.date.granularity}, {entry.certainty})"]
    quotes, rest = listed_quotes(entry, DESCRIPTION_QUOTES)
    for quote in quotes:
        source = quote[0]
        lines.append("")
        lines.append(f"\u201c{one_line(source.sentence.text)}\u201d")
        attribution = article_name(source.document_title, source.document_id)
        if source.published is not None:
            attribution += ", " + words["published_on"].format(day=format_day(source.published))
        lines.append(f"\u2014 {attribution}")
        url = safe_url(source.document_url)
        if url:
            lines.append(url)
    if rest:
        lines += ["", rest]
    return clean_text("\n".join(lines))


def _calendar_zone(moment: datetime, fixed_zones: dict[str, timezone]) -> datetime:
    """Named zones stay (icalendar writes their VTIMEZONE); UTC becomes ``Z``;
    any other zone becomes a fixed offset with its own VTIMEZONE."""
    zone = moment.tzinfo
    if zone is None or isinstance(zone, ZoneInfo):
        return moment
    offset = moment.utcoffset()
    if not offset:
        return moment.astimezone(timezone.utc)
    name = _offset_name(offset)
    fixed = fixed_zones.setdefault(name, timezone(offset, name))
    return moment.astimezone(fixed)


def _offset_name(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _fixed_zone(name: str, zone: tzinfo) -> Timezone:
    offset = zone.utcoffset(None)
    assert offset is not None
    vtimezone = Timezone()
    vtimezone.add("tzid", name)
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", offset)
    standard.add("tzoffsetto", offset)
    standard.add("tzname", name)
    vtimezone.add_component(standard)
    return vtimezone
