"""Normalisation: a recognised candidate -> an underspecified :class:`Spec`.

Reads the rule's named groups (see ``data/patterns.txt``) and looks their
words up in the lexicon.  No reference time is involved here: "last month"
becomes ``shift=("month", -1)`` and "Tuesday" ``weekday=2``; resolve.py
anchors them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.temporal.calendar import SEASONS
from timeline.temporal.lexicon import Lexicon, alternation, lexicon
from timeline.temporal.recognize import Candidate
from timeline.temporal.values import Spec, format_amount

# lexicon unit codes -> calendar granularities (calendar.py)
UNIT_GRANULARITY = {
    "D": "day", "W": "week", "WE": "weekend", "FN": "week", "M": "month", "Q": "quarter", "Y": "year",
    "DE": "decade", "CE": "century", "MI": "millennium", "H": "hour", "MIN": "minute", "S": "minute",
    "SEASON": "season",
}
_SPACES = re.compile(r"\s+")
_SEASON_INDEX = {code: i for i, code in enumerate(SEASONS)}


def _key(word: str) -> str:
    """A matched phrase as a lexicon key: lower case, single spaces, no dots,
    apostrophes as the stripped form ("new year's" -> "new year s")."""
    word = word.lower().replace("\u2019", "'").replace("'", " ").rstrip(".")
    return _SPACES.sub(" ", word).strip()


class Normalizer:
    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or lexicon()
        self._ordinal_suffix = re.compile(alternation(self.lex.ordinal_suffixes) + "$")

    # --- small look-ups -------------------------------------------------------------
    def number(self, word: str) -> float | None:
        key = _key(word).replace(",", "")
        if key.endswith((" 1/2", "-1/2")):  # "2 1/2 years", "4-1/2 months"
            whole = self.number(key[:-4])
            return None if whole is None else whole + 0.5
        if key in self.lex.numbers:
            return float(self.lex.numbers[key])
        if "-" in key or " " in key:  # "twenty-four", "twenty four"
            tens, _, ones = key.replace(" ", "-").partition("-")
            if tens in self.lex.numbers and ones in self.lex.numbers:
                return float(self.lex.numbers[tens]) + float(self.lex.numbers[ones])
        try:
            return float(key)
        except ValueError:
            return None

    def unit(self, word: str) -> str | None:
        return self.lex.units.get(_key(word))

    def month(self, word: str) -> int | None:
        return self.lex.months.get(_key(word))

    def day_number(self, word: str) -> int:
        """"23", "23rd" -> 23 (0 for none)."""
        return int(self._ordinal_suffix.sub("", word) or 0)

    # --- the normaliser -------------------------------------------------------------
    def normalize(self, c: Candidate) -> Spec | None:
        g = dict(c.groups)
        spec = Spec(type=c.type)
        mod = None
        if "mod" in g:
            mod = self.lex.modifiers.get(_key(g["mod"]).rstrip("-"))
        if "approx" in g:
            mod = self.lex.approximators.get(_key(g["approx"]), mod)
        if "openend" in g:  # "1994 or later"
            mod = self.lex.open_ends.get(_key(g["openend"]), mod)
        spec = replace(spec, mod=mod)

        if "vague" in g:
            return replace(spec, ref=self.lex.vague.get(_key(g["vague"])))
        if c.type == "SET":
            return self._set(spec, g)
        if c.type == "DURATION":
            spec = replace(spec, trailing=g.get("span") in self.lex.trailing_spans)
            return self._duration(spec, g)
        return self._date(spec, g)

    def _duration(self, spec: Spec, g: dict[str, str]) -> Spec | None:
        unit = self.unit(g.get("unit", ""))
        if unit is None:
            return None
        if "range" in g:  # "two to three weeks": an amount not known exactly
            return replace(spec, amount="X", unit=unit)
        if "n" in g:
            n = self.number(g["n"])
            if n is None or n <= 0:
                return None
            if "plushalf" in g:  # "two and a half years"
                n += 0.5
            amount = format_amount(n)
        elif "vn" in g or ("n" not in g and g.get("unit", "") in self.lex.plural_units):
            amount = "X"
        else:
            amount = "1"
        return replace(spec, amount=amount, unit=unit)

    def _set(self, spec: Spec, g: dict[str, str]) -> Spec | None:
        if "every" in g:  # "every week" -> quant EVERY, "each Thursday" -> EACH
            spec = replace(spec, quant=self.lex.set_quantifiers.get(_key(g["every"])))
        if "set" in g:
            return replace(spec, set_value=self.lex.set_adverbs.get(_key(g["set"])))
        if "wd" in g:
            pod = self.lex.parts_of_day.get(_key(g["pod"])) if "pod" in g else None
            return replace(spec, weekday=self.lex.weekdays.get(_key(g["wd"])), pod=pod)
        if "m" in g:
            return replace(spec, month=self.month(g["m"]))
        unit = self.unit(g.get("unit", ""))
        if unit is None:
            return None
        n: float | None = 1.0
        if g.get("n") in self.lex.alternate_counts:  # "every other week"
            n = float(self.lex.alternate_counts[g["n"]])
        elif "n" in g:
            n = self.number(g["n"])
        return replace(spec, amount=format_amount(n or 1.0), unit=unit)

    def _date(self, spec: Spec, g: dict[str, str]) -> Spec | None:
        lex = self.lex
        if "y" in g:
            raw = g["y"].lstrip("'")
            year = int(raw)
            if len(raw) == 2:
                spec = replace(spec, year=year, two_digit_year=True)
            else:
                spec = replace(spec, year=year)
        if "ycent" in g:
            spoken = self._spoken_year(g["ycent"], g["ytail"])
            if spoken is None:
                return None
            spec = replace(spec, year=spoken)
        if "y2" in g:
            spec = replace(spec, year=int(g["y2"]), two_digit_year=True)
        if "m" in g:
            spec = replace(spec, month=self.month(g["m"]))
        if "mn" in g:
            spec = replace(spec, month=int(g["mn"]))
        if "d" in g:
            spec = replace(spec, day=self.day_number(g["d"]))
        if "dord" in g:  # "March eighth"
            spec = replace(spec, day=lex.ordinals.get(_key(g["dord"])))
        if "wd" in g:
            spec = replace(spec, weekday=lex.weekdays.get(_key(g["wd"])))
        if "pod" in g:
            spec = replace(spec, pod=lex.parts_of_day.get(_key(g["pod"])), type="TIME")
        if "season" in g:
            spec = replace(spec, season=_SEASON_INDEX[lex.seasons[_key(g["season"])]])
        if "q" in g:
            spec = replace(spec, quarter=lex.quarter_ordinals.get(_key(g["q"])))
        if "q2" in g:
            spec = replace(spec, quarter=int(g["q2"].strip("qQ")))
        if "h" in g:
            spec = replace(spec, half=lex.half_ordinals.get(_key(g["h"])))
        if "dec" in g:
            spec = replace(spec, decade=int(g["dec"]))
        if "dec2" in g:
            spec = replace(spec, decade_in_century=int(g["dec2"]))
        if "hdec" in g:  # "the last half of the '80s": the decade, its start or end
            spec = replace(spec, mod="START" if lex.half_ordinals.get(_key(g["hdec"])) == 1 else "END")
        if "decw" in g:
            spec = replace(spec, decade_in_century=lex.decade_words.get(_key(g["decw"])))
        if "cent" in g:
            n = lex.ordinals.get(_key(g["cent"])) or self.day_number(g["cent"])
            if n < 1:
                return None
            spec = replace(spec, century=n - 1)
        if "weekend" in g:
            spec = replace(spec, weekend=True)
        if "weekof" in g:
            spec = replace(spec, week_of=True)
        if "newyear" in g:  # "early in the new year" said in December: next year
            spec = replace(spec, holiday=lex.holidays[lex.new_year_holiday], year_of=True)
        if "yearend" in g:  # "year-end" is "the end of the year", "week's end" of the week: mod END
            gran = UNIT_GRANULARITY.get(self.unit(g["unit"]) or "", "year") if "unit" in g else "year"
            spec = replace(spec, shift=(gran, 0), mod=spec.mod or "END")
        if "q" in g and "yago" in g:
            spec = replace(spec, shift=("year", -1), reuse=("none",), fallback=("quarter", 0))
        elif "finunit" in g or "yago" in g:
            spec = self._report_period(spec, g)
        if "hol" in g:
            spec = replace(spec, holiday=lex.holidays.get(_key(g["hol"])))
        if "hour" in g or "clock" in g:
            spec = self._clock(spec, g)
        if "reld" in g:
            key = _key(g["reld"])
            spec = replace(spec, shift=("day", lex.relative_days[key]))
            if key in lex.relative_day_parts:
                spec = replace(spec, pod=lex.relative_day_parts[key], type="TIME")
        if "shift" in g:
            word = _key(g["shift"])
            n = lex.shifters.get(word, 0)
            anaphoric = "that" in g or word in lex.anaphoric_shifters
            unit = self.unit(g["unit"]) if "unit" in g else None
            gran = UNIT_GRANULARITY.get(unit or "", "")
            if not gran and "pod" in g and "wd" not in g:
                gran = "day"  # "the next morning"
            spec = replace(spec, shift=(gran or "anchor", n), anaphoric=anaphoric)
        elif "cur" in g and "unit" in g:  # "the end of the year": the current one
            gran = UNIT_GRANULARITY.get(self.unit(g["unit"]) or "", "year")
            spec = replace(spec, shift=(gran, 0))
        elif "evday" in g:  # "the second day of an offensive": the day the story is at
            spec = replace(spec, shift=("day", 0), anaphoric=True, day_reference_only=True)
        elif "that" in g and "unit" in g:
            gran = UNIT_GRANULARITY.get(self.unit(g["unit"]) or "", "day")
            spec = replace(spec, shift=(gran, 0), anaphoric=True)
        if "around" in g:  # "the day after": a day from the date just named, or from the one that follows
            step = lex.around[_key(g["around"])]
            if "that" in g:  # "Oct. 12, the day before the crash" restates Oct. 12
                spec = replace(spec, shift=("day", 0 if "apposition" in g else step), anaphoric=True)
            else:
                spec = replace(spec, day_offset=step)
        if "dir" in g:
            shifted = self._ago(spec, g)
            if shifted is None:
                return None
            spec = shifted
        needs_direction = (spec.year is None and spec.shift is None and spec.decade is None
                           and spec.century is None and spec.decade_in_century is None and not spec.reuse)
        return replace(spec, needs_direction=needs_direction)

    def _spoken_year(self, century: str, tail: str) -> int | None:
        """"nineteen ninety-six" -> 1996, "twenty oh five" -> 2005, "two thousand" -> 2000."""
        spoken = self.lex.spoken_years
        words = _key(tail).replace(" ", "-")
        if words in spoken["whole"]:
            return int(spoken["whole"][words])
        head = self.number(century)
        if head is None:
            return None
        rest: float | None
        if words in spoken["round"]:  # "nineteen hundred"
            rest = float(spoken["round"][words])
        else:  # "ninety-six", "oh five"
            zero = next((z for z in spoken["zero"] if words.startswith(z + "-")), None)
            rest = self.number(words.removeprefix(zero + "-") if zero else words)
        if rest is None or rest >= 100:
            return None
        return int(head) * 100 + int(rest)

    def _report_period(self, spec: Spec, g: dict[str, str]) -> Spec:
        """Earnings-report anaphora: "the quarter" is the quarter the text
        talks about (else the last completed one), "the year-earlier period"
        the same period a year before."""
        fin = _key(g.get("fin", ""))
        now = self.lex.report_periods_from_publication.get(fin)
        if now is not None:
            # relative to the publication date, whatever the text said before
            return replace(spec, reuse=("none",), fallback=("quarter", now))
        fallback = ("quarter", -1)
        end_month = self.month(g["endm"]) if "endm" in g else None
        if end_month is not None and "endd" in g:
            return replace(spec, reuse=("none",), period_end=(end_month, self.day_number(g["endd"])))
        periods = self.lex.report_unit_periods
        reuse = tuple(periods.get(_key(g.get("finunit", "")), periods["period"]))
        spec = replace(spec, reuse=reuse, fallback=fallback)
        if "yago" in g:
            spec = replace(spec, shift=("year", -1))
        if spec.year is not None:  # "the 1988 period": the period under discussion, in 1988
            spec = replace(spec, reuse_year=spec.year, year=None)
        return spec

    def _ago(self, spec: Spec, g: dict[str, str]) -> Spec | None:
        """"five years ago", "a week later": a shift from the publication date
        (ago, from now) or from the last mentioned date (earlier, later)."""
        word = _key(g["dir"])
        direction = self.lex.directions.get(word, -1)
        unit = self.unit(g.get("unit", ""))
        gran = UNIT_GRANULARITY.get(unit or "")
        if gran is None:
            return None
        if "vn" in g or "n" not in g:
            return replace(spec, ref="PAST_REF" if direction < 0 else "FUTURE_REF")
        n = self.number(g["n"])
        if n is None or n != int(n):
            return replace(spec, ref="PAST_REF" if direction < 0 else "FUTURE_REF")
        if unit == "FN":
            n *= 2
        if gran in ("decade", "century", "millennium"):  # "a decade ago": the year ten years back
            n *= {"decade": 10, "century": 100, "millennium": 1000}[gran]
            gran = "year"
        return replace(spec, shift=(gran, int(n) * direction), anaphoric=word in self.lex.anaphoric_directions,
                       keep_granularity=True)

    def _clock(self, spec: Spec, g: dict[str, str]) -> Spec:
        if "clock" in g:  # noon, midnight
            return replace(spec, hour=self.lex.clock_words[_key(g["clock"])], minute=0, type="TIME")
        hour = int(self.number(g["hour"]) or 0)
        ampm = g.get("ampm", "").replace(".", "")
        if not ampm and ("dpod" in g or "dpod2" in g):  # "four in the morning", "ten at night"
            ampm = self.lex.day_part_meridiems[g.get("dpod") or g.get("dpod2") or ""]
        afternoon = self.lex.meridiems.get(ampm)
        if afternoon is True and hour < 12:
            hour += 12
        elif afternoon is False and hour == 12:
            hour = 0
        minute = int(g["min"]) if "min" in g else 0
        zone = self.lex.zone_offsets.get(_key(g["zone"])) if "zone" in g else None
        return replace(spec, hour=hour, minute=minute, zone=zone, type="TIME")
