"""Property-based: arbitrary Unicode text and publication dates from year 1
to 9999 never make extraction raise; values follow the TIMEX3 grammar;
offsets point into the text; the output is deterministic."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta, timezone

from hostile_helpers import article, check_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.assemble import Timeline

# HOSTILE_EXAMPLES=2000 for a longer bug hunt; CI keeps it small and fast
EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "60"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# pieces that look like dates, times and durations, valid or not
DATE_FRAGMENTS = [
    "Monday", "Tuesday's", "on Thursday", "Thursday afternoon", "tonight", "today", "tomorrow", "yesterday",
    "last week", "next year", "this month", "last year", "the coming weekend", "five years ago", "a week later",
    "the next day", "Nov. 1", "Sept. 15", "March 22, 2013", "3/22/2013", "22/3/2013", "2017-11-02", "2009",
    "the 1990s", "the 3000s", "mid-2016", "early 2017", "late last year", "Q3", "Q5", "the third quarter",
    "week 54", "week 0", "February 30", "31 April", "Feb. 29, 2019", "year 0", "the year 10000", "'98", "in '07",
    "10:30 a.m.", "6:17 a.m. EST", "25:61", "noon", "midnight", "every week", "annually", "year-long",
    "several days", "now", "currently", "recently", "the past three years", "fiscal 2018", "summer", "winter 2016",
    "the 21st century", "the 1st Amendment", "Chapter 11", "49-47", "0", "00", "9999", "99999999999999999999",
    "May", "may", "March", "march", "sat", "Sun", "Wed.", "1,000", "-1", "+2", "1e9", "½", "٣/٤/٢٠١٧",
]
SPECIALS = list(".,;:!?-/'\"()[]{}\t\n\r\x00\x0b\x0c\x1b\u00a0\u2028\u2029\u200b\u200e\u200f\u202e\ufeff")
RTL = "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u0661\u0662\u0663"
EMOJI = "\U0001f600\U0001f1fa\U0001f1f8\U0001f468\u200d\U0001f469\u200d\U0001f467\ufe0f\u20e3"

unicode_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
fragment_text = st.lists(
    st.one_of(
        st.sampled_from(DATE_FRAGMENTS),
        st.sampled_from(SPECIALS),
        st.text(st.sampled_from(RTL + EMOJI + "0123456789-/.:,' "), max_size=12),
        st.integers(min_value=-10**6, max_value=10**12).map(str),
    ),
    max_size=25,
).flatmap(lambda parts: st.sampled_from([" ", "", "\n", ". "]).map(lambda sep: sep.join(parts)))
any_text = st.one_of(unicode_text, fragment_text)
publication_day = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from([date(1, 1, 1), date(1, 1, 2), date(9999, 12, 31), date(9999, 12, 30), date(2017, 11, 2)]),
)
publication_moment = st.builds(
    lambda d, minutes, zone: datetime(d.year, d.month, d.day, minutes // 60, minutes % 60, tzinfo=zone),
    publication_day,
    st.integers(min_value=0, max_value=24 * 60 - 1),
    st.sampled_from([None, timezone.utc, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))]),
)


@PROPERTY
@given(text=any_text, published=publication_day)
def test_extraction_never_raises_and_keeps_invariants(pipeline, text: str, published: date) -> None:  # type: ignore[no-untyped-def]
    check_document(pipeline.process(article(text, published)), text)


@PROPERTY
@given(text=fragment_text, published=publication_moment)
def test_publication_datetimes_with_zones(pipeline, text: str, published: datetime) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.process(article(text, published))
    check_document(doc, text)
    assert doc.published == published.date()


@settings(max_examples=max(25, EXAMPLES // 3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=fragment_text, published=publication_day)
def test_output_is_deterministic(pipeline, text: str, published: date) -> None:  # type: ignore[no-untyped-def]
    def render() -> str:
        doc = pipeline.process(article(text, published, id="a", title="t"))
        return Timeline.from_documents([doc]).to_json()

    first, second = render(), render()
    assert first == second
    json.loads(first)


@settings(max_examples=max(15, EXAMPLES // 4), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=fragment_text, published=publication_day)
def test_public_extract_function(text: str, published: date) -> None:
    """The same through timeline.extract (fresh pipeline, shared model)."""
    import timeline

    check_document(timeline.extract(text, published), text)


@settings(max_examples=max(15, EXAMPLES // 4), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(st.characters(), max_size=60).map(lambda t: t + " \ud800 on Monday"))
def test_lone_surrogates_give_a_timeline_error_or_a_document(text: str) -> None:
    """Python strings may hold lone surrogates (JSON "\\ud800" escapes): the
    API answers with a document or a TimelineError, never a bare exception."""
    import timeline

    try:
        doc = timeline.extract(text, date(2017, 11, 2))
    except timeline.TimelineError:
        return
    check_document(doc, text)


@settings(max_examples=max(30, EXAMPLES // 2), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(published=st.one_of(
    st.text(max_size=40), st.integers(), st.floats(), st.none(), st.booleans(), st.binary(max_size=10),
    st.sampled_from(["0000-01-01", "2017-02-30", "2017-11-02T25:00", "10000-01-01", "-0001-01-01", "2017-W43",
                     "2017-11-02T10:00+25:00", "\u0662\u0660\u0661\u0667-\u0661\u0661-\u0660\u0662", "２０１７-１１-０２",
                     "2017-11-02\x00", " 2017-11-02 ", "20171102", "Nov 2 2017"]),
))
def test_any_publication_value_gives_a_document_or_a_timeline_error(published: object) -> None:
    """Whatever a caller passes as the publication date: a document, or a
    TimelineError naming the problem, never a bare ValueError/TypeError."""
    import timeline

    try:
        doc = timeline.extract("They met on Monday.", published)  # type: ignore[arg-type]
    except timeline.TimelineError:
        return
    check_document(doc, "They met on Monday.")
