"""Figures among dated events: statistics and projections ("exports rose 5
percent in October", "analysts forecast that ...", "one in three residents
took a deduction"), which a journalist's timeline
leaves out (``statistic`` in :mod:`timeline.events.kinds`).  The cues are the
lists of ``data/event_kinds.json`` that :class:`~timeline.events.kinds.KindCues`
holds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

from timeline.events.clause_walk import up_to_clause

if TYPE_CHECKING:
    from spacy.tokens import Token


class FigureRules:
    """``statistic(trigger, lemma, date_words)``: the trigger tells a figure."""

    def __init__(self, cues: Mapping[str, frozenset[str]]) -> None:
        self.cues = cues

    def statistic(self, trigger: "Token", lemma: str, date_words: set[int]) -> bool:
        """A change or level verb ("rose", "totalled") or a figure noun with a
        quantity in its clause, or a trigger that is itself a number."""
        cues = self.cues
        if trigger.pos_ in cues["quantity_labels"] or lemma in cues["quantity_words"]:
            return True
        if self._projection(trigger, lemma) or self._finding(trigger, lemma) or self._ratio_subject(trigger):
            return True
        if lemma in cues["statistic_link_verbs"]:
            # "led to a trade surplus of $26.62 billion": a figure as what the verb brings
            objects = [c for c in trigger.children if c.dep_ == "dobj"]
            objects += [g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            return any(o.lemma_.lower() in cues["statistic_nouns"] and self._quantified(o, date_words)
                       for o in objects)
        if lemma not in cues["statistic_verbs"] and lemma not in cues["statistic_nouns"]:
            return False
        if lemma in cues["statistic_verbs"] and any(
                c.dep_ == "nsubj" and (c.lemma_.lower() in cues["statistic_nouns"] or c.lemma_.lower() in
                                       cues["market_nouns"]) for c in trigger.children):
            return True  # "RINs prices have surged", "the dollar edged higher": a figure without its number
        return self._quantified(trigger, date_words)

    def _ratio_subject(self, trigger: "Token") -> bool:
        """The subject is a ratio ("one in three residents took a deduction"):
        a share of a population, a statistic, not who did something."""
        ratio = self.cues["ratio_prepositions"]
        for subject in (c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")):
            words = list(subject.subtree)  # "one in three" however parsed: number, preposition, number
            if any(a.pos_ == "NUM" and b.lower_ in ratio and c.pos_ == "NUM"
                   for a, b, c in zip(words, words[1:], words[2:])):
                return True
        return False

    def _quantified(self, word: "Token", date_words: set[int]) -> bool:
        """A quantity (not a date's number) in the words of ``word``."""
        cues = self.cues
        return any(
            t.i != word.i and t.i not in date_words
            and (t.pos_ in cues["quantity_labels"] or t.lower_ in cues["quantity_words"]) and not _is_date_word(t)
            for t in word.subtree
        )

    def _projection(self, trigger: "Token", lemma: str) -> bool:
        """"analysts forecast that ...", "estimated that 20,000 Americans were
        killed last year": a projecting verb with its clause, or that clause."""
        verbs = self.cues["projection_verbs"]
        if lemma in verbs and any(c.dep_ == "ccomp" for c in trigger.children):
            return True
        clause = up_to_clause(trigger)[-1]
        return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in verbs

    def _finding(self, trigger: "Token", lemma: str) -> bool:
        """"opinion polls showed Moore trailing", "data showed exports rose":
        a finding verb whose subject is a source of figures."""
        cues = self.cues
        return lemma in cues["finding_verbs"] and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in cues["figure_sources"] for c in trigger.children)


def _is_date_word(token: "Token") -> bool:
    """A number that is part of a date ("2017", "Dec. 18" of another date
    phrase), not a figure: a four-digit year or a day number on a name."""
    if token.ent_type_ in ("DATE", "TIME"):
        return True
    year = len(token.text) == 4 and token.text.isdigit()
    return year or (token.text.isdigit() and len(token.text) <= 2 and token.head.pos_ == "PROPN")
