"""Throughput of corpus mode, measured in one run (a benchmark, not a test).

    python bench/throughput.py [CSV] [--limit N] [--no-parallel] [--no-accuracy] [--no-dask]
                               [--dask-scale N]

Every measurement runs in a fresh child process, so each starts cold and its
memory is its own.  Printed, for the same texts:

* words/s of the whole timeline pipeline (reading the CSV to events, one
  process), in the default corpus mode and in entity mode (``--all-events``:
  every sentence parsed, every happening dated, participants) and of plain ``nlp.pipe`` through the full spaCy pipeline (every
  component, NER included; the faster of spaCy's default batch size and
  batches of 16 texts), and their ratio -- "warm" excludes interpreter start
  and model loading, "cold" is the child's whole wall time;
* how many sentences the pipeline parsed (the tagger's candidates decide);
* the speed-up of ``--workers 2`` over ``--workers 1`` (run first, back to
  back, best of ``--rounds`` each);
* the words/s of the same corpus on a Dask ``LocalCluster`` of 2 worker
  processes (``--scheduler local --workers 2``; cluster start and model
  loading before the clock, as for ``--workers 2``) beside ``--workers 2``;
* with ``--dask-scale N``: N articles made by repeating the corpus on a
  Dask LocalCluster (JSON lines streamed, the merged timeline built on the
  workers, its ``--top`` key events rendered as HTML and iCalendar), with
  the peak RSS of the driver process alone (the workers are the cluster's),
  of the process tree, and the run's words/s;
* peak memory of each child's process tree (the child and its workers):
  summed RSS, and summed PSS, which counts pages the forked workers share
  with their parent (the model) once;
* whether the corpus runner (2 workers, batches) gives the same timexes and
  events as the one-document path on the TimeML evaluation corpus.

The machine load (``/proc/loadavg``) is printed with every figure: parallel
scaling means little on a busy machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT.parent / "shared" / "data" / "reuters-2017" / "reuters-2017-politics.csv"
DEFAULT_TIMEML = ROOT.parent / "shared" / "data" / "timeml-tbaq"


# --- memory of a process tree -------------------------------------------------------------

class TreeMemory:
    """Samples the summed RSS and PSS of a process and all its descendants."""

    def __init__(self, root: int, interval: float = 0.1) -> None:
        self.root = root
        self.interval = interval
        self.peak_rss = self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            pids = _tree(self.root)
            self.peak_rss = max(self.peak_rss, sum(_status_kib(p, "VmRSS:") for p in pids) * 1024)
            self.peak_pss = max(self.peak_pss, sum(_rollup_kib(p, "Pss:") for p in pids) * 1024)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _status_kib(pid: int, key: str) -> int:
    return _field_kib(f"/proc/{pid}/status", key)


def _rollup_kib(pid: int, key: str) -> int:
    return _field_kib(f"/proc/{pid}/smaps_rollup", key)


def _field_kib(path: str, key: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# --- the phases, each run in a child process ---------------------------------------------

def phase_timeline(csv: Path, limit: int | None, workers: int, all_events: bool = False) -> dict[str, Any]:
    """Reading to events with the corpus runner; the model is loaded before the clock starts."""
    from timeline.corpus import _start_worker, process_records
    from timeline.model import Document
    from timeline.pipeline import Pipeline
    from timeline.read.sources import iter_records
    from timeline.settings import Settings

    settings = Settings(workers=workers, all_events=all_events)
    Pipeline(settings).nlp("warm up")
    if workers > 1:
        _start_worker(settings)  # what the runner does before forking, done before the clock
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    docs = failed = words = 0
    dated: list[tuple[str, list[int]]] = []
    for result in process_records(islice(iter_records([str(csv)]), limit), settings):
        if isinstance(result, Document):
            docs += 1
            words += len(result.text.split())
            dated.append((result.text, [t.start for t in result.timexes]))
        else:
            failed += 1
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "words": words, "documents": docs, "failed": failed,
            "cpu": {k: v - cpu_before[k] for k, v in _cpu_seconds().items()},
            "timexes": sum(len(starts) for _, starts in dated),
            "sentences_with_timex": sum(_sentences_holding(text, starts) for text, starts in dated)}


def phase_dask(csv: Path, limit: int | None, workers: int) -> dict[str, Any]:
    """The corpus on a Dask LocalCluster; started, with the model loaded in
    each worker by the plugin, before the clock starts."""
    import resource

    from timeline.distributed import DaskRun
    from timeline.model import Document
    from timeline.read.sources import iter_records
    from timeline.settings import Settings

    run = DaskRun(Settings(workers=workers, scheduler="local"))
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    docs = failed = words = 0
    for result in run.results(islice(iter_records([str(csv)]), limit)):
        if isinstance(result, Document):
            docs += 1
            words += len(result.text.split())
        else:
            failed += 1
    seconds = time.perf_counter() - started
    driver_cpu = _cpu_seconds()["self"] - cpu_before["self"]
    return {"seconds": seconds, "words": words, "documents": docs, "failed": failed, "driver_cpu": driver_cpu,
            "driver_peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}


def phase_dask_scale(csv: Path, articles: int, workers: int, top: int) -> dict[str, Any]:
    """A corpus of ``articles`` made by repeating the CSV's, on a Dask
    LocalCluster: each document streamed as a JSON line (to /dev/null), the
    merged timeline built on the workers and its ``top`` key events rendered
    as HTML and iCalendar.  The driver's own peak RSS (the workers are the cluster's)."""
    import resource
    from itertools import cycle

    from timeline.distributed import DaskRun
    from timeline.model import Article, Document
    from timeline.read.sources import iter_records
    from timeline.settings import Settings

    corpus = [r for r in iter_records([str(csv)]) if isinstance(r, Article)]
    run = DaskRun(Settings(workers=workers, scheduler="local"), merge=True, top=top)
    started = time.perf_counter()
    docs = words = 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for result in run.results(islice(cycle(corpus), articles)):
            if isinstance(result, Document):
                docs += 1
                words += len(result.text.split())
                sink.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    before_merge = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    merged = run.timeline(top=top)
    size = len(merged.to_html()) + len(merged.to_ics())
    return {"seconds": time.perf_counter() - started, "words": words, "documents": docs,
            "entries": len(merged.entries), "rendered": size, "driver_peak_before_merge": before_merge,
            "driver_peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}


def _cpu_seconds() -> dict[str, float]:
    """CPU time of this process and of its finished children (the workers)."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"self": own.ru_utime + own.ru_stime, "workers": children.ru_utime + children.ru_stime}


def _sentences_holding(text: str, starts: list[int]) -> int:
    """How many sentences (the pipeline's splitter) hold at least one of ``starts``."""
    from timeline.text.sentences import split_sentences

    return sum(any(s <= start < e for start in starts) for s, e in split_sentences(text))


def phase_plain(csv: Path, limit: int | None, batch_size: int | None) -> dict[str, Any]:
    """Plain nlp.pipe, every component of the model, as a spaCy user runs it
    (spaCy's default batch size, or ``batch_size``)."""
    import spacy

    from timeline.model import Article
    from timeline.read.sources import iter_records
    from timeline.settings import DEFAULT_SPACY_MODEL

    texts = [r.text for r in islice(iter_records([str(csv)]), limit) if isinstance(r, Article)]
    nlp = spacy.load(DEFAULT_SPACY_MODEL)
    nlp("warm up")
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size or nlp.batch_size))
    return {"seconds": time.perf_counter() - started, "words": sum(len(t.split()) for t in texts),
            "tokens": tokens, "components": nlp.pipe_names, "batch_size": batch_size or nlp.batch_size}


def phase_parse_share(csv: Path, limit: int | None) -> dict[str, Any]:
    """How much of the text the pipeline hands to the parser."""
    from timeline.model import Article
    from timeline.pipeline import _sentences_with
    from timeline.read.sources import iter_records
    from timeline.temporal import TemporalTagger
    from timeline.text.sentences import split_sentences

    tagger = TemporalTagger()
    out = {"candidates": 0, "sentences": 0, "parsed": 0, "chars": 0, "parsed_chars": 0, "documents": 0,
           "documents_parsed": 0}
    for record in islice(iter_records([str(csv)]), limit):
        if not isinstance(record, Article):
            continue
        found = tagger.candidates(record.text)
        sentences = split_sentences(record.text)
        kept = _sentences_with(sentences, found) if found else []
        out["documents"] += 1
        out["documents_parsed"] += bool(kept)
        out["candidates"] += len(found)
        out["sentences"] += len(sentences)
        out["parsed"] += len(kept)
        out["chars"] += len(record.text)
        out["parsed_chars"] += sum(e - s for s, e in kept)
    return out


def phase_identity(timeml: Path) -> dict[str, Any]:
    """The corpus runner (2 workers, batches) against Pipeline.process one document at a time."""
    from timeline.corpus import process_records
    from timeline.model import Document
    from timeline.pipeline import Pipeline
    from timeline.read.timeml import read_timeml
    from timeline.settings import Settings

    articles = [read_timeml(p).article() for p in sorted(timeml.rglob("*.tml"))]
    pipeline = Pipeline()
    single = [pipeline.process(a) for a in articles]
    batched = list(process_records(articles, Settings(workers=2)))
    same = sum(isinstance(b, Document) and b.timexes == s.timexes and b.events == s.events
               for s, b in zip(single, batched))
    return {"documents": len(articles), "identical": same, "timexes": sum(len(s.timexes) for s in single)}


def run_phase(args: list[str]) -> dict[str, Any]:
    """Run one phase in a child; add its cold wall time and tree memory."""
    busy_before = _busy_seconds()
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)
    memory = TreeMemory(child.pid)
    out, _ = child.communicate()
    memory.stop()
    if child.returncode != 0:
        raise SystemExit(f"phase {args} failed ({child.returncode})")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    cold = time.perf_counter() - started
    result.update(cold_seconds=cold, peak_rss=memory.peak_rss, peak_pss=memory.peak_pss, load=_load(),
                  machine_busy=(_busy_seconds() - busy_before) / cold)
    return result


def _busy_seconds() -> float:
    """CPU seconds the whole machine spent busy (all processes, all cores) so far."""
    user, nice, system = (int(v) for v in Path("/proc/stat").read_text().split()[1:4])
    return (user + nice + system) / os.sysconf("SC_CLK_TCK")


def _mib(n: int) -> str:
    return f"{n / 2**20:.0f} MiB"


def _describe(label: str, r: dict[str, Any]) -> None:
    cpu = f"; CPU {r['cpu']['self']:.1f} s + workers {r['cpu']['workers']:.1f} s" if "cpu" in r else ""
    # the whole machine's busy cores during the run: above ours, colleagues' jobs took CPU from it
    cpu += f"; machine busy {r['machine_busy']:.2f} of {os.cpu_count()} cores"
    print(f"  {label}: warm {r['seconds']:.1f} s, cold {r['cold_seconds']:.1f} s{cpu}; peak tree RSS "
          f"{_mib(r['peak_rss'])}, PSS {_mib(r['peak_pss'])}; load {r['load']}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--limit", type=int, help="only the first N records")
    parser.add_argument("--no-parallel", action="store_true", help="skip the --workers 2 run")
    parser.add_argument("--no-accuracy", action="store_true", help="skip the TimeML identity check")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster run")
    parser.add_argument("--dask-scale", type=int, metavar="N",
                        help="also run N articles (the corpus repeated) on a Dask LocalCluster, the merged "
                             "timeline's --top key events rendered, and print the driver's peak memory")
    parser.add_argument("--top", type=int, default=500, help="key events rendered by --dask-scale")
    parser.add_argument("--timeml", type=Path, default=DEFAULT_TIMEML)
    parser.add_argument("--rounds", type=int, default=2, help="runs of each worker count (best one counts)")
    parser.add_argument("--no-entity", action="store_true", help="skip the entity mode (--all-events) run")
    parser.add_argument("--all-events", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--batch-size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:  # a child: one measurement, as a JSON line
        phases = {
            "timeline": lambda: phase_timeline(args.csv, args.limit, args.workers, args.all_events),
            "plain": lambda: phase_plain(args.csv, args.limit, args.batch_size),
            "share": lambda: phase_parse_share(args.csv, args.limit),
            "identity": lambda: phase_identity(args.timeml),
            "dask": lambda: phase_dask(args.csv, args.limit, args.workers),
            "dask-scale": lambda: phase_dask_scale(args.csv, args.dask_scale, args.workers, args.top),
        }
        print(json.dumps(phases[args.phase]()))
        return 0

    common = [str(args.csv)] + (["--limit", str(args.limit)] if args.limit else [])
    print(f"corpus {args.csv} (limit {args.limit}); {os.cpu_count()} CPUs; load {_load()}", flush=True)
    # scaling first and back to back, best of `--rounds` each: colleagues' jobs
    # come and go on the shared cores, and a slow round says nothing about us
    rounds: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
    dask: list[dict[str, Any]] = []
    for _ in range(1 if args.no_parallel else args.rounds):
        for workers in ((1,) if args.no_parallel else (1, 2)):
            rounds[workers].append(run_phase(common + ["--phase", "timeline", "--workers", str(workers)]))
            _describe(f"timeline --workers {workers}", rounds[workers][-1])
        if not args.no_parallel and not args.no_dask:
            dask.append(run_phase(common + ["--phase", "dask", "--workers", "2"]))
            _describe("timeline --scheduler local --workers 2 (Dask)", dask[-1])
    one = min(rounds[1], key=lambda r: r["seconds"])
    if not args.no_parallel:
        two = min(rounds[2], key=lambda r: r["seconds"])
        print(f"scaling 1 -> 2:    {one['seconds'] / two['seconds']:.2f}x warm, "
              f"{one['cold_seconds'] / two['cold_seconds']:.2f}x cold, best of {args.rounds} each "
              f"(target >= 1.7)")
    if dask:
        best = min(dask, key=lambda r: r["seconds"])
        on_dask, local = best["words"] / best["seconds"], two["words"] / two["seconds"]
        print(f"Dask, 2 workers:   {on_dask:,.0f} words/s warm vs {local:,.0f} with --workers 2 "
              f"({on_dask / local:.0%}, target >= 85%), {best['words'] / best['cold_seconds']:,.0f} vs "
              f"{two['words'] / two['cold_seconds']:,.0f} cold; driver CPU {best['driver_cpu']:.1f} s, "
              f"peak RSS {_mib(best['driver_peak_rss'])}")
    # spaCy's default batch (256 texts) is slow and large on long articles:
    # the baseline is the faster of it and small batches, not a straw man
    plains = [run_phase(common + ["--phase", "plain"] + extra) for extra in ([], ["--batch-size", "16"])]
    for p in plains:
        _describe(f"plain nlp.pipe ({', '.join(p['components'])}), batch {p['batch_size']}", p)
    plain = min(plains, key=lambda p: p["seconds"])
    words = plain["words"]
    warm, plain_warm = one["words"] / one["seconds"], words / plain["seconds"]
    cold, plain_cold = one["words"] / one["cold_seconds"], words / plain["cold_seconds"]
    print(f"timeline pipeline: {warm:,.0f} words/s warm, {cold:,.0f} cold "
          f"({one['documents']} documents, {one['failed']} failed, {one['words']:,} words)")
    print(f"plain nlp.pipe:    {plain_warm:,.0f} words/s warm, {plain_cold:,.0f} cold (batch {plain['batch_size']})")
    print(f"ratio:             {warm / plain_warm:.2f} warm, {cold / plain_cold:.2f} cold (target >= 2.0)")
    if not args.no_entity:
        entity = run_phase(common + ["--phase", "timeline", "--workers", "1", "--all-events"])
        _describe("timeline --all-events --workers 1", entity)
        entity_warm = entity["words"] / entity["seconds"]
        print(f"entity mode:       {entity_warm:,.0f} words/s warm, {entity['words'] / entity['cold_seconds']:,.0f} "
              f"cold (--all-events / --entity: every sentence parsed; {entity_warm / warm:.2f}x the default mode, "
              f"{entity_warm / plain_warm:.2f}x plain nlp.pipe)")
    share = run_phase(common + ["--phase", "share"])
    print(f"parsing:           {share['candidates']:,} candidates; {share['parsed']:,}/{share['sentences']:,} "
          f"sentences parsed ({share['parsed'] / max(share['sentences'], 1):.0%}), "
          f"{share['parsed_chars'] / max(share['chars'], 1):.0%} of the characters; "
          f"{share['documents_parsed']}/{share['documents']} documents parse something")
    print(f"                   {one['timexes']:,} timexes in {one['sentences_with_timex']:,} sentences: "
          f"{one['sentences_with_timex'] / max(share['parsed'], 1):.0%} of the parsed sentences hold one "
          f"(candidates() precision at sentence level)")
    if args.dask_scale:
        scale = run_phase([str(args.csv), "--phase", "dask-scale", "--workers", "2",
                           "--dask-scale", str(args.dask_scale), "--top", str(args.top)])
        print(f"dask scale:        {scale['documents']:,} articles (the corpus repeated) on a LocalCluster of 2 "
              f"workers: {scale['words'] / scale['seconds']:,.0f} words/s, {scale['seconds']:,.0f} s; "
              f"top {args.top} of the merged timeline as HTML + ICS ({scale['rendered'] / 2**20:.1f} MiB)")
        print(f"                   driver peak RSS {_mib(scale['driver_peak_rss'])} "
              f"({_mib(scale['driver_peak_before_merge'])} before the merge; target < 1 GiB); whole tree RSS "
              f"{_mib(scale['peak_rss'])}, PSS {_mib(scale['peak_pss'])}; load {scale['load']}")
    if not args.no_accuracy and args.timeml.is_dir():
        same = run_phase(["--phase", "identity", "--timeml", str(args.timeml)])
        print(f"identity:          {same['identical']}/{same['documents']} TimeML documents identical "
              f"(timexes and events) between the corpus runner and one-by-one processing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
