"""`cec export` as a library: the state's evidence package for one school year, with a manifest.

    result = build_export(path, year="2025-26")      # everything in memory, nothing written
    write_export(result, Path("out"), as_zip=True)   # a folder, or a reproducible zip
    verify_package(Path("out.zip"))                  # what changed since it was built

The export date defaults to the date of the commit the council is at, so the same commit always
gives the same bytes. Council files with uncommitted changes are refused unless allowed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cecli import __version__
from cecli.errors import CecError, InvalidInput
from cecli.export.gitinfo import GitState, git_state
from cecli.export.package import (MANIFEST, Package, Verification, counted, manifest_bytes, verify_package,
                                  write_folder, zip_bytes)
from cecli.output import write_output

__all__ = ["ExportResult", "build_export", "write_export", "verify_package", "Verification", "UncommittedChanges",
           "counted"]


class UncommittedChanges(CecError):
    """The council has changes that are not committed: the package could not name what it was built from."""


@dataclass
class ExportResult:
    council_name: str
    profile: str
    year: str
    as_of: dt.date
    git: GitState
    files: dict[str, bytes]
    rows: list[dict]
    report: object  # the cec check Report as of the export date
    findings: list = field(default_factory=list)

    @property
    def missing(self) -> list[dict]:
        return [row for row in self.rows if row["missing"]]

    def zip(self) -> bytes:
        return zip_bytes(self.files, self.as_of)


def _header(council, year: str, as_of: dt.date, state: GitState) -> list[str]:
    lines = [f"Council: {council.name}"]
    if council.info and council.info.district:
        code = f" ({council.info.district.code})" if council.info.district.code else ""
        lines.append(f"District: {council.info.district.name}{code}")
    for school in (council.info.schools if council.info else []):
        lines.append(f"School: {school.name}" + (f" ({school.code})" if school.code else ""))
    lines.append(f"School year: {year}")
    lines.append(f"Records as of: {as_of.isoformat()}")
    lines.append(f"Built from commit: {state.commit or 'none (not in git)'}"
                 + (" with uncommitted changes" if state.uncommitted else ""))
    return lines


def export_items() -> dict:
    """The kinds of export item a profile can list under `export: items:`, each a function
    (package, council, year, as_of, first number) -> index rows."""
    from cecli.export import ca, ms, ny

    return {
        "mcaps": ms.build,
        "engagement-plan": ny.plan_item,
        "roster-groups": ny.roster_item,
        "meetings": ny.meetings_item,
        "quarterly-signatures": ny.signatures_item,
        "roster-sides": ca.roster_item,
        "posted-agendas": ca.agendas_item,
        "minutes": ca.minutes_item,
        "spsa-approvals": ca.spsa_item,
    }


def build_export(path: Path, year: str | None = None, as_of: dt.date | None = None,
                 allow_uncommitted: bool = False, pdf: bool = False) -> ExportResult:
    from cecli.export import index
    from cecli.export.records import add_check_report
    from cecli.loader import find_root, load_council

    root = find_root(Path(path))
    state = git_state(root)
    if not allow_uncommitted:
        if not state.in_git:
            raise UncommittedChanges(
                f"{root} is not in a git repository (or has no commit yet), so the export cannot name "
                "the commit it was built from.",
                "Commit the council first (`cec commit`), or pass --allow-uncommitted.")
        if state.uncommitted:
            raise UncommittedChanges(
                "These council files have changes that are not committed: " + ", ".join(state.uncommitted) + ".",
                'Commit them first (`cec commit -m "what changed"`), or pass --allow-uncommitted.')
    as_of = as_of or state.committed_on or dt.date.today()
    council, _findings = load_council(root)
    if council.profile is None:
        raise InvalidInput("council.yaml names no profile cec knows, so it cannot tell what the state asks for.",
                           "Run `cec check` and fix council.yaml.")
    year = year or council.school_year(as_of)
    package = Package(root)
    _paths, report = add_check_report(package, root, as_of)
    header = _header(council, year, as_of, state)
    spec = council.profile.export
    kinds = export_items()
    unknown = [kind for kind in spec.get("items") or [] if kind not in kinds]
    if not spec.get("items") or unknown:
        raise InvalidInput(f"The {council.profile.name} profile does not say what the state asks for in its export"
                           + (f" (unknown items: {', '.join(unknown)})." if unknown else "."),
                           f"Export items cec knows: {', '.join(kinds)}.")
    rows: list[dict] = []
    for kind in spec["items"]:
        rows += kinds[kind](package, council, year, as_of, len(rows) + 1)
    title = f"{council.name}: {spec.get('title', 'evidence')}, {year}"
    package.add("index.md", index.markdown(title, header, rows))
    package.add("index.docx", index.document(title, header, rows, as_of, running=council.name))
    if pdf:  # a tagged PDF beside every Word document of the package (none when LibreOffice is missing)
        from cecli.documents.output import with_pdfs

        for name, data in with_pdfs(None, {n: d for n, d in package.files.items() if n.endswith(".docx")},
                                    as_of, True).items():
            package.add(name, data)
    meta = {
        "council": council.name,
        "profile": council.profile.name,
        "school_year": year,
        "date": as_of.isoformat(),
        "commit": state.commit,
        "uncommitted": state.uncommitted,
        "cec_version": __version__,
        "missing": [row["required"] for row in rows if row["missing"]],
    }
    package.add(MANIFEST, manifest_bytes(meta, package.files))
    return ExportResult(council.name, council.profile.name, year, as_of, state, dict(package.files), rows, report,
                        report.findings)


def write_export(result: ExportResult, out: Path, as_zip: bool = False) -> Path:
    out = Path(out)
    if as_zip:
        if out.suffix != ".zip":
            out = out.with_name(out.name + ".zip")
        write_output(out, result.zip())
    else:
        write_folder(result.files, out)
    return out
