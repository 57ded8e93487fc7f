"""cec meeting send, end to end against a real SMTP server on 127.0.0.1 (aiosmtpd): who receives
what, the PDF attached, one commit recording it, nothing sent twice, the question asked in a real
terminal, STARTTLS with a password.
"""

from __future__ import annotations

import email
import email.policy
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from documents_council import FILES

from conftest import invoke

SENDER = "Council Secretary <secretary@example.org>"
EMAILS = {"jose-nunez": "jose@example.org", "nguyen-thi-lan": "lan@example.org", "pat-lee": "pat@example.org"}


class Inbox:
    """An aiosmtpd handler keeping every message it accepts."""

    def __init__(self) -> None:
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"

    def messages(self):
        return [(e.rcpt_tos, email.message_from_bytes(e.content, policy=email.policy.default)) for e in self.envelopes]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp():
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield inbox, controller.port
    controller.stop()


@pytest.fixture
def send_council(council, monkeypatch, tmp_path):
    """The document council in git, with emails for three of its four members (the hidden student has none)."""
    roster = FILES["roster.yaml"].replace("email: jose@example.org, ", "").replace(
        "{id: jose-nunez, name: José Núñez,", "{id: jose-nunez, name: José Núñez, email: jose@example.org,").replace(
        "{id: nguyen-thi-lan, name: Nguyễn Thị Lan,", "{id: nguyen-thi-lan, name: Nguyễn Thị Lan, email: lan@example.org,").replace(
        "{id: pat-lee, name: Pat Lee,", "{id: pat-lee, name: Pat Lee, email: pat@example.org,")
    root = council({**FILES, "roster.yaml": roster})
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "Start."],
                   cwd=root, check=True)
    monkeypatch.setenv("CEC_AUTHOR", "Test Secretary <secretary@example.org>")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for name in ("CEC_SMTP", "CEC_SMTP_FROM", "CEC_SMTP_USER", "CEC_SMTP_PASSWORD", "CEC_SMTP_SECURITY"):
        monkeypatch.delenv(name, raising=False)
    return root


def _use(monkeypatch, port: int, security: str = "none") -> None:
    monkeypatch.setenv("CEC_SMTP", f"127.0.0.1:{port}")
    monkeypatch.setenv("CEC_SMTP_FROM", SENDER)
    monkeypatch.setenv("CEC_SMTP_SECURITY", security)


def _git(root, *args) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


def test_the_agenda_goes_to_each_serving_member_as_a_pdf_and_is_recorded_once(send_council, smtp, monkeypatch, tmp_path):
    inbox, port = smtp
    _use(monkeypatch, port)
    root = send_council
    result = invoke(["meeting", "send", "2025-10-14", "--yes", "-C", root])
    assert result.exit_code == 0, result.output
    assert "goes to 3 members: José Núñez, Nguyễn Thị Lan, Pat Lee." in result.output
    assert "No email address on file for: Samantha Hiddenname" in result.output
    received = inbox.messages()
    assert sorted(r for rcpts, _m in received for r in rcpts) == sorted(EMAILS.values())
    for rcpts, message in received:
        assert len(rcpts) == 1 and message["To"].addresses[0].addr_spec == rcpts[0]
        assert message["From"] == SENDER
        assert message["Subject"].startswith('Núñez & <Test> "Elementary" CEC: Agenda of the Budget & <FY26>')
        others = set(EMAILS.values()) - set(rcpts)
        assert not any(o in message.as_string() for o in others)  # nobody sees the others' addresses
        [attachment] = list(message.iter_attachments())
        assert attachment.get_content_type() == "application/pdf"
        assert attachment.get_filename() == "agenda-2025-10-14.pdf"
        pdf = attachment.get_content()
        assert pdf.startswith(b"%PDF") and b"/StructTreeRoot" in pdf
        path = tmp_path / "sent.pdf"
        path.write_bytes(pdf)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        assert "Tagged:          yes" in info
    # one commit: the date sent, and the PDF that went out
    assert _git(root, "show", "--name-only", "--format=%s", "HEAD").split() [-2:] == [
        "documents/meetings/2025-10-14/agenda.pdf", "meetings/2025-10-14.yaml"]
    assert "agenda_sent: " in (root / "meetings/2025-10-14.yaml").read_text()
    assert (root / "documents/meetings/2025-10-14/agenda.pdf").read_bytes() == pdf

    # never twice, unless --again
    result = invoke(["meeting", "send", "2025-10-14", "--yes", "-C", root])
    assert result.exit_code == 1 and "already sent on" in result.output and "--again" in result.output
    assert len(inbox.envelopes) == 3
    result = invoke(["meeting", "send", "2025-10-14", "--yes", "--again", "-C", root])
    assert result.exit_code == 0, result.output
    assert len(inbox.envelopes) == 6


def test_the_minutes_are_sent_once_recorded_and_record_minutes_sent(send_council, smtp, monkeypatch):
    inbox, port = smtp
    _use(monkeypatch, port)
    root = send_council
    result = invoke(["meeting", "send", "2025-10-14", "--minutes", "--yes", "-C", root])
    assert result.exit_code == 2 and "not recorded yet" in result.output and not inbox.envelopes
    meeting = root / "meetings/2025-10-14.yaml"
    meeting.write_text(meeting.read_text() + "minutes: {recorded: 2025-10-16}\n")
    _git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qam", "Minutes recorded.")
    result = invoke(["meeting", "send", "2025-10-14", "--minutes", "--yes", "-C", root])
    assert result.exit_code == 0, result.output
    [(_r, message), *_rest] = inbox.messages()
    assert "Minutes of the" in message["Subject"]
    assert [a.get_filename() for a in message.iter_attachments()] == ["minutes-2025-10-14.pdf"]
    assert "sent: " in meeting.read_text().split("minutes:", 1)[1]


def test_without_settings_or_a_terminal_nothing_is_sent(send_council, smtp, monkeypatch):
    inbox, port = smtp
    result = invoke(["meeting", "send", "2025-10-14", "--yes", "-C", send_council])
    assert result.exit_code == 2 and "cec meeting send --setup" in result.output and "CEC_SMTP" in result.output
    _use(monkeypatch, port)
    result = invoke(["meeting", "send", "2025-10-14", "-C", send_council])  # no --yes, no terminal
    assert result.exit_code == 2 and "--yes" in result.output
    assert not inbox.envelopes and "agenda_sent" not in (send_council / "meetings/2025-10-14.yaml").read_text()
    monkeypatch.setenv("CEC_SMTP", f"127.0.0.1:{_free_port()}")  # nobody listening
    result = invoke(["meeting", "send", "2025-10-14", "--yes", "-C", send_council])
    assert result.exit_code == 1 and "could not send through" in result.output and "Traceback" not in result.output


def test_it_asks_in_a_terminal_before_sending(send_council, smtp, monkeypatch):
    import pexpect

    inbox, port = smtp
    env = {**os.environ, "CEC_SMTP": f"127.0.0.1:{port}", "CEC_SMTP_FROM": SENDER, "CEC_SMTP_SECURITY": "none"}
    cec = [sys.executable, "-m", "cecli", "meeting", "send", "2025-10-14", "-C", str(send_council)]
    child = pexpect.spawn(cec[0], cec[1:], env=env, encoding="utf-8", timeout=120)
    child.expect(r"Send it through 127\.0\.0\.1\? \[y/N\]")
    child.sendline("n")
    child.expect("Nothing was sent.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and not inbox.envelopes
    child = pexpect.spawn(cec[0], cec[1:], env=env, encoding="utf-8", timeout=120)
    child.expect(r"\[y/N\]")
    child.sendline("y")
    child.expect("Sent the agenda to 3 members and recorded it")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and len(inbox.envelopes) == 3


def test_setup_saves_the_settings_for_the_user_only_and_starttls_with_a_password_works(
        send_council, monkeypatch, tmp_path):
    import ssl

    import pexpect
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    # a certificate for 127.0.0.1 that this test's client trusts (SSL_CERT_FILE)
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert), str(key))
    logins = []

    def authenticator(server, session, envelope, mechanism, data):
        logins.append((data.login, data.password))
        return AuthResult(success=data.login == b"secretary" and data.password == b"s3cret pass")

    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True,
                            authenticator=authenticator, auth_required=True)
    controller.start()
    try:
        env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "SSL_CERT_FILE": str(cert)}
        child = pexpect.spawn(sys.executable, ["-m", "cecli", "meeting", "send", "--setup"], env=env,
                              encoding="utf-8", timeout=60)
        for question, answer in (("Mail server", "127.0.0.1"), ("Security", "starttls"), ("Port", str(port)),
                                 ("Send as", SENDER), ("User name", "secretary"), ("Password", "s3cret pass")):
            child.expect(question)
            child.sendline(answer)
        child.expect("readable by you only")
        child.expect(pexpect.EOF)
        saved = tmp_path / "config" / "cec" / "smtp.ini"
        assert saved.stat().st_mode & 0o777 == 0o600
        assert "s3cret pass" not in child.before  # the password was not echoed
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))
        result = invoke(["meeting", "send", "2025-10-14", "--yes", "-C", send_council])
        assert result.exit_code == 0, result.output
        assert logins == [(b"secretary", b"s3cret pass")] and len(inbox.envelopes) == 3
    finally:
        controller.stop()
