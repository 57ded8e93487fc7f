"""`cec restore FILE`: bring back a council file deleted or damaged by hand.

- A file that is recorded at HEAD but deleted, changed or unstaged by hand gets its recorded bytes
  back (on disk and in git's index). Nothing new is recorded: the file is as its last commit says.
- A file whose deletion was recorded comes back as it was in the last commit that had it, recorded
  in one new commit "Restore ...".
A path outside the council, or one that was never recorded, is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cecli.errors import InvalidInput
from cecli.store import gitrepo


@dataclass
class Restored:
    rel: str
    said: str
    sha: str | None = None
    problems: list = field(default_factory=list)


def council_rel(root: Path, given: str) -> str:
    """The council-relative path of `given` (relative to this folder, or else to the council)."""
    import os

    base = os.path.realpath(root)
    path = Path(given).expanduser()
    for candidate in ([path] if path.is_absolute() else [Path.cwd() / path, Path(root) / path]):
        full = os.path.abspath(candidate)
        real = os.path.join(os.path.realpath(os.path.dirname(full)), os.path.basename(full))
        rel = Path(os.path.relpath(real, base)).as_posix()
        if rel == "." or rel == ".." or rel.startswith("../"):
            continue
        if rel.split("/")[0] == ".git":
            break
        return rel
    raise InvalidInput(f"{given} is not a file inside the council folder {root}, so cec will not restore it.",
                       "Give the path of a council file, such as outreach.yaml or meetings/2025-10-14.yaml.")


def _last(repo: gitrepo.Repo, path: str, *extra: str) -> tuple[str, str, str, str] | None:
    result = gitrepo.git(repo.top, "log", "-1", "--format=%H%x1f%an%x1f%ad%x1f%s", "--date=format:%Y-%m-%d %H:%M",
                         *extra, "--", f":(top,literal){path}")
    text = result.stdout.decode("utf-8", "replace").strip()
    return tuple(text.split("\x1f", 3)) if result.returncode == 0 and text else None  # type: ignore[return-value]


def _is_tree(repo: gitrepo.Repo, path: str) -> bool:
    result = gitrepo.git(repo.top, "cat-file", "-t", f"HEAD:{path}")
    return result.returncode == 0 and result.stdout.strip() == b"tree"


def restore(root: Path | str, given: str, author=None) -> Restored:
    from cecli.loader import find_root
    from cecli.store.atomic import write_atomic
    from cecli.store.transaction import change, refuse_unrecorded

    root = find_root(Path(root)).absolute()
    rel = council_rel(root, given)
    with change(root, f"Restore {rel}.", author) as tx:
        repo = tx.repo
        path = repo.rel(rel)
        recorded = gitrepo.show(repo, "HEAD", path) if gitrepo.has_head(repo) else None
        if recorded is None and ((root / rel).is_dir() or _is_tree(repo, path)):
            raise InvalidInput(f"{rel} is a folder; cec restores one file at a time.",
                               "Give the file to bring back, such as meetings/2025-10-14.yaml.")
        if recorded is not None:
            target = root / rel
            if target.is_dir():
                raise InvalidInput(f"{rel} is a folder now, where a file was recorded.",
                                   "Move the folder away, then run `cec restore` again.")
            last = _last(repo, path)
            since = f" on {last[2]} (“{last[3]}”, commit {last[0][:7]})" if last else ""
            if not gitrepo.status(repo, [path]):
                return Restored(rel, f"Nothing to restore: {rel} is as last recorded{since}.")
            existed = target.is_file()
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, recorded)
            gitrepo.run_retrying(repo, "reset", "-q", "HEAD", "--", f":(top,literal){path}")
            did = "Brought back" if not existed else "Put back"
            note = "" if not existed else " The changes made to it by hand since then are gone."
            return Restored(rel, f"{did} {rel} as last recorded{since}.{note}")
        deleted = _last(repo, path, "--diff-filter=D")
        if deleted is None:
            raise InvalidInput(f"{rel} was never recorded in this council's history, so there is nothing to restore.",
                               "See the recorded files and their changes with `cec log`.")
        sha, who, when, message = deleted
        data = gitrepo.show(repo, f"{sha}^", path)
        if data is None:  # a folder: its files were deleted, not it
            raise InvalidInput(f"{rel} is a folder; cec restores one file at a time.",
                               f"Give a file in it, such as one `cec log {rel}` shows as removed.")
        refuse_unrecorded(repo, [rel], "so nothing was restored")
        tx.write_bytes(rel, data or b"")
        tx.message = f"Restore {rel} as it was before “{message}” ({when})."
    sha_new, _paths = tx.result
    return Restored(rel, f"Restored {rel} as it was before it was removed on {when} by {who} (“{message}”); "
                    f"recorded in commit {sha_new[:7]}." if sha_new else f"Nothing to restore: {rel} is as recorded.",
                    sha_new, tx.problems)
