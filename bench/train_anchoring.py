"""Train the event anchoring pair classifier (timeline/events/data/anchoring_model.json).

    python bench/train_anchoring.py [GOLD_DIR] [--write] [--l2 L2] [--min-count N] [--precision P]

Reads the TimeML corpus (TimeBank and AQUAINT), collects every (timex,
candidate event) pair the anchorer would score, on the gold timexes and on the
tagger's timexes, labels a pair positive when a gold anchoring TLINK joins the
candidate and the timex (by overlap, as the scorer does), and fits an
L2-regularised logistic regression (numpy, full batch).  The threshold is the
one that gives the best F1 with precision >= ``--precision`` on out-of-fold
probabilities (5 folds by document), never on the documents it is tested on.
Rules that chose fewer than RARE_RULE pairs ("the message dated Nov. 1" ->
wrote, "five years ago, when Xi came to power") are too rare for their weight
to be learned: what they find is always kept (the model's ``kept_rules``).
About a minute on two cores.

It prints, on both timex sets: the rules alone (the previous anchorer), the
cross-corpus figures (train on TimeBank -> test on AQUAINT and the reverse)
and the final model (trained on everything, scored on everything, plus its
out-of-fold figures).  ``--write`` saves the final model.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import numpy as np

from timeline.evaluate.events import (
    LinkCounts, Pair, Span, anchor_gold_timexes, candidate_pairs, gold_pairs, parse_golds, score_pairs,
)
from timeline.events import EventAnchorer
from timeline.events.classifier import CANDIDATE_POS, MODEL_FILE, AnchoringModel, Candidate, PairFeatures
from timeline.events.eventness import EVENT_MODEL_FILE, eventness_features, token_features
from timeline.model import Event, Timex
from timeline.nlp import ParsedText, load_model
from timeline.pipeline import Pipeline
from timeline.read.timeml import TimeMLDocument, read_timeml
from timeline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "timeml-tbaq"
# a rule choosing fewer pairs than this (gold and tool timexes together) is kept as it is
RARE_RULE = 60
# ... and is right at least this often (else the classifier decides its pairs)
RARE_RULE_PRECISION = 0.6


@dataclass(frozen=True, slots=True)
class Example:
    doc: int  # index of the gold document
    pair: Pair
    features: tuple[str, ...]
    label: bool
    rule: str | None  # the hand-written rule that chose the candidate
    word: tuple[str, ...] = ()  # the candidate word's features for the eventness model


class Recorder(EventAnchorer):
    """An anchorer that records the scored pairs instead of making events."""

    def __init__(self) -> None:
        super().__init__(Settings(), model=AnchoringModel({}, 1.0))
        self.pairs = PairFeatures(self.pairs.words)  # no eventness: it is added per training set
        self.seen: list[list[tuple[Pair, Candidate]]] = []

    def anchor(self, text: str, published: date, timexes: tuple[Timex, ...], parsed: ParsedText) -> tuple[Event, ...]:
        self.seen.append([(pair, candidate) for pair, _, candidate in candidate_pairs(self, timexes, parsed, published)])
        return ()


def collect(golds: list[TimeMLDocument], tool: bool) -> list[Example]:
    """Every scored pair of every document, labelled against the gold TLINKs."""
    recorder = Recorder()
    if tool:
        pipeline = Pipeline(Settings())
        pipeline.anchorer = recorder
        for _ in pipeline.process_many(g.article() for g in golds):
            pass
    else:
        anchor_gold_timexes(golds, anchorer=recorder)
    examples = []
    for index, (gold, seen) in enumerate(zip(golds, recorder.seen)):
        truth = gold_pairs(gold)
        for pair, c in seen:
            examples.append(Example(index, pair, c.features, any(g.matches(pair) for g in truth), c.rule,
                                    c.word_features))
    return examples


def collect_words(golds: list[TimeMLDocument], pairs: PairFeatures) -> list[Example]:
    """Every event-like word of every sentence, labelled by whether a gold EVENT overlaps it."""
    examples = []
    for index, (gold, parsed) in enumerate(zip(golds, parse_golds(golds, load_model(Settings().spacy_model)))):
        events = sorted((e.start, e.end) for e in gold.events)
        for piece in parsed.pieces:
            start = piece.start
            for token in piece.doc:
                if token.pos_ not in CANDIDATE_POS:
                    continue
                span = Span(start + token.idx, start + token.idx + len(token.text))
                label = any(Span(a, b).overlaps(span) for a, b in events)
                word = token_features(token, pairs.kind(token))
                examples.append(Example(index, Pair(span, span), word, label, None, word))
    return examples


Word = tuple[int, int]  # (document, start of the word)


def eventness(words: list[Example], docs: list[int], args: argparse.Namespace
              ) -> tuple[AnchoringModel, dict[Word, float]]:
    """The eventness model trained on the words of ``docs``, and each word's
    probability: out of fold for the words of ``docs``, from that model for the others."""
    mine = [w for w in words if w.doc in set(docs)]
    oof = out_of_fold(docs, mine, mine, args.l2, args.min_count)
    model = fit(mine, args.l2, args.min_count)
    found = {(w.doc, w.pair.event.start): p for w, p in zip(mine, oof)}
    for w in words:
        found.setdefault((w.doc, w.pair.event.start), model.probability(w.features))
    return model, found


def with_eventness(examples: list[Example], probability: dict[Word, float],
                   model: AnchoringModel) -> list[Example]:
    """The examples with the pair features of their candidate's eventness."""
    extended = []
    for e in examples:
        p = probability.get((e.doc, e.pair.event.start))
        p = model.probability(e.word) if p is None else p
        extended.append(replace(e, features=e.features + tuple(eventness_features(p, e.features))))
    return extended


class Encoded:
    """Examples as sparse rows of feature indices."""

    def __init__(self, examples: list[Example], vocabulary: dict[str, int]) -> None:
        rows = [[vocabulary[f] for f in e.features if f in vocabulary] for e in examples]
        self.index = np.array([i for row in rows for i in row], dtype=np.int64)
        self.row = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
        self.y = np.array([e.label for e in examples], dtype=np.float64)
        self.size = len(rows)


def vocabulary_of(examples: list[Example], min_count: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in examples:
        for f in e.features:
            counts[f] = counts.get(f, 0) + 1
    return {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}


def fit(examples: list[Example], l2: float, min_count: int, steps: int = 400) -> AnchoringModel:
    """Logistic regression by full-batch Adam on the mean log loss + l2/2 |w|^2."""
    vocabulary = vocabulary_of(examples, min_count)
    data = Encoded(examples, vocabulary)
    w = np.zeros(len(vocabulary))
    b = 0.0
    m, v = np.zeros(len(w) + 1), np.zeros(len(w) + 1)
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, steps + 1):
        z = np.bincount(data.row, weights=w[data.index], minlength=data.size) + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        residual = (p - data.y) / data.size
        grad = np.append(np.bincount(data.index, weights=residual[data.row], minlength=len(w)) + l2 * w,
                         residual.sum())
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad * grad
        update = rate * (m / (1 - beta1 ** step)) / (np.sqrt(v / (1 - beta2 ** step)) + 1e-8)
        w -= update[:-1]
        b -= update[-1]
    names = sorted(vocabulary, key=vocabulary.__getitem__)
    weights = {f: float(w[vocabulary[f]]) for f in names if abs(w[vocabulary[f]]) >= 1e-3}
    return AnchoringModel(weights, 0.5, bias=float(b))


def probabilities(model: AnchoringModel, examples: list[Example]) -> np.ndarray:
    return np.array([model.probability(e.features) for e in examples])


def ruled(examples: list[Example], rules: frozenset[str] | None = None) -> np.ndarray:
    """Which examples a hand-written rule chose (one of ``rules`` if given)."""
    return np.array([e.rule is not None and (rules is None or e.rule in rules) for e in examples])


def kept(model: AnchoringModel, examples: list[Example]) -> np.ndarray:
    """The pairs the model keeps (as :meth:`AnchoringModel.keeps` decides)."""
    return (probabilities(model, examples) >= model.threshold) | ruled(examples, model.kept_rules)


def rare_rules(examples: list[Example], below: int = RARE_RULE, precise: float = RARE_RULE_PRECISION) -> frozenset[str]:
    """Rules that chose too few pairs of the training data for their weight to
    be learned, and were right often enough to be trusted as they are."""
    counts: dict[str, list[int]] = {}
    for e in examples:
        if e.rule is not None:
            seen = counts.setdefault(e.rule, [0, 0])
            seen[0] += 1
            seen[1] += e.label
    return frozenset(r for r, (n, right) in counts.items() if n < below and right >= precise * n)


def counts_at(golds: list[TimeMLDocument], docs: list[int], examples: list[Example], keep: np.ndarray) -> LinkCounts:
    """Link counts over the documents ``docs`` when the pairs ``keep`` are the system's."""
    system: dict[int, list[Pair]] = {d: [] for d in docs}
    for example, kept in zip(examples, keep):
        if kept and example.doc in system:
            system[example.doc].append(example.pair)
    total = LinkCounts()
    for d in docs:
        total.add(score_pairs(gold_pairs(golds[d]), system[d]))
    return total


def best_threshold(golds: list[TimeMLDocument], docs: list[int], examples: list[Example], p: np.ndarray,
                   always: np.ndarray, min_precision: float) -> float:
    """The threshold with the best F1 among those reaching ``min_precision``
    (the pairs ``always`` are kept whatever their probability)."""
    best, best_f1 = 0.5, -1.0
    for threshold in np.arange(0.15, 0.8, 0.01):
        scores = counts_at(golds, docs, examples, (p >= threshold) | always).scores()
        if scores["precision"] >= min_precision and scores["f1"] > best_f1:
            best, best_f1 = float(threshold), scores["f1"]
    return round(best, 2)


def out_of_fold(docs: list[int], learn: list[Example], predict: list[Example], l2: float, min_count: int,
                folds: int = 5) -> np.ndarray:
    """Probabilities of the ``predict`` examples of ``docs``, each from a model
    trained on the ``learn`` examples of the other folds' documents."""
    p = np.zeros(len(predict))
    fold_of = {d: n % folds for n, d in enumerate(docs)}
    for k in range(folds):
        model = fit([e for e in learn if fold_of.get(e.doc, k) != k], l2, min_count)
        for i, e in enumerate(predict):
            if fold_of.get(e.doc) == k:
                p[i] = model.probability(e.features)
    return p


def train(golds: list[TimeMLDocument], docs: list[int], learn: list[Example], select: list[Example],
          args: argparse.Namespace) -> tuple[AnchoringModel, np.ndarray]:
    """A model trained on ``docs``, its threshold chosen on out-of-fold
    probabilities of the ``select`` pairs; and those probabilities."""
    mine = [e for e in learn if e.doc in set(docs)]
    rare = rare_rules(mine)
    oof = out_of_fold(docs, mine, select, args.l2, args.min_count)
    threshold = best_threshold(golds, docs, select, oof, ruled(select, rare), args.precision)
    model = fit(mine, args.l2, args.min_count)
    return AnchoringModel(model.weights, threshold, model.bias, rare), oof


def report(label: str, counts: LinkCounts) -> None:
    s = counts.scores()
    print(f"  {label:<44} gold {counts.gold:5d} sys {counts.system:5d} matched {counts.matched:5d} | "
          f"P {s['precision']:5.1f} R {s['recall']:5.1f} F1 {s['f1']:5.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--write", action="store_true", help=f"save the final model as events/data/{MODEL_FILE}")
    parser.add_argument("--l2", type=float, default=3e-3)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--precision", type=float, default=71.0, help="the precision the threshold must reach")
    parser.add_argument("--train-on", choices=("gold", "tool", "both"), default="both",
                        help="which timexes' pairs to learn from")
    parser.add_argument("--no-eventness", action="store_true", help="leave the eventness features out")
    args = parser.parse_args(argv)

    golds = [read_timeml(p) for p in sorted(args.gold.rglob("*.tml"))]
    parts = {name: [i for i, g in enumerate(golds) if Path(g.path).parent.name == name]
             for name in sorted({Path(g.path).parent.name for g in golds})}
    everything = list(range(len(golds)))
    plain = {"gold": collect(golds, tool=False), "tool": collect(golds, tool=True)}
    words = [] if args.no_eventness else collect_words(golds, Recorder().pairs)
    for name, examples in plain.items():
        positive = sum(e.label for e in examples)
        print(f"{name} timexes: {len(examples)} pairs, {positive} positive")

    def trained_on(docs: list[int]) -> tuple[dict[str, list[Example]], AnchoringModel | None, dict[Word, float]]:
        """The example sets with the eventness a model trained on ``docs`` gives
        (and that model, and the eventness of each word)."""
        if args.no_eventness:
            return plain, None, {}
        model, probability = eventness(words, docs, args)
        return {name: with_eventness(ex, probability, model) for name, ex in plain.items()}, model, probability

    def learning(sets: dict[str, list[Example]]) -> list[Example]:
        return sets["gold"] + sets["tool"] if args.train_on == "both" else sets[args.train_on]

    sets = plain

    print("rules alone (the previous anchorer's choices):")
    for name, examples in sets.items():
        report(f"{name} timexes, all", counts_at(golds, everything, examples, ruled(examples)))

    if len(parts) == 2:
        print("cross-corpus (threshold chosen out of fold on the training corpus):")
        for source, target in (tuple(parts), tuple(reversed(list(parts)))):
            sets, _, _ = trained_on(parts[source])
            model, _ = train(golds, parts[source], learning(sets), sets["tool"], args)
            for name, examples in sets.items():
                rules = ruled(examples)
                report(f"rules alone on {target}, {name} timexes", counts_at(golds, parts[target], examples, rules))
                keep = kept(model, examples)
                report(f"{source} -> {target}, {name} timexes (t={model.threshold})",
                       counts_at(golds, parts[target], examples, keep))

    sets, events, probability = trained_on(everything)
    if events is not None:
        said = [probability[(w.doc, w.pair.event.start)] >= 0.5 for w in words]
        hits = sum(s and w.label for s, w in zip(said, words))
        gold = sum(w.label for w in words)
        print(f"eventness: {len(words)} event-like words, {gold} gold events; 5-fold out of fold "
              f"P {100 * hits / max(sum(said), 1):.1f} R {100 * hits / max(gold, 1):.1f} "
              f"(every word an event: P {100 * gold / len(words):.1f})")
    final, oof = train(golds, everything, learning(sets), sets["tool"], args)
    print(f"final model: {len(final.weights)} weights, threshold {final.threshold}, "
          f"rules kept as they are: {', '.join(sorted(final.kept_rules))}")
    oof_keep = (oof >= final.threshold) | ruled(sets["tool"], final.kept_rules)
    report("all, 5-fold out of fold, tool timexes", counts_at(golds, everything, sets["tool"], oof_keep))
    for name, examples in sets.items():
        keep = kept(final, examples)
        report(f"all -> all (in sample), {name} timexes", counts_at(golds, everything, examples, keep))
        for part, docs in parts.items():
            report(f"  of which {part}", counts_at(golds, docs, examples, keep))
    if args.write:
        for name, saved in ((MODEL_FILE, final), (EVENT_MODEL_FILE, events)):
            if saved is not None:
                path = ROOT / "timeline" / "events" / "data" / name
                path.write_text(saved.to_json(), "utf-8")
                print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
