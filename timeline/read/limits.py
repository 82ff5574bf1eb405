"""Limits that keep one hostile input from costing the whole run.

A record (a CSV row, a JSON line) larger than ``max_record_bytes`` is skipped
without ever being held in memory whole; JSON that nests too deeply or holds
a number too long to convert is a bad record, not a crash; and devices
(``/dev/zero``, ``/dev/urandom``: endless) are refused as inputs of any format.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path
from typing import IO, Any, AnyStr, Callable, Generic, Iterator, TypeVar

from timeline.errors import InputError
from timeline.settings import Settings

# news articles are tens of kilobytes; a few megabytes leaves room for long
# reports while bounding the memory and time one record can take
DEFAULT_MAX_RECORD_BYTES = Settings().max_record_bytes
# what is read at a time while skipping the rest of an oversized line
_SKIP_CHUNK = 1 << 20
T = TypeVar("T")


class RecordTooLarge(Exception):
    """A line longer than the limit: it was skipped up to its end."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(too_large_message(size, limit))


def too_large_message(size: int, limit: int) -> str:
    at_least = "" if size <= limit else "more than "
    return f"record too large ({at_least}{limit:,} bytes; raise the limit with --max-record-size)"


class BoundedLines(Generic[AnyStr]):
    """The lines of a stream, none longer than ``limit``.

    A longer line is read to its end in chunks, dropped, and reported by
    :class:`RecordTooLarge` from ``next()``; iteration then goes on with the
    following line (unlike a generator, this iterator survives raising).
    ``count`` is the number of lines consumed so far, the oversized ones
    included, so that callers can name the line a record starts on."""

    def __init__(self, stream: IO[AnyStr], limit: int) -> None:
        self.stream: IO[AnyStr] = stream
        self.limit = limit
        self.count = 0

    def __iter__(self) -> "BoundedLines[AnyStr]":
        return self

    def __next__(self) -> AnyStr:
        line = self.stream.readline(self.limit + 1)
        if not line:
            raise StopIteration
        self.count += 1
        if len(line) <= self.limit or _ends_line(line):
            return line
        size = len(line)
        while not _ends_line(line):
            line = self.stream.readline(_SKIP_CHUNK)
            if not line:
                break
            size += len(line)
        raise RecordTooLarge(size, self.limit)


def by_line(next_item: Callable[[], T], lines: BoundedLines[Any], name: str) -> Iterator[tuple[str, T | RecordTooLarge]]:
    """``(name:line, item)`` for each item ``next_item()`` returns (a row, a
    line) until it raises StopIteration; an oversized line comes as its
    RecordTooLarge.  ``line`` is where the item starts."""
    while True:
        location = f"{name}:{lines.count + 1}"
        try:
            item: T | RecordTooLarge = next_item()
        except StopIteration:
            return
        except RecordTooLarge as exc:
            item = exc
        yield location, item


def _ends_line(line: str | bytes) -> bool:
    last = line[-1:]
    # a text stream read with newline="" also ends lines on a lone CR
    return last in ("\n", "\r") if isinstance(last, str) else last == b"\n"


def load_json(text: str | bytes) -> Any:
    """``json.loads`` whose every failure is an :class:`InputError` (without
    a location: the caller knows the file and line)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise InputError("JSON nested too deeply") from None
    except ValueError:  # an integer of thousands of digits
        raise InputError(f"JSON number too long (over {sys.get_int_max_str_digits()} digits)") from None


def refuse_device(path: Path | None = None, *, location: str) -> None:
    """Refuse a character or block device or a socket (``path``, or stdin
    when ``None``); regular files, pipes and FIFOs are fine.  A terminal on
    stdin is left to the caller."""
    try:
        mode = os.stat(path).st_mode if path is not None else os.fstat(0).st_mode
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", location=location) from None
    if path is None and stat.S_ISCHR(mode) and os.isatty(0):
        return
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        raise InputError("not a file but a device or socket", location=location)
