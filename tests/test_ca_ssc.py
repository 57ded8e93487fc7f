"""California School Site Councils end to end: the sample council, `cec init --profile ca-ssc`, the
plan each profile has, the roster by side, the agenda's Greene Act lines, and the export package."""

from __future__ import annotations

import json
import shutil

from conftest import REPO, invoke
from documents_council import docx_text
from export_councils import committed, git, make_ms

CA_SAMPLE = REPO / "docs" / "examples" / "ca-council"


def _copy(tmp_path):
    root = tmp_path / "ca"
    shutil.copytree(CA_SAMPLE, root)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Start the council")
    return root


def test_the_sample_california_council_has_only_its_planted_findings(tmp_path):
    result = invoke(["check", _copy(tmp_path), "--as-of", "2026-11-22", "--format", "json"])
    findings = json.loads(result.output)["findings"]
    assert sorted((f["code"], f["path"]) for f in findings if f["severity"] != "info") == [
        ("CEC110", "roster.yaml"), ("CEC111", "roster.yaml"), ("CEC319", "meetings/2026-10-15.yaml")]
    assert result.exit_code == 1


def test_init_writes_a_california_council_that_checks(tmp_path):
    root = tmp_path / "new"
    result = invoke(["init", root, "--profile", "ca-ssc", "--name", "Test High SSC", "--school",
                     "Test High|9-12|secondary", "--no-input", "--author", "Test <t@example.org>"])
    assert result.exit_code == 0, result.output
    text = (root / "council.yaml").read_text()
    assert "profile: ca-ssc" in text and "level: secondary" in text and "timezone: America/Los_Angeles" in text
    assert "kind: public-comment" in text and "elac: false" in text
    assert "spsa: {}" in (root / "plans.yaml").read_text()
    assert not (root / "plan.yaml").exists()
    check = invoke(["check", root, "--format", "json"])
    assert "CEC002" not in check.output and "CEC003" not in check.output


def test_plan_writes_the_profiles_plan_or_says_there_is_none(tmp_path):
    ms = make_ms(tmp_path)
    before = git(ms, "rev-parse", "HEAD")
    result = invoke(["plan", "-C", ms, "--author", "Test <t@example.org>"])
    assert result.exit_code == 2
    assert "asks the council for no plan document" in result.output
    assert git(ms, "rev-parse", "HEAD") == before and not (ms / "documents" / "plan").exists()

    ca = _copy(tmp_path)
    result = invoke(["plan", "-C", ca, "--date", "2026-11-22", "--author", "Test <t@example.org>"])
    assert result.exit_code == 0, result.output
    text = docx_text((ca / "documents" / "plan" / "spsa-approvals-2026-27.docx").read_bytes())
    assert "School Plan for Student Achievement" in text and "Thursday, May 14, 2026" in text
    assert "English Learner Advisory Committee" in text
    assert "rabernathy@example.org" not in text and "Jaylen Brooks" not in text  # private, and a student
    assert git(ca, "log", "-1", "--format=%s").startswith("Write the record of the School Plan")


def test_roster_document_shows_both_sides_and_the_parity_count(tmp_path):
    ca = _copy(tmp_path)
    for day, verdict in (("2026-11-05", "the sides are NOT equal"), ("2026-11-20", "the sides are equal")):
        out = tmp_path / f"roster-{day}.docx"
        result = invoke(["roster", "-C", ca, "--date", day, "--out", out])
        assert result.exit_code == 0, result.output
        text = docx_text(out.read_bytes())
        assert "School side" in text and "Community side" in text and verdict in text


def test_agenda_names_the_posting_and_always_has_public_comment(tmp_path):
    from cecli.documents.meetings import agenda
    from cecli.loader import load_council

    council, _ = load_council(_copy(tmp_path))
    meeting = next(m for m in council.meetings if m.id == "2026-10-15")  # its record has no public comment item
    text = docx_text(agenda(council, meeting))
    assert "Greene Act" in text and "at least 72 hours before the meeting" in text
    assert "This notice and agenda were posted at the school on Saturday, October 10, 2026 at 3:45 PM." in text
    assert "Public comment on items not on the agenda" in text


def test_export_package_has_roster_by_side_posted_agendas_minutes_and_spsa(tmp_path):
    ca = _copy(tmp_path)
    out = tmp_path / "pkg"
    result = invoke(["export", ca, "--year", "2026-27", "--out", out])
    assert result.exit_code in (0, 1), result.output
    parity = (out / "1-roster" / "parity.csv").read_text()
    assert "2026-11-19,5,5,3,yes,yes" in parity
    posted = (out / "2-posted-agendas" / "posted-agendas.csv").read_text()
    assert '"Regular meeting, 2026-10-15",2026-10-15 15:45,2026-10-10 15:45,120,NO' in posted
    assert (out / "3-minutes" / "2026-11-19" / "agenda-and-attendance.docx").is_file()
    assert "2026-27,2026-04-30,2026-05-14,2026-06-17" in (out / "4-spsa" / "spsa-approvals.csv").read_text()
    assert (out / "4-spsa" / "evidence" / "2026-05-14-spsa-approval.pdf").is_file()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["profile"] == "ca-ssc"
    assert "rabernathy@example.org" not in (out / "1-roster" / "roster.csv").read_text()  # not asked for


def test_publish_calendar_uses_the_profiles_time_zone(tmp_path):
    from cecli.loader import load_council
    from cecli.publish.calendar import timezone_name

    root = committed(tmp_path / "c", {"council.yaml": "name: X SSC\nprofile: ca-ssc\n", "roster.yaml": "members: []\n"})
    council, _ = load_council(root)
    assert timezone_name(council) == "America/Los_Angeles"
