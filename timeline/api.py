"""The Python API: the same pipeline the command line uses.

>>> import timeline
>>> doc = timeline.extract("The talks ended on Tuesday.", "2017-11-02")
>>> [(t.text, t.value) for t in doc.timexes]
[('Tuesday', '2017-10-31')]

One :class:`~timeline.pipeline.Pipeline` is kept per :class:`Settings`, so
repeated calls do not reload the spaCy model or the language data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Literal, TypeAlias

from timeline.errors import (
    InputError, MissingPublicationDate, SettingsError, TimelineError, bugs_as_processing_errors, printable,
)
from timeline.model import Article, Document
from timeline.pipeline import Pipeline
from timeline.read.records import LONGEST_DATE, Record, RecordError, parse_record_date
from timeline.read.text import parse_published
from timeline.settings import Settings

__all__ = ["extract", "extract_many", "to_article", "Published", "RecordLike", "OnError"]

#: What ``published`` accepts: a date, a naive or aware datetime, or an ISO string.
Published: TypeAlias = date | datetime | str
#: One input of :func:`extract_many`: an Article, a mapping, or any object with
#: ``text`` and ``published`` attributes (``title``, ``url``, ``id``, ``source`` optional).
RecordLike: TypeAlias = Article | Mapping[str, Any] | object
#: What :func:`extract_many` does with a record it cannot process.
OnError: TypeAlias = Literal["raise", "skip"] | Callable[[TimelineError], None]

_log = logging.getLogger("timeline")
_FIELDS = ("text", "published", "id", "title", "url", "source")


@lru_cache(maxsize=8)
def _pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


def extract(
    text: str,
    published: Published,
    *,
    title: str | None = None,
    url: str | None = None,
    id: str | None = None,
    settings: Settings | None = None,
) -> Document:
    """Find, resolve and date the temporal expressions of one article.

    ``published`` is the publication date relative expressions are resolved
    against: a :class:`~datetime.date`, a :class:`~datetime.datetime` (naive
    or timezone-aware: it is kept as ``Document.published_at`` and its zone
    is used for TIME values) or an ISO 8601 string (``"2017-11-02"``,
    ``"2017-11-02T09:30:00-05:00"``).

    Raises :class:`~timeline.errors.MissingPublicationDate` when
    ``published`` is ``None`` and :class:`~timeline.errors.InputError` when
    ``text`` is not a string or ``published`` cannot be read.

    >>> from datetime import date
    >>> doc = extract("The talks ended on Tuesday.", date(2017, 11, 2))
    >>> [(t.text, t.value, t.start, t.end) for t in doc.timexes]
    [('Tuesday', '2017-10-31', 19, 26)]
    """
    article = _article(text, published, id=id, title=title, url=url, source=None, location=None)
    with bugs_as_processing_errors():
        return _pipeline(settings or Settings()).process(article)


def to_article(record: RecordLike, *, location: str | None = None) -> Article:
    """Turn a record (Article, mapping or object) into a validated :class:`Article`.

    Mappings are read by key and other objects by attribute: ``text`` and
    ``published`` are required, ``id``, ``title``, ``url`` and ``source`` are
    optional.  As in corpus files, ``date`` stands in for a missing
    ``published`` and a date string may also read ``"November 2, 2017"``, so
    rows of ``csv.DictReader`` work as they are.  Errors name ``location``
    (e.g. ``"record 3"``).
    """
    if isinstance(record, Article):
        fields: dict[str, Any] = {name: getattr(record, name) for name in _FIELDS}
        location = record.location or location
    elif isinstance(record, Mapping):
        fields = {name: record.get(name) for name in _FIELDS}
    elif isinstance(record, (str, bytes)):
        raise InputError(
            "a record must be a mapping or an object with text and published, not a bare string",
            location=location,
        )
    else:
        fields = {name: getattr(record, name, None) for name in _FIELDS}
    if not isinstance(record, Article):
        if fields["published"] is None:  # corpora's usual column name
            fields["published"] = record.get("date") if isinstance(record, Mapping) else getattr(record, "date", None)
        if location is not None and fields["id"] is not None:
            location = f"{location} (id {fields['id']!s:.60})"
    optional = {name: _optional_str(fields[name], name, location) for name in ("id", "title", "url", "source")}
    return _article(fields["text"], fields["published"], location=location, read_date=_record_date, **optional)



def extract_many(
    records: Iterable[RecordLike],
    *,
    workers: int = 1,
    settings: Settings | None = None,
    on_error: OnError = "raise",
    scheduler: str | None = None,
) -> Iterator[Document]:
    """Process many records lazily, yielding one :class:`Document` per good
    record, in input order.

    ``records`` are :class:`Article` objects, mappings, or objects with
    ``text`` and ``published`` (``title``, ``url``, ``id``, ``source``
    optional; see :func:`to_article`).  ``workers`` > 1 processes them in
    parallel (the spaCy model loaded once per worker); the output is the same.
    ``scheduler`` runs them on a Dask cluster instead: a scheduler address
    (``"tcp://host:8786"``) or ``"local"`` (a ``LocalCluster`` of ``workers``
    processes); the output is the same again.

    A bad record (no text, missing or malformed ``published``) is a
    :class:`~timeline.errors.TimelineError` whose ``location`` is
    ``"record N"`` (N counts from 0) or the article's own location.  With
    ``on_error="raise"`` (the default) it is raised when the iteration reaches
    that record, after every document before it has been yielded;
    ``"skip"`` logs it on the ``timeline`` logger and goes on; a callable
    receives each error and the record is skipped.  An article the pipeline
    fails on (a bug) is handled the same way, as a
    :class:`~timeline.errors.ProcessingError`.

    Document ids are unique within one call: a repeated id gets ``-2``,
    ``-3``... appended.  Workers are forked processes; where there is no
    fork (Windows), guard the call with ``if __name__ == "__main__":``.
    """
    from timeline.corpus import process_records

    settings = (settings or Settings()).with_(workers=workers, scheduler=scheduler)
    handle = _error_handler(on_error)
    results = process_records(_articles_or_errors(records), settings)
    try:
        for result in results:
            if isinstance(result, Document):
                yield result
                continue
            error = result.exception()
            if handle is None:
                raise error
            handle(error)
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stops the worker processes when the caller stops early


def _articles_or_errors(records: Iterable[RecordLike]) -> Iterator[Record]:
    """Each record as an Article, or the RecordError the corpus runner passes through."""
    for index, record in enumerate(records):
        location = f"record {index}"
        try:
            yield to_article(record, location=location)
        except TimelineError as error:
            yield RecordError.from_exception(error, location)


def _error_handler(on_error: OnError) -> Callable[[TimelineError], None] | None:
    """None means raise; otherwise the function that receives skipped errors."""
    if callable(on_error):
        return on_error
    if on_error == "skip":
        return _log_skipped
    if on_error == "raise":
        return None
    raise SettingsError(f"on_error must be 'raise', 'skip' or a callable, not {on_error!r}")


def _log_skipped(error: TimelineError) -> None:
    _log.warning("skipped %s", printable(str(error)))


def _article(
    text: object,
    published: object,
    *,
    location: str | None,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    read_date: Callable[[str, str | None], date | datetime] | None = None,
) -> Article:
    """Validate the user's values at the boundary so that errors are ours and clear."""
    if not isinstance(text, str):
        hint = " (decode bytes first)" if isinstance(text, (bytes, bytearray)) else ""
        raise InputError(f"text must be a str, not {type(text).__name__}{hint}", location=location)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # spaCy cannot hash it: say so here, clearly
        raise InputError(f"text holds an unpaired surrogate at character {exc.start}", location=location) from None
    if published is None or published == "":
        raise MissingPublicationDate(
            "no publication date: pass published= (a date, datetime or ISO string)", location=location
        )
    if not isinstance(published, (str, date)):
        raise InputError(
            f"published must be a date, datetime or ISO string, not {type(published).__name__}",
            location=location,
        )
    if isinstance(published, str) and len(published) > LONGEST_DATE:  # junk: refused before any parser
        raise InputError(f"publication date too long ({len(published)} characters)", location=location)
    if not isinstance(published, str):
        day: date | datetime = published
    elif read_date is None:
        day = parse_published(published, location=location)
    else:
        day = read_date(published, location)
    return Article(text=text, published=day, id=id, title=title, url=url, source=source, location=location)


def _record_date(text: str, location: str | None) -> date | datetime:
    """ISO, or the date forms corpus files use ("November 2, 2017 ")."""
    try:
        return parse_record_date(text)
    except InputError as error:
        raise InputError(error.reason, location=location) from None


def _optional_str(value: object, name: str, location: str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"{name} must be a string, not {type(value).__name__}", location=location)
