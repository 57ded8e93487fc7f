"""Many councils at once: find every council folder below a directory and check each one.

`check_many(root, as_of)` returns one `CouncilRow` per council: who it is, how many errors and
warnings it has, meetings held of those needed this school year, MCAPS evidence items ready (for
Mississippi councils), its next deadline, and its findings. Councils are checked independently:
a council that cannot be checked at all becomes a row carrying that problem, and the rest go on.
With many councils the work is spread over the machine's cores (forked worker processes, in
chunks); an unchanged council's result comes from its cache (see cecli.cache).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

SKIP = {".git", "node_modules", "__pycache__", ".cec-cache", "site", "documents", "evidence", "templates"}

PARALLEL_FROM = 16  # fewer councils than this are checked in this process
EXIT_INTERNAL = 3


def find_councils(root: Path, limit: int | None = None) -> list[Path]:
    """Folders below `root` (at any depth) that hold a council.yaml, sorted; a council's own subfolders are not searched."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        if "council.yaml" in files and Path(folder) != Path(root):
            found.append(Path(folder))
            dirs[:] = []
            if limit and len(found) >= limit:
                break
            continue
        dirs[:] = sorted(d for d in dirs if d not in SKIP and not d.startswith("."))
    return sorted(found)


@dataclass
class CouncilRow:
    """One council's line in the status table (plain data: it crosses process boundaries)."""

    path: str  # relative to the folder checked, with forward slashes
    name: str = ""
    district: str = ""
    profile: str = ""
    school_year: str = ""
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    meetings_held: int | None = None
    meetings_needed: int | None = None
    evidence_ready: int | None = None  # of EVIDENCE_ITEMS; None where the profile has none
    next_due: str = ""  # YYYY-MM-DD
    next_what: str = ""
    days_left: int | None = None
    problem: str = ""  # why the council could not be loaded (its council.yaml) or checked at all
    crashed: bool = False  # cec itself failed on this council (exit 3)
    findings: list[dict] = field(default_factory=list)
    cached: bool = False

    def exit_code(self, strict: bool = False) -> int:
        if self.crashed:
            return EXIT_INTERNAL
        if self.errors or (strict and self.warnings):
            return 1
        return 0


EVIDENCE_ITEMS = 7


def summarise(report) -> dict:
    """What the status table shows about a council, beyond its findings (stored in the cache too)."""
    council = report.council
    info = council.info
    profile = council.profile
    year = report.school_year
    summary: dict = {
        "name": info.name if info else None,
        "profile": profile.name if profile else (info.profile if info else None),
        "profile_loaded": profile is not None,
        "district": info.district.name if info and info.district else "",
        "school_year": year,
        "overrides": dict(council.overrides),
        "disabled": dict(council.disabled),
        "meetings_held": None,
        "meetings_needed": None,
        "evidence_ready": None,
    }
    if profile is None:
        return summary
    summary["meetings_held"], summary["meetings_needed"] = _meetings(council, year, report.as_of)
    if profile.applies("CEC501"):
        summary["evidence_ready"] = _evidence_ready(council, year, report.as_of)
    return summary


def _meetings(council, year: str, as_of: dt.date) -> tuple[int, int | None]:
    try:
        from cecli.evidence import council_meetings, held
    except ImportError:  # pragma: no cover - the evidence module is always shipped
        return 0, None
    count = sum(1 for m in council_meetings(council, year) if held(m, as_of))
    per_year = council.param("min_meetings_per_year")
    per_quarter = council.param("min_meetings_per_quarter")
    needed = per_year if per_year is not None else (4 * per_quarter if per_quarter is not None else None)
    return count, needed


def _evidence_ready(council, year: str, as_of: dt.date) -> int | None:
    try:
        from cecli.evidence import evidence_items
    except ImportError:  # pragma: no cover
        return None
    return sum(1 for item in evidence_items(council, year, as_of) if item.ready)


def row_of(rel: str, as_of: dt.date, summary: dict, findings: list[dict], deadlines: list[dict]) -> CouncilRow:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f["severity"]] += 1
    upcoming = sorted((d["due"], d["what"]) for d in deadlines if not d["done"] and d["due"] >= as_of.isoformat())
    row = CouncilRow(
        path=rel,
        name=summary.get("name") or rel.rsplit("/", 1)[-1],
        district=summary.get("district") or "",
        profile=summary.get("profile") or "",
        school_year=summary.get("school_year") or "",
        errors=counts["error"], warnings=counts["warning"], infos=counts["info"],
        meetings_held=summary.get("meetings_held"),
        meetings_needed=summary.get("meetings_needed"),
        evidence_ready=summary.get("evidence_ready"),
        findings=findings,
    )
    if summary.get("name") is None:  # council.yaml itself could not be read: say why
        first = next((f for f in findings if f["path"] == "council.yaml" and f["severity"] == "error"), None)
        row.problem = (f"council.yaml:{first['line']}:{first['column']}: {first['message']}" if first
                       else "council.yaml could not be read.")
    if upcoming:
        row.next_due, row.next_what = upcoming[0]
        row.days_left = (dt.date.fromisoformat(row.next_due) - as_of).days
    return row


def check_one(folder: Path, root: Path, as_of: dt.date, use_cache: bool = True) -> CouncilRow:
    """Check one council for the table. Never raises: a council that cannot be checked is a row saying why."""
    rel = Path(os.path.relpath(folder, root)).as_posix()
    try:
        from cecli import cache

        entry_key = cache.key(folder, as_of) if use_cache else ""
        entry = cache.lookup(folder, entry_key) if use_cache else None
        if entry is not None:
            row = row_of(rel, as_of, entry["summary"], entry["findings"], entry["deadlines"])
            row.cached = True
            return row
        from cecli.check import judge_council

        report = judge_council(folder, as_of)
        entry = cache.entry_of(report, summarise(report))
        if use_cache:
            cache.store(folder, entry_key, entry)
        return row_of(rel, as_of, entry["summary"], entry["findings"], entry["deadlines"])
    except Exception as err:  # one council's trouble must not stop the others
        message = getattr(err, "message", None) or f"{type(err).__name__}: {err}"
        return CouncilRow(path=rel, name=rel.rsplit("/", 1)[-1], crashed=True,
                          problem=f"cec could not check this council: {message}")


def _check_chunk(args) -> list[CouncilRow]:
    folders, root, as_of, use_cache = args
    return [check_one(folder, root, as_of, use_cache) for folder in folders]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover
        return os.cpu_count() or 1


def check_many(root: Path, as_of: dt.date | None = None, use_cache: bool = True,
               workers: int | None = None) -> list[CouncilRow]:
    """Check every council below `root` as of a date; rows in the order of `find_councils`."""
    from cecli import cache

    as_of = as_of or dt.date.today()
    root = Path(root)
    use_cache = cache.enabled(use_cache)
    folders = find_councils(root)
    workers = workers or _cores()
    if workers < 2 or len(folders) < PARALLEL_FROM:
        return [check_one(folder, root, as_of, use_cache) for folder in folders]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # chunks: enough for the cores to share the work evenly, few enough that each is worth sending
    size = max(4, min(64, len(folders) // (workers * 6) or 1))
    chunks = [(folders[i:i + size], root, as_of, use_cache) for i in range(0, len(folders), size)]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    rows: list[CouncilRow] = []
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for chunk_rows in pool.map(_check_chunk, chunks):
            rows.extend(chunk_rows)
    return rows


def exit_code(rows: list[CouncilRow], strict: bool = False) -> int:
    """The worst council's exit code (0 clean, 1 findings, 3 a council that could not be checked)."""
    return max((row.exit_code(strict) for row in rows), default=0)
