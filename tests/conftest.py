"""Shared fixtures: one pipeline per session, the seed article processed once."""

from __future__ import annotations

import pytest
from support import SEED_TEXT

@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from timeline.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_document(pipeline):  # type: ignore[no-untyped-def]
    from timeline.read.text import read_text_file

    return pipeline.process(read_text_file(SEED_TEXT))
