"""Entity timelines scored against SemEval-2015 Task 4 (TimeLine) gold data.

A data folder holds ``tml/DOCID.tml`` (the articles), ``tokens/DOCID.json``
(each token's character offsets, by sentence) and ``timelines/ENTITY.txt``
(first line the entity, then ``ORDER<TAB>DATE<TAB>MENTION...`` with
mentions ``DOCID-SENTENCE-WORD``; see the data's README).

Scoring (mention level, micro-averaged over entities): the tool's entity
timeline is what ``timeline extract --entity NAME`` keeps; each source of a
dated entry is a system mention (document, trigger offsets, date).  It
matches a gold mention of the entity when the document is the same and the
trigger overlaps the gold word in its sentence; it is right when its
interval lies inside the gold date at the gold's precision.  Gold mentions
dated ``XXXX-XX-XX`` are left out, and so are the system mentions that only
match such ones.  Precision, recall and F1 are over dated mentions.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable, Sequence, TextIO

from timeline.errors import InputError
from timeline.evaluate.tempeval import f1
from timeline.model import DateInterval, Document
from timeline.render.dates import day_of
from timeline.settings import Settings

_DATE = re.compile(r"^(\d{4}|X{3,4})(?:-(\d{2}|XX))?(?:-(\d{2}|XX))?$")


@dataclass(frozen=True, slots=True)
class GoldDate:
    """A gold date at its precision: ``year`` None for ``XXXX-XX-XX``."""

    year: int | None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, raw: str) -> "GoldDate":
        found = _DATE.match(raw.strip())
        if found is None:
            raise ValueError(f"malformed timeline date {raw!r}")
        parts = [None if p is None or p.startswith("X") else int(p) for p in found.groups()]
        year, month, day = parts
        if year is None:
            return cls(None)
        return cls(year, month, day if month is not None else None)

    @property
    def dated(self) -> bool:
        return self.year is not None

    def contains(self, when: DateInterval) -> bool:
        """Whether the whole interval lies inside this date at its precision."""
        if self.year is None:
            return False
        first, last = day_of(when.start), day_of(when.end)
        if self.month is None:
            return first.year == last.year == self.year
        if self.day is None:
            return (first.year, first.month) == (last.year, last.month) == (self.year, self.month)
        return first == last == date(self.year, self.month, self.day)


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One gold event mention of an entity's timeline, as character spans
    (every place its words occur in its sentence: the gold names the word, not its position)."""

    document: str
    sentence: int
    words: str
    date: GoldDate
    spans: tuple[tuple[int, int], ...]

    def overlaps(self, start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in self.spans)


@dataclass(frozen=True, slots=True)
class GoldTimeline:
    entity: str
    mentions: tuple[GoldMention, ...]


@dataclass(frozen=True, slots=True)
class SystemMention:
    document: str
    start: int
    end: int
    date: DateInterval | None
    text: str = ""


# --- reading -----------------------------------------------------------------------------

def read_tokens(path: Path) -> dict[int, list[tuple[str, int, int]]]:
    """Sentence number -> its tokens ``(text, start, end)``."""
    data = json.loads(path.read_text("utf-8"))
    return {int(s["sentence"]): [(t[0], int(t[1]), int(t[2])) for t in s["tokens"]] for s in data["sentences"]}


def _spans(tokens: Sequence[tuple[str, int, int]], words: list[str]) -> tuple[tuple[int, int], ...]:
    """Where the word sequence ``words`` occurs among ``tokens`` (case-insensitive)."""
    lowered = [w.lower() for w in words]
    found = []
    for i in range(len(tokens) - len(words) + 1):
        if all(tokens[i + k][0].lower() == w for k, w in enumerate(lowered)):
            found.append((tokens[i][1], tokens[i + len(words) - 1][2]))
    return tuple(found)


def read_timeline(path: Path, tokens_of: dict[str, dict[int, list[tuple[str, int, int]]]]) -> GoldTimeline:
    """One ``timelines/ENTITY.txt`` file (``tokens_of``: each document's :func:`read_tokens`)."""
    lines = path.read_text("utf-8").splitlines()
    if not lines:
        raise InputError("empty timeline file", location=str(path))
    mentions: list[GoldMention] = []
    for number, line in enumerate(lines[1:], 2):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 3:
            continue
        try:
            when = GoldDate.parse(fields[1])
        except ValueError as exc:
            raise InputError(str(exc), location=f"{path}:{number}") from None
        for raw in fields[2:]:
            doc, _, rest = raw.strip().partition("-")
            sentence, _, words = rest.partition("-")
            if not doc or not sentence.isdigit() or not words:
                raise InputError(f"malformed mention {raw!r}", location=f"{path}:{number}")
            sentence_tokens = tokens_of.get(doc, {}).get(int(sentence), [])
            spans = _spans(sentence_tokens, words.split("_"))
            mentions.append(GoldMention(doc, int(sentence), words, when, spans))
    return GoldTimeline(lines[0].strip(), tuple(mentions))


@dataclass(frozen=True, slots=True)
class TimelineData:
    """A SemEval TimeLine folder: articles (TimeML), tokens and gold timelines."""

    root: Path
    articles: tuple[Path, ...]
    timelines: tuple[GoldTimeline, ...]

    @classmethod
    def read(cls, root: Path) -> "TimelineData":
        articles = tuple(sorted((root / "tml").glob("*.tml")))
        if not articles or not (root / "timelines").is_dir():
            raise InputError("not a TimeLine data folder (needs tml/ and timelines/)", location=str(root))
        tokens_of = {p.stem: read_tokens(p) for p in sorted((root / "tokens").glob("*.json"))}
        timelines = tuple(read_timeline(p, tokens_of) for p in sorted((root / "timelines").glob("*.txt")))
        return cls(root, articles, timelines)


def is_timeline_data(root: Path) -> bool:
    return root.is_dir() and (root / "timelines").is_dir() and (root / "tml").is_dir()


# --- scoring -----------------------------------------------------------------------------

@dataclass(slots=True)
class TimelineCounts:
    """Counts of one entity (or all) and the errors by cause."""

    gold: int = 0
    system: int = 0
    correct: int = 0
    causes: Counter[str] = field(default_factory=Counter)

    def add(self, other: "TimelineCounts") -> None:
        self.gold += other.gold
        self.system += other.system
        self.correct += other.correct
        self.causes.update(other.causes)

    def scores(self) -> dict[str, float]:
        p = self.correct / self.system if self.system else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        return {"precision": 100 * p, "recall": 100 * r, "f1": 100 * f1(p, r)}


def score_timeline(
    gold: GoldTimeline, system: Sequence[SystemMention], every_event: Sequence[SystemMention] = (),
) -> TimelineCounts:
    """Match one entity's system mentions to its gold mentions, one to one
    (``every_event``: all the tool's events, unfiltered, to tell a missed
    event from one not linked to the entity)."""
    counts = TimelineCounts()
    dated = [g for g in gold.mentions if g.date.dated]
    counts.gold = len(dated)
    used: set[int] = set()  # gold mentions taken by a system mention (right or wrong date)
    right_ones: set[int] = set()
    for s in system:
        if s.date is None:
            continue
        hits = [i for i, g in enumerate(dated) if i not in used and g.document == s.document and g.overlaps(s.start, s.end)]
        right = [i for i in hits if dated[i].date.contains(s.date)]
        if right:
            used.add(right[0])
            right_ones.add(right[0])
            counts.system += 1
            counts.correct += 1
        elif hits:
            used.add(hits[0])
            counts.system += 1
            counts.causes["spurious: wrong date"] += 1
        elif any(g.document == s.document and g.overlaps(s.start, s.end) for g in gold.mentions if not g.date.dated):
            continue  # the gold has it, undated: left out like the gold
        else:
            counts.system += 1
            counts.causes["spurious: not in the entity's timeline"] += 1
    for i, g in enumerate(dated):
        if i in right_ones:
            continue
        near = [s for s in system if s.document == g.document and g.overlaps(s.start, s.end)]
        if near:
            cause = "missed: wrong date" if any(s.date is not None for s in near) else "missed: undated"
        elif not g.spans:
            cause = "missed: word not in the data"
        elif any(s.document == g.document and g.overlaps(s.start, s.end) for s in every_event):
            cause = "missed: event found, not linked to the entity"
        else:
            cause = "missed: no event"
        counts.causes[cause] += 1
    return counts


def entity_mentions(documents: Sequence[Document], entity: str, settings: Settings) -> list[SystemMention]:
    """What ``timeline extract --entity ENTITY`` keeps of ``documents``: every
    source of every entry, with the entry's date."""
    from timeline.assemble import Timeline
    from timeline.filters import Filters

    kept = Filters(entity=entity).apply(Timeline.from_documents(documents, settings))
    return [
        SystemMention(s.document_id, s.trigger.start, s.trigger.end, entry.date, s.trigger.text)
        for entry in kept.entries + kept.undated for s in entry.sources
    ]


def all_mentions(documents: Iterable[Document]) -> list[SystemMention]:
    """Every event mention of the documents, unfiltered."""
    return [
        SystemMention(doc.id, m.trigger.start, m.trigger.end, event.date, m.trigger.text)
        for doc in documents for event in doc.events for m in event.mentions
    ]


def format_counts(label: str, counts: TimelineCounts) -> str:
    s = counts.scores()
    return (f"{label:<28} gold {counts.gold:4d} sys {counts.system:4d} correct {counts.correct:4d} | "
            f"P {s['precision']:5.1f} R {s['recall']:5.1f} F1 {s['f1']:5.1f}")


def evaluate_timelines(
    root: Path, settings: Settings | None = None, out: TextIO = sys.stdout,
) -> dict[str, TimelineCounts]:
    """``timeline evaluate DIR --timelines``: run the pipeline over the
    articles, build each target entity's timeline, print and return the scores."""
    from timeline.pipeline import Pipeline
    from timeline.read.timeml import read_timeml

    settings = (settings or Settings()).with_(entities=True, all_events=True)  # as --entity runs
    started = time.perf_counter()
    data = TimelineData.read(root)
    articles = [read_timeml(p).article() for p in data.articles]
    documents = list(Pipeline(settings).process_many(articles))
    every_event = all_mentions(documents)
    results: dict[str, TimelineCounts] = {}
    total = TimelineCounts()
    for gold in data.timelines:
        counts = score_timeline(gold, entity_mentions(documents, gold.entity, settings), every_event)
        results[gold.entity] = counts
        total.add(counts)
    elapsed = time.perf_counter() - started
    print(f"Entity timelines on {root} ({len(articles)} documents, {len(data.timelines)} entities, "
          f"{elapsed:.1f} s)", file=out)
    for entity, counts in results.items():
        print(format_counts(entity, counts), file=out)
    print(format_counts("all (micro)", total), file=out)
    print("errors by cause:", file=out)
    for cause, n in sorted(total.causes.items()):
        print(f"  {cause:<48} {n:4d}", file=out)
    results["all"] = total
    return results
