"""`cec commit`: record hand edits in the audit trail, after checking them.

Only the council's own changed and new files are committed (never other paths of an enclosing
repository, never what the user staged elsewhere). Edits that leave CEC001-CEC005 errors in the
changed files are refused, with the list.
"""

from __future__ import annotations

from pathlib import Path

from cecli.errors import GitProblem, RecordsInvalid
from cecli.store import gitrepo


def changed_files(root: Path) -> list[tuple[str, str]]:
    from cecli.rules.files import uncommitted

    return uncommitted(root)


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
        errors = [f for f in file_errors(council, findings) if f.path in rels or f.path.startswith("meetings/") and f.path in rels]
        if errors:
            raise RecordsInvalid("The edited files have problems, so they were not committed:\n"
                                 + "\n".join(finding_lines(errors)),
                                 "Fix them (`cec check` explains each), then run `cec commit` again.")
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
