"""The meeting calendar as iCalendar (RFC 5545): one event per meeting, stable from run to run.

Each event's UID comes from the council and the meeting id, and its DTSTAMP from the meeting's own
dates (never from the clock), so regenerating an unchanged calendar gives the same bytes and a
calendar app that subscribed to it sees updates, not duplicates. Times are in the council's time
zone (council.yaml `timezone`, else the profile's state), with its VTIMEZONE included.
"""

from __future__ import annotations

import datetime as dt
import re

from cecli.council import Council
from cecli.model import Meeting
from cecli.privacy import Redactor

# the time zone a profile's state keeps when council.yaml does not say
STATE_TIMEZONES = {"MS": "America/Chicago", "NY": "America/New_York"}


def council_slug(council: Council) -> str:
    base = council.name
    if council.info and council.info.district and council.info.district.code:
        base = f"{council.info.district.code} {base}"
    return re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-") or "council"


def timezone_name(council: Council) -> str:
    if council.info and council.info.timezone:
        return council.info.timezone
    state = council.profile.state if council.profile else ""
    return STATE_TIMEZONES.get(state, "UTC")


def event_uid(council: Council, meeting: Meeting) -> str:
    return f"{meeting.id}@{council_slug(council)}.cec"


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


def calendar_ics(council: Council, meetings: list[Meeting] | None = None) -> bytes:
    """The .ics of `meetings` (default: all of the council's), in date order."""
    from zoneinfo import ZoneInfo

    import icalendar

    redact = Redactor(council)
    tzid = timezone_name(council)
    zone = ZoneInfo(tzid)
    meetings = sorted(council.meetings if meetings is None else meetings, key=lambda m: (m.date, m.id))
    cal = icalendar.Calendar()
    cal.add("prodid", "-//cec//school community council records//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", redact(council.name))
    cal.add("x-wr-timezone", tzid)
    if meetings:
        first = dt.date(meetings[0].date.year - 1, 1, 1)
        last = dt.date(meetings[-1].date.year + 2, 1, 1)
        cal.add_component(icalendar.Timezone.from_tzinfo(zone, tzid, first, last))
    default_length = int(council.param("meeting_min_minutes", 60) or 60)
    place = council.info.meeting_place if council.info else None
    for meeting in meetings:
        event = icalendar.Event()
        event.add("uid", event_uid(council, meeting))
        event.add("dtstamp", _stamp(meeting))
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
        if meeting.virtual_link:
            event.add("url", meeting.virtual_link)
        event.add("status", "CANCELLED" if meeting.status == "cancelled" else "CONFIRMED")
        event.add("transp", "OPAQUE")
        cal.add_component(event)
    return cal.to_ical()
