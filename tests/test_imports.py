"""`cec --help` and `cec check` stay fast: they must not import the heavy libraries other commands use.

Each case runs `cecli.entry.main` (what the `cec` program runs) with argv in a fresh interpreter and reports which modules were
imported. No timings here (those are for benchmarks/run.py): only what was imported.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402

HEAVY = ("docx", "docxtpl", "jinja2", "git", "icalendar", "rich",
         "dateutil", "email_validator")  # the date reader (cecli.when) and email checks load these lazily

PROBE = """
import json, sys
sys.argv = ["cec", *json.loads(sys.argv[1])]
from cecli.entry import main
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
print("\\nMODULES " + json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def imported(args: list[str], cwd) -> set[str]:
    env_run = subprocess.run([sys.executable, "-c", PROBE, json.dumps([str(a) for a in args])],
                             cwd=cwd, capture_output=True, text=True, timeout=120)
    line = next(l for l in env_run.stderr.splitlines() if l.startswith("MODULES "))
    return {name.split(".")[0] for name in json.loads(line[len("MODULES "):])}


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """sample-council/ when it exists, else a generated council of the same shape."""
    target = tmp_path_factory.mktemp("imports") / "sample-council"
    if (REPO / "sample-council" / "council.yaml").is_file():
        shutil.copytree(REPO / "sample-council", target)
    else:
        generate.write_council(target, generate.council_files(0, generate.random.Random(1)))
    return target


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in HEAVY if m in modules)


def test_help_imports_nothing_heavy(tmp_path):
    modules = imported(["--help"], tmp_path)
    assert _heavy(modules) == []
    assert "cecli" in modules and "typer" in modules


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_check_imports_nothing_heavy(sample, fmt):
    for cache in (["--no-cache"], []):  # cold, then (second run) from the cache
        for _ in range(2):
            modules = imported(["check", sample, "--format", fmt, *cache], sample.parent)
            assert _heavy(modules) == [], (fmt, cache)
    assert "pydantic" in imported(["check", sample, "--format", fmt, "--no-cache"], sample.parent)


def test_a_warm_check_starts_neither_typer_nor_pydantic(sample):
    """The cached answer is printed before Typer starts: Typer imports pydantic to run any command,
    and together they cost several times what the cached check itself does (docs/performance.md)."""
    imported(["check", sample, "--as-of", "2026-11-22"], sample.parent)  # fills the cache
    for args in (["check", sample, "--as-of", "2026-11-22"],
                 ["check", "-C", sample, "--as-of", "2026-11-22", "--format", "json", "--strict"]):
        modules = imported(args, sample.parent)
        assert "typer" not in modules and "pydantic" not in modules and "yaml" not in modules, args
    # a form the fast path does not answer goes through the CLI as usual
    assert "typer" in imported(["check", sample, "--as-of", "2026-11-22", "--details"], sample.parent)


def test_check_over_many_councils_imports_nothing_heavy(tmp_path):
    generate.generate(tmp_path / "state", 3, seed=1)
    modules = imported(["check", tmp_path / "state", "--format", "json", "--no-cache"], tmp_path)
    # holidays (business days across councils) brings dateutil with it; cec's own date reader does not
    assert [m for m in _heavy(modules) if m != "dateutil"] == []


def test_cec_runs_without_the_click_package(tmp_path):
    """Typer 0.29 carries its own click and does not install the click package: cec must not need it."""
    import shutil
    import subprocess
    import sys

    from conftest import SAMPLE

    shutil.copytree(SAMPLE, tmp_path / "sample-council")
    code = (
        "import builtins, sys\n"
        "real = builtins.__import__\n"
        "def guard(name, *a, **k):\n"
        "    if name == 'click' or name.startswith('click.'):\n"
        "        raise ModuleNotFoundError(\"No module named 'click'\", name='click')\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = guard\n"
        "from cecli.cli import main\n"
        "main()\n"
    )
    for args in (["check", "sample-council", "--as-of", "2026-11-22"],
                 ["check", ".", "--as-of", "2026-11-22", "--format", "csv"],
                 ["export", "sample-council", "--allow-uncommitted", "--out", "pkg", "--year", "2025-26"]):
        result = subprocess.run([sys.executable, "-c", code, *args], cwd=tmp_path, capture_output=True, text=True)
        assert result.returncode in (0, 1), (args, result.stderr[-500:])
        assert "click" not in result.stderr
