"""Is a word a TimeML event?  The evidence the pair scorer lacks.

Annotators date most of the *events* of a date's sentence, but a sentence
holds many more event-like words (verbs, nouns, adjectives) than events:
"officer", "treaty" or "countries" are nouns like "ceremony" or "talks".
A second logistic regression, trained on the corpus's EVENT annotations
(every verb, noun and adjective of every sentence, not only the dated ones)
by ``bench/train_anchoring.py``, gives the probability that a word is an
event from the word itself (its lemma and suffix, the word lists' kind) and
its place in the parse.  The pair scorer reads that probability in five
bands, alone and joined with the candidate's relation to the date.
Weights: ``data/event_model.json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from spacy.tokens import Token

EVENT_MODEL_FILE = "event_model.json"
BANDS = 5
# pair features joined with the eventness band (plain ones, without "|")
_JOINED = ("rel=", "main=", "pos=", "kind=", "rule=")
# the dependents whose presence the model reads ("the talks", "they met", "will meet")
_CHILD_LABELS = frozenset({"det", "poss", "nsubj", "dobj", "prep", "aux", "auxpass", "amod", "compound"})


def token_features(token: "Token", kind: str) -> tuple[str, ...]:
    """What the eventness model reads of a word (``kind``: its word-list class)."""
    lemma = token.lemma_.lower()
    head = token.head
    children = {c.dep_ for c in token.children}
    features = [
        f"lemma={lemma}", f"suffix={lemma[-3:]}", f"suffix4={lemma[-4:]}", f"tag={token.tag_}",
        f"dep={token.dep_}", f"pos={token.pos_}|dep={token.dep_}", f"kind={kind}", f"kind={kind}|{token.pos_}",
        f"head={head.pos_}|{token.dep_}", f"head-lemma={head.lemma_.lower()}|{token.dep_}",
    ]
    features += [f"child={dep}|{token.pos_}" for dep in sorted(children & _CHILD_LABELS)]
    if token.is_title and token.i > token.sent.start:
        features.append(f"title|{token.pos_}")
    return tuple(features)


def eventness_features(probability: float, features: Sequence[str]) -> list[str]:
    """The pair features an eventness probability adds to a pair's ``features``."""
    band = f"ev={min(int(probability * BANDS), BANDS - 1)}"
    return [band, *(f"{band}|{f}" for f in features if f.startswith(_JOINED) and "|" not in f)]
