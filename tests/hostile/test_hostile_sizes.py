"""Pathological sizes: time grows linearly with the input (no regex
backtracking blow-up).  Small sizes here (1x/2x/4x); bench/pathological.py
prints the figures for a 5 MB article and 1 MB lines without spaces."""

from __future__ import annotations

import importlib.util
import time
from datetime import date, timedelta
from typing import Callable

import pytest
from support import ROOT
from hostile_helpers import check_document

from timeline.assemble import Timeline
from timeline.events.interval import interval
from timeline.model import Article, Document, Event, TextSpan, Timex
from timeline.text.sentences import split_sentences

_spec = importlib.util.spec_from_file_location("bench_pathological", ROOT / "bench" / "pathological.py")
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

# quadratic growth would give 16x for 4x the input; linear gives 4x.  The
# margin absorbs a machine shared with other jobs (CPU time is measured).
MAX_GROWTH_4X = 8.0


def _growth(measure: Callable[[str], float], make: Callable[[int], str], base: int) -> tuple[float, float]:
    """(CPU seconds at 1x, ratio 4x / 1x), best of two runs each."""
    times = [min(measure(make(base * factor)) for _ in range(2)) for factor in (1, 4)]
    return times[0], times[1] / max(times[0], 1e-3)


def _cheap(pipeline) -> Callable[[str], float]:  # type: ignore[no-untyped-def]
    def measure(text: str) -> float:
        start = time.process_time()
        pipeline.tagger.candidates(text)
        split_sentences(text)
        return time.process_time() - start
    return measure


def _full(pipeline) -> Callable[[str], float]:  # type: ignore[no-untyped-def]
    def measure(text: str) -> float:
        start = time.process_time()
        doc = pipeline.process(Article(text=text, published=date(2017, 11, 2)))
        elapsed = time.process_time() - start
        check_document(doc, text)
        return elapsed
    return measure


@pytest.mark.parametrize("name", ["line-dates", "line-digits", "spaced-units", "article"])
def test_regex_stages_grow_linearly(pipeline, name: str) -> None:  # type: ignore[no-untyped-def]
    first, growth = _growth(_cheap(pipeline), bench.INPUTS[name], 30_000)
    assert growth < MAX_GROWTH_4X, f"{name}: 4x input took {growth:.1f}x the time ({first:.2f}s at 1x)"
    assert first < 5.0, f"{name}: {first:.2f}s CPU for 30 KB"


@pytest.mark.parametrize("name,base", [("line-dates", 15_000), ("article", 15_000)])
def test_whole_pipeline_grows_linearly(pipeline, name: str, base: int) -> None:  # type: ignore[no-untyped-def]
    first, growth = _growth(_full(pipeline), bench.INPUTS[name], base)
    assert growth < MAX_GROWTH_4X, f"{name}: 4x input took {growth:.1f}x the time ({first:.2f}s at 1x)"


def test_one_long_token_and_blank_runs(pipeline) -> None:  # type: ignore[no-untyped-def]
    """A 250 KB word, 250 KB of blanks and line breaks, a 250 KB run of digits."""
    for text in ("x" * 250_000, " \n\t" * 80_000 + "on Monday", "9" * 250_000 + " on Monday"):
        start = time.process_time()
        check_document(pipeline.process(Article(text=text, published=date(2017, 11, 2))), text)
        assert time.process_time() - start < 10.0


def _many_events(count: int) -> list[Document]:
    """Four documents of count/4 events each, on scattered days, same lemma
    and entity (so cross-article merging is tried on every pair)."""
    documents = []
    for k in range(4):
        segments = [f"E{i} happened then." for i in range(count // 4)]
        text = " ".join(segments)
        timexes, events, pos = [], [], 0
        for i, segment in enumerate(segments):
            start, end = pos, pos + len(segment)
            pos = end + 1
            value = (date(2000, 1, 1) + timedelta(days=(i * 7919) % 5000)).isoformat()
            timexes.append(Timex(f"t{i + 1}", end - 5, end - 1, "then", "DATE", value))
            events.append(Event(f"e{i + 1}", f"t{i + 1}", TextSpan(end - 14, end - 6, "happened"), f"Title {i}",
                                TextSpan(start, end, segment), interval(value), "exact", "past", lemma="happen",
                                entities=("Seoul",)))
        documents.append(Document(f"d{k}", text, date(2017, 11, 2), tuple(timexes), tuple(events), title="t"))
    return documents


def test_assembly_and_renderers_grow_linearly() -> None:
    def measure(documents: list[Document]) -> float:
        start = time.process_time()
        timeline = Timeline.from_documents(documents)
        for fmt in ("json", "html", "ics", "timelinejs"):
            getattr(timeline, f"to_{fmt}")()
        return time.process_time() - start

    small, large = _many_events(400), _many_events(1600)
    first = min(measure(small) for _ in range(2))
    growth = min(measure(large) for _ in range(2)) / max(first, 1e-3)
    assert growth < MAX_GROWTH_4X, f"4x the events took {growth:.1f}x the time ({first:.2f}s at 1x)"


@pytest.mark.parametrize("name", list(bench.DENSE_INPUTS))
def test_a_date_every_few_words_costs_about_what_prose_does(pipeline, name: str) -> None:  # type: ignore[no-untyped-def]
    # each date once scored every word of its (parser-capped) sentence: 16 KB of
    # "10 a.m. " took about 20 s of CPU, 100 times the seed article; now about
    # 10 times (it holds 40 times more dates, each scoring its nearest words)
    measure = _full(pipeline)
    prose = min(measure(bench.article(16_000)) for _ in range(2))
    dense = min(measure(bench.DENSE_INPUTS[name](16_000)) for _ in range(2))
    assert dense < 30 * max(prose, 0.05), f"{name}: {dense:.2f}s CPU for 16 KB, prose {prose:.2f}s"
