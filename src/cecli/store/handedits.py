"""`cec commit`: record hand edits in the audit trail, after checking them.

Only the council's own changed and new files are committed (never other paths of an enclosing
repository, never what the user staged elsewhere). Edits that leave CEC001-CEC005 errors in the
council are refused, with the list: an error is new when the council as last committed did not
have it, whichever file it is in (deleting a member by hand breaks the meetings that name them, and
deleting an evidence scan breaks the file that lists it). CEC001-CEC006 are the file-level errors.
"""

from __future__ import annotations

from pathlib import Path

from cecli.errors import GitProblem, RecordsInvalid
from cecli.store import gitrepo


def changed_files(root: Path) -> list[tuple[str, str]]:
    from cecli.rules.files import uncommitted

    return uncommitted(root)


FILE_RULES = ("CEC004", "CEC005", "CEC006")


def _key(finding) -> tuple:
    return (finding.code, finding.path, finding.message)  # lines move when entries are added


def new_file_errors(repo: gitrepo.Repo, now: list) -> list:
    """The errors in `now` that the council as committed at HEAD did not have, in any file."""
    if not now or not gitrepo.has_head(repo):
        return now
    known = {_key(f) for f in committed_file_errors(repo)}
    return [f for f in now if _key(f) not in known]


def committed_file_errors(repo: gitrepo.Repo) -> list:
    """CEC001-CEC006 errors of the council as committed at HEAD, read from a scratch copy of it.

    The YAML files are copied whole; every other file is an empty stand-in (the rules only ask
    whether evidence exists), so large scans cost nothing."""
    import io
    import tarfile
    import tempfile

    from cecli.loader import load_council
    from cecli.store.validate import file_errors

    tree = f"HEAD:{repo.prefix}" if repo.prefix else "HEAD"
    result = gitrepo.git(repo.top, "archive", "--format=tar", tree)
    if result.returncode != 0:
        return []
    with tempfile.TemporaryDirectory(prefix="cec-head-") as scratch:
        base = Path(scratch)
        with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
            for member in archive.getmembers():
                target = base / member.name
                if not member.isfile() or base not in target.resolve().parents:
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                data = archive.extractfile(member).read() if member.name.endswith((".yaml", ".yml")) else b""
                target.write_bytes(data)
        if not (base / "council.yaml").is_file():
            return []
        council, findings = load_council(base)
        return file_errors(council, findings, FILE_RULES)


def commit_hand_edits(root: Path, message: str, author: str | None = None) -> tuple[str | None, list[str]]:
    """Commit the council's uncommitted files. Returns (sha, council-relative paths); (None, []) if none."""
    from cecli.loader import load_council
    from cecli.store.transaction import _locked, prepare
    from cecli.store.validate import file_errors, finding_lines

    root, message, repo, who = prepare(root, message, author, no_message=(
        "Say what changed with -m, as a sentence.",
        'For example: cec commit -m "Correct the date of the October meeting."'))
    with _locked(repo):
        changes = changed_files(root)
        if not changes:
            return None, []
        rels = [rel for rel, _ in changes]
        council, findings = load_council(root)
        errors = new_file_errors(repo, file_errors(council, findings, FILE_RULES))
        if errors:
            raise RecordsInvalid("The edits would leave new problems in the council's records, so nothing was "
                                 "committed:\n" + "\n".join(finding_lines(errors)),
                                 "Fix them (`cec check` explains each) or put a file back as it was with "
                                 "`cec restore FILE`, then run `cec commit` again.")
        if not gitrepo.wait_for_index(repo):
            raise GitProblem("Another program is using this git repository (.git/index.lock exists). "
                             "Nothing was committed.", "Wait for it to finish and try again.")
        paths = [repo.rel(rel) for rel in rels]
        before = gitrepo.index_entries(repo, paths)
        result = gitrepo.run_retrying(repo, "add", "-A", "--", *paths)
        if result.returncode == 0:
            result = gitrepo.run_retrying(repo, "commit", "--quiet", "-m", message, "--", *paths,
                                          env=who.git_env())
            if result.returncode == 0:
                return gitrepo.head_sha(repo), rels
        gitrepo.restore_index(repo, paths, before)
        raise GitProblem(f"git refused the commit ({gitrepo.describe_failure(result)}). Nothing was "
                         "committed; your edits are still in the files.", "Fix what git reports and try again.")
