"""Anchoring rules on short sentences with hand-made timexes."""

from __future__ import annotations

from datetime import datetime

from events_helpers import PUBLISHED, anchor, parse, timexes_for, triggers

from timeline.events import EventAnchorer
from timeline.model import Timex
from timeline.settings import Settings


def test_possessive_date_dates_the_event_noun_not_the_relating_verb() -> None:
    events = anchor("It follows Tuesday's agreement between Seoul and Beijing.", [("Tuesday", "2017-10-31")])
    assert triggers(events) == ["agreement"]
    assert events[0].date is not None and events[0].date.value == "2017-10-31"


def test_prepositional_date_dates_the_verb_it_modifies() -> None:
    events = anchor("The foreign ministers met in Paris on Monday to discuss trade.", [("Monday", "2017-10-30")])
    assert triggers(events) == ["met"]
    assert events[0].title.lower().startswith(("the foreign ministers met", "foreign ministers met"))


def test_dated_document_dates_what_was_done_with_it() -> None:
    events = anchor("Xi wrote in the message dated Nov. 1 that ties would improve.", [("Nov. 1", "2017-11-01")])
    assert triggers(events) == ["wrote"]


def test_a_relating_predicate_dates_nothing_but_a_person_doing_it_is_a_deed() -> None:
    assert anchor("The figures refer to the June quarter, Mr. Ortega said.", [("June", "2017-06")]) == ()
    events = anchor("On Saturday he referred to them as criminal aliens.", [("Saturday", "2017-12-09")])
    assert triggers(events) == ["referred"]


def test_a_message_sent_is_dated_by_its_date() -> None:
    events = anchor("In an email to CFPB managers Thursday evening, English reminded them of the pending enforcement "
                    "actions and said other routine reports on consumer protections are due in December.",
                    [("Thursday evening", "2017-11-30TEV"), ("December", "2017-12")])
    assert [e.date.value for e in events if e.trigger.text in ("email", "reminded")] == ["2017-11-30TEV"]


def test_boundary_prepositions_date_nothing() -> None:
    assert anchor("The company must repay the loan before Friday.", [("Friday", "2017-11-03")]) == ()
    assert anchor("Prices have doubled after 1990.", [("1990", "1990")]) == ()


def test_since_bounding_a_first_or_a_superlative_dates_nothing() -> None:
    assert anchor("General Motors posted its first annual loss since 1992.", [("1992", "1992")]) == ()
    assert anchor("The company reported its biggest quarterly drop since 2008.", [("2008", "2008")]) == ()
    # without the comparison, "since" still dates the change (TimeBank links it: BEGINS)
    assert triggers(anchor("Prices have risen since 2015.", [("2015", "2015")])) == ["risen"]


def test_future_verb_group() -> None:
    (event,) = anchor("Trump will visit China on Nov. 8.", [("Nov. 8", "2017-11-08")])
    assert (event.trigger.text, event.tense) == ("visit", "future")
    (event,) = anchor("Trump is going to visit China on Nov. 8.", [("Nov. 8", "2017-11-08")])
    assert event.tense == "future"


def test_tense_of_noun_events_follows_the_date() -> None:
    (past,) = anchor("The summit on Oct. 3 was a success.", [("Oct. 3", "2017-10-03")])
    assert (past.trigger.text, past.tense) == ("summit", "past")
    (future,) = anchor("Officials prepared for the summit on Dec. 3.", [("Dec. 3", "2017-12-03")])
    assert (future.trigger.text, future.tense) == ("summit", "future")


def test_hedges_and_modifiers_make_the_date_approximate() -> None:
    (about,) = anchor("The blast occurred at about 10:35 a.m. on the street.", [("10:35 a.m.", "2017-11-02T10:35")])
    assert about.certainty == "approximate"
    assert about.date is not None and about.date.start == datetime(2017, 11, 2, 10, 35)
    (early,) = anchor("Sales collapsed in 2016.", [("2016", "2016")], mod="START")
    assert early.certainty == "approximate"
    (exact,) = anchor("Sales collapsed in 2016.", [("2016", "2016")])
    assert exact.certainty == "exact"


def test_fuzzy_values_give_vague_undated_events() -> None:
    (event,) = anchor("He visited Japan in the past.", [("the past", "PAST_REF")])
    assert event.trigger.text == "visited"
    assert event.date is None and event.certainty == "vague"


def test_present_ref_dates_no_event_a_state_is_listed_undated() -> None:
    # "a former congressman who now heads the CIA": a state around the telling, not a happening's day
    (event,) = anchor("Pompeo, a former congressman who now heads the CIA, drew mixed reviews.", [("now", "PRESENT_REF")])
    assert event.date is None and event.certainty == "vague"


def test_durations_and_sets_date_no_event() -> None:
    text = "The talks lasted three days and are held every week."
    timexes = (
        Timex("t1", text.index("three days"), text.index("three days") + 10, "three days", "DURATION", "P3D"),
        Timex("t2", text.index("every week"), text.index("every week") + 10, "every week", "SET", "P1W"),
    )
    assert EventAnchorer().anchor(text, PUBLISHED, timexes, parse(text)) == ()


def test_same_happening_mentioned_twice_is_one_event_with_both_mentions() -> None:
    text = "The election on Sunday went smoothly. Officials said the election on Sunday drew large crowds."
    marks = [("Sunday", "2017-10-29"), ("Sunday", "2017-10-29")]
    (event,) = [e for e in anchor(text, marks) if e.lemma == "election"]
    assert [m.timex for m in event.mentions] == ["t1", "t2"]
    assert event.mentions[0].trigger.start < event.mentions[1].trigger.start
    separate = [e for e in anchor(text, marks, settings=Settings(merge_events=False)) if e.lemma == "election"]
    assert len(separate) == 2 and all(len(e.mentions) == 1 for e in separate)


def test_one_trigger_dated_twice_keeps_the_finer_date() -> None:
    text = "The meeting ended at 3 p.m. on Monday."
    events = anchor(text, [("3 p.m.", "2017-10-30T15:00"), ("Monday", "2017-10-30")])
    (event,) = [e for e in events if e.trigger.text == "ended"]
    assert event.date is not None and event.date.granularity == "minute"
    assert {m.timex for m in event.mentions} == {"t1", "t2"}


def test_different_dates_stay_different_events() -> None:
    text = "The army tested a missile on Sept. 3 and tested another one on Sept. 15."
    events = anchor(text, [("Sept. 3", "2017-09-03"), ("Sept. 15", "2017-09-15")])
    assert sorted(e.date.value for e in events if e.date) == ["2017-09-03", "2017-09-15"]


def test_entities_are_the_proper_nouns_of_the_clause() -> None:
    (event,) = anchor("Chinese President Xi Jinping met Donald Trump in Beijing on Thursday.",
                      [("Thursday", "2017-11-02")])
    assert {"Donald Trump", "Beijing"} <= set(event.entities)
    assert any(e.endswith("Xi Jinping") for e in event.entities)
    assert "Thursday" not in " ".join(event.entities)


def test_entities_from_the_named_entity_recogniser_when_asked() -> None:
    settings = Settings(entities=True)
    text = "Chinese President Xi Jinping met Donald Trump in Beijing on Thursday."
    timexes = timexes_for(text, [("Thursday", "2017-11-02")])
    (event,) = EventAnchorer(settings).anchor(text, PUBLISHED, timexes, parse(text, settings))
    assert "Donald Trump" in event.entities and "Beijing" in event.entities


def test_fuzzy_future_and_modals_are_future() -> None:
    (event,) = anchor("The two leaders may meet again in the future.", [("the future", "FUTURE_REF")])
    assert (event.trigger.text, event.tense, event.date) == ("meet", "future", None)


def test_have_to_dates_the_obligation() -> None:
    (event,) = anchor("The department has to submit a plan on Feb. 21.", [("Feb. 21", "2018-02-21")])
    assert (event.trigger.text, event.tense) == ("submit", "future")


def test_a_chronology_entry_dates_the_verb_it_tells() -> None:
    # a line of a chronology: the parser leaves the date apart from the entry's clause
    text = ("Here is a timeline of the case:\n* Dec. 22: A “very senior member” of the Trump transition team "
            "directs Flynn to contact officials from foreign governments.\n"
            "* Dec. 29: Flynn calls a senior transition team official, who is with other members at Mar-a-Lago.")
    events = anchor(text, [("Dec. 22", "2016-12-22"), ("Dec. 29", "2016-12-29")])
    dated = {e.trigger.text: e.date.value for e in events if e.date is not None}
    assert dated.get("directs") == "2016-12-22" and dated.get("calls") == "2016-12-29"


def test_a_time_stamp_closing_a_list_item_dates_that_item_not_the_next() -> None:
    # Reuters' "Trump on Twitter" factboxes put each tweet's time after it, in brackets
    from datetime import date

    from timeline.api import extract
    text = ("The following statements were posted to the verified Twitter accounts of U.S. President Donald "
            "Trump. Reuters has not edited the statements or confirmed their accuracy.  @realDonaldTrump : - "
            "While the Fake News loves to talk about my so-called low approval rating, @foxandfriends just showed "
            "that my rating was approximately the same as President Obama, which was 47%! [0746 EST] - Why is the "
            "United States Post Office charging Amazon and others so little to deliver their packages? Should be "
            "charging MUCH MORE! [0804 EST] -- Source link: (bit.ly/2jBh4LU)")
    doc = extract(text, date(2017, 12, 29))
    first, second = text.index("While"), text.index("Why is")
    stamp_of = {t.id: t.text for t in doc.timexes}
    dated = [(e.trigger.start, stamp_of[e.timex]) for e in doc.events if stamp_of.get(e.timex, "").endswith("EST")]
    assert any(first <= at < second and stamp == "0746 EST" for at, stamp in dated)
    assert any(second <= at and stamp == "0804 EST" for at, stamp in dated)
    # no word of the second tweet takes the first tweet's time
    assert not any(at >= second and stamp == "0746 EST" for at, stamp in dated)


def test_a_stamped_item_without_a_verb_is_still_dated_by_its_stamp() -> None:
    from datetime import date

    from timeline.api import extract
    text = ("@realDonaldTrump : - To each member of the graduating class from the National Academy at Quantico, "
            "CONGRATULATIONS! [1235 EST] - You are always there for us, and we will always be there for you! "
            "[1249 EST] -- Source link: (bit.ly/2jBh4LU)")
    doc = extract(text, date(2017, 12, 15))
    stamp_of = {t.id: t.text for t in doc.timexes}
    first_item = range(text.index("To each"), text.index("[1235"))
    assert [stamp_of[e.timex] for e in doc.events if e.trigger.start in first_item] == ["1235 EST"]


def test_a_posted_item_is_headed_by_its_author_and_its_first_words() -> None:
    # a tweet's title quotes it, as an editor heads a post, rather than parsing "I" into a name
    from datetime import date

    from timeline.api import extract
    text = ("@realDonaldTrump : - I fulfilled my campaign promise - others didn't! [0041 EST] - Fines and "
            "penalties against Wells Fargo Bank for their bad acts against their customers and others will not be "
            "dropped, as has incorrectly been reported, but will be pursued and, if anything, substantially "
            "increased. [1018 EST] -- Source link: (bit.ly/2jBh4LU)")
    titles = {e.date.value[11:16]: e.title for e in extract(text, date(2017, 12, 8)).events if e.date is not None}
    assert titles["00:41"] == "@realDonaldTrump: “I fulfilled my campaign promise - others didn't”"
    # a long first sentence is quoted in part, the cut marked
    assert titles["10:18"].startswith("@realDonaldTrump: “Fines and penalties against Wells Fargo Bank")
    assert titles["10:18"].endswith("…”") and len(titles["10:18"].split()) <= 14


def test_a_date_after_an_opening_participle_dates_the_participle() -> None:
    # the parser gives the date to the main verb; it is the birth's date, not the education's
    events = anchor("Born in Rockford, Illinois, on Feb. 15, 1922, Anderson was educated at Harvard Law School.",
                    [("Feb. 15, 1922", "1922-02-15")])
    assert triggers(events) == ["Born"]
    # a participle after the date, or one with a subject of its own, keeps the main verb
    later = anchor("On Feb. 15, 1922, Anderson, born in Rockford, moved to Chicago.", [("Feb. 15, 1922", "1922-02-15")])
    assert "Born" not in triggers(later) and "born" not in triggers(later)


def test_a_dated_happening_before_or_since_which_a_clause_holds_does_not_title_it() -> None:
    # the date is the election's: the seats were held before it, not on Nov. 7
    events = anchor("Before the Nov. 7 general election, Republicans held 66 seats to Democrats' 34.",
                    [("Nov. 7", "2017-11-07")])
    assert triggers(events) == ["election"]
    assert "held" not in events[0].title.lower() and "election" in events[0].title.lower()
    # the date is taking office's: the seeking goes on since then
    events = anchor("Trump, who is still seeking his first major legislative win since taking office in January, "
                    "went to the Capitol.", [("January", "2017-01")])
    assert triggers(events) == ["taking"]
    assert "seeking" not in events[0].title.lower() and "office" in events[0].title.lower()
    # "by a vote" is the means, not another time: the vote's clause titles it
    events = anchor("The House of Representatives approved a tax bill by a 227-205 vote on Nov. 16.",
                    [("Nov. 16", "2017-11-16")])
    assert "approved" in " ".join(e.title for e in events)


def test_the_headline_titles_the_lead_only_for_a_date_of_the_news() -> None:
    text = ("BRUSSELS (Reuters) - On the eve of his trip to Europe, Rex Tillerson gave a speech last week that "
            "European allies had waited months to hear.")
    headline = "U.S. allies fret as 'guillotine' hangs over Tillerson"
    published = datetime(2017, 12, 3).date()
    anchorer = EventAnchorer()
    background = anchorer.anchor(text, published, timexes_for(text, [("last week", "2017-W47")]), parse(text),
                                 headline)
    assert background and all(e.title != headline for e in background)  # the speech was not the fretting
    news = text.replace("last week", "on Saturday")
    told = anchorer.anchor(news, published, timexes_for(news, [("Saturday", "2017-12-02")]), parse(news), headline)
    assert [e.title for e in told if e.trigger.text == "gave"] == [headline]
