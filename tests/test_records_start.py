"""`records_start`: a council that adopts cec mid-history is not judged on what happened before it."""

from __future__ import annotations

from conftest import found, run_check
from gitcouncil import COUNCIL_YAML, make_council

OLD_MEETING = """
title: Regular meeting
kind: regular
status: held
date: {day}
start: "17:30"
end: "18:30"
location: Library
"""

OLD_OUTREACH = """
communications:
  - date: 2016-08-20
    channel: flyer
    purpose: recruitment
    evidence: [evidence/2016-flyer.pdf]
  - date: 2025-08-20
    channel: flyer
    purpose: recruitment
"""


def _council(tmp_path, records_start: str | None, history: bool = True):
    extra = f"records_start: {records_start}\n" if records_start else ""
    files = {"council.yaml": COUNCIL_YAML + extra}
    if history:
        files["outreach.yaml"] = OLD_OUTREACH
        for day in ("2016-09-13", "2016-10-11", "2017-01-10"):
            files[f"meetings/{day}.yaml"] = OLD_MEETING.format(day=day)
    return make_council(tmp_path, files)


def _old(findings):
    return [f for f in findings if f[0].startswith("meetings/201") or (f[0] == "outreach.yaml" and 2 <= f[1] <= 5)]


def test_without_records_start_the_old_meetings_are_judged(tmp_path):
    report = run_check(_council(tmp_path, None), "2025-11-22")
    old = _old(found(report))
    assert any(path == "meetings/2016-09-13.yaml" for path, _, _ in old)
    assert ("outreach.yaml", 5, "CEC006") in old  # the 2016 flyer's missing evidence file


def test_records_start_leaves_what_happened_before_it_unjudged(tmp_path):
    root = _council(tmp_path, "2025-07-01")
    report = run_check(root, "2025-11-22")
    assert _old(found(report)) == []
    # the records since then are judged exactly as in the same council without its old history
    recent = found(run_check(_council(tmp_path / "recent", None, history=False), "2025-11-22"))
    # (outreach.yaml differs in its lines: compare files and codes)
    assert sorted((p, c) for p, _, c in found(report)) == sorted((p, c) for p, _, c in recent)


def test_the_change_summary_counts_only_problems_the_change_introduced():
    """A problem the change made smaller (or whose count changed) is not new; a new one is."""
    from cecli.findings import Finding, Severity
    from cecli.store.problems import introduced

    def problem(code, path, message):
        return Finding(code, Severity.ERROR, path, 3, 1, message, "", "")

    before = [problem("CEC306", "meetings/2025-10-14.yaml", "does not say whether Ann, Bo and Cy were present."),
              problem("CEC104", "roster.yaml", "1 of 9 members are parents.")]
    after = [problem("CEC306", "meetings/2025-10-14.yaml", "does not say whether Cy was present."),
             problem("CEC104", "roster.yaml", "1 of 10 members are parents."),
             problem("CEC306", "meetings/2025-11-18.yaml", "does not say whether Ann was present."),
             problem("CEC104", "roster.yaml", "Nobody represents business.")]
    assert [(f.path, f.message) for f in introduced(before, after)] == [
        ("meetings/2025-11-18.yaml", "does not say whether Ann was present."),
        ("roster.yaml", "Nobody represents business.")]
