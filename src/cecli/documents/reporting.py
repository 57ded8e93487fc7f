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


def roster_rows(members) -> list[list[str]]:
    return [[public_label(m), vocabulary_word(m.category), ", ".join(vocabulary_word(r) for r in m.roles),
             vocabulary_word(m.selected_by)] for m in members]


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
                   redact.deep(roster_rows(members)) or [["No members on this date", "", "", ""]],
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
    dates = [[month_day_year(m.date), time_span(m.start, m.end), m.display_title, m.location or place,
              vocabulary_word(m.status or "scheduled")] for m in meetings]
    base.add_table(calendar, ["Date", "Time", "Meeting", "Place", "Status"],
                   redact.deep(dates) or [["No meetings scheduled yet", "", "", "", ""]],
                   widths=[1.3, 1.5, 1.9, 1.5, 0.8])
    context["calendar_table"] = calendar

    signer = next((m for m in members
                   if {"chair", "co-chair"} & set(m.roles) and not m.building_admin
                   and m.category not in ("principal", "administrator") and m.may_be_named_publicly), None)
    context["signer"] = {"name": signer.name if signer else "____________________________________"}
    return rendering.render(redact.deep(context), day, f"Community Engagement Plan {year}")


def _counted(label: str, count: int) -> str:
    """("A student member", 2) -> "2 student members"."""
    noun = label.removeprefix("A ")
    return f"{count} {noun}{'' if count == 1 else 's'}"


def member_rows(members) -> list[list[str]]:
    """Named members one a row; those who may not be named counted by their public label."""
    rows = [[m.name, vocabulary_word(m.category), ", ".join(vocabulary_word(r) for r in m.roles)]
            for m in members if m.may_be_named_publicly]
    hidden = Counter(public_label(m) for m in members if not m.may_be_named_publicly)
    for label, count in sorted(hidden.items(), key=lambda item: item[0] != "A student member"):
        rows.append([_counted(label, count), "Student" if label == "A student member" else "Not named publicly", ""])
    return rows


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

    done = sorted((m for m in council.meetings_in(year) if held(m, day)), key=lambda m: (m.starts_at(), m.id))
    meetings = rendering.subdoc()
    base.add_table(meetings, ["Date", "Meeting", "Members present"],
                   redact.deep([[month_day_year(m.date), m.display_title,
                                 str(len(m.attendance.present)) if m.attendance else ""] for m in done])
                   or [["No meetings held yet", "", ""]], widths=[1.8, 3.7, 1.5])
    context["meetings_table"] = meetings

    recommendations = rendering.subdoc()
    made = [r for r in (council.recommendations.recommendations if council.recommendations else [])
            if begin <= r.date <= end]
    base.add_table(recommendations, ["Date", "To", "Recommendation", "Response"],
                   redact.deep([[month_day_year(r.date), vocabulary_word(r.to), r.text, r.response or vocabulary_word(r.status)]
                                for r in made])
                   or [["No recommendations made yet", "", "", ""]], widths=[1.3, 1.4, 2.6, 1.7])
    context["recommendations_table"] = recommendations

    as_of = min(day, end)
    roster = rendering.subdoc()
    base.add_table(roster, ["Member", "Group", "Role"],
                   redact.deep(member_rows(council.active_members(as_of))) or [["No members", "", ""]],
                   widths=[2.8, 2.4, 1.8])
    context["members_table"] = roster
    return rendering.render(redact.deep(context), day, f"Progress report {year}")
