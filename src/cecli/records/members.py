"""Members: add, update, end a term and list them (a district's roster CSV: records/roster_csv.py).

Members are never deleted: `end_member` sets `end_date`, so the council's make-up can be checked for
any past date. Officer roles are kept on a member whose term has ended: they record what the person
held while they served (rules look only at members active on a date, so a former chair is not
counted as the chair). Every change is checked against the roster as it is when the change runs
(under the store's lock), so two people adding members at once cannot pick the same id.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from cecli.errors import InvalidInput
from cecli.records import _checks as check

ORDER = ("id", "name", "category", "roles", "organization", "email", "phone", "start_date", "end_date",
         "selected_by", "district_employee", "building_admin", "public_name", "note")
FLAGS = ("district_employee", "building_admin", "public_name")
DATE_FIELDS = ("start_date", "end_date")
TEXT_FIELDS = ("name", "organization", "email", "phone", "note")


@dataclass
class Result:
    member_id: str
    message: str
    sha: str | None
    paths: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)  # what the user should know, such as a date assumed
    problems: list = field(default_factory=list)  # what the change left (the store's tx.problems)


# --- checking values ---------------------------------------------------------------------------

def plain_name(name: str) -> str:
    """A name without case or accents, to tell whether two names are the same ("José" and "jose")."""
    ascii_name = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    return " ".join(ascii_name.casefold().split())


def slug_of(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "member"


def new_id(name: str, taken: set[str]) -> str:
    base = slug_of(name)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def clean(council, values: dict, existing: dict | None = None, options: bool = True) -> dict:
    """Check the given fields (option name -> value) and return them as the file holds them.

    `options=False` leaves the option's name out of messages (a CSV import names the column itself).
    """
    out: dict = {}
    for key, value in values.items():
        option = "--" + key.replace("_date", "").replace("_", "-") if key in DATE_FIELDS else "--" + key.replace("_", "-")
        option = option if options else ""
        if value is None:
            continue
        if key == "id":
            out[key] = check.slug(value, "--id")
        elif key == "category":
            out[key] = check.word(council, "category", value, "--category", loose=True)
        elif key == "roles":
            out[key] = [check.word(council, "role", role, option and "--role", loose=True) for role in value if role]
        elif key == "selected_by":
            out[key] = check.word(council, "selected_by", value, "--selected-by", loose=True)
        elif key in DATE_FIELDS:
            out[key] = check.day(value, option, us_format=True)
        elif key in FLAGS:
            out[key] = bool(value)
        elif key in TEXT_FIELDS:
            text = str(value).strip()
            if key == "name" and not text:
                raise InvalidInput(f"{option or 'The name'} cannot be empty.", "Nothing was written.")
            if key == "email" and text:
                text = valid_email(text, option)
            if text:
                out[key] = text
        else:
            raise InvalidInput(f"`{key}` is not a member field.", f"Fields: {', '.join(ORDER)}.")
    start = out.get("start_date", (existing or {}).get("start_date"))
    end = out.get("end_date", (existing or {}).get("end_date"))
    start, end = check.day(start, "start_date", us_format=True), check.day(end, "end_date", us_format=True)
    if start and end and end < start:
        raise InvalidInput(f"The end date {end} is before the start date {start}.",
                           "Check --start and --end. Nothing was written.")
    return out


def valid_email(text: str | None, option: str = "--email") -> str | None:
    """An email address checked by email-validator (its form only: nothing is looked up on the
    network), as written; an InvalidInput naming the option (or CSV row and column) and the address."""
    if text is None or not str(text).strip():
        return None
    text = str(text).strip()
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError as err:
        reason = str(err).rstrip(".")
        raise InvalidInput(f"{option} `{text}` is not an email address: {reason[0].lower() + reason[1:]}.".strip(),
                           "Write it like ann.lee@example.org. Nothing was written.") from None
    return text


def find_member(council, doc, member_id: str):
    """The roster entry (round-trip mapping) with this id, or an InvalidInput with a suggestion."""
    check.member(council, member_id)
    return entry_of(doc, member_id)


def entry_of(doc, member_id: str):
    """The roster entry (round-trip mapping) of a member known to be on the roster."""
    return next(e for e in doc["members"] if isinstance(e, dict) and e.get("id") == member_id)


def _roster(tx):
    if tx.council is None or tx.council.profile is None:
        raise InvalidInput("The council's profile could not be read, so members cannot be checked.",
                           "Run `cec check` and fix council.yaml first.")
    check.intact(tx.council, tx.findings, "roster.yaml")
    doc = tx.edit("roster.yaml", default={"members": []})
    if doc.get("members") is None:
        doc["members"] = []
    return doc


def _entry(values: dict) -> dict:
    return {key: values[key] for key in ORDER if key in values and values[key] not in (None, [], "")}


# --- changes -----------------------------------------------------------------------------------

def add_member(root: Path, values: dict, author: str | None = None, same_name_ok: bool = False,
               today: dt.date | None = None) -> Result:
    """Add one member. `values`: name, category (required), and any of ORDER's fields.

    Without a start date the member joins today: a member with no start date would count as serving
    at every past meeting. A name already on the roster is refused unless `same_name_ok`.
    """
    from cecli.store import change

    name = (values.get("name") or "").strip()
    if not name:
        raise InvalidInput("A member needs a name (--name).", "Nothing was written.")
    if not values.get("category"):
        raise InvalidInput("A member needs a category (--category).",
                           "See roster.yaml's comments or `cec rules` for the profile's categories.")
    message = f"Add member {name}."
    with change(root, message, author) as tx:
        doc = _roster(tx)
        checked = clean(tx.council, values)
        if not same_name_ok:
            _refuse_same_name(doc, name)
        notes = []
        if checked.get("start_date") is None:
            checked["start_date"] = today or dt.date.today()
            notes.append(f"{name} joins from {checked['start_date'].isoformat()}; use --start to give another date.")
        taken = {e.get("id") for e in doc["members"] if isinstance(e, dict)}
        if checked.get("id"):
            if checked["id"] in taken:
                raise InvalidInput(f"Another member already has the id `{checked['id']}`.",
                                   "Give a different --id (or leave it out to have one made). Nothing was written.")
        else:
            checked["id"] = new_id(name, taken)
        doc["members"].append(_entry(checked))
    sha, paths = tx.result
    return Result(checked["id"], message, sha, paths, notes, tx.problems)


def _refuse_same_name(doc, name: str) -> None:
    same = [e for e in doc["members"] if isinstance(e, dict) and plain_name(e.get("name", "")) == plain_name(name)]
    if same:
        ids = ", ".join(f"`{e.get('id')}`" for e in same)
        raise InvalidInput(f"A member named {same[0].get('name')} is already on the roster: {ids}.",
                           f"If it is the same person, change their entry with `cec member update {same[0].get('id')}`; "
                           "if it is another person with the same name, add --same-name-ok. Nothing was written.")


def update_member(root: Path, member_id: str, values: dict, clear: list[str] = (),
                  author: str | None = None) -> Result:
    """Change the given fields of one member; `clear` names fields to remove."""
    from cecli.store import change, put

    if "id" in values and values["id"] not in (None, member_id):
        raise InvalidInput("A member's id cannot be changed: other records refer to it.",
                           "Change the name instead (--name). Nothing was written.")
    values = {k: v for k, v in values.items() if k != "id" and v is not None}
    for key in clear:
        if key not in ORDER or key in ("id", "name", "category"):
            raise InvalidInput(f"--clear `{key}` is not a field that can be removed.",
                               f"Fields that can be removed: {', '.join(k for k in ORDER[3:])}.")
    if not values and not clear:
        raise InvalidInput("Nothing to change: give the fields to change, such as --email or --role.")
    with change(root, "Update member.", author) as tx:
        doc = _roster(tx)
        entry = find_member(tx.council, doc, member_id)
        checked = clean(tx.council, values, existing={k: entry.get(k) for k in DATE_FIELDS
                                                      if k not in clear})
        for key, value in checked.items():
            put(entry, key, value, ORDER)
        for key in clear:
            put(entry, key, None, ORDER)
        fields = list(checked) + list(clear)
        tx.message = f"Update member {entry.get('name', member_id)} ({', '.join(f.replace('_', ' ') for f in fields)})."
    sha, paths = tx.result
    return Result(member_id, tx.message, sha, paths, problems=tx.problems)


def end_member(root: Path, member_id: str, day: str | dt.date, author: str | None = None) -> Result:
    """End a member's term on `day` (the last day they serve). Their roles are kept as history, ended
    the same day."""
    from cecli.store import change, put

    end = check.day(day, "--date", us_format=True)
    if end is None:
        raise InvalidInput("Give the last day of the member's term with --date YYYY-MM-DD.")
    with change(root, "End membership.", author) as tx:
        doc = _roster(tx)
        entry = find_member(tx.council, doc, member_id)
        if entry.get("end_date"):
            raise InvalidInput(f"{entry.get('name', member_id)}'s term already ended on {entry['end_date']}.",
                               f"To correct it: cec member update {member_id} --end YYYY-MM-DD. Nothing was written.")
        start = check.day(entry.get("start_date"), "start_date", us_format=True)
        if start and end < start:
            raise InvalidInput(f"The end date {end} is before {entry.get('name', member_id)}'s start date {start}.",
                               "Nothing was written.")
        put(entry, "end_date", end, ORDER)
        ended = end_roles(entry, end)
        tx.message = f"End {entry.get('name', member_id)}'s membership on {end.isoformat()}" + (
            f" (and the {check.list_words(ended)} role{'s' if len(ended) > 1 else ''})." if ended else ".")
    sha, paths = tx.result
    return Result(member_id, tx.message, sha, paths, problems=tx.problems)


def end_roles(entry, end: dt.date) -> list[str]:
    """End, on the member's last day, every role of a roster entry still open then (a short `chair`
    becomes `{role: chair, end_date: ...}` in place). Returns the roles ended."""
    from cecli.store import put
    from cecli.store.yamlrt import to_yaml

    roles = entry.get("roles")
    if not roles:
        return []
    ended = []
    for index, role in enumerate(list(roles)):
        if isinstance(role, dict):
            last = check.day(role.get("end_date"), "end_date", us_format=True) if role.get("end_date") else None
            if last is None or last > end:
                put(role, "end_date", _fresh(end), ("role", "start_date", "end_date"))
                ended.append(str(role.get("role")))
        elif isinstance(role, str):
            if hasattr(roles, "fa") and roles.fa.flow_style():
                roles.fa.set_block_style()
            roles[index] = to_yaml({"role": role, "end_date": _fresh(end)}, set())
            ended.append(role)
    return ended


def _fresh(day: dt.date) -> dt.date:
    """A date object of its own: ruamel writes one object used twice in a file as an anchor and alias."""
    return dt.date(day.year, day.month, day.day)


# --- reading -----------------------------------------------------------------------------------

@dataclass
class Row:
    id: str
    name: str
    category: str
    roles: list[str]
    start_date: dt.date | None
    end_date: dt.date | None
    active: bool
    extra: dict = field(default_factory=dict)

    @property
    def term(self) -> str:
        start = self.start_date.isoformat() if self.start_date else "?"
        return f"{start} to {self.end_date.isoformat()}" if self.end_date else f"since {start}"

    def as_dict(self) -> dict:
        data = {"id": self.id, "name": self.name, "category": self.category, "roles": self.roles,
                "start_date": self.start_date.isoformat() if self.start_date else None,
                "end_date": self.end_date.isoformat() if self.end_date else None, "active": self.active}
        data.update(self.extra)
        return data


def list_members(root: Path, as_of: dt.date | None = None, everyone: bool = False) -> list[Row]:
    from cecli.loader import load_council

    council, findings = load_council(Path(root))
    check.intact(council, findings, "roster.yaml")
    day = as_of or dt.date.today()
    rows = []
    for member in council.members:
        active = member.active_on(day)
        if not everyone and not active:
            continue
        extra = {k: getattr(member, k) for k in ("organization", "email", "phone", "selected_by")
                 if getattr(member, k) is not None}
        rows.append(Row(member.id, member.name, member.category, member.roles_on(min(day, member.end_date) if member.end_date else day), member.start_date,
                        member.end_date, active, extra))
    return rows
