"""The quotes an entry of a key-event timeline lists.

A story a large corpus reports thousands of times (wire copies, follow-ups,
an archive of many years) would list thousands of quotes on one entry, and
the key-event timeline (``--top``) would hold every article that cites it:
its page would list them all, and a Dask run's driver would receive them all
(see :mod:`timeline.distributed`).  An entry of a key-event timeline lists at
most ``Settings.max_quotes`` quotes (a quote: the sources of one sentence of
one article, as the exports group them) and counts the others, so that a
page still says how widely a happening was reported.

Which quotes are listed: one per wording first, in the order of the reports
(the first report stays first), then repeated wordings; copies of one wire
story say the same thing and add nothing a reader needs.  Importance is
scored before the cut, on every source.
"""

from __future__ import annotations

from dataclasses import replace

from timeline.model import EntrySource, TimelineEntry
from timeline.render.entries import quoted_sentences


def _quote_key(source: EntrySource) -> tuple[str, int, int]:
    return source.document_id, source.sentence.start, source.sentence.end


def with_listed_quotes(entry: TimelineEntry, limit: int) -> TimelineEntry:
    """``entry`` listing at most ``limit`` quotes, the others counted in
    ``unlisted_quotes`` and ``unlisted_articles`` (the articles with no
    listed quote); the sources keep their order."""
    quotes = quoted_sentences(entry.sources)
    if len(quotes) <= limit:
        return entry
    wordings: set[str] = set()
    fresh: list[int] = []
    repeated: list[int] = []
    for index, quote in enumerate(quotes):
        text = quote[0].sentence.text
        (repeated if text in wordings else fresh).append(index)
        wordings.add(text)
    listed = set((fresh + repeated)[:limit])
    kept = {_quote_key(quotes[i][0]) for i in listed}
    articles = {quotes[i][0].document_id for i in listed}
    unlisted = {quote[0].document_id for i, quote in enumerate(quotes) if i not in listed} - articles
    return replace(entry, sources=tuple(s for s in entry.sources if _quote_key(s) in kept),
                   unlisted_quotes=entry.unlisted_quotes + len(quotes) - len(listed),
                   unlisted_articles=entry.unlisted_articles + len(unlisted))
