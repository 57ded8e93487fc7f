"""A small council for the document tests: awkward text everywhere it can be."""

from __future__ import annotations

import datetime as dt

TITLE = 'Budget & <FY26> review "draft"'
COUNCIL_NAME = 'Núñez & <Test> "Elementary" CEC'
DAY = dt.date(2025, 12, 1)

FILES = {
    "council.yaml": """
        name: 'Núñez & <Test> "Elementary" CEC'
        profile: ms-cec
        scope: school
        district: {name: Test County School District, code: "9999"}
        schools:
          - {name: Test Elementary, code: "9999-001", grades: K-5, rating: D}
        established: 2025-08-01
        meeting_place: Library
    """,
    "roster.yaml": """
        members:
          - {id: jose-nunez, name: José Núñez, category: parent, roles: [chair], email: jose@example.org, phone: "555-0100", note: Private remark}
          - {id: nguyen-thi-lan, name: Nguyễn Thị Lan, category: business-leader, roles: [secretary]}
          - {id: sam-hidden, name: Samantha Hiddenname, category: student}
          - {id: pat-lee, name: Pat Lee, category: faith-based-leader}
    """,
    "meetings/2025-10-14.yaml": """
        title: 'Budget & <FY26> review "draft"'
        date: 2025-10-14
        start: "18:00"
        end: "19:30"
        location: Test Elementary library
        status: held
        agenda:
          - {title: Welcome, minutes: 5, presenter: José Núñez}
          - {title: "Data & <scores>", minutes: 30, presenter: Nguyễn Thị Lan}
          - {title: Public comment, minutes: 15, kind: public-comment}
        attendance: {present: [jose-nunez, nguyen-thi-lan, sam-hidden], absent: [pat-lee]}
        motions:
          - text: Adopt the schedule
            moved_by: jose-nunez
            seconded_by: pat-lee
            votes: {for: [jose-nunez, pat-lee], abstain: [nguyen-thi-lan]}
            result: carried
    """,
    "meetings/2025-11-11.yaml": """
        date: 2025-11-11
        start: "18:00"
        status: held
    """,
    "outreach.yaml": """
        info_sessions:
          - {date: 2025-09-02, start: "17:30", end: "18:30", location: Cafeteria}
        nominations: {opened: 2025-09-03, closed: 2025-09-17, methods: [electronic, mail]}
        elections:
          - id: fall-2025
            title: 'Budget & <FY26> review "draft"'
            date: 2025-09-30
            seats: 3
            voters: [community]
            candidates:
              - {name: José Núñez, category: parent}
              - {name: Nguyễn Thị Lan, category: business-leader}
              - {name: Pat Lee, category: civic-leader}
    """,
    "goals.yaml": """
        years:
          "2025-26":
            data_reviewed:
              - {source: school-report-card, date: 2025-10-14}
            goals:
              - id: reading
                statement: 'Budget & <FY26> review "draft"'
                measure: MAAP ELA proficiency
                baseline: "31%"
                target: "40%"
                progress:
                  - {date: 2025-11-11, note: Tutoring started}
    """,
    "plan.yaml": """
        school_year: "2025-26"
        adopted: 2025-10-14
        components:
          consultation: |
            We asked parents & teachers.

            A second paragraph.
          selection: Elections.
    """,
    "recommendations.yaml": """
        recommendations:
          - {id: tutoring, date: 2025-11-11, to: school-leadership, text: "Fund tutoring & <more>", status: accepted}
    """,
}


def every_document(council) -> dict[str, bytes]:
    """Every document cec writes, for this council."""
    from cecli import documents

    meeting = next(m for m in council.meetings if m.id == "2025-10-14")
    out = dict(documents.meeting_documents(council, meeting))
    out["ballot.docx"] = documents.ballot(council, "fall-2025", copies=2)
    out["interest-form.docx"] = documents.interest_form(council, DAY)
    out["info-session.docx"] = documents.info_session(council, dt.date(2025, 9, 2))
    out["plan.docx"] = documents.engagement_plan(council, DAY)
    out["progress-report.docx"] = documents.progress_report(council, "2025-26", DAY)
    return out


def docx_text(data: bytes) -> str:
    """All the text of a .docx (body, headers, footers), XML entities decoded."""
    import io
    import re
    import zipfile
    from xml.sax.saxutils import unescape

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = [n for n in z.namelist() if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n)]
        xml = "".join(z.read(n).decode("utf-8") for n in sorted(parts))
    texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
    return unescape("\n".join(texts), {"&quot;": '"', "&apos;": "'"})


def docx_part(data: bytes, name: str = "word/document.xml") -> str:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")
