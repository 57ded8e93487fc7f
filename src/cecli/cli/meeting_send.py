"""cec meeting send: email a meeting's agenda (or minutes) as PDF to the members serving that day."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from cecli.cli.common import AUTHOR, COUNCIL, council_root, handles_errors


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


@handles_errors
def send(
    meeting_id: Optional[str] = typer.Argument(None, metavar="DATE", help="The meeting, by file name: 2026-12-08."),
    minutes: bool = typer.Option(False, "--minutes", help="Send the minutes instead of the agenda (records minutes.sent)."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Send without asking first (needed outside a terminal)."),
    again: bool = typer.Option(False, "--again", help="Send a document that was already sent."),
    setup: bool = typer.Option(False, "--setup", help="Ask for your mail server settings and save them for your user (no meeting needed)."),
    council: Optional[Path] = COUNCIL,
    author: Optional[str] = AUTHOR,
) -> None:
    """Email the agenda (or --minutes) as PDF to the members serving on the meeting's date.

    Each member gets a message of their own with the tagged PDF attached; members without an email
    address are named. cec asks before sending (--yes skips), then records `agenda_sent` (or
    `minutes.sent`) and keeps the PDF sent under documents/, in one commit. A document already sent
    is refused unless --again. Mail settings: `--setup` once, or CEC_SMTP=host:port and
    CEC_SMTP_FROM. Exit codes: 0 sent, 1 already sent, no LibreOffice, or the server refused
    (nothing recorded unless some messages went), 2 bad input or no settings, 3 internal error.
    """
    from cecli.documents import sending
    from cecli.errors import InvalidInput

    if setup:
        _setup()
        return
    if not meeting_id:
        raise typer.BadParameter("name the meeting, such as `cec meeting send 2026-12-08`.", param_hint="DATE")
    root = council_root(council)
    settings = sending.load_settings()
    mailing = sending.prepare(root, meeting_id, minutes=minutes, again=again)
    what = "minutes" if minutes else "agenda"
    if not mailing.recipients:
        raise InvalidInput(f"No member serving on {mailing.day.isoformat()} has an email address, so there is no one to send to.",
                           "Add addresses with `cec member update ID --email ADDRESS`. Nothing was sent.")
    names = ", ".join(name for _id, name, _email in mailing.recipients)
    typer.echo(f"The {what} of {mailing.meeting_id} ({mailing.filename}, {len(mailing.pdf) // 1024 or 1} KB) "
               f"goes to {len(mailing.recipients)} member{'' if len(mailing.recipients) == 1 else 's'}: {names}.")
    if mailing.without_email:
        typer.echo(f"No email address on file for: {', '.join(mailing.without_email)} "
                   "(give them a printed copy, or add one with `cec member update ID --email ADDRESS`).")
    if mailing.sent_before:
        typer.echo(f"It was already sent on {mailing.sent_before.isoformat()}; --again sends it once more.")
    if not yes:
        if not _interactive():
            raise InvalidInput("cec asks before sending email, and there is no terminal to ask in.",
                               "Give --yes to send without asking. Nothing was sent.")
        if not typer.confirm(f"Send it through {settings.host}?", default=False):
            typer.echo("Nothing was sent.")
            raise typer.Exit(0)
    delivered, refused = sending.deliver(mailing, settings)
    if delivered:
        sha = sending.record(root, mailing, delivered, author)
        count = len(delivered)
        typer.echo(f"Sent the {what} to {count} member{'' if count == 1 else 's'} and recorded it"
                   + (f" ({sha[:7]})." if sha else "."))
    for line in refused:
        typer.echo(f"Not delivered: {line}", err=True)
    if refused:
        raise typer.Exit(1)


def _setup() -> None:
    from cecli.documents import sending
    from cecli.errors import InvalidInput

    if not _interactive():
        raise InvalidInput("`cec meeting send --setup` asks questions and needs a terminal.",
                           "Outside a terminal, set CEC_SMTP=host:port and CEC_SMTP_FROM=address instead.")
    typer.echo(f"Mail settings for cec meeting send, saved for your user in {sending.settings_path()}.")
    host = typer.prompt("Mail server (such as smtp.example.org)").strip()
    while True:
        security = typer.prompt("Security: starttls, ssl or none", default="starttls").strip().lower()
        if security in sending.SECURITY:
            break
        typer.echo("Please answer starttls, ssl or none.")
    while True:
        port = typer.prompt("Port", default=str(sending.DEFAULT_PORTS[security])).strip()
        if port.isdigit():
            break
        typer.echo("Please give the port as a number, such as 587.")
    sender = typer.prompt("Send as (your address, such as Secretary <secretary@example.org>)").strip()
    username = typer.prompt("User name for the server (leave empty if none)", default="", show_default=False).strip()
    password = ""
    if username:
        password = typer.prompt("Password", hide_input=True, default="", show_default=False)
    path = sending.save_settings(sending.Settings(host=host, port=int(port), sender=sender, security=security,
                                                  username=username, password=password))
    typer.echo(f"Saved {path} (readable by you only).")


def add_send(meeting_app: typer.Typer) -> None:
    meeting_app.command("send")(send)
