"""Documents a profile asks for beyond the meeting paperwork: its plan document (`cec plan`) and the
roster by side (`cec roster`), both chosen by the profile, never by its name.

- `plan_document(council, day)`: (path, bytes, message) for the plan the profile has (New York's
  Community Engagement Plan, California's record of SPSA approvals), or PlanNotAsked.
- `roster_document(council, day)`: the members serving on a date; where the profile has two sides
  (California), each side with its count and whether they are equal.

Both are public documents: no emails, phones or notes, and students named only with `public_name`.
"""

from __future__ import annotations

import datetime as dt

from cecli.errors import InvalidInput
from cecli.privacy import public_label
from cecli.textfmt import long_date, vocabulary_word


class PlanNotAsked(InvalidInput):
    """The council's profile asks for no plan document."""


def plan_document(council, day: dt.date | None) -> tuple[str, bytes, str]:
    """The profile's plan document as (path in the council folder, .docx bytes, commit message)."""
    spec = council.profile.plan_document
    kind = spec.get("kind")
    if kind == "engagement-plan":
        from cecli.documents.reporting import engagement_plan

        plan = council.plan
        day = day or (plan.adopted if plan and plan.adopted else dt.date.today())
        year = (plan.school_year if plan and plan.school_year else None) or council.school_year(day)
        return (f"documents/plan/community-engagement-plan-{year}.docx", engagement_plan(council, day),
                f"Write the Community Engagement Plan for {year}.")
    if kind == "spsa-approvals":
        day = day or dt.date.today()
        year = council.school_year(day)
        return (f"documents/plan/spsa-approvals-{year}.docx", spsa_record(council, day),
                f"Write the record of the School Plan for Student Achievement approvals as of {day.isoformat()}.")
    raise PlanNotAsked(f"The {council.profile.name} profile ({council.profile.title}) asks the council for no plan "
                       "document, so `cec plan` has nothing to write. Nothing was written.",
                       "The council's goals (`cec goal`) and progress reports (`cec report progress`) are its "
                       "plan and reporting under this profile.")


def spsa_record(council, day: dt.date) -> bytes:
    """California: each school year's SPSA with the dates the ELAC reviewed it, the council and the board
    approved it, and the members serving on the day the council approved it (the signature block)."""
    from cecli.documents import base

    plans = council.plans.spsa if council.plans else {}
    document = base.new_document(f"{council.name}: School Plan for Student Achievement",
                                 f"Record of reviews and approvals, as of {long_date(day)}.",
                                 running=(council.name, "SPSA approvals"))
    document.add_paragraph("The school site council develops and approves the School Plan for Student Achievement; "
                           "the local governing board then approves it (Cal. Educ. Code §§ 64001, 52855)."
                           + (" The English Learner Advisory Committee reviews the plan before the council votes "
                              "(§ 52176)." if council.info and council.info.elac else ""))
    rows = [[year, long_date(entry.elac_reviewed) or "—", long_date(entry.council_approved) or "Not yet approved",
             long_date(entry.board_approved) or "Not yet approved"] for year, entry in sorted(plans.items())]
    base.add_table(document, ["School year", "ELAC review", "Council approval", "Board approval"],
                   rows or [["No plan recorded in plans.yaml", "", "", ""]], widths=[1.2, 1.9, 1.95, 1.95],
                   caption="Each school year's plan and the dates it was reviewed and approved")
    current = plans.get(council.school_year(day))
    approved = current.council_approved if current and current.council_approved else None
    document.add_heading("Council members on the day of approval" if approved else "Council members", level=1)
    members = council.active_members(approved or day)
    base.add_table(document, ["Name", "Side", "Represents", "Signature"],
                   [[public_label(m), _side_word(council, m.category), vocabulary_word(m.category), ""]
                    for m in members] or [["No members on this date", "", "", ""]],
                   widths=[2.2, 1.2, 1.6, 2.0], caption="Members serving, with room for signatures")
    return base.save_reproducible(document, day)


def _side_word(council, category: str) -> str:
    groups = council.profile.groups
    if category in (groups.get("school_side") or ()):
        return "School"
    if category in (groups.get("community_side") or ()):
        return "Community"
    return ""


def roster_document(council, day: dt.date) -> bytes:
    """The members serving on `day`; by side with the parity count where the profile has sides."""
    from cecli.documents import base

    members = council.active_members(day)
    document = base.new_document(f"{council.name}: members", f"Members serving on {long_date(day)}.",
                                 running=(council.name, "Members"))
    sides = council.profile.groups.get("school_side") and council.profile.groups.get("community_side")
    if not sides:
        rows = [[public_label(m), vocabulary_word(m.category), ", ".join(vocabulary_word(r) for r in m.roles),
                 vocabulary_word(m.selected_by)] for m in members]
        base.add_table(document, ["Name", "Represents", "Roles", "Selected by"],
                       rows or [["No members on this date", "", "", ""]], caption="Members serving")
        return base.save_reproducible(document, day)
    counts = {}
    for label, key in (("School side", "school_side"), ("Community side", "community_side")):
        chosen = [m for m in members if m.category in council.profile.groups[key]]
        counts[label] = len(chosen)
        document.add_heading(f"{label}: {len(chosen)} member{'' if len(chosen) == 1 else 's'}", level=1)
        rows = [[public_label(m), vocabulary_word(m.category), ", ".join(vocabulary_word(r) for r in m.roles),
                 vocabulary_word(m.selected_by)] for m in chosen]
        base.add_table(document, ["Name", "Represents", "Roles", "Selected by"],
                       rows or [["Nobody on this side", "", "", ""]], caption=f"Members on the {label.lower()}")
    school, community = counts["School side"], counts["Community side"]
    teachers = sum(1 for m in members if m.category in (council.profile.groups.get("teachers") or ()))
    document.add_heading("Parity", level=1)
    document.add_paragraph(f"School side {school}, community side {community}: "
                           + ("the sides are equal." if school == community else "the sides are NOT equal.")
                           + f" Classroom teachers: {teachers} of {school} on the school side"
                           + (" (a majority)." if school and teachers * 2 > school else " (NOT a majority)."))
    return base.save_reproducible(document, day)
