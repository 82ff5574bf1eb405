"""Entity timelines scored on SemEval-2015 TimeLine data: reading, dates at
the gold's precision, one-to-one matching, and the trial data end to end."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from support import ROOT, shared_path
from timeline.errors import InputError
from timeline.evaluate.timelines import (
    GoldDate, SystemMention, TimelineData, evaluate_timelines, is_timeline_data, score_timeline,
)
from timeline.model import DateInterval

TEXT = ("Acme unveils a phone\nJune 8, 2010\nYesterday Acme unveiled a phone and cut prices.\n"
        "Acme has sold a million phones.\n")


def day(value: str) -> DateInterval:
    return DateInterval(value, date.fromisoformat(value), date.fromisoformat(value), "day")


MONTH = DateInterval("2010-06", date(2010, 6, 1), date(2010, 6, 30), "month")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A one-article TimeLine folder made here: TimeML, tokens, one entity timeline."""
    (tmp_path / "tml").mkdir()
    (tmp_path / "tokens").mkdir()
    (tmp_path / "timelines").mkdir()
    (tmp_path / "tml" / "1.tml").write_text(
        '<TimeML><DOCID>1</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2010-06-08">2010-06-08</TIMEX3></DCT>'
        f"<TEXT>{TEXT}</TEXT></TimeML>", "utf-8")
    sentences, start = [], 0
    for number, line in enumerate(TEXT.splitlines()):
        tokens = []
        for word in line.replace(".", " .").split():
            at = TEXT.index(word, start)
            tokens.append([word, at, at + len(word)])
            start = at + len(word)
        sentences.append({"sentence": number, "tokens": tokens})
    (tmp_path / "tokens" / "1.json").write_text(json.dumps({"sentences": sentences}), "utf-8")
    (tmp_path / "timelines" / "acme.txt").write_text(
        "Acme\n0\tXXXX-XX-XX\t1-2-cut\n1\t2010-06-07\t1-2-unveiled\n2\t2010-06-08\t1-0-unveils\n"
        "3\t2010-06-08\t1-3-sold\n", "utf-8")
    return tmp_path


def test_gold_dates_hold_intervals_at_their_precision() -> None:
    assert GoldDate.parse("2010-XX-XX").contains(day("2010-06-07"))
    assert GoldDate.parse("2010").contains(MONTH)
    assert GoldDate.parse("2010-06-XX").contains(day("2010-06-07"))
    assert not GoldDate.parse("2010-06-07").contains(MONTH)  # a month is not that day
    assert not GoldDate.parse("2009-XX-XX").contains(day("2010-06-07"))
    assert not GoldDate.parse("XXXX-XX-XX").dated and not GoldDate.parse("XXX-XX-XX").dated
    with pytest.raises(ValueError):
        GoldDate.parse("June 2010")


def test_reading_a_folder_finds_each_mention_in_its_sentence(folder: Path) -> None:
    data = TimelineData.read(folder)
    (timeline,) = data.timelines
    assert timeline.entity == "Acme"
    by_word = {m.words: m for m in timeline.mentions}
    unveiled = by_word["unveiled"]
    assert TEXT[unveiled.spans[0][0]:unveiled.spans[0][1]] == "unveiled"
    assert by_word["unveils"].date == GoldDate(2010, 6, 8)
    assert is_timeline_data(folder) and not is_timeline_data(folder / "tml")
    with pytest.raises(InputError):
        TimelineData.read(folder / "tml")


def test_scoring_counts_right_dates_wrong_dates_and_leaves_undated_gold_out(folder: Path) -> None:
    (gold,) = TimelineData.read(folder).timelines
    at = {w: TEXT.index(w) for w in ("unveiled", "unveils", "cut", "prices")}
    system = [
        SystemMention("1", at["unveiled"], at["unveiled"] + 8, day("2010-06-07")),  # right
        SystemMention("1", at["unveils"], at["unveils"] + 7, day("2010-06-07")),  # wrong date
        SystemMention("1", at["cut"], at["cut"] + 3, day("2010-06-07")),  # gold undated: left out
        SystemMention("1", at["prices"], at["prices"] + 6, day("2010-06-07")),  # not in the timeline
        SystemMention("1", at["prices"], at["prices"] + 6, None),  # undated: not counted
    ]
    counts = score_timeline(gold, system)
    assert (counts.gold, counts.system, counts.correct) == (3, 3, 1)
    assert counts.causes == {"spurious: wrong date": 1, "spurious: not in the entity's timeline": 1,
                             "missed: wrong date": 1, "missed: no event": 1}
    assert round(counts.scores()["f1"], 1) == 33.3  # P 1/3, R 1/3


def test_one_system_mention_matches_one_gold_mention(folder: Path) -> None:
    (gold,) = TimelineData.read(folder).timelines
    start = TEXT.index("unveiled")
    twice = [SystemMention("1", start, start + 8, day("2010-06-07"))] * 2
    counts = score_timeline(gold, twice)
    assert (counts.system, counts.correct) == (2, 1)


def test_the_tool_dates_the_made_up_article_in_entity_mode(folder: Path) -> None:
    printed = io.StringIO()
    results = evaluate_timelines(folder, out=printed)
    assert "Acme" in printed.getvalue()
    # "Acme unveiled" (yesterday) and "has sold" (the publication day) are right; the headline adds nothing
    assert results["Acme"].correct == 2, results["Acme"]
    assert results["Acme"].causes["missed: no event"] == 1


def test_trial_data_figures_from_the_command_line() -> None:
    trial = shared_path("data", "semeval2015-timeline-trial")
    done = subprocess.run([sys.executable, "-m", "timeline", "evaluate", str(trial), "--timelines"],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    line = next(l for l in done.stdout.splitlines() if l.startswith("all (micro)"))
    f1 = float(line.rsplit("F1", 1)[1])
    assert f1 >= 35.0, done.stdout  # 6.1 before entity mode
    assert "errors by cause:" in done.stdout
