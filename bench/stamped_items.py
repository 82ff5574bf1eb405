"""How list items closed by their own time stamp are dated (a benchmark, not a test).

    python bench/stamped_items.py [CSV]

News lists of timed items put each item's time AFTER it, in brackets
(Reuters' "Trump on Twitter" factboxes: "- While the Fake News ... 47%!
[0746 EST] - Why is the United States Post Office ...? [0804 EST]").  Over
the articles of a title/text/date CSV that hold such stamps, counts the
entries found inside an item (between the stamp before it and its own)
and prints how many are dated by their item's own stamp, by another stamp
(the one before: the item misread as following it), or by something else.
"""

from __future__ import annotations

import argparse
import csv
import re
from datetime import datetime

from timeline.api import extract

# a clock time in brackets ("[0746 EST]", "[10:30 a.m. ET]"): how the bench finds the items
STAMP = re.compile(r"\[(?:\d{3,4}|\d{1,2}:\d{2}[^\]]{0,12})\s+[A-Z]{1,4}\]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", default="../shared/data/reuters-2017/reuters-2017-politics.csv")
    args = parser.parse_args()
    with open(args.csv, encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if STAMP.search(r["text"])]
    own = other_stamp = other = items_dated = 0
    for row in rows:
        published = datetime.strptime(row["date"].strip(), "%B %d, %Y").date()
        doc = extract(row["text"], published, title=row["title"])
        stamps = [m.span() for m in STAMP.finditer(row["text"])]
        items = [(stamps[i - 1][1] if i else 0, s) for i, (s, _) in enumerate(stamps)]
        stamp_of = {t.id: next((k for k, (s, e) in enumerate(stamps) if t.start >= s and t.end <= e), None)
                    for t in doc.timexes}
        dated_items = set()
        for event in doc.events:
            item = next((k for k, (s, e) in enumerate(items) if s <= event.trigger.start < e), None)
            if item is None:
                continue
            dated_by = stamp_of.get(event.timex)
            if dated_by == item:
                own += 1
                dated_items.add(item)
            elif dated_by is not None:
                other_stamp += 1
            else:
                other += 1
        items_dated += len(dated_items)
    total = own + other_stamp + other
    print(f"articles with stamped items: {len(rows)}; stamps: "
          f"{sum(len(STAMP.findall(r['text'])) for r in rows)}")
    print(f"items with an entry at their own stamp: {items_dated}")
    print(f"entries inside an item: {total}")
    print(f"  dated by the item's own stamp: {own} ({100 * own / max(total, 1):.0f}%)")
    print(f"  dated by another item's stamp: {other_stamp}")
    print(f"  dated by another expression:   {other}")


if __name__ == "__main__":
    main()
