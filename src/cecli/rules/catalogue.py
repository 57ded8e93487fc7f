"""Write docs/rules.md from the rule registry, so the catalogue and its documentation cannot drift.

    python -m cecli.rules.catalogue > docs/rules.md

tests/test_docs.py fails when docs/rules.md differs from what this prints.
"""

from __future__ import annotations

from cecli import profiles
from cecli.rules import FAMILIES, REGISTRY


def source_lines(entry, loaded: dict) -> list[str]:
    """"Source: ..." for a rule, or one line per profile where they cite different law."""
    cited = {name: profile.source(entry.code, entry.source) for name, profile in loaded.items()
             if profile.level(entry.code, entry.severity, entry.everywhere) is not None}
    distinct = set(cited.values())
    if len(distinct) > 1:
        return [f"Source ({name}): {text}" for name, text in cited.items() if text]
    text = next(iter(distinct), "") or entry.source
    return [f"Source: {text}"] if text else []


def markdown() -> str:
    names = profiles.available()
    loaded = {name: profiles.load(name) for name in names}
    out = [
        "# Rules",
        "",
        "Every rule `cec check` applies, generated from the rules themselves",
        "(`python -m cecli.rules.catalogue > docs/rules.md`). `cec rules CODE` prints the same text.",
        "",
        "Severity: **error** where a statute or regulation says *must*, **warning** where guidance says",
        "*should*, **info** for advice. A council can change a parameter or switch a rule off in",
        "`council.yaml` under `rules:` (see docs/format.md); `cec check` shows that it did.",
        "",
        "Rules about a period (a school year, a quarter) are judged as of a date (`--as-of`, default",
        "today): before the period ends a shortfall is reported as progress (info) with what is still",
        "needed; after it ends, the shortfall takes the rule's severity.",
        "",
    ]
    family = None
    for code, entry in REGISTRY.items():
        if entry.family != family:
            family = entry.family
            out += [f"## {code[:4]}x: {family}", ""]
        out.append(f"### {code}: {entry.title}")
        out.append("")
        levels = []
        for name in names:
            level = loaded[name].level(code, entry.severity, entry.everywhere)
            levels.append(f"{name}: {level.value if level else 'does not apply'}")
        out.append(f"- Severity: {'; '.join(levels)}")
        if entry.parameters:
            values = []
            for parameter in entry.parameters:
                shown = [f"{name} {loaded[name].parameters[parameter]}" for name in names
                         if parameter in loaded[name].parameters]
                values.append(f"`{parameter}` ({', '.join(shown)})" if shown else f"`{parameter}`")
            out.append(f"- Parameters: {', '.join(values)}")
        out += [f"- {line}" for line in source_lines(entry, loaded)]
        out.append("")
        if entry.explanation:
            out += [entry.explanation, ""]
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(markdown(), end="")
