"""Import a district's roster CSV: read and check every row, match rows to members, one commit.

A member already on the roster (same id, same email and name, or same name) is updated, not added
twice; a row whose email belongs to a member of another name is refused, not read as a rename. The preview
shown to the user is compared with what the import would do when it runs, under the store's lock.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from cecli.errors import InvalidInput
from cecli.records import _checks as check
from cecli.records.members import DATE_FIELDS, ORDER, _entry, _roster, clean, entry_of, new_id, plain_name

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
    shared_roles: dict = field(default_factory=dict)  # role -> names of the active members who would hold it
    problems: list = field(default_factory=list)  # what the import left (the store's tx.problems)

    def new_roles(self) -> list[str]:
        """"Carol Diaz becomes vice-chair" for each officer role the import gives."""
        out = [f"{e['name']} becomes {check.list_words(list(e['roles']))}" for e in self.added if e.get("roles")]
        for _, name, changes in self.changed:
            if changes.get("roles"):
                out.append(f"{name} becomes {check.list_words(list(changes['roles']))}")
        return out

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
                    words = [w for w in words if w.lower() not in NOT_AN_OFFICE]
                    values["roles"] = clean(council, {"roles": words}, options=False)["roles"]
                else:
                    values.update(clean(council, {key: cell}, options=False))
            except InvalidInput as err:
                hint = err.hint.replace("Nothing was written.", "").strip()
                problems.append(f"row {number}, column \"{column}\": {err.message}" + (f" {hint}" if hint else ""))
                continue
            used[key] = column
        if not values.get("name"):
            problems.append(f"row {number}: no name is given.")
        try:
            clean(council, {}, existing={k: values.get(k) for k in DATE_FIELDS})
        except InvalidInput as err:
            problems.append(f"row {number}: {err.message}")
        rows.append(CsvRow(number, values, used))
    problems += _repeated_rows(rows)
    if problems:
        shown = problems[:20] + ([f"... and {len(problems) - 20} more."] if len(problems) > 20 else [])
        raise InvalidInput(f"{path.name} cannot be imported:\n  " + "\n  ".join(shown),
                           "Correct the spreadsheet and import it again. Nothing was written.")
    if not rows:
        raise InvalidInput(f"{path.name} has no members in it.", "Nothing was written.")
    return rows, ignored


def _repeated_rows(rows: list[CsvRow]) -> list[str]:
    """Two rows for one person (the same name or the same email, whatever the case or accents): the
    import cannot tell which one is right."""
    problems = []
    seen_name: dict[str, int] = {}
    seen_email: dict[str, int] = {}
    for row in rows:
        name = plain_name(row.values.get("name") or "")
        email = str(row.values.get("email") or "").strip().lower()
        if name and name in seen_name:
            problems.append(f"row {row.number} repeats row {seen_name[name]}: both are {row.values['name']}. "
                            "Keep one row per member.")
        elif email and email in seen_email:
            problems.append(f"row {row.number} repeats row {seen_email[email]}: both have the email "
                            f"{row.values['email']}. Keep one row per member.")
        seen_name.setdefault(name, row.number)
        if email:
            seen_email.setdefault(email, row.number)
    return problems


def plan_import(doc_members: list, rows: list[CsvRow], source: str, today: dt.date | None = None,
                start: dt.date | None = None) -> ImportPlan:
    """Match each row to an existing member (by id, by email when the names agree, or by name) or to a
    new one. A row whose email belongs to a member with another name is refused: it would rename them.

    A new member needs a category (a file that only updates members may leave it out) and gets a
    start date: the row's, else `start`, else today (a member with no start date would count as
    serving at every past meeting)."""
    plan = ImportPlan(source)
    missing = []
    by_id = {e.get("id"): e for e in doc_members if isinstance(e, dict)}
    by_email = {str(e.get("email", "")).lower(): e for e in doc_members if isinstance(e, dict) and e.get("email")}
    by_name = {plain_name(e.get("name", "")): e for e in doc_members if isinstance(e, dict)}
    taken = set(by_id)
    clashes = []
    for row in rows:
        values = dict(row.values)
        entry = by_id.get(values.get("id"))
        if entry is None:
            owner = by_email.get(str(values.get("email", "")).lower())
            if owner is not None and plain_name(owner.get("name", "")) != plain_name(values["name"]):
                clashes.append(f"row {row.number}: the email {values['email']} belongs to {owner.get('name')} "
                               f"({owner.get('id')}) on the roster, but the row names {values['name']}.")
                continue
            entry = owner or by_name.get(plain_name(values["name"]))
        if entry is None:
            if not values.get("category"):
                missing.append(f"row {row.number}: {values['name']} is not on the roster yet, and the row gives "
                               "no category (such as parent or teacher) for a new member.")
                continue
            values.setdefault("start_date", start or today or dt.date.today())
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
                # a dated role counts as the same role: an import does not rewrite `{role: chair, ...}`
                current = [r.get("role") if isinstance(r, dict) else r for r in current or []
                           if not (isinstance(r, dict) and r.get("end_date"))]
            elif key in DATE_FIELDS and isinstance(current, str):
                try:
                    current = check.day(current, key, us_format=True)
                except InvalidInput:
                    pass
            if current != value:
                changes[key] = value
        if changes:
            plan.changed.append((entry["id"], entry.get("name", entry["id"]), changes))
        else:
            plan.unchanged.append(entry["id"])
    if missing:
        raise InvalidInput(f"{source} cannot be imported:\n  " + "\n  ".join(missing),
                           'Add a "Category" column for new members (members already on the roster may leave it '
                           "empty), or add them with `cec member add`. Nothing was written.")
    if clashes:
        raise InvalidInput(f"{source} cannot be imported:\n  " + "\n  ".join(clashes),
                           "If it is the same person, correct the name in the spreadsheet (or change it first with "
                           "`cec member update ID --name`); if not, correct the email. Nothing was written.")
    plan.shared_roles = _shared_roles(doc_members, plan, today or dt.date.today())
    return plan


def _active(entry: dict, day: dt.date) -> bool:
    try:
        start = check.day(entry.get("start_date"), "start_date", us_format=True)
        end = check.day(entry.get("end_date"), "end_date", us_format=True)
    except InvalidInput:
        return False
    return (start is None or start <= day) and (end is None or day <= end)


def _shared_roles(doc_members: list, plan: ImportPlan, day: dt.date) -> dict[str, list[str]]:
    """Officer roles two or more active members would hold after the import, and not before: role -> names."""

    def holders(entries) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for entry in entries:
            if _active(entry, day):
                for role in entry.get("roles") or []:
                    if isinstance(role, dict):  # a dated role: held unless it has ended
                        if role.get("end_date"):
                            continue
                        role = role.get("role")
                    out.setdefault(str(role), []).append(str(entry.get("name", entry.get("id"))))
        return out

    members = [dict(e) for e in doc_members if isinstance(e, dict)]
    before = holders(members)
    changes = {member_id: values for member_id, _, values in plan.changed}
    after = holders([{**e, **changes.get(e.get("id"), {})} for e in members] + plan.added)
    return {role: names for role, names in after.items() if len(names) > 1 and len(before.get(role, [])) < 2}


def preview_import(root: Path, csv_path: Path, start: dt.date | None = None) -> ImportPlan:
    """What importing would do, from the roster as it is now (nothing is written)."""
    from cecli.loader import load_council

    council, findings = load_council(Path(root))
    check.intact(council, findings, "roster.yaml")
    rows, ignored = read_csv(csv_path, council)
    data = _plain_roster(Path(root))
    plan = plan_import(data, rows, Path(csv_path).name, start=start)
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
                  author: str | None = None, start: dt.date | None = None) -> tuple[ImportPlan, str | None]:
    """Apply the import in one commit. With `expected` (the preview shown), refuse if it changed."""
    from cecli.store import change, put

    with change(root, "Import members.", author) as tx:
        doc = _roster(tx)
        rows, ignored = read_csv(csv_path, tx.council)
        plan = plan_import(list(doc["members"]), rows, Path(csv_path).name, start=start)
        plan.ignored_columns = ignored
        if expected is not None and plan.signature() != expected.signature():
            raise InvalidInput("The roster changed while the preview was shown, so the import was not made.",
                               "Run the import again to see a fresh preview. Nothing was written.")
        if plan.empty:
            return plan, None
        for entry in plan.added:
            doc["members"].append(entry)
        for member_id, _, changes in plan.changed:
            entry = entry_of(doc, member_id)
            for key, value in changes.items():
                put(entry, key, value, ORDER)
        tx.message = plan.message()
    plan.problems = tx.problems
    return plan, tx.result[0]
