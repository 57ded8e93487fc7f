"""The public site's pages for parents (issue 16): how to join and whom to contact, New York's plan
and quarterly reports, the profile's own word for the body, agendas and approved minutes as PDF;
every new page checked with axe-core in a real headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess

from browser import browser  # noqa: F401  (module-scoped headless Chromium)
from export_councils import make_ms

from conftest import REPO, SAMPLE, invoke

NY_EXAMPLE = REPO / "docs" / "examples" / "ny-council"


def _publish(root, out, *extra):
    result = invoke(["publish", root, "--out", out, *extra])
    assert result.exit_code == 0, result.output
    return out


def _text(path) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")).split())


def test_the_join_page_says_how_to_join_and_whom_to_contact(tmp_path):
    site = _publish(SAMPLE, tmp_path / "site", "--as-of", "2026-08-01")
    join = _text(site / "join.html")
    assert "How to join the Council" in join
    assert "Nominations open on Wednesday, August 26, 2026 and close on Friday, September 4, 2026." in join
    assert "Thursday, August 20, 2026, 7:30 AM to 8:15 AM" in join  # the coming information session
    assert "Thursday, September 10, 2026: Election for the open community seat (1 seat)" in join
    assert "cec@sweetgum-hollow.example.org" in join and "(601) 555-0100" in join
    assert "return it electronically, by mail or in person at the school" not in join
    assert "by email to cec@sweetgum-hollow.example.org, by mail to Front office" in join
    assert 'href="join.html"' in (site / "index.html").read_text()


def test_new_yorks_site_speaks_of_the_team_and_has_its_plan_and_quarterly_reports(tmp_path):
    site = _publish(NY_EXAMPLE, tmp_path / "site", "--as-of", "2026-11-01")
    for page in site.glob("*.html"):
        text = _text(page)
        assert "the council" not in text.lower(), page.name
    assert "How to join the Team" in _text(site / "join.html")
    plan = _text(site / "plan.html")
    assert "Community Engagement Plan" in plan and "How stakeholders were consulted" in plan
    assert 'href="plan.html"' in (site / "index.html").read_text()
    reports = _text(site / "reports.html")
    assert "Quarterly reports" in reports and "2025-26 Q1" in reports and "2026-27 Q2" in reports
    # as of November 1, 2026 the second quarter of 2026-27 is not submitted yet; NYSED has not
    # published its dates, so its due date is the usual calendar's, said to be estimated
    assert re.search(r"2026-27 Q2 About January 30, 2027 Not yet Not yet", reports)
    assert re.search(r"2025-26 Q2 January 30, 2026 January 29, 2026", reports)  # a published period
    # the Mississippi sample has no plan, so no plan page
    sample = _publish(SAMPLE, tmp_path / "ms")
    assert not (sample / "plan.html").exists() and "plan.html" not in (sample / "index.html").read_text()


def test_publish_pdf_links_each_agenda_and_only_approved_minutes(tmp_path):
    root = make_ms(tmp_path)
    site = _publish(root, tmp_path / "site", "--pdf")
    approved = (site / "meetings" / "2025-09-10.html").read_text()
    draft = (site / "meetings" / "2025-10-08.html").read_text()
    assert 'href="2025-09-10/agenda.pdf"' in approved and 'href="2025-09-10/minutes.pdf"' in approved
    assert 'href="2025-10-08/agenda.pdf"' in draft and "minutes.pdf" not in draft
    assert not (site / "meetings" / "2025-10-08" / "minutes.pdf").exists()
    assert not (site / "meetings" / "2025-11-12" / "agenda.pdf").exists()  # cancelled
    info = subprocess.run(["pdfinfo", str(site / "meetings" / "2025-09-10" / "minutes.pdf")],
                          capture_output=True, text=True, check=True).stdout
    assert re.search(r"Tagged:\s+yes", info)
    text = subprocess.run(["pdftotext", str(site / "meetings" / "2025-09-10" / "agenda.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Zephyrine" not in text and "Quillfeather" not in text
    assert (site / "files" / "interest-form.pdf").is_file()
    assert 'href="files/interest-form.pdf"' in (site / "join.html").read_text()
    # republishing without a meeting removes its PDFs
    shutil.rmtree(site / "meetings" / "2025-10-08")
    (root / "meetings" / "2025-09-10.yaml").unlink()
    _publish(root, site)
    assert not (site / "meetings" / "2025-09-10").exists() or not list((site / "meetings" / "2025-09-10").glob("*.pdf"))


def test_the_new_pages_have_no_axe_violations(browser, tmp_path):  # noqa: F811
    sample = _publish(SAMPLE, tmp_path / "sample", "--as-of", "2026-08-01")
    ny = _publish(NY_EXAMPLE, tmp_path / "ny", "--as-of", "2026-11-01")
    problems = {}
    for page in (sample / "join.html", ny / "join.html", ny / "plan.html", ny / "reports.html", ny / "index.html"):
        browser.get(page.as_uri())
        assert browser.find("h1").text
        violations = browser.axe()
        if violations:
            problems[str(page)] = violations
    assert problems == {}
