"""What git says about a council folder: the commit it is at, that commit's date, what is uncommitted.

Export and publish only read; they never commit (their output lives outside the council).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class GitState:
    commit: str | None  # full sha of HEAD, or None outside a git repository (or before the first commit)
    committed_on: dt.date | None  # the commit date of HEAD, as the committer wrote it
    uncommitted: list[str] = field(default_factory=list)  # council files (relative) with uncommitted changes

    @property
    def in_git(self) -> bool:
        return self.commit is not None


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def git_state(root: Path) -> GitState:
    from cecli.rules.files import uncommitted

    commit = _git(root, "rev-parse", "--verify", "-q", "HEAD")
    committed_on = None
    if commit:
        stamp = _git(root, "log", "-1", "--format=%cI", "HEAD")
        if stamp:
            committed_on = dt.datetime.fromisoformat(stamp).date()
    return GitState(commit or None, committed_on, [name for name, _state in uncommitted(root)])
