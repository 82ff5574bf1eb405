"""The ``timeline`` command: a thin layer over the Python API."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from timeline.errors import TimelineError
from timeline.settings import DEFAULT_SPACY_MODEL, Settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline", description="Turn news articles into dated timelines."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="find, resolve and date the temporal expressions of articles")
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .tml, a folder, or - for stdin")
    ex.add_argument("--published", help="publication date YYYY-MM-DD (else from the article's metadata)")
    ex.add_argument("--format", default="json", help="json, timeml, html, ics, timelinejs (comma-separated)")
    ex.add_argument("--output", help="file (one format) or folder (several); default stdout")
    ex.add_argument("--spacy-model", default=DEFAULT_SPACY_MODEL, help="installed spaCy pipeline to use")
    ex.add_argument("--coarse-dates", choices=("first-day", "span"), default="first-day",
                    help="calendar events for week-or-coarser dates: a one-day event on the first day "
                         "(default) or one spanning the whole period")

    ev = sub.add_parser("evaluate", help="TempEval-3 scores against a folder of TimeML files")
    ev.add_argument("gold", help="folder (or file) of gold TimeML")
    ev.add_argument("--errors", nargs="?", const="-", metavar="FILE",
                    help="list every error (to FILE, or stdout)")
    ev.add_argument("--kinds", help="error kinds to list: missed,spurious,boundary,value,type")
    ev.add_argument("--spacy-model", default=DEFAULT_SPACY_MODEL)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return Settings(
        spacy_model=args.spacy_model,
        coarse_dates=getattr(args, "coarse_dates", "first-day"),
    )


def run_extract(args: argparse.Namespace) -> int:
    from timeline.api import extract_articles
    from timeline.assemble import Timeline
    from timeline.read.sources import iter_articles
    from timeline.read.text import parse_published
    from timeline.render.outputs import parse_formats, write_outputs

    formats = parse_formats(args.format)
    if args.published is not None:
        parse_published(args.published, location="--published")
    settings = _settings(args)
    articles = list(iter_articles(args.inputs, args.published))
    documents = list(extract_articles(articles, settings=settings))
    timeline = Timeline.from_documents(documents, settings)
    write_outputs(timeline, formats, args.output)
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from timeline.evaluate import evaluate

    kinds = set(args.kinds.split(",")) if args.kinds else None
    if args.errors and args.errors != "-":
        with open(args.errors, "w", encoding="utf-8") as handle:
            evaluate(Path(args.gold), _settings(args), errors_out=handle, error_kinds=kinds)
    else:
        evaluate(Path(args.gold), _settings(args), errors_out=sys.stdout if args.errors else None,
                 error_kinds=kinds)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "extract":
            return run_extract(args)
        return run_evaluate(args)
    except TimelineError as exc:
        print(f"timeline: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
