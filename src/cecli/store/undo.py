"""`cec undo` and `cec restore`: take a change back, or bring a file back, with a new commit.

History is never rewritten. Undo reverses one commit's changes to the council's files (the latest
change by default) and records that as a new commit "Undo: <its message>", committing only the
council paths that commit touched. It works out the reversed files in a scratch git index, so the
user's index and files are not touched until the change is made through `change()` (atomic writes,
the same checks as every change, one commit).

Undo refuses, saying why and what to do:
- the council's first change (or the change that created the council), which would remove it all;
- a file involved that has edits not yet recorded (`cec commit` them first);
- a later change that touched the same lines: it names that change (date, author, message).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from cecli.errors import InvalidInput
from cecli.store import gitrepo


@dataclass
class Commit:
    sha: str
    parents: list[str]
    author: str
    when: dt.datetime
    message: str

    def describe(self) -> str:
        """"2026-11-22 14:03, Dana Secretary: “Add member Ann Lee.” (commit 4cb8701)"."""
        return f"{self.when:%Y-%m-%d %H:%M}, {self.author}: “{self.message}” (commit {self.sha[:7]})"


@dataclass
class Undone:
    undone: Commit
    message: str
    sha: str | None
    paths: tuple[str, ...]
    problems: list = field(default_factory=list)


def read_commit(repo: gitrepo.Repo, rev: str) -> Commit | None:
    result = gitrepo.git(repo.top, "show", "-s", "--format=%H%x1f%P%x1f%an%x1f%aI%x1f%s", f"{rev}^{{commit}}", "--")
    if result.returncode != 0:
        return None
    sha, parents, author, when, subject = result.stdout.decode("utf-8", "replace").strip().split("\x1f", 4)
    return Commit(sha, parents.split(), author, dt.datetime.fromisoformat(when), subject)


def _council_spec(repo: gitrepo.Repo) -> str:
    return f":(top){repo.prefix}"


def latest_change(repo: gitrepo.Repo) -> Commit | None:
    result = gitrepo.git(repo.top, "log", "-1", "--format=%H", "--", _council_spec(repo))
    sha = result.stdout.decode().strip()
    return read_commit(repo, sha) if result.returncode == 0 and sha else None


def touched(repo: gitrepo.Repo, commit: Commit) -> list[tuple[str, str]]:
    """(status letter, repo-relative path) of the council files `commit` changed."""
    result = gitrepo.git(repo.top, "diff-tree", "-r", "--no-renames", "--name-status", "-z", "--no-commit-id",
                         commit.parents[0], commit.sha, "--", _council_spec(repo))
    fields = [f for f in result.stdout.decode("utf-8", "surrogateescape").split("\0") if f]
    return list(zip(fields[::2], fields[1::2]))


def _council_rel(repo: gitrepo.Repo, path: str) -> str:
    return path[len(repo.prefix):] if repo.prefix and path.startswith(repo.prefix) else path


def _reversed_patch(repo: gitrepo.Repo, commit: Commit, paths: list[str]) -> bytes:
    result = gitrepo.git(repo.top, "diff", "--binary", "--no-renames", "--full-index", commit.sha, commit.parents[0],
                         "--", *[f":(top,literal){p}" for p in paths])
    return result.stdout


class _ScratchIndex:
    """A private git index in .git, so trying a patch never touches the user's index or files."""

    def __init__(self, repo: gitrepo.Repo) -> None:
        self.repo = repo
        fd, self.path = tempfile.mkstemp(prefix="cec-undo-index.", dir=repo.git_dir)
        os.close(fd)
        os.unlink(self.path)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        for suffix in ("", ".lock"):
            try:
                os.unlink(self.path + suffix)
            except FileNotFoundError:
                pass

    def run(self, *args: str, input: bytes | None = None):
        return gitrepo.git(self.repo.top, *args, env={"GIT_INDEX_FILE": self.path}, input=input)

    def applies(self, rev: str, patch: bytes) -> bool:
        self.run("read-tree", rev)
        return self.run("apply", "--cached", "--check", "--binary", "-", input=patch).returncode == 0

    def apply(self, rev: str, patch: bytes) -> bool:
        self.run("read-tree", rev)
        return self.run("apply", "--cached", "--binary", "-", input=patch).returncode == 0


def _blob(repo: gitrepo.Repo, index: _ScratchIndex, path: str) -> bytes | None:
    listed = index.run("ls-files", "-s", "-z", "--", f":(top,literal){path}").stdout.decode("utf-8", "surrogateescape")
    entry = next((e for e in listed.split("\0") if "\t" in e and e.split("\t", 1)[1] == path), None)
    if entry is None:
        return None
    sha = entry.split()[1]
    return gitrepo.git(repo.top, "cat-file", "blob", sha).stdout


def _conflicting(repo: gitrepo.Repo, index: _ScratchIndex, commit: Commit, paths: list[str], patch: bytes) -> Commit | None:
    """The first later change after which the reversal no longer applies (it touched the same lines)."""
    result = gitrepo.git(repo.top, "rev-list", "--reverse", f"{commit.sha}..HEAD", "--",
                         *[f":(top,literal){p}" for p in paths])
    later = result.stdout.decode().split()
    for sha in later:
        if not index.applies(sha, patch):
            return read_commit(repo, sha)
    return read_commit(repo, later[-1]) if later else None


def undo(root: Path | str, rev: str | None = None, author=None) -> Undone:
    """Reverse one change to the council (the latest by default) with a new commit."""
    from cecli.store.transaction import change, refuse_unrecorded

    with change(root, "Undo.", author) as tx:
        repo = tx.repo
        commit = _target(repo, rev)
        files = touched(repo, commit)
        if not files:
            raise InvalidInput(f"{commit.describe()} did not change this council's files, so there is nothing to undo here.",
                               "See the council's changes with `cec log`.")
        if any(status == "A" and _council_rel(repo, path) == "council.yaml" for status, path in files):
            raise InvalidInput(f"{commit.describe()} created the council: undoing it would remove the whole council, "
                               "so cec does not.", "Undo a later change, or correct the records with the edit commands.")
        rels = [_council_rel(repo, path) for _status, path in files]
        refuse_unrecorded(repo, rels, "so nothing was undone")
        paths = [path for _status, path in files]
        patch = _reversed_patch(repo, commit, paths)
        with _ScratchIndex(repo) as index:
            if not index.apply("HEAD", patch):
                later = _conflicting(repo, index, commit, paths, patch)
                what = f"a later change touched the same lines: {later.describe()}" if later else \
                    "the files have changed since in the same places"
                raise InvalidInput(
                    f"{commit.describe()} cannot be undone on its own: {what}. Nothing was changed.",
                    (f"Undo that later change first (`cec undo {later.sha[:7]}`), then this one; or correct the "
                     "record with the edit commands (such as `cec outreach edit`)." if later else
                     "Correct the record with the edit commands instead."))
            for rel, path in zip(rels, paths):
                data = _blob(repo, index, path)
                if data is None:
                    tx.remove(rel)
                else:
                    tx.write_bytes(rel, data)
        tx.message = f"Undo: {commit.message}"
    sha, written = tx.result
    return Undone(commit, tx.message, sha, written, tx.problems)


def _target(repo: gitrepo.Repo, rev: str | None) -> Commit:
    if not gitrepo.has_head(repo):
        raise InvalidInput("Nothing is recorded yet, so there is nothing to undo.")
    if rev:
        commit = read_commit(repo, rev)
        if commit is None:
            raise InvalidInput(f"`{rev}` is not a change in this council's history.",
                               "See the changes and their commit numbers with `cec log`.")
    else:
        commit = latest_change(repo)
        if commit is None:
            raise InvalidInput("No change to this council is recorded yet, so there is nothing to undo.")
    if not commit.parents:
        raise InvalidInput(f"{commit.describe()} is the first change in the history: undoing it would "
                           "remove the whole council, so cec does not.",
                           "Undo a later change, or correct the records with the edit commands.")
    if len(commit.parents) > 1:
        raise InvalidInput(f"{commit.describe()} joins two lines of history (a merge); cec cannot undo it.",
                           "Undo the changes it joined one by one instead.")
    return commit
