"""What every template can use: the council and the document (see docs/documents.md)."""

from __future__ import annotations

import datetime as dt

from cecli.textfmt import clock, long_date


def council_fields(council) -> dict:
    info = council.info
    profile = council.profile
    schools = ", ".join(s.name for s in info.schools) if info and info.schools else ""
    return {
        "name": council.name,
        "term": profile.council_term if profile else "council",
        "short_term": profile.short_term if profile else "",
        "title": profile.title if profile else "",
        "state": profile.state if profile else "",
        "district": info.district.name if info and info.district else "",
        "schools": schools,
        "meeting_place": (info.meeting_place or "") if info else "",
        "open_meeting_statement": profile.open_meeting_statement if profile else "",
    }


def document_fields(title: str, day: dt.date | None) -> dict:
    return {"title": title, "date": long_date(day), "iso_date": day.isoformat() if day else ""}


def base_context(council, title: str, day: dt.date | None) -> dict:
    return {"council": council_fields(council), "document": document_fields(title, day)}


def time_span(start: dt.time | None, end: dt.time | None) -> str:
    if start and end:
        return f"{clock(start)} to {clock(end)}"
    return clock(start) or "Time to be announced"

