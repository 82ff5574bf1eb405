"""timeline: turn news articles into dated timelines."""

from timeline.api import extract, extract_many
from timeline.assemble import Timeline
from timeline.errors import (
    ExportError, InputError, MissingPublicationDate, ProcessingError, SettingsError, TimelineError,
)
from timeline.model import Article, DateInterval, Document, Event, TextSpan, Timex
from timeline.settings import Settings

__all__ = [
    "extract", "extract_many", "Timeline", "Settings", "Article", "Document", "Timex", "Event",
    "DateInterval", "TextSpan", "TimelineError", "InputError", "MissingPublicationDate",
    "SettingsError", "ExportError", "ProcessingError",
]
__version__ = "0.1.0"
