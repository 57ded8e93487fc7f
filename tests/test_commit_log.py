"""cec commit, cec log and cec sign; and the audit-trail bar: 20 changes, 21 commits, a clean history."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import pytest

from conftest import invoke
from test_init import MS, NY
from test_store import commits, git, last_commit_files, snapshot

WHO = "Dana Secretary <dana@example.org>"


@pytest.fixture
def ms(tmp_path, monkeypatch):
    monkeypatch.setenv("CEC_AUTHOR", WHO)
    root = tmp_path / "ms"
    assert invoke(["init", root, *MS]).exit_code == 0
    return root


@pytest.fixture
def ny(tmp_path, monkeypatch):
    monkeypatch.setenv("CEC_AUTHOR", WHO)
    root = tmp_path / "ny"
    assert invoke(["init", root, *NY]).exit_code == 0
    for args in (["--name", "Pat Principal", "--category", "principal", "--building-admin"],
                 ["--name", "Carla Parent", "--category", "parent"]):
        assert invoke(["member", "add", *args, "--start", "2025-09-01", "--council", root]).exit_code == 0
    return root


def test_commit_records_hand_edits_of_council_files_only(ms):
    (ms / "goals.yaml").write_text((ms / "goals.yaml").read_text() + "# reviewed with the principal\n")
    (ms / "meetings" / "2025-10-14.yaml").write_text("date: 2025-10-14\ntitle: October meeting\n")
    (ms / "notes.txt").write_text("staged elsewhere\n")
    result = invoke(["commit", "-m", "Add the October meeting by hand.", "--council", ms])
    assert result.exit_code == 0, result.output
    assert commits(ms)[0] == "Add the October meeting by hand."
    assert sorted(last_commit_files(ms)) == ["goals.yaml", "meetings/2025-10-14.yaml", "notes.txt"]
    assert invoke(["commit", "-m", "Again.", "--council", ms]).output.startswith("Nothing to commit")


def test_commit_refuses_edits_with_errors(ms):
    (ms / "meetings" / "2025-10-14.yaml").write_text("date: 2025-10-14\nattendance: {present: [zed]}\n")
    before = snapshot(ms)
    result = invoke(["commit", "-m", "Add a meeting.", "--council", ms])
    assert result.exit_code == 1
    assert "meetings/2025-10-14.yaml:2:" in result.output and "CEC004" in result.output
    assert len(commits(ms)) == 1 and snapshot(ms) == before
    assert git(ms, "status", "--porcelain").splitlines() == ["?? meetings/2025-10-14.yaml"]


def test_commit_in_a_subfolder_leaves_the_rest_of_the_repository_alone(tmp_path, monkeypatch):
    monkeypatch.setenv("CEC_AUTHOR", WHO)
    big = tmp_path / "district"
    big.mkdir()
    git(big, "init", "-q")
    root = big / "councils" / "test"
    assert invoke(["init", root, *MS]).exit_code == 0
    (big / "budget.txt").write_text("1\n")
    git(big, "add", "budget.txt")
    (big / "other.txt").write_text("untracked\n")
    (root / "goals.yaml").write_text((root / "goals.yaml").read_text() + "# edited\n")
    assert invoke(["commit", "-m", "Note the goals review.", "--council", root]).exit_code == 0
    assert last_commit_files(big) == ["councils/test/goals.yaml"]
    assert git(big, "status", "--porcelain").splitlines() == ["A  budget.txt", "?? other.txt"]


def test_log_shows_who_when_what_and_why(ms):
    invoke(["member", "add", "--name", "Ann Lee", "--category", "parent", "--council", ms,
            "--author", "Ann Lee <ann@example.org>"])
    text = invoke(["log", "--council", ms]).output
    assert "Ann Lee <ann@example.org>: Add member Ann Lee." in text
    assert "    changed roster.yaml" in text and "    added council.yaml" in text
    entries = json.loads(invoke(["log", "roster.yaml", "--json", "--council", ms]).output)
    assert [e["message"] for e in entries] == ["Add member Ann Lee.", "Create the council records for Test Elementary CEC."]
    assert entries[0]["files"] == [{"path": "roster.yaml", "change": "changed"}]
    assert dt.datetime.fromisoformat(entries[0]["date"])
    only_goals = json.loads(invoke(["log", "goals.yaml", "--json", "--council", ms]).output)
    assert len(only_goals) == 1


def test_sign_records_the_signature(ny):
    result = invoke(["sign", "quarterly", "2025-26 Q2", "--member", "carla-parent", "--date", "2025-12-20", "--council", ny])
    assert result.exit_code == 0, result.output
    assert commits(ny)[0] == "Record Carla Parent's signature on the 2025-26 Q2 quarterly report."
    assert last_commit_files(ny) == ["reports.yaml"]
    result = invoke(["sign", "continuation-plan", "--member", "carla-parent", "--date", "2026-01-05", "--council", ny])
    assert result.exit_code == 0, result.output
    text = (ny / "reports.yaml").read_text()
    assert "  - period: 2025-26 Q2\n    signed_by: carla-parent\n    signed_on: 2025-12-20\n" in text
    assert "continuation_plan:\n  signed_by: carla-parent\n  signed_on: 2026-01-05\n" in text


@pytest.mark.parametrize("member, day, words", [
    ("pat-principal", "2025-12-20", "building administrator"),
    ("carla-parent", "2025-08-20", "was not a member on 2025-08-20"),
    ("carla-parnt", "2025-12-20", "Did you mean `carla-parent`?"),
])
def test_sign_refuses_who_may_not_sign(ny, member, day, words):
    before = snapshot(ny)
    result = invoke(["sign", "quarterly", "2025-26 Q2", "--member", member, "--date", day, "--council", ny])
    assert result.exit_code == 2
    assert words in result.output
    assert snapshot(ny) == before


def test_twenty_changes_make_twenty_one_commits_and_a_clean_history(ny):
    from cecli.check import check_council

    steps = [["member", "add", "--name", f"Parent {i}", "--category", "parent", "--start", "2025-09-01"]
             for i in range(1, 9)]  # with the two members the fixture added: 10 changes
    steps += [["member", "update", "parent-1", "--email", "p1@example.org"],
              ["member", "update", "parent-2", "--role", "chair"],
              ["member", "update", "parent-3", "--role", "secretary"],
              ["member", "end", "parent-8", "--date", "2026-01-31"],
              ["sign", "quarterly", "2025-26 Q1", "--member", "carla-parent", "--date", "2025-10-20"],
              ["sign", "quarterly", "2025-26 Q2", "--member", "parent-1", "--date", "2026-01-10"],
              ["sign", "continuation-plan", "--member", "parent-2", "--date", "2026-02-01"],
              ["member", "update", "parent-4", "--phone", "518-555-0100"]]
    for args in steps:
        result = invoke([*args, "--council", ny])
        assert result.exit_code == 0, (args, result.output)
    (ny / "plan.yaml").write_text((ny / "plan.yaml").read_text().replace(
        "  consultation:\n", "  consultation: Families were surveyed in September.\n"))
    assert invoke(["commit", "-m", "Write the consultation part of the plan.", "--council", ny]).exit_code == 0
    (ny / "goals.yaml").write_text((ny / "goals.yaml").read_text() + "# goals come in March\n")
    assert invoke(["commit", "-m", "Note when goals are due.", "--council", ny]).exit_code == 0
    log = git(ny, "log", "--format=%an <%ae>|%s").splitlines()
    assert len(log) == 21
    assert {line.split("|")[0] for line in log} == {WHO}
    assert all(line.split("|")[1].endswith(".") for line in log)
    for sha in git(ny, "log", "--format=%H").split()[:-1]:
        files = git(ny, "show", "--name-only", "--format=", sha).split()
        assert len(files) == 1, files  # each change touched one file, and only it was committed
    assert subprocess.run(["git", "fsck", "--strict"], cwd=ny, capture_output=True).returncode == 0
    report = check_council(ny, dt.date(2026, 2, 2))
    assert not [f for f in report.findings if f.code in ("CEC001", "CEC002", "CEC003", "CEC004", "CEC005", "CEC007")]


@pytest.mark.parametrize("limit", ["0", "-1"])
def test_log_refuses_a_limit_below_one(ms, limit):
    result = invoke(["log", "--council", ms, "-n", limit])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
