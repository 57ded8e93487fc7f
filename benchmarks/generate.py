"""Generate realistic synthetic councils for benchmarks and tests (seeded: the same seed, the same files).

Each council is shaped like sample-council/: council.yaml, a roster of about twelve members,
about ten meeting files, goals, outreach, reports (and plan.yaml for New York), a .gitignore, and
a few evidence files. Mississippi (ms-cec) and New York (ny-cet) councils alternate. Most
councils are in good order; a few carry the slips real councils make (a missing email, a meeting
without attendance) so the rules have something to say.

    python benchmarks/generate.py OUT --count 100 [--seed 7] [--git]

`--git` makes each council its own git repository with one commit (as councils kept by cec are).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
from pathlib import Path

FIRST = ["Maria", "James", "Keisha", "Robert", "Linda", "David", "Angela", "Michael", "Patricia",
         "Darnell", "Jennifer", "Carlos", "Tamika", "William", "Susan", "Andre", "Grace", "Luis",
         "Monique", "Thomas", "Erica", "Jamal", "Rosa", "Henry"]
LAST = ["Lopez", "Johnson", "Williams", "Brown", "Jones", "Davis", "Miller", "Wilson", "Moore",
        "Taylor", "Anderson", "Thomas", "Jackson", "White", "Harris", "Martin", "Thompson", "Garcia",
        "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen"]
TOWNS = ["Greenwood", "Clarksdale", "Hattiesburg", "Meridian", "Tupelo", "Natchez", "Yazoo City",
         "Albany", "Rochester", "Buffalo", "Syracuse", "Utica", "Schenectady", "Troy"]

MS_CATEGORIES = ["parent", "business-leader", "faith-based-leader", "civic-leader", "educator",
                 "nonprofit", "law-enforcement", "librarian", "retiree", "community-member",
                 "health-department", "elected-official"]
NY_CATEGORIES = ["principal", "parent", "parent", "teacher", "teacher", "staff", "student",
                 "community-member", "parent", "administrator", "community-member", "staff"]
MS_ROLES = ["chair", "vice-chair", "secretary", "communications-liaison"]
NY_ROLES = ["chair", "co-chair", "secretary"]

GITIGNORE = ".cec-cache/\n/site/\n/export/\n"


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def council_files(index: int, rng: random.Random, as_of: dt.date = dt.date(2026, 11, 22)) -> dict[str, str]:
    """The files of one council (relative path -> text)."""
    ny = index % 2 == 1
    town = rng.choice(TOWNS)
    school = f"{town} {rng.choice(['Elementary', 'Middle School', 'High School', 'Academy'])}"
    profile = "ny-cet" if ny else "ms-cec"
    kind = "CET" if ny else "CEC"
    year_start = as_of.year if as_of.month >= 7 else as_of.year - 1
    established = dt.date(year_start - 1, 9, rng.randint(2, 25))
    files: dict[str, str] = {".gitignore": GITIGNORE}

    council = [
        f"name: {_q(f'{school} {kind} {index:04d}')}",
        f"profile: {profile}",
        "scope: school",
        f"district: {{name: {_q(town + ' School District')}, code: \"{2000 + index % 800:04d}\"}}",
        "schools:",
        f"  - name: {_q(school)}",
        f"    code: \"{2000 + index % 800:04d}-{index % 97:03d}\"",
        f"    grades: {'6-8' if ny else 'K-5'}",
    ]
    if not ny:
        council.append(f"    rating: {rng.choice('DF')}")
    else:
        council.append(f"designated: {established - dt.timedelta(days=20)}")
    council += [
        "timezone: America/" + ("New_York" if ny else "Chicago"),
        f"established: {established}",
        f"schedule_adopted: {{\"{year_start - 1}-{year_start % 100:02d}\": {established}, \"{year_start}-{(year_start + 1) % 100:02d}\": {dt.date(year_start, 7, 1)}}}",
        f"meeting_place: {_q(school + ' library')}",
        "meeting_defaults:",
        '  start: "17:30"',
        '  end: "18:45"',
        f"  location: {_q(school + ' library')}",
    ]
    files["council.yaml"] = "\n".join(council) + "\n"

    # roster: about twelve members, two of whom have left
    cats = NY_CATEGORIES if ny else MS_CATEGORIES
    roles = list(NY_ROLES if ny else MS_ROLES)
    members, ids = [], []
    size = rng.randint(10, 14)
    for number in range(size):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        member_id = f"{first}-{last}-{number}".lower()
        ids.append(member_id)
        lines = [f"  - id: {member_id}", f"    name: {first} {last}",
                 f"    category: {cats[number % len(cats)]}"]
        if roles and number < len(roles):
            lines.append(f"    roles: [{roles[number]}]")
        if not (index % 7 == 3 and number == 5):  # now and then a member without an email
            lines.append(f"    email: {first.lower()}.{last.lower()}{number}@example.org")
        lines.append(f"    phone: \"601-555-{1000 + rng.randint(0, 8999)}\"")
        lines.append(f"    start_date: {established}")
        if number >= size - 2:
            lines.append(f"    end_date: {dt.date(year_start - 1, 10, 1)}")  # left before the first meeting
        lines.append(f"    selected_by: {rng.choice(['election', 'appointment'])}")
        if ny and cats[number % len(cats)] == "parent":
            lines.append("    district_employee: false")
        members.append("\n".join(lines))
    files["roster.yaml"] = "members:\n" + "\n".join(members) + "\n"
    active = ids[:-2]

    # meetings: about ten, monthly from September of last year on
    meeting_ids = []
    day = dt.date(year_start - 1, 9, 15)
    for number in range(rng.randint(9, 11)):
        day = day + dt.timedelta(days=rng.randint(28, 45))
        while day.weekday() > 3:
            day += dt.timedelta(days=1)
        held = day < as_of
        meeting_ids.append(day.isoformat())
        present = [m for m in active if rng.random() > 0.2]
        absent = [m for m in active if m not in present]
        lines = [
            f"title: {_q(('Regular meeting' if number % 4 else 'Data review meeting'))}",
            "kind: regular",
            f"status: {'held' if held else 'scheduled'}",
            f"date: {day}",
            'start: "17:30"',
            'end: "18:45"',
            f"location: {_q(school + ' library')}",
            "open_to_public: true",
            f"notice_posted: {day - dt.timedelta(days=7)}",
            f"agenda_sent: {day - dt.timedelta(days=5)}",
            "agenda:",
            "  - {title: Welcome and call to order, minutes: 5, kind: welcome}",
            f"  - {{title: Review of the school report card, minutes: 25, presenter: {active[0]}, kind: data-review, data: school-report-card}}",
            "  - {title: Goal progress, minutes: 20, kind: discussion}",
            "  - {title: Public comment, minutes: 15, kind: public-comment}",
        ]
        if held and not (index % 11 == 5 and number == 2):
            lines += ["attendance:",
                      f"  present: [{', '.join(present)}]",
                      f"  absent: [{', '.join(absent)}]",
                      f"  guests: {rng.randint(0, 12)}",
                      "minutes:",
                      f"  recorded: {day}",
                      f"  sent: {day + dt.timedelta(days=6)}",
                      f"  approved: {day + dt.timedelta(days=35)}",
                      "  summary: >-",
                      "    The council reviewed attendance data and the progress of its goals, and heard",
                      "    comments from families about tutoring and transport.",
                      "motions:",
                      f"  - text: {_q('Approve the minutes of the previous meeting')}",
                      f"    moved_by: {present[0] if present else active[0]}",
                      f"    seconded_by: {present[1] if len(present) > 1 else active[1]}",
                      "    votes:",
                      f"      for: [{', '.join(present)}]",
                      "    result: carried",
                      "action_items:",
                      f"  - {{task: Post the agenda on the school website, owner: {active[2]}, due: {day + dt.timedelta(days=20)}, done: true}}",
                      ]
            if number % 3 == 0:
                lines += ["evidence:", f"  - evidence/sign-in-{day}.pdf"]
        files[f"meetings/{day}.yaml"] = "\n".join(lines) + "\n"
        if held and number % 3 == 0 and not (index % 11 == 5 and number == 2):
            files[f"evidence/sign-in-{day}.pdf"] = "%PDF-1.4 synthetic sign-in sheet\n"

    # goals
    goals = ["years:"]
    for year_first in (year_start - 1, year_start):
        year = f"{year_first}-{(year_first + 1) % 100:02d}"
        review_meeting = meeting_ids[0 if year_first < year_start else min(len(meeting_ids) - 1, 7)]
        goals += [f'  "{year}":', "    data_reviewed:",
                  f"      - {{source: school-report-card, date: {review_meeting}, meeting: {review_meeting}}}",
                  "      - {source: climate-data}",
                  "    goals:"]
        for g in range(3):
            goals += [f"      - id: goal-{g + 1}",
                      f"        statement: {_q(['Raise third-grade reading proficiency', 'Cut chronic absence', 'Grow family attendance at events'][g] + ' by ten points')}",
                      "        aligned_to: school improvement plan",
                      "        data: [school-report-card]",
                      "        measure: state assessment",
                      f"        baseline: \"{rng.randint(20, 50)}%\"",
                      f"        target: \"{rng.randint(51, 70)}%\"",
                      "        progress:",
                      f"          - {{date: {dt.date(year_first, 12, 10)}, note: Midyear benchmark shows gains}}"]
    files["goals.yaml"] = "\n".join(goals) + "\n"

    # outreach
    outreach = ["communications:"]
    for c in range(rng.randint(4, 7)):
        when = dt.date(year_start - 1 + c % 2, 8, 1) + dt.timedelta(days=30 * (c // 2) + rng.randint(0, 20))
        outreach += [f"  - date: {when}",
                     f"    channel: {rng.choice(['flyer', 'social-media', 'newsletter', 'website', 'email'])}",
                     "    audience: families and community",
                     f"    purpose: {rng.choice(['recruitment', 'information-session', 'meeting-notice', 'public-report'])}",
                     f"    description: {_q('Notice number ' + str(c + 1) + ' about the council')}"]
    outreach += ["info_sessions:"]
    for s in range(4):
        when = dt.date(year_start - 1 + s // 2, 8, 10 + 10 * (s % 2))
        outreach += [f"  - {{date: {when}, start: \"18:00\", end: \"19:00\", location: {_q(school + ' cafeteria')}, attendees: {rng.randint(8, 40)}}}"]
    outreach += ["nominations:"]
    for first in (year_start - 1, year_start):
        outreach += [f"  \"{first}-{(first + 1) % 100:02d}\":",
                     f"    opened: {dt.date(first, 8, 1)}",
                     f"    closed: {dt.date(first, 8, 25)}",
                     "    methods: [electronic, in-person]",
                     f"    received: {rng.randint(12, 30)}"]
    outreach += ["elections:",
                 f"  - id: election-{year_start - 1}",
                 f"    date: {dt.date(year_start - 1, 8, 28)}",
                 f"    notice_given: {dt.date(year_start - 1, 8, 10)}",
                 "    seats: 4",
                 "    voters: [community, parents]",
                 "    candidates:"]
    for c in range(5):
        outreach += [f"      - {{name: {rng.choice(FIRST)} {rng.choice(LAST)}, category: parent, votes: {rng.randint(5, 60)}, elected: {'true' if c < 4 else 'false'}}}"]
    files["outreach.yaml"] = "\n".join(outreach) + "\n"

    reports = ["public_reports:"]
    for r in range(2):
        when = dt.date(year_start, 5 if r == 0 else 10, 15)
        reports += [f"  - date: {when}", f"    title: {_q('Progress report to the community ' + str(r + 1))}",
                    "    format: presentation", "    audience: school board and families"]
    if ny:
        reports += ["quarterly_reports:"]
        for q in range(1, 5):
            reports += [f"  - {{period: \"{year_start - 1}-{year_start % 100:02d} Q{q}\", submitted: {dt.date(year_start - 1 + (q > 2), (q * 3 + 6) % 12 + 1, 15)}, signed_by: {active[1]}, signed_on: {dt.date(year_start - 1 + (q > 2), (q * 3 + 6) % 12 + 1, 14)}}}"]
        plan = ["school_year: \"%d-%02d\"" % (year_start, (year_start + 1) % 100),
                f"adopted: {dt.date(year_start, 9, 20)}", "components:"]
        for comp in ("consultation", "selection", "involvement", "meetings", "public_input",
                     "recommendations", "coordination"):
            plan.append(f"  {comp}: {_q('How the team handles ' + comp.replace('_', ' ') + ', in plain words.')}")
        plan += ["updates:", f"  - {{date: {dt.date(year_start, 10, 30)}, summary: The plan is on track.}}"]
        files["plan.yaml"] = "\n".join(plan) + "\n"
    files["reports.yaml"] = "\n".join(reports) + "\n"
    return files


def write_council(folder: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def commit(folder: Path) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Benchmark", GIT_AUTHOR_EMAIL="bench@example.org",
               GIT_COMMITTER_NAME="Benchmark", GIT_COMMITTER_EMAIL="bench@example.org")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Start the council's records."]):
        subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def generate(out: Path, count: int, seed: int = 7, git: bool = False, start: int = 0) -> list[Path]:
    """Write `count` councils under `out` (grouped in district folders, as a state keeps them)."""
    rng = random.Random(seed)
    folders = []
    for index in range(start, start + count):
        files = council_files(index, rng)
        folder = Path(out) / f"district-{index // 25:03d}" / f"council-{index:05d}"
        write_council(folder, files)
        if git:
            commit(folder)
        folders.append(folder)
    return folders


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--git", action="store_true", help="make each council a git repository with one commit")
    args = parser.parse_args()
    generate(args.out, args.count, args.seed, args.git)
    print(f"wrote {args.count} councils under {args.out}")


if __name__ == "__main__":
    main()
