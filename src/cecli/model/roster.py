"""roster.yaml: every member the council has ever had. Leaving sets `end_date`; nobody is deleted."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .base import Day, Flag, Model, Slug, Text


class Member(Model):
    id: Slug
    name: Text
    category: Text
    roles: list[Text] = Field(default_factory=list)
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
