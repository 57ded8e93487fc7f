"""A change stopped half-way (power cut, `kill -9`) is finished or rolled back by the next command.

Before writing any file a change records, in `.git/cec-journal.json`, its message, its author, the
commit it starts from and a sha256 of every file's new bytes (null for a file it removes). The
journal is removed once the commit is made or the change is rolled back. Because a change never
starts over files with unrecorded edits (see transaction.py), every file it names was as committed
at the start, so the next cec command can decide safely, under the council lock:

- every file already holds its new bytes: the change was complete, only git had not recorded it,
  so it is committed now with its own message and author ("finished");
- otherwise some files are old and some new: each new one is put back as committed and unstaged
  ("rolled back"); a file holding neither its old nor its new bytes was edited by hand after the stop
  and is left exactly as it is (only unstaged);
- HEAD is already the change's own commit: only the journal is left to remove.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from cecli.store import gitrepo
from cecli.store.atomic import remove_quietly, write_atomic

NAME = "cec-journal.json"


def _path(repo: gitrepo.Repo) -> Path:
    return repo.git_dir / NAME


def digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def begin(repo: gitrepo.Repo, message: str, author, changed: dict[str, bytes | None]) -> None:
    """Write the journal of a change about to be written (repo-relative paths)."""
    entry = {"message": message, "author": {"name": author.name, "email": author.email},
             "head": gitrepo.git(repo.top, "rev-parse", "--verify", "--quiet", "HEAD").stdout.decode().strip(),
             "files": {path: digest(data) for path, data in changed.items()}}
    write_atomic(_path(repo), json.dumps(entry, indent=1).encode("utf-8"))


def end(repo: gitrepo.Repo) -> None:
    remove_quietly(_path(repo))


def _file_digest(repo: gitrepo.Repo, path: str) -> str | None:
    target = repo.top / path
    return digest(target.read_bytes()) if target.is_file() else None


def recover(repo: gitrepo.Repo) -> str:
    """Finish or roll back a change left by a stopped cec command; a sentence saying which ("" if none)."""
    try:
        entry = json.loads(_path(repo).read_text(encoding="utf-8"))
        message, files = entry["message"], dict(entry["files"])
        author_name, author_email = entry["author"]["name"], entry["author"]["email"]
    except FileNotFoundError:
        return ""
    except (ValueError, KeyError, TypeError, OSError):
        end(repo)  # unreadable: written by a command stopped while writing it, before any file
        return ""
    from cecli.store.identity import Author

    paths = sorted(files)
    _remove_temporaries(repo, paths)
    head = gitrepo.head_sha(repo) if gitrepo.has_head(repo) else ""
    if head and head != entry.get("head") and _subject(repo) == message:
        end(repo)
        return ""
    complete = all(_file_digest(repo, path) == want for path, want in files.items())
    where = ", ".join(paths)
    if complete and any(gitrepo.status(repo, paths)):
        who = Author(author_name, author_email)
        result = gitrepo.run_retrying(repo, "add", "-A", "--", *paths)
        if result.returncode == 0:
            result = gitrepo.run_retrying(repo, "commit", "--quiet", "-m", message, "--", *paths,
                                          env=who.git_env())
        if result.returncode == 0:
            end(repo)
            return (f"A previous cec command was stopped before git recorded its change (“{message}”); "
                    f"the change was complete, so cec finished it: commit {gitrepo.head_sha(repo)[:7]} "
                    f"records {where}.")
    elif complete:
        end(repo)
        return ""
    # each file was replaced atomically, so it holds either its old bytes or its new ones; a file with
    # neither was edited by hand after the stop, and is left as it is
    edited = [path for path in paths if _file_digest(repo, path) not in
              (files[path], digest(gitrepo.show(repo, "HEAD", path) if head else None))]
    _put_back(repo, [path for path in paths if path not in edited], head)
    if edited and head:
        gitrepo.run_retrying(repo, "reset", "-q", "HEAD", "--", *edited)
    end(repo)
    back = [path for path in paths if path not in edited]
    said = f"A previous cec command was stopped part-way (“{message}”); cec rolled its change back"
    if back:
        said += f", so {', '.join(back)} {'is' if len(back) == 1 else 'are'} as last recorded"
    if edited:
        said += (f"; {', '.join(edited)} {'was' if len(edited) == 1 else 'were'} changed by hand since, so cec "
                 f"left {'it' if len(edited) == 1 else 'them'} as {'it is' if len(edited) == 1 else 'they are'}")
    return said + ". Run that command again if it is still needed."


def _remove_temporaries(repo: gitrepo.Repo, paths: list[str]) -> None:
    """The temporary files (atomic.py's `.NAME.*.cec-tmp`) of a write that was stopped before its rename."""
    for path in paths:
        target = repo.top / path
        if target.parent.is_dir():
            for temporary in target.parent.glob(f".{target.name}.*.cec-tmp"):
                remove_quietly(temporary)


def _subject(repo: gitrepo.Repo) -> str:
    return gitrepo.git(repo.top, "log", "-1", "--format=%s").stdout.decode("utf-8", "replace").strip()


def _put_back(repo: gitrepo.Repo, paths: list[str], head: str) -> None:
    """Each path as committed at HEAD (removed when HEAD has no such file), in the index and on disk."""
    for path in paths:
        data = gitrepo.show(repo, "HEAD", path) if head else None
        target = repo.top / path
        if data is None:
            remove_quietly(target)
        elif not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, data)
    if head:
        gitrepo.run_retrying(repo, "reset", "-q", "HEAD", "--", *paths)
    else:
        gitrepo.run_retrying(repo, "rm", "-q", "--cached", "--ignore-unmatch", "--", *paths)
