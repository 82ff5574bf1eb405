"""The stages in order: recognise candidates (cheap, no parse) -> parse only
the sentences that hold one -> normalise and resolve -> anchor events.

Parsing is batched across documents with ``nlp.pipe``; everything else is per
document and pure.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Iterable, Iterator

from timeline.errors import MissingPublicationDate
from timeline.events import EventAnchorer
from timeline.events.happenings import HappeningFinder
from timeline.model import Article, Document, TextSpan
from timeline.nlp import ParsedText, SentenceParse, load_model
from timeline.settings import Settings
from timeline.temporal import Candidate, TemporalTagger
from timeline.text.sentences import lead_sentence, split_sentences

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(slots=True)
class _Pending:
    """A document between candidate recognition and parsing."""

    article: Article
    published: date
    candidates: list[Candidate]
    sentences: list[tuple[int, int]]
    lead: TextSpan | None = None


def document_id(article: Article) -> str:
    """The article's own id, else a short stable hash of its text and date."""
    if article.id:
        return article.id
    digest = hashlib.sha1(article.text.encode("utf-8", "surrogatepass"))
    digest.update(str(article.published).encode())
    return "doc-" + digest.hexdigest()[:12]


def publication_day(article: Article) -> date:
    if article.published is None:
        where = f" ({article.location})" if article.location else ""
        raise MissingPublicationDate(f"no publication date for article{where}: give one with --published")
    if isinstance(article.published, datetime):
        return article.published.date()
    return article.published


class Pipeline:
    """Article -> Document.  Build one per process and reuse it: the spaCy
    model and the language data are loaded once."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.tagger = TemporalTagger(self.settings)
        self.anchorer = EventAnchorer(self.settings)
        self.happenings = HappeningFinder() if self.settings.all_events else None
        self._nlp: Language | None = None

    @property
    def nlp(self) -> "Language":
        if self._nlp is None:
            self._nlp = load_model(self.settings.spacy_model, self.settings.entities or self.settings.all_events)
        return self._nlp

    def process(self, article: Article) -> Document:
        return next(self.process_many([article]))

    def process_many(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Process articles in batches, yielding documents in input order."""
        batch: list[_Pending] = []
        for article in articles:
            batch.append(self._prepare(article))
            if len(batch) >= self.settings.batch_size:
                yield from self._finish(batch)
                batch = []
        if batch:
            yield from self._finish(batch)

    def _prepare(self, article: Article) -> _Pending:
        day = publication_day(article)
        candidates = self.tagger.candidates(article.text)
        if self.settings.all_events:  # entity mode: every sentence may hold a happening
            return _Pending(article, day, candidates, split_sentences(article.text))
        sentences = split_sentences(article.text) if candidates else []
        # the lead is where an article's main news is told (importance of its events)
        found = lead_sentence(article.text) if candidates else None
        lead = TextSpan(found[0], found[1], "") if found else None
        # a time stamp closing a list item dates the item's first sentence
        items = tuple(s for s, _ in self.tagger.stamped_items(article.text, candidates))
        return _Pending(article, day, candidates, _sentences_with(sentences, candidates, items), lead)

    def _finish(self, batch: list[_Pending]) -> Iterator[Document]:
        texts = [p.article.text[s:e] for p in batch for s, e in p.sentences]
        docs = iter(self.nlp.pipe(texts, batch_size=256)) if texts else iter(())
        for pending in batch:
            pieces = [SentenceParse(s, next(docs)) for s, _ in pending.sentences]
            yield self._document(pending, ParsedText(pending.article.text, pieces))

    def _document(self, pending: _Pending, parsed: ParsedText) -> Document:
        article = pending.article
        published = article.published if article.published is not None else pending.published
        timexes = tuple(self.tagger.tag(article.text, published, pending.candidates, parsed, article.title))
        events = (
            self.anchorer.anchor(article.text, pending.published, timexes, parsed, article.title)
            if self.settings.events
            else ()
        )
        if self.happenings is not None:
            events = self.happenings.events(article.text, pending.published, timexes, parsed, events,
                                            article.title)
        entities: tuple[TextSpan, ...] = ()
        if self.settings.entities or self.settings.all_events:
            entities = tuple(
                TextSpan(p.start + ent.start_char, p.start + ent.end_char, ent.text)
                for p in parsed
                for ent in p.doc.ents
            )
        return Document(
            id=document_id(article),
            text=article.text,
            published=pending.published,
            timexes=timexes,
            events=events,
            title=article.title,
            url=article.url,
            source=article.source,
            published_at=article.published if isinstance(article.published, datetime) else None,
            entities=entities,
            lead=pending.lead,
        )


def _sentences_with(
    sentences: list[tuple[int, int]], candidates: list[Candidate], also: tuple[int, ...] = (),
) -> list[tuple[int, int]]:
    """The sentences that overlap at least one candidate or hold a position
    of ``also`` (sentences sorted)."""
    keep: list[tuple[int, int]] = []
    starts = sorted([c.start for c in candidates] + list(also))
    i = 0
    for s, e in sentences:
        while i < len(starts) and starts[i] < s:
            i += 1
        if i < len(starts) and starts[i] < e:
            keep.append((s, e))
    # a candidate that starts in white space between sentences is ignored
    return keep
