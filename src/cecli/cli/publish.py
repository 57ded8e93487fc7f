"""cec publish (the public site) and cec calendar (the meetings as .ics alone)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from cecli.cli.common import COUNCIL, council_path, handles_errors, parse_day


def _load(path: Optional[Path], folder: Optional[Path]):
    from cecli.loader import load_council
    from cecli.privacy import require_readable_roster

    council, _findings = load_council(council_path(path, folder))
    require_readable_roster(council)
    return council


def publish(
    path: Optional[Path] = typer.Argument(None, help="The council folder (default: this folder)."),
    council: Optional[Path] = COUNCIL,
    out: Path = typer.Option(Path("site"), "--out", "-o", help="The folder to write the site into."),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="DATE", help="Show members and upcoming meetings as of this date (default: the date of the commit the council is at)."),
    pdf: bool = typer.Option(False, "--pdf", help="Also publish each meeting's agenda and approved minutes, and the interest form, as tagged PDF (needs LibreOffice)."),
) -> None:
    """Write the council's public site: members, meetings, agendas, approved minutes, goals, reports.

    Static HTML that works opened from a folder (no server, no JavaScript), plus meetings.ics.
    Never shows an email, phone, note, or the name of a student without `public_name: true`.
    With --pdf and no LibreOffice, the site is written without the PDFs and the command exits 1.
    """
    from cecli.publish import build_site, publish_date, write_site

    council = _load(path, council)
    day = parse_day(as_of) or publish_date(council.root)
    files = build_site(council, day, pdf)
    write_site(files, out)
    typer.echo(f"Wrote {len(files)} files to {out}/ (open {out / 'index.html'}).")
    if pdf:
        from cecli.documents.output import require_pdf

        require_pdf("the site was, without them")


def calendar(
    path: Optional[Path] = typer.Argument(None, help="The council folder (default: this folder)."),
    council: Optional[Path] = COUNCIL,
    out: Path = typer.Option(Path("meetings.ics"), "--out", "-o", help="The .ics file to write ('-' for standard output)."),
) -> None:
    """Write the meeting calendar as an iCalendar (.ics) file that calendar apps can subscribe to."""
    from cecli.output import write_output
    from cecli.publish.calendar import calendar_ics

    council = _load(path, council)
    data = calendar_ics(council)
    if str(out) == "-":
        typer.echo(data.decode("utf-8"), nl=False)
        return
    write_output(out, data)
    typer.echo(f"Wrote {out} ({len(council.meetings)} meetings).")


def register(app: typer.Typer) -> None:
    app.command("publish")(handles_errors(publish))
    app.command("calendar")(handles_errors(calendar))
