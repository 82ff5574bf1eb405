"""HTML article pages: the main text with trafilatura (no menus, footers or
comments), the publication date with htmldate when none is given.

The date of a sidecar ``NAME.json`` (like ``.txt`` articles) wins, then the
page's publication time in its meta tags (``article:published_time``: time
and zone kept), then the day htmldate finds in the markup, then the date
given on the command line (a fallback).  A page
with no article text, or bytes in no declared encoding, is an
:class:`~timeline.errors.InputError` naming the file.
"""

from __future__ import annotations

import codecs
import re
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from timeline.errors import InputError
from timeline.model import Article
from timeline.read.text import decode_bytes, parse_published, read_bytes, read_sidecar, sidecar_text

# <meta charset="..."> or content="text/html; charset=..." in the first bytes
_DECLARED_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEAD_BYTES = 4096


def decode_html(data: bytes, *, location: str) -> str:
    """UTF-8 (with or without BOM), else the charset the page declares, else
    the decoding rule of text files."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    declared = _DECLARED_CHARSET.search(data[:_HEAD_BYTES])
    if declared is None:  # the rule every text input follows (UTF-16, plausible cp1252...)
        return decode_bytes(data, location=location)
    name = declared.group(1).decode("ascii")
    try:
        return data.decode(codecs.lookup(name).name)
    except LookupError:
        raise InputError(f"unknown charset {name!r} declared in the page", location=location) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {name} (byte {exc.start}) although the page declares it "
                         f"(nor UTF-8: byte {utf8_error.start})", location=location) from None


def article_from_html(
    page: str,
    *,
    location: str,
    published: str | date | datetime | None = None,
    meta: dict[str, Any] | None = None,
) -> Article:
    """The article of one HTML page; ``meta`` is sidecar metadata (may be empty)."""
    import trafilatura

    meta = meta or {}
    extracted = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                            include_tables=False)
    text = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
    if not text:
        raise InputError("no article text found in the page (empty or not an article)", location=location)
    # the page's own date wins over --published, which is the fallback
    when = meta.get("published")
    if when is None:
        when = _page_date(page)
    if when is None:
        when = published
    return Article(
        text=text,
        published=parse_published(when, location=location) if when is not None else None,
        id=sidecar_text(meta, "id", location) or Path(location).stem,
        title=sidecar_text(meta, "title", location) or getattr(extracted, "title", None),
        url=sidecar_text(meta, "url", location) or getattr(extracted, "url", None),
        source=sidecar_text(meta, "source", location) or location,
        location=location,
    )


def read_html_file(path: Path, published: str | date | datetime | None = None) -> Article:
    """One ``.html``/``.htm`` article file."""
    location = str(path)
    data = read_bytes(path)
    return article_from_html(decode_html(data, location=location), location=location,
                             published=published, meta=read_sidecar(path))


def _page_date(page: str) -> date | datetime | str | None:
    """The publication time a page's meta tags give (with its zone), else
    the day htmldate finds."""
    return _meta_time(page) or _htmldate(page)


_META_TAG = re.compile(r"<meta\b[^>]{0,2000}>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


@lru_cache(maxsize=1)
def _date_meta_names() -> tuple[str, ...]:
    raw = resources.files("timeline.read").joinpath("data/page_date_meta.txt").read_text("utf-8")
    return tuple(line.strip().lower() for line in raw.splitlines() if line.strip() and not line.startswith("#"))


def _meta_time(page: str) -> date | datetime | None:
    """``<meta property="article:published_time" content="2017-12-18T14:05:00Z">``
    as an aware datetime (or a date); None when no such tag reads as ISO 8601."""
    found: dict[str, str] = {}
    for tag in _META_TAG.finditer(page):
        attributes = {m.group(1).lower(): next(v for v in m.groups()[1:] if v is not None)
                      for m in _ATTRIBUTE.finditer(tag.group(0))}
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        if key and "content" in attributes:
            found.setdefault(key.lower(), attributes["content"])
    for name in _date_meta_names():
        if name in found:
            try:
                return parse_published(found[name])
            except InputError:
                continue
    return None


def _htmldate(page: str) -> str | None:
    """The original publication date htmldate finds in the page's markup
    (meta tags, JSON-LD, time elements, URL).  No extensive search of the
    text: it takes "Copyright 2017" for 2017-01-01, and a wrong date would
    silently shift every relative date; a missing one is reported instead."""
    from htmldate import find_date

    try:
        found: str | None = find_date(page, original_date=True, extensive_search=False,
                                          outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises on pages lxml cannot parse: then there is no date
        return None
    return found
