"""`cec check --format sarif|junit`: what code scanning and CI test reports read, validated by their own tools.

The SARIF 2.1.0 schema comes from the npm package @microsoft/jest-sarif, which .ci/run installs into
.ci/node_modules; JUnit XML is read back with junitparser, a parser cec does not use itself.
"""

from __future__ import annotations

import json
import shutil

from conftest import REPO, SAMPLE, invoke

SARIF_SCHEMA = REPO / ".ci" / "node_modules" / "@microsoft" / "jest-sarif" / "lib" / "schemas" / "sarif-2.1.0-rtm.5.json"


def _sarif_schema() -> dict:
    assert SARIF_SCHEMA.is_file(), (
        f"{SARIF_SCHEMA} is missing: install it with `npm install --prefix .ci @microsoft/jest-sarif` (.ci/run does)")
    return json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))


def _validate_sarif(log: dict) -> None:
    import jsonschema

    jsonschema.Draft4Validator(_sarif_schema()).validate(log)


def test_sarif_of_the_sample_validates_and_carries_every_finding(monkeypatch):
    monkeypatch.chdir(REPO)
    text = invoke(["check", "sample-council", "--as-of", "2026-11-22", "--format", "json"]).output
    expected = json.loads(text)["findings"]
    result = invoke(["check", "sample-council", "--as-of", "2026-11-22", "--format", "sarif"])
    assert result.exit_code == 0, result.output
    log = json.loads(result.output)
    _validate_sarif(log)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "cec"
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        (f["code"], {"info": "note"}.get(f["severity"], f["severity"])) for f in expected]
    rules = run["tool"]["driver"]["rules"]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"] == "sample-council/" + expected[0]["path"]
    assert first["region"]["startLine"] == expected[0]["line"]
    assert "Zoë Fairchild has no email address." in {r["message"]["text"].split(" Add")[0] for r in results}


def test_sarif_of_a_broken_council_points_at_the_line(tmp_path, monkeypatch):
    council = tmp_path / "broken"
    shutil.copytree(SAMPLE, council)
    (council / "roster.yaml").write_text("members:\n  - id: a\n   name: B\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", "broken", "--as-of", "2026-11-22", "--format", "sarif"])
    assert result.exit_code == 1
    log = json.loads(result.output)
    _validate_sarif(log)
    errors = [r for r in log["runs"][0]["results"] if r["level"] == "error"]
    assert errors and errors[0]["ruleId"] == "CEC001"
    loc = errors[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "broken/roster.yaml"
    assert loc["region"]["startLine"] == 3


def test_sarif_over_many_councils_validates(tmp_path, monkeypatch):
    for name in ("north", "south"):
        shutil.copytree(SAMPLE, tmp_path / "councils" / name)
    (tmp_path / "councils" / "south" / "council.yaml").write_text("name: [\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", "councils", "--as-of", "2026-11-22", "--format", "sarif", "--no-cache"])
    log = json.loads(result.output)
    _validate_sarif(log)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert "councils/north/roster.yaml" in uris
    assert "councils/south/council.yaml" in uris


def test_junit_is_read_back_by_junitparser_and_counts_failures(tmp_path, monkeypatch):
    from junitparser import JUnitXml

    monkeypatch.chdir(REPO)
    plain = invoke(["check", "sample-council", "--as-of", "2026-11-22", "--format", "junit"])
    strict = invoke(["check", "sample-council", "--as-of", "2026-11-22", "--format", "junit", "--strict"])
    assert plain.exit_code == 0 and strict.exit_code == 1
    for result, failures in ((plain, 0), (strict, 4)):  # the sample has no errors and 4 warnings
        path = tmp_path / "report.xml"
        path.write_text(result.output, encoding="utf-8")
        xml = JUnitXml.fromfile(str(path))
        suites = list(xml)
        assert len(suites) == 1
        suite = suites[0]
        assert suite.name == "Sweetgum Hollow Elementary Community Engagement Council"
        assert suite.tests == 6 and suite.failures == failures and suite.errors == 0
        failed = [case.name for case in suite if not case.is_passed]
        assert len(failed) == failures
        if failures:
            assert any(name.startswith("CEC107 sample-council/roster.yaml:") for name in failed)


def test_junit_escapes_user_text(tmp_path, monkeypatch):
    from junitparser import JUnitXml

    from conftest import MS_COUNCIL, write_council

    write_council(tmp_path / "c", {"council.yaml": MS_COUNCIL.replace("Test Elementary CEC", "A & B <CEC>"),
                                   "roster.yaml": "members: []\n"})
    monkeypatch.chdir(tmp_path)
    result = invoke(["check", "c", "--as-of", "2025-08-02", "--format", "junit"])
    path = tmp_path / "report.xml"
    path.write_text(result.output, encoding="utf-8")
    suite = list(JUnitXml.fromfile(str(path)))[0]
    assert suite.name == "A & B <CEC>"
    assert suite.tests == len(json.loads(invoke(["check", "c", "--as-of", "2025-08-02", "--format", "json"]).output)["findings"])


def test_junit_of_a_council_with_nothing_to_report_has_one_passing_case():
    from cecli.render.ci import Judged, junit

    xml = junit([Judged(name="Quiet CEC", label="quiet", findings=[])])
    assert '<testsuite name="Quiet CEC" tests="1" failures="0" errors="0" skipped="0">' in xml
    assert '<testcase classname="quiet" name="cec check"/>' in xml


def test_junit_drops_characters_xml_cannot_carry():
    import xml.etree.ElementTree as ET

    from cecli.render.ci import Judged, junit

    finding = {"code": "CEC002", "severity": "error", "path": "roster.yaml", "where": "c/roster.yaml", "line": 2,
               "column": 3, "message": "A bell \x07 in <text> & more", "hint": "", "source": ""}
    root = ET.fromstring(junit([Judged(name="C", label="c", findings=[finding])]).encode("utf-8"))
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == "A bell  in <text> & more"


def _yaml(path):
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_pre_commit_hooks_run_cec_check_as_written(tmp_path):
    """Each hook's entry, run the way pre-commit runs it (in the repository, no file names), judges the council."""
    import re
    import shlex
    import subprocess
    import sys
    from pathlib import Path

    hooks = {h["id"]: h for h in _yaml(REPO / ".pre-commit-hooks.yaml")}
    assert set(hooks) == {"cec-check", "cec-check-strict"}
    council = tmp_path / "council"
    shutil.copytree(SAMPLE, council)
    cec = Path(sys.executable).parent / "cec"
    for hook_id, expected in (("cec-check", 0), ("cec-check-strict", 1)):  # the sample has warnings, no errors
        hook = hooks[hook_id]
        assert hook["language"] == "python" and hook["pass_filenames"] is False
        files = re.compile(hook["files"])
        assert files.search("roster.yaml") and files.search("meetings/2026-12-08.yaml")
        assert not files.search("README.md")
        argv = shlex.split(hook["entry"])
        assert argv[0] == "cec"
        done = subprocess.run([str(cec), *argv[1:]], cwd=council, capture_output=True, text=True)
        assert done.returncode == expected, done.stdout + done.stderr
        assert "(CEC107)" in done.stdout


def test_github_workflow_uses_formats_cec_has():
    workflow = _yaml(REPO / "docs" / "ci" / "cec-check.yml")
    steps = workflow["jobs"]["check"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert "cec check --format github" in runs
    assert any(r.startswith("cec check --format sarif > cec.sarif") for r in runs)
    upload = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    assert upload and upload[0]["with"]["sarif_file"] == "cec.sarif"
    assert workflow["permissions"]["security-events"] == "write"
    help_text = invoke(["check", "--help"]).output
    for fmt in ("github", "sarif", "junit"):
        assert fmt in help_text
