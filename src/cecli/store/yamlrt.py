"""Round-trip YAML: read a council file and write it back keeping comments, key order and quoting.

Settings from LIBRARY-NOTES.md: `preserve_quotes`, indent (mapping 2, sequence 4, offset 2) unless
the file itself shows another style, and a wide width so long lines are not re-wrapped. Values that
commands add are converted on the way out: plain dicts and lists become block mappings and
sequences, dates are written YYYY-MM-DD, times "HH:MM" in quotes, and strings that another YAML
reader could take for something else (`"2025-26"`, `"no"`, `"18:30"`) are quoted.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from cecli.errors import InvalidInput

WIDTH = 4096
_KEY_LINE = re.compile(r"^( *)[^\s#-][^:#]*:\s*(#.*)?$")
_DASH = re.compile(r"^( *)- ")
_ANY = re.compile(r"^( *)\S")
_NEEDS_QUOTES = re.compile(
    r"\d{1,2}:\d{2}(:\d{2})?\Z|\d{4}-\d{2}\Z|\d{4}-\d{2}-\d{2}\Z|[-+]?\d+(\.\d*)?\Z|"
    r"(?i:y|n|yes|no|on|off|true|false|null|~)\Z"
)


def detect_indent(text: str) -> tuple[int, int, int]:
    """(mapping, sequence, offset) as ruamel wants them, read from the file's own block structure."""
    mapping = sequence = offset = None
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for before, after in zip(lines, lines[1:]):
        key = _KEY_LINE.match(before)
        if not key:
            continue
        base = len(key[1])
        dash = _DASH.match(after)
        if dash and offset is None and len(dash[1]) >= base:
            offset = len(dash[1]) - base
            sequence = offset + 2
        elif not dash and mapping is None:
            child = _ANY.match(after)
            if child and len(child[1]) > base:
                mapping = len(child[1]) - base
        if mapping is not None and offset is not None:
            break
    return (mapping or 2, sequence if sequence is not None else 4, offset if offset is not None else 2)


def make_yaml(indent: tuple[int, int, int] = (2, 4, 2)):
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    return yaml


def load_text(text: str, rel: str, indent: tuple[int, int, int] | None = None):
    """Parse for editing. A file that does not parse is refused with file:line:col: fix it first."""
    from cecli.yamlread import YamlProblem, parse

    try:
        parse(text)  # cec's own reader: refuses %YAML 1.1, aliases, duplicate keys, tags
    except YamlProblem as problem:
        raise InvalidInput(
            f"{rel}:{problem.line}:{problem.column}: {problem.message} cec will not rewrite a file it "
            "cannot read. Nothing was written.",
            f"Fix {rel} first (`cec check` shows every problem), then run the command again.",
        ) from None
    yaml = make_yaml(indent or detect_indent(text))
    try:
        return yaml.load(text)
    except Exception as err:  # ruamel's own refusal, with its mark
        mark = getattr(err, "problem_mark", None)
        where = f"{rel}:{mark.line + 1}:{mark.column + 1}" if mark else rel
        raise InvalidInput(f"{where}: this file cannot be read ({err}). Nothing was written.",
                           f"Fix {rel} first, then run the command again.") from None


def dump_text(doc: Any, indent: tuple[int, int, int], loaded_strings: set[int] | None = None) -> str:
    doc = to_yaml(doc, loaded_strings or set())
    out = io.StringIO()
    make_yaml(indent).dump(doc, out)
    return out.getvalue()


def string_ids(node: Any, seen: set[int] | None = None) -> set[int]:
    """ids of every string in a freshly loaded tree: those are the user's and keep their style."""
    seen = set() if seen is None else seen
    if isinstance(node, dict):
        for key, value in node.items():
            seen.add(id(key))
            string_ids(value, seen)
    elif isinstance(node, list):
        for value in node:
            string_ids(value, seen)
    elif isinstance(node, str):
        seen.add(id(node))
    return seen


def to_yaml(node: Any, keep: set[int]) -> Any:
    """Convert what commands put into a document into ruamel's round-trip types, in place where possible."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        for index, key in enumerate(list(node.keys())):
            value = node[key]
            new = to_yaml(value, keep)
            new_key = scalar(key, keep)
            if new_key is not key:  # a key a command added, such as "2025-26": quote it in place
                del node[key]
                node.insert(index, new_key, new)
            elif new is not value:
                node[key] = new
        return node
    if isinstance(node, CommentedSeq):
        for index, value in enumerate(node):
            new = to_yaml(value, keep)
            if new is not value:
                node[index] = new
        if node.fa.flow_style() and any(isinstance(v, (dict, list)) and v for v in node):
            node.fa.set_block_style()
        return node
    if isinstance(node, dict):
        out = CommentedMap()
        for key, value in node.items():
            if value is None:
                continue  # commands leave out what was not given
            out[scalar(key, keep)] = to_yaml(value, keep)
        return out
    if isinstance(node, (list, tuple)):
        return CommentedSeq(to_yaml(value, keep) for value in node)
    return scalar(node, keep)


def scalar(value: Any, keep: set[int] = frozenset()) -> Any:
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString

    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0)
    if isinstance(value, dt.time):
        return DoubleQuotedScalarString(value.strftime("%H:%M"))
    if isinstance(value, Path):
        return value.as_posix()
    if isinstance(value, str) and not isinstance(value, ScalarString) and id(value) not in keep:
        if _NEEDS_QUOTES.match(value):
            return DoubleQuotedScalarString(value)
    return value


def is_flow(node) -> bool:
    """Whether a loaded list is written in flow style, `[a, b]`."""
    return hasattr(node, "fa") and bool(node.fa.flow_style())


def flow_list(values, flow: bool = True):
    """A list of plain values written `[a, b]` when `flow` (as the file's other lists of its kind are)."""
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(values)
    if flow:
        seq.fa.set_flow_style()
    return seq


def append(seq, item) -> None:
    """Add an item at the end of a list; the blank lines that closed the list move below the new item."""
    before = _last_slot(seq)
    item = to_yaml(item, set())
    seq.append(item)
    after = _last_slot(seq)
    if before is None or after is None:
        return
    (node, key, pos), (new_node, new_key, new_pos) = before, after
    token = node.ca.items[key][pos] if key in node.ca.items else None
    if token is None or not token.value.startswith("\n"):
        return
    node.ca.items[key][pos] = None
    new_node.ca.items.setdefault(new_key, [None, None, None, None])[new_pos] = token


def _last_slot(node):
    """(container, key, comment position) of the last scalar inside a block node, or None."""
    if isinstance(node, dict) and node and hasattr(node, "ca"):
        key = list(node.keys())[-1]
        inner = _last_slot(node[key]) if isinstance(node[key], (dict, list)) and node[key] else None
        return inner or (node, key, 2)
    if isinstance(node, list) and node and hasattr(node, "ca"):
        inner = _last_slot(node[-1]) if isinstance(node[-1], (dict, list)) and node[-1] else None
        return inner or (node, len(node) - 1, 0)
    return None


def put(mapping, key: str, value: Any, order: tuple[str, ...] = ()) -> None:
    """Set `key` in a mapping. A new key goes after the last key that comes before it in `order`
    (else at the end), so a member's `end_date` lands under its `start_date`, not at the bottom."""
    if value is None:
        if key in mapping:
            del mapping[key]
        return
    if key in mapping or not hasattr(mapping, "insert") or key not in order:
        mapping[key] = value
        return
    earlier = set(order[: order.index(key)])
    position = 0
    for index, existing in enumerate(mapping.keys()):
        if existing in earlier:
            position = index + 1
    keys = list(mapping.keys())
    if position >= len(mapping):
        mapping[key] = value
    else:
        mapping.insert(position, key, value)
    _keep_spacing(mapping, keys[position - 1] if position else None, key,
                  keys[position] if position < len(keys) else None)


def _keep_spacing(mapping, previous, key, following) -> None:
    """Blank lines and comment lines stay between the sections they separated.

    A scalar's trailing lines (blank lines, a comment on the lines below it) move down to a new scalar
    key put after it; a new section put between two sections separated by a blank line is followed by
    a blank line too, so `minutes:` does not end up glued to `motions:`.
    """
    if previous is None or not hasattr(mapping, "ca"):
        return
    own = mapping.ca.items.get(previous)
    token = own[2] if own and len(own) > 2 else None
    if token is not None and token.value.startswith("\n") and not isinstance(mapping[key], (dict, list)):
        mapping.ca.items[key] = [None, None, token, None]
        own[2] = None
        return
    if following is None:
        if isinstance(mapping[key], (dict, list)) and any(
                _after(mapping, k).endswith("\n\n") for k in list(mapping.keys())[:-1]):
            mapping.yaml_set_comment_before_after_key(key, before="\n")
        return
    ahead = (mapping.ca.items.get(following) or [None, None])[1]
    if ahead and all(not t.value.strip() for t in ahead):  # blank lines kept as the next key's own
        if isinstance(mapping[key], (dict, list)):
            mapping.yaml_set_comment_before_after_key(key, before="\n")
        return
    text = _after(mapping, previous)
    if text.endswith("\n\n") and not (mapping.ca.items.get(following) or [None, None])[1]:
        mapping.yaml_set_comment_before_after_key(following, before="\n")


def _after(mapping, key) -> str:
    """The comment text (blank lines included) between `key`'s value and the next key."""
    own = mapping.ca.items.get(key)
    if own and len(own) > 2 and own[2] is not None:
        return own[2].value
    return _trailing_text(mapping[key])


def _trailing_text(node) -> str:
    """The comment text (blank lines included) that follows the last value inside a block node."""
    if isinstance(node, dict) and node and hasattr(node, "ca"):
        last = list(node.keys())[-1]
        own = node.ca.items.get(last)
        if own and len(own) > 2 and own[2] is not None:
            return own[2].value
        return _trailing_text(node[last])
    if isinstance(node, list) and node and hasattr(node, "ca"):
        own = node.ca.items.get(len(node) - 1)
        if own and own[0] is not None:
            return own[0].value
        return _trailing_text(node[-1])
    return ""
