"""Figures among dated events: the statistic rules of the kind classifier."""

from __future__ import annotations

import pytest

from timeline.events.figures import FigureRules
from timeline.events.kinds import kind_cues
from timeline.nlp import load_model
from timeline.settings import DEFAULT_SPACY_MODEL


@pytest.mark.parametrize(("sentence", "word", "figure"), [
    ("Retail sales rose 3 percent in May.", "rose", True),
    ("Approximately one in three residents took a deduction in 2015.", "took", True),
    ("Republicans held 66 seats before the election.", "held", True),
    # a happening with a number in it is no figure
    ("Republicans held two rallies on Monday.", "held", False),
    ("Democrats won 15 seats in the election.", "won", False),
    ("Thousands of Nicaraguans received the special status in 1999.", "received", False),
])
def test_a_figure_is_told_by_its_verb_and_words(sentence: str, word: str, figure: bool) -> None:
    doc = load_model(DEFAULT_SPACY_MODEL)(sentence)
    token = next(t for t in doc if t.text == word)
    dates = {t.i for t in doc if t.text in ("May", "2015", "2008", "2012", "1999", "Monday")}
    assert FigureRules(kind_cues().lists).statistic(token, token.lemma_.lower(), dates) is figure
