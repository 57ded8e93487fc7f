"""cec export: the state's evidence package (or --verify one, or --format popolo|ocd for civic-data tools)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from cecli.cli.common import COUNCIL, council_path, handles_errors, parse_day


class ExportFormat(str, Enum):
    package = "package"
    popolo = "popolo"
    ocd = "ocd"


def export(
    path: Optional[Path] = typer.Argument(None, help="The council folder (default: this folder)."),
    council: Optional[Path] = COUNCIL,
    year: Optional[str] = typer.Option(None, "--year", metavar="YYYY-YY", help="The school year, such as 2025-26 (default: the year of the export date)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Where to write: a folder, or with --zip a .zip file (default: <council>-<year>-evidence in this folder). With --format popolo or ocd, a .json file (default: standard output)."),
    as_zip: bool = typer.Option(False, "--zip", help="Write one reproducible .zip instead of a folder."),
    pdf: bool = typer.Option(False, "--pdf", help="Put a tagged PDF beside every Word document in the package (needs LibreOffice; without it the package is written without them and the command exits 1)."),
    allow_uncommitted: bool = typer.Option(False, "--allow-uncommitted", help="Export even though council files have changes that are not committed."),
    fmt: ExportFormat = typer.Option(ExportFormat.package, "--format", "-f", help="package (the state's evidence), popolo (roster, meetings and votes as Popolo JSON) or ocd (the same as Open Civic Data JSON)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", metavar="DATE", help="The export date (default: the date of the commit the council is at)."),
    verify: Optional[Path] = typer.Option(None, "--verify", metavar="PACKAGE", help="Check an export folder or .zip against its manifest instead, and name every file changed, added or removed."),
) -> None:
    """Assemble the evidence the state asks for, as a folder or zip with an index and a manifest.

    Mississippi: the seven MCAPS evidence items, one folder each. New York: the Community
    Engagement Plan, the roster, the meetings, and the signed quarterly reports and Continuation
    Plan. Both: the `cec check` report as of the export date and manifest.json (sha256 of every
    file, the git commit). Exit codes: 0 written (or verified), 1 --verify found changes (or --pdf
    without LibreOffice: written without PDFs), 2 usage error or uncommitted changes.
    """
    if verify is not None:
        raise typer.Exit(_verify(verify))
    from cecli.model.base import _school_year

    if year is not None:
        try:
            _school_year(year)
        except ValueError as err:
            raise typer.BadParameter(str(err), param_hint="--year") from None
    root = council_path(path, council)
    if fmt in (ExportFormat.popolo, ExportFormat.ocd):
        _popolo(root, out, parse_day(as_of), fmt.value)
        return
    from cecli.export import MANIFEST, build_export, counted, write_export

    result = build_export(root, year, parse_day(as_of), allow_uncommitted, pdf)
    if out is None:
        from cecli.publish.calendar import council_slug
        from cecli.loader import load_council

        out = Path(f"{council_slug(load_council(root)[0])}-{result.year}-evidence")
    written = write_export(result, out, as_zip)
    commit = (result.git.commit or "no commit")[:12]
    listed = len([name for name in result.files if name != MANIFEST])
    typer.echo(f"Wrote {written} ({counted(listed)}) for {result.year}, as of {result.as_of}, from {commit}.")
    if result.git.uncommitted:
        typer.echo(f"Warning: built with uncommitted changes in {', '.join(result.git.uncommitted)}.", err=True)
    if result.missing:
        typer.echo(f"Warning: evidence is missing for {len(result.missing)} item(s):", err=True)
        for row in result.missing:
            typer.echo(f"  {row['number']}. {row['required']}: {row.get('detail') or 'no record'}", err=True)
    shown = [f for f in result.findings
             if f.code.startswith("CEC5") and f.severity.value != "info" and result.year in f.message]
    for finding in shown:
        typer.echo(f"  {finding.path}:{finding.line}: {finding.message} ({finding.code})", err=True)
    if result.missing or shown:
        typer.echo("  The full check report is in check-report.txt inside the package.", err=True)
    if pdf:
        from cecli.documents.output import require_pdf

        require_pdf("the package was, with its Word documents")


def _popolo(root: Path, out: Optional[Path], as_of, flavour: str = "popolo") -> None:
    from cecli.export.popolo import popolo_json
    from cecli.loader import load_council
    from cecli.output import write_output
    from cecli.privacy import require_readable_roster
    from cecli.publish import publish_date

    council, _findings = load_council(root)
    require_readable_roster(council)
    data = popolo_json(council, as_of or publish_date(council.root), flavour)
    if out is None:
        typer.echo(data.decode("utf-8"), nl=False)
        return
    write_output(out, data)
    typer.echo(f"Wrote {out}.")


def _verify(package: Path) -> int:
    from cecli.export import counted, verify_package

    result = verify_package(package)
    manifest = result.manifest
    for label, names in (("changed", result.changed), ("added", result.added), ("removed", result.removed)):
        for name in names:
            typer.echo(f"{label}: {name}")
    built = f"{manifest.get('council')} {manifest.get('school_year')}, commit {str(manifest.get('commit'))[:12]}"
    if result.ok:
        typer.echo(f"✓ {package} matches its manifest ({counted(len(manifest.get('files', [])))}; {built}).")
        return 0
    count = len(result.changed) + len(result.added) + len(result.removed)
    typer.echo(f"✗ {package} does not match its manifest: {count} file(s) changed, added or removed ({built}).")
    return 1


def register(app: typer.Typer) -> None:
    app.command("export")(handles_errors(export))
