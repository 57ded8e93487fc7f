"""New York (ny-cet): the Community Engagement Plan, the roster with its required groups over the
year, the meetings, each quarterly report and the Continuation Plan with who signed and when.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from cecli.council import Council
from cecli.documents import base as docs
from cecli.evidence import held
from cecli.export.mcaps import members_in
from cecli.export.package import Package
from cecli.export.records import add_meeting_calendar, add_meeting_folder, meeting_documents
from cecli.textfmt import iso_day

def _groups(council: Council) -> list[tuple[str, tuple[str, ...]]]:
    """The profile's required groups, with a column heading each."""
    required = council.profile.groups.get("required") or {}
    return [(_HEADINGS.get(label, label.capitalize()), tuple(categories)) for label, categories in required.items()]


_HEADINGS = {"principal": "Principal", "parent": "Parents", "teacher or other school staff member": "Teachers and staff",
             "student": "Students"}
ROSTER_COLUMNS = ["Name", "Category", "Roles", "Selected by", "Serving from", "Serving until"]



def _plan_docx(council: Council, year: str, as_of: dt.date) -> bytes:
    """The plan exactly as `cec plan` writes it (the council's own plan template, if it has one)."""
    from cecli.documents import engagement_plan

    return engagement_plan(council, as_of)


def _group_rows(council: Council, year: str, as_of: dt.date) -> list[list[str]]:
    """Who covered each required group at the start of each reporting period and on each meeting day."""
    begin, end = council.year_bounds(year)
    override = council.info.reporting_periods if council.info else None
    days = {period.start for period in council.profile.periods(year, override)}
    days |= {m.date for m in council.meetings_in(year) if m.status != "cancelled"}
    rows = []
    for day in sorted(d for d in days if d <= max(as_of, begin)):
        active = council.active_members(day)
        row = [day.isoformat()]
        for _label, categories in _groups(council):
            names = [m.name for m in active if m.category in categories]
            row.append(", ".join(names) or "NONE")
        rows.append(row)
    return rows


def plan_item(package: Package, council: Council, year: str, as_of: dt.date, number: int) -> list[dict]:
    plan_files = [package.add("1-community-engagement-plan/community-engagement-plan.docx",
                              _plan_docx(council, year, as_of))]
    plan = council.plan
    return [{"number": number, "required": "Community Engagement Plan",
             "dates": [f"Adopted {plan.adopted.isoformat()}"] if plan and plan.adopted else [],
             "files": plan_files, "missing": plan is None}]


def roster_item(package: Package, council: Council, year: str, as_of: dt.date, number: int) -> list[dict]:
    members = sorted(members_in(council, year), key=lambda m: (m.start_date or dt.date.min, m.name.lower()))
    last = min(as_of, council.year_bounds(year)[1])
    roster = [[m.name, m.category, ", ".join(m.roles_on(min(last, m.end_date) if m.end_date else last)), m.selected_by or "", iso_day(m.start_date),
               iso_day(m.end_date)] for m in members]
    groups = _group_rows(council, year, as_of)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([ROSTER_COLUMNS, *roster])
    document = docs.new_document(f"{council.name}: roster", f"Members serving during {year}.")
    docs.add_table(document, ROSTER_COLUMNS, roster)
    document.add_heading("Required groups over the year", level=1)
    document.add_paragraph("Who represented each required group on the first day of each reporting period and on each meeting day.")
    docs.add_table(document, ["Date", *(label for label, _c in _groups(council))], groups)
    groups_csv = io.StringIO()
    csv.writer(groups_csv, lineterminator="\n").writerows([["Date", *(label for label, _c in _groups(council))], *groups])
    roster_files = [package.add("2-roster/roster.docx", docs.save_reproducible(document, as_of)),
                    package.add("2-roster/roster.csv", buffer.getvalue()),
                    package.add("2-roster/required-groups.csv", groups_csv.getvalue())]
    return [{"number": number, "required": "Roster, with the required groups over the year",
             "dates": [f"{len(members)} members serving in {year}"] if members else [],
             "files": roster_files, "missing": not members}]


def meetings_item(package: Package, council: Council, year: str, as_of: dt.date, number: int) -> list[dict]:
    meetings = sorted(council.meetings_in(year), key=lambda m: (m.date, m.id))
    files = add_meeting_calendar(package, council, meetings, "3-meetings", year, as_of)
    generated = meeting_documents(council.root, meetings)
    for meeting in meetings:
        if held(meeting, as_of):
            files += add_meeting_folder(package, council, meeting, f"3-meetings/{meeting.id}", as_of,
                                        generated.get(meeting.id, []))
    return [{"number": number, "required": "Meetings",
             "dates": [m.date.isoformat() for m in meetings if held(m, as_of)], "files": files, "missing": not meetings}]


def signatures_item(package: Package, council: Council, year: str, as_of: dt.date, number: int) -> list[dict]:
    """The quarterly reports and the Continuation Plan, who signed and when (two rows)."""
    rows: list[dict] = []
    reports = council.reports
    quarterly = [q for q in (reports.quarterly_reports if reports else []) if q.period.startswith(year)]
    signed = [[q.period, iso_day(q.due), iso_day(q.submitted),
               council.name_of(q.signed_by) if q.signed_by else "NOT SIGNED", iso_day(q.signed_on)] for q in quarterly]
    cplan = reports.continuation_plan if reports else None
    if cplan:
        signed.append(["Continuation Plan", "", iso_day(cplan.submitted),
                       council.name_of(cplan.signed_by) if cplan.signed_by else "NOT SIGNED", iso_day(cplan.signed_on)])
    header = ["Report", "Due", "Submitted", "Signed by (CET member)", "Signed on"]
    document = docs.new_document(f"{council.name}: quarterly reports and Continuation Plan", f"School year {year}")
    docs.add_table(document, header, signed)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, *signed])
    files = [package.add("4-quarterly-reports/signatures.docx", docs.save_reproducible(document, as_of)),
             package.add("4-quarterly-reports/signatures.csv", buffer.getvalue())]
    for q in quarterly:
        for rel in q.evidence:
            copied = package.copy(rel, f"4-quarterly-reports/{q.period.replace(' ', '-')}")
            if copied:
                files.append(copied)
    rows.append({"number": number, "required": "Quarterly reports, signed by a CET member",
                 "dates": [f"{q.period}: signed {iso_day(q.signed_on) or 'NOT SIGNED'}" for q in quarterly],
                 "files": files, "missing": not quarterly})
    cfiles = []
    if cplan:
        for rel in cplan.evidence:
            copied = package.copy(rel, "5-continuation-plan")
            if copied:
                cfiles.append(copied)
    rows.append({"number": number + 1, "required": "Continuation Plan, signed by a CET member",
                 "dates": [f"Signed {iso_day(cplan.signed_on) or 'NOT SIGNED'}" + (f" by {council.name_of(cplan.signed_by)}" if cplan.signed_by else "")]
                 if cplan else [], "files": cfiles or ["4-quarterly-reports/signatures.docx"], "missing": cplan is None})
    return rows
