"""What every command shares: the error wrapper, the --council and --author options, dates, printing."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from pathlib import Path

import typer

from cecli.errors import EXIT_INTERNAL, CecError

COUNCIL = typer.Option(None, "--council", "-C", help="The council folder (default: this folder).")
AUTHOR = typer.Option(None, "--author", metavar='"NAME <EMAIL>"',
                      help="Who is making the change (default: CEC_AUTHOR, then git config).")

# Typer 0.29 carries its own copy of click; its usage errors derive from this class.
_ClickException = typer.BadParameter.__mro__[[c.__name__ for c in typer.BadParameter.__mro__].index("ClickException")]


def handles_errors(func):
    """Turn a CecError into its message and exit code, and anything unexpected into exit 3."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit, _ClickException):
            raise
        except CecError as err:
            say_error(err.message, err.hint)
            raise typer.Exit(err.exit_code) from None
        except BrokenPipeError:
            # the reader went away (`cec ... | head`): stop quietly, as other command-line tools do
            import os

            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except KeyboardInterrupt:
            say_error("Stopped.", "Nothing more was written.")
            raise typer.Exit(130) from None
        except Exception as err:  # a bug in cec, not a user mistake
            import traceback

            say_error(
                f"cec hit an internal error and stopped: {type(err).__name__}: {err}",
                "This is a bug in cec, not in your records. Please report it with the lines below.",
            )
            traceback.print_exc(file=sys.stderr)
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper


def say_error(message: str, hint: str = "") -> None:
    typer.echo(f"Error: {message}", err=True)
    if hint:
        typer.echo(f"  {hint}", err=True)


def parse_day(value: str | None, option: str = "--as-of") -> dt.date | None:
    """A date option as people write it (cecli.when: 2026-12-08, 12/8/2026, Dec 8 2026, today);
    a bad one is a usage error that shows what is accepted."""
    from cecli.errors import InvalidInput
    from cecli.records._checks import day

    try:
        found = day(value, option)
    except InvalidInput as err:
        raise typer.BadParameter(f"{err.message} {err.hint.replace(' Nothing was written.', '')}") from None
    from cecli.model.base import FIRST_YEAR, LAST_YEAR

    if found is not None and not FIRST_YEAR <= found.year <= LAST_YEAR:
        raise typer.BadParameter(f"{option} {value} is not a plausible date: cec keeps records dated "
                                 f"{FIRST_YEAR} to {LAST_YEAR}.")
    return found


def council_path(path: Path | None, council: Path | None = None) -> Path:
    """The council folder a command names: its positional PATH or -C/--council (either, as git's -C),
    else this folder. Naming two different folders is a usage error."""
    if path is not None and council is not None and Path(path).resolve() != Path(council).resolve():
        raise typer.BadParameter(f"name the council once: {path} and -C {council} are different folders.",
                                 param_hint="-C")
    chosen = path if path is not None else council
    return Path(chosen) if chosen is not None else Path.cwd()


def council_root(path: Path | None) -> Path:
    """The council folder given with --council (or this folder); NotACouncil when it has no council.yaml."""
    from cecli.loader import find_root

    return find_root(council_path(path))


def say(done) -> None:
    """Show what a change wrote (a records.Written): its line for the user, then any warnings and
    the problems the change left."""
    typer.echo(done.said)
    warn(done.warnings)
    tell_problems(done.problems)


def warn(warnings) -> None:
    for text in warnings:
        typer.echo(f"Warning: {text}", err=True)


def tell_problems(problems) -> None:
    """The problems a committed change left that were not there before (the store's `tx.problems`)."""
    from cecli.store.problems import problems_note

    note = problems_note(list(problems))
    if note:
        typer.echo(note)
