"""Profiles: a state as a plug-in. Everything cec knows about one state is in its profile file here
(`<name>.yaml`), plus, at most, one module of its own rules (`cecli/rules/states/<name>.py`).

A profile file holds the state's vocabularies, parameters, which rules apply at which severity and
with which citation, its reporting periods, time zone, school-year start, holiday calendar, which
plan document `cec plan` writes, the items of its export package, what `cec init` asks and writes,
and the wording of the deadlines it names. No module outside this package compares a profile's
name: every layer asks the profile instead. A council may override parameters, switch rules off
and (New York) give its own reporting periods in council.yaml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from cecli.findings import Severity

_HERE = resources.files(__name__)


@dataclass(frozen=True)
class Period:
    """One reporting period of a school year (New York's receivership quarters)."""

    label: str  # "2025-26 Q2"
    start: dt.date
    end: dt.date
    due: dt.date
    estimated: bool = False  # from the usual calendar, not from dates the state published

    def due_text(self) -> str:
        """"due 2026-01-30", or "due about 2027-01-30, from the usual NYSED calendar"."""
        if self.estimated:
            return f"due about {self.due}, from the usual {self.source} calendar"
        return f"due {self.due}"

    source: str = "state"


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    council_term: str
    short_term: str
    state: str
    holidays: dict
    school_year_start: tuple[int, int]
    open_meeting_statement: str
    vocabularies: dict[str, tuple[str, ...]]
    parameters: dict[str, object]
    severities: dict[str, Severity | None]  # None: the rule does not apply under this profile
    sources: dict[str, str] = field(default_factory=dict)  # rule code -> this state's citation
    timezone: str = "UTC"
    plan_document: dict = field(default_factory=dict)  # {} when the state asks for no plan
    export: dict = field(default_factory=dict)  # {title, items: [kind, ...]}
    init: dict = field(default_factory=dict)  # what `cec init` asks and writes
    wording: dict[str, str] = field(default_factory=dict)  # deadline and document wording
    documents: dict = field(default_factory=dict)  # what the meeting documents add
    groups: dict = field(default_factory=dict)  # named sets of categories (required groups, sides)
    reporting: dict = field(default_factory=dict)  # reporting periods: {authority, years, pattern}
    digest: str = field(default="", compare=False)

    def applies(self, code: str) -> bool:
        return self.severities.get(code) is not None

    def level(self, code: str, default: Severity, everywhere: bool) -> Severity | None:
        """The severity of rule `code` under this profile, or None when it does not apply.

        A rule written for every profile applies at its default severity unless the profile says
        otherwise; a state's rule applies only where the profile lists it."""
        if code in self.severities:
            return self.severities[code]
        return default if everywhere else None

    def source(self, code: str, default: str) -> str:
        """The citation a finding of rule `code` carries under this profile (a shared rule cites
        the law of the state it runs under)."""
        return self.sources.get(code, default)

    def word(self, key: str, **values) -> str:
        text = self.wording.get(key, "")
        return text.format(**values) if text else ""

    # --- reporting periods ---------------------------------------------------------------------
    @property
    def has_reporting_periods(self) -> bool:
        return bool(self.reporting)

    def periods(self, year: str, override: dict | None = None) -> list[Period]:
        """The reporting periods of school year `year`: the council's own dates (`override`, from
        council.yaml), else the dates the state published for that year, else its usual pattern
        (marked estimated). A year may mix published and estimated periods."""
        if not self.reporting:
            return []
        published = (self.reporting.get("years") or {}).get(year) or {}
        own = (override or {}).get(year) or {}
        pattern = self.reporting.get("pattern") or {}
        authority = self.reporting.get("authority", self.state)
        first = int(year[:4])
        out = []
        for number, key in enumerate(pattern, start=1):
            label = f"{year} {key}"
            given = own.get(key) or published.get(key)
            if given is not None:
                start, end = _day(_field(given, "start")), _day(_field(given, "end"))
                due = _day(_field(given, "due") or end)
                out.append(Period(label, start, end, due, False, authority))
                continue
            start, end = _pattern_dates(first, pattern[key])
            out.append(Period(label, start, end, end, True, authority))
        return out

    def period_named(self, label: str, override: dict | None = None) -> Period | None:
        year = label.strip()[:7]
        for period in self.periods(year, override) if _looks_like_year(year) else []:
            if period.label == label.strip():
                return period
        return None


def _field(given, key: str):
    """A period's field, from profile data (a mapping) or the council's override (a model)."""
    return given.get(key) if isinstance(given, dict) else getattr(given, key, None)


def _looks_like_year(text: str) -> bool:
    return len(text) == 7 and text[:4].isdigit() and text[4] == "-" and text[5:].isdigit()


def _day(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _pattern_dates(first: int, span: dict) -> tuple[dt.date, dt.date]:
    """A pattern period ("07-23" to "10-30") placed in the school year starting in `first`: months
    from July on fall in the first calendar year, January to June in the second."""

    def place(text: str) -> dt.date:
        month, day = (int(x) for x in text.split("-"))
        return dt.date(first if month >= 7 else first + 1, month, day)

    start, end = place(span["start"]), place(span["end"])
    if end < start:  # Q4 runs from May into July of the next school year's calendar year
        end = end.replace(year=end.year + 1)
    return start, end


def available() -> list[str]:
    return sorted(
        entry.name[:-5]
        for entry in _HERE.iterdir()
        if entry.name.endswith(".yaml") and entry.name != "common.yaml"
    )


def _rules(data: dict) -> tuple[dict[str, Severity | None], dict[str, str]]:
    severities: dict[str, Severity | None] = {}
    sources: dict[str, str] = {}
    for code, entry in (data.get("rules") or {}).items():
        if isinstance(entry, dict):
            level = entry.get("severity", "off")
            if entry.get("source"):
                sources[code] = str(entry["source"])
        else:
            level = entry
        severities[code] = None if level == "off" else Severity(level)
    return severities, sources


@lru_cache(maxsize=None)
def load(name: str) -> Profile:
    """Load a shipped profile by name. Raises KeyError for an unknown one."""
    import hashlib

    from cecli.yamlread import parse

    if name not in available():
        raise KeyError(name)
    common_text = (_HERE / "common.yaml").read_text(encoding="utf-8")
    text = (_HERE / f"{name}.yaml").read_text(encoding="utf-8")
    common = parse(common_text).data
    data = parse(text).data
    vocab: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in common["vocabularies"].items()}
    for key, words in (data.get("vocabularies") or {}).items():
        vocab[key] = tuple(dict.fromkeys([*vocab.get(key, ()), *words]))
    severities, sources = _rules(data)
    month, day = (int(x) for x in data["school_year_start"].split("-"))
    wording = dict(common.get("wording") or {})
    wording.update(data.get("wording") or {})
    return Profile(
        name=data["name"],
        title=data["title"],
        council_term=data["council_term"],
        short_term=data["short_term"],
        state=data["state"],
        holidays=data["holidays"],
        school_year_start=(month, day),
        open_meeting_statement=" ".join(data["open_meeting_statement"].split()),
        vocabularies=vocab,
        parameters=dict(data["parameters"]),
        severities=severities,
        sources=sources,
        timezone=data.get("timezone") or "UTC",
        plan_document=dict(data.get("plan_document") or {}),
        export=dict(data.get("export") or {}),
        init=dict(data.get("init") or {}),
        wording=wording,
        documents=dict(data.get("documents") or {}),
        groups=dict(data.get("groups") or {}),
        reporting=dict(data.get("reporting_periods") or {}),
        digest=hashlib.sha256((common_text + text).encode()).hexdigest(),
    )
