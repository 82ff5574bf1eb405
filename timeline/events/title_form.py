"""The form of a title: its parts at each length they may take, the order
in which a long title gives them up, how the words read as text, and the
form rules a title must not break (too short, a bare pronoun first, a
reporting verb last, a cut verb, a noun that names no one)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.events.clause_roles import RELATIVE_TAGS
from timeline.events.lexicon import Lexicon
from timeline.events.verb_forms import bare_participle, lemma_form

if TYPE_CHECKING:
    from spacy.tokens import Token


# what a word cut from the rest of its quotation must not lack (see waiting)
_AWAITED = frozenset({"dobj", "pobj", "attr", "acomp", "xcomp", "ccomp", "oprd"})
# what a verb at a title's end leaves out when the title cut it ("President Trump in June made")
_AWAITED_BY_VERB = frozenset({"dobj", "ccomp", "xcomp", "attr"})
# words a cut quotation never ends with ("the", "of", "and", "to", "is")
FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX"})

MAX_TITLE_WORDS = 14
# a shorter title says too little to be read alone ("Trump", "Pentagon said")
MIN_TITLE_WORDS = 4
# the order in which a long title gives up words: a step of rank r is taken
# before any step of a higher rank (complement first, the content of a report last)
(DROP_COMPLEMENT, SHORT_OBJECT, SHORT_SUBJECT, SHORT_CONTENT,
 CORE_OBJECT, CORE_SUBJECT, DROP_CONTENT) = range(1, 8)


@dataclass(slots=True)
class Part:
    """A piece of a headline (subject, verb group, object ...): its words at
    each length it may take, fullest first, with the rank of each shortening."""

    levels: list[tuple[int, list["Token"]]]
    level: int = 0
    # the clause's first complement, which a governing clause may replace
    complement: bool = False

    @property
    def words(self) -> list["Token"]:
        return self.levels[self.level][1]

    def next_rank(self) -> int | None:
        return self.levels[self.level + 1][0] if self.level + 1 < len(self.levels) else None



class TitleText:
    """The words of a title's parts as text, shortened by rank until they fit."""

    def __init__(self, words: Lexicon) -> None:
        self.words = words
        self.possessive = sorted(words.grammar["possessive_endings"])[0]

    def headline(self, parts: list[Part], trigger: "Token", names: dict[int, str]) -> str:
        """The parts in order, shortened by rank until the title fits."""
        while len(self.render(ordered_words(parts), trigger, names).split()) > MAX_TITLE_WORDS:
            ranked = [(rank, k) for k, p in enumerate(parts) if (rank := p.next_rank()) is not None]
            if not ranked:
                break
            parts[min(ranked)[1]].level += 1
        ordered = ordered_words(parts)
        while len(self.render(ordered, trigger, names).split()) > MAX_TITLE_WORDS:
            # nothing left to shorten: keep the words closest to the trigger
            farthest = max(ordered, key=lambda t: abs(t.i - trigger.i))
            ordered = [t for t in ordered if t is not farthest]
            # never cut mid-phrase: not after a modifier whose noun went, nor a function word
            # ("... to own larger number of local" -> "... to own larger number")
            while len(ordered) > MIN_TITLE_WORDS and ordered[-1].i > trigger.i and (
                    ordered[-1].is_punct or ordered[-1].pos_ in FUNCTION_POS or waiting(ordered[-1], ordered)):
                ordered = ordered[:-1]
        ordered = without_cut_gerund(ordered)
        return self.render(ordered, trigger, names | self.unaddressed(ordered))

    def unaddressed(self, ordered: list["Token"]) -> dict[int, str]:
        """A verb that needs its audience, printed as the plain reporting verb
        when the title left the audience out ("Lu Kang told a regular news
        briefing he was not aware" -> "Lu Kang said he was not aware")."""
        grammar = self.words.grammar
        held = {t.i for t in ordered}
        plain = min(grammar["plain_reporting_verb"])
        return {
            t.i: lemma_form(plain, t.tag_, self.words) for t in ordered
            if t.lemma_.lower() in grammar["audience_verbs"]
            and any(c.dep_ in ("dobj", "dative") and c.i not in held for c in t.children)
        }

    def render(self, ordered: list["Token"], trigger: "Token", names: dict[int, str]) -> str:
        ordered = [t for t in ordered if names.get(t.i) != ""]  # a word its name replaces ("that" of "that panel")
        while ordered and (ordered[0].is_punct or ordered[0].dep_ in ("cc", "case", "prep")
                           or ordered[0].tag_ in RELATIVE_TAGS):
            ordered = ordered[1:]
        while ordered and (ordered[-1].is_punct or ordered[-1].dep_ in ("cc", "prep", "det")):
            ordered = ordered[:-1]
        parts_text: list[str] = []
        for k, token in enumerate(ordered):
            text = names.get(token.i) or self.token_text(token)
            if k and token.is_sent_start and token.pos_ != "PROPN" and token.text[1:].islower():
                text = text.lower()  # "Rosenstein testifying before", not "Rosenstein Testifying"
            parts_text.append(text)
            following = ordered[k + 1] if k + 1 < len(ordered) else None
            if following is not None:
                adjacent = following.i == token.i + 1
                glued = following.tag_ == "POS" and adjacent
                parts_text.append("" if glued else token.whitespace_ if adjacent else " ")
        title = "".join(parts_text).strip() or trigger.text
        return title[0].upper() + title[1:]

    def token_text(self, token: "Token") -> str:
        """The token as a title shows it: a possessive whose apostrophe the
        source lost ("Korea s") gets it back."""
        if token.tag_ == "POS" and token.lower_ in self.words.grammar["stripped_possessives"]:
            return self.possessive
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if token.text.count("(") > token.text.count(")") and following is not None and following.text == ")":
            return token.text + ")"  # "401(k" + ")": the parenthesis the title would lose
        return token.text


def title_faults(title: str, words: Lexicon) -> int:
    """How many of the form rules a title breaks: fewer than four words, a
    bare pronoun first ("He said"), a reporting verb last ("Pentagon said").
    Of several titles of one happening, the one with fewest reads best."""
    grammar = words.grammar
    tokens = title.lower().split()
    pronouns = grammar["speaker_pronouns"] | grammar["resolvable_pronouns_person"] | \
        grammar["resolvable_pronouns_plural"] | grammar["resolvable_pronouns_thing"]
    return (len(tokens) < MIN_TITLE_WORDS) + bool(tokens and tokens[0] in pronouns) + bool(
        tokens and tokens[-1] in grammar["reporting_verb_forms"])


def nameless_noun(parts: list[Part], trigger: "Token", date: set[int]) -> int:
    """1 for a noun event's title that names no one and says nothing done
    ("Collapse of years-long push", "Bail hearing"): thin for a reader, who
    is better told the clause that governs it; else 0."""
    words = [t for p in parts for t in p.words]
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger not in words:
        return 0
    acting = any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in words)
    named = any((t.pos_ == "PROPN" or t.dep_ == "poss") and t.i not in date for t in words)  # not "July's"
    return int(not acting and not named)


def dangling(parts: list[Part], skip: set[int]) -> int:
    """1 for a title that ends in a verb whose object or clause it leaves out
    ("President Trump in June made") or opens with a tensed verb, its subject
    lost ("Had only nominal balances"): cut for a reader; else 0."""
    words = ordered_words(parts)
    # "Launching one over Japan": a participle opening a title names no one either
    if words and (words[0].tag_ in ("VBD", "VBZ", "VBP", "MD") or bare_participle(words[0])):
        return 1
    if not words or words[-1].pos_ != "VERB":
        return 0
    return int(_object_left_out(words[-1], {t.i for t in words} | skip))


def _object_left_out(verb: "Token", kept_or_skipped: set[int]) -> bool:
    """Whether an object or clause after ``verb`` is neither in the title nor skipped."""
    return any(c.dep_ in _AWAITED_BY_VERB and c.i > verb.i and c.i not in kept_or_skipped for c in verb.children)


def without_cut_gerund(ordered: list["Token"]) -> list["Token"]:
    """A title shortened to end in a gerund whose object or clause went
    ("released its rules for deciding", of "for deciding whether to disclose
    flaws") loses the gerund's phrase: the rules, not a cut."""
    if len(ordered) <= MIN_TITLE_WORDS:
        return ordered
    last, held = ordered[-1], {t.i for t in ordered}
    if last.tag_ != "VBG" or last.dep_ != "pcomp" or last.head.i not in held or not _object_left_out(last, held):
        return ordered
    shorter = [t for t in ordered if t.i < last.head.i]
    return shorter if len(shorter) >= MIN_TITLE_WORDS else ordered


def in_sentence_order(parts: list[Part], verb: "Token") -> list[Part]:
    """The parts after the verb's in the order of the sentence: objects and
    complements are not swapped ("objected to the Republicans' refusal", not
    "objected refusal ... to Republicans"), whatever the parser hung where."""
    pivot = next((k for k, p in enumerate(parts) if verb in p.levels[0][1]), None)
    if pivot is None:
        return parts
    def start(part: Part) -> int:  # where the part begins after the verb (a content's subject may be
        # before); an object all before it comes first ("Virginia, which Clinton won" -> "won Virginia"),
        # a complement last ("In one exchange they poked fun" -> "poked fun in one exchange")
        return min((t.i for t in part.levels[0][1] if t.i > verb.i), default=len(verb.doc) if part.complement else -1)

    after = sorted(parts[pivot + 1:], key=start)
    return [*parts[:pivot + 1], *after]


def stepwise_levels(parts: list[Part]) -> list[tuple[int, list["Token"]]]:
    """The words of a clause's parts at each shortening step, in the order a
    title takes them (a reported clause keeps its object while its
    complement goes: "said inflexibility on the part of the United States was
    to blame", not at once "said inflexibility was to blame")."""
    parts = [Part(p.levels, p.level, p.complement) for p in parts]
    levels = [(0, ordered_words(parts))]
    while True:
        ranked = [(rank, k) for k, p in enumerate(parts) if (rank := p.next_rank()) is not None]
        if not ranked:
            return levels
        rank, k = min(ranked)
        parts[k].level += 1
        words = ordered_words(parts)
        if words:
            levels.append((max(rank, levels[-1][0]), words))


def ordered_words(parts: list[Part]) -> list["Token"]:
    """The words of the parts, part after part, each part in text order, once."""
    ordered: list[Token] = []
    seen: set[int] = set()
    for part in parts:
        for token in sorted(part.words, key=lambda t: t.i):
            if token.i not in seen:
                seen.add(token.i)
                ordered.append(token)
    return ordered


def waiting(token: "Token", kept: list["Token"]) -> bool:
    """Whether a quotation cut after ``token`` would leave it waiting for
    what follows: its head (a modifier before its noun: "a Liberal") or its
    object or complement."""
    held = {t.i for t in kept}
    if token.head.i > token.i and token.head.i not in held:
        return True
    awaited = _AWAITED - {"xcomp"} if token.tag_ in ("VBN", "JJ") else _AWAITED  # "were thrilled" reads whole
    return any(c.i > token.i and c.i not in held and c.dep_ in awaited for c in token.children)
