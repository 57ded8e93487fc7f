"""Outreach: how the council recruited members (communications, information sessions, nominations,
elections and their candidates), kept in outreach.yaml.

Each function checks its input against the council and the profile's vocabularies, edits
outreach.yaml round-trip and makes one commit through `cecli.store`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from cecli.errors import InvalidInput
from cecli.records import _checks as check
from cecli.records._checks import Written, list_words

FILE = "outreach.yaml"


def _change(root: Path, message: str, author: str | None):
    from cecli.store import change

    return change(root, message, author=author)


def _list(doc, key: str):
    if doc.get(key) is None:
        doc[key] = []
    return doc[key]


def _evidence(tx, paths: list[str] | None) -> list[str]:
    """Evidence files as council-relative paths; files from outside are copied into evidence/."""
    out = []
    for value in paths or []:
        rel, data = check.evidence(tx.root, value)
        tx.write_bytes(rel, data)  # the store leaves unchanged files out of the commit; new ones go in
        out.append(rel)
    return out


# --- communications and information sessions ----------------------------------------------------

@dataclasses.dataclass
class Communication:
    date: str | None
    channel: str | None
    audience: str | None = None
    purpose: str | None = None
    description: str | None = None
    evidence: list[str] | None = None


def add_communication(root: Path, given: Communication, author: str | None = None, again: bool = False) -> Written:
    if not given.date or not given.channel:
        raise InvalidInput("A communication needs --date and --channel.", "Nothing was written.")
    day = check.day(given.date, "--date")
    channel = given.channel.replace("-", " ")
    article = "an" if channel[:1] in "aeiou" else "a"
    message = f"Record {article} {channel} communication of {day.isoformat()}."
    with _change(root, message, author) as tx:
        council = tx.council
        check.word(council, "channel", given.channel, "--channel")
        check.word(council, "purpose", given.purpose, "--purpose")
        evidence = _evidence(tx, given.evidence)
        doc = tx.edit(FILE, default={})
        entry = {"date": day, "channel": given.channel, "audience": given.audience,
                 "purpose": given.purpose, "description": given.description, "evidence": evidence or None}
        check.already(doc.get("communications"), entry, ("date", "channel", "description"), again,
                      f"A {channel} communication of {day.isoformat()}" + (" with that description" if given.description else ""))
        _list(doc, "communications").append(entry)
    return Written(sorted({FILE, *evidence}), message,
                   f"Added the {given.channel.replace('-', ' ')} communication of {day.isoformat()} to {FILE}"
                   + (f" with {list_words(evidence)}." if evidence else ".")
                   + ("" if evidence else " Next: keep a copy as evidence (--evidence PATH)."), problems=tx.problems)


@dataclasses.dataclass
class InfoSession:
    date: str | None
    start: str | None = None
    end: str | None = None
    location: str | None = None
    attendees: int | None = None
    meeting: str | None = None
    evidence: list[str] | None = None


def add_info_session(root: Path, given: InfoSession, author: str | None = None, again: bool = False) -> Written:
    if not given.date:
        raise InvalidInput("An information session needs --date.", "Nothing was written.")
    day = check.day(given.date, "--date")
    start, end = check.clock(given.start, "--start"), check.clock(given.end, "--end")
    check.in_order(start, end)
    check.count(given.attendees, "--attendees")
    message = f"Record the information session of {day.isoformat()}."
    with _change(root, message, author) as tx:
        if given.meeting:
            check.meeting_id(tx.council, given.meeting, "--meeting", tx.findings)
        evidence = _evidence(tx, given.evidence)
        doc = tx.edit(FILE, default={})
        entry = {"date": day, "start": start, "end": end, "location": given.location,
                 "attendees": given.attendees, "meeting": given.meeting, "evidence": evidence or None}
        check.already(doc.get("info_sessions"), {"date": day, "start": start and f"{start:%H:%M}"}, ("date", "start"),
                      again, f"An information session on {day.isoformat()}" + (f" at {start:%H:%M}" if start else ""))
        _list(doc, "info_sessions").append(entry)
    return Written(sorted({FILE, *evidence}), message,
                   f"Added the information session of {day.isoformat()} to {FILE}."
                   + ("" if evidence else " Next: keep its sign-in sheet or flyer as evidence."), problems=tx.problems)


# --- nominations --------------------------------------------------------------------------------

@dataclasses.dataclass
class Nominations:
    opened: str | None = None
    closed: str | None = None
    methods: list[str] | None = None
    received: int | None = None
    year: str | None = None
    evidence: list[str] | None = None


def set_nominations(root: Path, given: Nominations, author: str | None = None) -> Written:
    opened, closed = check.day(given.opened, "--opened"), check.day(given.closed, "--closed")
    if opened and closed and closed < opened:
        raise InvalidInput(f"--closed {closed.isoformat()} is before --opened {opened.isoformat()}.",
                           "Nothing was written.")
    check.count(given.received, "--received")
    year = check.school_year(given.year)
    methods = check.id_list(given.methods)
    if not (opened or closed or methods or given.received is not None or given.evidence):
        raise InvalidInput("There is nothing to record.",
                           "Give --opened, --closed, --method, --received or --evidence. Nothing was written.")
    message = "Record the nominations window" + (f" for {year}." if year else ".")
    with _change(root, message, author) as tx:
        council = tx.council
        for method in methods:
            check.word(council, "method", method, "--method")
        evidence = _evidence(tx, given.evidence)
        doc = tx.edit(FILE, default={})
        window = _window(doc, council, year, opened or closed)
        if opened:
            window["opened"] = opened
        if closed:
            window["closed"] = closed
        if methods:
            window["methods"] = methods
        if given.received is not None:
            window["received"] = given.received
        if evidence:
            _list(window, "evidence").extend(e for e in evidence if e not in (window.get("evidence") or []))
    return Written(sorted({FILE, *evidence}), message, f"Wrote the nominations window to {FILE}."
                   + (" Next: record the election with `cec outreach election add`." if closed else ""),
                   problems=tx.problems)


def _window(doc, council, year: str | None, day):
    """The nominations mapping to change: the single window, or one school year's."""
    current = doc.get("nominations")
    by_year = isinstance(current, dict) and current and all(str(k)[:4].isdigit() for k in current)
    if year is None and not by_year:
        if current is None:
            doc["nominations"] = {}
        return doc["nominations"]
    if year is None:
        if day is None:
            raise InvalidInput("outreach.yaml keeps nominations by school year.", "Give --year. Nothing was written.")
        year = council.school_year(day)
    if current is None:
        doc["nominations"] = {check.quoted(year): {}}
    elif not by_year:
        # one window so far: keep it under its own school year, then add this year's
        first = current.get("opened") or current.get("closed")
        if first is None:
            raise InvalidInput("The nominations window in outreach.yaml has no dates, so it cannot be filed under a year.",
                               "Add its dates first, or leave out --year. Nothing was written.")
        old_year = council.school_year(first)
        if old_year == year:
            return current
        doc["nominations"] = {check.quoted(old_year): current, check.quoted(year): {}}
    elif year not in current:
        current[check.quoted(year)] = {}
    return doc["nominations"][year]


# --- elections ----------------------------------------------------------------------------------

@dataclasses.dataclass
class Election:
    id: str
    date: str | None
    notice_given: str | None = None
    seats: int | None = None
    voters: list[str] | None = None
    title: str | None = None


def add_election(root: Path, given: Election, author: str | None = None) -> Written:
    check.slug(given.id, "ID")
    if not given.date:
        raise InvalidInput("An election needs --date.", "Nothing was written.")
    day = check.day(given.date, "--date")
    notice = check.day(given.notice_given, "--notice-given")
    if notice and notice > day:
        raise InvalidInput(f"--notice-given {notice.isoformat()} is after the election ({day.isoformat()}).",
                           "Nothing was written.")
    check.count(given.seats, "--seats")
    voters = check.id_list(given.voters)
    message = f"Add the election {given.id} of {day.isoformat()}."
    with _change(root, message, author) as tx:
        council = tx.council
        for group in voters:
            check.word(council, "voters", group, "--voters")
        if council.outreach and any(e.id == given.id for e in council.outreach.elections):
            raise InvalidInput(f"There is already an election with the id `{given.id}`.",
                               "Choose another id. Nothing was written.")
        doc = tx.edit(FILE, default={})
        _list(doc, "elections").append({
            "id": given.id, "date": day, "title": given.title, "notice_given": notice, "seats": given.seats,
            "voters": voters or None,
        })
    return Written([FILE], message, f"Added the election {given.id} to {FILE}. "
                   f"Next: add its candidates with `cec outreach election candidate {given.id}`.", problems=tx.problems)


@dataclasses.dataclass
class Candidate:
    name: str | None
    category: str | None = None
    statement: str | None = None
    votes: int | None = None
    elected: bool | None = None
    member: str | None = None


def set_candidate(root: Path, election_id: str, given: Candidate, author: str | None = None) -> Written:
    if not given.name or not given.name.strip():
        raise InvalidInput("A candidate needs --name.", "Nothing was written.")
    check.count(given.votes, "--votes")
    name = given.name.strip()
    with _change(root, f"Record the candidate {name} in the election {election_id}.", author) as tx:
        council = tx.council
        ids = [e.id for e in council.outreach.elections] if council.outreach else []
        if election_id not in ids:
            hint = check.did_you_mean(election_id, ids) or "Add it first with `cec outreach election add`."
            raise InvalidInput(f"There is no election `{election_id}` in {FILE}.", f"{hint} Nothing was written.")
        check.word(council, "category", given.category, "--category")
        if given.member:
            check.members(council, [given.member], "--member")
        doc = tx.edit(FILE)
        election = next(e for e in doc["elections"] if e.get("id") == election_id)
        candidates = _list(election, "candidates")
        entry = next((c for c in candidates if str(c.get("name", "")).strip() == name), None)
        fields = {"category": given.category, "statement": given.statement, "votes": given.votes,
                  "elected": given.elected, "member": given.member}
        if entry is None:
            candidates.append({"name": name, **fields})
            did = "Added"
        else:
            for key, value in fields.items():
                if value is not None:
                    entry[key] = value
            did = "Updated"
    said = f"{did} the candidate {name} in the election {election_id} in {FILE}."
    if given.elected:
        said += " Next: add them to the roster with `cec member add`."
    return Written([FILE], f"Record the candidate {name} in the election {election_id}.", said, problems=tx.problems)
