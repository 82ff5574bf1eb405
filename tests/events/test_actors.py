"""The document-level index of people and organisations (events/actors.py)."""

from __future__ import annotations

from datetime import date

import pytest

import timeline
from events_helpers import parse
from timeline.events.actors import ActorIndex

TEXT = (
    "WASHINGTON (Reuters) - U.S. President Donald Trump on Thursday nominated Jerome Powell to replace "
    "Janet Yellen. Chief of Staff John Kelly said Powell was a good choice. Apple Inc. said Steve Jobs "
    "resigned. “I think we will win,” Trump told reporters. Jobs founded the company. The Justice Department "
    "said it would appeal."
)


def test_names_split_from_their_titles_and_kinds():
    index = ActorIndex.of(TEXT)
    kinds = {m.actor.name: m.actor.kind for m in index.mentions}
    assert kinds["Donald Trump"] == "person"
    assert kinds["John Kelly"] == "person"  # "Chief of Staff" is a title
    assert kinds["Apple Inc"] == "organisation"
    assert kinds["Justice Department"] == "organisation"
    assert "WASHINGTON" not in kinds  # a dateline names no one
    assert "president" in next(m.actor for m in index.mentions if m.actor.name == "Donald Trump").titles


def test_short_names_are_the_full_name():
    index = ActorIndex.of(TEXT)
    assert index.full_name("Jobs") == "Steve Jobs"
    assert index.full_name("Powell") == "Jerome Powell"
    assert index.full_name("Nobody") == "Nobody"


def test_last_compatible_name_and_quote_speaker():
    index = ActorIndex.of(TEXT)
    company = TEXT.index("the company")
    assert index.last(company, ("organisation",)).name == "Apple Inc"
    assert index.last(company, ("person",)).name == "Steve Jobs"
    assert index.last(company, ("person",), title="president").name == "Donald Trump"
    assert index.speaker(TEXT.index("I think")).name == "Donald Trump"  # named after the quotation
    assert index.speaker(TEXT.index("Jobs founded")) is None  # not in a quotation


def test_headline_names_the_main_actors():
    index = ActorIndex.of(TEXT, headline="Trump picks Powell to lead Fed")
    assert [a.name for a in index.main_actors(2)] == ["Donald Trump", "Jerome Powell"]


def test_refers_to_resolves_pronouns_and_descriptions_on_the_parse():
    text = ("Apple Inc. said on Monday that Chief Executive Steve Jobs resigned. The company will hire a new chief. "
            "He left on Friday.")
    parsed = parse(text)
    index = ActorIndex.of(text, parsed)
    company = parsed.token_at(text.index("company"))
    he = parsed.token_at(text.index("He"))
    chief = parsed.token_at(text.index("chief"))
    assert index.refers_to(company).name == "Apple Inc"
    assert index.refers_to(he).name == "Steve Jobs"
    assert index.refers_to(chief) is None  # "a new chief" describes no one named


@pytest.mark.parametrize("text, published, expected", [
    # a possessive pronoun: the person named before
    ("U.S. Senator Al Franken said on Thursday he will resign. His term expires in January 2021.", date(2017, 12, 7),
     "Al Franken's term expires"),
    # "it" of an organisation named in an earlier sentence
    ("Apple Inc. said on Monday the company will invest $1 billion. It expects to hire 2,000 workers next year.",
     date(2017, 12, 7), "Apple Inc expects to hire 2,000 workers"),
    # a pronoun whose clause's subject is a description: the name the description stands for
    ("U.S. District Judge Amy Berman Jackson heard the case. Later, Amy Berman Jackson met Kevin Downing. "
     "The judge said the terms would remain, and she set a bail hearing for Monday.", date(2017, 11, 2),
     "Amy Berman Jackson set bail hearing"),
    # an "it" opening its sentence: the named subject of the sentence before (a country acts)
    ("After a flurry of activity in September, Pyongyang did not disrupt the congress in October. "
     "It has not tested a missile since launching one over Japan on Sept. 15.", date(2017, 11, 2),
     "Pyongyang launched missile over Japan"),
    # a stray name before a conjunct verb is its subject, not the clause before
    ("The Trump administration had to scramble to find an FDIC chief after its prior nominee, James Clinger, "
     "withdrew his name from consideration in July.", date(2017, 11, 2),
     "James Clinger withdrew his name from consideration"),
    # an apposition's name says who
    ("A third former Trump adviser, George Papadopoulos, pleaded guilty in early October to lying to the FBI.",
     date(2017, 11, 2), "George Papadopoulos pleaded guilty to lying to FBI"),
])
def test_titles_name_the_participant_the_article_names(text, published, expected):
    document = timeline.extract(text, published)
    assert expected in [e.title for e in document.events]


def test_an_expletive_it_is_left_alone():
    text = "Apple Inc. opened a store. It was unclear on Monday whether the store would stay open."
    parsed = parse(text)
    index = ActorIndex.of(text, parsed)
    it = parsed.token_at(text.index("It was"))
    assert index.refers_to(it).name == "Apple Inc"  # the index answers; the title decides it acts
    from timeline.events.clause_roles import acting_it as _acting_it
    from timeline.events.lexicon import lexicon
    assert not _acting_it(it, lexicon())


def test_a_name_suffix_keeps_son_and_father_apart():
    # "Jr." is part of the name: the son is neither "Donald Trump" nor "Jr"
    text = ("President Donald Trump spoke on Monday. Donald Trump Jr. arrived at the Capitol on Thursday. "
            "Trump Jr. told the panel he would testify again.")
    index = ActorIndex.of(text)
    son = index.last(text.index("Trump Jr. told") + len("Trump Jr."), ("person",))
    assert son is not None and son.name == "Donald Trump Jr." and son.short == "Trump Jr."
    assert son.count == 2
    assert index.full_name("Trump Jr.") == "Donald Trump Jr."


def test_a_description_names_an_organisation_of_its_kind():
    text = ("Prices are set by the Postal Regulatory Commission, an independent agency. Amazon shares fell. "
            "Amazon has shown interest in its own delivery service. Last year, that panel raised prices. "
            "The company spent $11.5 billion on shipping.")
    parsed = parse(text)
    index = ActorIndex.of(text, parsed)
    panel = parsed.token_at(text.index("panel"))
    company = parsed.token_at(text.index("company"))
    assert index.refers_to(panel).name == "Postal Regulatory Commission"  # a panel may be a commission
    # a company is no public body; "Amazon shares" shows that Amazon is one
    assert index.refers_to(company).name == "Amazon"


def test_the_company_is_never_a_public_body():
    text = "Prices are set by the Postal Regulatory Commission. In 2015, the company spent $11.5 billion."
    parsed = parse(text)
    index = ActorIndex.of(text, parsed)
    assert index.refers_to(parsed.token_at(text.index("company"))) is None
