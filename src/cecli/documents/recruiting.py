"""Recruitment paperwork (Mississippi's steps): ballots, the interest and nomination form, and the
information-session agenda."""

from __future__ import annotations

import datetime as dt

from cecli.documents import base
from cecli.documents.context import base_context, time_span
from cecli.documents.templating import Rendering, TemplateProblem
from cecli.textfmt import long_date, month_day_year, vocabulary_word

VOTER_WORDS = {
    "community": "members of the school's community",
    "parents": "parents and guardians of students at the school",
    "staff": "school staff",
    "students": "students of the school",
}

METHOD_WORDS = {
    "electronic": "electronically",
    "mail": "by mail",
    "in-person": "in person at the school",
}


def find_election(council, election_id: str):
    elections = council.outreach.elections if council.outreach else []
    for election in elections:
        if election.id == election_id:
            return election
    known = ", ".join(e.id for e in elections) or "none recorded yet"
    raise TemplateProblem(f"There is no election `{election_id}` in outreach.yaml.",
                          f"Elections: {known}. Record one with `cec outreach election`.")


def eligibility(council, election) -> str:
    voters = [VOTER_WORDS.get(v, vocabulary_word(v).lower()) for v in election.voters]
    if council.profile and council.profile.word("ballot_eligibility") == "community":
        who = "; ".join(voters) if voters else (
            "community members: parents, residents, and the community's business, civic, faith and "
            "service leaders")
        return (f"This ballot is for {who}. Teachers and school or district staff do not vote in this "
                "election: the council's members are chosen by the community.")
    if voters:
        return f"Only {' and '.join(voters)} may vote in this election."
    return "Only the members of the group this seat represents may vote in this election."


def ballot(council, election_id: str, copies: int = 1) -> bytes:
    election = find_election(council, election_id)
    rendering = Rendering(council.root, "ballot.docx")
    term = council.profile.council_term if council.profile else "council"
    context = base_context(council, "Ballot", election.date)
    seats = election.seats or 1
    context["election"] = {
        "id": election.id,
        "title": election.title or f"{term} election",
        "date": long_date(election.date),
        "seats": seats,
        "vote_for": f"Vote for {seats}" if seats != 1 else "Vote for 1",
        "eligibility": eligibility(council, election),
        "candidates": [{"name": c.name, "category": vocabulary_word(c.category)} for c in election.candidates],
    }
    context["ballots"] = list(range(1, max(copies, 1) + 1))
    piece = rendering.subdoc()
    rows = [[base.BOX, c.name, vocabulary_word(c.category)] for c in election.candidates]
    if not rows:
        rows = [[base.BOX, "", ""]]
    table = base.add_table(piece, ["Vote", "Candidate", "Represents"], rows, widths=[0.8, 3.8, 2.4])
    from docx.shared import Inches

    for row in table.rows[1:]:
        row.height = Inches(0.4)
    context["candidates_table"] = piece
    return rendering.render(context, election.date, f"Ballot: {context['election']['title']}")


# --- nominations ------------------------------------------------------------------------------

def current_nominations(council, day: dt.date):
    found = council.outreach.nominations if council.outreach else None
    if isinstance(found, dict):
        if not found:
            return None
        year = council.school_year(day)
        return found.get(year) or found[sorted(found)[-1]]
    return found


def return_ways(council, methods) -> list[str]:
    """Where and how a form goes back, from council.yaml's `contact`, `website` and `meeting_place`:
    "by email to cec@...", "by mail to Front office, ...", "in person at Front office, ..."."""
    info = council.info
    contact = info.contact if info and info.contact else None
    email = contact.email if contact else None
    address = contact.address if contact else None
    website = info.website if info else None
    school = (info.schools[0].name if info and info.schools else None)
    ways = []
    for method in methods or ["in-person"]:
        if method == "electronic":
            if email:
                ways.append(f"by email to {email}")
            elif website:
                ways.append(f"online at {website}")
            else:
                ways.append("electronically")
        elif method == "mail":
            ways.append(f"by mail to {address}" if address else
                        f"by mail to {school}" if school else "by mail to the school")
        elif method == "in-person":
            ways.append(f"in person at {address}" if address else
                        f"in person at the {school} office" if school else "in person at the school office")
        else:
            ways.append(METHOD_WORDS.get(method, vocabulary_word(method).lower()))
    return ways


def _either(ways: list[str]) -> str:
    return ", ".join(ways[:-1]) + " or " + ways[-1] if len(ways) > 1 else "".join(ways)


def nominations_fields(council, day: dt.date) -> dict:
    found = current_nominations(council, day)
    window = ""
    if found and found.opened and found.closed:
        window = f"open {month_day_year(found.opened)} to {month_day_year(found.closed)}"
    elif found and found.closed:
        window = f"close {month_day_year(found.closed)}"
    methods = [METHOD_WORDS.get(m, m) for m in (found.methods if found else [])]
    returned = _either(return_ways(council, found.methods if found else []))
    how = f"Return this form {returned}"
    how += f"; nominations {window}." if window else "."
    info = council.info
    contact = info.contact if info and info.contact else None
    questions = []
    if contact and contact.phone:
        questions.append(f"call {contact.phone}")
    if contact and contact.email:
        questions.append(f"write to {contact.email}")
    if info and info.website:
        questions.append(f"see {info.website}")
    ask = ("Questions? " + _either(questions).capitalize() + ".") if questions else ""
    for_session = (f"Interest and nomination forms are handed out at this session. Fill one in for yourself or "
                   f"for someone you would like to nominate, and return it {returned}"
                   + (f"; nominations {window}." if window else "."))
    return {"window": window, "how": how, "methods": methods, "returned": returned, "ask": ask,
            "for_session": for_session}


def categories_piece(rendering, council):
    vocabulary = council.profile.vocabularies.get("category", ()) if council.profile else ()
    labels = [vocabulary_word(slug) for slug in vocabulary] or ["Parent", "Community member"]
    half = (len(labels) + 1) // 2
    left, right = labels[:half], labels[half:] + [""] * (half - len(labels[half:]))
    piece = rendering.subdoc()
    rows = [[base.BOX, a, base.BOX if b else "", b] for a, b in zip(left, right)]
    base.add_table(piece, ["", "Group", "", "Group"], rows, widths=[0.5, 3.0, 0.5, 3.0])
    return piece


def interest_form(council, day: dt.date) -> bytes:
    rendering = Rendering(council.root, "interest-form.docx")
    context = base_context(council, "Interest and nomination form", day)
    context["nominations"] = nominations_fields(council, day)
    context["categories_table"] = categories_piece(rendering, council)
    return rendering.render(context, day, "Interest and nomination form")


def choose_session(council, day: dt.date | None):
    sessions = sorted(council.outreach.info_sessions if council.outreach else [], key=lambda s: s.date)
    if day is not None:
        for session in sessions:
            if session.date == day:
                return session
        return None
    return sessions[-1] if sessions else None


def info_session(council, day: dt.date) -> bytes:
    """The agenda of the information session on `day` (recorded in outreach.yaml, or planned)."""
    session = choose_session(council, day)
    rendering = Rendering(council.root, "info-session.docx")
    context = base_context(council, "Information session", day)
    place = (session.location if session else None) or (council.info.meeting_place if council.info else None)
    context["session"] = {
        "date": long_date(day),
        "time": time_span(session.start, session.end) if session else "Time to be announced",
        "place": place or "To be announced",
    }
    context["nominations"] = nominations_fields(council, day)
    elections = sorted((e for e in (council.outreach.elections if council.outreach else []) if e.date >= day),
                       key=lambda e: e.date)
    context["election"] = {"date": long_date(elections[0].date)} if elections else ""
    context["categories_table"] = categories_piece(rendering, council)
    return rendering.render(context, day, "Information session")


def info_session_sign_in(council, day: dt.date) -> bytes:
    """The sign-in sheet of the information session on `day`: for the people who come to hear about
    serving, with a column for an email or phone (cecli.documents.meetings.sign_in_sheet)."""
    from cecli.documents.meetings import sign_in_sheet

    session = choose_session(council, day)
    place = (session.location if session else None) or (council.info.meeting_place if council.info else None)
    context = base_context(council, "Sign-in sheet", day)
    context["meeting"] = {"title": "Information session", "date": long_date(day),
                          "time": time_span(session.start, session.end) if session else "Time to be announced",
                          "place": place or "To be announced"}
    return sign_in_sheet(council, context, [], True, day, f"Sign-in sheet: information session, {day.isoformat()}")
