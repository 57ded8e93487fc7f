"""What keeps `cec serve` safe: the Host check, the password, CSRF tokens, read-only, strict headers.

Fava, beancount's web face, has none of the first three; a local web app that writes to git needs
them, because any web page the user visits can make their browser post to 127.0.0.1 (CSRF) or reach
it under the attacker's own name (DNS rebinding).
"""

from __future__ import annotations

import base64
import hmac
import ipaddress
import secrets

from flask import Flask, current_app, render_template, request, session

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def is_loopback(host: str) -> bool:
    """Whether a --host value listens only on this machine."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def csrf_token() -> str:
    """This browser session's token; every form carries it in `_csrf`."""
    token = session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def _host_name(header: str) -> str:
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def install(app: Flask) -> None:
    @app.before_request
    def _guard():
        config = current_app.config
        # 1. The Host header names this server: a page reached through another name (DNS rebinding)
        #    is refused before anything is read.
        name = _host_name(request.host or "")
        if name not in config["CEC_HOSTS"]:
            return _refuse(400, "Wrong address",
                           f"This server does not answer to the name {name or '(none)'}. Open it as "
                           "http://127.0.0.1 (or a name given to `cec serve --allow-host`).")
        # 2. The password, when one is set (HTTP Basic, compared in constant time).
        password = config["CEC_PASSWORD"]
        if password and not _password_ok(password):
            response = _refuse(401, "Password needed", "This council's records need the password given to `cec serve`.")
            response.headers["WWW-Authenticate"] = 'Basic realm="cec serve", charset="UTF-8"'
            return response
        if request.method in ("GET", "HEAD"):
            return None
        # 3. Read-only: no change at all.
        if config["CEC_READ_ONLY"]:
            return _refuse(403, "Read-only", "This server shows the records only (cec serve --read-only). Nothing was written.")
        # 4. The page's CSRF token: a post made by another site (or without the form) changes nothing.
        sent = request.form.get("_csrf", "")
        if not sent or not session.get("csrf") or not hmac.compare_digest(sent, session["csrf"]):
            return _refuse(400, "Form expired",
                           "This form did not carry the page's security token (it may be from before cec serve "
                           "was restarted, or from another site). Nothing was written. Open the page again and resend it.")
        return None

    @app.after_request
    def _headers(response):
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if request.method == "GET" and response.mimetype == "text/html":
            response.headers.setdefault("Cache-Control", "no-store")
        return response


def _password_ok(password: str) -> bool:
    header = request.headers.get("Authorization", "")
    if not header.lower().startswith("basic "):
        return False
    try:
        decoded = base64.b64decode(header[6:].strip()).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return False
    _user, _, given = decoded.partition(":")
    return hmac.compare_digest(given.encode("utf-8"), password.encode("utf-8"))


def _refuse(status: int, title: str, message: str):
    return current_app.make_response((render_template("error.html", title=title, message=message), status))

