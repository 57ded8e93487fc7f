"""Documents fit to print, post and send (issue 16): tagged PDF, no blank pages, privacy on what is
posted, dates and statuses as of the document's date, tables that keep their rows and words whole.

LibreOffice and poppler are required (.ci/run installs them): these tests fail rather than skip
without them.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from documents_council import FILES, docx_part, docx_text

from conftest import REPO, SAMPLE

NY_EXAMPLE = REPO / "docs" / "examples" / "ny-council"


def _load(root):
    from cecli.loader import load_council

    council, _ = load_council(root)
    return council


def _pdfinfo(data: bytes, tmp_path, name: str = "doc") -> dict[str, str]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    lines = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in lines.splitlines() if ":" in line)}


def _pdftext(data: bytes, tmp_path, name: str = "doc") -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode()


@pytest.fixture(scope="module")
def sample_pdfs(tmp_path_factory):
    """The sample council's ballot (4 copies), a plan dated October 2025 of the New York example and
    the sample's 2025-26 progress report, as PDFs (one LibreOffice run)."""
    from cecli import documents
    from cecli.documents.pdf import to_pdf

    assert shutil.which("soffice") and shutil.which("pdfinfo"), "LibreOffice and poppler are required"
    base = tmp_path_factory.mktemp("pdfs")
    shutil.copytree(SAMPLE, base / "sample")
    shutil.copytree(NY_EXAMPLE, base / "ny")
    sample, ny = _load(base / "sample"), _load(base / "ny")
    files = {
        "ballot.docx": documents.ballot(sample, "2025-general", copies=4),
        "plan.docx": documents.engagement_plan(ny, dt.date(2025, 10, 15)),
        "progress.docx": documents.progress_report(sample, "2025-26", dt.date(2026, 6, 30)),
    }
    return files, to_pdf(files, dt.date(2025, 10, 15))


def test_pdfs_are_tagged_with_title_and_language(sample_pdfs, tmp_path):
    _docx, pdfs = sample_pdfs
    info = _pdfinfo(pdfs["ballot.pdf"], tmp_path)
    assert info["Tagged"] == "yes"
    assert info["Title"] == "Ballot: Election of the first Community Engagement Council"
    assert b"/Lang(en-US)" in pdfs["ballot.pdf"]
    assert b"/StructTreeRoot" in pdfs["plan.pdf"]


def test_the_same_document_gives_the_same_pdf(sample_pdfs):
    from cecli.documents.pdf import to_pdf

    docx, pdfs = sample_pdfs
    again = to_pdf({"ballot.docx": docx["ballot.docx"]}, dt.date(2025, 10, 15))
    assert again["ballot.pdf"] == pdfs["ballot.pdf"]


def test_four_ballots_print_on_exactly_four_pages(sample_pdfs, tmp_path):
    _docx, pdfs = sample_pdfs
    assert _pdfinfo(pdfs["ballot.pdf"], tmp_path)["Pages"] == "4"
    pages = _pdftext(pdfs["ballot.pdf"], tmp_path).split("\f")
    assert [p.count("Official ballot") for p in pages if p.strip()] == [1, 1, 1, 1]


def test_a_plan_dated_october_does_not_call_later_meetings_held(sample_pdfs, tmp_path):
    _docx, pdfs = sample_pdfs
    text = _pdftext(pdfs["plan.pdf"], tmp_path)
    calendar = text.split("Meeting calendar", 1)[1].split("Signature", 1)[0]
    rows = [line for line in calendar.splitlines() if "2025" in line or "2026" in line]
    held = [line for line in rows if "Held" in line]
    assert held and all(("September 16, 2025" in line or "October" in line) for line in held), held
    assert any("December 9, 2025" in line and "Scheduled" in line for line in rows), rows


def test_narrow_columns_break_no_word_and_no_date(sample_pdfs, tmp_path):
    _docx, pdfs = sample_pdfs
    plan = _pdftext(pdfs["plan.pdf"], tmp_path)
    report = _pdftext(pdfs["progress.pdf"], tmp_path)
    # every date in the plan's calendar and the report's meetings is on one line
    for text in (plan, report):
        assert "Communication s" not in text and "Schedul ed" not in text
    assert "December 9, 2025" in plan and "5:30 PM–7:00 PM" in plan
    assert "March 10, 2026" in report and "November 18, 2025" in report and "202 5" not in report


def test_the_plan_keeps_its_signature_block_together(sample_pdfs, tmp_path):
    _docx, pdfs = sample_pdfs
    pages = _pdftext(pdfs["plan.pdf"], tmp_path).split("\f")
    holding = [p for p in pages if "Signed for the Community Engagement Team" in p]
    assert len(holding) == 1 and "Signature:" in holding[0] and "Name:" in holding[0]


def test_the_progress_report_counts_session_attendees_and_members_of_most_of_the_year(sample_pdfs):
    docx, _pdfs = sample_pdfs
    text = docx_text(docx["progress.docx"])
    assert "19 attendees" in text and "27 attendees" in text
    assert "Members present" not in text
    # the 2025-26 student representative served October to May 22: most of the year
    assert "1 student member" in text
    # Keisha Odom served September to January 30: not most of it
    assert "Keisha Odom" not in text


def test_tables_have_header_rows_rows_kept_whole_and_alternative_text(sample_pdfs):
    docx, _pdfs = sample_pdfs
    xml = docx_part(docx["plan.docx"])
    assert xml.count("<w:tblHeader") >= 3 and "<w:cantSplit/>" in xml
    assert 'w:tblCaption w:val="Meeting calendar' in xml and "<w:tblDescription" in xml


def test_documents_say_their_language(sample_pdfs):
    import io
    import zipfile

    docx, _pdfs = sample_pdfs
    with zipfile.ZipFile(io.BytesIO(docx["ballot.docx"])) as z:
        assert 'w:lang w:val="en-US"' in z.read("word/styles.xml").decode()
        assert "<dc:language>en-US</dc:language>" in z.read("docProps/core.xml").decode()


# --- privacy on what is posted -----------------------------------------------------------------

def test_the_privacy_filter_matches_decomposed_and_case_folded_names(council):
    from cecli.privacy import Redactor

    files = dict(FILES)
    files["roster.yaml"] = FILES["roster.yaml"].rstrip() + "\n          - {id: ines, name: Inés Straße, category: student}\n"
    redact = Redactor(_load(council(files)))
    decomposed = "Ine\u0301s Straße spoke; INÉS STRASSE agreed"
    assert redact(decomposed) == "[withheld] spoke; [withheld] agreed"
    assert redact("Samantha Hiddenname") == redact("SAMANTHA HIDDENNAME") == "[withheld]"
    assert redact("A total of Ines") == "A total of Ines"  # another name, not a match


def test_posted_agendas_and_minutes_are_filtered(council):
    from cecli.documents import meeting_documents

    files = dict(FILES)
    files["meetings/2025-10-14.yaml"] = FILES["meetings/2025-10-14.yaml"].replace(
        "title: Welcome, minutes: 5", "title: Welcome Samantha Hiddenname (call 555-0100), minutes: 5").replace(
        'title: \'Budget & <FY26> review "draft"\'', "title: Review with sa\u0301mantha hiddenname".replace("a\u0301", "a"))
    council_ = _load(council(files))
    meeting = next(m for m in council_.meetings if m.id == "2025-10-14")
    docs = meeting_documents(council_, meeting)
    for name in ("agenda.docx", "minutes.docx"):
        text = docx_text(docs[f"documents/meetings/2025-10-14/{name}"])
        assert "Hiddenname" not in text and "hiddenname" not in text and "555-0100" not in text, name
        assert "[withheld]" in text, name


# --- --pdf on the commands ---------------------------------------------------------------------

def _git_council(council, monkeypatch):
    root = council(FILES)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    monkeypatch.setenv("CEC_AUTHOR", "Test Secretary <secretary@example.org>")
    return root


def _committed_paths(root) -> list[str]:
    out = subprocess.run(["git", "show", "--name-only", "--format=", "HEAD"], cwd=root, capture_output=True,
                         text=True, check=True).stdout
    return sorted(out.split())


def test_meeting_new_with_pdf_commits_tagged_pdfs_beside_the_docx(council, monkeypatch, tmp_path):
    from conftest import invoke

    root = _git_council(council, monkeypatch)
    result = invoke(["meeting", "new", "--date", "2026-01-13", "--start", "18:00", "--pdf", "-C", root])
    assert result.exit_code == 0, result.output
    folder = "documents/meetings/2026-01-13"
    assert _committed_paths(root) == sorted(
        ["meetings/2026-01-13.yaml"] + [f"{folder}/{n}.{x}" for n in ("agenda", "minutes", "sign-in") for x in ("docx", "pdf")])
    info = _pdfinfo((root / folder / "agenda.pdf").read_bytes(), tmp_path)
    assert info["Tagged"] == "yes" and info["Title"].startswith("Agenda: ")
    # a PDF once made follows its DOCX: regenerating without --pdf rewrites it, and unchanged is unchanged
    result = invoke(["meeting", "docs", "2026-01-13", "-C", root])
    assert result.exit_code == 0 and "already up to date" in result.output, result.output
    # a changed meeting changes its DOCX, and the PDF made from it follows in the same commit
    old_pdf = (root / folder / "agenda.pdf").read_bytes()
    result = invoke(["meeting", "edit", "2026-01-13", "--title", "Budget review", "-C", root])
    assert result.exit_code == 0, result.output
    assert f"{folder}/agenda.pdf" in _committed_paths(root) and f"{folder}/agenda.docx" in _committed_paths(root)
    assert (root / folder / "agenda.pdf").read_bytes() != old_pdf
    assert "Budget review" in _pdftext((root / folder / "agenda.pdf").read_bytes(), tmp_path)


def test_document_commands_write_pdf_to_out_and_say_when_libreoffice_is_missing(council, monkeypatch, tmp_path):
    from conftest import invoke

    root = _git_council(council, monkeypatch)
    target = tmp_path / "out" / "ballot.docx"
    result = invoke(["ballot", "fall-2025", "--copies", "2", "--pdf", "--out", target, "-C", root])
    assert result.exit_code == 0, result.output
    assert target.is_file() and _pdfinfo(target.with_suffix(".pdf").read_bytes(), tmp_path)["Pages"] == "2"

    monkeypatch.setenv("CEC_SOFFICE", str(tmp_path / "no-libreoffice-here"))
    # (a Mississippi council has no plan document since issue 12: the interest form stands in)
    result = invoke(["form", "interest", "--date", "2025-12-01", "--pdf", "-C", root])
    assert result.exit_code == 1, result.output
    assert "LibreOffice is not installed" in result.output and "no PDF was written" in result.output
    assert _committed_paths(root) == ["documents/recruitment/interest-form.docx"]
    assert not list(root.rglob("*.pdf"))


def test_export_with_pdf_puts_a_pdf_beside_every_word_document(tmp_path):
    import json

    from export_councils import make_ms

    from conftest import invoke

    out = tmp_path / "package"
    result = invoke(["export", make_ms(tmp_path), "--pdf", "--out", out])
    assert result.exit_code == 0, result.output
    words = sorted(p.relative_to(out).with_suffix("").as_posix() for p in out.rglob("*.docx"))
    pdfs = sorted(p.relative_to(out).with_suffix("").as_posix() for p in out.rglob("*.pdf")
                  if not p.relative_to(out).as_posix().split("/")[1:2] == ["evidence"] and "/evidence/" not in p.as_posix())
    assert words and set(words) <= set(pdfs)
    listed = {entry["path"] for entry in json.loads((out / "manifest.json").read_text())["files"]}
    assert "index.pdf" in listed
    assert invoke(["export", "--verify", out]).exit_code == 0


# --- recruitment paperwork ---------------------------------------------------------------------

def _sample(tmp_path):
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    return _load(root)


def test_the_interest_form_says_where_and_how_to_return_it(tmp_path, council):
    from cecli.documents import interest_form

    text = " ".join(docx_text(interest_form(_sample(tmp_path), dt.date(2026, 8, 26))).split())
    assert ("Return this form by email to cec@sweetgum-hollow.example.org, by mail to Front office, Sweetgum "
            "Hollow Elementary School, 1400 Tupelo Bend Road, Okatoma, MS 39421 or in person at Front office") in text
    assert "Questions? Call (601) 555-0100, write to cec@sweetgum-hollow.example.org or see https://" in text
    # without a `contact`, the school and the website still say where
    files = dict(FILES)
    files["council.yaml"] = FILES["council.yaml"].rstrip() + "\n        website: https://test.example.org/cec\n"
    plain = " ".join(docx_text(interest_form(_load(council(files)), dt.date(2025, 9, 3))).split())
    assert "Return this form online at https://test.example.org/cec or by mail to Test Elementary" in plain


def test_the_information_session_agenda_hands_out_forms_and_its_sign_in_takes_contacts(tmp_path):
    from cecli.documents import info_session, meeting_documents
    from cecli.documents.recruiting import info_session_sign_in

    sample = _sample(tmp_path)
    agenda = " ".join(docx_text(info_session(sample, dt.date(2025, 8, 21))).split())
    assert "Return this form" not in agenda
    assert "Interest and nomination forms are handed out at this session" in agenda
    session = next(m for m in sample.meetings if m.id == "2025-08-21")
    for data in (meeting_documents(sample, session)["documents/meetings/2025-08-21/sign-in.docx"],
                 info_session_sign_in(sample, dt.date(2026, 8, 20))):
        text = " ".join(docx_text(data).split())
        assert "sign beside your name" not in text and "Council members" not in text
        assert "Email or phone" in text and "Send me the form" in text
    # a regular meeting's sheet still lists the members to sign
    regular = next(m for m in sample.meetings if m.id == "2026-12-08")
    text = docx_text(meeting_documents(sample, regular)["documents/meetings/2026-12-08/sign-in.docx"])
    assert "Members of the Community Engagement Council: sign beside your name" in " ".join(text.split())


def test_form_info_session_writes_the_agenda_and_the_sign_in_sheet(council, monkeypatch):
    from conftest import invoke

    root = _git_council(council, monkeypatch)
    result = invoke(["form", "info-session", "-C", root])
    assert result.exit_code == 0, result.output
    assert _committed_paths(root) == ["documents/recruitment/info-session-2025-09-02-sign-in.docx",
                                      "documents/recruitment/info-session-2025-09-02.docx"]
