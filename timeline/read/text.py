"""Plain-text articles: the text from the file, the metadata from a sidecar
``NAME.json`` beside it (publication date, title, source, url) or from the
command line."""

from __future__ import annotations

import codecs
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from timeline.errors import InputError
from timeline.model import Article
from timeline.read.limits import load_json, refuse_device


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


# Decoding rule (first that applies):
#   1. a byte-order mark decides: UTF-8, UTF-32 (LE/BE), UTF-16 (LE/BE);
#   2. bytes with NULs: UTF-16 without BOM when every other byte is mostly
#      NUL (ASCII-heavy text as UTF-16), else binary (error);
#   3. strict UTF-8;
#   4. Windows-1252 (a superset of printable Latin-1) only when the bytes are
#      plausibly Western text: no NUL or other control bytes, no broken
#      UTF-8 sequences (a sign of mixed encodings), and the non-ASCII
#      characters are letters or typographic punctuation in short runs;
#   5. otherwise an InputError naming the file and the first bad byte.
# Text that decodes (UTF-16/32) to NUL characters is treated as binary (error).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# a well-formed multi-byte UTF-8 sequence: its presence in undecodable bytes
# means a broken or mixed file, not Latin-1
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# non-ASCII characters allowed in legacy-encoded text, and how many in a row
_LEGACY_PUNCTUATION = frozenset("\u00a0\u00a3\u00a7\u00a9\u00ab\u00ae\u00b0\u00b4\u00b7\u00bb"
                                "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u20ac\u2122")
MAX_LEGACY_RUN = 2


def decode_bytes(data: bytes, *, location: str) -> str:
    """Decode an article file (see the rule above) or raise :class:`InputError`."""
    text = _decode(data, location)
    if "\x00" in text:
        raise InputError("looks like a binary file (NUL characters): not a text article", location=location)
    return text


def _decode(data: bytes, location: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {codec.upper()} ({exc.reason})", location=location) from None
    if b"\x00" in data:  # UTF-8 and Latin-1 text never holds NUL bytes
        guessed = _utf16_without_bom(data)
        if guessed is None:
            raise InputError("looks like a binary file (NUL bytes): not a text article", location=location)
        return guessed
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    legacy = _plausible_cp1252(data)
    if legacy is not None:
        return legacy
    raise InputError(
        f"not valid UTF-8 (byte {first_bad}: {data[first_bad:first_bad + 1]!r}) and not plausibly "
        "UTF-16 or Latin-1/Windows-1252: convert the file to UTF-8",
        location=location,
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """ASCII-heavy UTF-16 has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    for codec, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if zeros.count(0) >= 0.6 * len(zeros):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _plausible_cp1252(data: bytes) -> str | None:
    if _CONTROL_BYTES.search(data) or _UTF8_SEQUENCE.search(data):
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined
        return None
    run = 0
    for char in text:
        if char < "\x80":
            run = 0
            continue
        run += 1
        if run > MAX_LEGACY_RUN or not (char.isalpha() or char in _LEGACY_PUNCTUATION):
            return None
    return text


def read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata for ``dir/name.txt`` from ``dir/name.json`` if present."""
    meta = path.with_suffix(".json")
    if not meta.is_file():
        return {}
    try:
        data = load_json(read_bytes(meta).decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"unreadable metadata file: {exc}", location=str(meta)) from None
    except InputError as exc:
        raise InputError(f"unreadable metadata file: {exc.reason}", location=str(meta)) from None
    if not isinstance(data, dict):
        raise InputError("metadata file must hold a JSON object", location=str(meta))
    return data


def read_bytes(path: Path) -> bytes:
    """The raw bytes of an input file; an unreadable file is an InputError naming it.

    Devices (``/dev/zero``, ``/dev/urandom``: endless) and sockets are refused;
    regular files and pipes (``<(command)``, FIFOs) are read.
    """
    refuse_device(path, location=str(path))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", location=str(path)) from None


def read_text_file(path: Path, published: str | date | datetime | None = None) -> Article:
    """One ``.txt`` article.  ``published`` (the command line) is the date
    when the sidecar gives none.  An empty article is an error, as an empty
    CSV row is: there is nothing to date."""
    location = str(path)
    text = decode_bytes(read_bytes(path), location=location)
    if not text.strip():
        raise InputError("empty article: no text", location=location)
    meta = read_sidecar(path)
    when = meta.get("published") if meta.get("published") is not None else published
    return Article(
        text=text,
        published=parse_published(when, location=location) if when is not None else None,
        id=sidecar_text(meta, "id", location) or path.stem,
        title=sidecar_text(meta, "title", location),
        url=sidecar_text(meta, "url", location),
        source=sidecar_text(meta, "source", location) or location,
        location=location,
    )


def sidecar_text(meta: dict[str, Any], key: str, location: str) -> str | None:
    """A metadata field as text: strings and numbers only (a list or object is a mistake)."""
    value = meta.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InputError(f"metadata field {key!r} must be text, not {type(value).__name__}", location=location)
    return str(value)


def read_stdin(published: str | date | datetime | None) -> Article:
    location = "<stdin>"
    text = decode_bytes(sys.stdin.buffer.read(), location=location)
    if not text.strip():
        raise InputError("empty article: no text", location=location)
    return Article(
        text=text,
        published=parse_published(published, location=location) if published is not None else None,
        id="stdin",
        source=location,
        location=location,
    )
