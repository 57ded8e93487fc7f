"""`cec init`: a new council folder, valid from the first commit, explained in its own comments.

The files are written through `cecli.store.change` (so they are checked like any other change) and
make the repository's first council commit: "Create the council records for <name>."
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from cecli.errors import CecError, InvalidInput

GRADES = ("A", "B", "C", "D", "F")
LEVELS = ("elementary", "secondary")
KEEP_FOLDERS = ("meetings", "evidence", "documents", "templates")


@dataclass
class School:
    name: str
    grades: str | None = None
    rating: str | None = None
    code: str | None = None
    level: str | None = None


@dataclass
class Setup:
    """Everything `cec init` asks for."""

    profile: str
    name: str
    scope: str = "school"
    district: str | None = None
    district_code: str | None = None
    schools: list[School] = field(default_factory=list)
    established: dt.date | None = None
    designated: dt.date | None = None
    records_start: dt.date | None = None


def parse_school(text: str) -> School:
    """"Name|grades|rating" (grades and rating optional): `Test Elementary|K-5|D`. Where the state
    does not grade schools, the third part may be the school's level: `Hillcrest High|9-12|secondary`."""
    parts = [part.strip() for part in text.split("|")]
    if not parts[0] or len(parts) > 4:
        raise InvalidInput(f"--school `{text}` is not written as \"Name|grades|rating\".",
                           'For example --school "Test Elementary|K-5|D". Nothing was written.')
    grades = parts[1] if len(parts) > 1 and parts[1] else None
    rating = parts[2].upper() if len(parts) > 2 and parts[2] else None
    code = parts[3] if len(parts) > 3 and parts[3] else None
    if rating and rating.lower() in LEVELS:
        return School(parts[0], grades, None, code, rating.lower())
    if rating and rating not in GRADES:
        raise InvalidInput(f"--school `{text}`: the rating `{parts[2]}` is not a letter grade A, B, C, D or F.",
                           "Leave it out where the state does not grade schools. Nothing was written.")
    return School(parts[0], grades, rating, code)


def check_setup(setup: Setup) -> None:
    from cecli import profiles

    known = profiles.available()
    if setup.profile not in known:
        raise InvalidInput(f"--profile `{setup.profile}` is not a profile cec knows.",
                           f"Use one of: {', '.join(known)}. Nothing was written.")
    if not setup.name.strip():
        raise InvalidInput("The council needs a name (--name).", "Nothing was written.")
    if setup.scope not in ("school", "district"):
        raise InvalidInput(f"--scope `{setup.scope}` should be `school` or `district`.", "Nothing was written.")
    if setup.designated and setup.established and setup.established < setup.designated:
        pass  # allowed: some councils predate a later designation


# --- the files ---------------------------------------------------------------------------------

def _dump(data, comments: dict[str, str], header: str) -> str:
    """YAML for `data`, with a comment line (or lines) above each top-level key named in `comments`."""
    from cecli.store.yamlrt import make_yaml, to_yaml

    doc = to_yaml(data, set())
    for key, text in comments.items():
        if key in doc:
            doc.yaml_set_comment_before_after_key(key, before=text)
    out = io.StringIO()
    make_yaml().dump(doc, out)
    body = out.getvalue()
    return header.rstrip("\n") + "\n\n" + body


def council_text(setup: Setup) -> str:
    from cecli import profiles

    profile = profiles.load(setup.profile)
    rated = bool(profile.init.get("school_rating"))
    data: dict = {"name": setup.name, "profile": setup.profile, "scope": setup.scope}
    if setup.district:
        data["district"] = {"name": setup.district, "code": setup.district_code}
    data["schools"] = [
        {"name": s.name, "code": s.code, "grades": s.grades, "rating": s.rating if rated else None,
         **({"level": s.level} if s.level else {})}
        for s in setup.schools
    ]
    data["timezone"] = profile.timezone
    for key, value in (profile.init.get("council_fields") or {}).items():
        data[key] = value
    if profile.init.get("agenda"):
        data["meeting_defaults"] = {"agenda": [dict(item) for item in profile.init["agenda"]]}
    if setup.designated:
        data["designated"] = setup.designated
    if setup.established:
        data["established"] = setup.established
    if setup.records_start:
        data["records_start"] = setup.records_start
    comments = {
        "name": "The council's full name, as it appears on agendas and reports.",
        "profile": f"Which state's rules apply: {setup.profile} ({profile.title}).",
        "scope": "`school` when the council serves one school, `district` for a whole district.",
        "district": "The school district (its state code is optional).",
        "schools": "The schools the council serves: name, state code, grades"
                   + (" and the state's letter grade (A-F)." if rated else "")
                   + (" and `level` (elementary or secondary)." if profile.init.get("school_level") else "."),
        "timezone": "Used for meeting times in calendars.",
        "designated": "The date the school was designated (the rating or Receivership designation that requires the council).",
        "established": "The date the council was formed.",
        "records_start": "The records in cec start on this date: what happened before it is kept but not judged.",
        "meeting_defaults": "What `cec meeting new` puts on every agenda (this state asks for these items).",
        **(profile.init.get("comments") or {}),
    }
    header = (
        "# council.yaml: who this council is and which state's rules apply to it.\n"
        "# You may edit any file by hand. Afterwards run `cec check`, then\n"
        '# `cec commit -m "what changed"` to record the edit in the audit trail.\n'
        "#\n"
        "# Optional settings you can add below:\n"
        "#   meeting_place: Library, Test Elementary School\n"
        "#   schedule_adopted: 2025-08-20      (the date the meeting schedule was adopted)\n"
        "#   records_start: 2025-07-01         (earlier records are kept but not judged)\n"
        "#   meeting_defaults: {start: \"17:30\", end: \"18:30\", location: Library}"
    )
    return _dump(data, comments, header)


def roster_text(setup: Setup) -> str:
    from cecli import profiles

    profile = profiles.load(setup.profile)
    import textwrap

    categories = "\n".join("#   " + line for line in textwrap.wrap(
        ", ".join(profile.vocabularies.get("category", ())) + ".", 90, break_on_hyphens=False))
    roles = ", ".join(profile.vocabularies.get("role", ()))
    return (
        "# roster.yaml: everyone who is or has been a member of the council.\n"
        "# Add members with `cec member add` (or `cec member import roster.csv`).\n"
        "# Members are never deleted: when someone leaves, `cec member end` sets end_date,\n"
        "# so the council's make-up can be checked for any past date.\n"
        "#\n"
        "# Each member has: id (a short name used in other files, such as maria-lopez), name,\n"
        "# category, roles, email, phone, start_date, end_date, selected_by, note.\n"
        f"# Categories ({profile.name}):\n{categories}\n"
        f"# Officer roles: {roles}.\n"
        "\n"
        "members: []\n"
    )


SIMPLE_FILES = {
    "goals.yaml": (
        "# goals.yaml: for each school year, the data the council reviewed and the goals it set.\n"
        "# Add goals with `cec goal add`; progress notes with `cec goal progress`.\n"
        "\n"
        "years: {}\n"
    ),
    "outreach.yaml": (
        "# outreach.yaml: how the council reached the community: communications (flyers,\n"
        "# newsletters, posts), information sessions, the nominations window and elections.\n"
        "# Add entries with `cec outreach add`.\n"
        "\n"
        "communications: []\n"
        "info_sessions: []\n"
        "elections: []\n"
    ),
    "recommendations.yaml": (
        "# recommendations.yaml: what the council recommended to school or district leadership\n"
        "# or the school board, and the response.\n"
        "\n"
        "recommendations: []\n"
    ),
}


def reports_text(setup: Setup) -> str:
    text = (
        "# reports.yaml: the council's public progress reports to the community\n"
        "# (presentations, newsletters, board reports). Add them with `cec report add`.\n"
    )
    from cecli import profiles

    if profiles.load(setup.profile).init.get("quarterly_reports"):
        text += (
            "# New York: quarterly reports and the Continuation Plan are signed by a CET member\n"
            "# who is not a building administrator: record it with `cec sign`.\n"
            "\npublic_reports: []\nquarterly_reports: []\n"
        )
    else:
        text += "\npublic_reports: []\n"
    return text


PLAN_TEXT = (
    "# plan.yaml: the Community Engagement Plan (New York). Write a few sentences under each\n"
    "# of the seven components; `cec plan` turns this into the plan document.\n"
    "\n"
    "school_year:\n"
    "adopted:\n"
    "components:\n"
    "  # How stakeholders were consulted in developing this plan\n"
    "  consultation:\n"
    "  # How members of the CET are identified and selected\n"
    "  selection:\n"
    "  # The manner and extent of the expected involvement of all parties\n"
    "  involvement:\n"
    "  # How the CET conducts meetings and formulates recommendations\n"
    "  meetings:\n"
    "  # How the CET solicits public input\n"
    "  public_input:\n"
    "  # How the CET makes recommendations and is informed about the Continuation Plan\n"
    "  recommendations:\n"
    "  # How the CET coordinates with the school's shared decision making or leadership team\n"
    "  coordination:\n"
    "# Quarterly updates on carrying out the plan: date, period (\"2025-26 Q1\"), summary.\n"
    "updates: []\n"
)

SPSA_TEXT = (
    "# plans.yaml: the plans this council approves. California: the School Plan for Student\n"
    "# Achievement (SPSA), one entry per school year, with the dates the English Learner Advisory\n"
    "# Committee reviewed it (when the school has one), the council approved it, and the board\n"
    "# approved it. `cec plan` writes the approval record.\n"
    "#\n"
    "# spsa:\n"
    "#   \"2026-27\":\n"
    "#     elac_reviewed: 2026-04-14\n"
    "#     council_approved: 2026-05-12\n"
    "#     board_approved: 2026-06-18\n"
    "#     evidence: [evidence/2026-27-spsa-approval-minutes.pdf]\n"
    "\n"
    "spsa: {}\n"
)

# what a profile's `init: files:` can ask for: the kind of file -> its starting text
PLAN_FILES = {"engagement-plan": PLAN_TEXT, "spsa": SPSA_TEXT}

GITIGNORE = ("# Files cec can rebuild at any time from the records (not records themselves).\n"
             ".cec-cache/\n/site/\n/meetings.ics\n/*-evidence/\n/*-evidence.zip\n")


def scaffold(setup: Setup) -> dict[str, str]:
    """Every file of a new council folder: relative path -> text."""
    files = {
        "council.yaml": council_text(setup),
        "roster.yaml": roster_text(setup),
        **SIMPLE_FILES,
        "reports.yaml": reports_text(setup),
        ".gitignore": GITIGNORE,
    }
    from cecli import profiles

    for rel, kind in (profiles.load(setup.profile).init.get("files") or {}).items():
        files[rel] = PLAN_FILES[kind]
    for folder in KEEP_FOLDERS:
        files[f"{folder}/.gitkeep"] = ""
    return dict(sorted(files.items()))


# --- creating it -------------------------------------------------------------------------------

class CouncilExists(CecError):
    """The folder already holds a council (or some of its files); nothing was overwritten."""


def create_council(root: Path, setup: Setup, author: str | None = None):
    """Write the scaffold and make the first commit. Returns the store's Change (its .result)."""
    from cecli.store import change, resolve_author
    from cecli.store.gitrepo import find_repo, git

    check_setup(setup)
    root = Path(root).absolute()
    files = scaffold(setup)
    if (root / "council.yaml").exists():
        raise CouncilExists(f"{root} already holds a council (it has a council.yaml). Nothing was changed.",
                            "Use `cec check` to see its state, or choose an empty folder for a new council.")
    clashes = [rel for rel in files if (root / rel).exists() and not rel.endswith(".gitkeep")]
    if clashes:
        raise CouncilExists(f"{root} already has {', '.join(clashes)}; cec will not overwrite them. "
                            "Nothing was changed.", "Move them away or choose an empty folder.")
    existing = root
    while not existing.exists():
        existing = existing.parent
    who = resolve_author(author, existing)  # before anything is created
    made_root = not root.exists()
    root.mkdir(parents=True, exist_ok=True)
    made_repo = find_repo(root) is None
    if made_repo:
        git(root, "init", "-q", check=True)
    try:
        with change(root, f"Create the council records for {setup.name.strip()}.", who,
                    new_council=True) as tx:
            for rel, text in files.items():
                if not (root / rel).exists():
                    tx.write_text(rel, text)
    except BaseException:
        if made_repo:
            shutil.rmtree(root / ".git", ignore_errors=True)
        if made_root:
            shutil.rmtree(root, ignore_errors=True)
        raise
    return tx
