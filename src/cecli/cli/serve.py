"""cec serve: the council's records in a browser (a local web app over the same library)."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from cecli.cli.common import COUNCIL, council_path, handles_errors


def serve(
    path: Optional[Path] = typer.Argument(None, help="The council folder (default: this folder), or a folder of many councils."),
    council: Optional[Path] = COUNCIL,
    host: str = typer.Option("127.0.0.1", "--host", help="The address to listen on. Anything but loopback needs --read-only or a password."),
    port: int = typer.Option(8765, "--port", "-p", min=0, max=65535, help="The port to listen on (0: any free port)."),
    read_only: bool = typer.Option(False, "--read-only", help="Show the records without any edit control (for a district or state viewer)."),
    password: Optional[str] = typer.Option(None, "--password", envvar="CEC_SERVE_PASSWORD", show_envvar=True,
                                           help="Ask every visitor for this password (HTTP Basic). Better given in CEC_SERVE_PASSWORD than on the command line."),
    allow_host: Optional[List[str]] = typer.Option(None, "--allow-host", metavar="NAME", help="Another name the server may be reached by (repeatable); any other Host is refused."),
) -> None:
    """Open the council's records in a browser: dashboard, roster, meetings, outreach, goals, reports and history.

    Every form makes the same single commit, with the same message, as the cec command it stands for.
    Listens on 127.0.0.1 only, unless --host says otherwise; then --read-only or a password is required.
    Exit codes: 0 stopped, 2 usage error or not a council, 3 internal error.
    """
    from cecli.errors import InvalidInput, NotACouncil
    from cecli.fleet import find_councils

    root = council_path(path, council)
    if not (root / "council.yaml").is_file() and not (root.is_dir() and find_councils(root, limit=1)):
        raise NotACouncil(f"{root} holds no council (no council.yaml) and no folder of councils.",
                          "Give the council's folder: cec serve path/to/council.")
    from cecli.web.security import is_loopback

    if not is_loopback(host) and not (read_only or password):
        raise InvalidInput(
            f"cec serve will not listen on {host} without --read-only or a password: anyone who can reach "
            "this machine could change the records.",
            "Keep the default (127.0.0.1), or add --read-only, or set CEC_SERVE_PASSWORD.")
    from cecli.web import create_app

    hosts = [host] + list(allow_host or [])
    if not is_loopback(host) and host in ("0.0.0.0", "::"):
        import socket

        hosts += [socket.gethostname(), socket.getfqdn()]
    app = create_app(root, read_only=read_only, password=password, hosts=hosts)
    from werkzeug.serving import make_server

    server = make_server(host, port, app, threaded=True)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"Serving {root} at http://{shown}:{server.server_port}/"
               + (" (read-only)" if read_only else "") + ". Press Ctrl+C to stop.", err=False)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        typer.echo("Stopped.")
    finally:
        server.server_close()


def register(app: typer.Typer) -> None:
    app.command("serve")(handles_errors(serve))
