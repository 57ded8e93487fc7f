"""Correcting outreach, goals and reports entries (`cec outreach|goal|report list|edit N|remove N`):
the numbered list, and for one entry a form with its fields and a form to remove it with a reason."""

from __future__ import annotations

from flask import abort, g, redirect, url_for

from cecli.web.forms import Form, tell
from cecli.web.views import council, page

TITLES = {"outreach": "Outreach entries", "goal": "Goals entries", "report": "Reports entries"}


def _family(family: str) -> str:
    if family not in TITLES:
        abort(404, f"There is no list of {family} entries.")
    return family


@council.get("/entries/<family>")
def entries(family: str):
    from cecli.records.entries import list_entries

    found = list_entries(g.root, _family(family))
    return page("entries.html", TITLES[family], family=family, entries=found)


@council.route("/entries/<family>/<int:number>", methods=["GET", "POST"])
def entry(family: str, number: int):
    from cecli.records.entries import FILES, KINDS, _text, edit_entry, list_entries, remove_entry

    found = list_entries(g.root, _family(family))
    if not 1 <= number <= len(found):
        abort(404, f"{FILES[family]} has no entry {number}.")
    this = found[number - 1]
    # evidence files are added from the command line (`--evidence PATH`); the browser edits the rest
    fields = [f for f in KINDS[this.kind] if f.kind != "evidence"]
    files = [FILES[family], "council.yaml", "roster.yaml"]
    current = {f.key: _text(this.get(f.key)) for f in fields}
    options = {f.option: f.key for f in fields} | {"--reason": "reason"}
    edit = Form("edit-entry", g.root, files, options, defaults=current)
    remove = Form("remove-entry", g.root, files, options)
    if edit.posted:
        given = {f.option: edit.get(f.key) or "" for f in fields if (edit.get(f.key) or "") != current[f.key]}
        done = edit.run(lambda: edit_entry(g.root, family, number, given, edit.get("reason"), None))
        if done is not None:
            tell(done)
            return redirect(url_for(".entries", family=family))
    if remove.posted:
        done = remove.run(lambda: remove_entry(g.root, family, number, remove.get("reason"), None))
        if done is not None:
            tell(done)
            return redirect(url_for(".entries", family=family))
    return page("entry.html", f"Entry {number}: {this.what()}", family=family, number=number, entry=this,
                fields=fields, edit=edit, remove=remove)
