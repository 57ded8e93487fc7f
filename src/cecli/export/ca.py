"""Export items for a School Site Council (ca-ssc): the roster by side with the parity count on each
meeting date, the posted agendas with their posting times, the minutes, and the SPSA approvals.
The profile lists them under `export: items:`; each is a function of the package, council, year,
as-of date and its first index number, returning its index rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from cecli.council import Council
from cecli.documents import base as docs
from cecli.evidence import COUNCIL_KINDS, held
from cecli.export.mcaps import members_in
from cecli.export.package import Package
from cecli.export.records import add_meeting_folder, meeting_documents
from cecli.textfmt import iso_day

ROSTER_COLUMNS = ["Name", "Side", "Category", "Roles", "Selected by", "Serving from", "Serving until"]


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _moment(value) -> str:
    if value is None:
        return "NOT RECORDED"
    return f"{value:%Y-%m-%d %H:%M}" if isinstance(value, dt.datetime) else value.isoformat()


def side_of(council: Council, category: str) -> str:
    groups = council.profile.groups
    if category in (groups.get("school_side") or ()):
        return "School"
    if category in (groups.get("community_side") or ()):
        return "Community"
    return ""


def _meetings(council: Council, year: str):
    return sorted((m for m in council.meetings_in(year) if m.status != "cancelled" and m.kind in COUNCIL_KINDS),
                  key=lambda m: (m.date, m.id))


def parity_rows(council: Council, year: str) -> list[list[str]]:
    """On each meeting date: the school side, the community side, the teachers, and whether they balance."""
    rows = []
    for meeting in _meetings(council, year):
        active = council.active_members(meeting.date)
        school = [m for m in active if side_of(council, m.category) == "School"]
        community = [m for m in active if side_of(council, m.category) == "Community"]
        teachers = [m for m in school if m.category in (council.profile.groups.get("teachers") or ())]
        rows.append([meeting.date.isoformat(), str(len(school)), str(len(community)), str(len(teachers)),
                     "yes" if len(school) == len(community) else "NO",
                     "yes" if school and len(teachers) * 2 > len(school) else "NO"])
    return rows


def roster_item(package: Package, council: Council, year: str, as_of: dt.date, number: int) -> list[dict]:
    members = sorted(members_in(council, year), key=lambda m: (side_of(council, m.category) != "School",
                                                               m.category, m.name.lower()))
    roster = [[m.name, side_of(council, m.category), m.category, ", ".join(m.roles), m.selected_by or "",
               iso_day(m.start_date), iso_day(m.end_date)] for m in members]
    parity = parity_rows(council, year)
    parity_header = ["Meeting date", "School side", "Community side", "Classroom teachers", "Sides equal",
                     "Teachers a majority of the school side"]
    document = docs.new_document(f"{council.name}: roster by side", f"Members serving during {year}.")
    docs.add_table(document, ROSTER_COLUMNS, roster)
    document.add_heading("Parity on each meeting date", level=1)
    document.add_paragraph("The school side (principal, classroom teachers, other school staff) and the community "
                           "side (parents, community members and, at a secondary school, students) must be equal, "
                           "and classroom teachers a majority of the school side (Cal. Educ. Code § 65000(c)).")
    docs.add_table(document, parity_header, parity or [["No meetings", "", "", "", "", ""]])
    files = [package.add("1-roster/roster-by-side.docx", docs.save_reproducible(document, as_of)),
             package.add("1-roster/roster.csv", _csv([ROSTER_COLUMNS, *roster])),
             package.add("1-roster/parity.csv", _csv([parity_header, *parity]))]
    unbalanced = [row[0] for row in parity if row[4] == "NO"]
    dates = [f"{len(members)} members serving in {year}"] if members else []
    if parity:
        dates.append(f"Sides equal on {len(parity) - len(unbalanced)} of {len(parity)} meeting dates"
                     + (f" (not on {', '.join(unbalanced)})" if unbalanced else ""))
    return [{"number": number, "required": "Roster by side, with parity on each meeting date",
             "dates": dates, "files": files, "missing": not members}]


def agendas_item(package: Package, council: Council, year: str, as_of: dt.date, number: int) -> list[dict]:
    meetings = _meetings(council, year)
    header = ["Meeting", "Starts", "Notice and agenda posted", "Hours ahead", "Public comment item"]
    rows = []
    for meeting in meetings:
        posted = meeting.notice_posted
        ahead = ""
        if isinstance(posted, dt.datetime) and meeting.start:
            ahead = str(int((meeting.starts_at() - posted).total_seconds() // 3600))
        rows.append([f"{meeting.display_title}, {meeting.date.isoformat()}",
                     f"{meeting.date.isoformat()} {meeting.start:%H:%M}" if meeting.start else meeting.date.isoformat(),
                     _moment(posted), ahead,
                     "yes" if any(item.kind == "public-comment" for item in meeting.agenda) else "NO"])
    document = docs.new_document(f"{council.name}: posted agendas", f"School year {year}. The Greene Act (Cal. Educ. "
                                 "Code § 35147) requires the notice and agenda to be posted at the school 72 hours "
                                 "before each regular meeting.")
    docs.add_table(document, header, rows or [["No meetings", "", "", "", ""]])
    files = [package.add("2-posted-agendas/posted-agendas.docx", docs.save_reproducible(document, as_of)),
             package.add("2-posted-agendas/posted-agendas.csv", _csv([header, *rows]))]
    generated = meeting_documents(council.root, meetings)
    for meeting in meetings:
        for rel in generated.get(meeting.id, []):
            if rel.endswith("agenda.docx") or rel.endswith("agenda.pdf"):
                copied = package.copy(rel, f"2-posted-agendas/{meeting.id}")
                if copied:
                    files.append(copied)
    return [{"number": number, "required": "Posted agendas, with their posting times",
             "dates": [f"{row[0]}: posted {row[2]}" for row in rows], "files": files, "missing": not meetings}]


def minutes_item(package: Package, council: Council, year: str, as_of: dt.date, number: int) -> list[dict]:
    meetings = [m for m in _meetings(council, year) if held(m, as_of)]
    generated = meeting_documents(council.root, meetings)
    files: list[str] = []
    for meeting in meetings:
        files += add_meeting_folder(package, council, meeting, f"3-minutes/{meeting.id}", as_of,
                                    generated.get(meeting.id, []))
    dates = []
    for meeting in meetings:
        minutes = meeting.minutes
        state = (f"approved {minutes.approved}" if minutes and minutes.approved else
                 f"recorded {minutes.recorded}" if minutes and minutes.recorded else "NO MINUTES RECORDED")
        dates.append(f"{meeting.date}: {state}")
    return [{"number": number, "required": "Minutes of the meetings held", "dates": dates, "files": files,
             "missing": not meetings}]


def spsa_item(package: Package, council: Council, year: str, as_of: dt.date, number: int) -> list[dict]:
    plans = council.plans.spsa if council.plans else {}
    header = ["School year", "ELAC reviewed", "Council approved", "Board approved"]
    rows = [[plan_year, iso_day(entry.elac_reviewed) or ("" if not (council.info and council.info.elac) else "NOT RECORDED"),
             iso_day(entry.council_approved) or "NOT APPROVED", iso_day(entry.board_approved) or "NOT APPROVED"]
            for plan_year, entry in sorted(plans.items()) if plan_year <= year]
    document = docs.new_document(f"{council.name}: School Plan for Student Achievement approvals",
                                 "The council approves each year's plan before the board (Cal. Educ. Code §§ 64001, "
                                 "52855).")
    docs.add_table(document, header, rows or [["No plans recorded", "", "", ""]])
    files = [package.add("4-spsa/spsa-approvals.docx", docs.save_reproducible(document, as_of)),
             package.add("4-spsa/spsa-approvals.csv", _csv([header, *rows]))]
    entry = plans.get(year)
    for rel in entry.evidence if entry else []:
        copied = package.copy(rel, "4-spsa")
        if copied:
            files.append(copied)
    return [{"number": number, "required": "School Plan for Student Achievement approvals",
             "dates": [f"{row[0]}: council {row[2]}, board {row[3]}" for row in rows], "files": files,
             "missing": entry is None or entry.council_approved is None}]
