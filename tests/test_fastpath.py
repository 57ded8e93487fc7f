"""A warm `cec check` answered from the cache before Typer starts says exactly what the full command says."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLE

CEC = [sys.executable, "-m", "cecli"]


def _run(args, cwd, **env):
    full = dict(os.environ, NO_COLOR="1", **env)
    return subprocess.run([*CEC, *args], cwd=cwd, capture_output=True, text=True, env=full, timeout=120)


@pytest.fixture
def sample(tmp_path) -> Path:
    target = tmp_path / "sample-council"
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns(".cec-cache"))
    return target


@pytest.mark.parametrize("args", [
    ["check", "sample-council", "--as-of", "2026-11-22"],
    ["check", "sample-council", "--as-of=2026-11-22", "--format", "parsable"],
    ["check", "-C", "sample-council", "--as-of", "2026-11-22", "-f", "json", "--strict"],
    ["check", "sample-council", "--as-of", "2026-11-22", "--format", "github"],
    ["check", "sample-council", "--as-of", "2026-11-22", "--format", "sarif"],
    ["check", "sample-council", "--as-of", "2026-11-22", "--format", "junit", "--strict"],
])
def test_cached_answer_is_the_full_answer(sample, args):
    fresh = _run(args, sample.parent, CEC_NO_CACHE="1")
    assert not (sample / ".cec-cache").exists()
    first = _run(args, sample.parent)  # a miss: judged in full, then stored
    assert list((sample / ".cec-cache").glob("check-*.json"))
    cached = _run(args, sample.parent)  # a hit: answered by cecli.fastpath
    assert (fresh.returncode, fresh.stdout) == (first.returncode, first.stdout) == (cached.returncode, cached.stdout)
    assert fresh.stdout and cached.stderr == ""


def test_cached_answer_from_inside_the_council(sample):
    fresh = _run(["check", "--as-of", "2026-11-22"], sample, CEC_NO_CACHE="1")
    _run(["check", "--as-of", "2026-11-22"], sample)
    cached = _run(["check", "--as-of", "2026-11-22"], sample)
    assert cached.stdout == fresh.stdout and cached.returncode == fresh.returncode == 0
    assert "council.yaml\n" in cached.stdout  # files named as the user sees them from here


def test_an_edit_after_the_cached_answer_is_judged_afresh(sample):
    args = ["check", "sample-council", "--as-of", "2026-11-22", "-f", "parsable"]
    _run(args, sample.parent)
    roster = sample / "roster.yaml"
    roster.write_text(roster.read_text(encoding="utf-8").replace("members:", "members: [", 1), encoding="utf-8")
    broken = _run(args, sample.parent)
    assert broken.returncode == 1 and "(CEC001)" in broken.stdout


def test_a_damaged_cache_entry_is_ignored(sample):
    args = ["check", "sample-council", "--as-of", "2026-11-22"]
    expected = _run(args, sample.parent)
    for entry in (sample / ".cec-cache").glob("check-*.json"):
        entry.write_text('{"format": "cec-check-cache/2", "key": "x", "view": 1', encoding="utf-8")
    again = _run(args, sample.parent)
    assert (again.returncode, again.stdout) == (expected.returncode, expected.stdout)


def test_the_fast_path_answers_only_plain_checks():
    from cecli.fastpath import _parse

    assert _parse(["sample", "--as-of", "2026-11-22", "--strict"])["path"] == "sample"
    assert _parse(["--format", "json", "-C", "x"])["council"] == "x"
    for args in (["--help"], ["a", "b"], ["--no-cache"], ["--as-of", "tomorrow"], ["--format", "csv"],
                 ["--details"], ["--as-of"], ["--sort", "errors"]):
        assert _parse(args) is None, args
