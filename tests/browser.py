"""A real browser for tests: Debian's headless Chromium driven by selenium, with axe-core.

Use it from a test module (one browser per module keeps the suite fast):

    from browser import browser  # noqa: F401  (the module-scoped fixture)

    def test_page_is_accessible(browser, tmp_path):
        browser.get(url)
        browser.screenshot(tmp_path / "page.png")
        assert browser.axe() == []

Nothing is ever downloaded: the driver is /usr/bin/chromedriver (so Selenium Manager never runs) and
the browser is /usr/bin/chromium. axe-core comes from npm (`.ci/run` installs it into
.ci/node_modules); CEC_AXE_JS may point at another axe.min.js. A missing browser or axe-core is an
error, never a skip: .ci/run installs both.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("CEC_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("CEC_CHROMEDRIVER", "/usr/bin/chromedriver"))
AXE_JS = Path(os.environ.get("CEC_AXE_JS", REPO / ".ci" / "node_modules" / "axe-core" / "axe.min.js"))
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
]


class Browser:
    """One headless Chromium: load pages, look at them, and ask axe-core what is wrong with them."""

    def __init__(self, width: int = 1280, height: int = 900):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        for path, how in ((CHROMIUM, "apt-get install chromium"), (CHROMEDRIVER, "apt-get install chromium-driver")):
            if not path.is_file():
                raise RuntimeError(f"{path} is missing: {how} (.ci/run does this)")
        if not AXE_JS.is_file():
            raise RuntimeError(f"{AXE_JS} is missing: npm install --prefix .ci axe-core (.ci/run does this)")
        self._profile = tempfile.mkdtemp(prefix="cec-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self._profile}")
        options.add_argument(f"--window-size={width},{height}")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        # Chromium downloads land here, so a test can open what a page sent.
        self.downloads = Path(self._profile) / "downloads"
        self.downloads.mkdir()
        options.add_experimental_option(
            "prefs",
            {
                "download.default_directory": str(self.downloads),
                "download.prompt_for_download": False,
                "plugins.always_open_pdf_externally": True,
            },
        )
        service = Service(executable_path=str(CHROMEDRIVER))
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_page_load_timeout(30)
        # headless Chromium saves downloads only when told where
        self.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(self.downloads)})
        self._axe = AXE_JS.read_text(encoding="utf-8")

    # --- pages -------------------------------------------------------------------------------
    def get(self, url: str) -> None:
        self.driver.get(url)

    @property
    def url(self) -> str:
        return self.driver.current_url

    @property
    def source(self) -> str:
        return self.driver.page_source

    def text(self) -> str:
        """The visible text of the page's body."""
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.TAG_NAME, "body").text

    def find(self, css: str):
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css: str):
        from selenium.webdriver.common.by import By

        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def set_width(self, width: int, height: int = 900) -> None:
        self.driver.set_window_size(width, height)

    def screenshot(self, path: str | Path, full_page: bool = False) -> Path:
        """Save a PNG of the window (or of the whole page's height) and return its path."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if full_page:
            size = self.driver.get_window_size()
            height = self.driver.execute_script("return document.documentElement.scrollHeight")
            self.driver.set_window_size(size["width"], max(int(height) + 100, size["height"]))
            try:
                self.driver.save_screenshot(str(path))
            finally:
                self.driver.set_window_size(size["width"], size["height"])
        else:
            self.driver.save_screenshot(str(path))
        return path

    def wait_for_download(self, suffix: str, timeout: float = 60.0) -> Path:
        """The first file ending in `suffix` to finish downloading (Chromium writes .crdownload first)."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done = [p for p in self.downloads.iterdir() if p.name.endswith(suffix)]
            if done and not any(p.name.endswith(".crdownload") for p in self.downloads.iterdir()):
                return done[0]
            time.sleep(0.1)
        raise AssertionError(f"no {suffix} file was downloaded within {timeout} s: {list(self.downloads.iterdir())}")

    def console_errors(self) -> list[str]:
        """Messages the page logged at SEVERE level (failed loads, script errors)."""
        return [e["message"] for e in self.driver.get_log("browser") if e.get("level") == "SEVERE"]

    # --- accessibility -------------------------------------------------------------------------
    def axe(self, tags: list[str] | None = None) -> list[dict]:
        """Run axe-core on the loaded page (WCAG 2.0/2.1 A and AA) and return its violations.

        Each violation is axe's dict, shortened to id, impact, help and the failing nodes' targets and
        summaries, so an assertion failure reads as a list of what to fix."""
        self.driver.set_script_timeout(60)
        self.driver.execute_script(self._axe)
        options = {"runOnly": {"type": "tag", "values": tags or AXE_TAGS}, "resultTypes": ["violations"]}
        result = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, arguments[0]).then(r => done(JSON.stringify(r.violations)),"
            " e => done(JSON.stringify({error: String(e)})));",
            options,
        )
        data = json.loads(result)
        if isinstance(data, dict):
            raise RuntimeError(f"axe-core failed: {data['error']}")
        return [
            {
                "id": v["id"],
                "impact": v.get("impact"),
                "help": v.get("help"),
                "nodes": [{"target": n.get("target"), "summary": n.get("failureSummary")} for n in v["nodes"]],
            }
            for v in data
        ]

    def quit(self) -> None:
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self._profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the whole test module."""
    b = Browser()
    try:
        yield b
    finally:
        b.quit()
