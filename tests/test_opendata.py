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
