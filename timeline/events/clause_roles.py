"""Who does what in a clause of the parse, as an event's title reads it:
the subject a verb has or shares (through complements, conjuncts, "after
falling short" clauses, relative clauses), misparses the title must not
follow (a name taken for a verb or a compound, a heading, a link), and
the shapes of clause a title must not cut."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.events.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


SUBJECTS = ("nsubj", "nsubjpass")
# dependents of the verb group shown in a headline ("did not disrupt")
VERB_GROUP = ("aux", "auxpass", "neg")
# relative and question words: "which", "who", "whose", "when"
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def subject_of(verb: "Token", skip: set[int], words: Lexicon) -> "Token | None":
    """Who did it: the verb's subject, the subject it shares with the verb it
    hangs from (the object of that verb when it has one: "prompting the
    committee to launch a probe"; the subject of the clause an "after
    falling short" belongs to), the noun a participle describes ("the plan
    proposed by Trump"), or the noun a relative pronoun stands for ("Sanders,
    who sought").  A time noun ("the same day imposed") or a heading ("MEDICAL
    EXPENSES: expands") is not a subject."""
    grammar = words.grammar
    token = verb
    for _ in range(6):
        for child in subjects_of(token, skip):
            if child.lemma_.lower() not in grammar["time_nouns"]:
                if child.tag_ in RELATIVE_TAGS:  # "which" of a clause the parser did not see as relative: no one
                    return _named(antecedent_noun(token.head)) if token.dep_ == "relcl" and token.head != token else None
                if heading_subject(child):
                    return None
                if token is not verb and child.tag_ == "PRP" and verb.dep_ == "pcomp" \
                        and verb.head.lower_ not in grammar["other_time_prepositions"]:
                    # "looks forward to returning" is no return; "since launching one", "before
                    # being elected" are the subject's own doing, named when the article names it
                    return None
                return child
        # the noun a participle describes; also a noun's "one" ("shorter than one sent after")
        # (or a subject's name the parser took for a verb: "Franken, first elected in 2008, is")
        if token.dep_ in ("acl", "relcl") and (token.head.pos_ in ("NOUN", "PROPN") or (
                token.head.tag_ == "CD" and token.head.lower_ in grammar["noun_pronouns"]) or (
                token.head.dep_ in SUBJECTS and token.head.text[:1].isupper())):
            return _named(token.head)
        head = token.head
        if head == token:
            return None
        if token.dep_ == "xcomp":
            controller = controller_of(head, skip)
            if controller is not None:
                return controller
            token = head
        elif token.dep_ == "advcl" and token.tag_ in ("VBN", "VBD") and reduced_passive(token):
            return None  # "demurred when asked": the one asked is not the one who demurred
        elif token.dep_ in ("conj", "advcl", "acomp"):
            named = _stray_name(token) if token.dep_ == "conj" else None
            if named is not None:
                return named
            token = head
        elif token.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "VERB":
            owner = head.head
            objects = [c for c in owner.children if c.dep_ == "dobj" and c.i not in skip]
            if head.lower_ in grammar["object_prepositions"] and objects:
                return objects[0]  # "accused Franken of touching"
            token = owner
        else:
            return None
    return None


def _stray_name(verb: "Token") -> "Token | None":
    """A name set off by commas right before a conjunct verb that the parser
    hung from the verb before ("after its prior nominee, James Clinger,
    withdrew his name": Clinger withdrew, not the administration)."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    name = doc[verb.i - 2]
    stray = name.pos_ == "PROPN" and name.head == verb.head and name.dep_ in ("npadvmod", "appos", "dep")
    return name if stray and not any(c.dep_ == "cc" for c in verb.head.children if name.i < c.i < verb.i) else None


def _named(noun: "Token | None") -> "Token | None":
    """The name a description stands in apposition to ("Devin Kelley, a former
    serviceman who had a conviction": Kelley had it)."""
    if noun is not None and noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return noun.head
    return noun


def cut_report(words: list["Token"]) -> bool:
    """Whether the words end in a verb whose clause they leave out ("his research showed")."""
    last = max(words, key=lambda t: t.i, default=None)
    held = {t.i for t in words}
    return last is not None and last.pos_ == "VERB" and any(
        c.dep_ == "ccomp" and c.i > last.i and c.i not in held for c in last.children)


def reduced_passive(verb: "Token") -> bool:
    """A participle after a subordinator, without auxiliary ("when asked", "if
    elected"; the parser may tag it a past tense); not a fronted "Created
    after the crisis, the CFPB", which shares its subject."""
    children = list(verb.children)
    return not any(c.dep_ in VERB_GROUP for c in children) and any(
        c.i < verb.i and (c.dep_ == "mark" or c.tag_ in RELATIVE_TAGS) for c in children)


def antecedent_noun(head: "Token") -> "Token | None":
    """What a relative pronoun stands for: the noun the clause hangs from, or
    the object of the verb the parser hung it from ("overshadowed Trump's
    tenure, which began")."""
    if head.pos_ not in ("VERB", "AUX"):
        return head
    return next((c for c in reversed(list(head.children)) if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)


def subjects_of(verb: "Token", skip: set[int]) -> list["Token"]:
    """The subjects of ``verb`` outside ``skip``; for a dateline the parser took
    as the subject ("BRUSSELS (Reuters) - ... Rex Tillerson said"), the name
    in apposition to it."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if not subjects and verb.pos_ == "VERB":
        # "Trump demurred": a name the parser took for a compound of the verb
        subjects = [c for c in verb.children if c.dep_ == "compound" and c.i < verb.i and c.text[:1].isupper()]
    kept = [c for c in subjects if c.i not in skip]
    if kept or not subjects:
        return kept
    named = [a for s in subjects for a in s.children if a.dep_ == "appos" and a.i not in skip]
    return named[-1:]


def controller_of(verb: "Token", skip: set[int]) -> "Token | None":
    """The object that is also the subject of the verb's complement ("pressed
    Congress to renew"); a pronoun object ("appeared all but certain") is not."""
    objects = (c for c in verb.children if c.dep_ == "dobj" and c.i not in skip and c.pos_ in ("NOUN", "PROPN"))
    return next(objects, None)


def misparsed_name(verb: "Token", skip: set[int]) -> "Token | None":
    """The real predicate when the parser took a sentence's first word, a name,
    for a base-form verb ("Trump on Thursday nominated Powell": "Trump" VB,
    "nominated" its conjunct): the conjunct verb, which has no subject."""
    if verb.tag_ != "VB" or verb.i != verb.sent.start or not verb.text[:1].isupper() or subjects_of(verb, skip):
        return None
    return next((c for c in verb.children if c.dep_ == "conj" and c.tag_ in ("VBD", "VBZ") and not subjects_of(c, skip)),
                None)


def acting_it(token: "Token", words: Lexicon) -> bool:
    """An "it"/"its" that stands for someone: the subject of a verb that is
    no copula and holds no clause it anticipates ("it is unclear whether",
    "it emerged that"), or a possessive."""
    if token.dep_ == "poss":
        return True
    head = token.head
    if token.dep_ not in SUBJECTS or head.lemma_ in words.grammar["copula_lemmas"]:
        return False
    return not any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > head.i and any(
        g.dep_ == "mark" for g in c.children) for c in head.children)


def own_clause_conjunct(token: "Token", skip: set[int]) -> bool:
    """A verb conjoined to another with a subject of its own ("that changed,
    and Simonds clinched"): a clause apart, not a second verb of the first."""
    return token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and bool(subjects_of(token, skip))


def nominal_conjunct(token: "Token") -> bool:
    return token.dep_ == "conj" and token.pos_ in ("NOUN", "PROPN")


def heading_subject(subject: "Token") -> bool:
    """A "MEDICAL EXPENSES:" heading the parser took for a subject."""
    doc = subject.doc
    after = subject.right_edge.i + 1
    at_start = subject.left_edge.i == subject.sent.start
    return at_start and (subject.right_edge.text == ":" or (after < len(doc) and doc[after].text == ":"))


def is_url(token: "Token") -> bool:
    """A web address, also a short link spaCy does not see as one
    ("reut.rs/2A77Y5o"), or a bracketed story code ("[nL1N1NC20Q")."""
    host = token.text.split("/")[0]
    return token.like_url or ("/" in token.text and "." in host.strip(".")) or "[" in token.text
