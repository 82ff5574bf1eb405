"""The command line with hostile surroundings: a narrow locale, different
hash seeds, article text full of markup and control characters."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import SEED_TEXT
from hostile_helpers import CRLF_EVENT, SCRIPT

# two ways to stdout: the merged timeline (json, html, ics...) and the jsonl stream
FORMATS = ("json", "jsonl", "ics")
HOSTILE_ARTICLE = (f"Emoji \U0001f600, \u05e9\u05dc\u05d5\u05dd and {SCRIPT} met on Monday.\n"
                   f"{CRLF_EVENT} They will vote next week.\x0b\x1b[31m Results came in 2016.")


def _run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, timeout=300,
                          env={**os.environ, **(env or {})}, cwd=cwd)


@pytest.mark.parametrize("fmt", FORMATS)
def test_stdout_is_utf8_whatever_the_locale(tmp_path: Path, fmt: str) -> None:
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8", newline="")
    result = _run("extract", str(article), "--published", "2017-11-02", "--format", fmt,
                  env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "LANG": "C"})
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    out = result.stdout.decode("utf-8")
    if fmt in ("json", "jsonl"):
        first = json.loads(out.splitlines()[0] if fmt == "jsonl" else out)
        document = first if fmt == "jsonl" else first["documents"][0]
        assert document["timexes"], document


def test_all_formats_are_byte_identical_across_processes(tmp_path: Path) -> None:
    """Same input, other hash seed, other process: the same bytes in every file."""
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8", newline="")
    outputs = []
    for seed in ("1", "987654"):
        out = tmp_path / f"out{seed}"
        result = _run("extract", str(SEED_TEXT), str(article), "--published", "2017-11-02", "--format",
                      "json,html,ics,timelinejs,timeml", "--output", str(out), env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0].keys() == outputs[1].keys() and len(outputs[0]) == 5
    for name in outputs[0]:
        assert outputs[0][name] == outputs[1][name], name


@pytest.mark.parametrize("errors", ["", "missing-folder/errors.jsonl", "a-folder"])
def test_unwritable_errors_file_is_a_clear_error(tmp_path: Path, errors: str) -> None:
    (tmp_path / "a-folder").mkdir()
    article = tmp_path / "a.txt"
    article.write_text("They met on Monday.", encoding="utf-8")
    result = _run("extract", str(article), "--published", "2017-11-02", "--errors", errors, cwd=tmp_path)
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2 and "Traceback" not in stderr, stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
