"""Write a timeline in one or more formats to stdout, a file or a folder.

``--format`` is read through one table, :data:`OUTPUT_FORMATS`: each format's
file name in an output folder, and whether it is rendered once from the merged
timeline or streamed document by document (``jsonl``).

File-system safety: every format is rendered before anything is written (a
failing renderer leaves no half-written set of files); the files written into
an output folder go to a temporary file beside them and are moved into place,
so an existing symlink there is replaced rather than followed out of the
folder; a file the user names with ``--output FILE`` is written where it leads
(``/dev/stdout``, a FIFO); names derived from untrusted text (titles, ids) go
through :func:`safe_file_name` and :func:`path_inside`, which never leave the
output folder.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from timeline.errors import ExportError
from timeline.render.atomic import StagedOutputs

if TYPE_CHECKING:
    from timeline.assemble import Timeline



@dataclass(frozen=True, slots=True)
class OutputFormat:
    name: str
    file_name: str  # its file when several formats go into one folder
    # written as each document is done (memory stays bounded), not rendered
    # from the merged timeline at the end
    streamed: bool = False


OUTPUT_FORMATS = {f.name: f for f in (
    OutputFormat("json", "timeline.json"),
    OutputFormat("timeml", "timeline.tml"),
    OutputFormat("html", "timeline.html"),
    OutputFormat("ics", "timeline.ics"),
    OutputFormat("timelinejs", "timeline.timelinejs.json"),
    OutputFormat("jsonl", "documents.jsonl", streamed=True),
)}
# the formats rendered from the merged timeline, by file name
FILE_NAMES = {f.name: f.file_name for f in OUTPUT_FORMATS.values() if not f.streamed}
SEVERAL_NEED_A_FOLDER = "several formats need --output DIR"
# an --output ending like one of these names a file, not a folder
_FILE_SUFFIXES = frozenset(Path(f.file_name).suffix for f in OUTPUT_FORMATS.values())

_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_HASHED_ENDING = re.compile(r"-[0-9a-f]{8}$")
# names Windows refuses whatever the extension (kept out so outputs copy anywhere)
_RESERVED_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(1, 10)] + [f"lpt{i}" for i in range(1, 10)]
)
MAX_NAME_CHARS = 100


def render(timeline: "Timeline", fmt: str) -> str:
    """The timeline in a merged format (``Timeline.to_<fmt>``)."""
    method = getattr(timeline, f"to_{fmt}", None)
    if method is None:
        raise ExportError(f"format {fmt!r} is not available")
    result: str = method()
    return result


@dataclass(frozen=True, slots=True)
class OutputPlan:
    """What ``--format`` and ``--output`` ask for."""

    merged: list[str]  # rendered from the one merged timeline, in the order asked
    streamed: bool  # documents streamed as JSON lines as they are done
    stream_output: str | None  # where the stream goes (None or "-": stdout)
    stream_in_folder: bool  # stream_output is a name chosen inside the --output folder

    def prepare(self) -> None:
        """Create the output folder the stream shares with the merged formats
        before any document is done, so that those are written into it too."""
        if self.stream_in_folder and self.stream_output is not None:
            Path(self.stream_output).parent.mkdir(parents=True, exist_ok=True)


def plan_outputs(value: str, output: str | None) -> OutputPlan:
    """``--format`` (comma-separated names, any case) with ``--output``: a
    streamed format beside merged ones goes into the output folder."""
    names = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in names if f not in OUTPUT_FORMATS]
    if not names or unknown:
        raise ExportError(f"unknown format {', '.join(unknown)!r}: choose from {', '.join(OUTPUT_FORMATS)}")
    merged = [name for name in names if not OUTPUT_FORMATS[name].streamed]
    stream = next((OUTPUT_FORMATS[name] for name in names if OUTPUT_FORMATS[name].streamed), None)
    if len(set(names)) > 1:
        _check_folder(output)
    if stream is None or not merged:
        return OutputPlan(merged, stream is not None, output, stream_in_folder=False)
    if output is None or output == "-":
        raise ExportError(SEVERAL_NEED_A_FOLDER)
    return OutputPlan(merged, True, str(Path(output) / stream.file_name), stream_in_folder=True)


def _check_folder(output: str | None) -> None:
    """Several formats go into a folder: refuse, before any work, no
    ``--output`` and a name that reads as one of the files (``page.html``)."""
    if output is None or output == "-":
        raise ExportError(SEVERAL_NEED_A_FOLDER)
    target = Path(output)
    if target.suffix.lower() in _FILE_SUFFIXES and not target.is_dir():
        raise ExportError(f"{SEVERAL_NEED_A_FOLDER}: {output!r} names a file")


def safe_file_name(name: str, suffix: str = "", *, fallback: str = "document") -> str:
    """A portable file name made from untrusted text (a title, an id).

    Only ASCII letters, digits, ``.``, ``_`` and ``-`` survive; no leading dot,
    no path separators, no reserved device names, bounded length.  When the
    text had to be changed, a short hash of the original keeps distinct inputs
    ("a/b" and "a_b") from colliding.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    cleaned = _UNSAFE_CHARS.sub("_", ascii_name).strip("._-")[:MAX_NAME_CHARS] or fallback
    if cleaned.split(".")[0].lower() in _RESERVED_NAMES:
        cleaned = "_" + cleaned
    # a clean name that already ends like "-1a2b3c4d" gets a hash too, so that
    # no input can pose as the changed form of another (names stay distinct)
    if cleaned != name or _HASHED_ENDING.search(name):
        digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        cleaned = f"{cleaned}-{digest}"
    return cleaned + suffix


def path_inside(folder: Path, name: str, suffix: str = "") -> Path:
    """``folder / safe_file_name(name)``, checked to stay inside ``folder``."""
    path = folder / safe_file_name(name, suffix)
    if path.resolve().parent != folder.resolve():
        raise ExportError(f"{name!r}: refusing to write outside {folder}")
    return path


def writes_a_folder(formats: list[str], output: str) -> bool:
    """Whether ``--output`` names a folder (several formats, an existing
    folder, a trailing slash) rather than one file."""
    return len(formats) > 1 or Path(output).is_dir() or output.endswith(("/", "\\"))


def write_outputs(
    timeline: "Timeline", formats: list[str], output: str | None, staged: StagedOutputs | None = None,
) -> list[Path]:
    """Render each format; return the files written (none for stdout).

    With ``staged`` the files are only staged there (the caller commits them
    with the rest of its run); else they are written now, all or none."""
    if output is None or output == "-":
        if len(formats) > 1:
            raise ExportError(SEVERAL_NEED_A_FOLDER)
        _write_stdout(render(timeline, formats[0]))
        return []
    if not output.strip():
        raise ExportError("--output needs a file or folder name (an empty one would write into the current folder)")
    target = Path(output)
    as_dir = writes_a_folder(formats, output)
    rendered = [(fmt, render(timeline, fmt)) for fmt in formats]
    written: list[Path] = []
    own = staged is None
    outputs = StagedOutputs() if staged is None else staged
    try:
        if as_dir:
            target.mkdir(parents=True, exist_ok=True)
            for fmt, content in rendered:
                path = target / FILE_NAMES[fmt]
                outputs.stage(path, content)
                written.append(path)
        else:
            if target.parent and not target.parent.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
            outputs.stage(target, rendered[0][1], in_folder=False)
            written.append(target)
        if own:
            outputs.commit()
    except OSError as exc:
        raise ExportError(f"{output}: cannot write output: {exc.strerror or exc}") from None
    finally:
        if own:
            outputs.discard()
    return written


def timeline_report(merged: "Timeline", written: "Timeline", *, events: int | None = None,
                    totals: tuple[int, int] | None = None) -> str:
    """The line after the run's summary: what the merged exports hold, since
    their entries (events merged across articles, after the filters) are not
    the summary's per-article events (``events``: their number, when the
    documents no longer hold them, as after a cluster run; ``totals``: the
    dated and vague entries of the whole timeline when ``merged`` holds only
    its key events, as a cluster run's ``--top``)."""
    if events is None:
        events = sum(len(d.events) for d in merged.documents)
    dated, vague = len(written.entries), len(written.undated)
    if written is merged and totals is None:
        return (f"timeline: {events} events are {dated} dated entries and {vague} vague mentions "
                "once merged across articles")
    all_dated, all_vague = totals or (len(merged.entries), len(merged.undated))
    return (f"timeline: the filters kept {dated} of {all_dated} dated entries and {vague} of "
            f"{all_vague} vague mentions")


def write_file(path: Path, content: str, *, in_folder: bool = True) -> None:
    """Write ``content`` as UTF-8 to ``path``.

    ``in_folder``: ``path`` is a name this package chose inside an output
    folder.  It is written to a temporary file moved over ``path``:
    ``os.replace`` swaps the directory entry, so a symlink there is replaced,
    never followed, and readers never see a half-written file.  Otherwise the
    user named ``path`` (``--output FILE``): it is written where it leads
    (a symlink is followed; ``/dev/stdout``, a FIFO or a device is written
    to as it is, never replaced by a regular file).  See :mod:`.atomic`.
    """
    outputs = StagedOutputs()
    try:
        outputs.stage(path, content, in_folder=in_folder)
        outputs.commit()
    finally:
        outputs.discard()


def open_output(path: Path, *, in_folder: bool) -> BinaryIO:
    """Open ``path`` for streaming output (bytes).

    ``in_folder`` (a name this package chose inside an output folder): an
    existing symlink there is removed and the file opened with O_NOFOLLOW,
    so the data lands inside the folder, never at the link's target.  A
    path the user named is opened as it is (``/dev/stdout``, a FIFO...).
    """
    if not in_folder:
        return open(path, "wb")
    if path.is_symlink():
        path.unlink()
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    return os.fdopen(os.open(path, flags, 0o666), "wb")


def _write_stdout(content: str) -> None:
    # bytes, so that a terminal or pipe with a narrow locale cannot fail on
    # non-ASCII text (emoji, RTL) in an article
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(content)
        return
    sys.stdout.flush()
    buffer.write(content.encode("utf-8"))
    buffer.flush()
