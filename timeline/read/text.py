"""Plain-text articles: the text from the file, the metadata from a sidecar
``NAME.json`` beside it (publication date, title, source, url) or from the
command line."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from timeline.errors import InputError
from timeline.model import Article


def parse_published(value: str | date | datetime, *, location: str | None = None) -> date | datetime:
    """Accept a date, a datetime or an ISO string (date or date-time)."""
    if isinstance(value, (date, datetime)):
        return value
    text = str(value).strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(
            f"malformed publication date {value!r}: expected YYYY-MM-DD", location=location
        ) from None


def decode_bytes(data: bytes, *, location: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is an error."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-16 ({exc.reason})", location=location) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte {exc.start}): convert the file to UTF-8", location=location
        ) from None


def read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata for ``dir/name.txt`` from ``dir/name.json`` if present."""
    meta = path.with_suffix(".json")
    if not meta.is_file():
        return {}
    try:
        data = json.loads(meta.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"unreadable metadata file: {exc}", location=str(meta)) from None
    if not isinstance(data, dict):
        raise InputError("metadata file must hold a JSON object", location=str(meta))
    return data


def read_text_file(path: Path, published: str | date | datetime | None = None) -> Article:
    """One ``.txt`` article.  ``published`` (the command line) wins over the sidecar."""
    location = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", location=location) from None
    text = decode_bytes(data, location=location)
    meta = read_sidecar(path)
    when = published if published is not None else meta.get("published")
    return Article(
        text=text,
        published=parse_published(when, location=location) if when is not None else None,
        id=str(meta.get("id") or path.stem),
        title=meta.get("title"),
        url=meta.get("url"),
        source=meta.get("source") or location,
        location=location,
    )


def read_stdin(published: str | date | datetime | None) -> Article:
    location = "<stdin>"
    text = decode_bytes(sys.stdin.buffer.read(), location=location)
    return Article(
        text=text,
        published=parse_published(published, location=location) if published is not None else None,
        id="stdin",
        source=location,
        location=location,
    )
