"""What happened at a meeting, entry by entry: motions and their votes, action items, guests, each
agenda item's notes, officers elected.

`cec meeting motion|vote|action|guest|notes|officer` call these. Like every change, each checks its
input against the council (members on the roster, serving on the meeting's date, present for a
vote), edits meetings/<id>.yaml round-trip and makes one commit through `cecli.store`.
Motions, action items and agenda items are numbered from 1 in the order the file lists them, as
the minutes print them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cecli.errors import InvalidInput
from cecli.records import _checks as check
from cecli.records._checks import Written, list_words
from cecli.records.meetings import ORDER, RESULTS, _change, _check_active, _meeting, _once, _rel

MOTION_ORDER = ("text", "item", "moved_by", "seconded_by", "votes", "unanimous", "urgent", "result")
VOTE_ORDER = ("for", "against", "abstain", "recused")
ACTION_ORDER = ("task", "owner", "due", "done")
ITEM_ORDER = ("title", "minutes", "presenter", "presenters", "kind", "data", "notes")
ATTENDANCE_ORDER = ("present", "absent", "excused", "guests")
QUORUM = ("present", "not-confirmed")
NOTHING = "Nothing was written."

def time_of_day(value: str | None, option: str) -> dt.time | None:
    """A time as people type it ("18:02", "6:02pm", "6:02 PM", "6pm"), through the project's one
    reader (cecli.when, by way of the option checks)."""
    return check.clock(value, option)


# --- the meeting being changed -------------------------------------------------------------------

def _doc(tx, meeting_id: str):
    """(the meeting model, its YAML document) for a change; a cancelled meeting records nothing."""
    meeting = _meeting(tx, meeting_id)
    doc = tx.edit(_rel(meeting_id))
    if doc.get("status") == "cancelled":
        raise InvalidInput(f"The meeting of {meeting_id} was cancelled, so nothing happened at it to record.",
                           NOTHING)
    return meeting, doc


def _numbered(doc, key: str, number: int, what: str, meeting_id: str, add_hint: str):
    """The `number`th entry (from 1) of a list in the meeting file, or a refusal that says what there is."""
    items = doc.get(key) or []
    if not isinstance(number, int) or not 1 <= number <= len(items):
        have = (f"The meeting of {meeting_id} has {len(items)} {what}{'' if len(items) == 1 else 's'}"
                + (f", numbered 1 to {len(items)}." if len(items) > 1 else "." if items else " yet."))
        raise InvalidInput(f"There is no {what} {number} at the meeting of {meeting_id}. {have}",
                           f"{add_hint} {NOTHING}")
    return items[number - 1]


def _section(doc, key: str, order: tuple[str, ...] = ORDER, default=None):
    from cecli.store import put

    if doc.get(key) is None:
        put(doc, key, [] if default is None else default, order)
    return doc[key]


def _flow_votes(doc) -> bool:
    """Vote lists are written `[a, b]` when the file writes its other vote or attendance lists so."""
    from cecli.store.yamlrt import is_flow

    lists = [v for m in doc.get("motions") or [] if isinstance(m, dict) and isinstance(m.get("votes"), dict)
             for v in m["votes"].values()]
    attendance = doc.get("attendance")
    if not lists and isinstance(attendance, dict):
        lists = [v for v in attendance.values() if isinstance(v, list)]
    return bool(lists) and all(is_flow(v) for v in lists)


def _present(meeting) -> list[str]:
    return list(meeting.attendance.present) if meeting.attendance else []


def _serving(council, ids: list[str], day: dt.date, option: str) -> None:
    check.members(council, ids, option)
    _check_active(council, ids, day, option)


def _require_present(council, meeting, ids: list[str], option: str) -> None:
    """Votes (and moving or seconding) are only by members present at the meeting."""
    present = _present(meeting)
    if ids and not present:
        raise InvalidInput(f"The meeting of {meeting.id} records no members present, so cec cannot check {option}.",
                           f"Record who came first with `cec meeting attendance {meeting.id} --present IDS`. "
                           f"{NOTHING}")
    away = [i for i in ids if i not in present]
    if away:
        names = list_words([f"{council.name_of(i)} ({i})" for i in away])
        raise InvalidInput(f"{option}: {names} {'was' if len(away) == 1 else 'were'} not present at the meeting of "
                           f"{meeting.id}; only members present can vote, move or second.",
                           f"If the attendance is wrong, correct it with `cec meeting attendance {meeting.id} "
                           f"--present IDS`. {NOTHING}")


def _agenda_item(meeting, item: int | None, option: str = "--item") -> int | None:
    if item is None:
        return None
    if not 1 <= item <= len(meeting.agenda):
        count = len(meeting.agenda)
        raise InvalidInput(f"{option} {item}: the agenda of the meeting of {meeting.id} has "
                           + (f"items 1 to {count}." if count > 1 else f"{count} item." if count else "no items."),
                           f"See them with `cec meeting agenda {meeting.id} list`. {NOTHING}")
    return item


# --- cec meeting motion --------------------------------------------------------------------------

def add_motion(root: Path, meeting_id: str, text: str, item: int | None = None, moved_by: str | None = None,
               seconded_by: str | None = None, urgent: bool = False, author: str | None = None) -> Written:
    """Add a motion at the end of the meeting's motions (they are numbered in meeting order)."""
    text = (text or "").strip()
    if not text:
        raise InvalidInput("The motion's text is empty.", f'Give it in quotes: `cec meeting motion {meeting_id} add '
                           f'"Approve the minutes of ..."`. {NOTHING}')
    with _change(root, f"Add a motion to the meeting of {meeting_id}.", author) as tx:
        meeting, doc = _doc(tx, meeting_id)
        motion: dict = {"text": text}
        if item is not None:
            motion["item"] = _agenda_item(meeting, item)
        for key, value, option in (("moved_by", moved_by, "--moved-by"), ("seconded_by", seconded_by, "--seconded-by")):
            if value:
                _serving(tx.council, [value], meeting.date, option)
                _require_present(tx.council, meeting, [value], option)
                motion[key] = value
        if moved_by and moved_by == seconded_by:
            raise InvalidInput("--moved-by and --seconded-by name the same member.",
                               f"A motion is seconded by another member. {NOTHING}")
        if urgent:
            motion["urgent"] = True
        motions = _section(doc, "motions")
        from cecli.store.yamlrt import append

        append(motions, motion)
        number = len(motions)
        tx.message = f"Add motion {number} to the meeting of {meeting_id}."
    return Written([_rel(meeting_id)], tx.message,
                   f"Added motion {number} to {_rel(meeting_id)}. Next: record its vote with "
                   f"`cec meeting vote {meeting_id} {number} --for IDS` (or --unanimous).", problems=tx.problems)


_UNSET = object()


def edit_motion(root: Path, meeting_id: str, number: int, text: str | None = None, item=_UNSET, moved_by=_UNSET,
                seconded_by=_UNSET, urgent: bool | None = None, author: str | None = None) -> Written:
    """Change a motion's text, agenda item, mover, seconder or urgency (an empty value removes it)."""
    from cecli.store import put

    message = f"Edit motion {number} of the meeting of {meeting_id}."
    with _change(root, message, author) as tx:
        meeting, doc = _doc(tx, meeting_id)
        motion = _numbered(doc, "motions", number, "motion", meeting_id,
                           f"Add one with `cec meeting motion {meeting_id} add TEXT`.")
        changed = []
        if text is not None:
            if not text.strip():
                raise InvalidInput("--text is empty.", f"A motion needs its text. {NOTHING}")
            motion["text"] = text.strip()
            changed.append("text")
        if item is not _UNSET:
            if item is None:
                motion.pop("item", None)
            else:
                put(motion, "item", _agenda_item(meeting, item), MOTION_ORDER)
            changed.append("agenda item")
        for key, value, option in (("moved_by", moved_by, "--moved-by"), ("seconded_by", seconded_by, "--seconded-by")):
            if value is _UNSET:
                continue
            if value:
                _serving(tx.council, [value], meeting.date, option)
                _require_present(tx.council, meeting, [value], option)
                put(motion, key, value, MOTION_ORDER)
            else:
                motion.pop(key, None)
            changed.append(option.lstrip("-").replace("-", " "))
        if motion.get("moved_by") and motion.get("moved_by") == motion.get("seconded_by"):
            raise InvalidInput("The motion would be moved and seconded by the same member.", NOTHING)
        if urgent is not None:
            if urgent:
                put(motion, "urgent", True, MOTION_ORDER)
            else:
                motion.pop("urgent", None)
            changed.append("urgency")
        if not changed:
            raise InvalidInput("There is nothing to change.",
                               f"Give --text, --item, --moved-by, --seconded-by or --urgent/--not-urgent. {NOTHING}")
    return Written([_rel(meeting_id)], message,
                   f"Changed the {list_words(changed)} of motion {number} in {_rel(meeting_id)}.", problems=tx.problems)


def remove_motion(root: Path, meeting_id: str, number: int, author: str | None = None) -> Written:
    """Remove a motion entered by mistake; the motions after it move up one number."""
    message = f"Remove motion {number} from the meeting of {meeting_id}."
    with _change(root, message, author) as tx:
        _meeting_model, doc = _doc(tx, meeting_id)
        _numbered(doc, "motions", number, "motion", meeting_id, "")
        elections = doc.get("officer_elections") or []
        for election in elections:
            if isinstance(election, dict) and election.get("motion") == number:
                raise InvalidInput(f"Motion {number} is the one that elected {election.get('member')} "
                                   f"{election.get('role')}.",
                                   f"Remove that election first with `cec meeting officer {meeting_id} remove "
                                   f"{election.get('role')}`. {NOTHING}")
        text = doc["motions"][number - 1].get("text", "")
        del doc["motions"][number - 1]
        for election in elections:
            if isinstance(election, dict) and isinstance(election.get("motion"), int) and election["motion"] > number:
                election["motion"] -= 1
        if not doc["motions"]:
            del doc["motions"]
    later = " The motions after it moved up one number." if number <= len(doc.get("motions") or []) else ""
    return Written([_rel(meeting_id)], message,
                   f"Removed motion {number} (“{_short(text)}”) from {_rel(meeting_id)}.{later}", problems=tx.problems)


def _short(text: str, most: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


# --- cec meeting vote ----------------------------------------------------------------------------

def record_vote(root: Path, meeting_id: str, number: int, votes_for=None, against=None, abstain=None, recused=None,
                unanimous: bool = False, result: str | None = None, author: str | None = None) -> Written:
    """Record how a motion was decided: each member's vote by name, or `unanimous` (everyone present
    voted for), or only its result (a voice vote whose count nobody took). Replaces an earlier record."""
    from cecli.store import put
    from cecli.store.yamlrt import flow_list

    lists = {"for": check.id_list(votes_for), "against": check.id_list(against),
             "abstain": check.id_list(abstain), "recused": check.id_list(recused)}
    named = any(lists.values())
    if result is not None and result not in RESULTS:
        raise InvalidInput(f"--result `{result}` is not a result of a motion.",
                           f"{check.did_you_mean(result, RESULTS) or 'Use one of: ' + ', '.join(RESULTS) + '.'} "
                           f"{NOTHING}")
    if unanimous and named:
        raise InvalidInput("--unanimous means every member present voted for; it cannot be given with names.",
                           f"Give either --unanimous, or each member's vote with --for, --against, --abstain and "
                           f"--recused. {NOTHING}")
    if unanimous and result not in (None, "carried"):
        raise InvalidInput(f"A unanimous vote for a motion carries it, so --result {result} contradicts --unanimous.",
                           NOTHING)
    if not (named or unanimous or result):
        raise InvalidInput("Say how the motion was decided.",
                           f"Give each member's vote (--for, --against, --abstain, --recused), or --unanimous, or "
                           f"only --result for a voice vote nobody counted. {NOTHING}")
    _once(lists, "is listed as voting both", NOTHING)
    message = f"Record the vote on motion {number} at the meeting of {meeting_id}."
    with _change(root, message, author) as tx:
        meeting, doc = _doc(tx, meeting_id)
        motion = _numbered(doc, "motions", number, "motion", meeting_id,
                           f"Add the motion first with `cec meeting motion {meeting_id} add TEXT`.")
        for name, ids in lists.items():
            _serving(tx.council, ids, meeting.date, f"--{name}")
            _require_present(tx.council, meeting, ids, f"--{name}")
        if unanimous and meeting.attendance is None and meeting.quorum is None:
            raise InvalidInput(f"The meeting of {meeting_id} records neither attendance nor a quorum, so “everyone "
                               "present” names nobody.",
                               f"Record who came with `cec meeting attendance {meeting_id} --present IDS` (or "
                               f"`cec meeting record {meeting_id} --quorum present`) first. {NOTHING}")
        flow = _flow_votes(doc)
        motion.pop("votes", None)
        motion.pop("unanimous", None)
        if named:
            put(motion, "votes", {k: flow_list(v, flow) for k, v in lists.items() if v}, MOTION_ORDER)
        if unanimous:
            put(motion, "unanimous", True, MOTION_ORDER)
            result = result or "carried"
        if result is None and named:
            result = "carried" if len(lists["for"]) > len(lists["against"]) else "failed"
        put(motion, "result", result, MOTION_ORDER)
    if unanimous:
        said = f"Recorded motion {number} carried unanimously"
    elif named:
        counts = "–".join(str(len(lists[k])) for k in ("for", "against", "abstain"))
        said = f"Recorded motion {number} {result} {counts}" + (
            f" ({len(lists['recused'])} recused)" if lists["recused"] else "")
    else:
        said = f"Recorded motion {number} {result} (no count taken)"
    return Written([_rel(meeting_id)], message, f"{said} in {_rel(meeting_id)}.", problems=tx.problems)


# --- cec meeting action --------------------------------------------------------------------------

def add_action(root: Path, meeting_id: str, task: str, owner: str | None = None, due: str | None = None,
               author: str | None = None) -> Written:
    task = (task or "").strip()
    if not task:
        raise InvalidInput("The action item's task is empty.", NOTHING)
    due_day = check.day(due, "--due")
    with _change(root, f"Add an action item to the meeting of {meeting_id}.", author) as tx:
        meeting, doc = _doc(tx, meeting_id)
        item: dict = {"task": task}
        if owner:
            check.members(tx.council, [owner], "--owner")
            item["owner"] = owner
        if due_day is not None:
            if due_day < meeting.date:
                raise InvalidInput(f"--due {due_day.isoformat()} is before the meeting ({meeting.date.isoformat()}).",
                                   NOTHING)
            item["due"] = due_day
        from cecli.store.yamlrt import append

        items = _section(doc, "action_items")
        append(items, item)
        number = len(items)
        tx.message = f"Add action item {number} to the meeting of {meeting_id}."
    return Written([_rel(meeting_id)], tx.message, f"Added action item {number} to {_rel(meeting_id)}.",
                   problems=tx.problems)


def action_done(root: Path, meeting_id: str, number: int, on: str | None = None, author: str | None = None,
                today: dt.date | None = None) -> Written:
    """Mark an action item done (on a date: today unless given)."""
    from cecli.store import put

    today = today or dt.date.today()
    day = check.day(on, "--on") or today
    if day > today:
        raise InvalidInput(f"--on {day.isoformat()} has not come yet (today is {today.isoformat()}).", NOTHING)
    message = f"Mark action item {number} of the meeting of {meeting_id} done."
    with _change(root, message, author) as tx:
        meeting, doc = _doc(tx, meeting_id)
        item = _numbered(doc, "action_items", number, "action item", meeting_id,
                         f"Add one with `cec meeting action {meeting_id} add TASK`.")
        if day < meeting.date:
            raise InvalidInput(f"--on {day.isoformat()} is before the meeting ({meeting.date.isoformat()}).", NOTHING)
        put(item, "done", day, ACTION_ORDER)
    return Written([_rel(meeting_id)], message,
                   f"Marked action item {number} (“{_short(item.get('task', ''))}”) done on {day.isoformat()}.",
                   problems=tx.problems)


def remove_action(root: Path, meeting_id: str, number: int, author: str | None = None) -> Written:
    message = f"Remove action item {number} from the meeting of {meeting_id}."
    with _change(root, message, author) as tx:
        _meeting_model, doc = _doc(tx, meeting_id)
        item = _numbered(doc, "action_items", number, "action item", meeting_id, "")
        task = item.get("task", "")
        del doc["action_items"][number - 1]
        if not doc["action_items"]:
            del doc["action_items"]
    return Written([_rel(meeting_id)], message, f"Removed action item {number} (“{_short(task)}”) from "
                   f"{_rel(meeting_id)}.", problems=tx.problems)


# --- cec meeting guest ---------------------------------------------------------------------------

def add_guest(root: Path, meeting_id: str, name: str, affiliation: str | None = None,
              presents: list[int] | None = None, author: str | None = None) -> Written:
    """Name a guest in the attendance; `presents` makes them a presenter of those agenda items."""
    from cecli.store import put
    from cecli.store.yamlrt import append

    name = (name or "").strip()
    if not name:
        raise InvalidInput("The guest's name is empty.", NOTHING)
    message = f"Add guest {name} to the meeting of {meeting_id}."
    with _change(root, message, author) as tx:
        meeting, doc = _doc(tx, meeting_id)
        for number in presents or []:
            _agenda_item(meeting, number, "--presents")
        attendance = _section(doc, "attendance", ORDER, {})
        guests = attendance.get("guests")
        if isinstance(guests, int) and guests > 0:
            raise InvalidInput(f"The meeting of {meeting_id} records its guests as a number ({guests}), not by name.",
                               f"To name them, set the number to 0 with `cec meeting attendance {meeting_id} --guests 0`,"
                               f" then add each guest by name. {NOTHING}")
        if not isinstance(guests, list):
            put(attendance, "guests", [], ATTENDANCE_ORDER)
            guests = attendance["guests"]
        known = [g.get("name") if isinstance(g, dict) else str(g) for g in guests]
        if name in known:
            raise InvalidInput(f"{name} is already a guest of the meeting of {meeting_id}.", NOTHING)
        append(guests, {"name": name, "affiliation": affiliation.strip()} if affiliation and affiliation.strip()
               else name)
        for number in presents or []:
            _add_presenter(doc["agenda"][number - 1], name)
    said = f"Added {name} to the guests of the meeting of {meeting_id}"
    if presents:
        said += f", presenting item{'s' if len(presents) > 1 else ''} {list_words([str(n) for n in presents])}"
    return Written([_rel(meeting_id)], message, said + ".", problems=tx.problems)


def _add_presenter(item, name: str) -> None:
    from cecli.store import put

    current = [item["presenter"]] if item.get("presenter") else []
    current += list(item.get("presenters") or [])
    if name in current:
        return
    if not current:
        put(item, "presenter", name, ITEM_ORDER)
        return
    if item.get("presenters") is None:
        put(item, "presenters", [], ITEM_ORDER)
    item["presenters"].append(name)


def remove_guest(root: Path, meeting_id: str, name: str, author: str | None = None) -> Written:
    message = f"Remove guest {name} from the meeting of {meeting_id}."
    with _change(root, message, author) as tx:
        _meeting_model, doc = _doc(tx, meeting_id)
        guests = (doc.get("attendance") or {}).get("guests")
        names = [g.get("name") if isinstance(g, dict) else str(g) for g in guests] if isinstance(guests, list) else []
        if name not in names:
            raise InvalidInput(f"{name} is not a named guest of the meeting of {meeting_id}.",
                               (f"Its guests are: {', '.join(names)}. " if names else "") + NOTHING)
        del guests[names.index(name)]
        for item in doc.get("agenda") or []:
            if item.get("presenter") == name:
                del item["presenter"]
            if name in (item.get("presenters") or []):
                item["presenters"].remove(name)
                if not item["presenters"]:
                    del item["presenters"]
    return Written([_rel(meeting_id)], message, f"Removed {name} from the guests (and presenters) of the meeting "
                   f"of {meeting_id}.", problems=tx.problems)


# --- cec meeting notes ---------------------------------------------------------------------------

def item_notes(root: Path, meeting_id: str, number: int, text: str | None, author: str | None = None) -> Written:
    """Write what was said on an agenda item, as the minutes will print it (empty text removes it)."""
    from cecli.store import put

    message = f"Record the notes on agenda item {number} of the meeting of {meeting_id}."
    with _change(root, message, author) as tx:
        meeting, doc = _doc(tx, meeting_id)
        item = _numbered(doc, "agenda", number, "agenda item", meeting_id,
                         f"Add it with `cec meeting agenda {meeting_id} add TITLE`.")
        if text and text.strip():
            put(item, "notes", text.strip(), ITEM_ORDER)
            said = f"Wrote the notes on item {number} (“{_short(item.get('title', ''))}”) to {_rel(meeting_id)}."
        else:
            if "notes" not in item:
                raise InvalidInput(f"Item {number} has no notes to remove.", NOTHING)
            del item["notes"]
            said = f"Removed the notes on item {number} from {_rel(meeting_id)}."
    return Written([_rel(meeting_id)], message, said, problems=tx.problems)


# --- cec meeting officer -------------------------------------------------------------------------

ELECTION_ORDER = ("role", "member", "motion")


def elect_officer(root: Path, meeting_id: str, role: str, member_id: str, motion: int | None = None,
                  author: str | None = None) -> Written:
    """Record an officer elected at the meeting, and in the same commit give the member the role in
    roster.yaml from the meeting's date, ending the predecessor's term of it that day."""
    from cecli.store.yamlrt import append

    message = f"Record the election of {member_id} as {role} at the meeting of {meeting_id}."
    with _change(root, message, author) as tx:
        meeting, doc = _doc(tx, meeting_id)
        council = tx.council
        role = check.word(council, "role", role, "ROLE", loose=True)
        _serving(council, [member_id], meeting.date, "MEMBER")
        if motion is not None:
            _numbered(doc, "motions", motion, "motion", meeting_id,
                      f"Add the motion first with `cec meeting motion {meeting_id} add TEXT`.")
        elections = _section(doc, "officer_elections")
        if any(isinstance(e, dict) and e.get("role") == role for e in elections):
            raise InvalidInput(f"The meeting of {meeting_id} already records who was elected {role}.",
                               f"Remove it with `cec meeting officer {meeting_id} remove {role}` first. {NOTHING}")
        entry: dict = {"role": role, "member": member_id}
        if motion is not None:
            entry["motion"] = motion
        append(elections, entry)
        name = council.name_of(member_id)
        tx.message = message = f"Record the election of {name} as {role} at the meeting of {meeting_id}."
        roster_said = _give_role(tx, council, member_id, role, meeting.date)
    return Written(tx.paths, message, f"Recorded in {_rel(meeting_id)} that {name} was elected {role}. {roster_said}",
                   problems=tx.problems)


def _give_role(tx, council, member_id: str, role: str, day: dt.date) -> str:
    """Give the elected member the role in roster.yaml from `day`; whoever held it hands it over that
    day (their term ends on it). Returns what roster.yaml now says."""
    from cecli.model.roster import SHARED_ROLES
    from cecli.records.members import _roster, entry_of
    from cecli.records.roles import _add, _end

    member = council.member(member_id)
    if role in member.roles_on(day):
        return f"roster.yaml already gives {member.name} the {role} role on {day.isoformat()}."
    doc = _roster(tx)
    before = [] if role in SHARED_ROLES else [
        other for other in council.members
        if other.id != member_id and other.active_on(day) and role in other.roles_on(day)]
    for other in before:
        _end(entry_of(doc, other.id), other, role, day)
    _add(council, entry_of(doc, member_id), member, role, day, frozenset(o.id for o in before))
    said = f"roster.yaml gives {member.name} the {role} role from {day.isoformat()}"
    if before:
        said += " (" + " and ".join(f"{o.name}'s term of it ends that day" for o in before) + ")"
    return said + "."


def remove_officer(root: Path, meeting_id: str, role: str, author: str | None = None) -> Written:
    """Remove an officer election entered by mistake, and the role term it gave in roster.yaml
    (the predecessor's term, ended that day by the election, runs on again)."""
    message = f"Remove the election of a {role} from the meeting of {meeting_id}."
    with _change(root, message, author) as tx:
        meeting, doc = _meeting(tx, meeting_id), tx.edit(_rel(meeting_id))
        elections = doc.get("officer_elections") or []
        found = [i for i, e in enumerate(elections) if isinstance(e, dict) and e.get("role") == role]
        if not found:
            raise InvalidInput(f"The meeting of {meeting_id} records no election of a {role}.", NOTHING)
        member_id = elections[found[0]].get("member")
        del elections[found[0]]
        if not elections:
            del doc["officer_elections"]
        roster_said = _take_role_back(tx, tx.council, member_id, role, meeting.date)
        name = tx.council.name_of(member_id) if member_id else "a member"
        tx.message = message = f"Remove the election of {name} as {role} from the meeting of {meeting_id}."
    return Written(tx.paths, message, f"Removed the election of {name} as {role} from {_rel(meeting_id)}. {roster_said}",
                   problems=tx.problems)


def _short_roles(roles) -> None:
    """Roles that are all short again (no dates) go back on one line, `roles: [chair]`, as cec
    writes them; giving a dated role had spread them over lines."""
    if all(isinstance(r, str) for r in roles) and hasattr(roles, "fa"):
        roles.fa.set_flow_style()


def _take_role_back(tx, council, member_id, role: str, day: dt.date) -> str:
    """Undo in roster.yaml what the election gave: the member's term of `role` that starts on `day`
    goes, and a term of it that ended on `day` (the predecessor's) has its end removed."""
    from cecli.records.members import _roster, entry_of

    member = council.member(member_id) if member_id else None
    given = [index for index, name, start, _last in member.role_terms()
             if name == role and start == day] if member else []
    if not given:
        return "roster.yaml is unchanged: correct roles with `cec member role` if they need it."
    doc = _roster(tx)
    roles = entry_of(doc, member_id)["roles"]
    del roles[given[0]]
    if not roles:
        del entry_of(doc, member_id)["roles"]
    else:
        _short_roles(roles)
    said = f"roster.yaml no longer gives {member.name} the {role} role from {day.isoformat()}"
    reopened = []
    for other in council.members:
        for index, name, _start, last in other.role_terms():
            if other.id != member_id and name == role and last == day:
                term = entry_of(doc, other.id)["roles"][index]
                if isinstance(term, dict) and "end_date" in term:
                    del term["end_date"]
                    if list(term) == ["role"]:  # held from the start of the membership: short again
                        roles = entry_of(doc, other.id)["roles"]
                        roles[index] = role
                        _short_roles(roles)
                    reopened.append(other.name)
    if reopened:
        said += "; " + " and ".join(reopened) + " holds it again"
    return said + "."


