"""What a change leaves behind: the council's problems after it that were not there before.

A change is committed even when it leaves new problems (the user may be part-way through a task,
such as recording attendance one list at a time), but it says so. Every rule runs, as of today,
before and after; the errors and warnings found only after are the change's new problems. They are
compared by (code, path, message with its counts left out), never by line: lines move when entries
are added; a problem before whose wording the change altered (same code, same file) is not new.
Records dated before `records_start` draw no findings at all (rules/since.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

from cecli.findings import Finding, Severity

SHOWN = (Severity.ERROR, Severity.WARNING)


def council_problems(council, loader_findings: list[Finding], as_of: dt.date) -> list[Finding]:
    """The errors and warnings of a loaded council, from the loader and every applicable rule."""
    from cecli.rules import run_rules

    found, _ = run_rules(council, loader_findings, as_of)
    return [f for f in [*loader_findings, *found] if f.severity in SHOWN]


def new_problems(before: list[Finding], root: Path, as_of: dt.date | None = None) -> list[Finding]:
    """The errors and warnings the council at `root` has now that `before` did not, in file order."""
    from cecli.loader import load_council

    council, findings = load_council(Path(root))
    after = council_problems(council, findings, as_of or dt.date.today())
    return sorted(introduced(before, after), key=lambda f: f.sort_key())


def introduced(before: list[Finding], after: list[Finding]) -> list[Finding]:
    """The problems in `after` that the change itself introduced.

    A problem seen before is not new, even when its wording changed with the change: "does not say
    whether Ann, Bo and Cy were present" becoming "... whether Cy was present" is the same problem,
    smaller. So each problem after is matched first to the same problem before (code, file and
    message, counts left out), then to a problem before of the same code in the same file that is
    gone now; only what is left unmatched is new.
    """
    left = Counter(_key(f) for f in before)
    unmatched = []
    for finding in after:
        key = _key(finding)
        if left[key] > 0:
            left[key] -= 1
        else:
            unmatched.append(finding)
    reworded = Counter()
    for key, count in left.items():
        reworded[key[:2]] += count
    new = []
    for finding in unmatched:
        if reworded[(finding.code, finding.path)] > 0:
            reworded[(finding.code, finding.path)] -= 1
        else:
            new.append(finding)
    return new


_COUNT = re.compile(r"\b\d+ (of \d+|days?)\b")


def _key(finding: Finding) -> tuple:
    # "1 of 13 members" and "1 of 14 members", or "220 days left" and "219 days left", are the same
    # problem seen again; comparing the counts would report an old problem as new
    return (finding.code, finding.path, _COUNT.sub("#", finding.message))


def problems_note(problems: list[Finding], most: int = 10) -> str:
    """"This change leaves 1 new problem: ... Run `cec check` for details." ("" when there are none)."""
    if not problems:
        return ""
    count = len(problems)
    lines = [f"This change leaves {count} new problem{'s' if count != 1 else ''}:"]
    lines += [f"  {f.path}:{f.line}:{f.column}: {f.severity.value}: {f.message} ({f.code})"
              for f in problems[:most]]
    if count > most:
        lines.append(f"  ... and {count - most} more.")
    lines.append("Run `cec check` for details.")
    return "\n".join(lines)
