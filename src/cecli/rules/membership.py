"""CEC1xx: who sits on the council, and whether the roster says enough about them."""

from __future__ import annotations

import datetime as dt
import re

from cecli.rules import rule

NY_CET = "NY-CET \"CET Membership\"; 8 NYCRR 100.19"
NY_SELECTION = "8 NYCRR 100.11(b)"
MS_STATUTE = "Miss. Code Ann. § 37-18-5"
ONE_DAY = dt.timedelta(days=1)

# New York representatives who must be selected by the process of 8 NYCRR 100.11
NY_SELECTED = {"principal": "administrator", "administrator": "administrator",
               "teacher": "teacher", "parent": "parent"}


def _roster(ctx):
    """Where to point a finding about the roster as a whole."""
    if "roster.yaml" in ctx.council.sources:
        return "roster.yaml", ("members",)
    return "roster.yaml", ()


def _roster_unreadable(ctx) -> bool:
    """No roster to judge: roster.yaml is missing (CEC003 says so) or could not be read at all (CEC001)."""
    council = ctx.council
    return "roster.yaml" not in council.sources or ("roster.yaml" in council.damaged and not council.members)


def _active(ctx, day=None):
    return ctx.council.active_members(day or ctx.as_of)


def _highest_grade(grades: str | None) -> int | None:
    """The highest grade a school serves, from "K-5", "6-8", "9-12", "PK-12" (K and PK are 0)."""
    if not grades:
        return None
    numbers = [int(n) for n in re.findall(r"\d+", grades)]
    if numbers:
        return max(numbers)
    return 0 if re.search(r"\b(P?K|PK)\b", grades.upper()) else None


def _serves_students_from(ctx, grade: int) -> bool:
    info = ctx.council.info
    highest = [_highest_grade(s.grades) for s in (info.schools if info else [])]
    return any(h is not None and h >= grade for h in highest)


def required_groups(ctx) -> list[tuple[str, tuple[str, ...]]]:
    """The groups the profile requires at all times (`groups: required:` in its file), as (label,
    categories); the `student` group only when a school serves `student_grade_from` or above."""
    students = _serves_students_from(ctx, int(ctx.params.get("student_grade_from", 7)))
    return [(label, tuple(categories)) for label, categories in (ctx.profile.groups.get("required") or {}).items()
            if label != "student" or students]


def _change_points(members, begin: dt.date, end: dt.date) -> list[dt.date]:
    """The days from `begin` to `end` on which the set of active members can change."""
    points = {begin}
    for member in members:
        if member.start_date and begin < member.start_date <= end:
            points.add(member.start_date)
        if member.end_date and begin < member.end_date + ONE_DAY <= end:
            points.add(member.end_date + ONE_DAY)
    return sorted(points)


def _gaps(members, categories, begin: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Date ranges within [begin, end] when no active member had one of `categories`."""
    points = _change_points(members, begin, end)
    gaps: list[list[dt.date]] = []
    for index, day in enumerate(points):
        last = points[index + 1] - ONE_DAY if index + 1 < len(points) else end
        covered = any(m.category in categories and m.active_on(day) for m in members)
        if covered:
            continue
        if gaps and gaps[-1][1] + ONE_DAY == day:
            gaps[-1][1] = last
        else:
            gaps.append([day, last])
    return [(a, b) for a, b in gaps]


def _who_left(members, categories, day: dt.date):
    """The member of `categories` whose leaving opened a gap that starts on `day`, if any."""
    for member in members:
        if member.category in categories and member.end_date and member.end_date + ONE_DAY == day:
            return member
    return None


@rule("CEC101", "error", "state", NY_CET, parameters=("student_grade_from",))
def required_groups_always_present(ctx):
    """The team always includes the principal, a parent, a teacher or staff member, and (from grade 7) a student.

    New York requires a Community Engagement Team to include, at all times, the school principal,
    at least one parent (or person in parental relation) of a student at the school, at least one
    teacher or other staff member assigned to the school, and, when the school serves grade 7 or
    above (`student_grade_from`), at least one student. Membership may change at any time, as long
    as these groups stay covered.

    cec replays the roster day by day from `established` (in council.yaml) to the as-of date,
    using each member's `start_date` and `end_date` (a member counts through their end date), and
    reports every date range in which a group had nobody. A school's `grades` (such as "6-8")
    decides whether students are required. Teachers are members with category `teacher` or
    `staff`; other administrators do not count as teachers or staff here.

    To fix a gap that is still open, add a member of the missing group. A past gap cannot be
    undone: if the roster is wrong (a start or end date mistyped), correct it; otherwise the gap is
    a true record of the team's history.
    """
    council = ctx.council
    if _roster_unreadable(ctx) or council.info is None or council.info.established is None \
            or council.info.established > ctx.as_of:
        return
    begin, end = ctx.judged_from(council.info.established), ctx.as_of
    if begin > end:
        return
    groups = required_groups(ctx)
    for label, categories in groups:
        for first, last in _gaps(council.members, categories, begin, end):
            yield _gap_finding(ctx, label, categories, first, last)


def _gap_finding(ctx, label, categories, first, last):
    article = "an" if label[0] in "aeiou" else "a"
    if last >= ctx.as_of:
        message = f"Since {first} the team has had no active {label}."
        hint = f"Add {article} {label} to the roster (`cec member add`), with a start_date."
    elif first == last:
        message = f"On {first} the team had no active {label}."
        hint = "If a start or end date in the roster is wrong, correct it; otherwise this is the team's history."
    else:
        message = f"From {first} to {last} the team had no active {label}."
        hint = "If a start or end date in the roster is wrong, correct it; otherwise this is the team's history."
    leaver = _who_left(ctx.council.members, categories, first)
    if leaver is not None:
        return ctx.finding(leaver, message, hint, path=("end_date",))
    target, path = _roster(ctx)
    return ctx.finding(target, message, hint, path=path, key=bool(path))


@rule("CEC102", "warning", "state", f"MS-CEC; {MS_STATUTE}", parameters=("min_categories",))
def broad_spectrum(ctx):
    """The membership reflects a broad spectrum of the community.

    Mississippi's statute and guidance ask for a council drawn from a broad spectrum of the
    community: parents, business and faith-based leaders, elected officials, social services, law
    enforcement, health officials, librarians, retirees, educators and others. cec checks two things
    about the members active on the as-of date: at least one is a parent, and together they come
    from at least `min_categories` (default 4) of the profile's categories.

    To fix it, recruit members from the parts of the community not yet represented, and make sure
    each member's `category` in roster.yaml says which part they represent.
    """
    if _roster_unreadable(ctx):
        return
    active = _active(ctx)
    target, path = _roster(ctx)
    if not any(m.category == "parent" for m in active):
        yield ctx.finding(target, "No active member is a parent.",
                          "Recruit parents of students at the school; give them `category: parent`.",
                          path=path, key=bool(path))
    wanted = int(ctx.params.get("min_categories", 4))
    categories = sorted({m.category for m in active})
    if len(categories) < wanted:
        named = f" ({', '.join(categories)})" if categories else ""
        yield ctx.finding(
            target,
            f"Active members come from {len(categories)} part{'s' if len(categories) != 1 else ''} of the "
            f"community{named}; the council should draw on at least {wanted}.",
            "Recruit members from other parts of the community, such as business or faith-based leaders, "
            "social services, law enforcement, health officials, librarians or retirees.",
            path=path, key=bool(path))


@rule("CEC103", "error", "state", MS_STATUTE)
def not_all_board_appointed(ctx):
    """Members are not all appointed by the school board.

    A Community Engagement Council represents the community, not the district: its members are
    chosen by the community (usually by election), not all appointed by the school board. cec looks
    at the members active on the as-of date and reports when every one of them records
    `selected_by: school-board`. Members who do not record how they were selected are not counted
    as board appointees.

    To fix it, hold an election (see the establishing steps, CEC202-CEC205) for community seats, or
    correct `selected_by` where a member was in fact chosen another way.
    """
    active = _active(ctx)
    if active and all(m.selected_by == "school-board" for m in active):
        target, path = _roster(ctx)
        yield ctx.finding(
            target,
            f"All {len(active)} active members were appointed by the school board.",
            "Let the community choose members: hold an election for community seats, or correct how a "
            "member was chosen with `cec member update ID --selected-by WAY`.",
            path=path, key=bool(path))


@rule("CEC104", "warning", "state", "MS-CEC \"Example: Officer/Role\"")
def officer_roles_filled(ctx):
    """Each officer role is held by exactly one active member.

    The council's members choose officers so meetings run well. Under this profile the roles are
    chair, vice-chair, secretary and communications liaison (the profile's `role` list). cec checks
    the members active on the as-of date, and the roles each holds on that date (a role may have a
    `start_date` and `end_date`): each role should be held by one of them, and by only one. On the
    day one member hands a role over to another (one's role ends the day the other's starts), the
    new holder counts.

    To fix it, record the officers the council selected with `cec member role ID --add ROLE --from
    DATE`, and end a role its holder gave up with `cec member role ID --end ROLE --on DATE`.
    """
    if _roster_unreadable(ctx):
        return
    active = _active(ctx)
    target, path = _roster(ctx)
    for role in ctx.profile.vocabularies.get("role", ()):
        holders = _holders(active, role, ctx.as_of)
        if not holders:
            yield ctx.finding(target, f"No active member holds the {role} role.",
                              f"Once the council selects its {role}: `cec member role ID --add {role} --from DATE`.",
                              path=path, key=bool(path))
        for extra in holders[1:]:
            names = ", ".join(m.name for m in holders)
            index = next(i for i, name, _s, _e in extra.role_terms() if name == role)
            yield ctx.finding(extra, f"{len(holders)} active members hold the {role} role: {names}.",
                              f"End it for whoever gave it up: `cec member role ID --end {role} --on DATE`.",
                              path=("roles", index))


def _holders(members, role: str, day):
    """The members holding `role` on `day`; on a hand-over day (one term ends as another starts) the
    outgoing holder is left out."""
    holders = [m for m in members if role in m.roles_on(day)]
    if len(holders) < 2:
        return holders
    starting = [m for m in holders if any(n == role and s == day for _i, n, s, _e in m.role_terms())]
    ending = {m.id for m in holders if any(n == role and e == day for _i, n, _s, e in m.role_terms())}
    if starting:
        holders = [m for m in holders if m.id not in ending or m in starting]
    return holders


@rule("CEC105", "error", "state", NY_SELECTION)
def representatives_selected(ctx):
    """A parent representative is not a district employee; representatives record how they were selected.

    New York's regulation (8 NYCRR 100.11) has parents, teachers and administrators choose their
    own representatives, and a parent representative may not be employed by the district. cec
    checks every member who served on or after `established`: a member with `category: parent`
    must not have `district_employee: true`, and each principal, administrator, teacher and parent
    must record `selected_by` (election, peers, bargaining-unit, appointment, ...).

    To fix it, seat a district employee under their staff category instead (or choose another
    parent), and add `selected_by` to each representative's entry in roster.yaml.
    """
    established = ctx.council.info.established if ctx.council.info else None
    established = ctx.judged_from(established) or ctx.records_start
    for member in ctx.council.members:
        if established and member.end_date and member.end_date < established:
            continue
        if member.category == "parent" and member.district_employee:
            yield ctx.finding(member, f"{member.name} is seated as a parent representative but is a district employee.",
                              "Seat a parent who is not employed by the district, or record this member under "
                              "their staff category.", path=("district_employee",))
        group = NY_SELECTED.get(member.category)
        if group and not member.selected_by:
            yield ctx.finding(member, f"The roster does not say how {member.name}, a {group} representative, was selected.",
                              f"Record it with `cec member update {member.id} --selected-by WAY` (such as election, "
                              "peers or bargaining-unit).",
                              path=("category",))


@rule("CEC106", "warning", "all")
def ended_members_inactive(ctx):
    """A member whose end_date has passed still holds an officer role, or is listed present later.

    A member who has left (their `end_date` is before the as-of date) should no longer hold an
    officer role, and cannot have been present at a meeting held after they left. Either the
    member's roles were not updated when they left, the attendance lists the wrong person, or the
    end_date is wrong.

    A role is judged as of the as-of date: a role whose `end_date` is before that date is history,
    not held. A role written without dates (`roles: [chair]`) has no end, so a member who left
    still holds it until it is ended.

    To fix it, end the former member's roles (`cec member role ID --end ROLE --on DATE`) and give
    them to whoever holds them now, correct the attendance, or correct the end_date.
    """
    for member in ctx.council.members:
        if member.end_date is None:
            continue
        held = member.roles_on(ctx.as_of) if member.end_date < ctx.as_of else []
        if held:
            index = next(i for i, name, _s, _e in member.role_terms() if name in held)
            yield ctx.finding(member, f"{member.name} left on {member.end_date} but still holds "
                              f"{_and(held)}.",
                              f"End it: `cec member role {member.id} --end {held[0]} --on {member.end_date}`, "
                              "and record who holds it now.",
                              path=("roles", index))
        for meeting in ctx.council.meetings:
            if meeting.date > member.end_date and meeting.attendance and member.id in meeting.attendance.present:
                index = meeting.attendance.present.index(member.id)
                yield ctx.finding(meeting, f"{member.name} is listed present on {meeting.date}, after leaving "
                                  f"the council on {member.end_date}.",
                                  f"Correct the attendance (`cec meeting attendance {meeting.id}`), or the member's "
                                  f"last day (`cec member update {member.id} --end DATE`).",
                                  path=("attendance", "present", index))


def _and(words) -> str:
    words = list(words)
    if len(words) == 1:
        return f"the {words[0]} role"
    return "the " + ", ".join(words[:-1]) + f" and {words[-1]} roles"


@rule("CEC107", "warning", "state", "MS-CEC \"CEC Reporting Requirements\"")
def active_members_have_email(ctx):
    """Each active member has an email address.

    The membership list that districts submit through MCAPS asks for each member's email address.
    cec checks every member active on the as-of date. Emails stay private: they go into the
    submission export, never into anything published.

    To fix it, run `cec member update ID --email ADDRESS`.
    """
    for member in _active(ctx):
        if not (member.email or "").strip():
            yield ctx.finding(member, f"{member.name} has no email address.",
                              f"Add it with `cec member update {member.id} --email ADDRESS`; the MCAPS membership "
                              "list asks for it.")



@rule("CEC108", "info", "all", "Good practice: adopted bylaws or norms")
def bylaws_adopted(ctx):
    """The council adopted bylaws or norms.

    A council runs more smoothly, and settles disagreements more fairly, when it has written down
    how it works: how members are chosen and replaced, officers, quorum, how it decides, and how
    meetings run. cec looks in council.yaml for the date the council adopted its bylaws or norms
    (`bylaws: {adopted: 2025-10-07, evidence: [evidence/bylaws.pdf]}`) and notes when none is
    recorded, or when one is recorded without the adopted document.

    To fix it, adopt bylaws or norms at a meeting, then record the date and the document under
    `bylaws` in council.yaml.
    """
    info = ctx.council.info
    if info is None:
        return
    bylaws = info.bylaws
    if bylaws is None or bylaws.adopted is None:
        yield ctx.finding("council.yaml", "No bylaws or norms adopted by the council are recorded.",
                          "Adopt bylaws or norms at a meeting, then record them in council.yaml: "
                          "`bylaws: {adopted: YYYY-MM-DD, evidence: [evidence/bylaws.pdf]}`.",
                          ("bylaws",) if bylaws is not None else ())
    elif not bylaws.evidence:
        yield ctx.finding("council.yaml", f"The bylaws adopted on {bylaws.adopted} are not kept with the records.",
                          "Save the adopted document under evidence/ and list it under `bylaws: evidence:`.",
                          ("bylaws", "adopted"))


@rule("CEC109", "info", "state", "MS-CEC; MDE P-16 guidelines")
def student_voice(ctx):
    """No active member is a student or college student; the guidance gives parents and students special emphasis.

    Mississippi's guidance names college students and students among the members a council draws
    on, and gives parents and students special emphasis. cec notes when none of the members active
    on the as-of date is a `student` or `college-student` (parents are checked by CEC102).

    To fix it, invite a student or college student to serve (`cec member add --category student`);
    where a school's students are young, a college student or a student from the feeder high
    school can bring the students' view.
    """
    if _roster_unreadable(ctx):
        return
    active = _active(ctx)
    if active and not any(m.category in ("student", "college-student") for m in active):
        target, path = _roster(ctx)
        yield ctx.finding(target, f"None of the {len(active)} active members is a student or college student.",
                          "Invite a student or college student to serve (`cec member add --category student`); "
                          "the guidance gives parents and students special emphasis.", path=path, key=bool(path))
