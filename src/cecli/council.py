"""A loaded council: the validated records of one council folder, with where each came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cecli.model import CouncilInfo, Goals, Meeting, Member, Outreach, Plan, Plans, Recommendations, Reports
from cecli.model.base import school_year_bounds, school_year_of
from cecli.profiles import Profile
from cecli.yamlread import Loaded

COUNCIL_FILES = (
    "council.yaml",
    "roster.yaml",
    "goals.yaml",
    "outreach.yaml",
    "reports.yaml",
    "plan.yaml",
    "plans.yaml",
    "recommendations.yaml",
)


@dataclass
class Council:
    root: Path
    info: CouncilInfo | None = None
    profile: Profile | None = None
    members: list[Member] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    goals: Goals | None = None
    outreach: Outreach | None = None
    reports: Reports | None = None
    plan: Plan | None = None
    plans: Plans | None = None
    recommendations: Recommendations | None = None
    # every file read, relative path -> its parse (for positions); files that failed to parse are absent
    sources: dict[str, Loaded] = field(default_factory=dict)
    # files that exist but could not be read or validated in full (rules that need them say so)
    damaged: set[str] = field(default_factory=set)
    # member ids that appear in roster.yaml but whose entry was invalid (no CEC004 for them)
    damaged_ids: set[str] = field(default_factory=set)
    parameters: dict[str, object] = field(default_factory=dict)
    overrides: dict[str, object] = field(default_factory=dict)  # parameter -> council's value
    disabled: dict[str, str] = field(default_factory=dict)  # rule code -> reason

    # --- people -------------------------------------------------------------------------------
    def member(self, member_id: str) -> Member | None:
        return self._by_id.get(member_id)

    @property
    def _by_id(self) -> dict[str, Member]:
        cache = self.__dict__.get("_member_index")
        if cache is None or len(cache) != len(self.members):
            cache = {m.id: m for m in self.members}
            self.__dict__["_member_index"] = cache
        return cache

    def active_members(self, day: dt.date) -> list[Member]:
        return [m for m in self.members if m.active_on(day)]

    def name_of(self, member_id: str) -> str:
        found = self.member(member_id)
        return found.name if found else member_id

    # --- time ---------------------------------------------------------------------------------
    def school_year(self, day: dt.date) -> str:
        month, start = self.profile.school_year_start if self.profile else (7, 1)
        return school_year_of(day, month, start)

    def year_bounds(self, year: str) -> tuple[dt.date, dt.date]:
        month, start = self.profile.school_year_start if self.profile else (7, 1)
        return school_year_bounds(year, month, start)

    def years_until(self, as_of: dt.date) -> list[str]:
        """School years with records, from the council's first up to the one containing `as_of`."""
        days: list[dt.date] = [m.date for m in self.meetings if m.date <= as_of]
        if self.info and self.info.established:
            days.append(self.info.established)
        current = self.school_year(as_of)
        if not days:
            return [current]
        first = self.school_year(min(days))
        years = []
        start = int(first[:4])
        while True:
            year = f"{start}-{(start + 1) % 100:02d}"
            years.append(year)
            if year >= current:
                break
            start += 1
        return years

    def meetings_in(self, year: str) -> list[Meeting]:
        begin, end = self.year_bounds(year)
        return [m for m in self.meetings if begin <= m.date <= end]

    def report_due(self, report) -> tuple[dt.date | None, bool]:
        """A quarterly report's due date and whether it is estimated: its own `due`, else the last
        day of its reporting period (the council's dates, the state's, or the usual calendar's)."""
        if report.due is not None or self.profile is None:
            return report.due, False
        override = self.info.reporting_periods if self.info else None
        period = self.profile.period_named(report.period, override)
        return (period.due, period.estimated) if period is not None else (None, False)

    @property
    def name(self) -> str:
        if self.info:
            return self.info.name
        return self.root.name

    def param(self, name: str, default=None):
        return self.parameters.get(name, default)

    def vocabulary(self, name: str) -> tuple[str, ...]:
        """The words the council may use for `name`: its profile's; for `role` also the roles every
        profile knows (`other_role`: treasurer, alternate, ...) and the council's own (`roles` in
        council.yaml)."""
        vocabularies = self.profile.vocabularies if self.profile else {}
        words = tuple(vocabularies.get(name, ()))
        if name == "role":
            own = self.info.roles if self.info else []
            words = tuple(dict.fromkeys([*words, *vocabularies.get("other_role", ()), *own]))
        return words
