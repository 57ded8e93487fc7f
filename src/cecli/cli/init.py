"""cec init: create a new council folder (files, git repository, first commit)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from cecli.cli.ask import interactive
from cecli.cli.common import AUTHOR, COUNCIL, council_path, handles_errors, parse_day
from cecli.profiles import available as available_profiles


def _titles(known: list[str]) -> list[tuple[str, str]]:
    from cecli import profiles

    pairs = []
    for name in known:
        try:
            pairs.append((name, profiles.load(name).title))
        except Exception:  # a profile that cannot be read is still offered by name  # noqa: BLE001
            pairs.append((name, ""))
    return pairs


def _interactive(values: dict, root: Path) -> dict:
    """Ask for every value not given as an option. Nothing is written until all are answered."""
    from cecli import profiles
    from cecli.cli import ask
    from cecli.records.init import GRADES, parse_school

    known = profiles.available()
    values = dict(values)
    ask.say("A few questions to set up the council's records (Ctrl-D stops without writing anything).")
    if not values["profile"]:
        values["profile"] = ask.choose("Which state's rules apply", _titles(known), default=known[0])
    if not values["name"]:
        values["name"] = ask.ask("Council name (for example: Test Elementary CEC)")
    if not values["scope"]:
        values["scope"] = ask.choose("Does it serve one school or a whole district",
                                     [("school", "one school"), ("district", "a whole district")], default="school")
    if not values["district"]:
        values["district"] = ask.ask("School district name", required=False)
    if values["district"] and values["district_code"] is None:
        values["district_code"] = ask.ask("District code", required=False)
    if not values["schools"]:
        rating = bool(profiles.load(values["profile"]).init.get("school_rating")) \
            if values["profile"] in profiles.available() else False

        def grade(text: str) -> str:
            if text.strip().upper() not in GRADES:
                raise ValueError(f"`{text}` is not a letter grade: answer A, B, C, D or F, or press Enter to skip.")
            return text.strip().upper()

        schools = []
        while True:
            name = ask.ask("Another school's name (Enter when done)" if schools else "School name",
                           required=not schools, read=lambda text: parse_school(text.replace("|", "/")).name)
            if not name:
                break
            grades = ask.ask("  Its grades (such as K-5)", required=False) or ""
            letter = (ask.ask("  Its state letter grade A-F", required=False, read=grade) or "") if rating else ""
            schools.append(f"{name}|{grades}|{letter}")
            if values["scope"] == "school":
                break
        values["schools"] = schools
    asks_designated = values["profile"] in profiles.available() and profiles.load(values["profile"]).init.get("ask_designated")
    if asks_designated and not values["designated"]:
        values["designated"] = ask.ask_date("Date the school was designated for Receivership", required=False)
    if not values["established"]:
        values["established"] = ask.ask_date("Date the council was formed", required=False)
    if not values["records_start"]:
        ask.say("From which date should cec judge the records? Earlier meetings and events are kept but not")
        ask.say("judged: useful when a council starts using cec part-way through its history.")
        values["records_start"] = ask.ask_date("Records start", required=False)
    if values["author"] is None:
        values["author"] = _identity(root)
    return values


def _identity(root: Path):
    """When git does not know who the user is, ask for a name and email and offer to save them with
    `git config --global`; otherwise None (the usual identity is used)."""
    from cecli.cli import ask
    from cecli.errors import InvalidInput
    from cecli.records.members import valid_email
    from cecli.store import NoIdentity, resolve_author
    from cecli.store.identity import Author

    existing = Path(root).absolute()
    while not existing.exists():
        existing = existing.parent
    try:
        resolve_author(None, existing)
        return None
    except NoIdentity:
        pass
    ask.say("Every change is recorded with who made it, and git does not know you yet.")
    name = ask.ask("Your name (as it should appear in the records' history)")

    def email(text: str) -> str:
        checked = valid_email(text, "Your email")
        if checked is None:
            raise InvalidInput("Please give an email address.")
        return checked

    address = ask.ask("Your email address", read=email)
    who = Author(name, address)
    if ask.confirm("Save them for all your git work (git config --global user.name and user.email)", default=True):
        from cecli.store.gitrepo import git

        for key, value in (("user.name", name), ("user.email", address)):
            result = git(existing, "config", "--global", key, value)
            if result.returncode != 0:
                raise InvalidInput(f"git could not save {key}: {(result.stderr or '').strip()}",
                                   f'Save it yourself: git config --global {key} "{value}". Nothing was written.')
        ask.say("Saved: git and cec will use them from now on.")
    else:
        ask.say("Not saved: only this first commit uses them; set them later with git config --global "
                "or CEC_AUTHOR.")
    return who


def init(
    directory: Optional[Path] = typer.Argument(None, help="Folder for the new council (default: this folder)."),
    council: Optional[Path] = COUNCIL,
    profile: Optional[str] = typer.Option(None, "--profile", help=f"The state's rules: {', '.join(available_profiles())}."),
    name: Optional[str] = typer.Option(None, "--name", help="The council's full name."),
    scope: Optional[str] = typer.Option(None, "--scope", help="school or district (default: school)."),
    district: Optional[str] = typer.Option(None, "--district", help="The school district's name."),
    district_code: Optional[str] = typer.Option(None, "--district-code", help="The district's state code."),
    school: Optional[List[str]] = typer.Option(None, "--school", help='A school, as "Name|grades|rating" (repeatable).'),
    established: Optional[str] = typer.Option(None, "--established", metavar="DATE", help="When the council was formed."),
    designated: Optional[str] = typer.Option(None, "--designated", metavar="DATE", help="When the school was designated."),
    records_start: Optional[str] = typer.Option(None, "--records-start", metavar="DATE",
                                                help="Judge records from this date on; earlier ones are kept but not judged."),
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
              "established": established, "designated": designated, "records_start": records_start,
              "author": author}
    root = council_path(directory, council)
    if not no_input and interactive():
        values = _interactive(values, root)
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
        records_start=parse_day(values["records_start"], "--records-start"),
    )
    tx = create_council(root, setup, values["author"])
    sha, paths = tx.result
    typer.echo(f"Created the council records for {setup.name} in {root} ({len(paths)} files, commit {sha[:7]}).")
    typer.echo("Next: add members with `cec member add`, then run `cec check` to see what is still to do.")


def register(app: typer.Typer) -> None:
    app.command("init")(handles_errors(init))
