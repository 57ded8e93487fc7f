"""cec check: validate a council (or a folder of councils) against its state's rules."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from cecli.cli.common import COUNCIL, council_path, handles_errors, parse_day


class Format(str, Enum):
    text = "text"
    parsable = "parsable"
    json = "json"
    github = "github"
    csv = "csv"
    sarif = "sarif"
    junit = "junit"


def check(
    path: Optional[Path] = typer.Argument(None, help="The council folder (default: this folder), or a folder of many councils."),
    council: Optional[Path] = COUNCIL,
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="DATE", help="Judge the records as of this date (default: today)."),
    output: Format = typer.Option(Format.text, "--format", "-f", help="text (grouped report), parsable (file:line:col), json, github (workflow annotations), sarif (code scanning), junit (CI test reports), csv (many councils)."),
    strict: bool = typer.Option(False, "--strict", help="Fail (exit 1) on warnings as well as errors."),
    details: bool = typer.Option(False, "--details", help="With many councils: list each council's findings under the table."),
    sort: str = typer.Option("council", "--sort", help="With many councils: sort the table by council, errors, warnings, meetings, evidence or deadline."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Judge every file afresh instead of reusing the results stored in .cec-cache/."),
) -> None:
    """Check a council's records against the rules of its state.

    Exit codes: 0 clean, 1 errors (or warnings with --strict), 2 usage error or not a council
    folder, 3 internal error.
    """
    from cecli.check import check_council
    from cecli.errors import NotACouncil
    from cecli.render import report as render

    day = parse_day(as_of)
    from cecli.cli.fleet import SORTS

    if sort not in SORTS:
        raise typer.BadParameter(f"`{sort}` is not a column to sort by; use one of: {', '.join(SORTS)}.",
                                 param_hint="--sort")
    root = council_path(path, council)
    if not (root / "council.yaml").is_file() and root.is_dir():
        from cecli.fleet import find_councils

        if find_councils(root, limit=1):
            from cecli.cli.fleet import check_many

            raise typer.Exit(check_many(root, day, output.value, strict, details, sort, use_cache=not no_cache))
    if output is Format.csv:
        raise typer.BadParameter("csv is for a folder of many councils; use text, parsable, json, github, sarif or junit.",
                                 param_hint="--format")
    report = check_council(root, day, cache=not no_cache)
    render.emit(report, output.value, strict)
    raise typer.Exit(report.exit_code(strict))


def register(app: typer.Typer) -> None:
    app.command("check")(handles_errors(check))
