"""The roster: every member, and forms to add one, change one's details, and end a term
(`cec member add|update|end`)."""

from __future__ import annotations

from flask import abort, g, redirect, url_for

from cecli.web.app import today
from cecli.web.forms import Form, tell
from cecli.web.views import council, load, page

FILES = ["roster.yaml", "council.yaml"]
# the CLI's options -> the data model's field names (an error about --start shows beside start_date)
OPTIONS = {"--name": "name", "--category": "category", "--role": "roles", "--email": "email", "--phone": "phone",
           "--start": "start_date", "--end": "end_date", "--selected-by": "selected_by", "--id": "id",
           "--organization": "organization", "--note": "note", "--date": "end_date"}
TEXT = ("name", "category", "organization", "email", "phone", "start_date", "end_date", "selected_by", "note")
FLAGS = ("district_employee", "building_admin", "public_name")


def role_names(member) -> list[str]:
    """A member's role names, whether the roster writes `roles: [chair]` or dated roles."""
    names = []
    for role in member.roles or []:
        name = role if isinstance(role, str) else getattr(role, "role", None) or (role.get("role") if isinstance(role, dict) else None)
        if name:
            names.append(str(name))
    return names


def _vocab(council_obj, name: str) -> tuple[str, ...]:
    return council_obj.profile.vocabularies.get(name, ()) if council_obj.profile else ()


def _given(form: Form) -> dict:
    values = {key: form.get(key) for key in TEXT}
    values["roles"] = form.get_list("roles") or None
    for key in FLAGS:
        values[key] = form.get_flag(key)
    return values


@council.route("/roster", methods=["GET", "POST"])
def roster():
    from cecli.records.members import add_member

    council_obj, _ = load()
    form = Form("add-member", g.root, FILES, OPTIONS, defaults={"start_date": today().isoformat()})
    if form.posted:
        values = _given(form)
        values["id"] = form.get("id")
        values.pop("end_date")
        same_name_ok = form.get("same_name_ok") == "on"
        done = form.run(lambda: add_member(g.root, values, None, same_name_ok))
        if done is not None:
            tell(done)
            return redirect(url_for(".member", member_id=done.member_id))
    day = today()
    serving = [m for m in council_obj.members if m.active_on(day)]
    others = [m for m in council_obj.members if not m.active_on(day)]
    return page("roster.html", "Roster", council=council_obj, serving=serving, others=others, form=form,
                categories=_vocab(council_obj, "category"), roles=_vocab(council_obj, "role"),
                selected_by=_vocab(council_obj, "selected_by"), role_names=role_names, today=day)


@council.route("/roster/<member_id>", methods=["GET", "POST"])
def member(member_id: str):
    from cecli.records.members import end_member, update_member

    council_obj, _ = load()
    person = council_obj.member(member_id)
    if person is None:
        abort(404, f"No member has the id {member_id}.")
    current = {key: _text(getattr(person, key)) for key in TEXT}
    current["roles"] = role_names(person)
    for key in FLAGS:
        current[key] = {True: "yes", False: "no", None: ""}[getattr(person, key)]
    edit = Form("edit-member", g.root, FILES, OPTIONS, defaults=current)
    end = Form("end-member", g.root, FILES, OPTIONS, defaults={"end_date": today().isoformat()})
    role = Form("member-role", g.root, FILES, ROLE_OPTIONS, defaults={"change": "add", "date": today().isoformat()})
    if role.posted:
        done = role.run(lambda: _change_role(role, member_id))
        if done is not None:
            tell(done)
            return redirect(url_for(".member", member_id=member_id))
    if edit.posted:
        given = _given(edit)
        changes, clear = {}, []
        for key, value in given.items():
            if key == "roles":
                same = (value or []) == current["roles"]
            elif key in FLAGS:
                same = {True: "yes", False: "no", None: ""}[value] == current[key]
            else:
                same = (value or "") == current[key]
            if same:
                continue
            if value in (None, []) and key not in ("name", "category"):
                clear.append(key)
            else:
                changes[key] = value if value is not None else ""
        if not changes and not clear:
            edit.general.append("Nothing to change: the roster already says that.")
            edit.status = 400
        else:
            done = edit.run(lambda: update_member(g.root, member_id, changes, clear, None))
            if done is not None:
                tell(done)
                return redirect(url_for(".member", member_id=member_id))
    if end.posted:
        done = end.run(lambda: end_member(g.root, member_id, end.get("end_date") or "", None))
        if done is not None:
            tell(done)
            return redirect(url_for(".member", member_id=member_id))
    return page("member.html", person.name, council=council_obj, person=person, edit=edit, end=end, role=role,
                categories=_vocab(council_obj, "category"), roles=_vocab(council_obj, "role"),
                selected_by=_vocab(council_obj, "selected_by"), role_names=role_names)


# `cec member role ID --add ROLE --from DATE` / `--end ROLE --on DATE`: one form, `change` saying which
ROLE_OPTIONS = {"--add": "role", "--end": "role", "--from": "date", "--on": "date"}


def _change_role(form: Form, member_id: str):
    from cecli.records.roles import change_role

    role = form.get("role") or ""
    if form.get("change") == "end":
        return change_role(g.root, member_id, end=role, on=form.get("date"), today=today())
    return change_role(g.root, member_id, add=role, on=form.get("date"), today=today())


def _text(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
