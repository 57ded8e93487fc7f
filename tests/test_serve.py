"""cec serve through Flask's test client: safety (CSRF, Host, read-only, password, loopback), stale
forms (409, input kept), errors beside fields, identity, one commit per form, many councils."""

from __future__ import annotations

import base64
import datetime as dt
import re
import shutil
import subprocess
import sys

import pytest

from conftest import REPO, invoke
from servecouncil import commits, form_fields, form_values, git, last_commit, sample_repo

TODAY = dt.date(2026, 11, 22)
HOST = "127.0.0.1:8765"


def client_for(root, **options):
    from cecli.web import create_app

    app = create_app(root, today=TODAY, **options)
    app.testing = True
    return app.test_client()


def get(client, url, **kw):
    return client.get(url, headers={"Host": HOST}, **kw)


def post(client, url, data, **kw):
    return client.post(url, data=data, headers={"Host": HOST}, **kw)


def page_form(client, url, name):
    response = get(client, url)
    assert response.status_code == 200, response.data[:500]
    return form_fields(response.get_data(as_text=True), name)


def snapshot(root):
    files = {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
             if p.is_file() and ".git" not in p.relative_to(root).parts}
    return files, git(root, "rev-parse", "HEAD")


NEW_MEMBER = {"name": "Rosa Delgado", "category": "parent", "start_date": "2026-11-20", "email": "rosa@example.org"}


@pytest.fixture
def council(tmp_path):
    return sample_repo(tmp_path)


def test_a_form_makes_the_same_single_commit_as_the_cli_and_redirects(council, tmp_path):
    client = client_for(council)
    hidden = page_form(client, "/roster", "add-member")
    before = commits(council)
    response = post(client, "/roster", {**hidden, **NEW_MEMBER})
    assert response.status_code == 303 or response.status_code == 302
    assert response.headers["Location"].endswith("/roster/rosa-delgado")
    assert commits(council) == before + 1
    message, author, paths = last_commit(council)
    assert (message, author, paths) == ("Add member Rosa Delgado.", "Dana Secretary <dana@example.org>", ["roster.yaml"])
    web_roster = (council / "roster.yaml").read_text()
    assert "# Nobody is ever deleted." in web_roster  # comments survive, as with the CLI
    # The CLI, given the same values, writes the same file and the same message.
    other = sample_repo(tmp_path / "cli")
    result = invoke(["member", "add", "--name", "Rosa Delgado", "--category", "parent", "--start", "2026-11-20",
                     "--email", "rosa@example.org", "--council", other])
    assert result.exit_code == 0, result.output
    assert (other / "roster.yaml").read_text() == web_roster
    assert last_commit(other)[0] == message
    shown = get(client, "/roster/rosa-delgado").get_data(as_text=True)
    assert "Add member Rosa Delgado. (commit" in shown  # what the CLI prints, after the redirect


def test_an_error_shows_beside_its_field_in_the_clis_words(council):
    client = client_for(council)
    hidden = page_form(client, "/roster", "add-member")
    before = snapshot(council)
    response = post(client, "/roster", {**hidden, **NEW_MEMBER, "category": "astronaut"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    error = re.search(r'<p class="error" id="add-member-category-error">([^<]*)</p>', html)
    assert error and "--category `astronaut` is not a member category the ms-cec profile knows." in error.group(1)
    assert re.search(r'<select id="add-member-category" name="category" aria-required="true" '
                     r'aria-describedby="add-member-category-hint add-member-category-error" aria-invalid="true">', html)
    assert 'value="Rosa Delgado"' in html  # the user's input is kept
    assert snapshot(council) == before


def test_a_post_without_the_pages_csrf_token_changes_nothing(council):
    client = client_for(council)
    hidden = page_form(client, "/roster", "add-member")
    before = snapshot(council)
    for data in ({k: v for k, v in hidden.items() if k != "_csrf"}, {**hidden, "_csrf": "forged"}):
        response = post(client, "/roster", {**data, **NEW_MEMBER})
        assert response.status_code == 400
        assert "Nothing was written" in response.get_data(as_text=True)
    # another browser (no session cookie) replaying a real token is refused too
    stranger = client_for(council)
    assert post(stranger, "/roster", {**hidden, **NEW_MEMBER}).status_code == 400
    assert snapshot(council) == before


def test_the_host_header_must_name_this_server(council):
    client = client_for(council)
    for host in ("127.0.0.1:8765", "localhost:8765", "[::1]:8765", "127.0.0.1"):
        assert client.get("/", headers={"Host": host}).status_code == 200, host
    for host in ("attacker.example:8765", "attacker.example", "127.0.0.1.attacker.example:8765"):
        response = client.get("/", headers={"Host": host})
        assert response.status_code == 400, host
        assert "does not answer to the name" in response.get_data(as_text=True)
    allowed = client_for(council, hosts=["council.local"])
    assert allowed.get("/", headers={"Host": "council.local:8765"}).status_code == 200


def test_read_only_shows_no_edit_control_and_refuses_every_post(council):
    client = client_for(council, read_only=True)
    pages = ["/", "/roster", "/roster/dolores-whitaker", "/meetings", "/meetings/2026-12-08", "/outreach",
             "/goals", "/reports", "/log"]
    for url in pages:
        html = get(client, url).get_data(as_text=True)
        assert "<form" not in html and "<button" not in html, url
    before = snapshot(council)
    response = post(client, "/roster", {**NEW_MEMBER, "_form": "add-member"})
    assert response.status_code == 403
    assert snapshot(council) == before


def test_a_password_guards_every_page(council):
    client = client_for(council, password="s3cret words")
    assert get(client, "/").status_code == 401
    assert "Basic" in get(client, "/roster").headers["WWW-Authenticate"]
    bad = base64.b64encode(b"x:wrong").decode()
    assert client.get("/", headers={"Host": HOST, "Authorization": f"Basic {bad}"}).status_code == 401
    good = base64.b64encode("x:s3cret words".encode()).decode()
    assert client.get("/", headers={"Host": HOST, "Authorization": f"Basic {good}"}).status_code == 200


def test_a_form_built_on_files_edited_since_is_refused_with_409_and_the_input_kept(council):
    client = client_for(council)
    hidden = page_form(client, "/roster", "add-member")
    roster = council / "roster.yaml"
    roster.write_text(roster.read_text().replace("601-555-0142", "601-555-0199"))  # a hand edit meanwhile
    before = snapshot(council)
    response = post(client, "/roster", {**hidden, **NEW_MEMBER})
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "roster.yaml was edited by hand after this page was opened" in html
    assert 'value="Rosa Delgado"' in html and 'value="rosa@example.org"' in html
    assert snapshot(council) == before
    # the refused page carries the files as they are now: sending it again, deliberately, works
    again = form_fields(html, "add-member")
    assert again["_files"] != hidden["_files"]
    git(council, "commit", "-q", "-am", "Correct Dolores Whitaker's phone.")  # same bytes: the form still fits
    assert post(client, "/roster", {**again, **NEW_MEMBER}).status_code in (302, 303)
    assert "Rosa Delgado" in roster.read_text() and "601-555-0199" in roster.read_text()


def test_a_stale_form_names_the_recorded_change_that_came_first(council):
    client = client_for(council)
    hidden = page_form(client, "/roster/jose-nunez", "end-member")
    result = invoke(["member", "update", "jose-nunez", "--phone", "601-555-0100", "--council", council],
                    env={"CEC_AUTHOR": "Ann Other <ann@example.org>"})
    assert result.exit_code == 0, result.output
    count = commits(council)
    response = post(client, "/roster/jose-nunez", {**hidden, "end_date": "2026-11-01"})
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "roster.yaml was changed after this page was opened: Ann Other recorded" in html
    assert "Update member Jos" in html
    assert 'value="2026-11-01"' in html
    assert commits(council) == count


def test_the_stale_check_runs_again_under_the_stores_lock(council):
    """A change that lands between the early check and the lock is still caught (no gap)."""
    from cecli.records.members import add_member
    from cecli.store.transaction import expecting
    from cecli.web.forms import StaleForm, changed_files, fingerprint, parse_fingerprint

    expected = parse_fingerprint(fingerprint(council, ["roster.yaml"]))
    roster = council / "roster.yaml"
    roster.write_text(roster.read_text() + "\n")

    def guard(root):
        changed = changed_files(council, expected)
        if changed:
            raise StaleForm(council, changed)

    before = commits(council)
    with pytest.raises(StaleForm), expecting(guard):
        add_member(council, dict(NEW_MEMBER), None)
    assert commits(council) == before


def test_every_successful_post_redirects_and_edits_are_one_commit_each(council):
    client = client_for(council)
    steps = [
        ("/meetings", "new-meeting", {"date": "2027-05-11", "start": "17:30", "end": "18:45"}),
        ("/roster/jose-nunez", "edit-member", None),
        ("/outreach", "communication", {"date": "2026-11-20", "channel": "flyer", "purpose": "recruitment"}),
        ("/goals", "progress", {"goal": "third-grade-reading", "date": "2026-11-20", "note": "Fall benchmark in."}),
        ("/reports", "public-report", {"date": "2026-11-20", "title": "Fall update to families"}),
    ]
    for url, name, data in steps:
        html = get(client, url).get_data(as_text=True)
        hidden = form_fields(html, name)
        if data is None:  # the edit form: everything as shown, with one field changed
            data = form_values(html, name)
            data["category"] = "parent"
            data["phone"] = "601-555-0101"
        before = commits(council)
        response = post(client, url, {**hidden, **data})
        assert response.status_code in (302, 303), (url, response.get_data(as_text=True)[:3000])
        assert commits(council) == before + 1, url
        message = last_commit(council)[0]
        assert message[0].isupper() and message.endswith("."), message
    assert last_commit(council)[0] == "Record the public report of 2026-11-20."
    assert git(council, "log", "-4", "--format=%s").splitlines()[-1] == "Update member José Núñez (category, phone)."


def test_identity_is_asked_once_and_kept_where_the_cli_finds_it(tmp_path, monkeypatch):
    monkeypatch.delenv("CEC_AUTHOR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # no global git identity
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    council = sample_repo(tmp_path, identity=False)
    client = client_for(council)
    assert "cec does not know who you are yet" in get(client, "/").get_data(as_text=True)
    hidden = page_form(client, "/roster", "add-member")
    response = post(client, "/roster", {**hidden, **NEW_MEMBER})
    assert response.status_code == 400
    assert "Say who you are" in response.get_data(as_text=True)
    who = page_form(client, "/identity", "identity")
    response = post(client, "/identity", {**who, "name": "Dana Secretary", "email": "dana@example.org", "next": "/roster"})
    assert response.status_code in (302, 303) and response.headers["Location"].endswith("/roster")
    assert git(council, "config", "user.email").strip() == "dana@example.org"
    hidden = page_form(client, "/roster", "add-member")
    assert post(client, "/roster", {**hidden, **NEW_MEMBER}).status_code in (302, 303)
    assert last_commit(council)[1] == "Dana Secretary <dana@example.org>"
    # and the CLI, run afterwards, records the same person
    result = invoke(["member", "end", "rosa-delgado", "--date", "2026-11-21", "--council", council])
    assert result.exit_code == 0, result.output
    assert last_commit(council)[1] == "Dana Secretary <dana@example.org>"


def test_serve_refuses_to_listen_beyond_loopback_without_read_only_or_a_password(council, monkeypatch):
    from cecli.web.security import is_loopback

    monkeypatch.delenv("CEC_SERVE_PASSWORD", raising=False)
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("127.0.0.2")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("council.example")
    for host in ("0.0.0.0", "192.168.1.5", "::"):
        result = invoke(["serve", council, "--host", host, "--port", "0"])
        assert result.exit_code == 2, result.output
        assert f"cec serve will not listen on {host} without --read-only or a password" in result.output
        assert "Traceback" not in result.output
    result = invoke(["serve", council.parent / "nowhere"])
    assert result.exit_code == 2 and "holds no council" in result.output


def test_cec_serve_starts_listens_on_loopback_and_answers(council):
    """The real command in a subprocess: it binds 127.0.0.1, says where, serves the dashboard."""
    import urllib.request

    process = subprocess.Popen([sys.executable, "-m", "cecli", "serve", str(council), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        match = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
        assert match, line + process.stderr.read() if process.poll() is not None else line
        with urllib.request.urlopen(f"http://127.0.0.1:{match.group(1)}/", timeout=20) as response:
            assert response.status == 200
            assert "Sweetgum Hollow Elementary" in response.read().decode()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_many_councils_get_one_status_table_linking_to_each(tmp_path):
    folder = tmp_path / "district"
    first = sample_repo(folder, "north")
    second = sample_repo(folder, "south")
    (second / "council.yaml").write_text((second / "council.yaml").read_text().replace(
        "name: Okatoma", "name: South Okatoma", 1))
    client = client_for(folder)
    html = get(client, "/").get_data(as_text=True)
    assert "2 councils" in html
    assert 'href="/c/north/"' in html and 'href="/c/south/"' in html
    page = get(client, "/c/south/roster").get_data(as_text=True)
    assert 'href="/c/south/meetings"' in page and "Dolores Whitaker" in page
    hidden = form_fields(page, "add-member")
    assert post(client, "/c/south/roster", {**hidden, **NEW_MEMBER}).headers["Location"].endswith("/c/south/roster/rosa-delgado")
    assert "Rosa Delgado" in (second / "roster.yaml").read_text()
    assert "Rosa Delgado" not in (first / "roster.yaml").read_text()
    assert get(client, "/c/elsewhere/roster").status_code == 404


def test_a_non_editable_install_ships_the_templates_and_stylesheet(tmp_path):
    from conftest import REPO

    source = tmp_path / "src"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(".git", ".ci", "*.egg-info", "build", "__pycache__"))
    # setuptools' build_py copies exactly what a wheel (and so `pip install .`) holds: packages and package data
    result = subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(tmp_path / "lib")],
                            cwd=source, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    names = {p.relative_to(tmp_path / "lib").as_posix() for p in (tmp_path / "lib").rglob("*") if p.is_file()}
    for name in ("cecli/web/templates/base.html", "cecli/web/templates/meeting.html", "cecli/web/static/web.css",
                 "cecli/web/views/meetings.py", "cecli/templates/site/style.css"):
        assert name in names, name


def test_agenda_items_and_moving_a_meeting_are_one_commit_each_with_the_clis_messages(council):
    client = client_for(council)
    url = "/meetings/2026-12-08"
    hidden = page_form(client, url, "add-item")
    response = post(client, url, {**hidden, "title": "Book fair volunteers", "minutes": "10",
                                  "presenters": "annette-pruitt", "kind": "discussion", "number": ""})
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:2000]
    message, _author, paths = last_commit(council)
    assert message == "Add agenda item 7 (Book fair volunteers) to the meeting of 2026-12-08."
    assert "meetings/2026-12-08.yaml" in paths
    assert "title: Book fair volunteers" in (council / "meetings" / "2026-12-08.yaml").read_text()
    hidden = page_form(client, url, "move-item")
    assert post(client, url, {**hidden, "number": "7", "to": "2"}).status_code in (302, 303)
    assert last_commit(council)[0].startswith("Move agenda item 7")
    # a bad number shows beside its field, in the command's words
    hidden = page_form(client, url, "remove-item")
    response = post(client, url, {**hidden, "number": "x"})
    assert response.status_code == 400 and "`x` is not a whole number." in response.get_data(as_text=True)
    count = commits(council)
    hidden = page_form(client, url, "move")
    response = post(client, url, {**hidden, "date": "2026-12-15"})
    assert response.status_code in (302, 303) and response.headers["Location"].endswith("/meetings/2026-12-15")
    assert commits(council) == count + 1
    assert not (council / "meetings" / "2026-12-08.yaml").exists()
    assert "date: 2026-12-15" in (council / "meetings" / "2026-12-15.yaml").read_text()


def test_outreach_goal_and_report_entries_are_corrected_and_removed_as_the_cli_does(council, tmp_path):
    client = client_for(council)
    listing = get(client, "/entries/outreach").get_data(as_text=True)
    assert 'href="/entries/outreach/1"' in listing
    html = get(client, "/entries/outreach/1").get_data(as_text=True)
    data = form_values(html, "edit-entry")
    data["audience"] = ["Families of the school"]
    data["reason"] = ["Typed from the wrong flyer."]
    response = post(client, "/entries/outreach/1", data)
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:3000]
    web_message = last_commit(council)[0]
    other = sample_repo(tmp_path / "cli")
    result = invoke(["outreach", "edit", "1", "--audience", "Families of the school", "--reason",
                     "Typed from the wrong flyer.", "--council", other])
    assert result.exit_code == 0, result.output
    assert last_commit(other)[0] == web_message
    assert (other / "outreach.yaml").read_text() == (council / "outreach.yaml").read_text()
    count = commits(council)
    hidden = form_fields(get(client, "/entries/goal/1").get_data(as_text=True), "remove-entry")
    response = post(client, "/entries/goal/1", {**hidden, "reason": ""})
    assert response.status_code == 400 and "Say why the entry is removed with --reason" in response.get_data(as_text=True)
    response = post(client, "/entries/goal/1", {**hidden, "reason": "Entered twice."})
    assert response.status_code in (302, 303)
    assert commits(council) == count + 1 and last_commit(council)[0].endswith("(Entered twice).")


def test_new_yorks_reports_page_shows_each_quarterly_reports_due_date_from_its_period(tmp_path):
    root = tmp_path / "ny"
    shutil.copytree(REPO / "docs" / "examples" / "ny-council", root)
    client = client_for(root, read_only=True)
    html = get(client, "/reports").get_data(as_text=True)
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "2025-26 Q2 2026-01-30 2026-01-29" in text  # published by NYSED
    assert "2026-27 Q2 about 2027-01-30" in text  # not yet published: the usual calendar


def test_officer_roles_are_given_and_ended_with_dates_as_cec_member_role_does(council, tmp_path):
    client = client_for(council)
    hidden = page_form(client, "/roster/jose-nunez", "member-role")
    before = commits(council)
    response = post(client, "/roster/jose-nunez", {**hidden, "change": "end", "role": "vice-chair", "date": "2026-11-10"})
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:2000]
    assert commits(council) == before + 1
    message, _author, paths = last_commit(council)
    assert (message, paths) == ("End José Núñez's vice chair role on 2026-11-10.", ["roster.yaml"])
    # the CLI, given the same, writes the same file
    other = sample_repo(tmp_path / "cli")
    result = invoke(["member", "role", "jose-nunez", "--end", "vice-chair", "--on", "2026-11-10", "--council", other])
    assert result.exit_code == 0, result.output
    assert (other / "roster.yaml").read_text() == (council / "roster.yaml").read_text()
    # then the role goes to someone else from the next day, and the page lists both terms
    hidden = page_form(client, "/roster/marcus-bell", "member-role")
    post(client, "/roster/marcus-bell", {**hidden, "change": "add", "role": "vice-chair", "date": "2026-11-11"})
    assert last_commit(council)[0] == "Make Rev. Marcus Bell vice chair from 2026-11-11."
    page = " ".join(re.sub(r"<[^>]+>", " ", get(client, "/roster/marcus-bell").get_data(as_text=True)).split())
    assert "Vice-chair 2026-11-11 now" in page or "vice-chair 2026-11-11 now" in page.lower()
    # a role someone else holds that day is refused beside the field, in the CLI's words, and nothing is written
    hidden = page_form(client, "/roster/nguyen-thi-lan", "member-role")
    snap = snapshot(council)
    refused = post(client, "/roster/nguyen-thi-lan", {**hidden, "change": "add", "role": "chair", "date": "2026-11-12"})
    assert refused.status_code == 400
    text = refused.get_data(as_text=True)
    role_form = text[text.index('value="member-role"'):]
    role_form = role_form[:role_form.index("</form>")]
    assert "Dolores Whitaker holds the chair role on 2026-11-12; a council has one chair." in role_form
    assert "`cec member role dolores-whitaker --end chair --on 2026-11-12`" in role_form
    assert snapshot(council) == snap


def test_what_happened_at_a_meeting_is_recorded_as_cec_meeting_record_does(council, tmp_path):
    client = client_for(council)
    url = "/meetings/2026-10-20"
    hidden = page_form(client, url, "happened")
    values = {"called_to_order": "18:03", "called_by": "dolores-whitaker", "adjourned": "19:12",
              "quorum": "present", "interpreter": "Spanish, by Marisol Vega (district)"}
    before = commits(council)
    response = post(client, url, {**hidden, **values})
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:3000]
    assert commits(council) == before + 1
    other = sample_repo(tmp_path / "cli")
    result = invoke(["meeting", "record", "2026-10-20", "--called-to-order", "6:03pm", "--by", "dolores-whitaker",
                     "--adjourned", "7:12pm", "--quorum", "present", "--interpreter",
                     "Spanish, by Marisol Vega (district)", "--council", other])
    assert result.exit_code == 0, result.output
    assert (other / "meetings/2026-10-20.yaml").read_text() == (council / "meetings/2026-10-20.yaml").read_text()
    assert last_commit(other)[0] == last_commit(council)[0]
    # the form now shows what is recorded; an adjournment before the call to order is refused, beside its field
    shown = form_values(get(client, url).get_data(as_text=True), "happened")
    assert shown["called_to_order"] == ["18:03"] and shown["quorum"] == ["present"]
    assert shown["called_by"] == ["dolores-whitaker"] and shown["adjourned"] == ["19:12"]
    snap = snapshot(council)
    refused = post(client, url, {**page_form(client, url, "happened"), "called_to_order": "18:03", "adjourned": "17:00"})
    assert refused.status_code == 400 and snapshot(council) == snap
    assert "The adjournment at 17:00 is not after the call to order at 18:03." in refused.get_data(as_text=True)


def test_action_items_and_officer_elections_are_recorded_as_the_cli_records_them(council, tmp_path):
    client = client_for(council)
    url = "/meetings/2026-10-20"
    other = sample_repo(tmp_path / "cli")

    def same_as_cli(*args):
        result = invoke([*args, "--council", other])
        assert result.exit_code == 0, result.output
        assert (other / "meetings/2026-10-20.yaml").read_text() == (council / "meetings/2026-10-20.yaml").read_text()
        assert (other / "roster.yaml").read_text() == (council / "roster.yaml").read_text()
        assert last_commit(other)[0] == last_commit(council)[0]
        assert last_commit(other)[2] == last_commit(council)[2]

    before = commits(council)
    response = post(client, url, {**page_form(client, url, "action"), "task": "Send the flyer home", "owner": "marcus-bell",
                                  "due": "2026-11-03"})
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:3000]
    same_as_cli("meeting", "action", "2026-10-20", "add", "Send the flyer home", "--owner", "marcus-bell",
                "--due", "2026-11-03")
    number = len(YAML_SAFE(council / "meetings/2026-10-20.yaml")["action_items"])
    response = post(client, url, {**page_form(client, url, "action"), "number": str(number)})
    assert response.status_code in (302, 303)
    assert YAML_SAFE(council / "meetings/2026-10-20.yaml")["action_items"][-1]["done"] == TODAY
    response = post(client, url, {**page_form(client, url, "officer"), "role": "secretary", "member": "marcus-bell"})
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:3000]
    assert commits(council) == before + 3
    assert last_commit(council)[2] == ["meetings/2026-10-20.yaml", "roster.yaml"]
    page = " ".join(re.sub(r"<[^>]+>", " ", get(client, url).get_data(as_text=True)).split())
    assert "Rev. Marcus Bell was elected secretary." in page
    roster = get(client, "/roster/marcus-bell").get_data(as_text=True)
    assert "2026-10-20" in roster and "Secretary" in roster


def YAML_SAFE(path):
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_a_notice_posted_on_a_date_alone_is_shown_without_a_made_up_time(council):
    client = client_for(council)
    shown = form_values(get(client, "/meetings/2026-10-20").get_data(as_text=True), "minutes")
    assert shown["notice_posted"] == ["2026-10-13"]  # the file says `notice_posted: 2026-10-13`


def test_guests_and_notes_on_agenda_items_are_recorded_as_the_cli_records_them(council, tmp_path):
    client = client_for(council)
    url = "/meetings/2026-03-10"
    other = sample_repo(tmp_path / "cli")
    response = post(client, url, {**page_form(client, url, "guest"), "name": "Ana Ruiz",
                                  "affiliation": "Family liaison, Okatoma Valley School District", "presents": "2"})
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:3000]
    result = invoke(["meeting", "guest", "2026-03-10", "add", "Ana Ruiz", "--affiliation",
                     "Family liaison, Okatoma Valley School District", "--presents", "2", "--council", other])
    assert result.exit_code == 0, result.output
    assert (other / "meetings/2026-03-10.yaml").read_text() == (council / "meetings/2026-03-10.yaml").read_text()
    response = post(client, url, {**page_form(client, url, "item-notes"), "number": "2",
                                  "notes": "Forty-one children ride the two routes."})
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:3000]
    result = invoke(["meeting", "notes", "2026-03-10", "2", "Forty-one children ride the two routes.", "--council", other])
    assert result.exit_code == 0, result.output
    assert (other / "meetings/2026-03-10.yaml").read_text() == (council / "meetings/2026-03-10.yaml").read_text()
    assert last_commit(other)[0] == last_commit(council)[0]
    page = " ".join(re.sub(r"<[^>]+>", " ", get(client, url).get_data(as_text=True)).split())
    assert "Ana Ruiz (Family liaison, Okatoma Valley School District)" in page
    assert "Forty-one children ride the two routes." in page
