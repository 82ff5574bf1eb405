"""Entity mode (``Settings.all_events``): every clause-level happening is an event.

The anchorer (:mod:`timeline.events.anchor`) only finds the events a date
phrase dates.  An entity timeline needs every happening its entity takes part
in, so here every verb, and every noun the word lists call an event, whose
eventness (:mod:`timeline.events.eventness`) reaches the model's threshold
becomes an event too, dated, in this order, by:

1. its own date phrase: it is then already an anchored event (``timex``);
2. the narrative's reference time (``narrative``): a past-tense happening
   takes the last date its paragraph set before it (the date of the last
   anchored event: in its own sentence, else a recent day), when that
   date is not in the future;
3. the publication day (``publication``): news is told as just happened, so
   a happening in the past tense with no date before it in its paragraph,
   in the present perfect or reported in the present ("says") is dated
   to the day the article appeared;
4. nothing (``none``): the future, conditionals, the past perfect (before
   the reference time, by how much the text does not say) and states in
   the present ("it has a new screen": no news that happened).

Borrowed dates are ``approximate``.  A headline (a first line without a
full stop) adds no happenings: the lede tells them again, with their details;
nor does a quotation (the speaker's words: opinions, hopes), unless a date
phrase dates what it says.  Every event of the document (anchored
ones too) gets its participants (:mod:`timeline.events.participants`).
These events are marked by ``date_source``; they reach entity timelines and
the JSON, and exist only in entity mode, so the default timeline is unchanged.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Iterable

from timeline.events.actors import ActorIndex
from timeline.events.anchor import sentence_span
from timeline.events.classifier import AnchoringModel, PairFeatures, shipped_event_model
from timeline.events.eventness import token_features
from timeline.events.interval import interval, placement
from timeline.render.dates import day_of
from timeline.events.lexicon import Lexicon, lexicon
from timeline.events.participants import NameIndex, ParticipantFinder
from timeline.events.titles import Titler
from timeline.events.triggers import clause_head
from timeline.model import DateInterval, DateSource, Event, EventMention, Tense, TextSpan, Timex
from timeline.nlp import ParsedText

if TYPE_CHECKING:
    from spacy.tokens import Token

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_SENTENCE_ENDS = ".!?\"'”’:;"
# how a verb group places its happening against the reference time
_FUTURE, _PAST_PERFECT, _PERFECT, _PAST, _PRESENT = "future", "past-perfect", "perfect", "past", "present"


class HappeningFinder:
    """``events(text, published, timexes, parsed, anchored) -> events`` of the
    whole document: the anchored ones and every other happening, with participants."""

    def __init__(self, words: Lexicon | None = None, eventness: AnchoringModel | None = None) -> None:
        self.words = words or lexicon()
        self.eventness = eventness or shipped_event_model()
        self.kinds = PairFeatures(self.words)
        self.titles = Titler(self.words)
        self.participants = ParticipantFinder()

    def events(
        self, text: str, published: date, timexes: tuple[Timex, ...], parsed: ParsedText,
        anchored: tuple[Event, ...], headline: str | None = None,
    ) -> tuple[Event, ...]:
        actors = ActorIndex.of(text, parsed, headline, exclude=[(t.start, t.end) for t in timexes])
        names = NameIndex(parsed, actors)
        shortest = int(narrative_words()["shortest_quotation"])
        quoted = [(a, b) for a, b in actors.quotes if b - a >= shortest]
        triggers = {m.trigger.start for e in anchored for m in e.mentions}
        references = _ReferenceTimes(text, published, timexes, anchored, narrative_words())
        found = [self._with_participants(e, parsed, names) for e in anchored]
        for piece in parsed:
            for token in piece.doc:
                start = piece.start + token.idx
                # a headline's happenings are told again, with their details, in the lede
                if start in triggers or start < references.headline_end or not self.is_happening(token):
                    continue
                if any(a < start < b for a, b in quoted):  # the speaker's words, not a happening told
                    continue
                source, when = self.date_of(token, start, published, references)
                span = TextSpan(start, start + len(token.text), token.text)
                sentence = sentence_span(text, piece.start, token)
                event = Event(
                    id="", timex="", trigger=span, title=self.titles.title(token, set()), sentence=sentence,
                    date=when, certainty="approximate" if when is not None else "vague",
                    tense=_tense(_aspect(token, self.words)), lemma=token.lemma_.lower(),
                    mentions=(EventMention("", span, sentence),), date_source=source,
                    participants=self.participants.participants(token, names),
                )
                found.append(event)
        found.sort(key=lambda e: (e.trigger.start, e.trigger.end))
        return tuple(replace(e, id=f"e{i}") for i, e in enumerate(found, 1))

    def is_happening(self, token: "Token") -> bool:
        """A verb heading a clause, or an event noun, that the eventness model calls an event."""
        if token.pos_ == "VERB":
            if token.dep_ in ("aux", "auxpass", "amod"):
                return False
        elif token.pos_ == "NOUN":
            if not self.words.is_event_noun(token.lemma_):
                return False
        else:
            return False
        kind = self.kinds.kind(token)
        if kind == "non-event":
            return False
        return self.eventness.probability(token_features(token, kind)) >= self.eventness.threshold

    def date_of(
        self, token: "Token", start: int, published: date, references: "_ReferenceTimes",
    ) -> tuple[DateSource, DateInterval | None]:
        """Where the date of an undated happening comes from, and the date."""
        aspect = _aspect(token, self.words)
        if aspect in (_FUTURE, _PAST_PERFECT):
            return "none", None
        if aspect == _PAST:
            reference = references.at(start)
            if reference is not None and placement(reference, published) != "future":
                return "narrative", reference
        elif aspect == _PRESENT and self.kinds.kind(token) != "reporting":
            return "none", None  # a state that holds ("it has a new screen"), not news just happened
        return "publication", interval(published.isoformat(), published)

    def _with_participants(self, event: Event, parsed: ParsedText, names: NameIndex) -> Event:
        token = parsed.token_at(event.trigger.start)
        if token is None:
            return event
        return replace(event, participants=self.participants.participants(token, names))


@lru_cache(maxsize=1)
def narrative_words() -> dict[str, Any]:
    raw = resources.files("timeline.events").joinpath("data/narrative.json").read_text("utf-8")
    return {key: value for key, value in json.loads(raw).items() if not key.startswith("_")}


class _ReferenceTimes:
    """The date a paragraph set before an offset: the date of the last event a
    date phrase anchored before it in the same sentence, else in the
    paragraph if that date is a recent day ("yesterday", "on Monday"): a
    coarser or older one ("in April", "in 2004", "on February 24, 1955")
    frames background for its own sentence only, and the story goes on at
    the day it had set (``data/narrative.json``)."""

    def __init__(self, text: str, published: date, timexes: tuple[Timex, ...], anchored: Iterable[Event],
                 carrying: dict[str, Any]) -> None:
        self.breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
        self.granularities = frozenset(carrying["carrying_granularities"])
        self.since = published - timedelta(days=int(carrying["carrying_days"]))
        starts = {t.id: t.start for t in timexes if t.value != "PRESENT_REF"}
        self.dated = sorted((starts[e.timex], e.sentence.start, e.sentence.end, e.date) for e in anchored
                            if e.date is not None and e.timex in starts and e.date_source == "timex")
        self.offsets = [offset for offset, *_ in self.dated]
        # a first line without a full stop is a headline ("Apple unveils iPhone 4")
        first_line = text.split("\n", 1)[0].rstrip()
        self.headline_end = len(first_line) if first_line and first_line[-1] not in _SENTENCE_ENDS else 0

    def at(self, offset: int) -> DateInterval | None:
        paragraph = bisect.bisect_right(self.breaks, offset)
        for i in range(bisect.bisect_left(self.offsets, offset) - 1, -1, -1):
            start, first, last, when = self.dated[i]
            if bisect.bisect_right(self.breaks, start) != paragraph:
                return None
            if first <= offset < last or (when.granularity in self.granularities and day_of(when.start) >= self.since):
                return when
        return None


def _aspect(token: "Token", words: Lexicon, depth: int = 0) -> str:
    """How the verb group of a happening (a noun: of its clause's verb) places it."""
    verb = clause_head(token) if token.pos_ != "VERB" else token
    group = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowered = {c.lower_ for c in group}
    if lowered & words.future_auxiliaries or any(c.tag_ == "MD" for c in group):
        return _FUTURE
    if verb.dep_ == "xcomp" and verb.head.lemma_ in words.grammar["going_to_lemmas"] and verb.head.tag_ == "VBG":
        return _FUTURE
    perfect = [c for c in group if c.lemma_ in words.grammar["perfect_lemmas"]]
    if perfect:
        return _PAST_PERFECT if any(c.tag_ == "VBD" for c in perfect) else _PERFECT
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in group):
        return _PAST
    if verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in group):
        return _PRESENT
    # a non-finite verb ("to sell", "introducing", "founded by", "by walking") takes its head's
    head = verb.head
    if verb.dep_ == "pcomp" and head.pos_ in ("ADP", "SCONJ") and head.head != head:
        head = head.head
    if head != verb and depth < 4 and head.pos_ in ("VERB", "AUX", "NOUN"):
        return _aspect(head, words, depth + 1)
    return _PRESENT if verb.tag_ in ("VB", "VBG") else _PAST


def _tense(aspect: str) -> Tense:
    if aspect == _FUTURE:
        return "future"
    return "present" if aspect == _PRESENT else "past"

