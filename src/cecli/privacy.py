"""What may be shown to the public about members, and a last line of defence for everything else.

Contact details (email, phone), notes, and the names of students without `public_name: true` never
appear in public output: the site, the calendar, the Popolo JSON, the progress report and the plan.
Every public output shows a member through `public_label` (or `presenter_label` for an agenda
item's presenter), and every piece of free text that reaches a public file also passes through a
`Redactor`, which withholds any private value a user typed somewhere else (a student's name in a
goal's progress note, an email address in a meeting's description).

`shareable_evidence` says which council files may be copied into public output or an export:
scans, flyers and documents under evidence/ or documents/, never the council's own data files.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

from cecli.errors import RecordsInvalid

WITHHELD = "[withheld]"

# the folders whose files may be copied out of the council folder
SHAREABLE_FOLDERS = ("evidence", "documents")


def require_readable_roster(council) -> None:
    """Refuse to publish when part of the roster could not be read: its private values are unknown."""
    if "roster.yaml" in council.damaged or council.damaged_ids:
        raise RecordsInvalid(
            "roster.yaml has entries cec could not read, so it cannot tell which names and contact "
            "details must stay private. Nothing was published.",
            "Run `cec check` and fix roster.yaml first.",
        )


def public_label(member, fallback: str = "A member") -> str:
    """The member's name where it may be shown; otherwise "A student member" or "A member"."""
    if member is None:
        return fallback
    if member.may_be_named_publicly:
        return member.name
    return "A student member" if member.is_student else fallback


def presenter_label(council, value: str | None) -> str:
    """An agenda item's presenter in public output: a member id becomes `public_label` of the member;
    a guest's name stays as typed (the Redactor still withholds a private name typed there)."""
    if not value:
        return ""
    member = council.member(value)
    return public_label(member) if member else value


def comparable(text: str) -> str:
    """`text` as the privacy filter compares it: composed (NFC, so a name typed with decomposed
    accents, as macOS writes them, is the same name) and case-folded (so "STRASSE" is "straße")."""
    import unicodedata

    return unicodedata.normalize("NFC", text).casefold()


def private_values(council) -> list[str]:
    """Every value that must not reach public output, NFC-composed, longest first."""
    import unicodedata

    values: set[str] = set()
    for member in council.members:
        for value in (member.email, member.phone, member.note):
            if value and value.strip():
                values.add(unicodedata.normalize("NFC", value.strip()))
        if not member.may_be_named_publicly and member.name.strip():
            values.add(unicodedata.normalize("NFC", member.name.strip()))
    return sorted(values, key=lambda v: (-len(v), v))


class Redactor:
    """Replace every private value (whole words only, whatever the case or Unicode form) in a text
    by "[withheld]".

    Text and values are compared composed (NFC) and case-folded (`comparable`), so "Jose\u0301"
    (decomposed, as macOS types it), "JOSÉ" and "josé" all match a private "José". A value matches
    only where it is not part of a longer word: a student called "Al" is withheld in "Al spoke" but
    "total" stays whole. Text that passes through comes out NFC-composed.
    """

    def __init__(self, council) -> None:
        folded = sorted({comparable(v) for v in private_values(council)}, key=lambda v: (-len(v), v))
        self.pattern = (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(v) for v in folded) + r")(?!\w)")
                        if folded else None)

    def __call__(self, value):
        if self.pattern is None or not isinstance(value, str):
            return value
        import unicodedata

        text = unicodedata.normalize("NFC", value)
        # fold character by character, remembering where each folded character came from, so a
        # match in the folded text maps back to the original characters (folding may change length:
        # "ß" folds to "ss")
        folded_chars, origin = [], []
        for index, char in enumerate(text):
            for piece in char.casefold():
                folded_chars.append(piece)
                origin.append(index)
        folded = "".join(folded_chars)
        spans = []
        for match in self.pattern.finditer(folded):
            start = origin[match.start()]
            end = origin[match.end() - 1] + 1
            spans.append((start, end))
        if not spans:
            return text
        out, at = [], 0
        for start, end in spans:
            if start < at:
                continue
            out.append(text[at:start])
            out.append(WITHHELD)
            at = end
        out.append(text[at:])
        return "".join(out)

    def deep(self, value):
        """Redact every string inside nested lists, tuples and dicts (keys included)."""
        if isinstance(value, str):
            return self(value)
        if isinstance(value, (list, tuple)):
            return type(value)(self.deep(v) for v in value)
        if isinstance(value, dict):
            return {self(k): self.deep(v) for k, v in value.items()}
        return value


def council_data(rel: str) -> bool:
    """Whether a council-relative path names the council's own data: a .yaml/.yml file, or anything
    in a dot-folder (.git, .cec-cache) or hidden."""
    parts = PurePosixPath(rel.replace(os.sep, "/")).parts
    return rel.lower().endswith((".yaml", ".yml")) or any(p.startswith(".") and p not in (".", "..") for p in parts)


def shareable_evidence(root: Path, rel: str) -> str | None:
    """The council-relative path of an evidence file that may be copied out of the council folder
    (published or exported), or None: only regular files under evidence/ or documents/ whose real
    path (links followed) is inside the folder, never council data (see `council_data`), never a
    folder, FIFO or device (cecli.safefs decides, without opening anything)."""
    from cecli import safefs

    if safefs.path_problem(rel) or os.path.isabs(rel):
        return None
    try:
        target = safefs.locate(root, rel)
    except safefs.Refused:
        return None
    if safefs.inspect(root, rel, safefs.COPY_LIMIT) is not None:
        return None
    found = os.path.relpath(target, os.path.realpath(root)).replace(os.sep, "/")
    if found.split("/", 1)[0] not in SHAREABLE_FOLDERS or council_data(found):
        return None
    return found


def read_evidence(root: Path, rel: str) -> bytes | None:
    """The bytes of a shareable evidence file (see `shareable_evidence`), read through cecli.safefs,
    or None when it may not (or can no longer) be read."""
    from cecli import safefs

    try:
        return safefs.read_bytes(root, rel, safefs.COPY_LIMIT)
    except safefs.Refused:
        return None
