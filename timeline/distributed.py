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
partitions a worker splits their documents' events into buckets by the day
their date starts (all events of one interval land in one bucket, the only
ones they can merge with) and keeps them; at the end one task per bucket
assembles it with :meth:`Timeline.from_documents` (the same merge as one
process, since events of different intervals never merge), and the driver
interleaves the buckets' ordered entries.  The driver keeps one header per
document (title, date, url, no text nor events) unless a format shows
everything (JSON lists every document's events, TimeML every text).
"""

from __future__ import annotations

import hashlib
import heapq
import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from timeline.assemble import Timeline, _order
from timeline.corpus import _PARALLEL_CHUNK_DIVISOR, Result, _chunks, _unique, process_chunk
from timeline.errors import ProcessingError, SettingsError
from timeline.model import Document, Event, TimelineEntry
from timeline.pipeline import Pipeline
from timeline.read.records import Record, RecordError
from timeline.settings import Settings

try:
    from distributed import WorkerPlugin
except ImportError:  # connect() says how to install it
    WorkerPlugin = object  # type: ignore[misc,assignment]

if TYPE_CHECKING:
    from distributed import Client, Future

#: what the driver keeps of each document for the merged exports
Kept = Literal["text", "events", "header"]
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


def _bucket_of(event: Event, buckets: int) -> int:
    """Events whose dates start on one day share a bucket; undated ones
    have the last.  Stable across processes (no hash())."""
    if event.date is None:
        return buckets
    return event.date.start.toordinal() % buckets


def _split_into_buckets(buckets: int, *partitions: tuple[list[Result], dict[int, str]]) -> list[list[Document]]:
    """The documents of some partitions (with the driver's unique ids), each
    cut down to its events of each bucket: ``buckets + 1`` lists, in input order."""
    split: list[list[Document]] = [[] for _ in range(buckets + 1)]
    for results, ids in partitions:
        for index, result in enumerate(results):
            if isinstance(result, RecordError) or not result.events:
                continue
            mine: list[list[Event]] = [[] for _ in range(buckets + 1)]
            for event in result.events:
                mine[_bucket_of(event, buckets)].append(event)
            base = replace(result, id=ids.get(index, result.id), text="", entities=())
            for bucket, events in enumerate(mine):
                if events:
                    split[bucket].append(replace(base, events=tuple(events)))
    return split


def _take_bucket(split: list[list[Document]], bucket: int) -> list[Document]:
    return split[bucket]


def _merge_bucket(settings: Settings, top: int | None,
                  *pieces: list[Document]) -> tuple[tuple[TimelineEntry, ...], ...]:
    """One bucket assembled as one process would: its entries and undated;
    with ``top``, only its ``top`` key events (the dated entries that could
    be among the corpus's ``top``)."""
    merged = Timeline.from_documents((doc for piece in pieces for doc in piece), settings)
    if top is None:
        return merged.entries, merged.undated
    return key_events(merged.entries, top), ()


def key_events(entries: Iterable[TimelineEntry], top: int) -> tuple[TimelineEntry, ...]:
    """The ``top`` entries reported by the most articles, in timeline order
    (ties: the earlier entry).  The ranking is the number of articles until
    entries carry an importance of their own (issue 13)."""
    ordered = list(entries)
    ranked = sorted(range(len(ordered)), key=lambda i: -len({s.document_id for s in ordered[i].sources}))
    return tuple(ordered[i] for i in sorted(ranked[:top]))


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
        pending: deque[tuple[list[Record], "Future"]] = deque()
        waiting: list[tuple["Future", dict[int, str]]] = []  # done partitions not yet bucketed
        finished = False
        try:
            for number, chunk in enumerate(_chunks(records, size)):
                key = f"timeline-partition-{self._run}-{number}"
                pending.append((chunk, self.client.submit(_process_partition, self.settings, chunk, key=key)))
                if number % _RESIZE_EVERY == _RESIZE_EVERY - 1:
                    self._threads = self._count_threads()
                while len(pending) >= self._threads * _PARTITIONS_PER_THREAD:
                    yield from self._collect(*pending.popleft(), seen, waiting)
            while pending:
                yield from self._collect(*pending.popleft(), seen, waiting)
            self._bucket(waiting)
            finished = True
        finally:
            for _, future in pending:
                future.cancel()
            if not finished or not self.merge:
                self.close()

    def _collect(self, chunk: list[Record], future: "Future", seen: dict[str, int],
                 waiting: list[tuple["Future", dict[int, str]]]) -> Iterator[Result]:
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
            waiting.append((future, ids))
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

    def _bucket(self, waiting: list[tuple["Future", dict[int, str]]]) -> None:
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
        """The merged timeline: each bucket assembled on a worker, the
        ordered buckets interleaved here (entries of one day are in one
        bucket).  ``top``: only the key events (see :func:`key_events`),
        chosen from each bucket's own, and the documents they cite: the
        driver then holds at most ``top`` entries per bucket."""
        try:
            merges = [
                self.client.submit(_merge_bucket, self.settings, top, *(group[b] for group in self._groups),
                                   key=f"timeline-merge-{self._run}-{b}")
                for b in range(self.buckets + 1)
            ]
            self._groups.clear()
            dated: list[tuple[TimelineEntry, ...]] = []
            undated: tuple[TimelineEntry, ...] = ()
            for b, future in enumerate(merges):
                entries, vague = future.result()
                future.release()
                if b == self.buckets:
                    undated = vague
                else:
                    dated.append(entries)
            ordered = tuple(heapq.merge(*dated, key=_order))
            if top is None:
                return Timeline(tuple(self._documents), ordered, undated, self.settings)
            kept = key_events(ordered, top)
            cited = {s.document_id for entry in kept for s in entry.sources}
            return Timeline(tuple(d for d in self._documents if d.id in cited), kept, (), self.settings)
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
