"""``--format`` through the one table of output formats: names in any case,
jsonl streamed (alone to --output or stdout, beside merged formats into the
output folder), unknown names and a missing folder refused with one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.assemble import Timeline
from timeline.cli import main
from timeline.errors import ExportError
from timeline.render.outputs import FILE_NAMES, OUTPUT_FORMATS, plan_outputs

CHOICES = "json, timeml, html, ics, timelinejs, jsonl"


def test_merged_formats_in_the_order_asked_any_case() -> None:
    plan = plan_outputs(" JSON, Html ,ics", "out")
    assert plan.merged == ["json", "html", "ics"] and not plan.streamed


@pytest.mark.parametrize("output", [None, "-", "page.html", "out/timeline.ics"])
def test_several_formats_need_a_folder_before_any_work(output: str | None) -> None:
    with pytest.raises(ExportError, match="several formats need --output DIR"):
        plan_outputs("html,ics", output)


def test_jsonl_alone_streams_where_output_points() -> None:
    for output in (None, "-", "docs.jsonl"):
        plan = plan_outputs("jsonl", output)
        assert (plan.merged, plan.streamed, plan.stream_output, plan.stream_in_folder) == ([], True, output, False)
    assert plan_outputs("jsonl,JSONL", None).merged == []  # a repeated name is the same stream


def test_jsonl_beside_merged_formats_goes_into_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    plan = plan_outputs("jsonl,html", str(folder))
    assert plan.merged == ["html"] and plan.streamed and plan.stream_in_folder
    assert plan.stream_output == str(folder / "documents.jsonl")
    assert not folder.exists()
    plan.prepare()  # before any document: the merged html then goes into the folder too
    assert folder.is_dir()
    for output in (None, "-"):
        with pytest.raises(ExportError, match=r"^several formats need --output DIR$"):
            plan_outputs("json,jsonl", output)


@pytest.mark.parametrize("value, named", [("bogus", "bogus"), ("jsonl,Bogus,x", "bogus, x"), ("", ""), (" , ", "")])
def test_unknown_or_no_format_names_the_choices(value: str, named: str) -> None:
    with pytest.raises(ExportError) as raised:
        plan_outputs(value, None)
    assert str(raised.value) == f"unknown format {named!r}: choose from {CHOICES}"


def test_every_merged_format_has_a_renderer_and_its_own_file() -> None:
    assert list(OUTPUT_FORMATS) == CHOICES.split(", ")
    for name in FILE_NAMES:
        assert callable(getattr(Timeline, f"to_{name}"))
    names = [f.file_name for f in OUTPUT_FORMATS.values()]
    assert len(set(names)) == len(names)


def test_cli_refuses_a_bad_format_before_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "not-there.txt")
    assert main(["extract", missing, "--format", "json,pdf"]) == 2
    assert capsys.readouterr().err == f"timeline: error: unknown format 'pdf': choose from {CHOICES}\n"
    assert main(["extract", missing, "--format", "jsonl,ics"]) == 2
    assert capsys.readouterr().err == "timeline: error: several formats need --output DIR\n"
    assert not list(tmp_path.iterdir())
