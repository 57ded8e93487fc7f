"""goals.yaml: per school year, the data the council reviewed and the goals it set from it."""

from __future__ import annotations

from pydantic import Field

from .base import Day, Model, SchoolYear, Slug, Text


class DataReview(Model):
    source: Text
    date: Day | None = None
    meeting: Text | None = None
    note: Text | None = None


class ProgressNote(Model):
    date: Day
    note: Text


class Goal(Model):
    id: Slug
    statement: Text
    aligned_to: Text | None = None
    data: list[Text] = Field(default_factory=list)
    measure: Text | None = None
    baseline: Text | None = None
    target: Text | None = None
    progress: list[ProgressNote] = Field(default_factory=list)


class GoalYear(Model):
    data_reviewed: list[DataReview] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)


class Goals(Model):
    years: dict[SchoolYear, GoalYear] = Field(default_factory=dict)
