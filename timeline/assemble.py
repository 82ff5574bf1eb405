"""Assemble documents into one timeline: every event becomes an entry
listing where it is reported; entries from different articles that report
the same happening are merged; dated entries are ordered, fuzzy ones kept
apart.

Ordering: by the start of the date interval, then finer granularity first
(a day before the week that starts on it), ties in document order.

Cross-article merge (``Settings.merge_events``): two entries merge when they
cover the same interval, their trigger lemmas are the same or related
(``events/data/related_lemmas.txt``) and they share a named entity ("Xi"
matches "Xi Jinping": the words of one name within the other's); statements
("said", ``events/data/unmerged_lemmas.txt``) are never merged.  Entries are
bucketed by (interval, lemma group) and linked through an index of entity
words, so the cost stays near-linear in the number of events.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from importlib import resources
import itertools
import json
from typing import Any, Callable, Iterable, Sequence

from timeline.errors import ExportError, TimelineError
from timeline.events.interval import GRANULARITY_ORDER
from timeline.render.dates import day_of
from timeline.events.kinds import HAPPENING, is_happening
from timeline.events.lexicon import lexicon
from timeline.importance import most_important, score_entries
from timeline.events.titles import title_faults
from timeline.disjoint import DisjointSets
from timeline.mention_cues import MentionCues, coreference_words, may_refer, mention_cues, participants_differ
from timeline.model import DateInterval, Document, EntrySource, Event, TextSpan, TimelineEntry
from timeline.quotes import with_listed_quotes
from timeline.settings import Settings

__all__ = ["GRANULARITY_ORDER", "MergeCandidate", "Timeline", "WordFrequencies", "candidates_of", "combine", "date_buckets", "merge_bucket",
           "merge_entries", "merge_groups", "merge_precisions", "word_frequencies", "word_vectors"]

_CERTAINTY_ORDER = ("exact", "approximate", "vague")
# coarse dates that may be a finer date of the same happening told less precisely
_CONTAINING = frozenset({"week", "weekend", "month", "season", "quarter", "half", "year"})
# past a month, a period holds many happenings of one trigger and one actor
# ("met Xi in 2017", "met Abe in November"): the words must say more
_BROAD = GRANULARITY_ORDER.index("month")
# words of two letters or more, no digits: the numbers of dates would make
# every sentence about one day look alike
_WORD_PATTERN = r"(?u)\b[^\W\d_][^\W\d_]+\b"
_PUNCTUATION = ".,:;!?()[]\"'\u2018\u2019\u201c\u201d"


@dataclass(frozen=True, slots=True)
class MergeCandidate:
    """An entry with what the merge compares: its position and entity names."""

    entry: TimelineEntry
    position: Any  # its place in the corpus: an index, or any ordered key (a Dask run's)
    document_id: str
    names: tuple[frozenset[str], ...]


@dataclass(frozen=True, slots=True)
class Timeline:
    """Documents assembled into one timeline.

    ``entries`` are the dated happenings in order (date start, then finer
    granularity first, ties in document order), each listing every source
    that reports it; ``undated`` holds the fuzzy ones (PAST_REF, XXXX-...);
    ``mentions`` the dated and undated events that are not happenings
    (``kind``: negated, hypothetical, span edges...: see
    :mod:`timeline.events.kinds`), kept for programs, off the ordered
    timeline.  Every entry has an ``importance`` (:mod:`timeline.importance`).
    The ``to_*`` methods are the renderers the command line uses.
    """

    documents: tuple[Document, ...]
    entries: tuple[TimelineEntry, ...]  # dated happenings, in order
    undated: tuple[TimelineEntry, ...]  # fuzzy values, in document order
    settings: Settings
    mentions: tuple[TimelineEntry, ...] = ()  # not happenings: dated in order, then undated

    @classmethod
    def from_documents(cls, documents: Iterable[Document], settings: Settings | None = None) -> "Timeline":
        """Assemble, merging mentions of one happening within and across
        documents unless ``settings.merge_events`` is off; with
        ``settings.top`` only the most important dated entries are kept."""
        settings = settings or Settings()
        docs = tuple(documents)
        candidates: list[MergeCandidate] = []
        for doc in docs:
            candidates.extend(candidates_of(doc, range(len(candidates), len(candidates) + len(doc.events))))
        entries = merge_entries(candidates) if settings.merge_events else [c.entry for c in candidates]
        return cls.of_entries(docs, entries, settings)

    @classmethod
    def of_entries(cls, documents: Sequence[Document], entries: Iterable[TimelineEntry],
                   settings: Settings) -> "Timeline":
        """The timeline of entries already merged (in merge order): scored
        against ``documents`` (their headers: title, lead), then ordered as
        :meth:`from_documents` does.  A distributed run merges on workers and
        finishes here."""
        docs = tuple(documents)
        entries = score_entries(entries, docs)
        happenings = [e for e in entries if is_happening(e.kind)]
        dated = sorted((e for e in happenings if e.date is not None), key=_order)
        undated = tuple(e for e in happenings if e.date is None)
        mentions = tuple(sorted((e for e in entries if not is_happening(e.kind) and e.date is not None), key=_order)) \
            + tuple(e for e in entries if not is_happening(e.kind) and e.date is None)
        timeline = cls(docs, tuple(dated), undated, settings, mentions)
        return timeline.top(settings.top) if settings.top is not None else timeline

    def top(self, count: int) -> "Timeline":
        """The ``count`` most important dated entries, in date order (vague
        and non-happening mentions left out: this is the key-event timeline),
        each listing at most ``settings.max_quotes`` quotes (:mod:`timeline.quotes`);
        its documents are those the listed quotes come from."""
        entries = tuple(with_listed_quotes(e, self.settings.max_quotes) for e in most_important(self.entries, count))
        used = {s.document_id for e in entries for s in e.sources}
        return replace(self, documents=tuple(d for d in self.documents if d.id in used), entries=entries,
                       undated=(), mentions=())

    def key_entries(self) -> tuple[TimelineEntry, ...]:
        """The entries a reader starts from: the ``settings.key_events`` most
        important ones (all of them on a shorter timeline), in date order."""
        return tuple(most_important(self.entries, self.settings.key_events))

    # rendering: the same functions the command line calls
    def to_json(self) -> str:
        """JSON for programs: documents (timexes, events) and the timeline."""
        from timeline.render.json_out import render_json
        return _rendered("json", lambda: render_json(self))

    def to_timeml(self) -> str:
        """TimeML with inline TIMEX3 tags (several documents: one root)."""
        from timeline.render.timeml_out import render_timeml_corpus
        return _rendered("timeml", lambda: render_timeml_corpus(self.documents))

    def to_html(self) -> str:
        """A standalone HTML timeline page (inline CSS/JS, works offline)."""
        from timeline.render.html import render_html
        return _rendered("html", lambda: render_html(self))

    def to_ics(self) -> str:
        """An iCalendar file: one VEVENT per dated entry."""
        from timeline.render.ics import render_ics
        return _rendered("ics", lambda: render_ics(self))

    def to_timelinejs(self) -> str:
        """Knight Lab TimelineJS3 JSON."""
        from timeline.render.timelinejs import render_timelinejs
        return _rendered("timelinejs", lambda: render_timelinejs(self))


def _rendered(fmt: str, render: Callable[[], str]) -> str:
    """Run a renderer; a failure is an ExportError naming the format."""
    try:
        return render()
    except TimelineError:
        raise
    except Exception as exc:  # a renderer bug must still reach users as a TimelineError
        raise ExportError(f"cannot render {fmt}: {type(exc).__name__}: {exc}") from exc


def candidates_of(doc: Document, positions: Iterable[Any]) -> list[MergeCandidate]:
    """The merge candidates of a document's events, at ``positions`` (their
    place in the corpus: the merge keeps the first report's)."""
    return [MergeCandidate(_entry(doc, event), position, doc.id, _names(event.entities))
            for event, position in zip(doc.events, positions)]


def _entry(doc: Document, event: Event) -> TimelineEntry:
    """One entry for one event, with a source for every mention of it."""
    timexes = {t.id: t for t in doc.timexes}
    sources = []
    for mention in event.mentions or ():
        timex = timexes.get(mention.timex)
        span = TextSpan(timex.start, timex.end, timex.text) if timex else TextSpan(0, 0, "")
        sources.append(EntrySource(
            document_id=doc.id, event_id=event.id, timex=span, trigger=mention.trigger,
            sentence=mention.sentence, document_title=doc.title, document_url=doc.url, published=doc.published,
        ))
    if not sources:  # an event built without mentions still has its own
        timex = timexes.get(event.timex)
        span = TextSpan(timex.start, timex.end, timex.text) if timex else TextSpan(0, 0, "")
        sources.append(EntrySource(doc.id, event.id, span, event.trigger, event.sentence,
                                   doc.title, doc.url, doc.published))
    return TimelineEntry(
        id=f"{doc.id}:{event.id}", title=event.title, date=event.date, certainty=event.certainty,
        tense=event.tense, sources=tuple(sources), lemma=event.lemma, kind=event.kind,
    )


def merge_entries(candidates: list[MergeCandidate]) -> list[TimelineEntry]:
    """Merge entries that report the same happening (within and across
    documents); the merged entry sits where its first report was and lists
    every source.  Entries are compared only within their date bucket
    (:func:`date_buckets`), each bucket by :func:`merge_bucket`; the TF-IDF
    weights are learnt once over all entries."""
    return [combine([c.entry for c in group]) for group in merge_groups(candidates)]


def merge_groups(candidates: list[MergeCandidate]) -> list[list[MergeCandidate]]:
    """The candidates (positions ``0..n-1``) grouped by happening, each group
    in corpus order, the groups in the order of their roots."""
    sets: DisjointSets[int] = DisjointSets(range(len(candidates)))
    join_coreferent(candidates, sets)
    for coarse, fine in merge_precisions(candidates):
        sets.join(coarse.position, fine.position)
    groups: dict[int, list[MergeCandidate]] = defaultdict(list)
    for c in candidates:
        groups[sets.find(c.position)].append(c)
    return [group for _, group in sorted(groups.items())]


def join_coreferent(candidates: Sequence[MergeCandidate], sets: DisjointSets[Any],
                    frequencies: WordFrequencies | None = None) -> None:
    """Join in ``sets`` (keyed by position) the candidates :func:`merge_bucket`
    finds coreferent, bucket by bucket (:func:`date_buckets`); the TF-IDF
    weights are learnt once over all of them, or are ``frequencies``."""
    buckets = date_buckets(candidates)
    if not buckets:
        return
    titles, sentences = word_vectors([c for bucket in buckets for c in bucket], frequencies)
    row = 0
    for bucket in buckets:
        rows = slice(row, row + len(bucket))
        row += len(bucket)
        for group in merge_bucket(bucket, (titles[rows], sentences[rows])):
            for i in group[1:]:
                sets.join(bucket[i].position, bucket[group[0]].position)


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
    from bisect import bisect_left, bisect_right

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
    title_words = [_title_words(coarse.entry.title)] + [_title_words(f.entry.title) for f in inside]
    cues = _cue_table([coarse, *inside])
    passing = [(float(similarity[k]), k) for k, f in enumerate(inside)
               if similarity[k] >= floor and _coreferent(coarse, f, True, title_words, 0, k + 1, float(similarity[k]),
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


def date_buckets(candidates: Iterable[MergeCandidate]) -> list[list[MergeCandidate]]:
    """The happenings grouped by date interval (start, end, granularity), the
    only entries coreference compares, buckets of one left out; a bucket
    larger than ``largest_bucket`` (a year every article names) is split by
    trigger group, so that the cost stays near-linear in the number of events."""
    words = lexicon()
    limit = coreference_settings()["largest_bucket"]
    buckets: dict[tuple[object, ...], list[MergeCandidate]] = defaultdict(list)
    for c in candidates:
        if c.entry.date is not None and is_happening(c.entry.kind):
            buckets[_date_key(c.entry.date)].append(c)
    out: list[list[MergeCandidate]] = []
    for bucket in buckets.values():
        if len(bucket) <= limit:
            out.append(bucket)
            continue
        by_group: dict[str, list[MergeCandidate]] = defaultdict(list)
        for c in bucket:
            by_group[words.lemma_group(c.entry.lemma)].append(c)
        out.extend(by_group.values())
    return [b for b in out if len(b) > 1]


@dataclass(frozen=True, slots=True)
class WordFrequencies:
    """What the TF-IDF weights are learnt from: how many candidates, and in
    how many of them each word occurs (headlines, sentences).  Sums of the
    parts of a corpus give the weights of the whole."""

    count: int
    titles: dict[str, int]
    sentences: dict[str, int]

    def __add__(self, other: "WordFrequencies") -> "WordFrequencies":
        return WordFrequencies(self.count + other.count, _summed(self.titles, other.titles),
                               _summed(self.sentences, other.sentences))


def word_frequencies(candidates: Sequence[MergeCandidate]) -> WordFrequencies:
    analyze = _vectorizer().build_analyzer()
    titles: dict[str, int] = defaultdict(int)
    sentences: dict[str, int] = defaultdict(int)
    for title, sentence in zip(*_texts(candidates)):
        for word in set(analyze(title)):
            titles[word] += 1
        for word in set(analyze(sentence)):
            sentences[word] += 1
    return WordFrequencies(len(candidates), dict(titles), dict(sentences))


def word_vectors(candidates: Sequence[MergeCandidate], frequencies: WordFrequencies | None = None) -> tuple[Any, Any]:
    """TF-IDF rows (L2-normalised, sparse) of the candidates' headlines and of
    their sentences: their dot products are cosines.  ``frequencies``: the
    weights learnt from more candidates than these (the whole corpus, of
    which these are a part), else from these."""
    from scipy.sparse import csr_matrix

    titles, sentences = _texts(candidates)
    if frequencies is None:
        def rows(texts: list[str]) -> Any:
            try:
                return _vectorizer().fit_transform(texts)
            except ValueError:  # nothing but stop words
                return csr_matrix((len(texts), 1))

        return rows(titles), rows(sentences)
    return (_weighted_rows(titles, frequencies.titles, frequencies.count),
            _weighted_rows(sentences, frequencies.sentences, frequencies.count))


def _vectorizer() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=_WORD_PATTERN)


def _texts(candidates: Sequence[MergeCandidate]) -> tuple[list[str], list[str]]:
    return ([c.entry.title for c in candidates],
            [" ".join(dict.fromkeys(s.sentence.text for s in c.entry.sources)) for c in candidates])


def _weighted_rows(texts: list[str], frequency: dict[str, int], count: int) -> Any:
    """The rows TfidfVectorizer fitted on the whole corpus gives these texts
    (same vocabulary order, same smoothed idf, same arithmetic)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.preprocessing import normalize

    if not frequency or not texts:
        return csr_matrix((len(texts), max(1, len(frequency))))
    words = sorted(frequency)
    counts = CountVectorizer(stop_words="english", token_pattern=_WORD_PATTERN,
                             vocabulary={w: i for i, w in enumerate(words)}).transform(texts)
    rows = csr_matrix(counts, dtype=np.float64)
    idf = np.full(len(words), count + 1, dtype=np.float64)
    idf /= np.array([frequency[w] for w in words], dtype=np.float64) + 1.0
    np.log(idf, out=idf)
    idf += 1.0
    np.log(rows.data, rows.data)
    rows.data += 1.0
    rows.data *= idf[rows.indices]
    return normalize(rows, norm="l2", copy=False)


def _summed(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    out = dict(a)
    for word, n in b.items():
        out[word] = out.get(word, 0) + n
    return out


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
    title_words = [_title_words(c.entry.title) for c in bucket]
    cues = _cue_table(bucket)
    sets: DisjointSets[int] = DisjointSets(range(len(bucket)))
    # only pairs above the lowest threshold can merge, or two of one article (few): the rest is never looked at
    lowest = min(v for k, v in limits.items() if k.endswith("_min_similarity"))
    articles: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(bucket):
        articles[c.document_id].append(i)
    pairs = {(int(i), int(j)) for i, j in zip(*np.nonzero(np.tril(similarity, -1) >= lowest))}
    pairs.update((j, i) for members in articles.values() for i, j in itertools.combinations(members, 2))
    for i, j in sorted(pairs):
        if sets.find(i) != sets.find(j) and _coreferent(bucket[i], bucket[j], groups[i] == groups[j], title_words, i, j,
                                               float(similarity[i, j]), limits, words.unmerged_lemmas, cues):
            sets.join(i, j)
    for members in articles.values():
        _join_anaphors(bucket, members, groups, cues, sets)
    merged: dict[int, list[int]] = defaultdict(list)
    for i in range(len(bucket)):
        merged[sets.find(i)].append(i)
    return [g for g in merged.values() if len(g) > 1]


def _coreferent(
    a: MergeCandidate, b: MergeCandidate, same_trigger: bool, titles: list[frozenset[str]], i: int, j: int,
    similarity: float, limits: dict[str, float], statements: frozenset[str],
    cues: Callable[[int], MentionCues] | None = None,
) -> bool:
    """The rules of :func:`merge_bucket` for entries ``i`` and ``j`` of a list
    (``titles`` and ``cues``, a memo of :func:`mention_cues`, index it)."""
    named = _trigger_in(a, titles[j]) or _trigger_in(b, titles[i])
    one_article = a.document_id == b.document_id
    if a.entry.sources[0].sentence == b.entry.sources[0].sentence and one_article:
        # "conducted its sixth nuclear test": conducted = test; "met Moore in 1979 when
        # Moore offered": one moment; "signed and said": two; one headline for both
        # ("At a news conference last Thursday, Ryan said"): one
        return named or _told_together(a.entry.sources[0], b.entry.sources[0]) or a.entry.title == b.entry.title
    cue = cues or _cue_table({i: a, j: b})
    # each names someone the other never writes (a participant every article names is none):
    # in one article, two happenings ("Trump met Abe" / "Trump met Moon" on Monday)
    others = one_article and bool(a.names and b.names) and participants_differ(a.names, b.names, cue(i), cue(j))
    if one_article and a.entry.date == b.entry.date and similarity >= limits["one_actor_min_similarity"] \
            and _actor_words(a.entry) & _actor_words(b.entry) and not others:
        # one article telling one happening of one actor twice: "Sessions on Friday offered a
        # tepid endorsement" / "Sessions on Friday defended the bureau"
        return True
    if a.entry.lemma in statements or b.entry.lemma in statements:
        return same_trigger and similarity >= limits["statement_min_similarity"]
    # names on both sides, none shared; in one article also each naming someone the other never writes
    differ = bool(a.names and b.names and not _share_name(a, b)) or others
    # a name both sentences write, on one day ("certified Democrat Doug Jones the winner" /
    # "the meeting scheduled to ratify Jones' win"): in one article, with a related trigger, one
    # happening (across articles too weak: "Franken to resign" / "Franks to resign", both Dec. 7)
    named_day = one_article and _one_day(a, b) and bool(cue(i).names & cue(j).names)
    if named_day and not others and cue(i).families & cue(j).families:
        # one article, one day, one kind of happening, one person named: told twice
        return True
    if differ:
        # other participants ("Pyongyang's test", "Seoul's test"): only near-identical words
        return similarity >= limits["other_participants_min_similarity"]
    if same_trigger:
        if _share_name(a, b):
            return similarity >= limits["same_trigger_with_name_min_similarity"]
        return similarity >= limits["same_trigger_min_similarity"]
    if named:
        return similarity >= limits["trigger_in_title_min_similarity"]
    return similarity >= limits["other_trigger_min_similarity"] and _share_name(a, b)


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


def _cue_table(candidates: Sequence[MergeCandidate] | dict[int, MergeCandidate]) -> Callable[[int], MentionCues]:
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


def _one_day(a: MergeCandidate, b: MergeCandidate) -> bool:
    """Both dated by a day or finer, of one day (the finer one inside the coarser)."""
    day = GRANULARITY_ORDER.index("day")
    dates = [c.entry.date for c in (a, b)]
    return all(d is not None and GRANULARITY_ORDER.index(d.granularity) <= day for d in dates) \
        and day_of(dates[0].start) == day_of(dates[1].start)  # type: ignore[union-attr]


def _actor_words(entry: TimelineEntry) -> frozenset[str]:
    """The capitalised words of the headline before its trigger (all of its
    first capitalised run when the trigger is not in it) that the sentence
    never writes in lower case: who acts, by name
    ("Attorney General Sessions", "Dana Boente"), less the words of
    ``generic_actor_words`` (titles, "U.S.": shared by unrelated actors,
    ``events/data/coreference_words.json``)."""
    words = entry.title.split()
    trigger = entry.sources[0].trigger.text.lower() if entry.sources else ""
    lowered = [w.lower() for w in words]
    if trigger in lowered:
        head = words[:lowered.index(trigger)]
    else:
        head = list(itertools.takewhile(lambda w: w[:1].isupper(), words))
    generic = coreference_words()["generic_actor_words"]
    endings = tuple(lexicon().grammar["possessive_endings"])
    # a word the sentence writes in lower case is no name ("More important ceremony" of "a more important ceremony")
    common = {w.strip(_PUNCTUATION) for w in entry.sources[0].sentence.text.split()} if entry.sources else set()
    names = (_without_ending(w.lower().replace("\u2019", "'").strip(".,:;"), endings) for w in head
             if w[:1].isupper() and w.lower() not in common)
    return frozenset(n for n in names if n and n not in generic)


def _trigger_in(candidate: MergeCandidate, title: frozenset[str]) -> bool:
    """The entry's trigger word, or a related lemma of it, is a word of the
    other entry's headline ("Boente to tender his resignation" / "asked to
    resign": one happening read twice in one sentence)."""
    trigger = candidate.entry.sources[0].trigger.text.lower() if candidate.entry.sources else ""
    return bool(trigger) and (trigger in title or lexicon().lemma_group(candidate.entry.lemma) in title)


def _title_words(title: str) -> frozenset[str]:
    """The headline's words and the groups of related lemmas they name."""
    words = title.lower().split()
    groups = lexicon().related_lemmas
    return frozenset(words) | {groups[w] for w in words if w in groups}


def combine(entries: list[TimelineEntry]) -> TimelineEntry:
    """Entries of one happening (in corpus order) as one entry."""
    first = entries[0]
    if len(entries) == 1:
        return first
    certainty = min((e.certainty for e in entries), key=_CERTAINTY_ORDER.index)
    kind = HAPPENING if any(is_happening(e.kind) for e in entries) else first.kind
    # one happening told at two precisions takes the finer date
    finest = min((e for e in entries if e.date is not None), default=first,
                 key=lambda e: GRANULARITY_ORDER.index(e.date.granularity) if e.date else len(GRANULARITY_ORDER))
    # the clearest of the articles' titles (the first of the best: a lead's headline stays)
    title = min((e.title for e in entries), key=lambda t: title_faults(t, lexicon()))
    return replace(first, title=title, date=finest.date, certainty=certainty, kind=kind,
                   sources=tuple(s for e in entries for s in e.sources))


@lru_cache(maxsize=1)
def coreference_settings() -> dict[str, float]:
    """The thresholds of ``events/data/coreference.json``."""
    raw = resources.files("timeline.events").joinpath("data/coreference.json").read_text("utf-8")
    return {k: float(v) for k, v in json.loads(raw).items() if not k.startswith("_")}


def _share_name(a: MergeCandidate, b: MergeCandidate) -> bool:
    """A name of one is the other's, or lies within it ("Xi" in "Xi Jinping")."""
    return any(x <= y or y <= x for x in a.names for y in b.names)


def _names(entities: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """Entity names as sets of lower-case words, without possessive endings."""
    grammar = lexicon().grammar
    skip, endings = grammar["name_skip_words"], tuple(grammar["possessive_endings"])
    names = []
    for entity in entities:
        tokens = [w for w in entity.lower().replace("\u2019", "'").split() if w not in skip]
        tokens = [_without_ending(w, endings) for w in tokens]
        if tokens:
            names.append(frozenset(tokens))
    return tuple(names)


def _without_ending(word: str, endings: tuple[str, ...]) -> str:
    ending = next((e for e in endings if word.endswith(e)), "")
    return word[:len(word) - len(ending)]


def _date_key(when: DateInterval) -> tuple[object, ...]:
    return (when.start, when.end, when.granularity)


def _order(entry: TimelineEntry) -> tuple[datetime, int]:
    """Sort key of a dated entry: its start, then finer granularity first (sorted() keeps ties in order)."""
    assert entry.date is not None
    start = entry.date.start
    moment = start if isinstance(start, datetime) else datetime(start.year, start.month, start.day)
    return moment.replace(tzinfo=None), GRANULARITY_ORDER.index(entry.date.granularity)
