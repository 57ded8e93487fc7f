"""CEC2xx: establishing the council (New York's deadline; Mississippi's four recruitment steps).

Mississippi's steps are judged per recruitment cycle: the outreach recorded after one election up
to and including the next (the first cycle starts with the first record). A nomination window
belongs to the cycle in which it opened (or closed, when only that is recorded), so outreach.yaml
may hold one `nominations` window or one per school year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cecli.rules import rule

MS_STEPS = "MS-CEC \"Establishing Councils\""
ANNOUNCING = ("recruitment", "information-session")
METHODS = ("electronic", "mail", "in-person")
METHOD_WORDS = {"electronic": "electronically", "mail": "by mail", "in-person": "in person"}


@dataclass
class Cycle:
    """The outreach that led to one election (election None: recruitment not yet ending in one)."""

    election: object | None
    communications: list = field(default_factory=list)
    sessions: list = field(default_factory=list)
    nominations: list = field(default_factory=list)


def _nominations(outreach) -> list:
    value = outreach.nominations
    if value is None:
        return []
    return list(value.values()) if isinstance(value, dict) else [value]


def _cycles(outreach) -> list[Cycle]:
    """Split the outreach into recruitment cycles, each ending with an election."""
    elections = sorted(outreach.elections, key=lambda e: e.date)
    cycles = [Cycle(e) for e in elections] + [Cycle(None)]

    def place(day: dt.date) -> Cycle:
        for cycle in cycles[:-1]:
            if day <= cycle.election.date:
                return cycle
        return cycles[-1]

    for item in outreach.communications:
        if item.purpose in ANNOUNCING:
            place(item.date).communications.append(item)
    for session in sorted(outreach.info_sessions, key=lambda s: s.date):
        place(session.date).sessions.append(session)
    for window in _nominations(outreach):
        anchor = window.opened or window.closed
        if anchor:
            place(anchor).nominations.append(window)
    return cycles


def _outreach_target(ctx, path: tuple):
    """outreach.yaml at `path`, or council.yaml when there is no outreach.yaml."""
    if "outreach.yaml" in ctx.council.sources:
        return "outreach.yaml", path
    return "council.yaml", ()


@rule("CEC201", "error", "state", "NY-CET; 8 NYCRR 100.19", parameters=("establish_within_business_days",))
def established_in_time(ctx):
    """The team was established no later than 20 business days after the school was designated.

    A school newly identified for Receivership must establish its Community Engagement Team no later
    than 20 business days (`establish_within_business_days`) after its designation. cec counts New
    York business days: weekdays that are not public holidays under General Construction Law § 24
    (including Lincoln's Birthday and Election Day). "20 business days after" the designation date
    is the 20th such day after it; the designation day itself is not counted, even when it is a
    business day, and it may fall on a weekend.

    council.yaml records both dates: `designated` and `established`. If the team is not yet
    established, cec shows the deadline and the business days left. A team established late cannot
    be established earlier; if the dates are wrong, correct them.
    """
    from cecli.businessdays import add_business_days, business_days_between

    info = ctx.council.info
    if info is None or info.designated is None:
        return
    limit = int(ctx.params.get("establish_within_business_days", 20))
    calendar = ctx.profile.holidays
    deadline = add_business_days(info.designated, limit, calendar)
    if info.established is not None:
        if info.established > deadline:
            taken = business_days_between(info.designated, info.established, calendar)
            yield ctx.finding(
                info, f"The team was established on {info.established}, {taken} business days after the "
                f"designation on {info.designated}; the limit is {limit} (by {deadline}).",
                "If the dates are right, nothing can change them now: explain the delay in the Continuation "
                "Plan. If not, correct `designated` or `established`.", path=("established",))
        return
    if ctx.as_of > deadline:
        yield ctx.finding(
            info, f"No `established` date is recorded, and the deadline ({limit} business days after the "
            f"designation on {info.designated}) was {deadline}.",
            "Establish the team now and record the date as `established` in council.yaml.", path=("designated",))
    else:
        left = business_days_between(ctx.as_of, deadline, calendar)
        yield ctx.finding(
            info, f"The team must be established by {deadline} ({left} business days left).",
            "Seat the required members, then record the date as `established` in council.yaml.",
            path=("designated",), severity=ctx.shortfall_severity(False))


@rule("CEC202", "warning", "state", MS_STEPS)
def steps_in_order(ctx):
    """The establishment steps happened in order.

    Mississippi's guidance sets out four steps to establish a council: (1) communicate about the
    council and publicize the information sessions, (2) hold information sessions, (3) gather
    interest forms or nominations, (4) hold an election. cec reads outreach.yaml cycle by cycle (the
    outreach leading up to each election) and reports a step that came before the one it should
    follow, or a step that is missing before a later one: communications (with purpose
    `recruitment` or `information-session`) before the first information session, an information
    session on or before the day the nomination window opens and none after it closes, and the
    nomination window closed before the election day. A missing step before a later one that has
    not happened yet is shown as advice.

    To fix it, record the step that happened but is missing from outreach.yaml, or correct a date.
    Steps that really happened out of order are a record of that; follow the order next time.
    """
    outreach = ctx.council.outreach
    if outreach is None:
        return
    for cycle in _cycles(outreach):
        yield from _announced_before_sessions(ctx, cycle)
        yield from _sessions_before_nominations(ctx, cycle)
        yield from _nominations_before_election(ctx, cycle)


def _severity_for(ctx, day: dt.date):
    return ctx.shortfall_severity(day <= ctx.as_of)


def _announced_before_sessions(ctx, cycle):
    if not cycle.sessions:
        return
    first = cycle.sessions[0]
    if not any(c.date < first.date for c in cycle.communications):
        yield ctx.finding(
            first, f"No communication about the council is recorded before the information session on {first.date}.",
            "Record the flyers, posts or emails that announced it with `cec outreach add communication --date DATE "
            "--channel CHANNEL --purpose recruitment`; next time, announce sessions before holding them.",
            path=("date",), severity=_severity_for(ctx, first.date))


def _sessions_before_nominations(ctx, cycle):
    for window in cycle.nominations:
        if window.opened and not any(s.date <= window.opened for s in cycle.sessions):
            yield ctx.finding(
                window, f"The nomination window opened on {window.opened}, before any information session.",
                "Record the information session held before it, or correct the date the window opened.",
                path=("opened",), severity=_severity_for(ctx, window.opened))
        if window.closed:
            for session in cycle.sessions:
                if session.date > window.closed:
                    yield ctx.finding(
                        session, f"The information session on {session.date} came after nominations closed "
                        f"on {window.closed}.",
                        "Hold information sessions before and while nominations are open; correct the date if it "
                        "is wrong.", path=("date",))


def _nominations_before_election(ctx, cycle):
    election = cycle.election
    if election is None:
        return
    dated = [w for w in cycle.nominations if w.closed or w.opened]
    if not dated:
        yield ctx.finding(
            election, f"No nomination window is recorded before the election on {election.date}.",
            "Record the dates nominations were opened and closed with `cec outreach nominations --opened DATE "
            "--closed DATE`.",
            path=("date",), severity=_severity_for(ctx, election.date))
    for window in dated:
        if window.closed and window.closed >= election.date:
            yield ctx.finding(
                window, f"Nominations closed on {window.closed}, not before the election on {election.date}.",
                "Close nominations before election day so the ballot can list every candidate.",
                path=("closed",))


def _part_of_day(start: dt.time) -> str:
    """morning before 12:00, afternoon 12:00-16:59, evening from 17:00."""
    if start.hour < 12:
        return "morning"
    if start.hour < 17:
        return "afternoon"
    return "evening"


@rule("CEC203", "warning", "state", "MS-CEC Step 2", parameters=("min_info_sessions",))
def enough_info_sessions(ctx):
    """At least two information sessions, at different times of day.

    Mississippi's guidance asks for several information sessions at a variety of times, so people
    with different work schedules can come. cec counts the sessions in outreach.yaml before each
    election (at least `min_info_sessions`, default 2) and checks that they did not all start in the
    same part of the day: morning (before 12:00), afternoon (12:00 to 16:59) or evening (from
    17:00), by their `start` time. Until the election (or, with no election recorded, until the
    council is established) a shortfall is shown as advice.

    To fix it, schedule another session at a different time of day and record it under
    `info_sessions` with its date and start time.
    """
    outreach = ctx.council.outreach
    if outreach is None and "outreach.yaml" in ctx.council.damaged:
        return  # outreach.yaml could not be read at all (CEC001/CEC002 say why)
    cycles = _cycles(outreach) if outreach else [Cycle(None)]
    has_election = len(cycles) > 1
    for cycle in cycles:
        if cycle.election is None and has_election and not cycle.sessions:
            continue  # no recruitment under way since the last election
        yield from _sessions_finding(ctx, cycle, has_election)


def _sessions_finding(ctx, cycle, has_election: bool):
    wanted = int(ctx.params.get("min_info_sessions", 2))
    established = ctx.council.info.established if ctx.council.info else None
    if cycle.election is not None:
        over, before = cycle.election.date <= ctx.as_of, f" before the election on {cycle.election.date}"
        by = f" before {cycle.election.date}"
    else:
        over = not has_election and established is not None and established <= ctx.as_of
        before, by = "", ""
    severity = ctx.shortfall_severity(over)
    target, path = _outreach_target(ctx, ("info_sessions",))
    if cycle.election is not None:
        target, path = cycle.election, ("date",)
    held = len(cycle.sessions)
    if held < wanted:
        message = (f"Only {held} of the {wanted} information sessions were held{before}." if held else
                   f"No information sessions are recorded{before}.")
        yield ctx.finding(target, message, f"Hold and record {wanted - held} more{by}, at different times of day.",
                          path=path, severity=severity)
        return
    parts = {_part_of_day(s.start) for s in cycle.sessions if s.start}
    if wanted >= 2 and len(parts) < 2:
        untimed = sum(1 for s in cycle.sessions if not s.start)
        when = f"in the {next(iter(parts))}" if parts else "without a recorded start time"
        note = f" ({untimed} without a start time)" if parts and untimed else ""
        yield ctx.finding(cycle.sessions[0], f"All {held} information sessions{before} were {when}{note}.",
                          "Offer sessions at different times of day (morning, afternoon, evening), and record "
                          "each session's `start`.", path=("date",), severity=severity)


@rule("CEC204", "warning", "state", "MS-CEC Step 3")
def nominations_three_ways(ctx):
    """Nominations were accepted electronically, by mail and in person.

    Mississippi's guidance asks councils to accept interest forms and nominations electronically,
    by mail or in person, so nobody is left out by the way they can reply. cec checks the
    `methods` of each nomination window in outreach.yaml for `electronic`, `mail` and `in-person`.
    While a window is still open (its `closed` date is today or later, or not yet recorded) a
    missing method is shown as advice.

    To fix it, offer the missing ways to submit a form and add them to `methods`.
    """
    outreach = ctx.council.outreach
    if outreach is None:
        return
    for window in _nominations(outreach):
        missing = [m for m in METHODS if m not in window.methods]
        if not missing:
            continue
        still_open = window.closed is None and window.opened is not None or (
            window.closed is not None and window.closed >= ctx.as_of)
        words = [METHOD_WORDS[m] for m in missing]
        how = words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" or {words[-1]}"
        yield ctx.finding(window, f"Nominations were not accepted {how}.",
                          f"Offer a way to submit forms {how}, and add `{'`, `'.join(missing)}` to `methods`.",
                          path=("methods",), severity=ctx.shortfall_severity(not still_open))


@rule("CEC205", "warning", "state", "MS-CEC Step 4", parameters=("election_notice_days",))
def election_notice_and_voters(ctx):
    """Notice of an election was given at least 14 days before it, and the community voted.

    Mississippi's guidance asks for at least two weeks' notice of an election
    (`election_notice_days`, default 14 calendar days: notice on 2025-09-01 allows an election on
    2025-09-15 or later), using a variety of communication methods, and for the community, not
    teachers or school/district staff, to vote. cec checks each election's `notice_given` date and
    its `voters` (which must not include `staff`). Before an election, a missing notice is advice
    with the last day to give it.

    To fix it, give notice in time and record the date as `notice_given`; if notice was late, move
    the election. List who voted in `voters` (community, parents, students).
    """
    outreach = ctx.council.outreach
    if outreach is None:
        return
    days = int(ctx.params.get("election_notice_days", 14))
    for election in outreach.elections:
        yield from _notice_finding(ctx, election, days)
        for index, voters in enumerate(election.voters):
            if voters == "staff":
                yield ctx.finding(election, f"School or district staff are listed as voters in the election on "
                                  f"{election.date}.",
                                  "The community elects the council: teachers and school/district staff do not vote.",
                                  path=("voters", index))


def _notice_finding(ctx, election, days: int):
    latest = election.date - dt.timedelta(days=days)
    if election.notice_given is not None:
        if election.notice_given > latest:
            given = (election.date - election.notice_given).days
            yield ctx.finding(election, f"Notice of the election on {election.date} was given {given} days before "
                              f"it; at least {days} days are needed (by {latest}).",
                              f"Move the election to {election.notice_given + dt.timedelta(days=days)} or later, "
                              "or correct `notice_given`.", path=("notice_given",))
        return
    if election.date <= ctx.as_of:
        yield ctx.finding(election, f"No notice date is recorded for the election on {election.date}.",
                          f"Record when notice was given as `notice_given` (at least {days} days before).",
                          path=("date",))
    elif ctx.as_of <= latest:
        yield ctx.finding(election, f"Give notice of the election on {election.date} by {latest} "
                          f"({days} days before it).",
                          "Announce it through several channels and record the date as `notice_given`.",
                          path=("date",), severity=ctx.shortfall_severity(False))
    else:
        yield ctx.finding(election, f"It is too late to give {days} days' notice of the election on {election.date}.",
                          f"Give notice now and move the election to {ctx.as_of + dt.timedelta(days=days)} or later.",
                          path=("date",))
