"""Write a timeline in one or more formats to stdout, a file or a folder."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from timeline.errors import ExportError

if TYPE_CHECKING:
    from timeline.assemble import Timeline

# file names used when several formats go into one folder
FILE_NAMES = {
    "json": "timeline.json",
    "timeml": "timeline.tml",
    "html": "timeline.html",
    "ics": "timeline.ics",
    "timelinejs": "timeline.timelinejs.json",
}


def renderer(fmt: str) -> Callable[["Timeline"], str]:
    def render(timeline: "Timeline") -> str:
        method = getattr(timeline, f"to_{fmt}", None)
        if method is None:
            raise ExportError(f"format {fmt!r} is not available")
        result: str = method()
        return result

    return render


def parse_formats(value: str) -> list[str]:
    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FILE_NAMES]
    if not formats or unknown:
        raise ExportError(f"unknown format {', '.join(unknown) or value!r}: choose from {', '.join(FILE_NAMES)}")
    return formats


def write_outputs(timeline: "Timeline", formats: list[str], output: str | None) -> list[Path]:
    """Render each format; return the files written (none for stdout)."""
    if output is None or output == "-":
        if len(formats) > 1:
            raise ExportError("several formats need --output DIR")
        sys.stdout.write(renderer(formats[0])(timeline))
        return []
    target = Path(output)
    as_dir = len(formats) > 1 or target.is_dir() or output.endswith(("/", "\\"))
    written: list[Path] = []
    try:
        if as_dir:
            target.mkdir(parents=True, exist_ok=True)
            for fmt in formats:
                path = target / FILE_NAMES[fmt]
                _write(path, renderer(fmt)(timeline))
                written.append(path)
        else:
            if target.parent and not target.parent.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
            _write(target, renderer(formats[0])(timeline))
            written.append(target)
    except OSError as exc:
        raise ExportError(f"{output}: cannot write output: {exc.strerror or exc}") from None
    return written


def _write(path: Path, content: str) -> None:
    # newline="" keeps CRLF line ends the iCalendar format requires
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(content)
