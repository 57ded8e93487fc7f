"""The `cec` program's entry point: answer a warm `cec check` from the cache, else run the CLI.

Kept apart from `cecli.cli` so that the cached answer starts without importing Typer (see
`cecli.fastpath`).
"""

from __future__ import annotations

import sys


def main() -> None:
    from cecli.fastpath import warm_check

    code = warm_check(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from cecli.cli import main as cli_main

    cli_main()
