"""The words of the exports live in data/labels.json only: every label the
HTML template, its script and the renderers name exists, none is unused, the
template and the script spell no word of their own, and the script's words
reach it through the page's JSON data block (escaped, CSP unchanged)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from playwright.sync_api import expect

from render_browser import open_offline
from render_fixtures import chromium, rich_timeline  # noqa: F401  (fixtures)
from timeline.assemble import Timeline
from timeline.render.html import templates_dir
from timeline.render.labels import counted, labels

if TYPE_CHECKING:
    from playwright.sync_api import Browser

RENDER = Path(__file__).resolve().parents[2] / "timeline" / "render"
# without comments (they may name labels.json itself)
TEMPLATE = re.sub(r"\{#.*?#\}", "", (templates_dir() / "timeline.html.j2").read_text("utf-8"), flags=re.DOTALL)
SCRIPT = re.sub(r"/\*.*?\*/|^\s*//[^\n]*", "", (templates_dir() / "timeline.js").read_text("utf-8"),
                flags=re.DOTALL | re.MULTILINE)
# the template's own sections of labels.json, and the one the script reads
PAGE, SCRIPT_SECTION = "page", "script"
# attributes a person reads or hears (class names, ids and values are code)
PEOPLE_ATTRIBUTES = re.compile(r'\b(title|aria-label|placeholder|alt)="([^"]*)"')
JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)


def label_paths(source: str, root: str) -> list[tuple[str, ...]]:
    """Every ``root.a.b...`` the source names (method calls like ``.format`` included)."""
    return [tuple(m.group(1).split(".")[1:]) for m in re.finditer(rf"\b{root}((?:\.\w+)+)", source)]


def resolve(words: dict[str, Any], path: tuple[str, ...]) -> tuple[str, ...]:
    """The part of ``path`` that names labels: keys down to the first text or list
    (what follows is a method of it); a missing key fails."""
    node: Any = words
    for depth, key in enumerate(path):
        if not isinstance(node, dict):
            return path[:depth]
        assert key in node, f"labels.{'.'.join(path[:depth + 1])} is not in labels.json"
        node = node[key]
    return path


def test_every_label_the_template_names_exists() -> None:
    used = [resolve(labels(), path) for path in label_paths(TEMPLATE, "labels")]
    assert (PAGE, "skip_link") in used and (SCRIPT_SECTION,) in used


def test_every_label_the_script_names_exists() -> None:
    used = {resolve(labels()[SCRIPT_SECTION], path) for path in label_paths(SCRIPT, "labels")}
    assert used == {(key,) for key in labels()[SCRIPT_SECTION]}, "unused or missing script labels"


def test_no_label_is_unused() -> None:
    used = {resolve(labels(), path) for path in label_paths(TEMPLATE, "labels")}
    unused_page = set(labels()[PAGE]) - {path[1] for path in used if len(path) > 1 and path[0] == PAGE}
    assert not unused_page, f"page labels the template never shows: {sorted(unused_page)}"
    python = "\n".join(p.read_text("utf-8") for p in RENDER.glob("*.py"))
    in_template = {path[0] for path in used}
    unused = [key for key in labels() if key not in in_template and not re.search(f"[\"']{key}[\"']", python)]
    assert not unused, f"labels neither the template nor a renderer uses: {unused}"


def test_template_spells_no_word_of_its_own() -> None:
    markup = JINJA.sub("", TEMPLATE)
    for name, value in PEOPLE_ATTRIBUTES.findall(markup):
        assert not re.search(r"[^\W\d_]", value), f'{name}="{value}" is not from labels.json'
    text = re.sub(r"<[^>]*>|&\w+;", " ", markup)
    words = re.findall(r"[^\W\d_]+", text)
    assert not words, f"words in the template outside labels.json: {words}"


def test_script_strings_are_code_not_words() -> None:
    # a literal with words and spaces ("Showing ", "all events") would be a
    # message, and those come from labels.json; code strings have no spaces
    literals = [a or b for a, b in re.findall(r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\'', SCRIPT)]
    messages = [text for text in literals if " " in text and re.search(r"[^\W\d_]", text)]
    assert messages == ["use strict"]


def test_counted_forms() -> None:
    forms = labels()["summary_events"]
    assert counted(forms, 1) == "1 dated event" and counted(forms, 0) == "0 dated events"
    assert counted(labels()["summary_sources"], 2, span="x") == " from 2 articles published x"


def test_script_labels_block_is_json_and_cannot_close_the_script(
    rich_timeline: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = '</script><script>alert(1)</script> {shown}/{total} & "q" \u2028'
    monkeypatch.setitem(labels()[SCRIPT_SECTION], "status_some", hostile)
    markup = rich_timeline.to_html()
    block = re.search(r'<script type="application/json" id="labels">(.*?)</script>', markup, re.DOTALL)
    assert block is not None and "<" not in block.group(1) and "&" not in block.group(1)
    assert json.loads(block.group(1)) == labels()[SCRIPT_SECTION]


@pytest.mark.browser
def test_script_shows_the_words_of_labels_json(
    chromium: "Browser", rich_timeline: Timeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Other words in labels.json: the page and its script say them; a label
    that looks like markup stays text; the CSP still lets nothing else run."""
    script = labels()[SCRIPT_SECTION]
    monkeypatch.setitem(script, "status_all", {"one": "Alle {total} Termine", "other": "Alle {total} Termine (viele)"})
    monkeypatch.setitem(script, "status_some", '</script><script>alert(1)</script> {shown} von {total} & "q"')
    monkeypatch.setitem(labels()[PAGE], "reset", "Zurücksetzen")
    path = tmp_path / "timeline.html"
    path.write_text(rich_timeline.to_html(), encoding="utf-8")
    opened = open_offline(chromium, path.resolve().as_uri())
    page = opened.page
    total = len(rich_timeline.entries)
    expect(page.locator("#status")).to_have_text(f"Alle {total} Termine (viele)")
    expect(page.locator("#reset")).to_have_text("Zurücksetzen")
    page.locator("label.chip", has=page.locator('input[value="day"]')).click()
    expect(page.locator("#status")).to_have_text(
        f'</script><script>alert(1)</script> {total - 3} von {total} & "q"')
    assert opened.dialogs == [] and opened.errors == [] and opened.requests == []
    page.context.close()
