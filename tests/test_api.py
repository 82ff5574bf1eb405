"""The Python API as a programmer uses it: timeline.extract / extract_many,
the errors they raise, and Timeline assembly and rendering."""

from __future__ import annotations

import json
import logging
from dataclasses import FrozenInstanceError
from datetime import date, datetime, timedelta, timezone
from types import SimpleNamespace
from typing import Any

import pytest

import timeline
from timeline import (
    Document, ExportError, InputError, MissingPublicationDate, ProcessingError, SettingsError, TimelineError,
    Timex,
)

THURSDAY = date(2017, 11, 2)
# past tense, so any resolver puts "Tuesday" before the Thursday publication date
TALKS = "The talks ended on Tuesday. Officials met again on Wednesday."


def values(doc: Document) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in doc.timexes]


def test_extract_resolves_against_publication_date() -> None:
    doc = timeline.extract(TALKS, THURSDAY, title="Talks", url="https://example.com/a")
    assert ("Tuesday", "2017-10-31") in values(doc)
    assert ("Wednesday", "2017-11-01") in values(doc)
    assert doc.published == THURSDAY and doc.published_at is None
    assert (doc.title, doc.url) == ("Talks", "https://example.com/a")
    for t in doc.timexes:
        assert isinstance(t, Timex)
        assert doc.text[t.start:t.end] == t.text


def test_document_is_frozen() -> None:
    doc = timeline.extract(TALKS, THURSDAY)
    with pytest.raises(FrozenInstanceError):
        doc.title = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("published", [
    THURSDAY, "2017-11-02", datetime(2017, 11, 2, 9, 30), "2017-11-02T09:30:00",
    "2017-11-02T09:30:00-05:00", "2017-11-02T14:30:00Z",
])
def test_published_accepts_dates_datetimes_and_iso_strings(published: Any) -> None:
    doc = timeline.extract(TALKS, published)
    assert doc.published == THURSDAY
    assert ("Tuesday", "2017-10-31") in values(doc)


def test_aware_datetime_keeps_its_zone() -> None:
    est = timezone(timedelta(hours=-5))
    doc = timeline.extract(TALKS, datetime(2017, 11, 2, 23, 30, tzinfo=est))
    assert doc.published_at is not None and doc.published_at.utcoffset() == timedelta(hours=-5)
    # the day is the day where it was published, not the UTC day (Nov 3)
    assert doc.published == THURSDAY
    from_string = timeline.extract(TALKS, "2017-11-02T23:30:00-05:00")
    assert from_string.published_at == doc.published_at
    assert from_string.published_at is not None and from_string.published_at.tzinfo is not None


def test_clock_times_use_the_local_day_of_an_aware_publication_time() -> None:
    # 23:30 in New York is already Nov 3 in UTC: "this morning" is still Nov 2
    doc = timeline.extract("Earlier this morning, the talks ended.", "2017-11-02T23:30:00-05:00")
    times = [t for t in doc.timexes if t.type == "TIME"]
    assert times and all(t.value.startswith("2017-11-02T") for t in times)


def test_settings_errors_are_timeline_errors() -> None:
    with pytest.raises(SettingsError, match="workers"):
        timeline.Settings(workers=0)
    with pytest.raises(SettingsError, match="events"):
        timeline.Settings(events="yes")  # type: ignore[arg-type]
    with pytest.raises(SettingsError, match="unknown setting colour"):
        timeline.Settings().with_(colour="blue")


def test_naive_datetime_stays_naive() -> None:
    doc = timeline.extract(TALKS, "2017-11-02T09:30:00")
    assert doc.published_at == datetime(2017, 11, 2, 9, 30)
    assert doc.published_at.tzinfo is None


def test_document_serialises_to_json() -> None:
    doc = timeline.extract(TALKS, "2017-11-02T09:30:00-05:00", id="talks")
    data = json.loads(json.dumps(doc.to_dict()))
    assert data["id"] == "talks"
    assert data["published"] == "2017-11-02"
    assert data["published_at"] == "2017-11-02T09:30:00-05:00"
    assert {"text": "Tuesday", "value": "2017-10-31"}.items() <= data["timexes"][0].items()


@pytest.mark.parametrize("published", [None, ""])
def test_missing_publication_date(published: Any) -> None:
    with pytest.raises(MissingPublicationDate, match="published"):
        timeline.extract(TALKS, published)


@pytest.mark.parametrize("published, fragment", [
    ("2017-13-45", "2017-13-45"), ("next week", "next week"), (20171102, "int"), ([2017, 11, 2], "list"),
])
def test_bad_publication_date_is_an_input_error(published: Any, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        timeline.extract(TALKS, published)


def test_junk_publication_date_is_refused_without_echoing_it() -> None:
    with pytest.raises(InputError, match=r"too long \(20000 characters\)") as caught:
        list(timeline.extract_many([{"text": "On Monday.", "date": "9" * 20_000}]))
    assert len(str(caught.value)) < 200


@pytest.mark.parametrize("text, fragment", [
    (b"On Monday.", "decode"), (None, "NoneType"), (42, "int"), ("On Monday \ud800.", "surrogate at character 10"),
])
def test_text_must_be_a_string(text: Any, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        timeline.extract(text, THURSDAY)


def test_every_error_is_a_timeline_error() -> None:
    for cls in (InputError, MissingPublicationDate, SettingsError, ExportError):
        assert issubclass(cls, TimelineError)
    assert issubclass(MissingPublicationDate, InputError)
    error = InputError("bad date", location="record 3")
    assert str(error) == "record 3: bad date"
    assert (error.location, error.reason) == ("record 3", "bad date")


def test_errors_keep_their_location_through_pickle() -> None:
    import pickle

    error = pickle.loads(pickle.dumps(MissingPublicationDate("no date", location="feed.csv:17")))
    assert type(error) is MissingPublicationDate
    assert (str(error), error.location, error.reason) == ("feed.csv:17: no date", "feed.csv:17", "no date")


def test_empty_text_gives_an_empty_document() -> None:
    doc = timeline.extract("", THURSDAY)
    assert doc.timexes == () and doc.events == ()


def test_unknown_spacy_model_is_a_settings_error() -> None:
    with pytest.raises(SettingsError, match="not-a-model"):
        timeline.extract(TALKS, THURSDAY, settings=timeline.Settings(spacy_model="not-a-model"))


# --- extract_many ----------------------------------------------------------

def records() -> list[Any]:
    return [
        {"text": "They met on Tuesday.", "published": "2017-11-02", "id": "a", "title": "A"},
        SimpleNamespace(text="It rained on Monday.", published=date(2017, 11, 2), title="B", url=None),
        timeline.Article(text="Sales fell on Wednesday.", published=date(2017, 11, 2), id="c"),
    ]


def test_extract_many_accepts_dicts_objects_and_articles() -> None:
    docs = list(timeline.extract_many(records()))
    assert [d.title for d in docs] == ["A", "B", None]
    assert [values(d) for d in docs] == [
        [("Tuesday", "2017-10-31")], [("Monday", "2017-10-30")], [("Wednesday", "2017-11-01")],
    ]
    assert docs[0].id == "a" and docs[2].id == "c"


def test_extract_many_is_lazy() -> None:
    def endless() -> Any:
        n = 0
        while True:
            n += 1
            yield {"text": f"Item {n} came on Monday.", "published": THURSDAY}

    first = next(timeline.extract_many(endless()))
    assert values(first) == [("Monday", "2017-10-30")]


def test_extract_many_matches_extract() -> None:
    many = list(timeline.extract_many(records()))
    one = timeline.extract("They met on Tuesday.", "2017-11-02", id="a", title="A")
    assert many[0] == one


def test_bad_record_raises_after_the_documents_before_it() -> None:
    bad = [*records()[:2], {"text": "No date on Friday."}, records()[2]]
    seen: list[Document] = []
    with pytest.raises(MissingPublicationDate) as caught:
        for doc in timeline.extract_many(bad):
            seen.append(doc)
    assert [d.title for d in seen] == ["A", "B"]
    assert caught.value.location == "record 2"
    assert str(caught.value).startswith("record 2: ")


def test_bad_record_location_names_its_id() -> None:
    bad = [{"text": "On Friday.", "published": "2017-02-30", "id": "wire-17"}]
    with pytest.raises(InputError, match="2017-02-30") as caught:
        list(timeline.extract_many(bad))
    assert caught.value.location == "record 0 (id wire-17)"


def test_skip_logs_and_continues(caplog: pytest.LogCaptureFixture) -> None:
    bad = [records()[0], {"published": THURSDAY}, "just a string", records()[1]]
    with caplog.at_level(logging.WARNING, logger="timeline"):
        docs = list(timeline.extract_many(bad, on_error="skip"))
    assert [d.title for d in docs] == ["A", "B"]
    logged = [r.getMessage() for r in caplog.records]
    assert len(logged) == 2 and "record 1" in logged[0] and "record 2" in logged[1]


def test_callable_on_error_receives_each_error() -> None:
    errors: list[TimelineError] = []
    bad = [{"text": 3, "published": THURSDAY}, records()[0], {"text": "x", "published": "soon"}]
    docs = list(timeline.extract_many(bad, on_error=errors.append))
    assert [d.title for d in docs] == ["A"]
    assert [type(e) for e in errors] == [InputError, InputError]
    assert [e.location for e in errors] == ["record 0", "record 2"]


def test_bad_on_error_and_workers_are_settings_errors() -> None:
    with pytest.raises(SettingsError):
        list(timeline.extract_many(records(), on_error="ignore"))  # type: ignore[arg-type]
    with pytest.raises(SettingsError):
        list(timeline.extract_many(records(), workers=0))


# --- Timeline ----------------------------------------------------------------

def test_timeline_from_documents_renders_json_and_timeml() -> None:
    docs = list(timeline.extract_many(records()))
    line = timeline.Timeline.from_documents(docs)
    assert line.documents == tuple(docs)
    data = json.loads(line.to_json())
    assert [d["id"] for d in data["documents"]] == [d.id for d in docs]
    tml = line.to_timeml()
    assert 'value="2017-10-31"' in tml and "<TIMEX3" in tml
    for render in (line.to_html, line.to_ics, line.to_timelinejs):
        assert isinstance(render(), str) and render()
    assert line.to_ics().startswith("BEGIN:VCALENDAR")
    assert json.loads(line.to_timelinejs())


def test_public_names_are_documented() -> None:
    for name in timeline.__all__:
        obj = getattr(timeline, name)
        if callable(obj):
            assert (obj.__doc__ or "").strip(), f"timeline.{name} has no docstring"


# --- failures below the API and parallel runs ---------------------------------

@pytest.fixture
def tagger_fails_on_boom(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.temporal import TemporalTagger

    real_tag = TemporalTagger.tag

    def tag(self: TemporalTagger, text: str, *args: Any, **kwargs: Any) -> Any:
        if "BOOM" in text:
            raise ValueError("simulated bug")
        return real_tag(self, text, *args, **kwargs)

    monkeypatch.setattr(TemporalTagger, "tag", tag)


@pytest.mark.usefixtures("tagger_fails_on_boom")
def test_a_bug_below_extract_is_a_processing_error() -> None:
    with pytest.raises(ProcessingError, match="simulated bug") as caught:
        timeline.extract("BOOM on Monday.", THURSDAY)
    assert isinstance(caught.value.__cause__, ValueError)


@pytest.mark.usefixtures("tagger_fails_on_boom")
def test_a_bug_on_one_record_does_not_lose_the_others() -> None:
    bad = [records()[0], {"text": "BOOM on Monday.", "published": THURSDAY}, records()[1]]
    errors: list[TimelineError] = []
    docs = list(timeline.extract_many(bad, on_error=errors.append))
    assert [d.title for d in docs] == ["A", "B"]
    assert [(type(e), e.location) for e in errors] == [(ProcessingError, "record 1")]


def test_repeated_ids_are_made_unique() -> None:
    same = [{"text": "On Monday.", "published": THURSDAY, "id": "x"}] * 3
    assert [d.id for d in timeline.extract_many(same)] == ["x", "x-2", "x-3"]


def test_two_workers_give_the_same_results_and_errors() -> None:
    corpus: list[Any] = [
        {"text": f"Story {i} said talks ended on Tuesday.", "published": "2017-11-02", "id": f"s{i}"}
        for i in range(12)
    ]
    corpus.insert(5, {"text": "No date.", "id": "undated"})
    serial_errors: list[TimelineError] = []
    parallel_errors: list[TimelineError] = []
    serial = list(timeline.extract_many(corpus, on_error=serial_errors.append))
    settings = timeline.Settings(batch_size=4)  # several chunks in flight
    parallel = list(timeline.extract_many(corpus, workers=2, settings=settings, on_error=parallel_errors.append))
    assert parallel == serial and len(serial) == 12
    assert [str(e) for e in parallel_errors] == [str(e) for e in serial_errors]
    assert [e.location for e in serial_errors] == ["record 5 (id undated)"]


def test_docstring_examples_run() -> None:
    import doctest

    import timeline.api

    for module in (timeline, timeline.api):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.attempted > 0 and result.failed == 0, module.__name__


def test_csv_rows_work_as_records() -> None:
    import csv
    import io

    rows = csv.DictReader(io.StringIO(
        'title,text,subject,date\n'
        'Talks,"WASHINGTON (Reuters) - The talks ended on Tuesday.",politics,"November 2, 2017 "\n'
        'Rain,"It rained on Monday.",weather,2017-11-02\n'
        'Bad,"On Friday.",x,sometime\n'
    ))
    errors: list[TimelineError] = []
    docs = list(timeline.extract_many(rows, on_error=errors.append))
    assert [(d.title, d.published) for d in docs] == [("Talks", THURSDAY), ("Rain", THURSDAY)]
    assert values(docs[0]) == [("Tuesday", "2017-10-31")]
    assert [(type(e), e.location) for e in errors] == [(InputError, "record 2")]
    assert "sometime" in str(errors[0])
