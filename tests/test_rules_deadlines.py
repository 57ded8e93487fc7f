"""CEC501 (the seven MCAPS evidence items) and CEC502 (what is due next), judged as of explicit dates."""

from __future__ import annotations

import datetime as dt

from conftest import MS_COUNCIL, NY_COUNCIL, found, run_check
from test_rules_meetings import NY_ROSTER, ROSTER, meeting, scheduled

from cecli.findings import Severity

OUTREACH = """
communications:
  - {date: 2025-08-04, channel: flyer, purpose: recruitment}
  - {date: 2025-08-05, channel: email, purpose: meeting-notice}
info_sessions:
  - {date: 2025-08-11}
nominations: {opened: 2025-08-12, closed: 2025-08-26, methods: [electronic, mail, in-person]}
"""

REPORTS = """
public_reports:
  - {date: 2026-03-02, title: Midyear progress}
"""


def complete(council, **extra):
    """A Mississippi council whose 2025-26 records hold all seven evidence items."""
    files = {
        "council.yaml": MS_COUNCIL,
        "roster.yaml": ROSTER,
        "outreach.yaml": OUTREACH,
        "reports.yaml": REPORTS,
        "meetings/2025-10-14.yaml": meeting("2025-10-14"),
    }
    files.update(extra)
    return council(files)


def evidence(root, year="2025-26", as_of="2026-07-01"):
    from cecli.loader import load_council
    from cecli.evidence import evidence_items

    loaded, _ = load_council(root)
    return {item.key: item for item in evidence_items(loaded, year, dt.date.fromisoformat(as_of))}


def messages(report, code):
    return [f.message for f in report.findings if f.code == code]


# --- the seven items --------------------------------------------------------------------------------

def test_a_complete_year_has_all_seven_items_ready(council):
    items = evidence(complete(council))
    assert list(items) == ["communications", "info_sessions", "nominations", "membership", "calendar",
                           "meeting_details", "public_reports"]
    assert [key for key, item in items.items() if not item.ready] == []
    assert items["communications"].dates == (dt.date(2025, 8, 4),)  # the meeting notice is not recruitment
    assert items["nominations"].dates == (dt.date(2025, 8, 12), dt.date(2025, 8, 26))


def test_each_missing_item_says_what_is_missing(council):
    roster = ROSTER.replace(", email: bob@example.org", "")
    root = complete(council, **{
        "roster.yaml": roster,
        "outreach.yaml": "nominations: {opened: 2025-08-12}\n",
        "reports.yaml": "public_reports: []\n",
        "meetings/2025-10-14.yaml": meeting("2025-10-14", agenda=None),
    })
    items = evidence(root)
    assert {key for key, item in items.items() if not item.ready} == {
        "communications", "info_sessions", "nominations", "membership", "meeting_details", "public_reports"}
    assert items["nominations"].detail == "The nomination window has no closing date."
    assert items["membership"].detail == "1 of 3 active members has no email address: Bob King."
    assert items["meeting_details"].detail == (
        "1 of 1 meetings held lack an agenda or attendance: 2025-10-14.")


def test_nominations_kept_per_school_year(council):
    outreach = OUTREACH.replace(
        "nominations: {opened: 2025-08-12, closed: 2025-08-26, methods: [electronic, mail, in-person]}",
        'nominations:\n  "2024-25": {opened: 2024-08-12, closed: 2024-08-26}\n')
    items = evidence(complete(council, **{"outreach.yaml": outreach}))
    assert not items["nominations"].ready
    assert items["nominations"].detail == "No nomination window is recorded for 2025-26."


def test_meeting_details_count_only_meetings_held_by_the_date(council):
    root = complete(council, **{"meetings/2026-01-13.yaml": scheduled("2026-01-13")})
    items = evidence(root, as_of="2026-01-10")
    assert items["meeting_details"].ready and items["meeting_details"].dates == (dt.date(2025, 10, 14),)
    assert items["calendar"].dates == (dt.date(2025, 10, 14), dt.date(2026, 1, 13))


# --- CEC501 -----------------------------------------------------------------------------------------

def test_before_june_30_missing_evidence_is_a_warning_with_days_left(council):
    root = complete(council, **{"reports.yaml": "public_reports: []\n"})
    report = run_check(root, as_of="2026-06-20")
    assert found(report, "CEC501") == [("reports.yaml", 1, "CEC501")]
    assert [f.severity for f in report.findings if f.code == "CEC501"] == [Severity.WARNING]
    assert messages(report, "CEC501") == [
        "Dates of public reports to the community for 2025-26: No public report is dated between 2025-07-01 "
        "and 2026-06-30. The MCAPS evidence is due 2026-06-30 (10 days left)."]


def test_on_june_30_it_is_still_a_warning_and_from_july_1_an_error(council):
    root = complete(council, **{"reports.yaml": "public_reports: []\n"})
    on_the_day = run_check(root, as_of="2026-06-30")
    assert [f.severity for f in on_the_day.findings if f.code == "CEC501"] == [Severity.WARNING]
    assert "due today" in messages(on_the_day, "CEC501")[0]
    after = run_check(root, as_of="2026-07-01")
    late = [f for f in after.findings if f.code == "CEC501" and "2025-26" in f.message]
    assert [(f.path, f.severity) for f in late] == [("reports.yaml", Severity.ERROR)]
    assert "was due 2026-06-30" in late[0].message


def test_a_complete_year_passes(council):
    report = run_check(complete(council), as_of="2026-06-20")
    assert found(report, "CEC501") == []


def test_evidence_is_a_mississippi_rule(council):
    root = council({"council.yaml": NY_COUNCIL, "roster.yaml": NY_ROSTER})
    assert found(run_check(root, as_of="2026-06-20"), "CEC501") == []


# --- CEC502 -----------------------------------------------------------------------------------------

def test_an_agenda_due_within_the_window_is_noted_and_listed(council):
    root = complete(council, **{"meetings/2026-12-04.yaml": scheduled("2026-12-04")})
    report = run_check(root, as_of="2026-11-22")
    assert ("meetings/2026-12-04.yaml", 1, "CEC502") in found(report, "CEC502")
    assert "Send the agenda for the meeting of 2026-12-04 by 2026-12-01 (9 days left)." in messages(report, "CEC502")
    assert [(d.due, d.what, d.path) for d in report.upcoming(1)] == [
        (dt.date(2026, 12, 1), "Send the agenda for the meeting of 2026-12-04", "meetings/2026-12-04.yaml")]


def test_a_deadline_beyond_the_window_is_listed_but_not_noted(council):
    root = complete(council, **{"meetings/2027-01-12.yaml": scheduled("2027-01-12")})
    report = run_check(root, as_of="2026-11-22")
    assert [m for m in messages(report, "CEC502") if "agenda" in m] == []
    assert dt.date(2027, 1, 9) in [d.due for d in report.upcoming()]


def test_the_window_ends_on_day_14(council):
    root = complete(council, **{"meetings/2026-12-09.yaml": scheduled("2026-12-09"),
                                "meetings/2026-12-10.yaml": scheduled("2026-12-10")})
    report = run_check(root, as_of="2026-11-22")
    assert [m for m in messages(report, "CEC502") if "agenda" in m] == [
        "Send the agenda for the meeting of 2026-12-09 by 2026-12-06 (14 days left)."]


def test_minutes_to_record_and_evidence_to_submit(council):
    root = complete(council, **{"meetings/2026-10-30.yaml": meeting("2026-10-30", minutes=None)})
    report = run_check(root, as_of="2026-11-22")
    assert found(report, "CEC502") == [("meetings/2026-10-30.yaml", 1, "CEC502")]
    assert messages(report, "CEC502") == [
        "Record the minutes of the meeting of 2026-10-30 by 2026-11-29 (7 days left)."]
    evidence = [d for d in report.upcoming() if "MCAPS" in d.what]
    assert [(d.due, d.what) for d in evidence] == [(dt.date(2027, 6, 30), "Submit the MCAPS evidence for 2026-27")]


def test_evidence_reminder_says_how_many_items_are_ready(council):
    report = run_check(complete(council), as_of="2026-06-20")
    assert "Submit the MCAPS evidence for 2025-26 by 2026-06-30 (10 days left); 7 of 7 items are ready." in messages(
        report, "CEC502")


def test_new_york_notices_and_quarterly_reports(council):
    root = council({
        "council.yaml": NY_COUNCIL,
        "roster.yaml": NY_ROSTER,
        "meetings/2026-12-02.yaml": scheduled("2026-12-02"),
        "reports.yaml": """
            quarterly_reports:
              - {period: 2026-27 Q1, due: 2026-10-15, submitted: 2026-10-14}
              - {period: 2026-27 Q2, due: 2026-12-01}
        """,
    })
    report = run_check(root, as_of="2026-11-22")
    assert sorted(messages(report, "CEC502")) == [
        "Post the public notice for the meeting of 2026-12-02 by 2026-11-29 18:00 (7 days left).",
        "Post the quarterly report for 2026-27 Q2 on the district website by 2026-12-01 (9 days left).",
        "Sign and submit the quarterly report for 2026-27 Q2 by 2026-12-01 (9 days left).",
    ]
    assert ("reports.yaml", 3, "CEC502") in found(report, "CEC502")
    assert [m for m in messages(report, "CEC502") if "agenda" in m or "MCAPS" in m] == []


def test_done_things_are_not_due(council):
    root = complete(council, **{"meetings/2026-12-04.yaml": scheduled("2026-12-04", agenda_sent="2026-11-20"),
                                "meetings/2026-12-11.yaml": scheduled("2026-12-11", status="cancelled")})
    report = run_check(root, as_of="2026-11-22")
    assert [d.what for d in report.upcoming() if "agenda" in d.what] == []


def test_switching_cec502_off_removes_the_deadlines_too(council):
    council_yaml = MS_COUNCIL + "rules:\n  disabled: {CEC502: We keep our own calendar}\n"
    root = complete(council, **{"council.yaml": council_yaml, "meetings/2026-12-04.yaml": scheduled("2026-12-04")})
    report = run_check(root, as_of="2026-11-22")
    assert found(report, "CEC502") == [] and report.upcoming() == []


def test_a_member_without_email_is_pointed_at(council):
    roster = ROSTER.replace(", email: bob@example.org", "")
    report = run_check(complete(council, **{"roster.yaml": roster}), as_of="2026-06-20")
    assert found(report, "CEC501") == [("roster.yaml", 3, "CEC501")]


def test_unreadable_roster_gives_no_false_membership_finding(council):
    """A roster that cannot be read is reported once (CEC001), not also as "no member is active"."""
    from conftest import MS_COUNCIL, run_check

    roster = "members:\n  - id: ann\n    name: Ann\n    category: parent\n    email: a@example.org\n    email: b@example.org\n"
    report = run_check(council({"council.yaml": MS_COUNCIL, "roster.yaml": roster}), "2026-11-22")
    assert [f.code for f in report.findings if f.path == "roster.yaml"] == ["CEC001"]
    assert not [f for f in report.findings if f.code == "CEC501" and "active" in f.message]
