"""The rules RULES.md added or changed (CEC108-CEC113, CEC308, CEC313, CEC314, CEC316, CEC318-CEC320,
CEC403, CEC407-CEC409), each at its boundaries."""

from __future__ import annotations

from conftest import MS_COUNCIL, NY_COUNCIL, found, invoke, run_check
from test_rules_meetings import NY_ROSTER, ROSTER, meeting, scheduled

from cecli.findings import Severity


def messages(report, code):
    return [f.message for f in report.findings if f.code == code]


def levels(report, code):
    return [f.severity for f in report.findings if f.code == code]


# --- CEC108, CEC109 ---------------------------------------------------------------------------------

def test_cec108_bylaws_adopted_for_every_profile(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER})
    assert messages(run_check(root), "CEC108") == ["No bylaws or norms adopted by the council are recorded."]
    (root / "council.yaml").write_text(MS_COUNCIL + "bylaws: {adopted: 2025-08-01}\n")
    assert messages(run_check(root), "CEC108") == ["The bylaws adopted on 2025-08-01 are not kept with the records."]
    (root / "evidence").mkdir()
    (root / "evidence" / "bylaws.pdf").write_text("bylaws")
    (root / "council.yaml").write_text(MS_COUNCIL + "bylaws: {adopted: 2025-08-01, evidence: [evidence/bylaws.pdf]}\n")
    assert found(run_check(root), "CEC108") == []


def test_cec109_a_council_without_students_is_noted(council):
    roster = "members:\n  - {id: pat, name: Pat Parent, category: parent}\n  - {id: rev, name: Rev Lee, category: faith-based-leader}\n"
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": roster})
    assert levels(run_check(root), "CEC109") == [Severity.INFO]
    (root / "roster.yaml").write_text(roster + "  - {id: cal, name: Cal Student, category: college-student}\n")
    assert found(run_check(root), "CEC109") == []


# --- California: membership --------------------------------------------------------------------------

CA_COUNCIL = """
name: Test High SSC
profile: ca-ssc
schools:
  - {name: Test High, grades: 9-12}
established: 2025-09-01
"""


def ca_roster(extra: str = "", teacher_end: str = "") -> str:
    end = f", end_date: {teacher_end}" if teacher_end else ""
    return f"""
members:
  - {{id: pri, name: Pat Principal, category: principal, selected_by: ex-officio}}
  - {{id: t1, name: Tea One, category: teacher, selected_by: election}}
  - {{id: t2, name: Tea Two, category: teacher, selected_by: election{end}}}
  - {{id: t3, name: Tea Three, category: teacher, selected_by: election}}
  - {{id: st, name: Sam Staff, category: staff, selected_by: peers}}
  - {{id: p1, name: Pam Parent, category: parent, selected_by: election}}
  - {{id: p2, name: Pia Parent, category: parent, selected_by: election}}
  - {{id: cm, name: Cam Community, category: community-member, selected_by: election}}
  - {{id: s1, name: Stu One, category: student, selected_by: election}}
  - {{id: s2, name: Stu Two, category: student, selected_by: peers}}
{extra}"""


def test_cec110_and_cec111_parity_and_teacher_majority_on_every_date(council):
    root = council({"council.yaml": CA_COUNCIL, "roster.yaml": ca_roster()})
    assert found(run_check(root, "2026-11-22"), "CEC110") == found(run_check(root, "2026-11-22"), "CEC111") == []
    # a teacher leaves on 2026-10-31 and a new one starts 2026-11-12: the gap is the days between
    extra = "  - {id: t4, name: Tea Four, category: teacher, selected_by: election, start_date: 2026-11-12}\n"
    root = council({"council.yaml": CA_COUNCIL, "roster.yaml": ca_roster(extra, teacher_end="2026-10-31")})
    report = run_check(root, "2026-11-22")
    assert messages(report, "CEC110") == ["From 2026-11-01 to 2026-11-11 the council had 4 members on the school "
                                          "side and 5 on the community side; the two sides must be equal."]
    assert messages(report, "CEC111") == ["From 2026-11-01 to 2026-11-11 classroom teachers were 2 of the 4 "
                                          "members on the school side, not a majority."]
    assert levels(report, "CEC110") == [Severity.ERROR]
    assert found(report, "CEC110")[0][0] == "roster.yaml"


def test_cec110_students_count_only_at_a_secondary_school(council):
    text = CA_COUNCIL.replace("grades: 9-12", "grades: K-5")
    root = council({"council.yaml": text, "roster.yaml": ca_roster()})
    assert messages(run_check(root, "2026-11-22"), "CEC110") == [
        "Since 2025-09-01 the council had 5 members on the school side and 3 on the community side; the two "
        "sides must be equal."]
    assert found(run_check(root, "2026-11-22"), "CEC112") == []  # an elementary school needs no students


def test_cec112_secondary_by_level_or_grades_needs_students_chosen_by_students(council):
    roster = ca_roster().replace("selected_by: election}}", "}}").replace(
        "{id: s1, name: Stu One, category: student, selected_by: election}", "{id: s1, name: Stu One, category: student, selected_by: appointment}").replace(
        "{id: s2, name: Stu Two, category: student, selected_by: peers}", "{id: s2, name: Stu Two, category: student}")
    text = CA_COUNCIL.replace("grades: 9-12", "grades: 6-8, level: secondary")
    root = council({"council.yaml": text, "roster.yaml": roster})
    assert messages(run_check(root, "2026-11-22"), "CEC112") == [
        "Since 2025-09-01 the council of this secondary school had no student member selected by students."]


def test_cec113_peer_selection_and_parents_not_employed_at_the_school(council):
    extra = ""
    roster = ca_roster(extra).replace("{id: p2, name: Pia Parent, category: parent, selected_by: election}",
                                      "{id: p2, name: Pia Parent, category: parent, selected_by: election, "
                                      "school_employee: true}").replace(
        "{id: st, name: Sam Staff, category: staff, selected_by: peers}",
        "{id: st, name: Sam Staff, category: staff, selected_by: appointment}")
    root = council({"council.yaml": CA_COUNCIL, "roster.yaml": roster})
    assert messages(run_check(root, "2026-11-22"), "CEC113") == [
        "Sam Staff was not selected by their peers (selected_by: `appointment`).",
        "Pia Parent is seated as a parent but is employed at the school."]


# --- California: the Greene Act ----------------------------------------------------------------------

def ca(council, meetings: dict[str, str]):
    files = {"council.yaml": CA_COUNCIL, "roster.yaml": ca_roster()}
    files.update({f"meetings/{day}.yaml": text for day, text in meetings.items()})
    return council(files)


def test_cec318_notice_and_agenda_posted_72_hours_ahead(council):
    # the meeting starts 2025-10-14 18:00: posted 2025-10-11 18:00 is 72 hours, 18:01 is 71
    root = ca(council, {"2025-10-14": meeting("2025-10-14", notice_posted='"2025-10-11 18:00"')})
    assert found(run_check(root, "2025-11-01"), "CEC318") == []
    root = ca(council, {"2025-10-14": meeting("2025-10-14", notice_posted='"2025-10-11 18:01"')})
    assert messages(run_check(root, "2025-11-01"), "CEC318") == [
        "The notice and agenda of the meeting of 2025-10-14 were posted on 2025-10-11 18:01, 71 hours before it "
        "began; they must be posted at least 72 hours ahead (by 2025-10-11 18:00)."]
    assert levels(run_check(root, "2025-11-01"), "CEC318") == [Severity.ERROR]


def test_cec318_a_missing_posting_is_due_next_then_an_error(council):
    root = ca(council, {"2025-10-14": scheduled("2025-10-14")})
    report = run_check(root, "2025-10-05")
    assert found(report, "CEC318") == []
    posting = [d for d in report.upcoming() if d.what.startswith("Post the notice")]
    assert [(d.what, d.due.isoformat()) for d in posting] == [
        ("Post the notice and agenda for the meeting of 2025-10-14", "2025-10-11")]
    assert len(messages(run_check(root, "2025-10-12"), "CEC318")) == 1


def test_cec319_every_agenda_has_public_comment(council):
    root = ca(council, {"2025-10-14": meeting("2025-10-14")})
    assert messages(run_check(root, "2025-11-01"), "CEC319") == [
        "The agenda of the meeting of 2025-10-14 has no public comment item."]
    text = meeting("2025-10-14").replace("agenda:", "agenda:\n  - {title: Public comment, kind: public-comment}")
    root = ca(council, {"2025-10-14": text})
    assert found(run_check(root, "2025-11-01"), "CEC319") == []


def _with_motions(motions: str) -> str:
    return meeting("2025-10-14") + "motions:\n" + motions


def test_cec320_motions_on_the_agenda_or_urgent_and_unanimous(council):
    agenda_len = meeting("2025-10-14").split("agenda:")[1].count("- ")
    motions = (f"  - {{text: On item one, item: 1, result: carried, unanimous: true}}\n"
               f"  - {{text: Beyond the agenda, item: {agenda_len + 1}, result: carried}}\n"
               "  - {text: No item, result: carried}\n"
               "  - {text: Urgent and unanimous, urgent: true, unanimous: true, result: carried}\n"
               "  - {text: Urgent but split, urgent: true, result: carried, votes: {for: [t1], against: [p1]}}\n")
    root = ca(council, {"2025-10-14": _with_motions(motions)})
    assert messages(run_check(root, "2025-11-01"), "CEC320") == [
        f"The motion “Beyond the agenda” at the meeting of 2025-10-14 names agenda item {agenda_len + 1}, but the "
        f"agenda has {agenda_len} item{'' if agenda_len == 1 else 's'}.",
        "The motion “No item” at the meeting of 2025-10-14 does not say which agenda item it is about.",
        "The motion “Urgent but split” at the meeting of 2025-10-14 was not on the agenda and, though marked urgent, "
        "was not carried unanimously."]


# --- California: the SPSA ---------------------------------------------------------------------------

def test_cec408_spsa_approved_by_the_council_by_its_due_date_and_before_the_board(council):
    root = council({"council.yaml": CA_COUNCIL, "roster.yaml": ca_roster()})
    assert levels(run_check(root, "2026-06-30"), "CEC408") == [Severity.INFO]  # 2025-26, due today
    assert messages(run_check(root, "2026-07-01"), "CEC408")[0] == (
        "The council did not approve the School Plan for Student Achievement for 2025-26 by 2026-06-30.")
    plans = 'spsa:\n  "2025-26": {council_approved: 2026-06-30, board_approved: 2026-06-29}\n'
    root = council({"council.yaml": CA_COUNCIL, "roster.yaml": ca_roster(), "plans.yaml": plans})
    assert [m for m in messages(run_check(root, "2026-07-01"), "CEC408") if "2025-26" in m] == [
        "The board approved the School Plan for Student Achievement for 2025-26 on 2026-06-29, before the council "
        "approved it (2026-06-30)."]
    root = council({"council.yaml": CA_COUNCIL + "rules: {parameters: {spsa_due: \"05-31\"}}\n",
                    "roster.yaml": ca_roster(), "plans.yaml": plans.replace("2026-06-29", "2026-07-15")})
    assert [m for m in messages(run_check(root, "2026-07-01"), "CEC408") if "2025-26" in m] == [
        "The council approved the School Plan for Student Achievement for 2025-26 on 2026-06-30, after it was due "
        "(2026-05-31)."]


def test_cec409_the_elac_reviews_the_plan_first(council):
    plans = 'spsa:\n  "2025-26": {elac_reviewed: 2026-05-02, council_approved: 2026-05-01}\n'
    root = council({"council.yaml": CA_COUNCIL + "elac: true\n", "roster.yaml": ca_roster(), "plans.yaml": plans})
    assert levels(run_check(root, "2026-05-10"), "CEC409") == [Severity.WARNING]
    (root / "plans.yaml").write_text(plans.replace("2026-05-02", "2026-05-01"))
    assert found(run_check(root, "2026-05-10"), "CEC409") == []
    (root / "council.yaml").write_text(CA_COUNCIL)  # no ELAC: not judged
    (root / "plans.yaml").write_text(plans)
    assert found(run_check(root, "2026-05-10"), "CEC409") == []


# --- New York --------------------------------------------------------------------------------------

def ny(council, meetings=None, reports=None):
    files = {"council.yaml": NY_COUNCIL, "roster.yaml": NY_ROSTER}
    files.update({f"meetings/{d}.yaml": t for d, t in (meetings or {}).items()})
    if reports:
        files["reports.yaml"] = reports
    return council(files)


def test_cec313_minutes_available_within_14_days(council):
    # day 14 is in time, day 15 late
    root = ny(council, {"2025-10-14": meeting("2025-10-14").replace("recorded: 2025-10-20", "recorded: 2025-10-28")})
    assert found(run_check(root, "2025-11-30"), "CEC313") == []
    root = ny(council, {"2025-10-14": meeting("2025-10-14").replace("recorded: 2025-10-20", "recorded: 2025-10-29")})
    assert messages(run_check(root, "2025-11-30"), "CEC313") == [
        "The minutes of the meeting of 2025-10-14 were recorded on 2025-10-29, 15 days after it; they should be "
        "available within 14 days (by 2025-10-28)."]


def test_cec314_records_posted_24_hours_ahead(council):
    root = ny(council, {"2025-10-14": meeting("2025-10-14", documents_posted='"2025-10-13 18:00"')})
    assert found(run_check(root, "2025-11-30"), "CEC314") == []
    root = ny(council, {"2025-10-14": meeting("2025-10-14", documents_posted='"2025-10-13 18:01"')})
    assert levels(run_check(root, "2025-11-30"), "CEC314") == [Severity.INFO]


def test_cec308_new_york_warns_and_unanimous_counts_every_member_present(council):
    text = meeting("2025-10-14") + "motions:\n  - {text: Adopt the norms, result: carried, votes: {for: [bob-king]}}\n"
    root = ny(council, {"2025-10-14": text})
    assert levels(run_check(root, "2025-11-30"), "CEC308") == [Severity.WARNING]
    root = ny(council, {"2025-10-14": text.replace("votes: {for: [bob-king]}", "unanimous: true")})
    assert found(run_check(root, "2025-11-30"), "CEC308") == []


def test_cec308_is_an_error_in_mississippi_and_recused_is_a_recorded_vote(council):
    from test_rules_meetings import ms

    present = meeting("2025-10-14").split("present: [")[1].split("]")[0].split(", ")
    votes = f"votes: {{for: [{', '.join(present[:-1])}], recused: [{present[-1]}]}}"
    root = ms(council, {"2025-10-14": meeting("2025-10-14") + f"motions:\n  - {{text: Adopt, result: carried, {votes}}}\n"})
    assert found(run_check(root, "2025-11-30"), "CEC308") == []
    votes = f"votes: {{for: [{', '.join(present[:-1])}]}}"
    root = ms(council, {"2025-10-14": meeting("2025-10-14") + f"motions:\n  - {{text: Adopt, result: carried, {votes}}}\n"})
    assert levels(run_check(root, "2025-11-30"), "CEC308") == [Severity.ERROR]


def test_cec403_a_member_who_left_the_day_before_signing_was_not_a_member(council):
    roster = NY_ROSTER + "  - {id: pam, name: Pam Parent, category: parent, selected_by: election, end_date: 2025-10-27}\n"
    reports = "quarterly_reports:\n  - {period: 2025-26 Q1, submitted: 2025-10-29, signed_by: pam, signed_on: 2025-10-28}\n"
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": roster, "reports.yaml": reports})
    assert messages(run_check(root, "2025-10-30"), "CEC403") == [
        "The quarterly report for 2025-26 Q1 was signed on 2025-10-28 by Pam Parent, who was not a team member "
        "that day."]
    (root / "reports.yaml").write_text(reports.replace("signed_on: 2025-10-28", "signed_on: 2025-10-27"))
    assert found(run_check(root, "2025-10-30"), "CEC403") == []


def test_cec403_a_period_without_a_report_is_an_error_after_its_due_date(council):
    root = ny(council, reports="quarterly_reports: []\n")
    assert found(run_check(root, "2025-10-30"), "CEC403") == []  # 2025-26 Q1 is due today
    assert messages(run_check(root, "2025-10-31"), "CEC403") == [
        "No quarterly report is recorded for 2025-26 Q1 (2025-07-23 to 2025-10-30), which was due 2025-10-30."]
    estimated = messages(run_check(root, "2026-07-22"), "CEC403")[-1]
    assert estimated == ("No quarterly report is recorded for 2025-26 Q4 (2026-05-01 to 2026-07-21), which was "
                         "due about 2026-07-21, from the usual NYSED calendar.")


def test_cec407_quarterly_report_posted_by_its_due_date_with_a_link(council):
    reports = ("quarterly_reports:\n  - {period: 2025-26 Q1, submitted: 2025-10-29, signed_by: bob-king, "
               "signed_on: 2025-10-28, posted: 2025-10-30, link: https://example.org/q1.pdf}\n")
    root = ny(council, reports=reports)
    assert found(run_check(root, "2025-11-30"), "CEC407") == []
    (root / "reports.yaml").write_text(reports.replace("posted: 2025-10-30", "posted: 2025-10-31"))
    assert messages(run_check(root, "2025-11-30"), "CEC407") == [
        "The quarterly report for 2025-26 Q1 was posted on the district website on 2025-10-31, after it was due "
        "on 2025-10-30."]
    (root / "reports.yaml").write_text(reports.replace(", posted: 2025-10-30, link: https://example.org/q1.pdf", ""))
    assert levels(run_check(root, "2025-10-30"), "CEC407") == []
    assert levels(run_check(root, "2025-10-31"), "CEC407") == [Severity.WARNING]


# --- Mississippi: special meetings -----------------------------------------------------------------

def test_cec316_special_meeting_notice_within_an_hour_of_the_call(council):
    from test_rules_meetings import ms

    special = meeting("2025-10-14", kind="special", called='"2025-10-10 09:00"', notice_posted='"2025-10-10 10:00"')
    root = ms(council, {"2025-10-14-special": special})
    assert found(run_check(root, "2025-11-30"), "CEC316") == []
    root = ms(council, {"2025-10-14-special": special.replace("10:00", "10:01")})
    assert messages(run_check(root, "2025-11-30"), "CEC316") == [
        "Notice of the special meeting of 2025-10-14 was posted at 2025-10-10 10:01, 61 minutes after it was called "
        "(2025-10-10 09:00); it must be posted within 60 minutes."]
    assert levels(run_check(root, "2025-11-30"), "CEC316") == [Severity.ERROR]


# --- citations -----------------------------------------------------------------------------------

def test_cec_rules_shows_each_profiles_citation_for_a_shared_rule():
    result = invoke(["rules", "CEC303"])
    assert result.exit_code == 0
    assert "source (ca-ssc): Cal. Educ. Code § 35147(c) (Greene Act)" in result.output
    assert "source (ny-cet): NY Public Officers Law § 103" in result.output
    assert "ca-ssc   warning" in result.output
