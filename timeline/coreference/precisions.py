"""One happening dated at two precisions ("pleaded guilty in December" /
"on Dec. 1"): the coarse report joins the one finer report inside its
interval that the rules of :mod:`.rules` call the same happening, or, in one
article, the one report of its kind inside its week or month."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import Any, Sequence

from timeline.coreference.candidates import MergeCandidate, title_word_set
from timeline.coreference.mention_cues import participants_differ
from timeline.coreference.rules import coreference_settings, coreferent, cue_table
from timeline.coreference.vectors import word_vectors
from timeline.events.interval import GRANULARITY_ORDER
from timeline.events.kinds import is_happening
from timeline.events.lexicon import lexicon
from timeline.model import DateInterval
from timeline.render.dates import day_of

__all__ = ["merge_precisions"]

# coarse dates that may be a finer date of the same happening told less precisely
_CONTAINING = frozenset({"week", "weekend", "month", "season", "quarter", "half", "year"})
# past a month, a period holds many happenings of one trigger and one actor
# ("met Xi in 2017", "met Abe in November"): the words must say more
_BROAD = GRANULARITY_ORDER.index("month")


def merge_precisions(candidates: Sequence[MergeCandidate]) -> list[tuple[MergeCandidate, MergeCandidate]]:
    """One happening dated at two precisions ("pleaded guilty in December" /
    "on Dec. 1"; "the 2016 election" / "in November 2016"): pairs (coarse,
    fine) of a happening dated by a week, month, season, quarter or year and a
    happening of the same trigger group dated inside it, more precisely (a
    day or finer; a month too inside a longer period), that
    :func:`merge_bucket`'s rules call one, with ``broad_min_similarity`` for
    a coarse date longer than a month.  Only entries of one trigger
    group are compared, each coarse one with the fine ones in its interval;
    each coarse one joins one fine one at most."""

    words = lexicon()
    fine: dict[str, list[MergeCandidate]] = defaultdict(list)
    coarse: list[MergeCandidate] = []
    for c in candidates:
        if c.entry.date is None or not is_happening(c.entry.kind):
            continue
        if c.entry.date.granularity in _CONTAINING:
            coarse.append(c)
        if GRANULARITY_ORDER.index(c.entry.date.granularity) <= _BROAD:
            fine[words.lemma_group(c.entry.lemma)].append(c)
    starts: dict[str, list[Any]] = {}
    for group, members in fine.items():
        members.sort(key=lambda c: _day(c.entry.date))
        starts[group] = [_day(c.entry.date) for c in members]
    pairs = []
    for c in coarse:
        group = words.lemma_group(c.entry.lemma)
        if group not in fine:
            continue
        assert c.entry.date is not None
        low = bisect_left(starts[group], day_of(c.entry.date.start))
        high = bisect_right(starts[group], day_of(c.entry.date.end))
        inside = [f for f in fine[group][low:high] if _finer(f.entry.date, c.entry.date)]
        # as for buckets: past ``largest_bucket`` the comparison would cost more than it finds
        best = _best_finer(c, inside) if 0 < len(inside) <= coreference_settings()["largest_bucket"] else None
        if best is not None:
            pairs.append((c, best))
    paired = {c.position for c, _ in pairs}
    return pairs + _told_in_one_article([c for c in coarse if c.position not in paired], candidates)


def _told_in_one_article(coarse: list[MergeCandidate],
                         candidates: Sequence[MergeCandidate]) -> list[tuple[MergeCandidate, MergeCandidate]]:
    """One article telling one happening by its week or month and by its day,
    in other words ("set to kick off talks next week" / "will meet on
    Wednesday"; "set to hear arguments this week" / "will hold a hearing on
    Dec. 6"): pairs (coarse, fine) of one article, the fine one a day or finer
    inside the coarse week or month, of a kind of happening the other names
    too (their trigger groups and headline words, ``families`` of
    :func:`.mention_cues.mention_cues`, statements left out), naming no one
    the other never writes; only when the article tells one such happening
    in that period (two would be joined through the vague mention)."""
    day = GRANULARITY_ORDER.index("day")
    near = [c for c in coarse if GRANULARITY_ORDER.index(c.entry.date.granularity) <= _BROAD]  # type: ignore[union-attr]
    if not near:
        return []
    documents = {c.document_id for c in near}
    days: dict[str, list[MergeCandidate]] = defaultdict(list)
    for c in candidates:
        if c.document_id in documents and c.entry.date is not None and is_happening(c.entry.kind) \
                and GRANULARITY_ORDER.index(c.entry.date.granularity) <= day:
            days[c.document_id].append(c)
    statements = frozenset(lexicon().lemma_group(s) for s in lexicon().unmerged_lemmas)
    pairs = []
    for c in near:
        assert c.entry.date is not None
        inside = [f for f in days[c.document_id] if _finer(f.entry.date, c.entry.date)
                  and day_of(f.entry.date.start) >= day_of(c.entry.date.start)]  # type: ignore[union-attr]
        if not inside:
            continue
        cues = cue_table([c, *inside])
        kinds = cues(0).families - statements
        told = [k for k, f in enumerate(inside, 1) if kinds & cues(k).families
                and not (c.names and f.names and participants_differ(c.names, f.names, cues(0), cues(k)))]
        if len(told) == 1:
            pairs.append((c, inside[told[0] - 1]))
    return pairs


def _best_finer(coarse: MergeCandidate, inside: list[MergeCandidate]) -> MergeCandidate | None:
    """The finer-dated entry ``coarse`` is one happening with (the most
    similar of those that pass), or None: never two, which would join two
    happenings of one month through their vague mention."""
    limits = coreference_settings()
    assert coarse.entry.date is not None
    floor = limits["broad_min_similarity"] if GRANULARITY_ORDER.index(coarse.entry.date.granularity) > _BROAD else 0.0
    titles, sentences = word_vectors([coarse, *inside])
    weight = limits["title_weight"]
    similarity = weight * (titles[1:] @ titles[0].T).toarray()[:, 0] \
        + (1 - weight) * (sentences[1:] @ sentences[0].T).toarray()[:, 0]
    statements = lexicon().unmerged_lemmas
    title_words = [title_word_set(coarse.entry.title)] + [title_word_set(f.entry.title) for f in inside]
    cues = cue_table([coarse, *inside])
    passing = [(float(similarity[k]), k) for k, f in enumerate(inside)
               if similarity[k] >= floor and coreferent(coarse, f, True, title_words, 0, k + 1, float(similarity[k]),
                                                         limits, statements, cues)]
    return inside[max(passing)[1]] if passing else None


def _finer(fine: DateInterval | None, coarse: DateInterval) -> bool:
    """``fine`` is a day or finer, or (inside a period longer than a month) a
    month: strictly more precise than ``coarse``, and within it."""
    assert fine is not None
    order = GRANULARITY_ORDER.index
    if order(fine.granularity) >= order(coarse.granularity):
        return False
    if order(fine.granularity) > order("day") and order(coarse.granularity) <= _BROAD:
        return False  # a week inside a month: as vague, no finer date
    return day_of(fine.end) <= day_of(coarse.end)


def _day(when: DateInterval | None) -> Any:
    assert when is not None
    return day_of(when.start)
