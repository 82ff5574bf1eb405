"""HTML article pages: the main text with trafilatura (no menus, footers or
comments), the publication date with htmldate when none is given.

The date given on the command line wins, then a sidecar ``NAME.json``
(like ``.txt`` articles), then the date htmldate finds in the page.  A page
with no article text, or bytes in no declared encoding, is an
:class:`~timeline.errors.InputError` naming the file.
"""

from __future__ import annotations

import codecs
import re
from datetime import date, datetime
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
    when = published if published is not None else meta.get("published")
    if when is None:
        when = _page_date(page)
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


def _page_date(page: str) -> str | None:
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
