"""One reader of dates and times (cecli.when) for every option and prompt; the files get the canonical form."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import invoke
from gitcouncil import make_council
from ruamel.yaml import YAML

from cecli import when

TODAY = dt.date(2026, 11, 29)  # a Sunday


@pytest.mark.parametrize("typed, date", [
    ("2026-12-08", "2026-12-08"),
    ("2026-12-8", "2026-12-08"),
    ("2026/12/08", "2026-12-08"),
    ("12/8/2026", "2026-12-08"),
    ("12/08/2026", "2026-12-08"),
    ("Dec 8 2026", "2026-12-08"),
    ("Dec. 8, 2026", "2026-12-08"),
    ("December 8, 2026", "2026-12-08"),
    ("8 December 2026", "2026-12-08"),
    ("Tuesday, December 8, 2026", "2026-12-08"),
    ("  dec 8   2026 ", "2026-12-08"),
    ("today", "2026-11-29"),
    ("Tomorrow", "2026-11-30"),
    ("yesterday", "2026-11-28"),
])
def test_dates_people_write_are_read(typed, date):
    assert when.canonical_date(typed, TODAY) == date


@pytest.mark.parametrize("typed, says", [
    ("12/8", "is not a whole date"),
    ("Dec 8", "has no year"),
    ("Dec 2026", "is not a whole date"),
    ("2026-12", "is not a whole date"),
    ("2026", "is not a date cec can read"),
    ("8/12/26", "two-digit year"),
    ("13/8/2026", "dates with slashes are month/day/year (8/13/2026)"),
    ("8.12.2026", "is not a date cec can read"),
    ("12-8-2026", "is not a date cec can read"),
    ("2026-02-30", "is not a real date"),
    ("2/30/2026", "is not a real date"),
    ("Monday, December 8, 2026", "says Monday, but December 8, 2026 is a Tuesday"),
    ("Dec 8 2026 6pm", "has a time in it"),
    ("next tuesday", "is not a date cec can read"),
    ("", "is empty"),
])
def test_unclear_dates_are_refused_with_an_example(typed, says):
    with pytest.raises(when.Unclear) as caught:
        when.read_date(typed, TODAY)
    assert says in str(caught.value)
    assert "2026-12-08 (YYYY-MM-DD), 12/8/2026 or Dec 8 2026" in caught.value.example


@pytest.mark.parametrize("typed, time", [
    ("18:00", "18:00"), ("06:30", "06:30"), ("0:30", "00:30"), ("12:15", "12:15"),
    ("6pm", "18:00"), ("6 PM", "18:00"), ("6:30 PM", "18:30"), ("6:30pm", "18:30"),
    ("6:30 p.m.", "18:30"), ("9am", "09:00"), ("12am", "00:00"), ("12:15 pm", "12:15"),
    ("noon", "12:00"), ("midnight", "00:00"),
])
def test_times_people_write_are_read(typed, time):
    assert when.canonical_time(typed) == time


@pytest.mark.parametrize("typed, says", [
    ("6", "could be morning or evening"),
    ("6:30", "write 6:30 PM, 18:30 or 06:30"),
    ("25:00", "is not a real time of day"),
    ("18:60", "is not a real time of day"),
    ("13pm", "am and pm go with hours 1 to 12"),
    ("six", "is not a time cec can read"),
])
def test_unclear_times_are_refused_with_an_example(typed, says):
    with pytest.raises(when.Unclear) as caught:
        when.read_time(typed)
    assert says in str(caught.value)
    assert '18:00 ("HH:MM"), 6pm or 6:30 PM' in caught.value.example


@pytest.mark.parametrize("typed, moment", [
    ("2026-12-04 16:00", "2026-12-04 16:00"),
    ("2026-12-04T16:00", "2026-12-04 16:00"),
    ("Dec 4 2026 4pm", "2026-12-04 16:00"),
    ("December 4, 2026, 4 p.m.", "2026-12-04 16:00"),
    ("12/4/2026 at 4:00 PM", "2026-12-04 16:00"),
    ("today 4pm", "2026-11-29 16:00"),
    ("2026-12-04", "2026-12-04"),
])
def test_dates_with_times_are_read(typed, moment):
    assert when.canonical_moment(typed, TODAY) == moment


def test_an_unclear_time_in_a_date_and_time_is_refused():
    with pytest.raises(when.Unclear) as caught:
        when.read_moment("Dec 4 2026 6:30", TODAY)
    assert "could be morning or evening" in str(caught.value)
    assert '"2026-12-04 16:00"' in caught.value.example


# --- the commands take the same forms and write the canonical one ------------------------------------

def _load(path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_meeting_new_takes_human_dates_and_times_and_writes_the_canonical_form(tmp_path):
    root = make_council(tmp_path)
    result = invoke(["meeting", "new", "--date", "Dec 8 2026", "--start", "6pm", "--end", "7:15 PM", "-C", root])
    assert result.exit_code == 0, result.output
    text = (root / "meetings/2026-12-08.yaml").read_text(encoding="utf-8")
    assert 'start: "18:00"' in text and 'end: "19:15"' in text
    assert "date: 2026-12-08" in text


def test_meeting_record_takes_a_human_notice_time(tmp_path):
    root = make_council(tmp_path)
    result = invoke(["meeting", "record", "2025-10-14", "--notice-posted", "Oct 10 2025 4pm",
                     "--agenda-sent", "10/9/2025", "-C", root])
    assert result.exit_code == 0, result.output
    text = (root / "meetings/2025-10-14.yaml").read_text(encoding="utf-8")
    assert 'notice_posted: "2025-10-10 16:00"' in text
    assert "agenda_sent: 2025-10-09" in text


def test_member_add_and_check_take_human_dates(tmp_path):
    root = make_council(tmp_path)
    result = invoke(["member", "add", "--name", "Rosa Park", "--category", "parent", "--start", "September 1, 2025",
                     "-C", root])
    assert result.exit_code == 0, result.output
    rosa = next(m for m in _load(root / "roster.yaml")["members"] if m["name"] == "Rosa Park")
    assert rosa["start_date"] == dt.date(2025, 9, 1)
    result = invoke(["check", root, "--as-of", "11/22/2025", "--no-cache"])
    assert result.exit_code in (0, 1) and "Error:" not in result.output, result.output


def test_an_unclear_option_is_refused_with_an_example_and_nothing_is_written(tmp_path):
    root = make_council(tmp_path)
    result = invoke(["meeting", "new", "--date", "12/8", "-C", root])
    assert result.exit_code == 2
    assert "--date `12/8` is not a whole date" in result.output
    assert "12/8/2026 or Dec 8 2026" in result.output
    assert not (root / "meetings/2026-12-08.yaml").exists()
    result = invoke(["check", root, "--as-of", "8/12/26"])
    assert result.exit_code == 2 and "two-digit year" in result.output
