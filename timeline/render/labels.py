"""The words of every people-facing export: date labels, the HTML page and
its script, calendar and TimelineJS texts.  They live in ``data/labels.json``
(English); nothing here or in the templates spells a word of its own."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def labels() -> dict[str, Any]:
    """The whole wording, loaded once."""
    text = resources.files("timeline.render").joinpath("data/labels.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def counted(forms: dict[str, str], count: int, **values: object) -> str:
    """A phrase about ``count`` things in its singular or plural form
    (``{"one": ..., "other": ...}``), filled in with ``count`` and ``values``."""
    return forms["one" if count == 1 else "other"].format(count=count, **values)
