"""Shared test helpers: build a tiny council inline, check it, and read findings as (file, line, code)."""

from __future__ import annotations

import os

os.environ.setdefault("_TYPER_FORCE_DISABLE_TERMINAL", "1")
os.environ.setdefault("NO_COLOR", "1")

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample-council"


def write_council(root: Path, files: dict[str, str]) -> Path:
    """Write files (relative path -> YAML text, dedented) into `root` and return it."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            continue
        target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def run_check(root: Path, as_of: str | dt.date = "2026-11-22"):
    from cecli.check import check_council

    if isinstance(as_of, str):
        as_of = dt.date.fromisoformat(as_of)
    return check_council(root, as_of)


def found(report, code: str | None = None) -> list[tuple[str, int, str]]:
    """The findings as (file, line, code), optionally only one code."""
    return [(f.path, f.line, f.code) for f in report.findings if code is None or f.code == code]


def invoke(args: list[str], **kwargs):
    from typer.testing import CliRunner

    from cecli.cli import app

    return CliRunner().invoke(app, [str(a) for a in args], prog_name="cec", **kwargs)


@pytest.fixture
def council(tmp_path):
    """A function: council({"council.yaml": "...", ...}) -> path of a new council folder."""

    def make(files: dict[str, str]) -> Path:
        return write_council(tmp_path / "council", files)

    return make


@pytest.fixture
def sample(tmp_path) -> Path:
    """A private copy of sample-council/ (not a git repository)."""
    target = tmp_path / "sample-council"
    shutil.copytree(SAMPLE, target)
    return target


MS_COUNCIL = """
name: Test Elementary CEC
profile: ms-cec
scope: school
district: {name: Test County School District, code: "9999"}
schools:
  - {name: Test Elementary, code: "9999-001", grades: K-5, rating: D}
established: 2025-08-01
"""

NY_COUNCIL = """
name: Test Middle School CET
profile: ny-cet
scope: school
district: {name: Test City School District}
schools:
  - {name: Test Middle School, grades: 6-8}
designated: 2025-08-15
established: 2025-09-10
"""
