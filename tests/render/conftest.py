"""Fixtures of the export tests (builders in render_fixtures.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import pytest

import render_fixtures as data
from timeline.assemble import Timeline

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture
def rich_timeline() -> Timeline:
    return data.rich_timeline()


@pytest.fixture
def hostile_timeline() -> Timeline:
    return data.hostile_timeline()


@pytest.fixture
def empty_timeline() -> Timeline:
    return data.empty_timeline()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """One headless Chromium for the session (skips outside CI when absent)."""
    executable = data.chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=data.CHROMIUM_ARGS, timeout=60_000)
        try:
            yield browser
        finally:
            browser.close()
