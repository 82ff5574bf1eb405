"""The exports as a user runs them: the README's main command on seeds/, one
format to one file, --coarse-dates, and an unwritable output."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import icalendar

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def timeline(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


def test_readme_command_writes_every_format(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = timeline("extract", str(SEEDS), "--format", "html,ics,json,timelinejs,timeml", "--output", f"{out}/")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["timeline.html", "timeline.ics", "timeline.json", "timeline.timelinejs.json", "timeline.tml"]
    entries = json.loads((out / "timeline.json").read_text("utf-8"))["timeline"]
    html = (out / "timeline.html").read_text("utf-8")
    assert len(re.findall(r"<li [^>]*\bdata-dated\b", html)) == len(entries)
    calendar = icalendar.Calendar.from_ical((out / "timeline.ics").read_bytes())
    assert len(list(calendar.walk("VEVENT"))) == len(entries)
    assert b"\r\n" in (out / "timeline.ics").read_bytes()
    slides = json.loads((out / "timeline.timelinejs.json").read_text("utf-8"))
    assert len(slides["events"]) == len(entries)


def test_single_format_to_a_file_and_coarse_dates_span(tmp_path: Path) -> None:
    first_day, span = tmp_path / "first.ics", tmp_path / "span.ics"
    assert timeline("extract", str(SEEDS), "--format", "ics", "--output", str(first_day)).returncode == 0
    result = timeline("extract", str(SEEDS), "--format", "ics", "--coarse-dates", "span", "--output", str(span))
    assert result.returncode == 0, result.stderr

    def lengths(path: Path) -> list[int]:
        events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        return [(e.decoded("DTEND") - e.decoded("DTSTART")).days for e in events if "[" in str(e["SUMMARY"])]

    assert lengths(first_day) and set(lengths(first_day)) == {1}
    assert max(lengths(span)) >= 7  # the seed has a week, months and years


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    for target in (str(blocker / "timeline.html"), f"{blocker}/sub/"):
        result = timeline("extract", str(SEEDS), "--format", "html", "--output", target)
        assert result.returncode == 2
        assert "cannot write output" in result.stderr and "Traceback" not in result.stderr
    assert blocker.read_text("utf-8") == "not a folder"


def test_a_corpus_run_says_what_the_exports_hold(tmp_path: Path) -> None:
    """The summary counts events per article; a second line counts the merged
    entries the exports hold, and what the filters kept of them."""
    rows = tmp_path / "news.csv"
    rows.write_text(
        "title,text,date\n"
        "Vote,\"Kim met Moon on Monday. The vote was held on Tuesday.\",2017-11-02\n"
        "Talks,\"Kim met Moon on Monday, officials said.\",2017-11-02\n", encoding="utf-8")
    out = tmp_path / "out.json"
    result = timeline("extract", str(rows), "--format", "json", "--output", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text("utf-8"))
    events = sum(len(d["events"]) for d in data["documents"])
    dated, vague = len(data["timeline"]), len(data["undated"])
    assert (f"timeline: {events} events are {dated} dated entries and {vague} vague mentions once merged "
            "across articles") in result.stderr
    result = timeline("extract", str(rows), "--format", "json", "--output", str(out), "--query", "vote")
    kept = json.loads(out.read_text("utf-8"))
    assert 0 < len(kept["timeline"]) < dated
    assert (f"timeline: the filters kept {len(kept['timeline'])} of {dated} dated entries and "
            f"{len(kept['undated'])} of {vague} vague mentions") in result.stderr
