"""The parts of a title from the parse: the trigger's clause (subject, verb
group, objects, complement, condition and what a statement says), a noun
event's phrase or the clause around it, the clause that governs the
trigger, and the whole clause as a last resort."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.clause_roles import (
    RELATIVE_TAGS, SUBJECTS, VERB_GROUP, cut_report, is_url, misparsed_name, own_clause_conjunct, subject_of, subjects_of,
)
from timeline.events.lexicon import Lexicon
from timeline.events.title_form import (
    CORE_OBJECT, CORE_SUBJECT, DROP_COMPLEMENT, DROP_CONTENT, MAX_TITLE_WORDS, MIN_TITLE_WORDS, SHORT_CONTENT,
    SHORT_OBJECT, SHORT_SUBJECT, Part, in_sentence_order, stepwise_levels, waiting,
)
from timeline.events.title_naming import Naming
from timeline.events.title_phrases import Phrases
from timeline.events.title_quotes import Quotations

if TYPE_CHECKING:
    from spacy.tokens import Token


_OBJECTS = ("dobj", "dative", "attr", "oprd", "acomp")
# how far up the parse a noun event looks for the clause that governs it
_GOVERNING_STEPS = 4
# a first complement this short ("for president") lets the next one in ("on a promise to repeal Obamacare")
_BARE_COMPLEMENT_WORDS = 2


class ClauseParts:
    """A title's parts, built from the clause a trigger stands in."""

    def __init__(self, words: Lexicon, phrases: Phrases, quotes: Quotations, naming: Naming) -> None:
        self.words = words
        self.phrases = phrases
        self.quotes = quotes
        self.naming = naming

    def whole_clause(self, verb: "Token", skip: set[int]) -> list[Part]:
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
        # "that changed, and Simonds clinched": a conjunct with a subject of its own is another clause
        conjuncts = [c for c in verb.children if own_clause_conjunct(c, skip)]
        held -= {t.i for c in conjuncts for t in c.subtree}
        held -= {c.i for c in verb.children if c.dep_ == "cc" and conjuncts}
        words = [t for t in verb.doc if t.i in held and t.i not in skip and not is_url(t)
                 and not (t.is_punct and t.text not in grammar["title_punctuation"])
                 and not (t.dep_ == "det" and t.lower_ in grammar["articles"])
                 and not (t.dep_ == "mark" and t.head.i == verb.i) and t.tag_ not in RELATIVE_TAGS
                 and not (t.dep_ == "prep" and all(c.i in skip for c in t.children))]  # "in [June]"
        quoted = self.quotes.quoted(verb.sent)
        if not MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS or len({t.i in quoted for t in words}) > 1:
            return []  # too long, or a quotation run into the words around it
        # the subject apart: only its words are named ("his statement" later stays)
        opening = [t for t in words if t.i in own]
        return [Part([(0, opening)]), Part([(0, [t for t in words if t not in opening])])]

    def conjunct_parts(self, verb: "Token", skip: set[int]) -> list[Part]:
        """For a verb without a subject of its own ("On Tuesday, that changed,
        and Simonds clinched with a margin of one"), the clause of its
        conjunct that names who did it; none otherwise."""
        if verb.pos_ not in ("VERB", "AUX") or subject_of(verb, skip, self.words) is not None:
            return []
        conjunct = next((c for c in verb.children if own_clause_conjunct(c, skip)), None)
        return [] if conjunct is None else self.clause_parts(conjunct, skip, report=True)

    def parts(self, trigger: "Token", skip: set[int]) -> list[Part]:
        predicate = misparsed_name(trigger, skip)
        if predicate is not None:  # "Trump on Thursday nominated": "Trump" is the subject, not a verb
            return [Part([(0, [trigger])]), *self.clause_parts(predicate, skip, report=True)]
        if self.announced(trigger, skip):  # "Committee said it would investigate", not "Committee would investigate"
            speaker = subject_of(trigger.head, skip, self.words)
            parts = self.clause_parts(trigger.head, skip, report=True)
            if speaker is None or speaker.pos_ != "PROPN" or not parts or speaker not in parts[0].words:
                return parts
            short = self.speaker(speaker, skip)
            # only a person's title goes ("Senator"); "U.S. House of Representatives Armed Services Committee" stays
            shortened = len(short.words) == 2 and len(self.phrases.noun_core(speaker, skip)) > 2
            return [short, *parts[1:]] if shortened else parts
        attributed = self.attributed(trigger, skip)
        if attributed:
            return attributed
        if trigger.dep_ == "acl" and any(c.tag_ == "TO" for c in trigger.children) \
                and trigger.head.lemma_.lower() in self.words.event_nouns:
            governed = self.governed_noun(trigger.head, skip)  # "voted against attempts to dismantle"
            if any(trigger in p.levels[0][1] for p in governed):
                return governed
        if trigger.pos_ in ("VERB", "AUX", "ADJ"):
            return self.active_parts(trigger, skip) or self.clause_parts(trigger, skip, report=True)
        return self.noun_parts(trigger, skip)

    def attributed(self, trigger: "Token", skip: set[int]) -> list[Part]:
        """For the source an "according to" phrase names ("According to a
        Government Accountability Office report in February, the service is
        facing ...", "Xi said, according to a statement issued by the
        ministry"), the clause it attributes: what the source says; none for
        any other word."""
        noun = trigger.head if trigger.dep_ == "acl" and trigger.pos_ == "VERB" else trigger
        preposition = noun.head
        attribution = preposition.head
        if noun.dep_ != "pobj" or attribution.lower_ not in self.words.grammar["attribution_words"] \
                or attribution.head.i == attribution.i:
            return []
        verb = attribution.head
        while verb.dep_ == "ccomp" and verb.head.i < verb.i and verb.head.pos_ == "VERB":
            verb = verb.head  # "The JIM found that the government was to blame, according to a report"
        if verb.pos_ not in ("VERB", "AUX") or verb.i in skip or subject_of(verb, skip, self.words) is None:
            return []  # no one to tell it: the source's own title ("CBO released report")
        return self.clause_parts(verb, skip | {t.i for t in attribution.subtree}, report=True)

    def active_parts(self, verb: "Token", skip: set[int]) -> list[Part]:
        """A participle with its agent and no subject of its own ("the tax plan
        as approved ... by the Senate Finance Committee", "a report released by
        the Congressional Budget Office") told in the active voice: "Senate
        Finance Committee approved tax plan"; none otherwise."""
        if verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in ("acl", "advcl") or any(
                c.dep_ in (*VERB_GROUP, *SUBJECTS) for c in verb.children):
            return []
        agent = next((c for c in verb.children if c.dep_ == "agent" and c.i not in skip), None)
        actor = next((c for c in agent.children if c.dep_ == "pobj" and c.i not in skip), None) if agent else None
        if actor is None or actor.pos_ not in ("NOUN", "PROPN"):
            return []
        if verb.dep_ == "acl":  # "Ajit Pai, a Republican appointed by Trump": the name
            thing = verb.head.head if verb.head.dep_ == "appos" and verb.head.head.pos_ == "PROPN" else verb.head
        else:  # "the tax plan as approved by": the noun before the "as"
            mark = next((c for c in verb.children if c.dep_ == "mark" and c.i < verb.i), None)
            thing = verb.doc[mark.i - 1] if mark is not None and mark.i > verb.sent.start else verb
        if thing.pos_ not in ("NOUN", "PROPN") or thing.i in skip:
            return []
        own = skip | {t.i for t in verb.subtree}
        return [self.phrases.noun_part(actor, skip, SHORT_SUBJECT, CORE_SUBJECT), Part([(0, [verb])]),
                self.phrases.noun_part(thing, own, SHORT_OBJECT, CORE_OBJECT)]

    def speaker(self, subject: "Token", skip: set[int]) -> Part:
        """Who tells what a title reports, by name ("Senator Bernie Sanders
        said" -> "Bernie Sanders said"): the words go to what is said."""
        name = sorted(self.phrases.noun_core(subject, skip), key=lambda t: t.i)
        # a person's titles go ("Maine Governor Paul LePage"), not an organisation's words ("Tax Policy Center")
        titled = any(t.lower_ in self.phrases.person_titles for t in name[:-2])
        if titled and all(t.pos_ == "PROPN" for t in name[-2:]):
            name = name[-2:]
        return Part([(0, name)])

    def announced(self, verb: "Token", skip: set[int]) -> bool:
        """A plan its actor announced ("the committee said it would
        investigate"): a clause with a past modal, reported after its verb,
        whose pronoun subject is the speaker; alone it would read as a
        condition ("Committee would investigate"), so a title keeps that it
        was said ("Maloney said she will introduce" -> "Maloney will introduce")."""
        head = verb.head
        if verb.dep_ != "ccomp" or head.i > verb.i or head.i in skip or head.pos_ != "VERB" \
                or head.lemma_.lower() not in self.words.reporting_verbs:
            return False
        subject = next(iter(subjects_of(verb, skip)), None)
        modal = any(c.dep_ == "aux" and c.lower_ in self.words.grammar["past_modals"] for c in verb.children)
        return modal and subject is not None and subject.tag_ == "PRP" \
            and self.naming.antecedent(subject) is not None

    def governing_parts(self, trigger: "Token", skip: set[int]) -> list[Part]:
        """The clause of the nearest verb above the trigger that has a subject,
        holding the trigger's phrase ("Jackson set bail hearing", "Moore was
        accused by woman of initiating sexual encounter"); none when no verb
        above it has one."""
        if trigger.head == trigger or (trigger.pos_ in ("VERB", "AUX") and trigger.dep_ not in ("pcomp", "xcomp")):
            # a clause of its own: the one above tells another happening; not so
            # "accused of initiating", "keep the government operating"
            return []
        if trigger.dep_ in ("prep", "mark") and self._other_time(trigger):
            return []  # asked for "after" itself (the clause above a noun's): "after the crisis" dates no clause
        verb = trigger.head
        chain: list[Token] = []  # the prepositions (and "of" nouns) between verb and trigger ("during visit")
        steps = 0
        while True:
            if verb.i in skip or steps == _GOVERNING_STEPS:
                return []
            if verb.pos_ in ("VERB", "AUX") and subject_of(verb, skip, self.words) is not None:
                break
            if verb.dep_ in ("prep", "mark") and self._other_time(verb):
                return []  # "Republicans held 66 seats before the Nov. 7 election": not the election's day
            if verb.pos_ == "ADP":
                chain.insert(0, verb)
            elif verb.pos_ == "NOUN" and chain and chain[0].lower_ in self.words.grammar["object_prepositions"]:
                # "certification of the results of the election": the nouns an "of" joins are one phrase
                chain.insert(0, verb)
                steps -= 1
            if verb.head == verb:
                return []
            verb = verb.head
            steps += 1
        parts = self.clause_parts(verb, skip, report=True)
        if any(trigger in p.levels[0][1] for p in parts):
            return parts
        if [t.i for t in list(trigger.ancestors)[:len(chain) + 1]] != [t.i for t in (*reversed(chain), verb)]:
            return []  # a word between the verb and the trigger the title would drop: no faithful title
        if trigger.pos_ in ("NOUN", "PROPN"):
            phrase = self.phrases.noun_part(trigger, skip, SHORT_OBJECT, CORE_OBJECT, lead=chain)
            phrase.complement = bool(chain)  # "during a visit": a complement, wherever it stands
        else:
            predicate = self.phrases.predicate_core(trigger, skip)
            if len(predicate) < 2:
                return []  # "accused by having": the gerund says nothing alone
            phrase = Part([(0, chain + predicate)], complement=bool(chain))
        # the trigger's phrase takes the place of the clause's first complement
        return in_sentence_order([*(p for p in parts if not p.complement), phrase], verb)

    def clause_parts(self, verb: "Token", skip: set[int], report: bool, resolve: bool | None = None) -> list[Part]:
        """Subject, verb group, objects, complement, condition (and, for a
        reporting verb when ``report``, the gist of what is reported) of
        ``verb``'s clause; ``resolve`` (default ``report``): a pronoun subject
        named by the speaker that reports it."""
        parts: list[Part] = []
        head = verb.head
        if verb.dep_ in ("ccomp", "xcomp") and head.i < verb.i and any(c.dep_ == "neg" for c in head.children):
            # "does not expect a dollar rally to continue": the denial is part of the news
            parts += self.actor_and_verb(head, skip)
        subject = self.naming.subject(verb, skip, resolve=report if resolve is None else resolve)
        if subject is not None:
            outside = subject.i < verb.left_edge.i or subject.i > verb.right_edge.i
            own = skip | {t.i for t in verb.subtree} if outside else skip  # "legislation hammered out"
            if outside and verb.dep_ == "relcl":  # "Manafort, ... who served, and Gates": Manafort alone served
                own |= {t.i for c in subject.children if c.dep_ in ("conj", "cc") for t in c.subtree}
            parts.append(self.phrases.noun_part(subject, own, SHORT_SUBJECT, CORE_SUBJECT))
        parts.append(Part([(0, self.phrases.verb_group(verb, skip))]))
        reported_clause = self.reported_clause(verb, skip) if report else None
        objects = [c for c in verb.children if c.i not in skip and c.tag_ not in RELATIVE_TAGS and c.pos_ != "SCONJ"
                   # "showed Simonds beating Yancey by one vote, enough to shift ...": what is shown is the news
                   and (reported_clause is None or c.i < reported_clause.i)]
        for child in objects:
            if child.dep_ in _OBJECTS and child.pos_ == "ADP":  # "sent a message to Xi"
                pobj = [c for c in child.children if c.dep_ == "pobj" and c.i not in skip]
                if pobj:
                    parts.append(self.phrases.noun_part(pobj[0], skip, SHORT_OBJECT, CORE_OBJECT, lead=[child]))
            elif child.dep_ in ("dobj", "dative") and reported_clause is not None \
                    and verb.lemma_.lower() in self.words.reporting_verbs:
                # "told a regular news briefing that he was not aware of ...": the audience goes
                # before what is said is shortened ("Lu Kang said he was not aware of ...")
                parts.append(Part([(0, self.phrases.noun_words(child, skip, 0)), (SHORT_OBJECT, [])]))
            elif child.dep_ in _OBJECTS:
                parts.append(self.phrases.noun_part(child, skip, SHORT_OBJECT, CORE_OBJECT))
                for infinitive in (c for c in child.children if c.dep_ == "xcomp" and c.i not in skip):
                    # "is due to be phased out", "was right to name a new director"
                    parts.append(Part([(0, self.phrases.predicate_phrase(infinitive, skip))]))
            elif child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                parts += self.infinitive_parts(child, skip)
            elif self.purpose(verb, child, skip):  # "voted in July to block a broader attempt"
                parts += self.infinitive_parts(child, skip, drop=CORE_OBJECT)
        purpose = self.object_infinitive(verb, skip)
        if purpose:  # "tapped Powell to become head of the U.S. central bank"
            parts.append(Part([(0, purpose), (DROP_COMPLEMENT, [])]))
        relative_object = self.relative_object(verb, skip)
        if relative_object is not None:  # "the bill President Bush signed" -> "Bush signed bill"
            parts.append(self.phrases.noun_part(relative_object, skip, SHORT_OBJECT, CORE_OBJECT))
        preceding = self.quotes.preceding_report(verb, skip) if report else None
        if preceding is not None:
            # "X happened, Y said": the news is what is reported, told by a named speaker
            quoted = self.quotes.quoted(verb.sent)
            # the quoted words of a clause that is no quotation itself are left out
            inner = self.clause_parts(preceding, skip if preceding.i in quoted else skip | quoted, report=False)
            if subject is None or subject.pos_ != "PROPN":
                return inner
            return [self.speaker(subject, skip), Part([(0, self.phrases.verb_group(verb, skip))]), *inner]
        content = self.reported(verb, skip) if report else None
        complement = self.phrases.first_complement(verb, skip) if content is None else []
        if complement:
            parts.append(self.complement_part(complement, skip))
            # "campaigned for president on a promise to repeal Obamacare": a bare first
            # complement says little, the next one may carry the news
            following = self.phrases.first_complement(verb, skip | {t.i for t in complement}) \
                if len(complement) <= _BARE_COMPLEMENT_WORDS else []
            if following and following[0].i > complement[-1].i:
                parts.append(Part([(0, following), (DROP_COMPLEMENT, [])], complement=True))
        if content is not None:
            parts.append(content)
        condition = self.phrases.condition(verb, skip)
        if condition:  # "would oppose any spending bill if Congress had not ...": never without its "if"
            parts.append(Part([(0, condition)]))
        return in_sentence_order(parts, verb)

    def infinitive_parts(self, infinitive: "Token", skip: set[int], drop: int | None = None) -> list[Part]:
        """An infinitive a verb takes ("moved to make it easier for companies
        to own stations"), never cut before what completes it: its verb group
        and objects, or its whole completed predicate; with ``drop``, left out
        at that rank."""
        objects = self.phrases.verb_objects(infinitive, skip)
        ending: list[tuple[int, list["Token"]]] = [] if drop is None else [(drop, [])]
        if not objects:
            # "to blame for the lack of a meeting" may lose its complement, "to make it easier" may not
            phrase, core = self.phrases.predicate_phrase(infinitive, skip), self.phrases.predicate_core(infinitive, skip)
            # (a purpose, ``drop``, goes whole: "traveled to Romania to meet" says it was cut)
            shorter = [(DROP_COMPLEMENT, core)] if len(core) < len(phrase) and drop is None \
                and not waiting(core[-1], core) else []
            return [Part([(0, phrase), *shorter, *ending])]
        group = Part([(0, self.phrases.verb_group(infinitive, skip, with_head=False)), *ending])
        parts = [self.phrases.noun_part(c, skip, SHORT_OBJECT, CORE_OBJECT) for c in objects]
        for part in parts:
            part.levels += ending
        return [group, *parts]

    def purpose(self, verb: "Token", clause: "Token", skip: set[int]) -> bool:
        """Whether ``clause`` is what a verb without an object was done for,
        an infinitive after it with no subject of its own ("voted in July to
        block a broader Republican attempt"), which the title keeps."""
        # the infinitive opens its clause: not "rallied as the drive to push ..."
        return clause.dep_ == "advcl" and clause.i > verb.i and clause.pos_ in ("VERB", "AUX") \
            and clause.left_edge.tag_ == "TO" and clause.left_edge.head.i == clause.i \
            and not subjects_of(clause, skip) and not self.phrases.verb_objects(verb, skip) and verb.pos_ == "VERB"

    def object_infinitive(self, verb: "Token", skip: set[int]) -> list["Token"]:
        """What a verb's object is chosen or sent to do, an infinitive after
        the object that the parser hung from the verb ("tapped Powell, 64, ...,
        to become head of the U.S. central bank"): its verb group and the
        compact phrases of its objects; nothing when there is none."""
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i not in skip]
        doc = verb.doc
        for child in verb.children:
            infinitive = child.dep_ == "advcl" and any(c.tag_ == "TO" for c in child.children) \
                and not subjects_of(child, skip)
            # right after the object and its apposition: not "sent an envoy to the Middle East ... to include"
            adjacent = bool(objects) and all(t.is_punct for t in doc[objects[0].right_edge.i + 1:child.left_edge.i])
            if not infinitive or not adjacent or child.i in skip:
                continue
            targets = [c for c in child.children if c.dep_ in ("dobj", "attr") and c.i not in skip]
            if not targets:  # "funds to help build a museum": through its complement verb
                words = self.phrases.predicate_core(child, skip)
                return words if any(t.pos_ in ("NOUN", "PROPN") for t in words) else []
            return self.phrases.verb_group(child, skip, with_head=False) + [
                w for c in targets for w in self.phrases.noun_words(c, skip, 0)]
        return []

    def complement_part(self, complement: list["Token"], skip: set[int]) -> Part:
        """A complement at its full length, as its preposition and the core of
        its object ("against three provisions"), then left out; a bare common
        noun is no core, it needs what follows ("in hopes" of brokering a deal)."""
        levels = [(0, complement)]
        lead = complement[0]
        if lead.lower_ in self.words.grammar["source_prepositions"]:
            return Part([*levels, (DROP_COMPLEMENT, [])], complement=True)  # "according to officials" goes first
        target = next((t for t in complement if t.head.i == lead.i and t.dep_ == "pobj"), None)
        if target is not None:
            short = [lead, *self.phrases.noun_core(target, skip)]
            bare = len(short) == 2 and target.pos_ == "NOUN"
            if len(short) < len(complement) and not bare:
                levels.append((DROP_COMPLEMENT, short))
        return Part([*levels, (SHORT_OBJECT, [])], complement=True)

    def _other_time(self, preposition: "Token") -> bool:
        """Whether a preposition puts what it introduces at another time than
        its clause ("before", "after", "since", "until")."""
        return preposition.lower_ in self.words.grammar["other_time_prepositions"]

    def noun_parts(self, noun: "Token", skip: set[int]) -> list[Part]:
        """A noun event's phrase; a noun naming no one ("Thursday's incident",
        "final approval") borrows the clause around it ("Incident raised
        questions", "Trump came under fire", "House gave final approval")."""
        head = noun.head
        holder = head.head
        if holder.dep_ in SUBJECTS and holder.head.lemma_.lower() in self.words.reporting_verbs:
            holder = holder.head  # "said the Tax Policy Center ... in a report": the parser hung it from the speaker
        if noun.dep_ == "pobj" and holder.pos_ == "VERB" and holder.i not in skip \
                and head.lower_ in self.words.grammar["inclusion_prepositions"] \
                and holder.lemma_.lower() in self.words.reporting_verbs:
            return self.clause_parts(holder, skip, report=True)  # "said in a statement": what it says
        phrase = self.phrases.noun_part(noun, skip, SHORT_OBJECT, CORE_OBJECT, depth=2)
        happened = self.phrases.relative_predicate(noun, skip)
        if happened:  # "Tuesday's attack that killed eight people" -> "Attack killed eight people"
            return [Part([(0, phrase.levels[-1][1])]), Part([(0, happened)])]
        named = any(t.pos_ in ("NOUN", "PROPN") and t is not noun for t in phrase.words)
        light_verb = (  # "the House gave final approval"
            noun.dep_ == "dobj" and head.pos_ == "VERB" and self.naming.subject(head, skip, resolve=True) is not None
        )
        governed = self.governed_noun(noun, skip) if named else []
        if governed:
            return governed
        if named or (len(phrase.words) > 1 and not light_verb):
            return [phrase]  # it says who or what already ("agreement between Seoul and Beijing")
        if noun.dep_ in SUBJECTS and head.pos_ in ("VERB", "AUX"):
            objects = [self.phrases.noun_part(c, skip, SHORT_OBJECT, CORE_OBJECT) for c in self.phrases.verb_objects(head, skip)]
            return [phrase, Part([(0, self.phrases.verb_group(head, skip))]), *objects[:1]]
        if noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
            return [*self.actor_and_verb(head, skip), phrase]
        if noun.dep_ != "pobj" or head == head.head:
            return [phrase]
        holder = head.head
        if holder.dep_ == "dobj" and holder.head.pos_ == "VERB" and holder.i not in skip:
            # "did not return requests for comment"
            phrase = Part([(0, [*self.phrases.noun_core(holder, skip), head, noun])])
            return [*self.actor_and_verb(holder.head, skip), phrase]
        if holder.pos_ == "VERB" and head.i == holder.i + 1:
            # "came under fire": the verb, its preposition and the noun
            return [*self.actor_and_verb(holder, skip), Part([(0, [head, noun])])]
        subject = self.naming.subject(holder, skip, resolve=True) \
            if holder.pos_ == "VERB" and head.i > holder.i and not self._other_time(head) else None
        if subject is not None and subject.i < holder.i and holder.i not in skip:
            # a bare noun alone says nothing ("Meeting"): the clause before it, told
            # in its order ("Staff members were briefed in meeting", "Page saw him at dinner")
            own = skip | {t.i for t in head.subtree}
            objects = [self.phrases.noun_part(c, own, SHORT_OBJECT, CORE_OBJECT) for c in self.phrases.verb_objects(holder, own)]
            return [*self.actor_and_verb(holder, own), *objects[:1], Part([(0, [head, *phrase.words])])]
        return [phrase]

    def governed_noun(self, noun: "Token", skip: set[int]) -> list[Part]:
        """A noun event that says what but not who ("three attempts to dismantle
        Obamacare", "a motion to remove Kuczynski"), told in the clause of
        whoever governs it ("Murkowski voted against three attempts to dismantle
        Obamacare"); none when its phrase names a party or no clause above it
        has a subject (nor a bare "had" the parser cut from its verb)."""
        phrase = self.phrases.noun_part(noun, skip, SHORT_OBJECT, CORE_OBJECT)
        if noun.pos_ != "NOUN" or self._party_named(noun, phrase) or any(
                t.pos_ == "VERB" and t.dep_ in ("acl", "relcl") for t in phrase.words):
            return []  # "decision allowing Congress to remove an exemption" says its own news
        if noun.dep_ not in ("dobj", "pobj") or (noun.dep_ == "dobj" and noun.head.pos_ != "VERB"):
            return []
        if noun.dep_ == "pobj":  # only as the verb's first complement: not "met with Xi during a visit"
            if self._other_time(noun.head):
                return []  # "powers given after the financial crisis": the crisis is a time, not what was given
            holder = noun.head.head
            if holder.pos_ != "VERB":
                return []  # "the suspect in this week's truck attack": no verb's
            complements = [c for c in holder.children if c.dep_ in ("prep", "agent", "prt") and c.i > holder.i
                           and c.i not in skip]
            if not complements or complements[0].i != noun.head.i:
                return []
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or not subjects_of(verb, skip) or (
                verb.lemma_.lower() in self.words.grammar["perfect_lemmas"] and not any(
                c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON") for c in verb.children)):
            return []  # its own subject, not one borrowed from the clause above ("call to send the suspect")
        return self.governing_parts(noun, skip)

    def _party_named(self, noun: "Token", phrase: Part) -> bool:
        """Whether a noun event's phrase names who takes part in it: an owner
        ("Trump's visit"), a name before it ("Senate vote") or after a party's
        preposition ("meeting with Trump", "agreement between Seoul and Beijing")."""
        held = {t.i for t in phrase.words}
        parties = self.words.grammar["party_prepositions"]
        return any(c.i in held and (c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN") or (
            c.dep_ in ("prep", "agent") and c.lower_ in parties)) for c in noun.children)

    def actor_and_verb(self, verb: "Token", skip: set[int]) -> list[Part]:
        subject = self.naming.subject(verb, skip, resolve=True)
        actor = [self.phrases.noun_part(subject, skip, SHORT_SUBJECT, CORE_SUBJECT)] if subject is not None else []
        return [*actor, Part([(0, self.phrases.verb_group(verb, skip))])]

    def relative_object(self, verb: "Token", skip: set[int]) -> "Token | None":
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

    def reported_clause(self, verb: "Token", skip: set[int]) -> "Token | None":
        """The clause a statement reports after its verb, if any; through a
        closing attribution the parser put above it ("said in an interview
        Trump told him ..., the Times reported")."""
        for clause in verb.children:
            if clause.dep_ != "ccomp" or clause.i < verb.i or clause.i in skip:
                continue
            if clause.lemma_.lower() in self.words.reporting_verbs and self.quotes.attribution(clause):
                inner = [c for c in clause.children if c.dep_ == "ccomp" and verb.i < c.i < clause.i and c.i not in skip]
                return inner[0] if inner else clause
            return clause
        return None

    def reported(self, verb: "Token", skip: set[int]) -> Part | None:
        """What a statement says ("said the United States remains committed"):
        the gist of a following reported clause that is not a quotation."""
        clause = self.reported_clause(verb, skip)
        if clause is None:
            return None
        if verb.lemma_.lower() not in self.words.reporting_verbs and (
            verb.dep_ in ("acl", "relcl") or any(c.dep_ in ("dobj", "oprd", "acomp", "attr") and c.i < clause.i
                                                 for c in verb.children)
        ):
            return None  # "demanded that Sessions testify" says what was demanded; not "a letter made public that"
        grammar = self.words.grammar
        quoted = self.quotes.quoted(verb.sent)
        subjects = [c for c in clause.children if c.dep_ in (*SUBJECTS, "expl") and c.i not in skip]
        subject = min(subjects, key=lambda c: c.dep_ == "expl", default=None)
        if subject is None or subject.i < verb.i or subject.tag_ in RELATIVE_TAGS:
            return None  # "Pompeo, who an official said would replace Tillerson"
        if subject.lower_ in grammar["speaker_pronouns"]:
            return None
        # (not the commas of the clause's own condition: "said that if Moore is elected, the Senate will")
        own = {t.i for c in clause.children if c.dep_ == "advcl" and c.i < subject.i for t in c.subtree}
        between = [t for t in verb.doc[verb.i + 1:subject.left_edge.i + 1] if t.i not in own
                   and not (own and t.is_punct and t.head.i == clause.i)]
        if clause.i in quoted or subject.i in quoted or any(t.is_punct for t in between):
            return None  # a quotation is not cut into a title; nor a clause reached across a comma
        skip = skip | quoted  # "opposed the measure to “roll back ...”": the words that are no quotation
        # "said there was no evidence": the "there" no clause part holds; "asked whether he was"
        lead = [subject] if subject.dep_ == "expl" else []
        # a statement's "that" goes, not the "that" of what is believed, shown or rumoured
        # ("rumors have flown that Trump may be seeking ...")
        kept = grammar["kept_marks"] if verb.lemma_.lower() in self.words.reporting_verbs else None
        lead = [c for c in clause.children if c.dep_ == "mark" and (kept is None or c.lower_ in kept)] + lead
        if subject.dep_ == "expl" and not any(
                c.dep_ in ("attr", "nsubj", "acomp") and c.i not in skip for c in clause.children):
            return None  # "said there was “a lot of confidence”": nothing but the quotation is said
        if clause.lemma_.lower() in grammar["copula_lemmas"] and not any(
                c.i > clause.i and c.i not in skip and not c.is_punct for c in clause.children):
            return None  # "said Powell was “well-equipped to lead ...”": not "said Powell was"
        # "told Fox News he thought the informant could link ...": a report in a report says its content
        # so does a verb that takes a clause ("told reporters he wanted Hatch to seek re-election")
        nested = clause.lemma_.lower() in self.words.reporting_verbs or self.phrases.takes_clause(clause, skip)
        # its "he" stays: the speaker is named already ("Rosenberg told reporters he did not know")
        parts = self.clause_parts(clause, skip, report=nested, resolve=False)
        # ("whether he was": the mark and the subject; "there was": the "there" alone)
        core = lead + ([] if subject.dep_ == "expl" else self.phrases.noun_core(subject, skip)) \
            + self.phrases.predicate_core(clause, skip)
        # what is said shortens after the speaker's own words ("Industry groups like the American
        # Petroleum Institute have said ... were designated as monuments": "like ..." goes first)
        steps = [(max(rank, SHORT_SUBJECT), lead + words) for rank, words in stepwise_levels(parts)
                 if rank < SHORT_CONTENT]
        # last, without a "that" ("ruled Hawaii was likely to succeed with its argument")
        unmarked = [t for t in core if not (t.dep_ == "mark" and t.lower_ not in grammar["kept_marks"])]
        levels = [(rank, words) for rank, words in (*steps, (SHORT_CONTENT, core), (SHORT_CONTENT, unmarked))
                  if not cut_report(words)]
        return Part([*levels, (DROP_CONTENT, [])])
