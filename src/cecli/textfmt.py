"""Dates, times and vocabulary words as people read them, the same in every output (documents,
site, export).

Independent of the machine's locale: the same records always give the same text.
"""

from __future__ import annotations

import datetime as dt

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def long_date(day: dt.date | None) -> str:
    """"Tuesday, October 14, 2025"; "" for no date."""
    if day is None:
        return ""
    return f"{WEEKDAYS[day.weekday()]}, {month_day_year(day)}"


def month_day_year(day: dt.date | None) -> str:
    """"October 14, 2025"; "" for no date."""
    if day is None:
        return ""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def clock(value: dt.time | None) -> str:
    """"6:00 PM"; "" for no time."""
    if value is None:
        return ""
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d} {'AM' if value.hour < 12 else 'PM'}"


def iso_day(value: dt.date | None) -> str:
    """"2025-10-14"; "" for no date."""
    return value.isoformat() if value else ""


# Vocabulary words whose hyphen is part of the English word, not a slug's space: these keep it.
HYPHENATED = frozenset({"faith-based", "vice-chair", "co-chair", "non-profit", "part-time", "full-time"})


def vocabulary_word(slug: str | None) -> str:
    """A category, role, kind or channel as a person writes it, capitalised: `community-member` ->
    "Community member", `faith-based-leader` -> "Faith-based leader", `vice-chair` -> "Vice-chair".
    "" for no word."""
    if not slug:
        return ""
    parts = str(slug).replace("_", "-").split("-")
    words = []
    while parts:
        pair = "-".join(parts[:2])
        if pair in HYPHENATED:
            words.append(pair)
            del parts[:2]
        else:
            words.append(parts.pop(0))
    text = " ".join(words)
    return text[:1].upper() + text[1:]
