"""Documents as PDF for download: a DOCX converted by LibreOffice (tagged PDF, for screen readers).

Each conversion runs in a fresh temporary folder with its own LibreOffice profile, so two downloads at
once (or a desktop LibreOffice already open) do not trip over each other.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from cecli.errors import CecError

TAGGED_PDF = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


def docx_to_pdf(data: bytes, timeout: float = 120.0) -> bytes:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise CecError("LibreOffice is not installed, so the PDF cannot be made.",
                       "Download the DOCX instead, or install LibreOffice (apt-get install libreoffice-writer).")
    with tempfile.TemporaryDirectory(prefix="cec-pdf-") as folder:
        work = Path(folder)
        source = work / "document.docx"
        source.write_bytes(data)
        profile = work / "profile"
        result = subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", TAGGED_PDF, "--outdir", str(work), str(source)],
            capture_output=True, timeout=timeout)
        target = work / "document.pdf"
        if result.returncode != 0 or not target.is_file():
            raise CecError("LibreOffice could not convert the document to PDF.",
                           result.stderr.decode("utf-8", "replace").strip()[:300] or "Download the DOCX instead.")
        return target.read_bytes()
