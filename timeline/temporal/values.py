"""Underspecified temporal values (the normaliser's output, Duckling style:
no reference time) and the TIMEX3 value grammar every output must match."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from timeline.model import TimexType

# TIMEX3 (TimeML 1.2.1 / TIDES 2005) values this package produces
_DATE = (
    r"(?:[0-9X]{1,4}"
    r"(?:-(?:Q[1-4X]|H[12X]|SP|SU|FA|WI|W(?:0[1-9]|[1-4][0-9]|5[0-3]|XX)(?:-WE|-[1-7])?"
    r"|(?:0[1-9]|1[0-2]|XX)(?:-(?:0[1-9]|[12][0-9]|3[01]|XX))?))?)"
)
# a clock time may carry the zone the text wrote ("10 a.m. GMT": T10:00Z, "0914 EST": T09:14-05:00)
_ZONE = r"(?:Z|[+-](?:0[0-9]|1[0-4]):[0-5][0-9])"
_TIME = rf"(?:T(?:MO|AF|EV|NI|MI|DT|(?:[01][0-9]|2[0-4])(?::[0-5][0-9])?{_ZONE}?))"
_N = r"(?:[0-9]+(?:\.[0-9]+)?|X)"
_DURATION = (
    rf"(?:P(?:{_N}(?:Q|DE|CE|ML|WE)"
    rf"|(?=[0-9X]|T[0-9X])(?:{_N}Y)?(?:{_N}M)?(?:{_N}W)?(?:{_N}D)?(?:T(?=[0-9X])(?:{_N}H)?(?:{_N}M)?(?:{_N}S)?)?))"
)
VALUE_GRAMMAR = re.compile(
    rf"(?:PRESENT_REF|PAST_REF|FUTURE_REF|{_DATE}{_TIME}?|{_DURATION}|XXXX-WXX-[1-7]{_TIME}?)"
)


def valid_value(value: str) -> bool:
    return VALUE_GRAMMAR.fullmatch(value) is not None


def zone_suffix(zone: str, day: date, hour: int) -> str:
    """The TIMEX3 zone suffix of a clock time: ``Z``, ``-05:00``; an IANA zone
    ("America/New_York" for "ET") gives its offset on that day and hour."""
    if zone == "Z" or zone[:1] in "+-":
        return zone
    try:
        offset = datetime(day.year, day.month, day.day, min(hour, 23), tzinfo=ZoneInfo(zone)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError, OverflowError):
        return ""
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "Z"
    sign = "+" if minutes > 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@dataclass(frozen=True, slots=True)
class Spec:
    """What an expression says, before any reference time is known.

    Calendar fields that the text gave (``year``, ``month``, ``day``,
    ``weekday``...), a ``shift`` of whole units from a reference ("last
    month" = ``("month", -1)``), whether that reference is the last
    mentioned date (``anaphoric``) or the publication date, and for
    durations and sets the ``amount`` and ``unit``.
    """

    type: TimexType
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    quarter: int | None = None
    half: int | None = None
    season: int | None = None  # calendar.SEASONS index
    decade: int | None = None  # 199 for the 1990s
    decade_in_century: int | None = None  # the nineties: 9
    century: int | None = None  # 19 for the 20th century
    pod: str | None = None
    hour: int | None = None
    minute: int | None = None
    zone: str | None = None  # "Z", "-05:00" or an IANA zone (data/time_zones.json)
    holiday: str | None = None  # "12-25", "11-TH4" (4th Thursday), "05-MOL" (last Monday)
    shift: tuple[str, int] | None = None
    anaphoric: bool = False
    amount: str | None = None  # durations: "5", "0.5", "X"
    # durations: "the past year" ends at the publication date (TimeML endPoint t0)
    trailing: bool = False
    unit: str | None = None  # durations: Y M W D H MIN S Q DE CE WE
    set_value: str | None = None
    ref: str | None = None  # PRESENT_REF, PAST_REF, FUTURE_REF
    mod: str | None = None
    quant: str | None = None
    two_digit_year: bool = False
    # a day or month without year, a weekday: which one depends on tense
    needs_direction: bool = False
    weekend: bool = False
    # "a year earlier" after "the third quarter": shift the last date, keeping its granularity
    keep_granularity: bool = False
    # reporting periods ("the quarter", "the year-earlier period"): the last
    # mentioned date when it has one of these granularities, else ``fallback``
    # (granularity, shift) from the publication date; then ``shift`` applies
    reuse: tuple[str, ...] = ()
    fallback: tuple[str, int] | None = None
    reuse_year: int | None = None
    # "the quarter ended July 31": the quarter is the three months up to that (month, day)
    period_end: tuple[int, int] | None = None
    # "the week of March 6": the ISO week of the day given
    week_of: bool = False
    # "the new year": the year of the nearest New Year's Day
    year_of: bool = False
    # "the day before last Tuesday": days to add to the day named
    day_offset: int = 0
    # "the second day of the offensive": anaphoric only to a day, else the publication date
    day_reference_only: bool = False


# a half of a unit in the next smaller one: 2 1/2 years = P2Y6M, 5 1/2 hours = PT5H30M
# decades, centuries, quarter and half centuries, in years
_YEARS_IN = {"DE": 10, "CE": 100, "QCE": 25, "HCE": 50}
_WITH_HALF = {"Y": ("P{}Y6M", "P6M"), "D": ("P{}DT12H", "PT12H"), "H": ("PT{}H30M", "PT30M"),
              "MIN": ("PT{}M30S", "PT30S")}


def duration_value(amount: str, unit: str) -> str | None:
    """``P5Y``, ``PT3H``, ``PXD`` from an amount and a unit code."""
    if amount.endswith(".5") and unit in _WITH_HALF:
        whole = amount[:-2]
        with_whole, half_only = _WITH_HALF[unit]
        return with_whole.format(whole) if whole != "0" else half_only
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{'M' if unit == 'MIN' else unit}"
    if unit == "FN":
        return f"P{_times(amount, 2)}W"
    if unit == "SEASON":  # a season is three months
        return f"P{_times(amount, 3)}M"
    if unit in _YEARS_IN:  # TimeBank writes decades and centuries in years
        return f"P{_times(amount, _YEARS_IN[unit])}Y"
    if unit in ("Y", "M", "W", "D", "Q", "WE"):
        return f"P{amount}{unit}"
    if unit == "MI":
        return f"P{amount}ML"
    return None


def _times(amount: str, k: int) -> str:
    if amount == "X":
        return "X"
    return format_amount(float(amount) * k)


def format_amount(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:g}"
