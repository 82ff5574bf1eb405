"""Participants of events and the --entity name matching (entity mode)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.events.participants import matches, name_words
from timeline.model import Document
from timeline.settings import Settings


@pytest.mark.parametrize("query, name", [
    ("Apple", "Apple Inc."), ("apple", "APPLE"), ("Jobs", "Steve Jobs"), ("Steve Jobs", "Jobs"),
    ("Dow Jones Industrial Average", "Dow"), ("Dow Jones Industrial Average", "the Dow Jones"),
    ("General Motors", "GM"), ("Ford Motor Company", "Ford"), ("Beatles Apple Corps", "Apple Corps"),
])
def test_a_name_matches_its_parts_and_aliases(query: str, name: str) -> None:
    assert matches(query, name)


@pytest.mark.parametrize("query, name", [
    ("Beatles Apple Corps", "Apple Inc."),  # a middle word is not the entity
    ("Steve Jobs", "Steve Wozniak"), ("Apple", "Google"), ("General Motors", "GE"), ("Apple", ""),
])
def test_other_names_do_not_match(query: str, name: str) -> None:
    assert not matches(query, name)


def test_name_words_drop_articles_possessives_and_company_suffixes() -> None:
    assert name_words("The Apple Inc.'s") == ("apple",)
    assert name_words("AT&T") == ("at&t",)


@pytest.fixture(scope="module")
def entity_document() -> Document:
    import timeline

    text = ("Acme Corp unveiled a new phone on Monday, chief executive Jane Doe said. "
            "Doe praised the device. She also announced a price cut.\n\n"
            "Rivals criticised the company.")
    return timeline.extract(text, date(2017, 11, 2), settings=Settings(all_events=True))


def participants_of(doc: Document, trigger: str) -> set[tuple[str, str, str]]:
    event = next(e for e in doc.events if e.trigger.text == trigger)
    return {(p.role, p.text, p.name) for p in event.participants}


def test_agents_and_patients_with_short_names_and_pronouns_resolved(entity_document: Document) -> None:
    assert ("agent", "Acme Corp", "Acme Corp") in participants_of(entity_document, "unveiled")
    assert ("agent", "Doe", "Jane Doe") in participants_of(entity_document, "praised")
    assert ("agent", "She", "Jane Doe") in participants_of(entity_document, "announced")
    assert ("patient", "company", "Acme Corp") in participants_of(entity_document, "criticised")


def test_entity_filter_matches_participants_and_says_which(entity_document: Document) -> None:
    from timeline.assemble import Timeline
    from timeline.filters import with_entity

    kept = with_entity(Timeline.from_documents([entity_document]), "jane doe")
    triggers = {s.trigger.text for e in kept.entries + kept.undated for s in e.sources}
    assert {"said", "praised", "announced"} <= triggers
    assert "criticised" not in triggers
    matched = {m for e in kept.entries + kept.undated for m in e.matched}
    assert "She (Jane Doe)" in matched and "Doe (Jane Doe)" in matched
    acme = with_entity(Timeline.from_documents([entity_document]), "Acme")
    assert "criticised" in {s.trigger.text for e in acme.entries + acme.undated for s in e.sources}
