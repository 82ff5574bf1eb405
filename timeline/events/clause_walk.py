"""Walks over a dependency parse that the kind rules share: from a word to
the verb of its clause, from a noun to the verb it is a reference point of."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# how far up from a noun trigger its clause's verb is looked for
CLAUSE_DEPTH = 6
SUBJECTS_AND_OBJECTS = ("nsubj", "nsubjpass", "dobj")


def up_to_clause(token: "Token") -> list["Token"]:
    """``token`` and its heads up to the first verb (the clause it sits in)."""
    chain = [token]
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and len(chain) < CLAUSE_DEPTH:
        token = token.head
        chain.append(token)
    return chain


def governing_verb(trigger: "Token", passing: frozenset[str] = frozenset()) -> "Token | None":
    """The verb a noun trigger is an object or subject of, directly or through
    prepositions and their nouns ("ride to victories in the 2018 elections":
    ride), or None ("a violation of her gag order", through "be": no verb of it;
    or through a preposition of ``passing``: "following the Friday resignation"
    tells a happening before the clause, not a part of it)."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    token = trigger
    for _ in range(CLAUSE_DEPTH):
        if token.dep_ in SUBJECTS_AND_OBJECTS and token.head.pos_ in ("VERB", "AUX"):
            return token.head
        if token.dep_ != "pobj" or token.head.dep_ != "prep" or token.head.lower_ in passing:
            return None
        token = token.head.head  # the preposition's head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None
