"""Turn command-line inputs (files, folders, ``-``) into articles."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Iterator

from timeline.errors import InputError
from timeline.model import Article
from timeline.read.text import read_stdin, read_text_file
from timeline.read.timeml import read_timeml

# suffixes read when a folder is given
ARTICLE_SUFFIXES = (".txt", ".tml")


def expand_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """Folders become the article files inside them (sorted); ``-`` stays."""
    for item in inputs:
        path = Path(item)
        if item != "-" and path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in ARTICLE_SUFFIXES and p.is_file())
            yield from (str(p) for p in found)
        else:
            yield item


def read_input(item: str, published: str | date | datetime | None = None) -> Iterator[Article]:
    if item == "-":
        yield read_stdin(published)
        return
    path = Path(item)
    if not path.exists():
        raise InputError("no such file", location=item)
    if path.suffix in (".tml", ".xml"):
        doc = read_timeml(path)
        article = doc.article()
        yield article if published is None else _with_published(article, published, item)
    else:
        yield read_text_file(path, published)


def _with_published(article: Article, published: str | date | datetime, location: str) -> Article:
    from dataclasses import replace

    from timeline.read.text import parse_published

    return replace(article, published=parse_published(published, location=location))


def iter_articles(inputs: Iterable[str], published: str | date | datetime | None = None) -> Iterator[Article]:
    for item in expand_inputs(inputs):
        yield from read_input(item, published)
