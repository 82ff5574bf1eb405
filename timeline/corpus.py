"""Corpus mode: many records through the pipeline, in order, nothing lost.

:func:`process_records` is the runner the command line and the Python API
share.  It takes articles (and the :class:`RecordError` of records that
could not even be read) and yields, in input order, one result per record:
the :class:`~timeline.model.Document`, or a :class:`RecordError` naming the
record's location when it could not be processed.  So
``processed + failed == read`` always holds.

With ``Settings.workers > 1`` the records go, in chunks, to a pool of
processes.  The spaCy model is loaded once: in the caller before the workers
are forked (they share its memory pages), or once in each worker where
processes cannot fork.  At most a few chunks are in flight at any time, so
memory stays bounded however long the input, and results come back in input
order, identical to a one-process run.
"""

from __future__ import annotations

import json
import signal
import sys
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator, TextIO

from timeline.errors import ExportError, ProcessingError, printable
from timeline.model import Article, Document
from timeline.pipeline import Pipeline, publication_day
from timeline.read.records import Record, RecordError
from timeline.settings import Settings

if TYPE_CHECKING:
    from timeline.render.atomic import StagedOutputs

Result = Document | RecordError
# chunks queued per worker: enough to keep every worker busy, few enough to bound memory
_CHUNKS_PER_WORKER = 3
# workers get smaller chunks than a one-process batch, so that the last ones
# do not leave a worker idle while another finishes a long chunk
_PARALLEL_CHUNK_DIVISOR = 4


def process_records(records: Iterable[Record], settings: Settings | None = None) -> Iterator[Result]:
    """One result per record, in input order (see the module doc).

    Document ids are made unique within the run: a repeated id (the same
    article twice in a corpus) gets ``-2``, ``-3``... appended.
    """
    settings = settings or Settings()
    if settings.scheduler is not None:  # on a Dask cluster: timeline/distributed.py
        from timeline.distributed import process_records_on_cluster

        yield from process_records_on_cluster(records, settings)
        return
    size = settings.batch_size if settings.workers == 1 else max(1, settings.batch_size // _PARALLEL_CHUNK_DIVISOR)
    chunks = _chunks(records, size)
    results = _run_parallel(chunks, settings) if settings.workers > 1 else _run_serial(chunks, settings)
    seen: dict[str, int] = {}
    for chunk in results:
        for result in chunk:
            yield _unique(result, seen)


def _run_serial(chunks: Iterator[list[Record]], settings: Settings) -> Iterator[list[Result]]:
    pipeline = Pipeline(settings)
    for chunk in chunks:
        yield process_chunk(pipeline, chunk)


def _run_parallel(chunks: Iterator[list[Record]], settings: Settings) -> Iterator[list[Result]]:
    # fork where there is one: spawn and forkserver re-run the caller's main
    # module in every worker (a script without a __main__ guard would recurse)
    # and pay the imports again; each worker builds its own Pipeline once
    context = get_context("fork") if "fork" in get_all_start_methods() else get_context()
    if context.get_start_method() == "fork":
        # load once here: forked workers share the model's pages and start at once
        # (instead of each importing spaCy and loading it, in parallel on shared cores)
        _start_worker(settings)
    pool = ProcessPoolExecutor(
        max_workers=settings.workers, mp_context=context, initializer=_start_worker_process, initargs=(settings,),
    )
    pending: deque[tuple[list[Record], Future[list[Result]]]] = deque()
    finished = False
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(_work, chunk)))
            if len(pending) >= settings.workers * _CHUNKS_PER_WORKER:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())
        finished = True
    finally:
        for _, future in pending:
            future.cancel()
        if not finished:  # Ctrl-C, an error, a caller that stopped: no one waits for the chunks in flight
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


def _result(chunk: list[Record], future: "Future[list[Result]]") -> list[Result]:
    try:
        return future.result()
    except BrokenProcessPool:
        # a worker was killed (out of memory, a crash in native code): the run cannot go on
        first, last = (r.location for r in (chunk[0], chunk[-1]))
        raise ProcessingError(f"a worker process died while processing records {first} to {last}: "
                              "rerun with --workers 1 to find the record") from None


_worker_pipeline: Pipeline | None = None


def _start_worker(settings: Settings) -> None:
    global _worker_pipeline
    if _worker_pipeline is None or _worker_pipeline.settings != settings:
        _worker_pipeline = Pipeline(settings)
        _worker_pipeline.nlp  # load the model now, once, not inside the first chunk


def _start_worker_process(settings: Settings) -> None:
    # Ctrl-C reaches the whole process group: the parent reports it and stops
    # the workers, which must not print a traceback each
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _start_worker(settings)


def _work(chunk: list[Record]) -> list[Result]:
    assert _worker_pipeline is not None, "worker not initialised"
    return process_chunk(_worker_pipeline, chunk)


def process_chunk(pipeline: Pipeline, chunk: list[Record]) -> list[Result]:
    """Process a chunk as one batch; if the batch fails, process its articles
    one by one so that only the culprit is reported."""
    results: list[Result | None] = [None] * len(chunk)
    todo: list[tuple[int, Article]] = []
    for i, record in enumerate(chunk):
        problem = record if isinstance(record, RecordError) else _refusal(record)
        if problem is not None:
            results[i] = problem
        else:
            assert isinstance(record, Article)
            todo.append((i, record))
    try:
        for (i, _), doc in zip(todo, pipeline.process_many(a for _, a in todo), strict=True):
            results[i] = doc
    except Exception:
        for i, article in todo:
            results[i] = _process_one(pipeline, article)
    return [r for r in results if r is not None]


def _process_one(pipeline: Pipeline, article: Article) -> Result:
    try:
        return pipeline.process(article)
    except Exception as exc:  # one odd article must not end a corpus run: it is reported
        return RecordError.from_exception(exc, article.location or article.id)


def _refusal(article: Article) -> RecordError | None:
    """Problems found before processing (the pipeline would raise on them)."""
    try:
        publication_day(article)
    except Exception as exc:
        return RecordError.from_exception(exc, article.location or article.id)
    return None


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _unique(result: Result, seen: dict[str, int]) -> Result:
    if isinstance(result, RecordError):
        return result
    count = seen.get(result.id, 0) + 1
    seen[result.id] = count
    return result if count == 1 else replace(result, id=f"{result.id}-{count}")


@dataclass(slots=True)
class CorpusStats:
    """What a run did, for the summary line."""

    read: int = 0
    processed: int = 0
    failed: int = 0
    timexes: int = 0
    events: int = 0
    words: int = 0
    # documents an interrupted run had already written (--resume)
    skipped: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, result: Result) -> None:
        self.read += 1
        if isinstance(result, RecordError):
            self.failed += 1
        else:
            self.processed += 1
            self.timexes += len(result.timexes)
            self.events += len(result.events)
            self.words += len(result.text.split())

    def summary(self) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        balance = "==" if self.processed + self.failed == self.read else "!="
        return (
            f"timeline: {self.read} document{'' if self.read == 1 else 's'} read: {self.processed} processed + {self.failed} failed "
            f"{balance} {self.read}; {self.timexes} timexes, {self.events} events; "
            f"{elapsed:.1f} s, {self.words / elapsed:,.0f} words/s"
            + (f"; {self.skipped} skipped as already written (--resume)" if self.skipped else "")
        )


class CorpusReport:
    """Progress (tqdm on stderr, only on a terminal), one stderr line per
    failure (and a JSON line per failure in ``errors_path``), the summary."""

    def __init__(
        self, *, progress: bool, errors_path: str | None = None, err: TextIO | None = None,
        outputs: "StagedOutputs | None" = None,
    ) -> None:
        self.stats = CorpusStats()
        self.err = err or sys.stderr
        self.errors_path = errors_path
        self._errors_file: IO[bytes] | None = None
        if errors_path is not None:  # opened now: an unwritable path fails before any work
            try:
                # staged with the run's other outputs when it has them
                self._errors_file = (open(errors_path, "wb") if outputs is None else
                                     outputs.open_stream(Path(errors_path), in_folder=False)[0])
            except OSError as exc:
                raise ExportError(f"{errors_path!r}: cannot write errors: {exc.strerror or exc}") from None
        self._owns_errors_file = outputs is None
        self._bar: Any = None
        if progress:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
            self._bar = tqdm(file=self.err, unit="doc", dynamic_ncols=True, leave=False)

    def add(self, result: Result) -> None:
        self.stats.add(result)
        if isinstance(result, RecordError):
            self._report(result)
        if self._bar is not None:
            self._bar.update(1)

    def _report(self, error: RecordError) -> None:
        line = f"timeline: skipped {printable(str(error))}"
        if self._bar is not None:
            self._bar.write(line, file=self.err)
        else:
            print(line, file=self.err)
        if self._errors_file is not None:
            try:
                self._errors_file.write(json.dumps(error.to_dict(), ensure_ascii=False).encode("utf-8") + b"\n")
                self._errors_file.flush()
            except OSError as exc:
                raise ExportError(f"{self.errors_path!r}: cannot write errors: {exc.strerror or exc}") from None

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        if self._errors_file is not None and self._owns_errors_file:  # left empty when nothing failed
            try:
                self._errors_file.close()
            except OSError:  # already reported by the write that failed
                pass
        self._errors_file = None

    def __enter__(self) -> "CorpusReport":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class JsonLinesSink:
    """One document per line, written as documents finish, into a partial
    file that ``outputs`` renames over the target when the run commits
    (stdout: written as it goes).  Opened at the first document, or at once
    to append after what an interrupted run wrote (``resume``)."""

    def __init__(
        self, output: str | None, *, in_folder: bool = False, outputs: "StagedOutputs | None" = None,
        resume: bool = False,
    ) -> None:
        from timeline.render.atomic import StagedOutputs

        self.output = None if output in (None, "-") else output
        # a name we chose inside the output folder: never follow a symlink there
        self.in_folder = in_folder
        self.outputs = outputs if outputs is not None else StagedOutputs()
        self._stream: IO[bytes] | None = None
        # where the documents already written are, for --resume
        self.partial: Path | None = None
        if resume and self.output is not None:
            self._stream = self._open(keep=True)

    def write(self, document: Document) -> None:
        if self._stream is None:
            self._stream = self._open(keep=False)
        line = json.dumps(document.to_dict(), ensure_ascii=False).encode("utf-8") + b"\n"
        try:
            self._stream.write(line)
            self._stream.flush()
        except OSError as exc:
            if self.output is None:
                raise
            raise ExportError(f"{self.output}: cannot write output: {exc.strerror or exc}") from None

    def _open(self, *, keep: bool) -> IO[bytes]:
        if self.output is None:
            sys.stdout.flush()
            return sys.stdout.buffer
        path = Path(self.output)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            stream, self.partial = self.outputs.open_stream(path, in_folder=self.in_folder, keep=keep)
        except OSError as exc:
            raise ExportError(f"{self.output}: cannot write output: {exc.strerror or exc}") from None
        return stream

    def close(self) -> None:
        """Nothing to do for a file: :meth:`StagedOutputs.commit` closes it."""
        self._stream = None
