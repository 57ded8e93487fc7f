"""The seven MCAPS evidence items a Mississippi council submits for a school year, and what counts as held.

Mississippi asks districts to submit, through MCAPS by June 30, evidence of seven things for each
council ("CEC Reporting Requirements"). `evidence_items(council, year)` says, for each, whether
the council's records hold it yet, the dates found, and what is missing. Rule CEC501, the export
command and the many-councils status table ("5 of 7 evidence items ready") all use it, so they
agree.

What counts as a *held* meeting is defined here too (`held`), because the meeting rules, the
evidence items and the deadlines must agree on it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cecli.model import Meeting

# Meetings of the council itself. Information sessions and elections are outreach events: they
# have their own rules and do not count towards the number of meetings a year.
COUNCIL_KINDS = ("regular", "special")

# Communications about serving on the council (not meeting notices or public reports).
_RECRUITING = (None, "recruitment", "information-session", "nominations", "election", "other")


def held(meeting: Meeting, as_of: dt.date) -> bool:
    """Whether a meeting was held, as of a date.

    A meeting was held when its `status` says `held`; or, when it has no status, when its date is
    before `as_of` and it records at least one member present. A cancelled or still-`scheduled`
    meeting was not held.
    """
    if meeting.status is not None:
        return meeting.status == "held"
    return meeting.date < as_of and bool(meeting.attendance and meeting.attendance.present)


def upcoming(meeting: Meeting, as_of: dt.date) -> bool:
    """Whether a meeting is still to come: dated `as_of` or later, not held and not cancelled."""
    return meeting.date >= as_of and meeting.status not in ("held", "cancelled")


def council_meetings(council, year: str) -> list[Meeting]:
    """The council's own meetings (regular and special) dated in a school year, cancelled ones left out."""
    return [m for m in council.meetings_in(year)
            if m.kind in COUNCIL_KINDS and m.status != "cancelled"]


@dataclass(frozen=True)
class EvidenceItem:
    """One of the seven MCAPS evidence items for a school year.

    `ready` is True when the records hold what the item asks for; `dates` are the dates found
    (communications, sessions, meetings, reports); `detail` says in a sentence what is there or
    what is missing; `file` and `path` point at the records behind it (for a finding's line).
    """

    key: str
    title: str
    ready: bool
    dates: tuple[dt.date, ...] = ()
    detail: str = ""
    file: str = ""
    path: tuple = field(default=())
    unreadable: bool = False  # the file behind it could not be read; its CEC001 finding says why


EVIDENCE_KEYS = ("communications", "info_sessions", "nominations", "membership", "calendar",
                 "meeting_details", "public_reports")


def evidence_due(council, year: str) -> dt.date:
    """The date the year's evidence is due: the profile's `evidence_due` ("06-30") in the year's last calendar year."""
    month, day = (int(x) for x in str(council.param("evidence_due", "06-30")).split("-"))
    return dt.date(int(year[:4]) + 1, month, day)


def evidence_items(council, year: str, as_of: dt.date | None = None) -> list[EvidenceItem]:
    """The seven MCAPS evidence items for `year` ("2025-26"), judged on the records as of `as_of`.

    `as_of` (default: the end of the year) decides which meetings have been held and which members
    are on the membership list (those active on `as_of`, or on the last day of the year if that
    comes first). The items, in the order MCAPS lists them:

    1. communications: dates of communications about serving on the council (outreach.yaml
       `communications` in the year, other than meeting notices and public reports);
    2. info_sessions: dates of information sessions (outreach.yaml `info_sessions` in the year);
    3. nominations: the nomination window, both `opened` and `closed` (outreach.yaml
       `nominations`, or its entry for the year when it is keyed by school year);
    4. membership: the membership list: at least one active member, and every active member has an
       email address (officer roles are listed "if applicable", so they are reported, not required);
    5. calendar: the meeting calendar: at least one council meeting dated in the year;
    6. meeting_details: agendas and attendance: at least one meeting held, and every meeting held
       has agenda items and members present;
    7. public_reports: dates of public reports to the community (reports.yaml `public_reports`).
    """
    begin, end = council.year_bounds(year)
    day = min(as_of or end, end)
    cutoff = as_of if as_of and as_of <= end else end + dt.timedelta(days=1)
    return [
        _communications(council, begin, end),
        _info_sessions(council, begin, end),
        _nominations(council, year, begin, end),
        _membership(council, max(day, begin)),
        _calendar(council, year),
        _meeting_details(council, year, cutoff),
        _public_reports(council, begin, end),
    ]


def _dates(items) -> tuple[dt.date, ...]:
    return tuple(sorted(item.date for item in items))


def _listed(dates) -> str:
    return ", ".join(d.isoformat() for d in dates)


def _communications(council, begin, end) -> EvidenceItem:
    title = "Dates of communications about serving on the council"
    outreach = council.outreach
    found = [c for c in (outreach.communications if outreach else [])
             if begin <= c.date <= end and c.purpose in _RECRUITING]
    dates = _dates(found)
    detail = (f"{len(dates)} communication(s): {_listed(dates)}." if dates else
              f"No communication about serving on the council is dated between {begin} and {end}.")
    return EvidenceItem("communications", title, bool(dates), dates, detail, "outreach.yaml", ("communications",))


def _info_sessions(council, begin, end) -> EvidenceItem:
    title = "Dates of information sessions"
    outreach = council.outreach
    found = [s for s in (outreach.info_sessions if outreach else []) if begin <= s.date <= end]
    dates = _dates(found)
    detail = (f"{len(dates)} information session(s): {_listed(dates)}." if dates else
              f"No information session is dated between {begin} and {end}.")
    return EvidenceItem("info_sessions", title, bool(dates), dates, detail, "outreach.yaml", ("info_sessions",))


def _nominations(council, year, begin, end) -> EvidenceItem:
    title = "Nomination window"
    value = council.outreach.nominations if council.outreach else None
    path: tuple = ("nominations",)
    if isinstance(value, dict):
        value, path = value.get(year), ("nominations", year)
    elif value is not None:
        inside = [d for d in (value.opened, value.closed) if d and begin <= d <= end]
        if not inside:
            value = None
    if value is None:
        return EvidenceItem("nominations", title, False, (),
                            f"No nomination window is recorded for {year}.", "outreach.yaml", path)
    dates = tuple(d for d in (value.opened, value.closed) if d)
    if value.opened and value.closed:
        return EvidenceItem("nominations", title, True, dates,
                            f"Nominations open {value.opened} to {value.closed}.", "outreach.yaml", path)
    missing = "opening" if value.opened is None else "closing"
    return EvidenceItem("nominations", title, False, dates,
                        f"The nomination window has no {missing} date.", "outreach.yaml", path)


def _membership(council, day) -> EvidenceItem:
    title = "Membership list with emails and roles"
    if "roster.yaml" not in council.sources:
        # the roster could not be read at all (its CEC001 finding says why): nothing to judge yet
        return EvidenceItem("membership", title, False, (), "roster.yaml could not be read; fix it first.",
                            "roster.yaml", ("members",), unreadable=True)
    active = council.active_members(day)
    if not active:
        return EvidenceItem("membership", title, False, (), f"No member is active on {day}.", "roster.yaml",
                            ("members",))
    no_email = [m for m in active if not m.email]
    officers = [m for m in active if m.roles_on(day)]
    roles = f"{len(officers)} hold officer roles" if officers else "no officer roles recorded"
    if no_email:
        file, path = no_email[0].at
        return EvidenceItem("membership", title, False, (),
                            f"{len(no_email)} of {len(active)} active members {'has' if len(no_email) == 1 else 'have'} no email address: "
                            f"{', '.join(m.name for m in no_email)}.", file or "roster.yaml", path)
    return EvidenceItem("membership", title, True, (),
                        f"{len(active)} active members, all with an email; {roles}.", "roster.yaml", ("members",))


def _calendar(council, year) -> EvidenceItem:
    title = "Meeting calendar"
    meetings = council_meetings(council, year)
    dates = tuple(sorted(m.date for m in meetings))
    if not dates:
        return EvidenceItem("calendar", title, False, (), f"No council meeting is dated in {year}.", "meetings/")
    first = min(meetings, key=lambda m: m.date)
    return EvidenceItem("calendar", title, True, dates, f"{len(dates)} meeting(s): {_listed(dates)}.",
                        first.at[0])


def _meeting_details(council, year, cutoff) -> EvidenceItem:
    title = "Meeting details (agendas and attendance)"
    done = [m for m in council_meetings(council, year) if held(m, cutoff)]
    if not done:
        return EvidenceItem("meeting_details", title, False, (), f"No meeting of {year} is recorded as held.",
                            "meetings/")
    lacking = [m for m in done if not m.agenda or not (m.attendance and m.attendance.present)]
    dates = tuple(sorted(m.date for m in done))
    if lacking:
        names = ", ".join(m.id for m in sorted(lacking, key=lambda m: m.date))
        return EvidenceItem("meeting_details", title, False, dates,
                            f"{len(lacking)} of {len(done)} meetings held lack an agenda or attendance: {names}.",
                            lacking[0].at[0])
    return EvidenceItem("meeting_details", title, True, dates,
                        f"All {len(done)} meetings held have an agenda and attendance.", done[0].at[0])


def _public_reports(council, begin, end) -> EvidenceItem:
    title = "Dates of public reports to the community"
    reports = council.reports
    found = [r for r in (reports.public_reports if reports else []) if begin <= r.date <= end]
    dates = _dates(found)
    detail = (f"{len(dates)} public report(s): {_listed(dates)}." if dates else
              f"No public report is dated between {begin} and {end}.")
    return EvidenceItem("public_reports", title, bool(dates), dates, detail, "reports.yaml", ("public_reports",))
