"""CEC4xx: goals, New York's plan and quarterly reports, public reporting and recommendations."""

from __future__ import annotations

from cecli.model.plan import COMPONENTS
from cecli.rules import Due, rule

MS_GUIDANCE = "MS-CEC"
NY_CET = "NY-CET"


def _file_or_council(ctx, file: str, path: tuple):
    """`path` in `file` when the council has that file, else council.yaml (the file is missing)."""
    if file in ctx.council.sources:
        return file, path
    return "council.yaml", ()


def _unreadable(ctx, file: str, value) -> bool:
    """The file exists but nothing in it could be read (CEC001/CEC002 say why): judge nothing from it."""
    return value is None and file in ctx.council.damaged


def _year_end(ctx, year: str):
    return ctx.council.year_bounds(year)[1]


def _listing(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" and {words[-1]}"


# --- CEC401 ---------------------------------------------------------------------------------------

@rule("CEC401", "warning", "state", MS_GUIDANCE)
def goals_rest_on_data(ctx):
    """The school year has at least one goal, set after a review of data, and each goal names its data.

    Mississippi's guidance asks each council to set goals every year, aligned with the
    school's or district's improvement efforts, after reviewing data: the improvement or strategic
    plan, the school or district report card, and climate data (discipline, attendance, staff
    turnover). cec checks goals.yaml for every school year up to the current one: at least one
    entry under `data_reviewed` and at least one goal, and each goal's `data` names sources that
    were reviewed that year. Until a school year ends, missing goals or reviews are shown as advice.

    To fix it, record the data the council reviewed (source, date, meeting) and the goals it set
    for the year, and list under each goal's `data` the sources it rests on.
    """
    goals = ctx.council.goals
    if _unreadable(ctx, "goals.yaml", goals):
        return
    for year in ctx.years():
        entry = goals.years.get(year) if goals else None
        yield from _year_shortfall(ctx, year, entry)
        if entry is None:
            continue
        reviewed = {review.source for review in entry.data_reviewed}
        for goal in entry.goals:
            yield from _goal_data(ctx, year, goal, reviewed)


def _year_shortfall(ctx, year, entry):
    missing = []
    if entry is None or not entry.data_reviewed:
        missing.append("review of data")
    if entry is None or not entry.goals:
        missing.append("goal")
    if not missing:
        return
    if entry is not None:
        target, path = entry, ()
    else:
        target, path = _file_or_council(ctx, "goals.yaml", ("years",))
    what = " and no ".join(missing)
    yield ctx.finding(target, f"No {what} is recorded for {year}.",
                      f"Review the school's data (report card, improvement plan, climate data), then record "
                      f"the review and the goals set from it in goals.yaml under \"{year}\" (by {_year_end(ctx, year)}).",
                      path=path, severity=ctx.shortfall_severity(ctx.year_over(year)))


def _goal_data(ctx, year, goal, reviewed: set[str]):
    if not goal.data:
        yield ctx.finding(goal, f"Goal `{goal.id}` does not say which data it rests on.",
                          "Name the reviewed sources it rests on, such as school-report-card, with "
                          "`cec goal edit N --data SOURCE` (N from `cec goal list`).")
        return
    for index, source in enumerate(goal.data):
        if source not in reviewed:
            yield ctx.finding(goal, f"Goal `{goal.id}` rests on {source}, but no review of {source} is recorded "
                              f"for {year}.",
                              f"Record the review with `cec goal review --source {source} --year {year} --date DATE`, "
                              "or correct the goal's data with `cec goal edit N --data SOURCE`.",
                              path=("data", index))


# --- CEC402 ---------------------------------------------------------------------------------------

@rule("CEC402", "error", "state", "Miss. Code Ann. § 37-18-5")
def public_report_each_year(ctx):
    """At least one public progress report to the community in the school year.

    A Community Engagement Council reports its progress publicly, at least once a school year: a
    presentation, newsletter, video, web post, school board presentation or town hall. cec looks in
    reports.yaml (`public_reports`) for a report dated in each school year up to the as-of date. A
    report dated later than the as-of date counts as planned, not given. Until the school year
    ends, a missing report is shown as advice with the days left.

    To fix it, report to the community and record the date, title and format under
    `public_reports` (with evidence: slides, the newsletter, a link).
    """
    reports = ctx.council.reports
    if _unreadable(ctx, "reports.yaml", reports):
        return
    given = reports.public_reports if reports else []
    target, path = _file_or_council(ctx, "reports.yaml", ("public_reports",))
    for year in ctx.years():
        begin, end = ctx.council.year_bounds(year)
        dates = sorted(r.date for r in given if begin <= r.date <= end)
        if any(d <= ctx.as_of for d in dates):
            continue
        over = ctx.year_over(year)
        if over:
            message = f"No public progress report to the community was given in {year}."
        else:
            planned = [d for d in dates if d > ctx.as_of]
            later = f" (one is planned for {planned[0]})" if planned else ""
            days = (end - ctx.as_of).days
            message = f"No public progress report has been given yet in {year}{later}; {days} days left."
        yield ctx.finding(target, message,
                          f"Report progress to the community{'' if over else f' before {end}'} and record it "
                          "with `cec report add --date DATE --title TEXT`.",
                          path=path, severity=ctx.shortfall_severity(over))


# --- CEC403 ---------------------------------------------------------------------------------------

def _signed_documents(reports):
    if reports.continuation_plan is not None:
        yield reports.continuation_plan, "The Continuation Plan"
    for report in reports.quarterly_reports:
        yield report, f"The quarterly report for {report.period}"


def _is_building_admin(member) -> bool:
    return bool(member.building_admin) or member.category == "principal"


@rule("CEC403", "error", "state", NY_CET)
def signed_by_non_administrator(ctx):
    """The Continuation Plan and each quarterly report are signed by a team member who is not a building administrator.

    New York requires a member of the Community Engagement Team, other than a school building
    administrator, to sign the Continuation Plan and each quarterly report, attesting that the team
    was engaged. There is one quarterly report for each NYSED reporting period, due on the period's
    last day (see the reporting periods in docs/format.md); a report's own `due` date, when
    recorded, wins. cec checks reports.yaml: each period whose due date has passed, from the one in
    which the team was established, has a report recorded under its `period` ("2025-26 Q2"); each
    `signed_by` names a member who is not a building administrator (`building_admin: true` in the
    roster, or the principal) and who was active on `signed_on` (or, if that is missing, on the
    `submitted` date): a member who left the day before signing was not. A document not yet signed
    is shown as advice until it is submitted or its due date passes. A due date taken from NYSED's
    usual calendar, not from dates it published, is given as "due about".

    To fix it, have an eligible member (a parent, teacher, student or community member) sign, and
    record `signed_by` and `signed_on`.
    """
    reports = ctx.council.reports
    if reports is None and _unreadable(ctx, "reports.yaml", reports):
        return
    yield from _missing_quarterly_reports(ctx)
    if reports is None:
        return
    for document, label in _signed_documents(reports):
        if not document.signed_by:
            yield from _unsigned(ctx, document, label)
            continue
        member = ctx.council.member(document.signed_by)
        if member is None:
            continue  # CEC004 reports the unknown id
        yield from _signer(ctx, document, label, member)


def _judged_periods(ctx):
    """The reporting periods the team answers for: from the one it was established in (or the
    council's records start) up to the as-of date."""
    info = ctx.council.info
    if info is None or info.established is None:
        return
    start = max(info.established, getattr(info, "records_start", None) or info.established)
    for year in ctx.years():
        for period in ctx.periods(year):
            if period.end >= start and period.start <= ctx.as_of:
                yield period


def _period_of(ctx, report):
    """The reporting period a quarterly report is for (None when its `period` names none)."""
    label = report.period.strip()
    year = label[:7]
    for period in ctx.periods(year) if len(label) == 10 and label[4] == "-" else []:
        if period.label == label:
            return period
    return None


def due_of(ctx, report):
    """A quarterly report's due date and how to say it: its own `due`, else its period's."""
    period = _period_of(ctx, report)
    if report.due:
        return report.due, f"due on {report.due}"
    if period is not None:
        return period.due, period.due_text() if period.estimated else f"due on {period.due}"
    return None, ""


def _missing_quarterly_reports(ctx):
    recorded = {r.period.strip() for r in (ctx.council.reports.quarterly_reports if ctx.council.reports else [])}
    target, path = _file_or_council(ctx, "reports.yaml", ("quarterly_reports",))
    for period in _judged_periods(ctx):
        if period.label in recorded or period.due >= ctx.as_of:
            continue
        yield ctx.finding(target, f"No quarterly report is recorded for {period.label} ({period.start} to "
                          f"{period.end}), {period.due_text().replace('due ', 'which was due ', 1)}.",
                          f'Record it in reports.yaml under `quarterly_reports` (period: "{period.label}") with '
                          "who signed it and when (`cec sign quarterly`).", path=path, key=bool(path))


def _unsigned(ctx, document, label):
    due, due_words = due_of(ctx, document) if hasattr(document, "period") else (None, "")
    if document.submitted:
        yield ctx.finding(document, f"{label} was submitted on {document.submitted} without a signature.",
                          "Have a team member who is not a building administrator sign it; record `signed_by`.",
                          path=("submitted",))
    elif due and due < ctx.as_of:
        yield ctx.finding(document, f"{label} was {due_words} and is not signed.",
                          "Have a team member who is not a building administrator sign it; record `signed_by`.",
                          path=("due",))
    else:
        when = f" before it is {due_words}" if due else " before it is submitted"
        yield ctx.finding(document, f"{label} still needs a signature{when}.",
                          "A team member who is not a building administrator signs it; record `signed_by` and "
                          "`signed_on`.", severity=ctx.shortfall_severity(False))


def _signer(ctx, document, label, member):
    if _is_building_admin(member):
        yield ctx.finding(document, f"{label} was signed by {member.name}, a school building administrator.",
                          "Have another team member (a parent, teacher, student or community member) sign it.",
                          path=("signed_by",))
    day = document.signed_on or document.submitted
    if day is None:
        yield ctx.finding(document, f"{label} does not record when {member.name} signed it.",
                          "Add `signed_on:` with the signing date.", path=("signed_by",))
    elif not member.active_on(day):
        yield ctx.finding(document, f"{label} was signed on {day} by {member.name}, who was not a team member "
                          "that day.", "Check the signing date and the member's start_date and end_date; if they "
                          "are right, have a current member sign it.",
                          path=("signed_on",) if document.signed_on else ("signed_by",))


@signed_by_non_administrator.due
def quarterly_report_deadlines(ctx):
    """Each quarterly report not yet submitted, due on its due date."""
    reports = ctx.council.reports
    recorded = {}
    for report in reports.quarterly_reports if reports else []:
        recorded[report.period.strip()] = report
        due, _words = due_of(ctx, report)
        if due and not report.submitted:
            yield Due(due, ctx.profile.word("quarterly_report_due", period=report.period)
                      or f"Sign and submit the quarterly report for {report.period}", report,
                      ("due",) if report.due else ("period",),
                      ctx.profile.word("quarterly_report_hint", period=report.period))
    target, path = _file_or_council(ctx, "reports.yaml", ("quarterly_reports",))
    for period in _judged_periods(ctx):
        if period.label not in recorded and period.due >= ctx.as_of:
            yield Due(period.due, ctx.profile.word("quarterly_report_due", period=period.label)
                      or f"Sign and submit the quarterly report for {period.label}", target, path,
                      ctx.profile.word("quarterly_report_hint", period=period.label), note=", estimated" if period.estimated else "")


# --- CEC404 ---------------------------------------------------------------------------------------

@rule("CEC404", "error", "state", "NY-CET \"Community Engagement Plan\"")
def plan_has_seven_components(ctx):
    """The Community Engagement Plan covers all seven components.

    New York asks each school under Receivership to write a Community Engagement Plan as part of
    its Continuation Plan, covering: how stakeholders were consulted (`consultation`), how members
    are identified and selected (`selection`), the expected involvement of all parties
    (`involvement`), how the team conducts meetings and formulates recommendations (`meetings`),
    how it solicits public input (`public_input`), how it makes recommendations and is informed
    about the Continuation Plan (`recommendations`), and how it coordinates with the school's
    shared decision making or leadership team (`coordination`). cec checks that plan.yaml has text
    under each of these `components`.

    To fix it, write the missing components in plan.yaml; `cec plan` then produces the document.
    """
    plan = ctx.council.plan
    if _unreadable(ctx, "plan.yaml", plan):
        return
    if plan is None:
        yield ctx.finding("council.yaml", "No Community Engagement Plan is recorded (plan.yaml is missing).",
                          "Write the plan's seven components in plan.yaml under `components:`.")
        return
    missing = plan.components.missing()
    if missing:
        headings = [COMPONENTS[name][0].lower() + COMPONENTS[name][1:] for name in missing]
        yield ctx.finding(plan, f"The Community Engagement Plan does not cover {len(missing)} of its 7 components: "
                          f"{'; '.join(headings)}.",
                          f"Write {_listing([f'`{name}`' for name in missing])} under `components:` in plan.yaml.",
                          path=("components",))


# --- CEC405 ---------------------------------------------------------------------------------------

@rule("CEC405", "error", "state", 'NY-CET "Community Engagement Plan"')
def plan_update_each_quarter(ctx):
    """Each NYSED reporting period has an update on the Community Engagement Plan's implementation, dated within the period.

    New York will also require the school to give a quarterly update on how the Community
    Engagement Plan is being carried out, shown through active engagement with the team. cec looks
    in plan.yaml (`updates`) for an update dated within each of NYSED's reporting periods (not
    calendar quarters: 2025-26 Q2 ran from October 31 to January 30; see docs/format.md); an update
    on a period's last day counts for it. Periods that began before `established` are not checked.
    Until a period ends, a missing update is shown as advice; a period from NYSED's usual calendar,
    not from dates it published, is said to be estimated.

    To fix it, give the team the update (usually at a meeting) and record its date, summary and
    meeting under `updates` in plan.yaml.
    """
    info = ctx.council.info
    if info is None or info.established is None or _unreadable(ctx, "plan.yaml", ctx.council.plan):
        return
    updates = ctx.council.plan.updates if ctx.council.plan else []
    target, path = _file_or_council(ctx, "plan.yaml", ("updates",))
    if ctx.council.plan is not None and not ctx.council.plan.updates:
        target, path = _file_or_council(ctx, "plan.yaml", ())
    for year in ctx.years():
        for period in ctx.periods(year):
            begin, end = period.start, period.end
            if begin < info.established or begin > ctx.as_of:
                continue
            if any(begin <= u.date <= end for u in updates):
                continue
            over = end < ctx.as_of
            estimated = f", estimated from the usual {period.source} calendar" if period.estimated else ""
            message = (f"No update on the Community Engagement Plan is recorded for {period.label} ({begin} to {end}"
                       f"{estimated})." if over else
                       f"No update on the Community Engagement Plan yet for {period.label}; it ends {end}{estimated}.")
            yield ctx.finding(target, message,
                              "Give the team an update on the plan's implementation and record it under `updates` "
                              "in plan.yaml (date, summary, meeting).",
                              path=path, severity=ctx.shortfall_severity(over))


# --- CEC406 ---------------------------------------------------------------------------------------

@rule("CEC406", "info", "state", MS_GUIDANCE)
def recommendation_addressed(ctx):
    """A recommendation is addressed to school or district leadership or the board.

    Councils do not set policy; they recommend policies or changes to school leadership, district
    leadership or the school board, who decide. cec checks that each recommendation in
    recommendations.yaml says who it went to (`to`: school-leadership, district-leadership or
    school-board).

    To fix it, add `to:` to the recommendation with whom it was given to.
    """
    recommendations = ctx.council.recommendations
    if recommendations is None:
        return
    words = ctx.profile.vocabularies.get("to", ())
    for item in recommendations.recommendations:
        if not item.to:
            yield ctx.finding(item, f"Recommendation `{item.id}` does not say to whom it was made.",
                              f"Add `to:` ({', '.join(words)}); the council recommends, leadership or the board decides.")
        elif item.to not in words:
            yield ctx.finding(item, f"Recommendation `{item.id}` is addressed to `{item.to}`, not to school or "
                              "district leadership or the board.",
                              f"Councils recommend to {', '.join(words)}; address it to one of them.",
                              path=("to",))


# --- CEC407 ---------------------------------------------------------------------------------------

@rule("CEC407", "warning", "state",
      'NYSED receivership quarterly report template ("must be posted on the district web-site")')
def quarterly_report_posted(ctx):
    """Each quarterly report was posted on the district website by its due date.

    NYSED's quarterly report template says the report must be posted on the district's website.
    cec checks each quarterly report in reports.yaml whose due date (its own `due`, else its
    reporting period's last day) has passed, or that records a `posted` date: `posted` is on or
    before the due date (posting on the due date is in time), and `link` says where it is.

    To fix it, post the report on the district website and record the date under `posted` and the
    address under `link`.
    """
    reports = ctx.council.reports
    for report in reports.quarterly_reports if reports else []:
        due, due_words = due_of(ctx, report)
        label = f"The quarterly report for {report.period}"
        if report.posted is None:
            if due and due < ctx.as_of:
                yield ctx.finding(report, f"{label} is not recorded as posted on the district website; it was "
                                  f"{due_words}.", "Post it on the district website and record `posted` (the date) "
                                  "and `link` (where it is).", ("period",))
            continue
        if due and report.posted > due:
            yield ctx.finding(report, f"{label} was posted on the district website on {report.posted}, after it "
                              f"was {due_words}.", "Post each quarterly report on the district website by its due "
                              "date.", ("posted",))
        if not (report.link or "").strip():
            yield ctx.finding(report, f"{label} was posted on {report.posted} but the record does not say where.",
                              "Add `link:` with the address of the report on the district website.", ("posted",))


@quarterly_report_posted.due
def quarterly_report_posting_deadlines(ctx):
    reports = ctx.council.reports
    for report in reports.quarterly_reports if reports else []:
        due, _words = due_of(ctx, report)
        if due and report.posted is None:
            yield Due(due, f"Post the quarterly report for {report.period} on the district website", report,
                      ("due",) if report.due else ("period",), "Record `posted` and `link` once it is up.")
