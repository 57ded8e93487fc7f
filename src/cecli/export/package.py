"""An export package held in memory (path -> bytes), written as a folder or a reproducible zip,
with a manifest of sizes and sha256 sums that `verify_package` re-checks later.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cecli.errors import InvalidInput
from cecli.output import write_files
from cecli.privacy import read_evidence, shareable_evidence

MANIFEST = "manifest.json"
MANIFEST_SCHEMA = "cec-export/1"


class Package:
    """The files of an export, by their path inside the package (POSIX, relative)."""

    def __init__(self, council_root: Path) -> None:
        self.root = Path(council_root)
        self.files: dict[str, bytes] = {}

    def add(self, path: str, data: bytes | str) -> str:
        if isinstance(data, str):
            data = data.encode("utf-8")
        clean = PurePosixPath(path)
        if clean.is_absolute() or ".." in clean.parts:
            raise ValueError(f"package path {path!r} leaves the package")
        self.files[str(clean)] = data
        return str(clean)

    def copy(self, council_rel: str, folder: str) -> str | None:
        """Copy an evidence file into `folder`, keeping its council-relative path. None unless it is
        one that may leave the council folder (cecli.privacy.shareable_evidence: under evidence/ or
        documents/, never council data)."""
        rel = shareable_evidence(self.root, council_rel)
        data = read_evidence(self.root, rel) if rel is not None else None
        if data is None:
            return None
        return self.add(f"{folder}/{rel}", data)


def manifest_entries(files: dict[str, bytes]) -> list[dict]:
    return [{"path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for path, data in sorted(files.items()) if path != MANIFEST]


def counted(listed: int) -> str:
    """How big a package is, said the same after writing and after verifying: the files the
    manifest lists, and the manifest itself ("19 files and the manifest")."""
    return f"{listed} file{'' if listed == 1 else 's'} and the manifest"


def manifest_bytes(meta: dict, files: dict[str, bytes]) -> bytes:
    body = {"schema": MANIFEST_SCHEMA, **meta, "files": manifest_entries(files)}
    return (json.dumps(body, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def zip_bytes(files: dict[str, bytes], when: dt.date) -> bytes:
    """A zip whose bytes depend only on the files and `when`: sorted entries, fixed times and modes."""
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(files):
            info = zipfile.ZipInfo(path, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, files[path])
    return out.getvalue()


def write_folder(files: dict[str, bytes], out: Path) -> None:
    if out.exists() and any(out.iterdir()):
        raise InvalidInput(f"{out} already exists and is not empty; nothing was written.",
                           "Give another --out, or remove the old export first.")
    write_files(out, dict(sorted(files.items())))


# --- verification -----------------------------------------------------------------------------


@dataclass
class Verification:
    package: str
    changed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    manifest: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (self.changed or self.added or self.removed)


def read_package(path: Path) -> dict[str, bytes]:
    path = Path(path)
    if path.is_dir():
        return {p.relative_to(path).as_posix(): p.read_bytes()
                for p in sorted(path.rglob("*")) if p.is_file()}
    if path.is_file() and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}
    raise InvalidInput(f"{path} is neither an export folder nor a zip file.",
                       "Give the folder or .zip that `cec export` wrote.")


def verify_package(path: Path) -> Verification:
    """Compare a package with its manifest: every file changed, added or removed since it was built."""
    files = read_package(path)
    if MANIFEST not in files:
        raise InvalidInput(f"{path} has no {MANIFEST}, so it cannot be verified.",
                           "Give the folder or .zip that `cec export` wrote.")
    try:
        manifest = json.loads(files[MANIFEST].decode("utf-8"))
        listed = {entry["path"]: entry for entry in manifest["files"]}
    except (ValueError, KeyError, TypeError) as err:
        raise InvalidInput(f"{path}/{MANIFEST} cannot be read ({err}).", "It was changed or damaged.") from None
    result = Verification(str(path), manifest=manifest)
    for name, data in sorted(files.items()):
        if name == MANIFEST:
            continue
        entry = listed.get(name)
        if entry is None:
            result.added.append(name)
        elif entry.get("size") != len(data) or entry.get("sha256") != hashlib.sha256(data).hexdigest():
            result.changed.append(name)
    result.removed = sorted(set(listed) - set(files))
    return result
