"""What the merge compares of each reported event: its entry (one source
per mention), its place in the corpus, the words of its named entities, and
what its headline says of who acts and what happened."""

from __future__ import annotations

from dataclasses import dataclass
import itertools
from typing import Any, Iterable

from timeline.coreference.mention_cues import coreference_words
from timeline.events.interval import GRANULARITY_ORDER
from timeline.events.lexicon import lexicon
from timeline.model import Document, EntrySource, Event, TextSpan, TimelineEntry
from timeline.render.dates import day_of

__all__ = ["MergeCandidate", "actor_words", "candidates_of", "entry_of", "names_of", "one_day", "share_name",
           "title_word_set", "trigger_in", "without_ending"]

_PUNCTUATION = ".,:;!?()[]\"'\u2018\u2019\u201c\u201d"


@dataclass(frozen=True, slots=True)
class MergeCandidate:
    """An entry with what the merge compares: its position and entity names."""

    entry: TimelineEntry
    position: Any  # its place in the corpus: an index, or any ordered key (a Dask run's)
    document_id: str
    names: tuple[frozenset[str], ...]


def candidates_of(doc: Document, positions: Iterable[Any]) -> list[MergeCandidate]:
    """The merge candidates of a document's events, at ``positions`` (their
    place in the corpus: the merge keeps the first report's)."""
    return [MergeCandidate(entry_of(doc, event), position, doc.id, names_of(event.entities))
            for event, position in zip(doc.events, positions)]


def entry_of(doc: Document, event: Event) -> TimelineEntry:
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


def names_of(entities: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """Entity names as sets of lower-case words, without possessive endings."""
    grammar = lexicon().grammar
    skip, endings = grammar["name_skip_words"], tuple(grammar["possessive_endings"])
    names = []
    for entity in entities:
        tokens = [w for w in entity.lower().replace("\u2019", "'").split() if w not in skip]
        tokens = [without_ending(w, endings) for w in tokens]
        if tokens:
            names.append(frozenset(tokens))
    return tuple(names)


def without_ending(word: str, endings: tuple[str, ...]) -> str:
    """``word`` less the first of ``endings`` it ends with (a possessive)."""
    ending = next((e for e in endings if word.endswith(e)), "")
    return word[:len(word) - len(ending)]


def one_day(a: MergeCandidate, b: MergeCandidate) -> bool:
    """Both dated by a day or finer, of one day (the finer one inside the coarser)."""
    day = GRANULARITY_ORDER.index("day")
    dates = [c.entry.date for c in (a, b)]
    return all(d is not None and GRANULARITY_ORDER.index(d.granularity) <= day for d in dates) \
        and day_of(dates[0].start) == day_of(dates[1].start)  # type: ignore[union-attr]


def actor_words(entry: TimelineEntry) -> frozenset[str]:
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
    names = (without_ending(w.lower().replace("\u2019", "'").strip(".,:;"), endings) for w in head
             if w[:1].isupper() and w.lower() not in common)
    return frozenset(n for n in names if n and n not in generic)


def trigger_in(candidate: MergeCandidate, title: frozenset[str], related: bool = True) -> bool:
    """The entry's trigger word, or (``related``) a related lemma of it, is a
    word of the other entry's headline ("Boente to tender his resignation" /
    "asked to resign": one happening read twice in one sentence)."""
    trigger = candidate.entry.sources[0].trigger.text.lower() if candidate.entry.sources else ""
    return bool(trigger) and (trigger in title or related and lexicon().lemma_group(candidate.entry.lemma) in title)


def title_word_set(title: str) -> frozenset[str]:
    """The headline's words and the groups of related lemmas they name."""
    words = title.lower().split()
    groups = lexicon().related_lemmas
    return frozenset(words) | {groups[w] for w in words if w in groups}


def share_name(a: MergeCandidate, b: MergeCandidate) -> bool:
    """A name of one is the other's, or lies within it ("Xi" in "Xi Jinping")."""
    return any(x <= y or y <= x for x in a.names for y in b.names)
