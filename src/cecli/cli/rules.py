"""cec rules: the rule catalogue, or one rule explained."""

from __future__ import annotations

from typing import Optional

import typer

from cecli.cli.common import handles_errors
from cecli.profiles import available as available_profiles


def rules(
    code: Optional[str] = typer.Argument(None, help="A rule code such as CEC305, to explain that rule."),
    profile: Optional[str] = typer.Option(None, "--profile", help=f"Only the rules that apply under this profile ({', '.join(available_profiles())})."),
) -> None:
    """List the rules cec checks, or explain one (`cec rules CEC305`)."""
    from cecli import profiles
    from cecli.errors import InvalidInput
    from cecli.rules import REGISTRY

    chosen = None
    if profile:
        try:
            chosen = profiles.load(profile)
        except KeyError:
            raise InvalidInput(f"There is no profile called `{profile}`.",
                               f"Use one of: {', '.join(profiles.available())}.") from None
    if code:
        entry = REGISTRY.get(code.upper())
        if entry is None:
            from cecli.suggest import closest

            close = closest(code.upper(), REGISTRY)
            raise InvalidInput(f"There is no rule {code}.",
                               f"Did you mean {close}?" if close else "Run `cec rules` for the list.")
        typer.echo(f"{entry.code}  {entry.title}")
        typer.echo("")
        from cecli.rules.catalogue import source_lines

        loaded = {name: profiles.load(name) for name in profiles.available()}
        for name, each in loaded.items():
            level = each.level(entry.code, entry.severity, entry.everywhere)
            typer.echo(f"  {name:8} {level.value if level else 'does not apply'}")
        if entry.parameters:
            typer.echo(f"  parameters: {', '.join(entry.parameters)}")
        for line in source_lines(entry, loaded):
            typer.echo(f"  {line[0].lower()}{line[1:]}")
        if entry.explanation:
            typer.echo("")
            typer.echo(entry.explanation)
        return
    family = None
    for entry in REGISTRY.values():
        if chosen is not None:
            level = chosen.level(entry.code, entry.severity, entry.everywhere)
            if level is None:
                continue
        else:
            level = entry.severity
        if entry.family != family:
            family = entry.family
            typer.echo(f"\n{family}")
        typer.echo(f"  {entry.code}  {level.value:<8} {entry.title}")


def register(app: typer.Typer) -> None:
    app.command("rules")(handles_errors(rules))
