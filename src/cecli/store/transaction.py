"""One change to a council: read under a lock, edit, validate, write atomically, one git commit.

    with change(root, "Add member Ann Lee.", author=None) as tx:
        doc = tx.edit("roster.yaml", default={"members": []})
        doc["members"].append({...})
    sha, paths = tx.result

If anything fails after files were written (git's index locked, a hook refusing, a full disk), every
file gets its previous bytes back (or is removed if it was new), what cec staged is unstaged, and a
GitProblem says what happened and that nothing changed.

Safe by default, for every command:
- a change never starts over a file the user edited, deleted or created by hand and has not recorded
  (it would sweep that edit into its own commit, or recreate a deleted file and record the loss of
  its history): it is refused, naming the file and `cec commit` / `cec restore`;
- a file or folder that cannot be written is named before anything is written;
- a change stopped half-way (`kill -9`) is finished or rolled back by the next command (journal.py),
  which says which;
- waiting for another cec command's lock is announced after two seconds.
What the store has to tell the user while it works goes through `notify` (stderr by default).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import os
from pathlib import Path, PurePosixPath
from typing import Any, Iterator

from cecli.errors import CecError, GitProblem, InvalidInput, NotACouncil
from cecli.store import gitrepo, yamlrt
from cecli.store.atomic import remove_quietly, write_atomic
from cecli.store.identity import Author, resolve_author

LOCK_NAME = "cec.lock"
LOCK_TIMEOUT = 120.0  # seconds to wait for another cec changing the same repository
LOCK_SAY_AFTER = 2.0  # seconds of waiting before saying so


def _stderr(text: str) -> None:
    import sys

    print(text, file=sys.stderr, flush=True)


NOTIFY = _stderr  # replaced by a front end (or a test) that shows the store's messages elsewhere


def notify(text: str) -> None:
    """Tell the user something while a change is under way (waiting for a lock, a change recovered)."""
    NOTIFY(text)

# A check run under the lock before a change reads anything (set with `expecting`): `cec serve` uses it
# to refuse a form built from files that changed since, with no gap between its check and the change.
_EXPECTED: contextvars.ContextVar = contextvars.ContextVar("cec_expected", default=None)


@contextlib.contextmanager
def expecting(check):
    """Run `check(root)` under the lock at the start of every change made inside this block; it raises
    (a CecError) to refuse the change before anything is read or written."""
    token = _EXPECTED.set(check)
    try:
        yield
    finally:
        _EXPECTED.reset(token)


class Change:
    """What a command sees inside `with change(...) as tx`."""

    def __init__(self, root: Path, message: str, author: Author, repo: gitrepo.Repo, council, findings,
                 new_council: bool = False):
        self.root = root
        self.new_council = new_council
        self.message = message
        self.author = author
        self.repo = repo
        self.council = council  # as loaded at the start (None for a folder that is not a council yet)
        self.findings = findings
        self._docs: dict[str, tuple[Any, tuple[int, int, int], set[int]]] = {}
        self._raw: dict[str, bytes] = {}
        self._removed: set[str] = set()  # files this change deletes (a rename deletes its old path)
        self.result: tuple[str | None, tuple[str, ...]] | None = None
        self.problems: list = []  # errors and warnings the committed change left that were not there before

    # --- what commands call -------------------------------------------------------------------
    def edit(self, rel: str, default: Any = None):
        """The file as a round-trip document to change in place; created from `default` if missing."""
        rel = self._clean(rel)
        if rel in self._docs:
            return self._docs[rel][0]
        if rel in self._raw:
            raise InvalidInput(f"{rel} is already being written as text in this change.")
        path = self.root / rel
        if rel in self._removed:
            raise InvalidInput(f"{rel} is being deleted in this change.")
        if os.path.lexists(path):
            from cecli import safefs

            refused = safefs.write_problem(self.root, rel) or safefs.inspect(self.root, rel)
            if refused is not None:
                raise InvalidInput(f"{refused.message} Nothing was written.", refused.hint)
            text = _utf8_text(safefs.read_bytes(self.root, rel), rel)
            doc = yamlrt.load_text(text, rel)
            indent = yamlrt.detect_indent(text)
            if doc is None:
                doc = yamlrt.to_yaml(dict(default or {}), set())
        elif default is None:
            raise InvalidInput(f"{rel} does not exist in {self.root}.")
        elif isinstance(default, str):
            doc = yamlrt.load_text(default, rel)
            indent = yamlrt.detect_indent(default)
        else:
            doc = yamlrt.to_yaml(default, set())
            indent = (2, 4, 2)
        self._docs[rel] = (doc, indent, yamlrt.string_ids(doc))
        return doc

    def write_text(self, rel: str, text: str) -> None:
        self.write_bytes(rel, text.encode("utf-8"))

    def write_bytes(self, rel: str, data: bytes) -> None:
        rel = self._clean(rel)
        if rel in self._docs:
            raise InvalidInput(f"{rel} is already being edited in this change.")
        self._removed.discard(rel)
        self._raw[rel] = bytes(data)

    def exists(self, rel: str) -> bool:
        rel = self._clean(rel)
        if rel in self._removed:
            return False
        return rel in self._docs or rel in self._raw or (self.root / rel).exists()

    def remove(self, rel: str) -> None:
        """Delete the file in this change (git records the deletion in the same commit)."""
        rel = self._clean(rel)
        if not self.exists(rel):
            raise InvalidInput(f"{rel} does not exist in {self.root}.")
        self._docs.pop(rel, None)
        self._raw.pop(rel, None)
        if (self.root / rel).is_file():
            self._removed.add(rel)

    def rename(self, old: str, new: str) -> None:
        """Move a file to a new path in this change, keeping any edits made to it so far.

        The old path is deleted and the new one written in the same commit, so git sees a rename and
        `git log --follow NEW` shows the file's history. A YAML file can still be edited at its new
        path with `edit(new)`.
        """
        old, new = self._clean(old), self._clean(new)
        if not self.exists(old):
            raise InvalidInput(f"{old} does not exist in {self.root}.")
        if self.exists(new):
            raise InvalidInput(f"{new} already exists, so {old} cannot be renamed to it.")
        if old in self._raw:
            self._raw[new] = self._raw.pop(old)
        elif old in self._docs or old.endswith((".yaml", ".yml")):
            self.edit(old)
            self._docs[new] = self._docs.pop(old)
        else:
            self._raw[new] = (self.root / old).read_bytes()
        self._removed.discard(new)
        if (self.root / old).is_file():
            self._removed.add(old)

    @property
    def paths(self) -> list[str]:
        return sorted(set(self._docs) | set(self._raw) | self._removed)

    # --- internals ----------------------------------------------------------------------------
    def _clean(self, rel: str | Path) -> str:
        text = str(rel).replace(os.sep, "/")
        pure = PurePosixPath(text)
        if pure.is_absolute() or ".." in pure.parts or not pure.parts or pure.parts[0] == ".git":
            raise InvalidInput(f"`{rel}` is not a path inside the council folder.")
        return pure.as_posix()

    def _pending(self) -> dict[str, bytes | None]:
        """Every path this change writes, with its new bytes (None: the file is deleted)."""
        out: dict[str, bytes | None] = dict(self._raw)
        for rel, (doc, indent, keep) in self._docs.items():
            out[rel] = yamlrt.dump_text(doc, indent, keep).encode("utf-8")
        for rel in self._removed:
            out[rel] = None
        return out


def _utf8_text(data: bytes, rel: str) -> str:
    """The file's text; a file that is not UTF-8 is named with the line of its first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise InvalidInput(f"{rel} is not UTF-8 text (line {line}). Nothing was written.",
                           "Save it as UTF-8 (in most editors: Save As, encoding UTF-8), then run the command again.") from None


_NO_MESSAGE = ("A change needs a message saying what it does.", 'Give one with -m "Why".')


def prepare(root: Path | str, message: str, author: str | Author | None, *, new_council: bool = False,
            no_message: tuple[str, str] = _NO_MESSAGE) -> tuple[Path, str, gitrepo.Repo, Author]:
    """What every change checks before taking the lock: the council folder, a message, git, an author."""
    root = Path(root).absolute()
    if not new_council:
        from cecli.loader import find_root

        root = find_root(root).absolute()
    message = (message or "").strip()
    if not message:
        raise InvalidInput(*no_message)
    repo = gitrepo.require_repo(root)
    return root, message, repo, resolve_author(author, root)


@contextlib.contextmanager
def change(root: Path | str, message: str, author: str | Author | None = None, *,
           new_council: bool = False) -> Iterator[Change]:
    """Run one change to the council at `root` as a single, all-or-nothing, committed edit.

    `new_council=True` (for `cec init`) allows a folder with no council.yaml yet.
    """
    root, message, repo, who = prepare(root, message, author, new_council=new_council)
    with _locked(repo):
        if _EXPECTED.get() is not None:
            _EXPECTED.get()(root)
        council, findings = None, []
        if (root / "council.yaml").is_file():
            from cecli.loader import load_council

            council, findings = load_council(root)
        tx = Change(root, message, who, repo, council, findings, new_council=new_council)
        yield tx
        tx.result = _finish(tx)


@contextlib.contextmanager
def _locked(repo: gitrepo.Repo):
    from filelock import FileLock, Timeout

    lock = FileLock(str(repo.git_dir / LOCK_NAME), timeout=LOCK_TIMEOUT)
    try:
        try:
            lock.acquire(timeout=LOCK_SAY_AFTER)
        except Timeout:
            notify("Waiting for another cec command to finish changing this council ...")
            lock.acquire(timeout=LOCK_TIMEOUT - LOCK_SAY_AFTER)
    except Timeout:
        raise GitProblem(
            f"Another cec command has been changing this council for over {int(LOCK_TIMEOUT)} seconds. "
            "Nothing was written.",
            "Wait for it to finish and try again.",
        ) from None
    try:
        from cecli.store.journal import recover

        said = recover(repo)
        if said:
            notify(said)
        yield
    finally:
        lock.release()


def _finish(tx: Change) -> tuple[str | None, tuple[str, ...]]:
    from cecli.store.validate import check_change, file_errors

    pending = tx._pending()
    # leave out files whose bytes would not change
    changed: dict[str, bytes | None] = {}
    for rel, data in pending.items():
        path = tx.root / rel
        if data is None and not path.is_file():
            continue
        if data is not None and path.is_file() and path.read_bytes() == data:
            continue
        changed[rel] = data
    if not changed:
        return None, ()
    if not tx.new_council:
        refuse_unrecorded(tx.repo, sorted(changed), "so nothing was written")
    _check_writable(tx.root, changed)
    before = file_errors(tx.council, tx.findings) if tx.council is not None else []
    check_change(tx.root, changed, before)
    if not gitrepo.wait_for_index(tx.repo):
        raise GitProblem(
            "Another program is using this git repository (.git/index.lock exists), so the change "
            "could not be recorded. Nothing was written: your files are as they were.",
            "Wait for it to finish and try again. If no git program is running, the lock is left "
            "over from a crash: remove .git/index.lock by hand.",
        )
    problems_before = _problems_before(tx)
    done = _write_and_commit(tx, changed)
    if problems_before is not None:
        tx.problems = _problems_after(tx, problems_before)
    return done


def _problems_before(tx: Change):
    """The council's errors and warnings before the change (None for a folder that was no council yet)."""
    from cecli.store.problems import council_problems

    if tx.council is None or tx.council.profile is None:
        return None
    try:
        return council_problems(tx.council, tx.findings, dt.date.today())
    except Exception:  # the change itself is sound; a fault in a rule must not stop it
        return None


def _problems_after(tx: Change, before: list) -> list:
    from cecli.store.problems import new_problems

    try:
        return new_problems(before, tx.root, dt.date.today())
    except Exception:  # already committed: never report a recorded change as failed
        return []


def refuse_unrecorded(repo: gitrepo.Repo, rels: list[str], nothing: str = "so nothing was written") -> None:
    """Refuse to change files the user changed by hand and has not recorded (council-relative paths)."""
    states = gitrepo.status(repo, [repo.rel(rel) for rel in rels])
    if not states:
        return
    deleted = [rel for rel in rels if "D" in states.get(repo.rel(rel), "")]
    edited = [rel for rel in rels if repo.rel(rel) in states and rel not in deleted]
    if deleted:
        rel = deleted[0]
        raise InvalidInput(
            f"{rel} was deleted by hand and the deletion is not recorded; cec will not start a new {rel}, "
            f"which would record the loss of everything in it, {nothing}.",
            f"Bring it back with `cec restore {rel}`, or record the deletion with "
            f'`cec commit -m "Remove {rel}."`, then run the command again.')
    names = ", ".join(edited)
    raise InvalidInput(
        f"{names} {'has' if len(edited) == 1 else 'have'} changes made by hand that are not recorded yet; "
        f"cec will not mix them into its own change, {nothing}.",
        f'Record them first with `cec commit -m "Say what you changed."` (or undo them with '
        f"`cec restore {edited[0]}`), then run the command again.")


def _check_writable(root: Path, changed: dict[str, bytes | None]) -> None:
    from cecli import safefs

    for rel in sorted(changed):
        refused = safefs.write_problem(root, rel)
        if refused is not None:
            raise InvalidInput(f"{refused.message} Nothing was written.", refused.hint)
    for rel in sorted(changed):
        path = root / rel
        folder = path.parent
        while not folder.exists() and folder != root:
            folder = folder.parent
        if path.exists() and not os.access(path, os.W_OK):
            raise InvalidInput(f"{rel} cannot be written (it is read-only), so nothing was written.",
                               f"Make it writable (for example `chmod u+w {rel}`) and run the command again.")
        if not os.access(folder, os.W_OK | os.X_OK):
            shown = folder.relative_to(root).as_posix() if folder != root else "the council folder"
            raise InvalidInput(f"{shown} cannot be written to (permission denied), so {rel} could not be written. "
                               "Nothing was written.",
                               "Make the folder writable and run the command again.")


def _pause_for_tests(stage: str) -> None:
    """CEC_TEST_PAUSE=stage:marker makes this process create `marker` and sleep at `stage`, so a test
    can kill it there (tests/test_safety.py). Unset in normal use."""
    wanted = os.environ.get("CEC_TEST_PAUSE", "")
    if wanted.partition(":")[0] == stage:
        import time

        Path(wanted.partition(":")[2]).write_text("paused\n")
        time.sleep(60)


def _write_and_commit(tx: Change, changed: dict[str, bytes | None]) -> tuple[str, tuple[str, ...]]:
    from cecli.store import journal

    repo = tx.repo
    rels = sorted(changed)
    repo_paths = [repo.rel(rel) for rel in rels]
    previous: dict[str, bytes | None] = {}
    made_dirs: list[Path] = []
    index_before = gitrepo.index_entries(repo, repo_paths)
    written = [repo.rel(rel) for rel in rels if changed[rel] is not None]
    # a deleted file that git never tracked needs no recording (and git would not know its path)
    deleted = [repo.rel(rel) for rel in rels if changed[rel] is None and repo.rel(rel) in index_before]
    staged = False
    writing = ""
    journal.begin(repo, tx.message, tx.author, {repo.rel(rel): changed[rel] for rel in rels})
    try:
        for rel in rels:
            writing = rel
            path = tx.root / rel
            previous[rel] = path.read_bytes() if path.is_file() else None
            if changed[rel] is None:
                remove_quietly(path)
                continue
            made_dirs.extend(_make_parents(path.parent, tx.root))
            write_atomic(path, changed[rel])
            if rel == rels[0]:
                _pause_for_tests("first-written")
        writing = ""
        _pause_for_tests("written")
        staged = True
        if written:
            result = gitrepo.run_retrying(repo, "add", "--", *written)
            if result.returncode != 0:
                raise _GitFailed("git could not stage the files", result)
        if deleted:
            result = gitrepo.run_retrying(repo, "rm", "--cached", "--quiet", "--", *deleted)
            if result.returncode != 0:
                raise _GitFailed("git could not record the deleted files", result)
        _pause_for_tests("staged")
        result = gitrepo.run_retrying(repo, "commit", "--quiet", "-m", tx.message, "--", *written, *deleted,
                                      env=tx.author.git_env())
        if result.returncode != 0:
            raise _GitFailed("git refused the commit", result)
    except BaseException as err:
        _roll_back(tx, previous, made_dirs, repo_paths if staged else [], index_before)
        if isinstance(err, _GitFailed):
            raise GitProblem(
                f"The change could not be recorded: {err.what} ({gitrepo.describe_failure(err.result)}). "
                "Nothing changed: your files are as they were.",
                "Fix what git reports and run the command again.",
            ) from None
        if isinstance(err, OSError):
            where = f" to {writing}" if writing else ""
            raise GitProblem(
                f"The change could not be written{where} ({err.strerror or err}). Nothing changed: your files "
                "are as they were.",
                "Check that the disk has room and the folder can be written, then try again.",
            ) from None
        raise
    finally:
        journal.end(repo)
    for rel in rels:
        if changed[rel] is None:
            _remove_empty_parents((tx.root / rel).parent, tx.root)
    return gitrepo.head_sha(repo), tuple(rels)


def _remove_empty_parents(folder: Path, root: Path) -> None:
    """After a deletion, remove the folders it left empty (documents/meetings/<old id>/), up to the council."""
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


class _GitFailed(Exception):
    def __init__(self, what: str, result) -> None:
        super().__init__(what)
        self.what = what
        self.result = result


def _make_parents(folder: Path, root: Path) -> list[Path]:
    made = []
    missing = []
    current = folder
    while not current.exists() and current != root:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        path.mkdir()
        made.append(path)
    return made


def _roll_back(tx: Change, previous: dict[str, bytes | None], made_dirs: list[Path],
               staged_paths: list[str], index_before: dict[str, str]) -> None:
    for rel, data in previous.items():
        path = tx.root / rel
        try:
            if data is None:
                remove_quietly(path)
            else:
                write_atomic(path, data)
        except OSError:
            pass
    for folder in reversed(made_dirs):
        try:
            folder.rmdir()
        except OSError:
            pass
    if staged_paths:
        try:
            gitrepo.restore_index(tx.repo, staged_paths, index_before)
        except CecError:
            pass


__all__ = ["Change", "change", "NotACouncil"]
