"""The loader: CEC001-CEC003 with positions, and it never raises on a user's mistake."""

from conftest import MS_COUNCIL, found, run_check

ROSTER = """
members:
  - id: ann-lee
    name: Ann Lee
    category: parent
"""


def test_clean_minimal_council_has_no_file_findings(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER})
    report = run_check(root)
    assert [f for f in report.findings if f.code in ("CEC001", "CEC002", "CEC003")] == []


def test_syntax_error_points_at_line_and_column(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": "members:\n  - id: a\n    name: [unclosed\n"})
    report = run_check(root)
    assert ("roster.yaml", 4, "CEC001") in found(report) or ("roster.yaml", 3, "CEC001") in found(report)


def test_yaml_11_directive_is_refused(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": "%YAML 1.1\n---\n" + ROSTER.lstrip()})
    report = run_check(root)
    assert ("roster.yaml", 1, "CEC001") in found(report)
    assert "YAML 1.2" in [f for f in report.findings if f.code == "CEC001"][0].message


def test_alias_bomb_is_refused_at_once(council):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": bomb})
    report = run_check(root)
    assert ("roster.yaml", 1, "CEC001") in found(report)


def test_duplicate_key_is_refused_with_both_lines(council):
    root = council({"council.yaml": MS_COUNCIL + "name: Again\n", "roster.yaml": ROSTER})
    report = run_check(root)
    dupes = [f for f in report.findings if f.code == "CEC001"]
    assert dupes and dupes[0].path == "council.yaml" and "line 1" in dupes[0].message


def test_impossible_date_and_time_and_unknown_field(council):
    root = council({
        "council.yaml": MS_COUNCIL,
        "roster.yaml": ROSTER,
        "meetings/2025-09-10.yaml": 'date: 2025-09-10\nstart: "25:00"\nend: "19:00"\nagenda_sentt: 2025-02-30\n',
    })
    report = run_check(root)
    codes = found(report)
    assert ("meetings/2025-09-10.yaml", 2, "CEC002") in codes
    assert ("meetings/2025-09-10.yaml", 4, "CEC002") in codes
    unknown = [f for f in report.findings if "agenda_sentt" in f.message]
    assert unknown and "agenda_sent" in unknown[0].hint


def test_yes_no_are_strings_not_booleans(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER + "    public_name: no\n"})
    report = run_check(root)
    bad = [f for f in report.findings if f.code == "CEC002"]
    assert bad and "true" in bad[0].message and bad[0].line == 5


def test_missing_roster_and_required_field(council):
    root = council({"council.yaml": MS_COUNCIL, "meetings/2025-09-10.yaml": "title: Fall\n"})
    report = run_check(root)
    assert ("roster.yaml", 0, "CEC003") in found(report)
    assert ("meetings/2025-09-10.yaml", 1, "CEC003") in found(report)


def test_bad_member_is_set_aside_and_others_still_judged(council):
    roster = ROSTER + "  - id: bob\n    name: Bob\n    category: parent\n    start_date: 2025-13-01\n"
    root = council({
        "council.yaml": MS_COUNCIL,
        "roster.yaml": roster,
        "meetings/2025-09-10.yaml": "date: 2025-09-10\nattendance:\n  present: [ann-lee, bob, carl]\n",
    })
    report = run_check(root)
    refs = [f for f in report.findings if f.code == "CEC004"]
    # bob's entry was invalid (reported as CEC002), so only carl is an unknown id
    assert len(refs) == 1 and "carl" in refs[0].message


def test_meeting_file_name_must_match_date(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER,
                    "meetings/2025-09-10.yaml": "date: 2025-09-11\n"})
    assert ("meetings/2025-09-10.yaml", 1, "CEC005") in found(run_check(root))


def test_not_a_council_folder_exits_2(tmp_path):
    from conftest import invoke

    result = invoke(["check", tmp_path])
    assert result.exit_code == 2
    assert "no council.yaml" in result.output


def test_bad_as_of_date_is_a_usage_error_not_a_crash(council):
    from conftest import invoke

    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER})
    result = invoke(["check", root, "--as-of", "2025-13-01"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output and "internal error" not in result.output


def test_a_folder_inside_a_council_finds_the_council(council, monkeypatch):
    from conftest import invoke

    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER, "meetings/2025-09-10.yaml": "date: 2025-09-10\n"})
    monkeypatch.chdir(root / "meetings")
    result = invoke(["check", "--as-of", "2026-11-22", "-f", "json"])
    assert result.exit_code in (0, 1) and '"name": "Test Elementary CEC"' in result.output


def test_not_a_council_hint_names_the_option_other_commands_take(tmp_path):
    from conftest import invoke

    result = invoke(["member", "list", "-C", tmp_path])
    assert result.exit_code == 2
    assert "-C path/to/council" in result.output
