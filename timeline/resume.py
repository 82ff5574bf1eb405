"""``--resume``: go on with a corpus run to JSON Lines that was interrupted.

The stream of an interrupted run stays in its partial file (see
:mod:`timeline.render.atomic`); a resumed run appends to it.  Records whose
document is already there are skipped before any processing, recognised by
the id their document gets: the article's id, or the one
:func:`~timeline.pipeline.document_id` derives, made unique within the run
(``-2``, ``-3``...) exactly as :func:`~timeline.corpus.process_records` does,
so that a resumed run writes the same documents as an uninterrupted one.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from timeline.model import Article
from timeline.pipeline import document_id
from timeline.read.records import Record


def written_ids(partial: Path) -> set[str]:
    """The ids of the complete documents in ``partial``."""
    ids: set[str] = set()
    with open(partial, "rb") as stream:
        for line in stream:
            try:
                ident = json.loads(line).get("id")
            except (ValueError, AttributeError):  # not one of our lines: left to the reader
                continue
            if isinstance(ident, str):
                ids.add(ident)
    return ids


class SkipWritten:
    """Records minus those already written; ``skipped`` counts them."""

    def __init__(self, written: set[str]) -> None:
        self.written = written
        self.skipped = 0
        self._seen: dict[str, int] = {}

    def __call__(self, records: Iterable[Record]) -> Iterator[Record]:
        for record in records:
            if not isinstance(record, Article):
                yield record
                continue
            base = record.id or document_id(record)
            count = self._seen.get(base, 0) + 1
            self._seen[base] = count
            final = base if count == 1 else f"{base}-{count}"
            if final in self.written:
                self.skipped += 1
                continue
            # its final id now, so that the runner does not number it again
            yield record if final == record.id else replace(record, id=final)
