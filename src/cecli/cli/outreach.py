"""cec outreach add|nominations|election|list|edit|remove: record how the council recruited its members."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from cecli.cli.common import AUTHOR, COUNCIL, council_root, handles_errors, say
from cecli.cli.entries import NUMBER, REASON, add_entry_commands

AGAIN = typer.Option(False, "--again", help="Record it even though the same entry is already recorded.")

outreach_app = typer.Typer(help="Record recruitment: communications, information sessions, nominations and elections.",
                           no_args_is_help=True)
add_app = typer.Typer(help="Add a communication or an information session.", no_args_is_help=True)
election_app = typer.Typer(help="Add an election and record its candidates and results.", no_args_is_help=True)

EVIDENCE = typer.Option(None, "--evidence", metavar="PATH",
                        help="A scan, flyer or screenshot (repeatable); a file outside the council is copied into evidence/.")


@add_app.command("communication")
@handles_errors
def communication(
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE", help="When it went out."),
    channel: Optional[str] = typer.Option(None, "--channel", help="flyer, social-media, newsletter, website, email, ..."),
    audience: Optional[str] = typer.Option(None, "--audience", help="Who it was for (parents, the community, ...)."),
    purpose: Optional[str] = typer.Option(None, "--purpose", help="recruitment, information-session, nominations, election, meeting-notice, ..."),
    description: Optional[str] = typer.Option(None, "--description", help="What it said."),
    evidence: Optional[List[str]] = EVIDENCE,
    again: bool = AGAIN,
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Record a communication to the community (a flyer, a post, a newsletter...)."""
    from cecli.records.outreach import Communication, add_communication

    given = Communication(date=date, channel=channel, audience=audience, purpose=purpose,
                          description=description, evidence=evidence)
    say(add_communication(council_root(council), given, author, again=again))


@add_app.command("info-session")
@handles_errors
def info_session(
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE", help="The session's date."),
    start: Optional[str] = typer.Option(None, "--start", metavar="TIME"),
    end: Optional[str] = typer.Option(None, "--end", metavar="TIME"),
    location: Optional[str] = typer.Option(None, "--location"),
    attendees: Optional[int] = typer.Option(None, "--attendees", metavar="N", help="How many came."),
    meeting: Optional[str] = typer.Option(None, "--meeting", metavar="ID", help="The meeting file of the session, if there is one."),
    evidence: Optional[List[str]] = EVIDENCE,
    again: bool = AGAIN,
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Record an information session held for the community."""
    from cecli.records.outreach import InfoSession, add_info_session

    given = InfoSession(date=date, start=start, end=end, location=location, attendees=attendees,
                        meeting=meeting, evidence=evidence)
    say(add_info_session(council_root(council), given, author, again=again))


@outreach_app.command("nominations")
@handles_errors
def nominations(
    opened: Optional[str] = typer.Option(None, "--opened", metavar="DATE", help="When nominations opened."),
    closed: Optional[str] = typer.Option(None, "--closed", metavar="DATE", help="When they closed."),
    method: Optional[List[str]] = typer.Option(None, "--method", help="electronic, mail or in-person (repeatable)."),
    received: Optional[int] = typer.Option(None, "--received", metavar="N", help="How many nominations came in."),
    year: Optional[str] = typer.Option(None, "--year", metavar='"2025-26"', help="Keep the window under this school year."),
    evidence: Optional[List[str]] = EVIDENCE,
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Record the nominations window: dates, how nominations could be made, how many came in."""
    from cecli.records.outreach import Nominations, set_nominations

    given = Nominations(opened=opened, closed=closed, methods=method, received=received, year=year, evidence=evidence)
    say(set_nominations(council_root(council), given, author))


@election_app.command("add")
@handles_errors
def election_add(
    election_id: str = typer.Argument(..., metavar="ID", help="A short id, such as 2025-fall."),
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE", help="Election day."),
    notice_given: Optional[str] = typer.Option(None, "--notice-given", metavar="DATE", help="When notice of the election was given."),
    seats: Optional[int] = typer.Option(None, "--seats", metavar="N", help="How many seats are filled."),
    voters: Optional[List[str]] = typer.Option(None, "--voters", help="community, parents, staff or students (repeatable)."),
    title: Optional[str] = typer.Option(None, "--title"),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Add an election."""
    from cecli.records.outreach import Election, add_election

    given = Election(id=election_id, date=date, notice_given=notice_given, seats=seats, voters=voters, title=title)
    say(add_election(council_root(council), given, author))


@election_app.command("candidate")
@handles_errors
def election_candidate(
    election_id: str = typer.Argument(..., metavar="ID", help="The election's id."),
    name: Optional[str] = typer.Option(None, "--name", help="The candidate's name (an existing candidate is updated)."),
    category: Optional[str] = typer.Option(None, "--category", help="The member category they would fill."),
    statement: Optional[str] = typer.Option(None, "--statement", help="Their candidate statement."),
    votes: Optional[int] = typer.Option(None, "--votes", metavar="N", help="Votes received."),
    elected: Optional[bool] = typer.Option(None, "--elected/--not-elected", help="The result."),
    member: Optional[str] = typer.Option(None, "--member", metavar="ID", help="Their roster id, once elected."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Add a candidate to an election, or record their votes and result."""
    from cecli.records.outreach import Candidate, set_candidate

    given = Candidate(name=name, category=category, statement=statement, votes=votes, elected=elected, member=member)
    say(set_candidate(council_root(council), election_id, given, author))


def edit(
    number: int = NUMBER,
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE"),
    channel: Optional[str] = typer.Option(None, "--channel", help="A communication's channel."),
    audience: Optional[str] = typer.Option(None, "--audience"),
    purpose: Optional[str] = typer.Option(None, "--purpose"),
    description: Optional[str] = typer.Option(None, "--description"),
    start: Optional[str] = typer.Option(None, "--start", metavar="TIME", help="An information session's start."),
    end: Optional[str] = typer.Option(None, "--end", metavar="TIME"),
    location: Optional[str] = typer.Option(None, "--location"),
    attendees: Optional[str] = typer.Option(None, "--attendees", metavar="N"),
    meeting: Optional[str] = typer.Option(None, "--meeting", metavar="ID"),
    opened: Optional[str] = typer.Option(None, "--opened", metavar="DATE", help="When nominations opened."),
    closed: Optional[str] = typer.Option(None, "--closed", metavar="DATE"),
    method: Optional[List[str]] = typer.Option(None, "--method", help="Nomination methods (repeatable; replaces the list)."),
    received: Optional[str] = typer.Option(None, "--received", metavar="N"),
    election_id: Optional[str] = typer.Option(None, "--id", help="An election's id."),
    title: Optional[str] = typer.Option(None, "--title"),
    notice_given: Optional[str] = typer.Option(None, "--notice-given", metavar="DATE"),
    seats: Optional[str] = typer.Option(None, "--seats", metavar="N"),
    voters: Optional[List[str]] = typer.Option(None, "--voters", help="Voter groups (repeatable; replaces the list)."),
    evidence: Optional[List[str]] = typer.Option(None, "--evidence", metavar="PATH", help="Add an evidence file (repeatable)."),
    reason: Optional[str] = REASON,
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    from cecli.cli.entries import edit as edit_entry

    given = {"--date": date, "--channel": channel, "--audience": audience, "--purpose": purpose,
             "--description": description, "--start": start, "--end": end, "--location": location,
             "--attendees": attendees, "--meeting": meeting, "--opened": opened, "--closed": closed,
             "--method": method, "--received": received, "--id": election_id, "--title": title,
             "--notice-given": notice_given, "--seats": seats, "--voters": voters, "--evidence": evidence}
    edit_entry("outreach", number, given, reason, council, author)


add_entry_commands(outreach_app, "outreach", edit)
outreach_app.add_typer(add_app, name="add")
outreach_app.add_typer(election_app, name="election")


def register(app: typer.Typer) -> None:
    app.add_typer(outreach_app, name="outreach")
