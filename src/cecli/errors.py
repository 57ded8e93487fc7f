"""One error hierarchy. Each error is a sentence a council secretary can act on, plus an exit code.

Findings are not errors: a council with problems is still a council. These exceptions mean
"cannot go on" (not a council folder, no git identity, a lock held by someone else).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class CecError(Exception):
    """A problem the user can fix. `str(err)` is the message; `hint` says what to do next."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class NotACouncil(CecError):
    """The folder has no council.yaml."""


class InvalidInput(CecError):
    """A value given on the command line (or in a CSV) is not usable; nothing was written."""


class RecordsInvalid(CecError):
    """The change would leave the council's files invalid; nothing was written."""

    exit_code = EXIT_FINDINGS


class GitProblem(CecError):
    """Git refused or could not be asked; nothing was written (or it was rolled back)."""
