"""The dashboard (what `cec check` says: findings with hints, what is due next, the next meeting) and
the identity page (who is making changes, asked once and kept in git config as the CLI keeps it)."""

from __future__ import annotations

from flask import g, redirect, request, url_for

from cecli.web.app import today
from cecli.web.forms import Form
from cecli.web.views import council, page


@council.get("/")
def dashboard():
    from cecli.check import check_council

    day = today()
    report = check_council(g.root, day)
    upcoming = [(d, (d.due - day).days) for d in report.upcoming(8)]
    coming = [m for m in report.council.meetings if m.date >= day and m.status != "cancelled"]
    groups = {}
    for finding in report.findings:
        groups.setdefault(finding.severity.value, []).append(finding)
    return page("dashboard.html", "Dashboard", council=report.council, report=report, groups=groups,
                upcoming=upcoming, next_meeting=coming[0] if coming else None, today=day,
                identity=_identity())


def _identity():
    from cecli.errors import CecError
    from cecli.store import resolve_author

    try:
        return resolve_author(None, g.root)
    except CecError:
        return None


@council.route("/identity", methods=["GET", "POST"])
def identity():
    """Who is making changes: asked once, kept as the council repository's git identity."""
    from cecli.store.identity import Author, remember_author

    form = Form("identity", g.root, [], options={"--author": "name"},
                defaults={"name": (_identity() or Author("", "")).name, "email": (_identity() or Author("", "")).email})
    back = request.values.get("next", "")
    if not back.startswith("/") or back.startswith("//"):
        back = url_for(".dashboard")
    if form.posted:
        name, email = form.get("name"), form.get("email")
        if not name:
            form.errors["name"] = "Give your name, as it should appear in the audit trail."
        if not email or "@" not in email:
            form.errors["email"] = "Give your email address (it is recorded with each change, as git does)."
        if not form.errors:
            author = form.run(lambda: Author.parse(f"{name} <{email}>", "Your name and email"))
            if author is not None:
                remember_author(g.root, author)
                from flask import flash

                flash(f"Changes will be recorded as {author}. This is kept in the council repository's git "
                      "configuration, where the cec command finds it too.", "done")
                return redirect(back)
        form.status = 400
    return page("identity.html", "Who is making changes", form=form, back=back, current=_identity())
