"""recommendations.yaml: what the council recommended to school or district leadership or the board."""

from __future__ import annotations

from pydantic import Field

from .base import Day, Model, Slug, Text


class Recommendation(Model):
    id: Slug
    date: Day
    to: Text | None = None
    text: Text
    meeting: Text | None = None
    response: Text | None = None
    status: Text | None = None


class Recommendations(Model):
    recommendations: list[Recommendation] = Field(default_factory=list)
