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
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cecli.findings import Deadline, Finding, Judgement, Severity

FOLDER = ".cec-cache"
FORMAT = "cec-check-cache/2"
KEEP = 4  # entries kept per council (e.g. a few as-of dates)
_WHOLE = 1 << 20  # files up to this size are hashed by content
_SKIP_DIRS = {".git", FOLDER}
_ENTRY_LIMIT = 64 << 20  # a stored entry (findings as JSON)
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


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
    """The index's stat and HEAD's target for the repository holding `root`, or "no git".

    git's own small files are read with cecli.safefs.read_small: a HEAD that is a FIFO or a link to
    /dev/zero in someone else's folder is not waited on."""
    from cecli.safefs import read_small

    folder = root.resolve()
    for candidate in (folder, *folder.parents):
        dotgit = candidate / ".git"
        if dotgit.is_dir():
            gitdir = dotgit
            break
        if dotgit.is_file():  # a worktree or submodule: "gitdir: <path>"
            text = (read_small(dotgit) or "").strip()
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
    head = (read_small(gitdir / "HEAD") or "").strip()
    parts.append(head)
    if head.startswith("ref: "):
        common = gitdir
        commondir = read_small(gitdir / "commondir")
        if commondir is not None:
            common = (gitdir / commondir.strip()).resolve()
        ref = head[5:]
        value = read_small(common / ref) if ".." not in ref.split("/") else None
        if value is not None:
            parts.append(value.strip())
        else:  # a packed ref: the packed-refs file changes when it moves
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
    try:
        git = _git_state(root)
    except (OSError, ValueError):  # a .git file naming an impossible path: ask git nothing more
        git = "git state unknown"
    digest.update(git.encode("utf-8", "surrogateescape"))
    digest.update(_unpredictable(root).encode())
    root_s = str(root)
    real_root = os.path.realpath(root_s)
    cut = len(root_s) + 1
    for folder, dirs, files in os.walk(root_s):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
        for name in dirs:  # a linked folder is not walked: what it leads to is (or is outside)
            full = os.path.join(folder, name)
            if os.path.islink(full):
                digest.update(full[cut:].encode("utf-8", "surrogateescape") + b"\0")
                digest.update(_link_digest(full, real_root))
        for name in sorted(files):
            full = os.path.join(folder, name)
            digest.update(full[cut:].encode("utf-8", "surrogateescape") + b"\0")
            digest.update(_entry_digest(full, name, real_root))
    return digest.hexdigest()


def _unpredictable(root: Path) -> str:
    """council.yaml's inode and change time: set by the file system when the folder was made here,
    so an entry shipped inside someone else's folder (a forged "no problems") can never match."""
    try:
        info = os.lstat(os.path.join(root, "council.yaml"))
    except OSError:
        return "no council.yaml"
    return f"{info.st_dev} {info.st_ino} {info.st_ctime_ns}"


def _entry_digest(full: str, name: str, real_root: str) -> bytes:
    """What the loader would see at `full`, without following a link out or reading a device or FIFO."""
    try:
        info = os.lstat(full)
    except OSError:
        return b"gone"
    if stat.S_ISLNK(info.st_mode):
        return _link_digest(full, real_root)
    if not stat.S_ISREG(info.st_mode):
        return f"special {stat.S_IFMT(info.st_mode)}".encode()
    return _content_digest(full, name, info)


def _content_digest(full: str, name: str, info: os.stat_result) -> bytes:
    from cecli.safefs import YAML_LIMIT

    yaml = name.endswith((".yaml", ".yml"))
    if info.st_size <= _WHOLE or (yaml and info.st_size <= YAML_LIMIT):
        try:
            fd = os.open(full, _READ_FLAGS)
        except OSError:
            return b"unreadable"
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return b"special"
            hashed = hashlib.sha256()
            while chunk := os.read(fd, 1 << 20):
                hashed.update(chunk)
            return hashed.digest()
        except OSError:
            return b"unreadable"
        finally:
            os.close(fd)
    return f"{info.st_size} {info.st_mtime_ns}".encode()


def _link_digest(full: str, real_root: str) -> bytes:
    """A link: where it points, and the content of what it leads to when that is a file inside."""
    try:
        target = os.readlink(full)
    except OSError:
        return b"link ?"
    real = os.path.realpath(full)
    if not (real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)):
        return b"link outside " + target.encode("utf-8", "surrogateescape")
    try:
        info = os.stat(real)
    except OSError:
        return b"link dangling " + target.encode("utf-8", "surrogateescape")
    if stat.S_ISDIR(info.st_mode):
        return b"link folder " + real[len(real_root):].encode("utf-8", "surrogateescape")
    if not stat.S_ISREG(info.st_mode):
        return f"link special {stat.S_IFMT(info.st_mode)}".encode()
    return b"link " + target.encode("utf-8", "surrogateescape") + _content_digest(real, full, info)


def _cache_folder(root: Path) -> str | None:
    """The council's .cec-cache folder, when it is a real folder (not a link someone shipped that
    would make cec read or write elsewhere), or None."""
    folder = os.path.join(root, FOLDER)
    try:
        info = os.lstat(folder)
    except OSError:
        return None
    return folder if stat.S_ISDIR(info.st_mode) else None


def lookup(root: Path, entry_key: str) -> dict | None:
    """The stored entry for `entry_key`, or None."""
    from cecli.safefs import read_small

    folder = _cache_folder(root)
    if folder is None:
        return None
    path = os.path.join(folder, f"check-{entry_key[:40]}.json")
    if os.path.islink(path):
        return None
    text = read_small(path, _ENTRY_LIMIT)
    if text is None:
        return None
    try:
        entry = json.loads(text)
    except ValueError:
        return None
    if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != entry_key:
        return None
    return entry


def store(root: Path, entry_key: str, entry: dict) -> None:
    """Write an entry atomically and drop the oldest beyond KEEP. Failures are ignored."""
    folder = Path(root) / FOLDER
    try:
        if not os.path.lexists(folder):
            folder.mkdir()
        if _cache_folder(root) is None:
            return  # a link or a file where the cache should be: write nothing through it
        ignore = folder / ".gitignore"
        if not os.path.lexists(ignore):
            _write_new(ignore, b"*\n")
        target = folder / f"check-{entry_key[:40]}.json"
        temp = folder / f".{target.name}.{os.getpid()}.tmp"
        _write_new(temp, json.dumps(dict(entry, format=FORMAT, key=entry_key), ensure_ascii=False).encode("utf-8"))
        os.replace(temp, target)
        old = sorted(folder.glob("check-*.json"), key=lambda p: p.lstat().st_mtime_ns, reverse=True)
        for stale in old[KEEP:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass


def _write_new(path: Path, data: bytes) -> None:
    """Create `path` (never through a link someone left there) and write `data`."""
    if os.path.lexists(path) and not os.path.isdir(path):
        os.unlink(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0),
                 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


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
