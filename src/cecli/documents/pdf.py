"""PDF beside the DOCX: LibreOffice (headless) converts, tagged for screen readers.

    pdfs = to_pdf({"documents/x/agenda.docx": data}, day)   # {"documents/x/agenda.pdf": bytes}

Each conversion runs `soffice --headless` with a profile folder of its own (so parallel runs and a
user's open LibreOffice never share one) and LibreOffice's PDF export filter with `UseTaggedPDF`:
the PDF carries its structure (headings, tables with header rows, reading order), the document's
title and its language (`pdfinfo` says `Tagged: yes`). The bytes are made reproducible: the
creation date becomes the document's date and the file identifier a digest of the content, so the
same DOCX gives the same PDF.

LibreOffice is found as `CEC_SOFFICE` (a path), else `soffice` or `libreoffice` on PATH, else in
its usual macOS place. When it is missing, `NoLibreOffice` says how to install it; the commands
then write the DOCX alone and exit 1 (docs/documents.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from cecli.errors import EXIT_FINDINGS, CecError

EXPORT_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
MAC_SOFFICE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
TIMEOUT_SECONDS = 300


class NoLibreOffice(CecError):
    """--pdf was asked for and LibreOffice cannot be found: the DOCX is written, the PDF is not."""

    exit_code = EXIT_FINDINGS


class ConversionFailed(CecError):
    """LibreOffice ran but wrote no PDF."""

    exit_code = EXIT_FINDINGS


def find_soffice() -> str | None:
    given = os.environ.get("CEC_SOFFICE")
    if given:
        return given if os.path.isfile(given) and os.access(given, os.X_OK) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return MAC_SOFFICE if os.path.isfile(MAC_SOFFICE) else None


def missing_message(what: str = "the DOCX") -> NoLibreOffice:
    return NoLibreOffice(
        f"LibreOffice is not installed (or not on PATH), so no PDF was written; {what} was.",
        "Install LibreOffice (Debian/Ubuntu: `apt install libreoffice-writer`; macOS: libreoffice.org), "
        "or set CEC_SOFFICE to its soffice program, then run the command again with --pdf.")


def pdf_name(rel: str) -> str:
    return re.sub(r"\.docx$", ".pdf", rel, flags=re.IGNORECASE)


def to_pdf(files: dict[str, bytes], day: dt.date | None = None) -> dict[str, bytes]:
    """Tagged PDFs of `files` ({path: DOCX bytes}), keyed by the same paths ending in .pdf. All in
    one LibreOffice run. Raises NoLibreOffice or ConversionFailed."""
    soffice = find_soffice()
    if soffice is None:
        raise missing_message()
    if not files:
        return {}
    with tempfile.TemporaryDirectory(prefix="cec-pdf-") as work:
        folder = Path(work)
        sources, names = folder / "in", {}
        sources.mkdir()
        for number, (rel, data) in enumerate(sorted(files.items())):
            # numbered names: two documents called agenda.docx from different folders never collide
            name = f"{number:04d}-{Path(rel).stem}.docx"
            (sources / name).write_bytes(data)
            names[name] = rel
        out = folder / "out"
        command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                   "--norestore", "--convert-to", EXPORT_FILTER, "--outdir", str(out),
                   *[str(sources / name) for name in sorted(names)]]
        try:
            ran = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS,
                                 env={**os.environ, "HOME": str(folder)})
        except (OSError, subprocess.TimeoutExpired) as err:
            raise ConversionFailed(f"LibreOffice could not convert the documents to PDF: {err}.",
                                   "The DOCX files were written; open them in Word or LibreOffice to save a PDF.") from None
        result = {}
        for name, rel in names.items():
            pdf = out / (Path(name).stem + ".pdf")
            if not pdf.is_file():
                said = (ran.stderr or ran.stdout).decode("utf-8", "replace").strip().splitlines()
                raise ConversionFailed(
                    f"LibreOffice wrote no PDF for {rel}" + (f" ({said[-1]})." if said else "."),
                    "The DOCX files were written; open them in Word or LibreOffice to save a PDF.")
            result[pdf_name(rel)] = reproducible(pdf.read_bytes(), day)
        return result


def reproducible(data: bytes, day: dt.date | None) -> bytes:
    """The PDF with its creation date set to `day` and its file identifier (and LibreOffice's
    document checksum) derived from the content, each the same length as before, so the byte
    offsets of the cross-reference table stay right."""
    stamp = (day or dt.date(2000, 1, 1)).strftime("%Y%m%d") + "000000"

    def fixed_date(match: re.Match) -> bytes:
        old = match.group(1)
        return b"/CreationDate(D:" + stamp.encode()[: len(old)].ljust(len(old), b"0") + match.group(2)

    data = re.sub(rb"/CreationDate\(D:(\d{14})([^)]*\))", fixed_date, data)
    digest_input = re.sub(rb"/ID \[ <[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+> \]|/DocChecksum /[0-9A-Fa-f]+", b"", data)
    digest = hashlib.md5(digest_input).hexdigest().upper().encode()  # an identifier, not security

    def fixed_id(match: re.Match) -> bytes:
        first, gap, second = match.group(1), match.group(2), match.group(3)
        return b"/ID [ <" + digest[: len(first)] + b">" + gap + b"<" + digest[: len(second)] + b"> ]"

    data = re.sub(rb"/ID \[ <([0-9A-Fa-f]+)>(\s*)<([0-9A-Fa-f]+)> \]", fixed_id, data)
    data = re.sub(rb"/DocChecksum /([0-9A-Fa-f]+)",
                  lambda m: b"/DocChecksum /" + digest[: len(m.group(1))], data)
    return data
