"""cec serve in a real headless Chromium: the main flows a secretary walks, each leaving the expected
file contents and exactly one commit, and axe-core (WCAG 2.1 AA) on every page on the way.

One browser and one server for the module; the steps run in order on one council, as a secretary's
evening would: add a member, schedule a meeting, tick attendance, record a unanimous vote, fix a
mistake, undo it, download the agenda.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from browser import browser  # noqa: F401  (module-scoped headless Chromium)
from servecouncil import commits, git, last_commit, sample_repo

# A meeting two days ago (the library judges "held" against the real today, so the test does too),
# moved off a weekend so no weekend warning muddies the page.
DAY = dt.date.today() - dt.timedelta(days=2)
while DAY.weekday() >= 5:
    DAY -= dt.timedelta(days=1)
MEETING = DAY.isoformat()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from werkzeug.serving import make_server

    from cecli.web import create_app

    root = sample_repo(tmp_path_factory.mktemp("serve"))
    server = make_server("127.0.0.1", 0, create_app(root), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


class Walk:
    """The browser and the council, with the checks every step makes."""

    def __init__(self, browser, root, base):
        self.b, self.root, self.base = browser, root, base
        self.checked: list[str] = []

    def open(self, path: str):
        self.b.get(self.base + path)
        self.accessible()

    def accessible(self):
        assert self.b.axe() == [], self.b.url
        self.checked.append(self.b.url)

    def fill(self, field_id: str, value: str):
        element = self.b.find(f"#{field_id}")
        if element.get_attribute("type") in ("date", "time"):
            self.b.driver.execute_script("arguments[0].value = arguments[1]", element, value)
        elif element.tag_name == "select":
            from selenium.webdriver.support.ui import Select

            Select(element).select_by_value(value)
        else:
            element.clear()
            element.send_keys(value)

    def tick(self, form: str, name: str, value: str):
        box = self.b.find(f'form input[type=hidden][name=_form][value="{form}"]').find_element(
            "xpath", f'ancestor::form//input[@type="checkbox"][@name="{name}"][@value="{value}"]')
        if not box.is_selected():
            box.click()

    def submit(self, form: str):
        before = commits(self.root)
        button = self.b.find(f'form input[type=hidden][name=_form][value="{form}"]').find_element(
            "xpath", "ancestor::form//button[@type='submit']")
        button.click()
        self.accessible()
        assert commits(self.root) == before + 1, self.b.text()[:2000]
        return last_commit(self.root)


@pytest.fixture(scope="module")
def walk(browser, served):  # noqa: F811
    root, base = served
    return Walk(browser, root, base)


def test_every_page_passes_axe_and_works_at_a_phones_width(walk):
    # the flows below check the roster, meetings, a new meeting's page and the history page
    for path in ("/", "/roster/dolores-whitaker", "/meetings/2025-10-07", "/meetings/2026-12-08", "/outreach",
                 "/goals", "/reports", "/identity", "/entries/outreach", "/entries/report/1"):
        walk.open(path)
        assert walk.b.find("h1").text
    walk.b.set_width(375)
    try:
        for path in ("/roster", "/meetings/2025-10-07"):
            walk.open(path)
            width = walk.b.driver.execute_script("return document.documentElement.scrollWidth")
            assert width <= 375, (path, width)
    finally:
        walk.b.set_width(1280)


def test_add_a_member_by_keyboard_alone(walk):
    from selenium.webdriver.common.keys import Keys

    walk.open("/roster")
    # the skip link is the first stop for the keyboard, and leads to the main content
    walk.b.find("body").send_keys(Keys.TAB)
    assert walk.b.driver.switch_to.active_element.text == "Skip to main content"
    walk.fill("add-member-name", "Rosa Delgado")
    walk.fill("add-member-category", "parent")
    walk.fill("add-member-start_date", "2025-10-01")
    walk.fill("add-member-email", "rosa.delgado@example.org")
    before = commits(walk.root)
    walk.b.find("#add-member-email").send_keys(Keys.ENTER)  # implicit submission from a text field
    walk.accessible()
    assert commits(walk.root) == before + 1
    assert last_commit(walk.root) == ("Add member Rosa Delgado.", "Dana Secretary <dana@example.org>", ["roster.yaml"])
    assert walk.b.url.endswith("/roster/rosa-delgado")  # redirected after the POST
    assert "Add member Rosa Delgado. (commit" in walk.b.text()
    from cecli.loader import load_council

    council, _ = load_council(walk.root)
    rosa = council.member("rosa-delgado")
    assert (rosa.name, rosa.category, rosa.email, rosa.start_date) == (
        "Rosa Delgado", "parent", "rosa.delgado@example.org", dt.date(2025, 10, 1))


def test_a_mistake_in_a_form_shows_beside_its_field(walk):
    walk.open("/roster")
    walk.fill("add-member-name", "Sam Error")
    walk.fill("add-member-start_date", "2025-10-01")
    before = commits(walk.root)
    walk.b.find('form input[name=_form][value="add-member"]').find_element("xpath", "ancestor::form//button").click()
    walk.accessible()  # the page with its errors shown passes axe too
    assert commits(walk.root) == before
    error = walk.b.find("#add-member-category-error").text
    assert "A member needs a category (--category)." in error
    assert walk.b.find("#add-member-name").get_attribute("value") == "Sam Error"


def test_schedule_a_meeting(walk):
    walk.open("/meetings")
    walk.fill("new-meeting-date", MEETING)
    walk.fill("new-meeting-start", "17:30")
    walk.fill("new-meeting-end", "18:45")
    message, _author, paths = walk.submit("new-meeting")
    assert message == f"Add meeting of {MEETING}."
    assert f"meetings/{MEETING}.yaml" in paths and f"documents/meetings/{MEETING}/agenda.docx" in paths
    text = (walk.root / "meetings" / f"{MEETING}.yaml").read_text()
    assert f"date: {MEETING}" in text and "start: '17:30'" in text or 'start: "17:30"' in text
    assert walk.b.url.endswith(f"/meetings/{MEETING}")


def test_tick_attendance(walk):
    walk.open(f"/meetings/{MEETING}")
    for member in ("dolores-whitaker", "jose-nunez", "rosa-delgado"):
        walk.tick("attendance", "present", member)
    walk.fill("attendance-guests", "4")
    message, _author, paths = walk.submit("attendance")
    assert (message, paths) == (f"Record attendance for the meeting of {MEETING}.", [f"meetings/{MEETING}.yaml"])
    from cecli.loader import load_council

    council, _ = load_council(walk.root)
    meeting = next(m for m in council.meetings if m.id == MEETING)
    assert meeting.attendance.present == ["dolores-whitaker", "jose-nunez", "rosa-delgado"]
    serving = {m.id for m in council.active_members(DAY)}
    assert set(meeting.attendance.absent) == serving - {"dolores-whitaker", "jose-nunez", "rosa-delgado"}
    assert meeting.attendance.guests == 4 and meeting.status == "held"


def test_record_a_unanimous_vote(walk):
    walk.open(f"/meetings/{MEETING}")
    walk.fill("motion-text", "Adopt the family reading night plan.")
    walk.fill("motion-moved_by", "jose-nunez")
    walk.fill("motion-seconded_by", "rosa-delgado")
    message, _author, paths = walk.submit("motion")
    assert (message, paths) == (f"Add motion 1 to the meeting of {MEETING}.", [f"meetings/{MEETING}.yaml"])
    walk.fill("vote-number", "1")
    walk.b.find("#vote-unanimous").click()
    message, _author, paths = walk.submit("vote")
    assert (message, paths) == (f"Record the vote on motion 1 at the meeting of {MEETING}.", [f"meetings/{MEETING}.yaml"])
    assert "Carried unanimously by everyone present" in walk.b.text()
    from cecli.loader import load_council

    council, _ = load_council(walk.root)
    motion = next(m for m in council.meetings if m.id == MEETING).motions[-1]
    assert motion.text == "Adopt the family reading night plan." and motion.result == "carried"
    assert motion.unanimous is True and motion.moved_by == "jose-nunez" and motion.votes is None


def test_record_what_happened_an_action_item_and_an_officer_election(walk):
    walk.open(f"/meetings/{MEETING}")
    walk.fill("happened-called_to_order", "18:04")
    walk.fill("happened-quorum", "present")
    message, _author, paths = walk.submit("happened")
    assert (message, paths) == (f"Record what happened for the meeting of {MEETING}.", [f"meetings/{MEETING}.yaml"])
    walk.fill("action-task", "Order the reading-night books")
    walk.fill("action-owner", "jose-nunez")
    walk.submit("action")
    assert "Order the reading-night books" in walk.b.text()
    walk.fill("officer-role", "treasurer")
    walk.fill("officer-member", "jose-nunez")
    message, _author, paths = walk.submit("officer")
    assert paths == [f"meetings/{MEETING}.yaml", "roster.yaml"]
    assert "was elected treasurer" in walk.b.text()
    from cecli.loader import load_council

    council, _ = load_council(walk.root)
    meeting = next(m for m in council.meetings if m.id == MEETING)
    assert meeting.called_to_order.time == dt.time(18, 4) and meeting.quorum == "present"
    assert meeting.action_items[-1].owner == "jose-nunez"
    assert "treasurer" in council.member("jose-nunez").roles_on(DAY)


def test_fix_a_mistake_then_undo_it(walk):
    path = walk.root / "meetings" / f"{MEETING}.yaml"
    before = path.read_text()
    walk.open(f"/meetings/{MEETING}")
    walk.fill("edit-meeting-location", "Sweetgum Hollow cafeteria")
    message, _author, paths = walk.submit("edit-meeting")
    assert message == f"Change the place of the meeting of {MEETING}."
    assert f"meetings/{MEETING}.yaml" in paths
    assert "location: Sweetgum Hollow cafeteria" in path.read_text()
    walk.open("/log")
    newest = walk.b.find_all("ol.log > li")[0]
    assert message in newest.text
    count = commits(walk.root)
    newest.find_element("css selector", "button").click()
    walk.accessible()
    assert commits(walk.root) == count + 1
    assert last_commit(walk.root)[0] == f"Undo: {message}"
    assert path.read_text() == before
    assert f"Undid" in walk.b.text()


def test_a_hand_edit_while_the_page_is_open_is_refused_then_shown(walk):
    walk.open(f"/meetings/{MEETING}")
    path = walk.root / "meetings" / f"{MEETING}.yaml"
    path.write_text(path.read_text() + "title: Regular meeting (typed by hand)\n")
    walk.fill("minutes-summary", "The council adopted the reading night plan.")
    before = commits(walk.root)
    walk.b.find('form input[name=_form][value="minutes"]').find_element("xpath", "ancestor::form//button").click()
    walk.accessible()
    assert commits(walk.root) == before
    assert "was edited by hand after this page was opened" in walk.b.text()
    assert walk.b.find("#minutes-summary").get_attribute("value") == "The council adopted the reading night plan."
    git(walk.root, "commit", "-q", "-am", "Retitle the meeting by hand.")
    walk.open(f"/meetings/{MEETING}")
    assert "Regular meeting (typed by hand)" in walk.b.text()  # the hand edit shows on the next page


def test_download_the_agenda(walk):
    walk.open(f"/meetings/{MEETING}")
    walk.b.find('a[href$="/agenda.docx"]').click()
    agenda = walk.b.wait_for_download(".docx")
    assert agenda.name == f"{MEETING}-agenda.docx"
    import docx

    text = "\n".join(p.text for p in docx.Document(str(agenda)).paragraphs)
    assert "Sweetgum Hollow" in text and "Agenda" in text
    assert len(set(walk.checked)) >= 12
