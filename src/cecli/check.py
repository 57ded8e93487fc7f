"""`cec check` as a library call: load a council, run the rules as of a date, return a report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cecli.council import Council
from cecli.findings import Deadline, Finding, Severity


@dataclass
class Report:
    council: Council
    as_of: dt.date
    findings: list[Finding]
    deadlines: list[Deadline] = field(default_factory=list)

    @property
    def school_year(self) -> str:
        return self.council.school_year(self.as_of)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    @property
    def infos(self) -> int:
        return self.count(Severity.INFO)

    def exit_code(self, strict: bool = False) -> int:
        if self.errors or (strict and self.warnings):
            return 1
        return 0

    def upcoming(self, limit: int | None = None) -> list[Deadline]:
        """Deadlines from the as-of date on, soonest first."""
        items = sorted((d for d in self.deadlines if d.due >= self.as_of and not d.done),
                       key=lambda d: (d.due, d.what))
        return items[:limit] if limit else items


def check_council(path: Path, as_of: dt.date | None = None, cache: bool = False) -> Report:
    """Load and judge one council folder. Raises NotACouncil when `path` has no council.yaml.

    With `cache`, an unchanged council's stored result is returned (see cecli.cache).
    """
    as_of = as_of or dt.date.today()
    if cache:
        from cecli.cache import enabled, through_cache

        if enabled():
            return through_cache(Path(path), as_of, judge_council)
    return judge_council(Path(path), as_of)


def judge_council(path: Path, as_of: dt.date) -> Report:
    """Load a council and run every applicable rule (no cache)."""
    from cecli.loader import load_council
    from cecli.rules import run_rules

    council, findings = load_council(Path(path))
    rule_findings, deadlines = run_rules(council, findings, as_of)
    every = findings + rule_findings
    every.sort(key=lambda f: f.sort_key())
    return Report(council=council, as_of=as_of, findings=every, deadlines=deadlines)
