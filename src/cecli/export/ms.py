"""Mississippi (ms-cec): the seven MCAPS evidence items, one folder each, and the index that lays
out the state's "CEC Reporting Requirements" table for the coordinator to copy into MCAPS.
"""

from __future__ import annotations

import datetime as dt

from cecli.council import Council
from cecli.export.mcaps import members_in, mcaps_items
from cecli.export.package import Package
from cecli.export.records import (add_meeting_calendar, add_meeting_folder, add_membership_list,
                                  meeting_documents)


def build(package: Package, council: Council, year: str, as_of: dt.date, number: int = 1) -> list[dict]:
    """Add the seven folders; return the index rows (number, required, dates, files, missing)."""
    items = mcaps_items(council, year, as_of)
    meetings = sorted(council.meetings_in(year), key=lambda m: (m.date, m.id))
    generated = meeting_documents(council.root, meetings)
    rows = []
    for item in items:
        files: list[str] = []
        if item.number == 4:
            files += add_membership_list(package, council, members_in(council, year), item.folder, year, as_of)
        elif item.number == 5:
            files += add_meeting_calendar(package, council, meetings, item.folder, year, as_of)
        for meeting in item.meetings:
            files += add_meeting_folder(package, council, meeting, f"{item.folder}/{meeting.id}", as_of,
                                        generated.get(meeting.id, []))
        copied_with_meetings = {rel for m in item.meetings for rel in m.evidence}
        for rel in item.evidence:
            if rel in copied_with_meetings:
                continue
            copied = package.copy(rel, item.folder)
            if copied:
                files.append(copied)
        rows.append({"number": item.number, "folder": item.folder, "required": item.required,
                     "examples": item.examples, "dates": item.dates, "files": list(dict.fromkeys(files)),
                     "missing": item.missing, "detail": item.detail})
    return rows
