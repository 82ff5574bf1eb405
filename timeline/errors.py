"""The exceptions users can catch: everything the package raises on bad input
or failed output derives from :class:`TimelineError`.

Every error may carry a ``location`` (a file, ``"file.csv:17"``, ``"record 3"``,
``"--published"``...) that names where the problem is; the message starts with
it so that one line on stderr is enough to find the culprit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# what a message must not pass raw to a terminal: control characters (ESC
# sequences, CR, BEL...), bidirectional overrides, lone surrogates (bytes of a
# file name that are not UTF-8, which would also make printing fail)
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(message: str) -> str:
    """``message`` safe for a terminal: every control or bidi character
    escaped as ``\\xNN``/``\\uNNNN`` (as Python writes it), the rest as is."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"),
                            message)


class TimelineError(Exception):
    """Base class of every error this package raises on purpose.

    ``location`` names the input at fault when known (else ``None``);
    ``reason`` is the message without the location prefix.
    """

    def __init__(self, message: str = "", *, location: str | None = None) -> None:
        self.location = location
        self.reason = message
        super().__init__(f"{location}: {message}" if location else message)

    def __reduce__(self) -> tuple[Any, ...]:
        # keep ``location`` when the error crosses a process boundary (workers)
        return (_rebuild, (type(self), self.reason, self.location))


def _rebuild(cls: type[TimelineError], message: str, location: str | None) -> TimelineError:
    error = cls.__new__(cls)
    TimelineError.__init__(error, message, location=location)
    return error


class InputError(TimelineError):
    """An input cannot be read: unreadable file, bad encoding, malformed TimeML,
    a malformed date, a record without text.  The message names the file (and
    line) or the record when known."""


class MissingPublicationDate(InputError):
    """An article has no publication date, so relative dates cannot be
    resolved: give one (``--published``, ``published=``, ``doc._.published``)."""


class SettingsError(TimelineError):
    """A setting has a value outside what it accepts (or names a spaCy model
    that is not installed)."""


class ExportError(TimelineError):
    """An output cannot be rendered or written."""


class ProcessingError(TimelineError):
    """Processing an article failed for a reason other than its input: a bug.
    The original exception is chained (``__cause__``) when available; corpus
    runs report it for that record and go on."""


@contextmanager
def bugs_as_processing_errors(location: str | None = None) -> Iterator[None]:
    """At a public boundary: let our own errors through and turn any other
    exception (a bug below) into a :class:`ProcessingError` users can catch,
    with the original chained."""
    try:
        yield
    except (TimelineError, MemoryError):
        raise
    except Exception as exc:
        raise ProcessingError(f"processing failed: {type(exc).__name__}: {exc}", location=location) from exc
