"""Readers: turn files and streams into :class:`~timeline.model.Article` records."""

from timeline.read.text import read_text_file, read_stdin, parse_published
from timeline.read.timeml import TimeMLDocument, read_timeml

__all__ = ["read_text_file", "read_stdin", "parse_published", "TimeMLDocument", "read_timeml"]
