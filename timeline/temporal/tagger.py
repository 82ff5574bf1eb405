"""Placeholder tagger wiring: recognises weekday names only.  The real
recogniser, normaliser and resolver replace the bodies of these methods."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from timeline.model import Timex
from timeline.nlp import ParsedText
from timeline.settings import Settings

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span that may be a temporal expression, found without a parse."""

    start: int
    end: int
    text: str
    rule: str


class TemporalTagger:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    def candidates(self, text: str) -> list[Candidate]:
        return [Candidate(m.start(), m.end(), m.group(0), "weekday") for m in _WEEKDAY.finditer(text)]

    def tag(
        self,
        text: str,
        published: date | datetime,
        candidates: list[Candidate],
        parsed: ParsedText | None,
    ) -> list[Timex]:
        day = published.date() if isinstance(published, datetime) else published
        out = []
        for i, c in enumerate(candidates, 1):
            target = _WEEKDAYS.index(c.text.lower())
            delta = (day.weekday() - target) % 7
            out.append(
                Timex(f"t{i}", c.start, c.end, c.text, "DATE", (day - timedelta(days=delta)).isoformat(),
                      anchor="t0", rule=c.rule)
            )
        return out
