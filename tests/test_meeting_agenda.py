"""cec meeting agenda DATE add|edit|remove|move|list: one commit each, documents rewritten, comments kept."""

from __future__ import annotations

import json

import pytest
from conftest import invoke
from gitcouncil import commits, format_findings, last_commit, make_council, snapshot
from ruamel.yaml import YAML

MEETING = """
title: Winter meeting
kind: regular
status: scheduled
date: 2099-01-13
start: "17:30"
end: "18:30"
agenda:
  # the chair opens every meeting
  - title: Welcome
    minutes: 5
    kind: welcome
  - title: Report card review   # the big one
    minutes: 30
    presenter: di-park
    kind: data-review
  - title: Public comment
    minutes: 10
    kind: public-comment

# photos of the sign-in sheet go here
evidence: []
"""

DOCS = ["documents/meetings/2099-01-13/agenda.docx", "documents/meetings/2099-01-13/minutes.docx",
        "documents/meetings/2099-01-13/sign-in.docx"]


@pytest.fixture
def root(tmp_path):
    return make_council(tmp_path, {"meetings/2099-01-13.yaml": MEETING})


def run(root, *args):
    return invoke(["meeting", "agenda", "2099-01-13", *args, "--council", root])


def titles(root):
    return [item["title"] for item in YAML(typ="safe").load((root / "meetings/2099-01-13.yaml").read_text())["agenda"]]


def agenda(root):
    return YAML(typ="safe").load((root / "meetings/2099-01-13.yaml").read_text())["agenda"]


def test_list_numbers_items_from_one(root):
    result = run(root, "list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["#", "ITEM", "MIN", "PRESENTER", "KIND"]
    assert lines[2].startswith("2  Report card review") and "di-park" in lines[2]
    assert lines[-1] == "3 items, 45 minutes allotted."
    rows = json.loads(run(root, "list", "--json").output)
    assert [(r["number"], r["title"], r["presenters"]) for r in rows] == [
        (1, "Welcome", []), (2, "Report card review", ["di-park"]), (3, "Public comment", [])]


def test_add_at_the_end_and_at_a_number_with_several_presenters(root):
    before = commits(root)
    result = run(root, "add", "--title", "Budget & <FY99>", "--minutes", "10", "--presenter", "ann-lee",
                 "--presenter", "Dr. Ruth Okafor", "--kind", "Discussion", "--at", "2")
    assert result.exit_code == 0, result.output
    assert "Added item 2 to the agenda" in result.output
    assert titles(root) == ["Welcome", "Budget & <FY99>", "Report card review", "Public comment"]
    assert agenda(root)[1] == {"title": "Budget & <FY99>", "minutes": 10, "presenters": ["ann-lee", "Dr. Ruth Okafor"],
                               "kind": "discussion"}
    assert commits(root) == before + 1
    message, _, paths = last_commit(root)
    assert message == "Add agenda item 2 (Budget & <FY99>) to the meeting of 2099-01-13."
    assert paths == [*DOCS, "meetings/2099-01-13.yaml"]
    result = run(root, "add", "--title", "Adjournment", "--minutes", "2")
    assert result.exit_code == 0, result.output
    text = (root / "meetings/2099-01-13.yaml").read_text()
    assert "  - title: Adjournment\n    minutes: 2\n\n# photos of the sign-in sheet go here\nevidence: []" in text
    assert "  # the chair opens every meeting\n" in text and "# the big one" in text
    assert format_findings(root) == []


def test_add_warns_when_the_items_outrun_the_meeting(root):
    result = run(root, "add", "--title", "Long debate", "--minutes", "40")
    assert result.exit_code == 0, result.output
    assert "now take 85 minutes; the meeting is 60 minutes long" in result.output


def test_edit_changes_only_what_is_given(root):
    result = run(root, "edit", "2", "--minutes", "25", "--presenter", "ann-lee")
    assert result.exit_code == 0, result.output
    assert agenda(root)[1] == {"title": "Report card review", "minutes": 25, "presenter": "ann-lee", "kind": "data-review"}
    assert "- title: Report card review   # the big one" in (root / "meetings/2099-01-13.yaml").read_text()
    message, _, paths = last_commit(root)
    assert message == "Change the minutes and presenter of agenda item 2 (Report card review) of the meeting of 2099-01-13."
    assert paths == [*DOCS, "meetings/2099-01-13.yaml"]
    assert run(root, "edit", "2", "--clear", "presenter").exit_code == 0
    assert "presenter" not in agenda(root)[1]


def test_remove_and_move_renumber_the_items(root):
    assert run(root, "move", "3", "--to", "1").exit_code == 0
    assert titles(root) == ["Public comment", "Welcome", "Report card review"]
    assert last_commit(root)[0] == "Move agenda item 3 (Public comment) of the meeting of 2099-01-13 to number 1."
    text = (root / "meetings/2099-01-13.yaml").read_text()
    assert "    kind: data-review\n\n# photos of the sign-in sheet go here" in text
    assert run(root, "remove", "3").exit_code == 0
    assert titles(root) == ["Public comment", "Welcome"]
    message, _, paths = last_commit(root)
    assert message == "Remove agenda item 3 (Report card review) from the meeting of 2099-01-13."
    assert {DOCS[0], "meetings/2099-01-13.yaml"} <= set(paths) <= {*DOCS, "meetings/2099-01-13.yaml"}
    text = (root / "meetings/2099-01-13.yaml").read_text()
    assert "    kind: welcome\n\n# photos of the sign-in sheet go here" in text
    assert format_findings(root) == []


@pytest.mark.parametrize("args, says", [
    (["add", "--minutes", "5"], "needs a title"),
    (["add", "--title", "X", "--minutes", "0"], "above 0"),
    (["add", "--title", "X", "--kind", "discusion"], "Did you mean `discussion`?"),
    (["add", "--title", "X", "--presenter", "ann-le"], "Did you mean `ann-lee`?"),
    (["add", "--title", "X", "--at", "9"], "There is no agenda item 9"),
    (["edit", "4", "--minutes", "5"], "has 3 items"),
    (["edit", "1"], "Nothing to change"),
    (["edit", "1", "--minutes", "5"], "already says that"),
    (["edit", "1", "--clear", "title"], "can be removed"),
    (["remove", "0"], "There is no agenda item 0"),
    (["move", "1", "--to", "1"], "already number 1"),
    (["move", "1", "--to", "7"], "There is no agenda item 7"),
])
def test_refusals_write_nothing(root, args, says):
    before = snapshot(root)
    result = run(root, *args)
    assert result.exit_code == 2, result.output
    assert says in result.output and "Traceback" not in result.output
    assert snapshot(root) == before


def test_an_unknown_meeting_is_named_with_a_suggestion(root):
    result = invoke(["meeting", "agenda", "2099-01-31", "list", "--council", root])
    assert result.exit_code == 2 and "Did you mean `2099-01-13`?" in result.output
