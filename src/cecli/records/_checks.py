"""Checks on values given on the command line, made before anything is written.

Each failure is an InvalidInput (exit 2) naming the option and showing how to write the value. The
helpers also turn checked values into what the YAML files hold: dates as dates, times as quoted
"HH:MM" strings, school years as quoted "2025-26" strings.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from cecli.errors import InvalidInput
from cecli.suggest import did_you_mean

_YEAR = re.compile(r"(\d{4})-(\d{2})\Z")
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


def quoted(text: str):
    """A string that is written in double quotes ("18:30", "2025-26"), as the file format asks."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return DoubleQuotedScalarString(text)


def _unclear(option: str, err) -> InvalidInput:
    """An InvalidInput naming the option, from a cecli.when.Unclear."""
    return InvalidInput(f"{option} {err}".strip(), f"{err.example} Nothing was written.")


def day(value, option: str, us_format: bool = False, today: dt.date | None = None) -> dt.date | None:
    """A date as people write it (cecli.when.read_date: 2026-12-08, 12/8/2026, Dec 8 2026, today);
    a date passes through; None stays None.

    `us_format=True` (spreadsheet cells) also reads a blank as no date.
    """
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if us_format and not text:
        return None
    from cecli.when import Unclear, read_date

    try:
        return read_date(text, today)
    except Unclear as err:
        raise _unclear(option, err) from None


def not_future(value: dt.date | None, option: str, what: str, today: dt.date | None = None) -> dt.date | None:
    """Refuse a date after today for something that must already have happened (a report given, a
    signature, minutes approved)."""
    today = today or dt.date.today()
    if value is not None and value > today:
        raise InvalidInput(f"{option} {value.isoformat()} is after today ({today.isoformat()}): {what} cannot have "
                           "happened yet.", "Give the date it really happened. Nothing was written.")
    return value


def already(entries, entry: dict, keys: tuple[str, ...], again: bool, what: str) -> None:
    """Refuse an entry already recorded (the same `keys`: kind, date and title or description) unless --again."""
    if again:
        return

    def norm(value):
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return " ".join(str(value).split()).casefold() if value is not None else ""

    wanted = tuple(norm(entry.get(k)) for k in keys)
    for existing in entries or []:
        if hasattr(existing, "get") and tuple(norm(existing.get(k)) for k in keys) == wanted:
            raise InvalidInput(f"{what} is already recorded, so it was not added again.",
                               "If it really happened twice, run the command again with --again. Nothing was written.")


def clock(value: str | None, option: str) -> dt.time | None:
    """A time as people write it (cecli.when.read_time: 18:00, 6pm, 6:30 PM)."""
    if value is None:
        return None
    from cecli.when import Unclear, read_time

    try:
        return read_time(value)
    except Unclear as err:
        raise _unclear(option, err) from None


def hhmm(value: dt.time):
    return quoted(f"{value.hour:02d}:{value.minute:02d}")


def in_order(start: dt.time | None, end: dt.time | None, first: str = "--start", second: str = "--end") -> None:
    if start and end and end <= start:
        if first == "--start":
            said = f"The end time {end:%H:%M} is not after the start time {start:%H:%M}."
        else:
            said = f"The adjournment at {end:%H:%M} is not after the call to order at {start:%H:%M}."
        raise InvalidInput(said, f"Check {first} and {second}. Nothing was written.")


def moment(value: str | None, option: str, today: dt.date | None = None):
    """A date, or a date and time (cecli.when.read_moment: "2025-10-10 16:00", "Oct 10 2025 4pm");
    returned as it should be written: a date, or a quoted "YYYY-MM-DD HH:MM"."""
    if value is None:
        return None
    from cecli.when import Unclear, read_moment, time_text

    try:
        when, at = read_moment(value, today)
    except Unclear as err:
        raise _unclear(option, err) from None
    return when if at is None else quoted(f"{when.isoformat()} {time_text(at)}")


def school_year(value: str | None, option: str = "--year") -> str | None:
    if value is None:
        return None
    match = _YEAR.match(value.strip())
    if not match or (int(match[1]) + 1) % 100 != int(match[2]):
        raise InvalidInput(f'{option} `{value}` is not a school year written like "2025-26".',
                           "Nothing was written.")
    return value.strip()


def slug(value: str, option: str) -> str:
    if not _SLUG.match(value or ""):
        raise InvalidInput(f"{option} `{value}` is not a usable id.",
                           "Use lowercase letters, digits and dashes, such as `reading-growth`. "
                           "Nothing was written.")
    return value


def count(value: int | None, option: str) -> int | None:
    if value is not None and value < 0:
        raise InvalidInput(f"{option} cannot be negative.", "Nothing was written.")
    return value


def id_list(values: list[str] | str | None) -> list[str]:
    """Ids given as `a,b` or as repeated options, in order, without blanks or repeats."""
    if not values:
        return []
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def member(council, member_id: str, option: str | None = None):
    """The member with this id, or an InvalidInput naming the option, with the closest id as a suggestion."""
    found = council.member(member_id)
    if found is None and not council.members and "roster.yaml" not in council.sources:
        if "roster.yaml" in council.damaged:
            raise InvalidInput("roster.yaml cannot be read, so cec cannot find any member in it.",
                               "`cec check` shows what is wrong with it; `cec restore roster.yaml` brings back "
                               "the last recorded copy. Nothing was written.")
        raise InvalidInput("roster.yaml is missing, so cec cannot find any member.",
                           "If it was deleted by mistake, bring it back with `cec restore roster.yaml`. "
                           "Nothing was written.")
    if found is None:
        what = f"{option}: no member has the id `{member_id}`." if option else f"No member has the id `{member_id}`."
        hint = did_you_mean(member_id, [m.id for m in council.members]) or (
            "See the ids with `cec member list --all`, or add the member with `cec member add`.")
        raise InvalidInput(what, f"{hint} Nothing was written.")
    return found


def members(council, ids: list[str], option: str) -> list[str]:
    """Refuse any id that is not on the roster (with the closest id as a suggestion)."""
    for member_id in ids:
        member(council, member_id, option)
    return ids


_VOCABULARY_NAMES = {"voters": "voter group", "method": "nomination method", "source": "data source",
                     "category": "member category", "channel": "communication channel",
                     "purpose": "communication purpose", "role": "officer role",
                     "selected_by": "way of selecting members"}


def word(council, vocabulary: str, value: str | None, option: str, loose: bool = False) -> str | None:
    """Refuse a word the council's profile does not know for this vocabulary.

    `loose=True` also takes the word in other case or with spaces for dashes ("Business Leader"),
    and returns it as the profile writes it.
    """
    if value is None:
        return None
    words = council.vocabulary(vocabulary)
    if not words or value in words:
        return value
    normal = re.sub(r"[\s_]+", "-", value.strip().lower()) if loose else value
    if normal in words:
        return normal
    hint = did_you_mean(normal, words) or f"Use one of: {', '.join(words)}."
    what = _VOCABULARY_NAMES.get(vocabulary, vocabulary.replace("_", " "))
    article = "an" if what[0] in "aeiou" else "a"
    raise InvalidInput(f"{option} `{value}` is not {article} {what} the {council.profile.name} profile knows.".strip(),
                       f"{hint} Nothing was written.")


def intact(council, findings, rel: str) -> None:
    """Stop when the file a command needs is damaged (it cannot be read in full), showing what is wrong.

    Without this a damaged file would look missing or empty ("no members", "no meeting").
    """
    if council is None or rel not in council.damaged:
        return
    from cecli.store.validate import finding_lines

    problems = [f for f in findings if f.path == rel and f.code in ("CEC001", "CEC002", "CEC003")]
    raise InvalidInput(f"{rel} has problems, so cec cannot use it:\n" + "\n".join(finding_lines(problems)),
                       "Fix this first (cec check shows every problem).")


def meeting_id(council, value: str, option: str = "ID", findings=()) -> str:
    """The id of an existing meeting; a damaged meeting file is named as such, not as missing."""
    ids = [m.id for m in council.meetings]
    if value not in ids:
        for rel in (f"meetings/{value}.yaml", f"meetings/{value}.yml"):
            intact(council, findings, rel)
        hint = did_you_mean(value, ids) or (
            "Meetings are named by their file name in meetings/, such as 2025-10-14; see `cec meeting list`."
        )
        raise InvalidInput(f"There is no meeting `{value}` in meetings/.", f"{hint} Nothing was written.")
    return value


def evidence(root: Path, value: str, folder: str = "evidence") -> tuple[str, bytes]:
    """The council-relative path an evidence file will have, and its bytes.

    A file inside the council folder keeps its path; a file elsewhere is copied into evidence/.
    """
    root = Path(root).resolve()
    given = Path(value).expanduser()
    candidates = [given] if given.is_absolute() else [Path.cwd() / given, root / given]
    found = next((c.resolve() for c in candidates if c.is_file()), None)
    if found is None:
        raise InvalidInput(f"--evidence `{value}` is not a file that exists.",
                           "Give the path of the scan, flyer or screenshot. Nothing was written.")
    if root in found.parents:
        return found.relative_to(root).as_posix(), found.read_bytes()
    target = root / folder / found.name
    data = found.read_bytes()
    if target.exists() and target.read_bytes() != data:
        raise InvalidInput(f"{folder}/{found.name} already exists and holds a different file.",
                           "Rename the file you are adding. Nothing was written.")
    return f"{folder}/{found.name}", data


class Written:
    """What a change wrote: the paths committed, the commit message, the line to show the user, any
    warnings about what was given, and the problems the change left (the store's `tx.problems`)."""

    def __init__(self, paths: list[str], message: str, said: str, warnings: list[str] = (),
                 problems: list = ()) -> None:
        self.paths = paths
        self.message = message
        self.said = said
        self.warnings = list(warnings)
        self.problems = list(problems)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Written({self.paths!r}, {self.message!r})"


def list_words(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
