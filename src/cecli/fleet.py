"""Many councils at once: find every council folder below a directory."""

from __future__ import annotations

import os
from pathlib import Path

SKIP = {".git", "node_modules", "__pycache__", ".cec-cache", "site", "documents", "evidence", "templates"}


def find_councils(root: Path, limit: int | None = None) -> list[Path]:
    """Folders below `root` (at any depth) that hold a council.yaml, sorted; a council's own subfolders are not searched."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        if "council.yaml" in files and Path(folder) != Path(root):
            found.append(Path(folder))
            dirs[:] = []
            if limit and len(found) >= limit:
                break
            continue
        dirs[:] = sorted(d for d in dirs if d not in SKIP and not d.startswith("."))
    return sorted(found)
