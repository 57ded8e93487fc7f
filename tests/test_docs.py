"""The docs stay true: every field, rule and command is documented, and the README transcript still matches."""

from __future__ import annotations

import re
import shutil
import typing

import pytest
from pydantic import BaseModel

from conftest import REPO, SAMPLE

DOCS = REPO / "docs"


def _models():
    from cecli.model import FILE_MODELS, Meeting

    seen: list[type[BaseModel]] = []

    def flat(tp):
        if typing.get_origin(tp) is None:
            return [tp]
        return [leaf for arg in typing.get_args(tp) for leaf in flat(arg)]

    def walk(cls):
        if cls in seen:
            return
        seen.append(cls)
        for field in cls.model_fields.values():
            for leaf in flat(field.annotation):
                if isinstance(leaf, type) and issubclass(leaf, BaseModel):
                    walk(leaf)

    for cls in [*FILE_MODELS.values(), Meeting]:
        walk(cls)
    return seen


def _section(text: str, heading: str) -> str:
    match = re.search(rf"^### {re.escape(heading)}\n(.*?)(?=^#{{2,3}} |\Z)", text, re.S | re.M)
    return match.group(1) if match else ""


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_every_model_field_is_documented(model):
    text = (DOCS / "format.md").read_text(encoding="utf-8")
    section = _section(text, model.__name__)
    assert section, f"docs/format.md has no section '### {model.__name__}'"
    for name, field in model.model_fields.items():
        key = field.alias or name
        assert f"| `{key}` |" in section, f"docs/format.md does not document {model.__name__}.{key}"


def test_rules_doc_is_generated_from_the_registry():
    from cecli.rules.catalogue import markdown

    assert (DOCS / "rules.md").read_text(encoding="utf-8") == markdown(), (
        "docs/rules.md is out of date: run `python -m cecli.rules.catalogue > docs/rules.md`"
    )


def test_every_rule_in_the_spec_is_implemented_and_documented():
    from cecli.rules import REGISTRY

    spec = (REPO.parent / "shared" / "spec" / "RULES.md")
    codes = set(re.findall(r"^\| (CEC\d{3}) \|", spec.read_text(encoding="utf-8"), re.M)) if spec.exists() else set()
    rules_doc = (DOCS / "rules.md").read_text(encoding="utf-8")
    for code in sorted(codes | set(REGISTRY)):
        assert code in REGISTRY, f"{code} is in RULES.md but not implemented"
        assert f"### {code}:" in rules_doc, f"{code} is not documented in docs/rules.md"
        entry = REGISTRY[code]
        assert entry.title and entry.explanation, f"{code} needs a docstring with a title and an explanation"


def _commands():
    from cecli.cli import COMMANDS, load_command

    out = []

    def walk(command, path):
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                walk(sub, path + [name])
        else:
            out.append(path)

    for name in COMMANDS:
        walk(load_command(name), [name])
    return out


@pytest.mark.parametrize("path", _commands(), ids=lambda p: " ".join(p))
def test_every_command_is_documented(path):
    doc = DOCS / "commands" / f"{path[0]}.md"
    assert doc.exists(), f"docs/commands/{path[0]}.md is missing"
    assert f"cec {' '.join(path)}" in doc.read_text(encoding="utf-8"), (
        f"docs/commands/{path[0]}.md does not mention `cec {' '.join(path)}`"
    )


def test_readme_transcript_matches(tmp_path, monkeypatch):
    """The README's `$ cec ...` transcript, run against a copy of sample-council, prints what it shows."""
    from conftest import invoke

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- transcript -->\n```console\n(.*?)```\n<!-- /transcript -->", readme, re.S)
    assert block, "README.md has no transcript block"
    shutil.copytree(SAMPLE, tmp_path / "sample-council")
    monkeypatch.chdir(tmp_path)
    commands = re.split(r"^\$ ", block.group(1), flags=re.M)[1:]
    assert commands
    for chunk in commands:
        command, _, expected = chunk.partition("\n")
        args = command.split()
        assert args[0] == "cec"
        result = invoke(args[1:])
        assert result.output == expected, f"README transcript for `{command}` is out of date"
