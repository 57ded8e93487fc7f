"""`cec check` as a library call: load a council, run the rules as of a date, return a report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cecli.council import Council
from cecli.findings import Deadline, Finding, Judgement


@dataclass
class Report(Judgement):
    council: Council
    as_of: dt.date
    findings: list[Finding]
    deadlines: list[Deadline] = field(default_factory=list)

    @property
    def school_year(self) -> str:
        return self.council.school_year(self.as_of)


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
