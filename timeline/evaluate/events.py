"""Event anchoring scores against TimeML event-time TLINKs.

A gold pair is a TLINK between an EVENT and a DATE/TIME TIMEX3 of the text
(not the document creation time) whose relation says the event happens at
that time (``ANCHORING_RELATIONS``).  A system pair is one mention of an
event: its trigger and the timex that dates it.  They match, one to one,
when the trigger overlaps the gold event and the timex overlaps the gold
timex.

``anchor_gold_timexes`` runs the anchorer on the gold timexes instead of the
tagger's, so anchoring quality shows apart from recognition.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Sequence, TextIO

from timeline.evaluate.tempeval import f1
from timeline.model import Document, Timex
from timeline.read.timeml import GoldEvent, GoldTimex, TimeMLDocument, read_timeml_documents
from timeline.settings import Settings

if TYPE_CHECKING:
    from datetime import date

    from spacy.language import Language

    from timeline.events import EventAnchorer
    from timeline.events.classifier import Candidate
    from timeline.nlp import ParsedText

ANCHORING_RELATIONS = frozenset({
    "IS_INCLUDED", "INCLUDES", "SIMULTANEOUS", "DURING", "BEGINS", "ENDS", "BEGUN_BY", "ENDED_BY", "IDENTITY",
})


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Pair:
    """An event (its trigger) dated by a timex, as character spans."""

    event: Span
    timex: Span

    def matches(self, other: "Pair") -> bool:
        return self.event.overlaps(other.event) and self.timex.overlaps(other.timex)


@dataclass(slots=True)
class LinkCounts:
    gold: int = 0
    system: int = 0
    matched: int = 0

    def add(self, other: "LinkCounts") -> None:
        self.gold += other.gold
        self.system += other.system
        self.matched += other.matched

    def scores(self) -> dict[str, float]:
        p = self.matched / self.system if self.system else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return {"precision": 100 * p, "recall": 100 * r, "f1": 100 * f1(p, r)}


# the timex types anchoring is scored on, in the gold and the system pairs alike
SCORED_TYPES = ("DATE", "TIME")


def gold_pairs(gold: TimeMLDocument) -> list[Pair]:
    """The distinct (event, timex) pairs of anchoring TLINKs in one document."""
    timexes = {t.tid: t for t in gold.timexes if t.type in SCORED_TYPES and t.tid != gold.dct_tid}
    events: dict[str, GoldEvent] = {e.eid: e for e in gold.events}
    seen: set[tuple[str, str]] = set()
    pairs: list[Pair] = []
    for link in gold.event_time_links:
        timex = timexes.get(link.tid)
        event = events.get(link.eid)
        if timex is None or event is None or link.rel_type not in ANCHORING_RELATIONS:
            continue
        if (link.eid, link.tid) in seen:
            continue
        seen.add((link.eid, link.tid))
        pairs.append(Pair(Span(event.start, event.end), Span(timex.start, timex.end)))
    return pairs


def system_pairs(document: Document) -> list[Pair]:
    """Every mention of every event of a document dated by a DATE/TIME timex,
    as (trigger, timex) spans: the scope of the gold pairs (an event dated
    by a duration ending at publication, "in the past year", is not scored)."""
    timexes = {t.id: t for t in document.timexes if t.type in SCORED_TYPES}
    pairs: list[Pair] = []
    for event in document.events:
        for mention in event.mentions:
            timex = timexes.get(mention.timex)
            if timex is not None:
                pairs.append(Pair(Span(mention.trigger.start, mention.trigger.end), Span(timex.start, timex.end)))
    return pairs


def candidate_pairs(
    anchorer: "EventAnchorer", timexes: tuple[Timex, ...], parsed: "ParsedText", published: "date | None",
) -> list[tuple[Pair, Timex, "Candidate"]]:
    """Every (candidate, DATE/TIME timex) pair the anchorer scores in a
    document, kept or not, as spans with the timex and the scored candidate
    (what the training and loss benchmarks read)."""
    from timeline.events.anchor import DATED_TYPES, sentence_dates

    found: list[tuple[Pair, Timex, Candidate]] = []
    dates = sentence_dates(timexes, parsed)
    for timex in timexes:
        piece = parsed.piece_at(timex.start)
        if timex.type not in DATED_TYPES or piece is None:
            continue
        for candidate in anchorer.candidates(timex, parsed, dates, published):
            start = piece.start + candidate.token.idx
            found.append((Pair(Span(start, start + len(candidate.token.text)), Span(timex.start, timex.end)),
                          timex, candidate))
    return found


def score_pairs(gold: Sequence[Pair], system: Sequence[Pair]) -> LinkCounts:
    """One-to-one matching: each gold pair takes the first unused system pair that matches it."""
    used: set[int] = set()
    matched = 0
    for g in gold:
        for i, s in enumerate(system):
            if i not in used and g.matches(s):
                used.add(i)
                matched += 1
                break
    return LinkCounts(gold=len(gold), system=len(system), matched=matched)


def count_links(golds: Sequence[TimeMLDocument], documents: Sequence[Document]) -> LinkCounts:
    total = LinkCounts()
    for gold, document in zip(golds, documents):
        total.add(score_pairs(gold_pairs(gold), system_pairs(document)))
    return total


def score_event_links(golds: Sequence[TimeMLDocument], documents: Sequence[Document]) -> dict[str, float] | None:
    """Precision, recall and F1 (percent) plus the counts; None when no events were asked for."""
    if not any(d.events for d in documents) and not any(d.timexes for d in documents):
        return None
    counts = count_links(golds, documents)
    return {**counts.scores(), "gold": counts.gold, "system": counts.system, "matched": counts.matched}


def format_event_scores(scores: dict[str, float], label: str = "tool timexes") -> str:
    return (
        f"event anchoring ({label}): gold {int(scores['gold'])} sys {int(scores['system'])} "
        f"matched {int(scores['matched'])} | P {scores['precision']:5.1f} R {scores['recall']:5.1f} "
        f"F1 {scores['f1']:5.1f}"
    )


def as_timexes(gold: TimeMLDocument) -> tuple[Timex, ...]:
    """The gold TIMEX3s of a document as resolved timexes (the anchorer's input)."""
    return tuple(_as_timex(t) for t in gold.timexes)


def _as_timex(t: GoldTimex) -> Timex:
    kind = t.type if t.type in ("DATE", "TIME", "DURATION", "SET") else "DATE"
    return Timex(t.tid, t.start, t.end, t.text, kind, t.value, mod=t.mod, rule="gold")  # type: ignore[arg-type]


def anchor_gold_timexes(
    golds: Iterable[TimeMLDocument], settings: Settings | None = None, anchorer: "EventAnchorer | None" = None
) -> list[Document]:
    """Documents whose timexes are the gold ones and whose events the anchorer found for them."""
    from timeline.events import EventAnchorer
    from timeline.nlp import load_model

    settings = settings or Settings()
    nlp = load_model(settings.spacy_model, settings.entities)
    anchorer = anchorer or EventAnchorer(settings)
    golds = list(golds)

    def dated(gold: TimeMLDocument, start: int, end: int) -> bool:  # only the sentences the timexes are in
        return any(start <= t.start < end for t in gold.timexes)

    documents: list[Document] = []
    for gold, parsed in zip(golds, parse_golds(golds, nlp, dated)):
        timexes = as_timexes(gold)
        events = anchorer.anchor(gold.text, gold.published, timexes, parsed)
        documents.append(Document(id=gold.id, text=gold.text, published=gold.published,
                                  timexes=timexes, events=events))
    return documents


def parse_golds(
    golds: Sequence[TimeMLDocument], nlp: "Language",
    wanted: "Callable[[TimeMLDocument, int, int], bool] | None" = None,
) -> list["ParsedText"]:
    """Each document parsed sentence by sentence in one batch over the corpus
    (``wanted``: which sentences, by document, start and end; all by default)."""
    from timeline.nlp import ParsedText, SentenceParse
    from timeline.text.sentences import split_sentences

    plans = [(g, [(s, e) for s, e in split_sentences(g.text) if wanted is None or wanted(g, s, e)]) for g in golds]
    parses = iter(nlp.pipe([g.text[s:e] for g, sentences in plans for s, e in sentences], batch_size=256))
    return [ParsedText(g.text, [SentenceParse(s, next(parses)) for s, _ in sentences]) for g, sentences in plans]


def evaluate_with_gold_timexes(
    golds: Sequence[TimeMLDocument], settings: Settings | None = None, out: TextIO = sys.stdout
) -> dict[str, float]:
    """Anchor the gold timexes, print and return the event anchoring figures."""
    started = time.perf_counter()
    documents = anchor_gold_timexes(golds, settings)
    scores = score_event_links(golds, documents) or {}
    if scores:
        elapsed = time.perf_counter() - started
        print(format_event_scores(scores, f"gold timexes, {elapsed:.1f} s"), file=out)
    return scores


def evaluate_gold_timexes_in(
    root: Path, settings: Settings | None = None, out: TextIO = sys.stdout
) -> dict[str, float]:
    """``timeline evaluate --gold-timexes``: the anchoring figures on the gold timexes of ``root``."""
    from timeline.evaluate import gold_files

    return evaluate_with_gold_timexes([d for p in gold_files(root) for d in read_timeml_documents(p)], settings, out)
