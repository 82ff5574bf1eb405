"""The ``timeline`` spaCy component in a user's own pipeline."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from timeline import InputError, MissingPublicationDate
from timeline.settings import DEFAULT_SPACY_MODEL
from timeline.spacy_component import SPAN_ATTRIBUTES, TimelineComponent, register_extensions

PAST = "The talks ended on Tuesday. Officials met again on Wednesday."


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.load(DEFAULT_SPACY_MODEL, exclude=["ner"])
    nlp.add_pipe("timeline", config={"published": "2017-11-02"})
    return nlp


def found(doc: Doc, key: str = "timeline") -> list[tuple[str, str, str]]:
    return [(s.text, s._.timex_type, s._.timex_value) for s in doc.spans[key]]


def test_spans_carry_resolved_values(nlp: Language) -> None:
    doc = nlp(PAST)
    assert ("Tuesday", "DATE", "2017-10-31") in found(doc)
    assert ("Wednesday", "DATE", "2017-11-01") in found(doc)
    for span in doc.spans["timeline"]:
        assert isinstance(span, Span)
        assert span._.timex_id.startswith("t")
        assert span._.timex_anchor in (None, "t0") or span._.timex_anchor.startswith("t")
        assert span._.timex_mod is None or span._.timex_mod.isupper()


def test_doc_published_wins_over_config(nlp: Language) -> None:
    doc = nlp.make_doc(PAST)
    doc._.published = date(2020, 1, 2)  # a Thursday too, one week after Christmas
    assert ("Tuesday", "DATE", "2019-12-31") in found(nlp(doc))


@pytest.mark.parametrize("published", [
    "2020-01-02", datetime(2020, 1, 2, 8, 0), datetime(2020, 1, 2, 8, 0, tzinfo=timezone(timedelta(hours=9))),
])
def test_doc_published_accepts_strings_and_datetimes(nlp: Language, published: Any) -> None:
    doc = nlp.make_doc(PAST)
    doc._.published = published
    assert ("Tuesday", "DATE", "2019-12-31") in found(nlp(doc))


def test_nlp_pipe_with_per_doc_dates(nlp: Language) -> None:
    docs = []
    for published in ("2017-11-02", "2020-01-02", None):
        doc = nlp.make_doc("It rained on Monday.")
        doc._.published = published
        docs.append(doc)
    results = [found(doc) for doc in nlp.pipe(docs, batch_size=2)]
    assert results == [
        [("Monday", "DATE", "2017-10-30")], [("Monday", "DATE", "2019-12-30")], [("Monday", "DATE", "2017-10-30")],
    ]


def test_nlp_pipe_over_strings_matches_single_calls(nlp: Language) -> None:
    texts = [PAST, "Nothing dated here.", "It rained on Monday."]
    assert [found(d) for d in nlp.pipe(texts)] == [found(nlp(t)) for t in texts]


def test_missing_publication_date_is_a_clear_error() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("timeline")
    with pytest.raises(MissingPublicationDate, match="doc._.published"):
        nlp("It rained on Monday.")


def test_bad_dates_are_input_errors() -> None:
    nlp = spacy.blank("en")
    with pytest.raises(InputError, match="2017-02-30"):
        nlp.add_pipe("timeline", config={"published": "2017-02-30"})
    nlp.add_pipe("timeline")
    doc = nlp.make_doc("It rained on Monday.")
    doc._.published = 20171102
    with pytest.raises(InputError, match="int"):
        nlp(doc)


def test_works_in_a_blank_pipeline_without_a_parse() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("timeline", config={"published": "2017-11-02"})
    assert ("Monday", "DATE", "2017-10-30") in found(nlp("It rained on Monday."))


def test_custom_spans_key() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("timeline", config={"published": "2017-11-02", "spans_key": "dates"})
    doc = nlp("It rained on Monday.")
    assert "timeline" not in doc.spans
    assert found(doc, "dates") == [("Monday", "DATE", "2017-10-30")]


def test_to_disk_round_trip(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    assert loaded.get_pipe_config("timeline")["published"] == "2017-11-02"
    assert found(loaded(PAST)) == found(nlp(PAST))


def test_config_round_trip(nlp: Language) -> None:
    rebuilt = spacy.util.load_model_from_config(nlp.config, auto_fill=True)
    assert rebuilt.get_pipe_config("timeline") == nlp.get_pipe_config("timeline")
    assert isinstance(rebuilt.get_pipe("timeline"), TimelineComponent)


def test_spans_survive_doc_serialisation(nlp: Language) -> None:
    doc = nlp(PAST)
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert found(restored) == found(doc)


def test_extensions_are_registered_once_and_never_forced() -> None:
    register_extensions()
    register_extensions()  # a second call must not raise (no force=True needed)
    for name in SPAN_ATTRIBUTES:
        assert Span.has_extension(name)
    assert Doc.has_extension("published")


def test_factory_found_through_entry_point_without_importing_timeline() -> None:
    # a fresh interpreter: spaCy must find the factory from the entry point alone
    script = textwrap.dedent("""
        import sys, spacy
        assert not any(m == "timeline" or m.startswith("timeline.") for m in sys.modules)
        nlp = spacy.blank("en")
        nlp.add_pipe("timeline", config={"published": "2017-11-02"})
        doc = nlp("It rained on Monday.")
        print([(s.text, s._.timex_value) for s in doc.spans["timeline"]])
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[('Monday', '2017-10-30')]"


def test_component_does_not_load_a_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the component must not load a spaCy model")

    monkeypatch.setattr(spacy, "load", refuse)
    monkeypatch.setattr("timeline.nlp.load_model", refuse)
    nlp = spacy.blank("en")
    nlp.add_pipe("timeline", config={"published": "2017-11-02"})
    assert found(nlp("It rained on Monday.")) == [("Monday", "DATE", "2017-10-30")]


def test_a_bug_below_is_a_processing_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline import ProcessingError
    from timeline.temporal import TemporalTagger

    def broken(*args: Any, **kwargs: Any) -> None:
        raise KeyError("simulated bug")

    monkeypatch.setattr(TemporalTagger, "tag", broken)
    nlp = spacy.blank("en")
    nlp.add_pipe("timeline", config={"published": "2017-11-02"})
    with pytest.raises(ProcessingError, match="simulated bug") as caught:
        nlp("It rained on Monday.")
    assert isinstance(caught.value.__cause__, KeyError)


def test_same_expressions_as_the_python_api_on_the_seed_article(nlp: Language) -> None:
    import timeline
    from support import SEED_TEXT

    text = SEED_TEXT.read_text("utf-8")
    document = timeline.extract(text, "2017-11-02")
    doc = nlp(text)
    assert document.timexes, "the seed article has dated expressions"
    assert [(s.start_char, s.end_char, s._.timex_type, s._.timex_value) for s in doc.spans["timeline"]] == [
        (t.start, t.end, t.type, t.value) for t in document.timexes
    ]


def test_nlp_pipe_in_several_processes_keeps_per_doc_dates() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("timeline", config={"published": "2017-11-02"})
    docs = []
    for published in ("2017-11-02", "2020-01-02", None, "2020-01-02"):
        doc = nlp.make_doc("It rained on Monday.")
        doc._.published = published
        docs.append(doc)
    values = [[s._.timex_value for s in d.spans["timeline"]] for d in nlp.pipe(docs, n_process=2, batch_size=1)]
    assert values == [["2017-10-30"], ["2019-12-30"], ["2017-10-30"], ["2019-12-30"]]
