"""Messages never pass terminal escapes through: control characters and
bidi overrides from file names and CSV headers are printed escaped."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.cli import main
from timeline.errors import printable

ESC_TITLE = "\x1b]0;pwned\x07"  # sets the terminal's title
CLEAR = "\x1b[2J"


def test_printable_escapes_controls_bidi_and_lone_surrogates() -> None:
    assert printable(f"a{CLEAR}b\r\n\u202eevil\udcff\x9b é \U0001f600") == \
        "a\\x1b[2Jb\\r\\n\\u202eevil\\udcff\\x9b é \U0001f600"


def test_file_names_and_csv_headers_are_escaped_in_every_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / f"bad{ESC_TITLE}.csv").write_text(f"te{CLEAR}xt,date\nx,2017-01-01\n", encoding="utf-8")
    (tmp_path / f"a{CLEAR}b.txt").write_text("It rained on Monday.", encoding="utf-8")
    (tmp_path / "c\udcff.txt").write_bytes(b"\xff\xfe\x00binary")
    assert main(["extract", str(tmp_path), "--format", "jsonl", "--quiet"]) == 0
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 3, lines
    assert not any(ch in err for ch in "\x1b\x07\r") and "\udcff" not in err
    assert f"no column 'text' (columns: te\\x1b[2Jxt, date)" in err and "bad\\x1b]0;pwned\\x07.csv" in err
    # a one-article run's error line too
    assert main(["extract", str(tmp_path / f"a{CLEAR}b.txt")]) == 2
    assert capsys.readouterr().err.startswith(f"timeline: error: {tmp_path}/a\\x1b[2Jb.txt: ")
