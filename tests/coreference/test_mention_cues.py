"""What one mention's sentence says about which happening it tells."""

from __future__ import annotations

from datetime import date

from timeline.events.interval import interval
from timeline.coreference.mention_cues import mention_cues, participants_differ
from timeline.model import EntrySource, TextSpan, TimelineEntry


def _entry(sentence: str, trigger: str, lemma: str, title: str) -> TimelineEntry:
    start = sentence.index(trigger)
    source = EntrySource("a", "e1", TextSpan(0, 1, sentence[0]), TextSpan(start, start + len(trigger), trigger),
                         TextSpan(0, len(sentence), sentence), "title", None, date(2017, 12, 19))
    return TimelineEntry(id="a:e1", title=title, date=interval("2017-11-07"), certainty="exact", tense="past",
                         sources=(source,), lemma=lemma)


def test_names_are_the_specific_capitalised_words_not_dates_titles_or_bodies() -> None:
    cues = mention_cues(_entry("Also on Nov. 7, the state elected Democrat Ralph Northam, dealing a setback to "
                               "President Donald Trump and the Senate.", "elected", "elect", "State elected Northam"))
    assert cues.names == {"ralph", "northam", "donald", "trump"}
    assert not cues.definite


def test_a_definite_event_noun_is_an_anaphor_with_the_names_of_its_phrase() -> None:
    election = mention_cues(_entry("Before the Nov. 7 general election, Republicans held 66 seats.", "election",
                                   "election", "Republicans held 66 seats before general election"))
    assert election.definite and election.own_names == frozenset()
    meeting = mention_cues(_entry("The meeting with Moon on Wednesday will include staff.", "meeting", "meeting",
                                  "Meeting will include staff"))
    assert meeting.definite and meeting.own_names == {"moon"}
    senate = mention_cues(_entry("The Senate vote on Tuesday was close.", "vote", "vote", "Senate vote was close"))
    assert senate.own_names == {"senate"}  # a body tells one vote from another here
    # not anaphors: a verb after a definite subject, an indefinite noun
    assert not mention_cues(_entry("The Senate will vote on Tuesday.", "vote", "vote", "Senate will vote")).definite
    assert not mention_cues(_entry("They held a meeting on Wednesday.", "meeting", "meeting", "They held meeting")).definite


def test_families_hold_the_trigger_group_and_those_the_headline_names() -> None:
    cues = mention_cues(_entry("The White House will host talks on Wednesday.", "host", "host",
                               "White House will host talks"))
    assert cues.families == {"host", "meet"}
    plural = mention_cues(_entry("It sets the stage for midterm elections in November.", "sets", "set",
                                 "Republicans set stage for midterm elections"))
    assert "elect" in plural.families


def test_participants_differ_when_each_names_someone_the_other_never_writes() -> None:
    abe = mention_cues(_entry("Trump met Abe on Monday.", "met", "meet", "Trump met Abe"))
    moon = mention_cues(_entry("Trump met Moon on Monday.", "met", "meet", "Trump met Moon"))
    both = mention_cues(_entry("Trump met Abe and Moon on Monday.", "met", "meet", "Trump met Abe and Moon"))
    names = {"abe": (frozenset({"trump"}), frozenset({"abe"})), "moon": (frozenset({"trump"}), frozenset({"moon"}))}
    assert participants_differ(names["abe"], names["moon"], abe, moon)
    assert not participants_differ(names["abe"], names["moon"], both, both)
    # a body every article names tells nothing
    assert not participants_differ((frozenset({"senate"}),), (frozenset({"house"}),), abe, moon)
