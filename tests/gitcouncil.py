"""A small Mississippi council in a real git repository, and ways to see what a command did to it."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

COUNCIL_YAML = """
# Who we are. Edited by hand by the district coordinator.
name: Test Elementary CEC
profile: ms-cec
scope: school
district: {name: Test County School District, code: "9999"}
schools:
  - {name: Test Elementary, code: "9999-001", grades: K-5, rating: D}
established: 2025-08-01
meeting_place: Test Elementary library
"""

ROSTER_YAML = """
# Members are never deleted: leaving sets end_date.
members:
  - id: ann-lee
    name: Ann Lee
    category: parent
    roles: [chair]
    start_date: 2025-08-01
  - id: bo-diaz
    name: Bo Diaz
    category: business-leader
    start_date: 2025-08-01
  - id: cy-moss
    name: Cy Moss
    category: faith-based-leader
    start_date: 2025-08-01
  - id: di-park
    name: Di Park
    category: educator
    roles: [secretary]
    start_date: 2025-08-01
  - id: ed-old
    name: Ed Old
    category: retiree
    start_date: 2025-08-01
    end_date: 2025-09-30
"""

MEETING_YAML = """
# First regular meeting of the year.
title: Regular meeting
kind: regular
status: held
date: 2025-10-14
start: "17:30"   # after school pickup
end: "18:45"
location: Room 12, Test Elementary
open_to_public: true
agenda:
  - title: Welcome and call to order
    minutes: 5
    kind: welcome
  - title: Approval of minutes
    minutes: 5
    kind: action
  - title: Review of the school report card
    minutes: 40
    kind: data-review
  - title: Public comment
    minutes: 10
    kind: public-comment
"""

GOALS_YAML = """
# Goals the council set from the data it reviewed.
years:
  "2025-26":
    data_reviewed:
      - source: school-report-card
        date: 2025-10-14
        meeting: 2025-10-14
    goals:
      - id: reading-growth
        statement: More third graders read on grade level.
        data: [school-report-card]
"""

OUTREACH_YAML = """
# How we recruited members.
communications:
  - date: 2025-08-20
    channel: flyer
    purpose: recruitment
"""


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def make_council(tmp_path: Path, files: dict[str, str] | None = None) -> Path:
    """A council in its own git repository, committed, with a configured identity."""
    root = tmp_path / "council"
    base = {
        "council.yaml": COUNCIL_YAML,
        "roster.yaml": ROSTER_YAML,
        "meetings/2025-10-14.yaml": MEETING_YAML,
        "goals.yaml": GOALS_YAML,
        "outreach.yaml": OUTREACH_YAML,
    }
    base.update(files or {})
    for rel, text in base.items():
        if text is None:
            continue
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    git(root, "init", "-q")
    git(root, "config", "user.name", "Di Park")
    git(root, "config", "user.email", "di.park@example.org")
    git(root, "config", "commit.gpgsign", "false")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Start the council.")
    return root


def snapshot(root: Path) -> dict:
    """Every file's bytes (outside .git) and the commit at HEAD: equal snapshots mean nothing changed."""
    files = {p.relative_to(root).as_posix(): p.read_bytes()
             for p in sorted(root.rglob("*")) if p.is_file() and ".git" not in p.relative_to(root).parts}
    return {"files": files, "head": git(root, "rev-parse", "HEAD").strip(),
            "status": git(root, "status", "--porcelain")}


def commits(root: Path) -> int:
    return int(git(root, "rev-list", "--count", "HEAD").strip())


def last_commit(root: Path) -> tuple[str, str, list[str]]:
    """(message, author "Name <email>", paths) of the newest commit."""
    message = git(root, "log", "-1", "--format=%B").strip()
    author = git(root, "log", "-1", "--format=%an <%ae>").strip()
    paths = git(root, "show", "--name-only", "--format=", "HEAD").split()
    return message, author, sorted(paths)


def is_sentence(message: str) -> bool:
    return bool(message) and message[0].isupper() and message.endswith(".") and "\n" not in message


def format_findings(root: Path, as_of: str = "2026-11-22") -> list[tuple[str, int, str]]:
    """CEC001-CEC005 findings of `cec check` on the council (the file-format rules)."""
    import datetime as dt

    from cecli.check import check_council

    report = check_council(root, dt.date.fromisoformat(as_of))
    return [(f.path, f.line, f.code) for f in report.findings
            if f.code in ("CEC001", "CEC002", "CEC003", "CEC004", "CEC005")]
