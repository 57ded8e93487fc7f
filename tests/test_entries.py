"""cec outreach|goal|report list, edit N and remove N --reason; --again; dates that cannot have
happened yet. Through the CLI on git copies of the sample council (and a New York council for
signatures): one new commit with the expected message, a clean `git status`, refusals change nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import invoke
from gitcouncil import git, snapshot
from test_init import NY
from test_undo import WHO, messages, root  # noqa: F401  (the fixture: a git copy of the sample council)

TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()


def run(root, *args):
    return invoke([*args, "--council", root])


def changed(root, message):
    """Exactly one new commit with this message, of this file, and nothing left uncommitted."""
    assert messages(root)[0] == message
    assert git(root, "status", "--porcelain") == ""
    return git(root, "show", "--name-only", "--format=", "HEAD").split()


def test_outreach_list_numbers_every_kind_of_entry(root):
    result = run(root, "outreach", "list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("  1  communication       2025-08-04  flyer  recruitment")
    kinds = {line[5:25].strip() for line in lines}
    assert kinds == {"communication", "information session", "nominations", "election"}
    assert "  2025-26  opened 2025-08-22  closed 2025-09-05" in result.output
    assert "2025-general" in result.output and "14 candidates" in result.output


def test_outreach_edit_changes_only_what_was_given_in_one_commit(root):
    before = (root / "outreach.yaml").read_text()
    result = run(root, "outreach", "edit", "2", "--date", "2025-08-06", "--audience", "", "--reason", "Typo.")
    assert result.exit_code == 0, result.output
    assert changed(root, "Correct the date and audience of the social media communication of 2025-08-05 in "
                         "outreach.yaml (Typo).") == ["outreach.yaml"]
    diff = [line for line in git(root, "diff", "-U0", "HEAD~1", "--", "outreach.yaml").splitlines()
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert diff == ["-  - date: 2025-08-05", "+  - date: 2025-08-06", "-    audience: School and district Facebook pages"]
    assert before.count("#") == (root / "outreach.yaml").read_text().count("#")  # comments survive


def test_outreach_edit_of_an_information_session_election_and_nominations(root):
    assert run(root, "outreach", "edit", "11", "--attendees", "21", "--end", "08:45").exit_code == 0
    assert messages(root)[0] == "Correct the end and attendees of the information session of 2025-08-19 in outreach.yaml."
    assert '    end: "08:45"' in (root / "outreach.yaml").read_text()
    assert run(root, "outreach", "edit", "15", "--received", "18").exit_code == 0
    assert messages(root)[0] == "Correct the received of the nominations window for 2025-26 in outreach.yaml."
    assert run(root, "outreach", "edit", "17", "--seats", "11").exit_code == 0
    assert messages(root)[0].startswith("Correct the seats of the election 2025-general of 2025-09-23")
    assert git(root, "status", "--porcelain") == ""


@pytest.mark.parametrize("args, says", [
    (["2", "--start", "18:00"], "--start does not apply to the social media communication"),
    (["2", "--channel", "pigeon"], "is not a communication channel"),
    (["2", "--date", ""], "cannot be cleared"),
    (["11", "--start", "09:00"], "is not after the start time"),
    (["11", "--meeting", "2031-01-01"], "There is no meeting `2031-01-01`"),
    (["17", "--notice-given", "2025-10-01"], "is after the election"),
    (["99", "--date", "2025-08-01"], "outreach.yaml has no entry 99 (it has 1 to 18)"),
    (["2"], "There is nothing to change"),
])
def test_bad_outreach_edits_are_refused_and_write_nothing(root, args, says):
    before = snapshot(root)
    result = run(root, "outreach", "edit", *args)
    assert result.exit_code in (1, 2), result.output
    assert says in result.output and "Traceback" not in result.output
    assert snapshot(root) == before


def test_outreach_remove_needs_a_reason_and_puts_it_in_the_message(root):
    assert run(root, "outreach", "remove", "3").exit_code == 2
    result = run(root, "outreach", "remove", "3", "--reason", "Entered twice.")
    assert result.exit_code == 0, result.output
    assert changed(root, "Remove the newsletter communication of 2025-08-08 from outreach.yaml (Entered twice).") == ["outreach.yaml"]
    assert "2025-08-08" not in (root / "outreach.yaml").read_text().split("info_sessions:")[0]
    # the entries after it moved up one number, as `cec outreach list` now shows
    assert " 16  election            2025-09-23  2025-general" in run(root, "outreach", "list").output
    assert run(root, "outreach", "remove", "16", "--reason", "Wrong year.").exit_code == 0
    assert messages(root)[0] == "Remove the election 2025-general of 2025-09-23 and its 14 candidates from outreach.yaml (Wrong year)."


def test_goal_list_edit_and_remove(root):
    listing = run(root, "goal", "list").output.splitlines()
    assert listing[4].startswith("  5  goal                2025-26  attendance")
    assert listing[5].startswith("  6  progress note       2025-26  attendance  2026-03-10")
    assert run(root, "goal", "edit", "5", "--target", "15% or lower by May 2026").exit_code == 0
    assert changed(root, "Correct the target of the goal attendance for 2025-26 in goals.yaml.") == ["goals.yaml"]
    future = run(root, "goal", "edit", "6", "--date", TOMORROW)
    assert future.exit_code == 2 and "cannot have happened yet" in future.output
    assert run(root, "goal", "edit", "1", "--source", "gossip").exit_code == 2
    result = run(root, "goal", "remove", "5", "--reason", "Set in the wrong year.")
    assert result.exit_code == 0, result.output
    assert changed(root, "Remove the goal attendance for 2025-26 and its 2 progress notes from goals.yaml "
                         "(Set in the wrong year).") == ["goals.yaml"]
    assert (root / "goals.yaml").read_text().count("id: attendance") == 1  # 2026-27's goal of the same id stays


def test_report_list_edit_and_remove_public_reports(root):
    assert "  3  public report       2026-11-17  school-board  Fall update" in run(root, "report", "list").output
    assert run(root, "report", "edit", "3", "--title", "Fall update to the board").exit_code == 0
    assert changed(root, "Correct the title of the public report of 2026-11-17 in reports.yaml.") == ["reports.yaml"]
    assert run(root, "report", "edit", "3", "--date", TOMORROW).exit_code == 2
    assert run(root, "report", "remove", "2", "--reason", "Never sent.").exit_code == 0
    assert messages(root)[0] == "Remove the public report of 2026-06-02 from reports.yaml (Never sent)."


@pytest.fixture
def ny(tmp_path, monkeypatch):
    monkeypatch.setenv("CEC_AUTHOR", WHO)
    folder = tmp_path / "ny"
    assert invoke(["init", folder, *NY]).exit_code == 0
    for args in (["--name", "Carla Parent", "--category", "parent"], ["--name", "Dev Teacher", "--category", "teacher"]):
        assert invoke(["member", "add", *args, "--start", "2025-09-01", "--council", folder]).exit_code == 0
    assert invoke(["sign", "quarterly", "2025-26 Q2", "--member", "carla-parent", "--date", "2025-12-20",
                   "--council", folder]).exit_code == 0
    assert invoke(["sign", "continuation-plan", "--member", "carla-parent", "--date", "2026-01-05",
                   "--council", folder]).exit_code == 0
    return folder


def test_quarterly_reports_plan_and_signatures_are_entries(ny):
    listing = run(ny, "report", "list").output
    assert "  1  quarterly report    2025-26 Q2" in listing
    assert "  2  signature           2025-26 Q2  signed by carla-parent on 2025-12-20" in listing
    assert "  4  signature           Continuation Plan  signed by carla-parent on 2026-01-05" in listing
    assert run(ny, "report", "edit", "1", "--submitted", "2025-12-22").exit_code == 0
    assert changed(ny, "Correct the submitted of the 2025-26 Q2 quarterly report in reports.yaml.") == ["reports.yaml"]
    assert run(ny, "report", "edit", "2", "--member", "nobody").exit_code == 2
    assert run(ny, "report", "edit", "2", "--member", "dev-teacher", "--date", "2025-12-21").exit_code == 0
    assert messages(ny)[0] == ("Correct the signer and signing date of the signature on the 2025-26 Q2 quarterly "
                               "report in reports.yaml.")
    assert run(ny, "report", "remove", "4", "--reason", "Signed the wrong copy.").exit_code == 0
    assert changed(ny, "Remove the signature on the Continuation Plan from reports.yaml (Signed the wrong copy).")
    assert "signed_by" not in (ny / "reports.yaml").read_text().split("continuation_plan:")[1]


def test_resigning_says_whose_signature_it_replaces_and_tomorrow_is_refused(ny):
    result = invoke(["sign", "quarterly", "2025-26 Q2", "--member", "dev-teacher", "--date", "2025-12-21", "--council", ny])
    assert result.exit_code == 0, result.output
    assert "replacing Carla Parent's signature of 2025-12-20" in result.output
    assert messages(ny)[0] == ("Record Dev Teacher's signature on the 2025-26 Q2 quarterly report, replacing "
                               "Carla Parent's signature of 2025-12-20.")
    before = snapshot(ny)
    late = invoke(["sign", "continuation-plan", "--member", "dev-teacher", "--date", TOMORROW, "--council", ny])
    assert late.exit_code == 2 and "cannot have happened yet" in late.output and snapshot(ny) == before


@pytest.mark.parametrize("args", [
    ["outreach", "add", "communication", "--date", "2025-08-08", "--channel", "newsletter", "--description",
     "Back-to-school newsletter article on the new council and how to serve."],
    ["outreach", "add", "info-session", "--date", "2025-08-19", "--start", "07:30"],
    ["report", "add", "--date", "2026-06-02", "--title", "Community Engagement Council report to families, 2025-26"],
    ["goal", "review", "--source", "climate-data", "--meeting", "2026-03-10"],
    ["meeting", "record", "2026-10-20", "--action", "Write up and send the minutes of this meeting"],
    ["meeting", "record", "2026-10-20", "--motion", "Approve the minutes of 2026-09-15 as sent."],
    ["goal", "progress", "attendance", "--date", "2026-05-12", "--note",
     "17.9% for the year to date. Target not reached, but the best year in five. Home-language absence texts recommended for 2026-27."],
])
def test_an_entry_already_recorded_is_refused_unless_again(root, args):
    before = snapshot(root)
    result = run(root, *args)
    assert result.exit_code == 2 and "already recorded" in result.output and "--again" in result.output
    assert snapshot(root) == before
    again = run(root, *args, "--again")
    assert again.exit_code == 0, again.output
    assert len(messages(root)) == 2 and git(root, "status", "--porcelain") == ""


@pytest.mark.parametrize("args", [
    ["report", "add", "--date", TOMORROW, "--title", "Spring update"],
    ["goal", "review", "--source", "climate-data", "--date", TOMORROW],
    ["meeting", "record", "2026-10-20", "--approved", TOMORROW],
])
def test_dates_that_cannot_have_happened_yet_are_refused(root, args):
    before = snapshot(root)
    result = run(root, *args)
    assert result.exit_code == 2 and "cannot have happened yet" in result.output, result.output
    assert snapshot(root) == before
