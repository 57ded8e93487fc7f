"""The package's index: the state's table (required information, the dates, the evidence files),
as a Word document and as Markdown, so a coordinator can copy it into the submission form.
"""

from __future__ import annotations

import datetime as dt

from cecli.documents import base as docs

MISSING = "MISSING: no record for this school year"


def dates_lines(row: dict) -> list[str]:
    """The dates column: the dates found, then what is missing when the item is not ready."""
    lines = list(row["dates"])
    if row["missing"]:
        lines.append(f"MISSING: {row['detail']}" if row.get("detail") else MISSING)
    return lines


def markdown(title: str, header: list[str], rows: list[dict]) -> str:
    def cell(lines: list[str]) -> str:
        return "<br>".join(line.replace("|", "\\|") for line in lines) or "—"

    out = [f"# {title}", ""] + [f"- {line}" for line in header] + [""]
    out += ["| # | Required information | Date(s) | Evidence files |", "|---|---|---|---|"]
    for row in rows:
        files = [f"[{path}](<{path}>)" for path in row["files"]]
        out.append(f"| {row['number']} | {cell([row['required']])} | {cell(dates_lines(row))} | {cell(files)} |")
    examples = [row for row in rows if row.get("examples")]
    if examples:
        out += ["", "Examples of supporting evidence the state gives for each item:", ""]
        out += [f"{row['number']}. {row['required']}: {row['examples']}" for row in examples]
    return "\n".join(out) + "\n"


def document(title: str, header: list[str], rows: list[dict], as_of: dt.date, running: str = "") -> bytes:
    doc = docs.new_document(title, running=(running, as_of.isoformat()) if running else None)
    for line in header:
        doc.add_paragraph(line)
    docs.add_table(doc, ["#", "Required information", "Date(s)", "Evidence files"], [
        [str(row["number"]), row["required"], "\n".join(dates_lines(row)), "\n".join(row["files"]) or "—"]
        for row in rows])
    examples = [row for row in rows if row.get("examples")]
    if examples:
        doc.add_heading("Examples of supporting evidence", level=1)
        for row in examples:
            doc.add_paragraph(f"{row['number']}. {row['required']}: {row['examples']}")
    return docs.save_reproducible(doc, as_of)
