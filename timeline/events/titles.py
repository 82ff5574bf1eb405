"""An event's headline built from the parse: who did what to whom, the
verb group, its object and first short complement (and what a statement
says), shortened phrase by phrase until it fits.

The facade over the title modules: :mod:`title_clauses` (which parts),
:mod:`title_phrases` (their words), :mod:`title_naming` (who is named),
:mod:`title_quotes` (statements and quotations), :mod:`title_form`
(lengths, text, form rules)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from timeline.events.lexicon import Lexicon
from timeline.events.title_clauses import ClauseParts
from timeline.events.title_form import (
    MAX_TITLE_WORDS, MIN_TITLE_WORDS, Part, TitleText, dangling, nameless_noun, ordered_words, title_faults,
)
from timeline.events.title_naming import Naming
from timeline.events.title_phrases import Phrases
from timeline.events.title_quotes import Quotations
from timeline.events.verb_forms import finite_participles, participle_fragment

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.events.actors import ActorIndex

__all__ = ["MAX_TITLE_WORDS", "MIN_TITLE_WORDS", "Titler", "title_faults"]

# a wire service's tag before its headline ("UPDATE 2-", "EXCLUSIVE-")
_HEADLINE_TAG = re.compile(r"^(?:[A-Z]+(?: \d+)?-)+")
# a headline is about a sentence when they share two words of this length
_SHARED_WORD_CHARS = 4
class Titler:
    """Headlines of events from their trigger word in the parse."""

    def __init__(self, words: Lexicon) -> None:
        self.words = words
        self.text = TitleText(words)
        self.phrases = Phrases(words)
        self.quotes = Quotations(words)
        self.naming = Naming(words, self.quotes)
        self.clauses = ClauseParts(words, self.phrases, self.quotes, self.naming)

    def title(self, trigger: "Token", skip: set[int], actors: "ActorIndex | None" = None) -> str:
        """A headline for the event: subject, verb group, object, first short
        complement (and what a statement says), shortened phrase by phrase;
        with ``actors``, a pronoun or description ("he", "the company") is
        replaced by the participant the article names."""
        date = set(skip)
        skip = skip | self.naming.dateline(trigger)
        quotation = self._quotation_title(trigger, skip)
        if quotation is not None:
            return quotation
        parts = self.clauses.parts(trigger, skip)
        title = self._built(parts, trigger, actors)
        faults = title_faults(title, self.words) + self._fragments(parts, trigger, date, skip)
        if not faults:
            return title
        # a title that breaks a form rule ("Bail hearing", "Paul dropped", "Trump took
        # office"): the clause that governs the trigger, then either with its date
        alternatives = (
            lambda: self.clauses.conjunct_parts(trigger, skip),
            lambda: self.clauses.governing_parts(trigger, skip),
            # a noun of a clause that is itself a fragment: the clause above that one
            # ("coup" of "accuses Gulen of instigating a failed coup")
            lambda: self.clauses.governing_parts(trigger.head, skip) if trigger.pos_ in ("NOUN", "PROPN") else [],
            lambda: self.clauses.parts(trigger, skip - date),
            lambda: self.clauses.governing_parts(trigger, skip - date),
            lambda: self.clauses.whole_clause(trigger, skip),
        )
        reports = trigger.lemma_.lower() in self.words.reporting_verbs
        pronouns = self.words.grammar["resolvable_pronouns_person"] | self.words.grammar["resolvable_pronouns_plural"] \
            | self.words.grammar["resolvable_pronouns_thing"]
        # a date that names a time ("next week", "in 2016"; "in the past" says nothing)
        named_date = any(t.pos_ in ("PROPN", "NUM", "NOUN") and t.lower_ not in self.words.grammar["vague_time_nouns"]
                         for t in trigger.doc if t.i in date)
        date_words = {w for t in trigger.doc if t.i in date for w in _words(t.text)}
        for k, alternative in enumerate(alternatives):
            if k > 2 and (reports or not named_date):
                continue  # "said on Thursday" says no more than "said"
            parts = alternative()
            if not parts:
                continue
            candidate = self._built(parts, trigger, actors)
            candidate_faults = title_faults(candidate, self.words) + self._fragments(parts, trigger, date, skip)
            # a bare noun may get the date words that name it ("2008 financial crisis")
            named_by_date = candidate_faults == faults and trigger.pos_ in ("NOUN", "PROPN") \
                and len(title.split()) < MIN_TITLE_WORDS and len(candidate.split()) > len(title.split()) \
                and _words(candidate) - _words(title) <= date_words
            if candidate_faults < faults or named_by_date:
                title, faults = candidate, candidate_faults
            if not faults:
                break
        if faults and trigger.dep_ == "pcomp" and title.split()[0].lower() in pronouns:
            # "since taking office" borrows "he" from the clause above only when the article
            # names him: an unnamed one is left out ("He was elected" says no more than "Being elected")
            parts = [p for p in self.clauses.parts(trigger, skip) if not all(t.tag_ == "PRP" for t in p.words)]
            return self._built(parts, trigger, actors) if parts else title
        owner = self.naming.fronted_owner(trigger, skip) if faults and trigger.pos_ == "NOUN" else None
        if owner is not None and title.split()[0] != trigger.doc[owner.i].text:
            # "Sixth nuclear test" -> "Pyongyang's sixth nuclear test": a noun event's owner, the subject
            # of the clause its phrase opens
            proper = title.split()[0] in {t.text for t in trigger.sent if t.pos_ == "PROPN"}
            name = self.text.render(sorted(self.phrases.noun_core(owner, skip), key=lambda t: t.i), trigger, {})
            owned = f"{name}{self.text.possessive} {title if proper else title[0].lower() + title[1:]}"
            if len(owned.split()) <= MAX_TITLE_WORDS:
                return owned
        return title

    def _fragments(self, parts: list[Part], trigger: "Token", date: set[int], skip: set[int]) -> int:
        """The faults of a title's parts that make it no sentence: a noun that
        names no one, a cut verb, a participle left unfinished ("Gulen
        instigating failed coup")."""
        ordered = ordered_words(parts)
        return nameless_noun(parts, trigger, date) + dangling(parts, skip) + participle_fragment(
            ordered, finite_participles(ordered, self.words))

    def _quotation_title(self, trigger: "Token", skip: set[int]) -> str | None:
        """A statement whose content is only a quotation, as an editor heads it:
        the named speaker and the quotation's first words up to a pause
        (“Frankly, I am appalled by the allegations,” Baker told reporters ->
        'Baker: “Frankly, I am appalled by the allegations”'); none for a
        statement with a content clause or a quotation too long to cut there."""
        verb = trigger
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj":
            verb = trigger.head.head  # "said in a statement"
        if verb.lemma_.lower() not in self.words.reporting_verbs or verb.pos_ != "VERB":
            return None
        if self.clauses.reported(verb, skip) is not None or self.quotes.preceding_report(verb, skip) is not None:
            return None
        speaker = self.naming.subject(verb, skip, resolve=True)
        if speaker is None or speaker.pos_ not in ("PROPN", "NOUN") or speaker.i in self.quotes.quoted(verb.sent):
            return None
        name = self.text.render(sorted(self.phrases.noun_core(speaker, skip), key=lambda t: t.i), trigger, {})
        words = self.quotes.quotation(verb, MAX_TITLE_WORDS - len(name.split()))
        if words is None:
            return None
        opening, closing = sorted(self.words.grammar["headline_quote_marks"])
        return f"{name}: {opening}{words}{closing}"

    def posted_title(self, author: str | None, words: list["Token"]) -> str | None:
        """A posted item ("@realDonaldTrump : - I fulfilled my campaign promise
        - others didn't! [0036 EST]") headed as an editor quotes a post:
        'author: “its first words up to a pause”'; None when those words do
        not fit a title or no author is named."""
        grammar = self.words.grammar
        words = self.quotes.main_claim([t for t in words if not t.is_space and t.text not in grammar["quote_marks"]])
        quoted = self.quotes.opening(words, MIN_TITLE_WORDS - 1)
        if author is None or quoted is None:
            return None
        opening, closing = sorted(grammar["headline_quote_marks"])
        return f"{author}: {opening}{quoted}{closing}"

    def _built(self, parts: list[Part], trigger: "Token", actors: "ActorIndex | None") -> str:
        names = self.naming.names(parts, actors) if actors is not None else {}
        names |= finite_participles(ordered_words(parts), self.words) | self.naming.elided(ordered_words(parts))
        return self.text.headline(parts, trigger, names)

    def lead_title(self, trigger: "Token", headline: str | None, skip: set[int]) -> str | None:
        """The article's own headline, for the event that is its main news:
        the main clause of its lead sentence (the trigger is the sentence's
        root, the clause its root reports, or the closing "..., the agency
        said"), when the headline is about that sentence (shares two of its
        words) and reads as a title."""
        if not headline:
            return None
        title = _HEADLINE_TAG.sub("", headline).strip()
        words = title.split()
        if not MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS or title.isupper():
            return None
        root = trigger.sent.root
        main = trigger.i == root.i or (trigger.head.i == root.i and trigger.dep_ == "ccomp") or (
            trigger.lemma_.lower() in self.words.reporting_verbs and self.quotes.preceding_report(trigger, skip) is not None
        )
        sentence = {t.lower_ for t in trigger.sent if len(t.text) >= _SHARED_WORD_CHARS}
        shared = {w.lower().strip(",.:;'’\"") for w in words} & sentence
        return title if main and len(shared) >= 2 else None


def _words(text: str) -> set[str]:
    """The words of a text, lower case, without punctuation ("2007-2009" -> "2007", "2009")."""
    return set(re.findall(r"\w+", text.lower()))
