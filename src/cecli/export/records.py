"""Parts both states' packages share: membership list, meeting calendar, meeting records, check report."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
from pathlib import Path

from cecli.council import Council
from cecli.documents import base as docs
from cecli.export.package import Package
from cecli.model import Meeting
from cecli.textfmt import iso_day

MEMBER_COLUMNS = ["Name", "Roles", "Category", "Email", "Serving from", "Serving until"]



def _time(meeting: Meeting) -> str:
    if not meeting.start:
        return ""
    text = meeting.start.strftime("%H:%M")
    return f"{text}–{meeting.end.strftime('%H:%M')}" if meeting.end else text


def membership_rows(members, day: dt.date) -> list[list[str]]:
    """Name, roles (held on `day`, or on the member's last day before it), category, email and term:
    what the state asks for, never phones or notes."""
    ordered = sorted(members, key=lambda m: (m.start_date or dt.date.min, m.name.lower()))
    return [[m.name, ", ".join(m.roles_on(min(day, m.end_date) if m.end_date else day)), m.category, m.email or "", iso_day(m.start_date), iso_day(m.end_date)]
            for m in ordered]


def add_membership_list(package: Package, council: Council, members, folder: str, year: str, as_of: dt.date) -> list[str]:
    rows = membership_rows(members, min(as_of, council.year_bounds(year)[1]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(MEMBER_COLUMNS)
    writer.writerows(rows)
    document = docs.new_document(f"{council.name}: membership list", f"Members serving during the {year} school year.")
    docs.add_table(document, MEMBER_COLUMNS, rows)
    return [package.add(f"{folder}/membership-list.csv", buffer.getvalue()),
            package.add(f"{folder}/membership-list.docx", docs.save_reproducible(document, as_of))]


def add_meeting_calendar(package: Package, council: Council, meetings: list[Meeting], folder: str,
                         year: str, as_of: dt.date) -> list[str]:
    from cecli.publish.calendar import calendar_ics

    place = council.info.meeting_place if council.info else None
    rows = [[m.date.isoformat(), m.date.strftime("%A"), _time(m), m.display_title, m.location or place or "",
             m.status or "scheduled"] for m in meetings]
    document = docs.new_document(f"{council.name}: meeting calendar", f"Meetings of the {year} school year.")
    adopted = council.info.schedule_adopted_for(year, council.year_bounds(year)) if council.info else None
    if adopted:
        document.add_paragraph(f"The council adopted this schedule on {adopted.isoformat()}.")
    docs.add_table(document, ["Date", "Day", "Time", "Meeting", "Place", "Status"], rows)
    return [package.add(f"{folder}/meeting-calendar.docx", docs.save_reproducible(document, as_of)),
            package.add(f"{folder}/meetings.ics", calendar_ics(council, meetings))]


def meeting_record_docx(council: Council, meeting: Meeting, as_of: dt.date) -> bytes:
    """One meeting's agenda and attendance, from its record."""
    place = meeting.location or (council.info.meeting_place if council.info else None) or ""
    document = docs.new_document(f"{meeting.display_title}: {meeting.date.isoformat()}", council.name)
    document.add_paragraph(f"Time: {_time(meeting) or 'not recorded'}    Place: {place or 'not recorded'}    "
                           f"Status: {meeting.status or 'scheduled'}")
    document.add_heading("Agenda", level=1)
    if meeting.agenda:
        docs.add_table(document, ["#", "Item", "Minutes", "Presenter"], [
            [str(n), item.title, str(item.minutes or ""),
             ", ".join(council.name_of(p) for p in item.presenting)]
            for n, item in enumerate(meeting.agenda, 1)])
    else:
        document.add_paragraph("No agenda is recorded for this meeting.")
    document.add_heading("Attendance", level=1)
    attendance = meeting.attendance
    if attendance:
        status = {}
        for group in ("present", "absent", "excused"):
            for member_id in getattr(attendance, group):
                status[member_id] = group
        ids = list(dict.fromkeys([m.id for m in council.active_members(meeting.date)] + list(status)))
        rows = []
        for member_id in ids:
            member = council.member(member_id)
            rows.append([council.name_of(member_id), ", ".join(member.roles_on(meeting.date)) if member else "",
                         status.get(member_id, "not recorded")])
        docs.add_table(document, ["Member", "Roles", "Attendance"], rows)
        present = len(attendance.present)
        document.add_paragraph(f"{present} members present; {attendance.guest_count} guests.")
    else:
        document.add_paragraph("No attendance is recorded for this meeting.")
    add_minutes_record(document, council, meeting)
    return docs.save_reproducible(document, as_of)


def add_minutes_record(document, council: Council, meeting: Meeting) -> None:
    """What the minutes record (cecli.minutes: the same text as `cec meeting docs` writes)."""
    from cecli.minutes import minutes_view

    view = minutes_view(council, meeting)
    if not view["recorded"]:
        if meeting.minutes and meeting.minutes.approved:
            document.add_paragraph(f"Minutes approved {meeting.minutes.approved.isoformat()}.")
        return
    document.add_heading("Minutes" + (" (draft, not yet approved)" if view["draft"] else ""), level=1)
    for line in (view["called_to_order"], view["quorum"], view["interpreter"]):
        if line:
            document.add_paragraph(line)
    if view["guests"] or view["public_count"]:
        guests = "; ".join(view["guests"]) or ""
        if view["public_count"]:
            guests += ("; and " if guests else "") + f"{view['public_count']} members of the public"
        document.add_paragraph(f"Guests: {guests}.")
    for item in view["items"]:
        if not (item["notes"] or item["motions"] or item["presenters"]):
            continue
        document.add_heading(f"{item['number']}. {item['title']}", level=2)
        if item["presenters"]:
            document.add_paragraph(f"Presented by {item['presenters']}.")
        if item["notes"]:
            document.add_paragraph(item["notes"])
        for motion in item["motions"]:
            _motion_record(document, motion)
    if view["other_motions"]:
        document.add_heading("Other motions" if view["items"] else "Motions", level=2)
        for motion in view["other_motions"]:
            _motion_record(document, motion)
    if view["elections"]:
        document.add_heading("Officers elected", level=2)
        for line in view["elections"]:
            document.add_paragraph(line)
    if view["actions"]:
        document.add_heading("Action items", level=2)
        docs.add_table(document, ["Task", "Owner", "Due", "Done"],
                       [[a["task"], a["owner"], a["due"], a["done"]] for a in view["actions"]])
    if view["adjourned"]:
        document.add_paragraph(view["adjourned"])
    if view["approval"]:
        document.add_paragraph(view["approval"] + (f" {view['corrections']}" if view["corrections"] else ""))


def _motion_record(document, motion: dict) -> None:
    document.add_paragraph().add_run(f"Motion {motion['number']}: {motion['text']}").bold = True
    if motion["moved_line"]:
        document.add_paragraph(motion["moved_line"])
    document.add_paragraph(motion["outcome"])
    if motion["groups"]:
        docs.add_table(document, ["Vote", "Members"],
                       [[f"{g['label']} ({g['count']})", ", ".join(g["names"])] for g in motion["groups"]])


def meeting_documents(root: Path, meetings: list[Meeting]) -> dict[str, list[str]]:
    """Generated documents under documents/ for each meeting: a path part that starts with its id
    (the longest id wins, so 2025-10-14-special is not taken for 2025-10-14)."""
    ids = sorted((m.id for m in meetings), key=len, reverse=True)
    found: dict[str, list[str]] = {m.id: [] for m in meetings}
    base = root / "documents"
    if not base.is_dir():
        return found
    for path in sorted(base.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(root).as_posix()
        parts = path.relative_to(base).parts
        for meeting_id in ids:
            if any(part == meeting_id or (part.startswith(meeting_id) and not part[len(meeting_id)].isalnum()
                                           and not part[len(meeting_id):].startswith("-special"))
                   for part in parts):
                found[meeting_id].append(rel)
                break
    return found


def add_meeting_folder(package: Package, council: Council, meeting: Meeting, folder: str, as_of: dt.date,
                       documents: list[str]) -> list[str]:
    paths = [package.add(f"{folder}/agenda-and-attendance.docx", meeting_record_docx(council, meeting, as_of))]
    for rel in [*documents, *meeting.evidence]:
        copied = package.copy(rel, folder)
        if copied:
            paths.append(copied)
    return list(dict.fromkeys(paths))


def add_check_report(package: Package, council_root: Path, as_of: dt.date):
    """The `cec check` report as of the export date, as text and JSON, with paths relative to the
    council. Returns (the package paths, the report)."""

    from cecli.check import check_council
    from cecli.render import report as render

    report = check_council(council_root, as_of)
    with contextlib.chdir(council_root):
        text = render.text(report, colour=False)
    data = render.as_json(report)
    data["council"]["path"] = "."
    return [package.add("check-report.txt", text.rstrip("\n") + "\n"),
            package.add("check-report.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")], report
