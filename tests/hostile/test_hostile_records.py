"""Hostile records: one bad or oversized record is reported (``file:line``)
and skipped, the good records around it are read, and devices are refused."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.model import Article
from timeline.read.records import RecordError, read_csv, read_jsonl
from timeline.read.sources import iter_records
from timeline.read.text import read_text_file

GOOD = {"text": "It rained on Monday.", "published": "2017-01-02"}
DEEP = "[" * 2000 + "]" * 2000
LONG_INT = "1" * 5000


def jsonl(*lines: str) -> io.BufferedReader:
    return io.BufferedReader(io.BytesIO("".join(line + "\n" for line in lines).encode("utf-8")))


def outcome(records: list[object]) -> list[str]:
    return [f"ok {r.location}" if isinstance(r, Article) else f"skipped {r}" for r in records]


@pytest.mark.parametrize("bad", [
    '{"text": "x", "published": "2017-01-02", "nested": %s}' % DEEP,
    '{"text": "x", "published": "2017-01-02", "id": %s}' % LONG_INT,
    DEEP,
])
def test_deep_nesting_or_a_huge_number_skips_only_that_line(bad: str) -> None:
    records = list(read_jsonl(jsonl(json.dumps(GOOD), bad, json.dumps(GOOD)), "c.jsonl"))
    assert [r.location for r in records] == ["c.jsonl:1", "c.jsonl:2", "c.jsonl:3"]
    assert isinstance(records[0], Article) and isinstance(records[2], Article)
    assert isinstance(records[1], RecordError)
    assert "nested too deeply" in records[1].message or "number too long" in records[1].message


def test_a_hostile_sidecar_is_an_input_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("It rained on Monday.", encoding="utf-8")
    (tmp_path / "a.json").write_text('{"published": "2017-01-02", "x": %s}' % DEEP, encoding="utf-8")
    with pytest.raises(InputError, match="a.json: unreadable metadata file: JSON nested too deeply"):
        read_text_file(tmp_path / "a.txt")
    # in a corpus, that article is one failure among others
    (tmp_path / "b.txt").write_text("It snowed on Monday.", encoding="utf-8")
    results = outcome(list(iter_records([str(tmp_path)], "2017-01-02")))
    assert results == [f"skipped {tmp_path / 'a.json'}: unreadable metadata file: JSON nested too deeply",
                       f"ok {tmp_path / 'b.txt'}"]


def test_an_oversized_json_line_is_skipped_without_holding_it() -> None:
    big = json.dumps({**GOOD, "text": "word " * 50_000})
    records = list(read_jsonl(jsonl(json.dumps(GOOD), big, json.dumps(GOOD)), "c.jsonl", max_record_bytes=10_000))
    assert outcome(records) == [
        "ok c.jsonl:1",
        "skipped c.jsonl:2: record too large (more than 10,000 bytes; raise the limit with --max-record-size)",
        "ok c.jsonl:3",
    ]


@pytest.mark.parametrize("cell", ids=["one-line", "many-lines"], argvalues=[
    '"' + "word " * 5_000 + '"',  # one long line
    '"' + "a line\n" * 2_000 + '"',  # a quoted field over many short lines
])
def test_an_oversized_csv_record_is_skipped(cell: str) -> None:
    data = f"text,date\nIt rained on Monday.,2017-01-02\n{cell},2017-01-02\nIt snowed on Monday.,2017-01-03\n"
    records = list(read_csv(io.BufferedReader(io.BytesIO(data.encode())), "c.csv", max_record_bytes=10_000))
    assert isinstance(records[0], Article) and records[0].location == "c.csv:2"
    assert isinstance(records[1], RecordError) and records[1].location == "c.csv:3"
    assert "record too large" in records[1].message
    # the records after it are read again (a multi-line field may leave pieces, each reported)
    last = records[-1]
    assert isinstance(last, Article) and last.text == "It snowed on Monday.", outcome(records)


@pytest.mark.parametrize("fmt", ["txt", "tml", "html", "csv", "jsonl"])
def test_devices_are_refused_for_every_input_format(fmt: str) -> None:
    with pytest.raises(InputError, match="/dev/zero: not a file but a device"):
        list(iter_records(["/dev/zero"], forced_format=fmt, fatal_input_errors=True))
