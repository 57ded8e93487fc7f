"""CEC3xx: meetings: how often, how long, how announced, and what is recorded about them.

A meeting counts as *held* when its `status` is `held`, or when it has no status, its date has
passed and it records members present (see `cecli.evidence.held`). Cancelled meetings count for
nothing. Only the council's own meetings (`kind: regular` or `special`) count towards the number
of meetings; information sessions and elections are outreach events.
"""

from __future__ import annotations

import datetime as dt
import math

from cecli.evidence import COUNCIL_KINDS, council_meetings, held, upcoming
from cecli.findings import Severity
from cecli.rules import Due, rule

MS = "MS-CEC"
MS_SETUP = 'MS-CEC "Meeting Setup"'
MS_SECRETARY = 'MS-CEC "Example: Officer/Role" (Secretary/Notetaker)'
MS_MINUTES = "Miss. Code Ann. § 25-41-11"
NY_OML = "NY Public Officers Law § 103"


def _days(count: int) -> str:
    return f"{count} day{'' if count == 1 else 's'}"


def _names(council, ids) -> str:
    names = [council.name_of(i) for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _moment(value: dt.date | dt.datetime) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if isinstance(value, dt.datetime) else value.isoformat()


def _live(meetings):
    return [m for m in meetings if m.status != "cancelled"]


# --- how many ---------------------------------------------------------------------------------------

@rule("CEC301", "warning", "state", 'MS-CEC "Who is responsible for the success of CECs?"',
      parameters=("min_meetings_per_year",))
def meetings_per_year(ctx):
    """At least min_meetings_per_year (default 6) meetings are held in the school year.

    Mississippi asks a council to meet at least six times each school year (July 1 to June 30).
    Regular and special meetings count once held; cancelled meetings, information sessions and
    elections do not. While the year is under way, cec compares the meetings held and those still
    scheduled with the number needed, and says how many more to schedule (a note); nothing is
    reported while the calendar already holds enough. Once the year is over, a shortfall is a
    warning. Add the missing meetings with `cec meeting new`, and record the ones held.
    """
    council, needed = ctx.council, int(ctx.params.get("min_meetings_per_year", 6))
    for year in ctx.years():
        end = council.year_bounds(year)[1]
        meetings = council_meetings(council, year)
        done = sum(1 for m in meetings if held(m, ctx.as_of))
        ahead = sum(1 for m in meetings if upcoming(m, ctx.as_of))
        if ctx.year_over(year):
            if done < needed:
                yield ctx.finding("council.yaml", f"{done} of {needed} meetings were held in {year}.",
                                  f"Plan at least {needed} meetings for each school year and adopt the schedule "
                                  "at the start of the year.", severity=ctx.shortfall_severity(True))
        elif done + ahead < needed:
            more = needed - done - ahead
            yield ctx.finding("council.yaml",
                              f"{done} of {needed} meetings held in {year}, {ahead} scheduled, "
                              f"{more} more to schedule before {end}.",
                              "Schedule the remaining meetings with `cec meeting new --date YYYY-MM-DD`.",
                              severity=ctx.shortfall_severity(False))


@rule("CEC302", "warning", "state", f"{MS_SETUP}; Miss. Code Ann. § 25-41-13")
def schedule_adopted(ctx):
    """The meeting schedule for the year was adopted at the start of the year.

    A council should set its meeting calendar at the beginning of the school year, so members and
    the public know when it meets. cec looks for the adoption date in council.yaml
    (`schedule_adopted: 2025-08-20`, or one date per year: `schedule_adopted: {"2025-26":
    2025-08-20}`) and checks it is on or before the year's first meeting. A year whose first
    meeting has not happened yet is not judged.
    """
    council, info = ctx.council, ctx.council.info
    if info is None:
        return
    for year in ctx.years():
        meetings = sorted(council_meetings(council, year), key=lambda m: m.date)
        if not meetings:
            continue
        first = meetings[0].date
        adopted = info.schedule_adopted_for(year, council.year_bounds(year))
        path = ("schedule_adopted", year) if isinstance(info.schedule_adopted, dict) else ("schedule_adopted",)
        if adopted is None and first < ctx.as_of:
            yield ctx.finding("council.yaml",
                              f"No adopted meeting schedule is recorded for {year}; its first meeting was on {first}.",
                              "Record the date the council adopted its calendar under `schedule_adopted` in "
                              f'council.yaml (one date per year: schedule_adopted: {{"{year}": {first}}}).', path)
        elif adopted is not None and adopted > first:
            yield ctx.finding("council.yaml",
                              f"The meeting schedule for {year} was adopted on {adopted}, after the year's first "
                              f"meeting on {first}.",
                              "Adopt next year's calendar at or before the year's first meeting.", path)


# --- how it is announced and run -----------------------------------------------------------------

@rule("CEC303", "warning", "all", f"{MS_SETUP}; {NY_OML}")
def open_to_public(ctx):
    """Every meeting is open to the public.

    Council meetings are open meetings: anyone from the community may attend and listen. A meeting
    marked `open_to_public: false` is reported (an unmarked meeting is taken to be open). If part of
    a meeting had to be closed, record that in the minutes and keep the meeting itself open.
    """
    for meeting in _live(ctx.council.meetings):
        if meeting.open_to_public is False:
            yield ctx.finding(meeting, f"The meeting of {meeting.date} is marked as not open to the public.",
                              f"Open the meeting to the public (`cec meeting edit {meeting.id} --open-to-public`) "
                              "and say where and how the public can attend.", ("open_to_public",))


@rule("CEC304", "warning", "state", MS_SETUP, parameters=("meeting_min_minutes", "meeting_max_minutes"))
def meeting_length(ctx):
    """A meeting lasts between 60 and 90 minutes.

    The Mississippi Department of Education recommends council meetings of 60 to 90 minutes
    (`meeting_min_minutes` and `meeting_max_minutes`): long enough to do business, short enough
    for volunteers. cec reads the length from `start` and `end`, for meetings held and planned, so
    a plan that runs long shows before the day. Exactly 60 or 90 minutes is fine.
    """
    low = int(ctx.params.get("meeting_min_minutes", 60))
    high = int(ctx.params.get("meeting_max_minutes", 90))
    for meeting in _live(ctx.council.meetings):
        length = meeting.length_minutes
        if meeting.kind not in COUNCIL_KINDS or length is None:
            continue
        times = f"{meeting.start:%H:%M} to {meeting.end:%H:%M}"
        if length <= 0:
            yield ctx.finding(meeting, f"The meeting of {meeting.date} ends ({meeting.end:%H:%M}) before it "
                              f"starts ({meeting.start:%H:%M}).", f"Correct the times with `cec meeting edit {meeting.id} --start TIME --end TIME`.", ("end",))
        elif not low <= length <= high:
            word = "short" if length < low else "long"
            yield ctx.finding(meeting, f"The meeting of {meeting.date} runs {length} minutes ({times}), too {word}: "
                              f"meetings should last {low} to {high} minutes.",
                              f"Plan the agenda to fit {low} to {high} minutes, or correct the times if they "
                              f"are wrong (`cec meeting edit {meeting.id} --start TIME --end TIME`).", ("end",))


def agenda_due(meeting, lead_days: int) -> dt.date:
    """The last day the agenda may be sent: `lead_days` calendar days before the meeting."""
    return meeting.date - dt.timedelta(days=lead_days)


@rule("CEC305", "warning", "state", MS_SECRETARY, parameters=("agenda_lead_days",))
def agenda_sent_in_time(ctx):
    """The agenda was sent at least agenda_lead_days (default 3) days before the meeting.

    The secretary sends the agenda to members at least three calendar days before each meeting
    (for a meeting on the 14th, by the 11th), so they come prepared. cec reads the date it went out
    from `agenda_sent`. When no date is recorded and the last day has passed, that is reported
    too; before then, `cec check` lists the agenda under "What is due next". Cancelled meetings are
    not judged.
    """
    lead = int(ctx.params.get("agenda_lead_days", 3))
    for meeting in _live(ctx.council.meetings):
        if meeting.kind not in COUNCIL_KINDS:
            continue
        due = agenda_due(meeting, lead)
        sent = meeting.agenda_sent
        if sent is None:
            if ctx.as_of > due:
                yield ctx.finding(meeting, f"There is no record that the agenda for the meeting of {meeting.date} "
                                  f"was sent; it should go out at least {_days(lead)} ahead (by {due}).",
                                  f"Send the agenda, then record the date with `cec meeting record {meeting.id} "
                                  "--agenda-sent DATE`.", ("agenda_sent",))
            continue
        ahead = (meeting.date - sent).days
        if ahead >= lead:
            continue
        when = (f"{_days(ahead)} before" if ahead > 0 else
                "the same day" if ahead == 0 else f"{_days(-ahead)} after the meeting")
        yield ctx.finding(meeting, f"The agenda for the meeting of {meeting.date} was sent on {sent}, {when}; "
                          f"it should go out at least {_days(lead)} ahead (by {due}).",
                          f"Send the next agenda {_days(lead)} or more before the meeting; "
                          "`cec check` lists the date under \"What is due next\".", ("agenda_sent",))


@agenda_sent_in_time.due
def agenda_deadlines(ctx):
    """The agenda of each meeting still to come and not yet sent."""
    lead = int(ctx.params.get("agenda_lead_days", 3))
    for meeting in _live(ctx.council.meetings):
        if meeting.kind in COUNCIL_KINDS and upcoming(meeting, ctx.as_of) and not meeting.agenda_sent:
            yield Due(agenda_due(meeting, lead), f"Send the agenda for the meeting of {meeting.date}", meeting,
                      ("agenda_sent",), f"Send it to members, then record the date with `cec meeting record "
                      f"{meeting.id} --agenda-sent DATE`.")


@rule("CEC306", "warning", "all", f"{MS}; {MS_MINUTES}", parameters=("held_attendance_severity",))
def attendance_recorded(ctx):
    """A held meeting records attendance: members present and members absent.

    Minutes must show who attended. For each meeting that has taken place, cec checks that the
    attendance lists the members present and accounts for every member active on that day (as
    present, absent or excused). A meeting marked held without it takes the profile's
    `held_attendance_severity` (an error in Mississippi); a past meeting whose status is not
    recorded takes the rule's severity. Record attendance with `cec meeting attendance`.
    """
    council = ctx.council
    once_held = Severity(ctx.params.get("held_attendance_severity", ctx.severity.value))
    for meeting in _live(council.meetings):
        if meeting.kind not in COUNCIL_KINDS:
            continue
        was_held = held(meeting, ctx.as_of)
        if not (was_held or (meeting.status is None and meeting.date < ctx.as_of)):
            continue
        level = once_held if was_held else ctx.severity
        attendance = meeting.attendance
        if attendance is None or not attendance.present:
            yield ctx.finding(meeting, f"The meeting of {meeting.date} records no members present.",
                              f"Record who came with `cec meeting attendance {meeting.id}`.", ("attendance",),
                              severity=level)
            continue
        listed = {*attendance.present, *attendance.absent, *attendance.excused}
        missing = [m.id for m in council.active_members(meeting.date) if m.id not in listed]
        if missing:
            yield ctx.finding(meeting, f"The attendance for the meeting of {meeting.date} does not say whether "
                              f"{_names(council, missing)} {'was' if len(missing) == 1 else 'were'} present or absent.",
                              f"Record them with `cec meeting attendance {meeting.id} --present IDS --absent IDS "
                              "--excused IDS`.", ("attendance",),
                              severity=level)


@rule("CEC307", "warning", "state", f"{MS_MINUTES}; {MS_SECRETARY}", parameters=("minutes_within_days",))
def minutes_recorded(ctx):
    """Minutes are recorded within 30 days of the meeting and sent to members.

    Mississippi's Open Meetings Act requires minutes to be recorded within a reasonable time, no
    later than 30 days after the meeting (`minutes_within_days`), and the secretary sends the notes
    to members. cec reads `minutes.recorded` and `minutes.sent` for each meeting held: recorded on
    day 30 is in time, day 31 is late. Until the last day, the minutes are listed under "What is
    due next"; after it, missing minutes, and minutes never sent, are reported.
    """
    within = int(ctx.params.get("minutes_within_days", 30))
    for meeting in _live(ctx.council.meetings):
        if meeting.kind not in COUNCIL_KINDS or not held(meeting, ctx.as_of):
            continue
        due = meeting.date + dt.timedelta(days=within)
        minutes = meeting.minutes
        recorded = minutes.recorded if minutes else None
        if recorded is None:
            if ctx.as_of > due:
                yield ctx.finding(meeting, f"No minutes are recorded for the meeting of {meeting.date}; they were due "
                                  f"within {_days(within)} (by {due}).",
                                  "Write up the minutes and record the date with "
                                  f"`cec meeting record {meeting.id} --recorded DATE`.", ("minutes",))
            continue
        late = (recorded - meeting.date).days
        if late > within:
            yield ctx.finding(meeting, f"The minutes of the meeting of {meeting.date} were recorded on {recorded}, "
                              f"{_days(late)} after it; they should be recorded within {_days(within)} (by {due}).",
                              "Record the minutes within 30 days of each meeting.", ("minutes", "recorded"))
        elif minutes.sent is None and ctx.as_of > due:
            yield ctx.finding(meeting, f"The minutes of the meeting of {meeting.date} were recorded on {recorded} "
                              "but there is no record that they were sent to members.",
                              "Send the minutes to members and record the date with "
                              f"`cec meeting record {meeting.id} --sent DATE`.",
                              ("minutes",))


@minutes_recorded.due
def minutes_deadlines(ctx):
    """The minutes of each meeting held and not yet recorded."""
    within = int(ctx.params.get("minutes_within_days", 30))
    for meeting in _live(ctx.council.meetings):
        if (meeting.kind in COUNCIL_KINDS and held(meeting, ctx.as_of)
                and not (meeting.minutes and meeting.minutes.recorded)):
            yield Due(meeting.date + dt.timedelta(days=within), f"Record the minutes of the meeting of {meeting.date}",
                      meeting, ("minutes",), f"Write them up, send them to members, and record the dates with `cec meeting "
                      f"record {meeting.id} --recorded DATE --sent DATE`.")


@rule("CEC308", "warning", "state", f"{MS_MINUTES}(1)")
def votes_recorded(ctx):
    """Every motion voted on records each member's vote.

    Open meetings laws require the minutes to show how each member voted (Mississippi's Open
    Meetings Act, § 25-41-11(1): an error there; New York's Public Officers Law §§ 87(3)(a) and
    106, a record of the final vote of each member: a warning). For each motion at a meeting held,
    every member listed present must appear under `votes` (`for`, `against`, `abstain` or
    `recused`), or the motion records `unanimous: true`: every member present voted for it (`cec
    meeting vote DATE N --unanimous`). A motion that records only its result (a voice vote nobody
    counted) does not say how each member voted. Withdrawn and tabled motions were never voted on
    and are not judged.
    """
    council = ctx.council
    for meeting in _live(council.meetings):
        if not held(meeting, ctx.as_of):
            continue
        present = meeting.attendance.present if meeting.attendance else []
        for index, motion in enumerate(meeting.motions):
            if motion.result in ("withdrawn", "tabled") or motion.unanimous:
                continue
            number = index + 1
            if motion.votes is None:
                yield ctx.finding(meeting, f"The motion “{motion.text}” at the meeting of {meeting.date} records "
                                  "no votes.",
                                  f"Record each member's vote with `cec meeting vote {meeting.id} {number} --for IDS "
                                  "--against IDS`, or --unanimous if every member present voted for it.",
                                  ("motions", index))
                continue
            voters = set(motion.votes.voters())
            missing = [p for p in present if p not in voters]
            if missing:
                yield ctx.finding(meeting, f"The motion “{motion.text}” at the meeting of {meeting.date} does "
                                  f"not record how {_names(council, missing)} voted.",
                                  f"Record every vote again with `cec meeting vote {meeting.id} {number}` (for, "
                                  "against, abstain or recused for each member present).",
                                  ("motions", index, "votes"))


def notice_due(meeting, hours: int) -> dt.date | dt.datetime:
    """When public notice must be posted: `hours` before the start, or whole days before the date if no start."""
    if meeting.start:
        return meeting.starts_at() - dt.timedelta(hours=hours)
    return meeting.date - dt.timedelta(days=math.ceil(hours / 24))


def posted_ahead(meeting, posted: dt.date | dt.datetime) -> str:
    """How long before the meeting a notice went up: "40 hours before it began", "2 days before"."""
    if isinstance(posted, dt.datetime) and meeting.start:
        gap = meeting.starts_at() - posted
        return f"{int(gap.total_seconds() // 3600)} hours before it began"
    day = posted.date() if isinstance(posted, dt.datetime) else posted
    return f"{_days((meeting.date - day).days)} before"


def notice_in_time(meeting, posted: dt.date | dt.datetime, hours: int) -> bool:
    """With a time on both sides, exact hours; otherwise calendar days (72 hours = 3 days before the date)."""
    if isinstance(posted, dt.datetime) and meeting.start:
        return meeting.starts_at() - posted >= dt.timedelta(hours=hours)
    day = posted.date() if isinstance(posted, dt.datetime) else posted
    return (meeting.date - day).days >= math.ceil(hours / 24)


@rule("CEC309", "warning", "state", "NY Public Officers Law § 104", parameters=("notice_hours",))
def notice_posted(ctx):
    """Public notice is posted at least 72 hours before a meeting scheduled a week or more ahead.

    New York's Open Meetings Law requires public notice of the time and place of a meeting
    scheduled at least a week ahead, at least 72 hours before it (`notice_hours`). cec reads
    `notice_posted`: with a date only ("2026-03-06"), it counts calendar days (three or more days
    before the meeting date is in time); with a time ("2026-03-06 16:00"), it counts exact hours to
    the meeting's start. cec does not know when a meeting was scheduled, so every regular meeting is
    judged; special meetings are not, since the law asks for notice to them only "to the extent
    practicable". A missing notice is reported once the last moment to post it has passed.
    """
    hours = int(ctx.params.get("notice_hours", 72))
    for meeting in _live(ctx.council.meetings):
        if meeting.kind != "regular":
            continue
        due = notice_due(meeting, hours)
        posted = meeting.notice_posted
        if posted is None:
            last_day = due.date() if isinstance(due, dt.datetime) else due
            if ctx.as_of > last_day:
                yield ctx.finding(meeting, f"There is no record that public notice of the meeting of {meeting.date} "
                                  f"was posted; it was due {hours} hours ahead (by {_moment(due)}).",
                                  "Post the notice (time, place, how to attend) and record when with "
                                  f"`cec meeting record {meeting.id} --notice-posted \"DATE TIME\"`.", ("notice_posted",))
            continue
        if notice_in_time(meeting, posted, hours):
            continue
        ahead = posted_ahead(meeting, posted)
        yield ctx.finding(meeting, f"Public notice of the meeting of {meeting.date} was posted on {_moment(posted)}, "
                          f"{ahead}; it should be posted at least {hours} hours ahead (by {_moment(due)}).",
                          "Post notice of the next meeting at least 72 hours ahead; `cec check` lists the "
                          "date under \"What is due next\".", ("notice_posted",))


@notice_posted.due
def notice_deadlines(ctx):
    """The public notice of each regular meeting still to come and not yet posted."""
    yield from notice_dues(ctx, int(ctx.params.get("notice_hours", 72)))


def notice_dues(ctx, hours: int):
    for meeting in _live(ctx.council.meetings):
        if meeting.kind == "regular" and upcoming(meeting, ctx.as_of) and meeting.notice_posted is None:
            due = notice_due(meeting, hours)
            timed = isinstance(due, dt.datetime)
            yield Due(due.date() if timed else due, f"Post the public notice for the meeting of {meeting.date}",
                      meeting, ("notice_posted",),
                      f"Post it, then record when with `cec meeting record {meeting.id} --notice-posted \"DATE TIME\"`.",
                      time=f" {due:%H:%M}" if timed else "")


@rule("CEC310", "warning", "state", 'NY-CET "CET as Thought Partner"', parameters=("min_meetings_per_quarter",))
def meetings_per_quarter(ctx):
    """Meetings are regularly scheduled: at least min_meetings_per_quarter (default 1) in each NYSED reporting period.

    New York requires regularly scheduled meetings with the team. cec counts the regular and
    special meetings held in each of NYSED's receivership reporting periods, which are not calendar
    quarters (2025-26 Q2 ran from October 31 to January 30; see the reporting periods in
    docs/format.md, and `reporting_periods` in council.yaml for newer dates). During a period, if
    the meetings held and scheduled fall short, a note says how many to schedule before it ends; a
    meeting on the period's last day counts. Once it has ended, a shortfall is a warning. Periods
    that began before the team was established are not judged; without an `established` date in
    council.yaml, the first meeting on record stands in for it. A period taken from NYSED's usual
    calendar, not from dates NYSED published, is said to be estimated.
    """
    council, needed = ctx.council, int(ctx.params.get("min_meetings_per_quarter", 1))
    established = council.info.established if council.info else None
    if established is None and council.meetings:
        established = min(m.date for m in council.meetings)  # the records start here
    established = ctx.judged_from(established)  # nor periods before records_start
    plural = "" if needed == 1 else "s"
    meetings = [m for m in _live(council.meetings) if m.kind in COUNCIL_KINDS]
    for year in ctx.years():
        for period in ctx.periods(year):
            begin, end = period.start, period.end
            if begin > ctx.as_of or (established and established > begin):
                continue
            inside = [m for m in meetings if begin <= m.date <= end]
            done = sum(1 for m in inside if held(m, ctx.as_of))
            ahead = sum(1 for m in inside if upcoming(m, ctx.as_of))
            span = f"{period.label} ({begin} to {end}{_estimated(period)})"
            if end < ctx.as_of:
                if done < needed:
                    yield ctx.finding("council.yaml", f"{done} of {needed} meeting{plural} held in {span}.",
                                      "Hold at least one meeting in every reporting period; adopt a calendar that "
                                      "spreads them through the year.", severity=ctx.shortfall_severity(True))
            elif done + ahead < needed:
                more = needed - done - ahead
                yield ctx.finding("council.yaml", f"{done} of {needed} meeting{plural} held in "
                                  f"{span}, {ahead} scheduled, {more} more to schedule before {end}.",
                                  "Schedule a meeting with `cec meeting new --date YYYY-MM-DD`.",
                                  severity=ctx.shortfall_severity(False))


def _estimated(period) -> str:
    return f", estimated from the usual {period.source} calendar" if period.estimated else ""


# --- what is recorded ------------------------------------------------------------------------------

@rule("CEC311", "warning", "all", "Good practice: complete meeting records", parameters=("agenda_lead_days",))
def meeting_complete(ctx):
    """A held or scheduled meeting has an agenda; a held meeting has a status, start and end.

    A meeting that has taken place should say so (`status: held`, or `cancelled` if it did not
    happen), when it started and ended, and what was on its agenda. A meeting still to come needs
    its agenda by the day it must be sent (`agenda_lead_days` before it, 3 days when the profile
    sets none); before then, a missing agenda is not reported. A meeting marked held whose date is
    still to come is reported too.
    """
    lead = int(ctx.params.get("agenda_lead_days", 3))
    for meeting in _live(ctx.council.meetings):
        past = meeting.date < ctx.as_of
        was_held = held(meeting, ctx.as_of)
        if past and meeting.status is None:
            yield ctx.finding(meeting, f"The meeting of {meeting.date} has passed but has no status.",
                              f"Record it with `cec meeting held {meeting.id}` (or `cec meeting cancel {meeting.id} "
                              "--reason TEXT` if it did not take place).", ("status",))
        elif past and meeting.status == "scheduled":
            yield ctx.finding(meeting, f"The meeting of {meeting.date} has passed but is still marked scheduled.",
                              f"Record it with `cec meeting held {meeting.id}` (or `cec meeting cancel {meeting.id} "
                              "--reason TEXT`) and record what happened.", ("status",))
        elif meeting.status == "held" and meeting.date > ctx.as_of:
            yield ctx.finding(meeting, f"The meeting of {meeting.date} is marked held, but that date is still to come.",
                              f"Correct the date with `cec meeting move {meeting.id} --to DATE`.", ("status",))
        if not meeting.agenda:
            due = agenda_due(meeting, lead)
            if past or was_held:
                yield ctx.finding(meeting, f"The meeting of {meeting.date} has no agenda items.",
                                  f"Add the items discussed with `cec meeting agenda {meeting.id} add --title TEXT`.", ("agenda",))
            elif ctx.as_of >= due:
                yield ctx.finding(meeting, f"The meeting of {meeting.date} has no agenda yet; it was due to go "
                                  f"out by {due}.", f"Add the items with `cec meeting agenda {meeting.id} add --title TEXT` and send it to members.", ("agenda",))
        if was_held:
            gaps = [name for name in ("start", "end") if getattr(meeting, name) is None]
            if gaps:
                yield ctx.finding(meeting, f"The meeting of {meeting.date} was held but records no "
                                  f"{' or '.join(gaps)} time.",
                                  'Record when it began and ended, such as `start: "18:00"` and `end: "19:15"`.',
                                  (gaps[0],))


@rule("CEC312", "info", "all", "Good practice: a quorum is a majority of members")
def quorum(ctx):
    """A motion was carried with fewer than a majority of active members present (no quorum).

    Unless the council's own rules say otherwise, a council can only decide with a quorum: more
    than half of its members present. cec compares the members present at a meeting with the
    members active on that day, and notes each motion carried without a majority present, or at a
    meeting whose minutes say the quorum was not confirmed (`quorum: not-confirmed`). Such a
    decision may need to be ratified at a later meeting with a quorum.
    """
    council = ctx.council
    for meeting in _live(council.meetings):
        if meeting.quorum == "not-confirmed":
            for index, motion in enumerate(meeting.motions):
                if motion.result == "carried":
                    yield ctx.finding(meeting, f"Motion {index + 1} (“{motion.text}”) was carried at the meeting of "
                                      f"{meeting.date}, whose minutes record that a quorum was not confirmed.",
                                      "Ratify the decision at a meeting with a quorum.", ("motions", index, "result"))
            continue
        if meeting.attendance is None or not meeting.attendance.present:
            continue  # minutes that record only `quorum: present` name nobody to count
        active = {m.id for m in council.active_members(meeting.date)}
        present = len(active & set(meeting.attendance.present))
        majority = len(active) // 2 + 1
        if not active or present >= majority:
            continue
        for index, motion in enumerate(meeting.motions):
            if motion.result == "carried":
                yield ctx.finding(meeting, f"The motion “{motion.text}” was carried at the meeting of {meeting.date} "
                                  f"with {present} of {len(active)} active members present, fewer than a "
                                  f"majority ({majority}).",
                                  "Ratify the decision at a meeting with a quorum, or record the missing "
                                  "members in `attendance: present`.", ("motions", index, "result"))


# --- New York: minutes and records available; Mississippi: special meetings -----------------------

@rule("CEC313", "warning", "state", "NY Public Officers Law § 106(3)", parameters=("minutes_available_days",))
def minutes_available(ctx):
    """Minutes (at least the motions and the votes on them) are available within minutes_available_days (default 14) days of the meeting.

    New York's Open Meetings Law makes the minutes of a meeting (a record of every motion, proposal
    and resolution and the vote on it) available to the public within two weeks of the meeting
    (`minutes_available_days`). cec reads `minutes.recorded` for each meeting held: recorded on day
    14 is in time, day 15 is late. Until the last day the minutes are listed under "What is due
    next"; after it, missing minutes are reported.
    """
    within = int(ctx.params.get("minutes_available_days", 14))
    for meeting in _live(ctx.council.meetings):
        if meeting.kind not in COUNCIL_KINDS or not held(meeting, ctx.as_of):
            continue
        due = meeting.date + dt.timedelta(days=within)
        recorded = meeting.minutes.recorded if meeting.minutes else None
        if recorded is None:
            if ctx.as_of > due:
                yield ctx.finding(meeting, f"No minutes are recorded for the meeting of {meeting.date}; they were to "
                                  f"be available within {_days(within)} (by {due}).",
                                  "Write up the minutes (at least each motion and the vote on it), make them "
                                  "available, and record the date (`cec meeting record DATE --recorded ...`).",
                                  ("minutes",))
        elif (recorded - meeting.date).days > within:
            yield ctx.finding(meeting, f"The minutes of the meeting of {meeting.date} were recorded on {recorded}, "
                              f"{_days((recorded - meeting.date).days)} after it; they should be available within "
                              f"{_days(within)} (by {due}).",
                              f"Make the minutes available within {_days(within)} of each meeting; draft minutes "
                              "marked as such are enough.", ("minutes", "recorded"))


@minutes_available.due
def minutes_available_deadlines(ctx):
    within = int(ctx.params.get("minutes_available_days", 14))
    for meeting in _live(ctx.council.meetings):
        if (meeting.kind in COUNCIL_KINDS and held(meeting, ctx.as_of)
                and not (meeting.minutes and meeting.minutes.recorded)):
            yield Due(meeting.date + dt.timedelta(days=within), f"Make the minutes of the meeting of {meeting.date} "
                      "available", meeting, ("minutes",), "Record the date under `minutes: recorded:`.")


@rule("CEC314", "info", "state", "NY Public Officers Law § 103(e)", parameters=("documents_hours",))
def documents_posted_ahead(ctx):
    """Records to be discussed were posted at least 24 hours before the meeting where practicable.

    New York's Open Meetings Law asks that the records to be discussed at a meeting (the proposals,
    resolutions, reports and policies on the agenda) be made available on request, and posted on
    the website where there is one, at least 24 hours before the meeting where practicable
    (`documents_hours`). cec reads `documents_posted` ("2026-03-16 17:00") and notes a meeting
    whose records were posted later than that; a date without a time counts in calendar days
    (the day before the meeting is in time). A meeting with no `documents_posted` is not judged,
    since not every meeting has records to post.
    """
    hours = int(ctx.params.get("documents_hours", 24))
    for meeting in _live(ctx.council.meetings):
        posted = meeting.documents_posted
        if posted is None or meeting.kind not in COUNCIL_KINDS or notice_in_time(meeting, posted, hours):
            continue
        yield ctx.finding(meeting, f"The records for the meeting of {meeting.date} were posted on {_moment(posted)}, "
                          f"less than {hours} hours before it (by {_moment(notice_due(meeting, hours))}).",
                          f"Post the records to be discussed on the website at least {hours} hours ahead when "
                          "you can.", ("documents_posted",))


@rule("CEC316", "error", "state", "Miss. Code Ann. § 25-41-13(1)", parameters=("special_notice_minutes",))
def special_meeting_notice(ctx):
    """A special meeting's notice (date, time, place, subject) was posted within one hour after the meeting was called.

    Mississippi's Open Meetings Act requires notice of a special (or recess) meeting, with its date,
    time, place and subject matter, to be posted within one hour after the meeting is called
    (`special_notice_minutes`, 60). cec reads `called` and `notice_posted` on each special meeting,
    both as "YYYY-MM-DD HH:MM": posted 60 minutes after the call is in time, 61 is late. A special
    meeting that has taken place without both recorded is reported, since the record cannot show
    the notice was in time; a date without a time is in time only when it is the day of the call.
    """
    limit = int(ctx.params.get("special_notice_minutes", 60))
    for meeting in _live(ctx.council.meetings):
        if meeting.kind != "special":
            continue
        called, posted = meeting.called, meeting.notice_posted
        if called is None or posted is None:
            if meeting.date < ctx.as_of or held(meeting, ctx.as_of):
                gaps = [name for name, value in (("called", called), ("notice_posted", posted)) if value is None]
                yield ctx.finding(meeting, f"The special meeting of {meeting.date} does not record "
                                  f"{' or '.join(_SPECIAL_WORDS[g] for g in gaps)}.",
                                  "Record `called` and `notice_posted` as \"YYYY-MM-DD HH:MM\": notice must be "
                                  f"posted within {limit} minutes after the meeting is called.", (gaps[0],))
            continue
        if isinstance(called, dt.datetime) and isinstance(posted, dt.datetime):
            late = posted - called > dt.timedelta(minutes=limit)
            gap = f"{int((posted - called).total_seconds() // 60)} minutes after it was called"
        else:
            day = lambda v: v.date() if isinstance(v, dt.datetime) else v  # noqa: E731
            late = day(posted) > day(called)
            gap = "on a later day than it was called"
        if late:
            yield ctx.finding(meeting, f"Notice of the special meeting of {meeting.date} was posted at "
                              f"{_moment(posted)}, {gap} ({_moment(called)}); it must be posted within {limit} "
                              "minutes.", "Post notice of a special meeting (date, time, place and subject) "
                              "within one hour of calling it.", ("notice_posted",))


_SPECIAL_WORDS = {"called": "when it was called", "notice_posted": "when its notice was posted"}
