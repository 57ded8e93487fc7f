"""Putting documents where they belong: the council's documents/ folder (one commit), or elsewhere.

Also the two record-keeping pieces of the documents family: the template overrides
(`cec templates list|copy`) and recording a public report (`cec report add`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cecli.documents.templating import COUNCIL_TEMPLATES, TEMPLATES, packaged_template, template_path
from cecli.errors import InvalidInput


@dataclass
class Written:
    paths: list[str]
    committed: str | None  # the commit, or None when nothing was committed
    said: str


def with_pdfs(root: Path | None, files: dict[str, bytes], day: dt.date | None, wanted: bool | None) -> dict[str, bytes]:
    """The tagged PDFs to write beside `files` (cecli.documents.pdf): all of them when `wanted`;
    with `wanted` None, those whose PDF is already in the council folder (so a PDF made once stays
    in step with its DOCX). Nothing when LibreOffice is missing: the command says so afterwards
    (`require_pdf`), and the DOCX is written alone."""
    from cecli.documents.pdf import find_soffice, pdf_name, to_pdf

    if wanted is False or find_soffice() is None:
        return {}
    chosen = {rel: data for rel, data in files.items() if rel.lower().endswith(".docx") and (
        wanted or (root is not None and (Path(root) / pdf_name(rel)).is_file()))}
    if root is not None:  # a DOCX that did not change keeps the PDF made from it (no new conversion)
        chosen = {rel: data for rel, data in chosen.items() if not _unchanged_with_pdf(Path(root), rel, data)}
    return to_pdf(chosen, day) if chosen else {}


def _unchanged_with_pdf(root: Path, rel: str, data: bytes) -> bool:
    """Whether the council already holds exactly this DOCX at `rel`, and a PDF beside it."""
    from cecli.documents.pdf import pdf_name

    docx, pdf = root / rel, root / pdf_name(rel)
    try:
        return (docx.is_file() and not docx.is_symlink() and pdf.is_file() and not pdf.is_symlink()
                and docx.stat().st_size == len(data) and docx.read_bytes() == data)
    except OSError:
        return False


def require_pdf(what: str = "the DOCX") -> None:
    """After writing the DOCX of a command given --pdf: NoLibreOffice (exit 1) when no PDF could be made."""
    from cecli.documents.pdf import find_soffice, missing_message

    if find_soffice() is None:
        raise missing_message(what)


def save_documents(root: Path, files: dict[str, bytes], message: str, author: str | None = None,
                   out: Path | None = None, pdf: bool = False, day: dt.date | None = None) -> Written:
    """Write generated documents. Without `out`, into the council folder as one commit of exactly
    those paths (`cecli.store.change`, which refuses a council that is not in a git repository).
    With `out` (a file for one document, a folder for several) they go there and nothing is
    committed; `out` may not be inside the council folder, where a file would sit uncommitted.
    With `pdf`, each document's tagged PDF is written beside it (in the same commit)."""
    files = {**files, **with_pdfs(None if out is not None else root, files, day, pdf or (None if out is None else False))}
    if out is not None:
        return _write_elsewhere(root, files, Path(out))
    from cecli.store import change

    with change(root, message, author=author) as tx:
        for rel, data in files.items():
            tx.write_bytes(rel, data)
    sha, paths = tx.result
    if sha is None:
        return Written(list(files), None, "Unchanged: " + ", ".join(files) + " already match the records.")
    return Written(list(paths), sha, f"Wrote and committed {', '.join(paths)} ({sha[:7]}).")


def _write_elsewhere(root: Path, files: dict[str, bytes], out: Path) -> Written:
    from cecli.output import write_output

    council = Path(root).resolve()
    place = out.resolve()
    if place == council or council in place.parents:
        raise InvalidInput(
            f"{out} is inside the council folder, where the document would sit uncommitted.",
            "Leave out --out to write it into documents/ and commit it, or give a place outside the council folder.")
    if len(files) <= 2 and out.suffix.lower() == ".docx":
        targets = {out.with_suffix(Path(rel).suffix): data for rel, data in files.items()}
    else:
        targets = {out / Path(rel).name: data for rel, data in files.items()}
    for target, data in targets.items():
        write_output(target, data)
    shown = [str(t) for t in targets]
    return Written(shown, None, "Wrote " + ", ".join(shown) + " (not committed).")


# --- templates --------------------------------------------------------------------------------

def list_templates(root: Path | None) -> list[tuple[str, str, bool]]:
    """(template, what it is, whether the council has its own copy)."""
    return [(name, what, template_path(root, name)[1]) for name, what in TEMPLATES.items()]


def copy_template(root: Path, name: str, author: str | None = None, force: bool = False) -> Written:
    if not name.endswith(".docx"):
        name += ".docx"
    template_path(None, name)  # refuses an unknown name
    rel = f"{COUNCIL_TEMPLATES}/{name}"
    if (root / rel).exists() and not force:
        raise InvalidInput(f"{rel} already exists: the council already has its own {name}.",
                           "Edit it in Word, or give --force to replace it with the packaged one.")
    data = packaged_template(name).read_bytes()
    return save_documents(root, {rel: data},
                          f"Copy the packaged {name} template into {COUNCIL_TEMPLATES}/ so the council can change it.",
                          author)


# --- public reports ---------------------------------------------------------------------------

def add_public_report(root: Path, *, date: dt.date, title: str, format: str | None = None,
                      audience: str | None = None, link: str | None = None,
                      evidence: list[str] | None = None, author: str | None = None, again: bool = False) -> Written:
    from cecli.loader import load_council
    from cecli.records import _checks as check
    from cecli.store import change

    if not title or not title.strip():
        raise InvalidInput("A public report needs a title.", 'Give one with --title "Fall update to families".')
    check.not_future(date, "--date", "a report given")
    council, _ = load_council(root)
    formats = council.profile.vocabularies.get("format", ()) if council.profile else ()
    if format and formats and format not in formats:
        from cecli.suggest import closest

        close = closest(format, formats)
        raise InvalidInput(f"`{format}` is not a report format cec knows.",
                           (f"Did you mean {close}? " if close else "") + f"Use one of: {', '.join(formats)}.")
    entry: dict = {"date": date, "title": title.strip()}
    for key, value in (("format", format), ("audience", audience), ("link", link)):
        if value:
            entry[key] = value
    if evidence:
        entry["evidence"] = list(evidence)
    with change(root, f"Record the public report of {date.isoformat()}.", author=author) as tx:
        doc = tx.edit("reports.yaml", default={"public_reports": []})
        if doc.get("public_reports") is None:
            doc["public_reports"] = []
        check.already(doc["public_reports"], entry, ("date", "title"), again,
                      f"The public report of {date.isoformat()}, “{title.strip()}”,")
        doc["public_reports"].append(entry)
    sha, paths = tx.result
    return Written(list(paths), sha, f"Recorded the public report of {date.isoformat()}, “{title.strip()}”"
                   + (f" ({sha[:7]})." if sha else "."))
