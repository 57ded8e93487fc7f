"""Findings are plain data: what is wrong, where, how to fix it, and the rule behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    path: str  # relative to the council folder, with forward slashes
    line: int  # 1-based; 0 when the finding is about a whole missing file
    column: int
    message: str
    hint: str = ""
    source: str = ""

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "hint": self.hint,
            "source": self.source,
        }


@dataclass(slots=True)
class Deadline:
    """Something the council must do by a date (shown under "What is due next")."""

    due: "date"  # noqa: F821 (a datetime.date)
    what: str
    path: str = ""
    line: int = 0
    done: bool = False
    extra: dict = field(default_factory=dict)


class Judgement:
    """What every check report answers, whether freshly judged (`check.Report`) or read back from the
    results cache (`cache.CachedReport`): counts, the exit code and what is due next."""

    findings: list[Finding]
    deadlines: list[Deadline]
    as_of: "date"  # noqa: F821

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
