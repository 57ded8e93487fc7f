"""Answer a warm `cec check` from the results cache before Typer starts.

A person runs `cec check` many times a day, and most runs change nothing: the answer is in the
council's `.cec-cache/`. Starting Typer costs more than that answer (Typer imports pydantic to run
any command), so `cecli.cli.main` asks here first. Only the plainest forms are answered here
(`cec check [PATH | -C DIR] [--as-of YYYY-MM-DD] [--format text|parsable|json|github|sarif|junit]
[--strict]`, PATH a council folder itself, the cache on); anything else, and every miss, returns
None and the command runs as usual, with the same output and exit code.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

_FORMATS = {"text", "parsable", "json", "github", "sarif", "junit"}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")


def _parse(args: list[str]) -> dict | None:
    """The options of a plain `cec check`, or None for anything this path does not answer."""
    found: dict = {"path": None, "council": None, "as_of": None, "format": "text", "strict": False}
    takes = {"--as-of": "as_of", "--format": "format", "-f": "format", "-C": "council", "--council": "council"}
    i = 0
    while i < len(args):
        arg = args[i]
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in takes:
            if not eq:
                if i + 1 >= len(args):
                    return None
                i += 1
                value = args[i]
            if found[takes[name]] not in (None, "text"):
                return None
            found[takes[name]] = value
        elif arg == "--strict":
            found["strict"] = True
        elif arg.startswith("-") or found["path"] is not None:
            return None  # --help, --no-cache, --details, a second path ...: the full command answers
        else:
            found["path"] = arg
        i += 1
    if found["format"] not in _FORMATS:
        return None
    if found["as_of"] is not None and not _DATE.match(found["as_of"]):
        return None
    return found


def warm_check(argv: list[str]) -> int | None:
    """Print a cached report and return the exit code, or None to run `cec check` in full."""
    if not argv or argv[0] != "check" or os.environ.get("CEC_NO_CACHE"):
        return None
    options = _parse(argv[1:])
    if options is None:
        return None
    path, council = options["path"], options["council"]
    if path is not None and council is not None and path != council:
        return None
    root = Path(path or council or ".")
    try:
        if not (root / "council.yaml").is_file():
            return None
        as_of = dt.date.fromisoformat(options["as_of"]) if options["as_of"] else dt.date.today()
    except (OSError, ValueError):
        return None
    if path is None and council is None:
        root = Path.cwd()
    from cecli import cache

    try:
        report = cache.cached_report(root, as_of)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if report is None:
        return None
    from cecli.render.report import emit

    try:
        emit(report, options["format"], options["strict"])
    except BrokenPipeError:  # `cec check | head`: the reader went away
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        return 0
    return report.exit_code(options["strict"])
