"""Goals: per school year, the data the council reviewed, the goals it set and their progress notes.

Each function checks its input, edits goals.yaml round-trip and makes one commit through `cecli.store`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from cecli.errors import InvalidInput
from cecli.records import _checks as check
from cecli.records._checks import Written

FILE = "goals.yaml"


def _change(root: Path, message: str, author: str | None):
    from cecli.store import change

    return change(root, message, author=author)


def _year_section(doc, year: str):
    """goals.yaml's mapping for one school year, created (with the year in quotes) if missing."""
    if doc.get("years") is None:
        doc["years"] = {}
    years = doc["years"]
    if year not in years or years[year] is None:
        years[check.quoted(year)] = {}
    return years[year]


def _list(node, key: str):
    if node.get(key) is None:
        node[key] = []
    return node[key]


def _default_year(council, year: str | None, day: dt.date | None = None) -> str:
    """The school year given, or the one `day` (default today) falls in."""
    return check.school_year(year) or council.school_year(day or dt.date.today())


@dataclasses.dataclass
class NewGoal:
    id: str
    statement: str | None
    year: str | None = None
    data: list[str] | None = None
    measure: str | None = None
    baseline: str | None = None
    target: str | None = None
    aligned_to: str | None = None


def add_goal(root: Path, given: NewGoal, author: str | None = None) -> Written:
    check.slug(given.id, "--id")
    check.school_year(given.year)
    if not given.statement or not given.statement.strip():
        raise InvalidInput("A goal needs --statement (what the council means to achieve).", "Nothing was written.")
    sources = check.id_list(given.data)
    with _change(root, f"Add the goal {given.id}.", author) as tx:
        council = tx.council
        year = _default_year(council, given.year)
        for source in sources:
            check.word(council, "source", source, "--data")
        existing = council.goals.years.get(year) if council.goals else None
        if existing and any(g.id == given.id for g in existing.goals):
            raise InvalidInput(f"{year} already has a goal with the id `{given.id}`.",
                               "Choose another --id. Nothing was written.")
        tx.message = f"Add the goal {given.id} for {year}."
        doc = tx.edit(FILE, default={"years": {}})
        section = _year_section(doc, year)
        _list(section, "goals").append({
            "id": given.id, "statement": given.statement.strip(), "aligned_to": given.aligned_to,
            "data": sources or None, "measure": given.measure, "baseline": given.baseline, "target": given.target,
        })
    hint = "" if sources else " Next: say which data it rests on (--data) and record the review with `cec goal review`."
    return Written([FILE], tx.message, f"Added the goal {given.id} for {year} to {FILE}.{hint or ' Next: note its progress with `cec goal progress`.'}",
                   problems=tx.problems)


@dataclasses.dataclass
class DataReview:
    source: str | None
    date: str | None = None
    meeting: str | None = None
    year: str | None = None
    note: str | None = None


def review_data(root: Path, given: DataReview, author: str | None = None, again: bool = False) -> Written:
    if not given.source:
        raise InvalidInput("Say which data was reviewed with --source.", "Nothing was written.")
    day = check.not_future(check.day(given.date, "--date"), "--date", "a review of data")
    check.school_year(given.year)
    with _change(root, f"Record the review of the {given.source.replace('-', ' ')}.", author) as tx:
        council = tx.council
        check.word(council, "source", given.source, "--source")
        meeting = None
        if given.meeting:
            check.meeting_id(council, given.meeting, "--meeting", tx.findings)
            meeting = next(m for m in council.meetings if m.id == given.meeting)
            day = day or meeting.date
        year = _default_year(council, given.year, day)
        when = f" on {day.isoformat()}" if day else ""
        tx.message = f"Record the review of the {given.source.replace('-', ' ')}{when} for {year}."
        doc = tx.edit(FILE, default={"years": {}})
        section = _year_section(doc, year)
        entry = {"source": given.source, "date": day, "meeting": given.meeting, "note": given.note}
        check.already(section.get("data_reviewed"), entry, ("source", "date", "meeting"), again,
                      f"The review of the {given.source.replace('-', ' ')}{when} for {year}")
        _list(section, "data_reviewed").append(entry)
    return Written([FILE], tx.message, f"Recorded the review of the {given.source} for {year} in {FILE}. "
                   "Next: set goals from it with `cec goal add --data " + given.source + "`.", problems=tx.problems)


def add_progress(root: Path, goal_id: str, date: str | None, note: str | None, year: str | None = None,
                 author: str | None = None, again: bool = False) -> Written:
    if not note or not note.strip():
        raise InvalidInput("A progress note needs --note.", "Nothing was written.")
    day = check.not_future(check.day(date, "--date") or dt.date.today(), "--date", "a progress note")
    check.school_year(year)
    with _change(root, f"Note progress on the goal {goal_id}.", author) as tx:
        council = tx.council
        years = council.goals.years if council.goals else {}
        holding = [y for y, section in years.items() if any(g.id == goal_id for g in section.goals)]
        if year:
            holding = [y for y in holding if y == year]
        elif len(holding) > 1 and council.school_year(day) in holding:
            holding = [council.school_year(day)]  # without --year: the school year of the note's date
        if not holding:
            ids = sorted({g.id for section in years.values() for g in section.goals})
            hint = check.did_you_mean(goal_id, ids) or "Add it with `cec goal add`."
            raise InvalidInput(f"There is no goal `{goal_id}`" + (f" in {year}." if year else "."),
                               f"{hint} Nothing was written.")
        if len(holding) > 1:
            raise InvalidInput(f"The goal `{goal_id}` exists in {', '.join(holding)}.",
                               "Say which with --year. Nothing was written.")
        year = holding[0]
        tx.message = f"Note progress on the goal {goal_id} for {year} as of {day.isoformat()}."
        doc = tx.edit(FILE)
        goal = next(g for g in doc["years"][year]["goals"] if g.get("id") == goal_id)
        check.already(goal.get("progress"), {"date": day, "note": note.strip()}, ("date", "note"), again,
                      f"That progress note of {day.isoformat()} on the goal {goal_id}")
        _list(goal, "progress").append({"date": day, "note": note.strip()})
    return Written([FILE], tx.message, f"Added a progress note of {day.isoformat()} to the goal {goal_id} in {FILE}.",
                   problems=tx.problems)
