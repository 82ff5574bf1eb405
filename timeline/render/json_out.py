"""JSON for programs: every document with its timexes and events, and the
assembled timeline: ``timeline`` the dated happenings in date order,
``undated`` the vague ones, ``mentions`` the events that are not happenings
(each with its ``kind``), every entry with its ``importance`` and parts."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.assemble import Timeline


def timeline_dict(timeline: "Timeline") -> dict[str, Any]:
    return {
        "documents": [d.to_dict() for d in timeline.documents],
        "timeline": [e.to_dict() for e in timeline.entries],
        "undated": [e.to_dict() for e in timeline.undated],
        "mentions": [e.to_dict() for e in timeline.mentions],
    }


def render_json(timeline: "Timeline") -> str:
    return json.dumps(timeline_dict(timeline), ensure_ascii=False, indent=2) + "\n"
