"""Constants and helpers shared by the test modules (import with
``from support import ...``; conftest.py holds only fixtures, because several
conftest modules cannot be imported by name side by side)."""

from __future__ import annotations

import importlib.util
import os
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from timeline.events.interval import interval
from timeline.model import Document, Event, EventMention, TextSpan, Timex

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
SEED_TEXT = SEEDS / "reuters-2017-11-02-xi-kim.txt"
IN_CI = bool(os.environ.get("CI"))
# the publication date of the documents lemma_document and told_document build
PUBLISHED = date(2017, 11, 2)


def shared_path(*parts: str) -> Path:
    """A path in ../shared; skips outside CI when absent, fails in CI."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing in CI")
        pytest.skip(f"{path} not available")
    return path


def bench_module(name: str) -> ModuleType:
    """The script bench/NAME.py loaded as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def lemma_document(doc_id: str, events: list[tuple[str, str, tuple[str, ...]]], kind: str = "happening") -> Document:
    """A document whose text holds one line per event: "<entities> <trigger> on <value>."
    ``events``: (trigger lemma, TIMEX3 value, entities); titles name the
    participants, as the titler's do."""
    text = ""
    timexes: list[Timex] = []
    built: list[Event] = []
    for i, (lemma, value, entities) in enumerate(events, 1):
        line = f"{' '.join(entities)} {lemma} on {value}. "
        start = len(text) + line.index(f" {lemma} ") + 1
        trigger = TextSpan(start, start + len(lemma), lemma)
        t_start = len(text) + line.index(f"on {value}") + 3
        sentence = TextSpan(len(text), len(text) + len(line) - 1, line[:-1])
        text += line
        timexes.append(Timex(f"t{i}", t_start, t_start + len(value), value, "DATE", value))
        built.append(Event(
            id=f"e{i}", timex=f"t{i}", trigger=trigger, title=f"{' '.join(entities)} {lemma} {i} of {doc_id}".strip(),
            sentence=sentence, kind=kind,
            date=interval(value, PUBLISHED), certainty="exact" if interval(value) else "vague", tense="past",
            lemma=lemma, entities=entities, mentions=(EventMention(f"t{i}", trigger, sentence),),
        ))
    return Document(id=doc_id, text=text, published=PUBLISHED, timexes=tuple(timexes), events=tuple(built),
                    title=f"title of {doc_id}")


def told_document(doc_id: str, reports: list[tuple[str, str, str, str, tuple[str, ...]]],
                  title: str | None = None) -> Document:
    """A document of real sentences; ``reports``: (sentence, trigger word,
    TIMEX3 value, headline, entities); the lemma is the trigger word."""
    text, timexes, built = "", [], []
    for i, (sentence, word, value, headline, entities) in enumerate(reports, 1):
        offset = len(text)
        text += sentence + " "
        span = TextSpan(offset, offset + len(sentence), sentence)
        start = offset + sentence.index(word)
        trigger = TextSpan(start, start + len(word), word)
        timexes.append(Timex(f"t{i}", offset, offset + 1, sentence[0], "DATE", value))
        built.append(Event(
            id=f"e{i}", timex=f"t{i}", trigger=trigger, title=headline, sentence=span,
            date=interval(value, PUBLISHED), certainty="exact", tense="past", lemma=word.lower(),
            entities=entities, mentions=(EventMention(f"t{i}", trigger, span),),
        ))
    return Document(id=doc_id, text=text, published=PUBLISHED, timexes=tuple(timexes), events=tuple(built),
                    title=title)
