"""Corpus mode on a Dask cluster (``--scheduler``): a thin distribution layer
over :mod:`timeline.corpus` and :mod:`timeline.assemble`.

Processing: the driver reads the records as a stream and sends them in
partitions (one task each, the records inside the task so that a partition
whose worker dies can be run again from the scheduler's copy).  A worker
plugin loads the spaCy model once per worker process.  At most a few
partitions per worker thread are in flight, and their results come back in
input order, each partition once: a re-run partition replaces the lost
result of its task, it never adds one.  Ids are made unique on the driver,
as :func:`timeline.corpus.process_records` does, so the output is the one a
one-process run gives.

Merged timeline: the events never meet in one process.  Every few
partitions a worker turns their documents' events into merge candidates and
splits them into buckets by the month their date starts in (all candidates
of one date interval land in one bucket; a day of a month's first week is
also a guest of the previous month's bucket, since a week-dated report that
starts there can be one happening with it: ``merge_precisions``).  At the
end each bucket counts its words and finds its precision pairs; the driver
adds the counts up (the TF-IDF weights of the whole corpus) and each bucket
is merged on a worker with :mod:`timeline.assemble`'s bucket functions.  The
groups a week-and-day pair joins across two buckets are joined on the
driver, every entry keeps the place its merge root has in one process, and
:meth:`Timeline.of_entries` scores importance over all of them (importance is
relative to the whole corpus) and orders them: the output of one process.
The driver keeps one header per document (title, date, url, lead; no text
nor events) and the merged entries, unless a format shows everything (JSON
lists every document's events, TimeML every text).
"""

from __future__ import annotations

import hashlib
import threading
import uuid
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache, reduce
from typing import TYPE_CHECKING, Any, Literal

from timeline.assemble import (
    MergeCandidate, Timeline, WordFrequencies, candidates_of, combine, date_buckets, join_coreferent,
    merge_precisions, word_frequencies,
)
from timeline.corpus import _PARALLEL_CHUNK_DIVISOR, Result, _chunks, _unique, process_chunk
from timeline.disjoint import DisjointSets
from timeline.errors import ProcessingError, SettingsError
from timeline.events.interval import GRANULARITY_ORDER
from timeline.events.kinds import is_happening
from timeline.model import Document, TimelineEntry
from timeline.pipeline import Pipeline
from timeline.read.records import Record, RecordError
from timeline.render.dates import day_of
from timeline.settings import Settings

try:
    from distributed import WorkerPlugin
except ImportError:  # connect() says how to install it
    WorkerPlugin = object  # type: ignore[misc,assignment]

if TYPE_CHECKING:
    from distributed import Client, Future

#: what the driver keeps of each document for the merged exports
Kept = Literal["text", "events", "header"]
#: an event's place in the corpus: (partition, document in it, event in it)
Position = tuple[int, int, int]
# partitions in flight per worker thread: every worker busy, memory bounded
_PARTITIONS_PER_THREAD = 3
# partitions bucketed by one task (fewer, larger tasks than one per partition)
_PARTITIONS_PER_GROUP = 16
# merge buckets per worker thread: enough to spread the final merge
_BUCKETS_PER_THREAD = 4
# re-read the cluster's size every so many partitions (workers come and go)
_RESIZE_EVERY = 32
CONNECT_TIMEOUT = "20s"
#: a LocalCluster that listens on loopback only: no dashboard, and its HTTP
#: endpoint (health, metrics) on a free port, not 0.0.0.0:8787
LOOPBACK_ONLY: dict[str, Any] = {"host": "127.0.0.1", "dashboard_address": None,
                                 "scheduler_kwargs": {"dashboard_address": "127.0.0.1:0"}}


def connect(settings: Settings) -> tuple["Client", Any]:
    """A client of the cluster ``settings.scheduler`` names, and the
    LocalCluster started for ``"local"`` (else None) to close after it."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise SettingsError("--scheduler needs dask.distributed: pip install 'timeline[dask]'") from None
    if settings.scheduler == "local":
        # processes: spaCy holds the GIL; one thread each, as --workers
        cluster = LocalCluster(n_workers=settings.workers, threads_per_worker=1, processes=True,
                               **LOOPBACK_ONLY)
        return Client(cluster), cluster
    try:
        return Client(settings.scheduler, timeout=CONNECT_TIMEOUT), None
    except (OSError, TimeoutError) as exc:
        raise SettingsError(f"cannot reach the Dask scheduler at {settings.scheduler}: {exc}") from None


class PipelineLoader(WorkerPlugin):
    """Worker plugin: load the model when a worker starts (and on every
    worker that joins or is restarted later), not inside its first task."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # one name per settings: a later run on the same cluster replaces it
        self.name = "timeline-pipeline-" + hashlib.sha1(repr(settings).encode()).hexdigest()[:12]

    def setup(self, worker: object) -> None:
        _worker_pipeline(self.settings)[0].nlp


@lru_cache(maxsize=4)
def _worker_pipeline(settings: Settings) -> tuple[Pipeline, threading.Lock]:
    """One Pipeline per worker process; the lock serialises the tasks of a
    worker started with several threads (spaCy's pipeline is not shared)."""
    return Pipeline(settings), threading.Lock()


def _process_partition(settings: Settings, chunk: list[Record]) -> list[Result]:
    pipeline, lock = _worker_pipeline(settings)
    with lock:
        return process_chunk(pipeline, chunk)


# a week or weekend holds at most this many days of the month after the one it starts in
_WEEK_REACH = 6


@dataclass(frozen=True, slots=True)
class Piece:
    """A merge candidate in a bucket: at ``home`` in the bucket of the month
    its date starts in; a day early in a month is also a guest of the
    previous month's bucket, for the weeks that start there and hold it."""

    candidate: MergeCandidate
    home: bool


def _month_bucket(day: date, buckets: int) -> int:
    return (day.year * 12 + day.month - 1) % buckets


def _places(candidate: MergeCandidate, buckets: int) -> list[tuple[int, bool]]:
    """The buckets of a candidate: undated ones in the last.  Stable across
    processes (no hash())."""
    when = candidate.entry.date
    if when is None:
        return [(buckets, True)]
    day = day_of(when.start)
    places = [(_month_bucket(day, buckets), True)]
    fine = GRANULARITY_ORDER.index(when.granularity) <= GRANULARITY_ORDER.index("day")
    earlier = _month_bucket(day - timedelta(days=_WEEK_REACH), buckets)
    if fine and is_happening(candidate.entry.kind) and earlier != places[0][0]:
        places.append((earlier, False))
    return places


def _split_into_buckets(buckets: int, *partitions: tuple[list[Result], dict[int, str], int]) -> list[list[Piece]]:
    """The merge candidates of some partitions' documents (with the driver's
    unique ids, at their place in the corpus): ``buckets + 1`` lists, in
    corpus order."""
    split: list[list[Piece]] = [[] for _ in range(buckets + 1)]
    for results, ids, number in partitions:
        for index, result in enumerate(results):
            if isinstance(result, RecordError) or not result.events:
                continue
            doc = replace(result, id=ids.get(index, result.id))
            positions = ((number, index, k) for k in range(len(doc.events)))
            for candidate in candidates_of(doc, positions):
                for bucket, home in _places(candidate, buckets):
                    split[bucket].append(Piece(candidate, home))
    return split


def _take_bucket(split: list[list[Piece]], bucket: int) -> list[Piece]:
    return split[bucket]


def _gather_bucket(*pieces: list[Piece]) -> list[Piece]:
    """A bucket's pieces of every group, in corpus order."""
    return sorted((p for part in pieces for p in part), key=lambda p: p.candidate.position)


def _prepare_bucket(pieces: list[Piece]) -> tuple[WordFrequencies, list[tuple[Position, Position, bool]]]:
    """What the driver adds up before merging: the word frequencies of the
    bucket's coreference candidates and its precision pairs (coarse, fine,
    fine at home here) of :func:`merge_precisions`."""
    home = [p.candidate for p in pieces if p.home]
    here = {c.position for c in home}
    frequencies = word_frequencies([c for bucket in date_buckets(home) for c in bucket])
    pairs = merge_precisions([p.candidate for p in pieces])
    return frequencies, [(c.position, f.position, f.position in here) for c, f in pairs]


def _merge_bucket(
    settings: Settings, pieces: list[Piece], prepared: tuple[WordFrequencies, list[tuple[Position, Position, bool]]],
    frequencies: WordFrequencies | None, crossing: frozenset[Position],
) -> tuple[list[tuple[Position, TimelineEntry]], list[tuple[Position, Position, TimelineEntry]]]:
    """The bucket merged as :func:`timeline.assemble.merge_entries` merges the
    whole: (root, entry) of each merged entry (the root orders them as in
    one process), and, for the groups a precision pair joins to another
    bucket's (``crossing``), their candidates (position, bucket group, entry)
    for the driver to join."""
    home = [p.candidate for p in pieces if p.home]
    if not settings.merge_events:
        return [(c.position, c.entry) for c in home], []
    sets: DisjointSets[Position] = DisjointSets(c.position for c in home)
    join_coreferent(home, sets, frequencies)
    grouped = {c.position: sets.find(c.position) for c in home}
    for coarse, fine, local in prepared[1]:
        if local:
            sets.join(coarse, fine)
    crossed = {sets.find(i) for i in crossing if i in sets}
    merged: dict[Position, list[TimelineEntry]] = defaultdict(list)
    loose: list[tuple[Position, Position, TimelineEntry]] = []
    for c in home:
        if sets.find(c.position) in crossed:
            loose.append((c.position, grouped[c.position], c.entry))
        else:
            merged[sets.find(c.position)].append(c.entry)
    return [(root, combine(entries)) for root, entries in merged.items()], loose


def _join_across(loose: list[tuple[Position, Position, TimelineEntry]],
                 pairs: list[tuple[Position, Position]]) -> list[tuple[Position, TimelineEntry]]:
    """The groups precision pairs join across buckets, joined here in the
    order of one process (pairs by their coarse entry's place)."""
    sets: DisjointSets[Position] = DisjointSets(parents={position: group for position, group, _ in loose})
    for coarse, fine in sorted(pairs):
        if coarse in sets:
            sets.join(coarse, fine)
    merged: dict[Position, list[TimelineEntry]] = defaultdict(list)
    for position, _, entry in sorted(loose, key=lambda x: x[0]):
        merged[sets.find(position)].append(entry)
    return [(root, combine(entries)) for root, entries in merged.items()]


class DaskRun:
    """One corpus run on a cluster.

    :meth:`results` yields one result per record in input order (as
    :func:`timeline.corpus.process_records`); with ``merge`` the events are
    bucketed on the workers as partitions finish and :meth:`timeline`
    assembles the merged timeline afterwards.  The cluster is released when
    the results stop early or fail, else after :meth:`timeline` (or at the
    end of the results when there is nothing to merge).
    """

    def __init__(self, settings: Settings, *, merge: bool = False, keep: Kept = "header") -> None:
        self.settings = settings
        self.merge = merge
        self.keep = keep
        self._cluster: Any = None
        self.client, self._cluster = connect(settings)
        self._run = uuid.uuid4().hex[:12]
        self._documents: list[Document] = []
        self._groups: list[list["Future"]] = []  # per group of partitions: one future per bucket
        try:
            self.client.register_plugin(PipelineLoader(settings))
            self._threads = self._count_threads()
            self.buckets = max(4, _BUCKETS_PER_THREAD * self._threads)
        except BaseException:
            self.close()
            raise

    def _count_threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def results(self, records: Iterable[Record]) -> Iterator[Result]:
        size = max(1, self.settings.batch_size // _PARALLEL_CHUNK_DIVISOR)
        seen: dict[str, int] = {}
        pending: deque[tuple[list[Record], "Future", int]] = deque()
        waiting: list[tuple["Future", dict[int, str], int]] = []  # done partitions not yet bucketed
        finished = False
        try:
            for number, chunk in enumerate(_chunks(records, size)):
                key = f"timeline-partition-{self._run}-{number}"
                pending.append((chunk, self.client.submit(_process_partition, self.settings, chunk, key=key), number))
                if number % _RESIZE_EVERY == _RESIZE_EVERY - 1:
                    self._threads = self._count_threads()
                while len(pending) >= self._threads * _PARTITIONS_PER_THREAD:
                    yield from self._collect(*pending.popleft(), seen, waiting)
            while pending:
                yield from self._collect(*pending.popleft(), seen, waiting)
            self._bucket(waiting)
            finished = True
        finally:
            for _, future, _ in pending:
                future.cancel()
            if not finished or not self.merge:
                self.close()

    def _collect(self, chunk: list[Record], future: "Future", number: int, seen: dict[str, int],
                 waiting: list[tuple["Future", dict[int, str], int]]) -> Iterator[Result]:
        results = self._result(chunk, future)
        ids: dict[int, str] = {}
        for index, result in enumerate(results):
            unique = _unique(result, seen)
            if isinstance(unique, Document):
                if isinstance(result, Document) and unique.id != result.id:
                    ids[index] = unique.id
                if self.merge:
                    self._documents.append(self._kept(unique))
            yield unique
        if self.merge:
            waiting.append((future, ids, number))
            if len(waiting) >= _PARTITIONS_PER_GROUP:
                self._bucket(waiting)

    def _result(self, chunk: list[Record], future: "Future") -> list[Result]:
        from distributed import KilledWorker

        try:
            results: list[Result] = future.result()
            return results
        except KilledWorker:
            # the scheduler re-ran the partition and lost a worker each time
            first, last = (r.location for r in (chunk[0], chunk[-1]))
            raise ProcessingError(f"Dask workers kept dying while processing records {first} to {last}: "
                                  "rerun with --workers 1 to find the record") from None

    def _kept(self, doc: Document) -> Document:
        if self.keep == "text":
            return doc
        if self.keep == "events":
            return replace(doc, text="")
        return replace(doc, text="", timexes=(), events=(),
                       entities=doc.entities if self.settings.entities else ())

    def _bucket(self, waiting: list[tuple["Future", dict[int, str], int]]) -> None:
        """Split the waiting partitions' events into buckets, on a worker."""
        if not waiting:
            return
        split = self.client.submit(_split_into_buckets, self.buckets, *waiting,
                                   key=f"timeline-buckets-{self._run}-{len(self._groups)}")
        self._groups.append([
            self.client.submit(_take_bucket, split, b, key=f"timeline-bucket-{self._run}-{len(self._groups)}-{b}")
            for b in range(self.buckets + 1)
        ])
        waiting.clear()

    def timeline(self, *, top: int | None = None) -> Timeline:
        """The merged timeline, as one process makes it: each bucket merged
        on a worker (TF-IDF weights learnt from the word frequencies of all
        buckets, added up here), the few groups a precision pair joins
        across buckets joined here, then every entry scored and ordered here
        (importance is relative to the whole corpus).  ``top``: only the
        ``top`` most important entries (:meth:`Timeline.top`)."""
        try:
            run, buckets = self._run, range(self.buckets + 1)
            gathered = [self.client.submit(_gather_bucket, *(group[b] for group in self._groups),
                                           key=f"timeline-gather-{run}-{b}") for b in buckets]
            self._groups.clear()
            prepared = [self.client.submit(_prepare_bucket, gathered[b], key=f"timeline-prepare-{run}-{b}")
                        for b in buckets]
            frequencies: list[WordFrequencies] = []
            pairs: list[tuple[Position, Position]] = []
            crossing: set[Position] = set()
            for future in prepared:
                counted, found = future.result()
                frequencies.append(counted)
                pairs.extend((coarse, fine) for coarse, fine, _ in found)
                crossing.update(i for coarse, fine, local in found if not local for i in (coarse, fine))
            total = reduce(lambda a, b: a + b, frequencies)
            merges = [self.client.submit(_merge_bucket, self.settings, gathered[b], prepared[b], total,
                                         frozenset(crossing), key=f"timeline-merge-{run}-{b}") for b in buckets]
            rooted: list[tuple[Position, TimelineEntry]] = []
            loose: list[tuple[Position, Position, TimelineEntry]] = []
            for merge in merges:
                entries, apart = merge.result()
                merge.release()
                rooted.extend(entries)
                loose.extend(apart)
            rooted.extend(_join_across(loose, pairs))
            rooted.sort(key=lambda r: r[0])
            timeline = Timeline.of_entries(self._documents, (entry for _, entry in rooted), self.settings)
            return timeline.top(top) if top is not None else timeline
        finally:
            self.close()

    def close(self) -> None:
        self._groups.clear()
        if self.client is not None:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def process_records_on_cluster(records: Iterable[Record], settings: Settings) -> Iterator[Result]:
    """:func:`timeline.corpus.process_records` on the cluster ``settings.scheduler``."""
    yield from DaskRun(settings).results(records)
