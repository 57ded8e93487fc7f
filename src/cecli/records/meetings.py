"""Meetings: schedule one, record who came and what was decided, list them (corrections: meeting_edits.py).

Each function that changes records checks its input against the council, edits meetings/<id>.yaml
round-trip (the user's comments and key order stay) and makes one commit through `cecli.store`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from cecli.errors import InvalidInput
from cecli.records import _checks as check
from cecli.records._checks import Written, list_words

# The fields of a meeting file in the order docs/format.md gives them: new keys are put in their place.
ORDER = ("title", "kind", "status", "cancel_reason", "date", "start", "end", "location", "virtual_link",
         "open_to_public", "notice_posted", "agenda_sent", "agenda", "called_to_order", "adjourned", "quorum",
         "interpreter", "attendance", "minutes", "motions", "officer_elections", "action_items", "evidence")
MINUTES_ORDER = ("recorded", "sent", "approved", "approved_at", "corrections", "summary")
KINDS = ("regular", "special", "information-session", "election")
RESULTS = ("carried", "failed", "tabled", "withdrawn")

# Agenda items that come back every meeting; found by kind or by title.
_RECURRING_KINDS = {"welcome", "public-comment"}
_RECURRING_TITLE = re.compile(
    r"welcome|call to order|roll call|approv\w* (of )?(the )?(previous )?minutes|minutes of|"
    r"public comment|next meeting|announcements|adjourn", re.IGNORECASE)

STARTER_AGENDA = (
    {"title": "Welcome and call to order", "minutes": 5, "kind": "welcome"},
    {"title": "Approval of the minutes of the previous meeting", "minutes": 5, "kind": "action"},
    {"title": "Public comment", "minutes": 10, "kind": "public-comment"},
    {"title": "Adjournment", "minutes": 2, "kind": "other"},
)


def _rel(meeting_id: str) -> str:
    return f"meetings/{meeting_id}.yaml"


def _change(root: Path, message: str, author: str | None):
    from cecli.store import change

    return change(root, message, author=author)


# --- cec meeting new -----------------------------------------------------------------------------

@dataclasses.dataclass
class NewMeeting:
    date: str | None
    kind: str = "regular"
    title: str | None = None
    start: str | None = None
    end: str | None = None
    location: str | None = None
    virtual_link: str | None = None
    suffix: str | None = None
    pdf: bool | None = None  # also write tagged PDFs (None: only where a PDF is already there)


def new_meeting(root: Path, plan: NewMeeting, author: str | None = None) -> Written:
    """Create meetings/<date>.yaml from the council's defaults and the previous meeting, with its documents."""
    if not plan.date:
        raise InvalidInput("The meeting's date is missing.", "Give it with --date, such as --date 2026-12-08 or --date \"Dec 8 2026\". Nothing was written.")
    day = check.day(plan.date, "--date")
    if plan.kind not in KINDS:
        raise InvalidInput(f"--kind `{plan.kind}` is not a kind of meeting.",
                           f"{check.did_you_mean(plan.kind, KINDS) or 'Use one of: ' + ', '.join(KINDS) + '.'} "
                           "Nothing was written.")
    start, end = check.clock(plan.start, "--start"), check.clock(plan.end, "--end")
    meeting_id = day.isoformat() + (f"-{check.slug(plan.suffix, '--suffix')}" if plan.suffix else "")
    what = {"regular": "meeting", "special": "special meeting", "information-session": "information session",
            "election": "election meeting"}[plan.kind]
    with _change(root, f"Add {what} of {meeting_id}.", author) as tx:
        council = tx.council
        rel = _rel(meeting_id)
        if (Path(root) / rel).exists():
            hint = ("Give the second meeting of the day its own name with --suffix, such as --suffix special."
                    if not plan.suffix else "Choose another --suffix.")
            raise InvalidInput(f"There is already a meeting on {day.isoformat()} ({rel}).", f"{hint} Nothing was written.")
        data = _fill(council, day, plan, start, end)
        check.in_order(_as_time(data.get("start")), _as_time(data.get("end")))
        doc = tx.edit(rel, default={})
        doc.update(data)
        meeting = _as_model(council, meeting_id, doc)
        documents = _write_documents(tx, council, meeting, plan.pdf)
    warnings = _date_warnings(day)
    said = f"Wrote {rel}"
    said += " and its agenda, minutes shell and sign-in sheet." if documents else "."
    return Written([rel, *documents], f"Add {what} of {meeting_id}.", said + " " + _next_step(council, meeting),
                   warnings, problems=tx.problems)


def _date_warnings(day: dt.date, today: dt.date | None = None) -> list[str]:
    """A new meeting in the past or on a weekend is allowed (records are caught up late) but said."""
    today = today or dt.date.today()
    warnings = []
    if day < today:
        warnings.append(f"{day.isoformat()} is in the past (today is {today.isoformat()}). "
                        "If that is a typing mistake, move it: `cec meeting move ID --to DATE`.")
    if day.weekday() >= 5:
        weekday = ("Saturday", "Sunday")[day.weekday() - 5]
        warnings.append(f"{day.isoformat()} is a {weekday}. Check the date if the council meets on school days.")
    return warnings


def _fill(council, day: dt.date, plan: NewMeeting, start, end) -> dict:
    previous = _previous(council, day)
    defaults = council.info.meeting_defaults if council.info else None

    def pick(given, name):
        if given is not None:
            return given
        if previous is not None and getattr(previous, name) is not None:
            return getattr(previous, name)
        if defaults is not None and getattr(defaults, name) is not None:
            return getattr(defaults, name)
        return None

    data: dict = {}
    if plan.title:
        data["title"] = plan.title
    data["kind"] = plan.kind
    data["status"] = "scheduled"
    data["date"] = day
    for name, given in (("start", start), ("end", end)):
        value = pick(given, name)
        if value is not None:
            data[name] = check.hhmm(value)
    location = pick(plan.location, "location") or (council.info.meeting_place if council.info else None)
    if location:
        data["location"] = location
    link = pick(plan.virtual_link, "virtual_link")
    if link:
        data["virtual_link"] = link
    data["open_to_public"] = True
    data["agenda"] = _agenda(previous, defaults)
    return data


def _previous(council, day: dt.date):
    """The latest meeting before `day` that was not cancelled (or, failing that, any before it)."""
    before = [m for m in council.meetings if m.date < day]
    held = [m for m in before if m.status != "cancelled"]
    pool = held or before
    return pool[-1] if pool else None


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")


def _agenda(previous, defaults) -> list[dict]:
    if previous is not None:
        items = [item for item in previous.agenda
                 if (item.kind in _RECURRING_KINDS) or _RECURRING_TITLE.search(item.title)]
        if items:
            return [_carried(item.model_dump(exclude_none=True), previous.date) for item in items]
    if defaults is not None and defaults.agenda:
        return [item.model_dump(exclude_none=True) for item in defaults.agenda]
    return [dict(item) for item in STARTER_AGENDA]


def _carried(item: dict, previous: dt.date) -> dict:
    """A recurring item copied from the previous meeting: a month in its title ("approval of the
    February minutes") becomes the previous meeting's month, whose minutes are the ones to approve."""
    item["title"] = _MONTH.sub(MONTHS[previous.month - 1], item["title"])
    return item


def _as_time(value) -> dt.time | None:
    """A time already in the records (from a flag, the previous meeting or meeting_defaults); the
    files' own `H:MM` is a 24-hour time, not the ambiguous typed `6:30` that cecli.when refuses."""
    if value is None or isinstance(value, dt.time):
        return value
    hour, _, minute = str(value).partition(":")
    if hour.isdigit() and minute.isdigit() and len(minute) == 2 and int(hour) < 24 and int(minute) < 60:
        return dt.time(int(hour), int(minute))
    return check.clock(str(value), "the meeting's time")


def _plain(node):
    """ruamel's round-trip containers as plain dicts, lists and strings (for validating a model)."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, dt.date) and not isinstance(node, dt.datetime):
        return node.isoformat()
    if isinstance(node, str):
        return str(node)
    return node


def _as_model(council, meeting_id: str, doc):
    from pydantic import ValidationError

    from cecli.model import Meeting

    try:
        meeting = Meeting.model_validate(_plain(doc))
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InvalidInput(f"The meeting would not be valid: {where}: {first['msg']}.", "Nothing was written.") from None
    meeting._id = meeting_id
    return meeting


def _write_documents(tx, council, meeting, pdf: bool | None = None) -> list[str]:
    """Write the meeting's agenda, minutes shell and sign-in sheet (cecli.documents) into this change,
    with their tagged PDFs when `pdf` is true or a PDF is already there (cecli.documents.output.with_pdfs).

    Returns the paths given to the change. When cecli.documents is not
    installed yet, writes nothing and returns [].
    """
    try:
        from cecli.documents import meeting_documents
    except ImportError:
        return []
    others = [m for m in council.meetings if m.id != meeting.id]
    with_this = dataclasses.replace(council, meetings=sorted(
        [*others, meeting], key=lambda m: (m.date, m.start or dt.time(0), m.id)))
    from cecli.documents.output import with_pdfs

    files = meeting_documents(with_this, meeting)
    files.update(with_pdfs(tx.root, files, meeting.date, pdf))
    written = []
    for name, data in sorted(files.items()):
        rel = name if name.startswith("documents/") else f"documents/meetings/{meeting.id}/{name}"
        tx.write_bytes(rel, data)  # the store leaves out files whose bytes are unchanged
        written.append(rel)
    return written


def _next_step(council, meeting) -> str:
    lead = council.param("agenda_lead_days")
    if isinstance(lead, int):
        due = meeting.date - dt.timedelta(days=lead)
        return f"Send the agenda by {due.isoformat()}."
    hours = council.param("notice_hours")
    if isinstance(hours, int):
        due = meeting.starts_at() - dt.timedelta(hours=hours)
        return f"Post the public notice by {due:%Y-%m-%d %H:%M} ({hours} hours before)."
    return "Send the agenda to members and post the public notice."


# --- cec meeting docs ----------------------------------------------------------------------------

def regenerate_documents(root: Path, meeting_id: str, author: str | None = None, pdf: bool | None = None) -> Written:
    """Write the meeting's documents again from its record; no commit when the bytes are unchanged."""
    message = f"Regenerate the documents of the meeting of {meeting_id}."
    with _change(root, message, author) as tx:
        meeting = _meeting(tx, meeting_id)
        paths = _write_documents(tx, tx.council, meeting, pdf)
    if not paths:
        return Written([], "", "cec cannot write meeting documents yet (cecli.documents is missing); nothing was written.")
    if tx.result is None or tx.result[0] is None:
        return Written([], "", f"The documents of the meeting of {meeting_id} were already up to date; nothing was committed.")
    return Written(list(tx.result[1]), message, f"Rewrote the documents in documents/meetings/{meeting_id}/. "
                   "Print or send them again if they changed after they went out.", problems=tx.problems)


# --- cec meeting list ----------------------------------------------------------------------------

def meeting_rows(root: Path, year: str | None = None) -> list[dict]:
    """One row per meeting: id, date, kind, status, attendance count, agenda sent, minutes."""
    from cecli.loader import load_council

    year = check.school_year(year)
    council, _ = load_council(Path(root))
    meetings = council.meetings_in(year) if year else council.meetings
    rows = []
    for m in meetings:
        minutes = m.minutes
        if minutes and minutes.approved:
            state = f"approved {minutes.approved.isoformat()}"
        elif minutes and minutes.recorded:
            state = f"recorded {minutes.recorded.isoformat()}"
        else:
            state = ""
        rows.append({
            "id": m.id,
            "date": m.date.isoformat(),
            "kind": m.kind,
            "status": m.status or "",
            "present": len(m.attendance.present) if m.attendance else None,
            "agenda_sent": m.agenda_sent.isoformat() if m.agenda_sent else None,
            "minutes": state,
        })
    return rows


# --- cec meeting attendance ----------------------------------------------------------------------

def attendance_choices(root: Path, meeting_id: str):
    """(meeting, members active on its date) for the interactive checklist."""
    from cecli.loader import load_council

    council, findings = load_council(Path(root))
    check.meeting_id(council, meeting_id, findings=findings)
    meeting = next(m for m in council.meetings if m.id == meeting_id)
    return meeting, council.active_members(meeting.date)


def record_attendance(root: Path, meeting_id: str, present, absent, excused, guests: int | None = None,
                      author: str | None = None, today: dt.date | None = None) -> Written:
    lists = {"present": check.id_list(present), "absent": check.id_list(absent), "excused": check.id_list(excused)}
    check.count(guests, "--guests")
    if not any(lists.values()) and guests is None:
        raise InvalidInput("Say who came: give --present, --absent or --excused (member ids, comma-separated).",
                           "Nothing was written.")
    _once(lists, "is listed as both", "Put each member in one list. Nothing was written.")
    message = f"Record attendance for the meeting of {meeting_id}."
    from cecli.store import put
    from cecli.store.yamlrt import flow_list, is_flow

    with _change(root, message, author) as tx:
        council = tx.council
        day = _meeting(tx, meeting_id).date
        if day > (today or dt.date.today()) and (lists["present"] or lists["absent"] or guests is not None):
            # members excused in advance may be recorded ahead; who came or stayed away may not
            raise InvalidInput(f"The meeting of {meeting_id} is on {day.isoformat()}, which has not come yet, so "
                               "nobody can have attended or missed it.",
                               "Record attendance after the meeting (only --excused may be given ahead); if its "
                               "date is wrong, correct it with `cec meeting move`. Nothing was written.")
        for name, ids in lists.items():
            check.members(council, ids, f"--{name}")
            _check_active(council, ids, day, f"--{name}")
        doc = tx.edit(_rel(meeting_id))
        if doc.get("status") == "cancelled":
            raise InvalidInput(f"The meeting of {meeting_id} was cancelled, so it has no attendance.",
                               "Nothing was written.")
        attendance = doc.get("attendance")
        if attendance is None:
            put(doc, "attendance", {}, ORDER)
            attendance = doc["attendance"]
        flow = any(is_flow(attendance.get(name)) for name in lists)
        for name, ids in lists.items():
            if ids:
                attendance[name] = flow_list(ids, flow)
        if guests is not None:
            attendance["guests"] = guests
        held = day <= (today or dt.date.today())
        if held:
            doc["status"] = "held"
    count = len(lists["present"])
    said = f"Wrote the attendance of the meeting of {meeting_id} ({count} present) to {_rel(meeting_id)}."
    said += " Next: record the minutes and motions with `cec meeting record`." if held else ""
    warnings = [] if held else [
        f"The meeting of {meeting_id} is on {day.isoformat()}, which has not come yet, so it stays scheduled. "
        f"If the date is wrong, move it (`cec meeting move {meeting_id} --to DATE`); otherwise record attendance "
        "after the meeting."]
    return Written([_rel(meeting_id)], message, said, warnings, problems=tx.problems)


def _once(lists: dict[str, list[str]], clash: str, hint: str) -> None:
    """Refuse a member id that stands in two of the lists ("`ann-lee` voted both for and against")."""
    seen: dict[str, str] = {}
    for name, ids in lists.items():
        for member_id in ids:
            if member_id in seen:
                raise InvalidInput(f"`{member_id}` {clash} {seen[member_id]} and {name}.", hint)
            seen[member_id] = name


def _check_active(council, ids: list[str], day: dt.date, option: str) -> None:
    for member_id in ids:
        member = council.member(member_id)
        if not member.active_on(day):
            span = (f"joined {member.start_date.isoformat()}" if member.start_date and day < member.start_date
                    else f"left {member.end_date.isoformat()}")
            raise InvalidInput(f"{option}: {member.name} ({member_id}) was not a member on {day.isoformat()} ({span}).",
                               f"Name only members serving that day. If the roster's dates are wrong, correct them first: "
                               f"`cec member update {member_id} --start DATE` (or --end). Nothing was written.")


# --- cec meeting record --------------------------------------------------------------------------

@dataclasses.dataclass
class Record:
    recorded: str | None = None
    sent: str | None = None
    approved: str | None = None
    approved_at: str | None = None
    corrections: str | None = None
    summary: str | None = None
    agenda_sent: str | None = None
    notice_posted: str | None = None
    called_to_order: str | None = None
    called_by: str | None = None
    adjourned: str | None = None
    quorum: str | None = None
    interpreter: str | None = None
    motion: list[str] | str | None = None
    moved_by: str | None = None
    seconded_by: str | None = None
    votes_for: list[str] | None = None
    against: list[str] | None = None
    abstain: list[str] | None = None
    result: str | None = None
    action: list[str] | str | None = None
    owner: str | None = None
    due: str | None = None
    again: bool = False  # record a motion or action item even when the same one is already recorded


def record(root: Path, meeting_id: str, given: Record, author: str | None = None) -> Written:
    """Minutes dates, approval and summary, notice and agenda dates, what happened (call to order,
    adjournment, quorum, interpreter), motions and action items.

    A repeated --motion or --action keeps every one given (in order); the details of a motion
    (--moved-by, --for, ...) or of an action (--owner, --due) can only go with a single one, since
    cec could not tell which they belong to, and are refused with more than one."""
    minutes, notice = _minutes(given), _notice(given)
    happened = _happened(given)
    motions, actions = _motions(given), _actions(given)
    parts = [what for what, given_part in (("minutes", minutes), ("notice and agenda dates", notice),
                                           ("what happened", happened),
                                           (_count(len(motions), "a motion", "motions"), motions),
                                           (_count(len(actions), "an action item", "action items"), actions))
             if given_part]
    message = f"Record {list_words(parts) or 'nothing'} for the meeting of {meeting_id}."
    from cecli.store import put

    with _change(root, message, author) as tx:
        meeting = _meeting(tx, meeting_id)
        if not parts:
            raise InvalidInput("There is nothing to record.",
                               "Give at least one of --recorded, --sent, --approved, --summary, --agenda-sent, "
                               "--notice-posted, --called-to-order, --adjourned, --quorum, --interpreter, --motion "
                               "or --action. Nothing was written.")
        _check_minutes(minutes, meeting, tx.council)
        _check_happened(happened, meeting, tx.council)
        for motion in motions:
            _check_motion_members(tx.council, motion, meeting)
        for action in actions:
            if action.get("owner"):
                check.members(tx.council, [action["owner"]], "--owner")
        doc = tx.edit(_rel(meeting_id))
        if doc.get("status") == "cancelled" and (happened or motions or actions):
            raise InvalidInput(f"The meeting of {meeting_id} was cancelled, so nothing happened at it to record.",
                               "Nothing was written.")
        for motion in motions:
            check.already(doc.get("motions"), motion, ("text",), given.again,
                          f"The motion “{motion['text']}” of the meeting of {meeting_id}")
        for action in actions:
            check.already(doc.get("action_items"), action, ("task",), given.again,
                          f"The action item “{action['task']}” of the meeting of {meeting_id}")
        _write_minutes(doc, minutes)
        for key, value in {**notice, **happened}.items():
            put(doc, key, value, ORDER)
        for motion in motions:
            _append(doc, "motions", _votes_like(doc, motion))
        for action in actions:
            _append(doc, "action_items", action)
    said = f"Wrote {list_words(parts)} to {_rel(meeting_id)}."
    if minutes and "approved" not in minutes:
        said += " Next: approve the minutes at the next meeting (`cec meeting record ID --approved-at MEETING`)."
    return Written([_rel(meeting_id)], message, said, problems=tx.problems)


def _count(number: int, one: str, many: str) -> str:
    return one if number == 1 else f"{number} {many}"


def _happened(given: Record) -> dict:
    """Call to order, adjournment, quorum and interpreter, as the meeting file holds them."""
    from cecli.records.minutes import QUORUM, time_of_day

    out: dict = {}
    called = time_of_day(given.called_to_order, "--called-to-order")
    if given.called_by and called is None:
        raise InvalidInput("--by says who called the meeting to order.",
                           "Give the time too, with --called-to-order, such as --called-to-order 6:02pm. "
                           "Nothing was written.")
    if called is not None:
        out["called_to_order"] = {"time": check.hhmm(called)}
        if given.called_by:
            out["called_to_order"]["by"] = given.called_by
    adjourned = time_of_day(given.adjourned, "--adjourned")
    if adjourned is not None:
        out["adjourned"] = check.hhmm(adjourned)
    if called is not None and adjourned is not None:
        check.in_order(called, adjourned, "--called-to-order", "--adjourned")
    if given.quorum is not None:
        if given.quorum not in QUORUM:
            raise InvalidInput(f"--quorum `{given.quorum}` is not a way to record a quorum.",
                               "Use --quorum present, or --quorum not-confirmed. Nothing was written.")
        out["quorum"] = given.quorum
    if given.interpreter is not None and given.interpreter.strip():
        out["interpreter"] = given.interpreter.strip()
    return out


def _check_happened(happened: dict, meeting, council) -> None:
    by = (happened.get("called_to_order") or {}).get("by")
    if by:
        check.members(council, [by], "--by")
        _check_active(council, [by], meeting.date, "--by")
    if "adjourned" in happened and "called_to_order" not in happened and meeting.called_to_order:
        adjourned = _as_time(happened["adjourned"])
        check.in_order(meeting.called_to_order.time, adjourned, "--called-to-order", "--adjourned")


def _meeting(tx, meeting_id: str):
    """The meeting this change is about (refused, with a suggestion, when there is none)."""
    check.meeting_id(tx.council, meeting_id, findings=tx.findings)
    return next(m for m in tx.council.meetings if m.id == meeting_id)


def _append(doc, key: str, item: dict | None) -> None:
    from cecli.store import put
    from cecli.store.yamlrt import append

    if item:
        if doc.get(key) is None:
            put(doc, key, [], ORDER)
        append(doc[key], item)


def _minutes(given: Record) -> dict:
    """The minutes' dates, approval and summary that were given."""
    minutes = {k: check.day(getattr(given, k), f"--{k.replace('_', '-')}") for k in ("recorded", "sent", "approved")}
    minutes = {k: v for k, v in minutes.items() if v is not None}
    for key, value in minutes.items():
        check.not_future(value, f"--{key}", f"minutes {key}")
    if given.approved_at:
        minutes["approved_at"] = given.approved_at.strip()
    if given.corrections and given.corrections.strip():
        if not (given.approved or given.approved_at):
            raise InvalidInput("--corrections says what was changed when the minutes were approved.",
                               "Give it with --approved-at MEETING (or --approved DATE). Nothing was written.")
        minutes["corrections"] = given.corrections.strip()
    if given.summary:
        minutes["summary"] = given.summary
    if "recorded" in minutes and "approved" in minutes and minutes["approved"] < minutes["recorded"]:
        raise InvalidInput("--approved is before --recorded: minutes are approved after they are recorded.",
                           "Nothing was written.")
    return minutes


def _check_minutes(minutes: dict, meeting, council=None) -> None:
    at = minutes.get("approved_at")
    if at is not None:
        check.meeting_id(council, at, option="--approved-at")
        approving = next(m for m in council.meetings if m.id == at)
        if approving.starts_at() <= meeting.starts_at():
            raise InvalidInput(f"--approved-at {at} is not after the meeting of {meeting.id}: minutes are approved at "
                               "a later meeting.", "Nothing was written.")
        if "approved" not in minutes:
            minutes["approved"] = check.not_future(approving.date, "--approved-at", "minutes approved")
        elif minutes["approved"] != approving.date:
            raise InvalidInput(f"--approved {minutes['approved'].isoformat()} is not the date of the meeting {at} "
                               f"({approving.date.isoformat()}) that approved them.",
                               "Give only --approved-at. Nothing was written.")
        order = ("recorded", "sent", "approved", "approved_at", "corrections", "summary")
        minutes_sorted = {k: minutes[k] for k in order if k in minutes}
        minutes.clear()
        minutes.update(minutes_sorted)
    for name in ("recorded", "approved"):
        if name in minutes and minutes[name] < meeting.date:
            raise InvalidInput(f"--{name} {minutes[name].isoformat()} is before the meeting ({meeting.date.isoformat()}).",
                               "Nothing was written.")


def _write_minutes(doc, minutes: dict) -> None:
    from cecli.store import put

    if minutes:
        section = doc.get("minutes")
        if section is None:
            put(doc, "minutes", {}, ORDER)
            section = doc["minutes"]
        for key, value in minutes.items():
            put(section, key, value, MINUTES_ORDER)


def _notice(given: Record) -> dict:
    """When the agenda was sent and the public notice posted, as the meeting file holds them."""
    notice = {"agenda_sent": check.day(given.agenda_sent, "--agenda-sent"),
              "notice_posted": check.moment(given.notice_posted, "--notice-posted")}
    return {k: v for k, v in notice.items() if v is not None}


def _several(values) -> list[str]:
    if values is None:
        return []
    return [values] if isinstance(values, str) else list(values)


def _motions(given: Record) -> list[dict]:
    """The motions given: every repeated --motion is kept; details only go with a single one."""
    texts = _several(given.motion)
    if len(texts) > 1:
        extras = {"--moved-by": given.moved_by, "--seconded-by": given.seconded_by, "--for": given.votes_for,
                  "--against": given.against, "--abstain": given.abstain, "--result": given.result}
        named = [option for option, value in extras.items() if value]
        if named:
            raise InvalidInput(f"{list_words(named)} cannot go with {len(texts)} --motion options: cec cannot tell "
                               "which motion they describe.",
                               "Record each motion on its own with `cec meeting motion ID add TEXT` and its vote with "
                               "`cec meeting vote ID N`, or give one --motion at a time. Nothing was written.")
        return [{"text": text} for text in texts]
    one = _motion(dataclasses.replace(given, motion=texts[0] if texts else None))
    return [one] if one else []


def _actions(given: Record) -> list[dict]:
    """The action items given: every repeated --action is kept; --owner and --due only with one."""
    tasks = _several(given.action)
    if len(tasks) > 1:
        named = [option for option, value in (("--owner", given.owner), ("--due", given.due)) if value]
        if named:
            raise InvalidInput(f"{list_words(named)} cannot go with {len(tasks)} --action options: cec cannot tell "
                               "which action item they describe.",
                               "Add each with `cec meeting action ID add TASK --owner ID --due DATE`, or give one "
                               "--action at a time. Nothing was written.")
        return [{"task": task} for task in tasks]
    one = _action(dataclasses.replace(given, action=tasks[0] if tasks else None))
    return [one] if one else []


def _motion(given: Record) -> dict | None:
    extras = [given.moved_by, given.seconded_by, given.votes_for, given.against, given.abstain, given.result]
    if not _given(given.motion, extras, "--moved-by, --seconded-by, --for, --against, --abstain and --result "
                  "describe a motion.", "Give the motion's text with --motion."):
        return None
    motion: dict = {"text": given.motion}
    if given.moved_by:
        motion["moved_by"] = given.moved_by
    if given.seconded_by:
        motion["seconded_by"] = given.seconded_by
    votes = {"for": check.id_list(given.votes_for), "against": check.id_list(given.against),
             "abstain": check.id_list(given.abstain)}
    _once(votes, "voted both", "Nothing was written.")
    votes = {k: v for k, v in votes.items() if v}
    if votes:
        motion["votes"] = votes
    if given.result:
        if given.result not in RESULTS:
            raise InvalidInput(f"--result `{given.result}` is not a result of a motion.",
                               f"{check.did_you_mean(given.result, RESULTS) or 'Use one of: ' + ', '.join(RESULTS) + '.'} "
                               "Nothing was written.")
        motion["result"] = given.result
    return motion


def _votes_like(doc, motion: dict | None) -> dict | None:
    """A new motion's vote lists written `[a, b]` when the file's other motions write them so."""
    from cecli.store.yamlrt import flow_list, is_flow

    if not motion or not motion.get("votes"):
        return motion
    earlier = [v for m in doc.get("motions") or [] if isinstance(m, dict) and isinstance(m.get("votes"), dict)
               for v in m["votes"].values()]
    if earlier and all(is_flow(v) for v in earlier):
        motion["votes"] = {k: flow_list(v) for k, v in motion["votes"].items()}
    return motion


def _given(main, details: list, described: str, give: str) -> bool:
    """Whether the main option was given; details given without it are refused."""
    if not main and any(details):
        raise InvalidInput(described, f"{give} Nothing was written.")
    return bool(main)


def _check_motion_members(council, motion: dict, meeting=None) -> None:
    """Members named in a motion are on the roster and, where the meeting records who came, were present."""
    from cecli.records.minutes import _require_present

    for key, option in (("moved_by", "--moved-by"), ("seconded_by", "--seconded-by")):
        if motion.get(key):
            check.members(council, [motion[key]], option)
            if meeting is not None:
                _require_present(council, meeting, [motion[key]], option)
    for key, option in (("for", "--for"), ("against", "--against"), ("abstain", "--abstain")):
        ids = motion.get("votes", {}).get(key, [])
        check.members(council, ids, option)
        if meeting is not None:
            _require_present(council, meeting, ids, option)


def _action(given: Record) -> dict | None:
    if not _given(given.action, [given.owner, given.due], "--owner and --due describe an action item.",
                  "Give the task with --action."):
        return None
    action: dict = {"task": given.action}
    if given.owner:
        action["owner"] = given.owner
    if given.due:
        action["due"] = check.day(given.due, "--due")
    return action
