"""Every document type opens in LibreOffice and its PDF says what it must (the council, the date, the people).

LibreOffice is required: .ci/run installs it. Without `soffice` this test fails rather than skips.
"""

from __future__ import annotations

import shutil
import subprocess

from documents_council import COUNCIL_NAME, FILES, every_document

EXPECTED = {
    # file: (the date as printed, names that must appear)
    "agenda": ("Tuesday, October 14, 2025", ["José Núñez", "Nguyễn Thị Lan", "Budget & <FY26> review"]),
    "minutes": ("Tuesday, October 14, 2025", ["José Núñez", "Nguyễn Thị Lan", "Pat Lee"]),
    "sign-in": ("Tuesday, October 14, 2025", ["José Núñez", "Nguyễn Thị Lan", "Pat Lee"]),
    "ballot": ("Tuesday, September 30, 2025", ["José Núñez", "Nguyễn Thị Lan", "Pat Lee", "Vote for 3"]),
    "interest-form": ("Monday, December 1, 2025", ["Business leader", "Faith-based leader"]),
    "info-session": ("Tuesday, September 2, 2025", ["Information session", "Cafeteria"]),
    "plan": ("Monday, December 1, 2025", ["José Núñez", "Nguyễn Thị Lan", "Not yet written"]),
    "progress-report": ("Monday, December 1, 2025", ["José Núñez", "Nguyễn Thị Lan", "Fund tutoring"]),
}


def test_every_document_converts_to_pdf_with_the_expected_text(council, tmp_path):
    from cecli.loader import load_council

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is required for this test; .ci/run installs it"
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is required for this test"
    loaded, _ = load_council(council(FILES))
    folder = tmp_path / "docx"
    folder.mkdir()
    for rel, data in every_document(loaded).items():
        name = rel.rsplit("/", 1)[-1]
        (folder / name).write_bytes(data)
    assert sorted(p.stem for p in folder.iterdir()) == sorted(EXPECTED)
    pdfs = tmp_path / "pdf"
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(pdfs), *sorted(str(p) for p in folder.iterdir())],
        check=True, capture_output=True, timeout=600,
    )
    for stem, (day, names) in EXPECTED.items():
        pdf = pdfs / f"{stem}.pdf"
        assert pdf.is_file(), f"LibreOffice did not convert {stem}.docx"
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
        text = " ".join(text.split())
        assert COUNCIL_NAME in text, stem
        assert day in text, stem
        assert "Page 1 of" in text, stem
        for name in names:
            assert name in text, (stem, name)
        assert "Samantha" not in text or stem not in ("progress-report", "plan"), stem
