"""The word lists the event anchorer reads (``events/data/*.txt``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
import json
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def _words(name: str) -> frozenset[str]:
    raw = resources.files("timeline.events").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in raw.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


def _groups(name: str) -> dict[str, str]:
    """Each word of a line mapped to the line's first word (the group's name)."""
    raw = resources.files("timeline.events").joinpath(f"data/{name}").read_text("utf-8")
    groups: dict[str, str] = {}
    for line in raw.splitlines():
        words = line.lower().split()
        if words and not words[0].startswith("#"):
            for word in words:
                groups.setdefault(word, words[0])
    return groups


def _forms(name: str) -> dict[str, tuple[str, ...]]:
    """Each line's first word mapped to the words after it ("be was is")."""
    raw = resources.files("timeline.events").joinpath(f"data/{name}").read_text("utf-8")
    lines = (line.lower().split() for line in raw.splitlines())
    return {words[0]: tuple(words[1:]) for words in lines if len(words) > 1 and not words[0].startswith("#")}


def _grammar() -> dict[str, frozenset[str]]:
    raw = resources.files("timeline.events").joinpath("data/grammar_words.json").read_text("utf-8")
    return {key: frozenset(words) for key, words in json.loads(raw).items() if not key.startswith("_")}


@dataclass(frozen=True, slots=True)
class Lexicon:
    event_nouns: frozenset[str]
    event_suffixes: tuple[str, ...]
    transparent_verbs: frozenset[str]
    relational_verbs: frozenset[str]
    non_event_predicates: frozenset[str]
    boundary_prepositions: frozenset[str]
    hedges: frozenset[str]
    future_auxiliaries: frozenset[str]
    related_lemmas: dict[str, str]
    unmerged_lemmas: frozenset[str]
    grammar: dict[str, frozenset[str]]
    reporting_verbs: frozenset[str] = frozenset()
    aspectual_verbs: frozenset[str] = frozenset()
    # a date on one of them dates what was done in the message ("in an email Thursday, she reminded them")
    message_nouns: frozenset[str] = frozenset()
    # the irregular forms of verbs: past, and present when irregular ("be" -> ("was", "is"))
    verb_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def is_event_noun(self, lemma: str, listed_only: bool = False) -> bool:
        """A noun naming a happening: listed, or (unless ``listed_only``) with a nominalising suffix."""
        lemma = lemma.lower()
        if lemma in self.event_nouns:
            return True
        return not listed_only and len(lemma) > 6 and lemma.endswith(self.event_suffixes)

    def relates_things(self, verb: "Token") -> bool:
        """A predicate relating figures or things ("figures reflect a dividend
        in June"), not a deed: with a person as its subject ("on Saturday he
        referred to them as ...", "Trump included a provision") it is one."""
        if verb.lemma_.lower() not in self.non_event_predicates:
            return False
        people = self.grammar["resolvable_pronouns_person"] | self.grammar["speaker_pronouns"]
        return not any(c.dep_ == "nsubj" and (c.lower_ in people or c.pos_ == "PROPN") for c in verb.children)

    def lemma_group(self, lemma: str) -> str:
        """A name shared by related trigger lemmas ("agree", "agreement", "deal" -> "agree")."""
        lemma = lemma.lower()
        return self.related_lemmas.get(lemma, lemma)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(
        event_nouns=_words("event_nouns.txt"),
        event_suffixes=tuple(sorted(_words("event_suffixes.txt"))),
        transparent_verbs=_words("transparent_verbs.txt"),
        relational_verbs=_words("relational_verbs.txt"),
        non_event_predicates=_words("non_event_predicates.txt"),
        boundary_prepositions=_words("boundary_prepositions.txt"),
        hedges=_words("hedges.txt"),
        future_auxiliaries=_words("future_auxiliaries.txt"),
        related_lemmas=_groups("related_lemmas.txt"),
        unmerged_lemmas=_words("unmerged_lemmas.txt"),
        grammar=_grammar(),
        reporting_verbs=_words("reporting_verbs.txt"),
        aspectual_verbs=_words("aspectual_verbs.txt"),
        message_nouns=_words("message_nouns.txt"),
        verb_forms=_forms("verb_forms.txt"),
    )
