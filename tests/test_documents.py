"""Documents: reproducible bytes, escaped text, privacy, real headings, repeating headers, strict templates."""

from __future__ import annotations

import io
import zipfile

import pytest
from documents_council import COUNCIL_NAME, DAY, FILES, TITLE, docx_part, docx_text, every_document

from conftest import SAMPLE, invoke


@pytest.fixture
def loaded(council):
    from cecli.loader import load_council

    root = council(FILES)
    found, findings = load_council(root)
    assert not [f for f in findings if f.severity.value == "error"], findings
    return found


def test_meeting_documents_are_keyed_by_path(loaded):
    from cecli.documents import meeting_documents

    meeting = loaded.meetings[0]
    assert sorted(meeting_documents(loaded, meeting)) == [
        "documents/meetings/2025-10-14/agenda.docx",
        "documents/meetings/2025-10-14/minutes.docx",
        "documents/meetings/2025-10-14/sign-in.docx",
    ]


def test_regenerating_gives_identical_bytes(loaded):
    first, second = every_document(loaded), every_document(loaded)
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], name


def test_zip_entries_have_fixed_timestamps_and_core_properties(loaded):
    data = every_document(loaded)["ballot.docx"]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "<dc:creator>cec</dc:creator>" in core
    assert "2025-09-30T00:00:00Z" in core
    assert "<cp:revision>1</cp:revision>" in core


def test_awkward_text_survives_in_every_document(loaded):
    for name, data in every_document(loaded).items():
        text = docx_text(data)
        assert COUNCIL_NAME in text, name  # in the header of every page
        assert "Page" in text, name
    documents = every_document(loaded)
    for name in ("agenda.docx", "minutes.docx", "sign-in.docx"):
        text = docx_text(documents[f"documents/meetings/2025-10-14/{name}"])
        assert TITLE in text, name
    for name in ("ballot.docx", "progress-report.docx"):
        assert TITLE in docx_text(documents[name]), name
    for name in ("documents/meetings/2025-10-14/minutes.docx", "documents/meetings/2025-10-14/sign-in.docx",
                 "ballot.docx", "plan.docx", "progress-report.docx"):
        text = docx_text(documents[name])
        assert "José Núñez" in text and "Nguyễn Thị Lan" in text, name
    agenda = docx_text(documents["documents/meetings/2025-10-14/agenda.docx"])
    assert "Data & <scores>" in agenda and "Public comment" in agenda and "Next meeting" in agenda
    assert "Regular meeting: Tuesday, November 11, 2025" in agenda  # what follows the title is all there


def _planted(council):
    """The document council with private names planted in free text, a hidden adult and an
    unrecorded past meeting."""
    from cecli.loader import load_council

    files = dict(FILES)
    files["roster.yaml"] = FILES["roster.yaml"].rstrip() + (
        "\n          - {id: hal, name: Harriet Hushwood, category: parent, public_name: false, "
        "email: hh@example.org}\n")
    files["goals.yaml"] = FILES["goals.yaml"].replace(
        "note: Tutoring started", "note: Tutoring started; Samantha Hiddenname and Harriet Hushwood signed up")
    files["recommendations.yaml"] = """
        recommendations:
          - {id: tutoring, date: 2025-11-11, to: school-leadership, status: accepted,
             text: "Fund tutoring, as samantha hiddenname proposed",
             response: "Harriet Hushwood (hh@example.org) will arrange it"}
    """
    files["plan.yaml"] = FILES["plan.yaml"].replace("Elections.", "Elections run by Harriet Hushwood.")
    files["meetings/2025-11-20.yaml"] = "title: Unrecorded meeting\ndate: 2025-11-20\n"
    loaded, findings = load_council(council(files))
    assert not [f for f in findings if f.severity.value == "error"], findings
    return loaded


def test_private_details_and_unnamed_members_stay_out_of_public_documents(council):
    documents = every_document(_planted(council))
    for name in ("progress-report.docx", "plan.docx", "documents/meetings/2025-10-14/sign-in.docx"):
        text = docx_text(documents[name])
        for value in ("Samantha", "Hiddenname", "Harriet", "Hushwood", "hh@example.org", "jose@example.org",
                      "555-0100", "Private remark"):
            assert value.lower() not in text.lower(), (name, value)
    report = docx_text(documents["progress-report.docx"])
    assert "1 student member" in report and "1 member" in report and "Not named publicly" in report
    assert "Tutoring started; [withheld] and [withheld] signed up" in report
    assert "Fund tutoring, as [withheld] proposed" in report and "[withheld] ([withheld]) will arrange it" in report
    plan = docx_text(documents["plan.docx"])
    assert "Elections run by [withheld]." in plan
    assert plan.count("A student member") == 1 and plan.count("A member") == 1


def test_the_progress_report_lists_only_meetings_held(council):
    report = docx_text(every_document(_planted(council))["progress-report.docx"])
    assert "Budget & <FY26> review" in report  # status: held
    assert "Unrecorded meeting" not in report  # past, but no status and nobody recorded present


def test_a_student_with_public_name_is_named(council):
    from cecli.documents import progress_report
    from cecli.loader import load_council

    files = dict(FILES)
    files["roster.yaml"] = FILES["roster.yaml"].replace("category: student}", "category: student, public_name: true}")
    found, _ = load_council(council(files))
    assert "Samantha Hiddenname" in docx_text(progress_report(found, "2025-26", DAY))


def test_documents_write_vocabulary_words_as_the_site_does(loaded):
    documents = every_document(loaded)
    for name in ("plan.docx", "documents/meetings/2025-10-14/sign-in.docx"):
        text = docx_text(documents[name])
        assert "Faith-based leader" in text and "Faith based" not in text, name
        assert "Business leader" in text, name


def test_headings_use_real_heading_styles(loaded):
    for name, data in every_document(loaded).items():
        xml = docx_part(data)
        assert '<w:pStyle w:val="Heading1"/>' in xml, name
        assert '<w:pStyle w:val="Heading2"/>' in xml, name


def test_sign_in_header_row_repeats(loaded):
    from cecli.documents import meeting_documents

    data = meeting_documents(loaded, loaded.meetings[0])["documents/meetings/2025-10-14/sign-in.docx"]
    xml = docx_part(data)
    first_row = xml[xml.index("<w:tr"):xml.index("</w:tr>")]
    assert "<w:tblHeader" in first_row and "Name" in docx_text(data)
    footer = "".join(docx_part(data, n) for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if "footer" in n and n.endswith(".xml"))
    assert "NUMPAGES" in footer and " PAGE " in footer


def test_minutes_have_boxes_votes_and_every_agenda_item(loaded):
    from cecli.documents import meeting_documents

    text = docx_text(meeting_documents(loaded, loaded.meetings[0])["documents/meetings/2025-10-14/minutes.docx"])
    # attendance recorded: finished minutes (tests/test_minutes_documents.py), members by full name
    assert "Members present:" in text and "José Núñez" in text
    for item in ("Welcome", "Data & <scores>", "Public comment", "Call to order", "Adjournment"):
        assert item in text
    assert "Adopt the schedule" in text and "JN = " not in text


def test_plan_flags_missing_components(loaded):
    from cecli.documents import engagement_plan

    text = docx_text(engagement_plan(loaded, DAY))
    assert text.count("Not yet written") == 5
    assert "We asked parents & teachers." in text and "A second paragraph." in text


def test_ballot_has_one_page_per_copy_and_vote_for_n(loaded):
    from cecli.documents import ballot

    xml = docx_part(ballot(loaded, "fall-2025", copies=3))
    # copies 2 and 3 start on a new page through their heading (no break paragraph that could
    # spill onto a blank page of its own; the printed page count is tested in test_documents_out.py)
    assert xml.count("<w:pageBreakBefore/>") == 2 and 'w:type="page"' not in xml
    assert xml.count("Vote for 3") == 3
    assert "Teachers and school or district staff do not vote" in docx_text(ballot(loaded, "fall-2025"))


def test_a_council_template_naming_an_unknown_field_is_a_clear_error(loaded):
    from docx import Document

    from cecli.documents import TemplateProblem, meeting_documents
    from cecli.documents.templating import packaged_template

    document = Document(str(packaged_template("agenda.docx")))
    document.add_paragraph("Room: {{ meeting.room }}")
    (loaded.root / "templates").mkdir()
    document.save(str(loaded.root / "templates" / "agenda.docx"))
    with pytest.raises(TemplateProblem) as caught:
        meeting_documents(loaded, loaded.meetings[0])
    assert caught.value.message == "template agenda.docx uses `meeting.room`, which cec does not provide."
    assert caught.value.exit_code == 2
    assert "place" in caught.value.hint


def test_a_council_template_takes_precedence(loaded):
    from docx import Document

    from cecli.documents import meeting_documents
    from cecli.documents.templating import packaged_template

    document = Document(str(packaged_template("agenda.docx")))
    document.add_paragraph("Hosted by {{ council.district }}")
    (loaded.root / "templates").mkdir()
    document.save(str(loaded.root / "templates" / "agenda.docx"))
    text = docx_text(meeting_documents(loaded, loaded.meetings[0])["documents/meetings/2025-10-14/agenda.docx"])
    assert "Hosted by Test County School District" in text


def test_packaged_templates_are_reproducible(tmp_path):
    from cecli.documents.build_templates import build
    from cecli.documents.templating import TEMPLATES, packaged_template

    built = build(tmp_path)
    assert sorted(p.name for p in built) == sorted(TEMPLATES)
    for path in built:
        assert path.read_bytes() == packaged_template(path.name).read_bytes(), path.name


def test_documents_do_not_load_word_libraries_for_check():
    import subprocess
    import sys

    code = ("import sys, cecli.documents, cecli.check; "
            "print(sorted(m for m in ('docx', 'docxtpl', 'jinja2') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_cli_writes_documents_to_out_without_committing(council, tmp_path):
    root = council(FILES)
    target = tmp_path / "ballot.docx"
    result = invoke(["ballot", "fall-2025", "--copies", "2", "--out", target, "--council", root])
    assert result.exit_code == 0, result.output
    assert "José Núñez" in docx_text(target.read_bytes())
    result = invoke(["templates", "list", "--council", root])
    assert result.exit_code == 0 and "agenda.docx" in result.output and "packaged" in result.output
    result = invoke(["ballot", "nope", "--council", root])
    assert result.exit_code == 2 and "no election `nope`" in result.output


def test_cli_commits_documents_and_public_reports(council, monkeypatch):
    import subprocess

    root = council(FILES)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    monkeypatch.setenv("CEC_AUTHOR", "Test Secretary <secretary@example.org>")
    result = invoke(["report", "progress", "--year", "2025-26", "--date", "2025-12-01", "--council", root])
    assert result.exit_code == 0, result.output
    assert (root / "documents/reports/progress-report-2025-26.docx").is_file()
    result = invoke(["report", "add", "--date", "2026-01-20", "--title", "Winter & <update>", "--format",
                     "town-hall", "--council", root])
    assert result.exit_code == 0, result.output
    log = subprocess.run(["git", "log", "--format=%s", "--name-only"], cwd=root, capture_output=True,
                         text=True).stdout
    assert "Record the public report of 2026-01-20.\n\nreports.yaml" in log
    assert "Winter & <update>" in (root / "reports.yaml").read_text(encoding="utf-8")
    result = invoke(["templates", "copy", "agenda", "--council", root])
    assert result.exit_code == 0 and (root / "templates/agenda.docx").is_file()


def test_a_mistyped_report_format_is_refused_with_the_closest_format(council):
    import subprocess

    root = council(FILES)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    result = invoke(["report", "add", "--date", "2026-01-20", "--title", "Winter update", "--format", "town-hal",
                     "--council", root])
    assert result.exit_code == 2
    assert "`town-hal` is not a report format cec knows." in result.output
    assert "Did you mean town-hall? Use one of: presentation," in result.output


def test_document_commands_share_the_council_and_author_options():
    from cecli.cli import common, documents

    assert documents.COUNCIL is common.COUNCIL and documents.AUTHOR is common.AUTHOR


def test_sample_council_documents_are_reproducible(tmp_path):
    import shutil

    from cecli import documents
    from cecli.loader import load_council

    if not (SAMPLE / "council.yaml").is_file():
        pytest.fail("sample-council/ has no council.yaml")
    shutil.copytree(SAMPLE, tmp_path / "sample")
    found, _ = load_council(tmp_path / "sample")
    for meeting in found.meetings:
        assert documents.meeting_documents(found, meeting) == documents.meeting_documents(found, meeting)
    for election in (found.outreach.elections if found.outreach else []):
        assert documents.ballot(found, election.id) == documents.ballot(found, election.id)
    for year in (found.goals.years if found.goals else {}):
        assert documents.progress_report(found, year, DAY) == documents.progress_report(found, year, DAY)


def test_agenda_names_a_member_presenter_and_keeps_a_guest_presenter(tmp_path):
    """A presenter given as a member id prints as the member's name; a guest's name prints as typed."""
    import io
    import zipfile

    from conftest import MS_COUNCIL, write_council
    from cecli.documents import meeting_documents
    from cecli.loader import load_council

    root = write_council(tmp_path / "c", {
        "council.yaml": MS_COUNCIL,
        "roster.yaml": "members:\n  - {id: ann-lee, name: Ann Lee, category: parent}\n",
        "meetings/2026-12-08.yaml": "date: 2026-12-08\nstart: \"18:00\"\nagenda:\n"
                                    "  - {title: Welcome, minutes: 5, presenter: ann-lee}\n"
                                    "  - {title: Data, minutes: 20, presenter: Principal Carla Jennings}\n",
    })
    council, _ = load_council(root)
    docs = meeting_documents(council, council.meetings[0])
    for name in ("agenda.docx", "minutes.docx"):
        xml = zipfile.ZipFile(io.BytesIO(docs[f"documents/meetings/2026-12-08/{name}"])).read("word/document.xml").decode()
        assert "Ann Lee" in xml and "Principal Carla Jennings" in xml
        assert "ann-lee" not in xml


def test_documents_are_committed_and_never_written_uncommitted(council, tmp_path):
    root = council(FILES)
    result = invoke(["ballot", "fall-2025", "--council", root])
    assert result.exit_code == 2 and "not in a git repository" in result.output, result.output
    assert not (root / "documents").exists()
    for out in (root / "documents" / "ballot.docx", root):
        result = invoke(["ballot", "fall-2025", "--council", root, "--out", out])
        assert result.exit_code == 2 and "Leave out --out" in result.output, result.output
    assert not (root / "documents").exists() and not (root / "ballot.docx").exists()


def test_an_unwritable_out_is_a_plain_error(council, tmp_path):
    root = council(FILES)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    result = invoke(["form", "interest", "--council", root, "--out", blocker / "form.docx"])
    assert result.exit_code == 2, result.output
    assert f"cec could not write {blocker}" in result.output and "Choose another place with --out." in result.output
    assert "Traceback" not in result.output
