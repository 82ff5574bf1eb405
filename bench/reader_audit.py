"""A reader's audit of the merged timeline (../shared/reader-rubric.md).

    python bench/reader_audit.py sample --seed S --articles N --out FILE.tsv [--csv CSV]
    python bench/reader_audit.py summary FILE.tsv

``sample`` draws N articles of the Reuters 2017 politics CSV with
random.Random(S) among the rows whose text has at least 600 characters, runs
``timeline extract`` over them as one corpus (JSON output, in-process) and
writes every dated entry of the ordered timeline as a TSV row (date, the
phrases that date it, title, sentences, source rows), with empty
judgement columns for the judge: date (right/wrong), happening
(real/non-event), title (good/thin/bad), duplicate (yes/no) and a note.
Entries flagged as mentions (a ``kind`` other than a happening, or
``mention: true``) are left out: the audit judges what the reader sees.

``summary`` prints the count and share of each judgement, of publishable
entries (date right, happening real, title good) and of the title forms a
machine can check: under four words, a bare personal pronoun first, a bare
reporting verb last (the verbs of timeline/events/data/reporting_verbs.txt).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared/data/reuters-2017/reuters-2017-politics.csv"
MIN_CHARS = 600
# entry kinds that belong on the ordered timeline, if the JSON labels entries at all
HAPPENING_KINDS = {"happening", "event"}
JUDGEMENTS = {
    "date": ("right", "wrong"),
    "happening": ("real", "non-event"),
    "title": ("good", "thin", "bad"),
    "duplicate": ("yes", "no"),
}
# the entry's own title is "entry_title": "title" is the judgement of it
COLUMNS = ["entry", "date_label", "value", "start", "end", "date_phrases", "entry_title", "sentences", "sources",
           "importance", *JUDGEMENTS, "note"]
# personal pronouns ("He", "It", "His", "Them"): the title names nobody
PRONOUN_TAGS = {"PRP", "PRP$"}
# a finite or past-participle reporting verb ends a statement that lost what was
# said ("Reuters reported"); an infinitive ("declined to comment") does not
REPORTING_TAGS = {"VBD", "VBZ", "VBP", "VBN"}


def draw_rows(path: Path, seed: int, articles: int) -> list[tuple[int, dict[str, str]]]:
    """(row number counting data rows from 0, record) of the sample, in CSV order."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    eligible = [i for i, row in enumerate(rows) if len(row["text"]) >= MIN_CHARS]
    return [(i, rows[i]) for i in sorted(random.Random(seed).sample(eligible, articles))]


def write_sample(rows: list[tuple[int, dict[str, str]]], folder: Path) -> Path:
    """The sample as a CSV corpus in ``folder``, each article's id naming its row."""
    corpus = folder / "sample.csv"
    with corpus.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=["id", "title", "text", "date"])
        writer.writeheader()
        for row, record in rows:
            writer.writerow({"id": f"row {row}", "title": record["title"], "text": record["text"],
                             "date": record["date"]})
    return corpus


def merged_timeline(rows: list[tuple[int, dict[str, str]]]) -> dict:
    """The JSON `timeline extract` writes for these rows as one corpus."""
    from timeline.cli import main as timeline_main

    with tempfile.TemporaryDirectory() as folder:
        corpus, output = write_sample(rows, Path(folder)), Path(folder, "timeline.json")
        code = timeline_main(["extract", str(corpus), "--format", "json", "--output", str(output), "--quiet"])
        if code != 0:
            raise SystemExit(f"timeline extract exited with {code}")
        return json.loads(output.read_text(encoding="utf-8"))


def is_happening(entry: dict) -> bool:
    return entry.get("kind", "happening") in HAPPENING_KINDS and not entry.get("mention")


def audit_rows(timeline: dict) -> list[dict[str, str]]:
    """One TSV row per dated happening of the ordered timeline."""
    rows = []
    for number, entry in enumerate((e for e in timeline["timeline"] if is_happening(e)), 1):
        sources = entry["sources"]
        sentences = dict.fromkeys(" ".join(s["sentence"]["text"].split()) for s in sources)
        articles = dict.fromkeys(f"{s['document']} ({s['published']})" for s in sources)
        phrases = dict.fromkeys(s["timex"]["text"] for s in sources)
        date = entry["date"]
        rows.append({
            "entry": str(number), "date_label": label(date), "value": date["value"],
            "start": date["start"], "end": date["end"],
            "date_phrases": " | ".join(phrases), "entry_title": entry["title"],
            "sentences": " | ".join(sentences), "sources": "; ".join(articles),
            "importance": "" if entry.get("importance") is None else f"{entry['importance']:.2f}",
        })
    return rows


def label(date: dict) -> str:
    """The label the HTML page shows ("Tuesday, Oct. 31, 2017"): the weekday helps the judge."""
    from datetime import date as day, datetime

    from timeline.model import DateInterval
    from timeline.render.dates import date_label

    read = lambda text: datetime.fromisoformat(text) if "T" in text else day.fromisoformat(text)  # noqa: E731
    return date_label(DateInterval(date["value"], read(date["start"]), read(date["end"]), date["granularity"]))


def write_tsv(rows: list[dict[str, str]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=COLUMNS, delimiter="\t", restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter="\t"))


def title_forms(titles: list[str]) -> Counter[str]:
    """Counts of the title forms the rubric calls bad or thin and a parser can see."""
    from timeline.events.lexicon import lexicon
    from timeline.nlp import load_model
    from timeline.settings import Settings

    reporting = lexicon().reporting_verbs
    forms: Counter[str] = Counter()
    for title, doc in zip(titles, load_model(Settings().spacy_model).pipe(titles)):
        words = [t for t in doc if not t.is_punct]
        forms["under 4 words"] += len(title.split()) < 4
        forms["bare pronoun first"] += bool(words) and words[0].tag_ in PRONOUN_TAGS
        forms["reporting verb last"] += (
            bool(words) and words[-1].tag_ in REPORTING_TAGS and words[-1].lemma_.lower() in reporting
        )
    return forms


def summary(path: Path) -> None:
    rows = read_tsv(path)
    total = len(rows)

    def share(n: int) -> str:
        return f"{n:4d}  {100 * n / total:5.1f}%" if total else f"{n:4d}"

    verdicts = [{column: row[column].strip().lower() for column in JUDGEMENTS} for row in rows]
    print(f"{path}: {total} entries")
    for column, values in JUDGEMENTS.items():
        counts = Counter(v[column] for v in verdicts)
        unjudged = total - sum(counts[value] for value in values)
        line = "   ".join(f"{value} {share(counts[value])}" for value in values)
        print(f"  {column:10s} {line}" + (f"   (unjudged {unjudged})" if unjudged else ""))
    publishable = sum((v["date"], v["happening"], v["title"]) == ("right", "real", "good") for v in verdicts)
    print(f"  publishable {share(publishable)}")
    forms = title_forms([row["entry_title"] for row in rows])
    for form, n in forms.items():
        print(f"  title form: {form:20s} {share(n)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    draw = commands.add_parser("sample", help="draw a sample and write its entries to judge")
    draw.add_argument("--seed", type=int, required=True)
    draw.add_argument("--articles", type=int, required=True)
    draw.add_argument("--out", type=Path, required=True)
    draw.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    count = commands.add_parser("summary", help="figures of a judged TSV")
    count.add_argument("tsv", type=Path)
    args = parser.parse_args()
    if args.command == "summary":
        summary(args.tsv)
        return
    rows = audit_rows(merged_timeline(draw_rows(args.csv, args.seed, args.articles)))
    write_tsv(rows, args.out)
    print(f"{len(rows)} dated entries of {args.articles} articles (seed {args.seed}) -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
