"""The Community Engagement Plan (New York) and the public progress report.

Both are public: members' emails, phones and notes never appear, and a student is named only with
`public_name: true` (Member.may_be_named_publicly); otherwise the row says "A student member"
(cecli.privacy.public_label). Every value printed, free text included (a goal's progress note, a
recommendation and its response), passes through the council's Redactor, as on the public site.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from cecli.documents import base
from cecli.documents.context import base_context, time_span
from cecli.documents.templating import Rendering
from cecli.evidence import held
from cecli.privacy import Redactor, public_label
from cecli.textfmt import long_date, month_day_year, vocabulary_word

# New York's required groups (CEC101): (label, categories that count, required?)
NY_GROUPS = (
    ("Principal", ("principal",)),
    ("Parent or person in parental relation", ("parent",)),
    ("Teacher or other staff", ("teacher", "staff")),
    ("Student (schools serving grade 7 or above)", ("student",)),
)


def _paragraphs(text: str | None) -> list[str]:
    if not text or not text.strip():
        return []
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]


def _serves_grade_seven(council) -> bool:
    for school in council.info.schools if council.info else []:
        numbers = [int(n) for n in re.findall(r"\d+", school.grades or "")]
        if numbers and max(numbers) >= 7:
            return True
    return False


def roster_rows(members, day: dt.date) -> list[list[str]]:
    """One row per member: name, group, the officer roles held on `day`, how selected."""
    return [[public_label(m), vocabulary_word(m.category), ", ".join(vocabulary_word(r) for r in m.roles_on(day)),
             vocabulary_word(m.selected_by)] for m in members]


def held_by(meeting, day: dt.date) -> bool:
    """Whether a meeting had been held by `day`: a document dated before a meeting never calls it
    held, whatever its record says now (a plan dated October lists December's meeting as scheduled)."""
    return meeting.date <= day and held(meeting, day)


def status_on(meeting, day: dt.date) -> str:
    """A meeting's status as a document dated `day` shows it."""
    if meeting.status == "cancelled":
        return "Cancelled"
    if held_by(meeting, day):
        return "Held"
    return "Scheduled" if meeting.date >= day else "Not recorded as held"


def table_time(start, end) -> str:
    """A meeting's time for a narrow table cell, kept on one line where it fits (no-break spaces)."""
    from cecli.textfmt import clock

    if start and end:
        return f"{clock(start)}\u2013{clock(end)}".replace(" ", "\u00a0")
    return (clock(start) or "To be announced").replace(" ", "\u00a0")


def table_date(day: dt.date) -> str:
    """A date for a narrow table cell that never breaks inside ("March\u00a010,\u00a02026")."""
    return month_day_year(day).replace(" ", "\u00a0")


def engagement_plan(council, day: dt.date) -> bytes:
    from cecli.model.plan import COMPONENTS

    plan = council.plan
    redact = Redactor(council)
    rendering = Rendering(council.root, "plan.docx")
    context = base_context(council, "Community Engagement Plan", day)
    year = (plan.school_year if plan and plan.school_year else None) or council.school_year(day)
    components = []
    for number, (key, heading) in enumerate(COMPONENTS.items(), start=1):
        text = getattr(plan.components, key) if plan else None
        paragraphs = _paragraphs(text)
        components.append({"number": number, "key": key, "heading": heading,
                           "missing": not paragraphs, "paragraphs": paragraphs})
    context["plan"] = {
        "school_year": year,
        "adopted": long_date(plan.adopted) if plan and plan.adopted else "",
        "components": components,
        "missing": [c["heading"] for c in components if c["missing"]],
    }
    members = council.active_members(day)

    roster = rendering.subdoc()
    base.add_table(roster, ["Name", "Group", "Role", "Selected by"],
                   redact.deep(roster_rows(members, day)) or [["No members on this date", "", "", ""]],
                   widths=[2.3, 1.8, 1.4, 1.5])
    context["roster_table"] = roster

    groups = rendering.subdoc()
    rows = []
    for label, categories in NY_GROUPS:
        count = sum(1 for m in members if m.category in categories)
        required = "student" not in categories or _serves_grade_seven(council)
        rows.append([base.TICKED if count else base.BOX, label, "Required" if required else "Not required",
                     str(count)])
    base.add_table(groups, ["Met", "Group", "Required", "Members"], rows, widths=[0.6, 3.8, 1.5, 1.1])
    context["groups_table"] = groups

    calendar = rendering.subdoc()
    meetings = sorted(council.meetings_in(year), key=lambda m: (m.starts_at(), m.id))
    place = (council.info.meeting_place if council.info else "") or ""
    dates = [[table_date(m.date), table_time(m.start, m.end), m.display_title, m.location or place,
              status_on(m, day)] for m in meetings]
    base.add_table(calendar, ["Date", "Time", "Meeting", "Place", "Status"],
                   redact.deep(dates) or [["No meetings scheduled yet", "", "", "", ""]],
                   widths=[1.45, 1.45, 1.75, 1.35, 1.0], font_size=9, header_size=9,
                   caption="Meeting calendar: date, time, meeting, place and status of each meeting")
    context["calendar_table"] = calendar

    signer = next((m for m in members
                   if {"chair", "co-chair"} & set(m.roles_on(day)) and not m.building_admin
                   and m.category not in ("principal", "administrator") and m.may_be_named_publicly), None)
    context["signer"] = {"name": signer.name if signer else "____________________________________"}
    return rendering.render(redact.deep(context), day, f"Community Engagement Plan {year}")


def _last(member, day: dt.date) -> dt.date:
    """`day`, or the member's last day when they left before it (the roles they held as they left)."""
    return min(day, member.end_date) if member.end_date else day


def _counted(label: str, count: int) -> str:
    """("A student member", 2) -> "2 student members"."""
    noun = label.removeprefix("A ")
    return f"{count} {noun}{'' if count == 1 else 's'}"


def member_rows(members, day: dt.date) -> list[list[str]]:
    """Named members one a row (with the roles held on `day`, or on their last day if they left
    before it); those who may not be named counted by their public label."""
    rows = [[m.name, vocabulary_word(m.category), ", ".join(vocabulary_word(r) for r in m.roles_on(_last(m, day)))]
            for m in members if m.may_be_named_publicly]
    hidden = Counter(public_label(m) for m in members if not m.may_be_named_publicly)
    for label, count in sorted(hidden.items(), key=lambda item: item[0] != "A student member"):
        rows.append([_counted(label, count), "Student" if label == "A student member" else "Not named publicly", ""])
    return rows


def attendance_said(council, meeting) -> str:
    """Who came: the members present, and for an information session its attendees (recorded in
    outreach.yaml, linked by `meeting` or on the same day)."""
    parts = []
    if meeting.attendance and meeting.attendance.present:
        count = len(meeting.attendance.present)
        parts.append(f"{count} member{'' if count == 1 else 's'}")
    sessions = council.outreach.info_sessions if council.outreach else []
    for session in sessions:
        if session.attendees is not None and (session.meeting == meeting.id or (
                session.meeting is None and session.date == meeting.date)):
            parts.append(f"{session.attendees} attendee{'' if session.attendees == 1 else 's'}")
            break
    if not parts and meeting.attendance and meeting.attendance.guest_count:
        parts.append(f"{meeting.attendance.guest_count} guests")
    return ", ".join(parts) or "Not recorded"


def members_of_year(council, begin: dt.date, last: dt.date) -> list:
    """The members serving on `last`, and those who left earlier but served most of the part of the
    school year the council existed (from `begin`, or its first member's start, to `last`)."""
    starts = [m.start_date for m in council.members if m.start_date]
    first = max(begin, min(starts)) if starts else begin
    span = max((last - first).days + 1, 1)
    chosen = []
    for member in council.members:
        if member.active_on(last):
            chosen.append(member)
            continue
        since = max(member.start_date or first, first)
        until = min(member.end_date or last, last)
        if until >= since and ((until - since).days + 1) * 2 > span:
            chosen.append(member)
    return chosen


def progress_report(council, year: str, day: dt.date) -> bytes:
    redact = Redactor(council)
    rendering = Rendering(council.root, "progress-report.docx")
    context = base_context(council, "Progress report", day)
    begin, end = council.year_bounds(year)
    goal_year = council.goals.years.get(year) if council.goals else None
    goals = goal_year.goals if goal_year else []
    context["report"] = {
        "year": year,
        "goals": [
            {"id": g.id, "statement": g.statement, "measure": g.measure or "", "baseline": g.baseline or "",
             "target": g.target or "",
             "progress": [{"date": month_day_year(p.date), "text": p.note} for p in g.progress]}
            for g in goals
        ],
    }

    data = rendering.subdoc()
    reviewed = goal_year.data_reviewed if goal_year else []
    base.add_table(data, ["Data", "Reviewed on"],
                   redact.deep([[vocabulary_word(r.source), month_day_year(r.date)] for r in reviewed])
                   or [["No data reviews recorded", ""]], widths=[4.5, 2.5])
    context["data_table"] = data

    done = sorted((m for m in council.meetings_in(year) if held_by(m, day)), key=lambda m: (m.starts_at(), m.id))
    meetings = rendering.subdoc()
    base.add_table(meetings, ["Date", "Meeting", "Attendance"],
                   redact.deep([[table_date(m.date), m.display_title, attendance_said(council, m)] for m in done])
                   or [["No meetings held yet", "", ""]], widths=[1.85, 3.35, 1.8],
                   caption="Meetings held: date, meeting and how many attended")
    context["meetings_table"] = meetings

    recommendations = rendering.subdoc()
    made = [r for r in (council.recommendations.recommendations if council.recommendations else [])
            if begin <= r.date <= end]
    base.add_table(recommendations, ["Date", "To", "Recommendation", "Response"],
                   redact.deep([[table_date(r.date), vocabulary_word(r.to), r.text, r.response or vocabulary_word(r.status)]
                                for r in made])
                   or [["No recommendations made yet", "", "", ""]], widths=[1.6, 1.3, 2.5, 1.6])
    context["recommendations_table"] = recommendations

    roster = rendering.subdoc()
    base.add_table(roster, ["Member", "Group", "Role"],
                   redact.deep(member_rows(members_of_year(council, begin, min(day, end)), min(day, end))) or [["No members", "", ""]],
                   widths=[2.6, 2.3, 2.1], caption="Council members this school year: name, group and role")
    context["members_table"] = roster
    return rendering.render(redact.deep(context), day, f"Progress report {year}")
