"""Form checks of every event title over the Reuters 2017 politics corpus
(issue 14): titles shorter than four words, titles opening with a bare
pronoun or description ("He", "It", "The company"), titles ending in a
reporting verb ("... said"), and titles over the length limit.

    python bench/title_forms.py [CSV] [--limit N] [--json FILE]

Prints the counts and a few examples of each; ``--json`` writes every
(row, trigger, title, sentence) for an audit.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from timeline import extract_many
from timeline.read.records import parse_record_date

DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared/data/reuters-2017/reuters-2017-politics.csv"
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "i", "you"}
DESCRIPTIONS = {"company", "president", "agency", "group", "government", "administration", "official",
                "ministry", "committee", "department", "party", "minister", "senator", "spokesman"}
REPORTING_ENDS = {"said", "told", "reported", "says", "say", "tells", "reports", "added", "stated"}


def forms(title: str) -> list[str]:
    """The form rules a title breaks."""
    words = title.split()
    broken = []
    if len(words) < 4:
        broken.append("short")
    if words and words[0].lower().strip("'’") in PRONOUNS:
        broken.append("pronoun")
    if len(words) > 1 and words[0].lower() in DESCRIPTIONS and words[1][:1].islower():
        broken.append("description")  # "Company will invest", not "President Donald Trump"
    if words and words[-1].lower().strip(".,") in REPORTING_ENDS:
        broken.append("reporting-end")
    if len(words) > 15:
        broken.append("long")
    return broken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--from-json", type=Path, help="count the forms of titles written by --json before")
    args = parser.parse_args()
    if args.from_json:
        report(json.loads(args.from_json.read_text(encoding="utf-8")))
        return
    csv.field_size_limit(sys.maxsize)
    with args.csv.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    if args.limit:
        rows = rows[:args.limit]
    records = [{"text": r["text"], "published": parse_record_date(r["date"]), "title": r["title"]} for r in rows]
    events = [
        {"row": row, "trigger": event.trigger.text, "title": event.title, "sentence": event.sentence.text}
        for row, document in enumerate(extract_many(records, on_error="skip")) for event in document.events
    ]
    report(events)
    if args.json:
        args.json.write_text(json.dumps(events, indent=1, ensure_ascii=False), encoding="utf-8")


def report(events: list[dict[str, object]]) -> None:
    counts: dict[str, int] = {}
    examples: dict[str, list[str]] = {}
    for event in events:
        for rule in forms(str(event["title"])):
            counts[rule] = counts.get(rule, 0) + 1
            examples.setdefault(rule, []).append(str(event["title"]))
    print(f"{len(events)} titles")
    for rule in ("short", "pronoun", "description", "reporting-end", "long"):
        print(f"{rule:14s} {counts.get(rule, 0):5d}  e.g. {examples.get(rule, [])[:6]}")


if __name__ == "__main__":
    main()
