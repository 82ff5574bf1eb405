"""File system: names made from titles or ids never leave the output folder;
existing files are replaced only inside it; a failed render writes nothing."""

from __future__ import annotations

import os
import string
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_helpers import hostile_document
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.assemble import Timeline
from timeline.errors import ExportError
from timeline.render.outputs import FILE_NAMES, open_output, path_inside, safe_file_name, write_outputs

TRAVERSALS = [
    "../../etc/passwd", "..", ".", "", "/etc/passwd", "C:\\Windows\\system32", "..\\..\\boot.ini", "a/../../b",
    "~root", "\x00evil", "CON", "nul.txt", "com1", ".bashrc", "-rf", "a" * 5000, "\u202ecod.exe", "名前/../x",
    "%2e%2e%2fetc", "file:///etc/passwd", " spaced name ", "\n", "\u00e9t\u00e9 2017",
]


@pytest.mark.parametrize("name", TRAVERSALS)
def test_path_inside_stays_in_the_folder(tmp_path: Path, name: str) -> None:
    path = path_inside(tmp_path, name, ".json")
    assert path.parent == tmp_path
    assert path.resolve().parent == tmp_path.resolve()
    assert path.name.endswith(".json") and not path.name.startswith((".", "-"))
    assert len(path.name.encode()) <= 150
    path.write_text("ok", encoding="utf-8")  # a real, creatable file name
    assert path.read_text(encoding="utf-8") == "ok"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_safe_file_name_property(name: str) -> None:
    safe = safe_file_name(name)
    assert safe and set(safe) <= set(string.ascii_letters + string.digits + "._-")
    assert safe not in (".", "..") and not safe.startswith((".", "-"))
    assert len(safe) <= 120


@given(st.text(max_size=40), st.text(max_size=40))
@settings(max_examples=200, deadline=None)
def test_distinct_names_do_not_collide(a: str, b: str) -> None:
    if a != b:
        assert safe_file_name(a) != safe_file_name(b)


def _timeline() -> Timeline:
    return Timeline.from_documents([hostile_document("../../escape", "../../title", "Text.", None)])


def test_existing_symlink_is_replaced_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / FILE_NAMES["json"]).symlink_to(outside)
    written = write_outputs(_timeline(), ["json", "timeml"], str(out))
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert not (out / FILE_NAMES["json"]).is_symlink()
    assert {p.name for p in written} == {FILE_NAMES["json"], FILE_NAMES["timeml"]}
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)  # no temp files left


def test_existing_file_inside_is_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "timeline.json"
    target.write_text("old", encoding="utf-8")
    write_outputs(_timeline(), ["json"], str(target))
    assert target.read_text(encoding="utf-8").startswith("{")


def test_failed_render_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: Timeline) -> str:
        raise ExportError("renderer failed")

    monkeypatch.setattr(Timeline, "to_timeml", broken)
    out = tmp_path / "out"
    with pytest.raises(ExportError):
        write_outputs(_timeline(), ["json", "timeml"], str(out))
    assert not out.exists() or not any(out.iterdir())


def test_output_onto_a_directory_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "out" / FILE_NAMES["json"]).mkdir(parents=True)
    with pytest.raises(ExportError, match="cannot write"):
        write_outputs(_timeline(), ["json", "timeml"], str(tmp_path / "out"))


def test_titles_and_ids_do_not_name_files(tmp_path: Path) -> None:
    """A whole CLI run with a traversal title and id writes only inside DIR."""
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text("They met on Monday.", encoding="utf-8")
    article.with_suffix(".json").write_text(
        '{"published": "2017-11-02", "id": "../../../pwned", "title": "../../pwned.html"}', encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "extract", str(article), "--format", "json,html,ics,timelinejs,timeml",
         "--output", str(out)], capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    everything = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")}
    assert everything == {"in", "in/a.txt", "in/a.json", "out", *(f"out/{n}" for n in FILE_NAMES.values())}


def test_unwritable_path_is_a_clear_error(tmp_path: Path) -> None:
    """A regular file where a folder should be (fails even for root)."""
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="cannot write"):
        write_outputs(_timeline(), ["json"], str(tmp_path / "file" / "x.json"))
    with pytest.raises(ExportError, match="cannot write"):
        write_outputs(_timeline(), ["json", "html"], str(tmp_path / "file" / "dir"))


def test_open_output_does_not_follow_a_symlink(tmp_path: Path) -> None:
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me", encoding="utf-8")
    link = tmp_path / "out.jsonl"
    link.symlink_to(outside)
    with open_output(link, in_folder=True) as stream:
        stream.write(b"{}\n")
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink() and link.read_bytes() == b"{}\n"


def test_jsonl_stream_in_the_output_folder_does_not_follow_a_symlink(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("They met on Monday.", encoding="utf-8")
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "documents.jsonl").symlink_to(outside)
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "extract", str(article), "--published", "2017-11-02",
         "--format", "jsonl,json", "--output", str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert outside.read_text(encoding="utf-8") == "keep me"


def test_a_named_output_file_is_written_where_it_leads(tmp_path: Path) -> None:
    """--output FILE: a symlink the user names is followed, a FIFO stays a FIFO
    (as /dev/stdout or /dev/null must never be replaced by a regular file)."""
    import stat
    import threading

    real = tmp_path / "real.json"
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_outputs(_timeline(), ["json"], str(link))
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("{")

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_outputs(_timeline(), ["json"], str(fifo))
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and received[0].startswith(b"{")


def test_overwritten_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "timeline.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_outputs(_timeline(), ["json"], str(target))
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("output", ["", " "])
def test_empty_output_name_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ExportError, match="--output"):
        write_outputs(_timeline(), ["json"], output)
    assert not any(tmp_path.iterdir())


def test_a_name_cannot_pose_as_the_changed_form_of_another() -> None:
    changed = safe_file_name("a/b")  # "a_b-<hash>"
    assert safe_file_name(changed) != changed
    assert safe_file_name("report") == "report"  # clean names stay readable
