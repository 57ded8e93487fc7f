"""New York signatures (RULES CEC403): a CET member who is not a school building administrator and
was serving on the signing date signs the Continuation Plan and each quarterly report.

`sign` records `signed_by` and `signed_on` in reports.yaml (one commit). It refuses a building
administrator, a member not serving on that date, or an unknown member, and says why.
"""

from __future__ import annotations

import re
from pathlib import Path

from cecli.errors import InvalidInput
from cecli.records import _checks as check

_PERIOD = re.compile(r"(\d{4})-(\d{2}) Q([1-4])\Z")
QUARTERLY_ORDER = ("period", "due", "submitted", "signed_by", "signed_on", "evidence")
PLAN_ORDER = ("school_year", "submitted", "signed_by", "signed_on", "evidence")


def _signer(council, member_id: str, day):
    member = check.member(council, member_id)
    if member.building_admin:
        raise InvalidInput(f"{member.name} is a school building administrator and may not sign (CEC403).",
                           "New York asks for the signature of a CET member who is not a building administrator. "
                           "Nothing was written.")
    if not member.active_on(day):
        when = (f"started on {member.start_date}" if member.start_date and day < member.start_date
                else f"left on {member.end_date}")
        raise InvalidInput(f"{member.name} was not a member on {day} ({when}), so may not sign then (CEC403).",
                           "Choose a member serving on the signing date. Nothing was written.")
    return member


def sign(root: Path, what: str, period: str | None, member_id: str, day, author: str | None = None):
    """what: "quarterly" (with period "2025-26 Q2") or "continuation-plan".

    Returns (message, sha, the problems the change left)."""
    from cecli.store import change, put
    from cecli.store.yamlrt import to_yaml

    signed_on = check.day(day, "--date", us_format=True)
    if signed_on is None:
        raise InvalidInput("Give the signing date with --date YYYY-MM-DD.")
    check.not_future(signed_on, "--date", "a signature")
    if what == "quarterly":
        match = _PERIOD.match((period or "").strip())
        if not match or (int(match[1]) + 1) % 100 != int(match[2]):
            raise InvalidInput(f'`{period}` is not a quarter written like "2025-26 Q2".', "Nothing was written.")
    with change(root, "Sign.", author) as tx:
        council = tx.council
        if council.profile is None or not council.profile.applies("CEC403"):
            raise InvalidInput("Signing quarterly reports and the Continuation Plan is a requirement of profiles with "
                               "rule CEC403 (New York); this council's profile "
                               f"({council.profile.name if council.profile else 'unknown'}) does not have it.")
        member = _signer(council, member_id, signed_on)
        check.intact(council, tx.findings, "reports.yaml")
        doc = tx.edit("reports.yaml", default={"public_reports": [], "quarterly_reports": []})
        if what == "quarterly":
            reports = doc.get("quarterly_reports")
            if reports is None:
                doc["quarterly_reports"] = []
                reports = doc["quarterly_reports"]
            entry = next((r for r in reports if isinstance(r, dict) and str(r.get("period")) == period), None)
            if entry is None:
                entry = to_yaml({"period": period}, set())
                reports.append(entry)
            tx.message = f"Record {member.name}'s signature on the {period} quarterly report."
            order = QUARTERLY_ORDER
        else:
            entry = doc.get("continuation_plan")
            if entry is None:
                entry = to_yaml({}, set())
                doc["continuation_plan"] = entry
            tx.message = f"Record {member.name}'s signature on the Continuation Plan."
            order = PLAN_ORDER
        before_by, before_on = entry.get("signed_by"), entry.get("signed_on")
        if before_by and (str(before_by) != member.id or before_on != signed_on):
            previous = council.member(str(before_by))
            name = previous.name if previous else str(before_by)
            when = f" of {before_on.isoformat()}" if hasattr(before_on, "isoformat") else ""
            tx.message = tx.message[:-1] + f", replacing {name}'s signature{when}."
        put(entry, "signed_by", member.id, order)
        put(entry, "signed_on", signed_on, order)
    return tx.message, tx.result[0], tx.problems
