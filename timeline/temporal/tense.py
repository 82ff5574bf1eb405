"""Tense from the dependency parse: which way an underspecified date points.

"will meet on Saturday" -> the coming Saturday; "voted on Saturday" -> the
past one; "Tuesday's agreement" (a possessive) -> the past one.  The verb
governing the expression decides: its tag and its auxiliaries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.nlp import ParsedText

if TYPE_CHECKING:
    from spacy.tokens import Token

PAST, UNKNOWN, FUTURE = -1, 0, 1
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "going", "gon"})
_MODAL_FUTURE = frozenset({"would", "could", "may", "might", "should", "must", "can", "ca"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "'d"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "'s"})
_FUTURE_PREDICATES = frozenset({"expect", "plan", "schedule", "set", "due", "hope", "intend", "aim", "want",
                                "prepare", "seek", "try", "agree", "promise", "threaten", "vow", "decide"})


def governing_verb(parsed: ParsedText, start: int, end: int) -> "Token | None":
    """The verb (or auxiliary) the expression at ``[start, end)`` depends on."""
    tokens = parsed.tokens(start, end)
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    token = head
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.i not in inside:
            return token
        if token.head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def verb_direction(verb: "Token") -> int:
    """PAST, FUTURE or UNKNOWN for a verb token, from its tag and auxiliaries."""
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
        governor = verb.head
        if governor is not verb and governor.lemma_ in _FUTURE_PREDICATES:
            return FUTURE
        return verb_direction(governor) if governor is not verb and governor.pos_ in ("VERB", "AUX") else FUTURE
    if verb.tag_ == "VBN" and verb.head is not verb and verb.dep_ in ("acl", "relcl"):
        return PAST
    return UNKNOWN


def direction(parsed: ParsedText | None, text: str, start: int, end: int) -> int:
    """Which way the expression at ``[start, end)`` points."""
    tail = text[end:end + 3]
    if tail.startswith(("'s", "\u2019s", " s ")):
        return PAST  # "Tuesday's agreement": news reports what happened
    if parsed is None:
        return UNKNOWN
    verb = governing_verb(parsed, start, end)
    if verb is None:
        return UNKNOWN
    return verb_direction(verb)
