"""A council folder from anyone is safe to open (issue 13): only regular files inside it are read,
no input raises, nothing waits forever. Each case is a finding with its file and line."""

from __future__ import annotations

import datetime as dt
import os
import signal
import time
from contextlib import contextmanager

import pytest

from conftest import MS_COUNCIL, found, run_check
from opens import opened, outside

ROSTER = """
members:
  - {id: ann-lee, name: Ann Lee, category: parent, roles: [chair], email: ann@example.org}
"""

OUTSIDE_ROSTER = """
members:
  - {id: eve-outsider, name: Eve Outsider, category: parent, email: eve@elsewhere.example}
"""


@contextmanager
def within(seconds: int):
    """Fail (instead of hanging the suite) when the block takes longer than `seconds`."""

    def stop(*_):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def messages(report, code):
    return [f.message for f in report.findings if f.code == code]


@pytest.fixture
def secret(tmp_path):
    """A YAML file outside the council, with a member in it."""
    path = tmp_path / "elsewhere" / "roster.yaml"
    path.parent.mkdir()
    path.write_text(OUTSIDE_ROSTER.lstrip(), encoding="utf-8")
    return path


def test_a_roster_linked_from_outside_is_refused_and_never_opened(council, secret):
    root = council({"council.yaml": MS_COUNCIL})
    os.symlink(secret, root / "roster.yaml")
    with opened() as paths:
        report = run_check(root)
    assert ("roster.yaml", 0, "CEC001") in found(report)
    assert "leads outside the council folder" in messages(report, "CEC001")[0]
    assert report.council.members == []
    assert not [p for p in paths if os.path.realpath(p) == str(secret)]
    assert outside(paths, root) == []


def test_an_outside_roster_never_reaches_the_site_or_the_export(council, secret, tmp_path):
    from cecli.errors import RecordsInvalid
    from cecli.export import build_export
    from cecli.loader import load_council
    from cecli.publish import build_site

    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER})
    os.unlink(root / "roster.yaml")
    os.symlink(secret, root / "roster.yaml")
    with pytest.raises(RecordsInvalid) as refused:  # publish refuses a roster it could not read
        build_site(load_council(root)[0], dt.date(2026, 1, 10))
    assert "roster.yaml" in refused.value.message
    result = build_export(root, year="2025-26", as_of=dt.date(2026, 1, 10), allow_uncommitted=True)
    everything = b"".join(result.files.values())
    assert b"Eve Outsider" not in everything and b"eve@elsewhere" not in everything


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom"])
def test_a_data_file_linked_to_a_device_is_refused_at_once(council, target):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER, "meetings/2025-10-14.yaml": None})
    os.symlink(target, root / "meetings" / "2025-10-14.yaml")
    os.symlink(target, root / "goals.yaml")
    with within(10), opened() as paths:
        from cecli.check import check_council

        report = check_council(root, dt.date(2026, 1, 1), cache=True)  # the cache key reads files too
    assert ("goals.yaml", 0, "CEC001") in found(report)
    assert ("meetings/2025-10-14.yaml", 0, "CEC001") in found(report)
    assert target not in [os.path.realpath(p) for p in paths]


def test_a_fifo_a_folder_and_a_device_named_like_data_files_are_findings(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER, "meetings/2025-10-14.yaml/x": "x\n"})
    os.mkfifo(root / "meetings" / "2025-11-18.yaml")
    os.mkfifo(root / "outreach.yaml")
    with within(10):
        report = run_check(root)
    by_path = {f.path: f.message for f in report.findings if f.code == "CEC001"}
    assert "is a folder, not a file" in by_path["meetings/2025-10-14.yaml"]
    assert "FIFO" in by_path["meetings/2025-11-18.yaml"]
    assert "FIFO" in by_path["outreach.yaml"]


def test_a_meetings_folder_linked_from_outside_is_not_listed(council, tmp_path):
    elsewhere = tmp_path / "elsewhere-meetings"
    elsewhere.mkdir()
    (elsewhere / "2025-10-14.yaml").write_text("date: 2025-10-14\n", encoding="utf-8")
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER})
    os.symlink(elsewhere, root / "meetings")
    report = run_check(root)
    assert ("meetings/", 0, "CEC001") in found(report)
    assert report.council.meetings == []


def test_links_inside_the_folder_are_followed(council):
    root = council({"council.yaml": MS_COUNCIL, "data/roster.yaml": ROSTER})
    os.symlink("data/roster.yaml", root / "roster.yaml")
    report = run_check(root)
    assert [m.id for m in report.council.members] == ["ann-lee"]
    assert found(report, "CEC001") == []


def test_a_data_file_too_big_to_be_council_data_is_refused(council):
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER})
    with open(root / "goals.yaml", "wb") as handle:
        handle.truncate(5 * 1024 * 1024)  # sparse: costs no disk
    report = run_check(root)
    assert ("goals.yaml", 0, "CEC001") in found(report)
    assert "more than the" in messages(report, "CEC001")[0]


def reports(*paths: str) -> str:
    lines = ["public_reports:", "  - date: 2025-10-14", "    title: Fall report", "    evidence:"]
    return "\n".join(lines + [f"      - {p}" for p in paths]) + "\n"


def test_evidence_that_is_not_a_file_inside_is_a_finding_and_is_never_copied(council, secret):
    from cecli.export import build_export

    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER,
                    "reports.yaml": reports("evidence/out.pdf", "evidence/zero.pdf", "evidence/pipe.pdf",
                                            "evidence/folder.pdf", '""', '"."', "a" * 5000, "evidence/ok.pdf"),
                    "evidence/folder.pdf/inside.txt": "x\n", "evidence/ok.pdf": "%PDF-1.4\n"})
    os.symlink(secret, root / "evidence" / "out.pdf")
    os.symlink("/dev/zero", root / "evidence" / "zero.pdf")
    os.mkfifo(root / "evidence" / "pipe.pdf")
    with within(20), opened() as paths:
        report = run_check(root)
        result = build_export(root, year="2025-26", as_of=dt.date(2026, 1, 10), allow_uncommitted=True)
    assert found(report, "CEC006") == [("reports.yaml", line, "CEC006") for line in range(5, 12)]
    said = messages(report, "CEC006")
    assert "points outside the council folder" in said[0]
    assert "points outside the council folder" in said[1]  # /dev/zero is outside too
    assert "FIFO" in said[2] and "is a folder" in said[3]
    assert "is empty" in said[4] and "names the council folder itself" in said[5]
    assert "is too long" in said[6] and len(said[6]) < 300
    copied = [path for path in result.files if path.endswith(".pdf")]
    assert copied and all(path.endswith("evidence/ok.pdf") for path in copied)
    assert outside(paths, root) == []


@pytest.mark.parametrize("rel, text, where", [
    ("meetings/2025-10-14.yaml", "date: 2025-10-14\nagenda:\n  - title: Budget\n    minutes: " + "9" * 5001 + "\n",
     ("meetings/2025-10-14.yaml", 4, "CEC002")),
    ("meetings/0001-01-01.yaml", "date: 0001-01-01\n", ("meetings/0001-01-01.yaml", 1, "CEC002")),
    ("meetings/9999-12-31.yaml", "date: 9999-12-31\n", ("meetings/9999-12-31.yaml", 1, "CEC002")),
    ("council.yaml", MS_COUNCIL + 'schedule_adopted:\n  "2025-26": 2025-02-30\n', ("council.yaml", None, "CEC002")),
    ("council.yaml", MS_COUNCIL + "timezone: Mars/Olympus\n", ("council.yaml", None, "CEC002")),
    ("council.yaml", MS_COUNCIL + "timezone: ../../../../etc/passwd\n", ("council.yaml", None, "CEC002")),
    ("council.yaml", MS_COUNCIL + "rules:\n  parameters:\n    agenda_lead_days: 1e300\n", ("council.yaml", None, "CEC002")),
])
def test_what_used_to_crash_is_a_finding_with_a_position(council, rel, text, where):
    """The six crash kinds of issue 13, and an absurd rule parameter; publish and export survive them."""
    from cecli.export import build_export
    from cecli.loader import load_council
    from cecli.publish import build_site

    files = {"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER,
             "meetings/2025-10-07.yaml": 'date: 2025-10-07\nstart: "18:00"\nend: "19:00"\nstatus: held\n'}
    files[rel] = text
    root = council(files)
    report = run_check(root)
    file, line, code = where
    hits = [f for f in report.findings if f.path == file and f.code == code]
    assert hits and all(f.line > 0 for f in hits), report.findings
    if line is not None:
        assert hits[0].line == line
    site = build_site(load_council(root)[0], dt.date(2026, 1, 10))
    assert b"BEGIN:VCALENDAR" in site["meetings.ics"]
    build_export(root, year="2025-26", as_of=dt.date(2026, 1, 10), allow_uncommitted=True)


def test_an_unknown_time_zone_falls_back_to_the_state_in_the_calendar(council):
    from cecli.loader import load_council
    from cecli.publish.calendar import calendar_ics

    root = council({"council.yaml": MS_COUNCIL + "timezone: Mars/Olympus\n", "roster.yaml": ROSTER,
                    "meetings/2025-10-07.yaml": 'date: 2025-10-07\nstart: "18:00"\n'})
    council_, _ = load_council(root)
    council_.info.timezone = "Mars/Olympus"  # as if built without the loader's check
    assert b"TZID=America/Chicago" in calendar_ics(council_)


@pytest.mark.parametrize("text", [
    "[" * 10_000,
    "a:\n" + "".join("  " * i + "- \n" for i in range(2000)),
    "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(20)),
], ids=["10000-brackets", "2000-dashes", "alias-bomb"])
def test_bombs_and_deep_nesting_are_refused_from_the_event_stream_quickly(text):
    from cecli.yamlread import YamlProblem, parse

    began = time.perf_counter()
    with pytest.raises(YamlProblem) as problem:
        parse(text)
    assert time.perf_counter() - began < 0.1
    assert problem.value.line >= 1


def test_a_control_character_is_refused_at_its_position():
    from cecli.yamlread import YamlProblem, parse

    with pytest.raises(YamlProblem) as problem:
        parse("name: Okatoma\ndistrict: Sweet\0gum\n")
    assert (problem.value.line, problem.value.column) == (2, 16)
    assert "U+0000" in problem.value.message


def test_a_council_template_linked_from_outside_is_refused(council, tmp_path):
    from cecli.documents.templating import TemplateProblem, template_path

    (tmp_path / "evil.docx").write_bytes(b"PK")
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER, "templates/x": "x"})
    os.symlink(tmp_path / "evil.docx", root / "templates" / "agenda.docx")
    with pytest.raises(TemplateProblem) as refused:
        template_path(root, "agenda.docx")
    assert "outside the council folder" in refused.value.message


def test_a_cache_folder_that_is_a_link_is_neither_read_nor_written(council, tmp_path):
    from cecli.check import check_council

    elsewhere = tmp_path / "elsewhere-cache"
    elsewhere.mkdir()
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER})
    os.symlink(elsewhere, root / ".cec-cache")
    check_council(root, dt.date(2026, 1, 1), cache=True)
    check_council(root, dt.date(2026, 1, 1), cache=True)
    assert list(elsewhere.iterdir()) == []


def test_a_cache_entry_shipped_with_a_folder_is_not_believed(council, tmp_path):
    """An entry copied along with the folder (a zip, a copy) names another inode: never a hit."""
    import shutil

    from cecli import cache
    from cecli.check import check_council

    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER + "  - {id: x}\n"})
    first = check_council(root, dt.date(2026, 1, 1), cache=True)
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    assert cache.lookup(copy, cache.key(copy, dt.date(2026, 1, 1))) is None
    assert first.errors


def test_the_real_command_and_its_cached_answer_do_not_wait_on_a_fifo_or_a_device(council):
    """`cec check` as a process, twice: the second answer comes from the cache before Typer starts
    (cecli.fastpath), whose key must not read the FIFO or /dev/zero either."""
    import subprocess
    import sys

    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER, "meetings/x": "x\n"})
    os.mkfifo(root / "meetings" / "2025-10-14.yaml")
    os.symlink("/dev/zero", root / "goals.yaml")
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "cecli", "check", str(root), "--as-of", "2026-01-10",
                               "--format", "parsable"], capture_output=True, text=True, timeout=30)
        assert done.returncode == 1, done.stderr
        assert "goals.yaml:0:0" in done.stdout or "goals.yaml" in done.stdout
        assert "Traceback" not in done.stderr
    assert (root / ".cec-cache").is_dir()


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_an_absurd_as_of_date_is_a_usage_error(day):
    from conftest import SAMPLE, invoke

    result = invoke(["check", SAMPLE, "--as-of", day, "--no-cache"])
    assert result.exit_code == 2
    assert "not a plausible date" in result.output


def test_a_control_character_written_as_an_escape_is_a_finding(council):
    """Found by benchmarks/fuzz.py (seed 9846): a quoted "\\0" reached a Word document and stopped the export."""
    root = council({"council.yaml": MS_COUNCIL, "roster.yaml": ROSTER,
                    "meetings/2025-10-07.yaml": 'date: 2025-10-07\ntitle: "Budget\\0 review"\n'})
    report = run_check(root)
    assert ("meetings/2025-10-07.yaml", 2, "CEC002") in found(report)
    assert "U+0000" in messages(report, "CEC002")[0]


def test_a_text_rule_parameter_in_the_wrong_form_is_a_finding_not_a_crash(council):
    """Found by the 10,000-variant fuzz run: `evidence_due` of 200 nines (kept as text) crashed
    the deadline rules; a severity parameter of any other word crashed CEC306."""
    root = council({"council.yaml": MS_COUNCIL})
    text = MS_COUNCIL
    for name, value, said in (("evidence_due", "9" * 200, "is not a month and day"),
                              ("evidence_due", "02-30", "is not a month and day"),
                              ("evidence_due", "'06'", "is not a month and day"),
                              ("held_attendance_severity", "bogus", "is not a severity")):
        (root / "council.yaml").write_text(text + f"\nrules:\n  parameters:\n    {name}: {value}\n", encoding="utf-8")
        report = run_check(root)
        assert any(said in m for m in messages(report, "CEC002")), (name, value, messages(report, "CEC002"))
