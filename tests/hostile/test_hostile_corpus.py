"""Corpus runs over a mix of good and bad records lose none: every record is
either a document in the output or a line of the error report, with its
location; hostile cells (formulas, surrogates, NULs) never end the run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import icalendar
from hostile_helpers import MARKER, SCRIPT, PageStructure
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

GOOD_TEXT = "The council met on Monday and will vote next week."
HEADER = b"title,text,date\r\n"


def _csv_rows() -> tuple[bytes, dict[int, bool]]:
    """CSV bytes and {line number: is good} for every record in it."""
    rows: list[tuple[bytes, bool]] = [
        (b'Good one,"' + GOOD_TEXT.encode() + b'",2017-11-02', True),
        (b"Empty text,,2017-11-02", False),
        (b'No date,"' + GOOD_TEXT.encode() + b'",', False),
        (b'Bad date,"' + GOOD_TEXT.encode() + b'",not a date', False),
        (b'Impossible date,"' + GOOD_TEXT.encode() + b'",2017-02-30', False),
        (b'"=HYPERLINK(""http://evil.example/' + MARKER.encode() + b'"",""x"")","' + GOOD_TEXT.encode()
         + b'","November 2, 2017 "', True),
        (b'"' + SCRIPT.encode() + b'","' + SCRIPT.encode() + b' on Monday",2017-11-02', True),
        (b'Latin-1 bytes,"caf\xe9 on Monday",2017-11-02', False),
        (b'Too many fields,"' + GOOD_TEXT.encode() + b'",2017-11-02,extra', False),
        (b'"Multi\r\nline title","Line one on Monday.\r\nLine two next week.",2017-11-02', True),
        (b'First day,"' + GOOD_TEXT.encode() + b'",0001-01-01', True),
        (b'Huge date cell,"' + GOOD_TEXT.encode() + b'",' + b"9" * 20_000, False),
        (b'Control chars,"On Monday \x01\x02\x1b[31m red",2017-11-02', True),
    ]
    data, lines, line = HEADER, {}, 2
    for raw, good in rows:
        data += raw + b"\r\n"
        lines[line] = good
        line += raw.count(b"\n") + 1
    return data, lines


JSONL_LINES: list[tuple[bytes, bool | None]] = [  # None: not a record (blank line)
    (json.dumps({"id": "j1", "title": "ok", "text": GOOD_TEXT, "published": "2017-11-02"}).encode(), True),
    (b'{"id": "j2", "text": "unterminated', False),
    (b'["a", "list"]', False),
    (json.dumps({"id": "j4", "text": 42, "published": "2017-11-02"}).encode(), False),
    (json.dumps({"id": "j5", "text": GOOD_TEXT, "published": [2017]}).encode(), False),
    (b'{"id": "j6", "text": "On Monday \\ud800 lone surrogate", "published": "2017-11-02"}', None),
    (b"", None),
    (json.dumps({"id": "j8", "text": GOOD_TEXT, "published": "2017-11-02",
                 "url": f"javascript:alert({MARKER})"}).encode(), True),
    (b'{"id": "j9", "text": "caf\xe9 on Monday", "published": "2017-11-02"}', False),
    (json.dumps({"id": "j10", "text": GOOD_TEXT, "published": "2017-11-02", "title": {"a": 1}}).encode(), True),
    (json.dumps({"id": "j11", "text": "   \n\t ", "published": "2017-11-02"}).encode(), False),
]


def _folder(root: Path) -> dict[str, bool | None]:
    files: dict[str, tuple[bytes, bool | None]] = {
        "good.txt": (GOOD_TEXT.encode(), True),
        "utf16.txt": (GOOD_TEXT.encode("utf-16"), True),
        "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", False),
        "nodate.txt": (GOOD_TEXT.encode(), False),
        "broken.tml": (b"<TimeML><DCT><TIMEX3 value='2017-11-02'>x</TIMEX3></DCT><TEXT>oops</TEX>", False),
        "baddct.tml": (b"<TimeML><DCT><TIMEX3 value='2017-13-45'>x</TIMEX3></DCT><TEXT>Monday</TEXT></TimeML>",
                       False),
        "badbytes.tml": (b"<TimeML><DCT><TIMEX3 value='2017-11-02'>x</TIMEX3></DCT><TEXT>caf\xe9</TEXT></TimeML>",
                         False),
        "bomb.tml": (b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;'
                     b'&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;'
                     b'&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]><TimeML><DCT><TIMEX3 '
                     b'value="2017-11-02">x</TIMEX3></DCT><TEXT>&e;&e;&e;&e;&e;&e;&e;&e;&e;&e; Monday</TEXT>'
                     b'</TimeML>', None),
        "page.html": (b"<html><head><title>T</title></head><body><article><p>" + GOOD_TEXT.encode() * 5
                      + b"</p></article></body></html>", None),
        "garbage.html": (b"\x00\x01\x02 not html at all \xff\xfe", False),
    }
    root.mkdir()
    for name, (data, _) in files.items():
        (root / name).write_bytes(data)
    for name in ("good.txt", "utf16.txt", "binary.txt", "page.html", "garbage.html"):
        (root / name).with_suffix(".json").write_text('{"published": "2017-11-02"}', encoding="utf-8")
    return {f"{root.name}/{name}": good for name, (_, good) in files.items()}


def test_mixed_corpus_loses_no_record(tmp_path: Path) -> None:
    csv_data, csv_lines = _csv_rows()
    (tmp_path / "corpus.csv").write_bytes(csv_data)
    (tmp_path / "corpus.jsonl").write_bytes(b"\n".join(line for line, _ in JSONL_LINES) + b"\n")
    folder = _folder(tmp_path / "folder")
    out, errors = tmp_path / "out", tmp_path / "errors.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "extract", "corpus.csv", "corpus.jsonl", "folder",
         "--format", "json,html,ics,timelinejs,timeml", "--output", str(out), "--errors", str(errors), "--quiet"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads((out / "timeline.json").read_text("utf-8"))
    documents = data["documents"]
    failures = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    done = [d["source"] for d in documents]
    failed = [f["location"] for f in failures]
    assert all(f.get("location") and f.get("message", f.get("error")) for f in failures), failures

    expected_csv = {f"corpus.csv:{line}": good for line, good in csv_lines.items()}
    expected_jsonl = {f"corpus.jsonl:{n}": good for n, (_, good) in enumerate(JSONL_LINES, 1) if _ != b""}
    for location, good in {**expected_csv, **expected_jsonl}.items():
        if good is True:
            assert location in done, (location, failed)
        elif good is False:
            assert location in failed, (location, done)
        assert (location in done) != (location in failed), location  # exactly once
    for path, good in folder.items():
        assert (path in done) + (path in failed) == 1, (path, done, failed)
        assert good is None or (path in done) == good, (path, done, failed)
    records = len(expected_csv) + len(expected_jsonl) + len(folder)
    assert len(done) + len(failed) == records
    assert len(set(done)) == len(done) and len(set(failed)) == len(failed)

    # a spreadsheet formula in a cell is kept verbatim as text, never evaluated or linked
    assert f'=HYPERLINK("http://evil.example/{MARKER}","x")' in [d["title"] for d in documents]
    # the merged outputs of the hostile corpus are well formed too
    calendar = icalendar.Calendar.from_ical((out / "timeline.ics").read_text("utf-8"))
    assert len(list(calendar.walk("VEVENT"))) <= len(data["timeline"])
    page = PageStructure.of((out / "timeline.html").read_text("utf-8"))
    assert not any(name.startswith("on") and MARKER in value for _, name, value in page.attributes)
    assert not any(MARKER in link for link in page.links())
    json.loads((out / "timeline.timelinejs.json").read_text("utf-8"))


GOOD = {"text": "The council met on Monday.", "published": "2017-11-02"}
ODD_RECORDS = [
    None, 42, "just a string", b"bytes", [], {}, {"text": None, "published": "2017-11-02"},
    {"text": "On Monday.", "published": None}, {"text": "On Monday.", "published": "2017-02-30"},
    {"text": "On Monday.", "published": "9" * 10_000}, {"text": ["a"], "published": "2017-11-02"},
    {"text": "On Monday \ud800.", "published": "2017-11-02"}, {"text": "On Monday.", "published": 20171102},
    {"text": "On Monday.", "published": "2017-11-02", "title": {"a": 1}, "url": ["x"], "id": 3.5},
    {"text": "On Monday.", "published": "0001-01-01"}, {"text": "On Monday.", "published": "9999-12-31"},
]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.just(GOOD), st.sampled_from(ODD_RECORDS)), max_size=12))
def test_extract_many_accounts_for_every_record(records: list[object]) -> None:
    """Python API, any mix of records: each gives a document or an error for
    the callback (never an exception out of the loop), in input order."""
    import timeline

    errors: list[Exception] = []
    documents = list(timeline.extract_many(records, on_error=errors.append))  # type: ignore[arg-type]
    assert len(documents) + len(errors) == len(records)
    assert all(isinstance(e, timeline.TimelineError) for e in errors), errors
    assert len(documents) >= sum(r is GOOD for r in records)
