"""cec's own outputs written inside a council folder (the README's sequence, run there) are not records:
they are no gap in the audit trail, `cec commit` leaves them alone, and they do not block `cec export`."""

from __future__ import annotations

from conftest import invoke
from gitcouncil import commits, git, make_council


def test_publish_calendar_and_export_inside_the_council_do_not_block_each_other(tmp_path, monkeypatch):
    root = make_council(tmp_path)
    monkeypatch.chdir(root)
    assert invoke(["publish", "."]).exit_code == 0
    assert invoke(["calendar", "."]).exit_code == 0
    first = invoke(["export", ".", "--zip"])
    assert first.exit_code in (0, 1) and "not committed" not in first.output
    second = invoke(["export", ".", "--zip"])  # the first package sits in the folder now
    assert "not committed" not in second.output, second.output
    check = invoke(["check", ".", "--as-of", "2026-11-22", "-f", "parsable"])
    assert "(CEC007)" not in check.output
    before = commits(root)
    result = invoke(["commit", "-m", "Nothing to record."])
    assert commits(root) == before, result.output
    assert "site/" not in git(root, "log", "--name-only", "--format=")


def test_new_councils_ignore_cecs_outputs(tmp_path):
    result = invoke(["init", tmp_path / "new", "--no-input", "--profile", "ms-cec", "--name", "New CEC"])
    assert result.exit_code == 0, result.output
    ignored = (tmp_path / "new" / ".gitignore").read_text()
    for pattern in ("/site/", "/meetings.ics", "/*-evidence.zip"):
        assert pattern in ignored
