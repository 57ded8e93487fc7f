"""cec ballot, form, plan, report, templates: the council's Word documents (see docs/documents.md).

Each command builds its document with one function of `cecli.documents`, writes it under
documents/ and commits it (or writes it to --out, outside the council folder, without committing).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import List, Optional

import typer

from cecli.cli.common import AUTHOR, COUNCIL, handles_errors, parse_day

OUT = typer.Option(None, "--out", "-o", metavar="PATH",
                   help="Write the document here (a .docx file or a folder outside the council folder) instead of documents/, without committing.")
PDF = typer.Option(False, "--pdf", help="Also write a tagged PDF beside the DOCX (needs LibreOffice; without it the DOCX is written and the command exits 1).")

form_app = typer.Typer(help="Recruitment forms: the interest/nomination form and the information-session agenda.",
                       no_args_is_help=True)
report_app = typer.Typer(help="Public progress reports: write one, or record one given.", no_args_is_help=True)
templates_app = typer.Typer(help="The Word templates documents are made from, and the council's own copies.",
                            no_args_is_help=True)


def _load(council: Optional[Path]):
    from cecli.loader import find_root, load_council

    root = find_root(council if council is not None else Path.cwd())
    loaded, _findings = load_council(root)
    if loaded.info is None or loaded.profile is None:
        from cecli.errors import CecError

        raise CecError("council.yaml could not be read, so cec cannot write documents for it.",
                       "Run `cec check` to see what to fix.")
    return root, loaded


def _save(root: Path, files: dict[str, bytes], message: str, author, out, pdf: bool = False, day=None) -> None:
    from cecli.documents.output import require_pdf, save_documents

    typer.echo(save_documents(root, files, message, author, out, pdf, day).said)
    if pdf:
        require_pdf()


def _election_day(loaded, election_id: str):
    for election in (loaded.outreach.elections if loaded.outreach else []):
        if election.id == election_id:
            return election.date
    return None


@handles_errors
def ballot(
    election: str = typer.Argument(..., help="The election's id in outreach.yaml."),
    copies: int = typer.Option(1, "--copies", "-n", min=1, max=2000, help="How many ballots (one per page)."),
    out: Optional[Path] = OUT,
    pdf: bool = PDF,
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Write the ballots of an election: one per page, "vote for N", who may vote, candidates with ☐."""
    from cecli.documents import ballot as make

    root, loaded = _load(council)
    data = make(loaded, election, copies)
    _save(root, {f"documents/elections/{election}/ballot.docx": data},
          f"Write the ballot for election {election}.", author, out, pdf, _election_day(loaded, election))


@form_app.command("interest")
@handles_errors
def interest(
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE",
                                       help="The form's date (default: when nominations opened, else today)."),
    out: Optional[Path] = OUT,
    pdf: bool = PDF,
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Write the interest and nomination form, with the council's member groups."""
    from cecli.documents import interest_form
    from cecli.documents.recruiting import current_nominations

    root, loaded = _load(council)
    day = parse_day(date, "--date")
    if day is None:
        found = current_nominations(loaded, dt.date.today())
        day = found.opened if found and found.opened else dt.date.today()
    _save(root, {"documents/recruitment/interest-form.docx": interest_form(loaded, day)},
          "Write the interest and nomination form.", author, out, pdf, day)


@form_app.command("info-session")
@handles_errors
def info_session(
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE",
                                       help="The session's date (default: the last one in outreach.yaml)."),
    out: Optional[Path] = OUT,
    pdf: bool = PDF,
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Write the agenda of an information session for the community, and its sign-in sheet."""
    from cecli.documents import info_session as make
    from cecli.documents.recruiting import choose_session
    from cecli.errors import InvalidInput

    root, loaded = _load(council)
    day = parse_day(date, "--date")
    if day is None:
        session = choose_session(loaded, None)
        if session is None:
            raise InvalidInput("outreach.yaml records no information session.",
                               "Give the planned date with --date, or record it with `cec outreach add info-session`.")
        day = session.date
    from cecli.documents.recruiting import info_session_sign_in

    _save(root, {f"documents/recruitment/info-session-{day.isoformat()}.docx": make(loaded, day),
                 f"documents/recruitment/info-session-{day.isoformat()}-sign-in.docx": info_session_sign_in(loaded, day)},
          f"Write the agenda and sign-in sheet of the information session of {day.isoformat()}.", author, out, pdf, day)


@handles_errors
def plan(
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE",
                                       help="The plan's date, for its roster (default: when it was adopted, else today)."),
    out: Optional[Path] = OUT,
    pdf: bool = PDF,
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Write the plan document the council's profile asks for: New York's Community Engagement Plan, California's SPSA approval record.

    New York's plan has its seven components, the roster, the meeting calendar and a signature
    block; California's record has each school year's ELAC review and council and board approvals
    with the members serving. Mississippi asks for no plan: cec says so, writes nothing and exits 2."""
    from cecli.documents.plans import plan_document

    root, loaded = _load(council)
    day = parse_day(date, "--date")
    path, data, message = plan_document(loaded, day)
    _save(root, {path: data}, message, author, out, pdf, day or dt.date.today())
    if loaded.profile.plan_document.get("kind") == "engagement-plan":
        missing = loaded.plan.components.missing() if loaded.plan else ["all"]
        if missing:
            typer.echo(f"Not yet written in plan.yaml: {', '.join(missing)} (marked in the document).", err=True)


@handles_errors
def roster(
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE", help="The roster's date (default: today)."),
    out: Optional[Path] = OUT,
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Write the roster of members serving on a date; by side, with the parity count, where the profile has sides (California)."""
    from cecli.documents.plans import roster_document

    root, loaded = _load(council)
    day = parse_day(date, "--date") or dt.date.today()
    _save(root, {f"documents/roster/roster-{day.isoformat()}.docx": roster_document(loaded, day)},
          f"Write the roster of members serving on {day.isoformat()}.", author, out)


@report_app.command("progress")
@handles_errors
def progress(
    year: Optional[str] = typer.Option(None, "--year", metavar="YYYY-YY", help='The school year, such as "2025-26" (default: the current one).'),
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE", help="The report's date (default: today)."),
    out: Optional[Path] = OUT,
    pdf: bool = PDF,
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Write the public progress report: goals, data reviewed, meetings held, recommendations."""
    import re

    from cecli.documents import progress_report
    from cecli.errors import InvalidInput

    root, loaded = _load(council)
    day = parse_day(date, "--date") or dt.date.today()
    year = year or loaded.school_year(day)
    if not re.fullmatch(r"\d{4}-\d{2}", year) or (int(year[:4]) + 1) % 100 != int(year[5:]):
        raise InvalidInput(f"`{year}` is not a school year.", 'Write it like "2025-26".')
    _save(root, {f"documents/reports/progress-report-{year}.docx": progress_report(loaded, year, day)},
          f"Write the public progress report for {year}.", author, out, pdf, day)


@report_app.command("add")
@handles_errors
def add(
    date: str = typer.Option(..., "--date", metavar="DATE", help="When the report was given or published."),
    title: str = typer.Option(..., "--title", help="Its title."),
    format: Optional[str] = typer.Option(None, "--format", help="presentation, newsletter, video, web-post, school-board, town-hall, other."),
    audience: Optional[str] = typer.Option(None, "--audience", help="Who it was for."),
    link: Optional[str] = typer.Option(None, "--link", help="Where the public can find it."),
    evidence: Optional[List[str]] = typer.Option(None, "--evidence", metavar="PATH", help="A file in the council folder (repeatable)."),
    again: bool = typer.Option(False, "--again", help="Record it even though the same report is already recorded."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Record a public report the council gave (reports.yaml), as one commit."""
    from cecli.documents.output import add_public_report
    from cecli.loader import find_root

    root = find_root(council if council is not None else Path.cwd())
    typer.echo(add_public_report(root, date=parse_day(date, "--date"), title=title, format=format,
                                 audience=audience, link=link, evidence=evidence, author=author, again=again).said)


def report_edit(
    number: int = typer.Argument(..., metavar="N", min=1, help="The entry's number, as `cec report list` shows it."),
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE", help="A public report's or signature's date."),
    title: Optional[str] = typer.Option(None, "--title"),
    format: Optional[str] = typer.Option(None, "--format"),
    audience: Optional[str] = typer.Option(None, "--audience"),
    link: Optional[str] = typer.Option(None, "--link"),
    period: Optional[str] = typer.Option(None, "--period", metavar='"2025-26 Q2"', help="A quarterly report's quarter."),
    due: Optional[str] = typer.Option(None, "--due", metavar="DATE"),
    submitted: Optional[str] = typer.Option(None, "--submitted", metavar="DATE"),
    school_year: Optional[str] = typer.Option(None, "--school-year", metavar='"2025-26"', help="The Continuation Plan's year."),
    member: Optional[str] = typer.Option(None, "--member", metavar="ID", help="A signature's signer."),
    evidence: Optional[List[str]] = typer.Option(None, "--evidence", metavar="PATH", help="Add an evidence file (repeatable)."),
    reason: Optional[str] = typer.Option(None, "--reason", help="Why (goes into the commit message)."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    from cecli.cli.entries import edit as edit_entry

    given = {"--date": date, "--title": title, "--format": format, "--audience": audience, "--link": link,
             "--period": period, "--due": due, "--submitted": submitted, "--school-year": school_year,
             "--member": member, "--evidence": evidence}
    edit_entry("report", number, given, reason, council, author)


def _report_entries() -> None:
    from cecli.cli.entries import add_entry_commands

    add_entry_commands(report_app, "report", report_edit)


_report_entries()


@templates_app.command("list")
@handles_errors
def templates_list(council: Optional[Path] = COUNCIL) -> None:
    """List the templates and whether the council has its own copy of each."""
    from cecli.documents.output import list_templates

    root = council if council is not None else Path.cwd()
    root = root if (Path(root) / "council.yaml").is_file() else None
    for name, what, own in list_templates(root):
        typer.echo(f"{name:22} {what:32} {'council copy (templates/' + name + ')' if own else 'packaged'}")


@templates_app.command("copy")
@handles_errors
def templates_copy(
    name: str = typer.Argument(..., help="The template, such as agenda.docx (see `cec templates list`)."),
    force: bool = typer.Option(False, "--force", help="Replace the council's own copy."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Copy a packaged template into the council's templates/ folder, to change in Word."""
    from cecli.documents.output import copy_template
    from cecli.loader import find_root

    root = find_root(council if council is not None else Path.cwd())
    typer.echo(copy_template(root, name, author, force).said)


def register(app: typer.Typer) -> None:
    app.command("ballot")(ballot)
    app.add_typer(form_app, name="form")
    app.command("plan")(plan)
    app.command("roster")(roster)
    app.add_typer(report_app, name="report")
    app.add_typer(templates_app, name="templates")
