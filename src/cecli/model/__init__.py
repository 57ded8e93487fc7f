"""The data contract: one pydantic model per council file (see docs/format.md)."""

from .council import CouncilInfo, District, School
from .goals import Goals
from .meeting import Meeting
from .outreach import Outreach
from .plan import Plan
from .plans import Plans
from .recommendations import Recommendations
from .reports import Reports
from .roster import Member, RoleTerm, Roster

# file (relative to the council folder) -> model of its top level; meetings are handled apart
FILE_MODELS = {
    "council.yaml": CouncilInfo,
    "roster.yaml": Roster,
    "goals.yaml": Goals,
    "outreach.yaml": Outreach,
    "reports.yaml": Reports,
    "plan.yaml": Plan,
    "plans.yaml": Plans,
    "recommendations.yaml": Recommendations,
}

__all__ = [
    "CouncilInfo", "District", "School", "Goals", "Meeting", "Outreach", "Plan", "Plans",
    "Recommendations", "Reports", "Member", "RoleTerm", "Roster", "FILE_MODELS",
]
