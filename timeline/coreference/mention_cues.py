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
* ``dated_noun``: the event noun its date phrase dates, with the names of
  its modifiers ("the 2016 presidential election", "next year's midterm
  elections", "the Nov. 7 Virginia election", "the election in 2016"): two
  reports of one date whose date phrases date the same noun tell the
  happening that noun names, whatever else their clauses say.

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

__all__ = ["MentionCues", "base_forms", "coreference_words", "dated_noun", "may_refer", "mention_cues", "participants_differ",
           "same_dated_noun"]

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
    dated_noun: tuple[str, frozenset[str]] | None = None


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
    return MentionCues(frozenset(names), frozenset(words), definite, own, _families(entry),
                       dated_noun(entry.sources[0]))


def same_dated_noun(a: MentionCues, b: MentionCues) -> bool:
    """Both date phrases date one event noun ("the 2016 election" / "the
    2016 presidential election"), their modifiers naming no one the other's
    do not ("the 2017 Virginia election" is not "the 2017 Alabama election")."""
    if a.dated_noun is None or b.dated_noun is None or a.dated_noun[0] != b.dated_noun[0]:
        return False
    names_a, names_b = a.dated_noun[1], b.dated_noun[1]
    return names_a <= names_b or names_b <= names_a


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


def dated_noun(source: EntrySource) -> tuple[str, frozenset[str]] | None:
    """The event noun (listed in ``event_nouns.txt``; a plural as its
    singular) that the source's date phrase modifies: right after it, past a
    possessive and a few modifiers ("2016 presidential election", "next
    year's midterm elections"), or right before it, joined by a
    ``dated_noun_prepositions`` word ("the election in 2016"); with the
    names of the modifiers."""
    if not source.timex.text:
        return None
    lists = coreference_words()
    offset = source.sentence.start
    after = source.sentence.text[max(0, source.timex.end - offset):].split()[:4]
    modifiers: list[str] = []
    for k, word in enumerate(after):
        if k == 0 and word in _POSSESSIVE:
            continue
        noun = _event_noun(word)
        if noun is not None:
            common = {_bare(t) for t in _WORD.findall(source.sentence.text) if t[:1].islower()}
            return noun, frozenset(_names_of(modifiers, common, lists["not_own_names"]))
        if word[-1:] in ",;:.!?\"\u201d" or word.lower() in lists["noun_phrase_breaks"]:
            break
        modifiers.append(word)
    before = source.sentence.text[:max(0, source.timex.start - offset)].split()[-3:]
    if len(before) >= 2 and before[-1].lower() in lists["dated_noun_prepositions"]:
        noun = _event_noun(before[-2])
        if noun is not None:
            return noun, frozenset()
    return None


def _event_noun(word: str) -> str | None:
    """The listed event noun a word is, singular, or None."""
    word = word.lower().strip(_EDGE)
    words = lexicon()
    for form in (word, word[:-1] if word.endswith("s") else ""):
        if form and words.is_event_noun(form, listed_only=True):
            return form
    return None


def _families(entry: TimelineEntry) -> frozenset[str]:
    """The trigger's group and the groups its headline's words name, as
    inflections of their lemmas ("elections" names the election group,
    "resigning" the resign group), statements' words left out."""
    words = lexicon()
    groups = words.related_lemmas
    out = {words.lemma_group(entry.lemma)}
    for word in entry.title.lower().split():
        for form in base_forms(word.strip(_EDGE)):
            if form in groups:
                if form not in words.unmerged_lemmas:  # "Franks says": every statement says, no kind of happening
                    out.add(groups[form])
                break
    return frozenset(out)


def base_forms(word: str) -> tuple[str, ...]:
    """The word and the lemmas it may be an inflection of, most likely first:
    a regular ending off (``inflection_endings``: "resigning" -> "resign",
    "announced" -> "announce", "planned" -> "plan", "elections" ->
    "election"), or an irregular form (``verb_forms.txt``: "met" -> "meet")."""
    forms = [word]
    irregular = _irregular_lemmas().get(word)
    if irregular:
        forms.append(irregular)
    for ending in coreference_words()["inflection_endings"]:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[:-len(ending)]
            forms.extend((stem, stem + "e"))
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # "planned" -> "plan"
    return tuple(dict.fromkeys(forms))


@lru_cache(maxsize=1)
def _irregular_lemmas() -> dict[str, str]:
    """Irregular verb form -> lemma (``verb_forms.txt``)."""
    return {form: lemma for lemma, forms in lexicon().verb_forms.items() for form in forms}
