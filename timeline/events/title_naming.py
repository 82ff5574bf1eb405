"""Who a title names: a verb's subject (not a quoted one the parser gave a
reporting verb), the name a pronoun stands for in its sentence, the
dateline that is nobody, and the article's name for a pronoun or bare
description that opens a title (through :class:`ActorIndex`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.clause_roles import RELATIVE_TAGS, acting_it, subject_of, subjects_of
from timeline.events.lexicon import Lexicon
from timeline.events.title_form import Part
from timeline.events.title_quotes import Quotations

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.events.actors import ActorIndex


# how far up from a noun event the clause whose subject owns it is looked for
_OWNER_STEPS = 8


class Naming:
    """The subjects and names of a title."""

    def __init__(self, words: Lexicon, quotes: Quotations) -> None:
        self.words = words
        self.quotes = quotes
        self.possessive = sorted(words.grammar["possessive_endings"])[0]

    def names(self, parts: list[Part], actors: "ActorIndex") -> dict[int, str]:
        """The name to show for each pronoun or bare description that opens
        the title and that the article resolves (an "it" only as a subject: not
        "it is unclear"); later in the title a pronoun is bound in its clause
        ("Xi expressed his congratulations") and stays."""
        names: dict[int, str] = {}
        words = actors.words
        for part in parts[:1]:
            for token in (t for _, level in part.levels for t in level):
                if token.i in names or token.tag_ not in ("PRP", "PRP$", "NN"):
                    continue
                if token.lower_ in words.thing_pronouns and not acting_it(token, self.words):
                    continue
                following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
                if token.tag_ == "PRP" and following is not None and following.text[:1] in ("'", "’"):
                    continue  # "We're": no name glued to a contraction
                actor = actors.refers_to(token)
                if actor is not None:
                    possessive = token.tag_ == "PRP$" or token.lower_ in words.possessive_pronouns and token.dep_ == "poss"
                    names[token.i] = actor.name + (self.possessive if possessive else "")
                    # "that panel" -> "Postal Regulatory Commission", not "That Postal Regulatory Commission"
                    names |= {c.i: "" for c in token.children if c.dep_ == "det" and c.i < token.i}
        return names

    def elided(self, ordered: list["Token"]) -> dict[int, str]:
        """The noun a pronoun "one" stands for, the last one before it in its
        sentence ("tested a missile since launching one over Japan" ->
        "launched missile over Japan"; "a message shorter than one sent
        after the congress" -> "congratulatory message sent"), with its
        adjectives; not "one of them", nor a number ("one vote")."""
        names: dict[int, str] = {}
        for token in ordered:
            if token.lower_ not in self.words.grammar["noun_pronouns"] or token.tag_ != "CD" or token.dep_ in ("nummod", "quantmod", "compound") \
                    or any(c.dep_ == "conj" or (c.dep_ == "prep" and c.lower_ in self.words.grammar["object_prepositions"])
                           for c in token.children):  # not "one of them", "one or both houses"
                continue
            before = token.doc[token.sent.start:token.i]
            noun = next((t for t in reversed(before) if t.pos_ == "NOUN" and t.dep_ not in ("compound", "npadvmod")
                         and t.lemma_.lower() not in self.words.grammar["time_nouns"]), None)
            if noun is None:
                continue
            modifiers = [c for c in noun.children if c.i < noun.i and c.dep_ in ("amod", "compound")]
            names[token.i] = " ".join([*(m.text for m in modifiers), noun.lemma_ if noun.tag_ == "NNS" else noun.text])
        return names

    def fronted_owner(self, noun: "Token", skip: set[int]) -> "Token | None":
        """Whose a noun event is that a phrase before its clause's subject names
        and no one else ("After a flurry of activity including a sixth nuclear
        test on Sept. 3, Pyongyang did not disrupt ...": Pyongyang's test): the
        named subject of the clause the phrase opens; None when the noun has an
        owner of its own or the phrase holds another verb."""
        if any(c.dep_ in ("poss", "agent", "compound") or (c.dep_ == "det" and c.lower_ not in self.words.grammar[
                "articles"]) for c in noun.children):
            return None
        if noun.head.lower_ in self.words.grammar["other_time_prepositions"]:
            return None  # "Before the vote on Thursday, Kuczynski fanned fears": a time, not his vote
        token = noun
        for _ in range(_OWNER_STEPS):
            token = token.head
            if token.pos_ in ("VERB", "AUX") and token.dep_ != "prep":
                break
            if token.pos_ not in ("NOUN", "ADP", "VERB") or token.head.i == token.i:
                return None
        else:
            return None
        subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i not in skip), None)
        if subject is None or subject.pos_ != "PROPN" or not noun.i < subject.left_edge.i < token.i:
            return None
        return subject

    def subject(self, verb: "Token", skip: set[int], resolve: bool) -> "Token | None":
        """Who did it (see :func:`_subject`); with ``resolve``, a "he"/"she"/"they"
        stands for the speaker it reports ("Maloney said she will introduce")."""
        subject = subject_of(verb, skip, self.words)
        quoted = self.quotes.quoted(verb.sent) if subject is not None else set()
        if subject is not None and subject.i in quoted and verb.i not in quoted:
            # two subjects are a misparse ("“Her record ... ,” Franken said"): not the quoted one
            subject = next((s for s in subjects_of(verb, skip) if s.i not in quoted), subject)
        if subject is not None and subject.pos_ == "NOUN":
            # "A third former Trump adviser, George Papadopoulos, pleaded": the name says who
            subject = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                            and c.i not in skip), subject)
        if subject is None or not resolve or subject.tag_ != "PRP":
            return subject
        return self.antecedent(subject) or subject

    def antecedent(self, pronoun: "Token") -> "Token | None":
        """The name a third-person pronoun subject stands for in its sentence: its
        apposition ("he (Franken)"), the subject of the verb reporting its clause
        ("Maloney said she", "the committee said it"), or for "he"/"she" of the
        clause it depends on ("Franken was a comedian before he was elected")."""
        grammar = self.words.grammar
        word = pronoun.lower_
        kind = next((k for k in ("person", "plural", "thing") if word in grammar[f"resolvable_pronouns_{k}"]), None)
        if kind is None:
            return None
        named = [c for c in pronoun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if named:
            return named[0]
        clause = pronoun.head
        while clause.dep_ == "conj" and clause.head != clause:
            clause = clause.head
        # "Maloney said she will", not "He was released ..., Captain Olney said" (someone the story named before)
        reported = clause.dep_ == "ccomp" and clause.head.lemma_.lower() in self.words.reporting_verbs \
            and clause.i > clause.head.i
        # "Page testified that he met", "Republicans fear they could lose": a clause of any verb
        if not reported and not (kind == "person" and clause.dep_ == "advcl") and not (
                kind in ("person", "plural") and clause.dep_ == "ccomp" and clause.i > clause.head.i):
            return None
        speaker = next(iter(subjects_of(clause.head, self.dateline(pronoun))), None)
        if speaker is not None and speaker.tag_ in RELATIVE_TAGS and clause.head.dep_ == "relcl":
            speaker = clause.head.head  # "Laforgue, who said he had surgery"
            if speaker.dep_ == "appos" and speaker.head.pos_ == "PROPN":
                speaker = speaker.head  # "Laforgue, 63, an immigrant who said he"
        if speaker is None or speaker.pos_ not in ("PROPN", "NOUN"):
            return None
        plural = speaker.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in speaker.children)
        if kind == "person":
            fits = speaker.pos_ == "PROPN" and not plural
        elif kind == "plural":
            fits = plural
        else:  # "it": an organisation ("the committee", "Ethics Committee"), not a person
            fits = not plural and speaker.lemma_.lower() in grammar["organisation_nouns"]
        return speaker if fits else None

    def dateline(self, trigger: "Token") -> set[int]:
        """The words of a "BRUSSELS (Reuters) -" dateline opening the sentence
        (also when the source lost the agency's name: "WASHINGTON () -")."""
        grammar = self.words.grammar
        sentence = trigger.sent
        doc = sentence.doc
        for closing in sentence[1:12]:
            if not closing.text.endswith(")") or closing.i + 1 >= sentence.end:
                continue
            inside = doc[closing.i - 1]
            agency = inside.lower_ in grammar["news_agencies"] and doc[max(inside.i - 1, 0)].text == "("
            empty = closing.text == "()" or inside.text == "("
            if (agency or empty) and doc[closing.i + 1].text in grammar["dateline_dashes"]:
                return set(range(sentence.start, closing.i + 2))
        return set()
