"""Placeholder: the event anchorer finds the event each timex dates."""

from __future__ import annotations

from datetime import date

from timeline.model import Event, Timex
from timeline.nlp import ParsedText
from timeline.settings import Settings


class EventAnchorer:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    def anchor(
        self, text: str, published: date, timexes: tuple[Timex, ...], parsed: ParsedText
    ) -> tuple[Event, ...]:
        return ()
