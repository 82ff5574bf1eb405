"""Open a local page in headless Chromium with the network cut off."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route


@dataclass
class OfflinePage:
    """A page whose every non-file request is aborted and recorded, with the
    console errors, uncaught exceptions and dialogs it produced."""

    page: "Page"
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def open_offline(browser: "Browser", url: str, **context_options: Any) -> OfflinePage:
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.set_default_timeout(30_000)
    result = OfflinePage(page)

    def route(r: "Route") -> None:
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            result.requests.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: result.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: result.errors.append(str(exc)))

    def dialog(d: Any) -> None:
        result.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.goto(url, wait_until="load")
    return result
