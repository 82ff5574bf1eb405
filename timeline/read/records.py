"""Record files: CSV with a header row, and JSON Lines, one article per row.

Both readers stream (one record in memory at a time) and never stop at a bad
record: a row with no text, no or an unreadable date, or bytes that are not
UTF-8 becomes a :class:`RecordError` naming ``file:line``, and reading goes
on with the next row.  Only a problem with the whole file (cannot be opened,
no header, a named column missing) raises :class:`~timeline.errors.InputError`.
"""

from __future__ import annotations

import csv
import io
import re
import reprlib
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import IO, Any, Iterable, Iterator, Mapping

from timeline.errors import InputError, MissingPublicationDate, ProcessingError, TimelineError
from timeline.model import Article
from timeline.read.limits import (
    DEFAULT_MAX_RECORD_BYTES, BoundedLines, RecordTooLarge, by_line, load_json, too_large_message,
)
from timeline.read.text import parse_published

# undecodable bytes survive reading as lone surrogates (errors="surrogateescape")
_UNDECODABLE = re.compile("[\udc80-\udcff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# "Wednesday, 22 November 2017 14:05:00 +0000" is 43: longer is not a date
LONGEST_DATE = 100
# a record's metadata fields longer than this are not kept in Article.extra
_MAX_EXTRA_CHARS = 200


@dataclass(frozen=True, slots=True)
class RecordError:
    """A record (or a whole input) that could not be read or processed."""

    location: str
    message: str
    # the TimelineError subclass it stands for: InputError, MissingPublicationDate...
    kind: str = "InputError"

    @classmethod
    def from_exception(cls, error: BaseException, location: str | None) -> "RecordError":
        if isinstance(error, TimelineError):
            return cls(error.location or location or "?", error.reason or str(error),
                       type(error).__name__)
        return cls(location or "?", f"processing failed: {type(error).__name__}: {error}", "ProcessingError")

    def exception(self) -> TimelineError:
        """The error as an exception of its original kind (for callers that raise)."""
        kinds: dict[str, type[TimelineError]] = {
            "InputError": InputError, "MissingPublicationDate": MissingPublicationDate,
            "ProcessingError": ProcessingError,
        }
        return kinds.get(self.kind, TimelineError)(self.message, location=self.location)

    def to_dict(self) -> dict[str, str]:
        return {"location": self.location, "message": self.message, "kind": self.kind}

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


Record = Article | RecordError


@dataclass(frozen=True, slots=True)
class RecordFields:
    """Which column (CSV) or key (JSON Lines) holds each part of an article.

    ``None`` means the default name, looked up only if present; a name given
    explicitly must exist in the file.  The date defaults to ``date`` then
    ``published`` (CSV) or ``published`` then ``date`` (JSON Lines).
    """

    text: str | None = None
    date: str | None = None
    title: str | None = None
    id: str | None = None
    url: str | None = None

    def names(self, date_defaults: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        return {
            "text": (self.text,) if self.text else ("text",),
            "date": (self.date,) if self.date else date_defaults,
            "title": (self.title,) if self.title else ("title",),
            "id": (self.id,) if self.id else ("id",),
            "url": (self.url,) if self.url else ("url",),
        }

    def explicit(self) -> dict[str, str]:
        given = {"text": self.text, "date": self.date, "title": self.title, "id": self.id, "url": self.url}
        return {part: name for part, name in given.items() if name}


@lru_cache(maxsize=1)
def _date_formats() -> tuple[str, ...]:
    raw = resources.files("timeline.read").joinpath("data/date_formats.txt").read_text("utf-8")
    return tuple(line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=4096)
def parse_record_date(value: str) -> date | datetime:
    """A publication date as corpora write it: ISO, ``"November 2, 2017 "``,
    ``"19-Feb-18"``..., else whatever absolute date dateparser reads.
    Cached: a corpus repeats the same few hundred dates."""
    text = " ".join(value.split())
    if len(text) > LONGEST_DATE:  # junk, not a date: do not hand it to dateparser
        raise InputError(f"publication date too long ({len(text)} characters): {reprlib.repr(text)}")
    try:
        return parse_published(text)
    except InputError:
        pass
    for fmt in _date_formats():
        try:
            moment = datetime.strptime(text, fmt)
            return moment if "%H" in fmt else moment.date()
        except ValueError:
            continue
    import dateparser

    # absolute dates only: "yesterday" must not resolve against today's date
    found = dateparser.parse(text, languages=["en"], settings={
        "PARSERS": ["custom-formats", "absolute-time"], "STRICT_PARSING": True,
        "RETURN_AS_TIMEZONE_AWARE": False,
    })
    if found is None:
        raise InputError(f"unreadable publication date {reprlib.repr(value)}")
    return found.date() if (found.hour, found.minute, found.second) == (0, 0, 0) else found


def build_article(
    values: Mapping[str, Any],
    names: Mapping[str, tuple[str, ...]],
    *,
    location: str,
    published: str | date | datetime | None,
) -> Record:
    """One record's values -> an Article, or the RecordError saying what is wrong."""

    def first(part: str) -> Any:
        for name in names[part]:
            if values.get(name) not in (None, ""):
                return values[name]
        return None

    text = first("text")
    if not isinstance(text, str) or not text.strip():
        what = "no text" if text in (None, "") or isinstance(text, str) else f"text is a {type(text).__name__}"
        return RecordError(location, f"{what} (column/key {names['text'][0]!r})")
    for part in ("text", "title", "id", "url"):
        value = first(part)
        if isinstance(value, str) and _LONE_SURROGATE.search(value):
            # JSON "\ud800" escapes: spaCy and every writer would fail on it later
            return RecordError(location, f"{part} holds an unpaired surrogate (broken escape or encoding)")
    raw_date = first("date")
    try:
        if raw_date is not None:
            when: date | datetime | None = parse_record_date(str(raw_date))
        elif published is not None:
            when = parse_published(published, location="--published")
        else:
            return RecordError(location, f"no publication date (column/key {names['date'][0]!r}): "
                                         "fill it in or give one with --published", "MissingPublicationDate")
    except InputError as exc:
        return RecordError(location, exc.reason or str(exc))
    used = {name for part in names for name in names[part]}
    extra = tuple(
        (str(k), str(v)) for k, v in values.items()
        if k not in used and v not in (None, "") and len(str(v)) <= _MAX_EXTRA_CHARS
    )
    ident, title, url = first("id"), first("title"), first("url")
    return Article(
        text=text, published=when, id=None if ident is None else str(ident),
        title=None if title is None else str(title).strip(), url=None if url is None else str(url),
        source=str(values.get("source") or location), location=location, extra=extra,
    )


def _text_lines(stream: IO[bytes], limit: int) -> tuple[Iterable[str], BoundedLines[Any]]:
    """The decoded lines, and the bounded reader under them (its line count)."""
    peek = getattr(stream, "peek", None)
    head = peek(2)[:2] if peek else b""
    if head in _UTF16_BOMS:
        # characters, not bytes: UTF-16 text takes about twice the bytes
        text = BoundedLines(io.TextIOWrapper(stream, encoding="utf-16", newline=""), limit)
        return text, text
    lines = BoundedLines(stream, limit)
    return _LineDecoder(lines), lines


class _LineDecoder:
    """Lines of a UTF-8 byte stream, bad bytes kept as surrogates (flagged
    per record); an iterator class, not a generator, so that it survives
    the RecordTooLarge of one line."""

    def __init__(self, lines: BoundedLines[bytes]) -> None:
        self.lines = lines

    def __iter__(self) -> "_LineDecoder":
        return self

    def __next__(self) -> str:
        raw = next(self.lines)
        if self.lines.count == 1:
            raw = raw.removeprefix(_UTF8_BOM)
        return raw.decode("utf-8", "surrogateescape")


def read_csv(
    stream: IO[bytes], name: str, *, fields: RecordFields = RecordFields(),
    published: str | date | datetime | None = None, max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
) -> Iterator[Record]:
    """Records of a CSV file with a header row; locations are ``name:line``
    (the line the record starts on, the header being line 1).  A record
    longer than ``max_record_bytes`` is skipped (see :mod:`.limits`)."""
    _limit_fields(max_record_bytes)
    text_lines, lines = _text_lines(stream, max_record_bytes)
    reader = csv.reader(text_lines)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("empty file: a CSV needs a header row", location=name) from None
    except (csv.Error, RecordTooLarge) as exc:
        raise InputError(f"malformed CSV header: {exc}", location=name) from None
    header = [h.strip() for h in header]
    names = fields.names(("date", "published"))
    _check_columns(header, names, fields, published, name)
    for location, row in by_line(lambda: _next_row(reader), lines, name):
        if isinstance(row, RecordTooLarge):
            yield RecordError(location, str(row))
            continue
        if isinstance(row, csv.Error):
            if "field larger than field limit" not in str(row):
                yield RecordError(location, f"malformed CSV: {row}")
                continue
            yield RecordError(location, too_large_message(max_record_bytes + 1, max_record_bytes))
            _skip_quoted_field(text_lines)
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # blank line: not a record
        size = sum(map(len, row))
        if size > max_record_bytes:
            yield RecordError(location, too_large_message(size, max_record_bytes))
            continue
        if len(row) != len(header):
            yield RecordError(location, f"{len(row)} fields where the header has {len(header)} "
                                        "(unbalanced quotes?)")
            continue
        if any(_UNDECODABLE.search(cell) for cell in row):
            yield RecordError(location, "not valid UTF-8: convert the file to UTF-8")
            continue
        yield build_article(dict(zip(header, row)), names, location=location, published=published)


def read_jsonl(
    stream: IO[bytes], name: str, *, fields: RecordFields = RecordFields(),
    published: str | date | datetime | None = None, max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
) -> Iterator[Record]:
    """Records of a JSON Lines file ({id, title, text, published, url} per
    line); locations are ``name:line``.  A line longer than
    ``max_record_bytes``, nested too deeply or holding a number too long to
    convert is a bad record (see :mod:`.limits`)."""
    names = fields.names(("published", "date"))
    lines = BoundedLines(stream, max_record_bytes)
    for location, raw in by_line(lines.__next__, lines, name):
        if isinstance(raw, RecordTooLarge):
            yield RecordError(location, str(raw))
            continue
        if lines.count == 1:
            raw = raw.removeprefix(_UTF8_BOM)
        if not raw.strip():
            continue
        try:
            values = load_json(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield RecordError(location, f"not valid UTF-8 (byte {exc.start}): convert the file to UTF-8")
            continue
        except InputError as exc:
            yield RecordError(location, exc.reason or str(exc))
            continue
        if not isinstance(values, dict):
            yield RecordError(location, f"a line must hold a JSON object, not {type(values).__name__}")
            continue
        missing = [key for part, key in fields.explicit().items() if part != "date" and key not in values]
        if missing:
            yield RecordError(location, f"no key {missing[0]!r}")
            continue
        yield build_article(values, names, location=location, published=published)


def _next_row(reader: Iterator[list[str]]) -> list[str] | csv.Error:
    try:
        return next(reader)
    except csv.Error as exc:  # a record of its own: reading goes on after it
        return exc


def _skip_quoted_field(lines: Iterable[str]) -> None:
    """Drop the lines up to the one that closes the quoted field csv gave up
    on (the first with an odd number of quotes: ``""`` escapes come in
    pairs), so that its remaining lines are not read as records."""
    lines = iter(lines)
    while True:
        try:
            if next(lines).count('"') % 2:
                return
        except RecordTooLarge:
            continue
        except StopIteration:
            return


def _check_columns(
    header: list[str], names: Mapping[str, tuple[str, ...]], fields: RecordFields,
    published: object, location: str,
) -> None:
    """A file without the columns it needs fails as a whole, not row by row."""
    columns = ", ".join(header)
    for name in fields.explicit().values():
        if name not in header:
            raise InputError(f"no column {name!r} (columns: {columns})", location=location)
    for part in ("text",) + (() if published is not None else ("date",)):
        if not any(n in header for n in names[part]):
            hint = f"--{part}-column" + (" or --published" if part == "date" else "")
            raise InputError(f"no column {names[part][0]!r} (columns: {columns}): name it with {hint}",
                             location=location)


def _limit_fields(max_record_bytes: int) -> None:
    # csv's 128 KiB default is too small for article texts; the record limit
    # bounds a quoted field spread over many lines (csv keeps one limit per process)
    csv.field_size_limit(max_record_bytes)
