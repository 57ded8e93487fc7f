"""What may be shown to the public about members, and a last line of defence for everything else.

Contact details (email, phone), notes, and the names of students without `public_name: true` never
appear in public output. Public pages show members through `public_label`; every piece of text
that reaches a public file also passes through a `Redactor`, which withholds any private value
that a user typed somewhere else (a student's name in an agenda item's presenter, an email
address in a meeting's description).
"""

from __future__ import annotations

import re

from cecli.council import Council
from cecli.errors import RecordsInvalid
from cecli.model import Member

WITHHELD = "[withheld]"


def require_readable_roster(council: Council) -> None:
    """Refuse to publish when part of the roster could not be read: its private values are unknown."""
    if "roster.yaml" in council.damaged or council.damaged_ids:
        raise RecordsInvalid(
            "roster.yaml has entries cec could not read, so it cannot tell which names and contact "
            "details must stay private. Nothing was published.",
            "Run `cec check` and fix roster.yaml first.",
        )


def public_label(member: Member | None, fallback: str = "A member") -> str:
    if member is None:
        return fallback
    if member.may_be_named_publicly:
        return member.name
    return "A student member" if member.is_student else fallback


def private_values(council: Council) -> list[str]:
    values: set[str] = set()
    for member in council.members:
        for value in (member.email, member.phone, member.note):
            if value and value.strip():
                values.add(value.strip())
        if not member.may_be_named_publicly and member.name.strip():
            values.add(member.name.strip())
    return sorted(values, key=lambda v: (-len(v), v))


class Redactor:
    """Replace every private value (case-insensitive) in a text by "[withheld]"."""

    def __init__(self, council: Council) -> None:
        values = private_values(council)
        self.pattern = re.compile("|".join(re.escape(v) for v in values), re.IGNORECASE) if values else None

    def __call__(self, value):
        if self.pattern is None or not isinstance(value, str):
            return value
        return self.pattern.sub(WITHHELD, value)

    def deep(self, value):
        """Redact every string inside nested lists and dicts (keys included)."""
        if isinstance(value, str):
            return self(value)
        if isinstance(value, list):
            return [self.deep(v) for v in value]
        if isinstance(value, dict):
            return {self(k): self.deep(v) for k, v in value.items()}
        return value
