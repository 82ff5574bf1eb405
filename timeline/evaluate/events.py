"""Event anchoring scores against TimeML event-time TLINKs (placeholder until
events land: returns None when the pipeline produced no events)."""

from __future__ import annotations

from typing import Sequence

from timeline.model import Document
from timeline.read.timeml import TimeMLDocument


def score_event_links(golds: Sequence[TimeMLDocument], documents: Sequence[Document]) -> dict[str, float] | None:
    if not any(d.events for d in documents):
        return None
    return None


def format_event_scores(scores: dict[str, float]) -> str:
    return " ".join(f"{k} {v:.1f}" for k, v in scores.items())
