"""outreach.yaml: how members were recruited: communications, information sessions, nominations, elections."""

from __future__ import annotations

from pydantic import Field

from .base import Clock, Count, Day, Flag, Model, Slug, Text


class Communication(Model):
    date: Day
    channel: Text
    audience: Text | None = None
    purpose: Text | None = None
    description: Text | None = None
    evidence: list[Text] = Field(default_factory=list)


class InfoSession(Model):
    date: Day
    start: Clock | None = None
    end: Clock | None = None
    location: Text | None = None
    attendees: Count | None = None
    meeting: Text | None = None
    evidence: list[Text] = Field(default_factory=list)


class Nominations(Model):
    opened: Day | None = None
    closed: Day | None = None
    methods: list[Text] = Field(default_factory=list)
    received: Count | None = None
    evidence: list[Text] = Field(default_factory=list)


class Candidate(Model):
    name: Text
    category: Text | None = None
    statement: Text | None = None
    votes: Count | None = None
    elected: Flag | None = None
    member: Slug | None = None


class Election(Model):
    id: Slug
    date: Day
    title: Text | None = None
    notice_given: Day | None = None
    seats: Count | None = None
    voters: list[Text] = Field(default_factory=list)
    candidates: list[Candidate] = Field(default_factory=list)
    evidence: list[Text] = Field(default_factory=list)


class Outreach(Model):
    communications: list[Communication] = Field(default_factory=list)
    info_sessions: list[InfoSession] = Field(default_factory=list)
    nominations: Nominations | dict[str, Nominations] | None = None
    elections: list[Election] = Field(default_factory=list)
