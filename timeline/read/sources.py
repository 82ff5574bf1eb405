"""Turn command-line inputs (files, folders, globs, ``-``) into articles.

Each input's format comes from its suffix (or ``input_format`` for ``-`` and
odd suffixes): ``.txt`` (+ sidecar ``.json``), ``.tml``, ``.html``/``.htm``
hold one article; ``.csv`` and ``.jsonl`` hold many records.

:func:`iter_articles` raises at the first problem (one-article runs);
:func:`iter_records` is for corpora: it yields a
:class:`~timeline.read.records.RecordError` for a bad record or an
unreadable file and goes on.
"""

from __future__ import annotations

import glob
import sys
from datetime import date, datetime
from pathlib import Path
from typing import IO, Iterable, Iterator

from timeline.errors import InputError
from timeline.model import Article
from timeline.read.limits import DEFAULT_MAX_RECORD_BYTES, refuse_device
from timeline.read.records import Record, RecordError, RecordFields, read_csv, read_jsonl
from timeline.read.text import read_stdin, read_text_file
from timeline.read.timeml import read_timeml_documents

# suffix -> format; folders are searched for these suffixes
FORMATS_BY_SUFFIX = {
    ".txt": "txt", ".tml": "tml", ".html": "html", ".htm": "html",
    ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl",
}
INPUT_FORMATS = ("txt", "tml", "html", "csv", "jsonl")
ONE_ARTICLE_FORMATS = ("txt", "tml", "html")
ARTICLE_SUFFIXES = tuple(FORMATS_BY_SUFFIX)
_GLOB_CHARS = frozenset("*?[")


def is_pattern(item: str) -> bool:
    return item != "-" and bool(_GLOB_CHARS & set(item)) and not Path(item).exists()


def expand_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """Folders become the article files inside them (sorted), globs the files
    they match (sorted); ``-`` and plain paths stay."""
    for item in inputs:
        if is_pattern(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError("no file matches this pattern", location=item)
            yield from expand_inputs(m for m in matches if Path(m).is_dir() or _known(m))
        elif item != "-" and Path(item).is_dir():
            found = sorted(p for p in Path(item).rglob("*") if _known(str(p)) and p.is_file())
            yield from (str(p) for p in found)
        else:
            yield item


def input_format(item: str, forced: str | None = None) -> str:
    """The format of one input: ``forced`` if given, else from its suffix
    (unknown suffixes are plain text; stdin is what its first line shows:
    JSON Lines, CSV with a header, else plain text)."""
    if forced is not None:
        if forced not in INPUT_FORMATS:
            raise InputError(f"unknown input format {forced!r}: choose from {', '.join(INPUT_FORMATS)}")
        return forced
    if item == "-":
        from timeline.read.sniff import sniff_stream

        return sniff_stream(getattr(sys.stdin, "buffer", None))
    suffix = Path(item).suffix.lower()
    return "tml" if suffix == ".xml" else FORMATS_BY_SUFFIX.get(suffix, "txt")


def is_one_article_run(inputs: list[str], forced: str | None = None) -> bool:
    """One input that holds one article: any problem with it ends the run
    (exit 2, nothing written), as opposed to a corpus that skips bad records."""
    if len(inputs) != 1:
        return False
    item = inputs[0]
    if is_pattern(item) or (item != "-" and Path(item).is_dir()):
        return False
    return input_format(item, forced) in ONE_ARTICLE_FORMATS


def read_input(item: str, published: str | date | datetime | None = None) -> Iterator[Article]:
    """The articles of one input; raises at the first problem."""
    for record in _read(item, published, RecordFields(), None, DEFAULT_MAX_RECORD_BYTES):
        if isinstance(record, RecordError):
            raise record.exception()
        yield record


def iter_articles(inputs: Iterable[str], published: str | date | datetime | None = None) -> Iterator[Article]:
    for item in expand_inputs(inputs):
        yield from read_input(item, published)


def iter_records(
    inputs: Iterable[str],
    published: str | date | datetime | None = None,
    *,
    fields: RecordFields = RecordFields(),
    forced_format: str | None = None,
    fatal_input_errors: bool = False,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
    published_override: date | datetime | None = None,
) -> Iterator[Record]:
    """Every record of every input, in order: an Article, or a RecordError
    for a bad record or an unreadable input (raised instead when
    ``fatal_input_errors`` and the input was named as such, not found in a
    folder or by a glob: a run over one named file keeps failing loudly).

    ``published`` is the fallback of every article that gives no date of its
    own (a sidecar, a page's markup, a row's date column);
    ``published_override`` replaces every article's date.  A folder with no
    article file in it is a failure (an empty corpus is a mistake).
    A CSV or JSON Lines record over ``max_record_bytes`` is skipped."""
    for given in inputs:
        try:
            items = list(expand_inputs([given]))
            if not items and given != "-" and Path(given).is_dir():
                raise InputError(f"no article files ({', '.join(FORMATS_BY_SUFFIX)}) in this folder",
                                 location=given)
        except InputError as exc:
            if fatal_input_errors:
                raise
            yield RecordError.from_exception(exc, given)
            continue
        for item in items:
            try:
                records = _read(item, published, fields, forced_format, max_record_bytes)
                if published_override is not None:
                    records = (_with_published(r, published_override, item) if isinstance(r, Article) else r
                               for r in records)
                yield from records
            except InputError as exc:
                # a file found in a folder or by a glob is one failure among many
                if fatal_input_errors and item == given:
                    raise
                yield RecordError.from_exception(exc, item)


def _read(
    item: str, published: str | date | datetime | None, fields: RecordFields, forced: str | None,
    max_record_bytes: int,
) -> Iterator[Record]:
    fmt = input_format(item, forced)
    if item == "-":
        refuse_device(location="<stdin>")  # `< /dev/zero`: endless
        if fmt == "txt":
            yield read_stdin(published)
        else:
            yield from _read_stream(sys.stdin.buffer, "<stdin>", fmt, published, fields, max_record_bytes)
        return
    path = Path(item)
    if not path.exists():
        raise InputError("no such file", location=item)
    refuse_device(path, location=item)
    if fmt == "html":
        from timeline.read.html import read_html_file

        yield read_html_file(path, published)
    elif fmt in ("csv", "jsonl"):
        try:
            stream = open(path, "rb")
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror or exc}", location=item) from None
        with stream:
            yield from _read_stream(stream, item, fmt, published, fields, max_record_bytes)
    elif fmt == "tml":  # one document, or the several a TimeML corpus file holds
        for document in read_timeml_documents(path):
            article = document.article()
            yield article if published is None or article.published is not None \
                else _with_published(article, published, item)
    else:
        yield read_text_file(path, published)


def _read_stream(
    stream: IO[bytes], name: str, fmt: str, published: str | date | datetime | None, fields: RecordFields,
    max_record_bytes: int,
) -> Iterator[Record]:
    if fmt == "csv":
        yield from read_csv(stream, name, fields=fields, published=published, max_record_bytes=max_record_bytes)
    elif fmt == "jsonl":
        yield from read_jsonl(stream, name, fields=fields, published=published, max_record_bytes=max_record_bytes)
    elif fmt == "html":
        from timeline.read.html import article_from_html, decode_html

        page = decode_html(stream.read(), location=name)
        yield article_from_html(page, location=name, published=published)
    else:
        raise InputError(f"format {fmt!r} cannot be read from {name}")


def _with_published(article: Article, published: str | date | datetime, location: str) -> Article:
    from dataclasses import replace

    from timeline.read.text import parse_published

    return replace(article, published=parse_published(published, location=location))


def _known(name: str) -> bool:
    return Path(name).suffix.lower() in FORMATS_BY_SUFFIX


__all__ = [
    "ARTICLE_SUFFIXES", "FORMATS_BY_SUFFIX", "INPUT_FORMATS", "expand_inputs", "input_format",
    "is_one_article_run", "iter_articles", "iter_records", "read_input",
]
