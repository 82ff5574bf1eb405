"""``timeline evaluate GOLD_DIR``: run the pipeline over TimeML files and print
TempEval-3 Task A figures (and event anchoring figures), per sub-corpus and
together."""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import TextIO

from timeline.errors import InputError
from timeline.evaluate.tempeval import (
    Counts, Error, format_per_type, format_scores, score_document, scores,
)
from timeline.model import Document
from timeline.pipeline import Pipeline
from timeline.read.timeml import TimeMLDocument, read_timeml_documents
from timeline.settings import Settings


def gold_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    files = sorted(p for p in root.rglob("*") if p.suffix in (".tml", ".xml") and p.is_file())
    if not files:
        raise InputError("no .tml files found", location=str(root))
    return files


def evaluate(
    root: Path, settings: Settings | None = None, *, errors_out: TextIO | None = None,
    error_kinds: set[str] | None = None, out: TextIO = sys.stdout,
) -> dict[str, Counts]:
    """Score the pipeline on every TimeML file below ``root``; print a report."""
    settings = settings or Settings()
    started = time.perf_counter()
    golds: list[TimeMLDocument] = [d for p in gold_files(root) for d in read_timeml_documents(p)]
    pipeline = Pipeline(settings)
    documents: list[Document] = list(pipeline.process_many(g.article() for g in golds))
    elapsed = time.perf_counter() - started

    groups: dict[str, Counts] = defaultdict(Counts)
    all_errors: list[Error] = []
    for gold, doc in zip(golds, documents):
        part = Path(gold.path).parent.name if root.is_dir() and Path(gold.path).parent != root else root.name
        counts = score_document(gold.id, gold.text, gold.timexes, doc.timexes, all_errors)
        groups[part].add(counts)
    total = Counts()
    for c in groups.values():
        total.add(c)

    print(f"TempEval-3 Task A on {root} ({len(golds)} documents, {elapsed:.1f} s)", file=out)
    for name in sorted(groups):
        print(format_scores(name, scores(groups[name]), groups[name]), file=out)
    if len(groups) > 1:
        print(format_scores("all", scores(total), total), file=out)
    print("per type (all):", file=out)
    print(format_per_type(total), file=out)

    from timeline.evaluate.events import format_event_scores, score_event_links

    links = score_event_links(golds, documents)
    if links is not None:
        print(format_event_scores(links), file=out)

    if errors_out is not None:
        kinds = error_kinds or {"missed", "spurious", "boundary", "value", "type"}
        for e in all_errors:
            if e.kind in kinds:
                print(f"{e.kind:<9}\t{e.doc}\tgold {e.gold}\tsys {e.system}\t{e.context}", file=errors_out)
    groups["all"] = total
    return dict(groups)
