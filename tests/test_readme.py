"""The README's Python examples run as written, and print what they say they
print, so the README cannot drift from the code.

Every ```python block of README.md runs, in order, in one namespace, in a
temporary folder.  A ``print(...)`` line whose comment shows an output (on the
same line, or alone on the next line) must print a line matching it; ``...``
in the shown output stands for anything.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from support import ROOT

BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
TRAILING_COMMENT = re.compile(r"\s#\s(.+)$")


def python_blocks() -> list[str]:
    return BLOCK.findall((ROOT / "README.md").read_text("utf-8"))


def shown_outputs(block: str) -> list[str]:
    """The outputs the README claims its print calls produce."""
    lines = block.splitlines()
    shown = []
    for i, line in enumerate(lines):
        if not line.lstrip().startswith("print("):
            continue
        trailing = TRAILING_COMMENT.search(line)
        after = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if trailing:
            shown.append(trailing.group(1).strip())
        elif after.startswith("# "):
            shown.append(after[2:].strip())
    return shown


def matches(shown: str, printed: list[str]) -> bool:
    pattern = ".*".join(re.escape(part.strip()) for part in shown.split("..."))
    return any(re.fullmatch(pattern, line.strip()) for line in printed)


def test_readme_has_python_examples() -> None:
    blocks = python_blocks()
    assert blocks, "README.md has no ```python block"
    assert any("timeline.extract(" in b for b in blocks)
    assert any('add_pipe("timeline"' in b for b in blocks)


def test_readme_examples_run_and_print_what_they_show(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__readme__"}
    for number, block in enumerate(python_blocks(), start=1):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(block, f"README.md python block {number}", "exec"), namespace)
        printed = out.getvalue().splitlines()
        for shown in shown_outputs(block):
            assert matches(shown, printed), f"block {number} shows {shown!r} but printed {printed!r}"


def test_shown_output_matching() -> None:
    assert matches("19 26 Tuesday DATE 2017-10-31", ["19 26 Tuesday DATE 2017-10-31"])
    assert matches("malformed date '2017-13-45': ...", ["x", "malformed date '2017-13-45': expected"])
    assert not matches("malformed date ...", ["a.txt: malformed date 2017"])
    assert not matches("19 26 Tuesday DATE 2017-10-31", ["19 26 Tuesday DATE 2017-11-07"])
