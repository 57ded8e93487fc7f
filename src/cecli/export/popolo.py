"""The roster, meetings and votes as JSON in the Popolo / Open Civic Data shapes, for civic-data tools.

Public data only: no email, phone or note, and a student without `public_name: true` appears as
"A student member" under an opaque id. Every text passes through the Redactor (cecli.privacy).
"""

from __future__ import annotations

import datetime as dt
import json

from cecli.council import Council
from cecli.evidence import held
from cecli.privacy import Redactor, public_label
from cecli.publish.calendar import council_slug, timezone_name
from cecli.textfmt import vocabulary_word

SCHEMA = "cec-popolo/1"
OPTIONS = (("for_", "yes"), ("against", "no"), ("abstain", "abstain"))
RESULTS = {"carried": "pass", "failed": "fail", "tabled": "tabled", "withdrawn": "withdrawn"}


def person_ids(council: Council) -> dict[str, str]:
    """Member id -> public person id; members who may not be named get an opaque one."""
    slug = council_slug(council)
    ids, hidden = {}, 0
    for member in council.members:
        if member.may_be_named_publicly:
            ids[member.id] = f"person/{slug}/{member.id}"
        else:
            hidden += 1
            ids[member.id] = f"person/{slug}/member-{hidden}"
    return ids


def _when(day: dt.date, clock: dt.time | None, zone) -> str:
    if clock is None:
        return day.isoformat()
    return dt.datetime.combine(day, clock, tzinfo=zone).isoformat()


def _status(meeting, as_of: dt.date) -> str:
    if meeting.status == "cancelled":
        return "cancelled"
    return "passed" if held(meeting, as_of) else "confirmed"


def popolo(council: Council, as_of: dt.date) -> dict:
    """The council as Popolo data; `as_of` decides which meetings were held (cecli.evidence.held)."""
    from zoneinfo import ZoneInfo

    redact = Redactor(council)
    zone = ZoneInfo(timezone_name(council))
    slug = council_slug(council)
    org_id = f"organization/{slug}"
    ids = person_ids(council)
    organization = {"id": org_id, "name": council.name, "classification": "council",
                    "founding_date": council.info.established.isoformat() if council.info and council.info.established else None}
    if council.info and council.info.district:
        organization["parent"] = {"name": council.info.district.name}
    persons, memberships = [], []
    for member in council.members:
        persons.append({"id": ids[member.id], "name": public_label(member)})
        for role in member.roles or ["member"]:
            memberships.append({
                "id": f"membership/{slug}/{ids[member.id].rsplit('/', 1)[1]}/{role}",
                "person_id": ids[member.id], "organization_id": org_id, "role": role,
                "label": f"{vocabulary_word(role)} ({vocabulary_word(member.category).lower()})",
                "start_date": member.start_date.isoformat() if member.start_date else None,
                "end_date": member.end_date.isoformat() if member.end_date else None,
            })
    events, votes = [], []
    place = council.info.meeting_place if council.info else None
    for meeting in sorted(council.meetings, key=lambda m: (m.date, m.id)):
        event_id = f"event/{slug}/{meeting.id}"
        participants = []
        if meeting.attendance:
            for group in ("present", "absent", "excused"):
                for member_id in getattr(meeting.attendance, group):
                    participants.append({"entity_type": "person", "entity_id": ids.get(member_id),
                                         "entity_name": public_label(council.member(member_id)), "note": group})
        events.append({
            "id": event_id, "name": meeting.display_title, "classification": meeting.kind,
            "status": _status(meeting, as_of),
            "start_date": _when(meeting.date, meeting.start, zone),
            "end_date": _when(meeting.date, meeting.end, zone) if meeting.end else None,
            "timezone": timezone_name(council),
            "location": {"name": meeting.location or place} if (meeting.location or place) else None,
            "participants": participants,
            "agenda": [{"order": n, "description": item.title, "subjects": []}
                       for n, item in enumerate(meeting.agenda, 1)],
        })
        for n, motion in enumerate(meeting.motions, 1):
            counts, cast = [], []
            for attribute, option in OPTIONS:
                voters = getattr(motion.votes, attribute) if motion.votes else []
                counts.append({"option": option, "value": len(voters)})
                cast += [{"voter_id": ids.get(v), "voter_name": public_label(council.member(v)), "option": option}
                         for v in voters]
            votes.append({
                "id": f"vote/{slug}/{meeting.id}/{n}", "organization_id": org_id, "event_id": event_id,
                "motion_text": motion.text, "start_date": meeting.date.isoformat(),
                "result": RESULTS.get(motion.result or "", None),
                "counts": counts, "votes": cast,
            })
    return redact.deep({"schema": SCHEMA, "organizations": [organization], "persons": persons,
                        "memberships": memberships, "events": events, "vote_events": votes})


def popolo_json(council: Council, as_of: dt.date) -> bytes:
    return (json.dumps(popolo(council, as_of), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
