"""Anchor hand-made timexes in a short text (the tagger is not involved)."""

from __future__ import annotations

from datetime import date

from timeline.events import EventAnchorer
from timeline.model import Event, Timex
from timeline.nlp import ParsedText, SentenceParse, load_model
from timeline.settings import DEFAULT_SPACY_MODEL, Settings
from timeline.text.sentences import split_sentences

PUBLISHED = date(2017, 11, 2)


def timexes_for(
    text: str, marks: list[tuple[str, str]], kind: str = "DATE", mod: str | None = None
) -> tuple[Timex, ...]:
    """A timex for the first occurrence of each phrase after the previous one."""
    found = []
    position = 0
    for i, (phrase, value) in enumerate(marks, 1):
        start = text.index(phrase, position)
        position = start + len(phrase)
        found.append(Timex(f"t{i}", start, position, phrase, kind, value, mod=mod))  # type: ignore[arg-type]
    return tuple(found)


def parse(text: str, settings: Settings | None = None) -> ParsedText:
    settings = settings or Settings()
    nlp = load_model(settings.spacy_model or DEFAULT_SPACY_MODEL, settings.entities)
    pieces = [SentenceParse(s, nlp(text[s:e])) for s, e in split_sentences(text)]
    return ParsedText(text, pieces)


def anchor(
    text: str, marks: list[tuple[str, str]], *, settings: Settings | None = None, mod: str | None = None,
    published: date = PUBLISHED,
) -> tuple[Event, ...]:
    timexes = timexes_for(text, marks, mod=mod)
    return EventAnchorer(settings).anchor(text, published, timexes, parse(text, settings))


def triggers(events: tuple[Event, ...]) -> list[str]:
    return [e.trigger.text for e in events]
