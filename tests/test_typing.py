"""The package type-checks, and the public API's hints are precise enough to
catch a caller's mistakes."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from support import IN_CI, ROOT


def run_mypy(args: list[str], monkeypatch: pytest.MonkeyPatch, cwd: Path = ROOT) -> tuple[str, int]:
    try:
        from mypy import api
    except ImportError:
        if IN_CI:
            pytest.fail("mypy is not installed in CI (pip install -e '.[test]')")
        pytest.skip("mypy is not installed (pip install -e '.[test]')")
    monkeypatch.chdir(cwd)  # ROOT: the [tool.mypy] config in pyproject.toml
    stdout, stderr, status = api.run(args)
    return stdout + stderr, status


def test_package_type_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    output, status = run_mypy([], monkeypatch)
    assert status == 0, output


USER_CODE = """
from datetime import date, datetime
from typing import Iterator
import timeline

doc: timeline.Document = timeline.extract("It rained on Monday.", date(2017, 11, 2), title="t")
also: timeline.Document = timeline.extract("x", "2017-11-02T09:30:00-05:00")
docs: Iterator[timeline.Document] = timeline.extract_many([{"text": "x", "published": "2017-11-02"}])
values: list[str] = [t.value for t in doc.timexes]
offsets: list[int] = [t.start for t in doc.timexes]
line: timeline.Timeline = timeline.Timeline.from_documents([doc])
out: str = line.to_json()
try:
    pass
except timeline.MissingPublicationDate as error:
    where: str | None = error.location
"""

MISTAKES = {
    'timeline.extract("x", 20171102)': 'Argument 2 to "extract"',
    'timeline.extract("x", "2017-11-02", title=3)': "title",
    'timeline.extract(b"x", "2017-11-02")': 'Argument 1 to "extract"',
    'timeline.extract_many([], workers="2")': "workers",
    'timeline.extract_many([], on_error="ignore")': "on_error",
    'timeline.extract("x", "2017-11-02").timexes[0].value + 1': "Unsupported operand",
}


def check_user_code(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:
    """mypy --strict over a user's file, run from the user's own folder: the
    installed package's hints are found through its py.typed marker.  Errors
    inside the package itself are the other test's business."""
    path = tmp_path / "user_code.py"
    path.write_text(textwrap.dedent(code), encoding="utf-8")
    args = ["--strict", "--follow-imports=silent", "--cache-dir", str(ROOT / ".mypy_cache" / "user"), str(path)]
    return run_mypy(args, monkeypatch, cwd=tmp_path)


def test_public_api_hints_accept_correct_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output, status = check_user_code(USER_CODE, tmp_path, monkeypatch)
    assert status == 0, output


def test_public_api_hints_catch_mistakes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # one mypy run over all the mistakes: each line must be reported
    lines = list(MISTAKES)
    output, status = check_user_code("import timeline\n" + "\n".join(lines) + "\n", tmp_path, monkeypatch)
    assert status == 1, output
    for number, call in enumerate(lines, start=2):
        reported = [line for line in output.splitlines() if f"user_code.py:{number}:" in line]
        assert any(MISTAKES[call] in line for line in reported), f"{call!r} not caught:\n{output}"
