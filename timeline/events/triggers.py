"""Find the words naming the events a temporal expression dates, through the
dependency parse: from the expression's head up to the word it modifies
(skipping prepositions), then to the predicate when that word is not itself
an event ("in the message dated Nov. 1" -> "wrote").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from timeline.events.lexicon import Lexicon, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

_PREDICATE_POS = frozenset({"VERB", "AUX"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN"})
# a date coordinated with such a word ("in 1994, 1995 and 1997") shares its attachment
_DATE_HOLDER_POS = frozenset({"NOUN", "PROPN", "NUM"})
# how far up the parse a timex may climb to the word it modifies
_MAX_CLIMB = 8


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word naming an event dated by a timex; ``rule`` says how it was found."""

    token: "Token"
    rule: str


class TriggerFinder:
    def __init__(self, words: Lexicon | None = None) -> None:
        self.words = words or lexicon()

    def find(self, timex_tokens: list["Token"]) -> list[Trigger]:
        """The triggers a timex (its tokens) dates, the main one first."""
        inside = {t.i for t in timex_tokens}
        head = span_head(timex_tokens, inside)
        found: list[Trigger] = []
        attached = self._attachment(head, inside)
        if attached is not None:
            found.extend(self._events_at(attached, inside))
        found.extend(self._when_clause(timex_tokens))
        found.extend(self._adjacent_event_noun(timex_tokens))
        unique: list[Trigger] = []
        seen: set[int] = set()
        for trigger in found:
            if trigger.token.i not in seen and trigger.token.i not in inside:
                seen.add(trigger.token.i)
                unique.append(trigger)
        return unique

    def bounds_a_comparison(self, timex_tokens: list["Token"]) -> bool:
        """"posted its first annual loss since 1992", "the biggest drop since
        2008": the date only bounds the comparison (no loss since 1992), so it
        dates nothing; the word compared is the one "since" attaches to or its
        subject/object, with an ordinal or a superlative."""
        inside = {t.i for t in timex_tokens}
        head = span_head(timex_tokens, inside)
        preposition = head.head
        grammar = self.words.grammar
        if preposition == head or preposition.lower_ not in grammar["comparison_prepositions"]:
            return False
        word = preposition.head
        compared = [word, *(c for c in word.children if c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass"))]
        return any(
            c.dep_ in ("amod", "advmod") and (c.tag_ in ("JJS", "RBS") or c.lower_ in grammar["ordinal_words"])
            for noun in compared for c in noun.children
        )

    def _attachment(self, head: "Token", inside: set[int]) -> "Token | None":
        """The content word the timex modifies; None when a boundary preposition
        ("before", "after") says the event is not at that date."""
        token = head
        for _ in range(_MAX_CLIMB):
            parent = token.head
            if parent == token:
                return None  # the timex is the whole sentence (a dateline, a heading)
            if parent.i in inside:
                token = parent
                continue
            if parent.pos_ in ("ADP", "SCONJ") or parent.dep_ in ("prep", "agent"):
                if parent.lower_ in self.words.boundary_prepositions or _after_boundary(parent, self.words):
                    return None
                token = parent
                continue
            if token.dep_ == "appos" or parent.pos_ == "PUNCT" or (token.dep_ == "conj" and parent.pos_ in _DATE_HOLDER_POS):
                token = parent
                continue
            return _fronted_participle(parent, head) or parent
        return None

    def _events_at(self, word: "Token", inside: set[int]) -> list[Trigger]:
        """The events dated through ``word``, the word the timex modifies."""
        if word.pos_ in _PREDICATE_POS:
            if word.lemma_.lower() in self.words.transparent_verbs and word.head != word:
                # "the message dated Nov. 1": date the message's predicate
                return self._events_of_nominal(word.head, "transparent", inside)
            return self._predicate(word, "predicate")
        if word.pos_ in _NOMINAL_POS:
            # "In an email to managers Thursday evening, English reminded them": what was done in it
            message = word.lemma_.lower() in self.words.message_nouns
            return self._events_of_nominal(word, "transparent" if message else "nominal", inside)
        if word.pos_ == "ADJ" and word.dep_ in ("acomp", "ROOT", "advcl", "ccomp", "conj", "xcomp"):
            return [Trigger(word, "adjective")]
        return []

    def _events_of_nominal(self, noun: "Token", rule: str, inside: set[int]) -> list[Trigger]:
        if self.words.is_event_noun(noun.lemma_):
            found = [Trigger(noun, f"{rule}-event-noun")]
            verb = noun.head
            possessed = any(c.dep_ == "poss" and c.i in inside for c in noun.children)
            if (
                possessed
                and noun.dep_ in ("dobj", "nsubjpass")
                and verb.pos_ == "VERB"
                and verb.lemma_.lower() not in self.words.relational_verbs
            ):
                # "did not disrupt last month's congress": the disruption is dated too
                found.append(Trigger(verb, "verb-of-event-noun"))
            return found
        predicate = _governing_predicate(noun)
        return self._predicate(predicate, f"{rule}-predicate") if predicate is not None else []

    def _predicate(self, verb: "Token", rule: str) -> list[Trigger]:
        """The event a dated predicate names, if it names one."""
        lemma = verb.lemma_.lower()
        if self.words.relates_things(verb):
            return []
        grammar = self.words.grammar
        if lemma in grammar["copula_lemmas"]:
            return self._copula_predicate(verb)
        if lemma in grammar["obligation_lemmas"] and any(c.dep_ == "xcomp" and c.i > verb.i for c in verb.children):
            # "has to submit a plan by Feb. 21": the submitting is the event
            return [Trigger(next(c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), "have-to")]
        if lemma in grammar["period_end_lemmas"] and verb.dep_ == "acl":
            return []  # "the quarter ended Sept. 30" names a period, not a happening
        return [Trigger(verb, rule)]

    def _copula_predicate(self, copula: "Token") -> list[Trigger]:
        """"shares were up 2 pence yesterday": the state is named by what follows "be"."""
        return [
            Trigger(child, "copula-predicate")
            for child in copula.children
            if child.dep_ == "acomp"
            or (child.dep_ == "attr" and self.words.is_event_noun(child.lemma_))
            or (child.dep_ == "advmod" and child.lower_ in self.words.grammar["copula_adverbs"])
        ][:1]

    def _adjacent_event_noun(self, timex_tokens: list["Token"]) -> list[Trigger]:
        """"the shareholders' meeting yesterday", "trading Friday": an event noun
        right before the date is what it dates, whatever the parser attached it to."""
        doc = timex_tokens[0].doc
        i = timex_tokens[0].i - 1
        if i >= 0 and doc[i].pos_ == "ADP" and doc[i].lower_ in self.words.grammar["inclusion_prepositions"]:
            i -= 1
        if i >= 0 and doc[i].pos_ == "NOUN" and self.words.is_event_noun(doc[i].lemma_, listed_only=True):
            return [Trigger(doc[i], "adjacent-event-noun")]
        # "the Dec. 21, 1988, bombing", "a Sunday night memorial service"
        j = timex_tokens[-1].i + 1
        while j < len(doc) and (doc[j].is_punct or doc[j].dep_ in ("amod", "compound")) and doc[j].pos_ != "NOUN":
            j += 1
        while j + 1 < len(doc) and doc[j].dep_ == "compound" and doc[j].head.i > j:
            j += 1
        if j < len(doc) and doc[j].pos_ == "NOUN" and self.words.is_event_noun(doc[j].lemma_, listed_only=True):
            return [Trigger(doc[j], "following-event-noun")]
        return []

    def _when_clause(self, timex_tokens: list["Token"]) -> list[Trigger]:
        """"five years ago, when Xi came to power": the clause happens at the timex."""
        last = timex_tokens[-1]
        doc = last.doc
        i = last.i + 1
        while i < len(doc) and doc[i].is_punct:
            i += 1
        if i < len(doc) and doc[i].lower_ in self.words.grammar["when_words"] and doc[i].head.pos_ in _PREDICATE_POS:
            return [Trigger(doc[i].head, "when-clause")]
        return []


def span_head(tokens: list["Token"], inside: set[int]) -> "Token":
    """The token of the span whose head lies outside it (the last such one)."""
    heads = [t for t in tokens if t.head.i not in inside or t.head == t]
    return heads[-1] if heads else tokens[-1]


def _fronted_participle(verb: "Token", date_head: "Token") -> "Token | None":
    """The participle opening the sentence whose date the parser gave the main
    verb: "Born in Rockford, Illinois, on Feb. 15, 1922, Anderson was
    educated at ..." (the birth's date, not the education's): a past
    participle without subject that opens the sentence, then the date, then
    the main verb's subject."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.pos_ not in _PREDICATE_POS or subject is None or not date_head.i < subject.i:
        return None
    return next((c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i == c.sent.start
                 and c.i < date_head.i and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)), None)


def _after_boundary(preposition: "Token", words: Lexicon) -> bool:
    """"prior to", "ahead of": the boundary word is the preposition's head."""
    head = preposition.head
    return head != preposition and head.lower_ in words.boundary_prepositions and head.i < preposition.i


def _governing_predicate(token: "Token") -> "Token | None":
    """The nearest verb above ``token`` (``token`` excluded)."""
    for ancestor in _ancestors(token):
        if ancestor.pos_ in _PREDICATE_POS:
            return ancestor
    return None


def _ancestors(token: "Token") -> Iterable["Token"]:
    seen = 0
    while token.head != token and seen < _MAX_CLIMB * 2:
        token = token.head
        seen += 1
        yield token


def clause_head(token: "Token") -> "Token":
    """The predicate heading the clause ``token`` belongs to (itself for a verb)."""
    if token.pos_ in _PREDICATE_POS:
        return token
    return _governing_predicate(token) or token
