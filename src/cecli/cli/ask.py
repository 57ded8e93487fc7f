"""Asking questions in a terminal: the one prompting helper every command uses.

A bad answer is explained and the question asked again (never a crash, never an abort); known
choices are offered as a numbered list and may be answered by number or by name; Enter takes the
default shown in brackets. When the input ends (Ctrl-D, or a closed pipe) the command stops with exit
code 2 and a sentence, before anything is written: every command asks all its questions first.
Ctrl-C stops the command as anywhere else (exit 130, nothing written).

Typer 0.29 has no click `Choice` type and its prompt aborts on the first end of input, so this is
built on `input()` (which also gives line editing in a terminal).
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Callable, Sequence, TypeVar

from cecli.errors import CecError

T = TypeVar("T")


class NoAnswer(CecError):
    """The input ended while cec was asking a question; nothing was written."""


def interactive() -> bool:
    """True when a person can answer: both the input and the output are a terminal."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def say(text: str = "") -> None:
    print(text, flush=True)


def _line(prompt: str) -> str:
    try:
        import readline  # noqa: F401  (line editing and arrow keys in input())
    except ImportError:  # pragma: no cover - not on every platform
        pass
    try:
        return input(prompt)
    except EOFError:
        print(flush=True)
        raise NoAnswer("The input ended before every question was answered, so cec stopped. Nothing was written.",
                       "Run the command again and answer the questions, or give every value as an option "
                       "(see the command's --help).") from None


def _problem(err: Exception) -> str:
    """What was wrong with an answer, in one or two lines."""
    message = getattr(err, "message", None) or str(err)
    hint = getattr(err, "hint", "") or getattr(err, "example", "")
    hint = hint.replace(" Nothing was written.", "").replace("Nothing was written.", "").strip()
    return f"  {message}" + (f"\n  {hint}" if hint and hint not in message else "")


def ask(question: str, *, default: str | None = None, required: bool = True,
        read: Callable[[str], T] | None = None) -> T | str | None:
    """Ask until the answer can be read. `read` turns the text into a value and raises (InvalidInput,
    ValueError, cecli.when.Unclear) to have the question asked again; an empty answer takes the default,
    or None when the question is optional."""
    shown = f" [{default}]" if default not in (None, "") else (" (Enter to skip)" if not required else "")
    while True:
        text = _line(f"{question}{shown}: ").strip()
        if not text and default not in (None, ""):
            text = default
        if not text:
            if not required:
                return None
            say("  Please give an answer.")
            continue
        if read is None:
            return text
        try:
            return read(text)
        except (CecError, ValueError) as err:
            say(_problem(err))


def choose(question: str, choices: Sequence[str] | Sequence[tuple[str, str]], *, default: str | None = None,
           required: bool = True) -> str | None:
    """One of `choices` (names, or (name, description) pairs), answered by its number or its name."""
    pairs = [(c, "") if isinstance(c, str) else (c[0], c[1]) for c in choices]
    names = [name for name, _ in pairs]
    say(f"{question}:")
    width = max(len(name) for name in names)
    for number, (name, about) in enumerate(pairs, 1):
        say(f"  {number:>2}. {name.ljust(width)}  {about}".rstrip())

    def read(text: str) -> str:
        low = text.strip().lower()
        if low.isdigit() and 1 <= int(low) <= len(names):
            return names[int(low) - 1]
        exact = [n for n in names if n.lower() == low]
        starts = [n for n in names if n.lower().startswith(low)]
        if exact or len(starts) == 1:
            return (exact or starts)[0]
        raise ValueError(f"`{text}` is not one of the choices. Answer with a number from 1 to {len(names)} "
                         f"or a name: {', '.join(names)}.")

    return ask("Your choice", default=default, required=required, read=read)


def confirm(question: str, *, default: bool = False) -> bool:
    """Yes or no; Enter takes the default (shown as Y/n or y/N)."""
    while True:
        text = _line(f"{question} [{'Y/n' if default else 'y/N'}]: ").strip().lower()
        if not text:
            return default
        if text in ("y", "yes"):
            return True
        if text in ("n", "no"):
            return False
        say(f"  `{text}`: please answer yes or no (y or n).")


def ask_date(question: str, *, default: dt.date | None = None, required: bool = True) -> dt.date | None:
    """A date as people write it (cecli.when); asked again when unclear."""
    from cecli.when import read_date

    return ask(f"{question}, such as Dec 8 2026", default=default.isoformat() if default else None,
               required=required, read=read_date)


def ask_time(question: str, *, default: str | None = None, required: bool = True) -> dt.time | None:
    """A time as people write it (cecli.when); asked again when unclear."""
    from cecli.when import read_time

    return ask(f"{question}, such as 6:30 PM", default=default, required=required, read=read_time)


def ask_number(question: str, *, default: int | None = None, least: int = 0) -> int:
    def read(text: str) -> int:
        if not text.strip().isdigit() or int(text) < least:
            raise ValueError(f"`{text}` is not a whole number{' of at least ' + str(least) if least else ''}.")
        return int(text)

    return ask(question, default=None if default is None else str(default), read=read)


def ask_numbers(question: str, count: int, taken: set[int] = frozenset()) -> list[int]:
    """Numbers from a list of `count` entries, as `1,3-5` (Enter for none); asked again on a bad one."""

    def read(text: str) -> list[int]:
        chosen: list[int] = []
        for part in text.replace(" ", ",").split(","):
            if not part:
                continue
            low, _, high = part.partition("-")
            if not low.isdigit() or (high and not high.isdigit()):
                raise ValueError(f"`{part}` is not a number from the list (1 to {count}).")
            for n in range(int(low), int(high or low) + 1):
                if not 1 <= n <= count:
                    raise ValueError(f"{n} is not a number from the list (1 to {count}).")
                if n in taken:
                    raise ValueError(f"{n} was already given in an earlier answer.")
                if n not in chosen:
                    chosen.append(n)
        return chosen

    return ask(question, required=False, read=read) or []
