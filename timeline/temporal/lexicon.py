"""The English temporal vocabulary (``data/lexicon.json``) and the recognition
rules (``data/patterns.txt``), loaded once and compiled into regexes.

Placeholders such as ``@MONTH`` in a rule expand to an alternation of the
lexicon's surface forms, longest first, so that "sept" wins over "sep".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

import regex

from timeline.model import TimexType
from timeline.temporal.tense import TenseWords

_PLACEHOLDER = re.compile(r"@([A-Z]+)")
_WORD_CACHE_SIZE = 20_000


# what a rule's FLAGS column may say (documented at the top of data/patterns.txt)
RULE_FLAGS = frozenset({"parse", "numeric", "capitalised", "verb_homonym", "title", "clock", "names_day"})


@dataclass(frozen=True, slots=True)
class Rule:
    """One recognition rule: a compiled pattern, the TIMEX3 type it yields
    and its flags (how later stages treat its matches)."""

    name: str
    type: TimexType
    pattern: re.Pattern[str]
    flags: frozenset[str] = frozenset()


def _read(name: str) -> str:
    return resources.files("timeline.temporal").joinpath(f"data/{name}").read_text("utf-8")


def _word_contexts(data: dict[str, Any]) -> dict[str, dict[str, frozenset[str]]]:
    """Words and the words around them that change what they mean: ``{word:
    {"preceded_by": [...], "followed_by": [...]}}`` ("as soon as", "lasted over a week")."""
    return {word: {side: frozenset(words) for side, words in sides.items()}
            for word, sides in data.items() if not word.startswith("_")}


def _words_regex(word: str) -> str:
    """A lexicon key as a regex: spaces match any white space, a lone "s"
    after a space matches an (optionally stripped) possessive apostrophe."""
    parts = word.split(" ")
    out = re.escape(parts[0])
    for part in parts[1:]:
        if part == "s":
            out += r"(?:['\u2019]\s?|\s)s"
        else:
            out += r"\s+" + re.escape(part)
    return out


def alternation(words: Iterable[str], dotted: Iterable[str] = (), dot_required: Iterable[str] = ()) -> str:
    """Longest-first alternation; ``dotted`` forms may, ``dot_required`` must, end in a dot."""
    may_dot, must_dot = set(dotted), set(dot_required)
    alts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        body = _words_regex(word)
        if word in must_dot:
            body += r"\."
        elif word in may_dot:
            body += r"\b\.?"
        alts.append(body)
    return "(?:" + "|".join(alts) + ")"


class Lexicon:
    """Look-up tables (lower-case keys) and the compiled rules."""

    def __init__(self) -> None:
        data: dict[str, Any] = json.loads(_read("lexicon.json"))
        self.data = data
        self.months: dict[str, int] = data["months"]
        self.ambiguous_months = frozenset(data["ambiguous_months"])
        # "May", "March": also verbs, the parse decides
        self.verb_months = frozenset(data["verb_months"])
        self.weekdays: dict[str, int] = data["weekdays"]
        self.units: dict[str, str] = data["units"]
        self.numbers: dict[str, float] = data["numbers"]
        self.vague_numbers = frozenset(data["vague_numbers"])
        self.ordinals: dict[str, int] = data["ordinals"]
        self.quarter_ordinals: dict[str, int] = data["quarter_ordinals"]
        self.half_ordinals: dict[str, int] = data["half_ordinals"]
        self.seasons: dict[str, str] = data["seasons"]
        self.parts_of_day: dict[str, str] = data["parts_of_day"]
        self.relative_days: dict[str, int] = data["relative_days"]
        self.relative_day_parts: dict[str, str] = data["relative_day_parts"]
        self.shifters: dict[str, int] = data["shifters"]
        self.anaphoric_shifters = frozenset(data["anaphoric_shifters"])
        self.directions: dict[str, int] = data["directions"]
        self.anaphoric_directions = frozenset(data["anaphoric_directions"])
        self.duration_directions = frozenset(data["duration_directions"])
        self.clock_units = frozenset(data["clock_units"])
        self.modifiers: dict[str, str] = data["modifiers"]
        self.approximators: dict[str, str] = data["approximators"]
        self.vague: dict[str, str] = data["vague"]
        self.set_adverbs: dict[str, str] = data["set_adverbs"]
        self.set_quantifiers: dict[str, str] = data["set_quantifiers"]
        self.open_ends: dict[str, str] = data["open_ends"]
        # "the day before", "the day after": one day before or after
        self.around: dict[str, int] = data["around"]
        # "the March for Life": a month name before one of these and a capitalised word is a name
        self.name_links = frozenset(data["name_links"])
        self.definite_articles = frozenset(data["definite_articles"])
        # filters.py: "1990 percent", "three-quarters of", "today's youth", "as soon as", "a second term", "$1 a year"
        self.percent_words = frozenset(data["percent_words"])
        self.fraction_units = frozenset(data["fraction_units"])
        self.fraction_links = frozenset(data["fraction_links"])
        self.possessive_endings = tuple(data["possessive_endings"])
        self.generic_before_possessive = frozenset(data["generic_before_possessive"])
        self.conjunction_adverbs = _word_contexts(data["conjunction_adverbs"])
        self.ordinal_homonym_units = frozenset(data["ordinal_homonym_units"])
        # "$250,000 per year", "dollars more per year": a rate, not a set of times
        self.rate_amount_words = frozenset(data["rate_amount_words"])
        self.new_year_holiday = data["new_year_holiday"]  # "the new year" is the year this holiday opens
        self.comparison_words = frozenset(data["comparison_words"])  # "eight days later than ..."
        # "Theresa May said": in an article naming such a person, the month word alone is the name
        self.month_surnames: dict[str, tuple[str, ...]] = {
            month: tuple(people) for month, people in data["month_surnames"].items() if not month.startswith("_")}
        self.month_prepositions = frozenset(data["month_prepositions"])
        # "$1.4 trillion over 10 years" (during) against "lasted over a week" (more than)
        self.during_approximators = _word_contexts(data["during_approximators"])
        self.indefinite_articles = frozenset(data["indefinite_articles"])
        # normalize.py
        self.ordinal_suffixes = frozenset(data["ordinal_suffixes"])
        # "days", "years": a plural unit without a number is an unknown amount
        self.plural_units = frozenset(data["plural_units"])
        self.alternate_counts: dict[str, int] = data["alternate_counts"]
        self.spoken_years: dict[str, Any] = data["spoken_years"]
        self.clock_words: dict[str, int] = data["clock_words"]
        self.meridiems: dict[str, bool] = {k: v for k, v in data["meridiems"].items() if not k.startswith("_")}
        self.day_part_meridiems: dict[str, str] = data["day_part_meridiems"]
        self.report_unit_periods: dict[str, list[str]] = data["report_unit_periods"]
        self.holidays: dict[str, str] = data["holidays"]
        self.decade_words: dict[str, int] = data["decade_words"]
        self.non_date_predecessors = frozenset(data["non_date_predecessors"])
        # "10 a.m. GMT": zone words and the UTC offset (or IANA zone) each names (data/time_zones.json)
        self.zone_offsets: dict[str, str | None] = json.loads(_read("time_zones.json"))["zones"]
        self.time_zones = frozenset(self.zone_offsets)
        self.clock_prepositions = frozenset(data["clock_prepositions"])
        self.tense_words = TenseWords.from_data(data["tense"])
        self.measure_nouns = frozenset(data["measure_nouns"])
        self.bare_unit_blockers = frozenset(data["determiners_before_bare_units"])
        # "the quarter ended Sept. 30"
        self.period_end_verbs = frozenset(data["period_end_verbs"])
        # "from June to August of 2016": the words that open and link a range of dates
        self.range_starts = frozenset(data["date_ranges"]["starts"])
        self.range_links = frozenset(data["date_ranges"]["links"])
        self.trailing_spans = frozenset(data["trailing_spans"]["words"])
        self.range_dashes = frozenset(data["date_ranges"]["dashes"])
        self.range_list_links = frozenset(data["date_ranges"]["list_links"])
        # "the latest quarter": counted from the publication date (quarters back)
        self.report_periods_from_publication: dict[str, int] = data["report_periods_from_publication"]
        self.rules = self._compile_rules()
        self.rule_flags: dict[str, frozenset[str]] = {r.name: r.flags for r in self.rules}
        # the same rules for partial matching: which rules can begin with a word
        self._partial = [regex.compile(r.pattern.pattern, regex.IGNORECASE) for r in self.rules]
        self._rules_by_word: dict[str, tuple[Rule, ...]] = {}
        # the words a rule can start with: recognition is only tried at these
        self.start_words = self._start_words()

    def rules_for(self, word: str) -> tuple[Rule, ...]:
        """The rules whose match can begin with ``word`` (a superset: a rule
        is kept when ``word`` is a prefix of something it matches)."""
        key = word.lower()
        found = self._rules_by_word.get(key)
        if found is None:
            found = tuple(rule for rule, partial in zip(self.rules, self._partial)
                          if partial.match(key, partial=True) is not None)
            if len(self._rules_by_word) >= _WORD_CACHE_SIZE:
                self._rules_by_word.clear()
            self._rules_by_word[key] = found
        return found

    def _placeholders(self) -> dict[str, str]:
        d = self.data
        full_names = set(d["short_full_month_names"])
        abbreviated_months = [m for m in self.months if len(m) <= 4 and m not in full_names]
        modifiers = alternation(self.modifiers)
        number_words = alternation(self.numbers)
        tens = alternation(w for w, v in self.numbers.items() if isinstance(v, int) and 20 <= v <= 90)
        ones = alternation(w for w, v in self.numbers.items() if isinstance(v, int) and 1 <= v <= 9 and " " not in w)
        return {
            "MONTH": alternation(self.months, dotted=abbreviated_months),
            "WEEKDAY": alternation(self.weekdays, dot_required=d["weekday_abbreviations_need_dot"]),
            "DAY": r"(?:3[01]|[12][0-9]|0?[1-9])" + alternation(d["ordinal_suffixes"]) + "?",
            "ORDSUFFIX": alternation(d["ordinal_suffixes"]),
            # any four digits after a month, a quarter...: out-of-range years are left out later
            "YEAR": r"[0-9]{4}(?![0-9])",
            "TENS": tens,
            "ONES": ones,
            "NUM": rf"(?:[0-9]{{1,3}}(?:,[0-9]{{3}})*(?:\.[0-9]+|[\s-]1/2)?|{tens}[\s-]{ones}|{number_words})",
            "VNUM": alternation(self.vague_numbers),
            "UNIT": alternation(self.units),
            "CALUNIT": alternation(d["calendar_units"]),
            # "the past quarter century": units that are no calendar period of their own
            "LONGUNIT": alternation(d["long_units"]),
            "SEASON": alternation(self.seasons),
            "POD": alternation(self.parts_of_day),
            "RELDAY": alternation(self.relative_days),
            "SHIFT": alternation(self.shifters),
            "MOD": modifiers,
            "PRE": r"(?P<mod>" + modifiers + r")(?:\s+|-\s?)",
            "VAGUE": alternation(self.vague),
            "SETADV": alternation(self.set_adverbs),
            "HOLIDAY": alternation(self.holidays),
            "ORD": alternation(self.ordinals),
            "QORD": alternation(self.quarter_ordinals),
            "HORD": alternation(self.half_ordinals),
            "DECWORD": alternation(self.decade_words),
            "DIR": alternation(self.directions),
            "APPROX": alternation(self.approximators),
            "EVERY": alternation(d["set_quantifiers"]),
            "FISCAL": alternation(d["fiscal"]),
            "OPENEND": alternation(d["open_ends"]),
            "ZONE": alternation(self.time_zones),
            "AROUND": alternation(d["around"]),
            "MEASURE": alternation(d["measure_nouns"]),
        }

    def _compile_rules(self) -> list[Rule]:
        holders = self._placeholders()
        # @PRE holds @MOD already expanded; expand until no placeholder is left
        rules: list[Rule] = []
        seen: dict[str, frozenset[str]] = {}
        for line in _read("patterns.txt").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, typ, flag_column, regex = line.split("\t", 3)
            flags = frozenset() if flag_column == "-" else frozenset(flag_column.split(","))
            if not flags <= RULE_FLAGS or seen.setdefault(name, flags) != flags:
                raise ValueError(f"patterns.txt: rule {name!r} has unknown or inconsistent flags {flag_column!r}")
            expanded = _PLACEHOLDER.sub(lambda m: holders[m.group(1)], regex)
            rules.append(Rule(name, typ, re.compile(expanded, re.IGNORECASE), flags))  # type: ignore[arg-type]
        return rules

    def _start_words(self) -> frozenset[str]:
        """First words of every lexicon entry a rule can begin with (plus
        determiners and modifiers the rules allow in front)."""
        words: set[str] = set(self.data["extra_start_words"])
        for table in ("months", "weekdays", "units", "numbers", "vague_numbers", "ordinals", "seasons",
                      "parts_of_day", "relative_days", "shifters", "modifiers", "approximators", "vague",
                      "set_adverbs", "holidays", "decade_words"):
            for key in self.data[table]:
                words.add(re.split(r"[\s-]", key)[0])
        words.update(w.split("-")[0] for w in self.ordinals)
        return frozenset(words)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()
