"""Phrases of a clause as a title takes them, each at the length it may
take: a noun phrase (with its complement, compact, or its name alone), a
verb group (auxiliaries, negation, particle, the verb it completes), a
predicate's core, a verb's first complement and a condition."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.clause_roles import (
    RELATIVE_TAGS, SUBJECTS, VERB_GROUP, controller_of, is_url, nominal_conjunct, subjects_of,
)
from timeline.events.actors import actor_words
from timeline.events.lexicon import Lexicon
from timeline.events.title_form import Part

if TYPE_CHECKING:
    from spacy.tokens import Token


# modifiers kept in a compact noun phrase ("Chinese President Xi Jinping")
_NOUN_MODIFIERS = frozenset({"compound", "amod", "nummod", "poss", "case", "nmod", "quantmod", "neg", "npadvmod"})
# the modifiers of a name kept when a title must be shortened ("President Donald Trump")
_CORE_MODIFIERS = frozenset({"compound", "nmod", "nummod", "neg", "amod"})
# a name with more words than this is shortened to the name itself
# ("Chief of Staff John Kelly" -> "John Kelly"; "Ways and Means Committee" stays)
_LONG_NAME_WORDS = 4
# a complement's noun phrase this short says little alone: what the noun is about joins it
_BARE_PHRASE_WORDS = 2


class Phrases:
    """The words of noun phrases, verb groups and complements for a title."""

    def __init__(self, words: Lexicon) -> None:
        self.words = words
        self.person_titles = actor_words().person_titles

    def condition(self, verb: "Token", skip: set[int]) -> list["Token"]:
        """The core of a conditional clause of the verb ("if Congress had not
        taken care") or of its "without" phrase ("Without the mandate, premiums
        would rise"), or nothing."""
        for clause in verb.children:
            marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in self.words.grammar["condition_marks"]]
            subject = next(iter(subjects_of(clause, skip)), None)
            if clause.dep_ == "advcl" and clause.i not in skip and marks and subject is not None:
                return [marks[0], *self.noun_core(subject, skip), *self.predicate_core(clause, skip)]
            if clause.dep_ == "prep" and clause.i not in skip and clause.lower_ in self.words.grammar[
                    "negative_prepositions"]:
                return self.denial(clause, skip)
        return []

    def verb_group(self, verb: "Token", skip: set[int], with_head: bool = True) -> list["Token"]:
        """The verb with its auxiliaries, negation and particle ("did not throw
        out"); with ``with_head``, the verb or copula it completes ("appeared
        to lift", "was due"), when both share the subject."""
        adverbs = self.words.grammar["verb_group_adverbs"]  # "had yet to be carried", "never met"
        words = [verb] + [
            c for c in verb.children
            if c.i not in skip and (
                (c.i < verb.i and c.dep_ in VERB_GROUP) or c.dep_ == "neg"  # "was not": never lost
                or (c.dep_ == "prt" and _particle_of(c, verb)) or (c.dep_ == "advmod" and c.lower_ in adverbs)
                # "is evaluating whether to appoint": not "evaluating to appoint"
                or (c.dep_ == "mark" and c.i < verb.i and c.lower_ in self.words.grammar["kept_marks"]
                    and not subjects_of(verb, skip))
                # "stepped down", "stepping aside": a particle the parser took for an adverb
                or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in self.words.grammar["particle_adverbs"])
            )
        ]
        # "no longer agree": the denial an adverb of the group carries is kept with it
        words += [n for w in words[1:] if w.dep_ == "advmod" for n in w.children if n.dep_ == "neg" and n.i not in skip]
        if any(c.dep_ == "neg" for c in verb.children):
            # "had not acted improperly": what a denial denies is the manner, never left out
            words += [c for c in verb.children if c.dep_ == "advmod" and c.i > verb.i and c.i not in skip
                      and c.tag_ == "RB" and not any(True for _ in c.children) and c not in words]
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
            words += self.verb_group(head, skip, with_head=head.pos_ == "ADJ" or verb.dep_ == "acomp")
        return words

    def predicate_core(self, verb: "Token", skip: set[int], nested: bool = True) -> list["Token"]:
        """Verb group and object names, through one complement verb ("plans to nominate Caren Harp")."""
        words = self.verb_group(verb, skip, with_head=False) + self.adjective_complement(verb, skip)
        words += [w for o in self.verb_objects(verb, skip) for w in self.noun_core(o, skip)]
        complements = [c for c in verb.children if c.dep_ in ("attr", "acomp") and c.i not in skip]
        # "attacks were a reaction", "was not aware of the details"
        words += [w for c in complements for w in self.noun_core(c, skip) + self.adjective_complement(c, skip)]
        for child in verb.children:
            if nested and child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and child.i not in skip:
                return words + self.predicate_core(child, skip, nested=False)
        if nested and (verb.lemma_.lower() in self.words.reporting_verbs or self.takes_clause(verb, skip)):
            words += self.clause_core(verb, skip)  # "thought the informant could link", "wanted Hatch to seek"
        return words + self.condition(verb, skip)

    def predicate_phrase(self, verb: "Token", skip: set[int]) -> list["Token"]:
        """A verb group with what completes it, never cut before its object
        ("voted to block a broader Republican attempt", "to make it easier for
        companies to own stations"): its objects' compact phrases, else its
        complement (an adjective's, a clause's core) or first complement."""
        words = self.verb_group(verb, skip, with_head=False)
        objects = self.verb_objects(verb, skip)
        words += [w for o in objects for w in self.noun_words(o, skip, 0)]
        complements = [c for c in verb.children if c.dep_ in ("attr", "acomp", "oprd") and c.i not in skip]
        words += [w for c in complements for w in self.noun_core(c, skip) + self.adjective_complement(c, skip)]
        if not (objects or complements):
            # a complement, not the time or source of the happening ("to investigate after ...")
            grammar = self.words.grammar
            adjuncts = {c.i for c in verb.children if c.lower_ in grammar["other_time_prepositions"]
                        or c.lower_ in grammar["source_prepositions"]}
            words += self.clause_core(verb, skip) or self.first_complement(verb, skip | adjuncts)
        # "to repeal and replace Obamacare": a verb coordinated to it, sharing its subject
        for conjunct in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i not in skip
                         and not subjects_of(c, skip)):
            words += [c for c in verb.children if c.dep_ == "cc" and c.i < conjunct.i and c.i not in skip]
            words += self.predicate_phrase(conjunct, skip)
        return words

    def noun_infinitive(self, noun: "Token", skip: set[int]) -> list["Token"]:
        """The infinitive that says what a noun is about ("a promise to repeal
        Obamacare", "an attempt to dismantle the law"), or nothing."""
        for child in noun.children:
            if child.dep_ == "acl" and child.i > noun.i and child.i not in skip and child.pos_ == "VERB" \
                    and any(c.tag_ == "TO" for c in child.children) and not subjects_of(child, skip):
                return self.predicate_phrase(child, skip)
        return []

    def relative_predicate(self, noun: "Token", skip: set[int]) -> list["Token"]:
        """What a noun event did, told by a relative clause whose subject it
        is ("the attack that killed eight people" -> "killed eight people"),
        or nothing."""
        for clause in noun.children:
            # "that"/"which": "who" tells of a person, not of the happening the noun names
            subject = [c for c in clause.children if c.dep_ in SUBJECTS and c.tag_ == "WDT"]
            # right after the noun (", which"): not a clause the parser hung across other words
            if clause.dep_ == "relcl" and clause.i > noun.i and clause.i not in skip and subject \
                    and clause.pos_ == "VERB" and all(t.is_punct for t in noun.doc[noun.i + 1:subject[0].i]):
                return self.predicate_phrase(clause, skip)
        return []

    def adjective_complement(self, adjective: "Token", skip: set[int]) -> list["Token"]:
        """What an adjective needs after it ("aware of the details", "right
        to name a director", "easier for companies to own stations"), at its
        core; nothing for a noun or an adjective complete alone."""
        if adjective.pos_ != "ADJ":
            return []
        for child in adjective.children:
            if child.i < adjective.i or child.i in skip:
                continue
            infinitive = child.dep_ in ("xcomp", "advcl") and child.pos_ in ("VERB", "AUX") \
                and any(c.tag_ == "TO" for c in child.children)
            if infinitive:
                marks = [c for c in child.children if c.dep_ == "mark" and c.i not in skip]
                subjects = [w for c in subjects_of(child, skip) for w in self.noun_core(c, skip)]
                return marks + subjects + self.predicate_phrase(child, skip)
        return self.first_complement(adjective, skip)

    def takes_clause(self, verb: "Token", skip: set[int]) -> bool:
        """Whether a verb without an object takes a clause after it as its
        content ("wanted Hatch to seek re-election", "showed that ACU bragged")."""
        return not self.verb_objects(verb, skip) and any(
            c.dep_ == "ccomp" and c.i > verb.i and c.i not in skip and subjects_of(c, skip) and not _free_relative(c)
            for c in verb.children)

    def clause_core(self, verb: "Token", skip: set[int]) -> list["Token"]:
        """The subject and core predicate of the clause a verb takes ("allowing
        Congress to remove a federal tax exemption")."""
        for child in verb.children:
            subject = next((c for c in child.children if c.dep_ in SUBJECTS and c.i not in skip), None)
            if child.dep_ == "ccomp" and child.i > verb.i and child.i not in skip and subject is not None \
                    and not _free_relative(child):
                predicate = self.predicate_core(child, skip)
                if max(predicate, key=lambda t: t.i) is child:  # "have the committee look into the issues"
                    predicate += self.first_complement(child, skip)
                # "voted to investigate whether Farenthold used ...": the "whether" is the news
                marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ in self.words.grammar["kept_marks"]]
                return marks + self.noun_core(subject, skip) + predicate
        return []

    def verb_objects(self, verb: "Token", skip: set[int]) -> list["Token"]:
        return [c for c in verb.children if c.dep_ == "dobj" and c.i not in skip and c.tag_ not in RELATIVE_TAGS]

    def first_complement(self, head: "Token", skip: set[int], nested: bool = True) -> list["Token"]:
        """The first prepositional phrase after ``head`` whose object is not the
        date itself nor a bare number ("conducted Dec. 3 to 7"); a bare noun
        keeps its own (``nested``: "in reference to Clinton's loss")."""
        for child in head.rights:
            if child.dep_ not in ("prep", "agent") or child.i in skip:
                continue
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp") and c.i not in skip]
            lead = [c for c in child.children if c.dep_ == "neg" and c.i not in skip] + [child]  # "Not under oath"
            second = next((c for c in child.children if c.dep_ == "prep" and c.i == child.i + 1), None)
            if not objects and second is not None:  # "dropped out of the race": a preposition of two words
                objects = [c for c in second.children if c.dep_ == "pobj" and c.i not in skip]
                lead = [*lead, second]
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
            if target.pos_ in ("VERB", "AUX"):  # "of touching her breasts", "to lying to the FBI"
                return lead + self.predicate_phrase(target, skip)
            phrase = self.noun_words(target, skip, depth=0)
            if nested and len(phrase) == 1:
                phrase += self.first_complement(target, skip, nested=False)
            if nested and len(phrase) <= _BARE_PHRASE_WORDS:  # "on a promise to repeal and replace Obamacare"
                phrase += self.noun_infinitive(target, skip)
            return lead + phrase + self._range_end(child, head, skip)
        return []

    def _range_end(self, preposition: "Token", head: "Token", skip: set[int]) -> list["Token"]:
        """The other end of a range a complement opens ("from Tel Aviv" ...
        "to Jerusalem"): the next complement of the same head, when it closes
        the range; nothing otherwise."""
        grammar = self.words.grammar
        if preposition.lower_ not in grammar["range_openers"]:
            return []
        following = next((c for c in head.rights if c.i > preposition.right_edge.i and c.dep_ == "prep"), None)
        if following is None or following.i in skip or following.lower_ not in grammar["range_closers"]:
            return []
        objects = [c for c in following.children if c.dep_ == "pobj" and c.i not in skip]
        return [following, *self.noun_words(objects[0], skip, depth=0)] if objects else []

    def noun_part(
        self, noun: "Token", skip: set[int], short_rank: int, core_rank: int, depth: int = 1,
        lead: list["Token"] | None = None,
    ) -> Part:
        """A noun phrase at three lengths: with its complement, compact, core."""
        lead = lead or []
        levels = [(0, lead + self.noun_words(noun, skip, depth))]
        core = self.noun_core(noun, skip)
        # a person's long title goes with the short phrase ("U.S. House of Representatives Speaker
        # Paul Ryan" -> "Paul Ryan"), before what the sentence says is shortened
        name_only = noun.pos_ == "PROPN" and all(t.pos_ == "PROPN" or t.is_punct or t.dep_ == "cc" for t in core)
        for rank, words in ((short_rank, self.noun_words(noun, skip, 0, complements=False)),
                            (short_rank if name_only else core_rank, core)):
            if len(words) < len(levels[-1][1]) - len(lead):
                levels.append((rank, lead + words))
        return Part(levels)

    def noun_words(self, noun: "Token", skip: set[int], depth: int, complements: bool = True) -> list["Token"]:
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
            elif child.text == "," and child.i > noun.i and len(_conjuncts(noun, skip)) > 1 and any(
                    nominal_conjunct(c) and c.i > child.i for c in noun.children):
                words.append(child)  # a list's commas: "Costello, Hill and Williams", not "Manafort, 68, and Gates"
            elif child.i > noun.i and nominal_conjunct(child):  # not "account, change or view"
                words += self.noun_words(child, skip, 0, complements=False)
            elif child.dep_ == "acl" and child.pos_ == "VERB" and depth > 0 and complements and child.i > noun.i \
                    and not any(c.dep_ in SUBJECTS for c in child.children):  # not "evidence that his client colluded"
                # "agreement ... to move beyond a dispute", "plan to extend the program"
                words += [c for c in child.children if c.dep_ == "aux" and c.i not in skip] + [child]
                words += [w for o in self.verb_objects(child, skip) for w in self.noun_core(o, skip)]
                words += self.clause_core(child, skip) + self.first_complement(child, skip)
            elif child.dep_ == "prep" and depth == 0 and child.lower_ in grammar["object_prepositions"]:
                objects = [c for c in child.children if c.dep_ == "pobj" and c.i not in skip]
                words += [child, *self.noun_core(objects[0], skip)] if objects else []
            elif child.dep_ == "prep" and child.lower_ in grammar["negative_prepositions"]:
                words += self.denial(child, skip)  # at every length: "number of Americans without health insurance"
        if depth > 0 and complements:
            words += self.first_complement(noun, skip)
            words += self._agent(noun, skip, {t.i for t in words})
        return words

    def _agent(self, noun: "Token", skip: set[int], held: set[int]) -> list["Token"]:
        """Who did what a noun names, a named "by" phrase ("the shooting in
        Sutherland Springs, Texas, by Devin Kelley"), unless already held."""
        for child in noun.children:
            if child.dep_ != "prep" or child.lower_ not in self.words.grammar["agent_prepositions"] \
                    or child.i in skip or child.i in held:
                continue
            named = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN" and c.i not in skip]
            if named:
                return [child, *self.name_core(named[0], skip)]
        return []

    def noun_core(self, noun: "Token", skip: set[int]) -> list["Token"]:
        """The noun and the words of its name ("President Donald Trump", "tax
        bill"); for a name, the name alone ("law professor Caren Harp" ->
        "Caren Harp"); with the names coordinated to it, never cut inside a
        coordination of names ("Senators Ted Cruz and Pat Toomey")."""
        words = self.name_core(noun, skip)
        # names only: "Cruz" for "Cruz and Toomey" misleads about who, "emails" for
        # "emails, financial records and other documents" sums them up
        conjuncts = _conjuncts(noun, skip) if noun.pos_ == "PROPN" else []
        if not conjuncts or any(c.pos_ != "PROPN" for c in conjuncts):
            return words
        # the "and" and the commas of the list ("Peter Costello, Robert Hill and Daryl Williams")
        words += [t for c in (noun, *conjuncts) for t in c.children if t.i > noun.i and t.i not in skip
                  and (t.dep_ == "cc" or (t.text == "," and len(conjuncts) > 1 and t.i < conjuncts[-1].i))]
        for conjunct in conjuncts:  # a name alone ("Attorney General Daryl Williams" -> "Daryl Williams")
            run = self._name_run(conjunct, skip, untitled=True)
            words += run if conjunct.pos_ == "PROPN" and len(run) > 1 else self.name_core(conjunct, skip)
        return words

    def name_core(self, noun: "Token", skip: set[int]) -> list["Token"]:
        """The noun and the words of its name, alone (see :meth:`noun_core`)."""
        grammar = self.words.grammar
        punctuation = grammar["title_punctuation"]
        words = [noun] + [
            t for c in noun.children if c.dep_ in _CORE_MODIFIERS and c.i not in skip
            for t in c.subtree if t.i not in skip and (not t.is_punct or t.text in punctuation)
        ]
        # "the number of Americans without health insurance": a denial is never left out
        words += [w for c in noun.children if c.dep_ == "prep" and c.lower_ in grammar["negative_prepositions"]
                  and c.i not in skip for w in self.denial(c, skip)]
        titled = any(t.pos_ in ("NOUN", "ADP") for t in words)  # "Chief of Staff", "law professor"
        if noun.pos_ != "PROPN" or len(words) <= _LONG_NAME_WORDS:
            return words
        # "Democratic Lieutenant Governor Tina Smith": a title capitalised as a name goes too
        run = self._name_run(noun, skip, untitled=not titled)
        return run if len(run) > 1 and len(run) < len(words) else words

    def _name_run(self, noun: "Token", skip: set[int], untitled: bool = False) -> list["Token"]:
        """The run of name words that ends in ``noun`` ("John Kelly" of "Chief
        of Staff John Kelly"); ``untitled``: without a title capitalised as a
        name ("Robert Hill" of "Environment Minister Robert Hill")."""
        start = noun.i
        doc = noun.doc
        while start > noun.left_edge.i and start - 1 not in skip and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].dep_ in _CORE_MODIFIERS \
                and not (untitled and doc[start - 1].lower_ in self.person_titles):  # not "from Georgia John Lewis"
            start -= 1
        return list(doc[start:noun.i + 1])

    def denial(self, preposition: "Token", skip: set[int]) -> list["Token"]:
        """A "without" phrase at its core ("without health insurance")."""
        objects = [c for c in preposition.children if c.dep_ == "pobj" and c.i not in skip]
        return [preposition, *self.noun_core(objects[0], skip)] if objects else []


def _conjuncts(noun: "Token", skip: set[int]) -> list["Token"]:
    """The nouns coordinated after ``noun``, also along a chain ("A, B and C": C may hang from B)."""
    found: list[Token] = []
    for child in noun.children:
        if child.i > noun.i and child.i not in skip and nominal_conjunct(child):
            found += [child, *_conjuncts(child, skip)]
    return sorted(found, key=lambda t: t.i)


def _particle_of(particle: "Token", verb: "Token") -> bool:
    """A particle right after its verb or its object ("threw out the lawsuit",
    "threw the lawsuit out"); not one the parser reached across a phrase
    ("passed in 1938 in the lead up to World War Two")."""
    between = range(verb.i + 1, particle.i)
    objects = {t.i for c in verb.children if c.dep_ in ("dobj", "dative") for t in c.subtree}
    return all(k in objects for k in between)


def _free_relative(clause: "Token") -> bool:
    """A clause that names a thing, not a fact ("challenge what he called
    evidence improperly obtained"): a wh-word among its own words."""
    return any(c.tag_ in RELATIVE_TAGS and c.i < clause.i for c in clause.children)
