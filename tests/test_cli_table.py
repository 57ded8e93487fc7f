"""The static command table behind `cec --help` matches what each command module really defines."""

import importlib

import typer
from typer.main import get_group

from cecli.cli import COMMANDS, load_command
from conftest import invoke


def test_every_table_entry_loads_with_its_own_help():
    for name, (_module, help_text) in COMMANDS.items():
        command = load_command(name)
        assert command.name == name
        assert command.get_short_help_str(limit=500) == help_text, f"the help for `cec {name}` in COMMANDS is stale"


def test_every_command_a_module_defines_is_in_the_table():
    for module_name in {module for module, _help in COMMANDS.values()}:
        holder = typer.Typer()
        importlib.import_module(module_name).register(holder)
        for name in get_group(holder).commands:
            assert COMMANDS.get(name, ("",))[0] == module_name, f"`cec {name}` ({module_name}) is missing from COMMANDS"


def test_help_lists_every_command_and_a_typo_gets_a_suggestion():
    listing = invoke(["--help"])
    assert listing.exit_code == 0
    for name in COMMANDS:
        assert f"  {name} " in listing.output
    typo = invoke(["chek"])
    assert typo.exit_code == 2 and "Did you mean `cec check`?" in typo.output


def test_loading_a_command_again_does_not_register_its_subcommands_again():
    # every in-process run (cec serve's tests, the suite, an embedding program) loads the command
    # anew; its subcommands must be registered once, or each run builds a bigger group than the last
    from cecli.cli.meeting import meeting_app

    load_command("meeting")
    registered = (len(meeting_app.registered_commands), len(meeting_app.registered_groups))
    for _ in range(3):
        load_command("meeting")
    assert (len(meeting_app.registered_commands), len(meeting_app.registered_groups)) == registered
