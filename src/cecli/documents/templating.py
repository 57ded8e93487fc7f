"""Finding and rendering the Word templates: one Jinja environment, one place that reports mistakes.

A template is a .docx with Jinja tags in its text (docxtpl). The packaged ones live in the
`cecli.templates` package (the top-level `templates/` folder of the source tree); a council's own
`templates/NAME.docx` takes precedence. Rendering is sandboxed, autoescaped (an `&` or `<` in a
title is text, not markup) and strict: a tag naming a field cec does not provide is an error that
names the template and the field, never a blank.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from cecli.errors import CecError

# template file -> what it is (the order `cec templates list` shows)
TEMPLATES: dict[str, str] = {
    "agenda.docx": "Meeting agenda",
    "minutes.docx": "Minutes shell",
    "sign-in.docx": "Sign-in sheet",
    "ballot.docx": "Election ballot",
    "interest-form.docx": "Interest and nomination form",
    "info-session.docx": "Information-session agenda",
    "plan.docx": "Community Engagement Plan",
    "progress-report.docx": "Public progress report",
}

COUNCIL_TEMPLATES = "templates"  # the council's own folder of overrides


class TemplateProblem(CecError):
    """A template cannot be used as written (unknown field, broken tag, not a .docx)."""


def packaged_template(name: str) -> Path:
    return Path(str(resources.files("cecli.templates") / name))


def template_path(root: Path | None, name: str) -> tuple[Path, bool]:
    """The template to use and whether it is the council's own copy."""
    if name not in TEMPLATES:
        raise TemplateProblem(f"There is no template called `{name}`.",
                              f"The templates are: {', '.join(TEMPLATES)}.")
    if root is not None:
        own = Path(root) / COUNCIL_TEMPLATES / name
        if os.path.lexists(own):
            from cecli import safefs

            refused = safefs.inspect(root, f"{COUNCIL_TEMPLATES}/{name}", safefs.COPY_LIMIT)
            if refused is not None:
                raise TemplateProblem(f"The council's template {refused.message}",
                                      f"{refused.hint or 'Replace it with a .docx file.'} Or delete it to use "
                                      "the packaged one.")
            return own, True
    return packaged_template(name), False


def environment():
    """The one Jinja environment every template is rendered with: sandboxed, autoescaped, strict."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def data(value: Any) -> Any:
    """Context for a template: dicts become attribute objects (so `meeting.items` can never reach a
    dict method), lists stay lists, text stays text."""
    if isinstance(value, dict):
        return SimpleNamespace(**{key: data(item) for key, item in value.items()})
    if isinstance(value, (list, tuple)):
        return [data(item) for item in value]
    return value


class Rendering:
    """One template opened for rendering; `subdoc()` gives a piece built in code (tables)."""

    def __init__(self, root: Path | None, name: str) -> None:
        from docxtpl import DocxTemplate

        self.name = name
        self.path, self.own = template_path(root, name)
        source: Any = str(self.path)
        if self.own:  # read through cecli.safefs: the council's own file, checked again as it is opened
            from cecli import safefs

            try:
                source = io.BytesIO(safefs.read_bytes(root, f"{COUNCIL_TEMPLATES}/{name}", safefs.COPY_LIMIT))
            except safefs.Refused as refused:
                raise TemplateProblem(f"The council's template {refused.message}", refused.hint) from None
        try:
            self.template = DocxTemplate(source)
            self.template.init_docx()
        except Exception as err:  # a damaged or non-docx file in the council's templates/
            raise TemplateProblem(
                f"template {name} ({self.path}) could not be opened as a Word document: {err}",
                "Save it from Word as a .docx (not .dotx or .doc), or delete it to use the packaged one.",
            ) from None

    def subdoc(self) -> "Piece":
        return Piece(self.template.get_docx())

    def render(self, context: dict[str, Any], day: dt.date | None, title: str = "") -> bytes:
        from jinja2 import TemplateSyntaxError, UndefinedError
        from jinja2.exceptions import SecurityError

        from cecli.documents.base import save_reproducible

        values = {key: (item if _is_piece(item) else data(item)) for key, item in context.items()}
        try:
            self.template.render(values, jinja_env=environment())
        except UndefinedError as err:
            raise self._unknown_field(err, values) from None
        except TemplateSyntaxError as err:
            raise TemplateProblem(
                f"template {self.name} has a tag cec cannot read ({err.message}).",
                f"Open {self.path} in Word and check the {{{{ }}}} and {{% %}} tags near that text.",
            ) from None
        except SecurityError as err:
            raise TemplateProblem(f"template {self.name} asks for something templates may not do: {err}.") from None
        return save_reproducible(self.template.docx, day, title)

    def _unknown_field(self, err, values) -> TemplateProblem:
        message = str(err)
        missing = re.search(r"has no attribute '([^']+)'", message) or re.search(r"'([^']+)' is undefined", message)
        name = missing.group(1) if missing else "?"
        field = name
        for tag in self._tags():
            found = re.search(r"((?:[A-Za-z_]\w*\.)*" + re.escape(name) + r")\b", tag)
            if found:
                field = found.group(1)
                break
        provided = _fields_at(values, field.rsplit(".", 1)[0]) if "." in field else sorted(values)
        hint = f"cec provides: {', '.join(provided)}." if provided else ""
        return TemplateProblem(
            f"template {self.name} uses `{field}`, which cec does not provide.",
            (hint + " " if hint else "") + "See docs/documents.md for each template's fields.",
        )

    def _tags(self) -> list[str]:
        tpl = self.template
        texts = [tpl.patch_xml(tpl.get_xml())]
        for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
            for _key, part in tpl.get_headers_footers(uri):
                texts.append(tpl.patch_xml(tpl.get_part_xml(part)))
        tags = []
        for text in texts:
            tags.extend(re.findall(r"\{[{%](.*?)[%}]\}", text, re.S))
        return tags


class Piece:
    """Tables and paragraphs built in code with python-docx, placed where the template says
    `{{p name }}`. It borrows the template's styles (so "Table Grid" and headings are the
    template's own), and is inserted as-is: its text was escaped when python-docx wrote it."""

    def __init__(self, main_document) -> None:
        from docx import Document

        self.document = Document()
        self.document._part = main_document._part

    def add_table(self, rows: int, cols: int):
        return self.document.add_table(rows=rows, cols=cols)

    def add_paragraph(self, text: str = "", style: str | None = None):
        return self.document.add_paragraph(text, style)

    def __html__(self) -> str:
        from lxml import etree

        body = self.document.element.body
        return "".join(
            etree.tostring(child, encoding="unicode")
            for child in body
            if etree.QName(child).localname != "sectPr"
        )

    __str__ = __html__


def _fields_at(values: dict, dotted: str) -> list[str]:
    current: Any = SimpleNamespace(**values)
    for part in dotted.split("."):
        current = getattr(current, part, None)
        if current is None:
            return []
        if isinstance(current, list):
            current = current[0] if current else None
            if current is None:
                return []
    if isinstance(current, SimpleNamespace):
        return sorted(vars(current))
    return []


def _is_piece(value: Any) -> bool:
    """A subdocument or rich text built in code: passed to the template as it is."""
    return hasattr(value, "__html__")
