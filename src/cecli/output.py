"""Writing what a command made to a place the user chose (--out): the site, a calendar, an export, a
document. Never into the council folder: that goes through `cecli.store.change`, as one commit.

Each file is replaced atomically (a temp file in the same folder, then os.replace), so a reader
never sees half a file, and a place that cannot be written is one plain error, not a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

from cecli.errors import CecError


class CannotWrite(CecError):
    """The chosen output place cannot be written (no permission, a read-only disk, no such folder)."""


def _cannot_write(path: Path, err: OSError) -> CannotWrite:
    reason = err.strerror or str(err)
    return CannotWrite(f"cec could not write {path}: {reason}.", "Choose another place with --out.")


def write_output(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically, making its folder if needed; an OSError becomes CannotWrite."""
    from cecli.store.atomic import write_atomic

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    except OSError as err:
        raise _cannot_write(path, err) from None


def write_files(folder: Path, files: dict[str, bytes], stale: list[Path] = ()) -> None:
    """Write `files` (relative path -> bytes) under `folder` with `write_output`, then remove `stale`."""
    folder = Path(folder)
    for rel, data in files.items():
        write_output(folder / rel, data)
    for path in stale:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
        except OSError as err:
            raise _cannot_write(path, err) from None
