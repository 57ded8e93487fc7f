"""Numbered entries of outreach.yaml, goals.yaml and reports.yaml: list them, edit one, remove one.

`cec outreach|goal|report list` numbers every entry of the file in file order; `edit N` and
`remove N --reason` take that number. Every kind of entry is covered:
- outreach.yaml: communications, information sessions, nominations windows, elections;
- goals.yaml: data reviews, goals and their progress notes (per school year);
- reports.yaml: public reports, quarterly reports, the Continuation Plan and their signatures.
An edit gets the same checks as adding (vocabulary words, member and meeting ids, dates that cannot
have happened yet, start before end, a signer serving on the day), edits the file round-trip and
makes one commit; the reason, when given, goes into the commit message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cecli.errors import InvalidInput
from cecli.records import _checks as check
from cecli.records._checks import Written, list_words

FILES = {"outreach": "outreach.yaml", "goal": "goals.yaml", "report": "reports.yaml"}


@dataclass(frozen=True)
class Field:
    key: str  # the YAML key
    option: str  # the command-line option that sets it
    kind: str  # date, time, count, text, word, words, meeting, member, slug, year, period, evidence
    vocabulary: str = ""
    required: bool = False
    past: bool = False  # a date that cannot be after today


def _f(key, option, kind="text", vocabulary="", required=False, past=False) -> Field:
    return Field(key, option, kind, vocabulary, required, past)


EVIDENCE = _f("evidence", "--evidence", "evidence")
KINDS: dict[str, tuple[Field, ...]] = {
    "communication": (_f("date", "--date", "date", required=True), _f("channel", "--channel", "word", "channel", True),
                      _f("audience", "--audience"), _f("purpose", "--purpose", "word", "purpose"),
                      _f("description", "--description"), EVIDENCE),
    "information session": (_f("date", "--date", "date", required=True), _f("start", "--start", "time"),
                            _f("end", "--end", "time"), _f("location", "--location"),
                            _f("attendees", "--attendees", "count"), _f("meeting", "--meeting", "meeting"), EVIDENCE),
    "nominations": (_f("opened", "--opened", "date"), _f("closed", "--closed", "date"),
                    _f("methods", "--method", "words", "method"), _f("received", "--received", "count"), EVIDENCE),
    "election": (_f("id", "--id", "slug", required=True), _f("date", "--date", "date", required=True),
                 _f("title", "--title"), _f("notice_given", "--notice-given", "date"),
                 _f("seats", "--seats", "count"), _f("voters", "--voters", "words", "voters"), EVIDENCE),
    "data review": (_f("source", "--source", "word", "source", True), _f("date", "--date", "date", past=True),
                    _f("meeting", "--meeting", "meeting"), _f("note", "--note")),
    "goal": (_f("id", "--id", "slug", required=True), _f("statement", "--statement", required=True),
             _f("aligned_to", "--aligned-to"), _f("data", "--data", "words", "source"), _f("measure", "--measure"),
             _f("baseline", "--baseline"), _f("target", "--target")),
    "progress note": (_f("date", "--date", "date", required=True, past=True), _f("note", "--note", required=True)),
    "public report": (_f("date", "--date", "date", required=True, past=True), _f("title", "--title", required=True),
                      _f("format", "--format", "word", "format"), _f("audience", "--audience"), _f("link", "--link"),
                      EVIDENCE),
    "quarterly report": (_f("period", "--period", "period", required=True), _f("due", "--due", "date"),
                         _f("submitted", "--submitted", "date", past=True), EVIDENCE),
    "Continuation Plan": (_f("school_year", "--school-year", "year"), _f("submitted", "--submitted", "date", past=True),
                          EVIDENCE),
    "signature": (_f("signed_by", "--member", "member", required=True),
                  _f("signed_on", "--date", "date", required=True, past=True)),
}
ORDER = {"quarterly report": ("period", "due", "submitted", "signed_by", "signed_on", "evidence"),
         "Continuation Plan": ("school_year", "submitted", "signed_by", "signed_on", "evidence"),
         "goal": ("id", "statement", "aligned_to", "data", "measure", "baseline", "target", "progress"),
         "election": ("id", "date", "title", "notice_given", "seats", "voters", "candidates", "evidence")}


@dataclass
class Entry:
    number: int
    kind: str
    parent: Any  # the list or mapping that holds it
    key: Any  # its index or key there
    node: Any  # the entry's mapping
    year: str = ""  # goals.yaml's school year, or the nominations window's
    goal: str = ""  # a progress note's goal

    def get(self, key: str):
        value = self.node.get(key) if hasattr(self.node, "get") else None
        return value

    def what(self) -> str:
        """The entry in words, for messages: "flyer communication of 2025-08-04"."""
        day = _text(self.get("date"))
        kind = self.kind
        if kind == "communication":
            return f"{_text(self.get('channel')).replace('-', ' ')} communication of {day}"
        if kind == "information session":
            return f"information session of {day}"
        if kind == "nominations":
            return "nominations window" + (f" for {self.year}" if self.year else "")
        if kind == "election":
            return f"election {_text(self.get('id'))} of {day}"
        if kind == "data review":
            return f"review of the {_text(self.get('source')).replace('-', ' ')}" + (f" of {day}" if day else f" for {self.year}")
        if kind == "goal":
            return f"goal {_text(self.get('id'))} for {self.year}"
        if kind == "progress note":
            return f"progress note of {day} on the goal {self.goal}"
        if kind == "public report":
            return f"public report of {day}"
        if kind == "quarterly report":
            return f"{_text(self.get('period'))} quarterly report"
        if kind == "Continuation Plan":
            return "Continuation Plan"
        where = f"the {_text(self.get('period'))} quarterly report" if "period" in self.node else "the Continuation Plan"
        return f"signature on {where}"

    def summary(self) -> str:
        """The rest of the entry on one line, for `list`."""
        get = lambda key: _text(self.get(key))  # noqa: E731
        kind = self.kind
        if kind == "communication":
            parts = [get("date"), get("channel"), get("purpose"), get("description") or get("audience")]
        elif kind == "information session":
            times = "-".join(t for t in (get("start"), get("end")) if t)
            parts = [get("date"), times, get("location"), f"{get('attendees')} came" if get("attendees") else ""]
        elif kind == "nominations":
            parts = [self.year, f"opened {get('opened')}" if get("opened") else "",
                     f"closed {get('closed')}" if get("closed") else "", get("methods"),
                     f"{get('received')} received" if get("received") else ""]
        elif kind == "election":
            count = len(self.get("candidates") or [])
            parts = [get("date"), get("id"), f"{count} candidate{'s' if count != 1 else ''}", get("title")]
        elif kind == "data review":
            parts = [self.year, get("date"), get("source"), get("note")]
        elif kind == "goal":
            parts = [self.year, get("id"), get("statement")]
        elif kind == "progress note":
            parts = [self.year, self.goal, get("date"), get("note")]
        elif kind == "public report":
            parts = [get("date"), get("format"), get("title")]
        elif kind == "quarterly report":
            parts = [get("period"), f"due {get('due')}" if get("due") else "",
                     f"submitted {get('submitted')}" if get("submitted") else "not submitted"]
        elif kind == "Continuation Plan":
            parts = [get("school_year"), f"submitted {get('submitted')}" if get("submitted") else "not submitted"]
        else:
            parts = [get("period") or "Continuation Plan", f"signed by {get('signed_by')} on {get('signed_on')}"]
        line = "  ".join(p for p in parts if p)
        return line if len(line) <= 90 else line[:89] + "…"


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    return str(value).strip()


def _items(node):
    return list(enumerate(node)) if isinstance(node, list) else []


def entries(file: str, doc) -> list[Entry]:
    """Every entry of the file, numbered from 1 in file order."""
    found: list[tuple] = []
    if not hasattr(doc, "get"):
        return []
    if file == "outreach.yaml":
        for key, kind in (("communications", "communication"), ("info_sessions", "information session")):
            node = doc.get(key)
            found += [(kind, node, i, item, "", "") for i, item in _items(node)]
        nominations = doc.get("nominations")
        if hasattr(nominations, "get"):
            by_year = nominations and all(str(k)[:4].isdigit() for k in nominations)
            if by_year:
                found += [("nominations", nominations, y, window, str(y), "") for y, window in nominations.items()]
            else:
                found.append(("nominations", doc, "nominations", nominations, "", ""))
        node = doc.get("elections")
        found += [("election", node, i, item, "", "") for i, item in _items(node)]
    elif file == "goals.yaml":
        years = doc.get("years")
        for year, section in (years.items() if hasattr(years, "items") else []):
            if not hasattr(section, "get"):
                continue
            node = section.get("data_reviewed")
            found += [("data review", node, i, item, str(year), "") for i, item in _items(node)]
            goals = section.get("goals")
            for i, goal in _items(goals):
                found.append(("goal", goals, i, goal, str(year), ""))
                notes = goal.get("progress") if hasattr(goal, "get") else None
                found += [("progress note", notes, j, note, str(year), _text(goal.get("id"))) for j, note in _items(notes)]
    else:
        node = doc.get("public_reports")
        found += [("public report", node, i, item, "", "") for i, item in _items(node)]
        node = doc.get("quarterly_reports")
        for i, item in _items(node):
            found.append(("quarterly report", node, i, item, "", ""))
            if hasattr(item, "get") and item.get("signed_by"):
                found.append(("signature", item, None, item, "", ""))
        plan = doc.get("continuation_plan")
        if hasattr(plan, "get"):
            found.append(("Continuation Plan", doc, "continuation_plan", plan, "", ""))
            if plan.get("signed_by"):
                found.append(("signature", plan, None, plan, "", ""))
    return [Entry(n, kind, parent, key, node, year, goal)
            for n, (kind, parent, key, node, year, goal) in enumerate(found, 1) if hasattr(node, "get")]


# --- list -------------------------------------------------------------------------------------

def list_entries(root: Path, family: str) -> list[Entry]:
    from cecli.loader import find_root
    from cecli.store import yamlrt

    file = FILES[family]
    path = find_root(Path(root)) / file
    if not path.is_file():
        return []
    try:
        doc = yamlrt.load_text(path.read_text(encoding="utf-8-sig"), file)
    except Exception as err:  # a file that does not parse: `cec check` says where
        raise InvalidInput(f"{file} cannot be read ({type(err).__name__}), so its entries cannot be listed.",
                           "Run `cec check` to see what is wrong with it.") from None
    return entries(file, doc)


# --- edit and remove --------------------------------------------------------------------------

def _pick(tx, family: str, number: int) -> tuple[str, Any, Entry]:
    file = FILES[family]
    check.intact(tx.council, tx.findings, file)
    if not tx.exists(file):
        raise InvalidInput(f"There is no {file}, so there is no entry {number}.", "Nothing was written.")
    doc = tx.edit(file)
    found = entries(file, doc)
    if not 1 <= number <= len(found):
        raise InvalidInput(f"{file} has no entry {number}" + (f" (it has 1 to {len(found)})." if found else " (it has none)."),
                           f"See the numbers with `cec {family} list`. Nothing was written.")
    return file, doc, found[number - 1]


def _reason(reason: str | None) -> str:
    text = (reason or "").strip().rstrip(".")
    return f" ({text})" if text else ""


def remove_entry(root: Path, family: str, number: int, reason: str | None, author: str | None = None) -> Written:
    from cecli.store import change

    if not reason or not reason.strip():
        raise InvalidInput("Say why the entry is removed with --reason; it goes into the audit trail.",
                           'For example: --reason "Entered twice." Nothing was written.')
    with change(root, "Remove an entry.", author) as tx:
        file, _doc, entry = _pick(tx, family, number)
        what = entry.what()
        extra = ""
        if entry.kind == "signature":
            del entry.node["signed_by"]
            if "signed_on" in entry.node:
                del entry.node["signed_on"]
        elif isinstance(entry.parent, list):
            if entry.kind == "goal" and entry.get("progress"):
                count = len(entry.get("progress"))
                extra = f" and its {count} progress note{'s' if count != 1 else ''}"
            if entry.kind == "election" and entry.get("candidates"):
                count = len(entry.get("candidates"))
                extra = f" and its {count} candidate{'s' if count != 1 else ''}"
            del entry.parent[entry.key]
        else:
            del entry.parent[entry.key]
        tx.message = f"Remove the {what}{extra} from {file}{_reason(reason)}."
    return Written([file], tx.message, f"Removed the {what}{extra} from {file} (entry {number}).",
                   problems=tx.problems)


def edit_entry(root: Path, family: str, number: int, given: dict[str, Any], reason: str | None = None,
               author: str | None = None) -> Written:
    """`given`: option -> value as typed (only the options given; "" clears an optional field)."""
    from cecli.store import change, put

    given = {option: value for option, value in given.items() if value is not None and value != []}
    if not given:
        raise InvalidInput("There is nothing to change.", f"Give the new values, such as --date; see `cec {family} edit --help`. "
                           "Nothing was written.")
    with change(root, "Correct an entry.", author) as tx:
        file, _doc, entry = _pick(tx, family, number)
        fields = {f.option: f for f in KINDS[entry.kind]}
        wrong = [option for option in given if option not in fields]
        if wrong:
            raise InvalidInput(f"{list_words(wrong)} {'does' if len(wrong) == 1 else 'do'} not apply to the {entry.what()} "
                               f"(entry {number}, a {entry.kind}).",
                               f"A {entry.kind} takes {list_words(list(fields))}. Nothing was written.")
        what = entry.what()
        values = {}
        for field in KINDS[entry.kind]:  # in the entry's own order, so the message reads the same every time
            if field.option in given:
                values[field.key] = _convert(tx, entry, field, given[field.option])
        _cross_checks(tx, entry, values)
        order = ORDER.get(entry.kind, tuple(f.key for f in KINDS[entry.kind]))
        changed = []
        for key, value in values.items():
            if key == "evidence" and value is not None:
                listed = list(entry.get("evidence") or [])
                value = listed + [v for v in value if v not in listed]
            if _text(entry.get(key)) != _text(value):
                changed.append(key.replace("_", " ").replace("signed by", "signer").replace("signed on", "signing date"))
            put(entry.node, key, value, order)
        if not changed:
            raise InvalidInput(f"The {what} already has those values.", "Nothing was written.")
        tx.message = f"Correct the {list_words(changed)} of the {what} in {file}{_reason(reason)}."
    return Written(list(tx.result[1]) if tx.result else [file], tx.message,
                   f"Corrected the {list_words(changed)} of the {what} in {file} (entry {number}).", problems=tx.problems)


def _convert(tx, entry: Entry, field: Field, raw):
    council = tx.council
    if isinstance(raw, str) and not raw.strip() or raw == [""]:
        if field.required:
            raise InvalidInput(f"A {entry.kind} needs {field.option}; it cannot be cleared.", "Nothing was written.")
        return None
    kind = field.kind
    if kind == "date":
        day = check.day(raw, field.option)
        if field.past:
            check.not_future(day, field.option, f"the {entry.kind}")
        return day
    if kind == "time":
        return check.hhmm(check.clock(raw, field.option))
    if kind == "count":
        try:
            number = int(raw)
        except (TypeError, ValueError):
            raise InvalidInput(f"{field.option} `{raw}` is not a whole number.", "Nothing was written.") from None
        return check.count(number, field.option)
    if kind == "word":
        return check.word(council, field.vocabulary, str(raw).strip(), field.option)
    if kind == "words":
        words = check.id_list(raw)
        for word in words:
            check.word(council, field.vocabulary, word, field.option)
        return words or None
    if kind == "meeting":
        return check.meeting_id(council, str(raw).strip(), field.option, tx.findings)
    if kind == "member":
        return check.member(council, str(raw).strip(), field.option).id
    if kind == "slug":
        return check.slug(str(raw).strip(), field.option)
    if kind == "year":
        return check.quoted(check.school_year(str(raw), field.option))
    if kind == "period":
        from cecli.records.signing import _PERIOD

        text = str(raw).strip()
        match = _PERIOD.match(text)
        if not match or (int(match[1]) + 1) % 100 != int(match[2]):
            raise InvalidInput(f'{field.option} `{text}` is not a quarter written like "2025-26 Q2".', "Nothing was written.")
        return text
    if kind == "evidence":
        out = []
        for value in ([raw] if isinstance(raw, str) else raw):
            rel, data = check.evidence(tx.root, value)
            tx.write_bytes(rel, data)
            out.append(rel)
        return out
    return str(raw).strip()


def _cross_checks(tx, entry: Entry, values: dict) -> None:
    """The checks adding makes between fields, on the entry as it would be."""
    after = {**{k: entry.get(k) for k in entry.node}, **values}
    kind = entry.kind
    if kind == "information session":
        start, end = after.get("start"), after.get("end")
        if start and end:
            check.in_order(check.clock(str(start), "--start"), check.clock(str(end), "--end"))
    elif kind == "nominations":
        if after.get("opened") and after.get("closed") and after["closed"] < after["opened"]:
            raise InvalidInput(f"--closed {after['closed']} is before --opened {after['opened']}.", "Nothing was written.")
    elif kind == "election":
        if after.get("notice_given") and after["notice_given"] > after["date"]:
            raise InvalidInput(f"--notice-given {after['notice_given']} is after the election ({after['date']}).",
                               "Nothing was written.")
        if "id" in values and any(e is not entry.node and e.get("id") == values["id"] for e in entry.parent):
            raise InvalidInput(f"There is already an election with the id `{values['id']}`.", "Choose another id. Nothing was written.")
    elif kind == "goal":
        if "id" in values and any(g is not entry.node and g.get("id") == values["id"] for g in entry.parent):
            raise InvalidInput(f"{entry.year} already has a goal with the id `{values['id']}`.",
                               "Choose another --id. Nothing was written.")
    elif kind == "signature":
        from cecli.records.signing import _signer

        _signer(tx.council, str(after["signed_by"]), after["signed_on"])
