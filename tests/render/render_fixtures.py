"""Test data for the exports: timelines built directly from model objects (independent of the tagger and
the event anchorer): days, weeks, months, quarters, seasons, years, decades,
clock times with zones, future and approximate dates, vague mentions, an
entry reported by two articles, and hostile text."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator
from zoneinfo import ZoneInfo

import pytest

from timeline.assemble import Timeline
from timeline.model import DateInterval, Document, EntrySource, Event, TextSpan, Timex, TimelineEntry
from timeline.settings import Settings

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
EST = timezone(timedelta(hours=-5), "EST")
NEW_YORK = ZoneInfo("America/New_York")

HOSTILE_TITLE = 'Pwned <script>alert("title")</script>, "quoted"; semi\r\nBEGIN:VEVENT'
HOSTILE_SENTENCE = (
    'He wrote "<script>alert(1)</script>" <img src=x onerror=alert(3)> and " onmouseover="alert(2)" x=\'y\' '
    "on Monday; BEGIN:VEVENT\r\nEND:VCALENDAR, a, b; c & <b>bold</b> \\ backslash.\rDone."
)


@dataclass
class Spec:
    """One event of a fixture document."""

    sentence: str
    phrase: str
    trigger: str
    title: str
    date: DateInterval | None
    certainty: str = "exact"
    tense: str = "past"


def interval(value: str, start: date | datetime, end: date | datetime, granularity: str) -> DateInterval:
    return DateInterval(value, start, end, granularity)  # type: ignore[arg-type]


def build_document(
    doc_id: str, title: str | None, url: str | None, published: date, specs: list[Spec],
    published_at: datetime | None = None,
) -> tuple[Document, list[TimelineEntry]]:
    """A Document whose text is the specs' sentences, and one entry per spec."""
    text = ""
    timexes, events, entries = [], [], []
    for n, spec in enumerate(specs, 1):
        if text:
            text += " "
        offset = len(text)
        text += spec.sentence
        sentence = TextSpan(offset, offset + len(spec.sentence), spec.sentence)
        p = spec.sentence.index(spec.phrase)
        g = spec.sentence.index(spec.trigger)
        timex_span = TextSpan(offset + p, offset + p + len(spec.phrase), spec.phrase)
        trigger = TextSpan(offset + g, offset + g + len(spec.trigger), spec.trigger)
        value = spec.date.value if spec.date else "PAST_REF"
        timexes.append(Timex(f"t{n}", timex_span.start, timex_span.end, spec.phrase, "DATE", value, anchor="t0"))
        event = Event(f"e{n}", f"t{n}", trigger, spec.title, sentence, spec.date,
                      spec.certainty, spec.tense)  # type: ignore[arg-type]
        events.append(event)
        entries.append(TimelineEntry(
            id=f"{doc_id}:e{n}", title=spec.title, date=spec.date, certainty=spec.certainty,  # type: ignore[arg-type]
            tense=spec.tense,  # type: ignore[arg-type]
            sources=(EntrySource(doc_id, f"e{n}", timex_span, trigger, sentence, title, url, published),),
        ))
    doc = Document(doc_id, text, published, tuple(timexes), tuple(events), title=title, url=url,
                   published_at=published_at)
    return doc, entries


def assemble(documents: list[Document], entries: list[TimelineEntry], **settings: Any) -> Timeline:
    """Dated entries ordered by start (finer first), vague ones apart."""
    order = ["minute", "hour", "partofday", "day", "weekend", "week", "month", "season", "quarter", "half",
             "year", "decade", "century", "millennium"]

    def key(e: TimelineEntry) -> tuple[datetime, int]:
        assert e.date is not None
        s = e.date.start
        moment = s if isinstance(s, datetime) else datetime(s.year, s.month, s.day)
        return moment.replace(tzinfo=None), order.index(e.date.granularity)

    dated = sorted((e for e in entries if e.date), key=key)
    undated = [e for e in entries if not e.date]
    return Timeline(tuple(documents), tuple(dated), tuple(undated), Settings(**settings))


def xi_kim_specs() -> list[Spec]:
    d = date
    return [
        Spec("North Korea's state news agency said on Thursday.", "Thursday", "said", "State news agency reports",
             interval("2017-11-02", d(2017, 11, 2), d(2017, 11, 2), "day")),
        Spec("It follows Tuesday's unexpected agreement between Seoul and Beijing.", "Tuesday", "agreement",
             "Seoul and Beijing agree to move beyond dispute",
             interval("2017-10-31", d(2017, 10, 31), d(2017, 10, 31), "day")),
        Spec("Envoys met in the week of Oct. 23 to prepare the deal.", "the week of Oct. 23", "met",
             "Envoys meet", interval("2017-W43", d(2017, 10, 23), d(2017, 10, 29), "week")),
        Spec("Exports to the North fell sharply last month.", "last month", "fell", "Exports fall",
             interval("2017-10", d(2017, 10, 1), d(2017, 10, 31), "month")),
        Spec("Trump makes his first official visit to Asia next week.", "next week", "visit",
             "Trump visits Asia", interval("2017-W45", d(2017, 11, 6), d(2017, 11, 12), "week"), tense="future"),
        Spec("The missile was launched at 6:17 a.m. EST on Wednesday.", "6:17 a.m. EST on Wednesday", "launched",
             "Missile launched",
             interval("2017-11-01T06:17", datetime(2017, 11, 1, 6, 17, tzinfo=EST),
                      datetime(2017, 11, 1, 6, 17, tzinfo=EST), "minute")),
        Spec("The dispute over the missile shield began in 2016.", "2016", "began", "Dispute begins",
             interval("2016", d(2016, 1, 1), d(2016, 12, 31), "year")),
        Spec("Trade slowed in the third quarter.", "the third quarter", "slowed", "Trade slows",
             interval("2017-Q3", d(2017, 7, 1), d(2017, 9, 30), "quarter")),
        Spec("Tourism collapsed in the summer of 2017.", "the summer of 2017", "collapsed", "Tourism collapses",
             interval("2017-SU", d(2017, 6, 21), d(2017, 9, 22), "season")),
        Spec("The two countries first clashed about five years ago.", "about five years ago", "clashed",
             "First clash", interval("2012", d(2012, 1, 1), d(2012, 12, 31), "year"), certainty="approximate"),
        Spec("Relations were warmer in the 1990s.", "the 1990s", "were", "Warmer relations",
             interval("199", d(1990, 1, 1), d(1999, 12, 31), "decade")),
        Spec("The sides have clashed repeatedly in the past.", "in the past", "clashed", "Repeated clashes",
             None, certainty="vague"),
    ]


def second_article_specs() -> list[Spec]:
    d = date
    return [
        Spec("Leaders will meet again on Nov. 10, officials said.", "Nov. 10", "meet", "Leaders to meet",
             interval("2017-11-10", d(2017, 11, 10), d(2017, 11, 10), "day"), tense="future"),
        Spec("The vote was called at 9 p.m. on Friday.", "9 p.m. on Friday", "called", "Vote called",
             interval("2017-10-27T21", datetime(2017, 10, 27, 21, 0), datetime(2017, 10, 27, 21, 0), "hour")),
        Spec("A new round of talks is planned for the first half of 2018.", "the first half of 2018", "talks",
             "New round of talks", interval("2018-H1", d(2018, 1, 1), d(2018, 6, 30), "half"),
             tense="future"),
        Spec("Tuesday's deal ended a year-long row.", "Tuesday", "deal", "Seoul–Beijing deal",
             interval("2017-10-31", d(2017, 10, 31), d(2017, 10, 31), "day")),
        Spec("Talks may resume early next year.", "early next year", "resume", "Talks may resume",
             interval("2018", d(2018, 1, 1), d(2018, 12, 31), "year"), certainty="approximate", tense="future"),
    ]


def merged(first: TimelineEntry, second: TimelineEntry) -> TimelineEntry:
    return TimelineEntry(first.id, first.title, first.date, first.certainty, first.tense,
                         first.sources + second.sources)


def build_rich() -> Timeline:
    """Two articles, every granularity, one entry reported by both."""
    doc_a, entries_a = build_document(
        "xi-kim", "China's Xi replies to North Korea's Kim", "https://www.reuters.com/article/xi-kim",
        date(2017, 11, 2), xi_kim_specs())
    doc_b, entries_b = build_document(
        "talks", "Seoul and Beijing mend ties; talks to resume", None, date(2017, 11, 3),
        second_article_specs(), published_at=datetime(2017, 11, 3, 8, 30, tzinfo=NEW_YORK))
    tuesday_a = next(e for e in entries_a if e.date and e.date.value == "2017-10-31")
    tuesday_b = next(e for e in entries_b if e.date and e.date.value == "2017-10-31")
    entries = [e for e in entries_a + entries_b if e not in (tuesday_a, tuesday_b)]
    entries.append(merged(tuesday_a, tuesday_b))
    return assemble([doc_a, doc_b], entries)


def hostile_specs() -> list[Spec]:
    d = date(2017, 10, 30)
    return [
        Spec(HOSTILE_SENTENCE, "Monday", "wrote", HOSTILE_TITLE, interval("2017-10-30", d, d, "day")),
        Spec("Comma, semicolon; and\nnewline \u65e5\u672c\u8a9e\U0001f600 " + "long words " * 30 + "on Monday.",
             "Monday", "newline", "Long \u65e5\u672c\u8a9e title, with; punctuation " * 4,
             interval("2017-10-30", d, d, "day")),
        Spec("Someone said <script>x</script> something in the past.", "in the past", "said", "<b>vague</b>",
             None, certainty="vague"),
    ]


def build_hostile() -> Timeline:
    doc, entries = build_document(
        "evil", '<script>alert("doc")</script> "Title"', "javascript:alert(document.cookie)", date(2017, 11, 2),
        hostile_specs())
    return assemble([doc], entries)


def build_empty() -> Timeline:
    return Timeline((), (), (), Settings())


def chromium_or_skip() -> str:
    """The Chromium binary; skips with a reason outside CI, fails in CI."""
    path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        path = None
    if not path:
        message = f"Chromium ({CHROMIUM}) or Python Playwright is not installed"
        if IN_CI:
            pytest.fail(message + " (required in CI)")
        pytest.skip(message)
    return path


# fixtures: test modules import them (a conftest.py here would shadow tests/conftest.py
# for the modules that `from support import ...`)
@pytest.fixture
def rich_timeline() -> Timeline:
    return build_rich()


@pytest.fixture
def hostile_timeline() -> Timeline:
    return build_hostile()


@pytest.fixture
def empty_timeline() -> Timeline:
    return build_empty()


_SHARED_BROWSER: list["Browser"] = []


@pytest.fixture(scope="session")
def chromium() -> Iterator["Browser"]:
    """One headless Chromium for the session (skips outside CI when absent,
    fails in CI).  Each module importing this fixture gets its own fixture
    definition, so the browser itself is shared through a module global:
    Playwright's sync API cannot run twice at once."""
    if _SHARED_BROWSER:
        yield _SHARED_BROWSER[0]
        return
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, timeout=60_000)
        _SHARED_BROWSER.append(browser)
        yield browser
    finally:
        for browser in _SHARED_BROWSER:
            browser.close()
        _SHARED_BROWSER.clear()
        playwright.stop()


def corpus_timeline(articles: int = 20, key_events: int = 5, title: str | None = None) -> Timeline:
    """A timeline of ``articles`` one-event articles, each about its own day;
    the first article's happening is also reported by three more articles."""
    docs = []
    for n in range(articles):
        day = date(2017, 10, 1) + timedelta(days=n % 28)
        spec = Spec(f"Officials of town {n} voted on {day:%B} {day.day}.", f"{day:%B} {day.day}", "voted",
                    f"Town {n} voted", interval(day.isoformat(), day, day, "day"))
        if n in (1, 2, 3):  # the story's main happening, reported again
            spec = Spec("Officials of town 0 voted on October 1.", "October 1", "voted", "Town 0 voted",
                        interval("2017-10-01", date(2017, 10, 1), date(2017, 10, 1), "day"))
        document, _ = build_document(f"d{n}", f"Town {n} news", None, date(2017, 11, 2), [spec])
        docs.append(document)
    return Timeline.from_documents(docs, Settings(key_events=key_events, title=title))
