"""Read only what is inside the council: regular files whose real path is in its folder, of a sane size.

A council folder may come from anyone (a cloned repository, a zip, a shared drive), so nothing in it
is trusted to be what its name says. Every file cec reads from a council goes through here:

    data = read_bytes(root, "roster.yaml", YAML_LIMIT)   # raises Refused, never hangs
    problem = inspect(root, "evidence/flyer.pdf")         # Refused or None, without opening it

A path is refused, with a plain reason, when it is empty, names the folder itself, is absurdly
long or holds a NUL; when it (after following every link) leads outside the council folder; when
it is not a regular file (a folder, a FIFO, a device such as /dev/zero, a socket); or when the file
is larger than the limit. Only then is it opened, with O_NOFOLLOW and O_NONBLOCK (a FIFO swapped in
after the check cannot block), and what was opened is checked again before a byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

YAML_LIMIT = 4 * 1024 * 1024  # a council data file (a roster of 50 members is about 10 KB)
COPY_LIMIT = 200 * 1024 * 1024  # an evidence file that export and publish copy (a scanned PDF)
SMALL_LIMIT = 64 * 1024  # a git HEAD, a ref, a cache entry

PATH_MAX = 4096  # bytes, as Linux counts them
NAME_MAX = 255  # bytes in one part of a path

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class Refused(Exception):
    """A path cec will not read. `kind` is one of: path, outside, missing, not-file, too-big, unreadable."""

    def __init__(self, kind: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.hint = hint


def shown(value: object, most: int = 80) -> str:
    """A value as it may appear in a message: at most `most` characters, control characters escaped."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > most:
        text = f"{text[:most - 1]}… ({len(text):,} characters)"
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def path_problem(rel: object) -> str | None:
    """Why `rel`, a path written in a record, cannot name a file in the council folder (or None).

    Looks at the text only: no file is touched, so a 1 MB path costs nothing.
    """
    if not isinstance(rel, str) or not rel.strip():
        return "is empty"
    if "\0" in rel:
        return "holds a NUL character"
    encoded = rel.encode("utf-8", "surrogatepass")
    if len(encoded) >= PATH_MAX or any(len(part) > NAME_MAX for part in encoded.split(b"/")):
        return f"is too long ({len(encoded):,} bytes; a path can be at most {PATH_MAX - 1:,}, a name {NAME_MAX})"
    if os.path.normpath(rel) in (".", "/"):
        return "names the council folder itself, not a file in it"
    return None


def _real_root(root: Path | str) -> str:
    return os.path.realpath(os.fspath(root))


def _inside(real: str, real_root: str) -> bool:
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def locate(root: Path | str, rel: str) -> str:
    """The real path (every link followed) of `rel` in the council at `root`; Refused if it leaves the folder."""
    problem = path_problem(rel)
    if problem:
        raise Refused("path", f"The path `{shown(rel)}` {problem}.")
    if os.path.isabs(rel):
        raise Refused("outside", f"`{shown(rel)}` is an absolute path, outside the council folder.",
                      "Give paths relative to the folder that holds council.yaml, such as evidence/flyer.pdf.")
    real_root = _real_root(root)
    real = os.path.realpath(os.path.join(real_root, rel))
    if not _inside(real, real_root):
        link = os.path.islink(os.path.join(real_root, rel))
        how = "is a link that leads" if link else "leads"
        raise Refused("outside", f"`{shown(rel)}` {how} outside the council folder, so cec does not read it.",
                      "Copy the file itself into the council folder (replacing the link), or remove it.")
    return real


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _check_stat(rel: str, info: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise Refused("not-file", f"`{shown(rel)}` is {_kind_of(info.st_mode)}, not a file, so cec does not read it.",
                      "Replace it with an ordinary file, or remove it.")
    if info.st_size > limit:
        raise Refused("too-big", f"`{shown(rel)}` is {info.st_size:,} bytes, more than the {limit:,} cec reads.",
                      "Check that this is the file you meant; council files are small text files.")


def inspect(root: Path | str, rel: str, limit: int = COPY_LIMIT) -> Refused | None:
    """Why `rel` would be refused by `read_bytes` (a Refused, not raised), or None. Opens nothing."""
    try:
        real = locate(root, rel)
        try:
            info = os.stat(real)
        except FileNotFoundError:
            raise Refused("missing", f"`{shown(rel)}` does not exist.") from None
        except OSError as err:
            raise Refused("unreadable", f"`{shown(rel)}` cannot be read: {err.strerror}.") from None
        _check_stat(rel, info, limit)
    except Refused as refused:
        return refused
    return None


def read_bytes(root: Path | str, rel: str, limit: int = YAML_LIMIT) -> bytes:
    """The content of the regular file `rel` inside the council at `root`. Raises Refused otherwise."""
    refused = inspect(root, rel, limit)
    if refused:
        raise refused
    real = locate(root, rel)
    try:
        fd = os.open(real, _OPEN_FLAGS)
    except OSError as err:
        if err.errno in (getattr(os, "ELOOP", -1), getattr(os, "EMLINK", -1)):
            raise Refused("outside", f"`{shown(rel)}` changed into a link while cec read it.") from None
        raise Refused("unreadable", f"`{shown(rel)}` cannot be read: {err.strerror}.") from None
    try:
        info = os.fstat(fd)
        _check_stat(rel, info, limit)
        opened = _opened_path(fd)
        if opened is not None and not _inside(opened, _real_root(root)):
            raise Refused("outside", f"`{shown(rel)}` changed to lead outside the council folder while cec read it.")
        chunks = []
        size = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise Refused("too-big", f"`{shown(rel)}` is more than the {limit:,} bytes cec reads.")
        return b"".join(chunks)
    except BlockingIOError:
        raise Refused("not-file", f"`{shown(rel)}` is not a regular file, so cec does not read it.") from None
    except OSError as err:
        raise Refused("unreadable", f"`{shown(rel)}` cannot be read: {err.strerror}.") from None
    finally:
        os.close(fd)


def _opened_path(fd: int) -> str | None:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return None


def folder_problem(root: Path | str, rel: str) -> Refused | None:
    """Why the folder `rel` (meetings, documents) is not a folder inside the council, or None (also when absent)."""
    full = os.path.join(os.fspath(root), rel)
    if not os.path.lexists(full):
        return None
    try:
        locate(root, rel)
    except Refused as refused:
        return refused
    if not os.path.isdir(full):
        try:
            mode = os.stat(full).st_mode
        except OSError:
            return Refused("missing", f"`{rel}` cannot be read.")
        return Refused("not-file", f"`{rel}` is {_kind_of(mode)}, not a folder, so cec does not read it.",
                       "Make it a folder (of the files it should hold), or remove it.")
    return None


def write_problem(root: Path | str, rel: str) -> Refused | None:
    """Why cec must not write the file `rel` of the council at `root` (or None): a folder on its way
    that is a link, or leads outside the folder, or is no folder; or the file itself a link or not a
    regular file. git would refuse to record such a path too; cec says so before writing anything."""
    problem = path_problem(rel)
    if problem or os.path.isabs(rel):
        return Refused("path", f"The path `{shown(rel)}` {problem or 'is absolute'}.")
    parts = rel.replace(os.sep, "/").split("/")
    for depth in range(1, len(parts) + 1):
        prefix = "/".join(parts[:depth])
        full = os.path.join(os.fspath(root), prefix)
        if not os.path.lexists(full):
            return None
        if os.path.islink(full):
            what = "file" if depth == len(parts) else "folder"
            return Refused("outside", f"`{shown(prefix)}` is a link, not a {what} in the council folder, so cec "
                                      f"does not write {shown(rel)} through it.",
                           f"Replace the link with the {what} itself (copy what it leads to into the council "
                           "folder), or remove it.")
        mode = os.lstat(full).st_mode
        if depth < len(parts) and not stat.S_ISDIR(mode):
            return Refused("not-file", f"`{shown(prefix)}` is {_kind_of(mode)}, not a folder, so cec cannot write "
                                       f"{shown(rel)} in it.", "Make it a folder, or remove it.")
        if depth == len(parts) and not stat.S_ISREG(mode):
            return Refused("not-file", f"`{shown(rel)}` is {_kind_of(mode)}, not a file, so cec does not write it.",
                           "Replace it with an ordinary file, or remove it.")
    return None


def read_small(path: Path | str, limit: int = SMALL_LIMIT) -> str | None:
    """The text of a small regular file that is not the council's (git's HEAD, a ref), or None.

    For files cec reads beside the council rather than in it: never blocks on a FIFO, never reads a
    device, never reads more than `limit` bytes.
    """
    try:
        before = os.stat(os.fspath(path))
        if not stat.S_ISREG(before.st_mode) or before.st_size > limit:
            return None  # never open a device or a FIFO: opening some devices does something
        fd = os.open(os.fspath(path), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        return os.read(fd, limit).decode("utf-8", "replace")
    except OSError:
        return None
    finally:
        os.close(fd)
