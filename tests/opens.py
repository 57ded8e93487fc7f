"""Which files a piece of code opens: an audit hook (PEP 578) on the "open" event, for the safety tests.

    with opened() as paths:
        run_check(root)
    assert not [p for p in paths if p.startswith("/etc/")]

An audit hook cannot be removed, so one hook is installed on first use and records only while a
`opened()` block is active (in this thread's process; forked workers install their own).
"""

from __future__ import annotations

import contextlib
import os
import sys

_active: list[list[str]] = []
_installed = False


def _hook(event: str, args: tuple) -> None:
    if event != "open" or not _active:
        return
    path = args[0]
    if isinstance(path, int):  # os.fdopen of a descriptor already opened (and already seen)
        return
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    _active[-1].append(str(path))


@contextlib.contextmanager
def opened():
    """Collect the path of every file opened inside the block (as given to open, not resolved)."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True
    paths: list[str] = []
    _active.append(paths)
    try:
        yield paths
    finally:
        _active.remove(paths)


def outside(paths: list[str], *allowed: str) -> list[str]:
    """The paths whose real location is in none of the `allowed` folders (nor Python's own files)."""
    import sysconfig

    import cecli

    roots = [os.path.realpath(a) for a in allowed]
    roots += [os.path.realpath(p) for p in {sys.prefix, sys.base_prefix, sys.exec_prefix,
                                            sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["purelib"],
                                            sysconfig.get_paths()["platlib"], os.path.dirname(cecli.__file__),
                                            os.path.dirname(os.path.dirname(cecli.__file__))}]
    import zoneinfo
    from importlib import resources

    roots += [os.path.realpath(p) for p in zoneinfo.TZPATH]
    roots.append(os.path.realpath(str(resources.files("cecli.templates"))))  # the packaged templates
    roots += ["/usr/lib/python3", "/usr/share/zoneinfo", "/usr/lib/python3.11", "/usr/local/lib"]
    bad = []
    for path in paths:
        real = os.path.realpath(path)
        if real in ("/dev/null", "/dev/urandom") and path in ("/dev/null", "/dev/urandom"):
            continue  # the library's own use, by name (never through a council's link)
        if not any(real == r or real.startswith(r.rstrip("/") + "/") for r in roots):
            bad.append(path)
    return bad
