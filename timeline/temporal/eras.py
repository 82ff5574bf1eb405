"""Story eras: a happening the story names with its year ("Trump's 2016
election campaign") lends that year to a month or day without one, told in
the past in a later sentence that names the same happening by the same name
("In a May 4 email ..., a Trump campaign employee forwarded a message": May
4, 2016, not the May before publication).  The happening nouns that last
long enough to hold dates ("campaign", "race"...) are ``era_nouns`` in
``data/lexicon.json``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from timeline.temporal.tense import premodifies_noun, span_head

if TYPE_CHECKING:
    from spacy.tokens import Token

# the dependencies by which a name owns a happening: "Trump's campaign", "the Trump campaign"
_OWNER_DEPS = ("poss", "compound")
_MAX_COMPOUND_HOPS = 3


@dataclass(frozen=True, slots=True)
class Era:
    noun: str  # the happening's lemma: "campaign"
    owners: frozenset[str]  # the names it is told with: {"Trump"}
    year: int


@dataclass
class Eras:
    """The eras one document named so far, in text order."""

    nouns: frozenset[str]
    found: list[Era] = field(default_factory=list)

    def saw_year(self, tokens: "list[Token]", year: int) -> None:
        """Record the era a bare year premodifying a happening noun names
        ("Trump's 2016 election campaign"): only one told with a name."""
        if not tokens or not premodifies_noun(tokens):
            return
        noun = span_head(tokens).head
        chain = [noun]
        for _ in range(_MAX_COMPOUND_HOPS):  # "2016 election campaign": up to "campaign"
            if noun.dep_ != "compound" or noun.head.pos_ not in ("NOUN", "PROPN"):
                break
            noun = noun.head
            chain.append(noun)
        if noun.lemma_ not in self.nouns:
            return
        owners = frozenset(c.text for n in chain for c in n.children if c.dep_ in _OWNER_DEPS and c.pos_ == "PROPN")
        if owners:
            self.found.append(Era(noun.lemma_, owners, year))

    def year_of(self, tokens: "list[Token]") -> int | None:
        """The year of the latest era whose happening the sentence of
        ``tokens`` names by the same name ("a Trump campaign employee")."""
        if not tokens or not self.found:
            return None
        sentence = tokens[0].sent
        for era in reversed(self.found):
            for token in sentence:
                if token.lemma_ == era.noun and any(c.dep_ in _OWNER_DEPS and c.text in era.owners
                                                    for c in token.children):
                    return era.year
        return None
