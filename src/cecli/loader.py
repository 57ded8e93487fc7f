"""Load a council folder: every file read, every problem found, nothing raised for a user's mistake.

`load_council(path)` returns the council and a list of findings (CEC001 to CEC003 here: syntax,
types and missing pieces). A file with a bad entry still loads: the bad entry is set aside so the
rules can judge the rest, and the findings say what to fix.
"""

from __future__ import annotations

import copy
import math
import os
import re
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from cecli import model as models
from cecli import safefs
from cecli.council import COUNCIL_FILES, Council
from cecli.errors import NotACouncil
from cecli.findings import Finding, Severity
from cecli.suggest import did_you_mean
from cecli.yamlread import Loaded, LongNumber, YamlProblem, parse_bytes

MEETING_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})(-[a-z0-9][a-z0-9-]*)?\.yaml\Z")

_SOURCE_FILES = "cec file format (docs/format.md)"
_PARAMETER_MOST = 100_000  # a rule parameter (days, meetings, minutes) larger than this is a typo

# (file, path pattern) -> vocabulary name. "*" matches any list index or mapping key.
VOCABULARY_FIELDS: list[tuple[str, tuple, str]] = [
    ("roster.yaml", ("members", "*", "category"), "category"),
    ("roster.yaml", ("members", "*", "roles", "*"), "role"),
    ("roster.yaml", ("members", "*", "roles", "*", "role"), "role"),
    ("roster.yaml", ("members", "*", "selected_by"), "selected_by"),
    ("outreach.yaml", ("communications", "*", "channel"), "channel"),
    ("outreach.yaml", ("communications", "*", "purpose"), "purpose"),
    ("outreach.yaml", ("nominations", "methods", "*"), "method"),
    ("outreach.yaml", ("nominations", "*", "methods", "*"), "method"),
    ("outreach.yaml", ("elections", "*", "voters", "*"), "voters"),
    ("outreach.yaml", ("elections", "*", "candidates", "*", "category"), "category"),
    ("goals.yaml", ("years", "*", "data_reviewed", "*", "source"), "source"),
    ("goals.yaml", ("years", "*", "goals", "*", "data", "*"), "source"),
    ("reports.yaml", ("public_reports", "*", "format"), "format"),
    ("recommendations.yaml", ("recommendations", "*", "to"), "to"),
    ("meeting", ("agenda", "*", "kind"), "agenda_kind"),
    ("meeting", ("officer_elections", "*", "role"), "role"),
]


def find_root(path: Path) -> Path:
    """The council folder at `path`, or the nearest folder above it that holds a council.yaml
    (so cec works from inside meetings/ or evidence/, as git works from any folder of a repository)."""
    path = Path(path)
    if path.is_file() and path.name == "council.yaml":
        path = path.parent
    if not path.exists():
        raise NotACouncil(
            f"There is no folder at {path}.",
            "Check the path, or create a council there with `cec init`.",
        )
    if (path / "council.yaml").is_file():
        return path
    for folder in path.resolve().parents:
        if (folder / "council.yaml").is_file():
            return folder
    raise NotACouncil(
        f"{path} is not a council folder: it has no council.yaml (nor does any folder above it).",
        "Run cec inside a council folder, or name one: `cec check path/to/council`, "
        "`cec export path/to/council`, or `-C path/to/council` for the other commands "
        "(`cec member list -C path/to/council`). To start a new council, run `cec init`.",
    )


def load_council(path: Path) -> tuple[Council, list[Finding]]:
    """Read a council folder. Raises NotACouncil only when there is no council.yaml at all."""
    root = find_root(Path(path))
    council = Council(root=root)
    findings: list[Finding] = []

    for name in COUNCIL_FILES:
        if not os.path.lexists(root / name):
            if name == "roster.yaml":
                findings.append(
                    Finding("CEC003", Severity.ERROR, name, 0, 0, "roster.yaml is missing.",
                            "If it was deleted by mistake, bring it back with `cec restore roster.yaml`; otherwise "
                            "create it with `cec member add`, or `cec init` in a new folder.", _SOURCE_FILES)
                )
            continue
        value = _load_model(root, name, models.FILE_MODELS[name], findings, council)
        if value is None:
            continue
        if name == "council.yaml":
            council.info = value
        elif name == "roster.yaml":
            council.members = value.members
        else:
            setattr(council, name[:-5], value)

    _load_meetings(root, council, findings)
    _attach_profile(council, findings)
    if council.profile:
        _check_vocabularies(council, findings)
    return council, findings


def _load_meetings(root: Path, council: Council, findings: list[Finding]) -> None:
    folder = root / "meetings"
    refused = safefs.folder_problem(root, "meetings")
    if refused:
        findings.append(Finding("CEC001", Severity.ERROR, "meetings/", 0, 0, refused.message,
                                refused.hint, _SOURCE_FILES))
        council.damaged.add("meetings/")
        return
    if not folder.is_dir():
        return
    meetings = []
    try:
        names = sorted(os.listdir(folder))
    except OSError as err:
        findings.append(Finding("CEC001", Severity.ERROR, "meetings/", 0, 0,
                                f"meetings/ could not be read: {err.strerror}.", "Check the folder's permissions.",
                                _SOURCE_FILES))
        council.damaged.add("meetings/")
        return
    for name in names:
        file = folder / name
        if file.suffix not in (".yaml", ".yml") or file.name.startswith("."):
            continue
        rel = f"meetings/{file.name}"
        match = MEETING_NAME.match(file.name)
        meeting = _load_model(root, rel, models.Meeting, findings, council)
        if meeting is None:
            continue
        meeting._id = file.name[: -len(file.suffix)]
        if not match:
            findings.append(
                Finding("CEC005", Severity.ERROR, rel, 1, 1,
                        f"The meeting file name `{file.name}` is not the meeting's date.",
                        f"Rename it to meetings/{meeting.date.isoformat()}.yaml (add a suffix such as "
                        "-special when two meetings share a day).", _SOURCE_FILES)
            )
        elif match[1] != meeting.date.isoformat():
            line, col = council.sources[rel].position(("date",))
            findings.append(
                Finding("CEC005", Severity.ERROR, rel, line, col,
                        f"This file is named for {match[1]} but the meeting's date is {meeting.date.isoformat()}.",
                        f"Correct the date, or rename the file to meetings/{meeting.date.isoformat()}"
                        f"{match[2] or ''}.yaml.", _SOURCE_FILES)
            )
        meetings.append(meeting)
    meetings.sort(key=lambda m: (m.date, m.start or __import__("datetime").time(0), m.id))
    council.meetings = meetings


def _attach_profile(council: Council, findings: list[Finding]) -> None:
    from cecli import profiles

    if council.info is None:
        return
    name = council.info.profile
    try:
        council.profile = profiles.load(name)
    except KeyError:
        line, col = council.sources["council.yaml"].position(("profile",))
        known = profiles.available()
        hint = did_you_mean(name, known) or f"Use one of: {', '.join(known)}."
        findings.append(
            Finding("CEC004", Severity.ERROR, "council.yaml", line, col,
                    f"There is no profile called `{safefs.shown(name)}`, so no state rules could be checked.",
                    hint, _SOURCE_FILES)
        )
        return
    council.parameters = dict(council.profile.parameters)
    settings = council.info.rules
    if settings:
        loaded = council.sources["council.yaml"]
        for key, value in settings.parameters.items():
            if key not in council.profile.parameters:
                line, col = loaded.position(("rules", "parameters", key), key=True)
                findings.append(
                    Finding("CEC002", Severity.ERROR, "council.yaml", line, col,
                            f"`{safefs.shown(key)}` is not a parameter of the {council.profile.name} profile.",
                            did_you_mean(key, council.profile.parameters)
                            or "See `cec rules` for the parameters each rule uses.", _SOURCE_FILES)
                )
                continue
            default = council.profile.parameters[key]
            problem = _parameter_problem(key, value, default)
            if problem is not None:
                line, col = loaded.position(("rules", "parameters", key))
                findings.append(Finding("CEC002", Severity.ERROR, "council.yaml", line, col, *problem, _SOURCE_FILES))
                continue
            council.parameters[key] = value
            council.overrides[key] = value
        from cecli.rules import REGISTRY

        for code, reason in settings.disabled.items():
            if code not in REGISTRY:
                line, col = loaded.position(("rules", "disabled", code), key=True)
                findings.append(
                    Finding("CEC004", Severity.ERROR, "council.yaml", line, col,
                            f"`{safefs.shown(code)}` is not a rule code, so it cannot be switched off.",
                            did_you_mean(code, REGISTRY) or "See `cec rules` for the list of rules.",
                            _SOURCE_FILES)
                )
                continue
            council.disabled[code] = reason


def _parameter_problem(key: str, value: object, default: object) -> tuple[str, str] | None:
    """(message, hint) when a council's value for a rule parameter cannot be used, judged by the
    form of the profile's own value: a number, a severity, a month and day, or other text."""
    if type(value) is not type(default) and not (isinstance(default, (int, float)) and isinstance(value, (int, float))):
        return (f"`{key}` should be {'a number' if isinstance(default, (int, float)) else 'text'} "
                f"(the profile's value is {default!r}).", "")
    if isinstance(default, str) and default in _SEVERITIES and value not in _SEVERITIES:
        return (f"`{key}` is {safefs.shown(value, 20)!r}, which is not a severity.",
                f"Use one of: {', '.join(_SEVERITIES)} (the profile's value is {default!r}).")
    if isinstance(default, str) and _MONTH_DAY.fullmatch(default) and not _month_day(value):
        return (f"`{key}` is {safefs.shown(value, 20)!r}, which is not a month and day.",
                f"Write it as month-day, such as {default!r} (the profile's value).")
    if isinstance(value, (int, float)) and not (math.isfinite(value) and abs(value) <= _PARAMETER_MOST):
        return (f"`{key}` is {safefs.shown(value, 20)}, which no rule can use "
                f"(a parameter is a number up to {_PARAMETER_MOST:,}).", f"The profile's value is {default!r}.")
    return None


_SEVERITIES = tuple(s.value for s in Severity)
_MONTH_DAY = re.compile(r"(\d\d)-(\d\d)")


def _month_day(value: object) -> bool:
    """Whether `value` is a month and day written MM-DD that some year has (02-29 counts)."""
    found = _MONTH_DAY.fullmatch(value) if isinstance(value, str) else None
    if not found:
        return False
    try:
        __import__("datetime").date(2000, int(found[1]), int(found[2]))
    except ValueError:
        return False
    return True


def _load_model(root: Path, rel: str, model_cls: type[BaseModel], findings: list[Finding],
                council: Council):
    try:
        loaded = parse_bytes(safefs.read_bytes(root, rel, safefs.YAML_LIMIT))
    except YamlProblem as problem:
        findings.append(Finding("CEC001", Severity.ERROR, rel, problem.line, problem.column,
                                problem.message, problem.hint, _SOURCE_FILES))
        council.damaged.add(rel)
        return None
    except safefs.Refused as refused:
        findings.append(Finding("CEC001", Severity.ERROR, rel, 0, 0, refused.message,
                                refused.hint or "Check the file's permissions.", _SOURCE_FILES))
        council.damaged.add(rel)
        return None
    council.sources[rel] = loaded
    data = loaded.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        line, col = loaded.position(())
        findings.append(Finding("CEC002", Severity.ERROR, rel, line, col,
                                f"{rel} should hold `key: value` lines at the top level, not a "
                                f"{'list' if isinstance(data, list) else 'single value'}.",
                                "See docs/format.md for what this file holds.", _SOURCE_FILES))
        council.damaged.add(rel)
        return None
    try:
        value = model_cls.model_validate(data)
    except ValidationError as err:
        council.damaged.add(rel)
        findings.extend(_validation_findings(err, rel, loaded, model_cls))
        value = _salvage(model_cls, data, err, council, rel)
        if value is None:
            return None
    value.locate(rel, ())
    return value


def _salvage(model_cls, data: dict, err: ValidationError, council: Council, rel: str):
    """Set aside the entries that failed and validate the rest, so the rules can judge what is good."""
    data = copy.deepcopy(data)
    for _ in range(6):
        removals: dict[tuple, set] = {}
        for error in err.errors():
            path = _data_path(data, error["loc"])
            index_at = max((i for i, part in enumerate(path) if isinstance(part, int)), default=None)
            if index_at is None:
                if not path:
                    return None
                removals.setdefault(tuple(path[:-1]), set()).add(path[-1])
            else:
                removals.setdefault(tuple(path[:index_at]), set()).add(path[index_at])
        for parent_path, parts in sorted(removals.items(), key=lambda item: -len(item[0])):
            parent = _at_path(data, parent_path)
            if isinstance(parent, list):
                for index in sorted((p for p in parts if isinstance(p, int) and p < len(parent)), reverse=True):
                    item = parent[index]
                    if rel == "roster.yaml" and isinstance(item, dict) and isinstance(item.get("id"), str):
                        council.damaged_ids.add(item["id"])
                    del parent[index]
            elif isinstance(parent, dict):
                for key in parts:
                    parent.pop(key, None)
        try:
            return model_cls.model_validate(data)
        except ValidationError as again:
            err = again
    return None


_MISSING = object()


def _at_path(data: Any, path: tuple, missing: Any = None) -> Any:
    """The node at `path`, or `missing` when it (or a part of the way) is not there."""
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return missing
    return node


def _data_path(data: Any, loc: tuple) -> list:
    """The part of a pydantic error location that indexes into the data (drops union branch names)."""
    path: list = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part not in node and _looks_like_field(part):
            path.append(part)  # a missing field: stop here
            break
    return path


def _looks_like_field(part: str) -> bool:
    return bool(re.fullmatch(r"[a-z_][a-z0-9_]*", part))


def _validation_findings(err: ValidationError, rel: str, loaded: Loaded, model_cls) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple] = set()
    for error in err.errors():
        path = _data_path(loaded.data or {}, error["loc"])
        kind = error["type"]
        exists = _exists(loaded.data, path)
        key = (tuple(path), kind if kind in ("missing", "extra_forbidden") else "value")
        if key in seen:
            continue  # one message per value, even when a union tried several shapes
        seen.add(key)
        field = str(path[-1]) if path and isinstance(path[-1], str) else _describe(path)
        if kind == "missing" or not exists and kind != "extra_forbidden":
            line, col = loaded.position(tuple(path[:-1]))
            out.append(Finding("CEC003", Severity.ERROR, rel, line, col,
                               f"`{field}` is required {_where(path[:-1])}but missing.",
                               f"Add a `{field}:` line here. See docs/format.md for what it holds.",
                               _SOURCE_FILES))
            continue
        if kind == "extra_forbidden":
            line, col = loaded.position(tuple(path), key=True)
            allowed = _fields_at(model_cls, path[:-1])
            hint = did_you_mean(field, allowed) or (
                f"Known fields here: {', '.join(allowed)}." if allowed else "Remove it."
            )
            out.append(Finding("CEC002", Severity.ERROR, rel, line, col,
                               f"`{field}` is not a field cec knows {_where(path[:-1])}".rstrip() + ".",
                               hint, _SOURCE_FILES))
            continue
        line, col = loaded.position(tuple(path))
        out.append(Finding("CEC002", Severity.ERROR, rel, line, col,
                           f"{field}: {_plain(error)}", _type_hint(error), _SOURCE_FILES))
    return out


def _exists(data: Any, path: list) -> bool:
    return _at_path(data, tuple(path), _MISSING) is not _MISSING


def _where(path: list) -> str:
    if not path:
        return ""
    return f"in {_describe(path)} "


def _describe(path: list) -> str:
    words = []
    for part in path:
        if isinstance(part, int):
            words.append(f"entry {part + 1}")
        else:
            words.append(f"`{part}`")
    return " of ".join(reversed(words)) if words else "this file"


def _plain(error: dict) -> str:
    kind = error["type"]
    value = error.get("input")
    shown = f"`{safefs.shown(value)}`" if isinstance(value, (str, int, float, bool)) else "this value"
    if isinstance(value, LongNumber):
        return f"`{safefs.shown(value, 20)}` is a number too long to be right here ({len(value):,} characters)."
    if kind == "value_error":
        return str(error["ctx"]["error"]) + "."
    if kind == "literal_error":
        expected = error["ctx"]["expected"].replace("'", "`")
        return f"{shown} is not one of the allowed values ({expected})."
    if kind in ("bool_type", "bool_parsing"):
        return f"{shown} should be `true` or `false`."
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{shown} should be a whole number."
    if kind in ("string_type",):
        return f"{shown} should be text."
    if kind in ("list_type",):
        return f"{shown} should be a list (one `- ` line per entry)."
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{shown} should be a section of `key: value` lines."
    if kind in ("float_type", "float_parsing"):
        return f"{shown} should be a number."
    return f"{shown} is not accepted here ({error['msg']})."


def _type_hint(error: dict) -> str:
    kind = error["type"]
    if kind == "value_error":
        text = str(error["ctx"]["error"])
        if "YYYY-MM-DD" in text or "real date" in text:
            return "Write dates as YYYY-MM-DD, for example 2025-10-14."
        if "HH:MM" in text or "time of day" in text:
            return 'Write times in quotes as "HH:MM" on a 24-hour clock, for example "18:30".'
        if "school year" in text:
            return 'Write school years in quotes, for example "2025-26".'
        if "id" in text:
            return "Member ids are short lowercase names such as `maria-lopez`; other files refer to members by id."
    if kind == "literal_error":
        value = error.get("input")
        options = re.findall(r"'([^']*)'", error["ctx"]["expected"])
        if isinstance(value, str):
            return did_you_mean(value, options) or ""
    return ""


def _fields_at(model_cls, path: list) -> list[str]:
    """The field names allowed at a data path, by walking the model's annotations."""
    current: Any = model_cls
    for part in path:
        current = _candidate(current, list if isinstance(part, int) else "mapping")
        if current is None:
            return []
        if isinstance(part, int):
            current = typing.get_args(current)[0]
        elif isinstance(current, type) and issubclass(current, BaseModel):
            fields = {(f.alias or name): f for name, f in current.model_fields.items()}
            if part not in fields:
                return []
            current = fields[part].annotation
        else:  # dict[K, V]
            current = typing.get_args(current)[1]
    current = _candidate(current, "mapping")
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _candidate(tp: Any, want) -> Any:
    """Strip Annotated and Optional; from a union, take the member that can be indexed as wanted."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _candidate(typing.get_args(tp)[0], want)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            found = _candidate(arg, want)
            if found is not None:
                return found
        return None
    if want is list:
        return tp if origin is list else None
    if origin is dict or (isinstance(tp, type) and issubclass(tp, BaseModel)):
        return tp
    return None


def _check_vocabularies(council: Council, findings: list[Finding]) -> None:
    vocab = council.profile.vocabularies
    for rel, loaded in council.sources.items():
        kind = "meeting" if rel.startswith("meetings/") else rel
        for file, pattern, name in VOCABULARY_FIELDS:
            if file != kind:
                continue
            words = council.vocabulary(name) if name == "role" else vocab.get(name, ())
            for path, value in _match(loaded.data, pattern, ()):
                if not isinstance(value, str) or value in words:
                    continue
                line, col = loaded.position(path)
                findings.append(
                    Finding("CEC002", Severity.ERROR, rel, line, col,
                            f"`{safefs.shown(value)}` is not a {name.replace('_', ' ')} that the {council.profile.name} profile knows.",
                            did_you_mean(value, words) or f"Use one of: {', '.join(words)}.",
                            _SOURCE_FILES)
                )


def _match(node: Any, pattern: tuple, path: tuple):
    if not pattern:
        yield path, node
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(node, list):
            for index, item in enumerate(node):
                yield from _match(item, rest, path + (index,))
        elif isinstance(node, dict):
            for key, item in node.items():
                yield from _match(item, rest, path + (key,))
    elif isinstance(node, dict) and head in node:
        yield from _match(node[head], rest, path + (head,))
