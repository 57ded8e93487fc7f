"""cec check through the command line: formats, exit codes, overrides shown."""

import json

from conftest import MS_COUNCIL, invoke

ROSTER = """
members:
  - id: ann-lee
    name: Ann Lee
    category: parent
    email: ann@example.org
"""

BROKEN_MEETING = 'date: 2025-09-10\nstart: "25:00"\n'


def test_parsable_format(council, monkeypatch):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER, "meetings/2025-09-10.yaml": BROKEN_MEETING})
    monkeypatch.chdir(root)
    result = invoke(["check", "--as-of", "2026-11-22", "--format", "parsable"])
    assert result.exit_code == 1
    assert "meetings/2025-09-10.yaml:2:8: [error] start: `25:00` is not a real time of day" in result.output
    assert result.output.rstrip().endswith("(CEC002)") or "(CEC" in result.output


def test_json_format_schema(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER, "meetings/2025-09-10.yaml": BROKEN_MEETING})
    result = invoke(["check", root, "--as-of", "2026-11-22", "--format", "json"])
    data = json.loads(result.output)
    assert data["schema"] == "cec-check/1"
    assert data["council"]["profile"] == "ms-cec" and data["council"]["school_year"] == "2026-27"
    assert data["as_of"] == "2026-11-22"
    assert data["summary"]["errors"] >= 1
    first = [f for f in data["findings"] if f["code"] == "CEC002"][0]
    assert set(first) == {"code", "severity", "path", "line", "column", "message", "hint", "source"}
    assert (first["path"], first["line"], first["column"]) == ("meetings/2025-09-10.yaml", 2, 8)


def test_github_annotations(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER, "meetings/2025-09-10.yaml": BROKEN_MEETING})
    result = invoke(["check", root, "--as-of", "2026-11-22", "--format", "github"])
    line = [l for l in result.output.splitlines() if "CEC002" in l][0]
    assert line.startswith("::error file=") and ",line=2,col=8," in line and "title=CEC002::" in line


def test_text_report_groups_by_file_and_shows_header(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER, "meetings/2025-09-10.yaml": BROKEN_MEETING})
    result = invoke(["check", root, "--as-of", "2026-11-22"])
    out = result.output
    assert out.startswith("Test Elementary CEC\n")
    assert "Profile ms-cec" in out and "school year 2026-27" in out and "as of 2026-11-22" in out
    assert "2:8  error" in out and "→ Write times in quotes" in out


def test_overrides_and_disabled_rules_are_shown(council):
    settings = MS_COUNCIL + "rules:\n  parameters:\n    agenda_lead_days: 5\n  disabled:\n    CEC304: Two-hour work sessions approved by the board.\n"
    root = council({"council.yaml": settings, "roster.yaml": ROSTER})
    result = invoke(["check", root, "--as-of", "2026-11-22"])
    assert "Council override: agenda_lead_days = 5 (profile default 3)" in result.output
    assert "Council switched off CEC304: Two-hour work sessions approved by the board." in result.output
    data = json.loads(invoke(["check", root, "--as-of", "2026-11-22", "-f", "json"]).output)
    assert data["overrides"] == {"parameters": {"agenda_lead_days": 5},
                                 "disabled": {"CEC304": "Two-hour work sessions approved by the board."}}


def test_unknown_parameter_and_rule_code_in_overrides(council):
    settings = MS_COUNCIL + "rules:\n  parameters:\n    agenda_lead_dayz: 5\n  disabled:\n    CEC999: no reason\n"
    root = council({"council.yaml": settings, "roster.yaml": ROSTER})
    result = invoke(["check", root, "--as-of", "2026-11-22", "-f", "parsable"])
    assert "`agenda_lead_dayz` is not a parameter" in result.output
    assert "`CEC999` is not a rule code" in result.output
    assert result.exit_code == 1


def test_unknown_profile(council):
    root = council({"council.yaml": MS_COUNCIL.replace("ms-cec", "ms-cce"), "roster.yaml": ROSTER})
    result = invoke(["check", root, "-f", "parsable"])
    assert "council.yaml:2:10: [error] There is no profile called `ms-cce`" in result.output
    assert result.exit_code == 1


def test_rules_command_lists_and_explains():
    listing = invoke(["rules"])
    assert listing.exit_code == 0 and "CEC001" in listing.output
    one = invoke(["rules", "cec004"])
    assert one.exit_code == 0 and one.output.startswith("CEC004  A reference does not resolve.")
    bad = invoke(["rules", "CEC0044"])
    assert bad.exit_code == 2 and "Did you mean" in bad.output


def test_version():
    result = invoke(["--version"])
    assert result.exit_code == 0 and result.output.startswith("cec ")


def test_unknown_sort_is_refused_for_one_council_too(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER})
    result = invoke(["check", root, "--sort", "bogus"])
    assert result.exit_code == 2 and "is not a column to sort by" in result.output
