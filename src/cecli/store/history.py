"""`cec log`: the audit trail, read from git: who changed what, when, and why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cecli.errors import InvalidInput
from cecli.store import gitrepo

STATUS = {"A": "added", "M": "changed", "D": "removed", "R": "renamed", "C": "copied", "T": "changed"}


@dataclass
class Entry:
    commit: str
    author: str
    email: str
    when: dt.datetime
    message: str
    files: list[tuple[str, str]] = field(default_factory=list)  # (council-relative path, what happened)

    def as_dict(self) -> dict:
        return {"commit": self.commit, "author": self.author, "email": self.email,
                "date": self.when.isoformat(), "message": self.message,
                "files": [{"path": p, "change": c} for p, c in self.files]}


def history(root: Path, path: str | None = None, limit: int | None = None) -> list[Entry]:
    """The commits that touched the council (or one of its files), newest first."""
    from cecli.loader import find_root

    root = find_root(Path(root)).absolute()
    repo = gitrepo.require_repo(root)
    target = "."
    if path:
        given = Path(path)
        full = given if given.is_absolute() else (Path.cwd() / given)
        if not full.exists() and (root / given).exists():
            full = root / given
        try:
            target = full.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            raise InvalidInput(f"{path} is not inside the council folder {root}.") from None
    args = ["log", "--relative", "--no-renames", "--name-status", "-z",
            "--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%s"]
    if limit:
        args.append(f"--max-count={limit}")
    result = gitrepo.git(root, *args, "--", target)
    if result.returncode != 0:
        if b"does not have any commits" in result.stderr:
            return []
        raise InvalidInput(f"git could not read the history: {result.stderr.decode('utf-8', 'replace').strip()}")
    entries = []
    for chunk in result.stdout.decode("utf-8", "replace").split("\x1e")[1:]:
        head, _, rest = chunk.partition("\n")
        sha, name, email, when, subject = head.split("\x1f", 4)
        fields = [f for f in rest.strip("\n\0").split("\0") if f != ""]
        files = []
        for status, file in zip(fields[::2], fields[1::2]):
            files.append((file.lstrip("\n"), STATUS.get(status.strip()[:1], "changed")))
        entries.append(Entry(sha, name, email, dt.datetime.fromisoformat(when), subject.rstrip("\0"), files))
    return entries
