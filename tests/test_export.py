"""cec export: the MCAPS package and its index, the manifest and --verify, reproducible zips, Popolo."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile

from conftest import SAMPLE, invoke
from export_councils import PRIVATE, committed, git, make_ms, make_ny


def _export(root, out, *extra):
    result = invoke(["export", root, "--out", out, *extra])
    assert result.exit_code == 0, result.output
    return result


def test_index_shows_all_seven_items_with_their_dates(tmp_path):
    root = make_ms(tmp_path)
    _export(root, tmp_path / "pkg")
    index = (tmp_path / "pkg" / "index.md").read_text()
    rows = [line for line in index.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert [row.split(" | ")[0] for row in rows] == [f"| {n}" for n in range(1, 8)]
    expected = {
        1: ["2025-08-04 (flyer)", "2025-08-06 (social-media)", "1-communications/evidence/flyer.txt"],
        2: ["2025-08-12", "2025-08-14", "2-information-sessions/evidence/signin-0812.txt"],
        3: ["2025-08-12 to 2025-08-22", "11 forms received", "3-nominations/evidence/forms.txt"],
        4: ["4 members served in 2025-26", "membership-list.docx", "membership-list.csv"],
        5: ["2025-09-10<br>2025-10-08", "meeting-calendar.docx", "meetings.ics"],
        6: ["2025-09-10<br>2025-10-08", "6-meeting-details/2025-09-10/evidence/signin-0910.txt",
            "6-meeting-details/2025-09-10/documents/2025-09-10/agenda.txt"],
        7: ["2026-02-10 (Midyear report to families)", "7-public-reports/evidence/midyear.txt"],
    }
    for number, parts in expected.items():
        for part in parts:
            assert part in rows[number - 1], (number, part)
    assert "2025-10-01" not in rows[0]  # a meeting notice is not about serving on the council
    assert "2025-11-12" not in rows[4]  # cancelled
    assert "MISSING" not in index
    document = (tmp_path / "pkg" / "index.docx").read_bytes()
    from docx import Document

    table = Document(io.BytesIO(document)).tables[0]
    assert [row.cells[1].text for row in table.rows][1:] == [
        "Date(s) communications shared about the opportunities to serve on the CEC",
        "Date(s) of CEC information sessions",
        "Date range during which interest/nominations forms were solicited and collected",
        "Membership list", "Meeting calendar", "Meeting details",
        "Date(s) of public reports from the CEC to the community"]


def test_manifest_lists_every_file_and_verifies(tmp_path):
    root = make_ms(tmp_path)
    _export(root, tmp_path / "pkg")
    manifest = json.loads((tmp_path / "pkg" / "manifest.json").read_text())
    assert manifest["profile"] == "ms-cec" and manifest["school_year"] == "2025-26"
    assert manifest["date"] == "2026-06-20"  # the commit's date
    assert manifest["commit"] == git(root, "rev-parse", "HEAD").strip()
    assert manifest["cec_version"]
    on_disk = sorted(p.relative_to(tmp_path / "pkg").as_posix() for p in (tmp_path / "pkg").rglob("*") if p.is_file())
    assert sorted(e["path"] for e in manifest["files"]) == [p for p in on_disk if p != "manifest.json"]
    assert {"check-report.txt", "check-report.json"} <= set(on_disk)
    result = invoke(["export", "--verify", tmp_path / "pkg"])
    assert result.exit_code == 0 and "matches its manifest" in result.output


def test_one_changed_byte_in_any_file_is_named(tmp_path):
    root = make_ms(tmp_path)
    _export(root, tmp_path / "pkg")
    files = [p for p in sorted((tmp_path / "pkg").rglob("*")) if p.is_file() and p.name != "manifest.json"]
    assert len(files) > 10
    for path in files:
        original = path.read_bytes()
        changed = bytearray(original)
        changed[len(changed) // 2] ^= 0x01
        path.write_bytes(bytes(changed))
        result = invoke(["export", "--verify", tmp_path / "pkg"])
        rel = path.relative_to(tmp_path / "pkg").as_posix()
        assert result.exit_code == 1 and f"changed: {rel}" in result.output, rel
        path.write_bytes(original)
    assert invoke(["export", "--verify", tmp_path / "pkg"]).exit_code == 0


def test_added_and_removed_files_are_named(tmp_path):
    root = make_ms(tmp_path)
    _export(root, tmp_path / "pkg")
    (tmp_path / "pkg" / "1-communications" / "extra.pdf").write_bytes(b"%PDF")
    (tmp_path / "pkg" / "4-membership-list" / "membership-list.csv").unlink()
    result = invoke(["export", "--verify", tmp_path / "pkg"])
    assert result.exit_code == 1
    assert "added: 1-communications/extra.pdf" in result.output
    assert "removed: 4-membership-list/membership-list.csv" in result.output


def test_zip_from_the_same_commit_is_byte_identical_and_verifies(tmp_path):
    root = make_ms(tmp_path)
    _export(root, tmp_path / "a.zip", "--zip")
    _export(root, tmp_path / "b.zip", "--zip")
    first, second = (tmp_path / "a.zip").read_bytes(), (tmp_path / "b.zip").read_bytes()
    assert first == second
    assert invoke(["export", "--verify", tmp_path / "a.zip"]).exit_code == 0
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert {info.date_time for info in archive.infolist()} == {(2026, 6, 20, 0, 0, 0)}
    # a copy of the council elsewhere, same commit: same bytes (no absolute paths inside)
    moved = tmp_path / "elsewhere" / "council"
    shutil.copytree(root, moved)
    _export(moved, tmp_path / "c.zip", "--zip")
    assert (tmp_path / "c.zip").read_bytes() == first


def test_writing_and_verifying_count_the_same_files(tmp_path):
    import re

    root = make_ms(tmp_path)
    wrote = _export(root, tmp_path / "a.zip", "--zip").output
    verified = invoke(["export", "--verify", tmp_path / "a.zip"]).output
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        listed = len(archive.namelist()) - 1  # everything but manifest.json
    said = f"({listed} files and the manifest"
    assert said in wrote and said in verified, (wrote, verified)
    assert not re.search(r"\(\d+ files\)", wrote + verified)


def test_a_changed_byte_inside_the_zip_is_named(tmp_path):
    root = make_ms(tmp_path)
    _export(root, tmp_path / "a.zip", "--zip")
    with zipfile.ZipFile(tmp_path / "a.zip") as source, zipfile.ZipFile(tmp_path / "b.zip", "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "index.md":
                data = data.replace(b"2025-08-04", b"2025-08-05", 1)
            target.writestr(info, data)
    result = invoke(["export", "--verify", tmp_path / "b.zip"])
    assert result.exit_code == 1 and "changed: index.md" in result.output


def test_uncommitted_changes_are_refused_unless_allowed(tmp_path):
    root = make_ms(tmp_path)
    with open(root / "roster.yaml", "a") as roster:
        roster.write("  - {id: new-one, name: New One, category: parent}\n")
    result = invoke(["export", root, "--out", tmp_path / "pkg"])
    assert result.exit_code == 2 and "roster.yaml" in result.output and "--allow-uncommitted" in result.output
    assert not (tmp_path / "pkg").exists()
    result = invoke(["export", root, "--out", tmp_path / "pkg", "--allow-uncommitted"])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "pkg" / "manifest.json").read_text())["uncommitted"] == ["roster.yaml"]


def test_missing_evidence_is_a_warning_with_the_findings(tmp_path, council):
    files = {k: v for k, v in __import__("export_councils").MS_FILES.items() if k != "reports.yaml"}
    root = committed(tmp_path / "bare", files)
    result = invoke(["export", root, "--out", tmp_path / "pkg"])
    assert result.exit_code == 0
    assert "evidence is missing" in result.output and "public reports" in result.output.lower()
    assert "CEC501" in result.output
    assert "MISSING:" in (tmp_path / "pkg" / "index.md").read_text()


def test_membership_list_has_emails_but_no_phones_or_notes(tmp_path):
    root = make_ms(tmp_path)
    _export(root, tmp_path / "pkg")
    text = (tmp_path / "pkg" / "4-membership-list" / "membership-list.csv").read_text()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["Name"]: r["Email"] for r in rows}["Ann Lee"] == "ann.lee.private@example.org"
    assert {r["Name"]: r["Roles"] for r in rows}["Ann Lee"] == "chair"
    assert "Olive Former" not in text  # left before the school year
    from docx import Document

    document = Document(tmp_path / "pkg" / "4-membership-list" / "membership-list.docx")
    cells = " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "bo.chan.hidden@example.net" in cells
    everything = b"".join(p.read_bytes() for p in (tmp_path / "pkg").rglob("*") if p.is_file() and p.suffix != ".docx")
    everything += cells.encode()
    for value in ("662-555-0142", "(601) 555-0199", "secret-note-7781", "student-note-4410"):
        assert value.encode() not in everything, value


def test_new_york_package_has_plan_roster_meetings_and_signatures(tmp_path):
    root = make_ny(tmp_path)
    _export(root, tmp_path / "pkg")
    pkg = tmp_path / "pkg"
    assert (pkg / "1-community-engagement-plan" / "community-engagement-plan.docx").is_file()
    groups = (pkg / "2-roster" / "required-groups.csv").read_text()
    assert "2025-09-20,Pat Principal,Pam Parent,Tim Teacher,Stella Student" in groups
    signatures = (pkg / "4-quarterly-reports" / "signatures.csv").read_text()
    assert "2025-26 Q1,2025-10-31,2025-10-30,Pam Parent,2025-10-29" in signatures
    assert "Continuation Plan,,2025-08-30,Pam Parent,2025-08-29" in signatures
    assert (pkg / "4-quarterly-reports" / "2025-26-Q1" / "evidence" / "q1.txt").is_file()
    assert (pkg / "3-meetings" / "2025-09-20" / "agenda-and-attendance.docx").is_file()
    assert "pat@ny.example.org" not in (pkg / "2-roster" / "roster.csv").read_text()  # New York does not ask for emails
    assert invoke(["export", "--verify", pkg]).exit_code == 0


def test_popolo_has_roster_meetings_and_votes_and_nothing_private(tmp_path):
    root = make_ms(tmp_path)
    result = invoke(["export", root, "--format", "popolo", "--out", tmp_path / "popolo.json"])
    assert result.exit_code == 0, result.output
    raw = (tmp_path / "popolo.json").read_text()
    data = json.loads(raw)
    names = {p["name"] for p in data["persons"]}
    assert {"Ann Lee", "Sam Public", "A student member"} <= names
    chair = next(m for m in data["memberships"] if m["role"] == "chair")
    assert chair["start_date"] == "2025-09-01" and chair["organization_id"] == data["organizations"][0]["id"]
    assert chair["label"] == "Chair (parent)"
    assert any(m["label"] == "Member (faith-based leader)" for m in data["memberships"])
    event = next(e for e in data["events"] if e["start_date"].startswith("2025-09-10"))
    assert event["start_date"] == "2025-09-10T18:00:00-05:00"
    assert {p["note"] for p in event["participants"]} == {"present"}
    vote = data["vote_events"][0]
    assert vote["result"] == "pass" and vote["event_id"] == event["id"]
    assert {c["option"]: c["value"] for c in vote["counts"]} == {"yes": 3, "no": 0, "abstain": 1}
    assert {v["voter_name"]: v["option"] for v in vote["votes"]}["Sam Public"] == "abstain"
    for value in PRIVATE:
        assert value.lower() not in raw.lower(), value
    assert "/zq" not in raw  # the hidden student's member id would name them too


def test_sample_council_exports_with_all_seven_items(tmp_path):
    assert (SAMPLE / "council.yaml").is_file()
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Sample")
    result = invoke(["export", root, "--year", "2025-26", "--as-of", "2026-06-30", "--zip", "--out", tmp_path / "s.zip"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "s.zip") as archive:
        index = archive.read("index.md").decode()
    rows = [line for line in index.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert len(rows) == 7
    for row in rows:
        assert "20" in row.split(" | ")[2], row  # every item has dates
    assert invoke(["export", "--verify", tmp_path / "s.zip"]).exit_code == 0


def test_council_data_named_as_evidence_is_not_exported(tmp_path):
    from export_councils import MS_FILES

    files = dict(MS_FILES)
    files["reports.yaml"] = """
        public_reports:
          - {date: 2026-02-10, title: Midyear report, evidence: [roster.yaml, evidence/.old/roster.txt, evidence/midyear.txt]}
    """
    files["meetings/2025-09-10.yaml"] = MS_FILES["meetings/2025-09-10.yaml"].replace(
        "evidence: [evidence/signin-0910.txt]", "evidence: [evidence/signin-0910.txt, roster.yml, notes/private.txt]")
    files["roster.yml"] = MS_FILES["roster.yaml"]
    files["evidence/.old/roster.txt"] = MS_FILES["roster.yaml"]
    files["notes/private.txt"] = "secret-note-7781\n"
    root = committed(tmp_path / "c", files)
    _export(root, tmp_path / "pkg")
    names = sorted(p.relative_to(tmp_path / "pkg").as_posix() for p in (tmp_path / "pkg").rglob("*") if p.is_file())
    assert "7-public-reports/evidence/midyear.txt" in names
    assert "6-meeting-details/2025-09-10/evidence/signin-0910.txt" in names
    assert not [n for n in names if n.endswith((".yaml", ".yml")) or "/." in n or "notes/" in n], names
    for path in (tmp_path / "pkg").rglob("*.txt"):
        assert "662-555-0142" not in path.read_text() and "secret-note-7781" not in path.read_text(), path


def test_popolo_says_a_meeting_without_a_status_passed_when_it_was_held(tmp_path):
    from export_councils import MS_FILES

    files = dict(MS_FILES)
    files["meetings/2025-09-10.yaml"] = MS_FILES["meetings/2025-09-10.yaml"].replace("status: held\n        ", "")
    root = committed(tmp_path / "c", files)
    result = invoke(["export", root, "--format", "popolo", "--as-of", "2026-06-20"])
    assert result.exit_code == 0, result.output
    events = {e["id"].rsplit("/", 1)[1]: e["status"] for e in json.loads(result.output)["events"]}
    assert events["2025-09-10"] == "passed" and events["2025-11-12"] == "cancelled"


def test_an_unwritable_output_is_a_plain_error(tmp_path):
    root = make_ms(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    for extra in ([], ["--zip"], ["--format", "popolo"]):
        result = invoke(["export", root, "--out", blocker / "pkg", *extra])
        assert result.exit_code == 2, (extra, result.output)
        assert f"cec could not write {blocker}" in result.output and "Choose another place with --out." in result.output
        assert "Traceback" not in result.output
