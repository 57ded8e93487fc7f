"""The `cec` command line. Each command lives in its own module; this file only assembles them.

Commands parse options, call one library function, render the result and exit. Heavy libraries
(python-docx, docxtpl, jinja2, icalendar, holidays, ruamel.yaml) are imported inside the commands that need them, so
`cec --help` and shell completion stay fast.
"""

from __future__ import annotations

import importlib
import sys

import typer
from typer.core import TyperGroup

from cecli import __version__

# Every command: its name, the module that defines it (with `register(app)`), and its one-line help.
# `cec --help` and shell completion read this table; a command's module is imported only when that
# command runs, so typing `cec` or pressing TAB never pays for the commands not used.
# tests/test_cli_table.py checks that each line matches the command its module really defines.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("cecli.cli.check", "Check a council's records against the rules of its state."),
    "rules": ("cecli.cli.rules", "List the rules cec checks, or explain one (`cec rules CEC305`)."),
    "init": ("cecli.cli.init", "Create a new council folder: its files, a git repository if there is none, and the first commit."),
    "member": ("cecli.cli.member", "Add, update, end, list and import the council's members."),
    "meeting": ("cecli.cli.meeting", "Schedule meetings and record attendance, minutes, motions and action items."),
    "outreach": ("cecli.cli.outreach", "Record recruitment: communications, information sessions, nominations and elections."),
    "goal": ("cecli.cli.goal", "Record the data the council reviewed, the goals it set and their progress."),
    "report": ("cecli.cli.documents", "Public progress reports: write one, or record one given."),
    "sign": ("cecli.cli.sign", "Record signatures on New York's quarterly reports and Continuation Plan (CEC403)."),
    "commit": ("cecli.cli.commit", "Check the council's edited files and commit them (only the council's own files) in one commit."),
    "log": ("cecli.cli.log", "Show who changed the council's records, when, what and why, newest first."),
    "undo": ("cecli.cli.undo", "Undo the latest change (or a named one) with a new commit \"Undo: ...\"; history is never rewritten."),
    "restore": ("cecli.cli.undo", "Bring back a council file that was deleted or damaged by hand, as last recorded."),
    "ballot": ("cecli.cli.documents", "Write the ballots of an election: one per page, \"vote for N\", who may vote, candidates with ☐."),
    "form": ("cecli.cli.documents", "Recruitment forms: the interest/nomination form and the information-session agenda."),
    "plan": ("cecli.cli.documents", "Write the plan document the council's profile asks for: New York's Community Engagement Plan, California's SPSA approval record."),
    "roster": ("cecli.cli.documents", "Write the roster of members serving on a date; by side, with the parity count, where the profile has sides (California)."),
    "templates": ("cecli.cli.documents", "The Word templates documents are made from, and the council's own copies."),
    "export": ("cecli.cli.export", "Assemble the evidence the state asks for, as a folder or zip with an index and a manifest."),
    "publish": ("cecli.cli.publish", "Write the council's public site: members, meetings, agendas, approved minutes, goals, reports."),
    "calendar": ("cecli.cli.publish", "Write the meeting calendar as an iCalendar (.ics) file that calendar apps can subscribe to."),
    "serve": ("cecli.cli.serve", "Open the council's records in a browser: dashboard, roster, meetings, outreach, goals, reports and history."),
}


def load_command(name: str):
    """The click command for `name`, built from its module (imported now, not before)."""
    from typer.main import get_group

    module = importlib.import_module(COMMANDS[name][0])
    holder = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False)
    module.register(holder)
    return get_group(holder).commands[name]


class _LazyGroup(TyperGroup):
    """The root group: lists commands from the table and imports a command's module only to run it."""

    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        return load_command(name)

    def resolve_command(self, ctx, args):
        if args and args[0] not in COMMANDS and not args[0].startswith("-"):
            from cecli.suggest import closest

            close = closest(args[0], COMMANDS)
            hint = f" Did you mean `cec {close}`?" if close else " Run `cec --help` to see the commands."
            ctx.fail(f"There is no command `{args[0]}`.{hint}")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx, formatter):
        rows = [(name, help_text) for name, (_module, help_text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


app = typer.Typer(
    name="cec",
    cls=_LazyGroup,
    help="Keep a school community council's records, check them against the state's rules, "
    "and write the documents and evidence it needs.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cec {__version__}")
        raise typer.Exit()


def _change_folder(value):
    """`cec -C DIR COMMAND`: run COMMAND as if cec were started in DIR, as `git -C` does."""
    if value is None:
        return value
    import os

    try:
        os.chdir(value)
    except OSError as err:
        raise typer.BadParameter(f"cannot go into {value}: {err.strerror or err}.", param_hint="-C") from None
    return value


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show cec's version and exit."),
    directory: str = typer.Option(None, "-C", metavar="DIR", callback=_change_folder,
                                  help="Run as if cec were started in DIR (as `git -C`); every command also takes -C."),
) -> None:
    """Keep a school community council's records and check them against the state's rules."""


def main() -> None:
    app(prog_name="cec")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
