"""cec sign: record a CET member's signature on a quarterly report or the Continuation Plan (New York)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from cecli.cli.common import AUTHOR, COUNCIL, council_path, handles_errors, tell_problems

sign_app = typer.Typer(help="Record signatures on New York's quarterly reports and Continuation Plan (CEC403).",
                       no_args_is_help=True)

MEMBER = typer.Option(..., "--member", help="The id of the signing member (not a building administrator).")
DATE = typer.Option(..., "--date", metavar="DATE", help="The date it was signed.")


def _done(message: str, sha: str | None, problems: list) -> None:
    typer.echo(f"{message} (commit {sha[:7]})" if sha else "Nothing changed: that signature is already recorded.")
    tell_problems(problems)


@sign_app.command("quarterly")
@handles_errors
def quarterly(
    period: str = typer.Argument(..., metavar="PERIOD", help='The quarter, such as "2025-26 Q2".'),
    member: str = MEMBER, date: str = DATE,
    council: Optional[Path] = COUNCIL, author: Optional[str] = AUTHOR,
) -> None:
    """Record who signed a quarterly report, and when (one commit)."""
    from cecli.records.signing import sign

    _done(*sign(council_path(council), "quarterly", period, member, date, author))


@sign_app.command("continuation-plan")
@handles_errors
def continuation_plan(
    member: str = MEMBER, date: str = DATE,
    council: Optional[Path] = COUNCIL, author: Optional[str] = AUTHOR,
) -> None:
    """Record who signed the Continuation Plan, and when (one commit)."""
    from cecli.records.signing import sign

    _done(*sign(council_path(council), "continuation-plan", None, member, date, author))


def register(app: typer.Typer) -> None:
    app.add_typer(sign_app, name="sign")
