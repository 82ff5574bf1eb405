"""How a large timeline page behaves in headless Chromium (a benchmark, not a test).

    python bench/html_page.py PAGE.html [--screenshots DIR] [--rounds N]

Opens PAGE.html from disk with the network cut off (as tests/render does) and
prints, measured with ``performance.now()`` inside the page:

* the file size, the number of entries, month and year groups;
* load: navigation start to the end of the load event, and to the first
  frame painted after it (double requestAnimationFrame);
* a search keystroke: typing one more letter into the search box until the
  filtered page has painted (debounce, filtering, style, layout included);
* a filter click: un-checking then re-checking the first precision chip until
  the page has painted;
* scrolling: jumps of three screens to the bottom, then 300 wheel steps of 120 px,
  frame by frame;
* console errors and requests the page attempted.

``--screenshots DIR`` writes desktop and phone screenshots of the top of the
page and of a merged multi-article entry.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "render"))

from render_browser import open_offline  # noqa: E402
from render_fixtures import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

# resolves once the page has painted the frame after the current task
AFTER_PAINT = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))"

# waits until the status line changes after ``act`` (filtering done), then
# for the next painted frame; returns the milliseconds from ``act`` on
WAIT_FOR_STATUS = """
  const status = document.getElementById('status');
  const before = status.textContent;
  const t0 = performance.now();
  act();
  const deadline = t0 + 5000;
  while (status.textContent === before && performance.now() < deadline) {
    await new Promise(r => setTimeout(r, 1));
  }
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
"""
# one input event per letter typed into #q, as a user's keystroke
TYPE_AND_WAIT = """async (text) => {
  const q = document.getElementById('q');
  const act = () => { q.value = text; q.dispatchEvent(new Event('input', {bubbles: true})); };
""" + WAIT_FOR_STATUS + "}"
CLICK_AND_WAIT = """async (selector) => {
  const act = () => document.querySelector(selector).click();
""" + WAIT_FOR_STATUS + "}"

SCROLL = """async (step) => {
  const frames = [];
  let last = performance.now();
  const t0 = last;
  for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
    window.scrollTo(0, y);
    await new Promise(r => requestAnimationFrame(r));
    const now = performance.now();
    frames.push(now - last);
    last = now;
  }
  window.scrollTo(0, 0);
  frames.sort((a, b) => a - b);
  return {total: performance.now() - t0, frames: frames.length,
          median: frames[Math.floor(frames.length / 2)], worst: frames[frames.length - 1],
          height: document.documentElement.scrollHeight};
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", type=Path)
    parser.add_argument("--screenshots", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(f"file: {args.page} {args.page.stat().st_size / 1e6:.2f} MB")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            desktop = measure(browser, args.page, {"width": 1280, "height": 900}, args.rounds, args.screenshots,
                              "desktop")
            print_figures("desktop 1280x900", desktop)
            phone = measure(browser, args.page, {"width": 390, "height": 844}, 1, args.screenshots, "phone")
            print_figures("phone 390x844", phone)
        finally:
            browser.close()


def measure(browser: Any, page_path: Path, viewport: dict[str, int], rounds: int, shots: Path | None,
            name: str) -> dict[str, Any]:
    started = time.perf_counter()
    opened = open_offline(browser, page_path.resolve().as_uri(), viewport=viewport)
    page = opened.page
    painted = page.evaluate(AFTER_PAINT)
    wall = (time.perf_counter() - started) * 1000
    timing = page.evaluate("JSON.parse(JSON.stringify(performance.getEntriesByType('navigation')[0]))")
    figures: dict[str, Any] = {
        "entries": page.locator("[data-entry]").count(),
        "months": page.locator(".month").count(),
        "years": page.locator(".year").count(),
        "dom_content_loaded_ms": timing["domContentLoadedEventEnd"],
        "load_ms": timing["loadEventEnd"],
        "first_paint_after_load_ms": painted,
        "wall_open_ms": wall,
        "visible_entries_at_load": page.evaluate(
            "document.querySelectorAll('[data-entry]:not([hidden])').length"),
    }
    if page.locator("#q").count():
        keys = []
        for _ in range(rounds):
            for text in ("k", "ki", "kim", ""):
                keys.append(page.evaluate(TYPE_AND_WAIT, text))
        figures["keystroke_ms"] = keys
        chip = 'input[name="precision"]'
        clicks = [page.evaluate(CLICK_AND_WAIT, chip) for _ in range(2 * rounds)]
        figures["filter_click_ms"] = clicks
    # jumps of three screens a frame (dragging the scrollbar), then wheel steps of 120 px
    figures["scroll_jumps"] = page.evaluate(SCROLL, viewport["height"] * 3)
    figures["scroll_wheel"] = page.evaluate(
        "async (f) => { window.scrollTo(0, 0); const out = [];"
        " for (let i = 0; i < 300; i++) { const t = performance.now(); window.scrollBy(0, 120);"
        " await new Promise(r => requestAnimationFrame(r)); out.push(performance.now() - t); }"
        " out.sort((a, b) => a - b); window.scrollTo(0, 0);"
        " return {frames: out.length, median: out[150], worst: out[299]}; }", 0)
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / f"{name}-top.png"))
        merged = page.locator(".entry:has(.source + .source:not(.source--cont))").first
        if merged.count():
            merged.scroll_into_view_if_needed()
            page.evaluate("window.scrollBy(0, -120)")
            page.screenshot(path=str(shots / f"{name}-merged.png"))
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
        page.screenshot(path=str(shots / f"{name}-middle.png"))
    figures["errors"] = opened.errors
    figures["requests"] = opened.requests
    page.context.close()
    return figures


def print_figures(name: str, figures: dict[str, Any]) -> None:
    print(f"== {name}")
    for key, value in figures.items():
        if isinstance(value, list) and value and all(isinstance(v, (int, float)) for v in value):
            print(f"  {key}: median {statistics.median(value):.0f} ms, max {max(value):.0f} ms (n={len(value)})")
        elif isinstance(value, float):
            print(f"  {key}: {value:.0f}")
        elif isinstance(value, dict):
            print(f"  {key}: " + ", ".join(f"{k} {v:.0f}" if isinstance(v, float) else f"{k} {v}"
                                           for k, v in value.items()))
        else:
            print(f"  {key}: {value}")


if __name__ == "__main__":
    main()
