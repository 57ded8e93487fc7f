"""cec init: create a new council folder (files, git repository, first commit)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from cecli.cli.common import AUTHOR, COUNCIL, council_path, handles_errors, parse_day


def _ask(prompt: str, default: str | None = None, required: bool = True) -> str | None:
    while True:
        value = typer.prompt(prompt, default=default if default is not None else ("" if not required else None),
                             show_default=bool(default))
        value = (value or "").strip()
        if value or not required:
            return value or None
        typer.echo("  Please give a value.")


def _interactive(setup_values: dict) -> dict:
    from cecli import profiles

    known = profiles.available()
    values = dict(setup_values)
    if not values["profile"]:
        values["profile"] = typer.prompt(f"Which state's rules ({' or '.join(known)})",
                                         type=typer.Choice(known), default=known[0])
    if not values["name"]:
        values["name"] = _ask("Council name (for example: Test Elementary CEC)")
    if not values["scope"]:
        values["scope"] = typer.prompt("Does it serve one school or a district", default="school",
                                       type=typer.Choice(["school", "district"]))
    if not values["district"]:
        values["district"] = _ask("School district name", required=False)
    if values["district"] and values["district_code"] is None:
        values["district_code"] = _ask("District code (optional)", required=False)
    if not values["schools"]:
        rating = values["profile"] == "ms-cec"
        schools = []
        while True:
            name = _ask("School name (leave empty when done)" if schools else "School name",
                        required=not schools)
            if not name:
                break
            grades = _ask("  Grades (such as K-5)", required=False) or ""
            grade = (_ask("  State letter grade A-F (optional)", required=False) or "") if rating else ""
            schools.append(f"{name}|{grades}|{grade}")
            if values["scope"] == "school":
                break
        values["schools"] = schools
    if values["profile"] == "ny-cet" and not values["designated"]:
        values["designated"] = _ask("Date the school was designated for Receivership (YYYY-MM-DD, optional)",
                                    required=False)
    if not values["established"]:
        values["established"] = _ask("Date the council was formed (YYYY-MM-DD, optional)", required=False)
    return values


def init(
    directory: Optional[Path] = typer.Argument(None, help="Folder for the new council (default: this folder)."),
    council: Optional[Path] = COUNCIL,
    profile: Optional[str] = typer.Option(None, "--profile", help="The state's rules: ms-cec or ny-cet."),
    name: Optional[str] = typer.Option(None, "--name", help="The council's full name."),
    scope: Optional[str] = typer.Option(None, "--scope", help="school or district (default: school)."),
    district: Optional[str] = typer.Option(None, "--district", help="The school district's name."),
    district_code: Optional[str] = typer.Option(None, "--district-code", help="The district's state code."),
    school: Optional[List[str]] = typer.Option(None, "--school", help='A school, as "Name|grades|rating" (repeatable).'),
    established: Optional[str] = typer.Option(None, "--established", metavar="YYYY-MM-DD", help="When the council was formed."),
    designated: Optional[str] = typer.Option(None, "--designated", metavar="YYYY-MM-DD", help="When the school was designated."),
    no_input: bool = typer.Option(False, "--no-input", help="Ask nothing; take everything from the options."),
    author: Optional[str] = AUTHOR,
) -> None:
    """Create a new council folder: its files, a git repository if there is none, and the first commit.

    Exit codes: 0 created, 2 usage error (or the folder already holds a council, or no identity),
    3 internal error.
    """
    from cecli.errors import InvalidInput
    from cecli.records.init import Setup, create_council, parse_school

    values = {"profile": profile, "name": name, "scope": scope, "district": district,
              "district_code": district_code, "schools": list(school or []),
              "established": established, "designated": designated}
    if not no_input and sys.stdin.isatty():
        values = _interactive(values)
    if not values["profile"] or not values["name"]:
        missing = " and ".join(o for o, k in (("--profile", "profile"), ("--name", "name")) if not values[k])
        raise InvalidInput(f"cec init needs {missing} when it cannot ask (not in a terminal, or --no-input).",
                           'For example: cec init --profile ms-cec --name "Test Elementary CEC" '
                           '--school "Test Elementary|K-5|D" --no-input')
    setup = Setup(
        profile=values["profile"], name=values["name"], scope=values["scope"] or "school",
        district=values["district"], district_code=values["district_code"] or None,
        schools=[parse_school(text) for text in values["schools"]],
        established=parse_day(values["established"], "--established"),
        designated=parse_day(values["designated"], "--designated"),
    )
    root = council_path(directory, council)
    tx = create_council(root, setup, author)
    sha, paths = tx.result
    typer.echo(f"Created the council records for {setup.name} in {root} ({len(paths)} files, commit {sha[:7]}).")
    typer.echo("Next: add members with `cec member add`, then run `cec check` to see what is still to do.")


def register(app: typer.Typer) -> None:
    app.command("init")(handles_errors(init))
