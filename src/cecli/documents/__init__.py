"""Word documents from the council's data: meeting paperwork, ballots, forms, the plan, reports.

Every document is a function taking the Council (and what it needs) and returning .docx bytes;
nothing here writes files or commits. python-docx, docxtpl and jinja2 are imported only when a
document is built, so `cec check` never loads them. See docs/documents.md.
"""

from cecli.documents.meetings import meeting_documents
from cecli.documents.recruiting import ballot, info_session, interest_form
from cecli.documents.reporting import engagement_plan, progress_report
from cecli.documents.templating import TEMPLATES, TemplateProblem

__all__ = [
    "meeting_documents", "ballot", "interest_form", "info_session", "engagement_plan",
    "progress_report", "TEMPLATES", "TemplateProblem",
]
