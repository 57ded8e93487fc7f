"""Small, deterministic DOCX building blocks for the export (membership list, calendar, index).

The export uses only `new_document`, `add_table` and `save_reproducible`. They use the shared
document base (`cecli.documents.base`: page size, margins, header and footer, repeating table
headers, reproducible saving) when it is there, and a plain python-docx equivalent otherwise.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

FIXED = dt.datetime(2000, 1, 1, 0, 0, 0)


def _base():
    try:
        from cecli.documents import base
    except ImportError:
        return None
    return base if hasattr(base, "save_reproducible") and hasattr(base, "new_document") else None


def new_document(title: str, subtitle: str = "", when: dt.date | None = None, header: str = ""):
    """A document with real heading styles, a title and core properties fixed by `when`."""
    base = _base()
    if base is not None:
        document = base.new_document()
        if header and hasattr(base, "add_running_header_footer"):
            base.add_running_header_footer(document, header, when.isoformat() if when else "")
        document.core_properties.title = title
        document.add_heading(title, level=0)
        if subtitle:
            document.add_paragraph(subtitle)
        return document
    from docx import Document

    document = Document()
    props = document.core_properties
    stamp = dt.datetime.combine(when, dt.time()) if when else FIXED
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    props.author = "cec"
    props.last_modified_by = "cec"
    props.title = title
    document.add_heading(title, level=0)
    if subtitle:
        document.add_paragraph(subtitle)
    return document


def add_table(document, header: list[str], rows: list[list[str]]):
    """A bordered table whose header row repeats on every page (w:tblHeader)."""
    base = _base()
    if base is not None:
        return base.add_table(document, header, [[str(v) for v in row] for row in rows])
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    trpr = table.rows[0]._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    trpr.append(flag)
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values):
            lines = str(text).split("\n")
            cell.text = lines[0]
            for extra in lines[1:]:
                cell.add_paragraph(extra)
    return table


def save_reproducible(document, when: dt.date | None = None) -> bytes:
    """The document as bytes that depend only on its content: fixed entry times, sorted entries."""
    base = _base()
    if base is not None:
        return base.save_reproducible(document, when, document.core_properties.title or "")
    raw = io.BytesIO()
    document.save(raw)
    return normalise_zip(raw.getvalue(), when)


def normalise_zip(data: bytes, when: dt.date | None = None) -> bytes:
    stamp = (when.year, when.month, when.day, 0, 0, 0) if when else FIXED.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        # [Content_Types].xml first, as Word expects; the rest in a fixed order
        ordered = [n for n in names if n == "[Content_Types].xml"] + sorted(n for n in names if n != "[Content_Types].xml")
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            target.writestr(info, source.read(name))
    return out.getvalue()
