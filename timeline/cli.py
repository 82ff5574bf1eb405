"""The ``timeline`` command: a thin layer over the Python API."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from timeline.errors import ExportError, TimelineError, printable
from timeline.settings import DEFAULT_KEY_EVENTS, DEFAULT_MAX_QUOTES, DEFAULT_SPACY_MODEL, Settings

if TYPE_CHECKING:
    from timeline.distributed import DaskRun
    from timeline.render.atomic import StagedOutputs
    from timeline.render.outputs import OutputPlan

# the shell's exit status for a run stopped by Ctrl-C (128 + SIGINT)
INTERRUPTED = 130


FIRST_STEPS = """first steps:
  timeline extract article.txt --published 2017-11-02          dates of one article, as JSON
  timeline extract news.csv --format html,ics --output out/    a merged timeline page and calendar
  timeline extract --help                                      every option"""


def build_parser() -> argparse.ArgumentParser:
    from timeline.render.outputs import OUTPUT_FORMATS

    from timeline import __version__

    parser = argparse.ArgumentParser(
        prog="timeline", description="Turn news articles into dated timelines.", epilog=FIRST_STEPS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="find, resolve and date the temporal expressions of articles")
    ex.add_argument("inputs", nargs="+", metavar="INPUT",
                    help=".txt, .tml, .html, .csv, .jsonl files, folders, globs ('data/*.csv'), or - for stdin")
    ex.add_argument("--published", metavar="DATE",
                    help="publication date of articles that give none (a .txt without sidecar, stdin, CSV/JSON "
                         "Lines rows without a date): 2017-11-02, 2017-11-02T14:05-05:00, 'November 2, 2017'")
    ex.add_argument("--published-override", metavar="DATE",
                    help="publication date of every article, whatever its metadata or row says")
    ex.add_argument("--format", default="json",
                    help=f"{', '.join(OUTPUT_FORMATS)} (comma-separated; jsonl streams "
                         "one document per line as documents finish)")
    ex.add_argument("--output", help="file (one format) or folder (several); default stdout")
    ex.add_argument("--spacy-model", default=DEFAULT_SPACY_MODEL, help="installed spaCy pipeline to use")
    ex.add_argument("--coarse-dates", choices=("first-day", "span"), default="first-day",
                    help="calendar events for week-or-coarser dates: a one-day event on the first day "
                         "(default) or one spanning the whole period")
    _add_corpus_arguments(ex)

    ev = sub.add_parser("evaluate", help="TempEval-3 scores against a folder of TimeML files")
    ev.add_argument("gold", help="folder (or file) of gold TimeML")
    ev.add_argument("--errors", nargs="?", const="-", metavar="FILE",
                    help="list every error (to FILE, or stdout)")
    ev.add_argument("--kinds", help="error kinds to list: missed,spurious,boundary,value,type")
    ev.add_argument("--spacy-model", default=DEFAULT_SPACY_MODEL)
    ev.add_argument("--gold-timexes", action="store_true",
                    help="also score event anchoring on the gold timexes (anchoring apart from recognition)")
    ev.add_argument("--timelines", action="store_true",
                    help="score entity timelines on SemEval-2015 TimeLine data (tml/, tokens/, timelines/; "
                         "the default for such a folder)")
    return parser


def _add_corpus_arguments(ex: argparse.ArgumentParser) -> None:
    from timeline.read.sources import INPUT_FORMATS

    run = ex.add_argument_group("corpora")
    run.add_argument("--input-format", choices=INPUT_FORMATS, help="read every input (and -) as this format")
    for part in ("text", "date", "title", "id", "url"):
        run.add_argument(f"--{part}-column", metavar="NAME", help=f"CSV column / JSON key of the {part}")
    run.add_argument("--workers", type=int, default=1, help="processes in parallel (same output as 1)")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="run on a Dask cluster: its scheduler (tcp://HOST:8786), or 'local' to start "
                          "one of --workers processes (same output as --workers 1)")
    run.add_argument("--quiet", action="store_true", help="no progress bar, no summary")
    run.add_argument("--strict", action="store_true", help="exit 1 when any record failed")
    run.add_argument("--errors", metavar="FILE", help="also write each failed record as a JSON line to FILE")
    run.add_argument("--resume", action="store_true",
                     help="go on with an interrupted run to JSON Lines: skip the documents it already wrote")
    run.add_argument("--max-record-size", type=float, metavar="MB",
                     help="skip a CSV row or JSON line larger than this (default 5 MB)")
    keep = ex.add_argument_group("filters")
    keep.add_argument("--query", metavar="TEXT", help="entries whose title or sentence mentions TEXT")
    keep.add_argument("--entity", metavar="NAME",
                      help="the entity's timeline: events NAME takes part in (by name, its parts and the "
                           "article's aliases; turns on --all-events)")
    keep.add_argument("--all-events", action="store_true",
                      help="entity mode: every happening is an event, dated by its date phrase, the narrative "
                           "or the publication day (slower: parses every sentence)")
    keep.add_argument("--since", metavar="DATE", help="entries that end on or after DATE (YYYY[-MM[-DD]])")
    keep.add_argument("--until", metavar="DATE", help="entries that start on or before DATE")
    keep.add_argument("--top", metavar="N", type=_positive, help="the N most important entries, in date order")
    ex.add_argument("--title", metavar="TEXT", help="name of the page and the calendar (default: from the articles)")
    ex.add_argument("--key-events", metavar="N", type=_positive, default=DEFAULT_KEY_EVENTS,
                    help="entries the page of a corpus opens on and its calendar holds (default %(default)s)")
    ex.add_argument("--max-quotes", metavar="N", type=_positive, default=DEFAULT_MAX_QUOTES,
                    help="with --top: quotes each entry lists, one per wording first; the others are counted "
                         "(default %(default)s)")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, not {text!r}")
    return value


def _settings(args: argparse.Namespace) -> Settings:
    return Settings(
        spacy_model=args.spacy_model,
        coarse_dates=getattr(args, "coarse_dates", "first-day"),
    )


def run_extract(args: argparse.Namespace) -> int:
    """Read every record, process them (in parallel with --workers), stream
    jsonl and/or assemble one merged timeline; bad records are skipped and
    reported, except in a one-article run where any problem ends it (exit 2)."""
    from dataclasses import replace

    from timeline.assemble import Timeline
    from timeline.corpus import CorpusReport, JsonLinesSink, process_records
    from timeline.filters import Filters, parse_bound
    from timeline.model import Document
    from timeline.read.records import RecordError, RecordFields
    from timeline.read.sources import is_one_article_run, iter_records
    from timeline.render.atomic import StagedOutputs
    from timeline.render.outputs import plan_outputs, timeline_report, write_outputs
    from timeline.resume import SkipWritten, written_ids

    outputs = plan_outputs(args.format, args.output)
    if args.resume and (not outputs.streamed or outputs.stream_output in (None, "-")):
        raise ExportError("--resume goes on with a JSON Lines file: give --format jsonl and --output")
    published = _published_option(args.published, "--published")
    override = _published_option(args.published_override, "--published-override")
    filters = Filters(
        query=args.query, entity=args.entity,
        since=parse_bound(args.since, end=False, option="--since") if args.since else None,
        until=parse_bound(args.until, end=True, option="--until") if args.until else None,
    )
    settings = _settings(args).with_(workers=args.workers, entities=filters.needs_entities,
                                     all_events=args.all_events or filters.needs_entities, title=args.title,
                                     key_events=args.key_events, max_quotes=args.max_quotes,
                                     scheduler=args.scheduler)
    if args.max_record_size is not None:
        settings = settings.with_(max_record_bytes=max(1, int(args.max_record_size * 1024 * 1024)))
    one_article = is_one_article_run(args.inputs, args.input_format)
    fields = RecordFields(text=args.text_column, date=args.date_column, title=args.title_column,
                          id=args.id_column, url=args.url_column)
    records = iter_records(args.inputs, published, fields=fields, forced_format=args.input_format,
                           fatal_input_errors=len(args.inputs) == 1, max_record_bytes=settings.max_record_bytes,
                           published_override=override)

    def alone(doc: Document) -> Timeline:
        return Timeline.from_documents([doc], settings)

    documents: list[Document] = []
    progress = not args.quiet and not one_article and sys.stderr.isatty()
    with StagedOutputs() as staged:
        _lock_outputs(staged, outputs, args.output)
        outputs.prepare()
        sink = JsonLinesSink(outputs.stream_output, in_folder=outputs.stream_in_folder, outputs=staged,
                             resume=args.resume) if outputs.streamed else None
        skip = SkipWritten(written_ids(sink.partial)) if sink is not None and sink.partial is not None else None
        report = CorpusReport(progress=progress, errors_path=args.errors, outputs=staged)
        cluster = None
        try:
            with report:
                # the key events alone, chosen on the workers, when no filter needs the whole timeline first
                cluster = _cluster_run(settings, outputs.merged, None if filters.active else args.top)
                stream = skip(records) if skip else records
                for result in cluster.results(stream) if cluster else process_records(stream, settings):
                    if isinstance(result, RecordError) and one_article:
                        raise result.exception()
                    report.add(result)
                    if isinstance(result, RecordError):
                        continue
                    if sink is not None:
                        kept = filters.apply_to_document(result, alone) if filters.active else result
                        if kept is not None:
                            sink.write(kept)
                    if outputs.merged and not cluster:  # only TimeML shows the text again: do not keep the rest in memory
                        documents.append(result if "timeml" in outputs.merged else replace(result, text=""))
            report.stats.skipped = skip.skipped if skip else 0
            if not outputs.merged:
                merged = None
            else:
                merged = cluster.timeline() if cluster else Timeline.from_documents(documents, settings)
            written = filters.apply(merged) if merged is not None and filters.active else merged
            if written is not None and args.top is not None:  # after the filters: "the 10 most important about Kim"
                written = written.top(args.top)
            if merged is not None and written is not None:
                write_outputs(written, outputs.merged, args.output, staged)
            try:
                staged.commit()
            except OSError as exc:
                raise ExportError(f"{args.output}: cannot write output: {exc.strerror or exc}") from None
        except KeyboardInterrupt:
            if cluster is not None:
                cluster.close()
            resumable = " (--resume goes on from there)" if sink is not None and sink.partial is not None else ""
            print(f"timeline: interrupted after {report.stats.read} documents; the previous outputs are left "
                  f"as they were{resumable}", file=sys.stderr)
            return INTERRUPTED
    if not args.quiet and not one_article:
        print(report.stats.summary(), file=sys.stderr)
        if merged is not None and written is not None:
            print(timeline_report(merged, written, events=report.stats.events,
                                  totals=cluster.totals if cluster else None), file=sys.stderr)
    return 1 if args.strict and report.stats.failed else 0


def _published_option(value: str | None, option: str) -> date | datetime | None:
    """A date option read like the dates of CSV rows ("November 2, 2017" too)."""
    from timeline.errors import InputError
    from timeline.read.records import parse_record_date

    if value is None:
        return None
    try:
        return parse_record_date(value)
    except InputError as exc:
        raise InputError(f"{exc.reason}: expected YYYY-MM-DD or a date such as 'November 2, 2017'",
                         location=option) from None


def _lock_outputs(staged: "StagedOutputs", plan: "OutputPlan", output: str | None) -> None:
    """One run at a time writes an output file or folder (stdout needs no lock)."""
    from timeline.render.outputs import writes_a_folder

    if output is None or output == "-" or not output.strip():
        return
    folder = plan.stream_in_folder or (bool(plan.merged) and writes_a_folder(plan.merged, output))
    staged.lock(Path(output), folder=folder)


def _cluster_run(settings: Settings, merged: list[str], top: int | None) -> "DaskRun | None":
    """With --scheduler: the cluster run, which builds the merged timeline
    (or its ``top`` key events alone) on the workers."""
    if settings.scheduler is None:
        return None
    from timeline.distributed import DaskRun, Kept

    keep: Kept = "text" if "timeml" in merged else "events" if "json" in merged else "header"
    return DaskRun(settings, merge=bool(merged), keep=keep, top=top)


def run_evaluate(args: argparse.Namespace) -> int:
    from timeline.evaluate import evaluate
    from timeline.evaluate.timelines import evaluate_timelines, is_timeline_data

    if args.timelines or is_timeline_data(Path(args.gold)):
        evaluate_timelines(Path(args.gold), _settings(args))
        return 0
    kinds = set(args.kinds.split(",")) if args.kinds else None
    if args.errors and args.errors != "-":
        with open(args.errors, "w", encoding="utf-8") as handle:
            evaluate(Path(args.gold), _settings(args), errors_out=handle, error_kinds=kinds)
    else:
        evaluate(Path(args.gold), _settings(args), errors_out=sys.stdout if args.errors else None,
                 error_kinds=kinds)
    if args.gold_timexes:
        from timeline.evaluate.events import evaluate_gold_timexes_in

        evaluate_gold_timexes_in(Path(args.gold), _settings(args))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    if not (sys.argv[1:] if argv is None else argv):  # "timeline" alone: what to type first
        parser.print_help()
        return 0
    args = parser.parse_args(argv)
    try:
        if args.command == "extract":
            return run_extract(args)
        return run_evaluate(args)
    except TimelineError as exc:
        print(f"timeline: error: {printable(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:  # before or after the corpus loop (which reports its progress)
        print("timeline: interrupted", file=sys.stderr)
        return INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
