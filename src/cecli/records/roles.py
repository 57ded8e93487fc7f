"""Officer roles with dates: `cec member role ID --add ROLE [--from DATE]` and `--end ROLE [--on DATE]`.

A role is written in roster.yaml either short (`roles: [chair]`: held from the start of the
membership, with no end) or dated (`roles: [{role: chair, start_date: 2025-09-23, end_date:
2026-06-30}]`). Rules and documents ask `Member.roles_on(day)`, so each judges roles as of the
date it is about. Ending a short role rewrites it dated, in place; nothing else in the file moves.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cecli.errors import InvalidInput
from cecli.model.roster import SHARED_ROLES
from cecli.records import _checks as check
from cecli.records.members import ORDER, Result, _roster, find_member

TERM_ORDER = ("role", "start_date", "end_date")


def read_day(value, option: str) -> dt.date | None:
    """A date given on the command line (the one place to swap in cecli.when's reader)."""
    return check.day(value, option, us_format=True)


def change_role(root: Path, member_id: str, add: str | None = None, end: str | None = None,
                on: str | None = None, author: str | None = None, today: dt.date | None = None) -> Result:
    """Give a member an officer role from a date (`add`), or end one they hold on a date (`end`)."""
    from cecli.store import change

    if bool(add) == bool(end):
        raise InvalidInput("Say what changes: --add ROLE (with --from DATE) or --end ROLE (with --on DATE).",
                           "Such as `cec member role ann-lee --add chair --from 2025-09-23`. Nothing was written.")
    day = read_day(on, "--from" if add else "--on") or (today or dt.date.today())
    with change(root, "Change an officer role.", author) as tx:
        doc = _roster(tx)
        entry = find_member(tx.council, doc, member_id)
        member = tx.council.member(member_id)
        if add:
            role = check.word(tx.council, "role", add, "--add", loose=True)
            _add(tx.council, entry, member, role, day)
            tx.message = f"Make {member.name} {role.replace('-', ' ')} from {day.isoformat()}."
        else:
            role = check.word(tx.council, "role", end, "--end", loose=True)
            _end(entry, member, role, day)
            tx.message = f"End {member.name}'s {role.replace('-', ' ')} role on {day.isoformat()}."
    sha, paths = tx.result
    return Result(member_id, tx.message, sha, paths, problems=tx.problems)


def _add(council, entry, member, role: str, day: dt.date, handed_over: frozenset[str] = frozenset()) -> None:
    """Write the role into the member's roster entry from `day`. `handed_over`: the members whose
    term of the role the same change ends on `day` (an election handing the role on)."""
    from cecli.store import put

    if not member.active_on(day):
        raise InvalidInput(f"{member.name} is not a member on {day.isoformat()} ({_term(member)}), so cannot hold "
                           f"the {role} role then.", "Give a date within the membership with --from. Nothing was written.")
    if role in member.roles_on(day):
        raise InvalidInput(f"{member.name} already holds the {role} role on {day.isoformat()}.", "Nothing was written.")
    later = [start for _, name, start, _end in member.role_terms() if name == role and start and start > day]
    if later:
        raise InvalidInput(f"{member.name} holds the {role} role from {later[0].isoformat()}.",
                           "Nothing was written.")
    if role not in SHARED_ROLES:
        for other in council.members:
            if other.id == member.id or other.id in handed_over or not other.active_on(day):
                continue
            for _, name, start, last in other.role_terms():
                if name != role or (start and start > day) or (last is not None and last <= day):
                    continue
                raise InvalidInput(
                    f"{other.name} holds the {role} role on {day.isoformat()}; a council has one {role}.",
                    f"If {other.name} hands it over that day, end it first: "
                    f"`cec member role {other.id} --end {role} --on {day.isoformat()}`. Nothing was written.")
    roles = entry.get("roles")
    term = {"role": role}
    if member.start_date is None or day != member.start_date:
        term["start_date"] = dt.date(day.year, day.month, day.day)  # its own object (no YAML alias)
    if roles is None:
        put(entry, "roles", [], ORDER)
        roles = entry["roles"]
    from cecli.store.yamlrt import append, is_flow, to_yaml

    if is_flow(roles) and len(term) == 1:
        roles.append(role)
    elif is_flow(roles):
        # a dated role does not fit in `[chair]`: write the list as block lines
        roles.fa.set_block_style()
        append(roles, term)
    else:
        append(roles, term if len(term) > 1 else role)


def _end(entry, member, role: str, day: dt.date) -> None:
    from cecli.store.yamlrt import to_yaml

    open_terms = [(index, start) for index, name, start, last in member.role_terms()
                  if name == role and (last is None or last >= day) and (start is None or start <= day)]
    if not open_terms:
        held = sorted({name for _, name, _, _ in member.role_terms()})
        hint = (f"{member.name}'s roles: {', '.join(held)}." if held else f"{member.name} holds no officer role.")
        raise InvalidInput(f"{member.name} does not hold the {role} role on {day.isoformat()}.",
                           f"{hint} Nothing was written.")
    index, start = open_terms[0]
    if start and day < start:
        raise InvalidInput(f"--on {day.isoformat()} is before {member.name} took the {role} role ({start.isoformat()}).",
                           "Nothing was written.")
    if member.end_date and day > member.end_date:
        raise InvalidInput(f"--on {day.isoformat()} is after {member.name}'s membership ended ({member.end_date.isoformat()}).",
                           f"End the role on {member.end_date.isoformat()} or before. Nothing was written.")
    roles = entry["roles"]
    current = roles[index]
    if isinstance(current, dict):
        from cecli.store import put

        put(current, "end_date", dt.date(day.year, day.month, day.day), TERM_ORDER)
    else:
        if hasattr(roles, "fa") and roles.fa.flow_style():
            roles.fa.set_block_style()
        roles[index] = to_yaml({"role": role, "end_date": dt.date(day.year, day.month, day.day)}, set())


def _term(member) -> str:
    start = member.start_date.isoformat() if member.start_date else "?"
    return f"from {start} to {member.end_date.isoformat()}" if member.end_date else f"since {start}"
