"""cec meeting new|list|attendance|record|docs: schedule meetings and record what happened.

The correction commands (edit, held, cancel, remove, move, agenda) are in cli/meeting_fix.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from cecli.cli.common import AUTHOR, COUNCIL, council_root, handles_errors, say

meeting_app = typer.Typer(help="Schedule meetings and record attendance, minutes, motions and action items.",
                          no_args_is_help=True)

def _interactive() -> bool:
    from cecli.cli.ask import interactive

    return interactive()


@meeting_app.command("new")
@handles_errors
def new(
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE", help="The meeting's date (asked in a terminal)."),
    kind: str = typer.Option("regular", "--kind", help="regular, special, information-session or election."),
    title: Optional[str] = typer.Option(None, "--title", help="A title (default: from the kind, such as Regular meeting)."),
    start: Optional[str] = typer.Option(None, "--start", metavar="TIME", help="Start time (default: the previous meeting's)."),
    end: Optional[str] = typer.Option(None, "--end", metavar="TIME", help="End time (default: the previous meeting's)."),
    location: Optional[str] = typer.Option(None, "--location", help="Where (default: the previous meeting's place)."),
    virtual_link: Optional[str] = typer.Option(None, "--virtual-link", help="A link for joining online."),
    suffix: Optional[str] = typer.Option(None, "--suffix", help="Name a second meeting on the same day: 2026-12-08-SUFFIX."),
    pdf: bool = typer.Option(False, "--pdf", help="Also write tagged PDFs of the documents (needs LibreOffice)."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Schedule a meeting: write meetings/DATE.yaml and its agenda, minutes shell and sign-in sheet.

    Place, times and recurring agenda items come from the previous meeting, then from
    `meeting_defaults` in council.yaml. Exit codes: 0 written, 1 the result would be invalid
    (or --pdf without LibreOffice: the DOCX files are written and committed, no PDF),
    2 bad input or no identity (nothing written), 3 internal error.
    """
    from cecli.records.meetings import NewMeeting, new_meeting

    root = council_root(council)
    if date is None and _interactive():
        from cecli.cli.ask import ask_date

        date = ask_date("Date of the meeting")
    plan = NewMeeting(date=date, kind=kind, title=title, start=start, end=end, location=location,
                      virtual_link=virtual_link, suffix=suffix, pdf=pdf or None)
    say(new_meeting(root, plan, author))
    if pdf:
        from cecli.documents.output import require_pdf

        require_pdf("the DOCX files were, and committed")


@meeting_app.command("docs")
@handles_errors
def docs(
    meeting_id: str = typer.Argument(..., metavar="ID", help="The meeting, by file name: 2026-12-08."),
    pdf: bool = typer.Option(False, "--pdf", help="Also write tagged PDFs of the documents (needs LibreOffice)."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Regenerate a meeting's agenda, minutes shell and sign-in sheet after its record changed.

    Nothing is committed when the documents come out byte-for-byte the same. PDFs already beside
    them are rewritten too; --pdf writes them where there are none. Exit 1 with --pdf when
    LibreOffice is missing (the DOCX files are written).
    """
    from cecli.records.meetings import regenerate_documents

    say(regenerate_documents(council_root(council), meeting_id, author, pdf or None))
    if pdf:
        from cecli.documents.output import require_pdf

        require_pdf("the DOCX files were")


@meeting_app.command("list")
@handles_errors
def list_(
    year: Optional[str] = typer.Option(None, "--year", metavar='"2025-26"', help="Only this school year."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    council: Optional[Path] = COUNCIL,
) -> None:
    """List meetings: date, kind, status, members present, agenda sent, minutes."""
    from cecli.records.meetings import meeting_rows

    rows = meeting_rows(council_root(council), year)
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        typer.echo("No meetings" + (f" in {year}." if year else " yet.") + " Schedule one with `cec meeting new`.")
        return
    header = ("MEETING", "KIND", "STATUS", "PRESENT", "AGENDA SENT", "MINUTES")
    table = [header] + [
        (r["id"], r["kind"], r["status"] or "-", "-" if r["present"] is None else str(r["present"]),
         r["agenda_sent"] or "-", r["minutes"] or "-")
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        typer.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


@meeting_app.command("attendance")
@handles_errors
def attendance(
    meeting_id: str = typer.Argument(..., metavar="ID", help="The meeting, by file name: 2025-10-14."),
    present: Optional[List[str]] = typer.Option(None, "--present", metavar="IDS", help="Members present, comma-separated ids."),
    absent: Optional[List[str]] = typer.Option(None, "--absent", metavar="IDS", help="Members absent."),
    excused: Optional[List[str]] = typer.Option(None, "--excused", metavar="IDS", help="Members excused."),
    guests: Optional[int] = typer.Option(None, "--guests", metavar="N", help="How many members of the public came."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Record who came. In a terminal without options, asks from a numbered list of the members.

    The meeting's status becomes held once its date has come.
    """
    from cecli.records.meetings import record_attendance

    root = council_root(council)
    if not (present or absent or excused) and guests is None and _interactive():
        present, absent, excused, guests = _checklist(root, meeting_id)
    say(record_attendance(root, meeting_id, present, absent, excused, guests, author))


def _checklist(root: Path, meeting_id: str):
    from cecli.cli import ask
    from cecli.records.meetings import attendance_choices

    meeting, members = attendance_choices(root, meeting_id)
    ask.say(f"Members on the roster on {meeting.date.isoformat()}:")
    for number, member in enumerate(members, 1):
        ask.say(f"  {number:>2}. {member.name} ({member.id})")
    here = ask.ask_numbers("Numbers of the members present (such as 1,3-5)", len(members))
    excused = ask.ask_numbers("Numbers of the members excused (Enter for none)", len(members), set(here))
    absent = [n for n in range(1, len(members) + 1) if n not in here and n not in excused]
    guests = ask.ask_number("How many members of the public came", default=0)
    ids = lambda numbers: [members[n - 1].id for n in numbers]  # noqa: E731
    return ids(here), ids(absent), ids(excused), guests


@meeting_app.command("record")
@handles_errors
def record(
    meeting_id: str = typer.Argument(..., metavar="ID", help="The meeting, by file name: 2025-10-14."),
    recorded: Optional[str] = typer.Option(None, "--recorded", metavar="DATE", help="Date the minutes were written up."),
    sent: Optional[str] = typer.Option(None, "--sent", metavar="DATE", help="Date the minutes were sent to members."),
    approved: Optional[str] = typer.Option(None, "--approved", metavar="DATE", help="Date the council approved the minutes."),
    approved_at: Optional[str] = typer.Option(None, "--approved-at", metavar="MEETING", help="The later meeting whose motion approved them (sets --approved)."),
    corrections: Optional[str] = typer.Option(None, "--corrections", help="What the council changed when it approved them."),
    summary: Optional[str] = typer.Option(None, "--summary", help="A short summary of the minutes."),
    agenda_sent: Optional[str] = typer.Option(None, "--agenda-sent", metavar="DATE", help="Date the agenda was sent."),
    notice_posted: Optional[str] = typer.Option(None, "--notice-posted", metavar='"DATE TIME"', help="When the public notice was posted."),
    called_to_order: Optional[str] = typer.Option(None, "--called-to-order", metavar="TIME", help="When the meeting was called to order: 18:02 or 6:02pm."),
    called_by: Optional[str] = typer.Option(None, "--by", metavar="ID", help="Who called it to order."),
    adjourned: Optional[str] = typer.Option(None, "--adjourned", metavar="TIME", help="When it was adjourned: 19:10 or 7:10pm."),
    quorum: Optional[str] = typer.Option(None, "--quorum", help="present, or not-confirmed (for minutes that name only a quorum)."),
    interpreter: Optional[str] = typer.Option(None, "--interpreter", help="The interpretation provided: Spanish, by Ana Ruiz (district)."),
    motion: Optional[List[str]] = typer.Option(None, "--motion", help="The text of a motion (repeat for several, without details)."),
    moved_by: Optional[str] = typer.Option(None, "--moved-by", metavar="ID", help="Who moved it."),
    seconded_by: Optional[str] = typer.Option(None, "--seconded-by", metavar="ID", help="Who seconded it."),
    votes_for: Optional[List[str]] = typer.Option(None, "--for", metavar="IDS", help="Members who voted for."),
    against: Optional[List[str]] = typer.Option(None, "--against", metavar="IDS", help="Members who voted against."),
    abstain: Optional[List[str]] = typer.Option(None, "--abstain", metavar="IDS", help="Members who abstained."),
    result: Optional[str] = typer.Option(None, "--result", help="carried, failed, tabled or withdrawn."),
    action: Optional[List[str]] = typer.Option(None, "--action", metavar="TASK", help="An action item's task (repeat for several)."),
    owner: Optional[str] = typer.Option(None, "--owner", metavar="ID", help="Who will do it."),
    due: Optional[str] = typer.Option(None, "--due", metavar="DATE", help="When it is due."),
    again: bool = typer.Option(False, "--again", help="Record the motion or action item even though the same one is already recorded."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Record the minutes' dates, approval and summary, the notice and agenda dates, the call to order,
    adjournment, quorum and interpreter, motions and action items.

    A repeated --motion or --action keeps every one; the details of a motion (--moved-by, --for, ...)
    or an action (--owner, --due) go with a single one. `cec meeting motion|vote|action` record them
    one at a time with every detail.
    """
    from cecli.records.meetings import Record, record as record_

    given = Record(recorded=recorded, sent=sent, approved=approved, approved_at=approved_at, corrections=corrections,
                   summary=summary, agenda_sent=agenda_sent, notice_posted=notice_posted,
                   called_to_order=called_to_order, called_by=called_by, adjourned=adjourned, quorum=quorum,
                   interpreter=interpreter, motion=motion, moved_by=moved_by, seconded_by=seconded_by,
                   votes_for=votes_for, against=against, abstain=abstain, result=result, action=action,
                   owner=owner, due=due, again=again)
    say(record_(council_root(council), meeting_id, given, author))


_assembled = False


def register(app: typer.Typer) -> None:
    global _assembled
    if not _assembled:  # once per process: adding them again would list every subcommand twice
        from cecli.cli.meeting_fix import add_corrections
        from cecli.cli.meeting_minutes import add_minutes_commands
        from cecli.cli.meeting_send import add_send

        add_corrections(meeting_app)
        add_minutes_commands(meeting_app)
        add_send(meeting_app)
        _assembled = True
    app.add_typer(meeting_app, name="meeting")
