"""The event anchorer: for every DATE/TIME expression, the events it dates.

The event-like words of the expression's sentence are scored by a learned
pair classifier (:mod:`timeline.events.classifier`, which also reads the
choice of the hand-written rules of :mod:`timeline.events.triggers`); each
word it keeps becomes an :class:`~timeline.model.Event` with the interval of the timex
value (:mod:`timeline.events.interval`), a headline (:mod:`timeline.events.titles`),
tense, certainty and participants (:mod:`timeline.events.describe`).  Mentions of one happening
in a document (the same trigger word dated twice, or the same lemma on the
same date) are merged into one event that keeps every mention.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Iterable

from timeline.events.actors import ActorIndex
from timeline.events.classifier import AnchoringModel, Candidate, PairFeatures, SentenceDates, shipped_event_model
from timeline.events.describe import Describer
from timeline.events.interval import GRANULARITY_ORDER, interval, span, trailing
from timeline.events.kinds import HAPPENING, EventKind, KindClassifier
from timeline.events.lexicon import lexicon
from timeline.events.triggers import TriggerFinder
from timeline.model import Certainty, DateInterval, Event, EventMention, TextSpan, Timex
from timeline.nlp import ParsedText
from timeline.text.sentences import lead_sentence
from timeline.settings import Settings
from timeline.temporal.chronology import chronology_words
from timeline.temporal.ranges import RangeFinder
from timeline.temporal.stamps import stamp_words

if TYPE_CHECKING:
    from spacy.tokens import Token

DATED_TYPES = ("DATE", "TIME")
# how many days before publication the news an article's headline tells may be
NEWS_DAYS = 4
PRESENT_REF = "PRESENT_REF"
_VERBS = ("VERB", "AUX")


def dates_events(timex: Timex) -> bool:
    """DATE and TIME expressions date events; so does a duration that ends
    at the publication date ("in the past year": TimeML endPoint t0)."""
    return timex.type in DATED_TYPES or (timex.type == "DURATION" and timex.anchor == "t0")


def tells_the_news(timex: Timex, published: date) -> bool:
    """Whether a date of the lead sentence can be the day of the news its
    headline tells: a day (or a time of it) not more than a few days before
    publication.  "On the eve of his trip, Tillerson gave a speech last week"
    under "U.S. allies fret as 'guillotine' hangs over Tillerson" is background
    to the news, which the headline would misdate."""
    when = timex_interval(timex, published)
    if when is None or GRANULARITY_ORDER.index(when.granularity) > GRANULARITY_ORDER.index("day"):
        return False
    end = when.end.date() if isinstance(when.end, datetime) else when.end
    return (published - end).days <= NEWS_DAYS


def timex_interval(timex: Timex, published: date) -> DateInterval | None:
    """The interval of what a timex dates (a trailing duration's twelve months...).
    ``PRESENT_REF`` ("now heads the CIA", "a deduction now available") tells a
    state around the telling, not the day of a happening: its events are listed
    undated, with the other vague values."""
    if timex.value == PRESENT_REF:
        return None
    if timex.type == "DURATION":
        return trailing(timex.value, published)
    return interval(timex.value, published)


class EventAnchorer:
    """``anchor(text, published, timexes, parsed) -> events`` in document order."""

    def __init__(self, settings: Settings | None = None, model: AnchoringModel | None = None) -> None:
        self.settings = settings or Settings()
        words = lexicon()
        self.finder = TriggerFinder(words)
        self.pairs = PairFeatures(words, shipped_event_model())
        self.model = model or AnchoringModel.load()
        self.describer = Describer(words, named_entities=self.settings.entities)
        self.kinds = KindClassifier()
        self.ranges = RangeFinder()
        self.chronology = chronology_words()
        self.stamps = stamp_words()

    def anchor(
        self, text: str, published: date, timexes: tuple[Timex, ...], parsed: ParsedText,
        headline: str | None = None,
    ) -> tuple[Event, ...]:
        """``headline``: the article's title, which names its main actors."""
        events: list[Event] = []
        dates = sentence_dates(timexes, parsed)
        ranges = self._ranges(text, published, timexes)
        actors = ActorIndex.of(text, parsed, headline, exclude=[(t.start, t.end) for t in timexes])
        lead = lead_sentence(text) if headline else None
        for timex in timexes:
            if dates_events(timex):
                leading = headline if lead is not None and lead[0] <= timex.start < lead[1] \
                    and tells_the_news(timex, published) else None
                events.extend(self._events_of(text, published, timex, parsed, dates.get(timex.id), actors, leading,
                                              ranges.get(timex.id)))
        if self.settings.merge_events:
            events = merge_mentions(events)
        events.sort(key=lambda e: (e.trigger.start, e.trigger.end))
        return tuple(replace(e, id=f"e{i}") for i, e in enumerate(events, 1))

    def candidates(
        self, timex: Timex, parsed: ParsedText, dates: dict[str, SentenceDates] | None = None,
        published: date | None = None,
    ) -> list[Candidate]:
        """The candidate events of a timex's sentence with the features of each
        pair (``dates``: :func:`sentence_dates` of the document's timexes, the
        other expressions competing for the same words)."""
        tokens = parsed.tokens(timex.start, timex.end)
        return self._candidates(timex, tokens, (dates or {}).get(timex.id), published)

    def _candidates(
        self, timex: Timex, tokens: list["Token"], dates: SentenceDates | None, published: date | None
    ) -> list[Candidate]:
        if not tokens:
            return []
        return self.pairs.candidates(tokens, self.finder.find(tokens), timex.value, dates, published)

    def _ranges(
        self, text: str, published: date, timexes: tuple[Timex, ...]
    ) -> dict[str, tuple[DateInterval, int, int]]:
        """For each end of a range ("his Nov. 3-14 trip"), the interval over
        the whole range and the range's characters: what either end dates
        happened over the whole span (both ends then give one event)."""
        by_id = {t.id: t for t in timexes}
        out: dict[str, tuple[DateInterval, int, int]] = {}
        for first_id, last_id in self.ranges.pairs(text, timexes).items():
            first, last = by_id[first_id], by_id[last_id]
            whole = span(interval(first.value, published), interval(last.value, published))
            if whole is not None:
                out[first_id] = out[last_id] = (whole, first.start, last.end)
        return out

    def _events_of(
        self, text: str, published: date, timex: Timex, parsed: ParsedText, dates: SentenceDates | None,
        actors: ActorIndex | None = None, headline: str | None = None,
        in_range: tuple[DateInterval, int, int] | None = None,
    ) -> Iterable[Event]:
        """``headline``: the article's title when the timex is in its lead sentence."""
        tokens = parsed.tokens(timex.start, timex.end)
        piece = parsed.piece_at(timex.start)
        if not tokens or piece is None or self.finder.bounds_a_comparison(tokens):
            return
        item = self.stamps.closed_item(text, timex.start, timex.end) if timex.type == "TIME" else None
        if item is not None:  # "- Why is the Post Office ...? [0804 EST] - ...": the stamp dates the item before it
            yield from self._stamped_item(text, published, timex, parsed, item, actors, headline)
            return
        when = timex_interval(timex, published) if in_range is None else in_range[0]
        if when is None and timex.type == "DURATION":  # "the past several quarters": no interval known
            return
        # the words of the date (of the whole range) are no part of a title
        skip = {t.i for t in (tokens if in_range is None else parsed.tokens(in_range[1], in_range[2]))}
        certainty = self.describer.certainty(timex, when, text)
        triggers = [c.token for c in self._candidates(timex, tokens, dates, published) if self.model.keeps(c)]
        if not triggers and self.chronology.is_entry(text, timex.start, timex.end):
            triggers = [verb] if (verb := entry_verb(tokens)) is not None else []
        for token in triggers:
            sentence = sentence_span(text, piece.start, token)
            # a range ("from June to August") dates the whole span: no edge of it
            yield self._event(timex, piece.start, token, sentence, when, certainty, published, skip, actors,
                              headline, self.kinds.kind(token, tokens, spans=in_range is not None))

    def _stamped_item(
        self, text: str, published: date, timex: Timex, parsed: ParsedText, item: tuple[int, int],
        actors: ActorIndex | None, headline: str | None,
    ) -> Iterable[Event]:
        """The one event of a list item closed by its time stamp: what its
        first sentence's top verb tells, at the stamp's time."""
        words = parsed.tokens(*item)
        piece = parsed.piece_at(item[0])
        token = item_verb(words, or_head=True)
        when = timex_interval(timex, published)
        if token is None or piece is None or when is None:
            return
        sentence = TextSpan(item[0], item[1], text[item[0]:item[1]])
        # the stamp before the item may share its parser sentence: no word outside the item is part of the title
        skip = {t.i for t in token.sent if not item[0] <= piece.start + t.idx < item[1]}
        event = self._event(timex, piece.start, token, sentence, when, self.describer.certainty(timex, when, text),
                            published, skip, actors, headline,
                            self.kinds.kind(token, parsed.tokens(timex.start, timex.end), posted=True))
        # a post is headed by its author and its first words, not by a parse of them
        posted = self.describer.titles.posted_title(self.stamps.author(text, item[0]), words)
        yield event if posted is None else replace(event, title=posted)

    def _event(
        self, timex: Timex, offset: int, token: "Token", sentence: TextSpan, when: DateInterval | None, certainty: Certainty,
        published: date, skip: set[int], actors: ActorIndex | None, headline: str | None, kind: EventKind,
    ) -> Event:
        start = offset + token.idx
        span = TextSpan(start, start + len(token.text), token.text)
        return Event(
            id="",
            timex=timex.id,
            trigger=span,
            title=self.describer.title(token, skip, actors, headline),
            sentence=sentence,
            date=when,
            certainty=certainty,
            tense=self.describer.tense(token, when, published, timex.value),
            lemma=token.lemma_.lower(),
            entities=self.describer.entities(token, skip),
            mentions=(EventMention(timex.id, span, sentence),),
            kind=kind,
        )


def entry_verb(date_tokens: list["Token"]) -> "Token | None":
    """The verb a chronology entry tells ("* Dec. 29: Flynn calls a senior
    official, who ..." -> *calls*): the top verb of the words after the date,
    which the parser often leaves apart from the date (a sentence of its own)."""
    doc, after = date_tokens[-1].doc, date_tokens[-1].i + 1
    return item_verb(list(doc[after:]))


def item_verb(tokens: list["Token"], or_head: bool = False) -> "Token | None":
    """The top verb of the first sentence of ``tokens`` from their first word
    on (a chronology entry after its date, a list item before its stamp);
    ``or_head``: without a verb, the top word ("CONGRATULATIONS!", a quoted
    headline: a posted item is a happening even when it has no verb)."""
    first = next((t for t in tokens if not t.is_punct), None)
    if first is None:
        return None
    last = tokens[-1].i
    words = [t for t in first.sent if first.i <= t.i <= last]
    inside = {t.i for t in words}
    verbs = [t for t in words if t.pos_ in _VERBS]
    top = next((t for t in verbs if t.head.i not in inside or t.head.i == t.i), None)
    if top is None and not verbs and or_head:
        top = next((t for t in words if not t.is_punct and (t.head.i not in inside or t.head.i == t.i)), None)
    return top or next(iter(verbs), None)


def sentence_dates(timexes: Iterable[Timex], parsed: ParsedText) -> dict[str, SentenceDates]:
    """For each DATE/TIME timex (by id), what the DATE/TIME expressions of its
    parser sentence attach to (one pass over the document's timexes)."""
    groups: dict[tuple[int, int], list[tuple[str, list["Token"]]]] = {}
    for timex in timexes:
        tokens = parsed.tokens(timex.start, timex.end) if timex.type in DATED_TYPES else []
        if tokens:
            groups.setdefault((id(tokens[0].doc), tokens[0].sent.start), []).append((timex.id, tokens))
    found: dict[str, SentenceDates] = {}
    for group in groups.values():
        dates = SentenceDates.of([tokens for _, tokens in group])
        found.update((tid, dates) for tid, _ in group)
    return found


def sentence_span(text: str, offset: int, token: "Token") -> TextSpan:
    """The document span of the parser sentence holding ``token`` (``offset``: its piece's)."""
    sent = token.sent
    start, end = offset + sent.start_char, offset + sent.end_char
    return TextSpan(start, end, text[start:end])


def merge_mentions(events: list[Event]) -> list[Event]:
    """Merge events that are one happening: the same trigger word (dated by two
    expressions: the finer date wins), or the same lemma on the same date."""
    groups: list[list[Event]] = []
    by_trigger: dict[tuple[int, int], int] = {}
    by_lemma_date: dict[tuple[str, object], int] = {}
    for event in events:
        trigger_key = (event.trigger.start, event.trigger.end)
        date_key = (event.lemma, (event.date.start, event.date.end, event.date.granularity)) if event.date else None
        index = by_trigger.get(trigger_key)
        if index is None and date_key is not None:
            index = by_lemma_date.get(date_key)
        if index is None:
            index = len(groups)
            groups.append([event])
        else:
            groups[index].append(event)
        by_trigger[trigger_key] = index
        if date_key is not None:
            by_lemma_date.setdefault(date_key, index)
    return [_combine(group) for group in groups]


def _combine(group: list[Event]) -> Event:
    """One event from every report of it: the first report's words (the title of the finest), the finest
    date, every mention and participant once (in one pass: a happening
    repeated thousands of times stays linear)."""
    first = group[0]
    if len(group) == 1:
        return first
    finest = first
    for other in group[1:]:
        if other.date is not None and (
            finest.date is None
            or GRANULARITY_ORDER.index(other.date.granularity) < GRANULARITY_ORDER.index(finest.date.granularity)
        ):
            finest = other
    mentions = tuple(dict.fromkeys(m for event in group for m in event.mentions))
    entities = tuple(dict.fromkeys(e for event in group for e in event.entities))
    # one mention telling it as a happening makes it one ("from 2016 to 2018" stays a span edge)
    kind = HAPPENING if any(e.kind == HAPPENING for e in group) else first.kind
    # the title of the finest date's report: its date words are the ones the title leaves out
    # ("[0041 EST] - Big crowd expected today" dated by its stamp is not titled "0041 EST - Big crowd")
    return replace(finest, trigger=first.trigger, title=finest.title, sentence=first.sentence, lemma=first.lemma,
                   mentions=mentions, entities=entities, kind=kind)
