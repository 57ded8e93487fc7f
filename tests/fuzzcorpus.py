"""Damaged councils for fuzzing (issue 13): seeded mutations of sample-council, and one run of cec over each.

    base = make_base(tmp / "base")               # a small copy of sample-council, made once
    root = make_variant(base, tmp / "v17", 17)   # the same seed always gives the same damage
    result = run_variant(root, tmp / "out17")    # check, publish, calendar and export, in-process

A variant is the base with one to three mutations: wrong types, impossible and far-off dates, huge
strings and numbers, alias bombs, deep nesting, encodings (BOM, UTF-16, NUL, invalid UTF-8), YAML
that other tools read differently, evidence paths that leave the folder or name nothing, and data or
evidence files replaced by links out (to a canary file, /etc/passwd), to /dev/zero and /dev/urandom,
by FIFOs and folders. Used by tests/test_fuzz.py (a few hundred variants) and benchmarks/fuzz.py
(ten thousand and more).
"""

from __future__ import annotations

import os
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "sample-council"
AS_OF = "2026-01-10"
YEAR = "2025-26"
CANARY = "Canary Outsider"  # the name in the outside file a mutated link points at

# the meetings and evidence of the base: enough for every kind of record, small enough to be quick
_KEEP_MEETINGS = ("2025-08-19.yaml", "2025-10-07.yaml", "2025-11-18.yaml", "2026-01-13.yaml")


def make_base(target: Path) -> Path:
    """A copy of sample-council with four meetings (the others removed), for quick runs."""
    if target.exists():
        return target
    shutil.copytree(SAMPLE, target)
    for meeting in (target / "meetings").iterdir():
        if meeting.name not in _KEEP_MEETINGS:
            meeting.unlink()
    outside = target.parent / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "roster.yaml").write_text(
        f"members:\n  - {{id: canary, name: {CANARY}, category: parent, email: canary@outside.example}}\n",
        encoding="utf-8")
    (outside / "secret.pdf").write_bytes(b"%PDF-1.4 " + CANARY.encode() + b"\n")
    (outside / "meetings").mkdir(exist_ok=True)
    (outside / "meetings" / "2025-12-01.yaml").write_text(f"date: 2025-12-01\ntitle: {CANARY}\n", encoding="utf-8")
    return target


def outside_folder(base: Path) -> Path:
    return base.parent / "outside"


@dataclass
class Variant:
    seed: int
    root: Path
    mutations: list[str] = field(default_factory=list)


# --- text mutations -----------------------------------------------------------------------------

_SCALAR = re.compile(r"^(?P<lead>\s*(?:- )?[A-Za-z_][\w-]*: )(?P<value>[^\n#]+)$", re.M)
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_EVIDENCE = re.compile(r"evidence/[\w./-]+")

ODD_VALUES = [
    "[]", "{}", "[a, [b, {c: d}]]", "{x: 1}", "true", "false", "null", "~", "0", "-1", "1.5", "1e999", "-.inf",
    ".nan", "0x1F", "0o17", '"18:30"', "18:30", "'25:00'", '"2025-02-30"', "yes", "no", "on", "''", '""',
    "!!binary aGk=", "!!python/object:os.system {}", "!custom x", "&anchor value", "*alias", "|\n  block\n  text",
    ">-\n  folded", '"\\u0000"', '"\\x00nul"', '"' + "é" * 50 + '"', "🙂", "9" * 5001, "-" + "9" * 5001,
    "0x" + "f" * 5000, "1" + "0" * 400, "[" * 10_000, "{" * 5000, "a: b: c", ": x", "- - - -", "@reserved",
    "`backtick`", '"unterminated', "[unclosed", "'single", "2025-10-14T18:30:00Z", "2025-10-14 25:99",
    "20251014", "2025-10-14 18:30", '"2025-10-14 18:30"',
]
ODD_DATES = ["2025-02-30", "0001-01-01", "9999-12-31", "2025-13-01", "0000-00-00", "2025-00-10", "1899-12-31",
             "2200-01-01", "20251014", "2025-2-3", "2025-10-14T00:00", "10/14/2025", "2025-10-14 99:99",
             "0001-01-01 00:00", "9999-12-31 23:59"]
ODD_PATHS = ['""', '"."', "./", "..", "../outside/secret.pdf", "../../../../../../etc/passwd", "/etc/passwd",
             "/dev/zero", "evidence/../../outside/secret.pdf", "evidence", "evidence/", "roster.yaml",
             ".git/config", ".cec-cache/x.json", "evidence/\\0nul.pdf", '"evidence/\\0nul.pdf"',
             '"' + "a" * 1_000_000 + '"', '"' + "a/" * 3000 + '"', '"' + "x" * 300 + '.pdf"', "~/secret.pdf",
             "evidence/nope.pdf", "documents/../../outside/secret.pdf", "file:///etc/passwd",
             "C:\\Windows\\win.ini", "evidence//double.pdf", "[evidence/a.pdf, [nested]]", "{path: x}", "42"]


def _alias_bomb(levels: int = 9) -> str:
    lines = ["bomb0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels + 1):
        lines.append(f"bomb{i}: &b{i} [" + ", ".join([f"*b{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _nest(depth: int, style: str) -> str:
    if style == "flow":
        return "[" * depth + "]" * depth
    if style == "open":
        return "[" * depth
    return "\n" + "".join("  " * i + "- \n" for i in range(min(depth, 3000)))


def _text_mutation(rng: random.Random, text: str) -> tuple[str, str]:
    """One change to a YAML text; returns (new text, what was done)."""
    kind = rng.choice(["value", "value", "date", "date", "evidence", "evidence", "bomb", "nest", "line",
                       "duplicate", "directive", "truncate", "flip", "unknown-field", "drop-field", "huge",
                       "timezone", "parameter", "tab", "documents"])
    scalars = list(_SCALAR.finditer(text))
    if kind == "value" and scalars:
        m = rng.choice(scalars)
        return text[:m.start("value")] + rng.choice(ODD_VALUES) + text[m.end("value"):], "wrong value"
    if kind == "date":
        dates = list(_DATE.finditer(text))
        if dates:
            m = rng.choice(dates)
            return text[:m.start()] + rng.choice(ODD_DATES) + text[m.end():], "odd date"
    if kind == "evidence":
        found = list(_EVIDENCE.finditer(text))
        if found:
            m = rng.choice(found)
            return text[:m.start()] + rng.choice(ODD_PATHS) + text[m.end():], "odd evidence path"
        return text + "\nevidence: [" + rng.choice(ODD_PATHS) + "]\n", "odd evidence path"
    if kind == "bomb":
        at = rng.choice([0, len(text)])
        return text[:at] + _alias_bomb(rng.randint(3, 12)) + text[at:], "alias bomb"
    if kind == "nest" and scalars:
        m = rng.choice(scalars)
        nest = _nest(rng.choice([10, 63, 64, 65, 100, 1000, 10_000]), rng.choice(["flow", "open", "block"]))
        return text[:m.start("value")] + nest + text[m.end("value"):], "deep nesting"
    if kind == "huge" and scalars:
        m = rng.choice(scalars)
        value = rng.choice(['"' + "x" * 1_000_000 + '"', "y" * 1_000_000, "9" * rng.choice([4301, 5001, 20_000])])
        return text[:m.start("value")] + value + text[m.end("value"):], "huge value"
    lines = text.split("\n")
    if kind == "line" and len(lines) > 2:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        action = rng.choice(["delete", "swap", "indent", "dedent", "repeat"])
        if action == "delete":
            del lines[i]
        elif action == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "indent":
            lines[i] = "   " + lines[i]
        elif action == "dedent":
            lines[i] = lines[i].lstrip()
        else:
            lines.insert(i, lines[i])
        return "\n".join(lines), f"line {action}"
    if kind == "duplicate" and scalars:
        m = rng.choice(scalars)
        return text + "\n" + m.group(0).strip() + "\n", "duplicate key"
    if kind == "directive":
        return rng.choice(["%YAML 1.1\n---\n", "%TAG ! tag:x,2000:\n---\n", "---\n", ""]) + text + rng.choice(
            ["", "\n---\nsecond: document\n", "\n...\n"]), "directive or documents"
    if kind == "truncate" and text:
        return text[: rng.randrange(len(text))], "truncated"
    if kind == "flip" and text:
        chars = list(text)
        for _ in range(rng.randint(1, 8)):
            chars[rng.randrange(len(chars))] = rng.choice(":-[]{}&*!|>'\"#%@` \t\n\\")
        return "".join(chars), "characters flipped"
    if kind == "unknown-field":
        return text + f"\n{rng.choice(['nmae', 'dat', 'evidnce', 'x' * 300, '9' * 200, 'timezone_'])}: 1\n", "unknown field"
    if kind == "drop-field" and scalars:
        m = rng.choice(scalars)
        return text[:m.start()] + text[m.end():], "field removed"
    if kind == "timezone":
        zone = rng.choice(["Mars/Olympus", "../../../../etc/passwd", "/etc/localtime", "America", "", "UTC",
                           "America/Chicago/../../../etc/shadow", "x" * 5000, "42", "[a]", "Etc/GMT+99",
                           "zone.tab", "posixrules", "right/UTC"])
        text = re.sub(r"^timezone:.*$", "", text, flags=re.M)
        return text + f"\ntimezone: {zone}\n", "odd time zone"
    if kind == "parameter":
        value = rng.choice(["1e300", "-1", ".nan", ".inf", "9" * 200, "0", "true", "[1]", "99999999999999999999",
                            "bogus", "13-45", "'06'", "02-30", "''"])
        name = rng.choice(["agenda_lead_days", "min_meetings_per_year", "meeting_min_minutes", "evidence_due",
                           "min_info_sessions", "reminder_days", "election_notice_days",
                           "held_attendance_severity", "spsa_due"])
        text = re.sub(r"^rules:.*$", "", text, flags=re.M)
        return text + f"\nrules:\n  parameters:\n    {name}: {value}\n", "odd rule parameter"
    if kind == "tab" and len(lines) > 1:
        i = rng.randrange(len(lines))
        lines[i] = "\t" + lines[i]
        return "\n".join(lines), "tab indent"
    if kind == "documents":
        return text + "\n" + rng.choice(["{a: 1}", "[1, 2]", "just text", "? complex\n: key"]) + "\n", "odd top level"
    return text + "\nunexpected: [value\n", "broken syntax"


def _encode(rng: random.Random, text: str) -> tuple[bytes, str]:
    choice = rng.random()
    if choice < 0.80:
        return text.encode("utf-8"), ""
    kind = rng.choice(["bom", "utf16", "nul", "latin1", "invalid", "crlf", "control", "empty"])
    data = text.encode("utf-8")
    if kind == "bom":
        return b"\xef\xbb\xbf" + data, "BOM"
    if kind == "utf16":
        return text.encode("utf-16"), "UTF-16"
    if kind == "nul":
        at = rng.randrange(len(data) + 1)
        return data[:at] + b"\x00" + data[at:], "NUL byte"
    if kind == "latin1":
        return text.replace("e", "é").encode("latin-1", "replace"), "Latin-1"
    if kind == "invalid":
        at = rng.randrange(len(data) + 1)
        return data[:at] + b"\xff\xfe\xc3" + data[at:], "invalid UTF-8"
    if kind == "crlf":
        return data.replace(b"\n", b"\r\n"), "CRLF"
    if kind == "control":
        at = rng.randrange(len(data) + 1)
        return data[:at] + bytes([rng.choice([1, 7, 8, 11, 12, 27, 127])]) + data[at:], "control character"
    return b"", "empty file"


# --- file mutations -----------------------------------------------------------------------------

def _data_files(root: Path) -> list[str]:
    names = [p.name for p in root.iterdir() if p.suffix == ".yaml"]
    meetings = root / "meetings"
    if meetings.is_dir() and not meetings.is_symlink():
        names += [f"meetings/{p.name}" for p in meetings.iterdir()]
    return sorted(names)


def _evidence_files(root: Path) -> list[str]:
    folder = root / "evidence"
    return sorted(f"evidence/{p.name}" for p in folder.iterdir()) if folder.is_dir() and not folder.is_symlink() else []


def _clear(path: Path) -> None:
    """Remove what an earlier mutation left at `path` (writing into a FIFO there would wait forever)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()


def _replace(path: Path, how: str, outside: Path) -> None:
    folder = os.path.realpath(path.parent)
    if os.path.realpath(outside) in (folder, *Path(folder).parents) or not os.path.isdir(path.parent):
        raise OSError(0, "its folder is a link or not a folder")  # never touch the outside files
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    if how == "link-out":
        os.symlink(outside / ("roster.yaml" if path.suffix == ".yaml" else "secret.pdf"), path)
    elif how == "link-out-relative":
        os.symlink(os.path.relpath(outside / "roster.yaml", path.parent), path)
    elif how == "passwd":
        os.symlink("/etc/passwd", path)
    elif how in ("/dev/zero", "/dev/urandom", "/dev/null", "/dev/tty", "/proc/self/environ"):
        os.symlink(how, path)
    elif how == "fifo":
        os.mkfifo(path)
    elif how == "folder":
        path.mkdir()
        (path / "inside.yaml").write_text("x: 1\n", encoding="utf-8")
    elif how == "dangling":
        os.symlink(path.parent / "no-such-file", path)
    elif how == "loop":
        os.symlink(path.name, path)
    elif how == "unreadable":
        path.write_text("name: x\n", encoding="utf-8")
        path.chmod(0)
    elif how == "sparse":
        with open(path, "wb") as handle:
            handle.truncate(64 * 1024 * 1024)


_FILE_HOWS = ["link-out", "link-out-relative", "passwd", "/dev/zero", "/dev/urandom", "/dev/null", "/dev/tty",
              "/proc/self/environ", "fifo", "folder", "dangling", "loop", "unreadable", "sparse"]


def _file_mutation(rng: random.Random, root: Path, outside: Path) -> str:
    kind = rng.choice(["data", "data", "evidence", "evidence", "folder", "cache", "git", "template"])
    how = rng.choice(_FILE_HOWS)
    if kind == "data":
        rel = rng.choice(_data_files(root) + ["council.yaml", "roster.yaml", "meetings/2026-02-01.yaml"])
        if rel == "council.yaml" and how in ("link-out", "passwd"):
            how = "fifo"  # keep it a council; a council.yaml from outside is the same case as any data file
        _replace(root / rel, how, outside)
        return f"{rel} -> {how}"
    if kind == "evidence":
        files = _evidence_files(root) or ["evidence/x.pdf"]
        rel = rng.choice(files)
        _replace(root / rel, how, outside)
        return f"{rel} -> {how}"
    if kind == "folder":
        rel = rng.choice(["meetings", "evidence", "documents"])
        _clear(root / rel)
        choice = rng.choice(["out", "fifo", "file", "loop", "zero"])
        if choice == "out":
            os.symlink(outside / "meetings" if rel == "meetings" else outside, root / rel)
        elif choice == "fifo":
            os.mkfifo(root / rel)
        elif choice == "file":
            (root / rel).write_text("not a folder\n", encoding="utf-8")
        elif choice == "zero":
            os.symlink("/dev/zero", root / rel)
        else:
            os.symlink(rel, root / rel)
        return f"{rel}/ -> {choice}"
    if kind == "cache":
        target = root / ".cec-cache"
        _clear(target)
        if rng.random() < 0.5:
            os.symlink(outside, target)
            return ".cec-cache -> outside"
        target.mkdir(exist_ok=True)
        entry = target / ("check-" + "0" * 40 + ".json")
        os.symlink("/dev/zero", entry)
        os.mkfifo(target / ".gitignore")
        return ".cec-cache entries -> devices"
    if kind == "git":
        choice = rng.choice(["zero", "fifo", "outside", "nul", "long"])
        git = root / ".git"
        _clear(git)
        if choice == "zero":
            os.symlink("/dev/zero", git)
        elif choice == "fifo":
            os.mkfifo(git)
        elif choice == "outside":
            git.write_text(f"gitdir: {outside}\n", encoding="utf-8")
        elif choice == "nul":
            git.write_bytes(b"gitdir: /tmp/\x00x\n")
        else:
            git.write_text("gitdir: " + "a/" * 3000 + "\n", encoding="utf-8")
        return f".git -> {choice}"
    templates = root / "templates"
    templates.mkdir(exist_ok=True)
    _replace(templates / "agenda.docx", how, outside)
    return f"templates/agenda.docx -> {how}"


def make_variant(base: Path, target: Path, seed: int) -> Variant:
    """A copy of `base` at `target` with one to three seeded mutations."""
    rng = random.Random(seed)
    if target.exists():
        remove(target)
    shutil.copytree(base, target, symlinks=True)
    variant = Variant(seed, target)
    outside = outside_folder(base)
    for _ in range(rng.choice([1, 1, 2, 3])):
        if rng.random() < 0.35:
            try:
                variant.mutations.append(_file_mutation(rng, target, outside))
            except OSError as err:  # an earlier mutation made this one impossible (a folder is a FIFO)
                variant.mutations.append(f"(file mutation not possible: {err.strerror})")
            continue
        real = os.path.realpath(target)
        files = [rel for rel in _data_files(target) if (target / rel).is_file() and not (target / rel).is_symlink()
                 and os.path.realpath(target / rel).startswith(real + os.sep)]  # never damage the outside files
        if not files:
            continue
        rel = rng.choice(files)
        path = target / rel
        text = path.read_bytes().decode("utf-8", "replace")
        text, what = _text_mutation(rng, text)
        data, encoding = _encode(rng, text)
        path.write_bytes(data)
        variant.mutations.append(f"{rel}: {what}" + (f" ({encoding})" if encoding else ""))
    return variant


def remove(path: Path) -> None:
    """Remove a variant folder, including files made unreadable."""
    for folder, dirs, files in os.walk(path):
        for name in dirs + files:
            full = os.path.join(folder, name)
            if not os.path.islink(full):
                try:
                    os.chmod(full, 0o755)
                except OSError:
                    pass
    shutil.rmtree(path, ignore_errors=True)


# --- one run ------------------------------------------------------------------------------------

@dataclass
class Outcome:
    seed: int
    mutations: list[str]
    exits: dict[str, int] = field(default_factory=dict)  # command -> exit code
    tracebacks: dict[str, str] = field(default_factory=dict)  # command -> the traceback text
    outside: list[str] = field(default_factory=list)  # files opened outside the council and the output
    canary: list[str] = field(default_factory=list)  # outputs that contain the outside file's content
    seconds: dict[str, float] = field(default_factory=dict)  # wall clock
    cpu: dict[str, float] = field(default_factory=dict)  # this process's CPU time

    @property
    def ok(self) -> bool:
        return not (self.tracebacks or self.outside or self.canary)


COMMANDS = ("check", "publish", "calendar", "export", "popolo")


class Hang(BaseException):
    """Raised by a fuzz run's alarm. Not an Exception, so cec's own handler (which turns any
    Exception into exit 3) cannot catch it and the run is counted as a hang, not a traceback."""


def commands_for(seed: int, every_export: int = 1, second_every: int = 1) -> tuple[str, ...]:
    """Which commands a quick run gives a variant: `check` always; on every `second_every`-th
    variant one of the others in turn as well (the package export, by far the slowest command,
    only every `every_export`-th time its turn comes round; publish takes the other turns)."""
    if seed % second_every:
        return ("check",)
    turn = seed // second_every
    pick = ("publish", "calendar", "popolo", "export")[turn % 4]
    if pick == "export" and (turn // 4) % every_export:
        pick = "publish"
    return ("check", pick)


def run_variant(variant: Variant, out: Path, commands=COMMANDS) -> Outcome:
    """Run cec's commands over a variant in this process (through the real CLI app), recording exit
    codes, tracebacks (exit 3), every file opened outside the council and `out`, and outputs that
    carry the outside canary."""
    import time

    from opens import opened, outside

    from typer.testing import CliRunner

    from cecli.cli import app

    runner = CliRunner()
    root = variant.root
    outcome = Outcome(variant.seed, list(variant.mutations))
    out.mkdir(parents=True, exist_ok=True)
    args = {
        "check": ["check", root, "--as-of", AS_OF, "--format", "json"],
        "publish": ["publish", root, "--out", out / "site", "--as-of", AS_OF],
        "calendar": ["calendar", root, "--out", out / "meetings.ics"],
        "export": ["export", root, "--out", out / "package.zip", "--zip", "--allow-uncommitted",
                   "--year", YEAR, "--as-of", AS_OF],
        "popolo": ["export", root, "--format", "popolo", "--out", out / "popolo.json", "--as-of", AS_OF],
    }
    for command in commands:
        began, began_cpu = time.perf_counter(), time.process_time()
        with opened() as paths:
            result = runner.invoke(app, [str(a) for a in args[command]], prog_name="cec")
        outcome.seconds[command] = time.perf_counter() - began
        outcome.cpu[command] = time.process_time() - began_cpu
        outcome.exits[command] = result.exit_code
        text = (result.stdout or "") + (getattr(result, "stderr", "") or "")
        if result.exit_code not in (0, 1, 2) or "Traceback" in text or (
                result.exception is not None and not isinstance(result.exception, SystemExit)):
            import traceback

            detail = "".join(traceback.format_exception(result.exception)) if result.exception and not isinstance(
                result.exception, SystemExit) else text
            outcome.tracebacks[command] = detail[-3000:]
        outcome.outside += [f"{command}: {p}" for p in outside(paths, root, out)]
        if CANARY in text:
            outcome.canary.append(f"{command}: output")
    for written in out.rglob("*"):
        if written.is_file() and not written.is_symlink():
            data = written.read_bytes()
            if CANARY.encode() in data or b"canary@outside" in data or b"root:x:0:0" in data:
                outcome.canary.append(str(written.relative_to(out)))
            if written.suffix == ".zip":
                import zipfile

                with zipfile.ZipFile(written) as archive:
                    for info in archive.infolist():
                        data = archive.read(info)
                        if CANARY.encode() in data or b"root:x:0:0" in data:
                            outcome.canary.append(f"{written.name}/{info.filename}")
    return outcome
