"""Profiles: a state's rule set as data (vocabularies, parameters, rule severities).

A profile is a YAML file in this folder. Adding a state means adding a file here and, at most, a
few rule functions. A council may override parameters and switch rules off in council.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from cecli.findings import Severity

_HERE = resources.files(__name__)


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
    digest: str = field(default="", compare=False)

    def applies(self, code: str) -> bool:
        return self.severities.get(code) is not None


def available() -> list[str]:
    return sorted(
        entry.name[:-5]
        for entry in _HERE.iterdir()
        if entry.name.endswith(".yaml") and entry.name != "common.yaml"
    )


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
    severities = {
        code: (None if level == "off" else Severity(level)) for code, level in data["rules"].items()
    }
    month, day = (int(x) for x in data["school_year_start"].split("-"))
    return Profile(
        name=data["name"],
        title=data["title"],
        council_term=data["council_term"],
        short_term=data["short_term"],
        state=data["state"],
        holidays=data["holidays"],
        school_year_start=(month, day),
        open_meeting_statement=data["open_meeting_statement"].strip(),
        vocabularies=vocab,
        parameters=dict(data["parameters"]),
        severities=severities,
        digest=hashlib.sha256((common_text + text).encode()).hexdigest(),
    )
