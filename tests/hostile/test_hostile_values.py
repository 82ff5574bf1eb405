"""Any value the TIMEX3 grammar allows, on any publication day, goes through
the value -> interval step and every renderer without an exception, and the
calendar it yields is well formed."""

from __future__ import annotations

from datetime import date

import icalendar
import pytest
from hostile_grammar import TIMEX3_VALUE, value_problem
from hostile_helpers import PageStructure, as_moment
from hostile_strategies import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.assemble import Timeline
from timeline.events.interval import interval
from timeline.model import Document, Event, TextSpan, Timex
from timeline.settings import Settings

EDGE_VALUES = [
    "9999-12-31", "9999-12-31TNI", "9999-12-31T23:59", "9999-12-31T23:59-12:00", "9999-12-31T23:00+14:00",
    "0001-01-01T00:00+14:00", "0001-01-01", "0001-01-01TMO", "0001-W01", "9999-W52", "9999-W52-WE",
    "9999-WI", "9999-Q4", "9999-H2", "999", "99", "9", "0001", "T23:59", "PRESENT_REF", "2017-11-02T24:00",
]
any_values = st.from_regex(TIMEX3_VALUE, fullmatch=True).filter(lambda v: value_problem(v) is None)
any_days = st.one_of(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
                     st.sampled_from([date(1, 1, 1), date(9999, 12, 31)]))


def _document(values: list[str], published: date, doc_id: str = "d") -> Document:
    """One event per value, all with the same trigger lemma (so merging is tried)."""
    text = " ".join(f"E{i} happened then." for i in range(len(values)))
    timexes, events = [], []
    for i, value in enumerate(values):
        start = text.index(f"E{i} ")
        end = start + len(f"E{i} happened then.")
        timexes.append(Timex(f"t{i + 1}", end - 5, end - 1, "then", "DATE", value, anchor="t0"))
        events.append(Event(f"e{i + 1}", f"t{i + 1}", TextSpan(end - 14, end - 6, "happened"), "It happened",
                            TextSpan(start, end, text[start:end]), interval(value, published), "exact", "past",
                            lemma="happen", entities=("Seoul",)))
    return Document(doc_id, text, published, tuple(timexes), tuple(events), title="t", url="https://example.com/")


def _render_everything(documents: list[Document], coarse_dates: str) -> None:
    timeline = Timeline.from_documents(documents, Settings(coarse_dates=coarse_dates))  # type: ignore[arg-type]
    for entry in timeline.entries:
        assert entry.date is not None and as_moment(entry.date.start) <= as_moment(entry.date.end)
    calendar = icalendar.Calendar.from_ical(timeline.to_ics())
    assert len(list(calendar.walk("VEVENT"))) <= len(timeline.entries)
    for event in calendar.walk("VEVENT"):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND", None)
        assert end is None or end > start
    PageStructure.of(timeline.to_html())
    timeline.to_timelinejs()
    timeline.to_json()


@pytest.mark.parametrize("value", EDGE_VALUES)
def test_values_at_the_edges_of_the_calendar_render_everywhere(value: str) -> None:
    for published in (date(1, 1, 1), date(9999, 12, 31)):
        for coarse_dates in ("first-day", "span"):
            _render_everything([_document([value], published)], coarse_dates)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(st.lists(st.one_of(st.sampled_from(EDGE_VALUES), any_values), min_size=1, max_size=4),
                       min_size=1, max_size=3),
       published=any_days, span=st.booleans())
def test_any_valid_values_render_everywhere(values: list[list[str]], published: date, span: bool) -> None:
    """Documents with several events each: ordering, merging and every renderer."""
    documents = [_document(group, published, f"d{i}") for i, group in enumerate(values)]
    _render_everything(documents, "span" if span else "first-day")
