"""Dated officer roles: `cec member role ID --add/--end`, and every rule judging roles as of its date."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import MS_COUNCIL, found, invoke, run_check
from gitcouncil import commits, format_findings, git, last_commit, make_council, snapshot

from cecli.model import Member


def run(root, *args):
    return invoke(["member", "role", *args, "--council", root])


@pytest.fixture
def root(tmp_path):
    return make_council(tmp_path)


def refused(root, args, says):
    before = snapshot(root)
    result = run(root, *args)
    assert result.exit_code == 2, result.output
    assert says in result.output and "Traceback" not in result.output
    assert snapshot(root) == before


def test_roles_on_reads_short_and_dated_roles():
    member = Member.model_validate({
        "id": "ann", "name": "Ann", "category": "parent", "start_date": "2025-08-01", "end_date": "2026-06-30",
        "roles": ["secretary", {"role": "chair", "start_date": "2025-10-01", "end_date": "2026-01-31"},
                  {"role": "vice-chair", "end_date": "2025-09-30"}]})
    assert member.roles_on(dt.date(2025, 7, 31)) == []
    assert member.roles_on(dt.date(2025, 8, 1)) == ["secretary", "vice-chair"]
    assert member.roles_on(dt.date(2025, 12, 1)) == ["secretary", "chair"]
    assert member.roles_on(dt.date(2026, 2, 1)) == ["secretary"]
    assert member.roles_on(dt.date(2026, 9, 1)) == ["secretary"]  # never ended: CEC106 says so


def test_hand_over_the_chair_in_two_commits_keeping_comments(root):
    result = run(root, "ann-lee", "--end", "chair", "--on", "2026-06-30")
    assert result.exit_code == 0, result.output
    assert last_commit(root)[0] == "End Ann Lee's chair role on 2026-06-30."
    text = (root / "roster.yaml").read_text()
    assert text.startswith("# Members are never deleted: leaving sets end_date.")
    assert "    roles:\n      - role: chair\n        end_date: 2026-06-30\n    start_date: 2025-08-01\n" in text
    before = commits(root)
    result = run(root, "bo-diaz", "--add", "Chair", "--from", "2026-07-01")
    assert result.exit_code == 0, result.output
    assert commits(root) == before + 1
    message, _, paths = last_commit(root)
    assert (message, paths) == ("Make Bo Diaz chair from 2026-07-01.", ["roster.yaml"])
    assert "  - id: bo-diaz\n    name: Bo Diaz\n    category: business-leader\n    roles:\n" \
           "      - role: chair\n        start_date: 2026-07-01\n" in (root / "roster.yaml").read_text()
    assert format_findings(root) == []
    report = run_check(root, "2026-06-15")
    assert [f.message for f in report.findings if f.code == "CEC104" and "the chair role" in f.message] == []
    report = run_check(root, "2026-07-15")
    assert [f.message for f in report.findings if f.code == "CEC104" and "the chair role" in f.message] == []


def test_a_hand_over_on_the_same_day_is_allowed_and_counts_the_new_holder(root):
    assert run(root, "ann-lee", "--end", "chair", "--on", "2026-01-13").exit_code == 0
    result = run(root, "bo-diaz", "--add", "chair", "--from", "2026-01-13")
    assert result.exit_code == 0, result.output
    report = run_check(root, "2026-01-13")
    assert [f for f in report.findings if f.code == "CEC104" and "the chair role" in f.message] == []


@pytest.mark.parametrize("args, says", [
    (["bo-diaz", "--add", "chiar"], "Did you mean `chair`?"),
    (["bo-diaz", "--add", "chair", "--from", "2026-01-01"], "`cec member role ann-lee --end chair --on 2026-01-01`"),
    (["ann-lee", "--add", "chair", "--from", "2026-01-01"], "already holds the chair role"),
    (["ann-lee", "--end", "chair", "--on", "2025-07-01"], "does not hold the chair role on 2025-07-01"),
    (["ann-lee", "--end", "secretary"], "does not hold the secretary role"),
    (["ed-old", "--add", "vice-chair", "--from", "2025-10-01"], "not a member on 2025-10-01"),
    (["bo-diaz", "--add", "vice-chair", "--from", "2025-07-01"], "not a member on 2025-07-01"),
    (["ann-le", "--add", "chair"], "Did you mean `ann-lee`?"),
    (["bo-diaz"], "--add ROLE"),
    (["bo-diaz", "--add", "chair", "--end", "chair"], "--add ROLE"),
    (["bo-diaz", "--add", "vice-chair", "--on", "2026-01-01"], "--from goes with --add"),
    (["bo-diaz", "--add", "vice-chair", "--from", "2026-02-30"], "not a real date"),
])
def test_refusals_write_nothing(root, args, says):
    refused(root, args, says)


def test_an_end_before_the_start_is_refused(root):
    assert run(root, "bo-diaz", "--add", "vice-chair", "--from", "2026-01-01").exit_code == 0
    refused(root, ["bo-diaz", "--end", "vice-chair", "--on", "2025-12-01"], "does not hold the vice-chair role on 2025-12-01")


def test_ending_a_membership_ends_its_roles_so_cec106_stays_quiet(root):
    result = invoke(["member", "end", "ann-lee", "--date", "2026-01-31", "--council", root])
    assert result.exit_code == 0, result.output
    assert last_commit(root)[0] == "End Ann Lee's membership on 2026-01-31 (and the chair role)."
    assert found(run_check(root, "2026-03-01"), "CEC106") == []


# --- rules judge roles as of their date -----------------------------------------------------------

DATED = """
members:
  - id: ann
    name: Ann Lee
    category: parent
    start_date: 2025-08-01
    roles:
      - role: chair
        end_date: 2025-12-31
  - id: bob
    name: Bob Roe
    category: retiree
    start_date: 2025-08-01
    roles:
      - role: chair
        start_date: 2026-01-01
  - id: cy
    name: Cy Doe
    category: librarian
    start_date: 2025-08-01
    end_date: 2025-12-31
    roles:
      - role: secretary
        end_date: 2025-12-31
      - vice-chair
"""


def test_cec104_and_cec106_judge_roles_as_of_their_date(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": DATED})
    autumn = run_check(root, "2025-10-01")
    assert [f.message for f in autumn.findings if f.code == "CEC104" and " chair " in f.message] == []
    spring = run_check(root, "2026-03-01")
    assert [f.message for f in spring.findings if f.code == "CEC104" and " chair " in f.message] == []
    assert [f.message for f in spring.findings if f.code == "CEC106"] == [
        "Cy Doe left on 2025-12-31 but still holds the vice-chair role."]
    assert found(spring, "CEC106") == [("roster.yaml", 24, "CEC106")]
    two_chairs = DATED.replace("        end_date: 2025-12-31\n  - id: bob", "  - id: bob")
    report = run_check(council({"council.yaml": MS_COUNCIL, "roster.yaml": two_chairs}), "2026-03-01")
    assert [f.message for f in report.findings if f.code == "CEC104" and " chair " in f.message] == [
        "2 active members hold the chair role: Ann Lee, Bob Roe."]


def test_a_dated_role_with_an_unknown_word_or_field_is_a_file_error(council):
    bad = DATED.replace("      - role: chair\n        start_date", "      - role: chiar\n        start_date")
    report = run_check(council({"council.yaml": MS_COUNCIL, "roster.yaml": bad}), "2026-03-01")
    assert ("roster.yaml", 14, "CEC002") in found(report)
    typo = DATED.replace("        start_date: 2026-01-01", "        start: 2026-01-01")
    report = run_check(council({"council.yaml": MS_COUNCIL, "roster.yaml": typo}), "2026-03-01")
    messages = [f.message for f in report.findings if f.code == "CEC002"]
    assert len(messages) == 1 and "`start` is not a field" in messages[0]


def test_the_minutes_shell_names_the_officers_of_the_meeting_date(root):
    assert run(root, "ann-lee", "--end", "chair", "--on", "2025-09-30").exit_code == 0
    assert run(root, "cy-moss", "--add", "chair", "--from", "2025-10-01").exit_code == 0
    from cecli.documents.meetings import member_label
    from cecli.loader import load_council

    council, _ = load_council(root)
    ann, cy = council.member("ann-lee"), council.member("cy-moss")
    assert member_label(ann, dt.date(2025, 9, 1)) == "Parent, Chair"
    assert member_label(ann, dt.date(2025, 10, 14)) == "Parent"
    assert member_label(cy, dt.date(2025, 10, 14)) == "Faith-based leader, Chair"
