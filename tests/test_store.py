"""The store: round-trip edits, one commit of exactly the written paths, and all-or-nothing failure."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import textwrap
from pathlib import Path

import pytest

from cecli.errors import GitProblem, InvalidInput, RecordsInvalid
from cecli.store import Author, NoIdentity, change, put, resolve_author

COUNCIL = """\
name: Test Elementary CEC
profile: ms-cec
scope: school
district: {name: Test County School District, code: "9999"}
schools:
  - {name: Test Elementary, code: "9999-001", grades: K-5, rating: D}
established: 2025-08-01
"""

ROSTER = """\
# Members of the council. Ask Dana before changing categories.
members:
  # the chair since August
  - id: ann-lee   # keep this id: minutes refer to it
    name: 'Ann Lee'
    category: parent
    roles: [chair]
    email: "ann@example.org"
    start_date: 2025-08-01

  - id: bob-roe
    name: Bob Roe
    category: business-leader
    start_date: 2025-08-01
"""


def git(cwd: Path, *args: str, **kwargs) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, **kwargs).stdout


def make_repo(path: Path, name: str = "Dana Secretary", email: str = "dana@example.org") -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    if name:
        git(path, "config", "user.name", name)
        git(path, "config", "user.email", email)
    return path


def git_council(path: Path, files: dict[str, str] | None = None, **who) -> Path:
    """A council folder in a new git repository, committed once."""
    make_repo(path, **who)
    files = files or {"council.yaml": COUNCIL, "roster.yaml": ROSTER}
    for rel, text in files.items():
        (path / rel).parent.mkdir(parents=True, exist_ok=True)
        (path / rel).write_text(textwrap.dedent(text))
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "Start.")
    return path


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root except .git, by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(root).parts}


def commits(root: Path) -> list[str]:
    return git(root, "log", "--format=%s").splitlines()


def last_commit_files(root: Path) -> list[str]:
    return git(root, "show", "--name-only", "--format=", "HEAD").split()


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.delenv("CEC_AUTHOR", raising=False)
    return git_council(tmp_path / "council")


def add_carol(tx):
    tx.edit("roster.yaml")["members"].append(
        {"id": "carol-diaz", "name": "Carol Diaz", "category": "parent", "start_date": dt.date(2025, 9, 2)}
    )


def test_round_trip_changes_only_the_intended_lines(repo):
    with change(repo, "End Bob Roe's term.") as tx:
        bob = tx.edit("roster.yaml")["members"][1]
        put(bob, "end_date", dt.date(2026, 1, 31), ("id", "name", "category", "start_date", "end_date", "note"))
    diff = git(repo, "diff", "-U0", "HEAD~1", "HEAD", "--", "roster.yaml")
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["+    end_date: 2026-01-31"]


def test_appended_entries_follow_the_files_style_and_quote_times_and_years(repo):
    with change(repo, "Add member Carol Diaz.") as tx:
        doc = tx.edit("roster.yaml")
        doc["members"].append({"id": "carol-diaz", "name": "Carol Diaz", "category": "parent",
                               "start_date": dt.date(2025, 9, 2), "note": "18:30", "phone": None})
    text = (repo / "roster.yaml").read_text()
    assert text.startswith(ROSTER)
    assert text[len(ROSTER):] == (
        "  - id: carol-diaz\n    name: Carol Diaz\n    category: parent\n"
        "    start_date: 2025-09-02\n    note: \"18:30\"\n")


def test_a_file_with_offset_zero_sequences_keeps_its_style(tmp_path, monkeypatch):
    monkeypatch.delenv("CEC_AUTHOR", raising=False)
    roster = "members:\n- id: ann-lee\n  name: Ann Lee\n  category: parent\n"
    root = git_council(tmp_path / "c", {"council.yaml": COUNCIL, "roster.yaml": roster})
    with change(root, "Add member Carol Diaz.") as tx:
        add_carol(tx)
    assert (root / "roster.yaml").read_text() == roster + (
        "- id: carol-diaz\n  name: Carol Diaz\n  category: parent\n  start_date: 2025-09-02\n")


def test_one_commit_with_author_message_and_only_its_paths(repo):
    with change(repo, "Add member Carol Diaz.", author="Ann Lee <ann@example.org>") as tx:
        add_carol(tx)
        tx.write_bytes("documents/roster.txt", b"ann, bob, carol\n")
    sha, paths = tx.result
    assert paths == ("documents/roster.txt", "roster.yaml")
    assert commits(repo) == ["Add member Carol Diaz.", "Start."]
    assert git(repo, "log", "-1", "--format=%H|%an <%ae>|%cn <%ce>").strip() == (
        f"{sha}|Ann Lee <ann@example.org>|Ann Lee <ann@example.org>")
    assert sorted(last_commit_files(repo)) == ["documents/roster.txt", "roster.yaml"]


def test_the_users_other_staged_file_stays_staged_and_uncommitted(repo):
    (repo / "notes.txt").write_text("draft\n")
    git(repo, "add", "notes.txt")
    with change(repo, "Add member Carol Diaz.") as tx:
        add_carol(tx)
    assert last_commit_files(repo) == ["roster.yaml"]
    assert git(repo, "status", "--porcelain").splitlines() == ["A  notes.txt"]


def test_identity_order_explicit_then_environment_then_git_config(repo, monkeypatch):
    assert resolve_author(None, repo) == Author("Dana Secretary", "dana@example.org")
    monkeypatch.setenv("CEC_AUTHOR", "Env Person <env@example.org>")
    assert resolve_author(None, repo) == Author("Env Person", "env@example.org")
    assert resolve_author("Flag Person <flag@example.org>", repo).name == "Flag Person"
    with pytest.raises(InvalidInput):
        resolve_author("just a name", repo)


def no_global_git(tmp_path, monkeypatch):
    home = tmp_path / "empty-home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("CEC_AUTHOR", raising=False)
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(var, raising=False)


def test_no_identity_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    root = git_council(tmp_path / "c")
    git(root, "config", "--unset", "user.name")
    git(root, "config", "--unset", "user.email")
    no_global_git(tmp_path, monkeypatch)
    before = snapshot(root)
    with pytest.raises(NoIdentity) as caught:
        with change(root, "Add member Carol Diaz.") as tx:
            add_carol(tx)
    assert 'git config user.name "' in caught.value.hint and "CEC_AUTHOR" in caught.value.hint
    assert caught.value.exit_code == 2
    assert snapshot(root) == before and commits(root) == ["Start."]


def test_a_held_index_lock_is_refused_and_nothing_changes(repo):
    lock = repo / ".git" / "index.lock"
    lock.write_text("")
    before = snapshot(repo)
    with pytest.raises(GitProblem) as caught:
        with change(repo, "Add member Carol Diaz.") as tx:
            add_carol(tx)
    assert "index.lock" in caught.value.message and "Nothing was written" in caught.value.message
    assert lock.exists(), "cec must never delete another program's lock"
    lock.unlink()
    assert snapshot(repo) == before and commits(repo) == ["Start."]


def test_a_rejecting_hook_restores_every_file_and_unstages(repo):
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'the treasurer must approve' >&2\nexit 1\n")
    hook.chmod(0o755)
    before = snapshot(repo)
    with pytest.raises(GitProblem) as caught:
        with change(repo, "Add member Carol Diaz.") as tx:
            add_carol(tx)
            tx.write_text("meetings/2025-10-14.yaml", "date: 2025-10-14\n")
    assert "the treasurer must approve" in caught.value.message
    assert "Nothing changed" in caught.value.message
    assert snapshot(repo) == before
    assert not (repo / "meetings").exists()
    assert git(repo, "status", "--porcelain") == ""


def test_a_change_that_would_break_the_records_is_refused(repo):
    before = snapshot(repo)
    with pytest.raises(RecordsInvalid) as caught:
        with change(repo, "Add member Ann Again.") as tx:
            tx.edit("roster.yaml")["members"].append({"id": "ann-lee", "name": "Ann Again", "category": "parnt"})
    assert "CEC005" in caught.value.message and "CEC002" in caught.value.message
    assert "roster.yaml:" in caught.value.message
    assert caught.value.exit_code == 1
    assert snapshot(repo) == before


def test_existing_problems_elsewhere_do_not_block_an_unrelated_change(repo):
    (repo / "meetings").mkdir()
    (repo / "meetings" / "2025-10-14.yaml").write_text("date: 2025-10-14\nattendance: {present: [zed]}\n")
    git(repo, "add", "meetings")
    git(repo, "commit", "-q", "-m", "Add a meeting with a typo.")
    with change(repo, "Add member Carol Diaz.") as tx:
        add_carol(tx)
    assert commits(repo)[0] == "Add member Carol Diaz."


def test_a_file_that_does_not_parse_is_not_rewritten(repo):
    (repo / "roster.yaml").write_text("members:\n  - id: a\n    name: [unclosed\n")
    with pytest.raises(InvalidInput) as caught:
        with change(repo, "Add member Carol Diaz.") as tx:
            add_carol(tx)
    assert caught.value.message.startswith("roster.yaml:")


def test_a_folder_outside_git_is_refused_with_a_hint(tmp_path):
    root = tmp_path / "plain"
    root.mkdir()
    (root / "council.yaml").write_text(COUNCIL)
    with pytest.raises(GitProblem) as caught:
        with change(root, "Add member Carol Diaz.", author="A B <a@b.org>"):
            pass
    assert "git init" in caught.value.hint


def test_a_council_in_a_subfolder_commits_only_its_own_paths(tmp_path, monkeypatch):
    monkeypatch.delenv("CEC_AUTHOR", raising=False)
    big = make_repo(tmp_path / "district")
    (big / "budget.txt").write_text("1\n")
    root = big / "councils" / "test-elementary"
    root.mkdir(parents=True)
    (root / "council.yaml").write_text(COUNCIL)
    (root / "roster.yaml").write_text(ROSTER)
    git(big, "add", "-A")
    git(big, "commit", "-q", "-m", "Start.")
    (big / "budget.txt").write_text("2\n")  # an unrelated edit elsewhere in the repository
    with change(root, "Add member Carol Diaz.") as tx:
        add_carol(tx)
    assert tx.result[1] == ("roster.yaml",)
    assert last_commit_files(big) == ["councils/test-elementary/roster.yaml"]
    assert git(big, "status", "--porcelain").splitlines() == [" M budget.txt"]


def test_an_unchanged_document_makes_no_commit(repo):
    with change(repo, "Nothing really.") as tx:
        tx.edit("roster.yaml")
    assert tx.result == (None, ())
    assert commits(repo) == ["Start."]


def test_an_error_inside_the_block_writes_nothing(repo):
    before = snapshot(repo)
    with pytest.raises(RuntimeError):
        with change(repo, "Add member Carol Diaz.") as tx:
            add_carol(tx)
            raise RuntimeError("stop")
    assert snapshot(repo) == before


def test_new_files_are_created_from_a_default(repo):
    with change(repo, "Start the goals.") as tx:
        goals = tx.edit("goals.yaml", default={"years": {}})
        goals["years"]["2025-26"] = {"goals": [{"id": "reading", "statement": "Read more."}]}
    assert (repo / "goals.yaml").read_text() == (
        'years:\n  "2025-26":\n    goals:\n      - id: reading\n        statement: Read more.\n')
    assert os.stat(repo / "goals.yaml").st_mode & 0o777 == os.stat(repo / "roster.yaml").st_mode & 0o777


def test_a_file_that_is_not_utf8_is_refused_with_its_line(tmp_path):
    root = git_council(tmp_path / "c")
    data = (root / "roster.yaml").read_bytes().replace(b"name: Bob Roe", b"name: Bob Ro\xe9")
    (root / "roster.yaml").write_bytes(data)
    git(root, "commit", "-qam", "Save the roster in Latin-1.")
    before = snapshot(root)
    with pytest.raises(InvalidInput) as caught:
        with change(root, "Add member Cy Moss.", "Dana <dana@example.org>") as tx:
            tx.edit("roster.yaml")["members"].append({"id": "cy-moss", "name": "Cy Moss", "category": "parent"})
    assert caught.value.message.startswith("roster.yaml is not UTF-8 text (line 12).")
    assert "Save it as UTF-8" in caught.value.hint
    assert snapshot(root) == before


# --- deleting and renaming files ------------------------------------------------------------------

MEETING = """\
# Kept by the secretary.
date: 2025-10-14
status: scheduled   # moved from the 7th
agenda:
  - title: Welcome and call to order
  - title: Review of the school report card
  - title: Public comment
"""


def test_a_rename_is_one_commit_that_git_follows(repo):
    with change(repo, "Add the October meeting.") as tx:
        tx.write_text("meetings/2025-10-14.yaml", MEETING)
        tx.write_bytes("documents/meetings/2025-10-14/agenda.txt", b"agenda\n")
    with change(repo, "Move the meeting of 2025-10-14 to 2025-10-21.") as tx:
        tx.rename("meetings/2025-10-14.yaml", "meetings/2025-10-21.yaml")
        tx.edit("meetings/2025-10-21.yaml")["date"] = dt.date(2025, 10, 21)
        tx.rename("documents/meetings/2025-10-14/agenda.txt", "documents/meetings/2025-10-21/agenda.txt")
        assert not tx.exists("meetings/2025-10-14.yaml") and tx.exists("meetings/2025-10-21.yaml")
    assert tx.result[1] == ("documents/meetings/2025-10-14/agenda.txt", "documents/meetings/2025-10-21/agenda.txt",
                            "meetings/2025-10-14.yaml", "meetings/2025-10-21.yaml")
    assert commits(repo)[0] == "Move the meeting of 2025-10-14 to 2025-10-21."
    assert (repo / "meetings/2025-10-21.yaml").read_text() == MEETING.replace("date: 2025-10-14", "date: 2025-10-21")
    assert not (repo / "meetings/2025-10-14.yaml").exists()
    assert not (repo / "documents/meetings/2025-10-14").exists(), "the emptied folder goes too"
    status = git(repo, "show", "--format=", "-M", "--name-status", "HEAD").split("\n")
    assert any(line.startswith("R") and line.endswith("meetings/2025-10-21.yaml") for line in status)
    follow = git(repo, "log", "--follow", "--format=%s", "--", "meetings/2025-10-21.yaml").splitlines()
    assert follow == ["Move the meeting of 2025-10-14 to 2025-10-21.", "Add the October meeting."]
    assert git(repo, "status", "--porcelain") == ""


def test_a_rename_onto_an_existing_file_is_refused(repo):
    with pytest.raises(InvalidInput):
        with change(repo, "Rename.") as tx:
            tx.rename("roster.yaml", "council.yaml")


def test_a_removed_file_is_deleted_in_one_commit_and_comes_back_when_git_refuses(repo):
    with change(repo, "Add the October meeting.") as tx:
        tx.write_text("meetings/2025-10-14.yaml", MEETING)
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\nexit 1\n")
    hook.chmod(0o755)
    before = snapshot(repo)
    with pytest.raises(GitProblem):
        with change(repo, "Remove the meeting of 2025-10-14.") as tx:
            tx.remove("meetings/2025-10-14.yaml")
    assert snapshot(repo) == before and git(repo, "status", "--porcelain") == ""
    hook.unlink()
    with change(repo, "Remove the meeting of 2025-10-14.") as tx:
        tx.remove("meetings/2025-10-14.yaml")
    assert not (repo / "meetings").exists()
    assert last_commit_files(repo) == ["meetings/2025-10-14.yaml"]
    assert git(repo, "status", "--porcelain") == ""
