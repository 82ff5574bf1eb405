"""How the merge and the kinds fare on a reader's judged audit (dev data).

    python bench/duplicate_labels.py FILE.tsv --seed S --articles N [FILE.tsv --seed ...]

A judged audit (``bench/reader_audit.py``) says which entries are one
happening (duplicate "yes", grouped by the note: "dup group A", "dup of
#12", "= entry 12", "= 12", or a later judge's "(with entries 12, 14)", which
then stands alone) and which are non-events.  This script draws the same
articles again, runs the pipeline, and maps every event of today's code to
the judged entry it was (same article, same sentence, same date value; the
title breaks ties), then prints:

* judged duplicate pairs that today's merge joins (recall), and judged
  distinct pairs on nesting dates that it joins (false merges);
* judged non-events that today's kinds keep off the timeline (recall), and
  judged real happenings kept off (false).

Events of the judged entries that cannot be mapped are counted apart.  It is
dev data: look at the rules it reports on, do not tune to its articles.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reader_audit import DEFAULT_CSV, draw_rows, read_tsv, write_sample  # noqa: E402


def documents(rows: list[tuple[int, dict[str, str]]]) -> list:
    """The documents ``timeline extract`` makes of these rows (ids "row N")."""
    from timeline.corpus import process_records
    from timeline.model import Document
    from timeline.read.sources import iter_records
    from timeline.settings import Settings

    with tempfile.TemporaryDirectory() as folder:
        corpus = write_sample(rows, Path(folder))
        return [r for r in process_records(iter_records([str(corpus)]), Settings()) if isinstance(r, Document)]


def judged_groups(judged: list[dict[str, str]]) -> dict[str, int]:
    """Entry number -> duplicate group (entries of one group: one happening)."""
    from timeline.disjoint import DisjointSets

    numbers = [r["entry"] for r in judged]
    sets: DisjointSets[str] = DisjointSets(numbers)
    letters: dict[str, str] = {}
    for r in judged:
        if r["duplicate"] != "yes":
            continue
        note = r["note"]
        # a later judge's group (2026-seed5150-*, 2026-seed6161-*): earlier "#N" and "(with entries
        # N)" refer to another sample, the last "(with entries N)" is the duplicate judge's
        listed = re.findall(r"\(with entries ([\d, ]+)\)", note)
        if listed:
            for other in re.findall(r"\d+", listed[-1]):
                if other in sets:
                    sets.join(r["entry"], other)
            continue
        for letter in re.findall(r"dup group ([A-Z])\b", note):
            sets.join(r["entry"], letters.setdefault(letter, r["entry"]))
        for other in re.findall(r"(?:#|entry |^= )(\d+)", note):
            if other in sets:
                sets.join(r["entry"], other)
    return {n: hash(sets.find(n)) for n in numbers}


def _key(document: str, sentence: str, value: str) -> tuple[str, str, str]:
    return document, " ".join(sentence.split()), value


def mapped(judged: list[dict[str, str]], candidates: list) -> dict[int, str]:
    """Candidate position -> judged entry number."""
    by_key: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    for r in judged:
        documents_ = re.findall(r"(row \d+) \(", r["sources"])
        for document in documents_:
            for sentence in r["sentences"].split(" | "):
                by_key[_key(document, sentence, r["value"])].append(r)
    out = {}
    for c in candidates:
        if c.entry.date is None:
            continue
        source = c.entry.sources[0]
        matches = by_key.get(_key(c.document_id, source.sentence.text, c.entry.date.value), [])
        if len(matches) > 1:
            matches = [r for r in matches if r["entry_title"] == c.entry.title] or \
                [r for r in matches if r["sentences"].count(" | ") > 0]
        if len(matches) == 1:
            out[c.position] = matches[0]["entry"]
    return out


def nested(a: dict[str, str], b: dict[str, str]) -> bool:
    return (a["start"] <= b["start"] and b["end"] <= a["end"]) or (b["start"] <= a["start"] and a["end"] <= b["end"])


def report(path: Path, seed: int, articles: int, csv_path: Path, show: bool) -> tuple[int, ...]:
    from timeline.coreference.candidates import candidates_of
    from timeline.coreference.merge import merge_groups
    from timeline.events.kinds import is_happening

    judged = read_tsv(path)
    docs = documents(draw_rows(csv_path, seed, articles))
    candidates = []
    for doc in docs:
        candidates.extend(candidates_of(doc, range(len(candidates), len(candidates) + len(doc.events))))
    where = mapped(judged, candidates)
    group_of = {c.position: n for n, group in enumerate(merge_groups(candidates)) for c in group}
    joined: dict[str, set[int]] = defaultdict(set)  # judged entry -> today's groups
    kinds: dict[str, set[str]] = defaultdict(set)
    for c in candidates:
        if c.position in where:
            joined[where[c.position]].add(group_of[c.position])
            kinds[where[c.position]].add("happening" if is_happening(c.entry.kind) else c.entry.kind)
    dup_group = judged_groups(judged)
    by_number = {r["entry"]: r for r in judged}
    pairs = {"dup": [0, 0], "distinct": [0, 0]}
    for a, b in combinations([r["entry"] for r in judged if r["entry"] in joined], 2):
        same = dup_group[a] == dup_group[b]
        if not same and not nested(by_number[a], by_number[b]):
            continue
        together = bool(joined[a] & joined[b])
        label = "dup" if same else "distinct"
        pairs[label][0] += 1
        pairs[label][1] += together
        if show and together != same:
            print(f"  {'MISSED' if same else 'FALSE '} #{a} {by_number[a]['entry_title'][:60]!r} ~ "
                  f"#{b} {by_number[b]['entry_title'][:60]!r}")
    off = {"non-event": [0, 0], "real": [0, 0]}
    for r in judged:
        if r["entry"] not in kinds:
            continue
        label = r["happening"]
        if label not in off:  # a duplicates-only audit leaves the column empty
            continue
        kept_off = "happening" not in kinds[r["entry"]]
        off[label][0] += 1
        off[label][1] += kept_off
        if show and kept_off != (label == "non-event"):
            print(f"  {'KEPT  ' if label == 'non-event' else 'DROPPED'} #{r['entry']} {r['entry_title'][:70]!r} "
                  f"({', '.join(sorted(kinds[r['entry']]))}) {r['note'][:60]!r}")
    unmapped = sum(1 for r in judged if r["entry"] not in joined)
    print(f"{path.name}: duplicate pairs joined {pairs['dup'][1]}/{pairs['dup'][0]}, "
          f"distinct nested pairs joined {pairs['distinct'][1]}/{pairs['distinct'][0]}; "
          f"non-events kept off {off['non-event'][1]}/{off['non-event'][0]}, "
          f"real ones kept off {off['real'][1]}/{off['real'][0]}; {unmapped} judged entries not mapped")
    return (*pairs["dup"], *pairs["distinct"], *off["non-event"], *off["real"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("judged", type=Path, nargs="+")
    parser.add_argument("--seed", type=int, nargs="+", required=True, help="one per judged file")
    parser.add_argument("--articles", type=int, nargs="+", required=True, help="one per judged file")
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--show", action="store_true", help="print every disagreement")
    args = parser.parse_args()
    if not len(args.judged) == len(args.seed) == len(args.articles):
        parser.error("give one --seed and one --articles per judged file")
    totals = [0] * 8
    for path, seed, articles in zip(args.judged, args.seed, args.articles):
        totals = [t + n for t, n in zip(totals, report(path, seed, articles, args.csv, args.show))]
    print(f"all: duplicate pairs joined {totals[1]}/{totals[0]}, distinct nested pairs joined {totals[3]}/{totals[2]}; "
          f"non-events kept off {totals[5]}/{totals[4]}, real ones kept off {totals[7]}/{totals[6]}")


if __name__ == "__main__":
    main()
