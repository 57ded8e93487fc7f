"""Word documents from the council's data: meeting paperwork, ballots, forms, the plan, reports.

Every document is a function taking the Council (and what it needs) and returning .docx bytes;
nothing here writes files or commits. python-docx, docxtpl and jinja2 are imported only when a
document is built, so `cec check` never loads them. See docs/documents.md.
"""

from cecli.documents.meetings import meeting_documents

__all__ = ["meeting_documents"]
