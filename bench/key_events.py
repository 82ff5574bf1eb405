"""Key events a journalist would publish: recall of the tool's ranked timeline
against hand-written gold (issue 13, "How it is measured"; a benchmark, not a test).

    python bench/key_events.py [--story NAME ...] [--json] [--rates] [--workers N] [--csv PATH]

Each story of ``bench/data/key_events/*.json`` (format in the README there) is
a set of rows of the Reuters 2017 CSV and the journalist's N key events. The
rows go through the real pipeline (``timeline.extract_many``, then
``Timeline.from_documents`` as the command line assembles a corpus) and the
entries are taken as the JSON export lists them (``timeline_dict(...)["timeline"]``).

Ranking of the entries: by their ``importance`` (descending) when every entry
has one, else by the number of distinct source articles (descending), then
date; ties keep the timeline's order. The ranking used is printed.

An entry matches a key event when
  * its date interval lies inside the key event's date (the day, or the whole
    month for a ``YYYY-MM`` date; a clock time or part of day counts as its
    day), and
  * one of its source sentences reports the event: after folding case, quotes
    and whitespace, the sentence equals one of the event's gold sentences, or
    their word sets overlap heavily: Jaccard >= 0.6, or one holds >= 90% of the
    words of the other and that one has at least 6 words (a sentence the
    tool's splitter cut shorter or left longer than the gold's).
A key event counts once, and an entry for at most one key event (a maximum
one-to-one matching: an entry that lumps several happenings together finds
only one of them).

recall@2N = key events matched within the first 2N ranked entries / N;
recall    = key events matched by any entry / N.
Overall figures pool the key events of all stories (and the story mean is
printed too). For each event missed at 2N the reason is printed: no entry
reports it, entries report it with another date, its entry counts for another
key event, or it ranks low (rank R of its best entry); for a low rank, the
importance parts of its entry are printed against those of the entry at rank
2N (the last one kept), so that the part it lacks shows.

With ``--rates``, the entries of all stories are also counted by where their
date lies (ahead of every report of them; in the news period of the story's
articles; in the four months before; in the year before; older) and by its
precision (day or finer, week, month, coarser): how many entries, how many
match a key event, how many rank within 2N -- the figures behind the
date signals of ``docs/importance.md``.

Articles of several stories are processed once; nothing is cached on disk.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import json
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "bench" / "data" / "key_events"
DEFAULT_CSV = ROOT.parent / "shared" / "data" / "reuters-2017" / "reuters-2017-politics.csv"

JACCARD = 0.6  # word-set Jaccard above which two sentences are one report
CONTAINMENT = 0.9  # share of the smaller sentence's words found in the larger
MIN_CONTAINED_WORDS = 6  # containment needs a real sentence, not a fragment


# --- gold --------------------------------------------------------------------------------

@dataclass(frozen=True)
class KeyEvent:
    id: str
    date: str
    headline: str
    sentences: tuple[tuple[int, str], ...]  # (row, exact text)

    @property
    def interval(self) -> tuple[date, date]:
        return date_interval(self.date)


@dataclass(frozen=True)
class Story:
    name: str
    title: str
    rows: tuple[int, ...]
    events: tuple[KeyEvent, ...]
    selection: dict[str, Any] = field(default_factory=dict)


def date_interval(value: str) -> tuple[date, date]:
    """``YYYY-MM-DD`` -> that day; ``YYYY-MM`` -> the month (inclusive bounds)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = date.fromisoformat(value)
        return day, day
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = int(value[:4]), int(value[5:])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    raise ValueError(f"key event date must be YYYY-MM-DD or YYYY-MM, not {value!r}")


def load_story(path: Path) -> Story:
    data = json.loads(path.read_text(encoding="utf-8"))
    events = tuple(
        KeyEvent(e["id"], e["date"], e["headline"], tuple((s["row"], s["text"]) for s in e["sentences"]))
        for e in data["events"]
    )
    return Story(data["story"], data.get("title", data["story"]), tuple(data["rows"]), events,
                 data.get("selection", {}))


def load_stories(gold_dir: Path = GOLD_DIR) -> list[Story]:
    return [load_story(p) for p in sorted(gold_dir.glob("*.json"))]


def read_rows(csv_path: Path) -> list[dict[str, str]]:
    """The CSV's data rows (0-based, header excluded), as csv.DictReader gives them."""
    with open(csv_path, encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def selected_rows(rows: list[dict[str, str]], selection: dict[str, Any]) -> list[int]:
    """Rows a story's selection regex picks (for checking the recorded row list)."""
    flags = re.IGNORECASE if "i" in selection.get("flags", "") else 0
    pattern = re.compile(selection["regex"], flags)
    fields = {"title": ("title",), "title+text": ("title", "text")}[selection["field"]]
    excluded = set(selection.get("exclude_rows", ()))
    return [i for i, row in enumerate(rows)
            if i not in excluded and any(pattern.search(row[f]) for f in fields)]


# --- the tool's timeline -------------------------------------------------------------------

def row_id(row: int) -> str:
    return f"row-{row}"


def process(rows: list[dict[str, str]], wanted: Iterable[int], workers: int) -> dict[int, Any]:
    """Documents of the wanted rows through the real pipeline, by row."""
    from timeline import extract_many

    wanted = sorted(set(wanted))
    records = [{"id": row_id(i), "title": rows[i]["title"], "text": rows[i]["text"], "date": rows[i]["date"]}
               for i in wanted]
    documents = {}
    for doc in extract_many(records, workers=workers, on_error="skip"):
        documents[int(doc.id.removeprefix("row-"))] = doc
    return documents


def story_entries(documents: list[Any]) -> list[dict[str, Any]]:
    """The merged timeline's entries as the JSON export lists them."""
    from timeline.assemble import Timeline
    from timeline.render.json_out import timeline_dict

    return timeline_dict(Timeline.from_documents(documents))["timeline"]


def rank(entries: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Entries most important first, and the name of the ranking used."""
    if entries and all(isinstance(e.get("importance"), (int, float)) for e in entries):
        return "importance", sorted(entries, key=lambda e: -e["importance"])
    return "sources", sorted(entries, key=lambda e: (-len({s["document"] for s in e["sources"]}),
                                                     e["date"]["start"]))


# --- matching ---------------------------------------------------------------------------------

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    return " ".join(text.translate(_QUOTES).casefold().split())


def words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", normalise(text)))


def same_report(sentence: str, gold: str) -> bool:
    """One sentence reports what the gold sentence reports (see the module doc)."""
    if normalise(sentence) == normalise(gold):
        return True
    a, b = words(sentence), words(gold)
    if not a or not b:
        return False
    shared = len(a & b)
    if shared / len(a | b) >= JACCARD:
        return True
    smaller = min(len(a), len(b))
    return smaller >= MIN_CONTAINED_WORDS and shared / smaller >= CONTAINMENT


_WITHIN_A_DAY = {"minute", "hour", "partofday"}


def inside(entry: dict[str, Any], event: KeyEvent) -> bool:
    """The entry's interval lies inside the key event's date; a clock time or
    part of day counts as its day ("Monday night" runs past midnight)."""
    start, end = event.interval
    first = date.fromisoformat(entry["date"]["start"][:10])
    last = first if entry["date"]["granularity"] in _WITHIN_A_DAY else date.fromisoformat(entry["date"]["end"][:10])
    return start <= first and last <= end


@dataclass
class Outcome:
    """How the ranked timeline fares on one key event."""

    event: KeyEvent
    candidates: list[int] = field(default_factory=list)  # ranks (1-based) of the entries that match it
    reported_with_dates: list[str] = field(default_factory=list)  # dates of reporting entries, wrong day
    at_top: int | None = None  # rank of its entry in the one-to-one matching of the top 2N
    anywhere: int | None = None  # rank of its entry in the one-to-one matching of all entries

    def why(self, top: int) -> str:
        if self.at_top is not None:
            return "found"
        if self.candidates and self.candidates[0] <= top:
            return f"its entry (rank {self.candidates[0]}) counts for another key event"
        if self.candidates:
            return f"ranked low at rank {self.candidates[0]}"
        if self.reported_with_dates:
            shown = ", ".join(sorted(set(self.reported_with_dates))[:4])
            return f"wrong date (reported as {shown})"
        return "not found at all"


def score_story(story: Story, ranked: list[dict[str, Any]]) -> list[Outcome]:
    sentences = [[s["sentence"]["text"] for s in e["sources"]] for e in ranked]
    outcomes = []
    for event in story.events:
        outcome = Outcome(event)
        for position, (entry, texts) in enumerate(zip(ranked, sentences), 1):
            if not any(same_report(t, g) for t in texts for _, g in event.sentences):
                continue
            if inside(entry, event):
                outcome.candidates.append(position)
            else:
                outcome.reported_with_dates.append(entry["date"]["value"])
        outcomes.append(outcome)
    top = 2 * len(outcomes)
    for outcome, rank_ in zip(outcomes, one_to_one([o.candidates for o in outcomes], top)):
        outcome.at_top = rank_
    for outcome, rank_ in zip(outcomes, one_to_one([o.candidates for o in outcomes], len(ranked))):
        outcome.anywhere = rank_
    return outcomes


def one_to_one(candidates: list[list[int]], limit: int) -> list[int | None]:
    """The entry (rank) each key event is found at, an entry counting for at
    most one key event (a maximum bipartite matching over the entries ranked
    within ``limit``): an entry lumping several happenings together finds only
    one of them. Augmenting paths try each event's best-ranked entries first."""
    owner: dict[int, int] = {}  # entry rank -> key event index

    def claim(event: int, seen: set[int]) -> bool:
        for entry in candidates[event]:
            if entry > limit or entry in seen:
                continue
            seen.add(entry)
            if entry not in owner or claim(owner[entry], seen):
                owner[entry] = event
                return True
        return False

    for event in range(len(candidates)):
        claim(event, set())
    found: list[int | None] = [None] * len(candidates)
    for entry, event in owner.items():
        found[event] = entry
    return found


# --- report -----------------------------------------------------------------------------------

_PRECISION = {"minute": "day", "hour": "day", "partofday": "day", "day": "day", "week": "week",
              "weekend": "week", "month": "month"}


def date_situation(entry: dict[str, Any], first_published: date) -> str:
    """Where an entry's date lies for ``--rates``: ``ahead/...``, ``news/...``,
    ``months-before/...``, ``year-before/...``, ``older/...``, then its precision."""
    start = date.fromisoformat(entry["date"]["start"][:10])
    published = [date.fromisoformat(s["published"]) for s in entry["sources"] if s.get("published")]
    days = (first_published - start).days
    if published and all(start > p for p in published):
        where = "ahead"
    elif days <= 7:
        where = "news"
    else:
        where = "months-before" if days <= 120 else "year-before" if days <= 400 else "older"
    return f"{where}/{_PRECISION.get(entry['date']['granularity'], 'coarser')}"


def rate_rows(stories: list[tuple[list[dict[str, Any]], list[Outcome], date]]) -> dict[str, list[int]]:
    """Situation -> [entries, entries matching a key event, entries within 2N]."""
    rows: dict[str, list[int]] = {}
    for ranked, outcomes, first in stories:
        matching = {c for o in outcomes for c in o.candidates}
        for position, entry in enumerate(ranked, 1):
            row = rows.setdefault(date_situation(entry, first), [0, 0, 0])
            row[0] += 1
            row[1] += position in matching
            row[2] += position <= 2 * len(outcomes)
    return dict(sorted(rows.items()))

def explained(entry: dict[str, Any] | None) -> dict[str, Any] | None:
    """What explains an entry's rank: its importance, parts, date and title."""
    if entry is None:
        return None
    return {"importance": entry.get("importance"), "parts": entry.get("importance_parts", {}),
            "date": entry["date"]["value"], "title": entry["title"],
            "articles": len({s["document"] for s in entry["sources"]})}


def parts_line(entry: dict[str, Any]) -> str:
    """``0.485 = coverage 0.39, main_news 0.00, ... | 2017-06 "title"`` (parts abbreviated)."""
    parts = " ".join(f"{name[:5].rstrip('_')} {value:.2f}" for name, value in entry["parts"].items())
    importance = entry["importance"] if isinstance(entry["importance"], (int, float)) else 0.0
    return f"{importance:.3f} = {parts} | {entry['articles']} art. {entry['date']} \"{entry['title'][:50]}\""


def figures(n: int, n_entries: int, at_top: int, anywhere: int) -> dict[str, Any]:
    return {"N": n, "entries": n_entries, "found_at_2N": at_top, "found": anywhere,
            "recall_at_2N": at_top / n if n else 0.0, "recall": anywhere / n if n else 0.0}


def story_figures(outcomes: list[Outcome], n_entries: int) -> dict[str, Any]:
    """A story's figures (score_story matched the top 2N for the story's own N)."""
    return figures(len(outcomes), n_entries,
                   sum(1 for o in outcomes if o.at_top is not None),
                   sum(1 for o in outcomes if o.anywhere is not None))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--story", action="append", help="only this story (repeatable)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--rates", action="store_true", help="entries by date situation (see the module doc)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--gold", type=Path, default=GOLD_DIR)
    args = parser.parse_args(argv)

    stories = load_stories(args.gold)
    if args.story:
        unknown = set(args.story) - {s.name for s in stories}
        if unknown:
            parser.error(f"unknown stories {sorted(unknown)}; known: {[s.name for s in stories]}")
        stories = [s for s in stories if s.name in args.story]
    rows = read_rows(args.csv)
    began = time.perf_counter()
    documents = process(rows, (r for s in stories for r in s.rows), args.workers)
    processed = time.perf_counter() - began

    report: dict[str, Any] = {"stories": [], "seconds": round(processed, 1)}
    situations = []
    for story in stories:
        story_documents = [documents[r] for r in story.rows if r in documents]
        entries = story_entries(story_documents)
        ranking, ranked = rank(entries)
        outcomes = score_story(story, ranked)
        situations.append((ranked, outcomes, min(d.published for d in story_documents)))
        top = 2 * len(outcomes)
        cutoff = ranked[top - 1] if len(ranked) >= top else None
        result = {"story": story.name, "articles": len(story.rows), "ranking": ranking,
                  **story_figures(outcomes, len(ranked)),
                  "cutoff": explained(cutoff),
                  "events": [{"id": o.event.id, "date": o.event.date, "rank": o.anywhere,
                              "best_rank": o.candidates[0] if o.candidates else None, "why": o.why(top),
                              "entry": explained(ranked[o.candidates[0] - 1]) if o.candidates else None}
                             for o in outcomes]}
        report["stories"].append(result)
    stories_run = report["stories"]
    overall = figures(*(sum(s[k] for s in stories_run) for k in ("N", "entries", "found_at_2N", "found")))
    overall["mean_recall_at_2N"] = sum(s["recall_at_2N"] for s in stories_run) / max(1, len(stories_run))
    overall["mean_recall"] = sum(s["recall"] for s in stories_run) / max(1, len(stories_run))
    report["overall"] = overall
    if args.rates:
        report["rates"] = rate_rows(situations)

    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
        return 0
    print(f"{len(documents)} articles through the pipeline in {processed:.1f} s")
    print(f"{'story':<22}{'articles':>9}{'N':>4}{'entries':>9}{'recall@2N':>11}{'recall':>8}  ranking")
    for s in stories_run:
        print(f"{s['story']:<22}{s['articles']:>9}{s['N']:>4}{s['entries']:>9}"
              f"{s['recall_at_2N']:>10.0%} {s['recall']:>7.0%}  {s['ranking']}")
    print(f"{'overall (pooled)':<22}{'':>9}{overall['N']:>4}{overall['entries']:>9}"
          f"{overall['recall_at_2N']:>10.0%} {overall['recall']:>7.0%}")
    print(f"{'overall (story mean)':<22}{'':>9}{'':>4}{'':>9}"
          f"{overall['mean_recall_at_2N']:>10.0%} {overall['mean_recall']:>7.0%}")
    if args.rates:
        print(f"\n{'date situation':<22}{'entries':>8}{'key':>6}{'rate':>7}{'in 2N':>7}")
        for situation, (count, key, top_count) in report["rates"].items():
            print(f"{situation:<22}{count:>8}{key:>6}{key / count:>7.0%}{top_count:>7}")
    for s in stories_run:
        missed = [e for e in s["events"] if e["why"] != "found"]
        print(f"\n{s['story']}: missed at 2N = {2 * s['N']} ({len(missed)} of {s['N']})")
        for e in missed:
            print(f"  {e['id']:<28} {e['date']:<11} {e['why']}")
            if e["why"].startswith("ranked low") and e["entry"] and s["cutoff"]:
                print(f"    {'its entry':<26} {parts_line(e['entry'])}")
                print(f"    {'rank ' + str(2 * s['N']) + ' (last kept)':<26} {parts_line(s['cutoff'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
