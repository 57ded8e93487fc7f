"""CEC0xx: the files themselves (every profile)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from cecli.findings import Severity
from cecli.rules import loader_rule, rule

FORMAT = "cec file format (docs/format.md)"

loader_rule("CEC001", "error", FORMAT, """
    A file is not valid YAML.

    cec reads every council file as YAML 1.2 and points at the line and column where reading
    stopped. It also refuses what would make a file mean different things in different programs or
    could be used to blow up a reader: a `%YAML 1.1` line (under 1.1, `no` means false and `18:30`
    is a number), anchors and aliases (`&name`, `*name`), a key written twice in the same section,
    and more than one document in a file. Fix the line shown; `cec check` then reads the rest.
""")

loader_rule("CEC002", "error", FORMAT, """
    A field has the wrong type or an impossible value, or is not a field cec knows.

    Dates are written YYYY-MM-DD and must exist (2025-02-30 does not); times are "HH:MM" in quotes
    on a 24-hour clock ("25:00" does not exist); yes/no fields take `true` or `false`; words from a
    vocabulary (member categories, officer roles, channels) must be ones the profile lists. An
    unknown field is usually a typo: the message suggests the closest known field.
""")

loader_rule("CEC003", "error", FORMAT, """
    A required file or field is missing.

    Every council needs council.yaml (its name and profile) and roster.yaml (its members). Each
    member needs an id, a name and a category; each meeting a date; each goal an id and statement.
""")


def _members_known(ctx) -> bool:
    council = ctx.council
    return "roster.yaml" in council.sources


def _member_refs(ctx):
    """(model object, path within it, member id) for every place a member is named by id."""
    council = ctx.council
    for meeting in council.meetings:
        if meeting.attendance:
            for group in ("present", "absent", "excused"):
                for index, member_id in enumerate(getattr(meeting.attendance, group)):
                    yield meeting, ("attendance", group, index), member_id
        for m_index, motion in enumerate(meeting.motions):
            for role in ("moved_by", "seconded_by"):
                value = getattr(motion, role)
                if value:
                    yield meeting, ("motions", m_index, role), value
            if motion.votes:
                for group, alias in (("for_", "for"), ("against", "against"), ("abstain", "abstain"),
                                     ("recused", "recused")):
                    for index, member_id in enumerate(getattr(motion.votes, group)):
                        yield meeting, ("motions", m_index, "votes", alias, index), member_id
        if meeting.called_to_order and meeting.called_to_order.by:
            yield meeting, ("called_to_order", "by"), meeting.called_to_order.by
        for e_index, election in enumerate(meeting.officer_elections):
            yield meeting, ("officer_elections", e_index, "member"), election.member
    reports = council.reports
    if reports:
        for report in reports.quarterly_reports:
            if report.signed_by:
                yield report, ("signed_by",), report.signed_by
        if reports.continuation_plan and reports.continuation_plan.signed_by:
            yield reports.continuation_plan, ("signed_by",), reports.continuation_plan.signed_by
    if council.outreach:
        for election in council.outreach.elections:
            for index, candidate in enumerate(election.candidates):
                if candidate.member:
                    yield election, ("candidates", index, "member"), candidate.member


def _votes_by_members_present(ctx, ids):
    """A motion's mover, seconder and voters must be members present at its meeting: a vote that
    names a member the attendance does not list present points at nobody who was in the room."""
    for meeting in ctx.council.meetings:
        present = set(meeting.attendance.present) if meeting.attendance else set()
        if not present:
            continue  # no attendance names anyone: nothing to point at (CEC306 asks for it)
        for m_index, motion in enumerate(meeting.motions):
            named = [((role,), getattr(motion, role)) for role in ("moved_by", "seconded_by") if getattr(motion, role)]
            if motion.votes:
                for group, alias in (("for_", "for"), ("against", "against"), ("abstain", "abstain"),
                                     ("recused", "recused")):
                    named += [(("votes", alias, index), member_id)
                              for index, member_id in enumerate(getattr(motion.votes, group))]
            for path, member_id in named:
                if member_id in present or member_id not in ids:
                    continue
                what = "moved" if path == ("moved_by",) else "seconded" if path == ("seconded_by",) else "voted on"
                yield ctx.finding(
                    meeting, f"`{member_id}` {what} motion {m_index + 1} but is not listed present at the meeting of "
                    f"{meeting.id}.",
                    f"Correct the attendance with `cec meeting attendance {meeting.id} --present IDS`, or the vote "
                    f"with `cec meeting vote {meeting.id} {m_index + 1}`.", ("motions", m_index, *path))


def _meeting_refs(ctx):
    council = ctx.council
    for meeting in council.meetings:
        if meeting.minutes and meeting.minutes.approved_at:
            yield meeting, ("minutes", "approved_at"), meeting.minutes.approved_at
    if council.goals:
        for year in council.goals.years.values():
            for review in year.data_reviewed:
                if review.meeting:
                    yield review, ("meeting",), review.meeting
    if council.outreach:
        for session in council.outreach.info_sessions:
            if session.meeting:
                yield session, ("meeting",), session.meeting
    if council.reports:
        for report in council.reports.public_reports:
            if report.meeting:
                yield report, ("meeting",), report.meeting
    if council.recommendations:
        for item in council.recommendations.recommendations:
            if item.meeting:
                yield item, ("meeting",), item.meeting
    if council.plan:
        for update in council.plan.updates:
            if update.meeting:
                yield update, ("meeting",), update.meeting


def _not_serving(ctx):
    """Attendance naming a member who was not serving on the meeting's date (a hand-edited file)."""
    for meeting in ctx.council.meetings:
        if not meeting.attendance:
            continue
        for group in ("present", "absent", "excused"):
            for index, member_id in enumerate(getattr(meeting.attendance, group)):
                member = ctx.council.member(member_id)
                if member is None or member.active_on(meeting.date):
                    continue
                if member.start_date and meeting.date < member.start_date:
                    when = f"before joining the council on {member.start_date}"
                elif group == "present":
                    continue  # present after leaving: CEC106 says so
                else:
                    when = f"after leaving the council on {member.end_date}"
                yield ctx.finding(meeting, f"{member.name} (`{member_id}`) is listed {group} on {meeting.date}, {when}.",
                                  f"Correct the attendance with `cec meeting attendance {meeting.id} --{group} ...`, "
                                  f"or the member's dates with `cec member update {member_id} --start/--end DATE`.",
                                  ("attendance", group, index))


@rule("CEC004", "error", source=FORMAT)
def references_resolve(ctx):
    """A reference does not resolve.

    Members are named by their roster id everywhere else: in attendance, motions and votes,
    signatures, elected candidates and officers. A motion's mover, seconder and voters must also be
    members listed present at its meeting (a vote is cast in the room). Meetings are named by their
    file name (2025-10-14, or 2025-10-14-special), also where minutes say which meeting approved
    them. A name that matches nothing is usually a typo; the message suggests the
    closest id. A profile name that cec does not ship is reported here too. A meeting's attendance
    names only members serving on its date: a member listed before their `start_date`, or listed
    absent or excused after their `end_date`, is no member of that meeting (one listed present
    after leaving is CEC106).
    """
    from cecli.suggest import did_you_mean

    council = ctx.council
    if _members_known(ctx):
        ids = {m.id for m in council.members} | council.damaged_ids
        for target, path, member_id in _member_refs(ctx):
            if member_id in ids:
                continue
            hint = (did_you_mean(member_id, sorted(ids))
                    or "Add the member with `cec member add`, or correct the id.")
            yield ctx.finding(target, f"No member has the id `{member_id}`.", hint, path)
        yield from _votes_by_members_present(ctx, ids)
        yield from _not_serving(ctx)
    meeting_ids = {m.id for m in council.meetings}
    if "meetings" not in {Path(p).parts[0] for p in council.damaged}:
        for target, path, meeting_id in _meeting_refs(ctx):
            if meeting_id in meeting_ids:
                continue
            hint = (did_you_mean(meeting_id, sorted(meeting_ids))
                    or "Meetings are named by their file name in meetings/, such as 2025-10-14.")
            yield ctx.finding(target, f"There is no meeting `{meeting_id}` in meetings/.", hint, path)


@rule("CEC005", "error", source=FORMAT)
def ids_unique(ctx):
    """Two things share an id, or a meeting file's name disagrees with its date.

    Member ids, goal ids (within a school year), election ids and recommendation ids must each be
    unique, because other records point at them. A meeting file is named for its date
    (meetings/2025-10-14.yaml), with a suffix such as -special when two meetings share a day.
    """
    council = ctx.council

    def dupes(items, what):
        seen: dict[str, object] = {}
        for item in items:
            if item.id in seen:
                _, line, _ = ctx.position(seen[item.id], ("id",))
                yield ctx.finding(item, f"Another {what} already has the id `{item.id}` (line {line}).",
                                  f"Give this {what} its own id.", ("id",))
            else:
                seen[item.id] = item

    yield from dupes(council.members, "member")
    if council.goals:
        for year in council.goals.years.values():
            yield from dupes(year.goals, "goal")
    if council.outreach:
        yield from dupes(council.outreach.elections, "election")
    if council.recommendations:
        yield from dupes(council.recommendations.recommendations, "recommendation")


def _evidence_paths(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "evidence":
                items = value if isinstance(value, list) else [value]
                for index, item in enumerate(items):
                    sub = path + (key, index) if isinstance(value, list) else path + (key,)
                    if isinstance(item, str):
                        yield sub, item
            else:
                yield from _evidence_paths(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _evidence_paths(value, path + (index,))


@rule("CEC006", "error", source=FORMAT)
def evidence_exists(ctx):
    """An evidence path does not exist, points outside the council folder, or names council data.

    Evidence (scans, flyers, screenshots, sign-in sheets) lives in the council folder, usually under
    evidence/, and is named by its path relative to the folder: `evidence/2025-09-flyer.pdf`. A
    path that leaves the folder (`../`, or an absolute path) would not travel with the council's
    records or its export. Evidence must be a scan, flyer or document, never one of the council's
    own data files (a .yaml or .yml file such as roster.yaml, or anything in a folder whose name
    starts with a dot, such as .git): evidence is published and exported, and those files hold
    private details. `cec publish` and `cec export` copy only evidence under evidence/ or documents/.

    An evidence path must name one ordinary file inside the council folder: not an empty path or
    `.`, not a path too long for the file system, not a link that leads outside the folder, not a
    folder, a FIFO or a device. cec never opens such a path, so a folder from someone else cannot
    make it read a file elsewhere on the computer or wait forever.
    """
    from cecli import safefs
    from cecli.privacy import SHAREABLE_FOLDERS, council_data

    root = ctx.council.root
    real_root = os.path.realpath(root)
    for rel, loaded in ctx.council.sources.items():
        for path, value in _evidence_paths(loaded.data):
            shown = safefs.shown(value)
            problem = safefs.path_problem(value)
            if problem:
                yield ctx.finding(rel, f"The evidence path `{shown}` {problem}.",
                                  "Give the path of a file in the council folder, such as evidence/flyer.pdf.", path)
                continue
            try:
                target = safefs.locate(root, value)
            except safefs.Refused:
                yield ctx.finding(rel, f"The evidence path `{shown}` points outside the council folder.",
                                  "Copy the file into the council's evidence/ folder and give its path from there, "
                                  "such as evidence/flyer.pdf.", path)
                continue
            inside = os.path.relpath(target, real_root).replace(os.sep, "/")
            if council_data(value) or (inside != "." and council_data(inside)):
                yield ctx.finding(rel, f"`{shown}` is a council data file: evidence must be a scan, flyer or "
                                  "document, not a council data file.",
                                  "Name the scan or document itself, kept under evidence/ (such as "
                                  "evidence/sign-in.pdf); council data files are never published or exported.", path)
                continue
            refused = safefs.inspect(root, value, safefs.COPY_LIMIT)
            if refused is not None and refused.kind == "missing":
                yield ctx.finding(rel, f"The evidence file `{shown}` does not exist.",
                                  "Check the spelling, or add the file under the council folder "
                                  "(paths are relative to the folder that holds council.yaml).", path)
            elif refused is not None:
                yield ctx.finding(rel, f"{refused.message} `cec export` and `cec publish` leave it out.",
                                  refused.hint or "Replace it with the file itself.", path)
            elif inside.split("/", 1)[0] not in SHAREABLE_FOLDERS:
                yield ctx.finding(rel, f"The evidence file `{shown}` is not under evidence/ or documents/, "
                                  "so `cec export` and `cec publish` leave it out.",
                                  f"Move it into evidence/ (such as evidence/{os.path.basename(target)}) and change "
                                  "this path.", path)


IGNORED = (".cec-cache/", ".git/")

# What cec itself writes at a council's root when run there with its default --out: the public
# site, the calendar and evidence packages. They are rebuilt from the records, not records
# themselves, so they are no gap in the audit trail (and must not block `cec export`).
GENERATED = re.compile(r"(site/|meetings\.ics\Z|[^/]*-evidence(/|\.zip\Z)|[^/]*-popolo\.json\Z)")


@rule("CEC007", "warning", source=FORMAT)
def changes_committed(ctx):
    """Council files changed but not committed: the audit trail has a gap.

    Every change cec makes is one git commit, so the history shows who changed what and when. A hand
    edit that is not committed is missing from that history. `cec commit -m "why"` records it
    (after checking it); a file deleted by hand is brought back with `cec restore FILE`. Folders that
    are not in a git repository are not checked.
    """
    for rel, state in uncommitted(ctx.council.root):
        if "D" in state:
            yield ctx.finding(rel, f"{rel} was deleted, and the deletion is not recorded.",
                              f"Bring it back as last recorded with `cec restore {rel}`, or record the deletion "
                              f'with `cec commit -m "Remove {rel}."`.')
            continue
        what = "is new and not committed" if state == "??" else "has changes that are not committed"
        yield ctx.finding(rel, f"{rel} {what}.", 'Record it in the audit trail with `cec commit -m "what changed"`.')


def uncommitted(root: Path) -> list[tuple[str, str]]:
    """(path relative to the council, porcelain status) of every uncommitted council file."""
    if not _in_git(root):
        return []  # no repository: skip starting git just to hear that (a folder of many councils)
    try:
        result = subprocess.run(
            ["git", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."],
            cwd=root, capture_output=True, timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    if result.returncode != 0:
        return []  # not a git repository (or git is missing): nothing to compare against
    try:
        prefix = subprocess.run(["git", "rev-parse", "--show-prefix"], cwd=root, capture_output=True,
                                text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return []
    out = []
    entries = result.stdout.decode("utf-8", "surrogateescape").split("\0")
    skip = False
    for entry in entries:
        if skip:
            skip = False
            continue
        if len(entry) < 4:
            continue
        state, name = entry[:2], entry[3:]
        if state[0] in "RC":
            skip = True  # the next entry is the rename's source
        if prefix and name.startswith(prefix):
            name = name[len(prefix):]
        if name.startswith(IGNORED) or GENERATED.match(name):
            continue
        out.append((name, state))
    return sorted(out)


def _in_git(root: Path) -> bool:
    """Whether git could find a repository for `root` (a .git above it, or GIT_DIR set)."""
    if os.environ.get("GIT_DIR"):
        return True
    folder = Path(root).resolve()
    return any((parent / ".git").exists() for parent in (folder, *folder.parents))
