"""Render a check report: a readable grouped report, file:line:col lines, JSON, or GitHub annotations.

The JSON shape is a stable, documented schema (docs/check.md): change it only by adding fields.
"""

from __future__ import annotations

import json
import sys
from itertools import groupby
from typing import TYPE_CHECKING

from cecli.findings import Severity

if TYPE_CHECKING:  # a fresh check.Report or a cache.CachedReport: both answer the same questions
    from cecli.check import Report

JSON_SCHEMA = "cec-check/1"

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_LABEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def emit(report: Report, fmt: str, strict: bool = False) -> None:
    """Print the report in `fmt`. Typer (for colours) is imported only when writing to a terminal,
    so a check answered from the cache starts no faster than it prints."""
    if fmt == "text" and sys.stdout.isatty():
        import typer as click  # Typer carries its own click (echo, style); the click package is not a dependency

        click.echo(text(report, colour=True), color=None)  # echo drops the colours when NO_COLOR asks
        return
    if fmt in ("sarif", "junit"):
        from cecli.render import ci

        judged = [ci.Judged(name=report.council.name, label=location(report, ""),
                            findings=[dict(f.as_dict(), where=location(report, f.path)) for f in report.findings])]
        out = ci.sarif(judged) if fmt == "sarif" else ci.junit(judged, strict)
    elif fmt == "json":
        out = json.dumps(as_json(report), indent=2, ensure_ascii=False)
    elif fmt == "parsable":
        out = "\n".join(parsable(report))
    elif fmt == "github":
        out = "\n".join(github(report))
    else:
        out = text(report, colour=False)
    if out:
        sys.stdout.write(out + "\n")
    sys.stdout.flush()


def location(report: Report, path: str) -> str:
    """A finding's file as the user would type it: relative to where they ran cec when possible."""
    import os

    full = report.council.root / path if path else report.council.root
    try:
        return os.path.relpath(full)
    except ValueError:
        return str(full)


def parsable(report: Report) -> list[str]:
    out = []
    for f in report.findings:
        out.append(f"{location(report, f.path)}:{f.line}:{f.column}: [{f.severity.value}] {f.message} ({f.code})")
    return out


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github(report: Report) -> list[str]:
    kinds = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    out = []
    for f in report.findings:
        props = [f"file={_gh_escape(location(report, f.path), True)}"]
        if f.line:
            props += [f"line={f.line}", f"col={f.column}"]
        props.append(f"title={_gh_escape(f.code, True)}")
        body = f.message + (f" {f.hint}" if f.hint else "")
        out.append(f"::{kinds[f.severity]} {','.join(props)}::{_gh_escape(body)}")
    return out


def as_json(report: Report) -> dict:
    council = report.council
    return {
        "schema": JSON_SCHEMA,
        "council": {
            "path": str(council.root),
            "name": council.name,
            "profile": council.profile.name if council.profile else None,
            "school_year": report.school_year,
        },
        "as_of": report.as_of.isoformat(),
        "summary": {"errors": report.errors, "warnings": report.warnings, "infos": report.infos},
        "overrides": {
            "parameters": {k: v for k, v in council.overrides.items()},
            "disabled": dict(council.disabled),
        },
        "findings": [f.as_dict() for f in report.findings],
        "deadlines": [
            {
                "due": d.due.isoformat(),
                "days_left": (d.due - report.as_of).days,
                "what": d.what,
                "path": d.path,
                "line": d.line,
            }
            for d in report.upcoming()
        ],
    }


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(report: Report) -> str:
    if not report.findings:
        return "✓ No problems found."
    parts = [_plural(report.errors, "error"), _plural(report.warnings, "warning"), _plural(report.infos, "note")]
    mark = "✗" if report.errors else "!"
    return f"{mark} {', '.join(parts)}."


def _plain(text: str, **_styles) -> str:
    return text


def text(report: Report, colour: bool = True, deadlines: int = 8) -> str:
    council = report.council
    if colour:
        import typer as click

        style = click.style
    else:
        style = _plain
    lines: list[str] = []
    lines.append(style(council.name, bold=True))
    profile = council.profile
    head = f"Profile {profile.name} ({profile.title})" if profile else "Profile: unknown"
    lines.append(f"{head} · school year {report.school_year} · as of {report.as_of.isoformat()}")
    for key, value in council.overrides.items():
        default = profile.parameters.get(key) if profile else None
        lines.append(f"Council override: {key} = {value} (profile default {default})")
    for code, reason in council.disabled.items():
        lines.append(f"Council switched off {code}: {reason}")
    lines.append("")
    for path, group in groupby(report.findings, key=lambda f: f.path):
        lines.append(style(location(report, path), bold=True, underline=True))
        for f in group:
            where = f"{f.line}:{f.column}" if f.line else "-"
            label = style(f"{_LABEL[f.severity]:<7}", fg=_COLOURS[f.severity])
            lines.append(f"  {where:>7}  {label}  {f.message} ({f.code})")
            if f.hint:
                lines.append(f"  {'':>7}  {'':<7}  {style('→ ' + f.hint, dim=True)}")
        lines.append("")
    upcoming = report.upcoming(deadlines)
    if upcoming:
        lines.append(style("What is due next", bold=True))
        for d in upcoming:
            days = (d.due - report.as_of).days
            left = "today" if days == 0 else ("tomorrow" if days == 1 else f"in {days} days")
            where = f"  ({location(report, d.path)}{':' + str(d.line) if d.line else ''})" if d.path else ""
            lines.append(f"  {d.due.isoformat()}  {left:<12} {d.what}{where}")
        lines.append("")
    lines.append(style(summary_line(report), bold=True,
                       fg="red" if report.errors else ("yellow" if report.warnings else "green")))
    return "\n".join(lines)
