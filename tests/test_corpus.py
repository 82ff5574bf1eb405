"""Corpus mode: many records in, one result per record out, in order, nothing
lost; the same output with one or two workers; the command line around it."""

from __future__ import annotations

import itertools
import json
import os
import pty
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

import pytest

from timeline.corpus import CorpusStats, process_chunk, process_records
from timeline.model import Article, Document
from timeline.read.records import RecordError
from timeline.read.sources import iter_records
from timeline.settings import Settings

SENTENCES = [
    "The talks ended on Tuesday after two days.",
    "Officials met on Monday and will meet again on Friday.",
    "Nothing dated happens in this sentence.",
    "The vote took place on Wednesday, lawmakers said on Thursday.",
]


def article(i: int) -> Article:
    text = f"WASHINGTON (Reuters) - Story {i}. " + " ".join(SENTENCES[(i + k) % 4] for k in range(3))
    return Article(text=text, published=date(2017, 11, 2), title=f"Story {i}", location=f"gen:{i}")


def write_corpus(folder: Path) -> None:
    """A mixed corpus: good and bad CSV rows, JSON Lines, text and HTML files."""
    folder.mkdir()
    (folder / "a.csv").write_bytes(
        b'title,text,date\n'
        b'One,"WASHINGTON (Reuters) - They met on Monday.","November 2, 2017 "\n'   # a.csv:2
        b'Two,,2017-11-02\n'                                                      # a.csv:3 empty text
        b'Three,"Met on Tuesday.",not a date\n'                                   # a.csv:4 bad date
        b'Four,"caf\xe9 on Friday.",2017-11-02\n'                                 # a.csv:5 encoding
        b'Five,"Voted on Wednesday.",2017-11-03\n'                                # a.csv:6
    )
    (folder / "b.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Signed on Thursday.", "published": "2017-11-02"}) + "\n"
        + "{broken\n"
        + json.dumps({"id": "j3", "text": "No date given on Monday."}) + "\n",
        encoding="utf-8",
    )
    (folder / "c.txt").write_text("A text without its publication date, Monday.", encoding="utf-8")
    (folder / "d.txt").write_text("Dated by its sidecar: Tuesday.", encoding="utf-8")
    (folder / "d.json").write_text(json.dumps({"published": "2017-11-02"}), encoding="utf-8")
    (folder / "e.html").write_bytes(b"<html><body><div")


def test_mixed_corpus_loses_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    results = list(process_records(iter_records([str(corpus)])))
    stats = CorpusStats()
    for r in results:
        stats.add(r)
    failures = {Path(r.location).name: r for r in results if isinstance(r, RecordError)}
    assert sorted(failures) == ["a.csv:3", "a.csv:4", "a.csv:5", "b.jsonl:2", "b.jsonl:3", "c.txt", "e.html"]
    assert all(f.message for f in failures.values())
    assert "--published" in failures["c.txt"].message
    assert [d.title for d in results if isinstance(d, Document)] == ["One", "Five", None, None]
    assert (stats.read, stats.processed, stats.failed) == (11, 4, 7)
    assert stats.processed + stats.failed == stats.read
    assert "processed + 7 failed == 11" in stats.summary()


def test_two_workers_give_the_same_output_in_the_same_order() -> None:
    articles = [article(i) for i in range(40)] + [RecordError("x.csv:9", "no text")]
    settings = Settings(batch_size=8)
    one = list(process_records(articles, settings))
    two = list(process_records(articles, settings.with_(workers=2)))
    assert len(one) == 41 and isinstance(one[-1], RecordError)
    assert one == two
    assert [d.to_dict() for d in one if isinstance(d, Document)] == [
        d.to_dict() for d in two if isinstance(d, Document)]


def test_results_stream_from_an_endless_input() -> None:
    endless = (article(i) for i in itertools.count())
    taken = list(itertools.islice(process_records(endless, Settings(batch_size=4)), 6))
    assert [d.title for d in taken] == [f"Story {i}" for i in range(6)]  # type: ignore[union-attr]


def test_parallel_results_stream_from_an_endless_input() -> None:
    consumed = 0

    def endless() -> Iterator[Article]:
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield article(i)

    results = process_records(endless(), Settings(batch_size=4, workers=2))
    taken = list(itertools.islice(results, 5))
    results.close()  # type: ignore[attr-defined]
    assert [d.title for d in taken] == [f"Story {i}" for i in range(5)]  # type: ignore[union-attr]
    assert consumed <= 4 * 2 * 2 + 8  # a bounded window of chunks, not the whole input


class _Exploding:
    """A pipeline whose batch fails on one article: only that one must fail."""

    def process_many(self, articles: Iterable[Article]) -> Iterator[Document]:
        for a in articles:
            yield self.process(a)

    def process(self, a: Article) -> Document:
        if "BOOM" in a.text:
            raise RuntimeError("tagger crashed")
        return Document(id=a.id or "x", text=a.text, published=date(2017, 11, 2))


def test_one_crashing_article_fails_alone() -> None:
    chunk: list[Article | RecordError] = [
        Article("fine", date(2017, 11, 2), id="a", location="f:1"),
        Article("BOOM", date(2017, 11, 2), id="b", location="f:2"),
        Article("undated", None, id="c", location="f:3"),
        Article("fine too", date(2017, 11, 2), id="d", location="f:4"),
    ]
    results = process_chunk(_Exploding(), chunk)  # type: ignore[arg-type]
    assert [type(r).__name__ for r in results] == ["Document", "RecordError", "RecordError", "Document"]
    assert results[1].location == "f:2" and "tagger crashed" in results[1].message  # type: ignore[union-attr]
    assert results[2].kind == "MissingPublicationDate"  # type: ignore[union-attr]


def test_repeated_ids_are_made_unique() -> None:
    twice = [article(1), article(1), article(2)]
    ids = [d.id for d in process_records(twice) if isinstance(d, Document)]
    assert ids[1] == ids[0] + "-2" and len(set(ids)) == 3


# --- the command line ---------------------------------------------------------------

def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline", *args], input=stdin, capture_output=True,
                          text=True, timeout=300)


def test_cli_skips_and_reports_bad_records(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    errors = tmp_path / "errors.jsonl"
    result = run("extract", str(corpus), "--errors", str(errors))
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 4
    skipped = [line for line in result.stderr.splitlines() if line.startswith("timeline: skipped")]
    assert len(skipped) == 7 and any("a.csv:4" in line for line in skipped)
    assert "11 documents read: 4 processed + 7 failed == 11" in result.stderr
    assert "words/s" in result.stderr
    logged = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    assert sorted(Path(e["location"]).name for e in logged)[:3] == ["a.csv:3", "a.csv:4", "a.csv:5"]
    assert "\r" not in result.stderr  # no progress bar when stderr is not a terminal


def test_cli_strict_turns_failures_into_exit_1(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    assert run("extract", str(corpus), "--strict", "--quiet").returncode == 1
    good = tmp_path / "good.csv"
    good.write_text('text,date\n"Met on Monday.",2017-11-02\n', encoding="utf-8")
    quiet = run("extract", str(good), "--strict", "--quiet")
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_cli_jsonl_streams_one_document_per_line(tmp_path: Path) -> None:
    rows = "\n".join(json.dumps({"id": f"n{i}", "text": SENTENCES[i % 4], "published": "2017-11-02"})
                     for i in range(5))
    result = run("extract", "-", "--input-format", "jsonl", "--format", "jsonl", "--quiet", stdin=rows)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in lines] == [f"n{i}" for i in range(5)]
    assert lines[0]["timexes"][0]["value"] == "2017-10-31"
    out = tmp_path / "both"
    result = run("extract", "-", "--input-format", "jsonl", "--format", "jsonl,json", "--output", str(out),
                 "--quiet", stdin=rows)
    assert result.returncode == 0, result.stderr
    assert len((out / "documents.jsonl").read_text("utf-8").splitlines()) == 5
    assert len(json.loads((out / "timeline.json").read_text("utf-8"))["documents"]) == 5


def test_cli_one_named_file_that_cannot_be_read_ends_the_run(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run("extract", str(tmp_path / "missing.csv"), "--output", str(out))
    assert result.returncode == 2 and "missing.csv" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not out.exists()
    result = run("extract", str(tmp_path / "nothing-*.csv"))
    assert result.returncode == 2 and "no file matches" in result.stderr


def test_cli_glob_and_odd_columns(tmp_path: Path) -> None:
    for name in ("x1.csv", "x2.csv"):
        (tmp_path / name).write_text(f'body,when\n"{name} met on Monday.","November 2, 2017 "\n', encoding="utf-8")
    result = run("extract", str(tmp_path / "x*.csv"), "--text-column", "body", "--date-column", "when",
                 "--format", "jsonl", "--quiet")
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["source"] for d in docs] == [f"{tmp_path / 'x1.csv'}:2", f"{tmp_path / 'x2.csv'}:2"]
    assert docs[0]["timexes"][0]["text"] == "Monday"


def test_cli_two_workers_write_the_same_timeline(tmp_path: Path) -> None:
    rows = "".join(f'"{SENTENCES[i % 4]} Story {i}.",2017-11-0{1 + i % 3}\n' for i in range(30))
    (tmp_path / "c.csv").write_text("text,date\n" + rows, encoding="utf-8")
    one = run("extract", str(tmp_path / "c.csv"), "--quiet")
    two = run("extract", str(tmp_path / "c.csv"), "--quiet", "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert len(json.loads(one.stdout)["documents"]) == 30
    assert one.stdout == two.stdout


def test_cli_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    data = tmp_path / "a.csv"
    data.write_text('text,date\n"Met on Monday.",2017-11-02\n', encoding="utf-8")
    master, slave = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "timeline", "extract", str(data)], stderr=slave,
                              stdout=subprocess.DEVNULL, timeout=300)
        os.close(slave)
        seen = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(master)
    assert proc.returncode == 0
    assert b"doc" in seen and b"1 document read: 1 processed + 0 failed == 1" in seen
    quiet = subprocess.run([sys.executable, "-m", "timeline", "extract", str(data), "--quiet"],
                           capture_output=True, timeout=300)
    assert quiet.stderr == b""


class _Dying(_Exploding):
    """A pipeline whose worker process dies (as if killed for memory) on one article."""

    settings = Settings(workers=2, batch_size=4)

    def process(self, a: Article) -> Document:
        if "DIE" in a.text:
            os._exit(3)
        return super().process(a)


def test_a_dying_worker_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline.corpus as corpus
    from timeline.errors import ProcessingError

    monkeypatch.setattr(corpus, "_worker_pipeline", _Dying())  # inherited by the forked workers
    records = [Article(f"fine {i}", date(2017, 11, 2), id=f"a{i}", location=f"f:{i}") for i in range(6)]
    records[4] = Article("DIE", date(2017, 11, 2), id="x", location="f:4")
    with pytest.raises(ProcessingError, match="worker process died"):
        list(process_records(records, _Dying.settings))
