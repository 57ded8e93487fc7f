"""One status table when DIR holds many councils (what `cec check DIR` prints), each row a link to
that council's own pages."""

from __future__ import annotations

from flask import current_app, render_template

from cecli.web.app import today
from cecli.web.views import fleet


@fleet.get("/")
def status():
    from cecli.fleet import check_many

    root = current_app.config["CEC_ROOT"]
    day = today()
    rows = check_many(root, day)
    return render_template("status.html", title="All councils", rows=rows, today=day, root=root)
