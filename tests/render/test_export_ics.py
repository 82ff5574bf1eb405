"""The iCalendar export, parsed back by `icalendar` and by two independent
parsers (`vobject`, `ical`)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from ical.calendar_stream import IcsCalendarStream

import render_fixtures as data
from render_fixtures import empty_timeline, hostile_timeline, rich_timeline  # noqa: F401  (fixtures)
from timeline.assemble import Timeline
from timeline.render.ics import render_ics


def events_of(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def by_summary(events: list[icalendar.Event], fragment: str) -> icalendar.Event:
    matches = [e for e in events if fragment in str(e["SUMMARY"])]
    assert len(matches) == 1, [str(e["SUMMARY"]) for e in events]
    return matches[0]


def test_one_vevent_per_dated_entry_with_required_properties(rich_timeline: Timeline) -> None:
    text = rich_timeline.to_ics()
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]
    assert str(calendar["X-WR-CALNAME"]) == "Timeline from 2 articles"
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(rich_timeline.entries)  # the vague mention is left out
    assert "in the past" not in text
    for event in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "CATEGORIES"):
            assert prop in event, (prop, event)
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is type(end)
        assert end > start
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_day_is_all_day_with_exclusive_end(rich_timeline: Timeline) -> None:
    event = by_summary(events_of(rich_timeline.to_ics()), "Leaders to meet")
    assert event.decoded("DTSTART") == date(2017, 11, 10)
    assert event.decoded("DTEND") == date(2017, 11, 11)
    assert "DTSTART;VALUE=DATE:20171110" in event.to_ical().decode()
    assert str(event["SUMMARY"]) == "Leaders to meet"  # a day needs no period in the summary
    assert "upcoming" in [str(c) for c in event["CATEGORIES"].cats]


def test_clock_time_with_offset_is_a_timed_event_in_that_zone(rich_timeline: Timeline) -> None:
    text = rich_timeline.to_ics()
    event = by_summary(events_of(text), "Missile launched")
    start = event.decoded("DTSTART")
    assert isinstance(start, datetime) and start.utcoffset() == timedelta(hours=-5)
    assert (start.hour, start.minute) == (6, 17)
    assert event.decoded("DTEND") > start
    assert 'DTSTART;TZID="UTC-05:00":20171101T061700' in text
    assert "TZID:UTC-05:00" in text  # its VTIMEZONE is in the calendar


def test_naive_clock_time_takes_the_articles_zone(rich_timeline: Timeline) -> None:
    text = rich_timeline.to_ics()
    event = by_summary(events_of(text), "Vote called")
    start = event.decoded("DTSTART")
    assert start == datetime(2017, 10, 27, 21, 0, tzinfo=ZoneInfo("America/New_York"))
    assert event.decoded("DTEND") - start == timedelta(hours=1)
    assert "DTSTART;TZID=America/New_York:20171027T210000" in text
    assert "TZID:America/New_York" in text


@pytest.mark.parametrize(
    ("fragment", "summary", "first_day", "span_end"),
    [
        ("Exports fall", "[October 2017] Exports fall", date(2017, 10, 1), date(2017, 11, 1)),
        ("Envoys meet", "[Week of 23 Oct 2017] Envoys meet", date(2017, 10, 23), date(2017, 10, 30)),
        ("Dispute begins", "[2016] Dispute begins", date(2016, 1, 1), date(2017, 1, 1)),
        ("Trade slows", "[Q3 2017] Trade slows", date(2017, 7, 1), date(2017, 10, 1)),
        ("First clash", "[2012, approx.] First clash", date(2012, 1, 1), date(2013, 1, 1)),
        ("Warmer relations", "[1990s] Warmer relations", date(1990, 1, 1), date(2000, 1, 1)),
    ],
)
def test_coarse_dates_first_day_or_span(
    rich_timeline: Timeline, fragment: str, summary: str, first_day: date, span_end: date
) -> None:
    default = by_summary(events_of(rich_timeline.to_ics()), fragment)
    assert str(default["SUMMARY"]) == summary
    assert (default.decoded("DTSTART"), default.decoded("DTEND")) == (first_day, first_day + timedelta(days=1))
    spanned = Timeline(rich_timeline.documents, rich_timeline.entries, rich_timeline.undated,
                       rich_timeline.settings.with_(coarse_dates="span"))
    event = by_summary(events_of(spanned.to_ics()), fragment)
    assert str(event["SUMMARY"]) == summary
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (first_day, span_end)
    assert render_ics(rich_timeline, "span") == spanned.to_ics()


def test_part_of_day_is_all_day_and_named() -> None:
    day = date(2017, 11, 2)
    doc, entries = data.build_document("d", "T", None, day, [data.Spec(
        "It was carried on Thursday afternoon.", "Thursday afternoon", "carried", "Message carried",
        data.interval("2017-11-02TAF", day, day, "partofday"))])
    event = events_of(data.assemble([doc], entries).to_ics())[0]
    assert str(event["SUMMARY"]) == "[Thu 2 Nov 2017, afternoon] Message carried"
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (day, date(2017, 11, 3))


def test_description_has_sentence_article_date_and_https_url(rich_timeline: Timeline) -> None:
    event = by_summary(events_of(rich_timeline.to_ics()), "Seoul and Beijing agree")
    description = str(event["DESCRIPTION"])
    assert "It follows Tuesday's unexpected agreement between Seoul and Beijing." in description
    assert "China's Xi replies to North Korea's Kim, published Thu 2 Nov 2017" in description
    assert "https://www.reuters.com/article/xi-kim" in description
    # reported by two articles: both sources are described
    assert "Tuesday's deal ended a year-long row." in description
    assert "Seoul and Beijing mend ties; talks to resume, published Fri 3 Nov 2017" in description
    assert str(event["URL"]) == "https://www.reuters.com/article/xi-kim"
    assert [str(c) for c in event["CATEGORIES"].cats] == ["day", "exact", "past"]


def test_identical_input_gives_byte_identical_output() -> None:
    first, second = data.build_rich().to_ics(), data.build_rich().to_ics()
    assert first == second
    # DTSTAMP comes from the input (latest publication), not the wall clock
    assert "DTSTAMP:20171103T123000Z" in first


def test_uid_depends_on_document_trigger_and_value(rich_timeline: Timeline) -> None:
    events = {str(e["SUMMARY"]): str(e["UID"]) for e in events_of(rich_timeline.to_ics())}
    assert all(uid.endswith("@timeline") for uid in events.values())
    doc, entries = data.build_document(
        "xi-kim", "Another title", None, date(2017, 11, 2), data.xi_kim_specs()[:1])
    retitled = data.assemble([doc], entries)
    assert str(events_of(retitled.to_ics())[0]["UID"]) == events["State news agency reports"]
    other_doc, other_entries = data.build_document("other", None, None, date(2017, 11, 2), data.xi_kim_specs()[:1])
    assert str(events_of(data.assemble([other_doc], other_entries).to_ics())[0]["UID"]) != events[
        "State news agency reports"]


def test_hostile_text_stays_escaped_text_in_one_event(hostile_timeline: Timeline) -> None:
    text = hostile_timeline.to_ics()
    raw = text.encode("utf-8")
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in raw.replace(b"\r\n", b"")
    assert b"\r" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75
    assert sum(1 for line in lines if line == b"BEGIN:VEVENT") == len(hostile_timeline.entries) == 2
    assert sum(1 for line in lines if line == b"END:VCALENDAR") == 1
    events = events_of(text)
    assert len(events) == 2
    summary = str(by_summary(events, "Pwned")["SUMMARY"])
    assert summary == 'Pwned <script>alert("title")</script>, "quoted"; semi BEGIN:VEVENT'
    description = str(by_summary(events, "Pwned")["DESCRIPTION"])
    assert "on Monday; BEGIN:VEVENT END:VCALENDAR, a, b; c & <b>bold</b> \\ backslash. Done." in description
    assert "javascript" not in text  # the document's javascript: URL is not emitted


def test_independent_parsers_agree(rich_timeline: Timeline, hostile_timeline: Timeline) -> None:
    for timeline in (rich_timeline, hostile_timeline):
        text = timeline.to_ics()
        parsed = vobject.readOne(text)
        vevents = list(parsed.vevent_list)
        assert len(vevents) == len(timeline.entries)
        for vevent in vevents:
            assert vevent.dtend.value > vevent.dtstart.value
        summaries = sorted(v.summary.value for v in vevents)
        assert summaries == sorted(str(e["SUMMARY"]) for e in events_of(text))
        calendar = IcsCalendarStream.calendar_from_ics(text)
        assert len(calendar.events) == len(timeline.entries)
        assert sorted(e.summary or "" for e in calendar.events) == summaries
        for event in calendar.events:
            assert event.end > event.start


def test_empty_timeline_gives_a_valid_empty_calendar(empty_timeline: Timeline) -> None:
    text = empty_timeline.to_ics()
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    assert list(calendar.walk("VEVENT")) == []
    assert vobject.readOne(text).name == "VCALENDAR"
    assert IcsCalendarStream.calendar_from_ics(text).events == []


def test_corpus_calendar_holds_the_key_events_and_is_named_by_title() -> None:
    timeline = data.corpus_timeline(key_events=5, title="Town votes")
    text = render_ics(timeline)
    events = events_of(text)
    assert len(events) == 5 < len(timeline.entries)
    assert {str(e["summary"]) for e in events} >= {"Town 0 voted"}
    assert "X-WR-CALNAME:Town votes" in text
    # one article: every happening, whatever key_events says
    single = Timeline.from_documents(timeline.documents[:1], timeline.settings)
    assert len(events_of(render_ics(single))) == len(single.entries)
