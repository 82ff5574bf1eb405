"""Print the dated events of the title-audit sample (docs/architecture.md,
"Event titles"): rows random.Random(7).sample(range(1008), 40) of the Reuters
2017 politics CSV whose text has at least 600 characters, each processed with
timeline.extract against its CSV date.

    python bench/title_sample.py [CSV] [--json FILE]

One block per event: row, date value, trigger, title, sentence.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

from timeline import extract
from timeline.read.records import parse_record_date

DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared/data/reuters-2017/reuters-2017-politics.csv"
SEED, ROWS, SAMPLE, MIN_CHARS = 7, 1008, 40, 600


def sample_events(path: Path) -> list[dict[str, object]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    events: list[dict[str, object]] = []
    for row in random.Random(SEED).sample(range(ROWS), SAMPLE):
        record = rows[row]
        if len(record["text"]) < MIN_CHARS:
            continue
        document = extract(record["text"], parse_record_date(record["date"]), title=record["title"])
        for event in document.events:
            events.append({
                "row": row, "value": event.date.value if event.date else None, "trigger": event.trigger.text,
                "title": event.title, "sentence": event.sentence.text,
            })
    return events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--json", type=Path, help="also write the events as JSON")
    args = parser.parse_args()
    events = sample_events(args.csv)
    for k, event in enumerate(events):
        print(f"{k:3d} row {event['row']} {event['value']} | {event['trigger']} | {event['title']}")
        print(f"      {str(event['sentence']).replace(chr(10), ' ')}")
    if args.json:
        args.json.write_text(json.dumps(events, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{len(events)} events", file=sys.stderr)


if __name__ == "__main__":
    main()
