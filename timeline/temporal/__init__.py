"""Temporal expressions: recognise spans, normalise them into underspecified
values (no reference time), resolve those against the publication date or the
last mentioned date.

The pipeline talks to this package through :class:`TemporalTagger` only:
``candidates`` is cheap (no parse) and tells which sentences need parsing;
``tag`` turns the candidates into resolved :class:`~timeline.model.Timex`.
"""

from timeline.temporal.recognize import Candidate
from timeline.temporal.tagger import TemporalTagger

__all__ = ["Candidate", "TemporalTagger"]
