"""The results cache: an unchanged council is not judged again; any change judges it afresh."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from conftest import REPO, invoke

sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402

DAY = dt.date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _fresh_code_digest():
    yield
    from cecli import cache

    cache.code_digest.cache_clear()


@pytest.fixture
def one(tmp_path, monkeypatch):
    monkeypatch.delenv("CEC_NO_CACHE", raising=False)
    folder = tmp_path / "council"
    generate.write_council(folder, generate.council_files(0, generate.random.Random(4)))
    return folder


@pytest.fixture
def judged(monkeypatch):
    """Count how often councils are really loaded and judged."""
    from cecli import check

    calls = []
    real = check.judge_council

    def judge(path, as_of):
        calls.append(path)
        return real(path, as_of)

    monkeypatch.setattr(check, "judge_council", judge)
    return calls


def _findings(report):
    return [f.as_dict() for f in report.findings]


def test_a_hit_returns_the_same_report_without_judging(one, judged):
    from cecli.check import check_council

    first = check_council(one, DAY, cache=True)
    second = check_council(one, DAY, cache=True)
    assert len(judged) == 1
    assert _findings(second) == _findings(first) and first.findings
    assert second.upcoming() == first.upcoming()
    assert second.council.name == first.council.name
    assert second.school_year == first.school_year
    assert list((one / ".cec-cache").glob("check-*.json"))


def test_the_cli_shows_the_same_output_from_the_cache(one):
    cold = invoke(["check", one, "--as-of", "2026-11-22", "--format", "json"])
    warm = invoke(["check", one, "--as-of", "2026-11-22", "--format", "json"])
    assert warm.output == cold.output and warm.exit_code == cold.exit_code
    text_cold = invoke(["check", one, "--as-of", "2026-11-22", "--no-cache"]).output
    text_warm = invoke(["check", one, "--as-of", "2026-11-22"]).output
    assert text_warm == text_cold


@pytest.mark.parametrize("change", ["edit", "new-meeting", "delete", "evidence"])
def test_any_change_to_a_file_invalidates(one, judged, change):
    from cecli.check import check_council

    check_council(one, DAY, cache=True)
    if change == "edit":
        roster = one / "roster.yaml"
        roster.write_text(roster.read_text().replace("category: parent", "category: parnet", 1))
    elif change == "new-meeting":
        (one / "meetings" / "2026-11-20.yaml").write_text("date: 2026-11-20\nstatus: scheduled\n")
    elif change == "delete":
        (one / "goals.yaml").unlink()
    else:
        (one / "evidence").mkdir(exist_ok=True)
        (one / "evidence" / "flyer.pdf").write_bytes(b"%PDF new")
    report = check_council(one, DAY, cache=True)
    assert len(judged) == 2
    if change == "edit":
        assert any(f.code == "CEC002" and "parnet" in f.message for f in report.findings)


def test_another_as_of_date_is_another_entry(one, judged):
    from cecli.check import check_council

    check_council(one, DAY, cache=True)
    check_council(one, DAY + dt.timedelta(days=1), cache=True)
    check_council(one, DAY, cache=True)
    assert len(judged) == 2


def test_a_new_version_or_changed_rules_invalidate(one, judged, monkeypatch):
    import cecli
    from cecli import cache
    from cecli.check import check_council

    check_council(one, DAY, cache=True)
    monkeypatch.setattr(cecli, "__version__", "99.0.0")
    cache.code_digest.cache_clear()
    check_council(one, DAY, cache=True)
    assert len(judged) == 2
    monkeypatch.setattr(cache, "code_digest", lambda: "rules edited")
    check_council(one, DAY, cache=True)
    assert len(judged) == 3


def test_the_code_digest_covers_the_rules_and_the_profiles():
    from cecli import cache

    cache.code_digest.cache_clear()
    first = cache.code_digest()
    assert first == cache.code_digest()
    package = REPO / "src" / "cecli"
    assert (package / "rules" / "files.py").is_file() and (package / "profiles" / "ms-cec.yaml").is_file()


def test_no_cache_judges_every_time_and_writes_nothing(one, judged):
    from cecli.check import check_council

    check_council(one, DAY)
    report = check_council(one, DAY)
    assert len(judged) == 2
    assert not (one / ".cec-cache").exists()
    result = invoke(["check", one, "--as-of", "2026-11-22", "--no-cache"])
    assert result.exit_code == report.exit_code()
    assert not (one / ".cec-cache").exists()


def test_many_councils_use_the_cache_and_no_cache(tmp_path, judged, monkeypatch):
    from cecli import fleet

    monkeypatch.delenv("CEC_NO_CACHE", raising=False)
    generate.generate(tmp_path, 3, seed=2)
    cold = fleet.check_many(tmp_path, DAY, workers=1)
    warm = fleet.check_many(tmp_path, DAY, workers=1)
    assert len(judged) == 3
    assert [r.cached for r in warm] == [True] * 3
    for a, b in zip(cold, warm):
        a.cached = b.cached = False
        assert a == b
    fleet.check_many(tmp_path, DAY, workers=1, use_cache=False)
    assert len(judged) == 6


def _git(folder, *args):
    env = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin:/usr/local/bin"}
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def test_uncommitted_changes_stay_correct_with_the_cache(one):
    """CEC007 depends on git, not on the files: committing must change the answer even from the cache."""
    from cecli.check import check_council

    def cec007(report):
        return sorted(f.path for f in report.findings if f.code == "CEC007")

    _git(one, "init", "-q")
    before = check_council(one, DAY, cache=True)
    assert "roster.yaml" in cec007(before)
    _git(one, "add", "-A")
    _git(one, "commit", "-q", "-m", "Start.")
    assert cec007(check_council(one, DAY, cache=True)) == []
    (one / "roster.yaml").write_text((one / "roster.yaml").read_text() + "# a note\n")
    assert cec007(check_council(one, DAY, cache=True)) == ["roster.yaml"]
    _git(one, "commit", "-q", "-am", "Note.")
    assert cec007(check_council(one, DAY, cache=True)) == []
    assert ".cec-cache" not in json.dumps(cec007(check_council(one, DAY, cache=True)))
