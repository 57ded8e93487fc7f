"""The app factory: one council (pages at /) or a folder of many (a status table at /, each council's
pages under /c/<its folder>/)."""

from __future__ import annotations

import datetime as dt
import secrets
from importlib import resources
from pathlib import Path

from flask import Flask, Response, render_template, request, url_for

from cecli.errors import CecError
from cecli.web import security

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


def create_app(root: Path, *, read_only: bool = False, password: str | None = None,
               hosts: tuple[str, ...] | list[str] = (), today: dt.date | None = None,
               secret_key: str | None = None) -> Flask:
    """The web app over `root` (a council folder, or a folder holding many councils).

    `hosts`: the names this server answers to besides localhost, 127.0.0.1 and [::1] (the --host
    given, and any --allow-host). `today` fixes the date the dashboard judges as of (tests).
    """
    from cecli.fleet import find_councils

    root = Path(root).absolute()
    app = Flask(__name__, static_folder="static", template_folder="templates")
    app.config.update(
        SECRET_KEY=secret_key or secrets.token_urlsafe(32),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_NAME="cec_session",
        MAX_CONTENT_LENGTH=1024 * 1024,
        CEC_ROOT=root,
        CEC_READ_ONLY=read_only,
        CEC_PASSWORD=password,
        CEC_HOSTS={h.lower().strip("[]") for h in (*LOOPBACK_NAMES, *hosts) if h},
        CEC_TODAY=today,
        CEC_MANY=not (root / "council.yaml").is_file() and bool(find_councils(root, limit=1)),
    )
    app.jinja_env.undefined = __import__("jinja2").StrictUndefined
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    _filters(app)
    security.install(app)

    from cecli.web.views import council_blueprint, fleet_blueprint

    if app.config["CEC_MANY"]:
        app.register_blueprint(fleet_blueprint())
        app.register_blueprint(council_blueprint(), url_prefix="/c/<path:key>")
    else:
        app.register_blueprint(council_blueprint())

    @app.get("/site.css")
    def site_css():
        """The public site's stylesheet (cec publish), so the app looks like the council's site."""
        css = (resources.files("cecli.templates") / "site" / "style.css").read_text(encoding="utf-8")
        return Response(css, mimetype="text/css", headers={"Cache-Control": "no-cache"})

    @app.context_processor
    def _everywhere():
        return {"read_only": app.config["CEC_READ_ONLY"], "many": app.config["CEC_MANY"],
                "csrf_token": security.csrf_token, "here": request.endpoint or "",
                "fleet_url": url_for("fleet.status") if app.config["CEC_MANY"] else None}

    @app.errorhandler(404)
    def _not_found(err):
        return render_template("error.html", title="Not found",
                               message=getattr(err, "description", "") or "There is no such page."), 404

    @app.errorhandler(CecError)
    def _cec_error(err):
        return render_template("error.html", title="Not possible", message=f"{err.message} {err.hint}".strip()), 400

    @app.errorhandler(413)
    def _too_big(err):
        return render_template("error.html", title="Too much sent",
                               message="The form sent more than cec accepts (1 MB). Nothing was written."), 413

    return app


def today() -> dt.date:
    from flask import current_app

    return current_app.config["CEC_TODAY"] or dt.date.today()


def _filters(app: Flask) -> None:
    from cecli.textfmt import clock, long_date, vocabulary_word

    def day(value) -> str:
        if value is None or value == "":
            return ""
        if isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%d %H:%M")
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)

    def time(value) -> str:
        if value is None or value == "":
            return ""
        if isinstance(value, dt.time):
            return value.strftime("%H:%M")
        return str(value)

    app.jinja_env.filters.update(long_date=long_date, clock=clock, words=vocabulary_word, iso=day, hhmm=time)
    # a vocabulary as (value, label) pairs for a select or a group of checkboxes
    app.jinja_env.globals["choices"] = lambda words: [(w, vocabulary_word(w)) for w in words]

    def zip_names(ids, members) -> list[tuple[str, str]]:
        """Member ids as (id, name) pairs for checkboxes and selects."""
        names = {m.id: m.name for m in members}
        return [(i, names.get(i, i)) for i in ids]

    app.jinja_env.filters["zip_names"] = zip_names
    app.jinja_env.filters["names"] = lambda ids, council: [council.name_of(i) for i in ids]
    app.jinja_env.globals["pairs"] = lambda values: [(v, v) for v in values]
