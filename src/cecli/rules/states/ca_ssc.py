"""California School Site Councils (profile ca-ssc): parity, a teacher majority, students at a
secondary school, peer selection, the Greene Act's posted agenda and public comment, and the School
Plan for Student Achievement. The rules every profile shares (open meetings, attendance, complete
records, quorum, reminders) run under this profile with California's citations (see ca-ssc.yaml).
"""

from __future__ import annotations

import datetime as dt

from cecli.evidence import COUNCIL_KINDS, held, upcoming
from cecli.rules import Due, rule
from cecli.rules.meetings import _moment, notice_due, notice_in_time, posted_ahead
from cecli.rules.membership import ONE_DAY, _change_points, _highest_grade, _roster, _roster_unreadable

PARITY = "Cal. Educ. Code § 65000(c)"
GREENE = "Cal. Educ. Code § 35147(c)(1)"
SELECTED_BY_PEERS = ("peers", "election")


# --- who sits on the council ------------------------------------------------------------------------

def _side(ctx, name: str) -> tuple[str, ...]:
    return tuple(ctx.profile.groups.get(name) or ())


def secondary(ctx) -> bool:
    """A secondary school: `level: secondary`, or (no level given) a school serving grade 9 or above."""
    info = ctx.council.info
    grade_from = int(ctx.params.get("secondary_grade_from", 9))
    for school in info.schools if info else []:
        if school.level == "secondary":
            return True
        highest = _highest_grade(school.grades)
        if school.level is None and highest is not None and highest >= grade_from:
            return True
    return False


def _counts(ctx, day: dt.date) -> tuple[int, int, int]:
    """(school side, community side, classroom teachers) among the members active on `day`."""
    active = ctx.council.active_members(day)
    community = set(_side(ctx, "community_side"))
    if not secondary(ctx):
        community -= set(_side(ctx, "students"))
    school = sum(1 for m in active if m.category in _side(ctx, "school_side"))
    others = sum(1 for m in active if m.category in community)
    teachers = sum(1 for m in active if m.category in _side(ctx, "teachers"))
    return school, others, teachers


def _span(ctx):
    """The days membership is judged over: from `established` (or the first member's start) to as-of."""
    info, members = ctx.council.info, ctx.council.members
    begin = info.established if info and info.established else None
    if begin is None:
        starts = [m.start_date for m in members if m.start_date]
        begin = min(starts) if starts else ctx.as_of
    return begin, ctx.as_of


def _failing_ranges(ctx, failing):
    """Date ranges from `_span` on which `failing(day)` holds, with the day each one starts."""
    begin, end = _span(ctx)
    if begin > end:
        return []
    points = _change_points(ctx.council.members, begin, end)
    ranges: list[list] = []
    for index, day in enumerate(points):
        last = points[index + 1] - ONE_DAY if index + 1 < len(points) else end
        problem = failing(day)
        if not problem:
            continue
        if ranges and ranges[-1][1] + ONE_DAY == day and ranges[-1][2] == problem:
            ranges[-1][1] = last
        else:
            ranges.append([day, last, problem])
    return [tuple(r) for r in ranges]


def _when(ctx, first: dt.date, last: dt.date) -> str:
    if last >= ctx.as_of:
        return f"Since {first}"
    if first == last:
        return f"On {first}"
    return f"From {first} to {last}"


def _where(ctx, first: dt.date):
    """The member whose leaving or joining on `first` made the change, else the roster."""
    for member in ctx.council.members if first != _span(ctx)[0] else []:
        if member.end_date and member.end_date + ONE_DAY == first:
            return member, ("end_date",), False
        if member.start_date == first:
            return member, ("start_date",), False
    target, path = _roster(ctx)
    return target, path, bool(path)


@rule("CEC110", "error", "state", PARITY)
def parity(ctx):
    """Parity: on every date, the school side equals the community side in number.

    A school site council has equal numbers of members on each side (Education Code § 65000(c)):
    the school side is the principal, classroom teachers (`teacher`) and other school personnel
    (`staff`); the community side is parents (`parent`) and community members
    (`community-member`), and, at a secondary school, students (`student`). cec replays the roster
    from `established` to the as-of date, using each member's `start_date` and `end_date` (a member
    counts through their end date, so one who left the day before a meeting no longer counts), and
    reports every date range on which the two sides were not equal, with the count.

    To fix a range still open, seat a member on the smaller side (or end a term on the larger one).
    A past range is the council's history unless a date in the roster is wrong.
    """
    if _roster_unreadable(ctx):
        return

    def unequal(day):
        school, community, _t = _counts(ctx, day)
        return (school, community) if school != community else None

    for first, last, (school, community) in _failing_ranges(ctx, unequal):
        target, path, key = _where(ctx, first)
        smaller = "community" if community < school else "school"
        yield ctx.finding(target, f"{_when(ctx, first, last)} the council had {school} member"
                          f"{'' if school == 1 else 's'} on the school side and {community} on the community "
                          "side; the two sides must be equal.",
                          f"Seat a member on the {smaller} side (`cec member add`), or correct a start or end "
                          "date in the roster if it is wrong.", path=path, key=key)


@rule("CEC111", "error", "state", "Cal. Educ. Code § 65000(c)(1)(A), (c)(2)(A)")
def teacher_majority(ctx):
    """Classroom teachers are a majority of the school side.

    On the school side, classroom teachers (`category: teacher`) must outnumber the principal and
    other school personnel together (Education Code § 65000(c)): with a principal and one other
    staff member, at least three teachers. cec checks every date from `established` to the as-of
    date and reports each range on which teachers were not a majority of the school side.

    To fix it, seat another classroom teacher (selected by the teachers), or record other school
    staff under `staff` and teachers under `teacher` if a category is wrong.
    """
    if _roster_unreadable(ctx):
        return

    def short(day):
        school, _c, teachers = _counts(ctx, day)
        return (school, teachers) if school and teachers * 2 <= school else None

    for first, last, (school, teachers) in _failing_ranges(ctx, short):
        target, path, key = _where(ctx, first)
        yield ctx.finding(target, f"{_when(ctx, first, last)} classroom teachers were {teachers} of the {school} "
                          "members on the school side, not a majority.",
                          "Seat another classroom teacher chosen by the teachers, or correct a member's "
                          "category.", path=path, key=key)


@rule("CEC112", "error", "state", "Cal. Educ. Code § 65000(c)(2)", parameters=("secondary_grade_from",))
def students_at_secondary(ctx):
    """A secondary school's council includes students selected by students.

    At a secondary school (any school with `level: secondary`, or without a level, one serving
    grade 9 or above: `secondary_grade_from`), the community side includes students, selected by
    their peers (Education Code § 65000(c)(2)). cec checks every date from `established` to the
    as-of date for an active member with `category: student` and `selected_by: peers` or
    `election`, and reports each range without one.

    To fix it, have the students elect a representative and add them with `cec member add
    --category student --selected-by election`.
    """
    if _roster_unreadable(ctx) or not secondary(ctx):
        return
    students = _side(ctx, "students")

    def none(day):
        chosen = [m for m in ctx.council.active_members(day)
                  if m.category in students and m.selected_by in SELECTED_BY_PEERS]
        return "none" if not chosen else None

    for first, last, _ in _failing_ranges(ctx, none):
        target, path, key = _where(ctx, first)
        yield ctx.finding(target, f"{_when(ctx, first, last)} the council of this secondary school had no student "
                          "member selected by students.",
                          "Have the students elect a representative and add them (`category: student`, "
                          "`selected_by: election`).", path=path, key=key)


@rule("CEC113", "warning", "state", "Cal. Educ. Code § 65000(c), (d)")
def selected_by_peers(ctx):
    """Members are selected by their peers, and a parent member is not employed at the school.

    Teachers are selected by teachers, other staff by other staff, parents and community members by
    parents, and students by students (Education Code § 65000(c)); the principal serves ex officio.
    cec checks every member serving on or after `established`: `selected_by` is `peers` or
    `election` (the principal may also be `ex-officio`), and a member seated as a parent is not
    employed at the school (`school_employee: true`): a parent who works at the school may serve,
    but on the school side (§ 65000(d)).

    To fix it, record how each member was chosen under `selected_by`, hold the missing election, or
    seat a parent who works at the school under their staff category.
    """
    established = ctx.council.info.established if ctx.council.info else None
    parents = _side(ctx, "parents")
    for member in ctx.council.members:
        if established and member.end_date and member.end_date < established:
            continue
        allowed = SELECTED_BY_PEERS + (("ex-officio",) if member.category == "principal" else ())
        if member.selected_by not in allowed:
            how = f"`{member.selected_by}`" if member.selected_by else "not recorded"
            yield ctx.finding(member, f"{member.name} was not selected by their peers (selected_by: {how}).",
                              "Members are elected by their peers (`selected_by: election` or `peers`); the "
                              "principal serves `ex-officio`.", path=("selected_by",) if member.selected_by
                              else ("category",))
        if member.category in parents and member.school_employee:
            yield ctx.finding(member, f"{member.name} is seated as a parent but is employed at the school.",
                              "Seat a parent who does not work at the school, or record this member on the "
                              "school side (`category: staff` or `teacher`).", path=("school_employee",))


# --- the Greene Act ---------------------------------------------------------------------------------

def _regular(ctx):
    return [m for m in ctx.council.meetings if m.status != "cancelled" and m.kind == "regular"]


@rule("CEC318", "error", "state", GREENE, parameters=("notice_hours",))
def agenda_posted(ctx):
    """The notice and agenda of a regular meeting were posted at the school at least 72 hours before its start.

    The Greene Act requires the council to post, at the school, a notice of each regular meeting
    with its agenda (a description of each item to be discussed or acted on) at least 72 hours
    before the meeting (`notice_hours`). cec reads `notice_posted` as "YYYY-MM-DD HH:MM" and
    counts exact hours to the meeting's `start`: 72 hours ahead is in time, 71 is late. With a date
    only, three calendar days before the meeting's date is in time. A missing posting is reported
    once the last moment to post has passed; before then it is listed under "What is due next".
    """
    hours = int(ctx.params.get("notice_hours", 72))
    for meeting in _regular(ctx):
        due = notice_due(meeting, hours)
        posted = meeting.notice_posted
        if posted is None:
            last_day = due.date() if isinstance(due, dt.datetime) else due
            if ctx.as_of > last_day:
                yield ctx.finding(meeting, f"There is no record that the notice and agenda of the meeting of "
                                  f"{meeting.date} were posted at the school; they were due {hours} hours ahead "
                                  f"(by {_moment(due)}).",
                                  "Post the notice and agenda at the school and record when with "
                                  f'`cec meeting record {meeting.id} --notice-posted "DATE TIME"`.', ("notice_posted",))
            continue
        if notice_in_time(meeting, posted, hours):
            continue
        ahead = posted_ahead(meeting, posted)
        yield ctx.finding(meeting, f"The notice and agenda of the meeting of {meeting.date} were posted on "
                          f"{_moment(posted)}, {ahead}; they must be posted at least {hours} hours ahead (by "
                          f"{_moment(due)}).",
                          "Post the next agenda at the school at least 72 hours before the meeting; `cec check` "
                          "lists the time under \"What is due next\".", ("notice_posted",))


@agenda_posted.due
def agenda_posting_deadlines(ctx):
    hours = int(ctx.params.get("notice_hours", 72))
    for meeting in _regular(ctx):
        if upcoming(meeting, ctx.as_of) and meeting.notice_posted is None:
            due = notice_due(meeting, hours)
            timed = isinstance(due, dt.datetime)
            yield Due(due.date() if timed else due, f"Post the notice and agenda for the meeting of {meeting.date}",
                      meeting, ("notice_posted",), "Post them at the school, then record when under `notice_posted`.",
                      time=f" {due:%H:%M}" if timed else "")


@rule("CEC319", "warning", "state", GREENE)
def public_comment_item(ctx):
    """Every agenda has a public comment item.

    Under the Greene Act, members of the public may address the council on any item on the agenda
    and on other matters within its jurisdiction. cec checks that each council meeting's agenda has
    an item with `kind: public-comment`. Cancelled meetings, and meetings with no agenda yet
    (CEC311 reports those), are not judged.
    """
    for meeting in ctx.council.meetings:
        if meeting.status == "cancelled" or meeting.kind not in COUNCIL_KINDS or not meeting.agenda:
            continue
        if not any(item.kind == "public-comment" for item in meeting.agenda):
            yield ctx.finding(meeting, f"The agenda of the meeting of {meeting.date} has no public comment item.",
                              "Add one (`cec meeting agenda DATE add \"Public comment\" --kind public-comment`).",
                              ("agenda",))


def carried_unanimously(motion, present) -> bool:
    if motion.result != "carried":
        return False
    if motion.unanimous:
        return True
    votes = motion.votes
    return bool(votes and votes.for_ and not votes.against and not votes.abstain
                and set(present) <= set(votes.for_) | set(votes.recused))


@rule("CEC320", "error", "state", GREENE)
def motion_on_agenda(ctx):
    """A motion is about an item on the posted agenda, unless it is urgent and carried unanimously.

    The Greene Act lets the council act only on items on its posted agenda. cec checks each motion
    at a meeting held: `item` gives the number of the agenda item it is about (counting from 1),
    and that item must exist. A motion on a matter not on the agenda is allowed only when it records
    `urgent: true` and was carried unanimously (`unanimous: true`, or every member present voted
    for it); otherwise it should wait for the next agenda.
    """
    for meeting in ctx.council.meetings:
        if meeting.status == "cancelled" or not held(meeting, ctx.as_of):
            continue
        present = meeting.attendance.present if meeting.attendance else []
        count = len(meeting.agenda)
        for index, motion in enumerate(meeting.motions):
            if motion.result == "withdrawn":
                continue
            where = f"The motion “{motion.text}” at the meeting of {meeting.date}"
            if motion.item is not None and 1 <= motion.item <= count:
                continue
            if motion.item is not None:
                yield ctx.finding(meeting, f"{where} names agenda item {motion.item}, but the agenda has {count} "
                                  f"item{'' if count == 1 else 's'}.",
                                  "Correct `item` to the number of the agenda item the motion is about.",
                                  ("motions", index, "item"))
                continue
            if motion.urgent and carried_unanimously(motion, present):
                continue
            if motion.urgent:
                yield ctx.finding(meeting, f"{where} was not on the agenda and, though marked urgent, was not carried "
                                  "unanimously.", "A matter not on the posted agenda can only be acted on when urgent "
                                  "and carried unanimously; put it on the next agenda.", ("motions", index))
            else:
                yield ctx.finding(meeting, f"{where} does not say which agenda item it is about.",
                                  "Record the agenda item's number under `item` (`cec meeting motion DATE edit N "
                                  "--item K`), or put the matter on the next posted agenda.", ("motions", index))


# --- the School Plan for Student Achievement --------------------------------------------------------

def spsa_due(ctx, year: str) -> dt.date:
    """The day the council's approval of `year`'s plan is due: `spsa_due` ("MM-DD") in that school year."""
    month, day = (int(x) for x in str(ctx.params.get("spsa_due", "06-30")).split("-"))
    first = int(year[:4])
    return dt.date(first if month >= ctx.profile.school_year_start[0] else first + 1, month, day)


def _plans(ctx):
    plans = ctx.council.plans
    return plans.spsa if plans else {}


def _years(ctx):
    return sorted(set(ctx.years()) | {y for y in _plans(ctx) if y <= ctx.current_year})


@rule("CEC408", "error", "state", "Cal. Educ. Code §§ 64001, 52855", parameters=("spsa_due",))
def spsa_approved(ctx):
    """Each school year's School Plan for Student Achievement was approved by the council by spsa_due, and before the board approved it.

    The school site council develops and approves the School Plan for Student Achievement (SPSA)
    each year, and the local governing board then approves it (Education Code §§ 64001, 52855).
    cec reads plans.yaml (`spsa: {"2026-27": {council_approved, board_approved}}`) for each school
    year up to the current one: the council approved the plan on or before `spsa_due` (by default
    the last day of that school year; a council sets its district's date, such as "05-31"), and on
    or before the day the board approved it. Until the due date a missing approval is a note (and is
    listed under "What is due next").

    To fix it, approve the plan at a council meeting, then record the date under `council_approved`.
    """
    plans = ctx.council.plans
    if plans is None and "plans.yaml" in ctx.council.damaged:
        return
    target_file = "plans.yaml" if "plans.yaml" in ctx.council.sources else "council.yaml"
    for year in _years(ctx):
        due = spsa_due(ctx, year)
        entry = _plans(ctx).get(year)
        approved = entry.council_approved if entry else None
        if approved is None:
            over = ctx.as_of > due
            target, path = (entry, ("council_approved",)) if entry else (
                target_file, ("spsa",) if target_file == "plans.yaml" else ())
            message = (f"The council did not approve the School Plan for Student Achievement for {year} by {due}."
                       if over else f"The council has not yet approved the School Plan for Student Achievement for "
                       f"{year}; it is due by {due} ({(due - ctx.as_of).days} days left).")
            yield ctx.finding(target, message, f'Approve the plan at a council meeting and record it in plans.yaml: '
                              f'`spsa: {{"{year}": {{council_approved: YYYY-MM-DD}}}}`.', path,
                              severity=ctx.shortfall_severity(over))
            continue
        if approved > due:
            yield ctx.finding(entry, f"The council approved the School Plan for Student Achievement for {year} on "
                              f"{approved}, after it was due ({due}).",
                              "Approve next year's plan by the district's due date (`spsa_due`).", ("council_approved",))
        if entry.board_approved and entry.board_approved < approved:
            yield ctx.finding(entry, f"The board approved the School Plan for Student Achievement for {year} on "
                              f"{entry.board_approved}, before the council approved it ({approved}).",
                              "The council approves the plan first, then the board; correct the dates if they are "
                              "wrong.", ("board_approved",))


@spsa_approved.due
def spsa_deadlines(ctx):
    year = ctx.current_year
    entry = _plans(ctx).get(year)
    if entry is None or entry.council_approved is None:
        target = entry if entry else ("plans.yaml" if "plans.yaml" in ctx.council.sources else "council.yaml")
        yield Due(spsa_due(ctx, year), ctx.profile.word("spsa_due", year=year) or f"Approve the plan for {year}",
                  target, (), ctx.profile.word("spsa_hint"))


@rule("CEC409", "warning", "state", "Cal. Educ. Code §§ 52176, 64001(a); 5 CCR § 11308")
def elac_reviewed(ctx):
    """Where the school has an English Learner Advisory Committee, it reviewed the plan before the council approved it.

    A school with 21 or more English learners has an English Learner Advisory Committee (ELAC),
    which advises the school site council on the plan (Education Code § 52176; 5 CCR § 11308). When
    council.yaml says `elac: true`, cec checks each plan the council approved: `elac_reviewed` is
    recorded and is on or before `council_approved`.

    To fix it, take the draft plan to the ELAC before the council votes, and record the date under
    `elac_reviewed` in plans.yaml.
    """
    info = ctx.council.info
    if not (info and info.elac):
        return
    for year, entry in _plans(ctx).items():
        if entry.council_approved is None:
            continue
        if entry.elac_reviewed is None:
            yield ctx.finding(entry, f"The plan for {year} was approved on {entry.council_approved} with no record that "
                              "the English Learner Advisory Committee reviewed it.",
                              "Record the date the ELAC reviewed the plan under `elac_reviewed`.", ("council_approved",))
        elif entry.elac_reviewed > entry.council_approved:
            yield ctx.finding(entry, f"The English Learner Advisory Committee reviewed the plan for {year} on "
                              f"{entry.elac_reviewed}, after the council approved it ({entry.council_approved}).",
                              "Take the draft plan to the ELAC before the council votes on it.", ("elac_reviewed",))
