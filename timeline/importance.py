"""How much a journalist's timeline needs an entry: ``importance`` in [0, 1].

The importance is a weighted sum of five parts, each in [0, 1], kept on the
entry (``importance_parts``) so that every rank can be explained:

* ``coverage``: how many distinct articles report it, on a log scale against
  the entry the most articles report (``log(1+n) / log(1+n_max)``);
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
  the mean of its ``topic_words`` best words, against the best entry's.

Weights and constants: ``events/data/importance.json``; the formula is
documented in ``docs/importance.md``.  Mentions that are not happenings
(:mod:`timeline.events.kinds`) keep their parts but get importance 0: they
are off the ordered timeline.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from timeline.events.kinds import is_happening
from timeline.model import Document, TextSpan, TimelineEntry
from timeline.render.dates import day_of

PARTS = ("coverage", "main_news", "happening_class", "date_precision", "news", "topicality")
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
    )


@dataclass(frozen=True, slots=True)
class CorpusFigures:
    """What importance measures an entry against, over the whole corpus: in
    how many of the ``documents``' headlines each word is, the most articles
    an entry has, and the highest raw topicality.  With the figures of the
    whole, a part of its entries is scored alone, as a distributed run does
    bucket by bucket (:mod:`timeline.distributed`): sums of the parts'
    :func:`headline_words` and maxima of their :func:`part_figures`."""

    documents: int
    headline_words: dict[str, int]
    most_articles: int
    top_topicality: float

    def share(self) -> dict[str, float]:
        """Each headline word's share of the documents' headlines."""
        return {word: n / self.documents for word, n in self.headline_words.items()}


def headline_words(documents: Iterable[Document], model: ImportanceModel | None = None) -> Counter[str]:
    """In how many of the documents' headlines each word (:meth:`ImportanceModel.prefixes`) is."""
    model = model or importance_model()
    counts: Counter[str] = Counter()
    for doc in documents:
        counts.update(model.prefixes(doc.title or ""))
    return counts


def part_figures(entries: Iterable[TimelineEntry], share: dict[str, float],
                 model: ImportanceModel | None = None) -> tuple[int, float]:
    """The most articles and the highest raw topicality among some entries
    (their maxima over the parts of a corpus are :class:`CorpusFigures`')."""
    entries = list(entries)
    raw = _raw_topicality(entries, share, model or importance_model())
    return max((_articles(e) for e in entries), default=1), max(raw, default=0.0)


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
    headlines = {doc_id: model.prefixes(d.title or "") for doc_id, d in docs.items()}
    leads = {doc_id: d.lead for doc_id, d in docs.items()}
    if corpus is None:
        share = {word: n / len(docs) for word, n in headline_words(docs.values(), model).items()}
    raw = _raw_topicality(entries, corpus.share() if corpus else share, model)
    most, top = ((corpus.most_articles, corpus.top_topicality) if corpus else
                 (max((_articles(e) for e in entries), default=1), max(raw, default=0.0)))
    topics = [r / top if top else 0.0 for r in raw]
    scored = []
    for entry, topic in zip(entries, topics):
        parts = {
            "coverage": math.log1p(_articles(entry)) / math.log1p(most) if most > 1 else 1.0,
            "main_news": _main_news(entry, headlines, leads, model),
            "happening_class": model.class_of_lemma.get(entry.lemma, model.default_class_weight),
            "date_precision": model.precision.get(entry.date.granularity, 0.0) if entry.date else 0.0,
            "news": _news(entry, model),
            "topicality": topic,
        }
        total = sum(model.weights[name] * parts[name] for name in PARTS)
        importance = min(1.0, max(0.0, total)) if is_happening(entry.kind) else 0.0
        scored.append(replace(entry, importance=importance, importance_parts=tuple((n, parts[n]) for n in PARTS)))
    return scored


def most_important(entries: Iterable[TimelineEntry], count: int) -> list[TimelineEntry]:
    """The ``count`` entries of highest importance (ties: more articles, then
    the earlier entry), in their original order."""
    ranked = sorted(enumerate(entries), key=lambda p: (-p[1].importance, -_articles(p[1]), p[0]))
    return [entry for _, entry in sorted(ranked[:max(0, count)], key=lambda p: p[0])]


def _articles(entry: TimelineEntry) -> int:
    return len({s.document_id for s in entry.sources})


def _main_news(
    entry: TimelineEntry, headlines: dict[str, set[str]], leads: dict[str, TextSpan | None], model: ImportanceModel,
) -> float:
    """The best of its articles: lead sentence, trigger in the headline,
    other words of the entry's headline in the article's headline."""
    words = model.prefixes(entry.title)
    best = 0.0
    for source in entry.sources:
        lead = leads.get(source.document_id)
        in_lead = lead is not None and source.sentence.start < lead.end
        headline = headlines.get(source.document_id) or model.prefixes(source.document_title or "")
        trigger = bool(model.prefixes(source.trigger.text) & headline)
        shared = len((words - model.prefixes(source.trigger.text)) & headline)
        in_headline = model.headline_trigger_share * trigger + (1 - model.headline_trigger_share) * min(1.0, shared / 2)
        best = max(best, model.lead_share * in_lead + (1 - model.lead_share) * in_headline)
    return best


def _raw_topicality(entries: list[TimelineEntry], share: dict[str, float], model: ImportanceModel) -> list[float]:
    """How much each entry is about the corpus's story (see the module doc),
    before it is divided by the best entry's: ``share`` is each word's share
    of the articles' headlines."""
    raw = []
    for entry in entries:
        text = " ".join([entry.title, *dict.fromkeys(s.sentence.text for s in entry.sources[:_TOPIC_SOURCES])])
        best = sorted((share.get(w, 0.0) for w in model.prefixes(text)), reverse=True)[:model.topic_words]
        raw.append(sum(best) / model.topic_words)
    return raw


def _news(entry: TimelineEntry, model: ImportanceModel) -> float:
    """Near the publication of its reports: 1 on the day, 0.5 ``half_life`` days away."""
    if entry.date is None:
        return 0.0
    start, end = day_of(entry.date.start), day_of(entry.date.end)
    days = min((_distance(start, end, s.published) for s in entry.sources if s.published), default=None)
    return 0.0 if days is None else 1.0 / (1.0 + days / model.half_life_days)


def _distance(start: date, end: date, published: date) -> int:
    """Days between an interval and a day (0 when the interval holds it)."""
    if published < start:
        return (start - published).days
    if published > end:
        return (published - end).days
    return 0
