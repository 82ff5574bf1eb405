"""Time stamps that close list items: "- While the Fake News loves to talk
about my so-called low approval rating ... 47%! [0746 EST] - Why is the
United States Post Office ...? [0804 EST] -- Source link".

News lists of timed items (Reuters' "Trump on Twitter" factboxes, live
blogs) write each item's time after it, in brackets.  Read as an ordinary
expression, the stamp would date the words after it, the next item; it
dates the item it closes.  The brackets, separators and item openers are in
``data/stamps.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# how far a bracket may be from the time it holds ("[ 0746 EST ]")
_PAD = 2


@dataclass(frozen=True, slots=True)
class StampWords:
    pairs: tuple[tuple[str, str], ...]  # (open, close) brackets
    separators: tuple[str, ...]
    openers: tuple[str, ...]
    handles: tuple[str, ...]  # first characters of an account name ("@realDonaldTrump")

    def closed_item(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The span of the item the time at ``[start, end)`` closes, or None
        when the time is not such a stamp (brackets round it, then an item
        separator, a line break or the end of the text)."""
        before = text[max(0, start - _PAD):start].rstrip()
        after = text[end:end + _PAD].lstrip()
        bracket = next(((o, c) for o, c in self.pairs if before.endswith(o) and after.startswith(c)), None)
        if bracket is None:
            return None
        opening = text.rindex(bracket[0], 0, start)
        closing = text.index(bracket[1], end)
        rest = text[closing + 1:].lstrip(" \t")
        if rest and not rest.startswith(("\n", *self.separators)):
            return None
        return self._item_start(text, opening, bracket), len(text[:opening].rstrip())

    def author(self, text: str, item_start: int) -> str | None:
        """Who posted the list's items: the word before the list's opener
        ("@realDonaldTrump : - ..."), when the opener is one that follows a
        name (not a bare line break)."""
        head = text[:item_start]
        found = [(head.rfind(o), o) for o in self.openers if o.strip() and head.rfind(o) >= 0]
        if not found:
            return None
        at, _ = max(found)
        words = head[:at].split()
        name = words[-1] if words else ""
        return name if name[:1].isalnum() or name[:1] in self.handles else None

    def _item_start(self, text: str, opening: int, bracket: tuple[str, str]) -> int:
        """Where the item ending at ``opening`` starts: after the stamp before
        it and its separator, or after the list's opener or a line break
        (else the text's start)."""
        head = text[:opening]
        starts = [0]
        close = head.rfind(bracket[1])
        # the stamp before is a bracket followed by a separator (not a bracketed link: "[bit.ly/2idd]")
        while close >= 0 and not head[close + 1:].lstrip(" \t").startswith(self.separators):
            close = head.rfind(bracket[1], 0, close)
        if close >= 0:
            starts.append(close + 1)
        starts.extend(head.rfind(o) + len(o) for o in self.openers if head.rfind(o) >= 0)
        start = max(starts)
        rest = text[start:opening]
        stripped = rest.lstrip(" \t\n")
        if stripped.startswith(self.separators):
            stripped = stripped.lstrip("".join(self.separators)).lstrip()
        return opening - len(stripped) if stripped else start


@lru_cache(maxsize=1)
def stamp_words() -> StampWords:
    data = json.loads(resources.files("timeline.temporal").joinpath("data/stamps.json").read_text("utf-8"))
    return StampWords(tuple(zip(data["open"], data["close"])), tuple(data["separators"]), tuple(data["openers"]),
                      tuple(data["handles"]))
