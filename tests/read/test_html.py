"""HTML article pages: main text via trafilatura, date via htmldate when none is given."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from timeline.errors import InputError
from timeline.model import Article
from timeline.read.html import decode_html, read_html_file
from timeline.read.records import RecordError
from timeline.read.sources import iter_records

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Xi replies to Kim | News</title>
<meta property="og:title" content="Xi replies to Kim">
<meta property="article:published_time" content="2017-11-02T08:30:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World menu link</a></nav>
<article><h1>Xi replies to Kim</h1>
<p>BEIJING (Reuters) - Chinese President Xi Jinping replied on Thursday to a congratulatory message
from North Korean leader Kim Jong Un, state media said, after the party congress last month.</p>
<p>Relations between the two countries have been strained since North Korea carried out its sixth
nuclear test in September, officials said on Tuesday in a statement to reporters.</p></article>
<footer>Copyright 2017 Footer Corp. All rights reserved.</footer></body></html>
"""


def test_main_text_title_and_htmldate_date(tmp_path: Path) -> None:
    page = tmp_path / "xi.html"
    page.write_text(PAGE, encoding="utf-8")
    article = read_html_file(page)
    assert "Xi Jinping replied on Thursday" in article.text
    assert "sixth nuclear test" in " ".join(article.text.split())
    assert "World menu link" not in article.text and "Footer Corp" not in article.text
    assert article.title == "Xi replies to Kim"
    # the meta tag's time and zone are kept (htmldate alone gives the day)
    assert article.published == datetime(2017, 11, 2, 8, 30, tzinfo=timezone.utc)
    assert article.location == str(page) and article.id == "xi"


def test_sidecar_wins_then_page_then_given_date(tmp_path: Path) -> None:
    page = tmp_path / "xi.htm"
    page.write_text(PAGE, encoding="utf-8")
    # --published is a fallback: the page's own date wins over it
    assert read_html_file(page, "2017-11-05").published == datetime(2017, 11, 2, 8, 30, tzinfo=timezone.utc)
    undated = tmp_path / "undated.htm"
    undated.write_text(PAGE.replace("2017-11-02T08:30:00Z", ""), encoding="utf-8")
    assert read_html_file(undated, "2017-11-05").published == date(2017, 11, 5)
    (tmp_path / "xi.json").write_text(json.dumps({"published": "2017-11-04", "title": "T"}), encoding="utf-8")
    article = read_html_file(page)
    assert (article.published, article.title) == (date(2017, 11, 4), "T")


def test_page_without_a_date_has_none(tmp_path: Path) -> None:
    page = tmp_path / "nodate.html"
    page.write_text(PAGE.replace('<meta property="article:published_time" content="2017-11-02T08:30:00Z">', ""),
                    encoding="utf-8")
    assert read_html_file(page).published is None


@pytest.mark.parametrize("content", [
    b"", b"<html><body><div", b"<html><head><title>T</title></head><body><script>x=1;</script></body></html>",
    b"\x00\x01\x02binary",
])
def test_empty_or_broken_pages_are_errors_naming_the_file(tmp_path: Path, content: bytes) -> None:
    page = tmp_path / "broken.html"
    page.write_bytes(content)
    with pytest.raises(InputError, match="broken.html"):
        read_html_file(page)


def test_declared_legacy_charset_is_honoured() -> None:
    raw = '<html><head><meta charset="iso-8859-1"></head><body>café</body></html>'.encode("latin-1")
    assert "café" in decode_html(raw, location="x.html")
    with pytest.raises(InputError, match="x.html"):
        decode_html(b'<meta charset="no-such-codec"><p>caf\xe9</p>', location="x.html")


def test_folder_with_good_and_broken_pages(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.html").write_bytes(b"")
    records = list(iter_records([str(tmp_path)]))
    assert isinstance(records[0], Article)
    assert isinstance(records[1], RecordError) and records[1].location.endswith("b.html")
