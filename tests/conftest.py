"""Shared fixtures: the seed article, the shared corpora, one pipeline per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
SEED_TEXT = SEEDS / "reuters-2017-11-02-xi-kim.txt"
IN_CI = bool(os.environ.get("CI"))


def shared_path(*parts: str) -> Path:
    """A path in ../shared; skips outside CI when absent, fails in CI."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing in CI")
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from timeline.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_document(pipeline):  # type: ignore[no-untyped-def]
    from timeline.read.text import read_text_file

    return pipeline.process(read_text_file(SEED_TEXT))
