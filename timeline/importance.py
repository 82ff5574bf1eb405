"""How much a journalist's timeline needs an entry: ``importance`` in [0, 1].

The importance is a weighted sum of six parts, each in [0, 1], times a
``novelty`` factor, all kept on the entry (``importance_parts``) so that every
rank can be explained:

* ``coverage``: how many distinct articles report it *as news*: an article
  counts 1 when the happening is its main news (lead or headline) or dated
  near the article's publication, less when it only recalls it as background
  (``background_weight`` for a date far from the article's date); on a log
  scale that saturates at a share of the corpus's articles, so one story that
  every article recalls does not flatten all the others;
* ``main_news``: whether it is an article's main news: its sentence is the
  article's lead (``lead_share``) and its trigger or words are in the
  article's headline (the rest); the best article counts;
* ``happening_class``: the class of its trigger lemma
  (``events/data/happening_classes.txt``: votes, signings, rulings, deaths...
  above talks and statements);
* ``date_precision``: a day above a month above a year;
* ``news``: reported as news rather than background: the date near the
  publication of the articles that report it (``1 / (1 + days / half_life)``);
* ``topicality``: about what the articles are about: for each word of its
  headline and sentence, the share of the articles' headlines holding it;
  the mean of its ``topic_words`` best words, against the best entry's;
* ``novelty`` (a factor, not a weighted part): 1, less when a more important
  entry of the same day tells much the same (cosine of their IDF-weighted
  words), so that the first entries are different happenings rather than one
  happening told several ways (maximal marginal relevance).

Weights and constants: ``events/data/importance.json``; the formula is
documented in ``docs/importance.md``.  Mentions that are not happenings
(:mod:`timeline.events.kinds`) keep their parts but get importance 0: they
are off the ordered timeline.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from timeline.events.kinds import is_happening
from timeline.model import Document, EntrySource, TextSpan, TimelineEntry
from timeline.render.dates import day_of

WEIGHTED_PARTS = ("coverage", "main_news", "happening_class", "date_precision", "news", "topicality")
PARTS = (*WEIGHTED_PARTS, "novelty", "realized")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# sentences of an entry read for its topicality (an entry can have hundreds)
_TOPIC_SOURCES = 5


@dataclass(frozen=True, slots=True)
class ImportanceModel:
    """The weights and constants of ``importance.json`` and the lemma classes."""

    weights: dict[str, float]
    class_of_lemma: dict[str, float]
    default_class_weight: float
    precision: dict[str, float]
    half_life_days: float
    lead_share: float
    headline_trigger_share: float
    prefix: int
    min_word: int
    stop_words: frozenset[str]
    topic_words: int
    background_weight: float
    memory_days: float
    precision_far: dict[str, float]
    coverage_saturation_share: float
    coverage_saturation_min: float
    redundancy_penalty: float
    redundancy_neighbours: int
    ahead_weight: float

    def prefixes(self, text: str) -> set[str]:
        """The content words of ``text`` cut to their first letters ("recognizes",
        "recognized" -> "recog"): a headline and a sentence compared without a parse."""
        return {w[:self.prefix] for w in (m.lower() for m in _WORD.findall(text))
                if len(w) >= self.min_word and w not in self.stop_words}


@lru_cache(maxsize=1)
def importance_model() -> ImportanceModel:
    data_dir = resources.files("timeline.events").joinpath("data")
    raw: dict[str, Any] = json.loads(data_dir.joinpath("importance.json").read_text("utf-8"))
    classes: dict[str, float] = {}
    for line in data_dir.joinpath("happening_classes.txt").read_text("utf-8").splitlines():
        words = line.split()
        if words and not words[0].startswith("#"):
            for lemma in words[1:]:
                classes.setdefault(lemma.lower(), float(words[0]))
    return ImportanceModel(
        weights={k: float(v) for k, v in raw["weights"].items()},
        class_of_lemma=classes,
        default_class_weight=float(raw["default_class_weight"]),
        precision={k: float(v) for k, v in raw["precision_of_granularity"].items()},
        half_life_days=float(raw["news_half_life_days"]),
        lead_share=float(raw["lead_share"]),
        headline_trigger_share=float(raw["headline_trigger_share"]),
        prefix=int(raw["headline_prefix"]),
        min_word=int(raw["headline_min_word"]),
        stop_words=frozenset(raw["headline_stop_words"]),
        topic_words=int(raw["topic_words"]),
        background_weight=float(raw["background_weight"]),
        memory_days=float(raw["story_memory_days"]),
        precision_far={k: float(v) for k, v in raw["precision_of_granularity_in_background"].items()},
        coverage_saturation_share=float(raw["coverage_saturation_share"]),
        coverage_saturation_min=float(raw["coverage_saturation_min"]),
        redundancy_penalty=float(raw["redundancy_penalty"]),
        redundancy_neighbours=int(raw["redundancy_neighbours"]),
        ahead_weight=float(raw["ahead_weight"]),
    )


@dataclass(frozen=True, slots=True)
class _Headers:
    """What the parts read of each article: its headline's words and its lead."""

    headlines: dict[str, set[str]]
    leads: dict[str, TextSpan | None]
    model: ImportanceModel

    def headline(self, source: EntrySource) -> set[str]:
        return self.headlines.get(source.document_id) or self.model.prefixes(source.document_title or "")

    def in_lead(self, source: EntrySource) -> bool:
        lead = self.leads.get(source.document_id)
        return lead is not None and source.sentence.start < lead.end


@dataclass(frozen=True, slots=True)
class CorpusFigures:
    """What importance measures an entry against, over the whole corpus: in
    how many of the ``documents``' headlines each word is, the highest
    coverage count and raw topicality of its entries, and in how many of its
    ``entries`` each word is (the novelty's IDF).  With the figures of the
    whole, a part of its entries is scored alone, as a distributed run does
    bucket by bucket (:mod:`timeline.distributed`): sums of the parts'
    :func:`headline_words` and :func:`entry_words`, maxima of their
    :func:`part_figures`."""

    documents: int
    headline_words: dict[str, int]
    most_coverage: float
    top_topicality: float
    entry_words: dict[str, int]
    entries: int

    def share(self) -> dict[str, float]:
        """Each headline word's share of the documents' headlines."""
        return headline_share(self.headline_words, self.documents)


def headline_words(documents: Iterable[Document], model: ImportanceModel | None = None) -> Counter[str]:
    """In how many of the documents' headlines each word (:meth:`ImportanceModel.prefixes`) is."""
    model = model or importance_model()
    counts: Counter[str] = Counter()
    for doc in documents:
        counts.update(model.prefixes(doc.title or ""))
    return counts


def entry_words(entries: Iterable[TimelineEntry], model: ImportanceModel | None = None) -> Counter[str]:
    """In how many of the entries each word of their text is."""
    model = model or importance_model()
    counts: Counter[str] = Counter()
    for entry in entries:
        counts.update(model.prefixes(_text(entry)))
    return counts


def part_figures(entries: Iterable[TimelineEntry], share: dict[str, float],
                 model: ImportanceModel | None = None) -> tuple[float, float]:
    """The highest coverage count and raw topicality among some entries
    (their maxima over the parts of a corpus are :class:`CorpusFigures`')."""
    model = model or importance_model()
    entries = list(entries)
    counts = _coverage_counts(entries, model)
    raw = _raw_topicality([model.prefixes(_text(e)) for e in entries], share, model)
    return max(counts, default=0.0), max(raw, default=0.0)


def headline_share(counts: dict[str, int], documents: int) -> dict[str, float]:
    """Each word's share of ``documents`` headlines, from the headlines counting it."""
    return {word: n / documents for word, n in counts.items()} if documents else {}


def score_entries(
    entries: Iterable[TimelineEntry], documents: Iterable[Document], model: ImportanceModel | None = None,
    corpus: CorpusFigures | None = None,
) -> list[TimelineEntry]:
    """The entries with ``importance`` and ``importance_parts`` set, relative
    to ``documents`` and these entries, or to ``corpus`` when they are a
    part of it (``documents``: then those the entries cite, for their leads)."""
    model = model or importance_model()
    entries = list(entries)
    docs = {d.id: d for d in documents}
    headers = _Headers({doc_id: model.prefixes(d.title or "") for doc_id, d in docs.items()},
                       {doc_id: d.lead for doc_id, d in docs.items()}, model)
    counts = _coverage_counts(entries, model)
    words = [model.prefixes(_text(entry)) for entry in entries]
    if corpus is None:
        share = headline_share(headline_words(docs.values(), model), len(docs))
        raw = _raw_topicality(words, share, model)
        frequency: Counter[str] = Counter()
        for entry_set in words:
            frequency.update(entry_set)
        corpus = CorpusFigures(len(docs), {}, max(counts, default=0.0), max(raw, default=0.0), frequency,
                               len(entries))
    else:
        raw = _raw_topicality(words, corpus.share(), model)
    coverage = _coverage(counts, corpus.documents, corpus.most_coverage, model)
    topics = [r / corpus.top_topicality if corpus.top_topicality else 0.0 for r in raw]
    parts_of = []
    for entry, covered, topic in zip(entries, coverage, topics):
        parts_of.append({
            "coverage": covered,
            "main_news": _main_news(entry, headers),
            "happening_class": model.class_of_lemma.get(entry.lemma, model.default_class_weight),
            "date_precision": _precision(entry, model),
            "news": _recency(entry, model),
            "topicality": topic,
        })
    relevance = [sum(model.weights[name] * parts[name] for name in WEIGHTED_PARTS) for parts in parts_of]
    novelty = _novelty(entries, words, relevance, model, corpus)
    scored = []
    for entry, parts, relevant, novel in zip(entries, parts_of, relevance, novelty):
        parts["novelty"] = novel
        parts["realized"] = _realized(entry, model)
        factor = novel * parts["realized"]
        importance = min(1.0, max(0.0, relevant * factor)) if is_happening(entry.kind) else 0.0
        scored.append(replace(entry, importance=importance, importance_parts=tuple((n, parts[n]) for n in PARTS)))
    return scored


def most_important(entries: Iterable[TimelineEntry], count: int) -> list[TimelineEntry]:
    """The ``count`` entries of highest importance (ties: more articles, then
    the earlier entry), in their original order."""
    ranked = sorted(enumerate(entries), key=lambda p: (-p[1].importance, -_articles(p[1]), p[0]))
    return [entry for _, entry in sorted(ranked[:max(0, count)], key=lambda p: p[0])]


def _articles(entry: TimelineEntry) -> int:
    """The articles that report it (those of quotes a key-event timeline does not list too)."""
    return len({s.document_id for s in entry.sources}) + entry.unlisted_articles


def _coverage_counts(entries: list[TimelineEntry], model: ImportanceModel) -> list[float]:
    """Articles reporting each entry, an article that only recalls it as background counting less."""
    counts = []
    for entry in entries:
        best: dict[str, float] = {}
        for source in entry.sources:
            as_news = _as_news(entry, source, model)
            weight = model.background_weight + (1 - model.background_weight) * as_news
            best[source.document_id] = max(best.get(source.document_id, 0.0), weight)
        counts.append(sum(best.values()))
    return counts


def _coverage(counts: list[float], documents: int, most: float, model: ImportanceModel) -> list[float]:
    """Articles reporting each entry as news (see the module doc), 0..1."""
    # full coverage: a share of the corpus's articles (at least a few), or the
    # best entry's count when no entry reaches that
    enough = max(model.coverage_saturation_min, model.coverage_saturation_share * documents)
    saturation = min(most, enough)
    return [min(1.0, math.log1p(n) / math.log1p(saturation)) if saturation > 0 else 0.0 for n in counts]


def _as_news(entry: TimelineEntry, source: EntrySource, model: ImportanceModel) -> float:
    """How much one article reports the entry as its news rather than as
    background: 1 when dated at its publication, 0.5 ``half_life`` days away,
    falling fast after (a report of last year's election is background)."""
    if entry.date is None or source.published is None:
        return 0.0
    days = _distance(day_of(entry.date.start), day_of(entry.date.end), source.published)
    return 1.0 / (1.0 + (days / model.half_life_days) ** 2)


def _main_news(entry: TimelineEntry, headers: _Headers) -> float:
    """The best of its articles: lead sentence, trigger in the headline,
    other words of the entry's headline in the article's headline; a
    happening the lead recalls from long before is not the article's news."""
    model = headers.model
    words = model.prefixes(entry.title)
    best = 0.0
    for source in entry.sources:
        headline = headers.headline(source)
        trigger_words = model.prefixes(source.trigger.text)
        shared = len((words - trigger_words) & headline)
        in_headline = (model.headline_trigger_share * bool(trigger_words & headline)
                       + (1 - model.headline_trigger_share) * min(1.0, shared / 2))
        lead_or_headline = model.lead_share * headers.in_lead(source) + (1 - model.lead_share) * in_headline
        best = max(best, lead_or_headline * _as_news(entry, source, model))
    return best


def _raw_topicality(words_of: list[set[str]], share: dict[str, float], model: ImportanceModel) -> list[float]:
    """How much each entry is about the corpus's story (see the module doc),
    before it is divided by the best entry's: ``share`` is each word's share
    of the articles' headlines."""
    raw = []
    for words in words_of:
        best = sorted((share.get(w, 0.0) for w in words), reverse=True)[:model.topic_words]
        raw.append(sum(best) / model.topic_words)
    return raw


def _text(entry: TimelineEntry) -> str:
    """Its headline and the first of its (distinct) sentences."""
    return " ".join([entry.title, *dict.fromkeys(s.sentence.text for s in entry.sources[:_TOPIC_SOURCES])])


def _novelty(entries: list[TimelineEntry], words: list[set[str]], relevance: list[float],
             model: ImportanceModel, corpus: CorpusFigures) -> list[float]:
    """1 - penalty x the highest cosine with a more relevant entry of the same
    day (among the ``redundancy_neighbours`` most relevant of that day: a
    duplicate of a minor entry does not matter, and the cost stays linear)."""
    vectors = _idf_vectors(words, corpus.entry_words, corpus.entries)
    by_day: dict[date, list[int]] = defaultdict(list)
    for i, entry in enumerate(entries):
        if entry.date is not None and is_happening(entry.kind):
            by_day[day_of(entry.date.start)].append(i)
    novelty = [1.0] * len(entries)
    for members in by_day.values():
        members.sort(key=lambda i: -relevance[i])
        for position, i in enumerate(members[1:], 1):
            above = members[:min(position, model.redundancy_neighbours)]
            same = max(_cosine(vectors[i], vectors[j]) for j in above)
            novelty[i] = 1.0 - model.redundancy_penalty * min(1.0, same)
    return novelty


def _idf_vectors(texts: list[set[str]], frequency: dict[str, int], entries: int) -> list[dict[str, float]]:
    """Unit vectors of the words, weighted by their inverse document frequency
    over all the ``entries`` (a word every entry has weighs nothing)."""
    vectors = []
    for words in texts:
        weights = {w: math.log(entries / frequency[w]) for w in words}
        norm = math.sqrt(sum(v * v for v in weights.values()))
        vectors.append({w: v / norm for w, v in weights.items()} if norm else {})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _realized(entry: TimelineEntry, model: ImportanceModel) -> float:
    """1 when an article reports it on or after its date; ``ahead_weight``
    when every report precedes it (scheduled, expected, a deadline): a
    timeline is first what happened."""
    if entry.date is None:
        return 1.0
    start = day_of(entry.date.start)
    if any(s.published is not None and s.published >= start for s in entry.sources):
        return 1.0
    return model.ahead_weight


def _days_away(entry: TimelineEntry) -> int | None:
    """Days between its date and the nearest publication of its articles."""
    if entry.date is None:
        return None
    start, end = day_of(entry.date.start), day_of(entry.date.end)
    return min((_distance(start, end, s.published) for s in entry.sources if s.published), default=None)


def _recency(entry: TimelineEntry, model: ImportanceModel) -> float:
    """The story's present and its recent past, not its history: 1 near the
    publication of its reports, 0.5 ``memory_days`` away, falling fast after."""
    days = _days_away(entry)
    return 0.0 if days is None else 1.0 / (1.0 + (days / model.memory_days) ** 2)


def _precision(entry: TimelineEntry, model: ImportanceModel) -> float:
    """How precisely it is dated against how precisely a reporter dates such
    a happening: this week's news by its day ("this week" is vague), last
    spring's by its month; mixed by how near its date is to the articles'."""
    if entry.date is None:
        return 0.0
    days = _days_away(entry)
    near = 1.0 / (1.0 + days / model.half_life_days) if days is not None else 0.0
    granularity = entry.date.granularity
    return (near * model.precision.get(granularity, 0.0)
            + (1 - near) * model.precision_far.get(granularity, 0.0))


def _distance(start: date, end: date, published: date) -> int:
    """Days between an interval and a day (0 when the interval holds it)."""
    if published < start:
        return (start - published).days
    if published > end:
        return (published - end).days
    return 0
