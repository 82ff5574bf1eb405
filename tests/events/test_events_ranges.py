"""Ranges of dates (issue 16): a happening over "Nov. 3-14" is one event
whose interval spans the range; the ends keep their own TIMEX3 values."""

from __future__ import annotations

from datetime import date

from icalendar import Calendar

from timeline.assemble import Timeline
from timeline.model import Article
from timeline.render.dates import date_label
from timeline.render.ics import render_ics


def _process(pipeline, text: str, published: date):  # type: ignore[no-untyped-def]
    return pipeline.process(Article(text=text, published=published, id="a"))


def test_a_day_range_is_one_event_over_the_range(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "McMaster said Trump would speak out about rights on his Nov. 3-14 trip to Asia."
    doc = _process(pipeline, text, date(2017, 11, 2))
    assert [(t.text, t.value) for t in doc.timexes] == [("Nov. 3", "2017-11-03"), ("14", "2017-11-14")]
    trips = [e for e in doc.events if e.trigger.text == "trip"]
    assert len(trips) == 1
    trip = trips[0]
    assert (trip.date.start, trip.date.end) == (date(2017, 11, 3), date(2017, 11, 14))
    assert trip.date.value == "2017-11-03/2017-11-14"
    assert {m.timex for m in trip.mentions} == {"t1", "t2"}
    assert "14" not in trip.title
    assert date_label(trip.date) == "3 – 14 Nov 2017"
    line = Timeline.from_documents([doc])
    events = Calendar.from_ical(render_ics(line)).walk("VEVENT")
    trip_events = [e for e in events if "trip" in str(e["SUMMARY"]).lower()]
    assert len(trip_events) == 1  # one calendar event over the whole trip
    assert (trip_events[0]["DTSTART"].dt, trip_events[0]["DTEND"].dt) == (date(2017, 11, 3), date(2017, 11, 15))
    assert line.to_json().count('"2017-11-03/2017-11-14"') >= 1


def test_a_year_range_spans_its_years(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "China fought side by side with North Korea in the 1950-53 Korean war against U.S.-led forces."
    doc = _process(pipeline, text, date(2017, 11, 9))
    assert [(t.text, t.value) for t in doc.timexes] == [("1950", "1950"), ("53", "1953")]
    war = [e for e in doc.events if e.date is not None and e.date.value == "1950/1953"]
    assert war, doc.events
    assert (war[0].date.start, war[0].date.end, war[0].date.granularity) == \
        (date(1950, 1, 1), date(1953, 12, 31), "year")
    assert date_label(war[0].date) == "1950 – 1953"


def test_a_list_is_no_range(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = _process(pipeline, "The talks were held on April 24 and 25 in Geneva.", date(2017, 11, 2))
    assert all("/" not in e.date.value for e in doc.events if e.date is not None)


def test_the_past_year_is_the_twelve_months_before_publication(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The one tangible achievement of his diplomatic efforts in the past year was winning the release of Warmbier."
    doc = _process(pipeline, text, date(2017, 11, 3))
    past = [t for t in doc.timexes if t.text == "the past year"]
    assert [(t.type, t.value, t.anchor) for t in past] == [("DURATION", "P1Y", "t0")]
    dated = [e for e in doc.events if any(m.timex == past[0].id for m in e.mentions)]
    assert dated, doc.events
    assert (dated[0].date.start, dated[0].date.end) == (date(2016, 11, 4), date(2017, 11, 3))
    assert date_label(dated[0].date) == "4 Nov 2016 – 3 Nov 2017"


def test_a_duration_of_unknown_length_dates_nothing(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = _process(pipeline, "Profits fell over the past several quarters, the company said.", date(2017, 11, 3))
    assert all(e.date is not None for e in doc.events)
