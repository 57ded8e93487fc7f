"""CEC5xx: the evidence Mississippi asks for each year, and what the council must do next, by when."""

from __future__ import annotations

import datetime as dt

from cecli.evidence import evidence_due, evidence_items
from cecli.findings import Severity
from cecli.rules import Due, due_dates, rule

MCAPS = 'MS-CEC "CEC Reporting Requirements"'


def _left(days: int) -> str:
    if days == 0:
        return "due today"
    return f"{days} day{'' if days == 1 else 's'} left"


@rule("CEC501", "warning", "state", MCAPS, parameters=("evidence_due",))
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


@evidence_ready.due
def evidence_deadline(ctx):
    """The year's evidence, due on `evidence_due`."""
    council, year = ctx.council, ctx.current_year
    ready = sum(1 for item in evidence_items(council, year, ctx.as_of) if item.ready)
    yield Due(evidence_due(council, year), ctx.profile.word("evidence_due", year=year) or f"Submit the evidence for {year}",
              "council.yaml", (), ctx.profile.word("evidence_hint"), note=f"; {ready} of 7 items are ready")


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


@rule("CEC502", "info", "all", "Good practice: reminders", parameters=("reminder_days",))
def upcoming_deadlines(ctx):
    """Upcoming deadlines within reminder_days (default 14): agendas to send, notices to post, minutes to record, reports to sign, evidence to submit.

    cec works out what the council must do next, by when, from its records. Each rule that judges a
    deadline declares it beside its check, so only the deadlines of the rules that apply to the
    council are listed: the agenda for each meeting still to come (CEC305, Mississippi), the public
    notice for each regular meeting (CEC309, New York; CEC318, California), the minutes of each
    meeting held (CEC307, Mississippi; CEC313, New York), each quarterly report of a reporting
    period (CEC403 and CEC407, New York), the plan's approval (CEC408, California) and the year's
    evidence (CEC501, Mississippi). `cec check` lists the next few under "What is due next"; those
    due within `reminder_days` are also noted here. Switching this rule off also removes "What is
    due next".
    """
    window = int(ctx.params.get("reminder_days", 14))
    for item in due_dates(ctx):
        ctx.deadline(item.due, item.what, item.target, item.path)
        days = (item.due - ctx.as_of).days
        if 0 <= days <= window:
            yield ctx.finding(item.target, f"{item.what} by {item.due}{item.time} ({_left(days)}){item.note}.",
                              item.hint, item.path)
