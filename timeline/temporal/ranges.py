"""Ranges of dates: "his Nov. 3-14 trip", "the 1950-53 Korean war", "from
June to August of 2016", "between Jan. 20 and Feb. 13".

The two ends stay two TIMEX3 expressions with their own values; a range
says that what they date happened over the whole span between them (the
events stage gives such events one interval).  Two consecutive dates form a
range when a dash joins them, when a range word ("to", "through") joins the
two parts of one expression ("Nov. 3 through 8"), or when an opening word
and a link frame them ("from X to Y", "between X and Y"; a clause may stand
between: "from Jan. 20, when Trump took office, to Feb. 13").  "April 24
and 25" is a list, not a range; a list still shares its year ("in July
and December 2016" is July 2016).  The words are in ``data/lexicon.json``
under "date_ranges".
"""

from __future__ import annotations

import re
from typing import Sequence

from timeline.model import Timex
from timeline.temporal.lexicon import Lexicon, lexicon

# "from X to Y": how far back the opening word may be, and what may stand between X and Y
_OPENER_CHARS = 12
_LAST_WORD = re.compile(r"(\w+)\s+$")
_LINK = re.compile(r"(?:\s*,[^.;,]{1,60},)?\s+(\w+)\s+")
_RANGE_TYPES = ("DATE", "TIME")


class RangeFinder:
    def __init__(self, lex: Lexicon | None = None) -> None:
        lex = lex or lexicon()
        self.starts = lex.range_starts
        self.links = lex.range_links
        self.dashes = lex.range_dashes
        self.list_links = lex.range_list_links

    def framed(self, text: str, first: Timex, second: Timex) -> bool:
        """"from X to Y", "between X and Y"."""
        opener = _LAST_WORD.search(text, max(0, first.start - _OPENER_CHARS), first.start)
        link = _LINK.fullmatch(text, first.end, second.start)
        return opener is not None and opener.group(1).lower() in self.starts \
            and link is not None and link.group(1).lower() in self.links

    def listed(self, text: str, first: Timex, second: Timex) -> bool:
        """"in July and December 2016", "Dec. 22 or Jan. 3": two dates of one
        list (not a range), which share the year one of them writes."""
        return text[first.end:second.start].strip().lower() in self.list_links

    def is_range(self, text: str, first: Timex, second: Timex) -> bool:
        """Whether two consecutive expressions are the ends of one range."""
        if first.type not in _RANGE_TYPES or second.type not in _RANGE_TYPES or second.start < first.end:
            return False
        gap = text[first.end:second.start].strip().lower()
        if gap in self.dashes:
            return True
        split = first.rule is not None and first.rule == second.rule and first.end < second.start
        if split and gap in self.links and gap not in self.list_links:
            return True
        return self.framed(text, first, second)

    def pairs(self, text: str, timexes: Sequence[Timex]) -> dict[str, str]:
        """The ranges among ``timexes`` (in text order): the id of each range's
        first end -> the id of its last end."""
        out: dict[str, str] = {}
        for first, second in zip(timexes, timexes[1:]):
            if first.id not in out.values() and self.is_range(text, first, second):
                out[first.id] = second.id
        return out
