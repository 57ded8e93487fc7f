"""The sample councils (sample-council/ and docs/examples/ny-council/) stay clean, complete and honest.

They are what a new user runs `cec check` on first and what the documents and exports are tried
against, so: they load without file-level findings (CEC001-CEC006), every evidence file they name
exists, every member id they mention is on the roster, they pass yamllint's relaxed style, and the
Mississippi sample shows the few realistic findings it was written to show (and no errors).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import REPO, SAMPLE, run_check

NY_EXAMPLE = REPO / "docs" / "examples" / "ny-council"
COUNCILS = {"ms": SAMPLE, "ny": NY_EXAMPLE}
FILE_CODES = {"CEC001", "CEC002", "CEC003", "CEC004", "CEC005", "CEC006"}
AS_OF = "2026-11-22"

# Findings planted in the Mississippi sample so the demo shows what cec is for: (code, file).
PLANTED = [
    ("CEC107", "roster.yaml"),  # Zoë Fairchild, elected 2026-09-10, has no email address yet
    ("CEC305", "meetings/2026-10-20.yaml"),  # agenda sent 2026-10-18, two days ahead
    ("CEC307", "meetings/2026-10-20.yaml"),  # minutes not recorded 33 days later
    ("CEC301", "council.yaml"),  # 2026-27: 2 held + 3 scheduled, one more meeting to schedule
    ("CEC502", "meetings/2026-12-08.yaml"),  # agenda for 2026-12-08 due by 2026-12-05
]

MEMBER_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


def _copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copytree(COUNCILS[name], target)
    return target


def _yaml_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.yaml") if p.is_file())


def _load(path: Path):
    # BaseLoader: every scalar stays a string, as cec's own YAML 1.2 reader keeps them
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _walk(node, path=()):
    """(key path, key, value) for every mapping entry in a parsed YAML tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield path + (key,), key, value
            yield from _walk(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, path + (index,))


def _relative(finding_path: str, root: Path) -> str:
    path = Path(finding_path)
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@pytest.mark.parametrize("name", sorted(COUNCILS))
def test_council_loads_without_file_findings(name, tmp_path):
    root = _copy(name, tmp_path)
    report = run_check(root, AS_OF)
    bad = [f"{f.path}:{f.line}: {f.code} {f.message}" for f in report.findings if f.code in FILE_CODES]
    assert not bad, "\n".join(bad)
    council = report.council
    assert council.info is not None and council.profile is not None
    assert council.members and council.meetings


@pytest.mark.parametrize("name", sorted(COUNCILS))
def test_no_errors_in_the_examples(name, tmp_path):
    """The examples show warnings and notes a real council would have, never an error."""
    report = run_check(_copy(name, tmp_path), AS_OF)
    errors = [f"{f.path}:{f.line}: {f.code} {f.message}" for f in report.findings
              if f.severity.value == "error"]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("code,file", PLANTED)
def test_planted_findings_show(code, file, tmp_path):
    root = _copy("ms", tmp_path)
    report = run_check(root, AS_OF)
    where = {(f.code, _relative(f.path, root)) for f in report.findings}
    where |= {(f.code, f.path) for f in report.findings}
    assert (code, file) in where, sorted(c for c in where if c[0] == code)


@pytest.mark.parametrize("name", sorted(COUNCILS))
def test_every_evidence_path_exists(name):
    root = COUNCILS[name]
    missing, seen = [], 0
    for file in _yaml_files(root):
        for path, key, value in _walk(_load(file)):
            if key != "evidence":
                continue
            for item in value if isinstance(value, list) else [value]:
                seen += 1
                target = (root / item).resolve()
                inside = root.resolve() in target.parents
                if not (inside and target.is_file()):
                    missing.append(f"{file.relative_to(root)} {'/'.join(map(str, path))}: {item}")
    assert seen > 10
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("name", sorted(COUNCILS))
def test_evidence_files_are_small_and_real(name):
    files = [p for p in (COUNCILS[name] / "evidence").rglob("*") if p.is_file()]
    assert files
    for file in files:
        data = file.read_bytes()
        assert len(data) < 5 * 1024, file
        if file.suffix == ".pdf":
            assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), file
        elif file.suffix == ".png":
            assert data.startswith(b"\x89PNG\r\n\x1a\n"), file


def _member_refs(root: Path):
    """(file, description, id) for every place a file names a member by id."""
    for file in _yaml_files(root):
        rel = file.relative_to(root).as_posix()
        data = _load(file) or {}
        if rel.startswith("meetings/"):
            attendance = data.get("attendance") or {}
            for group in ("present", "absent", "excused"):
                for member in attendance.get(group) or []:
                    yield rel, f"attendance {group}", member
            for index, motion in enumerate(data.get("motions") or []):
                for key in ("moved_by", "seconded_by"):
                    if motion.get(key):
                        yield rel, f"motion {index + 1} {key}", motion[key]
                for group, members in (motion.get("votes") or {}).items():
                    for member in members:
                        yield rel, f"motion {index + 1} votes {group}", member
            # presenters and owners are a member id or a guest's name (with spaces or capitals)
            for item in data.get("agenda") or []:
                if MEMBER_ID.match(item.get("presenter", "")):
                    yield rel, f"presenter of {item['title']!r}", item["presenter"]
            for item in data.get("action_items") or []:
                if MEMBER_ID.match(item.get("owner", "")):
                    yield rel, f"owner of {item['task']!r}", item["owner"]
        elif rel == "reports.yaml":
            for report in data.get("quarterly_reports") or []:
                if report.get("signed_by"):
                    yield rel, f"quarterly report {report['period']}", report["signed_by"]
            plan = data.get("continuation_plan") or {}
            if plan.get("signed_by"):
                yield rel, "continuation plan", plan["signed_by"]
        elif rel == "outreach.yaml":
            for election in data.get("elections") or []:
                for candidate in election.get("candidates") or []:
                    if candidate.get("member"):
                        yield rel, f"candidate {candidate['name']}", candidate["member"]


@pytest.mark.parametrize("name", sorted(COUNCILS))
def test_every_member_reference_resolves(name):
    root = COUNCILS[name]
    roster = _load(root / "roster.yaml")["members"]
    ids = [m["id"] for m in roster]
    assert len(ids) == len(set(ids))
    refs = list(_member_refs(root))
    assert len(refs) > 50
    unknown = [f"{file}: {what}: {member}" for file, what, member in refs if member not in ids]
    assert not unknown, "\n".join(unknown)


@pytest.mark.parametrize("name", sorted(COUNCILS))
def test_attendance_and_votes_agree_with_the_roster(name, tmp_path):
    """Everyone in attendance was a member that day, and every present member's vote is recorded."""
    report = run_check(_copy(name, tmp_path), AS_OF)
    council = report.council
    problems = []
    for meeting in council.meetings:
        if meeting.status != "held" or meeting.kind not in ("regular", "special"):
            continue  # information sessions and the election came before there were members
        assert meeting.attendance, meeting.id
        listed = meeting.attendance.present + meeting.attendance.absent + meeting.attendance.excused
        active = {m.id for m in council.active_members(meeting.date)}
        if set(listed) != active or len(listed) != len(set(listed)):
            problems.append(f"{meeting.id}: attendance {sorted(listed)} vs active {sorted(active)}")
        for motion in meeting.motions:
            if motion.votes and sorted(motion.votes.voters()) != sorted(meeting.attendance.present):
                problems.append(f"{meeting.id}: votes on {motion.text[:40]!r} do not match those present")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(COUNCILS))
def test_students_are_never_named_publicly(name):
    roster = _load(COUNCILS[name] / "roster.yaml")["members"]
    students = [m for m in roster if m["category"] == "student"]
    assert students
    assert all(m.get("public_name") == "false" for m in students)


def test_ms_sample_exercises_what_it_should():
    roster = _load(SAMPLE / "roster.yaml")["members"]
    names = " ".join(m["name"] for m in roster)
    assert any(ord(ch) > 127 for ch in names)  # José Núñez, Nguyễn Thị Lan, Zoë, Renée
    roles = [r for m in roster if not m.get("end_date") for r in m.get("roles", [])]
    assert sorted(roles) == ["chair", "communications-liaison", "secretary", "vice-chair"]
    assert any(m.get("end_date") for m in roster)
    assert len({m["category"] for m in roster}) >= 8


@pytest.mark.parametrize("name", sorted(COUNCILS))
def test_yamllint_relaxed(name):
    from yamllint import linter
    from yamllint.config import YamlLintConfig

    config = YamlLintConfig(
        "extends: relaxed\n"
        "rules:\n"
        "  line-length: disable\n"
        "  truthy: {allowed-values: ['true', 'false'], check-keys: true, level: error}\n"
    )
    problems = []
    for file in _yaml_files(COUNCILS[name]):
        for problem in linter.run(file.read_text(encoding="utf-8"), config, str(file)):
            problems.append(f"{file}:{problem.line}:{problem.column}: {problem.desc} ({problem.rule})")
    assert not problems, "\n".join(problems)
