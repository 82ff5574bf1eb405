"""Corpus mode on a Dask cluster (``--scheduler``): a thin distribution layer
over :mod:`timeline.corpus`, :mod:`timeline.coreference` and :mod:`timeline.assemble`.

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
partitions a worker turns their documents' events into merge candidates
(each with its document's header: title, date, url, lead) and splits them
into buckets by the month their date starts in (all candidates of one date
interval land in one bucket; a day of a month's first week is also a guest
of the previous month's bucket, since a week-dated report that starts there
can be one happening with it: ``merge_precisions``), and counts the words of
their headlines.  The buckets of the groups are gathered as they come, so
the driver holds a few futures per bucket, never a document.  At the end
each bucket counts its words and finds its precision pairs; the word counts
are added up on a worker (the TF-IDF weights of the whole corpus) and each
bucket is merged on a worker with :mod:`timeline.coreference`'s bucket
functions; the few groups a week-and-day pair joins across two buckets are
joined on a worker too.  Every entry keeps the place its merge root has in
one process.

The key events (``top``) are chosen in two passes over the merged buckets,
importance being relative to the whole corpus
(:class:`timeline.importance.CorpusFigures`): each bucket returns the most
articles an entry has and its highest raw topicality, the driver takes the
maxima, then each bucket scores its entries against the whole corpus and
ranks its ``top`` best, whose ranks alone come to the driver; the
``top``-th of all is the last key event (a bounded heap), and each bucket
sends the entries ranked no lower, each cut to ``settings.max_quotes``
quotes (:mod:`timeline.quotes`, as one process's key-event timeline), with
the headers of their listed quotes' documents.  The driver holds O(buckets
* top) ranks and ``top`` entries of at most ``max_quotes`` quotes, however
many articles report a happening, and the result is the one of one process.  Without ``top`` the whole merged timeline
is the output: its entries come to the driver, scored and ordered there
(the exports show every entry and every document, so the driver keeps one
header per document, or whole documents when a format shows them: JSON
lists every document's events, TimeML every text).

What the driver still holds per record: the ids seen (to make them unique
as one process does).  With records sent from the driver (the tasks carry
them), the scheduler keeps each partition's records until the merge, so
that a bucket a dead worker held can be made again.
"""

from __future__ import annotations

import hashlib
import heapq
import operator
import pickle
import threading
import uuid
import zlib
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache, reduce
from typing import TYPE_CHECKING, Any, Literal

from timeline.assemble import Timeline, _order
from timeline.coreference.candidates import MergeCandidate, candidates_of
from timeline.coreference.merge import combine, date_buckets, join_coreferent
from timeline.coreference.precisions import merge_precisions
from timeline.coreference.vectors import WordFrequencies, word_frequencies
from timeline.corpus import _PARALLEL_CHUNK_DIVISOR, Result, _chunks, _unique, process_chunk
from timeline.disjoint import DisjointSets
from timeline.errors import ProcessingError, SettingsError
from timeline.events.interval import GRANULARITY_ORDER
from timeline.events.kinds import is_happening
from timeline.importance import (CorpusFigures, entry_words, headline_share, headline_words, part_figures,
                                 score_entries)
from timeline.model import Document, TimelineEntry
from timeline.pipeline import Pipeline
from timeline.quotes import with_listed_quotes
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
# zlib's fastest level: most of the gain for little of the driver's time
_COMPRESSION = 1
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


def _packed(chunk: list[Record]) -> bytes:
    """A partition's records as the task carries them: compressed, since the
    scheduler keeps them until the merge (a third of the bytes of news text)."""
    return zlib.compress(pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL), _COMPRESSION)


def _process_partition(settings: Settings, packed: bytes) -> list[Result]:
    chunk: list[Record] = pickle.loads(zlib.decompress(packed))
    pipeline, lock = _worker_pipeline(settings)
    with lock:
        return process_chunk(pipeline, chunk)


# a week or weekend holds at most this many days of the month after the one it starts in
_WEEK_REACH = 6
# groups of partitions whose buckets are kept apart before they are gathered into one
_GROUPS_HELD = 8


@dataclass(frozen=True, slots=True)
class Piece:
    """A merge candidate in a bucket: at ``home`` in the bucket of the month
    its date starts in; a day early in a month is also a guest of the
    previous month's bucket, for the weeks that start there and hold it.
    ``header``: its document without text nor events (importance reads its
    title and lead; the key-event timeline lists it)."""

    candidate: MergeCandidate
    home: bool
    header: Document


@dataclass(frozen=True, slots=True)
class Headlines:
    """The words of some documents' headlines (importance's topicality):
    how many documents, and in how many headlines each word is."""

    documents: int
    words: Counter[str]

    def __add__(self, other: "Headlines") -> "Headlines":
        return Headlines(self.documents + other.documents, self.words + other.words)


#: a document's header at its place in the corpus (partition, document in it)
Placed = tuple[tuple[int, int], Document]


@dataclass(frozen=True, slots=True)
class MergedBucket:
    """A bucket merged on a worker: (root, entry) of each merged entry (the
    root orders them as in one process); the candidates of the groups a
    precision pair joins to another bucket's (position, bucket group,
    entry), with the bucket's pairs of them, for the join across buckets;
    the headers of the documents its entries cite, by id."""

    entries: list[tuple[Position, TimelineEntry]]
    loose: list[tuple[Position, Position, TimelineEntry]]
    pairs: list[tuple[Position, Position]]
    headers: dict[str, Placed]


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


def _split_into_buckets(settings: Settings, buckets: int,
                        *partitions: tuple[list[Result], dict[int, str], int]) -> list[Any]:
    """The merge candidates of some partitions' documents (with the driver's
    unique ids, at their place in the corpus): ``buckets + 1`` lists, in
    corpus order, then the :class:`Headlines` of the documents."""
    split: list[Any] = [[] for _ in range(buckets + 1)]
    documents = []
    for results, ids, number in partitions:
        for index, result in enumerate(results):
            if isinstance(result, RecordError):
                continue
            documents.append(result)
            if not result.events:
                continue
            doc = replace(result, id=ids.get(index, result.id))
            header = _header(doc, settings)
            positions = ((number, index, k) for k in range(len(doc.events)))
            for candidate in candidates_of(doc, positions):
                for bucket, home in _places(candidate, buckets):
                    split[bucket].append(Piece(candidate, home, header))
    split.append(Headlines(len(documents), headline_words(documents)))
    return split


def _header(doc: Document, settings: Settings) -> Document:
    """What the merged exports read of a document they do not show whole."""
    return replace(doc, text="", timexes=(), events=(), entities=doc.entities if settings.entities else ())


def _gather_bucket(*pieces: list[Piece]) -> list[Piece]:
    """A bucket's pieces of every group, in corpus order."""
    return sorted((p for part in pieces for p in part), key=lambda p: p.candidate.position)


def _add_up(*parts: Any) -> Any:
    """The sum of word counts (:class:`Headlines`, :class:`WordFrequencies`)."""
    return reduce(operator.add, parts)


def _prepare_bucket(pieces: list[Piece]) -> tuple[WordFrequencies, list[tuple[Position, Position, bool]]]:
    """What is added up before merging: the word frequencies of the
    bucket's coreference candidates and its precision pairs (coarse, fine,
    fine at home here) of :func:`merge_precisions`."""
    home = [p.candidate for p in pieces if p.home]
    here = {c.position for c in home}
    frequencies = word_frequencies([c for bucket in date_buckets(home) for c in bucket])
    pairs = merge_precisions([p.candidate for p in pieces])
    return frequencies, [(c.position, f.position, f.position in here) for c, f in pairs]


def _across(prepared: tuple[WordFrequencies, list[tuple[Position, Position, bool]]]) -> list[tuple[Position, Position]]:
    """The precision pairs whose fine entry is at home in another bucket."""
    return [(coarse, fine) for coarse, fine, local in prepared[1] if not local]


def _merge_bucket(
    settings: Settings, pieces: list[Piece], prepared: tuple[WordFrequencies, list[tuple[Position, Position, bool]]],
    frequencies: WordFrequencies | None, crossing: frozenset[Position],
) -> MergedBucket:
    """The bucket merged as :func:`timeline.coreference.merge.merge_entries` merges the
    whole, but for the groups a precision pair joins to another bucket's
    (``crossing``), left loose for :func:`_join_across`."""
    home = [p for p in pieces if p.home]
    headers = {p.header.id: (p.candidate.position[:2], p.header) for p in home}
    if not settings.merge_events:
        return MergedBucket([(p.candidate.position, p.candidate.entry) for p in home], [], [], headers)
    candidates = [p.candidate for p in home]
    sets: DisjointSets[Position] = DisjointSets(c.position for c in candidates)
    join_coreferent(candidates, sets, frequencies)
    grouped = {c.position: sets.find(c.position) for c in candidates}
    for coarse, fine, local in prepared[1]:
        if local:
            sets.join(coarse, fine)
    crossed = {sets.find(i) for i in crossing if i in sets}
    merged: dict[Position, list[TimelineEntry]] = defaultdict(list)
    loose: list[tuple[Position, Position, TimelineEntry]] = []
    for c in candidates:
        if sets.find(c.position) in crossed:
            loose.append((c.position, grouped[c.position], c.entry))
        else:
            merged[sets.find(c.position)].append(c.entry)
    apart = {position for position, _, _ in loose}
    pairs = [(coarse, fine) for coarse, fine, local in prepared[1] if local and coarse in apart]
    return MergedBucket([(root, combine(entries)) for root, entries in merged.items()], loose, pairs, headers)


def _join_across(pairs: list[tuple[Position, Position]], *buckets: MergedBucket) -> MergedBucket:
    """The groups precision pairs join across buckets (``pairs``, and each
    bucket's own pairs of its loose candidates), joined in the order of one
    process (pairs by their coarse entry's place)."""
    loose = sorted((x for bucket in buckets for x in bucket.loose), key=lambda x: x[0])
    sets: DisjointSets[Position] = DisjointSets(parents={position: group for position, group, _ in loose})
    for coarse, fine in sorted([*pairs, *(pair for bucket in buckets for pair in bucket.pairs)]):
        if coarse in sets:
            sets.join(coarse, fine)
    merged: dict[Position, list[TimelineEntry]] = defaultdict(list)
    for position, _, entry in loose:
        merged[sets.find(position)].append(entry)
    cited = {s.document_id for _, _, entry in loose for s in entry.sources}
    headers = {i: placed for bucket in buckets for i, placed in bucket.headers.items() if i in cited}
    return MergedBucket([(root, combine(entries)) for root, entries in merged.items()], [], [], headers)


def _loose_part(bucket: MergedBucket) -> MergedBucket:
    """What the join across buckets needs of a bucket (not its merged entries)."""
    cited = {s.document_id for _, _, entry in bucket.loose for s in entry.sources}
    return MergedBucket([], bucket.loose, bucket.pairs, {i: h for i, h in bucket.headers.items() if i in cited})


def _entries_of(bucket: MergedBucket) -> list[tuple[Position, TimelineEntry]]:
    return bucket.entries


def _corpus_share(headlines: Headlines) -> dict[str, float]:
    return headline_share(headlines.words, headlines.documents)


def _bucket_figures(bucket: MergedBucket, share: dict[str, float]) -> tuple[float, float, int, int]:
    """First pass of the key events: the highest coverage count and raw
    topicality of the bucket's entries (importance's corpus-wide maxima),
    and how many dated and undated happenings it holds."""
    entries = [entry for _, entry in bucket.entries]
    happenings = [e for e in entries if is_happening(e.kind)]
    dated = sum(e.date is not None for e in happenings)
    return (*part_figures(entries, share), dated, len(happenings) - dated)


def _bucket_entry_words(bucket: MergedBucket) -> tuple[int, Counter[str]]:
    """First pass: how many entries the bucket holds and in how many each word
    is (the novelty's IDF over the whole timeline), summed by :func:`_sum_entry_words`."""
    return len(bucket.entries), entry_words(entry for _, entry in bucket.entries)


def _sum_entry_words(*parts: tuple[int, Counter[str]]) -> tuple[int, Counter[str]]:
    total: Counter[str] = Counter()
    for _, words in parts:
        total.update(words)
    return sum(n for n, _ in parts), total


#: an entry's rank among the key events: importance, articles, then its place in the timeline
Rank = tuple[float, int, Any, Position]


def _bucket_top(bucket: MergedBucket, corpus: CorpusFigures,
                count: int) -> tuple[list[tuple[Rank, TimelineEntry]], dict[str, Placed]]:
    """Second pass: the bucket's entries scored against the whole corpus, its
    ``count`` most important dated happenings (ranked as
    :func:`timeline.importance.most_important` ranks the whole timeline) and
    the headers of the documents they cite; kept on the worker."""
    roots = [root for root, _ in bucket.entries]
    scored = score_entries((entry for _, entry in bucket.entries), (h for _, h in bucket.headers.values()),
                           corpus=corpus)
    ranked = sorted((((-e.importance, -len({s.document_id for s in e.sources}), _order(e), root), e)
                     for root, e in zip(roots, scored) if e.date is not None and is_happening(e.kind)),
                    key=lambda r: r[0])[:count]
    cited = {s.document_id for _, e in ranked for s in e.sources}
    return ranked, {i: bucket.headers[i] for i in cited}


def _ranks(best: tuple[list[tuple[Rank, TimelineEntry]], dict[str, Placed]]) -> list[Rank]:
    return [rank for rank, _ in best[0]]


def _ranked_within(best: tuple[list[tuple[Rank, TimelineEntry]], dict[str, Placed]], last: Rank,
                   quotes: int) -> tuple[list[tuple[Rank, TimelineEntry]], list[Placed]]:
    """A bucket's key events: its best ranked no lower than ``last``, each
    listing at most ``quotes`` quotes (:func:`timeline.quotes.with_listed_quotes`,
    as :meth:`Timeline.top`: what reaches the driver is bounded however many
    articles report a happening), and the headers of their listed quotes' documents."""
    ranked, headers = best
    chosen = [(rank, with_listed_quotes(entry, quotes)) for rank, entry in ranked if rank <= last]
    return chosen, [headers[i] for i in {s.document_id for _, e in chosen for s in e.sources}]


class DaskRun:
    """One corpus run on a cluster.

    :meth:`results` yields one result per record in input order (as
    :func:`timeline.corpus.process_records`); with ``merge`` the events are
    bucketed on the workers as partitions finish and :meth:`timeline`
    assembles the merged timeline afterwards: its ``top`` key events only
    (``top``, else ``settings.top``), or all of it.  The driver keeps no
    document for a key-event timeline in the ``"header"`` mode.  The cluster
    is released when the results stop early or fail, else after
    :meth:`timeline` (or at the end of the results when there is nothing to
    merge).
    """

    def __init__(self, settings: Settings, *, merge: bool = False, keep: Kept = "header",
                 top: int | None = None) -> None:
        self.settings = settings
        self.merge = merge
        self.keep = keep
        self.top = top if top is not None else settings.top
        self._cluster: Any = None
        self.client, self._cluster = connect(settings)
        self._run = uuid.uuid4().hex[:12]
        self._documents: list[Document] = []  # only for the exports that list them all
        self._keeps_documents = merge and (keep != "header" or self.top is None)
        self._groups: list[list["Future"]] = []  # per group of partitions: its buckets, then its headlines
        self._tasks = 0
        #: (dated, undated) happenings of the whole merged timeline, once :meth:`timeline` chose key events
        self.totals: tuple[int, int] | None = None
        try:
            self.client.register_plugin(PipelineLoader(settings))
            self._threads = self._count_threads()
            self.buckets = max(4, _BUCKETS_PER_THREAD * self._threads)
        except BaseException:
            self.close()
            raise

    def _count_threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def _submit(self, name: str, function: Any, *args: Any) -> "Future":
        self._tasks += 1
        return self.client.submit(function, *args, key=f"timeline-{name}-{self._run}-{self._tasks}")

    def results(self, records: Iterable[Record]) -> Iterator[Result]:
        size = max(1, self.settings.batch_size // _PARALLEL_CHUNK_DIVISOR)
        seen: dict[str, int] = {}
        pending: deque[tuple[list[Record], "Future", int]] = deque()
        waiting: list[tuple["Future", dict[int, str], int]] = []  # done partitions not yet bucketed
        finished = False
        try:
            for number, chunk in enumerate(_chunks(records, size)):
                key = f"timeline-partition-{self._run}-{number}"
                pending.append((chunk, self.client.submit(_process_partition, self.settings, _packed(chunk), key=key),
                                number))
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
                if self._keeps_documents:
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
        return _header(doc, self.settings)

    def _bucket(self, waiting: list[tuple["Future", dict[int, str], int]]) -> None:
        """Split the waiting partitions' events into buckets, on a worker;
        past a few groups, gather each bucket's groups into one."""
        if not waiting:
            return
        split = self._submit("split", _split_into_buckets, self.settings, self.buckets, *waiting)
        self._groups.append([self._submit("bucket", operator.getitem, split, b) for b in range(self.buckets + 2)])
        waiting.clear()
        if len(self._groups) >= _GROUPS_HELD:
            self._gather()

    def _gather(self) -> list["Future"]:
        """Each bucket's pieces of every group held, in one future (then the headlines)."""
        groups, self._groups = self._groups, []
        gathered = [self._submit("gather", _gather_bucket, *(group[b] for group in groups))
                    for b in range(self.buckets + 1)]
        gathered.append(self._submit("headlines", _add_up, *(group[-1] for group in groups)))
        self._groups.append(gathered)
        return gathered

    def timeline(self, *, top: int | None = None) -> Timeline:
        """The merged timeline, as one process makes it: each bucket merged
        on a worker (TF-IDF weights learnt from the word frequencies of all
        buckets, added up on a worker), the few groups a precision pair joins
        across buckets joined on a worker.  ``top`` (else the run's): only
        the ``top`` most important entries (:meth:`Timeline.top`), chosen in
        two passes over the buckets; else every entry, scored and ordered
        here (importance is relative to the whole corpus)."""
        top = top if top is not None else self.top
        try:
            *gathered, headlines = self._gather() if self._groups else self._empty()
            self._groups.clear()
            prepared = [self._submit("prepare", _prepare_bucket, pieces) for pieces in gathered]
            across = [self._submit("across", _across, future) for future in prepared]
            pairs = [pair for future in across for pair in future.result()]
            crossing = frozenset(i for pair in pairs for i in pair)
            frequencies = self._submit("frequencies", _add_up,
                                       *(self._submit("counted", operator.getitem, p, 0) for p in prepared))
            merges = [self._submit("merge", _merge_bucket, self.settings, pieces, prepare, frequencies, crossing)
                      for pieces, prepare in zip(gathered, prepared)]
            del gathered, prepared, frequencies, across
            loose = [self._submit("loose", _loose_part, merge) for merge in merges]
            merges.append(self._submit("join", _join_across, pairs, *loose))
            del loose
            if top is None:
                return self._whole(merges)
            return self._key_events(merges, headlines, top)
        finally:
            self.close()

    def _empty(self) -> list["Future"]:
        empty = self.client.scatter([[]] * (self.buckets + 1), hash=False)
        return [*empty, self.client.scatter(Headlines(0, Counter()), hash=False)]

    def _whole(self, merges: list["Future"]) -> Timeline:
        rooted: list[tuple[Position, TimelineEntry]] = []
        for future in [self._submit("entries", _entries_of, merge) for merge in merges]:
            rooted.extend(future.result())
        merges.clear()
        rooted.sort(key=lambda r: r[0])
        return Timeline.of_entries(self._documents, (entry for _, entry in rooted), self.settings)

    def _key_events(self, merges: list["Future"], headlines: "Future", top: int) -> Timeline:
        """The ``top`` most important entries in two passes: the corpus's
        maxima from every bucket, then every bucket's ``top`` best against
        them (their ranks, then the entries ranked among the ``top`` of all)."""
        share = self._submit("share", _corpus_share, headlines)
        figures = [f.result() for f in [self._submit("figures", _bucket_figures, merge, share) for merge in merges]]
        # the entries' words are summed on a worker: the driver holds no vocabulary
        words = self._submit("entry-words", _sum_entry_words,
                             *[self._submit("bucket-words", _bucket_entry_words, merge) for merge in merges])
        corpus = self._submit("corpus", _corpus_figures, headlines, max(f[0] for f in figures),
                              max(f[1] for f in figures), words)
        self.totals = (sum(f[2] for f in figures), sum(f[3] for f in figures))
        # only the ranks come here first: the ``top``-th is the last key event's, and only
        # the entries ranked no lower travel (O(top) entries, not O(buckets * top))
        best = [self._submit("top", _bucket_top, merge, corpus, top) for merge in merges]
        merges.clear()
        ranks = heapq.nsmallest(top, (rank for future in [self._submit("ranks", _ranks, b) for b in best]
                                      for rank in future.result()))
        ranked: list[tuple[Rank, TimelineEntry]] = []
        cited: dict[str, Placed] = {}
        if ranks:
            for future in [self._submit("chosen", _ranked_within, b, ranks[-1], self.settings.max_quotes)
                           for b in best]:
                chosen, headers = future.result()
                ranked.extend(chosen)
                cited.update((h.id, (place, h)) for place, h in headers)
        del best
        entries = tuple(e for _, e in sorted(ranked, key=lambda r: (r[0][2], r[0][3])))
        used = {s.document_id for e in entries for s in e.sources}
        if self._keeps_documents:
            documents = tuple(d for d in self._documents if d.id in used)
        else:
            documents = tuple(h for _, h in sorted((cited[i] for i in used), key=lambda placed: placed[0]))
        return Timeline(documents, entries, (), self.settings, ())

    def close(self) -> None:
        self._groups.clear()
        if self.client is not None:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def _corpus_figures(headlines: Headlines, most: float, top: float,
                    words: tuple[int, Counter[str]]) -> CorpusFigures:
    return CorpusFigures(headlines.documents, headlines.words, most, top, words[1], words[0])


def process_records_on_cluster(records: Iterable[Record], settings: Settings) -> Iterator[Result]:
    """:func:`timeline.corpus.process_records` on the cluster ``settings.scheduler``."""
    yield from DaskRun(settings).results(records)
