"""Parse walks the kind rules share: a word's clause verb, and the verb a noun
is a reference point of."""

from __future__ import annotations

import pytest

from timeline.events.clause_walk import governing_verb, up_to_clause
from timeline.nlp import load_model
from timeline.settings import DEFAULT_SPACY_MODEL


def _token(sentence: str, word: str):
    doc = load_model(DEFAULT_SPACY_MODEL)(sentence)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(("sentence", "noun", "verb"), [
    # through prepositions and their nouns
    ("Activists hope their candidates can ride to victories in the 2018 elections.", "elections", "ride"),
    ("They could meet him during one of his weekend visits.", "visits", "meet"),
    # an object
    ("The leaders could hold talks on Friday.", "talks", "hold"),
])
def test_the_verb_a_noun_is_a_reference_point_of(sentence: str, noun: str, verb: str) -> None:
    found = governing_verb(_token(sentence, noun))
    assert found is not None and found.text == verb


def test_a_noun_reached_through_a_copula_complement_has_no_such_verb() -> None:
    # "a violation of her gag order": the order is no reference point of "be"
    noun = _token("She would consider such behavior to be a violation of her gag order.", "order")
    assert governing_verb(noun) is None


def test_a_verb_is_no_noun_and_its_clause_is_itself() -> None:
    verb = _token("The senator resigned on Monday.", "resigned")
    assert governing_verb(verb) is None
    assert up_to_clause(verb) == [verb]
