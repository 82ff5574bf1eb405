"""Recognition: find temporal expression spans in raw text, without a parse.

Rules are only tried at the start of words that can begin one (a month, a
number, "last", "the"...), so a long text costs one pass of a word regex
plus a few anchored matches per trigger word.  Among the rules that match
at a position the longest wins; overlapping matches keep the earlier one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from timeline.model import TimexType
from timeline.temporal.lexicon import Lexicon, Rule, lexicon

_WORD = re.compile(r"\w+")
# longest digit run worth trying (years, days, clock times, numbers)
_MAX_DIGITS = 9
# how far the second word of a rule-selecting prefix may be
_MAX_GAP = 4


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span that may be a temporal expression, found without a parse.

    ``groups`` are the rule's named groups that matched (lower-cased), the
    input of normalisation; ``needs_parse`` says whether part-of-speech
    filtering decides if it is kept ("May" the month or the verb).
    """

    start: int
    end: int
    text: str
    rule: str
    type: TimexType = "DATE"
    groups: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    needs_parse: bool = False
    # the rule's flags (see data/patterns.txt)
    flags: frozenset[str] = field(default=frozenset(), compare=False)

    def group(self, name: str) -> str | None:
        for key, value in self.groups:
            if key == name:
                return value
        return None


class Recognizer:
    """Rule-based span finder over raw text."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or lexicon()

    def _starts(self, text: str) -> list[tuple[int, str]]:
        """Word starts where some rule can begin, with the word."""
        out = []
        words = self.lex.start_words
        for m in _WORD.finditer(text):
            word = m.group(0)
            start = m.start()
            if word[0].isdigit():
                if len(word) > _MAX_DIGITS + 2 or _inside_number(text, start):
                    continue
                if start > 0 and text[start - 1] in "'\u2019" and (start < 2 or not text[start - 2].isalnum()):
                    out.append((start - 1, "'" + word))
                out.append((start, word))
            elif word.lower() in words or (word[-1:] in "sS" and word[:-1].lower() in words):  # "Mondays"
                out.append((start, word))
        return out

    def find(self, text: str) -> list[Candidate]:
        found: list[Candidate] = []
        last_end = 0
        for start, word in self._starts(text):
            if start < last_end:
                continue
            # the rules that can begin with this word and the next one
            nxt = _WORD.search(text, start + len(word), start + len(word) + _MAX_GAP)
            prefix = text[start:nxt.end()] if nxt is not None else word
            best: tuple[int, re.Match[str], Rule] | None = None
            for rule in self.lex.rules_for(prefix):
                m = rule.pattern.match(text, start)
                if m is None:
                    continue
                end = m.end()
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end > start and (best is None or end > best[0]):
                    best = (end, m, rule)
            if best is None:
                continue
            end, m, rule = best
            groups = tuple((k, v.lower()) for k, v in m.groupdict().items() if v is not None)
            found.append(Candidate(start, end, text[start:end], rule.name, rule.type, groups,
                                   _needs_parse(rule.flags, groups), rule.flags))
            last_end = end
        return found


def _inside_number(text: str, start: int) -> bool:
    """"3,000,000" or "1.5": a digit group after a separator is not a number of its own."""
    return start >= 2 and text[start - 1] in ",." and text[start - 2].isdigit()


# calendar fields that, without a year, need tense to be placed
_DIRECTION_GROUPS = frozenset({"wd", "m", "mn", "d", "q", "h", "season", "hol", "weekend"})


def _needs_parse(flags: frozenset[str], groups: tuple[tuple[str, str], ...]) -> bool:
    """Whether ``tag`` needs the sentence parsed: to filter the candidate by
    part of speech (rules flagged "parse": "May" the verb, "2000 people"), or
    to place a date without year by tense."""
    if "parse" in flags:
        return True
    names = {k for k, _ in groups}
    return bool(names & _DIRECTION_GROUPS) and not names & {"y", "y2", "shift", "ycent", "every"}
