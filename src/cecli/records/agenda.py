"""A meeting's agenda: list, add, edit, remove and reorder its items (`cec meeting agenda DATE ...`).

Items are numbered from 1 in the order of the file. Each change edits meetings/<id>.yaml
round-trip, rewrites the meeting's documents as `cec meeting docs` does, and makes one commit.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from cecli.errors import InvalidInput
from cecli.records import _checks as check
from cecli.records._checks import Written, list_words
from cecli.records.meetings import ORDER, _as_model, _change, _meeting, _rel, _write_documents

ITEM_ORDER = ("title", "minutes", "presenter", "presenters", "kind", "data", "notes")
CLEARABLE = ("minutes", "presenter", "kind")


@dataclasses.dataclass
class AgendaItemGiven:
    title: str | None = None
    minutes: int | None = None
    presenters: list[str] = dataclasses.field(default_factory=list)
    kind: str | None = None
    clear: list[str] = dataclasses.field(default_factory=list)


def agenda_rows(root: Path, meeting_id: str) -> list[dict]:
    """The meeting's agenda items, numbered from 1: number, title, minutes, presenters, kind."""
    from cecli.loader import load_council

    council, findings = load_council(Path(root))
    check.meeting_id(council, meeting_id, findings=findings)
    meeting = next(m for m in council.meetings if m.id == meeting_id)
    return [{"number": n, "title": item.title, "minutes": item.minutes, "presenters": item.presenting,
             "kind": item.kind} for n, item in enumerate(meeting.agenda, 1)]


def _item_values(tx, given: AgendaItemGiven, adding: bool) -> dict:
    """The given fields as the file holds them (None: remove the field)."""
    values: dict = {}
    if given.title is not None:
        if not given.title.strip():
            raise InvalidInput("--title is empty.", "Give the item's title, such as --title \"Budget review\". "
                               "Nothing was written.")
        values["title"] = given.title.strip()
    elif adding:
        raise InvalidInput("An agenda item needs a title.", "Give it with --title \"Budget review\". Nothing was written.")
    if given.minutes is not None:
        if given.minutes <= 0:
            raise InvalidInput("--minutes must be a whole number of minutes above 0, such as --minutes 15.",
                               "Nothing was written.")
        values["minutes"] = given.minutes
    presenters = [p.strip() for p in given.presenters if p and p.strip()]
    for presenter in presenters:
        _known_or_guest(tx.council, presenter)
    if presenters:
        from cecli.store.yamlrt import flow_list

        values["presenter"], values["presenters"] = (
            (presenters[0], None) if len(presenters) == 1 else (None, flow_list(presenters)))
    if given.kind is not None:
        values["kind"] = check.word(tx.council, "agenda_kind", given.kind, "--kind", loose=True)
    for name in given.clear:
        if name in ("presenter", "presenters"):
            name = "presenter"
        if name not in CLEARABLE:
            raise InvalidInput(f"--clear `{name}` is not a part of an agenda item that can be removed.",
                               f"{check.did_you_mean(name, CLEARABLE) or ''} It can be one of: "
                               f"{', '.join(CLEARABLE)}. Nothing was written.".strip())
        if name in values:
            raise InvalidInput(f"--{name} and --clear {name} contradict each other.", "Give one of them. Nothing was written.")
        values[name] = None
        if name == "presenter":
            values["presenters"] = None
    if not values:
        raise InvalidInput("Nothing to change.", "Give what to change, such as --title, --minutes, --presenter or --kind. "
                           "Nothing was written.")
    return values


def _known_or_guest(council, presenter: str) -> None:
    """A presenter is a member id or a guest's name; an id-like word that is no member's id is a typo."""
    import re

    if council.member(presenter) is None and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", presenter):
        hint = check.did_you_mean(presenter, [m.id for m in council.members]) or (
            "See the ids with `cec member list --all`.")
        raise InvalidInput(f"--presenter `{presenter}` looks like a member id, but no member has it.",
                           f"{hint} A guest presenter is given by name, such as --presenter \"Ruth Okafor\". "
                           "Nothing was written.")


def _items(doc, meeting_id: str):
    from cecli.store import put

    if doc.get("agenda") is None:
        put(doc, "agenda", [], ORDER)
    return doc["agenda"]


def _index(items, number: int, meeting_id: str, option: str = "N") -> int:
    if not 1 <= number <= len(items):
        has = f"has {len(items)} item{'s' if len(items) != 1 else ''}" if items else "has no items"
        raise InvalidInput(f"There is no agenda item {number}: the agenda of the meeting of {meeting_id} {has}.",
                           f"See them with `cec meeting agenda {meeting_id} list`. Nothing was written.")
    return number - 1


def _finish(tx, meeting_id: str, doc, said: str, warnings: list[str] | None = None) -> tuple[str, list[str], list[str]]:
    """The line for the user, the documents rewritten and any warnings, once the agenda changed."""
    meeting = _as_model(tx.council, meeting_id, doc)
    documents = _write_documents(tx, tx.council, meeting)
    warnings = list(warnings or [])
    total = sum(item.minutes or 0 for item in meeting.agenda)
    length = meeting.length_minutes
    if length and total > length:
        warnings.append(f"The agenda's items now take {total} minutes; the meeting is {length} minutes long "
                        f"({meeting.start:%H:%M} to {meeting.end:%H:%M}).")
    if documents:
        said += " Rewrote its agenda, minutes shell and sign-in sheet."
    if meeting.agenda_sent and meeting.status != "held":
        said += f" The agenda went out on {meeting.agenda_sent.isoformat()}: send the corrected one."
    return said, documents, warnings


def add_item(root: Path, meeting_id: str, given: AgendaItemGiven, at: int | None = None,
             author: str | None = None) -> Written:
    """Add an item at the end of the agenda (or at position `at`, moving the later items down)."""
    from cecli.store.yamlrt import to_yaml

    rel = _rel(meeting_id)
    with _change(root, f"Add an agenda item to the meeting of {meeting_id}.", author) as tx:
        _meeting(tx, meeting_id)
        values = _item_values(tx, given, adding=True)
        doc = tx.edit(rel)
        items = _items(doc, meeting_id)
        item = {k: values[k] for k in ITEM_ORDER if values.get(k) is not None}
        if at is None or at == len(items) + 1:
            from cecli.store.yamlrt import append

            append(items, item)
            number = len(items)
        else:
            index = _index(items, at, meeting_id, "--at")
            _keeping_the_end(items, lambda: items.insert(index, to_yaml(item, set())))
            number = at
        tx.message = f"Add agenda item {number} ({values['title']}) to the meeting of {meeting_id}."
        said, documents, warnings = _finish(tx, meeting_id, doc, f"Added item {number} to the agenda in {rel}.")
    return Written([rel, *documents], tx.message, said, warnings, problems=tx.problems)


def edit_item(root: Path, meeting_id: str, number: int, given: AgendaItemGiven, author: str | None = None) -> Written:
    from cecli.store import put

    rel = _rel(meeting_id)
    with _change(root, f"Change agenda item {number} of the meeting of {meeting_id}.", author) as tx:
        _meeting(tx, meeting_id)
        values = _item_values(tx, given, adding=False)
        doc = tx.edit(rel)
        items = _items(doc, meeting_id)
        item = items[_index(items, number, meeting_id)]
        changed = []
        for key, value in values.items():
            if item.get(key) == value or (value is None and key not in item):
                continue
            put(item, key, value, ITEM_ORDER)
            changed.append(key)
        if not changed:
            raise InvalidInput(f"Agenda item {number} already says that.", "Nothing was written.")
        words = list_words(sorted({"presenter" if k == "presenters" else k for k in changed}, key=ITEM_ORDER.index))
        tx.message = f"Change the {words} of agenda item {number} ({item['title']}) of the meeting of {meeting_id}."
        said, documents, warnings = _finish(tx, meeting_id, doc, f"Changed the {words} of agenda item {number} in {rel}.")
    return Written([rel, *documents], tx.message, said, warnings, problems=tx.problems)


def remove_item(root: Path, meeting_id: str, number: int, author: str | None = None) -> Written:
    rel = _rel(meeting_id)
    with _change(root, f"Remove agenda item {number} of the meeting of {meeting_id}.", author) as tx:
        meeting = _meeting(tx, meeting_id)
        doc = tx.edit(rel)
        items = _items(doc, meeting_id)
        index = _index(items, number, meeting_id)
        _refuse_if_motions_name(meeting, number, "remove")
        title = items[index].get("title", "")
        _keeping_the_end(items, lambda: items.pop(index))
        tx.message = f"Remove agenda item {number} ({title}) from the meeting of {meeting_id}."
        said, documents, warnings = _finish(tx, meeting_id, doc, f"Removed item {number} ({title}) from the agenda in {rel}.")
    return Written([rel, *documents], tx.message, said, warnings, problems=tx.problems)


def move_item(root: Path, meeting_id: str, number: int, to: int, author: str | None = None) -> Written:
    rel = _rel(meeting_id)
    with _change(root, f"Move agenda item {number} of the meeting of {meeting_id} to {to}.", author) as tx:
        meeting = _meeting(tx, meeting_id)
        doc = tx.edit(rel)
        items = _items(doc, meeting_id)
        index = _index(items, number, meeting_id)
        target = _index(items, to, meeting_id, "--to")
        if index == target:
            raise InvalidInput(f"Agenda item {number} is already number {to}.", "Nothing was written.")
        _refuse_if_motions_name(meeting, number, "move")
        item = items[index]
        _keeping_the_end(items, lambda: items.insert(target, items.pop(index)))
        title = item.get("title", "")
        tx.message = f"Move agenda item {number} ({title}) of the meeting of {meeting_id} to number {to}."
        said, documents, warnings = _finish(tx, meeting_id, doc, f"Moved {title} to number {to} on the agenda in {rel}.")
    return Written([rel, *documents], tx.message, said, warnings, problems=tx.problems)


def _keeping_the_end(items, change) -> None:
    """Run `change` on the list of items, keeping the blank lines or comment that closed the list below
    whatever item ends up last (so the file's sections stay apart)."""
    from cecli.store.yamlrt import _last_slot

    before = _last_slot(items)
    token = None
    if before is not None:
        node, key, pos = before
        slot = node.ca.items.get(key)
        if slot and slot[pos] is not None and slot[pos].value.startswith("\n"):
            token, slot[pos] = slot[pos], None
    change()
    after = _last_slot(items)
    if token is not None and after is not None:
        node, key, pos = after
        node.ca.items.setdefault(key, [None, None, None, None])[pos] = token


def _refuse_if_motions_name(meeting, number: int, what: str) -> None:
    """Motions may name the agenda item they are about by number (`item: N`): renumbering would break them."""
    named = [n for n, motion in enumerate(meeting.motions, 1) if getattr(motion, "item", None) is not None]
    if named:
        raise InvalidInput(f"Motions of the meeting of {meeting.id} name agenda items by number, so the agenda "
                           f"cannot be renumbered (to {what} item {number}).",
                           "Change the agenda item in place with `cec meeting agenda DATE edit N` instead. "
                           "Nothing was written.")
