"""CEC5xx: the evidence Mississippi asks for each year, and what the council must do next, by when."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from cecli.evidence import COUNCIL_KINDS, evidence_due, evidence_items, held, upcoming
from cecli.findings import Severity
from cecli.rules import rule
from cecli.rules.meetings import agenda_due, notice_due

MCAPS = 'MS-CEC "CEC Reporting Requirements"'


def _left(days: int) -> str:
    if days == 0:
        return "due today"
    return f"{days} day{'' if days == 1 else 's'} left"


@rule("CEC501", "warning", "ms-cec", MCAPS, parameters=("evidence_due",))
def evidence_ready(ctx):
    """Each of the seven MCAPS evidence items has data for the school year.

    Each year the district submits evidence for the council through MCAPS by June 30
    (`evidence_due`): dates of communications about serving on the council, dates of information
    sessions, the nomination window, the membership list with emails (and roles), the meeting
    calendar, meeting details (agendas and attendance), and dates of public reports to the
    community. cec looks for each in the council's records for the school year (communications,
    sessions and reports dated within it; see `cec export` for the package). Before the due date,
    each item still missing is a warning with the days left; after it, an error.
    """
    council = ctx.council
    for year in ctx.years():
        due = evidence_due(council, year)
        over = ctx.as_of > due
        level = Severity.ERROR if over else ctx.severity
        for item in evidence_items(council, year, ctx.as_of):
            if item.ready or item.unreadable:
                continue
            when = (f"was due {due}" if over else f"is due {due} ({_left((due - ctx.as_of).days)})")
            yield ctx.finding(item.file, f"{item.title} for {year}: {item.detail} The MCAPS evidence {when}.",
                              _HINTS[item.key], item.path, severity=level)


_HINTS = {
    "communications": "Record each flyer, post or message about serving on the council with `cec outreach add "
                      "communication --date DATE --channel flyer --purpose recruitment --evidence FILE`.",
    "info_sessions": "Record each information session with `cec outreach add info-session --date DATE`.",
    "nominations": "Record when nominations opened and closed with `cec outreach nominations --opened DATE "
                   "--closed DATE`.",
    "membership": "Add an email for each active member with `cec member update ID --email ...`.",
    "calendar": "Add the year's meetings with `cec meeting new --date YYYY-MM-DD`.",
    "meeting_details": "Record each meeting's agenda and attendance (`cec meeting attendance`).",
    "public_reports": "Report progress to the community and record it with `cec report add --date DATE --title TEXT`.",
}


class Due(NamedTuple):
    """Something the council must do by a date: `time` is shown after the date, `note` after the days left."""

    due: dt.date
    what: str
    target: object
    path: tuple
    hint: str
    time: str = ""
    note: str = ""


def deadlines(ctx) -> list[Due]:
    """Every deadline the council's records imply as of `ctx.as_of`, in no particular order."""
    council, params, as_of = ctx.council, ctx.params, ctx.as_of
    out = []
    for meeting in council.meetings:
        if meeting.status == "cancelled":
            continue
        coming = upcoming(meeting, as_of)
        if coming and meeting.kind in COUNCIL_KINDS and "agenda_lead_days" in params and not meeting.agenda_sent:
            out.append(Due(agenda_due(meeting, int(params["agenda_lead_days"])),
                           f"Send the agenda for the meeting of {meeting.date}", meeting, ("agenda_sent",),
                           f"Send it to members, then record the date with `cec meeting record {meeting.id} "
                           "--agenda-sent DATE`."))
        if coming and meeting.kind == "regular" and "notice_hours" in params and meeting.notice_posted is None:
            due = notice_due(meeting, int(params["notice_hours"]))
            timed = isinstance(due, dt.datetime)
            out.append(Due(due.date() if timed else due, f"Post the public notice for the meeting of {meeting.date}",
                           meeting, ("notice_posted",),
                           f"Post it, then record when with `cec meeting record {meeting.id} --notice-posted \"DATE TIME\"`.",
                           time=f" {due:%H:%M}" if timed else ""))
        if (meeting.kind in COUNCIL_KINDS and "minutes_within_days" in params and held(meeting, as_of)
                and not (meeting.minutes and meeting.minutes.recorded)):
            out.append(Due(meeting.date + dt.timedelta(days=int(params["minutes_within_days"])),
                           f"Record the minutes of the meeting of {meeting.date}", meeting, ("minutes",),
                           f"Write them up, send them to members, and record the dates with `cec meeting record "
                           f"{meeting.id} --recorded DATE --sent DATE`."))
    if council.reports:
        for report in council.reports.quarterly_reports:
            if report.due and not report.submitted:
                out.append(Due(report.due, f"Sign and submit the quarterly report for {report.period}", report,
                               ("due",), "A team member who is not a building administrator signs it; record it with "
                               f"`cec sign quarterly {report.period} --member ID --date DATE`."))
    if "evidence_due" in params:
        year = ctx.current_year
        ready = sum(1 for item in evidence_items(council, year, as_of) if item.ready)
        out.append(Due(evidence_due(council, year), f"Submit the MCAPS evidence for {year}", "council.yaml", (),
                       "`cec export` assembles the package; CEC501 lists what is missing.",
                       note=f"; {ready} of 7 items are ready"))
    return out


@rule("CEC502", "info", "all", "Good practice: reminders", parameters=("reminder_days",))
def upcoming_deadlines(ctx):
    """Upcoming deadlines within reminder_days (default 14): agendas to send, notices to post, minutes to record, reports to sign, evidence to submit.

    cec works out what the council must do next, by when, from its records: the agenda for each
    meeting still to come (agenda lead days before it, Mississippi), the public notice for each
    regular meeting (72 hours before it, New York), the minutes of each meeting held (within 30
    days, Mississippi), each quarterly report not yet submitted (New York), and the year's MCAPS
    evidence (June 30, Mississippi). `cec check` lists the next few under "What is due next";
    those due within `reminder_days` are also noted here. Switching this rule off also removes
    "What is due next".
    """
    window = int(ctx.params.get("reminder_days", 14))
    for item in deadlines(ctx):
        ctx.deadline(item.due, item.what, item.target, item.path)
        days = (item.due - ctx.as_of).days
        if 0 <= days <= window:
            yield ctx.finding(item.target, f"{item.what} by {item.due}{item.time} ({_left(days)}){item.note}.",
                              item.hint, item.path)
