"""The tagger the pipeline and the spaCy component call: recognise (cheap,
no parse) -> filter with the parse -> normalise -> resolve, in text order so
that anaphoric expressions see the last mentioned date -> clock times take
the day named next to them."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from timeline.model import Timex
from timeline.nlp import ParsedText
from timeline.settings import Settings
from timeline.temporal.calendar import Period
from timeline.temporal.chronology import Chronology
from timeline.temporal.eras import Eras
from timeline.temporal.filters import CandidateFilter
from timeline.temporal.lexicon import alternation, lexicon
from timeline.temporal.normalize import Normalizer
from timeline.temporal.ranges import RangeFinder
from timeline.temporal.recognize import Candidate, Recognizer
from timeline.temporal.resolve import agreeing_weekday, range_partner, resolve
from timeline.temporal.stamps import stamp_words
from timeline.temporal.tense import FUTURE, UNKNOWN, Direction, TenseReader, month_of_a_definite_noun, premodifies_noun
from timeline.temporal.values import Spec
from timeline.text.sentences import lead_sentence


class TemporalTagger:
    """Load the language data once; reuse for every document."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.lex = lexicon()
        self.recognizer = Recognizer(self.lex)
        self.normalizer = Normalizer(self.lex)
        self.filter = CandidateFilter(self.lex)
        self.tense = TenseReader(self.lex.tense_words)
        self.ranges = RangeFinder(self.lex)
        self.stamps = stamp_words()
        self.era_nouns = frozenset(self.lex.data["era_nouns"])
        # "the fourth quarter ended Aug. 26": the words between a period and its closing day
        self._ended = re.compile(r"\s+" + alternation(self.lex.period_end_verbs) + r"\s+", re.IGNORECASE)

    def candidates(self, text: str) -> list[Candidate]:
        """Spans worth parsing, in text order (no spaCy involved)."""
        return [c for c in self.recognizer.find(text) if self.filter.plausible(text, c)]

    def stamped_items(self, text: str, candidates: list[Candidate]) -> list[tuple[int, int]]:
        """The list items closed by a clock-time candidate ("- Why is ...? [0804
        EST] - ..."): the stamp dates the item, whose sentences must be parsed too."""
        found = (self.stamps.closed_item(text, c.start, c.end) for c in candidates if "clock" in c.flags)
        return [item for item in found if item is not None]

    def tag(
        self,
        text: str,
        published: date | datetime,
        candidates: list[Candidate],
        parsed: ParsedText | None,
        headline: str | None = None,
    ) -> list[Timex]:
        """The stages: filter with the parse -> normalise and resolve in text
        order -> clock times take the day named next to them (the time stamps
        of a list, the day its ``headline`` names)."""
        day = published.date() if isinstance(published, datetime) else published
        kept = self.filter.keep(text, candidates, parsed)
        timexes, parts = self._resolve_in_text_order(text, day, kept, parsed)
        timexes = self._date_clock_times(text, self._date_ranges(text, timexes, parts))
        return self._date_stamps(text, timexes, headline, day) if headline else timexes

    def headline_day(self, headline: str, published: date) -> str | None:
        """The one day a headline names ("Factbox: Trump on Twitter (December
        12) - ..."), resolved against the publication date; None when it names
        no day or several."""
        days = set()
        for c in self.candidates(headline):
            spec = self.normalizer.normalize(c)
            resolved = resolve(spec, published, None, Direction(UNKNOWN)) if spec is not None else None
            if resolved is not None and resolved.period is not None:
                if resolved.period.gran != "day":
                    return None
                days.add(resolved.value)
        return days.pop() if len(days) == 1 else None

    def _date_stamps(self, text: str, timexes: list[Timex], headline: str, published: date) -> list[Timex]:
        """The time stamps closing the items of a list (stamps.py) take the
        day the article's headline names instead of the publication date: a
        factbox of Tuesday's posts published on Wednesday is headed "(December
        12)", and its "[0710 EST]" is that Tuesday's."""
        stamps = [i for i, t in enumerate(timexes) if t.type == "TIME" and t.anchor == "t0"
                  and _DAY_VALUE.match(t.value) and self.stamps.closed_item(text, t.start, t.end) is not None]
        named = self.headline_day(headline, published) if stamps else None
        if named is None:
            return timexes
        out = list(timexes)
        for i in stamps:
            out[i] = replace(out[i], value=named + out[i].value[10:])
        return out

    def _resolve_in_text_order(
        self, text: str, day: date, kept: list[Candidate], parsed: ParsedText | None,
    ) -> tuple[list[Timex], list[tuple[Spec, Period | None]]]:
        """Normalise and resolve each candidate; anaphoric ones ("the next
        day", "a year earlier") count from the last date that moved the
        narrative's reference.  Also returns each timex's spec and period."""
        out: list[Timex] = []
        parts: list[tuple[Spec, Period | None]] = []
        reference = _Reference(day)
        chronology = Chronology(day)
        eras = Eras(self.era_nouns)
        # weekday -> (its day, its id, where it ends) for a weekday the narrative placed
        narrated: dict[int, tuple[date, str, int]] = {}
        for c in kept:
            spec = self.normalizer.normalize(c)
            if spec is None:
                continue
            resolved = chronology.resolve(text, c.start, c.end, spec)
            now, now_id = day, "t0"
            narrative: tuple[date, str] | None = None
            if resolved is None:
                way = self.tense.direction(parsed, text, c.start, c.end) if spec.needs_direction \
                    else Direction(UNKNOWN)
                ref, ref_id = reference.for_spec(spec)
                if _same_day(spec) and reference.stale(c.start):
                    ref, ref_id = self._main_day(text, day, out, parts)
                narrative = _before_narrative(spec, way, reference) or _told_again(spec, way, narrated, c.start)
                told = self._told_on(parsed, c, spec, out, parts) or narrative
                if told is not None:
                    now, now_id = told
                elif not way.finite_past:
                    in_week = _week_of_sentence(text, spec, c.start, out, parts, way.way)
                    if in_week is not None:  # the weekday within that week, counted from its Monday
                        (now, now_id), way = in_week, Direction(FUTURE)
                story_year = self._story_year(text, spec, parsed, c, parts, reference, way, eras) \
                    if _yearless_date(spec) else None
                if story_year is not None:  # "In 1980, ... the November election": November 1980
                    spec, ref_id = replace(spec, year=story_year), reference.last_id
                resolved = resolve(spec, now, ref, way)
            else:
                ref_id = chronology.anchor
            if resolved is None:
                continue
            resolved = agreeing_weekday(spec, resolved, day)
            tid = f"t{len(out) + 1}"
            if narrative is not None and (now, now_id) == narrative and spec.weekday is not None \
                    and resolved.period is not None and resolved.period.day is not None:
                narrated[spec.weekday] = (resolved.period.day, tid, c.end)
            chronology.saw(text, c.start, c.end, resolved.period, tid)
            anchor = {"t0": now_id, "last": ref_id}.get(resolved.anchored or "")
            timex = Timex(tid, c.start, c.end, c.text, spec.type, resolved.value, mod=spec.mod,
                          anchor=anchor, rule=c.rule, quant=spec.quant, freq=None)
            if resolved.period is not None and self._moves_reference(text, spec, timex, out[-1] if out else None):
                reference.move(resolved.period, tid, (c.start, c.end), named_year=spec.year is not None)
            if parsed is not None and resolved.period is not None and resolved.period.gran == "year" \
                    and spec.year is not None:
                eras.saw_year(parsed.tokens(c.start, c.end), resolved.period.year)
            out.append(timex)
            parts.append((spec, resolved.period))
        return out, parts

    def _told_on(
        self, parsed: ParsedText | None, c: Candidate, spec: Spec, before: list[Timex],
        parts: list[tuple[Spec, Period | None]],
    ) -> tuple[date, str] | None:
        """A weekday said in a clause under a verb dated by a day of the same
        sentence counts from that day, the time of the telling: "said on
        Friday that the vote would be held on Monday" (the day and its id)."""
        if spec.weekday is None or spec.month is not None or spec.shift is not None or parsed is None:
            return None
        for timex, (_, period) in zip(reversed(before), reversed(parts)):
            if timex.end <= c.start - _TELLING_CHARS:
                break
            if period is not None and period.gran == "day" and period.day is not None \
                    and self.tense.told_under(parsed, (c.start, c.end), (timex.start, timex.end)):
                return period.day, timex.id
        return None

    def _story_year(
        self, text: str, spec: Spec, parsed: ParsedText | None, c: Candidate,
        parts: list[tuple[Spec, Period | None]], reference: "_Reference", way: Direction, eras: Eras,
    ) -> int | None:
        """The year a month or day without one takes from the story: that of a
        date opening its sentence ("In 1980, ... the November election"); for
        one premodifying a definite noun, a known happening, that of the same
        month the story named with its year ("the Seychelles meeting on Jan.
        11, 2017 ... the January Seychelles meeting"), else of a year named
        earlier in its sentence ("in 2016, in addition to contacts during and
        after the Nov. 8 presidential election"); for one told in the simple
        past, that of the day or month just told with its year, which it
        follows ("at a meeting in August 2016. The proposal was outlined in an
        email sent on Aug. 18") or of a happening it names that the story
        named with its year ("Trump's 2016 election campaign ... a Trump
        campaign employee", eras.py)."""
        framed = reference.story_year(text, c.start)
        if framed is None and way.way < 0 and parsed is not None \
                and not premodifies_noun(parsed.tokens(reference.last_start, reference.last_end)):
            framed = reference.followed_year(text, spec, c.start)
        if framed is None and way.way < 0 and parsed is not None:
            era = eras.year_of(parsed.tokens(c.start, c.end))
            framed = era if era is not None and era < reference.published.year else None
        if framed is not None or parsed is None or not month_of_a_definite_noun(parsed.tokens(c.start, c.end)):
            return framed
        return _named_before(spec, parts) or reference.story_year(text, c.start, framing=False)

    def _main_day(
        self, text: str, published: date, before: list[Timex], parts: list[tuple[Spec, Period | None]],
    ) -> tuple[Period, str]:
        """The day of the article's main news: the first day its lead sentence
        names ("The United States on Wednesday called ..."), else the
        publication date (and the id of its expression, or "t0")."""
        lead = lead_sentence(text)
        for timex, (_, period) in zip(before, parts):
            if lead is None or timex.start >= lead[1]:
                break
            if lead[0] <= timex.start and period is not None and period.gran == "day":
                return period, timex.id
        return Period.of_day(published), "t0"

    def _date_ranges(self, text: str, timexes: list[Timex], parts: list[tuple[Spec, Period | None]]) -> list[Timex]:
        """The ends of a range share a year: "from June to August of 2016"
        (June 2016), "from Jan. 20, when Trump took office, to Feb. 13" (the
        Feb. 13 after that Jan. 20); so do the dates of a list ("trips in
        July and December 2016": July 2016)."""
        out = list(timexes)
        for i in range(len(out) - 1):
            first, second = out[i], out[i + 1]
            if first.type != "DATE" or second.type != "DATE" \
                    or not (self.ranges.framed(text, first, second) or self.ranges.listed(text, first, second)):
                continue
            (first_spec, first_period), (second_spec, second_period) = parts[i], parts[i + 1]
            if second_spec.year is not None and first_spec.year is None and second_period is not None:
                moved, at, partner = range_partner(first_spec, second_period, after=False), i, second
            elif second_spec.year is None and first_period is not None:
                moved, at, partner = range_partner(second_spec, first_period, after=True), i + 1, first
            else:
                continue
            if moved is not None:
                out[at] = replace(out[at], value=moved.value, anchor=partner.id)
        return out

    def _moves_reference(self, text: str, spec: Spec, timex: Timex, before: Timex | None) -> bool:
        """Whether a resolved date becomes the reference of what follows.
        Comparisons ("a year earlier", "the year-ago quarter") do not move the
        narrative's date, nor does the closing day of a period ("the quarter
        ended Sept. 30"), nor the time stamp of a list item ("December 7, 1941
        [1004 EST] - ... the brave warriors who on that day stood tall": 1941)."""
        return timex.type in ("DATE", "TIME") and not spec.keep_granularity \
            and not (spec.reuse and (spec.shift or spec.reuse_year is not None)) \
            and not self._closes_period(text, before, timex.start) \
            and not (timex.type == "TIME" and self.stamps.closed_item(text, timex.start, timex.end) is not None)

    def _closes_period(self, text: str, before: Timex | None, start: int) -> bool:
        """Whether the expression at ``start`` is the closing day of the quarter
        or half just named: "the fourth quarter ended Aug. 26"."""
        return before is not None and _PERIOD_VALUE.fullmatch(before.value) is not None \
            and self._ended.fullmatch(text, before.end, start) is not None

    def _date_clock_times(self, text: str, timexes: list[Timex]) -> list[Timex]:
        """A clock time with no day of its own takes the day named right after
        (or just before) it instead of the publication date: "10:35 a.m.
        (0735 GMT) Friday"."""
        out = list(timexes)
        flags = self.lex.rule_flags
        for i, t in enumerate(out):
            if "clock" not in flags.get(t.rule or "", ()) or t.anchor != "t0" or "T" not in t.value \
                    or self.stamps.closed_item(text, t.start, t.end) is not None:
                continue  # a list item's stamp is not dated by a day its item names ("December 7, 1941 [1004 EST]")
            near = [n for n in (out[i + 1] if i + 1 < len(out) else None, out[i - 1] if i > 0 else None)
                    if n is not None and "names_day" in flags.get(n.rule or "", ()) and _DAY_VALUE.fullmatch(n.value)
                    and (0 <= n.start - t.end <= _NEARBY_AFTER or 0 <= t.start - n.end <= _NEARBY_BEFORE)
                    and "." not in text[min(t.end, n.end):max(t.start, n.start)]]
            if near:
                out[i] = replace(t, value=near[0].value + t.value[10:])
        return out


def _named_before(spec: Spec, before: list[tuple[Spec, Period | None]]) -> int | None:
    """The year of the latest date the story wrote with a year in the month
    (and on the day) ``spec`` names."""
    for earlier, period in reversed(before):
        if earlier.year is not None and earlier.month == spec.month and period is not None \
                and (spec.day is None or earlier.day == spec.day):
            return period.year
    return None


def _yearless_date(spec: Spec) -> bool:
    """A month or a day of a month without year ("the November election", "the Nov. 8 vote")."""
    return spec.month is not None and spec.year is None and spec.shift is None and not spec.reuse \
        and spec.weekday is None and spec.type == "DATE"


def _week_of_sentence(
    text: str, spec: Spec, at: int, before: list[Timex], parts: list[tuple[Spec, Period | None]], way: int,
) -> tuple[date, str] | None:
    """A bare weekday told after a week its sentence names ("visits Europe
    next week to attend NATO meetings on Tuesday and Wednesday, an OSCE
    meeting in Vienna on Thursday"): that week's Monday and the week's id.
    A weekday a simple past dates ("McConnell said on Thursday") is the
    caller's to leave out: the telling, not a day of that week.  Only a week
    counted from the publication date ("next week", not "the previous week"),
    and not against the weekday's own tense ("unveiled its plan last week, and
    the Senate's is expected on Thursday")."""
    if spec.weekday is None or spec.month is not None or spec.day is not None or spec.shift is not None:
        return None
    for timex, (week_spec, period) in zip(reversed(before), reversed(parts)):
        if _SENTENCE_END.search(text, timex.end, at):
            return None
        if period is not None and period.gran == "week" and week_spec.shift is not None:
            if week_spec.anaphoric or way * week_spec.shift[1] < 0:
                return None
            monday = period.first_day()
            return (monday, timex.id) if monday is not None else None
    return None


def _same_day(spec: Spec) -> bool:
    """"the same day", "that day": the day the story is at."""
    return spec.anaphoric and spec.shift == ("day", 0) and not spec.day_reference_only


def _before_narrative(spec: Spec, way: Direction, reference: "_Reference") -> tuple[date, str] | None:
    """A weekday told in the past perfect, when the narrative is at an earlier
    week than the publication's, is the one up to the end of that period:
    "were arraigned last week. Jackson had warned lawyers after a statement
    following the arraignment on Monday" is that week's Monday."""
    if not way.pluperfect or spec.weekday is None or spec.month is not None or spec.shift is not None \
            or reference.last is None or reference.last_id is None:
        return None
    end = reference.last.day_after()
    this_week = Period.of_day(reference.published).to("week")
    monday = this_week.first_day() if this_week is not None else None
    if end is None or monday is None or end > monday or reference.last.gran not in _NARRATIVE_GRANULARITIES \
            or (monday - end).days > _NARRATIVE_WEEKS_BACK * 7:
        return None  # a background year ("joined in 2009") is no narrative a weekday belongs to
    return end - timedelta(days=1), reference.last_id


def _told_again(
    spec: Spec, way: Direction, narrated: dict[int, tuple[date, str, int]], at: int,
) -> tuple[date, str] | None:
    """A weekday told again in the past a few sentences after the narrative
    placed it is the same day: "following his client's arraignment on Monday
    [Oct. 30] ... Downing, appearing before television cameras on Monday" (and its id)."""
    if way.way >= 0 or spec.weekday is None or spec.month is not None or spec.shift is not None \
            or spec.weekday not in narrated:
        return None
    day, tid, end = narrated[spec.weekday]
    return (day, tid) if at - end <= _ANAPHOR_REACH_CHARS else None


_REPORT_GRANULARITIES = ("quarter", "half")
# the narrative a past-perfect weekday belongs to: a recent week ("were
# arraigned last week ... had warned ... on Monday"); after a day ("on Nov. 7
# ... had been in China for a game on Saturday") the weekday is the
# publication week's, as any other
_NARRATIVE_GRANULARITIES = ("week", "weekend")
_NARRATIVE_WEEKS_BACK = 2


@dataclass
class _Reference:
    """What anaphoric expressions count from: the last date that moved the
    narrative ("the next day"); for reporting periods ("the year-earlier
    period", "a year ago" after a quarter) the latest completed quarter or
    half named so far, the period an earnings story reports on, which a
    quarter named in passing ("after a flat second quarter") does not replace."""

    published: date
    last: Period | None = None
    last_id: str | None = None
    report: Period | None = None
    report_id: str | None = None
    last_start: int = 0  # where the expression of ``last`` starts and ends in the text
    last_end: int = 0
    last_named_year: bool = False  # whether that expression wrote its year ("in 1980", "Nov. 8, 2016")

    def stale(self, at: int) -> bool:
        """Whether the last date was named too far before ``at`` for "the same
        day" to mean it: several sentences on, the story is back at its main
        news ("... after the Aug. 25 attacks. [nine sentences] The U.S. move
        came the same day as a U.N. tribunal convicted Mladic")."""
        return self.last is not None and at - self.last_end > _ANAPHOR_REACH_CHARS

    def for_spec(self, spec: Spec) -> tuple[Period | None, str | None]:
        if (spec.reuse or spec.keep_granularity) and self.report is not None and self.last is not None \
                and self.last.gran in _REPORT_GRANULARITIES:
            return self.report, self.report_id
        return self.last, self.last_id

    def story_year(self, text: str, at: int, framing: bool = True) -> int | None:
        """The year a date without one takes from its sentence rather than from
        the publication date: the sentence opens with a date that wrote a
        year other than the publication's, framing all it tells ("In 1980,
        ... to oppose the Democrat in the November election").  A year named
        inside the sentence or in an earlier one frames nothing ("dating to
        1994. In January, ...": January of the story's year); ``framing``
        False: any year named before in the sentence counts."""
        if self.last is None or not self.last_named_year or self.last.gran not in _STORY_YEAR_GRANULARITIES \
                or self.last.year == self.published.year or _SENTENCE_END.search(text, self.last_end, at):
            return None
        if not framing:  # any year named before in the sentence
            return self.last.year
        opening = _FRAME_OPENING.search(text, max(0, self.last_start - _FRAME_REACH_CHARS), self.last_start)
        return self.last.year if opening is not None else None

    def followed_year(self, text: str, spec: Spec, at: int) -> int | None:
        """The year of the last date when it wrote one other than the
        publication's, named a month or a day, and was told in the same
        sentence or the one before, in the same paragraph, and ``spec``'s
        month (and day) in that year is not before it and lies within the
        narrative's reach: the narrative goes on in that year ("a meeting in
        August 2016. The proposal was outlined in an email on Aug. 18")."""
        last = self.last
        if last is None or not self.last_named_year or last.gran not in ("month", "day") \
                or last.year >= self.published.year or spec.month is None \
                or at - self.last_end > _FOLLOW_REACH_CHARS or _PARAGRAPH_BREAK.search(text, self.last_end, at) \
                or len(_SENTENCE_END.findall(text, self.last_end, at)) > 1:
            return None
        start, first = last.first_day(), date(last.year, spec.month, 1)
        if start is None or first < date(start.year, start.month, 1) \
                or (first - start).days > _FOLLOW_DAYS:
            return None
        return last.year

    def move(self, period: Period, tid: str, span: tuple[int, int] = (0, 0), named_year: bool = False) -> None:
        self.last, self.last_id, self.last_named_year = period, tid, named_year
        self.last_start, self.last_end = span
        if period.gran not in _REPORT_GRANULARITIES:
            return
        start, end = period.first_day(), period.day_after()
        latest = self.report.first_day() if self.report is not None else None
        if start is not None and end is not None and end <= self.published and (latest is None or start >= latest):
            self.report, self.report_id = period, tid


# how far back (characters) the date "the same day" / "that day" means may be: about three sentences
_ANAPHOR_REACH_CHARS = 600
# a date opening its sentence frames it: "In 1980, ...", "On Nov. 8, 2016, ..." (at most one word before it)
_STORY_YEAR_GRANULARITIES = ("year", "month", "day")
_FRAME_REACH_CHARS = 16
_FRAME_OPENING = re.compile(r"(?:^|[.!?\n\-–—][\"”’)]?\s+)(?:[A-Z][a-z]*\s+)?\Z")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+[A-Z“\"]")
# a month or day told in the simple past goes on in the year of the date
# just told with its year: within about two sentences and half a year after it
_FOLLOW_REACH_CHARS = 400
_FOLLOW_DAYS = 183
_PARAGRAPH_BREAK = re.compile(r"\n|\s{3,}")
# how far back (characters) the day of a telling may be: one sentence
_TELLING_CHARS = 400
_PERIOD_VALUE = re.compile(r"\d{4}-(?:Q|H)\d")
# how far a day named next to a bare clock time may be: "10:35 a.m. (0735 GMT) Friday"
_NEARBY_AFTER, _NEARBY_BEFORE = 25, 12
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
