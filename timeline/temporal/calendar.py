"""Calendar periods and their arithmetic, bounded to the years 1..9999.

A :class:`Period` is a calendar interval at one granularity (a day, an ISO
week, a month, a quarter, a season, a year, a decade...).  Shifting past the
supported range returns ``None`` instead of raising, so odd input (a
publication date in year 1, "10000 years ago") never breaks the tagger.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

MIN_YEAR, MAX_YEAR = 1, 9999
# coarse to fine; a period converts to any coarser granularity
ORDER = ("millennium", "century", "decade", "year", "half", "season", "quarter", "month", "week", "weekend",
         "day", "partofday", "hour", "minute")
SEASONS = ("WI", "SP", "SU", "FA")  # index 0..3 within a year
_MONTH_SEASON = {12: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2, 9: 3, 10: 3, 11: 3}


def finer(a: str, b: str) -> bool:
    """Whether granularity ``a`` is finer than ``b``."""
    return ORDER.index(a) > ORDER.index(b)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def add_days(day: date, n: int) -> date | None:
    try:
        return day + timedelta(days=n)
    except OverflowError:
        return None


@dataclass(frozen=True, slots=True)
class Period:
    """``gran`` with the fields it needs: ``year`` always; ``index`` is the
    month, quarter, half, season (0..3) or ISO week; ``day`` for day and
    finer; ``pod``/``hour``/``minute`` for times of day."""

    gran: str
    year: int
    index: int = 0
    day: date | None = None
    pod: str | None = None
    hour: int | None = None
    minute: int | None = None

    # --- construction ---------------------------------------------------------------
    @classmethod
    def of_day(cls, day: date) -> "Period":
        return cls("day", day.year, day.month, day)

    def first_day(self) -> date | None:
        """The first day of the period (None when it cannot be computed)."""
        if self.day is not None:
            return self.day
        g, y, i = self.gran, self.year, self.index
        if g in ("week", "weekend"):
            try:
                return date.fromisocalendar(y, i, 1)
            except (ValueError, OverflowError):
                return None
        if g == "month":
            return safe_date(y, i, 1)
        if g == "quarter":
            return safe_date(y, 3 * i - 2, 1)
        if g == "half":
            return safe_date(y, 6 * i - 5, 1)
        if g == "season":
            return safe_date(y, 3 * i if i else 1, 1)
        if g == "decade":
            return safe_date(max(y, 1), 1, 1)
        return safe_date(y, 1, 1)

    def day_after(self) -> date | None:
        """The first day after the period: the first day of the next one."""
        following = self.shift(self.gran, 1)
        return following.first_day() if following is not None else None

    def to(self, gran: str) -> "Period | None":
        """The period of granularity ``gran`` that contains this one's start."""
        if gran == self.gran:
            return self
        first = self.first_day()
        if first is None:
            return None
        y = first.year
        if gran == "day":
            return Period.of_day(first)
        if gran in ("week", "weekend"):
            iso = first.isocalendar()
            return Period(gran, iso.year, iso.week)
        if gran == "month":
            return Period("month", y, first.month)
        if gran == "quarter":
            return Period("quarter", y, (first.month - 1) // 3 + 1)
        if gran == "half":
            return Period("half", y, 1 if first.month <= 6 else 2)
        if gran == "season":
            return Period("season", y, _MONTH_SEASON[first.month])
        if gran == "decade":
            return Period("decade", y - y % 10)
        if gran == "century":
            return Period("century", y - y % 100)
        if gran == "millennium":
            return Period("millennium", y - y % 1000)
        return Period("year", y)

    # --- arithmetic -------------------------------------------------------------------
    def shift(self, unit: str, n: int) -> "Period | None":
        """Move by ``n`` units (day, week, month, quarter, half, season, year,
        decade, century), keeping this period's granularity."""
        try:
            return self._shift(unit, n)
        except (ValueError, OverflowError):
            return None

    def _shift(self, unit: str, n: int) -> "Period | None":
        if unit in ("day", "week", "weekend") or (unit == "hour" and self.day is not None):
            days = n if unit == "day" else 7 * n
            if self.day is not None:
                new = add_days(self.day, days)
                return None if new is None else replace(self, year=new.year, index=new.month, day=new)
            first = self.first_day()
            if first is None:
                return None
            moved = add_days(first, days)
            return None if moved is None else Period.of_day(moved).to(self.gran)
        months = {"month": 1, "quarter": 3, "half": 6, "season": 3}.get(unit)
        years = {"year": 1, "decade": 10, "century": 100, "millennium": 1000}.get(unit)
        if months is not None:
            if self.gran == "season":
                y, index = divmod(self.year * 4 + self.index + n * max(months // 3, 1), 4)
                return self._bounded(replace(self, year=y, index=index))
            if self.gran in ("month", "quarter", "half"):
                per = {"month": 1, "quarter": 3, "half": 6}[self.gran]
                y, rem = divmod(self.year * 12 + (self.index - 1) * per + months * n, 12)
                return self._bounded(replace(self, year=y, index=rem // per + 1))
            first = self.first_day()
            if first is None:
                return None
            y, m = divmod(first.year * 12 + first.month - 1 + months * n, 12)
            day = safe_date(y, m + 1, min(first.day, _month_length(y, m + 1)))
            if day is None:
                return None
            if self.day is not None:
                return replace(self, year=day.year, index=day.month, day=day)
            return Period.of_day(day).to(self.gran)
        if years is not None:
            y = self.year + years * n
            if not MIN_YEAR <= y <= MAX_YEAR:
                return None
            if self.day is not None:
                day = safe_date(y, self.day.month, min(self.day.day, _month_length(y, self.day.month)))
                return None if day is None else replace(self, year=y, day=day)
            if self.gran in ("week", "weekend"):
                return Period(self.gran, y, min(self.index, 52))
            return replace(self, year=y)
        return None

    def _bounded(self, p: "Period") -> "Period | None":
        return p if MIN_YEAR <= p.year <= MAX_YEAR else None

    # --- TIMEX3 value -------------------------------------------------------------------
    def value(self) -> str:
        g, y = self.gran, self.year
        if g == "millennium":
            return f"{y // 1000:01d}"
        if g == "century":
            return f"{y // 100:02d}"
        if g == "decade":
            return f"{y // 10:03d}"
        if g == "year":
            return f"{y:04d}"
        if g == "half":
            return f"{y:04d}-H{self.index}"
        if g == "quarter":
            return f"{y:04d}-Q{self.index}"
        if g == "season":
            return f"{y:04d}-{SEASONS[self.index]}"
        if g == "month":
            return f"{y:04d}-{self.index:02d}"
        if g == "week":
            return f"{y:04d}-W{self.index:02d}"
        if g == "weekend":
            return f"{y:04d}-W{self.index:02d}-WE"
        assert self.day is not None
        day = f"{self.day.year:04d}-{self.day.month:02d}-{self.day.day:02d}"
        if g == "partofday":
            return f"{day}T{self.pod}"
        if g == "hour":
            return f"{day}T{self.hour:02d}:00"
        if g == "minute":
            return f"{day}T{self.hour:02d}:{self.minute:02d}"
        return day


def _month_length(year: int, month: int) -> int:
    if month == 12:
        return 31
    nxt = safe_date(year, month + 1, 1)
    this = safe_date(year, month, 1)
    if nxt is None or this is None:
        return 28
    return (nxt - this).days


def weekday_near(day: date, weekday: int, direction: int) -> date | None:
    """The ``weekday`` (ISO 1..7) on or before ``day`` (direction < 0), on or
    after it (> 0), or in the same ISO week (0)."""
    delta = weekday - day.isoweekday()
    if direction < 0 and delta > 0:
        delta -= 7
    elif direction > 0 and delta < 0:
        delta += 7
    return add_days(day, delta)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The ``nth`` (1-based; -1 = last) ``weekday`` of a month (holidays)."""
    if nth > 0:
        first = safe_date(year, month, 1)
        if first is None:
            return None
        found = weekday_near(first, weekday, 1)
        return None if found is None else add_days(found, 7 * (nth - 1))
    last = safe_date(year, month, _month_length(year, month))
    return None if last is None else weekday_near(last, weekday, -1)
