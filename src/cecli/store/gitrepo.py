"""The few git commands cec needs, run as `git` subprocesses (fast, honours hooks and attributes).

GitPython is not used here: its `index.commit` sweeps in whatever the user staged and silently
invents an identity when none is configured (see LIBRARY-NOTES.md).
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from cecli.errors import GitProblem

INDEX_LOCK_WAIT = 3.0  # seconds to wait for another program's .git/index.lock


@dataclass(frozen=True)
class Repo:
    top: Path  # the working tree's root
    git_dir: Path  # absolute .git folder
    prefix: str  # the council folder relative to `top`, "" or ending in "/"

    def rel(self, council_rel: str) -> str:
        """A council-relative path as a path relative to the repository root."""
        return f"{self.prefix}{council_rel}"

    @property
    def index_lock(self) -> Path:
        return self.git_dir / "index.lock"


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["LC_ALL"] = "C"
    env["GIT_TERMINAL_PROMPT"] = "0"
    if extra:
        env.update(extra)
    return env


def git(cwd: Path, *args: str, env: dict[str, str] | None = None, input: bytes | None = None,
        check: bool = False) -> subprocess.CompletedProcess:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, env=_env(env), input=input)
    except OSError as err:
        raise GitProblem(f"git could not be run ({err.strerror}).",
                         "Install git (https://git-scm.com) and try again.") from None
    if check and result.returncode != 0:
        raise GitProblem(f"git {args[0]} failed: {_text(result.stderr) or _text(result.stdout)}")
    return result


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace").strip()


def find_repo(root: Path) -> Repo | None:
    """The git repository holding `root` (which may be a subfolder of it), or None."""
    result = git(root, "rev-parse", "--show-toplevel", "--absolute-git-dir", "--show-prefix")
    if result.returncode != 0:
        return None
    lines = _text(result.stdout).splitlines()
    if len(lines) < 2:
        return None
    top, git_dir = Path(lines[0]), Path(lines[1])
    prefix = lines[2] if len(lines) > 2 else ""
    return Repo(top=top, git_dir=git_dir, prefix=prefix)


def require_repo(root: Path) -> Repo:
    repo = find_repo(root)
    if repo is None:
        raise GitProblem(
            f"{root} is not in a git repository, so cec cannot keep an audit trail of changes to it. "
            "Nothing was written.",
            "Run `git init` in the council folder (or create a new council with `cec init`).",
        )
    return repo


def config_value(root: Path, key: str) -> str:
    result = git(root, "config", "--get", key)
    return _text(result.stdout) if result.returncode == 0 else ""


def _lock_error(result: subprocess.CompletedProcess) -> bool:
    err = _text(result.stderr)
    return "index.lock" in err and ("exists" in err or "Unable to create" in err)


def wait_for_index(repo: Repo, seconds: float = INDEX_LOCK_WAIT) -> bool:
    """True once no other program holds .git/index.lock (waiting up to `seconds`). Never deletes it."""
    deadline = time.monotonic() + seconds
    while repo.index_lock.exists():
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    return True


def run_retrying(repo: Repo, *args: str, env: dict[str, str] | None = None,
                 input: bytes | None = None) -> subprocess.CompletedProcess:
    """A git command that needs the index, retried while another program holds index.lock."""
    deadline = time.monotonic() + INDEX_LOCK_WAIT
    while True:
        result = git(repo.top, *args, env=env, input=input)
        if result.returncode == 0 or not _lock_error(result) or time.monotonic() >= deadline:
            return result
        time.sleep(0.15)


def describe_failure(result: subprocess.CompletedProcess) -> str:
    text = (_text(result.stderr) + "\n" + _text(result.stdout)).strip()
    if _lock_error(result):
        return ("another program is using this git repository (.git/index.lock exists). If no git "
                "program is running, that file is left over from a crash and can be removed by hand")
    lines = [line for line in text.splitlines() if line.strip()]
    return " ".join(lines[-6:]) if lines else f"git exited with code {result.returncode}"


def index_entries(repo: Repo, paths: list[str]) -> dict[str, str]:
    """repo-relative path -> its `git ls-files -s` line (mode sha stage\\tpath), for staged paths."""
    if not paths:
        return {}
    result = git(repo.top, "ls-files", "-s", "-z", "--", *paths)
    out: dict[str, str] = {}
    for entry in _text(result.stdout).split("\0"):
        if "\t" in entry:
            out[entry.split("\t", 1)[1]] = entry
    return out


def restore_index(repo: Repo, paths: list[str], before: dict[str, str]) -> None:
    """Put the index entries of `paths` back as they were (unstage what cec staged)."""
    lines = []
    for path in paths:
        if path in before:
            lines.append(before[path])
        else:
            lines.append(f"0 {'0' * 40}\t{path}")  # mode 0 removes the entry
    if lines:
        run_retrying(repo, "update-index", "-z", "--index-info",
                     input=("\0".join(lines) + "\0").encode("utf-8"))


def head_sha(repo: Repo) -> str:
    return _text(git(repo.top, "rev-parse", "HEAD").stdout)


def show(repo: Repo, rev: str, path: str) -> bytes | None:
    """The bytes of repo-relative `path` at commit `rev` (None when it has no such file)."""
    result = git(repo.top, "cat-file", "blob", f"{rev}:{path}")
    return result.stdout if result.returncode == 0 else None


def status(repo: Repo, paths: list[str]) -> dict[str, str]:
    """repo-relative path -> its two-letter `git status --porcelain` state, for paths not as committed."""
    if not paths:
        return {}
    result = git(repo.top, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames",
                 "--", *paths)
    out: dict[str, str] = {}
    for entry in result.stdout.decode("utf-8", "surrogateescape").split("\0"):
        if len(entry) > 3:
            out[entry[3:]] = entry[:2]
    return out


def has_head(repo: Repo) -> bool:
    return git(repo.top, "rev-parse", "--verify", "--quiet", "HEAD").returncode == 0
