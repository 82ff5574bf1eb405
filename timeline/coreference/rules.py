"""Event coreference in one date bucket: which reports of one date tell one
happening, from their TF-IDF similarity (:mod:`.vectors`), their triggers
(``events/data/related_lemmas.txt``), the names they share and the cues of
their sentences (:mod:`.mention_cues`); the thresholds are
``events/data/coreference.json``."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from importlib import resources
import itertools
import json
from typing import Any, Callable, Sequence

from timeline.coreference.candidates import MergeCandidate, actor_words, one_day, share_name, title_word_set, trigger_in
from timeline.coreference.mention_cues import (MentionCues, coreference_words, may_refer, mention_cues,
                                               dated_noun, participants_differ, same_dated_noun)
from timeline.coreference.vectors import word_vectors
from timeline.disjoint import DisjointSets
from timeline.events.interval import GRANULARITY_ORDER
from timeline.events.lexicon import lexicon
from timeline.model import EntrySource

__all__ = ["coreference_settings", "coreferent", "cue_table", "merge_bucket"]

_DAY = GRANULARITY_ORDER.index("day")


def merge_bucket(bucket: Sequence[MergeCandidate], vectors: tuple[Any, Any] | None = None) -> list[list[int]]:
    """Event coreference in one date bucket: the groups (indices into
    ``bucket``, each in order; groups of more than one only) of entries that
    tell one happening.  ``vectors``: the bucket's rows of
    :func:`word_vectors` (else computed from the bucket alone).

    Two entries are one happening when their words are close enough
    (``similarity``: TF-IDF cosine of their headlines and of their sentences,
    weighted, ``events/data/coreference.json``) for what else they share:
    the same or a related trigger (``related_lemmas.txt``) and a shared name
    ask for little, a trigger word inside the other's headline ("conducted
    its sixth nuclear test" / "test") for more, other triggers or other
    participants for much more, and statements ("said") for near-identical
    sentences.  Two triggers of one sentence are one happening only when one
    names the other.  Callable on its own, per bucket (e.g. from a parallel
    runner)."""
    if len(bucket) < 2:
        return []
    import numpy as np

    limits = coreference_settings()
    titles, sentences = vectors if vectors is not None else word_vectors(bucket)
    weight = limits["title_weight"]
    similarity = weight * (titles @ titles.T).toarray() + (1 - weight) * (sentences @ sentences.T).toarray()
    words = lexicon()
    groups = [words.lemma_group(c.entry.lemma) for c in bucket]
    title_words = [title_word_set(c.entry.title) for c in bucket]
    cues = cue_table(bucket)
    sets: DisjointSets[int] = DisjointSets(range(len(bucket)))
    # only pairs above the lowest threshold can merge, or two of one article (few): the rest is never looked at
    lowest = min(v for k, v in limits.items() if k.endswith("_min_similarity"))
    articles: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(bucket):
        articles[c.document_id].append(i)
    pairs = {(int(i), int(j)) for i, j in zip(*np.nonzero(np.tril(similarity, -1) >= lowest))}
    pairs.update((j, i) for members in articles.values() for i, j in itertools.combinations(members, 2))
    # reports whose date phrases date one noun ("the 2016 election") however little else their words share:
    # each with the first of its noun (a chain, not every pair: the cost stays linear)
    nouns: dict[tuple[str, frozenset[str]], int] = {}
    for i, c in enumerate(bucket):
        noun = dated_noun(c.entry.sources[0])
        if noun is not None and nouns.setdefault(noun, i) != i:
            pairs.add((i, nouns[noun]))
    for i, j in sorted(pairs):
        if sets.find(i) != sets.find(j) and coreferent(bucket[i], bucket[j], groups[i] == groups[j], title_words, i, j,
                                               float(similarity[i, j]), limits, words.unmerged_lemmas, cues):
            sets.join(i, j)
    for members in articles.values():
        _join_anaphors(bucket, members, groups, cues, sets)
    merged: dict[int, list[int]] = defaultdict(list)
    for i in range(len(bucket)):
        merged[sets.find(i)].append(i)
    return [g for g in merged.values() if len(g) > 1]


def coreferent(
    a: MergeCandidate, b: MergeCandidate, same_trigger: bool, titles: list[frozenset[str]], i: int, j: int,
    similarity: float, limits: dict[str, float], statements: frozenset[str],
    cues: Callable[[int], MentionCues] | None = None,
) -> bool:
    """The rules of :func:`merge_bucket` for entries ``i`` and ``j`` of a list
    (``titles`` and ``cues``, a memo of :func:`mention_cues`, index it)."""
    one_article = a.document_id == b.document_id
    # across articles only the trigger's own word: a headline naming what the other happening is
    # about ("Trump congratulates Democrat for Senate victory" / "Jones won") tells another one
    named = trigger_in(a, titles[j], one_article) or trigger_in(b, titles[i], one_article)
    if a.entry.sources[0].sentence == b.entry.sources[0].sentence and one_article:
        # "conducted its sixth nuclear test": conducted = test; "met Moore in 1979 when
        # Moore offered": one moment; "signed and said": two; one headline for both
        # ("At a news conference last Thursday, Ryan said"): one
        return named or _told_together(a.entry.sources[0], b.entry.sources[0]) or a.entry.title == b.entry.title
    cue = cues or cue_table({i: a, j: b})
    # each names someone the other never writes (a participant every article names is none):
    # in one article, two happenings ("Trump met Abe" / "Trump met Moon" on Monday)
    others = one_article and bool(a.names and b.names) and participants_differ(a.names, b.names, cue(i), cue(j))
    if one_article and a.entry.date == b.entry.date and similarity >= limits["one_actor_min_similarity"] \
            and actor_words(a.entry) & actor_words(b.entry) and not others:
        # one article telling one happening of one actor twice: "Sessions on Friday offered a
        # tepid endorsement" / "Sessions on Friday defended the bureau"
        return True
    # a name both sentences write, on one day ("certified Democrat Doug Jones the winner" /
    # "the meeting scheduled to ratify Jones' win"): in one article, with a related trigger, one
    # happening (across articles too weak: "Franken to resign" / "Franks to resign", both Dec. 7)
    named_day = one_article and one_day(a, b) and bool(cue(i).names & cue(j).names)
    if named_day and not others and (cue(i).families & cue(j).families) - _statement_groups(statements):
        # one article, one day, one kind of happening (not just two statements), one person
        # named: told twice ("Franks said he would resign" / "to tender my resignation")
        return True
    if a.entry.lemma in statements or b.entry.lemma in statements:
        return same_trigger and similarity >= limits["statement_min_similarity"]
    if not others and _one_dated_noun(a, b, cue(i), cue(j), one_article):
        return True
    # names on both sides, none shared; in one article also each naming someone the other never writes
    differ = bool(a.names and b.names and not share_name(a, b)) or others
    if differ:
        # other participants ("Pyongyang's test", "Seoul's test"): only near-identical words
        return similarity >= limits["other_participants_min_similarity"]
    if same_trigger:
        if share_name(a, b):
            return similarity >= limits["same_trigger_with_name_min_similarity"]
        return similarity >= limits["same_trigger_min_similarity"]
    if named:
        return similarity >= limits["trigger_in_title_min_similarity"]
    return similarity >= limits["other_trigger_min_similarity"] and share_name(a, b)


@lru_cache(maxsize=4)
def _statement_groups(statements: frozenset[str]) -> frozenset[str]:
    """The trigger groups of the statement lemmas ("say": say, tell, state...)."""
    return frozenset(lexicon().lemma_group(s) for s in statements)


def _one_dated_noun(a: MergeCandidate, b: MergeCandidate, a_cues: MentionCues, b_cues: MentionCues,
                    one_article: bool) -> bool:
    """Both date phrases date one event noun ("the 2016 presidential
    election" / "last year's presidential election"): the happening that
    noun names.  Across articles the modifiers must name the same (none, or
    the same names) and, for a day or finer, the sentences a same name: many
    meetings fall on one day, one presidential election in a year."""
    if not same_dated_noun(a_cues, b_cues):
        return False
    if one_article:
        return True
    assert a_cues.dated_noun is not None and b_cues.dated_noun is not None and a.entry.date is not None
    if a_cues.dated_noun[1] != b_cues.dated_noun[1]:
        return False
    return GRANULARITY_ORDER.index(a.entry.date.granularity) > _DAY or bool(a_cues.names & b_cues.names)


def _told_together(a: EntrySource, b: EntrySource) -> bool:
    """Two triggers of one sentence dated by one date phrase, one in a clause
    of the other's moment ("met Moore in 1979 when Moore offered", "called for
    restraint during a briefing on Tuesday when asked"): the words between
    them hold a connective of ``simultaneity_words``
    (``events/data/coreference_words.json``)."""
    if a.timex != b.timex or not a.timex.text:
        return False
    first, second = sorted((a.trigger, b.trigger), key=lambda t: t.start)
    offset = a.sentence.start
    between = a.sentence.text[max(0, first.end - offset):max(0, second.start - offset)].lower().split()
    return any(w in coreference_words()["simultaneity_words"] for w in between)


def cue_table(candidates: Sequence[MergeCandidate] | dict[int, MergeCandidate]) -> Callable[[int], MentionCues]:
    """The :func:`mention_cues` of the candidate at an index, each read once
    and only when a rule asks (most pairs are decided before)."""
    memo: dict[int, MentionCues] = {}

    def cue(index: int) -> MentionCues:
        if index not in memo:
            memo[index] = mention_cues(candidates[index].entry)
        return memo[index]
    return cue


def _join_anaphors(bucket: Sequence[MergeCandidate], members: list[int], groups: list[str],
                   cues: Callable[[int], MentionCues], sets: DisjointSets[int]) -> None:
    """Join each definite event noun of one article and one date ("the meeting
    on Wednesday", "the Nov. 7 general election") to the happening it refers
    to: the article's other report of that date whose trigger group is the
    noun's, or whose headline names it ("will host talks") or sentence
    writes the noun ("to press their demands at a White House meeting"), of any
    kind for a ``general_anaphors`` noun ("the action", "the move"), and
    whose sentences write the names of the noun's phrase ("the meeting with
    Abe" is not Trump's talks with Moon); only when there is one such
    happening: two would be joined through the anaphor."""
    statements = lexicon().unmerged_lemmas
    general = coreference_words()["general_anaphors"]
    for i in members:
        if not may_refer(bucket[i].entry) or bucket[i].entry.lemma in statements or not cues(i).definite:
            continue
        noun = bucket[i].entry.lemma.lower()
        referents = {sets.find(j) for j in members
                     if j != i and bucket[j].entry.lemma not in statements
                     and (noun in general or groups[i] in cues(j).families or noun in cues(j).words)
                     and cues(i).own_names <= cues(j).words}
        referents.discard(sets.find(i))
        if len(referents) == 1:
            sets.join(i, referents.pop())


@lru_cache(maxsize=1)
def coreference_settings() -> dict[str, float]:
    """The thresholds of ``events/data/coreference.json``."""
    raw = resources.files("timeline.events").joinpath("data/coreference.json").read_text("utf-8")
    return {k: float(v) for k, v in json.loads(raw).items() if not k.startswith("_")}
