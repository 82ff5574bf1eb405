"""A fast rule-based sentence splitter.

Only sentences that hold a temporal expression are parsed, so the splitter
runs over every document and must be cheap; exact boundaries matter little
because spaCy re-segments each piece it parses.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# a sentence ends at . ! ? (optionally followed by quotes/brackets) then
# white space and an upper-case letter, digit or quote; or at a line break
_BOUNDARY = re.compile(r"""[.!?]["'\u2019\u201d)\]]*\s+(?=["'\u2018\u201c(\[]?[A-Z0-9])|\n\s*""")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.?[\"'\u2019\u201d)\]]*$")
# longer pieces are cut so that one pathological "sentence" cannot dominate
MAX_SENTENCE_CHARS = 2000
# a lead has at least this many words (a byline or a heading has fewer)
LEAD_MIN_WORDS = 6
# the lead is looked for in this many characters from the top
LEAD_SEARCH_CHARS = 3000


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    raw = resources.files("timeline.text").joinpath("data/abbreviations.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in raw.splitlines() if line.strip() and not line.startswith("#")
    )


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences of ``text``.

    Leading and trailing white space is left out of each sentence; empty
    sentences are dropped.
    """
    abbrev = abbreviations()
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group(0)[0] == ".":
            word = _LAST_WORD.search(text, max(start, match.start() - 20), match.start() + 1)
            token = word.group(1).rstrip(".").lower() if word else ""
            if token in abbrev or len(token) == 1:
                continue
        end = match.start() + (0 if match.group(0)[0].isspace() else 1)
        _add(text, start, end, bounds)
        start = match.end()
    _add(text, start, len(text), bounds)
    return bounds


def lead_sentence(text: str) -> tuple[int, int] | None:
    """Offsets of an article's lead: its first sentence (after the dateline,
    which opens it: "SEOUL (Reuters) - Chinese President Xi ..."), skipping
    a bracketed editor's note ("(This story corrects ...)") and a line too
    short to be a sentence (a byline)."""
    for start, end in split_sentences(text[:LEAD_SEARCH_CHARS]):  # the lead is near the top: no need to split it all
        piece = text[start:end]
        if piece[:1] in "([" or len(piece.split()) < LEAD_MIN_WORDS:
            continue
        return start, end
    return None


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        out.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append((start, end))
