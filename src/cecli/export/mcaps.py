"""The seven MCAPS evidence items of a school year, as the MDE's "CEC Reporting Requirements" table lists them.

Each item has the state's wording (required information, examples of supporting evidence), the
dates the council's records give for it, and the council files that are its evidence. The export
lays these out as the index a coordinator copies into MCAPS.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cecli.council import Council
from cecli.model import Meeting

# purposes of a communication that are about serving on the council
RECRUITING = {"recruitment", "information-session", "nominations", "election", None}


@dataclass
class Item:
    number: int
    folder: str
    required: str  # the state's "Required Information", word for word
    examples: str  # the state's "Examples of Supporting Evidence"
    dates: list[str] = field(default_factory=list)  # what goes in the "dates" column, one line each
    evidence: list[str] = field(default_factory=list)  # council-relative evidence paths
    meetings: list[Meeting] = field(default_factory=list)  # meetings whose records belong to this item

    @property
    def missing(self) -> bool:
        return not self.dates


def _in(day: dt.date | None, bounds: tuple[dt.date, dt.date]) -> bool:
    return day is not None and bounds[0] <= day <= bounds[1]


def _unique(values):
    return list(dict.fromkeys(values))


def nominations_for(council: Council, year: str):
    nominations = council.outreach.nominations if council.outreach else None
    if isinstance(nominations, dict):
        return nominations.get(year)
    if nominations is None:
        return None
    bounds = council.year_bounds(year)
    if _in(nominations.opened, bounds) or _in(nominations.closed, bounds):
        return nominations
    return None


def members_in(council: Council, year: str):
    begin, end = council.year_bounds(year)
    return [m for m in council.members
            if (m.start_date is None or m.start_date <= end) and (m.end_date is None or m.end_date >= begin)]


def held(meeting: Meeting, as_of: dt.date) -> bool:
    if meeting.status == "cancelled":
        return False
    return meeting.status == "held" or (meeting.status is None and meeting.date <= as_of)


def mcaps_items(council: Council, year: str, as_of: dt.date) -> list[Item]:
    bounds = council.year_bounds(year)
    outreach = council.outreach
    meetings = sorted(council.meetings_in(year), key=lambda m: (m.date, m.id))
    by_id = {m.id: m for m in council.meetings}

    comms = Item(1, "1-communications",
                 "Date(s) communications shared about the opportunities to serve on the CEC",
                 "Copies of flyers; screenshots of social media postings; minutes from CEC meetings highlighting information shared")
    sessions = Item(2, "2-information-sessions", "Date(s) of CEC information sessions",
                    "Sign-in sheets; meeting agendas")
    window = Item(3, "3-nominations",
                  "Date range during which interest/nominations forms were solicited and collected",
                  "Copies of forms submitted by interested community members")
    members = Item(4, "4-membership-list", "Membership list",
                   "Names of CEC members and roles if applicable; email addresses for members")
    calendar = Item(5, "5-meeting-calendar", "Meeting calendar", "Meeting calendar")
    details = Item(6, "6-meeting-details", "Meeting details", "Meeting attendance sheets and agendas")
    public = Item(7, "7-public-reports", "Date(s) of public reports from the CEC to the community",
                  "Reports, presentation recordings, videos, etc.")

    if outreach:
        chosen = sorted((c for c in outreach.communications if _in(c.date, bounds) and c.purpose in RECRUITING),
                        key=lambda c: c.date)
        for c in chosen:
            comms.dates.append(f"{c.date.isoformat()} ({c.channel})")
            comms.evidence.extend(c.evidence)
        linked = set()
        for s in sorted((s for s in outreach.info_sessions if _in(s.date, bounds)), key=lambda s: s.date):
            sessions.dates.append(s.date.isoformat())
            sessions.evidence.extend(s.evidence)
            meeting = by_id.get(s.meeting or "") or next(
                (m for m in meetings if m.date == s.date and m.kind == "information-session"), None)
            if meeting:
                linked.add(meeting.id)
                sessions.meetings.append(meeting)
        for m in meetings:
            if m.kind == "information-session" and m.id not in linked and m.status != "cancelled":
                sessions.dates.append(m.date.isoformat())
                sessions.meetings.append(m)
        sessions.dates = sorted(_unique(sessions.dates))
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
        members.dates.append(f"{len(serving)} members serving in {year}")

    regular = [m for m in meetings if m.kind != "information-session"]
    adopted = council.info.schedule_adopted_for(year, bounds) if council.info else None
    if adopted:
        calendar.dates.append(f"Adopted {adopted.isoformat()}")
    for m in regular:
        calendar.dates.append(m.date.isoformat() + (" (cancelled)" if m.status == "cancelled" else ""))
    for m in regular:
        if held(m, as_of):
            details.dates.append(m.date.isoformat())
            details.meetings.append(m)
            details.evidence.extend(m.evidence)
    if council.reports:
        for r in sorted((r for r in council.reports.public_reports if _in(r.date, bounds)), key=lambda r: r.date):
            public.dates.append(f"{r.date.isoformat()} ({r.title})")
            public.evidence.extend(r.evidence)
    for item in (comms, sessions, window, public, details):
        item.evidence = _unique(item.evidence)
    return [comms, sessions, window, members, calendar, details, public]
