"""The ``timeline`` spaCy component: ``nlp.add_pipe("timeline")`` in any
English pipeline writes temporal expressions to ``doc.spans["timeline"]``.

Registered through the ``spacy_factories`` entry point, so it is available
without importing this package first.  Kept import-light: spaCy loads it
whenever it builds a pipeline.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

SPANS_KEY = "timeline"


def register_extensions() -> None:
    """Register the custom attributes once (never with ``force=True``)."""
    for name in ("timex_type", "timex_value", "timex_mod", "timex_id", "timex_anchor"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)


class TimelineComponent:
    """Recognise and resolve temporal expressions on a parsed spaCy ``Doc``."""

    def __init__(self, nlp: Language, name: str, published: str | None, spans_key: str) -> None:
        from timeline.read.text import parse_published
        from timeline.temporal import TemporalTagger

        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.default_published = parse_published(published) if published else None
        self.tagger = TemporalTagger()

    def __call__(self, doc: Doc) -> Doc:
        from timeline.errors import MissingPublicationDate
        from timeline.nlp import ParsedText
        from timeline.read.text import parse_published

        published: date | datetime | None = doc._.published or self.default_published
        if published is None:
            raise MissingPublicationDate(
                "set doc._.published or the component's 'published' config to resolve dates"
            )
        if isinstance(published, str):
            published = parse_published(published)
        candidates = self.tagger.candidates(doc.text)
        timexes = self.tagger.tag(doc.text, published, candidates, ParsedText.from_doc(doc))
        spans = []
        for t in timexes:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None:
                continue
            span._.timex_type = t.type
            span._.timex_value = t.value
            span._.timex_mod = t.mod
            span._.timex_id = t.id
            span._.timex_anchor = t.anchor
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "timeline",
    default_config={"published": None, "spans_key": SPANS_KEY},
    requires=["token.tag", "token.dep"],
    assigns=[f"doc.spans"],
)
def make_timeline_component(nlp: Language, name: str, published: str | None, spans_key: str) -> Any:
    return TimelineComponent(nlp, name, published, spans_key)
