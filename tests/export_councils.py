"""Small councils for the export and publish tests, with distinctive private values in the roster."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import MS_COUNCIL, NY_COUNCIL, write_council

# every value here is private: none may appear in anything public
PRIVATE = [
    "ann.lee.private@example.org",
    "662-555-0142",
    "Prefers calls after 6pm; secret-note-7781",
    "bo.chan.hidden@example.net",
    "(601) 555-0199",
    "Zephyrine Quillfeather",  # a student without public_name
    "zephy.q@student.example.edu",
    "student-note-4410",
    "sam.public.private@example.org",
]

MS_ROSTER = """
members:
  - id: ann-lee
    name: Ann Lee
    category: parent
    roles: [chair]
    email: ann.lee.private@example.org
    phone: 662-555-0142
    start_date: 2025-09-01
    note: "Prefers calls after 6pm; secret-note-7781"
  - id: bo-chan
    name: Bo Chan & Sons <Hardware>
    category: business-leader
    roles: [secretary]
    email: bo.chan.hidden@example.net
    phone: (601) 555-0199
    start_date: 2025-09-01
  - id: zq
    name: Zephyrine Quillfeather
    category: student
    email: zephy.q@student.example.edu
    start_date: 2025-09-01
    note: student-note-4410
  - id: sam-public
    name: Sam Public
    category: student
    public_name: true
    email: sam.public.private@example.org
    start_date: 2025-09-01
  - id: old-member
    name: Olive Former
    category: faith-based-leader
    start_date: 2024-09-01
    end_date: 2025-06-30
"""

MS_FILES = {
    "council.yaml": MS_COUNCIL + "meeting_place: Test Elementary Library\npurpose: Support the school's improvement plan.\nschedule_adopted: 2025-09-10\n",
    "roster.yaml": MS_ROSTER,
    "outreach.yaml": """
        communications:
          - {date: 2025-08-04, channel: flyer, purpose: recruitment, evidence: [evidence/flyer.txt]}
          - {date: 2025-08-06, channel: social-media, purpose: recruitment, evidence: [evidence/post.txt]}
          - {date: 2025-10-01, channel: newsletter, purpose: meeting-notice}
        info_sessions:
          - {date: 2025-08-12, start: "17:30", location: Library, attendees: 14, meeting: 2025-08-12, evidence: [evidence/signin-0812.txt]}
          - {date: 2025-08-14, start: "08:00", location: Cafeteria, attendees: 9}
        nominations:
          opened: 2025-08-12
          closed: 2025-08-22
          methods: [electronic, mail, in-person]
          received: 11
          evidence: [evidence/forms.txt]
    """,
    "meetings/2025-08-12.yaml": """
        kind: information-session
        status: held
        date: 2025-08-12
        start: "17:30"
        end: "18:30"
        location: Library
    """,
    "meetings/2025-09-10.yaml": """
        title: First regular meeting
        status: held
        date: 2025-09-10
        start: "18:00"
        end: "19:15"
        location: Test Elementary Library
        open_to_public: true
        agenda_sent: 2025-09-05
        agenda:
          - {title: Welcome & introductions, minutes: 10, presenter: ann-lee}
          - {title: "Review of <school> report card", minutes: 30, presenter: Zephyrine Quillfeather}
        attendance: {present: [ann-lee, bo-chan, zq, sam-public], absent: []}
        minutes: {recorded: 2025-09-11, approved: 2025-10-08, summary: The council reviewed the report card with Zephyrine Quillfeather.}
        motions:
          - text: Adopt the meeting calendar
            moved_by: ann-lee
            seconded_by: zq
            votes: {for: [ann-lee, bo-chan, zq], against: [], abstain: [sam-public]}
            result: carried
        evidence: [evidence/signin-0910.txt]
    """,
    "meetings/2025-10-08.yaml": """
        status: held
        date: 2025-10-08
        start: "18:00"
        end: "19:00"
        agenda:
          - {title: Goals for the year, minutes: 45}
        attendance: {present: [ann-lee, bo-chan], absent: [zq]}
        minutes: {recorded: 2025-10-09, summary: DRAFT-MINUTES-NOT-APPROVED}
    """,
    "meetings/2025-11-12.yaml": """
        status: cancelled
        date: 2025-11-12
        start: "18:00"
        end: "19:00"
    """,
    "goals.yaml": """
        years:
          "2025-26":
            data_reviewed: [{source: school-report-card, date: 2025-09-10, meeting: 2025-09-10}]
            goals:
              - id: reading
                statement: Raise third-grade reading proficiency
                measure: MAAP ELA proficiency
                baseline: 31%
                target: 40%
                progress: [{date: 2026-01-15, note: Winter benchmark up 4 points}]
    """,
    "reports.yaml": """
        public_reports:
          - {date: 2026-02-10, title: Midyear report to families, format: presentation, evidence: [evidence/midyear.txt]}
    """,
    "evidence/flyer.txt": "flyer\n",
    "evidence/post.txt": "post\n",
    "evidence/signin-0812.txt": "sign-in 08-12\n",
    "evidence/signin-0910.txt": "sign-in 09-10\n",
    "evidence/forms.txt": "forms\n",
    "evidence/midyear.txt": "midyear report\n",
    "documents/2025-09-10/agenda.txt": "agenda 09-10\n",
}

NY_FILES = {
    "council.yaml": NY_COUNCIL,
    "roster.yaml": """
        members:
          - {id: pat-principal, name: Pat Principal, category: principal, building_admin: true, start_date: 2025-09-10, email: pat@ny.example.org}
          - {id: pam-parent, name: Pam Parent, category: parent, roles: [chair], start_date: 2025-09-10, phone: 212-555-0100}
          - {id: tim-teacher, name: Tim Teacher, category: teacher, start_date: 2025-09-10}
          - {id: stu-dent, name: Stella Student, category: student, start_date: 2025-09-10}
    """,
    "meetings/2025-09-20.yaml": """
        status: held
        date: 2025-09-20
        start: "16:00"
        end: "17:00"
        attendance: {present: [pat-principal, pam-parent, tim-teacher, stu-dent]}
    """,
    "plan.yaml": """
        school_year: "2025-26"
        adopted: 2025-10-01
        components:
          consultation: Surveys and two forums.
          selection: Elected by peers.
    """,
    "reports.yaml": """
        quarterly_reports:
          - {period: 2025-26 Q1, due: 2025-10-31, submitted: 2025-10-30, signed_by: pam-parent, signed_on: 2025-10-29, evidence: [evidence/q1.txt]}
        continuation_plan: {school_year: "2025-26", submitted: 2025-08-30, signed_by: pam-parent, signed_on: 2025-08-29}
    """,
    "evidence/q1.txt": "q1 signed\n",
}


def git(root: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2026-06-20T10:00:00-05:00",
           "GIT_COMMITTER_DATE": "2026-06-20T10:00:00-05:00", "PATH": "/usr/bin:/bin:/usr/local/bin",
           "HOME": str(root)}
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True, env=env).stdout


def committed(root: Path, files: dict) -> Path:
    """Write the council into `root` and commit it (fixed dates), so exports are reproducible."""
    write_council(root, files)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Start the council")
    return root


def make_ms(tmp_path: Path) -> Path:
    return committed(tmp_path / "ms", MS_FILES)


def make_ny(tmp_path: Path) -> Path:
    return committed(tmp_path / "ny", NY_FILES)
