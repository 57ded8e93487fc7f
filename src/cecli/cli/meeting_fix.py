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
    start: Optional[str] = typer.Option(None, "--start", metavar="TIME", help="A new start time."),
    end: Optional[str] = typer.Option(None, "--end", metavar="TIME", help="A new end time."),
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


def move(
    meeting_id: str = MEETING,
    to: str = typer.Option(..., "--to", metavar="DATE", help="The new date."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Reschedule a meeting that has not been held to another date (one commit).

    The file is renamed with its history (`git log --follow`), its date changes, every record that
    names the meeting follows, its documents move and are rewritten for the new date, and cec says
    which notices must go out again. A held or cancelled meeting, or a move onto a date that already
    has a meeting, is refused.
    """
    from cecli.records.meeting_edits import move_meeting

    say(move_meeting(council_root(council), meeting_id, to, author))


# --- cec meeting agenda DATE add|edit|remove|move|list -----------------------------------------------

agenda_app = typer.Typer(help="List and change a meeting's agenda items: add, edit, remove, move, list.",
                         no_args_is_help=True)


@agenda_app.callback()
def agenda(ctx: typer.Context, meeting_id: str = MEETING) -> None:
    """List and change a meeting's agenda items: add, edit, remove, move, list.

    Items are numbered from 1 (`cec meeting agenda DATE list`). Each change is one commit and
    rewrites the meeting's agenda, minutes shell and sign-in sheet, as `cec meeting docs` does.
    """
    ctx.obj = meeting_id


NUMBER = typer.Argument(..., metavar="N", help="The item's number in `cec meeting agenda DATE list`.")
TITLE = typer.Option(None, "--title", help="What the item is.")
MINUTES = typer.Option(None, "--minutes", metavar="N", help="Time allotted, in whole minutes.")
PRESENTER = typer.Option(None, "--presenter", metavar="ID-OR-NAME",
                         help="A member id or a guest's name (repeat for several presenters).")
KIND = typer.Option(None, "--kind", help="welcome, information, discussion, action, data-review, public-comment, report or other.")


@agenda_app.command("list")
@handles_errors
def agenda_list(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
                council: Optional[Path] = COUNCIL) -> None:
    """Show the agenda's items, numbered from 1, with their minutes, presenters and kind."""
    import json

    from cecli.records.agenda import agenda_rows

    rows = agenda_rows(council_root(council), ctx.obj)
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        typer.echo(f"The agenda of the meeting of {ctx.obj} has no items yet. "
                   f"Add one with `cec meeting agenda {ctx.obj} add --title ...`.")
        return
    table = [("#", "ITEM", "MIN", "PRESENTER", "KIND")] + [
        (str(r["number"]), r["title"], str(r["minutes"] or "-"), ", ".join(r["presenters"]) or "-", r["kind"] or "-")
        for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(5)]
    for row in table:
        typer.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    total = sum(r["minutes"] or 0 for r in rows)
    typer.echo(f"{len(rows)} item{'s' if len(rows) != 1 else ''}, {total} minutes allotted.")


@agenda_app.command("add")
@handles_errors
def agenda_add(ctx: typer.Context, title: Optional[str] = TITLE, minutes: Optional[int] = MINUTES,
               presenter: Optional[List[str]] = PRESENTER, kind: Optional[str] = KIND,
               at: Optional[int] = typer.Option(None, "--at", metavar="N", help="Put it at number N (default: last)."),
               council: Optional[Path] = COUNCIL, author: Optional[str] = AUTHOR) -> None:
    """Add an item (--title is required) at the end of the agenda, or at number N with --at."""
    from cecli.records.agenda import AgendaItemGiven, add_item

    given = AgendaItemGiven(title=title, minutes=minutes, presenters=list(presenter or []), kind=kind)
    say(add_item(council_root(council), ctx.obj, given, at, author))


@agenda_app.command("edit")
@handles_errors
def agenda_edit(ctx: typer.Context, number: int = NUMBER, title: Optional[str] = TITLE,
                minutes: Optional[int] = MINUTES, presenter: Optional[List[str]] = PRESENTER,
                kind: Optional[str] = KIND,
                clear: Optional[List[str]] = typer.Option(None, "--clear", metavar="FIELD",
                                                          help="Remove minutes, presenter or kind (repeatable)."),
                council: Optional[Path] = COUNCIL, author: Optional[str] = AUTHOR) -> None:
    """Change item N's title, minutes, presenters or kind (given presenters replace the old ones)."""
    from cecli.records.agenda import AgendaItemGiven, edit_item

    given = AgendaItemGiven(title=title, minutes=minutes, presenters=list(presenter or []), kind=kind,
                            clear=list(clear or []))
    say(edit_item(council_root(council), ctx.obj, number, given, author))


@agenda_app.command("remove")
@handles_errors
def agenda_remove(ctx: typer.Context, number: int = NUMBER, council: Optional[Path] = COUNCIL,
                  author: Optional[str] = AUTHOR) -> None:
    """Remove item N; the items after it move up."""
    from cecli.records.agenda import remove_item

    say(remove_item(council_root(council), ctx.obj, number, author))


@agenda_app.command("move")
@handles_errors
def agenda_move(ctx: typer.Context, number: int = NUMBER,
                to: int = typer.Option(..., "--to", metavar="M", help="The item's new number."),
                council: Optional[Path] = COUNCIL, author: Optional[str] = AUTHOR) -> None:
    """Move item N to number M; the items between shift by one."""
    from cecli.records.agenda import move_item

    say(move_item(council_root(council), ctx.obj, number, to, author))


def add_corrections(meeting_app: typer.Typer) -> None:
    """Add the correction commands to `cec meeting`."""
    for name, func in (("edit", edit), ("move", move), ("held", held), ("cancel", cancel), ("remove", remove)):
        meeting_app.command(name)(handles_errors(func))
    meeting_app.add_typer(agenda_app, name="agenda")
