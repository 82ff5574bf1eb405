"""The Python API: the same pipeline the command line uses."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Iterable, Iterator, Mapping

from timeline.model import Article, Document
from timeline.pipeline import Pipeline
from timeline.read.text import parse_published
from timeline.settings import Settings


def extract(
    text: str,
    published: date | datetime | str,
    *,
    title: str | None = None,
    url: str | None = None,
    id: str | None = None,
    settings: Settings | None = None,
) -> Document:
    """Find, resolve and date the temporal expressions of one article.

    >>> from datetime import date
    >>> doc = extract("The talks ended on Tuesday.", date(2017, 11, 2))
    >>> [(t.text, t.value) for t in doc.timexes]
    [('Tuesday', '2017-10-31')]
    """
    article = Article(text=text, published=parse_published(published), id=id, title=title, url=url)
    return Pipeline(settings).process(article)


def _as_article(record: Article | Mapping[str, Any] | Any) -> Article:
    if isinstance(record, Article):
        return record
    get = record.get if isinstance(record, Mapping) else (lambda k, d=None: getattr(record, k, d))
    published = get("published")
    return Article(
        text=str(get("text", "") or ""),
        published=parse_published(published) if published is not None else None,
        id=get("id"), title=get("title"), url=get("url"), source=get("source"),
    )


def extract_articles(articles: Iterable[Article], *, settings: Settings | None = None) -> Iterator[Document]:
    yield from Pipeline(settings).process_many(articles)


def extract_many(
    records: Iterable[Article | Mapping[str, Any] | Any], *, workers: int = 1, settings: Settings | None = None
) -> Iterator[Document]:
    """Process many records (dicts or objects with text/published/title/url)."""
    settings = (settings or Settings()).with_(workers=workers)
    yield from extract_articles((_as_article(r) for r in records), settings=settings)
