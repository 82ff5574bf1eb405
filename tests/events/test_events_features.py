"""Pair features added in the third anchoring pass: competing dates of one
sentence, the timex's granularity and direction, the candidate's relation to
the rules' main trigger; the linear 'between' counts; coordinated dates."""

from __future__ import annotations

from datetime import date

from events_helpers import PUBLISHED, anchor, parse, timexes_for, triggers

from timeline.events import EventAnchorer
from timeline.events.anchor import sentence_dates
from timeline.events.classifier import Candidate, shipped_event_model
from timeline.events.eventness import eventness_features
from timeline.events.interval import interval, placement
from timeline.model import DateInterval
from timeline.nlp import ParsedText


def _candidates(text: str, marks: list[tuple[str, str]], which: int = 0) -> dict[str, Candidate]:
    timexes = timexes_for(text, marks)
    parsed = parse(text)
    found = EventAnchorer().candidates(timexes[which], parsed, sentence_dates(timexes, parsed), PUBLISHED)
    return {c.token.text: c for c in found}


def test_a_word_another_date_attaches_to_is_marked_as_its_rival() -> None:
    text = "The company announced on Monday that it would close the plant on Friday."
    monday = _candidates(text, [("Monday", "2017-10-30"), ("Friday", "2017-11-03")], which=0)
    assert "rival=governed" in monday["close"].features  # Friday dates the closing
    assert "rival=none" in monday["announced"].features
    assert "timexes=2" in monday["announced"].features
    friday = _candidates(text, [("Monday", "2017-10-30"), ("Friday", "2017-11-03")], which=1)
    assert "rival=governed" in friday["announced"].features
    assert "rival=none" in friday["close"].features  # its own attachment is no rival


def test_a_lone_date_has_no_rivals() -> None:
    found = _candidates("The ministers met in Paris on Monday.", [("Monday", "2017-10-30")])
    assert {"rival=none", "timexes=1", "main=self", "gran=day"} <= set(found["met"].features)


def test_granularity_and_tense_agreement_features() -> None:
    future = _candidates("Trump will visit China on Nov. 8.", [("Nov. 8", "2017-11-08")])
    assert {"gran=day", "when=future|modal"} <= set(future["visit"].features)
    past = _candidates("Sales collapsed in 2016.", [("2016", "2016")])
    assert {"gran=year", "when=past|VBD"} <= set(past["collapsed"].features)


def test_relation_to_the_main_trigger() -> None:
    found = _candidates("The company stopped paying a dividend in the third quarter of 1984.",
                        [("the third quarter of 1984", "1984-Q3")])
    features = {word: c.features for word, c in found.items()}
    main = next(word for word, f in features.items() if "main=self" in f)
    other = "stopped" if main == "paying" else "paying"
    assert {"main=head-xcomp", "main=child-xcomp"} & set(features[other])
    assert "gran=month" in features[main]


def test_between_counts_equal_a_slice_of_the_sentence() -> None:
    text = ("The board, which met on Jan. 3, voted when it could, approved the plan; "
            "then it signed the deal -- and it announced the result.")
    found = _candidates(text, [("Jan. 3", "2017-01-03")])
    doc = next(iter(found.values())).token.doc
    head = next(t for t in doc if t.text == "3")
    for candidate in found.values():
        lo, hi = sorted((head.i, candidate.token.i))
        between = doc[lo + 1:hi]
        verbs = min(sum(t.pos_ == "VERB" for t in between), 2)
        assert f"verbs-between={verbs}" in candidate.features, candidate.token.text
        punct = any(t.text in (",", ";", ":", "--") for t in between)
        assert ("punct-between" in candidate.features) == punct, candidate.token.text
        clause = any(t.dep_ == "mark" or t.tag_ in ("WDT", "WRB", "WP") for t in between)
        assert ("clause-between" in candidate.features) == clause, candidate.token.text


def test_coordinated_dates_date_what_the_first_one_dates() -> None:
    text = "Kopp crossed the border in 1994, 1995 and 1997."
    events = anchor(text, [("1994", "1994"), ("1995", "1995"), ("1997", "1997")])
    dated = {e.date.value for e in events if e.date is not None and "crossed" in {m.trigger.text for m in e.mentions}}
    mentions = {m.timex for e in events for m in e.mentions if m.trigger.text == "crossed"}
    assert dated and mentions == {"t1", "t2", "t3"}, triggers(events)


def test_placement_of_an_interval_around_a_day() -> None:
    day = date(2017, 11, 2)
    assert placement(_interval("2017-10"), day) == "past"
    assert placement(_interval("2017-11"), day) == "around"
    assert placement(_interval("2017-11-02T15:00"), day) == "around"
    assert placement(_interval("2018"), day) == "future"


def _interval(value: str) -> DateInterval:
    found = interval(value, PUBLISHED)
    assert found is not None
    return found


def test_token_look_ups_by_offset() -> None:
    text = "Prices rose  sharply on Monday.\n\nThey fell on Tuesday."
    parsed = parse(text)
    assert isinstance(parsed, ParsedText)
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 12) + 1):
            piece = parsed.piece_at(start)
            expected = [] if piece is None else [
                t for t in piece.doc
                if t.idx < end - piece.start and t.idx + len(t.text) > start - piece.start
            ]
            assert [t.i for t in parsed.tokens(start, end)] == [t.i for t in expected], (start, end)
        token = parsed.token_at(start)
        piece = parsed.piece_at(start)
        if piece is not None:
            local = start - piece.start
            first = next((t for t in piece.doc if t.idx + len(t.text) > local), None)
            assert (token.i if token is not None else None) == (first.i if first is not None else None)
            assert piece.end == piece.start + len(piece.doc.text)


def test_eventness_tells_events_from_other_words() -> None:
    model = shipped_event_model()
    text = "The foreign ministers met in Paris on Monday for a ceremony marking the treaty."
    found = _candidates(text, [("Monday", "2017-10-30")])
    p = {word: model.probability(c.word_features) for word, c in found.items()}
    assert p["met"] > 0.8 and p["ceremony"] > 0.5
    assert p["ministers"] < 0.2 and p["met"] > p["treaty"]
    bands = {word: next(f for f in c.features if f.startswith("ev=") and "|" not in f) for word, c in found.items()}
    assert bands["met"] == "ev=4" and bands["ministers"] == "ev=0"
    assert "ev=4|main=self" in found["met"].features


def test_eventness_features_join_the_band_with_plain_pair_features() -> None:
    added = eventness_features(0.55, ["rel=governor", "rel=governor|VERB", "pos=VERB", "path=pobj^prep|"])
    assert added == ["ev=2", "ev=2|rel=governor", "ev=2|pos=VERB"]
    assert eventness_features(1.0, [])[0] == "ev=4" and eventness_features(0.0, [])[0] == "ev=0"
