"""Statements and quotations in a sentence, as a title reads them: the
quoted words, a closing attribution ("..., the agency said"), the clause a
statement reports before its verb, and a quotation's opening words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.clause_roles import SUBJECTS, subjects_of
from timeline.events.lexicon import Lexicon
from timeline.events.title_form import MAX_TITLE_WORDS, MIN_TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# quote marks around at most this many words name something, they quote no one
_SCARE_QUOTE_WORDS = 3


class Quotations:
    """Where a sentence quotes or reports someone."""

    def __init__(self, words: Lexicon) -> None:
        self.words = words

    def quotation(self, verb: "Token") -> str | None:
        """The first words of the quotation the reporting verb closes (“...,” X
        said) or opens (X said: “...”), up to the first pause after four
        words, if that is at most a title's length."""
        grammar = self.words.grammar
        sentence = verb.sent
        marks = [t.i for t in sentence if t.text in grammar["quote_marks"]]
        doc = verb.doc
        for opening, close in zip(marks[::2], [*marks[1::2], sentence.end]):
            inside = [t for t in doc[opening + 1:close]]
            before = close < verb.i and all(t.is_punct or t.i in {c.i for c in verb.subtree}
                                            for t in doc[close + 1:verb.i])
            after = opening > verb.i and doc[opening - 1].text in grammar["quotation_openers"]
            if not inside or not (before or after):
                continue
            end = next((k for k, t in enumerate(inside) if k >= MIN_TITLE_WORDS and t.text in
                        grammar["quotation_pauses"]), len(inside))
            kept = inside[:end]
            while kept and kept[-1].is_punct:
                kept = kept[:-1]
            if MIN_TITLE_WORDS <= len([t for t in kept if not t.is_punct]) <= MAX_TITLE_WORDS - 2:
                return doc[kept[0].i:kept[-1].i + 1].text
            return None
        return None

    def preceding_report(self, verb: "Token", skip: set[int]) -> "Token | None":
        """The clause a statement reports when it comes first ("Xi replied to
        Kim's message, the agency said"; "..., state data shows"), not a quotation."""
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]  # "..., state data shows"
        root = verb.sent.root
        # "X met officials, the New York Times reported" also as an adverbial clause, not "as Y said"
        closing = verb.dep_ in ("ccomp", "parataxis", "conj") or (
            verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children))
        if not clauses and closing and root.i < verb.i \
                and not any(c.dep_ == "ccomp" and verb not in c.subtree for c in root.children) \
                and self.attribution(verb):
            clauses = [root]  # the parser hung the closing "..., the agency said" from the main clause
        for clause in clauses:
            if clause.i in skip or clause.pos_ not in ("VERB", "AUX"):
                continue
            subject = next(iter(subjects_of(clause, skip)), None)
            quoted = self.quoted(verb.sent)
            # a quotation is no title; a clause quoting a few of its words says its gist
            # without them ("supports the House version, saying its passage would be “...”")
            if subject is None or subject.lower_ in self.words.grammar["speaker_pronouns"] or (
                    self.quotes(clause) and (clause.i in quoted or subject.i in quoted)):
                return None
            return clause
        return None

    def attribution(self, verb: "Token") -> bool:
        """"..., North Korea's state news agency said on Thursday.": a reporting
        verb after a comma, with its subject, ending the sentence."""
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i]
        if not subjects:
            return False
        before = verb.doc[subjects[0].left_edge.i - 1] if subjects[0].left_edge.i > verb.sent.start else None
        after = [t for t in verb.doc[verb.i + 1:verb.sent.end] if not t.is_punct]
        return before is not None and before.text == "," and all(t.i <= verb.right_edge.i for t in after)

    def quoted(self, sentence: "Span") -> set[int]:
        """The words of a sentence inside quotation marks (a pair around a few
        words names something: "a “Dreamers” bill"); an opening mark never
        closed quotes to the sentence's end."""
        marks = [t.i for t in sentence if t.text in self.words.grammar["quote_marks"]]
        quoted: set[int] = set()
        for opening, close in zip(marks[::2], [*marks[1::2], sentence.end]):
            if close - opening > _SCARE_QUOTE_WORDS + 1:
                quoted.update(range(opening, close + 1))
        return quoted

    def quotes(self, clause: "Token") -> bool:
        """Whether the clause quotes someone: quote marks other than a pair
        around a word or two ("a “Dreamers” immigration bill")."""
        marks = [t.i for t in clause.subtree if t.text in self.words.grammar["quote_marks"]]
        if len(marks) % 2:
            return True
        return any(close - opening > _SCARE_QUOTE_WORDS + 1 for opening, close in zip(marks[::2], marks[1::2]))
