"""The seed article gives exactly the 13 expected timexes."""

from __future__ import annotations

EXPECTED = [
    ("said on Thursday", "Thursday", "DATE", "2017-11-02"),
    ("comes days before", "days", "DURATION", "PXD"),
    ("Tuesday s unexpected", "Tuesday", "DATE", "2017-10-31"),
    ("a year-long dispute", "year-long", "DURATION", "P1Y"),
    ("dated Nov. 1", "Nov. 1", "DATE", "2017-11-01"),
    ("as of Thursday afternoon", "Thursday afternoon", "TIME", "2017-11-02TAF"),
    ("five years ago", "five years ago", "DATE", "2012"),
    ("on Sept. 3", "Sept. 3", "DATE", "2017-09-03"),
    ("last month s party", "last month", "DATE", "2017-10"),
    ("on Sept. 15", "Sept. 15", "DATE", "2017-09-15"),
    ("lull this year", "this year", "DATE", "2017"),
    ("recently last year", "last year", "DATE", "2016"),
    ("Xi last week", "last week", "DATE", "2017-W43"),
]


def test_seed_article_gives_exactly_the_expected_timexes(seed_document) -> None:  # type: ignore[no-untyped-def]
    text = seed_document.text
    got = [(t.start, t.text, t.type, t.value) for t in seed_document.timexes]
    expected = []
    for context, phrase, typ, value in EXPECTED:
        at = text.index(context) + context.index(phrase)
        expected.append((at, phrase, typ, value))
    assert got == expected


def test_seed_ids_and_anchors(seed_document) -> None:  # type: ignore[no-untyped-def]
    timexes = seed_document.timexes
    assert [t.id for t in timexes] == [f"t{i}" for i in range(1, 14)]
    for t in timexes:
        assert seed_document.text[t.start:t.end] == t.text
        assert t.anchor == (None if t.type == "DURATION" else "t0")
