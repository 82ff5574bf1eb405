"""Who takes part in an event, and whether that is the entity a user asks for.

Entity mode (``Settings.all_events``) parses every sentence, so a document's
names can be followed across it:

* :class:`NameIndex` lists the names of a document (spaCy's entities and
  runs of proper nouns, "iPhone 4" with its number) and gives each the
  fullest name the document uses for it: "Jobs" -> "Steve Jobs", "Apple" ->
  "Apple Inc.", an acronym -> the name it abbreviates; a pronoun ("he",
  "its") or a description ("the company") -> the name the document's actors
  (:mod:`timeline.events.actors`) say it stands for.
* :meth:`ParticipantFinder.participants` reads an event word's arguments in
  the parse (subject, "by": agent; passive subject, object, "of": patient),
  following shared subjects ("unveiled
  X and announced Y", "plans to sell") and, for an event noun, its possessor
  ("Apple's launch") and the subject of the light verb that takes it ("GM
  posted a loss").
* :func:`matches` compares a user's name with a participant's names, word
  by word and case-insensitively, so that "Apple" finds "Apple Inc.",
  "Jobs" finds "Steve Jobs" and "Dow Jones Industrial Average" finds "the
  Dow" (see there).

The words these rules name are in ``data/participant_words.json``.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Iterable

from timeline.model import Participant

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from timeline.events.actors import ActorIndex
    from timeline.nlp import ParsedText

_WORD = re.compile(r"[\w&]+(?:[.'’]\w+)*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?(?=\s|$)")


@lru_cache(maxsize=1)
def participant_words() -> dict[str, frozenset[str]]:
    raw = resources.files("timeline.events").joinpath("data/participant_words.json").read_text("utf-8")
    return {key: frozenset(words) for key, words in json.loads(raw).items() if not key.startswith("_")}


def name_words(name: str) -> tuple[str, ...]:
    """The words that identify a name, casefolded, without articles, possessives
    and company suffixes ("The Apple Inc.'s" -> ("apple",))."""
    drop = participant_words()["name_suffixes"]
    plain = _POSSESSIVE.sub("", name.casefold())
    return tuple(word for word in _WORD.findall(plain) if word not in drop)


def matches(query: str, name: str) -> bool:
    """Whether ``name`` (a participant's) may name the entity ``query``:
    every word of the query is in the name ("Apple" in "Apple Inc."), or the
    name is a part of the query that holds its first or last word ("Jobs" of
    "Steve Jobs", "Dow" of "Dow Jones Industrial Average"; not "Apple" of
    "Beatles Apple Corps"), or the name is the query's initials ("GM")."""
    wanted, found = name_words(query), name_words(name)
    if not wanted or not found:
        return False
    have = set(found)
    if have >= set(wanted):
        return True
    if set(wanted) >= have and (wanted[0] in have or wanted[-1] in have):
        return True
    return len(found) == 1 and len(wanted) > 1 and found[0] == "".join(w[0] for w in wanted)


def _kind(label: str, words: dict[str, frozenset[str]]) -> str:
    for kind in ("person", "organisation", "thing", "place"):
        if label in words[f"{kind}_labels"]:
            return kind
    return ""


@dataclass(frozen=True, slots=True)
class NameMention:
    start: int  # document offsets
    end: int
    text: str
    kind: str  # person, organisation, thing, place, or "" (a proper noun spaCy did not label)
    name: str = ""  # the fullest name the document uses for it


class NameIndex:
    """The names of one document in order, each with its fullest form."""

    def __init__(self, parsed: "ParsedText", actors: "ActorIndex") -> None:
        self.words = participant_words()
        found: list[NameMention] = []
        for piece in parsed:
            found.extend(self._names_of(piece.doc, piece.start))
        found.extend(self._actor_names(parsed, actors, found))
        found.sort(key=lambda m: m.start)
        self.mentions = sorted([*_resolve(found), *self._references(parsed, actors)], key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self.parsed = parsed

    def _actor_names(self, parsed: "ParsedText", actors: "ActorIndex",
                     found: list[NameMention]) -> Iterable[NameMention]:
        """The actors' names the parse missed ("Jobs" tagged as a plural noun):
        the actor index reads capitalised words, whatever their tag."""
        taken = sorted((m.start, m.end) for m in found)
        starts = [s for s, _ in taken]
        for mention in actors.mentions:
            i = bisect.bisect_right(starts, mention.start) - 1
            if (i >= 0 and taken[i][1] > mention.start) or (i + 1 < len(taken) and taken[i + 1][0] < mention.end):
                continue
            if parsed.piece_at(mention.start) is None:
                continue
            kind = mention.actor.kind if mention.actor.kind != "other" else ""
            yield NameMention(mention.start, mention.end, parsed.text[mention.start:mention.end], kind)

    @staticmethod
    def _references(parsed: "ParsedText", actors: "ActorIndex") -> Iterable[NameMention]:
        """Every pronoun and description ("he", "its", "the company") as a
        mention of the name the document's actors
        (:class:`timeline.events.actors.ActorIndex`) say it stands for."""
        speaker = actors.words.speaker_pronouns
        for piece in parsed:
            for token in piece.doc:
                # "I"/"we" of a quotation speak for the speaker (or his company): no participant
                actor = actors.refers_to(token) if token.lower_ not in speaker else None
                if actor is not None:
                    offset = piece.start + token.idx
                    kind = actor.kind if actor.kind != "other" else ""
                    yield NameMention(offset, offset + len(token.text), token.text, kind, actor.name)

    def _names_of(self, doc: "Doc", offset: int) -> Iterable[NameMention]:
        """spaCy's entities of the kinds that take part, then runs of proper nouns ("iPhone 4")."""
        taken: set[int] = set()
        for ent in doc.ents:
            kind = _kind(ent.label_, self.words)
            if kind:
                taken.update(range(ent.start, ent.end))
                yield NameMention(offset + ent.start_char, offset + ent.end_char, ent.text, kind)
        run: list["Token"] = []
        for token in [*doc, None]:
            if token is not None and token.i not in taken and (
                token.pos_ == "PROPN" or (run and token.like_num and token.head.i == run[-1].i)
            ) and (not run or token.i == run[-1].i + 1):
                run.append(token)
                continue
            if run:
                text = doc[run[0].i:run[-1].i + 1].text
                yield NameMention(offset + run[0].idx, offset + run[-1].idx + len(run[-1].text), text, "")
            run = [token] if token is not None and token.pos_ == "PROPN" and token.i not in taken else []

    def within(self, start: int, end: int) -> list[NameMention]:
        """The names (and resolved pronouns) lying inside ``[start, end)``."""
        i = bisect.bisect_left(self._starts, start)
        found = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                found.append(self.mentions[i])
            i += 1
        return found


def _resolve(mentions: list[NameMention]) -> list[NameMention]:
    """Give each name the fullest form the document uses: the first name of
    a compatible kind whose words hold all of its words, or whose initials it
    is.  A name with a company suffix ("Apple Inc.") is already full."""
    from dataclasses import replace

    suffixes = participant_words()["name_suffixes"]
    words = [name_words(m.text) for m in mentions]
    resolved = []
    for i, mention in enumerate(mentions):
        mine = set(words[i])
        best = mention
        full = any(w in suffixes for w in _WORD.findall(mention.text.casefold()))
        for j, other in enumerate(mentions):
            theirs = words[j]
            if full or not mine or len(theirs) <= len(words[i]):
                continue
            if mention.kind and other.kind and mention.kind != other.kind:
                continue
            initials = len(mine) == 1 and len(theirs) > 1 and words[i][0] == "".join(w[0] for w in theirs)
            if mine <= set(theirs) or initials:
                best = other
                break  # the first fuller name: the one that introduced it
        resolved.append(replace(mention, name=best.text, kind=mention.kind or best.kind))
    return resolved


class ParticipantFinder:
    """The participants of event words, from the parse and a document's names."""

    def __init__(self) -> None:
        self.words = participant_words()

    def participants(self, token: "Token", names: NameIndex) -> tuple[Participant, ...]:
        found: dict[tuple[str, str], Participant] = {}
        for role, argument in self._arguments(token):
            for participant in self._names_in(argument, role, names):
                found.setdefault((participant.role, participant.name), participant)
        return tuple(found.values())

    # --- the event's arguments in the parse -----------------------------------------------
    def _arguments(self, token: "Token") -> list[tuple[str, "Token"]]:
        if token.pos_ in ("NOUN", "PROPN"):
            return self._noun_arguments(token)
        found = self._verb_arguments(token)
        head, depth = token, 0
        while not any(role == "agent" or dep for role, _, dep in found) and depth < 3:
            if head.dep_ == "pcomp" and head.head.dep_ == "prep" and head.head.head != head.head:
                head = head.head.head  # "unveiled the device by walking onto the stage"
                found += [(r, a, True) for r, a, subject in self._verb_arguments(head) if subject]
            elif head.dep_ in self.words["shared_subject_deps"] and head.head != head:
                head = head.head  # "unveiled X and announced Y", "plans to sell", "While introducing X, Jobs ..."
                found += [(r, a, True) for r, a, subject in self._verb_arguments(head) if subject]
            elif head.dep_ in ("relcl", "acl") and head.head != head:  # "Apple, which sold ...", "a phone made by"
                found.append(("agent" if head.dep_ == "relcl" else "patient", head.head, True))
                break
            else:
                break
            depth += 1
        return [(role, argument) for role, argument, _ in found]

    def _verb_arguments(self, verb: "Token") -> list[tuple[str, "Token", bool]]:
        """(role, argument, whether it is the subject) of a verb's own dependents."""
        words = self.words
        found: list[tuple[str, "Token", bool]] = []
        for child in verb.children:
            if child.dep_ in words["subject_deps"]:
                found.append(("agent", child, True))
            elif child.dep_ in words["passive_subject_deps"]:
                found.append(("patient", child, True))
            elif child.dep_ in words["object_deps"]:
                found.append(("patient", child, False))
            elif child.dep_ in ("agent", "prep") and child.lower_ in words["agent_prepositions"]:
                found += [("agent", p, False) for p in child.children if p.dep_ == "pobj"]
        return found

    def _noun_arguments(self, noun: "Token") -> list[tuple[str, "Token"]]:
        words = self.words
        found: list[tuple[str, "Token"]] = []
        for child in noun.children:
            if child.dep_ == "poss":
                found.append(("agent", child))
            elif child.dep_ == "compound":
                found.append(("patient", child))
            elif child.dep_ == "prep" and (child.lower_ in words["agent_prepositions"]
                                           or child.lower_ in words["patient_prepositions"]):
                role = "agent" if child.lower_ in words["agent_prepositions"] else "patient"
                found += [(role, p) for p in child.children if p.dep_ == "pobj"]
        verb = noun.head
        if noun.dep_ in words["object_deps"] and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in words["light_verbs"]:
            # "Jobs gave his keynote", "GM posted a loss": who does the light verb does the event
            found += [(role, a) for role, a, subject in self._verb_arguments(verb) if subject]
        return found

    # --- names in an argument ---------------------------------------------------------------
    def _names_in(self, argument: "Token", role: str, names: NameIndex) -> Iterable[Participant]:
        parsed = names.parsed
        piece = parsed.piece_at(parsed.offset(argument))
        if piece is None:
            return
        phrase = self._phrase(argument)
        lo, hi = min(t.i for t in phrase), max(t.i for t in phrase)
        doc = argument.doc
        start, end = piece.start + doc[lo].idx, piece.start + doc[hi].idx + len(doc[hi].text)
        for mention in names.within(start, end):
            yield Participant(role, mention.text, mention.name or mention.text)

    def _phrase(self, head: "Token") -> list["Token"]:
        """The noun phrase of an argument, without its clauses ("Jobs, who ...")."""
        stop = self.words["phrase_stop_deps"]
        found, todo = [], [head]
        while todo:
            token = todo.pop()
            found.append(token)
            todo.extend(c for c in token.children if c.dep_ not in stop)
        return found

