"""Statements and quotations in a sentence, as a title reads them: the
quoted words, a closing attribution ("..., the agency said"), the clause a
statement reports before its verb, and a quotation's opening words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.clause_roles import SUBJECTS, subjects_of
from timeline.events.lexicon import Lexicon
from timeline.events.title_form import FUNCTION_POS, MAX_TITLE_WORDS, MIN_TITLE_WORDS, waiting

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# quote marks around at most this many words name something, they quote no one
_SCARE_QUOTE_WORDS = 3


class Quotations:
    """Where a sentence quotes or reports someone."""

    def __init__(self, words: Lexicon) -> None:
        self.words = words

    def quotation(self, verb: "Token", budget: int = MAX_TITLE_WORDS - 2) -> str | None:
        """The first words of the quotation the reporting verb closes (“...,” X
        said) or opens (X said: “...”), up to the first pause after four
        words, if that is at most a title's length."""
        grammar = self.words.grammar
        sentence = verb.sent
        marks = [t.i for t in sentence if self.is_mark(t)]
        doc = verb.doc
        for opening, close in zip(marks[::2], [*marks[1::2], sentence.end]):
            inside = [t for t in doc[opening + 1:close]]
            before = close < verb.i and all(t.is_punct or t.i in {c.i for c in verb.subtree}
                                            for t in doc[close + 1:verb.i])
            after = opening > verb.i and doc[opening - 1].text in grammar["quotation_openers"]
            if not inside or not (before or after):
                continue
            # a quotation too long is not cut into a statement's title (a post is: see Titler.posted_title)
            return self.opening(self.main_claim(inside), MIN_TITLE_WORDS, budget, cut=False)
        return None

    def opening(self, words: list["Token"], first_pause: int, budget: int = MAX_TITLE_WORDS - 2,
                cut: bool = True) -> str | None:
        """Quoted words as a title quotes them: up to the first pause at or
        after word ``first_pause``; a stretch over ``budget`` words cut where
        its words read whole and marked as cut ("... were thrilled to welcome
        …" never), or with ``cut`` False none; None when too few words are left."""
        grammar = self.words.grammar
        end = next((k for k, t in enumerate(words) if k >= first_pause and t.text in grammar["quotation_pauses"]),
                   len(words))
        kept = words[:end]
        while kept and kept[-1].is_punct:
            kept = kept[:-1]
        if not kept:
            return None
        too_long = len(_text(kept).split()) > budget
        if too_long and not cut:
            return None
        if too_long:
            while kept and len(_text(kept).split()) > budget:
                kept = kept[:-1]
            # not after a word whose noun or object is cut off ("... needs is a Liberal …")
            while kept and (kept[-1].is_punct or kept[-1].pos_ in FUNCTION_POS or waiting(kept[-1], kept)):
                kept = kept[:-1]
        if not kept or len(_text(kept).split()) < MIN_TITLE_WORDS:
            return None
        return _text(kept) + (" " + min(grammar["quotation_cut"]) if too_long else "")

    def main_claim(self, words: list["Token"]) -> list["Token"]:
        """Quoted words from the stretch between pauses that holds the main
        verb of their first sentence, when it says who: a quotation cut at its
        first pause keeps the claim, not the phrase that opens it (“Despite
        thousands of hours wasted ..., the Democrats have been unable to show
        any collusion” -> “the Democrats have been unable to show any collusion”)."""
        if not words:
            return words
        pauses = self.words.grammar["quotation_pauses"]
        held = {t.i for t in words}
        sentence = [t for t in words if t.sent.start == words[0].sent.start]
        main = next((t for t in sentence if (t.head.i not in held or t.head == t) and t.pos_ in ("VERB", "AUX")), None)
        if main is None:
            return words
        first_stretch = next((t for k, t in enumerate(words) if k >= MIN_TITLE_WORDS and t.text in pauses), words[-1])
        if main.i < first_stretch.i:
            return words  # “Frankly, I am appalled by the allegations”: the claim is in the first stretch
        start = max((k + 1 for k, t in enumerate(words) if t.text in pauses and t.i < main.i), default=0)
        # the stretch must hold the verb's subject: not “is now in the ring fighting against Trump”
        subjects = subjects_of(main, set())
        if start == 0 or not subjects or any(t.i < words[start].i for t in subjects):
            return words
        return words[start:]

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
            # (a clause inside quote marks the parser hung from the verb quotes, even without a mark of its own)
            if subject is None or subject.lower_ in self.words.grammar["speaker_pronouns"] or clause.i in quoted or (
                    self.quotes(clause) and subject.i in quoted):
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

    def is_mark(self, token: "Token") -> bool:
        """A quote mark, not the apostrophe of a plural possessive written
        like a closing single quote ("Elias’ law firm", "the Democrats' plan")."""
        grammar = self.words.grammar
        if token.text not in grammar["quote_marks"]:
            return False
        doc = token.doc
        before = doc[token.i - 1] if token.i > 0 else None
        return not (token.text in grammar["apostrophes"] and before is not None and not before.whitespace_
                    and before.text[-1:].lower() in grammar["possessive_plural_endings"] and token.whitespace_)

    def quoted(self, sentence: "Span") -> set[int]:
        """The words of a sentence inside quotation marks (a pair around a few
        words names something: "a “Dreamers” bill"); an opening mark never
        closed quotes to the sentence's end."""
        marks = [t.i for t in sentence if self.is_mark(t)]
        quoted: set[int] = set()
        for opening, close in zip(marks[::2], [*marks[1::2], sentence.end]):
            if close - opening > _SCARE_QUOTE_WORDS + 1:
                quoted.update(range(opening, close + 1))
        return quoted

    def quotes(self, clause: "Token") -> bool:
        """Whether the clause quotes someone: quote marks other than a pair
        around a word or two ("a “Dreamers” immigration bill")."""
        marks = [t.i for t in clause.subtree if self.is_mark(t)]
        if len(marks) % 2:
            return True
        return any(close - opening > _SCARE_QUOTE_WORDS + 1 for opening, close in zip(marks[::2], marks[1::2]))


def _text(words: list["Token"]) -> str:
    """The text from the first word to the last, as the source spells it."""
    return words[0].doc[words[0].i:words[-1].i + 1].text
