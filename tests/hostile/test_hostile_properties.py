"""Property-based: arbitrary Unicode text and publication dates from year 1
to 9999 never make extraction raise; values follow the TIMEX3 grammar;
offsets point into the text; the output is deterministic."""

from __future__ import annotations

import json
from datetime import date, datetime

from hostile_helpers import article, check_document
from hostile_strategies import EXAMPLES, PROPERTY, any_text, fragment_text, publication_day, publication_moment
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.assemble import Timeline


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
    timeline = Timeline.from_documents([doc])
    for fmt in ("json", "timeml", "html", "ics", "timelinejs"):
        assert getattr(timeline, f"to_{fmt}")()


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
