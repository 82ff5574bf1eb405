"""The TimelineJS3 library from the npm registry, cached under tests/artifacts,
and a local page that runs it on inline data (no CDN, nothing fetched)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from render_fixtures import ARTIFACTS, IN_CI

PACKAGE = "@knight-lab/timelinejs@3"
CACHE = ARTIFACTS / "timelinejs"
DIST = CACHE / "node_modules" / "@knight-lab" / "timelinejs" / "dist"


def unavailable(message: str) -> None:
    if IN_CI:
        pytest.fail(message + " (required in CI)")
    pytest.skip(message)


def timelinejs_dist() -> Path:
    """The library's dist/ folder, installed with npm on first use."""
    if (DIST / "js" / "timeline.js").is_file():
        return DIST
    npm = shutil.which("npm")
    if npm is None:
        unavailable("npm is not installed: cannot install " + PACKAGE)
    CACHE.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run(
            [str(npm), "install", "--prefix", str(CACHE), "--no-audit", "--no-fund", "--no-save", PACKAGE],
            capture_output=True, text=True, timeout=300,
        )
    except subprocess.TimeoutExpired:
        unavailable(f"npm install {PACKAGE} took more than 300 s")
    if result.returncode != 0 or not (DIST / "js" / "timeline.js").is_file():
        unavailable(f"npm install {PACKAGE} failed ({result.returncode}): {result.stderr.strip()[-2000:]}")
    return DIST


def script_json(value: Any) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def write_page(dist: Path, data: dict[str, Any], name: str) -> Path:
    """A page with the library's JS and CSS inlined and the data inline.

    It lives in ``dist/pages/`` so that the stylesheet's relative icon-font
    URLs resolve to the installed files."""
    css = (dist / "css" / "timeline.css").read_text("utf-8")
    js = (dist / "js" / "timeline.js").read_text("utf-8").replace("</script", "<\\/script")
    options = {"script_path": (dist / "js").resolve().as_uri() + "/", "font": None, "theme": None,
               "hash_bookmark": False}
    page = dist / "pages" / name
    page.parent.mkdir(exist_ok=True)
    page.write_text(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>TimelineJS test</title>"
        f"<style>{css}</style></head><body>"
        "<div id=\"timeline-embed\" style=\"width: 1000px; height: 650px\"></div>"
        f"<script>{js}</script>"
        f"<script>window.timeline = new TL.Timeline('timeline-embed', {script_json(data)}, "
        f"{script_json(options)});</script></body></html>",
        encoding="utf-8",
    )
    return page
