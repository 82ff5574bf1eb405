"""The calendar interval a TIMEX3 value covers.

``interval("2017-W43")`` is Monday 2017-10-23 .. Sunday 2017-10-29 at week
granularity; ends are inclusive (the last day, or the last second for
clock times).  Fuzzy values (``PAST_REF``, ``FUTURE_REF``, anything with an
``X``) cover no known interval and give ``None``.

``PRESENT_REF`` ("now", "currently", "these days") is taken as the
publication day here (what a reader of the article understands by "now",
for TimeML's relation to the creation time); the anchorer does not date
events by it (see ``anchor.timex_interval``).
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, datetime, time, timedelta
from typing import Literal

from timeline.model import DateInterval, Granularity
from timeline.render.dates import day_of

_SECOND = timedelta(seconds=1)

# finest first: how timelines order intervals that start together
GRANULARITY_ORDER: tuple[Granularity, ...] = (
    "minute", "hour", "partofday", "day", "weekend", "week", "month", "season",
    "quarter", "half", "year", "decade", "century", "millennium",
)

# parts of the day: start hour and length in hours (night runs into the next morning)
_PARTS_OF_DAY: dict[str, tuple[int, int]] = {
    "MO": (6, 6), "MI": (12, 1), "AF": (12, 6), "EV": (18, 4), "NI": (21, 9), "DT": (6, 12),
}
# meteorological seasons of the northern hemisphere: first month, months covered
_SEASONS: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

Placement = Literal["past", "future", "around"]


def placement(when: DateInterval, day: date) -> Placement:
    """Whether the interval ends before ``day``, starts after it, or holds it."""
    if day_of(when.end) < day:
        return "past"
    if day_of(when.start) > day:
        return "future"
    return "around"


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# a zone offset is accepted and ignored: the interval is in the clock time written
_CLOCK = re.compile(
    r"^(?:(\d{4})-(\d{2})-(\d{2}))?T(\d{2})(?::(\d{2}))?(?::(\d{2}))?(?:[.,]\d+)?(Z|[+-]\d{2}:?\d{2})?$"
)
_PART = re.compile(r"^(?:(\d{4})-(\d{2})-(\d{2}))?T(MO|MI|AF|EV|NI|DT)$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_SUBYEAR = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_YEARISH = re.compile(r"^(\d{1,4})$")


def interval(value: str, published: date | None = None) -> DateInterval | None:
    """The interval of a TIMEX3 DATE/TIME value, or ``None`` when it is fuzzy.

    ``published`` completes values that need it: ``PRESENT_REF`` and clock
    times without a date (``T15:00``).
    """
    value = value.strip()
    try:
        return _interval(value, published)
    except (ValueError, OverflowError):  # impossible dates: 2017-02-30, week 54, T24:00 on 9999-12-31
        return None


def _interval(value: str, published: date | None) -> DateInterval | None:
    if value == "PRESENT_REF":
        return DateInterval(value, published, published, "day") if published else None
    if m := _DAY.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return DateInterval(value, day, day, "day")
    if m := _PART.match(value):
        on = _day_of(m, published)
        if on is None:
            return None
        first_hour, hours = _PARTS_OF_DAY[m[4]]
        start = datetime.combine(on, time(first_hour))
        return DateInterval(value, start, _last(start, timedelta(hours=hours)), "partofday")
    if m := _CLOCK.match(value):
        on = _day_of(m, published)
        if on is None:
            return None
        hour, minute, second = int(m[4]), m[5], m[6]
        if hour == 24:  # T24:00 ("midnight Friday", a deadline) ends its day: its last minute, not Saturday's first
            start = datetime.combine(on, time(23, 59))
            return DateInterval(value, start, _last(start, timedelta(minutes=1)), "minute")
        start = datetime.combine(on, time(hour, int(minute or 0), int(second or 0)))
        if minute is None:
            return DateInterval(value, start, _last(start, timedelta(hours=1)), "hour")
        # the model's finest granularity is the minute; a value with seconds is that very second
        end = start if second is not None else _last(start, timedelta(minutes=1))
        return DateInterval(value, start, end, "minute")
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return DateInterval(value, monday + timedelta(days=5), _last_day(monday, 6), "weekend")
        return DateInterval(value, monday, _last_day(monday, 6), "week")
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        return DateInterval(value, date(year, month, 1), _month_end(year, month), "month")
    if m := _SUBYEAR.match(value):
        return _part_of_year(value, int(m[1]), m[2])
    if m := _YEARISH.match(value):
        digits = m[1]
        # 2017 a year, 201 the 2010s, 19 the 1900s, 2 the 2000s millennium
        width = 10 ** (4 - len(digits))
        first = int(digits) * width
        if first == 0:
            return None  # year 0 does not exist in the proleptic calendar
        granularity: Granularity = ("millennium", "century", "decade", "year")[len(digits) - 1]
        return DateInterval(value, date(first, 1, 1), date(min(first + width - 1, 9999), 12, 31), granularity)
    return None


_TRAILING = re.compile(r"^P(\d{1,4})([YMWD])$")
_TRAILING_GRANULARITY: dict[str, Granularity] = {"Y": "year", "M": "month", "W": "week", "D": "day"}


def trailing(value: str, published: date) -> DateInterval | None:
    """The interval of a duration that ends at the publication date ("in the
    past year" said on 3 Nov 2017: 4 Nov 2016 to 3 Nov 2017), as a range of
    two days; None for amounts that are not whole units (``PXY``)."""
    m = _TRAILING.match(value)
    if m is None:
        return None
    n, unit = int(m[1]), m[2]
    try:
        if unit == "Y":
            before = published.replace(year=published.year - n) if (published.month, published.day) != (2, 29) \
                else date(published.year - n, 2, 28)
        elif unit == "M":
            months = published.year * 12 + published.month - 1 - n
            year, month = divmod(months, 12)
            before = date(year, month + 1, min(published.day, monthrange(year, month + 1)[1]))
        else:
            before = published - timedelta(days=n * (7 if unit == "W" else 1))
        start = before + timedelta(days=1)
    except (ValueError, OverflowError):
        return None
    return DateInterval(f"{start.isoformat()}/{published.isoformat()}", start, published, _TRAILING_GRANULARITY[unit])


def span(first: DateInterval | None, last: DateInterval | None) -> DateInterval | None:
    """The interval from the start of ``first`` to the end of ``last`` (the two
    ends of a range: "Nov. 3-14", "1950-53"), at the coarser of their
    granularities; its value is the ISO 8601 interval of the two TIMEX3
    values (``2017-11-03/2017-11-14``).  None when either is unknown or
    ``last`` ends before ``first`` starts."""
    if first is None or last is None or _as_datetime(last.end) < _as_datetime(first.start):
        return None
    granularity = max(first.granularity, last.granularity, key=GRANULARITY_ORDER.index)
    start, end = first.start, last.end
    if isinstance(start, datetime) != isinstance(end, datetime):  # a clock time and a day: whole days
        start, end = day_of(start), day_of(end)
    return DateInterval(f"{first.value}/{last.value}", start, end, granularity)


def _as_datetime(moment: date | datetime) -> datetime:
    return moment if isinstance(moment, datetime) else datetime.combine(moment, time())


def _part_of_year(value: str, year: int, part: str) -> DateInterval:
    if part[0] == "Q":
        first = 3 * (int(part[1]) - 1) + 1
        return DateInterval(value, date(year, first, 1), _month_end(year, first + 2), "quarter")
    if part[0] == "H":
        first = 6 * (int(part[1]) - 1) + 1
        return DateInterval(value, date(year, first, 1), _month_end(year, first + 5), "half")
    first = _SEASONS[part]
    last_year, last_month = (year + 1, 2) if first == 12 else (year, first + 2)
    return DateInterval(value, date(year, first, 1), _month_end(last_year, last_month), "season")


def _day_of(m: re.Match[str], published: date | None) -> date | None:
    if m[1]:
        return date(int(m[1]), int(m[2]), int(m[3]))
    return published


def _last(start: datetime, length: timedelta) -> datetime:
    """The last second of a period of ``length`` from ``start``; the calendar's
    last second when the period runs past year 9999."""
    if start > datetime.max - length:
        return datetime.max.replace(microsecond=0)
    return start + length - _SECOND


def _last_day(first: date, days: int) -> date:
    """``first`` + ``days``, or the calendar's last day when that is past year 9999."""
    return first + timedelta(days=days) if first <= date.max - timedelta(days=days) else date.max


def _month_end(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])


def is_fuzzy(value: str) -> bool:
    """True for values that name no calendar interval (``PAST_REF``, ``2017-XX``...)."""
    return interval(value, date(2000, 1, 1)) is None
