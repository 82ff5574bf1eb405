"""The Duckling-style examples corpus and the negatives, through the real
pipeline (sentence selection, spaCy parse, POS filtering, resolution)."""

from __future__ import annotations

from datetime import date

import pytest

from temporal_tables import read_table
from timeline.model import Article

EXAMPLES = read_table("examples.tsv")
NEGATIVES = read_table("negatives.tsv")


@pytest.mark.parametrize("row", EXAMPLES, ids=[f"{r[2]}|{r[0][:40]}" for r in EXAMPLES])
def test_example(pipeline, row: list[str]) -> None:  # type: ignore[no-untyped-def]
    sentence, published, phrase, typ, value = row[:5]
    mod = row[5] if len(row) > 5 and row[5] else None
    quant = row[6] if len(row) > 6 else None
    doc = pipeline.process(Article(text=sentence, published=date.fromisoformat(published)))
    found = [t for t in doc.timexes if t.text == phrase]
    assert found, f"{phrase!r} not tagged; got {[(t.text, t.value) for t in doc.timexes]}"
    timex = found[-1]
    assert (timex.type, timex.value) == (typ, value), timex
    assert timex.mod == mod, timex
    if quant is not None:
        assert timex.quant == quant, timex
    assert sentence[timex.start:timex.end] == timex.text


@pytest.mark.parametrize("row", NEGATIVES, ids=[f"{r[2]}|{r[0][:40]}" for r in NEGATIVES])
def test_negative(pipeline, row: list[str]) -> None:  # type: ignore[no-untyped-def]
    sentence, published, phrase = row[:3]
    doc = pipeline.process(Article(text=sentence, published=date.fromisoformat(published)))
    start = sentence.index(phrase)
    end = start + len(phrase)
    overlapping = [t for t in doc.timexes if t.start < end and start < t.end]
    assert not overlapping, overlapping
