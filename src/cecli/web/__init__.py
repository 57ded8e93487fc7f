"""`cec serve`: the council's records in a browser, as a thin face over the same library as the CLI.

    from cecli.web import create_app
    app = create_app(Path("sample-council"))      # one council, or a folder of many councils

Every page reads the files afresh on each request (a hand edit shows at once); every form calls the
records function its CLI command calls, so it makes the same single commit with the same message;
errors are the CLI's own sentences, shown beside the field they are about. A form carries the sha256
of the files it was built from and is refused (409, the user's input kept) when they changed since.

Safety: the Host header must name this server (DNS rebinding is refused), every POST carries the
page's CSRF token, `read_only` answers no POST and shows no edit control, and a password (HTTP Basic)
guards every page when one is set. `cec serve` refuses to listen beyond loopback without one of them.

Flask is imported here and only here (and by the command that starts it), never by other commands.
"""

from __future__ import annotations

from cecli.web.app import create_app

__all__ = ["create_app"]
