"""`cec check DIR` over a folder of many councils: one status table, or JSON/CSV, or every finding.

The library does the work (`cecli.fleet.check_many`); this module only sorts and renders the rows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer as click  # Typer carries its own click (echo, style); the click package is not a dependency
import typer

JSON_SCHEMA = "cec-check-many/1"

SORTS = ("council", "name", "district", "errors", "warnings", "meetings", "evidence", "deadline")

COLUMNS = ("Council", "District", "Profile", "Year", "Errors", "Warnings", "Meetings", "Evidence",
           "Next deadline", "Days")

CSV_FIELDS = ("council", "name", "district", "profile", "school_year", "errors", "warnings", "notes",
              "meetings_held", "meetings_needed", "evidence_ready", "evidence_of", "next_deadline",
              "next_what", "days_left", "exit_code", "problem")


def check_many(root: Path, day: dt.date | None, fmt: str, strict: bool, details: bool, sort: str,
               use_cache: bool = True) -> int:
    """Check every council below `root`, print the result in `fmt`, return the exit code of the worst."""
    from cecli import fleet

    if sort not in SORTS:
        raise typer.BadParameter(f"`{sort}` is not a column to sort by; use one of: {', '.join(SORTS)}.",
                                 param_hint="--sort")
    day = day or dt.date.today()
    rows = fleet.check_many(root, day, use_cache=use_cache)
    if not rows:
        from cecli.cli.common import say_error

        say_error(f"{root} holds no council folder (no council.yaml below it).",
                  "Give the folder that holds the councils, or create one with `cec init`.")
        return 2
    rows = sort_rows(rows, sort)
    if fmt == "json":
        emit_json(rows, root, day, strict)
    elif fmt == "csv":
        emit_csv(rows, strict)
    elif fmt == "parsable":
        for row in rows:
            for line in parsable(row):
                click.echo(line)
    elif fmt == "github":
        for row in rows:
            for line in github(row):
                click.echo(line)
    elif fmt in ("sarif", "junit"):
        from cecli.render import ci

        judged = [ci.Judged(name=row.name, label=_as_typed(root, row.path), crashed=row.problem if row.crashed else "",
                            findings=[dict(f, where=_as_typed(root, _where(row, f))) for f in row.findings])
                  for row in rows]
        click.echo(ci.sarif(judged) if fmt == "sarif" else ci.junit(judged, strict))
    else:
        click.echo(table(rows, day, strict), color=None)
        if details:
            click.echo(detail_text(rows), color=None)
    for row in rows:
        if row.crashed and fmt != "text":
            click.echo(f"Error: {row.path}: {row.problem}", err=True)
    return fleet.exit_code(rows, strict)


def _on_track(row) -> tuple:
    if row.meetings_needed:
        return (row.meetings_held or 0) / row.meetings_needed, row.path
    return 2.0, row.path


def sort_rows(rows: list, by: str) -> list:
    keys = {
        "council": lambda r: r.path,
        "name": lambda r: (r.name.lower(), r.path),
        "district": lambda r: (r.district.lower(), r.path),
        "errors": lambda r: (-int(r.crashed), -r.errors, -r.warnings, r.path),
        "warnings": lambda r: (-r.warnings, -r.errors, r.path),
        "meetings": _on_track,
        "evidence": lambda r: (r.evidence_ready if r.evidence_ready is not None else 99, r.path),
        "deadline": lambda r: (r.next_due or "9999", r.path),
    }
    return sorted(rows, key=keys[by])


def _of(value, total) -> str:
    if value is None:
        return "-"
    return f"{value}/{total}" if total is not None else str(value)


def cells(row) -> list[str]:
    if row.crashed:
        return [row.path, "-", "-", "-", "-", "-", "-", "-", "could not be checked", "-"]
    return [
        row.path,
        row.district or "-",
        row.profile or "-",
        row.school_year or "-",
        str(row.errors),
        str(row.warnings),
        _of(row.meetings_held, row.meetings_needed),
        _of(row.evidence_ready, 7) if row.evidence_ready is not None else "-",
        row.next_due or "-",
        str(row.days_left) if row.days_left is not None else "-",
    ]


def table(rows: list, day: dt.date, strict: bool = False) -> str:
    body = [cells(row) for row in rows]
    widths = [max(len(COLUMNS[i]), *(len(r[i]) for r in body)) for i in range(len(COLUMNS))]
    numeric = {4, 5, 6, 7, 9}

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(widths[i]) if i in numeric else v.ljust(widths[i])
                         for i, v in enumerate(values)).rstrip()

    out = [click.style(line(list(COLUMNS)), bold=True)]
    for row, values in zip(rows, body):
        text = line(values)
        if row.crashed or row.errors:
            text = click.style(text, fg="red")
        elif row.warnings:
            text = click.style(text, fg="yellow")
        out.append(text)
    out.append("")
    problems = [row for row in rows if row.problem]
    if problems:
        out.append(click.style("Could not be read in full", bold=True))
        for row in problems:
            out.append(f"  {row.path}: {row.problem}")
        out.append("")
    failing = sum(1 for r in rows if r.exit_code(strict))
    with_errors = sum(1 for r in rows if r.errors or r.crashed)
    with_warnings = sum(1 for r in rows if r.warnings and not (r.errors or r.crashed))
    clean = len(rows) - with_errors - with_warnings
    noun = "council" if len(rows) == 1 else "councils"
    out.append(f"{len(rows)} {noun} as of {day.isoformat()}: {with_errors} with errors, "
               f"{with_warnings} with warnings only, {clean} clean.")
    if failing and not with_errors:
        out.append("(--strict: warnings count as failures.)")
    out.append("Meetings: held of needed this school year. Evidence: MCAPS items ready of seven "
               "(Mississippi councils).")
    return "\n".join(out)


def _as_typed(root, rel: str) -> str:
    """A path below the folder of councils, relative to where cec runs (as a code-scanning upload wants)."""
    import os

    full = os.path.join(str(root), rel)
    try:
        return os.path.relpath(full)
    except ValueError:
        return full


def _where(row, finding: dict) -> str:
    path = f"{row.path}/{finding['path']}" if finding["path"] else row.path
    return path


def detail_text(rows: list) -> str:
    out = [""]
    for row in rows:
        if not (row.findings or row.problem):
            continue
        out.append(click.style(f"{row.path} ({row.name})", bold=True, underline=True))
        if row.crashed:
            out.append(f"  {row.problem}")
        for f in row.findings:
            where = f"{f['path'] or '.'}:{f['line']}:{f['column']}" if f["line"] else (f["path"] or ".")
            out.append(f"  {where}  {f['severity']}  {f['message']} ({f['code']})")
            if f.get("hint"):
                out.append(f"      → {f['hint']}")
        out.append("")
    return "\n".join(out).rstrip() + "\n" if len(out) > 1 else ""


def parsable(row) -> list[str]:
    return [f"{_where(row, f)}:{f['line']}:{f['column']}: [{f['severity']}] {f['message']} ({f['code']})"
            for f in row.findings]


def _gh(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github(row) -> list[str]:
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    out = []
    for f in row.findings:
        props = [f"file={_gh(_where(row, f), True)}"]
        if f["line"]:
            props += [f"line={f['line']}", f"col={f['column']}"]
        props.append(f"title={_gh(f['code'], True)}")
        body = f["message"] + (f" {f['hint']}" if f.get("hint") else "")
        out.append(f"::{kinds[f['severity']]} {','.join(props)}::{_gh(body)}")
    return out


def as_record(row, strict: bool = False) -> dict:
    return {
        "council": row.path,
        "name": row.name,
        "district": row.district,
        "profile": row.profile or None,
        "school_year": row.school_year or None,
        "summary": {"errors": row.errors, "warnings": row.warnings, "infos": row.infos},
        "meetings": {"held": row.meetings_held, "needed": row.meetings_needed},
        "evidence": {"ready": row.evidence_ready, "of": 7} if row.evidence_ready is not None else None,
        "next_deadline": ({"due": row.next_due, "what": row.next_what, "days_left": row.days_left}
                          if row.next_due else None),
        "exit_code": row.exit_code(strict),
        "problem": row.problem or None,
        "findings": row.findings,
    }


def emit_json(rows: list, root: Path, day: dt.date, strict: bool) -> None:
    import json

    document = {
        "schema": JSON_SCHEMA,
        "root": str(root),
        "as_of": day.isoformat(),
        "summary": {
            "councils": len(rows),
            "with_errors": sum(1 for r in rows if r.errors or r.crashed),
            "with_warnings": sum(1 for r in rows if r.warnings),
            "exit_code": max(r.exit_code(strict) for r in rows),
        },
        "councils": [as_record(row, strict) for row in rows],
    }
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))


def emit_csv(rows: list, strict: bool) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for row in rows:
        writer.writerow([
            row.path, row.name, row.district, row.profile, row.school_year, row.errors, row.warnings,
            row.infos, _blank(row.meetings_held), _blank(row.meetings_needed), _blank(row.evidence_ready),
            7 if row.evidence_ready is not None else "", row.next_due, row.next_what,
            _blank(row.days_left), row.exit_code(strict), row.problem,
        ])
    click.echo(buffer.getvalue(), nl=False)


def _blank(value) -> str:
    return "" if value is None else str(value)
