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
    assert "Approved by the Council on Wednesday, October 8, 2025" in approved
    assert "Adopt the meeting calendar" in approved and "For (3)" in approved
    draft = (site / "meetings" / "2025-10-08.html").read_text()
    assert "DRAFT-MINUTES-NOT-APPROVED" not in draft and "once the Council approves them" in draft
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
    # the last change of the meeting's file (the commit, 2026-06-20 10:00 -05:00), not the clock
    assert "DTSTAMP:20260620T150000Z" in text
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


def test_vocabulary_words_keep_their_real_hyphens():
    from cecli.textfmt import vocabulary_word

    assert [vocabulary_word(w) for w in ("faith-based-leader", "vice-chair", "co-chair", "community-member",
                                         "communications-liaison", "social_media", "", None)] == [
        "Faith-based leader", "Vice-chair", "Co-chair", "Community member", "Communications liaison",
        "Social media", "", ""]


def test_the_members_page_writes_roles_categories_and_dates_as_words(tmp_path):
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    _publish(root, tmp_path / "site")
    members = (tmp_path / "site" / "members.html").read_text()
    assert "Vice-chair" in members and "Vice chair" not in members
    assert "Business leader" in members and "Communications liaison" in members
    assert not re.search(r"\d{4}-\d{2}-\d{2}", members), "ISO dates on the members page"

    root = make_ms(tmp_path)
    _publish(root, tmp_path / "ms-site")
    members = (tmp_path / "ms-site" / "members.html").read_text()
    assert "Olive Former (faith-based leader), until June 30, 2025" in members
    assert '<td data-label="Serving since">September 1, 2025</td>' in members


def test_no_page_shows_an_iso_date_to_readers(tmp_path):
    root = make_ms(tmp_path)
    site = tmp_path / "site"
    _publish(root, site)
    for page in [*site.glob("*.html"), *(site / "meetings").glob("*.html")]:
        text = re.sub(r'(href|id)="[^"]*"', "", page.read_text())  # file names and anchors may be ISO
        assert not re.search(r"\d{4}-\d{2}-\d{2}", text), page.name


def test_the_meetings_page_says_the_meetings_are_open_and_each_meeting_says_it_is(tmp_path):
    root = make_ms(tmp_path)
    site = tmp_path / "site"
    _publish(root, site)
    listing = (site / "meetings.html").read_text()
    assert "These meetings are open to the public under the Mississippi Open Meetings Act" in listing
    assert "This meeting is open" not in listing
    assert "This meeting is open to the public" in (site / "meetings" / "2025-09-10.html").read_text()


def test_meeting_times_do_not_break_inside_a_table_cell(tmp_path):
    root = make_ms(tmp_path)
    site = tmp_path / "site"
    _publish(root, site)
    assert '<td class="time" data-label="Time">6:00 PM' in (site / "meetings.html").read_text()
    assert "td.time { white-space: nowrap; }" in (site / "style.css").read_text()


def test_a_roster_named_as_report_evidence_is_not_published(tmp_path):
    files = dict(MS_FILES)
    files["reports.yaml"] = """
        public_reports:
          - date: 2026-02-10
            title: Midyear report to families
            evidence: [roster.yaml, meetings/2025-09-10.yaml, evidence/.private/copy.txt, notes/plan.txt,
                       evidence/midyear.txt]
    """
    files["evidence/.private/copy.txt"] = MS_FILES["roster.yaml"]
    files["notes/plan.txt"] = "Call Ann Lee on 662-555-0142\n"
    root = write_council(tmp_path / "c", files)
    site = tmp_path / "site"
    published = {p.relative_to(site).as_posix() for p in _publish(root, site)}
    assert [p for p in published if p.startswith("files/")] == ["files/evidence/midyear.txt"]
    reports = (site / "reports.html").read_text()
    assert "roster.yaml" not in reports and "copy.txt" not in reports and "plan.txt" not in reports
    for path in site.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "662-555-0142" not in text and "secret-note-7781" not in text, path


def test_the_redactor_withholds_whole_words_only(tmp_path):
    from cecli.loader import load_council
    from cecli.privacy import Redactor

    root = write_council(tmp_path / "c", {
        "council.yaml": MS_FILES["council.yaml"],
        "roster.yaml": "members:\n  - {id: al, name: Al, category: student}\n"
                       "  - {id: bo, name: Bo Chan, category: parent, phone: 555-0100}\n",
    })
    redact = Redactor(load_council(root)[0])
    assert redact("The total rose; Al spoke. AL's idea, al.") == \
        "The total rose; [withheld] spoke. [withheld]'s idea, [withheld]."
    assert redact("Call 555-0100 or 555-01000") == "Call [withheld] or 555-01000"


def test_a_hidden_adult_is_a_member_and_a_hidden_student_presenter_a_student_member(tmp_path):
    files = dict(MS_FILES)
    files["roster.yaml"] = MS_FILES["roster.yaml"] + (
        "  - {id: hal, name: Harriet Hushwood, category: parent, public_name: false, start_date: 2025-09-01}\n")
    files["meetings/2025-09-10.yaml"] = MS_FILES["meetings/2025-09-10.yaml"].replace(
        "presenter: Zephyrine Quillfeather", "presenter: zq").replace("abstain: [sam-public]", "abstain: [sam-public, hal]")
    root = write_council(tmp_path / "c", files)
    site = tmp_path / "site"
    _publish(root, site)
    members = (site / "members.html").read_text()
    meeting = (site / "meetings" / "2025-09-10.html").read_text()
    assert "Harriet" not in members + meeting and "Hushwood" not in members + meeting
    assert members.count("A student member") == 1 and "A member" in members
    assert "A student member" in meeting.split("report card", 1)[1].split("</tr>", 1)[0]  # the presenter
    assert "Abstained (2)" in meeting and "A member" in meeting


def test_republishing_removes_the_pages_of_meetings_that_are_gone(tmp_path):
    root = write_council(tmp_path / "c", MS_FILES)
    site = tmp_path / "site"
    _publish(root, site)
    (site / "CNAME").write_text("cec.example.org\n")  # not cec's: stays
    assert (site / "meetings" / "2025-11-12.html").is_file()
    (root / "meetings" / "2025-11-12.yaml").unlink()
    (root / "reports.yaml").unlink()
    _publish(root, site)
    assert not (site / "meetings" / "2025-11-12.html").exists()
    assert not (site / "files" / "evidence" / "midyear.txt").exists()
    assert (site / "meetings" / "2025-09-10.html").is_file() and (site / "CNAME").is_file()
    assert not [p for p in site.rglob("*") if ".tmp" in p.name or "cec-tmp" in p.name]


def test_an_unwritable_output_is_a_plain_error(tmp_path):
    root = write_council(tmp_path / "c", MS_FILES)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    for args in (["calendar", root, "-o", blocker / "x.ics"], ["publish", root, "-o", blocker / "site"]):
        result = invoke(args)
        assert result.exit_code == 2, (args, result.output)
        assert f"cec could not write {blocker}" in result.output, result.output
        assert "Choose another place with --out." in result.output and "Traceback" not in result.output
