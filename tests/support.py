"""Constants and helpers shared by the test modules (import with
``from support import ...``; conftest.py holds only fixtures, because several
conftest modules cannot be imported by name side by side)."""

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
