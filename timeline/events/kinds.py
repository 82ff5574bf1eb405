"""What kind of thing a dated event is: a happening, or a mention that a
journalist's timeline leaves out.

A date's sentence often dates something that did not happen on that date,
or did not happen at all:

* ``negated``: "did not disrupt the vote on Tuesday", "no charges were filed",
  "had come close to winning the nomination in 1976", "has failed to approve
  the bills", "averts a shutdown";
* ``hypothetical``: "could be taken in March", "if the Senate votes on Friday",
  "appeared to start evolving this week", "a chance to oppose ... in November",
  expectations and vows ("is expected to do so next month", "has vowed to
  support challengers next year");
* ``no_comment``: "declined to comment on Monday", "did not respond to a request";
* ``statistic``: figures and projections ("exports rose 5 percent in October",
  "costs would rise from $29 billion in 2017");
* ``state``: states and tenures ("has worked as chief legal officer since January",
  "currently control both chambers", "will remain on the ballot", "in the last
  25 years has done", "was educated at"), moods that change ("concerns
  intensified"), what is had ("the CR we have this week");
* ``statement_without_content``: a bare "X said on Monday" whose content the
  parse does not hold ("said in a statement on Friday"), a greeting, a
  rallying cry ("Tomorrow, we begin again");
* ``span_edge``: the date is the edge of a span ("since 2000", "until 2018",
  "from 2016 to 2018"), or a deadline or expiry ("a measure that expires on
  Dec. 30", "when current funding runs out", "the fiscal year that began on
  Oct. 1"), not the day something happened;
* ``opinion``: what someone holds ("agreed that the process was rigged",
  "believes the vote was stolen");
* ``note``: a note on the news itself, sourcing or correction ("a letter
  Reuters reviewed on Thursday", "this story has been corrected").

A noun dated as the reference point of a verb that is not asserted takes
that verb's kind ("favored to defeat Jones in the special election on Dec.
12": the entry would tell the expectation, not the election).

Everything else is a ``happening``.  A statement with content ("said on
Monday he would sign the bill") is a happening: its headline carries what
was said (:mod:`timeline.events.titles`).  The cues (lemmas, function words,
dependency labels) are in ``data/event_kinds.json``; the rules read only the
parse around the trigger and the date, so they are cheap and hold on any news.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

from timeline.events.clause_walk import CLAUSE_DEPTH, SUBJECTS_AND_OBJECTS, governing_verb, up_to_clause
from timeline.events.figures import FigureRules
from timeline.events.lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

EventKind = Literal[
    "happening", "negated", "hypothetical", "no_comment", "statistic", "state",
    "statement_without_content", "span_edge", "opinion", "note",
]
HAPPENING: EventKind = "happening"
MENTION_KINDS: tuple[EventKind, ...] = (
    "negated", "hypothetical", "no_comment", "statistic", "state", "statement_without_content", "span_edge",
    "opinion", "note",
)
# the dependents that complete a verb (not the next clause: conj, advcl, ccomp)
_COMPLEMENTS = frozenset({"dobj", "prep", "pobj", "xcomp", "attr", "acomp", "compound", "amod", "nmod"})
# the links from a word up to what it completes ("chances of regaining control in the elections")
_COMPLEMENT_LINKS = frozenset({"pobj", "prep", "pcomp", "acl", "xcomp", "dobj", "compound"})
# words of a verb's complements looked at, at most
_COMPLEMENT_WORDS = 40
# words after "this story" / "this version" within which a correction word makes a note
_NOTE_WINDOW = 8
# what follows an imperative that opens its sentence ("See you in court", "Vote for ...")
_AFTER_IMPERATIVE = frozenset({"PRON", "DET", "ADP", "ADV", "PART"})
# a trigger in capitals among at least this many capitalised words is a shout ("MAKE AMERICA GREAT AGAIN!")
_SHOUTED_WORDS = 3


@dataclass(frozen=True, slots=True)
class KindCues:
    """The word lists of ``data/event_kinds.json``, one frozenset per key."""

    lists: dict[str, frozenset[str]]

    def __getitem__(self, key: str) -> frozenset[str]:
        return self.lists[key]


@lru_cache(maxsize=1)
def kind_cues() -> KindCues:
    raw = resources.files("timeline.events").joinpath("data/event_kinds.json").read_text("utf-8")
    return KindCues({k: frozenset(v) for k, v in json.loads(raw).items() if not k.startswith("_")})


def is_happening(kind: str) -> bool:
    return kind == HAPPENING


class KindClassifier:
    """``kind(trigger, date_tokens)``: the :data:`EventKind` of an event."""

    def __init__(self, cues: KindCues | None = None) -> None:
        self.cues = cues or kind_cues()
        self.figures = FigureRules(self.cues.lists)

    def kind(
        self, trigger: "Token", date_tokens: list["Token"], spans: bool = False, posted: bool = False,
    ) -> EventKind:
        """``spans``: the date is a whole range ("from June to August" read as
        one interval), so its words are no edge of a span; ``posted``: the
        date is the time stamp of a posted item, whose posting is the
        happening ("it was my tremendous honor to visit ...", "See everyone
        soon!" posted at 10:04 are no state nor exhortation)."""
        lemma = trigger.lemma_.lower()
        if self._no_comment(trigger, lemma):
            return "no_comment"
        if self._note(trigger, lemma):
            return "note"
        if not spans and self._span_edge(date_tokens) and not _dated_by_clause(trigger, date_tokens):
            return "state" if lemma in self.cues["stative_verbs"] else "span_edge"
        if spans and lemma in self.cues["stative_verbs"] and trigger.pos_ in ("VERB", "AUX"):
            return "state"  # "the countries maintained interests sections from 1977 to 2015"
        if self._deadline(trigger, lemma, date_tokens):
            return "span_edge"
        if _shouted(trigger):
            return "statement_without_content"
        if self._said_on_that_date(trigger, date_tokens):
            # "Moore's wife said on Friday he would not quit": the saying is the
            # happening of that day, whatever its content says
            return HAPPENING
        if self._at_present(date_tokens) or self._up_to_now(date_tokens) or self._state(trigger, lemma):
            return "state"  # "Republicans currently control both chambers"; "will remain on the ballot"
        if self._negated(trigger):
            return "negated"
        if self._hypothetical(trigger) or not posted and _imperative(trigger):
            return "hypothetical"
        if self._opinion(trigger) or self._perceived(trigger):
            return "opinion"
        date_words = {t.i for t in date_tokens}
        # "held 66 seats before the Nov. 7 election": the figure's ("Trump's inauguration", named, is its own)
        verb = None if _named(trigger) else governing_verb(trigger, self.cues["retrospective_prepositions"])
        if self.figures.statistic(trigger, lemma, date_words) or \
                verb is not None and self.figures.statistic(verb, verb.lemma_.lower(), date_words):
            return "statistic"
        if lemma in self.cues["statement_verbs"] and any(
                c.dep_ == "ccomp" and self._past_figure(c, date_words) for c in trigger.children):
            return "statistic"  # "Pew said in June circulation fell 8 percent in 2016": what is said is a figure
        if self._tenure(trigger, lemma) or self._ongoing(trigger, date_tokens) or self._trend(trigger, lemma) \
                or self._possession(trigger, lemma) or not posted and self._copular(trigger, lemma):
            return "state"
        if self._bare_statement(trigger, lemma) or self._greeting(trigger, lemma) or \
                self._rallying_cry(trigger, lemma):
            return "statement_without_content"
        return HAPPENING

    # --- the rules, most specific first ------------------------------------------
    def _no_comment(self, trigger: "Token", lemma: str) -> bool:
        """"declined to comment", "did not respond to a request for comment",
        "could not be reached for comment": a refusal verb (the trigger, the
        verb of its clause, or the verb that clause completes) with a
        comment/request word in its own complements."""
        verbs, nouns = self.cues["no_comment_verbs"], self.cues["no_comment_nouns"]
        if lemma in self.cues["statement_verbs"] and any(
                c.dep_ == "ccomp" and _unknowing(c, self.cues) for c in trigger.children):
            return True  # "told a briefing on Tuesday that he was not aware of the details"
        chain = up_to_clause(trigger)
        if chain[-1].dep_ == "xcomp":  # "declined to comment": the refusal governs it
            chain.append(chain[-1].head)
        verb = next((t for t in chain if t.lemma_.lower() in verbs), None)
        if verb is None:
            return False
        # in its own complements only ("returned to Congress ... what he called" is no refusal)
        todo, seen = [c for c in verb.children if c.dep_ in _COMPLEMENTS], 0
        while todo and seen < _COMPLEMENT_WORDS:
            token = todo.pop()
            seen += 1
            if token.lemma_.lower() in nouns:
                return True
            todo.extend(c for c in token.children if c.dep_ in _COMPLEMENTS)
        return False

    def _said_on_that_date(self, trigger: "Token", date_tokens: list["Token"]) -> bool:
        """The trigger is what a statement says and the date attaches to the
        saying verb ("said on Friday he would not quit")."""
        head = trigger.head
        if trigger.dep_ != "ccomp" or head.lemma_.lower() not in self.cues["statement_verbs"] or not date_tokens:
            return False
        if up_to_clause(date_tokens[0])[-1].i == head.i:
            return True
        # "said on Friday her husband would not quit": a date between the verb
        # of saying and the subject of what is said is the saying's, however parsed
        subjects = [c.i for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
        return bool(subjects) and head.i < date_tokens[0].i < min(subjects)

    def _span_edge(self, date_tokens: list["Token"]) -> bool:
        """The date is governed by "since"/"until"/"from"/"between", or by the
        "to" that closes a "from ... to" span."""
        if not date_tokens:
            return False
        inside = {t.i for t in date_tokens}
        root = next((t for t in date_tokens if t.head.i not in inside or t.head.i == t.i), date_tokens[0])
        edge, closing = self.cues["span_edge_prepositions"], self.cues["span_closing_prepositions"]
        preposition = root.head if root.dep_ == "pobj" else None
        before = root.doc[date_tokens[0].i - 1] if date_tokens[0].i > root.sent.start else None
        for word in (preposition, before):
            if word is None:
                continue
            if word.lower_ in edge:
                return True
            if word.lower_ in closing and any(t.lower_ in edge for t in root.sent if t.i < word.i):
                return True
            if word.lower_ in closing and word.i > root.sent.start and \
                    root.doc[word.i - 1].lower_ in self.cues["span_edge_particles"]:
                return True  # "leading up to Election Day", "in the run-up to the vote"
            if word is preposition and word.lower_ in closing and \
                    word.head.lemma_.lower() in self.cues["extension_verbs"]:
                return True  # "a 2012 law extended the program to September": the end of the extension
        return False

    def _at_present(self, date_tokens: list["Token"]) -> bool:
        """The date is "now", "currently", "at present": what it dates holds at
        the time of writing (a state), it does not happen on that day."""
        words = self.cues["present_words"]
        return bool(date_tokens) and all(t.lower_ in words for t in date_tokens)

    def _up_to_now(self, date_tokens: list["Token"]) -> bool:
        """The date is years up to the time of writing ("in the last 25 years",
        "for the past 16 years"): what it dates is a career, a habit or a state
        over them, not a happening of their first day."""
        cues = self.cues
        words = {t.lower_ for t in date_tokens}
        return bool(words & cues["recent_span_words"]) and bool(words & cues["long_span_units"])

    def _state(self, trigger: "Token", lemma: str) -> bool:
        """A state verb, or a noun in its clause ("remain on the ballot")."""
        verbs = self.cues["state_verbs"]
        if lemma in verbs:
            return True
        return trigger.pos_ in ("NOUN", "PROPN") and up_to_clause(trigger)[-1].lemma_.lower() in verbs

    def _negated(self, trigger: "Token") -> bool:
        """A negation on the trigger (or on the verb it completes: "did not plan
        to attend", "does not expect the government to shut down"), or "no"
        before its subject or object ("no charges were filed")."""
        negations = self.cues["negation_words"]
        clause = up_to_clause(trigger)[-1]  # "did not disrupt the ceremony": the ceremony's verb
        completed = clause.head if clause.dep_ in self.cues["negatable_links"] else None
        for verb in (trigger, clause, completed):
            if verb is not None and any(c.dep_ == "neg" or c.lower_ in negations and c.dep_ == "advmod"
                                        for c in verb.children):
                return True
        # "has failed to approve the bills": what has not been done so far ("failed to pass the
        # bill on Friday" tells a failed vote of that day, which happened)
        if completed is not None and completed.lemma_.lower() in self.cues["failure_verbs"] and any(
                c.dep_ == "aux" and c.lemma_.lower() in self.cues["perfect_auxiliaries"] for c in completed.children):
            return True
        # "the stop-gap bill averts a shutdown": what is averted does not happen, nor does averting
        # it ahead ("voted on Friday to avert a shutdown next week"; "averted a shutdown on Friday" did)
        prevention = self.cues["prevention_verbs"]
        if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in prevention:
            return True
        if trigger.lemma_.lower() in prevention and trigger.tag_ not in self.cues["past_tags"]:
            return True
        # "rather than stage a more formal ceremony in January": the alternative not taken
        doc = trigger.doc
        for verb in (trigger, governing_verb(trigger)):
            if verb is not None and verb.i >= 2 and \
                    f"{doc[verb.i - 2].lower_} {doc[verb.i - 1].lower_}" in self.cues["alternative_markers"]:
                return True
        # "the lotto, originally scheduled for Wednesday": put off, it did not happen then
        if trigger.lemma_.lower() in self.cues["schedule_verbs"] and any(
                c.dep_ == "advmod" and c.lower_ in self.cues["superseded_adverbs"] for c in trigger.children):
            return True
        # "had yet to be carried by state media": not (yet) happened
        if completed is not None and any(c.dep_ == "advmod" and c.lower_ in self.cues["pending_words"]
                                         for c in completed.children):
            return True
        determiners = self.cues["negating_determiners"]
        if any(c.lower_ in determiners and c.dep_ == "det" for c in trigger.children):
            return True
        if trigger.dep_ == "pobj" and trigger.head.lower_ in self.cues["negating_prepositions"]:
            return True  # "should continue without interference in 2018"
        if trigger.dep_ in ("pobj", "pcomp") and trigger.head.lower_ == "to" and \
                trigger.head.head.lower_ in self.cues["near_miss_words"]:
            return True  # "had come close to winning the nomination in 1976"
        arguments = [c for c in trigger.children if c.dep_ in SUBJECTS_AND_OBJECTS]
        return any(d.dep_ == "det" and d.lower_ in determiners for a in arguments for d in a.children)

    def _hypothetical(self, trigger: "Token") -> bool:
        """A modal ("could be taken"; "would" only outside reported speech,
        where it is the future of the past), a condition ("if ... votes"), a
        wish/plan verb above it ("considering raising"), an expectation ("a
        vote was expected"); a noun trigger is also what its verb is not
        asserted to do ("could meet him during one of his weekend visits",
        "favored to defeat Jones in the special election")."""
        if self._unasserted(trigger) or self._sought(trigger):
            return True
        if trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "mark") for c in trigger.children) and self._unasserted(trigger.head):
            return True  # "is likely to miss a deadline, kicking the debate into next year": the consequence too
        if trigger.dep_ == "acomp" and self._unasserted(trigger.head):
            return True  # "a draft could be ready at the end of this week": the modal is on "be"
        if trigger.lemma_.lower() in self.cues["expectation_verbs"] and any(
                c.dep_ == "auxpass" for c in trigger.children):
            return True  # "a vote was expected later Friday"
        verb = governing_verb(trigger, self.cues["retrospective_prepositions"])
        # what is sought, its direct arguments ("to begin the trial in April") with it
        return verb is not None and (self._unasserted(verb) or trigger.head.i == verb.i and self._sought(verb))

    def _sought(self, trigger: "Token") -> bool:
        """An infinitive that tells what is sought or asked for, the trigger
        itself only (a noun it names is no reference point of it: "denied
        Moore's request to block certification of the Dec. 12 election")."""
        cues = self.cues
        if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children):
            return False
        # "pushing for the House to vote before Thanksgiving", "called for Moore to step aside" (not "the best
        # thing would be for me to tender my resignation effective today": a decision told, through "be")
        if any(c.dep_ == "mark" and c.lower_ in cues["irrealis_marks"] for c in trigger.children):
            return trigger.head.lemma_.lower() not in lexicon().grammar["copula_lemmas"]
        # "a proposal from the defense to begin the trial in April": what is asked for
        return trigger.dep_ == "acl" and trigger.head.lemma_.lower() in cues["requested_nouns"]

    def _unasserted(self, trigger: "Token") -> bool:
        """The rules of :meth:`_hypothetical` on one word (the trigger, or the
        verb a noun trigger hangs from)."""
        cues = self.cues
        head = trigger.head
        # "said it would vote": the future of the past; "aides say it could be released": a modal
        reported = trigger.dep_ == "ccomp" and head.lemma_.lower() in cues["reported_future_heads"]
        # "they have said a draft could be ready": a present perfect reports in the present
        past_report = head.tag_ in cues["past_tags"] and not any(
            c.dep_ == "aux" and c.lemma_.lower() in cues["perfect_auxiliaries"] and c.tag_ not in cues["past_tags"]
            for c in head.children)
        children = list(trigger.children)
        if trigger.dep_ in ("nsubj", "nsubjpass"):  # "the investigation should continue in 2018"
            children += [c for c in trigger.head.children if c.dep_ in ("aux", "auxpass")]
        for child in children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in cues["hypothetical_auxiliaries"]:
                if not (reported and child.lower_ in cues["reported_past_modals"]
                        and (past_report or child.lower_ not in cues["tense_bound_modals"])):
                    return True
            if child.dep_ == "mark" and child.lower_ in cues["conditional_marks"]:
                return True
        clause = up_to_clause(trigger)[-1]  # "if X passes, elections follow": the consequence too
        if any(c.dep_ == "advcl" and _conditional(c, cues) for c in clause.children):
            return True
        # inside a condition or an open question: "if Congress fails to reach a deal on funding",
        # "unclear whether the plan would be rushed through or await votes"
        if any(_conditional(t, cues) for t in list(trigger.ancestors)[:CLAUSE_DEPTH]):
            return True
        if trigger.lemma_.lower() in cues["wish_verbs"] and any(c.dep_ in ("xcomp", "ccomp")
                                                                      for c in trigger.children):
            return True  # "lawmakers hope to leave Washington on Dec. 22": the hope dates what is hoped
        if trigger.pos_ in ("NOUN", "PROPN"):  # "the risk of a government shutdown"
            owner = head.head if head.dep_ == "prep" else head
            if owner.lemma_.lower() in cues["hypothetical_nouns"]:
                return True
            if any(c.dep_ == "amod" and c.lower_ in cues["hypothetical_adjectives"] for c in trigger.children):
                return True  # "a possible shutdown on Dec. 8"
        # "a chance to oppose the Democrat in the November election", "chances of regaining control
        # in next year's elections": what the noun is a chance of, through complements only (not
        # "the threat posed by the test on Sept. 3", whose test happened)
        token = trigger
        for _ in range(CLAUSE_DEPTH):
            if token.dep_ not in _COMPLEMENT_LINKS or token.head.i == token.i:
                break
            token = token.head
            if token.lemma_.lower() in cues["hypothetical_nouns"]:
                return True
        # "how to handle the program's expiration on Dec. 8": an open question
        if any(c.dep_ == "aux" and c.tag_ == "TO" for c in trigger.children) and any(
                c.dep_ in ("advmod", "mark") and c.lower_ in cues["question_words"] for c in trigger.children):
            return True
        if trigger.dep_ == "ccomp":
            return head.lemma_.lower() in cues["hypothetical_heads"]
        # "appeared to start evolving this week", "has vowed to support challengers next year": up a chain of xcomp
        heads = cues["hypothetical_heads"] | cues["intention_heads"]
        token = trigger
        for _ in range(CLAUSE_DEPTH):
            if token.dep_ != "xcomp":
                return False
            token = token.head
            if token.lemma_.lower() in heads:
                return True
        return False

    def _deadline(self, trigger: "Token", lemma: str, date_tokens: list["Token"]) -> bool:
        """The end or start of a span told as a verb: an expiry ("expires on
        Dec. 30", "when current funding runs out"), a calendar period that
        begins or ends ("the fiscal year that began on Oct. 1"), a deadline
        faced ("faces a Dec. 8 deadline")."""
        cues = self.cues
        particles = [c.lower_ for c in trigger.children if c.dep_ == "prt"]
        if lemma in cues["expiry_verbs"] or any(f"{lemma} {p}" in cues["expiry_verbs"] for p in particles):
            return trigger.tag_ not in cues["past_tags"]  # "the measure expired on Dec. 8" did happen
        if trigger.pos_ in ("NOUN", "PROPN"):
            return lemma in cues["deadline_nouns"]
        # "faces a Dec. 8 deadline": the date is the deadline's ("set a Nov. 2 deadline on Thursday" happened)
        deadlines = [c for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() in cues["deadline_nouns"]]
        if any(d.i in {t.i for t in deadline.subtree} for deadline in deadlines for d in date_tokens):
            return True
        if lemma not in cues["period_edge_verbs"]:
            return False
        subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
        if trigger.dep_ == "relcl" or trigger.dep_ == "advcl" and trigger.head.pos_ == "NOUN":
            subjects.append(trigger.head)  # "the fiscal year that began": the relative's noun is the subject
        if trigger.tag_ not in cues["past_tags"] and any(s.lemma_.lower() in cues["term_nouns"] for s in subjects):
            return True  # "Yellen's term as Fed chief ends in early February" ("his term ended" did happen)
        periods = cues["period_nouns"]
        return any(s.lemma_.lower() in periods or any(c.lemma_.lower() in periods and c.dep_ in ("amod", "compound")
                                                       for c in s.children) for s in subjects)

    def _opinion(self, trigger: "Token") -> bool:
        """The trigger is inside the clause of an opinion verb ("agreed that
        the process was rigged"), however deep in it."""
        heads = self.cues["opinion_heads"]
        token = trigger
        for _ in range(CLAUSE_DEPTH):
            head = token.head
            if head.i == token.i:
                return False
            if token.dep_ == "ccomp" and head.lemma_.lower() in heads:
                return True
            token = head
        return False

    def _perceived(self, trigger: "Token") -> bool:
        """How someone is seen ("Anderson was seen as a possible candidate";
        "in the 2000 election" with it, the noun a reference point of the view)."""
        cues = self.cues
        for verb in (trigger, governing_verb(trigger)):
            if verb is not None and verb.lemma_.lower() in cues["perception_verbs"] and \
                    any(c.dep_ == "auxpass" for c in verb.children) and \
                    any(c.dep_ == "prep" and c.lower_ in cues["perception_prepositions"] for c in verb.children):
                return True
        return False

    def _note(self, trigger: "Token", lemma: str) -> bool:
        """A note on the news itself: a sourcing verb on a document ("a letter
        Reuters reviewed", "documents seen by Reuters"), or a story that has
        been corrected or updated."""
        cues = self.cues
        if lemma in cues["sourcing_verbs"] and trigger.dep_ in ("relcl", "acl") and \
                trigger.head.lemma_.lower() in cues["document_nouns"]:
            return True
        if self._correction_note(trigger.sent):
            return True
        for verb in (trigger, trigger.head if trigger.dep_ == "xcomp" else None):
            if verb is not None and verb.lemma_.lower() in cues["correction_verbs"] and any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in cues["story_nouns"]
                    for c in verb.children):
                return True
        return False

    def _correction_note(self, sentence: "Span") -> bool:
        """"(This version of the Nov. 2 story corrects paragraph 8 to say that
        Trump lost Nevada in 2016 ...)": "this" story or version, then a
        correction word within a few words (however the note is parsed), make
        the whole sentence a note, what it says was corrected included."""
        cues = self.cues
        for token in sentence:
            if token.lemma_.lower() in cues["story_nouns"] and any(
                    c.lower_ in cues["note_determiners"] for c in token.children):
                window = token.doc[token.i + 1:min(token.i + 1 + _NOTE_WINDOW, sentence.end)]
                if any(t.lemma_.lower() in cues["correction_verbs"] for t in window):
                    return True
        return False

    def _tenure(self, trigger: "Token", lemma: str) -> bool:
        """A state verb in a tenure shape: "has worked as", "has served for",
        "is serving as"."""
        if lemma not in self.cues["stative_verbs"] or trigger.pos_ not in ("VERB", "AUX"):
            return False
        return any(c.dep_ == "prep" and c.lower_ in self.cues["tenure_prepositions"] for c in trigger.children)

    def _ongoing(self, trigger: "Token", date_tokens: list["Token"]) -> bool:
        """A past progressive dated by a whole period ("groups that just last
        month were criticizing McConnell"): an activity going on over it, not
        a happening of that period."""
        if trigger.tag_ != "VBG" or not any(t.lemma_.lower() in self.cues["period_nouns"] for t in date_tokens):
            return False
        return any(c.dep_ == "aux" and c.lower_ in self.cues["past_progressive_auxiliaries"] for c in trigger.children)

    def _trend(self, trigger: "Token", lemma: str) -> bool:
        """A mood that changes ("concerns intensified this month", "pressure is
        mounting"): a trend, no happening of that date."""
        cues = self.cues
        return lemma in cues["trend_verbs"] and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in cues["mood_nouns"] for c in trigger.children)

    def _possession(self, trigger: "Token", lemma: str) -> bool:
        """"the CR we have this week", "have a majority": having something is
        a state; having a happening ("had talks", "had lunch") is not."""
        cues = self.cues
        if lemma not in cues["possession_verbs"] or trigger.pos_ != "VERB":
            return False
        if any(c.dep_ == "xcomp" for c in trigger.children):
            return False  # "had to leave": the leaving is what is told
        objects = [c for c in trigger.children if c.dep_ == "dobj"]
        return not any(lexicon().is_event_noun(o.lemma_) or o.lemma_.lower() in cues["possession_happenings"]
                       for o in objects)

    def _past_figure(self, verb: "Token", date_words: set[int]) -> bool:
        """A figure of the past ("circulation fell 8 percent in 2016"), not a
        projection ("the bill would increase deficits by $1 trillion", whose
        telling is the news of its day)."""
        cues = self.cues
        return verb.tag_ in cues["past_tags"] and not any(
            c.dep_ == "aux" and c.lower_ in cues["hypothetical_auxiliaries"] for c in verb.children) and \
            self.figures.statistic(verb, verb.lemma_.lower(), date_words)

    def _copular(self, trigger: "Token", lemma: str) -> bool:
        """"in 1986, when Reagan was president", "has been responsible for
        several decisions": "be" with a complement that names no happening
        tells what someone or something was, a state."""
        copula = trigger.head if trigger.pos_ == "ADJ" else trigger
        if copula.dep_ == "ccomp":
            return False  # "said on Monday he was still undecided": what was said, the saying the happening
        if trigger.pos_ == "ADJ" and trigger.dep_ == "acomp" and \
                trigger.head.lemma_.lower() in lexicon().grammar["copula_lemmas"]:
            # "were quick on Wednesday to slam Bannon": the infinitive (on the adjective or on "be") is the deed
            return not any(c.dep_ in ("xcomp", "advcl") and any(a.tag_ == "TO" for a in c.children)
                           for c in (*trigger.children, *trigger.head.children))
        if lemma not in lexicon().grammar["copula_lemmas"] or trigger.pos_ not in ("VERB", "AUX"):
            return False
        complements = [c for c in trigger.children if c.dep_ in ("attr", "acomp")]
        return bool(complements) and not any(lexicon().is_event_noun(c.lemma_) for c in complements)

    def _greeting(self, trigger: "Token", lemma: str) -> bool:
        """"Wishing all of those celebrating Hanukkah a happy ... eight nights":
        a wish with what is wished as its object (not a clause, which is a
        hope: see ``wish_verbs``), no news."""
        return lemma in self.cues["greeting_verbs"] and not any(
            c.dep_ in ("ccomp", "xcomp") for c in trigger.children)

    def _rallying_cry(self, trigger: "Token", lemma: str) -> bool:
        """"Tomorrow, we begin again": a phase verb with "I"/"we" and nothing
        begun, continued or ended, a vow in words, nothing dated happens."""
        if lemma not in lexicon().aspectual_verbs:
            return False
        subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
        return bool(subjects) and all(s.lower_ in self.cues["first_person_pronouns"] for s in subjects) and not any(
            c.dep_ in _COMPLEMENTS or c.dep_ in ("ccomp", "advcl") for c in trigger.children)

    def _bare_statement(self, trigger: "Token", lemma: str) -> bool:
        """A saying verb without what was said: no clause, quote or object of
        its own, and not itself inserted into a quote ("..., he said Monday, ...")."""
        cues = self.cues
        if trigger.pos_ in ("NOUN", "PROPN") and lemma in cues["statement_nouns"]:
            # "said in a statement on Friday": the statement is its verb's
            trigger = up_to_clause(trigger)[-1]
            lemma = trigger.lemma_.lower()
        if lemma not in cues["statement_verbs"] or trigger.pos_ not in ("VERB", "AUX"):
            return False
        if trigger.dep_ in ("parataxis", "ccomp"):  # "..., he said Monday, ..." / "X is Y, Flake said"
            return False
        edge = trigger.left_edge
        if edge.i > trigger.sent.start and trigger.doc[edge.i - 1].is_punct:
            return False  # "X is gaining momentum, Flake said": what was said comes first, parsed apart
        content = cues["content_relations"]
        addressee = lemma in cues["addressee_verbs"]
        for child in trigger.children:
            if child.dep_ == "advcl" and child.i < trigger.i:
                return False  # "A push ... is gaining momentum, Flake said": the content, misparsed
            if addressee and child.pos_ == "PART" and child.tag_ == "TO" and child.i > trigger.i:
                return False  # "told staff to “disregard” instructions": the order, its verb misparsed as a noun
            if child.dep_ not in content:
                continue
            # "told staff on Tuesday to disregard instructions": the order is in the addressee's phrase
            if not addressee or child.dep_ != "dobj" or any(t.pos_ == "VERB" for t in child.subtree):
                return False
        return True


def _shouted(trigger: "Token") -> bool:
    """A trigger in capitals in a run of capitalised words: a slogan or a
    shout ("MAKE AMERICA GREAT AGAIN!"), whose words are no happening."""
    if not (trigger.is_alpha and trigger.is_upper and len(trigger) > 1):
        return False
    shouted = [t for t in trigger.sent if t.is_alpha and t.is_upper and len(t) > 1]
    return len(shouted) >= _SHOUTED_WORDS


def _imperative(verb: "Token") -> bool:
    """"See you in court next week.": a bare verb opening its sentence with no
    subject nor auxiliary, an exhortation, nothing said to happen."""
    first = next((t for t in verb.sent if not t.is_punct), None)
    if verb.tag_ != "VB" or verb.dep_ != "ROOT" or first is None or first.i != verb.i or verb.i + 1 >= len(verb.doc):
        return False
    # a function word after it ("See you", "Vote for"), not a noun: "Trump returns to Washington" misparsed
    return verb.doc[verb.i + 1].pos_ in _AFTER_IMPERATIVE and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children)


def _named(noun: "Token") -> bool:
    """A noun that names its own actor ("Trump's inauguration"): a happening
    of its own, never just a reference point of its clause."""
    return any(c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") for c in noun.children)


def _unknowing(verb: "Token", cues: KindCues) -> bool:
    """"he was not aware of the details": a negated "aware"/"familiar", of
    nothing or of the particulars asked about ("not aware of any impropriety
    by Mueller's team" says something)."""
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    for word in (c for c in verb.children if c.dep_ in ("acomp", "attr")):
        if word.lemma_.lower() in cues["unknowing_words"]:
            objects = [o for p in word.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
            return all(o.lemma_.lower() in cues["particulars_nouns"] for o in objects)
    return False


def _conditional(verb: "Token", cues: KindCues) -> bool:
    """The verb's clause is opened by "if", "unless", "whether"."""
    return any(m.dep_ == "mark" and m.lower_ in cues["conditional_marks"] for m in verb.children)


def _dated_by_clause(trigger: "Token", date_tokens: list["Token"]) -> bool:
    """The trigger's clause hangs from the date itself ("since January, when
    agencies concluded"): the date dates that clause, no span edge for it."""
    inside = {t.i for t in date_tokens}
    return any(t.i in inside for t in trigger.ancestors)
