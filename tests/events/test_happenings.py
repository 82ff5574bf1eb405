"""Entity mode: every happening is an event, dated by its date phrase, the
narrative's reference time or the publication day, and marked so."""

from __future__ import annotations

from datetime import date

import pytest

import timeline
from timeline.model import Document, Event
from timeline.settings import Settings

PUBLISHED = date(2010, 6, 8)
TEXT = ("Acme unveils new phone\n"
        "Yesterday, Acme unveiled a new phone in San Francisco. "
        "The chief executive demonstrated the device. "
        "In April, a blog obtained a prototype. "
        "The crowd cheered the launch. "
        "Acme will ship the phone next month. "
        "The phone has a larger screen. "
        "The company had tested it for years.\n\n"
        "Analysts praised the design.")


@pytest.fixture(scope="module")
def entity_document() -> Document:
    return timeline.extract(TEXT, PUBLISHED, settings=Settings(all_events=True))


def event(doc: Document, trigger: str) -> Event:
    return next(e for e in doc.events if e.trigger.text == trigger)


def test_own_date_phrase_first(entity_document: Document) -> None:
    unveiled = event(entity_document, "unveiled")
    assert unveiled.date_source == "timex" and unveiled.date and unveiled.date.value == "2010-06-07"


def test_the_narrative_carries_the_day_the_paragraph_set(entity_document: Document) -> None:
    for trigger in ("demonstrated", "cheered"):  # past tense after "Yesterday", across "In April"
        found = event(entity_document, trigger)
        assert found.date_source == "narrative" and found.certainty == "approximate"
        assert found.date is not None and found.date.value == "2010-06-07", trigger


def test_a_coarse_date_dates_its_own_sentence_only(entity_document: Document) -> None:
    obtained = event(entity_document, "obtained")
    assert obtained.date is not None and obtained.date.value.startswith("2010-04")


def test_the_publication_day_when_the_paragraph_set_no_date(entity_document: Document) -> None:
    praised = event(entity_document, "praised")  # past tense in a new paragraph
    assert praised.date_source == "publication" and praised.certainty == "approximate"
    assert praised.date is not None and praised.date.value == "2010-06-08"


def test_a_headline_adds_no_happenings_the_lede_tells_them(entity_document: Document) -> None:
    assert "unveils" not in {e.trigger.text for e in entity_document.events}


def test_no_date_for_the_future_a_state_or_the_past_perfect(entity_document: Document) -> None:
    ship = event(entity_document, "ship")
    assert ship.date_source == "timex"  # "next month" dates it
    for trigger in ("has", "tested"):
        found = [e for e in entity_document.events if e.trigger.text == trigger]
        assert all(e.date is None and e.date_source == "none" for e in found), trigger


def test_the_json_says_where_each_date_comes_from(entity_document: Document) -> None:
    sources = {e["date_source"] for e in entity_document.to_dict()["events"]}
    assert {"timex", "narrative", "publication"} <= sources


def test_the_default_mode_has_only_dated_events_and_parses_less() -> None:
    doc = timeline.extract(TEXT, PUBLISHED)
    assert doc.events and all(e.date_source == "timex" and not e.participants for e in doc.events)
    assert "demonstrated" not in {e.trigger.text for e in doc.events}


def test_settings_validate_the_flag() -> None:
    from timeline.errors import SettingsError

    with pytest.raises(SettingsError):
        Settings(all_events="yes")  # type: ignore[arg-type]


def test_a_quotation_adds_no_happenings_of_its_own() -> None:
    text = ('Acme closed its plant in Ohio. "We worked hard and we hoped the market would recover," '
            'the chief executive said. The plant made a "retina display" for phones.')
    doc = timeline.extract(text, PUBLISHED, settings=Settings(all_events=True))
    triggers = {e.trigger.text for e in doc.events}
    assert {"closed", "said", "made"} <= triggers
    assert not {"worked", "hoped", "recover"} & triggers
