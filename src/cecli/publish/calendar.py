"""The meeting calendar as iCalendar (RFC 5545): one event per meeting, stable from run to run.

Each event's UID comes from the council and the meeting id. Its DTSTAMP (and LAST-MODIFIED) is the
last change of the meeting's file, from git (the commit time), and its SEQUENCE the number of
changes after the first, so cancelling or moving a meeting bumps both and a subscribed calendar
app replaces the old event; an unchanged record gives the same bytes. Outside git both come from
the record itself (its latest date; SEQUENCE 0). The URL is the meeting's page on the public site
(`website` in council.yaml, where `cec publish`'s site is put). Times are in the council's time zone
(council.yaml `timezone`, else the profile's state), with a VTIMEZONE of yearly rules
(cecli.publish.timezones). A `virtual_link` is written as CONFERENCE only when it is a web address.
"""

from __future__ import annotations

import datetime as dt
import re

from pathlib import Path

from cecli.council import Council
from cecli.model import Meeting
from cecli.privacy import Redactor

def council_slug(council: Council) -> str:
    base = council.name
    if council.info and council.info.district and council.info.district.code:
        base = f"{council.info.district.code} {base}"
    return re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-") or "council"


def timezone_name(council: Council) -> str:
    """council.yaml's `timezone` when it is a real zone (`cec check` reports one that is not, CEC002),
    else the zone of the profile's state, else UTC."""
    from cecli.model.base import known_zone

    if council.info and council.info.timezone and known_zone(council.info.timezone):
        return council.info.timezone
    return council.profile.timezone if council.profile else "UTC"


def event_uid(council: Council, meeting: Meeting) -> str:
    return f"{meeting.id}@{council_slug(council)}.cec"


def is_web_address(value: str | None) -> bool:
    """Whether a virtual link is an http(s) address a calendar app can open."""
    from urllib.parse import urlsplit

    if not value or any(c.isspace() for c in value.strip()):
        return False
    parts = urlsplit(value.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def meeting_history(root: Path) -> dict[str, tuple[dt.datetime, int]]:
    """meetings/<file> -> (the time of the last commit that changed it, UTC; how many commits did),
    from one `git log`. Empty outside git. A file with uncommitted changes counts one change more,
    dated by its modification time."""
    import subprocess

    try:
        done = subprocess.run(["git", "log", "--format=%x00%ct", "--name-only", "--relative", "--", "meetings"],
                              cwd=root, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if done.returncode != 0:
        return {}
    history: dict[str, tuple[dt.datetime, int]] = {}
    for block in done.stdout.split("\0")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        when = dt.datetime.fromtimestamp(int(lines[0]), tz=dt.timezone.utc)
        for rel in lines[1:]:
            last, count = history.get(rel, (when, 0))
            history[rel] = (last, count + 1)  # newest first: the first time seen is the last change
    from cecli.rules.files import uncommitted

    for rel, _state in uncommitted(root):
        if rel.startswith("meetings/") and (Path(root) / rel).is_file():
            changed = dt.datetime.fromtimestamp(int((Path(root) / rel).stat().st_mtime), tz=dt.timezone.utc)
            last, count = history.get(rel, (changed, 0))
            history[rel] = (max(last, changed), count + 1)
    return history


def _meeting_file(meeting: Meeting) -> str:
    return f"meetings/{meeting.id}.yaml"


def _stamp(meeting: Meeting) -> dt.datetime:
    """The latest date the meeting's record mentions, at midnight UTC: changes when the record does."""
    days = [meeting.date, meeting.agenda_sent]
    if meeting.notice_posted is not None:
        notice = meeting.notice_posted
        days.append(notice.date() if isinstance(notice, dt.datetime) else notice)
    if meeting.minutes:
        days += [meeting.minutes.recorded, meeting.minutes.sent, meeting.minutes.approved]
    latest = max(d for d in days if d is not None)
    return dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.timezone.utc)


def _description(council: Council, meeting: Meeting) -> str:
    lines = []
    if council.profile and meeting.open_to_public is not False:
        lines.append(council.profile.open_meeting_statement)
    if meeting.virtual_link:
        lines.append(f"Join online: {meeting.virtual_link}")
    if meeting.agenda:
        lines.append("Agenda:")
        lines += [f"{n}. {item.title}" for n, item in enumerate(meeting.agenda, 1)]
    return "\n".join(lines)


def meeting_url(council: Council, meeting: Meeting) -> str | None:
    """The meeting's page on the public site, when council.yaml says where the site is (`website`)."""
    base = (council.info.website if council.info else None) or ""
    if not is_web_address(base):
        return None
    return f"{base.rstrip('/')}/meetings/{meeting.id}.html"


def calendar_ics(council: Council, meetings: list[Meeting] | None = None) -> bytes:
    """The .ics of `meetings` (default: all of the council's), in date order."""
    from zoneinfo import ZoneInfo

    import icalendar

    from cecli.publish.timezones import vtimezone

    redact = Redactor(council)
    tzid = timezone_name(council)
    zone = ZoneInfo(tzid)
    meetings = sorted(council.meetings if meetings is None else meetings, key=lambda m: (m.date, m.id))
    history = meeting_history(council.root) if council.root else {}
    cal = icalendar.Calendar()
    cal.add("prodid", "-//cec//school community council records//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", redact(council.name))
    cal.add("x-wr-timezone", tzid)
    if meetings:
        cal.add_component(vtimezone(tzid, meetings[0].date.year, meetings[-1].date.year))
    default_length = int(council.param("meeting_min_minutes", 60) or 60)
    place = council.info.meeting_place if council.info else None
    for meeting in meetings:
        event = icalendar.Event()
        event.add("uid", event_uid(council, meeting))
        changed, changes = history.get(_meeting_file(meeting), (None, 0))
        stamp = changed or _stamp(meeting)
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", max(changes - 1, 0))
        if meeting.start:
            begin = dt.datetime.combine(meeting.date, meeting.start, tzinfo=zone)
            if meeting.end and meeting.end > meeting.start:
                finish = dt.datetime.combine(meeting.date, meeting.end, tzinfo=zone)
            else:
                finish = begin + dt.timedelta(minutes=default_length)
            event.add("dtstart", begin)
            event.add("dtend", finish)
        else:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + dt.timedelta(days=1))
        event.add("summary", redact(f"{council.name}: {meeting.display_title}"))
        location = meeting.location or place
        if location:
            event.add("location", redact(location))
        description = _description(council, meeting)
        if description:
            event.add("description", redact(description))
        page = meeting_url(council, meeting)
        if page:
            event.add("url", page)
        if is_web_address(meeting.virtual_link):
            event.add("conference", meeting.virtual_link.strip(), parameters={"value": "URI", "feature": "VIDEO"})
        event.add("status", "CANCELLED" if meeting.status == "cancelled" else "CONFIRMED")
        event.add("transp", "OPAQUE")
        cal.add_component(event)
    return cal.to_ical()
