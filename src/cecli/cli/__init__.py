"""The `cec` command line. Each command lives in its own module; this file only assembles them.

Commands parse options, call one library function, render the result and exit. Heavy libraries
(python-docx, jinja2, GitPython, icalendar) are imported inside the commands that need them, so
`cec --help` and shell completion stay fast.
"""

from __future__ import annotations

import importlib
import sys

import typer

from cecli import __version__

app = typer.Typer(
    name="cec",
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


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show cec's version and exit."),
) -> None:
    """Keep a school community council's records and check them against the state's rules."""


# Command modules, in the order `cec --help` lists them. Each defines `register(app)`.
COMMANDS = (
    "cecli.cli.check",
    "cecli.cli.rules",
    "cecli.cli.init",
    "cecli.cli.member",
    "cecli.cli.meeting",
    "cecli.cli.outreach",
    "cecli.cli.goal",
    "cecli.cli.report",
    "cecli.cli.sign",
    "cecli.cli.commit",
    "cecli.cli.log",
    "cecli.cli.documents",
    "cecli.cli.export",
    "cecli.cli.publish",
)

for _name in COMMANDS:
    try:
        _module = importlib.import_module(_name)
    except ModuleNotFoundError as _err:  # a command family not written yet
        if _err.name != _name:
            raise
        continue
    _module.register(app)


def main() -> None:
    app(prog_name="cec")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
