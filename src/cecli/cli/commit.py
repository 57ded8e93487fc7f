"""cec commit: record hand edits of the council's files in the audit trail (after checking them)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from cecli.cli.common import AUTHOR, COUNCIL, council_path, handles_errors


def commit(
    message: str = typer.Option(..., "--message", "-m", help="What changed and why, as a sentence."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Check the council's edited files and commit them (only the council's own files) in one commit.

    Exit codes: 0 committed (or nothing to commit), 1 the edits leave new errors (CEC001-CEC006) and were
    not committed, 2 usage error, no identity or git refused, 3 internal error.
    """
    from cecli.store.handedits import commit_hand_edits

    sha, paths = commit_hand_edits(council_path(council), message, author)
    if sha is None:
        typer.echo("Nothing to commit: every council file is already recorded.")
        return
    typer.echo(f"Recorded {len(paths)} file{'s' if len(paths) != 1 else ''} ({', '.join(paths)}) in commit {sha[:7]}.")


def register(app: typer.Typer) -> None:
    app.command("commit")(handles_errors(commit))
