"""Resolution: an underspecified :class:`Spec` + a reference -> a TIMEX3 value.

The reference is the publication date, or for anaphoric expressions ("the
next day", "a year earlier", "that month") the last date the text mentioned.
``direction`` (from tense, see tense.py) picks the past or the coming
occurrence of a weekday, or of a month or holiday without a year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import EASTER_WESTERN, easter

from timeline.temporal.calendar import (
    MAX_YEAR, MIN_YEAR, SEASONS, Period, add_days, finer, nth_weekday, safe_date, weekday_near,
)
from timeline.temporal.tense import Direction
from timeline.temporal.values import Spec, duration_value, valid_value, zone_suffix

# how far tense may push a date without year away from its nearest occurrence:
# a month ("resigned in March") follows tense; a day said in a reported
# clause ("payable Dec. 7", said in October) is the nearest one beyond this
TENSE_WINDOW_DAYS = {"month": 366, "season": 366}
TENSE_WINDOW_DEFAULT = 213
TENSE_WINDOW_FIRM = 366
# a month inside a noun phrase of a past clause ("his confirmation hearing in
# January", said in November), a day under a simple past verb ("met him at a
# Jan. 20 inaugural event") is the past one, unless the coming one begins
# within this many days ("notified of a cutback in September", said in August)
NEAR_FUTURE_DAYS = 31
_HALF_QUARTER_DAYS = 45
# a weekday of a noun ("Thursday's meeting") leans the way its verb points;
# the other side wins when it is this many times nearer
NEAR_SIDE_FACTOR = 2
# December opens a winter, but calendar.py files it under the year's first
# season (index 0): for "last/next <season>" it comes after the fall
_WINTER_START_MONTH = 12
_HOLIDAY_WEEKDAYS = {"MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7}
# movable feasts are written "EASTER", "EASTER-2" (Good Friday), "EASTER+1";
# the Gregorian Easter computation holds for these years
_EASTER = "EASTER"
_EASTER_YEARS = range(1583, 4100)


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str
    period: Period | None  # the calendar period, when the value is one
    anchored: str | None  # "t0" (publication date), "last" (last mentioned date) or None


def resolve(spec: Spec, published: date, last: Period | None, direction: Direction) -> Resolved | None:
    """The TIMEX3 value of ``spec``; None when it cannot be computed (out of range)."""
    out = _resolve(spec, published, last, direction)
    if out is not None and (spec.week_of or spec.year_of) and out.period is not None:
        coarse = out.period.to("week" if spec.week_of else "year")
        out = None if coarse is None else Resolved(coarse.value(), coarse, out.anchored)
    if out is not None and spec.day_offset and out.period is not None and out.period.gran == "day":
        day = out.period.shift("day", spec.day_offset)
        out = None if day is None else Resolved(day.value(), day, out.anchored)
    if out is not None and spec.zone and out.period is not None and out.period.hour is not None \
            and out.period.day is not None:
        out = Resolved(out.value + zone_suffix(spec.zone, out.period.day, out.period.hour), out.period, out.anchored)
    if out is None or not valid_value(out.value):
        return None
    return out


def _resolve(spec: Spec, published: date, last: Period | None, direction: Direction) -> Resolved | None:
    if spec.ref is not None:
        return Resolved(spec.ref, None, "t0")
    if spec.type == "DURATION":
        value = duration_value(spec.amount or "X", spec.unit or "")
        return Resolved(value, None, "t0" if spec.trailing else None) if value else None
    if spec.type == "SET":
        return _set(spec)
    dct = Period.of_day(published)
    if spec.year is not None:
        year = _full_year(spec, published)
        return _absolute(spec, year, None)
    if spec.century is not None:
        return _bounded(Period("century", spec.century * 100), None)
    if spec.decade is not None:
        return _bounded(Period("decade", spec.decade * 10), None)
    if spec.decade_in_century is not None:  # "the '90s": the latest decade with those digits
        start = published.year // 100 * 100 + spec.decade_in_century * 10
        return _bounded(Period("decade", start - 100 if start > published.year else start), "t0")
    if spec.reuse:
        return _report_period(spec, dct, last)
    if spec.shift is not None:
        return _shifted(spec, dct, last)
    return _partial(spec, published, direction)


def _bounded(p: Period | None, anchored: str | None) -> Resolved | None:
    if p is None or not MIN_YEAR <= p.year <= MAX_YEAR:
        return None
    return Resolved(p.value(), p, anchored)


def _full_year(spec: Spec, published: date) -> int:
    """A two-digit year takes the century that puts it nearest the publication date."""
    if spec.year is None:
        return published.year
    if not spec.two_digit_year:
        return spec.year
    century = published.year // 100 * 100
    candidates = [century - 100 + spec.year, century + spec.year, century + 100 + spec.year]
    return min(candidates, key=lambda y: (abs(y - published.year), y))


def _absolute(spec: Spec, year: int, anchored: str | None) -> Resolved | None:
    """The most specific period the fields give, within ``year``."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if spec.month is not None and spec.day is not None:
        day = safe_date(year, spec.month, spec.day)
        if day is None:  # "February 30": keep what is certain
            return _bounded(Period("month", year, spec.month) if 1 <= spec.month <= 12 else None, anchored)
        return _bounded(_with_time(spec, Period.of_day(day)), anchored)
    if spec.holiday is not None:
        day = _holiday(spec.holiday, year)
        return _bounded(None if day is None else _with_time(spec, Period.of_day(day)), anchored)
    if spec.month is not None:
        return _bounded(Period("month", year, spec.month) if 1 <= spec.month <= 12 else None, anchored)
    if spec.quarter is not None:
        return _bounded(Period("quarter", year, spec.quarter), anchored)
    if spec.half is not None:
        return _bounded(Period("half", year, spec.half), anchored)
    if spec.season is not None:
        return _bounded(Period("season", year, spec.season), anchored)
    return _bounded(Period("year", year), anchored)


def _with_time(spec: Spec, day: Period) -> Period:
    """``day`` at the spec's clock time or part of day.  A time needs a day:
    a coarser reference ("in 2016 ... the previous afternoon") stays as it
    is, as "the previous day" after a year does, instead of becoming a time
    of day with no day (which has no TIMEX3 value)."""
    if day.day is None:
        return day
    if spec.hour is not None:
        gran = "minute" if spec.minute is not None else "hour"
        return Period(gran, day.year, day.index, day.day, hour=spec.hour, minute=spec.minute)
    if spec.pod is not None:
        return Period("partofday", day.year, day.index, day.day, pod=spec.pod)
    return day


def _holiday(code: str, year: int) -> date | None:
    """"12-25" fixed, "11-TH4" 4th Thursday, "05-MOL" last Monday, "11-TU1A"
    the Tuesday after the first Monday (US election day), "EASTER-2" two days
    before Easter Sunday."""
    if code.startswith(_EASTER):
        return _easter_based(code[len(_EASTER):], year)
    month_s, _, rule = code.partition("-")
    month = int(month_s)
    if rule.isdigit():
        return safe_date(year, month, int(rule))
    weekday = _HOLIDAY_WEEKDAYS.get(rule[:2])
    if weekday is None:
        return None
    if rule.endswith("A"):  # the weekday after the first Monday
        monday = nth_weekday(year, month, 1, 1)
        return None if monday is None else weekday_near(monday, weekday, 1) if weekday != 1 else monday
    nth = -1 if rule[2:] == "L" else int(rule[2:] or 1)
    return nth_weekday(year, month, weekday, nth)


def _easter_based(offset: str, year: int) -> date | None:
    if year not in _EASTER_YEARS:
        return None
    return easter(year, EASTER_WESTERN) + timedelta(days=int(offset or 0))


def _holiday_around(spec: Spec, ref_day: date, n: int, anchored: str) -> Resolved | None:
    """The holiday of the reference year, or the latest one before (n < 0)
    or the first one after (n > 0) the reference day."""
    assert spec.holiday is not None
    year = ref_day.year
    day = _holiday(spec.holiday, year)
    if day is not None and n < 0 and day >= ref_day:
        year -= 1
    elif day is not None and n > 0 and day <= ref_day:
        year += 1
    return _absolute(spec, year, anchored)


def _shifted(spec: Spec, dct: Period, last: Period | None) -> Resolved | None:
    assert spec.shift is not None
    unit, n = spec.shift
    use_last = spec.anaphoric and last is not None and (last.day is not None or not spec.day_reference_only)
    ref = last if use_last and last is not None else dct
    anchored = "last" if use_last else "t0"
    ref_day = ref.first_day() if ref.day is None else ref.day
    if ref_day is None:
        return None
    if spec.weekday is not None:  # last Friday, next Monday, this Thursday
        day = weekday_near(ref_day, spec.weekday, -1 if n < 0 else 1 if n > 0 else 0)
        if day is not None and n != 0 and day == ref_day:  # "last Friday" said on a Friday
            day = add_days(ref_day, 7 * n)
        return _bounded(None if day is None else _with_time(spec, Period.of_day(day)), anchored)
    if spec.holiday is not None:  # "last Thanksgiving", "next Christmas"
        return _holiday_around(spec, ref_day, n, anchored)
    named = spec.month is not None or spec.quarter is not None or spec.half is not None or spec.season is not None
    if named and unit == "year":  # "June last year", "the second half of next year"
        return _absolute(spec, ref_day.year + n, anchored)
    if spec.month is not None or spec.season is not None or spec.quarter is not None:
        return _named_in_year(spec, ref_day, n, anchored)
    if unit == "day":
        p = ref.to("day") if ref.day is not None else None
        p = p.shift("day", n) if p is not None else ref
        return _bounded(None if p is None else _with_time(spec, p), anchored)
    if unit in ("hour", "minute", "anchor"):
        return _bounded(ref.to("day") if ref.day is not None else ref, anchored)
    if spec.keep_granularity and last is not None and unit == "year" and n == -1 \
            and last.gran in ("quarter", "half") and last.year >= dct.year - 1:
        # "a year earlier/ago" after "the third quarter": the same quarter a year before
        return _bounded(last.shift(unit, n), "last")
    if spec.keep_granularity and use_last and finer(ref.gran, unit) \
            and ref.gran not in ("partofday", "hour", "minute"):
        return _bounded(ref.shift(unit, n), anchored)
    base = ref.to(unit)
    return _bounded(None if base is None else base.shift(unit, n), anchored)


def agreeing_weekday(spec: Spec, found: Resolved, published: date) -> Resolved:
    """A day without year that names its weekday ("THURSDAY, DEC. 14", said
    on Nov. 27, 2017) whose year ``found`` (2016) makes it another weekday
    moves to the year before or after where it is that weekday (2017), when
    exactly one of them is; else ``found`` stays."""
    day = found.period.day if found.period is not None else None
    if spec.weekday is None or spec.month is None or spec.day is None or spec.year is not None \
            or day is None or day.isoweekday() == spec.weekday:
        return found
    agreeing = [r for r in (_absolute(spec, day.year + n, found.anchored) for n in (-1, 1))
                if r is not None and r.period is not None and r.period.day is not None
                and r.period.day.isoweekday() == spec.weekday]
    return agreeing[0] if len(agreeing) == 1 else found


def range_partner(spec: Spec, other: Period, after: bool) -> Resolved | None:
    """A month or day without year at one end of a range whose other end is
    ``other``: the first occurrence from ``other`` on (``after``: "from Jan. 20
    to Feb. 13") or the last one up to it ("from June to August of 2016").
    None when ``spec`` is not such a date."""
    if spec.month is None or spec.year is not None or spec.shift is not None or spec.reuse \
            or spec.holiday is not None:
        return None
    ref = other.first_day()
    if ref is None:
        return None
    found = _absolute(spec, ref.year, "last")
    start = found.period.first_day() if found is not None and found.period is not None else None
    if start is not None and after and start < ref:
        found = _absolute(spec, ref.year + 1, "last")
    elif start is not None and not after and start > ref:
        found = _absolute(spec, ref.year - 1, "last")
    return found


def _report_period(spec: Spec, dct: Period, last: Period | None) -> Resolved | None:
    base: Period | None
    if spec.period_end is not None:
        return _bounded(_quarter_ended(*spec.period_end, dct), "t0")
    if spec.quarter is not None:  # "the year-ago third quarter"
        base, anchored = Period("quarter", dct.year, spec.quarter), "t0"
    elif last is not None and last.gran in spec.reuse and last.year >= dct.year - 1 and _begun(last, dct):
        # the period under discussion; one still ahead ("the third quarter of 1990") is an outlook
        base, anchored = last, "last"
    else:
        gran, n = spec.fallback or ("quarter", -1)
        start = dct.to(gran)
        base, anchored = (None if start is None else start.shift(gran, n)), "t0"
    if base is not None and spec.reuse_year is not None:
        base = base.shift("year", spec.reuse_year - base.year)
    if base is not None and spec.shift is not None:
        base = base.shift(*spec.shift)
    return _bounded(base, anchored)


def _quarter_ended(month: int, day: int, dct: Period) -> Period | None:
    """The calendar quarter most of the three months up to the latest
    ``month``/``day`` (not after the publication date) fall in: "the quarter
    ended July 31" is May-July, the second quarter."""
    today = dct.first_day()
    if today is None:
        return None
    end = safe_date(today.year, month, day)
    if end is not None and end > today:
        end = safe_date(today.year - 1, month, day)
    middle = None if end is None else add_days(end, -_HALF_QUARTER_DAYS)
    return None if middle is None else Period.of_day(middle).to("quarter")


def _begun(p: Period, dct: Period) -> bool:
    first, today = p.first_day(), dct.first_day()
    return first is not None and today is not None and first <= today


def _named_in_year(spec: Spec, ref_day: date, n: int, anchored: str) -> Resolved | None:
    """"last November", "this summer", "next March": the named period of the
    reference year, the one before (n < 0: the latest one before the
    reference) or after."""
    if spec.month is not None:
        gran, index, current = "month", spec.month, ref_day.month
    elif spec.season is not None:
        gran, index = "season", spec.season
        current = Period.of_day(ref_day).to("season").index  # type: ignore[union-attr]
        if ref_day.month == _WINTER_START_MONTH:
            current = len(SEASONS)  # "last summer" said in December is this year's
    else:
        gran, index, current = "quarter", spec.quarter or 1, (ref_day.month - 1) // 3 + 1
    year = ref_day.year
    if n < 0 and index >= current:
        year -= 1
    elif n > 0 and index <= current:
        year += 1
    return _absolute(spec, year, anchored)  # with its day when one is given: "next Sept. 30"


def _partial(spec: Spec, published: date, tense: Direction) -> Resolved | None:
    """A weekday, a month or day without year, a quarter, a holiday: placed
    around the publication date by tense (-1 past, +1 future, 0 the nearest)."""
    direction = tense.way
    if spec.weekend:  # "over the weekend": the last one, or the coming one
        day = weekday_near(published, 6, direction if direction else -1)
        weekend = None if day is None else Period.of_day(day).to("weekend")
        return _bounded(weekend, "t0")
    if spec.weekday is not None and spec.month is None:
        day = weekday_near(published, spec.weekday, direction if direction else -1)
        if tense.nearest:  # a weekday of a noun with no tense of its own leans to the past
            lean = direction if direction or not tense.embedded else -1
            day = _nearest_weekday(spec.weekday, published, lean) or day
        return _bounded(None if day is None else _with_time(spec, Period.of_day(day)), "t0")
    if spec.month is None and spec.quarter is None and spec.half is None and spec.season is None \
            and spec.holiday is None:
        if spec.hour is not None or spec.pod is not None:
            return _bounded(_with_time(spec, Period.of_day(published)), "t0")
        return None
    year = published.year
    if spec.quarter is not None or spec.half is not None:
        return _reported_period(spec, published, direction)
    first = _absolute(spec, year, "t0")
    if first is None or first.period is None:
        return first
    start = first.period.first_day()
    ref = Period.of_day(published).to(first.period.gran)
    ref_start = ref.first_day() if ref is not None else None
    if start is None or ref_start is None:
        return first
    # tense decides only within a few months; beyond that the nearest occurrence
    # wins ("payable Dec. 7" said in October is this December)
    before = _absolute(spec, year - 1, "t0") if start > ref_start else first
    after = _absolute(spec, year + 1, "t0") if start < ref_start else first
    near_future = after is not None and _days_away(after, published) <= NEAR_FUTURE_DAYS
    embedded = tense.embedded and not (direction < 0 and not near_future)
    window = TENSE_WINDOW_DEFAULT if embedded else TENSE_WINDOW_DAYS.get(first.period.gran, TENSE_WINDOW_DEFAULT)
    # "exchanged messages on Inauguration Day" said in December: a simple past
    # places a day up to a year back; "payable Dec. 7" (an adjective) does not
    if tense.firm or (tense.finite_past and not near_future):
        window = TENSE_WINDOW_FIRM
    if direction < 0 and before is not None and _days_away(before, published) <= window:
        return before
    if direction > 0 and after is not None and _days_away(after, published) <= window:
        return after
    options = [r for r in (before, first, after) if r is not None and r.period is not None]
    # the nearest; a tie goes to the past
    return min(options, key=lambda r: (_days_away(r, published), r is after and r is not first))


def _nearest_weekday(weekday: int, published: date, lean: int) -> date | None:
    """The nearest ``weekday`` to the publication day: "ahead of Tuesday's
    election" said on Saturday is the coming one.  With a ``lean`` (the way
    the verb points) the other side wins only when under half as far:
    "Thursday's closing price" said on a Monday is the past one, "victories in
    the elections on Tuesday should be a warning" said on Wednesday too."""
    behind, ahead = weekday_near(published, weekday, -1), weekday_near(published, weekday, 1)
    if behind is None or ahead is None:
        return None
    back, forth = (published - behind).days, (ahead - published).days
    if lean > 0:
        return behind if back * NEAR_SIDE_FACTOR < forth else ahead
    if lean < 0:
        return ahead if forth * NEAR_SIDE_FACTOR < back else behind
    return ahead if forth < back else behind


def _reported_period(spec: Spec, published: date, direction: int) -> Resolved | None:
    """A quarter or half without year is this year's when it has begun by the
    publication date; a later one is last year's (the latest completed
    one), unless the verb points to the future."""
    current = Period.of_day(published).to("quarter" if spec.quarter is not None else "half")
    index = spec.quarter if spec.quarter is not None else spec.half
    if current is None or index is None:
        return None
    year = published.year
    if index > current.index and direction <= 0:
        year -= 1
    return _absolute(spec, year, "t0")


def _days_away(r: Resolved, published: date) -> int:
    """Days between the publication date and the period: to its start when it
    lies ahead, to its end when it lies behind ("May" said on Dec. 3 is 186
    days back, not 216), 0 inside it."""
    assert r.period is not None
    start = r.period.first_day()
    if start is None:
        return 10**6
    if start >= published:
        return (start - published).days
    end = r.period.day_after()
    return max(0, (published - end).days + 1) if end is not None else (published - start).days


def _set(spec: Spec) -> Resolved | None:
    if spec.set_value is not None:
        return Resolved(spec.set_value, None, None)
    if spec.weekday is not None:
        time = f"T{spec.pod}" if spec.pod else ""
        return Resolved(f"XXXX-WXX-{spec.weekday}{time}", None, None)
    if spec.month is not None:
        return Resolved(f"XXXX-{spec.month:02d}", None, None)
    if spec.unit is not None:
        value = duration_value(spec.amount or "1", spec.unit)
        return Resolved(value, None, None) if value else None
    return None
