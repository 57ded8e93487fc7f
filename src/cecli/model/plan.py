"""plan.yaml: New York's Community Engagement Plan (its seven components) and its quarterly updates."""

from __future__ import annotations

from pydantic import Field

from .base import Day, Model, Text

# The seven components, in the order NYSED lists them, with the plain heading each gets in documents.
COMPONENTS: dict[str, str] = {
    "consultation": "How stakeholders were consulted in developing this plan",
    "selection": "How members of the CET are identified and selected",
    "involvement": "The manner and extent of the expected involvement of all parties",
    "meetings": "How the CET conducts meetings and formulates recommendations",
    "public_input": "How the CET solicits public input",
    "recommendations": "How the CET makes recommendations and is informed about the Continuation Plan",
    "coordination": "How the CET coordinates with the school's shared decision making or leadership team",
}


class Components(Model):
    consultation: Text | None = None
    selection: Text | None = None
    involvement: Text | None = None
    meetings: Text | None = None
    public_input: Text | None = None
    recommendations: Text | None = None
    coordination: Text | None = None

    def missing(self) -> list[str]:
        return [name for name in COMPONENTS if not (getattr(self, name) or "").strip()]


class PlanUpdate(Model):
    date: Day
    period: Text | None = None  # "2025-26 Q1"
    meeting: Text | None = None
    summary: Text


class Plan(Model):
    school_year: Text | None = None
    adopted: Day | None = None
    components: Components = Field(default_factory=Components)
    updates: list[PlanUpdate] = Field(default_factory=list)
