"""cec member: add, update, end, list, import; each a checked change and one commit."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap

import pytest

from conftest import invoke
from test_init import MS
from test_store import commits, git, last_commit_files, no_global_git, snapshot

WHO = "Dana Secretary <dana@example.org>"


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.setenv("CEC_AUTHOR", WHO)
    path = tmp_path / "council"
    assert invoke(["init", path, *MS]).exit_code == 0
    return path


def cec(root, *args):
    result = invoke([*args, "--council", root])
    return result


def test_add_makes_one_commit_with_a_sentence(root):
    result = cec(root, "member", "add", "--name", "Ann Lee", "--category", "parent", "--role", "chair",
                 "--email", "ann@example.org", "--start", "2025-08-01", "--selected-by", "election")
    assert result.exit_code == 0, result.output
    assert commits(root)[0] == "Add member Ann Lee."
    assert last_commit_files(root) == ["roster.yaml"]
    assert git(root, "log", "-1", "--format=%an <%ae>").strip() == WHO
    assert "  - id: ann-lee\n    name: Ann Lee\n    category: parent\n    roles:\n      - chair\n" in (
        root / "roster.yaml").read_text()


def test_ids_are_made_from_names_and_de_duplicated(root):
    for same in ([], ["--same-name-ok"]):
        assert cec(root, "member", "add", "--name", "José Núñez", "--category", "parent", *same).exit_code == 0
    listed = json.loads(cec(root, "member", "list", "--all", "--json").output)
    assert [m["id"] for m in listed] == ["jose-nunez", "jose-nunez-2"]


@pytest.mark.parametrize("args, words", [
    (["--category", "parnt"], "Did you mean `parent`?"),
    (["--category", "parent", "--start", "2025-13-01"], "not a real date"),
    (["--category", "parent", "--start", "10/14"], "YYYY-MM-DD"),
    (["--category", "parent", "--role", "boss"], "officer role"),
    (["--category", "parent", "--id", "Ann Lee"], "not a usable id"),
])
def test_bad_input_is_refused_and_nothing_is_written(root, args, words):
    before = snapshot(root)
    result = cec(root, "member", "add", "--name", "Ann Lee", *args)
    assert result.exit_code == 2
    assert words in result.output
    assert snapshot(root) == before and len(commits(root)) == 1


def test_update_changes_only_the_given_fields(root):
    cec(root, "member", "add", "--name", "Ann Lee", "--category", "parent", "--start", "2025-08-01")
    before = (root / "roster.yaml").read_text()
    result = cec(root, "member", "update", "ann-lee", "--phone", "601-555-0100")
    assert result.exit_code == 0, result.output
    assert commits(root)[0] == "Update member Ann Lee (phone)."
    after = (root / "roster.yaml").read_text()
    assert after == before.replace("    start_date:", "    phone: 601-555-0100\n    start_date:")


def test_unknown_member_id_is_refused_with_a_suggestion(root):
    cec(root, "member", "add", "--name", "Ann Lee", "--category", "parent")
    before = snapshot(root)
    for args in (["update", "ann-le", "--phone", "1"], ["end", "ann-le", "--date", "2026-01-01"]):
        result = cec(root, "member", *args)
        assert result.exit_code == 2
        assert "No member has the id `ann-le`" in result.output and "Did you mean `ann-lee`?" in result.output
    assert snapshot(root) == before


def test_end_keeps_the_member_and_their_roles(root):
    cec(root, "member", "add", "--name", "Ann Lee", "--category", "parent", "--role", "chair", "--start", "2025-08-01")
    assert cec(root, "member", "end", "ann-lee", "--date", "2025-07-31").exit_code == 2  # before the start
    result = cec(root, "member", "end", "ann-lee", "--date", "2026-01-31")
    assert result.exit_code == 0, result.output
    assert commits(root)[0] == "End Ann Lee's membership on 2026-01-31 (and the chair role)."
    text = (root / "roster.yaml").read_text()
    assert "    start_date: 2025-08-01\n    end_date: 2026-01-31\n" in text
    assert "      - role: chair\n        end_date: 2026-01-31\n" in text  # kept as history, ended the same day
    assert cec(root, "member", "list", "--as-of", "2026-02-01").output.startswith("No members")
    table = cec(root, "member", "list", "--as-of", "2026-01-31").output
    assert "ann-lee" in table and "2025-08-01 to 2026-01-31" in table
    assert cec(root, "member", "end", "ann-lee", "--date", "2026-02-01").exit_code == 2  # already ended


def test_no_identity_is_refused_and_nothing_changes(root, tmp_path, monkeypatch):
    no_global_git(tmp_path, monkeypatch)
    before = snapshot(root)
    result = cec(root, "member", "add", "--name", "Ann Lee", "--category", "parent")
    assert result.exit_code == 2
    assert 'git config user.name "Your Name"' in result.output and "CEC_AUTHOR" in result.output
    assert snapshot(root) == before and len(commits(root)) == 1


def test_a_held_index_lock_is_refused_and_nothing_changes(root):
    (root / ".git" / "index.lock").write_text("")
    before = snapshot(root)
    result = cec(root, "member", "add", "--name", "Ann Lee", "--category", "parent")
    assert result.exit_code == 2 and "index.lock" in result.output
    assert snapshot(root) == before
    assert (root / ".git" / "index.lock").exists()


def test_author_option_wins(root):
    cec(root, "member", "add", "--name", "Ann Lee", "--category", "parent", "--author", "Ann Lee <ann@example.org>")
    assert git(root, "log", "-1", "--format=%an <%ae>|%cn <%ce>").strip() == (
        "Ann Lee <ann@example.org>|Ann Lee <ann@example.org>")


ROSTER_CSV = """\
Full Name,E-mail Address,Phone,Representing,Office,Start Date,Selected By,Shirt Size
Ann Lee,ann@example.org,601-555-0100,Parent,Chair,2025-08-01,Election,M
Bob Roe,bob@example.org,,Business Leader,,8/1/2025,appointment,L
Carol Diaz,,,faith-based-leader,Vice Chair,2025-08-15,,S
"""


def write(tmp_path, text, name="roster.csv"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def test_import_previews_then_makes_one_commit(root, tmp_path):
    cec(root, "member", "add", "--name", "Ann Lee", "--category", "parent", "--start", "2025-08-01")
    result = invoke(["member", "import", write(tmp_path, ROSTER_CSV), "--yes", "--council", root])
    assert result.exit_code == 0, result.output
    assert "add     bob-roe: Bob Roe (business-leader)" in result.output
    assert "update  ann-lee:" in result.output and "Columns not imported: Shirt Size" in result.output
    assert commits(root)[0] == "Import 3 members from roster.csv (2 added, 1 updated)."
    assert len(commits(root)) == 3 and last_commit_files(root) == ["roster.yaml"]
    listed = {m["id"]: m for m in json.loads(cec(root, "member", "list", "--all", "--json").output)}
    assert listed["bob-roe"]["start_date"] == "2025-08-01"
    assert listed["carol-diaz"]["roles"] == ["vice-chair"]
    assert listed["ann-lee"]["roles"] == ["chair"] and listed["ann-lee"]["email"] == "ann@example.org"
    again = invoke(["member", "import", tmp_path / "roster.csv", "--yes", "--council", root])
    assert again.exit_code == 0 and "Nothing to import" in again.output and len(commits(root)) == 3


def test_import_without_a_terminal_needs_yes(root, tmp_path):
    before = snapshot(root)
    result = invoke(["member", "import", write(tmp_path, ROSTER_CSV), "--council", root])
    assert result.exit_code == 2 and "--yes" in result.output
    assert snapshot(root) == before


@pytest.mark.parametrize("csv_text, words", [
    ("Email,Category\nann@example.org,parent\n", "no column of member names"),
    ("Name,Category,Start Date\n" + "".join(f"P{i},parent,2025-08-01\n" for i in range(2, 7))
     + "Row Seven,parent,2025-02-30\n", 'row 7, column "Start Date"'),
    ("Name,Category\nAnn Lee,astronaut\n", 'row 2, column "Category"'),
    ("Name,Category,Start Date,End Date\nAnn Lee,parent,2025-08-01,2025-01-01\n", "row 2: The end date"),
])
def test_a_malformed_csv_is_refused_with_row_and_column(root, tmp_path, csv_text, words):
    before = snapshot(root)
    result = invoke(["member", "import", write(tmp_path, csv_text), "--yes", "--council", root])
    assert result.exit_code == 2, result.output
    assert words in result.output
    assert snapshot(root) == before and len(commits(root)) == 1


def test_eight_concurrent_adds_make_eight_members_and_eight_commits(root):
    env = dict(os.environ, CEC_AUTHOR=WHO)
    procs = [subprocess.Popen([sys.executable, "-m", "cecli", "member", "add", "--name", f"Parent {i}",
                               "--category", "parent", "--council", str(root)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for i in range(8)]
    outputs = [p.communicate() for p in procs]
    assert [p.returncode for p in procs] == [0] * 8, outputs
    listed = json.loads(cec(root, "member", "list", "--all", "--json").output)
    assert sorted(m["id"] for m in listed) == sorted(f"parent-{i}" for i in range(8))
    assert len(commits(root)) == 9
    assert all(last == "Add member" for last in (c[:10] for c in commits(root)[:8]))
    assert git(root, "status", "--porcelain") == ""


def test_a_roster_that_is_not_utf8_is_named_with_its_line(root):
    cec(root, "member", "add", "--name", "Ann Lee", "--category", "parent")
    path = root / "roster.yaml"
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3] + b"  # caf\xe9"
    path.write_bytes(b"\n".join(lines))
    git(root, "commit", "-qam", "Save the roster in Latin-1.")
    before = snapshot(root)
    result = cec(root, "member", "add", "--name", "Bo Diaz", "--category", "parent")
    assert result.exit_code == 2, result.output
    assert "roster.yaml:4:" in result.output and "not UTF-8 text" in result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert snapshot(root) == before


@pytest.mark.parametrize("args", [
    ["member", "list"],
    ["member", "add", "--name", "Bo Diaz", "--category", "parent"],
    ["member", "end", "ann-lee", "--date", "2026-06-30"],
])
def test_a_damaged_roster_is_named_not_treated_as_empty(root, args):
    (root / "roster.yaml").write_text("members:\n  - id: ann-lee\n    name: [Ann Lee\n", encoding="utf-8")
    git(root, "commit", "-qam", "Break the roster.")
    before = snapshot(root)
    result = cec(root, *args)
    assert result.exit_code == 2, result.output
    assert "No members are serving" not in result.output
    assert "roster.yaml:" in result.output and "(CEC001)" in result.output
    assert "Fix this first (cec check shows every problem)" in result.output
    assert snapshot(root) == before


def test_add_without_a_start_date_joins_today_and_says_so(root):
    result = cec(root, "member", "add", "--name", "Ruth Owens", "--category", "retiree")
    assert result.exit_code == 0, result.output
    today = dt.date.today().isoformat()
    assert f"Ruth Owens joins from {today}; use --start to give another date." in result.output
    listed = json.loads(cec(root, "member", "list", "--all", "--json").output)
    assert [(m["id"], m["start_date"]) for m in listed] == [("ruth-owens", today)]


def test_a_name_already_on_the_roster_is_refused_unless_same_name_ok(root):
    assert cec(root, "member", "add", "--name", "Ruth Owens", "--category", "retiree").exit_code == 0
    before = snapshot(root)
    result = cec(root, "member", "add", "--name", "RUTH ÓWENS", "--category", "parent")
    assert result.exit_code == 2
    assert "already on the roster: `ruth-owens`" in result.output and "--same-name-ok" in result.output
    assert snapshot(root) == before
    again = cec(root, "member", "add", "--name", "Ruth Owens", "--category", "parent", "--same-name-ok")
    assert again.exit_code == 0, again.output
    listed = json.loads(cec(root, "member", "list", "--all", "--json").output)
    assert [m["id"] for m in listed] == ["ruth-owens", "ruth-owens-2"]


def test_an_email_of_a_member_with_another_name_is_refused_not_read_as_a_rename(root, tmp_path):
    cec(root, "member", "add", "--name", "Hannah Greer", "--category", "educator", "--email", "hgreer@example.org",
        "--start", "2025-08-01")
    before = snapshot(root)
    csv_path = write(tmp_path, "Name,Email,Category\nBo Diaz,bo@example.org,parent\n"
                               "Harold Greer,hgreer@example.org,educator\n")
    result = invoke(["member", "import", csv_path, "--yes", "--council", root])
    assert result.exit_code == 2, result.output
    assert ("row 3: the email hgreer@example.org belongs to Hannah Greer (hannah-greer) on the roster, "
            "but the row names Harold Greer.") in result.output
    assert snapshot(root) == before


def test_an_email_matches_when_the_names_agree_ignoring_case_and_accents(root, tmp_path):
    cec(root, "member", "add", "--name", "José Núñez", "--category", "parent", "--email", "jose@example.org",
        "--start", "2025-08-01")
    csv_path = write(tmp_path, "Name,Email,Category,Phone\njose nunez,JOSE@example.org,parent,601-555-0101\n")
    result = invoke(["member", "import", csv_path, "--yes", "--council", root])
    assert result.exit_code == 0, result.output
    assert "update  jose-nunez:" in result.output and "add " not in result.output


def test_the_import_preview_shows_roles_given_and_warns_of_a_shared_role(root, tmp_path):
    cec(root, "member", "add", "--name", "Ann Lee", "--category", "parent", "--role", "chair", "--start", "2025-08-01")
    csv_path = write(tmp_path, "Name,Category,Role,Start Date\nBob Roe,parent,Chair,2025-08-01\n"
                               "Cy Moss,parent,Secretary,2025-08-01\n")
    result = invoke(["member", "import", csv_path, "--yes", "--council", root])
    assert result.exit_code == 0, result.output
    assert "  Bob Roe becomes chair\n" in result.output and "  Cy Moss becomes secretary\n" in result.output
    assert "Warning: Ann Lee and Bob Roe would both hold the chair role." in result.output
    assert "secretary role" not in result.output


def test_csv_problems_name_the_column_and_say_nothing_was_written_once(root, tmp_path):
    csv_path = write(tmp_path, "Name,Category,Role,Start Date\nAnn Lee,parent,,11/31/2026\n"
                               "Bo Diaz,parent,boss,2026-13\n")
    result = invoke(["member", "import", csv_path, "--yes", "--council", root])
    assert result.exit_code == 2
    assert 'row 2, column "Start Date": `11/31/2026` is not a real date' in result.output
    assert 'row 3, column "Role": `boss` is not an officer role' in result.output
    assert 'row 3, column "Start Date": `2026-13` is not a whole date: give the day, the month and the year.' in result.output
    assert "--start" not in result.output and "--role" not in result.output
    assert result.output.count("Nothing was written.") == 1


def test_an_old_problem_whose_count_changes_is_not_reported_as_new(tmp_path):
    """Adding a member with an email leaves another member's missing email as it was: no "new problem"."""
    import shutil
    import subprocess

    from conftest import SAMPLE, invoke

    root = tmp_path / "council"
    shutil.copytree(SAMPLE, root)
    for args in (["init", "-q"], ["config", "user.name", "Test Secretary"], ["config", "user.email", "sec@example.org"],
                 ["add", "-A"], ["commit", "-qm", "Start."]):
        subprocess.run(["git", *args], cwd=root, check=True)
    result = invoke(["member", "add", "-C", root, "--name", "Ann Test", "--category", "parent",
                     "--email", "ann@example.org", "--start", "2026-11-01"])
    assert result.exit_code == 0, result.output
    assert "new problem" not in result.output
