"""Tense from the dependency parse: which way an underspecified date points.

"will meet on Saturday" -> the coming Saturday; "voted on Saturday" -> the
past one; "Tuesday's agreement" (a possessive) -> the past one.  The verb
governing the expression decides: its tag and its auxiliaries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from timeline.nlp import ParsedText

if TYPE_CHECKING:
    from spacy.tokens import Token

PAST, UNKNOWN, FUTURE = -1, 0, 1
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "going", "gon"})
_MODAL_FUTURE = frozenset({"would", "may", "might", "should", "must", "can", "ca"})
# "could not be reached": news uses "could" for the past as often as for the future
_PAST_AUX = frozenset({"was", "were", "had", "did", "'d"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "'s"})
_FUTURE_PREDICATES = frozenset({"expect", "plan", "schedule", "set", "due", "hope", "intend", "aim", "want",
                                "prepare", "seek", "try", "agree", "promise", "threaten", "vow", "decide"})


class Direction(NamedTuple):
    """Which way a date without year points (PAST, UNKNOWN, FUTURE), and
    whether that comes from the verb of a clause the date is only embedded in
    through a noun phrase ("aid following the hurricanes in August")."""

    way: int
    embedded: bool = False


def governing_verb(parsed: ParsedText, start: int, end: int) -> "tuple[Token | None, bool]":
    """The verb (or auxiliary) the expression at ``[start, end)`` depends on,
    and whether the way up to it passes through another noun."""
    tokens = parsed.tokens(start, end)
    if not tokens:
        return None, False
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    token = head
    embedded = False
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.i not in inside:
            return token, embedded
        if token.head.i == token.i:
            return (token, embedded) if token.pos_ in ("VERB", "AUX") else (None, False)
        if token.i not in inside and token.pos_ in ("NOUN", "PROPN"):
            embedded = True
        token = token.head
    return None, False


def verb_direction(verb: "Token", depth: int = 0) -> int:
    """PAST, FUTURE or UNKNOWN for a verb token, from its tag and auxiliaries;
    a participle without auxiliaries takes the tense of the verb it depends on."""
    own = _own_direction(verb)
    if own == UNKNOWN and depth < 3 and verb.tag_ in ("VBG", "VBN") \
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        above = _verb_above(verb)  # "Since leaving office in January, he has ..."
        if above is not None:
            return verb_direction(above, depth + 1)
    return own


def _own_direction(verb: "Token") -> int:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return FUTURE
    if verb.tag_ == "VBG" and words & {"is", "are", "'s", "'re", "am"}:
        return FUTURE  # "is meeting on Saturday"
    if words & _PAST_AUX or verb.tag_ == "VBD":
        return PAST
    if words & _PERFECT_AUX and verb.tag_ == "VBN":
        return PAST
    if words & _MODAL_FUTURE:
        return FUTURE
    if verb.tag_ in ("VBZ", "VBP"):
        return FUTURE if verb.lemma_ not in ("be", "have", "say") else UNKNOWN
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        # "plans to vote on Saturday": the intention points forward unless it was in the past
        governor = _verb_above(verb)
        if governor is None or governor.lemma_ in _FUTURE_PREDICATES:
            return FUTURE
        return verb_direction(governor) or FUTURE
    if verb.tag_ == "VBN" and not auxes:
        return PAST  # "the decision, announced Wednesday, ..."
    return UNKNOWN


def _verb_above(token: "Token") -> "Token | None":
    """The nearest verb or auxiliary among the heads of ``token`` (or their auxiliaries)."""
    current = token
    for _ in range(4):
        if current.head == current:  # spaCy makes a new Token per access: never `is`
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
        aux = next((c for c in current.children if c.dep_ in ("aux", "auxpass", "cop")), None)
        if aux is not None and current.pos_ == "ADJ":
            return aux  # "had been due to expire Friday": the copula carries the tense
    return None


def direction(parsed: ParsedText | None, text: str, start: int, end: int,
              future_cues: frozenset[str] = frozenset()) -> Direction:
    """Which way the expression at ``[start, end)`` points."""
    tail = text[end:end + 3]
    if tail.startswith(("'s", "\u2019s", " s ")):
        return Direction(PAST)  # "Tuesday's agreement": news reports what happened
    before = " ".join(text[max(0, start - 20):start].lower().split()[-3:])
    if any(before == cue or before.endswith(" " + cue) for cue in future_cues):
        return Direction(FUTURE)  # "as early as Tuesday", "by Friday": a deadline ahead
    if parsed is None:
        return Direction(UNKNOWN)
    if _inside_since_clause(parsed, start, end):
        return Direction(PAST)  # "since taking office in January"
    verb, embedded = governing_verb(parsed, start, end)
    if verb is None:
        return Direction(UNKNOWN)
    return Direction(verb_direction(verb), embedded)


def _inside_since_clause(parsed: ParsedText, start: int, end: int) -> bool:
    tokens = parsed.tokens(start, end)
    token = tokens[0] if tokens else None
    for _ in range(6):
        if token is None or token.head == token:
            return False
        token = token.head
        if token.lower_ == "since" and token.pos_ in ("ADP", "SCONJ"):
            return True
    return False
