"""The exceptions users can catch: everything the package raises on bad input
or failed output derives from :class:`TimelineError`."""

from __future__ import annotations


class TimelineError(Exception):
    """Base class of every error this package raises on purpose."""


class MissingPublicationDate(TimelineError):
    """An article has no publication date: give one with ``--published``."""


class InputError(TimelineError):
    """An input cannot be read: unreadable file, bad encoding, malformed TimeML,
    a malformed date.  The message names the file (and line) when known."""

    def __init__(self, message: str, *, location: str | None = None) -> None:
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)


class SettingsError(TimelineError):
    """A setting has a value outside what it accepts."""


class ExportError(TimelineError):
    """An output cannot be written or rendered."""
