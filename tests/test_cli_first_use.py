"""What a new user meets first (issue 16): bad option combinations fail
before any work, ``timeline`` alone says what to type, --published is one
thing (a fallback), stdin is sniffed, empty inputs are errors."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from support import SEED_TEXT


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def timexes(result: subprocess.CompletedProcess[str]) -> list[dict[str, str]]:
    assert result.returncode == 0, result.stderr
    return [t for doc in json.loads(result.stdout)["documents"] for t in doc["timexes"]]


def test_several_formats_without_output_fail_before_any_processing(tmp_path: Path) -> None:
    began = time.monotonic()
    result = run("extract", str(SEED_TEXT), "--format", "html,ics")
    assert result.returncode == 2
    assert "several formats need --output DIR" in result.stderr
    assert result.stdout == ""
    # no spaCy model was loaded: far below a processing run
    assert time.monotonic() - began < 20


def test_several_formats_into_a_file_name_are_refused(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    result = run("extract", str(SEED_TEXT), "--format", "html,ics", "--output", str(page))
    assert result.returncode == 2
    assert "names a file" in result.stderr
    assert not page.exists()


def test_timeline_alone_prints_usage_and_first_steps() -> None:
    result = run()
    assert result.returncode == 0
    assert result.stdout.startswith("usage: timeline")
    assert "timeline extract article.txt --published" in result.stdout
    assert "--format html,ics --output" in result.stdout


def test_version() -> None:
    from timeline import __version__

    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"timeline {__version__}"


def test_published_is_a_fallback_and_override_replaces(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("They met on Tuesday.", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"published": "2017-11-02"}), encoding="utf-8")
    fallback = timexes(run("extract", str(article), "--published", "2018-06-01"))
    assert fallback[0]["value"] == "2017-10-31"  # the sidecar's date wins
    override = timexes(run("extract", str(article), "--published-override", "2018-06-01"))
    assert override[0]["value"] == "2018-05-29"


def test_published_reads_dates_as_csv_rows_write_them(tmp_path: Path) -> None:
    result = run("extract", "-", "--published", "November 2, 2017", stdin="They met on Tuesday.")
    assert timexes(result)[0]["value"] == "2017-10-31"
    bad = run("extract", "-", "--published", "sometime soon", stdin="They met on Tuesday.")
    assert bad.returncode == 2
    assert "--published" in bad.stderr and "November 2, 2017" in bad.stderr


def test_stdin_json_lines_and_csv_are_recognised() -> None:
    lines = "\n".join(json.dumps({"id": f"r{i}", "text": "They met on Tuesday.", "published": "2017-11-02"})
                      for i in range(2)) + "\n"
    assert [t["value"] for t in timexes(run("extract", "-", stdin=lines))] == ["2017-10-31"] * 2
    table = 'title,text,date\nTalks,They met on Tuesday.,"November 2, 2017"\n'
    assert [t["value"] for t in timexes(run("extract", "-", stdin=table))] == ["2017-10-31"]


def test_empty_txt_is_an_error_like_an_empty_row(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    alone = run("extract", str(empty), "--published", "2017-11-02")
    assert alone.returncode == 2
    assert "empty.txt" in alone.stderr and "no text" in alone.stderr
    (tmp_path / "b.txt").write_text("They met on Tuesday.", encoding="utf-8")
    folder = run("extract", str(tmp_path), "--published", "2017-11-02", "--strict")
    assert folder.returncode == 1
    assert "skipped" in folder.stderr and "empty.txt" in folder.stderr
    assert [t["value"] for t in timexes(run("extract", str(tmp_path), "--published", "2017-11-02"))] \
        == ["2017-10-31"]


def test_an_empty_folder_fails(tmp_path: Path) -> None:
    (tmp_path / "none").mkdir()
    (tmp_path / "b.txt").write_text("They met on Tuesday.", encoding="utf-8")
    result = run("extract", str(tmp_path / "none"), str(tmp_path / "b.txt"), "--published", "2017-11-02",
                 "--strict")
    assert result.returncode == 1
    assert "no article files" in result.stderr
