"""Meetings: the list and `cec meeting new`; one meeting's page with its attendance (ticking the
members serving that day), minutes dates and notes, motions and votes, cancelling, and its documents
to download."""

from __future__ import annotations

import datetime as dt

from flask import Response, abort, g, redirect, url_for

from cecli.web.app import today
from cecli.web.forms import Form, tell
from cecli.web.views import council, load, page

NEW_OPTIONS = {"--date": "date", "--kind": "kind", "--title": "title", "--start": "start", "--end": "end",
               "--location": "location", "--virtual-link": "virtual_link", "--suffix": "suffix"}
KINDS = ("regular", "special", "information-session", "election")
EDITABLE = ("title", "kind", "start", "end", "location", "virtual_link")
DOCUMENTS = {"agenda": "Agenda", "minutes": "Minutes", "sign-in": "Sign-in sheet"}
# what happened at the meeting, as `cec meeting record` takes it (option -> the meeting file's field)
HAPPENED_OPTIONS = {"--called-to-order": "called_to_order", "--by": "called_by", "--adjourned": "adjourned",
                    "--quorum": "quorum", "--interpreter": "interpreter", "--approved-at": "approved_at",
                    "--corrections": "corrections"}


def _moment(value) -> str | None:
    """A date, or a date and time, as the form shows it (a date alone stays a date: never 00:00)."""
    if value is None:
        return None
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, dt.datetime) else value.isoformat()


def _rel(meeting_id: str) -> str:
    return f"meetings/{meeting_id}.yaml"


@council.route("/meetings", methods=["GET", "POST"])
def meetings():
    from cecli.records.meetings import NewMeeting, new_meeting

    council_obj, _ = load()
    form = Form("new-meeting", g.root, ["council.yaml"], NEW_OPTIONS, defaults={"kind": "regular"})
    if form.posted:
        plan = NewMeeting(date=form.get("date"), kind=form.get("kind") or "regular", title=form.get("title"),
                          start=form.get("start"), end=form.get("end"), location=form.get("location"),
                          virtual_link=form.get("virtual_link"), suffix=form.get("suffix"))
        done = form.run(lambda: new_meeting(g.root, plan, None))
        if done is not None:
            tell(done)
            meeting_id = done.paths[0].removeprefix("meetings/").removesuffix(".yaml")
            return redirect(url_for(".meeting", meeting_id=meeting_id))
    day = today()
    upcoming = [m for m in council_obj.meetings if m.date >= day]
    past = [m for m in reversed(council_obj.meetings) if m.date < day]
    return page("meetings.html", "Meetings", council=council_obj, upcoming=upcoming, past=past, form=form,
                kinds=KINDS, today=day)


def _find(council_obj, meeting_id: str):
    found = next((m for m in council_obj.meetings if m.id == meeting_id), None)
    if found is None:
        abort(404, f"There is no meeting {meeting_id}.")
    return found


@council.route("/meetings/<meeting_id>", methods=["GET", "POST"])
def meeting(meeting_id: str):
    from cecli.records import agenda
    from cecli.records import meeting_edits as fixes
    from cecli.records import meetings as ops
    from cecli.records import minutes as minutes_ops

    council_obj, _ = load()
    this = _find(council_obj, meeting_id)
    files = [_rel(meeting_id), "roster.yaml"]
    serving = council_obj.active_members(this.date)
    att = this.attendance
    attendance = Form("attendance", g.root, files, {"--present": "present", "--absent": "present",
                                                     "--excused": "excused", "--guests": "guests"},
                      defaults={"present": att.present if att else [], "excused": att.excused if att else [],
                                "guests": att.guest_count if att and att.guests is not None else ""})
    minutes = this.minutes
    record_form = Form("minutes", g.root, files, {"--recorded": "recorded", "--sent": "sent", "--approved": "approved",
                                                  "--summary": "summary", "--agenda-sent": "agenda_sent",
                                                  "--notice-posted": "notice_posted"},
                       defaults={"recorded": minutes.recorded if minutes else None,
                                 "sent": minutes.sent if minutes else None,
                                 "approved": minutes.approved if minutes else None,
                                 "summary": minutes.summary if minutes else None,
                                 "agenda_sent": this.agenda_sent,
                                 "notice_posted": _moment(this.notice_posted)})
    called = this.called_to_order
    happened = Form("happened", g.root, files, HAPPENED_OPTIONS, defaults={
        "called_to_order": called.time.strftime("%H:%M") if called else None,
        "called_by": called.by if called else None,
        "adjourned": this.adjourned.strftime("%H:%M") if this.adjourned else None,
        "quorum": this.quorum, "interpreter": this.interpreter if isinstance(this.interpreter, str) else None,
        "approved_at": minutes.approved_at if minutes else None, "corrections": minutes.corrections if minutes else None})
    motion = Form("motion", g.root, files, {"--moved-by": "moved_by", "--seconded-by": "seconded_by",
                                            "--item": "item"})
    vote = Form("vote", g.root, files, {"--for": "for", "--against": "against", "--abstain": "abstain",
                                        "--recused": "recused", "--unanimous": "unanimous", "--result": "result",
                                        "N": "number"})
    cancel = Form("cancel", g.root, files, {"--reason": "reason"})
    remove = Form("remove", g.root, files, {"--reason": "reason"})
    move = Form("move", g.root, files, {"--to": "date"}, defaults={"date": this.date.isoformat()})
    item_options = {"--title": "title", "--minutes": "minutes", "--presenter": "presenters", "--kind": "kind",
                    "--at": "number", "N": "number", "--to": "to"}
    add_item = Form("add-item", g.root, files, item_options)
    edit_item = Form("edit-item", g.root, files, item_options)
    move_item = Form("move-item", g.root, files, item_options)
    remove_item = Form("remove-item", g.root, files, item_options)
    held = Form("held", g.root, files)
    shown = {key: _text(getattr(this, key)) for key in EDITABLE}
    shown["open_to_public"] = {True: "yes", False: "no", None: ""}[this.open_to_public]
    edit = Form("edit-meeting", g.root, files, {f"--{k.replace('_', '-')}": k for k in EDITABLE} | {
        "--open-to-public": "open_to_public", "--closed": "open_to_public"}, defaults=shown)

    if attendance.posted:
        present, excused = attendance.get_list("present"), attendance.get_list("excused")
        # as `cec meeting attendance` asks in a terminal: everyone serving who is not ticked was absent
        absent = [m.id for m in serving if m.id not in present and m.id not in excused]
        done = attendance.run(lambda: ops.record_attendance(g.root, meeting_id, present, absent, excused,
                                                            attendance.get_int("guests"), None))
        if done is not None:
            tell(done)
            return redirect(url_for(".meeting", meeting_id=meeting_id) + "#attendance")
    if record_form.posted:
        given = ops.Record(**{k: record_form.get(k) for k in ("recorded", "sent", "approved", "summary",
                                                              "agenda_sent", "notice_posted")})
        done = record_form.run(lambda: ops.record(g.root, meeting_id, given, None))
        if done is not None:
            tell(done)
            return redirect(url_for(".meeting", meeting_id=meeting_id) + "#minutes")
    action = Form("action", g.root, files, {"--owner": "owner", "--due": "due", "--on": "done"})
    officer = Form("officer", g.root, files, {"ROLE": "role", "MEMBER": "member", "--motion": "motion"})
    notes = Form("item-notes", g.root, files, {"N": "number", "TEXT": "notes"})
    guest = Form("guest", g.root, files, {"NAME": "name", "--affiliation": "affiliation", "--presents": "presents"})
    if notes.posted:
        done = notes.run(lambda: minutes_ops.item_notes(g.root, meeting_id, notes.get_int("number") or 0,
                                                        notes.get("notes"), None))
        if done is not None:
            tell(done)
            return redirect(url_for(".meeting", meeting_id=meeting_id) + "#notes")
    if guest.posted:
        presents = [int(n) for n in guest.get_list("presents") if n.isdigit()] or None
        done = guest.run(lambda: minutes_ops.add_guest(g.root, meeting_id, guest.get("name") or "",
                                                       guest.get("affiliation"), presents, None))
        if done is not None:
            tell(done)
            return redirect(url_for(".meeting", meeting_id=meeting_id) + "#attendance")
    if action.posted:
        number = action.get_int("number")
        if number:  # the Done button of one item
            done = action.run(lambda: minutes_ops.action_done(g.root, meeting_id, number, None, None, today=today()))
        else:
            done = action.run(lambda: minutes_ops.add_action(g.root, meeting_id, action.get("task") or "",
                                                             action.get("owner"), action.get("due"), None))
        if done is not None:
            tell(done)
            return redirect(url_for(".meeting", meeting_id=meeting_id) + "#actions")
    if officer.posted:
        done = officer.run(lambda: minutes_ops.elect_officer(g.root, meeting_id, officer.get("role") or "",
                                                             officer.get("member") or "", officer.get_int("motion"), None))
        if done is not None:
            tell(done)
            return redirect(url_for(".meeting", meeting_id=meeting_id) + "#officers")
    if happened.posted:
        given = ops.Record(**{key: happened.get(key) for key in HAPPENED_OPTIONS.values()})
        done = happened.run(lambda: ops.record(g.root, meeting_id, given, None))
        if done is not None:
            tell(done)
            return redirect(url_for(".meeting", meeting_id=meeting_id) + "#happened")
    if motion.posted:
        done = motion.run(lambda: minutes_ops.add_motion(
            g.root, meeting_id, motion.get("text") or "", motion.get_int("item"), motion.get("moved_by"),
            motion.get("seconded_by"), motion.get("urgent") == "on", None))
        if done is not None:
            tell(done)
            return redirect(url_for(".meeting", meeting_id=meeting_id) + "#motions")
    if vote.posted:
        done = vote.run(lambda: minutes_ops.record_vote(
            g.root, meeting_id, vote.get_int("number") or 0, vote.get_list("for"), vote.get_list("against"),
            vote.get_list("abstain"), vote.get_list("recused"), vote.get("unanimous") == "on", vote.get("result"), None))
        if done is not None:
            tell(done)
            return redirect(url_for(".meeting", meeting_id=meeting_id) + "#motions")
    if edit.posted:
        given = fixes.MeetingEdit()
        for key in EDITABLE:
            value = edit.get(key)
            if (value or "") != shown[key]:
                setattr(given, key, value) if value is not None else given.clear.append(key)
        flag = edit.get_flag("open_to_public")
        if {True: "yes", False: "no", None: ""}[flag] != shown["open_to_public"]:
            setattr(given, "open_to_public", flag) if flag is not None else given.clear.append("open_to_public")
        done = edit.run(lambda: fixes.edit_meeting(g.root, meeting_id, given, None))
        if done is not None:
            tell(done)
            return redirect(url_for(".meeting", meeting_id=meeting_id))
    if move.posted:
        done = move.run(lambda: fixes.move_meeting(g.root, meeting_id, move.get("date") or "", None))
        if done is not None:
            tell(done)
            moved = next((p for p in done.paths if p.startswith("meetings/") and p != _rel(meeting_id)), _rel(meeting_id))
            return redirect(url_for(".meeting", meeting_id=moved.removeprefix("meetings/").removesuffix(".yaml")))
    for form, call in ((add_item, lambda f: agenda.add_item(g.root, meeting_id, _item(f), f.get_int("number"), None)),
                       (edit_item, lambda f: agenda.edit_item(g.root, meeting_id, f.get_int("number") or 0, _item(f), None)),
                       (move_item, lambda f: agenda.move_item(g.root, meeting_id, f.get_int("number") or 0,
                                                              f.get_int("to") or 0, None)),
                       (remove_item, lambda f: agenda.remove_item(g.root, meeting_id, f.get_int("number") or 0, None))):
        if form.posted:
            done = form.run(lambda form=form, call=call: call(form))
            if done is not None:
                tell(done)
                return redirect(url_for(".meeting", meeting_id=meeting_id) + "#agenda")
    if held.posted:
        done = held.run(lambda: fixes.mark_held(g.root, meeting_id, None))
        if done is not None:
            tell(done)
            return redirect(url_for(".meeting", meeting_id=meeting_id))
    if cancel.posted:
        done = cancel.run(lambda: fixes.cancel(g.root, meeting_id, cancel.get("reason"), None))
        if done is not None:
            tell(done)
            return redirect(url_for(".meeting", meeting_id=meeting_id))
    if remove.posted:
        done = remove.run(lambda: fixes.remove_meeting(g.root, meeting_id, remove.get("reason"), None))
        if done is not None:
            tell(done)
            return redirect(url_for(".meetings"))
    return page("meeting.html", this.display_title, council=council_obj, meeting=this, serving=serving,
                attendance=attendance, record_form=record_form, happened=happened, action=action, officer=officer, notes=notes, guest=guest,
                roles=council_obj.vocabulary("role"), motion=motion, vote=vote, cancel=cancel,
                edit=edit, held=held, remove=remove, kinds=KINDS, move=move, add_item=add_item, edit_item=edit_item,
                move_item=move_item, remove_item=remove_item,
                item_kinds=council_obj.profile.vocabularies.get("agenda_kind", ()) if council_obj.profile else (),
                documents=DOCUMENTS, name_of=council_obj.name_of, results=ops.RESULTS, today=today())


@council.get("/meetings/<meeting_id>/<name>.<ext>")
def document(meeting_id: str, name: str, ext: str):
    """A meeting's agenda, minutes or sign-in sheet, made from its records as they are now."""
    from cecli.documents import meeting_documents
    from cecli.documents.meetings import meeting_folder

    if name not in DOCUMENTS or ext not in ("docx", "pdf"):
        abort(404)
    council_obj, _ = load()
    this = _find(council_obj, meeting_id)
    data = meeting_documents(council_obj, this)[f"{meeting_folder(this)}/{name}.docx"]
    filename = f"{meeting_id}-{name}.{ext}"
    if ext == "pdf":
        from cecli.web.downloads import docx_to_pdf

        data = docx_to_pdf(data)
        mimetype = "application/pdf"
    else:
        mimetype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return Response(data, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime") and not hasattr(value, "year"):
        return value.strftime("%H:%M")
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _item(form: Form):
    """An agenda item as `cec meeting agenda` takes it: only the fields filled in."""
    from cecli.records.agenda import AgendaItemGiven

    presenters = [p.strip() for p in (form.get("presenters") or "").split(",") if p.strip()]
    return AgendaItemGiven(title=form.get("title"), minutes=form.get_int("minutes"), presenters=presenters,
                           kind=form.get("kind"))
