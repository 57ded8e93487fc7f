"""Forms: what a page's form was built from, and running the library operation it stands for.

A form is rendered with `_form` (which form of the page it is), `_csrf` (the session's token) and
`_files` (the sha256 of every file it was built from). On POST, `Form.run(call)` runs the same
records function the CLI runs, inside `cecli.store.expecting(...)`: under the store's lock, before
anything is read, the files are hashed again, and a form built on an older version is refused with
409, the user's input kept and the change named. The function's CecError becomes a message beside
the field its option names (`--category` -> `category`), in the CLI's own words.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from flask import flash, request

from cecli.errors import CecError

_OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z-]*)")
ABSENT = "absent"


# --- fingerprints ------------------------------------------------------------------------------

def sha256_of(root: Path, rel: str) -> str:
    from cecli import safefs

    try:  # through cecli.safefs: a data file linked to /dev/zero, or a FIFO, must not hang a page
        return hashlib.sha256(safefs.read_bytes(root, rel, safefs.YAML_LIMIT)).hexdigest()
    except safefs.Refused as refused:
        return ABSENT if refused.kind == "missing" else "unreadable"


def fingerprint(root: Path, rels: list[str]) -> str:
    """`rel=sha256` for each file, space-separated: what `_files` carries."""
    return " ".join(f"{rel}={sha256_of(root, rel)}" for rel in sorted(set(rels)))


def parse_fingerprint(text: str) -> dict[str, str]:
    out = {}
    for part in (text or "").split():
        rel, _, digest = part.rpartition("=")
        if rel:
            out[rel] = digest
    return out


def changed_files(root: Path, expected: dict[str, str]) -> list[str]:
    return [rel for rel, digest in sorted(expected.items()) if sha256_of(root, rel) != digest]


class StaleForm(CecError):
    """The files a form was built from changed after the page was opened; nothing was written."""

    def __init__(self, root: Path, changed: list[str]) -> None:
        self.changed = changed
        super().__init__(describe_changes(root, changed),
                         "Nothing was written. Your entries are kept below: check them against the records "
                         "as they are now, then send the form again.")


def describe_changes(root: Path, changed: list[str]) -> str:
    """Say what changed each file: a recorded change (who, when, its message) or an edit by hand."""
    from cecli.store import gitrepo
    from cecli.store.history import history

    parts = []
    for rel in changed:
        exists = (Path(root) / rel).exists()
        dirty = gitrepo.git(Path(root), "status", "--porcelain", "--", rel)
        if dirty.returncode == 0 and dirty.stdout.strip():
            how = "was edited by hand" if exists else "was deleted"
            parts.append(f"{rel} {how} after this page was opened (the edit is not recorded yet)")
            continue
        try:
            last = history(Path(root), rel, limit=1)
        except CecError:
            last = []
        if last:
            entry = last[0]
            parts.append(f"{rel} was changed after this page was opened: {entry.author} recorded "
                         f"\u201c{entry.message}\u201d at {entry.when:%Y-%m-%d %H:%M}")
        else:
            parts.append(f"{rel} was changed after this page was opened")
    return "; ".join(parts) + "."


# --- a form on a page --------------------------------------------------------------------------

class Form:
    """One form of a page: its input (when it was the one posted), its errors, the files behind it.

    `options` maps the CLI's option names to the form's fields, so an error saying `--start` shows
    beside `start_date`. `defaults` fill the fields when the page is first shown.
    """

    def __init__(self, name: str, root: Path, files: list[str], options: dict[str, str] | None = None,
                 defaults: dict | None = None) -> None:
        self.name = name
        self.root = Path(root)
        self.files = list(files)
        self.options = options or {}
        self.defaults = defaults or {}
        self.errors: dict[str, str] = {}
        self.general: list[str] = []
        self.stale: str | None = None
        self.need_identity = False
        self.status = 200
        self.posted = request.method == "POST" and request.form.get("_form") == name

    # values shown in the fields: what the user sent (on an error), else the defaults
    def value(self, field: str, default="") -> str:
        if self.posted:
            return request.form.get(field, "")
        value = self.defaults.get(field, default)
        return "" if value is None else value

    def values(self, field: str) -> list[str]:
        if self.posted:
            return request.form.getlist(field)
        value = self.defaults.get(field) or []
        return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]

    def checked(self, field: str, value: str = "on") -> bool:
        return str(value) in self.values(field)

    def get(self, field: str) -> str | None:
        """The posted value, stripped; None when empty (the CLI's "option not given")."""
        text = request.form.get(field, "").strip()
        return text or None

    def get_list(self, field: str) -> list[str]:
        return [v.strip() for v in request.form.getlist(field) if v.strip()]

    def get_int(self, field: str) -> int | None:
        text = self.get(field)
        if text is None:
            return None
        try:
            return int(text)
        except ValueError:
            self.errors[field] = f"`{text}` is not a whole number."
            raise _BadField() from None

    def get_flag(self, field: str) -> bool | None:
        """A yes/no select: "yes", "no", or "" (not given)."""
        return {"yes": True, "no": False}.get(request.form.get(field, ""))

    @property
    def token(self) -> str:
        return fingerprint(self.root, self.files)

    @property
    def failed(self) -> bool:
        return bool(self.errors or self.general or self.stale)

    def error_id(self, field: str) -> str:
        return f"{self.name}-{field}-error"

    def run(self, call):
        """Run `call()` (a records function, as the CLI calls it) as this form's one change.

        Returns its result, or None after recording why it was refused (self.status is then 409 for a
        stale form, 400 otherwise)."""
        from cecli.store import NoIdentity
        from cecli.store.transaction import expecting

        expected = parse_fingerprint(request.form.get("_files", ""))
        root = self.root

        def guard(_root) -> None:
            changed = changed_files(root, expected)
            if changed:
                raise StaleForm(root, changed)

        try:
            if not expected and self.files:
                raise CecError("This form did not say which version of the records it was built from.",
                               "Open the page again and resend it. Nothing was written.")
            guard(root)  # refuse early when the page is plainly out of date...
            with expecting(guard):  # ...and again under the lock, where no other change can slip in
                return call()
        except _BadField:
            self.status = 400
        except StaleForm as err:
            self.stale = f"{err.message} {err.hint}"
            self.status = 409
        except NoIdentity as err:
            self.need_identity = True
            self.general.append(err.message)
            self.status = 400
        except CecError as err:
            self._place(err)
            self.status = 400
        return None

    def _place(self, err: CecError) -> None:
        text = err.message + (f" {err.hint}" if err.hint else "")
        for option in _OPTION.findall(err.message):
            field = self.options.get(option)
            if field:
                self.errors[field] = text
                return
        self.general.append(text)


class _BadField(Exception):
    """A field could not even be read (a number that is not one); its error is already recorded."""


# --- telling the user what happened ------------------------------------------------------------

def tell(result) -> None:
    """Flash what a change did, as the CLI prints it: its line, warnings and the problems it left."""
    from cecli.store.problems import problems_note

    said, warnings, problems = _said(result)
    flash(said, "done")
    for text in warnings:
        flash(f"Warning: {text}", "warning")
    note = problems_note(list(problems))
    if note:
        flash(note, "warning")


def _said(result) -> tuple[str, list[str], list]:
    if isinstance(result, tuple):  # records.signing.sign: (message, sha, problems)
        message, sha, problems = result
        return (f"{message} (commit {sha[:7]})" if sha else "Nothing changed."), [], problems
    if hasattr(result, "said"):  # records._checks.Written, documents.output.Written
        return result.said, list(getattr(result, "warnings", [])), list(getattr(result, "problems", []))
    if hasattr(result, "sha"):  # records.members.Result
        said = f"{result.message} (commit {result.sha[:7]})" if result.sha else "Nothing changed: the roster already says that."
        return said, list(getattr(result, "notes", [])), list(result.problems)
    return str(result), [], []
