"""Did you mean ...? The one place that finds the closest known word to a mistyped one."""

from __future__ import annotations

import difflib


def closest(word: str, options, cutoff: float = 0.6) -> str | None:
    """The known option most like `word`, or None when none is close enough."""
    found = difflib.get_close_matches(str(word), [str(option) for option in options], n=1, cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(word: str, options) -> str:
    """"Did you mean `parent`?" for the closest option, or "" when none is close."""
    found = closest(word, options)
    return f"Did you mean `{found}`?" if found else ""
