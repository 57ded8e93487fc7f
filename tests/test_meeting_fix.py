"""cec meeting edit|held|cancel|remove: correcting a meeting without opening YAML or git."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import invoke
from gitcouncil import commits, format_findings, git, is_sentence, last_commit, make_council, snapshot
from ruamel.yaml import YAML

FUTURE = """
# Added by the secretary in November.
title: Winter meeting
kind: regular
status: scheduled
date: 2099-01-13
start: "17:30"   # after pickup
end: "18:45"
location: Room 12
open_to_public: true
agenda_sent: 2099-01-06
agenda:
  - title: Welcome
    minutes: 5
"""


def read(root, rel):
    return YAML(typ="safe").load((root / rel).read_text(encoding="utf-8"))


def run(root, *args):
    return invoke([*args, "--council", root])


@pytest.fixture
def root(tmp_path):
    return make_council(tmp_path, {"meetings/2099-01-13.yaml": FUTURE})


def refused(root, args, says):
    before = snapshot(root)
    result = run(root, *args)
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert "Traceback" not in result.output
    assert snapshot(root) == before


# --- cec meeting edit ------------------------------------------------------------------------------

def test_edit_changes_only_the_given_fields_keeps_comments_and_rewrites_documents(root):
    before = commits(root)
    result = run(root, "meeting", "edit", "2099-01-13", "--start", "18:00", "--end", "19:15", "--location", "Gym",
                 "--closed")
    assert result.exit_code == 0, result.output
    assert "send the corrected one" in result.output  # the agenda went out on 2099-01-06
    text = (root / "meetings/2099-01-13.yaml").read_text()
    assert 'start: "18:00"   # after pickup' in text and text.startswith("# Added by the secretary")
    meeting = read(root, "meetings/2099-01-13.yaml")
    assert (meeting["start"], meeting["end"], meeting["location"], meeting["open_to_public"]) == (
        "18:00", "19:15", "Gym", False)
    assert meeting["title"] == "Winter meeting"
    assert commits(root) == before + 1
    message, author, paths = last_commit(root)
    assert message == "Change the start time, end time, place and openness to the public of the meeting of 2099-01-13."
    assert is_sentence(message) and author == "Di Park <di.park@example.org>"
    assert paths == ["documents/meetings/2099-01-13/agenda.docx", "documents/meetings/2099-01-13/minutes.docx",
                     "documents/meetings/2099-01-13/sign-in.docx", "meetings/2099-01-13.yaml"]
    assert format_findings(root) == []


def test_edit_title_and_kind_and_clear_a_field(root):
    result = run(root, "meeting", "edit", "2099-01-13", "--title", "Budget & <FY99>", "--kind", "special",
                 "--clear", "location")
    assert result.exit_code == 0, result.output
    meeting = read(root, "meetings/2099-01-13.yaml")
    assert meeting["title"] == "Budget & <FY99>" and meeting["kind"] == "special" and "location" not in meeting
    assert last_commit(root)[0] == "Change the title, kind and place of the meeting of 2099-01-13."


@pytest.mark.parametrize("args, says", [
    ([], "Nothing to change"),
    (["--start", "19:00"], "The end time 18:45 is not after the start time 19:00"),
    (["--start", "25:00"], "not a real time of day"),
    (["--kind", "speical"], "Did you mean `special`?"),
    (["--clear", "locaton"], "Did you mean `location`?"),
    (["--location", "Gym", "--clear", "location"], "contradict each other"),
    (["--title", "  "], "--clear title"),
    (["--start", "17:30"], "already says that"),
])
def test_edit_refusals_write_nothing(root, args, says):
    refused(root, ["meeting", "edit", "2099-01-13", *args], says)


def test_edit_an_unknown_meeting_suggests_the_closest(root):
    refused(root, ["meeting", "edit", "2099-01-31", "--start", "18:00"], "Did you mean `2099-01-13`?")


# --- cec meeting held ------------------------------------------------------------------------------

def test_held_marks_a_past_meeting_and_refuses_twice_and_the_future(tmp_path):
    root = make_council(tmp_path, {"meetings/2025-10-14.yaml": FUTURE.replace("2099-01-13", "2025-10-14")})
    result = run(root, "meeting", "held", "2025-10-14")
    assert result.exit_code == 0, result.output
    assert "cec meeting attendance 2025-10-14" in result.output
    assert read(root, "meetings/2025-10-14.yaml")["status"] == "held"
    message, _, paths = last_commit(root)
    assert (message, paths) == ("Mark the meeting of 2025-10-14 held.", ["meetings/2025-10-14.yaml"])
    assert "# after pickup" in (root / "meetings/2025-10-14.yaml").read_text()
    refused(root, ["meeting", "held", "2025-10-14"], "already marked held")


def test_held_refuses_a_meeting_that_has_not_come(root):
    refused(root, ["meeting", "held", "2099-01-13"], "has not come yet")


def test_held_after_a_mistaken_cancellation_drops_the_reason(tmp_path):
    cancelled = FUTURE.replace("2099-01-13", "2025-10-14").replace("status: scheduled", "status: cancelled\ncancel_reason: Snow")
    root = make_council(tmp_path, {"meetings/2025-10-14.yaml": cancelled})
    result = run(root, "meeting", "held", "2025-10-14")
    assert result.exit_code == 0, result.output
    assert "was marked cancelled before" in result.output
    meeting = read(root, "meetings/2025-10-14.yaml")
    assert meeting["status"] == "held" and "cancel_reason" not in meeting


# --- cec meeting cancel ----------------------------------------------------------------------------

def test_cancel_records_the_reason_in_the_file_and_the_commit(root):
    result = run(root, "meeting", "cancel", "2099-01-13", "--reason", "Snow day.")
    assert result.exit_code == 0, result.output
    text = (root / "meetings/2099-01-13.yaml").read_text()
    assert "status: cancelled\ncancel_reason: Snow day.\ndate: 2099-01-13" in text
    assert text.startswith("# Added by the secretary")
    message, _, paths = last_commit(root)
    assert (message, paths) == ("Cancel the meeting of 2099-01-13 (Snow day).", ["meetings/2099-01-13.yaml"])
    assert format_findings(root) == []
    refused(root, ["meeting", "cancel", "2099-01-13", "--reason", "Again"], "already cancelled")


def test_cancel_needs_a_reason_and_refuses_a_held_meeting(root):
    refused(root, ["meeting", "cancel", "2099-01-13"], "--reason")
    refused(root, ["meeting", "cancel", "2025-10-14", "--reason", "Flu"], "cec undo")


def test_cancel_refuses_a_meeting_with_attendance(root):
    assert run(root, "meeting", "attendance", "2025-10-14", "--present", "ann-lee").exit_code == 0
    refused(root, ["meeting", "cancel", "2025-10-14", "--reason", "Flu"], "cannot be cancelled")


# --- cec meeting remove ----------------------------------------------------------------------------

def test_remove_deletes_a_mistaken_meeting_and_its_documents_in_one_commit(root):
    assert run(root, "meeting", "docs", "2099-01-13").exit_code == 0
    git(root, "add", "-A")
    before = commits(root)
    result = run(root, "meeting", "remove", "2099-01-13", "--reason", "Entered twice")
    assert result.exit_code == 0, result.output
    assert "Removed meetings/2099-01-13.yaml and its 3 documents." in result.output
    assert "already went out" in result.output  # agenda_sent was recorded
    assert not (root / "meetings/2099-01-13.yaml").exists()
    assert not (root / "documents/meetings/2099-01-13").exists()
    assert commits(root) == before + 1
    message, _, paths = last_commit(root)
    assert message == "Remove the meeting of 2099-01-13, entered by mistake (Entered twice)."
    assert paths == ["documents/meetings/2099-01-13/agenda.docx", "documents/meetings/2099-01-13/minutes.docx",
                     "documents/meetings/2099-01-13/sign-in.docx", "meetings/2099-01-13.yaml"]
    assert git(root, "status", "--porcelain") == ""
    # the history keeps it
    assert "Winter meeting" in git(root, "show", "HEAD~1:meetings/2099-01-13.yaml")


def test_remove_refuses_a_held_meeting_and_says_what_to_do(root):
    refused(root, ["meeting", "remove", "2025-10-14", "--reason", "Typo"], "cec meeting edit 2025-10-14")


def test_remove_refuses_a_meeting_with_attendance_or_minutes(root):
    scheduled_with_minutes = FUTURE.replace("agenda_sent:", "minutes:\n  recorded: 2099-01-14\nagenda_sent:")
    (root / "meetings/2099-01-13.yaml").write_text(scheduled_with_minutes.lstrip())
    git(root, "commit", "-qam", "Record minutes by hand.")
    refused(root, ["meeting", "remove", "2099-01-13", "--reason", "Typo"], "has minutes recorded")


def test_remove_needs_a_reason_and_refuses_a_meeting_other_records_name(root):
    refused(root, ["meeting", "remove", "2099-01-13"], "--reason")
    goals = (root / "goals.yaml").read_text().replace("meeting: 2025-10-14", "meeting: 2099-01-13")
    (root / "goals.yaml").write_text(goals)
    git(root, "commit", "-qam", "Name the January meeting in the goals.")
    refused(root, ["meeting", "remove", "2099-01-13", "--reason", "Typo"], "goals.yaml:7")


# --- cec meeting move ------------------------------------------------------------------------------

def test_move_renames_with_history_follows_references_and_rewrites_documents(root):
    goals = (root / "goals.yaml").read_text().replace("meeting: 2025-10-14", "meeting: 2099-01-13  # the January review")
    (root / "goals.yaml").write_text(goals)
    git(root, "commit", "-qam", "Plan the data review for January.")
    assert run(root, "meeting", "docs", "2099-01-13").exit_code == 0
    before = commits(root)
    result = run(root, "meeting", "move", "2099-01-13", "--to", "2099-01-20")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Moved meetings/2099-01-13.yaml to meetings/2099-01-20.yaml" in out
    assert "Updated the references to it in goals.yaml." in out
    assert "send the agenda again (it went out on 2099-01-06 with the old date)" in out
    assert "post the public notice" in out and "cec calendar" in out
    assert commits(root) == before + 1
    message, _, _ = last_commit(root)
    assert message == "Move the meeting of 2099-01-13 to 2099-01-20."
    paths = sorted(git(root, "show", "--no-renames", "--name-only", "--format=", "HEAD").split())
    assert paths == ["documents/meetings/2099-01-13/agenda.docx", "documents/meetings/2099-01-13/minutes.docx",
                     "documents/meetings/2099-01-13/sign-in.docx", "documents/meetings/2099-01-20/agenda.docx",
                     "documents/meetings/2099-01-20/minutes.docx", "documents/meetings/2099-01-20/sign-in.docx",
                     "goals.yaml", "meetings/2099-01-13.yaml", "meetings/2099-01-20.yaml"]
    assert not (root / "meetings/2099-01-13.yaml").exists() and not (root / "documents/meetings/2099-01-13").exists()
    text = (root / "meetings/2099-01-20.yaml").read_text()
    assert text.startswith("# Added by the secretary in November.") and "date: 2099-01-20\n" in text
    assert "agenda_sent" not in text  # it was for the old date
    assert "meeting: 2099-01-20  # the January review" in (root / "goals.yaml").read_text()
    renames = git(root, "show", "-M", "--format=", "--name-status", "HEAD").splitlines()
    assert any(line.startswith("R") and line.endswith("\tmeetings/2099-01-20.yaml") for line in renames)
    history = git(root, "log", "--follow", "--format=%s", "--", "meetings/2099-01-20.yaml").splitlines()
    assert history == ["Move the meeting of 2099-01-13 to 2099-01-20.", "Start the council."]
    assert git(root, "status", "--porcelain") == ""
    assert format_findings(root) == []


def test_move_keeps_a_suffix_and_uses_the_new_date_in_the_documents(tmp_path):
    root = make_council(tmp_path, {"meetings/2099-01-13-special.yaml": FUTURE.replace("kind: regular", "kind: special")})
    result = run(root, "meeting", "move", "2099-01-13-special", "--to", "2099-01-14")
    assert result.exit_code == 0, result.output
    assert read(root, "meetings/2099-01-14-special.yaml")["date"] == dt.date(2099, 1, 14)
    from docx import Document

    agenda = Document(root / "documents/meetings/2099-01-14-special/agenda.docx")
    text = "\n".join(p.text for p in agenda.paragraphs)
    assert "January 14, 2099" in text and "January 13, 2099" not in text


@pytest.mark.parametrize("args, says", [
    (["2099-01-13", "--to", "2025-10-14"], "There is already a meeting on 2025-10-14"),
    (["2025-10-14", "--to", "2025-10-21"], "was held"),
    (["2099-01-13", "--to", "2099-01-13"], "already on 2099-01-13"),
    (["2099-01-13", "--to", "2099-02-30"], "not a real date"),
    (["2099-01-31", "--to", "2099-02-03"], "Did you mean `2099-01-13`?"),
])
def test_move_refusals_write_nothing(root, args, says):
    refused(root, ["meeting", "move", *args], says)


def test_move_refuses_a_cancelled_meeting(root):
    assert run(root, "meeting", "cancel", "2099-01-13", "--reason", "Snow").exit_code == 0
    refused(root, ["meeting", "move", "2099-01-13", "--to", "2099-01-20"], "cec meeting new --date 2099-01-20")


# --- attendance names only members serving on the meeting's date ----------------------------------

@pytest.mark.parametrize("args, says", [
    (["--present", "ed-old"], "Ed Old (ed-old) was not a member on 2025-10-14 (left 2025-09-30)"),
    (["--excused", "late-lu"], "Lu Late (late-lu) was not a member on 2025-10-14 (joined 2025-11-01)"),
])
def test_attendance_refuses_a_member_not_serving_that_day_with_their_dates(tmp_path, args, says):
    from gitcouncil import ROSTER_YAML

    roster = ROSTER_YAML + "  - id: late-lu\n    name: Lu Late\n    category: parent\n    start_date: 2025-11-01\n"
    root = make_council(tmp_path, {"roster.yaml": roster})
    before = snapshot(root)
    result = run(root, "meeting", "attendance", "2025-10-14", *args)
    assert result.exit_code == 2, result.output
    assert says in result.output and "cec member update" in result.output
    assert snapshot(root) == before


def test_check_reports_a_hand_edited_attendance_naming_a_member_not_serving(tmp_path):
    from conftest import found, run_check
    from gitcouncil import MEETING_YAML, ROSTER_YAML

    roster = ROSTER_YAML + "  - id: late-lu\n    name: Lu Late\n    category: parent\n    start_date: 2025-11-01\n"
    meeting = MEETING_YAML + "attendance:\n  present: [ann-lee, late-lu]\n  excused: [ed-old]\n"
    root = make_council(tmp_path, {"roster.yaml": roster, "meetings/2025-10-14.yaml": meeting})
    report = run_check(root, "2025-12-01")
    messages = [f.message for f in report.findings if f.code == "CEC004"]
    assert messages == ["Lu Late (`late-lu`) is listed present on 2025-10-14, before joining the council on 2025-11-01.",
                        "Ed Old (`ed-old`) is listed excused on 2025-10-14, after leaving the council on 2025-09-30."]
    assert [t for t in found(report, "CEC004")] == [("meetings/2025-10-14.yaml", 24, "CEC004"),
                                                    ("meetings/2025-10-14.yaml", 25, "CEC004")]
    # and a change that would leave such a record is refused: Bo cannot start after a meeting he attended
    assert run(root, "meeting", "attendance", "2025-10-14", "--absent", "bo-diaz").exit_code == 0
    before = snapshot(root)
    result = run(root, "member", "update", "bo-diaz", "--start", "2025-11-01")
    assert result.exit_code == 1 and "before joining the council on 2025-11-01" in result.output
    assert snapshot(root) == before
