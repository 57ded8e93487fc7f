"""plans.yaml: plans a profile asks the council to approve (California: the School Plan for Student
Achievement, one entry per school year)."""

from __future__ import annotations

from pydantic import Field

from .base import Day, Model, SchoolYear, Text


class SpsaApproval(Model):
    """One school year's SPSA: who reviewed and approved it, when."""

    elac_reviewed: Day | None = None  # the English Learner Advisory Committee reviewed it
    council_approved: Day | None = None  # the school site council approved it
    board_approved: Day | None = None  # the local governing board approved it
    evidence: list[Text] = Field(default_factory=list)


class Plans(Model):
    spsa: dict[SchoolYear, SpsaApproval] = Field(default_factory=dict)
