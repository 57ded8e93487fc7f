"""Outreach (`cec outreach add`), goals (`cec goal add|review|progress`), reports (`cec report add`)
and New York's signatures (`cec sign`)."""

from __future__ import annotations

from flask import g, redirect, url_for

from cecli.web.app import today
from cecli.web.forms import Form, tell
from cecli.web.views import council, load, page


def _vocab(council_obj, name: str) -> tuple[str, ...]:
    return council_obj.profile.vocabularies.get(name, ()) if council_obj.profile else ()


def _done(form: Form, result, endpoint: str, anchor: str = ""):
    tell(result)
    return redirect(url_for(endpoint) + anchor)


@council.route("/outreach", methods=["GET", "POST"])
def outreach():
    from cecli.records.outreach import Communication, InfoSession, add_communication, add_info_session

    council_obj, _ = load()
    files = ["outreach.yaml", "council.yaml"]
    comm = Form("communication", g.root, files, {"--date": "date", "--channel": "channel", "--audience": "audience",
                                                 "--purpose": "purpose", "--description": "description"},
                defaults={"date": today().isoformat()})
    session_form = Form("info-session", g.root, files,
                        {"--date": "date", "--start": "start", "--end": "end", "--location": "location",
                         "--attendees": "attendees", "--meeting": "meeting"})
    if comm.posted:
        given = Communication(date=comm.get("date"), channel=comm.get("channel"), audience=comm.get("audience"),
                              purpose=comm.get("purpose"), description=comm.get("description"))
        done = comm.run(lambda: add_communication(g.root, given, None))
        if done is not None:
            return _done(comm, done, ".outreach")
    if session_form.posted:
        done = session_form.run(lambda: add_info_session(g.root, InfoSession(
            date=session_form.get("date"), start=session_form.get("start"), end=session_form.get("end"),
            location=session_form.get("location"), attendees=session_form.get_int("attendees"),
            meeting=session_form.get("meeting")), None))
        if done is not None:
            return _done(session_form, done, ".outreach")
    return page("outreach.html", "Outreach", council=council_obj, outreach=council_obj.outreach, comm=comm,
                session_form=session_form, channels=_vocab(council_obj, "channel"),
                purposes=_vocab(council_obj, "purpose"))


@council.route("/goals", methods=["GET", "POST"])
def goals():
    from cecli.records.goals import DataReview, NewGoal, add_goal, add_progress, review_data

    council_obj, _ = load()
    files = ["goals.yaml", "council.yaml"]
    goal = Form("goal", g.root, files, {"--id": "id", "--statement": "statement", "--year": "year", "--data": "data",
                                        "--measure": "measure", "--baseline": "baseline", "--target": "target",
                                        "--aligned-to": "aligned_to"})
    review = Form("review", g.root, files, {"--source": "source", "--date": "date", "--meeting": "meeting",
                                            "--year": "year", "--note": "note"})
    progress = Form("progress", g.root, files, {"--date": "date", "--note": "note", "--year": "year"},
                    defaults={"date": today().isoformat()})
    if goal.posted:
        given = NewGoal(id=goal.get("id") or "", statement=goal.get("statement"), year=goal.get("year"),
                        data=goal.get_list("data"), measure=goal.get("measure"), baseline=goal.get("baseline"),
                        target=goal.get("target"), aligned_to=goal.get("aligned_to"))
        done = goal.run(lambda: add_goal(g.root, given, None))
        if done is not None:
            return _done(goal, done, ".goals")
    if review.posted:
        given = DataReview(source=review.get("source"), date=review.get("date"), meeting=review.get("meeting"),
                           year=review.get("year"), note=review.get("note"))
        done = review.run(lambda: review_data(g.root, given, None))
        if done is not None:
            return _done(review, done, ".goals")
    if progress.posted:
        done = progress.run(lambda: add_progress(g.root, progress.get("goal") or "", progress.get("date"),
                                                 progress.get("note"), progress.get("year"), None))
        if done is not None:
            return _done(progress, done, ".goals")
    years = council_obj.goals.years if council_obj.goals else {}
    goal_ids = sorted({gl.id for section in years.values() for gl in section.goals})
    return page("goals.html", "Goals", council=council_obj, years=years, goal=goal, review=review,
                progress=progress, sources=_vocab(council_obj, "source"), goal_ids=goal_ids,
                meeting_ids=[m.id for m in council_obj.meetings])


@council.route("/reports", methods=["GET", "POST"])
def reports():
    from cecli.documents.output import add_public_report
    from cecli.records import _checks as check
    from cecli.records.signing import sign

    council_obj, _ = load()
    files = ["reports.yaml", "council.yaml"]
    report = Form("public-report", g.root, files, {"--date": "date", "--title": "title", "--format": "format",
                                                   "--audience": "audience", "--link": "link"},
                  defaults={"date": today().isoformat()})
    signature = Form("signature", g.root, files + ["roster.yaml"], {"--date": "signed_on", "--member": "signed_by"},
                     defaults={"signed_on": today().isoformat(), "what": "quarterly"})
    if report.posted:
        def add():
            day = check.day(report.get("date"), "--date")
            if day is None:
                from cecli.errors import InvalidInput

                raise InvalidInput("A public report needs --date.", "Nothing was written.")
            return add_public_report(g.root, date=day, title=report.get("title") or "", format=report.get("format"),
                                     audience=report.get("audience"), link=report.get("link"))
        done = report.run(add)
        if done is not None:
            return _done(report, done, ".reports")
    if signature.posted:
        what = signature.get("what") or "quarterly"
        done = signature.run(lambda: sign(g.root, what, signature.get("period"), signature.get("signed_by") or "",
                                          signature.get("signed_on"), None))
        if done is not None:
            return _done(signature, done, ".reports", "#signatures")
    new_york = bool(council_obj.profile and council_obj.profile.applies("CEC403"))  # signed quarterly reports
    signers = council_obj.active_members(today())
    return page("reports.html", "Reports", council=council_obj, reports=council_obj.reports, report=report,
                signature=signature, formats=_vocab(council_obj, "format"), new_york=new_york, signers=signers,
                name_of=council_obj.name_of, due_of=council_obj.report_due)
