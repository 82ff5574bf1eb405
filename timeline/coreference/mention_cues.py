"""What one reported mention says about which happening it tells, read from
its sentence without a parse: the cues the merge of :mod:`timeline.coreference`
compares beyond TF-IDF similarity (issue 13, "One entry per happening").

* ``names``: the specific names its sentences write (capitalised words that
  are not titles, bodies every article names, dates or sentence-initial
  words): two reports of one day and one kind of happening that name the
  same person ("Jones") are likely one.
* ``definite``: its trigger is an event noun under a definite determiner or
  a possessive ("the meeting on Wednesday", "the Dec. 12 election",
  "November's capture"): an anaphor of a happening told elsewhere in the
  article; ``own_names``: the names of that noun phrase ("the meeting with
  Abe"), which its antecedent must mention.
* ``families``: its trigger group (``related_lemmas.txt``) and the groups the
  words of its headline name ("White House will host talks": host, meet).
* ``words``: its sentences' lower-case words, to test a name against.

The word lists are in ``events/data/coreference_words.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
import json
import re

from timeline.events.lexicon import lexicon
from timeline.model import EntrySource, TimelineEntry

__all__ = ["MentionCues", "coreference_words", "may_refer", "mention_cues", "participants_differ"]

_WORD = re.compile(r"[\w][\w.'\u2019&-]*")
_EDGE = ".,:;!?()[]\"'\u2018\u2019\u201c\u201d-"
_POSSESSIVE = ("'s", "\u2019s", "s'", "s\u2019")


@dataclass(frozen=True, slots=True)
class MentionCues:
    names: frozenset[str]
    words: frozenset[str]
    definite: bool
    own_names: frozenset[str]
    families: frozenset[str]


@lru_cache(maxsize=1)
def coreference_words() -> dict[str, frozenset[str]]:
    """The word lists of ``events/data/coreference_words.json``, and
    ``date_words``: the months and weekdays of the temporal lexicon (no names)."""
    from timeline.temporal.lexicon import lexicon as temporal_lexicon

    raw = resources.files("timeline.events").joinpath("data/coreference_words.json").read_text("utf-8")
    words = {k: frozenset(v) for k, v in json.loads(raw).items() if not k.startswith("_")}
    dates = temporal_lexicon()
    words["date_words"] = frozenset((*dates.months, *dates.weekdays))  # "May" the name is lost: rare, and no harm
    words["not_own_names"] = words["date_words"] | words["non_name_words"]
    words["not_names"] = words["generic_actor_words"] | words["not_own_names"]
    return words


def mention_cues(entry: TimelineEntry) -> MentionCues:
    """The cues of an entry: names and words of all its sentences; the
    definite noun phrase and families of its first report."""
    names: set[str] = set()
    words: set[str] = set()
    for sentence in dict.fromkeys(s.sentence.text for s in entry.sources):
        tokens = _WORD.findall(sentence)
        common = {_bare(t) for t in tokens if t[:1].islower()}
        words.update(_bare(t) for t in tokens)
        names.update(_names_of(tokens[1:], common, coreference_words()["not_names"]))
    definite, own = _noun_phrase(entry.sources[0], entry.lemma) if may_refer(entry) else (False, frozenset())
    return MentionCues(frozenset(names), frozenset(words), definite, own, _families(entry))


def may_refer(entry: TimelineEntry) -> bool:
    """Its trigger is an event noun written as its lemma or plural ("the
    meeting", "the elections"; not "the Senate voted"): it may be an anaphor."""
    if not entry.sources:
        return False
    text, lemma = entry.sources[0].trigger.text.lower(), entry.lemma.lower()
    return text in (lemma, f"{lemma}s") and (lexicon().is_event_noun(lemma) or lemma in coreference_words()["general_anaphors"])


def participants_differ(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...],
                        a_cues: MentionCues, b_cues: MentionCues) -> bool:
    """Each names a specific participant the other's sentences never write
    ("Trump met Abe" / "Trump met Moon"); names every article shares ("U.S.",
    "Republicans") tell nothing."""
    generic = coreference_words()["generic_actor_words"]

    def unmentioned(names: tuple[frozenset[str], ...], words: frozenset[str]) -> bool:
        return any(name - generic and not (name - generic) & words for name in names)

    return unmentioned(a, b_cues.words) and unmentioned(b, a_cues.words)


def _names_of(tokens: list[str], common: set[str], skip: frozenset[str]) -> set[str]:
    """The capitalised words of ``tokens`` that the sentence never writes in
    lower case (``common``), lower-cased, without a possessive ending, less
    ``skip``."""
    out = set()
    for token in tokens:
        word = token.strip(_EDGE)
        if word[:1].isupper():
            word = _bare(word)
            if len(word) > 1 and word not in skip and word not in common:
                out.add(word)
    return out


def _bare(word: str) -> str:
    """A word lower-cased, without a possessive ending or a final period."""
    word = next((word[:-len(e)] for e in _POSSESSIVE if word.endswith(e)), word)
    return word.rstrip(".").lower()


def _noun_phrase(source: EntrySource, lemma: str) -> tuple[bool, frozenset[str]]:
    """Whether the trigger is an event noun (written as its lemma, or its
    plural) under a definite determiner or a possessive, within a few
    modifiers ("the Nov. 7 general election"), and the names of its phrase:
    the modifiers and a complement of ``phrase_prepositions`` after the noun
    ("the meeting with Abe")."""
    lists = coreference_words()
    offset = source.sentence.start
    before = source.sentence.text[:max(0, source.trigger.start - offset)].split()
    after = source.sentence.text[max(0, source.trigger.end - offset):].split()
    modifiers: list[str] = []
    definite = False
    for word in reversed(before[-5:]):
        bare = word.lower().strip(_EDGE)
        if bare in lists["definite_determiners"] or word.endswith(_POSSESSIVE):
            definite = True
            modifiers.append(word)  # a possessive names a participant ("Trump's meeting")
            break
        if word[-1:] in ",;:" or bare in lists["noun_phrase_breaks"]:
            break
        modifiers.append(word)
    if not definite:
        return False, frozenset()
    complement: list[str] = []
    if after and after[0].lower() in lists["phrase_prepositions"]:
        for word in after[1:7]:
            bare = word.lower().strip(_EDGE)
            if bare in lists["noun_phrase_breaks"] and bare not in lists["name_joiners"]:
                break
            complement.append(word)
            if word[-1:] in ",;:.":
                break
    common = {_bare(t) for t in _WORD.findall(source.sentence.text) if t[:1].islower()}
    # here a body every article names tells one happening from another ("the Senate vote")
    return True, frozenset(_names_of(modifiers + complement, common, lists["not_own_names"]))


def _families(entry: TimelineEntry) -> frozenset[str]:
    """The trigger's group and the groups its headline's words name (a plural
    as its singular: "elections" names the election group)."""
    words = lexicon()
    groups = words.related_lemmas
    out = {words.lemma_group(entry.lemma)}
    for word in entry.title.lower().split():
        word = word.strip(_EDGE)
        for form in (word, word[:-1] if word.endswith("s") else word):
            if form in groups:
                out.add(groups[form])
                break
    return frozenset(out)
