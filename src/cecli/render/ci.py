"""Check results for the tools districts already run: SARIF (code scanning) and JUnit XML (CI test reports).

Both take a list of `Judged` councils, so one council and a folder of many councils come out the
same way. A finding's file is written as the user ran cec (relative to the working folder), which
is what a code-scanning upload or a CI report expects when cec runs at the repository's root.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from cecli import __version__

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


@dataclass
class Judged:
    """One council's findings, as plain dicts (`Finding.as_dict()`), with each file as the user sees it."""

    name: str  # the council's name
    label: str  # the council's folder, as the user typed it
    findings: list[dict]  # each with `where`: the finding's file relative to the working folder
    crashed: str = ""  # cec could not judge this council: why


def _rule_meta(codes: list[str]) -> list[dict]:
    from cecli.rules import REGISTRY

    out = []
    for code in codes:
        rule = REGISTRY.get(code)
        meta: dict = {"id": code}
        if rule is not None:
            meta["name"] = code
            meta["shortDescription"] = {"text": rule.title}
            if rule.explanation:
                meta["fullDescription"] = {"text": rule.explanation}
            meta["defaultConfiguration"] = {"level": _SARIF_LEVEL[rule.severity.value]}
            if rule.source:
                meta["properties"] = {"source": rule.source}
        out.append(meta)
    return out


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/")


def sarif(councils: list[Judged]) -> str:
    """A SARIF 2.1.0 log: one run of cec, a result per finding, each rule described once."""
    codes = sorted({f["code"] for c in councils for f in c.findings})
    index = {code: i for i, code in enumerate(codes)}
    results = []
    for council in councils:
        for f in council.findings:
            text = f["message"] + (f" {f['hint']}" if f.get("hint") else "")
            location: dict = {"artifactLocation": {"uri": _uri(f["where"])}}
            if f["line"]:
                location["region"] = {"startLine": f["line"], "startColumn": max(1, f["column"])}
            results.append({
                "ruleId": f["code"],
                "ruleIndex": index[f["code"]],
                "level": _SARIF_LEVEL[f["severity"]],
                "message": {"text": text},
                "locations": [{"physicalLocation": location}],
                "properties": {"council": council.name},
            })
    notifications = [
        {"level": "error", "message": {"text": f"{c.label}: {c.crashed}"}} for c in councils if c.crashed
    ]
    run: dict = {
        "tool": {"driver": {"name": "cec", "version": __version__, "rules": _rule_meta(codes)}},
        "results": results,
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False)


def junit(councils: list[Judged], strict: bool = False) -> str:
    """JUnit XML: a test suite per council, a test case per finding (an error fails it; a warning
    fails it with --strict); a council with nothing to report has one passing case."""
    suites = []
    total = failed = broken = 0
    for council in councils:
        cases = []
        suite_failed = 0
        for f in council.findings:
            where = f"{f['where']}:{f['line']}:{f['column']}" if f["line"] else f["where"]
            name = f"{f['code']} {where}"
            text = f["message"] + (f"\n{f['hint']}" if f.get("hint") else "")
            fails = f["severity"] == "error" or (strict and f["severity"] == "warning")
            if fails:
                suite_failed += 1
                body = (f"<failure message={_attr(f['message'])} type={_attr(f['severity'])}>"
                        f"{_text(text)}</failure>")
            else:
                body = f"<system-out>{_text(f['severity'] + ': ' + text)}</system-out>"
            cases.append(f"    <testcase classname={_attr(council.label)} name={_attr(name)}>{body}</testcase>")
        suite_broken = 0
        if council.crashed:
            suite_broken = 1
            cases.append(f"    <testcase classname={_attr(council.label)} name=\"cec check\">"
                         f"<error message={_attr(council.crashed)} type=\"cec\"/></testcase>")
        if not cases:
            cases.append(f"    <testcase classname={_attr(council.label)} name=\"cec check\"/>")
        total += len(cases)
        failed += suite_failed
        broken += suite_broken
        suites.append(
            f"  <testsuite name={_attr(council.name or council.label)} tests=\"{len(cases)}\" "
            f"failures=\"{suite_failed}\" errors=\"{suite_broken}\" skipped=\"0\">\n"
            + "\n".join(cases) + "\n  </testsuite>")
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cec check" tests="{total}" '
            f'failures="{failed}" errors="{broken}">')
    return head + "\n" + "\n".join(suites) + "\n</testsuites>"


def _clean(value: str) -> str:
    # XML 1.0 cannot carry most control characters, even escaped: drop them.
    return "".join(ch for ch in value if ch in "\t\n\r" or ord(ch) >= 0x20)


def _text(value: str) -> str:
    return escape(_clean(value))


def _attr(value: str) -> str:
    return quoteattr(_clean(value))
