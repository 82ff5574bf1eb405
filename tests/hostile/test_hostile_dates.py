"""Impossible and odd dates, and publication dates at the ends of the
calendar: each phrase gets a valid value or is left out, never an exception,
and what reaches the calendar is a well-formed event."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import icalendar
import pytest
from hostile_helpers import article, check_document

from timeline.assemble import Timeline
from timeline.model import DateInterval, Document, Event, TextSpan, Timex
from timeline.settings import Settings

ODD_PHRASES = [
    "February 30", "Feb. 30, 2017", "31 April", "April 31, 2016", "February 29, 2019", "February 29, 2020",
    "year 0", "in the year 0", "in 0 AD", "the year 10000", "in 10000", "the 3000s", "the 10000s", "Q5",
    "the fifth quarter", "Q0 2017", "week 54", "week 53 of 2017", "week 0", "'98", "in '07", "the '90s",
    "March 32", "13/13/2013", "0/0/0000", "00:00", "24:00", "25:00", "99:99 p.m.", "32nd of May",
    "in 1 BC", "in 44 BC", "in the 1st century", "the 99th century", "year 9999", "9999-12-31", "0001-01-01",
    "10,000 years ago", "5,000 years from now", "a million years later", "999999999 days ago",
    "in 2 billion years", "next millennium", "last century", "the next 10,000 years",
    # far before or after the publication date
    "in 1066", "on June 15, 1215", "in October 1492", "by the year 2999", "in 3017", "on Jan. 1, 2100",
    "3,000,000 days from now", "Dec. 31, 9999", "Jan. 1, 0001",
]
EXTREME_PUBLICATION = [
    date(1, 1, 1), date(1, 12, 31), date(9999, 1, 1), date(1900, 2, 28),
    date(9999, 12, 31),
]
RELATIVE = ["next year", "last year", "tomorrow", "yesterday", "next week", "last week", "next month",
            "last month", "this decade", "next century", "last quarter", "the next day", "a year later",
            "ten years ago", "in five years", "on Monday", "next Sunday", "last Saturday", "tonight",
            "the coming winter", "last summer", "later this year", "early next year", "the past decade"]


@pytest.mark.parametrize("phrase", ODD_PHRASES)
def test_impossible_dates_get_a_valid_value_or_none(pipeline, phrase: str) -> None:  # type: ignore[no-untyped-def]
    text = f"Officials said the vote took place {phrase}, and {phrase} was mentioned again."
    check_document(pipeline.process(article(text)), text)


@pytest.mark.parametrize("published", EXTREME_PUBLICATION, ids=str)
def test_relative_phrases_at_the_ends_of_the_calendar(pipeline, published: date) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(f"They met {phrase} and will meet again {phrase}." for phrase in RELATIVE)
    doc = pipeline.process(article(text, published))
    check_document(doc, text)
    # whatever survives also renders to every format
    timeline = Timeline.from_documents([doc])
    for fmt in ("json", "timeml", "html", "ics", "timelinejs"):
        assert getattr(timeline, f"to_{fmt}")()
    _assert_calendar_well_formed(timeline.to_ics(), max_events=len(timeline.entries))


def test_two_digit_years_resolve_to_a_full_year(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The company was founded in '98 and listed in '07."
    doc = pipeline.process(article(text))
    check_document(doc, text)
    for t in doc.timexes:
        if t.text.strip("'").isdigit() or t.text.startswith("'"):
            assert t.value[:4] in ("1998", "2007"), t


def _interval_document(intervals: list[DateInterval]) -> Document:
    text = " ".join(f"Event {i} happened then." for i in range(len(intervals)))
    timexes, events = [], []
    for i, interval in enumerate(intervals):
        start = text.index(f"Event {i} ")
        trigger = TextSpan(start + len(f"Event {i} "), start + len(f"Event {i} happened"), "happened")
        sentence = TextSpan(start, start + len(f"Event {i} happened then."), f"Event {i} happened then.")
        timexes.append(Timex(f"t{i + 1}", sentence.end - 5, sentence.end - 1, "then", "DATE", interval.value))
        events.append(Event(f"e{i + 1}", f"t{i + 1}", trigger, f"Event {i} at {interval.value}", sentence,
                            interval, "exact", "past"))
    return Document("edges", text, date(2017, 11, 2), tuple(timexes), tuple(events), title="Calendar edges")


EDGE_INTERVALS = [
    DateInterval("0001-01-01", date(1, 1, 1), date(1, 1, 1), "day"),
    DateInterval("0001", date(1, 1, 1), date(1, 12, 31), "year"),
    DateInterval("9999-12-31", date(9999, 12, 31), date(9999, 12, 31), "day"),
    DateInterval("9999-12", date(9999, 12, 1), date(9999, 12, 31), "month"),
    DateInterval("9999", date(9999, 1, 1), date(9999, 12, 31), "year"),
    DateInterval("9999-W52", date(9999, 12, 27), date(9999, 12, 31), "week"),
    DateInterval("999", date(9990, 1, 1), date(9999, 12, 31), "decade"),
    DateInterval("2017-11-02", date(2017, 11, 2), date(2017, 11, 2), "day"),
]


@pytest.mark.parametrize("coarse_dates", ["first-day", "span"])
def test_calendar_edges_render_well_formed_events(coarse_dates: str) -> None:
    """The last representable day has no 'next day' for DTEND: the renderer
    must clamp or leave it out, not crash or write an invalid event."""
    settings = Settings(coarse_dates=coarse_dates)  # type: ignore[arg-type]
    timeline = Timeline.from_documents([_interval_document(EDGE_INTERVALS)], settings)
    events = _assert_calendar_well_formed(timeline.to_ics(), max_events=len(timeline.entries))
    assert any("2017" in str(e.get("SUMMARY")) or e.decoded("DTSTART").year == 2017 for e in events)
    for fmt in ("json", "html", "timelinejs"):
        assert getattr(timeline, f"to_{fmt}")()


def _assert_calendar_well_formed(raw: str, max_events: int) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    assert len(events) <= max_events
    assert raw.count("BEGIN:VEVENT") == len(events)
    for event in events:
        assert event.get("UID") and event.get("DTSTART") and event.get("SUMMARY") is not None
        start = event.decoded("DTSTART")
        if event.get("DTEND") is not None:
            end = event.decoded("DTEND")
            assert type(start) is type(end) and end > start, (start, end)
    return events



@pytest.mark.parametrize("published", EXTREME_PUBLICATION, ids=str)
def test_odd_phrases_against_extreme_publication_dates(pipeline, published: date) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(f"Officials said the vote took place {phrase}." for phrase in ODD_PHRASES)
    doc = pipeline.process(article(text, published))
    check_document(doc, text)
    timeline = Timeline.from_documents([doc])
    _assert_calendar_well_formed(timeline.to_ics(), max_events=len(timeline.entries))


# phrase -> the values a reader would accept for it (None: leaving it out is fine)
SENSIBLE = [
    ("the '90s", {"199"}),
    ("in '98", {"1998"}),
    ("February 30", {"2017-02", None}),
    ("31 April", {"2017-04", None}),
    ("February 29, 2019", {"2019-02", None}),
    ("February 29, 2020", {"2020-02-29"}),
    ("the year 10000", {None}),
    ("the year 2016", {"2016"}),
    ("in the year 0", {None}),
    ("Q5", {None}),
    ("week 54", {None}),
    ("3,000,000 days from now", {None}),
    ("Dec. 31, 9999", {"9999-12-31", None}),
    ("Jan. 1, 0001", {"0001-01-01", None}),
    ("Q4 9999", {"9999-Q4", None}),
    ("1,500 days ago", {"2013-09-24", "2013"}),
]


@pytest.mark.parametrize("phrase,accepted", SENSIBLE, ids=[phrase for phrase, _ in SENSIBLE])
def test_odd_phrases_get_sensible_values(pipeline, phrase: str, accepted: set[str | None]) -> None:  # type: ignore[no-untyped-def]
    text = f"It happened {phrase}."
    doc = pipeline.process(article(text))
    check_document(doc, text)
    start = text.index(phrase)
    inside = [t.value for t in doc.timexes if t.start < start + len(phrase) and t.end > start]
    assert (inside[-1] if inside else None) in accepted, (phrase, [(t.text, t.value) for t in doc.timexes])


EDGE_MOMENTS = [
    pytest.param(datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-12))), id="9999-12-31T23:59-12:00"),
    pytest.param(datetime(1, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=14))), id="0001-01-01T00:00+14:00"),
]


@pytest.mark.parametrize("published", EDGE_MOMENTS)
def test_zoned_publication_times_at_the_ends_of_the_calendar(pipeline, published: datetime) -> None:  # type: ignore[no-untyped-def]
    """A publication time whose UTC form falls outside years 1-9999."""
    text = "They met on Monday, will meet tonight at 11 p.m. and met at 2315 GMT."
    doc = pipeline.process(article(text, published))
    check_document(doc, text)
    timeline = Timeline.from_documents([doc])
    for fmt in ("json", "timeml", "html", "timelinejs"):
        assert getattr(timeline, f"to_{fmt}")()
    _assert_calendar_well_formed(timeline.to_ics(), max_events=len(timeline.entries))
