"""cec meeting edit|held|cancel|remove|move and cec meeting agenda: correct a meeting from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from cecli.cli.common import AUTHOR, COUNCIL, council_root, handles_errors, say

MEETING = typer.Argument(..., metavar="DATE", help="The meeting, by file name: 2026-12-08.")


def edit(
    meeting_id: str = MEETING,
    title: Optional[str] = typer.Option(None, "--title", help="A new title."),
    kind: Optional[str] = typer.Option(None, "--kind", help="regular, special, information-session or election."),
    start: Optional[str] = typer.Option(None, "--start", metavar="HH:MM", help="A new start time."),
    end: Optional[str] = typer.Option(None, "--end", metavar="HH:MM", help="A new end time."),
    location: Optional[str] = typer.Option(None, "--location", help="A new place."),
    virtual_link: Optional[str] = typer.Option(None, "--virtual-link", help="A new link for joining online."),
    open_to_public: Optional[bool] = typer.Option(None, "--open-to-public/--closed",
                                                  help="Whether the public may attend."),
    clear: Optional[List[str]] = typer.Option(None, "--clear", metavar="FIELD",
                                              help="Remove title, start, end, location or virtual_link (repeatable)."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Correct a meeting's title, kind, times, place, virtual link or openness (one commit).

    The agenda, minutes shell and sign-in sheet are rewritten in the same commit; if the agenda or
    notice already went out, cec says to send them again. To change the date, use `cec meeting move`.
    """
    from cecli.records.meeting_edits import MeetingEdit, edit_meeting

    given = MeetingEdit(title=title, kind=kind, start=start, end=end, location=location, virtual_link=virtual_link,
                        open_to_public=open_to_public, clear=list(clear or []))
    say(edit_meeting(council_root(council), meeting_id, given, author))


def held(
    meeting_id: str = MEETING,
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Record that a meeting took place (status held), such as before its attendance is known."""
    from cecli.records.meeting_edits import mark_held

    say(mark_held(council_root(council), meeting_id, author))


def cancel(
    meeting_id: str = MEETING,
    reason: Optional[str] = typer.Option(None, "--reason", help="Why (kept in the meeting's record and the commit message)."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Mark a meeting that will not take place cancelled, with the reason (--reason is required)."""
    from cecli.records.meeting_edits import cancel as cancel_

    say(cancel_(council_root(council), meeting_id, reason, author))


def remove(
    meeting_id: str = MEETING,
    reason: Optional[str] = typer.Option(None, "--reason", help="Why it is removed (kept in the commit message)."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Delete a meeting entered by mistake, with its generated documents (--reason is required).

    Only a meeting that was never held and has no attendance, minutes, motions or action items can
    be removed, and only when no other record names it; a meeting that will not take place is
    cancelled instead (`cec meeting cancel`). The file stays in the history (`cec log`).
    """
    from cecli.records.meeting_edits import remove_meeting

    say(remove_meeting(council_root(council), meeting_id, reason, author))


def add_corrections(meeting_app: typer.Typer) -> None:
    """Add the correction commands to `cec meeting`."""
    for name, func in (("edit", edit), ("held", held), ("cancel", cancel), ("remove", remove)):
        meeting_app.command(name)(handles_errors(func))
