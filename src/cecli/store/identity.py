"""Who is making a change. The audit trail never invents a name: no identity, no change."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from cecli.errors import CecError, InvalidInput

_AUTHOR = re.compile(r"\s*(?P<name>[^<>]*?)\s*<(?P<email>[^<>\s]+@[^<>\s]+|[^<>\s]+)>\s*\Z")

def how_to_set(in_repository: bool = True) -> str:
    """How to tell cec who you are. Outside a git repository `git config` without --global fails
    ("not in a git directory"), so there the hint says --global (for all your repositories)."""
    scope = "" if in_repository else " --global"
    return (
        'Tell cec who you are, in any one of these ways:\n'
        f'    git config{scope} user.name "Your Name"\n'
        f'    git config{scope} user.email "you@example.org"\n'
        '  or set CEC_AUTHOR="Your Name <you@example.org>" in the environment,\n'
        '  or give --author "Your Name <you@example.org>" to the command.'
    )


HOW_TO_SET = how_to_set()


class NoIdentity(CecError):
    """Nobody to record as the author of a change; nothing was written."""


@dataclass(frozen=True)
class Author:
    name: str
    email: str

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    @classmethod
    def parse(cls, text: str, where: str = "--author") -> "Author":
        match = _AUTHOR.match(text or "")
        if not match or not match["name"]:
            raise InvalidInput(
                f"{where} `{text}` is not a name followed by an email in angle brackets.",
                'Write it as "Ann Lee <ann.lee@example.org>".',
            )
        return cls(match["name"], match["email"])

    def git_env(self) -> dict[str, str]:
        """The environment that makes git record exactly this person as author and committer."""
        return {
            "GIT_AUTHOR_NAME": self.name,
            "GIT_AUTHOR_EMAIL": self.email,
            "GIT_COMMITTER_NAME": self.name,
            "GIT_COMMITTER_EMAIL": self.email,
        }


def resolve_author(explicit: str | Author | None = None, root: Path | str | None = None) -> Author:
    """--author (or a value passed in) > CEC_AUTHOR > git config user.name/user.email of the repository.

    Raises NoIdentity (exit 2) saying how to set one when none is found.
    """
    if isinstance(explicit, Author):
        return explicit
    if explicit:
        return Author.parse(explicit, "--author")
    env = os.environ.get("CEC_AUTHOR", "").strip()
    if env:
        return Author.parse(env, "CEC_AUTHOR")
    in_repository = False
    if root is not None:
        from cecli.store.gitrepo import config_value, find_repo

        name = config_value(Path(root), "user.name")
        email = config_value(Path(root), "user.email")
        if name and email:
            return Author(name, email)
        try:
            in_repository = find_repo(Path(root)) is not None
        except Exception:  # noqa: BLE001 - only the wording of the hint depends on it
            in_repository = False
    raise NoIdentity(
        "cec does not know who is making this change, so it cannot record it in the audit trail. "
        "Nothing was written.",
        how_to_set(in_repository),
    )


def remember_author(root: Path | str, author: Author) -> None:
    """Keep `author` as the council repository's git identity (user.name and user.email in its own
    .git/config), where every later command, in a terminal or through `cec serve`, finds it."""
    from cecli.store.gitrepo import git, require_repo

    repo = require_repo(Path(root))
    git(repo.top, "config", "user.name", author.name, check=True)
    git(repo.top, "config", "user.email", author.email, check=True)
