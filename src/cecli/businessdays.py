"""Business days: weekdays that are not public holidays in a state's calendar.

Definition used everywhere in cec: "N business days after D" is the Nth day after D that is a
weekday (Monday to Friday) and not a public holiday. D itself is never counted, and D may be a
weekend or a holiday. So 1 business day after Friday 2025-11-21 is Monday 2025-11-24, and 1
business day after Saturday 2025-11-22 is also Monday 2025-11-24.

Holidays come from the `holidays` library for the profile's calendar (`holidays:` in the profile
file, such as `{country: US, subdivision: NY}`). For New York that is the federal holidays plus
Lincoln's Birthday, Susan B. Anthony Day and Election Day, the public holidays of General
Construction Law § 24. "Observed" days are the library's: a federal holiday on a Saturday is
observed on the Friday before, one on a Sunday on the Monday after, and the observed day is not a
business day. Closures particular to a school or district are not holidays here.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

ONE_DAY = dt.timedelta(days=1)


@lru_cache(maxsize=32)
def _calendar(country: str, subdivision: str | None, years: tuple[int, ...]) -> frozenset[dt.date]:
    import holidays

    found = holidays.country_holidays(country, subdiv=subdivision, years=years)
    return frozenset(found.keys())


def _years_for(start: dt.date, end: dt.date) -> tuple[int, ...]:
    return tuple(range(start.year, end.year + 1))


def _spec(calendar: dict | None) -> tuple[str, str | None]:
    calendar = calendar or {}
    return str(calendar.get("country", "US")), calendar.get("subdivision")


def holidays_between(start: dt.date, end: dt.date, calendar: dict | None = None) -> frozenset[dt.date]:
    """The public holidays of `calendar` in the years from `start` to `end` (a cached set)."""
    country, subdivision = _spec(calendar)
    return _calendar(country, subdivision, _years_for(start, end))


def is_business_day(day: dt.date, calendar: dict | None = None) -> bool:
    return day.weekday() < 5 and day not in holidays_between(day, day, calendar)


def add_business_days(day: dt.date, count: int, calendar: dict | None = None) -> dt.date:
    """The `count`th business day after `day` (`day` itself not counted; count >= 1)."""
    if count < 1:
        raise ValueError("count must be at least 1")
    # 2 calendar days per business day plus a month covers any run of weekends and holidays
    closed = holidays_between(day, day + dt.timedelta(days=2 * count + 31), calendar)
    current, left = day, count
    while left:
        current += ONE_DAY
        if current.weekday() < 5 and current not in closed:
            left -= 1
    return current


def business_days_between(start: dt.date, end: dt.date, calendar: dict | None = None) -> int:
    """How many business days fall after `start` up to and including `end` (0 if end <= start)."""
    if end <= start:
        return 0
    closed = holidays_between(start, end, calendar)
    count, current = 0, start
    while current < end:
        current += ONE_DAY
        if current.weekday() < 5 and current not in closed:
            count += 1
    return count
