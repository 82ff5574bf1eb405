"""A learned scorer of (timex, candidate event) pairs.

Every event-like word (verb, noun, adjective) in the sentence of a DATE/TIME
expression is a candidate; a logistic regression over a few general features
of the pair (the dependency path between them, the timex's preposition, what
kind of word the candidate is, how far apart they are, what lies between, and
what the hand-written rules of :mod:`timeline.events.triggers` chose) gives
the probability that the expression dates the candidate.  The weights are
learned from the TimeML corpus by ``bench/train_anchoring.py`` and shipped as
``data/anchoring_model.json``; a pair is kept when its probability reaches the
model's threshold, or when a rule too rare to learn from found it.  Features are plain strings, so every decision can be
explained by listing the weights that made it (:meth:`AnchoringModel.explain`).
"""

from __future__ import annotations

import heapq
import json
import math
from datetime import date
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from timeline.events.eventness import EVENT_MODEL_FILE, eventness_features, token_features
from timeline.events.interval import interval, placement
from timeline.model import DateInterval
from timeline.events.lexicon import Lexicon, lexicon
from timeline.events.triggers import Trigger, span_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODEL_FILE = "anchoring_model.json"
CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
ANY_RULE = "*"
# labels kept on each side of a dependency path; longer paths are cut
_PATH_UP, _PATH_DOWN = 3, 2
_MAX_DEPTH = 40
# a sentence with more date expressions than this is a list (a schedule, a
# table, repeated junk), not prose: each date then competes only for the
# _NEAREST_WORDS words closest to it, so the work stays proportional to the
# sentence's length instead of dates x words
_CROWDED_SENTENCE = 8
_NEAREST_WORDS = 24


@dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate event word of a timex's sentence and the features of the pair."""

    token: "Token"
    features: tuple[str, ...]
    rule: str | None  # the hand-written rule that chose it, if one did
    word_features: tuple[str, ...] = ()  # what the eventness model reads of the word


@dataclass(frozen=True, slots=True)
class AnchoringModel:
    """Feature weights and the probability a pair needs to be kept."""

    weights: dict[str, float]
    threshold: float
    bias: float = 0.0
    # hand-written rules for constructions too rare in the corpus to learn
    # ("the message dated Nov. 1" -> wrote): what they find is always kept
    kept_rules: frozenset[str] = frozenset()

    def keeps(self, candidate: Candidate) -> bool:
        """Whether the timex dates the candidate."""
        if candidate.rule is not None and (candidate.rule in self.kept_rules or ANY_RULE in self.kept_rules):
            return True
        return self.probability(candidate.features) >= self.threshold

    @classmethod
    def rules_only(cls) -> "AnchoringModel":
        """The hand-written rules without the classifier (what every rule finds, nothing else)."""
        return cls({}, math.inf, kept_rules=frozenset({ANY_RULE}))

    def probability(self, features: Iterable[str]) -> float:
        weights = self.weights
        z = self.bias + sum(weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def explain(self, features: Iterable[str]) -> list[tuple[str, float]]:
        """The weights behind a decision, strongest first."""
        found = [(f, self.weights[f]) for f in features if f in self.weights]
        return sorted(found, key=lambda item: -abs(item[1]))

    def to_json(self) -> str:
        data = {"threshold": self.threshold, "bias": self.bias, "kept_rules": sorted(self.kept_rules),
                "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())}}
        return json.dumps(data, indent=0, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, raw: str) -> "AnchoringModel":
        data = json.loads(raw)
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["threshold"]),
                   float(data.get("bias", 0.0)), frozenset(data.get("kept_rules", ())))

    @classmethod
    def load(cls, path: Path | None = None) -> "AnchoringModel":
        """The model at ``path``, or the one shipped with the package."""
        if path is not None:
            return cls.from_json(path.read_text("utf-8"))
        return shipped_model()


@lru_cache(maxsize=2)
def _shipped(name: str) -> AnchoringModel:
    return AnchoringModel.from_json(resources.files("timeline.events").joinpath(f"data/{name}").read_text("utf-8"))


def shipped_model() -> AnchoringModel:
    """The pair scorer shipped with the package."""
    return _shipped(MODEL_FILE)


def shipped_event_model() -> AnchoringModel:
    """The eventness model shipped with the package (:mod:`timeline.events.eventness`)."""
    return _shipped(EVENT_MODEL_FILE)


@dataclass(frozen=True, slots=True)
class SentenceDates:
    """The DATE/TIME expressions of one sentence: how many, and how many attach
    to each word (through their preposition)."""

    count: int
    governed: dict[int, int]

    @classmethod
    def of(cls, expressions: Sequence[Sequence["Token"]]) -> "SentenceDates":
        governed: dict[int, int] = {}
        for tokens in expressions:
            inside = {t.i for t in tokens}
            governor = _governor(span_head(list(tokens), inside), inside) if tokens else None
            if governor is not None:
                governed[governor.i] = governed.get(governor.i, 0) + 1
        return cls(len(expressions), governed)

    def rivals_at(self, token: "Token", own_governor: "Token | None") -> str:
        """Whether another expression attaches to ``token``: that one, not this, likely dates it."""
        others = self.governed.get(token.i, 0) - (own_governor is not None and own_governor.i == token.i)
        return "governed" if others > 0 else "none"


class PairFeatures:
    """The candidates of a timex and the features of each (timex, candidate) pair."""

    def __init__(self, words: Lexicon | None = None, eventness: AnchoringModel | None = None) -> None:
        self.words = words or lexicon()
        self.eventness = eventness  # without it, no eventness features (what training records)
        # what is computed once per parse (every date of a sentence scores the same words)
        self._seen_doc: "Doc | None" = None
        self._seen_words: dict[int, tuple[str, tuple[str, ...], float | None]] = {}
        self._between: _Between | None = None
        self._sentences: dict[int, list["Token"]] = {}  # event-like words by sentence start
        self._chains: dict[int, list["Token"]] = {}

    def candidates(
        self, timex_tokens: Sequence["Token"], rules: Sequence[Trigger], value: str = "",
        dates: "SentenceDates | None" = None, published: date | None = None,
    ) -> list[Candidate]:
        """The candidates of a timex (its tokens; the rules' triggers for it, the
        main one first; its TIMEX3 value; what the DATE/TIME expressions of its
        sentence attach to, as they compete for the same words)."""
        inside = {t.i for t in timex_tokens}
        head = span_head(list(timex_tokens), inside)
        between = self._see(head.doc)
        words = [t for t in self._sentence_words(head) if t.i not in inside]
        if dates is not None and dates.count > _CROWDED_SENTENCE:
            words = heapq.nsmallest(_NEAREST_WORDS, words, key=lambda t: abs(t.i - head.i))
        if not words:
            return []
        rule_of = {r.token.i: r.rule for r in rules}
        for trigger in rules:  # a rule may reach past the parser's sentence ("when" clauses)
            if trigger.token.i not in inside and trigger.token not in words:
                words.append(trigger.token)
        head_chain = _chain(head)
        above = {t.i: n for n, t in enumerate(head_chain)}  # the timex head's ancestors, by height
        governor = _governor(head, inside)
        chains = {t.i: self._chain(t) for t in words}
        paths = {t.i: _path(head_chain, above, chains[t.i]) for t in words}
        order = sorted(words, key=lambda t: (len(paths[t.i][0]) + len(paths[t.i][1]), abs(t.i - head.i)))
        rank = {t.i: n for n, t in enumerate(order)}
        when = interval(value, published) if value and not value[0].isalpha() else None
        timex = [*self._timex_features(head, inside), f"gran={_granularity(value, when)}"]
        direction = _direction(value, when, published)
        main = rules[0].token if rules else None
        dates = dates or SentenceDates.of([list(timex_tokens)])
        perfect = self.words.grammar["perfect_lemmas"]
        found: list[Candidate] = []
        for token in words:
            up, down = paths[token.i]
            rule = rule_of.get(token.i)
            relation = _relation(token, governor, above, chains[token.i])
            path = _path_features(up, down, token.pos_)
            to_main = _to_main(token, main)
            kind, word, probability = self._word(token)
            rival = dates.rivals_at(token, governor)
            features = [
                *timex,
                *self._word_features(token, kind),
                *path,
                *between.features(head, token),
                f"rank={min(rank[token.i], 3)}",
                f"rel={relation}",
                f"rel={relation}|{token.pos_}",
                f"rel={relation}|{timex[0]}",
                f"rel={relation}|{kind}",
                f"{path[0]}|{timex[0]}",
                f"rule={rule or 'none'}",
                f"main={to_main}",
                f"main={to_main}|{token.pos_}|{relation}",
                f"{timex[-1]}|{kind}|{token.pos_}",
                f"rival={rival}",
                f"rival={rival}|{relation}",
                f"timexes={min(dates.count, 3)}",
                f"when={direction}|{_verb_form(token, perfect)}",
            ]
            if rules and rules[0].token.i == token.i:
                features.append("rule=main")
            if probability is not None:
                features += eventness_features(probability, features)
            found.append(Candidate(token, tuple(features), rule, word))
        return found

    def _event_like(self, token: "Token") -> bool:
        if token.pos_ not in CANDIDATE_POS:
            return False
        if token.pos_ == "AUX":  # only a copula heading its own clause can name a state
            return token.dep_ not in ("aux", "auxpass")
        if token.pos_ == "ADJ":
            return token.dep_ not in ("amod",)
        return True

    def _timex_features(self, head: "Token", inside: set[int]) -> list[str]:
        parent = head.head
        preposition = "none"
        if parent != head and parent.i not in inside and (parent.pos_ in ("ADP", "SCONJ") or parent.dep_ == "prep"):
            known = self.words.grammar.get("anchoring_prepositions", frozenset())
            preposition = parent.lower_ if parent.lower_ in known else "other"
        return [f"prep={preposition}", f"tdep={head.dep_}"]

    def _word(self, token: "Token") -> tuple[str, tuple[str, ...], float | None]:
        """The word's kind (:meth:`kind`), eventness features and probability,
        once per word of a parse (every date of a sentence scores the same words)."""
        known = self._seen_words.get(token.i)
        if known is None:
            kind = self.kind(token)
            word = token_features(token, kind)
            known = self._seen_words[token.i] = (
                kind, word, self.eventness.probability(word) if self.eventness is not None else None)
        return known

    def _see(self, doc: "Doc") -> _Between:
        """Start the per-parse caches when a new parse comes."""
        if self._seen_doc is not doc or self._between is None:
            self._seen_doc, self._seen_words, self._between = doc, {}, _Between(doc)
            self._sentences, self._chains = {}, {}
        return self._between

    def _sentence_words(self, head: "Token") -> list["Token"]:
        """The event-like words of the head's parser sentence, once per sentence."""
        sentence = head.sent
        known = self._sentences.get(sentence.start)
        if known is None:
            known = self._sentences[sentence.start] = [t for t in sentence if self._event_like(t)]
        return known

    def _chain(self, token: "Token") -> list["Token"]:
        known = self._chains.get(token.i)
        if known is None:
            known = self._chains[token.i] = _chain(token)
        return known

    def kind(self, token: "Token") -> str:
        """What sort of word the candidate is, from the word lists."""
        words = self.words
        lemma = token.lemma_.lower()
        if lemma in words.grammar["copula_lemmas"]:
            return "copula"
        if lemma in words.reporting_verbs:
            return "reporting"
        if lemma in words.aspectual_verbs:
            return "aspectual"
        if words.relates_things(token) or lemma in words.relational_verbs:
            return "non-event"
        if lemma in words.transparent_verbs:
            return "transparent"
        if token.pos_ == "NOUN" and words.is_event_noun(lemma, listed_only=True):
            return "event-noun"
        if token.pos_ == "NOUN" and words.is_event_noun(lemma):
            return "event-suffix"
        return "other"

    def _word_features(self, token: "Token", kind: str) -> list[str]:
        return [f"pos={token.pos_}", f"tag={token.tag_}", f"dep={token.dep_}", f"kind={kind}",
                f"kind={kind}|{token.pos_}|{token.dep_}"]


def _chain(token: "Token") -> list["Token"]:
    """The token and its ancestors up to the root."""
    chain = [token]
    while token.head != token and len(chain) < _MAX_DEPTH:
        token = token.head
        chain.append(token)
    return chain


def _path(head_chain: list["Token"], above: dict[int, int], chain: list["Token"]) -> tuple[list[str], list[str]]:
    """Dependency labels from the timex head up to the common ancestor, and
    from there down to the token whose ``chain`` is given (``above``: the
    position of each word of ``head_chain``)."""
    down: list[str] = []
    for t in chain:
        if t.i in above:
            up = [u.dep_ for u in head_chain[:above[t.i]]]
            return up, down[::-1]
        down.append(t.dep_)
    return [u.dep_ for u in head_chain], down[::-1]  # no common ancestor (two parser sentences)


def _path_features(up: list[str], down: list[str], pos: str) -> list[str]:
    cut_up = "^".join(up[:_PATH_UP]) + ("^+" if len(up) > _PATH_UP else "")
    cut_down = "v".join(down[-_PATH_DOWN:]) + ("+v" if len(down) > _PATH_DOWN else "")
    path = f"{cut_up}|{cut_down}"
    return [f"path={path}", f"path={path}|{pos}", f"up={min(len(up), 5)}", f"down={min(len(down), 4)}"]


class _Between:
    """What lies between a timex head and a candidate, from prefix counts over
    the parse (built once per parse, so long date-dense sentences stay linear)."""

    def __init__(self, doc: "Doc") -> None:
        self.verbs, self.puncts, self.clauses = [0], [0], [0]
        for t in doc:
            self.verbs.append(self.verbs[-1] + (t.pos_ == "VERB"))
            self.puncts.append(self.puncts[-1] + (t.text in (",", ";", ":", "--")))
            self.clauses.append(self.clauses[-1] + (t.dep_ == "mark" or t.tag_ in ("WDT", "WRB", "WP")))

    def features(self, head: "Token", token: "Token") -> list[str]:
        lo, hi = sorted((head.i, token.i))
        distance = token.i - head.i
        bucket = next(b for b in (1, 2, 3, 5, 8, 12, 1000) if abs(distance) <= b)
        side = "after" if distance > 0 else "before"
        # tokens strictly between: prefix[hi] - prefix[lo + 1]
        verbs = self.verbs[hi] - self.verbs[lo + 1] if hi > lo else 0
        features = [f"dist={side}{bucket}", f"verbs-between={min(verbs, 2)}"]
        if hi > lo and self.puncts[hi] - self.puncts[lo + 1]:
            features.append("punct-between")
        if hi > lo and self.clauses[hi] - self.clauses[lo + 1]:
            features.append("clause-between")
        return features


def _granularity(value: str, when: DateInterval | None) -> str:
    """A coarse class of the TIMEX3 value: how fine a date it is."""
    if value == "PRESENT_REF":
        return "present"
    if when is None or "X" in value:
        return "fuzzy"
    if when.granularity in ("minute", "hour", "partofday"):
        return "time"
    if when.granularity in ("day", "weekend", "week"):
        return "day"
    if when.granularity in ("month", "season", "quarter", "half"):
        return "month"
    return "year"


def _direction(value: str, when: DateInterval | None, published: date | None) -> str:
    """Whether the date lies before or after the publication day (for tense agreement)."""
    fuzzy = {"PAST_REF": "past", "FUTURE_REF": "future", "PRESENT_REF": "around"}
    if value in fuzzy:
        return fuzzy[value]
    if when is None or published is None:
        return "unknown"
    return placement(when, published)


def _verb_form(token: "Token", perfect: frozenset[str]) -> str:
    """The candidate's tag, or its verb group when an auxiliary says more ("will", "has";
    ``perfect``: the lemmas of a perfect's auxiliary)."""
    group = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in group):
        return "modal"
    if any(c.lemma_ in perfect for c in group):
        return "perfect"
    return token.tag_


def _to_main(token: "Token", main: "Token | None") -> str:
    """How the candidate stands to the rules' main trigger: the complement a
    dated verb takes ("stopped paying") or the verb above it."""
    if main is None:
        return "none"
    if token.i == main.i:
        return "self"
    if token.head.i == main.i and token.head != token:
        return f"child-{token.dep_}"
    if main.head.i == token.i and main.head != main:
        return f"head-{main.dep_}"
    if token.head.i == main.head.i and token.head != token:
        return "sibling"
    return "other"


def _governor(head: "Token", inside: set[int]) -> "Token | None":
    """The first word above the timex that is neither in it nor a preposition."""
    for token in _chain(head)[1:]:
        if token.i not in inside and token.pos_ not in ("ADP", "SCONJ", "PUNCT"):
            return token
    return None


def _relation(token: "Token", governor: "Token | None", above: dict[int, int], chain: list["Token"]) -> str:
    """How the candidate stands to the timex in the tree (``above``: the
    timex head's chain of ancestors; ``chain``: the candidate's)."""
    if governor is not None and token.i == governor.i:
        return "governor"
    if token.i in above:
        return "ancestor"
    if governor is not None and any(t.i == governor.i for t in chain):
        conj = token.dep_ == "conj" and token.head.i == governor.i
        return "governor-conj" if conj else "below-governor"
    return "elsewhere"
