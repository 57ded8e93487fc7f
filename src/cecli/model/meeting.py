"""meetings/YYYY-MM-DD.yaml: one file per meeting (a suffix such as -special when two share a day)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, PrivateAttr

from .base import Clock, Count, Day, Flag, Model, Moment, Slug, Text, WebLink


class AgendaItem(Model):
    title: Text
    minutes: Count | None = None
    presenter: Text | None = None
    presenters: list[Text] = Field(default_factory=list)
    kind: Text | None = None
    data: Text | None = None
    notes: Text | None = None  # what was said, as the minutes record it

    @property
    def presenting(self) -> list[str]:
        """Everyone presenting the item (`presenter` and `presenters`), member ids or guests' names."""
        return ([self.presenter] if self.presenter else []) + [p for p in self.presenters if p != self.presenter]


class Guest(Model):
    """A guest named in the minutes (a presenter from the district, a visiting parent)."""

    name: Text
    affiliation: Text | None = None


class Attendance(Model):
    present: list[Slug] = Field(default_factory=list)
    absent: list[Slug] = Field(default_factory=list)
    excused: list[Slug] = Field(default_factory=list)
    guests: Count | list[Text | Guest] | None = None

    @property
    def guest_count(self) -> int:
        if self.guests is None:
            return 0
        return self.guests if isinstance(self.guests, int) else len(self.guests)

    @property
    def named_guests(self) -> list[Guest]:
        """The guests named in the record (none when only their number is recorded)."""
        if not isinstance(self.guests, list):
            return []
        return [g if isinstance(g, Guest) else Guest(name=g) for g in self.guests]


class Minutes(Model):
    recorded: Day | None = None
    sent: Day | None = None
    approved: Day | None = None
    approved_at: Text | None = None  # the meeting (file name) whose motion approved them
    corrections: Text | None = None  # what the council changed when it approved them
    summary: Text | None = None


class Votes(Model):
    for_: list[Slug] = Field(default_factory=list, alias="for")
    against: list[Slug] = Field(default_factory=list)
    abstain: list[Slug] = Field(default_factory=list)
    recused: list[Slug] = Field(default_factory=list)

    def voters(self) -> list[str]:
        return [*self.for_, *self.against, *self.abstain, *self.recused]


RESULTS = ("carried", "failed", "tabled", "withdrawn")


class Motion(Model):
    text: Text
    item: Count | None = None  # the agenda item it is about, numbered from 1
    moved_by: Slug | None = None
    seconded_by: Slug | None = None
    votes: Votes | None = None
    unanimous: Flag | None = None  # every member present voted for (a voice vote); no names recorded
    urgent: Flag | None = None  # not on the posted agenda: taken up as an urgent matter
    result: Literal["carried", "failed", "tabled", "withdrawn"] | None = None


class CalledToOrder(Model):
    time: Clock
    by: Slug | None = None  # the member who called the meeting to order


class OfficerElection(Model):
    """An officer elected at this meeting; the roster's dated role starts on the meeting's date."""

    role: Text
    member: Slug
    motion: Count | None = None  # the motion (numbered from 1) that elected them


class ActionItem(Model):
    task: Text
    owner: Text | None = None
    due: Day | None = None
    done: Flag | Day | None = None


class Meeting(Model):
    title: Text | None = None
    kind: Literal["regular", "special", "information-session", "election"] = "regular"
    status: Literal["scheduled", "held", "cancelled"] | None = None
    cancel_reason: Text | None = None
    date: Day
    start: Clock | None = None
    end: Clock | None = None
    location: Text | None = None
    virtual_link: WebLink | None = None
    open_to_public: Flag | None = None
    called: Moment | None = None  # a special meeting: when it was called ("YYYY-MM-DD HH:MM")
    notice_posted: Moment | None = None
    documents_posted: Moment | None = None  # records to be discussed, posted online
    agenda_sent: Day | None = None
    agenda: list[AgendaItem] = Field(default_factory=list)
    called_to_order: CalledToOrder | None = None
    adjourned: Clock | None = None
    quorum: Literal["present", "not-confirmed"] | None = None
    interpreter: Flag | Text | None = None  # true, or who interpreted into which language
    attendance: Attendance | None = None
    minutes: Minutes | None = None
    motions: list[Motion] = Field(default_factory=list)
    officer_elections: list[OfficerElection] = Field(default_factory=list)
    action_items: list[ActionItem] = Field(default_factory=list)
    evidence: list[Text] = Field(default_factory=list)

    # the file name without .yaml (set by the loader): "2025-10-14" or "2025-10-14-special"
    _id: str = PrivateAttr(default="")

    @property
    def id(self) -> str:
        return self._id or self.date.isoformat()

    def starts_at(self) -> dt.datetime:
        return dt.datetime.combine(self.date, self.start or dt.time(0, 0))

    @property
    def length_minutes(self) -> int | None:
        if not (self.start and self.end):
            return None
        begin = self.start.hour * 60 + self.start.minute
        finish = self.end.hour * 60 + self.end.minute
        return finish - begin

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        return {
            "regular": "Regular meeting",
            "special": "Special meeting",
            "information-session": "Information session",
            "election": "Election",
        }[self.kind]
