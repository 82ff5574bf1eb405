"""Property tests: whatever text an article holds, each export carries it as
text (escaped, folded) and stays well-formed."""

from __future__ import annotations

import json
from datetime import date
from html.parser import HTMLParser

import icalendar
import vobject
from hypothesis import example, HealthCheck, given, settings
from hypothesis import strategies as st

import render_fixtures as data
from timeline.render.entries import one_line

# any text, with the characters that matter to HTML, iCalendar and JSON over-represented
PIECES = st.one_of(
    st.sampled_from(list("<>&\"';,:\\\r\n\t =/\u2028") + ["BEGIN:VEVENT", "</script>", "<b>", "&amp;"]),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=8),
)
TEXT = st.lists(PIECES, min_size=1, max_size=12).map("".join).filter(lambda t: t.strip() != "")

PROPERTY_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def timeline_with(title: str, before: str, after: str) -> data.Timeline:
    day = date(2017, 10, 30)
    sentence = f"{before} on Monday {after}"
    doc, entries = data.build_document("doc", title, None, day, [data.Spec(
        sentence, "Monday", "on", title, data.interval("2017-10-30", day, day, "day"))])
    return data.assemble([doc], entries)


class Quotes(HTMLParser):
    """The text of each <blockquote>, and every tag seen inside one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.quotes: list[str] = []
        self.inner_tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "blockquote":
            self.depth += 1
            self.quotes.append("")
        elif self.depth:
            self.inner_tags.add(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "blockquote":
            self.depth -= 1

    def handle_data(self, text: str) -> None:
        if self.depth:
            self.quotes[-1] += text


@PROPERTY_SETTINGS
@given(TEXT, TEXT, TEXT)
def test_html_quote_is_the_sentence_as_text(title: str, before: str, after: str) -> None:
    timeline = timeline_with(title, before, after)
    parser = Quotes()
    parser.feed(timeline.to_html())
    sentence = timeline.entries[0].sources[0].sentence.text
    assert [" ".join(q.split()) for q in parser.quotes] == [" ".join(one_line(sentence).split())]
    assert parser.inner_tags <= {"p", "mark", "span"}


@PROPERTY_SETTINGS
@given(TEXT, TEXT, TEXT)
@example("\\N", "", "")  # icalendar alone would read a literal backslash-N as a line break
def test_calendar_round_trips_the_title(title: str, before: str, after: str) -> None:
    text = timeline_with(title, before, after).to_ics()
    raw = text.encode("utf-8")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75
    events = list(icalendar.Calendar.from_ical(text).walk("VEVENT"))
    expected = one_line(title) or "on"  # an empty title falls back to the event trigger
    assert len(events) == 1 and str(events[0]["SUMMARY"]) == expected
    assert vobject.readOne(text).vevent.summary.value == expected
    # the article (titled like the event here) is named by its title, else by its id
    article = one_line(title) or "doc"
    assert f"\u2014 {article}, published Mon 30 Oct 2017" in str(events[0]["DESCRIPTION"])


@PROPERTY_SETTINGS
@given(TEXT, TEXT, TEXT)
def test_timelinejs_headline_never_carries_markup(title: str, before: str, after: str) -> None:
    slide = json.loads(timeline_with(title, before, after).to_timelinejs())["events"][0]
    assert "<" not in slide["text"]["headline"] and ">" not in slide["text"]["headline"]
    assert "<script" not in slide["text"]["text"].lower()
