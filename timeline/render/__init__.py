"""Renderers: the assembled timeline (or a document) to JSON, TimeML, HTML,
iCalendar and TimelineJS."""
