"""The finite form a title gives a participle clause: "Xi solidifying his
grip" is no sentence, "Xi solidified his grip" is; the tense is the one of
the clause the participle hangs from ("Democrats swept to victory ...,
signaling trouble" -> "Democrats signaled trouble")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.clause_roles import VERB_GROUP, subject_of
from timeline.events.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


# the dependencies of a participle that tells a happening of its own clause
# ("breaking with conservatives", "after becoming a contestant"); not an
# adjective ("the ruling party"), nor a gerund subject ("Voting begins")
_CLAUSE_DEPS = frozenset({"advcl", "pcomp", "conj", "ROOT", "xcomp", "ccomp"})
# how far up the parse the tense of a participle's clause is looked for
_TENSE_STEPS = 4


def bare_participle(verb: "Token") -> bool:
    """A present participle heading its clause without an auxiliary ("Xi
    solidifying his grip"), which a title cannot print as it stands."""
    return verb.tag_ == "VBG" and verb.dep_ in _CLAUSE_DEPS and not any(
        c.dep_ in VERB_GROUP and c.dep_ != "neg" for c in verb.children)


def finite_form(verb: "Token", plural: bool, words: Lexicon) -> str | None:
    """The participle in the tense of the clause it hangs from: past under a
    past verb ("swept ..., signaling" -> "signaled"), present under a present
    one ("comes ..., saying" -> "says"); None when no finite verb above it
    tells the tense."""
    token = verb
    for _ in range(_TENSE_STEPS):
        if token.head == token:
            return None
        token = token.head
        auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        tags = {token.tag_} | {c.tag_ for c in auxiliaries}
        # "has never been more powerful, solidifying his grip": a perfect tells of the past
        perfect = any(c.lemma_.lower() in words.grammar["perfect_lemmas"] for c in auxiliaries)
        if "VBD" in tags or perfect:
            return past_form(verb, words)
        if "MD" in tags:
            return None  # "could, ..., saying": no tense a title could claim
        if tags & {"VBZ", "VBP"}:
            return present_form(verb, plural, words)
    return None


def past_form(verb: "Token", words: Lexicon) -> str:
    """"solidifying" -> "solidified", "stopping" -> "stopped", "taking" -> "took"."""
    lemma = verb.lemma_.lower()
    irregular = words.verb_forms.get(lemma)
    if irregular is not None:
        return irregular[0]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in words.grammar["vowels"]:
        return lemma[:-1] + "ied"
    stem = verb.lower_[:-3] if verb.lower_.endswith("ing") else lemma
    if len(stem) > len(lemma) and stem[-1] == stem[-2] == lemma[-1]:
        return stem + "ed"  # the participle shows the doubled consonant
    return lemma + "ed"


def present_form(verb: "Token", plural: bool, words: Lexicon) -> str:
    """"saying" -> "says" (one actor) or "say" (several)."""
    lemma = verb.lemma_.lower()
    if plural:
        return lemma
    irregular = words.verb_forms.get(lemma, ())
    if len(irregular) > 1:
        return irregular[1]
    if lemma.endswith(tuple(words.grammar["sibilant_endings"])):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in words.grammar["vowels"]:
        return lemma[:-1] + "ies"
    return lemma + "s"


def lemma_form(lemma: str, tag: str, words: Lexicon) -> str:
    """A verb's form for a tag, from its lemma ("say", VBD -> "said"; VBZ -> "says")."""
    irregular = words.verb_forms.get(lemma, ())
    if tag in ("VBD", "VBN"):
        return irregular[0] if irregular else lemma + ("d" if lemma.endswith("e") else "ed")
    if tag == "VBZ":
        return irregular[1] if len(irregular) > 1 else lemma + "s"
    return lemma


def finite_participles(ordered: list["Token"], words: Lexicon) -> dict[int, str]:
    """The finite form to print for a title's first verb when it is a bare
    participle after its subject ("Xi solidifying his grip" -> "Xi
    solidified his grip"); a title opening with the participle names no one
    and keeps it."""
    verbs = [k for k, t in enumerate(ordered) if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return {}
    verb = ordered[verbs[0]]
    if verb.tag_ in ("VBN", "VBD") and ordered[0].i > verb.i and any(c.dep_ == "agent" for c in verb.children):
        return {verb.i: past_form(verb, words)}  # its agent told first: "Committee approved plan", "CBO wrote report"
    # "Flynn being fired" -> "Flynn was fired": the auxiliary takes the tense
    clause = verb.head if _bare_auxiliary(verb) else verb
    if clause.i == verb.i and not bare_participle(verb):
        return {}
    # only its own subject: not "Her comments took office" of "comments came ..., since taking office"
    subject = subject_of(clause, set(), words)
    if subject is None or subject not in ordered[:verbs[0]] or subject.dep_ in ("dobj", "pobj"):
        return {}  # "accused Gulen of instigating a coup": an accusation, not that Gulen instigated it
    plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    if plural and clause.i != verb.i:
        return {}  # the past of "being" has two forms; only "was" is told by the verb list
    form = finite_form(verb, plural, words)
    return {} if form is None else {verb.i: form}


def _bare_auxiliary(verb: "Token") -> bool:
    """A participle auxiliary heading a passive clause without another ("before
    being fired"): the clause's only tense-bearing word."""
    head = verb.head
    return verb.tag_ == "VBG" and verb.dep_ in ("aux", "auxpass") and head.i > verb.i \
        and head.dep_ in _CLAUSE_DEPS and not any(
            c.dep_ in VERB_GROUP and c.dep_ != "neg" and c.i != verb.i for c in head.children)


def participle_fragment(ordered: list["Token"], names: dict[int, str]) -> int:
    """1 for a title whose first verb is a bare participle after its subject
    that no finite form replaces ("Gulen instigating failed coup", of "accuses
    Gulen of instigating"): a fragment, not a sentence; else 0."""
    verbs = [t for t in ordered if t.pos_ in ("VERB", "AUX")]
    if not verbs or verbs[0].i == ordered[0].i or verbs[0].i in names:
        return 0
    return int(bare_participle(verbs[0]) or (_bare_auxiliary(verbs[0]) and verbs[0].head.i not in names))
