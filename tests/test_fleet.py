"""cec check over a folder of many councils: one row per council, sorted, as text, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest

from conftest import REPO, invoke

sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402


@pytest.fixture
def councils(tmp_path, monkeypatch):
    """Four generated councils (two Mississippi, two New York), the third with a broken council.yaml."""
    monkeypatch.setenv("CEC_NO_CACHE", "1")
    root = tmp_path / "state"
    folders = generate.generate(root, 4, seed=3)
    (folders[2] / "council.yaml").write_text("name: [Broken\n", encoding="utf-8")
    # an error in the fourth council: a member id no one has
    meeting = sorted((folders[3] / "meetings").glob("*.yaml"))[0]
    text = meeting.read_text(encoding="utf-8").replace("  present: [", "  present: [nobody-here, ", 1)
    meeting.write_text(text, encoding="utf-8")
    return root, folders


def _rel(root, folder) -> str:
    return folder.relative_to(root).as_posix()


def test_table_has_a_row_per_council_and_the_broken_one_is_reported(councils):
    root, folders = councils
    result = invoke(["check", root, "--as-of", "2026-11-22"])
    lines = result.output.splitlines()
    assert lines[0].split()[:4] == ["Council", "District", "Profile", "Year"]
    for folder in folders:
        assert any(line.startswith(_rel(root, folder)) for line in lines[1:5])
    broken = next(line for line in lines if line.startswith(_rel(root, folders[2])))
    assert broken.split()[1:3] == ["-", "-"]  # no district, no profile: council.yaml could not be read
    assert f"{_rel(root, folders[2])}: council.yaml:" in result.output
    assert "4 councils as of 2026-11-22" in result.output
    assert result.exit_code == 1  # the worst council has errors


def test_councils_are_found_at_any_depth(tmp_path, monkeypatch):
    monkeypatch.setenv("CEC_NO_CACHE", "1")
    generate.write_council(tmp_path / "a", generate.council_files(0, generate.random.Random(1)))
    generate.write_council(tmp_path / "x" / "y" / "z" / "b", generate.council_files(1, generate.random.Random(1)))
    data = json.loads(invoke(["check", tmp_path, "--as-of", "2026-11-22", "--format", "json"]).output)
    assert [c["council"] for c in data["councils"]] == ["a", "x/y/z/b"]


def test_json_shape(councils):
    root, folders = councils
    result = invoke(["check", root, "--as-of", "2026-11-22", "--format", "json"])
    data = json.loads(result.output)
    assert data["schema"] == "cec-check-many/1"
    assert data["as_of"] == "2026-11-22"
    assert data["summary"]["councils"] == 4
    assert data["summary"]["exit_code"] == result.exit_code == 1
    first, broken, ny = data["councils"][0], data["councils"][2], data["councils"][1]
    assert first["profile"] == "ms-cec" and first["district"].endswith("School District")
    assert first["meetings"]["needed"] == 6 and isinstance(first["meetings"]["held"], int)
    assert first["evidence"]["of"] == 7 and 0 <= first["evidence"]["ready"] <= 7
    assert ny["profile"] == "ny-cet" and ny["evidence"] is None and ny["meetings"]["needed"] == 4
    assert broken["profile"] is None and broken["problem"].startswith("council.yaml:")
    assert broken["exit_code"] == 1
    assert [f["code"] for f in broken["findings"]] == ["CEC001"]
    assert {"code", "severity", "path", "line", "column", "message"} <= set(broken["findings"][0])


def test_csv_shape(councils):
    root, folders = councils
    result = invoke(["check", root, "--as-of", "2026-11-22", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 4
    assert rows[0]["council"] == _rel(root, folders[0])
    assert rows[0]["profile"] == "ms-cec" and rows[0]["evidence_of"] == "7"
    assert rows[1]["evidence_ready"] == "" and rows[1]["meetings_needed"] == "4"
    assert rows[2]["problem"].startswith("council.yaml:") and rows[2]["exit_code"] == "1"


def test_sort_by_errors_puts_the_worst_first(councils):
    root, folders = councils
    data = json.loads(invoke(["check", root, "--as-of", "2026-11-22", "--format", "json", "--sort", "errors"]).output)
    errors = [c["summary"]["errors"] for c in data["councils"]]
    assert errors == sorted(errors, reverse=True) and errors[0] >= 1


def test_sort_by_district_and_an_unknown_sort(councils):
    root, _ = councils
    data = json.loads(invoke(["check", root, "--as-of", "2026-11-22", "--format", "json", "--sort", "district"]).output)
    districts = [c["district"].lower() for c in data["councils"]]
    assert districts == sorted(districts)
    result = invoke(["check", root, "--sort", "colour"])
    assert result.exit_code == 2


def test_details_lists_each_councils_findings(councils):
    root, folders = councils
    plain = invoke(["check", root, "--as-of", "2026-11-22"]).output
    detailed = invoke(["check", root, "--as-of", "2026-11-22", "--details"]).output
    assert detailed.startswith(plain.rstrip("\n"))
    assert "No member has the id `nobody-here`" in detailed
    assert "(CEC004)" in detailed and "(CEC001)" in detailed


def test_parsable_and_github_paths_are_relative_to_the_folder(councils):
    root, folders = councils
    lines = invoke(["check", root, "--as-of", "2026-11-22", "--format", "parsable"]).output.splitlines()
    assert f"{_rel(root, folders[2])}/council.yaml:" in "\n".join(lines)
    assert any(line.startswith(f"{_rel(root, folders[3])}/meetings/") and "(CEC004)" in line for line in lines)
    gh = invoke(["check", root, "--as-of", "2026-11-22", "--format", "github"]).output
    assert f"file={_rel(root, folders[2])}/council.yaml" in gh


def test_exit_code_is_the_worst_councils(tmp_path, monkeypatch):
    monkeypatch.setenv("CEC_NO_CACHE", "1")
    generate.generate(tmp_path, 2, seed=5)
    clean = invoke(["check", tmp_path, "--as-of", "2026-11-22", "--format", "json"])
    worst = max(c["exit_code"] for c in json.loads(clean.output)["councils"])
    assert clean.exit_code == worst


def test_a_council_cec_cannot_check_is_a_row_and_the_rest_are_checked(councils, monkeypatch):
    from cecli import check

    root, folders = councils
    real = check.judge_council

    def judge(path, as_of):
        if path.name == folders[0].name:
            raise RuntimeError("boom")
        return real(path, as_of)

    monkeypatch.setattr(check, "judge_council", judge)
    from cecli import fleet

    rows = fleet.check_many(root, __import__("datetime").date(2026, 11, 22), workers=1)
    assert [r.crashed for r in rows] == [True, False, False, False]
    assert "RuntimeError: boom" in rows[0].problem
    assert fleet.exit_code(rows) == 3
    assert rows[1].profile == "ny-cet"


def test_many_councils_use_worker_processes_and_agree_with_one_process(tmp_path, monkeypatch):
    from cecli import fleet

    monkeypatch.setenv("CEC_NO_CACHE", "1")
    generate.generate(tmp_path, fleet.PARALLEL_FROM, seed=9)
    day = __import__("datetime").date(2026, 11, 22)
    parallel = fleet.check_many(tmp_path, day, workers=2)
    serial = fleet.check_many(tmp_path, day, workers=1)
    assert parallel == serial
    assert len(parallel) == fleet.PARALLEL_FROM


def test_an_empty_folder_is_not_a_council(tmp_path):
    result = invoke(["check", tmp_path])
    assert result.exit_code == 2
