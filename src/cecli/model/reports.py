"""reports.yaml: public progress reports; New York's quarterly reports and Continuation Plan signatures."""

from __future__ import annotations

from pydantic import Field

from .base import Day, Model, Slug, Text


class PublicReport(Model):
    date: Day
    title: Text
    format: Text | None = None
    audience: Text | None = None
    link: Text | None = None
    meeting: Text | None = None
    evidence: list[Text] = Field(default_factory=list)


class QuarterlyReport(Model):
    period: Text  # "2025-26 Q1"
    due: Day | None = None
    submitted: Day | None = None
    signed_by: Slug | None = None
    signed_on: Day | None = None
    posted: Day | None = None  # posted on the district website
    link: Text | None = None  # where it is posted
    evidence: list[Text] = Field(default_factory=list)


class ContinuationPlan(Model):
    school_year: Text | None = None
    submitted: Day | None = None
    signed_by: Slug | None = None
    signed_on: Day | None = None
    evidence: list[Text] = Field(default_factory=list)


class Reports(Model):
    public_reports: list[PublicReport] = Field(default_factory=list)
    quarterly_reports: list[QuarterlyReport] = Field(default_factory=list)
    continuation_plan: ContinuationPlan | None = None
