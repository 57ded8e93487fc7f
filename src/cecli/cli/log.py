"""cec log: the audit trail of a council or one of its files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from cecli.cli.common import COUNCIL, council_path, handles_errors


def log(
    path: Optional[str] = typer.Argument(None, metavar="[PATH]", help="Only the changes to this file (or folder) of the council."),
    council: Optional[Path] = COUNCIL,
    limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Show only the most recent N changes."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
) -> None:
    """Show who changed the council's records, when, what and why, newest first.

    Exit codes: 0 shown, 2 usage error or not a council in a git repository, 3 internal error.
    """
    from cecli.store.history import history

    entries = history(council_path(council), path, limit)
    if as_json:
        typer.echo(json.dumps([e.as_dict() for e in entries], indent=2, ensure_ascii=False))
        return
    if not entries:
        typer.echo("No changes are recorded yet.")
        return
    for entry in entries:
        when = entry.when.strftime("%Y-%m-%d %H:%M")
        typer.echo(f"{when}  {entry.author} <{entry.email}>: {entry.message}")
        for file, what in entry.files:
            typer.echo(f"    {what} {file}")
        typer.echo(f"    (commit {entry.commit[:7]})")


def register(app: typer.Typer) -> None:
    app.command("log")(handles_errors(log))
