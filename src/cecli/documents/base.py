"""The small DOCX toolkit every cec document is built with (python-docx underneath).

Real heading styles, tables whose header row repeats on each page (`w:tblHeader`), a header and
footer carrying the council's name, the document date and "Page X of Y" fields, ☐ boxes, page
breaks, and `save_reproducible`, which fixes the core properties and rewrites the zip so that the
same data always gives the same bytes.

python-docx is imported inside the functions: `cec check` never loads it.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

BOX = "\u2610"  # ☐
TICKED = "\u2612"  # ☒

# Every zip entry gets this timestamp (the earliest a zip can hold): the content, not the clock,
# decides the bytes.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# Parts first in the order Word writes them; anything else after, sorted by name.
_FIRST = ("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels")

TEXT_WIDTH_INCHES = 7.0  # Letter paper with 0.75" side margins


# --- building a document ----------------------------------------------------------------------

def new_document(title: str = "", subtitle: str = "", running: tuple[str, str] | None = None):
    """A Letter-size document with cec's margins and a readable Normal style.

    With `title` it opens with that title (the Title style, and the core property) and `subtitle`;
    with `running` (left, right) it has the running header and "Page X of Y" footer."""
    from docx import Document
    from docx.shared import Inches, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = section.right_margin = Inches(0.75)
    section.top_margin = section.bottom_margin = Inches(0.8)
    section.header_distance = section.footer_distance = Inches(0.4)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(4)
    if running:
        add_running_header_footer(document, *running)
    if title:
        document.core_properties.title = title
        document.add_heading(title, level=0)
        if subtitle:
            document.add_paragraph(subtitle)
    return document


def add_running_header_footer(document, left: str, right: str) -> None:
    """Header: `left` (the council's name) and `right` (the date) on one line; footer: Page X of Y."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Inches, Pt

    section = document.sections[0]
    header = section.header.paragraphs[0]
    stops = header.paragraph_format.tab_stops
    for inches in (3.25, 6.5):  # the Header style's own centre and right stops
        stops.add_tab_stop(Inches(inches), WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(Inches(TEXT_WIDTH_INCHES), WD_TAB_ALIGNMENT.RIGHT)
    run = header.add_run(f"{left}\t{right}")
    run.font.size = Pt(9)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in ("Page ", ("PAGE", "1"), " of ", ("NUMPAGES", "1")):
        if isinstance(piece, str):
            footer.add_run(piece).font.size = Pt(9)
        else:
            add_field(footer, *piece)


def add_field(paragraph, instruction: str, placeholder: str) -> None:
    """A complex field (PAGE, NUMPAGES) that Word and LibreOffice update when the page is laid out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def char(kind: str):
        run = paragraph.add_run()
        run.font.size = Pt(9)
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    char("begin")
    run = paragraph.add_run()
    run.font.size = Pt(9)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    char("separate")
    paragraph.add_run(placeholder).font.size = Pt(9)
    char("end")


def add_page_break(container) -> None:
    from docx.enum.text import WD_BREAK

    container.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def add_table(container, header: list[str], rows: list[list[str]], widths: list[float] | None = None,
              font_size: float | None = None, header_size: float | None = None, min_height: float | None = None,
              caption: str = ""):
    """A grid table: a bold header row that repeats on every page, then `rows` (text cells; a
    newline in a cell is a line break). Rows never split across pages; `caption` is the table's
    alternative text for screen readers (default: its column names)."""
    from docx.shared import Inches, Pt

    table = container.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    describe_table(table, caption or "Table of " + ", ".join(h for h in header if h.strip()))
    mark_header_row(table.rows[0])
    for index, text in enumerate(header):
        cell = table.rows[0].cells[index]
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        if header_size or font_size:
            run.font.size = Pt(header_size or font_size)
    for row_index, values in enumerate(rows, start=1):
        row = table.rows[row_index]
        keep_row_whole(row)
        if min_height:
            row.height = Inches(min_height)
        for index, value in enumerate(values):
            text = str(value)
            paragraph = row.cells[index].paragraphs[0]
            run = paragraph.add_run(text)
            if text in (BOX, TICKED):
                from docx.enum.text import WD_ALIGN_PARAGRAPH

                run.font.size = Pt(14)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif font_size:
                run.font.size = Pt(font_size)
    if widths:
        set_widths(table, widths)
    return table


def set_widths(table, widths: list[float]) -> None:
    from docx.shared import Inches

    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Inches(width)
    for column, width in zip(table.columns, widths):
        column.width = Inches(width)


def describe_table(table, text: str) -> None:
    """The table's title and description (`w:tblCaption`, `w:tblDescription`): its alternative text."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = table._tbl.tblPr
    for tag in ("w:tblCaption", "w:tblDescription"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), text)
        properties.append(element)


def keep_row_whole(row) -> None:
    """`w:cantSplit`: a row moves to the next page whole instead of breaking across two."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def mark_header_row(row) -> None:
    """`w:tblHeader`: Word and LibreOffice repeat this row at the top of every page the table spans."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
    cant_split = OxmlElement("w:cantSplit")
    properties.append(cant_split)


# --- saving -----------------------------------------------------------------------------------

def save_reproducible(document, day: dt.date | None = None, title: str = "") -> bytes:
    """The document as .docx bytes that depend only on its content and `day`.

    Core properties: created = modified = `day` (midnight UTC), author and last-modified-by "cec",
    revision 1. The zip is rewritten with a fixed timestamp and a stable entry order.
    """
    properties = document.core_properties
    moment = dt.datetime.combine(day or dt.date(2000, 1, 1), dt.time(0, 0))
    properties.author = "cec"
    properties.language = properties.language or "en-US"
    properties.last_modified_by = "cec"
    properties.created = moment
    properties.modified = moment
    properties.revision = 1
    if title:
        properties.title = title
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue())


def stable_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry timestamps, permissions and order (content unchanged)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    ordered = [n for n in _FIRST if n in names] + sorted(n for n in names if n not in _FIRST)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, source.read(name))
    return out.getvalue()


# --- privacy ----------------------------------------------------------------------------------

_TEXT_PARTS = ("word/document.xml", "word/header", "word/footer", "word/footnotes.xml", "word/endnotes.xml",
               "docProps/core.xml")


def redact_docx(data: bytes, redact) -> bytes:
    """The document with every piece of text passed through `redact` (a cecli.privacy.Redactor):
    the last line of defence for a document meant to be posted (agenda, minutes), whatever a
    template or a user's free text put in it. Text runs, headers, footers and the title property."""
    from lxml import etree

    if getattr(redact, "pattern", True) is None:
        return data
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith(_TEXT_PARTS) and info.filename.endswith(".xml"):
                root = etree.fromstring(content)
                changed = False
                for element in root.iter():
                    if isinstance(element.tag, str) and element.text and (
                            element.tag.endswith("}t") or element.tag.endswith("}title")):
                        clean = redact(element.text)
                        if clean != element.text:
                            element.text = clean
                            changed = True
                if changed:
                    content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, content)
    return stable_zip(out.getvalue())
