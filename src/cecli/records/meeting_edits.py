"""Correcting a meeting: edit its details, mark it held, cancel it with a reason, remove one entered by
mistake, move it to another date (records/meeting_move.py).

Each function checks what it is given against the council, edits meetings/<id>.yaml round-trip
(comments and key order stay), rewrites the meeting's documents when what they show changed, and
makes one commit through `cecli.store`. Bad input is an InvalidInput (exit 2) that names the fix.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from cecli.errors import InvalidInput
from cecli.records import _checks as check
from cecli.records._checks import Written, list_words
from cecli.records.meetings import KINDS, ORDER, _as_model, _change, _meeting, _rel, _write_documents

# what `cec meeting edit` may change, as option name -> field, in the file's order
EDITABLE = {"title": "title", "kind": "kind", "start": "start", "end": "end", "location": "location",
            "virtual-link": "virtual_link", "open-to-public": "open_to_public"}
CLEARABLE = ("title", "start", "end", "location", "virtual_link")
_WORDS = {"title": "title", "kind": "kind", "start": "start time", "end": "end time", "location": "place",
          "virtual_link": "virtual link", "open_to_public": "openness to the public"}


def read_day(value, option: str) -> dt.date | None:
    """A date given on the command line (the one place to swap in cecli.when's reader)."""
    return check.day(value, option)


def read_time(value, option: str) -> dt.time | None:
    """A time of day given on the command line (the one place to swap in cecli.when's reader)."""
    return check.clock(value, option)


# --- cec meeting edit ------------------------------------------------------------------------------

@dataclasses.dataclass
class MeetingEdit:
    title: str | None = None
    kind: str | None = None
    start: str | None = None
    end: str | None = None
    location: str | None = None
    virtual_link: str | None = None
    open_to_public: bool | None = None
    clear: list[str] = dataclasses.field(default_factory=list)


def _edit_values(given: MeetingEdit) -> dict:
    """The fields given, checked and as the file holds them (None: remove the field)."""
    values: dict = {}
    for name in ("title", "location", "virtual_link"):
        text = getattr(given, name)
        if text is not None:
            if not text.strip():
                option = "--" + name.replace("_", "-")
                raise InvalidInput(f"{option} is empty.", f"To remove the {_WORDS[name]}, use --clear {name}. "
                                   "Nothing was written.")
            values[name] = text.strip()
    if given.kind is not None:
        if given.kind not in KINDS:
            raise InvalidInput(f"--kind `{given.kind}` is not a kind of meeting.",
                               f"{check.did_you_mean(given.kind, KINDS) or 'Use one of: ' + ', '.join(KINDS) + '.'} "
                               "Nothing was written.")
        values["kind"] = given.kind
    for name in ("start", "end"):
        value = read_time(getattr(given, name), f"--{name}")
        if value is not None:
            values[name] = value
    if given.open_to_public is not None:
        values["open_to_public"] = bool(given.open_to_public)
    for name in given.clear:
        field = name.replace("-", "_")
        if field not in CLEARABLE:
            raise InvalidInput(f"--clear `{name}` is not a field that can be removed from a meeting.",
                               f"{check.did_you_mean(field, CLEARABLE) or ''} Fields that can be removed: "
                               f"{', '.join(CLEARABLE)}. Nothing was written.".strip())
        if field in values:
            raise InvalidInput(f"--{field.replace('_', '-')} and --clear {name} contradict each other.",
                               "Give one of them. Nothing was written.")
        values[field] = None
    if not values:
        raise InvalidInput("Nothing to change.", "Give what to change, such as --start 18:00 or --location Gym "
                           "(`cec meeting edit --help` lists them). Nothing was written.")
    return values


def edit_meeting(root: Path, meeting_id: str, given: MeetingEdit, author: str | None = None) -> Written:
    """Change a meeting's title, kind, times, place, virtual link or openness; rewrite its documents."""
    from cecli.store import put

    values = _edit_values(given)
    rel = _rel(meeting_id)
    with _change(root, f"Change the meeting of {meeting_id}.", author) as tx:
        meeting = _meeting(tx, meeting_id)
        start = values["start"] if "start" in values else meeting.start
        end = values["end"] if "end" in values else meeting.end
        check.in_order(start, end)
        doc = tx.edit(rel)
        changed = []
        for field, value in values.items():
            current = getattr(meeting, field)
            if value == current or (value is None and field not in doc):
                continue
            put(doc, field, check.hhmm(value) if isinstance(value, dt.time) else value, ORDER)
            changed.append(field)
        if not changed:
            raise InvalidInput(f"The meeting of {meeting_id} already says that.", "Nothing was written.")
        changed.sort(key=ORDER.index)
        tx.message = f"Change the {list_words([_WORDS[f] for f in changed])} of the meeting of {meeting_id}."
        updated = _as_model(tx.council, meeting_id, doc)
        documents = _write_documents(tx, tx.council, updated)
    said = f"Wrote the new {list_words([_WORDS[f] for f in changed])} to {rel}"
    said += " and rewrote its agenda, minutes shell and sign-in sheet." if documents else "."
    notices = _notices_to_resend(meeting, changed)
    if notices:
        said += " " + notices
    return Written([rel, *documents], tx.message, said, problems=tx.problems)


def _notices_to_resend(meeting, changed: list[str]) -> str:
    """What must go out again now that the meeting's details changed after being announced."""
    if meeting.status == "held" or meeting.date < dt.date.today():
        return ""
    shown = {"title", "kind", "start", "end", "location", "virtual_link", "open_to_public"}
    if not shown & set(changed):
        return ""
    out = []
    if meeting.agenda_sent:
        out.append(f"the agenda went out on {meeting.agenda_sent.isoformat()}: send the corrected one")
    if meeting.notice_posted:
        posted = meeting.notice_posted
        out.append(f"the public notice was posted on {posted.isoformat() if not isinstance(posted, dt.datetime) else f'{posted:%Y-%m-%d %H:%M}'}:"
                   " post a corrected notice")
    if not out:
        return ""
    return "Next: " + "; ".join(out) + "."


# --- cec meeting held ------------------------------------------------------------------------------

def mark_held(root: Path, meeting_id: str, author: str | None = None, today: dt.date | None = None) -> Written:
    """Record that a meeting took place (its status becomes held)."""
    from cecli.store import put

    today = today or dt.date.today()
    rel = _rel(meeting_id)
    with _change(root, f"Mark the meeting of {meeting_id} held.", author) as tx:
        meeting = _meeting(tx, meeting_id)
        if meeting.date > today:
            raise InvalidInput(f"The meeting of {meeting_id} is on {meeting.date.isoformat()}, which has not come yet "
                               f"(today is {today.isoformat()}).",
                               f"If it met on another day, move it first: `cec meeting move {meeting_id} --to DATE`. "
                               "Nothing was written.")
        if meeting.status == "held":
            raise InvalidInput(f"The meeting of {meeting_id} is already marked held.", "Nothing was written.")
        doc = tx.edit(rel)
        was_cancelled = meeting.status == "cancelled"
        put(doc, "status", "held", ORDER)
        if "cancel_reason" in doc:
            put(doc, "cancel_reason", None, ORDER)
    said = f"Marked the meeting of {meeting_id} held in {rel}."
    if was_cancelled:
        said += " It was marked cancelled before; the cancellation's reason was removed."
    if meeting.attendance is None:
        said += f" Next: record who came with `cec meeting attendance {meeting_id}`."
    return Written([rel], tx.message, said, problems=tx.problems)


# --- cec meeting cancel ----------------------------------------------------------------------------

def cancel(root: Path, meeting_id: str, reason: str | None = None, author: str | None = None) -> Written:
    """Mark a scheduled meeting cancelled, keeping the reason in `cancel_reason` and the commit message."""
    from cecli.store import put

    reason = (reason or "").strip()
    message = f"Cancel the meeting of {meeting_id}" + (f" ({reason.rstrip('.')})." if reason else ".")
    rel = _rel(meeting_id)
    with _change(root, message, author) as tx:
        meeting = _meeting(tx, meeting_id)
        if meeting.status == "cancelled":
            raise InvalidInput(f"The meeting of {meeting_id} is already cancelled.", "Nothing was written.")
        if meeting.status == "held" or meeting.attendance is not None:
            raise InvalidInput(f"The meeting of {meeting_id} was held (its attendance or status says so), "
                               "so it cannot be cancelled.",
                               "If that was recorded by mistake, undo the change that recorded it (`cec log` shows it, "
                               "`cec undo COMMIT` reverses it). Nothing was written.")
        if not reason:
            raise InvalidInput("Say why the meeting is cancelled with --reason, such as --reason \"Snow day\".",
                               "The reason is kept in the meeting's record. Nothing was written.")
        doc = tx.edit(rel)
        put(doc, "status", "cancelled", ORDER)
        put(doc, "cancel_reason", reason, ORDER)
    return Written([rel], message,
                   f"Marked the meeting of {meeting_id} cancelled in {rel}. "
                   "Next: post a cancellation notice where the meeting was announced.", problems=tx.problems)


# --- cec meeting remove ----------------------------------------------------------------------------

def remove_meeting(root: Path, meeting_id: str, reason: str | None, author: str | None = None) -> Written:
    """Delete a meeting entered by mistake (never held, nothing recorded) with its generated documents."""
    reason = (reason or "").strip()
    rel = _rel(meeting_id)
    message = f"Remove the meeting of {meeting_id}, entered by mistake ({reason.rstrip('.')})."
    with _change(root, message, author) as tx:
        meeting = _meeting(tx, meeting_id)
        recorded = [what for what, there in (("attendance", meeting.attendance is not None),
                                              ("minutes", meeting.minutes is not None),
                                              ("motions", bool(meeting.motions)),
                                              ("action items", bool(meeting.action_items)))
                    if there]
        if meeting.status == "held" or recorded:
            what = f"has {list_words(recorded)} recorded" if recorded else "was held"
            raise InvalidInput(f"The meeting of {meeting_id} {what}, so it is part of the council's record and "
                               "cannot be removed.",
                               f"Correct its details with `cec meeting edit {meeting_id}`; if something was recorded by "
                               "mistake, undo that change (`cec log` shows it, `cec undo COMMIT` reverses it). "
                               "Nothing was written.")
        if not reason:
            raise InvalidInput("Say why the meeting is removed with --reason, such as --reason \"Entered twice\".",
                               "The reason goes into the audit trail. Nothing was written.")
        refs = references(tx.root, meeting_id)
        if refs:
            where = "; ".join(f"{path}:{line}" for path, line in refs)
            raise InvalidInput(f"Other records name the meeting of {meeting_id} ({where}), so it cannot be removed.",
                               f"If it has the wrong date, move it instead: `cec meeting move {meeting_id} --to DATE` "
                               "(the references follow). Nothing was written.")
        tx.remove(rel)
        documents = tracked_documents(tx, meeting_id)
        for path in documents:
            tx.remove(path)
    said = f"Removed {rel}" + (f" and its {len(documents)} documents." if documents else ".")
    if meeting.agenda_sent or meeting.notice_posted:
        said += " Its agenda or notice already went out: tell those who got it that the meeting will not take place."
    return Written([rel, *documents], message, said, problems=tx.problems)


def tracked_documents(tx, meeting_id: str) -> list[str]:
    """The files git tracks under documents/meetings/<id>/ (council-relative), generated for this meeting."""
    from cecli.store import gitrepo

    folder = f"documents/meetings/{meeting_id}/"
    result = gitrepo.git(tx.repo.top, "ls-files", "-z", "--", tx.repo.rel(folder))
    prefix = tx.repo.prefix
    out = []
    for name in result.stdout.decode("utf-8", "surrogateescape").split("\0"):
        if name and name.startswith(prefix) and (tx.root / name[len(prefix):]).is_file():
            out.append(name[len(prefix):])
    return sorted(out)


# --- references to a meeting -------------------------------------------------------------------

REFERENCE_KEYS = ("meeting", "approved_at")  # keys whose value names a meeting by its id


def references(root: Path, meeting_id: str, skip: str | None = None) -> list[tuple[str, int]]:
    """(file, line) of every value naming the meeting in the council's YAML files (goals' data reviewed,
    info sessions, public reports, recommendations, plan updates, other meetings' minutes)."""
    from cecli.store.validate import yaml_files
    from cecli.yamlread import YamlProblem, parse_file

    out = []
    for rel in yaml_files(Path(root)):
        if rel == skip:
            continue
        try:
            loaded = parse_file(Path(root) / rel)
        except (YamlProblem, OSError):
            continue
        for path in _reference_paths(loaded.data, (), meeting_id):
            out.append((rel, loaded.position(path)[0]))
    return out


def _reference_paths(node, path: tuple, meeting_id: str):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in REFERENCE_KEYS and _names(value, meeting_id):
                yield path + (key,)
            else:
                yield from _reference_paths(value, path + (key,), meeting_id)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _reference_paths(value, path + (index,), meeting_id)


def _names(value, meeting_id: str) -> bool:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = value.isoformat()
    return isinstance(value, str) and value == meeting_id


# --- cec meeting move ------------------------------------------------------------------------------

def move_meeting(root: Path, meeting_id: str, to: str, author: str | None = None) -> Written:
    """Reschedule a meeting: rename its file (git follows the history), change its date, make every
    reference to it follow, move and rewrite its documents, and say which notices must go out again."""
    from cecli.records.meetings import _date_warnings
    from cecli.store import put

    day = read_day(to, "--to")
    if day is None:
        raise InvalidInput("Give the new date with --to, such as --to 2026-12-15.", "Nothing was written.")
    suffix = meeting_id[10:]  # "-special" of 2026-12-08-special stays with the meeting
    new_id = day.isoformat() + suffix
    old_rel, new_rel = _rel(meeting_id), _rel(new_id)
    message = f"Move the meeting of {meeting_id} to {new_id}."
    with _change(root, message, author) as tx:
        meeting = _meeting(tx, meeting_id)
        if new_id == meeting_id:
            raise InvalidInput(f"The meeting of {meeting_id} is already on {day.isoformat()}.", "Nothing was written.")
        if meeting.status == "held" or meeting.attendance is not None or meeting.minutes is not None:
            raise InvalidInput(f"The meeting of {meeting_id} was held (its record says so), so it cannot be moved: "
                               "what happened on that day is part of the record.",
                               "If the date was typed wrong when it was entered, and the meeting took place on the "
                               "other day, undo the changes that recorded it (`cec log`, `cec undo COMMIT`) and move it "
                               "then. Nothing was written.")
        if meeting.status == "cancelled":
            raise InvalidInput(f"The meeting of {meeting_id} was cancelled, so it stays in the record as cancelled.",
                               f"Schedule the new date with `cec meeting new --date {day.isoformat()}`. Nothing was written.")
        if tx.exists(new_rel) or any(m.id == new_id for m in tx.council.meetings):
            raise InvalidInput(f"There is already a meeting on {day.isoformat()} ({new_rel}).",
                               "Choose another date, or remove or move that meeting first "
                               "(`cec meeting list` shows them). Nothing was written.")
        tx.rename(old_rel, new_rel)
        doc = tx.edit(new_rel)
        doc["date"] = day
        cleared = [key for key in ("agenda_sent", "notice_posted", "documents_posted") if key in doc]
        for key in cleared:
            put(doc, key, None, ORDER)
        followed = []
        for rel, _line in references(tx.root, meeting_id, skip=old_rel):
            count = _rename_references(tx.edit(rel), meeting_id, new_id)
            if count:
                followed.append(rel)
        old_documents = tracked_documents(tx, meeting_id)
        for path in old_documents:
            tx.rename(path, path.replace(f"documents/meetings/{meeting_id}/", f"documents/meetings/{new_id}/", 1))
        updated = _as_model(tx.council, new_id, doc)
        moved_council = dataclasses.replace(tx.council, meetings=[m for m in tx.council.meetings if m.id != meeting_id])
        documents = _write_documents(tx, moved_council, updated)
        paths = tx.paths
    said = f"Moved {old_rel} to {new_rel} (the file keeps its history)."
    if followed:
        said += f" Updated the references to it in {list_words(sorted(set(followed)))}."
    if documents:
        said += " Rewrote its agenda, minutes shell and sign-in sheet for the new date."
    said += " " + _notices_after_move(meeting, day, cleared)
    return Written(paths, message, said, _date_warnings(day), problems=tx.problems)


def _rename_references(node, old: str, new: str) -> int:
    """Replace every `meeting:` / `approved_at:` value naming `old` with `new` in a round-trip document."""
    count = 0
    if isinstance(node, dict):
        for key in list(node.keys()):
            value = node[key]
            if key in REFERENCE_KEYS and _names(value, old):
                is_day = isinstance(value, dt.date) and len(new) == 10
                node[key] = dt.date.fromisoformat(new) if is_day else new
                count += 1
            else:
                count += _rename_references(value, old, new)
    elif isinstance(node, list):
        for value in node:
            count += _rename_references(value, old, new)
    return count


def _notices_after_move(meeting, day: dt.date, cleared: list[str]) -> str:
    """Which announcements of the old date must go out again."""
    out = []
    if meeting.agenda_sent:
        out.append(f"send the agenda again (it went out on {meeting.agenda_sent.isoformat()} with the old date)")
    else:
        out.append("send the agenda")
    if meeting.notice_posted:
        out.append("post a new public notice and take down the one for the old date")
    else:
        out.append("post the public notice")
    out.append("update the calendar and the public site (`cec calendar`, `cec publish`)")
    said = "Next: " + "; ".join(out) + "."
    if cleared:
        said += f" The record's {list_words([c.replace('_', ' ') for c in cleared])} date was for the old date, so it was removed."
    return said
