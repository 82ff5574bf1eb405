"""The calendar interval of every kind of TIMEX3 value."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline.events.interval import GRANULARITY_ORDER, interval, is_fuzzy

PUBLISHED = date(2017, 11, 2)

CASES = [
    ("2017-11-02", date(2017, 11, 2), date(2017, 11, 2), "day"),
    ("2017-W43", date(2017, 10, 23), date(2017, 10, 29), "week"),  # ISO week: Monday..Sunday
    ("2017-W01", date(2017, 1, 2), date(2017, 1, 8), "week"),
    ("2015-W53", date(2015, 12, 28), date(2016, 1, 3), "week"),  # a week across the new year
    ("2017-W43-WE", date(2017, 10, 28), date(2017, 10, 29), "weekend"),
    ("2017-10", date(2017, 10, 1), date(2017, 10, 31), "month"),
    ("2016-02", date(2016, 2, 1), date(2016, 2, 29), "month"),  # leap year
    ("2017-Q1", date(2017, 1, 1), date(2017, 3, 31), "quarter"),
    ("2017-Q4", date(2017, 10, 1), date(2017, 12, 31), "quarter"),
    ("2017-SP", date(2017, 3, 1), date(2017, 5, 31), "season"),
    ("2017-SU", date(2017, 6, 1), date(2017, 8, 31), "season"),
    ("2017-FA", date(2017, 9, 1), date(2017, 11, 30), "season"),
    ("2015-WI", date(2015, 12, 1), date(2016, 2, 29), "season"),  # winter runs into the next year
    ("2017-H1", date(2017, 1, 1), date(2017, 6, 30), "half"),
    ("2017-H2", date(2017, 7, 1), date(2017, 12, 31), "half"),
    ("2017", date(2017, 1, 1), date(2017, 12, 31), "year"),
    ("199", date(1990, 1, 1), date(1999, 12, 31), "decade"),
    ("19", date(1900, 1, 1), date(1999, 12, 31), "century"),
    ("2", date(2000, 1, 1), date(2999, 12, 31), "millennium"),
    ("2017-11-02TAF", datetime(2017, 11, 2, 12), datetime(2017, 11, 2, 17, 59, 59), "partofday"),
    ("2017-11-02TMO", datetime(2017, 11, 2, 6), datetime(2017, 11, 2, 11, 59, 59), "partofday"),
    ("2017-11-02TNI", datetime(2017, 11, 2, 21), datetime(2017, 11, 3, 5, 59, 59), "partofday"),
    ("2017-11-02T15", datetime(2017, 11, 2, 15), datetime(2017, 11, 2, 15, 59, 59), "hour"),
    ("2017-11-02T15:30", datetime(2017, 11, 2, 15, 30), datetime(2017, 11, 2, 15, 30, 59), "minute"),
    ("2017-11-02T15:30:10", datetime(2017, 11, 2, 15, 30, 10), datetime(2017, 11, 2, 15, 30, 10), "minute"),
    # midnight ending a day stays on that day ("the Friday midnight deadline" is Friday's)
    ("2017-11-02T24:00", datetime(2017, 11, 2, 23, 59), datetime(2017, 11, 2, 23, 59, 59), "minute"),
    # clock times and part of day without a date fall on the publication day
    ("T15:00", datetime(2017, 11, 2, 15), datetime(2017, 11, 2, 15, 0, 59), "minute"),
    ("TEV", datetime(2017, 11, 2, 18), datetime(2017, 11, 2, 21, 59, 59), "partofday"),
    # "now" is the publication day (the anchorer marks it approximate)
    ("PRESENT_REF", date(2017, 11, 2), date(2017, 11, 2), "day"),
]


@pytest.mark.parametrize("value, start, end, granularity", CASES)
def test_interval_of_each_granularity(value: str, start: date, end: date, granularity: str) -> None:
    got = interval(value, PUBLISHED)
    assert got is not None
    assert (got.start, got.end, got.granularity, got.value) == (start, end, granularity, value)
    assert got.start <= got.end


def test_every_granularity_is_covered_and_ordered() -> None:
    covered = {c[3] for c in CASES}
    assert covered == set(GRANULARITY_ORDER)


@pytest.mark.parametrize("value", [
    "PAST_REF", "FUTURE_REF", "XXXX-10", "2017-XX-XX", "XXXX-WXX-1", "2017-02-30", "2017-W54", "0", "P3D",
    "", "nonsense", "2017-13",
])
def test_fuzzy_or_impossible_values_have_no_interval(value: str) -> None:
    assert interval(value, PUBLISHED) is None
    assert is_fuzzy(value)


def test_values_that_need_the_publication_date_have_none_without_it() -> None:
    assert interval("PRESENT_REF") is None
    assert interval("T15:00") is None
    assert interval("2017-11-02", None) is not None


def test_to_dict_is_iso() -> None:
    got = interval("2017-11-02TAF", PUBLISHED)
    assert got is not None
    assert got.to_dict() == {
        "value": "2017-11-02TAF", "start": "2017-11-02T12:00:00", "end": "2017-11-02T17:59:59",
        "granularity": "partofday",
    }


@pytest.mark.parametrize("value, end", [
    ("9999-12-31TNI", datetime(9999, 12, 31, 23, 59, 59)),
    ("9999-12-31T23:59", datetime(9999, 12, 31, 23, 59, 59)),
    ("9999-W52", date(9999, 12, 31)),
    ("9", date(9999, 12, 31)),
])
def test_intervals_running_past_year_9999_end_with_the_calendar(value: str, end: date) -> None:
    got = interval(value, date(9999, 12, 31))
    assert got is not None and got.end == end and got.start <= got.end


@pytest.mark.parametrize("value", ["9999-W52-WE", "9999-WI"])
def test_periods_wholly_past_year_9999_have_no_interval(value: str) -> None:
    assert interval(value, date(9999, 12, 31)) is None
