"""Which candidates are temporal expressions: cheap checks on the raw text
(``plausible``, before parsing) and part-of-speech checks on the parse
(``keep``): "may" the verb, "March" the verb, "second" the ordinal, a year
that is a price, "daily" the adjective.  ``keep`` ends with two composition
steps: day lists are split ("April 24 and 25") and "the day before/after"
is joined to the date that follows ("the day before last Tuesday")."""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.nlp import ParsedText
from timeline.temporal.lexicon import Lexicon, alternation
from timeline.temporal.recognize import Candidate

_PREV_WORD = re.compile(r"([^\s]+)\s*$")
_NEXT_CHARS = 3
_NEXT_WORD = re.compile(r"\s+(\w+)")
_WORDS_BEFORE = re.compile(r"\w+")
# how close two spans must be for the first to modify the second ("recently last year")
_ADJACENT = 2


# how fine a date is, for "N <unit> later" to count from it: a day, a week, a month, a year or coarser
_DAY_GROUPS = frozenset({"d", "dord", "wd", "reld", "hour", "clock", "pod", "hol", "weekend", "evday"})
_UNIT_RANKS = {"D": 0, "WE": 0, "W": 1, "FN": 1, "M": 2}
_MONTH_RANK, _YEAR_RANK = 2, 3


def _granularity_rank(c: Candidate, units: dict[str, str]) -> int:
    names = {k for k, _ in c.groups}
    if names & _DAY_GROUPS:
        return 0
    if "unit" in names:
        return _UNIT_RANKS.get(units.get(c.group("unit") or "", ""), _YEAR_RANK)
    return _MONTH_RANK if names & {"m", "mn"} else _YEAR_RANK


_OPENING_QUOTES = ("\"", "\u201c")
_CLOSING_QUOTES = ("\"", "\u201d")
_QUOTED_AFTER = re.compile(r"[,.]?[\"\u201d]|\s+[A-Z]\w+\s+[A-Z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"\u2019\u201d)]*\s+|\n\s*|[`'\"\u2018\u201c(]\s*)$")


def _previous_word(before: str) -> str:
    prev = _PREV_WORD.search(before)
    return prev.group(1).lower() if prev else ""


def _next_word(text: str, end: int) -> str:
    nxt = _NEXT_WORD.match(text, end)
    return nxt.group(1).lower() if nxt else ""


def _is_title(text: str, c: Candidate) -> bool:
    """Every word capitalised, mid-sentence, no month or weekday inside."""
    words = c.text.split()
    if not all(w[:1].isupper() for w in words):
        return False
    if len(words) == 1 and text[max(0, c.start - 1):c.start] in _OPENING_QUOTES \
            and text[c.end:c.end + 1] in _CLOSING_QUOTES and c.start > 0 and c.end < len(text):
        return True  # NBC's "Today" show: a quoted name
    if "title" not in c.flags:
        return False
    if len(words) > 1 and _QUOTED_AFTER.match(text, c.end) and text[max(0, c.start - 1):c.start] in "\"\u201c":
        return True  # ABC's "This Week," a quoted title
    return _SENTENCE_START.search(text[max(0, c.start - 4):c.start]) is None and \
        text[max(0, c.start - 1):c.start] not in ("", "\n")


_NOUN_FOLLOWS = re.compile(r"\s+[a-z]")


def _trim_determiner(text: str, c: Candidate, modifier_with_article: re.Pattern[str]) -> Candidate:
    """"the two-week strike", "the third-quarter loss": the expression is a
    modifier of the noun, the article belongs to the noun phrase."""
    if modifier_with_article.match(c.text) and _NOUN_FOLLOWS.match(text, c.end):
        return _without_first(c, c.text.index(" ") + 1)
    return c


def _without_first(c: Candidate, cut: int, group: str = "") -> Candidate:
    """``c`` without its first ``cut`` characters and the spaces after them
    (and without the named ``group`` they held)."""
    while cut < len(c.text) and c.text[cut].isspace():
        cut += 1
    groups = tuple((k, v) for k, v in c.groups if k != group) if group else c.groups
    return replace(c, start=c.start + cut, text=c.text[cut:], groups=groups)


_APPOSITION = re.compile(r",\s*")
# the groups that make a candidate name one day ("last Tuesday", "Oct. 23", "Christmas")
_DAY_GROUPS = frozenset({"d", "dord", "wd", "reld", "hol"})


def _split_day_lists(candidates: list[Candidate]) -> list[Candidate]:
    """"April 24 and 25", "Nov. 3-8": two dates, the second taking the month
    of the first; "2017-18", "2007-2008": two years.  A second number that
    does not come after the first ("2017-11", "May 5-3") is no range: the first
    is kept alone."""
    out: list[Candidate] = []
    for c in candidates:
        field, first, second = _range_fields(c)
        if second is None or c.type != "DATE":
            out.append(c)
            continue
        conj = c.group("conj") or ""
        gap_pattern = rf"\s+{re.escape(conj)}\s+" if conj.isalpha() else rf"\s*{re.escape(conj)}\s*"
        gap = list(re.finditer(gap_pattern, c.text, re.IGNORECASE))[-1]
        groups = tuple((k, v) for k, v in c.groups if k not in ("d2", "yend", "conj"))
        out.append(replace(c, end=c.start + gap.start(), text=c.text[:gap.start()], groups=groups))
        if second > first:
            out.append(replace(c, start=c.start + gap.end(), text=c.text[gap.end():],
                               groups=tuple((k, str(second) if k == field else v) for k, v in groups)))
    return out


def _range_fields(c: Candidate) -> tuple[str, int, int | None]:
    """The field a list or range varies ("d" or "y"), its first value and the
    second (None when ``c`` is no list): "Nov. 3-8" -> ("d", 3, 8), "2017-18" ->
    ("y", 2017, 2018)."""
    if c.group("yend") is not None:
        first, end = int(c.group("y") or 0), c.group("yend") or ""
        return "y", first, int(end) if len(end) == 4 else first // 100 * 100 + int(end)
    if c.group("d2") is not None:
        return "d", _day_number(c.group("d") or ""), _day_number(c.group("d2") or "")
    return "", 0, None


def _day_number(day: str) -> int:
    """"25" or "25th" -> 25."""
    digits = re.match(r"\d+", day)
    return int(digits.group(0)) if digits else 0


def _compose_day_around(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """"the day before last Tuesday": one expression, the day named shifted by
    one; "Oct. 12, the day before the crash" restates the date before it; else
    "the day after his death" counts from the last mentioned date."""
    out: list[Candidate] = []
    i = 0
    while i < len(candidates):
        c = candidates[i]
        nxt = candidates[i + 1] if i + 1 < len(candidates) else None
        i += 1
        if c.group("around") is None:
            out.append(c)
            continue
        if nxt is not None and text[c.end:nxt.start].isspace() and nxt.type == "DATE" \
                and any(k in _DAY_GROUPS for k, _ in nxt.groups):
            out.append(replace(nxt, start=c.start, text=text[c.start:nxt.end],
                               groups=nxt.groups + (("around", c.group("around") or ""),)))
            i += 1
            continue
        before = out[-1] if out else None
        if before is not None and before.type == "DATE" and _APPOSITION.fullmatch(text, before.end, c.start):
            c = replace(c, groups=c.groups + (("apposition", ""),))
        # "before"/"after" alone is the signal, not part of the expression
        kept = c.text[:c.text.lower().rfind(c.group("around") or "")].rstrip()
        out.append(replace(c, end=c.start + len(kept), text=kept))
    return out


class CandidateFilter:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        # "the two-week strike": an article before a hyphenated modifier
        self._modifier_with_article = re.compile(alternation(lex.definite_articles) + r"\s+\S*-\S+$", re.IGNORECASE)

    # --- before the parse -------------------------------------------------------------
    def plausible(self, text: str, c: Candidate) -> bool:
        g = dict(c.groups)
        before = text[max(0, c.start - 12):c.start]
        after = text[c.end:c.end + _NEXT_CHARS]
        if "numeric" in c.flags:
            prev_word = _previous_word(before)
            if before.endswith(("$", "#", "\u00a3", "\u20ac", "-", "/", "+")) or prev_word in self.lex.non_date_predecessors:
                return False
            next_word = _next_word(text, c.end)
            if after[:1] in ("%", "-", "/") or after.startswith(" %") or next_word in self.lex.percent_words:
                return False
            if after[:1] in (".", ",") and after[1:2].isdigit():
                return False
            if c.rule == "year" and next_word in self.lex.measure_nouns:
                return False  # "2015 points", "1990 people": a count
            if c.rule == "year" and next_word in self.lex.time_zones:
                return False  # "[1116 EST]": a clock time
        if c.rule == "duration" and g.get("unit", "") in self.lex.fraction_units and \
                _next_word(text, c.end) in self.lex.fraction_links:
            return False  # "three-quarters of its food": a fraction
        if c.rule == "clock_spoken" and "oclock" not in g and _previous_word(before) not in self.lex.clock_prepositions:
            return False  # "four in the morning" only after "at", "until"...; "two o'clock" anywhere
        if c.rule == "clock_24h" and before.rstrip().endswith("("):
            return False  # "10:35 a.m. (0735 GMT) Friday": the same time in another zone
        if c.type in ("DATE", "TIME") and _is_title(text, c):
            return False  # "ABC's This Week", "High Noon": a title, not a time
        if "capitalised" in c.flags:  # the name ends the span: "Tuesday", "last March", "early Oct."
            word = g.get("m") or g.get("wd", "")
            surface = text[c.end - len(word.rstrip(".")) - (1 if word.endswith(".") else 0):c.end]
            if not surface[:1].isupper():
                return False
            if "m" in g and word in self.lex.ambiguous_months and word not in self.lex.verb_months \
                    and not word.endswith("."):
                return False  # "Jan" or "dec" alone
        if c.rule == "month" and self._names_event(text, c.start, c.end):
            return False  # "the March for Life", "the March of the Combatant Mothers": a name
        if c.rule == "relday" and g.get("reld") in self.lex.generic_before_possessive \
                and after.startswith(self.lex.possessive_endings):
            return False  # "today's youth": the present in general
        conjunction = self.lex.conjunction_adverbs.get(g.get("vague", ""))
        if conjunction is not None and (_previous_word(before) in conjunction["preceded_by"]
                                        or _next_word(text, c.end) in conjunction["followed_by"]):
            return False  # "as soon as", "soon after": a conjunction, not a reference
        if c.rule == "set_every" and self.lex.set_quantifiers.get(g.get("every", "")) == "EACH" \
                and self._amount_before(before):
            return False  # "$250,000 per year", "$2 million each year": a rate, as "$1.76 a year"
        if c.rule == "duration" and g.get("unit") in self.lex.ordinal_homonym_units \
                and g.get("n") in self.lex.indefinite_articles:
            return False  # "a second term"
        return True

    def _amount_before(self, before: str) -> bool:
        word = _previous_word(before)
        return any(ch.isdigit() for ch in word) or word in self.lex.numbers or word in self.lex.rate_amount_words

    def _names_event(self, text: str, start: int, end: int) -> bool:
        """Whether a determiner comes before and a linking word and a
        capitalised word after ("the annual March for Life"; not "the
        disclosure in March of Flynn's contract")."""
        before = _WORDS_BEFORE.findall(text[max(0, start - 20):start])[-2:]
        if not any(w.lower() in self.lex.definite_articles for w in before):
            return False
        link = _NEXT_WORD.match(text, end)
        if link is None or link.group(1) not in self.lex.name_links:
            return False
        name = _NEXT_WORD.match(text, link.end())
        if name is not None and name.group(1).lower() in self.lex.definite_articles:
            name = _NEXT_WORD.match(text, name.end())
        return name is not None and name.group(1)[:1].isupper()

    # --- with the parse ---------------------------------------------------------------
    def keep(self, text: str, candidates: list[Candidate], parsed: ParsedText | None) -> list[Candidate]:
        out: list[Candidate] = []
        anchor: Candidate | None = None  # the last DATE or TIME kept: what "a week later" counts from
        surnames = self._month_surnames(text)
        for i, c in enumerate(candidates):
            if not self.plausible(text, c):
                continue
            if c.rule == "month" and c.group("m") in surnames and c.group("mod") is None \
                    and _previous_word(text[max(0, c.start - 20):c.start]) not in self.lex.month_prepositions:
                continue  # "May said", "a rebuke of May" in an article about Theresa May
            nxt = candidates[i + 1] if i + 1 < len(candidates) else None
            if c.rule == "vague" and nxt is not None and nxt.start - c.end <= _ADJACENT \
                    and text[c.end:nxt.start].isspace() and self.lex.vague.get(c.text.lower()) == "PAST_REF":
                continue  # "most recently last year": the modifier is not a timex of its own
            if c.needs_parse and parsed is not None and not self._parse_agrees(text, c, parsed):
                continue
            c = self._over_as_during(text, _trim_determiner(text, c, self._modifier_with_article))
            out.append(self._later_as_duration(text, c, anchor))
            if out[-1].type in ("DATE", "TIME") and out[-1].rule != "vague":
                anchor = out[-1]
        return _compose_day_around(text, _split_day_lists(out))

    def _month_surnames(self, text: str) -> frozenset[str]:
        """The month words that are also the surname of someone the article names."""
        return frozenset(month for month, people in self.lex.month_surnames.items()
                         if any(person in text for person in people))

    def _over_as_during(self, text: str, c: Candidate) -> Candidate:
        """"add $1.4 trillion over 10 years", "phases it out over five years":
        "over" says during which time, a signal outside the span; it means
        "more than" only after a verb of lasting or a preposition ("lasted
        over a week", "in over a decade") or before "ago", "later"..."""
        approx = c.group("approx") or ""
        words = self.lex.during_approximators.get(approx.lower())
        if words is None or c.group("dir") is not None:
            return c  # "over a month ago": more than
        if _previous_word(text[max(0, c.start - 20):c.start]) in words["preceded_by"] \
                or _next_word(text, c.end) in words["followed_by"]:
            return c
        return _without_first(c, len(approx), "approx")

    def _later_as_duration(self, text: str, c: Candidate, anchor: Candidate | None) -> Candidate:
        """"a week later" after the story has named a date is that date plus a
        week (an anaphoric DATE: a timeline needs the day).  Without a date as
        fine as the unit to count from ("four days later" after "in 2006"),
        with a vague count ("a few days later"), a clock-sized unit ("an hour
        later") or a comparison ("eight days later than the deadline"), it
        stays what TimeML annotates: the amount, a DURATION, "later" being the signal."""
        word = c.group("dir")
        if c.rule != "units_ago" or word is None or word not in self.lex.duration_directions:
            return c
        unit = self.lex.units.get(c.group("unit") or "", "")
        fine_enough = anchor is not None and _granularity_rank(anchor, self.lex.units) <= _UNIT_RANKS.get(unit, _YEAR_RANK)
        if fine_enough and c.group("n") is not None and unit not in self.lex.clock_units \
                and _next_word(text, c.end) not in self.lex.comparison_words:
            return c
        cut = c.text.lower().rfind(word)
        text = c.text[:cut].rstrip()
        groups = tuple((k, v) for k, v in c.groups if k != "dir")
        return replace(c, end=c.start + len(text), text=text, rule="duration", type="DURATION", groups=groups,
                       flags=self.lex.rule_flags["duration"])

    def _parse_agrees(self, text: str, c: Candidate, parsed: ParsedText) -> bool:
        tokens = parsed.tokens(c.start, c.end)
        if not tokens:
            return True
        g = dict(c.groups)
        first, last = tokens[0], tokens[-1]
        if "verb_homonym" in c.flags and g.get("m") in self.lex.verb_months:
            return last.tag_ == "NNP" or last.pos_ == "PROPN"
        if c.rule == "pod_mod" and last.dep_ in ("compound", "amod"):
            return False  # "late afternoon trading", "early-morning tweets": a modifier
        if c.rule == "vague" and first.lower_ in self.lex.definite_articles and len(tokens) > 1 \
                and last.dep_ in ("amod", "compound"):
            return False  # "the future president's son", "the near-term outlook": a modifier
        if c.rule == "set_adverb" and first.dep_ == "amod":
            return False  # "a daily briefing"
        if c.rule == "duration_bare":
            if _previous_word(text[max(0, c.start - 20):c.start]) in self.lex.bare_unit_blockers:
                return False
            if last.dep_ in ("compound",) or any(ch.dep_ in ("amod", "det", "nummod", "poss") for ch in last.children):
                return False
        if c.rule == "duration" and g.get("unit") in self.lex.ordinal_homonym_units and first.tag_ == "JJ":
            return False
        if c.rule == "duration" and first.lower_ in self.lex.indefinite_articles and first.i > 0:
            before = first.doc[first.i - 1]
            if before.tag_ in ("CD", "NNS") or before.like_num or any(ch.isdigit() for ch in before.text):
                return False  # "$1.76 a year", "700 seats a week": a rate, not a duration
        return True
