"""The seven MCAPS evidence items of a school year, laid out for the package and its index.

What each item is, whether it is ready and which dates count come from `cecli.evidence`
(`evidence_items`, shared with rule CEC501 and the many-councils table, so they agree). This module
adds what the package needs on top: the state's own wording for each row, the folder it goes in,
the evidence files to copy and the meetings whose records belong to it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cecli.council import Council
from cecli.evidence import council_meetings, evidence_items, held
from cecli.model import Meeting

# communications that are not about serving on the council (cecli.evidence leaves these out too)
NOT_RECRUITING = ("meeting-notice", "public-report")

# (folder, the state's "Required Information", its "Examples of Supporting Evidence"), in MCAPS order
STATE_TABLE = (
    ("1-communications", "Date(s) communications shared about the opportunities to serve on the CEC",
     "Copies of flyers; screenshots of social media postings; minutes from CEC meetings highlighting information shared"),
    ("2-information-sessions", "Date(s) of CEC information sessions", "Sign-in sheets; meeting agendas"),
    ("3-nominations", "Date range during which interest/nominations forms were solicited and collected",
     "Copies of forms submitted by interested community members"),
    ("4-membership-list", "Membership list", "Names of CEC members and roles if applicable; email addresses for members"),
    ("5-meeting-calendar", "Meeting calendar", "Meeting calendar"),
    ("6-meeting-details", "Meeting details", "Meeting attendance sheets and agendas"),
    ("7-public-reports", "Date(s) of public reports from the CEC to the community",
     "Reports, presentation recordings, videos, etc."),
)


@dataclass
class Item:
    number: int
    key: str  # cecli.evidence's key: communications, info_sessions, ...
    folder: str
    required: str
    examples: str
    ready: bool
    detail: str
    dates: list[str] = field(default_factory=list)  # the "dates" column, one line each
    evidence: list[str] = field(default_factory=list)  # council-relative evidence paths
    meetings: list[Meeting] = field(default_factory=list)  # meetings whose records belong here

    @property
    def missing(self) -> bool:
        return not self.ready


def _in(day: dt.date | None, bounds: tuple[dt.date, dt.date]) -> bool:
    return day is not None and bounds[0] <= day <= bounds[1]


def members_in(council: Council, year: str):
    """Everyone who served at some point of the school year."""
    begin, end = council.year_bounds(year)
    return [m for m in council.members
            if (m.start_date is None or m.start_date <= end) and (m.end_date is None or m.end_date >= begin)]


def nominations_for(council: Council, year: str):
    nominations = council.outreach.nominations if council.outreach else None
    if isinstance(nominations, dict):
        return nominations.get(year)
    if nominations is None:
        return None
    bounds = council.year_bounds(year)
    return nominations if _in(nominations.opened, bounds) or _in(nominations.closed, bounds) else None


def mcaps_items(council: Council, year: str, as_of: dt.date) -> list[Item]:
    bounds = council.year_bounds(year)
    outreach = council.outreach
    every = sorted(council.meetings_in(year), key=lambda m: (m.date, m.id))
    by_id = {m.id: m for m in council.meetings}
    judged = evidence_items(council, year, as_of)
    items = [Item(n, e.key, folder, required, examples, e.ready, e.detail)
             for n, (e, (folder, required, examples)) in enumerate(zip(judged, STATE_TABLE), 1)]
    comms, sessions, window, members, calendar, details, public = items

    if outreach:
        for c in sorted((c for c in outreach.communications
                         if _in(c.date, bounds) and c.purpose not in NOT_RECRUITING), key=lambda c: c.date):
            comms.dates.append(f"{c.date.isoformat()} ({c.channel})")
            comms.evidence.extend(c.evidence)
        for s in sorted((s for s in outreach.info_sessions if _in(s.date, bounds)), key=lambda s: s.date):
            sessions.dates.append(s.date.isoformat() + (f" ({s.attendees} attended)" if s.attendees is not None else ""))
            sessions.evidence.extend(s.evidence)
            meeting = by_id.get(s.meeting or "") or next(
                (m for m in every if m.date == s.date and m.kind == "information-session"), None)
            if meeting and meeting not in sessions.meetings:
                sessions.meetings.append(meeting)
    nominations = nominations_for(council, year)
    if nominations and (nominations.opened or nominations.closed):
        opened = nominations.opened.isoformat() if nominations.opened else "?"
        closed = nominations.closed.isoformat() if nominations.closed else "?"
        window.dates.append(f"{opened} to {closed}")
        if nominations.received is not None:
            window.dates.append(f"{nominations.received} forms received")
        window.evidence.extend(nominations.evidence)

    serving = members_in(council, year)
    if serving:
        members.dates.append(f"{len(serving)} members served in {year}")

    adopted = council.info.schedule_adopted_for(year, bounds) if council.info else None
    if adopted:
        calendar.dates.append(f"Adopted {adopted.isoformat()}")
    calendar.dates += [m.date.isoformat() for m in council_meetings(council, year)]
    cutoff = as_of if as_of <= bounds[1] else bounds[1] + dt.timedelta(days=1)
    for m in council_meetings(council, year):
        if held(m, cutoff):
            details.dates.append(m.date.isoformat())
            details.meetings.append(m)
    if council.reports:
        for r in sorted((r for r in council.reports.public_reports if _in(r.date, bounds)), key=lambda r: r.date):
            public.dates.append(f"{r.date.isoformat()} ({r.title})")
            public.evidence.extend(r.evidence)
    for item in items:
        item.evidence = list(dict.fromkeys(item.evidence))
    return items
