"""The tagger the pipeline and the spaCy component call: recognise (cheap,
no parse) -> filter with the parse -> normalise -> resolve, in text order so
that anaphoric expressions see the last mentioned date."""

from __future__ import annotations

from datetime import date, datetime

from timeline.model import Timex
from timeline.nlp import ParsedText
from timeline.settings import Settings
from timeline.temporal.calendar import Period
from timeline.temporal.filters import CandidateFilter
from timeline.temporal.lexicon import lexicon
from timeline.temporal.normalize import Normalizer
from timeline.temporal.recognize import Candidate, Recognizer
from timeline.temporal.resolve import resolve
from timeline.temporal.tense import UNKNOWN, Direction, direction


class TemporalTagger:
    """Load the language data once; reuse for every document."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.lex = lexicon()
        self.recognizer = Recognizer(self.lex)
        self.normalizer = Normalizer(self.lex)
        self.filter = CandidateFilter(self.lex)

    def candidates(self, text: str) -> list[Candidate]:
        """Spans worth parsing, in text order (no spaCy involved)."""
        return [c for c in self.recognizer.find(text) if self.filter.plausible(text, c)]

    def tag(
        self,
        text: str,
        published: date | datetime,
        candidates: list[Candidate],
        parsed: ParsedText | None,
    ) -> list[Timex]:
        day = published.date() if isinstance(published, datetime) else published
        kept = self.filter.keep(text, candidates, parsed)
        out: list[Timex] = []
        last: Period | None = None
        last_id: str | None = None
        for c in kept:
            spec = self.normalizer.normalize(c)
            if spec is None:
                continue
            way = direction(parsed, text, c.start, c.end, self.lex.future_cues) if spec.needs_direction \
                else Direction(UNKNOWN)
            resolved = resolve(spec, day, last, way)
            if resolved is None:
                continue
            tid = f"t{len(out) + 1}"
            anchor = {"t0": "t0", "last": last_id}.get(resolved.anchored or "")
            typ = spec.type
            out.append(Timex(tid, c.start, c.end, c.text, typ, resolved.value, mod=spec.mod,
                             anchor=anchor, rule=c.rule,
                             quant=spec.quant, freq=None))
            # comparisons ("a year earlier", "the year-ago quarter") do not move the narrative's date
            if resolved.period is not None and typ in ("DATE", "TIME") and not spec.keep_granularity \
                    and not (spec.reuse and spec.shift):
                last, last_id = resolved.period, tid
        return out
