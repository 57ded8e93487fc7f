"""Members: add, update, end a term, list, and import a district's roster CSV.

Members are never deleted: `end_member` sets `end_date`, so the council's make-up can be checked for
any past date. Officer roles are kept on a member whose term has ended: they record what the person
held while they served (rules look only at members active on a date, so a former chair is not
counted as the chair). Every change is checked against the roster as it is when the change runs
(under the store's lock), so two people adding members at once cannot pick the same id.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from cecli.errors import InvalidInput

ORDER = ("id", "name", "category", "roles", "organization", "email", "phone", "start_date", "end_date",
         "selected_by", "district_employee", "building_admin", "public_name", "note")
FLAGS = ("district_employee", "building_admin", "public_name")
DATE_FIELDS = ("start_date", "end_date")
TEXT_FIELDS = ("name", "organization", "email", "phone", "note")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\Z")
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


@dataclass
class Result:
    member_id: str
    message: str
    sha: str | None
    paths: tuple[str, ...] = ()


# --- checking values ---------------------------------------------------------------------------

def did_you_mean(word: str, options) -> str:
    close = difflib.get_close_matches(str(word), sorted(options), n=1, cutoff=0.6)
    return f"Did you mean `{close[0]}`?" if close else ""


def parse_date(value, option: str) -> dt.date | None:
    """YYYY-MM-DD (or M/D/YYYY, as spreadsheets write dates); None for nothing."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    us = _US_DATE.match(text)
    try:
        if us:
            return dt.date(int(us[3]), int(us[1]), int(us[2]))
        if _DATE.match(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{option} `{text}` is not a real date (check the day and month).",
                           "Nothing was written.") from None
    raise InvalidInput(f"{option} `{text}` is not a date written as YYYY-MM-DD.",
                       "Write dates like 2025-10-14. Nothing was written.")


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


def vocabulary_word(council, vocabulary: str, value: str, option: str) -> str:
    words = council.profile.vocabularies.get(vocabulary, ()) if council.profile else ()
    if words and value not in words:
        normal = re.sub(r"[\s_]+", "-", value.strip().lower())
        if normal in words:
            return normal
        what = {"category": "member category", "role": "officer role", "selected_by": "way of selecting members"}
        hint = did_you_mean(normal, words) or f"Use one of: {', '.join(words)}."
        raise InvalidInput(f"{option} `{value}` is not a {what.get(vocabulary, vocabulary)} the "
                           f"{council.profile.name} profile knows.", f"{hint} Nothing was written.")
    return value


def clean(council, values: dict, existing: dict | None = None) -> dict:
    """Check the given fields (option name -> value) and return them as the file holds them."""
    out: dict = {}
    for key, value in values.items():
        option = "--" + key.replace("_date", "").replace("_", "-") if key in DATE_FIELDS else "--" + key.replace("_", "-")
        if value is None:
            continue
        if key == "id":
            if not _SLUG.match(value):
                raise InvalidInput(f"--id `{value}` is not a usable id.",
                                   "Use lowercase letters, digits and dashes, such as `maria-lopez`. Nothing was written.")
            out[key] = value
        elif key == "category":
            out[key] = vocabulary_word(council, "category", value, "--category")
        elif key == "roles":
            out[key] = [vocabulary_word(council, "role", role, "--role") for role in value if role]
        elif key == "selected_by":
            out[key] = vocabulary_word(council, "selected_by", value, "--selected-by")
        elif key in DATE_FIELDS:
            out[key] = parse_date(value, option)
        elif key in FLAGS:
            out[key] = bool(value)
        elif key in TEXT_FIELDS:
            text = str(value).strip()
            if key == "name" and not text:
                raise InvalidInput("--name cannot be empty.", "Nothing was written.")
            if key == "email" and text and "@" not in text:
                raise InvalidInput(f"--email `{text}` is not an email address.", "Nothing was written.")
            if text:
                out[key] = text
        else:
            raise InvalidInput(f"`{key}` is not a member field.", f"Fields: {', '.join(ORDER)}.")
    start = out.get("start_date", (existing or {}).get("start_date"))
    end = out.get("end_date", (existing or {}).get("end_date"))
    start, end = parse_date(start, "start_date"), parse_date(end, "end_date")
    if start and end and end < start:
        raise InvalidInput(f"The end date {end} is before the start date {start}.",
                           "Check --start and --end. Nothing was written.")
    return out


def find_member(council, doc, member_id: str):
    """The roster entry (round-trip mapping) with this id, or an InvalidInput with a suggestion."""
    for entry in doc.get("members") or []:
        if isinstance(entry, dict) and entry.get("id") == member_id:
            return entry
    ids = [e.get("id") for e in doc.get("members") or [] if isinstance(e, dict) and e.get("id")]
    hint = did_you_mean(member_id, ids) or "See `cec member list --all` for the ids."
    raise InvalidInput(f"No member has the id `{member_id}`.", f"{hint} Nothing was written.")


def _roster(tx):
    if tx.council is None or tx.council.profile is None:
        raise InvalidInput("The council's profile could not be read, so members cannot be checked.",
                           "Run `cec check` and fix council.yaml first.")
    doc = tx.edit("roster.yaml", default={"members": []})
    if doc.get("members") is None:
        doc["members"] = []
    return doc


def _entry(values: dict) -> dict:
    return {key: values[key] for key in ORDER if key in values and values[key] not in (None, [], "")}


# --- changes -----------------------------------------------------------------------------------

def add_member(root: Path, values: dict, author: str | None = None) -> Result:
    """Add one member. `values`: name, category (required), and any of ORDER's fields."""
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
        taken = {e.get("id") for e in doc["members"] if isinstance(e, dict)}
        if checked.get("id"):
            if checked["id"] in taken:
                raise InvalidInput(f"Another member already has the id `{checked['id']}`.",
                                   "Give a different --id (or leave it out to have one made). Nothing was written.")
        else:
            checked["id"] = new_id(name, taken)
        doc["members"].append(_entry(checked))
    sha, paths = tx.result
    return Result(checked["id"], message, sha, paths)


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
    return Result(member_id, tx.message, sha, paths)


def end_member(root: Path, member_id: str, day: str | dt.date, author: str | None = None) -> Result:
    """End a member's term on `day` (the last day they serve). Roles are kept as history."""
    from cecli.store import change, put

    end = parse_date(day, "--date")
    if end is None:
        raise InvalidInput("Give the last day of the member's term with --date YYYY-MM-DD.")
    with change(root, "End membership.", author) as tx:
        doc = _roster(tx)
        entry = find_member(tx.council, doc, member_id)
        if entry.get("end_date"):
            raise InvalidInput(f"{entry.get('name', member_id)}'s term already ended on {entry['end_date']}.",
                               f"To correct it: cec member update {member_id} --end YYYY-MM-DD. Nothing was written.")
        start = parse_date(entry.get("start_date"), "start_date")
        if start and end < start:
            raise InvalidInput(f"The end date {end} is before {entry.get('name', member_id)}'s start date {start}.",
                               "Nothing was written.")
        put(entry, "end_date", end, ORDER)
        tx.message = f"End {entry.get('name', member_id)}'s membership on {end.isoformat()}."
    sha, paths = tx.result
    return Result(member_id, tx.message, sha, paths)


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

    council, _ = load_council(Path(root))
    day = as_of or dt.date.today()
    rows = []
    for member in council.members:
        active = member.active_on(day)
        if not everyone and not active:
            continue
        extra = {k: getattr(member, k) for k in ("organization", "email", "phone", "selected_by")
                 if getattr(member, k) is not None}
        rows.append(Row(member.id, member.name, member.category, list(member.roles), member.start_date,
                        member.end_date, active, extra))
    return rows


# --- importing a roster CSV --------------------------------------------------------------------

# normalised header (lowercase letters and digits only) -> member field
HEADERS = {
    "id": "id", "memberid": "id",
    "name": "name", "fullname": "name", "membername": "name", "member": "name",
    "firstname": "first_name", "first": "first_name", "lastname": "last_name", "last": "last_name",
    "surname": "last_name",
    "email": "email", "emailaddress": "email", "email1": "email",
    "phone": "phone", "phonenumber": "phone", "telephone": "phone", "cell": "phone", "cellphone": "phone",
    "mobile": "phone",
    "category": "category", "representing": "category", "represents": "category",
    "constituency": "category", "stakeholdergroup": "category", "group": "category", "membertype": "category",
    "role": "roles", "roles": "roles", "office": "roles", "officerrole": "roles", "position": "roles",
    "startdate": "start_date", "start": "start_date", "termstart": "start_date", "datejoined": "start_date",
    "joined": "start_date",
    "enddate": "end_date", "end": "end_date", "termend": "end_date",
    "selectedby": "selected_by", "howselected": "selected_by", "selection": "selected_by",
    "selectionmethod": "selected_by",
    "organization": "organization", "organisation": "organization", "employer": "organization",
    "affiliation": "organization",
    "note": "note", "notes": "note", "comments": "note",
}
NOT_AN_OFFICE = {"", "member", "none", "n/a", "na", "-"}


@dataclass
class CsvRow:
    number: int  # the spreadsheet's row number (the header is row 1)
    values: dict  # member field -> checked value
    columns: dict  # member field -> the CSV column it came from


@dataclass
class ImportPlan:
    source: str
    added: list[dict] = field(default_factory=list)  # entries to append
    changed: list[tuple[str, str, dict]] = field(default_factory=list)  # (id, name, field -> new value)
    unchanged: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.added and not self.changed

    def message(self) -> str:
        parts = []
        if self.added:
            parts.append(f"{len(self.added)} added")
        if self.changed:
            parts.append(f"{len(self.changed)} updated")
        total = len(self.added) + len(self.changed)
        return f"Import {total} member{'s' if total != 1 else ''} from {self.source} ({', '.join(parts)})."

    def signature(self) -> tuple:
        return (tuple((e["id"], tuple(sorted(e))) for e in self.added),
                tuple((i, tuple(sorted(c))) for i, _, c in self.changed))


def _norm(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


def read_csv(path: Path, council) -> tuple[list[CsvRow], list[str]]:
    """Read and check every row. Returns (rows, ignored column names); refuses with every problem found."""
    import csv

    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InvalidInput(f"{path} could not be read ({err.strerror}).", "Nothing was written.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", "replace")  # spreadsheets saved on Windows
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(text.splitlines(), dialect)
    try:
        header = next(reader)
    except StopIteration:
        raise InvalidInput(f"{path.name} is empty.", "Nothing was written.") from None
    columns: dict[str, int] = {}
    names: dict[str, str] = {}
    ignored = []
    for index, title in enumerate(header):
        key = HEADERS.get(_norm(title))
        if key and key not in columns:
            columns[key], names[key] = index, title.strip()
        elif title.strip():
            ignored.append(title.strip())
    if "name" not in columns and not ("first_name" in columns and "last_name" in columns):
        raise InvalidInput(
            f"{path.name} has no column of member names (its columns: {', '.join(h for h in header if h)}).",
            'Name a column "Name" or "Full Name" (or "First Name" and "Last Name"). Nothing was written.')
    if "category" not in columns:
        raise InvalidInput(f"{path.name} has no column saying which part of the community each member represents.",
                           'Name it "Category" or "Representing". Nothing was written.')
    problems: list[str] = []
    rows: list[CsvRow] = []
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        get = {key: (cells[i].strip() if i < len(cells) else "") for key, i in columns.items()}
        if "name" not in get or not get["name"]:
            get["name"] = " ".join(p for p in (get.get("first_name", ""), get.get("last_name", "")) if p)
        values: dict = {}
        used: dict = {}
        for key, cell in get.items():
            if key in ("first_name", "last_name") or not cell:
                continue
            column = names.get(key, "Name")
            try:
                if key == "roles":
                    words = [w.strip() for w in re.split(r"[;,/]", cell)]
                    values["roles"] = clean(council, {"roles": [w for w in words if w.lower() not in NOT_AN_OFFICE]})["roles"]
                else:
                    values.update(clean(council, {key: cell}))
            except InvalidInput as err:
                problems.append(f"row {number}, column \"{column}\": {err.message}"
                                + (f" {err.hint.replace(' Nothing was written.', '')}" if err.hint else ""))
                continue
            used[key] = column
        if not values.get("name"):
            problems.append(f"row {number}: no name is given.")
        if not get.get("category"):
            problems.append(f"row {number}, column \"{names['category']}\": no category is given.")
        try:
            clean(council, {}, existing={k: values.get(k) for k in DATE_FIELDS})
        except InvalidInput as err:
            problems.append(f"row {number}: {err.message}")
        rows.append(CsvRow(number, values, used))
    if problems:
        shown = problems[:20] + ([f"... and {len(problems) - 20} more."] if len(problems) > 20 else [])
        raise InvalidInput(f"{path.name} cannot be imported:\n  " + "\n  ".join(shown),
                           "Correct the spreadsheet and import it again. Nothing was written.")
    if not rows:
        raise InvalidInput(f"{path.name} has no members in it.", "Nothing was written.")
    return rows, ignored


def plan_import(doc_members: list, rows: list[CsvRow], source: str) -> ImportPlan:
    """Match each row to an existing member (by id, email or name) or to a new one."""
    plan = ImportPlan(source)
    by_id = {e.get("id"): e for e in doc_members if isinstance(e, dict)}
    by_email = {str(e.get("email", "")).lower(): e for e in doc_members if isinstance(e, dict) and e.get("email")}
    by_name = {str(e.get("name", "")).casefold(): e for e in doc_members if isinstance(e, dict)}
    taken = set(by_id)
    for row in rows:
        values = dict(row.values)
        entry = (by_id.get(values.get("id")) or by_email.get(str(values.get("email", "")).lower())
                 or by_name.get(values["name"].casefold()))
        if entry is None:
            values["id"] = values.get("id") or new_id(values["name"], taken)
            taken.add(values["id"])
            plan.added.append(_entry(values))
            continue
        changes = {}
        for key, value in values.items():
            if key == "id":
                continue
            current = entry.get(key)
            if key == "roles":
                current = list(current or [])
            elif key in DATE_FIELDS and isinstance(current, str):
                try:
                    current = parse_date(current, key)
                except InvalidInput:
                    pass
            if current != value:
                changes[key] = value
        if changes:
            plan.changed.append((entry["id"], entry.get("name", entry["id"]), changes))
        else:
            plan.unchanged.append(entry["id"])
    return plan


def preview_import(root: Path, csv_path: Path) -> ImportPlan:
    """What importing would do, from the roster as it is now (nothing is written)."""
    from cecli.loader import load_council

    council, _ = load_council(Path(root))
    rows, ignored = read_csv(csv_path, council)
    data = _plain_roster(Path(root))
    plan = plan_import(data, rows, Path(csv_path).name)
    plan.ignored_columns = ignored
    return plan


def _plain_roster(root: Path) -> list:
    from cecli.yamlread import parse_file

    path = root / "roster.yaml"
    if not path.is_file():
        return []
    try:
        data = parse_file(path).data or {}
    except Exception:
        return []
    return list(data.get("members") or []) if isinstance(data, dict) else []


def import_roster(root: Path, csv_path: Path, expected: ImportPlan | None = None,
                  author: str | None = None) -> tuple[ImportPlan, str | None]:
    """Apply the import in one commit. With `expected` (the preview shown), refuse if it changed."""
    from cecli.store import change, put

    with change(root, "Import members.", author) as tx:
        doc = _roster(tx)
        rows, ignored = read_csv(csv_path, tx.council)
        plan = plan_import(list(doc["members"]), rows, Path(csv_path).name)
        plan.ignored_columns = ignored
        if expected is not None and plan.signature() != expected.signature():
            raise InvalidInput("The roster changed while the preview was shown, so the import was not made.",
                               "Run the import again to see a fresh preview. Nothing was written.")
        if plan.empty:
            return plan, None
        for entry in plan.added:
            doc["members"].append(entry)
        for member_id, _, changes in plan.changed:
            entry = find_member(tx.council, doc, member_id)
            for key, value in changes.items():
                put(entry, key, value, ORDER)
        tx.message = plan.message()
    return plan, tx.result[0]
