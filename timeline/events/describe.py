"""What the timeline shows of an event besides its headline
(:mod:`timeline.events.titles`): its tense, how certain its date is, and the
named entities taking part (used to merge reports of one happening)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from timeline.events.interval import placement
from timeline.events.lexicon import Lexicon, lexicon
from timeline.events.titles import Titler
from timeline.events.triggers import clause_head
from timeline.model import Certainty, DateInterval, Tense, Timex

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.events.actors import ActorIndex

_EXACT_MODS = frozenset({"EQUAL", ""})


class Describer:
    def __init__(self, words: Lexicon | None = None, named_entities: bool = False) -> None:
        self.words = words or lexicon()
        self.named_entities = named_entities
        self.titles = Titler(self.words)

    def title(
        self, trigger: "Token", skip: set[int], actors: "ActorIndex | None" = None,
        headline: str | None = None,
    ) -> str:
        """A headline for the event (see :meth:`Titler.title`); ``headline``,
        the article's title when the event's sentence is its lead, is the
        title of its main news (:meth:`Titler.lead_title`)."""
        return self.titles.lead_title(trigger, headline, skip) or self.titles.title(trigger, skip, actors)

    # --- tense and certainty --------------------------------------------------
    def tense(self, trigger: "Token", when: DateInterval | None, published: date, value: str = "") -> Tense:
        """From the verb group when it says (will/'ll -> future, past forms -> past),
        else from the date against the publication day (a modal without one: future)."""
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
        modal = False
        if verb is not None:
            group = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
            lowered = {c.lower_ for c in group}
            if lowered & self.words.future_auxiliaries or self._going_to(verb):
                return "future"
            if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in group):
                return "past"
            if verb.tag_ == "VBN" and any(c.lemma_ in self.words.grammar["perfect_lemmas"] for c in group):
                return "past"
            modal = any(c.tag_ == "MD" for c in group)
        if when is None:
            if value == "FUTURE_REF" or modal:
                return "future"
            if value == "PAST_REF":
                return "past"
            return "present" if verb is not None and verb.tag_ in ("VBZ", "VBP") else "past"
        where = placement(when, published)
        if where != "around":
            return where
        return "present" if verb is None or verb.tag_ in ("VBZ", "VBP", "VBG") else "past"

    def _going_to(self, verb: "Token") -> bool:
        """"is going to visit": the verb hangs (xcomp) from a progressive "go"."""
        head = verb.head
        return verb.dep_ == "xcomp" and head.lemma_ in self.words.grammar["going_to_lemmas"] and head.tag_ == "VBG"

    def certainty(self, timex: Timex, when: DateInterval | None, text: str) -> Certainty:
        if when is None:
            return "vague"
        if (timex.mod or "") not in _EXACT_MODS or timex.value == "PRESENT_REF":
            return "approximate"
        first_word = timex.text.split()[0].lower().rstrip("-") if timex.text.split() else ""
        before = text[max(0, timex.start - 20):timex.start].split()
        previous = before[-1].lower() if before else ""
        if first_word in self.words.hedges or previous in self.words.hedges:
            return "approximate"
        return "exact"

    # --- participants -------------------------------------------------------------
    def entities(self, trigger: "Token", skip: set[int]) -> tuple[str, ...]:
        """Named entities in the event's clause: spaCy's when it ran NER, else proper-noun groups."""
        clause = clause_head(trigger)
        if self.named_entities:
            names = [
                ent.text for ent in trigger.doc.ents
                if ent.label_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")
                and clause.left_edge.i <= ent.start and ent.end <= clause.right_edge.i + 1
            ]
        else:
            names = _proper_noun_groups([t for t in clause.subtree if t.i not in skip])
        return tuple(dict.fromkeys(n for n in names if n))


def _proper_noun_groups(tokens: list["Token"]) -> list[str]:
    """Runs of adjacent proper nouns ("Xi Jinping", "North Korea")."""
    groups: list[str] = []
    run: list[Token] = []
    for token in sorted(tokens, key=lambda t: t.i):
        if token.pos_ == "PROPN" and (not run or token.i == run[-1].i + 1):
            run.append(token)
            continue
        if run:
            groups.append(" ".join(t.text for t in run))
        run = [token] if token.pos_ == "PROPN" else []
    if run:
        groups.append(" ".join(t.text for t in run))
    return groups
