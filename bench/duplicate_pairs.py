"""Likely duplicates of a merged timeline, counted automatically.

    python bench/duplicate_pairs.py [--seed S ...] [--articles N] [--min-similarity X] [--show K]

For each seed, draws the articles :mod:`reader_audit` draws (rows of at
least 600 characters, ``random.Random(S)``), runs ``timeline extract`` on
them as one corpus and counts the pairs of happenings whose dates nest (the
same interval, or one inside the other: "2016" / "Nov. 8, 2016") and whose
words are close (TF-IDF cosine of entry title + sentences at least
``--min-similarity``).  A proxy for the reader's duplicates: it finds
candidates to eyeball (``--show``), not a verdict.  Do not use seed 2026
(the blind audit's sample) to tune anything.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reader_audit import DEFAULT_CSV, audit_rows, draw_rows, merged_timeline  # noqa: E402


def nested(a: dict[str, str], b: dict[str, str]) -> bool:
    """One entry's date interval lies within the other's."""
    return (a["start"] <= b["start"] and b["end"] <= a["end"]) or (b["start"] <= a["start"] and a["end"] <= b["end"])


def close_pairs(rows: list[dict[str, str]], threshold: float) -> list[tuple[float, dict[str, str], dict[str, str]]]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(rows) < 2:
        return []
    texts = [f"{r['entry_title']} {r['sentences']}" for r in rows]
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    similarity = (vectors @ vectors.T).toarray()
    pairs = []
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if similarity[i, j] >= threshold and nested(rows[i], rows[j]):
                pairs.append((float(similarity[i, j]), rows[i], rows[j]))
    return sorted(pairs, key=lambda p: -p[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, nargs="+", default=[7, 11])
    parser.add_argument("--articles", type=int, default=25)
    parser.add_argument("--min-similarity", type=float, default=0.35)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    args = parser.parse_args()
    total_entries = total_pairs = 0
    for seed in args.seed:
        rows = audit_rows(merged_timeline(draw_rows(args.csv, seed, args.articles)))
        pairs = close_pairs(rows, args.min_similarity)
        in_pairs = {r["entry"] for _, a, b in pairs for r in (a, b)}
        total_entries += len(rows)
        total_pairs += len(pairs)
        print(f"seed {seed}: {len(rows)} entries, {len(pairs)} close nested pairs ({len(in_pairs)} entries in them)")
        for score, a, b in pairs[:args.show]:
            print(f"  {score:.2f}  [{a['value']}] {a['entry_title']!r}  ~  [{b['value']}] {b['entry_title']!r}")
    print(f"all: {total_entries} entries, {total_pairs} close nested pairs")


if __name__ == "__main__":
    main()
