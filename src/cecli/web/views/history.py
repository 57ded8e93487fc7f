"""The audit trail (`cec log`): who changed what, when and why, with a button to undo a change
(`cec undo COMMIT`: a new commit "Undo: ...", history never rewritten)."""

from __future__ import annotations

from flask import flash, g, redirect, request, url_for

from cecli.web.forms import Form
from cecli.web.views import council, page

LIMIT = 100


@council.route("/log", methods=["GET", "POST"])
def log():
    from cecli.store.history import history

    entries = history(g.root, None, LIMIT)
    forms = {e.commit: Form(f"undo-{e.commit[:12]}", g.root, [path for path, _what in e.files]) for e in entries}
    posted = next((f for f in forms.values() if f.posted), None)
    if posted is not None:
        from cecli.store.undo import undo

        commit = request.form.get("commit", "")
        done = posted.run(lambda: undo(g.root, commit, None))
        if done is not None:
            files = ", ".join(done.paths)
            flash(f"Undid {done.undone.describe()}: {files} {'is' if len(done.paths) == 1 else 'are'} as before it. "
                  f"Recorded as \u201c{done.message}\u201d in commit {done.sha[:7]}.", "done")
            from cecli.store.problems import problems_note

            note = problems_note(list(done.problems))
            if note:
                flash(note, "warning")
            return redirect(url_for(".log"))
    return page("log.html", "History", entries=entries, forms=forms, posted=posted, limit=LIMIT)
