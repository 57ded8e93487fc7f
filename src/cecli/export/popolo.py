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

SCHEMAS = {"popolo": "cec-popolo/2", "ocd": "cec-ocd/1"}
OPTIONS = (("for_", "yes"), ("against", "no"), ("abstain", "abstain"))
# a member who recused themselves cast no vote: Popolo's word for that option is "not voting"
RECUSED = "not voting"
# Open Civic Data knows two results; a tabled or withdrawn motion has none (the key is left out)
RESULTS = {"carried": "pass", "failed": "fail"}
# Open Civic Data's organization classifications have no "council"; an advisory body of a school
# or district is a committee there
CLASSIFICATION = "committee"


def person_ids(council: Council) -> dict[str, str]:
    """Member id -> public person id. A member who may be named keeps their own id; one who may not
    gets an opaque id from what is already public about them (when they started) and their order
    among hidden members who started that day, so adding a member to the roster never renumbers the
    others' votes in older exports, and the id says nothing about who they are."""
    slug = council_slug(council)
    ids: dict[str, str] = {}
    seen: dict[str, int] = {}
    for member in council.members:
        if member.may_be_named_publicly:
            ids[member.id] = f"person/{slug}/{member.id}"
            continue
        started = member.start_date.isoformat() if member.start_date else "undated"
        seen[started] = seen.get(started, 0) + 1
        ids[member.id] = f"person/{slug}/member-{started}-{seen[started]}"
    return ids


def _when(day: dt.date, clock: dt.time | None, zone) -> str:
    if clock is None:
        return day.isoformat()
    return dt.datetime.combine(day, clock, tzinfo=zone).isoformat()


def _moment(day: dt.date, clock: dt.time | None, zone) -> str:
    """A date-time with its UTC offset (Popolo's vote-event `start_date` is a date-time): the
    meeting's start, or midnight local time when no start time is recorded."""
    return dt.datetime.combine(day, clock or dt.time(0, 0), tzinfo=zone).isoformat()


def _status(meeting, as_of: dt.date) -> str:
    if meeting.status == "cancelled":
        return "cancelled"
    return "passed" if held(meeting, as_of) else "confirmed"


def _location(name: str | None, flavour: str):
    if name is None:
        return None
    return {"name": name} if flavour == "ocd" else name


def _present(entry: dict) -> dict:
    """The entry without keys whose value is unknown: the schemas take a missing key, not null."""
    return {key: value for key, value in entry.items() if value is not None}


def popolo(council: Council, as_of: dt.date, flavour: str = "popolo") -> dict:
    """The council as Popolo data; `as_of` decides which meetings were held (cecli.evidence.held).

    `flavour` "ocd" gives the Open Civic Data shape instead: the two specifications differ in one
    place cec writes, an event's `location` (Popolo: the place's name as a string; Open Civic Data:
    an object `{"name": ...}`)."""
    from zoneinfo import ZoneInfo

    redact = Redactor(council)
    zone = ZoneInfo(timezone_name(council))
    slug = council_slug(council)
    org_id = f"organization/{slug}"
    ids = person_ids(council)
    organization = _present({
        "id": org_id, "name": council.name, "classification": CLASSIFICATION,
        "founding_date": council.info.established.isoformat() if council.info and council.info.established else None})
    if council.info and council.info.district:
        organization["parent"] = {"name": council.info.district.name}
    persons, memberships = [], []
    for member in council.members:
        persons.append({"id": ids[member.id], "name": public_label(member)})
        # one membership per officer role held, dated as the role was held (a role ends with the
        # membership at the latest); a member without a role is a plain member
        terms = [(role, start, end) for _i, role, start, end in member.role_terms()] or [
            ("member", member.start_date, None)]
        seen: dict[str, int] = {}
        for role, start, end in terms:
            if member.end_date and (end is None or end > member.end_date):
                end = member.end_date
            seen[role] = seen.get(role, 0) + 1
            suffix = f"-{seen[role]}" if seen[role] > 1 else ""
            memberships.append(_present({
                "id": f"membership/{slug}/{ids[member.id].rsplit('/', 1)[1]}/{role}{suffix}",
                "person_id": ids[member.id], "person_name": public_label(member),
                "organization_id": org_id, "role": role,
                "label": f"{vocabulary_word(role)} ({vocabulary_word(member.category).lower()})",
                "start_date": start.isoformat() if start else None,
                "end_date": end.isoformat() if end else None,
            }))
    events, votes = [], []
    place = council.info.meeting_place if council.info else None
    for meeting in sorted(council.meetings, key=lambda m: (m.date, m.id)):
        event_id = f"event/{slug}/{meeting.id}"
        participants = []
        if meeting.attendance:
            for group in ("present", "absent", "excused"):
                for member_id in getattr(meeting.attendance, group):
                    name = public_label(council.member(member_id))
                    participants.append(_present({
                        "name": name, "type": "person", "note": group,
                        "entity_type": "person", "entity_id": ids.get(member_id), "entity_name": name}))
        events.append(_present({
            "id": event_id, "name": meeting.display_title, "classification": meeting.kind,
            "organization_id": org_id,
            "status": _status(meeting, as_of),
            "start_date": _when(meeting.date, meeting.start, zone),
            "end_date": _when(meeting.date, meeting.end, zone) if meeting.end else None,
            "timezone": timezone_name(council),
            "location": _location(meeting.location or place or None, flavour),
            "participants": participants,
            "agenda": [{"order": str(n), "description": item.title, "subjects": []}
                       for n, item in enumerate(meeting.agenda, 1)],
        }))
        for n, motion in enumerate(meeting.motions, 1):
            votes.append(_vote_event(council, meeting, n, motion, ids, org_id, event_id, slug, zone))
    return redact.deep({"schema": SCHEMAS[flavour], "organizations": [organization], "persons": persons,
                        "memberships": memberships, "events": events, "vote_events": votes})


def _vote_event(council, meeting, number: int, motion, ids, org_id: str, event_id: str, slug: str, zone) -> dict:
    """One motion's vote event. Counts only when they are known: each member's vote by name, or a
    unanimous vote of the members recorded present. A voice vote that records only its result has
    no counts and no votes (never an invented 0-0-0)."""
    event = {"id": f"vote/{slug}/{meeting.id}/{number}", "identifier": str(number), "organization_id": org_id,
             "event_id": event_id, "motion_text": motion.text,
             "start_date": _moment(meeting.date, meeting.start, zone),
             "result": RESULTS.get(motion.result or ("carried" if motion.unanimous else ""))}
    def cast(voters, option):
        return [_present({"voter_id": ids.get(v), "voter_name": public_label(council.member(v)), "option": option})
                for v in voters]

    if motion.votes is not None:
        counts, votes = [], []
        for attribute, option in OPTIONS:
            voters = getattr(motion.votes, attribute)
            counts.append({"option": option, "value": len(voters)})
            votes += cast(voters, option)
        if motion.votes.recused:
            counts.append({"option": RECUSED, "value": len(motion.votes.recused)})
            votes += cast(motion.votes.recused, RECUSED)
        event["counts"], event["votes"] = counts, votes
    elif motion.unanimous and meeting.attendance and meeting.attendance.present:
        present = meeting.attendance.present
        event["counts"] = [{"option": "yes", "value": len(present)}, {"option": "no", "value": 0},
                           {"option": "abstain", "value": 0}]
        event["votes"] = cast(present, "yes")
    return _present(event)


def popolo_json(council: Council, as_of: dt.date, flavour: str = "popolo") -> bytes:
    return (json.dumps(popolo(council, as_of, flavour), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
