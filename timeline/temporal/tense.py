"""Tense from the dependency parse: which way an underspecified date points.

"will meet on Saturday" -> the coming Saturday; "voted on Saturday" -> the
past one; "Tuesday's agreement" (a possessive) -> the past one.  The verb
governing the expression decides: its tag and its auxiliaries.  The words
involved (auxiliaries, planning verbs, deadline cues...) are in
``data/lexicon.json`` under "tense".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from timeline.nlp import ParsedText

if TYPE_CHECKING:
    from spacy.tokens import Token

PAST, UNKNOWN, FUTURE = -1, 0, 1


@dataclass(frozen=True)
class TenseWords:
    """The words tense is read from."""

    future_aux: frozenset[str] = frozenset()
    # not "could": news uses it for the past ("could not be reached") as often as for the future
    modal_future: frozenset[str] = frozenset()
    past_aux: frozenset[str] = frozenset()
    perfect_aux: frozenset[str] = frozenset()
    # "could be unsealed on Monday" points ahead; "could not be reached Monday",
    # "neither could be located", "could only count on" report the past
    modal_future_unless_negated: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    # "had filed", "'d called": the past perfect
    pluperfect_aux: frozenset[str] = frozenset()
    # "is meeting on Saturday": the present progressive points forward
    present_be: frozenset[str] = frozenset()
    # "was planned for early March": a plan told in the past
    past_be: frozenset[str] = frozenset()
    # lemmas whose present tense does not point forward ("is", "has", "says")
    present_not_future: frozenset[str] = frozenset()
    # "plans to vote on Saturday": an intention points forward
    future_predicates: frozenset[str] = frozenset()
    # "a summit set for April", "has scheduled a news conference Thursday": what is planned lies ahead
    schedule_verbs: frozenset[str] = frozenset()
    # verbs whose past is their present: a "VBP" may well be a past tense ("weakness hurt ...")
    same_past_and_present: frozenset[str] = frozenset()
    # "began on Jan. 20", "ended March 31" date the happening itself; "extended to Nov. 20" does not
    anchoring_prepositions: frozenset[str] = frozenset()
    # "as early as Tuesday", "by Friday": a deadline ahead
    future_cues: frozenset[str] = frozenset()
    # "a summit set for April": the preposition of a plan's date
    schedule_prepositions: frozenset[str] = frozenset()
    # "since taking office in January": what follows lies in the past
    since_words: frozenset[str] = frozenset()
    # "was on the team after the victory in November": what a past verb follows lies before it
    earlier_words: frozenset[str] = frozenset()
    # "a proposal to begin the trial in April": a proposal's infinitive points ahead, whatever the tense above
    proposal_heads: frozenset[str] = frozenset()
    # "plans to vote": the infinitive marker
    infinitive_markers: frozenset[str] = frozenset()
    # "have been searching since ...": a perfect progressive
    perfect_progressive_be: frozenset[str] = frozenset()
    # "Tuesday's agreement": the possessive after a date
    possessive_endings: frozenset[str] = frozenset()
    # "ahead of Tuesday's election": heads above a date that make it the nearest one
    nearest_heads: frozenset[str] = frozenset()
    # "according to a report in February": what is cited has already been published
    cited_source_heads: frozenset[str] = frozenset()
    # "waited until March", "ran until Jan. 31": a simple past of lasting with these cues is past
    lasting_verbs: frozenset[str] = frozenset()
    # "had warned lawyers after Downing made a statement": the dependencies of
    # a clause whose time lies before its head's
    earlier_clause_deps: frozenset[str] = frozenset()
    duration_cues: frozenset[str] = frozenset()
    # "Trump said on Friday he was not leaving": a telling in the simple past
    # dated by its own weekday is the story's own report, not told by another
    telling_verbs: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, data: dict[str, list[str]]) -> "TenseWords":
        return cls(**{name: frozenset(words) for name, words in data.items() if not name.startswith("_")})


class Direction(NamedTuple):
    """Which way a date without year points (PAST, UNKNOWN, FUTURE), and
    whether that comes from the verb of a clause the date is only embedded in
    through a noun phrase ("aid following the hurricanes in August")."""

    way: int
    embedded: bool = False
    # a past verb that dates the expression itself ("began on Jan. 20", "the
    # year ended March 31"): the past occurrence even when it is months away
    firm: bool = False
    # the governing verb is itself a simple past ("exchanged messages on
    # Inauguration Day"), not an infinitive, adjective or participle taking
    # its tense from above ("payable Dec. 7", "asked him to testify on Feb. 10")
    finite_past: bool = False
    # "ahead of Tuesday's election", "by Friday's deadline": the event named
    # lies on either side of the telling; a weekday is the nearest one
    nearest: bool = False
    # "had previously warned ... following the arraignment on Monday": the
    # past perfect tells a time before the one the narrative is at
    pluperfect: bool = False


_MAX_HOPS_TO_VERB = 14


def governing_verb(tokens: "list[Token]") -> "tuple[Token | None, bool]":
    """The verb (or auxiliary) the expression of ``tokens`` depends on, and
    whether the way up to it passes through another noun."""
    if not tokens:
        return None, False
    inside = {t.i for t in tokens}
    token = span_head(tokens)
    embedded = False
    # long noun chains reach their verb late: "over Trump's talk about the
    # possibility of an attack on North Korea and an April attack"
    for _ in range(_MAX_HOPS_TO_VERB):
        if token.pos_ in ("VERB", "AUX") and token.i not in inside:
            return _misattached(token, tokens) or token, embedded
        if token.head.i == token.i:
            return (token, embedded) if token.pos_ in ("VERB", "AUX") else (None, False)
        if token.i not in inside and token.pos_ in ("NOUN", "PROPN"):
            embedded = True
        token = token.head
    return None, False


def _misattached(verb: "Token", tokens: "list[Token]") -> "Token | None":
    """The verb a date the parser hung on the wrong clause belongs to:
    "said in September she would oppose" (a date between a verb and the
    subject of its reported clause, which has no "that": the telling's);
    "a committee that Murkowski chairs on Wednesday passed a bill" (a date
    closing a relative clause in the simple present, right before the verb
    its noun is the subject of: that verb's).  None when neither."""
    first, last = tokens[0].i, tokens[-1].i
    if verb.dep_ == "ccomp" and verb.head.i < first and verb.head.pos_ in ("VERB", "AUX"):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        marked = any(c.dep_ == "mark" and c.i < first for c in verb.children)
        if subject is not None and last < subject.i and not marked:
            return verb.head
    if verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") and verb.i < first \
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
            and max(t.i for t in verb.subtree) == last and verb.head.dep_ in ("nsubj", "nsubjpass"):
        main = verb.head.head
        if main.pos_ in ("VERB", "AUX") and main.i > last \
                and all(t.dep_ in ("aux", "auxpass", "neg", "advmod") for t in tokens[0].doc[last + 1:main.i]):
            return main
    return None


def premodifies_noun(tokens: "list[Token]") -> bool:
    """Whether the expression of ``tokens`` modifies a noun after it ("the
    August 1988 cease-fire") rather than dating a clause ("in August 2016")."""
    if not tokens:
        return False
    head = span_head(tokens)
    return head.dep_ in _PREMODIFIER_DEPS and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > tokens[-1].i


def month_of_a_definite_noun(tokens: "list[Token]") -> bool:
    """Whether the expression of ``tokens`` names the month of a happening the
    story takes as known: it premodifies a noun that has a determiner or a
    possessive before it ("the January meetings", "his April visit", "the
    Nov. 8 presidential election")."""
    if not tokens:
        return False
    head = span_head(tokens)
    noun = head.head
    while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i > noun.i:
        noun = noun.head  # "the January Seychelles meeting"
    if head.dep_ not in _PREMODIFIER_DEPS or noun.pos_ not in ("NOUN", "PROPN") or noun.i <= tokens[-1].i:
        return False
    return any(c.dep_ in ("det", "poss") and c.i < tokens[0].i for c in noun.children)


_PREMODIFIER_DEPS = ("compound", "nmod", "npadvmod", "amod", "nummod")


class TenseReader:
    """Which way dates point, from the verbs that govern them."""

    def __init__(self, words: TenseWords) -> None:
        self.words = words

    def direction(self, parsed: ParsedText | None, text: str, start: int, end: int) -> Direction:
        """Which way the expression at ``[start, end)`` points."""
        possessive = text[end:end + 3].startswith(tuple(self.words.possessive_endings))
        before = " ".join(text[max(0, start - 20):start].lower().split()[-3:])
        deadline = any(before == cue or before.endswith(" " + cue) for cue in self.words.future_cues)
        if parsed is None:
            return Direction(PAST if possessive else FUTURE if deadline else UNKNOWN)
        tokens = parsed.tokens(start, end)
        head = span_head(tokens) if tokens else None
        verb, embedded = governing_verb(tokens)
        if possessive and deadline:  # "would pass by Friday's deadline", "fell 2 percent by Friday's close"
            way = self.verb_direction(verb) if verb is not None else UNKNOWN
            return Direction(way, nearest=way == UNKNOWN)
        if deadline:
            # "as early as Tuesday", "by Friday": a deadline ahead, unless it is
            # told in the past perfect ("had filed reports by Wednesday") or is
            # how long something lasted ("waited until March"; not "gave Congress until March")
            if self._lasted(tokens):
                return Direction(PAST, finite_past=True)
            return Direction(PAST if verb is not None and self._past_perfect(verb) else FUTURE)
        if _inside_phrase(tokens, self.words.since_words, ("ADP", "SCONJ")):
            return Direction(PAST, firm=True)  # "since taking office on Feb. 1": always behind, up to a year back
        if _inside_phrase(tokens, self.words.cited_source_heads):
            return Direction(PAST)
        if _inside_phrase(tokens, self.words.nearest_heads):
            return Direction(UNKNOWN, nearest=True)
        if verb is None:
            return Direction(PAST if possessive else UNKNOWN)
        way = self.verb_direction(verb, date_at=tokens[0].i if tokens else -1)
        if way == PAST and verb.tag_ == "VBD" and _between(tokens, verb, self.words.earlier_words) \
                and verb.lemma_ not in self.words.schedule_verbs | self.words.future_predicates:
            # "was on the transition team after Trump's election victory in
            # November", said in October: what a simple past follows is the past one
            return Direction(PAST, embedded, firm=True, finite_past=True)
        firm = way == PAST and not embedded and verb.tag_ in ("VBD", "VBN") \
            and verb.lemma_ not in self.words.schedule_verbs \
            and _preposition(head, verb) in self.words.anchoring_prepositions
        # "will be named commander for a mission in December": an explicit future
        firm = firm or (way == FUTURE and any(c.dep_ == "aux" and c.lower_ in self.words.future_aux
                                              for c in verb.children))
        finite_past = way == PAST and verb.tag_ == "VBD" and not _through_adjective(head, verb)
        if way == PAST and month_of_a_definite_noun(tokens):
            # "a further account of the January meetings", said in December: a known
            # happening told in the past is the past one, even eleven months back (a
            # day soon ahead stays ahead: "gave no reason for the Jan. 14 deadline")
            return Direction(PAST, embedded, firm=not any(t.like_num for t in tokens), finite_past=True)
        if (possessive or embedded) and not finite_past and not firm:
            # "Tuesday's agreement", "in Thursday's meeting", "victories in the
            # elections on Tuesday should be a warning": the date belongs to a
            # noun, whose happening a present or modal verb does not place:
            # the nearest weekday, leaning to the past for a possessive (news
            # reports what happened: "follows Tuesday's declaration")
            return Direction(PAST if possessive else way, embedded, nearest=True)
        return Direction(way, embedded, firm, finite_past, pluperfect=way == PAST and self._under_past_perfect(verb))

    def told_under(self, parsed: ParsedText | None, date: tuple[int, int], teller: tuple[int, int]) -> bool:
        """Whether the expression at ``date`` is in a clause under the verb the
        expression at ``teller`` dates: "said on Friday that the vote would be
        held on Monday" (Monday is counted from that Friday, not from publication)."""
        if parsed is None:
            return False
        tokens, others = parsed.tokens(*date), parsed.tokens(*teller)
        if not tokens or not others or tokens[0].doc is not others[0].doc \
                or tokens[0].sent.start != others[0].sent.start:
            return False
        verb, _ = governing_verb(tokens)
        told, embedded = governing_verb(others)
        if verb is None or told is None or embedded or verb.i == told.i \
                or (verb.tag_ == "VBD" and verb.lemma_ in self.words.telling_verbs):
            return False
        teller_words = {t.i for t in others}
        token = verb  # up to the telling verb, never through a conjunct ("touring Thursday and meeting Friday")
        for _ in range(_MAX_HOPS_TO_VERB):
            if token.dep_ == "conj" or token.head.i == token.i:
                return False
            token = token.head
            if token.i in teller_words:
                return False  # "dated Nov. 28, which was seen on Monday": a clause the parser hung on the date
            if token.i == told.i:
                return True
            if token.tag_ == "VBD" and token.lemma_ in self.words.telling_verbs:
                return False  # "but Trump said on Friday he was not leaving": a telling of its own
        return False

    def verb_direction(self, verb: "Token", depth: int = 0, date_at: int = -1) -> int:
        """PAST, FUTURE or UNKNOWN for a verb token, from its tag and auxiliaries;
        a participle without finite auxiliaries ("before being fired in
        February") takes the tense of the verb it depends on."""
        own = self._own_direction(verb, date_at)
        if own == UNKNOWN and depth < 3 and verb.tag_ in ("VBG", "VBN") \
                and not any(c.dep_ in ("aux", "auxpass") and c.tag_ not in ("VBG", "VBN") for c in verb.children):
            above = _verb_above(verb)  # "Since leaving office in January, he has ..."
            if above is not None:
                return self.verb_direction(above, depth + 1)
        return own

    def _own_direction(self, verb: "Token", date_at: int = -1) -> int:
        """``date_at``: the token index of the date in the verb's sentence (-1: not known)."""
        w = self.words
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes}
        if words & w.future_aux:
            return FUTURE
        if verb.lemma_ in w.schedule_verbs and not words & w.pluperfect_aux \
                and any(c.dep_ == "dobj" for c in verb.children):
            return FUTURE  # "has scheduled a news conference Thursday": what is planned lies ahead
        if verb.tag_ == "VBG" and words & w.present_be:
            return FUTURE  # "is meeting on Saturday"
        if verb.lemma_ in w.schedule_verbs and verb.tag_ == "VBN" and words & w.past_be \
                and any(c.lower_ in w.schedule_prepositions for c in verb.children):
            return UNKNOWN  # "the accession was planned for early March": the plan is past, not its date
        if words & w.past_aux or verb.tag_ == "VBD":
            return PAST
        if words & w.perfect_aux and (verb.tag_ == "VBN" or words & w.perfect_progressive_be):
            return PAST  # "has fallen", "have been searching since ..."
        if words & w.modal_future:
            return FUTURE
        if any(a.lower_ in w.modal_future_unless_negated and a.i < date_at for a in auxes) and not self._negated(verb):
            return FUTURE  # the date in the clause the modal opens: "could be set on Monday"
        if verb.tag_ == "VBP" and verb.lower_ in w.same_past_and_present:
            return UNKNOWN  # "weakness hurt the index on Friday": the tagger cannot tell the tense
        if verb.tag_ in ("VBZ", "VBP"):
            return FUTURE if verb.lemma_ not in w.present_not_future else UNKNOWN
        if verb.tag_ in ("VB", "VBN") and any(a.lower_ in w.infinitive_markers for a in auxes):
            # "plans to vote on Saturday", "was expected to be unveiled on Thursday":
            # the intention points forward unless it was in the past
            if verb.dep_ == "acl" and verb.head.lemma_ in w.proposal_heads:
                return FUTURE  # "an openness to a proposal to begin the trial in April": ahead
            governor = _verb_above(verb)
            if governor is not None and self._past_perfect(governor):
                return PAST  # "had been scheduled to expire Friday": that time has passed
            # "plans to", "was expected to", "was due to" (the adjective's copula governs)
            if governor is None or governor.lemma_ in w.future_predicates or verb.head.lemma_ in w.future_predicates:
                return FUTURE
            return self.verb_direction(governor) or FUTURE
        if verb.tag_ == "VBN" and not auxes:
            if verb.lemma_ in w.schedule_verbs and any(c.lower_ in w.schedule_prepositions for c in verb.children):
                # "a summit set for April", "talks scheduled for Monday"; but "a
                # service planned for Saturday was canceled" is told in the past
                # (what was planned is the subject of a past verb; not in "a
                # prelude to a ceremony set for Thursday, he added")
                above = _verb_above(verb)
                told_past = above is not None and verb.head.dep_ in ("nsubj", "nsubjpass") \
                    and self._own_direction(above) == PAST
                return PAST if told_past else FUTURE
            return PAST  # "the decision, announced Wednesday, ..."
        return UNKNOWN

    def _lasted(self, tokens: "list[Token]") -> bool:
        """"waited until March", "ran until Jan. 31": the simple past of a verb
        of lasting right before "until" tells how long it lasted, not a deadline."""
        if not tokens or tokens[0].i < 2:
            return False
        doc = tokens[0].doc
        cue, verb = doc[tokens[0].i - 1], doc[tokens[0].i - 2]
        return cue.lower_ in self.words.duration_cues and verb.tag_ == "VBD" and verb.lemma_ in self.words.lasting_verbs

    def _negated(self, verb: "Token") -> bool:
        """"could not be reached", "neither he nor she could be located",
        "could only count on": a negation or restriction on the verb or its subject."""
        for child in verb.children:
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in self.words.negations):
                return True
            if child.dep_ in ("nsubj", "nsubjpass") and any(t.lower_ in self.words.negations for t in child.subtree):
                return True
        return False

    def _under_past_perfect(self, verb: "Token") -> bool:
        """A past verb in the past perfect or in a clause that tells what came
        before one ("had warned lawyers after Downing made a statement")."""
        for _ in range(3):
            if self._past_perfect(verb):
                return True
            above = _verb_above(verb) if verb.dep_ in self.words.earlier_clause_deps else None
            if above is None:
                return False
            verb = above
        return False

    def _past_perfect(self, verb: "Token") -> bool:
        """"had filed", "had not called": a verb in the past perfect (or one
        depending on such a verb through a participle or infinitive)."""
        for _ in range(3):
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in self.words.pluperfect_aux for c in verb.children):
                return True
            above = _verb_above(verb) if verb.tag_ in ("VBG", "VBN", "VB") else None
            if above is None:
                return False
            verb = above
        return False


def span_head(tokens: "list[Token]") -> "Token":
    """The token of a span whose head lies outside it."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])


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


def _through_adjective(head: "Token | None", verb: "Token") -> bool:
    """Whether the way up from the expression (its ``head``) to ``verb`` passes
    an adjective ("a dividend, payable Dec. 7"): the adjective, not the verb,
    places the date."""
    token = head
    for _ in range(8):
        if token is None or token.i == verb.i or token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ == "ADJ":
            return True
    return False


def _preposition(head: "Token | None", verb: "Token") -> str | None:
    """The preposition by which the expression (its ``head``) depends on
    ``verb`` ("" for none: "ended March 31"); None when it depends on it
    through other words."""
    if head is None:
        return None
    if head.head == verb:
        return ""
    if head.dep_ == "pobj" and head.head.head == verb:
        return head.head.lower_
    return None


def _between(tokens: "list[Token]", verb: "Token", words: frozenset[str]) -> bool:
    """Whether one of ``words`` (a preposition or conjunction) is among the
    heads on the way up from the expression to its governing ``verb``."""
    token = tokens[0]
    for _ in range(_MAX_HOPS_TO_VERB):
        if token.head.i == token.i or token.head.i == verb.i:
            return token.lower_ in words and token.pos_ in ("ADP", "SCONJ")
        token = token.head
        if token.lower_ in words and token.pos_ in ("ADP", "SCONJ"):
            return True
    return False


def _inside_phrase(tokens: "list[Token]", words: frozenset[str], pos: tuple[str, ...] = ()) -> bool:
    """Whether one of ``words`` (of part of speech ``pos``, any when empty)
    is among the heads above the expression: "since taking office in
    January", "ahead of congressional testimony on Thursday"."""
    token = tokens[0] if tokens else None
    for _ in range(6):
        if token is None or token.head == token:
            return False
        token = token.head
        if token.lower_ in words and (not pos or token.pos_ in pos):
            return True
    return False
