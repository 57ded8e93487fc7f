"""Read a council YAML file fast, as YAML 1.2, remembering where every value came from.

One pass over libyaml's parse events (PyYAML's C parser when it is built in) gives plain Python
data plus the line and column of every key and value, so any finding can point at `file:line:col`.

The reader refuses what would make a file mean different things in different tools, or blow up:
`%YAML 1.1` directives (where `no` is false and `18:30` is a number), anchors and aliases (an alias
bomb is refused at its first anchor, before anything is expanded), duplicate keys, tags, several
documents in one file, and nesting deeper than MAX_DEPTH (10,000 `[` are refused at the 65th, so
nothing later can run out of stack). Scalars are resolved with the YAML 1.2 core schema: `yes`, `no`, `on`, `off`
stay strings, and dates and times stay strings for the models to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

Path_ = tuple  # a key path into the data: ("members", 3, "email")

MAX_DEPTH = 64  # lists and mappings inside each other; council files need fewer than ten
MAX_NUMBER_DIGITS = 100  # a longer number is kept as its text (a LongNumber) for the models to refuse


class LongNumber(str):
    """A plain scalar that looks like a whole number but is too long to be one cec can use.

    Kept as its text: Python refuses to turn more than 4,300 digits into an int, and no council
    field needs more than a few. A field that wants a number reports it as an impossible value."""


class YamlProblem(Exception):
    """The file cannot be read. Carries a 1-based position and a plain message."""

    def __init__(self, message: str, line: int, column: int, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint


@dataclass(slots=True)
class Loaded:
    """A parsed file: its data, and the 1-based (line, column) of each value and each mapping key."""

    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path_ = (), *, key: bool = False) -> tuple[int, int]:
        """Where `path` is, or the nearest enclosing node that exists (a missing field points at its parent)."""
        path = tuple(path)
        if key and path in self.keys:
            return self.keys[path]
        while path:
            if path in self.values:
                # a mapping value that starts on the next line (a nested block) reads better at its key
                if path in self.keys and self._is_container(path):
                    return self.keys[path]
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))

    def _is_container(self, path: Path_) -> bool:
        node: Any = self.data
        try:
            for part in path:
                node = node[part]
        except (KeyError, IndexError, TypeError):
            return False
        return isinstance(node, (dict, list))


_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})


def resolve_plain(text: str) -> Any:
    """A plain (unquoted) scalar under the YAML 1.2 core schema."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    first = text[0]
    if first.isdigit() or first in "+-.":
        if len(text) > MAX_NUMBER_DIGITS and (_INT.match(text) or _OCT.match(text) or _HEX.match(text)):
            return LongNumber(text)
        if _INT.match(text):
            return int(text)
        if _OCT.match(text):
            return int(text[2:], 8)
        if _HEX.match(text):
            return int(text[2:], 16)
        if _FLOAT.match(text) and text not in {".", "+.", "-."}:
            return float(text)
        lowered = text.lower()
        if lowered in {".inf", "+.inf"}:
            return float("inf")
        if lowered == "-.inf":
            return float("-inf")
        if lowered == ".nan":
            return float("nan")
    return text


def _yaml_module():
    import yaml  # PyYAML: its C parser is the fastest YAML parser for Python

    loader = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
    return yaml, loader


def parse(text: str) -> Loaded:
    """Parse one YAML document. Raises YamlProblem with a position for anything refused."""
    yaml, loader = _yaml_module()
    values: dict[Path_, tuple[int, int]] = {}
    keys: dict[Path_, tuple[int, int]] = {}
    # stack entries: [container, path, pending_key (mappings only), key_position]
    stack: list[list] = []
    root: Any = None
    documents = 0
    Scalar = yaml.ScalarEvent
    MapStart = yaml.MappingStartEvent
    SeqStart = yaml.SequenceStartEvent
    MapEnd = yaml.MappingEndEvent
    SeqEnd = yaml.SequenceEndEvent
    _missing = object()

    def place(value: Any, pos: tuple[int, int], is_scalar: bool) -> Path_ | None:
        """Attach a finished or starting node to its parent; return the node's path."""
        nonlocal root
        if not stack:
            root = value
            values[()] = pos
            return ()
        top = stack[-1]
        container, cpath = top[0], top[1]
        if isinstance(container, list):
            path = cpath + (len(container),)
            container.append(value)
            values[path] = pos
            return path
        key = top[2]
        if key is _missing:
            # this node is a key
            if not is_scalar:
                raise YamlProblem(
                    "A key here is a list or mapping; keys must be plain words.",
                    pos[0],
                    pos[1],
                    "Write the key as a single word followed by a colon, such as `name:`.",
                )
            if not isinstance(value, (str, int, float, bool)) and value is not None:
                raise YamlProblem("This key is not a plain word.", pos[0], pos[1])
            hkey = value if isinstance(value, str) else ("" if value is None else str(value).lower() if isinstance(value, bool) else str(value))
            if hkey in container:
                first = keys.get(cpath + (hkey,), (0, 0))
                raise YamlProblem(
                    f"The key `{hkey}` appears twice in the same section (first on line {first[0]}).",
                    pos[0],
                    pos[1],
                    "Keep one of them: a later duplicate would silently replace the earlier value in other tools.",
                )
            top[2] = hkey
            keys[cpath + (hkey,)] = pos
            return None
        path = cpath + (key,)
        container[key] = value
        values[path] = pos
        top[2] = _missing
        return path

    try:
        for event in yaml.parse(text, Loader=loader):
            cls = event.__class__
            if cls is Scalar:
                mark = event.start_mark
                pos = (mark.line + 1, mark.column + 1)
                if event.anchor is not None:
                    _refuse_anchor(pos)
                if event.tag is not None and not event.implicit[0] and not event.implicit[1]:
                    _refuse_tag(event.tag, pos)
                value = resolve_plain(event.value) if event.style in ("", None) else event.value
                place(value, pos, True)
            elif cls is MapStart or cls is SeqStart:
                mark = event.start_mark
                pos = (mark.line + 1, mark.column + 1)
                if event.anchor is not None:
                    _refuse_anchor(pos)
                if event.tag is not None and not event.implicit:
                    _refuse_tag(event.tag, pos)
                container: Any = {} if cls is MapStart else []
                path = place(container, pos, False)
                if path is None:
                    raise YamlProblem(
                        "A key here is a list or mapping; keys must be plain words.", pos[0], pos[1]
                    )
                stack.append([container, path, _missing])
                if len(stack) > MAX_DEPTH:
                    raise YamlProblem(
                        f"Lists and sections are nested more than {MAX_DEPTH} levels deep here.",
                        pos[0],
                        pos[1],
                        "Council files need only a few levels; check for stray `[`, `{` or `-`.",
                    )
            elif cls is MapEnd or cls is SeqEnd:
                stack.pop()
            elif cls is yaml.AliasEvent:
                mark = event.start_mark
                raise YamlProblem(
                    f"This file uses an alias (`*{event.anchor}`), which council files do not allow.",
                    mark.line + 1,
                    mark.column + 1,
                    "Write the value out in full where it is needed instead of referring to an anchor.",
                )
            elif cls is yaml.DocumentStartEvent:
                documents += 1
                mark = event.start_mark
                if documents > 1:
                    raise YamlProblem(
                        "This file holds more than one YAML document (a second `---`).",
                        mark.line + 1,
                        mark.column + 1,
                        "Keep one document per file: remove the second `---` and merge or move what follows it.",
                    )
                if event.version is not None and tuple(event.version) != (1, 2):
                    raise YamlProblem(
                        f"This file declares `%YAML {event.version[0]}.{event.version[1]}`; council files are YAML 1.2.",
                        mark.line + 1,
                        1,
                        "Delete the `%YAML` line: under YAML 1.1 `no` means false and `18:30` is a number.",
                    )
                if event.tags:
                    raise YamlProblem(
                        "This file declares `%TAG` directives, which council files do not use.",
                        mark.line + 1,
                        1,
                        "Delete the `%TAG` line.",
                    )
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = (err.problem or "the YAML is malformed").rstrip(".")
        context = f" ({err.context})" if err.context else ""
        lines = text.splitlines()
        offending = lines[line - 1] if 0 < line <= len(lines) else ""
        if "tab character" in problem or "\t" in offending[: len(offending) - len(offending.lstrip())]:
            problem, context = "a tab is used to indent this line; YAML indents with spaces only", ""
        plain = _in_plain_words(err, problem, lines, line)
        if plain is not None:
            raise YamlProblem(*plain) from None
        raise YamlProblem(
            f"This is not valid YAML: {problem}{context}.",
            line,
            col,
            _syntax_hint(problem),
        ) from None
    except yaml.reader.ReaderError as err:  # a control character such as NUL
        before = text[: max(err.position, 0)]
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        character = err.character if isinstance(err.character, str) else chr(err.character)
        raise YamlProblem(
            f"This file holds a control character (U+{ord(character):04X}) that YAML does not allow.",
            line,
            column,
            "Delete the character (it is often left by copying from another program).",
        ) from None
    except yaml.YAMLError as err:
        raise YamlProblem(f"This is not valid YAML: {err}.", 1, 1) from None
    except RecursionError:  # nothing cec writes nests this deep; the parser gave up
        raise YamlProblem("Lists and sections are nested too deeply to read.", 1, 1) from None
    return Loaded(root, values, keys)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _content(lines: list[str], before: int) -> int:
    """The 1-based number of the last line before line `before` that holds something (not blank, not
    only a comment), or 0."""
    for number in range(before - 1, 0, -1):
        text = lines[number - 1].strip()
        if text and not text.startswith("#"):
            return number
    return 0


def _in_plain_words(err, problem: str, lines: list[str], line: int):
    """The parser's complaint about indentation, a tab or a missing colon, said in plain words with
    the line it is about: (message, line, column, hint), or None to keep the parser's own words."""
    if "tab is used" in problem:
        return (f"Line {line} is indented with a tab; YAML indents with spaces only.", line, 1,
                "Replace the tab at the start of the line with spaces, lined up with the lines around it.")
    context = err.context_mark
    if "could not find expected ':'" in problem and context is not None:
        key_line = context.line + 1
        text = lines[key_line - 1].strip() if 0 < key_line <= len(lines) else ""
        word = text.split()[0] if text.split() else "key"
        return (f"Line {key_line} has no colon after `{word}`: each line of a section is written `key: value`.",
                key_line, context.column + 1,
                f"Add the colon (`{word}: ...`), or put the text in quotes if it belongs to the line above.")
    if not any(words in problem for words in ("did not find expected key", "mapping values are not allowed",
                                              "expected <block end>", "did not find expected '-' indicator")):
        return None
    if not 0 < line <= len(lines):
        return None
    above = _content(lines, line)
    if not above:
        return None
    here, there = _indent(lines[line - 1]), _indent(lines[above - 1])
    opens = lines[above - 1].split(" #")[0].rstrip().endswith(":")
    if here > there and not opens:
        return (f"Line {line} is indented more than the line above it (line {above}), which does not start "
                "a section.", line, here + 1,
                f"Line it up with line {above} (the same number of spaces), or, if it belongs under line "
                f"{above}, end that line with `:` and put its value on the lines below.")
    if here == there and lines[above - 1].lstrip().startswith("- ") and not lines[line - 1].lstrip().startswith("-"):
        return (f"Line {line} is lined up with the list entry on line {above} but does not start with `- `.",
                line, here + 1,
                f"Start it with `- ` if it is another entry, or indent it two more spaces if it belongs to "
                f"the entry on line {above}.")
    if here < there:
        starts = {_indent(lines[n - 1]) for n in range(1, line) if lines[n - 1].strip()
                  and not lines[n - 1].strip().startswith("#")}
        if here not in starts:
            return (f"Line {line} is indented less than line {above} but does not line up with any line "
                    "above it.", line, here + 1,
                    "Line it up with the section it belongs to (the same number of spaces as its other keys).")
    return None


def _refuse_anchor(pos: tuple[int, int]) -> None:
    raise YamlProblem(
        "This file uses an anchor (`&name`), which council files do not allow.",
        pos[0],
        pos[1],
        "Remove the `&name` marker and write each value out in full.",
    )


def _refuse_tag(tag: str, pos: tuple[int, int]) -> None:
    raise YamlProblem(
        f"This value has a YAML tag (`{tag}`), which council files do not use.",
        pos[0],
        pos[1],
        "Remove the tag; put the value in quotes if it should be text.",
    )


def _syntax_hint(problem: str) -> str:
    if "tab" in problem:
        return "Indent with spaces, not tabs."
    if "mapping values are not allowed" in problem:
        return "A value containing `: ` must be put in quotes, for example `title: \"Budget: FY26\"`."
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        return "A list or mapping written in brackets is not closed: check the `]` or `}`."
    if "could not find expected ':'" in problem:
        return "Every line in a mapping needs `key: value`; check the line above for a missing colon or quote."
    return "Check the indentation and quotes around this line."


def parse_file(path) -> Loaded:
    """Parse a file the user named (not one read from a council folder: see cecli.safefs)."""
    with open(path, "rb") as handle:
        raw = handle.read()
    return parse_bytes(raw)


def parse_bytes(raw: bytes) -> Loaded:
    """Parse the bytes of a file: UTF-8 (a byte-order mark is allowed), one YAML 1.2 document."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise YamlProblem(
            "This file is not UTF-8 text.",
            line,
            1,
            "Save it as UTF-8 (in most editors: Save As, Encoding: UTF-8).",
        ) from None
    return parse(text)
