"""`cec meeting send`: email a meeting's agenda (or minutes) as a tagged PDF to the members serving
on its date, then record `agenda_sent` (or `minutes.sent`) with the PDF sent, in one commit.

    plan = prepare(root, "2026-12-08", minutes=False)    # who gets it, who has no email, the PDF
    sent = deliver(plan, settings)                        # one message per member over SMTP
    record(root, plan, sent, author)                      # one commit: the date sent and the PDF

Settings come from the environment (`CEC_SMTP=host:port`, `CEC_SMTP_FROM`, `CEC_SMTP_USER`,
`CEC_SMTP_PASSWORD`, `CEC_SMTP_SECURITY`=starttls|ssl|none), else from the user's settings file
(`$XDG_CONFIG_HOME/cec/smtp.ini`, else `~/.config/cec/smtp.ini`, readable by its owner only) that
`cec meeting send --setup` writes. The file is the user's, never the council's: a password never
reaches the council's repository. Each member gets a message of their own, so no one sees the
others' addresses.
"""

from __future__ import annotations

import configparser
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from cecli.errors import EXIT_FINDINGS, CecError, InvalidInput

SECURITY = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


class SendFailed(CecError):
    """The mail server could not be reached or refused the messages; nothing was recorded."""

    exit_code = EXIT_FINDINGS


class AlreadySent(CecError):
    """The document was sent before; cec sends nothing twice unless asked (--again)."""

    exit_code = EXIT_FINDINGS


# --- settings ---------------------------------------------------------------------------------

@dataclass
class Settings:
    host: str
    port: int
    sender: str
    security: str = "starttls"
    username: str = ""
    password: str = ""
    source: str = ""  # where they came from, to say in messages

    def described(self) -> str:
        login = f" as {self.username}" if self.username else ""
        return f"{self.host}:{self.port} ({self.security}{login}), from {self.sender}"


def settings_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "cec" / "smtp.ini"


def load_settings() -> Settings:
    """The SMTP settings: the environment first, then the user's settings file."""
    path = settings_path()
    saved: dict[str, str] = {}
    if path.is_file():
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(path, encoding="utf-8")
        except (configparser.Error, UnicodeDecodeError) as err:
            raise InvalidInput(f"{path} cannot be read: {err}.",
                               "Write it again with `cec meeting send --setup`.") from None
        saved = dict(parser["smtp"]) if parser.has_section("smtp") else {}
    env = os.environ
    server = env.get("CEC_SMTP") or ""
    host, port = saved.get("host", ""), saved.get("port", "")
    if server:
        host, _, port = server.rpartition(":") if ":" in server else (server, "", "")
    security = (env.get("CEC_SMTP_SECURITY") or saved.get("security") or "starttls").lower()
    sender = env.get("CEC_SMTP_FROM") or saved.get("from", "")
    where = "CEC_SMTP" if server else str(path)
    if not host or not sender:
        raise InvalidInput(
            "cec does not know which mail server to send through.",
            "Run `cec meeting send --setup` once (it asks for the server and your address), or set "
            "CEC_SMTP=host:port and CEC_SMTP_FROM=address. Nothing was sent.")
    if security not in SECURITY:
        raise InvalidInput(f"The mail security `{security}` ({where}) is not one cec knows.",
                           "Use starttls, ssl or none. Nothing was sent.")
    try:
        number = int(port) if port else DEFAULT_PORTS[security]
    except ValueError:
        raise InvalidInput(f"The mail server's port `{port}` ({where}) is not a number.",
                           "Write it like CEC_SMTP=smtp.example.org:587. Nothing was sent.") from None
    return Settings(host=host, port=number, sender=sender, security=security,
                    username=env.get("CEC_SMTP_USER") or saved.get("username", ""),
                    password=env.get("CEC_SMTP_PASSWORD") or saved.get("password", ""), source=where)


def save_settings(settings: Settings) -> Path:
    """Write the user's settings file, readable by its owner only (it may hold a password)."""
    import tempfile

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    lines = ["# cec's mail settings (cec meeting send). Yours alone: never put this file in a council folder.",
             "[smtp]", f"host = {settings.host}", f"port = {settings.port}", f"from = {settings.sender}",
             f"security = {settings.security}"]
    if settings.username:
        lines.append(f"username = {settings.username}")
    if settings.password:
        lines.append(f"password = {settings.password}")
    fd, tmp = tempfile.mkstemp(prefix=".smtp.ini.", dir=path.parent)  # created readable by its owner only
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


# --- what to send, to whom --------------------------------------------------------------------

@dataclass
class Mailing:
    meeting_id: str
    what: str  # "agenda" or "minutes"
    day: dt.date
    subject: str
    body: str
    filename: str
    rel: str  # where the PDF is kept in the council folder
    pdf: bytes
    recipients: list[tuple[str, str, str]] = field(default_factory=list)  # (member id, name, email)
    without_email: list[str] = field(default_factory=list)  # names
    sent_before: dt.date | None = None


def prepare(root: Path, meeting_id: str, minutes: bool = False, again: bool = False) -> Mailing:
    """Everything to send, without sending: the PDF (tagged, through LibreOffice), the members serving
    on the meeting's date with an email address, and those without one. Refuses a document already
    sent unless `again`, and a meeting without a document to send."""
    from cecli.documents.meetings import agenda, minutes as minutes_document, posted
    from cecli.documents.pdf import find_soffice, missing_message, to_pdf
    from cecli.loader import load_council
    from cecli.records import _checks as check
    from cecli.textfmt import long_date

    council, findings = load_council(root)
    check.meeting_id(council, meeting_id, findings=findings)
    meeting = next(m for m in council.meetings if m.id == meeting_id)
    what = "minutes" if minutes else "agenda"
    if meeting.status == "cancelled":
        raise InvalidInput(f"The meeting of {meeting_id} was cancelled; cec sends nothing for it.", "Nothing was sent.")
    sent_before = (meeting.minutes.sent if meeting.minutes else None) if minutes else meeting.agenda_sent
    if sent_before and not again:
        raise AlreadySent(f"The {what} of {meeting_id} was already sent on {sent_before.isoformat()}.",
                          "Give --again to send it once more. Nothing was sent.")
    if minutes and not (meeting.minutes and meeting.minutes.recorded):
        raise InvalidInput(f"The minutes of {meeting_id} are not recorded yet.",
                           f"Record them first: `cec meeting record {meeting_id} --recorded DATE`. Nothing was sent.")
    if find_soffice() is None:
        raise missing_message("nothing was sent")
    build = minutes_document if minutes else agenda
    docx = posted(council, build(council, meeting))
    rel = f"documents/meetings/{meeting.id}/{what}.pdf"
    pdf = to_pdf({f"documents/meetings/{meeting.id}/{what}.docx": docx}, meeting.date)[rel]
    recipients, without = [], []
    for member in council.active_members(meeting.date):
        email = (member.email or "").strip()
        if email:
            recipients.append((member.id, member.name, email))
        else:
            without.append(member.name)
    title = meeting.display_title
    when = long_date(meeting.date)
    subject = f"{council.name}: {'Minutes' if minutes else 'Agenda'} of the {title} on {when}"
    if minutes:
        body = (f"The minutes of the {title} on {when} are attached as a PDF, for the members of the "
                f"{council.name} to read before they are approved.\n")
    else:
        place = meeting.location or (council.info.meeting_place if council.info else None) or "the usual place"
        from cecli.documents.context import time_span

        body = (f"The agenda of the {title} on {when}, {time_span(meeting.start, meeting.end)}, at {place}, "
                f"is attached as a PDF.\n")
    body += "\nSent with cec, which keeps the council's records.\n"
    return Mailing(meeting.id, what, meeting.date, subject, body, f"{what}-{meeting.id}.pdf", rel, pdf,
                   recipients, without, sent_before)


# --- sending ----------------------------------------------------------------------------------

def message(mailing: Mailing, sender: str, name: str, email: str):
    from email.message import EmailMessage
    from email.utils import formataddr, make_msgid

    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = formataddr((name, email))
    msg["Subject"] = mailing.subject
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].strip(">") or None)
    msg.set_content(f"Dear {name},\n\n{mailing.body}")
    msg.add_attachment(mailing.pdf, maintype="application", subtype="pdf", filename=mailing.filename)
    return msg


def deliver(mailing: Mailing, settings: Settings, timeout: float = 30) -> tuple[list[str], list[str]]:
    """Send one message to each recipient. Returns (member ids delivered, "Name <email>: reason"
    for each refused). SendFailed when the server cannot be reached or refuses the login."""
    import smtplib
    import ssl

    delivered, refused = [], []
    try:
        if settings.security == "ssl":
            server = smtplib.SMTP_SSL(settings.host, settings.port, timeout=timeout,
                                      context=ssl.create_default_context())
        else:
            server = smtplib.SMTP(settings.host, settings.port, timeout=timeout)
        with server:
            if settings.security == "starttls":
                server.starttls(context=ssl.create_default_context())
            if settings.username:
                server.login(settings.username, settings.password)
            for member_id, name, email in mailing.recipients:
                try:
                    server.send_message(message(mailing, settings.sender, name, email))
                    delivered.append(member_id)
                except smtplib.SMTPRecipientsRefused as err:
                    refused.append(f"{name} <{email}>: {_reason(err)}")
                except smtplib.SMTPResponseException as err:
                    refused.append(f"{name} <{email}>: {err.smtp_code} {_text(err.smtp_error)}")
    except (OSError, smtplib.SMTPException) as err:
        if not delivered:
            raise SendFailed(f"cec could not send through {settings.described()}: {_reason(err)}.",
                             f"Check the settings ({settings.source}) or run `cec meeting send --setup`. "
                             "Nothing was sent and nothing recorded.") from None
        refused.append(f"the rest: {_reason(err)}")
    return delivered, refused


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _reason(err: Exception) -> str:
    import smtplib

    if isinstance(err, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{code} {_text(text)}" for code, text in err.recipients.values())
    if isinstance(err, smtplib.SMTPResponseException):
        return f"{err.smtp_code} {_text(err.smtp_error)}"
    return str(err) or type(err).__name__


# --- recording --------------------------------------------------------------------------------

def record(root: Path, mailing: Mailing, delivered: list[str], author: str | None = None,
           today: dt.date | None = None) -> str | None:
    """One commit: `agenda_sent` (or `minutes.sent`) set to today, and the PDF that was sent kept
    beside the DOCX. Returns the commit."""
    from cecli.records.meetings import MINUTES_ORDER, ORDER
    from cecli.store import change, put

    day = today or dt.date.today()
    count = len(delivered)
    message_ = (f"Record that the {mailing.what} of the meeting of {mailing.meeting_id} was emailed to "
                f"{count} member{'' if count == 1 else 's'} on {day.isoformat()}.")
    with change(root, message_, author=author) as tx:
        doc = tx.edit(f"meetings/{mailing.meeting_id}.yaml")
        if mailing.what == "agenda":
            put(doc, "agenda_sent", day, ORDER)
        else:
            if doc.get("minutes") is None:
                put(doc, "minutes", {}, ORDER)
            put(doc["minutes"], "sent", day, MINUTES_ORDER)
        tx.write_bytes(mailing.rel, mailing.pdf)
    sha, _paths = tx.result
    return sha
