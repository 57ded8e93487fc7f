"""cec member import: no duplicate rows, a start date for every new member, update-only files; emails checked."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import invoke
from gitcouncil import make_council, snapshot
from ruamel.yaml import YAML


@pytest.fixture
def root(tmp_path):
    return make_council(tmp_path)


def members(root):
    return {m["id"]: m for m in YAML(typ="safe").load((root / "roster.yaml").read_text())["members"]}


def import_csv(root, tmp_path, text, *extra):
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    return invoke(["member", "import", path, "--yes", "-C", root, *extra])


@pytest.mark.parametrize("text, says", [
    ("Name,Category,Email\nRuth Owens,parent,ruth@example.org\nruth  OWENS,parent,\n",
     "row 3 repeats row 2: both are ruth  OWENS"),
    ("Name,Category,Email\nRuth Owens,parent,ruth@example.org\nRuth Ann Owens,parent,RUTH@example.org\n",
     "row 3 repeats row 2: both have the email RUTH@example.org"),
    ("Name,Category,Email\nRuth Owens,parent,ruth@@example.org\n",
     'row 2, column "Email": `ruth@@example.org` is not an email address'),
    ("Name,Email\nRuth Owens,ruth@example.org\n",
     "row 2: Ruth Owens is not on the roster yet, and the row gives no category"),
])
def test_bad_files_are_refused_naming_the_row_and_nothing_is_written(root, tmp_path, text, says):
    before = snapshot(root)
    result = import_csv(root, tmp_path, text)
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert "Nothing was written." in result.output
    assert snapshot(root) == before


def test_new_members_start_today_or_on_the_given_date(root, tmp_path):
    result = import_csv(root, tmp_path, "Name,Category,Start Date\nRuth Owens,parent,\nSam Lu,educator,9/2/2025\n")
    assert result.exit_code == 0, result.output
    assert members(root)["ruth-owens"]["start_date"] == dt.date.today()
    assert members(root)["sam-lu"]["start_date"] == dt.date(2025, 9, 2)
    result = import_csv(root, tmp_path, "Name,Category\nTia Vo,parent\n", "--start", "Aug 1 2025")
    assert result.exit_code == 0, result.output
    assert members(root)["tia-vo"]["start_date"] == dt.date(2025, 8, 1)


def test_a_file_that_only_updates_members_needs_no_category(root, tmp_path):
    result = import_csv(root, tmp_path, "Full Name,E-mail Address\nann lee,ann.lee@example.org\nBO DIAZ,bo@example.org\n")
    assert result.exit_code == 0, result.output
    assert "2 updated" in result.output
    roster = members(root)
    assert roster["ann-lee"]["email"] == "ann.lee@example.org" and roster["ann-lee"]["category"] == "parent"
    assert roster["bo-diaz"]["email"] == "bo@example.org"


@pytest.mark.parametrize("args", [
    ["member", "add", "--name", "Ruth Owens", "--category", "parent", "--email", "ruth.example.org"],
    ["member", "update", "ann-lee", "--email", "ann@example..org"],
])
def test_member_add_and_update_refuse_a_bad_email(root, args):
    before = snapshot(root)
    result = invoke([*args, "-C", root])
    assert result.exit_code == 2, result.output
    assert "is not an email address" in result.output and "`" in result.output
    assert snapshot(root) == before
