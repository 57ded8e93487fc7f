"""CEC006: evidence is a scan, flyer or document in the council folder, never a council data file."""

from __future__ import annotations

import os

from conftest import MS_COUNCIL, found, run_check

ROSTER = """
members:
  - {id: ann-lee, name: Ann Lee, category: parent, roles: [chair], email: ann@example.org, phone: 555-0100}
"""


def reports(*paths: str) -> str:
    """reports.yaml with one public report whose evidence starts on line 5, one path a line."""
    lines = ["public_reports:", "  - date: 2025-10-14", "    title: Fall report", "    evidence:"]
    return "\n".join(lines + [f"      - {p}" for p in paths]) + "\n"


def messages(report) -> list[str]:
    return [f.message for f in report.findings if f.code == "CEC006"]


def test_a_scan_under_evidence_is_fine(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER, "reports.yaml": reports("evidence/flyer.pdf"),
                    "evidence/flyer.pdf": "%PDF-1.4\n"})
    assert found(run_check(root), "CEC006") == []


def test_a_council_data_file_named_as_evidence_is_an_error(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER,
                    "reports.yaml": reports("roster.yaml", "meetings/2025-10-14.yml", "evidence/flyer.pdf"),
                    "meetings/2025-10-14.yml": "date: 2025-10-14\n", "evidence/flyer.pdf": "%PDF-1.4\n"})
    report = run_check(root)
    assert found(report, "CEC006") == [("reports.yaml", 5, "CEC006"), ("reports.yaml", 6, "CEC006")]
    assert all("evidence must be a scan, flyer or document, not a council data file" in m for m in messages(report))


def test_evidence_in_a_dot_folder_is_an_error(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER,
                    "reports.yaml": reports(".cec-cache/state.txt", "evidence/.private/scan.pdf"),
                    ".cec-cache/state.txt": "cache\n", "evidence/.private/scan.pdf": "%PDF-1.4\n"})
    report = run_check(root)
    assert found(report, "CEC006") == [("reports.yaml", 5, "CEC006"), ("reports.yaml", 6, "CEC006")]
    assert all("not a council data file" in m for m in messages(report))


def test_a_link_under_evidence_to_the_roster_is_an_error(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER, "reports.yaml": reports("evidence/scan.pdf")})
    (root / "evidence").mkdir()
    os.symlink(root / "roster.yaml", root / "evidence" / "scan.pdf")
    report = run_check(root)
    assert found(report, "CEC006") == [("reports.yaml", 5, "CEC006")]
    assert "not a council data file" in messages(report)[0]


def test_a_missing_file_and_a_path_outside_are_still_reported(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER,
                    "reports.yaml": reports("evidence/nope.pdf", "../elsewhere.pdf")})
    report = run_check(root)
    assert found(report, "CEC006") == [("reports.yaml", 5, "CEC006"), ("reports.yaml", 6, "CEC006")]
    assert "does not exist" in messages(report)[0] and "outside the council folder" in messages(report)[1]


def test_evidence_outside_evidence_or_documents_is_named_because_export_leaves_it_out(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER, "reports.yaml": reports("scans/flyer.pdf"),
                    "scans/flyer.pdf": "%PDF-1.4\n"})
    report = run_check(root)
    assert found(report, "CEC006") == [("reports.yaml", 5, "CEC006")]
    assert "not under evidence/ or documents/" in messages(report)[0]


def test_unknown_member_id_suggests_the_closest_id(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER,
                    "meetings/2025-10-14.yaml": "date: 2025-10-14\nattendance:\n  present: [ann-le]\n"})
    finding = [f for f in run_check(root).findings if f.code == "CEC004"]
    assert [(f.path, f.line) for f in finding] == [("meetings/2025-10-14.yaml", 3)]
    assert finding[0].message == "No member has the id `ann-le`." and finding[0].hint == "Did you mean `ann-lee`?"
