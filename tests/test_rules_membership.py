"""CEC101-CEC107: who sits on the council."""

from conftest import MS_COUNCIL, NY_COUNCIL, found, run_check

from cecli.findings import Severity

# --- CEC101: New York's required groups at every date -------------------------------------------

NY_ROSTER = """
members:
  - id: pat-principal
    name: Pat Principal
    category: principal
    selected_by: ex-officio
    start_date: 2025-09-10
  - id: paula-parent
    name: Paula Parent
    category: parent
    selected_by: election
    start_date: 2025-09-10
    end_date: 2026-01-31
  - id: ted-teacher
    name: Ted Teacher
    category: teacher
    selected_by: bargaining-unit
    start_date: 2025-09-10
  - id: sam-student
    name: Sam Student
    category: student
    start_date: 2025-09-10
"""


def test_cec101_complete_team_has_no_gap(council):
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": NY_ROSTER})
    assert found(run_check(root, "2026-01-31"), "CEC101") == []


def test_cec101_open_gap_points_at_who_left(council):
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": NY_ROSTER})
    report = run_check(root, "2026-02-01")
    assert found(report, "CEC101") == [("roster.yaml", 12, "CEC101")]
    finding = report.findings[[f.code for f in report.findings].index("CEC101")]
    assert finding.severity is Severity.ERROR
    assert "Since 2026-02-01" in finding.message and "parent" in finding.message


def test_cec101_closed_gap_reports_its_range(council):
    roster = NY_ROSTER + """
  - id: pete-parent
    name: Pete Parent
    category: parent
    selected_by: election
    start_date: 2026-03-02
"""
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": roster})
    messages = [f.message for f in run_check(root, "2026-06-01").findings if f.code == "CEC101"]
    assert messages == ["From 2026-02-01 to 2026-03-01 the team had no active parent."]


def test_cec101_a_replacement_the_next_day_leaves_no_gap(council):
    roster = NY_ROSTER + """
  - id: pete-parent
    name: Pete Parent
    category: parent
    selected_by: election
    start_date: 2026-02-01
"""
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": roster})
    assert found(run_check(root, "2026-06-01"), "CEC101") == []


def test_cec101_late_start_and_staff_counts_as_teacher(council):
    roster = NY_ROSTER.replace("category: teacher", "category: staff").replace(
        "    selected_by: ex-officio\n    start_date: 2025-09-10", "    selected_by: ex-officio\n    start_date: 2025-09-12")
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": roster})
    report = run_check(root, "2025-10-01")
    assert [f.message for f in report.findings if f.code == "CEC101"] == [
        "From 2025-09-10 to 2025-09-11 the team had no active principal."]
    assert found(report, "CEC101") == [("roster.yaml", 1, "CEC101")]


def test_cec101_students_required_only_from_grade_7(council):
    no_student = NY_ROSTER.split("  - id: sam-student")[0]
    elementary = NY_COUNCIL.replace("grades: 6-8", "grades: K-6")
    root = council({"council.yaml": elementary, "roster.yaml": no_student})
    assert found(run_check(root, "2025-12-01"), "CEC101") == []
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": no_student})
    messages = [f.message for f in run_check(root, "2025-12-01").findings if f.code == "CEC101"]
    assert messages == ["Since 2025-09-10 the team has had no active student."]


# --- CEC102: broad spectrum (Mississippi) --------------------------------------------------------

def _ms_members(*categories, extra=""):
    lines = ["members:"]
    for index, category in enumerate(categories):
        lines += [f"  - id: m{index}", f"    name: Member {index}", f"    category: {category}",
                  f"    email: m{index}@example.org", "    selected_by: election"]
        if extra:
            lines.append(extra)
    return "\n".join(lines) + "\n"


def test_cec102_four_categories_with_a_parent_pass(council):
    root = council({"council.yaml": MS_COUNCIL,
                    "roster.yaml": _ms_members("parent", "retiree", "librarian", "educator")})
    assert found(run_check(root, "2025-10-01"), "CEC102") == []


def test_cec102_three_categories_and_no_parent(council):
    root = council({"council.yaml": MS_COUNCIL,
                    "roster.yaml": _ms_members("retiree", "librarian", "educator", "educator")})
    report = run_check(root, "2025-10-01")
    assert found(report, "CEC102") == [("roster.yaml", 1, "CEC102"), ("roster.yaml", 1, "CEC102")]
    messages = sorted(f.message for f in report.findings if f.code == "CEC102")
    assert messages[0].startswith("Active members come from 3 parts of the community (educator, librarian, retiree)")
    assert messages[1] == "No active member is a parent."


def test_cec102_min_categories_can_be_overridden(council):
    council_yaml = MS_COUNCIL + "rules:\n  parameters:\n    min_categories: 2\n"
    root = council({"council.yaml": council_yaml, "roster.yaml": _ms_members("parent", "retiree")})
    assert found(run_check(root, "2025-10-01"), "CEC102") == []


# --- CEC103: not all appointed by the school board -----------------------------------------------

def test_cec103_all_board_appointed_is_an_error(council):
    roster = _ms_members("parent", "retiree").replace("selected_by: election", "selected_by: school-board")
    report = run_check(council({"council.yaml": MS_COUNCIL, "roster.yaml": roster}), "2025-10-01")
    assert found(report, "CEC103") == [("roster.yaml", 1, "CEC103")]
    assert [f.severity for f in report.findings if f.code == "CEC103"] == [Severity.ERROR]


def test_cec103_one_elected_member_is_enough(council):
    roster = _ms_members("parent", "retiree").replace("selected_by: election", "selected_by: school-board", 1)
    report = run_check(council({"council.yaml": MS_COUNCIL, "roster.yaml": roster}), "2025-10-01")
    assert found(report, "CEC103") == []


# --- CEC104: officer roles -----------------------------------------------------------------------

OFFICERS = """
members:
  - id: ann
    name: Ann Lee
    category: parent
    roles: [chair, secretary]
  - id: bob
    name: Bob Roe
    category: retiree
    roles: [vice-chair]
  - id: cy
    name: Cy Doe
    category: librarian
    roles:
      - communications-liaison
      - chair
  - id: dee
    name: Dee Fox
    category: educator
    roles: [communications-liaison]
    end_date: 2025-06-30
"""


def test_cec104_each_role_held_by_exactly_one_active_member(council):
    report = run_check(council({"council.yaml": MS_COUNCIL, "roster.yaml": OFFICERS}), "2025-10-01")
    assert found(report, "CEC104") == [("roster.yaml", 15, "CEC104")]
    assert [f.message for f in report.findings if f.code == "CEC104"] == [
        "2 active members hold the chair role: Ann Lee, Cy Doe."]


def test_cec104_missing_role_points_at_members(council):
    roster = OFFICERS.replace("      - chair\n", "").replace("roles: [vice-chair]", "roles: []")
    report = run_check(council({"council.yaml": MS_COUNCIL, "roster.yaml": roster}), "2025-10-01")
    assert found(report, "CEC104") == [("roster.yaml", 1, "CEC104")]
    assert "vice-chair" in report.findings[[f.code for f in report.findings].index("CEC104")].message


# --- CEC105: New York representatives -------------------------------------------------------------

def test_cec105_parent_employee_and_missing_selection(council):
    roster = NY_ROSTER.replace("    selected_by: election\n", "    district_employee: true\n")
    report = run_check(council({"council.yaml": NY_COUNCIL, "roster.yaml": roster}), "2025-10-01")
    assert found(report, "CEC105") == [("roster.yaml", 9, "CEC105"), ("roster.yaml", 10, "CEC105")]


def test_cec105_student_needs_no_selection_and_former_members_are_skipped(council):
    roster = NY_ROSTER + """
  - id: old-teacher
    name: Old Teacher
    category: teacher
    end_date: 2025-06-30
"""
    report = run_check(council({"council.yaml": NY_COUNCIL, "roster.yaml": roster}), "2025-10-01")
    assert found(report, "CEC105") == []


# --- CEC106: members who have left ---------------------------------------------------------------

def test_cec106_role_after_end_date_and_present_after_leaving(council):
    roster = OFFICERS.replace("    end_date: 2025-06-30", "    end_date: 2025-09-30")
    files = {
        "council.yaml": MS_COUNCIL,
        "roster.yaml": roster,
        "meetings/2025-09-30.yaml": "date: 2025-09-30\nstatus: held\nattendance:\n  present: [ann, dee]\n",
        "meetings/2025-10-01.yaml": "date: 2025-10-01\nstatus: held\nattendance:\n  present: [ann, dee]\n",
    }
    report = run_check(council(files), "2025-10-01")
    assert found(report, "CEC106") == [("meetings/2025-10-01.yaml", 4, "CEC106"), ("roster.yaml", 19, "CEC106")]


def test_cec106_member_leaving_today_is_not_yet_gone(council):
    roster = OFFICERS.replace("    end_date: 2025-06-30", "    end_date: 2025-10-01")
    report = run_check(council({"council.yaml": MS_COUNCIL, "roster.yaml": roster}), "2025-10-01")
    assert found(report, "CEC106") == []


def test_cec106_applies_to_new_york_too(council):
    roster = NY_ROSTER.replace("    end_date: 2026-01-31", "    end_date: 2026-01-31\n    roles: [co-chair]")
    report = run_check(council({"council.yaml": NY_COUNCIL, "roster.yaml": roster}), "2026-02-01")
    assert found(report, "CEC106") == [("roster.yaml", 13, "CEC106")]


# --- CEC107: emails -------------------------------------------------------------------------------

def test_cec107_active_member_without_email(council):
    roster = _ms_members("parent", "retiree").replace("    email: m1@example.org\n", "")
    roster += "  - id: gone\n    name: Gone\n    category: retiree\n    end_date: 2025-06-30\n"
    report = run_check(council({"council.yaml": MS_COUNCIL, "roster.yaml": roster}), "2025-10-01")
    assert found(report, "CEC107") == [("roster.yaml", 7, "CEC107")]
    assert [f.message for f in report.findings if f.code == "CEC107"] == ["Member 1 has no email address."]


# --- unreadable or partly readable rosters ------------------------------------------------------------

def test_an_unreadable_roster_is_not_judged_as_empty(council):
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": "members:\n  - id: [unclosed\n"})
    report = run_check(root, "2026-02-01")
    assert found(report, "CEC001") and found(report, "CEC101") == []
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": "members:\n  - id: [unclosed\n"})
    report = run_check(root, "2026-02-01")
    assert [t for t in found(report) if t[2] in ("CEC102", "CEC104")] == []


def test_a_partly_damaged_roster_is_still_judged(council):
    roster = _ms_members("parent", "retiree") + "  - id: bad\n    name: Bad\n    category: retiree\n    start_date: 2025-02-30\n"
    report = run_check(council({"council.yaml": MS_COUNCIL, "roster.yaml": roster}), "2025-10-01")
    assert found(report, "CEC002") and found(report, "CEC102") == [("roster.yaml", 1, "CEC102")]
