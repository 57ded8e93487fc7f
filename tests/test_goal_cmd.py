"""cec goal add|review|progress against a council in a real git repository."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import invoke
from gitcouncil import commits, format_findings, is_sentence, last_commit, make_council, snapshot
from ruamel.yaml import YAML


def read(root):
    return YAML(typ="safe").load((root / "goals.yaml").read_text(encoding="utf-8"))


def run(root, *args):
    return invoke([*args, "--council", root])


@pytest.fixture
def root(tmp_path):
    return make_council(tmp_path)


def test_add_a_goal_keeps_the_files_comments(root):
    before = commits(root)
    result = run(root, "goal", "add", "--year", "2025-26", "--id", "attendance", "--statement",
                 "Fewer students miss school.", "--data", "school-report-card", "--measure", "Chronic absence rate",
                 "--baseline", "21%", "--target", "15%", "--aligned-to", "School improvement plan goal 2")
    assert result.exit_code == 0, result.output
    assert "Added the goal attendance for 2025-26 to goals.yaml." in result.output
    goal = read(root)["years"]["2025-26"]["goals"][-1]
    assert goal == {"id": "attendance", "statement": "Fewer students miss school.",
                    "aligned_to": "School improvement plan goal 2", "data": ["school-report-card"],
                    "measure": "Chronic absence rate", "baseline": "21%", "target": "15%"}
    text = (root / "goals.yaml").read_text()
    assert text.startswith("# Goals the council set from the data it reviewed.\n")
    assert commits(root) == before + 1
    message, _, paths = last_commit(root)
    assert message == "Add the goal attendance for 2025-26." and is_sentence(message)
    assert paths == ["goals.yaml"]
    assert format_findings(root) == []


def test_a_goal_for_a_new_year_starts_that_year_in_quotes(root):
    result = run(root, "goal", "add", "--year", "2026-27", "--id", "reading-growth", "--statement", "Keep growing.")
    assert result.exit_code == 0, result.output
    assert '"2026-27":' in (root / "goals.yaml").read_text()
    assert set(read(root)["years"]) == {"2025-26", "2026-27"}
    assert format_findings(root) == []


def test_a_council_without_goals_yaml_gets_one(tmp_path):
    root = make_council(tmp_path, {"goals.yaml": None})
    result = run(root, "goal", "add", "--year", "2025-26", "--id", "reading", "--statement", "Read more.")
    assert result.exit_code == 0, result.output
    assert read(root)["years"]["2025-26"]["goals"] == [{"id": "reading", "statement": "Read more."}]
    assert last_commit(root)[2] == ["goals.yaml"]


def test_review_data_at_a_meeting_takes_the_meetings_date(root):
    result = run(root, "goal", "review", "--source", "climate-data", "--meeting", "2025-10-14",
                 "--note", "Most families feel welcome.")
    assert result.exit_code == 0, result.output
    review = read(root)["years"]["2025-26"]["data_reviewed"][-1]
    assert review == {"source": "climate-data", "date": dt.date(2025, 10, 14), "meeting": "2025-10-14",
                      "note": "Most families feel welcome."}
    message, _, paths = last_commit(root)
    assert message == "Record the review of the climate data on 2025-10-14 for 2025-26."
    assert paths == ["goals.yaml"]
    assert format_findings(root) == []


def test_progress_note_on_a_goal(root):
    result = run(root, "goal", "progress", "reading-growth", "--date", "2026-01-20",
                 "--note", "Mid-year screening: 48% on grade level (from 41%).")
    assert result.exit_code == 0, result.output
    goal = read(root)["years"]["2025-26"]["goals"][0]
    assert goal["progress"] == [{"date": dt.date(2026, 1, 20), "note": "Mid-year screening: 48% on grade level (from 41%)."}]
    message, _, paths = last_commit(root)
    assert message == "Note progress on the goal reading-growth for 2025-26 as of 2026-01-20."
    assert paths == ["goals.yaml"]
    assert format_findings(root) == []


@pytest.mark.parametrize("args, says", [
    (["add", "--year", "2025-26", "--id", "reading-growth", "--statement", "Again."], "already has a goal"),
    (["add", "--year", "2025/26", "--id", "x", "--statement", "S."], "school year"),
    (["add", "--year", "2025-26", "--id", "Reading Growth", "--statement", "S."], "not a usable id"),
    (["add", "--year", "2025-26", "--id", "x", "--statement", "S.", "--data", "report-card"], "not a data source"),
    (["add", "--year", "2025-26", "--id", "x"], "needs --statement"),
    (["review", "--source", "test-scores"], "not a data source"),
    (["review", "--source", "climate-data", "--meeting", "2025-10-15"], "Did you mean `2025-10-14`?"),
    (["review", "--source", "climate-data", "--date", "2025-13-01"], "not a real date"),
    (["progress", "reading-grwth", "--note", "Up."], "Did you mean `reading-growth`?"),
    (["progress", "reading-growth"], "needs --note"),
])
def test_bad_goal_input_writes_nothing(root, args, says):
    before = snapshot(root)
    result = run(root, "goal", *args)
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert snapshot(root) == before


def test_progress_without_year_uses_the_current_school_year_when_the_goal_is_there(root):
    added = run(root, "goal", "add", "--id", "attendance", "--statement", "Fewer absences.")
    current = re.search(r"for (\d{4}-\d{2})", added.output)[1]  # today's school year
    assert run(root, "goal", "add", "--year", "2020-21", "--id", "attendance", "--statement", "Old.").exit_code == 0
    result = run(root, "goal", "progress", "attendance", "--note", "Down to 17%.")
    assert result.exit_code == 0, result.output
    years = read(root)["years"]
    noted = [year for year, section in years.items() for g in section.get("goals", [])
             if g["id"] == "attendance" and g.get("progress")]
    assert noted == [current]


def test_progress_without_year_asks_when_the_goal_is_only_in_other_years(root):
    for year in ("2019-20", "2020-21"):
        assert run(root, "goal", "add", "--year", year, "--id", "attendance", "--statement", "Old.").exit_code == 0
    result = run(root, "goal", "progress", "attendance", "--note", "Down to 17%.")
    assert result.exit_code == 2
    assert "exists in 2019-20, 2020-21" in result.output and "--year" in result.output
