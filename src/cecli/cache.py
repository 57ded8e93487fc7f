"""A cache of `cec check` results, so an unchanged council is judged again in a few milliseconds.

Each council keeps its own cache in `.cec-cache/` (git-ignored by the .gitignore `cec init`
writes, and skipped by CEC007). An entry is found by a key that is the SHA-256 of:

- every file of the council folder (except `.git/` and `.cec-cache/`): its path and, for YAML
  files and anything under 1 MB, its content; for bigger files (scans) its size and mtime;
- the shipped profiles (every `Profile.digest`: all profile files);
- cec's version and the source of its checking code (the rules, the loader, the models);
- the as-of date;
- git's state for the folder: the stat of the repository's index and what HEAD points at.

CEC007 (changes not committed) depends on git, not on the files alone: a `git commit` or
`git add` changes nothing in the folder but changes the answer. Both rewrite git's index (and a
commit moves HEAD), so the key carries the index file's size and modification time and HEAD's
target: any of them changing is a miss, and CEC007 is judged afresh. A folder outside any git
repository has the state "no git"; `git init` there creates one and so invalidates the entry.

A hit returns the stored findings, deadlines and the council's summary without loading a file or
running a rule. Nothing here raises for the user: a cache that cannot be read or written is
simply not used. `cec check --no-cache` (or CEC_NO_CACHE=1 in the environment) skips it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cecli.findings import Deadline, Finding, Judgement, Severity

FOLDER = ".cec-cache"
FORMAT = "cec-check-cache/2"
KEEP = 4  # entries kept per council (e.g. a few as-of dates)
_WHOLE = 1 << 20  # files up to this size are hashed by content
_SKIP_DIRS = {".git", FOLDER}


def enabled(requested: bool = True) -> bool:
    return requested and not os.environ.get("CEC_NO_CACHE")


@lru_cache(maxsize=None)
def code_digest() -> str:
    """cec's version, the shipped profiles and the source of everything that decides a finding."""
    import cecli

    package = Path(cecli.__file__).parent
    digest = hashlib.sha256(cecli.__version__.encode())
    parts = [package / "profiles"]
    for name in sorted(os.listdir(package)):
        if name.endswith(".py") or name in ("rules", "model"):
            parts.append(package / name)
    for part in parts:
        files = sorted(part.rglob("*")) if part.is_dir() else [part]
        for file in files:
            if file.suffix in (".py", ".yaml") and file.is_file():
                digest.update(str(file.relative_to(package)).encode() + b"\0")
                digest.update(file.read_bytes())
    return digest.hexdigest()


def _git_state(root: Path) -> str:
    """The index's stat and HEAD's target for the repository holding `root`, or "no git"."""
    folder = root.resolve()
    for candidate in (folder, *folder.parents):
        dotgit = candidate / ".git"
        if dotgit.is_dir():
            gitdir = dotgit
            break
        if dotgit.is_file():  # a worktree or submodule: "gitdir: <path>"
            text = dotgit.read_text(encoding="utf-8", errors="replace").strip()
            if not text.startswith("gitdir:"):
                return "odd .git file " + text
            gitdir = (candidate / text[7:].strip()).resolve()
            break
    else:
        return "no git"
    parts = [str(gitdir)]
    try:
        index = os.stat(gitdir / "index")
        parts.append(f"index {index.st_size} {index.st_mtime_ns}")
    except OSError:
        parts.append("no index")
    try:
        head = (gitdir / "HEAD").read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        head = ""
    parts.append(head)
    if head.startswith("ref: "):
        common = gitdir
        if (gitdir / "commondir").is_file():
            common = (gitdir / (gitdir / "commondir").read_text().strip()).resolve()
        ref = head[5:]
        try:
            parts.append((common / ref).read_text(encoding="utf-8", errors="replace").strip())
        except OSError:  # a packed ref: the packed-refs file changes when it moves
            try:
                packed = os.stat(common / "packed-refs")
                parts.append(f"packed {packed.st_size} {packed.st_mtime_ns}")
            except OSError:
                parts.append("unborn")
    return "\n".join(parts)


def key(root: Path, as_of: dt.date) -> str:
    digest = hashlib.sha256(FORMAT.encode())
    digest.update(code_digest().encode())
    digest.update(as_of.isoformat().encode())
    digest.update(_git_state(root).encode())
    root_s = str(root)
    cut = len(root_s) + 1
    for folder, dirs, files in os.walk(root_s):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
        for name in sorted(files):
            full = os.path.join(folder, name)
            try:
                info = os.stat(full)
            except OSError:
                continue
            digest.update(full[cut:].encode("utf-8", "surrogateescape") + b"\0")
            if info.st_size <= _WHOLE or name.endswith((".yaml", ".yml")):
                with open(full, "rb") as handle:
                    digest.update(hashlib.sha256(handle.read()).digest())
            else:
                digest.update(f"{info.st_size} {info.st_mtime_ns}".encode())
    return digest.hexdigest()


def lookup(root: Path, entry_key: str) -> dict | None:
    """The stored entry for `entry_key`, or None."""
    try:
        with open(os.path.join(root, FOLDER, f"check-{entry_key[:40]}.json"), "rb") as handle:
            entry = json.loads(handle.read())
    except (OSError, ValueError):
        return None
    if entry.get("format") != FORMAT or entry.get("key") != entry_key:
        return None
    return entry


def store(root: Path, entry_key: str, entry: dict) -> None:
    """Write an entry atomically and drop the oldest beyond KEEP. Failures are ignored."""
    folder = Path(root) / FOLDER
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("*\n", encoding="utf-8")
        target = folder / f"check-{entry_key[:40]}.json"
        temp = folder / f".{target.name}.{os.getpid()}.tmp"
        temp.write_text(json.dumps(dict(entry, format=FORMAT, key=entry_key), ensure_ascii=False),
                        encoding="utf-8")
        os.replace(temp, target)
        old = sorted(folder.glob("check-*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for stale in old[KEEP:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass


# --- reports to entries and back ----------------------------------------------------------------

def entry_of(report, summary: dict) -> dict:
    council = report.council
    profile = council.profile
    return {
        "summary": summary,
        # what the report's header shows, so a hit renders without loading the council or its profile
        "view": {
            "name": council.name,
            "school_year": report.school_year,
            "profile": {"name": profile.name, "title": profile.title,
                        "defaults": {k: profile.parameters.get(k) for k in council.overrides}} if profile else None,
            "overrides": dict(council.overrides),
            "disabled": dict(council.disabled),
        },
        "findings": [f.as_dict() for f in report.findings],
        "deadlines": [
            {"due": d.due.isoformat(), "what": d.what, "path": d.path, "line": d.line, "done": d.done}
            for d in report.deadlines
        ],
    }


@dataclass
class CachedProfile:
    name: str
    title: str
    parameters: dict


@dataclass
class CachedCouncil:
    """Just enough of a council to show its report: no file is read, no model is built."""

    root: Path
    name: str
    profile: CachedProfile | None
    overrides: dict
    disabled: dict


@dataclass
class CachedReport(Judgement):
    council: CachedCouncil
    as_of: dt.date
    findings: list
    deadlines: list
    school_year: str


def report_of(root: Path, as_of: dt.date, entry: dict) -> CachedReport:
    """A report rebuilt from an entry: findings, deadlines, and the council's header."""
    view = entry["view"]
    profile = view["profile"]
    council = CachedCouncil(
        root=Path(root), name=view["name"], overrides=dict(view["overrides"]), disabled=dict(view["disabled"]),
        profile=CachedProfile(profile["name"], profile["title"], dict(profile["defaults"])) if profile else None)
    findings = [
        Finding(f["code"], Severity(f["severity"]), f["path"], f["line"], f["column"], f["message"],
                f["hint"], f["source"])
        for f in entry["findings"]
    ]
    deadlines = [
        Deadline(due=dt.date.fromisoformat(d["due"]), what=d["what"], path=d["path"], line=d["line"],
                 done=d["done"])
        for d in entry["deadlines"]
    ]
    return CachedReport(council=council, as_of=as_of, findings=findings, deadlines=deadlines,
                        school_year=view["school_year"])


def cached_report(root: Path, as_of: dt.date) -> CachedReport | None:
    """The stored report for `root` (a council folder) as of `as_of`, or None on a miss."""
    entry = lookup(root, key(root, as_of))
    if entry is None or "view" not in entry:
        return None
    return report_of(root, as_of, entry)


def through_cache(root: Path, as_of: dt.date, judge):
    """`judge(root, as_of) -> Report`, or the stored report when nothing it depends on changed."""
    from cecli.loader import find_root

    root = find_root(root)
    entry_key = key(root, as_of)
    entry = lookup(root, entry_key)
    if entry is not None and "view" in entry:
        return report_of(root, as_of, entry)
    report = judge(root, as_of)
    from cecli.fleet import summarise

    store(root, entry_key, entry_of(report, summarise(report)))
    return report
