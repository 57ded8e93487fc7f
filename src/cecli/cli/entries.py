"""`list`, `edit N` and `remove N --reason` for outreach.yaml, goals.yaml and reports.yaml entries.

The outreach, goal and report command groups add these three commands with `add_entry_commands`;
each group's `edit` lists its own options (the same as adding) and passes them on by option name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from cecli.cli.common import AUTHOR, COUNCIL, council_path, handles_errors, say

NUMBER = typer.Argument(..., metavar="N", min=1, help="The entry's number, as `list` shows it.")
REASON = typer.Option(None, "--reason", help="Why (goes into the commit message).")


def show_entries(family: str, council: Optional[Path], as_json: bool) -> None:
    from cecli.records.entries import FILES, list_entries

    found = list_entries(council_path(council), family)
    if as_json:
        typer.echo(json.dumps([{"number": e.number, "kind": e.kind, "what": e.what(), "summary": e.summary()}
                               for e in found], indent=2, ensure_ascii=False))
        return
    if not found:
        typer.echo(f"{FILES[family]} has no entries yet.")
        return
    for entry in found:
        typer.echo(f"{entry.number:>3}  {entry.kind:<20}{entry.summary()}")


def edit(family: str, number: int, given: dict, reason: Optional[str], council: Optional[Path], author: Optional[str]) -> None:
    from cecli.records.entries import edit_entry

    say(edit_entry(council_path(council), family, number, given, reason, author))


def add_entry_commands(group: typer.Typer, family: str, edit_command) -> None:
    """Add `list`, `edit` (the group's own function, with its options) and `remove` to a command group."""

    def list_command(
        council: Optional[Path] = COUNCIL,
        as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
    ) -> None:
        show_entries(family, council, as_json)

    def remove_command(
        number: int = NUMBER,
        reason: str = typer.Option(..., "--reason", help="Why it is removed (goes into the commit message)."),
        council: Optional[Path] = COUNCIL,
        author: Optional[str] = AUTHOR,
    ) -> None:
        from cecli.records.entries import remove_entry

        say(remove_entry(council_path(council), family, number, reason, author))

    from cecli.records.entries import FILES

    list_command.__doc__ = f"List the entries of {FILES[family]}, numbered for `edit` and `remove`."
    remove_command.__doc__ = (f"Remove entry N of {FILES[family]} (one commit; the reason goes into its message).\n\n"
                              "Exit codes: 0 removed, 1 the result would be invalid, 2 no such entry or usage error, "
                              "3 internal error.")
    edit_command.__doc__ = edit_command.__doc__ or (
        f"Correct entry N of {FILES[family]} (numbers from `cec {family} list`), with the same checks as adding.\n\n"
        'Give only what changes; an empty value ("") clears an optional field. Exit codes: 0 corrected, '
        "1 the result would be invalid, 2 bad input, no such entry or an option that does not apply, 3 internal error.")
    group.command("list")(handles_errors(list_command))
    group.command("edit")(handles_errors(edit_command))
    group.command("remove")(handles_errors(remove_command))
