"""cec meeting motion|vote|action|guest|notes|officer: record what happened at a meeting, entry by entry.

Each command changes meetings/DATE.yaml (officer elections: and say how roster.yaml follows) in one
commit. Motions, action items and agenda items are numbered from 1 as `cec meeting docs` prints them.
Exit codes: 0 written, 1 the result would be invalid, 2 bad input (nothing written), 3 internal error.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from cecli.cli.common import AUTHOR, COUNCIL, council_root, handles_errors, say

MEETING = typer.Argument(..., metavar="DATE", help="The meeting, by file name: 2026-03-10.")
NUMBER = typer.Argument(..., metavar="N", help="The motion's number in the meeting (from 1).")

motion_app = typer.Typer(help="Add, edit or remove a meeting's motions (numbered in meeting order).",
                         no_args_is_help=True)
action_app = typer.Typer(help="Add an action item, mark one done, or remove one.", no_args_is_help=True)
guest_app = typer.Typer(help="Name a meeting's guests (and the agenda items they presented), or remove one.",
                        no_args_is_help=True)
officer_app = typer.Typer(help="Record an officer elected at a meeting, or remove one entered by mistake.",
                          no_args_is_help=True)


def _meeting_of(ctx: typer.Context) -> str:
    """The DATE given before the subcommand (`cec meeting motion DATE add ...`)."""
    return ctx.parent.params["meeting_id"]


def _takes_meeting(app: typer.Typer, text: str) -> None:
    @app.callback()
    def _meeting(meeting_id: str = MEETING) -> None:
        pass

    _meeting.__doc__ = text


_takes_meeting(motion_app, "Add, edit or remove a meeting's motions (numbered in meeting order).")
_takes_meeting(action_app, "Add an action item, mark one done, or remove one.")
_takes_meeting(guest_app, "Name a meeting's guests (and the agenda items they presented), or remove one.")
_takes_meeting(officer_app, "Record an officer elected at a meeting, or remove one entered by mistake.")


def _blank_is_none(value: Optional[str]):
    """An option given as "" clears the field; not given at all leaves it (the records' _UNSET)."""
    from cecli.records.minutes import _UNSET

    if value is None:
        return _UNSET
    return value.strip() or None


@motion_app.command("add")
@handles_errors
def motion_add(
    ctx: typer.Context,
    text: str = typer.Argument(..., metavar="TEXT", help="What was moved, in quotes."),
    item: Optional[int] = typer.Option(None, "--item", metavar="N", help="The agenda item it is about (from 1)."),
    moved_by: Optional[str] = typer.Option(None, "--moved-by", metavar="ID", help="Who moved it (present)."),
    seconded_by: Optional[str] = typer.Option(None, "--seconded-by", metavar="ID", help="Who seconded it (present)."),
    urgent: bool = typer.Option(False, "--urgent", help="Not on the posted agenda: taken up as an urgent matter."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Add a motion after the meeting's others. Record its vote with `cec meeting vote DATE N`."""
    meeting_id = _meeting_of(ctx)
    from cecli.records.minutes import add_motion

    say(add_motion(council_root(council), meeting_id, text, item, moved_by, seconded_by, urgent, author))


@motion_app.command("edit")
@handles_errors
def motion_edit(
    ctx: typer.Context,
    number: int = NUMBER,
    text: Optional[str] = typer.Option(None, "--text", help="The motion's new text."),
    item: Optional[str] = typer.Option(None, "--item", metavar="N", help='The agenda item it is about ("" for none).'),
    moved_by: Optional[str] = typer.Option(None, "--moved-by", metavar="ID", help='Who moved it ("" for nobody named).'),
    seconded_by: Optional[str] = typer.Option(None, "--seconded-by", metavar="ID", help='Who seconded it ("" for nobody).'),
    urgent: Optional[bool] = typer.Option(None, "--urgent/--not-urgent", help="Taken up as an urgent matter, or not."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Correct a motion's text, agenda item, mover, seconder or urgency."""
    meeting_id = _meeting_of(ctx)
    from cecli.errors import InvalidInput
    from cecli.records.minutes import _UNSET, edit_motion

    item_value = _blank_is_none(item)
    if item_value not in (None, _UNSET):
        if not str(item_value).isdigit():
            raise InvalidInput(f"--item `{item}` is not an agenda item's number.", "Give a number such as --item 2.")
        item_value = int(item_value)
    say(edit_motion(council_root(council), meeting_id, number, text, item_value, _blank_is_none(moved_by),
                    _blank_is_none(seconded_by), urgent, author))


@motion_app.command("remove")
@handles_errors
def motion_remove(
    ctx: typer.Context,
    number: int = NUMBER,
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Remove a motion entered by mistake; the motions after it move up one number."""
    meeting_id = _meeting_of(ctx)
    from cecli.records.minutes import remove_motion

    say(remove_motion(council_root(council), meeting_id, number, author))


@handles_errors
def vote(
    meeting_id: str = MEETING,
    number: int = NUMBER,
    votes_for: Optional[List[str]] = typer.Option(None, "--for", metavar="IDS", help="Members who voted for."),
    against: Optional[List[str]] = typer.Option(None, "--against", metavar="IDS", help="Members who voted against."),
    abstain: Optional[List[str]] = typer.Option(None, "--abstain", metavar="IDS", help="Members who abstained."),
    recused: Optional[List[str]] = typer.Option(None, "--recused", metavar="IDS", help="Members who recused themselves."),
    unanimous: bool = typer.Option(False, "--unanimous", help="Every member present voted for (no names recorded)."),
    result: Optional[str] = typer.Option(None, "--result", help="carried, failed, tabled or withdrawn."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Record the vote on motion N: each member's vote by id, or --unanimous, or only --result.

    Only members present may vote. A voice vote nobody counted is recorded with --result alone
    (cec never invents the counts). The result is worked out from named votes when not given.
    """
    from cecli.records.minutes import record_vote

    say(record_vote(council_root(council), meeting_id, number, votes_for, against, abstain, recused, unanimous,
                    result, author))


@action_app.command("add")
@handles_errors
def action_add(
    ctx: typer.Context,
    task: str = typer.Argument(..., metavar="TASK", help="What is to be done, in quotes."),
    owner: Optional[str] = typer.Option(None, "--owner", metavar="ID", help="Who will do it."),
    due: Optional[str] = typer.Option(None, "--due", metavar="DATE", help="When it is due."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Add an action item decided at the meeting."""
    meeting_id = _meeting_of(ctx)
    from cecli.records.minutes import add_action

    say(add_action(council_root(council), meeting_id, task, owner, due, author))


@action_app.command("done")
@handles_errors
def action_done(
    ctx: typer.Context,
    number: int = typer.Argument(..., metavar="N", help="The action item's number (from 1)."),
    on: Optional[str] = typer.Option(None, "--on", metavar="DATE", help="When it was done (default: today)."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Mark action item N done."""
    meeting_id = _meeting_of(ctx)
    from cecli.records.minutes import action_done as done

    say(done(council_root(council), meeting_id, number, on, author))


@action_app.command("remove")
@handles_errors
def action_remove(
    ctx: typer.Context,
    number: int = typer.Argument(..., metavar="N", help="The action item's number (from 1)."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Remove an action item entered by mistake."""
    meeting_id = _meeting_of(ctx)
    from cecli.records.minutes import remove_action

    say(remove_action(council_root(council), meeting_id, number, author))


@guest_app.command("add")
@handles_errors
def guest_add(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="The guest's name as the minutes should print it."),
    affiliation: Optional[str] = typer.Option(None, "--affiliation", help="Whom they came for: Principal, district office, ..."),
    presents: Optional[List[int]] = typer.Option(None, "--presents", metavar="N",
                                                 help="An agenda item they presented (repeat for several)."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Name a guest in the meeting's attendance, and the agenda items they presented."""
    meeting_id = _meeting_of(ctx)
    from cecli.records.minutes import add_guest

    say(add_guest(council_root(council), meeting_id, name, affiliation, presents, author))


@guest_app.command("remove")
@handles_errors
def guest_remove(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAME", help="The guest's name as recorded."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Remove a guest (and them as a presenter) entered by mistake."""
    meeting_id = _meeting_of(ctx)
    from cecli.records.minutes import remove_guest

    say(remove_guest(council_root(council), meeting_id, name, author))


@handles_errors
def notes(
    meeting_id: str = MEETING,
    number: int = typer.Argument(..., metavar="N", help="The agenda item's number (from 1)."),
    text: str = typer.Argument(..., metavar="TEXT", help='What was said, in quotes ("" removes the notes).'),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Write the minutes' notes on agenda item N: what was presented and discussed."""
    from cecli.records.minutes import item_notes

    say(item_notes(council_root(council), meeting_id, number, text, author))


@officer_app.command("add")
@handles_errors
def officer_add(
    ctx: typer.Context,
    role: str = typer.Argument(..., metavar="ROLE", help="chair, vice-chair, secretary, ... (`cec rules` lists them)."),
    member: str = typer.Argument(..., metavar="MEMBER", help="The member elected, by id."),
    motion: Optional[int] = typer.Option(None, "--motion", metavar="N", help="The motion that elected them."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Record that MEMBER was elected ROLE at the meeting."""
    meeting_id = _meeting_of(ctx)
    from cecli.records.minutes import elect_officer

    say(elect_officer(council_root(council), meeting_id, role, member, motion, author))


@officer_app.command("remove")
@handles_errors
def officer_remove(
    ctx: typer.Context,
    role: str = typer.Argument(..., metavar="ROLE", help="The role whose election to remove."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Remove an officer election entered by mistake."""
    meeting_id = _meeting_of(ctx)
    from cecli.records.minutes import remove_officer

    say(remove_officer(council_root(council), meeting_id, role, author))


def add_minutes_commands(meeting_app: typer.Typer) -> None:
    meeting_app.add_typer(motion_app, name="motion")
    meeting_app.command("vote")(vote)
    meeting_app.add_typer(action_app, name="action")
    meeting_app.add_typer(guest_app, name="guest")
    meeting_app.command("notes")(notes)
    meeting_app.add_typer(officer_app, name="officer")
