"""Chronologies: "Here is a timeline ... * Dec. 21, 2016: Egypt submits a
resolution. * Dec. 22: ... * Jan. 24: Flynn agrees to be interviewed."

A date that opens a line or a list item and is followed by a separator
(``:``, `` - ``) is an entry of a chronology.  An entry without a year takes
the year the list is about: the first such day on or after the entry before
it (the list runs in order), and the first entry is the latest such day up
to the publication date, since a chronology tells what has happened.  The
bullets and separators are in ``data/chronology.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

from timeline.temporal.calendar import Period
from timeline.temporal.resolve import Resolved, range_partner
from timeline.temporal.values import Spec


# how far back a line start or bullet may be (spaces between it and the date)
_LOOK_BACK = 16


@dataclass(frozen=True, slots=True)
class ChronologyWords:
    bullets: frozenset[str]
    separators: tuple[str, ...]

    def is_entry(self, text: str, start: int, end: int) -> bool:
        """Whether the date at ``[start, end)`` opens a line or list item and
        is followed by a separator."""
        if not text.startswith(self.separators, end):
            return False
        before = text[max(0, start - _LOOK_BACK):start].rstrip(" \t")
        if not before and start > _LOOK_BACK:  # only blanks in the window: not the text's start
            return False
        if not before or before.endswith("\n"):
            return True
        return before[-1] in self.bullets and (len(before) == 1 or before[-2].isspace())


@lru_cache(maxsize=1)
def chronology_words() -> ChronologyWords:
    data = json.loads(resources.files("timeline.temporal").joinpath("data/chronology.json").read_text("utf-8"))
    return ChronologyWords(frozenset(data["bullets"]), tuple(data["separators"]))


@dataclass
class Chronology:
    """The entries of a document's chronology read so far."""

    published: date
    words: ChronologyWords = field(default_factory=chronology_words)
    last: Period | None = None
    last_id: str | None = None

    @property
    def anchor(self) -> str:
        """The timex an entry without year counts from: the entry before, or the publication date."""
        return self.last_id or "t0"

    def resolve(self, text: str, start: int, end: int, spec: Spec) -> Resolved | None:
        """The value of an entry without year (None when the expression is not
        such an entry: the ordinary resolution applies)."""
        if spec.year is not None or spec.month is None or not self.words.is_entry(text, start, end):
            return None
        if self.last is not None:
            return range_partner(spec, self.last, after=True)
        return range_partner(spec, Period.of_day(self.published), after=False)

    def saw(self, text: str, start: int, end: int, period: Period | None, tid: str) -> None:
        """Remember an entry's date (with or without a year of its own)."""
        if period is not None and period.gran == "day" and self.words.is_entry(text, start, end):
            self.last, self.last_id = period, tid
