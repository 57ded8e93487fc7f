"""cec undo and cec restore: take back a change, or bring back a file, with a new commit (never a rewrite)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from cecli.cli.common import AUTHOR, COUNCIL, council_path, handles_errors, tell_problems


def undo(
    commit: Optional[str] = typer.Argument(None, metavar="[COMMIT]", help="The change to undo, as `cec log` shows it (default: the latest)."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Undo the latest change (or a named one) with a new commit "Undo: ..."; history is never rewritten.

    Exit codes: 0 undone, 2 refused (a later change touched the same lines, unrecorded hand edits,
    the first change, an unknown commit) or usage error, 1 the result would leave the records invalid,
    3 internal error.
    """
    from cecli.store.undo import undo as undo_change

    done = undo_change(council_path(council), commit, author)
    files = ", ".join(done.paths)
    typer.echo(f"Undid {done.undone.describe()}: {files} {'is' if len(done.paths) == 1 else 'are'} as before it. "
               f"Recorded as “{done.message}” in commit {done.sha[:7]}.")
    tell_problems(done.problems)


def restore(
    file: str = typer.Argument(..., metavar="FILE", help="The council file to bring back, such as outreach.yaml."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Bring back a council file that was deleted or damaged by hand, as last recorded.

    Exit codes: 0 restored (or nothing to restore), 2 a path outside the council, a file never
    recorded, or usage error, 1 the restored file would leave the records invalid, 3 internal error.
    """
    from cecli.store.restore import restore as restore_file

    done = restore_file(council_path(council), file, author)
    typer.echo(done.said)
    tell_problems(done.problems)


def register(app: typer.Typer) -> None:
    app.command("undo")(handles_errors(undo))
    app.command("restore")(handles_errors(restore))
