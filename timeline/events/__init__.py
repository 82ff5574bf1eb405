"""Dated events: anchor each DATE/TIME expression to the predicate it dates,
describe it, and assemble documents into one ordered timeline."""

from timeline.events.anchor import EventAnchorer

__all__ = ["EventAnchorer"]
