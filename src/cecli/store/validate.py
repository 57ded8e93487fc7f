"""Would the council still be valid after this change? Judge the would-be files before writing them.

The files a change writes are laid over a scratch copy of the council's YAML files, loaded the way
`cec check` loads them, and the file rules (CEC001 to CEC005: syntax, types, missing pieces,
references, ids) are run. Only problems the change itself introduces refuse it: a council that
already has a broken meeting file can still get a new member.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from cecli import safefs
from cecli.errors import RecordsInvalid
from cecli.findings import Finding, Severity

FILE_CODES = ("CEC001", "CEC002", "CEC003", "CEC004", "CEC005")


def file_errors(council, loader_findings: list[Finding], codes: tuple[str, ...] = ("CEC004", "CEC005")) -> list[Finding]:
    """The CEC001-CEC005 errors of a loaded council (and CEC006, evidence, when `codes` names it)."""
    from cecli.rules import REGISTRY, Context

    found = [f for f in loader_findings if f.code in FILE_CODES and f.severity is Severity.ERROR]
    ctx = Context(council, __import__("datetime").date.today(), loader_findings)
    for code in codes:
        entry = REGISTRY.get(code)
        if entry is None or entry.check is None or code in council.disabled:
            continue
        ctx.rule = entry
        ctx.severity = Severity.ERROR
        found.extend(f for f in entry.check(ctx) if f.severity is Severity.ERROR)
    return found


def finding_lines(findings: list[Finding], most: int = 20) -> list[str]:
    """"  path:line:col: message (CODE)" for each finding in file order, at most `most` of them."""
    ordered = sorted(findings, key=lambda f: f.sort_key())
    lines = [f"  {f.path}:{f.line}:{f.column}: {f.message} ({f.code})" for f in ordered[:most]]
    if len(ordered) > most:
        lines.append(f"  ... and {len(ordered) - most} more.")
    return lines


def _key(finding: Finding) -> tuple:
    return (finding.code, finding.path, finding.message)  # lines move when entries are added


def yaml_files(root: Path) -> list[str]:
    from cecli.council import COUNCIL_FILES

    out = [name for name in COUNCIL_FILES if (root / name).is_file()]
    meetings = root / "meetings"
    if meetings.is_dir():
        out += [f"meetings/{p.name}" for p in sorted(meetings.iterdir()) if p.suffix in (".yaml", ".yml")]
    return out


def is_checked(rel: str) -> bool:
    from cecli.council import COUNCIL_FILES

    return rel in COUNCIL_FILES or (rel.startswith("meetings/") and rel.count("/") == 1
                                    and rel.endswith((".yaml", ".yml")))


def check_change(root: Path, pending: dict[str, bytes | None], before: list[Finding] | None) -> None:
    """Raise RecordsInvalid listing the CEC001-CEC005 errors that `pending` would introduce.

    A path whose bytes are None is deleted by the change (so it is left out of the would-be council).
    """
    from cecli.loader import load_council

    if not any(is_checked(rel) for rel in pending):
        return
    with tempfile.TemporaryDirectory(prefix="cec-check-") as scratch:
        base = Path(scratch) / "council"
        base.mkdir()
        for rel in yaml_files(root):
            if rel in pending:
                continue
            try:  # through cecli.safefs: a FIFO or a link to /dev/zero must not hang the copy
                data = safefs.read_bytes(root, rel, safefs.YAML_LIMIT)
            except safefs.Refused:
                continue  # cec never reads it (`cec check` says why, CEC001); judge the change without it
            target = base / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        for rel, data in pending.items():
            if data is None or not is_checked(rel):
                continue
            target = base / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        council, findings = load_council(base)
        after = file_errors(council, findings)
    known = {_key(f) for f in (before or [])}
    new = [f for f in after if _key(f) not in known]
    if new:
        raise RecordsInvalid(
            "This change would leave the council's records invalid, so nothing was written:\n"
            + "\n".join(finding_lines(new)),
            "Correct the values given (or fix the files named above) and run the command again.",
        )
