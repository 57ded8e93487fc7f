"""cec meeting new|list|attendance|record|cancel|docs against a council in a real git repository."""

from __future__ import annotations

import json

import pytest
from conftest import NY_COUNCIL, invoke
from gitcouncil import commits, format_findings, is_sentence, last_commit, make_council, snapshot
from ruamel.yaml import YAML


def read(root, rel):
    return YAML(typ="safe").load((root / rel).read_text(encoding="utf-8"))


def run(root, *args, **kwargs):
    return invoke([*args, "--council", root], **kwargs)


@pytest.fixture
def root(tmp_path):
    return make_council(tmp_path)


# --- cec meeting new --------------------------------------------------------------------------

def test_new_meeting_inherits_place_times_and_recurring_agenda_in_one_commit(root):
    before = commits(root)
    result = run(root, "meeting", "new", "--date", "2025-11-18")
    assert result.exit_code == 0, result.output
    assert "Wrote meetings/2025-11-18.yaml" in result.output
    assert "Send the agenda by 2025-11-15." in result.output

    meeting = read(root, "meetings/2025-11-18.yaml")
    assert meeting["status"] == "scheduled" and meeting["open_to_public"] is True
    assert (meeting["start"], meeting["end"]) == ("17:30", "18:45")
    assert meeting["location"] == "Room 12, Test Elementary"
    # the recurring items come back; the one-off data review does not
    assert [item["title"] for item in meeting["agenda"]] == [
        "Welcome and call to order", "Approval of minutes", "Public comment"]
    assert 'start: "17:30"' in (root / "meetings/2025-11-18.yaml").read_text()

    assert commits(root) == before + 1
    message, author, paths = last_commit(root)
    assert message == "Add meeting of 2025-11-18." and is_sentence(message)
    assert author == "Di Park <di.park@example.org>"
    assert "meetings/2025-11-18.yaml" in paths
    assert all(p == "meetings/2025-11-18.yaml" or p.startswith("documents/meetings/2025-11-18/") for p in paths)
    assert format_findings(root) == []


def test_new_meeting_writes_its_documents_in_the_same_commit(root):
    result = run(root, "meeting", "new", "--date", "2025-11-18")
    assert result.exit_code == 0, result.output
    _, _, paths = last_commit(root)
    assert {"documents/meetings/2025-11-18/agenda.docx", "documents/meetings/2025-11-18/minutes.docx",
            "documents/meetings/2025-11-18/sign-in.docx"} <= set(paths)
    assert "agenda, minutes shell and sign-in sheet" in result.output


def test_options_override_what_is_inherited(root):
    result = run(root, "meeting", "new", "--date", "2025-12-09", "--kind", "special", "--title",
                 "Budget & <FY26> review", "--start", "18:00", "--end", "19:00", "--location", "Gym",
                 "--author", "Ann Lee <ann@example.org>")
    assert result.exit_code == 0, result.output
    meeting = read(root, "meetings/2025-12-09.yaml")
    assert meeting["kind"] == "special" and meeting["title"] == "Budget & <FY26> review"
    assert (meeting["start"], meeting["end"], meeting["location"]) == ("18:00", "19:00", "Gym")
    message, author, _ = last_commit(root)
    assert message == "Add special meeting of 2025-12-09."
    assert author == "Ann Lee <ann@example.org>"


def test_first_meeting_uses_the_councils_meeting_defaults(tmp_path):
    council = """
    name: Test Elementary CEC
    profile: ms-cec
    established: 2025-08-01
    meeting_place: Test Elementary library
    meeting_defaults:
      start: "18:00"
      end: "19:15"
      agenda:
        - {title: Welcome, minutes: 5, kind: welcome}
        - {title: Public comment, minutes: 15, kind: public-comment}
    """
    root = make_council(tmp_path, {"council.yaml": council, "meetings/2025-10-14.yaml": None,
                                   "goals.yaml": None})
    result = run(root, "meeting", "new", "--date", "2025-10-21")
    assert result.exit_code == 0, result.output
    meeting = read(root, "meetings/2025-10-21.yaml")
    assert (meeting["start"], meeting["end"], meeting["location"]) == ("18:00", "19:15", "Test Elementary library")
    assert [item["title"] for item in meeting["agenda"]] == ["Welcome", "Public comment"]
    assert format_findings(root) == []


def test_a_second_meeting_on_a_day_needs_a_suffix(root):
    before = snapshot(root)
    result = run(root, "meeting", "new", "--date", "2025-10-14")
    assert result.exit_code == 2
    assert "already a meeting on 2025-10-14" in result.output and "--suffix" in result.output
    assert snapshot(root) == before

    result = run(root, "meeting", "new", "--date", "2025-10-14", "--suffix", "special", "--kind", "special")
    assert result.exit_code == 0, result.output
    assert (root / "meetings/2025-10-14-special.yaml").is_file()
    assert format_findings(root) == []


@pytest.mark.parametrize("args, says", [
    (["--date", "10/14/25"], "two-digit year"),
    (["--date", "14/10/2025"], "dates with slashes are month/day/year"),
    (["--date", "2025-02-30"], "not a real date"),
    (["--date", "2025-11-18", "--start", "25:00"], "not a real time of day"),
    (["--date", "2025-11-18", "--start", "6"], "could be morning or evening"),
    (["--date", "2025-11-18", "--start", "6:30"], "write 6:30 PM, 18:30 or 06:30"),
    (["--date", "2025-11-18", "--start", "19:00", "--end", "18:00"], "is not after the start time"),
    (["--date", "2025-11-18", "--kind", "regualr"], "Did you mean `regular`?"),
    (["--date", "2025-11-18", "--suffix", "Special Session"], "not a usable id"),
    ([], "date is missing"),
])
def test_bad_input_for_a_new_meeting_writes_nothing(root, args, says):
    before = snapshot(root)
    result = run(root, "meeting", "new", *args)
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert snapshot(root) == before


# --- cec meeting attendance ---------------------------------------------------------------------

def test_attendance_is_recorded_and_the_files_comments_kept(root):
    result = run(root, "meeting", "attendance", "2025-10-14", "--present", "ann-lee,bo-diaz",
                 "--absent", "cy-moss", "--excused", "di-park", "--guests", "4")
    assert result.exit_code == 0, result.output
    assert "2 present" in result.output
    text = (root / "meetings/2025-10-14.yaml").read_text()
    assert text.startswith("# First regular meeting of the year.\n")
    assert 'start: "17:30"   # after school pickup' in text
    meeting = read(root, "meetings/2025-10-14.yaml")
    assert meeting["attendance"] == {"present": ["ann-lee", "bo-diaz"], "absent": ["cy-moss"],
                                     "excused": ["di-park"], "guests": 4}
    assert meeting["status"] == "held"
    message, _, paths = last_commit(root)
    assert message == "Record attendance for the meeting of 2025-10-14."
    assert paths == ["meetings/2025-10-14.yaml"]
    assert format_findings(root) == []


def test_attendance_for_a_future_meeting_leaves_it_scheduled(root):
    assert run(root, "meeting", "new", "--date", "2099-01-13").exit_code == 0
    result = run(root, "meeting", "attendance", "2099-01-13", "--excused", "ann-lee")
    assert result.exit_code == 0, result.output
    assert read(root, "meetings/2099-01-13.yaml")["status"] == "scheduled"


@pytest.mark.parametrize("args, says", [
    (["2025-10-14", "--present", "ann-le"], "Did you mean `ann-lee`?"),
    (["2025-10-14", "--present", "ann-lee", "--absent", "ann-lee"], "both present and absent"),
    (["2025-10-14", "--guests", "-1"], "cannot be negative"),
    (["2025-10-14", "--present", "ed-old"], "was not a member on 2025-10-14 (left 2025-09-30)"),
    (["2025-10-41", "--present", "ann-lee"], "Did you mean `2025-10-14`?"),
    (["2025-10-14"], "Say who came"),
])
def test_bad_attendance_writes_nothing(root, args, says):
    before = snapshot(root)
    result = run(root, "meeting", "attendance", *args)
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert snapshot(root) == before


def test_interactive_checklist_in_a_terminal(root, monkeypatch):
    import cecli.cli.meeting as cli

    monkeypatch.setattr(cli, "_interactive", lambda: True)
    # members on 2025-10-14: ann-lee, bo-diaz, cy-moss, di-park (ed-old left in September)
    result = run(root, "meeting", "attendance", "2025-10-14", input="1-2,4\n3\n5\n")
    assert result.exit_code == 0, result.output
    assert "Ed Old" not in result.output and " 4. Di Park (di-park)" in result.output
    attendance = read(root, "meetings/2025-10-14.yaml")["attendance"]
    assert attendance == {"present": ["ann-lee", "bo-diaz", "di-park"], "excused": ["cy-moss"], "guests": 5}
    assert last_commit(root)[0] == "Record attendance for the meeting of 2025-10-14."


def test_new_meeting_in_a_terminal_asks_for_the_date(root, monkeypatch):
    import cecli.cli.meeting as cli

    monkeypatch.setattr(cli, "_interactive", lambda: True)
    result = run(root, "meeting", "new", input="2025-11-18\n")
    assert result.exit_code == 0, result.output
    assert (root / "meetings/2025-11-18.yaml").is_file()


def test_new_york_meeting_says_when_the_notice_is_due(tmp_path):
    roster = """
    members:
      - {id: ann-lee, name: Ann Lee, category: parent, start_date: 2025-09-10}
    """
    root = make_council(tmp_path, {"council.yaml": NY_COUNCIL, "roster.yaml": roster,
                                   "meetings/2025-10-14.yaml": None, "goals.yaml": None, "outreach.yaml": None})
    result = run(root, "meeting", "new", "--date", "2026-12-08", "--start", "18:00", "--end", "19:30")
    assert result.exit_code == 0, result.output
    assert "Post the public notice by 2026-12-05 18:00 (72 hours before)." in result.output
    assert format_findings(root) == []


# --- cec meeting record and cancel --------------------------------------------------------------

def test_record_minutes_a_motion_with_votes_and_an_action_item(root):
    assert run(root, "meeting", "attendance", "2025-10-14", "--present", "ann-lee,bo-diaz,cy-moss,di-park").exit_code == 0
    result = run(root, "meeting", "record", "2025-10-14", "--recorded", "2025-10-15", "--sent", "2025-10-16",
                 "--summary", "Reviewed the report card.", "--agenda-sent", "2025-10-09",
                 "--notice-posted", "2025-10-10 16:00",
                 "--motion", "Adopt the meeting schedule.", "--moved-by", "ann-lee", "--seconded-by", "bo-diaz",
                 "--for", "ann-lee,bo-diaz", "--against", "cy-moss", "--abstain", "di-park", "--result", "carried",
                 "--action", "Post the schedule on the website", "--owner", "di-park", "--due", "2025-10-20")
    assert result.exit_code == 0, result.output
    meeting = read(root, "meetings/2025-10-14.yaml")
    assert meeting["minutes"] == {"recorded": __import__("datetime").date(2025, 10, 15),
                                  "sent": __import__("datetime").date(2025, 10, 16),
                                  "summary": "Reviewed the report card."}
    assert meeting["motions"] == [{
        "text": "Adopt the meeting schedule.", "moved_by": "ann-lee", "seconded_by": "bo-diaz",
        "votes": {"for": ["ann-lee", "bo-diaz"], "against": ["cy-moss"], "abstain": ["di-park"]},
        "result": "carried"}]
    assert meeting["action_items"][0]["owner"] == "di-park"
    text = (root / "meetings/2025-10-14.yaml").read_text()
    assert 'notice_posted: "2025-10-10 16:00"' in text and "agenda_sent: 2025-10-09" in text
    assert "# after school pickup" in text
    message, _, paths = last_commit(root)
    assert message == ("Record minutes, notice and agenda dates, a motion and an action item "
                       "for the meeting of 2025-10-14.")
    assert paths == ["meetings/2025-10-14.yaml"]
    assert format_findings(root) == []


@pytest.mark.parametrize("args, says", [
    (["--motion", "Adopt.", "--for", "ann-lee,bo-dias"], "Did you mean `bo-diaz`?"),
    (["--motion", "Adopt.", "--result", "passed"], "not a result of a motion"),
    (["--moved-by", "ann-lee"], "Give the motion's text with --motion"),
    (["--action", "Call the board", "--owner", "zed"], "no member has the id `zed`"),
    (["--recorded", "2025-10-01"], "before the meeting"),
    (["--approved", "14 Oct"], "YYYY-MM-DD"),
    (["--notice-posted", "2025-10-10 4"], '"2026-12-04 16:00"'),
    ([], "nothing to record"),
])
def test_bad_records_write_nothing(root, args, says):
    before = snapshot(root)
    result = run(root, "meeting", "record", "2025-10-14", *args)
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert snapshot(root) == before


def test_cancel_keeps_the_reason_in_the_record_and_in_the_commit(root):
    assert run(root, "meeting", "new", "--date", "2099-01-13").exit_code == 0
    result = run(root, "meeting", "cancel", "2099-01-13", "--reason", "Snow day")
    assert result.exit_code == 0, result.output
    text = (root / "meetings/2099-01-13.yaml").read_text()
    assert "status: cancelled\ncancel_reason: Snow day\n" in text
    message, _, paths = last_commit(root)
    assert message == "Cancel the meeting of 2099-01-13 (Snow day)."
    assert paths == ["meetings/2099-01-13.yaml"]
    before = snapshot(root)
    again = run(root, "meeting", "cancel", "2099-01-13", "--reason", "Snow again")
    assert again.exit_code == 2 and "already cancelled" in again.output
    assert snapshot(root) == before


# --- cec meeting list and docs ------------------------------------------------------------------

def test_list_shows_each_meeting(root):
    run(root, "meeting", "attendance", "2025-10-14", "--present", "ann-lee,bo-diaz")
    run(root, "meeting", "new", "--date", "2026-09-15")
    result = run(root, "meeting", "list", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["id"], r["status"], r["present"]) for r in rows] == [
        ("2025-10-14", "held", 2), ("2026-09-15", "scheduled", None)]
    only = json.loads(run(root, "meeting", "list", "--year", "2026-27", "--json").output)
    assert [r["id"] for r in only] == ["2026-09-15"]
    table = run(root, "meeting", "list").output
    assert "2025-10-14  regular" in table
    assert run(root, "meeting", "list", "--year", "2026").exit_code == 2


def test_docs_regenerates_once_and_then_commits_nothing(root):
    first = run(root, "meeting", "docs", "2025-10-14")
    assert first.exit_code == 0, first.output
    message, _, paths = last_commit(root)
    assert message == "Regenerate the documents of the meeting of 2025-10-14."
    assert paths and all(p.startswith("documents/meetings/2025-10-14/") for p in paths)
    before = snapshot(root)
    second = run(root, "meeting", "docs", "2025-10-14")
    assert second.exit_code == 0, second.output
    assert "nothing was committed" in second.output
    assert snapshot(root) == before


def test_no_identity_means_nothing_written(root, monkeypatch):
    from gitcouncil import git

    git(root, "config", "--unset", "user.name")
    monkeypatch.delenv("CEC_AUTHOR", raising=False)
    monkeypatch.setenv("HOME", str(root.parent))  # no global identity either
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    before = snapshot(root)
    result = run(root, "meeting", "new", "--date", "2025-11-18")
    assert result.exit_code == 2
    assert "who is making this change" in result.output
    assert snapshot(root) == before


# --- damaged files and small input mistakes ---------------------------------------------------

BROKEN_MEETING = """
title: Regular meeting
kind: regular
date: 2025-10-14
agenda: [unclosed
"""


@pytest.mark.parametrize("args", [
    ["meeting", "attendance", "2025-10-14", "--present", "ann-lee"],
    ["meeting", "docs", "2025-10-14"],
    ["meeting", "record", "2025-10-14", "--recorded", "2025-10-15"],
    ["meeting", "cancel", "2025-10-14"],
])
def test_a_damaged_meeting_file_is_named_not_called_missing(tmp_path, args):
    root = make_council(tmp_path, {"meetings/2025-10-14.yaml": BROKEN_MEETING})
    before = snapshot(root)
    result = run(root, *args)
    assert result.exit_code == 2, result.output
    assert "There is no meeting" not in result.output and "Did you mean" not in result.output
    assert "meetings/2025-10-14.yaml:" in result.output and "(CEC001)" in result.output
    assert "Fix this first (cec check shows every problem)" in result.output
    assert "Traceback" not in result.output
    assert snapshot(root) == before


def test_record_for_an_unknown_meeting_says_so_before_anything_else(root):
    before = snapshot(root)
    result = run(root, "meeting", "record", "2025-10-41")
    assert result.exit_code == 2, result.output
    assert "There is no meeting `2025-10-41`" in result.output
    assert "nothing to record" not in result.output
    assert snapshot(root) == before


def test_record_with_nothing_given_still_says_there_is_nothing_to_record(root):
    result = run(root, "meeting", "record", "2025-10-14")
    assert result.exit_code == 2
    assert "There is nothing to record." in result.output


# --- what a change leaves, dates and file order ---------------------------------------------------

def test_a_change_that_leaves_a_new_problem_says_so_and_keeps_the_commit(root):
    full = run(root, "meeting", "attendance", "2025-10-14", "--present", "ann-lee,bo-diaz,cy-moss,di-park")
    assert full.exit_code == 0 and "new problem" not in full.output, full.output
    result = run(root, "meeting", "attendance", "2025-10-14", "--present", "ann-lee")
    assert result.exit_code == 0, result.output
    assert "This change leaves 1 new problem:\n  meetings/2025-10-14.yaml:" in result.output
    assert ": error: " in result.output and "(CEC306)\nRun `cec check` for details.\n" in result.output
    assert read(root, "meetings/2025-10-14.yaml")["attendance"]["present"] == ["ann-lee"]
    assert last_commit(root)[0] == "Record attendance for the meeting of 2025-10-14."


def test_attendance_for_a_future_meeting_is_refused(root):
    assert run(root, "meeting", "new", "--date", "2099-01-13").exit_code == 0
    result = run(root, "meeting", "attendance", "2099-01-13", "--present", "ann-lee")
    assert result.exit_code == 2
    assert "The meeting of 2099-01-13 is on 2099-01-13, which has not come yet" in result.output
    assert read(root, "meetings/2099-01-13.yaml")["status"] == "scheduled"
    assert "attendance" not in read(root, "meetings/2099-01-13.yaml")


def test_a_new_meeting_in_the_past_or_on_a_weekend_is_written_with_a_warning(root):
    past = run(root, "meeting", "new", "--date", "2025-11-15")
    assert past.exit_code == 0, past.output
    assert "Warning: 2025-11-15 is in the past" in past.output and "Warning: 2025-11-15 is a Saturday." in past.output
    weekday = run(root, "meeting", "new", "--date", "2099-01-13")
    assert weekday.exit_code == 0 and "Warning" not in weekday.output, weekday.output


APRIL = """
title: Spring meeting
kind: regular
status: held
date: 2027-04-13
start: "18:00"
end: "19:15"
agenda:
  - title: Welcome and approval of the February minutes
    minutes: 5
    kind: action
  - title: Spring data
    minutes: 30
    kind: data-review
"""


def test_a_copied_agenda_title_names_the_previous_meetings_month(tmp_path):
    root = make_council(tmp_path, {"meetings/2027-04-13.yaml": APRIL})
    result = run(root, "meeting", "new", "--date", "2027-05-11")
    assert result.exit_code == 0, result.output
    titles = [item["title"] for item in read(root, "meetings/2027-05-11.yaml")["agenda"]]
    assert titles == ["Welcome and approval of the April minutes"]


SPACED = """
title: Regular meeting
kind: regular
status: held
date: 2025-10-14
start: "17:30"
end: "18:45"
open_to_public: true

agenda:
  - title: Welcome
    kind: welcome

attendance:
  present: [ann-lee, bo-diaz, cy-moss, di-park]

motions:
  - text: Adopt the schedule.
    votes:
      for: [ann-lee, bo-diaz, cy-moss, di-park]
    result: carried

evidence:
  - evidence/sign-in.pdf
"""


def test_record_puts_new_keys_in_the_documented_order_and_keeps_the_files_style(tmp_path):
    root = make_council(tmp_path, {"meetings/2025-10-14.yaml": SPACED, "evidence/sign-in.pdf": "scan"})
    result = run(root, "meeting", "record", "2025-10-14", "--recorded", "2025-10-15", "--agenda-sent", "2025-10-09",
                 "--motion", "Adjourn.", "--for", "ann-lee,bo-diaz,cy-moss,di-park", "--result", "carried")
    assert result.exit_code == 0, result.output
    text = (root / "meetings/2025-10-14.yaml").read_text()
    assert "open_to_public: true\nagenda_sent: 2025-10-09\n\nagenda:\n" in text
    assert "  present: [ann-lee, bo-diaz, cy-moss, di-park]\n\nminutes:\n  recorded: 2025-10-15\n\nmotions:\n" in text
    assert ("    result: carried\n  - text: Adjourn.\n    votes:\n      for: [ann-lee, bo-diaz, cy-moss, di-park]\n"
            "    result: carried\n\nevidence:\n") in text
