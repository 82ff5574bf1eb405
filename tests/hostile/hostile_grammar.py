"""The TIMEX3 value grammar (TimeML 1.2.1 / TIDES 2005), written out as one
regex, plus the calendar checks a regex cannot make (2017-02-30, week 53 of
a short year, year 0).  Used by the hostile tests to judge every value the
tool produces; it is deliberately independent of timeline/ code."""

from __future__ import annotations

import re
from datetime import date

_DIGITS_OR_X = r"(?:\d+(?:\.\d+)?|X+)"
# years: four digits, right-padded with X when unknown (19XX, 199X, XXXX);
# optional fiscal-year and BC prefixes
_YEAR4 = r"(?:\d{4}|\d{3}X|\d{2}XX|\dXXX|XXXX)"
_MONTH = r"(?:0[1-9]|1[0-2]|XX)"
_DAY = r"(?:0[1-9]|[12]\d|3[01]|XX)"
_WEEK = r"(?:0[1-9]|[1-4]\d|5[0-3]|XX)"
_PART_OF_YEAR = r"(?:Q[1-4X]|H[12X]|SP|SU|FA|WI)"
_CLOCK = r"(?:(?:[01]\d|2[0-3])(?::[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)?|24(?::00(?::00)?)?)"
_PART_OF_DAY = r"(?:MO|MI|AF|EV|NI|DT)"
_ZONE = r"(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?"
_TIME = rf"T(?:{_CLOCK}|{_PART_OF_DAY}){_ZONE}"
_DAY_DATE = rf"{_YEAR4}-{_MONTH}-{_DAY}|{_YEAR4}-W{_WEEK}-(?:[1-7]|X)"
_DATE = (
    rf"(?:BC)?(?:"
    rf"(?:{_DAY_DATE})(?:{_TIME})?"  # days, week days, with an optional time
    rf"|{_YEAR4}-W{_WEEK}(?:-WE)?"  # weeks and weekends
    rf"|(?:FY)?{_YEAR4}-{_PART_OF_YEAR}"  # quarters, halves, seasons
    rf"|{_YEAR4}-{_MONTH}"  # months
    rf"|(?:FY)?{_YEAR4}"  # years
    rf"|\d{{1,3}}X?"  # decades (199), centuries (19), millennia (2)
    rf")"
)
_DATE_UNITS = r"(?:Y|M|W|D|Q|H|DE|CE|ML|E|C|L|WE)"  # DE/E decade, CE/C century, ML/L millennium
_DURATION = (
    rf"P(?:(?:{_DIGITS_OR_X}{_DATE_UNITS})+(?:T(?:{_DIGITS_OR_X}[HMS])+)?"
    rf"|T(?:{_DIGITS_OR_X}[HMS])+)"
)
_REFERENCE = r"PRESENT_REF|PAST_REF|FUTURE_REF"

TIMEX3_VALUE = re.compile(rf"(?:{_REFERENCE}|{_DURATION}|{_DATE}|{_TIME})")
_FULL_DATE = re.compile(r"(?:BC)?(\d{4})-(\d{2})-(\d{2})")
_FULL_WEEK = re.compile(r"(?:BC)?(\d{4})-W(\d{2})")
_YEAR_FIRST = re.compile(r"(?:BC|FY)?(\d{4})\b")


def value_problem(value: str, timex_type: str | None = None) -> str | None:
    """Why ``value`` is not a valid TIMEX3 value (None when it is)."""
    if not isinstance(value, str) or not TIMEX3_VALUE.fullmatch(value):
        return f"{value!r} does not match the TIMEX3 value grammar"
    if timex_type == "DURATION" and not value.startswith("P"):
        return f"DURATION with non-duration value {value!r}"
    if timex_type in ("DATE", "TIME") and _DURATION_ONLY.fullmatch(value):
        return f"{timex_type} with a duration value {value!r}"
    year = _YEAR_FIRST.match(value)
    if year and year.group(1) == "0000":
        return f"year 0 in {value!r} (no such calendar year)"
    full = _FULL_DATE.match(value)
    if full:
        try:
            date(*(int(g) for g in full.groups()))
        except ValueError:
            return f"{value!r} is not a calendar day"
    week = _FULL_WEEK.match(value)
    if week:
        try:
            date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        except ValueError:
            return f"{value!r}: that year has no such ISO week"
    return None


_DURATION_ONLY = re.compile(_DURATION)


def is_valid_value(value: str, timex_type: str | None = None) -> bool:
    return value_problem(value, timex_type) is None
