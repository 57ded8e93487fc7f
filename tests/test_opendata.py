"""Open data that validates against the specifications it claims: Popolo, Open Civic Data, iCalendar.

Open Civic Data: every object of `cec export --format ocd` (and of --format popolo, except the one
field where the two specifications differ, an event's `location`) is validated against pupa's
schemas as its PyPI package ships them (tests/opendata.py). Popolo: its JSON Schemas are on no
package registry and may not be copied here, so the properties they constrain for what cec writes
are asserted one by one below (they were also validated against popolo-spec's schemas by hand).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import pytest
from export_councils import MS_FILES, committed, make_ms
from opendata import ocd_errors

from conftest import SAMPLE, REPO, invoke

NY_EXAMPLE = REPO / "docs" / "examples" / "ny-council"
KINDS = (("organizations", "organization"), ("persons", "person"), ("memberships", "membership"),
         ("events", "event"), ("vote_events", "vote_event"))
# Popolo's date patterns (popolo-spec schemas/*.json)
POPOLO_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}){0,2}$")
POPOLO_DATE_OR_TIME = re.compile(
    r"^[0-9]{4}((-[0-9]{2}){0,2}|(-[0-9]{2}){2}T[0-9]{2}(:[0-9]{2}){0,2}(Z|[+-][0-9]{2}(:[0-9]{2})?))$")


def _export(root, fmt: str, as_of: str = "2026-11-22") -> dict:
    result = invoke(["export", root, "--format", fmt, "--as-of", as_of])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _rfc3339_date_time(value: str) -> bool:
    """JSON Schema's `date-time` format: a full date, `T`, a time and an offset."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})", value):
        return False
    return dt.datetime.fromisoformat(value).tzinfo is not None


def _popolo_problems(data: dict) -> list[str]:
    """What Popolo's schemas constrain in the properties cec writes (null is allowed by Popolo,
    but cec leaves unknown values out)."""
    problems = []
    for kind, items in data.items():
        if not isinstance(items, list):
            continue
        for item in items:
            where = f"{kind} {item.get('id')}"
            for key, value in item.items():
                if value is None:
                    problems.append(f"{where}: {key} is null")
            for key in ("id", "name", "classification", "status", "label", "role", "person_id",
                        "organization_id", "event_id", "motion_text"):
                if key in item and not isinstance(item[key], str):
                    problems.append(f"{where}: {key} is not a string")
            if kind == "organizations" and "founding_date" in item and not POPOLO_DATE.match(item["founding_date"]):
                problems.append(f"{where}: founding_date")
            if kind in ("memberships", "events"):
                for key in ("start_date", "end_date"):
                    if key in item and not POPOLO_DATE_OR_TIME.match(item[key]):
                        problems.append(f"{where}: {key} {item[key]!r}")
            if kind == "events" and "location" in item and not isinstance(item["location"], str):
                problems.append(f"{where}: location is not a string")
            if kind == "vote_events":
                if not _rfc3339_date_time(item["start_date"]):
                    problems.append(f"{where}: start_date {item['start_date']!r} is not a date-time")
                for count in item["counts"]:  # count.json: option and value required
                    if not isinstance(count.get("option"), str) or not isinstance(count.get("value"), int):
                        problems.append(f"{where}: count {count}")
    return problems


@pytest.fixture(scope="module")
def councils(tmp_path_factory):
    base = tmp_path_factory.mktemp("opendata")
    sample = base / "sample"
    shutil.copytree(SAMPLE, sample)
    ny = base / "ny"
    shutil.copytree(NY_EXAMPLE, ny)
    return {"sample": sample, "ny": ny, "small": make_ms(base)}


@pytest.mark.parametrize("name", ["sample", "ny", "small"])
def test_exports_validate_against_open_civic_data_and_popolo(councils, name):
    ocd = _export(councils[name], "ocd")
    popolo = _export(councils[name], "popolo")
    assert ocd["schema"] == "cec-ocd/1" and popolo["schema"] == "cec-popolo/2"
    errors = [e for key, kind in KINDS for item in ocd[key] for e in ocd_errors(kind, item)]
    assert errors == []
    # the Popolo flavour differs only in the event's location, which OCD wants as an object
    for key, kind in KINDS:
        for item in popolo[key]:
            shown = {k: v for k, v in item.items() if not (kind == "event" and k == "location")}
            assert ocd_errors(kind, shown) == []
    assert _popolo_problems(popolo) == []
    assert popolo["events"] and popolo["vote_events"] or name == "small"
    located = [e for e in popolo["events"] if "location" in e]
    assert located and all(isinstance(e["location"], str) for e in located)
    assert all(e["location"] == {"name": p["location"]}
               for e, p in zip(ocd["events"], popolo["events"]) if "location" in p)


def test_the_specific_defects_are_gone(councils):
    data = _export(councils["sample"], "popolo")
    assert data["organizations"][0]["classification"] == "committee"
    event = next(e for e in data["events"] if e["agenda"])
    assert all(isinstance(item["order"], str) for item in event["agenda"])
    assert event["agenda"][0]["order"] == "1"
    assert not [m for m in data["memberships"] if "end_date" in m and m["end_date"] is None]
    assert any("end_date" not in m for m in data["memberships"])  # open memberships leave it out
    vote = data["vote_events"][0]
    assert vote["start_date"].startswith(vote["event_id"].rsplit("/", 1)[1] + "T")
    assert all(v.get("result") in ("pass", "fail") for v in data["vote_events"] if "result" in v)


def test_a_hidden_members_id_does_not_change_when_the_roster_grows(tmp_path):
    before = _export(make_ms(tmp_path / "a"), "popolo")
    files = dict(MS_FILES)
    # a new hidden student listed FIRST, who started later
    files["roster.yaml"] = MS_FILES["roster.yaml"].replace("members:\n", (
        "members:\n  - {id: new-kid, name: Newt Kidd, category: student, start_date: 2026-01-05}\n"), 1)
    after = _export(committed(tmp_path / "b", files), "popolo")

    def votes(data):
        return sorted((v["voter_id"], v["option"]) for e in data["vote_events"] for v in e["votes"])

    hidden = [p["id"] for p in before["persons"] if p["name"] == "A student member"]
    assert hidden and all(h in {p["id"] for p in after["persons"]} for h in hidden)
    assert votes(before) == votes(after)
    assert "zq" not in json.dumps(after) and "new-kid" not in json.dumps(after) and "Newt" not in json.dumps(after)


# --- the calendar -----------------------------------------------------------------------------

def _calendar(root) -> str:
    result = invoke(["calendar", root, "--out", "-"])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("name", ["sample", "ny"])
def test_every_event_is_at_the_same_utc_time_in_icalendar_vobject_and_zoneinfo(councils, name):
    from zoneinfo import ZoneInfo

    import icalendar
    import vobject

    from cecli.loader import load_council
    from cecli.publish.calendar import timezone_name

    council, _ = load_council(councils[name])
    zone = ZoneInfo(timezone_name(council))
    text = _calendar(councils[name])
    assert "RDATE" not in text
    expected = {f"{m.id}@": dt.datetime.combine(m.date, m.start, tzinfo=zone).astimezone(dt.timezone.utc)
                for m in council.meetings if m.start}
    summer = [m for m in council.meetings if m.start and dt.datetime.combine(m.date, m.start, tzinfo=zone).dst()]
    assert summer and len(expected) > len(summer)  # both sides of the clock change are tested

    def check(events):
        seen = 0
        for uid, start in events:
            key = uid.split("@", 1)[0] + "@"
            if key in expected:
                assert start.astimezone(dt.timezone.utc) == expected[key], uid
                seen += 1
        assert seen == len(expected)

    parsed = icalendar.Calendar.from_ical(text)
    check((str(e["uid"]), e.decoded("dtstart")) for e in parsed.walk("VEVENT"))
    read = vobject.readOne(text)
    check((e.uid.value, e.dtstart.value) for e in read.vevent_list)
    # the spring change at 2:00 as the clock read before it (not 3:00)
    daylight = next(c for c in parsed.walk("DAYLIGHT"))
    assert daylight.decoded("dtstart").hour == 2 and "RRULE" in daylight


def test_events_link_their_page_and_change_stamp_and_sequence_when_the_meeting_changes(tmp_path, monkeypatch):
    import icalendar

    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    env = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2026-11-01T10:00:00Z",
           "GIT_COMMITTER_DATE": "2026-11-01T10:00:00Z"}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    import subprocess

    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", "commit", "-qm", "Start."], cwd=root, check=True)

    def event(text, meeting_id):
        return next(e for e in icalendar.Calendar.from_ical(text).walk("VEVENT")
                    if str(e["uid"]).startswith(meeting_id + "@"))

    before = event(_calendar(root), "2027-02-09")
    assert str(before["url"]) == "https://sweetgum-hollow.example.org/cec/meetings/2027-02-09.html"
    # a future meeting's stamp is when its record last changed, not its own date
    assert before.decoded("dtstamp") == dt.datetime(2026, 11, 1, 10, 0, tzinfo=dt.timezone.utc)
    assert int(before["sequence"]) == 0
    assert _calendar(root) == _calendar(root)  # stable
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-11-20T15:30:00Z")
    monkeypatch.setenv("CEC_AUTHOR", "T <t@example.org>")
    result = invoke(["meeting", "cancel", "2027-02-09", "--reason", "Snow", "-C", root])
    assert result.exit_code == 0, result.output
    after = event(_calendar(root), "2027-02-09")
    assert str(after["status"]) == "CANCELLED"
    assert int(after["sequence"]) == 1
    assert after.decoded("dtstamp") == dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.timezone.utc)
    assert int(event(_calendar(root), "2026-12-08")["sequence"]) == 0  # the others did not change


def test_a_virtual_link_that_is_not_a_web_address_is_flagged_and_not_written_as_one(tmp_path):
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    meeting = root / "meetings" / "2026-12-08.yaml"
    meeting.write_text(meeting.read_text().replace("open_to_public: true",
                                                   "virtual_link: Zoom 853 2214 9000\nopen_to_public: true", 1))
    result = invoke(["check", root, "--format", "json"])
    findings = json.loads(result.stdout)["findings"]
    flagged = [f for f in findings if f["code"] == "CEC002" and "virtual_link" in f["message"]]
    assert flagged and flagged[0]["path"] == "meetings/2026-12-08.yaml" and "https://" in flagged[0]["message"]
    text = _calendar(root)
    assert "Zoom 853" not in text and "CONFERENCE" not in text
    ny = tmp_path / "ny"
    shutil.copytree(NY_EXAMPLE, ny)
    unfolded = _calendar(ny).replace("\r\n ", "").replace("\n ", "")
    assert "CONFERENCE;FEATURE=VIDEO;VALUE=URI:https://meet.example.org/riverside-heights-cet" in unfolded
