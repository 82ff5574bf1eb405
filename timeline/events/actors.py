"""Who an article is about: a document-level index of the people and
organisations it names, so that a pronoun or a description ("he", "it",
"the company", "the president") or a short name ("Jobs") can be read as the
named participant it stands for.

The default mode parses only the sentences that hold a date, so the index
is built from what is cheap over the whole text: runs of capitalised words
(a name is a run that is not only a sentence's first word, with a leading
title split off: "U.S. President Donald Trump" -> person "Donald Trump",
titled "president"), the article's headline, and quotation marks.  Each
name is a person (titled, or later called by its last word alone:
"Steve Jobs" ... "Jobs"), an organisation (an organisation noun:
"Justice Department", or an acronym: "FBI") or another name (a place,
a group: "North Korea", "Democrats").

>>> index = ActorIndex.of("Apple Inc said on Monday that Steve Jobs resigned. Jobs founded the company.")
>>> index.full_name("Jobs")
'Steve Jobs'
>>> index.last(len("Apple Inc said on Monday that Steve Jobs resigned. Jobs"), ("organisation",)).name
'Apple Inc'

Resolution is the classic recency rule: the last compatible name before the
word (a person for "he"/"she", an organisation for "it" and "the company",
a person titled so for "the president"), the speaker of the quotation for
"I"/"we" inside one.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Iterable, Iterator, Literal

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.nlp import ParsedText

ActorKind = Literal["person", "organisation", "other"]

# a sentence boundary before a word: end punctuation, a dateline dash or a line break, then quotes/brackets
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"’”)]*\s+|\n\s*|\s[-–—]+\s+)['\"“‘(]*$")
# a pronoun of another clause refers to someone named at most this many characters before
_RECENT_CHARS = 400
# of several people named just before a pronoun, one named at least this often and this many times
# more often than any other is the one meant
_SALIENT_MENTIONS = 3
_SALIENCE_RATIO = 2
# how far after a name the pronoun that tells a person's gender is looked for
_GENDER_CHARS = 60
# ... and within this many words after the reporting verb
_GENDER_WORDS = 5
# how far back a sentence boundary before a word is looked for
_BOUNDARY_CHARS = 8
# a name of more words than this is a title or an organisation, not a person's name
_PERSON_WORDS = 3
# only this many characters after a closing quote are searched for who said it
_ATTRIBUTION_CHARS = 120
# a short acronym ("UK", "EU") is more often a place or a union than "it"
_ACRONYM_LETTERS = 3
# a word ending in a dot is an abbreviation up to this length ("Mr.", "Inc."), else it ends a sentence
_ABBREVIATION_CHARS = 4


@dataclass(frozen=True, slots=True)
class ActorWords:
    person_titles: frozenset[str]
    name_joiners: frozenset[str]
    name_suffixes: frozenset[str]
    person_pronouns: frozenset[str]
    masculine_pronouns: frozenset[str]
    feminine_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    possessive_pronouns: frozenset[str]
    person_descriptions: frozenset[str]
    generic_organisation_nouns: frozenset[str]
    speaker_cues: frozenset[str]
    public_body_nouns: frozenset[str]
    company_cues: frozenset[str]
    organisation_nouns: frozenset[str]
    # a description's noun -> the last words of the names it may stand for ("panel" -> "commission")
    description_heads: dict[str, frozenset[str]]
    quote_pairs: tuple[tuple[str, str], ...]
    stop_words: frozenset[str]


@lru_cache(maxsize=1)
def actor_words() -> ActorWords:
    """The word lists of ``events/data/actor_words.json`` (and the organisation
    nouns of ``grammar_words.json``), loaded once."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from timeline.events.lexicon import lexicon

    raw = json.loads(resources.files("timeline.events").joinpath("data/actor_words.json").read_text("utf-8"))
    lists = {key: frozenset(value) for key, value in raw.items()
             if not key.startswith("_") and key not in ("quote_pairs", "description_heads")}
    return ActorWords(
        **lists,
        organisation_nouns=lexicon().grammar["organisation_nouns"],
        description_heads={noun: frozenset(heads) for noun, heads in raw["description_heads"].items()},
        quote_pairs=tuple((a, b) for a, b in raw["quote_pairs"]),
        stop_words=frozenset(STOP_WORDS),
    )


@dataclass(slots=True)
class Actor:
    """A named participant: its fullest name, kind, the titles it is given
    ("president") and how often the article names it."""

    name: str
    kind: ActorKind
    titles: set[str] = field(default_factory=set)
    count: int = 0
    # "he"/"she" read right after the name in its sentence, counted (a person's gender as the article gives it)
    masculine: int = 0
    feminine: int = 0

    def fits(self, pronoun: str, words: "ActorWords") -> bool:
        """Whether a person pronoun may stand for this person (no contrary evidence)."""
        if pronoun in words.masculine_pronouns:
            return self.masculine >= self.feminine
        if pronoun in words.feminine_pronouns:
            return self.feminine >= self.masculine
        return True

    @property
    def short(self) -> str:
        """The last word of a person's name ("Jobs"; "Trump Jr."), else the name."""
        return _surname(self.name, actor_words()) if self.kind == "person" else self.name


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    actor: Actor


# the answer when two participants of a clause could be meant
_AMBIGUOUS = Actor("", "other")


class ActorIndex:
    """The named people and organisations of one document, by position.

    Build it once per document with :meth:`of`; then :meth:`refers_to` a
    token of the parse (or :meth:`last` / :meth:`speaker` at an offset)."""

    def __init__(self, mentions: list[Mention], quotes: list[tuple[int, int]], text: str,
                 parsed: "ParsedText | None" = None, words: ActorWords | None = None) -> None:
        self.words = words or actor_words()
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self.quotes = quotes
        self.text = text
        self._offsets = {id(p.doc): p.start for p in parsed} if parsed is not None else {}
        self._parsed = parsed

    # --- building ---------------------------------------------------------------------
    @classmethod
    def of(cls, text: str, parsed: "ParsedText | None" = None, headline: str | None = None,
           exclude: Iterable[tuple[int, int]] = (), words: ActorWords | None = None) -> "ActorIndex":
        """The index of ``text``; ``headline`` (the article's title) counts
        towards the main actors; ``exclude`` are spans that are no names
        (the date expressions: "Thursday", "March")."""
        words = words or actor_words()
        excluded = sorted(exclude)
        runs = [r for r in _name_runs(text, words) if not _overlaps(r, excluded)]
        actors: dict[str, Actor] = {}
        surnames: dict[str, Actor] = {}
        lone = {text[s:e] for s, e in runs if _surname(text[s:e], words) == text[s:e]}  # "Jobs", "Trump Jr."
        found: list[tuple[int, int, str, ActorKind, str]] = []  # start, end, name, kind, title
        # a name the article shows to be a company's anywhere ("Amazon shares", "(AMZN.O)")
        companies = {text[s:e] for s, e in runs if _company_pattern(words.company_cues).match(text, e)}
        for start, end in runs:
            speaks = _cue_pattern(words.speaker_cues).match(text, end) is not None
            name, kind, title, offset = _classify(text[start:end], lone, speaks, words)
            if kind == "other" and name in companies:
                kind = "organisation"
            if name:
                found.append((start + offset, start + offset + len(name), name, kind, title))
        for _, _, name, kind, _ in found:  # every full name first, so "Jobs" finds "Steve Jobs" named later too
            if kind == "person" and _surname(name, words) != name:  # a full name, not "Jobs" or "Trump Jr."
                actor = actors.setdefault(name, Actor(name, kind))
                surnames.setdefault(_surname(name, words), actor)
        mentions = []
        for start, end, name, kind, title in found:
            actor = actors.get(name) or surnames.get(name) or actors.setdefault(name, Actor(name, kind))
            actor.titles.update(title.split())
            actor.count += 1
            if actor.kind == "person":
                _count_gender(actor, text, end, words)
            mentions.append(Mention(start, end, actor))
        for start, end in _name_runs(headline or "", words):
            name = (headline or "")[start:end]
            found_actor = actors.get(name) or surnames.get(name)
            if found_actor is not None:
                found_actor.count += 2  # the headline names who the article is about
        return cls(mentions, _quotations(text, words), text, parsed, words)

    # --- look-ups -----------------------------------------------------------------------
    def full_name(self, name: str) -> str:
        """The fullest form of a name the article uses ("Jobs" -> "Steve Jobs")."""
        for mention in self.mentions:
            if name in (mention.actor.name, mention.actor.short):
                return mention.actor.name
        return name

    def last(self, offset: int, kinds: tuple[ActorKind, ...], title: str | None = None,
             within: int | None = None) -> Actor | None:
        """The last actor of one of ``kinds`` named before ``offset`` (given
        ``title`` when set; named at most ``within`` characters before)."""
        for k in range(bisect_left(self._starts, offset) - 1, -1, -1):
            mention = self.mentions[k]
            if within is not None and offset - mention.end > within:
                return None
            actor = mention.actor
            if mention.end <= offset and actor.kind in kinds and (title is None or title in actor.titles):
                return actor
        return None

    def speaker(self, offset: int) -> Actor | None:
        """Who speaks the quotation that holds ``offset``: the person named
        just after it ("..., Smith said"), else the last person before it."""
        quote = next(((a, b) for a, b in self.quotes if a < offset < b), None)
        if quote is None:
            return None
        after = bisect_right(self._starts, quote[1])
        for mention in self.mentions[after:]:
            if mention.start - quote[1] > _ATTRIBUTION_CHARS or "\n" in self.text[quote[1]:mention.start]:
                break
            # a person, or any name the attribution makes a speaker (“...,” Haley told reporters)
            if mention.actor.kind == "person" or (
                    mention.actor.kind == "other" and _cue_pattern(self.words.speaker_cues).match(self.text, mention.end)):
                return mention.actor
        return self.last(quote[0], ("person",))

    def _recent_person(self, offset: int, pronoun: str) -> Actor | None:
        """The person a "he"/"she" of another clause stands for: the only one
        named just before it who fits; of several, the one the article names
        far most often, else the last one when the article gives the gender
        of it alone; else no one (the pronoun is ambiguous)."""
        fitting: list[Actor] = []
        for k in range(bisect_left(self._starts, offset) - 1, -1, -1):
            mention = self.mentions[k]
            if offset - mention.end > _RECENT_CHARS:
                break
            actor = mention.actor
            if actor.kind == "person" and actor.fits(pronoun, self.words) and actor not in fitting:
                fitting.append(actor)
        if len(fitting) == 1:
            return fitting[0]
        if len(fitting) > 1:  # the one the article is about, when it clearly is ("he" of a Trump story)
            first, second = sorted(fitting, key=lambda a: -a.count)[:2]
            if first.count >= _SALIENT_MENTIONS and first.count >= _SALIENCE_RATIO * second.count:
                return first
        known = [a for a in fitting if a.masculine + a.feminine > 0]  # the article says whether he or she
        return known[0] if known and known[0] is fitting[0] else None

    def _clause_subject(self, token: "Token") -> Actor | None:
        """The named subject of a clause above the pronoun, before it ("Ross
        ... told senators during his hearing", "The Pentagon said it")."""
        ancestor = token.head
        while True:
            agent = next((c for c in ancestor.children if c.dep_ == "agent"), None)
            if agent is not None:  # "banned by President Barack Obama after he took office": the named agent
                named = [self._mention_at(o) for o in (self.offset(t) for t in agent.subtree if t.pos_ == "PROPN")
                         if o is not None]
                people = [m.actor for m in named if m is not None and m.actor.kind == "person"]
                return people[-1] if people else _AMBIGUOUS  # "accused by a woman ... when she was 14": either

            for child in ancestor.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i < token.i and child.pos_ in ("PROPN", "NOUN") \
                        and token not in child.subtree:
                    offset = self.offset(child)
                    mention = self._named_subject(child, offset) if offset is not None else None
                    if mention is None:
                        continue
                    between = self._between(mention.end, self.offset(token) or mention.end)
                    if any(m.actor is not mention.actor and m.actor.kind == "person" for m in between):
                        return _AMBIGUOUS  # "Prince said he had met Trump ... before he was elected"
                    return mention.actor
            if ancestor.head.i == ancestor.i or ancestor.dep_ == "relcl":
                return None  # not out of a relative clause: "Peskov said ... Assad's visit which he made"
            ancestor = ancestor.head

    def _named_subject(self, subject: "Token", offset: int) -> Mention | None:
        """The name a clause's subject gives: its own, the name in apposition
        to it ("its prior nominee, James Clinger"), or the name a bare
        description stands for ("The judge said ..., and she set")."""
        mention = self._mention_at(offset)
        if mention is not None:
            return mention
        for named in (c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
            at = self.offset(named)
            mention = self._mention_at(at) if at is not None else None
            if mention is not None:
                return mention
        actor = self.described(subject, offset)
        return Mention(offset, offset + len(subject.text), actor) if actor is not None else None

    def _previous_subject(self, token: "Token") -> Actor | None:
        """The named subject of the sentence before, when it is no person's
        name, for an "it" that opens its sentence as the subject of its main
        verb ("Pyongyang did not disrupt the congress. It has not tested a
        missile since ..."); only over a parsed sentence."""
        sentence = token.sent
        if token.dep_ not in ("nsubj", "nsubjpass") or token.head != sentence.root or token.i != sentence.start:
            return None
        if sentence.start > 0:
            previous = token.doc[sentence.start - 1].sent
        else:
            start = self.offset(token)
            piece = self._parsed.piece_at(start - 2) if self._parsed is not None and start else None
            if piece is None or not len(piece.doc):
                return None
            previous = piece.doc[-1].sent
        subject = next((c for c in previous.root.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
        offset = self.offset(subject) if subject is not None else None
        mention = self._mention_at(offset) if offset is not None else None
        return mention.actor if mention is not None and mention.actor.kind != "person" else None

    def _between(self, start: int, end: int) -> list[Mention]:
        return self.mentions[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def _mention_at(self, offset: int) -> Mention | None:
        """The mention covering ``offset`` (a name's head word is its last)."""
        k = bisect_right(self._starts, offset) - 1
        if k >= 0 and self.mentions[k].start <= offset < self.mentions[k].end:
            return self.mentions[k]
        return None

    def main_actors(self, limit: int = 3) -> list[Actor]:
        """The people and organisations the article names most (its headline counts twice)."""
        actors = {id(m.actor): m.actor for m in self.mentions if m.actor.kind != "other"}
        return sorted(actors.values(), key=lambda a: -a.count)[:limit]

    def offset(self, token: "Token") -> int | None:
        """The document offset of a token of the parse the index was built with."""
        start = self._offsets.get(id(token.doc))
        return None if start is None else start + token.idx

    def refers_to(self, token: "Token") -> Actor | None:
        """The named participant a pronoun ("he", "its", "I" in a quotation)
        or a bare description ("the company", "the president") stands for;
        ``None`` when the article names none that fits."""
        offset = self.offset(token)
        if offset is None:
            return None
        words = self.words
        word = token.lower_
        if word in words.speaker_pronouns:
            return self.speaker(offset)
        subject = self._clause_subject(token)
        if subject is _AMBIGUOUS:
            return None
        if word in words.person_pronouns:
            # a name the parse makes the subject is a person's unless it names an organisation
            if subject is not None and subject.kind != "organisation" and subject.fits(word, words):
                return subject  # "Ross had told senators during his hearing": the clause's own subject
            return self._recent_person(offset, word)
        if word in words.thing_pronouns:
            if subject is not None and subject.kind != "person":
                return subject  # "The Pentagon said it would"
            # the last name that is no person's, if an organisation's ("Westinghouse ... It went" is no agency's)
            last = self.last(offset, ("organisation", "other"), within=_RECENT_CHARS)
            if last is not None and last.kind == "organisation":
                return last
            return self._previous_subject(token)
        return self.described(token, offset)

    def described(self, token: "Token", offset: int) -> Actor | None:
        """The named participant a bare description stands for ("the judge",
        "that panel", "the company"): the last person so titled, the last
        organisation whose name ends in a word the description may name
        ("panel" -> "Postal Regulatory Commission"), for "the company" the
        last organisation that is no public body; else ``None``."""
        words = self.words
        if not _bare_description(token):
            return None
        lemma = token.lemma_.lower()
        if lemma in words.person_descriptions:
            return self.last(offset, ("person",), title=lemma)
        heads = words.description_heads.get(lemma, frozenset()) | {lemma}
        if lemma in words.organisation_nouns or lemma in words.description_heads:
            named = [m.actor for m in self.mentions if m.end <= offset and m.actor.kind == "organisation"]
            fitting = [a for a in named if heads & set(a.name.lower().split())]
            if not fitting and lemma in words.generic_organisation_nouns:
                # "the company": any organisation but a public body; "the administration" only one so named
                fitting = [a for a in named if not words.public_body_nouns & set(a.name.lower().split())]
            return fitting[-1] if fitting else None
        return None


def _count_gender(actor: Actor, text: str, end: int, words: ActorWords) -> None:
    """A person pronoun reporting the name's own words ("Yellen said she", "Yellen said on Monday that she")."""
    cue = _cue_pattern(words.speaker_cues).match(text, end)
    if cue is None:
        return
    for word in re.findall(r"[A-Za-z]+", text[cue.end():cue.end() + _GENDER_CHARS])[:_GENDER_WORDS]:
        if word in words.masculine_pronouns:
            actor.masculine += 1
            return
        if word in words.feminine_pronouns:
            actor.feminine += 1
            return


def _bare_description(token: "Token") -> bool:
    """"the company", "that panel": a common noun with only "the" or a
    demonstrative before it (not "a company", "the state-run company",
    "companies")."""
    if token.pos_ != "NOUN" or token.tag_ != "NN":
        return False
    before = [c for c in token.children if c.i < token.i]
    if len(before) != 1:
        return False
    article = before[0].morph.to_dict()  # the definite article, by its morphology rather than by its spelling
    # or a demonstrative ("that panel", "this company")
    return (article.get("Definite") == "Def" and article.get("PronType") == "Art") or (
        article.get("PronType") == "Dem" and before[0].dep_ == "det")


def _name_runs(text: str, words: ActorWords) -> list[tuple[int, int]]:
    """Spans of runs of capitalised words ("Department of Homeland Security"),
    without a possessive ending or a sentence's final dot, nor a sentence's
    first word when it is a common word ("The", "But")."""
    runs = []
    for start, end in _split_at_sentence_ends(text, _run_pattern(words.name_joiners).finditer(text)):
        if text[end:end + 2].strip().startswith("(") and text[start:end].isupper():
            continue  # a "WASHINGTON (Reuters)" dateline
        while start < end and _SENTENCE_START.search(text, max(0, start - _BOUNDARY_CHARS), start) is not None:
            first = text[start:end].split(" ")[0]
            if first.lower().rstrip(".") not in words.stop_words:
                break
            start += len(first) + 1  # "The White House" -> "White House"
        name = text[start:end]
        for ending in ("'s", "’s"):
            if name.endswith(ending):
                end -= len(ending)
        last = text[start:end].split(" ")[-1]
        if text[end - 1:end] == "." and last.count(".") == 1 and last.lower() not in words.name_suffixes:
            end -= 1  # "... said in Washington." but not "U.S."
        if end > start and text[start:end][:1].isupper():
            runs.append((start, end))
    return runs


def _split_at_sentence_ends(text: str, matches: Iterable[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """Runs cut after a word that ends its sentence ("Yellen. The" but not "U.S. President", "Mr. Kelly")."""
    for match in matches:
        start = position = match.start()
        for word in match.group().split(" "):
            position += len(word) + 1
            ends = word.endswith(".") and word.count(".") == 1 and len(word) > _ABBREVIATION_CHARS
            if ends or word.endswith(("'s", "’s")):  # "Yellen. The", "Brooklyn’s Haitian community"
                yield start, position - 1
                start = position
        if start < match.end():
            yield start, match.end()


@lru_cache(maxsize=4)
def _cue_pattern(cues: frozenset[str]) -> re.Pattern[str]:
    """A word after a name that shows it is someone's ("Janet Yellen said", "Yellen, who")."""
    return re.compile(rf",? (?:{'|'.join(re.escape(c) for c in sorted(cues))})\b")


@lru_cache(maxsize=4)
def _company_pattern(cues: frozenset[str]) -> re.Pattern[str]:
    """A company's word or wire ticker right after a name ("Amazon shares", "Amazon (AMZN.O)")."""
    return re.compile(rf"(?: (?:{'|'.join(re.escape(c) for c in sorted(cues))})\b| \([A-Z]{{1,6}}\.[A-Z]{{1,2}}\))")


@lru_cache(maxsize=4)
def _run_pattern(joiners: frozenset[str]) -> re.Pattern[str]:
    word = r"[A-Z][\w'’.&-]*"
    joiner = "|".join(re.escape(j) for j in sorted(joiners))
    return re.compile(rf"\b{word}(?:(?: (?:{joiner}))? {word})*")


def _classify(run: str, lone: set[str], speaks: bool, words: ActorWords) -> tuple[str, ActorKind, str, int]:
    """A run of capitalised words as (name, kind, title, offset of the name in
    the run): a title before a short name makes a person ("President Donald
    Trump"); an organisation noun or an acronym an organisation; a name whose
    last word the article also uses alone, or that ``speaks`` ("Janet Yellen
    said"), a person."""
    tokens = run.split(" ")
    lowered = [t.lower().rstrip("'’s") if t.endswith(("'s", "’s")) else t.lower() for t in tokens]
    titled = [k for k, w in enumerate(lowered) if w in words.person_titles]
    rest = tokens[titled[-1] + 1:] if titled else tokens
    while rest and rest[0] in words.name_joiners and len(rest) > 2:
        rest = rest[2:]  # "Chief of Staff John Kelly" -> "John Kelly"
    organisation = any(w.strip(".") in words.organisation_nouns for w in lowered)
    if titled and rest and len(rest) <= _PERSON_WORDS and not any(
        r in words.name_joiners or r.lower().strip(".") in words.organisation_nouns for r in rest
    ):
        name = " ".join(rest)
        return name, "person", " ".join(lowered[k] for k in titled), len(run) - len(name)
    if organisation or (len(tokens) == 1 and run.isupper() and len(run) >= _ACRONYM_LETTERS and "." not in run):
        return run, "organisation", "", 0
    plain = not any(w in words.name_joiners for w in tokens) and not run.isupper()
    core = tokens[:-1] if len(tokens) > 2 and lowered[-1] in words.name_suffixes else tokens  # "Donald Trump Jr."
    if plain and 1 < len(core) <= _PERSON_WORDS and (_surname(run, words) in lone or speaks):
        return run, "person", "", 0
    return run, "other", "", 0


def _surname(name: str, words: ActorWords) -> str:
    """The part of a person's name the article uses alone: the last word, with
    a suffix the name ends in ("Trump Jr.", not "Trump": the father is another man)."""
    tokens = name.split()
    return " ".join(tokens[-2:]) if len(tokens) >= 2 and tokens[-1].lower() in words.name_suffixes else tokens[-1]


def _quotations(text: str, words: ActorWords) -> list[tuple[int, int]]:
    """Spans between matching quotation marks (a straight quote pairs with the next one)."""
    spans = []
    for opening, closing in words.quote_pairs:
        position = 0
        while (start := text.find(opening, position)) >= 0:
            end = text.find(closing, start + 1)
            if end < 0:
                break
            spans.append((start, end))
            position = end + 1
    return sorted(spans)


def _overlaps(span: tuple[int, int], sorted_spans: list[tuple[int, int]]) -> bool:
    k = bisect_right(sorted_spans, (span[1], span[1]))
    return k > 0 and sorted_spans[k - 1][1] > span[0]
