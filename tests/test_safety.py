"""Safe by default, for every command (the store): no recreating a file deleted by hand, no sweeping
a hand edit into cec's own commit, a change stopped by `kill -9` finished or rolled back by the next
command, a message while waiting for another cec, and an unwritable file named."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import invoke
from gitcouncil import git, snapshot
from test_undo import WHO, messages, root  # noqa: F401  (the fixture: a git copy of the sample council)

ADD = ["outreach", "add", "communication", "--date", "2026-11-20", "--channel", "email"]


def run(root, *args):
    return invoke([*args, "--council", root])


def test_a_command_never_recreates_a_tracked_file_deleted_by_hand(root):
    (root / "outreach.yaml").unlink()
    before = snapshot(root)
    result = run(root, *ADD)
    assert result.exit_code == 2
    assert "outreach.yaml was deleted by hand" in result.output
    assert "cec restore outreach.yaml" in result.output and "cec commit" in result.output
    assert snapshot(root) == before and len(messages(root)) == 1


def test_a_command_never_sweeps_a_hand_edit_of_the_same_file_into_its_commit(root):
    text = (root / "roster.yaml").read_text().replace("Dolores Whitaker", "Dolores Whitaker-Reed")
    (root / "roster.yaml").write_text(text)
    before = snapshot(root)
    result = run(root, "member", "add", "--name", "Ann Lee", "--category", "parent")
    assert result.exit_code == 2
    assert "roster.yaml has changes made by hand that are not recorded yet" in result.output
    assert "cec commit" in result.output
    assert snapshot(root) == before
    # a hand edit of another file is no obstacle, and stays uncommitted
    git(root, "checkout", "roster.yaml")
    (root / "goals.yaml").write_text((root / "goals.yaml").read_text() + "# to discuss\n")
    assert run(root, "member", "add", "--name", "Ann Lee", "--category", "parent").exit_code == 0
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == ["roster.yaml"]
    assert git(root, "status", "--porcelain").splitlines() == [" M goals.yaml"]


def _killed(root, stage, tmp_path, *extra):
    """Run a real `cec outreach add` in a subprocess and kill -9 it at `stage` of its change."""
    marker = tmp_path / f"paused-{stage}"
    env = dict(os.environ, CEC_AUTHOR=WHO, CEC_TEST_PAUSE=f"{stage}:{marker}")
    process = subprocess.Popen([sys.executable, "-m", "cecli", *ADD, *extra, "--council", str(root)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert process.poll() is None and time.monotonic() < deadline, "the command did not reach the pause"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_a_change_staged_by_a_killed_command_is_finished_by_the_next(root, tmp_path):
    _killed(root, "staged", tmp_path)
    assert git(root, "status", "--porcelain").splitlines() == ["M  outreach.yaml"]  # staged, never committed
    result = run(root, "member", "add", "--name", "Ann Lee", "--category", "parent")
    assert result.exit_code == 0, result.output
    assert "was stopped before git recorded its change" in result.output and "cec finished it" in result.output
    assert messages(root)[:3] == ["Add member Ann Lee.", "Record an email communication of 2026-11-20.",
                                  "Start the council."]
    assert git(root, "log", "-1", "--skip=1", "--format=%an <%ae>").strip() == WHO
    assert "2026-11-20" in (root / "outreach.yaml").read_text()
    assert git(root, "status", "--porcelain") == ""
    assert not (root / ".git" / "cec-journal.json").exists()


@pytest.fixture
def scan(tmp_path):
    outside = tmp_path / "flyer-nov.pdf"
    outside.write_bytes(b"%PDF-1.4 flyer\n")
    return outside


def test_a_change_half_written_by_a_killed_command_is_rolled_back_by_the_next(root, tmp_path, scan):
    before = snapshot(root)
    _killed(root, "first-written", tmp_path, "--evidence", scan)  # evidence/ written, outreach.yaml not yet
    (root / ".outreach.yaml.k1ll3d.cec-tmp").write_bytes(b"half")  # as a kill inside write_atomic leaves it
    assert (root / "evidence" / "flyer-nov.pdf").exists()
    assert "rolled" not in run(root, "log", "-n", "1").output  # reading commands leave it alone
    result = run(root, "member", "add", "--name", "Ann Lee", "--category", "parent")
    assert result.exit_code == 0, result.output
    assert "was stopped part-way" in result.output and "rolled its change back" in result.output
    assert not (root / "evidence" / "flyer-nov.pdf").exists()
    assert not list(root.glob(".outreach.yaml.*"))  # the temporary file of the write it was stopped in
    assert (root / "outreach.yaml").read_bytes() == before["files"]["outreach.yaml"]
    assert messages(root)[:2] == ["Add member Ann Lee.", "Start the council."]
    assert git(root, "status", "--porcelain") == ""


def test_a_hand_edit_made_after_a_killed_command_is_never_rolled_over(root, tmp_path, scan):
    _killed(root, "written", tmp_path, "--evidence", scan)
    edited = (root / "outreach.yaml").read_text() + "# checked after the power cut\n"
    (root / "outreach.yaml").write_text(edited)
    result = run(root, "goal", "progress", "attendance", "--date", "2026-11-20", "--note", "On track.")
    assert result.exit_code == 0, result.output
    assert "outreach.yaml was changed by hand since, so cec left it as it is" in result.output
    assert (root / "outreach.yaml").read_text() == edited
    assert not (root / "evidence" / "flyer-nov.pdf").exists()
    assert git(root, "status", "--porcelain").splitlines() == [" M outreach.yaml"]


def test_waiting_for_another_cec_command_is_announced(root):
    from filelock import FileLock

    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys, time; from filelock import FileLock; "
                               "l = FileLock(sys.argv[1]); l.acquire(); print('held', flush=True); time.sleep(3.5)",
                               str(root / ".git" / "cec.lock")], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    started = time.monotonic()
    result = run(root, *ADD)
    holder.wait()
    assert result.exit_code == 0, result.output
    assert "Waiting for another cec command to finish changing this council" in result.output
    assert time.monotonic() - started >= 2
    assert FileLock  # the same library the store uses


@pytest.fixture
def read_only(root):
    """outreach.yaml made unwritable: read-only for a user, immutable (chattr +i) for root, who may write anything else."""
    target = root / "outreach.yaml"
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(target)], check=True)
        yield target
        subprocess.run(["chattr", "-i", str(target)], check=True)
    else:
        os.chmod(target, 0o444)
        yield target


def test_an_unwritable_file_is_named_and_nothing_is_written(root, read_only):
    assert not os.access(read_only, os.W_OK)
    before = snapshot(root)
    result = run(root, *ADD)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "outreach.yaml cannot be written (it is read-only)" in result.output
    assert snapshot(root) == before


def test_commit_refuses_a_new_file_level_error_anywhere_in_the_council(root):
    # removing a member by hand breaks the meetings that name her, files the edit never touched
    text = (root / "roster.yaml").read_text()
    start = text.index("  - id: dolores-whitaker")
    end = text.index("  - id: jose-nunez")
    (root / "roster.yaml").write_text(text[:start] + text[end:])
    before = snapshot(root)
    result = run(root, "commit", "-m", "Remove Dolores from the roster.")
    assert result.exit_code == 1
    assert "meetings/2025-10-07.yaml:" in result.output and "CEC004" in result.output
    assert "cec restore" in result.output
    assert snapshot(root) == before and len(messages(root)) == 1
    # a deleted evidence scan is a new CEC006 error in outreach.yaml
    assert run(root, "restore", "roster.yaml").exit_code == 0
    (root / "evidence" / "2025-08-04-recruitment-flyer.pdf").unlink()
    result = run(root, "commit", "-m", "Drop the flyer scan.")
    assert result.exit_code == 1 and "outreach.yaml:" in result.output and "CEC006" in result.output
    assert len(messages(root)) == 1


def test_commit_still_records_edits_when_old_problems_remain_elsewhere(root):
    meeting = root / "meetings" / "2025-10-07.yaml"
    meeting.write_text(meeting.read_text().replace("dolores-whitaker", "nobody-known"))
    git(root, "commit", "-qam", "Break a meeting outside cec.")
    (root / "goals.yaml").write_text((root / "goals.yaml").read_text() + "# reviewed\n")
    result = run(root, "commit", "-m", "Note the goals review.")
    assert result.exit_code == 0, result.output
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == ["goals.yaml"]
    assert git(root, "status", "--porcelain") == ""
