"""cec goal add|review|progress|list|edit|remove: the data the council reviewed, its goals and their progress."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from cecli.cli.common import AUTHOR, COUNCIL, council_root, handles_errors, say
from cecli.cli.entries import NUMBER, REASON, add_entry_commands

goal_app = typer.Typer(help="Record the data the council reviewed, the goals it set and their progress.",
                       no_args_is_help=True)
AGAIN = typer.Option(False, "--again", help="Record it even though the same entry is already recorded.")
YEAR = typer.Option(None, "--year", metavar='"2025-26"', help="The school year (default: the current one).")


@goal_app.command("add")
@handles_errors
def add(
    goal_id: str = typer.Option(..., "--id", help="A short id, such as reading-growth."),
    statement: Optional[str] = typer.Option(None, "--statement", help="What the council means to achieve."),
    year: Optional[str] = YEAR,
    data: Optional[List[str]] = typer.Option(None, "--data", help="The reviewed data it rests on: school-report-card, ... (repeatable)."),
    measure: Optional[str] = typer.Option(None, "--measure", help="How progress is measured."),
    baseline: Optional[str] = typer.Option(None, "--baseline", help="Where it starts."),
    target: Optional[str] = typer.Option(None, "--target", help="Where it should get to."),
    aligned_to: Optional[str] = typer.Option(None, "--aligned-to", help="The plan it serves (such as the school improvement plan)."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Add a goal for a school year."""
    from cecli.records.goals import NewGoal, add_goal

    given = NewGoal(id=goal_id, statement=statement, year=year, data=data, measure=measure, baseline=baseline,
                    target=target, aligned_to=aligned_to)
    say(add_goal(council_root(council), given, author))


@goal_app.command("review")
@handles_errors
def review(
    source: Optional[str] = typer.Option(None, "--source", help="school-report-card, district-report-card, improvement-plan, ..."),
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE", help="When it was reviewed (default: the meeting's date)."),
    meeting: Optional[str] = typer.Option(None, "--meeting", metavar="ID", help="The meeting where it was reviewed."),
    year: Optional[str] = YEAR,
    note: Optional[str] = typer.Option(None, "--note", help="What the council took from it."),
    again: bool = AGAIN,
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Record that the council reviewed a source of data."""
    from cecli.records.goals import DataReview, review_data

    given = DataReview(source=source, date=date, meeting=meeting, year=year, note=note)
    say(review_data(council_root(council), given, author, again=again))


@goal_app.command("progress")
@handles_errors
def progress(
    goal_id: str = typer.Argument(..., metavar="ID", help="The goal's id."),
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE", help="As of when (default: today)."),
    note: Optional[str] = typer.Option(None, "--note", help="Where things stand."),
    year: Optional[str] = typer.Option(None, "--year", metavar='"2025-26"', help="Needed only when the id is used in several years."),
    again: bool = AGAIN,
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Add a progress note to a goal."""
    from cecli.records.goals import add_progress

    say(add_progress(council_root(council), goal_id, date, note, year, author, again=again))


def edit(
    number: int = NUMBER,
    goal_id: Optional[str] = typer.Option(None, "--id", help="A goal's id."),
    statement: Optional[str] = typer.Option(None, "--statement"),
    aligned_to: Optional[str] = typer.Option(None, "--aligned-to"),
    data: Optional[List[str]] = typer.Option(None, "--data", help="A goal's data sources (repeatable; replaces the list)."),
    measure: Optional[str] = typer.Option(None, "--measure"),
    baseline: Optional[str] = typer.Option(None, "--baseline"),
    target: Optional[str] = typer.Option(None, "--target"),
    source: Optional[str] = typer.Option(None, "--source", help="A data review's source."),
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE", help="A data review's or progress note's date."),
    meeting: Optional[str] = typer.Option(None, "--meeting", metavar="ID"),
    note: Optional[str] = typer.Option(None, "--note"),
    reason: Optional[str] = REASON,
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    from cecli.cli.entries import edit as edit_entry

    given = {"--id": goal_id, "--statement": statement, "--aligned-to": aligned_to, "--data": data,
             "--measure": measure, "--baseline": baseline, "--target": target, "--source": source,
             "--date": date, "--meeting": meeting, "--note": note}
    edit_entry("goal", number, given, reason, council, author)


add_entry_commands(goal_app, "goal", edit)


def register(app: typer.Typer) -> None:
    app.add_typer(goal_app, name="goal")
