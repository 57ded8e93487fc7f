"""A newcomer's first hour with cec, as one story: init in a terminal, add members, mistype, fix,
schedule and move a meeting, keep its agenda, undo a slip, lose a file and get it back — every step
through cec's own commands (no YAML edit, no git command), each change one commit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML
from test_prompts import answer, finish, spawn

CEC = str(Path(sys.executable).with_name("cec"))


def test_a_newcomer_runs_the_first_hour_without_yaml_or_git(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    child = spawn(["init", "magnolia"], tmp_path, home)
    answer(child, [
        ("Which state's rules apply", "ms-cec"),
        ("Council name", "Magnolia Elementary CEC"),
        ("Your choice \\[school\\]", ""),
        ("School district name", "Magnolia School District"),
        ("District code", ""),
        ("School name", "Magnolia Elementary"),
        ("Its grades", "K-5"),
        ("letter grade A-F", "D"),
        ("Date the council was formed", "Aug 1 2025"),
        ("Records start", "Aug 1 2025"),
        ("Your name", "Ruth Owens"),
        ("Your email address", "ruth@example.org"),
        ("git config --global.*\\[Y/n\\]", "y"),
    ])
    code, out = finish(child)
    assert code == 0, out
    root = tmp_path / "magnolia"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "CEC_"))}
    env.update(HOME=str(home), GIT_CONFIG_NOSYSTEM="1", NO_COLOR="1", CEC_NO_CACHE="1")

    def cec(*args, expect=0):
        done = subprocess.run([CEC, *args], cwd=root, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == expect, (args, done.stdout, done.stderr)
        return done.stdout + done.stderr

    def commits():
        log = subprocess.run(["git", "log", "--format=%s"], cwd=root, env=env, capture_output=True, text=True)
        return log.stdout.splitlines()

    def one_more(before, *args, expect=0):
        out = cec(*args, expect=expect)
        assert len(commits()) == before + (1 if expect == 0 else 0), (args, out)
        return out

    n = len(commits())
    one_more(n, "member", "add", "--name", "Maria Lopez", "--category", "parent", "--email", "maria@example.org")
    n += 1
    said = one_more(n, "member", "add", "--name", "Ben Tate", "--category", "bussiness-leader", expect=2)
    assert "business-leader" in said  # the mistyped word is refused with the closest one
    one_more(n, "member", "add", "--name", "Ben Tate", "--category", "business-leader", "--email", "ben@example.org")
    n += 1
    one_more(n, "member", "update", "maria-lopez", "--email", "maria.lopez@example.org")
    n += 1
    one_more(n, "meeting", "new", "--date", "Jan 12 2027", "--start", "6pm", "--end", "7:15 PM",
             "--location", "Library")
    n += 1
    one_more(n, "meeting", "edit", "2027-01-12", "--location", "Cafeteria")
    n += 1
    said = one_more(n, "meeting", "move", "2027-01-12", "--to", "1/19/2027")
    n += 1
    assert (root / "meetings" / "2027-01-19.yaml").is_file() and not (root / "meetings" / "2027-01-12.yaml").exists()
    follow = subprocess.run(["git", "log", "--follow", "--format=%s", "--", "meetings/2027-01-19.yaml"],
                            cwd=root, env=env, capture_output=True, text=True).stdout
    assert "Change the place of the meeting of 2027-01-12." in follow
    one_more(n, "meeting", "agenda", "2027-01-19", "add", "--title", "Attendance data & goals", "--minutes", "20")
    n += 1
    assert "Attendance data & goals" in cec("meeting", "agenda", "2027-01-19", "list")
    one_more(n, "meeting", "agenda", "2027-01-19", "add", "--title", "A slip", "--minutes", "5")
    n += 1
    said = one_more(n, "undo")
    n += 1
    assert commits()[0].startswith("Undo: ")
    assert "A slip" not in cec("meeting", "agenda", "2027-01-19", "list")
    roster = root / "roster.yaml"
    kept = roster.read_bytes()
    roster.unlink()  # lost by accident, as a file manager might
    said = one_more(n, "member", "add", "--name", "Cara Diaz", "--category", "retiree", expect=2)
    assert "cec restore roster.yaml" in said
    cec("restore", "roster.yaml")
    assert roster.read_bytes() == kept
    one_more(n, "member", "add", "--name", "Cara Diaz", "--category", "retiree", "--email", "cara@example.org")
    n += 1
    members = YAML(typ="safe").load(roster.read_text(encoding="utf-8"))["members"]
    assert [m["name"] for m in members] == ["Maria Lopez", "Ben Tate", "Cara Diaz"]
    assert members[0]["email"] == "maria.lopez@example.org"
    status = subprocess.run(["git", "status", "--porcelain"], cwd=root, env=env, capture_output=True, text=True)
    assert status.stdout == ""
    authors = subprocess.run(["git", "log", "--format=%an <%ae>"], cwd=root, env=env, capture_output=True, text=True)
    assert set(authors.stdout.split("\n")) - {""} == {"Ruth Owens <ruth@example.org>"}
