"""CSV and JSON Lines readers: every row becomes an Article or a RecordError
naming file:line; only a problem with the whole file raises."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timezone

import pytest

from timeline.errors import InputError
from timeline.model import Article
from timeline.read.records import RecordError, RecordFields, parse_record_date, read_csv, read_jsonl


def csv_bytes(text: str) -> io.BufferedReader:
    return io.BufferedReader(io.BytesIO(text.encode("utf-8")))


def test_reuters_style_csv_with_trailing_space_dates() -> None:
    data = csv_bytes(
        'title,text,subject,date\n'
        '"Xi replies to Kim","BEIJING (Reuters) - Xi replied on Thursday.",politicsNews,"November 2, 2017 "\n'
        '"Talks","WASHINGTON (Reuters) - Talks ended on Tuesday.",politicsNews,"December 31, 2017 "\n'
    )
    records = list(read_csv(data, "news.csv"))
    assert [type(r) for r in records] == [Article, Article]
    first, second = records
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.published == date(2017, 11, 2) and second.published == date(2017, 12, 31)
    assert first.title == "Xi replies to Kim"
    assert first.text.startswith("BEIJING (Reuters) - ")
    assert (first.location, second.location) == ("news.csv:2", "news.csv:3")
    assert ("subject", "politicsNews") in first.extra


def test_odd_column_names_are_named_by_options() -> None:
    data = csv_bytes("headline,body,when,key,link\nH,They met on Monday.,2017-11-02,a1,http://x/1\n")
    fields = RecordFields(text="body", date="when", title="headline", id="key", url="link")
    (article,) = list(read_csv(data, "odd.csv", fields=fields))
    assert isinstance(article, Article)
    assert (article.text, article.title, article.id, article.url) == ("They met on Monday.", "H", "a1", "http://x/1")
    assert article.published == date(2017, 11, 2)


def test_missing_or_misnamed_column_fails_the_whole_file() -> None:
    with pytest.raises(InputError, match="--text-column"):
        list(read_csv(csv_bytes("title,body,date\nt,x,2017-11-02\n"), "a.csv"))
    with pytest.raises(InputError, match="'when'"):
        list(read_csv(csv_bytes("text,date\nx,2017-11-02\n"), "a.csv", fields=RecordFields(date="when")))
    with pytest.raises(InputError, match="header"):
        list(read_csv(csv_bytes(""), "empty.csv"))


def test_no_date_column_is_fine_with_published_fallback() -> None:
    (article,) = list(read_csv(csv_bytes("text\nMet on Monday.\n"), "a.csv", published="2017-11-02"))
    assert isinstance(article, Article) and article.published == date(2017, 11, 2)


def test_bad_rows_are_errors_with_their_line_and_the_rest_is_read() -> None:
    raw = (
        b'text,date\n'
        b'"Good one, on Monday.",2017-11-02\n'           # line 2
        b',2017-11-02\n'                                 # 3: empty text
        b'"No date here.",\n'                            # 4: missing date
        b'"Bad date.",someday\n'                         # 5: unreadable date
        b'"caf\xe9 on Monday.",2017-11-02\n'             # 6: not UTF-8
        b'"A quoted\nmulti-line text.",2017-11-03\n'     # 7-8
        b'"too",many,fields\n'                           # 9
        b'\n'                                            # 10: blank, not a record
        b'"Last good.","November 2, 2017 "\n'            # 11
    )
    records = list(read_csv(io.BufferedReader(io.BytesIO(raw)), "mixed.csv"))
    summary = [(type(r).__name__, r.location) for r in records]
    assert summary == [
        ("Article", "mixed.csv:2"), ("RecordError", "mixed.csv:3"), ("RecordError", "mixed.csv:4"),
        ("RecordError", "mixed.csv:5"), ("RecordError", "mixed.csv:6"), ("Article", "mixed.csv:7"),
        ("RecordError", "mixed.csv:9"), ("Article", "mixed.csv:11"),
    ]
    errors = {r.location: r for r in records if isinstance(r, RecordError)}
    assert "no text" in errors["mixed.csv:3"].message
    assert errors["mixed.csv:4"].kind == "MissingPublicationDate" and "--published" in errors["mixed.csv:4"].message
    assert "someday" in errors["mixed.csv:5"].message
    assert "UTF-8" in errors["mixed.csv:6"].message
    assert "fields" in errors["mixed.csv:9"].message
    assert records[5].text == "A quoted\nmulti-line text."  # type: ignore[union-attr]


def test_utf16_csv_with_bom() -> None:
    raw = "text,date\nMet on Monday.,2017-11-02\n".encode("utf-16")
    (article,) = list(read_csv(io.BufferedReader(io.BytesIO(raw)), "u16.csv"))
    assert isinstance(article, Article) and article.text == "Met on Monday."


def test_jsonl_records_and_bad_lines() -> None:
    lines = [
        json.dumps({"id": "a", "title": "A", "text": "Met on Monday.", "published": "2017-11-02", "url": "u"}),
        json.dumps({"id": 7, "text": "Later.", "published": "2017-11-02T09:30:00Z"}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "c", "text": "No date."}),
        json.dumps({"id": "d", "text": "", "published": "2017-11-02"}),
        json.dumps({"id": "e", "text": "Alt key.", "date": "November 2, 2017 "}),
    ]
    raw = ("\n".join(lines) + "\n").encode("utf-8") + b'{"text": "caf\xe9", "published": "2017-11-02"}\n'
    raw += b'{"text": "half \\ud800 pair", "published": "2017-11-02"}\n'
    records = list(read_jsonl(io.BytesIO(raw), "in.jsonl"))
    assert [(type(r).__name__, r.location) for r in records] == [
        ("Article", "in.jsonl:1"), ("Article", "in.jsonl:2"), ("RecordError", "in.jsonl:4"),
        ("RecordError", "in.jsonl:5"), ("RecordError", "in.jsonl:6"), ("RecordError", "in.jsonl:7"),
        ("Article", "in.jsonl:8"), ("RecordError", "in.jsonl:9"), ("RecordError", "in.jsonl:10"),
    ]
    assert "surrogate" in records[8].message  # type: ignore[union-attr]
    first, second = records[0], records[1]
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.title, first.url, first.published) == ("a", "A", "u", date(2017, 11, 2))
    assert second.id == "7" and second.published == datetime(2017, 11, 2, 9, 30, tzinfo=timezone.utc)
    assert "JSON" in records[2].message and "UTF-8" in records[7].message  # type: ignore[union-attr]


@pytest.mark.parametrize("value, expected", [
    ("November 2, 2017 ", date(2017, 11, 2)),
    ("2017-11-02", date(2017, 11, 2)),
    ("Nov. 2, 2017", date(2017, 11, 2)),
    ("19-Feb-18", date(2018, 2, 19)),
    ("2 November 2017", date(2017, 11, 2)),
])
def test_record_dates(value: str, expected: date) -> None:
    assert parse_record_date(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "2 days ago", "someday", "2017-13-45"])
def test_relative_or_unreadable_record_dates_are_refused(value: str) -> None:
    with pytest.raises(InputError):
        parse_record_date(value)


def test_record_error_round_trips_to_its_exception() -> None:
    from timeline.errors import MissingPublicationDate

    error = RecordError("a.csv:4", "no publication date", "MissingPublicationDate")
    exc = error.exception()
    assert isinstance(exc, MissingPublicationDate) and "a.csv:4" in str(exc)
    assert error.to_dict() == {"location": "a.csv:4", "message": "no publication date",
                               "kind": "MissingPublicationDate"}
