"""One way to name the council on every command: -C DIR (as git's -C), and the folder itself where a command reads."""

from __future__ import annotations

import json

from conftest import REPO, invoke


def _leaves(cmd, path):
    sub = getattr(cmd, "commands", None)
    if sub:
        for name, child in sub.items():
            yield from _leaves(child, path + [name])
    else:
        yield path, cmd


def test_every_command_that_works_on_a_council_takes_dash_c():
    from cecli.cli import COMMANDS, load_command

    missing = []
    for name in COMMANDS:
        for path, cmd in _leaves(load_command(name), [name]):
            opts = {o for p in cmd.params for o in getattr(p, "opts", [])}
            if "-C" not in opts and path != ["rules"]:  # `cec rules` explains rules and reads no council
                missing.append(" ".join(path))
    assert missing == [], missing


def _findings(result):
    assert result.exit_code == 0, result.output
    return [(f["path"], f["line"], f["code"]) for f in json.loads(result.output)["findings"]]


def test_check_takes_the_folder_or_dash_c_or_a_leading_dash_c(monkeypatch, tmp_path):
    monkeypatch.chdir(REPO)
    by_path = _findings(invoke(["check", "sample-council", "--as-of", "2026-11-22", "-f", "json"]))
    by_option = _findings(invoke(["check", "-C", "sample-council", "--as-of", "2026-11-22", "-f", "json"]))
    monkeypatch.chdir(tmp_path)
    by_root = _findings(invoke(["-C", str(REPO / "sample-council"), "check", "--as-of", "2026-11-22", "-f", "json"]))
    assert by_path == by_option == by_root
    assert ("roster.yaml", 141, "CEC107") in by_path


def test_naming_two_different_councils_is_a_usage_error(monkeypatch, tmp_path):
    monkeypatch.chdir(REPO)
    for command in (["check"], ["export", "--format", "popolo"], ["publish", "--out", str(tmp_path / "site")],
                    ["calendar", "--out", "-"]):
        result = invoke([*command, "sample-council", "-C", str(tmp_path)])
        assert result.exit_code == 2, (command, result.output)
        assert "name the council once" in result.output
        assert not (tmp_path / "site").exists()


def test_the_same_folder_twice_is_fine(monkeypatch, tmp_path):
    monkeypatch.chdir(REPO)
    result = invoke(["calendar", "sample-council", "-C", "./sample-council", "--out", "-"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("BEGIN:VCALENDAR")


def test_a_leading_dash_c_into_a_missing_folder_says_so():
    result = invoke(["-C", "/no/such/folder", "check"])
    assert result.exit_code == 2
    assert "cannot go into /no/such/folder" in result.output
