"""The spaCy component on arbitrary text, in a parsed and in a blank pipeline:
never raises, spans match their text, values follow the TIMEX3 grammar."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from hostile_grammar import value_problem
from hostile_strategies import EXAMPLES, any_text, publication_day
from hypothesis import HealthCheck, given, settings


@pytest.fixture(scope="module")
def pipelines(pipeline):  # type: ignore[no-untyped-def]
    """A blank English pipeline and the project's parsed one, each with the component."""
    blank = spacy.blank("en")
    blank.add_pipe("timeline", config={"published": "2017-11-02"})
    parsed = spacy.load(pipeline.settings.spacy_model, exclude=["ner"])
    parsed.add_pipe("timeline", config={"published": "2017-11-02"})
    return blank, parsed


@settings(max_examples=max(20, EXAMPLES // 2), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=any_text, published=publication_day)
def test_component_never_raises(pipelines, text: str, published: date) -> None:  # type: ignore[no-untyped-def]
    for nlp in pipelines:
        doc = nlp.make_doc(text)
        doc._.published = published
        doc = nlp(doc)
        for span in doc.spans["timeline"]:
            assert text[span.start_char:span.end_char] == span.text
            assert value_problem(span._.timex_value, span._.timex_type) is None, (span.text, span._.timex_value)
