"""CEC401-CEC406: goals, public reports, New York's signatures, plan and quarterly updates."""

from conftest import MS_COUNCIL, NY_COUNCIL, found, run_check

from cecli.findings import Severity

MS_ROSTER = "members:\n  - {id: ann, name: Ann Lee, category: parent}\n"


def _findings(report, code):
    return [f for f in report.findings if f.code == code]


# --- CEC401: goals -------------------------------------------------------------------------------

GOALS = """
years:
  "2025-26":
    data_reviewed:
      - {source: school-report-card, date: 2025-09-16}
      - {source: climate-data, date: 2025-09-16}
    goals:
      - id: reading
        statement: Raise third-grade reading
        data: [school-report-card]
      - id: attendance
        statement: Cut chronic absence
        data: [climate-data, improvement-plan]
      - id: tardies
        statement: Fewer tardies
"""


def test_cec401_goal_data_must_be_reviewed_and_named(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": MS_ROSTER, "goals.yaml": GOALS})
    report = run_check(root, "2026-06-30")
    assert found(report, "CEC401") == [("goals.yaml", 12, "CEC401"), ("goals.yaml", 13, "CEC401")]
    messages = [f.message for f in _findings(report, "CEC401")]
    assert messages == ["Goal `attendance` rests on improvement-plan, but no review of improvement-plan is recorded for 2025-26.",
                        "Goal `tardies` does not say which data it rests on."]


def test_cec401_no_goals_yet_is_advice_until_the_year_ends(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": MS_ROSTER, "goals.yaml": GOALS})
    [current] = [f for f in _findings(run_check(root, "2026-07-01"), "CEC401") if "2026-27" in f.message]
    assert (current.line, current.severity) == (1, Severity.INFO)
    assert current.message == "No review of data and no goal is recorded for 2026-27."
    report = run_check(root, "2027-07-01")
    late = [f for f in _findings(report, "CEC401") if "2026-27" in f.message]
    assert [f.severity for f in late] == [Severity.WARNING]


def test_cec401_without_goals_file_points_at_council_yaml(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": MS_ROSTER})
    report = run_check(root, "2026-06-30")
    assert found(report, "CEC401") == [("council.yaml", 1, "CEC401")]
    assert _findings(report, "CEC401")[0].severity is Severity.INFO


def test_cec401_goals_without_a_review(council):
    goals = GOALS.replace("    data_reviewed:\n      - {source: school-report-card, date: 2025-09-16}\n"
                          "      - {source: climate-data, date: 2025-09-16}\n", "")
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": MS_ROSTER, "goals.yaml": goals})
    messages = [f.message for f in _findings(run_check(root, "2026-07-01"), "CEC401")]
    assert "No review of data is recorded for 2025-26." in messages


# --- CEC402: public reports ----------------------------------------------------------------------

REPORTS = """
public_reports:
  - {date: 2026-05-19, title: Spring report, format: town-hall}
  - {date: 2027-05-18, title: Next spring, format: town-hall}
"""


def test_cec402_report_in_each_year(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": MS_ROSTER, "reports.yaml": REPORTS})
    assert found(run_check(root, "2026-06-30"), "CEC402") == []


def test_cec402_planned_report_is_advice_until_the_year_ends(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": MS_ROSTER, "reports.yaml": REPORTS})
    [before] = _findings(run_check(root, "2026-11-22"), "CEC402")
    assert (before.path, before.line, before.severity) == ("reports.yaml", 1, Severity.INFO)
    assert before.message == ("No public progress report has been given yet in 2026-27 "
                              "(one is planned for 2027-05-18); 220 days left.")
    assert found(run_check(root, "2027-05-18"), "CEC402") == []


def test_cec402_missed_year_is_an_error_after_june_30(council):
    reports = "public_reports:\n  - {date: 2025-07-01, title: Old, format: newsletter}\n"
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": MS_ROSTER, "reports.yaml": reports})
    assert found(run_check(root, "2026-06-30"), "CEC402") == []
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": MS_ROSTER,
                    "reports.yaml": reports.replace("2025-07-01", "2025-06-30")})
    [missed] = [f for f in _findings(run_check(root, "2026-07-01"), "CEC402") if "2025-26" in f.message]
    assert missed.severity is Severity.ERROR
    assert missed.message == "No public progress report to the community was given in 2025-26."


def test_cec402_without_reports_file_points_at_council_yaml(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": MS_ROSTER})
    report = run_check(root, "2026-07-01")
    assert found(report, "CEC402") == [("council.yaml", 1, "CEC402"), ("council.yaml", 1, "CEC402")]
    assert sorted(f.severity.value for f in _findings(report, "CEC402")) == ["error", "info"]


# --- CEC403: New York signatures -----------------------------------------------------------------

NY_ROSTER = """
members:
  - {id: pat, name: Pat Principal, category: principal, selected_by: ex-officio}
  - {id: ava, name: Ava Admin, category: teacher, building_admin: true, selected_by: peers}
  - {id: paula, name: Paula Parent, category: parent, selected_by: election, start_date: 2025-09-10, end_date: 2026-01-31}
  - {id: ted, name: Ted Teacher, category: teacher, selected_by: bargaining-unit}
"""

NY_REPORTS = """
continuation_plan: {submitted: 2025-10-01, signed_by: paula, signed_on: 2025-09-30}
quarterly_reports:
  - {period: 2025-26 Q2, due: 2026-01-15, signed_by: paula, signed_on: 2026-01-31}
  - {period: 2025-26 Q3, due: 2026-04-15, signed_by: paula, signed_on: 2026-02-01}
  - {period: 2025-26 Q4, due: 2026-07-15, signed_by: pat, signed_on: 2026-07-10}
  - {period: 2026-27 Q1, due: 2026-10-15, signed_by: ava, signed_on: 2026-10-10}
  - {period: 2026-27 Q2, due: 2027-01-15}
  - {period: 2026-27 Q3, due: 2027-04-15, submitted: 2026-11-20}
"""


def test_cec403_signers(council):
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": NY_ROSTER, "reports.yaml": NY_REPORTS})
    report = run_check(root, "2026-11-22")
    assert found(report, "CEC403") == [
        ("reports.yaml", 2, "CEC403"),  # no report is recorded for 2025-26 Q1
        ("reports.yaml", 4, "CEC403"),  # signed by paula the day after she left
        ("reports.yaml", 5, "CEC403"),  # signed by the principal
        ("reports.yaml", 6, "CEC403"),  # signed by a building administrator
        ("reports.yaml", 7, "CEC403"),  # not yet signed, not yet due: advice
        ("reports.yaml", 8, "CEC403"),  # submitted unsigned
    ]
    levels = [f.severity for f in _findings(report, "CEC403")]
    assert levels == [Severity.ERROR, Severity.ERROR, Severity.ERROR, Severity.ERROR, Severity.INFO, Severity.ERROR]
    assert _findings(report, "CEC403")[0].message == ("No quarterly report is recorded for 2025-26 Q1 (2025-07-23 "
                                                      "to 2025-10-30), which was due 2025-10-30.")
    assert "was signed on 2026-02-01 by Paula Parent, who was not a team member that day" in _findings(report, "CEC403")[1].message


def test_cec403_unsigned_after_due_date(council):
    reports = "quarterly_reports:\n  - {period: 2026-27 Q2, due: 2027-01-15}\n"
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": NY_ROSTER, "reports.yaml": reports})
    def q2(as_of):
        return [f.severity for f in _findings(run_check(root, as_of), "CEC403") if "2026-27 Q2" in f.message]

    assert q2("2027-01-15") == [Severity.INFO]
    assert q2("2027-01-16") == [Severity.ERROR]


def test_cec403_missing_signing_date_uses_submitted(council):
    reports = "continuation_plan: {submitted: 2025-09-09, signed_by: paula}\n"
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": NY_ROSTER, "reports.yaml": reports})
    assert found(run_check(root, "2025-10-30"), "CEC403") == [("reports.yaml", 1, "CEC403")]
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": NY_ROSTER,
                    "reports.yaml": reports.replace("2025-09-09", "2025-09-10")})
    assert found(run_check(root, "2025-10-30"), "CEC403") == []


# --- CEC404: the plan's seven components -----------------------------------------------------------

PLAN = """
components:
  consultation: Surveys and two family forums.
  selection: Parents elect parents; teachers chosen by the bargaining unit.
  involvement: Monthly meetings.
  meetings: Open meetings with posted agendas.
  public_input: Public comment at every meeting.
  recommendations: "   "
updates:
  - {date: 2025-11-12, summary: Plan shared}
  - {date: 2026-02-10, period: 2025-26 Q3, summary: Progress}
  - {date: 2026-07-14, period: 2025-26 Q4, summary: Year-end update given late}
"""


def test_cec404_missing_components_are_listed(council):
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": NY_ROSTER, "plan.yaml": PLAN})
    report = run_check(root, "2026-06-30")
    assert found(report, "CEC404") == [("plan.yaml", 1, "CEC404")]
    [finding] = _findings(report, "CEC404")
    assert finding.severity is Severity.ERROR
    assert finding.message.startswith("The Community Engagement Plan does not cover 2 of its 7 components: how the CET makes")
    assert "`recommendations` and `coordination`" in finding.hint


def test_cec404_complete_plan_and_missing_plan(council):
    plan = PLAN.replace('recommendations: "   "', "recommendations: Quarterly memo.\n  coordination: Joint meeting.")
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": NY_ROSTER, "plan.yaml": plan})
    assert found(run_check(root, "2026-06-30"), "CEC404") == []
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": NY_ROSTER})
    (root / "plan.yaml").unlink()
    assert found(run_check(root, "2026-06-30"), "CEC404") == [("council.yaml", 1, "CEC404")]


# --- CEC405: an update each quarter ---------------------------------------------------------------

def test_cec405_periods_since_established(council):
    # established 2025-09-10: NYSED's 2025-26 Q1 (from 2025-07-23) began before it and is not checked;
    # Q2 (2025-10-31 to 2026-01-30) has the update of 2025-11-12, Q3 the one of 2026-02-10; the update of
    # 2026-07-14 falls in Q4 (to 2026-07-21), whatever its `period` says
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": NY_ROSTER, "plan.yaml": PLAN})
    report = run_check(root, "2026-11-01")
    assert [f.message for f in _findings(report, "CEC405")] == [
        "No update on the Community Engagement Plan is recorded for 2026-27 Q1 (2026-07-23 to 2026-10-30, "
        "estimated from the usual NYSED calendar).",
        "No update on the Community Engagement Plan yet for 2026-27 Q2; it ends 2027-01-30, estimated from the "
        "usual NYSED calendar.",
    ]
    assert [f.severity for f in _findings(report, "CEC405")] == [Severity.ERROR, Severity.INFO]
    assert found(report, "CEC405") == [("plan.yaml", 8, "CEC405")] * 2


def test_cec405_last_day_of_a_period_counts(council):
    plan = PLAN + "  - {date: 2026-10-30, summary: Fall update on the last day of Q1}\n"
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": NY_ROSTER, "plan.yaml": plan})
    assert [f for f in _findings(run_check(root, "2026-11-01"), "CEC405") if "2026-27 Q1" in f.message] == []
    plan = PLAN + "  - {date: 2026-10-31, summary: One day late so it is Q2}\n"
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": NY_ROSTER, "plan.yaml": plan})
    assert [f.severity for f in _findings(run_check(root, "2026-11-01"), "CEC405")] == [Severity.ERROR]


def test_cec405_period_end_boundary(council):
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": NY_ROSTER, "plan.yaml": PLAN})
    current = [f for f in _findings(run_check(root, "2026-10-30"), "CEC405") if "2026-27 Q1" in f.message]
    assert [f.severity for f in current] == [Severity.INFO]
    over = [f for f in _findings(run_check(root, "2026-10-31"), "CEC405") if "2026-27 Q1" in f.message]
    assert [f.severity for f in over] == [Severity.ERROR]


def test_cec405_period_starting_on_established_is_checked(council):
    text = NY_COUNCIL.replace("established: 2025-09-10", "established: 2025-07-23")
    root = council({"council.yaml": text, "roster.yaml": NY_ROSTER, "plan.yaml": PLAN})
    assert [f.message for f in _findings(run_check(root, "2026-07-21"), "CEC405")] == [
        "No update on the Community Engagement Plan is recorded for 2025-26 Q1 (2025-07-23 to 2025-10-30)."]


# --- CEC406: recommendations -----------------------------------------------------------------------

def test_cec406_recommendation_without_or_with_an_unknown_addressee(council):
    recs = """
recommendations:
  - {id: start-times, date: 2025-11-18, to: school-board, text: Later start}
  - {id: buses, date: 2025-12-09, text: More buses}
  - {id: tutors, date: 2026-01-13, to: teachers, text: After-school tutors}
"""
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": MS_ROSTER, "recommendations.yaml": recs})
    report = run_check(root, "2026-02-01")
    assert found(report, "CEC406") == [("recommendations.yaml", 3, "CEC406"), ("recommendations.yaml", 4, "CEC406")]
    assert {f.severity for f in _findings(report, "CEC406")} == {Severity.INFO}


# --- unreadable or partly readable files --------------------------------------------------------------

def test_an_unreadable_reports_file_is_not_judged_as_empty(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": MS_ROSTER, "reports.yaml": "public_reports: [\n"})
    report = run_check(root, "2026-07-01")
    assert found(report, "CEC001") and found(report, "CEC402") == []


def test_a_partly_damaged_reports_file_is_still_judged(council):
    reports = REPORTS + "  - {date: 2026-02-30, title: Impossible}\n"
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": MS_ROSTER, "reports.yaml": reports})
    report = run_check(root, "2026-06-30")
    assert found(report, "CEC002") and found(report, "CEC402") == []
    reports = "public_reports:\n  - {date: 2026-02-30, title: Impossible}\n"
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": MS_ROSTER, "reports.yaml": reports})
    assert found(run_check(root, "2026-07-01"), "CEC402")[0][0] == "reports.yaml"
