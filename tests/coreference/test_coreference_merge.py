"""Event coreference within and across articles: one entry per happening,
different happenings of one day apart."""

from __future__ import annotations

from dataclasses import replace

from support import PUBLISHED, lemma_document, told_document
from timeline.assemble import Timeline
from timeline.model import Document, EventMention, TextSpan
from timeline.settings import Settings


def test_same_happening_in_two_articles_is_one_entry_with_both_sources() -> None:
    a = lemma_document("a", [("meet", "2017-11-09", ("Xi Jinping", "Trump")), ("test", "2017-09-03", ("Pyongyang",))])
    b = lemma_document("b", [("talks", "2017-11-09", ("Xi",)), ("test", "2017-09-03", ("Seoul",))])
    timeline = Timeline.from_documents([a, b])
    merged = [e for e in timeline.entries if e.date and e.date.value == "2017-11-09"]
    assert len(merged) == 1
    assert [(s.document_id, s.event_id) for s in merged[0].sources] == [("a", "e1"), ("b", "e1")]
    assert merged[0].title == "Xi Jinping Trump meet 1 of a"  # the first report's, as clear as the other
    # the nuclear tests share no participant: two entries
    assert len([e for e in timeline.entries if e.lemma == "test"]) == 2


def test_merged_entry_takes_the_clearest_title() -> None:
    a = lemma_document("a", [("meet", "2017-11-09", ("Xi",))])
    b = lemma_document("b", [("talks", "2017-11-09", ("Xi",))])
    a = replace(a, events=(replace(a.events[0], title="Xi said"),))  # a bare statement
    b = replace(b, events=(replace(b.events[0], title="Xi will meet Trump in Beijing"),))
    (entry,) = Timeline.from_documents([a, b]).entries
    assert entry.title == "Xi will meet Trump in Beijing"
    assert [s.document_id for s in entry.sources] == ["a", "b"]  # the first report still leads


def test_no_merge_across_dates_unrelated_events_or_when_turned_off() -> None:
    a = lemma_document("a", [("meet", "2017-11-09", ("Xi",)), ("visit", "2017-11-08", ("Trump",))])
    b = lemma_document("b", [("meet", "2017-11-10", ("Xi",)), ("protest", "2017-11-08", ("Trump",))])
    assert len(Timeline.from_documents([a, b]).entries) == 4
    c = lemma_document("c", [("meet", "2017-11-09", ("Xi",))])
    assert len(Timeline.from_documents([a, c]).entries) == 2
    assert len(Timeline.from_documents([a, c], Settings(merge_events=False)).entries) == 3


def test_related_events_of_one_article_are_merged_but_not_other_happenings_of_that_day() -> None:
    a = lemma_document("a", [("meet", "2017-11-09", ("Xi",)), ("talks", "2017-11-09", ("Xi",)),
                   ("protest", "2017-11-09", ("Hong Kong",))])
    assert [len(e.sources) for e in Timeline.from_documents([a]).entries] == [2, 1]


def test_merge_is_transitive_and_keeps_first_position() -> None:
    docs = [lemma_document(name, [("attack", "2017-08-17", ("Barcelona",))]) for name in "abc"]
    docs.insert(1, lemma_document("x", [("vote", "2017-08-17", ("Catalonia",))]))
    timeline = Timeline.from_documents(docs)
    assert [e.lemma for e in timeline.entries] == ["attack", "vote"]
    assert [s.document_id for s in timeline.entries[0].sources] == ["a", "b", "c"]



def test_statements_merge_only_when_told_in_the_same_words() -> None:
    a = lemma_document("a", [("say", "2017-11-16", ("Trump",))])
    b = lemma_document("b", [("say", "2017-11-16", ("Trump",))])
    assert len(Timeline.from_documents([a, b]).entries) == 1
    c = lemma_document("c", [("say", "2017-11-16", ("Trump", "Moore", "Alabama"))])
    assert len(Timeline.from_documents([a, c]).entries) == 2


def test_one_happening_told_differently_is_one_entry_and_two_unveilings_of_one_day_are_two() -> None:
    a = told_document("a", [
        ("Senate Republicans unveiled long-delayed tax legislation on Thursday.", "unveiled", "2017-11-09",
         "Senate Republicans unveiled long-delayed tax legislation", ("Senate Republicans",)),
        ("House Republicans unveiled an $81 billion disaster aid package on Thursday.", "unveiled", "2017-11-09",
         "House Republicans unveiled $81 billion disaster aid package", ("House Republicans",)),
    ])
    b = told_document("b", [
        ("Republicans in the Senate unveiled their tax bill on Thursday, cutting the corporate rate.", "unveiled",
         "2017-11-09", "Republicans in Senate unveiled their tax bill", ("Senate",)),
        ("Trump unveiled a national security strategy on Thursday.", "unveiled", "2017-11-09",
         "Trump unveiled national security strategy", ("Trump",)),
    ])
    timeline = Timeline.from_documents([a, b])
    sources = sorted(sorted(s.sentence.text.split()[0] for s in e.sources) for e in timeline.entries)
    assert sources == [["House"], ["Republicans", "Senate"], ["Trump"]]


def test_a_verb_and_the_noun_it_governs_in_one_sentence_are_one_happening() -> None:
    sentence = "North Korea conducted its sixth nuclear test on Sept. 3."
    a = told_document("a", [
        (sentence, "conducted", "2017-09-03", "North Korea conducted its sixth nuclear test", ("North Korea",)),
        (sentence, "test", "2017-09-03", "Sixth nuclear test", ("North Korea",)),
    ])
    b = told_document("b", [("Its sixth and largest nuclear test on Sept. 3 drew new sanctions.", "test", "2017-09-03",
                     "Sixth and largest nuclear test", ())])
    (entry,) = Timeline.from_documents([a, b]).entries
    assert {s.document_id for s in entry.sources} == {"a", "b"}


def test_merge_bucket_works_on_one_bucket_alone() -> None:
    from timeline.coreference.candidates import candidates_of
    from timeline.coreference.rules import merge_bucket

    docs = [lemma_document(name, [("attack", "2017-08-17", ("Barcelona",))]) for name in "ab"]
    bucket = [c for i, d in enumerate(docs) for c in candidates_of(d, [i])]
    assert merge_bucket(bucket) == [[0, 1]]
    assert merge_bucket(bucket[:1]) == []


def test_one_happening_at_two_precisions_takes_the_finer_date_and_joins_one_happening_only() -> None:
    month = told_document("a", [("Papadopoulos pleaded guilty in October to lying to the FBI.", "pleaded", "2017-10",
                         "Papadopoulos pleaded guilty to lying to FBI", ("Papadopoulos",))])
    day = told_document("b", [
        ("Papadopoulos pleaded guilty on Oct. 5 to lying to the FBI about his contacts.", "pleaded", "2017-10-05",
         "Papadopoulos pleaded guilty to lying to FBI about his contacts", ("Papadopoulos",)),
        ("Papadopoulos pleaded guilty on Oct. 30 to a second count of lying to the FBI.", "pleaded", "2017-10-30",
         "Papadopoulos pleaded guilty to second count of lying to FBI", ("Papadopoulos",)),
    ])
    entries = Timeline.from_documents([month, day]).entries
    assert [(e.date.value if e.date else None, len(e.sources)) for e in entries] == [
        ("2017-10-05", 2), ("2017-10-30", 1)]


def test_an_arraignment_and_its_plea_are_one_happening_but_not_another_defendants_plea() -> None:
    a = told_document("a", [("Manafort's arraignment on Monday drew a crowd of reporters to the courthouse.",
                     "arraignment", "2017-10-30", "Manafort's arraignment drew crowd", ("Manafort",))])
    b = told_document("b", [
        ("Manafort entered a plea of not guilty in federal court in Washington on Monday.", "plea", "2017-10-30",
         "Manafort entered plea of not guilty in federal court", ("Manafort",)),
        ("Papadopoulos's plea, unsealed on Monday, covers lying to FBI agents about Russian contacts.", "plea",
         "2017-10-30", "Papadopoulos's plea unsealed", ("Papadopoulos",)),
    ])
    sources = sorted(sorted(s.sentence.text.split()[0] for s in e.sources)
                     for e in Timeline.from_documents([a, b]).entries)
    assert sources == [["Manafort", "Manafort's"], ["Papadopoulos's"]]


def test_a_trigger_and_a_related_word_of_the_other_headline_in_one_sentence_are_one_happening() -> None:
    sentence = "Trump asked Boente to tender his resignation on Friday, and Sessions named a successor."
    doc = told_document("a", [
        (sentence, "asked", "2017-04-21", "Boente asked to resign", ("Boente",)),
        (sentence, "resignation", "2017-04-21", "Boente to tender his resignation", ("Boente",)),
        (sentence, "named", "2017-04-21", "Sessions named successor", ("Sessions",)),
    ])
    # the three events read one sentence (``told_document`` gives each report its own copy)
    one = doc.events[0].sentence
    at = {e.id: one.start + sentence.index(e.trigger.text) for e in doc.events}
    triggers = {e.id: TextSpan(at[e.id], at[e.id] + len(e.trigger.text), e.trigger.text) for e in doc.events}
    doc = replace(doc, events=tuple(
        replace(e, sentence=one, trigger=triggers[e.id], mentions=(EventMention(e.timex, triggers[e.id], one),))
        for e in doc.events))
    entries = Timeline.from_documents([doc]).entries
    assert sorted(sorted(s.trigger.text for s in e.sources) for e in entries) == [["asked", "resignation"], ["named"]]


def test_two_triggers_at_one_moment_of_a_sentence_are_one_happening_two_coordinated_ones_are_not() -> None:
    import timeline

    moment = timeline.extract("She met the senator at a courthouse in 1979 when he offered to keep her company. "
                              "The spokeswoman called for restraint during a news briefing on Tuesday when asked "
                              "about the drills.", PUBLISHED)
    entries = Timeline.from_documents([moment]).entries
    assert len(moment.events) == 4
    assert sorted(len(e.sources) for e in entries) == [2, 2]


def test_one_actors_happening_told_twice_in_an_article_is_one_entry_not_the_actors_other_acts() -> None:
    endorsement = ("Attorney General Jeff Sessions on Friday offered a tepid endorsement of the FBI, which Trump "
                   "attacked.", "offered", "2017-12-15", "Attorney General Sessions offered tepid endorsement of FBI",
                   ("Jeff Sessions",))
    defence = ("Sessions on Friday defended the FBI, but it was a tepid endorsement of the bureau.", "defended",
               "2017-12-15", "Sessions defended bureau", ())
    meeting = ("Sessions on Friday also met Mexican officials to discuss drug cartels.", "met", "2017-12-15",
               "Sessions met Mexican officials", ())
    entries = Timeline.from_documents([told_document("a", [endorsement, defence, meeting])]).entries
    assert sorted(sorted(s.trigger.text for s in e.sources) for e in entries) == [["defended", "offered"], ["met"]]
    # told by two articles, it is no article telling it twice: the other rules decide
    entries = Timeline.from_documents([told_document("a", [endorsement]), told_document("b", [defence])]).entries
    assert len(entries) == 2


def test_a_year_and_a_day_of_one_happening_merge_but_not_two_meetings_of_one_year() -> None:
    year = told_document("a", [
        ("Trump won the presidential election in 2016, defeating Hillary Clinton.", "won", "2016",
         "Trump won presidential election", ("Trump",)),
        ("Trump met Putin in 2017 on the sidelines of a summit in Germany.", "met", "2017",
         "Trump met Putin", ("Trump",)),
    ])
    day = told_document("b", [
        ("Trump won the presidential election on Nov. 8, 2016, defeating Hillary Clinton.", "won", "2016-11-08",
         "Trump won presidential election", ("Trump",)),
        ("Trump met Abe in Tokyo on Nov. 6, 2017 to discuss trade.", "met", "2017-11-06",
         "Trump met Abe in Tokyo", ("Trump",)),
    ])
    entries = Timeline.from_documents([year, day]).entries
    assert sorted((e.date.value if e.date else "", len(e.sources)) for e in entries) == [
        ("2016-11-08", 2), ("2017", 1), ("2017-11-06", 1)]


def test_a_definite_event_noun_joins_the_one_happening_of_its_article_and_date_it_names() -> None:
    talks = ("The White House will host talks between the rival oil and ethanol industries on Wednesday.", "host",
             "2017-12-13", "White House will host talks between rival oil and ethanol industries", ("White House",))
    meeting = ("The meeting on Wednesday will include staff from the offices of Senators Ted Cruz and Pat Toomey.",
               "meeting", "2017-12-13", "Meeting will include staff from offices of Senators Ted Cruz",
               ("Ted Cruz", "Pat Toomey"))
    (entry,) = Timeline.from_documents([told_document("a", [talks, meeting])]).entries
    assert sorted(s.trigger.text for s in entry.sources) == ["host", "meeting"]
    # near misses: a meeting the noun's phrase names otherwise, and an anaphor with two candidates
    moon = ("The meeting with Moon on Wednesday will include staff from the offices of Senators Ted Cruz.",
            "meeting", "2017-12-13", "Meeting with Moon will include staff", ("Ted Cruz",))
    assert len(Timeline.from_documents([told_document("a", [talks, moon])]).entries) == 2
    steel = ("Trump will separately meet steel executives on Wednesday to discuss import tariffs.", "meet",
             "2017-12-13", "Trump will meet steel executives to discuss import tariffs", ("Trump",))
    assert len(Timeline.from_documents([told_document("a", [talks, steel, meeting])]).entries) == 3


def test_one_articles_reports_of_a_day_naming_one_person_merge_but_not_two_meetings_with_other_people() -> None:
    certified = ("Alabama officials on Thursday certified Democrat Doug Jones the winner of the Senate race.",
                 "certified", "2017-12-28", "Alabama officials certified Doug Jones winner of Senate race", ())
    ratify = ("His filing sought to halt the meeting scheduled to ratify Jones’ win on Thursday.", "ratify",
              "2017-12-28", "Meeting scheduled to ratify Jones win", ("Jones",))
    doc = told_document("a", [certified, ratify])
    doc = replace(doc, events=tuple(replace(e, lemma="certify") if e.lemma == "certified" else e for e in doc.events))
    assert len(Timeline.from_documents([doc]).entries) == 1
    abe = ("Trump met Japanese Prime Minister Shinzo Abe in Tokyo on Monday to discuss trade.", "met", "2017-11-06",
           "Trump met Japanese Prime Minister Shinzo Abe in Tokyo", ("Trump", "Shinzo Abe"))
    moon = ("Trump met South Korean President Moon Jae-in in Tokyo on Monday to discuss North Korea.", "met",
            "2017-11-06", "Trump met South Korean President Moon Jae-in in Tokyo", ("Trump", "Moon Jae-in"))
    assert len(Timeline.from_documents([told_document("a", [abe, moon])]).entries) == 2


def _dated_by(doc: Document, *phrases: str) -> Document:
    """``doc`` with each event's date phrase the given words of its sentence (``told_document``
    dates every report by its first letter)."""
    timexes = []
    for timex, event, phrase in zip(doc.timexes, doc.events, phrases):
        start = event.sentence.start + event.sentence.text.index(phrase)
        timexes.append(replace(timex, start=start, end=start + len(phrase), text=phrase))
    return replace(doc, timexes=tuple(timexes))


def test_a_day_and_a_part_of_it_are_compared_as_one_date() -> None:
    day = told_document("a", [("Doug Jones claimed victory in the Alabama Senate race on Tuesday over Roy Moore.",
                               "victory", "2017-12-12", "Doug Jones claimed victory in Alabama Senate race",
                               ("Doug Jones",))])
    night = told_document("b", [("Tuesday night's victory by Doug Jones over Roy Moore cut the Republican majority.",
                                 "victory", "2017-12-12TNI", "Victory by Doug Jones over Roy Moore", ("Doug Jones",))])
    (entry,) = Timeline.from_documents([day, night]).entries
    assert entry.date is not None and entry.date.value == "2017-12-12TNI"  # the finer date
    dinner = told_document("c", [("Trump hosted a dinner for Moon on Tuesday night at the White House.", "dinner",
                                  "2017-12-12TNI", "Trump hosted dinner for Moon", ("Trump", "Moon"))])
    assert len(Timeline.from_documents([day, dinner]).entries) == 2


def test_reports_whose_date_phrases_date_one_event_noun_are_that_happening() -> None:
    ads = _dated_by(told_document("a", [
        ("The ads were intended to influence voters during the 2016 presidential election.", "intended", "2016",
         "Ads were intended to influence voters", ("Facebook",))]), "2016")
    victory = _dated_by(told_document("b", [
        ("Markets have rallied since Trump's stunning 2016 presidential election victory.", "rallied", "2016",
         "Markets have rallied", ("Trump",))]), "2016")
    (entry,) = Timeline.from_documents([ads, victory]).entries
    assert {s.document_id for s in entry.sources} == {"a", "b"}
    # modifiers naming other places: two elections of one year
    virginia = _dated_by(told_document("c", [
        ("Democrats swept the 2017 Virginia election, energized by opposition to Trump.", "swept", "2017",
         "Democrats swept Virginia election", ("Democrats",))]), "2017")
    alabama = _dated_by(told_document("d", [
        ("Republicans worried about the 2017 Alabama election after the accusations.", "worried", "2017",
         "Republicans worried about Alabama election", ("Republicans",))]), "2017")
    assert len(Timeline.from_documents([virginia, alabama]).entries) == 2
    # many meetings fall on one day: across articles, a dated noun alone is not enough
    xi = _dated_by(told_document("e", [("Trump praised Xi at the meeting on Thursday in Beijing.", "praised",
                                        "2017-11-09", "Trump praised Xi", ("Xi",))]), "Thursday")
    nato = _dated_by(told_document("f", [("Ministers agreed on troop levels at the meeting on Thursday in Brussels.",
                                          "agreed", "2017-11-09", "Ministers agreed on troop levels", ("NATO",))]),
                     "Thursday")
    assert len(Timeline.from_documents([xi, nato]).entries) == 2


def test_a_statement_and_the_happening_it_announces_in_one_article_are_one_entry() -> None:
    said = ("U.S. Representative Trent Franks said on Friday that he would resign from Congress effective "
            "immediately.", "said", "2017-12-08", "Congressman Franks says resigning immediately", ("Trent Franks",))
    tender = ("Franks said he would tender his resignation effective today, Friday.", "tender", "2017-12-08",
              "Trent Franks to tender his resignation effective today", ())
    other = ("Senator Ben Cardin said on Friday that Franks should not have waited.", "said", "2017-12-08",
             "Senator Ben Cardin said Franks should not have waited", ("Ben Cardin",))

    def told(*reports: tuple[str, str, str, str, tuple[str, ...]]) -> Document:
        doc = told_document("a", list(reports))  # "said" is the lemma "say"
        return replace(doc, events=tuple(replace(e, lemma="say") if e.lemma == "said" else e for e in doc.events))

    assert len(Timeline.from_documents([told(said, tender)]).entries) == 1
    # two statements naming one person are no kind of happening shared
    assert len(Timeline.from_documents([told(said, other)]).entries) == 2


def test_one_article_telling_a_happening_by_its_week_and_by_its_day_is_one_entry() -> None:
    week = ("The White House said on Friday it was set to kick off talks next week with congressional leaders.",
            "kick", "2018-W01", "White House was set to kick off talks with congressional leaders", ())
    day = ("On Wednesday, budget chief Mick Mulvaney will meet with congressional leaders.", "meet", "2018-01-03",
           "Mick Mulvaney will meet with congressional leaders", ("Mick Mulvaney",))
    entries = Timeline.from_documents([told_document("a", [week, day])]).entries
    assert [(e.date.value if e.date else None, len(e.sources)) for e in entries] == [("2018-01-03", 2)]
    # two meetings that week: the week's talks are either, so neither
    other = ("On Thursday, Trump will meet with the leaders at Camp David.", "meet", "2018-01-04",
             "Trump will meet with leaders at Camp David", ("Trump",))
    assert len(Timeline.from_documents([told_document("a", [week, day, other])]).entries) == 3
    # told by two articles, the week names no one: the other rules decide
    assert len(Timeline.from_documents([told_document("a", [week]), told_document("b", [day])]).entries) == 2
