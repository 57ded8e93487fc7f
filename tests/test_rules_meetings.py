"""CEC301-CEC312: meetings, each rule at its boundaries, always judged as of an explicit date."""

from __future__ import annotations

import datetime as dt

from conftest import MS_COUNCIL, NY_COUNCIL, found, run_check

from cecli.findings import Severity

ROSTER = """
members:
  - {id: ann-lee, name: Ann Lee, category: parent, roles: [chair], email: ann@example.org}
  - {id: bob-king, name: Bob King, category: business-leader, email: bob@example.org}
  - {id: cy-diaz, name: Cy Diaz, category: educator, email: cy@example.org}
"""

NY_ROSTER = """
members:
  - {id: ann-lee, name: Ann Lee, category: principal}
  - {id: bob-king, name: Bob King, category: parent, selected_by: election}
  - {id: cy-diaz, name: Cy Diaz, category: teacher, selected_by: peers}
"""


def meeting(day: str = "2025-10-14", **fields) -> str:
    """A complete held meeting as YAML, one field a line (date is line 1, agenda_sent line 6,
    attendance line 9, minutes line 12, any added field from line 13); `field=None` leaves a field out, `field="..."` replaces its value."""
    date = dt.date.fromisoformat(day)
    base = {
        "date": day,
        "status": "held",
        "start": '"18:00"',
        "end": '"19:15"',
        "open_to_public": "true",
        "agenda_sent": (date - dt.timedelta(days=4)).isoformat(),
        "agenda": "\n  - title: Welcome",
        "attendance": "\n  present: [ann-lee, bob-king]\n  absent: [cy-diaz]",
        "minutes": "{recorded: %s, sent: %s}" % (date + dt.timedelta(days=6), date + dt.timedelta(days=7)),
    }
    base.update(fields)
    return "".join(f"{key}: {value}\n" for key, value in base.items() if value is not None)


def scheduled(day: str, **fields) -> str:
    """A meeting still to come: no attendance or minutes yet."""
    return meeting(day, **{"status": "scheduled", "agenda_sent": None, "attendance": None, "minutes": None, **fields})


def ms(council, meetings: dict[str, str] | None = None, council_yaml: str = MS_COUNCIL, roster: str = ROSTER):
    files = {"council.yaml": council_yaml, "roster.yaml": roster}
    files.update({f"meetings/{name}.yaml": text for name, text in (meetings or {}).items()})
    return council(files)


def ny(council, meetings: dict[str, str] | None = None, council_yaml: str = NY_COUNCIL):
    return ms(council, meetings, council_yaml, NY_ROSTER)


def messages(report, code: str) -> list[str]:
    return [f.message for f in report.findings if f.code == code]


def severities(report, code: str) -> list[Severity]:
    return [f.severity for f in report.findings if f.code == code]


# --- CEC301: six meetings a year --------------------------------------------------------------------

HELD_2025 = ["2025-08-12", "2025-09-09", "2025-10-14"]


def test_before_year_end_a_shortfall_is_progress_with_a_projection(council):
    root = ms(council, {**{d: meeting(d) for d in HELD_2025[:2]}, "2026-01-13": scheduled("2026-01-13")})
    report = run_check(root, as_of="2025-12-01")
    assert found(report, "CEC301") == [("council.yaml", 1, "CEC301")]
    assert messages(report, "CEC301") == [
        "2 of 6 meetings held in 2025-26, 1 scheduled, 3 more to schedule before 2026-06-30."]
    assert severities(report, "CEC301") == [Severity.INFO]


def test_a_calendar_that_reaches_six_is_on_track(council):
    days = ["2026-01-13", "2026-02-10", "2026-03-10", "2026-04-14"]
    root = ms(council, {**{d: meeting(d) for d in HELD_2025[:2]}, **{d: scheduled(d) for d in days}})
    assert found(run_check(root, as_of="2025-12-01"), "CEC301") == []


def test_cancelled_meetings_and_information_sessions_do_not_count(council):
    days = ["2026-01-13", "2026-02-10", "2026-03-10"]
    root = ms(council, {
        **{d: meeting(d) for d in HELD_2025[:2]},
        **{d: scheduled(d) for d in days},
        "2026-04-14": scheduled("2026-04-14", status="cancelled"),
        "2026-05-12": scheduled("2026-05-12", kind="information-session"),
    })
    assert messages(run_check(root, as_of="2025-12-01"), "CEC301") == [
        "2 of 6 meetings held in 2025-26, 3 scheduled, 1 more to schedule before 2026-06-30."]


def test_after_year_end_five_meetings_is_a_warning_and_six_pass(council):
    days = ["2025-08-12", "2025-09-09", "2025-10-14", "2026-01-13", "2026-03-10"]
    five = {d: meeting(d) for d in days}
    report = run_check(ms(council, five), as_of="2026-07-01")
    past = [f for f in report.findings if f.code == "CEC301" and "2025-26" in f.message]
    assert [(f.message, f.severity) for f in past] == [("5 of 6 meetings were held in 2025-26.", Severity.WARNING)]

    six = {**five, "2026-05-12": meeting("2026-05-12")}
    report = run_check(ms(council, six), as_of="2026-07-01")
    assert [m for m in messages(report, "CEC301") if "2025-26" in m] == []


def test_a_meeting_without_status_counts_as_held_only_with_attendance(council):
    days = ["2026-01-13", "2026-02-10", "2026-03-10"]
    root = ms(council, {
        "2025-09-09": meeting("2025-09-09", status=None),  # members present: held
        "2025-10-14": meeting("2025-10-14", status=None, attendance=None),  # nothing recorded: not held
        **{d: scheduled(d) for d in days},
    })
    assert messages(run_check(root, as_of="2025-12-01"), "CEC301") == [
        "1 of 6 meetings held in 2025-26, 3 scheduled, 2 more to schedule before 2026-06-30."]


# --- CEC302: schedule adopted at the start of the year ----------------------------------------------

def test_schedule_adopted_on_the_first_meeting_day_passes_and_a_day_later_warns(council):
    meetings = {d: meeting(d) for d in HELD_2025}
    root = ms(council, meetings, MS_COUNCIL + "schedule_adopted: 2025-08-12\n")
    assert found(run_check(root, as_of="2025-12-01"), "CEC302") == []

    root = ms(council, meetings, MS_COUNCIL + "schedule_adopted: 2025-08-13\n")
    report = run_check(root, as_of="2025-12-01")
    assert found(report, "CEC302") == [("council.yaml", 8, "CEC302")]
    assert "adopted on 2025-08-13, after the year's first meeting on 2025-08-12" in messages(report, "CEC302")[0]


def test_no_schedule_is_reported_once_the_first_meeting_has_passed(council):
    assert found(run_check(ms(council, {"2025-10-14": scheduled("2025-10-14")}), as_of="2025-10-14"), "CEC302") == []
    report = run_check(ms(council, {"2025-10-14": meeting("2025-10-14")}), as_of="2025-10-15")
    assert messages(report, "CEC302") == [
        "No adopted meeting schedule is recorded for 2025-26; its first meeting was on 2025-10-14."]


def test_schedule_adopted_per_year_is_judged_per_year(council):
    council_yaml = MS_COUNCIL + 'schedule_adopted:\n  "2025-26": 2025-08-01\n  "2026-27": 2026-09-01\n'
    root = ms(council, {"2025-08-12": meeting("2025-08-12"), "2026-08-11": meeting("2026-08-11")}, council_yaml)
    report = run_check(root, as_of="2026-11-22")
    assert found(report, "CEC302") == [("council.yaml", 10, "CEC302")]
    assert "2026-27" in messages(report, "CEC302")[0]


# --- CEC303: open to the public ---------------------------------------------------------------------

def test_a_closed_meeting_is_reported_and_a_cancelled_one_is_not(council):
    root = ms(council, {
        "2025-10-14": meeting("2025-10-14", open_to_public="false"),
        "2025-11-11": meeting("2025-11-11", open_to_public="false", status="cancelled"),
        "2025-12-09": meeting("2025-12-09", open_to_public=None),
    })
    assert found(run_check(root, as_of="2026-01-05"), "CEC303") == [("meetings/2025-10-14.yaml", 5, "CEC303")]


def test_open_meetings_apply_in_new_york_too(council):
    root = ny(council, {"2025-10-14": meeting("2025-10-14", open_to_public="false")})
    assert found(run_check(root, as_of="2026-01-05"), "CEC303") == [("meetings/2025-10-14.yaml", 5, "CEC303")]


# --- CEC304: 60 to 90 minutes -----------------------------------------------------------------------

def test_sixty_and_ninety_minutes_pass(council):
    root = ms(council, {
        "2025-10-14": meeting("2025-10-14", end='"19:00"'),
        "2025-11-11": meeting("2025-11-11", end='"19:30"'),
    })
    assert found(run_check(root, as_of="2026-01-05"), "CEC304") == []


def test_fifty_nine_and_ninety_one_minutes_warn(council):
    root = ms(council, {
        "2025-10-14": meeting("2025-10-14", end='"18:59"'),
        "2025-11-11": meeting("2025-11-11", end='"19:31"'),
    })
    report = run_check(root, as_of="2026-01-05")
    assert found(report, "CEC304") == [("meetings/2025-10-14.yaml", 4, "CEC304"),
                                       ("meetings/2025-11-11.yaml", 4, "CEC304")]
    assert messages(report, "CEC304")[0] == (
        "The meeting of 2025-10-14 runs 59 minutes (18:00 to 18:59), too short: meetings should last 60 to 90 minutes.")


def test_a_meeting_that_ends_before_it_starts_is_reported(council):
    root = ms(council, {"2025-10-14": meeting("2025-10-14", end='"17:00"')})
    assert "ends (17:00) before it starts (18:00)" in messages(run_check(root, as_of="2026-01-05"), "CEC304")[0]


# --- CEC305: agenda three days ahead ----------------------------------------------------------------

def test_agenda_sent_exactly_three_days_ahead_passes(council):
    root = ms(council, {"2025-10-14": meeting("2025-10-14", agenda_sent="2025-10-11")})
    assert found(run_check(root, as_of="2026-01-05"), "CEC305") == []


def test_agenda_sent_two_days_ahead_warns(council):
    root = ms(council, {"2025-10-14": meeting("2025-10-14", agenda_sent="2025-10-12")})
    report = run_check(root, as_of="2026-01-05")
    assert found(report, "CEC305") == [("meetings/2025-10-14.yaml", 6, "CEC305")]
    assert severities(report, "CEC305") == [Severity.WARNING]


def test_agenda_message_says_when_it_went_and_when_it_should_have(council):
    root = ms(council, {"2025-10-14": meeting("2025-10-14", agenda_sent="2025-10-13")})
    assert messages(run_check(root, as_of="2026-01-05"), "CEC305") == [
        "The agenda for the meeting of 2025-10-14 was sent on 2025-10-13, 1 day before; "
        "it should go out at least 3 days ahead (by 2025-10-11)."]


def test_an_unsent_agenda_is_reported_only_after_its_last_day(council):
    root = ms(council, {"2025-12-09": scheduled("2025-12-09")})
    assert found(run_check(root, as_of="2025-12-06"), "CEC305") == []
    report = run_check(root, as_of="2025-12-07")
    assert found(report, "CEC305") == [("meetings/2025-12-09.yaml", 1, "CEC305")]
    assert "by 2025-12-06" in messages(report, "CEC305")[0]


# --- CEC306: attendance -----------------------------------------------------------------------------

def test_held_meeting_without_attendance_is_an_error_in_mississippi(council):
    root = ms(council, {"2025-10-14": meeting("2025-10-14", attendance=None)})
    report = run_check(root, as_of="2026-01-05")
    assert found(report, "CEC306") == [("meetings/2025-10-14.yaml", 1, "CEC306")]
    assert severities(report, "CEC306") == [Severity.ERROR]


def test_a_past_meeting_without_status_or_attendance_is_a_warning(council):
    root = ms(council, {"2025-10-14": meeting("2025-10-14", status=None, attendance=None)})
    report = run_check(root, as_of="2026-01-05")
    assert severities(report, "CEC306") == [Severity.WARNING]


def test_held_meeting_without_attendance_is_a_warning_in_new_york(council):
    root = ny(council, {"2025-10-14": meeting("2025-10-14", attendance=None)})
    assert severities(run_check(root, as_of="2026-01-05"), "CEC306") == [Severity.WARNING]


def test_every_active_member_is_present_absent_or_excused(council):
    root = ms(council, {
        "2025-10-14": meeting("2025-10-14", attendance="\n  present: [ann-lee]"),
        "2025-11-11": meeting("2025-11-11", attendance="\n  present: [ann-lee]\n  absent: [bob-king]\n  excused: [cy-diaz]"),
    })
    report = run_check(root, as_of="2026-01-05")
    assert found(report, "CEC306") == [("meetings/2025-10-14.yaml", 9, "CEC306")]
    assert messages(report, "CEC306") == [
        "The attendance for the meeting of 2025-10-14 does not say whether Bob King and Cy Diaz were present or absent."]


def test_a_meeting_still_to_come_needs_no_attendance(council):
    root = ms(council, {"2025-12-09": scheduled("2025-12-09")})
    assert found(run_check(root, as_of="2025-12-09"), "CEC306") == []


# --- CEC307: minutes within 30 days -----------------------------------------------------------------

def test_minutes_recorded_on_day_30_pass_and_day_31_warns(council):
    root = ms(council, {
        "2025-10-14": meeting("2025-10-14", minutes="{recorded: 2025-11-13, sent: 2025-11-13}"),
        "2025-11-11": meeting("2025-11-11", minutes="{recorded: 2025-12-12, sent: 2025-12-12}"),
    })
    report = run_check(root, as_of="2026-01-15")
    assert found(report, "CEC307") == [("meetings/2025-11-11.yaml", 12, "CEC307")]
    assert messages(report, "CEC307") == [
        "The minutes of the meeting of 2025-11-11 were recorded on 2025-12-12, 31 days after it; "
        "they should be recorded within 30 days (by 2025-12-11)."]


def test_missing_minutes_are_reported_from_day_31(council):
    root = ms(council, {"2025-10-14": meeting("2025-10-14", minutes=None)})
    assert found(run_check(root, as_of="2025-11-13"), "CEC307") == []
    assert found(run_check(root, as_of="2025-11-14"), "CEC307") == [("meetings/2025-10-14.yaml", 1, "CEC307")]


def test_minutes_never_sent_to_members_are_reported(council):
    root = ms(council, {"2025-10-14": meeting("2025-10-14", minutes="{recorded: 2025-10-20}")})
    report = run_check(root, as_of="2025-11-14")
    assert found(report, "CEC307") == [("meetings/2025-10-14.yaml", 12, "CEC307")]
    assert messages(report, "CEC307") == [
        "The minutes of the meeting of 2025-10-14 were recorded on 2025-10-20 "
        "but there is no record that they were sent to members."]


# --- CEC308: each member's vote ---------------------------------------------------------------------

MOTION = "motions:\n  - text: Adopt the goals\n    result: carried\n"


def test_every_member_present_votes_on_each_motion(council):
    good = meeting("2025-10-14") + MOTION + "    votes: {for: [ann-lee], abstain: [bob-king]}\n"
    short = meeting("2025-11-11") + MOTION + "    votes: {for: [ann-lee]}\n"
    root = ms(council, {"2025-10-14": good, "2025-11-11": short})
    report = run_check(root, as_of="2026-01-05")
    assert found(report, "CEC308") == [("meetings/2025-11-11.yaml", 16, "CEC308")]
    assert messages(report, "CEC308") == [
        "The motion “Adopt the goals” at the meeting of 2025-11-11 does not record how Bob King voted."]


def test_a_motion_without_votes_is_reported_unless_withdrawn(council):
    withdrawn = "motions:\n  - text: Adopt the goals\n    result: withdrawn\n"
    root = ms(council, {"2025-10-14": meeting("2025-10-14") + MOTION, "2025-11-11": meeting("2025-11-11") + withdrawn})
    report = run_check(root, as_of="2026-01-05")
    assert found(report, "CEC308") == [("meetings/2025-10-14.yaml", 14, "CEC308")]


# --- CEC309: 72 hours of public notice (New York) ---------------------------------------------------

def test_notice_as_a_date_counts_calendar_days(council):
    root = ny(council, {
        "2025-10-14": meeting("2025-10-14", notice_posted="2025-10-11"),
        "2025-11-11": meeting("2025-11-11", notice_posted="2025-11-09"),
    })
    report = run_check(root, as_of="2026-01-05")
    assert found(report, "CEC309") == [("meetings/2025-11-11.yaml", 13, "CEC309")]
    assert messages(report, "CEC309") == [
        "Public notice of the meeting of 2025-11-11 was posted on 2025-11-09, 2 days before; "
        "it should be posted at least 72 hours ahead (by 2025-11-08 18:00)."]


def test_notice_with_a_time_needs_exactly_72_hours(council):
    root = ny(council, {
        "2025-10-14": meeting("2025-10-14", notice_posted='"2025-10-11 18:00"'),
        "2025-11-11": meeting("2025-11-11", notice_posted='"2025-11-08 19:00"'),
    })
    report = run_check(root, as_of="2026-01-05")
    assert found(report, "CEC309") == [("meetings/2025-11-11.yaml", 13, "CEC309")]
    assert "posted on 2025-11-08 19:00, 71 hours before it began" in messages(report, "CEC309")[0]


def test_special_meetings_are_exempt_from_72_hours(council):
    root = ny(council, {"2025-10-14-special": meeting("2025-10-14", kind="special", notice_posted="2025-10-13")})
    assert found(run_check(root, as_of="2026-01-05"), "CEC309") == []


def test_missing_notice_is_reported_once_the_last_day_has_passed(council):
    root = ny(council, {"2025-12-09": scheduled("2025-12-09")})
    assert found(run_check(root, as_of="2025-12-06"), "CEC309") == []
    assert found(run_check(root, as_of="2025-12-07"), "CEC309") == [("meetings/2025-12-09.yaml", 1, "CEC309")]


def test_notice_is_not_a_mississippi_rule(council):
    root = ms(council, {"2025-11-11": meeting("2025-11-11", notice_posted="2025-11-10")})
    assert found(run_check(root, as_of="2026-01-05"), "CEC309") == []


# --- CEC310: a meeting every quarter (New York) -----------------------------------------------------

def test_a_period_without_a_meeting_is_a_warning_once_over(council):
    # established 2025-09-10, so 2025-26 Q1 (NYSED: 2025-07-23 to 2025-10-30) is not judged
    root = ny(council, {"2025-09-16": meeting("2025-09-16"), "2026-02-05": scheduled("2026-02-05")})
    report = run_check(root, as_of="2026-01-31")
    assert [(f.message, f.severity) for f in report.findings if f.code == "CEC310"] == [
        ("0 of 1 meeting held in 2025-26 Q2 (2025-10-31 to 2026-01-30).", Severity.WARNING)]


def test_periods_are_nysed_periods_not_calendar_quarters(council):
    # 2025-10-30 is the last day of NYSED's Q1; 2026-01-30 the last day of Q2, and counts for it
    root = ny(council, {"2025-10-30": meeting("2025-10-30"), "2026-01-30": meeting("2026-01-30"),
                        "2026-02-05": scheduled("2026-02-05")})
    assert found(run_check(root, as_of="2026-01-31"), "CEC310") == []
    (root / "meetings" / "2026-01-30.yaml").unlink()
    (root / "meetings" / "2026-02-05.yaml").unlink()
    (root / "meetings" / "2026-01-31.yaml").write_text(meeting("2026-01-31"))
    assert messages(run_check(root, as_of="2026-02-01"), "CEC310") == [
        "0 of 1 meeting held in 2025-26 Q2 (2025-10-31 to 2026-01-30)."]


def test_periods_with_a_meeting_pass(council):
    root = ny(council, {"2025-11-12": meeting("2025-11-12"), "2026-02-05": scheduled("2026-02-05")})
    assert found(run_check(root, as_of="2026-01-31"), "CEC310") == []


def test_the_current_period_with_nothing_scheduled_is_progress_and_says_it_is_estimated(council):
    root = ny(council, {"2025-11-12": meeting("2025-11-12"), "2026-05-05": scheduled("2026-05-05")})
    report = run_check(root, as_of="2026-02-02")
    assert [(f.message, f.severity) for f in report.findings if f.code == "CEC310"] == [
        ("0 of 1 meeting held in 2025-26 Q3 (2026-01-31 to 2026-04-30, estimated from the usual NYSED calendar), "
         "0 scheduled, 1 more to schedule before 2026-04-30.", Severity.INFO)]


def test_a_council_gives_its_own_reporting_periods(council):
    council_yaml = NY_COUNCIL + 'reporting_periods:\n  "2025-26":\n    Q3: {start: 2026-02-02, end: 2026-05-01}\n'
    root = ny(council, {"2025-11-12": meeting("2025-11-12"), "2026-05-05": scheduled("2026-05-05")}, council_yaml)
    assert messages(run_check(root, as_of="2026-02-03"), "CEC310") == [
        "0 of 1 meeting held in 2025-26 Q3 (2026-02-02 to 2026-05-01), 0 scheduled, 1 more to schedule "
        "before 2026-05-01."]


def test_a_cancelled_meeting_leaves_its_period_empty(council):
    root = ny(council, {"2025-11-12": meeting("2025-11-12", status="cancelled"),
                        "2026-02-05": scheduled("2026-02-05")})
    assert messages(run_check(root, as_of="2026-01-31"), "CEC310") == [
        "0 of 1 meeting held in 2025-26 Q2 (2025-10-31 to 2026-01-30)."]


# --- CEC311: complete records -----------------------------------------------------------------------

def test_a_past_meeting_needs_a_status(council):
    root = ms(council, {
        "2025-10-14": meeting("2025-10-14", status=None),
        "2025-11-11": meeting("2025-11-11", status="scheduled"),
    })
    report = run_check(root, as_of="2026-01-05")
    assert found(report, "CEC311") == [("meetings/2025-10-14.yaml", 1, "CEC311"),
                                       ("meetings/2025-11-11.yaml", 2, "CEC311")]
    assert "still marked scheduled" in messages(report, "CEC311")[1]


def test_a_held_meeting_needs_start_end_and_agenda(council):
    root = ms(council, {"2025-10-14": meeting("2025-10-14", start=None, end=None, agenda=None)})
    report = run_check(root, as_of="2026-01-05")
    assert sorted(messages(report, "CEC311")) == [
        "The meeting of 2025-10-14 has no agenda items.",
        "The meeting of 2025-10-14 was held but records no start or end time.",
    ]


def test_a_future_meeting_needs_its_agenda_only_from_the_day_it_is_due(council):
    root = ms(council, {"2025-12-09": scheduled("2025-12-09", agenda=None)})
    assert found(run_check(root, as_of="2025-12-05"), "CEC311") == []
    assert found(run_check(root, as_of="2025-12-06"), "CEC311") == [("meetings/2025-12-09.yaml", 1, "CEC311")]


def test_a_meeting_marked_held_in_the_future_is_reported(council):
    root = ny(council, {"2025-12-09": meeting("2025-12-09")})
    assert "still to come" in messages(run_check(root, as_of="2025-12-01"), "CEC311")[0]


# --- CEC312: quorum ---------------------------------------------------------------------------------

def test_a_motion_carried_without_a_majority_present_is_noted(council):
    votes = "    votes: {for: [ann-lee]}\n"
    root = ms(council, {
        "2025-10-14": meeting("2025-10-14", attendance="\n  present: [ann-lee]\n  absent: [bob-king, cy-diaz]")
        + MOTION + votes,
        "2025-11-11": meeting("2025-11-11") + MOTION + votes,
    })
    report = run_check(root, as_of="2026-01-05")
    assert found(report, "CEC312") == [("meetings/2025-10-14.yaml", 15, "CEC312")]
    assert severities(report, "CEC312") == [Severity.INFO]
    assert "with 1 of 3 active members present, fewer than a majority (2)" in messages(report, "CEC312")[0]


def test_without_an_established_date_periods_are_judged_from_the_first_meeting(council):
    council_yaml = NY_COUNCIL.replace("established: 2025-09-10\n", "")
    root = ny(council, {"2025-11-11": meeting("2025-11-11"), "2026-01-13": meeting("2026-01-13")}, council_yaml)
    assert found(run_check(root, as_of="2026-01-30"), "CEC310") == []  # 2025-26 Q1 and Q2 are before the records
    assert messages(run_check(root, as_of="2026-07-22"), "CEC310") == [
        "0 of 1 meeting held in 2025-26 Q3 (2026-01-31 to 2026-04-30, estimated from the usual NYSED calendar).",
        "0 of 1 meeting held in 2025-26 Q4 (2026-05-01 to 2026-07-21, estimated from the usual NYSED calendar)."]
