"""cec outreach add|nominations|election against a council in a real git repository."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import invoke
from gitcouncil import commits, format_findings, is_sentence, last_commit, make_council, snapshot
from ruamel.yaml import YAML


def read(root, rel="outreach.yaml"):
    return YAML(typ="safe").load((root / rel).read_text(encoding="utf-8"))


def run(root, *args):
    return invoke([*args, "--council", root])


@pytest.fixture
def root(tmp_path):
    return make_council(tmp_path)


def test_add_a_communication_with_evidence_from_outside_the_council(root, tmp_path):
    flyer = tmp_path / "fall-flyer.pdf"
    flyer.write_bytes(b"%PDF-1.4 flyer")
    before = commits(root)
    result = run(root, "outreach", "add", "communication", "--date", "2025-09-02", "--channel", "social-media",
                 "--audience", "parents", "--purpose", "recruitment", "--description", "Call for members",
                 "--evidence", flyer)
    assert result.exit_code == 0, result.output
    assert "evidence/fall-flyer.pdf" in result.output
    data = read(root)
    assert data["communications"][-1] == {
        "date": dt.date(2025, 9, 2), "channel": "social-media", "audience": "parents", "purpose": "recruitment",
        "description": "Call for members", "evidence": ["evidence/fall-flyer.pdf"]}
    assert (root / "evidence/fall-flyer.pdf").read_bytes() == b"%PDF-1.4 flyer"
    assert (root / "outreach.yaml").read_text().startswith("# How we recruited members.\n")
    assert commits(root) == before + 1
    message, _, paths = last_commit(root)
    assert message == "Record a social media communication of 2025-09-02." and is_sentence(message)
    assert paths == ["evidence/fall-flyer.pdf", "outreach.yaml"]
    assert format_findings(root) == []


def test_add_an_information_session(root):
    result = run(root, "outreach", "add", "info-session", "--date", "2025-09-10", "--start", "18:00",
                 "--end", "19:00", "--location", "Library", "--attendees", "23")
    assert result.exit_code == 0, result.output
    session = read(root)["info_sessions"][0]
    assert session == {"date": dt.date(2025, 9, 10), "start": "18:00", "end": "19:00",
                       "location": "Library", "attendees": 23}
    assert 'start: "18:00"' in (root / "outreach.yaml").read_text()
    message, _, paths = last_commit(root)
    assert message == "Record the information session of 2025-09-10."
    assert paths == ["outreach.yaml"]
    assert format_findings(root) == []


@pytest.mark.parametrize("args, says", [
    (["communication", "--date", "2025-09-02", "--channel", "flyers"], "Did you mean `flyer`?"),
    (["communication", "--date", "2025-09-02", "--channel", "flyer", "--purpose", "recruiting"],
     "Did you mean `recruitment`?"),
    (["communication", "--date", "2 Sep", "--channel", "flyer"], "YYYY-MM-DD"),
    (["communication", "--date", "2025-09-02", "--channel", "flyer", "--evidence", "nope.pdf"], "not a file"),
    (["info-session", "--date", "2025-09-10", "--start", "25:00"], "not a real time"),
    (["info-session", "--date", "2025-09-10", "--start", "19:00", "--end", "18:00"], "not after the start"),
    (["info-session", "--date", "2025-09-10", "--meeting", "2025-10-41"], "Did you mean `2025-10-14`?"),
])
def test_bad_outreach_writes_nothing(root, args, says):
    before = snapshot(root)
    result = run(root, "outreach", "add", *args)
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert snapshot(root) == before


def test_nominations_window(root):
    result = run(root, "outreach", "nominations", "--opened", "2025-08-25", "--closed", "2025-09-12",
                 "--method", "electronic", "--method", "mail", "--received", "9")
    assert result.exit_code == 0, result.output
    assert read(root)["nominations"] == {"opened": dt.date(2025, 8, 25), "closed": dt.date(2025, 9, 12),
                                         "methods": ["electronic", "mail"], "received": 9}
    assert last_commit(root)[0] == "Record the nominations window."
    # a second year's window: the first one is filed under its own school year
    result = run(root, "outreach", "nominations", "--year", "2026-27", "--opened", "2026-08-24")
    assert result.exit_code == 0, result.output
    nominations = read(root)["nominations"]
    assert set(nominations) == {"2025-26", "2026-27"}
    assert nominations["2025-26"]["received"] == 9
    assert '"2026-27":' in (root / "outreach.yaml").read_text()
    assert last_commit(root)[0] == "Record the nominations window for 2026-27."
    assert format_findings(root) == []


@pytest.mark.parametrize("args, says", [
    (["--method", "fax"], "not a nomination method the ms-cec profile knows"),
    (["--opened", "2025-09-12", "--closed", "2025-08-25"], "before --opened"),
    (["--year", "2025"], "school year"),
    ([], "nothing to record"),
])
def test_bad_nominations_write_nothing(root, args, says):
    before = snapshot(root)
    result = run(root, "outreach", "nominations", *args)
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert snapshot(root) == before


def test_an_election_with_candidates_and_results(root):
    result = run(root, "outreach", "election", "add", "2025-fall", "--date", "2025-10-01",
                 "--notice-given", "2025-09-15", "--seats", "2", "--voters", "community")
    assert result.exit_code == 0, result.output
    assert last_commit(root)[0] == "Add the election 2025-fall of 2025-10-01."
    for name, votes in (("Eve Ray", "41"), ("Flo Tan", "17")):
        result = run(root, "outreach", "election", "candidate", "2025-fall", "--name", name, "--category", "parent")
        assert result.exit_code == 0, result.output
    result = run(root, "outreach", "election", "candidate", "2025-fall", "--name", "Eve Ray", "--votes", "41",
                 "--elected")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Updated the candidate Eve Ray")
    election = read(root)["elections"][0]
    assert election["voters"] == ["community"] and election["seats"] == 2
    assert election["candidates"] == [
        {"name": "Eve Ray", "category": "parent", "votes": 41, "elected": True},
        {"name": "Flo Tan", "category": "parent"}]
    message, _, paths = last_commit(root)
    assert message == "Record the candidate Eve Ray in the election 2025-fall."
    assert paths == ["outreach.yaml"]
    assert format_findings(root) == []


@pytest.mark.parametrize("args, says", [
    (["add", "2025-fall", "--date", "2025-10-01", "--voters", "everyone"], "not a voter group the ms-cec profile knows"),
    (["add", "2025-fall", "--date", "2025-10-01", "--notice-given", "2025-10-05"], "after the election"),
    (["add", "Fall 2025", "--date", "2025-10-01"], "not a usable id"),
    (["candidate", "2025-fal", "--name", "Eve Ray"], "There is no election"),
])
def test_bad_elections_write_nothing(root, args, says):
    run(root, "outreach", "election", "add", "2025-fall", "--date", "2025-10-01") if args[0] == "candidate" else None
    before = snapshot(root)
    result = run(root, "outreach", "election", *args)
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert snapshot(root) == before


def test_candidate_category_and_duplicate_election_are_refused(root):
    assert run(root, "outreach", "election", "add", "2025-fall", "--date", "2025-10-01").exit_code == 0
    before = snapshot(root)
    result = run(root, "outreach", "election", "candidate", "2025-fall", "--name", "Eve Ray", "--category", "parnet")
    assert result.exit_code == 2 and "Did you mean `parent`?" in result.output
    result = run(root, "outreach", "election", "add", "2025-fall", "--date", "2025-10-02")
    assert result.exit_code == 2 and "already an election" in result.output
    assert snapshot(root) == before


def test_commit_message_reads_as_a_sentence_for_any_channel(root):
    result = run(root, "outreach", "add", "communication", "--date", "2025-09-03", "--channel", "email",
                 "--purpose", "meeting-notice")
    assert result.exit_code == 0, result.output
    assert last_commit(root)[0] == "Record an email communication of 2025-09-03."


def test_an_outreach_file_that_is_not_utf8_is_named_with_its_line(root):
    path = root / "outreach.yaml"
    path.write_bytes(path.read_bytes().replace(b"channel: flyer", b"channel: flyer  # caf\xe9"))
    before = snapshot(root)
    result = run(root, "outreach", "add", "communication", "--date", "2025-09-01", "--channel", "flyer")
    assert result.exit_code == 2, result.output
    assert "outreach.yaml is not UTF-8 text (line 4)" in result.output and "Save it as UTF-8" in result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert snapshot(root) == before
