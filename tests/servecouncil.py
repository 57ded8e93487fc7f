"""A copy of sample-council in its own git repository, for `cec serve` tests, and small page helpers."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import SAMPLE
from gitcouncil import commits, git, last_commit  # noqa: F401  (the serve tests import them from here)


def sample_repo(tmp_path: Path, name: str = "sample-council", identity: bool = True) -> Path:
    root = tmp_path / name
    shutil.copytree(SAMPLE, root)
    git(root, "init", "-q")
    if identity:
        git(root, "config", "user.name", "Dana Secretary")
        git(root, "config", "user.email", "dana@example.org")
    git(root, "config", "commit.gpgsign", "false")
    git(root, "add", "-A")
    git(root, "-c", "user.name=Setup", "-c", "user.email=setup@example.org", "commit", "-q", "-m", "Start the council.")
    return root


def form_fields(html: str, form_name: str) -> dict[str, str]:
    """The hidden fields (_form, _csrf, _files) of the form named `form_name` on a page."""
    start = html.index(f'name="_form" value="{form_name}"')
    chunk = html[html.rindex("<form", 0, start):html.index("</form>", start)]
    return dict(re.findall(r'<input type="hidden" name="(_[a-z]+)" value="([^"]*)"', chunk))


def form_values(html: str, form_name: str) -> dict[str, list[str]]:
    """What a browser would send for the form named `form_name` as the page shows it: text inputs,
    hidden fields, checked boxes, selected options and textareas (names -> values)."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.forms, self.current, self.select, self.textarea = [], None, None, None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "form":
                self.current = {}
                self.forms.append(self.current)
            elif self.current is None:
                return
            elif tag == "input" and a.get("name"):
                kind = a.get("type", "text")
                if kind in ("checkbox", "radio") and "checked" not in a:
                    return
                if kind in ("submit", "button"):
                    return
                self.current.setdefault(a["name"], []).append(a.get("value", "on" if kind == "checkbox" else ""))
            elif tag == "select":
                self.select = (a["name"], [])
            elif tag == "option" and self.select is not None:
                self.select[1].append((a.get("value", ""), "selected" in a))
            elif tag == "textarea":
                self.textarea = a["name"]
                self.current.setdefault(self.textarea, []).append("")

        def handle_endtag(self, tag):
            if tag == "form":
                self.current = None
            elif tag == "select" and self.select is not None:
                name, options = self.select
                chosen = [v for v, on in options if on] or [options[0][0]] if options else []
                self.current.setdefault(name, []).extend(chosen[:1])
                self.select = None
            elif tag == "textarea":
                self.textarea = None

        def handle_data(self, data):
            if self.textarea is not None and self.current is not None:
                self.current[self.textarea][-1] += data

    reader = Reader()
    reader.feed(html)
    for form in reader.forms:
        if form.get("_form") == [form_name]:
            return form
    raise AssertionError(f"no form {form_name} on the page")
