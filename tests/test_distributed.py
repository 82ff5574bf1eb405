"""Corpus mode on a Dask cluster: a real ``distributed.LocalCluster`` of two
worker processes, started here, gives the output of ``--workers 1`` (the
documents, in order, and the merged exports byte for byte), survives a
worker killed mid-run, and accounts for every record."""

from __future__ import annotations

import csv
import faulthandler
import json
import os
import signal
import time
from itertools import islice
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Iterator

import pytest
from support import shared_path
from test_corpus import article, write_corpus

from timeline.assemble import Timeline
from timeline.cli import main
from timeline.corpus import process_records
from timeline.errors import SettingsError
from timeline.model import Article, Document, TimelineEntry
from timeline.read.timeml import read_timeml
from timeline.settings import Settings

distributed = pytest.importorskip("distributed", reason="dask.distributed is in the test extra")

# a hung cluster must fail the run, not stall CI
_WATCHDOG_SECONDS = 900


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    """Two worker processes, one thread each, nothing but loopback."""
    faulthandler.dump_traceback_later(_WATCHDOG_SECONDS, exit=True)
    from timeline.distributed import LOOPBACK_ONLY

    local = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, **LOOPBACK_ONLY)
    try:
        yield local
    finally:
        local.close(timeout=60)
        faulthandler.cancel_dump_traceback_later()


def _address(cluster: object) -> str:
    return str(cluster.scheduler_address)  # type: ignore[attr-defined]


def _reuters_sample(folder: Path, rows: int) -> Path:
    """The first rows of the Reuters CSV (a small, real corpus)."""
    source = shared_path("data", "reuters-2017", "reuters-2017-politics.csv")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "sample.csv"
    with open(source, newline="", encoding="utf-8") as src, open(target, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        for row in islice(csv.reader(src), rows + 1):
            writer.writerow(row)
    return target


def test_timeml_documents_are_those_of_one_process(cluster: object) -> None:
    paths = sorted(shared_path("data", "timeml-tbaq").rglob("*.tml"))[:40]
    articles = [read_timeml(p).article() for p in paths]
    settings = Settings(batch_size=8)
    one = list(process_records(articles, settings))
    on_cluster = list(process_records(articles, settings.with_(scheduler=_address(cluster))))
    assert len(one) == len(articles) and all(isinstance(d, Document) for d in one)
    assert on_cluster == one
    assert [d.to_dict() for d in on_cluster] == [d.to_dict() for d in one]  # type: ignore[union-attr]


def test_reuters_exports_are_byte_identical_to_one_worker(cluster: object, tmp_path: Path) -> None:
    sample = _reuters_sample(tmp_path, 48)
    formats = "jsonl,json,html,ics,timelinejs"
    assert main(["extract", str(sample), "--format", formats, "--output", str(tmp_path / "one"), "--quiet"]) == 0
    assert main(["extract", str(sample), "--format", formats, "--output", str(tmp_path / "dask"), "--quiet",
                 "--scheduler", _address(cluster)]) == 0
    written = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert written == ["documents.jsonl", "timeline.html", "timeline.ics", "timeline.json",
                       "timeline.timelinejs.json"]
    for name in written:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name
    lines = (tmp_path / "dask" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 48
    merged = json.loads((tmp_path / "dask" / "timeline.json").read_text(encoding="utf-8"))
    assert any(len(entry["sources"]) > 1 for entry in merged["timeline"])  # merged across articles


def test_key_events_of_a_reuters_sample_are_byte_identical_to_one_worker(
        cluster: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--top``: the key events chosen on the workers in two passes (each
    bucket's best against the whole corpus's figures) are those one process
    keeps, and the pages and calendars are the same bytes."""
    sample = _reuters_sample(tmp_path, 48)
    reports = []
    for name, extra in (("one", []), ("dask", ["--scheduler", _address(cluster)])):
        assert main(["extract", str(sample), "--format", "jsonl,html,ics,timelinejs", "--top", "7",
                     "--output", str(tmp_path / name), *extra]) == 0
        reports.append(capsys.readouterr().err.splitlines()[-1])
    for name in ("documents.jsonl", "timeline.html", "timeline.ics", "timeline.timelinejs.json"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name
    assert reports[1] == reports[0] and reports[0].startswith("timeline: the filters kept 7 of ")
    events = json.loads((tmp_path / "dask" / "timeline.timelinejs.json").read_text(encoding="utf-8"))["events"]
    assert len(events) == 7


def test_the_driver_holds_no_record_of_a_key_event_run(cluster: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the driver holds while the documents stream by: no document, no
    partition's future, a few futures per bucket however many partitions
    (their groups gathered as they come); after the key events, nothing of
    the run is left on the scheduler."""
    from timeline import distributed as on_cluster

    monkeypatch.setattr(on_cluster, "_PARTITIONS_PER_GROUP", 2)
    monkeypatch.setattr(on_cluster, "_GROUPS_HELD", 3)
    articles = [_met(i) for i in range(40)]
    settings = Settings(batch_size=4)  # 40 partitions of one article: 20 groups
    documents = [d for d in process_records(articles, settings) if isinstance(d, Document)]
    expected = Timeline.from_documents(documents, settings).top(4)
    run = on_cluster.DaskRun(settings.with_(scheduler=_address(cluster)), merge=True, top=4)
    held = []
    for result in run.results(articles):
        held.append(sorted(str(k) for k in run.client.refcount))
        assert isinstance(result, Document)
    assert run._documents == []
    # in flight: a few partitions per worker thread and those of a group not yet bucketed
    assert max(map(len, held)) <= (on_cluster._GROUPS_HELD + 1) * (run.buckets + 2) + run._threads * 3 + 2
    deadline = time.monotonic() + 30  # a future passed to a task is let go once the scheduler has the task
    while (partitions := [k for k in run.client.refcount if str(k).startswith("timeline-partition-")]) \
            and time.monotonic() < deadline:
        time.sleep(0.2)
    assert partitions == []
    assert len(run._groups) <= on_cluster._GROUPS_HELD
    top = run.timeline()
    assert top.entries == expected.entries and top.undated == () and top.mentions == ()
    assert [d.id for d in top.documents] == [d.id for d in expected.documents]
    assert all(d.text == "" and d.events == () for d in top.documents)  # headers from the buckets
    assert run.totals is not None and run.totals[0] >= len(top.entries)
    client = distributed.Client(_address(cluster))
    try:
        deadline = time.monotonic() + 30
        while (left := client.run_on_scheduler(_tasks_of, run._run)) and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        client.close()
    assert left == []


def test_an_empty_corpus_gives_an_empty_timeline(cluster: object) -> None:
    from timeline.distributed import DaskRun

    settings = Settings(scheduler=_address(cluster))
    for top in (None, 5):
        run = DaskRun(settings, merge=True, top=top)
        assert list(run.results([])) == []
        empty = run.timeline()
        assert empty.entries == () and empty.documents == () and empty.undated == ()


def _tasks_of(run: str, dask_scheduler: object) -> list[str]:
    """The scheduler's tasks of one run (``client.run_on_scheduler``)."""
    return [str(k) for k in dask_scheduler.tasks if run in str(k)]  # type: ignore[attr-defined]


def _met(i: int) -> Article:
    """Articles on a few days, each told by several of them."""
    text = (f"Senator John Smith met President Xi Jinping in Beijing on {DAYS[i % 3]}. "
            f"Smith said on Monday the talks would resume next month. Round {i // 3} ended early last year.")
    return Article(text=text, published=date(2017, 11, 2), title=f"Talks {i}", location=f"gen:{i}")


DAYS = ("Tuesday", "Wednesday", "Thursday")


def test_repeated_articles_merge_across_buckets_as_in_one_process(cluster: object) -> None:
    """Articles that report the same meetings, each twice: ids made unique
    on the driver, reports of one meeting merged, the order of one process."""
    from timeline.distributed import DaskRun

    articles = [_met(i) for i in range(12)] * 2
    settings = Settings(batch_size=4)
    documents = [d for d in process_records(articles, settings) if isinstance(d, Document)]
    expected = Timeline.from_documents(documents, settings)
    # every happening merged across articles (repeated statements too: their sentences are identical)
    assert len(expected.entries) > 1 and min(len(e.sources) for e in expected.entries) >= 8
    run = DaskRun(settings.with_(scheduler=_address(cluster)), merge=True, keep="events")
    results = list(run.results(articles))
    merged = run.timeline()
    assert results == documents and len({d.id for d in documents}) == 24
    assert merged.entries == expected.entries and merged.undated == expected.undated
    assert merged.documents == tuple(replace(d, text="") for d in documents)
    assert run.buckets >= 4


def test_key_events_are_those_of_the_whole_timeline(cluster: object) -> None:
    """``timeline(top=N)``: the N most important entries, importance scored
    over the whole corpus on the driver (not bucket by bucket), are those
    one process keeps."""
    from timeline.distributed import DaskRun

    articles = [_met(i) for i in range(15)]
    settings = Settings(batch_size=4)
    documents = [d for d in process_records(articles, settings) if isinstance(d, Document)]
    whole = Timeline.from_documents(documents, settings)
    expected = whole.top(3).entries
    ranked = sorted((e.importance for e in whole.entries), reverse=True)
    assert sorted((e.importance for e in expected), reverse=True) == ranked[:3] and ranked[0] > ranked[3]
    assert list(expected) == sorted(expected, key=whole.entries.index)  # in timeline order
    run = DaskRun(settings.with_(scheduler=_address(cluster)), merge=True)
    assert list(run.results(articles)) == documents
    top = run.timeline(top=3)
    assert top.entries == expected and top.undated == ()
    cited = {s.document_id for e in expected for s in e.sources}
    assert [d.id for d in top.documents] == [d.id for d in documents if d.id in cited]


def test_an_entry_many_articles_report_reaches_the_driver_with_at_most_max_quotes(cluster: object) -> None:
    """What the driver receives per key event is bounded however many
    articles report it: each bucket cuts its key events to
    ``max_quotes`` quotes (counting the others) before they travel, as one
    process's key-event timeline does, and only the listed quotes' headers come."""
    from timeline.distributed import DaskRun
    from timeline.render.entries import quoted_sentences

    articles = [_met(i) for i in range(36)]  # each meeting told by 12 articles
    settings = Settings(batch_size=4, max_quotes=3)
    documents = [d for d in process_records(articles, settings) if isinstance(d, Document)]
    expected = Timeline.from_documents(documents, settings).top(4)
    run = DaskRun(settings.with_(scheduler=_address(cluster)), merge=True, top=4)
    assert list(run.results(articles)) == documents
    top = run.timeline()
    assert top.entries == expected.entries and [d.id for d in top.documents] == [d.id for d in expected.documents]
    assert all(len(quoted_sentences(e.sources)) <= 3 for e in top.entries)
    assert max(e.unlisted_articles for e in top.entries) >= 9  # counted, not carried
    assert len(top.documents) <= 4 * 3 < len(documents)


def test_a_worker_killed_mid_run_has_its_partitions_run_again_once(cluster: object) -> None:
    from timeline.distributed import DaskRun

    articles = [_met(i) for i in range(60)]
    settings = Settings(batch_size=4)  # partitions of one article: many in flight
    documents = [d for d in process_records(articles, settings) if isinstance(d, Document)]
    expected = Timeline.from_documents(documents, settings)
    client = distributed.Client(_address(cluster))
    try:
        pids = client.run(os.getpid)
        run = DaskRun(settings.with_(scheduler=_address(cluster)), merge=True)
        results = run.results(articles)
        got = [next(results)]
        busy = _busy_worker(client)
        os.kill(pids[busy], signal.SIGKILL)  # the nanny starts a new worker
        got.extend(results)
        merged = run.timeline()
        _wait_for_workers(client, 2)
    finally:
        client.close()
    assert busy in pids
    assert got == documents  # every article once, in order: re-run, never duplicated
    assert merged.entries == expected.entries and merged.undated == expected.undated


def test_a_worker_killed_after_bucketing_has_its_buckets_made_again(cluster: object) -> None:
    """The bucketed events a dead worker held are rebuilt from their
    partitions (the scheduler kept the records), not lost."""
    from timeline.distributed import DaskRun

    articles = [_met(i) for i in range(40)]
    settings = Settings(batch_size=8)
    documents = [d for d in process_records(articles, settings) if isinstance(d, Document)]
    expected = Timeline.from_documents(documents, settings)
    client = distributed.Client(_address(cluster))
    try:
        run = DaskRun(settings.with_(scheduler=_address(cluster)), merge=True)
        assert list(run.results(articles)) == documents
        distributed.wait([future for group in run._groups for future in group], timeout=120)
        pids = client.run(os.getpid)
        held = [w for w, keys in client.has_what().items() if any(str(k).startswith("timeline-bucket-") for k in keys)]
        assert held  # a worker holds bucketed events
        os.kill(pids[held[0]], signal.SIGKILL)
        merged = run.timeline()
        _wait_for_workers(client, 2)
    finally:
        client.close()
    assert merged.entries == expected.entries and merged.undated == expected.undated


def _busy_worker(client: object) -> str:
    """A worker that is running one of our partitions now."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        processing = client.processing()  # type: ignore[attr-defined]
        busy = [worker for worker, keys in processing.items()
                if any(str(k).startswith("timeline-partition-") for k in keys)]
        if busy:
            return str(busy[0])
        time.sleep(0.05)
    raise AssertionError("no worker was processing a partition")


def _wait_for_workers(client: object, count: int) -> None:
    client.wait_for_workers(count, timeout=120)  # type: ignore[attr-defined]


def test_record_accounting_matches_one_process(cluster: object, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    summaries, errors = [], []
    for name, extra in (("one", []), ("dask", ["--scheduler", _address(cluster)])):
        code = main(["extract", str(corpus), "--format", "jsonl,json", "--output", str(tmp_path / name),
                     "--errors", str(tmp_path / f"{name}.errors"), *extra])
        assert code == 0
        err = capsys.readouterr().err
        summaries.append(next(line for line in err.splitlines() if "documents read" in line))
        errors.append((tmp_path / f"{name}.errors").read_text(encoding="utf-8"))
    assert "11 documents read: 4 processed + 7 failed == 11" in summaries[1]
    assert summaries[0].split(";")[0] == summaries[1].split(";")[0]
    assert errors[1] == errors[0] and len(errors[1].splitlines()) == 7
    for name in ("documents.jsonl", "timeline.json"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "one" / name).read_bytes()


def test_extract_many_takes_a_scheduler(cluster: object) -> None:
    import timeline

    records = [{"text": "It rained on Monday.", "published": "2017-11-02", "id": "rain"},
               {"text": "A record without a date."},
               {"text": "They met on Friday.", "published": "2017-11-02", "id": "met"}]
    skipped: list[Exception] = []
    docs = list(timeline.extract_many(records, scheduler=_address(cluster), on_error=skipped.append))
    assert [d.id for d in docs] == ["rain", "met"]
    assert [d.timexes[0].value for d in docs] == ["2017-10-30", "2017-10-27"]
    assert len(skipped) == 1 and getattr(skipped[0], "location", None) == "record 1"


def test_scheduler_local_starts_and_stops_its_own_cluster(tmp_path: Path) -> None:
    """``--scheduler local --workers 2``: a LocalCluster of this run only."""
    sample = tmp_path / "few.jsonl"
    sample.write_text("".join(json.dumps({"id": f"a{i}", "text": f"Talks ended on Tuesday, round {i}.",
                                          "published": "2017-11-02"}) + "\n" for i in range(5)),
                      encoding="utf-8")
    before = set(_children())
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(sample), "--format", "jsonl", "--output", str(out), "--quiet",
                 "--scheduler", "local", "--workers", "2"]) == 0
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        f"a{i}" for i in range(5)]
    deadline = time.monotonic() + 30
    while set(_children()) - before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not set(_children()) - before  # its worker processes are gone


def _children() -> list[int]:
    """Live child processes of this test process (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == os.getpid() and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def test_a_bad_scheduler_is_refused_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline.distributed as on_cluster

    with pytest.raises(SettingsError, match="scheduler"):
        Settings(scheduler="not an address")
    monkeypatch.setattr(on_cluster, "CONNECT_TIMEOUT", "2s")
    with pytest.raises(SettingsError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        list(process_records([article(0)], Settings(scheduler="tcp://127.0.0.1:9")))



def test_a_week_across_two_months_joins_its_day_as_in_one_process() -> None:
    """A week-dated report (Nov. 27 - Dec. 3) and the day inside it in the
    next month (Dec. 1) sit in two month buckets: the day is a guest of the
    week's bucket, the pair is joined on the driver, and the timeline is the
    one of one process (the bucket functions run here, without a cluster)."""
    from support import told_document

    from timeline import distributed as on_cluster

    week = told_document("a", [
        ("Papadopoulos pleaded guilty in the week of Nov. 27 to lying to the FBI.", "pleaded", "2017-W48",
         "Papadopoulos pleaded guilty to lying to FBI", ("Papadopoulos",)),
        ("Flynn met Kislyak on Nov. 28.", "met", "2017-11-28", "Flynn met Kislyak", ("Flynn",)),
    ], title="Papadopoulos pleaded guilty")
    day = told_document("b", [
        ("Papadopoulos pleaded guilty on Dec. 1 to lying to the FBI about his contacts.", "pleaded", "2017-12-01",
         "Papadopoulos pleaded guilty to lying to FBI about his contacts", ("Papadopoulos",)),
        ("Papadopoulos pleaded guilty in December, his lawyer said.", "pleaded", "2017-12",
         "Papadopoulos pleaded guilty", ("Papadopoulos",)),
    ], title="A guilty plea")
    settings = Settings()
    expected = Timeline.from_documents([week, day], settings)
    assert any(len(e.sources) == 3 and e.date and e.date.value == "2017-12-01" for e in expected.entries)
    buckets = 4
    *split, headlines = on_cluster._split_into_buckets(settings, buckets, ([week, day], {}, 0))
    assert headlines.documents == 2
    homes = [{p.candidate.position for p in bucket if p.home} for bucket in split]
    assert not homes[buckets] and len({i for i, h in enumerate(homes) if h}) == 2  # November, December
    gathered = [on_cluster._gather_bucket(bucket) for bucket in split]
    prepared = [on_cluster._prepare_bucket(pieces) for pieces in gathered]
    pairs = [pair for prepare in prepared for pair in on_cluster._across(prepare)]
    crossing = frozenset(i for pair in pairs for i in pair)
    assert crossing  # the week's bucket paired it with a guest
    total = on_cluster._add_up(*(counted for counted, _ in prepared))
    merged = [on_cluster._merge_bucket(settings, pieces, prepare, total, crossing)
              for pieces, prepare in zip(gathered, prepared)]
    merged.append(on_cluster._join_across(pairs, *(on_cluster._loose_part(m) for m in merged)))
    rooted = sorted((r for m in merged for r in on_cluster._entries_of(m)), key=lambda r: r[0])
    got = Timeline.of_entries([week, day], [e for _, e in rooted], settings)
    assert got.entries == expected.entries and got.undated == expected.undated and got.mentions == expected.mentions
