"""Where the event anchoring loses its gold pairs (a benchmark, not a test).

    python bench/anchoring_losses.py [GOLD_DIR] [--examples N]

Parses every sentence of the TimeML corpus once, then, on the tool's and on
the gold timexes, puts each gold anchoring pair in one bucket:

  matched          a kept system pair matches it
  (a) no timex     the tagger has no DATE/TIME timex overlapping the gold one
  (b) other sent.  the event lies in another sentence than the timex (split by
                   distance, by whether the event's sentence has a DATE/TIME
                   timex of its own, by whether the timex is the last one
                   mentioned before the event, by event class and POS)
  (c) no cand.     same sentence, but no candidate overlaps the event (POS,
                   dependency, other parser sentence)
  (d) below t.     a candidate, scored below the threshold
  (e) one-to-one   a kept pair overlaps it but was used by another gold pair

and prints what the false positives look like (no gold timex, no gold event,
an event the gold links to another timex or by a non-anchoring relation), and
how often a word of the sentence after a date (without a date of its own) is
dated by it, the narrative-continuation lever.
About half a minute.
"""

from __future__ import annotations

import argparse
import bisect
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from timeline.evaluate.events import (
    ANCHORING_RELATIONS, Pair, Span, as_timexes, candidate_pairs, gold_pairs, parse_golds,
)
from timeline.events import EventAnchorer
from timeline.events.classifier import Candidate
from timeline.model import Timex
from timeline.nlp import ParsedText, load_model
from timeline.read.timeml import TimeMLDocument, read_timeml
from timeline.settings import Settings
from timeline.temporal import TemporalTagger

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "timeml-tbaq"
DATED = ("DATE", "TIME")


@dataclass(slots=True)
class Scored:
    pair: Pair
    candidate: Candidate
    kept: bool
    probability: float
    timex: Timex


@dataclass(slots=True)
class Corpus:
    gold: TimeMLDocument
    sentences: list[tuple[int, int]]
    parsed: ParsedText

    def sentence_of(self, char: int) -> int:
        return bisect.bisect_right([s for s, _ in self.sentences], char) - 1


def load(root: Path) -> list[Corpus]:
    golds = [read_timeml(p) for p in sorted(root.rglob("*.tml"))]
    parsed = parse_golds(golds, load_model(Settings().spacy_model))
    return [Corpus(g, [(piece.start, piece.end) for piece in p.pieces], p) for g, p in zip(golds, parsed)]


def score(anchorer: EventAnchorer, doc: Corpus, timexes: tuple[Timex, ...]) -> list[Scored]:
    return [Scored(pair, c, anchorer.model.keeps(c), anchorer.model.probability(c.features), timex)
            for pair, timex, c in candidate_pairs(anchorer, timexes, doc.parsed, doc.gold.published)]


def _token(doc: Corpus, span: Span) -> str:
    token = doc.parsed.token_at(span.start)
    return f"{token.pos_}/{token.dep_}" if token is not None else "none"


def losses(docs: list[Corpus], anchorer: EventAnchorer, tool: bool, show: int) -> None:
    tagger = TemporalTagger(Settings()) if tool else None
    buckets: Counter[str] = Counter()
    detail: Counter[str] = Counter()
    false: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for doc in docs:
        g = doc.gold
        if tagger is not None:
            timexes = tuple(tagger.tag(g.text, g.published, tagger.candidates(g.text), doc.parsed))
        else:
            timexes = as_timexes(g)
        scored = score(anchorer, doc, timexes)
        dated = [t for t in timexes if t.type in DATED]
        gold_dated = [t for t in g.timexes if t.type in DATED and t.tid != g.dct_tid]
        events = {e.eid: e for e in g.events}
        classes = {(e.start, e.end): e.event_class or "?" for e in g.events}
        used: set[int] = set()
        for pair in gold_pairs(g):
            ev, tx = pair.event, pair.timex
            hit = next((i for i, s in enumerate(scored) if s.kept and i not in used and pair.matches(s.pair)), None)
            if hit is not None:
                used.add(hit)
                buckets["matched"] += 1
                continue
            if not any(Span(t.start, t.end).overlaps(tx) for t in dated):
                buckets["(a) no tool timex"] += 1
                continue
            es, ts = doc.sentence_of(ev.start), doc.sentence_of(tx.start)
            if es != ts:
                buckets["(b) other sentence"] += 1
                dist = es - ts
                where = {-1: "previous", 1: "next"}.get(dist, "further before" if dist < 0 else "further after")
                own = any(doc.sentence_of(t.start) == es for t in gold_dated)
                before = [t for t in gold_dated if t.end <= ev.start]
                last = bool(before) and Span(before[-1].start, before[-1].end).overlaps(tx)
                detail[f"b  where: {where}"] += 1
                detail[f"b  {where}, event sentence has its own timex: {own}"] += 1
                detail[f"b  timex is the last one mentioned before the event: {last}"] += 1
                if dist == 1 and not own:
                    detail[f"b  next+no-own-timex: timex is the last one before: {last}"] += 1
                    token = doc.parsed.token_at(ev.start)
                    root = token is not None and token.dep_ == "ROOT"
                    detail[f"b  next+no-own-timex: event is the sentence root: {root}"] += 1
                detail[f"b  class {classes.get((ev.start, ev.end), '?')}"] += 1
                detail[f"b  pos {_token(doc, ev).split('/')[0]}"] += 1
                continue
            near = [s for s in scored if s.pair.timex.overlaps(tx)]
            cand = [s for s in near if s.pair.event.overlaps(ev)]
            if not cand:
                buckets["(c) same sentence, not a candidate"] += 1
                token = doc.parsed.token_at(ev.start)
                head = doc.parsed.token_at(tx.start)
                split = token is not None and head is not None and (token.doc is not head.doc or
                                                                    token.sent.start != head.sent.start)
                detail[f"c  other parser sentence: {split}"] += 1
                if not split:
                    detail[f"c  {_token(doc, ev)}"] += 1
                continue
            if not any(s.kept for s in cand):
                buckets["(d) candidate below threshold"] += 1
                best = max(cand, key=lambda s: s.probability)
                detail[f"d  p {min(int(best.probability * 10), 9) / 10:.1f}-"] += 1
                detail[f"d  rule {best.candidate.rule or 'none'}"] += 1
                continue
            buckets["(e) lost in one-to-one matching"] += 1
        # the precision side
        truth = gold_pairs(g)
        links = {(lk.eid, lk.tid): lk.rel_type for lk in g.event_time_links}
        for s in scored:
            if not s.kept or any(t.matches(s.pair) for t in truth):
                continue
            gtx = [t for t in gold_dated if Span(t.start, t.end).overlaps(s.pair.timex)]
            gev = [e for e in events.values() if Span(e.start, e.end).overlaps(s.pair.event)]
            if not gtx:
                kind = "timex not a gold non-DCT DATE/TIME"
            elif not gev:
                kind = "trigger not a gold event"
            else:
                rel = links.get((gev[0].eid, gtx[0].tid))
                if rel is not None and rel not in ANCHORING_RELATIONS:
                    kind = f"gold links them by {rel}"
                elif any(e == gev[0].eid for e, _ in links):
                    kind = "gold event linked to another timex only"
                else:
                    kind = "gold event without any timex link"
            false[kind] += 1
            false[f"   rule {s.candidate.rule or 'none'}"] += 1
            false[f"   pos {s.candidate.token.pos_}"] += 1
            sentence = s.candidate.token.sent.text.replace("\n", " ")
            examples.setdefault(kind, []).append(f"[{s.timex.text}] -> {s.candidate.token.text}: {sentence[:140]}")
    total = sum(buckets.values())
    label = "tool" if tool else "gold"
    print(f"\n== gold pairs on {label} timexes: {total}")
    for name, n in sorted(buckets.items()):
        print(f"  {name:<40} {n:5d} {100 * n / total:5.1f}%")
    for name, n in sorted(detail.items()):
        print(f"    {name:<70} {n:5d}")
    kept = sum(n for k, n in false.items() if not k.startswith(" "))
    print(f"  false positives: {kept}")
    for name, n in sorted(false.items(), key=lambda kv: (kv[0].startswith(" "), -kv[1])):
        print(f"    {name:<50} {n:5d}")
    for kind, lines in examples.items():
        print(f"  e.g. {kind}:")
        for line in lines[:show]:
            print(f"      {line}")


def next_sentence(docs: list[Corpus], cells: int) -> None:
    """Could a classifier date the words of the sentence after a date (one
    without a DATE/TIME timex of its own) at precision >= 70?  The positive
    rate of every (POS, dependency, tag) cell says: none comes near."""
    rates: dict[tuple[str, str, str], list[int]] = {}
    for doc in docs:
        g = doc.gold
        gold_dated = [t for t in g.timexes if t.type in DATED and t.tid != g.dct_tid]
        dated_sentences = {doc.sentence_of(t.start) for t in gold_dated}
        truth = gold_pairs(g)
        for t in gold_dated:
            here = doc.sentence_of(t.start)
            if any(doc.sentence_of(u.start) == here and u.start > t.start for u in gold_dated):
                continue  # only the last date of its sentence carries on
            if here + 1 >= len(doc.sentences) or here + 1 in dated_sentences:
                continue
            piece = doc.parsed.piece_at(doc.sentences[here + 1][0])
            if piece is None:
                continue
            for token in piece.doc:
                if token.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
                    continue
                start = piece.start + token.idx
                hit = any(p.timex.start == t.start and p.event.overlaps(Span(start, start + 1)) for p in truth)
                cell = rates.setdefault((token.pos_, token.dep_, token.tag_), [0, 0])
                cell[0] += 1
                cell[1] += hit
    total, positive = sum(n for n, _ in rates.values()), sum(p for _, p in rates.values())
    print(f"\n== next sentence without a date of its own: {total} candidates, {positive} dated by the "
          f"previous sentence's last date ({100 * positive / max(total, 1):.1f}%); best cells (>= 15 candidates):")
    best = sorted((c for c in rates.items() if c[1][0] >= 15), key=lambda c: -c[1][1] / c[1][0])
    for (pos, dep, tag), (n, p) in best[:cells]:
        print(f"    {pos:<5} {dep:<10} {tag:<5} {n:5d} candidates {p:4d} positive ({100 * p / n:4.1f}%)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--examples", type=int, default=4, help="false positives shown per kind")
    args = parser.parse_args(argv)
    docs = load(args.gold)
    anchorer = EventAnchorer(Settings())
    for tool in (True, False):
        losses(docs, anchorer, tool, args.examples)
    next_sentence(docs, args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
