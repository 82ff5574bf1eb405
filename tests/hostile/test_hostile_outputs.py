"""Outputs under faults: a killed, interrupted or failing run leaves the
previous outputs as they were; the files of a run replace the old ones
together; a second writer is refused; ``--resume`` goes on where a killed run
stopped, with the same result as a run that was never interrupted."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

import pytest

from timeline.cli import main
from timeline.render.atomic import StagedOutputs, partial_path

# enough records that a run is still going when its first chunk (64) is written
RECORDS = 150


def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as stream:
        for i in range(RECORDS):
            # repeated ids (a0 twice...) are numbered a0, a0-2: resumed runs must number them the same
            stream.write(json.dumps({
                "id": f"a{i % 120}", "published": "2017-03-01",
                "text": f"Article {i}. Talks began on Monday and ended {i % 28 + 1} days later.",
            }) + "\n")
    return path


def start(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "timeline", "extract", *args, "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def wait_for_lines(path: Path, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        if path.exists() and path.stat().st_size > 0:
            return
        time.sleep(0.05)
    pytest.fail(f"the run wrote nothing to {path} (exit {process.poll()})")


def test_a_killed_run_keeps_the_previous_outputs_and_resume_completes_it(tmp_path: Path) -> None:
    source, out = corpus(tmp_path), tmp_path / "out"
    args = (str(source), "--format", "jsonl,html", "--output", str(out))
    first = start(*args)
    assert first.wait(timeout=300) == 0, first.stderr.read() if first.stderr else ""
    complete = (out / "documents.jsonl").read_bytes()
    page = (out / "timeline.html").read_bytes()
    assert complete.count(b"\n") == RECORDS

    killed = start(*args)
    wait_for_lines(partial_path(out / "documents.jsonl"), killed)
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait(timeout=60)
    # the previous run's files are untouched, side by side
    assert (out / "documents.jsonl").read_bytes() == complete
    assert (out / "timeline.html").read_bytes() == page
    written = partial_path(out / "documents.jsonl").read_bytes().count(b"\n")
    assert 0 < written < RECORDS
    stale = out / ".timeline.timeline.html.x1y2z3.tmp"
    stale.write_text("left by a killed run")

    resumed = start(*args, "--resume")
    _, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err
    assert (out / "documents.jsonl").read_bytes() == complete  # nothing lost, nothing twice, same order
    assert not stale.exists() and not partial_path(out / "documents.jsonl").exists()
    assert sorted(p.name for p in out.iterdir()) == ["documents.jsonl", "timeline.html"]


def test_resume_reports_what_it_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, target = corpus(tmp_path), tmp_path / "docs.jsonl"
    lines = [json.dumps({"id": f"a{i}", "published": "2017-03-01", "text": f"Talks began on Monday {i}."})
             for i in range(3)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["extract", str(source), "--format", "jsonl", "--output", str(target)]) == 0
    whole = target.read_bytes()
    # a killed run that wrote the first document and half of the second
    first, second = whole.splitlines(keepends=True)[:2]
    partial_path(target).write_bytes(first + second[:40])
    capsys.readouterr()
    assert main(["extract", str(source), "--format", "jsonl", "--output", str(target), "--resume"]) == 0
    assert target.read_bytes() == whole
    assert "1 skipped as already written (--resume)" in capsys.readouterr().err


def test_ctrl_c_is_one_line_exit_130_and_no_worker_left(tmp_path: Path) -> None:
    source, out = corpus(tmp_path), tmp_path / "out"
    out.mkdir()
    (out / "documents.jsonl").write_text("previous\n")
    run = start(str(source), "--format", "jsonl,ics", "--output", str(out), "--workers", "2")
    wait_for_lines(partial_path(out / "documents.jsonl"), run)
    os.killpg(run.pid, signal.SIGINT)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 130
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("timeline: interrupted after "), lines
    assert "Traceback" not in err.decode()
    left = subprocess.run(["ps", "-o", "pid=", "-s", str(run.pid)], capture_output=True, text=True).stdout
    assert left.strip() == "", f"processes left in the run's session: {left}"
    assert (out / "documents.jsonl").read_text() == "previous\n"
    assert not (out / "timeline.ics").exists()


def test_a_second_writer_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with StagedOutputs() as first:
        first.lock(out, folder=True)
        second = subprocess.run([sys.executable, "-m", "timeline", "extract", str(corpus(tmp_path)),
                                 "--format", "jsonl,html", "--output", str(out)],
                                capture_output=True, text=True, timeout=300)
    assert second.returncode == 2
    assert second.stderr.strip() == (f"timeline: error: {out}: another timeline run (process {os.getpid()}) is "
                                     "writing there: wait for it to finish or choose another --output")
    assert not (out / "documents.jsonl").exists()


class FullDisk:
    """A stream that fills up after ``room`` bytes."""

    def __init__(self, stream: IO[bytes], room: int) -> None:
        self.stream, self.room = stream, room

    def write(self, data: bytes) -> int:
        if len(data) > self.room:
            self.stream.write(data[:self.room])
            self.room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(data)
        return self.stream.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


@pytest.mark.parametrize("full", ["documents.jsonl", "errors.jsonl"])
def test_a_full_disk_is_one_line_exit_2_and_the_previous_outputs_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], full: str,
) -> None:
    source, out = corpus(tmp_path), tmp_path / "out"
    with open(source, "a", encoding="utf-8") as stream:
        stream.write("not json\n" * 3)  # failures for the errors file
    out.mkdir()
    for name in ("documents.jsonl", "timeline.ics", "errors.jsonl"):
        (out / name).write_text(f"previous {name}\n")
    real = StagedOutputs.open_stream

    def open_stream(self: StagedOutputs, target: Path, **options: Any) -> tuple[Any, Path | None]:
        stream, partial = real(self, target, **options)
        return (FullDisk(stream, 100) if target.name == full else stream), partial

    monkeypatch.setattr(StagedOutputs, "open_stream", open_stream)
    status = main(["extract", str(source), "--format", "jsonl,ics", "--output", str(out),
                   "--errors", str(out / "errors.jsonl")])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2
    assert err[-1] in (f"timeline: error: {out / 'documents.jsonl'}: cannot write output: No space left on device",
                       f"timeline: error: '{out / 'errors.jsonl'}': cannot write errors: No space left on device")
    assert full in err[-1] and not any("Traceback" in line for line in err)
    for name in ("documents.jsonl", "timeline.ics", "errors.jsonl"):
        assert (out / name).read_text() == f"previous {name}\n"
    assert not list(out.glob("*.tmp"))
