"""The public site of `cec publish` in a real headless Chromium: every page passes axe-core (WCAG 2.1 AA)."""

from __future__ import annotations

from browser import browser  # noqa: F401  (module-scoped headless Chromium)
from conftest import SAMPLE, invoke


def test_every_page_of_the_sample_councils_site_has_no_axe_violations(browser, tmp_path):  # noqa: F811
    out = tmp_path / "site"
    result = invoke(["publish", SAMPLE, "--out", out])
    assert result.exit_code == 0, result.output
    meetings = sorted((out / "meetings").glob("*.html"))
    assert len(meetings) > 10
    # Every top-level page, and meeting pages of each kind (minutes approved, cancelled, upcoming):
    # all meeting pages share one template.
    pages = sorted(out.glob("*.html")) + [meetings[0], meetings[4], meetings[-1]]
    problems = {}
    for page in pages:
        browser.get(page.as_uri())
        assert browser.find("h1").text
        violations = browser.axe()
        if violations:
            problems[str(page.relative_to(out))] = violations
    assert problems == {}
    browser.set_width(375)
    browser.get((out / "index.html").as_uri())
    shot = browser.screenshot(tmp_path / "index-phone.png")
    assert shot.stat().st_size > 1000
    # At a phone's width nothing is wider than the screen.
    assert browser.driver.execute_script("return document.documentElement.scrollWidth") <= 375
    browser.set_width(1280)
