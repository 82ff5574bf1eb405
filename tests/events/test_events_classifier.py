"""The learned pair classifier: the shipped model, the features of a parsed
sentence, its decisions, the training code on a toy problem."""

from __future__ import annotations

import math
from types import ModuleType

from events_helpers import PUBLISHED, anchor, parse, timexes_for, triggers
from support import bench_module

from timeline.evaluate.events import Pair, Span
from timeline.events import EventAnchorer
from timeline.events.classifier import AnchoringModel, Candidate, shipped_model

SENTENCE = "The foreign ministers met in Paris on Monday to discuss trade."


def _candidates(text: str, phrase: str, value: str) -> dict[str, Candidate]:
    (timex,) = timexes_for(text, [(phrase, value)])
    found = EventAnchorer().candidates(timex, parse(text))
    return {c.token.text: c for c in found}


def test_shipped_model_loads_and_round_trips() -> None:
    model = shipped_model()
    assert len(model.weights) > 100
    assert 0.2 < model.threshold < 0.8
    assert all(math.isfinite(w) for w in model.weights.values())
    assert "when-clause" in model.kept_rules and "predicate" not in model.kept_rules
    again = AnchoringModel.from_json(model.to_json())
    assert again.threshold == model.threshold and again.kept_rules == model.kept_rules
    assert again.weights.keys() == model.weights.keys()
    assert AnchoringModel.load() is model  # loaded once


def test_candidates_are_the_event_like_words_of_the_sentence() -> None:
    found = _candidates(SENTENCE, "Monday", "2017-10-30")
    assert {"met", "discuss", "ministers", "trade"} <= set(found)
    assert not {"The", "in", "Paris", "on", "Monday", "to", "."} & set(found)


def test_features_describe_the_pair() -> None:
    found = _candidates(SENTENCE, "Monday", "2017-10-30")
    met, discuss = found["met"].features, found["discuss"].features
    assert {"prep=on", "rel=governor", "rule=predicate", "rule=main", "pos=VERB", "dist=before5"} <= set(met)
    assert "path=pobj^prep|" in met  # up from "Monday" through "on" to "met", nothing down
    assert found["met"].rule == "predicate"
    assert {"rel=below-governor", "rule=none", "path=pobj^prep|advcl"} <= set(discuss)
    assert found["discuss"].rule is None


def test_the_word_the_date_modifies_scores_highest() -> None:
    model = shipped_model()
    found = _candidates(SENTENCE, "Monday", "2017-10-30")
    scores = {word: model.probability(c.features) for word, c in found.items()}
    assert max(scores, key=scores.__getitem__) == "met"
    assert model.keeps(found["met"]) and not model.keeps(found["ministers"])
    reasons = model.explain(found["met"].features)
    assert reasons and all(abs(a[1]) >= abs(b[1]) for a, b in zip(reasons, reasons[1:]))


def test_reporting_events_are_dated() -> None:
    for text in ("Police said on Friday that they had arrested a man.", "The company said Friday it would cut jobs."):
        assert triggers(anchor(text, [("Friday", "2017-11-03")])) == ["said"], text


def test_rare_rules_are_kept_whatever_the_weights() -> None:
    doubtful = AnchoringModel({"bad": -20.0}, 0.5, kept_rules=frozenset({"when-clause"}))
    (token,) = parse("Xi came.").pieces[0].doc[1:2]
    assert doubtful.keeps(Candidate(token, ("bad",), "when-clause"))
    assert not doubtful.keeps(Candidate(token, ("bad",), "predicate"))
    rules = AnchoringModel.rules_only()
    assert rules.keeps(Candidate(token, ("bad",), "predicate"))
    assert not rules.keeps(Candidate(token, (), None))


def test_rules_only_model_gives_the_rules_choices() -> None:
    text = "Voters cast ballots in the election on Sunday."
    timexes = timexes_for(text, [("Sunday", "2017-10-29")])
    rules = EventAnchorer(model=AnchoringModel.rules_only()).anchor(text, PUBLISHED, timexes, parse(text))
    assert triggers(rules) == ["cast", "election"]  # the governing verb and the adjacent event noun
    learned = EventAnchorer().anchor(text, PUBLISHED, timexes, parse(text))
    assert set(triggers(learned)) <= {"cast", "election"} and "cast" in triggers(learned)


def _training_module() -> ModuleType:
    return bench_module("train_anchoring")


def test_training_learns_a_toy_problem() -> None:
    train = _training_module()
    pair = Pair(Span(0, 1), Span(2, 3))
    examples = [train.Example(0, pair, ("good", "shared"), True, None) for _ in range(30)]
    examples += [train.Example(0, pair, ("bad", "shared"), False, None) for _ in range(30)]
    examples += [train.Example(0, pair, ("once",), False, None)]
    model = train.fit(examples, l2=1e-3, min_count=5)
    assert "once" not in model.weights  # too rare to be learned
    assert model.probability(("good", "shared")) > 0.9 > 0.1 > model.probability(("bad", "shared"))
