"""Draw candidate rows for the titles examples corpus
(tests/events/data/title_examples.tsv): real sentences of the Reuters 2017
politics corpus, grouped by the failure class of the title the baseline gave
them (the ``--before`` JSON of ``bench/title_forms.py`` run on the baseline),
and of TimeBank.  The rows of the reader-audit samples (seeds 2026 and 31337:
``random.Random(seed).sample`` of the rows with at least 600 characters, 25
articles) are never drawn.  The expected titles are then written by hand.

    python bench/title_examples.py --before before.json [--per-class N] [--timebank DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

from timeline import extract
from timeline.read.records import parse_record_date
from timeline.read.timeml import read_timeml
from timeline.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2] / "shared/data"
AUDIT_SEEDS, AUDIT_ARTICLES, MIN_CHARS = (2026, 31337), 25, 600
NEGATION = re.compile(r"\b(not|n't|never|no longer)\b")
MODALITY = re.compile(r"\b(will|would|plans? to|expected to|may|might|could|should|aims? to|wants? to)\b")


def audit_rows(rows: list[dict[str, str]]) -> set[int]:
    long_rows = [i for i, r in enumerate(rows) if len(r["text"]) >= MIN_CHARS]
    return {i for seed in AUDIT_SEEDS for i in random.Random(seed).sample(long_rows, AUDIT_ARTICLES)}


def failure_class(title: str, sentence: str, trigger: str) -> str:
    words = title.split()
    if words[0].lower() in ("he", "she", "it", "they", "his", "her", "its", "their", "we", "i", "him"):
        return "pronoun"
    if words[-1].lower() in ("said", "told", "reported", "says", "added"):
        return "statement"
    if len(words) < 4:
        return "short"
    if NEGATION.search(sentence):
        return "negation"
    if MODALITY.search(sentence):
        return "modality"
    return "other"


def context_of(text: str, sentence: str) -> str:
    """The sentence before ``sentence`` in the article (who "he" is)."""
    at = text.find(sentence)
    previous = [text[s:e] for s, e in split_sentences(text[:at]) if e <= at]
    return previous[-1] if previous else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--per-class", type=int, default=45)
    parser.add_argument("--timebank", type=Path, default=ROOT / "timeml-tbaq/TimeBank")
    parser.add_argument("--timebank-files", type=int, default=12)
    args = parser.parse_args()
    csv.field_size_limit(sys.maxsize)
    with (ROOT / "reuters-2017/reuters-2017-politics.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    held_out = audit_rows(rows)
    groups: dict[str, list[dict[str, object]]] = {}
    for event in json.loads(args.before.read_text(encoding="utf-8")):
        row = int(event["row"])
        if row in held_out or event["sentence"] not in rows[row]["text"] or "\n" in event["sentence"]:
            continue
        kind = failure_class(event["title"], event["sentence"], event["trigger"])
        groups.setdefault(kind, []).append({**event, "published": str(parse_record_date(rows[row]["date"])),
                                            "context": context_of(rows[row]["text"], event["sentence"])})
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    for kind, events in sorted(groups.items()):
        seen: set[str] = set()
        picked = [e for e in random.Random(14).sample(events, len(events))
                  if not (e["sentence"] in seen or seen.add(e["sentence"]))][:args.per_class]  # type: ignore[func-returns-value]
        for e in picked:
            out.writerow([f"reuters:{e['row']}", e["published"], e["context"], e["sentence"], e["trigger"], e["title"], kind])
    for path in sorted(args.timebank.glob("*.tml"))[:args.timebank_files]:
        gold = read_timeml(path)
        document = extract(gold.text, gold.published)
        for event in document.events[:4]:
            sentence = event.sentence.text
            if "\n" in sentence:
                continue
            kind = failure_class(event.title, sentence, event.trigger.text)
            out.writerow([f"timebank:{path.name}", str(gold.published), context_of(gold.text, sentence), sentence,
                          event.trigger.text, event.title, kind])


if __name__ == "__main__":
    main()
