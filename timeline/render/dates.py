"""How a resolved date reads to people: labels that say exactly as much as the
granularity knows ("Tue 31 Oct 2017", "Week of 23 Oct 2017", "October 2017",
"Q4 2017", "1990s"), machine-readable ``<time datetime>`` values, and the
calendar pieces every export shares (first day, exclusive end, zone).

English wording lives in ``data/labels.json``."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from timeline.model import DateInterval
from timeline.render.labels import labels

# granularities finer than a day: the interval carries a clock time
CLOCK_GRANULARITIES = frozenset({"minute", "hour"})
# week or coarser: calendar exports follow Settings.coarse_dates for these
COARSE_GRANULARITIES = frozenset(
    {"week", "weekend", "month", "season", "quarter", "half", "year", "decade", "century", "millennium"}
)
# coarser than a month: they do not belong to one month of a year
LONGER_THAN_MONTH = frozenset({"season", "quarter", "half", "year", "decade", "century", "millennium"})
LONGER_THAN_YEAR = frozenset({"decade", "century", "millennium"})
# between the two TIMEX3 values of a range's interval ("1950/1953", ISO 8601)
RANGE_SEPARATOR = "/"


def day_of(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def has_clock_time(interval: DateInterval) -> bool:
    return interval.granularity in CLOCK_GRANULARITIES and isinstance(interval.start, datetime)


def format_day(day: date, weekday: bool = True) -> str:
    """``Tue 31 Oct 2017`` (or ``31 Oct 2017`` without the weekday)."""
    words = labels()
    text = f"{day.day} {words['months_short'][day.month - 1]} {day.year}"
    return f"{words['weekdays_short'][day.weekday()]} {text}" if weekday else text


def format_month(day: date) -> str:
    return f"{labels()['months'][day.month - 1]} {day.year}"


def format_clock(moment: datetime) -> str:
    """``06:17`` plus the zone name when the time has one (``06:17 EST``)."""
    text = moment.strftime("%H:%M")
    zone = moment.tzname()
    return f"{text} {zone}" if zone else text


def date_label(interval: DateInterval, zone: tzinfo | None = None) -> str:
    """The label a reader sees, matching what the granularity knows.
    ``zone`` is the article's zone, for clock times whose value has none."""
    words = labels()
    start, end = day_of(interval.start), day_of(interval.end)
    granularity = interval.granularity
    if granularity in CLOCK_GRANULARITIES:
        if isinstance(interval.start, datetime):
            return f"{format_day(start)}, {format_clock(_zoned_start(interval, zone))}"
        return format_day(start)
    if granularity == "partofday":
        part = words["parts_of_day"].get(interval.value.rpartition("T")[2], "")
        return f"{format_day(start)}, {part}" if part else format_day(start)
    if granularity == "day":
        if end > start:
            first = format_day(start, weekday=False)
            if start.year == end.year:  # "3 Nov – 2 Dec 2017", "3 – 14 Nov 2017"
                first = first.rsplit(" ", 1)[0] if start.month != end.month else str(start.day)
            return words["day_range"].format(start=first, end=format_day(end, weekday=False))
        return format_day(start)
    if RANGE_SEPARATOR in interval.value:  # the ends of a range: "1950 – 1953"
        ends = [_end_label(part, start) for part in interval.value.split(RANGE_SEPARATOR, 1)]
        if all(ends):
            return words["day_range"].format(start=ends[0], end=ends[1])
    if granularity in ("week", "weekend"):
        return str(words[granularity].format(day=format_day(start, weekday=False)))
    if granularity == "month":
        return format_month(start)
    if granularity == "season":
        season = words["seasons"].get(interval.value.rpartition("-")[2], "")
        return f"{season} {interval.value[:4]}" if season else format_month(start)
    if granularity == "quarter":
        return str(words["quarter"].format(quarter=(start.month - 1) // 3 + 1, year=start.year))
    if granularity == "half":
        return str(words["halves"][0 if start.month <= 6 else 1].format(year=start.year))
    if granularity == "year":
        return str(start.year)
    if granularity == "decade":
        return str(words["decade"].format(year=start.year))
    if granularity == "century":
        # "20th century", not "The 1900s": a decade's "1900s" is its first ten years
        return str(words["century"].format(ordinal=ordinal(start.year // 100 + 1)))
    return str(words["millennium"].format(start=start.year, end=end.year))


def _end_label(value: str, published: date) -> str | None:
    """The label of one end of a range, from its TIMEX3 value."""
    from timeline.events.interval import interval  # the events stage builds on this module

    end = interval(value, published)
    if end is None:
        return None
    return format_day(day_of(end.start), weekday=False) if end.granularity == "day" else date_label(end)


def ordinal(n: int) -> str:
    """``21st``: the plural category of English ordinals picks the form."""
    forms = labels()["ordinals"]
    tens, units = n % 100, n % 10
    category = "other" if 11 <= tens <= 13 else {1: "one", 2: "two", 3: "few"}.get(units, "other")
    return str(forms[category].format(n=n))


def datetime_attribute(interval: DateInterval, zone: tzinfo | None = None) -> str:
    """A valid HTML ``<time datetime>`` value at the interval's precision."""
    start = day_of(interval.start)
    granularity = interval.granularity
    if granularity in CLOCK_GRANULARITIES and isinstance(interval.start, datetime):
        return _zoned_start(interval, zone).isoformat(timespec="minutes")
    if granularity in ("week", "weekend"):
        year, week, _ = start.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if granularity == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if granularity in ("year",) or granularity in LONGER_THAN_YEAR:
        return f"{start.year:04d}"
    return start.isoformat()


def zone_from_value(value: str) -> tzinfo | None:
    """The UTC offset a TIMEX3 value spells out (``2017-11-02T06:17-05:00``)."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.tzinfo


def _zoned_start(interval: DateInterval, zone: tzinfo | None) -> datetime:
    start = interval.start
    assert isinstance(start, datetime)
    return zoned(start, interval.value, zone)


def zoned(moment: datetime, value: str, fallback: tzinfo | None) -> datetime:
    """``moment`` with a zone: its own, else the value's, else ``fallback``
    (the article's publication zone); naive when none is known."""
    if moment.tzinfo is not None:
        return moment
    zone = zone_from_value(value) or fallback
    return moment.replace(tzinfo=zone) if zone is not None else moment


def clock_end(interval: DateInterval) -> datetime:
    """The exclusive end of a clock-time interval (``end`` is inclusive)."""
    start, end = interval.start, interval.end
    assert isinstance(start, datetime)
    if not isinstance(end, datetime) or end < start:
        end = start
    step = timedelta(hours=1) if interval.granularity == "hour" and end.minute == 0 else timedelta(minutes=1)
    if end.second:
        step = timedelta(seconds=1)
    return end + step


def group_keys(interval: DateInterval) -> tuple[str, str | None]:
    """(year heading, month heading or None) under which an entry is listed."""
    start = day_of(interval.start)
    if interval.granularity in LONGER_THAN_YEAR:
        return date_label(interval), None
    if interval.granularity in LONGER_THAN_MONTH:
        return str(start.year), None
    return str(start.year), format_month(start)
