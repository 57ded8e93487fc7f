"""A meeting's paperwork: agenda, minutes shell and sign-in sheet.

`meeting_documents(council, meeting)` is what `cec meeting new` and `cec meeting docs` call; it
returns {relative path: .docx bytes} and writes nothing.
"""

from __future__ import annotations

import datetime as dt

from cecli.documents import base
from cecli.documents.context import base_context, time_span
from cecli.documents.templating import Rendering
from cecli.privacy import presenter_label, public_label
from cecli.textfmt import clock, long_date, vocabulary_word

KIND_NAMES = {
    "regular": "Regular meeting",
    "special": "Special meeting",
    "information-session": "Information session",
    "election": "Election",
}

PUBLIC_SIGN_IN_ROWS = 18
BLANK_MOTION_ROWS = 3
BLANK_ACTION_ROWS = 3


def meeting_folder(meeting) -> str:
    return f"documents/meetings/{meeting.id}"


def meeting_documents(council, meeting) -> dict[str, bytes]:
    """The agenda, minutes shell and sign-in sheet of `meeting`, keyed by path in the council folder."""
    folder = meeting_folder(meeting)
    return {
        f"{folder}/agenda.docx": posted(council, agenda(council, meeting)),
        f"{folder}/minutes.docx": posted(council, minutes(council, meeting)),
        f"{folder}/sign-in.docx": sign_in(council, meeting),
    }


def posted(council, data: bytes) -> bytes:
    """A document meant to be posted (the agenda, the minutes) with every private value withheld
    (cecli.privacy.Redactor, over all of its text)."""
    from cecli.privacy import Redactor

    return base.redact_docx(data, Redactor(council))


# --- shared pieces ----------------------------------------------------------------------------

def meeting_fields(council, meeting) -> dict:
    place = meeting.location or (council.info.meeting_place if council.info else None) or "To be announced"
    return {
        "id": meeting.id,
        "title": meeting.display_title,
        "kind": KIND_NAMES.get(meeting.kind, vocabulary_word(meeting.kind)),
        "status": meeting.status or "scheduled",
        "date": long_date(meeting.date),
        "iso_date": meeting.date.isoformat(),
        "time": time_span(meeting.start, meeting.end),
        "start": clock(meeting.start),
        "end": clock(meeting.end),
        "place": place,
        "virtual_link": meeting.virtual_link or "",
        "agenda": [
            {"number": index, "title": item.title, "minutes": item.minutes or "",
             "presenter": ", ".join(presenter_label(council, p) for p in item.presenting), "kind": vocabulary_word(item.kind)}
            for index, item in enumerate(meeting.agenda, start=1)
        ],
    }


def next_meeting(council, meeting):
    later = sorted(
        (m for m in council.meetings
         if m is not meeting and m.status != "cancelled" and m.starts_at() > meeting.starts_at()),
        key=lambda m: (m.starts_at(), m.id),
    )
    return later[0] if later else None


def meeting_context(council, meeting, title: str) -> dict:
    context = base_context(council, title, meeting.date)
    context["meeting"] = meeting_fields(council, meeting)
    following = next_meeting(council, meeting)
    context["next_meeting"] = meeting_fields(council, following) if following else ""
    return context


def member_label(member, day: dt.date) -> str:
    """The member's category and the officer roles held on `day` (the meeting's date)."""
    parts = [vocabulary_word(member.category)]
    parts.extend(vocabulary_word(role) for role in member.roles_on(day))
    return ", ".join(p for p in parts if p)


def _title(meeting, what: str) -> str:
    return f"{what}: {meeting.display_title}, {meeting.date.isoformat()}"


# --- agenda -----------------------------------------------------------------------------------

def agenda(council, meeting) -> bytes:
    rendering = Rendering(council.root, "agenda.docx")
    context = meeting_context(council, meeting, "Agenda")
    piece = rendering.subdoc()
    rows = []
    at = dt.datetime.combine(meeting.date, meeting.start) if meeting.start else None
    for index, item in enumerate(meeting.agenda, start=1):
        when = clock(at.time()) if at else ""
        length = f"{item.minutes} min" if item.minutes else ""
        rows.append([str(index), item.title, " · ".join(p for p in (when, length) if p),
                     ", ".join(presenter_label(council, p) for p in item.presenting)])
        if at is not None and item.minutes:
            at += dt.timedelta(minutes=item.minutes)
        elif at is not None:
            at = None  # without an allotment the following start times are unknown
    wanted = council.profile.documents if council.profile else {}
    if wanted.get("public_comment_item") and not any(i.kind == "public-comment" for i in meeting.agenda):
        # the profile's law asks every agenda for public comment (California's Greene Act): always print it
        rows.append([str(len(rows) + 1), wanted["public_comment_item"], clock(at.time()) if at else "", ""])
    if not rows:
        rows.append(["", "Items to be announced", "", ""])
    base.add_table(piece, ["#", "Item", "Time", "Presenter"], rows, widths=[0.4, 3.4, 1.7, 1.5])
    context["agenda_table"] = piece
    if wanted.get("agenda_posting_line"):
        posted = meeting.notice_posted
        when = (f"{long_date(posted.date())} at {clock(posted.time())}" if isinstance(posted, dt.datetime)
                else long_date(posted) if posted else "")
        line = f" This notice and agenda were posted at the school on {when}." if when else ""
        context["council"]["open_meeting_statement"] += line
    return rendering.render(context, meeting.date, _title(meeting, "Agenda"))


# --- minutes shell ----------------------------------------------------------------------------

def minutes(council, meeting) -> bytes:
    """Finished minutes once the meeting is recorded (cecli.minutes), else the shell to fill in by hand."""
    from cecli.minutes import member_labels, minutes_view

    rendering = Rendering(council.root, "minutes.docx")
    context = meeting_context(council, meeting, "Minutes")
    members = council.active_members(meeting.date)
    labels = member_labels(council, meeting)
    record = minutes_view(council, meeting)
    for motion in [*record["other_motions"], *(m for item in record["items"] for m in item["motions"])]:
        motion["vote_table"] = _vote_table(rendering, motion)
    context["record"] = record
    context["attendance_table"] = _attendance_table(rendering, members, meeting, labels)
    context["motions_table"] = _motions_grid(rendering, members, meeting, labels)
    context["actions_table"] = _actions_table(rendering, record)
    recorded = meeting.minutes.recorded if meeting.minutes else None
    context["minutes"] = {
        "recorded": long_date(recorded) if recorded else "____________________",
        "secretary": record["secretary"] or "______________________________",
    }
    return rendering.render(context, meeting.date, _title(meeting, "Minutes"))


def _vote_table(rendering, motion: dict):
    """The vote on one motion by name: For (n) | names, Against (n) | names, ..."""
    piece = rendering.subdoc()
    rows = [[f"{group['label']} ({group['count']})", ", ".join(group["names"])] for group in motion["groups"]]
    base.add_table(piece, ["Vote", "Members"], rows, widths=[1.3, 5.7], font_size=10)
    return piece


def _attendance_table(rendering, members, meeting, labels):
    attendance = meeting.attendance

    def mark(member_id: str, where: str) -> str:
        if attendance is None:
            return base.BOX
        return base.TICKED if member_id in getattr(attendance, where) else base.BOX

    table = rendering.subdoc()
    base.add_table(
        table, ["Member", "Group and role", "Present", "Absent", "Excused"],
        [[labels.get(m.id) or public_label(m), member_label(m, meeting.date), mark(m.id, "present"), mark(m.id, "absent"),
          mark(m.id, "excused")] for m in members] or [["No members on this date", "", "", "", ""]],
        widths=[2.1, 2.2, 0.9, 0.9, 0.9],
    )
    return table


def _motions_grid(rendering, members, meeting, labels):
    """The shell's motions: a table to write each motion in, then one row per member (by full name)
    with a column per motion to mark the vote."""
    piece = rendering.subdoc()
    count = len(meeting.motions) + BLANK_MOTION_ROWS
    rows = []
    for number in range(1, count + 1):
        motion = meeting.motions[number - 1] if number <= len(meeting.motions) else None
        rows.append([str(number), motion.text if motion else "",
                     " / ".join(labels.get(x) or x for x in (motion.moved_by, motion.seconded_by) if x)
                     if motion else "", (motion.result or "") if motion else ""])
    base.add_table(piece, ["#", "Motion", "Moved / seconded", "Result"], rows, widths=[0.3, 4.2, 1.6, 0.9],
                   min_height=0.45)
    piece.add_paragraph()
    grid = [[labels.get(m.id) or public_label(m)] + [_vote_mark(meeting, n, m.id) for n in range(1, count + 1)]
            for m in members] or [["No members on this date"] + [""] * count]
    share = 4.6 / count
    base.add_table(piece, ["Member"] + [f"Motion {n}" for n in range(1, count + 1)], grid,
                   widths=[2.4] + [share] * count, font_size=9, min_height=0.3)
    return piece


def _vote_mark(meeting, number: int, member_id: str) -> str:
    if number > len(meeting.motions):
        return ""
    votes = meeting.motions[number - 1].votes
    if votes is None:
        return ""
    return ("Y" if member_id in votes.for_ else "N" if member_id in votes.against
            else "A" if member_id in votes.abstain else "R" if member_id in votes.recused else "")


def _actions_table(rendering, record: dict):
    actions = rendering.subdoc()
    rows = [[item["task"], item["owner"], item["due"], item["done"] or base.BOX] for item in record["actions"]]
    if not record["recorded"] or not rows:
        rows.extend(["", "", "", base.BOX] for _ in range(BLANK_ACTION_ROWS if not record["recorded"] else 0))
    if not rows:
        rows = [["No action items were recorded.", "", "", ""]]
    base.add_table(actions, ["Task", "Owner", "Due", "Done"], rows, widths=[3.1, 1.7, 1.1, 1.1], min_height=0.3)
    return actions


# --- sign-in sheet ----------------------------------------------------------------------------

def sign_in(council, meeting) -> bytes:
    """The sign-in sheet. An information session's is for the people who come to hear about serving:
    blank rows with a column for an email or phone, so the council can send them the form."""
    context = meeting_context(council, meeting, "Sign-in sheet")
    members = [] if meeting.kind == "information-session" else council.active_members(meeting.date)
    return sign_in_sheet(council, context, members, meeting.kind == "information-session", meeting.date,
                         _title(meeting, "Sign-in sheet"))


def sign_in_sheet(council, context: dict, members, session: bool, day, title: str) -> bytes:
    from docx.shared import Inches

    term = council.profile.council_term if council.profile else "council"
    rendering = Rendering(council.root, "sign-in.docx")
    piece = rendering.subdoc()
    if session:
        context["sign_in"] = {"intro": (
            f"Welcome. Please sign in. If you would like to serve on the {term} or hear more about it, leave "
            "an email address or a phone number and tick the box: we will send you the interest and "
            "nomination form. Signing in is voluntary and is not required to attend.")}
        rows = [["", "", base.BOX] for _ in range(PUBLIC_SIGN_IN_ROWS + 4)]
        table = base.add_table(piece, ["Name", "Email or phone", "Send me the form"], rows, widths=[2.5, 3.1, 1.4],
                               caption="Sign-in: name, email or phone, and whether to send the interest form")
        for row in table.rows[1:]:
            row.height = Inches(0.38)
    else:
        context["sign_in"] = {"intro": (
            (f"Members of the {term}: sign beside your name. " if members else "")
            + "Members of the public are welcome to sign in below; signing in is voluntary and is not "
            "required to attend.")}
        rows = [[public_label(m), member_label(m, day), ""] for m in members]
        rows.append(["Members of the public", "", ""])
        rows.extend(["", "", ""] for _ in range(PUBLIC_SIGN_IN_ROWS))
        table = base.add_table(piece, ["Name", "Representing", "Signature"], rows, widths=[2.6, 2.0, 2.4],
                               caption="Sign-in: members by name, then members of the public")
        for row in table.rows[1:]:
            row.height = Inches(0.38)
        divider = table.rows[len(members) + 1]
        merged = divider.cells[0].merge(divider.cells[2])
        merged.paragraphs[0].runs[0].bold = True
        for extra in merged.paragraphs[1:]:
            extra._p.getparent().remove(extra._p)
    context["sign_in_table"] = piece
    return rendering.render(context, day, title)
