"""Fixtures of the export tests (builders in render_fixtures.py)."""

from __future__ import annotations

import pytest

import render_fixtures as data
from timeline.assemble import Timeline


@pytest.fixture
def rich_timeline() -> Timeline:
    return data.rich_timeline()


@pytest.fixture
def hostile_timeline() -> Timeline:
    return data.hostile_timeline()


@pytest.fixture
def empty_timeline() -> Timeline:
    return data.empty_timeline()
