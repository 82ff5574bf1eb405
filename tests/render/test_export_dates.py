"""Date labels, <time datetime> values and calendar helpers per granularity."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from render_fixtures import interval
from timeline.model import DateInterval
from timeline.render.dates import clock_end, datetime_attribute, date_label, group_keys

D = date
CASES = [
    (interval("2017-10-31", D(2017, 10, 31), D(2017, 10, 31), "day"), "Tue 31 Oct 2017", "2017-10-31"),
    (interval("2017-10-30", D(2017, 10, 30), D(2017, 11, 1), "day"), "30 Oct \u2013 1 Nov 2017", "2017-10-30"),
    (interval("2017-12-30", D(2017, 12, 30), D(2018, 1, 2), "day"), "30 Dec 2017 \u2013 2 Jan 2018",
     "2017-12-30"),
    (interval("2017-11-02TAF", D(2017, 11, 2), D(2017, 11, 2), "partofday"), "Thu 2 Nov 2017, afternoon",
     "2017-11-02"),
    (interval("2017-W43", D(2017, 10, 23), D(2017, 10, 29), "week"), "Week of 23 Oct 2017", "2017-W43"),
    (interval("2017-W43-WE", D(2017, 10, 28), D(2017, 10, 29), "weekend"), "Weekend of 28 Oct 2017",
     "2017-W43"),
    (interval("2017-10", D(2017, 10, 1), D(2017, 10, 31), "month"), "October 2017", "2017-10"),
    (interval("2017-WI", D(2017, 12, 21), D(2018, 3, 20), "season"), "Winter 2017", "2017-12-21"),
    (interval("2017-Q4", D(2017, 10, 1), D(2017, 12, 31), "quarter"), "Q4 2017", "2017-10-01"),
    (interval("2017-H2", D(2017, 7, 1), D(2017, 12, 31), "half"), "Second half of 2017", "2017-07-01"),
    (interval("2012", D(2012, 1, 1), D(2012, 12, 31), "year"), "2012", "2012"),
    (interval("199", D(1990, 1, 1), D(1999, 12, 31), "decade"), "1990s", "1990"),
    (interval("19", D(1900, 1, 1), D(1999, 12, 31), "century"), "20th century", "1900"),
    (interval("2", D(2000, 1, 1), D(2999, 12, 31), "millennium"), "2000\u20132999", "2000"),
    (interval("2017-11-02T14", datetime(2017, 11, 2, 14), datetime(2017, 11, 2, 14, 59), "hour"),
     "Thu 2 Nov 2017, 14:00", "2017-11-02T14:00"),
    (interval("2017-11-02T06:17-05:00", datetime(2017, 11, 2, 6, 17), datetime(2017, 11, 2, 6, 17), "minute"),
     "Thu 2 Nov 2017, 06:17 UTC-05:00", "2017-11-02T06:17-05:00"),
    # ordinals: 21st, 22nd, 23rd, but 11th, 12th
    (interval("20", D(2000, 1, 1), D(2099, 12, 31), "century"), "21st century", "2000"),
    (interval("10", D(1000, 1, 1), D(1099, 12, 31), "century"), "11th century", "1000"),
    (interval("21", D(2100, 1, 1), D(2199, 12, 31), "century"), "22nd century", "2100"),
    (interval("22", D(2200, 1, 1), D(2299, 12, 31), "century"), "23rd century", "2200"),
    (interval("11", D(1100, 1, 1), D(1199, 12, 31), "century"), "12th century", "1100"),
]


@pytest.mark.parametrize(("value", "label", "attribute"), CASES, ids=[c[1] for c in CASES])
def test_label_and_datetime_attribute(value: DateInterval, label: str, attribute: str) -> None:
    assert date_label(value) == label
    assert datetime_attribute(value) == attribute


def test_group_keys_put_long_periods_at_the_top_of_their_year() -> None:
    assert group_keys(CASES[0][0]) == ("2017", "October 2017")
    assert group_keys(CASES[8][0]) == ("2017", None)
    assert group_keys(CASES[11][0]) == ("1990s", None)


def test_clock_end_is_exclusive() -> None:
    est = timezone(timedelta(hours=-5))
    minute = interval("x", datetime(2017, 11, 2, 6, 17, tzinfo=est), datetime(2017, 11, 2, 6, 17, tzinfo=est),
                      "minute")
    assert clock_end(minute) == datetime(2017, 11, 2, 6, 18, tzinfo=est)
    assert clock_end(CASES[14][0]) == datetime(2017, 11, 2, 15, 0)
    hour = interval("2017-11-02T14", datetime(2017, 11, 2, 14), datetime(2017, 11, 2, 14), "hour")
    assert clock_end(hour) == datetime(2017, 11, 2, 15, 0)
    seconds = interval("x", datetime(2017, 11, 2, 6, 17), datetime(2017, 11, 2, 6, 17, 59), "minute")
    assert clock_end(seconds) == datetime(2017, 11, 2, 6, 18)
