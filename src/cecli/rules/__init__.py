"""The rule catalogue: one small function per rule, with a stable code, a severity and a source.

A rule is a function decorated with `@rule(...)` in one of the modules listed in `MODULES`. It
receives a `Context` and yields findings made with `ctx.finding(...)`. Its docstring is what
`cec rules CODE` prints: the first line is its title, the rest explains it to a council secretary.

Adding a rule: write the function in the module of its family (or, for a rule only one state has,
in that state's module under `cecli/rules/states/`), give it a code and a default severity, add its
severity to each profile file under `rules:` (a rule for every profile applies at its default
severity unless a profile says otherwise; a state's rule applies only where a profile lists it),
regenerate docs/rules.md, and test it at its boundaries.

A rule that knows what the council must do by a date declares it next to its check:

    @rule("CEC305", ...)
    def agenda_sent_in_time(ctx): ...

    @agenda_sent_in_time.due
    def agenda_deadlines(ctx):
        yield Due(date, "Send the agenda for the meeting of ...", meeting, ("agenda_sent",), "hint")

CEC502 ("what is due next") gathers the deadlines of every rule that applies to the council.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, NamedTuple

from cecli.findings import Finding, Severity


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity  # the default; a profile may change it
    profiles: tuple[str, ...]  # ("all",): every profile unless it says otherwise; ("state",): where a profile lists it
    source: str
    parameters: tuple[str, ...] = ()
    check: Callable[["Context"], Iterable[Finding]] | None = None  # None: found by the loader
    doc: str = ""

    @property
    def title(self) -> str:
        return self.doc.strip().splitlines()[0].strip() if self.doc else self.code

    @property
    def explanation(self) -> str:
        lines = inspect.cleandoc(self.doc).splitlines()[1:] if self.doc else []
        return "\n".join(lines).strip()

    @property
    def family(self) -> str:
        return FAMILIES[self.code[:4]]

    @property
    def everywhere(self) -> bool:
        return self.profiles == ("all",)

    @property
    def deadlines(self) -> Callable | None:
        return DEADLINES.get(self.code)


class Due(NamedTuple):
    """Something the council must do by a date, declared by the rule that judges it: `time` is shown
    after the date, `note` after the days left."""

    due: dt.date
    what: str
    target: object
    path: tuple
    hint: str
    time: str = ""
    note: str = ""


FAMILIES = {
    "CEC0": "The files themselves",
    "CEC1": "Membership",
    "CEC2": "Establishing the council",
    "CEC3": "Meetings",
    "CEC4": "Goals, plans and reporting",
    "CEC5": "Evidence and deadlines",
}

REGISTRY: dict[str, Rule] = {}
DEADLINES: dict[str, Callable] = {}  # rule code -> its deadlines (a function of the Context yielding Due)


def rule(code: str, severity: str, profiles: str | tuple = "all", source: str = "",
         parameters: tuple[str, ...] = ()):
    """Register a rule function under `code`. `profiles` is "all" (every profile, unless a profile
    switches it off) or "state" (only where a profile lists it under `rules:`). The function gets a
    `.due` decorator to declare the rule's deadlines."""

    def register(func: Callable) -> Callable:
        if code in REGISTRY:
            raise RuntimeError(f"rule {code} registered twice")
        REGISTRY[code] = Rule(
            code=code,
            severity=Severity(severity),
            profiles=(profiles,) if isinstance(profiles, str) else tuple(profiles),
            source=source,
            parameters=parameters,
            check=func,
            doc=inspect.getdoc(func) or "",
        )

        def due(deadlines: Callable) -> Callable:
            DEADLINES[code] = deadlines
            return deadlines

        func.due = due
        return func

    return register


def loader_rule(code: str, severity: str, source: str, doc: str) -> None:
    """Register a rule whose findings the loader produces (file syntax, types, missing pieces)."""
    REGISTRY[code] = Rule(code=code, severity=Severity(severity), profiles=("all",), source=source,
                          doc=inspect.cleandoc(doc))


class Context:
    """What a rule sees: the council, its profile and parameters, the as-of date, and helpers."""

    def __init__(self, council, as_of: dt.date, findings: list[Finding]):
        self.council = council
        self.profile = council.profile
        self.as_of = as_of
        self.params = council.parameters
        self.loader_findings = findings
        self.rule: Rule | None = None
        self.severity: Severity = Severity.WARNING
        self.source: str = ""
        self.deadlines: list = []

    # --- positions ------------------------------------------------------------------------------
    def position(self, target, path: tuple = (), key: bool = False) -> tuple[str, int, int]:
        """(file, line, column) of `path` inside `target` (a model object or a file name)."""
        if isinstance(target, str):
            file, base = target, ()
        else:
            file, base = target.at
        loaded = self.council.sources.get(file)
        if loaded is None:
            return file, 0, 0
        line, col = loaded.position(tuple(base) + tuple(path), key=key)
        return file, line, col

    def finding(self, target, message: str, hint: str = "", path: tuple = (),
                severity: Severity | str | None = None, key: bool = False) -> Finding:
        file, line, col = self.position(target, path, key=key)
        level = Severity(severity) if severity is not None else self.severity
        return Finding(self.rule.code, level, file, line, col, message, hint, self.source)

    # --- time -----------------------------------------------------------------------------------
    @property
    def current_year(self) -> str:
        return self.council.school_year(self.as_of)

    def years(self) -> list[str]:
        """The school years to judge: from the first with records (and not ended before
        `records_start`) up to the one holding the as-of date."""
        years = self.council.years_until(self.as_of)
        start = self.records_start
        if start is None:
            return years
        return [year for year in years if self.council.year_bounds(year)[1] >= start] or years[-1:]

    @property
    def records_start(self) -> dt.date | None:
        from cecli.rules.since import records_start

        return records_start(self.council)

    def judged_from(self, day: dt.date | None) -> dt.date | None:
        """`day` (such as `established`), or `records_start` when that is later: rules that replay
        history start there."""
        start = self.records_start
        if day is None or start is None:
            return day if day is not None else None
        return max(day, start)

    def year_over(self, year: str) -> bool:
        return self.council.year_bounds(year)[1] < self.as_of

    def shortfall_severity(self, period_over: bool) -> Severity:
        """A shortfall in a period takes the rule's severity once the period is over; before, it is advice."""
        if period_over:
            return self.severity
        return Severity.INFO

    def use(self, entry: Rule) -> None:
        """Judge as rule `entry`, with its severity and citation under this council's profile."""
        self.rule = entry
        self.severity = self.profile.level(entry.code, entry.severity, entry.everywhere)
        self.source = self.profile.source(entry.code, entry.source)

    # --- reporting periods ----------------------------------------------------------------------
    def periods(self, year: str):
        """The state's reporting periods of `year` (the council's own dates first, see council.yaml)."""
        info = self.council.info
        override = info.reporting_periods if info is not None else None
        return self.profile.periods(year, override)

    def deadline(self, due: dt.date, what: str, target=None, path: tuple = ()) -> None:
        from cecli.findings import Deadline

        file, line = "", 0
        if target is not None:
            file, line, _ = self.position(target, path)
        self.deadlines.append(Deadline(due=due, what=what, path=file, line=line))


def run_rules(council, loader_findings: list[Finding], as_of: dt.date) -> tuple[list[Finding], list]:
    """Every applicable rule over a loaded council. Returns (findings, deadlines)."""
    ctx = Context(council, as_of, loader_findings)
    out: list[Finding] = []
    if council.profile is None:
        return out, []
    for entry in applicable(council):
        ctx.use(entry)
        out.extend(entry.check(ctx))
    from cecli.rules.since import drop_before

    return drop_before(council, out), ctx.deadlines


def applicable(council) -> list[Rule]:
    """The rules that judge this council: those its profile applies and it has not switched off."""
    if council.profile is None:
        return []
    return [entry for code, entry in REGISTRY.items()
            if entry.check is not None and code not in council.disabled
            and council.profile.level(code, entry.severity, entry.everywhere) is not None]


def due_dates(ctx) -> list[Due]:
    """Every deadline declared by the rules that apply to the council, as of `ctx.as_of`."""
    out: list[Due] = []
    current = ctx.rule
    for entry in applicable(ctx.council):
        if entry.deadlines is not None:
            ctx.use(entry)
            out.extend(entry.deadlines(ctx))
    if current is not None:
        ctx.use(current)
    return out


def iter_rules() -> Iterator[Rule]:
    return iter(REGISTRY.values())


# The rule modules, by family. Import order is the order of `cec rules`.
MODULES = (
    "cecli.rules.files",
    "cecli.rules.membership",
    "cecli.rules.establishing",
    "cecli.rules.meetings",
    "cecli.rules.reporting",
    "cecli.rules.deadlines",
)


def _state_modules() -> list[str]:
    """Each state's own rules module: every module in cecli/rules/states/ (a plug-in is a file there)."""
    from cecli.rules import states

    return [f"cecli.rules.states.{info.name}" for info in pkgutil.iter_modules(states.__path__)]


for _name in (*MODULES, *_state_modules()):
    try:
        importlib.import_module(_name)
    except ModuleNotFoundError as _err:  # a family not written yet
        if _err.name != _name:
            raise

REGISTRY = dict(sorted(REGISTRY.items()))
