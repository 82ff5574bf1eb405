"""The titles examples corpus (``data/title_examples.tsv``): 342 real
sentences, 305 from the Reuters 2017 politics corpus and 37 from TimeBank,
drawn by ``bench/title_examples.py`` (never from the reader-audit samples:
the rows of classes content-dropped and cut-mid-phrase also avoid seeds 6161 and 5454),
each with the sentence before it (who "he" is), its trigger and the title an
editor would print for it -- the exact title (``=...``) or the words it must
hold (actor, verb, object; negation and modality where the sentence has
them).  Every title must also keep the form rules: four to fourteen words,
no bare pronoun first, no reporting verb or dangling function word last.

A row whose title the code does not give yet has status ``known``: it is an
expected failure, strict, so that a fix shows up as an unexpected pass and
the row is promoted to ``ok``.  Classes: the failure class of the title the
baseline gave (issue 14).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import pytest

from timeline import extract
from timeline.events.titles import MAX_TITLE_WORDS, MIN_TITLE_WORDS

CORPUS = Path(__file__).parent / "data" / "title_examples.tsv"
# a title never opens with one of these (the article names who) ...
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "i", "you", "me", "us"}
# ... nor ends with a bare reporting verb or a word that needs what follows
LAST_WORDS = {"said", "says", "told", "reported", "added", "to", "of", "that", "and", "the", "a", "for", "in",
              "on", "with", "by", "from", "as", "at", "what", "whether"}


def _rows() -> list[dict[str, str]]:
    with CORPUS.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter="\t"))


ROWS = _rows()


@lru_cache(maxsize=None)
def _title(context: str, sentence: str, trigger: str, published: str) -> str | None:
    """The title of the first event of ``sentence`` on ``trigger``, the
    sentence read after its context."""
    text = f"{context} {sentence}" if context else sentence
    at = len(text) - len(sentence)
    document = extract(text, published)
    return next((e.title for e in document.events if e.trigger.text == trigger and e.trigger.start >= at), None)


def _words(title: str) -> set[str]:
    """The title's words, lower case, without punctuation or a possessive
    ending, each also as its stem (an expected "clearing" is held by a
    title's finite "cleared")."""
    plain = re.sub(r"['’]s\b", "", title.lower())
    words = {w.strip(".,:;!?\"“”‘’()") for w in plain.split()} | set(plain.split())
    return words | {_stem(w) for w in words}


def _stem(word: str) -> str:
    """The word without a verb ending ("clearing", "cleared" -> "clear")."""
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[:-len(ending)]
    return word


def _params() -> list[object]:
    params = []
    for k, row in enumerate(ROWS, 2):
        marks = [pytest.mark.xfail(strict=True, reason="a title the code does not give yet")] \
            if row["status"] == "known" else []
        params.append(pytest.param(row, id=f"{k}-{row['class']}-{row['trigger']}", marks=marks))
    return params


def test_corpus_size_and_classes() -> None:
    assert len(ROWS) >= 300
    sources = {row["source"].split(":")[0] for row in ROWS}
    assert sources == {"reuters", "timebank"}
    classes = {row["class"] for row in ROWS}
    assert classes >= {"pronoun-or-description", "statement-content", "thin-or-one-word", "negation-kept",
                       "modality-kept", "who-did-what"}


@pytest.mark.parametrize("row", _params())
def test_title_example(row: dict[str, str]) -> None:
    title = _title(row["context"], row["sentence"], row["trigger"], row["published"])
    assert title is not None, "the trigger is no event of the sentence"
    expected = row["expected"]
    if expected.startswith("="):
        assert title == expected[1:]
    else:
        words = _words(title)
        missing = [w for w in expected.split() if not _words(w) & words]
        assert not missing, f"{title!r} lacks {missing}"
    tokens = title.split()
    assert MIN_TITLE_WORDS <= len(tokens) <= MAX_TITLE_WORDS, title
    assert tokens[0].lower() not in PRONOUNS, title
    assert tokens[-1].lower().strip(".,") not in LAST_WORDS, title
