"""cec undo and cec restore, through the CLI on git copies of the sample council: one new commit
with the expected message (or none), a clean `git status`, and plain refusals that change nothing."""

from __future__ import annotations

import shutil

import pytest

from conftest import SAMPLE, invoke
from gitcouncil import git, snapshot

WHO = "Dana Secretary <dana@example.org>"


def gitted(folder):
    git(folder, "init", "-q")
    git(folder, "config", "user.name", "Di Park")
    git(folder, "config", "user.email", "di.park@example.org")
    git(folder, "config", "commit.gpgsign", "false")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "Start the council.")
    return folder


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.setenv("CEC_AUTHOR", WHO)
    target = tmp_path / "council"
    shutil.copytree(SAMPLE, target)
    return gitted(target)


def run(root, *args):
    return invoke([*args, "--council", root])


def messages(root) -> list[str]:
    return git(root, "log", "--format=%s").splitlines()


def communication(root, day, channel="email"):
    result = run(root, "outreach", "add", "communication", "--date", day, "--channel", channel)
    assert result.exit_code == 0, result.output
    return git(root, "rev-parse", "--short", "HEAD").strip()


def test_undo_reverses_the_latest_change_with_a_new_commit_and_undo_of_undo_redoes_it(root):
    before = (root / "outreach.yaml").read_bytes()
    communication(root, "2026-11-20")
    added = (root / "outreach.yaml").read_bytes()
    result = run(root, "undo")
    assert result.exit_code == 0, result.output
    assert "Undid" in result.output and "Record an email communication of 2026-11-20." in result.output
    assert messages(root)[:2] == ["Undo: Record an email communication of 2026-11-20.",
                                  "Record an email communication of 2026-11-20."]
    assert (root / "outreach.yaml").read_bytes() == before
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == ["outreach.yaml"]
    assert git(root, "status", "--porcelain") == ""
    assert git(root, "log", "-1", "--format=%an <%ae>").strip() == WHO
    assert run(root, "undo").exit_code == 0
    assert messages(root)[0] == "Undo: Undo: Record an email communication of 2026-11-20."
    assert (root / "outreach.yaml").read_bytes() == added
    assert len(messages(root)) == 4 and git(root, "status", "--porcelain") == ""


def test_undo_of_a_named_change_that_added_a_file_removes_it(root):
    assert run(root, "meeting", "new", "--date", "2027-05-11").exit_code == 0
    made = git(root, "rev-parse", "--short", "HEAD").strip()
    added = git(root, "show", "--name-only", "--format=", "HEAD").split()
    communication(root, "2026-11-20")
    result = run(root, "undo", made)
    assert result.exit_code == 0, result.output
    assert messages(root)[0].startswith("Undo: ") and len(messages(root)) == 4
    assert sorted(git(root, "show", "--name-only", "--format=", "HEAD").split()) == sorted(added)
    assert not (root / "meetings" / "2027-05-11.yaml").exists()
    assert git(root, "status", "--porcelain") == ""


def test_undo_refuses_when_a_later_change_touched_the_same_lines_and_names_it(root):
    first = communication(root, "2026-11-20")
    communication(root, "2026-11-21", "flyer")
    before = snapshot(root)
    result = run(root, "undo", first)
    assert result.exit_code == 2
    assert "a later change touched the same lines" in result.output
    assert "Dana Secretary: “Record a flyer communication of 2026-11-21.”" in result.output
    assert "cec undo" in result.output
    assert snapshot(root) == before


def test_undo_refuses_over_unrecorded_hand_edits_of_its_files(root):
    communication(root, "2026-11-20")
    with open(root / "outreach.yaml", "a") as handle:
        handle.write("# checked by Dana\n")
    before = snapshot(root)
    result = run(root, "undo")
    assert result.exit_code == 2
    assert "outreach.yaml has changes made by hand" in result.output and "cec commit" in result.output
    assert snapshot(root) == before


def test_undo_of_the_first_change_is_refused_plainly(root):
    before = snapshot(root)
    result = run(root, "undo")
    assert result.exit_code == 2
    assert "is the first change in the history" in result.output and "“Start the council.”" in result.output
    assert snapshot(root) == before
    assert run(root, "undo", "no-such-commit").exit_code == 2


def test_undo_in_a_council_inside_a_larger_repository_commits_only_council_paths(tmp_path, monkeypatch):
    monkeypatch.setenv("CEC_AUTHOR", WHO)
    big = tmp_path / "district"
    shutil.copytree(SAMPLE, big / "councils" / "sweetgum")
    (big / "budget.txt").write_text("1\n")
    gitted(big)
    root = big / "councils" / "sweetgum"
    communication(root, "2026-11-20")
    (big / "budget.txt").write_text("2\n")
    git(big, "add", "budget.txt")
    result = run(root, "undo")
    assert result.exit_code == 0, result.output
    assert git(big, "show", "--name-only", "--format=", "HEAD").split() == ["councils/sweetgum/outreach.yaml"]
    assert git(big, "status", "--porcelain").splitlines() == ["M  budget.txt"]
    assert messages(big)[0] == "Undo: Record an email communication of 2026-11-20."


def test_restore_brings_back_a_file_deleted_by_hand_without_a_commit(root):
    before = (root / "outreach.yaml").read_bytes()
    (root / "outreach.yaml").unlink()
    result = run(root, "restore", "outreach.yaml")
    assert result.exit_code == 0, result.output
    assert "Brought back outreach.yaml as last recorded" in result.output
    assert (root / "outreach.yaml").read_bytes() == before
    assert len(messages(root)) == 1 and git(root, "status", "--porcelain") == ""
    assert "Nothing to restore" in run(root, "restore", "outreach.yaml").output


def test_check_names_cec_restore_for_a_file_deleted_by_hand(root):
    (root / "outreach.yaml").unlink()
    (root / "roster.yaml").unlink()
    result = invoke(["check", root, "--as-of", "2026-11-22"])
    assert "outreach.yaml was deleted, and the deletion is not recorded." in result.output
    assert "`cec restore outreach.yaml`" in result.output
    assert "bring it back with `cec restore roster.yaml`" in result.output


def test_a_command_naming_a_member_says_the_roster_is_missing_and_how_to_get_it_back(root):
    (root / "roster.yaml").unlink()
    before = snapshot(root)
    result = run(root, "meeting", "attendance", "2026-10-20", "--present", "dolores-whitaker")
    assert result.exit_code == 2, result.output
    assert "roster.yaml is missing" in result.output and "`cec restore roster.yaml`" in result.output
    assert snapshot(root) == before


def test_restore_puts_back_a_damaged_file(root):
    before = (root / "roster.yaml").read_bytes()
    (root / "roster.yaml").write_text("members: [oops\n")
    result = run(root, "restore", root / "roster.yaml")
    assert result.exit_code == 0, result.output
    assert "Put back roster.yaml" in result.output and "by hand since then are gone" in result.output
    assert (root / "roster.yaml").read_bytes() == before and git(root, "status", "--porcelain") == ""


def test_restore_of_a_file_whose_deletion_was_recorded_makes_one_commit(root):
    before = (root / "reports.yaml").read_bytes()
    git(root, "rm", "-q", "reports.yaml")
    git(root, "commit", "-q", "-m", "Remove reports.yaml.")
    result = run(root, "restore", "reports.yaml")
    assert result.exit_code == 0, result.output
    assert "Restored reports.yaml as it was before it was removed" in result.output
    assert messages(root)[0].startswith("Restore reports.yaml as it was before “Remove reports.yaml.”")
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == ["reports.yaml"]
    assert (root / "reports.yaml").read_bytes() == before and git(root, "status", "--porcelain") == ""


def test_restore_refuses_a_path_outside_the_council_or_never_recorded(root, tmp_path):
    before = snapshot(root)
    outside = run(root, "restore", tmp_path / "elsewhere.yaml")
    assert outside.exit_code == 2 and "is not a file inside the council folder" in outside.output
    assert run(root, "restore", "../x.yaml").exit_code == 2
    assert run(root, "restore", ".git/config").exit_code == 2
    folder = run(root, "restore", "meetings")
    assert folder.exit_code == 2 and "one file at a time" in folder.output
    shutil.rmtree(root / "evidence")
    assert "one file at a time" in run(root, "restore", "evidence").output
    git(root, "checkout", "--", "evidence")
    never = run(root, "restore", "plans.yaml")
    assert never.exit_code == 2 and "was never recorded" in never.output
    assert snapshot(root) == before


def test_undo_that_would_leave_the_records_invalid_is_refused(root):
    assert run(root, "member", "add", "--name", "Ann Lee", "--category", "parent", "--start", "2026-09-01").exit_code == 0
    added = git(root, "rev-parse", "--short", "HEAD").strip()
    assert run(root, "meeting", "attendance", "2026-10-20", "--excused", "ann-lee").exit_code == 0
    before = snapshot(root)
    result = run(root, "undo", added)
    assert result.exit_code == 1
    assert "meetings/2026-10-20.yaml" in result.output and "CEC004" in result.output
    assert snapshot(root) == before
