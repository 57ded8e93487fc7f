"""cec member add|update|end|role|list|import: the council's roster."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from cecli.cli.common import AUTHOR, COUNCIL, council_path, handles_errors, parse_day, tell_problems, warn

member_app = typer.Typer(help="Add, update, end, list and import the council's members.",
                         no_args_is_help=True)


def _fields(name, category, role, email, phone, start, end, selected_by, district_employee,
            building_admin, public_name, organization, note, member_id=None) -> dict:
    return {"id": member_id, "name": name, "category": category, "roles": list(role) if role else None,
            "email": email, "phone": phone, "start_date": start, "end_date": end, "selected_by": selected_by,
            "district_employee": district_employee, "building_admin": building_admin,
            "public_name": public_name, "organization": organization, "note": note}


def _done(result) -> None:
    if result.sha:
        typer.echo(f"{result.message} (commit {result.sha[:7]})")
    else:
        typer.echo("Nothing changed: the roster already says that.")
    for note in result.notes:
        typer.echo(note)
    tell_problems(result.problems)


@member_app.command("add")
@handles_errors
def add(
    name: str = typer.Option(..., "--name", help="The member's full name."),
    category: str = typer.Option(..., "--category", help="The part of the community the member represents (from the profile's list)."),
    role: Optional[List[str]] = typer.Option(None, "--role", help="An officer role such as chair (repeatable)."),
    email: Optional[str] = typer.Option(None, "--email"),
    phone: Optional[str] = typer.Option(None, "--phone"),
    start: Optional[str] = typer.Option(None, "--start", metavar="DATE", help="First day of the term (default: today)."),
    selected_by: Optional[str] = typer.Option(None, "--selected-by", help="election, appointment, school-board, ex-officio, peers or bargaining-unit."),
    district_employee: Optional[bool] = typer.Option(None, "--district-employee/--not-district-employee"),
    building_admin: Optional[bool] = typer.Option(None, "--building-admin/--not-building-admin", help="A school building administrator (principal, assistant principal)."),
    public_name: Optional[bool] = typer.Option(None, "--public-name/--no-public-name", help="May a student's name appear in public output?"),
    organization: Optional[str] = typer.Option(None, "--organization"),
    note: Optional[str] = typer.Option(None, "--note"),
    member_id: Optional[str] = typer.Option(None, "--id", help="The id other records use (default: made from the name, such as ann-lee)."),
    same_name_ok: bool = typer.Option(False, "--same-name-ok", help="Add a second person with the name of a member already on the roster."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Add a member to the roster (one commit). Without --start, the term starts today."""
    from cecli.records.members import add_member

    values = _fields(name, category, role, email, phone, start, None, selected_by, district_employee,
                     building_admin, public_name, organization, note, member_id)
    _done(add_member(council_path(council), values, author, same_name_ok))


@member_app.command("update")
@handles_errors
def update(
    member_id: str = typer.Argument(..., metavar="ID", help="The member's id."),
    name: Optional[str] = typer.Option(None, "--name"),
    category: Optional[str] = typer.Option(None, "--category"),
    role: Optional[List[str]] = typer.Option(None, "--role", help="Replaces the member's roles (repeatable)."),
    email: Optional[str] = typer.Option(None, "--email"),
    phone: Optional[str] = typer.Option(None, "--phone"),
    start: Optional[str] = typer.Option(None, "--start", metavar="DATE"),
    end: Optional[str] = typer.Option(None, "--end", metavar="DATE", help="Correct the last day of the term."),
    selected_by: Optional[str] = typer.Option(None, "--selected-by"),
    district_employee: Optional[bool] = typer.Option(None, "--district-employee/--not-district-employee"),
    building_admin: Optional[bool] = typer.Option(None, "--building-admin/--not-building-admin"),
    public_name: Optional[bool] = typer.Option(None, "--public-name/--no-public-name"),
    organization: Optional[str] = typer.Option(None, "--organization"),
    note: Optional[str] = typer.Option(None, "--note"),
    clear: Optional[List[str]] = typer.Option(None, "--clear", metavar="FIELD", help="Remove a field, such as roles or phone (repeatable)."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Change some of a member's details (one commit). Only the fields given change."""
    from cecli.records.members import update_member

    values = _fields(name, category, role, email, phone, start, end, selected_by, district_employee,
                     building_admin, public_name, organization, note)
    _done(update_member(council_path(council), member_id, values, list(clear or []), author))


@member_app.command("end")
@handles_errors
def end(
    member_id: str = typer.Argument(..., metavar="ID", help="The member's id."),
    date: str = typer.Option(..., "--date", metavar="DATE", help="The last day of the member's term."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """End a member's term (sets end_date; members are never deleted, and their roles stay as history)."""
    from cecli.records.members import end_member

    _done(end_member(council_path(council), member_id, date, author))


@member_app.command("role")
@handles_errors
def role(
    member_id: str = typer.Argument(..., metavar="ID", help="The member's id."),
    add: Optional[str] = typer.Option(None, "--add", metavar="ROLE", help="An officer role the member takes, such as chair."),
    start: Optional[str] = typer.Option(None, "--from", metavar="DATE", help="The first day in the role (default: today)."),
    end: Optional[str] = typer.Option(None, "--end", metavar="ROLE", help="An officer role the member gives up."),
    on: Optional[str] = typer.Option(None, "--on", metavar="DATE", help="The last day in the role (default: today)."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Give a member an officer role from a date, or end one on a date (one commit).

    Roles are dated (`{role: chair, start_date: ..., end_date: ...}` in roster.yaml), so every rule
    and document sees who held which role on the day it is about. A role the profile does not know,
    a second chair while the first has not handed over (end theirs the same day first), and an end
    before the start are refused.
    """
    from cecli.errors import InvalidInput
    from cecli.records.roles import change_role

    if add and on or end and start:
        raise InvalidInput("--from goes with --add, and --on with --end.",
                           "Such as `--add chair --from 2025-09-23` or `--end chair --on 2026-06-30`.")
    _done(change_role(council_path(council), member_id, add=add, end=end, on=start if add else on, author=author))


@member_app.command("list")
@handles_errors
def list_(
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="DATE", help="Members serving on this date (default: today)."),
    everyone: bool = typer.Option(False, "--all", help="Include former members and those not yet started."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    council: Optional[Path] = COUNCIL,
) -> None:
    """List the members serving on a date (or everyone with --all)."""
    from cecli.records.members import list_members

    rows = list_members(council_path(council), parse_day(as_of), everyone)
    if as_json:
        typer.echo(json.dumps([row.as_dict() for row in rows], indent=2, ensure_ascii=False))
        return
    if not rows:
        typer.echo("No members." if everyone else "No members are serving on that date (--all shows everyone).")
        return
    table = [("ID", "NAME", "CATEGORY", "ROLES", "TERM")] + [
        (r.id, r.name, r.category, ", ".join(r.roles), r.term) for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(5)]
    for row in table:
        typer.echo("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())


@member_app.command("import")
@handles_errors
def import_(
    roster_csv: Path = typer.Argument(..., metavar="ROSTER.csv", help="A roster exported from a spreadsheet."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Import without asking for confirmation."),
    start: Optional[str] = typer.Option(None, "--start", metavar="DATE",
                                        help="First day of the term of new members whose row gives none (default: today)."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Import members from a CSV roster: shows what will be added and changed, then makes one commit.

    Columns are matched by their headings: Name (or Full Name, or First and Last Name), Email, Phone,
    Category (or Representing), Role (or Office), Start Date, End Date, Selected By, Organization,
    Notes. A member already on the roster (same id, same email and name, or same name) is updated, not
    added twice; a row whose email belongs to a member with another name is refused, and so are two rows
    for one person (same name or email, whatever the case). A file may only update members (then it
    needs no Category column). New members start on their row's Start Date, else --start, else today.
    """
    from cecli.errors import InvalidInput
    from cecli.records._checks import list_words
    from cecli.records.roster_csv import import_roster, preview_import

    root = council_path(council)
    first_day = parse_day(start, "--start")
    plan = preview_import(root, roster_csv, start=first_day)
    if plan.empty:
        typer.echo(f"Nothing to import: the roster already matches {roster_csv.name}.")
        return
    for entry in plan.added:
        typer.echo(f"  add     {entry['id']}: {entry['name']} ({entry['category']})")
    for member_id, name, changes in plan.changed:
        shown = ", ".join(f"{k.replace('_', ' ')} -> {', '.join(v) if isinstance(v, list) else v}"
                          for k, v in changes.items())
        typer.echo(f"  update  {member_id}: {shown}")
    if plan.unchanged:
        typer.echo(f"  ({len(plan.unchanged)} already up to date)")
    for line in plan.new_roles():
        typer.echo(f"  {line}")
    warn(f"{list_words(names)} would {'both' if len(names) == 2 else 'all'} hold the {role} role. If one has "
         f"stepped down, correct the spreadsheet's Role column (or the roster with `cec member update`)."
         for role, names in plan.shared_roles.items())
    if plan.ignored_columns:
        typer.echo(f"  Columns not imported: {', '.join(plan.ignored_columns)}")
    if not yes:
        from cecli.cli import ask

        if not ask.interactive():
            raise InvalidInput("Not importing without confirmation.",
                               "Run it in a terminal to confirm, or add --yes. Nothing was written.")
        if not ask.confirm(plan.message().replace("Import", "Import these", 1).rstrip(".") + "?", default=False):
            typer.echo("Nothing was imported.")
            raise typer.Exit(0)
    done, sha = import_roster(root, roster_csv, expected=plan, author=author, start=first_day)
    typer.echo(f"{done.message()} (commit {sha[:7]})" if sha else "Nothing changed.")
    tell_problems(done.problems)


def register(app: typer.Typer) -> None:
    app.add_typer(member_app, name="member")
