"""The driver's memory on a Dask run of a large corpus (a benchmark, not a test).

    python bench/dask_memory.py [--repeat K ...] [--workers 2] [--top 500] [CSV]

For each K, a corpus of K copies of the Reuters CSV's rows (1,000 articles
each; ids made unique by the run) is written to /tmp, then run through the
command line as a user would, in a child process:

    timeline extract CORPUS --scheduler local --workers 2 --format jsonl,html,ics --top 500 --output DIR

Printed for each size: the driver's peak RSS (the ``timeline`` process alone:
it holds the client and, with ``--scheduler local``, the Dask scheduler,
which runs in-process; the worker processes are the cluster's and are
reported apart), its peak while the documents were streamed (before the
merged timeline is built), the peak RSS of the worker processes (summed), and the
run's words/s (from its summary line: cluster start and model loading
included).  A flat driver column across sizes is what "bounded" means.

The 100,000-article run of issue 18 (about two hours of a busy 2-core machine):

    python bench/dask_memory.py --repeat 100
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from throughput import _status_kib, _tree  # bench/ is on the path when a script there runs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT.parent / "shared" / "data" / "reuters-2017" / "reuters-2017-politics.csv"
_SUMMARY = re.compile(r"documents? read: (\d+) processed \+ (\d+) failed.*?([\d,]+) words/s")


def repeated_corpus(csv: Path, repeat: int, folder: Path) -> Path:
    """``repeat`` copies of the CSV's rows under one header, written once."""
    target = folder / f"timeline-{csv.stem}-x{repeat}.csv"
    data = csv.read_bytes()
    header, _, rows = data.partition(b"\n")
    rows = rows if rows.endswith(b"\n") else rows + b"\n"
    size = len(header) + 1 + len(rows) * repeat
    if not target.exists() or target.stat().st_size != size:
        partial = target.with_suffix(".partial")
        with open(partial, "wb") as out:
            out.write(header + b"\n")
            for _ in range(repeat):
                out.write(rows)
        partial.replace(target)
    return target


class PeakMemory:
    """Samples the peak RSS of one process (its high-water mark, VmHWM), the
    summed RSS of its descendants (throughput.py's /proc readers), and the
    driver's peak while the JSON Lines in ``output`` still grew (the
    documents streamed, before the merged timeline is built)."""

    def __init__(self, pid: int, output: Path, interval: float = 0.2) -> None:
        self.pid = pid
        self.output = output
        self.interval = interval
        self.driver = self.workers = self.streaming = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        streamed = 0
        while not self._stop.wait(self.interval):
            self.driver = max(self.driver, _status_kib(self.pid, "VmHWM:") * 1024)
            workers = sum(_status_kib(p, "VmRSS:") for p in _tree(self.pid) if p != self.pid) * 1024
            self.workers = max(self.workers, workers)
            size = _streamed_bytes(self.output)
            if size > streamed:
                streamed, self.streaming = size, self.driver

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _streamed_bytes(output: Path) -> int:
    """The size of the JSON Lines in ``output`` (the partial file, then the
    committed one)."""
    try:
        return sum(f.stat().st_size for f in output.glob("*jsonl*"))
    except OSError:  # renamed or not there yet
        return 0


def run(corpus: Path, workers: int, top: int, output: Path) -> dict[str, float]:
    command = [sys.executable, "-m", "timeline", "extract", str(corpus), "--scheduler", "local",
               "--workers", str(workers), "--format", "jsonl,html,ics", "--top", str(top), "--output", str(output)]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(child.pid, output)
    _, err = child.communicate()
    memory.stop()
    seconds = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{err[-3000:]}")
    found = _SUMMARY.search(err)
    if found is None:
        raise SystemExit(f"no summary line in:\n{err[-3000:]}")
    return {"documents": int(found.group(1)), "failed": int(found.group(2)),
            "words_per_second": float(found.group(3).replace(",", "")), "seconds": seconds,
            "driver": memory.driver, "streaming": memory.streaming, "workers": memory.workers}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--repeat", type=int, nargs="+", default=[1, 5, 20],
                        help="corpus sizes, in copies of the CSV (default 1 5 20)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--top", type=int, default=500, help="key events of the merged timeline rendered")
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()),
                        help="where the corpora are written (default: the temporary folder)")
    args = parser.parse_args()
    import timeline

    print(f"timeline from {Path(timeline.__file__).parent}; {os.cpu_count()} CPUs", flush=True)
    print(f"{'articles':>9} {'driver peak RSS':>16} {'(streaming)':>12} {'workers peak RSS':>17} {'words/s':>8} "
          f"{'wall s':>7}  load", flush=True)
    for repeat in args.repeat:
        corpus = repeated_corpus(args.csv, repeat, args.folder)
        with tempfile.TemporaryDirectory(dir=args.folder) as output:
            r = run(corpus, args.workers, args.top, Path(output) / "out")
        load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
        print(f"{r['documents'] + r['failed']:>9,} {r['driver'] / 2**20:>12,.0f} MiB "
              f"{r['streaming'] / 2**20:>8,.0f} MiB {r['workers'] / 2**20:>13,.0f} MiB "
              f"{r['words_per_second']:>8,.0f} {r['seconds']:>7,.0f}  {load}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
