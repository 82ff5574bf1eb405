"""Pathological sizes: does the time to process grow linearly with the input?

Prints, for 1x, 2x and 4x of each base size, the CPU seconds of the cheap
regex stages (candidate recognition + sentence splitting) and of the whole
pipeline (with the spaCy parse of the sentences holding a candidate), the
microseconds per character and the growth against 1x (linear = 2.0, 4.0).

    python bench/pathological.py                    # 5 MB article, 1 MB line
    python bench/pathological.py --article-mb 0.5 --line-mb 0.25 --dense-kb 20   # quicker

The inputs (also used by tests/hostile/test_hostile_sizes.py):
  article      the seed article repeated (real prose, many dates)
  line-dates   one line without spaces made of date-like pieces
  line-digits  one line without spaces of digits and separators
  spaced-units date words and numbers separated by single spaces
  clock-times  "10 a.m. " repeated (80 KB by default: thousands of dates in a sentence)
  anaphora     "the day before " repeated
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from timeline.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "reuters-2017-11-02-xi-kim.txt"
PUBLISHED = date(2017, 11, 2)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def article(size: int) -> str:
    return _repeat(SEED.read_text("utf-8") + "\n\n", size)


def line_dates(size: int) -> str:
    return _repeat("Monday2017-11-02Nov.1,'98/3:15pm-Q3_week54", size)


def line_digits(size: int) -> str:
    return _repeat("1/2-3:4.5,6'7", size)


def spaced_units(size: int) -> str:
    return _repeat("5 years 12 Nov. 2017 last 3:15 ", size)


INPUTS: dict[str, Callable[[int], str]] = {
    "article": article, "line-dates": line_dates, "line-digits": line_digits, "spaced-units": spaced_units,
}
# a date every few words in one endless sentence: each date used to score
# every word of its sentence (dates x words); measured at --dense-kb
DENSE_INPUTS: dict[str, Callable[[int], str]] = {
    "clock-times": lambda size: _repeat("10 a.m. ", size),
    "anaphora": lambda size: _repeat("the day before ", size),
}


def cheap_seconds(text: str) -> float:
    """CPU time of the regex stages that run over every character."""
    from timeline.text.sentences import split_sentences

    tagger = _pipeline().tagger
    start = time.process_time()
    tagger.candidates(text)
    split_sentences(text)
    return time.process_time() - start


def full_seconds(text: str) -> float:
    """CPU time of the whole pipeline (candidates, parse, tag, events)."""
    from timeline.model import Article

    start = time.process_time()
    _pipeline().process(Article(text=text, published=PUBLISHED, id="bench"))
    return time.process_time() - start


@lru_cache(maxsize=1)
def _pipeline() -> "Pipeline":
    from timeline.model import Article
    from timeline.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.process(Article(text="They met on Monday.", published=PUBLISHED))  # loads the model
    return pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--article-mb", type=float, default=5.0, help="base size of the article input")
    parser.add_argument("--line-mb", type=float, default=1.0, help="base size of the other inputs")
    parser.add_argument("--dense-kb", type=float, default=80.0, help="base size of the dense-date inputs")
    parser.add_argument("--cheap-only", action="store_true", help="skip the full pipeline (no spaCy)")
    args = parser.parse_args()
    print(f"{'input':13} {'size':>9} {'stage':6} {'cpu s':>8} {'us/char':>8} {'x 1x':>6}")
    bases = {name: (args.article_mb if name == "article" else args.line_mb) * 1_000_000 for name in INPUTS}
    bases.update((name, args.dense_kb * 1_000) for name in DENSE_INPUTS)
    for name, make in {**INPUTS, **DENSE_INPUTS}.items():
        base = int(bases[name])
        stages = [("cheap", cheap_seconds)] + ([] if args.cheap_only else [("full", full_seconds)])
        for stage, measure in stages:
            first = 0.0
            for factor in (1, 2, 4):
                text = make(base * factor)
                seconds = measure(text)
                first = first or seconds
                print(f"{name:13} {len(text):9,d} {stage:6} {seconds:8.2f} {1e6 * seconds / len(text):8.2f} "
                      f"{seconds / first:6.2f}", flush=True)


if __name__ == "__main__":
    main()
