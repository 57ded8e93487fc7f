"""A state is a plug-in: its profile file (and at most one rules module) say everything about it."""

from __future__ import annotations

import datetime as dt
import re

from conftest import MS_COUNCIL, NY_COUNCIL, REPO, run_check

from cecli import profiles

D = dt.date.fromisoformat


def test_no_module_outside_the_profiles_compares_a_profile_name():
    names = "|".join(re.escape(n) for n in profiles.available())
    comparison = re.compile(r"(profile\.name|setup\.profile|\[\"profile\"\])\s*(==|!=|not in \(|in \()")
    literal = re.compile(rf"""["']({names})["']""")
    offenders = []
    for path in sorted((REPO / "src" / "cecli").rglob("*.py")):
        if "profiles" in path.relative_to(REPO / "src" / "cecli").parts[:1]:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if comparison.search(line) or literal.search(line):
                offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert offenders == []


def test_every_profile_file_names_its_time_zone_export_and_rules():
    for name in profiles.available():
        profile = profiles.load(name)
        assert profile.timezone.count("/") == 1, name
        assert profile.export.get("items"), name
        assert profile.severities, name


def test_a_shared_rule_cites_the_law_of_the_profile_it_runs_under(council):
    meeting = "date: 2025-10-14\nstatus: scheduled\nopen_to_public: false\n"
    ms = council({"council.yaml": MS_COUNCIL, "roster.yaml": "members: []\n", "meetings/2025-10-14.yaml": meeting})
    sources = {f.source for f in run_check(ms, "2025-10-01").findings if f.code == "CEC303"}
    assert sources == {'MS-CEC "Meeting Setup"; Miss. Code Ann. § 25-41-5'}
    (ms / "council.yaml").write_text(NY_COUNCIL)
    sources = {f.source for f in run_check(ms, "2025-10-01").findings if f.code == "CEC303"}
    assert sources == {"NY Public Officers Law § 103"}


# --- NYSED reporting periods ------------------------------------------------------------------------

def _spans(year, override=None):
    return [(p.label, p.start, p.end, p.due, p.estimated) for p in profiles.load("ny-cet").periods(year, override)]


def test_published_periods_are_used_as_nysed_gave_them():
    assert _spans("2025-26")[:2] == [
        ("2025-26 Q1", D("2025-07-23"), D("2025-10-30"), D("2025-10-30"), False),
        ("2025-26 Q2", D("2025-10-31"), D("2026-01-30"), D("2026-01-30"), False),
    ]
    assert _spans("2022-23") == [
        ("2022-23 Q1", D("2022-07-21"), D("2022-10-31"), D("2022-10-31"), False),
        ("2022-23 Q2", D("2022-11-01"), D("2023-01-31"), D("2023-01-31"), False),
        ("2022-23 Q3", D("2023-02-01"), D("2023-04-28"), D("2023-04-28"), False),
        ("2022-23 Q4", D("2023-04-29"), D("2023-07-31"), D("2023-07-31"), False),
    ]


def test_unpublished_periods_follow_the_usual_calendar_and_say_so():
    spans = _spans("2024-25")
    assert spans[1] == ("2024-25 Q2", D("2024-10-31"), D("2025-01-30"), D("2025-01-30"), True)
    assert spans[2] == ("2024-25 Q3", D("2025-02-01"), D("2025-04-30"), D("2025-04-30"), False)
    assert spans[3] == ("2024-25 Q4", D("2025-05-01"), D("2025-07-21"), D("2025-07-21"), False)
    assert _spans("2026-27") == [
        ("2026-27 Q1", D("2026-07-23"), D("2026-10-30"), D("2026-10-30"), True),
        ("2026-27 Q2", D("2026-10-31"), D("2027-01-30"), D("2027-01-30"), True),
        ("2026-27 Q3", D("2027-01-31"), D("2027-04-30"), D("2027-04-30"), True),
        ("2026-27 Q4", D("2027-05-01"), D("2027-07-21"), D("2027-07-21"), True),
    ]
    period = profiles.load("ny-cet").periods("2026-27")[1]
    assert period.due_text() == "due about 2027-01-30, from the usual NYSED calendar"


def test_a_council_override_replaces_only_the_quarters_it_gives():
    override = {"2026-27": {"Q2": {"start": "2026-11-01", "end": "2027-01-29"}}}
    spans = _spans("2026-27", override)
    assert spans[1] == ("2026-27 Q2", D("2026-11-01"), D("2027-01-29"), D("2027-01-29"), False)
    assert spans[0][4] and spans[2][4]
