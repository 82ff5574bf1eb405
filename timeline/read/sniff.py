"""What standard input holds when no ``--input-format`` says: JSON Lines
(the first line is a JSON object), CSV (the first line is a header naming a
text or date column) or else plain text.  Only the bytes already waiting in
stdin's buffer are looked at (``peek``): nothing is consumed."""

from __future__ import annotations

import csv
from typing import IO

from timeline.read.records import RecordFields

# enough for a JSON object's first character and a CSV header
_PEEK_BYTES = 1 << 16


def sniff_format(head: bytes) -> str:
    """"jsonl", "csv" or "txt" from the first bytes of a stream."""
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    first_line = text.split("\n", 1)[0].strip()
    if first_line.startswith("{"):  # an article does not open with a brace; a JSON object does
        return "jsonl"
    if "," in first_line:
        header = {name.strip().lower() for name in next(csv.reader([first_line]), [])}
        known = {name for names in RecordFields().names(("date", "published")).values() for name in names}
        if header & known and len(header) > 1:
            return "csv"
    return "txt"


def sniff_stream(stream: IO[bytes] | None) -> str:
    """The format of a binary stream that can ``peek`` (stdin); "txt" when it cannot."""
    peek = getattr(stream, "peek", None)
    if peek is None:
        return "txt"
    try:
        return sniff_format(peek(_PEEK_BYTES))
    except (OSError, ValueError):
        return "txt"
