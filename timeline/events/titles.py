"""An event's headline built from the parse: who did what to whom, the
verb group, its object and first short complement (and what a statement
says), shortened phrase by phrase until it fits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.events.clause_roles import (
    RELATIVE_TAGS, SUBJECTS, VERB_GROUP, acting_it, antecedent_noun, controller_of, cut_report, heading_subject,
    is_url, misparsed_name, nominal_conjunct, reduced_passive, subject_of, subjects_of,
)
from timeline.events.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from timeline.events.actors import ActorIndex


MAX_TITLE_WORDS = 14
# a shorter title says too little to be read alone ("Trump", "Pentagon said")
MIN_TITLE_WORDS = 4
# a wire service's tag before its headline ("UPDATE 2-", "EXCLUSIVE-")
_HEADLINE_TAG = re.compile(r"^(?:[A-Z]+(?: \d+)?-)+")
# a headline is about a sentence when they share two words of this length
_SHARED_WORD_CHARS = 4
# modifiers kept in a compact noun phrase ("Chinese President Xi Jinping")
_NOUN_MODIFIERS = frozenset({"compound", "amod", "nummod", "poss", "case", "nmod", "quantmod", "neg", "npadvmod"})
# the modifiers of a name kept when a title must be shortened ("President Donald Trump")
_CORE_MODIFIERS = frozenset({"compound", "nmod", "nummod", "neg", "amod"})
_OBJECTS = ("dobj", "dative", "attr", "oprd", "acomp")
# dependents of the verb group shown in a headline ("did not disrupt")
# a name with more words than this is shortened to the name itself
# ("Chief of Staff John Kelly" -> "John Kelly"; "Ways and Means Committee" stays)
_LONG_NAME_WORDS = 4
# quote marks around at most this many words name something, they quote no one
_SCARE_QUOTE_WORDS = 3
# the order in which a long title gives up words: a step of rank r is taken
# before any step of a higher rank (complement first, the content of a report last)
(_DROP_COMPLEMENT, _SHORT_OBJECT, _SHORT_SUBJECT, _SHORT_CONTENT,
 _CORE_OBJECT, _CORE_SUBJECT, _DROP_CONTENT) = range(1, 8)
# how far up the parse a noun event looks for the clause that governs it
_GOVERNING_STEPS = 4


@dataclass(slots=True)
class _Part:
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


class Titler:
    """Headlines of events from their trigger word in the parse."""

    def __init__(self, words: Lexicon) -> None:
        self.words = words
        self._possessive = sorted(words.grammar["possessive_endings"])[0]

    def title(self, trigger: "Token", skip: set[int], actors: "ActorIndex | None" = None) -> str:
        """A headline for the event: subject, verb group, object, first short
        complement (and what a statement says), shortened phrase by phrase;
        with ``actors``, a pronoun or description ("he", "the company") is
        replaced by the participant the article names."""
        date = set(skip)
        skip = skip | self._dateline(trigger)
        quotation = self._quotation_title(trigger, skip)
        if quotation is not None:
            return quotation
        parts = self._parts(trigger, skip)
        title = self._built(parts, trigger, actors)
        faults = title_faults(title, self.words) + _nameless_noun(parts, trigger, date) + _dangling(parts, skip)
        if not faults:
            return title
        # a title that breaks a form rule ("Bail hearing", "Paul dropped", "Trump took
        # office"): the clause that governs the trigger, then either with its date
        alternatives = (
            lambda: self._governing_parts(trigger, skip),
            lambda: self._parts(trigger, skip - date),
            lambda: self._governing_parts(trigger, skip - date),
            lambda: self._whole_clause(trigger, skip),
        )
        reports = trigger.lemma_.lower() in self.words.reporting_verbs
        # a date that names a time ("next week", "in 2016"; "in the past" says nothing)
        named_date = any(t.pos_ in ("PROPN", "NUM", "NOUN") and t.lower_ not in self.words.grammar["vague_time_nouns"]
                         for t in trigger.doc if t.i in date)
        for k, alternative in enumerate(alternatives):
            if k and (reports or not named_date):
                continue  # "said on Thursday" says no more than "said"
            parts = alternative()
            if not parts:
                continue
            candidate = self._built(parts, trigger, actors)
            candidate_faults = title_faults(candidate, self.words) + _nameless_noun(parts, trigger, date) \
                + _dangling(parts, skip)
            if candidate_faults < faults:
                title, faults = candidate, candidate_faults
            if not faults:
                break
        return title

    def _quotation_title(self, trigger: "Token", skip: set[int]) -> str | None:
        """A statement whose content is only a quotation, as an editor heads it:
        the named speaker and the quotation's first words up to a pause
        (“Frankly, I am appalled by the allegations,” Baker told reporters ->
        'Baker: “Frankly, I am appalled by the allegations”'); none for a
        statement with a content clause or a quotation too long to cut there."""
        verb = trigger
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "pobj":
            verb = trigger.head.head  # "said in a statement"
        if verb.lemma_.lower() not in self.words.reporting_verbs or verb.pos_ != "VERB":
            return None
        if self._reported(verb, skip) is not None or self._preceding_report(verb, skip) is not None:
            return None
        speaker = self._subject(verb, skip, resolve=True)
        if speaker is None or speaker.pos_ not in ("PROPN", "NOUN") or speaker.i in self._quoted(verb.sent):
            return None
        words = self._quotation(verb)
        if words is None:
            return None
        name = self._render(sorted(self._noun_core(speaker, skip), key=lambda t: t.i), trigger, {})
        opening, closing = sorted(self.words.grammar["headline_quote_marks"])
        return f"{name}: {opening}{words}{closing}"

    def posted_title(self, author: str | None, words: list["Token"]) -> str | None:
        """A posted item ("@realDonaldTrump : - I fulfilled my campaign promise
        - others didn't! [0036 EST]") headed as an editor quotes a post:
        'author: “its first words up to a pause”'; None when those words do
        not fit a title or no author is named."""
        grammar = self.words.grammar
        words = [t for t in words if not t.is_space and t.text not in grammar["quote_marks"]]
        end = next((k for k, t in enumerate(words) if k >= MIN_TITLE_WORDS - 1 and t.text in
                    grammar["quotation_pauses"]), len(words))
        kept = words[:end]
        while kept and kept[-1].is_punct:
            kept = kept[:-1]
        if author is None or not kept:
            return None
        # a long first sentence is quoted in part, its cut marked as an editor marks it
        cut = len([t for t in kept if not t.is_punct]) > MAX_TITLE_WORDS - 2
        if cut:
            kept = kept[:MAX_TITLE_WORDS - 2]
            while kept and (kept[-1].is_punct or kept[-1].is_stop):
                kept = kept[:-1]
        opening, closing = sorted(grammar["headline_quote_marks"])
        quoted = kept[0].doc[kept[0].i:kept[-1].i + 1].text + (" " + min(grammar["quotation_cut"]) if cut else "")
        return f"{author}: {opening}{quoted}{closing}"

    def _quotation(self, verb: "Token") -> str | None:
        """The first words of the quotation the reporting verb closes (“...,” X
        said) or opens (X said: “...”), up to the first pause after four
        words, if that is at most a title's length."""
        grammar = self.words.grammar
        sentence = verb.sent
        marks = [t.i for t in sentence if t.text in grammar["quote_marks"]]
        doc = verb.doc
        for opening, close in zip(marks[::2], [*marks[1::2], sentence.end]):
            inside = [t for t in doc[opening + 1:close]]
            before = close < verb.i and all(t.is_punct or t.i in {c.i for c in verb.subtree}
                                            for t in doc[close + 1:verb.i])
            after = opening > verb.i and doc[opening - 1].text in grammar["quotation_openers"]
            if not inside or not (before or after):
                continue
            end = next((k for k, t in enumerate(inside) if k >= MIN_TITLE_WORDS and t.text in
                        grammar["quotation_pauses"]), len(inside))
            kept = inside[:end]
            while kept and kept[-1].is_punct:
                kept = kept[:-1]
            if MIN_TITLE_WORDS <= len([t for t in kept if not t.is_punct]) <= MAX_TITLE_WORDS - 2:
                return doc[kept[0].i:kept[-1].i + 1].text
            return None
        return None

    def _whole_clause(self, verb: "Token", skip: set[int]) -> list[_Part]:
        """The verb's whole clause with its subject, in the sentence's order,
        without articles, punctuation or a subordinator: a deletion-only
        compression that cannot garble, if it fits a title ("President Trump
        made his statement ending Obama's policy")."""
        if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for a in verb.ancestors for c in a.children):
            return []  # "does not expect a rally to continue": never without the denial above it
        subject = subject_of(verb, skip, self.words)
        own = {t.i for t in subject.subtree} if subject is not None else set()
        grammar = self.words.grammar
        held = {t.i for t in verb.subtree} | own
        # not "MEDICAL EXPENSES: Temporarily expands": a subject the parse gave it that is none
        held -= {t.i for c in verb.children if c.dep_ in SUBJECTS and c is not subject for t in c.subtree}
        words = [t for t in verb.doc if t.i in held and t.i not in skip and not is_url(t)
                 and not (t.is_punct and t.text not in grammar["title_punctuation"])
                 and not (t.dep_ == "det" and t.lower_ in grammar["articles"])
                 and not (t.dep_ == "mark" and t.head.i == verb.i) and t.tag_ not in RELATIVE_TAGS
                 and not (t.dep_ == "prep" and all(c.i in skip for c in t.children))]  # "in [June]"
        quoted = self._quoted(verb.sent)
        if not MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS or len({t.i in quoted for t in words}) > 1:
            return []  # too long, or a quotation run into the words around it
        # the subject apart: only its words are named ("his statement" later stays)
        opening = [t for t in words if t.i in own]
        return [_Part([(0, opening)]), _Part([(0, [t for t in words if t not in opening])])]

    def _parts(self, trigger: "Token", skip: set[int]) -> list[_Part]:
        predicate = misparsed_name(trigger, skip)
        if predicate is not None:  # "Trump on Thursday nominated": "Trump" is the subject, not a verb
            return [_Part([(0, [trigger])]), *self._clause_parts(predicate, skip, report=True)]
        if trigger.pos_ in ("VERB", "AUX", "ADJ"):
            return self._clause_parts(trigger, skip, report=True)
        return self._noun_parts(trigger, skip)

    def _built(self, parts: list[_Part], trigger: "Token", actors: "ActorIndex | None") -> str:
        names = self._names(parts, actors) if actors is not None else {}
        return self._headline(parts, trigger, names)

    def _governing_parts(self, trigger: "Token", skip: set[int]) -> list[_Part]:
        """The clause of the nearest verb above the trigger that has a subject,
        holding the trigger's phrase ("Jackson set bail hearing", "Moore was
        accused by woman of initiating sexual encounter"); none when no verb
        above it has one."""
        if trigger.head == trigger or (trigger.pos_ in ("VERB", "AUX") and trigger.dep_ not in ("pcomp", "xcomp")):
            # a clause of its own: the one above tells another happening; not so
            # "accused of initiating", "keep the government operating"
            return []
        verb = trigger.head
        chain: list[Token] = []  # the prepositions between verb and trigger ("during visit")
        for _ in range(_GOVERNING_STEPS):
            if verb.i in skip:
                return []
            if verb.pos_ in ("VERB", "AUX") and subject_of(verb, skip, self.words) is not None:
                break
            if verb.dep_ in ("prep", "mark") and self._other_time(verb):
                return []  # "Republicans held 66 seats before the Nov. 7 election": not the election's day
            if verb.pos_ == "ADP":
                chain.insert(0, verb)
            if verb.head == verb:
                return []
            verb = verb.head
        else:
            return []
        parts = self._clause_parts(verb, skip, report=True)
        if any(trigger in p.levels[0][1] for p in parts):
            return parts
        if [t.i for t in list(trigger.ancestors)[:len(chain) + 1]] != [t.i for t in (*reversed(chain), verb)]:
            return []  # a word between the verb and the trigger the title would drop: no faithful title
        if trigger.pos_ in ("NOUN", "PROPN"):
            phrase = self._noun_part(trigger, skip, _SHORT_OBJECT, _CORE_OBJECT, lead=chain)
            phrase.complement = bool(chain)  # "during a visit": a complement, wherever it stands
        else:
            predicate = self._predicate_core(trigger, skip)
            if len(predicate) < 2:
                return []  # "accused by having": the gerund says nothing alone
            phrase = _Part([(0, chain + predicate)], complement=bool(chain))
        # the trigger's phrase takes the place of the clause's first complement
        return _in_sentence_order([*(p for p in parts if not p.complement), phrase], verb)

    def _other_time(self, preposition: "Token") -> bool:
        """Whether a preposition puts what it introduces at another time than
        its clause ("before", "after", "since", "until")."""
        word = preposition.lower_
        return word in self.words.boundary_prepositions or word in self.words.grammar["other_time_prepositions"]

    def lead_title(self, trigger: "Token", headline: str | None, skip: set[int]) -> str | None:
        """The article's own headline, for the event that is its main news:
        the main clause of its lead sentence (the trigger is the sentence's
        root, the clause its root reports, or the closing "..., the agency
        said"), when the headline is about that sentence (shares two of its
        words) and reads as a title."""
        if not headline:
            return None
        title = _HEADLINE_TAG.sub("", headline).strip()
        words = title.split()
        if not MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS or title.isupper():
            return None
        root = trigger.sent.root
        main = trigger.i == root.i or (trigger.head.i == root.i and trigger.dep_ == "ccomp") or (
            trigger.lemma_.lower() in self.words.reporting_verbs and self._preceding_report(trigger, skip) is not None
        )
        sentence = {t.lower_ for t in trigger.sent if len(t.text) >= _SHARED_WORD_CHARS}
        shared = {w.lower().strip(",.:;'’\"") for w in words} & sentence
        return title if main and len(shared) >= 2 else None

    def _names(self, parts: list[_Part], actors: "ActorIndex") -> dict[int, str]:
        """The name to show for each pronoun or bare description that opens
        the title and that the article resolves (an "it" only as a subject: not
        "it is unclear"); later in the title a pronoun is bound in its clause
        ("Xi expressed his congratulations") and stays."""
        names: dict[int, str] = {}
        words = actors.words
        for part in parts[:1]:
            for token in (t for _, level in part.levels for t in level):
                if token.i in names or token.tag_ not in ("PRP", "PRP$", "NN"):
                    continue
                if token.lower_ in words.thing_pronouns and not acting_it(token, self.words):
                    continue
                following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
                if token.tag_ == "PRP" and following is not None and following.text[:1] in ("'", "’"):
                    continue  # "We're": no name glued to a contraction
                actor = actors.refers_to(token)
                if actor is not None:
                    possessive = token.tag_ == "PRP$" or token.lower_ in words.possessive_pronouns and token.dep_ == "poss"
                    names[token.i] = actor.name + (self._possessive if possessive else "")
        return names

    def _clause_parts(self, verb: "Token", skip: set[int], report: bool, resolve: bool | None = None) -> list[_Part]:
        """Subject, verb group, objects, complement, condition (and, for a
        reporting verb when ``report``, the gist of what is reported) of
        ``verb``'s clause; ``resolve`` (default ``report``): a pronoun subject
        named by the speaker that reports it."""
        parts: list[_Part] = []
        head = verb.head
        if verb.dep_ in ("ccomp", "xcomp") and head.i < verb.i and any(c.dep_ == "neg" for c in head.children):
            # "does not expect a dollar rally to continue": the denial is part of the news
            parts += self._actor_and_verb(head, skip)
        subject = self._subject(verb, skip, resolve=report if resolve is None else resolve)
        if subject is not None:
            outside = subject.i < verb.left_edge.i or subject.i > verb.right_edge.i
            own = skip | {t.i for t in verb.subtree} if outside else skip  # "legislation hammered out"
            parts.append(self._noun_part(subject, own, _SHORT_SUBJECT, _CORE_SUBJECT))
        parts.append(_Part([(0, self._verb_group(verb, skip))]))
        objects = [c for c in verb.children if c.i not in skip and c.tag_ not in RELATIVE_TAGS and c.pos_ != "SCONJ"]
        for child in objects:
            if child.dep_ in _OBJECTS and child.pos_ == "ADP":  # "sent a message to Xi"
                pobj = [c for c in child.children if c.dep_ == "pobj" and c.i not in skip]
                if pobj:
                    parts.append(self._noun_part(pobj[0], skip, _SHORT_OBJECT, _CORE_OBJECT, lead=[child]))
            elif child.dep_ in _OBJECTS:
                parts.append(self._noun_part(child, skip, _SHORT_OBJECT, _CORE_OBJECT))
                for infinitive in (c for c in child.children if c.dep_ == "xcomp" and c.i not in skip):
                    # "is due to be phased out"
                    parts.append(_Part([(0, self._verb_group(infinitive, skip, with_head=False))]))
            elif child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                parts.append(_Part([(0, self._verb_group(child, skip, with_head=False))]))
                parts += [
                    self._noun_part(c, skip, _SHORT_OBJECT, _CORE_OBJECT) for c in self._verb_objects(child, skip)
                ]
        relative_object = self._relative_object(verb, skip)
        if relative_object is not None:  # "the bill President Bush signed" -> "Bush signed bill"
            parts.append(self._noun_part(relative_object, skip, _SHORT_OBJECT, _CORE_OBJECT))
        preceding = self._preceding_report(verb, skip) if report else None
        if preceding is not None:
            # "X happened, Y said": the news is what is reported, told by a named speaker
            quoted = self._quoted(verb.sent)
            # the quoted words of a clause that is no quotation itself are left out
            inner = self._clause_parts(preceding, skip if preceding.i in quoted else skip | quoted, report=False)
            if subject is None or subject.pos_ != "PROPN":
                return inner
            name = self._noun_core(subject, skip)
            if len(name) > 2 and all(t.pos_ == "PROPN" for t in name[-2:]):
                name = sorted(name, key=lambda t: t.i)[-2:]  # "Senator Bernie Sanders said" -> "Bernie Sanders said"
            speaker = _Part([(0, name)])
            return [speaker, _Part([(0, self._verb_group(verb, skip))]), *inner]
        content = self._reported(verb, skip) if report else None
        complement = self._first_complement(verb, skip) if content is None else []
        if complement:
            parts.append(self._complement_part(complement, skip))
        if content is not None:
            parts.append(content)
        condition = self._condition(verb, skip)
        if condition:  # "would oppose any spending bill if Congress had not ...": never without its "if"
            parts.append(_Part([(0, condition)]))
        return _in_sentence_order(parts, verb)

    def _condition(self, verb: "Token", skip: set[int]) -> list["Token"]:
        """The core of a conditional clause of the verb ("if Congress had not
        taken care"), or nothing."""
        for clause in verb.children:
            marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in self.words.grammar["condition_marks"]]
            subject = next(iter(subjects_of(clause, skip)), None)
            if clause.dep_ == "advcl" and clause.i not in skip and marks and subject is not None:
                return [marks[0], *self._noun_core(subject, skip), *self._predicate_core(clause, skip)]
        return []

    def _complement_part(self, complement: list["Token"], skip: set[int]) -> _Part:
        """A complement at its full length, as its preposition and the core of
        its object ("against three provisions"), then left out."""
        levels = [(0, complement)]
        lead = complement[0]
        target = next((t for t in complement if t.head.i == lead.i and t.dep_ == "pobj"), None)
        if target is not None:
            short = [lead, *self._noun_core(target, skip)]
            if len(short) < len(complement):
                levels.append((_DROP_COMPLEMENT, short))
        return _Part([*levels, (_SHORT_OBJECT, [])], complement=True)

    def _noun_parts(self, noun: "Token", skip: set[int]) -> list[_Part]:
        """A noun event's phrase; a noun naming no one ("Thursday's incident",
        "final approval") borrows the clause around it ("Incident raised
        questions", "Trump came under fire", "House gave final approval")."""
        head = noun.head
        holder = head.head
        if noun.dep_ == "pobj" and holder.pos_ == "VERB" and holder.i not in skip \
                and head.lower_ in self.words.grammar["inclusion_prepositions"] \
                and holder.lemma_.lower() in self.words.reporting_verbs:
            return self._clause_parts(holder, skip, report=True)  # "said in a statement": what it says
        phrase = self._noun_part(noun, skip, _SHORT_OBJECT, _CORE_OBJECT, depth=2)
        named = any(t.pos_ in ("NOUN", "PROPN") and t is not noun for t in phrase.words)
        light_verb = (  # "the House gave final approval"
            noun.dep_ == "dobj" and head.pos_ == "VERB" and self._subject(head, skip, resolve=True) is not None
        )
        if named or (len(phrase.words) > 1 and not light_verb):
            return [phrase]  # it says who or what already ("agreement between Seoul and Beijing")
        if noun.dep_ in SUBJECTS and head.pos_ in ("VERB", "AUX"):
            objects = [self._noun_part(c, skip, _SHORT_OBJECT, _CORE_OBJECT) for c in self._verb_objects(head, skip)]
            return [phrase, _Part([(0, self._verb_group(head, skip))]), *objects[:1]]
        if noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
            return [*self._actor_and_verb(head, skip), phrase]
        if noun.dep_ != "pobj" or head == head.head:
            return [phrase]
        holder = head.head
        if holder.dep_ == "dobj" and holder.head.pos_ == "VERB" and holder.i not in skip:
            # "did not return requests for comment"
            phrase = _Part([(0, [*self._noun_core(holder, skip), head, noun])])
            return [*self._actor_and_verb(holder.head, skip), phrase]
        if holder.pos_ == "VERB" and head.i == holder.i + 1:
            # "came under fire": the verb, its preposition and the noun
            return [*self._actor_and_verb(holder, skip), _Part([(0, [head, noun])])]
        subject = self._subject(holder, skip, resolve=True) \
            if holder.pos_ == "VERB" and head.i > holder.i and not self._other_time(head) else None
        if subject is not None and subject.i < holder.i and holder.i not in skip:
            # a bare noun alone says nothing ("Meeting"): the clause before it, told
            # in its order ("Staff members were briefed in meeting", "Page saw him at dinner")
            own = skip | {t.i for t in head.subtree}
            objects = [self._noun_part(c, own, _SHORT_OBJECT, _CORE_OBJECT) for c in self._verb_objects(holder, own)]
            return [*self._actor_and_verb(holder, own), *objects[:1], _Part([(0, [head, *phrase.words])])]
        return [phrase]

    def _actor_and_verb(self, verb: "Token", skip: set[int]) -> list[_Part]:
        subject = self._subject(verb, skip, resolve=True)
        actor = [self._noun_part(subject, skip, _SHORT_SUBJECT, _CORE_SUBJECT)] if subject is not None else []
        return [*actor, _Part([(0, self._verb_group(verb, skip))])]

    def _verb_group(self, verb: "Token", skip: set[int], with_head: bool = True) -> list["Token"]:
        """The verb with its auxiliaries, negation and particle ("did not throw
        out"); with ``with_head``, the verb or copula it completes ("appeared
        to lift", "was due"), when both share the subject."""
        adverbs = self.words.grammar["verb_group_adverbs"]  # "had yet to be carried", "never met"
        words = [verb] + [
            c for c in verb.children
            if c.i not in skip and (
                (c.i < verb.i and c.dep_ in VERB_GROUP) or c.dep_ == "neg"  # "was not": never lost
                or c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in adverbs)
                # "is evaluating whether to appoint": not "evaluating to appoint"
                or (c.dep_ == "mark" and c.i < verb.i and c.lower_ in self.words.grammar["kept_marks"]
                    and not subjects_of(verb, skip))
                # "stepped down", "stepping aside": a particle the parser took for an adverb
                or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in self.words.grammar["particle_adverbs"])
            )
        ]
        # "no longer agree": the denial an adverb of the group carries is kept with it
        words += [n for w in words[1:] if w.dep_ == "advmod" for n in w.children if n.dep_ == "neg" and n.i not in skip]
        head = verb.head
        if not with_head or head == verb or head.i in skip:
            return words
        # "waited until March to register"; not "pushed for the House to vote", "cut subsidies to cover"
        infinitive = verb.dep_ == "xcomp" or (
            verb.dep_ == "advcl" and head.pos_ == "VERB" and any(c.tag_ == "TO" for c in verb.children)
            and not any(c.dep_ in SUBJECTS for c in verb.children)
            and not any(c.dep_ == "dobj" for c in head.children)
        )
        shared = verb.dep_ == "acomp" or (
            infinitive and head.pos_ in ("VERB", "AUX", "ADJ") and controller_of(head, skip) is None
        )
        if shared:
            words += self._verb_group(head, skip, with_head=head.pos_ == "ADJ" or verb.dep_ == "acomp")
        return words

    def _predicate_core(self, verb: "Token", skip: set[int], nested: bool = True) -> list["Token"]:
        """Verb group and object names, through one complement verb ("plans to nominate Caren Harp")."""
        words = self._verb_group(verb, skip, with_head=False)
        words += [w for o in self._verb_objects(verb, skip) for w in self._noun_core(o, skip)]
        complements = [c for c in verb.children if c.dep_ in ("attr", "acomp") and c.i not in skip]
        words += [w for c in complements for w in self._noun_core(c, skip)]  # "attacks were a reaction"
        for child in verb.children:
            if nested and child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and child.i not in skip:
                return words + self._predicate_core(child, skip, nested=False)
        if nested and verb.lemma_.lower() in self.words.reporting_verbs:
            words += self._clause_core(verb, skip)  # "thought the informant could link"
        return words + self._condition(verb, skip)

    def _clause_core(self, verb: "Token", skip: set[int]) -> list["Token"]:
        """The subject and core predicate of the clause a verb takes ("allowing
        Congress to remove a federal tax exemption")."""
        for child in verb.children:
            subject = next((c for c in child.children if c.dep_ in SUBJECTS and c.i not in skip), None)
            if child.dep_ == "ccomp" and child.i > verb.i and child.i not in skip and subject is not None:
                return self._noun_core(subject, skip) + self._predicate_core(child, skip)
        return []

    def _verb_objects(self, verb: "Token", skip: set[int]) -> list["Token"]:
        return [c for c in verb.children if c.dep_ == "dobj" and c.i not in skip and c.tag_ not in RELATIVE_TAGS]

    def _relative_object(self, verb: "Token", skip: set[int]) -> "Token | None":
        """The noun a relative clause without its own object describes: "the
        number that we put forward", "the bill Trump is expected to sign"."""
        clause = verb
        while clause.dep_ == "xcomp" and clause.head != clause:
            clause = clause.head
        if clause.dep_ != "relcl" or clause.head.pos_ not in ("NOUN", "PROPN") or clause.head.i in skip:
            return None
        has_subject = any(c.dep_ in SUBJECTS and c.tag_ not in RELATIVE_TAGS for c in clause.children)
        complete = any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "nsubjpass", "auxpass")
            for c in verb.children if c.tag_ not in RELATIVE_TAGS
        )
        # only "that"/"which" as the object, or no relative word ("whose shares have risen" has one)
        relatives = [t for t in clause.subtree if t.tag_ in RELATIVE_TAGS]
        object_relative = all(t.dep_ == "dobj" and t.tag_ in ("WDT", "WP") for t in relatives)
        return clause.head if has_subject and not complete and object_relative else None

    def _reported(self, verb: "Token", skip: set[int]) -> _Part | None:
        """What a statement says ("said the United States remains committed"):
        the gist of a following reported clause that is not a quotation."""
        if verb.lemma_.lower() not in self.words.reporting_verbs and (
            verb.dep_ in ("acl", "relcl") or any(c.dep_ in ("dobj", "oprd", "acomp", "attr") for c in verb.children)
        ):
            return None  # "demanded that Sessions testify" says what was demanded; not "a letter made public that"
        grammar = self.words.grammar
        for clause in verb.children:
            if clause.dep_ != "ccomp" or clause.i < verb.i or clause.i in skip:
                continue
            quoted = self._quoted(verb.sent)
            subjects = [c for c in clause.children if c.dep_ in (*SUBJECTS, "expl") and c.i not in skip]
            subject = min(subjects, key=lambda c: c.dep_ == "expl", default=None)
            if subject is None or subject.i < verb.i or subject.tag_ in RELATIVE_TAGS:
                return None  # "Pompeo, who an official said would replace Tillerson"
            if subject.lower_ in grammar["speaker_pronouns"]:
                return None
            between = verb.doc[verb.i + 1:subject.left_edge.i + 1]
            if clause.i in quoted or subject.i in quoted or any(t.is_punct for t in between):
                return None  # a quotation is not cut into a title; nor a clause reached across a comma
            skip = skip | quoted  # "opposed the measure to “roll back ...”": the words that are no quotation
            # "said there was no evidence": the "there" no clause part holds; "asked whether he was"
            lead = [subject] if subject.dep_ == "expl" else []
            lead = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in grammar["kept_marks"]] + lead
            if subject.dep_ == "expl" and not any(
                    c.dep_ in ("attr", "nsubj", "acomp") and c.i not in skip for c in clause.children):
                return None  # "said there was “a lot of confidence”": nothing but the quotation is said
            # "told Fox News he thought the informant could link ...": a report in a report says its content
            nested = clause.lemma_.lower() in self.words.reporting_verbs
            # its "he" stays: the speaker is named already ("Rosenberg told reporters he did not know")
            parts = self._clause_parts(clause, skip, report=nested, resolve=False)
            full = lead + [w for p in parts for w in p.levels[0][1]]
            core = (lead or self._noun_core(subject, skip)) + self._predicate_core(clause, skip)
            levels = [(rank, words) for rank, words in ((0, full), (_SHORT_CONTENT, core)) if not cut_report(words)]
            return _Part([*levels, (_DROP_CONTENT, [])])
        return None

    def _preceding_report(self, verb: "Token", skip: set[int]) -> "Token | None":
        """The clause a statement reports when it comes first ("Xi replied to
        Kim's message, the agency said"; "..., state data shows"), not a quotation."""
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]  # "..., state data shows"
        root = verb.sent.root
        # "X met officials, the New York Times reported" also as an adverbial clause, not "as Y said"
        closing = verb.dep_ in ("ccomp", "parataxis", "conj") or (
            verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children))
        if not clauses and closing and root.i < verb.i \
                and not any(c.dep_ == "ccomp" and verb not in c.subtree for c in root.children) \
                and self._attribution(verb):
            clauses = [root]  # the parser hung the closing "..., the agency said" from the main clause
        for clause in clauses:
            if clause.i in skip or clause.pos_ not in ("VERB", "AUX"):
                continue
            subject = next(iter(subjects_of(clause, skip)), None)
            quoted = self._quoted(verb.sent)
            # a quotation is no title; a clause quoting a few of its words says its gist
            # without them ("supports the House version, saying its passage would be “...”")
            if subject is None or subject.lower_ in self.words.grammar["speaker_pronouns"] or (
                    self._quotes(clause) and (clause.i in quoted or subject.i in quoted)):
                return None
            return clause
        return None

    def _attribution(self, verb: "Token") -> bool:
        """"..., North Korea's state news agency said on Thursday.": a reporting
        verb after a comma, with its subject, ending the sentence."""
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i]
        if not subjects:
            return False
        before = verb.doc[subjects[0].left_edge.i - 1] if subjects[0].left_edge.i > verb.sent.start else None
        after = [t for t in verb.doc[verb.i + 1:verb.sent.end] if not t.is_punct]
        return before is not None and before.text == "," and all(t.i <= verb.right_edge.i for t in after)

    def _quoted(self, sentence: "Span") -> set[int]:
        """The words of a sentence inside quotation marks (a pair around a few
        words names something: "a “Dreamers” bill"); an opening mark never
        closed quotes to the sentence's end."""
        marks = [t.i for t in sentence if t.text in self.words.grammar["quote_marks"]]
        quoted: set[int] = set()
        for opening, close in zip(marks[::2], [*marks[1::2], sentence.end]):
            if close - opening > _SCARE_QUOTE_WORDS + 1:
                quoted.update(range(opening, close + 1))
        return quoted

    def _quotes(self, clause: "Token") -> bool:
        """Whether the clause quotes someone: quote marks other than a pair
        around a word or two ("a “Dreamers” immigration bill")."""
        marks = [t.i for t in clause.subtree if t.text in self.words.grammar["quote_marks"]]
        if len(marks) % 2:
            return True
        return any(close - opening > _SCARE_QUOTE_WORDS + 1 for opening, close in zip(marks[::2], marks[1::2]))

    def _first_complement(self, head: "Token", skip: set[int], nested: bool = True) -> list["Token"]:
        """The first prepositional phrase after ``head`` whose object is not the
        date itself nor a bare number ("conducted Dec. 3 to 7"); a bare noun
        keeps its own (``nested``: "in reference to Clinton's loss")."""
        for child in head.rights:
            if child.dep_ not in ("prep", "agent") or child.i in skip:
                continue
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp") and c.i not in skip]
            lead = [child]
            second = next((c for c in child.children if c.dep_ == "prep" and c.i == child.i + 1), None)
            if not objects and second is not None:  # "dropped out of the race": a preposition of two words
                objects = [c for c in second.children if c.dep_ == "pobj" and c.i not in skip]
                lead = [child, second]
            if not objects:
                continue
            target = objects[0]
            if target.pos_ == "ADP":  # "due to the way": the inner preposition's object
                inner = [c for c in target.children if c.dep_ == "pobj" and c.i not in skip]
                if not inner:
                    continue
                lead, target = [*lead, target], inner[0]
            if (target.pos_ == "NUM" and not any(True for _ in target.children)) or is_url(target):
                continue
            if target.tag_ in RELATIVE_TAGS:
                continue  # "an ally who he worked with": not "worked with who"
            if target.pos_ in ("VERB", "AUX") and any(
                c.dep_ in (*SUBJECTS, "mark") or c.tag_ in RELATIVE_TAGS for c in target.children
            ):
                continue  # "questions about how Twitter secures ...": a clause, not a complement
            if target.pos_ in ("VERB", "AUX"):  # "of touching her breasts"
                return lead + self._verb_group(target, skip, with_head=False) + [
                    w for o in self._verb_objects(target, skip) for w in self._noun_words(o, skip, 0)
                ]
            phrase = self._noun_words(target, skip, depth=0)
            if nested and len(phrase) == 1:
                phrase += self._first_complement(target, skip, nested=False)
            return lead + phrase
        return []

    def _noun_part(
        self, noun: "Token", skip: set[int], short_rank: int, core_rank: int, depth: int = 1,
        lead: list["Token"] | None = None,
    ) -> _Part:
        """A noun phrase at three lengths: with its complement, compact, core."""
        lead = lead or []
        levels = [(0, lead + self._noun_words(noun, skip, depth))]
        for rank, words in ((short_rank, self._noun_words(noun, skip, 0, complements=False)),
                            (core_rank, self._noun_core(noun, skip))):
            if len(words) < len(levels[-1][1]) - len(lead):
                levels.append((rank, lead + words))
        return _Part(levels)

    def _noun_words(self, noun: "Token", skip: set[int], depth: int, complements: bool = True) -> list["Token"]:
        """A compact phrase: the noun, its close modifiers, coordinated nouns, its
        "of" phrase and (``depth`` > 0) its first prepositional phrase or the
        clause describing it ("plan to extend the program")."""
        grammar = self.words.grammar
        words: list[Token] = [noun]
        for child in noun.children:
            if child.i in skip or is_url(child):
                continue
            # a modifier with a subject of its own is a clause the parser misplaced
            modifier = child.dep_ in _NOUN_MODIFIERS and not any(t.dep_ in SUBJECTS for t in child.subtree)
            if modifier or (child.dep_ == "det" and child.lower_ not in grammar["articles"]):
                words += [
                    t for t in child.subtree
                    if t.i not in skip and not is_url(t) and (not t.is_punct or t.text in grammar["title_punctuation"])
                ]
            elif child.dep_ == "cc" and child.i > noun.i and any(nominal_conjunct(c) for c in noun.children):
                words.append(child)
            elif child.i > noun.i and nominal_conjunct(child):  # not "account, change or view"
                words += self._noun_words(child, skip, 0, complements=False)
            elif child.dep_ == "acl" and child.pos_ == "VERB" and depth > 0 and complements and child.i > noun.i \
                    and not any(c.dep_ in SUBJECTS for c in child.children):  # not "evidence that his client colluded"
                # "agreement ... to move beyond a dispute", "plan to extend the program"
                words += [c for c in child.children if c.dep_ == "aux" and c.i not in skip] + [child]
                words += [w for o in self._verb_objects(child, skip) for w in self._noun_core(o, skip)]
                words += self._clause_core(child, skip) + self._first_complement(child, skip)
            elif child.dep_ == "prep" and depth == 0 and child.lower_ in grammar["object_prepositions"]:
                objects = [c for c in child.children if c.dep_ == "pobj" and c.i not in skip]
                words += [child, *self._noun_core(objects[0], skip)] if objects else []
            elif child.dep_ == "prep" and depth > 0 and child.lower_ in grammar["negative_prepositions"]:
                words += self._denial(child, skip)
        if depth > 0 and complements:
            words += self._first_complement(noun, skip)
        return words

    def _noun_core(self, noun: "Token", skip: set[int]) -> list["Token"]:
        """The noun and the words of its name ("President Donald Trump", "tax
        bill"); for a name, the name alone ("law professor Caren Harp" -> "Caren Harp")."""
        grammar = self.words.grammar
        punctuation = grammar["title_punctuation"]
        words = [noun] + [
            t for c in noun.children if c.dep_ in _CORE_MODIFIERS and c.i not in skip
            for t in c.subtree if t.i not in skip and (not t.is_punct or t.text in punctuation)
        ]
        # "the number of Americans without health insurance": a denial is never left out
        words += [w for c in noun.children if c.dep_ == "prep" and c.lower_ in grammar["negative_prepositions"]
                  and c.i not in skip for w in self._denial(c, skip)]
        titled = any(t.pos_ in ("NOUN", "ADP") for t in words)  # "Chief of Staff", "law professor"
        if noun.pos_ != "PROPN" or len(words) <= _LONG_NAME_WORDS or not titled:
            return words
        start = noun.i
        doc = noun.doc
        while start > noun.left_edge.i and start - 1 not in skip and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].dep_ in _CORE_MODIFIERS:  # not "from Georgia John Lewis"
            start -= 1
        return list(doc[start:noun.i + 1]) if start < noun.i else words

    def _denial(self, preposition: "Token", skip: set[int]) -> list["Token"]:
        """A "without" phrase at its core ("without health insurance")."""
        objects = [c for c in preposition.children if c.dep_ == "pobj" and c.i not in skip]
        return [preposition, *self._noun_core(objects[0], skip)] if objects else []

    def _subject(self, verb: "Token", skip: set[int], resolve: bool) -> "Token | None":
        """Who did it (see :func:`_subject`); with ``resolve``, a "he"/"she"/"they"
        stands for the speaker it reports ("Maloney said she will introduce")."""
        subject = subject_of(verb, skip, self.words)
        quoted = self._quoted(verb.sent) if subject is not None else set()
        if subject is not None and subject.i in quoted and verb.i not in quoted:
            # two subjects are a misparse ("“Her record ... ,” Franken said"): not the quoted one
            subject = next((s for s in subjects_of(verb, skip) if s.i not in quoted), subject)
        if subject is None or not resolve or subject.tag_ != "PRP":
            return subject
        return self._antecedent(subject) or subject

    def _antecedent(self, pronoun: "Token") -> "Token | None":
        """The name a third-person pronoun subject stands for in its sentence: its
        apposition ("he (Franken)"), the subject of the verb reporting its clause
        ("Maloney said she", "the committee said it"), or for "he"/"she" of the
        clause it depends on ("Franken was a comedian before he was elected")."""
        grammar = self.words.grammar
        word = pronoun.lower_
        kind = next((k for k in ("person", "plural", "thing") if word in grammar[f"resolvable_pronouns_{k}"]), None)
        if kind is None:
            return None
        named = [c for c in pronoun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if named:
            return named[0]
        clause = pronoun.head
        while clause.dep_ == "conj" and clause.head != clause:
            clause = clause.head
        # "Maloney said she will", not "He was released ..., Captain Olney said" (someone the story named before)
        reported = clause.dep_ == "ccomp" and clause.head.lemma_.lower() in self.words.reporting_verbs \
            and clause.i > clause.head.i
        # "Page testified that he met", "Republicans fear they could lose": a clause of any verb
        if not reported and not (kind == "person" and clause.dep_ == "advcl") and not (
                kind in ("person", "plural") and clause.dep_ == "ccomp" and clause.i > clause.head.i):
            return None
        speaker = next(iter(subjects_of(clause.head, self._dateline(pronoun))), None)
        if speaker is not None and speaker.tag_ in RELATIVE_TAGS and clause.head.dep_ == "relcl":
            speaker = clause.head.head  # "Laforgue, who said he had surgery"
            if speaker.dep_ == "appos" and speaker.head.pos_ == "PROPN":
                speaker = speaker.head  # "Laforgue, 63, an immigrant who said he"
        if speaker is None or speaker.pos_ not in ("PROPN", "NOUN"):
            return None
        plural = speaker.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in speaker.children)
        if kind == "person":
            fits = speaker.pos_ == "PROPN" and not plural
        elif kind == "plural":
            fits = plural
        else:  # "it": an organisation ("the committee", "Ethics Committee"), not a person
            fits = not plural and speaker.lemma_.lower() in grammar["organisation_nouns"]
        return speaker if fits else None

    def _dateline(self, trigger: "Token") -> set[int]:
        """The words of a "BRUSSELS (Reuters) -" dateline opening the sentence
        (also when the source lost the agency's name: "WASHINGTON () -")."""
        grammar = self.words.grammar
        sentence = trigger.sent
        doc = sentence.doc
        for closing in sentence[1:12]:
            if not closing.text.endswith(")") or closing.i + 1 >= sentence.end:
                continue
            inside = doc[closing.i - 1]
            agency = inside.lower_ in grammar["news_agencies"] and doc[max(inside.i - 1, 0)].text == "("
            empty = closing.text == "()" or inside.text == "("
            if (agency or empty) and doc[closing.i + 1].text in grammar["dateline_dashes"]:
                return set(range(sentence.start, closing.i + 2))
        return set()

    def _headline(self, parts: list[_Part], trigger: "Token", names: dict[int, str]) -> str:
        """The parts in order, shortened by rank until the title fits."""
        while len(self._render(_ordered(parts), trigger, names).split()) > MAX_TITLE_WORDS:
            ranked = [(rank, k) for k, p in enumerate(parts) if (rank := p.next_rank()) is not None]
            if not ranked:
                break
            parts[min(ranked)[1]].level += 1
        ordered = _ordered(parts)
        while len(self._render(ordered, trigger, names).split()) > MAX_TITLE_WORDS:
            # nothing left to shorten: keep the words closest to the trigger
            farthest = max(ordered, key=lambda t: abs(t.i - trigger.i))
            ordered = [t for t in ordered if t is not farthest]
        return self._render(ordered, trigger, names)

    def _render(self, ordered: list["Token"], trigger: "Token", names: dict[int, str]) -> str:
        while ordered and (ordered[0].is_punct or ordered[0].dep_ in ("cc", "case", "prep")
                           or ordered[0].tag_ in RELATIVE_TAGS):
            ordered = ordered[1:]
        while ordered and (ordered[-1].is_punct or ordered[-1].dep_ in ("cc", "prep", "det")):
            ordered = ordered[:-1]
        parts_text: list[str] = []
        for k, token in enumerate(ordered):
            text = names.get(token.i) or self._token_text(token)
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

    def _token_text(self, token: "Token") -> str:
        """The token as a title shows it: a possessive whose apostrophe the
        source lost ("Korea s") gets it back."""
        if token.tag_ == "POS" and token.lower_ in self.words.grammar["stripped_possessives"]:
            return self._possessive
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


def _nameless_noun(parts: list[_Part], trigger: "Token", date: set[int]) -> int:
    """1 for a noun event's title that names no one and says nothing done
    ("Collapse of years-long push", "Bail hearing"): thin for a reader, who
    is better told the clause that governs it; else 0."""
    words = [t for p in parts for t in p.words]
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger not in words:
        return 0
    acting = any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in words)
    named = any((t.pos_ == "PROPN" or t.dep_ == "poss") and t.i not in date for t in words)  # not "July's"
    return int(not acting and not named)


def _dangling(parts: list[_Part], skip: set[int]) -> int:
    """1 for a title that ends in a verb whose object or clause it leaves out
    ("President Trump in June made") or opens with a tensed verb, its subject
    lost ("Had only nominal balances"): cut for a reader; else 0."""
    words = _ordered(parts)
    if words and words[0].tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return 1
    if not words or words[-1].pos_ != "VERB":
        return 0
    held = {t.i for t in words}
    last = words[-1]
    return int(any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") and c.i > last.i and c.i not in held
                   and c.i not in skip for c in last.children))


def _in_sentence_order(parts: list[_Part], verb: "Token") -> list[_Part]:
    """The parts after the verb's in the order of the sentence: objects and
    complements are not swapped ("objected to the Republicans' refusal", not
    "objected refusal ... to Republicans"), whatever the parser hung where."""
    pivot = next((k for k, p in enumerate(parts) if verb in p.levels[0][1]), None)
    if pivot is None:
        return parts
    def start(part: _Part) -> int:  # where the part begins after the verb (a content's subject may be
        # before); an object all before it comes first ("Virginia, which Clinton won" -> "won Virginia"),
        # a complement last ("In one exchange they poked fun" -> "poked fun in one exchange")
        return min((t.i for t in part.levels[0][1] if t.i > verb.i), default=len(verb.doc) if part.complement else -1)

    after = sorted(parts[pivot + 1:], key=start)
    return [*parts[:pivot + 1], *after]


def _ordered(parts: list[_Part]) -> list["Token"]:
    """The words of the parts, part after part, each part in text order, once."""
    ordered: list[Token] = []
    seen: set[int] = set()
    for part in parts:
        for token in sorted(part.words, key=lambda t: t.i):
            if token.i not in seen:
                seen.add(token.i)
                ordered.append(token)
    return ordered

