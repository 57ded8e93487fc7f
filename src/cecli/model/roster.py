"""roster.yaml: every member the council has ever had. Leaving sets `end_date`; nobody is deleted."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Union

from pydantic import Discriminator, Field, Tag

from .base import Day, Flag, Model, Slug, Text

# Roles more than one member may hold at once; every other officer role has one holder at a time.
SHARED_ROLES = frozenset({"co-chair", "alternate"})


class RoleTerm(Model):
    """An officer role held for a time: `{role: chair, start_date: 2025-09-23, end_date: 2026-06-30}`."""

    role: Text
    start_date: Day | None = None
    end_date: Day | None = None


def _role_shape(value) -> str:
    return "RoleTerm" if isinstance(value, (dict, RoleTerm)) else "Name"


# tags in CamelCase: an error's location then never reads as a field name (see loader._data_path)
Role = Annotated[Union[Annotated[RoleTerm, Tag("RoleTerm")], Annotated[Text, Tag("Name")]], Discriminator(_role_shape)]


class Member(Model):
    id: Slug
    name: Text
    category: Text
    roles: list[Role] = Field(default_factory=list)
    organization: Text | None = None
    email: Text | None = None
    phone: Text | None = None
    start_date: Day | None = None
    end_date: Day | None = None
    selected_by: Text | None = None
    district_employee: Flag | None = None
    building_admin: Flag | None = None
    school_employee: Flag | None = None  # employed at the school (California: not as a parent member)
    public_name: Flag | None = None
    note: Text | None = None

    def role_terms(self) -> list[tuple[int, str, dt.date | None, dt.date | None]]:
        """(index in `roles`, role, first day, last day or None) for each role the roster records.

        A role written short (`chair`) runs from the start of the membership with no end: it is
        held for the whole membership, and still held (CEC106) if the member leaves without it being
        ended. A dated role without `start_date` starts with the membership too.
        """
        out = []
        for index, entry in enumerate(self.roles):
            if isinstance(entry, RoleTerm):
                out.append((index, entry.role, entry.start_date or self.start_date, entry.end_date))
            else:
                out.append((index, entry, self.start_date, None))
        return out

    def roles_on(self, day: dt.date) -> list[str]:
        """The officer roles the roster says this member holds on `day`: what every rule, document
        and export asks, each for the date it is about."""
        held = []
        for _index, role, start, end in self.role_terms():
            if (start is None or start <= day) and (end is None or day <= end) and role not in held:
                held.append(role)
        return held

    def active_on(self, day: dt.date) -> bool:
        if self.start_date and day < self.start_date:
            return False
        if self.end_date and day > self.end_date:
            return False
        return True

    @property
    def is_student(self) -> bool:
        return self.category == "student"

    @property
    def may_be_named_publicly(self) -> bool:
        """Students' names appear in public output only with `public_name: true`."""
        if self.public_name is not None:
            return self.public_name
        return not self.is_student


class Roster(Model):
    members: list[Member] = Field(default_factory=list)
