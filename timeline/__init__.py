"""timeline: turn news articles into dated timelines.

>>> import timeline
>>> doc = timeline.extract("The talks ended on Tuesday.", "2017-11-02")
>>> [(t.text, t.type, t.value) for t in doc.timexes]
[('Tuesday', 'DATE', '2017-10-31')]

:func:`extract` (one article) and :func:`extract_many` (many, optionally in
parallel) return frozen :class:`Document` objects; :meth:`Timeline.from_documents`
merges them into one ordered timeline that renders to JSON, HTML, iCalendar,
TimelineJS and TimeML.  Every error raised on purpose is a :class:`TimelineError`.
In a spaCy pipeline, ``nlp.add_pipe("timeline")`` (see :mod:`timeline.spacy_component`).
"""

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
