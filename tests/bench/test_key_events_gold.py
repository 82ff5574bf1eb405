"""The journalist's gold of bench/key_events.py holds together: schema, dates,
row selection, and every gold sentence really in its article. This guards
the gold; it does not score the tool."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from support import ROOT, bench_module, shared_path

GOLD_DIR = ROOT / "bench" / "data" / "key_events"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))
CSV_PARTS = ("data", "reuters-2017", "reuters-2017-politics.csv")


bench = bench_module("key_events")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return bench.read_rows(shared_path(*CSV_PARTS))


def test_there_are_at_least_four_stories() -> None:
    assert len(GOLD_FILES) >= 4


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_schema(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["story"] == path.stem
    assert data["title"].strip()
    assert data["selection"]["field"] in ("title", "title+text")
    re.compile(data["selection"]["regex"])
    assert data["rows"] == sorted(set(data["rows"]))
    assert 20 <= len(data["rows"]) <= 150
    events = data["events"]
    assert 15 <= len(events) <= 30
    ids = [e["id"] for e in events]
    assert len(ids) == len(set(ids))
    for event in events:
        assert set(event) == {"id", "date", "headline", "sentences"}, event["id"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", event["id"])
        assert event["headline"].strip()
        assert 1 <= len(event["sentences"]) <= 5, event["id"]
        for sentence in event["sentences"]:
            assert set(sentence) == {"row", "text"}
            assert sentence["row"] in data["rows"], (event["id"], sentence["row"])
            assert sentence["text"].strip() == sentence["text"] and sentence["text"]


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_dates_parse_and_are_plausible(path: Path) -> None:
    for event in bench.load_story(path).events:  # an upcoming deadline of 2018 is a key event too
        start, end = event.interval
        assert date(1990, 1, 1) <= start <= end <= date(2018, 12, 31), event.id


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_the_selection_gives_the_recorded_rows(path: Path, rows: list[dict[str, str]]) -> None:
    story = bench.load_story(path)
    assert bench.selected_rows(rows, story.selection) == list(story.rows)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_gold_sentence_is_in_its_article(path: Path, rows: list[dict[str, str]]) -> None:
    for event in bench.load_story(path).events:
        for row, text in event.sentences:
            assert text in rows[row]["text"], (event.id, row, text[:60])


def test_the_date_of_a_key_event_is_a_day_or_a_month() -> None:
    assert bench.date_interval("2017-12-12") == (date(2017, 12, 12), date(2017, 12, 12))
    assert bench.date_interval("2017-02") == (date(2017, 2, 1), date(2017, 2, 28))
    with pytest.raises(ValueError):
        bench.date_interval("2017")


def test_a_sentence_reports_a_gold_sentence_when_their_words_overlap_heavily() -> None:
    gold = "Democrat Doug Jones won Alabama’s election for the U.S. Senate on Tuesday, U.S. media said."
    assert bench.same_report("Democrat  Doug Jones won Alabama's election for the U.S. Senate on Tuesday, "
                             "U.S. media said.", gold)
    assert bench.same_report("(Reuters) - Democrat Doug Jones won Alabama’s election for the U.S. Senate "
                             "on Tuesday, scoring an upset victory, U.S. media said.", gold)
    assert not bench.same_report("Moore did not concede on Wednesday.", gold)
    assert not bench.same_report("Doug Jones won.", gold)  # a fragment is not a report


def test_an_entry_matches_only_inside_the_key_event_date() -> None:
    event = bench.KeyEvent("x", "2017-12-11", "h", ((0, "s"),))
    night = {"start": "2017-12-11T18:00:00", "end": "2017-12-12T05:59:59", "granularity": "partofday"}
    week = {"start": "2017-12-11", "end": "2017-12-17", "granularity": "week"}
    assert bench.inside({"date": night}, event)
    assert not bench.inside({"date": week}, event)
    month_event = bench.KeyEvent("y", "2017-12", "h", ((0, "s"),))
    assert bench.inside({"date": week}, month_event)


def test_entries_rank_by_importance_when_they_have_one_else_by_sources() -> None:
    def entry(name: str, start: str, documents: list[str], importance: float | None = None) -> dict:
        made = {"id": name, "date": {"start": start}, "sources": [{"document": d} for d in documents]}
        return made if importance is None else {**made, "importance": importance}

    plain = [entry("a", "2017-11-02", ["d1"]), entry("b", "2017-11-01", ["d1", "d1"]),
             entry("c", "2017-11-03", ["d1", "d2"])]
    ranking, ranked = bench.rank(plain)
    assert ranking == "sources"
    assert [e["id"] for e in ranked] == ["c", "b", "a"]  # two articles, then one (same article twice), by date
    scored = [entry("a", "2017-11-02", ["d1"], 0.9), entry("c", "2017-11-03", ["d1", "d2"], 0.2)]
    ranking, ranked = bench.rank(scored)
    assert ranking == "importance"
    assert [e["id"] for e in ranked] == ["a", "c"]


def test_an_entry_counts_for_one_key_event_at_most() -> None:
    # event 0 is reported by entries 1 and 2, event 1 only by entry 1: both are found
    assert bench.one_to_one([[1, 2], [1]], limit=10) == [2, 1]
    # one entry lumping two happenings together finds one of them
    assert bench.one_to_one([[1], [1]], limit=10).count(None) == 1
    # entries ranked beyond the limit do not count
    assert bench.one_to_one([[3], [1]], limit=2) == [None, 1]


def _entry(start: str, granularity: str, *published: str) -> dict:
    return {"date": {"start": start, "granularity": granularity, "value": start},
            "sources": [{"published": p, "document": f"d{i}"} for i, p in enumerate(published)],
            "title": "Senate passes bill", "importance": 0.5, "importance_parts": {"coverage": 0.25}}


def test_rates_place_a_date_by_the_story_s_first_article_and_its_reports() -> None:
    first = date(2017, 11, 1)
    assert bench.date_situation(_entry("2017-11-20", "day", "2017-11-02"), first) == "ahead/day"
    assert bench.date_situation(_entry("2017-11-20", "day", "2017-11-02", "2017-11-21"), first) == "news/day"
    assert bench.date_situation(_entry("2017-09-01", "month", "2017-11-02"), first) == "months-before/month"
    assert bench.date_situation(_entry("2017-01-20", "week", "2017-11-02"), first) == "year-before/week"
    assert bench.date_situation(_entry("2016-01-01", "year", "2017-11-02"), first) == "older/coarser"


def test_a_low_ranked_key_event_is_explained_by_its_parts() -> None:
    line = bench.parts_line(bench.explained(_entry("2017-11-20", "day", "2017-11-21", "2017-11-22")))
    assert line.startswith("0.500 = cover 0.25 |") and "2 art. 2017-11-20" in line
