"""`records_start` in council.yaml: what happened before the council's records start is not judged.

A council that starts using cec part-way through its history brings its old meetings and outreach
along as they are; telling it that its 2016 meetings lack attendance helps nobody. Every finding is
placed on a file and a line, and a dated record sits at that line: a meeting file (its date), or an
entry with a `date` in a list (a communication, an information session, an election, a public
report, a goal's progress note, data reviewed, a plan update), or a member whose term ended (their
`end_date`). Findings on records dated before
`records_start` are dropped; findings on undated things (the council, the roster) stay. Periods
that ended before it (school years, quarters) are skipped by the rules themselves
(`Context.years()`, `Context.judged_from`).
"""

from __future__ import annotations

import datetime as dt

from cecli.findings import Finding


def records_start(council) -> dt.date | None:
    info = getattr(council, "info", None)
    return getattr(info, "records_start", None) if info is not None else None


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _dated_spans(loaded, key: str = "date") -> list[tuple[int, int, dt.date]]:
    """(first line, last line, date) of every entry of a list in one parsed file dated by `key`."""
    spans: list[tuple[int, int, dt.date]] = []

    def walk(node, path):
        if isinstance(node, dict):
            for name, value in node.items():
                walk(value, path + (name,))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                here = path + (index,)
                day = _as_date(item.get(key)) if isinstance(item, dict) else None
                if day is not None and here in loaded.values:
                    lines = [line for p, (line, _) in loaded.values.items() if p[:len(here)] == here]
                    spans.append((min(lines), max(lines), day))
                walk(item, here)

    walk(loaded.data, ())
    return spans


def drop_before(council, findings: list[Finding]) -> list[Finding]:
    """The findings that are not about records dated before the council's `records_start`."""
    start = records_start(council)
    if start is None or not findings:
        return findings
    meeting_dates = {}
    for meeting in council.meetings:
        at = getattr(meeting, "at", None)
        if at:
            meeting_dates[at[0]] = meeting.date
    spans: dict[str, list] = {}
    kept = []
    for finding in findings:
        day = meeting_dates.get(finding.path)
        if day is None and finding.path in council.sources and finding.line:
            if finding.path not in spans:
                # a member who left before the records start is history too
                key = "end_date" if finding.path == "roster.yaml" else "date"
                spans[finding.path] = _dated_spans(council.sources[finding.path], key)
            inside = [(last - first, d) for first, last, d in spans[finding.path] if first <= finding.line <= last]
            day = min(inside)[1] if inside else None  # the innermost dated entry
        if day is not None and day < start:
            continue
        kept.append(finding)
    return kept
