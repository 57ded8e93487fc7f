"""`cec publish` as a library: the council's public site (HTML) and meeting calendar (.ics).

    files = build_site(council, as_of)   # relative path -> bytes; nothing written
    write_site(files, Path("site"))

Public output never holds an email, phone, note or the name of a student without
`public_name: true` (see cecli.privacy). Same records and date → same bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cecli.council import Council
from cecli.evidence import held, upcoming
from cecli.output import write_files
from cecli.privacy import (Redactor, presenter_label, public_label, read_evidence, require_readable_roster,
                           shareable_evidence)
from cecli.publish.calendar import calendar_ics
from cecli.publish.environment import site_environment

__all__ = ["build_site", "write_site", "publish_date", "calendar_ics"]

PAGES = ("index", "members", "meetings", "goals", "reports", "join")


def publish_date(root: Path) -> dt.date:
    """The date the site speaks as of: the date of the commit the council is at, else today."""
    from cecli.export.gitinfo import git_state

    return git_state(root).committed_on or dt.date.today()


def _status(meeting, as_of: dt.date) -> str:
    """What a meeting without a recorded `status` is: held (cecli.evidence.held), to come, or unknown."""
    if held(meeting, as_of):
        return "held"
    return "scheduled" if meeting.date >= as_of else "not recorded as held"


def plural_statement(statement: str) -> str:
    """The profile's open-meeting statement said of all the council's meetings, for a page that
    lists many: "This meeting is open..." -> "These meetings are open..."."""
    singular = "This meeting is "
    if statement.startswith(singular):
        return "These meetings are " + statement[len(singular):]
    return statement


def _meeting_view(council: Council, meeting, as_of: dt.date) -> dict:
    place = meeting.location or (council.info.meeting_place if council.info else None) or ""
    approved = bool(meeting.minutes and meeting.minutes.approved)
    view = {
        "id": meeting.id, "title": meeting.display_title, "kind": meeting.kind, "date": meeting.date,
        "start": meeting.start, "end": meeting.end, "place": place, "virtual_link": meeting.virtual_link or "",
        "status": meeting.status or _status(meeting, as_of),
        "cancelled": meeting.status == "cancelled", "upcoming": upcoming(meeting, as_of),
        "open_to_public": meeting.open_to_public is not False,
        "agenda": [{"title": i.title, "minutes": i.minutes, "presenter": ", ".join(presenter_label(council, p) for p in i.presenting)}
                   for i in meeting.agenda],
        "minutes_approved": meeting.minutes.approved if approved else None,
        "summary": (meeting.minutes.summary or "") if approved else "",
        "record": None,
    }
    if approved:
        # the approved minutes, as the minutes document and the export print them (cecli.minutes)
        from cecli.minutes import minutes_view

        view["record"] = minutes_view(council, meeting)
    return view


def _members_view(council: Council, as_of: dt.date) -> tuple[list[dict], list[dict]]:
    def row(member) -> dict:
        named = member.may_be_named_publicly
        return {"name": member.name if named else public_label(member), "named": named,
                "roles": member.roles_on(min(as_of, member.end_date) if member.end_date else as_of),
                "category": member.category,
                "start": member.start_date, "end": member.end_date}

    officers = {"chair": 0, "co-chair": 1, "vice-chair": 2, "secretary": 3, "communications-liaison": 4}
    current = [m for m in council.members if m.active_on(as_of)]
    current.sort(key=lambda m: (min((officers.get(r, 9) for r in m.roles_on(as_of)), default=10),
                                not m.may_be_named_publicly, m.name.lower() if m.may_be_named_publicly else ""))
    former = sorted((m for m in council.members if m.end_date and m.end_date < as_of),
                    key=lambda m: (m.end_date, m.name.lower()), reverse=True)
    return [row(m) for m in current], [row(m) for m in former if m.may_be_named_publicly]


def body_word(profile) -> str:
    """What the profile calls the body itself, as a parent would say it: the last word of its
    `council_term` ("Team" for a Community Engagement Team, "Council" for a Council); a profile
    may say so itself with `body_word`."""
    if profile is None:
        return "council"
    return getattr(profile, "body_word", None) or profile.council_term.split()[-1]


def _join_view(council: Council, as_of: dt.date) -> dict:
    """What the "How to join" page says: the nomination window, information sessions and elections."""
    from cecli.documents.recruiting import current_nominations, return_ways

    outreach = council.outreach
    found = current_nominations(council, as_of)
    from cecli.textfmt import long_date

    nominations = None
    if found and (found.opened or found.closed):
        opened, closed = found.opened, found.closed
        if opened and as_of < opened:
            said = f"Nominations open on {long_date(opened)}" + (f" and close on {long_date(closed)}." if closed else ".")
        elif closed and as_of > closed:
            said = f"Nominations closed on {long_date(closed)}."
        else:
            said = "Nominations are open" + (f" until {long_date(closed)}." if closed else ".")
        ways = return_ways(council, found.methods)
        how = (", ".join(ways[:-1]) + " or " + ways[-1]) if len(ways) > 1 else "".join(ways)
        nominations = {"said": said, "how": how}
    sessions = sorted((s for s in (outreach.info_sessions if outreach else []) if s.date >= as_of), key=lambda s: s.date)
    elections = sorted(outreach.elections if outreach else [], key=lambda e: e.date)
    return {
        "nominations": nominations,
        "sessions": [{"date": s.date, "start": s.start, "end": s.end, "place": s.location or ""} for s in sessions],
        "upcoming_elections": [{"date": e.date, "title": e.title or "", "seats": e.seats} for e in elections if e.date >= as_of],
        "past_elections": [{"date": e.date, "title": e.title or "", "seats": e.seats} for e in elections if e.date < as_of][-2:],
    }


def _plan_view(council: Council) -> dict | None:
    from cecli.model.plan import COMPONENTS

    plan = council.plan
    if plan is None:
        return None
    components = []
    for key, heading in COMPONENTS.items():
        text = getattr(plan.components, key) or ""
        paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip()]
        components.append({"heading": heading, "paragraphs": paragraphs})
    return {"school_year": plan.school_year or "", "adopted": plan.adopted, "components": components,
            "updates": [{"date": u.date, "period": u.period or "", "summary": u.summary}
                        for u in sorted(plan.updates, key=lambda u: u.date, reverse=True)]}


def _quarterly_view(council: Council, as_of: dt.date) -> list[dict]:
    """New York's quarterly reports as of `as_of`: submitted and signed only once they were."""
    reports = council.reports
    rows = []
    for report in (reports.quarterly_reports if reports else []):
        due, estimated = council.report_due(report)
        signed = report.signed_by and (report.signed_on is None or report.signed_on <= as_of)
        signer = council.member(report.signed_by) if signed else None
        submitted = report.submitted if report.submitted and report.submitted <= as_of else None
        rows.append({"period": report.period, "due": due, "estimated": estimated, "submitted": submitted,
                     "signed_by": public_label(signer) if signer else "",
                     "signed_on": report.signed_on if signer else None})
    return rows


def _documents(council: Council, meetings: list[dict], as_of: dt.date, pdf: bool) -> tuple[dict[str, bytes], dict[str, list]]:
    """With `pdf`: each meeting's agenda (not for a cancelled meeting) and its approved minutes as
    tagged PDF, filtered as posted documents are, under meetings/<id>/; and the interest form."""
    if not pdf:
        return {}, {}
    from cecli.documents import interest_form
    from cecli.documents.meetings import agenda, minutes, posted
    from cecli.documents.pdf import find_soffice, to_pdf

    if find_soffice() is None:
        return {}, {}
    docx: dict[str, bytes] = {}
    links: dict[str, list] = {}
    by_id = {m.id: m for m in council.meetings}
    for view in meetings:
        meeting = by_id[view["id"]]
        if not view["cancelled"]:
            docx[f"meetings/{meeting.id}/agenda.docx"] = posted(council, agenda(council, meeting))
            links.setdefault(meeting.id, []).append(("Agenda", f"{meeting.id}/agenda.pdf"))
        if view["minutes_approved"]:
            docx[f"meetings/{meeting.id}/minutes.docx"] = posted(council, minutes(council, meeting))
            links.setdefault(meeting.id, []).append(("Approved minutes", f"{meeting.id}/minutes.pdf"))
    docx["files/interest-form.docx"] = interest_form(council, as_of)
    return to_pdf(docx, as_of), links


def build_site(council: Council, as_of: dt.date, pdf: bool = False) -> dict[str, bytes]:
    """The site's files. With `pdf`, agendas, approved minutes and the interest form as tagged PDF
    too (nothing when LibreOffice is missing: the command says so)."""
    require_readable_roster(council)
    redact = Redactor(council)
    env = site_environment(redact)
    profile = council.profile
    info = council.info
    meetings = [_meeting_view(council, m, as_of) for m in sorted(council.meetings, key=lambda m: (m.date, m.id))]
    files: dict[str, bytes] = {}
    reports = []
    for report in sorted(council.reports.public_reports if council.reports else [], key=lambda r: r.date, reverse=True):
        links = []
        if report.link:
            links.append({"href": report.link, "label": "View online"})
        for rel in report.evidence:
            found = shareable_evidence(council.root, rel)
            data = read_evidence(council.root, found) if found else None
            if data is not None:
                files[f"files/{found}"] = data
                links.append({"href": f"files/{found}", "label": found.rsplit("/", 1)[-1]})
        reports.append({"date": report.date, "title": report.title, "format": report.format or "", "links": links})
    goals = []
    if council.goals:
        for year in sorted(council.goals.years, reverse=True):
            entry = council.goals.years[year]
            goals.append({"year": year, "data_reviewed": entry.data_reviewed, "goals": entry.goals})
    current, former = _members_view(council, as_of)
    downloads, links = _documents(council, meetings, as_of, pdf)
    files.update(downloads)
    for view in meetings:
        view["documents"] = [{"label": label, "href": href, "size": len(downloads[f"meetings/{href}"])}
                             for label, href in links.get(view["id"], [])]
    plan = _plan_view(council)
    quarterly = _quarterly_view(council, as_of)
    contact = info.contact if info and info.contact else None
    upcoming_meetings = [m for m in meetings if m["upcoming"]]
    common = {
        "council": {
            "name": council.name,
            "term": profile.council_term if profile else "council",
            "short": profile.short_term if profile else "",
            "state": profile.state if profile else "",
            "purpose": (info.purpose if info else None) or "",
            "district": info.district.name if info and info.district else "",
            "schools": [s.name for s in info.schools] if info else [],
            "place": (info.meeting_place if info else None) or "",
            "website": (info.website if info else None) or "",
            "word": body_word(profile),
            "contact": {"email": contact.email or "", "phone": contact.phone or "",
                        "address": contact.address or ""} if contact else None,
        },
        "statement": profile.open_meeting_statement if profile else "",
        "statement_all": plural_statement(profile.open_meeting_statement) if profile else "",
        "as_of": as_of,
        "pages": [("index.html", "Home"), ("members.html", "Members"), ("meetings.html", "Meetings"),
                  ("goals.html", "Goals")] + ([("plan.html", "Plan")] if plan else [])
                 + [("reports.html", "Reports"), ("join.html", "How to join")],
    }
    context = {**common, "meetings": meetings, "upcoming": upcoming_meetings,
               "past": [m for m in reversed(meetings) if not m["upcoming"]],
               "next": upcoming_meetings[0] if upcoming_meetings else None,
               "current": current, "former": former, "goals": goals, "reports": reports,
               "quarterly": quarterly, "plan": plan, "join": _join_view(council, as_of),
               "interest_form": "files/interest-form.pdf" if "files/interest-form.pdf" in files else ""}
    for page in PAGES + (("plan",) if plan else ()):
        html = env.get_template(f"{page}.html").render(**context, root="", here=f"{page}.html")
        files[f"{page}.html"] = html.encode("utf-8")
    for meeting in meetings:
        html = env.get_template("meeting.html").render(**common, meeting=meeting, root="../", here="meetings.html")
        files[f"meetings/{meeting['id']}.html"] = html.encode("utf-8")
    files["style.css"] = env.get_template("style.css").render().encode("utf-8")
    files["meetings.ics"] = calendar_ics(council)
    return dict(sorted(files.items()))


def write_site(files: dict[str, bytes], out: Path) -> None:
    """Write the site into `out`, each file replaced atomically, and remove the pages of meetings
    (and the copied evidence files) that the records no longer have. Other files in `out` stay."""
    write_files(out, files, stale=_stale(files, Path(out)))


def _stale(files: dict[str, bytes], out: Path) -> list[Path]:
    """cec's own files in `out` (meetings/*.html, files/...) that this build did not produce."""
    found = []
    if (out / "meetings").is_dir():
        found += [p for p in (out / "meetings").glob("*.html") if p.is_file()]
        found += [p for p in (out / "meetings").glob("*/*.pdf") if p.is_file()]
    if (out / "files").is_dir():
        found += [p for p in (out / "files").rglob("*") if p.is_file() or p.is_symlink()]
    return sorted(p for p in found if p.relative_to(out).as_posix() not in files)
