"""Merge the reports of one happening into one entry (within and across
articles): reports are compared only within their date bucket
(:func:`date_buckets`, by :func:`.rules.merge_bucket`), and a coarse date
with the finer dates inside it (:func:`.precisions.merge_precisions`); the
groups are joined in disjoint sets, so the cost stays near-linear in the
number of events."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any, Iterable, Sequence

from timeline.coreference.candidates import MergeCandidate
from timeline.coreference.precisions import merge_precisions
from timeline.coreference.rules import coreference_settings, merge_bucket
from timeline.coreference.vectors import WordFrequencies, word_vectors
from timeline.disjoint import DisjointSets
from timeline.events.interval import GRANULARITY_ORDER
from timeline.events.kinds import HAPPENING, is_happening
from timeline.events.lexicon import lexicon
from timeline.events.titles import title_faults
from timeline.model import DateInterval, TimelineEntry
from timeline.render.dates import day_of

__all__ = ["combine", "date_buckets", "join_coreferent", "merge_entries", "merge_groups"]

_CERTAINTY_ORDER = ("exact", "approximate", "vague")
_DAY = GRANULARITY_ORDER.index("day")


def merge_entries(candidates: list[MergeCandidate]) -> list[TimelineEntry]:
    """Merge entries that report the same happening (within and across
    documents); the merged entry sits where its first report was and lists
    every source.  Entries are compared only within their date bucket
    (:func:`date_buckets`), each bucket by :func:`merge_bucket`; the TF-IDF
    weights are learnt once over all entries."""
    return [combine([c.entry for c in group]) for group in merge_groups(candidates)]


def merge_groups(candidates: list[MergeCandidate]) -> list[list[MergeCandidate]]:
    """The candidates (positions ``0..n-1``) grouped by happening, each group
    in corpus order, the groups in the order of their roots."""
    sets: DisjointSets[int] = DisjointSets(range(len(candidates)))
    join_coreferent(candidates, sets)
    for coarse, fine in merge_precisions(candidates):
        sets.join(coarse.position, fine.position)
    groups: dict[int, list[MergeCandidate]] = defaultdict(list)
    for c in candidates:
        groups[sets.find(c.position)].append(c)
    return [group for _, group in sorted(groups.items())]


def join_coreferent(candidates: Sequence[MergeCandidate], sets: DisjointSets[Any],
                    frequencies: WordFrequencies | None = None) -> None:
    """Join in ``sets`` (keyed by position) the candidates :func:`merge_bucket`
    finds coreferent, bucket by bucket (:func:`date_buckets`); the TF-IDF
    weights are learnt once over all of them, or are ``frequencies``."""
    buckets = date_buckets(candidates)
    if not buckets:
        return
    titles, sentences = word_vectors([c for bucket in buckets for c in bucket], frequencies)
    row = 0
    for bucket in buckets:
        rows = slice(row, row + len(bucket))
        row += len(bucket)
        for group in merge_bucket(bucket, (titles[rows], sentences[rows])):
            for i in group[1:]:
                sets.join(bucket[i].position, bucket[group[0]].position)


def date_buckets(candidates: Iterable[MergeCandidate]) -> list[list[MergeCandidate]]:
    """The happenings grouped by date interval (start, end, granularity), a
    day with its parts and times ("on Tuesday" / "Tuesday night"), the only
    entries coreference compares, buckets of one left out; a bucket
    larger than ``largest_bucket`` (a year every article names) is split by
    trigger group, so that the cost stays near-linear in the number of events."""
    words = lexicon()
    limit = coreference_settings()["largest_bucket"]
    buckets: dict[tuple[object, ...], list[MergeCandidate]] = defaultdict(list)
    for c in candidates:
        if c.entry.date is not None and is_happening(c.entry.kind):
            buckets[_date_key(c.entry.date)].append(c)
    out: list[list[MergeCandidate]] = []
    for bucket in buckets.values():
        if len(bucket) <= limit:
            out.append(bucket)
            continue
        by_group: dict[str, list[MergeCandidate]] = defaultdict(list)
        for c in bucket:
            by_group[words.lemma_group(c.entry.lemma)].append(c)
        out.extend(by_group.values())
    return [b for b in out if len(b) > 1]


def _date_key(when: DateInterval) -> tuple[object, ...]:
    if GRANULARITY_ORDER.index(when.granularity) <= _DAY:
        return (day_of(when.start),)
    return (when.start, when.end, when.granularity)


def combine(entries: list[TimelineEntry]) -> TimelineEntry:
    """Entries of one happening (in corpus order) as one entry."""
    first = entries[0]
    if len(entries) == 1:
        return first
    certainty = min((e.certainty for e in entries), key=_CERTAINTY_ORDER.index)
    kind = HAPPENING if any(is_happening(e.kind) for e in entries) else first.kind
    # one happening told at two precisions takes the finer date
    finest = min((e for e in entries if e.date is not None), default=first,
                 key=lambda e: GRANULARITY_ORDER.index(e.date.granularity) if e.date else len(GRANULARITY_ORDER))
    # the clearest of the articles' titles (the first of the best: a lead's headline stays)
    title = min((e.title for e in entries), key=lambda t: title_faults(t, lexicon()))
    return replace(first, title=title, date=finest.date, certainty=certainty, kind=kind,
                   sources=tuple(s for e in entries for s in e.sources))
