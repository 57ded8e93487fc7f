"""CEC201-CEC205: New York's establishment deadline; Mississippi's recruitment steps."""

from conftest import MS_COUNCIL, NY_COUNCIL, found, run_check

from cecli.findings import Severity

ROSTER = "members:\n  - {id: ann, name: Ann Lee, category: parent}\n"


def _ny(designated="2025-10-31", established="2025-12-03"):
    text = NY_COUNCIL.replace("designated: 2025-08-15", f"designated: {designated}")
    if established is None:
        return text.replace("established: 2025-09-10\n", "")
    return text.replace("established: 2025-09-10", f"established: {established}")


def _findings(report, code):
    return [f for f in report.findings if f.code == code]


# --- CEC201 ---------------------------------------------------------------------------------------

def test_cec201_twentieth_business_day_across_thanksgiving_passes(council):
    root = council({"council.yaml": _ny(established="2025-12-03"), "roster.yaml": ROSTER})
    assert found(run_check(root, "2025-12-10"), "CEC201") == []


def test_cec201_twenty_first_business_day_fails(council):
    root = council({"council.yaml": _ny(established="2025-12-04"), "roster.yaml": ROSTER})
    report = run_check(root, "2025-12-10")
    assert found(report, "CEC201") == [("council.yaml", 8, "CEC201")]
    [finding] = _findings(report, "CEC201")
    assert finding.severity is Severity.ERROR
    assert "21 business days" in finding.message and "by 2025-12-03" in finding.message


def test_cec201_not_yet_established_shows_the_deadline_then_fails(council):
    root = council({"council.yaml": _ny(established=None), "roster.yaml": ROSTER})
    [before] = _findings(run_check(root, "2025-12-03"), "CEC201")
    assert before.severity is Severity.INFO and before.line == 7
    assert before.message == "The team must be established by 2025-12-03 (0 business days left)."
    [after] = _findings(run_check(root, "2025-12-04"), "CEC201")
    assert after.severity is Severity.ERROR and "was 2025-12-03" in after.message


def test_cec201_weekend_designation_counts_from_monday(council):
    # Saturday 2025-11-01: the first business day is Monday 11-03, the 20th is 2025-12-03 again.
    root = council({"council.yaml": _ny(designated="2025-11-01", established="2025-12-03"), "roster.yaml": ROSTER})
    assert found(run_check(root, "2025-12-10"), "CEC201") == []


def test_cec201_does_not_apply_in_mississippi(council):
    text = MS_COUNCIL + "designated: 2025-01-02\n"
    assert found(run_check(council({"council.yaml": text, "roster.yaml": ROSTER}), "2025-12-10"), "CEC201") == []


# --- Mississippi outreach -------------------------------------------------------------------------

OUTREACH = """
communications:
  - {date: 2025-08-01, channel: flyer, purpose: recruitment}
info_sessions:
  - {date: 2025-08-05, start: "11:59"}
  - {date: 2025-08-07, start: "12:00"}
nominations:
  opened: 2025-08-08
  closed: 2025-08-20
  methods: [electronic, mail, in-person]
elections:
  - id: fall-2025
    date: 2025-09-05
    notice_given: 2025-08-22
    voters: [community, parents]
"""
CODES = ("CEC202", "CEC203", "CEC204", "CEC205")


def _ms(council, outreach, as_of="2025-10-01"):
    return run_check(council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER, "outreach.yaml": outreach}), as_of)


def _all(report):
    return [t for t in found(report) if t[2] in CODES]


def test_steps_in_order_pass_every_establishing_rule(council):
    assert _all(_ms(council, OUTREACH)) == []


# --- CEC202 ---------------------------------------------------------------------------------------

def test_cec202_communication_after_the_first_session(council):
    report = _ms(council, OUTREACH.replace("date: 2025-08-01, channel", "date: 2025-08-05, channel"))
    assert found(report, "CEC202") == [("outreach.yaml", 4, "CEC202")]


def test_cec202_nominations_opened_before_any_session(council):
    report = _ms(council, OUTREACH.replace("opened: 2025-08-08", "opened: 2025-08-04"))
    assert found(report, "CEC202") == [("outreach.yaml", 7, "CEC202")]


def test_cec202_nominations_open_the_day_of_the_first_session(council):
    assert found(_ms(council, OUTREACH.replace("opened: 2025-08-08", "opened: 2025-08-05")), "CEC202") == []


def test_cec202_nominations_closing_on_election_day_and_a_late_session(council):
    report = _ms(council, OUTREACH.replace("closed: 2025-08-20", "closed: 2025-09-05"))
    assert found(report, "CEC202") == [("outreach.yaml", 8, "CEC202")]
    assert found(_ms(council, OUTREACH.replace("closed: 2025-08-20", "closed: 2025-09-04")), "CEC202") == []
    text = OUTREACH.replace('  - {date: 2025-08-07, start: "12:00"}', '  - {date: 2025-08-21, start: "12:00"}')
    assert found(_ms(council, text), "CEC202") == [("outreach.yaml", 5, "CEC202")]


def test_cec202_missing_nominations_before_an_election_per_cycle(council):
    text = OUTREACH.replace("nominations:\n", 'nominations:\n  "2025-26":\n').replace(
        "  opened: 2025-08-08\n  closed: 2025-08-20\n  methods: [electronic, mail, in-person]\n",
        "    opened: 2025-08-08\n    closed: 2025-08-20\n    methods: [electronic, mail, in-person]\n")
    text += """  - id: fall-2026
    date: 2026-09-10
    notice_given: 2026-08-20
"""
    text = text.replace("info_sessions:\n", 'info_sessions:\n  - {date: 2026-08-01, start: "09:00"}\n'
                        '  - {date: 2026-08-03, start: "18:00"}\n').replace(
        "communications:\n", "communications:\n  - {date: 2026-07-20, channel: email, purpose: information-session}\n")
    # the 2025 cycle is complete; the 2026 election has no nomination window yet: advice until election day
    [early] = _findings(_ms(council, text, "2026-08-15"), "CEC202")
    assert (early.line, early.severity) == (20, Severity.INFO)
    [finding] = _findings(_ms(council, text, "2026-09-10"), "CEC202")
    assert (finding.line, finding.severity) == (20, Severity.WARNING)
    assert finding.message == "No nomination window is recorded before the election on 2026-09-10."


def test_cec202_missing_step_before_a_future_election_is_advice(council):
    text = OUTREACH.split("nominations:")[0] + OUTREACH.split("in-person]\n")[1]
    [finding] = _findings(_ms(council, text, "2025-09-01"), "CEC202")
    assert finding.severity is Severity.INFO
    [finding] = _findings(_ms(council, text, "2025-09-05"), "CEC202")
    assert finding.severity is Severity.WARNING


# --- CEC203 ---------------------------------------------------------------------------------------

def test_cec203_same_part_of_the_day_is_reported(council):
    report = _ms(council, OUTREACH.replace('start: "11:59"', 'start: "16:59"'))
    assert found(report, "CEC203") == [("outreach.yaml", 4, "CEC203")]
    assert _findings(report, "CEC203")[0].message == "All 2 information sessions before the election on 2025-09-05 were in the afternoon."


def test_cec203_evening_starts_at_five(council):
    text = OUTREACH.replace('start: "11:59"', 'start: "16:59"').replace('start: "12:00"', 'start: "17:00"')
    assert found(_ms(council, text), "CEC203") == []


def test_cec203_one_session_is_advice_before_the_election_and_a_warning_after(council):
    text = OUTREACH.replace('  - {date: 2025-08-07, start: "12:00"}\n', "")
    [before] = _findings(_ms(council, text, "2025-09-04"), "CEC203")
    [after] = _findings(_ms(council, text, "2025-09-05"), "CEC203")
    assert (before.severity, after.severity) == (Severity.INFO, Severity.WARNING)
    assert after.line == 11 and after.message == "Only 1 of the 2 information sessions were held before the election on 2025-09-05."


def test_cec203_no_outreach_file_is_a_shortfall_once_established(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER})
    [after] = _findings(run_check(root, "2025-08-01"), "CEC203")
    assert (after.path, after.line, after.severity) == ("council.yaml", 1, Severity.WARNING)
    [before] = _findings(run_check(root, "2025-07-31"), "CEC203")
    assert before.severity is Severity.INFO


# --- CEC204 ---------------------------------------------------------------------------------------

def test_cec204_missing_methods_warn_once_the_window_closed(council):
    text = OUTREACH.replace("methods: [electronic, mail, in-person]", "methods: [electronic]")
    [closed] = _findings(_ms(council, text, "2025-08-21"), "CEC204")
    assert closed.line == 9 and closed.severity is Severity.WARNING
    assert closed.message == "Nominations were not accepted by mail or in person."
    [still_open] = _findings(_ms(council, text, "2025-08-20"), "CEC204")
    assert still_open.severity is Severity.INFO


# --- CEC205 ---------------------------------------------------------------------------------------

def test_cec205_thirteen_days_notice_fails(council):
    report = _ms(council, OUTREACH.replace("notice_given: 2025-08-22", "notice_given: 2025-08-23"))
    assert found(report, "CEC205") == [("outreach.yaml", 13, "CEC205")]
    assert "13 days" in _findings(report, "CEC205")[0].message


def test_cec205_staff_may_not_vote(council):
    report = _ms(council, OUTREACH.replace("voters: [community, parents]", "voters: [community, staff]"))
    assert found(report, "CEC205") == [("outreach.yaml", 14, "CEC205")]


def test_cec205_notice_not_yet_given(council):
    text = OUTREACH.replace("    notice_given: 2025-08-22\n", "")
    [due] = _findings(_ms(council, text, "2025-08-22"), "CEC205")
    assert due.severity is Severity.INFO and "by 2025-08-22" in due.message
    [late] = _findings(_ms(council, text, "2025-08-23"), "CEC205")
    assert late.severity is Severity.WARNING and "2025-09-06 or later" in late.hint
    [held] = _findings(_ms(council, text, "2025-09-05"), "CEC205")
    assert held.message == "No notice date is recorded for the election on 2025-09-05."


def test_cec205_notice_days_can_be_overridden(council):
    council_yaml = MS_COUNCIL + "rules:\n  parameters:\n    election_notice_days: 10\n"
    text = OUTREACH.replace("notice_given: 2025-08-22", "notice_given: 2025-08-26")
    root = council({"council.yaml": council_yaml, "roster.yaml": ROSTER, "outreach.yaml": text})
    assert found(run_check(root, "2025-10-01"), "CEC205") == []
