"""Every command that asks questions, answered through a real pseudo-terminal (pexpect), as a person would.

Each run starts the installed `cec` program with HOME set to a fresh folder and GIT_CONFIG_NOSYSTEM=1,
so the user's own git configuration is neither read nor changed. A bad answer must be explained and
asked again; the end of input (Ctrl-D) stops the command with exit 2 and writes nothing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest
from gitcouncil import git, last_commit, make_council, snapshot
from ruamel.yaml import YAML

CEC = str(Path(sys.executable).with_name("cec"))


@pytest.fixture
def home(tmp_path):
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def spawn(args, cwd, home):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "CEC_"))}
    env.update(HOME=str(home), GIT_CONFIG_NOSYSTEM="1", NO_COLOR="1", TERM="dumb",
               CEC_NO_CACHE="1")
    child = pexpect.spawn(CEC, [str(a) for a in args], cwd=str(cwd), env=env, encoding="utf-8",
                          timeout=30, dimensions=(40, 250))
    return child


def finish(child) -> tuple[int, str]:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, child.before


def answer(child, pairs):
    """Wait for each question (a regular expression) and type its answer."""
    for question, reply in pairs:
        child.expect(question)
        child.sendline(reply)


def load(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_init_in_a_terminal_asks_everything_again_after_bad_answers_and_saves_the_identity(tmp_path, home):
    child = spawn(["init", "newc"], tmp_path, home)
    answer(child, [
        ("Which state's rules apply", "texas"),        # not a choice: asked again
        ("not one of the choices.*Your choice", "2"),  # by number (1 is ca-ssc, 2 ms-cec)
        ("Council name", "Test Elementary CEC"),
        ("1. school.*Your choice \\[school\\]", ""),   # the default
        ("School district name", "Test County School District"),
        ("District code", ""),
        ("School name", "Test Elementary"),
        ("Its grades", "K-5"),
        ("letter grade A-F", "E"),
        ("is not a letter grade.*letter grade A-F", "d"),
        ("Date the council was formed", "12/8"),
        ("is not a whole date.*Dec 8 2026.*Date the council was formed", "Aug 1 2025"),
        ("Records start", "July 1, 2025"),
        ("git does not know you yet.*Your name", "Ann Lee"),
        ("Your email address", "ann@@example.org"),
        ("is not an email address.*Your email address", "ann.lee@example.org"),
        ("git config --global.*\\[Y/n\\]", ""),
    ])
    code, out = finish(child)
    assert code == 0, out
    assert "Created the council records for Test Elementary CEC" in out
    info = load(tmp_path / "newc/council.yaml")
    assert info["profile"] == "ms-cec" and info["scope"] == "school"
    assert info["schools"] == [{"name": "Test Elementary", "grades": "K-5", "rating": "D"}]
    assert str(info["established"]) == "2025-08-01" and str(info["records_start"]) == "2025-07-01"
    message, author, _ = last_commit(tmp_path / "newc")
    assert author == "Ann Lee <ann.lee@example.org>"
    assert "name = Ann Lee" in (home / ".gitconfig").read_text() and "ann.lee@example.org" in (home / ".gitconfig").read_text()


def test_init_identity_can_be_used_once_without_saving_it(tmp_path, home):
    child = spawn(["init", "newc", "--profile", "ny-cet", "--name", "PS 1 CET", "--scope", "school", "--school", "PS 1|K-5",
                   "--district", "NYC", "--district-code", "", "--established", "2025-09-01",
                   "--designated", "2025-06-30"], tmp_path, home)
    answer(child, [("Records start", ""), ("Your name", "Bo Diaz"), ("Your email address", "bo@example.org"),
                   ("\\[Y/n\\]", "maybe"), ("please answer yes or no.*\\[Y/n\\]", "n")])
    code, out = finish(child)
    assert code == 0, out
    assert "Not saved" in out
    assert last_commit(tmp_path / "newc")[1] == "Bo Diaz <bo@example.org>"
    assert not (home / ".gitconfig").exists()
    assert "records_start" not in load(tmp_path / "newc/council.yaml")


def test_the_end_of_input_stops_init_with_exit_2_and_writes_nothing(tmp_path, home):
    child = spawn(["init", "newc"], tmp_path, home)
    answer(child, [("Your choice", "ms-cec")])
    child.expect("Council name")
    child.sendeof()
    code, out = finish(child)
    assert code == 2
    assert "The input ended before every question was answered, so cec stopped. Nothing was written." in out
    assert "Traceback" not in out
    assert not (tmp_path / "newc").exists()


def test_meeting_new_asks_for_the_date_again_until_it_is_clear(tmp_path, home):
    root = make_council(tmp_path)
    child = spawn(["meeting", "new", "--start", "6pm"], root, home)
    answer(child, [("Date of the meeting", "12/8"),
                   ("no year|not a whole date", "8/12/26"),
                   ("two-digit year.*Date of the meeting", "Dec 8 2026")])
    code, out = finish(child)
    assert code == 0, out
    text = (root / "meetings/2026-12-08.yaml").read_text(encoding="utf-8")
    assert "date: 2026-12-08" in text and 'start: "18:00"' in text


def test_attendance_checklist_asks_again_after_a_number_not_on_the_list(tmp_path, home):
    root = make_council(tmp_path)
    child = spawn(["meeting", "attendance", "2025-10-14"], root, home)
    answer(child, [("members present", "1-2,9"),
                   ("9 is not a number from the list \\(1 to 4\\).*members present", "1-2,4"),
                   ("excused", "4"),
                   ("already given.*excused", "3"),
                   ("public came \\[0\\]", "some"),
                   ("not a whole number.*public came", "5")])
    code, out = finish(child)
    assert code == 0, out
    attendance = load(root / "meetings/2025-10-14.yaml")["attendance"]
    assert attendance == {"present": ["ann-lee", "bo-diaz", "di-park"], "excused": ["cy-moss"], "guests": 5}


def test_member_import_confirms_in_a_terminal(tmp_path, home):
    root = make_council(tmp_path)
    roster = tmp_path / "roster.csv"
    roster.write_text("Name,Category,Email\nRuth Owens,parent,ruth@example.org\n", encoding="utf-8")
    before = snapshot(root)
    child = spawn(["member", "import", roster], root, home)
    answer(child, [("Import these.*\\[y/N\\]", "perhaps"), ("yes or no.*\\[y/N\\]", "")])
    code, out = finish(child)
    assert code == 0 and "Nothing was imported." in out
    assert snapshot(root) == before
    child = spawn(["member", "import", roster], root, home)
    answer(child, [("\\[y/N\\]", "y")])
    code, out = finish(child)
    assert code == 0, out
    assert any(m["name"] == "Ruth Owens" for m in load(root / "roster.yaml")["members"])
    assert git(root, "status", "--porcelain").strip() == ""

