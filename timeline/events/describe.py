"""What the timeline shows of an event: a short headline built from the parse
(who did what to whom), its tense, how certain its date is, and the named
entities taking part (used to merge reports of one happening)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Iterable

from timeline.events.lexicon import Lexicon, lexicon
from timeline.events.interval import placement
from timeline.events.triggers import clause_head
from timeline.model import Certainty, DateInterval, Tense, Timex

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_TITLE_WORDS = 14
# modifiers kept in a compact noun phrase ("Chinese President Xi Jinping")
_NOUN_MODIFIERS = frozenset({"compound", "amod", "nummod", "poss", "case", "nmod", "quantmod", "neg", "npadvmod"})
_SUBJECTS = ("nsubj", "nsubjpass")
_OBJECTS = ("dobj", "dative", "attr", "oprd", "acomp", "prt")
# dependents of the verb group shown in a headline ("did not disrupt")
_VERB_GROUP = ("aux", "auxpass", "neg")
_EXACT_MODS = frozenset({"EQUAL", ""})


class Describer:
    def __init__(self, words: Lexicon | None = None, named_entities: bool = False) -> None:
        self.words = words or lexicon()
        self.named_entities = named_entities

    # --- title -------------------------------------------------------------
    def title(self, trigger: "Token", skip: set[int]) -> str:
        """A headline for the event: subject, verb group, object, first short complement."""
        if trigger.pos_ in ("VERB", "AUX", "ADJ"):
            tokens = self._clause_words(trigger, skip)
        else:
            tokens = self._noun_words(trigger, skip, depth=2)
        return _headline(tokens, trigger)

    def _clause_words(self, verb: "Token", skip: set[int]) -> list["Token"]:
        words: list[Token] = [verb]
        subject = _subject(verb)
        if subject is not None:
            words += self._noun_words(subject, skip, depth=1)
        for child in verb.children:
            if child.i in skip:
                continue
            if child.dep_ in _VERB_GROUP and child.i < verb.i:
                words.append(child)
            elif child.dep_ in _OBJECTS and child.pos_ == "ADP":  # "sent a message to Xi"
                objects = [c for c in child.children if c.dep_ == "pobj" and c.i not in skip]
                words += [child, *self._noun_words(objects[0], skip, 0)] if objects else []
            elif child.dep_ in _OBJECTS:
                words += self._noun_words(child, skip, depth=1)
            elif child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                words += [c for c in child.children if c.dep_ == "aux"] + [child]
                words += [w for c in child.children if c.dep_ in ("dobj", "prt") for w in self._noun_words(c, skip, 1)]
        complement = self._first_complement(verb, skip)
        if complement and len(words) + len(complement) <= MAX_TITLE_WORDS:
            words += complement
        return words

    def _first_complement(self, head: "Token", skip: set[int]) -> list["Token"]:
        """The first prepositional phrase after ``head`` whose object is not the date itself."""
        for child in head.rights:
            if child.dep_ in ("prep", "agent") and child.i not in skip:
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp") and c.i not in skip]
                if objects:
                    return [child, *self._noun_words(objects[0], skip, depth=0)]
        return []

    def _noun_words(self, noun: "Token", skip: set[int], depth: int) -> list["Token"]:
        """A compact phrase: the noun, its close modifiers, coordinated nouns, and
        (``depth`` > 0) its first prepositional phrase."""
        words: list[Token] = [noun]
        for child in noun.children:
            if child.i in skip:
                continue
            modifier = child.dep_ in _NOUN_MODIFIERS
            if modifier or (child.dep_ == "det" and child.lower_ not in self.words.grammar["articles"]):
                words += [t for t in child.subtree if t.i not in skip and (not t.is_punct or t.text == "-")]
            elif child.dep_ in ("cc", "conj") and child.i > noun.i:
                words += [child] if child.dep_ == "cc" else self._noun_words(child, skip, 0)
            elif child.dep_ == "acl" and child.pos_ == "VERB" and depth > 0 and child.i > noun.i:
                # "agreement ... to move beyond a dispute"
                words += [c for c in child.children if c.dep_ == "aux"] + [child]
                words += self._first_complement(child, skip)
        if depth > 0:
            words += self._first_complement(noun, skip)
        return words

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
            if verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in group):
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


def _subject(verb: "Token") -> "Token | None":
    """Who did it: the verb's subject, the subject it shares with the verb it
    hangs from, the noun a participle describes ("the plan proposed by
    Trump"), or the noun a relative pronoun stands for ("Sanders, who sought")."""
    token = verb
    for _ in range(4):
        for child in token.children:
            if child.dep_ in _SUBJECTS:
                if child.tag_ in ("WP", "WDT") and token.dep_ == "relcl" and token.head != token:
                    return token.head
                return child
        if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
            return token.head
        if token.dep_ in ("xcomp", "conj", "advcl") and token.head != token:
            token = token.head
        else:
            return None
    return None


def _headline(tokens: Iterable["Token"], trigger: "Token") -> str:
    ordered = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    if len(ordered) > MAX_TITLE_WORDS:
        # keep the words closest to the trigger
        ordered = sorted(sorted(ordered, key=lambda t: abs(t.i - trigger.i))[:MAX_TITLE_WORDS], key=lambda t: t.i)
    while ordered and (ordered[0].is_punct or ordered[0].dep_ in ("cc", "case", "prep")):
        ordered = ordered[1:]
    while ordered and (ordered[-1].is_punct or ordered[-1].dep_ in ("cc", "prep", "det")):
        ordered = ordered[:-1]
    parts: list[str] = []
    for k, token in enumerate(ordered):
        parts.append(token.text)
        following = ordered[k + 1] if k + 1 < len(ordered) else None
        if following is not None:
            adjacent = following.i == token.i + 1
            parts.append(token.whitespace_ if adjacent else " ")
    title = "".join(parts).strip() or trigger.text
    return title[0].upper() + title[1:]


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
