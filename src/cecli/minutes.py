"""What the minutes of a meeting say, as text, the same for every output that carries them.

`minutes_view(council, meeting)` turns a meeting's record into the sentences and lists of finished
minutes: the call to order, attendance, each agenda item with its presenters, notes and motions,
each motion with its mover, seconder and vote, officers elected, action items, adjournment and the
approval line. The minutes document (`cec meeting docs`), the export's per-meeting record and the
public meeting page all print this one view, so they cannot disagree.

Members appear by full name. A student without `public_name: true` is "A student member", or
"Student member 1", "Student member 2" where several serve on the meeting's date: never a name or
initials. Free text passes through the privacy Redactor, as in every public output.
"""

from __future__ import annotations

import dataclasses

from cecli.privacy import Redactor
from cecli.textfmt import MONTHS, clock, long_date, month_day_year, vocabulary_word

VOTE_GROUPS = (("for_", "For"), ("against", "Against"), ("abstain", "Abstained"), ("recused", "Recused"))


def is_recorded(meeting) -> bool:
    """Whether the meeting's record is far enough along to print finished minutes rather than a
    blank shell: it was held (not cancelled) and records who came or when it was called to order."""
    if meeting.status == "cancelled" or meeting.status == "scheduled":
        return False
    attendance = meeting.attendance
    return bool((attendance and (attendance.present or attendance.absent or attendance.excused))
                or meeting.called_to_order or meeting.quorum)


def member_labels(council, meeting) -> dict[str, str]:
    """Member id -> how the minutes name them: full name, or "A student member" / "Student member N"."""
    on_date = council.active_members(meeting.date)
    named_elsewhere = [council.member(i) for i in _ids_named(meeting)]
    members, seen = [], set()
    for member in [*on_date, *(m for m in named_elsewhere if m is not None)]:
        if member.id not in seen:
            seen.add(member.id)
            members.append(member)
    students = [m for m in members if not m.may_be_named_publicly and m.is_student]
    adults = [m for m in members if not m.may_be_named_publicly and not m.is_student]
    labels = {}
    for member in members:
        if member.may_be_named_publicly:
            labels[member.id] = member.name
        elif member.is_student:
            labels[member.id] = ("A student member" if len(students) == 1
                                 else f"Student member {students.index(member) + 1}")
        else:
            labels[member.id] = "A member" if len(adults) == 1 else f"Member {adults.index(member) + 1}"
    return labels


def _ids_named(meeting) -> list[str]:
    ids: list[str] = []
    if meeting.attendance:
        ids += [*meeting.attendance.present, *meeting.attendance.absent, *meeting.attendance.excused]
    for motion in meeting.motions:
        ids += [x for x in (motion.moved_by, motion.seconded_by) if x]
        if motion.votes:
            ids += motion.votes.voters()
    if meeting.called_to_order and meeting.called_to_order.by:
        ids.append(meeting.called_to_order.by)
    ids += [e.member for e in meeting.officer_elections]
    return ids


def words(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


@dataclasses.dataclass
class MotionView:
    number: int
    text: str
    item: int | None
    urgent: bool
    moved_by: str
    seconded_by: str
    result: str  # carried, failed, tabled, withdrawn or ""
    outcome: str  # the sentence: "Carried unanimously." / "Carried, 10 for, 1 against, 1 abstained."
    groups: list[tuple[str, list[str]]]  # (For, [names]) ... only the groups with names
    unanimous: bool
    counts: dict[str, int] | None  # known counts (for, against, abstain, recused) or None

    @property
    def moved_line(self) -> str:
        if self.moved_by and self.seconded_by:
            return f"Moved by {self.moved_by}; seconded by {self.seconded_by}."
        if self.moved_by:
            return f"Moved by {self.moved_by}."
        if self.seconded_by:
            return f"Seconded by {self.seconded_by}."
        return ""

    def as_dict(self) -> dict:
        data = dataclasses.asdict(self)
        data["moved_line"] = self.moved_line
        data["groups"] = [{"label": label, "names": names, "count": len(names)} for label, names in self.groups]
        return data


def motion_view(council, meeting, number: int, motion, labels: dict[str, str], redact=None) -> MotionView:
    redact = redact or (lambda text: text)
    name = lambda member_id: labels.get(member_id) or council.name_of(member_id)  # noqa: E731
    votes = motion.votes
    groups = []
    counts = None
    if votes is not None:
        groups = [(label, [name(i) for i in getattr(votes, attr)]) for attr, label in VOTE_GROUPS]
        counts = {label.lower(): len(names) for label, names in groups}
        groups = [(label, names) for label, names in groups if names]
    elif motion.unanimous and meeting.attendance and meeting.attendance.present:
        counts = {"for": len(meeting.attendance.present), "against": 0, "abstained": 0, "recused": 0}
    result = motion.result or ("carried" if motion.unanimous else "")
    outcome = _outcome(motion, result, counts if votes is not None else None)
    return MotionView(number=number, text=redact(motion.text), item=motion.item, urgent=bool(motion.urgent),
                      moved_by=name(motion.moved_by) if motion.moved_by else "",
                      seconded_by=name(motion.seconded_by) if motion.seconded_by else "",
                      result=result, outcome=outcome, groups=groups, unanimous=bool(motion.unanimous), counts=counts)


def _outcome(motion, result: str, counts: dict[str, int] | None) -> str:
    said = vocabulary_word(result) if result else ""
    if motion.unanimous:
        return "Carried unanimously."
    if counts is not None:
        parts = [f"{counts['for']} for", f"{counts['against']} against"]
        if counts["abstained"]:
            parts.append(f"{counts['abstained']} abstained")
        if counts["recused"]:
            parts.append(f"{counts['recused']} recused")
        return f"{said or 'Vote'}, {', '.join(parts)}."
    if result in ("carried", "failed"):
        return f"{said} on a voice vote."
    if result:
        return f"{said}."
    return "No vote is recorded."


def _role_words(member, day) -> str:
    """", Chair" for the officer roles the member held on `day` (the meeting's date)."""
    roles = [vocabulary_word(r) for r in member.roles_on(day)] if member else []
    return f", {words(roles)}" if roles else ""


def minutes_view(council, meeting) -> dict:
    """The finished minutes of `meeting` as plain data (text, lists, dicts): see the module doc."""
    redact = Redactor(council)
    labels = member_labels(council, meeting)
    name = lambda member_id: labels.get(member_id) or council.name_of(member_id)  # noqa: E731

    def with_role(member_id: str) -> str:
        member = council.member(member_id)
        label = name(member_id)
        return label + (_role_words(member, meeting.date) if member and member.may_be_named_publicly else "")

    called = ""
    if meeting.called_to_order:
        by = meeting.called_to_order.by
        called = (f"The meeting was called to order at {clock(meeting.called_to_order.time)}"
                  + (f" by {with_role(by)}" if by else "") + ".")
    attendance = meeting.attendance
    present = [with_role(i) for i in attendance.present] if attendance else []
    absent = [name(i) for i in attendance.absent] if attendance else []
    excused = [name(i) for i in attendance.excused] if attendance else []
    guests = [redact(g.name + (f" ({g.affiliation})" if g.affiliation else "")) for g in attendance.named_guests] \
        if attendance else []
    public_count = attendance.guests if attendance and isinstance(attendance.guests, int) else 0
    active = council.active_members(meeting.date)
    quorum = ""
    if meeting.quorum == "present":
        quorum = "A quorum was present."
    elif meeting.quorum == "not-confirmed":
        quorum = "A quorum was not confirmed."
    elif attendance and attendance.present and active:
        count = len({m.id for m in active} & set(attendance.present))
        majority = len(active) // 2 + 1
        quorum = (f"{count} of {len(active)} members were present, a quorum." if count >= majority else
                  f"{count} of {len(active)} members were present, fewer than a quorum ({majority}).")
    interpreter = ""
    if meeting.interpreter is True:
        interpreter = "An interpreter was provided."
    elif isinstance(meeting.interpreter, str):
        interpreter = f"Interpretation was provided: {redact(meeting.interpreter)}."

    motions = [motion_view(council, meeting, n, m, labels, redact) for n, m in enumerate(meeting.motions, 1)]
    items = []
    for number, item in enumerate(meeting.agenda, 1):
        presenters = [name(p) if council.member(p) else redact(p) for p in item.presenting]
        items.append({
            "number": number, "title": redact(item.title), "presenters": words(presenters),
            "notes": redact(item.notes or ""),
            "motions": [m.as_dict() for m in motions if m.item == number],
        })
    other = [m.as_dict() for m in motions if m.item is None or not 1 <= m.item <= len(meeting.agenda)]
    elections = []
    for election in meeting.officer_elections:
        line = f"{name(election.member)} was elected {vocabulary_word(election.role)}"
        elections.append(line + (f" (motion {election.motion})." if election.motion else "."))
    actions = [{"task": redact(a.task),
                "owner": (name(a.owner) if council.member(a.owner) else redact(a.owner)) if a.owner else "",
                "due": _short_date(a.due) if a.due else "",
                "done": ("Done" if a.done is True else f"Done {_short_date(a.done)}") if a.done else ""}
               for a in meeting.action_items]
    adjourned = f"The meeting was adjourned at {clock(meeting.adjourned)}." if meeting.adjourned else ""
    record = meeting.minutes
    approval, corrections = "", ""
    if record and record.approved:
        at = next((m for m in council.meetings if m.id == record.approved_at), None) if record.approved_at else None
        if at is not None:
            approval = f"These minutes were approved by the council at its meeting of {month_day_year(at.date)}"
            approving = next((n for n, m in enumerate(at.motions, 1) if _approves(m, meeting)), None)
            approval += f" (motion {approving})" if approving else ""
        else:
            approval = f"These minutes were approved by the council on {month_day_year(record.approved)}"
        if record.corrections:
            corrections = redact(record.corrections)
            approval += ", with these corrections:"
        else:
            approval += "."
    secretary = next((m for m in active if "secretary" in m.roles_on(meeting.date)), None)
    return {
        "recorded": is_recorded(meeting),
        "draft": not (record and record.approved),
        "called_to_order": called,
        "quorum": quorum,
        "interpreter": interpreter,
        "present": present, "absent": absent, "excused": excused,
        "guests": guests, "public_count": public_count,
        "items": items,
        "other_motions": other,
        "motions": [m.as_dict() for m in motions],
        "elections": elections,
        "actions": actions,
        "adjourned": adjourned,
        "approval": approval,
        "corrections": corrections,
        "summary": redact(record.summary or "") if record else "",
        "recorded_on": long_date(record.recorded) if record and record.recorded else "",
        "secretary": name(secretary.id) if secretary else "",
    }


def _short_date(day) -> str:
    """"Mar 16, 2026": short enough for a table column."""
    return f"{MONTHS[day.month - 1][:3]} {day.day}, {day.year}"


def _approves(motion, meeting) -> bool:
    """A motion at a later meeting that approves `meeting`'s minutes (it names their date)."""
    text = motion.text.lower()
    return "minutes" in text and (meeting.date.isoformat() in text or month_day_year(meeting.date).lower() in text)
