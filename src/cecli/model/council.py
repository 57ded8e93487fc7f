"""council.yaml: who the council is, which rules apply to it, and its key dates."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Clock, Count, Day, Flag, Model, SchoolYear, Text, TimeZone, WebLink


class District(Model):
    name: Text
    code: Text | None = None


class School(Model):
    name: Text
    code: Text | None = None
    grades: Text | None = None  # "K-5", "6-8", "9-12", "PK-12"
    rating: Literal["A", "B", "C", "D", "F"] | None = None
    level: Literal["elementary", "secondary"] | None = None  # where a profile needs it (California)


class DefaultAgendaItem(Model):
    title: Text
    minutes: Count | None = None
    kind: Text | None = None


class MeetingDefaults(Model):
    """What `cec meeting new` fills in when the previous meeting does not say."""

    start: Clock | None = None
    end: Clock | None = None
    location: Text | None = None
    virtual_link: WebLink | None = None
    agenda: list[DefaultAgendaItem] = Field(default_factory=list)


class Contact(Model):
    """How the public reaches the council (printed on the interest form and the public site): the
    council's or the school's own address, never a member's private one (which the privacy filter
    would withhold)."""

    email: Text | None = None
    phone: Text | None = None
    address: Text | None = None


class RuleSettings(Model):
    """Per-council changes to the profile: parameter values and rules switched off (with a reason)."""

    parameters: dict[str, int | float | str] = Field(default_factory=dict)
    disabled: dict[str, Text] = Field(default_factory=dict)


class Bylaws(Model):
    """The council's bylaws or norms: when it adopted them, and the document."""

    adopted: Day | None = None
    evidence: list[Text] = Field(default_factory=list)


class ReportingPeriod(Model):
    """One reporting period the council gives itself (New York, when NYSED publishes new dates)."""

    start: Day
    end: Day
    due: Day | None = None  # the quarterly report's due date; the period's last day when omitted


class CouncilInfo(Model):
    name: Text
    profile: Text
    scope: Literal["school", "district"] = "school"
    district: District | None = None
    schools: list[School] = Field(default_factory=list)
    timezone: TimeZone | None = None
    designated: Day | None = None
    established: Day | None = None
    records_start: Day | None = None
    schedule_adopted: Day | dict[SchoolYear, Day] | None = None
    meeting_place: Text | None = None
    meeting_defaults: MeetingDefaults | None = None
    purpose: Text | None = None
    website: Text | None = None
    roles: list[Text] = Field(default_factory=list)  # the council's own officer roles, beside the profile's
    contact: Contact | None = None
    bylaws: Bylaws | None = None
    elac: Flag | None = None  # California: the school has an English Learner Advisory Committee
    # New York: reporting periods by school year, {"2026-27": {Q1: {start, end}}}, over the profile's
    reporting_periods: dict[SchoolYear, dict[Literal["Q1", "Q2", "Q3", "Q4"], ReportingPeriod]] | None = None
    rules: RuleSettings | None = None

    def schedule_adopted_for(self, year: str, bounds) -> "Day | None":
        """The adoption date for a school year: from the mapping, or the single date if it falls in or before that year."""
        value = self.schedule_adopted
        if value is None:
            return None
        if isinstance(value, dict):
            return value.get(year)
        begin, end = bounds
        # a single date counts for the school year it falls in (or the one it was adopted just before)
        from datetime import timedelta

        return value if begin - timedelta(days=92) <= value <= end else None
