"""cec publish and cec calendar: nothing private in public output, accessible pages, a stable .ics."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from conftest import SAMPLE, invoke, write_council
from export_councils import MS_FILES, NY_FILES, PRIVATE, make_ms


def _publish(root: Path, out: Path):
    result = invoke(["publish", root, "--out", out])
    assert result.exit_code == 0, result.output
    return sorted(p for p in out.rglob("*") if p.is_file())


def test_no_private_value_appears_in_any_public_file(tmp_path):
    root = make_ms(tmp_path)
    files = _publish(root, tmp_path / "site")
    assert invoke(["calendar", root, "--out", tmp_path / "meetings.ics"]).exit_code == 0
    assert invoke(["export", root, "--format", "popolo", "--out", tmp_path / "popolo.json"]).exit_code == 0
    files += [tmp_path / "meetings.ics", tmp_path / "popolo.json"]
    assert len(files) > 10
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace").lower()
        text = re.sub(r"\r\n[ \t]", "", text)  # unfold iCalendar lines
        for value in PRIVATE:
            assert value.lower() not in text, (path.name, value)
            assert value.lower().replace("&", "&amp;") not in text, (path.name, value)


def test_the_site_names_members_by_role_and_hides_unconsented_students(tmp_path):
    root = make_ms(tmp_path)
    _publish(root, tmp_path / "site")
    members = (tmp_path / "site" / "members.html").read_text()
    assert "Ann Lee" in members and "Chair" in members
    assert "Sam Public" in members  # a student with public_name: true
    assert "A student member" in members
    assert "Bo Chan &amp; Sons &lt;Hardware&gt;" in members  # escaped, not markup
    assert "Olive Former" in members and "Former members" in members


def test_only_approved_minutes_are_published(tmp_path):
    root = make_ms(tmp_path)
    _publish(root, tmp_path / "site")
    site = tmp_path / "site"
    approved = (site / "meetings" / "2025-09-10.html").read_text()
    assert "Approved by the council on Wednesday, October 8, 2025" in approved
    assert "Adopt the meeting calendar" in approved and "For (3)" in approved
    draft = (site / "meetings" / "2025-10-08.html").read_text()
    assert "DRAFT-MINUTES-NOT-APPROVED" not in draft and "once the council approves them" in draft
    assert "This meeting was cancelled" in (site / "meetings" / "2025-11-12.html").read_text()
    calendar = (site / "meetings.html").read_text()
    assert "Mississippi Open Meetings Act" in calendar and "Test Elementary Library" in calendar
    assert "6:00 PM" in calendar
    goals = (site / "goals.html").read_text()
    assert "Raise third-grade reading proficiency" in goals and "Winter benchmark up 4 points" in goals
    reports = (site / "reports.html").read_text()
    assert "Midyear report to families" in reports and 'href="files/evidence/midyear.txt"' in reports
    assert (site / "files" / "evidence" / "midyear.txt").is_file()


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.links, self.lang, self.ids = [], [], None, set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.lang = attrs.get("lang")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])


def test_pages_are_accessible_and_work_from_a_folder(tmp_path):
    root = make_ms(tmp_path)
    site = tmp_path / "site"
    pages = [p for p in _publish(root, site) if p.suffix == ".html"]
    assert {p.relative_to(site).as_posix() for p in pages} >= {"index.html", "members.html", "meetings.html",
                                                              "goals.html", "reports.html", "meetings/2025-09-10.html"}
    for page in pages:
        parser = _Page()
        parser.feed(page.read_text())
        assert parser.lang == "en", page
        assert parser.tags.count("h1") == 1, page
        assert "main" in parser.ids and "#main" in parser.links, page  # the skip link and its target
        assert "script" not in parser.tags
        levels = [int(t[1]) for t in parser.tags if re.fullmatch(r"h[1-6]", t)]
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (page, levels)  # no skipped heading level
        for link in parser.links:
            if link.startswith("#") or link.startswith(("http://", "https://")):
                continue
            assert not link.startswith("/"), (page, link)
            assert (page.parent / link).resolve().is_file(), (page, link)
    css = (site / "style.css").read_text()
    assert "@media (max-width" in css
    assert 'name="viewport"' in (site / "index.html").read_text()


def test_the_site_is_deterministic(tmp_path):
    root = make_ms(tmp_path)
    first = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in _publish(root, tmp_path / "a")}
    second = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in _publish(root, tmp_path / "b")}
    assert first == second


def test_calendar_parses_with_an_independent_parser(tmp_path):
    import ics

    root = make_ms(tmp_path)
    assert invoke(["calendar", root, "--out", tmp_path / "a.ics"]).exit_code == 0
    text = (tmp_path / "a.ics").read_text()
    calendar = ics.Calendar(text)
    events = {e.uid: e for e in calendar.events}
    assert set(events) == {f"{d}@9999-test-elementary-cec.cec" for d in ("2025-08-12", "2025-09-10", "2025-10-08", "2025-11-12")}
    first = events["2025-09-10@9999-test-elementary-cec.cec"]
    assert first.begin.isoformat() == "2025-09-10T18:00:00-05:00"
    assert first.end.isoformat() == "2025-09-10T19:15:00-05:00"
    assert first.location == "Test Elementary Library"
    assert events["2025-11-12@9999-test-elementary-cec.cec"].status == "CANCELLED"
    assert "BEGIN:VTIMEZONE" in text and "TZID:America/Chicago" in text
    assert "DTSTAMP:20251008T000000Z" in text  # from the record (minutes approved), not the clock
    assert invoke(["calendar", root, "--out", tmp_path / "b.ics"]).exit_code == 0
    assert (tmp_path / "b.ics").read_bytes() == (tmp_path / "a.ics").read_bytes()


def test_calendar_time_zone_comes_from_council_or_profile(tmp_path):
    import ics

    ny = write_council(tmp_path / "ny", NY_FILES)
    assert invoke(["calendar", ny, "--out", tmp_path / "ny.ics"]).exit_code == 0
    text = (tmp_path / "ny.ics").read_text()
    assert "TZID:America/New_York" in text
    assert next(iter(ics.Calendar(text).events)).begin.isoformat() == "2025-09-20T16:00:00-04:00"
    files = dict(MS_FILES)
    files["council.yaml"] = MS_FILES["council.yaml"] + "timezone: America/Denver\n"
    ms = write_council(tmp_path / "ms", files)
    assert invoke(["calendar", ms, "--out", tmp_path / "ms.ics"]).exit_code == 0
    assert "DTSTART;TZID=America/Denver:20250910T180000" in (tmp_path / "ms.ics").read_text()


def test_publish_refuses_when_the_roster_cannot_be_read(tmp_path):
    files = dict(MS_FILES)
    files["roster.yaml"] = MS_FILES["roster.yaml"] + "  - {id: Bad Id, name: X, category: parent, phone: 555-HIDDEN}\n"
    root = write_council(tmp_path / "c", files)
    result = invoke(["publish", root, "--out", tmp_path / "site"])
    assert result.exit_code != 0 and "roster.yaml" in result.output
    assert not (tmp_path / "site" / "index.html").exists()


def test_sample_council_site_keeps_its_students_private(tmp_path):
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    from cecli.loader import load_council

    council, _ = load_council(root)
    private = [v for m in council.members for v in (m.email, m.phone, m.note) if v]
    private += [m.name for m in council.members if not m.may_be_named_publicly]
    assert private
    files = _publish(root, tmp_path / "site")
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace")
        for value in private:
            assert value not in text, (path.name, value)
