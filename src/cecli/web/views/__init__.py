"""The pages. Each view reads the council afresh, shows it, and for a form calls one records function:
no business rule lives here (STYLE.md: "Two faces, one library")."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, current_app, g, render_template, request

council = Blueprint("council", __name__)
fleet = Blueprint("fleet", __name__)


@council.url_value_preprocessor
def _which_council(endpoint, values):
    root: Path = current_app.config["CEC_ROOT"]
    if not current_app.config["CEC_MANY"]:
        g.root, g.key = root, None
        return
    key = (values or {}).pop("key", "")
    from cecli.fleet import find_councils

    folders = {p.relative_to(root).as_posix(): p for p in find_councils(root)}
    if key not in folders:
        abort(404, f"There is no council at {key}.")
    g.root, g.key = folders[key], key


@council.url_defaults
def _add_key(endpoint, values):
    if current_app.config["CEC_MANY"] and "key" not in values and g.get("key"):
        values["key"] = g.key


def load():
    """The council as its files say now (read on every request, so hand edits show at once)."""
    from cecli.loader import load_council

    return load_council(g.root)


def page(template: str, title: str, status: int = 200, **context):
    """Render a council page: its title, the council's name and the forms' statuses."""
    council_obj = context.pop("council", None)
    if council_obj is None:
        council_obj, _ = load()
    forms = [v for v in context.values() if hasattr(v, "status") and hasattr(v, "posted")]
    for form in forms:
        status = max(status, form.status)
    return render_template(template, title=title, council=council_obj, **context), status


def posted_form() -> str:
    return request.form.get("_form", "") if request.method == "POST" else ""


def council_blueprint() -> Blueprint:
    from cecli.web.views import dashboard, entries, history, meetings, records, roster  # noqa: F401  (routes)

    return council


def fleet_blueprint() -> Blueprint:
    from cecli.web.views import status  # noqa: F401  (routes)

    return fleet
